# Das Live-Seminar: Tagesordnung, Redeliste, Notizen, Beschlüsse, Aufgaben, Kleingruppen.

## Tagesordnung
live-no-session = Hier läuft keine Live-Sitzung. Die Moderation beginnt eine mit `session start`.
live-no-agenda = Diese Sitzung hat noch keine Tagesordnung. Die Moderation legt sie mit `agenda set "Eröffnung 5m | Teil I 20m | Abschluss 10m"` fest.
live-agenda-attach-or-text = Gib die Tagesordnung nach dem Befehl an, Punkte getrennt durch |, jeder mit seinem Zeitrahmen am Ende (`agenda set "Eröffnung 5m | Teil I 20m"`), oder hänge eine Markdown-Liste (.md oder .txt) mit einem Punkt pro Zeile an.
live-agenda-file-unreadable = Die angehängte Tagesordnung ist kein UTF-8-Text: hänge eine .md- oder .txt-Datei mit einem Punkt pro Zeile an.
live-agenda-already-started = Die Tagesordnung hat schon begonnen und kann nicht ersetzt werden. Gehe sie mit `agenda next`, `agenda back` und `agenda extend` durch.
live-agenda-set = { $items ->
    [one] Tagesordnung festgelegt: { $items } Punkt, insgesamt { $total }. `agenda start` beginnt den ersten.
   *[other] Tagesordnung festgelegt: { $items } Punkte, insgesamt { $total }. `agenda start` beginnt den ersten.
}
live-agenda-not-started = Die Tagesordnung hat noch nicht begonnen: `agenda start` beginnt ihren ersten Punkt.
live-agenda-already-running = Die Tagesordnung läuft schon (jetzt: { $title }). Mit `agenda next` oder `agenda back` geht es weiter.
live-agenda-finished = Die Tagesordnung ist abgeschlossen: jeder Punkt ist gelaufen. `agenda back` öffnet den letzten wieder.
live-agenda-at-first = Das ist der erste Punkt: es gibt nichts, wohin man zurückgehen könnte.
live-agenda-moved-meanwhile = Die Tagesordnung ist inzwischen weitergegangen (der Zeitrahmen ist abgelaufen); prüfe `agenda status` und versuche es noch einmal.
live-agenda-extend-bad = Ein Punkt kann um 1 Minute bis 8 Stunden verlängert werden, nicht um { $minutes } Minuten: z. B. `agenda extend 5m`.
live-agenda-extended = **{ $title }** hat { $by } mehr: endet jetzt um { $until }.
live-agenda-moving = Weiter zu **{ $title }**.
live-agenda-over-now = Das war der letzte Punkt: die Tagesordnung ist abgeschlossen.
live-agenda-started = Die Tagesordnung beginnt mit **{ $title }**.
live-agenda-heading = Tagesordnung (insgesamt { $total })
live-agenda-announces = Der Bot kündigt jeden Punkt bei Beginn an und warnt zwei Minuten vor dem Ende.
live-hands-hint = Um ums Wort zu bitten: `hand [Thema]` (oder der Hand-Knopf oder die Reaktion ✋ auf diesen Beitrag); `hand down` verlässt die Redeliste.
live-next = Danach: { $next }.
live-then = Dann: { $next }.
live-last-item = Das ist der letzte Punkt.
live-it-is-last = Es ist der letzte Punkt.
live-item-started = **Jetzt: { $title }** (Punkt { $seq } von { $count }, { $minutes } bis { $until }). { $then }
live-item-warning = ⏳ Noch zwei Minuten für **{ $title }** (endet um { $until }). { $then } Die Moderation kann mit `agenda extend 5m` verlängern.
live-agenda-done = Die Zeit für **{ $title }** ist um: das war der letzte Punkt der Tagesordnung. Die Sitzung bleibt bis `session end` offen.
live-agenda-status-heading = **Tagesordnung** ({ $total })
live-item-done = (erledigt)
live-running-time-up = **(läuft, Zeit um { $until } abgelaufen)**
live-running-left = **(läuft: noch { $left }, bis { $until })**

