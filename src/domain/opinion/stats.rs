//! The statistics behind the opinion map and the deliberation report: the normal
//! distribution, one- and two-proportion z-tests, the exact McNemar test, the Wilcoxon
//! signed-rank test (exact for small samples, ties included), effect sizes with 95 %
//! confidence intervals, and the words a facilitator reads for each result.

/// The standard normal's upper tail, P(Z > z).
pub fn normal_sf(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// The complementary error function (W. J. Cody's rational approximations, as used by
/// most C libraries: relative error below 1e-15 in double precision).
pub fn erfc(x: f64) -> f64 {
    libm_erfc(x)
}

// A port of the classic Sun/FreeBSD `erfc` (msun s_erf.c), the algorithm behind C's erfc.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
fn libm_erfc(x: f64) -> f64 {
    const ERX: f64 = 8.45062911510467529297e-01;
    const EFX: f64 = 1.28379167095512586316e-01;
    const PP: [f64; 5] = [
        1.28379167095512558561e-01,
        -3.25042107247001499370e-01,
        -2.84817495755985104766e-02,
        -5.77027029648944159157e-03,
        -2.37630166566501626084e-05,
    ];
    const QQ: [f64; 5] = [
        3.97917223959155352819e-01,
        6.50222499887672944485e-02,
        5.08130628187576562776e-03,
        1.32494738004321644526e-04,
        -3.96022827877536812320e-06,
    ];
    const PA: [f64; 7] = [
        -2.36211856075265944077e-03,
        4.14856118683748331666e-01,
        -3.72207876035701323847e-01,
        3.18346619901161753674e-01,
        -1.10894694282396677476e-01,
        3.54783043256182359371e-02,
        -2.16637559486879084300e-03,
    ];
    const QA: [f64; 6] = [
        1.06420880400844228286e-01,
        5.40397917702171048937e-01,
        7.18286544141962662868e-02,
        1.26171219808761642112e-01,
        1.36370839120290507362e-02,
        1.19844998467991074170e-02,
    ];
    const RA: [f64; 8] = [
        -9.86494403484714822705e-03,
        -6.93858572707181764372e-01,
        -1.05586262253232909814e+01,
        -6.23753324503260060396e+01,
        -1.62396669462573470355e+02,
        -1.84605092906711035994e+02,
        -8.12874355063065934246e+01,
        -9.81432934416914548592e+00,
    ];
    const SA: [f64; 8] = [
        1.96512716674392571292e+01,
        1.37657754143519042600e+02,
        4.34565877475229228821e+02,
        6.45387271733267880336e+02,
        4.29008140027567833386e+02,
        1.08635005541779435134e+02,
        6.57024977031928170135e+00,
        -6.04244152148580987438e-02,
    ];
    const RB: [f64; 7] = [
        -9.86494292470009928597e-03,
        -7.99283237680523006574e-01,
        -1.77579549177547519889e+01,
        -1.60636384855821916062e+02,
        -6.37566443368389627722e+02,
        -1.02509513161107724954e+03,
        -4.83519191608651397019e+02,
    ];
    const SB: [f64; 7] = [
        3.03380607434824582924e+01,
        3.25792512996573918826e+02,
        1.53672958608443695994e+03,
        3.19985821950859553908e+03,
        2.55305040643316442583e+03,
        4.74528541206955367215e+02,
        -2.24409524465858183362e+01,
    ];
    if x.is_nan() {
        return f64::NAN;
    }
    let ax = x.abs();
    if ax < 0.84375 {
        if ax < 1.0 / (1u64 << 56) as f64 {
            return 1.0 - x;
        }
        let z = x * x;
        let r = PP[0] + z * (PP[1] + z * (PP[2] + z * (PP[3] + z * PP[4])));
        let s = 1.0 + z * (QQ[0] + z * (QQ[1] + z * (QQ[2] + z * (QQ[3] + z * QQ[4]))));
        let y = r / s;
        if x < 0.25 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x - 0.5 + x * y);
    }
    if ax < 1.25 {
        let s = ax - 1.0;
        let p =
            PA[0] + s * (PA[1] + s * (PA[2] + s * (PA[3] + s * (PA[4] + s * (PA[5] + s * PA[6])))));
        let q =
            1.0 + s * (QA[0] + s * (QA[1] + s * (QA[2] + s * (QA[3] + s * (QA[4] + s * QA[5])))));
        return if x >= 0.0 {
            1.0 - ERX - p / q
        } else {
            1.0 + ERX + p / q
        };
    }
    if ax < 28.0 {
        let s = 1.0 / (ax * ax);
        let (r, big_s) = if ax < 1.0 / 0.35 {
            (
                RA[0]
                    + s * (RA[1]
                        + s * (RA[2]
                            + s * (RA[3] + s * (RA[4] + s * (RA[5] + s * (RA[6] + s * RA[7])))))),
                1.0 + s
                    * (SA[0]
                        + s * (SA[1]
                            + s * (SA[2]
                                + s * (SA[3]
                                    + s * (SA[4] + s * (SA[5] + s * (SA[6] + s * SA[7]))))))),
            )
        } else {
            if x < -6.0 {
                return 2.0;
            }
            (
                RB[0]
                    + s * (RB[1]
                        + s * (RB[2] + s * (RB[3] + s * (RB[4] + s * (RB[5] + s * RB[6]))))),
                1.0 + s
                    * (SB[0]
                        + s * (SB[1]
                            + s * (SB[2] + s * (SB[3] + s * (SB[4] + s * (SB[5] + s * SB[6])))))),
            )
        };
        // z = ax with its low 32 bits cleared, as the C code does.
        let z = f64::from_bits(ax.to_bits() & 0xffff_ffff_0000_0000);
        let r = (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + r / big_s).exp();
        return if x > 0.0 { r / ax } else { 2.0 - r / ax };
    }
    let _ = EFX;
    if x > 0.0 { 0.0 } else { 2.0 }
}

