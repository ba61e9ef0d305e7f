//! Disagreements: a reply that answers another member's reply (in the thread, or by
//! naming its author) with words of disagreement. Replies linked that way form one
//! dispute, shown once, by its opening claim and the first challenge to it. A question
//! is never a side, and a reply that agrees is never a disagreement. Without any such
//! exchange, members on opposite sides of the poll may stand in for one.

use std::collections::HashMap;

use super::Session;
use super::analysis::{Stance, stance};
use super::vectors::dot;

/// One dispute: the reply disagreed with, the reply that disagrees, and (when known) the
/// answer's sentence that carries the disagreement.
#[derive(Debug, Clone)]
pub(super) struct Dispute {
    pub target: usize,
    pub answer: usize,
    pub marker: Option<usize>,
    /// The two sides hold opposite positions in the poll.
    pub opposed: bool,
}

/// Where `text` first names `name` as a word.
pub(super) fn mention_at(text: &str, name: &str) -> Option<usize> {
    if name.chars().count() < 3 {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(name) {
        let start = from + pos;
        let end = start + name.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(start);
        }
        from = end;
    }
    None
}

fn find_root(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut j = i;
    while parent[j] != r {
        let next = parent[j];
        parent[j] = r;
        j = next;
    }
    r
}

/// Can this reply be a side of a disagreement?
fn side(s: &Session, i: usize) -> bool {
    let item = &s.items[i];
    item.reading.quotable() && !item.reading.question
}

/// Find up to `max` disputes, strongest first.
pub(super) fn find(s: &Session, max: usize) -> Vec<Dispute> {
    let n = s.items.len();
    let mut edges: Vec<Dispute> = Vec::new();
    // Names by their first word, and each author's possible sides, so that a reply that
    // names someone is matched without scanning every name and every earlier reply.
    let mut by_first_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (_, name)) in s.names.iter().enumerate() {
        if let Some(first) = name
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
        {
            by_first_word.entry(first).or_default().push(k);
        }
    }
    let mut sides_by_author: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in (0..n).filter(|i| side(s, *i)) {
        sides_by_author
            .entry(s.items[i].reply.author_key.as_str())
            .or_default()
            .push(i);
    }
    for (i, item) in s.items.iter().enumerate() {
        if !side(s, i) {
            continue;
        }
        let own = &item.reply.author_key;
        let threaded = item
            .reply
            .reply_to
            .and_then(|id| s.by_id.get(&id).copied())
            .filter(|t| *t < i);
        let (target, named) = match threaded {
            Some(t) => (Some(t), false),
            // Only explicit words of disagreement count without the thread: look for a
            // name only in such a reply (names are many in a big session).
            None if stance(&item.reply.text, true, item.lang) != Stance::Disagrees => continue,
            None => {
                // A reply that names another member answers their closest earlier reply.
                let mut candidates: Vec<usize> = item
                    .reply
                    .text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter_map(|w| by_first_word.get(w))
                    .flatten()
                    .copied()
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                let named_author = candidates
                    .into_iter()
                    .map(|k| &s.names[k])
                    .filter(|(key, _)| key != own)
                    .filter_map(|(key, name)| {
                        mention_at(&item.reply.text, name).map(|at| (at, key))
                    })
                    .min()
                    .map(|(_, key)| key.clone());
                let target = named_author.and_then(|author| {
                    sides_by_author
                        .get(author.as_str())
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|j| *j < i)
                        .max_by(|a, b| {
                            s.similarity(i, *a)
                                .total_cmp(&s.similarity(i, *b))
                                .then(a.cmp(b))
                        })
                });
                (target, true)
            }
        };
        let Some(target) = target else { continue };
        if !side(s, target) || s.items[target].reply.author_key == *own {
            continue;
        }
        if stance(&item.reply.text, named, item.lang) != Stance::Disagrees {
            continue;
        }
        let marker = item.reading.sentences.iter().position(|sent| {
            !sent.aside
                && !sent.question
                && stance(&item.reply.text[sent.start..sent.end], named, item.lang)
                    == Stance::Disagrees
        });
        edges.push(Dispute {
            target,
            answer: i,
            marker,
            opposed: s.opposed(target, i),
        });
    }
    if edges.is_empty() {
        return poll_sides(s).into_iter().collect();
    }
    // Replies joined by disagreement form one dispute.
    let mut parent: Vec<usize> = (0..n).collect();
    for e in &edges {
        let (a, b) = (
            find_root(&mut parent, e.target),
            find_root(&mut parent, e.answer),
        );
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: HashMap<usize, Vec<&Dispute>> = HashMap::new();
    for e in &edges {
        let r = find_root(&mut parent, e.target);
        groups.entry(r).or_default().push(e);
    }
    let mut disputes: Vec<(f64, Dispute)> = groups
        .into_values()
        .map(|group| {
            let opening = group.iter().map(|e| e.target).min().unwrap_or(0);
            let strength = |e: &Dispute| s.items[e.target].score + s.items[e.answer].score;
            // The opening claim and its challenge; else the strongest exchange.
            let best = group
                .iter()
                .filter(|e| e.target == opening)
                .max_by(|a, b| {
                    strength(a)
                        .total_cmp(&strength(b))
                        .then(b.answer.cmp(&a.answer))
                })
                .or_else(|| {
                    group
                        .iter()
                        .max_by(|a, b| strength(a).total_cmp(&strength(b)))
                })
                .map(|e| (*e).clone());
            let replies = group.len() + 1;
            let weight = best
                .as_ref()
                .map(|e| strength(e) + replies as f64 + if e.opposed { 2.0 } else { 0.0 })
                .unwrap_or(0.0);
            (weight, best)
        })
        .filter_map(|(w, d)| d.map(|d| (w, d)))
        .collect();
    disputes.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.target.cmp(&b.1.target)));
    disputes.into_iter().take(max).map(|(_, d)| d).collect()
}

/// Without any exchange: the most substantive replies of two members on opposite sides
/// of the poll, if they speak about the same thing.
fn poll_sides(s: &Session) -> Option<Dispute> {
    let position = |i: usize| s.position(i);
    let best = |positive: bool| {
        (0..s.items.len())
            .filter(|i| side(s, *i))
            .filter(|i| position(*i).is_some_and(|p| (p > 0.0) == positive && p != 0.0))
            .max_by(|a, b| {
                s.items[*a]
                    .score
                    .total_cmp(&s.items[*b].score)
                    .then(b.cmp(a))
            })
    };
    let (a, b) = (best(true)?, best(false)?);
    let related = match (s.items[a].row, s.items[b].row) {
        (Some(x), Some(y)) => dot(&s.rows[x], &s.rows[y]) >= 0.1,
        _ => false,
    };
    related.then(|| Dispute {
        target: a.min(b),
        answer: a.max(b),
        marker: None,
        opposed: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_words() {
        assert!(mention_at("Kofi says a manifesto is a contract.", "Kofi").is_some());
        assert!(mention_at("I agree with Kofi's point", "Kofi").is_some());
        assert!(mention_at("Kofis are many", "Kofi").is_none());
        assert!(mention_at("the kofi", "Kofi").is_none());
        assert!(mention_at("Al said", "Al").is_none());
    }
}
