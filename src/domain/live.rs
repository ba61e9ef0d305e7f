//! The rules of a live seminar, no I/O: reading an agenda ("Opening 5m | Part I 20m" or
//! a Markdown list) and timeboxes ("5m", "1h30m"), due dates of action items, the order of
//! the speaking queue (first come, or a progressive stack), and splitting members into
//! breakout rooms (at random, or mixing opinion groups).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use thiserror::Error;

/// The most items an agenda may have.
pub const MAX_AGENDA_ITEMS: usize = 20;
/// The longest agenda, in minutes (8 hours).
pub const MAX_AGENDA_MINUTES: i64 = 8 * 60;
/// The longest agenda item title.
pub const MAX_ITEM_TITLE: usize = 100;
/// How long before an item's end the bot warns.
pub const WARNING_MINUTES: i64 = 2;
/// The most breakout rooms at once.
pub const MAX_ROOMS: i64 = 25;
/// The longest breakout, in minutes.
pub const MAX_BREAKOUT_MINUTES: i64 = 180;
/// The longest note, decision, action or hand topic.
pub const MAX_NOTE_CHARS: usize = 500;
/// How long a report-back may be (one line).
pub const MAX_REPORT_CHARS: usize = 300;

/// Why an agenda, a timebox or a date could not be read. Messages are for users.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LiveError {
    #[error(
        "The agenda is empty. Give items with their timeboxes, e.g. `agenda set \"Opening 5m | Part I 20m | Wrap-up 10m\"`."
    )]
    EmptyAgenda,
    #[error("Agenda item {0} (\"{1}\") has no timebox: end it with the minutes, e.g. \"{1} 10m\".")]
    NoTimebox(usize, String),
    #[error("Agenda item {0} (\"{1}\") has a timebox of {2}: each item needs at least one minute.")]
    NotPositive(usize, String, String),
    #[error("Agenda item {0} has no title, only a timebox.")]
    NoTitle(usize),
    #[error("Agenda item {0}'s title is longer than {MAX_ITEM_TITLE} characters.")]
    TitleTooLong(usize),
    #[error("An agenda can have at most {MAX_AGENDA_ITEMS} items; this one has {0}.")]
    TooManyItems(usize),
    #[error("An agenda can last at most 8 hours; this one adds up to {0}.")]
    TooLong(String),
    #[error("\"{0}\" is not a length of time: use minutes or hours, e.g. 5m, 20 min, 1h or 1h30m.")]
    BadDuration(String),
    #[error("\"{0}\" is not a date: use YYYY-MM-DD, today, tomorrow or a weekday such as friday.")]
    BadDate(String),
}

/// One item of an agenda as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaEntry {
    pub title: String,
    pub minutes: i64,
}

/// "1 h 30 min", "20 min", "1 min".
pub fn minutes_words(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Read a length of time in whole minutes: "5m", "5 min", "20 minutes", "1h", "1h30m",
/// "1.5h", "90". A sign is kept so that "-5m" can be refused as negative.
pub fn parse_minutes(text: &str) -> Result<i64, LiveError> {
    let bad = || LiveError::BadDuration(text.trim().to_string());
    // "5 5m" is two numbers, not 55 minutes.
    let chars: Vec<char> = text.trim().chars().collect();
    for w in chars.windows(3) {
        if w[0].is_ascii_digit() && w[1].is_whitespace() && w[2].is_ascii_digit() {
            return Err(bad());
        }
    }
    let s: String = text
        .trim()
        .trim_matches(|c| c == '(' || c == ')' || c == '[' || c == ']')
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s.trim_start_matches('+').to_string()),
    };
    if s.is_empty() {
        return Err(bad());
    }
    let mut total = 0f64;
    let mut number = String::new();
    let mut rest = s.as_str();
    let mut saw_unit = false;
    while !rest.is_empty() {
        let c = rest.chars().next().ok_or_else(bad)?;
        if c.is_ascii_digit() || c == '.' || c == ',' {
            number.push(if c == ',' { '.' } else { c });
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let factor = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
            "m" | "min" | "mins" | "minute" | "minutes" | "'" => 1.0,
            _ => return Err(bad()),
        };
        let n: f64 = number.parse().map_err(|_| bad())?;
        total += n * factor;
        number.clear();
        saw_unit = true;
    }
    if !number.is_empty() {
        // A bare number is minutes; after "1h" it is minutes too ("1h30").
        let n: f64 = number.parse().map_err(|_| bad())?;
        total += n;
    } else if !saw_unit {
        return Err(bad());
    }
    if !total.is_finite() || total > 1e7 {
        return Err(bad());
    }
    let minutes = total.round() as i64;
    Ok(if negative { -minutes } else { minutes })
}

