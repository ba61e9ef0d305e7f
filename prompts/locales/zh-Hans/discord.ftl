# Discord 适配器自己的文字：/help 及其错误。
discord-help-intro = **colloquy** 每天在单独的讨论串里发布小组读物的一段摘录和讨论问题，记录回复，就主张发起投票，并总结每次讨论。
discord-help-not-set-up = 这个频道还不是读书小组：请主持人先用 `/setup`。
discord-help-facilitators = （主持人）
discord-help-one-command = `/help command:名称` 解释一个命令及其选项。
discord-help-no-such-command = 没有 `/{ $wanted }` 这个命令。`/help` 列出所有命令。
discord-help-options = 选项：
discord-help-optional = （可选）
discord-bad-option = 这个选项无效：{ $error }。请检查后再试。
discord-command-updated = 这个命令刚刚更新；Discord 可能需要一分钟才能同步。请稍后再试。
discord-posted-in-channel = 完成：答复已发布在频道中。
