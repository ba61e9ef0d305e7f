## Was die Zusammenfassung selbst schreibt
summary-notice-chatter-only = Es gab nur Begrüßungen, Organisatorisches und kurze Reaktionen: keine Diskussion, die sich zusammenfassen ließe.
summary-notice-other-language = Diese Diskussion ist auf { $language }, wofür colloquy noch keine Regeln hat; daher zeigt sie die zentralsten Antworten, ohne Themen, Meinungsverschiedenheiten und offene Fragen.
summary-about-members-point = dem Punkt von { $name }
summary-about-an-earlier-point = einem früheren Punkt

## Der Hinweis an die Moderation, wenn das eingestellte LLM versagt (src/engine/summaries.rs)
llm-failed-notice = Hinweis für die Moderation: Das eingestellte LLM konnte nicht genutzt werden ({ $reason }). colloquy verwendet eigene Fragen und Zusammenfassungen, bis das LLM wieder antwortet.
llm-error-timeout = der LLM-Server hat nicht innerhalb von { $seconds } s geantwortet
llm-error-unreachable = der LLM-Server war nicht erreichbar
llm-error-status = der LLM-Server antwortete mit HTTP { $code }
llm-error-bad-answer = die Antwort des LLM-Servers war nicht verständlich
llm-error-refused = sein Text verstieß gegen die Regeln für Zusammenfassungen und Fragen
