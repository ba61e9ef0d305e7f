# Живой семинар: повестка, очередь выступлений, заметки, решения, задачи, малые группы.

## Повестка
live-no-session = Здесь не идёт живое занятие. Модератор начинает его командой `session start`.
live-no-agenda = У этого занятия ещё нет повестки. Модератор задаёт её командой `agenda set "Вступление 5m | Часть I 20m | Итоги 10m"`.
live-agenda-attach-or-text = Укажите повестку после команды: пункты через |, каждый заканчивается регламентом (`agenda set "Вступление 5m | Часть I 20m"`), или приложите список в Markdown (.md или .txt), по пункту в строке.
live-agenda-file-unreadable = Приложенная повестка — не текст в UTF-8: приложите файл .md или .txt, по пункту в строке.
live-agenda-already-started = Повестка уже началась, заменить её нельзя. Двигайтесь по ней командами `agenda next`, `agenda back` и `agenda extend`.
live-agenda-set = { $items ->
    [one] Повестка задана: { $items } пункт, всего { $total }. `agenda start` начинает первый.
    [few] Повестка задана: { $items } пункта, всего { $total }. `agenda start` начинает первый.
   *[many] Повестка задана: { $items } пунктов, всего { $total }. `agenda start` начинает первый.
}
live-agenda-not-started = Повестка ещё не началась: `agenda start` начинает первый пункт.
live-agenda-already-running = Повестка уже идёт (сейчас: { $title }). Двигайтесь командами `agenda next` или `agenda back`.
live-agenda-finished = Повестка пройдена: все пункты завершены. `agenda back` снова открывает последний.
live-agenda-at-first = Это первый пункт: возвращаться некуда.
live-agenda-moved-meanwhile = Повестка тем временем сдвинулась (время пункта истекло); проверьте `agenda status` и попробуйте снова.
live-agenda-extend-bad = Пункт можно продлить на срок от 1 минуты до 8 часов, а не на { $minutes } мин: например, `agenda extend 5m`.
live-agenda-extended = У пункта **{ $title }** ещё { $by }: теперь он заканчивается в { $until }.
live-agenda-moving = Переходим к пункту **{ $title }**.
live-agenda-over-now = Это был последний пункт: повестка пройдена.
live-agenda-started = Начинаем повестку с пункта **{ $title }**.
live-agenda-heading = Повестка (всего { $total })
live-agenda-announces = Бот объявляет каждый пункт в начале и предупреждает за две минуты до конца.
live-hands-hint = Чтобы попросить слово: `hand [тема]` (или кнопка руки, или реакция ✋ на это сообщение); `hand down` — выйти из очереди.
live-next = Далее: { $next }.
live-then = Затем: { $next }.
live-last-item = Это последний пункт.
live-it-is-last = Это последний пункт.
live-item-started = **Сейчас: { $title }** (пункт { $seq } из { $count }, { $minutes }, до { $until }). { $then }
live-item-warning = ⏳ На пункт **{ $title }** осталось две минуты (закончится в { $until }). { $then } Модератор может продлить его командой `agenda extend 5m`.
live-agenda-done = Время пункта **{ $title }** вышло: это был последний пункт повестки. Занятие остаётся открытым до `session end`.
live-agenda-status-heading = **Повестка** ({ $total })
live-item-done = (пройден)
live-running-time-up = **(идёт, время вышло в { $until })**
live-running-left = **(идёт: осталось { $left }, до { $until })**

## Очередь выступлений
live-hand-already-up = Ваша рука уже поднята: вы { $place }-й в очереди. `hand down` опускает её.
live-hand-raised-next = Ваша рука поднята: вы следующий.
live-hand-raised = Ваша рука поднята: вы { $place }-й в очереди (перед вами: { $ahead }).
live-progressive-note = Очередь прогрессивная: первыми идут те, кто на этом занятии говорил меньше, поэтому ваше место может измениться.
live-hand-not-up = Ваша рука не поднята, опускать нечего.
live-hand-lowered = Ваша рука опущена: вы вышли из очереди.
live-topic-too-long = Уложите тему в 200 символов; остальное скажете, когда получите слово.
live-queue-empty = Никто не ждёт слова: очередь пуста.
live-queue-header-progressive = **Очередь выступлений** (прогрессивная: первым — кто говорил меньше на этом занятии)
live-queue-header-raised = **Очередь выступлений** (в порядке поднятия рук)
live-queue-speaking = Сейчас говорит: **{ $name }**
live-queue-your-place = Вы { $place }-й в очереди.
live-queue-not-in = Ваша рука не поднята (`hand [тема]`, чтобы встать в очередь).
live-nobody-waiting = Больше никто не ждёт.
live-floor-to = 🎤 Слово — **{ $name }**{ $topic }. { $then }
live-skipped = { $name } пропущен(а) (рука опущена). { $then }
live-queue-cleared = { $n ->
    [one] Очередь очищена: опущена { $n } рука.
    [few] Очередь очищена: опущены { $n } руки.
   *[many] Очередь очищена: опущено { $n } рук.
}
live-queue-mode-progressive = Теперь очередь прогрессивная: первыми идут те, кто на этом занятии говорил меньше.
live-queue-mode-raised = Теперь очередь идёт в порядке поднятия рук.

