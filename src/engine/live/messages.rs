//! Every sentence the live-seminar features say to users, in one place, so they move to
//! the Fluent message layer (issue 19) in one step. Each function returns Markdown.

use crate::domain::live::{MAX_NOTE_CHARS, minutes_words, ordinal};

pub fn no_live_session() -> String {
    "No live session is running here. A facilitator starts one with `session start`.".into()
}

pub fn no_agenda() -> String {
    "This session has no agenda yet. A facilitator sets one with `agenda set \"Opening 5m | Part I 20m | Wrap-up 10m\"`.".into()
}

pub fn agenda_attach_or_text() -> String {
    "Give the agenda after the command, items separated by | and each ending with its timebox (`agenda set \"Opening 5m | Part I 20m\"`), or attach a Markdown list (.md or .txt) with one item per line.".into()
}

pub fn agenda_file_unreadable() -> String {
    "The attached agenda is not UTF-8 text: attach a .md or .txt file with one item per line."
        .into()
}

pub fn agenda_already_started() -> String {
    "The agenda has already started, so it cannot be replaced. Move through it with `agenda next`, `agenda back` and `agenda extend`.".into()
}

pub fn agenda_set(items: usize, total: i64) -> String {
    format!(
        "Agenda set: {} item{}, {} in all. `agenda start` starts the first one.",
        items,
        if items == 1 { "" } else { "s" },
        minutes_words(total)
    )
}

pub fn agenda_not_started() -> String {
    "The agenda has not started yet: `agenda start` starts its first item.".into()
}

pub fn agenda_already_running(title: &str) -> String {
    format!(
        "The agenda is already running (now: {title}). Use `agenda next` or `agenda back` to move."
    )
}

pub fn agenda_finished() -> String {
    "The agenda is finished: every item has run. `agenda back` reopens the last item.".into()
}

pub fn agenda_at_first() -> String {
    "This is the first item: there is nothing to go back to.".into()
}

pub fn agenda_moved_meanwhile() -> String {
    "The agenda moved on meanwhile (its timebox ran out); check `agenda status` and try again."
        .into()
}

pub fn agenda_extend_bad(minutes: i64) -> String {
    format!(
        "An item can be extended by 1 minute to 8 hours, not {minutes} minutes: e.g. `agenda extend 5m`."
    )
}

pub fn agenda_extended(title: &str, by: i64, until: &str) -> String {
    format!(
        "**{title}** has {} more: it now ends at {until}.",
        minutes_words(by)
    )
}

pub fn agenda_moving(title: &str) -> String {
    format!("Moving to **{title}**.")
}

pub fn agenda_over_now() -> String {
    "That was the last item: the agenda is done.".into()
}

pub fn agenda_started(title: &str) -> String {
    format!("Starting the agenda with **{title}**.")
}

/// The agenda post.
pub fn agenda_post(
    lines: &[(i64, String, i64)],
    total: i64,
    hands_hint: &str,
    platform_hint: bool,
) -> String {
    let mut text = format!("## Agenda ({} in all)\n", minutes_words(total));
    for (seq, title, minutes) in lines {
        text.push_str(&format!("{seq}. {title} — {}\n", minutes_words(*minutes)));
    }
    text.push_str(
        "\nThe bot announces each item as it starts and warns two minutes before it ends.",
    );
    if platform_hint {
        text.push_str(&format!(" {hands_hint}"));
    }
    text
}

pub fn hands_hint() -> String {
    "To ask to speak: `hand [topic]` (or the hand button or ✋ reaction on this post); `hand down` to leave the queue.".into()
}

pub fn item_started(
    seq: i64,
    count: usize,
    title: &str,
    minutes: i64,
    until: &str,
    next: Option<&str>,
) -> String {
    let then = next
        .map(|n| format!(" Next: {n}."))
        .unwrap_or_else(|| " This is the last item.".into());
    format!(
        "**Now: {title}** (item {seq} of {count}, {} until {until}).{then}",
        minutes_words(minutes)
    )
}

pub fn item_warning(title: &str, until: &str, next: Option<&str>) -> String {
    let then = next
        .map(|n| format!(" Then: {n}."))
        .unwrap_or_else(|| " It is the last item.".into());
    format!(
        "⏳ Two minutes left for **{title}** (ends at {until}).{then} A facilitator can give it more with `agenda extend 5m`."
    )
}

pub fn agenda_done(title: &str) -> String {
    format!(
        "Time is up for **{title}**: that was the agenda's last item. The session stays open until `session end`."
    )
}

pub fn agenda_status_line(seq: i64, title: &str, minutes: i64, state: &str) -> String {
    format!("{seq}. {title} — {} {state}", minutes_words(minutes))
}

