## Discord 上的现场研讨：用于统计出席的语音频道或舞台频道
# 接在 setup 的回复之后；$channel 是频道名称。
voice-channel-set = 出席：在语音频道“{ $channel }”中的成员计为现场研讨的出席者，并记录其加入和离开的时间。
voice-channel-off = 出席：不再跟踪任何语音频道；成员发言、投票、举手或做笔记即计为出席。
# 在 Matrix 或控制台中使用 `setup --voice-channel`。
voice-channel-discord-only = 只有 Discord 上才跟踪语音频道：在这里，成员发言、投票、举手或做笔记即计为出席。
# Discord 适配器没有查找频道（输入的名称传到了核心）。
voice-channel-unresolved = 请在 `/setup` 的 `voice_channel` 选项中选择语音频道。
voice-channel-unknown = 此服务器没有名为“{ $given }”的频道。请用名称、提及或 ID 指定一个语音频道或舞台频道，或用 `none` 停止跟踪。
voice-channel-not-voice = “{ $name }”不是语音频道或舞台频道，无人能在其中出席：请选择一个语音频道或舞台频道。
voice-channel-ambiguous = 有 { $count } 个语音频道名为“{ $given }”：请用提及或 ID 指明是哪一个。
voice-channel-unreadable = 暂时无法读取服务器的频道，语音频道未作更改；请稍后再试。
