# Les données d’un membre (privacy my-data, forget-me, quotes) et les exports.

privacy-votes-on-cards = { $n ->
    [one] { $n } sur une carte de thèse
   *[other] { $n } sur des cartes de thèse
}
privacy-quiz-answers = { $n ->
    [one] { $n } réponse de quiz
   *[other] { $n } réponses de quiz
}
privacy-claims-approved = { $n ->
    [one] { $n } approuvée
   *[other] { $n } approuvées
}
privacy-claims-pending = { $n } en attente d’examen
privacy-claims-rejected = { $n ->
    [one] { $n } rejetée
   *[other] { $n } rejetées
}
privacy-claims-proposed = { $n ->
    [one] { $n } thèse que vous avez proposée ({ $parts })
   *[other] { $n } thèses que vous avez proposées ({ $parts })
}
privacy-my-data = Voici ce que colloquy conserve à votre sujet : { $replies }, { $votes } (les votes anonymes ne peuvent pas vous être rattachés, ils ne figurent donc pas ici).
privacy-my-data-claims = Voici ce que colloquy conserve à votre sujet : { $replies }, { $votes } et { $claims } (les votes anonymes ne peuvent pas vous être rattachés, ils ne figurent donc pas ici).
privacy-no-record = Vous n’avez aucune fiche ici.
privacy-my-data-file = Vos réponses, votes et thèses proposées au format JSON
privacy-forget-ask = Cette commande supprime vos { $replies }, vos { $votes } et votre fiche de membre partout où colloquy fonctionne, et refait les synthèses qui vous citaient ou montraient vos raisons. Les messages déjà publiés dans le salon y restent. Les votes anonymes restent, impossibles à rattacher.
privacy-forget-ask-claims = { $n ->
    [one] Cette commande supprime vos { $replies }, vos { $votes }, la thèse que vous avez proposée et qui n’a pas été approuvée, et votre fiche de membre partout où colloquy fonctionne, et refait les synthèses qui vous citaient ou montraient vos raisons. Les messages déjà publiés dans le salon y restent. Les votes anonymes restent, impossibles à rattacher.
   *[other] Cette commande supprime vos { $replies }, vos { $votes }, les { $n } thèses que vous avez proposées et qui n’ont pas été approuvées, et votre fiche de membre partout où colloquy fonctionne, et refait les synthèses qui vous citaient ou montraient vos raisons. Les messages déjà publiés dans le salon y restent. Les votes anonymes restent, impossibles à rattacher.
}
privacy-forget-cards-stay = { $n ->
    [one] La thèse que vous avez proposée et qui est devenue une carte de vote reste au groupe, sans nom.
   *[other] Les thèses que vous avez proposées et qui sont devenues des cartes de vote restent au groupe, sans nom.
}
privacy-forget-confirm-hint = Pour continuer : `privacy forget-me --confirm`.
privacy-proposed-claims = { $n ->
    [one] { $n } thèse proposée
   *[other] { $n } thèses proposées
}
privacy-forgot = C’est fait : { $replies } et { $votes } supprimés, et votre fiche de membre a disparu.
privacy-forgot-with-claims = C’est fait : { $replies }, { $votes } et { $claims } supprimés, et votre fiche de membre a disparu.
privacy-forgot-nothing = C’est fait : colloquy ne conservait rien à votre sujet, donc rien n’a été supprimé.
privacy-forgot-after = Rien de ce que vous avez écrit ou voté jusqu’ici ne sera enregistré de nouveau, même quand le bot redémarre et relit l’historique du salon. Si vous participez de nouveau (en écrivant pendant une séance ou en votant), ce sera enregistré comme d’habitude, et `privacy forget-me` l’effacera de nouveau.
privacy-quotes-on = Les synthèses peuvent de nouveau vous citer par votre nom.
privacy-quotes-off = Désormais, les synthèses vous citent comme « un membre », jamais par votre nom, et le LLM optionnel ne peut pas vous nommer.

export-ready = Export prêt : { $files }.
export-no-minutes = Aucune séance n’a encore eu lieu ici, il n’y a donc pas de compte rendu.
export-minutes-file = Compte rendu de la séance nº { $id }
export-replies-file = Réponses au format CSV
export-votes-file = Votes des sondages nominatifs au format CSV
export-anonymous-votes-file = Votes des sondages anonymes au format CSV, sans les votants
export-attendance-file = Présence aux séances en direct au format CSV (heure locale)
export-json-file = Tout ce qui concerne ce groupe au format JSON
