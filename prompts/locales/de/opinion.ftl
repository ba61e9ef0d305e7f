# Thesen der Mitglieder und ihre Prüfung, Thesenkarten, Quizfragen, die Meinungskarte und der Bericht.

claim-no-session = Hier ist keine Sitzung offen, also gibt es nichts, wofür man eine These vorschlagen könnte. Versuch es wieder, wenn der nächste Abschnitt gepostet ist.
claim-decided-by-you = dir
claim-already-approved-card-by = These Nr. { $id } wurde schon von { $by } angenommen und als Karte Nr. { $card } gepostet; nichts geändert.
claim-already-approved-card = These Nr. { $id } wurde schon angenommen und als Karte Nr. { $card } gepostet; nichts geändert.
claim-already-approved-by = These Nr. { $id } wurde schon von { $by } angenommen; nichts geändert.
claim-already-approved = These Nr. { $id } wurde schon angenommen; nichts geändert.
claim-already-rejected-by = These Nr. { $id } wurde schon von { $by } abgelehnt; nichts geändert.
claim-already-rejected = These Nr. { $id } wurde schon abgelehnt; nichts geändert.
claim-no-words = Diese These enthält keine Wörter; schreib die Aussage, über die abgestimmt werden soll.
claim-in-session = Diese Sitzung hat die These schon (der Abschnitt schlägt sie vor, oder es wird bereits über sie abgestimmt).
claim-already-proposed = Jemand hat diese These in dieser Sitzung schon vorgeschlagen; stimm ab, wenn ihre Karte gepostet ist.
claim-queued = Danke: Deine These ist Nr. { $id } in der Warteschlange. Die Moderation prüft sie; angenommen wird sie als Karte gepostet, über die alle abstimmen können.
claim-queue-empty = Keine Thesen warten auf Prüfung.
claim-queue-title = { $n ->
    [one] { $n } These wartet auf Prüfung:
   *[other] { $n } Thesen warten auf Prüfung:
}
claim-former-member = ein ehemaliges Mitglied
claim-queue-how = `claim approve N` postet eine als Abstimmungskarte (füge "neuen Wortlaut" hinzu, um sie zu ändern); `claim reject N` verwirft sie.
claim-no-such = Diese Gruppe hat keine vorgeschlagene These Nr. { $id }.
claim-approve-post = Eine vorgeschlagene These wird als neue Karte (oder Vorher-Karte) angenommen; wiederhole sie nach der Diskussion mit `poll create --phase post`.
claim-reworded-empty = Die umformulierte These enthält keine Wörter.
claim-reworded-taken = Die Sitzung hat schon eine These mit diesen Worten; formuliere sie anders oder lehne diese ab.
claim-approved = These Nr. { $id } ist angenommen und als Karte Nr. { $card } gepostet.
claim-rejected = These Nr. { $id } ist abgelehnt: Sie wird nirgends gepostet oder gezeigt.

cards-no-session = Hier ist keine Sitzung offen; poste zuerst einen Abschnitt (`excerpt next`).
cards-none-suggested = Der aktuelle Abschnitt schlägt keine Thesen vor. Mitglieder können mit `claim add "…"` eigene vorschlagen.
cards-all-posted = Jede These, die der Abschnitt vorschlägt, hat in dieser Sitzung schon ihre Karte.
cards-posted = { $n ->
    [one] { $n } These als Abstimmungskarte gepostet: { $cards }.
   *[other] { $n } Thesen als Abstimmungskarten gepostet: { $cards }.
}

quiz-needs-answer = Eine Quizfrage braucht ihre richtige Antwort: Füge --answer N hinzu (1 ist die erste Antwort).
quiz-bad-answer = --answer { $answer } ist keine der { $n } Antworten; gib eine Zahl von 1 bis { $n } an.
quiz-no-pre = Es gibt keine Vorher-Quizfrage, die auf ihr Gegenstück wartet; lege zuerst eine mit --phase pre an.
quiz-pre-is-poll = Die wartende Vorher-Umfrage (Nr. { $id }) ist eine Umfrage, keine Quizfrage; ihr Gegenstück legst du mit `poll create --phase post` an.
quiz-post-answer = Eine Nachher-Quizfrage behält die Antwort ihrer Vorher-Frage; lass --answer weg.
quiz-open-pre = Quizfrage Nr. { $id } ist offen (vor der Diskussion). Die richtige Antwort bleibt in den Ergebnissen verborgen; der Bericht zeigt, was die Mitglieder gelernt haben.
quiz-open-post = Quizfrage Nr. { $id } ist offen (nach der Diskussion). Die richtige Antwort bleibt in den Ergebnissen verborgen; der Bericht zeigt, was die Mitglieder gelernt haben.

map-scope-session = Sitzung #{ $id }
map-scope-reading = Text #{ $id } ({ $title })
map-no-session = Diese Gruppe hatte noch keine Sitzung; die Karte braucht Thesen, über die in einer abgestimmt wurde.
report-no-session = Diese Gruppe hatte noch keine Sitzung.
session-no-such = Diese Gruppe hat keine Sitzung Nr. { $id }.