## Die Redeliste
live-hand-already-up = Deine Hand ist schon oben: du bist auf Platz { $place } der Redeliste. `hand down` senkt sie.
live-hand-raised-next = Deine Hand ist oben: du bist als Nächstes dran.
live-hand-raised = Deine Hand ist oben: du bist auf Platz { $place } der Redeliste ({ $ahead } vor dir).
live-progressive-note = Die Redeliste ist progressiv: wer in dieser Sitzung weniger gesprochen hat, kommt zuerst, daher kann sich dein Platz ändern.
live-hand-not-up = Deine Hand ist nicht oben, es gibt nichts zu senken.
live-hand-lowered = Deine Hand ist unten: du hast die Redeliste verlassen.
live-topic-too-long = Fasse das Thema in 200 Zeichen; den Rest sagst du, wenn du das Wort hast.
live-queue-empty = Niemand wartet aufs Wort: die Redeliste ist leer.
live-queue-header-progressive = **Redeliste** (progressiv: wer in dieser Sitzung am wenigsten gesprochen hat, zuerst)
live-queue-header-raised = **Redeliste** (in der Reihenfolge der Meldungen)
live-queue-speaking = Es spricht: **{ $name }**
live-queue-your-place = Du bist auf Platz { $place } der Redeliste.
live-queue-not-in = Deine Hand ist nicht oben (`hand [Thema]`, um auf die Liste zu kommen).
live-nobody-waiting = Sonst wartet niemand.
live-floor-to = 🎤 Das Wort hat **{ $name }**{ $topic }. { $then }
live-skipped = { $name } übersprungen (Hand gesenkt). { $then }
live-queue-cleared = { $n ->
    [one] Die Redeliste ist geleert: { $n } Hand gesenkt.
   *[other] Die Redeliste ist geleert: { $n } Hände gesenkt.
}
live-queue-mode-progressive = Die Redeliste ist jetzt progressiv: wer in dieser Sitzung am wenigsten gesprochen hat, kommt zuerst.
live-queue-mode-raised = Die Redeliste geht jetzt in der Reihenfolge der Meldungen.

## Notizen, Beschlüsse, Aufgaben
live-text-empty = { $what ->
    [note] Die Notiz ist leer: schreibe sie nach dem Befehl.
    [decision] Der Beschluss ist leer: schreibe ihn nach dem Befehl.
   *[action] Die Aufgabe ist leer: schreibe sie nach dem Befehl.
}
live-text-too-long = { $what ->
    [note] Eine Notiz darf höchstens { $max } Zeichen haben.
    [decision] Ein Beschluss darf höchstens { $max } Zeichen haben.
   *[action] Eine Aufgabe darf höchstens { $max } Zeichen haben.
}
live-noted = { $kind ->
    [note] Notiz #{ $id } steht im Protokoll.
   *[decision] Beschluss #{ $id } steht im Protokoll.
}
live-noted-under = { $kind ->
    [note] Notiz #{ $id } steht im Protokoll unter **{ $title }**.
   *[decision] Beschluss #{ $id } steht im Protokoll unter **{ $title }**.
}
live-due = fällig { $due }
live-due-overdue = fällig { $due }, überfällig
live-action-added = Aufgabe #{ $id } für **{ $owner }**{ $due } steht im Protokoll. `action done { $id }`, wenn sie erledigt ist.
live-action-added-under = Aufgabe #{ $id } für **{ $owner }**{ $due } steht im Protokoll unter **{ $title }**. `action done { $id }`, wenn sie erledigt ist.
live-not-a-member = { $who } ist, soweit colloquy weiß, kein Mitglied dieser Gruppe (hat hier weder geschrieben, abgestimmt, sich gemeldet noch teilgenommen). Nenne ein Mitglied, z. B. `action @ana Karte verschicken`.
live-ambiguous-member = { $n } Mitglieder dieser Gruppe heißen { $who }; nenne sie per Erwähnung oder ID.
live-no-open-actions = Es gibt keine offenen Aufgaben.
live-open-actions-header = **Offene Aufgaben**
live-open-actions-at-start = **Offene Aufgaben aus früheren Sitzungen** (`action done N`, wenn eine erledigt ist)
live-all-actions-done = Alle Aufgaben aus früheren Sitzungen sind erledigt.
live-no-such-action = Diese Gruppe hat keine Aufgabe #{ $id }; `action list` zeigt die offenen.
live-not-an-action = #{ $id } ist eine Notiz oder ein Beschluss, keine Aufgabe.
live-action-already-done = Aufgabe #{ $id } ist schon erledigt.
live-action-not-yours = Aufgabe #{ $id } gehört { $owner }: nur diese Person oder die Moderation kann sie als erledigt markieren.
live-action-done = Aufgabe #{ $id } ist erledigt: { $owner }: { $text }

