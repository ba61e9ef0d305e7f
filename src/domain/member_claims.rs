//! Claims members propose for the group to vote on: the check a proposal passes and the
//! normal form duplicates are recognised by.

use super::poll::{PollError, check_claim};

/// The claim as stored: control and invisible characters out, white space collapsed, at
/// most 300 characters, not empty.
pub fn check(text: &str) -> Result<String, PollError> {
    check_claim(text)
}

/// The words of a claim, for finding duplicates: lower case, letters and digits only,
/// one space between words ("Hedging  is, a STRATEGY!" and "hedging is a strategy" match).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else if c != '\'' && c != '’' {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_words_match() {
        assert_eq!(
            normalize("Hedging  is, a STRATEGY!"),
            "hedging is a strategy"
        );
        assert_eq!(
            normalize("  hedging is a strategy "),
            "hedging is a strategy"
        );
        assert_eq!(
            normalize("The author's point"),
            normalize("the authors point")
        );
        assert_ne!(
            normalize("hedging is a strategy"),
            normalize("hedging is no strategy")
        );
    }

    #[test]
    fn long_and_empty_claims_are_refused() {
        assert!(check(&"x".repeat(301)).is_err());
        assert!(check(" \u{200b} ").is_err());
        assert_eq!(check("a\u{7}b  c").unwrap(), "ab c");
    }
}
