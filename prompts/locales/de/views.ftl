# Die längeren Ansichten: Meinungskarte, Bericht über Meinungsänderungen, Wochenrückblick, Protokoll und Aufzeichnung eines Live-Seminars.

## Allgemein
count-claims = { $n ->
    [one] { $n } Aussage
   *[other] { $n } Aussagen
}
a-member = ein Mitglied

## Die Meinungskarte (prompts/map.md.j2)
map-title = Meinungskarte
map-scope-week = diese Woche
map-no-claims = Hier wurde noch über keine Aussage abgestimmt. Stelle die Aussagen des Abschnitts mit `claim cards` als Karten ein oder gib Aussagen der Mitglieder in `claim queue` frei.
map-voters = { $voters ->
    [one] { $voters } Mitglied hat
   *[other] { $voters } Mitglieder haben
} über { $claims ->
    [one] { $claims } Aussage
   *[other] { $claims } Aussagen
} abgestimmt; { $participants ->
    [one] { $participants } hat über mindestens { $min } abgestimmt und steht auf der Karte.
   *[other] { $participants } haben über mindestens { $min } abgestimmt und stehen auf der Karte.
}
map-groups-heading = { $n ->
    [one] { $n } Meinungsgruppe
   *[other] { $n } Meinungsgruppen
}
map-silhouette = Silhouette { $s }
map-group = Gruppe { $name }
map-representative = { $agrees ->
    [true] stimmt stärker zu
   *[false] lehnt stärker ab
} als die übrigen: { $label } „{ $text }“ ({ $share } % von Gruppe { $group }, { $rest } % der anderen; { $p })
map-side-agrees = stimmt zu
map-side-disagrees = lehnt ab
map-no-representative = keine Aussage hebt diese Gruppe deutlich ab
map-common-ground = Gemeinsamer Boden
map-every-group = jede Gruppe
map-agree = Zustimmung
map-disagree = Ablehnung
map-consensus-all = { $groups ->
    [true] alle in jeder Gruppe
   *[false] alle Abstimmenden
}
map-consensus-share = { $groups ->
    [true] mindestens { $pct } % in jeder Gruppe
   *[false] mindestens { $pct } % der Abstimmenden
}
map-no-consensus = { $groups ->
    [true] noch teilen nicht alle Gruppen eine Aussage
   *[false] noch teilt keine Mehrheit der Mitglieder eine Aussage
}
map-divides = Wo die Meinungen auseinandergehen
map-no-divide = { $groups ->
    [true] keine Aussage spaltet die Gruppen
   *[false] keine Aussage spaltet die Mitglieder
}
map-claims = Aussagen
map-claim-votes = Zustimmung { $agree }, Ablehnung { $disagree }, übersprungen { $pass }
map-divide-shares = { $agree } % Zustimmung, { $disagree } % Ablehnung
map-divide-group = Gruppe { $name } { $lean ->
    [agree] neigt zur Zustimmung
    [disagree] neigt zur Ablehnung
   *[split] ist gespalten
} ({ $mean })
map-clarity-clear = klare, gut getrennte Gruppen
map-clarity-fair = recht klare Gruppen
map-clarity-weak = Gruppen, die sich etwas überschneiden
map-no-groups-few-voters = { $qualified ->
    [one] keine Meinungsgruppen: nur { $qualified } Mitglied hat über mindestens { $min } Aussagen abgestimmt, Gruppen brauchen { $need }
   *[other] keine Meinungsgruppen: nur { $qualified } Mitglieder haben über mindestens { $min } Aussagen abgestimmt, Gruppen brauchen { $need }
}
map-no-groups-small = keine Meinungsgruppen: die klarste Aufteilung ({ $k } Gruppen) ließe eine Gruppe von { $smallest } übrig, eine Gruppe braucht aber mindestens { $min } Mitglieder
map-no-groups-unclear = keine Meinungsgruppen: die Stimmen fallen nicht in klare Gruppen (die beste Aufteilung, { $k } Gruppen, hat eine Silhouette von { $silhouette }; nötig sind { $need })
map-no-claims-reason = in dieser Sitzung wurde noch über keine Aussage abgestimmt
map-alt-nobody = Meinungskarte ({ $scope }): niemand hat über genug Aussagen abgestimmt, um eingeordnet zu werden.
map-alt-intro = Meinungskarte ({ $scope }): { $members ->
    [one] { $members } Mitglied
   *[other] { $members } Mitglieder
} nach den Stimmen zu { $claims ->
    [one] { $claims } Aussage
   *[other] { $claims } Aussagen
} als Punkte auf zwei Achsen eingeordnet.
map-alt-one-colour = Alle Punkte haben dieselbe Farbe. { $reason }.
map-alt-group = Gruppe { $name } ({ $size ->
    [one] { $size } Mitglied
   *[other] { $size } Mitglieder
}) liegt { $place ->
    [right] rechts
    [left] links
    [top] oben
   *[bottom] unten
}.
map-alt-axis = Die Links-rechts-Achse folgt am ehesten { $label } („{ $text }“); jede Aussage ist als beschrifteter Pfeil gezeichnet, der dorthin zeigt, wo ihre Befürworter stehen.
map-chart-title = Meinungskarte · { $scope }
map-chart-subtitle = { $groups ->
    [one] { $groups } Meinungsgruppe
   *[other] { $groups } Meinungsgruppen
} · Silhouette { $s } · { $placed ->
    [one] { $placed } Mitglied eingeordnet
   *[other] { $placed } Mitglieder eingeordnet
}
map-chart-group = Gruppe { $name } ({ $size })
map-chart-axis-1 = Achse 1 · { $pct } % der Unterschiede in den Stimmen
map-chart-axis-2 = Achse 2 · { $pct } %
map-chart-no-groups = ein Mitglied (keine Gruppen)
map-chart-claims = Aussagen (Pfeile zeigen zur Zustimmung)
map-chart-no-arrow = (kein Pfeil: trennt die Mitglieder nicht)
map-chart-more = … und { $n } weitere (siehe Text)

