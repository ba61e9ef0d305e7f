//! How deliberation moved opinion: for each pre/post pair of a claim, who changed and
//! which way, a test (exact McNemar for two-way scales, Wilcoxon signed-rank for ordered
//! ones), an effect size with its 95 % interval and a verdict in words; the same for
//! participants and lurkers apart; and for quiz questions, the knowledge gained and
//! whether those who learned are those who changed.

use serde::Serialize;

use super::map::MIN_GROUP;
use super::stats::{
    Estimate, Verdict, fisher_exact, mcnemar_exact, mean_shift, paired_proportion_change, wilcoxon,
};

/// One member's vote before and after, on the scale's axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub before: f64,
    pub after: f64,
    /// Whether the member wrote in the discussion (`None`: cannot be known).
    pub spoke: Option<bool>,
}

/// Which test a shift was judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Two-way scale (yes / no): the exact McNemar test on the changers.
    McNemar,
    /// Ordered scale: the Wilcoxon signed-rank test (exact up to 60 changers).
    Wilcoxon,
}

impl Test {
    pub fn name(self) -> &'static str {
        match self {
            Test::McNemar => "Exact McNemar test",
            Test::Wilcoxon => "Wilcoxon signed-rank test",
        }
    }
}

/// How one group of paired voters moved on one claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    pub paired: usize,
    pub changed: usize,
    pub toward_positive: usize,
    pub toward_negative: usize,
    pub test: Test,
    /// The test's two-sided p-value (`None` when nobody changed).
    pub p: Option<f64>,
    /// Two-way: the change in the share on the positive side; ordered: the mean change on
    /// the scale. With its 95 % interval.
    pub effect: Option<Estimate>,
    /// Ordered scales: the matched-pairs rank-biserial correlation.
    pub rank_biserial: Option<f64>,
    pub verdict: Verdict,
}

impl Shift {
    /// The effect in words: "+0.40 on the scale (95 % CI +0.05 to +0.75)".
    pub fn effect_words(&self) -> Option<String> {
        let e = self.effect?;
        let unit = match self.test {
            Test::McNemar => " in the share",
            Test::Wilcoxon => " on the scale",
        };
        if !e.low.is_finite() || !e.high.is_finite() {
            return Some(format!("{:+.2}{unit}", e.value));
        }
        Some(format!(
            "{:+.2}{unit} (95 % CI {:+.2} to {:+.2})",
            e.value, e.low, e.high
        ))
    }
}

/// The shift of `pairs` (two-way scale or not).
pub fn shift(pairs: &[Pair], two_way: bool) -> Shift {
    let paired = pairs.len();
    let toward_positive = pairs.iter().filter(|p| p.after > p.before).count();
    let toward_negative = pairs.iter().filter(|p| p.after < p.before).count();
    let changed = toward_positive + toward_negative;
    let diffs: Vec<f64> = pairs.iter().map(|p| p.after - p.before).collect();
    let (test, p, effect, rank_biserial) = if two_way {
        let p =
            (changed > 0).then(|| mcnemar_exact(toward_positive as u32, toward_negative as u32));
        (
            Test::McNemar,
            p,
            paired_proportion_change(
                toward_positive as u32,
                toward_negative as u32,
                paired as u32,
            ),
            None,
        )
    } else {
        let w = wilcoxon(&diffs);
        (
            Test::Wilcoxon,
            w.as_ref().map(|w| w.p),
            mean_shift(&diffs),
            w.map(|w| w.rank_biserial),
        )
    };
    Shift {
        paired,
        changed,
        toward_positive,
        toward_negative,
        test,
        p,
        effect,
        rank_biserial,
        verdict: Verdict::from(paired, changed, p),
    }
}

/// A claim's shift, overall and for participants and lurkers apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimShift {
    pub all: Shift,
    /// Members who voted both times and wrote in the discussion (`None`: fewer than three,
    /// or who spoke cannot be known).
    pub participants: Option<Shift>,
    /// Members who voted both times and wrote nothing: the comparison arm.
    pub lurkers: Option<Shift>,
}

/// The shift of a claim with its two arms (an arm under [`MIN_GROUP`] is not shown).
pub fn claim_shift(pairs: &[Pair], two_way: bool) -> ClaimShift {
    let arm = |spoke: bool| {
        let subset: Vec<Pair> = pairs
            .iter()
            .copied()
            .filter(|p| p.spoke == Some(spoke))
            .collect();
        (subset.len() >= MIN_GROUP).then(|| shift(&subset, two_way))
    };
    ClaimShift {
        all: shift(pairs, two_way),
        participants: arm(true),
        lurkers: arm(false),
    }
}

/// A quiz question asked before and after: right (true) or wrong per member.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Knowledge {
    pub paired: usize,
    pub right_before: usize,
    pub right_after: usize,
    /// Wrong before, right after.
    pub learned: usize,
    /// Right before, wrong after.
    pub unlearned: usize,
    /// Exact McNemar on learned against unlearned.
    pub p: Option<f64>,
    /// The change in the share answering right, with its 95 % interval.
    pub gain: Option<Estimate>,
    pub verdict: Verdict,
}

