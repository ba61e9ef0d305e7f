# Live-Sitzungen und das Ende eines Textes.

session-reading-finished = Wir sind am Ende des Textes angekommen. Moderierende können den nächsten mit `reading import` importieren; der Zeitplan übernimmt ihn dann.
session-title-too-long = Ein Sitzungstitel darf höchstens 100 Zeichen haben.
session-started = Live-Sitzung Nr. { $id } hat begonnen: Jede Nachricht in diesem Kanal wird bis `session end` erfasst.
session-started-titled = Live-Sitzung Nr. { $id } hat begonnen ({ $title }): Jede Nachricht in diesem Kanal wird bis `session end` erfasst.
session-already-running = Es läuft schon eine Live-Sitzung (seit { $since }). Beende sie zuerst mit `session end`.
session-none-running = Es läuft keine Live-Sitzung. Starte eine mit `session start`.
session-ended-empty = Live-Sitzung Nr. { $id } endete ohne Antworten, daher gibt es keine Zusammenfassung.
session-ended = Live-Sitzung Nr. { $id } endete mit { $replies }. Die Zusammenfassung folgt.
session-archive-link = [Die ganze Sitzung im Archiv]({ $link }): der Thread, die Umfragen und die Karte des Textes.
