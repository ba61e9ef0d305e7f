//! Themes: the noun phrases that several members use, chosen greedily so that each new
//! theme covers replies the earlier ones did not. Phrases of two or more words (concepts
//! such as "graduated sanctions") come first; single words only when too few of those
//! exist. A theme is labelled by the phrase as most of its replies wrote it, word for
//! word; a phrase no two replies write alike is no label.

use std::collections::{HashMap, HashSet};

use super::phrases::noun_phrases;

/// A theme found in the replies.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub label: String,
    pub key: String,
    /// Indexes (into the texts given) of the replies that use the phrase, in order.
    pub members: Vec<usize>,
}

struct Candidate {
    replies: Vec<usize>,
    authors: HashSet<usize>,
    surfaces: HashMap<String, (usize, usize)>,
    words: usize,
    first: usize,
}

/// How many of a phrase's replies are read to choose its label.
const LABEL_SAMPLE: usize = 400;

/// Find up to `max` themes in `texts` (each with its author's index); phrases naming a
/// member (`names`, lowercase) are never labels.
pub(super) fn find(texts: &[(&str, usize)], names: &HashSet<String>, max: usize) -> Vec<Found> {
    let n = texts.len();
    if n < 2 || max == 0 {
        return Vec::new();
    }
    let mut candidates: HashMap<String, Candidate> = HashMap::new();
    let mut order = 0usize;
    for (i, (text, author)) in texts.iter().enumerate() {
        for p in noun_phrases(text) {
            if p.surface
                .split(' ')
                .any(|w| names.contains(&w.to_lowercase()))
            {
                continue;
            }
            let c = candidates.entry(p.key).or_insert_with(|| Candidate {
                replies: Vec::new(),
                authors: HashSet::new(),
                surfaces: HashMap::new(),
                words: p.words,
                first: order,
            });
            order += 1;
            if c.replies.last() != Some(&i) {
                c.replies.push(i);
            }
            c.authors.insert(*author);
            let seen = c.surfaces.len();
            c.surfaces.entry(p.surface).or_insert((0, seen)).0 += 1;
        }
    }
    let min_size = 2.max((n as f64 * 0.06).ceil() as usize);
    // Each candidate's label: the surface form that most of its replies use word for
    // word (at least two of them), so the label is a phrase the replies themselves use.
    let labels: HashMap<&String, String> = candidates
        .iter()
        .filter(|(_, c)| c.replies.len() >= min_size && c.authors.len() >= 2)
        .filter_map(|(k, c)| {
            // A sample of the phrase's replies is enough to tell which form they use.
            let lower: Vec<String> = c
                .replies
                .iter()
                .take(LABEL_SAMPLE)
                .map(|i| texts[*i].0.to_lowercase())
                .collect();
            c.surfaces
                .iter()
                .map(|(surface, (_, seen))| {
                    let needle = surface.to_lowercase();
                    let uses = lower.iter().filter(|t| has_words(t, &needle)).count();
                    (surface, uses, *seen)
                })
                .filter(|(_, uses, _)| *uses >= 2)
                .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
                .map(|(surface, _, _)| (k, surface.clone()))
        })
        .collect();
    let mut covered = vec![false; n];
    let mut out: Vec<Found> = Vec::new();
    for multiword in [true, false] {
        if !multiword && out.len() >= 2 {
            break;
        }
        let floor = if multiword { min_size } else { min_size.max(3) };
        while out.len() < max {
            let best = candidates
                .iter()
                .filter(|(k, c)| {
                    (c.words >= 2) == multiword
                        && c.replies.len() >= floor
                        && c.authors.len() >= 2
                        && labels.contains_key(k)
                        && !out.iter().any(|t| &t.key == *k)
                })
                .map(|(k, c)| {
                    let fresh = c.replies.iter().filter(|i| !covered[**i]).count();
                    (k, c, fresh)
                })
                .filter(|(_, _, fresh)| *fresh >= floor)
                .max_by(|a, b| {
                    a.2.cmp(&b.2)
                        .then(a.1.replies.len().cmp(&b.1.replies.len()))
                        .then(a.1.authors.len().cmp(&b.1.authors.len()))
                        .then(b.1.first.cmp(&a.1.first))
                });
            let Some((key, c, _)) = best else { break };
            for i in &c.replies {
                covered[*i] = true;
            }
            let Some(label) = labels.get(key).cloned() else {
                break;
            };
            out.push(Found {
                label,
                key: key.clone(),
                members: c.replies.clone(),
            });
        }
    }
    out
}

/// Does `hay` contain `needle` as whole words?
fn has_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(start, _)| {
        let end = start + needle.len();
        hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
            && hay[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Does `text` use the phrase with this key?
pub(super) fn uses(text: &str, key: &str) -> bool {
    noun_phrases(text).iter().any(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concepts_several_members_use() {
        let texts = [
            ("Graduated sanctions keep neighbours inside the rules.", 0),
            ("Local monitoring is cheap when herders share a slope.", 1),
            (
                "I like graduated sanctions because a first breach is forgiven.",
                2,
            ),
            (
                "Local monitoring fails once a fishery has hundreds of boats.",
                0,
            ),
            ("The graduated sanctions in the canal case were mild.", 1),
            ("Ana's slope example is vivid.", 2),
        ];
        let names: HashSet<String> = ["ana".to_string()].into();
        let found = find(&texts, &names, 3);
        let labels: Vec<&str> = found.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["graduated sanctions", "local monitoring"],
            "{found:?}"
        );
        assert_eq!(found[0].members, vec![0, 2, 4]);
        assert!(uses(texts[2].0, &found[0].key));
        assert!(!uses(texts[1].0, &found[0].key));
    }

    #[test]
    fn one_member_alone_makes_no_theme() {
        let texts = [
            ("Graduated sanctions matter.", 0),
            ("Graduated sanctions again.", 0),
            ("Something else entirely here.", 1),
        ];
        assert!(find(&texts, &HashSet::new(), 3).is_empty());
    }
}
