# Was der Bot sonst noch schreibt: Zeilen der Plattform-Adapter, Statistik, die Wörter
# des Umfragediagramms, der Hinweis auf gekürzte Antworten und die Meldungen der Konsole.

## Discord-Optionen, die vor der Ausführung abgelehnt werden
discord-deadline-twice = Gib die Frist nur einmal an: Minuten, Stunden oder Endzeit.
discord-deadline-missing = Sag, wie lange: Minuten, Stunden oder Endzeit.
discord-session-and-reading = Gib eine Sitzung oder einen Text an, nicht beides.
discord-quiz-question-missing = Gib die Frage mit ihren Antwortmöglichkeiten und der richtigen Antwort an.
reply-done = Erledigt.

## Sitzungen und Statistik
session-live-title = Live-Sitzung Nr. { $id }
session-number = Sitzung Nr. { $id }
session-none-yet = Hier hat noch keine Sitzung stattgefunden.
summary-nobody-yet = In Sitzung Nr. { $id } hat noch niemand geantwortet, daher gibt es keine Zusammenfassung.
summary-nobody-replied = In { $title } (Sitzung Nr. { $id }) in { $group } hat niemand geantwortet, daher wurde keine Zusammenfassung gepostet.
stats-title = **Beteiligung in { $group }**
stats-totals = { $sessions }, { $replies } von { $members ->
    [one] { $members } Mitglied
   *[other] { $members } Mitgliedern
}, { $words }. Wortanteile verteilt: { $evenness }. { $polls }.
stats-member = - { $name }: { $replies }, { $words }
stats-more = - und { $n } weitere

## Das Diagramm der Umfrageergebnisse
count-voters = { $n ->
    [one] { $n } abstimmende Person
   *[other] { $n } Abstimmende
}
chart-before = Vorher
chart-after = Nachher
chart-votes = Stimmen
chart-series-label = { $name } (Umfrage Nr. { $id } · { $voters })
chart-single-subtitle = Umfrage Nr. { $id } · { $voters }
chart-pair-subtitle = Umfrage Nr. { $pre } vor und Nr. { $post } nach der Diskussion
chart-net-shift = { " · " }Nettoverschiebung { $net } in Richtung „{ $pole }“
chart-changed = { " · " }{ $changed } von { $paired }, die beide Male abgestimmt haben, änderten ihre Stimme
chart-caption-single = Jeder Balken: Anzahl · Anteil der Abstimmenden
chart-caption-pair = Jeder Balken: Anzahl · Anteil der Abstimmenden dieser Umfrage
chart-alt-single = Balkendiagramm der Umfrage Nr. { $id }, Anteil jeder Option an { $voters }: { $bars }.
chart-alt-pair = Gepaartes Balkendiagramm der Umfrage Nr. { $pre } vor und Nr. { $post } nach der Diskussion, jeweils als Anteil der eigenen Abstimmenden. Vorher ({ $before_voters }): { $before }. Nachher ({ $after_voters }): { $after }. { $changed } von { $paired ->
    [one] { $paired } Mitglied
   *[other] { $paired } Mitgliedern
}, die zweimal abgestimmt haben, änderten ihre Stimme{ $net }.
chart-alt-net = ; Nettoverschiebung { $net }

