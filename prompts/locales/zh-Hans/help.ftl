# 每条命令的帮助：简介、参数和选项（help.ftl 的翻译）。

help-setup = 把此频道或房间设为读书小组并设置日程；未给出的选项保持原值
help-setup--tz = 时区，IANA 名称，例如 Asia/Shanghai（新小组：UTC）
help-setup--time = 每日节选的发布时间，24 小时制（新小组：09:00）
help-setup--days = 发布日：`daily`、`weekdays`、`weekends`、`mon-fri` 或 `mon,wed,fri`（新小组：`daily`）
help-setup--catch-up = 机器人离线之后：发布最近错过的节选，或跳过
help-setup--summary-time = 每天讨论结束并生成总结的时间（新小组：21:00）
help-setup--words = 每段节选大约多少词，40 到 5000（新小组：220）
help-setup--name = 小组的简短名称
help-setup--language = 机器人在本小组使用的语言：`en`、`ru`、`zh`（简体中文）、`de` 或 `fr`（新小组：en）
help-setup--voice-channel = Discord：语音或舞台频道，其中的成员视为出席现场讨论（名称、提及或 id）；none 表示停止

help-reading-import = 把附上的 .txt 或 .md 文件导入为小组的下一篇读物
help-reading-import--title = 标题（默认：取自文件）
help-reading-import--author = 作者（默认：取自文件）
help-reading-import--words = 每段节选大约多少词（默认：小组的设置）
help-reading-import--again = 即使小组已有内容相同的读物也导入
help-reading-import--no-footnotes = 省略脚注，而不是把每条脚注显示在引用它的节选下方
help-reading-import--language = 读物的语言：`en`、`ru`、`zh`、`de` 或 `fr`（默认：根据文本检测）

help-reading-list = 小组的读物以及读到了哪里

help-reading-preview = 下一段节选及其问题（发布之前）
help-reading-preview-arg-reading = 哪篇读物，按编号（默认：正在读的那篇）

help-excerpt-next = 立即发布下一段节选（在今天的发布时间之前发布，即算作今天的节选）

help-schedule-status = 下一段节选何时发布，还剩多少段

help-schedule-pause = 暂停每日发布（`excerpt next` 仍然可用）

help-schedule-resume = 暂停后恢复每日发布

help-schedule-skip = 跳过下一次计划发布

help-poll-create = 就一个论点发起投票
help-poll-create-arg-claim = 要投票的论点，放在引号里（讨论后投票可以省略，沿用讨论前投票的论点）
help-poll-create--scale = 回答量表（默认：同意 / 不同意 / 不确定）
help-poll-create--options = 自定义选项，2 到 10 个，用 | 分隔
help-poll-create--minutes = 多少分钟后截止（默认：60）；--minutes、--hours、--until 三者选一
help-poll-create--hours = 多少小时后截止
help-poll-create--until = 在这个当地时间截止（若今天已过则为明天），或 YYYY-MM-DD HH:MM
help-poll-create--anonymous = 任何人（包括主持人）都看不到谁投了什么；成员通过私信投票
help-poll-create--hidden = 投票截止前隐藏结果
help-poll-create--phase = 讨论前或讨论后；讨论后投票与讨论前投票配对，显示观点如何变化
help-poll-create--suggestion = 就 `poll suggest` 列出的第 N 条论点投票，而不是自己写的论点
help-poll-create--native = 在 Discord 上使用 Discord 自带的投票（以整小时计，不匿名，结果可见）

help-poll-close = 立即关闭投票并发布结果
help-poll-close-arg-poll = 哪个投票，按编号（默认：进行中的那个）

help-poll-results = 投票结果（隐藏结果的投票仅在截止后可见）
help-poll-results-arg-poll = 哪个投票，按编号（默认：最近的那个）

help-poll-suggest = 当前节选中可直接投票的论点

