# Members' claims and their review, claim cards, quiz questions, the opinion map and report.

claim-no-session = No session is open here, so there is nothing to propose a claim for. Try again when the next excerpt is posted.
claim-decided-by-you = you
claim-already-approved-card-by = Claim #{ $id } was already approved by { $by } and posted as card #{ $card }; nothing changed.
claim-already-approved-card = Claim #{ $id } was already approved and posted as card #{ $card }; nothing changed.
claim-already-approved-by = Claim #{ $id } was already approved by { $by }; nothing changed.
claim-already-approved = Claim #{ $id } was already approved; nothing changed.
claim-already-rejected-by = Claim #{ $id } was already rejected by { $by }; nothing changed.
claim-already-rejected = Claim #{ $id } was already rejected; nothing changed.
claim-no-words = That claim has no words in it; write the statement members should vote on.
claim-in-session = This session already has that claim (the excerpt suggests it, or it is being voted on).
claim-already-proposed = Someone has already proposed that claim in this session; vote on it when its card is posted.
claim-queued = Thanks: your claim is #{ $id } in the queue. A facilitator will review it; once approved it is posted as a card everyone can vote on.
claim-queue-empty = No claims are waiting for review.
claim-queue-title = { $n ->
    [one] { $n } claim waiting for review:
   *[other] { $n } claims waiting for review:
}
claim-former-member = a former member
claim-queue-how = `claim approve N` posts one as a vote card (add "reworded text" to edit it); `claim reject N` drops it.
claim-no-such = This group has no proposed claim #{ $id }.
claim-approve-post = A proposed claim is approved as a new card (or a pre card); repeat it after the discussion with `poll create --phase post`.
claim-reworded-empty = The reworded claim has no words in it.
claim-reworded-taken = The session already has a claim with those words; reword it differently or reject this one.
claim-approved = Claim #{ $id } is approved and posted as card #{ $card }.
claim-rejected = Claim #{ $id } is rejected: it will not be posted or shown anywhere.

cards-no-session = No session is open here; post an excerpt first (`excerpt next`).
cards-none-suggested = The current excerpt suggests no claims. Members can propose their own with `claim add "…"`.
cards-all-posted = Every claim the excerpt suggests already has its card in this session.
cards-posted = { $n ->
    [one] Posted { $n } claim as a vote card: { $cards }.
   *[other] Posted { $n } claims as vote cards: { $cards }.
}

quiz-needs-answer = A quiz question needs its right answer: add --answer N (1 is the first option).
quiz-bad-answer = --answer { $answer } is not one of the { $n } options; give a number from 1 to { $n }.
quiz-no-pre = There is no pre quiz question waiting for its pair; add one with --phase pre first.
quiz-pre-is-poll = The waiting pre poll (#{ $id }) is a poll, not a quiz question; pair it with `poll create --phase post`.
quiz-post-answer = A post quiz question keeps its pre question's answer; leave --answer out.
quiz-open-pre = Quiz question #{ $id } is open (before the discussion). The right answer stays hidden from the results; the report shows what members learned.
quiz-open-post = Quiz question #{ $id } is open (after the discussion). The right answer stays hidden from the results; the report shows what members learned.

map-scope-session = session #{ $id }
map-scope-reading = reading #{ $id } ({ $title })
map-no-session = This group has no session yet; the map needs claims voted on in one.
report-no-session = This group has no session yet.
session-no-such = This group has no session #{ $id }.
