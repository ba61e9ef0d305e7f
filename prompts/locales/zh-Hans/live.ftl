# 现场研讨：议程、发言队列、笔记、决定、待办、分组讨论。

## 议程
live-no-session = 这里没有正在进行的现场讨论。主持人可用 `session start` 开始。
live-no-agenda = 这次讨论还没有议程。主持人可用 `agenda set "开场 5m | 第一部分 20m | 总结 10m"` 设置。
live-agenda-attach-or-text = 请在命令后写出议程，各项用 | 分隔，每项以时限结尾（`agenda set "开场 5m | 第一部分 20m"`），或附上 Markdown 列表（.md 或 .txt），每行一项。
live-agenda-file-unreadable = 附加的议程不是 UTF-8 文本：请附上 .md 或 .txt 文件，每行一项。
live-agenda-already-started = 议程已经开始，不能替换。请用 `agenda next`、`agenda back` 和 `agenda extend` 推进。
live-agenda-set = 议程已设置：{ $items } 项，共 { $total }。`agenda start` 开始第一项。
live-agenda-not-started = 议程还没有开始：`agenda start` 开始第一项。
live-agenda-already-running = 议程已在进行（当前：{ $title }）。请用 `agenda next` 或 `agenda back` 推进。
live-agenda-finished = 议程已结束：每一项都进行过了。`agenda back` 可重新打开最后一项。
live-agenda-at-first = 这是第一项：没有可以返回的上一项。
live-agenda-moved-meanwhile = 议程在此期间已经推进（时限已到）；请查看 `agenda status` 后再试。
live-agenda-extend-bad = 一项可延长 1 分钟到 8 小时，而不是 { $minutes } 分钟：例如 `agenda extend 5m`。
live-agenda-extended = **{ $title }** 延长了 { $by }：现在 { $until } 结束。
live-agenda-moving = 进入 **{ $title }**。
live-agenda-over-now = 那是最后一项：议程结束了。
live-agenda-started = 议程从 **{ $title }** 开始。
live-agenda-heading = 议程（共 { $total }）
live-agenda-announces = 每项开始时机器人会宣布，结束前两分钟会提醒。
live-hands-hint = 想发言：`hand [话题]`（或点这条消息上的举手按钮、加 ✋ 表情）；`hand down` 离开队列。
live-next = 下一项：{ $next }。
live-then = 接下来：{ $next }。
live-last-item = 这是最后一项。
live-it-is-last = 这是最后一项。
live-item-started = **现在：{ $title }**（第 { $seq } 项，共 { $count } 项，{ $minutes }，到 { $until }）。{ $then }
live-item-warning = ⏳ **{ $title }** 还剩两分钟（{ $until } 结束）。{ $then } 主持人可用 `agenda extend 5m` 延长。
live-agenda-done = **{ $title }** 时间到：这是议程的最后一项。在 `session end` 之前讨论保持开放。
live-agenda-status-heading = **议程**（{ $total }）
live-item-done = （已完成）
live-running-time-up = **（进行中，已于 { $until } 到时）**
live-running-left = **（进行中：还剩 { $left }，到 { $until }）**

## 发言队列
live-hand-already-up = 你已经举手了：你排在队列第 { $place } 位。`hand down` 可以放下。
live-hand-raised-next = 你已举手：下一位就是你。
live-hand-raised = 你已举手：你排在队列第 { $place } 位（前面有 { $ahead } 人）。
live-progressive-note = 这是渐进式队列：本次讨论中发言较少的成员优先，所以你的位置可能会变。
live-hand-not-up = 你没有举手，无需放下。
live-hand-lowered = 你已放下手：你离开了队列。
live-topic-too-long = 话题请控制在 200 个字符以内；其余的等你发言时再说。
live-queue-empty = 没有人在等待发言：队列是空的。
live-queue-header-progressive = **发言队列**（渐进式：本次讨论发言最少的人优先）
live-queue-header-raised = **发言队列**（按举手先后）
live-queue-speaking = 正在发言：**{ $name }**
live-queue-your-place = 你排在队列第 { $place } 位。
live-queue-not-in = 你没有举手（`hand [话题]` 加入队列）。
live-nobody-waiting = 没有其他人在等待。
live-floor-to = 🎤 请 **{ $name }** 发言{ $topic }。{ $then }
live-skipped = 已跳过 { $name }（已放下手）。{ $then }
live-queue-cleared = 队列已清空：放下了 { $n } 只手。
live-queue-mode-progressive = 队列现在是渐进式：本次讨论发言最少的人优先。
live-queue-mode-raised = 队列现在按举手先后排序。