help-poll-extend = 修改投票的截止时间；--minutes、--hours 或 --until 三者选一
help-poll-extend-arg-poll = 哪个投票，按编号（默认：进行中的那个）
help-poll-extend--minutes = 把截止时间推迟这么多分钟
help-poll-extend--hours = 把截止时间推迟这么多小时
help-poll-extend--until = 改为在这个当地时间截止（若今天已过则为明天），或 YYYY-MM-DD HH:MM

help-vote = 用文字投票（匿名投票请私信机器人）
help-vote-arg-poll = 投票的编号
help-vote-arg-option = 您的回答：选项编号或文字，例如 1 或 agree
help-vote--reason = 理由，与结果一起显示，不署名

help-claim-add = 提出一个让小组投票的论点（先由主持人审核）
help-claim-add-arg-claim = 论点，放在引号里，最多 300 个字符

help-claim-queue = 成员提出、等待审核的论点（只有您能看到）

help-claim-approve = 通过一条提议的论点（可改写），并作为投票卡片发布：同意 / 不同意 / 跳过
help-claim-approve-arg-claim = 论点在 `claim queue` 中的编号
help-claim-approve-arg-text = 改写后的论点，放在引号里（默认：按原样）
help-claim-approve--minutes = 多少分钟后投票截止（默认：讨论结束时，否则 24 小时）
help-claim-approve--hours = 多少小时后投票截止
help-claim-approve--until = 在这个当地时间截止（若今天已过则为明天），或 YYYY-MM-DD HH:MM
help-claim-approve--anonymous = 任何人（包括主持人）都看不到谁投了什么；成员通过私信投票
help-claim-approve--phase = 在讨论前提问（pre），讨论后用 `poll create --phase post` 再问一次

help-claim-reject = 拒绝一条提议的论点：它不会出现在任何结果、总结、导出或图表中
help-claim-reject-arg-claim = 论点在 `claim queue` 中的编号

help-claim-cards = 把当前节选建议的论点发布为投票卡片（同意 / 不同意 / 跳过）
help-claim-cards--minutes = 多少分钟后投票截止（默认：讨论结束时，否则 24 小时）
help-claim-cards--hours = 多少小时后投票截止
help-claim-cards--until = 在这个当地时间截止（若今天已过则为明天），或 YYYY-MM-DD HH:MM
help-claim-cards--anonymous = 任何人（包括主持人）都看不到谁投了什么；成员通过私信投票

help-map = 观点地图：谁在各论点上想法相近，各组共同认可什么，分歧在哪里
help-map--session = 这次讨论的论点（默认：当前讨论）
help-map--reading = 改为这篇读物所有讨论的论点

help-report = 讨论如何改变了观点：讨论前后的投票和卡片、发言者与旁观者的对比、测验中的知识
help-report--session = 这次讨论（默认：当前讨论）

help-quiz-add = 一道有正确答案的知识题，在讨论前后各问一次
help-quiz-add-arg-question = 题目，放在引号里（讨论后的题目可以省略，重复讨论前的题目）
help-quiz-add--options = 可选答案，2 到 10 个，用 | 分隔
help-quiz-add--answer = 哪个选项正确（1 表示第一个）
help-quiz-add--phase = 讨论前或讨论后（默认：pre）；讨论后的题目重复讨论前的题目
help-quiz-add--minutes = 多少分钟后投票截止（默认：讨论结束时，否则 24 小时）
help-quiz-add--hours = 多少小时后投票截止
help-quiz-add--until = 在这个当地时间截止（若今天已过则为明天），或 YYYY-MM-DD HH:MM

help-session-start = 现场研讨模式：在 `session end` 之前记录这里的每条消息
help-session-start-arg-title = 讨论的标题（也可以用 --title 给出）
help-session-start--title = 讨论的标题

help-session-end = 结束现场讨论；随后发布总结

help-agenda-set = 现场讨论的议程：带时限的议题，用 | 分隔（或附上 Markdown 列表）
help-agenda-set-arg-agenda = 每个议题以时限结尾，例如 "开场 5m | 第一部分 20m | 总结 10m"（最多 20 项，8 小时）

help-agenda-start = 开始议程的第一项；上一项时间用完（或执行 `agenda next`）时开始下一项

