# Les vues détaillées : carte des opinions, bilan des changements d'avis, résumé hebdomadaire, procès-verbal et compte rendu d'un séminaire en direct.

## Commun
count-claims = { $n ->
    [one] { $n } affirmation
   *[other] { $n } affirmations
}
a-member = un membre

## La carte des opinions (prompts/map.md.j2)
map-title = Carte des opinions
map-scope-week = cette semaine
map-no-claims = Personne n'a encore voté sur une affirmation ici. Publiez les affirmations de l'extrait en cartes avec `claim cards`, ou approuvez celles des membres depuis `claim queue`.
map-voters = { $voters ->
    [one] { $voters } membre a voté
   *[other] { $voters } membres ont voté
} sur { $claims ->
    [one] { $claims } affirmation
   *[other] { $claims } affirmations
} ; { $participants ->
    [one] { $participants } a voté sur au moins { $min } et figure sur la carte.
   *[other] { $participants } ont voté sur au moins { $min } et figurent sur la carte.
}
map-groups-heading = { $n ->
    [one] { $n } groupe d'opinion
   *[other] { $n } groupes d'opinion
}
map-silhouette = silhouette { $s }
map-group = Groupe { $name }
map-representative = { $agrees ->
    [true] plus d'accord
   *[false] plus en désaccord
} que les autres : { $label } « { $text } » ({ $share } % du groupe { $group }, { $rest } % des autres ; { $p })
map-side-agrees = d'accord
map-side-disagrees = pas d'accord
map-no-representative = aucune affirmation ne distingue nettement ce groupe
map-common-ground = Terrain d'entente
map-every-group = tous les groupes
map-agree = D'accord
map-disagree = Pas d'accord
map-consensus-all = { $groups ->
    [true] tout le monde dans chaque groupe
   *[false] tous les votants
}
map-consensus-share = { $groups ->
    [true] au moins { $pct } % dans chaque groupe
   *[false] au moins { $pct } % des votants
}
map-no-consensus = { $groups ->
    [true] aucune affirmation n'est encore partagée par tous les groupes
   *[false] aucune affirmation n'est encore partagée par la plupart des membres
}
map-divides = Là où les avis divergent
map-no-divide = { $groups ->
    [true] aucune affirmation ne divise les groupes
   *[false] aucune affirmation ne divise les membres
}
map-claims = Affirmations
map-claim-votes = d'accord { $agree }, pas d'accord { $disagree }, passe { $pass }
map-divide-shares = { $agree } % d'accord, { $disagree } % pas d'accord
map-divide-group = groupe { $name } { $lean ->
    [agree] penche vers l'accord
    [disagree] penche vers le désaccord
   *[split] est partagé
} ({ $mean })
map-clarity-clear = groupes nets et bien séparés
map-clarity-fair = groupes assez nets
map-clarity-weak = groupes qui se recoupent un peu
map-no-groups-few-voters = { $qualified ->
    [one] pas de groupes d'opinion : seul { $qualified } membre a voté sur au moins { $min } affirmations, et il en faut { $need } pour former des groupes
   *[other] pas de groupes d'opinion : seuls { $qualified } membres ont voté sur au moins { $min } affirmations, et il en faut { $need } pour former des groupes
}
map-no-groups-small = pas de groupes d'opinion : le découpage le plus net ({ $k } groupes) laisserait un groupe de { $smallest }, et un groupe doit compter au moins { $min } membres
map-no-groups-unclear = pas de groupes d'opinion : les votes ne forment pas de groupes nets (le meilleur découpage, { $k } groupes, a une silhouette de { $silhouette } ; il faut { $need })
map-no-claims-reason = personne n'a encore voté sur une affirmation dans cette séance
map-alt-nobody = Carte des opinions ({ $scope }) : personne n'a voté sur assez d'affirmations pour y figurer.
map-alt-intro = Carte des opinions ({ $scope }) : { $members ->
    [one] { $members } membre placé
   *[other] { $members } membres placés
} selon leurs votes sur { $claims ->
    [one] { $claims } affirmation
   *[other] { $claims } affirmations
}, en points sur deux axes.
map-alt-one-colour = Tous les points sont de la même couleur. { $reason }.
map-alt-group = Le groupe { $name } ({ $size ->
    [one] { $size } membre
   *[other] { $size } membres
}) se trouve { $place ->
    [right] à droite
    [left] à gauche
    [top] en haut
   *[bottom] en bas
}.
map-alt-axis = L'axe gauche–droite suit surtout { $label } (« { $text } ») ; chaque affirmation est dessinée comme une flèche étiquetée pointant vers ceux qui l'approuvent.
map-chart-title = Carte des opinions · { $scope }
map-chart-subtitle = { $groups ->
    [one] { $groups } groupe d'opinion
   *[other] { $groups } groupes d'opinion
} · silhouette { $s } · { $placed ->
    [one] { $placed } membre placé
   *[other] { $placed } membres placés
}
map-chart-group = Groupe { $name } ({ $size })
map-chart-axis-1 = axe 1 · { $pct } % des différences de vote
map-chart-axis-2 = axe 2 · { $pct } %
map-chart-no-groups = un membre (pas de groupes)
map-chart-claims = Affirmations (les flèches pointent vers l'accord)
map-chart-no-arrow = (pas de flèche : ne sépare pas les membres)
map-chart-more = … et { $n } de plus (voir le texte)

## Comment la discussion a fait bouger les avis (prompts/report.md.j2)
report-title = Comment la discussion a fait bouger les avis
report-none = Aucune affirmation n'a été posée à la fois avant et après la discussion ici. Posez-en une avec `poll create "…" --phase pre` (ou `claim approve N --phase pre`) avant, et `poll create --phase post` après.
report-pair = n° { $pre } avant, n° { $post } après
report-suppressed = Moins de 3 membres ont voté les deux fois sur cette affirmation anonyme : leur évolution n'est donc pas montrée.
report-changed = { $changed } sur { $paired } ont changé de vote ({ $pct } %) : { $positive } vers « { $positive_pole } », { $negative } vers « { $negative_pole } ».
report-change = Changement : { $effect }.
report-nobody-changed = personne n'a changé
report-spoke = Membres qui ont pris la parole
report-only-voted = Membres qui ont seulement voté
report-too-few = moins de 3, non montré
report-learned-heading = Ce que les membres ont appris
report-quiz-answer = bonne réponse : { $answer }
report-quiz-line = { $before } % de bonnes réponses avant, { $after } % après ({ $paired } ont répondu les deux fois) ; { $learned } l'ont appris, { $unlearned } l'ont oublié.
report-test-mcnemar = Test exact de McNemar
report-test-wilcoxon = Test des rangs signés de Wilcoxon
report-toward = vers « { $pole } »
report-arm-changed = { $changed } sur { $paired } ont changé
report-in-share = sur la proportion
report-on-scale = sur l'échelle
report-effect = { $value } { $unit }
report-effect-ci = { $value } { $unit } (IC à 95 % de { $low } à { $high })
report-verdict-too-few = trop peu de votes pour conclure
report-verdict-no-change = personne n'a changé de vote
report-verdict-likely = probablement un vrai déplacement { $direction }
report-verdict-maybe = peut-être un déplacement { $direction }, mais trop peu de votes pour en être sûr
report-verdict-no-sign = aucun signe d'un vrai déplacement (les changements sont allés dans les deux sens ou ont été rares)
report-quiz-gain = { $value } points dans la proportion de bonnes réponses (IC à 95 % de { $low } à { $high })
report-quiz-likely = probablement un vrai apprentissage
report-quiz-maybe = peut-être un peu d'apprentissage, mais trop peu de réponses pour en être sûr
report-quiz-no-change = personne n'a changé de réponse
report-linkage = Sur les { $learned } qui ont appris quelque chose, { $learned_changed } ont changé un vote ({ $learned_pct } %) ; sur les { $others } autres, { $others_changed } l'ont fait ({ $others_pct } %). Test exact de Fisher : { $p }{ $linked ->
    [true] {" "}: ceux qui ont appris sont probablement ceux qui ont changé
   *[false] {" "}: pas de lien net entre apprendre et changer d'avis
}.
report-linkage-too-few = Trop peu de membres ont répondu au quiz et voté sur les affirmations les deux fois pour dire si ceux qui ont appris sont ceux qui ont changé (il en faut 3 de chaque côté).

