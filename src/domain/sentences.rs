//! Sentence segmentation: Unicode sentence boundaries (UAX #29) corrected for abbreviations.
//!
//! `unicode-segmentation` finds candidate boundaries; this module joins the candidates
//! that end in an abbreviation back together, with each language's list ("Dr.", "e.g.",
//! "U.S.", "No. 10"; "т. е.", "и т. д.", "г. Москва"; "z. B.", "Nr. 5", "19. Jahrhundert";
//! "M. Dupont", "etc."; initials everywhere). Chinese sentences end at 。！？ (a closing
//! quote or bracket ”」』） goes with them) and are written without spaces between them.

use unicode_segmentation::UnicodeSegmentation;

use super::language::Lang;

/// Titles and Latin abbreviations that never end a sentence.
const ALWAYS_JOIN: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "gen", "col", "capt", "lt", "sgt",
    "gov", "sen", "rep", "hon", "mt", "messrs", "mme", "mlle", "e.g", "i.e", "cf", "vs", "viz",
    "al", "approx", "ca", "esp", "incl", "op", "ibid",
];

/// Abbreviations that end a sentence unless a number follows ("No. 10", "p. 42", "Jan. 5").
const JOIN_BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "ch", "chap", "sec", "art", "para",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Capitalized words that usually open a sentence: after "U.S." they mean a new sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "A",
    "An",
    "But",
    "And",
    "However",
    "Yet",
    "So",
    "If",
    "When",
    "While",
    "As",
    "We",
    "They",
    "He",
    "She",
    "I",
    "There",
    "Such",
    "Thus",
    "Hence",
    "For",
    "Nor",
    "Or",
    "What",
    "Why",
    "How",
    "Who",
    "Its",
    "Our",
    "Their",
    "His",
    "Her",
    "Since",
    "Although",
    "Though",
    "After",
    "Before",
    "Moreover",
    "Indeed",
    "Nevertheless",
    "Still",
    "Both",
    "Neither",
    "Each",
    "Many",
    "Most",
    "Some",
];

/// Split `text` into sentences, returned as trimmed slices of `text`, in order (English
/// abbreviations).
pub fn sentences(text: &str) -> Vec<&str> {
    sentences_in(text, Lang::En)
}

/// Split `text`, written in `lang`, into sentences.
pub fn sentences_in(text: &str, lang: Lang) -> Vec<&str> {
    sentence_spans_in(text, lang)
        .into_iter()
        .map(|(start, end)| &text[start..end])
        .collect()
}

/// Byte ranges of the sentences of `text` (trimmed of surrounding white space), English
/// abbreviations.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    sentence_spans_in(text, Lang::En)
}

/// Whether a character belongs to the CJK scripts or their full-width punctuation (text
/// written without spaces between words and sentences).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF65}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Whether `text` ends a Chinese sentence: 。！？ (or ……), then any closing quotes or brackets.
fn ends_cjk_sentence(text: &str) -> bool {
    let core = text.trim_end_matches(['”', '’', '」', '』', '）', '》', '〉', '】', '"', '\'']);
    core.ends_with(['。', '！', '？', '…']) || core.ends_with("?!")
}

/// What goes between two sentences (or lines) that are joined: nothing between CJK
/// text on both sides, a space otherwise.
pub fn joiner(before: &str, after: &str) -> &'static str {
    // "…更坏。”" ends in a Western closing quote after Chinese text: still Chinese.
    let last = before
        .trim_end()
        .trim_end_matches(['”', '’', '"', '\'', ')'])
        .chars()
        .next_back();
    let first = after.trim_start().chars().next();
    match (last, first) {
        (Some(a), Some(b)) if is_cjk(a) && is_cjk(b) => "",
        _ => " ",
    }
}

