## 总结程序自己写的话
summary-notice-chatter-only = 只有问候、事务安排和简短的回应：没有可以总结的讨论。
summary-notice-other-language = 本次讨论使用的语言是“{ $language }”，colloquy 目前还没有该语言的规则，因此只列出最具代表性的回复，不归纳主题、分歧和未解决的问题。
summary-about-members-point = { $name } 的观点
summary-about-an-earlier-point = 先前的一个观点
