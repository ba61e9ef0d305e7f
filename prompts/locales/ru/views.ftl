# Подробные виды: карта мнений, отчёт о сдвигах, недельный дайджест, протокол и запись живого семинара.

## Общее
count-claims = { $n ->
    [one] { $n } утверждение
    [few] { $n } утверждения
   *[many] { $n } утверждений
}
a-member = участник группы

## Карта мнений (prompts/map.md.j2)
map-title = Карта мнений
map-scope-week = эта неделя
map-no-claims = Здесь ещё не голосовали ни по одному утверждению. Опубликуйте утверждения отрывка карточками (`claim cards`) или одобрите утверждения участников из `claim queue`.
map-voters = { $voters ->
    [one] { $voters } участник проголосовал
    [few] { $voters } участника проголосовали
   *[many] { $voters } участников проголосовали
} по { $claims ->
    [one] { $claims } утверждению
   *[other] { $claims } утверждениям
}; { $participants ->
    [one] { $participants } проголосовал не менее чем по { $min } и размещён на карте.
   *[other] { $participants } проголосовали не менее чем по { $min } и размещены на карте.
}
map-groups-heading = { $n ->
    [one] { $n } группа мнений
    [few] { $n } группы мнений
   *[many] { $n } групп мнений
}
map-silhouette = силуэт { $s }
map-group = Группа { $name }
map-representative = { $agrees ->
    [true] соглашается
   *[false] не соглашается
} чаще остальных: { $label } «{ $text }» ({ $share }% группы { $group }, { $rest }% остальных; { $p })
map-side-agrees = соглашается
map-side-disagrees = не соглашается
map-no-representative = ни одно утверждение явно не выделяет эту группу
map-common-ground = Общая почва
map-every-group = все группы
map-agree = Согласны
map-disagree = Не согласны
map-consensus-all = { $groups ->
    [true] все в каждой группе
   *[false] все проголосовавшие
}
map-consensus-share = { $groups ->
    [true] не менее { $pct }% в каждой группе
   *[false] не менее { $pct }% проголосовавших
}
map-no-consensus = { $groups ->
    [true] пока нет утверждения, которое разделяют все группы
   *[false] пока нет утверждения, которое разделяет большинство участников
}
map-divides = Где мнения расходятся
map-no-divide = { $groups ->
    [true] ни одно утверждение не разделяет группы
   *[false] ни одно утверждение не разделяет участников
}
map-claims = Утверждения
map-claim-votes = за { $agree }, против { $disagree }, пропуск { $pass }
map-divide-shares = { $agree }% за, { $disagree }% против
map-divide-group = группа { $name } { $lean ->
    [agree] склоняется к согласию
    [disagree] склоняется к несогласию
   *[split] разделилась
} ({ $mean })
map-clarity-clear = чёткие, хорошо разделённые группы
map-clarity-fair = довольно чёткие группы
map-clarity-weak = группы, которые отчасти пересекаются
map-no-groups-few-voters = { $qualified ->
    [one] групп мнений нет: только { $qualified } участник проголосовал не менее чем по { $min } утверждениям, а для групп нужно { $need }
    [few] групп мнений нет: только { $qualified } участника проголосовали не менее чем по { $min } утверждениям, а для групп нужно { $need }
   *[many] групп мнений нет: только { $qualified } участников проголосовали не менее чем по { $min } утверждениям, а для групп нужно { $need }
}
map-no-groups-small = групп мнений нет: самое чёткое разбиение (групп: { $k }) оставило бы группу из { $smallest }, а в группе должно быть не меньше { $min } участников
map-no-groups-unclear = групп мнений нет: голоса не складываются в чёткие группы (у лучшего разбиения, групп: { $k }, силуэт { $silhouette }; нужно { $need })
map-no-claims-reason = на этом занятии ещё не голосовали ни по одному утверждению
map-alt-nobody = Карта мнений ({ $scope }): никто не проголосовал по достаточному числу утверждений, чтобы попасть на карту.
map-alt-intro = Карта мнений ({ $scope }): { $members ->
    [one] { $members } участник размещён
    [few] { $members } участника размещены
   *[many] { $members } участников размещены
} точками на двух осях по голосам за { $claims ->
    [one] { $claims } утверждение
    [few] { $claims } утверждения
   *[many] { $claims } утверждений
}.
map-alt-one-colour = Все точки одного цвета. { $reason }.
map-alt-group = Группа { $name } ({ $size ->
    [one] { $size } участник
    [few] { $size } участника
   *[many] { $size } участников
}) находится { $place ->
    [right] справа
    [left] слева
    [top] вверху
   *[bottom] внизу
}.
map-alt-axis = Ось «лево–право» ближе всего следует утверждению { $label } («{ $text }»); каждое утверждение нарисовано подписанной стрелкой, указывающей туда, где находятся согласные с ним.
map-chart-title = Карта мнений · { $scope }
map-chart-subtitle = { $groups ->
    [one] { $groups } группа мнений
    [few] { $groups } группы мнений
   *[many] { $groups } групп мнений
} · силуэт { $s } · { $placed ->
    [one] размещён { $placed } участник
    [few] размещены { $placed } участника
   *[many] размещены { $placed } участников
}
map-chart-group = Группа { $name } ({ $size })
map-chart-axis-1 = ось 1 · { $pct } % различий в голосах
map-chart-axis-2 = ось 2 · { $pct } %
map-chart-no-groups = участник (групп нет)
map-chart-claims = Утверждения (стрелки указывают на согласие)
map-chart-no-arrow = (без стрелки: не разделяет участников)
map-chart-more = … и ещё { $n } (см. текст)

