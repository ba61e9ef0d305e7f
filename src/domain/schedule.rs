//! A group's daily schedule: post time, IANA time zone, weekdays, and the slots they make.
//!
//! A slot is one local date's post time, as an instant. Slots are computed in the group's
//! time zone, so they stay at the same wall-clock time across daylight-saving changes.
//! A post time that does not exist on a spring-forward day falls on the first minute
//! after the change; one that happens twice on a fall-back day uses the first.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
    Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// How long after its post time a slot still counts as on time with `catch_up = "skip"`.
pub const SKIP_GRACE: Duration = Duration::minutes(15);

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("\"{0}\" is not a time: use HH:MM on a 24-hour clock, e.g. 09:00 or 18:30")]
    BadTime(String),
    #[error(
        "unknown time zone \"{0}\": use an IANA name such as Europe/London, America/New_York or Asia/Shanghai"
    )]
    BadZone(String),
    #[error("\"{0}\" is not a list of days: use daily, weekdays, weekends, mon-fri or mon,wed,fri")]
    BadDays(String),
    #[error("catch_up must be \"latest\" or \"skip\", not \"{0}\"")]
    BadCatchUp(String),
}

impl ScheduleError {
    /// The explanation, in `locale` (`Display` gives the English one).
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            ScheduleError::BadTime(s) => t!(locale, "schedule-error-bad-time", given = s.as_str()),
            ScheduleError::BadZone(s) => t!(locale, "schedule-error-bad-zone", given = s.as_str()),
            ScheduleError::BadDays(s) => t!(locale, "schedule-error-bad-days", given = s.as_str()),
            ScheduleError::BadCatchUp(s) => {
                t!(locale, "schedule-error-bad-catch-up", given = s.as_str())
            }
        }
    }
}

/// What to do when the bot was down across a post time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CatchUp {
    /// Post the most recent missed slot once, when back.
    #[default]
    Latest,
    /// Post only slots reached on time; wait for the next one otherwise.
    Skip,
}

impl CatchUp {
    pub fn parse(s: &str) -> Result<CatchUp, ScheduleError> {
        match s.trim().to_lowercase().as_str() {
            "latest" => Ok(CatchUp::Latest),
            "skip" => Ok(CatchUp::Skip),
            other => Err(ScheduleError::BadCatchUp(other.to_string())),
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            CatchUp::Latest => "latest",
            CatchUp::Skip => "skip",
        }
    }
}

/// The stored form of a schedule value: read from its text column through `FromStr`
/// (`#[sqlx(try_from = "String")]`), and with `serialize` written as its `Display` text.
macro_rules! stored_as_text {
    ($($name:ty),* $(,)?) => {$(
        impl TryFrom<String> for $name {
            type Error = ScheduleError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }
    )*};
    (serialize: $($name:ty),* $(,)?) => {$(
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}

stored_as_text!(CatchUp, Days, ClockTime, Zone);
stored_as_text!(serialize: ClockTime, Zone);

impl std::str::FromStr for CatchUp {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CatchUp::parse(s)
    }
}

impl std::fmt::Display for CatchUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of weekdays, Monday = bit 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Days(pub u8);

impl Days {
    pub const ALL: Days = Days(0b111_1111);
    pub const WEEKDAYS: Days = Days(0b001_1111);

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    /// Parse "daily", "weekdays", "weekends", "mon-fri", "mon,wed,fri", "tue-thu,sat".
    pub fn parse(s: &str) -> Result<Days, ScheduleError> {
        let bad = || ScheduleError::BadDays(s.to_string());
        let text = s.trim().to_lowercase();
        match text.as_str() {
            "daily" | "every day" | "all" => return Ok(Days::ALL),
            "weekdays" => return Ok(Days::WEEKDAYS),
            "weekends" => return Ok(Days(0b110_0000)),
            _ => {}
        }
        let mut bits = 0u8;
        for part in text.split([',', ' ']).filter(|p| !p.is_empty()) {
            match part.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day_index(a).ok_or_else(bad)?, day_index(b).ok_or_else(bad)?);
                    let mut d = a;
                    loop {
                        bits |= 1 << d;
                        if d == b {
                            break;
                        }
                        d = (d + 1) % 7;
                    }
                }
                None => bits |= 1 << day_index(part).ok_or_else(bad)?,
            }
        }
        if bits == 0 {
            return Err(bad());
        }
        Ok(Days(bits))
    }

    /// "mon,tue,wed" form.
    pub fn to_text(self) -> String {
        if self == Days::ALL {
            return "daily".into();
        }
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| *n)
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl std::str::FromStr for Days {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Days::parse(s)
    }
}