/// Byte ranges of the sentences of `text`, written in `lang`.
pub fn sentence_spans_in(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut pending: Option<(usize, usize)> = None;
    for (offset, piece) in text.split_sentence_bound_indices() {
        let trimmed = piece.trim_end();
        let lead = piece.len() - piece.trim_start().len();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let mut span = (offset + lead, offset + trimmed.len());
        pending = match pending {
            None => Some(span),
            // A boundary inside a word ("persecution.[" | "10] For"): a footnote marker
            // goes with the sentence it ends, anything else is one piece (excerpts join
            // sentences with a space, which would change the text).
            // Chinese sentences follow each other without a space.
            Some(prev) if prev.1 == span.0 && ends_cjk_sentence(&text[prev.0..prev.1]) => {
                spans.push(prev);
                Some(span)
            }
            Some(prev) if prev.1 == span.0 => {
                let marker = marker_tail(&text[prev.0..prev.1], &text[span.0..span.1]);
                if marker == 0 {
                    Some((prev.0, span.1))
                } else {
                    let rest = &text[span.0 + marker..span.1];
                    span.0 += marker + (rest.len() - rest.trim_start().len());
                    if span.0 >= span.1 {
                        Some((prev.0, span.1))
                    } else {
                        spans.push((prev.0, prev.1 + marker));
                        Some(span)
                    }
                }
            }
            Some(prev) => {
                // A sentence never runs across a paragraph break.
                let same_paragraph = !text[prev.1..span.0].contains("\n\n");
                if same_paragraph && joins_next(&text[prev.0..prev.1], &text[span.0..span.1], lang)
                {
                    Some((prev.0, span.1))
                } else {
                    spans.push(prev);
                    Some(span)
                }
            }
        };
    }
    if let Some(last) = pending {
        spans.push(last);
    }
    if text.chars().any(is_cjk) {
        spans = spans
            .into_iter()
            .flat_map(|span| split_cjk(text, span))
            .collect();
    }
    spans
}

/// Split a span after every full-width sentence end (。！？ and any closing quotes or
/// brackets) that more text follows: Unicode counts 「 and （ as closing punctuation too,
/// so "谁来付费？「这是问题。」" came as one piece.
fn split_cjk(text: &str, (start, end): (usize, usize)) -> Vec<(usize, usize)> {
    const CLOSERS: &[char] = &['”', '’', '」', '』', '）', '》', '〉', '】'];
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut from = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '。' | '！' | '？') {
            continue;
        }
        let mut cut = i + c.len_utf8();
        while let Some(&(k, n)) = chars.peek() {
            if matches!(n, '。' | '！' | '？') || CLOSERS.contains(&n) {
                cut = k + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &s[cut..];
        let lead = rest.len() - rest.trim_start().len();
        if rest.trim().is_empty() {
            break;
        }
        out.push((start + from, start + cut));
        from = cut + lead;
    }
    out.push((start + from, end));
    out
}

/// The length of "10]" when `prev` ends with "[" and `next` opens with "10]" (a footnote
/// marker cut in two), else 0.
fn marker_tail(prev: &str, next: &str) -> usize {
    if !prev.ends_with('[') {
        return 0;
    }
    let digits = next.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) && next[digits..].starts_with(']') {
        digits + 1
    } else {
        0
    }
}

