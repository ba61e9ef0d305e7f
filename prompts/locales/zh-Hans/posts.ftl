## 每日节选
excerpt-position = 第 { $position } 段，共 { $total } 段
excerpt-notes = 注释
excerpt-questions = 讨论问题
excerpt-reply-here = 请在此话题中回复；你们的回复将汇成今天的总结。
excerpt-thread = { $title } · { $position }/{ $total }

## 投票
poll-title = 投票 #{ $id }
poll-card-title = 观点卡 #{ $id }
poll-phase-pre = （讨论前）
poll-phase-post = （讨论后）
poll-card-how = 想投几张卡都可以，跳过也没关系。投票开放至 { $closes }；在此之前可以修改你的选择。
poll-closes = 截止时间：{ $closes }。在此之前可以修改你的选择。
poll-anonymous = 匿名投票：任何人（包括主持人）都看不到谁投了什么。
poll-hidden = 投票结束前不公布结果。
option-agree = 同意
option-disagree = 不同意
option-unsure = 不确定
option-pass = 跳过
option-yes = 是
option-no = 否
option-strongly-agree = 非常同意
option-strongly-disagree = 非常不同意
option-neutral = 中立

## 结果
results-title = 投票 #{ $id } 的结果
results-so-far-title = 投票 #{ $id } 的当前结果
results-hidden = 投票结束（{ $closes }）前不公布结果。目前共 { $n } 票。
results-suppressed = { $n } 票：票数太少，显示分布会暴露个人的选择。
results-total = 共 { $n } 票。
results-total-anonymous = 共 { $n } 票，匿名。
results-reasons = 给出的理由
shift-title = 观点如何变化
shift-pair = 讨论前为投票 #{ $pre }，讨论后为 #{ $post }；{ $n } 位成员两次都投了票
shift-suppressed = 两次都投票的成员太少，无法在不暴露个人的情况下显示变化。
shift-net = 净变化：在量表上向“{ $pole }”移动 { $net }。
shift-changed = { $n } 人中有 { $changed } 人改变了选择（{ $pct }%）
shift-directions = { $positive } 人转向“{ $positive_pole }”，{ $negative } 人转向“{ $negative_pole }”

## 总结
summary-title = 总结：{ $title }
summary-message-link = 消息
summary-voices = 发言分布{ $evenness }
summary-facilitator-messages = 主持人发言 { $n } 条
summary-empty = 本次讨论无人回复，因此没有可总结的内容。
summary-themes = 主题
summary-most-discussed = 讨论最多的段落
summary-what-was-said = 大家说了什么
summary-disagreements = 分歧所在
summary-disagreement-on = 关于 *{ $about }*
summary-open-questions = 尚待解答的问题
summary-before = 讨论前
summary-poll-ref = 投票 #{ $id }
summary-in-short = 简要
summary-written-by = 由 { $model } 撰写
summary-wrote-share = { $name } 贡献了 { $pct }% 的字数
summary-posted-once = { $name } 发言一次
summary-evenness = { $spread }（均衡度 { $evenness }）
spread-evenly = 均衡
spread-fairly-evenly = 较为均衡
spread-unevenly = 不太均衡
spread-very-unevenly = 很不均衡
pole-agree = 同意
pole-disagree = 不同意
pole-yes = 是
pole-no = 否
summary-excerpt-title = { $title }，第 { $position } 段（共 { $total } 段）

## 命令回复
excerpt-next-posting = 正在发布下一段节选（讨论 #{ $session }）。
excerpt-next-counts-today = 这将算作今天的发布。
excerpt-next-nothing-left = 已没有可发布的内容。请用 `reading import` 导入下一篇读物。
excerpt-next-just-posted = 这段节选刚刚已由他人发布。
vote-new = 你在投票 #{ $id } 中的选择：**{ $option }**。在 { $until } 之前可以修改。
vote-changed = 你在投票 #{ $id } 中的选择已改为：**{ $option }**。在 { $until } 之前可以修改。
vote-same = 你在投票 #{ $id } 中的选择保持不变：**{ $option }**。在 { $until } 之前可以修改。
vote-anonymous = 这是匿名投票：任何人（包括主持人）都看不到你的选择。
vote-just-closed = 投票 #{ $id } 刚刚结束。
poll-open = 投票 #{ $id } 开放至 { $until }。
poll-card-open = 观点卡 #{ $id } 开放至 { $until }。
poll-paired = 它与投票 #{ $pre } 配对：结果将显示投票如何变化。
poll-already-closed = 投票 #{ $id } 已经结束。
poll-card-closed = 观点卡 #{ $id } 已结束；`map` 显示小组的立场分布，`poll results { $id }` 显示这张卡的投票。
poll-closed = 投票 #{ $id } 已结束，正在发布结果。
