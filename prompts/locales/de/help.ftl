# Die Hilfe zu jedem Befehl: Zusammenfassung, Argumente und Optionen (Übersetzung von help.ftl).

help-setup = diesen Kanal oder Raum als Lesegruppe einrichten und ihren Zeitplan festlegen; weggelassene Optionen behalten ihren Wert
help-setup--tz = die Zeitzone, ein IANA-Name wie Europe/Berlin (neue Gruppen: UTC)
help-setup--time = wann der tägliche Abschnitt gepostet wird, im 24-Stunden-Format (neue Gruppen: 09:00)
help-setup--days = Veröffentlichungstage: `daily`, `weekdays`, `weekends`, `mon-fri` oder `mon,wed,fri` (neue Gruppen: `daily`)
help-setup--catch-up = nachdem der Bot offline war: den zuletzt verpassten Abschnitt posten oder ihn überspringen
help-setup--summary-time = wann die Diskussion des Tages endet und zusammengefasst wird (neue Gruppen: 21:00)
help-setup--words = etwa wie viele Wörter pro Abschnitt, 40 bis 5000 (neue Gruppen: 220)
help-setup--name = ein kurzer Name für die Gruppe
help-setup--language = die Sprache, die der Bot in dieser Gruppe spricht: `en`, `ru`, `zh` (vereinfachtes Chinesisch), `de` oder `fr` (neue Gruppen: en)
help-setup--voice-channel = Discord: der Sprach- oder Stage-Kanal, dessen Mitglieder bei Live-Sitzungen als anwesend zählen (Name, Erwähnung oder ID); none beendet das

help-reading-import = die angehängte .txt- oder .md-Datei als nächsten Text der Gruppe importieren
help-reading-import--title = der Titel (Standard: aus der Datei)
help-reading-import--author = der Autor oder die Autorin (Standard: aus der Datei)
help-reading-import--words = etwa wie viele Wörter pro Abschnitt (Standard: die Einstellung der Gruppe)
help-reading-import--again = auch importieren, wenn die Gruppe schon einen Text mit demselben Inhalt hat
help-reading-import--no-footnotes = Fußnoten weglassen, statt jede unter dem Abschnitt zu zeigen, der sie zitiert
help-reading-import--language = die Sprache des Textes: `en`, `ru`, `zh`, `de` oder `fr` (Standard: aus dem Text erkannt)

help-reading-list = die Texte der Gruppe und wie weit sie gelesen hat

help-reading-preview = der nächste Abschnitt und seine Fragen, bevor sie gepostet werden
help-reading-preview-arg-reading = welcher Text, nach Nummer (Standard: der gerade gelesene)

help-excerpt-next = den nächsten Abschnitt jetzt posten (vor der heutigen Postzeit zählt er als der heutige)

help-schedule-status = wann der nächste Abschnitt kommt und wie viele übrig sind

help-schedule-pause = die täglichen Posts pausieren (`excerpt next` funktioniert weiterhin)

help-schedule-resume = die täglichen Posts nach einer Pause wieder aufnehmen

help-schedule-skip = den nächsten geplanten Post überspringen

help-poll-create = eine Umfrage zu einer These starten
help-poll-create-arg-claim = die These, über die abgestimmt wird, in Anführungszeichen (eine Nachher-Umfrage kann sie weglassen und die ihrer Vorher-Umfrage übernehmen)
help-poll-create--scale = die Antwortskala (Standard: stimme zu / stimme nicht zu / unsicher)
help-poll-create--options = eigene Antworten, 2 bis 10, getrennt durch |
help-poll-create--minutes = Minuten bis zum Schluss (Standard: 60); gib eines von --minutes, --hours, --until an
help-poll-create--hours = Stunden bis zum Schluss
help-poll-create--until = zu dieser Ortszeit schließen (morgen, wenn sie heute schon vorbei ist) oder JJJJ-MM-TT HH:MM
help-poll-create--anonymous = niemand, auch die Moderation nicht, sieht, wer wie abgestimmt hat; Mitglieder stimmen per Direktnachricht ab
help-poll-create--hidden = die Ergebnisse bis zum Schluss der Umfrage verbergen
help-poll-create--phase = vor oder nach der Diskussion; eine Nachher-Umfrage bildet mit der Vorher-Umfrage ein Paar und zeigt, wie sich die Meinungen verschoben haben
help-poll-create--suggestion = über die N-te These aus `poll suggest` abstimmen statt über eine eigene
help-poll-create--native = auf Discord Discords eigene Umfrage verwenden (ganze Stunden, nicht anonym, Ergebnisse sichtbar)

