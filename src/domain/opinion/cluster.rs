//! Grouping members: k-means (k-means++ starts from a fixed seed, several restarts, the
//! tightest kept), the silhouette that says how clear the groups are, and the adjusted
//! Rand index the tests use to check that planted groups are found.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The seed of every k-means run: the same votes always give the same groups.
pub const SEED: u64 = 0x00c0_11e9;
/// How many k-means++ starts are tried for each k.
const RESTARTS: usize = 6;
const MAX_ITERATIONS: usize = 100;

/// A k-means result.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    pub k: usize,
    /// The group of each point, 0..k (groups numbered by their first member, so the
    /// numbering is stable).
    pub labels: Vec<usize>,
    /// Sum of squared distances to the centres.
    pub inertia: f64,
}

fn dist2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// k-means of `points` into `k` groups (k ≤ number of points).
pub fn kmeans(points: &[Vec<f64>], k: usize) -> Clustering {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED ^ k as u64);
    let mut best: Option<Clustering> = None;
    for _ in 0..RESTARTS {
        let run = kmeans_once(points, k, &mut rng);
        if best
            .as_ref()
            .is_none_or(|b| run.inertia < b.inertia - 1e-12)
        {
            best = Some(run);
        }
    }
    best.unwrap_or(Clustering {
        k,
        labels: vec![0; points.len()],
        inertia: 0.0,
    })
}

fn kmeans_once(points: &[Vec<f64>], k: usize, rng: &mut ChaCha8Rng) -> Clustering {
    let n = points.len();
    let dim = points.first().map(Vec::len).unwrap_or(0);
    if n == 0 || k == 0 {
        return Clustering {
            k,
            labels: vec![0; n],
            inertia: 0.0,
        };
    }
    // k-means++: each next centre drawn in proportion to the squared distance.
    let mut centres: Vec<Vec<f64>> = vec![points[rng.random_range(0..n)].clone()];
    let mut nearest: Vec<f64> = points.iter().map(|p| dist2(p, &centres[0])).collect();
    while centres.len() < k {
        let total: f64 = nearest.iter().sum();
        let pick = if total <= 0.0 {
            rng.random_range(0..n)
        } else {
            let mut target = rng.random::<f64>() * total;
            let mut chosen = n - 1;
            for (i, d) in nearest.iter().enumerate() {
                if target < *d {
                    chosen = i;
                    break;
                }
                target -= d;
            }
            chosen
        };
        centres.push(points[pick].clone());
        let c = centres.len() - 1;
        for (i, p) in points.iter().enumerate() {
            nearest[i] = nearest[i].min(dist2(p, &centres[c]));
        }
    }
    let mut labels = vec![usize::MAX; n];
    for _ in 0..MAX_ITERATIONS {
        let mut moved = false;
        for (i, p) in points.iter().enumerate() {
            let mut best = (0, f64::INFINITY);
            for (c, centre) in centres.iter().enumerate() {
                let d = dist2(p, centre);
                if d < best.1 {
                    best = (c, d);
                }
            }
            if labels[i] != best.0 {
                labels[i] = best.0;
                moved = true;
            }
        }
        if !moved {
            break;
        }
        let mut sums = vec![vec![0.0; dim]; k];
        let mut sizes = vec![0usize; k];
        for (p, &l) in points.iter().zip(&labels) {
            sizes[l] += 1;
            for (s, v) in sums[l].iter_mut().zip(p) {
                *s += v;
            }
        }
        for c in 0..k {
            if sizes[c] == 0 {
                // An empty group takes the point farthest from its centre.
                let far = (0..n)
                    .max_by(|&a, &b| {
                        dist2(&points[a], &centres[labels[a]])
                            .total_cmp(&dist2(&points[b], &centres[labels[b]]))
                    })
                    .unwrap_or(0);
                centres[c] = points[far].clone();
                labels[far] = c;
            } else {
                centres[c] = sums[c].iter().map(|s| s / sizes[c] as f64).collect();
            }
        }
    }
    let inertia = points
        .iter()
        .zip(&labels)
        .map(|(p, &l)| dist2(p, &centres[l]))
        .sum();
    Clustering {
        k,
        labels: renumber(&labels),
        inertia,
    }
}

