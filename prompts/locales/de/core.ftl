# Die Nachrichten von colloquy auf Deutsch.

## Datum und Uhrzeit
date-time-pattern = %a, %-d. %b, %H:%M
date-pattern = %a, %-d. %b
time-pattern = %H:%M
local-time = { $when } ({ $zone })
today-at = heute um { $time }
tomorrow-at = morgen um { $time }
yesterday-at = gestern um { $time }
day-at = { $day } um { $time }
deadline = { $when } (in { $wait }; { $date }, Zeitzone { $zone })
wait-under-a-minute = weniger als einer Minute
wait-minutes = { $m } Min.
wait-hours = { $h } Std.
wait-hours-minutes = { $h } Std. { $m } Min.
wait-days = { $d } T.
wait-days-hours = { $d } T. { $h } Std.

## Anzahlen
count-replies = { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
count-members = { $n ->
    [one] { $n } Mitglied
   *[other] { $n } Mitglieder
}
count-votes = { $n ->
    [one] { $n } Stimme
   *[other] { $n } Stimmen
}
count-words = { $n ->
    [one] { $n } Wort
   *[other] { $n } Wörter
}
count-messages = { $n ->
    [one] { $n } Nachricht
   *[other] { $n } Nachrichten
}
count-excerpts = { $n ->
    [one] { $n } Abschnitt
   *[other] { $n } Abschnitte
}
count-sessions = { $n ->
    [one] { $n } Sitzung
   *[other] { $n } Sitzungen
}
count-questions = { $n ->
    [one] { $n } Frage
   *[other] { $n } Fragen
}
count-readings = { $n ->
    [one] { $n } Text
   *[other] { $n } Texte
}
count-polls = { $n ->
    [one] { $n } Umfrage
   *[other] { $n } Umfragen
}
count-weeks = { $n ->
    [one] { $n } Woche
   *[other] { $n } Wochen
}
count-days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}

## Fehler
error-not-set-up = Dieser Kanal ist noch nicht als Lesegruppe eingerichtet. Eine Moderatorin oder ein Moderator kann hier zuerst `setup` ausführen.
error-facilitator-only = Nur Moderierende können `{ $verb }` verwenden. Wende dich an die Moderation dieser Gruppe.
error-members-only = Nur Mitglieder des Kanals dieser Gruppe können `{ $verb }` verwenden.
error-internal = Bei uns ist etwas schiefgegangen; die Moderation findet die Einzelheiten im Protokoll des Bots.
error-import = Die Datei kann nicht importiert werden: { $reason }.
