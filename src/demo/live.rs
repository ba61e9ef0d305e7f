//! `colloquy demo --live`: an evening seminar run from the chat, offline, printed as a chat
//! log. A timed agenda announced and moved on by the schedule, members in the voice
//! channel, a speaking queue (made progressive), a poll, notes and a decision, breakout
//! threads with their report-backs, action items (one for someone who is not a member,
//! refused), the summary and the minutes; a week later the next session opens with the
//! open actions. Scripted, so every run prints the same seminar.

use anyhow::{Context, Result};
use chrono::{Duration, TimeZone, Utc};

use super::DemoOptions;
use crate::domain::command::{ExportFormat, Role};
use crate::domain::ids::{ChannelKey, Platform};
use crate::platform::console::{ConsoleChat, Sink};

/// What the live demo did (for tests and the README).
#[derive(Debug, Clone)]
pub struct LiveDemoReport {
    pub session_id: i64,
    /// The seminar's minutes, as `export --format md` writes them.
    pub minutes: String,
    pub summary: String,
}

const FACILITATOR: &str = "Prof. Okafor";

/// A facilitator's command.
async fn fac(chat: &mut ConsoleChat, line: &str) {
    chat.command(FACILITATOR, Role::Facilitator, line).await
}

/// Run the live seminar, printing the chat log to `out`.
pub async fn run_live(options: DemoOptions, out: Sink) -> Result<LiveDemoReport> {
    let super::Stage {
        text,
        store,
        clock,
        engine,
        port,
    } = super::stage(&options, out, (17, 50)).await?;
    let mut chat = ConsoleChat::new(
        engine.clone(),
        port.clone(),
        ChannelKey::new(Platform::Console, "demo"),
    );
    // The clock moves to a local time on the day (`day` days later) and the schedule runs.
    let at = |day: i64, h: u32, m: u32| {
        let t = Utc
            .with_ymd_and_hms(2026, 3, 2, h, m, 0)
            .single()
            .map(|t| t + Duration::days(day));
        if let Some(t) = t {
            clock.set(t);
        }
    };
    port.print(&format!(
        "colloquy demo --live · an evening seminar run from the chat · database {}",
        options.db.display()
    ));
    port.print("────────────────────────────────────────────────────────────");
    fac(&mut chat, "setup --tz Europe/London --time 09:00 --days mon-fri --summary-time 22:00 --name \"Northmere IR seminar\"").await;
    port.print(&format!(
        "  ({FACILITATOR} attaches hedging-without-allies.txt)"
    ));
    chat.attach("hedging-without-allies.txt".into(), text);
    fac(&mut chat, "reading import").await;
    // Tonight is a live seminar: the daily posts wait, and the first excerpt goes up now.
    fac(&mut chat, "schedule pause").await;
    fac(&mut chat, "excerpt next").await;
    chat.tick().await;
    let group = store
        .group_by_channel(&chat.channel)
        .await?
        .context("the demo group")?;

    // Before the start: three members are in the voice channel.
    at(0, 17, 57);
    for who in ["Amara", "Bruno", "Chen"] {
        chat.voice(who, true).await;
    }
    at(0, 18, 0);
    fac(
        &mut chat,
        "session start --title \"Week 3: hedging without allies\"",
    )
    .await;
    fac(&mut chat, "agenda set \"Opening 5m | Part I: why small states hedge 20m | Breakouts 15m | Wrap-up and actions 10m\"").await;
    chat.tick().await;
    fac(&mut chat, "agenda start").await;
    chat.tick().await;
    chat.speak_as(FACILITATOR, Role::Facilitator);
    at(0, 18, 1);
    chat.say_channel(
        "Amara",
        "Opening question: is hedging a strategy or just a delay of the choice?",
    )
    .await;
    at(0, 18, 2);
    chat.say_channel(
        "Dalia",
        "I read it as a strategy: keeping options open has a price the author makes explicit.",
    )
    .await;
    chat.command(
        "Emeka",
        Role::Member,
        "note the group wants to compare hedging with neutrality",
    )
    .await;
    at(0, 18, 3);
    chat.tick().await; // two minutes left for the opening
    at(0, 18, 5);
    chat.tick().await; // Part I starts on its own
    at(0, 18, 6);
    chat.command(
        "Chen",
        Role::Member,
        "hand the evidence on ports and cables",
    )
    .await;
    chat.command("Amara", Role::Member, "hand").await;
    chat.command("Freya", Role::Member, "hand a counter-example")
        .await;
    chat.command("Amara", Role::Member, "hand").await; // twice: refused
    fac(&mut chat, "queue mode progressive").await;
    chat.command("Amara", Role::Member, "queue").await;
    fac(&mut chat, "queue next").await;
    at(0, 18, 8);
    chat.say_channel(
        "Chen",
        "The evidence on ports and cables shows leverage, but only while the partners compete.",
    )
    .await;
    fac(&mut chat, "queue next").await;
    at(0, 18, 10);
    chat.say_channel(
        "Freya",
        "A counter-example: a state that hedged too long lost both partners' trust.",
    )
    .await;
    fac(
        &mut chat,
        "poll create \"Hedging is a strategy, not indecision\" --minutes 8",
    )
    .await;
    chat.tick().await;
    let poll = store
        .latest_poll(group.id)
        .await?
        .context("the seminar's poll")?
        .id;
    for (who, vote) in [
        ("Amara", "agree"),
        ("Bruno", "agree"),
        ("Chen", "unsure"),
        ("Dalia", "agree"),
        ("Emeka", "disagree"),
    ] {
        at(0, 18, 11);
        chat.command(who, Role::Member, &format!("vote {poll} {vote}"))
            .await;
    }
    at(0, 18, 19);
    chat.tick().await; // the poll closes
    fac(&mut chat, "queue next").await;
    chat.say_channel(
        "Amara",
        "Then the question is how long a state can keep both doors open.",
    )
    .await;
    fac(
        &mut chat,
        "decision next week we compare hedging with Swiss-style neutrality",
    )
    .await;
    at(0, 18, 23);
    chat.tick().await; // two minutes left for Part I
    fac(&mut chat, "agenda extend 3m").await;
    at(0, 18, 28);
    chat.tick().await; // the breakouts item starts
    fac(&mut chat, "breakout 0").await; // refused
    fac(&mut chat, "breakout 9").await; // more threads than members present: refused
    fac(&mut chat, "breakout 2 --minutes 10").await;
    chat.tick().await;
    let session = store
        .open_live_session(group.id)
        .await?
        .context("the live session")?;
    let breakout = store
        .session_breakouts(session.id)
        .await?
        .into_iter()
        .last()
        .context("the breakout")?;
    let rooms = store.breakout_rooms(breakout.id).await?;
    let lines = [
        "We think hedging works only while the great powers compete for the small state.",
        "Agreed; once they stop competing, the options close fast.",
        "Our thread says the domestic consensus matters more than the author admits.",
        "And that consensus is what lets a government say no.",
    ];
    let mut said = 0;
    for room in &rooms {
        let thread = room.thread_id.clone().context("a breakout thread")?;
        let members = store.breakout_room_members(room.id).await?;
        for (_, name) in members.iter().take(2) {
            at(0, 18, 30 + said as u32);
            chat.say_in(name, &thread, lines[said % lines.len()]).await;
            said += 1;
        }
    }
    at(0, 18, 38);
    chat.tick().await; // time is up: each thread is asked for its report-back
    let reports = [
        "Hedging lasts only as long as the great powers compete.",
        "Domestic consensus is the hidden condition of hedging.",
    ];
    for (i, room) in rooms.iter().enumerate() {
        let thread = room.thread_id.clone().context("a breakout thread")?;
        let members = store.breakout_room_members(room.id).await?;
        if let Some((_, name)) = members.first() {
            at(0, 18, 39);
            chat.say_in(name, &thread, reports[i % reports.len()]).await;
        }
    }
    chat.tick().await; // the report-backs are gathered here
    at(0, 18, 43);
    chat.tick().await; // the wrap-up starts
    fac(
        &mut chat,
        "action @Chen circulate a one-page summary of the ports evidence --due friday",
    )
    .await;
    fac(&mut chat, "action @Zed book the room for next week").await; // not a member: refused
    fac(
        &mut chat,
        "action @Dalia find a reading on Swiss neutrality --due 2026-03-09",
    )
    .await;
    chat.command("Emeka", Role::Member, "actions").await;
    at(0, 18, 47);
    chat.voice("Bruno", false).await;
    at(0, 18, 50);
    chat.tick().await;
    fac(&mut chat, "agenda status").await;
    fac(&mut chat, "session end").await;
    chat.tick().await;
    let summary = store
        .session_summary(session.id)
        .await?
        .map(|s| s.body)
        .unwrap_or_default();
    let files = engine
        .export(&group, ExportFormat::Markdown, Some(session.id))
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let minutes = files
        .first()
        .map(|f| String::from_utf8_lossy(&f.bytes).to_string())
        .unwrap_or_default();
    port.print("────────────────────────────────────────────────────────────");
    port.print(&format!(
        "The minutes ({FACILITATOR} runs `export --format md --session {}`):",
        session.id
    ));
    port.print("");
    for line in minutes.lines() {
        port.print(&format!("  {line}"));
    }

    // A week later: the next session opens with the open action items.
    port.print("────────────────────────────────────────────────────────────");
    at(7, 18, 0);
    fac(
        &mut chat,
        "session start --title \"Week 4: hedging and neutrality\"",
    )
    .await;
    chat.tick().await;
    let open = store.open_actions(group.id).await?;
    if let Some(first) = open.first() {
        chat.command("Chen", Role::Member, &format!("action done {}", first.id))
            .await;
    }
    chat.command("Emeka", Role::Member, "actions").await;
    port.print("────────────────────────────────────────────────────────────");
    port.print(&format!(
        "The database stays at {}. Try: colloquy export --group console:demo --format md --db {}",
        options.db.display(),
        options.db.display()
    ));
    store.close().await;
    Ok(LiveDemoReport {
        session_id: session.id,
        minutes,
        summary,
    })
}
