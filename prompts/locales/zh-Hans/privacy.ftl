# 成员自己的数据（privacy my-data、forget-me、quotes）和导出。

privacy-votes-on-cards = { $n } 票投给论点卡片
privacy-quiz-answers = { $n } 个测验答案
privacy-claims-approved = { $n } 条已通过
privacy-claims-pending = { $n } 条待审核
privacy-claims-rejected = { $n } 条被拒绝
privacy-claims-proposed = 您提出的 { $n } 条论点（{ $parts }）
privacy-my-data = colloquy 保存的关于您的数据如下：{ $replies }，{ $votes }（匿名投票无法与您关联，因此不包括在内）。
privacy-my-data-claims = colloquy 保存的关于您的数据如下：{ $replies }，{ $votes }，以及{ $claims }（匿名投票无法与您关联，因此不包括在内）。
privacy-no-record = 这里没有您的记录。
privacy-my-data-file = 您的回复、投票和提出的论点（JSON 格式）
privacy-forget-ask = 这将在 colloquy 运行的所有地方删除您的 { $replies }、{ $votes } 以及您的成员记录，并重新生成引用过您或展示过您理由的总结。已经发到聊天中的消息会保留。匿名投票会保留，且无法关联到您。
privacy-forget-ask-claims = 这将在 colloquy 运行的所有地方删除您的 { $replies }、{ $votes }、您提出但未通过的 { $n } 条论点以及您的成员记录，并重新生成引用过您或展示过您理由的总结。已经发到聊天中的消息会保留。匿名投票会保留，且无法关联到您。
privacy-forget-cards-stay = 您提出并已成为投票卡片的论点将作为小组的论点保留，不署名。
privacy-forget-confirm-hint = 如需继续：`privacy forget-me --confirm`。
privacy-proposed-claims = { $n } 条提出的论点
privacy-forgot = 完成：已删除 { $replies } 和 { $votes }，您的成员记录也已删除。
privacy-forgot-with-claims = 完成：已删除 { $replies }、{ $votes } 和 { $claims }，您的成员记录也已删除。
privacy-forgot-nothing = 完成：colloquy 没有保存任何关于您的数据，因此没有删除任何内容。
privacy-forgot-after = 您此前写下或投出的内容都不会再被记录，即使机器人重启并读取聊天历史也是如此。如果您再次参与（在讨论中发言或投票），这些会照常记录，`privacy forget-me` 可以再次删除它们。
privacy-quotes-on = 总结可以再次署名引用您。
privacy-quotes-off = 从现在起，总结只会以“一位成员”引用您，绝不署名，可选的 LLM 也不得提及您的名字。

export-ready = 导出已就绪：{ $files }。
export-no-minutes = 这里还没有进行过讨论，因此没有纪要。
export-minutes-file = 讨论 #{ $id } 的纪要
export-replies-file = 回复（CSV）
export-votes-file = 记名投票的投票记录（CSV）
export-anonymous-votes-file = 匿名投票的投票记录（CSV，不含投票人）
export-attendance-file = 现场讨论的出勤情况（CSV，当地时间）
export-json-file = 本小组的全部数据（JSON）