help-poll-close = eine Umfrage jetzt schließen und ihre Ergebnisse posten
help-poll-close-arg-poll = welche Umfrage, nach Nummer (Standard: die offene)

help-poll-results = die Ergebnisse einer Umfrage (verborgene erst nach dem Schluss)
help-poll-results-arg-poll = welche Umfrage, nach Nummer (Standard: die letzte)

help-poll-suggest = Thesen aus dem aktuellen Abschnitt, bereit für eine Umfrage

help-poll-extend = die Frist einer Umfrage verschieben; gib eines von --minutes, --hours oder --until an
help-poll-extend-arg-poll = welche Umfrage, nach Nummer (Standard: die offene)
help-poll-extend--minutes = so viele Minuten zur Frist hinzufügen
help-poll-extend--hours = so viele Stunden zur Frist hinzufügen
help-poll-extend--until = stattdessen zu dieser Ortszeit schließen (morgen, wenn sie heute schon vorbei ist) oder JJJJ-MM-TT HH:MM

help-vote = per Text abstimmen (bei anonymen Umfragen in einer Direktnachricht an den Bot)
help-vote-arg-poll = die Nummer der Umfrage
help-vote-arg-option = deine Antwort: ihre Nummer oder ihre Worte, z. B. 1 oder agree
help-vote--reason = warum; wird ohne deinen Namen mit den Ergebnissen gezeigt

help-claim-add = eine These vorschlagen, über die die Gruppe abstimmt (die Moderation prüft sie zuerst)
help-claim-add-arg-claim = die These in Anführungszeichen, höchstens 300 Zeichen

help-claim-queue = die von Mitgliedern vorgeschlagenen Thesen, die auf Annahme warten (nur du siehst sie)

help-claim-approve = eine vorgeschlagene These annehmen (auf Wunsch umformuliert) und als Abstimmungskarte posten: stimme zu / stimme nicht zu / passe
help-claim-approve-arg-claim = die Nummer der These in `claim queue`
help-claim-approve-arg-text = die umformulierte These in Anführungszeichen (Standard: wie vorgeschlagen)
help-claim-approve--minutes = Minuten bis zum Ende der Abstimmung (Standard: bis die Sitzung endet, sonst 24 Stunden)
help-claim-approve--hours = Stunden bis zum Ende der Abstimmung
help-claim-approve--until = zu dieser Ortszeit schließen (morgen, wenn sie heute schon vorbei ist) oder JJJJ-MM-TT HH:MM
help-claim-approve--anonymous = niemand, auch die Moderation nicht, sieht, wer wie abgestimmt hat; Mitglieder stimmen per Direktnachricht ab
help-claim-approve--phase = vor der Diskussion fragen (pre), um sie danach mit `poll create --phase post` zu wiederholen

help-claim-reject = eine vorgeschlagene These ablehnen: Sie erscheint in keinem Ergebnis, keiner Zusammenfassung, keinem Export und keinem Diagramm
help-claim-reject-arg-claim = die Nummer der These in `claim queue`

help-claim-cards = die vom aktuellen Abschnitt vorgeschlagenen Thesen als Abstimmungskarten posten (stimme zu / stimme nicht zu / passe)
help-claim-cards--minutes = Minuten bis zum Ende der Abstimmung (Standard: bis die Sitzung endet, sonst 24 Stunden)
help-claim-cards--hours = Stunden bis zum Ende der Abstimmung
help-claim-cards--until = zu dieser Ortszeit schließen (morgen, wenn sie heute schon vorbei ist) oder JJJJ-MM-TT HH:MM
help-claim-cards--anonymous = niemand, auch die Moderation nicht, sieht, wer wie abgestimmt hat; Mitglieder stimmen per Direktnachricht ab

