//! Claim polls: scales, validation, deadlines, tallies and the pre/post shift.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::questions::MAX_CLAIM_CHARS;
use super::schedule::resolve_local;

/// The longest option label (Discord's limit for a poll answer).
pub const MAX_OPTION_CHARS: usize = 55;
/// The most options a poll can have.
pub const MAX_OPTIONS: usize = 10;
/// The longest reason a member can give with a vote.
pub const MAX_REASON_CHARS: usize = 280;
/// The longest a poll can stay open.
pub const MAX_POLL_MINUTES: i64 = 30 * 24 * 60;
/// Anonymous polls with fewer voters than this show no breakdown.
pub const ANONYMITY_THRESHOLD: u32 = 3;

/// A poll's answer scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "options", rename_all = "snake_case")]
pub enum Scale {
    /// Agree / Disagree / Unsure.
    Agree,
    /// Strongly disagree … Strongly agree.
    Likert5,
    /// Yes / No.
    YesNo,
    /// 2–10 options of the facilitator's own.
    Custom(Vec<String>),
    /// A claim card for the opinion map: Agree / Disagree / Pass (a pass is a vote with no
    /// lean, not a disagreement).
    Card,
}

impl TryFrom<String> for Scale {
    type Error = serde_json::Error;
    /// A scale as stored: its JSON.
    fn try_from(json: String) -> Result<Self, Self::Error> {
        serde_json::from_str(&json)
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum PollError {
    #[error("the claim is empty: write the statement members should vote on")]
    EmptyClaim,
    #[error("the claim is {0} characters long; polls allow at most 300 (shorten it)")]
    ClaimTooLong(usize),
    #[error("unknown scale \"{0}\": use agree, likert5, yesno or custom")]
    UnknownScale(String),
    #[error("a custom poll needs 2 to 10 options, separated by | (got {0})")]
    OptionCount(usize),
    #[error("option \"{0}\" is {1} characters long; options allow at most 55")]
    OptionTooLong(String, usize),
    #[error("option {0} is empty")]
    EmptyOption(usize),
    #[error("option \"{0}\" appears twice")]
    DuplicateOption(String),
    #[error("options are only for --scale custom; the {0} scale has its own")]
    OptionsWithoutCustom(String),
    #[error("the duration must be between 1 minute and 30 days (got {0} minutes)")]
    BadDuration(i64),
    #[error("\"{0}\" is not a time: use HH:MM (24-hour) or YYYY-MM-DD HH:MM")]
    BadTime(String),
    #[error("that deadline ({0}) is in the past")]
    DeadlineInPast(String),
    #[error("that deadline is more than 30 days away")]
    DeadlineTooFar,
    #[error("the reason is {0} characters long; keep it under 280")]
    ReasonTooLong(usize),
    #[error("\"{0}\" is not an option of this poll; choose one of: {1}")]
    UnknownOption(String, String),
}

impl PollError {
    /// The explanation, in `locale` (`Display` gives the English one).
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            PollError::EmptyClaim => t!(locale, "poll-error-empty-claim"),
            PollError::ClaimTooLong(n) => t!(locale, "poll-error-claim-too-long", n = *n),
            PollError::UnknownScale(s) => {
                t!(locale, "poll-error-unknown-scale", given = s.as_str())
            }
            PollError::OptionCount(n) => t!(locale, "poll-error-option-count", n = *n),
            PollError::OptionTooLong(o, n) => t!(
                locale,
                "poll-error-option-too-long",
                option = o.as_str(),
                n = *n
            ),
            PollError::EmptyOption(n) => t!(locale, "poll-error-empty-option", n = *n),
            PollError::DuplicateOption(o) => {
                t!(locale, "poll-error-duplicate-option", option = o.as_str())
            }
            PollError::OptionsWithoutCustom(s) => {
                t!(
                    locale,
                    "poll-error-options-without-custom",
                    scale = s.as_str()
                )
            }
            PollError::BadDuration(n) => t!(locale, "poll-error-bad-duration", n = *n),
            PollError::BadTime(s) => t!(locale, "poll-error-bad-time", given = s.as_str()),
            PollError::DeadlineInPast(w) => {
                t!(locale, "poll-error-deadline-in-past", when = w.as_str())
            }
            PollError::DeadlineTooFar => t!(locale, "poll-error-deadline-too-far"),
            PollError::ReasonTooLong(n) => t!(locale, "poll-error-reason-too-long", n = *n),
            PollError::UnknownOption(g, o) => t!(
                locale,
                "poll-error-unknown-option",
                given = g.as_str(),
                options = o.as_str()
            ),
        }
    }
}

