# Creating, extending and closing polls; votes and their reasons.

poll-no-such = This group has no poll #{ $id }.
poll-none-open = No poll is open here.
poll-several-open = Several polls are open ({ $polls }); say which one, e.g. `poll close { $last }`.
poll-none-yet = No poll has been run here yet.
poll-no-pre = There is no `--phase pre` poll waiting for its pair. Create the pre poll first.
poll-no-suggestion = { $count ->
    [one] There is no suggestion { $n }; `poll suggest` lists { $count } claim for the current excerpt.
   *[other] There is no suggestion { $n }; `poll suggest` lists { $count } claims for the current excerpt.
}
poll-claim-and-suggestion = Give a claim or --suggestion, not both.
poll-claim-missing = Give the claim to vote on, in quotes.
poll-post-scale = A post poll uses its pre poll's scale ({ $scale }); leave --scale out.
poll-post-claim = A post poll repeats its pre poll's claim (#{ $id }: "{ $claim }"). Leave the claim out to reuse it.
poll-post-anonymous = Pre poll #{ $id } was not anonymous, so its pair cannot be: votes could not be matched.
poll-native-elsewhere = --native is for Discord's own polls; leave it out here.
poll-native-anonymous = Discord's native polls cannot be anonymous or hide results; leave out --native to use buttons.
poll-native-hours = Discord's native polls last whole hours: use --hours N (1 to 720) instead.
poll-native-extend = A native Discord poll can only be extended by whole hours.
poll-claim-decided = That claim was approved or rejected a moment ago; `claim queue` shows what is left.
poll-suggest-none = The current excerpt offers no clear claims to poll. Write one: `poll create "…"`.
poll-suggest-title = Claims from the current excerpt, ready to poll:
poll-suggest-how = Poll one with `poll create --suggestion N` (add --phase pre to ask again after the discussion).
poll-extended = Poll #{ $id } now closes { $until }.
poll-state-closed = closed

vote-no-poll = There is no poll #{ $id }.
vote-not-ours = That poll is not one of colloquy's.
vote-no-poll-here = There is no poll #{ $id } here.
vote-poll-closed = Poll #{ $id } is closed; `poll results` shows how it went.
vote-closed-at = Poll #{ $id } closed { $when }; `poll results { $id }` shows how it went.
vote-anonymous-in-public = Poll #{ $id } is anonymous: send your vote to me in a direct message (`!cq vote { $id } OPTION`), so that nobody sees it.
vote-membership-unknown = Your membership of this group could not be checked just now; try again in a moment.
vote-not-a-member = Poll #{ $id } belongs to a group you are not a member of.
vote-forgotten = This vote was cast before you asked colloquy to forget you, so it is not recorded.
vote-reason-anonymous = Poll #{ $id } is anonymous, and a reply is seen by everyone: give your reason in a direct message with `vote { $id } OPTION --reason "…"`.
vote-reason-closed = Poll #{ $id } is closed; reasons can no longer be added.
vote-reason-empty = The reason is empty.
vote-reason-first = Vote on poll #{ $id } first, then reply to it with your reason.
vote-reason-added = Your reason is added to your vote on poll #{ $id }.