## Wie die Diskussion die Meinungen verschoben hat (prompts/report.md.j2)
report-title = Wie die Diskussion die Meinungen verschoben hat
report-none = Hier wurde keine Aussage sowohl vor als auch nach der Diskussion gestellt. Stelle sie vorher mit `poll create "…" --phase pre` (oder `claim approve N --phase pre`) und danach mit `poll create --phase post`.
report-pair = #{ $pre } vorher, #{ $post } nachher
report-suppressed = Weniger als 3 Mitglieder haben bei dieser anonymen Aussage beide Male abgestimmt, daher wird die Verschiebung nicht gezeigt.
report-changed = { $changed } von { $paired } haben ihre Stimme geändert ({ $pct } %): { $positive } in Richtung { $positive_pole }, { $negative } in Richtung { $negative_pole }.
report-change = Veränderung: { $effect }.
report-nobody-changed = niemand hat geändert
report-spoke = Mitglieder, die sich geäußert haben
report-only-voted = Mitglieder, die nur abgestimmt haben
report-too-few = weniger als 3, nicht gezeigt
report-learned-heading = Was die Mitglieder gelernt haben
report-quiz-answer = richtige Antwort: { $answer }
report-quiz-line = { $before } % richtig vorher, { $after } % nachher ({ $paired } haben beide Male geantwortet); { $learned } haben es gelernt, { $unlearned } wieder verlernt.
report-test-mcnemar = Exakter McNemar-Test
report-test-wilcoxon = Wilcoxon-Vorzeichen-Rang-Test
report-toward = in Richtung { $pole }
report-arm-changed = { $changed } von { $paired } haben geändert
report-in-share = beim Anteil
report-on-scale = auf der Skala
report-effect = { $value } { $unit }
report-effect-ci = { $value } { $unit } (95-%-KI { $low } bis { $high })
report-verdict-too-few = zu wenige Stimmen für eine Aussage
report-verdict-no-change = niemand hat seine Stimme geändert
report-verdict-likely = wahrscheinlich eine echte Verschiebung { $direction }
report-verdict-maybe = vielleicht eine Verschiebung { $direction }, aber zu wenige Stimmen, um sicher zu sein
report-verdict-no-sign = kein Anzeichen einer echten Verschiebung (die Änderungen gingen in beide Richtungen oder waren wenige)
report-quiz-gain = { $value } Prozentpunkte beim Anteil richtiger Antworten (95-%-KI { $low } bis { $high })
report-quiz-likely = wahrscheinlich echter Lernerfolg
report-quiz-maybe = vielleicht etwas gelernt, aber zu wenige Antworten, um sicher zu sein
report-quiz-no-change = niemand hat seine Antwort geändert
report-linkage = Von den { $learned }, die etwas gelernt haben, haben { $learned_changed } eine Stimme geändert ({ $learned_pct } %); von den { $others } anderen { $others_changed } ({ $others_pct } %). Exakter Test nach Fisher: { $p }{ $linked ->
    [true] : wahrscheinlich haben gerade die Lernenden ihre Meinung geändert
   *[false] : kein klarer Zusammenhang zwischen Lernen und Meinungsänderung
}.
report-linkage-too-few = Zu wenige Mitglieder haben das Quiz beantwortet und beide Male über die Aussagen abgestimmt, um zu sagen, ob gerade die Lernenden ihre Meinung geändert haben (jede Seite braucht 3).

