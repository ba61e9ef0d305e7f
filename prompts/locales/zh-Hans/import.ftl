# 导入读物、列出读物和预览。

lang-en = 英语
lang-ru = 俄语
lang-zh = 中文
lang-de = 德语
lang-fr = 法语
lang-other = 其他语言
lang-generic = { $name }（通用规则）

import-attach-a-file = 请在 `reading import` 中附上 .txt 或 .md 文件（或用该命令回复含有文件的消息）。
import-title = **{ $title }**
import-title-by = **{ $title }**，作者：{ $author }
import-done = 已导入 { $title }（读物 #{ $id }，{ $language }）：共 { $words }，分为 { $excerpts }。
import-front-matter = 文首信息已作为详情保存，不会发布：{ $keys }。
import-footnotes-kept = { $n } 条脚注显示在引用它们的节选下方。
import-footnotes-dropped = 已省略 { $n } 条脚注（--no-footnotes）。
import-long-reading = 注意：这篇读物有 { $excerpts } 段节选，每个发布日一段：按小组的日程（{ $days }）大约需要 { $weeks }。用更大的 --words 可以得到更少、更长的节选，也可以把文本分成几部分导入。
import-not-text = “{ $name }”不是 .txt 或 .md 文件。请把读物另存为纯文本或 Markdown 后再附上。
import-too-large = “{ $name }”大小为 { $size }，上限为 { $limit }。请把读物分成几部分依次导入。
import-duplicate = 本小组已有这篇文本：读物 #{ $id }“{ $title }”，导入于 { $when }。本次未导入任何内容；如需再次导入，请加上 --again。

reading-list-empty = 还没有读物。主持人可以在 `reading import` 中附上 .txt 或 .md 文件。
reading-list-title = **读物**
reading-state-finished = 已读完
reading-state-not-started = 未开始
reading-state-posted = 已发布 { $posted } / { $total }
reading-no-such = 本小组没有读物 #{ $id }；`reading list` 会列出全部读物。
reading-preview-nothing-left = 没有可发布的内容了：所有节选都已发布。请用 `reading import` 导入下一篇读物。
reading-preview-next = 下一段：

## 导入时对文本的提示
import-notice-forced = 注意：指定了 --language { $code }，但文本大部分读起来是{ $reads }（{ $pct }%）；已按您的要求以{ $lang }的规则切分并生成问题。
import-notice-undetected = 注意：无法判断这篇文本的语言，因此按英语处理；可以用 --language（{ $codes }）指定。
import-notice-mixed = 注意：这篇文本混合了多种语言（{ $top } { $pct }%，{ $others }）；按多数语言处理，以{ $top }的规则切分并生成问题。
import-notice-no-rules = 注意：这篇文本是{ $name }，colloquy 还没有针对它的规则：按通用规则切分（Unicode 句末，不做词干提取），问题为英文。支持的语言：{ $supported }；可以用 --language 选择其中一种。
import-warning-yes-no = 提醒：问题“{ $question }”可以用“是”或“否”回答（因为“{ $word }”）；开放式问题（{ $open }）更能引发讨论。
