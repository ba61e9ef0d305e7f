//! Every sentence the live-seminar features say to users, in one place: each function
//! takes the group's [`Locale`] and returns Markdown from the Fluent messages in
//! `prompts/locales/<lang>/live.ftl`.

use crate::domain::live::{MAX_NOTE_CHARS, ordinal};
use crate::i18n::Locale;
use crate::t;

/// "20 min", "1 h", "1 h 30 min" in `loc`.
pub fn minutes_words(loc: Locale, minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => t!(loc, "wait-minutes", m = m),
        (h, 0) => t!(loc, "wait-hours", h = h),
        (h, m) => t!(loc, "wait-hours-minutes", h = h, m = m),
    }
}

pub fn no_live_session(loc: Locale) -> String {
    t!(loc, "live-no-session")
}

pub fn no_agenda(loc: Locale) -> String {
    t!(loc, "live-no-agenda")
}

pub fn agenda_attach_or_text(loc: Locale) -> String {
    t!(loc, "live-agenda-attach-or-text")
}

pub fn agenda_file_unreadable(loc: Locale) -> String {
    t!(loc, "live-agenda-file-unreadable")
}

pub fn agenda_already_started(loc: Locale) -> String {
    t!(loc, "live-agenda-already-started")
}

pub fn agenda_set(loc: Locale, items: usize, total: i64) -> String {
    t!(
        loc,
        "live-agenda-set",
        items = items,
        total = minutes_words(loc, total)
    )
}

pub fn agenda_not_started(loc: Locale) -> String {
    t!(loc, "live-agenda-not-started")
}

pub fn agenda_already_running(loc: Locale, title: &str) -> String {
    t!(loc, "live-agenda-already-running", title = title)
}

pub fn agenda_finished(loc: Locale) -> String {
    t!(loc, "live-agenda-finished")
}

pub fn agenda_at_first(loc: Locale) -> String {
    t!(loc, "live-agenda-at-first")
}

pub fn agenda_moved_meanwhile(loc: Locale) -> String {
    t!(loc, "live-agenda-moved-meanwhile")
}

pub fn agenda_extend_bad(loc: Locale, minutes: i64) -> String {
    t!(loc, "live-agenda-extend-bad", minutes = minutes)
}

pub fn agenda_extended(loc: Locale, title: &str, by: i64, until: &str) -> String {
    t!(
        loc,
        "live-agenda-extended",
        title = title,
        by = minutes_words(loc, by),
        until = until
    )
}

pub fn agenda_moving(loc: Locale, title: &str) -> String {
    t!(loc, "live-agenda-moving", title = title)
}

pub fn agenda_over_now(loc: Locale) -> String {
    t!(loc, "live-agenda-over-now")
}

pub fn agenda_started(loc: Locale, title: &str) -> String {
    t!(loc, "live-agenda-started", title = title)
}

/// The agenda post.
pub fn agenda_post(
    loc: Locale,
    lines: &[(i64, String, i64)],
    total: i64,
    hands_hint: &str,
    platform_hint: bool,
) -> String {
    let mut text = format!(
        "## {}\n",
        t!(
            loc,
            "live-agenda-heading",
            total = minutes_words(loc, total)
        )
    );
    for (seq, title, minutes) in lines {
        text.push_str(&format!(
            "{seq}. {title} — {}\n",
            minutes_words(loc, *minutes)
        ));
    }
    text.push('\n');
    text.push_str(&t!(loc, "live-agenda-announces"));
    if platform_hint {
        text.push_str(&format!(" {hands_hint}"));
    }
    text
}

pub fn hands_hint(loc: Locale) -> String {
    t!(loc, "live-hands-hint")
}

pub fn item_started(
    loc: Locale,
    seq: i64,
    count: usize,
    title: &str,
    minutes: i64,
    until: &str,
    next: Option<&str>,
) -> String {
    let then = match next {
        Some(n) => t!(loc, "live-next", next = n),
        None => t!(loc, "live-last-item"),
    };
    t!(
        loc,
        "live-item-started",
        title = title,
        seq = seq,
        count = count,
        minutes = minutes_words(loc, minutes),
        until = until,
        then = then
    )
}

pub fn item_warning(loc: Locale, title: &str, until: &str, next: Option<&str>) -> String {
    let then = match next {
        Some(n) => t!(loc, "live-then", next = n),
        None => t!(loc, "live-it-is-last"),
    };
    t!(
        loc,
        "live-item-warning",
        title = title,
        until = until,
        then = then
    )
}

pub fn agenda_done(loc: Locale, title: &str) -> String {
    t!(loc, "live-agenda-done", title = title)
}

pub fn agenda_status_heading(loc: Locale, total: i64) -> String {
    t!(
        loc,
        "live-agenda-status-heading",
        total = minutes_words(loc, total)
    )
}

pub fn agenda_status_line(loc: Locale, seq: i64, title: &str, minutes: i64, state: &str) -> String {
    format!("{seq}. {title} — {} {state}", minutes_words(loc, minutes))
}