/// Labels renumbered in order of first appearance (0, 1, …).
fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map: Vec<(usize, usize)> = Vec::new();
    labels
        .iter()
        .map(|l| match map.iter().find(|(from, _)| from == l) {
            Some((_, to)) => *to,
            None => {
                let to = map.len();
                map.push((*l, to));
                to
            }
        })
        .collect()
}

/// The mean silhouette of a labelling (Euclidean distance; a point alone in its group
/// scores 0, as Rousseeuw defined it and scikit-learn computes it).
pub fn silhouette(points: &[Vec<f64>], labels: &[usize], k: usize) -> f64 {
    let n = points.len();
    if n < 2 || k < 2 {
        return 0.0;
    }
    let mut sizes = vec![0usize; k];
    for &l in labels {
        sizes[l] += 1;
    }
    let mut total = 0.0;
    let mut sums = vec![0.0; k];
    for i in 0..n {
        sums.iter_mut().for_each(|s| *s = 0.0);
        for j in 0..n {
            if i != j {
                sums[labels[j]] += dist2(&points[i], &points[j]).sqrt();
            }
        }
        let own = labels[i];
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[own] / (sizes[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[c] / sizes[c] as f64)
            .fold(f64::INFINITY, f64::min);
        if b.is_finite() && a.max(b) > 0.0 {
            total += (b - a) / a.max(b);
        }
    }
    total / n as f64
}

/// The adjusted Rand index of two labellings of the same points (1: the same partition,
/// about 0: no better than chance).
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len());
    if n < 2 {
        return 1.0;
    }
    let ka = a.iter().max().map_or(0, |m| m + 1);
    let kb = b.iter().max().map_or(0, |m| m + 1);
    let mut table = vec![vec![0u64; kb]; ka];
    for i in 0..n {
        table[a[i]][b[i]] += 1;
    }
    let c2 = |x: u64| (x * x.saturating_sub(1)) as f64 / 2.0;
    let index: f64 = table.iter().flatten().map(|&x| c2(x)).sum();
    let rows: f64 = table.iter().map(|r| c2(r.iter().sum())).sum();
    let cols: f64 = (0..kb).map(|j| c2(table.iter().map(|r| r[j]).sum())).sum();
    let expected = rows * cols / c2(n as u64);
    let max = (rows + cols) / 2.0;
    if (max - expected).abs() < 1e-12 {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blobs() -> Vec<Vec<f64>> {
        vec![
            vec![0.0, 0.0],
            vec![0.1, 0.2],
            vec![-0.1, 0.1],
            vec![5.0, 5.0],
            vec![5.2, 4.9],
            vec![4.8, 5.1],
        ]
    }

    #[test]
    fn separates_two_blobs_deterministically() {
        let c = kmeans(&blobs(), 2);
        assert_eq!(c.labels, vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(kmeans(&blobs(), 2), c);
    }

    #[test]
    fn silhouette_matches_reference() {
        // scikit-learn 1.9.1: silhouette_score(X, [0,0,0,1,1,1]) and with [0,1,0,1,0,1].
        let s = silhouette(&blobs(), &[0, 0, 0, 1, 1, 1], 2);
        assert!((s - REF_SILHOUETTE_GOOD).abs() < 1e-9, "{s}");
        let s = silhouette(&blobs(), &[0, 1, 0, 1, 0, 1], 2);
        assert!((s - REF_SILHOUETTE_BAD).abs() < 1e-9, "{s}");
    }

    #[test]
    fn adjusted_rand_index_matches_reference() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[1, 1, 0, 0]), 1.0);
        // scikit-learn 1.9.1: adjusted_rand_score([0,0,0,1,1,1], [0,0,1,1,2,2]).
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]);
        assert!((ari - REF_ARI).abs() < 1e-12, "{ari}");
    }

    include!("cluster_reference.rs");
}
