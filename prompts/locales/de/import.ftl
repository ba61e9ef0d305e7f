# Texte importieren, auflisten und vorab ansehen.

lang-en = Englisch
lang-ru = Russisch
lang-zh = Chinesisch
lang-de = Deutsch
lang-fr = Französisch
lang-other = eine andere Sprache
lang-generic = { $name } (allgemeine Regeln)

import-attach-a-file = Hänge an `reading import` eine .txt- oder .md-Datei an (oder antworte damit auf eine Nachricht mit der Datei).
import-title = **{ $title }**
import-title-by = **{ $title }** von { $author }
import-done = Importiert: { $title } (Text Nr. { $id }, { $language }): { $words }, { $excerpts }.
import-front-matter = Vorspann als Angaben gespeichert, nicht gepostet: { $keys }.
import-footnotes-kept = { $n ->
    [one] { $n } Fußnote steht unter dem Abschnitt, der sie zitiert.
   *[other] { $n } Fußnoten stehen unter den Abschnitten, die sie zitieren.
}
import-footnotes-dropped = { $n ->
    [one] { $n } Fußnote weggelassen (--no-footnotes).
   *[other] { $n } Fußnoten weggelassen (--no-footnotes).
}
import-long-reading = Hinweis: Dieser Text hat { $excerpts } Abschnitte, einen pro Veröffentlichungstag: etwa { $weeks } nach dem Zeitplan der Gruppe ({ $days }). Gib ein größeres --words an für weniger, längere Abschnitte, oder importiere den Text in Teilen.
import-not-text = „{ $name }“ ist keine .txt- oder .md-Datei. Speichere den Text als reinen Text oder Markdown und hänge diesen an.
import-too-large = „{ $name }“ ist { $size } groß; die Grenze liegt bei { $limit }. Teile den Text auf und importiere die Teile nacheinander.
import-duplicate = Diese Gruppe hat diesen Text schon: Text Nr. { $id } „{ $title }“, importiert am { $when }. Nichts wurde importiert; füge --again hinzu, um ihn ein zweites Mal zu importieren.

reading-list-empty = Noch keine Texte. Moderierende können eine .txt- oder .md-Datei an `reading import` anhängen.
reading-list-title = **Texte**
reading-state-finished = fertig gelesen
reading-state-not-started = noch nicht begonnen
reading-state-posted = { $posted } von { $total } gepostet
reading-no-such = Diese Gruppe hat keinen Text Nr. { $id }; `reading list` zeigt sie.
reading-preview-nothing-left = Nichts mehr zu posten: Alle Abschnitte sind gepostet. Importiere den nächsten Text mit `reading import`.
reading-preview-next = Als Nächstes:

## Was der Import an einem Text bemerkt
import-notice-forced = Hinweis: --language { $code } wurde angegeben, aber der Großteil des Textes liest sich als { $reads } ({ $pct }%); er wird wie gewünscht nach den Regeln für { $lang } geschnitten und befragt.
import-notice-undetected = Hinweis: Die Sprache dieses Textes ließ sich nicht erkennen, daher wird er als Englisch gelesen; gib --language ({ $codes }) an, um sie zu wählen.
import-notice-mixed = Hinweis: Dieser Text mischt Sprachen ({ $top } { $pct }%, { $others }); er folgt der Mehrheit und wird nach den Regeln für { $top } geschnitten und befragt.
import-notice-no-rules = Hinweis: Dieser Text ist auf { $name }, wofür colloquy noch keine eigenen Regeln hat: Er wird nach den allgemeinen Regeln geschnitten (Satzenden nach Unicode, ohne Stammformbildung), und seine Fragen sind auf Englisch. Unterstützt: { $supported }; gib --language an, um eine zu wählen.
import-warning-yes-no = Warnung: Die Frage „{ $question }“ lässt sich mit Ja oder Nein beantworten (wegen „{ $word }“); eine offene Frage ({ $open }) regt die Diskussion besser an.
