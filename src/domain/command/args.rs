//! Reading one verb's words: its positionals and `--flags` (as the verb table reads them),
//! ids, deadlines, options, and why a line could not be read.

use crate::domain::poll::Deadline;
use crate::i18n::Locale;
use crate::t;

/// Why a command line could not be read. [`ParseError::message`] says it in a group's
/// language; `Display` says it in English (logs, English groups).
#[derive(Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    UnknownVerb {
        given: String,
        suggestion: Option<String>,
    },
    MissingSub {
        verb: String,
        expected: String,
        suggestion: Option<String>,
    },
    UnknownFlag {
        verb: &'static str,
        flag: String,
        /// The flags the verb takes ("--minutes …, --anonymous"); empty when it takes none.
        allowed: String,
        suggestion: Option<String>,
    },
    MissingValue(String),
    /// `what` is a flag (`--words`) or one of the nouns [`noun`] knows ("the poll").
    NotANumber {
        what: String,
        given: String,
    },
    Unexpected(String),
    /// `what` is one of the phrases [`needs`] knows.
    MissingArgument {
        verb: &'static str,
        what: &'static str,
    },
    UnclosedQuote,
    /// Two flags that exclude each other: `give --session or --reading, not both`.
    NotBoth(&'static str, &'static str),
    /// More than one of --minutes, --hours and --until.
    DeadlineTwice,
    /// A flag or word that takes one of a few words: `--phase is pre or post, not "x"`.
    BadChoice {
        what: &'static str,
        choices: &'static str,
        given: String,
    },
    /// Already in words for people (kept for callers outside the table).
    Invalid(String),
}

impl ParseError {
    /// The explanation, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let hint = |s: &Option<String>| {
            s.as_ref()
                .map(|s| t!(locale, "parse-did-you-mean", suggestion = s.as_str()))
        };
        match self {
            ParseError::Empty => t!(locale, "parse-empty"),
            ParseError::UnknownVerb { given, suggestion } => match hint(suggestion) {
                Some(h) => t!(
                    locale,
                    "parse-unknown-verb",
                    given = given.as_str(),
                    hint = h
                ),
                None => t!(locale, "parse-unknown-verb-no-hint", given = given.as_str()),
            },
            ParseError::MissingSub {
                verb,
                expected,
                suggestion,
            } => match hint(suggestion) {
                Some(h) => t!(
                    locale,
                    "parse-missing-sub-hint",
                    verb = verb.as_str(),
                    expected = as_code(expected),
                    hint = h
                ),
                None => t!(
                    locale,
                    "parse-missing-sub",
                    verb = verb.as_str(),
                    expected = as_code(expected)
                ),
            },
            ParseError::UnknownFlag {
                verb,
                flag,
                allowed,
                suggestion,
            } => match hint(suggestion) {
                Some(h) => t!(
                    locale,
                    "parse-unknown-flag",
                    flag = flag.as_str(),
                    verb = *verb,
                    hint = h
                ),
                None if allowed.is_empty() => {
                    t!(
                        locale,
                        "parse-unknown-flag-none",
                        flag = flag.as_str(),
                        verb = *verb
                    )
                }
                None => t!(
                    locale,
                    "parse-unknown-flag-allowed",
                    flag = flag.as_str(),
                    verb = *verb,
                    allowed = allowed.as_str()
                ),
            },
            ParseError::MissingValue(flag) => {
                t!(locale, "parse-missing-value", flag = flag.as_str())
            }
            ParseError::NotANumber { what, given } => t!(
                locale,
                "parse-not-a-number",
                what = noun(locale, what),
                given = given.as_str()
            ),
            ParseError::Unexpected(word) => t!(locale, "parse-unexpected", word = word.as_str()),
            ParseError::MissingArgument { verb, what } => {
                t!(
                    locale,
                    "parse-missing-argument",
                    verb = *verb,
                    what = needs(locale, verb, what)
                )
            }
            ParseError::UnclosedQuote => t!(locale, "parse-unclosed-quote"),
            ParseError::NotBoth(a, b) => t!(locale, "parse-not-both", first = *a, second = *b),
            ParseError::DeadlineTwice => t!(locale, "parse-deadline-twice"),
            ParseError::BadChoice {
                what,
                choices,
                given,
            } => t!(
                locale,
                "parse-bad-choice",
                what = *what,
                choices = *choices,
                given = given.as_str()
            ),
            ParseError::Invalid(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ParseError {}

/// "create, close" as "`create`, `close`": words to type.
fn as_code(list: &str) -> String {
    list.split(", ")
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a number was for: a flag as typed (`--words`), or a thing ("the poll").
fn noun(locale: Locale, what: &str) -> String {
    match what {
        "the reading" => t!(locale, "noun-reading"),
        "the poll" => t!(locale, "noun-poll"),
        "the claim" => t!(locale, "noun-claim"),
        "the session" => t!(locale, "noun-session"),
        "the action" => t!(locale, "noun-action"),
        "the number of threads" => t!(locale, "noun-threads"),
        other => t!(locale, "noun-flag", flag = other),
    }
}

/// What a verb lacked, by the verb table's phrase for it.
fn needs(locale: Locale, verb: &str, what: &str) -> String {
    match (verb, what) {
        ("claim add", _) => t!(locale, "needs-claim-add"),
        ("claim approve", _) => t!(locale, "needs-claim-number", verb = verb),
        ("claim reject", _) => t!(locale, "needs-claim-number", verb = verb),
        ("quiz add", _) | ("quiz", _) => t!(locale, "needs-quiz"),
        ("poll create", _) => t!(locale, "needs-poll-claim"),
        ("vote", _) => t!(locale, "needs-vote"),
        ("queue mode", _) => t!(locale, "needs-queue-mode"),
        ("action", _) | ("action add", _) => t!(locale, "needs-action"),
        ("action done", _) => t!(locale, "needs-action-number"),
        ("breakout", _) => t!(locale, "needs-breakout"),
        ("privacy quotes", _) => t!(locale, "needs-on-off"),
        (_, w) if w.starts_with("--minutes") => t!(locale, "needs-deadline"),
        (_, "on or off") => t!(locale, "needs-on-off"),
        (_, w) => w.to_string(),
    }
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
        (Some(_), _, Some(_)) | (_, Some(_), Some(_)) | (Some(_), Some(_), _) => {
            Err(ParseError::DeadlineTwice)
        }
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
