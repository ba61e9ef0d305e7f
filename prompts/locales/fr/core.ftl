# Les messages de colloquy en français.

## Dates et heures
date-time-pattern = %a %-d %b, %H:%M
date-pattern = %a %-d %b
time-pattern = %H:%M
local-time = { $when } ({ $zone })
today-at = aujourd’hui à { $time }
tomorrow-at = demain à { $time }
yesterday-at = hier à { $time }
day-at = { $day } à { $time }
deadline = { $when } (dans { $wait } ; { $date }, heure de { $zone })
wait-under-a-minute = moins d’une minute
wait-minutes = { $m } min
wait-hours = { $h } h
wait-hours-minutes = { $h } h { $m } min
wait-days = { $d } j
wait-days-hours = { $d } j { $h } h

## Nombres
count-replies = { $n ->
    [one] { $n } réponse
   *[other] { $n } réponses
}
count-members = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
count-votes = { $n ->
    [one] { $n } vote
   *[other] { $n } votes
}
count-words = { $n ->
    [one] { $n } mot
   *[other] { $n } mots
}
count-messages = { $n ->
    [one] { $n } message
   *[other] { $n } messages
}
count-excerpts = { $n ->
    [one] { $n } extrait
   *[other] { $n } extraits
}
count-sessions = { $n ->
    [one] { $n } séance
   *[other] { $n } séances
}
count-questions = { $n ->
    [one] { $n } question
   *[other] { $n } questions
}
count-readings = { $n ->
    [one] { $n } lecture
   *[other] { $n } lectures
}
count-polls = { $n ->
    [one] { $n } sondage
   *[other] { $n } sondages
}
count-weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
}
count-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}

## Erreurs
error-not-set-up = Ce salon n’est pas encore configuré comme groupe de lecture. Un animateur peut d’abord y lancer `setup`.
error-facilitator-only = Seuls les animateurs peuvent utiliser `{ $verb }`. Demandez à un animateur du groupe.
error-members-only = Seuls les membres du salon de ce groupe peuvent utiliser `{ $verb }`.
error-internal = Un problème est survenu de notre côté ; l’animateur trouvera les détails dans le journal du bot.
error-import = Le fichier ne peut pas être importé : { $reason }.
