//! Key terms of an excerpt: its noun phrases (domain::phrases), quoted ones and names first,
//! ranked by salience in the excerpt against the whole reading.

use std::collections::{HashMap, HashSet};

use super::phrases::{NounPhrase, noun_phrases};
pub use super::stop_words::{STOP_WORDS, is_stop_word};

/// Up to `max` key terms of `text`, in the text's own spelling, best first.
pub fn key_terms(text: &str, max: usize) -> Vec<String> {
    key_terms_batch(&[text], max).pop().unwrap_or_default()
}

/// Key terms of the excerpts of one reading: each excerpt's noun phrases ranked by
/// salience there against the whole reading (see [`rank`]).
pub fn key_terms_batch(texts: &[&str], max: usize) -> Vec<Vec<String>> {
    let phrases: Vec<Vec<NounPhrase>> = texts.iter().map(|t| noun_phrases(t)).collect();
    rank(&phrases, max)
}

/// Key terms of the excerpts of a reading written in `lang` (its own phrases, stems and
/// stop words: domain::lang_terms).
pub fn key_terms_batch_in(
    texts: &[&str],
    max: usize,
    lang: super::language::Lang,
) -> Vec<Vec<String>> {
    let phrases: Vec<Vec<NounPhrase>> = match lang {
        // Chinese compounds are kept whole where the whole reading repeats them.
        super::language::Lang::Zh => super::lang_terms::chinese_phrases_of_reading(texts),
        _ => texts
            .iter()
            .map(|t| super::lang_terms::phrases_in(t, lang))
            .collect(),
    };
    rank(&phrases, max)
}

/// Rank each excerpt's noun phrases, best first, up to `max` per excerpt.
///
/// Quoted phrases come first, then capitalised names of two words or more, then other
/// phrases of two words or more, and a single word only when those run out. Within a tier
/// phrases go by tf-idf: how often the phrase's key occurs in the excerpt, weighed by how
/// few of the reading's excerpts hold it. A phrase that repeats or extends one already
/// chosen is skipped.
pub fn rank(per_excerpt: &[Vec<NounPhrase>], max: usize) -> Vec<Vec<String>> {
    let n = per_excerpt.len().max(1) as f32;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for phrases in per_excerpt {
        let keys: HashSet<&str> = phrases.iter().map(|p| p.key.as_str()).collect();
        for k in keys {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    per_excerpt
        .iter()
        .map(|phrases| rank_one(phrases, &df, n, max))
        .collect()
}

fn rank_one(phrases: &[NounPhrase], df: &HashMap<&str, usize>, n: f32, max: usize) -> Vec<String> {
    // key -> (tier, count, the spelling shown)
    let mut by_key: HashMap<&str, (u8, usize, &NounPhrase)> = HashMap::new();
    for p in phrases {
        let tier = if p.quoted {
            0
        } else if p.proper {
            1
        } else if p.words >= 2 {
            2
        } else {
            3
        };
        // A phrase in an oblique case ranks with single words at best.
        let tier = if p.oblique && !p.quoted {
            tier.max(3)
        } else {
            tier
        };
        let e = by_key.entry(p.key.as_str()).or_insert((tier, 0, p));
        e.0 = e.0.min(tier);
        e.1 += 1;
        // Prefer a spelling in the nominative, then one from inside a sentence (its
        // capitals are its own).
        if (e.2.oblique && !p.oblique)
            || (e.2.oblique == p.oblique && e.2.at_sentence_start && !p.at_sentence_start)
        {
            e.2 = p;
        }
    }
    let mut scored: Vec<(u8, f32, usize, &NounPhrase)> = by_key
        .into_iter()
        .map(|(key, (tier, count, p))| {
            let idf = (n / df.get(key).copied().unwrap_or(1) as f32).ln() + 1.0;
            let length = match p.words {
                1 => 0.6,
                2 => 1.0,
                3 => 1.1,
                _ => 0.9,
            };
            // A term only found in an oblique case reads badly quoted alone.
            let case = if p.oblique { 0.4 } else { 1.0 };
            (tier, count as f32 * idf * length * case, p.start, p)
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut chosen: Vec<String> = Vec::new();
    let mut keys: Vec<Vec<&str>> = Vec::new();
    for (_, _, _, p) in scored {
        if chosen.len() >= max {
            break;
        }
        let words: Vec<&str> = p.key.split(' ').collect();
        let overlaps = keys
            .iter()
            .any(|k| words.iter().all(|w| k.contains(w)) || k.iter().all(|w| words.contains(w)));
        if overlaps {
            continue;
        }
        keys.push(words);
        chosen.push(display(p));
    }
    chosen
}

/// A phrase as a term: its own spelling, the sentence's capital taken off a common word.
fn display(p: &NounPhrase) -> String {
    if p.at_sentence_start && !p.proper && !p.quoted {
        let mut chars = p.surface.chars();
        let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
        let first_word = p.surface.split_whitespace().next().unwrap_or("");
        let second_upper = first_word.chars().skip(1).any(char::is_uppercase);
        if let Some(first) = first
            && !second_upper
        {
            return first + chars.as_str();
        }
    }
    p.surface.clone()
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
    fn terms_keep_original_spelling() {
        let text = "Sino-Russian rapprochement deepened. Critics doubt Sino-Russian rapprochement.";
        let terms = key_terms(text, 3);
        assert_eq!(terms[0], "Sino-Russian rapprochement", "{terms:?}");
    }

    #[test]
    fn salient_phrases_beat_ones_the_whole_reading_uses() {
        let texts = [
            "The public debt matters. The landed gentry resent the new tax on grain.",
            "The public debt matters. The merchant guilds welcome open trade routes.",
            "The public debt matters. The public debt is the landed gentry's excuse.",
        ];
        let terms = key_terms_batch(&texts, 3);
        assert_eq!(terms[0][0], "landed gentry", "{terms:?}");
        assert_ne!(terms[1][0], "public debt", "{terms:?}");
        assert!(
            terms[1].contains(&"merchant guilds".to_string()),
            "{terms:?}"
        );
        assert!(
            terms[1].contains(&"open trade routes".to_string()),
            "{terms:?}"
        );
        // Repeated in the third excerpt, it is salient there despite the others.
        assert_eq!(terms[2][0], "public debt", "{terms:?}");
    }

    #[test]
    fn a_single_generic_word_only_when_nothing_better_exists() {
        let terms = key_terms(
            "Government grows. Government taxes. The parliamentary opposition objects.",
            2,
        );
        assert_eq!(terms[0], "parliamentary opposition", "{terms:?}");
        assert_eq!(
            key_terms("Government grows.", 2),
            vec!["government".to_string()]
        );
    }

    #[test]
    fn no_term_is_a_fragment() {
        let text = "Right, as the world goes, is only in question between equals in power. \
                    A faction cannot last. Who fought the wars? Men did. Three hundred archers sailed.";
        for t in key_terms(text, 8) {
            assert!(!crate::domain::phrases::is_fragment(&t), "{t}");
        }
    }
}
