# Importing readings, listing and previewing them.

# Language names, as the reading list shows them.
lang-en = English
lang-ru = Russian
lang-zh = Chinese
lang-de = German
lang-fr = French
lang-other = another language
# A language read with the generic rules: "Español (generic rules)".
lang-generic = { $name } (generic rules)

import-attach-a-file = Attach a .txt or .md file to `reading import` (or reply to one with it).
import-title = **{ $title }**
import-title-by = **{ $title }** by { $author }
# "Imported **Title** by Author (reading #3, Russian): 1,200 words in 6 excerpts."
import-done = Imported { $title } (reading #{ $id }, { $language }): { $words } in { $excerpts }.
import-front-matter = Front matter kept as details, not posted: { $keys }.
import-footnotes-kept = { $n ->
    [one] { $n } footnote shown under the excerpt that cites it.
   *[other] { $n } footnotes shown under the excerpts that cite them.
}
import-footnotes-dropped = { $n ->
    [one] { $n } footnote left out (--no-footnotes).
   *[other] { $n } footnotes left out (--no-footnotes).
}
import-long-reading = Note: this reading has { $excerpts } excerpts, one per posting day: about { $weeks } at the group's schedule ({ $days }). Give a larger --words for fewer, longer excerpts, or import the text in parts.
import-not-text = "{ $name }" is not a .txt or .md file. Save the reading as plain text or Markdown and attach that.
import-too-large = "{ $name }" is { $size }; the limit is { $limit }. Split the reading into parts and import them one after another.
import-duplicate = This group already has this text: reading #{ $id } "{ $title }", imported on { $when }. Nothing was imported; add --again to import it a second time.

reading-list-empty = No readings yet. A facilitator can attach a .txt or .md file to `reading import`.
reading-list-title = **Readings**
reading-state-finished = finished
reading-state-not-started = not started
reading-state-posted = { $posted } of { $total } posted
reading-no-such = This group has no reading #{ $id }; `reading list` shows them.
reading-preview-nothing-left = Nothing left to post: every excerpt has been posted. Import the next reading with `reading import`.
reading-preview-next = Next up:

## What the importer notices about a text
import-notice-forced = Notice: --language { $code } was given, but most of the text reads as { $reads } ({ $pct }%); it is cut and questioned as { $lang } as you asked.
import-notice-undetected = Notice: the language of this text could not be told, so it is read as English; give --language ({ $codes }) to choose.
import-notice-mixed = Notice: this text mixes languages ({ $top } { $pct }%, { $others }); it follows the majority and is cut and questioned as { $top }.
import-notice-no-rules = Notice: this text reads as { $name }, which colloquy has no rules for yet: it is cut with the generic rules (Unicode sentence ends, no stemming) and its questions are in English. Supported: { $supported }; give --language to choose one.
import-warning-yes-no = Warning: the question “{ $question }” can be answered with yes or no (because of “{ $word }”); an open question ({ $open }) starts a better discussion.
