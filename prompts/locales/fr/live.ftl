# Le séminaire en direct : ordre du jour, liste des orateurs, notes, décisions, actions, petits groupes.

## Ordre du jour
live-no-session = Aucune séance en direct n'est en cours ici. Un animateur en lance une avec `session start`.
live-no-agenda = Cette séance n'a pas encore d'ordre du jour. Un animateur le fixe avec `agenda set "Ouverture 5m | Partie I 20m | Conclusion 10m"`.
live-agenda-attach-or-text = Donnez l'ordre du jour après la commande, points séparés par | et chacun terminé par sa durée (`agenda set "Ouverture 5m | Partie I 20m"`), ou joignez une liste Markdown (.md ou .txt), un point par ligne.
live-agenda-file-unreadable = L'ordre du jour joint n'est pas du texte UTF-8 : joignez un fichier .md ou .txt, un point par ligne.
live-agenda-already-started = L'ordre du jour a déjà commencé et ne peut pas être remplacé. Parcourez-le avec `agenda next`, `agenda back` et `agenda extend`.
live-agenda-set = { $items ->
    [one] Ordre du jour fixé : { $items } point, { $total } en tout. `agenda start` lance le premier.
   *[other] Ordre du jour fixé : { $items } points, { $total } en tout. `agenda start` lance le premier.
}
live-agenda-not-started = L'ordre du jour n'a pas encore commencé : `agenda start` lance son premier point.
live-agenda-already-running = L'ordre du jour est déjà en cours (maintenant : { $title }). Avancez avec `agenda next` ou `agenda back`.
live-agenda-finished = L'ordre du jour est terminé : tous les points ont eu lieu. `agenda back` rouvre le dernier.
live-agenda-at-first = C'est le premier point : il n'y a rien avant.
live-agenda-moved-meanwhile = L'ordre du jour a avancé entre-temps (la durée était écoulée) ; vérifiez `agenda status` et réessayez.
live-agenda-extend-bad = Un point peut être prolongé de 1 minute à 8 heures, pas de { $minutes } minutes : p. ex. `agenda extend 5m`.
live-agenda-extended = **{ $title }** a { $by } de plus : il se termine maintenant à { $until }.
live-agenda-moving = On passe à **{ $title }**.
live-agenda-over-now = C'était le dernier point : l'ordre du jour est terminé.
live-agenda-started = L'ordre du jour commence par **{ $title }**.
live-agenda-heading = Ordre du jour ({ $total } en tout)
live-agenda-announces = Le bot annonce chaque point quand il commence et prévient deux minutes avant la fin.
live-hands-hint = Pour demander la parole : `hand [sujet]` (ou le bouton main ou la réaction ✋ sur ce message) ; `hand down` pour quitter la liste.
live-next = Ensuite : { $next }.
live-then = Puis : { $next }.
live-last-item = C'est le dernier point.
live-it-is-last = C'est le dernier point.
live-item-started = **Maintenant : { $title }** (point { $seq } sur { $count }, { $minutes } jusqu'à { $until }). { $then }
live-item-warning = ⏳ Plus que deux minutes pour **{ $title }** (fin à { $until }). { $then } Un animateur peut prolonger avec `agenda extend 5m`.
live-agenda-done = Le temps est écoulé pour **{ $title }** : c'était le dernier point de l'ordre du jour. La séance reste ouverte jusqu'à `session end`.
live-agenda-status-heading = **Ordre du jour** ({ $total })
live-item-done = (fait)
live-running-time-up = **(en cours, temps écoulé à { $until })**
live-running-left = **(en cours : encore { $left }, jusqu'à { $until })**

## La liste des orateurs
live-hand-already-up = Votre main est déjà levée : vous êtes { $place }e sur la liste. `hand down` la baisse.
live-hand-raised-next = Votre main est levée : vous êtes le prochain.
live-hand-raised = Votre main est levée : vous êtes { $place }e sur la liste ({ $ahead } avant vous).
live-progressive-note = La liste est progressive : les membres qui ont le moins parlé pendant cette séance passent d'abord, votre place peut donc changer.
live-hand-not-up = Votre main n'est pas levée : rien à baisser.
live-hand-lowered = Votre main est baissée : vous avez quitté la liste.
live-topic-too-long = Limitez le sujet à 200 caractères ; dites le reste quand vous aurez la parole.
live-queue-empty = Personne n'attend la parole : la liste est vide.
live-queue-header-progressive = **Liste des orateurs** (progressive : qui a le moins parlé pendant cette séance passe d'abord)
live-queue-header-raised = **Liste des orateurs** (dans l'ordre où les mains se sont levées)
live-queue-speaking = Parle maintenant : **{ $name }**
live-queue-your-place = Vous êtes { $place }e sur la liste.
live-queue-not-in = Votre main n'est pas levée (`hand [sujet]` pour rejoindre la liste).
live-nobody-waiting = Personne d'autre n'attend.
live-floor-to = 🎤 La parole est à **{ $name }**{ $topic }. { $then }
live-skipped = { $name } est passé(e) (main baissée). { $then }
live-queue-cleared = { $n ->
    [one] La liste est vidée : { $n } main baissée.
   *[other] La liste est vidée : { $n } mains baissées.
}
live-queue-mode-progressive = La liste est désormais progressive : qui a le moins parlé pendant cette séance passe d'abord.
live-queue-mode-raised = La liste suit désormais l'ordre où les mains se sont levées.

## Notes, décisions, actions
live-text-empty = { $what ->
    [note] La note est vide : écrivez-la après la commande.
    [decision] La décision est vide : écrivez-la après la commande.
   *[action] L'action est vide : écrivez-la après la commande.
}
live-text-too-long = { $what ->
    [note] Une note peut compter au plus { $max } caractères.
    [decision] Une décision peut compter au plus { $max } caractères.
   *[action] Une action peut compter au plus { $max } caractères.
}
live-noted = { $kind ->
    [note] La note n° { $id } figure au procès-verbal.
   *[decision] La décision n° { $id } figure au procès-verbal.
}
live-noted-under = { $kind ->
    [note] La note n° { $id } figure au procès-verbal sous **{ $title }**.
   *[decision] La décision n° { $id } figure au procès-verbal sous **{ $title }**.
}
live-due = pour le { $due }
live-due-overdue = pour le { $due }, en retard
live-action-added = L'action n° { $id } pour **{ $owner }**{ $due } figure au procès-verbal. `action done { $id }` quand elle est faite.
live-action-added-under = L'action n° { $id } pour **{ $owner }**{ $due } figure au procès-verbal sous **{ $title }**. `action done { $id }` quand elle est faite.
live-not-a-member = { $who } n'est pas membre de ce groupe à la connaissance de colloquy (n'a ni écrit, ni voté, ni levé la main, ni été présent ici). Nommez un membre, p. ex. `action @ana diffuser la carte`.
live-ambiguous-member = { $n } membres de ce groupe s'appellent { $who } ; désignez-les par leur mention ou leur identifiant.
live-no-open-actions = Aucune action ouverte.
live-open-actions-header = **Actions ouvertes**
live-open-actions-at-start = **Actions ouvertes des séances précédentes** (`action done N` quand l'une est faite)
live-all-actions-done = Toutes les actions des séances précédentes sont faites.
live-no-such-action = Ce groupe n'a pas d'action n° { $id } ; `action list` montre celles qui sont ouvertes.
live-not-an-action = Le n° { $id } est une note ou une décision, pas une action.
live-action-already-done = L'action n° { $id } est déjà faite.
live-action-not-yours = L'action n° { $id } est confiée à { $owner } : seule cette personne ou un animateur peut la marquer faite.
live-action-done = L'action n° { $id } est faite : { $owner } : { $text }

## Petits groupes
live-breakout-rooms-bad = Il faut au moins un fil, pas { $n } : p. ex. `breakout 3 --minutes 15`.
live-breakout-too-many-rooms = Il peut y avoir au plus 25 fils, pas { $n }.
live-breakout-minutes-bad = Les petits groupes durent de 1 à 180 minutes, pas { $m }.
live-breakout-more-rooms-than-members = { $present ->
    [one] { $present } membre est présent dans cette séance : { $rooms } fils en laisseraient certains vides. Demandez-en au plus { $present }.
   *[other] { $present } membres sont présents dans cette séance : { $rooms } fils en laisseraient certains vides. Demandez-en au plus { $present }.
}
live-breakout-nobody = Personne n'est encore présent dans cette séance (un membre compte dès qu'il écrit, vote, lève la main ou rejoint le salon vocal).
live-breakout-running = Des petits groupes sont déjà en cours dans cette séance ; ils se terminent d'eux-mêmes à la fin du temps.
live-breakout-started = { $rooms ->
    [one] Petits groupes : { $rooms } fil pour { $minutes }, { $how }. Chaque fil reçoit une question ; à la fin, chacun est invité à rendre compte en une ligne.
   *[other] Petits groupes : { $rooms } fils pour { $minutes }, { $how }. Chaque fil reçoit une question ; à la fin, chacun est invité à rendre compte en une ligne.
}
live-breakout-by-chance = membres répartis au hasard
live-breakout-by-opinion = chaque fil mêle les groupes de la carte des opinions
live-breakout-no-groups = membres répartis au hasard, car la carte des opinions n'a pas de groupes ({ $reason })
live-room-name = Petit groupe { $seq } sur { $of }
live-room-members = Membres :
live-room-until = Jusqu'à :
live-room-question = Question :
live-room-report-later = À la fin du temps, le bot demande ici un compte rendu d'une ligne.
live-room-ask = ⏰ Le temps est écoulé. Que l'un de vous réponde ici avec le compte rendu de ce fil en une ligne : la première réponse est reprise dans le fil principal.
live-default-prompt-item = Quel est l'argument le plus fort avancé jusqu'ici sur « { $title } », et quel est le plus faible ?
live-default-prompt = Quel est l'argument le plus fort de la lecture, et quel est le plus faible ?
live-gathered-header = { $n ->
    [one] ## Comptes rendus des petits groupes ({ $n } fil)
   *[other] ## Comptes rendus des petits groupes ({ $n } fils)
}
live-gathered-line = - **Fil { $seq }** ({ $who }) : { $text }
live-gathered-none = - **Fil { $seq }** : pas de compte rendu

## Présence
live-attendance-header = **Présence aux séances en direct** (qui a écrit, voté, levé la main, pris des notes ou était en vocal)
live-nobody = personne