## Как обсуждение сдвинуло мнения (prompts/report.md.j2)
report-title = Как обсуждение сдвинуло мнения
report-none = Здесь ни одно утверждение не задавали и до, и после обсуждения. Задайте его командой `poll create "…" --phase pre` (или `claim approve N --phase pre`) до и `poll create --phase post` после.
report-pair = №{ $pre } до, №{ $post } после
report-suppressed = Меньше 3 участников проголосовали оба раза по этому анонимному утверждению, поэтому сдвиг не показан.
report-changed = { $changed } из { $paired } изменили голос ({ $pct }%): { $positive } в сторону «{ $positive_pole }», { $negative } в сторону «{ $negative_pole }».
report-change = Изменение: { $effect }.
report-nobody-changed = никто не изменил голос
report-spoke = Участники, которые высказывались
report-only-voted = Участники, которые только голосовали
report-too-few = меньше 3, не показано
report-learned-heading = Что участники узнали
report-quiz-answer = правильный ответ: { $answer }
report-quiz-line = { $before }% правильных ответов до, { $after }% после (ответили оба раза: { $paired }); узнали: { $learned }, разучились: { $unlearned }.
report-test-mcnemar = Точный критерий Мак-Немара
report-test-wilcoxon = Критерий знаковых рангов Уилкоксона
report-toward = в сторону «{ $pole }»
report-arm-changed = изменили голос { $changed } из { $paired }
report-in-share = в доле
report-on-scale = по шкале
report-effect = { $value } { $unit }
report-effect-ci = { $value } { $unit } (95 % ДИ от { $low } до { $high })
report-verdict-too-few = слишком мало голосов, чтобы судить
report-verdict-no-change = никто не изменил голос
report-verdict-likely = вероятно, реальный сдвиг { $direction }
report-verdict-maybe = возможно, сдвиг { $direction }, но голосов слишком мало, чтобы быть уверенными
report-verdict-no-sign = признаков реального сдвига нет (изменения шли в обе стороны или их было мало)
report-quiz-gain = { $value } п. п. в доле правильных ответов (95 % ДИ от { $low } до { $high })
report-quiz-likely = вероятно, реальное усвоение
report-quiz-maybe = возможно, что-то усвоено, но ответов слишком мало, чтобы быть уверенными
report-quiz-no-change = никто не изменил ответ
report-linkage = Из { $learned } узнавших что-то новое { $learned_changed } изменили голос ({ $learned_pct }%); из { $others } остальных — { $others_changed } ({ $others_pct }%). Точный критерий Фишера: { $p }{ $linked ->
    [true] : голос, вероятно, меняли именно те, кто узнал новое
   *[false] : явной связи между усвоением и сменой голоса нет
}.
report-linkage-too-few = Слишком мало участников ответили на вопрос викторины и проголосовали по утверждениям оба раза, чтобы понять, меняли ли голос именно те, кто узнал новое (с каждой стороны нужно 3).

## Недельный дайджест (prompts/digest.md.j2)
digest-date-pattern = %-d %B %Y
digest-title = Неделя с { $week } в группе { $group }
digest-read = Прочитано за неделю
digest-reading = { $title } (отрывок { $seq })
digest-themes = Повторяющиеся темы
digest-shifts = Как сдвинулись мнения
digest-shift = «{ $claim }»: { $changed } из { $paired } изменили голос
digest-shift-net = , итоговый сдвиг { $net } в сторону «{ $pole }»
digest-map = Где стоит группа
digest-map-counts = { $claims ->
    [one] { $claims } утверждение
    [few] { $claims } утверждения
   *[many] { $claims } утверждений
}, { $members ->
    [one] { $members } участник на карте мнений
    [few] { $members } участника на карте мнений
   *[many] { $members } участников на карте мнений
}
digest-map-groups = { $n ->
    [one] { $n } группа мнений
    [few] { $n } группы мнений
   *[many] { $n } групп мнений
} (силуэт { $s })
digest-map-group = группа { $name }: { $size }
digest-common-ground = Общая почва: «{ $text }» ({ $side })
digest-divides = Разделяет: «{ $text }»
digest-threads = Самые активные ветки

## Протокол (prompts/minutes.md.j2)
minutes-title = Протокол: { $title }
minutes-group = Группа: { $group }
minutes-date = Дата: { $date }
minutes-replies = Ответов: { $n }
minutes-excerpt = Отрывок
minutes-position = { $seq } из { $total }
minutes-questions = Вопросы
minutes-edited = (изменено)
minutes-deleted = (удалено)
minutes-by-item = Обсуждение по пунктам повестки
minutes-before-agenda = До повестки
minutes-no-item-replies = По этому пункту ответов нет.
minutes-discussion = Обсуждение
minutes-no-replies = Ответов не записано.
minutes-seminar = Семинар
minutes-poll = Опрос №{ $id }

## Запись живого семинара (prompts/live.md.j2)
record-by-item = По пунктам повестки
record-item-minutes = { $minutes } мин
record-ran = шёл { $ran }
record-did-not-run = не проводился
record-poll = Опрос { $poll }
record-note = Заметка: { $text }
record-decision = Решение:
record-action = Задача { $text }
record-outside = Вне повестки
record-breakout = Работа в малых группах в { $at }
record-breakout-detail = { $rooms ->
    [one] { $rooms } ветка
    [few] { $rooms } ветки
   *[many] { $rooms } веток
}, { $minutes } мин
record-mixing = группы мнений перемешаны
record-room = Ветка { $seq } ({ $members }) на тему «{ $prompt }»
record-no-report = без отчёта
record-attendance = Присутствовали
attended-wrote = писал(а)
attended-voted = голосовал(а)
attended-hand = поднимал(а) руку
attended-noted = вёл(а) заметки
attended-voice = в голосовом канале