impl Scale {
    /// Parse a scale name, with the options given for a custom scale.
    pub fn parse(name: &str, options: &[String]) -> Result<Scale, PollError> {
        let scale = match name.trim().to_lowercase().as_str() {
            "" | "agree" | "agree-disagree" | "agreement" | "adu" => Scale::Agree,
            "likert" | "likert5" | "likert-5" | "5" => Scale::Likert5,
            "yesno" | "yes-no" | "yn" => Scale::YesNo,
            "card" | "agree-disagree-pass" => Scale::Card,
            "custom" => return Scale::custom(options),
            other => return Err(PollError::UnknownScale(other.to_string())),
        };
        if !options.is_empty() {
            return Err(PollError::OptionsWithoutCustom(scale.name().to_string()));
        }
        Ok(scale)
    }

    /// A custom scale after checking its options.
    pub fn custom(options: &[String]) -> Result<Scale, PollError> {
        let options: Vec<String> = options
            .iter()
            .map(|o| super::text::clean_label(o))
            .collect();
        if !(2..=MAX_OPTIONS).contains(&options.len()) {
            return Err(PollError::OptionCount(options.len()));
        }
        for (i, o) in options.iter().enumerate() {
            if o.is_empty() {
                return Err(PollError::EmptyOption(i + 1));
            }
            let n = o.chars().count();
            if n > MAX_OPTION_CHARS {
                return Err(PollError::OptionTooLong(o.clone(), n));
            }
            if options[..i].iter().any(|p| p.eq_ignore_ascii_case(o)) {
                return Err(PollError::DuplicateOption(o.clone()));
            }
        }
        Ok(Scale::Custom(options))
    }

    pub fn name(&self) -> &'static str {
        match self {
            Scale::Agree => "agree",
            Scale::Likert5 => "likert5",
            Scale::YesNo => "yesno",
            Scale::Custom(_) => "custom",
            Scale::Card => "card",
        }
    }

    /// The option labels, in button order.
    pub fn options(&self) -> Vec<String> {
        let fixed: &[&str] = match self {
            Scale::Agree => &["Agree", "Disagree", "Unsure"],
            Scale::Likert5 => &[
                "Strongly disagree",
                "Disagree",
                "Neutral",
                "Agree",
                "Strongly agree",
            ],
            Scale::YesNo => &["Yes", "No"],
            Scale::Card => &["Agree", "Disagree", "Pass"],
            Scale::Custom(options) => return options.clone(),
        };
        fixed.iter().map(|s| s.to_string()).collect()
    }

    /// The options as a group speaking `locale` reads them (a custom scale's own words
    /// stay as written).
    pub fn options_in(&self, locale: crate::i18n::Locale) -> Vec<String> {
        use crate::t;
        let keys: Vec<String> = match self {
            Scale::Agree => vec![
                t!(locale, "option-agree"),
                t!(locale, "option-disagree"),
                t!(locale, "option-unsure"),
            ],
            Scale::Likert5 => vec![
                t!(locale, "option-strongly-disagree"),
                t!(locale, "option-disagree"),
                t!(locale, "option-neutral"),
                t!(locale, "option-agree"),
                t!(locale, "option-strongly-agree"),
            ],
            Scale::YesNo => vec![t!(locale, "option-yes"), t!(locale, "option-no")],
            Scale::Card => vec![
                t!(locale, "option-agree"),
                t!(locale, "option-disagree"),
                t!(locale, "option-pass"),
            ],
            Scale::Custom(options) => return options.clone(),
        };
        keys
    }

    /// [`Scale::poles`] in `locale`, for "toward agree".
    pub fn poles_in(&self, locale: crate::i18n::Locale) -> (String, String) {
        use crate::t;
        match self {
            Scale::YesNo => (t!(locale, "pole-yes"), t!(locale, "pole-no")),
            _ => (t!(locale, "pole-agree"), t!(locale, "pole-disagree")),
        }
    }

    /// Position of each option on an agreement axis, for scales that have one.
    pub fn values(&self) -> Option<Vec<f64>> {
        match self {
            Scale::Agree | Scale::Card => Some(vec![1.0, -1.0, 0.0]),
            Scale::Likert5 => Some(vec![-2.0, -1.0, 0.0, 1.0, 2.0]),
            Scale::YesNo => Some(vec![1.0, -1.0]),
            Scale::Custom(_) => None,
        }
    }

    /// The words for the two ends of the axis ("agree"/"disagree", "yes"/"no").
    pub fn poles(&self) -> (&'static str, &'static str) {
        match self {
            Scale::YesNo => ("yes", "no"),
            _ => ("agree", "disagree"),
        }
    }

    /// Find an option by its 1-based number or its label (case-insensitive, prefix allowed).
    pub fn option_index(&self, given: &str) -> Result<usize, PollError> {
        let options = self.options();
        let g = given.trim();
        if let Ok(n) = g.parse::<usize>()
            && (1..=options.len()).contains(&n)
        {
            return Ok(n - 1);
        }
        if let Some(i) = options.iter().position(|o| o.eq_ignore_ascii_case(g)) {
            return Ok(i);
        }
        let lower = g.to_lowercase();
        // The built-in scales' words in any language the bot speaks ("согласен", "同意").
        for locale in crate::i18n::Locale::ALL {
            if let Some(i) = self
                .options_in(locale)
                .iter()
                .position(|o| o.to_lowercase() == lower)
            {
                return Ok(i);
            }
        }
        let prefixed: Vec<usize> = options
            .iter()
            .enumerate()
            .filter(|(_, o)| !lower.is_empty() && o.to_lowercase().starts_with(&lower))
            .map(|(i, _)| i)
            .collect();
        if prefixed.len() == 1 {
            return Ok(prefixed[0]);
        }
        Err(PollError::UnknownOption(
            given.to_string(),
            options.join(", "),
        ))
    }
}

