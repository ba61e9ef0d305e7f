# Собственные строки адаптера Discord: /help и его ошибки.
discord-help-intro = **colloquy** каждый день публикует отрывок из текста группы с вопросами для обсуждения в отдельной ветке, записывает ответы, проводит опросы по утверждениям и подводит итоги каждого занятия.
discord-help-not-set-up = Этот канал ещё не читательская группа: модератор начинает с `/setup`.
discord-help-facilitators = (модераторы)
discord-help-one-command = `/help command:ИМЯ` объясняет одну команду и её параметры.
discord-help-no-such-command = Команды `/{ $wanted }` нет. `/help` перечисляет все команды.
discord-help-options = Параметры:
discord-help-optional = (необязательно)
discord-bad-option = Этот параметр недопустим: { $error }. Проверьте его и попробуйте снова.
discord-command-updated = Эта команда только что обновилась; Discord может понадобиться минута. Попробуйте чуть позже.
discord-posted-in-channel = Готово: ответ опубликован в канале.
