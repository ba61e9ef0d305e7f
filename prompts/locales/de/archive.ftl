# Die Seiten des statischen Archivs (prompts/archive/*.html.j2, src/engine/archive.rs) und die
# Wörter, die seine Suche zeigt (prompts/archive/search.js erhält sie aus search-index.js).

archive-date-pattern = %a, %-d. %b %Y
# Words quoted from the reading or a member, in the language's quotation marks.
archive-quoted = „{ $text }“
archive-skip = Zum Inhalt springen
archive-nav = Archiv
archive-readings = Texte
archive-sessions = Sitzungen
archive-search = Suche
archive-footer = Das Archiv von { $group }, von colloquy aus den Aufzeichnungen der Gruppe erstellt. Mitglieder, die nicht namentlich zitiert werden wollen, erscheinen als „{ a-member }“.

## Die Gruppenseite
archive-empty-group = In dieser Gruppe ist noch nichts geschehen: Es wurde kein Text importiert und keine Sitzung abgehalten. Das Archiv füllt sich nach der ersten Sitzung.
archive-by-author = von { $author }
archive-discussed-of = { $total ->
    [one] { $discussed } von { $total } Auszug besprochen
   *[other] { $discussed } von { $total } Auszügen besprochen
}
archive-sessions-caption = Jede Sitzung mit ihren Antworten und den Mitgliedern, die geschrieben haben; der Balken zeigt die Antworten der Sitzung neben denen der lebhaftesten Sitzung.
archive-col-date = Datum
archive-col-session = Sitzung
archive-col-members = Mitglieder
archive-col-replies = Antworten
archive-in-progress = läuft
archive-participation = Beteiligung im Verlauf
archive-session-tip = { $title }: { $replies ->
    [one] { $replies } Antwort
   *[other] { $replies } Antworten
} von { $members ->
    [one] { $members } Mitglied
   *[other] { $members } Mitgliedern
}
archive-participation-caption = { $n ->
    [one] Antworten je Sitzung, die älteste zuerst ({ $n } Sitzung); die Tabelle oben nennt die Zahlen jeder Sitzung.
   *[other] Antworten je Sitzung, die älteste zuerst ({ $n } Sitzungen); die Tabelle oben nennt die Zahlen jeder Sitzung.
}
archive-shifts = Wie sich die Meinungen bewegten
archive-col-claim = These
archive-col-net-shift = Nettoverschiebung
archive-col-changed = Geändert
archive-toward = in Richtung „{ $pole }“
archive-changed-of = { $changed } von { $paired }
archive-shifts-caption = Jedes Umfragepaar vor und nach der Diskussion: die Nettoverschiebung auf der Skala der Umfrage (Balken nach rechts gehen zur Zustimmung, nach links davon weg) und wie viele derer, die beide Male abgestimmt haben, ihre Meinung geändert haben.
archive-no-shifts = Noch ist kein Umfragepaar vor und nach der Diskussion geschlossen, daher gibt es keine Verschiebung zu zeigen.

## Die Lesekarte (Text- und Sitzungsseiten)
archive-sentence-tip = { $n ->
    [one] { $n } Antwort hat diesen Satz zitiert oder aufgegriffen
   *[other] { $n } Antworten haben diesen Satz zitiert oder aufgegriffen
}
archive-notes = Anmerkungen
archive-most-discussed = Die meistdiskutierte Stelle
archive-most-contested = Der umstrittenste Satz
archive-contested-counts = { $agree } von Mitgliedern, die der These zustimmten, { $disagree } von Mitgliedern, die ihr widersprachen
archive-direct-title = Antworten auf den Auszug selbst
archive-direct = { $n ->
    [one] { $n } Antwort ging direkt auf den Beitrag des Auszugs ein (eine Antwort auf der Plattform).
   *[other] { $n } Antworten gingen direkt auf den Beitrag des Auszugs ein (eine Antwort auf der Plattform).
}
archive-confusions = Fragen der Mitglieder zu einem Satz
archive-legend = Schattierung nach dem Maß, in dem ein Satz besprochen wurde:
archive-heat-0 = nicht zitiert
archive-heat-1 = ein wenig
archive-heat-2 = etwas
archive-heat-3 = viel
archive-heat-4 = am meisten
archive-legend-explained = Ein Satz ist danach schattiert, wie viele Antworten ihn zitiert oder eng aufgegriffen haben; die kleine Zahl dahinter zählt sie. Der meistdiskutierte Satz ist umrandet, der umstrittenste mit einer Wellenlinie unterstrichen.

