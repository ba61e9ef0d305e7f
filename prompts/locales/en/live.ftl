# The live seminar: agenda, speaking queue, notes, decisions, actions, breakouts
# (src/engine/live/messages.rs). $nth is the English ordinal ("2nd"); other languages use $place.

## Agenda
live-no-session = No live session is running here. A facilitator starts one with `session start`.
live-no-agenda = This session has no agenda yet. A facilitator sets one with `agenda set "Opening 5m | Part I 20m | Wrap-up 10m"`.
live-agenda-attach-or-text = Give the agenda after the command, items separated by | and each ending with its timebox (`agenda set "Opening 5m | Part I 20m"`), or attach a Markdown list (.md or .txt) with one item per line.
live-agenda-file-unreadable = The attached agenda is not UTF-8 text: attach a .md or .txt file with one item per line.
live-agenda-already-started = The agenda has already started, so it cannot be replaced. Move through it with `agenda next`, `agenda back` and `agenda extend`.
live-agenda-set = { $items ->
    [one] Agenda set: { $items } item, { $total } in all. `agenda start` starts the first one.
   *[other] Agenda set: { $items } items, { $total } in all. `agenda start` starts the first one.
}
live-agenda-not-started = The agenda has not started yet: `agenda start` starts its first item.
live-agenda-already-running = The agenda is already running (now: { $title }). Use `agenda next` or `agenda back` to move.
live-agenda-finished = The agenda is finished: every item has run. `agenda back` reopens the last item.
live-agenda-at-first = This is the first item: there is nothing to go back to.
live-agenda-moved-meanwhile = The agenda moved on meanwhile (its timebox ran out); check `agenda status` and try again.
live-agenda-extend-bad = An item can be extended by 1 minute to 8 hours, not { $minutes } minutes: e.g. `agenda extend 5m`.
live-agenda-extended = **{ $title }** has { $by } more: it now ends at { $until }.
live-agenda-moving = Moving to **{ $title }**.
live-agenda-over-now = That was the last item: the agenda is done.
live-agenda-started = Starting the agenda with **{ $title }**.
live-agenda-heading = Agenda ({ $total } in all)
live-agenda-announces = The bot announces each item as it starts and warns two minutes before it ends.
live-hands-hint = To ask to speak: `hand [topic]` (or the hand button or ✋ reaction on this post); `hand down` to leave the queue.
live-next = Next: { $next }.
live-then = Then: { $next }.
live-last-item = This is the last item.
live-it-is-last = It is the last item.
live-item-started = **Now: { $title }** (item { $seq } of { $count }, { $minutes } until { $until }). { $then }
live-item-warning = ⏳ Two minutes left for **{ $title }** (ends at { $until }). { $then } A facilitator can give it more with `agenda extend 5m`.
live-agenda-done = Time is up for **{ $title }**: that was the agenda's last item. The session stays open until `session end`.
live-agenda-status-heading = **Agenda** ({ $total })
live-item-done = (done)
live-running-time-up = **(running, time is up at { $until })**
live-running-left = **(running: { $left } left, until { $until })**

## The speaking queue
live-hand-already-up = Your hand is already up: you are { $place ->
    [1] first
   *[other] { $nth }
} in the queue. `hand down` takes it down.
live-hand-raised-next = Your hand is up: you are next.
live-hand-raised = Your hand is up: you are { $place ->
    [1] first
   *[other] { $nth }
} in the queue ({ $ahead } ahead of you).
live-progressive-note = The queue is a progressive stack: members who have spoken less this session go first, so your place can change.
live-hand-not-up = Your hand is not up, so there is nothing to lower.
live-hand-lowered = Your hand is down: you have left the queue.
live-topic-too-long = Keep the topic to 200 characters; say the rest when you have the floor.
live-queue-empty = Nobody is waiting to speak: the queue is empty.
live-queue-header-progressive = **Speaking queue** (progressive: who has spoken least this session goes first)
live-queue-header-raised = **Speaking queue** (in the order hands were raised)
live-queue-speaking = Speaking now: **{ $name }**
live-queue-your-place = You are { $place ->
    [1] first
   *[other] { $nth }
} in the queue.
live-queue-not-in = Your hand is not up (`hand [topic]` to join the queue).
live-nobody-waiting = Nobody else is waiting.
live-floor-to = 🎤 The floor is **{ $name }**'s{ $topic }. { $then }
live-skipped = Skipped { $name } (their hand is down). { $then }
live-queue-cleared = { $n ->
    [one] The queue is cleared: { $n } hand lowered.
   *[other] The queue is cleared: { $n } hands lowered.
}
live-queue-mode-progressive = The queue is now a progressive stack: members who have spoken least this session go first.
live-queue-mode-raised = The queue now goes in the order hands were raised.

