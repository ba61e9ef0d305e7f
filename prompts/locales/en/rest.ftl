# The rest of what the bot writes: adapters' own lines, stats, the poll chart's words,
# the note on cut replies and the console's notices.

## Discord options refused before anything runs
discord-deadline-twice = Give the deadline once: minutes, hours or until.
discord-deadline-missing = Say how long: minutes, hours or until.
discord-session-and-reading = Give a session or a reading, not both.
discord-quiz-question-missing = Give the question, with its options and the right answer.
# An answer with no text of its own.
reply-done = Done.

## Sessions and stats
session-live-title = live session #{ $id }
session-number = session #{ $id }
session-none-yet = No session has run here yet.
summary-nobody-yet = Nobody has replied in session #{ $id } yet, so there is no summary.
summary-nobody-replied = Nobody replied in { $title } (session #{ $id }) in { $group }, so no summary was posted.
stats-title = **Participation in { $group }**
# $sessions, $replies, $words, $polls are counts ("3 sessions"); $members is a number.
stats-totals = { $sessions }, { $replies } from { $members ->
    [one] { $members } member
   *[other] { $members } members
}, { $words }. Voices spread { $evenness }. { $polls }.
stats-member = - { $name }: { $replies }, { $words }
stats-more = - and { $n } more

## The poll results chart
count-voters = { $n ->
    [one] { $n } voter
   *[other] { $n } voters
}
chart-before = Before
chart-after = After
chart-votes = Votes
# "Before (poll #1 · 6 voters)"
chart-series-label = { $name } (poll #{ $id } · { $voters })
chart-single-subtitle = Poll #{ $id } · { $voters }
chart-pair-subtitle = Poll #{ $pre } before and #{ $post } after the discussion
chart-net-shift = { " · " }net shift { $net } toward { $pole }
chart-changed = { " · " }{ $changed } of { $paired } who voted in both changed
chart-caption-single = Each bar: count · share of the voters
chart-caption-pair = Each bar: count · share of that poll's voters
chart-alt-single = Bar chart of poll #{ $id }, each option's share of { $voters }: { $bars }.
chart-alt-pair = Paired bar chart of poll #{ $pre } before and #{ $post } after the discussion, each as a share of its own voters. Before ({ $before_voters }): { $before }. After ({ $after_voters }): { $after }. { $changed } of { $paired ->
    [one] { $paired } member
   *[other] { $paired } members
} who voted twice changed their vote{ $net }.
chart-alt-net = ; net shift { $net }

## Matrix
matrix-poll-question = Poll #{ $id }: { $claim }
matrix-poll-fallback = Vote in the poll, or type `!cq vote { $id } OPTION`.
matrix-poll-anonymous = To vote, send me a **direct message**: `!cq vote { $id } OPTION` (the number or the name of an option). Votes typed in this room are refused, so that nobody sees them.
matrix-poll-closed = Poll #{ $id } has closed; the results follow.
matrix-reason-not-added = Your reason was not added: { $error }
matrix-vote-not-counted = Your vote on poll #{ $id } was not counted: { $error }
matrix-not-a-file = The message you replied to is not a file. Upload the .txt or .md file, then reply to it with `!cq reading import`.
matrix-fetch-failed = I could not fetch the message you replied to ({ $error }).
matrix-download-failed = I could not download “{ $name }” ({ $error }).
matrix-file-too-big = “{ $name }” is { $size }; the limit is { $limit }. Split the reading into parts and import them one after another.
matrix-vote-redacted-reason = an anonymous vote belongs in a direct message
matrix-vote-removed = I removed your message from this room.
matrix-sent-privately = I sent you a direct message.
matrix-private-failed = I could not send you a direct message ({ $error }). Start a direct chat with me and try again.
matrix-vote-delete-it = You may want to delete your message here.

## Replies
reply-cut-note = […cut: the message was longer than { $max } characters]

## The console
console-place-excerpt = excerpt { $seq }
console-place-excerpt-of = excerpt { $seq } of “{ $title }”
console-thread-now = (the console is now in the thread of { $place }: messages go there; /channel posts in the channel)
console-posting-in-thread = (posting in the thread of { $place })
console-posting-no-thread = (posting in the latest excerpt's thread; there is none yet, so in the channel)
console-posting-in-channel = (posting in the channel; /thread goes back to the excerpt's thread)
console-vote-removed = (removed: an anonymous vote belongs in a direct message)
console-vote-dm-hint = In the console: `/dm !cq vote …`.
console-privately-to = (privately to { $name })
console-file-saved = 📎 { $name } saved to { $path } — { $description }
console-file-not-saved = 📎 { $name } could not be saved to { $path }: { $error }
console-file = 📎 { $name } ({ $bytes } bytes) — { $description }
console-poll-how = (vote with: `!cq vote { $id } OPTION [--reason "…"]`)
console-poll-how-anonymous = (anonymous: vote in a direct message with `/dm !cq vote { $id } OPTION`)
console-thread-opened = thread “{ $name }” opened
console-thread-opened-in = thread “{ $name }” opened ({ $thread }: `/in { $thread } TEXT` posts there)

## Discord excerpt posts
discord-excerpt-author = Excerpt { $position } of { $total }
discord-excerpt-footer-by = { $author } · reply in the thread
discord-excerpt-footer = Reply in the thread

# Buttons under a poll and under a live session's agenda post.
discord-button-vote-with-reason = Vote with a reason
discord-button-raise-hand = Raise hand
discord-button-lower-hand = Lower hand

# Discord: the vote-with-a-reason flow, and controls or forms of an older post.
discord-control-gone = This control is no longer in use.
discord-form-gone = This form is no longer in use.
discord-reason-choose = Choose your answer
discord-reason-intro = Poll #{ $poll }: choose your answer, then write your reason (at most { $max } characters). Reasons are shown with the results, never with names.
discord-reason-choose-one = Choose one of the answers.
discord-reason-label = Why do you vote this way?
discord-reason-placeholder = Shown with the results, never with your name.
discord-reason-title = Your reason