## Ein Text
archive-reading-size = { $words ->
    [one] { $words } Wort
   *[other] { $words } Wörter
} in { $excerpts ->
    [one] { $excerpts } Auszug
   *[other] { $excerpts } Auszügen
}
archive-reading-map = Die Lesekarte
archive-excerpt-n = Auszug { $seq }
archive-discussed-on = besprochen { $date }
archive-not-discussed = noch nicht besprochen
archive-questions = Fragen
archive-no-excerpt-yet = Die Gruppe hat noch keinen Auszug dieses Textes erhalten.
archive-to-come = { $n ->
    [one] { $n } weiterer Auszug folgt: Das Archiv zeigt einen Auszug, sobald die Gruppe ihn erhalten hat.
   *[other] { $n } weitere Auszüge folgen: Das Archiv zeigt einen Auszug, sobald die Gruppe ihn erhalten hat.
}

## Eine Sitzung
archive-edited = bearbeitet
archive-deleted = gelöscht
archive-orphan = (Antwort auf eine Nachricht, die nicht mehr hier ist)
archive-permalink = Link zu dieser Antwort
archive-reply-deleted = Diese Antwort wurde gelöscht.
archive-on-this-page = Auf dieser Seite
archive-excerpt = Auszug
archive-discussion = Diskussion
archive-polls = Umfragen
archive-summary = Zusammenfassung
archive-opinion-map = Meinungskarte
archive-minutes-printable = Protokoll (zum Drucken)
archive-the-excerpt = Der Auszug
archive-no-replies = In dieser Sitzung wurden keine Antworten aufgezeichnet.
archive-poll-title = Umfrage #{ $id }: { $claim }
archive-poll-title-phase = { $phase ->
    [pre] Umfrage #{ $id } (vor der Diskussion): { $claim }
   *[post] Umfrage #{ $id } (nach der Diskussion): { $claim }
}
archive-poll-anonymous = Anonyme Umfrage
archive-poll-named = Namentliche Umfrage
archive-scale = { $scale ->
    [agree] Zustimmung / Ablehnung
    [likert5] Fünf-Punkte-Skala
    [yesno] ja / nein
    [card] Thesenkarte
   *[custom] eigene Optionen der Umfrage
}
archive-poll-closed = geschlossen
archive-poll-closes = schließt { $when }
archive-results-hidden = Die Ergebnisse bleiben verborgen, bis die Umfrage schließt.
archive-col-option = Option
archive-col-votes = Stimmen
archive-col-share = Anteil
archive-reasons = Genannte Gründe
archive-who-voted = Wer was gewählt hat ({ $n })
archive-map-in-summary = Die Zusammenfassung oben beschreibt die Karte: ihre Gruppen, worin sie übereinstimmen und wo sie sich trennen.
archive-minutes = Protokoll
archive-minutes-about = Das Protokoll enthält den Auszug, die Fragen, jede Antwort der Reihe nach, die Umfragen und die Zusammenfassung auf einer Seite zum Drucken.
archive-minutes-open = Das Protokoll dieser Sitzung öffnen

## Suche (die Seite und die Wörter, die search.js zeigt)
archive-search-label = Die Antworten und Auszüge durchsuchen
archive-search-button = Suchen
archive-search-needs-script = Die Suche braucht JavaScript; jede Seite des Archivs ist auch ohne lesbar.
archive-search-prompt = { $n ->
    [one] Geben Sie Wörter ein, um sie in den Antworten und Auszügen zu finden ({ $n } Eintrag).
   *[other] Geben Sie Wörter ein, um sie in den Antworten und Auszügen zu finden ({ $n } Einträge).
}
archive-search-none = Nichts gefunden für „{ $query }“.
archive-search-found = { $form ->
    [one] { $n } Treffer für „{ $query }“.
   *[other] { $n } Treffer für „{ $query }“.
}
archive-search-first = Nur die ersten { $max } werden gezeigt.
archive-search-reply-in = { $who } in { $title }
archive-search-reply = Antwort
archive-search-excerpt = Auszug