/// One-sided z for a proportion above one half, with Pol.is's pseudocounts: how sure we are
/// that `successes` of `n` is a majority.
pub fn prop_z(successes: u32, n: u32) -> f64 {
    let n = n as f64;
    let s = successes as f64;
    2.0 * (n + 1.0).sqrt() * ((s + 1.0) / (n + 2.0) - 0.5)
}

/// Two-proportion z (one group against the rest), with a pseudocount of one success and
/// one failure in each, as Pol.is computes representativeness.
pub fn two_prop_z(s1: u32, n1: u32, s2: u32, n2: u32) -> f64 {
    let (s1, n1, s2, n2) = (
        s1 as f64 + 1.0,
        n1 as f64 + 2.0,
        s2 as f64 + 1.0,
        n2 as f64 + 2.0,
    );
    let p1 = s1 / n1;
    let p2 = s2 / n2;
    let p = (s1 + s2) / (n1 + n2);
    let se = (p * (1.0 - p) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if se == 0.0 { 0.0 } else { (p1 - p2) / se }
}

/// ln(n!) by summation (exact enough for the sample sizes here, and cached by the caller
/// where it matters).
fn ln_factorials(n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n + 1);
    out.push(0.0);
    let mut acc = 0.0;
    for i in 1..=n {
        acc += (i as f64).ln();
        out.push(acc);
    }
    out
}

/// The exact two-sided binomial test of `k` successes in `n` trials against one half:
/// twice the smaller tail, at most 1. (The exact McNemar test is this on the changers.)
pub fn binomial_half_two_sided(k: u32, n: u32) -> f64 {
    if n == 0 {
        return 1.0;
    }
    let lf = ln_factorials(n as usize);
    let n_us = n as usize;
    let small = k.min(n - k) as usize;
    let ln_half_n = n as f64 * 0.5f64.ln();
    let tail: f64 = (0..=small)
        .map(|i| (lf[n_us] - lf[i] - lf[n_us - i] + ln_half_n).exp())
        .sum();
    (2.0 * tail).min(1.0)
}

/// Fisher's exact test of the 2 × 2 table [[a, b], [c, d]], two-sided: the probability of
/// every table with the same margins no more likely than the one seen (as R and SciPy
/// compute it).
pub fn fisher_exact(a: u32, b: u32, c: u32, d: u32) -> f64 {
    let (row1, col1, n) = ((a + b) as usize, (a + c) as usize, (a + b + c + d) as usize);
    let lf = ln_factorials(n);
    let prob = |x: usize| -> f64 {
        // Hypergeometric: C(col1, x) C(n - col1, row1 - x) / C(n, row1).
        (lf[col1] - lf[x] - lf[col1 - x] + lf[n - col1]
            - lf[row1 - x]
            - lf[n - col1 + x - row1]
            - (lf[n] - lf[row1] - lf[n - row1]))
            .exp()
    };
    let low = row1.saturating_sub(n - col1);
    let high = row1.min(col1);
    let seen = prob(a as usize);
    let p: f64 = (low..=high)
        .map(prob)
        .filter(|p| *p <= seen * (1.0 + 1e-7))
        .sum();
    p.min(1.0)
}

