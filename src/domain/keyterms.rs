//! Key terms of an excerpt: the phrases it puts in quotes first, then RAKE keyword phrases.

use std::collections::HashSet;
use std::sync::LazyLock;

use keyword_extraction::rake::{Rake, RakeParams};
use unicode_segmentation::UnicodeSegmentation;

/// English stop words (NLTK's list) plus words too vague to be a key term.
pub static STOP_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = stop_words::get(stop_words::Language::English)
        .iter()
        .map(|w| w.to_string())
        .collect();
    for extra in [
        "also",
        "however",
        "would",
        "could",
        "one",
        "many",
        "may",
        "might",
        "must",
        "even",
        "much",
        "well",
        "like",
        "said",
        "yet",
        "upon",
        "shall",
        "us",
        "thus",
        "every",
        "without",
        "within",
        "among",
        "rather",
        "whether",
        "though",
        "although",
        "already",
        "always",
        "never",
        "often",
        "still",
        "first",
        "second",
        "last",
        "least",
        "less",
        "more",
        "made",
        "make",
        "say",
        "see",
        "seem",
        "seems",
        "become",
        "becomes",
        "another",
        "either",
        "neither",
        "nor",
        "since",
        "indeed",
        "therefore",
        "hence",
        "whose",
        "whom",
        "thing",
        "things",
        "way",
        "ways",
        "part",
        "kind",
        "whole",
        "great",
        "new",
        "two",
        "three",
        "amid",
        "amidst",
        "towards",
        "toward",
        "despite",
        "beyond",
        "across",
        "along",
        "onto",
        "per",
        "via",
        "unless",
        "until",
        "whereas",
        "whilst",
        "perhaps",
        "quite",
        "really",
        "particular",
        "particularly",
        "especially",
        "certain",
        "others",
        "recent",
        "recently",
        "sometimes",
        "called",
        "so-called",
        "given",
        "several",
        "various",
        "ever",
        "different",
        "right",
        "sure",
        "done",
        "true",
        "good",
        "bad",
        "able",
        "same",
        "like",
        "just",
        "little",
        "general",
        "common",
        "small",
        "large",
        "long",
        "high",
        "low",
        "far",
        "near",
        "best",
        "better",
        "worse",
        "worst",
        "mere",
        "merely",
        "means",
        "case",
        "cases",
        "fact",
        "matter",
        "point",
        "time",
        "times",
        "place",
        "day",
        "days",
        "year",
        "years",
        "thus",
        "nothing",
        "anything",
        "something",
        "everything",
        "everywhere",
        "else",
    ] {
        words.push(extra.to_string());
    }
    words
});

static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().map(String::as_str).collect());

/// Whether a lowercase word is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Up to `max` key terms of `text`, in the text's own spelling, best first.
pub fn key_terms(text: &str, max: usize) -> Vec<String> {
    key_terms_batch(&[text], max).pop().unwrap_or_default()
}

/// How many excerpts share one RAKE pass.
const BATCH: usize = 24;

/// Key terms of several texts: one RAKE pass over each batch of texts (RAKE's fixed
/// cost per call dominates on excerpt-sized texts), then for each text the candidate
/// phrases that occur in it, re-ranked by how often their words recur there.
pub fn key_terms_batch(texts: &[&str], max: usize) -> Vec<Vec<String>> {
    let mut out = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(BATCH) {
        // Sentence breaks between texts, so that no phrase spans two of them.
        let joined = chunk.join(".\n\n");
        let rake = Rake::new(RakeParams::WithDefaultsAndPhraseLength(
            &joined,
            &STOP_WORDS,
            Some(3),
        ));
        let phrases: Vec<String> = rake
            .get_ranked_phrases(60 * chunk.len())
            .into_iter()
            .filter(|p| looks_like_noun_phrase(p))
            .collect();
        let ranked: Vec<(&str, Vec<&str>)> = phrases
            .iter()
            .map(|p| (p.as_str(), p.split_whitespace().collect()))
            .collect();
        for text in chunk {
            out.push(terms_of(text, &ranked, max));
        }
    }
    out
}

fn terms_of(text: &str, ranked: &[(&str, Vec<&str>)], max: usize) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut push = |term: String, terms: &mut Vec<String>| {
        let key = term.to_lowercase();
        // Skip a term that repeats (or merely extends) one already chosen.
        let overlaps = seen
            .iter()
            .any(|s| s.contains(&key) || key.contains(s.as_str()));
        if !key.is_empty() && !overlaps {
            seen.insert(key);
            terms.push(term);
        }
    };
    for quoted in quoted_phrases(text) {
        push(quoted, &mut terms);
    }
    if terms.len() >= max {
        terms.truncate(max);
        return terms;
    }
    let words = word_spans(text);
    let mut frequency: std::collections::HashMap<&str, f32> = std::collections::HashMap::new();
    for (w, _, _) in &words {
        *frequency.entry(w.as_str()).or_insert(0.0) += 1.0;
    }
    // The batch's candidates that occur in this text, in RAKE's order; re-ranked so that
    // noun-like phrases whose words recur here come first.
    let mut candidates: Vec<(f32, usize, &str)> = ranked
        .iter()
        .filter(|(_, ws)| ws.iter().all(|w| frequency.contains_key(w)))
        .take(30)
        .enumerate()
        .map(|(rank, (p, ws))| {
            let recurrence: f32 = ws
                .iter()
                .map(|w| frequency.get(w).copied().unwrap_or(1.0))
                .sum::<f32>()
                / ws.len() as f32;
            let length_fit = match ws.len() {
                2 => 1.0,
                1 => -0.5,
                _ => 0.6,
            };
            (recurrence + length_fit - rank as f32 * 0.02, rank, *p)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, phrase) in candidates {
        if terms.len() >= max {
            break;
        }
        if let Some(original) = find_original(text, &words, phrase) {
            push(original, &mut terms);
        }
    }
    terms.truncate(max);
    terms
}