## Der Wochenrückblick (prompts/digest.md.j2)
digest-date-pattern = %-d. %B %Y
digest-title = Woche ab { $week } in { $group }
digest-read = Diese Woche gelesen
digest-reading = { $title } (Abschnitt { $seq })
digest-themes = Wiederkehrende Themen
digest-shifts = Wie sich die Meinungen verschoben haben
digest-shift = „{ $claim }“: { $changed } von { $paired } haben ihre Stimme geändert
digest-shift-net = , Nettoverschiebung { $net } in Richtung { $pole }
digest-map = Wo die Gruppe steht
digest-map-counts = { $claims ->
    [one] { $claims } Aussage
   *[other] { $claims } Aussagen
}, { $members ->
    [one] { $members } Mitglied auf der Meinungskarte
   *[other] { $members } Mitglieder auf der Meinungskarte
}
digest-map-groups = { $n ->
    [one] { $n } Meinungsgruppe
   *[other] { $n } Meinungsgruppen
} (Silhouette { $s })
digest-map-group = Gruppe { $name }: { $size }
digest-common-ground = Gemeinsamer Boden: „{ $text }“ ({ $side })
digest-divides = Spaltet: „{ $text }“
digest-threads = Aktivste Threads

## Protokoll (prompts/minutes.md.j2)
minutes-title = Protokoll: { $title }
minutes-group = Gruppe: { $group }
minutes-date = Datum: { $date }
minutes-replies = Antworten: { $n }
minutes-excerpt = Abschnitt
minutes-position = { $seq } von { $total }
minutes-questions = Fragen
minutes-edited = (bearbeitet)
minutes-deleted = (gelöscht)
minutes-by-item = Diskussion nach Tagesordnungspunkten
minutes-before-agenda = Vor der Tagesordnung
minutes-no-item-replies = Keine Antworten zu diesem Punkt.
minutes-discussion = Diskussion
minutes-no-replies = Es wurden keine Antworten aufgezeichnet.
minutes-seminar = Das Seminar
minutes-poll = Umfrage #{ $id }

## Aufzeichnung eines Live-Seminars (prompts/live.md.j2)
record-by-item = Nach Tagesordnungspunkten
record-item-minutes = { $minutes } Min.
record-ran = lief { $ran }
record-did-not-run = fand nicht statt
record-poll = Umfrage { $poll }
record-note = Notiz: { $text }
record-decision = Beschluss:
record-action = Aufgabe { $text }
record-outside = Außerhalb der Tagesordnung
record-breakout = Kleingruppen um { $at }
record-breakout-detail = { $rooms ->
    [one] { $rooms } Thread
   *[other] { $rooms } Threads
}, { $minutes } Min.
record-mixing = Meinungsgruppen gemischt
record-room = Thread { $seq } ({ $members }) zu „{ $prompt }“
record-no-report = kein Bericht
record-attendance = Anwesenheit
attended-wrote = hat geschrieben
attended-voted = hat abgestimmt
attended-hand = hat sich gemeldet
attended-noted = hat mitgeschrieben
attended-voice = im Sprachkanal
