# 现场讨论和读物读完时的提示。

session-reading-finished = 这篇读物已经读完了。主持人可以用 `reading import` 导入下一篇；日程会自动接上。
session-title-too-long = 讨论标题最多 100 个字符。
session-started = 现场讨论 #{ $id } 已开始：在 `session end` 之前，此频道中的每条消息都会被记录。
session-started-titled = 现场讨论 #{ $id } 已开始（{ $title }）：在 `session end` 之前，此频道中的每条消息都会被记录。
session-already-running = 已有一场现场讨论正在进行（自 { $since } 起）。请先用 `session end` 结束它。
session-none-running = 没有正在进行的现场讨论。用 `session start` 开始一场。
session-ended-empty = 现场讨论 #{ $id } 已结束，没有任何回复，因此没有总结。
session-ended = 现场讨论 #{ $id } 已结束，共 { $replies }。总结随后发布。
session-archive-link = [存档中的完整讨论]({ $link })：讨论串、投票和读物地图。
