# Страницы статического архива (prompts/archive/*.html.j2, src/engine/archive.rs) и слова,
# которые показывает его поиск (prompts/archive/search.js получает их из search-index.js).

archive-date-pattern = %a, %-d %b %Y
# Words quoted from the reading or a member, in the language's quotation marks.
archive-quoted = «{ $text }»
archive-skip = Перейти к содержанию
archive-nav = Архив
archive-readings = Тексты
archive-sessions = Занятия
archive-search = Поиск
archive-footer = Архив группы «{ $group }», составленный colloquy по записям группы. Участники, попросившие не цитировать их по имени, названы «{ a-member }».

## Страница группы
archive-empty-group = В этой группе пока ничего не происходило: ни один текст не импортирован, ни одно занятие не прошло. Архив заполнится после первого занятия.
archive-by-author = автор: { $author }
archive-discussed-of = обсуждено { $discussed } из { $total ->
    [one] { $total } отрывка
   *[other] { $total } отрывков
}
archive-sessions-caption = Все занятия с их ответами и участниками, которые писали; полоса показывает ответы занятия рядом с самым оживлённым занятием.
archive-col-date = Дата
archive-col-session = Занятие
archive-col-members = Участники
archive-col-replies = Ответы
archive-in-progress = идёт
archive-participation = Участие по занятиям
archive-session-tip = { $title }: { $replies ->
    [one] { $replies } ответ
    [few] { $replies } ответа
   *[many] { $replies } ответов
} от { $members ->
    [one] { $members } участника
   *[other] { $members } участников
}
archive-participation-caption = { $n ->
    [one] Ответы по занятиям, от первого к последнему ({ $n } занятие); цифры каждого занятия — в таблице выше.
    [few] Ответы по занятиям, от первого к последнему ({ $n } занятия); цифры каждого занятия — в таблице выше.
   *[many] Ответы по занятиям, от первого к последнему ({ $n } занятий); цифры каждого занятия — в таблице выше.
}
archive-shifts = Как менялись мнения
archive-col-claim = Утверждение
archive-col-net-shift = Итоговый сдвиг
archive-col-changed = Изменили мнение
archive-toward = в сторону «{ $pole }»
archive-changed-of = { $changed } из { $paired }
archive-shifts-caption = Каждая пара опросов «до» и «после»: итоговый сдвиг по шкале опроса (полосы вправо — к согласию, влево — от него) и сколько из голосовавших оба раза изменили мнение.
archive-no-shifts = Ни одна пара опросов «до» и «после» ещё не закрыта, поэтому сдвигов пока нет.

## Карта текста (страницы текста и занятия)
archive-sentence-tip = { $n ->
    [one] { $n } ответ цитировал или пересказывал это предложение
    [few] { $n } ответа цитировали или пересказывали это предложение
   *[many] { $n } ответов цитировали или пересказывали это предложение
}
archive-notes = Примечания
archive-most-discussed = Место, которое обсуждали больше всего
archive-most-contested = Самое спорное предложение
archive-contested-counts = { $agree } — от согласных с утверждением, { $disagree } — от несогласных
archive-direct-title = Ответы на сам отрывок
archive-direct = { $n ->
    [one] { $n } ответ дан прямо на публикацию отрывка (ответом на сообщение в чате).
    [few] { $n } ответа даны прямо на публикацию отрывка (ответом на сообщение в чате).
   *[many] { $n } ответов даны прямо на публикацию отрывка (ответом на сообщение в чате).
}
archive-confusions = Вопросы участников о предложениях
archive-legend = Заливка — по тому, насколько предложение обсуждали:
archive-heat-0 = не цитировали
archive-heat-1 = немного
archive-heat-2 = заметно
archive-heat-3 = много
archive-heat-4 = больше всего
archive-legend-explained = Предложение залито тем сильнее, чем больше ответов его процитировали или близко пересказали; маленькое число после него — их количество. Самое обсуждаемое предложение обведено, самое спорное подчёркнуто волнистой линией.

