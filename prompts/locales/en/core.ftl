# colloquy's messages in English: the source every other locale translates.
# Dates use chrono's strftime patterns; weekday and month names come from the locale.

## Dates and times
date-time-pattern = %a %-d %b, %H:%M
date-pattern = %a %-d %b
time-pattern = %H:%M
# "Tue 3 Mar, 18:00 (Europe/London)"
local-time = { $when } ({ $zone })
today-at = today at { $time }
tomorrow-at = tomorrow at { $time }
yesterday-at = yesterday at { $time }
day-at = { $day } at { $time }
# "tomorrow at 00:01 (in 12 h 31 min; Tue 3 Mar, Europe/London time)"
deadline = { $when } (in { $wait }; { $date }, { $zone } time)
wait-under-a-minute = less than a minute
wait-minutes = { $m } min
wait-hours = { $h } h
wait-hours-minutes = { $h } h { $m } min
wait-days = { $d } d
wait-days-hours = { $d } d { $h } h

## Counts
count-replies = { $n ->
    [one] { $n } reply
   *[other] { $n } replies
}
count-members = { $n ->
    [one] { $n } member
   *[other] { $n } members
}
count-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
count-words = { $n ->
    [one] { $n } word
   *[other] { $n } words
}
count-messages = { $n ->
    [one] { $n } message
   *[other] { $n } messages
}
count-excerpts = { $n ->
    [one] { $n } excerpt
   *[other] { $n } excerpts
}
count-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
count-questions = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}
count-readings = { $n ->
    [one] { $n } reading
   *[other] { $n } readings
}
count-polls = { $n ->
    [one] { $n } poll
   *[other] { $n } polls
}
count-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
count-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}

## Errors every command may meet
error-not-set-up = This channel is not set up as a reading group yet. A facilitator can run `setup` here first.
error-facilitator-only = Only facilitators can use `{ $verb }`. Ask a facilitator of this group.
error-members-only = Only members of this group's channel can use `{ $verb }`.
error-internal = Something went wrong on our side; the facilitator can find the details in the bot's log.
error-import = The file cannot be imported: { $reason }.