## 笔记、决定、待办
live-text-empty = { $what ->
    [note] 笔记是空的：请写在命令后面。
    [decision] 决定是空的：请写在命令后面。
   *[action] 待办是空的：请写在命令后面。
}
live-text-too-long = { $what ->
    [note] 笔记最多 { $max } 个字符。
    [decision] 决定最多 { $max } 个字符。
   *[action] 待办最多 { $max } 个字符。
}
live-noted = { $kind ->
    [note] 笔记 #{ $id } 已记入纪要。
   *[decision] 决定 #{ $id } 已记入纪要。
}
live-noted-under = { $kind ->
    [note] 笔记 #{ $id } 已记入纪要，归在 **{ $title }** 下。
   *[decision] 决定 #{ $id } 已记入纪要，归在 **{ $title }** 下。
}
live-due = 截止 { $due }
live-due-overdue = 截止 { $due }，已逾期
live-action-added = 给 **{ $owner }** 的待办 #{ $id }{ $due } 已记入纪要。完成后用 `action done { $id }`。
live-action-added-under = 给 **{ $owner }** 的待办 #{ $id }{ $due } 已记入纪要，归在 **{ $title }** 下。完成后用 `action done { $id }`。
live-not-a-member = 据 colloquy 所知，{ $who } 不是这个小组的成员（没有在这里发言、投票、举手或出席过）。请指定一位成员，例如 `action @ana 分发观点地图`。
live-ambiguous-member = 这个小组有 { $n } 位成员叫 { $who }；请用提及或 id 指定。
live-no-open-actions = 没有未完成的待办事项。
live-open-actions-header = **未完成的待办事项**
live-open-actions-at-start = **以前讨论中未完成的待办事项**（完成后用 `action done N`）
live-all-actions-done = 以前讨论中的待办事项都已完成。
live-no-such-action = 这个小组没有待办 #{ $id }；`action list` 列出未完成的。
live-not-an-action = #{ $id } 是笔记或决定，不是待办。
live-action-already-done = 待办 #{ $id } 已经完成。
live-action-not-yours = 待办 #{ $id } 属于 { $owner }：只有本人或主持人能标记完成。
live-action-done = 待办 #{ $id } 已完成：{ $owner }：{ $text }

## 分组讨论
live-breakout-rooms-bad = 分组讨论至少需要一个讨论串，而不是 { $n } 个：例如 `breakout 3 --minutes 15`。
live-breakout-too-many-rooms = 分组讨论最多 25 个讨论串，而不是 { $n } 个。
live-breakout-minutes-bad = 分组讨论持续 1 到 180 分钟，而不是 { $m } 分钟。
live-breakout-more-rooms-than-members = 本次讨论有 { $present } 位成员在场，分成 { $rooms } 个讨论串会有空的。最多请分 { $present } 个。
live-breakout-nobody = 本次讨论还没有人在场（成员发言、投票、举手或进入语音频道后才算在场）。
live-breakout-running = 本次讨论已有分组讨论在进行；时间到时会自动结束。
live-breakout-started = 分组讨论：{ $rooms } 个讨论串，{ $minutes }，{ $how }。每个讨论串有一个问题；结束时每组需用一行汇报。
live-breakout-by-chance = 成员随机分组
live-breakout-by-opinion = 每个讨论串混合观点地图的各群体
live-breakout-no-groups = 成员随机分组，因为观点地图没有群体（{ $reason }）
live-room-name = 分组 { $seq } / { $of }
live-room-members = 成员：
live-room-until = 截止：
live-room-question = 问题：
live-room-report-later = 时间到时，机器人会在这里请你们用一行汇报。
live-room-ask = ⏰ 时间到。请你们中的一位在这里用一行写下本讨论串的汇报：第一条回答会汇总到主讨论串。
live-default-prompt-item = 关于“{ $title }”，目前最有力的观点是什么，最薄弱的又是什么？
live-default-prompt = 这篇读物最有力的观点是什么，最薄弱的又是什么？
live-gathered-header = ## 分组讨论汇报（{ $n } 个讨论串）
live-gathered-line = - **讨论串 { $seq }**（{ $who }）：{ $text }
live-gathered-none = - **讨论串 { $seq }**：没有汇报

## 出席
live-attendance-header = **现场讨论出席情况**（发言、投票、举手、记笔记或在语音频道的人）
live-nobody = 无人
