## Séminaires en direct sur Matrix : lever la main avec une réaction ✋ sur le message de l'ordre du jour
hand-reaction-lower-hint = Pour baisser la main, retirez votre réaction ✋ du message de l'ordre du jour.
hand-reaction-lowered = Vous avez retiré votre réaction ✋ du message de l'ordre du jour : votre main est baissée et vous avez quitté la file d'attente.
hand-reaction-session-over = La séance de cet ordre du jour est terminée : il n'y a plus de file d'attente. Un animateur ou une animatrice peut en ouvrir une nouvelle.