pub fn left_until(minutes_left: i64, until: &str) -> String {
    if minutes_left <= 0 {
        format!("**(running, time is up at {until})**")
    } else {
        format!(
            "**(running: {} left, until {until})**",
            minutes_words(minutes_left)
        )
    }
}

// ---- the speaking queue ---------------------------------------------------------------

pub fn hand_already_up(place: usize) -> String {
    format!(
        "Your hand is already up: you are {} in the queue. `hand down` takes it down.",
        ordinal(place)
    )
}

pub fn hand_raised(place: usize, ahead: usize, progressive: bool) -> String {
    let order = if progressive {
        " The queue is a progressive stack: members who have spoken less this session go first, so your place can change."
    } else {
        ""
    };
    if ahead == 0 {
        format!("Your hand is up: you are next.{order}")
    } else {
        format!(
            "Your hand is up: you are {} in the queue ({ahead} ahead of you).{order}",
            ordinal(place)
        )
    }
}

pub fn hand_not_up() -> String {
    "Your hand is not up, so there is nothing to lower.".into()
}

pub fn hand_lowered() -> String {
    "Your hand is down: you have left the queue.".into()
}

pub fn topic_too_long() -> String {
    "Keep the topic to 200 characters; say the rest when you have the floor.".into()
}

pub fn queue_empty() -> String {
    "Nobody is waiting to speak: the queue is empty.".into()
}

pub fn queue_line(place: usize, name: &str, topic: Option<&str>) -> String {
    match topic {
        Some(t) => format!("{place}. {name} — {t}"),
        None => format!("{place}. {name}"),
    }
}

pub fn queue_header(progressive: bool) -> String {
    if progressive {
        "**Speaking queue** (progressive: who has spoken least this session goes first)".into()
    } else {
        "**Speaking queue** (in the order hands were raised)".into()
    }
}

pub fn queue_speaking(name: &str) -> String {
    format!("Speaking now: **{name}**")
}

pub fn queue_your_place(place: usize) -> String {
    format!("You are {} in the queue.", ordinal(place))
}

pub fn queue_not_in() -> String {
    "Your hand is not up (`hand [topic]` to join the queue).".into()
}

pub fn floor_to(name: &str, topic: Option<&str>, then: Option<&str>) -> String {
    let topic = topic.map(|t| format!(" — {t}")).unwrap_or_default();
    let then = then
        .map(|n| format!(" Next: {n}."))
        .unwrap_or_else(|| " Nobody else is waiting.".into());
    format!("🎤 The floor is **{name}**'s{topic}.{then}")
}

pub fn skipped(name: &str, then: Option<&str>) -> String {
    let then = then
        .map(|n| format!(" Next: {n}."))
        .unwrap_or_else(|| " Nobody else is waiting.".into());
    format!("Skipped {name} (their hand is down).{then}")
}

pub fn queue_cleared(n: u64) -> String {
    format!(
        "The queue is cleared: {} lowered.",
        crate::domain::words::count(n as i64, "hand", "hands")
    )
}

pub fn queue_mode(progressive: bool) -> String {
    if progressive {
        "The queue is now a progressive stack: members who have spoken least this session go first."
            .into()
    } else {
        "The queue now goes in the order hands were raised.".into()
    }
}

// ---- notes, decisions, actions -------------------------------------------------------

pub fn text_empty(what: &str) -> String {
    format!("The {what} is empty: write it after the command.")
}

pub fn text_too_long(what: &str) -> String {
    format!("A {what} can have at most {MAX_NOTE_CHARS} characters.")
}

pub fn noted(kind: &str, id: i64, item: Option<&str>) -> String {
    let under = item.map(|t| format!(" under **{t}**")).unwrap_or_default();
    format!("{kind} #{id} is in the minutes{under}.")
}

pub fn action_added(id: i64, owner: &str, due: Option<&str>, item: Option<&str>) -> String {
    let due = due.map(|d| format!(" (due {d})")).unwrap_or_default();
    let under = item.map(|t| format!(" under **{t}**")).unwrap_or_default();
    format!(
        "Action #{id} for **{owner}**{due} is in the minutes{under}. `action done {id}` when it is done."
    )
}

pub fn not_a_member(who: &str) -> String {
    format!(
        "{who} is not a member of this group as far as colloquy knows (they have not written, voted, raised a hand or been present here). Name a member, e.g. `action @ana circulate the map`."
    )
}

pub fn ambiguous_member(who: &str, n: usize) -> String {
    format!("{n} members of this group are called {who}; name them by their mention or id instead.")
}

