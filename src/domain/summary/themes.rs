//! Themes: the noun phrases that several members use, chosen greedily so that each new
//! theme covers replies the earlier ones did not. Phrases of two or more words (concepts
//! such as "graduated sanctions") come first; single words only when too few of those
//! exist. A theme is labelled by the phrase as most of its replies wrote it, word for
//! word; a phrase no two replies write alike is no label. Each reply's phrases are read in
//! its language; where words inflect (Russian, German, French) the replies may all write a
//! phrase differently ("санкции", "санкций", "санкциями" share one key), and the label is
//! then the form most of them use, a nominative before an oblique case.

use std::collections::{HashMap, HashSet};

use super::phrases::phrases_in_with;
use crate::domain::lang_terms::chinese_compounds;
use crate::domain::language::Lang;

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
    /// Each form: (times used, order first seen, oblique).
    surfaces: HashMap<String, (usize, usize, bool)>,
    words: usize,
    first: usize,
    /// The language of the reply that first used it.
    lang: Lang,
}

/// How many of a phrase's replies are read to choose its label.
const LABEL_SAMPLE: usize = 400;

/// Find up to `max` themes in `texts` (each with its author's index and its language);
/// phrases naming a member (`names`, lowercase) are never labels.
pub(super) fn find(
    texts: &[(&str, usize, Lang)],
    names: &HashSet<String>,
    max: usize,
) -> Vec<Found> {
    let n = texts.len();
    if n < 2 || max == 0 {
        return Vec::new();
    }
    // The compounds Chinese replies repeat between them stay one phrase ("治理赤字").
    let chinese: Vec<&str> = texts
        .iter()
        .filter(|t| t.2 == Lang::Zh)
        .map(|t| t.0)
        .collect();
    let compounds = (chinese.len() >= 2).then(|| chinese_compounds(&chinese));
    let mut candidates: HashMap<String, Candidate> = HashMap::new();
    let mut order = 0usize;
    for (i, (text, author, lang)) in texts.iter().enumerate() {
        for p in phrases_in_with(text, *lang, compounds.as_ref()) {
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
                lang: *lang,
            });
            order += 1;
            if c.replies.last() != Some(&i) {
                c.replies.push(i);
            }
            c.authors.insert(*author);
            let seen = c.surfaces.len();
            c.surfaces
                .entry(p.surface)
                .or_insert((0, seen, p.oblique))
                .0 += 1;
        }
    }
    let min_size = 2.max((n as f64 * 0.06).ceil() as usize);
    // Each candidate's label: the surface form that most of its replies use word for
    // word (at least two of them), so the label is a phrase the replies themselves use.
    // Where words inflect, every reply may write it in another case: there the form
    // most used, a nominative first, is the label.
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
            let inflects = matches!(c.lang, Lang::Ru | Lang::De | Lang::Fr);
            let least = if inflects { 1 } else { 2 };
            c.surfaces
                .iter()
                .map(|(surface, (_, seen, oblique))| {
                    let needle = surface.to_lowercase();
                    let uses = lower
                        .iter()
                        .filter(|t| has_words(t, &needle, c.lang))
                        .count();
                    (surface, uses, *seen, *oblique)
                })
                .filter(|(_, uses, _, _)| *uses >= least)
                .max_by(|a, b| {
                    a.1.min(2)
                        .cmp(&b.1.min(2))
                        .then(b.3.cmp(&a.3))
                        .then(a.1.cmp(&b.1))
                        .then(b.2.cmp(&a.2))
                })
                .map(|(surface, _, _, _)| (k, surface.clone()))
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

