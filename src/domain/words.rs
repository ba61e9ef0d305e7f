//! Words around numbers and times: every count the bot writes ("1 reply", "3 replies"),
//! every wait ("in 12 h 31 min") and every day relative to now ("tomorrow at 00:01") goes
//! through this module or through the `count-*` Fluent messages (which know every
//! locale's plural rules); [`count`] remains for English-only text such as logs and the CLI.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::i18n::{self, Locale};
use crate::t;

/// A number and its noun: `count(1, "reply", "replies")` is "1 reply", `count(0, …)` and
/// `count(3, …)` are "0 replies" and "3 replies". Numbers are written plainly (no
/// thousands separators), as everywhere else in the bot's messages.
pub fn count<N>(n: N, one: &str, many: &str) -> String
where
    N: Copy + PartialEq + From<u8> + std::fmt::Display,
{
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone, for sentences that place the number elsewhere ("2 of 3 excerpts").
pub fn noun<'a, N>(n: N, one: &'a str, many: &'a str) -> &'a str
where
    N: Copy + PartialEq + From<u8>,
{
    if n == N::from(1u8) { one } else { many }
}

/// A wait as people say it: "45 min", "12 h 31 min", "2 d 3 h", "less than a minute".
pub fn wait(d: Duration) -> String {
    wait_in(d, Locale::En)
}

/// [`wait`] in `locale`.
pub fn wait_in(d: Duration, locale: Locale) -> String {
    let minutes = d.num_minutes();
    if minutes < 1 {
        return t!(locale, "wait-under-a-minute");
    }
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours, mins) {
        (0, 0, m) => t!(locale, "wait-minutes", m = m),
        (0, h, 0) => t!(locale, "wait-hours", h = h),
        (0, h, m) => t!(locale, "wait-hours-minutes", h = h, m = m),
        (d, 0, _) => t!(locale, "wait-days", d = d),
        (d, h, _) => t!(locale, "wait-days-hours", d = d, h = h),
    }
}

/// A moment as the group reads it, relative to `now`: "today at 18:00", "tomorrow at
/// 00:01", "Wed 4 Mar at 09:00" (in the time zone `tz`).
pub fn day_and_time(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    day_and_time_in(at, now, tz, Locale::En)
}

/// [`day_and_time`] in `locale`.
pub fn day_and_time_in(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    let local = at.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let time = i18n::format_time(at, tz, locale);
    match (local.date_naive() - today).num_days() {
        0 => t!(locale, "today-at", time = time),
        1 => t!(locale, "tomorrow-at", time = time),
        -1 => t!(locale, "yesterday-at", time = time),
        _ => t!(
            locale,
            "day-at",
            day = i18n::format_date(at, tz, locale),
            time = time
        ),
    }
}

/// A deadline with how long until it, and its date for whoever reads it later:
/// "tomorrow at 00:01 (in 12 h 31 min; Tue 3 Mar, Europe/London time)".
pub fn deadline(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    deadline_in(at, now, tz, Locale::En)
}

/// [`deadline`] in `locale`.
pub fn deadline_in(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    t!(
        locale,
        "deadline",
        when = day_and_time_in(at, now, tz, locale),
        wait = wait_in(at - now, locale),
        date = i18n::format_date(at, tz, locale),
        zone = tz.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn counts_take_the_right_noun() {
        let table: [(i64, &str); 4] = [
            (0, "0 replies"),
            (1, "1 reply"),
            (2, "2 replies"),
            (1000, "1000 replies"),
        ];
        for (n, expected) in table {
            assert_eq!(count(n, "reply", "replies"), expected);
        }
        assert_eq!(count(1usize, "session", "sessions"), "1 session");
        assert_eq!(count(2u32, "vote", "votes"), "2 votes");
        assert_eq!(noun(1usize, "excerpt", "excerpts"), "excerpt");
        assert_eq!(noun(0usize, "excerpt", "excerpts"), "excerpts");
    }

    #[test]
    fn waits_and_days_read_naturally() {
        assert_eq!(wait(Duration::seconds(20)), "less than a minute");
        assert_eq!(wait(Duration::minutes(45)), "45 min");
        assert_eq!(wait(Duration::minutes(120)), "2 h");
        assert_eq!(wait(Duration::minutes(751)), "12 h 31 min");
        assert_eq!(wait(Duration::minutes(3 * 1440 + 125)), "3 d 2 h");
        assert_eq!(wait(Duration::minutes(1440 + 5)), "1 d");
        let tz: Tz = "Europe/London".parse().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 11, 30, 0).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 3, 3, 0, 1, 0).unwrap();
        assert_eq!(day_and_time(at, now, tz), "tomorrow at 00:01");
        assert_eq!(
            deadline(at, now, tz),
            "tomorrow at 00:01 (in 12 h 31 min; Tue 3 Mar, Europe/London time)"
        );
        let later = Utc.with_ymd_and_hms(2026, 3, 2, 18, 0, 0).unwrap();
        assert_eq!(day_and_time(later, now, tz), "today at 18:00");
        let week = Utc.with_ymd_and_hms(2026, 3, 4, 9, 0, 0).unwrap();
        assert_eq!(day_and_time(week, now, tz), "Wed 4 Mar at 09:00");
        assert_eq!(
            deadline_in(at, now, tz, Locale::Ru),
            "завтра в 00:01 (через 12 ч 31 мин; Вт, 3 мар, время Europe/London)"
        );
        assert_eq!(
            day_and_time_in(week, now, tz, Locale::ZhHans),
            "3月4日（星期三） 09:00"
        );
    }
}
