//! The opinion map of a vote matrix: who thinks alike across claims (PCA, then k-means for
//! k = 2..5 chosen by silhouette), each group's representative claims (Pol.is's
//! representativeness with a significance test), the claims every group agrees on, and
//! the claims that divide them — or, when the votes do not support groups, which rule said
//! so.

use serde::Serialize;

use super::cluster::{kmeans, silhouette};
use super::matrix::{Counts, VoteMatrix};
use super::pca::{centred, pca};
use super::stats::{normal_sf, two_prop_z};

/// A member counts toward the map with at least this many votes (passes included).
pub const MIN_VOTES: usize = 4;
/// Fewer members with [`MIN_VOTES`] votes than this: no groups.
pub const MIN_MEMBERS: usize = 8;
/// No group is ever smaller than this (also an anonymity rule: nobody's votes can be read
/// off a group of one or two).
pub const MIN_GROUP: usize = 3;
/// Groups under this silhouette are too blurred to show.
pub const MIN_SILHOUETTE: f64 = 0.25;
/// The most groups the map looks for.
pub const MAX_GROUPS: usize = 5;
/// Members are grouped on this many principal components at most (enough to hold the
/// structure of a few camps, few enough that noise across many claims does not blur it).
const CLUSTER_DIMENSIONS: usize = 10;
/// A claim is representative of a group when the group's share is higher than the rest's
/// with this one-sided z (95 %).
pub const REPNESS_Z: f64 = 1.645;
/// Representative claims shown per group.
pub const REPRESENTATIVE_PER_GROUP: usize = 3;
/// A claim is consensus when every group's (pseudocounted) share on one side is at least this.
pub const CONSENSUS_SHARE: f64 = 0.6;
/// A claim divides the groups when their mean votes (−1..1) are this far apart.
pub const DIVIDE_SPREAD: f64 = 1.0;
/// Without groups, a claim is split when both sides hold at least this share of its votes.
pub const SPLIT_SHARE: f64 = 0.3;

/// Why the map shows no groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum NoGroups {
    /// Fewer than [`MIN_MEMBERS`] members cast [`MIN_VOTES`] votes.
    TooFewVoters { qualified: usize },
    /// The clearest grouping would leave a group under [`MIN_GROUP`] members.
    SmallGroup {
        k: usize,
        smallest: usize,
        silhouette: f64,
    },
    /// The clearest grouping's silhouette is under [`MIN_SILHOUETTE`].
    Unclear { k: usize, silhouette: f64 },
}

impl NoGroups {
    /// The reason in words (English).
    pub fn reason(&self) -> String {
        self.reason_in(crate::i18n::Locale::En)
    }

    /// The reason in `locale`'s words.
    pub fn reason_in(&self, locale: crate::i18n::Locale) -> String {
        match self {
            NoGroups::TooFewVoters { qualified } => crate::t!(
                locale,
                "map-no-groups-few-voters",
                qualified = *qualified,
                min = MIN_VOTES,
                need = MIN_MEMBERS
            ),
            NoGroups::SmallGroup { k, smallest, .. } => crate::t!(
                locale,
                "map-no-groups-small",
                k = *k,
                smallest = *smallest,
                min = MIN_GROUP
            ),
            NoGroups::Unclear { k, silhouette } => crate::t!(
                locale,
                "map-no-groups-unclear",
                k = *k,
                silhouette = crate::i18n::format_decimal(*silhouette, 2, locale),
                need = crate::i18n::format_decimal(MIN_SILHOUETTE, 2, locale)
            ),
        }
    }
}

/// A member on the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPoint {
    /// The member's row in the matrix.
    pub row: usize,
    pub x: f64,
    pub y: f64,
    /// Their group (0-based), when there are groups.
    pub group: Option<usize>,
}

/// A claim that sets a group apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Representative {
    pub claim: usize,
    /// Agree: the group agrees more than the rest; Disagree: it disagrees more.
    pub agrees: bool,
    /// The group's share on that side (of those who voted on the claim).
    pub share: f64,
    /// The rest's share on that side.
    pub rest_share: f64,
    /// How many times likelier the group is to take that side (pseudocounted ratio).
    pub ratio: f64,
    /// The one-sided p-value of "the group takes that side more than the rest".
    pub p: f64,
}

/// One opinion group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpinionGroup {
    /// Rows of the matrix.
    pub members: Vec<usize>,
    pub representative: Vec<Representative>,
}

