//! Replies as sparse TF-IDF vectors (stemmed and stop words removed in each reply's
//! language) and their continuous
//! LexRank centrality, computed without building the similarity graph: with unit rows X,
//! the graph is X·Xᵀ minus the diagonal, so each power iteration costs two passes over
//! X's non-zeros.

use std::collections::HashMap;

use crate::domain::lang_terms::{chinese_content_words, is_stop_word_in, stem_in};
use crate::domain::language::Lang;

/// The stem of a lowercase word in `lang` (Chinese words are their own stem).
pub(super) fn stem(word: &str, lang: Lang) -> String {
    stem_in(word, lang)
}

/// Content words of a text written in `lang`, lowercased, stop words removed (not
/// stemmed). Chinese is cut into words and tagged by jieba
/// ([`chinese_content_words`]).
pub(super) fn content_words(text: &str, lang: Lang) -> Box<dyn Iterator<Item = String> + '_> {
    if lang == Lang::Zh {
        return Box::new(chinese_content_words(text).into_iter());
    }
    Box::new(
        text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.chars().count() >= 3 && w.chars().any(char::is_alphabetic))
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_string())
            .filter(move |w| !is_stop_word_in(w, lang)),
    )
}

/// Sparse unit vectors of the replies and each term's document frequency.
pub(super) struct Vectors {
    pub rows: Vec<Vec<(u32, f32)>>,
    pub df: Vec<u32>,
}

/// Vectors of `texts`, each read in its language.
pub(super) fn vectorize<S: AsRef<str>>(texts: &[(S, Lang)]) -> Vectors {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    // Surface word -> term id, so each distinct word is stemmed once, not at every use.
    let mut word_ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut counts: Vec<Vec<(u32, f32)>> = Vec::with_capacity(texts.len());
    for (t, lang) in texts {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for w in content_words(t.as_ref(), *lang) {
            let id = match word_ids.get(&w) {
                Some(id) => *id,
                None => {
                    let stem = stem(&w, *lang);
                    let id = match vocab.get(&stem) {
                        Some(id) => *id,
                        None => {
                            let id = df.len() as u32;
                            vocab.insert(stem, id);
                            df.push(0);
                            id
                        }
                    };
                    word_ids.insert(w.clone(), id);
                    id
                }
            };
            *tf.entry(id).or_insert(0.0) += 1.0;
        }
        for id in tf.keys() {
            df[*id as usize] += 1;
        }
        let mut row: Vec<(u32, f32)> = tf.into_iter().collect();
        row.sort_unstable_by_key(|(id, _)| *id);
        counts.push(row);
    }
    let n = texts.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|d| ((1.0 + n) / (1.0 + *d as f32)).ln() + 1.0)
        .collect();
    for row in &mut counts {
        let mut norm = 0.0f32;
        for (id, w) in row.iter_mut() {
            *w = (1.0 + w.ln()) * idf[*id as usize];
            norm += *w * *w;
        }
        let norm = norm.sqrt();
        if norm > 0.0 {
            for (_, w) in row.iter_mut() {
                *w /= norm;
            }
        }
    }
    Vectors { rows: counts, df }
}

pub(super) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Continuous LexRank scores (they sum to 1), by power iteration over X without forming X·Xᵀ.
pub(super) fn lexrank(rows: &[Vec<(u32, f32)>], vocab: usize) -> Vec<f64> {
    let n = rows.len();
    if n == 0 {
        return Vec::new();
    }
    let self_sim: Vec<f64> = rows
        .iter()
        .map(|r| r.iter().map(|(_, w)| (*w as f64).powi(2)).sum())
        .collect();
    let mut column_sum = vec![0f64; vocab];
    for r in rows {
        for (id, w) in r {
            column_sum[*id as usize] += *w as f64;
        }
    }
    let degree: Vec<f64> = rows
        .iter()
        .zip(&self_sim)
        .map(|(r, s)| {
            r.iter()
                .map(|(id, w)| *w as f64 * column_sum[*id as usize])
                .sum::<f64>()
                - s
        })
        .collect();
    let damping = 0.85;
    let base = (1.0 - damping) / n as f64;
    let mut p = vec![1.0 / n as f64; n];
    let mut v = vec![0f64; vocab];
    for _ in 0..40 {
        v.iter_mut().for_each(|x| *x = 0.0);
        // Mass of isolated replies (no similarity to any other) is spread evenly.
        let mut dangling = 0.0;
        for (i, r) in rows.iter().enumerate() {
            if degree[i] <= 1e-12 {
                dangling += p[i];
                continue;
            }
            let share = p[i] / degree[i];
            for (id, w) in r {
                v[*id as usize] += share * *w as f64;
            }
        }
        let mut next = vec![0f64; n];
        let mut delta = 0.0;
        for (j, r) in rows.iter().enumerate() {
            let incoming: f64 = r
                .iter()
                .map(|(id, w)| *w as f64 * v[*id as usize])
                .sum::<f64>()
                - if degree[j] > 1e-12 {
                    p[j] / degree[j] * self_sim[j]
                } else {
                    0.0
                };
            next[j] = base + damping * (incoming.max(0.0) + dangling / n as f64);
            delta += (next[j] - p[j]).abs();
        }
        let total: f64 = next.iter().sum();
        if total > 0.0 {
            next.iter_mut().for_each(|x| *x /= total);
        }
        p = next;
        if delta < 1e-7 {
            break;
        }
    }
    p
}
