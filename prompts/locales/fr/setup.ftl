## setup
language-name = français
setup-unknown-language = Langue inconnue `{ $given }` : colloquy parle { $supported } (en anglais, ru russe, zh chinois simplifié, de allemand, fr français).
setup-bad-words = --words doit être compris entre 40 et 5000 (reçu : { $words })
setup-bad-name = --name doit compter de 1 à 60 caractères
setup-settings = des extraits d’environ { $words } mots à { $time } { $zone } ({ $days }), des synthèses à { $summary }, en { $language }.
setup-created = Ce salon est désormais un groupe de lecture : { $settings }
setup-updated = Réglages mis à jour : { $settings }
setup-next-post = Prochaine publication : { $next }.
setup-import-hint = Importez une lecture avec `reading import` (joignez un fichier .txt ou .md).
days-every-day = tous les jours
days-weekdays = en semaine

## schedule
schedule-posted-today = L’extrait du jour a été publié à { $time }.
schedule-paused-state = Le calendrier est en pause ; `schedule resume` le relance.
schedule-next = Prochain extrait : { $next }.
schedule-none = Aucune heure de publication n’est prévue.
schedule-skipping-through = Les publications sont sautées jusqu’au { $date } inclus.
schedule-settings = Calendrier : { $time } { $zone } ({ $days }), après une interruption : { $catch_up }. Synthèses à { $summary }.
schedule-left = { $n ->
    [one] Il reste { $n } extrait à publier.
   *[other] Il reste { $n } extraits à publier.
}
schedule-paused = Le calendrier quotidien est en pause. `schedule resume` le relance ; `excerpt next` publie toujours à la demande.
schedule-resumed = Le calendrier quotidien a repris.
schedule-nothing-to-skip = Aucune publication à venir ne peut être sautée.
schedule-skipped = La publication du { $when } est sautée.
schedule-after-skip = La suivante : { $next }.
catch-up-latest = publier le dernier extrait manqué
catch-up-skip = sauter les publications manquées
