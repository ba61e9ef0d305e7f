## L’extrait du jour
excerpt-position = extrait { $position } sur { $total }
excerpt-notes = Notes
excerpt-questions = Questions pour la discussion
excerpt-reply-here = Répondez dans ce fil ; vos réponses nourriront la synthèse du jour.
excerpt-thread = { $title } · { $position } sur { $total }

## Sondages
poll-title = Sondage nº { $id }
poll-card-title = Carte de thèse nº { $id }
poll-phase-pre = (avant la discussion)
poll-phase-post = (après la discussion)
poll-card-how = Votez sur autant de cartes que vous voulez ; passer est tout à fait possible. Ouvert jusqu’à { $closes } ; vous pouvez changer votre vote d’ici là.
poll-closes = Clôture { $closes }. Vous pouvez changer votre vote d’ici là.
poll-anonymous = Le vote est anonyme : personne, animateurs compris, ne peut voir qui a voté quoi.
poll-hidden = Les résultats restent masqués jusqu’à la clôture du sondage.
option-agree = D’accord
option-disagree = Pas d’accord
option-unsure = Incertain
option-pass = Je passe
option-yes = Oui
option-no = Non
option-strongly-agree = Tout à fait d’accord
option-strongly-disagree = Pas du tout d’accord
option-neutral = Ni d’accord ni pas d’accord

## Résultats
results-title = Résultats du sondage nº { $id }
results-so-far-title = Résultats provisoires du sondage nº { $id }
results-hidden = { $n ->
    [one] Les résultats restent masqués jusqu’à la clôture ({ $closes }). { $n } vote pour l’instant.
   *[other] Les résultats restent masqués jusqu’à la clôture ({ $closes }). { $n } votes pour l’instant.
}
results-suppressed = { $n ->
    [one] { $n } vote : trop peu pour détailler sans révéler qui a voté quoi.
   *[other] { $n } votes : trop peu pour détailler sans révéler qui a voté quoi.
}
results-total = { $n ->
    [one] { $n } vote.
   *[other] { $n } votes.
}
results-total-anonymous = { $n ->
    [one] { $n } vote, anonyme.
   *[other] { $n } votes, anonymes.
}
results-reasons = Raisons données
shift-title = Comment les avis ont évolué
shift-pair = { $n ->
    [one] sondage nº { $pre } avant, nº { $post } après ; { $n } participant a voté aux deux
   *[other] sondage nº { $pre } avant, nº { $post } après ; { $n } participants ont voté aux deux
}
shift-suppressed = Trop peu de participants ont voté aux deux sondages pour montrer l’évolution sans révéler personne.
shift-net = Déplacement net : { $net } vers « { $pole } » sur l’échelle.
shift-changed = { $changed } sur { $n } ont changé leur vote ({ $pct } %)
shift-directions = { $positive } vers « { $positive_pole } », { $negative } vers « { $negative_pole } »

## Synthèses
summary-title = Synthèse : { $title }
summary-message-link = message
summary-voices = prises de parole réparties { $evenness }
summary-facilitator-messages = { $n ->
    [one] { $n } message de l’animateur
   *[other] { $n } messages de l’animateur
}
summary-empty = Personne n’a répondu pendant cette séance : il n’y a rien à synthétiser.
summary-themes = Thèmes
summary-most-discussed = Le passage le plus discuté
summary-what-was-said = Ce qui a été dit
summary-disagreements = Points de désaccord
summary-disagreement-on = Sur *{ $about }*
summary-open-questions = Questions encore ouvertes
summary-before = Avant la discussion
summary-poll-ref = sondage nº { $id }
summary-in-short = En bref
summary-written-by = rédigé par { $model }
summary-wrote-share = { $name } a écrit { $pct } % des mots
summary-posted-once = { $name } est intervenu une fois
summary-evenness = { $spread } (équilibre { $evenness })
spread-evenly = de façon équilibrée
spread-fairly-evenly = de façon assez équilibrée
spread-unevenly = de façon déséquilibrée
spread-very-unevenly = de façon très déséquilibrée
pole-agree = d’accord
pole-disagree = pas d’accord
pole-yes = oui
pole-no = non
summary-excerpt-title = { $title }, extrait { $position } sur { $total }

## Réponses aux commandes
excerpt-next-posting = Publication de l’extrait suivant (séance nº { $session }).
excerpt-next-counts-today = Il compte comme la publication du jour.
excerpt-next-nothing-left = Il n’y a plus rien à publier. Importez la lecture suivante avec `reading import`.
excerpt-next-just-posted = Cet extrait vient d’être publié par quelqu’un d’autre.
vote-new = Votre vote au sondage nº { $id } : **{ $option }**. Vous pouvez le changer jusqu’à { $until }.
vote-changed = Votre vote au sondage nº { $id } est modifié : **{ $option }**. Vous pouvez le changer jusqu’à { $until }.
vote-same = Votre vote au sondage nº { $id } reste : **{ $option }**. Vous pouvez le changer jusqu’à { $until }.
vote-anonymous = Il est anonyme : personne, animateurs compris, ne peut le voir.
vote-just-closed = Le sondage nº { $id } vient de se clôturer.
poll-open = Le sondage nº { $id } est ouvert jusqu’à { $until }.
poll-card-open = La carte de thèse nº { $id } est ouverte jusqu’à { $until }.
poll-paired = Il est couplé au sondage nº { $pre } : ses résultats montreront l’évolution des votes.
poll-already-closed = Le sondage nº { $id } est déjà clos.
poll-card-closed = La carte nº { $id } est close ; `map` montre où en est le groupe, `poll results { $id }` ses propres votes.
poll-closed = Le sondage nº { $id } est clos ; ses résultats sont en cours de publication.
