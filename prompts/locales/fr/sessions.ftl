# Les séances en direct et la fin d’une lecture.

session-reading-finished = Nous sommes arrivés à la fin de la lecture. Un animateur peut importer la suivante avec `reading import` ; le calendrier la prendra en charge.
session-title-too-long = Un titre de séance compte au plus 100 caractères.
session-started = La séance en direct nº { $id } a commencé : chaque message de ce salon est enregistré jusqu’à `session end`.
session-started-titled = La séance en direct nº { $id } a commencé ({ $title }) : chaque message de ce salon est enregistré jusqu’à `session end`.
session-already-running = Une séance en direct est déjà en cours (depuis { $since }). Terminez-la d’abord avec `session end`.
session-none-running = Aucune séance en direct n’est en cours. Lancez-en une avec `session start`.
session-ended-empty = La séance en direct nº { $id } s’est terminée sans réponse, il n’y a donc pas de synthèse.
session-ended = La séance en direct nº { $id } s’est terminée avec { $replies }. La synthèse suit.
session-archive-link = [Toute la séance dans l’archive]({ $link }) : le fil, les sondages et la carte de la lecture.