help-map = die Meinungskarte: wer über die Thesen hinweg ähnlich denkt, worin sich alle Gruppen einig sind, wo die Trennlinie verläuft
help-map--session = die Thesen dieser Sitzung (Standard: der aktuellen)
help-map--reading = stattdessen die Thesen aller Sitzungen zu diesem Text

help-report = wie die Diskussion die Meinungen verschoben hat: Vorher-/Nachher-Umfragen und -Karten, Beteiligte gegenüber stillen Mitlesenden, Wissen aus dem Quiz
help-report--session = diese Sitzung (Standard: die aktuelle)

help-quiz-add = eine Wissensfrage mit richtiger Antwort, vor und nach der Diskussion gestellt
help-quiz-add-arg-question = die Frage in Anführungszeichen (eine Nachher-Frage kann sie weglassen und die Vorher-Frage wiederholen)
help-quiz-add--options = die Antworten zur Auswahl, 2 bis 10, getrennt durch |
help-quiz-add--answer = welche Antwort richtig ist (1 ist die erste)
help-quiz-add--phase = vor oder nach der Diskussion (Standard: pre); eine Nachher-Frage wiederholt ihre Vorher-Frage
help-quiz-add--minutes = Minuten bis zum Ende der Abstimmung (Standard: bis die Sitzung endet, sonst 24 Stunden)
help-quiz-add--hours = Stunden bis zum Ende der Abstimmung
help-quiz-add--until = zu dieser Ortszeit schließen (morgen, wenn sie heute schon vorbei ist) oder JJJJ-MM-TT HH:MM

help-session-start = Live-Seminar-Modus: jede Nachricht hier bis `session end` erfassen
help-session-start-arg-title = ein Titel für die Sitzung (oder gib ihn mit --title an)
help-session-start--title = ein Titel für die Sitzung

help-session-end = die Live-Sitzung beenden; ihre Zusammenfassung folgt

help-agenda-set = die Tagesordnung der Live-Sitzung: Punkte mit Zeitrahmen, getrennt durch | (oder hänge eine Markdown-Liste an)
help-agenda-set-arg-agenda = jeder Punkt endet mit seinem Zeitrahmen, z. B. "Einstieg 5m | Teil I 20m | Abschluss 10m" (höchstens 20 Punkte, 8 Stunden)

help-agenda-start = den ersten Punkt der Tagesordnung starten; jeder Punkt beginnt, wenn die Zeit des vorigen abläuft (oder mit `agenda next`)

help-agenda-next = den laufenden Punkt jetzt beenden und den nächsten starten

help-agenda-back = zum vorigen Punkt zurückgehen (wieder mit seinem ganzen Zeitrahmen)

help-agenda-extend = dem laufenden Punkt mehr Zeit geben
help-agenda-extend-arg-time = wie viel länger, z. B. 5m oder 1h

help-agenda-status = die Tagesordnung, der laufende Punkt und seine verbleibende Zeit

help-hand-raise = sich zu Wort melden: in die Redeliste eintragen (deinen Platz erfährst du privat)
help-hand-raise-arg-topic = worüber du sprechen willst, in ein paar Worten

help-hand-down = die Redeliste verlassen

help-queue-show = wer spricht und wer als Nächstes dran ist (nur du siehst es, mit deinem eigenen Platz)

help-queue-next = dem nächsten Mitglied auf der Redeliste das Wort geben

help-queue-skip = das nächste Mitglied auf der Redeliste übergehen (seine Hand geht runter)

help-queue-clear = alle erhobenen Hände senken

help-queue-mode = die Reihenfolge der Redeliste: wer zuerst kommt, oder progressiv (wer in dieser Sitzung am wenigsten gesprochen hat, kommt zuerst)
help-queue-mode-arg-mode = order: in der Reihenfolge der Meldungen; progressive: die am wenigsten Gehörten zuerst

