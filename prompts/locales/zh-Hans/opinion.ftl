# 成员提出的论点及其审核、论点卡片、测验题、观点地图和报告。

claim-no-session = 这里没有进行中的讨论，因此暂时无法提出论点。请在下一段节选发布后再试。
claim-decided-by-you = 您
claim-already-approved-card-by = 论点 #{ $id } 已由{ $by }通过，并已作为卡片 #{ $card } 发布；没有任何改动。
claim-already-approved-card = 论点 #{ $id } 已通过，并已作为卡片 #{ $card } 发布；没有任何改动。
claim-already-approved-by = 论点 #{ $id } 已由{ $by }通过；没有任何改动。
claim-already-approved = 论点 #{ $id } 已通过；没有任何改动。
claim-already-rejected-by = 论点 #{ $id } 已被{ $by }拒绝；没有任何改动。
claim-already-rejected = 论点 #{ $id } 已被拒绝；没有任何改动。
claim-no-words = 这个论点没有内容；请写下成员要投票的陈述。
claim-in-session = 本次讨论已有这个论点（节选中已提出，或正在投票）。
claim-already-proposed = 已有人在本次讨论中提出了这个论点；等它的卡片发布后再投票吧。
claim-queued = 谢谢：您的论点在队列中编号为 #{ $id }。主持人会审核；通过后它将作为卡片发布，所有人都可以投票。
claim-queue-empty = 没有等待审核的论点。
claim-queue-title = 有 { $n } 条论点等待审核：
claim-former-member = 一位前成员
claim-queue-how = `claim approve N` 把论点作为投票卡片发布（加上 "改写后的文字" 可以修改）；`claim reject N` 则拒绝它。
claim-no-such = 本小组没有编号为 #{ $id } 的提议论点。
claim-approve-post = 提议的论点只能作为新卡片（或讨论前卡片）通过；如需在讨论后再问，请用 `poll create --phase post`。
claim-reworded-empty = 改写后的论点没有内容。
claim-reworded-taken = 本次讨论已有措辞相同的论点；请换一种说法，或拒绝这一条。
claim-approved = 论点 #{ $id } 已通过，并作为卡片 #{ $card } 发布。
claim-rejected = 论点 #{ $id } 已被拒绝：它不会在任何地方发布或显示。

cards-no-session = 这里没有进行中的讨论；请先发布一段节选（`excerpt next`）。
cards-none-suggested = 当前节选没有提出论点。成员可以用 `claim add "…"` 提出自己的论点。
cards-all-posted = 节选提出的每个论点在本次讨论中都已有卡片。
cards-posted = 已将 { $n } 条论点发布为投票卡片：{ $cards }。

quiz-needs-answer = 测验题需要正确答案：请加上 --answer N（1 表示第一个选项）。
quiz-bad-answer = --answer { $answer } 不在 { $n } 个选项之中；请给出 1 到 { $n } 之间的数字。
quiz-no-pre = 没有等待配对的讨论前测验题；请先用 --phase pre 添加一道。
quiz-pre-is-poll = 等待配对的讨论前投票（#{ $id }）是普通投票，不是测验题；请用 `poll create --phase post` 与它配对。
quiz-post-answer = 讨论后测验题沿用讨论前题目的答案；请去掉 --answer。
quiz-open-pre = 测验题 #{ $id } 已开放（讨论前）。正确答案不会出现在结果中；报告会显示成员学到了什么。
quiz-open-post = 测验题 #{ $id } 已开放（讨论后）。正确答案不会出现在结果中；报告会显示成员学到了什么。

map-scope-session = 第 { $id } 次讨论
map-scope-reading = 第 { $id } 篇读物（{ $title }）
map-no-session = 本小组还没有讨论；观点地图需要在讨论中投过票的论点。
report-no-session = 本小组还没有讨论。
session-no-such = 本小组没有讨论 #{ $id }。