/// The stored and shown form, e.g. "daily" or "mon,wed,fri".
impl std::fmt::Display for Days {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

fn day_index(s: &str) -> Option<u8> {
    let s = s.trim();
    if s.len() < 2 {
        return None;
    }
    const NAMES: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    NAMES
        .iter()
        .position(|n| n.starts_with(s) && s.len() >= 2)
        .map(|i| i as u8)
}

/// Parse "09:00" (24-hour clock).
pub fn parse_time(s: &str) -> Result<NaiveTime, ScheduleError> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| ScheduleError::BadTime(s.trim().to_string()))
}

/// A wall-clock time of day as a group stores it ("09:00"), checked once as the row is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(pub NaiveTime);

impl ClockTime {
    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl std::str::FromStr for ClockTime {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_time(s).map(ClockTime)
    }
}

/// "HH:MM", the form it is stored and shown in.
impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

/// An IANA time zone as a group stores it, checked once as the row is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(pub Tz);

impl Zone {
    pub fn tz(self) -> Tz {
        self.0
    }

    /// Its IANA name, e.g. "Europe/London".
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl std::str::FromStr for Zone {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_zone(s).map(Zone)
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Parse an IANA time zone name.
pub fn parse_zone(s: &str) -> Result<Tz, ScheduleError> {
    s.trim()
        .parse::<Tz>()
        .map_err(|_| ScheduleError::BadZone(s.trim().to_string()))
}

/// The instant of a local wall-clock time in `tz` (see the module doc for DST days).
pub fn resolve_local(tz: Tz, naive: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // In a spring-forward gap: the first existing minute after it.
            for minutes in 1..=180 {
                if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) =
                    tz.from_local_datetime(&(naive + Duration::minutes(minutes)))
                {
                    return t.with_timezone(&Utc);
                }
            }
            naive.and_utc()
        }
    }
}

/// A group's schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub tz: Tz,
    pub post_time: NaiveTime,
    pub days: Days,
    pub catch_up: CatchUp,
    /// When the daily session ends and its summary is posted (local time).
    pub summary_time: NaiveTime,
}

impl Schedule {
    /// The slot of a local date, if the group meets that weekday.
    pub fn slot_on(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.days
            .contains(date.weekday())
            .then(|| resolve_local(self.tz, date.and_time(self.post_time)))
    }

    /// The most recent slot at or before `now` (within the last eight days).
    pub fn latest_slot(&self, now: DateTime<Utc>) -> Option<(NaiveDate, DateTime<Utc>)> {
        let today = now.with_timezone(&self.tz).date_naive();
        (0..=8)
            .filter_map(|back| today.checked_sub_signed(Duration::days(back)))
            .filter_map(|d| self.slot_on(d).map(|t| (d, t)))
            .find(|(_, t)| *t <= now)
    }

    /// The first slot strictly after `now`.
    pub fn next_slot(&self, now: DateTime<Utc>) -> Option<(NaiveDate, DateTime<Utc>)> {
        let today = now.with_timezone(&self.tz).date_naive();
        (0..=8)
            .filter_map(|ahead| today.checked_add_signed(Duration::days(ahead)))
            .filter_map(|d| self.slot_on(d).map(|t| (d, t)))
            .find(|(_, t)| *t > now)
    }