/// Knowledge gain on one question from (right before, right after) per member.
pub fn knowledge(pairs: &[(bool, bool)]) -> Knowledge {
    let learned = pairs.iter().filter(|(b, a)| !b && *a).count();
    let unlearned = pairs.iter().filter(|(b, a)| *b && !a).count();
    let p = (learned + unlearned > 0).then(|| mcnemar_exact(learned as u32, unlearned as u32));
    Knowledge {
        paired: pairs.len(),
        right_before: pairs.iter().filter(|(b, _)| *b).count(),
        right_after: pairs.iter().filter(|(_, a)| *a).count(),
        learned,
        unlearned,
        p,
        gain: paired_proportion_change(learned as u32, unlearned as u32, pairs.len() as u32),
        verdict: Verdict::from(pairs.len(), learned + unlearned, p),
    }
}

/// Did those who learned change their votes more than those who did not?
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnedAndChanged {
    pub learned: usize,
    pub learned_changed: usize,
    pub others: usize,
    pub others_changed: usize,
    /// Fisher's exact test, two-sided.
    pub p: f64,
}

/// From (learned something, changed a vote) per member; `None` when either side has
/// fewer than [`MIN_GROUP`] members.
pub fn learned_and_changed(members: &[(bool, bool)]) -> Option<LearnedAndChanged> {
    let learned = members.iter().filter(|(l, _)| *l).count();
    let others = members.len() - learned;
    if learned < MIN_GROUP || others < MIN_GROUP {
        return None;
    }
    let learned_changed = members.iter().filter(|(l, c)| *l && *c).count();
    let others_changed = members.iter().filter(|(l, c)| !*l && *c).count();
    Some(LearnedAndChanged {
        learned,
        learned_changed,
        others,
        others_changed,
        p: fisher_exact(
            learned_changed as u32,
            (learned - learned_changed) as u32,
            others_changed as u32,
            (others - others_changed) as u32,
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(moves: &[(f64, f64, bool)]) -> Vec<Pair> {
        moves
            .iter()
            .map(|&(before, after, spoke)| Pair {
                before,
                after,
                spoke: Some(spoke),
            })
            .collect()
    }

    #[test]
    fn a_clear_two_way_shift() {
        // 8 of 10 moved from no to yes, none back.
        let mut m = vec![(-1.0, 1.0, true); 8];
        m.extend([(1.0, 1.0, false), (-1.0, -1.0, false)]);
        let s = shift(&pairs(&m), true);
        assert_eq!((s.paired, s.changed, s.toward_positive), (10, 8, 8));
        assert_eq!(s.test, Test::McNemar);
        assert!((s.p.unwrap() - 0.0078125).abs() < 1e-12); // 2 / 2^8
        assert_eq!(s.verdict, Verdict::Likely);
        let e = s.effect.unwrap();
        assert!((e.value - 0.8).abs() < 1e-12 && e.low > 0.0);
    }

    #[test]
    fn too_few_pairs_and_no_change() {
        let s = shift(&pairs(&[(-1.0, 1.0, true); 3]), true);
        assert_eq!(s.verdict, Verdict::TooFew);
        let s = shift(&pairs(&[(1.0, 1.0, true); 6]), false);
        assert_eq!((s.changed, s.p, s.verdict), (0, None, Verdict::NoChange));
    }

    #[test]
    fn likert_uses_wilcoxon_and_a_mean_shift() {
        let m: Vec<(f64, f64, bool)> = [1.0, 2.0, 1.0, 1.0, 0.0, 1.0, -1.0, 2.0]
            .iter()
            .map(|d| (0.0, *d, true))
            .collect();
        let s = shift(&pairs(&m), false);
        assert_eq!(s.test, Test::Wilcoxon);
        assert!((s.effect.unwrap().value - 0.875).abs() < 1e-12);
        assert!(s.rank_biserial.unwrap() > 0.5);
        assert!(
            s.effect_words()
                .unwrap()
                .starts_with("+0.88 on the scale (95 % CI")
        );
    }

    #[test]
    fn arms_under_three_are_not_shown() {
        let mut m = vec![(-1.0, 1.0, true); 5];
        m.extend([(1.0, 1.0, false), (-1.0, -1.0, false)]);
        let c = claim_shift(&pairs(&m), true);
        assert_eq!(c.participants.as_ref().unwrap().paired, 5);
        assert_eq!(c.lurkers, None);
    }

    #[test]
    fn knowledge_gain_and_who_learned() {
        let k = knowledge(&[
            (false, true),
            (false, true),
            (true, true),
            (false, false),
            (true, false),
            (false, true),
        ]);
        assert_eq!(
            (k.right_before, k.right_after, k.learned, k.unlearned),
            (2, 4, 3, 1)
        );
        assert!((k.gain.unwrap().value - 2.0 / 6.0).abs() < 1e-12);
        let l = learned_and_changed(&[
            (true, true),
            (true, true),
            (true, false),
            (false, false),
            (false, false),
            (false, true),
        ])
        .unwrap();
        assert_eq!(
            (l.learned, l.learned_changed, l.others, l.others_changed),
            (3, 2, 3, 1)
        );
        assert!(l.p > 0.99);
        assert!(learned_and_changed(&[(true, true), (false, false)]).is_none());
    }
}
