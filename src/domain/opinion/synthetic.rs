//! Synthetic electorates for tests and benchmarks: members in planted opinion groups
//! voting with rising noise, and members voting at random. Seeded, so each is the same
//! every run.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::matrix::VoteMatrix;

/// `groups` groups of `per_group` members voting on `claims` claims. Each group has a
/// stance on every claim (agree or disagree, drawn once); a member votes the stance,
/// except that with probability `noise` the vote is drawn at random (agree, disagree or
/// pass), and one vote in ten is missing. Returns the matrix and each member's group.
pub fn planted(
    groups: usize,
    per_group: usize,
    claims: usize,
    noise: f64,
    seed: u64,
) -> (VoteMatrix, Vec<usize>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let stances: Vec<Vec<f64>> = (0..groups)
        .map(|_| {
            (0..claims)
                .map(|_| if rng.random_bool(0.5) { 1.0 } else { -1.0 })
                .collect()
        })
        .collect();
    let mut m = VoteMatrix::new(groups * per_group, claims);
    let mut truth = Vec::with_capacity(groups * per_group);
    for (g, stance_of_group) in stances.iter().enumerate() {
        for i in 0..per_group {
            let row = g * per_group + i;
            truth.push(g);
            for (c, stance) in stance_of_group.iter().enumerate() {
                if rng.random_bool(0.1) {
                    continue;
                }
                let v = if rng.random_bool(noise.clamp(0.0, 1.0)) {
                    [1.0, -1.0, 0.0][rng.random_range(0..3)]
                } else {
                    *stance
                };
                m.set(row, c, v);
            }
        }
    }
    (m, truth)
}

/// `voters` members voting agree, disagree or pass at random on every claim.
pub fn uniform(voters: usize, claims: usize, seed: u64) -> VoteMatrix {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let mut m = VoteMatrix::new(voters, claims);
    for r in 0..voters {
        for c in 0..claims {
            m.set(r, c, [1.0, -1.0, 0.0][rng.random_range(0..3)]);
        }
    }
    m
}