    /// Whether a slot should still be posted at `now` under the catch-up policy.
    pub fn still_due(&self, slot: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        match self.catch_up {
            CatchUp::Latest => true,
            CatchUp::Skip => now - slot <= SKIP_GRACE,
        }
    }

    /// When a daily session that starts at `start` ends: the next summary time after it.
    pub fn session_end(&self, start: DateTime<Utc>) -> DateTime<Utc> {
        let day = start.with_timezone(&self.tz).date_naive();
        (0..=2)
            .filter_map(|ahead| day.checked_add_signed(Duration::days(ahead)))
            .map(|d| resolve_local(self.tz, d.and_time(self.summary_time)))
            .find(|t| *t > start + Duration::minutes(30))
            .unwrap_or(start + Duration::hours(12))
    }

    /// The local date of an instant in this group's zone.
    pub fn local_date(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london(time: &str, days: Days) -> Schedule {
        Schedule {
            tz: parse_zone("Europe/London").unwrap(),
            post_time: parse_time(time).unwrap(),
            days,
            catch_up: CatchUp::Latest,
            summary_time: parse_time("21:00").unwrap(),
        }
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn parses_days_times_and_zones() {
        assert_eq!(Days::parse("mon-fri").unwrap(), Days::WEEKDAYS);
        assert_eq!(Days::parse("Mon,Wed,Fri").unwrap().to_text(), "mon,wed,fri");
        assert_eq!(Days::parse("fri-mon").unwrap().to_text(), "mon,fri,sat,sun");
        assert_eq!(Days::parse("daily").unwrap(), Days::ALL);
        assert!(Days::parse("someday").is_err());
        assert!(Days::parse("").is_err());
        assert_eq!(
            parse_time("25:00"),
            Err(ScheduleError::BadTime("25:00".into()))
        );
        assert_eq!(
            parse_zone("Mars/Olympus"),
            Err(ScheduleError::BadZone("Mars/Olympus".into()))
        );
    }

    #[test]
    fn slots_keep_wall_clock_time_across_dst() {
        let s = london("09:00", Days::ALL);
        // Clocks go forward on 2026-03-29 and back on 2026-10-25 in London.
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 3, 28).unwrap()),
            Some(utc(2026, 3, 28, 9, 0))
        );
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()),
            Some(utc(2026, 3, 29, 8, 0))
        );
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()),
            Some(utc(2026, 10, 25, 9, 0))
        );
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 10, 24).unwrap()),
            Some(utc(2026, 10, 24, 8, 0))
        );
    }

    #[test]
    fn gap_and_overlap_times() {
        let s = london("01:30", Days::ALL);
        // 01:30 does not exist on 2026-03-29: the first minute after the gap is 02:00 BST = 01:00 UTC.
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()),
            Some(utc(2026, 3, 29, 1, 0))
        );
        // 01:30 happens twice on 2026-10-25: the first is 01:30 BST = 00:30 UTC.
        assert_eq!(
            s.slot_on(NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()),
            Some(utc(2026, 10, 25, 0, 30))
        );
    }

    #[test]
    fn latest_and_next_slots_follow_weekdays() {
        let s = london("09:00", Days::WEEKDAYS);
        // Sunday 2026-03-08 noon: the latest slot was Friday the 6th, the next is Monday the 9th.
        let now = utc(2026, 3, 8, 12, 0);
        assert_eq!(
            s.latest_slot(now).unwrap().0,
            NaiveDate::from_ymd_opt(2026, 3, 6).unwrap()
        );
        assert_eq!(s.next_slot(now).unwrap().1, utc(2026, 3, 9, 9, 0));
    }

    #[test]
    fn session_ends_at_summary_time() {
        let s = london("09:00", Days::ALL);
        assert_eq!(s.session_end(utc(2026, 1, 5, 9, 0)), utc(2026, 1, 5, 21, 0));
        // A post at 20:50 ends the next evening, not ten minutes later.
        assert_eq!(
            s.session_end(utc(2026, 1, 5, 20, 50)),
            utc(2026, 1, 6, 21, 0)
        );
    }
}
