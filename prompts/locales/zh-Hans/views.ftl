# 较长的视图：观点地图、讨论效果报告、每周摘要、会议纪要和现场研讨记录。

## 通用
count-claims = { $n } 条主张
a-member = 一位成员

## 观点地图 (prompts/map.md.j2)
map-title = 观点地图
map-scope-week = 本周
map-no-claims = 这里还没有人对任何主张投票。可用 `claim cards` 把摘录中的主张发成卡片，或在 `claim queue` 中批准成员提出的主张。
map-voters = { $voters } 位成员对 { $claims } 条主张投了票；其中 { $participants } 位至少对 { $min } 条投了票，已标在地图上。
map-groups-heading = { $n } 个观点群体
map-silhouette = 轮廓系数 { $s }
map-group = 群体 { $name }
map-representative = 比其他人更{ $agrees ->
    [true] 赞同
   *[false] 反对
}：{ $label }“{ $text }”（群体 { $group } 中 { $share }%，其他人中 { $rest }%；{ $p }）
map-side-agrees = 赞同
map-side-disagrees = 反对
map-no-representative = 没有哪条主张能明显区分这个群体
map-common-ground = 共识
map-every-group = 所有群体
map-agree = 赞同
map-disagree = 反对
map-consensus-all = { $groups ->
    [true] 每个群体中的所有人
   *[false] 所有投票者
}
map-consensus-share = { $groups ->
    [true] 每个群体中至少 { $pct }%
   *[false] 至少 { $pct }% 的投票者
}
map-no-consensus = { $groups ->
    [true] 目前还没有所有群体都认同的主张
   *[false] 目前还没有多数成员都认同的主张
}
map-divides = 分歧所在
map-no-divide = { $groups ->
    [true] 没有主张使各群体产生分歧
   *[false] 没有主张使成员产生分歧
}
map-claims = 主张
map-claim-votes = 赞同 { $agree }，反对 { $disagree }，跳过 { $pass }
map-divide-shares = { $agree }% 赞同，{ $disagree }% 反对
map-divide-group = 群体 { $name } { $lean ->
    [agree] 倾向赞同
    [disagree] 倾向反对
   *[split] 意见不一
}（{ $mean }）
map-clarity-clear = 清晰、分得很开的群体
map-clarity-fair = 比较清晰的群体
map-clarity-weak = 有些重叠的群体
map-no-groups-few-voters = 没有观点群体：只有 { $qualified } 位成员至少对 { $min } 条主张投了票，而分群需要 { $need } 位
map-no-groups-small = 没有观点群体：最清晰的划分（{ $k } 个群体）会留下一个只有 { $smallest } 人的群体，而每个群体至少需要 { $min } 位成员
map-no-groups-unclear = 没有观点群体：投票没有形成清晰的群体（最佳划分为 { $k } 个群体，轮廓系数 { $silhouette }；至少需要 { $need }）
map-no-claims-reason = 本次讨论还没有人对任何主张投票
map-alt-nobody = { $scope }的观点地图：没有人对足够多的主张投票，因此无法标出。
map-alt-intro = { $scope }的观点地图：根据对 { $claims } 条主张的投票，{ $members } 位成员以点的形式标在两条坐标轴上。
map-alt-one-colour = 所有点颜色相同。{ $reason }。
map-alt-group = 群体 { $name }（{ $size } 位成员）位于{ $place ->
    [right] 右侧
    [left] 左侧
    [top] 上方
   *[bottom] 下方
}。
map-alt-axis = 左右轴最贴近主张 { $label }（“{ $text }”）；每条主张画成一个带标签的箭头，指向赞同者所在的位置。
map-chart-title = 观点地图 · { $scope }
map-chart-subtitle = { $groups } 个观点群体 · 轮廓系数 { $s } · 已标出 { $placed } 位成员
map-chart-group = 群体 { $name }（{ $size }）
map-chart-axis-1 = 轴 1 · 解释投票差异的 { $pct }%
map-chart-axis-2 = 轴 2 · { $pct }%
map-chart-no-groups = 成员（无群体）
map-chart-claims = 主张（箭头指向赞同方向）
map-chart-no-arrow = （无箭头：不区分成员）
map-chart-more = … 另有 { $n } 条（见文字说明）

