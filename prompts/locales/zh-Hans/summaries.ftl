## 总结程序自己写的话
summary-notice-chatter-only = 只有问候、事务安排和简短的回应：没有可以总结的讨论。
summary-notice-other-language = 本次讨论使用的语言是“{ $language }”，colloquy 目前还没有该语言的规则，因此只列出最具代表性的回复，不归纳主题、分歧和未解决的问题。
summary-about-members-point = { $name } 的观点
summary-about-an-earlier-point = 先前的一个观点

## 配置的 LLM 出错时给主持人的提示（src/engine/summaries.rs）
llm-failed-notice = 给主持人的提示：无法使用配置的 LLM（{ $reason }）。在 LLM 恢复响应之前，colloquy 使用自己的问题和总结。
llm-error-timeout = LLM 服务器在 { $seconds } 秒内没有响应
llm-error-unreachable = 无法连接到 LLM 服务器
llm-error-status = LLM 服务器返回了 HTTP { $code }
llm-error-bad-answer = 无法理解 LLM 服务器的回答
llm-error-refused = 它的文字违反了总结和问题的规则
