# colloquy 的简体中文消息。

## 日期与时间
date-time-pattern = %-m月%-d日（%A）%H:%M
date-pattern = %-m月%-d日（%A）
time-pattern = %H:%M
local-time = { $when }（{ $zone }）
today-at = 今天 { $time }
tomorrow-at = 明天 { $time }
yesterday-at = 昨天 { $time }
day-at = { $day } { $time }
deadline = { $when }（还有 { $wait }；{ $date }，{ $zone } 时间）
wait-under-a-minute = 不到一分钟
wait-minutes = { $m } 分钟
wait-hours = { $h } 小时
wait-hours-minutes = { $h } 小时 { $m } 分钟
wait-days = { $d } 天
wait-days-hours = { $d } 天 { $h } 小时

## 计数
count-replies = { $n } 条回复
count-members = { $n } 位成员
count-votes = { $n } 票
count-words = { $n } 字
count-messages = { $n } 条消息
count-excerpts = { $n } 段节选
count-sessions = { $n } 次讨论
count-questions = { $n } 个问题
count-readings = { $n } 篇读物
count-polls = { $n } 项投票
count-weeks = { $n } 周
count-days = { $n } 天

## 错误
error-not-set-up = 此频道尚未设置为读书小组。请主持人先在这里运行 `setup`。
error-facilitator-only = 只有主持人可以使用 `{ $verb }`。请联系本小组的主持人。
error-members-only = 只有本小组频道的成员可以使用 `{ $verb }`。
error-internal = 我们这边出了点问题；主持人可以在机器人的日志中查看详情。
error-import = 无法导入该文件：{ $reason }。