## 讨论如何改变了观点 (prompts/report.md.j2)
report-title = 讨论如何改变了观点
report-none = 这里还没有在讨论前后都问过的主张。讨论前用 `poll create "…" --phase pre`（或 `claim approve N --phase pre`）提问，讨论后用 `poll create --phase post`。
report-pair = 讨论前 #{ $pre }，讨论后 #{ $post }
report-suppressed = 对这条匿名主张两次都投票的成员不足 3 位，因此不显示投票的变化。
report-changed = { $paired } 人中有 { $changed } 人改变了投票（{ $pct }%）：{ $positive } 人转向“{ $positive_pole }”，{ $negative } 人转向“{ $negative_pole }”。
report-change = 变化：{ $effect }。
report-nobody-changed = 没有人改变
report-spoke = 发过言的成员
report-only-voted = 只投票的成员
report-too-few = 不足 3 人，不显示
report-learned-heading = 成员学到了什么
report-quiz-answer = 正确答案：{ $answer }
report-quiz-line = 讨论前答对 { $before }%，讨论后 { $after }%（{ $paired } 人两次都作答）；{ $learned } 人学会了，{ $unlearned } 人答错了。
report-test-mcnemar = 精确麦克尼马尔检验
report-test-wilcoxon = 威尔科克森符号秩检验
report-toward = 转向“{ $pole }”
report-arm-changed = { $paired } 人中 { $changed } 人改变
report-in-share = （比例）
report-on-scale = （量表）
report-effect = { $value }{ $unit }
report-effect-ci = { $value }{ $unit }（95% 置信区间 { $low } 至 { $high }）
report-verdict-too-few = 票数太少，无法判断
report-verdict-no-change = 没有人改变投票
report-verdict-likely = 很可能确实{ $direction }
report-verdict-maybe = 也许{ $direction }，但票数太少，无法确定
report-verdict-no-sign = 没有确实转变的迹象（变化方向不一或很少）
report-quiz-gain = 答对比例变化 { $value } 个百分点（95% 置信区间 { $low } 至 { $high }）
report-quiz-likely = 很可能确实学到了
report-quiz-maybe = 也许学到了一些，但作答太少，无法确定
report-quiz-no-change = 没有人改变答案
report-linkage = 学到新知的 { $learned } 人中有 { $learned_changed } 人改变了投票（{ $learned_pct }%）；其余 { $others } 人中有 { $others_changed } 人改变（{ $others_pct }%）。费希尔精确检验：{ $p }{ $linked ->
    [true] ：改变投票的很可能正是学到新知的人
   *[false] ：学到新知与改变投票之间没有明显联系
}。
report-linkage-too-few = 两次都回答测验并对主张投票的成员太少，无法判断改变投票的是否正是学到新知的人（每一方至少需要 3 人）。

## 每周摘要 (prompts/digest.md.j2)
digest-date-pattern = %Y年%-m月%-d日
digest-title = { $group } · { $week }起的一周
digest-read = 本周读物
digest-reading = { $title }（第 { $seq } 段摘录）
digest-themes = 反复出现的主题
digest-shifts = 观点如何变化
digest-shift = “{ $claim }”：{ $paired } 人中有 { $changed } 人改变了投票
digest-shift-net = ，净变化 { $net }，转向“{ $pole }”
digest-map = 群体的立场
digest-map-counts = { $claims } 条主张，{ $members } 位成员标在观点地图上
digest-map-groups = { $n } 个观点群体（轮廓系数 { $s }）
digest-map-group = 群体 { $name }：{ $size }
digest-common-ground = 共识：“{ $text }”（{ $side }）
digest-divides = 分歧：“{ $text }”
digest-threads = 最活跃的讨论串

## 会议纪要 (prompts/minutes.md.j2)
minutes-title = 纪要：{ $title }
minutes-group = 小组：{ $group }
minutes-date = 日期：{ $date }
minutes-replies = 回复：{ $n }
minutes-excerpt = 摘录
minutes-position = 第 { $seq } 段，共 { $total } 段
minutes-questions = 问题
minutes-edited = （已编辑）
minutes-deleted = （已删除）
minutes-by-item = 讨论（按议程项）
minutes-before-agenda = 议程开始前
minutes-no-item-replies = 这一项下没有回复。
minutes-discussion = 讨论
minutes-no-replies = 没有记录到回复。
minutes-seminar = 研讨会
minutes-poll = 投票 #{ $id }

## 现场研讨记录 (prompts/live.md.j2)
record-by-item = 按议程项
record-item-minutes = { $minutes } 分钟
record-ran = 进行于 { $ran }
record-did-not-run = 未进行
record-poll = 投票 { $poll }
record-note = 笔记：{ $text }
record-decision = 决定：
record-action = 待办 { $text }
record-outside = 议程之外
record-breakout = { $at } 分组讨论
record-breakout-detail = { $rooms } 个讨论串，{ $minutes } 分钟
record-mixing = 混合不同观点群体
record-room = 讨论串 { $seq }（{ $members }），话题“{ $prompt }”
record-no-report = 没有汇报
record-attendance = 出席
attended-wrote = 发言
attended-voted = 投票
attended-hand = 举手
attended-noted = 记笔记
attended-voice = 在语音频道