/// Split off a timebox at the end of an agenda line: "Part I: faction 20m" gives
/// ("Part I: faction", "20m"); also "Opening (5 min)", "Wrap-up — 10m", "Break: 1h".
fn split_timebox(line: &str) -> Option<(String, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Try the last one, two or three words as the timebox ("1 h 30 min").
    for take in (1..=words.len().min(4)).rev() {
        let (head, tail) = words.split_at(words.len() - take);
        let candidate = tail.join(" ");
        if parse_minutes(&candidate).is_ok() && candidate.chars().any(|c| c.is_ascii_digit()) {
            // "Part 2" must not read as "2 minutes": a bare number needs a unit.
            let has_unit = candidate.chars().any(|c| c.is_alphabetic() || c == '\'');
            if !has_unit {
                continue;
            }
            let title = head
                .join(" ")
                .trim_end_matches(|c: char| {
                    c == ':' || c == '-' || c == '—' || c == '–' || c == ',' || c.is_whitespace()
                })
                .to_string();
            return Some((title, candidate));
        }
    }
    None
}

/// Read an agenda: items separated by `|`, or one per line (a Markdown list: `- item`,
/// `* item`, `1. item`), each ending with its timebox.
pub fn parse_agenda(text: &str) -> Result<Vec<AgendaEntry>, LiveError> {
    let lines: Vec<String> = if text.contains('|') {
        text.split('|').map(str::to_string).collect()
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut items = Vec::new();
    let mut total = 0i64;
    for raw in lines {
        let line = strip_list_marker(raw.trim());
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let n = items.len() + 1;
        let Some((title, timebox)) = split_timebox(&line) else {
            return Err(LiveError::NoTimebox(
                n,
                crate::domain::text::truncate_chars(&line, 60),
            ));
        };
        let minutes = parse_minutes(&timebox)?;
        let title = crate::domain::text::truncate_chars(&title, MAX_ITEM_TITLE + 1);
        if minutes <= 0 {
            return Err(LiveError::NotPositive(n, title, timebox));
        }
        if title.is_empty() {
            return Err(LiveError::NoTitle(n));
        }
        if title.chars().count() > MAX_ITEM_TITLE {
            return Err(LiveError::TitleTooLong(n));
        }
        total = total.saturating_add(minutes);
        items.push(AgendaEntry { title, minutes });
    }
    if items.is_empty() {
        return Err(LiveError::EmptyAgenda);
    }
    if items.len() > MAX_AGENDA_ITEMS {
        return Err(LiveError::TooManyItems(items.len()));
    }
    if total > MAX_AGENDA_MINUTES {
        return Err(LiveError::TooLong(minutes_words(total)));
    }
    Ok(items)
}

fn strip_list_marker(line: &str) -> String {
    let line = line.trim();
    for marker in ["- [ ] ", "- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return rest.trim().to_string();
        }
    }
    // "1. item" or "1) item"
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return r.trim().to_string();
        }
    }
    line.to_string()
}

