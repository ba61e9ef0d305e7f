# 创建、延长和关闭投票；投票及其理由。

poll-no-such = 本小组没有投票 #{ $id }。
poll-none-open = 这里没有进行中的投票。
poll-several-open = 有多个投票正在进行（{ $polls }）；请指明是哪一个，例如 `poll close { $last }`。
poll-none-yet = 这里还没有进行过投票。
poll-no-pre = 没有等待配对的 `--phase pre` 投票。请先创建讨论前投票。
poll-no-suggestion = 没有第 { $n } 条建议；`poll suggest` 为当前节选列出了 { $count } 条论点。
poll-claim-and-suggestion = 请给出论点或 --suggestion，不要同时给出。
poll-claim-missing = 请把要投票的论点放在引号里给出。
poll-post-scale = 讨论后投票沿用其讨论前投票的量表（{ $scale }）；请去掉 --scale。
poll-post-claim = 讨论后投票重复其讨论前投票的论点（#{ $id }：“{ $claim }”）。省略论点即可沿用。
poll-post-anonymous = 讨论前投票 #{ $id } 不是匿名的，因此与其配对的投票也不能匿名：否则无法对应投票。
poll-native-elsewhere = --native 仅用于 Discord 自带的投票；这里请去掉它。
poll-native-anonymous = Discord 自带的投票不能匿名，也不能隐藏结果；去掉 --native 即可使用按钮投票。
poll-native-hours = Discord 自带的投票以整小时计：请改用 --hours N（1 到 720）。
poll-native-extend = Discord 自带的投票只能按整小时延长。
poll-claim-decided = 该论点刚刚已被通过或拒绝；`claim queue` 会显示剩下的论点。
poll-suggest-none = 当前节选中没有明确可投票的论点。请自己写一个：`poll create "…"`。
poll-suggest-title = 当前节选中可直接投票的论点：
poll-suggest-how = 用 `poll create --suggestion N` 发起投票（加上 --phase pre 可在讨论后再问一次）。
poll-extended = 投票 #{ $id } 现在将于 { $until } 截止。
poll-state-closed = 已截止

vote-no-poll = 没有投票 #{ $id }。
vote-not-ours = 该投票不是 colloquy 发起的。
vote-no-poll-here = 这里没有投票 #{ $id }。
vote-poll-closed = 投票 #{ $id } 已截止；`poll results` 会显示结果。
vote-closed-at = 投票 #{ $id } 已于 { $when } 截止；`poll results { $id }` 会显示结果。
vote-anonymous-in-public = 投票 #{ $id } 是匿名的：请通过私信把您的选择发给我（`!cq vote { $id } 选项`），这样没有人会看到。
vote-membership-unknown = 暂时无法核实您是否是本小组成员；请稍后再试。
vote-not-a-member = 投票 #{ $id } 属于一个您不是其成员的小组。
vote-forgotten = 这张票是在您要求 colloquy 删除您的数据之前投出的，因此不会被记录。
vote-reason-anonymous = 投票 #{ $id } 是匿名的，而回复所有人都能看到：请在私信中用 `vote { $id } 选项 --reason "…"` 给出理由。
vote-reason-closed = 投票 #{ $id } 已截止；不能再添加理由。
vote-reason-empty = 理由为空。
vote-reason-first = 请先在投票 #{ $id } 中投票，再回复它说明理由。
vote-reason-added = 您的理由已添加到您在投票 #{ $id } 中的选择上。
