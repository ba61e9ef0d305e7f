# Le reste de ce qu’écrit le bot : les lignes propres aux adaptateurs, les statistiques,
# les mots du graphique des sondages, la note des réponses coupées et les avis de la console.

## Options Discord refusées avant toute exécution
discord-deadline-twice = Donnez l’échéance une seule fois : minutes, heures ou heure de fin.
discord-deadline-missing = Indiquez la durée : minutes, heures ou heure de fin.
discord-session-and-reading = Donnez une séance ou une lecture, pas les deux.
discord-quiz-question-missing = Donnez la question, avec ses options et la bonne réponse.
reply-done = C’est fait.

## Séances et statistiques
session-live-title = séance en direct nº { $id }
session-number = séance nº { $id }
session-none-yet = Aucune séance n’a encore eu lieu ici.
summary-nobody-yet = Personne n’a encore répondu dans la séance nº { $id } : il n’y a donc pas de synthèse.
summary-nobody-replied = Personne n’a répondu dans { $title } (séance nº { $id }) dans { $group } : aucune synthèse n’a donc été publiée.
stats-title = **Participation dans { $group }**
stats-totals = { $sessions }, { $replies } de { $members ->
    [one] { $members } participant
   *[other] { $members } participants
}, { $words }. Prises de parole réparties { $evenness }. { $polls }.
stats-member = - { $name } : { $replies }, { $words }
stats-more = - et { $n } de plus

## Le graphique des résultats d’un sondage
count-voters = { $n ->
    [one] { $n } votant
   *[other] { $n } votants
}
chart-before = Avant
chart-after = Après
chart-votes = Votes
chart-series-label = { $name } (sondage nº { $id } · { $voters })
chart-single-subtitle = Sondage nº { $id } · { $voters }
chart-pair-subtitle = Sondage nº { $pre } avant et nº { $post } après la discussion
chart-net-shift = { " · " }glissement net { $net } vers « { $pole } »
chart-changed = { " · " }{ $changed } sur { $paired } ayant voté les deux fois ont changé d’avis
chart-caption-single = Chaque barre : nombre · part des votants
chart-caption-pair = Chaque barre : nombre · part des votants de ce sondage
chart-alt-single = Diagramme en barres du sondage nº { $id }, part de chaque option parmi { $voters } : { $bars }.
chart-alt-pair = Diagramme en barres appariées du sondage nº { $pre } avant et nº { $post } après la discussion, chacun en part de ses propres votants. Avant ({ $before_voters }) : { $before }. Après ({ $after_voters }) : { $after }. { $changed } sur { $paired ->
    [one] { $paired } participant
   *[other] { $paired } participants
} ayant voté deux fois ont changé leur vote{ $net }.
chart-alt-net = ; glissement net { $net }

## Matrix
matrix-poll-question = Sondage nº { $id } : { $claim }
matrix-poll-fallback = Votez dans le sondage, ou tapez `!cq vote { $id } OPTION`.
matrix-poll-anonymous = Pour voter, envoyez-moi un **message privé** : `!cq vote { $id } OPTION` (le numéro ou le nom d’une option). Les votes tapés dans ce salon sont refusés, pour que personne ne les voie.
matrix-poll-closed = Le sondage nº { $id } est clos ; les résultats suivent.
matrix-reason-not-added = Votre justification n’a pas été ajoutée : { $error }
matrix-vote-not-counted = Votre vote au sondage nº { $id } n’a pas été compté : { $error }
matrix-not-a-file = Le message auquel vous avez répondu n’est pas un fichier. Envoyez le fichier .txt ou .md, puis répondez-y avec `!cq reading import`.
matrix-fetch-failed = Je n’ai pas pu récupérer le message auquel vous avez répondu ({ $error }).
matrix-download-failed = Je n’ai pas pu télécharger « { $name } » ({ $error }).
matrix-file-too-big = « { $name } » pèse { $size } ; la limite est de { $limit }. Découpez la lecture en parties et importez-les l’une après l’autre.
matrix-vote-redacted-reason = un vote anonyme se fait en message privé
matrix-vote-removed = J’ai retiré votre message de ce salon.
matrix-sent-privately = Je vous ai envoyé un message privé.
matrix-private-failed = Je n’ai pas pu vous envoyer de message privé ({ $error }). Ouvrez une discussion privée avec moi et réessayez.
matrix-vote-delete-it = Vous voudrez peut-être supprimer votre message ici.

## Réponses
reply-cut-note = […coupé : le message dépassait { $max } caractères]

## La console
console-place-excerpt = l’extrait { $seq }
console-place-excerpt-of = l’extrait { $seq } de « { $title } »
console-thread-now = (la console est maintenant dans le fil de { $place } : les messages y vont ; /channel publie dans le salon)
console-posting-in-thread = (publication dans le fil de { $place })
console-posting-no-thread = (publication dans le fil du dernier extrait ; il n’y en a pas encore, donc dans le salon)
console-posting-in-channel = (publication dans le salon ; /thread revient au fil de l’extrait)
console-vote-removed = (retiré : un vote anonyme se fait en message privé)
console-vote-dm-hint = Dans la console : `/dm !cq vote …`.
console-privately-to = (en privé à { $name })
console-file-saved = 📎 { $name } enregistré dans { $path } — { $description }
console-file-not-saved = 📎 { $name } n’a pas pu être enregistré dans { $path } : { $error }
console-file = 📎 { $name } ({ $bytes } octets) — { $description }
console-poll-how = (pour voter : `!cq vote { $id } OPTION [--reason "…"]`)
console-poll-how-anonymous = (anonyme : votez en message privé avec `/dm !cq vote { $id } OPTION`)
console-thread-opened = fil « { $name } » ouvert
console-thread-opened-in = fil « { $name } » ouvert ({ $thread } : `/in { $thread } TEXTE` y publie)

## Discord excerpt posts
discord-excerpt-author = Extrait { $position } sur { $total }
discord-excerpt-footer-by = { $author } · répondez dans le fil
discord-excerpt-footer = Répondez dans le fil

# Buttons under a poll and under a live session's agenda post.
discord-button-vote-with-reason = Voter avec une raison
discord-button-raise-hand = Lever la main
discord-button-lower-hand = Baisser la main

# Discord: the vote-with-a-reason flow, and controls or forms of an older post.
discord-control-gone = Ce contrôle n’est plus utilisé.
discord-form-gone = Ce formulaire n’est plus utilisé.
discord-reason-choose = Choisissez votre réponse
discord-reason-intro = Sondage n° { $poll } : choisissez votre réponse, puis écrivez votre raison ({ $max } caractères au plus). Les raisons sont montrées avec les résultats, jamais avec les noms.
discord-reason-choose-one = Choisissez l’une des réponses.
discord-reason-label = Pourquoi votez-vous ainsi ?
discord-reason-placeholder = Montrée avec les résultats, jamais avec votre nom.
discord-reason-title = Votre raison
