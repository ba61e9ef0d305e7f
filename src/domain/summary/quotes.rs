//! Quotes: a run of whole sentences from one reply, never cut inside a sentence when a
//! sentence fits, and a check that a quote is the member's exact words.

use super::analysis::{Reading, Sentence};
use crate::domain::text::{squeeze_spaces, truncate_chars};

/// The longest single sentence quoted whole when no shorter run fits.
const SENTENCE_AT_MOST: usize = 480;

/// The quoted text of `text[start..end]`: the member's words, white space collapsed.
pub(super) fn quote_text(text: &str, start: usize, end: usize) -> String {
    squeeze_spaces(&text[start..end])
}

/// Is `quote` the exact words of `source`, white space aside? (A quote cut with "…" is
/// checked up to the cut.)
pub fn is_exact(quote: &str, source: &str) -> bool {
    let quote = squeeze_spaces(quote);
    let body = quote.strip_suffix('…').map(str::trim_end).unwrap_or(&quote);
    !body.is_empty() && squeeze_spaces(source).contains(body)
}

/// The best run of sentences of a reply to quote within `max_chars`: the substantive
/// sentences (asides such as "Thanks all." never), weighted by `weight`, containing
/// sentence `must` when given. Returns the quoted text.
pub(super) fn best_run(
    text: &str,
    reading: &Reading,
    max_chars: usize,
    must: Option<usize>,
    weight: &dyn Fn(&Sentence) -> f64,
) -> Option<String> {
    let s = &reading.sentences;
    let chars = |a: usize, b: usize| quote_text(text, s[a].start, s[b].end).chars().count();
    let mut best: Option<(f64, usize, usize)> = None;
    for a in 0..s.len() {
        if s[a].aside {
            continue;
        }
        let mut total = 0.0;
        for (b, sentence) in s.iter().enumerate().skip(a) {
            if sentence.aside || chars(a, b) > max_chars {
                break;
            }
            total += weight(sentence);
            if must.is_some_and(|m| m < a || m > b) {
                continue;
            }
            if best.is_none_or(|(w, _, _)| total > w + 1e-9) {
                best = Some((total, a, b));
            }
        }
    }
    if let Some((_, a, b)) = best {
        return Some(quote_text(text, s[a].start, s[b].end));
    }
    // No run fits: the heaviest (or required) sentence alone, cut only if it is very long.
    let one = match must {
        Some(m) => Some(m),
        None => (0..s.len())
            .filter(|i| !s[*i].aside)
            .max_by(|x, y| weight(&s[*x]).total_cmp(&weight(&s[*y])).then(y.cmp(x))),
    }?;
    let sentence = quote_text(text, s[one].start, s[one].end);
    Some(if sentence.chars().count() <= SENTENCE_AT_MOST {
        sentence
    } else {
        truncate_chars(&sentence, max_chars)
    })
}

#[cfg(test)]
mod tests {
    use super::super::analysis::read;
    use super::*;

    #[test]
    fn quotes_are_whole_sentences() {
        let text = "Thanks all. The watching does most of the work, so the rules can be mild. Visible cheating is rare cheating. That is all.";
        let r = read(text, false, crate::domain::language::Lang::En);
        let w = |s: &Sentence| s.content as f64;
        let q = best_run(text, &r, 100, None, &w).unwrap();
        assert_eq!(
            q,
            "The watching does most of the work, so the rules can be mild. Visible cheating is rare cheating."
        );
        assert!(is_exact(&q, text));
        let q = best_run(text, &r, 40, Some(2), &w).unwrap();
        assert_eq!(q, "Visible cheating is rare cheating.");
    }

    #[test]
    fn exactness_ignores_white_space_only() {
        assert!(is_exact("a  b\nc", "x a b c y"));
        assert!(!is_exact("a b d", "x a b c y"));
        assert!(is_exact("a b…", "a b c"));
        assert!(!is_exact("…", "a b c"));
    }
}