/// A claim every group (or, without groups, most members) agrees or disagrees with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consensus {
    pub claim: usize,
    pub agrees: bool,
    /// The lowest group's share on that side.
    pub lowest_share: f64,
}

/// A claim the groups split on (or, without groups, the members do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Divide {
    pub claim: usize,
    /// Each group's mean vote in −1..1 (without groups: the agree and disagree shares).
    pub group_means: Vec<f64>,
    /// How far apart (max − min of the group means; without groups the smaller side's share).
    pub spread: f64,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpinionMap {
    /// Members in the matrix.
    pub voters: usize,
    /// Members with at least [`MIN_VOTES`] votes: those placed and grouped.
    pub participants: Vec<usize>,
    pub points: Vec<MapPoint>,
    /// Each claim's loading on the two axes (the claims' arrows).
    pub claim_axes: Vec<[f64; 2]>,
    /// The share of the variance each axis shows.
    pub explained: [f64; 2],
    /// The silhouette of the grouping shown, or of the best one tried when none is shown.
    pub silhouette: Option<f64>,
    /// Each k tried with its silhouette and smallest group.
    pub tried: Vec<(usize, f64, usize)>,
    pub groups: Vec<OpinionGroup>,
    pub no_groups: Option<NoGroups>,
    pub consensus: Vec<Consensus>,
    pub divisive: Vec<Divide>,
    /// Each claim's votes among the participants.
    pub counts: Vec<Counts>,
}

/// Draw the map of `m`.
pub fn opinion_map(m: &VoteMatrix) -> OpinionMap {
    let participants: Vec<usize> = (0..m.rows())
        .filter(|&r| m.votes_of(r) >= MIN_VOTES)
        .collect();
    let n = participants.len();
    let data = centred(m, &participants);
    let dims = CLUSTER_DIMENSIONS
        .min(m.cols())
        .min(n.saturating_sub(1))
        .max(2);
    let p = pca(&data, dims);
    let counts: Vec<Counts> = (0..m.cols())
        .map(|c| m.counts(c, participants.iter().copied()))
        .collect();
    let claim_axes = (0..m.cols())
        .map(|c| {
            [
                p.loadings.first().map_or(0.0, |l| l[c]),
                p.loadings.get(1).map_or(0.0, |l| l[c]),
            ]
        })
        .collect();
    let explained = [
        p.explained.first().copied().unwrap_or(0.0),
        p.explained.get(1).copied().unwrap_or(0.0),
    ];
    let mut map = OpinionMap {
        voters: m.rows(),
        participants: participants.clone(),
        points: participants
            .iter()
            .zip(&p.scores)
            .map(|(&row, s)| MapPoint {
                row,
                x: s.first().copied().unwrap_or(0.0),
                y: s.get(1).copied().unwrap_or(0.0),
                group: None,
            })
            .collect(),
        claim_axes,
        explained,
        silhouette: None,
        tried: Vec::new(),
        groups: Vec::new(),
        no_groups: None,
        consensus: Vec::new(),
        divisive: Vec::new(),
        counts,
    };
    if n < MIN_MEMBERS {
        map.no_groups = Some(NoGroups::TooFewVoters { qualified: n });
    } else {
        choose_groups(&mut map, &p.scores);
    }
    let groups: Vec<Vec<usize>> = if map.groups.is_empty() {
        vec![participants.clone()]
    } else {
        map.groups.iter().map(|g| g.members.clone()).collect()
    };
    if !map.groups.is_empty() {
        for gi in 0..map.groups.len() {
            let rest: Vec<usize> = groups
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != gi)
                .flat_map(|(_, g)| g.iter().copied())
                .collect();
            map.groups[gi].representative = representative(m, &groups[gi], &rest);
        }
    }
    map.consensus = consensus(m, &groups);
    map.divisive = if map.groups.is_empty() {
        splits(&map.counts)
    } else {
        divides(m, &groups)
    };
    map
}

