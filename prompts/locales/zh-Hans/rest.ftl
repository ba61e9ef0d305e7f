# 机器人写的其余内容：各平台适配器自己的句子、统计、投票图表的文字、截断回复的说明和控制台提示。

## 执行前就被拒绝的 Discord 选项
discord-deadline-twice = 截止时间只需给一次：分钟、小时或截止时刻。
discord-deadline-missing = 请说明持续多久：分钟、小时或截止时刻。
discord-session-and-reading = 请给出一次讨论或一篇阅读材料，不要两者都给。
discord-quiz-question-missing = 请给出问题、选项和正确答案。
reply-done = 完成。

## 讨论与统计
session-live-title = 现场讨论 #{ $id }
session-number = 讨论 #{ $id }
session-none-yet = 这里还没有进行过任何讨论。
summary-nobody-yet = 讨论 #{ $id } 还没有人回复，因此没有总结。
summary-nobody-replied = { $group } 中的「{ $title }」（讨论 #{ $id }）没有人回复，因此没有发布总结。
stats-title = **{ $group } 的参与情况**
stats-totals = { $sessions }，{ $members } 位成员共 { $replies }，{ $words }。发言分布{ $evenness }。{ $polls }。
stats-member = - { $name }：{ $replies }，{ $words }
stats-more = - 另有 { $n } 人

## 投票结果图表
count-voters = { $n } 位投票者
chart-before = 讨论前
chart-after = 讨论后
chart-votes = 票数
chart-series-label = { $name }（投票 #{ $id } · { $voters }）
chart-single-subtitle = 投票 #{ $id } · { $voters }
chart-pair-subtitle = 讨论前的投票 #{ $pre } 与讨论后的投票 #{ $post }
chart-net-shift = { " · " }净变化 { $net }，偏向「{ $pole }」
chart-changed = { " · " }两次都投票的 { $paired } 人中有 { $changed } 人改变了立场
chart-caption-single = 每个条形：票数 · 占投票者的比例
chart-caption-pair = 每个条形：票数 · 占该次投票投票者的比例
chart-alt-single = 投票 #{ $id } 的条形图，各选项占 { $voters } 的比例：{ $bars }。
chart-alt-pair = 讨论前投票 #{ $pre } 与讨论后投票 #{ $post } 的对比条形图，各自按本次投票者计算比例。讨论前（{ $before_voters }）：{ $before }。讨论后（{ $after_voters }）：{ $after }。两次都投票的 { $paired } 位成员中有 { $changed } 人改变了投票{ $net }。
chart-alt-net = ；净变化 { $net }

## Matrix
matrix-poll-question = 投票 #{ $id }：{ $claim }
matrix-poll-fallback = 请在投票中选择，或输入 `!cq vote { $id } 选项`。
matrix-poll-anonymous = 投票请给我发送**私信**：`!cq vote { $id } 选项`（选项的编号或名称）。在此房间中输入的投票会被拒绝，以免被其他人看到。
matrix-poll-closed = 投票 #{ $id } 已结束，结果如下。
matrix-reason-not-added = 你的理由没有被添加：{ $error }
matrix-vote-not-counted = 你在投票 #{ $id } 中的投票没有被计入：{ $error }
matrix-not-a-file = 你回复的消息不是文件。请上传 .txt 或 .md 文件，然后用 `!cq reading import` 回复它。
matrix-fetch-failed = 无法获取你回复的消息（{ $error }）。
matrix-download-failed = 无法下载「{ $name }」（{ $error }）。
matrix-file-too-big = 「{ $name }」大小为 { $size }，上限为 { $limit }。请把材料分成几部分，依次导入。
matrix-vote-redacted-reason = 匿名投票应通过私信发送
matrix-vote-removed = 我已从此房间删除了你的消息。
matrix-sent-privately = 我已给你发送了私信。
matrix-private-failed = 无法给你发送私信（{ $error }）。请先与我开始私聊，然后再试一次。
matrix-vote-delete-it = 你可能需要删除你在这里的消息。

## 回复
reply-cut-note = […已截断：消息超过 { $max } 个字符]

## 控制台
console-place-excerpt = 片段 { $seq }
console-place-excerpt-of = 「{ $title }」的片段 { $seq }
console-thread-now = （控制台现在位于{ $place }的讨论串中：消息发到那里；/channel 发到频道）
console-posting-in-thread = （在{ $place }的讨论串中发言）
console-posting-no-thread = （在最新片段的讨论串中发言；目前还没有，因此发到频道）
console-posting-in-channel = （在频道中发言；/thread 回到片段的讨论串）
console-vote-removed = （已删除：匿名投票应通过私信发送）
console-vote-dm-hint = 在控制台中：`/dm !cq vote …`。
console-privately-to = （私下发给 { $name }）
console-file-saved = 📎 { $name } 已保存到 { $path } — { $description }
console-file-not-saved = 📎 { $name } 无法保存到 { $path }：{ $error }
console-file = 📎 { $name }（{ $bytes } 字节）— { $description }
console-poll-how = （投票方式：`!cq vote { $id } 选项 [--reason "…"]`）
console-poll-how-anonymous = （匿名：请在私信中投票：`/dm !cq vote { $id } 选项`）
console-thread-opened = 已开启讨论串「{ $name }」
console-thread-opened-in = 已开启讨论串「{ $name }」（{ $thread }：用 `/in { $thread } 文字` 在其中发言）

## Discord excerpt posts
discord-excerpt-author = 第 { $position } 段，共 { $total } 段
discord-excerpt-footer-by = { $author } · 请在讨论串中回复
discord-excerpt-footer = 请在讨论串中回复

# Buttons under a poll and under a live session's agenda post.
discord-button-vote-with-reason = 附理由投票
discord-button-raise-hand = 举手
discord-button-lower-hand = 放下手

# Discord: the vote-with-a-reason flow, and controls or forms of an older post.
discord-control-gone = 此控件已不再使用。
discord-form-gone = 此表单已不再使用。
discord-reason-choose = 选择你的答案
discord-reason-intro = 第 { $poll } 号投票：先选择你的答案，再写下理由（最多 { $max } 个字符）。理由会和结果一起显示，但绝不显示姓名。
discord-reason-choose-one = 请选择其中一个答案。
discord-reason-label = 你为什么这样投票？
discord-reason-placeholder = 与结果一起显示，绝不显示你的名字。
discord-reason-title = 你的理由
