# Why a command could not be done: parse errors, and the errors of polls, schedules and imports.

## Reading a command line
parse-did-you-mean = did you mean `{ $suggestion }`?
parse-empty = no command given; try `help`
parse-unknown-verb = unknown command `{ $given }`; { $hint }
parse-unknown-verb-no-hint = unknown command `{ $given }`; `help` lists them all
parse-missing-sub = `{ $verb }` needs one of: { $expected }
parse-missing-sub-hint = `{ $verb }` needs one of: { $expected }; { $hint }
parse-unknown-flag = unknown option { $flag } for `{ $verb }`; { $hint }
parse-unknown-flag-none = unknown option { $flag } for `{ $verb }`; it takes no options
parse-unknown-flag-allowed = unknown option { $flag } for `{ $verb }`; it takes: { $allowed }
parse-missing-value = option { $flag } needs a value
parse-not-a-number = { $what } must be a whole number, not "{ $given }"
parse-unexpected = unexpected "{ $word }"; put text with spaces in quotes
parse-missing-argument = `{ $verb }` needs { $what }
parse-unclosed-quote = a quote is not closed
parse-not-both = give { $first } or { $second }, not both
parse-deadline-twice = give the deadline once: --minutes, --hours or --until
parse-bad-choice = { $what } takes { $choices }, not "{ $given }"
noun-reading = the reading
noun-poll = the poll
noun-claim = the claim
noun-session = the session
noun-action = the action
noun-threads = the number of threads
noun-flag = { $flag }
needs-claim-add = the claim in quotes, e.g. claim add "Hedging is a strategy, not indecision"
needs-claim-number = the claim's number from `claim queue`, e.g. { $verb } 3
needs-quiz = the question in quotes, with --options and --answer
needs-poll-claim = a claim in quotes, e.g. poll create "Trade builds trust" (or --suggestion N from `poll suggest`)
needs-vote = a poll number and an option, e.g. `vote 3 agree`
needs-queue-mode = order or progressive
needs-action = a member and what they will do, e.g. action @ana circulate the map --due friday
needs-action-number = the action's number from `action list`, e.g. action done 3
needs-breakout = how many threads, e.g. breakout 3 --minutes 15
needs-on-off = on or off
needs-deadline = --minutes N, --hours N or --until HH:MM

## Polls
poll-error-empty-claim = the claim is empty: write the statement members should vote on
poll-error-claim-too-long = the claim is { $n } characters long; polls allow at most 300 (shorten it)
poll-error-unknown-scale = unknown scale "{ $given }": use agree, likert5, yesno or custom
poll-error-option-count = a custom poll needs 2 to 10 options, separated by | (got { $n })
poll-error-option-too-long = option "{ $option }" is { $n } characters long; options allow at most 55
poll-error-empty-option = option { $n } is empty
poll-error-duplicate-option = option "{ $option }" appears twice
poll-error-options-without-custom = options are only for --scale custom; the { $scale } scale has its own
poll-error-bad-duration = the duration must be between 1 minute and 30 days (got { $n } minutes)
poll-error-bad-time = "{ $given }" is not a time: use HH:MM (24-hour) or YYYY-MM-DD HH:MM
poll-error-deadline-in-past = that deadline ({ $when }) is in the past
poll-error-deadline-too-far = that deadline is more than 30 days away
poll-error-reason-too-long = the reason is { $n } characters long; keep it under 280
poll-error-unknown-option = "{ $given }" is not an option of this poll; choose one of: { $options }

## Schedules
schedule-error-bad-time = "{ $given }" is not a time: use HH:MM on a 24-hour clock, e.g. 09:00 or 18:30
schedule-error-bad-zone = unknown time zone "{ $given }": use an IANA name such as Europe/London, America/New_York or Asia/Shanghai
schedule-error-bad-days = "{ $given }" is not a list of days: use daily, weekdays, weekends, mon-fri or mon,wed,fri
schedule-error-bad-catch-up = catch_up must be "latest" or "skip", not "{ $given }"

## Imports
import-error-empty = the file is empty
import-error-binary-nul = the file looks binary (it contains NUL bytes), not a .txt or .md text
import-error-binary-control = the file looks binary (it contains many control characters), not a .txt or .md text
import-error-not-utf8 = the file is not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8 and try again
import-error-no-body = no body text found: the file holds only title or contact lines
import-error-no-sentences = no sentences found: nothing in the file ends like a sentence (with . ? or !), so there are no excerpts to make
import-error-only-headings = no sentences found: the file holds only headings, with no paragraphs of text to make excerpts from
import-error-empty-option = --{ $flag } is empty: give a { $flag }, or leave --{ $flag } out to take it from the file
import-error-bad-words = --words must be between 40 and 5000 (got { $words })
import-error-unknown-language = unknown language `{ $given }`: use one of { $supported }