/// Without a part-of-speech tagger: a phrase of letters that does not end in a typical
/// adjective, adverb or participle ending ("-ly", "-ous", "-ive", "-ing", "-ed").
fn looks_like_noun_phrase(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let letters = phrase.chars().filter(|c| c.is_alphabetic()).count();
    let adjective_end = [
        "ly", "ous", "ive", "ing", "ed", "able", "ible", "ful", "less",
    ];
    letters >= 4
        && words
            .iter()
            .all(|w| w.chars().any(char::is_alphabetic) && w.chars().count() >= 2)
        && !first.ends_with("ly")
        && !adjective_end.iter().any(|e| last.ends_with(e))
}

/// Short phrases in quotation marks: “axis of convenience”, "strange case".
pub fn quoted_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let pairs = [('“', '”'), ('"', '"'), ('‘', '’')];
    for (open, close) in pairs {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let mut inner = after[..end]
                .trim()
                .trim_end_matches([',', '.', ';', ':'])
                .trim();
            for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
                if let Some(rest) = inner.strip_prefix(article) {
                    inner = rest;
                }
            }
            let words = inner.split_whitespace().count();
            if (1..=5).contains(&words)
                && inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && !inner.ends_with(['?', '!'])
                && !inner.contains(['(', ')'])
            {
                out.push(inner.to_string());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// Word tokens of `text` (lowercased) with their byte spans.
fn word_spans(text: &str) -> Vec<(String, usize, usize)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (w.to_lowercase(), i, i + w.len()))
        .collect()
}

/// Find a lowercased RAKE phrase in the text and return the original spelling.
fn find_original(text: &str, words: &[(String, usize, usize)], phrase: &str) -> Option<String> {
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    let first = *wanted.first()?;
    'outer: for i in 0..words.len() {
        if words[i].0.trim_end_matches("'s") != first && words[i].0 != first {
            continue;
        }
        // Words of the phrase may be separated by hyphens or apostrophes in the text.
        let mut j = i;
        for (k, w) in wanted.iter().enumerate() {
            if k > 0 {
                j += 1;
            }
            match words.get(j) {
                Some((tok, _, _)) if tok == w || tok.trim_end_matches("'s") == *w => {}
                _ => continue 'outer,
            }
        }
        let (mut start, mut end) = (words[i].1, words[j].2);
        // Keep hyphenated compounds whole: "Russian" in "Sino-Russian" is "Sino-Russian".
        while text[..start].ends_with('-') {
            let before = &text[..start - 1];
            let word_start = before
                .rfind(|c: char| !c.is_alphanumeric())
                .map(|k| k + before[k..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0);
            if word_start >= start - 1 {
                break;
            }
            start = word_start;
        }
        while text[end..].starts_with('-') {
            let after = &text[end + 1..];
            let len = after
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(after.len());
            if len == 0 {
                break;
            }
            end += 1 + len;
        }
        let original = &text[start..end];
        if original.contains(['.', ',', ';', ':', '\n']) {
            continue;
        }
        // Emphasis marks are not part of the term: "_absolute_ certainty".
        return Some(original.replace(['_', '*'], ""));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_phrases_come_first() {
        let text = "Scholars speak of an “axis of convenience” and of a \"strange case.\" \
                    Coalition bargaining shapes coalition bargaining outcomes in parliamentary democracies.";
        let terms = key_terms(text, 4);
        assert_eq!(terms[0], "axis of convenience");
        assert_eq!(terms[1], "strange case");
        assert!(terms.len() >= 3, "{terms:?}");
        for t in &terms {
            assert!(text.contains(t.as_str()), "{t} is not in the text");
        }
    }

    #[test]
    fn rake_terms_keep_original_spelling() {
        let text = "Sino-Russian rapprochement deepened. Critics doubt Sino-Russian rapprochement.";
        let terms = key_terms(text, 3);
        assert!(
            terms.iter().any(|t| t == "Sino-Russian rapprochement"),
            "{terms:?}"
        );
    }

    #[test]
    fn whole_quoted_sentences_are_not_terms() {
        assert!(quoted_phrases("He asked “why should anyone care about this at all?”").is_empty());
    }
}
