## The daily excerpt (prompts/excerpt.md.j2)
excerpt-position = excerpt { $position } of { $total }
excerpt-notes = Notes
excerpt-questions = Questions for discussion
excerpt-reply-here = Reply in this thread; your replies make today's summary.
# The excerpt's thread: "Title · 2 of 5".
excerpt-thread = { $title } · { $position } of { $total }

## Polls (prompts/poll.md.j2)
poll-title = Poll #{ $id }
poll-card-title = Claim card #{ $id }
poll-phase-pre = (before the discussion)
poll-phase-post = (after the discussion)
poll-card-how = Vote on as many cards as you like; a pass is fine. Open until { $closes }; you can change your vote until then.
poll-closes = Closes { $closes }. You can change your vote until then.
poll-anonymous = Votes are anonymous: nobody, facilitators included, can see who voted what.
poll-hidden = Results stay hidden until the poll closes.
# The options of the built-in scales.
option-agree = Agree
option-disagree = Disagree
option-unsure = Unsure
option-pass = Pass
option-yes = Yes
option-no = No
option-strongly-agree = Strongly agree
option-strongly-disagree = Strongly disagree
option-neutral = Neither agree nor disagree

## Results (prompts/results.md.j2)
results-title = Results of poll #{ $id }
results-so-far-title = Results so far of poll #{ $id }
results-hidden = { $n ->
    [one] The results stay hidden until the poll closes ({ $closes }). { $n } vote so far.
   *[other] The results stay hidden until the poll closes ({ $closes }). { $n } votes so far.
}
results-suppressed = { $n ->
    [one] { $n } vote: too few to show a breakdown without revealing how someone voted.
   *[other] { $n } votes: too few to show a breakdown without revealing how someone voted.
}
results-total = { $n ->
    [one] { $n } vote.
   *[other] { $n } votes.
}
results-total-anonymous = { $n ->
    [one] { $n } vote, anonymous.
   *[other] { $n } votes, anonymous.
}
results-reasons = Reasons given
shift-title = How opinion moved
shift-pair = { $n ->
    [one] poll #{ $pre } before, #{ $post } after; { $n } member voted in both
   *[other] poll #{ $pre } before, #{ $post } after; { $n } members voted in both
}
shift-suppressed = Too few members voted in both polls to show how votes moved without revealing anyone.
shift-net = Net shift: { $net } toward { $pole } on the scale.
shift-changed = { $changed } of { $n } changed their vote ({ $pct }%)
shift-directions = { $positive } toward { $positive_pole }, { $negative } toward { $negative_pole }

## Summaries (prompts/summary.md.j2)
summary-title = Summary: { $title }
summary-message-link = message
summary-voices = voices spread { $evenness }
summary-facilitator-messages = { $n ->
    [one] { $n } message from the facilitator
   *[other] { $n } messages from the facilitator
}
summary-empty = Nobody replied in this session, so there is nothing to summarize.
summary-themes = Themes
summary-most-discussed = The passage that drew most discussion
summary-what-was-said = What was said
summary-disagreements = Where members disagreed
summary-disagreement-on = On *{ $about }*
summary-open-questions = Questions still open
summary-before = Before the discussion
summary-poll-ref = poll #{ $id }
summary-in-short = In short
summary-written-by = written by { $model }
summary-wrote-share = { $name } wrote { $pct }% of the words
summary-posted-once = { $name } posted once
summary-evenness = { $spread } (evenness { $evenness })
spread-evenly = evenly
spread-fairly-evenly = fairly evenly
spread-unevenly = unevenly
spread-very-unevenly = very unevenly
pole-agree = agree
pole-disagree = disagree
pole-yes = yes
pole-no = no
summary-excerpt-title = { $title }, excerpt { $position } of { $total }

## Replies to commands
excerpt-next-posting = Posting the next excerpt now (session #{ $session }).
excerpt-next-counts-today = It counts as today's post.
excerpt-next-nothing-left = There is nothing left to post. Import the next reading with `reading import`.
excerpt-next-just-posted = That excerpt was just posted by someone else.
vote-new = Your vote on poll #{ $id }: **{ $option }**. You can change it until { $until }.
vote-changed = Your vote is changed on poll #{ $id }: **{ $option }**. You can change it until { $until }.
vote-same = Your vote stays on poll #{ $id }: **{ $option }**. You can change it until { $until }.
vote-anonymous = It is anonymous: nobody, facilitators included, can see it.
vote-just-closed = Poll #{ $id } has just closed.
poll-open = Poll #{ $id } is open until { $until }.
poll-card-open = Claim card #{ $id } is open until { $until }.
poll-paired = It is paired with poll #{ $pre }: its results will show how votes moved.
poll-already-closed = Poll #{ $id } is already closed.
poll-card-closed = Card #{ $id } is closed; `map` shows where the group stands, `poll results { $id }` its own votes.
poll-closed = Poll #{ $id } is closed; its results are being posted.
