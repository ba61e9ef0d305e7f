## Ежедневный отрывок
excerpt-position = отрывок { $position } из { $total }
excerpt-notes = Примечания
excerpt-questions = Вопросы для обсуждения
excerpt-reply-here = Отвечайте в этой ветке; из ваших ответов сложатся итоги дня.
excerpt-thread = { $title } · { $position } из { $total }

## Опросы
poll-title = Опрос №{ $id }
poll-card-title = Карточка тезиса №{ $id }
poll-phase-pre = (до обсуждения)
poll-phase-post = (после обсуждения)
poll-card-how = Голосуйте по любому числу карточек; пропустить тоже можно. Голосование открыто до { $closes }; до этого момента голос можно изменить.
poll-closes = Закрывается { $closes }. До этого момента голос можно изменить.
poll-anonymous = Голосование анонимное: никто, включая ведущих, не видит, кто как проголосовал.
poll-hidden = Результаты скрыты до закрытия опроса.
option-agree = Согласен
option-disagree = Не согласен
option-unsure = Не уверен
option-pass = Пропускаю
option-yes = Да
option-no = Нет
option-strongly-agree = Полностью согласен
option-strongly-disagree = Совершенно не согласен
option-neutral = Ни да ни нет

## Результаты
results-title = Результаты опроса №{ $id }
results-so-far-title = Промежуточные результаты опроса №{ $id }
results-hidden = { $n ->
    [one] Результаты скрыты до закрытия опроса ({ $closes }). Пока { $n } голос.
    [few] Результаты скрыты до закрытия опроса ({ $closes }). Пока { $n } голоса.
   *[many] Результаты скрыты до закрытия опроса ({ $closes }). Пока { $n } голосов.
}
results-suppressed = { $n ->
    [one] { $n } голос: слишком мало, чтобы показать распределение и не раскрыть, кто как голосовал.
    [few] { $n } голоса: слишком мало, чтобы показать распределение и не раскрыть, кто как голосовал.
   *[many] { $n } голосов: слишком мало, чтобы показать распределение и не раскрыть, кто как голосовал.
}
results-total = { $n ->
    [one] { $n } голос.
    [few] { $n } голоса.
   *[many] { $n } голосов.
}
results-total-anonymous = { $n ->
    [one] { $n } голос, анонимно.
    [few] { $n } голоса, анонимно.
   *[many] { $n } голосов, анонимно.
}
results-reasons = Приведённые доводы
shift-title = Как изменились мнения
shift-pair = { $n ->
    [one] опрос №{ $pre } до, №{ $post } после; в обоих проголосовал { $n } участник
    [few] опрос №{ $pre } до, №{ $post } после; в обоих проголосовали { $n } участника
   *[many] опрос №{ $pre } до, №{ $post } после; в обоих проголосовали { $n } участников
}
shift-suppressed = В обоих опросах проголосовало слишком мало участников, чтобы показать перемены, никого не раскрыв.
shift-net = Общий сдвиг по шкале: { $net } в сторону «{ $pole }».
shift-changed = { $changed } из { $n } изменили свой голос ({ $pct }%)
shift-directions = { $positive } в сторону «{ $positive_pole }», { $negative } в сторону «{ $negative_pole }»

## Итоги
summary-title = Итоги: { $title }
summary-message-link = сообщение
summary-voices = голоса распределились { $evenness }
summary-facilitator-messages = { $n ->
    [one] { $n } сообщение ведущего
    [few] { $n } сообщения ведущего
   *[many] { $n } сообщений ведущего
}
summary-empty = На этом занятии никто не ответил, поэтому подводить итоги не из чего.
summary-themes = Темы
summary-most-discussed = Фрагмент, вызвавший больше всего обсуждений
summary-what-was-said = Что было сказано
summary-disagreements = В чём участники разошлись
summary-disagreement-on = Предмет спора: *{ $about }*
summary-open-questions = Открытые вопросы
summary-before = До обсуждения
summary-poll-ref = опрос №{ $id }
summary-in-short = Коротко
summary-written-by = написано моделью { $model }
summary-wrote-share = { $name } написал(а) { $pct }% слов
summary-posted-once = { $name } написал(а) один раз
summary-evenness = { $spread } (равномерность { $evenness })
spread-evenly = равномерно
spread-fairly-evenly = довольно равномерно
spread-unevenly = неравномерно
spread-very-unevenly = очень неравномерно
pole-agree = согласен
pole-disagree = не согласен
pole-yes = да
pole-no = нет
summary-excerpt-title = { $title }, отрывок { $position } из { $total }

## Ответы на команды
excerpt-next-posting = Публикую следующий отрывок (занятие №{ $session }).
excerpt-next-counts-today = Он засчитывается как сегодняшняя публикация.
excerpt-next-nothing-left = Публиковать больше нечего. Загрузите следующий текст командой `reading import`.
excerpt-next-just-posted = Этот отрывок только что опубликовал кто-то другой.
vote-new = Ваш голос в опросе №{ $id }: **{ $option }**. Его можно изменить до { $until }.
vote-changed = Ваш голос в опросе №{ $id } изменён: **{ $option }**. Его можно изменить до { $until }.
vote-same = Ваш голос в опросе №{ $id } остаётся прежним: **{ $option }**. Его можно изменить до { $until }.
vote-anonymous = Голос анонимный: его не видит никто, включая ведущих.
vote-just-closed = Опрос №{ $id } только что закрылся.
poll-open = Опрос №{ $id } открыт до { $until }.
poll-card-open = Карточка тезиса №{ $id } открыта до { $until }.
poll-paired = Он связан с опросом №{ $pre }: результаты покажут, как изменились голоса.
poll-already-closed = Опрос №{ $id } уже закрыт.
poll-card-closed = Карточка №{ $id } закрыта; `map` покажет позиции группы, `poll results { $id }` — голоса по этой карточке.
poll-closed = Опрос №{ $id } закрыт; результаты публикуются.
