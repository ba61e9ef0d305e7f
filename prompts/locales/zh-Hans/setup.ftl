## setup
language-name = 简体中文
setup-unknown-language = 未知语言 `{ $given }`：colloquy 支持 { $supported }（en 英语，ru 俄语，zh 简体中文，de 德语，fr 法语）。
setup-bad-words = --words 必须在 40 到 5000 之间（收到 { $words }）
setup-bad-name = --name 长度须为 1 到 60 个字符
setup-settings = 每天 { $time }（{ $zone }，{ $days }）发布约 { $words } 字的节选，{ $summary } 发布总结，使用{ $language }。
setup-created = 此频道现已成为读书小组：{ $settings }
setup-updated = 设置已更新：{ $settings }
setup-next-post = 下一次发布：{ $next }。
setup-import-hint = 用 `reading import` 导入读物（附上 .txt 或 .md 文件）。
days-every-day = 每天
days-weekdays = 工作日

## schedule
schedule-posted-today = 今天的节选已于 { $time } 发布。
schedule-paused-state = 日程已暂停；`schedule resume` 可恢复。
schedule-next = 下一段节选：{ $next }。
schedule-none = 尚未安排发布时间。
schedule-skipping-through = { $date } 及之前的发布将被跳过。
schedule-settings = 日程：{ $time }（{ $zone }，{ $days }），停机后补发方式：{ $catch_up }。总结时间 { $summary }。
schedule-left = 还有 { $n } 段节选待发布。
schedule-paused = 每日日程已暂停。`schedule resume` 可恢复；`excerpt next` 仍可随时发布。
schedule-resumed = 每日日程已恢复。
schedule-nothing-to-skip = 没有可以跳过的待发布内容。
schedule-skipped = { $when } 的发布已跳过。
schedule-after-skip = 之后的下一次：{ $next }。
catch-up-latest = 补发最近错过的一段节选
catch-up-skip = 跳过错过的发布
