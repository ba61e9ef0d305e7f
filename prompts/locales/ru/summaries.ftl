## Что пишет сам составитель итогов
summary-notice-chatter-only = Были только приветствия, организационные вопросы и короткие реплики: обсуждения, которое можно подытожить, не было.
summary-notice-other-language = Это обсуждение идёт на языке «{ $language }», для которого у colloquy пока нет правил, поэтому показаны самые характерные ответы, без тем, разногласий и открытых вопросов.
summary-about-members-point = мысль { $name }
summary-about-an-earlier-point = одна из прежних мыслей

## Заметка для ведущих, когда настроенная LLM не работает (src/engine/summaries.rs)
llm-failed-notice = Заметка для ведущих: настроенную LLM использовать не удалось ({ $reason }). Пока LLM снова не ответит, colloquy пишет вопросы и итоги сам.
llm-error-timeout = сервер LLM не ответил за { $seconds } с
llm-error-unreachable = до сервера LLM не удалось достучаться
llm-error-status = сервер LLM ответил кодом HTTP { $code }
llm-error-bad-answer = ответ сервера LLM не удалось разобрать
llm-error-refused = её текст нарушил правила для итогов и вопросов