/// Try k = 2..=5 on the members' principal components and keep the clearest grouping
/// whose groups all hold [`MIN_GROUP`] members, if it is clear enough.
fn choose_groups(map: &mut OpinionMap, scores: &[Vec<f64>]) {
    let n = scores.len();
    let mut best_valid: Option<(usize, f64, Vec<usize>)> = None;
    let mut best_any: Option<(usize, f64, usize)> = None;
    for k in 2..=MAX_GROUPS.min(n - 1) {
        let c = kmeans(scores, k);
        let s = silhouette(scores, &c.labels, k);
        let mut sizes = vec![0usize; k];
        c.labels.iter().for_each(|&l| sizes[l] += 1);
        let smallest = sizes.iter().copied().min().unwrap_or(0);
        map.tried.push((k, s, smallest));
        if best_any.as_ref().is_none_or(|b| s > b.1 + 1e-12) {
            best_any = Some((k, s, smallest));
        }
        if smallest >= MIN_GROUP && best_valid.as_ref().is_none_or(|b| s > b.1 + 1e-12) {
            best_valid = Some((k, s, c.labels));
        }
    }
    match best_valid {
        Some((k, s, labels)) if s >= MIN_SILHOUETTE => {
            map.silhouette = Some(s);
            let mut groups = vec![Vec::new(); k];
            for (point, &l) in map.points.iter_mut().zip(&labels) {
                point.group = Some(l);
                groups[l].push(point.row);
            }
            map.groups = groups
                .into_iter()
                .map(|members| OpinionGroup {
                    members,
                    representative: Vec::new(),
                })
                .collect();
        }
        valid => {
            let (any_k, any_s, smallest) = best_any.unwrap_or((2, 0.0, 0));
            map.silhouette = Some(any_s);
            map.no_groups = Some(if any_s >= MIN_SILHOUETTE && smallest < MIN_GROUP {
                NoGroups::SmallGroup {
                    k: any_k,
                    smallest,
                    silhouette: any_s,
                }
            } else {
                let (k, s) = valid.map(|(k, s, _)| (k, s)).unwrap_or((any_k, any_s));
                map.silhouette = Some(s);
                NoGroups::Unclear { k, silhouette: s }
            });
        }
    }
}

fn raw_share(side: u32, c: &Counts) -> f64 {
    if c.seen() == 0 {
        0.0
    } else {
        side as f64 / c.seen() as f64
    }
}

/// The claims that set `group` apart from `rest`, most telling first.
fn representative(m: &VoteMatrix, group: &[usize], rest: &[usize]) -> Vec<Representative> {
    let mut out: Vec<(f64, Representative)> = Vec::new();
    for c in 0..m.cols() {
        let g = m.counts(c, group.iter().copied());
        let o = m.counts(c, rest.iter().copied());
        if g.seen() == 0 {
            continue;
        }
        let sides = [
            (true, g.agree, o.agree, g.p_agree(), o.p_agree()),
            (
                false,
                g.disagree,
                o.disagree,
                g.p_disagree(),
                o.p_disagree(),
            ),
        ];
        let best = sides
            .iter()
            .map(|&(agrees, gs, os, gp, op)| {
                let z = two_prop_z(gs, g.seen(), os, o.seen());
                (agrees, gs, os, gp, op, z, gp / op * gp)
            })
            .filter(|s| s.5 >= REPNESS_Z && raw_share(s.1, &g) > 0.5)
            .max_by(|a, b| a.6.total_cmp(&b.6));
        if let Some((agrees, gs, os, gp, op, z, metric)) = best {
            out.push((
                metric,
                Representative {
                    claim: c,
                    agrees,
                    share: raw_share(gs, &g),
                    rest_share: raw_share(os, &o),
                    ratio: gp / op,
                    p: normal_sf(z),
                },
            ));
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.claim.cmp(&b.1.claim)));
    out.into_iter()
        .take(REPRESENTATIVE_PER_GROUP)
        .map(|(_, r)| r)
        .collect()
}

