## setup
language-name = русский
setup-unknown-language = Неизвестный язык `{ $given }`: colloquy говорит на { $supported } (en — английский, ru — русский, zh — китайский упрощённый, de — немецкий, fr — французский).
setup-bad-words = --words должно быть от 40 до 5000 (указано { $words })
setup-bad-name = --name должно содержать от 1 до 60 символов
setup-settings = отрывки примерно по { $words } слов в { $time } { $zone } ({ $days }), итоги в { $summary }, язык: { $language }.
setup-created = Теперь этот канал — читательская группа: { $settings }
setup-updated = Настройки обновлены: { $settings }
setup-next-post = Следующая публикация: { $next }.
setup-import-hint = Загрузите текст командой `reading import` (приложите файл .txt или .md).
days-every-day = ежедневно
days-weekdays = по будням

## schedule
schedule-posted-today = Сегодняшний отрывок опубликован в { $time }.
schedule-paused-state = Расписание приостановлено; `schedule resume` возобновит его.
schedule-next = Следующий отрывок: { $next }.
schedule-none = Время публикации не назначено.
schedule-skipping-through = Публикации пропускаются по { $date } включительно.
schedule-settings = Расписание: { $time } { $zone } ({ $days }), после простоя: { $catch_up }. Итоги в { $summary }.
schedule-left = { $n ->
    [one] Осталось опубликовать { $n } отрывок.
    [few] Осталось опубликовать { $n } отрывка.
   *[many] Осталось опубликовать { $n } отрывков.
}
schedule-paused = Ежедневное расписание приостановлено. `schedule resume` возобновит его; `excerpt next` по-прежнему публикует отрывок по запросу.
schedule-resumed = Ежедневное расписание снова работает.
schedule-nothing-to-skip = Ближайших публикаций, которые можно пропустить, нет.
schedule-skipped = Публикация { $when } пропущена.
schedule-after-skip = Следующая после неё: { $next }.
catch-up-latest = опубликовать последний пропущенный отрывок
catch-up-skip = не публиковать пропущенное