## Текст
archive-reading-size = { $words ->
    [one] { $words } слово
    [few] { $words } слова
   *[many] { $words } слов
}, { $excerpts ->
    [one] { $excerpts } отрывок
    [few] { $excerpts } отрывка
   *[many] { $excerpts } отрывков
}
archive-reading-map = Карта текста
archive-excerpt-n = Отрывок { $seq }
archive-discussed-on = обсуждали { $date }
archive-not-discussed = ещё не обсуждали
archive-questions = Вопросы
archive-no-excerpt-yet = Группа ещё не получила ни одного отрывка этого текста.
archive-to-come = { $n ->
    [one] Впереди ещё { $n } отрывок: архив показывает отрывок, когда группа его получила.
    [few] Впереди ещё { $n } отрывка: архив показывает отрывок, когда группа его получила.
   *[many] Впереди ещё { $n } отрывков: архив показывает отрывок, когда группа его получила.
}

## Занятие
archive-edited = изменён
archive-deleted = удалён
archive-orphan = (ответ на сообщение, которого здесь больше нет)
archive-permalink = Ссылка на этот ответ
archive-reply-deleted = Этот ответ удалён.
archive-on-this-page = На этой странице
archive-excerpt = Отрывок
archive-discussion = Обсуждение
archive-polls = Опросы
archive-summary = Итоги
archive-opinion-map = Карта мнений
archive-minutes-printable = Протокол (для печати)
archive-the-excerpt = Отрывок
archive-no-replies = На этом занятии ответов не было.
archive-poll-title = Опрос №{ $id }: { $claim }
archive-poll-title-phase = { $phase ->
    [pre] Опрос №{ $id } (до обсуждения): { $claim }
   *[post] Опрос №{ $id } (после обсуждения): { $claim }
}
archive-poll-anonymous = Анонимный опрос
archive-poll-named = Открытый опрос
archive-scale = { $scale ->
    [agree] согласен / не согласен
    [likert5] пятибалльная шкала
    [yesno] да / нет
    [card] карточка утверждения
   *[custom] свои варианты опроса
}
archive-poll-closed = закрыт
archive-poll-closes = закроется { $when }
archive-results-hidden = Результаты скрыты до закрытия опроса.
archive-col-option = Вариант
archive-col-votes = Голоса
archive-col-share = Доля
archive-reasons = Названные причины
archive-who-voted = Кто как голосовал ({ $n })
archive-map-in-summary = Итоги выше описывают карту: её группы, в чём они согласны и где расходятся.
archive-minutes = Протокол
archive-minutes-about = В протоколе — отрывок, вопросы, все ответы по порядку, опросы и итоги на одной странице, удобной для печати.
archive-minutes-open = Открыть протокол этого занятия

## Поиск (страница и слова, которые показывает search.js)
archive-search-label = Поиск по ответам и отрывкам
archive-search-button = Найти
archive-search-needs-script = Для поиска нужен JavaScript; все страницы архива читаются и без него.
archive-search-prompt = { $n ->
    [one] Введите слова, чтобы найти их в ответах и отрывках ({ $n } запись).
    [few] Введите слова, чтобы найти их в ответах и отрывках ({ $n } записи).
   *[many] Введите слова, чтобы найти их в ответах и отрывках ({ $n } записей).
}
archive-search-none = По запросу «{ $query }» ничего не найдено.
archive-search-found = { $form ->
    [one] По запросу «{ $query }» найден { $n } результат.
    [few] По запросу «{ $query }» найдено { $n } результата.
   *[many] По запросу «{ $query }» найдено { $n } результатов.
}
archive-search-first = Показаны первые { $max }.
archive-search-reply-in = { $who } в «{ $title }»
archive-search-reply = Ответ
archive-search-excerpt = Отрывок
