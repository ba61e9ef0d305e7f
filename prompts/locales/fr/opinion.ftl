# Les thèses des membres et leur examen, les cartes de thèse, les questions de quiz, la carte des opinions et le rapport.

claim-no-session = Aucune séance n’est ouverte ici, il n’y a donc rien pour quoi proposer une thèse. Réessayez quand le prochain extrait sera publié.
claim-decided-by-you = vous
claim-already-approved-card-by = La thèse nº { $id } a déjà été approuvée par { $by } et publiée comme carte nº { $card } ; rien n’a changé.
claim-already-approved-card = La thèse nº { $id } a déjà été approuvée et publiée comme carte nº { $card } ; rien n’a changé.
claim-already-approved-by = La thèse nº { $id } a déjà été approuvée par { $by } ; rien n’a changé.
claim-already-approved = La thèse nº { $id } a déjà été approuvée ; rien n’a changé.
claim-already-rejected-by = La thèse nº { $id } a déjà été rejetée par { $by } ; rien n’a changé.
claim-already-rejected = La thèse nº { $id } a déjà été rejetée ; rien n’a changé.
claim-no-words = Cette thèse ne contient aucun mot ; écrivez l’affirmation sur laquelle les membres voteront.
claim-in-session = Cette séance a déjà cette thèse (l’extrait la propose, ou elle est déjà soumise au vote).
claim-already-proposed = Quelqu’un a déjà proposé cette thèse pendant cette séance ; votez quand sa carte sera publiée.
claim-queued = Merci : votre thèse porte le nº { $id } dans la file. Un animateur va l’examiner ; une fois approuvée, elle sera publiée comme une carte sur laquelle tout le monde peut voter.
claim-queue-empty = Aucune thèse n’attend d’examen.
claim-queue-title = { $n ->
    [one] { $n } thèse attend un examen :
   *[other] { $n } thèses attendent un examen :
}
claim-former-member = un ancien membre
claim-queue-how = `claim approve N` en publie une comme carte de vote (ajoutez "nouvelle formulation" pour la modifier) ; `claim reject N` l’écarte.
claim-no-such = Ce groupe n’a pas de thèse proposée nº { $id }.
claim-approve-post = Une thèse proposée est approuvée comme nouvelle carte (ou carte « avant ») ; reposez-la après la discussion avec `poll create --phase post`.
claim-reworded-empty = La thèse reformulée ne contient aucun mot.
claim-reworded-taken = La séance a déjà une thèse avec ces mots ; reformulez-la autrement ou rejetez celle-ci.
claim-approved = La thèse nº { $id } est approuvée et publiée comme carte nº { $card }.
claim-rejected = La thèse nº { $id } est rejetée : elle ne sera publiée ni montrée nulle part.

cards-no-session = Aucune séance n’est ouverte ici ; publiez d’abord un extrait (`excerpt next`).
cards-none-suggested = L’extrait en cours ne propose aucune thèse. Les membres peuvent proposer les leurs avec `claim add "…"`.
cards-all-posted = Chaque thèse que propose l’extrait a déjà sa carte dans cette séance.
cards-posted = { $n ->
    [one] { $n } thèse publiée comme carte de vote : { $cards }.
   *[other] { $n } thèses publiées comme cartes de vote : { $cards }.
}

quiz-needs-answer = Une question de quiz a besoin de sa bonne réponse : ajoutez --answer N (1 est la première option).
quiz-bad-answer = --answer { $answer } ne fait pas partie des { $n } options ; donnez un nombre de 1 à { $n }.
quiz-no-pre = Aucune question de quiz « avant » n’attend sa paire ; ajoutez-en d’abord une avec --phase pre.
quiz-pre-is-poll = Le sondage « avant » en attente (nº { $id }) est un sondage, pas une question de quiz ; créez sa paire avec `poll create --phase post`.
quiz-post-answer = Une question de quiz « après » garde la réponse de sa question « avant » ; retirez --answer.
quiz-open-pre = La question de quiz nº { $id } est ouverte (avant la discussion). La bonne réponse reste cachée dans les résultats ; le rapport montre ce que les membres ont appris.
quiz-open-post = La question de quiz nº { $id } est ouverte (après la discussion). La bonne réponse reste cachée dans les résultats ; le rapport montre ce que les membres ont appris.

map-scope-session = séance n° { $id }
map-scope-reading = lecture n° { $id } ({ $title })
map-no-session = Ce groupe n’a pas encore eu de séance ; la carte a besoin de thèses votées pendant une séance.
report-no-session = Ce groupe n’a pas encore eu de séance.
session-no-such = Ce groupe n’a pas de séance nº { $id }.
