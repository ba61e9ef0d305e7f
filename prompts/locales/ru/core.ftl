# Сообщения colloquy на русском.

## Даты и время
date-time-pattern = %a, %-d %b, %H:%M
date-pattern = %a, %-d %b
time-pattern = %H:%M
local-time = { $when } ({ $zone })
today-at = сегодня в { $time }
tomorrow-at = завтра в { $time }
yesterday-at = вчера в { $time }
day-at = { $day } в { $time }
deadline = { $when } (через { $wait }; { $date }, время { $zone })
wait-under-a-minute = меньше минуты
wait-minutes = { $m } мин
wait-hours = { $h } ч
wait-hours-minutes = { $h } ч { $m } мин
wait-days = { $d } дн.
wait-days-hours = { $d } дн. { $h } ч

## Числа
count-replies = { $n ->
    [one] { $n } ответ
    [few] { $n } ответа
   *[many] { $n } ответов
}
count-members = { $n ->
    [one] { $n } участник
    [few] { $n } участника
   *[many] { $n } участников
}
count-votes = { $n ->
    [one] { $n } голос
    [few] { $n } голоса
   *[many] { $n } голосов
}
count-words = { $n ->
    [one] { $n } слово
    [few] { $n } слова
   *[many] { $n } слов
}
count-messages = { $n ->
    [one] { $n } сообщение
    [few] { $n } сообщения
   *[many] { $n } сообщений
}
count-excerpts = { $n ->
    [one] { $n } отрывок
    [few] { $n } отрывка
   *[many] { $n } отрывков
}
count-sessions = { $n ->
    [one] { $n } занятие
    [few] { $n } занятия
   *[many] { $n } занятий
}
count-questions = { $n ->
    [one] { $n } вопрос
    [few] { $n } вопроса
   *[many] { $n } вопросов
}
count-readings = { $n ->
    [one] { $n } текст
    [few] { $n } текста
   *[many] { $n } текстов
}
count-polls = { $n ->
    [one] { $n } опрос
    [few] { $n } опроса
   *[many] { $n } опросов
}
count-weeks = { $n ->
    [one] { $n } неделя
    [few] { $n } недели
   *[many] { $n } недель
}
count-days = { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}

## Ошибки
error-not-set-up = Этот канал ещё не настроен как читательская группа. Ведущий может сначала выполнить здесь `setup`.
error-facilitator-only = Команда `{ $verb }` доступна только ведущим. Обратитесь к ведущему группы.
error-members-only = Команда `{ $verb }` доступна только участникам канала этой группы.
error-internal = У нас что-то пошло не так; подробности ведущий найдёт в журнале бота.
error-import = Не удалось импортировать файл: { $reason }.