## Matrix
matrix-poll-question = Umfrage Nr. { $id }: { $claim }
matrix-poll-fallback = Stimme in der Umfrage ab oder schreibe `!cq vote { $id } OPTION`.
matrix-poll-anonymous = Um abzustimmen, schick mir eine **Direktnachricht**: `!cq vote { $id } OPTION` (die Nummer oder der Name einer Option). In diesem Raum geschriebene Stimmen werden abgelehnt, damit niemand sie sieht.
matrix-poll-closed = Umfrage Nr. { $id } ist beendet; die Ergebnisse folgen.
matrix-reason-not-added = Deine Begründung wurde nicht hinzugefügt: { $error }
matrix-vote-not-counted = Deine Stimme in Umfrage Nr. { $id } wurde nicht gezählt: { $error }
matrix-not-a-file = Die Nachricht, auf die du geantwortet hast, ist keine Datei. Lade die .txt- oder .md-Datei hoch und antworte darauf mit `!cq reading import`.
matrix-fetch-failed = Ich konnte die Nachricht, auf die du geantwortet hast, nicht abrufen ({ $error }).
matrix-download-failed = Ich konnte „{ $name }“ nicht herunterladen ({ $error }).
matrix-file-too-big = „{ $name }“ ist { $size } groß; die Grenze liegt bei { $limit }. Teile den Text in Abschnitte und importiere sie nacheinander.
matrix-vote-redacted-reason = eine anonyme Stimme gehört in eine Direktnachricht
matrix-vote-removed = Ich habe deine Nachricht aus diesem Raum entfernt.
matrix-sent-privately = Ich habe dir eine Direktnachricht geschickt.
matrix-private-failed = Ich konnte dir keine Direktnachricht schicken ({ $error }). Starte einen direkten Chat mit mir und versuche es erneut.
matrix-vote-delete-it = Du solltest deine Nachricht hier vielleicht löschen.

## Antworten
reply-cut-note = […gekürzt: die Nachricht war länger als { $max } Zeichen]

## Die Konsole
console-place-excerpt = Auszug { $seq }
console-place-excerpt-of = Auszug { $seq } aus „{ $title }“
console-thread-now = (die Konsole ist jetzt im Thread von { $place }: Nachrichten gehen dorthin; /channel postet im Kanal)
console-posting-in-thread = (es wird im Thread von { $place } gepostet)
console-posting-no-thread = (es wird im Thread des neuesten Auszugs gepostet; es gibt noch keinen, daher im Kanal)
console-posting-in-channel = (es wird im Kanal gepostet; /thread führt zurück in den Thread des Auszugs)
console-vote-removed = (entfernt: eine anonyme Stimme gehört in eine Direktnachricht)
console-vote-dm-hint = In der Konsole: `/dm !cq vote …`.
console-privately-to = (privat an { $name })
console-file-saved = 📎 { $name } gespeichert unter { $path } — { $description }
console-file-not-saved = 📎 { $name } konnte nicht unter { $path } gespeichert werden: { $error }
console-file = 📎 { $name } ({ $bytes } Bytes) — { $description }
console-poll-how = (abstimmen mit: `!cq vote { $id } OPTION [--reason "…"]`)
console-poll-how-anonymous = (anonym: stimme in einer Direktnachricht ab mit `/dm !cq vote { $id } OPTION`)
console-thread-opened = Thread „{ $name }“ eröffnet
console-thread-opened-in = Thread „{ $name }“ eröffnet ({ $thread }: `/in { $thread } TEXT` postet dort)

## Discord excerpt posts
discord-excerpt-author = Auszug { $position } von { $total }
discord-excerpt-footer-by = { $author } · antworte im Thread
discord-excerpt-footer = Antworte im Thread

# Buttons under a poll and under a live session's agenda post.
discord-button-vote-with-reason = Mit Begründung abstimmen
discord-button-raise-hand = Hand heben
discord-button-lower-hand = Hand senken

# Discord: the vote-with-a-reason flow, and controls or forms of an older post.
discord-control-gone = Dieses Bedienelement ist nicht mehr in Gebrauch.
discord-form-gone = Dieses Formular ist nicht mehr in Gebrauch.
discord-reason-choose = Wählen Sie Ihre Antwort
discord-reason-intro = Umfrage #{ $poll }: Wählen Sie Ihre Antwort und schreiben Sie dann Ihre Begründung (höchstens { $max } Zeichen). Begründungen erscheinen mit den Ergebnissen, nie mit Namen.
discord-reason-choose-one = Wählen Sie eine der Antworten.
discord-reason-label = Warum stimmen Sie so ab?
discord-reason-placeholder = Erscheint mit den Ergebnissen, nie mit Ihrem Namen.
discord-reason-title = Ihre Begründung