/// Check a claim for a poll: not empty, at most 300 characters.
pub fn check_claim(claim: &str) -> Result<String, PollError> {
    let c = super::text::clean_label(claim);
    if c.is_empty() {
        return Err(PollError::EmptyClaim);
    }
    let n = c.chars().count();
    if n > MAX_CLAIM_CHARS {
        return Err(PollError::ClaimTooLong(n));
    }
    Ok(c)
}

/// Check a vote's reason: optional, at most 280 characters.
pub fn check_reason(reason: Option<&str>) -> Result<Option<String>, PollError> {
    match reason.map(super::text::clean_label) {
        None => Ok(None),
        Some(r) if r.is_empty() => Ok(None),
        Some(r) => {
            let n = r.chars().count();
            if n > MAX_REASON_CHARS {
                Err(PollError::ReasonTooLong(n))
            } else {
                Ok(Some(r))
            }
        }
    }
}

/// When a poll closes, as the facilitator gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Deadline {
    /// `--minutes N` from now.
    Minutes(i64),
    /// `--until 18:00` or `--until 2026-12-01 18:00`, in the group's time zone.
    Until(String),
}

impl Deadline {
    /// The instant this deadline falls on, given the current time and the group's zone.
    pub fn resolve(&self, now: DateTime<Utc>, tz: Tz) -> Result<DateTime<Utc>, PollError> {
        let at = match self {
            Deadline::Minutes(m) => {
                if !(1..=MAX_POLL_MINUTES).contains(m) {
                    return Err(PollError::BadDuration(*m));
                }
                now + Duration::minutes(*m)
            }
            Deadline::Until(text) => {
                let t = text.trim();
                let local_now = now.with_timezone(&tz);
                let naive = if let Ok(dt) = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M") {
                    dt
                } else if let Ok(time) = NaiveTime::parse_from_str(t, "%H:%M") {
                    let today: NaiveDate = local_now.date_naive();
                    let candidate = today.and_time(time);
                    // A bare time that has passed today means tomorrow.
                    if resolve_local(tz, candidate) <= now {
                        candidate + Duration::days(1)
                    } else {
                        candidate
                    }
                } else {
                    return Err(PollError::BadTime(t.to_string()));
                };
                let at = resolve_local(tz, naive);
                if at <= now {
                    return Err(PollError::DeadlineInPast(t.to_string()));
                }
                at
            }
        };
        if at - now > Duration::minutes(MAX_POLL_MINUTES) {
            return Err(PollError::DeadlineTooFar);
        }
        Ok(at)
    }
}

/// Which half of a pre/post pair a poll is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Pre,
    Post,
}

impl Phase {
    pub fn parse(s: &str) -> Option<Phase> {
        match s.trim().to_lowercase().as_str() {
            "pre" | "before" => Some(Phase::Pre),
            "post" | "after" => Some(Phase::Post),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pre => "pre",
            Phase::Post => "post",
        }
    }
}

