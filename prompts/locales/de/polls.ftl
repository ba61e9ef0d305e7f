# Umfragen anlegen, verlängern und schließen; Stimmen und ihre Begründungen.

poll-no-such = Diese Gruppe hat keine Umfrage Nr. { $id }.
poll-none-open = Hier ist keine Umfrage offen.
poll-several-open = Mehrere Umfragen sind offen ({ $polls }); sag, welche du meinst, z. B. `poll close { $last }`.
poll-none-yet = Hier gab es noch keine Umfrage.
poll-no-pre = Es gibt keine `--phase pre`-Umfrage, die auf ihr Gegenstück wartet. Lege zuerst die Vorher-Umfrage an.
poll-no-suggestion = { $count ->
    [one] Es gibt keinen Vorschlag { $n }; `poll suggest` listet { $count } These zum aktuellen Abschnitt.
   *[other] Es gibt keinen Vorschlag { $n }; `poll suggest` listet { $count } Thesen zum aktuellen Abschnitt.
}
poll-claim-and-suggestion = Gib eine These oder --suggestion an, nicht beides.
poll-claim-missing = Gib die These, über die abgestimmt wird, in Anführungszeichen an.
poll-post-scale = Eine Nachher-Umfrage nutzt die Skala ihrer Vorher-Umfrage ({ $scale }); lass --scale weg.
poll-post-claim = Eine Nachher-Umfrage wiederholt die These ihrer Vorher-Umfrage (Nr. { $id }: „{ $claim }“). Lass die These weg, um sie zu übernehmen.
poll-post-anonymous = Die Vorher-Umfrage Nr. { $id } war nicht anonym, also kann ihr Gegenstück es auch nicht sein: Die Stimmen ließen sich sonst nicht zuordnen.
poll-native-elsewhere = --native gilt nur für Discords eigene Umfragen; lass es hier weg.
poll-native-anonymous = Discords eigene Umfragen können weder anonym sein noch Ergebnisse verbergen; lass --native weg, um mit Schaltflächen abzustimmen.
poll-native-hours = Discords eigene Umfragen laufen ganze Stunden: Nimm stattdessen --hours N (1 bis 720).
poll-native-extend = Eine eigene Discord-Umfrage lässt sich nur um ganze Stunden verlängern.
poll-claim-decided = Diese These wurde gerade angenommen oder abgelehnt; `claim queue` zeigt, was noch offen ist.
poll-suggest-none = Der aktuelle Abschnitt bietet keine klaren Thesen für eine Umfrage. Schreib selbst eine: `poll create "…"`.
poll-suggest-title = Thesen aus dem aktuellen Abschnitt, bereit für eine Umfrage:
poll-suggest-how = Starte eine mit `poll create --suggestion N` (füge --phase pre hinzu, um nach der Diskussion noch einmal zu fragen).
poll-extended = Umfrage Nr. { $id } schließt jetzt { $until }.
poll-state-closed = geschlossen

vote-no-poll = Es gibt keine Umfrage Nr. { $id }.
vote-not-ours = Diese Umfrage stammt nicht von colloquy.
vote-no-poll-here = Hier gibt es keine Umfrage Nr. { $id }.
vote-poll-closed = Umfrage Nr. { $id } ist geschlossen; `poll results` zeigt das Ergebnis.
vote-closed-at = Umfrage Nr. { $id } wurde { $when } geschlossen; `poll results { $id }` zeigt das Ergebnis.
vote-anonymous-in-public = Umfrage Nr. { $id } ist anonym: Schick mir deine Stimme in einer Direktnachricht (`!cq vote { $id } ANTWORT`), damit niemand sie sieht.
vote-membership-unknown = Deine Mitgliedschaft in dieser Gruppe ließ sich gerade nicht prüfen; versuch es gleich noch einmal.
vote-not-a-member = Umfrage Nr. { $id } gehört zu einer Gruppe, in der du nicht Mitglied bist.
vote-forgotten = Diese Stimme wurde abgegeben, bevor du colloquy gebeten hast, dich zu vergessen, daher wird sie nicht erfasst.
vote-reason-anonymous = Umfrage Nr. { $id } ist anonym, und eine Antwort sehen alle: Gib deine Begründung in einer Direktnachricht mit `vote { $id } ANTWORT --reason "…"` an.
vote-reason-closed = Umfrage Nr. { $id } ist geschlossen; Begründungen können nicht mehr ergänzt werden.
vote-reason-empty = Die Begründung ist leer.
vote-reason-first = Stimm zuerst in Umfrage Nr. { $id } ab und antworte dann mit deiner Begründung darauf.
vote-reason-added = Deine Begründung ist deiner Stimme in Umfrage Nr. { $id } hinzugefügt.
