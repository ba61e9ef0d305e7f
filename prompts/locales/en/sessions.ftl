# Live sessions and the end of a reading.

session-reading-finished = We have reached the end of the reading. A facilitator can import the next one with `reading import`; the schedule will pick it up.
session-title-too-long = A session title can have at most 100 characters.
session-started = Live session #{ $id } started: every message in this channel is recorded until `session end`.
session-started-titled = Live session #{ $id } started ({ $title }): every message in this channel is recorded until `session end`.
session-already-running = A live session is already running (since { $since }). End it with `session end` first.
session-none-running = No live session is running. Start one with `session start`.
session-ended-empty = Live session #{ $id } ended with no replies, so there is no summary.
session-ended = Live session #{ $id } ended with { $replies }. The summary follows.
session-archive-link = [The whole session in the archive]({ $link }): the thread, the polls and the reading map.