/// The exact McNemar test: `b` members moved one way, `c` the other.
pub fn mcnemar_exact(b: u32, c: u32) -> f64 {
    binomial_half_two_sided(b, b + c)
}

/// The Wilcoxon signed-rank test of paired differences.
#[derive(Debug, Clone, PartialEq)]
pub struct Wilcoxon {
    /// Pairs with a non-zero difference (zeros are dropped, Wilcoxon's own method).
    pub n: usize,
    /// The sum of the ranks of the positive differences.
    pub w_plus: f64,
    /// The sum of the ranks of the negative differences.
    pub w_minus: f64,
    /// The two-sided p-value.
    pub p: f64,
    /// Whether `p` is exact (the permutation distribution, ties included) or from the
    /// normal approximation with the tie correction (more than [`WILCOXON_EXACT_MAX`] pairs).
    pub exact: bool,
    /// The matched-pairs rank-biserial correlation (W+ − W−) / (W+ + W−), in −1..1.
    pub rank_biserial: f64,
}

/// Up to this many non-zero differences the Wilcoxon p-value is exact.
pub const WILCOXON_EXACT_MAX: usize = 60;

/// Average ranks of `values` (1-based), ties sharing the mean of their ranks.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &o in &order[i..=j] {
            ranks[o] = rank;
        }
        i = j + 1;
    }
    ranks
}

/// The Wilcoxon signed-rank test of the paired differences `diffs` (after − before).
/// `None` when every difference is zero.
pub fn wilcoxon(diffs: &[f64]) -> Option<Wilcoxon> {
    let nonzero: Vec<f64> = diffs.iter().copied().filter(|d| *d != 0.0).collect();
    let n = nonzero.len();
    if n == 0 {
        return None;
    }
    let abs: Vec<f64> = nonzero.iter().map(|d| d.abs()).collect();
    let ranks = average_ranks(&abs);
    let w_plus: f64 = nonzero
        .iter()
        .zip(&ranks)
        .filter(|(d, _)| **d > 0.0)
        .map(|(_, r)| r)
        .sum();
    let total = (n * (n + 1)) as f64 / 2.0;
    let w_minus = total - w_plus;
    let (p, exact) = if n <= WILCOXON_EXACT_MAX {
        (wilcoxon_exact_p(&ranks, w_plus), true)
    } else {
        (wilcoxon_normal_p(&ranks, w_plus), false)
    };
    Some(Wilcoxon {
        n,
        w_plus,
        w_minus,
        p,
        exact,
        rank_biserial: (w_plus - w_minus) / total,
    })
}

/// The exact two-sided p of W+ under the null (each sign equally likely), conditional on
/// the ranks given, ties included: ranks are halves at worst, so doubled they are whole
/// and the distribution of the doubled sum is counted by dynamic programming.
fn wilcoxon_exact_p(ranks: &[f64], w_plus: f64) -> f64 {
    let doubled: Vec<usize> = ranks.iter().map(|r| (r * 2.0).round() as usize).collect();
    let max: usize = doubled.iter().sum();
    // counts[s] / 2^n = P(doubled W+ = s); kept as probabilities to avoid overflow.
    let mut dist = vec![0.0f64; max + 1];
    dist[0] = 1.0;
    let mut reach = 0;
    for &r in &doubled {
        for s in (0..=reach).rev() {
            let p = dist[s] * 0.5;
            dist[s] = p;
            dist[s + r] += p;
        }
        reach += r;
    }
    let observed = (w_plus * 2.0).round() as usize;
    let mean = max as f64 / 2.0;
    // Two-sided: the probability of a sum at least as far from the mean as the one seen.
    let distance = (observed as f64 - mean).abs();
    let p: f64 = dist
        .iter()
        .enumerate()
        .filter(|(s, _)| (*s as f64 - mean).abs() >= distance - 1e-9)
        .map(|(_, p)| p)
        .sum();
    p.min(1.0)
}

