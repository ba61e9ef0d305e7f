# Die eigenen Zeilen des Discord-Adapters: /help und seine Fehler.
discord-help-intro = **colloquy** postet täglich einen Abschnitt aus dem Text eurer Gruppe mit Diskussionsfragen in einem Thread, zeichnet die Antworten auf, führt Umfragen zu Aussagen durch und fasst jede Sitzung zusammen.
discord-help-not-set-up = Dieser Kanal ist noch keine Lesegruppe: die Moderation beginnt mit `/setup`.
discord-help-facilitators = (Moderation)
discord-help-one-command = `/help command:NAME` erklärt einen Befehl und seine Optionen.
discord-help-no-such-command = Es gibt kein `/{ $wanted }`. `/help` listet alle Befehle auf.
discord-help-options = Optionen:
discord-help-optional = (optional)
discord-bad-option = Diese Option ist ungültig: { $error }. Prüfe sie und versuche es noch einmal.
discord-command-updated = Dieser Befehl wurde gerade aktualisiert; Discord braucht eventuell eine Minute. Versuche es gleich noch einmal.
discord-posted-in-channel = Erledigt: die Antwort steht im Kanal.