/// A due date: YYYY-MM-DD, "today", "tomorrow", or a weekday (the next one after today).
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, LiveError> {
    let t = text.trim().to_lowercase();
    let bad = || LiveError::BadDate(text.trim().to_string());
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Ok(d);
    }
    match t.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return Ok(today + Duration::days(1)),
        "next week" => return Ok(today + Duration::days(7)),
        _ => {}
    }
    let day: Weekday = t.parse().map_err(|_| bad())?;
    let ahead = (day.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    Ok(today + Duration::days(if ahead == 0 { 7 } else { ahead }))
}

/// One waiting hand, as the queue orders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub raised_at: i64,
    /// How often this member has spoken this session (replies and turns).
    pub spoken: i64,
}

/// The order in which waiting hands are called (indexes into `waiting`): first come,
/// first served; or, as a progressive stack, those who have spoken least first (ties
/// by who raised their hand first).
pub fn queue_order(waiting: &[Waiting], progressive: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..waiting.len()).collect();
    if progressive {
        order.sort_by_key(|&i| (waiting[i].spoken, waiting[i].raised_at, i));
    } else {
        order.sort_by_key(|&i| (waiting[i].raised_at, i));
    }
    order
}

/// "1st", "2nd", "3rd", "11th".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Split members into `rooms` rooms as evenly as possible. Without groups the split is at
/// random (from `seed`); with opinion groups (`Some(g)` per member) each group is shuffled
/// and dealt round the rooms in turn, so every room mixes the groups as far as their sizes
/// allow. Members without a group are dealt last.
pub fn assign_rooms(
    members: &[(String, Option<usize>)],
    rooms: usize,
    seed: u64,
) -> Vec<Vec<String>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out: Vec<Vec<String>> = vec![Vec::new(); rooms.max(1)];
    let mut groups: std::collections::BTreeMap<Option<usize>, Vec<String>> = Default::default();
    for (key, g) in members {
        groups.entry(*g).or_default().push(key.clone());
    }
    // Grouped members first (Some(..) sorts after None in a BTreeMap: take None last).
    let mut dealt: Vec<String> = Vec::new();
    let ungrouped = groups.remove(&None).unwrap_or_default();
    for (_, mut keys) in groups {
        shuffle(&mut keys, &mut rng);
        dealt.extend(keys);
    }
    let mut ungrouped = ungrouped;
    shuffle(&mut ungrouped, &mut rng);
    dealt.extend(ungrouped);
    // Deal round the rooms; the room to start from is random so no room is always fuller.
    let start = if out.len() > 1 {
        rng.random_range(0..out.len())
    } else {
        0
    };
    let n = out.len();
    for (i, key) in dealt.into_iter().enumerate() {
        out[(start + i) % n].push(key);
    }
    for room in &mut out {
        room.sort();
    }
    out
}

/// Fisher–Yates, from the seeded generator.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let j = rng.random_range(0..=i);
        items.swap(i, j);
    }
}