help-note = eine Notiz fürs Protokoll, unter dem laufenden Tagesordnungspunkt
help-note-arg-text = die Notiz (höchstens 500 Zeichen)

help-decision = ein Beschluss fürs Protokoll, unter dem laufenden Tagesordnungspunkt
help-decision-arg-text = was beschlossen wurde (höchstens 500 Zeichen)

help-action-add = eine Aufgabe für ein Mitglied der Gruppe, mit optionaler Frist
help-action-add-arg-member = wer sie erledigt: ein Mitglied dieser Gruppe
help-action-add-arg-text = was zu tun ist (höchstens 500 Zeichen)
help-action-add--due = bis wann: JJJJ-MM-TT, today, tomorrow oder ein Wochentag

help-action-list = die offenen Aufgaben der Gruppe

help-action-done = eine Aufgabe als erledigt markieren (die verantwortliche Person oder die Moderation)
help-action-done-arg-action = die Nummer der Aufgabe in `action list`

help-breakout = die Anwesenden für eine Weile auf Threads aufteilen, jeden mit einer Frage; die Rückmeldungen aller Threads werden hier gesammelt
help-breakout-arg-rooms = wie viele Threads (mindestens 1, höchstens einer pro anwesendem Mitglied)
help-breakout--minutes = wie lange, in Minuten (Standard: 15)
help-breakout--by = die Gruppen der Meinungskarte in jedem Thread mischen (Standard: zufällig)

help-summary = die Zusammenfassung der aktuellen oder einer bestimmten Sitzung
help-summary-arg-session = welche Sitzung, nach Nummer (Standard: die aktuelle)
help-summary--session = welche Sitzung, nach Nummer (wie SESSION)

help-stats = die Beteiligung in dieser Gruppe (nur du siehst sie)

help-export = Protokolle als Markdown, Antworten und Stimmen als CSV, alles als JSON
help-export--format = was exportiert wird (Standard: all; `export csv` geht auch)
help-export--session = nur das Protokoll dieser Sitzung

help-privacy-my-data = deine Antworten und Stimmen als Datei, nur für dich

help-privacy-forget-me = deine Antworten, Stimmen und deinen Mitgliedseintrag endgültig löschen: nichts von vorher wird wieder erfasst, auch nicht nach einem Neustart; was du später schreibst oder abstimmst, wird wie üblich erfasst (ohne --confirm: was gelöscht würde)
help-privacy-forget-me--confirm = ja, meine Daten löschen

help-privacy-quotes = ob Zusammenfassungen dich mit Namen zitieren dürfen (off: du wirst als „ein Mitglied“ zitiert)
help-privacy-quotes-arg-allow = on: Zusammenfassungen dürfen dich mit Namen zitieren; off: nicht

help-help = was der Bot hier kann, oder ein Befehl im Detail
help-help-arg-command = ein Befehl, der erklärt werden soll, z. B. poll create

## The help page
help-intro = **colloquy** postet täglich einen Abschnitt aus dem Text eurer Gruppe mit Diskussionsfragen, erfasst die Antworten in seinem Thread, führt Umfragen zu Thesen durch und fasst jede Sitzung zusammen.
help-not-a-group = Dieser Kanal ist noch keine Lesegruppe: Die Moderation beginnt mit `setup`.
help-facilitators-mark = (Moderation)
help-one-verb = `help BEFEHL` erklärt einen Befehl und seine Optionen.
help-no-command = Es gibt keinen Befehl `{ $topic }`. `help` listet alle auf.
help-no-command-hint = Es gibt keinen Befehl `{ $topic }`; meintest du `{ $suggestion }`? `help` listet alle auf.
help-options = Optionen:
help-also-flag = auch { $names }
help-also-typed = Auch als { $names } eingebbar.
help-who-facilitators = für Moderierende
help-who-members = für Mitglieder
help-who-anyone = für alle
help-verb-line = { $summary } ({ $who }).
