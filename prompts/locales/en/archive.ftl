# The static archive's pages (prompts/archive/*.html.j2, src/engine/archive.rs) and the
# words its search script shows (prompts/archive/search.js gets them from search-index.js).

archive-date-pattern = %a %-d %b %Y
# Words quoted from the reading or a member, in the language's quotation marks.
archive-quoted = “{ $text }”
archive-skip = Skip to the content
archive-nav = Archive
archive-readings = Readings
archive-sessions = Sessions
archive-search = Search
archive-footer = The archive of { $group }, written by colloquy from the group's record. Members who asked not to be quoted by name appear as “{ a-member }”.

## The group page
archive-empty-group = Nothing has happened in this group yet: no reading has been imported and no session has run. The archive fills in after the first session.
archive-by-author = by { $author }
archive-discussed-of = { $total ->
    [one] { $discussed } of { $total } excerpt discussed
   *[other] { $discussed } of { $total } excerpts discussed
}
archive-sessions-caption = Every session, with its replies and the members who wrote; the bar is the session's replies beside the busiest session's.
archive-col-date = Date
archive-col-session = Session
archive-col-members = Members
archive-col-replies = Replies
archive-in-progress = in progress
archive-participation = Participation over time
archive-session-tip = { $title }: { $replies ->
    [one] { $replies } reply
   *[other] { $replies } replies
} from { $members ->
    [one] { $members } member
   *[other] { $members } members
}
archive-participation-caption = { $n ->
    [one] Replies per session, oldest first ({ $n } session); the table above gives each session's figures.
   *[other] Replies per session, oldest first ({ $n } sessions); the table above gives each session's figures.
}
archive-shifts = How opinion moved
archive-col-claim = Claim
archive-col-net-shift = Net shift
archive-col-changed = Changed
archive-toward = toward { $pole }
archive-changed-of = { $changed } of { $paired }
archive-shifts-caption = Each before-and-after poll pair: the net shift on the poll's scale (bars to the right move toward agreement, to the left away from it), and how many of those who voted both times changed.
archive-no-shifts = No before-and-after poll pair has closed yet, so there is no shift to show.

## The reading map (reading and session pages)
archive-sentence-tip = { $n ->
    [one] { $n } reply quoted or echoed this sentence
   *[other] { $n } replies quoted or echoed this sentence
}
archive-notes = Notes
archive-most-discussed = The passage that drew most discussion
archive-most-contested = The most contested sentence
archive-contested-counts = { $agree } from members who agreed with the claim, { $disagree } from members who disagreed
archive-direct-title = Replies to the excerpt itself
archive-direct = { $n ->
    [one] { $n } reply answered the excerpt's post directly (a platform reply to it).
   *[other] { $n } replies answered the excerpt's post directly (a platform reply to it).
}
archive-confusions = Questions members asked about a sentence
archive-legend = Shading by how much a sentence was discussed:
archive-heat-0 = not quoted
archive-heat-1 = a little
archive-heat-2 = some
archive-heat-3 = much
archive-heat-4 = most
archive-legend-explained = A sentence is shaded by how many replies quoted it or closely echoed it; the small number after it counts them. The most discussed sentence is outlined, the most contested one underlined with a wavy line.

## A reading
archive-reading-size = { $words ->
    [one] { $words } word
   *[other] { $words } words
} in { $excerpts ->
    [one] { $excerpts } excerpt
   *[other] { $excerpts } excerpts
}
archive-reading-map = The reading map
archive-excerpt-n = Excerpt { $seq }
archive-discussed-on = discussed { $date }
archive-not-discussed = not discussed yet
archive-questions = Questions
archive-no-excerpt-yet = The group has not been given any excerpt of this reading yet.
archive-to-come = { $n ->
    [one] { $n } more excerpt to come: the archive shows an excerpt once the group has been given it.
   *[other] { $n } more excerpts to come: the archive shows an excerpt once the group has been given it.
}

## A session
archive-edited = edited
archive-deleted = deleted
archive-orphan = (answering a message no longer here)
archive-permalink = Link to this reply
archive-reply-deleted = This reply was deleted.
archive-on-this-page = On this page
archive-excerpt = Excerpt
archive-discussion = Discussion
archive-polls = Polls
archive-summary = Summary
archive-opinion-map = Opinion map
archive-minutes-printable = Minutes (printable)
archive-the-excerpt = The excerpt
archive-no-replies = No replies were recorded in this session.
archive-poll-title = Poll #{ $id }: { $claim }
archive-poll-title-phase = { $phase ->
    [pre] Poll #{ $id } (before the discussion): { $claim }
   *[post] Poll #{ $id } (after the discussion): { $claim }
}
archive-poll-anonymous = Anonymous poll
archive-poll-named = Named poll
archive-scale = { $scale ->
    [agree] agree / disagree
    [likert5] five-point scale
    [yesno] yes / no
    [card] claim card
   *[custom] the poll's own options
}
archive-poll-closed = closed
archive-poll-closes = closes { $when }
archive-results-hidden = The results are hidden until the poll closes.
archive-col-option = Option
archive-col-votes = Votes
archive-col-share = Share
archive-reasons = Reasons given
archive-who-voted = Who voted what ({ $n })
archive-map-in-summary = The summary above describes the map: its groups, what they agree on and where they divide.
archive-minutes = Minutes
archive-minutes-about = The minutes hold the excerpt, the questions, every reply in order, the polls and the summary, on one page made for printing.
archive-minutes-open = Open the minutes of this session

## Search (the page, and the words search.js shows)
archive-search-label = Search the replies and the excerpts
archive-search-button = Search
archive-search-needs-script = Searching needs JavaScript; every page of the archive reads without it.
archive-search-prompt = { $n ->
    [one] Type words to find them in the replies and the excerpts ({ $n } entry).
   *[other] Type words to find them in the replies and the excerpts ({ $n } entries).
}
archive-search-none = Nothing found for “{ $query }”.
# $form is the plural category of the number of results (one, few, many, other…), which the
# script works out in the browser; $n and $query are filled in there.
archive-search-found = { $form ->
    [one] { $n } result for “{ $query }”.
   *[other] { $n } results for “{ $query }”.
}
archive-search-first = Only the first { $max } are shown.
archive-search-reply-in = { $who } in { $title }
archive-search-reply = Reply
archive-search-excerpt = Excerpt
