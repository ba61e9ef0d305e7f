//! Extractive session summaries: participation, themes, representative replies,
//! disagreements and open questions, computed from the replies alone.
//!
//! Replies become sparse TF-IDF vectors (stemmed, stop words removed). Centrality is
//! continuous LexRank over the cosine-similarity graph, computed without building the
//! graph: with unit rows X, the graph is X·Xᵀ minus the diagonal, so each power
//! iteration costs two passes over X's non-zeros. Representatives are then picked by
//! maximal marginal relevance so that they do not repeat each other.

use std::collections::HashMap;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use super::keyterms::is_stop_word;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// One reply as the summarizer sees it.
#[derive(Debug, Clone)]
pub struct ReplyIn {
    pub id: i64,
    /// Stable key of the author (never shown).
    pub author_key: String,
    /// How the author is named in quotes (`None`: quote anonymously).
    pub author_name: Option<String>,
    pub text: String,
    /// Milliseconds since the epoch.
    pub at: i64,
    /// The reply this one answers, if it is a reply to another recorded reply.
    pub reply_to: Option<i64>,
}

/// A member's position on a poll's axis (positive: agree / yes), for disagreements.
#[derive(Debug, Clone)]
pub struct PositionIn {
    pub claim: String,
    pub positions: HashMap<String, f64>,
}

/// A quoted reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub reply_id: i64,
    /// The author's display name, or "a member" for those who opted out of attribution.
    pub author: String,
    pub text: String,
}

/// How many took part and how evenly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Participation {
    pub members: usize,
    pub replies: usize,
    pub words: usize,
    /// 1 - Gini coefficient of replies per member: 1 when everyone spoke equally.
    pub evenness: f64,
    /// Share of replies written by the most active fifth of the members.
    pub top_fifth_share: f64,
}

/// A theme: keywords that occur together, and the replies behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub keywords: Vec<String>,
    pub replies: usize,
    pub example: Option<Quote>,
}

/// Two sides of a disagreement, one reply each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// The claim or topic they disagree about.
    pub about: String,
    pub one_side: Quote,
    pub other_side: Quote,
}

/// The extractive summary of a set of replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Summary {
    pub participation: Participation,
    pub themes: Vec<Theme>,
    pub representative: Vec<Quote>,
    pub disagreements: Vec<Disagreement>,
    pub open_questions: Vec<Quote>,
}

/// How much to say.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub representatives: usize,
    pub themes: usize,
    pub open_questions: usize,
    pub quote_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            representatives: 4,
            themes: 3,
            open_questions: 3,
            quote_chars: 280,
        }
    }
}

/// Content words of a text, lowercased, stop words removed (not stemmed).
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 3 && w.chars().any(char::is_alphabetic))
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s").to_string())
        .filter(|w| !is_stop_word(w))
}

/// Sparse unit vectors of the replies, and the vocabulary's surface words.
struct Vectors {
    rows: Vec<Vec<(u32, f32)>>,
    df: Vec<u32>,
    /// For each term id, its most frequent surface form.
    surface: Vec<String>,
}

fn vectorize(replies: &[ReplyIn]) -> Vectors {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    // Surface word -> term id, so each distinct word is stemmed once, not at every use.
    let mut word_ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut surface_counts: Vec<HashMap<String, u32>> = Vec::new();
    let mut counts: Vec<Vec<(u32, f32)>> = Vec::with_capacity(replies.len());
    for r in replies {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for w in content_words(&r.text) {
            let id = match word_ids.get(&w) {
                Some(id) => *id,
                None => {
                    let stem = STEMMER.stem(&w).into_owned();
                    let id = match vocab.get(&stem) {
                        Some(id) => *id,
                        None => {
                            let id = df.len() as u32;
                            vocab.insert(stem, id);
                            df.push(0);
                            surface_counts.push(HashMap::new());
                            id
                        }
                    };
                    word_ids.insert(w.clone(), id);
                    id
                }
            };
            *tf.entry(id).or_insert(0.0) += 1.0;
            if surface_counts[id as usize].len() < 8 || surface_counts[id as usize].contains_key(&w)
            {
                *surface_counts[id as usize].entry(w).or_insert(0) += 1;
            }
        }
        for id in tf.keys() {
            df[*id as usize] += 1;
        }
        let mut row: Vec<(u32, f32)> = tf.into_iter().collect();
        row.sort_unstable_by_key(|(id, _)| *id);
        counts.push(row);
    }
    let n = replies.len() as f32;
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
    let surface = surface_counts
        .into_iter()
        .map(|m| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(w, _)| w)
                .unwrap_or_default()
        })
        .collect();
    Vectors {
        rows: counts,
        df,
        surface,
    }
}

fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
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
fn lexrank(rows: &[Vec<(u32, f32)>], vocab: usize) -> Vec<f64> {
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

/// The Gini coefficient of counts (0: all equal; towards 1: one has everything).
pub fn gini(counts: &mut [usize]) -> f64 {
    let n = counts.len();
    if n < 2 {
        return 0.0;
    }
    counts.sort_unstable();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return 0.0;
    }
    let weighted: f64 = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (i as f64 + 1.0) * *c as f64)
        .sum();
    (2.0 * weighted) / (n as f64 * total as f64) - (n as f64 + 1.0) / n as f64
}

fn quote(r: &ReplyIn, max_chars: usize) -> Quote {
    Quote {
        reply_id: r.id,
        author: r
            .author_name
            .clone()
            .unwrap_or_else(|| "a member".to_string()),
        text: super::text::truncate_chars(&super::text::squeeze_spaces(&r.text), max_chars),
    }
}

const DISAGREEMENT_MARKERS: &[&str] = &[
    "disagree",
    "not convinced",
    "unconvinced",
    "i don't think",
    "i do not think",
    "i doubt",
    "on the contrary",
    "that's wrong",
    "that is wrong",
    "overstates",
    "misses",
    "not so sure",
    "i'm not sure",
    "but ",
    "however",
    "no,",
    "rather",
    "actually",
    "not true",
];

/// Summarize replies (in posting order) with the members' poll positions.
pub fn summarize(replies: &[ReplyIn], positions: &[PositionIn], limits: Limits) -> Summary {
    let mut summary = Summary::default();
    if replies.is_empty() {
        return summary;
    }
    // Participation.
    let mut per_member: HashMap<&str, usize> = HashMap::new();
    let mut words = 0;
    for r in replies {
        *per_member.entry(r.author_key.as_str()).or_insert(0) += 1;
        words += super::text::word_count(&r.text);
    }
    let mut counts: Vec<usize> = per_member.values().copied().collect();
    let g = gini(&mut counts);
    let top = counts.len().div_ceil(5);
    let top_share = counts.iter().rev().take(top).sum::<usize>() as f64 / replies.len() as f64;
    summary.participation = Participation {
        members: per_member.len(),
        replies: replies.len(),
        words,
        evenness: 1.0 - g,
        top_fifth_share: top_share,
    };

    let vectors = vectorize(replies);
    let scores = lexrank(&vectors.rows, vectors.df.len());
    let substantial: Vec<bool> = vectors.rows.iter().map(|r| r.len() >= 3).collect();

    // Representative replies: MMR over the most central candidates.
    let mut order: Vec<usize> = (0..replies.len()).filter(|i| substantial[*i]).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    order.truncate(200);
    let max_score = order.first().map(|i| scores[*i]).unwrap_or(1.0).max(1e-12);
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < limits.representatives && chosen.len() < order.len() {
        let best = order
            .iter()
            .filter(|i| !chosen.contains(i))
            .map(|&i| {
                let redundancy = chosen
                    .iter()
                    .map(|&j| dot(&vectors.rows[i], &vectors.rows[j]))
                    .fold(0.0f32, f32::max) as f64;
                (i, 0.5 * scores[i] / max_score - 0.5 * redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((i, _)) => chosen.push(i),
            None => break,
        }
    }
    chosen.sort_unstable();
    summary.representative = chosen
        .iter()
        .map(|&i| quote(&replies[i], limits.quote_chars))
        .collect();

    summary.themes = themes(replies, &vectors, &scores, limits);
    summary.disagreements = disagreements(replies, &vectors, &scores, positions, limits);
    summary.open_questions = open_questions(replies, &vectors, &scores, limits);
    summary
}

fn themes(replies: &[ReplyIn], vectors: &Vectors, scores: &[f64], limits: Limits) -> Vec<Theme> {
    let n = replies.len();
    let min_df = 2.max(n / 100) as u32;
    let max_df = (n as f64 * 0.6).ceil() as u32;
    let mut weight = vec![0f64; vectors.df.len()];
    for row in &vectors.rows {
        for (id, w) in row {
            weight[*id as usize] += *w as f64;
        }
    }
    let mut terms: Vec<u32> = (0..vectors.df.len() as u32)
        .filter(|t| {
            let d = vectors.df[*t as usize];
            d >= min_df && (d <= max_df || n < 6)
        })
        .collect();
    terms.sort_by(|a, b| {
        weight[*b as usize]
            .total_cmp(&weight[*a as usize])
            .then(a.cmp(b))
    });
    terms.truncate(12);
    if terms.is_empty() {
        return Vec::new();
    }
    // Postings of the chosen terms only.
    let index: HashMap<u32, usize> = terms.iter().enumerate().map(|(k, t)| (*t, k)).collect();
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); terms.len()];
    for (i, row) in vectors.rows.iter().enumerate() {
        for (id, _) in row {
            if let Some(k) = index.get(id) {
                postings[*k].push(i);
            }
        }
    }
    let jaccard = |a: &[usize], b: &[usize]| {
        let (mut i, mut j, mut both) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        both as f64 / (a.len() + b.len() - both).max(1) as f64
    };
    // Greedy clustering: a term joins the first cluster whose seed it co-occurs with.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for k in 0..terms.len() {
        match clusters
            .iter_mut()
            .find(|c| jaccard(&postings[c[0]], &postings[k]) >= 0.25)
        {
            Some(c) if c.len() < 4 => c.push(k),
            _ => clusters.push(vec![k]),
        }
    }
    let mut out = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for cluster in clusters.into_iter().take(limits.themes) {
        let mut members: Vec<usize> = cluster
            .iter()
            .flat_map(|k| postings[*k].iter().copied())
            .collect();
        members.sort_unstable();
        members.dedup();
        // The most central reply behind the theme that no earlier theme used.
        let pick = members
            .iter()
            .copied()
            .filter(|i| !used.contains(i))
            .max_by(|a, b| scores[*a].total_cmp(&scores[*b]).then(b.cmp(a)));
        if let Some(i) = pick {
            used.push(i);
        }
        let example = pick.map(|i| quote(&replies[i], limits.quote_chars));
        out.push(Theme {
            keywords: cluster
                .iter()
                .map(|k| vectors.surface[terms[*k] as usize].clone())
                .collect(),
            replies: members.len(),
            example,
        });
    }
    out
}

