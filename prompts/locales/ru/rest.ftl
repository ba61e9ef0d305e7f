# Остальное, что пишет бот: строки адаптеров, статистика, подписи диаграммы опроса,
# пометка на обрезанных ответах и уведомления консоли.

## Параметры Discord, отклонённые до выполнения команды
discord-deadline-twice = Укажите срок один раз: минуты, часы или время окончания.
discord-deadline-missing = Укажите, сколько длится: минуты, часы или время окончания.
discord-session-and-reading = Укажите занятие или текст, но не то и другое сразу.
discord-quiz-question-missing = Укажите вопрос, его варианты и правильный ответ.
reply-done = Готово.

## Занятия и статистика
session-live-title = живое занятие №{ $id }
session-number = занятие №{ $id }
session-none-yet = Здесь ещё не было ни одного занятия.
summary-nobody-yet = В занятии №{ $id } пока никто не ответил, поэтому итогов нет.
summary-nobody-replied = В «{ $title }» (занятие №{ $id }) в группе { $group } никто не ответил, поэтому итоги не опубликованы.
stats-title = **Участие в группе { $group }**
stats-totals = { $sessions }, { $replies } от { $members ->
    [one] { $members } участника
   *[other] { $members } участников
}, { $words }. Голоса распределились { $evenness }. { $polls }.
stats-member = - { $name }: { $replies }, { $words }
stats-more = - и ещё { $n }

## Диаграмма итогов опроса
count-voters = { $n ->
    [one] { $n } проголосовавший
    [few] { $n } проголосовавших
   *[many] { $n } проголосовавших
}
chart-before = До
chart-after = После
chart-votes = Голоса
chart-series-label = { $name } (опрос №{ $id } · { $voters })
chart-single-subtitle = Опрос №{ $id } · { $voters }
chart-pair-subtitle = Опрос №{ $pre } до обсуждения и №{ $post } после
chart-net-shift = { " · " }итоговый сдвиг { $net } в сторону «{ $pole }»
chart-changed = { " · " }{ $changed } из { $paired } голосовавших оба раза изменили мнение
chart-caption-single = Каждый столбец: число голосов · доля проголосовавших
chart-caption-pair = Каждый столбец: число голосов · доля проголосовавших в этом опросе
chart-alt-single = Столбчатая диаграмма опроса №{ $id } ({ $voters }), доля каждого варианта: { $bars }.
chart-alt-pair = Парная столбчатая диаграмма опроса №{ $pre } до обсуждения и №{ $post } после, каждый как доля своих проголосовавших. До ({ $before_voters }): { $before }. После ({ $after_voters }): { $after }. Из { $paired ->
    [one] { $paired } участника
   *[other] { $paired } участников
}, голосовавших дважды, мнение изменили { $changed }{ $net }.
chart-alt-net = ; итоговый сдвиг { $net }

## Matrix
matrix-poll-question = Опрос №{ $id }: { $claim }
matrix-poll-fallback = Проголосуйте в опросе или напишите `!cq vote { $id } ВАРИАНТ`.
matrix-poll-anonymous = Чтобы проголосовать, напишите мне **личное сообщение**: `!cq vote { $id } ВАРИАНТ` (номер или название варианта). Голоса, написанные в этой комнате, не принимаются, чтобы их никто не увидел.
matrix-poll-closed = Опрос №{ $id } закрыт; итоги — ниже.
matrix-reason-not-added = Ваше обоснование не добавлено: { $error }
matrix-vote-not-counted = Ваш голос в опросе №{ $id } не засчитан: { $error }
matrix-not-a-file = Сообщение, на которое вы ответили, — не файл. Загрузите файл .txt или .md и ответьте на него командой `!cq reading import`.
matrix-fetch-failed = Не удалось получить сообщение, на которое вы ответили ({ $error }).
matrix-download-failed = Не удалось скачать «{ $name }» ({ $error }).
matrix-file-too-big = «{ $name }» весит { $size }, а предел — { $limit }. Разделите текст на части и импортируйте их по очереди.
matrix-vote-redacted-reason = анонимный голос отправляют в личном сообщении
matrix-vote-removed = Я удалил ваше сообщение из этой комнаты.
matrix-sent-privately = Я отправил вам личное сообщение.
matrix-private-failed = Не удалось отправить вам личное сообщение ({ $error }). Начните со мной личный чат и попробуйте снова.
matrix-vote-delete-it = Возможно, стоит удалить ваше сообщение здесь.

## Ответы
reply-cut-note = […обрезано: сообщение длиннее { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}]

## Консоль
console-place-excerpt = отрывка { $seq }
console-place-excerpt-of = отрывка { $seq } из «{ $title }»
console-thread-now = (консоль теперь в ветке { $place }: сообщения идут туда; /channel пишет в канал)
console-posting-in-thread = (пишем в ветку { $place })
console-posting-no-thread = (пишем в ветку последнего отрывка; её ещё нет, поэтому — в канал)
console-posting-in-channel = (пишем в канал; /thread возвращает в ветку отрывка)
console-vote-removed = (удалено: анонимный голос отправляют в личном сообщении)
console-vote-dm-hint = В консоли: `/dm !cq vote …`.
console-privately-to = (лично для { $name })
console-file-saved = 📎 { $name } сохранён в { $path } — { $description }
console-file-not-saved = 📎 { $name } не удалось сохранить в { $path }: { $error }
console-file = 📎 { $name } ({ $bytes } байт) — { $description }
console-poll-how = (голосуйте так: `!cq vote { $id } ВАРИАНТ [--reason "…"]`)
console-poll-how-anonymous = (анонимно: голосуйте в личном сообщении — `/dm !cq vote { $id } ВАРИАНТ`)
console-thread-opened = открыта ветка «{ $name }»
console-thread-opened-in = открыта ветка «{ $name }» ({ $thread }: `/in { $thread } ТЕКСТ` пишет туда)

## Discord excerpt posts
discord-excerpt-author = Отрывок { $position } из { $total }
discord-excerpt-footer-by = { $author } · отвечайте в ветке
discord-excerpt-footer = Отвечайте в ветке

# Buttons under a poll and under a live session's agenda post.
discord-button-vote-with-reason = Голосовать с доводом
discord-button-raise-hand = Поднять руку
discord-button-lower-hand = Опустить руку

# Discord: the vote-with-a-reason flow, and controls or forms of an older post.
discord-control-gone = Этот элемент больше не действует.
discord-form-gone = Эта форма больше не действует.
discord-reason-choose = Выберите ответ
discord-reason-intro = Опрос №{ $poll }: выберите ответ, затем напишите довод (не больше { $max } символов). Доводы показываются вместе с итогами, никогда с именами.
discord-reason-choose-one = Выберите один из ответов.
discord-reason-label = Почему вы голосуете так?
discord-reason-placeholder = Показывается с итогами, никогда с вашим именем.
discord-reason-title = Ваш довод