/// Russian abbreviations that never end a sentence ("см. выше", "проф. Иванов").
const RU_ALWAYS_JOIN: &[&str] = &[
    "см", "ср", "напр", "проф", "акад", "доц", "им", "ул", "пр", "пл", "рис", "св", "тов", "гр",
    "ген", "кн", "стр", "ок",
];
/// Russian abbreviations that end a sentence unless a number follows ("с. 42", "№ 5").
const RU_JOIN_BEFORE_NUMBER: &[&str] = &["с", "т", "п", "ч", "гл", "ст", "вып", "кв", "№"];
/// German abbreviations that never end a sentence.
const DE_ALWAYS_JOIN: &[&str] = &[
    "bzw", "ca", "vgl", "dr", "prof", "hr", "fr", "sog", "ggf", "evtl", "inkl", "zzgl", "ebd",
    "hrsg", "bspw", "insb", "urspr", "gegr", "geb", "gest", "u.a", "z.b", "d.h", "z.t", "o.ä",
    "u.ä", "i.d.r", "s.o", "s.u", "v.a", "m.e", "st", "mio", "mrd", "jh", "jhd", "dt", "engl",
    "frz", "lat", "röm", "chr", "n.chr", "v.chr",
];
/// German abbreviations that end a sentence unless a number follows ("Nr. 5", "S. 12").
const DE_JOIN_BEFORE_NUMBER: &[&str] = &[
    "nr", "s", "abs", "art", "bd", "kap", "abb", "tab", "aufl", "jan", "feb", "apr", "aug", "sept",
    "okt", "nov", "dez", "ziff",
];
/// German words after which a number with a dot is an ordinal ("im 19. Jahrhundert").
const DE_AFTER_ORDINAL: &[&str] = &[
    "jahrhundert",
    "jahrhunderts",
    "jahrhunderte",
    "jh",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "jahrestag",
    "kapitel",
    "mal",
    "platz",
    "stelle",
    "auflage",
    "bundestag",
    "parteitag",
    "wahlperiode",
];
/// French abbreviations that never end a sentence.
const FR_ALWAYS_JOIN: &[&str] = &[
    "mm", "mme", "mmes", "mlle", "mlles", "mgr", "dr", "pr", "me", "st", "ste", "cf", "env", "av",
    "apr", "éd", "ibid", "op", "cit", "resp", "c.-à-d", "c-à-d", "vs", "bd", "éds",
];
/// French abbreviations that end a sentence unless a number follows ("p. 12", "n° 5").
const FR_JOIN_BEFORE_NUMBER: &[&str] = &[
    "p", "pp", "no", "n°", "t", "vol", "chap", "art", "fig", "al", "janv", "févr", "avr", "juil",
    "sept", "oct", "nov", "déc",
];
/// Words that end a list and often the sentence ("etc.", "usw.", "и др."): a new sentence
/// only when the next word opens one.
const LIST_ENDS: &[&str] = &["etc", "usw", "u.s.w", "др", "пр"];
const DE_OPENERS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Einen",
    "Es",
    "Er",
    "Sie",
    "Wir",
    "Ich",
    "Man",
    "Doch",
    "Aber",
    "Auch",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Dann",
    "So",
    "Denn",
    "Wenn",
    "Als",
    "In",
    "Im",
    "Auf",
    "Mit",
    "Nach",
    "Zu",
    "Zum",
    "Zur",
    "Bei",
    "Vor",
    "Für",
    "Und",
    "Oder",
    "Daher",
    "Deshalb",
    "Trotzdem",
    "Allerdings",
    "Jedoch",
    "Zudem",
    "Damit",
    "Dabei",
    "Hier",
    "Heute",
    "Nun",
    "Noch",
    "Nicht",
    "Kein",
    "Keine",
    "Was",
    "Wie",
    "Warum",
    "Wer",
    "Viele",
    "Manche",
    "Alle",
    "Jeder",
    "Jede",
    "Seine",
    "Ihre",
    "Unsere",
];
const FR_OPENERS: &[&str] = &[
    "Le",
    "La",
    "Les",
    "L",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "On",
    "Nous",
    "Vous",
    "Je",
    "Ce",
    "Cette",
    "Ces",
    "Cela",
    "Mais",
    "Et",
    "En",
    "Dans",
    "Pour",
    "Un",
    "Une",
    "Des",
    "Du",
    "Au",
    "Aux",
    "Si",
    "Quand",
    "Ainsi",
    "Cependant",
    "Pourtant",
    "Or",
    "Donc",
    "De",
    "Par",
    "Sur",
    "Son",
    "Sa",
    "Ses",
    "Leur",
    "Leurs",
    "Tout",
    "Tous",
    "Toute",
    "Toutes",
    "Aussi",
    "Enfin",
    "Puis",
    "Alors",
    "Car",
    "Certes",
    "Après",
    "Avant",
    "Depuis",
    "Chaque",
    "Plusieurs",
];