## Le résumé hebdomadaire (prompts/digest.md.j2)
digest-date-pattern = %-d %B %Y
digest-title = Semaine du { $week } dans { $group }
digest-read = Lu cette semaine
digest-reading = { $title } (extrait { $seq })
digest-themes = Thèmes récurrents
digest-shifts = Comment les avis ont bougé
digest-shift = « { $claim } » : { $changed } sur { $paired } ont changé de vote
digest-shift-net = , déplacement net { $net } vers « { $pole } »
digest-map = Où en est le groupe
digest-map-counts = { $claims ->
    [one] { $claims } affirmation
   *[other] { $claims } affirmations
}, { $members ->
    [one] { $members } membre placé sur la carte des opinions
   *[other] { $members } membres placés sur la carte des opinions
}
digest-map-groups = { $n ->
    [one] { $n } groupe d'opinion
   *[other] { $n } groupes d'opinion
} (silhouette { $s })
digest-map-group = groupe { $name } : { $size }
digest-common-ground = Terrain d'entente : « { $text } » ({ $side })
digest-divides = Divise : « { $text } »
digest-threads = Fils les plus actifs

## Procès-verbal (prompts/minutes.md.j2)
minutes-title = Procès-verbal : { $title }
minutes-group = Groupe : { $group }
minutes-date = Date : { $date }
minutes-replies = Réponses : { $n }
minutes-excerpt = Extrait
minutes-position = { $seq } sur { $total }
minutes-questions = Questions
minutes-edited = (modifié)
minutes-deleted = (supprimé)
minutes-by-item = Discussion, point par point
minutes-before-agenda = Avant l'ordre du jour
minutes-no-item-replies = Aucune réponse sur ce point.
minutes-discussion = Discussion
minutes-no-replies = Aucune réponse n'a été enregistrée.
minutes-seminar = Le séminaire
minutes-poll = Sondage n° { $id }

## Compte rendu d'un séminaire en direct (prompts/live.md.j2)
record-by-item = Point par point
record-item-minutes = { $minutes } min
record-ran = tenu { $ran }
record-did-not-run = non tenu
record-poll = Sondage { $poll }
record-note = Note : { $text }
record-decision = Décision :
record-action = Action { $text }
record-outside = Hors ordre du jour
record-breakout = Petits groupes à { $at }
record-breakout-detail = { $rooms ->
    [one] { $rooms } fil
   *[other] { $rooms } fils
}, { $minutes } min
record-mixing = groupes d'opinion mélangés
record-room = Fil { $seq } ({ $members }) sur « { $prompt } »
record-no-report = pas de compte rendu
record-attendance = Présences
attended-wrote = a écrit
attended-voted = a voté
attended-hand = a levé la main
attended-noted = a pris des notes
attended-voice = en vocal
