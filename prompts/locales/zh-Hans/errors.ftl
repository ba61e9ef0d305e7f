# 命令无法执行的原因：解析错误，以及投票、日程和导入的错误。

## 解析命令
parse-did-you-mean = 您是不是想输入 `{ $suggestion }`？
parse-empty = 没有输入命令；请试试 `help`
parse-unknown-verb = 未知命令 `{ $given }`；{ $hint }
parse-unknown-verb-no-hint = 未知命令 `{ $given }`；`help` 会列出全部命令
parse-missing-sub = `{ $verb }` 后面需要以下之一：{ $expected }
parse-missing-sub-hint = `{ $verb }` 后面需要以下之一：{ $expected }；{ $hint }
parse-unknown-flag = `{ $verb }` 没有选项 { $flag }；{ $hint }
parse-unknown-flag-none = `{ $verb }` 没有选项 { $flag }；该命令不接受任何选项
parse-unknown-flag-allowed = `{ $verb }` 没有选项 { $flag }；可用选项：{ $allowed }
parse-missing-value = 选项 { $flag } 需要一个值
parse-not-a-number = { $what }必须是整数，而不是“{ $given }”
parse-unexpected = 无法识别“{ $word }”；含空格的文字请放在引号里
parse-missing-argument = `{ $verb }` 需要：{ $what }
parse-unclosed-quote = 引号没有闭合
parse-not-both = 请给出 { $first } 或 { $second }，不要同时给出
parse-deadline-twice = 截止时间只能给一次：--minutes、--hours 或 --until
parse-bad-choice = { $what } 接受 { $choices }，而不是“{ $given }”
noun-reading = 读物编号
noun-poll = 投票编号
noun-claim = 论点编号
noun-session = 讨论编号
noun-action = 任务编号
noun-threads = 分组数
noun-flag = { $flag }
needs-claim-add = 放在引号里的论点，例如 claim add "对冲是一种策略，而不是犹豫不决"
needs-claim-number = `claim queue` 中论点的编号，例如 { $verb } 3
needs-quiz = 放在引号里的问题，并带上 --options 和 --answer
needs-poll-claim = 放在引号里的论点，例如 poll create "贸易建立信任"（或用 `poll suggest` 给出的 --suggestion N）
needs-vote = 投票编号和一个选项，例如 `vote 3 agree`
needs-queue-mode = order 或 progressive
needs-action = 一位成员及其要做的事，例如 action @ana 分发讨论图 --due friday
needs-action-number = `action list` 中任务的编号，例如 action done 3
needs-breakout = 分成几个讨论串，例如 breakout 3 --minutes 15
needs-on-off = on 或 off
needs-deadline = --minutes N、--hours N 或 --until HH:MM

## 投票
poll-error-empty-claim = 论点为空：请写下成员要投票的陈述
poll-error-claim-too-long = 论点长 { $n } 个字符；投票最多允许 300 个（请缩短）
poll-error-unknown-scale = 未知量表“{ $given }”：请使用 agree、likert5、yesno 或 custom
poll-error-option-count = 自定义投票需要 2 到 10 个选项，用 | 分隔（当前 { $n } 个）
poll-error-option-too-long = 选项“{ $option }”长 { $n } 个字符；选项最多允许 55 个
poll-error-empty-option = 第 { $n } 个选项为空
poll-error-duplicate-option = 选项“{ $option }”出现了两次
poll-error-options-without-custom = 只有 --scale custom 才能自定义选项；{ $scale } 量表有自己的选项
poll-error-bad-duration = 时长必须在 1 分钟到 30 天之间（当前 { $n } 分钟）
poll-error-bad-time = “{ $given }”不是时间：请使用 HH:MM（24 小时制）或 YYYY-MM-DD HH:MM
poll-error-deadline-in-past = 该截止时间（{ $when }）已经过去
poll-error-deadline-too-far = 该截止时间超过 30 天之后
poll-error-reason-too-long = 理由长 { $n } 个字符；请控制在 280 个以内
poll-error-unknown-option = “{ $given }”不是此投票的选项；请从以下选项中选择：{ $options }

## 日程
schedule-error-bad-time = “{ $given }”不是时间：请使用 24 小时制的 HH:MM，例如 09:00 或 18:30
schedule-error-bad-zone = 未知时区“{ $given }”：请使用 IANA 名称，例如 Asia/Shanghai、Europe/London 或 America/New_York
schedule-error-bad-days = “{ $given }”不是日期列表：请使用 `daily`、`weekdays`、`weekends`、`mon-fri` 或 `mon,wed,fri`
schedule-error-bad-catch-up = catch_up 只能是“latest”或“skip”，而不是“{ $given }”

## 导入
import-error-empty = 文件是空的
import-error-binary-nul = 文件看起来是二进制文件（含有 NUL 字节），而不是 .txt 或 .md 文本
import-error-binary-control = 文件看起来是二进制文件（含有大量控制字符），而不是 .txt 或 .md 文本
import-error-not-utf8 = 文件不是 UTF-8 文本（偏移 { $offset } 处有无效字节）；请另存为 UTF-8 后重试
import-error-no-body = 没有找到正文：文件里只有标题或联系信息
import-error-no-sentences = 没有找到句子：文件中没有任何以句号、问号或感叹号结尾的内容，因此无法生成节选
import-error-only-headings = 没有找到句子：文件里只有标题，没有可生成节选的段落
import-error-empty-option = --{ $flag } 为空：请给出一个值，或去掉 --{ $flag } 以便从文件中读取
import-error-bad-words = --words 必须在 40 到 5000 之间（当前 { $words }）
import-error-unknown-language = 未知语言 `{ $given }`：请使用以下之一：{ $supported }