pub fn no_open_actions() -> String {
    "There are no open action items.".into()
}

pub fn open_actions_header() -> String {
    "**Open action items**".into()
}

pub fn open_actions_at_start() -> String {
    "**Open action items from earlier sessions** (`action done N` when one is done)".into()
}

pub fn all_actions_done() -> String {
    "All action items from earlier sessions are done.".into()
}

pub fn action_line(id: i64, owner: &str, text: &str, due: Option<&str>, overdue: bool) -> String {
    let due = match (due, overdue) {
        (Some(d), true) => format!(" (due {d}, overdue)"),
        (Some(d), false) => format!(" (due {d})"),
        _ => String::new(),
    };
    format!("- #{id} **{owner}**: {text}{due}")
}

pub fn no_such_action(id: i64) -> String {
    format!("This group has no action #{id}; `action list` shows the open ones.")
}

pub fn not_an_action(id: i64) -> String {
    format!("#{id} is a note or decision, not an action.")
}

pub fn action_already_done(id: i64) -> String {
    format!("Action #{id} is already done.")
}

pub fn action_not_yours(id: i64, owner: &str) -> String {
    format!("Action #{id} is {owner}'s: only they or a facilitator can mark it done.")
}

pub fn action_done(id: i64, owner: &str, text: &str) -> String {
    format!("Action #{id} is done: {owner}: {text}")
}

// ---- breakouts ------------------------------------------------------------------------

pub fn breakout_rooms_bad(n: i64) -> String {
    format!("A breakout needs at least one thread, not {n}: e.g. `breakout 3 --minutes 15`.")
}

pub fn breakout_too_many_rooms(n: i64) -> String {
    format!("A breakout can have at most 25 threads, not {n}.")
}

pub fn breakout_minutes_bad(m: i64) -> String {
    format!("A breakout lasts 1 to 180 minutes, not {m}.")
}

pub fn breakout_more_rooms_than_members(rooms: i64, present: usize) -> String {
    format!(
        "{} {} present in this session, so {rooms} threads would leave some empty. Ask for at most {present}.",
        present,
        if present == 1 {
            "member is"
        } else {
            "members are"
        }
    )
}

pub fn breakout_nobody() -> String {
    "Nobody is present in this session yet (members count once they write, vote, raise a hand or join the voice channel).".into()
}

pub fn breakout_running() -> String {
    "A breakout is already running in this session; it ends by itself when its time is up.".into()
}

pub fn breakout_started(rooms: usize, minutes: i64, how: &str) -> String {
    format!(
        "Breakout: {rooms} thread{} for {}, {how}. Each thread gets a question; at the end each is asked for a one-line report-back.",
        if rooms == 1 { "" } else { "s" },
        minutes_words(minutes)
    )
}

pub fn breakout_by_chance() -> String {
    "members split at random".into()
}

pub fn breakout_by_opinion() -> String {
    "each thread mixing the opinion map's groups".into()
}

pub fn breakout_no_groups(reason: &str) -> String {
    format!("members split at random, since the opinion map has no groups ({reason})")
}

pub fn room_name(seq: i64, of: i64) -> String {
    format!("Breakout {seq} of {of}")
}

pub fn room_post(seq: i64, of: i64, members: &[String], prompt: &str, until: &str) -> String {
    format!(
        "## Breakout {seq} of {of}\n**Members:** {}\n**Until:** {until}\n\n**Question:** {prompt}\n\nWhen the time is up the bot asks for a one-line report-back here.",
        if members.is_empty() {
            "—".to_string()
        } else {
            members.join(", ")
        }
    )
}

pub fn room_ask() -> String {
    "⏰ Time is up. One of you, please answer here with this thread's report-back in one line: the first answer is gathered into the main thread.".into()
}

pub fn default_prompt(item: Option<&str>) -> String {
    match item {
        Some(t) => {
            format!("What is the strongest point made so far on \"{t}\", and what is its weakest?")
        }
        None => "What is the strongest point of the reading, and what is its weakest?".into(),
    }
}

pub fn gathered_header(n: usize) -> String {
    format!(
        "## Breakout report-backs ({n} thread{})",
        if n == 1 { "" } else { "s" }
    )
}

pub fn gathered_line(seq: i64, report: Option<(&str, &str)>) -> String {
    match report {
        Some((who, text)) => format!("- **Thread {seq}** ({who}): {text}"),
        None => format!("- **Thread {seq}**: no report-back"),
    }
}

// ---- open actions and presence --------------------------------------------------------

pub fn attendance_header() -> String {
    "**Attendance at live sessions** (who wrote, voted, raised a hand, took notes or was in voice)"
        .into()
}
