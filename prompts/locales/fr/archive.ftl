# Les pages de l'archive statique (prompts/archive/*.html.j2, src/engine/archive.rs) et les
# mots qu'affiche sa recherche (prompts/archive/search.js les reçoit de search-index.js).

archive-date-pattern = %a %-d %b %Y
# Words quoted from the reading or a member, in the language's quotation marks.
archive-quoted = « { $text } »
archive-skip = Aller au contenu
archive-nav = Archive
archive-readings = Lectures
archive-sessions = Séances
archive-search = Recherche
archive-footer = L'archive de { $group }, écrite par colloquy à partir des traces du groupe. Les membres qui ont demandé à ne pas être cités par leur nom apparaissent comme « { a-member } ».

## La page du groupe
archive-empty-group = Rien ne s'est encore passé dans ce groupe : aucune lecture importée, aucune séance tenue. L'archive se remplit après la première séance.
archive-by-author = par { $author }
archive-discussed-of = { $discussed ->
    [one] { $discussed } extrait discuté sur { $total }
   *[other] { $discussed } extraits discutés sur { $total }
}
archive-sessions-caption = Chaque séance, avec ses réponses et les membres qui ont écrit ; la barre compare les réponses de la séance à celles de la séance la plus animée.
archive-col-date = Date
archive-col-session = Séance
archive-col-members = Membres
archive-col-replies = Réponses
archive-in-progress = en cours
archive-participation = La participation au fil du temps
archive-session-tip = { $title } : { $replies ->
    [one] { $replies } réponse
   *[other] { $replies } réponses
} de { $members ->
    [one] { $members } membre
   *[other] { $members } membres
}
archive-participation-caption = { $n ->
    [one] Réponses par séance, de la plus ancienne à la plus récente ({ $n } séance) ; le tableau ci-dessus donne les chiffres de chaque séance.
   *[other] Réponses par séance, de la plus ancienne à la plus récente ({ $n } séances) ; le tableau ci-dessus donne les chiffres de chaque séance.
}
archive-shifts = Comment les opinions ont bougé
archive-col-claim = Affirmation
archive-col-net-shift = Déplacement net
archive-col-changed = Ont changé
archive-toward = vers « { $pole } »
archive-changed-of = { $changed } sur { $paired }
archive-shifts-caption = Chaque paire de sondages avant et après la discussion : le déplacement net sur l'échelle du sondage (les barres vers la droite vont vers l'accord, vers la gauche s'en éloignent), et combien de ceux qui ont voté les deux fois ont changé d'avis.
archive-no-shifts = Aucune paire de sondages avant et après n'est encore close : il n'y a pas de déplacement à montrer.

## La carte de lecture (pages de lecture et de séance)
archive-sentence-tip = { $n ->
    [one] { $n } réponse a cité ou repris cette phrase
   *[other] { $n } réponses ont cité ou repris cette phrase
}
archive-notes = Notes
archive-most-discussed = Le passage le plus discuté
archive-most-contested = La phrase la plus contestée
archive-contested-counts = { $agree } de membres d'accord avec l'affirmation, { $disagree } de membres en désaccord
archive-direct-title = Réponses à l'extrait lui-même
archive-direct = { $n ->
    [one] { $n } réponse a répondu directement au message de l'extrait (une réponse sur la plateforme).
   *[other] { $n } réponses ont répondu directement au message de l'extrait (une réponse sur la plateforme).
}
archive-confusions = Questions des membres sur une phrase
archive-legend = Teinte selon combien une phrase a été discutée :
archive-heat-0 = pas citée
archive-heat-1 = un peu
archive-heat-2 = assez
archive-heat-3 = beaucoup
archive-heat-4 = le plus
archive-legend-explained = Une phrase est teintée selon le nombre de réponses qui l'ont citée ou reprise de près ; le petit nombre qui la suit les compte. La phrase la plus discutée est encadrée, la plus contestée soulignée d'une ligne ondulée.

## Une lecture
archive-reading-size = { $words ->
    [one] { $words } mot
   *[other] { $words } mots
} en { $excerpts ->
    [one] { $excerpts } extrait
   *[other] { $excerpts } extraits
}
archive-reading-map = La carte de lecture
archive-excerpt-n = Extrait { $seq }
archive-discussed-on = discuté le { $date }
archive-not-discussed = pas encore discuté
archive-questions = Questions
archive-no-excerpt-yet = Le groupe n'a encore reçu aucun extrait de cette lecture.
archive-to-come = { $n ->
    [one] Encore { $n } extrait à venir : l'archive montre un extrait une fois que le groupe l'a reçu.
   *[other] Encore { $n } extraits à venir : l'archive montre un extrait une fois que le groupe l'a reçu.
}

## Une séance
archive-edited = modifiée
archive-deleted = supprimée
archive-orphan = (en réponse à un message qui n'est plus ici)
archive-permalink = Lien vers cette réponse
archive-reply-deleted = Cette réponse a été supprimée.
archive-on-this-page = Sur cette page
archive-excerpt = Extrait
archive-discussion = Discussion
archive-polls = Sondages
archive-summary = Résumé
archive-opinion-map = Carte des opinions
archive-minutes-printable = Compte rendu (à imprimer)
archive-the-excerpt = L'extrait
archive-no-replies = Aucune réponse n'a été enregistrée pendant cette séance.
archive-poll-title = Sondage n° { $id } : { $claim }
archive-poll-title-phase = { $phase ->
    [pre] Sondage n° { $id } (avant la discussion) : { $claim }
   *[post] Sondage n° { $id } (après la discussion) : { $claim }
}
archive-poll-anonymous = Sondage anonyme
archive-poll-named = Sondage nominatif
archive-scale = { $scale ->
    [agree] d'accord / pas d'accord
    [likert5] échelle en cinq points
    [yesno] oui / non
    [card] carte d'affirmation
   *[custom] les options propres du sondage
}
archive-poll-closed = clos
archive-poll-closes = se clôt { $when }
archive-results-hidden = Les résultats restent cachés jusqu'à la clôture du sondage.
archive-col-option = Option
archive-col-votes = Voix
archive-col-share = Part
archive-reasons = Raisons données
archive-who-voted = Qui a voté quoi ({ $n })
archive-map-in-summary = Le résumé ci-dessus décrit la carte : ses groupes, ce sur quoi ils s'accordent et où ils divergent.
archive-minutes = Compte rendu
archive-minutes-about = Le compte rendu réunit l'extrait, les questions, toutes les réponses dans l'ordre, les sondages et le résumé, sur une page faite pour l'impression.
archive-minutes-open = Ouvrir le compte rendu de cette séance

## Recherche (la page et les mots qu'affiche search.js)
archive-search-label = Chercher dans les réponses et les extraits
archive-search-button = Chercher
archive-search-needs-script = La recherche a besoin de JavaScript ; chaque page de l'archive se lit sans lui.
archive-search-prompt = { $n ->
    [one] Tapez des mots pour les trouver dans les réponses et les extraits ({ $n } entrée).
   *[other] Tapez des mots pour les trouver dans les réponses et les extraits ({ $n } entrées).
}
archive-search-none = Rien trouvé pour « { $query } ».
archive-search-found = { $form ->
    [one] { $n } résultat pour « { $query } ».
   *[other] { $n } résultats pour « { $query } ».
}
archive-search-first = Seuls les { $max } premiers sont affichés.
archive-search-reply-in = { $who } dans { $title }
archive-search-reply = Réponse
archive-search-excerpt = Extrait
