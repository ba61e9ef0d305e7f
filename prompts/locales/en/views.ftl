# The longer views members read: the opinion map, the deliberation report, the weekly
# digest, the minutes and a live session's record (prompts/{map,report,digest,minutes,live}.md.j2).

## Shared
count-claims = { $n ->
    [one] { $n } claim
   *[other] { $n } claims
}
# A member who asked not to be quoted by name.
a-member = a member

## The opinion map (prompts/map.md.j2)
map-title = Opinion map
map-scope-week = this week
map-no-claims = No claims have been voted on here yet. Post the excerpt's claims as cards with `claim cards`, or approve members' claims from `claim queue`.
map-voters = { $voters ->
    [one] { $voters } member voted
   *[other] { $voters } members voted
} on { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
}; { $participants ->
    [one] { $participants } voted on at least { $min } and is placed on the map.
   *[other] { $participants } voted on at least { $min } and are placed on the map.
}
map-groups-heading = { $n ->
    [one] { $n } opinion group
   *[other] { $n } opinion groups
}
map-silhouette = silhouette { $s }
map-group = Group { $name }
map-representative = { $agrees ->
    [true] agrees
   *[false] disagrees
} more than the rest: { $label } “{ $text }” ({ $share }% of group { $group }, { $rest }% of the others; { $p })
map-side-agrees = agrees
map-side-disagrees = disagrees
map-no-representative = no claim sets this group clearly apart
map-common-ground = Common ground
map-every-group = every group
map-agree = Agree
map-disagree = Disagree
map-consensus-all = { $groups ->
    [true] everyone in every group
   *[false] every voter
}
map-consensus-share = { $groups ->
    [true] at least { $pct }% in every group
   *[false] at least { $pct }% of voters
}
map-no-consensus = { $groups ->
    [true] no claim is shared by every group yet
   *[false] no claim is shared by most members yet
}
map-divides = Where opinion divides
map-no-divide = { $groups ->
    [true] no claim splits the groups
   *[false] no claim splits the members
}
map-claims = Claims
map-claim-votes = agree { $agree }, disagree { $disagree }, pass { $pass }
map-divide-shares = { $agree }% agree, { $disagree }% disagree
map-divide-group = group { $name } { $lean ->
    [agree] leans agree
    [disagree] leans disagree
   *[split] is split
} ({ $mean })
map-clarity-clear = clear, well-separated groups
map-clarity-fair = fairly clear groups
map-clarity-weak = groups that overlap somewhat
map-no-groups-few-voters = { $qualified ->
    [one] no opinion groups: only { $qualified } member voted on at least { $min } claims, and groups need { $need }
   *[other] no opinion groups: only { $qualified } members voted on at least { $min } claims, and groups need { $need }
}
map-no-groups-small = no opinion groups: the clearest split ({ $k } groups) would leave a group of { $smallest }, and a group needs at least { $min } members
map-no-groups-unclear = no opinion groups: the votes do not fall into clear groups (the best split, { $k } groups, has a silhouette of { $silhouette }; groups need { $need })
map-no-claims-reason = no claims have been voted on in this session
# The chart's description (alt text).
map-alt-nobody = Opinion map of { $scope }: nobody has voted on enough claims to be placed.
map-alt-intro = Opinion map of { $scope }: { $members ->
    [one] { $members } member
   *[other] { $members } members
} placed by their votes on { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
} as dots on two axes.
map-alt-one-colour = The dots are all one colour. { $reason }.
map-alt-group = Group { $name } ({ $size ->
    [one] { $size } member
   *[other] { $size } members
}) sits { $place ->
    [right] to the right
    [left] to the left
    [top] at the top
   *[bottom] at the bottom
}.
map-alt-axis = The left–right axis follows most closely { $label } (“{ $text }”); each claim is drawn as a labelled arrow pointing where its agreers sit.
# The chart's own words.
map-chart-title = Opinion map · { $scope }
map-chart-subtitle = { $groups ->
    [one] { $groups } opinion group
   *[other] { $groups } opinion groups
} · silhouette { $s } · { $placed ->
    [one] { $placed } member placed
   *[other] { $placed } members placed
}
map-chart-group = Group { $name } ({ $size })
map-chart-axis-1 = axis 1 · { $pct } % of the differences in votes
map-chart-axis-2 = axis 2 · { $pct } %
map-chart-no-groups = a member (no groups)
map-chart-claims = Claims (arrows point to agreement)
map-chart-no-arrow = (no arrow: it does not separate members)
map-chart-more = … and { $n } more (see the text)