/// Does `hay` contain `needle` as whole words? (Chinese runs its words together: there
/// the characters are enough.)
fn has_words(hay: &str, needle: &str, lang: Lang) -> bool {
    if needle.is_empty() {
        return false;
    }
    if lang == Lang::Zh {
        return hay.contains(needle);
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

/// Does `text`, written in `lang`, use the phrase with this key? (A Chinese compound of
/// the discussion's, "治理 赤字", is read whole even where the reply uses it once.)
pub(super) fn uses(text: &str, key: &str, lang: Lang) -> bool {
    let compound =
        (lang == Lang::Zh && key.contains(' ')).then(|| HashSet::from([key.to_string()]));
    phrases_in_with(text, lang, compound.as_ref())
        .iter()
        .any(|p| p.key == key)
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
        ]
        .map(|(t, a)| (t, a, Lang::En));
        let names: HashSet<String> = ["ana".to_string()].into();
        let found = find(&texts, &names, 3);
        let labels: Vec<&str> = found.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["graduated sanctions", "local monitoring"],
            "{found:?}"
        );
        assert_eq!(found[0].members, vec![0, 2, 4]);
        assert!(uses(texts[2].0, &found[0].key, Lang::En));
        assert!(!uses(texts[1].0, &found[0].key, Lang::En));
    }

    #[test]
    fn chinese_compounds_the_discussion_repeats_are_themes() {
        // Issue 19: jieba cuts 治理赤字 and 公开预算 in two; the theme was 赤字 alone.
        let texts = [
            ("我认为问题不是缺钱，而是治理赤字。", 0),
            ("我不同意，把一切都说成治理赤字是替削减开支找借口。", 1),
            ("公开预算能让居民看到钱花在哪里。", 2),
            ("对，公开预算是第一步。", 0),
            ("短期内治理赤字不会缩小，这是我的担心。", 1),
        ]
        .map(|(t, a)| (t, a, Lang::Zh));
        let found = find(&texts, &HashSet::new(), 3);
        let labels: Vec<&str> = found.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"治理赤字"), "{labels:?}");
        assert!(labels.contains(&"公开预算"), "{labels:?}");
        let deficit = found.iter().find(|t| t.label == "治理赤字").unwrap();
        assert_eq!(deficit.members, vec![0, 1, 4]);
        // A reply that uses the compound once is still read as using it.
        assert!(uses(texts[4].0, &deficit.key, Lang::Zh));
        assert!(!uses(texts[2].0, &deficit.key, Lang::Zh));
    }

    #[test]
    fn a_genitive_noun_shares_a_theme_with_the_noun_alone() {
        // A German discussion of a lighthouse: "Kosten des Leuchtturms" and "das Licht
        // des Leuchtturms" speak of it as much as "der Leuchtturm" does.
        let texts = [
            ("Der Leuchtturm dient der ganzen Küste.", 0),
            (
                "Die Dörfer sollten sich an den Kosten des Leuchtturms beteiligen.",
                1,
            ),
            ("Die Fischer fahren nach dem Licht des Leuchtturms heim.", 2),
            ("Ohne den Leuchtturm würden sie Boote verlieren.", 3),
        ]
        .map(|(t, a)| (t, a, Lang::De));
        let found = find(&texts, &HashSet::new(), 3);
        let lighthouse = found.iter().find(|t| t.label == "Leuchtturm");
        assert_eq!(
            lighthouse.map(|t| t.members.clone()),
            Some(vec![0, 1, 2, 3]),
            "{found:?}"
        );
        let fr = [
            ("Le phare sert toute la côte.", 0),
            ("Le coût du phare doit être partagé.", 1),
            ("Les villages profitent du phare chaque nuit.", 2),
        ]
        .map(|(t, a)| (t, a, Lang::Fr));
        let found = find(&fr, &HashSet::new(), 3);
        assert!(found.iter().any(|t| t.label == "phare"), "{found:?}");
    }

    #[test]
    fn one_member_alone_makes_no_theme() {
        let texts = [
            ("Graduated sanctions matter.", 0),
            ("Graduated sanctions again.", 0),
            ("Something else entirely here.", 1),
        ]
        .map(|(t, a)| (t, a, Lang::En));
        assert!(find(&texts, &HashSet::new(), 3).is_empty());
    }
}
