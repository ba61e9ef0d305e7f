//! Dates and times in a locale: the patterns are Fluent messages (`date-time-pattern`,
//! `date-pattern`, `time-pattern`), the weekday and month names chrono's locale data.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::Locale;

fn pattern(locale: Locale, key: &str) -> String {
    super::text(locale, key, &[])
}

fn local(at: DateTime<Utc>, tz: Tz, locale: Locale, key: &str) -> String {
    at.with_timezone(&tz)
        .format_localized(&pattern(locale, key), locale.chrono())
        .to_string()
}

/// "Tue 3 Mar, 18:00" in English, "вт 3 мар., 18:00" in Russian, "3月3日 星期二 18:00" in
/// Chinese.
pub fn format_date_time(at: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    local(at, tz, locale, "date-time-pattern")
}

/// "Tue 3 Mar" and its equivalents.
pub fn format_date(at: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    local(at, tz, locale, "date-pattern")
}

/// "18:00".
pub fn format_time(at: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    local(at, tz, locale, "time-pattern")
}