/// Whether the candidate sentence `prev`, written in `lang`, really ends in an
/// abbreviation that continues into `next`.
fn joins_next(prev: &str, next: &str, lang: Lang) -> bool {
    if lang == Lang::Zh && prev.trim_end().ends_with(['。', '！', '？']) {
        return false;
    }
    let Some(last_word) = prev.split_whitespace().last() else {
        return false;
    };
    let Some(word) = last_word.strip_suffix('.') else {
        return false;
    };
    let word = word.trim_start_matches(['(', '[', '"', '“', '‘', '\'', '«', '„']);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let next_first = next.split_whitespace().next().unwrap_or("");
    let next_starts_numeric = next_first
        .trim_start_matches(['(', '['])
        .starts_with(|c: char| c.is_ascii_digit());
    let opener = next_first.trim_matches(|c: char| !c.is_alphanumeric());
    let (always, before_number, openers): (&[&str], &[&str], &[&str]) = match lang {
        Lang::Ru => (RU_ALWAYS_JOIN, RU_JOIN_BEFORE_NUMBER, &[]),
        Lang::De => (DE_ALWAYS_JOIN, DE_JOIN_BEFORE_NUMBER, DE_OPENERS),
        Lang::Fr => (FR_ALWAYS_JOIN, FR_JOIN_BEFORE_NUMBER, FR_OPENERS),
        Lang::En | Lang::Other | Lang::Zh => (ALWAYS_JOIN, JOIN_BEFORE_NUMBER, SENTENCE_OPENERS),
    };
    if always.contains(&lower.as_str()) {
        return true;
    }
    if before_number.contains(&lower.as_str()) {
        return next_starts_numeric;
    }
    if LIST_ENDS.contains(&lower.as_str()) {
        // Russian writes every sentence with a capital and few words with one: a capital
        // after "и др." opens a sentence. Elsewhere only a usual opener does.
        return if lang == Lang::Ru {
            !opener.chars().next().is_some_and(char::is_uppercase)
        } else {
            !openers.contains(&opener)
        };
    }
    match lang {
        Lang::Ru => {
            // "и т. д." and "и т. п." close lists, often sentences: a capital opens the next.
            let before = prev
                .split_whitespace()
                .rev()
                .nth(1)
                .unwrap_or("")
                .to_lowercase();
            if before == "т." && matches!(lower.as_str(), "д" | "п") {
                return !opener.chars().next().is_some_and(char::is_uppercase);
            }
            // "г. Москва" (город), but "в 1991 г. Затем" ends a sentence.
            if matches!(lower.as_str(), "г" | "гг" | "в" | "вв") {
                return !before.chars().any(|c| c.is_ascii_digit())
                    || !opener.chars().next().is_some_and(char::is_uppercase);
            }
        }
        // "im 19. Jahrhundert", "am 3. Oktober": an ordinal, not a sentence end.
        Lang::De
            if word.chars().all(|c| c.is_ascii_digit())
                && (word.len() <= 2
                    || DE_AFTER_ORDINAL.contains(&opener.to_lowercase().as_str()))
                && !openers.contains(&opener) =>
        {
            return true;
        }
        _ => {}
    }
    // A single initial, as in "J. S. Mill", "А. С. Пушкин", "z. B.", "т. е.".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && (c.is_uppercase() || (lang != Lang::En && lang != Lang::Other && c.is_alphabetic()))
    {
        return true;
    }
    // Dotted acronyms such as "U.S.", "z.B." or "J.-C.": a new sentence only before a
    // usual opener (in Russian, before any capital).
    if is_dotted_acronym(&word.replace('-', "")) {
        return if lang == Lang::Ru {
            !opener.chars().next().is_some_and(char::is_uppercase)
        } else {
            !openers.contains(&opener)
        };
    }
    false
}

