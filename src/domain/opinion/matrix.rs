//! The member × claim vote matrix: agree is +1, disagree −1, pass 0 (a vote, with no
//! lean), and a claim a member never voted on is missing — never read as disagree.

/// One member's vote on one claim, on the map's axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    Missing,
    /// In −1..=1: +1 agree, −1 disagree, 0 pass; a five-point scale lands on the halves.
    Vote(f64),
}

/// What kind of answer a vote is, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Agree,
    Disagree,
    Pass,
}

impl Lean {
    pub fn of(value: f64) -> Lean {
        if value > 0.0 {
            Lean::Agree
        } else if value < 0.0 {
            Lean::Disagree
        } else {
            Lean::Pass
        }
    }
}

/// Votes of `rows` voters on `cols` claims.
#[derive(Debug, Clone, PartialEq)]
pub struct VoteMatrix {
    rows: usize,
    cols: usize,
    cells: Vec<Cell>,
}

impl VoteMatrix {
    pub fn new(rows: usize, cols: usize) -> VoteMatrix {
        VoteMatrix {
            rows,
            cols,
            cells: vec![Cell::Missing; rows * cols],
        }
    }

    /// A matrix from rows of `Some(value)` or `None` (missing); short rows are padded
    /// with missing votes.
    pub fn from_rows(rows: &[Vec<Option<f64>>]) -> VoteMatrix {
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut m = VoteMatrix::new(rows.len(), cols);
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if let Some(v) = v {
                    m.set(r, c, *v);
                }
            }
        }
        m
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Record a vote (clamped to −1..=1; a value that is not a number is ignored).
    pub fn set(&mut self, row: usize, col: usize, value: f64) {
        if row < self.rows && col < self.cols && value.is_finite() {
            self.cells[row * self.cols + col] = Cell::Vote(value.clamp(-1.0, 1.0));
        }
    }

    pub fn get(&self, row: usize, col: usize) -> Cell {
        if row < self.rows && col < self.cols {
            self.cells[row * self.cols + col]
        } else {
            Cell::Missing
        }
    }

    /// The vote's value, or `None` when missing.
    pub fn value(&self, row: usize, col: usize) -> Option<f64> {
        match self.get(row, col) {
            Cell::Vote(v) => Some(v),
            Cell::Missing => None,
        }
    }

    /// How many claims a voter voted on (passes count: they are votes).
    pub fn votes_of(&self, row: usize) -> usize {
        (0..self.cols)
            .filter(|&c| self.value(row, c).is_some())
            .count()
    }

    /// Agree, disagree and pass counts on a claim among `rows`.
    pub fn counts(&self, col: usize, rows: impl IntoIterator<Item = usize>) -> Counts {
        let mut out = Counts::default();
        for r in rows {
            if let Some(v) = self.value(r, col) {
                match Lean::of(v) {
                    Lean::Agree => out.agree += 1,
                    Lean::Disagree => out.disagree += 1,
                    Lean::Pass => out.pass += 1,
                }
                out.sum += v;
            }
        }
        out
    }
}

/// Votes on one claim among some voters.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    pub agree: u32,
    pub disagree: u32,
    pub pass: u32,
    /// The sum of the values (for the mean lean).
    #[serde(skip)]
    pub sum: f64,
}

impl Counts {
    /// Everyone who saw the claim and voted (passes included).
    pub fn seen(&self) -> u32 {
        self.agree + self.disagree + self.pass
    }

    /// The share agreeing with Pol.is's pseudocounts: (1 + agree) / (2 + seen).
    pub fn p_agree(&self) -> f64 {
        (1.0 + self.agree as f64) / (2.0 + self.seen() as f64)
    }

    /// The share disagreeing with the same pseudocounts.
    pub fn p_disagree(&self) -> f64 {
        (1.0 + self.disagree as f64) / (2.0 + self.seen() as f64)
    }

    /// The mean vote in −1..=1 (0 when nobody voted).
    pub fn mean(&self) -> f64 {
        if self.seen() == 0 {
            0.0
        } else {
            self.sum / self.seen() as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_is_not_disagree_and_pass_is_a_vote() {
        let m = VoteMatrix::from_rows(&[vec![Some(1.0), None, Some(0.0)], vec![Some(-1.0)]]);
        assert_eq!(m.rows(), 2);
        assert_eq!(m.cols(), 3);
        assert_eq!(m.votes_of(0), 2);
        assert_eq!(m.votes_of(1), 1);
        assert_eq!(m.get(1, 2), Cell::Missing);
        let c = m.counts(1, 0..2);
        assert_eq!((c.agree, c.disagree, c.pass), (0, 0, 0));
        let c = m.counts(2, 0..2);
        assert_eq!((c.agree, c.disagree, c.pass), (0, 0, 1));
        let c = m.counts(0, 0..2);
        assert_eq!((c.agree, c.disagree, c.seen()), (1, 1, 2));
        assert_eq!(c.mean(), 0.0);
    }

    #[test]
    fn values_are_clamped_and_nan_ignored() {
        let mut m = VoteMatrix::new(1, 2);
        m.set(0, 0, 3.0);
        m.set(0, 1, f64::NAN);
        m.set(5, 5, 1.0);
        assert_eq!(m.value(0, 0), Some(1.0));
        assert_eq!(m.value(0, 1), None);
    }
}