/// Claims every group takes the same side on, firmest first (ranked by the product of
/// the groups' shares: Pol.is's group-informed consensus).
fn consensus(m: &VoteMatrix, groups: &[Vec<usize>]) -> Vec<Consensus> {
    let mut out: Vec<(f64, Consensus)> = Vec::new();
    for c in 0..m.cols() {
        let per: Vec<Counts> = groups
            .iter()
            .map(|g| m.counts(c, g.iter().copied()))
            .collect();
        if per.iter().any(|g| g.seen() == 0) {
            continue;
        }
        for agrees in [true, false] {
            let shares: Vec<f64> = per
                .iter()
                .map(|g| if agrees { g.p_agree() } else { g.p_disagree() })
                .collect();
            if shares.iter().all(|s| *s >= CONSENSUS_SHARE) {
                let lowest = per
                    .iter()
                    .map(|g| raw_share(if agrees { g.agree } else { g.disagree }, g))
                    .fold(1.0, f64::min);
                out.push((
                    shares.iter().product(),
                    Consensus {
                        claim: c,
                        agrees,
                        lowest_share: lowest,
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.claim.cmp(&b.1.claim)));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Claims the groups split on: their mean votes at least [`DIVIDE_SPREAD`] apart.
fn divides(m: &VoteMatrix, groups: &[Vec<usize>]) -> Vec<Divide> {
    let mut out: Vec<Divide> = (0..m.cols())
        .filter_map(|c| {
            let means: Vec<f64> = groups
                .iter()
                .map(|g| m.counts(c, g.iter().copied()).mean())
                .collect();
            let max = means.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let min = means.iter().copied().fold(f64::INFINITY, f64::min);
            (max - min >= DIVIDE_SPREAD).then_some(Divide {
                claim: c,
                group_means: means,
                spread: max - min,
            })
        })
        .collect();
    out.sort_by(|a, b| b.spread.total_cmp(&a.spread).then(a.claim.cmp(&b.claim)));
    out
}

/// Without groups: claims where both sides hold at least [`SPLIT_SHARE`] of the votes.
fn splits(counts: &[Counts]) -> Vec<Divide> {
    let mut out: Vec<Divide> = counts
        .iter()
        .enumerate()
        .filter_map(|(c, k)| {
            let a = raw_share(k.agree, k);
            let d = raw_share(k.disagree, k);
            (a >= SPLIT_SHARE && d >= SPLIT_SHARE).then_some(Divide {
                claim: c,
                group_means: vec![a, d],
                spread: a.min(d),
            })
        })
        .collect();
    out.sort_by(|a, b| b.spread.total_cmp(&a.spread).then(a.claim.cmp(&b.claim)));
    out
}

/// The map's group names: A, B, C, …
pub fn group_name(index: usize) -> String {
    char::from(b'A' + (index % 26) as u8).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::opinion::cluster::adjusted_rand_index;
    use crate::domain::opinion::synthetic::{planted, uniform};

    /// Two camps of six on six claims: claims 0–2 split them, 3 everyone agrees with,
    /// 4 everyone disagrees with, 5 is mixed.
    fn two_camps() -> VoteMatrix {
        let rows: Vec<Vec<Option<f64>>> = (0..12)
            .map(|i| {
                let s = if i < 6 { 1.0 } else { -1.0 };
                vec![
                    Some(s),
                    Some(-s),
                    if i % 6 == 5 { Some(0.0) } else { Some(s) },
                    Some(1.0),
                    Some(-1.0),
                    if i % 2 == 0 { Some(1.0) } else { None },
                ]
            })
            .collect();
        VoteMatrix::from_rows(&rows)
    }

    #[test]
    fn two_camps_are_found_with_their_claims() {
        let map = opinion_map(&two_camps());
        assert_eq!(map.no_groups, None, "{:?}", map.tried);
        assert_eq!(map.groups.len(), 2);
        assert!(map.silhouette.unwrap() > 0.8);
        let camp_a: Vec<usize> = (0..6).collect();
        let g0 = &map.groups[0];
        assert_eq!(g0.members, camp_a);
        // Group A agrees with claim 0 and disagrees with 1 far more than group B.
        let claims: Vec<(usize, bool)> = g0
            .representative
            .iter()
            .map(|r| (r.claim, r.agrees))
            .collect();
        assert!(
            claims.contains(&(0, true)) && claims.contains(&(1, false)),
            "{claims:?}"
        );
        assert!(g0.representative.iter().all(|r| r.p < 0.05));
        let b: Vec<(usize, bool)> = map.groups[1]
            .representative
            .iter()
            .map(|r| (r.claim, r.agrees))
            .collect();
        assert!(b.contains(&(0, false)) && b.contains(&(1, true)), "{b:?}");
        // Consensus: 3 agreed and 4 disagreed by both camps; 5 agreed by the half who voted.
        let cons: Vec<(usize, bool)> = map.consensus.iter().map(|c| (c.claim, c.agrees)).collect();
        assert_eq!(cons, vec![(3, true), (4, false), (5, true)]);
        let div: Vec<usize> = map.divisive.iter().map(|d| d.claim).collect();
        assert_eq!(div, vec![0, 1, 2]);
        assert!((map.divisive[0].spread - 2.0).abs() < 1e-9);
        // Points: the camps on opposite sides of the first axis.
        let side = |row: usize| map.points.iter().find(|p| p.row == row).unwrap().x > 0.0;
        assert!((0..6).all(|r| side(r) == side(0)) && (6..12).all(|r| side(r) != side(0)));
        // Deterministic.
        assert_eq!(opinion_map(&two_camps()), map);
    }

    #[test]
    fn too_few_members_with_four_votes() {
        let m = two_camps();
        let mut rows: Vec<Vec<Option<f64>>> = (0..m.rows())
            .map(|r| (0..m.cols()).map(|c| m.value(r, c)).collect())
            .collect();
        // Five members keep only three votes: 7 qualify.
        for row in rows.iter_mut().take(5) {
            *row = row.iter().take(3).copied().collect();
        }
        let map = opinion_map(&VoteMatrix::from_rows(&rows));
        assert_eq!(map.no_groups, Some(NoGroups::TooFewVoters { qualified: 7 }));
        assert!(map.groups.is_empty());
        assert!(map.no_groups.unwrap().reason().contains("only 7 members"));
    }

    #[test]
    fn a_group_of_two_is_never_shown() {
        // Ten members of one mind and two of the opposite.
        let rows: Vec<Vec<Option<f64>>> = (0..12)
            .map(|i| {
                let s = if i < 10 { 1.0 } else { -1.0 };
                vec![Some(s), Some(s), Some(-s), Some(s), Some(s)]
            })
            .collect();
        let map = opinion_map(&VoteMatrix::from_rows(&rows));
        assert!(map.groups.is_empty());
        assert!(
            matches!(
                map.no_groups,
                Some(NoGroups::SmallGroup { smallest: 2, .. })
            ),
            "{:?}",
            map.no_groups
        );
        assert!(map.no_groups.unwrap().reason().contains("group of 2"));
    }

    #[test]
    fn uniform_random_votes_give_no_groups() {
        for seed in 0..5 {
            let m = uniform(60, 20, seed);
            let map = opinion_map(&m);
            assert!(map.groups.is_empty(), "seed {seed}: {:?}", map.tried);
            assert!(
                matches!(map.no_groups, Some(NoGroups::Unclear { .. })),
                "{:?}",
                map.no_groups
            );
        }
    }

    #[test]
    fn planted_groups_are_recovered() {
        for groups in [2, 3, 4] {
            for seed in 0..3 {
                let (m, truth) = planted(groups, 15, 20, 0.1, seed);
                let map = opinion_map(&m);
                assert_eq!(
                    map.groups.len(),
                    groups,
                    "{groups} groups, seed {seed}: {:?}",
                    map.tried
                );
                let mut found = vec![0; m.rows()];
                for (g, group) in map.groups.iter().enumerate() {
                    for &r in &group.members {
                        found[r] = g;
                    }
                }
                let ari = adjusted_rand_index(&truth, &found);
                assert!(ari >= 0.9, "{groups} groups, seed {seed}: ARI {ari}");
            }
        }
    }

    /// The recovery at rising noise, printed (`cargo test --lib recovery_by_noise -- --nocapture`):
    /// at low noise (up to 0.1) the planted groups are found (ARI >= 0.9).
    #[test]
    fn recovery_by_noise() {
        println!("groups  noise  mean ARI (5 seeds, 15 members per group, 20 claims)  found k");
        for groups in [2, 3, 4] {
            for noise in [0.0, 0.1, 0.2, 0.3, 0.5, 0.7] {
                let mut total = 0.0;
                let mut ks = Vec::new();
                for seed in 0..5 {
                    let (m, truth) = planted(groups, 15, 20, noise, 100 + seed);
                    let map = opinion_map(&m);
                    let mut found = vec![0; m.rows()];
                    for (g, group) in map.groups.iter().enumerate() {
                        for &r in &group.members {
                            found[r] = g + 1;
                        }
                    }
                    total += adjusted_rand_index(&truth, &found);
                    ks.push(map.groups.len());
                }
                let ari = total / 5.0;
                println!("{groups:>6}  {noise:>5.1}  {ari:>6.3}  {ks:?}");
                if noise <= 0.1 {
                    assert!(ari >= 0.9, "{groups} groups at noise {noise}: ARI {ari}");
                }
            }
        }
    }
}