/// The normal approximation to W+, with the tie correction of the variance (no continuity
/// correction), as scipy's `wilcoxon(..., method="approx")` computes it.
fn wilcoxon_normal_p(ranks: &[f64], w_plus: f64) -> f64 {
    let n = ranks.len() as f64;
    let mean = n * (n + 1.0) / 4.0;
    let mut var = n * (n + 1.0) * (2.0 * n + 1.0) / 24.0;
    // Tie correction: sum over tie groups of (t^3 - t) / 48.
    let mut sorted = ranks.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[i] {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        var -= (t * t * t - t) / 48.0;
        i = j + 1;
    }
    if var <= 0.0 {
        return 1.0;
    }
    let z = (w_plus - mean) / var.sqrt();
    (2.0 * normal_sf(z.abs())).min(1.0)
}

/// A value with its 95 % confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// The two-sided 97.5 % quantile of Student's t for `df` degrees of freedom (a table up to
/// 30, then the normal's 1.96 refined by the usual series).
pub fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        d if d <= 30 => TABLE[d - 1],
        d => {
            // Cornish–Fisher expansion around z = 1.959964.
            let z: f64 = 1.959964;
            let n = d as f64;
            z + (z.powi(3) + z) / (4.0 * n)
                + (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / (96.0 * n * n)
        }
    }
}

/// The mean of paired differences with its t-based 95 % interval (`None` for no pairs).
pub fn mean_shift(diffs: &[f64]) -> Option<Estimate> {
    let n = diffs.len();
    if n == 0 {
        return None;
    }
    let mean = diffs.iter().sum::<f64>() / n as f64;
    if n == 1 {
        return Some(Estimate {
            value: mean,
            low: f64::NEG_INFINITY,
            high: f64::INFINITY,
        });
    }
    let var = diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = t_975(n - 1) * (var / n as f64).sqrt();
    Some(Estimate {
        value: mean,
        low: mean - half,
        high: mean + half,
    })
}

/// The paired difference of two proportions, (b − c) / n, with the Wald interval for
/// matched pairs (Agresti, *Categorical Data Analysis*, 10.1.1): `b` moved to the first
/// answer, `c` away from it, `n` pairs in all.
pub fn paired_proportion_change(b: u32, c: u32, n: u32) -> Option<Estimate> {
    if n == 0 {
        return None;
    }
    let (b, c, n) = (b as f64, c as f64, n as f64);
    let d = (b - c) / n;
    let se = (((b + c) - (b - c).powi(2) / n).max(0.0)).sqrt() / n;
    Some(Estimate {
        value: d,
        low: (d - 1.959964 * se).max(-1.0),
        high: (d + 1.959964 * se).min(1.0),
    })
}

/// What a facilitator reads for a pre/post test result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Fewer than [`MIN_PAIRS`] members voted both times.
    TooFew,
    /// Nobody changed their vote.
    NoChange,
    /// p < 0.05.
    Likely,
    /// p < 0.20: a hint, not enough to be sure.
    Maybe,
    /// p >= 0.20.
    NoSign,
}

/// Fewer paired votes than this are too few to tell.
pub const MIN_PAIRS: usize = 5;

impl Verdict {
    pub fn from(paired: usize, changed: usize, p: Option<f64>) -> Verdict {
        if paired < MIN_PAIRS {
            Verdict::TooFew
        } else if changed == 0 {
            Verdict::NoChange
        } else {
            match p {
                Some(p) if p < 0.05 => Verdict::Likely,
                Some(p) if p < 0.20 => Verdict::Maybe,
                _ => Verdict::NoSign,
            }
        }
    }

