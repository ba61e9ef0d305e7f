# The help of every verb: its summary, its arguments and its flags, written from the
# verb table (src/domain/command/verbs.rs). Keys: help-VERB, help-VERB-arg-NAME,
# help-VERB--FLAG.

help-setup = bind this channel or room as a reading group and set its schedule; options left out keep their value
help-setup--tz = the time zone, an IANA name such as Europe/London (new groups: UTC)
help-setup--time = when the daily excerpt is posted, on a 24-hour clock (new groups: 09:00)
help-setup--days = posting days: daily, weekdays, weekends, mon-fri or mon,wed,fri (new groups: daily)
help-setup--catch-up = after the bot was offline: post the latest missed excerpt, or skip it
help-setup--summary-time = when each day's discussion ends and is summarized (new groups: 21:00)
help-setup--words = about how many words per excerpt, 40 to 5000 (new groups: 220)
help-setup--name = a short name for the group
help-setup--language = the language the bot speaks in this group: en, ru, zh (Simplified Chinese), de or fr (new groups: en)
help-setup--voice-channel = Discord: the voice or stage channel whose members count as present at live sessions (its name, mention or id); none to stop

help-reading-import = import the attached .txt or .md file as the group's next reading
help-reading-import--title = the title (default: from the file)
help-reading-import--author = the author (default: from the file)
help-reading-import--words = about how many words per excerpt (default: the group's setting)
help-reading-import--again = import even if the group already has a reading with the same text
help-reading-import--no-footnotes = leave footnotes out instead of showing each under the excerpt that cites it
help-reading-import--language = the reading's language: en, ru, zh, de or fr (default: detected from the text)

help-reading-list = the group's readings and how far it has read

help-reading-preview = the next excerpt and its questions, before they are posted
help-reading-preview-arg-reading = which reading, by number (default: the one being read)

help-excerpt-next = post the next excerpt now (before today's post time, it is today's post)

help-schedule-status = when the next excerpt comes, and how many are left

help-schedule-pause = pause the daily posts (`excerpt next` still works)

help-schedule-resume = restart the daily posts after a pause

help-schedule-skip = skip the next scheduled post

help-poll-create = open a poll on a claim
help-poll-create-arg-claim = the claim to vote on, in quotes (a post poll may leave it out and reuse its pre poll's)
help-poll-create--scale = the answer scale (default: agree / disagree / unsure)
help-poll-create--options = your own options, 2 to 10, separated by |
help-poll-create--minutes = minutes until it closes (default: 60); give one of --minutes, --hours, --until
help-poll-create--hours = hours until it closes
help-poll-create--until = close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM
help-poll-create--anonymous = nobody, facilitators included, sees who voted what; members vote in a direct message
help-poll-create--hidden = hide the results until the poll closes
help-poll-create--phase = before or after the discussion; a post poll pairs with the pre poll to show how opinion moved
help-poll-create--suggestion = poll the Nth claim that `poll suggest` lists, instead of a claim of your own
help-poll-create--native = on Discord, use Discord's own poll (whole hours, not anonymous, results visible)

help-poll-close = close a poll now and post its results
help-poll-close-arg-poll = which poll, by number (default: the open one)

help-poll-results = a poll's results (hidden ones only once closed)
help-poll-results-arg-poll = which poll, by number (default: the latest)

help-poll-suggest = claims from the current excerpt, ready to poll

help-poll-extend = move a poll's deadline; give one of --minutes, --hours or --until
help-poll-extend-arg-poll = which poll, by number (default: the open one)
help-poll-extend--minutes = add this many minutes to the deadline
help-poll-extend--hours = add this many hours to the deadline
help-poll-extend--until = close at this local time instead (tomorrow if it has passed today), or YYYY-MM-DD HH:MM

help-vote = vote by text (for anonymous polls, in a direct message with the bot)
help-vote-arg-poll = the poll's number
help-vote-arg-option = your answer: its number or its words, e.g. 1 or agree
help-vote--reason = why, shown with the results without your name

help-claim-add = propose a claim for the group to vote on (a facilitator reviews it first)
help-claim-add-arg-claim = the claim, in quotes, at most 300 characters

help-claim-queue = the claims members proposed, waiting for approval (only you see it)

help-claim-approve = approve a proposed claim (optionally reworded) and post it as a vote card: agree / disagree / pass
help-claim-approve-arg-claim = the claim's number in `claim queue`
help-claim-approve-arg-text = the claim reworded, in quotes (default: as proposed)
help-claim-approve--minutes = minutes until voting closes (default: when the session ends, else 24 hours)
help-claim-approve--hours = hours until voting closes
help-claim-approve--until = close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM
help-claim-approve--anonymous = nobody, facilitators included, sees who voted what; members vote in a direct message
help-claim-approve--phase = ask it before the discussion (pre), to repeat it after with `poll create --phase post`

help-claim-reject = reject a proposed claim: it never appears in any result, summary, export or chart
help-claim-reject-arg-claim = the claim's number in `claim queue`

help-claim-cards = post the current excerpt's suggested claims as vote cards (agree / disagree / pass)
help-claim-cards--minutes = minutes until voting closes (default: when the session ends, else 24 hours)
help-claim-cards--hours = hours until voting closes
help-claim-cards--until = close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM
help-claim-cards--anonymous = nobody, facilitators included, sees who voted what; members vote in a direct message

help-map = the opinion map: who thinks alike across the claims, what every group agrees on, where the divide runs
help-map--session = the claims of this session (default: the current one)
help-map--reading = the claims of every session of this reading instead

help-report = how the discussion moved opinion: the pre/post polls and cards, participants against lurkers, quiz knowledge
help-report--session = this session (default: the current one)

help-quiz-add = a knowledge question with a right answer, asked before and after the discussion
help-quiz-add-arg-question = the question, in quotes (a post question may leave it out and repeat its pre question)
help-quiz-add--options = the answers to choose from, 2 to 10, separated by |
help-quiz-add--answer = which option is right (1 is the first)
help-quiz-add--phase = before or after the discussion (default: pre); a post question repeats its pre question
help-quiz-add--minutes = minutes until voting closes (default: when the session ends, else 24 hours)
help-quiz-add--hours = hours until voting closes
help-quiz-add--until = close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM

help-session-start = live seminar mode: record every message here until `session end`
help-session-start-arg-title = a title for the session (or give it with --title)
help-session-start--title = a title for the session

help-session-end = end the live session; its summary follows

help-agenda-set = the live session's agenda: items with timeboxes, separated by | (or attach a Markdown list)
help-agenda-set-arg-agenda = each item ends with its timebox, e.g. "Opening 5m | Part I 20m | Wrap-up 10m" (at most 20 items, 8 hours)

help-agenda-start = start the agenda's first item; each item starts when the one before runs out (or on `agenda next`)

help-agenda-next = end the running item now and start the next one

help-agenda-back = go back to the previous item (with its whole timebox again)

help-agenda-extend = give the running item more time
help-agenda-extend-arg-time = how much longer, e.g. 5m or 1h

help-agenda-status = the agenda, the running item and the time it has left

help-hand-raise = ask to speak: join the speaking queue (you are told your place privately)
help-hand-raise-arg-topic = what you want to raise, in a few words

help-hand-down = leave the speaking queue

help-queue-show = who is speaking and who is next (only you see it, with your own place)

help-queue-next = give the floor to the next member in the queue

help-queue-skip = pass over the next member in the queue (their hand goes down)

help-queue-clear = lower every raised hand

help-queue-mode = the queue's order: first come first served, or progressive (who has spoken least this session goes first)
help-queue-mode-arg-mode = order: as hands were raised; progressive: the least heard first

help-note = a note for the minutes, filed under the running agenda item
help-note-arg-text = the note (at most 500 characters)

help-decision = a decision for the minutes, filed under the running agenda item
help-decision-arg-text = what was decided (at most 500 characters)

help-action-add = an action item for a member of the group, with an optional due date
help-action-add-arg-member = who will do it: a member of this group
help-action-add-arg-text = what they will do (at most 500 characters)
help-action-add--due = by when: YYYY-MM-DD, today, tomorrow or a weekday

help-action-list = the group's open action items

help-action-done = mark an action item done (its owner or a facilitator)
help-action-done-arg-action = the action's number in `action list`

help-breakout = split the members present into threads for a while, each with a question; a report-back from each is gathered here
help-breakout-arg-rooms = how many threads (at least 1, at most one per member present)
help-breakout--minutes = how long, in minutes (default: 15)
help-breakout--by = mix the opinion map's groups in every thread (default: at random)

help-summary = the summary of the current or a given session
help-summary-arg-session = which session, by number (default: the current one)
help-summary--session = which session, by number (the same as SESSION)

help-stats = participation in this group (only you see it)

help-export = minutes as Markdown, replies and votes as CSV, everything as JSON
help-export--format = what to export (default: all; `export csv` works too)
help-export--session = only this session's minutes

help-privacy-my-data = your replies and votes as a file, privately

help-privacy-forget-me = delete your replies, votes and member record for good: nothing from before is recorded again, even after a restart; what you write or vote later is recorded as usual (without --confirm: what would go)
help-privacy-forget-me--confirm = yes, delete my data

help-privacy-quotes = whether summaries may quote you by name (off: you are quoted as "a member")
help-privacy-quotes-arg-allow = on: summaries may quote you by name; off: they do not

help-help = what the bot can do here, or one command in detail
help-help-arg-command = a command to explain, e.g. poll create

## The help page
help-intro = **colloquy** posts a daily excerpt of your group's reading with discussion questions, records the replies in its thread, runs polls on claims and summarizes each session.
help-not-a-group = This channel is not a reading group yet: a facilitator starts with `setup`.
help-facilitators-mark = (facilitators)
help-one-verb = `help VERB` explains one command and its options.
help-no-command = No command `{ $topic }`. `help` lists them all.
help-no-command-hint = No command `{ $topic }`; did you mean `{ $suggestion }`? `help` lists them all.
help-options = Options:
help-also-flag = also { $names }
help-also-typed = Also typed as { $names }.
help-who-facilitators = facilitators
help-who-members = members
help-who-anyone = anyone
help-verb-line = { $summary } ({ $who }).
