## setup
# The language's own name, in itself.
language-name = English
setup-unknown-language = Unknown language `{ $given }`: colloquy speaks { $supported } (en English, ru Russian, zh Simplified Chinese, de German, fr French).
setup-bad-words = --words must be between 40 and 5000 (got { $words })
setup-bad-name = --name must be 1 to 60 characters
# The group's settings, after "This channel is now a reading group: ".
setup-settings = excerpts of about { $words } words at { $time } { $zone } ({ $days }), summaries at { $summary }, in { $language }.
setup-created = This channel is now a reading group: { $settings }
setup-updated = Settings updated: { $settings }
setup-next-post = Next post: { $next }.
setup-import-hint = Import a reading with `reading import` (attach a .txt or .md file).
days-every-day = every day
days-weekdays = weekdays

## schedule
schedule-posted-today = Today's excerpt was posted at { $time }.
schedule-paused-state = The schedule is paused; `schedule resume` restarts it.
schedule-next = Next excerpt: { $next }.
schedule-none = No post time is scheduled.
schedule-skipping-through = Posts are skipped through { $date }.
schedule-settings = Schedule: { $time } { $zone } ({ $days }), catch-up after downtime: { $catch_up }. Summaries at { $summary }.
schedule-left = { $n ->
    [one] { $n } excerpt left to post.
   *[other] { $n } excerpts left to post.
}
schedule-paused = The daily schedule is paused. `schedule resume` restarts it; `excerpt next` still posts on demand.
schedule-resumed = The daily schedule is running again.
schedule-nothing-to-skip = There is no upcoming post to skip.
schedule-skipped = The post of { $when } is skipped.
schedule-after-skip = The next one after it: { $next }.
catch-up-latest = post the latest missed excerpt
catch-up-skip = skip missed posts