help-agenda-next = 立即结束当前议题并开始下一项

help-agenda-back = 回到上一项（重新给足它的全部时限）

help-agenda-extend = 给当前议题更多时间
help-agenda-extend-arg-time = 延长多久，例如 5m 或 1h

help-agenda-status = 议程、当前议题及其剩余时间

help-hand-raise = 申请发言：加入发言队列（您的位置会私下告诉您）
help-hand-raise-arg-topic = 您想谈什么，简单几个字

help-hand-down = 退出发言队列

help-queue-show = 谁在发言、下一个是谁（只有您能看到，包括您自己的位置）

help-queue-next = 请队列中的下一位成员发言

help-queue-skip = 跳过队列中的下一位成员（其举手会被放下）

help-queue-clear = 放下所有举起的手

help-queue-mode = 队列的顺序：先到先得，或渐进式（本次讨论中发言最少的人优先）
help-queue-mode-arg-mode = order：按举手顺序；progressive：发言最少的人优先

help-note = 给纪要的一条笔记，归入当前议题
help-note-arg-text = 笔记（最多 500 个字符）

help-decision = 给纪要的一项决定，归入当前议题
help-decision-arg-text = 决定了什么（最多 500 个字符）

help-action-add = 给小组成员的一项任务，可附截止日期
help-action-add-arg-member = 由谁完成：本小组的一位成员
help-action-add-arg-text = 要做什么（最多 500 个字符）
help-action-add--due = 截止时间：YYYY-MM-DD、today、tomorrow 或星期几

help-action-list = 小组未完成的任务

help-action-done = 把一项任务标记为完成（负责人或主持人）
help-action-done-arg-action = 任务在 `action list` 中的编号

help-breakout = 把在场成员暂时分成几个讨论串，每个讨论串一个问题；各组的汇报汇集到这里
help-breakout-arg-rooms = 分成几个讨论串（至少 1 个，最多每位在场成员一个）
help-breakout--minutes = 持续多少分钟（默认：15）
help-breakout--by = 在每个讨论串中混合观点地图的各组（默认：随机）

help-summary = 当前或指定讨论的总结
help-summary-arg-session = 哪次讨论，按编号（默认：当前讨论）
help-summary--session = 哪次讨论，按编号（与 SESSION 相同）

help-stats = 本小组的参与情况（只有您能看到）

help-export = Markdown 格式的纪要、CSV 格式的回复和投票、JSON 格式的全部数据
help-export--format = 导出什么（默认：all；`export csv` 也可以）
help-export--session = 只导出这次讨论的纪要

help-privacy-my-data = 以文件形式私下发给您：您的回复和投票

help-privacy-forget-me = 永久删除您的回复、投票和成员记录：此前的内容即使在重启后也不会再被记录；之后您写的内容或投的票照常记录（不加 --confirm：显示将删除什么）
help-privacy-forget-me--confirm = 是的，删除我的数据

help-privacy-quotes = 总结是否可以署名引用您（off：以“一位成员”引用您）
help-privacy-quotes-arg-allow = on：总结可以署名引用您；off：不可以

help-help = 机器人在这里能做什么，或详细说明一条命令
help-help-arg-command = 要说明的命令，例如 poll create

## The help page
help-intro = **colloquy** 每天发布小组读物的一段节选和讨论问题，在其讨论串中记录回复，就论点发起投票，并总结每次讨论。
help-not-a-group = 此频道还不是读书小组：主持人可以先运行 `setup`。
help-facilitators-mark = （限主持人）
help-one-verb = `help 命令` 会详细说明一条命令及其选项。
help-no-command = 没有命令 `{ $topic }`。`help` 会列出全部命令。
help-no-command-hint = 没有命令 `{ $topic }`；您是不是想输入 `{ $suggestion }`？`help` 会列出全部命令。
help-options = 选项：
help-also-flag = 也可写作 { $names }
help-also-typed = 也可以输入 { $names }。
help-who-facilitators = 限主持人
help-who-members = 限成员
help-who-anyone = 任何人
help-verb-line = { $summary }（{ $who }）。
