//! Participation: how many members took part, how evenly their words were spread (one
//! minus the Gini coefficient of words per member), and who wrote most and least.
//! The facilitator's replies are counted apart: they steer, they are not the discussion.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::ReplyIn;

/// A member named for writing much or little.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberShare {
    pub name: String,
    /// Share of the members' words, 0 to 1.
    pub share: f64,
    pub replies: usize,
}

/// How many took part and how evenly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Participation {
    /// Members who replied (the facilitator aside).
    pub members: usize,
    pub replies: usize,
    pub words: usize,
    /// 1 − the Gini coefficient of words per member: 1 when everyone wrote as much.
    pub evenness: f64,
    /// The evenness in words: "evenly", "fairly evenly", "unevenly", "very unevenly".
    #[serde(default)]
    pub spread: String,
    /// Replies by the session's facilitator, counted apart.
    #[serde(default)]
    pub facilitator_replies: usize,
    /// Members who wrote at least twice their fair share (and a quarter of the words).
    #[serde(default)]
    pub dominant: Vec<MemberShare>,
    /// Members who wrote under half their fair share, or posted once and wrote under three
    /// quarters of it.
    #[serde(default)]
    pub quiet: Vec<MemberShare>,
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

/// Evenness in words. A Gini coefficient under 0.15 is near equality; 0.15–0.30 a mild
/// imbalance; 0.30–0.50 one or two voices carry the discussion; above, a few do.
pub fn spread_word(evenness: f64) -> &'static str {
    if evenness >= 0.85 {
        "evenly"
    } else if evenness >= 0.70 {
        "fairly evenly"
    } else if evenness >= 0.50 {
        "unevenly"
    } else {
        "very unevenly"
    }
}

/// "unevenly (evenness 0.66)".
pub fn describe_evenness(evenness: f64) -> String {
    format!("{} (evenness {:.2})", spread_word(evenness), evenness)
}

/// How many quiet members are named at most.
const QUIET_NAMED: usize = 2;

/// Participation of `replies`; `facilitator` marks the facilitator's replies. Members
/// without a name (they opted out of quotes) count but are never named.
pub(super) fn participation(replies: &[ReplyIn], facilitator: &[bool]) -> Participation {
    // author -> (first position, name, replies, words)
    let mut per: HashMap<&str, (usize, Option<&str>, usize, usize)> = HashMap::new();
    let mut out = Participation::default();
    for (i, r) in replies.iter().enumerate() {
        if facilitator[i] {
            out.facilitator_replies += 1;
            continue;
        }
        let words = crate::domain::text::word_count(&r.text);
        let e = per
            .entry(r.author_key.as_str())
            .or_insert((i, r.author_name.as_deref(), 0, 0));
        e.2 += 1;
        e.3 += words;
        out.replies += 1;
        out.words += words;
    }
    out.members = per.len();
    let mut words: Vec<usize> = per.values().map(|v| v.3).collect();
    out.evenness = 1.0 - gini(&mut words);
    out.spread = spread_word(out.evenness).to_string();
    let n = per.len();
    if n < 3 || out.words == 0 {
        return out;
    }
    let mut members: Vec<(usize, Option<&str>, usize, usize)> = per.into_values().collect();
    members.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    let fair = 1.0 / n as f64;
    let share = |m: &(usize, Option<&str>, usize, usize)| m.3 as f64 / out.words as f64;
    out.dominant = members
        .iter()
        .filter(|m| share(m) >= (2.0 * fair).max(0.25))
        .filter_map(|m| {
            m.1.map(|name| MemberShare {
                name: name.to_string(),
                share: share(m),
                replies: m.2,
            })
        })
        .collect();
    if n >= 4 {
        out.quiet = members
            .iter()
            .rev()
            // Under half a fair share, or a single reply below a fair share: one reply
            // of as many words as everyone else's is not quiet.
            .filter(|m| share(m) < 0.5 * fair || (m.2 == 1 && share(m) < 0.75 * fair))
            .filter_map(|m| {
                m.1.map(|name| MemberShare {
                    name: name.to_string(),
                    share: share(m),
                    replies: m.2,
                })
            })
            .take(QUIET_NAMED)
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(who: &str, words: usize) -> ReplyIn {
        ReplyIn {
            id: 0,
            author_key: who.into(),
            author_name: Some(who.to_uppercase()),
            text: vec!["word"; words].join(" "),
            at: 0,
            reply_to: None,
        }
    }

    #[test]
    fn the_words_fit_the_number() {
        assert_eq!(spread_word(0.95), "evenly");
        assert_eq!(spread_word(0.85), "evenly");
        assert_eq!(spread_word(0.84), "fairly evenly");
        assert_eq!(spread_word(0.70), "fairly evenly");
        assert_eq!(spread_word(0.69), "unevenly");
        assert_eq!(spread_word(0.50), "unevenly");
        assert_eq!(spread_word(0.49), "very unevenly");
    }

    #[test]
    fn one_voice_dominates_and_one_posts_once() {
        // 31 % of the words for one member, one reply for another.
        let mut replies = Vec::new();
        for _ in 0..4 {
            replies.push(r("ana", 70));
        }
        for who in ["ben", "cy", "dee", "eve"] {
            for _ in 0..3 {
                replies.push(r(who, 40));
            }
        }
        replies.push(r("fay", 20));
        replies.push(r("fac", 500));
        let facilitator: Vec<bool> = replies.iter().map(|r| r.author_key == "fac").collect();
        let p = participation(&replies, &facilitator);
        assert_eq!((p.members, p.replies, p.facilitator_replies), (6, 17, 1));
        assert!((p.dominant[0].share - 280.0 / 780.0).abs() < 1e-9);
        assert_eq!(p.dominant[0].name, "ANA");
        assert_eq!(p.quiet.len(), 1);
        assert_eq!(p.quiet[0].name, "FAY");
        assert_ne!(p.spread, "evenly", "{}", p.evenness);
    }

    #[test]
    fn even_voices_name_nobody_and_opted_out_members_are_never_named() {
        let mut replies: Vec<ReplyIn> = ["a", "b", "c", "d"].iter().map(|w| r(w, 30)).collect();
        let p = participation(&replies, &[false; 4]);
        assert_eq!(p.spread, "evenly");
        assert!(p.dominant.is_empty() && p.quiet.is_empty());
        replies.push(r("e", 300));
        replies[4].author_name = None;
        let p = participation(&replies, &[false; 5]);
        assert!(
            p.dominant.is_empty(),
            "the dominant member opted out: {p:?}"
        );
    }
}
