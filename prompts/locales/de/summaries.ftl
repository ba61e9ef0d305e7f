## Was die Zusammenfassung selbst schreibt
summary-notice-chatter-only = Es gab nur Begrüßungen, Organisatorisches und kurze Reaktionen: keine Diskussion, die sich zusammenfassen ließe.
summary-notice-other-language = Diese Diskussion ist auf { $language }, wofür colloquy noch keine Regeln hat; daher zeigt sie die zentralsten Antworten, ohne Themen, Meinungsverschiedenheiten und offene Fragen.
summary-about-members-point = dem Punkt von { $name }
summary-about-an-earlier-point = einem früheren Punkt
