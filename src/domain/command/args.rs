//! Reading one verb's words: its positionals and `--flags` (as the verb table reads them),
//! ids, deadlines, options, and why a line could not be read.

use thiserror::Error;

use crate::domain::poll::Deadline;

/// `; did you mean `X`?`, or `otherwise` when there is no suggestion.
fn hint(suggestion: &Option<String>, otherwise: &str) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None => otherwise.to_string(),
    }
}

/// Why a command line could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("no command given; try `help`")]
    Empty,
    #[error("unknown command `{given}`{}", hint(.suggestion, "; `help` lists them all"))]
    UnknownVerb {
        given: String,
        suggestion: Option<String>,
    },
    #[error("`{verb}` needs one of: {expected}{}", hint(.suggestion, ""))]
    MissingSub {
        verb: String,
        expected: String,
        suggestion: Option<String>,
    },
    #[error("unknown option {flag} for `{verb}`{}", hint(.suggestion, &format!("; it takes: {allowed}")))]
    UnknownFlag {
        verb: &'static str,
        flag: String,
        allowed: String,
        suggestion: Option<String>,
    },
    #[error("option {0} needs a value")]
    MissingValue(String),
    #[error("{what} must be a whole number, not \"{given}\"")]
    NotANumber { what: String, given: String },
    #[error("unexpected \"{0}\"; put text with spaces in quotes")]
    Unexpected(String),
    #[error("`{verb}` needs {what}")]
    MissingArgument {
        verb: &'static str,
        what: &'static str,
    },
    #[error("a quote is not closed")]
    UnclosedQuote,
    #[error("{0}")]
    Invalid(String),
}

/// Positional words and --flags of one command, read against its verb's table entry.
pub(super) struct Args {
    pub(super) positional: Vec<String>,
    /// (the flag's name in the table, its value)
    pub(super) flags: Vec<(&'static str, Option<String>)>,
}

impl Args {
    pub(super) fn value(&self, name: &str) -> Option<String> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.clone())
    }

    pub(super) fn values(&self, name: &str) -> Vec<String> {
        self.flags
            .iter()
            .filter(|(n, _)| *n == name)
            .filter_map(|(_, v)| v.clone())
            .collect()
    }

    pub(super) fn switch(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| *n == name)
    }

    pub(super) fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, ParseError> {
        self.value(name)
            .map(|v| {
                v.trim().parse::<T>().map_err(|_| ParseError::NotANumber {
                    what: format!("--{name}"),
                    given: v.clone(),
                })
            })
            .transpose()
    }

    pub(super) fn no_positional(&self) -> Result<(), ParseError> {
        match self.positional.first() {
            Some(p) => Err(ParseError::Unexpected(p.clone())),
            None => Ok(()),
        }
    }

    pub(super) fn optional_id(&self, what: &str) -> Result<Option<i64>, ParseError> {
        if self.positional.len() > 1 {
            return Err(ParseError::Unexpected(self.positional[1].clone()));
        }
        self.positional
            .first()
            .map(|p| parse_id(what, p))
            .transpose()
    }
}

/// The default poll duration when none is given.
pub const DEFAULT_POLL_MINUTES: i64 = 60;

/// The deadline the `--minutes`, `--hours` or `--until` flag gives, if any (at most one).
pub(super) fn deadline_from(
    args: &Args,
    default_minutes: Option<i64>,
) -> Result<Option<Deadline>, ParseError> {
    match (
        args.number::<i64>("minutes")?,
        args.number::<i64>("hours")?,
        args.value("until"),
    ) {
        (Some(_), _, Some(_)) | (_, Some(_), Some(_)) | (Some(_), Some(_), _) => Err(
            ParseError::Invalid("give the deadline once: --minutes, --hours or --until".into()),
        ),
        (Some(m), None, None) => Ok(Some(Deadline::Minutes(m))),
        (None, Some(h), None) => Ok(Some(Deadline::Minutes(h.saturating_mul(60)))),
        (None, None, Some(u)) => Ok(Some(Deadline::Until(u))),
        (None, None, None) => Ok(default_minutes.map(Deadline::Minutes)),
    }
}

/// Read an id such as `12` or `#12`.
pub fn parse_id(what: &str, given: &str) -> Result<i64, ParseError> {
    given
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ParseError::NotANumber {
            what: what.to_string(),
            given: given.to_string(),
        })
}

/// Split custom options given as "A | B | C" (several --options/--option flags add up).
pub fn split_options(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split('|'))
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect()
}