pub fn item_done(loc: Locale) -> String {
    t!(loc, "live-item-done")
}

pub fn left_until(loc: Locale, minutes_left: i64, until: &str) -> String {
    if minutes_left <= 0 {
        t!(loc, "live-running-time-up", until = until)
    } else {
        t!(
            loc,
            "live-running-left",
            left = minutes_words(loc, minutes_left),
            until = until
        )
    }
}

// ---- the speaking queue ---------------------------------------------------------------

pub fn hand_already_up(loc: Locale, place: usize) -> String {
    t!(
        loc,
        "live-hand-already-up",
        place = place,
        nth = ordinal(place)
    )
}

pub fn hand_raised(loc: Locale, place: usize, ahead: usize, progressive: bool) -> String {
    let mut text = if ahead == 0 {
        t!(loc, "live-hand-raised-next")
    } else {
        t!(
            loc,
            "live-hand-raised",
            place = place,
            nth = ordinal(place),
            ahead = ahead
        )
    };
    if progressive {
        text.push(' ');
        text.push_str(&t!(loc, "live-progressive-note"));
    }
    text
}

pub fn hand_not_up(loc: Locale) -> String {
    t!(loc, "live-hand-not-up")
}

pub fn hand_lowered(loc: Locale) -> String {
    t!(loc, "live-hand-lowered")
}

pub fn topic_too_long(loc: Locale) -> String {
    t!(loc, "live-topic-too-long")
}

pub fn queue_empty(loc: Locale) -> String {
    t!(loc, "live-queue-empty")
}

pub fn queue_line(place: usize, name: &str, topic: Option<&str>) -> String {
    match topic {
        Some(t) => format!("{place}. {name} — {t}"),
        None => format!("{place}. {name}"),
    }
}

pub fn queue_header(loc: Locale, progressive: bool) -> String {
    if progressive {
        t!(loc, "live-queue-header-progressive")
    } else {
        t!(loc, "live-queue-header-raised")
    }
}

pub fn queue_speaking(loc: Locale, name: &str) -> String {
    t!(loc, "live-queue-speaking", name = name)
}

pub fn queue_your_place(loc: Locale, place: usize) -> String {
    t!(
        loc,
        "live-queue-your-place",
        place = place,
        nth = ordinal(place)
    )
}

pub fn queue_not_in(loc: Locale) -> String {
    t!(loc, "live-queue-not-in")
}

fn next_or_nobody(loc: Locale, then: Option<&str>) -> String {
    match then {
        Some(n) => t!(loc, "live-next", next = n),
        None => t!(loc, "live-nobody-waiting"),
    }
}

pub fn floor_to(loc: Locale, name: &str, topic: Option<&str>, then: Option<&str>) -> String {
    let topic = topic.map(|t| format!(" — {t}")).unwrap_or_default();
    t!(
        loc,
        "live-floor-to",
        name = name,
        topic = topic,
        then = next_or_nobody(loc, then)
    )
}

pub fn skipped(loc: Locale, name: &str, then: Option<&str>) -> String {
    t!(
        loc,
        "live-skipped",
        name = name,
        then = next_or_nobody(loc, then)
    )
}

pub fn queue_cleared(loc: Locale, n: u64) -> String {
    t!(loc, "live-queue-cleared", n = n)
}

pub fn queue_mode(loc: Locale, progressive: bool) -> String {
    if progressive {
        t!(loc, "live-queue-mode-progressive")
    } else {
        t!(loc, "live-queue-mode-raised")
    }
}

// ---- notes, decisions, actions -------------------------------------------------------

/// `what`: "note", "decision" or "action".
pub fn text_empty(loc: Locale, what: &str) -> String {
    t!(loc, "live-text-empty", what = what)
}

/// `what`: "note", "decision" or "action".
pub fn text_too_long(loc: Locale, what: &str) -> String {
    t!(loc, "live-text-too-long", what = what, max = MAX_NOTE_CHARS)
}

/// `kind`: "note" or "decision".
pub fn noted(loc: Locale, kind: &str, id: i64, item: Option<&str>) -> String {
    match item {
        Some(title) => t!(loc, "live-noted-under", kind = kind, id = id, title = title),
        None => t!(loc, "live-noted", kind = kind, id = id),
    }
}

pub fn action_added(
    loc: Locale,
    id: i64,
    owner: &str,
    due: Option<&str>,
    item: Option<&str>,
) -> String {
    let due = due
        .map(|d| format!(" ({})", t!(loc, "live-due", due = d)))
        .unwrap_or_default();
    match item {
        Some(title) => t!(
            loc,
            "live-action-added-under",
            id = id,
            owner = owner,
            due = due,
            title = title
        ),
        None => t!(loc, "live-action-added", id = id, owner = owner, due = due),
    }
}

pub fn not_a_member(loc: Locale, who: &str) -> String {
    t!(loc, "live-not-a-member", who = who)
}

pub fn ambiguous_member(loc: Locale, who: &str, n: usize) -> String {
    t!(loc, "live-ambiguous-member", who = who, n = n)
}