## Kleingruppen
live-breakout-rooms-bad = Kleingruppen brauchen mindestens einen Thread, nicht { $n }: z. B. `breakout 3 --minutes 15`.
live-breakout-too-many-rooms = Es gibt höchstens 25 Threads, nicht { $n }.
live-breakout-minutes-bad = Kleingruppen dauern 1 bis 180 Minuten, nicht { $m }.
live-breakout-more-rooms-than-members = { $present ->
    [one] In dieser Sitzung ist { $present } Mitglied anwesend, bei { $rooms } Threads blieben also einige leer. Wähle höchstens { $present }.
   *[other] In dieser Sitzung sind { $present } Mitglieder anwesend, bei { $rooms } Threads blieben also einige leer. Wähle höchstens { $present }.
}
live-breakout-nobody = In dieser Sitzung ist noch niemand anwesend (Mitglieder zählen, sobald sie schreiben, abstimmen, sich melden oder dem Sprachkanal beitreten).
live-breakout-running = In dieser Sitzung laufen schon Kleingruppen; sie enden von selbst, wenn die Zeit um ist.
live-breakout-started = { $rooms ->
    [one] Kleingruppen: { $rooms } Thread für { $minutes }, { $how }. Jeder Thread bekommt eine Frage; am Ende wird jeder um einen einzeiligen Bericht gebeten.
   *[other] Kleingruppen: { $rooms } Threads für { $minutes }, { $how }. Jeder Thread bekommt eine Frage; am Ende wird jeder um einen einzeiligen Bericht gebeten.
}
live-breakout-by-chance = Mitglieder zufällig verteilt
live-breakout-by-opinion = jeder Thread mischt die Gruppen der Meinungskarte
live-breakout-no-groups = Mitglieder zufällig verteilt, da die Meinungskarte keine Gruppen hat ({ $reason })
live-room-name = Kleingruppe { $seq } von { $of }
live-room-members = Mitglieder:
live-room-until = Bis:
live-room-question = Frage:
live-room-report-later = Wenn die Zeit um ist, bittet der Bot hier um einen einzeiligen Bericht.
live-room-ask = ⏰ Die Zeit ist um. Eine oder einer von euch antworte bitte hier mit dem Bericht dieses Threads in einer Zeile: die erste Antwort wird in den Hauptthread übernommen.
live-default-prompt-item = Was ist bisher das stärkste Argument zu „{ $title }“, und was das schwächste?
live-default-prompt = Was ist das stärkste Argument des Textes, und was das schwächste?
live-gathered-header = { $n ->
    [one] ## Berichte der Kleingruppen ({ $n } Thread)
   *[other] ## Berichte der Kleingruppen ({ $n } Threads)
}
live-gathered-line = - **Thread { $seq }** ({ $who }): { $text }
live-gathered-none = - **Thread { $seq }**: kein Bericht

## Anwesenheit
live-attendance-header = **Anwesenheit bei Live-Sitzungen** (wer geschrieben, abgestimmt, sich gemeldet, mitgeschrieben hat oder im Sprachkanal war)
live-nobody = niemand
