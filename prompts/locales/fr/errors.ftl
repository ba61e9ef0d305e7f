# Pourquoi une commande n’a pas pu être exécutée : erreurs de lecture, de sondage, de calendrier et d’import.

## Lire une commande
parse-did-you-mean = vouliez-vous dire `{ $suggestion }` ?
parse-empty = aucune commande donnée ; essayez `help`
parse-unknown-verb = commande inconnue `{ $given }` ; { $hint }
parse-unknown-verb-no-hint = commande inconnue `{ $given }` ; `help` les liste toutes
parse-missing-sub = `{ $verb }` attend l’un de : { $expected }
parse-missing-sub-hint = `{ $verb }` attend l’un de : { $expected } ; { $hint }
parse-unknown-flag = option inconnue { $flag } pour `{ $verb }` ; { $hint }
parse-unknown-flag-none = option inconnue { $flag } pour `{ $verb }` ; cette commande n’a pas d’options
parse-unknown-flag-allowed = option inconnue { $flag } pour `{ $verb }` ; options possibles : { $allowed }
parse-missing-value = l’option { $flag } attend une valeur
parse-not-a-number = { $what } doit être un nombre entier, pas « { $given } »
parse-unexpected = « { $word } » inattendu ; mettez entre guillemets un texte qui contient des espaces
parse-missing-argument = `{ $verb }` attend { $what }
parse-unclosed-quote = un guillemet n’est pas fermé
parse-not-both = donnez { $first } ou { $second }, pas les deux
parse-deadline-twice = donnez l’échéance une seule fois : --minutes, --hours ou --until
parse-bad-choice = { $what } accepte { $choices }, pas « { $given } »
noun-reading = le numéro de la lecture
noun-poll = le numéro du sondage
noun-claim = le numéro de la thèse
noun-session = le numéro de la séance
noun-action = le numéro de la tâche
noun-threads = le nombre de fils
noun-flag = { $flag }
needs-claim-add = la thèse entre guillemets, p. ex. claim add "Se couvrir est une stratégie, pas de l’indécision"
needs-claim-number = le numéro de la thèse dans `claim queue`, p. ex. { $verb } 3
needs-quiz = la question entre guillemets, avec --options et --answer
needs-poll-claim = une thèse entre guillemets, p. ex. poll create "Le commerce crée la confiance" (ou --suggestion N de `poll suggest`)
needs-vote = un numéro de sondage et une option, p. ex. `vote 3 agree`
needs-queue-mode = order ou progressive
needs-action = un membre et ce qu’il fera, p. ex. action @ana diffuser la carte --due friday
needs-action-number = le numéro de la tâche dans `action list`, p. ex. action done 3
needs-breakout = combien de fils, p. ex. breakout 3 --minutes 15
needs-on-off = on ou off
needs-deadline = --minutes N, --hours N ou --until HH:MM

## Sondages
poll-error-empty-claim = la thèse est vide : écrivez l’affirmation sur laquelle les membres voteront
poll-error-claim-too-long = la thèse fait { $n } caractères ; un sondage en permet 300 au plus (raccourcissez-la)
poll-error-unknown-scale = échelle inconnue « { $given } » : utilisez agree, likert5, yesno ou custom
poll-error-option-count = un sondage personnalisé demande de 2 à 10 options, séparées par | (reçu : { $n })
poll-error-option-too-long = l’option « { $option } » fait { $n } caractères ; une option en permet 55 au plus
poll-error-empty-option = l’option { $n } est vide
poll-error-duplicate-option = l’option « { $option } » apparaît deux fois
poll-error-options-without-custom = les options sont réservées à --scale custom ; l’échelle { $scale } a les siennes
poll-error-bad-duration = la durée doit être comprise entre 1 minute et 30 jours (reçu : { $n } minutes)
poll-error-bad-time = « { $given } » n’est pas une heure : utilisez HH:MM (sur 24 heures) ou AAAA-MM-JJ HH:MM
poll-error-deadline-in-past = cette échéance ({ $when }) est déjà passée
poll-error-deadline-too-far = cette échéance est à plus de 30 jours
poll-error-reason-too-long = la raison fait { $n } caractères ; restez sous 280
poll-error-unknown-option = « { $given } » n’est pas une option de ce sondage ; choisissez parmi : { $options }

## Calendrier
schedule-error-bad-time = « { $given } » n’est pas une heure : utilisez HH:MM sur 24 heures, p. ex. 09:00 ou 18:30
schedule-error-bad-zone = fuseau horaire inconnu « { $given } » : utilisez un nom IANA comme Europe/Paris, Europe/London ou Asia/Shanghai
schedule-error-bad-days = « { $given } » n’est pas une liste de jours : utilisez `daily`, `weekdays`, `weekends`, `mon-fri` ou `mon,wed,fri`
schedule-error-bad-catch-up = catch_up vaut « latest » ou « skip », pas « { $given } »

## Import
import-error-empty = le fichier est vide
import-error-binary-nul = le fichier semble binaire (il contient des octets NUL), pas un texte .txt ou .md
import-error-binary-control = le fichier semble binaire (il contient de nombreux caractères de contrôle), pas un texte .txt ou .md
import-error-not-utf8 = le fichier n’est pas un texte UTF-8 (octet invalide à la position { $offset }) ; enregistrez-le en UTF-8 et réessayez
import-error-no-body = aucun texte trouvé : le fichier ne contient que des lignes de titre ou de contact
import-error-no-sentences = aucune phrase trouvée : rien dans le fichier ne se termine comme une phrase (par . ? ou !), il n’y a donc pas d’extraits à faire
import-error-only-headings = aucune phrase trouvée : le fichier ne contient que des titres, sans paragraphes dont tirer des extraits
import-error-empty-option = --{ $flag } est vide : donnez une valeur, ou retirez --{ $flag } pour la prendre dans le fichier
import-error-bad-words = --words doit être compris entre 40 et 5000 (reçu : { $words })
import-error-unknown-language = langue inconnue `{ $given }` : utilisez l’une de { $supported }
