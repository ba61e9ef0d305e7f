# Les lignes propres à l'adaptateur Discord : /help et ses erreurs.
discord-help-intro = **colloquy** publie chaque jour un extrait de la lecture du groupe avec des questions de discussion dans un fil, enregistre les réponses, organise des sondages sur des affirmations et résume chaque séance.
discord-help-not-set-up = Ce salon n'est pas encore un groupe de lecture : un animateur commence par `/setup`.
discord-help-facilitators = (animateurs)
discord-help-one-command = `/help command:NOM` explique une commande et ses options.
discord-help-no-such-command = Il n'y a pas de `/{ $wanted }`. `/help` liste toutes les commandes.
discord-help-options = Options :
discord-help-optional = (facultatif)
discord-bad-option = Cette option n'est pas valable : { $error }. Vérifiez-la et réessayez.
discord-command-updated = Cette commande vient d'être mise à jour ; Discord peut mettre une minute à suivre. Réessayez bientôt.
discord-posted-in-channel = C'est fait : la réponse est publiée dans le salon.
