# L’aide de chaque commande : son résumé, ses arguments et ses options (traduction de help.ftl).

help-setup = faire de ce salon ou de cette salle un groupe de lecture et régler son calendrier ; les options omises gardent leur valeur
help-setup--tz = le fuseau horaire, un nom IANA comme Europe/Paris (nouveaux groupes : UTC)
help-setup--time = l’heure de publication de l’extrait quotidien, sur 24 heures (nouveaux groupes : 09:00)
help-setup--days = jours de publication : `daily`, `weekdays`, `weekends`, `mon-fri` ou `mon,wed,fri` (nouveaux groupes : `daily`)
help-setup--catch-up = après une absence du bot : publier le dernier extrait manqué, ou le sauter
help-setup--summary-time = l’heure à laquelle la discussion du jour se termine et est résumée (nouveaux groupes : 21:00)
help-setup--words = environ combien de mots par extrait, de 40 à 5000 (nouveaux groupes : 220)
help-setup--name = un nom court pour le groupe
help-setup--language = la langue que parle le bot dans ce groupe : `en`, `ru`, `zh` (chinois simplifié), `de` ou `fr` (nouveaux groupes : en)
help-setup--voice-channel = Discord : le salon vocal ou de conférence dont les membres comptent comme présents aux séances en direct (nom, mention ou id) ; none pour arrêter

help-reading-import = importer le fichier .txt ou .md joint comme prochaine lecture du groupe
help-reading-import--title = le titre (par défaut : tiré du fichier)
help-reading-import--author = l’auteur (par défaut : tiré du fichier)
help-reading-import--words = environ combien de mots par extrait (par défaut : le réglage du groupe)
help-reading-import--again = importer même si le groupe a déjà une lecture au texte identique
help-reading-import--no-footnotes = laisser de côté les notes au lieu d’afficher chacune sous l’extrait qui la cite
help-reading-import--language = la langue de la lecture : `en`, `ru`, `zh`, `de` ou `fr` (par défaut : détectée dans le texte)

help-reading-list = les lectures du groupe et où il en est

help-reading-preview = le prochain extrait et ses questions, avant leur publication
help-reading-preview-arg-reading = quelle lecture, par numéro (par défaut : celle en cours)

help-excerpt-next = publier le prochain extrait maintenant (avant l’heure de publication du jour, il compte comme celui du jour)

help-schedule-status = quand vient le prochain extrait, et combien il en reste

help-schedule-pause = suspendre les publications quotidiennes (`excerpt next` fonctionne toujours)

help-schedule-resume = reprendre les publications quotidiennes après une pause

help-schedule-skip = sauter la prochaine publication prévue

help-poll-create = ouvrir un sondage sur une thèse
help-poll-create-arg-claim = la thèse à soumettre au vote, entre guillemets (un sondage « après » peut l’omettre et reprendre celle de son sondage « avant »)
help-poll-create--scale = l’échelle de réponse (par défaut : d’accord / pas d’accord / incertain)
help-poll-create--options = vos propres options, de 2 à 10, séparées par |
help-poll-create--minutes = minutes avant la clôture (par défaut : 60) ; donnez une seule de --minutes, --hours, --until
help-poll-create--hours = heures avant la clôture
help-poll-create--until = clore à cette heure locale (demain si elle est passée aujourd’hui), ou AAAA-MM-JJ HH:MM
help-poll-create--anonymous = personne, animateurs compris, ne voit qui a voté quoi ; les membres votent en message privé
help-poll-create--hidden = masquer les résultats jusqu’à la clôture du sondage
help-poll-create--phase = avant ou après la discussion ; un sondage « après » forme une paire avec le sondage « avant » pour montrer comment l’opinion a bougé
help-poll-create--suggestion = soumettre au vote la N-ième thèse listée par `poll suggest`, au lieu d’une thèse à vous
help-poll-create--native = sur Discord, utiliser le sondage propre à Discord (heures entières, non anonyme, résultats visibles)

help-poll-close = clore un sondage maintenant et publier ses résultats
help-poll-close-arg-poll = quel sondage, par numéro (par défaut : celui qui est ouvert)

help-poll-results = les résultats d’un sondage (les masqués seulement une fois clos)
help-poll-results-arg-poll = quel sondage, par numéro (par défaut : le dernier)

help-poll-suggest = des thèses tirées de l’extrait en cours, prêtes pour un sondage

