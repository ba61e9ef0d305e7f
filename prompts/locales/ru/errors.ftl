# Почему команду не удалось выполнить: ошибки разбора, опросов, расписания и импорта.

## Разбор команды
parse-did-you-mean = может быть, `{ $suggestion }`?
parse-empty = команда не указана; попробуйте `help`
parse-unknown-verb = неизвестная команда `{ $given }`; { $hint }
parse-unknown-verb-no-hint = неизвестная команда `{ $given }`; список всех команд — `help`
parse-missing-sub = после `{ $verb }` нужно одно из: { $expected }
parse-missing-sub-hint = после `{ $verb }` нужно одно из: { $expected }; { $hint }
parse-unknown-flag = у `{ $verb }` нет параметра { $flag }; { $hint }
parse-unknown-flag-none = у `{ $verb }` нет параметра { $flag }; эта команда не принимает параметров
parse-unknown-flag-allowed = у `{ $verb }` нет параметра { $flag }; допустимые: { $allowed }
parse-missing-value = параметру { $flag } нужно значение
parse-not-a-number = { $what }: нужно целое число, а не «{ $given }»
parse-unexpected = непонятное «{ $word }»; текст с пробелами возьмите в кавычки
parse-missing-argument = команде `{ $verb }` нужно: { $what }
parse-unclosed-quote = кавычка не закрыта
parse-not-both = укажите { $first } или { $second }, но не оба сразу
parse-deadline-twice = срок задаётся один раз: --minutes, --hours или --until
parse-bad-choice = { $what } принимает { $choices }, а не «{ $given }»
noun-reading = номер текста
noun-poll = номер опроса
noun-claim = номер тезиса
noun-session = номер занятия
noun-action = номер задачи
noun-threads = число веток
noun-flag = { $flag }
needs-claim-add = тезис в кавычках, например claim add "Осторожность — это стратегия, а не нерешительность"
needs-claim-number = номер тезиса из `claim queue`, например { $verb } 3
needs-quiz = вопрос в кавычках, с --options и --answer
needs-poll-claim = тезис в кавычках, например poll create "Торговля укрепляет доверие" (или --suggestion N из `poll suggest`)
needs-vote = номер опроса и вариант ответа, например `vote 3 agree`
needs-queue-mode = order или progressive
needs-action = участник и что он сделает, например action @ana разослать карту --due friday
needs-action-number = номер задачи из `action list`, например action done 3
needs-breakout = сколько веток, например breakout 3 --minutes 15
needs-on-off = on или off
needs-deadline = --minutes N, --hours N или --until ЧЧ:ММ

## Опросы
poll-error-empty-claim = тезис пуст: напишите утверждение, по которому будут голосовать
poll-error-claim-too-long = { $n ->
    [one] в тезисе { $n } символ; в опросе допускается не больше 300 (сократите его)
    [few] в тезисе { $n } символа; в опросе допускается не больше 300 (сократите его)
   *[many] в тезисе { $n } символов; в опросе допускается не больше 300 (сократите его)
}
poll-error-unknown-scale = неизвестная шкала «{ $given }»: используйте agree, likert5, yesno или custom
poll-error-option-count = для своего опроса нужно от 2 до 10 вариантов через | (указано: { $n })
poll-error-option-too-long = { $n ->
    [one] в варианте «{ $option }» { $n } символ; допускается не больше 55
    [few] в варианте «{ $option }» { $n } символа; допускается не больше 55
   *[many] в варианте «{ $option }» { $n } символов; допускается не больше 55
}
poll-error-empty-option = вариант { $n } пуст
poll-error-duplicate-option = вариант «{ $option }» указан дважды
poll-error-options-without-custom = свои варианты задаются только с --scale custom; у шкалы { $scale } они свои
poll-error-bad-duration = { $n ->
    [one] срок должен быть от 1 минуты до 30 дней (указана { $n } минута)
    [few] срок должен быть от 1 минуты до 30 дней (указано { $n } минуты)
   *[many] срок должен быть от 1 минуты до 30 дней (указано { $n } минут)
}
poll-error-bad-time = «{ $given }» — это не время: используйте ЧЧ:ММ (24 часа) или ГГГГ-ММ-ДД ЧЧ:ММ
poll-error-deadline-in-past = этот срок ({ $when }) уже прошёл
poll-error-deadline-too-far = этот срок дальше чем через 30 дней
poll-error-reason-too-long = { $n ->
    [one] в обосновании { $n } символ; уложитесь в 280
    [few] в обосновании { $n } символа; уложитесь в 280
   *[many] в обосновании { $n } символов; уложитесь в 280
}
poll-error-unknown-option = «{ $given }» — не вариант этого опроса; выберите один из: { $options }

## Расписание
schedule-error-bad-time = «{ $given }» — это не время: используйте ЧЧ:ММ в 24-часовом формате, например 09:00 или 18:30
schedule-error-bad-zone = неизвестный часовой пояс «{ $given }»: используйте имя IANA, например Europe/Moscow, Europe/London или Asia/Shanghai
schedule-error-bad-days = «{ $given }» — это не список дней: используйте `daily`, `weekdays`, `weekends`, `mon-fri` или `mon,wed,fri`
schedule-error-bad-catch-up = catch_up принимает «latest» или «skip», а не «{ $given }»

## Импорт
import-error-empty = файл пуст
import-error-binary-nul = файл похож на двоичный (в нём есть нулевые байты), а не на текст .txt или .md
import-error-binary-control = файл похож на двоичный (в нём много управляющих символов), а не на текст .txt или .md
import-error-not-utf8 = файл не в кодировке UTF-8 (неверный байт на позиции { $offset }); сохраните его в UTF-8 и попробуйте снова
import-error-no-body = текст не найден: в файле только заголовок или контактные строки
import-error-no-sentences = предложения не найдены: ничто в файле не заканчивается как предложение (точкой, ? или !), поэтому отрывков не получится
import-error-only-headings = предложения не найдены: в файле одни заголовки, без абзацев текста для отрывков
import-error-empty-option = параметр --{ $flag } пуст: укажите значение или уберите --{ $flag }, чтобы взять его из файла
import-error-bad-words = --words должно быть от 40 до 5000 (указано { $words })
import-error-unknown-language = неизвестный язык `{ $given }`: используйте один из: { $supported }