fn disagreements(
    replies: &[ReplyIn],
    vectors: &Vectors,
    scores: &[f64],
    positions: &[PositionIn],
    limits: Limits,
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let best_by = |keep: &dyn Fn(&ReplyIn) -> bool| {
        (0..replies.len())
            .filter(|i| keep(&replies[*i]) && vectors.rows[*i].len() >= 3)
            .max_by(|a, b| scores[*a].total_cmp(&scores[*b]).then(b.cmp(a)))
    };
    for poll in positions {
        if out.iter().any(|d: &Disagreement| d.about == poll.claim) {
            continue;
        }
        let pro = best_by(&|r| poll.positions.get(&r.author_key).is_some_and(|v| *v > 0.0));
        let con = best_by(&|r| poll.positions.get(&r.author_key).is_some_and(|v| *v < 0.0));
        if let (Some(a), Some(b)) = (pro, con) {
            out.push(Disagreement {
                about: poll.claim.clone(),
                one_side: quote(&replies[a], limits.quote_chars),
                other_side: quote(&replies[b], limits.quote_chars),
            });
        }
    }
    // Replies that answer another member's reply with words of disagreement.
    let by_id: HashMap<i64, usize> = replies.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, r) in replies.iter().enumerate() {
        let Some(target) = r.reply_to.and_then(|id| by_id.get(&id)).copied() else {
            continue;
        };
        if replies[target].author_key == r.author_key {
            continue;
        }
        let lower = format!("{} ", r.text.to_lowercase());
        if DISAGREEMENT_MARKERS.iter().any(|m| lower.contains(m)) {
            pairs.push((scores[i] + scores[target], target, i));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut answered: Vec<usize> = Vec::new();
    for (_, a, b) in pairs {
        // One exchange per disputed reply, three disagreements at most.
        if out.len() >= 3 || answered.contains(&a) {
            continue;
        }
        answered.push(a);
        let about = match &replies[a].author_name {
            Some(name) => format!("{name}'s point"),
            None => "an earlier point".to_string(),
        };
        out.push(Disagreement {
            about,
            one_side: quote(&replies[a], limits.quote_chars),
            other_side: quote(&replies[b], limits.quote_chars),
        });
    }
    out
}

/// How far ahead to look for an answer to a question.
const ANSWER_WINDOW: usize = 60;

fn open_questions(
    replies: &[ReplyIn],
    vectors: &Vectors,
    scores: &[f64],
    limits: Limits,
) -> Vec<Quote> {
    let mut answered_ids: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for r in replies {
        if let Some(to) = r.reply_to {
            answered_ids.insert(to);
        }
    }
    let mut open: Vec<usize> = Vec::new();
    for (i, r) in replies.iter().enumerate() {
        // Only replies with a question mark need their sentences found.
        let asks = r.text.contains('?')
            && super::sentences::sentences(&r.text)
                .iter()
                .any(|s| s.trim_end().ends_with('?') && super::text::word_count(s) >= 4);
        if !asks || answered_ids.contains(&r.id) {
            continue;
        }
        let answered = replies[i + 1..]
            .iter()
            .enumerate()
            .take(ANSWER_WINDOW)
            .any(|(k, later)| {
                later.author_key != r.author_key
                    && dot(&vectors.rows[i], &vectors.rows[i + 1 + k]) >= 0.25
            });
        if !answered {
            open.push(i);
        }
    }
    open.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
    open.truncate(limits.open_questions);
    open.sort_unstable();
    open.into_iter()
        .map(|i| quote(&replies[i], limits.quote_chars))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, who: &str, text: &str) -> ReplyIn {
        ReplyIn {
            id,
            author_key: who.to_string(),
            author_name: Some(who.to_string()),
            text: text.to_string(),
            at: id * 1000,
            reply_to: None,
        }
    }

    #[test]
    fn central_replies_beat_long_ones() {
        let mut replies = vec![
            r(
                1,
                "ana",
                "Trade dependence builds trust between the two states over time.",
            ),
            r(
                2,
                "ben",
                "Trust between the states grows with trade dependence, I think.",
            ),
            r(
                3,
                "cy",
                "Trade and trust reinforce each other between these states.",
            ),
            r(
                4,
                "dee",
                "My cat enjoys sunlight on the windowsill during long afternoons, sleeping peacefully while birds sing outside and neighbours mow lawns in summer heat.",
            ),
            r(
                5,
                "eve",
                "Energy deals show the same trust and trade pattern between states.",
            ),
        ];
        replies[1].reply_to = Some(1);
        let s = summarize(
            &replies,
            &[],
            Limits {
                representatives: 1,
                ..Limits::default()
            },
        );
        assert_eq!(s.representative.len(), 1);
        assert_ne!(
            s.representative[0].reply_id, 4,
            "the long off-topic reply is not representative"
        );
        assert_eq!(s.participation.members, 5);
        assert_eq!(s.participation.replies, 5);
        assert!((s.participation.evenness - 1.0).abs() < 1e-9);
        assert!(
            s.themes[0]
                .keywords
                .iter()
                .any(|k| k == "trade" || k == "trust" || k == "states"),
            "{:?}",
            s.themes
        );
    }

    #[test]
    fn unanswered_questions_and_disagreement() {
        let mut replies = vec![
            r(
                1,
                "ana",
                "Why would sanctions push the two economies closer together at all?",
            ),
            r(
                2,
                "ben",
                "Sanctions push economies together because they close other markets.",
            ),
            r(
                3,
                "cy",
                "What counts as an endogenous driver of the partnership?",
            ),
            r(
                4,
                "dee",
                "Energy pipelines are the clearest example of shared infrastructure.",
            ),
            r(
                5,
                "eve",
                "I disagree, pipelines create dependence rather than partnership.",
            ),
        ];
        replies[4].reply_to = Some(4);
        let s = summarize(&replies, &[], Limits::default());
        let open: Vec<i64> = s.open_questions.iter().map(|q| q.reply_id).collect();
        assert_eq!(open, vec![3], "question 1 was answered by reply 2");
        assert!(
            s.disagreements
                .iter()
                .any(|d| d.one_side.reply_id == 4 && d.other_side.reply_id == 5)
        );
    }

    #[test]
    fn poll_positions_give_both_sides() {
        let replies = vec![
            r(
                1,
                "ana",
                "Structural forces explain why the partnership keeps its course.",
            ),
            r(
                2,
                "ben",
                "Leaders and their personal trust matter far more than structure here.",
            ),
        ];
        let positions = vec![PositionIn {
            claim: "Structure explains continuity".into(),
            positions: [("ana".to_string(), 1.0), ("ben".to_string(), -1.0)]
                .into_iter()
                .collect(),
        }];
        let s = summarize(&replies, &positions, Limits::default());
        assert_eq!(s.disagreements[0].about, "Structure explains continuity");
        assert_eq!(s.disagreements[0].one_side.author, "ana");
        assert_eq!(s.disagreements[0].other_side.author, "ben");
    }

    #[test]
    fn uneven_participation() {
        let mut replies: Vec<ReplyIn> = (0..9)
            .map(|i| r(i, "loud", "words about institutions and power"))
            .collect();
        replies.push(r(9, "quiet", "one thought on institutions"));
        let s = summarize(&replies, &[], Limits::default());
        assert!(
            s.participation.evenness < 0.7,
            "{}",
            s.participation.evenness
        );
        assert!((s.participation.top_fifth_share - 0.9).abs() < 1e-9);
    }

    #[test]
    fn anonymous_authors_are_not_named() {
        let mut one = r(
            1,
            "key",
            "Alliances carry hidden costs and uneven benefits for members.",
        );
        one.author_name = None;
        let s = summarize(&[one], &[], Limits::default());
        assert_eq!(s.representative[0].author, "a member");
    }
}
