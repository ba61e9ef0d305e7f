# Die eigenen Daten eines Mitglieds (privacy my-data, forget-me, quotes) und Exporte.

privacy-votes-on-cards = { $n ->
    [one] { $n } zu einer Thesenkarte
   *[other] { $n } zu Thesenkarten
}
privacy-quiz-answers = { $n ->
    [one] { $n } Quizantwort
   *[other] { $n } Quizantworten
}
privacy-claims-approved = { $n } angenommen
privacy-claims-pending = { $n } warten auf Prüfung
privacy-claims-rejected = { $n } abgelehnt
privacy-claims-proposed = { $n ->
    [one] { $n } von dir vorgeschlagene These ({ $parts })
   *[other] { $n } von dir vorgeschlagene Thesen ({ $parts })
}
privacy-my-data = Das speichert colloquy über dich: { $replies }, { $votes } (anonyme Stimmen lassen sich dir nicht zuordnen und fehlen daher).
privacy-my-data-claims = Das speichert colloquy über dich: { $replies }, { $votes } und { $claims } (anonyme Stimmen lassen sich dir nicht zuordnen und fehlen daher).
privacy-no-record = Hier gibt es keinen Eintrag über dich.
privacy-my-data-file = Deine Antworten, Stimmen und vorgeschlagenen Thesen als JSON
privacy-forget-ask = Damit werden deine { $replies }, deine { $votes } und dein Mitgliedseintrag überall gelöscht, wo colloquy läuft, und die Zusammenfassungen, die dich zitiert oder deine Begründungen gezeigt haben, werden neu erstellt. Nachrichten, die schon im Chat stehen, bleiben dort. Anonyme Stimmen bleiben, ohne Verbindung zu dir.
privacy-forget-ask-claims = { $n ->
    [one] Damit werden deine { $replies }, deine { $votes }, die von dir vorgeschlagene und nicht angenommene These und dein Mitgliedseintrag überall gelöscht, wo colloquy läuft, und die Zusammenfassungen, die dich zitiert oder deine Begründungen gezeigt haben, werden neu erstellt. Nachrichten, die schon im Chat stehen, bleiben dort. Anonyme Stimmen bleiben, ohne Verbindung zu dir.
   *[other] Damit werden deine { $replies }, deine { $votes }, die { $n } von dir vorgeschlagenen und nicht angenommenen Thesen und dein Mitgliedseintrag überall gelöscht, wo colloquy läuft, und die Zusammenfassungen, die dich zitiert oder deine Begründungen gezeigt haben, werden neu erstellt. Nachrichten, die schon im Chat stehen, bleiben dort. Anonyme Stimmen bleiben, ohne Verbindung zu dir.
}
privacy-forget-cards-stay = { $n ->
    [one] Die von dir vorgeschlagene These, die zur Abstimmungskarte wurde, bleibt als die der Gruppe, ohne Namen.
   *[other] Von dir vorgeschlagene Thesen, die zu Abstimmungskarten wurden, bleiben als die der Gruppe, ohne Namen.
}
privacy-forget-confirm-hint = Zum Fortfahren: `privacy forget-me --confirm`.
privacy-proposed-claims = { $n ->
    [one] { $n } vorgeschlagene These
   *[other] { $n } vorgeschlagene Thesen
}
privacy-forgot = Erledigt: { $replies } und { $votes } gelöscht, und dein Mitgliedseintrag ist entfernt.
privacy-forgot-with-claims = Erledigt: { $replies }, { $votes } und { $claims } gelöscht, und dein Mitgliedseintrag ist entfernt.
privacy-forgot-nothing = Erledigt: colloquy hatte nichts über dich gespeichert, also wurde nichts gelöscht.
privacy-forgot-after = Nichts, was du bis jetzt geschrieben oder abgestimmt hast, wird wieder erfasst, auch nicht, wenn der Bot neu startet und den Verlauf des Chats liest. Wenn du wieder mitmachst (in einer Sitzung schreibst oder abstimmst), wird das wie üblich erfasst, und `privacy forget-me` entfernt es wieder.
privacy-quotes-on = Zusammenfassungen dürfen dich wieder mit Namen zitieren.
privacy-quotes-off = Ab jetzt zitieren Zusammenfassungen dich als „ein Mitglied“, nie mit Namen, und das optionale LLM darf dich nicht nennen.

export-ready = Export fertig: { $files }.
export-no-minutes = Hier hat noch keine Sitzung stattgefunden, also gibt es kein Protokoll.
export-minutes-file = Protokoll der Sitzung Nr. { $id }
export-replies-file = Antworten als CSV
export-votes-file = Stimmen namentlicher Umfragen als CSV
export-anonymous-votes-file = Stimmen anonymer Umfragen als CSV, ohne Abstimmende
export-attendance-file = Anwesenheit in Live-Sitzungen als CSV (Ortszeit)
export-json-file = Alles über diese Gruppe als JSON
