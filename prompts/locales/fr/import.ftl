# Importer des lectures, les lister et en prévisualiser la suite.

lang-en = anglais
lang-ru = russe
lang-zh = chinois
lang-de = allemand
lang-fr = français
lang-other = une autre langue
lang-generic = { $name } (règles génériques)

import-attach-a-file = Joignez un fichier .txt ou .md à `reading import` (ou répondez avec cette commande au message qui le contient).
import-title = **{ $title }**
import-title-by = **{ $title }** de { $author }
import-done = Importé : { $title } (lecture nº { $id }, { $language }) : { $words } en { $excerpts }.
import-front-matter = En-tête conservé comme informations, non publié : { $keys }.
import-footnotes-kept = { $n ->
    [one] { $n } note affichée sous l’extrait qui la cite.
   *[other] { $n } notes affichées sous les extraits qui les citent.
}
import-footnotes-dropped = { $n ->
    [one] { $n } note laissée de côté (--no-footnotes).
   *[other] { $n } notes laissées de côté (--no-footnotes).
}
import-long-reading = Remarque : cette lecture compte { $excerpts } extraits, un par jour de publication : environ { $weeks } au rythme du groupe ({ $days }). Donnez un --words plus grand pour des extraits moins nombreux et plus longs, ou importez le texte en plusieurs parties.
import-not-text = « { $name } » n’est pas un fichier .txt ou .md. Enregistrez la lecture en texte brut ou en Markdown et joignez ce fichier.
import-too-large = « { $name } » pèse { $size } ; la limite est de { $limit }. Découpez la lecture en parties et importez-les l’une après l’autre.
import-duplicate = Ce groupe a déjà ce texte : lecture nº { $id } « { $title } », importée le { $when }. Rien n’a été importé ; ajoutez --again pour l’importer une seconde fois.

reading-list-empty = Aucune lecture pour l’instant. Un animateur peut joindre un fichier .txt ou .md à `reading import`.
reading-list-title = **Lectures**
reading-state-finished = terminée
reading-state-not-started = pas commencée
reading-state-posted = { $posted } sur { $total } publiés
reading-no-such = Ce groupe n’a pas de lecture nº { $id } ; `reading list` les montre.
reading-preview-nothing-left = Plus rien à publier : tous les extraits ont été publiés. Importez la lecture suivante avec `reading import`.
reading-preview-next = À suivre :

## Ce que l’import remarque dans un texte
import-notice-forced = Remarque : --language { $code } a été donné, mais la plus grande partie du texte semble être en { $reads } ({ $pct }%) ; il est découpé et questionné en { $lang }, comme demandé.
import-notice-undetected = Remarque : la langue de ce texte n’a pas pu être déterminée, il est donc lu comme de l’anglais ; donnez --language ({ $codes }) pour la choisir.
import-notice-mixed = Remarque : ce texte mêle plusieurs langues ({ $top } { $pct }%, { $others }) ; il suit la langue majoritaire et est découpé et questionné en { $top }.
import-notice-no-rules = Remarque : ce texte est en { $name }, langue pour laquelle colloquy n’a pas encore de règles : il est découpé selon les règles génériques (fins de phrase Unicode, sans racinisation) et ses questions sont en anglais. Langues prises en charge : { $supported } ; donnez --language pour en choisir une.
import-warning-yes-no = Attention : la question « { $question } » peut se répondre par oui ou par non (à cause de « { $word } ») ; une question ouverte ({ $open }) lance mieux la discussion.