    /// The words, with the direction when there is one ("toward agree").
    pub fn words(self, direction: &str) -> String {
        match self {
            Verdict::TooFew => "too few votes to tell".to_string(),
            Verdict::NoChange => "nobody changed their vote".to_string(),
            Verdict::Likely => format!("likely a real shift {direction}"),
            Verdict::Maybe => format!("perhaps a shift {direction}, but too few votes to be sure"),
            Verdict::NoSign => {
                "no sign of a real shift (the changes went both ways or were few)".to_string()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    // Reference values computed once with SciPy 1.x (Python 3):
    //   scipy.stats.norm.sf(z), scipy.stats.binomtest(k, n, 0.5).pvalue,
    //   scipy.stats.wilcoxon(d, method="exact" | "approx").pvalue.
    // They are written here so the tests need no Python.

    #[test]
    fn normal_tail_matches_reference() {
        for (z, sf) in REF_NORMAL_SF {
            assert!(
                close(normal_sf(*z), *sf, 1e-12 + sf * 1e-9),
                "z={z}: {} vs {sf}",
                normal_sf(*z)
            );
        }
    }

    #[test]
    fn mcnemar_exact_matches_reference() {
        for (b, c, p) in REF_MCNEMAR {
            assert!(
                close(mcnemar_exact(*b, *c), *p, 1e-10),
                "b={b} c={c}: {} vs {p}",
                mcnemar_exact(*b, *c)
            );
        }
        assert_eq!(mcnemar_exact(0, 0), 1.0);
    }

    #[test]
    fn fisher_matches_reference() {
        for (a, b, c, d, p) in REF_FISHER {
            let got = fisher_exact(*a, *b, *c, *d);
            assert!(close(got, *p, 1e-9), "{a} {b} {c} {d}: {got} vs {p}");
        }
    }

    #[test]
    fn wilcoxon_matches_reference() {
        for (diffs, w_plus, p, exact) in REF_WILCOXON {
            let w = wilcoxon(diffs).unwrap();
            assert_eq!(w.exact, *exact, "{diffs:?}");
            assert!(
                close(w.w_plus, *w_plus, 1e-9),
                "{diffs:?}: W+ {} vs {w_plus}",
                w.w_plus
            );
            assert!(close(w.p, *p, 1e-9), "{diffs:?}: p {} vs {p}", w.p);
        }
        assert!(wilcoxon(&[0.0, 0.0]).is_none());
    }

    #[test]
    fn wilcoxon_exact_with_ties_matches_brute_force() {
        // Every sign pattern enumerated: the permutation distribution by definition.
        let diffs = [1.0, -1.0, 2.0, 1.0, 1.0, -2.0, 3.0, 1.0, 2.0, -1.0, 1.0];
        let w = wilcoxon(&diffs).unwrap();
        let ranks = average_ranks(&diffs.iter().map(|d: &f64| d.abs()).collect::<Vec<_>>());
        let n = ranks.len();
        let mean = ranks.iter().sum::<f64>() / 2.0;
        let seen = (w.w_plus - mean).abs();
        let mut hits = 0u32;
        for mask in 0u32..(1 << n) {
            let s: f64 = (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| ranks[i])
                .sum();
            if (s - mean).abs() >= seen - 1e-9 {
                hits += 1;
            }
        }
        let brute = hits as f64 / (1u32 << n) as f64;
        assert!(close(w.p, brute, 1e-12), "{} vs {brute}", w.p);
    }

    #[test]
    fn effect_sizes() {
        // 6 moved toward agree, 1 away, 20 pairs: (6 - 1) / 20 = 0.25.
        let e = paired_proportion_change(6, 1, 20).unwrap();
        assert!(close(e.value, 0.25, 1e-12));
        // se = sqrt(7 - 25/20)/20 = sqrt(5.75)/20
        let se = 5.75f64.sqrt() / 20.0;
        assert!(close(e.high - e.value, 1.959964 * se, 1e-9));
        let m = mean_shift(&[1.0, 2.0, 0.0, 1.0]).unwrap();
        assert!(close(m.value, 1.0, 1e-12));
        // sd = sqrt(2/3), se = sd/2, t(3) = 3.182
        let half = 3.182 * (2.0f64 / 3.0).sqrt() / 2.0;
        assert!(close(m.low, 1.0 - half, 1e-9) && close(m.high, 1.0 + half, 1e-9));
        assert!(close(t_975(1000), 1.962339, 1e-4));
    }

    #[test]
    fn verdicts_in_words() {
        assert_eq!(Verdict::from(3, 3, Some(0.01)), Verdict::TooFew);
        assert_eq!(Verdict::from(10, 0, None), Verdict::NoChange);
        assert_eq!(Verdict::from(10, 8, Some(0.01)), Verdict::Likely);
        assert_eq!(Verdict::from(10, 3, Some(0.1)), Verdict::Maybe);
        assert_eq!(Verdict::from(10, 3, Some(0.5)), Verdict::NoSign);
        assert_eq!(
            Verdict::Likely.words("toward agree"),
            "likely a real shift toward agree"
        );
    }

    include!("stats_reference.rs");
}