help-poll-extend = déplacer l’échéance d’un sondage ; donnez une seule de --minutes, --hours ou --until
help-poll-extend-arg-poll = quel sondage, par numéro (par défaut : celui qui est ouvert)
help-poll-extend--minutes = ajouter ce nombre de minutes à l’échéance
help-poll-extend--hours = ajouter ce nombre d’heures à l’échéance
help-poll-extend--until = clore plutôt à cette heure locale (demain si elle est passée aujourd’hui), ou AAAA-MM-JJ HH:MM

help-vote = voter par texte (pour les sondages anonymes, en message privé au bot)
help-vote-arg-poll = le numéro du sondage
help-vote-arg-option = votre réponse : son numéro ou ses mots, p. ex. 1 ou agree
help-vote--reason = pourquoi ; affiché avec les résultats, sans votre nom

help-claim-add = proposer une thèse au vote du groupe (un animateur l’examine d’abord)
help-claim-add-arg-claim = la thèse, entre guillemets, 300 caractères au plus

help-claim-queue = les thèses proposées par les membres, en attente d’approbation (vous seul la voyez)

help-claim-approve = approuver une thèse proposée (éventuellement reformulée) et la publier comme carte de vote : d’accord / pas d’accord / passer
help-claim-approve-arg-claim = le numéro de la thèse dans `claim queue`
help-claim-approve-arg-text = la thèse reformulée, entre guillemets (par défaut : telle que proposée)
help-claim-approve--minutes = minutes avant la fin du vote (par défaut : à la fin de la séance, sinon 24 heures)
help-claim-approve--hours = heures avant la fin du vote
help-claim-approve--until = clore à cette heure locale (demain si elle est passée aujourd’hui), ou AAAA-MM-JJ HH:MM
help-claim-approve--anonymous = personne, animateurs compris, ne voit qui a voté quoi ; les membres votent en message privé
help-claim-approve--phase = la poser avant la discussion (pre), pour la reposer après avec `poll create --phase post`

help-claim-reject = rejeter une thèse proposée : elle n’apparaît dans aucun résultat, synthèse, export ni graphique
help-claim-reject-arg-claim = le numéro de la thèse dans `claim queue`

help-claim-cards = publier les thèses que suggère l’extrait en cours comme cartes de vote (d’accord / pas d’accord / passer)
help-claim-cards--minutes = minutes avant la fin du vote (par défaut : à la fin de la séance, sinon 24 heures)
help-claim-cards--hours = heures avant la fin du vote
help-claim-cards--until = clore à cette heure locale (demain si elle est passée aujourd’hui), ou AAAA-MM-JJ HH:MM
help-claim-cards--anonymous = personne, animateurs compris, ne voit qui a voté quoi ; les membres votent en message privé

help-map = la carte des opinions : qui pense de même à travers les thèses, sur quoi tous les groupes s’accordent, où passe la ligne de partage
help-map--session = les thèses de cette séance (par défaut : la séance en cours)
help-map--reading = plutôt les thèses de toutes les séances de cette lecture

help-report = comment la discussion a fait bouger les opinions : sondages et cartes avant/après, participants face aux silencieux, connaissances du quiz
help-report--session = cette séance (par défaut : la séance en cours)

help-quiz-add = une question de connaissance avec une bonne réponse, posée avant et après la discussion
help-quiz-add-arg-question = la question, entre guillemets (une question « après » peut l’omettre et reprendre sa question « avant »)
help-quiz-add--options = les réponses au choix, de 2 à 10, séparées par |
help-quiz-add--answer = quelle option est la bonne (1 est la première)
help-quiz-add--phase = avant ou après la discussion (par défaut : pre) ; une question « après » reprend sa question « avant »
help-quiz-add--minutes = minutes avant la fin du vote (par défaut : à la fin de la séance, sinon 24 heures)
help-quiz-add--hours = heures avant la fin du vote
help-quiz-add--until = clore à cette heure locale (demain si elle est passée aujourd’hui), ou AAAA-MM-JJ HH:MM

help-session-start = mode séminaire en direct : enregistrer ici chaque message jusqu’à `session end`
help-session-start-arg-title = un titre pour la séance (ou donnez-le avec --title)
help-session-start--title = un titre pour la séance

help-session-end = terminer la séance en direct ; sa synthèse suit

help-agenda-set = l’ordre du jour de la séance en direct : des points avec leur durée, séparés par | (ou joignez une liste Markdown)
help-agenda-set-arg-agenda = chaque point se termine par sa durée, p. ex. "Ouverture 5m | Partie I 20m | Conclusion 10m" (20 points et 8 heures au plus)

help-agenda-start = lancer le premier point de l’ordre du jour ; chaque point commence quand le temps du précédent est écoulé (ou avec `agenda next`)