/// A member's message as a one-line report-back: the first line, cut to fit.
pub fn one_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    crate::domain::text::truncate_chars(line, MAX_REPORT_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_minutes("5m"), Ok(5));
        assert_eq!(parse_minutes("20 min"), Ok(20));
        assert_eq!(parse_minutes("1h30m"), Ok(90));
        assert_eq!(parse_minutes("1 h 30 min"), Ok(90));
        assert_eq!(parse_minutes("1.5h"), Ok(90));
        assert_eq!(parse_minutes("(10 minutes)"), Ok(10));
        assert_eq!(parse_minutes("-5m"), Ok(-5));
        assert_eq!(parse_minutes("0m"), Ok(0));
        assert!(parse_minutes("soon").is_err());
        assert!(parse_minutes("5 parsecs").is_err());
        assert!(parse_minutes("5 5m").is_err(), "two numbers");
        let a = parse_agenda("Item 5 5m").unwrap();
        assert_eq!((a[0].title.as_str(), a[0].minutes), ("Item 5", 5));
    }

    #[test]
    fn agendas_inline_and_markdown() {
        let a =
            parse_agenda("Opening 5m | Part I: faction 20m | Part II 20m | Wrap-up 10m").unwrap();
        assert_eq!(
            a.iter()
                .map(|e| (e.title.as_str(), e.minutes))
                .collect::<Vec<_>>(),
            [
                ("Opening", 5),
                ("Part I: faction", 20),
                ("Part II", 20),
                ("Wrap-up", 10)
            ]
        );
        let md =
            "## Agenda\n\n- Opening (5 min)\n- Part 2 — 1h\n1. Break: 10m\n* Wrap-up 1 h 30 min\n";
        let a = parse_agenda(md).unwrap();
        assert_eq!(
            a.iter()
                .map(|e| (e.title.as_str(), e.minutes))
                .collect::<Vec<_>>(),
            [
                ("Opening", 5),
                ("Part 2", 60),
                ("Break", 10),
                ("Wrap-up", 90)
            ]
        );
    }

    #[test]
    fn bad_agendas_say_what_is_wrong() {
        assert_eq!(parse_agenda(""), Err(LiveError::EmptyAgenda));
        assert!(matches!(
            parse_agenda("Opening 0m"),
            Err(LiveError::NotPositive(1, _, _))
        ));
        assert!(matches!(
            parse_agenda("Opening 5m | Debate -5m"),
            Err(LiveError::NotPositive(2, _, _))
        ));
        assert!(matches!(
            parse_agenda("Opening | Part 2"),
            Err(LiveError::NoTimebox(1, _))
        ));
        let many = (0..21)
            .map(|i| format!("Item {i} 5m"))
            .collect::<Vec<_>>()
            .join(" | ");
        assert_eq!(parse_agenda(&many), Err(LiveError::TooManyItems(21)));
        assert!(matches!(
            parse_agenda("Marathon 5h | Ultra 4h"),
            Err(LiveError::TooLong(_))
        ));
        assert!(parse_agenda("Whole day 8h").is_ok());
        assert_eq!(parse_agenda("10m"), Err(LiveError::NoTitle(1)));
    }

    #[test]
    fn due_dates() {
        let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            parse_due("friday", monday),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 6).unwrap())
        );
        assert_eq!(
            parse_due("monday", monday),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap())
        );
        assert_eq!(
            parse_due("2026-04-01", monday),
            Ok(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap())
        );
        assert!(parse_due("someday", monday).is_err());
    }

    #[test]
    fn progressive_stack_puts_the_quiet_first() {
        let w = vec![
            Waiting {
                raised_at: 1,
                spoken: 4,
            },
            Waiting {
                raised_at: 2,
                spoken: 0,
            },
            Waiting {
                raised_at: 3,
                spoken: 1,
            },
            Waiting {
                raised_at: 4,
                spoken: 0,
            },
        ];
        assert_eq!(queue_order(&w, false), [0, 1, 2, 3]);
        assert_eq!(queue_order(&w, true), [1, 3, 2, 0]);
    }

    #[test]
    fn rooms_are_even_and_mix_the_groups() {
        let members: Vec<(String, Option<usize>)> = (0..9)
            .map(|i| (format!("m{i}"), Some(if i < 6 { 0 } else { 1 })))
            .collect();
        let rooms = assign_rooms(&members, 3, 7);
        assert_eq!(rooms.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 3]);
        for room in &rooms {
            let b = room
                .iter()
                .filter(|k| k[1..].parse::<usize>().unwrap() >= 6)
                .count();
            assert_eq!(b, 1, "each room has one of group B: {rooms:?}");
        }
        let all: std::collections::BTreeSet<&String> = rooms.iter().flatten().collect();
        assert_eq!(all.len(), 9);
        let random: Vec<(String, Option<usize>)> =
            (0..7).map(|i| (format!("m{i}"), None)).collect();
        let rooms = assign_rooms(&random, 3, 1);
        let mut sizes: Vec<usize> = rooms.iter().map(Vec::len).collect();
        sizes.sort();
        assert_eq!(sizes, [2, 2, 3]);
    }

    #[test]
    fn ordinals() {
        assert_eq!(
            [1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal),
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"
            ]
        );
    }
}
