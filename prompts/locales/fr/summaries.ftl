## Ce que la synthèse écrit elle-même
summary-notice-chatter-only = Il n’y a eu que des salutations, de l’organisation et de brèves réactions : pas de discussion à résumer.
summary-notice-other-language = Cette discussion est en { $language }, une langue pour laquelle colloquy n’a pas encore de règles ; la synthèse montre donc ses réponses les plus centrales, sans thèmes, désaccords ni questions ouvertes.
summary-about-members-point = l’argument de { $name }
summary-about-an-earlier-point = un argument précédent

## L'avis aux animateurs quand le LLM configuré échoue (src/engine/summaries.rs)
llm-failed-notice = Note pour les animateurs : le LLM configuré n'a pas pu être utilisé ({ $reason }). colloquy utilise ses propres questions et résumés jusqu'à ce que le LLM réponde de nouveau.
llm-error-timeout = le serveur du LLM n'a pas répondu en { $seconds } s
llm-error-unreachable = le serveur du LLM est injoignable
llm-error-status = le serveur du LLM a répondu avec le code HTTP { $code }
llm-error-bad-answer = la réponse du serveur du LLM n'a pas été comprise
llm-error-refused = son texte enfreignait les règles des résumés et des questions
