# Warum ein Befehl nicht ausgeführt werden konnte: Lesefehler und Fehler bei Umfragen, Zeitplan und Import.

## Einen Befehl lesen
parse-did-you-mean = meintest du `{ $suggestion }`?
parse-empty = kein Befehl angegeben; versuch es mit `help`
parse-unknown-verb = unbekannter Befehl `{ $given }`; { $hint }
parse-unknown-verb-no-hint = unbekannter Befehl `{ $given }`; `help` listet alle auf
parse-missing-sub = `{ $verb }` braucht eines von: { $expected }
parse-missing-sub-hint = `{ $verb }` braucht eines von: { $expected }; { $hint }
parse-unknown-flag = unbekannte Option { $flag } für `{ $verb }`; { $hint }
parse-unknown-flag-none = unbekannte Option { $flag } für `{ $verb }`; dieser Befehl hat keine Optionen
parse-unknown-flag-allowed = unbekannte Option { $flag } für `{ $verb }`; möglich sind: { $allowed }
parse-missing-value = die Option { $flag } braucht einen Wert
parse-not-a-number = { $what } muss eine ganze Zahl sein, nicht „{ $given }“
parse-unexpected = unerwartetes „{ $word }“; setze Text mit Leerzeichen in Anführungszeichen
parse-missing-argument = `{ $verb }` braucht { $what }
parse-unclosed-quote = ein Anführungszeichen ist nicht geschlossen
parse-not-both = gib { $first } oder { $second } an, nicht beides
parse-deadline-twice = gib die Frist nur einmal an: --minutes, --hours oder --until
parse-bad-choice = { $what } nimmt { $choices }, nicht „{ $given }“
noun-reading = die Nummer des Textes
noun-poll = die Nummer der Umfrage
noun-claim = die Nummer der These
noun-session = die Nummer der Sitzung
noun-action = die Nummer der Aufgabe
noun-threads = die Zahl der Threads
noun-flag = { $flag }
needs-claim-add = die These in Anführungszeichen, z. B. claim add "Absichern ist eine Strategie, keine Unentschlossenheit"
needs-claim-number = die Nummer der These aus `claim queue`, z. B. { $verb } 3
needs-quiz = die Frage in Anführungszeichen, mit --options und --answer
needs-poll-claim = eine These in Anführungszeichen, z. B. poll create "Handel schafft Vertrauen" (oder --suggestion N aus `poll suggest`)
needs-vote = eine Umfragenummer und eine Antwort, z. B. `vote 3 agree`
needs-queue-mode = order oder progressive
needs-action = ein Mitglied und was es tun wird, z. B. action @ana die Karte verschicken --due friday
needs-action-number = die Nummer der Aufgabe aus `action list`, z. B. action done 3
needs-breakout = wie viele Threads, z. B. breakout 3 --minutes 15
needs-on-off = on oder off
needs-deadline = --minutes N, --hours N oder --until HH:MM

## Umfragen
poll-error-empty-claim = die These ist leer: schreib die Aussage, über die abgestimmt werden soll
poll-error-claim-too-long = die These ist { $n } Zeichen lang; Umfragen erlauben höchstens 300 (kürze sie)
poll-error-unknown-scale = unbekannte Skala „{ $given }“: nimm agree, likert5, yesno oder custom
poll-error-option-count = eine eigene Umfrage braucht 2 bis 10 Antworten, getrennt durch | (angegeben: { $n })
poll-error-option-too-long = die Antwort „{ $option }“ ist { $n } Zeichen lang; erlaubt sind höchstens 55
poll-error-empty-option = Antwort { $n } ist leer
poll-error-duplicate-option = die Antwort „{ $option }“ kommt zweimal vor
poll-error-options-without-custom = eigene Antworten gibt es nur mit --scale custom; die Skala { $scale } hat ihre eigenen
poll-error-bad-duration = die Dauer muss zwischen 1 Minute und 30 Tagen liegen (angegeben: { $n } Minuten)
poll-error-bad-time = „{ $given }“ ist keine Uhrzeit: nimm HH:MM (24 Stunden) oder JJJJ-MM-TT HH:MM
poll-error-deadline-in-past = diese Frist ({ $when }) liegt in der Vergangenheit
poll-error-deadline-too-far = diese Frist liegt mehr als 30 Tage in der Zukunft
poll-error-reason-too-long = die Begründung ist { $n } Zeichen lang; bleib unter 280
poll-error-unknown-option = „{ $given }“ ist keine Antwort dieser Umfrage; wähle eine von: { $options }

## Zeitplan
schedule-error-bad-time = „{ $given }“ ist keine Uhrzeit: nimm HH:MM im 24-Stunden-Format, z. B. 09:00 oder 18:30
schedule-error-bad-zone = unbekannte Zeitzone „{ $given }“: nimm einen IANA-Namen wie Europe/Berlin, Europe/London oder Asia/Shanghai
schedule-error-bad-days = „{ $given }“ ist keine Liste von Tagen: nimm `daily`, `weekdays`, `weekends`, `mon-fri` oder `mon,wed,fri`
schedule-error-bad-catch-up = catch_up muss „latest“ oder „skip“ sein, nicht „{ $given }“

## Import
import-error-empty = die Datei ist leer
import-error-binary-nul = die Datei sieht binär aus (sie enthält NUL-Bytes), nicht wie ein .txt- oder .md-Text
import-error-binary-control = die Datei sieht binär aus (sie enthält viele Steuerzeichen), nicht wie ein .txt- oder .md-Text
import-error-not-utf8 = die Datei ist kein UTF-8-Text (ungültiges Byte an Position { $offset }); speichere sie als UTF-8 und versuch es noch einmal
import-error-no-body = kein Fließtext gefunden: die Datei enthält nur Titel- oder Kontaktzeilen
import-error-no-sentences = keine Sätze gefunden: nichts in der Datei endet wie ein Satz (mit . ? oder !), daher gibt es keine Abschnitte
import-error-only-headings = keine Sätze gefunden: die Datei enthält nur Überschriften, keine Absätze, aus denen Abschnitte entstehen könnten
import-error-empty-option = --{ $flag } ist leer: gib einen Wert an oder lass --{ $flag } weg, um ihn aus der Datei zu nehmen
import-error-bad-words = --words muss zwischen 40 und 5000 liegen (angegeben: { $words })
import-error-unknown-language = unbekannte Sprache `{ $given }`: nimm eine von { $supported }
