## Matrix 上的实时研讨：在议程消息上用 ✋ 回应举手
hand-reaction-lower-hint = 要放下手，请撤回你在议程消息上的 ✋ 回应。
hand-reaction-lowered = 你撤回了议程消息上的 ✋ 回应，因此你的手已放下：你已离开发言队列。
hand-reaction-session-over = 这份议程所属的会话已经结束，没有可以加入的发言队列。主持人可以开始新的会话。
