# Créer, prolonger et clore des sondages ; les votes et leurs raisons.

poll-no-such = Ce groupe n’a pas de sondage nº { $id }.
poll-none-open = Aucun sondage n’est ouvert ici.
poll-several-open = Plusieurs sondages sont ouverts ({ $polls }) ; précisez lequel, p. ex. `poll close { $last }`.
poll-none-yet = Aucun sondage n’a encore eu lieu ici.
poll-no-pre = Aucun sondage `--phase pre` n’attend sa paire. Créez d’abord le sondage « avant ».
poll-no-suggestion = { $count ->
    [one] Il n’y a pas de suggestion { $n } ; `poll suggest` propose { $count } thèse pour l’extrait en cours.
   *[other] Il n’y a pas de suggestion { $n } ; `poll suggest` propose { $count } thèses pour l’extrait en cours.
}
poll-claim-and-suggestion = Donnez une thèse ou --suggestion, pas les deux.
poll-claim-missing = Donnez la thèse à soumettre au vote, entre guillemets.
poll-post-scale = Un sondage « après » reprend l’échelle de son sondage « avant » ({ $scale }) ; retirez --scale.
poll-post-claim = Un sondage « après » reprend la thèse de son sondage « avant » (nº { $id } : « { $claim } »). Omettez la thèse pour la réutiliser.
poll-post-anonymous = Le sondage « avant » nº { $id } n’était pas anonyme, sa paire ne peut donc pas l’être : les votes ne pourraient pas être appariés.
poll-native-elsewhere = --native sert aux sondages propres à Discord ; retirez-le ici.
poll-native-anonymous = Les sondages propres à Discord ne peuvent être ni anonymes ni masquer les résultats ; retirez --native pour voter avec des boutons.
poll-native-hours = Les sondages propres à Discord durent des heures entières : utilisez plutôt --hours N (de 1 à 720).
poll-native-extend = Un sondage propre à Discord ne peut être prolongé que d’heures entières.
poll-claim-decided = Cette thèse vient d’être approuvée ou rejetée ; `claim queue` montre ce qui reste.
poll-suggest-none = L’extrait en cours n’offre pas de thèse claire à soumettre au vote. Écrivez-en une : `poll create "…"`.
poll-suggest-title = Thèses tirées de l’extrait en cours, prêtes pour un sondage :
poll-suggest-how = Lancez-en un avec `poll create --suggestion N` (ajoutez --phase pre pour reposer la question après la discussion).
poll-extended = Le sondage nº { $id } se clôt désormais { $until }.
poll-state-closed = clos

vote-no-poll = Il n’y a pas de sondage nº { $id }.
vote-not-ours = Ce sondage n’est pas un sondage de colloquy.
vote-no-poll-here = Il n’y a pas de sondage nº { $id } ici.
vote-poll-closed = Le sondage nº { $id } est clos ; `poll results` montre comment il s’est terminé.
vote-closed-at = Le sondage nº { $id } s’est clos { $when } ; `poll results { $id }` montre comment il s’est terminé.
vote-anonymous-in-public = Le sondage nº { $id } est anonyme : envoyez-moi votre vote en message privé (`!cq vote { $id } OPTION`), pour que personne ne le voie.
vote-membership-unknown = Votre appartenance à ce groupe n’a pas pu être vérifiée pour le moment ; réessayez dans un instant.
vote-not-a-member = Le sondage nº { $id } appartient à un groupe dont vous n’êtes pas membre.
vote-forgotten = Ce vote a été émis avant que vous demandiez à colloquy de vous oublier ; il n’est donc pas enregistré.
vote-reason-anonymous = Le sondage nº { $id } est anonyme, et une réponse est vue de tous : donnez votre raison en message privé avec `vote { $id } OPTION --reason "…"`.
vote-reason-closed = Le sondage nº { $id } est clos ; on ne peut plus ajouter de raisons.
vote-reason-empty = La raison est vide.
vote-reason-first = Votez d’abord au sondage nº { $id }, puis répondez-y avec votre raison.
vote-reason-added = Votre raison est ajoutée à votre vote au sondage nº { $id }.