## Заметки, решения, задачи
live-text-empty = { $what ->
    [note] Заметка пуста: напишите её после команды.
    [decision] Решение пусто: напишите его после команды.
   *[action] Задача пуста: напишите её после команды.
}
live-text-too-long = { $what ->
    [note] Заметка может быть не длиннее { $max } символов.
    [decision] Решение может быть не длиннее { $max } символов.
   *[action] Задача может быть не длиннее { $max } символов.
}
live-noted = { $kind ->
    [note] Заметка №{ $id } внесена в протокол.
   *[decision] Решение №{ $id } внесено в протокол.
}
live-noted-under = { $kind ->
    [note] Заметка №{ $id } внесена в протокол под пунктом **{ $title }**.
   *[decision] Решение №{ $id } внесено в протокол под пунктом **{ $title }**.
}
live-due = срок { $due }
live-due-overdue = срок { $due }, просрочена
live-action-added = Задача №{ $id } для **{ $owner }**{ $due } внесена в протокол. `action done { $id }`, когда она будет выполнена.
live-action-added-under = Задача №{ $id } для **{ $owner }**{ $due } внесена в протокол под пунктом **{ $title }**. `action done { $id }`, когда она будет выполнена.
live-not-a-member = { $who } — не участник этой группы, насколько известно colloquy (не писал, не голосовал, не поднимал руку и не присутствовал здесь). Укажите участника, например `action @ana разослать карту`.
live-ambiguous-member = В этой группе несколько участников ({ $n }) с именем { $who }; укажите их упоминанием или id.
live-no-open-actions = Открытых задач нет.
live-open-actions-header = **Открытые задачи**
live-open-actions-at-start = **Открытые задачи с прошлых занятий** (`action done N`, когда задача выполнена)
live-all-actions-done = Все задачи с прошлых занятий выполнены.
live-no-such-action = В этой группе нет задачи №{ $id }; `action list` показывает открытые.
live-not-an-action = №{ $id } — заметка или решение, а не задача.
live-action-already-done = Задача №{ $id } уже выполнена.
live-action-not-yours = Задача №{ $id } поручена { $owner }: отметить её могут только они или модератор.
live-action-done = Задача №{ $id } выполнена: { $owner }: { $text }

## Малые группы
live-breakout-rooms-bad = Нужна хотя бы одна ветка, а не { $n }: например, `breakout 3 --minutes 15`.
live-breakout-too-many-rooms = Веток может быть не больше 25, а не { $n }.
live-breakout-minutes-bad = Работа в группах длится от 1 до 180 минут, а не { $m }.
live-breakout-more-rooms-than-members = { $present ->
    [one] На занятии присутствует { $present } участник, поэтому при { $rooms } ветках некоторые останутся пустыми. Просите не больше { $present }.
    [few] На занятии присутствуют { $present } участника, поэтому при { $rooms } ветках некоторые останутся пустыми. Просите не больше { $present }.
   *[many] На занятии присутствуют { $present } участников, поэтому при { $rooms } ветках некоторые останутся пустыми. Просите не больше { $present }.
}
live-breakout-nobody = На занятии пока никого нет (участник считается присутствующим, когда пишет, голосует, поднимает руку или заходит в голосовой канал).
live-breakout-running = На этом занятии уже идёт работа в группах; она закончится сама, когда выйдет время.
live-breakout-started = { $rooms ->
    [one] Малые группы: { $rooms } ветка на { $minutes }, { $how }. Каждая ветка получает вопрос; в конце каждую попросят дать отчёт одной строкой.
    [few] Малые группы: { $rooms } ветки на { $minutes }, { $how }. Каждая ветка получает вопрос; в конце каждую попросят дать отчёт одной строкой.
   *[many] Малые группы: { $rooms } веток на { $minutes }, { $how }. Каждая ветка получает вопрос; в конце каждую попросят дать отчёт одной строкой.
}
live-breakout-by-chance = участники распределены случайно
live-breakout-by-opinion = в каждой ветке смешаны группы карты мнений
live-breakout-no-groups = участники распределены случайно, так как на карте мнений нет групп ({ $reason })
live-room-name = Группа { $seq } из { $of }
live-room-members = Участники:
live-room-until = До:
live-room-question = Вопрос:
live-room-report-later = Когда время выйдет, бот попросит здесь отчёт одной строкой.
live-room-ask = ⏰ Время вышло. Пусть кто-нибудь ответит здесь отчётом этой ветки в одну строку: первый ответ попадёт в основную ветку.
live-default-prompt-item = Какой довод по теме «{ $title }» пока самый сильный и какой самый слабый?
live-default-prompt = Какой довод текста самый сильный и какой самый слабый?
live-gathered-header = { $n ->
    [one] ## Отчёты малых групп ({ $n } ветка)
    [few] ## Отчёты малых групп ({ $n } ветки)
   *[many] ## Отчёты малых групп ({ $n } веток)
}
live-gathered-line = - **Ветка { $seq }** ({ $who }): { $text }
live-gathered-none = - **Ветка { $seq }**: без отчёта

## Присутствие
live-attendance-header = **Присутствие на живых занятиях** (кто писал, голосовал, поднимал руку, вёл заметки или был в голосовом канале)
live-nobody = никого
