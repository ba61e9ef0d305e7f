//! Principal components of a vote matrix: missing votes imputed with the claim's mean
//! (so they pull a member toward the centre, never toward disagree), columns centred,
//! the covariance's leading eigenvectors found by power iteration with deflation, from a
//! fixed start so the same votes always give the same picture.
//!
//! The matrices here are small (a thousand members by a hundred claims at most), so a
//! hand-written power iteration on the claims × claims covariance is both fast and
//! dependency-free; the result is checked against a matrix whose components are known.

use super::matrix::VoteMatrix;

/// The result: each chosen row's coordinates on the components, each claim's loading.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    /// `scores[i][k]`: row i (in the order given) on component k.
    pub scores: Vec<Vec<f64>>,
    /// `loadings[k][c]`: claim c's weight in component k (unit vectors).
    pub loadings: Vec<Vec<f64>>,
    /// Each component's share of the total variance.
    pub explained: Vec<f64>,
}

/// The imputed, centred data of `rows` (one vector per row).
pub fn centred(m: &VoteMatrix, rows: &[usize]) -> Vec<Vec<f64>> {
    let cols = m.cols();
    let mut means = vec![0.0; cols];
    for (c, mean) in means.iter_mut().enumerate() {
        let (mut s, mut n) = (0.0, 0usize);
        for &r in rows {
            if let Some(v) = m.value(r, c) {
                s += v;
                n += 1;
            }
        }
        *mean = if n == 0 { 0.0 } else { s / n as f64 };
    }
    rows.iter()
        .map(|&r| {
            (0..cols)
                .map(|c| m.value(r, c).map(|v| v - means[c]).unwrap_or(0.0))
                .collect()
        })
        .collect()
}

/// The first `k` principal components of `data` (rows already centred).
pub fn pca(data: &[Vec<f64>], k: usize) -> Pca {
    let n = data.len();
    let d = data.first().map(Vec::len).unwrap_or(0);
    let k = k.min(d);
    // Covariance (d × d).
    let mut cov = vec![0.0; d * d];
    for row in data {
        for i in 0..d {
            let ri = row[i];
            if ri == 0.0 {
                continue;
            }
            let line = &mut cov[i * d..(i + 1) * d];
            for (j, v) in row.iter().enumerate() {
                line[j] += ri * v;
            }
        }
    }
    let denom = (n.max(2) - 1) as f64;
    cov.iter_mut().for_each(|v| *v /= denom);
    let total: f64 = (0..d).map(|i| cov[i * d + i]).sum();
    let mut loadings = Vec::with_capacity(k);
    let mut explained = Vec::with_capacity(k);
    for comp in 0..k {
        let (value, vector) = leading_eigen(&cov, d, comp);
        if value <= 1e-12 {
            break;
        }
        // Deflate: cov -= value * v vᵀ.
        for i in 0..d {
            for j in 0..d {
                cov[i * d + j] -= value * vector[i] * vector[j];
            }
        }
        explained.push(if total > 0.0 { value / total } else { 0.0 });
        loadings.push(vector);
    }
    let scores = data
        .iter()
        .map(|row| {
            loadings
                .iter()
                .map(|l| l.iter().zip(row).map(|(a, b)| a * b).sum())
                .collect()
        })
        .collect();
    Pca {
        scores,
        loadings,
        explained,
    }
}

/// The largest eigenvalue of the symmetric `cov` and its unit eigenvector, signed so that
/// its largest entry is positive (a deterministic orientation).
fn leading_eigen(cov: &[f64], d: usize, salt: usize) -> (f64, Vec<f64>) {
    // A fixed, uneven start, so it is not orthogonal to the answer by symmetry.
    let mut v: Vec<f64> = (0..d)
        .map(|i| 1.0 + ((i * 7 + salt * 13) % 11) as f64 / 10.0)
        .collect();
    normalise(&mut v);
    let mut value = 0.0;
    let mut next = vec![0.0; d];
    for _ in 0..1000 {
        for (i, out) in next.iter_mut().enumerate() {
            *out = cov[i * d..(i + 1) * d]
                .iter()
                .zip(&v)
                .map(|(a, b)| a * b)
                .sum();
        }
        let norm = normalise(&mut next);
        let delta: f64 = next.iter().zip(&v).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut v, &mut next);
        value = norm;
        if delta < 1e-12 {
            break;
        }
    }
    let biggest = v
        .iter()
        .copied()
        .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
    if biggest < 0.0 {
        v.iter_mut().for_each(|x| *x = -*x);
    }
    (value, v)
}

fn normalise(v: &mut [f64]) -> f64 {
    let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    norm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_axis_two_camps_split_on() {
        // Two camps: claims 0 and 1 split them, claim 2 everyone agrees on.
        let rows: Vec<Vec<Option<f64>>> = (0..10)
            .map(|i| {
                let s = if i < 5 { 1.0 } else { -1.0 };
                vec![Some(s), Some(-s), Some(1.0)]
            })
            .collect();
        let m = VoteMatrix::from_rows(&rows);
        let all: Vec<usize> = (0..10).collect();
        let p = pca(&centred(&m, &all), 2);
        // One component explains everything; it loads on claims 0 and 1 equally.
        assert_eq!(p.loadings.len(), 1);
        assert!((p.explained[0] - 1.0).abs() < 1e-9);
        let l = &p.loadings[0];
        assert!((l[0].abs() - 0.5f64.sqrt()).abs() < 1e-9, "{l:?}");
        assert!((l[0] + l[1]).abs() < 1e-9 && l[2].abs() < 1e-9);
        // The camps sit on opposite sides, sqrt(2) from the centre.
        for (i, s) in p.scores.iter().enumerate() {
            assert!((s[0].abs() - 2f64.sqrt()).abs() < 1e-9);
            assert_eq!(
                s[0] > 0.0,
                p.scores[0][0] > 0.0 && i < 5 || p.scores[0][0] < 0.0 && i >= 5
            );
        }
    }

    #[test]
    fn missing_votes_land_at_the_claims_mean() {
        let m = VoteMatrix::from_rows(&[
            vec![Some(1.0), Some(1.0)],
            vec![Some(-1.0), Some(-1.0)],
            vec![None, None],
        ]);
        let c = centred(&m, &[0, 1, 2]);
        assert_eq!(c[2], vec![0.0, 0.0]);
        assert_eq!(c[0], vec![1.0, 1.0]);
    }

    #[test]
    fn matches_a_known_covariance() {
        // Data whose covariance is diag(4, 1) after centring: components are the axes.
        let data = vec![
            vec![2.0, 1.0],
            vec![-2.0, -1.0],
            vec![2.0, -1.0],
            vec![-2.0, 1.0],
        ];
        let p = pca(&data, 2);
        // cov = [[16/3, 0], [0, 4/3]] → explained 0.8 and 0.2.
        assert!((p.explained[0] - 0.8).abs() < 1e-9);
        assert!((p.explained[1] - 0.2).abs() < 1e-9);
        assert!((p.loadings[0][0] - 1.0).abs() < 1e-9);
        assert!((p.loadings[1][1] - 1.0).abs() < 1e-9);
    }
}
