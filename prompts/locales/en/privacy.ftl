# A member's own data (privacy my-data, forget-me, quotes) and exports.

privacy-votes-on-cards = { $n ->
    [one] { $n } on a claim card
   *[other] { $n } on claim cards
}
privacy-quiz-answers = { $n ->
    [one] { $n } quiz answer
   *[other] { $n } quiz answers
}
privacy-claims-approved = { $n } approved
privacy-claims-pending = { $n } waiting for review
privacy-claims-rejected = { $n } rejected
privacy-claims-proposed = { $n ->
    [one] { $n } claim you proposed ({ $parts })
   *[other] { $n } claims you proposed ({ $parts })
}
privacy-my-data = Here is what colloquy holds about you: { $replies }, { $votes } (anonymous votes cannot be linked to you, so they are not included).
privacy-my-data-claims = Here is what colloquy holds about you: { $replies }, { $votes } and { $claims } (anonymous votes cannot be linked to you, so they are not included).
privacy-no-record = You have no record here.
privacy-my-data-file = Your replies, votes and proposed claims as JSON
privacy-forget-ask = This deletes your { $replies }, your { $votes } and your member record, everywhere colloquy runs, and rebuilds the summaries that quoted you or showed your reasons. Messages already posted in the chat stay there. Anonymous votes stay, unlinkable.
privacy-forget-ask-claims = { $n ->
    [one] This deletes your { $replies }, your { $votes }, the claim you proposed that was not approved and your member record, everywhere colloquy runs, and rebuilds the summaries that quoted you or showed your reasons. Messages already posted in the chat stay there. Anonymous votes stay, unlinkable.
   *[other] This deletes your { $replies }, your { $votes }, the { $n } claims you proposed that were not approved and your member record, everywhere colloquy runs, and rebuilds the summaries that quoted you or showed your reasons. Messages already posted in the chat stay there. Anonymous votes stay, unlinkable.
}
privacy-forget-cards-stay = { $n ->
    [one] The claim you proposed that became a vote card stays as the group's, with no name.
   *[other] Claims you proposed that became vote cards stay as the group's, with no name.
}
privacy-forget-confirm-hint = To go ahead: `privacy forget-me --confirm`.
privacy-proposed-claims = { $n ->
    [one] { $n } proposed claim
   *[other] { $n } proposed claims
}
privacy-forgot = Done: { $replies } and { $votes } deleted, and your member record is gone.
privacy-forgot-with-claims = Done: { $replies }, { $votes } and { $claims } deleted, and your member record is gone.
privacy-forgot-nothing = Done: colloquy held nothing about you, so nothing was deleted.
privacy-forgot-after = Nothing you wrote or voted before now will be recorded again, even when the bot restarts and reads the chat's history. If you take part again (write in a session or vote), that is recorded as usual, and `privacy forget-me` removes it again.
privacy-quotes-on = Summaries may quote you by name again.
privacy-quotes-off = From now on summaries quote you as "a member", never by name, and the optional LLM may not name you.

export-ready = Export ready: { $files }.
export-no-minutes = No session has run here yet, so there are no minutes.
export-minutes-file = Minutes of session #{ $id }
export-replies-file = Replies as CSV
export-votes-file = Votes of named polls as CSV
export-anonymous-votes-file = Votes of anonymous polls as CSV, without voters
export-attendance-file = Attendance of live sessions as CSV (local times)
export-json-file = Everything about this group as JSON