## How the discussion moved opinion (prompts/report.md.j2)
report-title = How the discussion moved opinion
report-none = No claim was asked both before and after the discussion here. Ask one with `poll create "…" --phase pre` (or `claim approve N --phase pre`) before, and `poll create --phase post` after.
report-pair = #{ $pre } before, #{ $post } after
report-suppressed = Fewer than 3 members voted both times on this anonymous claim, so how they moved is not shown.
report-changed = { $changed } of { $paired } changed their vote ({ $pct }%): { $positive } toward { $positive_pole }, { $negative } toward { $negative_pole }.
report-change = Change: { $effect }.
report-nobody-changed = nobody changed
report-spoke = Members who spoke
report-only-voted = Members who only voted
report-too-few = fewer than 3, not shown
report-learned-heading = What members learned
report-quiz-answer = right answer: { $answer }
report-quiz-line = { $before }% right before, { $after }% after ({ $paired } answered both); { $learned } learned it, { $unlearned } lost it.
report-test-mcnemar = Exact McNemar test
report-test-wilcoxon = Wilcoxon signed-rank test
report-toward = toward { $pole }
report-arm-changed = { $changed } of { $paired } changed
report-in-share = in the share
report-on-scale = on the scale
report-effect = { $value } { $unit }
report-effect-ci = { $value } { $unit } (95 % CI { $low } to { $high })
report-verdict-too-few = too few votes to tell
report-verdict-no-change = nobody changed their vote
report-verdict-likely = likely a real shift { $direction }
report-verdict-maybe = perhaps a shift { $direction }, but too few votes to be sure
report-verdict-no-sign = no sign of a real shift (the changes went both ways or were few)
report-quiz-gain = { $value } points in the share answering right (95 % CI { $low } to { $high })
report-quiz-likely = likely real learning
report-quiz-maybe = perhaps some learning, but too few answers to be sure
report-quiz-no-change = nobody changed their answer
report-linkage = Of the { $learned } who learned something, { $learned_changed } changed a vote ({ $learned_pct }%); of the { $others } who did not, { $others_changed } did ({ $others_pct }%). Fisher's exact test: { $p }{ $linked ->
    [true] : those who learned are likely the ones who changed
   *[false] : no clear link between learning and changing
}.
report-linkage-too-few = Too few members answered the quiz and voted on the claims both times to tell whether those who learned are those who changed (each side needs 3).

## The weekly digest (prompts/digest.md.j2)
# "30 November 2026": the Monday the week starts.
digest-date-pattern = %-d %B %Y
digest-title = Week of { $week } in { $group }
digest-read = Read this week
digest-reading = { $title } (excerpt { $seq })
digest-themes = Recurring themes
digest-shifts = How opinion moved
digest-shift = “{ $claim }”: { $changed } of { $paired } changed their vote
digest-shift-net = , net shift { $net } toward { $pole }
digest-map = Where the group stands
digest-map-counts = { $claims ->
    [one] { $claims } claim
   *[other] { $claims } claims
}, { $members ->
    [one] { $members } member
   *[other] { $members } members
} placed on the opinion map
digest-map-groups = { $n ->
    [one] { $n } opinion group
   *[other] { $n } opinion groups
} (silhouette { $s })
digest-map-group = group { $name }: { $size }
digest-common-ground = Common ground: “{ $text }” ({ $side })
digest-divides = Divides: “{ $text }”
digest-threads = Most active threads

## Minutes (prompts/minutes.md.j2)
minutes-title = Minutes: { $title }
minutes-group = Group: { $group }
minutes-date = Date: { $date }
minutes-replies = Replies: { $n }
minutes-excerpt = Excerpt
minutes-position = { $seq } of { $total }
minutes-questions = Questions
minutes-edited = (edited)
minutes-deleted = (deleted)
minutes-by-item = Discussion, by agenda item
minutes-before-agenda = Before the agenda
minutes-no-item-replies = No replies under this item.
minutes-discussion = Discussion
minutes-no-replies = No replies were recorded.
minutes-seminar = The seminar
minutes-poll = Poll #{ $id }

## A live session's record (prompts/live.md.j2)
record-by-item = By agenda item
record-item-minutes = { $minutes } min
record-ran = ran { $ran }
record-did-not-run = did not run
record-poll = Poll { $poll }
record-note = Note: { $text }
record-decision = Decision:
record-action = Action { $text }
record-outside = Outside the agenda
record-breakout = Breakout at { $at }
record-breakout-detail = { $rooms ->
    [one] { $rooms } thread
   *[other] { $rooms } threads
}, { $minutes } min
record-mixing = mixing opinion groups
record-room = Thread { $seq } ({ $members }) on “{ $prompt }”
record-no-report = no report-back
record-attendance = Attendance
attended-wrote = wrote
attended-voted = voted
attended-hand = raised a hand
attended-noted = took notes
attended-voice = in voice