help-agenda-next = terminer le point en cours maintenant et lancer le suivant

help-agenda-back = revenir au point précédent (avec de nouveau toute sa durée)

help-agenda-extend = donner plus de temps au point en cours
help-agenda-extend-arg-time = combien de temps en plus, p. ex. 5m ou 1h

help-agenda-status = l’ordre du jour, le point en cours et le temps qu’il lui reste

help-hand-raise = demander la parole : rejoindre la file des orateurs (votre place vous est indiquée en privé)
help-hand-raise-arg-topic = ce que vous voulez soulever, en quelques mots

help-hand-down = quitter la file des orateurs

help-queue-show = qui parle et qui suit (vous seul la voyez, avec votre propre place)

help-queue-next = donner la parole au membre suivant de la file

help-queue-skip = passer le membre suivant de la file (sa main se baisse)

help-queue-clear = baisser toutes les mains levées

help-queue-mode = l’ordre de la file : premier arrivé premier servi, ou progressif (celui qui a le moins parlé pendant cette séance passe d’abord)
help-queue-mode-arg-mode = order : dans l’ordre des mains levées ; progressive : les moins entendus d’abord

help-note = une note pour le compte rendu, classée sous le point en cours
help-note-arg-text = la note (500 caractères au plus)

help-decision = une décision pour le compte rendu, classée sous le point en cours
help-decision-arg-text = ce qui a été décidé (500 caractères au plus)

help-action-add = une tâche pour un membre du groupe, avec une échéance facultative
help-action-add-arg-member = qui la fera : un membre de ce groupe
help-action-add-arg-text = ce qu’il fera (500 caractères au plus)
help-action-add--due = pour quand : AAAA-MM-JJ, today, tomorrow ou un jour de la semaine

help-action-list = les tâches ouvertes du groupe

help-action-done = marquer une tâche comme faite (son responsable ou un animateur)
help-action-done-arg-action = le numéro de la tâche dans `action list`

help-breakout = répartir les membres présents dans des fils pour un moment, chacun avec une question ; le retour de chaque fil est rassemblé ici
help-breakout-arg-rooms = combien de fils (au moins 1, au plus un par membre présent)
help-breakout--minutes = combien de temps, en minutes (par défaut : 15)
help-breakout--by = mêler les groupes de la carte des opinions dans chaque fil (par défaut : au hasard)

help-summary = la synthèse de la séance en cours ou d’une séance donnée
help-summary-arg-session = quelle séance, par numéro (par défaut : la séance en cours)
help-summary--session = quelle séance, par numéro (comme SESSION)

help-stats = la participation dans ce groupe (vous seul la voyez)

help-export = comptes rendus en Markdown, réponses et votes en CSV, tout en JSON
help-export--format = quoi exporter (par défaut : all ; `export csv` fonctionne aussi)
help-export--session = seulement le compte rendu de cette séance

help-privacy-my-data = vos réponses et vos votes dans un fichier, en privé

help-privacy-forget-me = supprimer pour de bon vos réponses, vos votes et votre fiche de membre : rien d’antérieur n’est enregistré de nouveau, même après un redémarrage ; ce que vous écrivez ou votez ensuite est enregistré comme d’habitude (sans --confirm : ce qui serait supprimé)
help-privacy-forget-me--confirm = oui, supprimer mes données

help-privacy-quotes = si les synthèses peuvent vous citer par votre nom (off : vous êtes cité comme « un membre »)
help-privacy-quotes-arg-allow = on : les synthèses peuvent vous citer par votre nom ; off : elles ne le font pas

help-help = ce que le bot sait faire ici, ou une commande en détail
help-help-arg-command = une commande à expliquer, p. ex. poll create

## The help page
help-intro = **colloquy** publie chaque jour un extrait de la lecture de votre groupe avec des questions de discussion, enregistre les réponses dans son fil, organise des sondages sur des thèses et fait la synthèse de chaque séance.
help-not-a-group = Ce salon n’est pas encore un groupe de lecture : un animateur commence avec `setup`.
help-facilitators-mark = (animateurs)
help-one-verb = `help COMMANDE` explique une commande et ses options.
help-no-command = Pas de commande `{ $topic }`. `help` les liste toutes.
help-no-command-hint = Pas de commande `{ $topic }` ; vouliez-vous dire `{ $suggestion }` ? `help` les liste toutes.
help-options = Options :
help-also-flag = aussi { $names }
help-also-typed = Se tape aussi { $names }.
help-who-facilitators = animateurs
help-who-members = membres
help-who-anyone = tout le monde
help-verb-line = { $summary } ({ $who }).