/// Counts per option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub options: Vec<String>,
    pub counts: Vec<u32>,
}

impl Tally {
    pub fn new(options: Vec<String>, choices: impl IntoIterator<Item = usize>) -> Tally {
        let mut counts = vec![0u32; options.len()];
        for c in choices {
            if let Some(slot) = counts.get_mut(c) {
                *slot += 1;
            }
        }
        Tally { options, counts }
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Mean position on the scale's axis, if it has one and anyone voted.
    pub fn mean(&self, scale: &Scale) -> Option<f64> {
        let values = scale.values()?;
        let total = self.total();
        if total == 0 {
            return None;
        }
        let sum: f64 = self
            .counts
            .iter()
            .zip(&values)
            .map(|(c, v)| *c as f64 * v)
            .sum();
        Some(sum / total as f64)
    }

    /// Percent of the votes for each option (0 when nobody voted).
    pub fn percents(&self) -> Vec<f64> {
        let total = self.total().max(1) as f64;
        self.counts
            .iter()
            .map(|c| *c as f64 * 100.0 / total)
            .collect()
    }
}

/// How opinion moved between a pre and a post poll, over the voters who voted in both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shift {
    pub pre: Tally,
    pub post: Tally,
    /// Voters who voted in both polls.
    pub paired: u32,
    /// Of those, how many changed their vote.
    pub changed: u32,
    /// Changed toward the positive end (agree / yes).
    pub toward_positive: u32,
    /// Changed toward the negative end (disagree / no).
    pub toward_negative: u32,
    /// transitions[pre][post]: paired voters who went from one option to the other.
    pub transitions: Vec<Vec<u32>>,
    /// Mean position of the paired voters before and after, and the difference.
    pub paired_mean_pre: Option<f64>,
    pub paired_mean_post: Option<f64>,
    pub net_shift: Option<f64>,
}

