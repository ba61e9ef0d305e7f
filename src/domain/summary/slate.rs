//! "What was said": a proportional slate. Each sizeable theme and each side of the poll
//! is a group that should be heard once; replies are picked greedily, each time the one
//! that gives a voice to the most groups not yet heard (the most substantive among
//! equals, a member not yet on the slate before one who is). When every group is heard,
//! the slate is topped up with the most substantive remaining replies.

use std::collections::HashSet;

/// A reply that may go on the slate.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub index: usize,
    pub author: String,
    pub score: f64,
    /// The groups (themes, poll sides) it speaks for.
    pub groups: Vec<usize>,
}

/// Pick up to `max` candidates (at least `min` when there are that many, even when a
/// group has no reply to speak for it) so that every group is represented once. Returns their indexes in the order picked.
pub(super) fn pick(candidates: &[Candidate], groups: usize, min: usize, max: usize) -> Vec<usize> {
    let mut heard = vec![false; groups];
    let mut chosen: Vec<usize> = Vec::new();
    let mut authors: HashSet<&str> = HashSet::new();
    while chosen.len() < max {
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(k, _)| !chosen.contains(k))
            .map(|(k, c)| {
                // A group out of range is none the slate tracks.
                let new = c
                    .groups
                    .iter()
                    .filter(|g| heard.get(**g).is_some_and(|h| !*h))
                    .count();
                let fresh_author = !authors.contains(c.author.as_str());
                (k, c, new, fresh_author)
            })
            .max_by(|a, b| {
                a.2.cmp(&b.2)
                    .then(a.3.cmp(&b.3))
                    .then(a.1.score.total_cmp(&b.1.score))
                    .then(b.1.index.cmp(&a.1.index))
            });
        let Some((k, c, new, _)) = best else { break };
        // Once no reply gives a new group a voice (every group heard, or a side nobody
        // wrote for), top up only to the minimum.
        if new == 0 && chosen.len() >= min {
            break;
        }
        for g in &c.groups {
            if let Some(h) = heard.get_mut(*g) {
                *h = true;
            }
        }
        authors.insert(c.author.as_str());
        chosen.push(k);
    }
    chosen.into_iter().map(|k| candidates[k].index).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(index: usize, author: &str, score: f64, groups: &[usize]) -> Candidate {
        Candidate {
            index,
            author: author.into(),
            score,
            groups: groups.to_vec(),
        }
    }

    #[test]
    fn every_group_once_and_the_best_of_equals() {
        let cs = vec![
            c(0, "ana", 9.0, &[0]),
            c(1, "ana", 8.0, &[0]),
            c(2, "ben", 5.0, &[1, 2]),
            c(3, "cy", 6.0, &[1]),
            c(4, "dee", 1.0, &[3]),
            c(5, "eve", 7.0, &[]),
        ];
        // Group 2 and 1 come together in reply 2; group 0 by its best reply; group 3 alone.
        let picked = pick(&cs, 4, 2, 6);
        assert_eq!(picked, vec![2, 0, 4]);
        // A small cap keeps the replies that hear the most groups.
        assert_eq!(pick(&cs, 4, 2, 2), vec![2, 0]);
        // No groups: the most substantive, up to the minimum.
        assert_eq!(pick(&cs, 0, 2, 6), vec![0, 5]);
    }

    #[test]
    fn a_side_nobody_wrote_for_still_gets_the_minimum() {
        // Both replies are on the poll's "agree" side (group 0); nobody on the other side
        // (group 1) wrote. The slate still shows two replies, not one.
        let cs = vec![c(0, "ana", 3.0, &[0]), c(1, "ben", 2.0, &[0])];
        assert_eq!(pick(&cs, 2, 2, 4), vec![0, 1]);
        assert_eq!(pick(&cs, 2, 1, 4), vec![0]);
    }
}