pub fn no_open_actions(loc: Locale) -> String {
    t!(loc, "live-no-open-actions")
}

pub fn open_actions_header(loc: Locale) -> String {
    t!(loc, "live-open-actions-header")
}

pub fn open_actions_at_start(loc: Locale) -> String {
    t!(loc, "live-open-actions-at-start")
}

pub fn all_actions_done(loc: Locale) -> String {
    t!(loc, "live-all-actions-done")
}

pub fn action_line(
    loc: Locale,
    id: i64,
    owner: &str,
    text: &str,
    due: Option<&str>,
    overdue: bool,
) -> String {
    let due = match (due, overdue) {
        (Some(d), true) => format!(" ({})", t!(loc, "live-due-overdue", due = d)),
        (Some(d), false) => format!(" ({})", t!(loc, "live-due", due = d)),
        _ => String::new(),
    };
    format!("- #{id} **{owner}**: {text}{due}")
}

pub fn no_such_action(loc: Locale, id: i64) -> String {
    t!(loc, "live-no-such-action", id = id)
}

pub fn not_an_action(loc: Locale, id: i64) -> String {
    t!(loc, "live-not-an-action", id = id)
}

pub fn action_already_done(loc: Locale, id: i64) -> String {
    t!(loc, "live-action-already-done", id = id)
}

pub fn action_not_yours(loc: Locale, id: i64, owner: &str) -> String {
    t!(loc, "live-action-not-yours", id = id, owner = owner)
}

pub fn action_done(loc: Locale, id: i64, owner: &str, text: &str) -> String {
    t!(loc, "live-action-done", id = id, owner = owner, text = text)
}

// ---- breakouts ------------------------------------------------------------------------

pub fn breakout_rooms_bad(loc: Locale, n: i64) -> String {
    t!(loc, "live-breakout-rooms-bad", n = n)
}

pub fn breakout_too_many_rooms(loc: Locale, n: i64) -> String {
    t!(loc, "live-breakout-too-many-rooms", n = n)
}

pub fn breakout_minutes_bad(loc: Locale, m: i64) -> String {
    t!(loc, "live-breakout-minutes-bad", m = m)
}

pub fn breakout_more_rooms_than_members(loc: Locale, rooms: i64, present: usize) -> String {
    t!(
        loc,
        "live-breakout-more-rooms-than-members",
        rooms = rooms,
        present = present
    )
}

pub fn breakout_nobody(loc: Locale) -> String {
    t!(loc, "live-breakout-nobody")
}

pub fn breakout_running(loc: Locale) -> String {
    t!(loc, "live-breakout-running")
}

pub fn breakout_started(loc: Locale, rooms: usize, minutes: i64, how: &str) -> String {
    t!(
        loc,
        "live-breakout-started",
        rooms = rooms,
        minutes = minutes_words(loc, minutes),
        how = how
    )
}

pub fn breakout_by_chance(loc: Locale) -> String {
    t!(loc, "live-breakout-by-chance")
}

pub fn breakout_by_opinion(loc: Locale) -> String {
    t!(loc, "live-breakout-by-opinion")
}

pub fn breakout_no_groups(loc: Locale, reason: &str) -> String {
    t!(loc, "live-breakout-no-groups", reason = reason)
}

pub fn room_name(loc: Locale, seq: i64, of: i64) -> String {
    t!(loc, "live-room-name", seq = seq, of = of)
}

pub fn room_post(
    loc: Locale,
    seq: i64,
    of: i64,
    members: &[String],
    prompt: &str,
    until: &str,
) -> String {
    let members = if members.is_empty() {
        "—".to_string()
    } else {
        members.join(", ")
    };
    format!(
        "## {}\n**{}** {members}\n**{}** {until}\n\n**{}** {prompt}\n\n{}",
        room_name(loc, seq, of),
        t!(loc, "live-room-members"),
        t!(loc, "live-room-until"),
        t!(loc, "live-room-question"),
        t!(loc, "live-room-report-later")
    )
}

pub fn room_ask(loc: Locale) -> String {
    t!(loc, "live-room-ask")
}

pub fn default_prompt(loc: Locale, item: Option<&str>) -> String {
    match item {
        Some(title) => t!(loc, "live-default-prompt-item", title = title),
        None => t!(loc, "live-default-prompt"),
    }
}

pub fn gathered_header(loc: Locale, n: usize) -> String {
    t!(loc, "live-gathered-header", n = n)
}

pub fn gathered_line(loc: Locale, seq: i64, report: Option<(&str, &str)>) -> String {
    match report {
        Some((who, text)) => t!(loc, "live-gathered-line", seq = seq, who = who, text = text),
        None => t!(loc, "live-gathered-none", seq = seq),
    }
}

// ---- open actions and presence --------------------------------------------------------

pub fn attendance_header(loc: Locale) -> String {
    t!(loc, "live-attendance-header")
}

/// "nobody", for an attendance line with no one.
pub fn nobody(loc: Locale) -> String {
    t!(loc, "live-nobody")
}