/// Compute the shift between two polls on the same scale from (voter key, option) votes.
pub fn shift(scale: &Scale, pre: &[(String, usize)], post: &[(String, usize)]) -> Shift {
    let options = scale.options();
    let n = options.len();
    let pre_tally = Tally::new(options.clone(), pre.iter().map(|(_, o)| *o));
    let post_tally = Tally::new(options, post.iter().map(|(_, o)| *o));
    let before: HashMap<&str, usize> = pre.iter().map(|(k, o)| (k.as_str(), *o)).collect();
    let values = scale.values();
    let mut transitions = vec![vec![0u32; n]; n];
    let (mut paired, mut changed, mut up, mut down) = (0u32, 0u32, 0u32, 0u32);
    let (mut sum_pre, mut sum_post) = (0.0, 0.0);
    for (key, after) in post {
        let Some(&b) = before.get(key.as_str()) else {
            continue;
        };
        if b >= n || *after >= n {
            continue;
        }
        paired += 1;
        transitions[b][*after] += 1;
        if b != *after {
            changed += 1;
            if let Some(v) = &values {
                match v[*after].total_cmp(&v[b]) {
                    std::cmp::Ordering::Greater => up += 1,
                    std::cmp::Ordering::Less => down += 1,
                    std::cmp::Ordering::Equal => {}
                }
            }
        }
        if let Some(v) = &values {
            sum_pre += v[b];
            sum_post += v[*after];
        }
    }
    let (mean_pre, mean_post) = match (&values, paired) {
        (Some(_), p) if p > 0 => (Some(sum_pre / p as f64), Some(sum_post / p as f64)),
        _ => (None, None),
    };
    Shift {
        pre: pre_tally,
        post: post_tally,
        paired,
        changed,
        toward_positive: up,
        toward_negative: down,
        transitions,
        paired_mean_pre: mean_pre,
        paired_mean_post: mean_post,
        net_shift: mean_pre.zip(mean_post).map(|(a, b)| b - a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn scales_and_options() {
        assert_eq!(
            Scale::parse("agree", &[]).unwrap().options(),
            vec!["Agree", "Disagree", "Unsure"]
        );
        assert_eq!(Scale::parse("likert5", &[]).unwrap().options().len(), 5);
        assert_eq!(
            Scale::parse("yesno", &[]).unwrap().options(),
            vec!["Yes", "No"]
        );
        assert_eq!(
            Scale::parse("nope", &[]),
            Err(PollError::UnknownScale("nope".into()))
        );
        let opts: Vec<String> = (1..=11).map(|i| format!("Option {i}")).collect();
        assert_eq!(
            Scale::parse("custom", &opts),
            Err(PollError::OptionCount(11))
        );
        assert!(Scale::parse("custom", &opts[..10]).is_ok());
        assert_eq!(
            Scale::parse("custom", &opts[..1]),
            Err(PollError::OptionCount(1))
        );
        let long = "x".repeat(56);
        assert_eq!(
            Scale::parse("custom", &["a".into(), long.clone()]),
            Err(PollError::OptionTooLong(long, 56))
        );
        assert_eq!(
            Scale::parse("custom", &["A".into(), "a".into()]),
            Err(PollError::DuplicateOption("a".into()))
        );
    }

    #[test]
    fn claims_are_checked() {
        assert_eq!(check_claim("  "), Err(PollError::EmptyClaim));
        assert_eq!(
            check_claim(&"x".repeat(301)),
            Err(PollError::ClaimTooLong(301))
        );
        assert_eq!(check_claim(&"x".repeat(300)).unwrap().len(), 300);
    }

    #[test]
    fn options_by_number_label_or_prefix() {
        let s = Scale::Agree;
        assert_eq!(s.option_index("1"), Ok(0));
        assert_eq!(s.option_index("disagree"), Ok(1));
        assert_eq!(s.option_index("uns"), Ok(2));
        assert!(s.option_index("4").is_err());
        assert!(Scale::Likert5.option_index("strongly").is_err());
    }

    #[test]
    fn deadlines() {
        let tz: Tz = "Europe/London".parse().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
        assert_eq!(
            Deadline::Minutes(10).resolve(now, tz).unwrap(),
            now + Duration::minutes(10)
        );
        assert_eq!(
            Deadline::Minutes(-5).resolve(now, tz),
            Err(PollError::BadDuration(-5))
        );
        assert_eq!(
            Deadline::Minutes(100_000).resolve(now, tz),
            Err(PollError::BadDuration(100_000))
        );
        assert_eq!(
            Deadline::Until("18:00".into()).resolve(now, tz).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).unwrap()
        );
        // 09:00 has passed today: tomorrow.
        assert_eq!(
            Deadline::Until("09:00".into()).resolve(now, tz).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 3, 9, 0, 0).unwrap()
        );
        assert_eq!(
            Deadline::Until("25:00".into()).resolve(now, tz),
            Err(PollError::BadTime("25:00".into()))
        );
        assert_eq!(
            Deadline::Until("2026-03-01 12:00".into()).resolve(now, tz),
            Err(PollError::DeadlineInPast("2026-03-01 12:00".into()))
        );
        assert_eq!(
            Deadline::Until("2026-05-01 12:00".into()).resolve(now, tz),
            Err(PollError::DeadlineTooFar)
        );
    }

    #[test]
    fn shift_counts_only_members_who_voted_twice() {
        let scale = Scale::Agree;
        let v = |k: &str, o: usize| (k.to_string(), o);
        // a: disagree -> agree, b: agree -> agree, c: unsure -> disagree, d only pre, e only post.
        let pre = vec![v("a", 1), v("b", 0), v("c", 2), v("d", 0)];
        let post = vec![v("a", 0), v("b", 0), v("c", 1), v("e", 1)];
        let s = shift(&scale, &pre, &post);
        assert_eq!(s.pre.counts, vec![2, 1, 1]);
        assert_eq!(s.post.counts, vec![2, 2, 0]);
        assert_eq!(s.paired, 3);
        assert_eq!(s.changed, 2);
        assert_eq!(s.toward_positive, 1);
        assert_eq!(s.toward_negative, 1);
        assert_eq!(s.transitions[1][0], 1);
        assert_eq!(s.transitions[0][0], 1);
        assert_eq!(s.transitions[2][1], 1);
        // Paired means: pre (-1 + 1 + 0)/3 = 0, post (1 + 1 - 1)/3 = 1/3.
        let net = s.net_shift.unwrap();
        assert!((net - 1.0 / 3.0).abs() < 1e-9, "{net}");
    }

    #[test]
    fn tally_mean() {
        let t = Tally::new(Scale::Agree.options(), [0, 0, 1, 2]);
        assert_eq!(t.counts, vec![2, 1, 1]);
        assert_eq!(t.mean(&Scale::Agree), Some(0.25));
    }
}