/// "U.S", "U.K", "e.g" style: single letters separated by dots.
fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Whether a sentence or paragraph ends with terminal punctuation (allowing closing quotes,
/// brackets and footnote markers such as "[6]").
pub fn ends_with_terminal(text: &str) -> bool {
    let mut t = text.trim_end();
    // Strip trailing footnote markers like "[12]" and closing quotes/brackets.
    loop {
        let before = t.len();
        if t.ends_with(']')
            && let Some(open) = t.rfind('[')
            && t[open + 1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
        {
            t = &t[..open];
        }
        t = t.trim_end_matches([
            '"', '”', '’', '\'', ')', '*', '_', '»', '“', '」', '』', '）', '》', '】',
        ]);
        if t.len() == before {
            break;
        }
    }
    t.ends_with(['.', '?', '!', '…', ':', ';', '。', '！', '？', '；', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One thing. Another thing! A third? Yes."),
            vec!["One thing.", "Another thing!", "A third?", "Yes."]
        );
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        let text = "Dr. Smith met Prof. Jones in the U.S. Senate, e.g. on Tuesday. The U.S. agreed. \
                    See No. 10 and p. 4 for more. J. S. Mill wrote it. They said no. Then left.";
        assert_eq!(
            sentences(text),
            vec![
                "Dr. Smith met Prof. Jones in the U.S. Senate, e.g. on Tuesday.",
                "The U.S. agreed.",
                "See No. 10 and p. 4 for more.",
                "J. S. Mill wrote it.",
                "They said no.",
                "Then left."
            ]
        );
    }

    #[test]
    fn a_footnote_marker_stays_with_its_sentence() {
        assert_eq!(
            sentences("objects of persecution.[10] For it is this. Next.[2]"),
            vec!["objects of persecution.[10]", "For it is this.", "Next.[2]"]
        );
    }

    #[test]
    fn acronym_before_an_opener_ends_the_sentence() {
        assert_eq!(
            sentences("Power moved to the U.S. The others followed."),
            vec!["Power moved to the U.S.", "The others followed."]
        );
    }

    #[test]
    fn joined_sentences_give_back_the_text() {
        let text = "A “quoted” claim.  Another (in brackets.) Last one";
        let joined = sentences(text).join(" ");
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn russian_abbreviations_and_initials_do_not_end_sentences() {
        let text = "Это касается лодок, т. е. малых судов. Они дешевле и т. д. Потом пришёл проф. Н. И. Лебедев, см. выше. \
                    В 1912 г. Совет собрался. В г. Москва всё иначе. Пойдём дальше.";
        assert_eq!(
            sentences_in(text, Lang::Ru),
            vec![
                "Это касается лодок, т. е. малых судов.",
                "Они дешевле и т. д.",
                "Потом пришёл проф. Н. И. Лебедев, см. выше.",
                "В 1912 г.",
                "Совет собрался.",
                "В г. Москва всё иначе.",
                "Пойдём дальше."
            ]
        );
    }

    #[test]
    fn german_abbreviations_and_ordinals_do_not_end_sentences() {
        let text = "Man denke z. B. an Boote. Die Regel Nr. 4 gilt im 19. Jahrhundert, vgl. Anhang. \
                    Prof. Dr. K. Brandt schrieb das usw. Die Stadt zahlt. Das geschah 1989. Danach kam der Rat.";
        assert_eq!(
            sentences_in(text, Lang::De),
            vec![
                "Man denke z. B. an Boote.",
                "Die Regel Nr. 4 gilt im 19. Jahrhundert, vgl. Anhang.",
                "Prof. Dr. K. Brandt schrieb das usw.",
                "Die Stadt zahlt.",
                "Das geschah 1989.",
                "Danach kam der Rat."
            ]
        );
    }

    #[test]
    fn french_abbreviations_do_not_end_sentences() {
        let text = "Comme l'écrivait M. Lefort (vol. 2, p. 41), la règle tient. Il faut des grues, des quais, etc. \
                    Le port paie. Mme Dupont, cf. annexe, y voit un danger. Avant J.-C. Rome régnait.";
        assert_eq!(
            sentences_in(text, Lang::Fr),
            vec![
                "Comme l'écrivait M. Lefort (vol. 2, p. 41), la règle tient.",
                "Il faut des grues, des quais, etc.",
                "Le port paie.",
                "Mme Dupont, cf. annexe, y voit un danger.",
                "Avant J.-C. Rome régnait."
            ]
        );
    }

    #[test]
    fn chinese_sentences_end_at_full_width_marks_with_their_closing_quotes() {
        let text = "他说：“规则更坏。”因此改革必须公开！谁来付费？「这是问题。」最后结束。";
        assert_eq!(
            sentences_in(text, Lang::Zh),
            vec![
                "他说：“规则更坏。”",
                "因此改革必须公开！",
                "谁来付费？",
                "「这是问题。」",
                "最后结束。"
            ]
        );
        // Joined back without spaces, they give the text again.
        let back = sentences_in(text, Lang::Zh).join("");
        assert_eq!(back, text);
        assert_eq!(joiner("结束。", "开始"), "");
        assert_eq!(joiner("End.", "Start"), " ");
        assert_eq!(joiner("规则更坏。”", "因此"), "");
        assert!(ends_with_terminal("他说：“好。”"));
        assert!(ends_with_terminal("为什么？"));
        assert!(!ends_with_terminal("这一段在页面的"));
    }

    #[test]
    fn terminal_punctuation() {
        assert!(ends_with_terminal("It ended."));
        assert!(ends_with_terminal("He said “stop.”"));
        assert!(ends_with_terminal("a propriety;[6]"));
        assert!(ends_with_terminal("Really?)"));
        assert!(!ends_with_terminal("democratization of the"));
        assert!(!ends_with_terminal("PUBLIUS"));
    }
}
