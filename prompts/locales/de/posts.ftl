## Der tägliche Abschnitt
excerpt-position = Abschnitt { $position } von { $total }
excerpt-notes = Anmerkungen
excerpt-questions = Fragen zur Diskussion
excerpt-reply-here = Antwortet in diesem Thread; aus euren Antworten entsteht die heutige Zusammenfassung.
excerpt-thread = { $title } · { $position } von { $total }

## Umfragen
poll-title = Umfrage Nr. { $id }
poll-card-title = Thesenkarte Nr. { $id }
poll-phase-pre = (vor der Diskussion)
poll-phase-post = (nach der Diskussion)
poll-card-how = Stimmt über so viele Karten ab, wie ihr mögt; Enthaltung ist in Ordnung. Offen bis { $closes }; bis dahin könnt ihr eure Stimme ändern.
poll-closes = Endet { $closes }. Bis dahin könnt ihr eure Stimme ändern.
poll-anonymous = Die Abstimmung ist anonym: Niemand, auch die Moderation nicht, sieht, wer wie abgestimmt hat.
poll-hidden = Die Ergebnisse bleiben bis zum Ende der Umfrage verborgen.
option-agree = Zustimmung
option-disagree = Ablehnung
option-unsure = Unsicher
option-pass = Enthaltung
option-yes = Ja
option-no = Nein
option-strongly-agree = Volle Zustimmung
option-strongly-disagree = Volle Ablehnung
option-neutral = Weder noch

## Ergebnisse
results-title = Ergebnisse der Umfrage Nr. { $id }
results-so-far-title = Zwischenstand der Umfrage Nr. { $id }
results-hidden = { $n ->
    [one] Die Ergebnisse bleiben bis zum Ende der Umfrage verborgen ({ $closes }). Bisher { $n } Stimme.
   *[other] Die Ergebnisse bleiben bis zum Ende der Umfrage verborgen ({ $closes }). Bisher { $n } Stimmen.
}
results-suppressed = { $n ->
    [one] { $n } Stimme: zu wenige, um eine Aufschlüsselung zu zeigen, ohne zu verraten, wer wie abgestimmt hat.
   *[other] { $n } Stimmen: zu wenige, um eine Aufschlüsselung zu zeigen, ohne zu verraten, wer wie abgestimmt hat.
}
results-total = { $n ->
    [one] { $n } Stimme.
   *[other] { $n } Stimmen.
}
results-total-anonymous = { $n ->
    [one] { $n } Stimme, anonym.
   *[other] { $n } Stimmen, anonym.
}
results-reasons = Genannte Gründe
shift-title = Wie sich die Meinungen verschoben haben
shift-pair = { $n ->
    [one] Umfrage Nr. { $pre } davor, Nr. { $post } danach; { $n } Mitglied hat beide Male abgestimmt
   *[other] Umfrage Nr. { $pre } davor, Nr. { $post } danach; { $n } Mitglieder haben beide Male abgestimmt
}
shift-suppressed = Zu wenige Mitglieder haben in beiden Umfragen abgestimmt, um die Verschiebung zu zeigen, ohne jemanden zu verraten.
shift-net = Verschiebung insgesamt: { $net } in Richtung „{ $pole }“ auf der Skala.
shift-changed = { $changed } von { $n } haben ihre Stimme geändert ({ $pct } %)
shift-directions = { $positive } in Richtung „{ $positive_pole }“, { $negative } in Richtung „{ $negative_pole }“

## Zusammenfassungen
summary-title = Zusammenfassung: { $title }
summary-message-link = Nachricht
summary-voices = Wortanteile verteilt: { $evenness }
summary-facilitator-messages = { $n ->
    [one] { $n } Nachricht der Moderation
   *[other] { $n } Nachrichten der Moderation
}
summary-empty = In dieser Sitzung hat niemand geantwortet, es gibt also nichts zusammenzufassen.
summary-themes = Themen
summary-most-discussed = Die meistdiskutierte Passage
summary-what-was-said = Was gesagt wurde
summary-disagreements = Wo die Meinungen auseinandergingen
summary-disagreement-on = Zu *{ $about }*
summary-open-questions = Offene Fragen
summary-before = Vor der Diskussion
summary-poll-ref = Umfrage Nr. { $id }
summary-in-short = Kurz gesagt
summary-written-by = verfasst von { $model }
summary-wrote-share = { $name } schrieb { $pct } % der Wörter
summary-posted-once = { $name } schrieb einmal
summary-evenness = { $spread } (Ausgewogenheit { $evenness })
spread-evenly = ausgewogen
spread-fairly-evenly = recht ausgewogen
spread-unevenly = unausgewogen
spread-very-unevenly = sehr unausgewogen
pole-agree = Zustimmung
pole-disagree = Ablehnung
pole-yes = Ja
pole-no = Nein
summary-excerpt-title = { $title }, Abschnitt { $position } von { $total }

## Antworten auf Befehle
excerpt-next-posting = Der nächste Abschnitt wird jetzt gepostet (Sitzung Nr. { $session }).
excerpt-next-counts-today = Er zählt als heutiger Beitrag.
excerpt-next-nothing-left = Es gibt nichts mehr zu posten. Importiere den nächsten Text mit `reading import`.
excerpt-next-just-posted = Dieser Abschnitt wurde gerade von jemand anderem gepostet.
vote-new = Deine Stimme in Umfrage Nr. { $id }: **{ $option }**. Du kannst sie bis { $until } ändern.
vote-changed = Deine Stimme in Umfrage Nr. { $id } ist geändert: **{ $option }**. Du kannst sie bis { $until } ändern.
vote-same = Deine Stimme in Umfrage Nr. { $id } bleibt: **{ $option }**. Du kannst sie bis { $until } ändern.
vote-anonymous = Sie ist anonym: Niemand, auch die Moderation nicht, kann sie sehen.
vote-just-closed = Umfrage Nr. { $id } wurde gerade beendet.
poll-open = Umfrage Nr. { $id } ist offen bis { $until }.
poll-card-open = Thesenkarte Nr. { $id } ist offen bis { $until }.
poll-paired = Sie ist mit Umfrage Nr. { $pre } gepaart: Die Ergebnisse zeigen, wie sich die Stimmen verschoben haben.
poll-already-closed = Umfrage Nr. { $id } ist bereits beendet.
poll-card-closed = Karte Nr. { $id } ist beendet; `map` zeigt, wo die Gruppe steht, `poll results { $id }` die Stimmen dieser Karte.
poll-closed = Umfrage Nr. { $id } ist beendet; die Ergebnisse werden gepostet.
