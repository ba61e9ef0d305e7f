//! Sentence segmentation: Unicode sentence boundaries (UAX #29) corrected for abbreviations.
//!
//! `unicode-segmentation` finds candidate boundaries; this module joins the candidates
//! that end in an abbreviation ("Dr.", "e.g.", "U.S.", "No. 10", initials) back together.

use unicode_segmentation::UnicodeSegmentation;

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

/// Split `text` into sentences, returned as trimmed slices of `text`, in order.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text)
        .into_iter()
        .map(|(start, end)| &text[start..end])
        .collect()
}

/// Byte ranges of the sentences of `text` (trimmed of surrounding white space).
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
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
                if joins_next(&text[prev.0..prev.1], &text[span.0..span.1]) {
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
    spans
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

/// Whether the candidate sentence `prev` really ends in an abbreviation that continues into `next`.
fn joins_next(prev: &str, next: &str) -> bool {
    let Some(last_word) = prev.split_whitespace().last() else {
        return false;
    };
    let Some(word) = last_word.strip_suffix('.') else {
        return false;
    };
    let word = word.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let next_first = next.split_whitespace().next().unwrap_or("");
    let next_starts_numeric = next_first
        .trim_start_matches(['(', '['])
        .starts_with(|c: char| c.is_ascii_digit());
    if ALWAYS_JOIN.contains(&lower.as_str()) {
        return true;
    }
    if JOIN_BEFORE_NUMBER.contains(&lower.as_str()) {
        return next_starts_numeric;
    }
    // A single initial, as in "J. S. Mill".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted acronyms such as "U.S." or "U.K.": a new sentence only before a usual opener.
    if is_dotted_acronym(word) {
        let opener = next_first.trim_matches(|c: char| !c.is_alphanumeric());
        return !SENTENCE_OPENERS.contains(&opener);
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
        t = t.trim_end_matches(['"', '”', '’', '\'', ')', '*', '_', '»']);
        if t.len() == before {
            break;
        }
    }
    t.ends_with(['.', '?', '!', '…', ':', ';'])
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
    fn terminal_punctuation() {
        assert!(ends_with_terminal("It ended."));
        assert!(ends_with_terminal("He said “stop.”"));
        assert!(ends_with_terminal("a propriety;[6]"));
        assert!(ends_with_terminal("Really?)"));
        assert!(!ends_with_terminal("democratization of the"));
        assert!(!ends_with_terminal("PUBLIUS"));
    }
}
