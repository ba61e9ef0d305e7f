# 静态存档的页面（prompts/archive/*.html.j2、src/engine/archive.rs）以及搜索脚本显示的文字
# （prompts/archive/search.js 从 search-index.js 取得）。

archive-date-pattern = %Y年%-m月%-d日（%A）
# Words quoted from the reading or a member, in the language's quotation marks.
archive-quoted = “{ $text }”
archive-skip = 跳到正文
archive-nav = 存档
archive-readings = 读物
archive-sessions = 讨论
archive-search = 搜索
archive-footer = { $group } 的存档，由 colloquy 根据小组的记录生成。要求不被署名引用的成员显示为“{ a-member }”。

## 小组页面
archive-empty-group = 这个小组还没有任何活动：尚未导入读物，也没有进行过讨论。第一次讨论之后存档就会有内容。
archive-by-author = 作者：{ $author }
archive-discussed-of = 共 { $total } 个节选，已讨论 { $discussed } 个
archive-sessions-caption = 每次讨论及其回复和发言的成员；条形表示该次讨论的回复数与最活跃的一次相比。
archive-col-date = 日期
archive-col-session = 讨论
archive-col-members = 成员
archive-col-replies = 回复
archive-in-progress = 进行中
archive-participation = 历次参与情况
archive-session-tip = { $title }：{ $members } 位成员的 { $replies } 条回复
archive-participation-caption = 每次讨论的回复数，从最早开始（共 { $n } 次讨论）；上表给出每次讨论的数字。
archive-shifts = 意见如何变化
archive-col-claim = 主张
archive-col-net-shift = 净变化
archive-col-changed = 改变者
archive-toward = 偏向“{ $pole }”
archive-changed-of = { $paired } 人中 { $changed } 人
archive-shifts-caption = 每一对讨论前后的投票：在投票量表上的净变化（向右的条表示趋向同意，向左表示远离同意），以及两次都投票的人中有多少人改变了立场。
archive-no-shifts = 还没有已结束的讨论前后投票对，因此没有变化可显示。

## 读物地图（读物和讨论页面）
archive-sentence-tip = { $n } 条回复引用或呼应了这句话
archive-notes = 注释
archive-most-discussed = 讨论最多的段落
archive-most-contested = 争议最大的句子
archive-contested-counts = 同意该主张的成员 { $agree } 条，不同意的成员 { $disagree } 条
archive-direct-title = 直接回复节选的消息
archive-direct = { $n } 条回复直接回复了节选的帖子（平台上的回复）。
archive-confusions = 成员针对句子提出的问题
archive-legend = 底色深浅表示句子被讨论的程度：
archive-heat-0 = 未被引用
archive-heat-1 = 少量
archive-heat-2 = 一些
archive-heat-3 = 较多
archive-heat-4 = 最多
archive-legend-explained = 句子的底色取决于引用或紧密呼应它的回复数量；句后的小数字就是这个数量。讨论最多的句子加了边框，争议最大的句子加了波浪下划线。

## 读物
archive-reading-size = { $words } 字，分为 { $excerpts } 个节选
archive-reading-map = 读物地图
archive-excerpt-n = 节选 { $seq }
archive-discussed-on = 讨论于 { $date }
archive-not-discussed = 尚未讨论
archive-questions = 问题
archive-no-excerpt-yet = 小组还没有收到这篇读物的任何节选。
archive-to-come = 还有 { $n } 个节选：小组收到节选之后，存档才会显示它。

## 讨论
archive-edited = 已编辑
archive-deleted = 已删除
archive-orphan = （回复的消息已不在此处）
archive-permalink = 这条回复的链接
archive-reply-deleted = 这条回复已被删除。
archive-on-this-page = 本页内容
archive-excerpt = 节选
archive-discussion = 讨论
archive-polls = 投票
archive-summary = 总结
archive-opinion-map = 意见地图
archive-minutes-printable = 记录（可打印）
archive-the-excerpt = 节选
archive-no-replies = 这次讨论没有记录到回复。
archive-poll-title = 投票 #{ $id }：{ $claim }
archive-poll-title-phase = { $phase ->
    [pre] 投票 #{ $id }（讨论前）：{ $claim }
   *[post] 投票 #{ $id }（讨论后）：{ $claim }
}
archive-poll-anonymous = 匿名投票
archive-poll-named = 记名投票
archive-scale = { $scale ->
    [agree] 同意 / 不同意
    [likert5] 五级量表
    [yesno] 是 / 否
    [card] 主张卡片
   *[custom] 投票自定的选项
}
archive-poll-closed = 已结束
archive-poll-closes = 截止于 { $when }
archive-results-hidden = 投票结束前结果不公开。
archive-col-option = 选项
archive-col-votes = 票数
archive-col-share = 比例
archive-reasons = 给出的理由
archive-who-voted = 谁投了什么（{ $n }）
archive-map-in-summary = 上面的总结描述了这张地图：其中的群体、他们的共识和分歧。
archive-minutes = 记录
archive-minutes-about = 记录在一页上收录节选、问题、按顺序排列的所有回复、投票和总结，便于打印。
archive-minutes-open = 打开这次讨论的记录

## 搜索（页面以及 search.js 显示的文字）
archive-search-label = 在回复和节选中搜索
archive-search-button = 搜索
archive-search-needs-script = 搜索需要 JavaScript；存档的每一页不用它也能阅读。
archive-search-prompt = 输入词语，在回复和节选中查找（共 { $n } 条）。
archive-search-none = 没有找到“{ $query }”。
archive-search-found = “{ $query }”共有 { $n } 条结果。
archive-search-first = 仅显示前 { $max } 条。
archive-search-reply-in = { $who }，见于 { $title }
archive-search-reply = 回复
archive-search-excerpt = 节选