## Notes, decisions, actions
live-text-empty = { $what ->
    [note] The note is empty: write it after the command.
    [decision] The decision is empty: write it after the command.
   *[action] The action is empty: write it after the command.
}
live-text-too-long = { $what ->
    [note] A note can have at most { $max } characters.
    [decision] A decision can have at most { $max } characters.
   *[action] An action can have at most { $max } characters.
}
live-noted = { $kind ->
    [note] Note #{ $id } is in the minutes.
   *[decision] Decision #{ $id } is in the minutes.
}
live-noted-under = { $kind ->
    [note] Note #{ $id } is in the minutes under **{ $title }**.
   *[decision] Decision #{ $id } is in the minutes under **{ $title }**.
}
live-due = due { $due }
live-due-overdue = due { $due }, overdue
live-action-added = Action #{ $id } for **{ $owner }**{ $due } is in the minutes. `action done { $id }` when it is done.
live-action-added-under = Action #{ $id } for **{ $owner }**{ $due } is in the minutes under **{ $title }**. `action done { $id }` when it is done.
live-not-a-member = { $who } is not a member of this group as far as colloquy knows (they have not written, voted, raised a hand or been present here). Name a member, e.g. `action @ana circulate the map`.
live-ambiguous-member = { $n } members of this group are called { $who }; name them by their mention or id instead.
live-no-open-actions = There are no open action items.
live-open-actions-header = **Open action items**
live-open-actions-at-start = **Open action items from earlier sessions** (`action done N` when one is done)
live-all-actions-done = All action items from earlier sessions are done.
live-no-such-action = This group has no action #{ $id }; `action list` shows the open ones.
live-not-an-action = #{ $id } is a note or decision, not an action.
live-action-already-done = Action #{ $id } is already done.
live-action-not-yours = Action #{ $id } is { $owner }'s: only they or a facilitator can mark it done.
live-action-done = Action #{ $id } is done: { $owner }: { $text }

## Breakouts
live-breakout-rooms-bad = A breakout needs at least one thread, not { $n }: e.g. `breakout 3 --minutes 15`.
live-breakout-too-many-rooms = A breakout can have at most 25 threads, not { $n }.
live-breakout-minutes-bad = A breakout lasts 1 to 180 minutes, not { $m }.
live-breakout-more-rooms-than-members = { $present ->
    [one] { $present } member is present in this session, so { $rooms } threads would leave some empty. Ask for at most { $present }.
   *[other] { $present } members are present in this session, so { $rooms } threads would leave some empty. Ask for at most { $present }.
}
live-breakout-nobody = Nobody is present in this session yet (members count once they write, vote, raise a hand or join the voice channel).
live-breakout-running = A breakout is already running in this session; it ends by itself when its time is up.
live-breakout-started = { $rooms ->
    [one] Breakout: { $rooms } thread for { $minutes }, { $how }. Each thread gets a question; at the end each is asked for a one-line report-back.
   *[other] Breakout: { $rooms } threads for { $minutes }, { $how }. Each thread gets a question; at the end each is asked for a one-line report-back.
}
live-breakout-by-chance = members split at random
live-breakout-by-opinion = each thread mixing the opinion map's groups
live-breakout-no-groups = members split at random, since the opinion map has no groups ({ $reason })
live-room-name = Breakout { $seq } of { $of }
live-room-members = Members:
live-room-until = Until:
live-room-question = Question:
live-room-report-later = When the time is up the bot asks for a one-line report-back here.
live-room-ask = ⏰ Time is up. One of you, please answer here with this thread's report-back in one line: the first answer is gathered into the main thread.
live-default-prompt-item = What is the strongest point made so far on "{ $title }", and what is its weakest?
live-default-prompt = What is the strongest point of the reading, and what is its weakest?
live-gathered-header = { $n ->
    [one] ## Breakout report-backs ({ $n } thread)
   *[other] ## Breakout report-backs ({ $n } threads)
}
live-gathered-line = - **Thread { $seq }** ({ $who }): { $text }
live-gathered-none = - **Thread { $seq }**: no report-back

## Attendance
live-attendance-header = **Attendance at live sessions** (who wrote, voted, raised a hand, took notes or was in voice)
live-nobody = nobody
