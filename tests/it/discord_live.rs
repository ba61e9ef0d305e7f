//! Issue 18 on Discord end to end (the real serenity + poise client against the fake
//! Discord, the bot's clock and the fake's moved forward together): a short live seminar
//! with its agenda, the Raise hand button and `/queue next`, a member only in the voice
//! channel and one writing, a note, a decision and an action, a breakout of two threads with
//! report-backs, and the session's end, whose posted record holds all of it; and
//! `/setup voice_channel:` with what a facilitator may give it, right and wrong.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::Row;

use crate::common::discord_app::{Bot, WAIT, answer, db, slash, wait_db};
use crate::common::fake_discord::{
    FakeDiscord, GUILD_VOICE_STATES, InteractionReply, Person, SlashCommand, VoiceFlags,
};
use crate::discord_bot::{People, people, post_excerpt, setup_and_import};

/// The machine's clock plus how far the test has let time pass.
#[derive(Clone, Default)]
struct Shifted(Arc<AtomicI64>);

impl colloquy::ports::Clock for Shifted {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + chrono::Duration::milliseconds(self.0.load(Ordering::SeqCst))
    }
}

/// Let `minutes` pass for the bot and for the fake alike, then run the scheduler's step.
async fn pass(fake: &FakeDiscord, clock: &Shifted, bot: &Bot, minutes: i64) {
    clock.0.fetch_add(minutes * 60_000, Ordering::SeqCst);
    fake.advance(Duration::from_secs(minutes as u64 * 60));
    colloquy::engine::scheduler::run_due(&bot.engine)
        .await
        .expect("the scheduler's step");
}

fn text(a: &InteractionReply) -> String {
    a.content.clone().unwrap_or_default()
}

/// Open voice stays (presence rows without a leave) of the member named `name`.
async fn open_stays(pool: &sqlx::SqlitePool, name: &str) -> Option<i64> {
    sqlx::query(
        "SELECT COUNT(*) FROM presence p JOIN members m ON m.key = p.member_key
         WHERE m.display_name = ?1 AND p.left_at IS NULL",
    )
    .bind(name)
    .fetch_one(pool)
    .await
    .ok()
    .map(|r| r.get::<i64, _>(0))
}

/// Waits until `name` has `n` open voice stays (the bot has handled the voice state).
async fn wait_open(pool: &sqlx::SqlitePool, name: &str, n: i64) {
    wait_db(
        pool,
        &format!("{name} with {n} open voice stays"),
        WAIT,
        |p| {
            let name = name.to_string();
            async move { (open_stays(&p, &name).await == Some(n)).then_some(()) }
        },
    )
    .await;
}

/// Stays of `name` that ended (a leave recorded).
async fn closed_stays(pool: &sqlx::SqlitePool, name: &str) -> i64 {
    sqlx::query(
        "SELECT COUNT(*) FROM presence p JOIN members m ON m.key = p.member_key
         WHERE m.display_name = ?1 AND p.left_at IS NOT NULL",
    )
    .bind(name)
    .fetch_one(pool)
    .await
    .map(|r| r.get::<i64, _>(0))
    .unwrap_or(-1)
}

async fn voice_channel_of_group(pool: &sqlx::SqlitePool) -> Option<String> {
    sqlx::query("SELECT voice_channel FROM groups")
        .fetch_one(pool)
        .await
        .expect("the group")
        .get(0)
}

/// `/setup voice_channel:<given>` by `who`.
async fn set_voice(fake: &FakeDiscord, who: &Person, given: &str) -> InteractionReply {
    slash(
        fake,
        who,
        SlashCommand::new("setup").str("voice_channel", given),
    )
    .await
    .1
}

async fn started(fake: &FakeDiscord, p: &People) -> (Shifted, Bot, tempfile::TempDir) {
    let clock = Shifted::default();
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start_with_clock(fake, dir.path(), Arc::new(clock.clone())).await;
    setup_and_import(fake, p).await;
    (clock, bot, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_live_seminar_with_voice_attendance_end_to_end() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let room = fake.add_voice_channel("Seminar Voice");
    let lounge = fake.add_voice_channel("Lounge");
    let eve = fake.member("eve");
    let dj = fake.other_bot("dj");
    let (clock, bot, _dir) = started(&fake, &p).await;
    let identify = fake.gateway_stats().last_identify.expect("an IDENTIFY");
    assert_ne!(
        identify["intents"].as_u64().unwrap_or(0) & GUILD_VOICE_STATES,
        0,
        "the bot asks for voice states"
    );
    let pool = db(&bot.db).await;
    post_excerpt(&fake, &p).await;

    // The voice channel, by the name a facilitator sees.
    let a = set_voice(&fake, &p.fay, "seminar voice").await;
    assert!(!a.ephemeral, "{a:?}");
    assert!(
        text(&a).contains("voice channel “Seminar Voice” count as present"),
        "{a:?}"
    );
    assert_eq!(
        voice_channel_of_group(&pool).await,
        Some(format!("discord:{room}"))
    );

    // Before the start: eve joins the voice channel (and only listens all evening); a bot
    // joins too and is never counted.
    fake.voice_join(&eve, room);
    fake.voice_join(&dj, room);
    wait_open(&pool, "eve", 1).await;

    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("session")
            .sub("start")
            .str("title", "Week 5"),
    )
    .await;
    assert!(!a.ephemeral, "{a:?}");
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("agenda")
            .sub("set")
            .str("agenda", "Opening 5m | Close reading 20m | Wrap-up 10m"),
    )
    .await;
    assert!(text(&a).contains("3 items, 35 min"), "{a:?}");
    let channel = fake.ids().channel_id;
    let agenda_post = fake
        .wait_for_message(channel, WAIT, |m| {
            m.content.contains("## Agenda (35 min in all)") && !m.components.is_empty()
        })
        .await;
    let buttons = serde_json::to_string(&agenda_post.components).expect("components");
    let raise = buttons
        .split('"')
        .find(|s| s.starts_with("cq:hand-up:"))
        .unwrap_or_else(|| panic!("no Raise hand button: {buttons}"))
        .to_string();
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("agenda").sub("start")).await;
    assert!(!text(&a).is_empty(), "{a:?}");

    // bob raises his hand with the button; the facilitator gives him the floor.
    let a = answer(&fake, &fake.click(&p.bob, agenda_post.id.get(), &raise)).await;
    assert!(a.ephemeral, "{a:?}");
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("queue").sub("next")).await;
    assert!(text(&a).contains("bob"), "the floor goes to bob: {a:?}");
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("queue").sub("next")).await;
    assert!(a.ephemeral, "an empty queue is refused privately: {a:?}");

    // cat writes; notes, a decision and an action for bob.
    fake.user_message(
        &p.cat,
        "The Melian dialogue reads like a negotiation that was never one.",
    )
    .send();
    let (_, a) = slash(
        &fake,
        &p.cat,
        SlashCommand::new("note").str("text", "Power and justice split early in book V"),
    )
    .await;
    assert!(!a.ephemeral, "{a:?}");
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("decision").str("text", "Next week starts at the Melian dialogue"),
    )
    .await;
    assert!(!a.ephemeral, "{a:?}");
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("action")
            .sub("add")
            .user("member", &p.bob)
            .str("text", "Compare two translations of the dialogue"),
    )
    .await;
    assert!(text(&a).contains("for **bob**"), "{a:?}");

    // Three minutes on: the next item; dan joins voice, then moves to the lounge (a leave
    // for the seminar); eve mutes herself (nothing changes).
    pass(&fake, &clock, &bot, 3).await;
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("agenda").sub("next")).await;
    assert!(text(&a).contains("Close reading"), "{a:?}");
    fake.voice_join(&p.dan, room);
    wait_open(&pool, "dan", 1).await;
    pass(&fake, &clock, &bot, 2).await;
    fake.voice_flags(
        &eve,
        VoiceFlags {
            self_mute: true,
            ..VoiceFlags::default()
        },
    );
    fake.voice_join(&p.dan, lounge);
    wait_open(&pool, "dan", 0).await;
    assert_eq!(closed_stays(&pool, "dan").await, 1);
    assert_eq!(
        open_stays(&pool, "eve").await,
        Some(1),
        "muting is no leave"
    );
    assert_eq!(
        open_stays(&pool, "dj").await.unwrap_or(0),
        0,
        "bots are not counted"
    );

    // A breakout of two threads for a minute; each thread reports back.
    let threads_before = fake.threads().len();
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("breakout")
            .int("rooms", 2)
            .int("minutes", 1),
    )
    .await;
    assert!(!a.ephemeral, "{a:?}");
    let rooms = fake
        .wait_for("two breakout threads", WAIT, |f| {
            let t = f.threads();
            (t.len() >= threads_before + 2).then(|| {
                t[threads_before..]
                    .iter()
                    .map(|c| c.id.get())
                    .collect::<Vec<_>>()
            })
        })
        .await;
    pass(&fake, &clock, &bot, 2).await;
    for (thread, (who, line)) in rooms.iter().zip([
        (&p.bob, "We think the Athenians never meant to listen."),
        (&p.cat, "Our thread: justice only binds equals."),
    ]) {
        // The thread opens on the room's post in the channel; the ask is its first message.
        fake.wait_for_message(*thread, WAIT, |m| m.author.bot).await;
        fake.user_message(who, line).channel(*thread).send();
    }
    wait_db(&pool, "both report-backs", WAIT, |p| async move {
        let n: i64 = sqlx::query("SELECT COUNT(*) FROM breakout_rooms WHERE report IS NOT NULL")
            .fetch_one(&p)
            .await
            .ok()?
            .get(0);
        (n == 2).then_some(())
    })
    .await;
    pass(&fake, &clock, &bot, 1).await;
    fake.wait_for_message(channel, WAIT, |m| {
        m.content.contains("Breakout report-backs (2 threads)")
    })
    .await;

    // eve leaves; the session ends and its record is posted.
    pass(&fake, &clock, &bot, 2).await;
    fake.voice_leave(&eve);
    wait_open(&pool, "eve", 0).await;
    pass(&fake, &clock, &bot, 1).await;
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("session").sub("end")).await;
    assert!(!text(&a).is_empty(), "{a:?}");
    pass(&fake, &clock, &bot, 1).await;
    let record = fake
        .wait_for_message(channel, WAIT, |m| m.content.contains("**Attendance**"))
        .await;
    // The record may be split over several posts: take the ones from the first on.
    let posts: Vec<String> = fake
        .messages_in(channel)
        .into_iter()
        .filter(|m| m.id >= record.id || m.content.contains("**By agenda item**"))
        .map(|m| m.content)
        .collect();
    let minutes = posts.join("\n");
    for item in ["**1. Opening**", "**2. Close reading**", "**3. Wrap-up**"] {
        assert!(minutes.contains(item), "{item} missing:\n{minutes}");
    }
    assert!(
        minutes.contains("Note: Power and justice split early in book V"),
        "{minutes}"
    );
    assert!(
        minutes.contains("**Decision:** Next week starts at the Melian dialogue"),
        "{minutes}"
    );
    let action = minutes
        .lines()
        .find(|l| l.contains("Compare two translations of the dialogue"))
        .unwrap_or_else(|| panic!("no action:\n{minutes}"));
    assert!(
        action.contains("bob"),
        "the action names its owner: {action}"
    );
    assert!(
        minutes.contains("We think the Athenians never meant to listen.")
            && minutes.contains("Our thread: justice only binds equals."),
        "the report-backs are in the record:\n{minutes}"
    );
    let attendee = |name: &str| -> (String, String, String) {
        let line = minutes
            .lines()
            .find(|l| l.starts_with(&format!("- {name}: ")))
            .unwrap_or_else(|| panic!("{name} is not in the attendance:\n{minutes}"));
        let rest = &line[format!("- {name}: ").len()..];
        let (times, how) = rest.split_once(" (").expect("times (how)");
        let (from, to) = times.split_once('–').expect("from–to");
        (
            from.to_string(),
            to.to_string(),
            how.trim_end_matches(')').to_string(),
        )
    };
    // eve never wrote: she is there through the voice channel, from the start (she came
    // before it) to her leave, ten minutes on.
    let (from, to, how) = attendee("eve");
    assert_eq!(how, "in voice");
    assert!(to > from, "eve left after she came: {from}–{to}");
    let (from, to, how) = attendee("dan");
    assert_eq!(how, "in voice");
    assert!(
        to > from,
        "dan's move to the lounge is his leave: {from}–{to}"
    );
    assert!(attendee("bob").2.contains("raised a hand"));
    assert!(attendee("cat").2.contains("wrote"));
    assert!(
        !minutes.contains("- dj:"),
        "a bot in voice is not an attendee:\n{minutes}"
    );
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_setup_voice_channel_refuses_what_is_no_voice_channel() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let room = fake.add_voice_channel("Seminar Voice");
    let stage = fake.add_stage_channel("Town Hall");
    let twin_a = fake.add_voice_channel("Twin");
    fake.add_voice_channel("twin");
    let (_clock, bot, _dir) = started(&fake, &p).await;
    let pool = db(&bot.db).await;
    let text_channel = fake.ids().channel_id;

    // Autocomplete offers the voice and stage channels only, by id.
    let ac = fake.autocomplete(
        &p.fay,
        SlashCommand::new("setup").focused("voice_channel", "s"),
    );
    let r = fake.wait_for_interaction_response(&ac.token, WAIT).await;
    assert_eq!(r.callback_type(), Some(8));
    let offered: Vec<(String, String)> = r
        .choices()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or_default().to_string(),
                c["value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        offered,
        [("🔊 Seminar Voice".to_string(), room.to_string())],
        "only voice channels whose name has an s… and 'Town Hall' has none"
    );

    // Wrong: a text channel (by name, mention or id), an unknown id or name, two channels
    // of one name. Each is a private message and changes nothing.
    for (given, says) in [
        (
            "reading-room",
            "“reading-room” is not a voice or stage channel",
        ),
        (
            &format!("<#{text_channel}>"),
            "“reading-room” is not a voice or stage channel",
        ),
        (&text_channel.to_string(), "is not a voice or stage channel"),
        (
            "123456789012345678",
            "There is no channel “123456789012345678”",
        ),
        ("#nowhere", "There is no channel “#nowhere”"),
        ("twin", "2 voice channels are named “twin”"),
    ] {
        let a = set_voice(&fake, &p.fay, given).await;
        assert!(a.ephemeral, "{given}: {a:?}");
        assert!(text(&a).contains(says), "{given}: {a:?}");
        assert_eq!(
            voice_channel_of_group(&pool).await,
            None,
            "{given} changed it"
        );
    }
    // A member may not change it, whatever the channel.
    for given in ["Seminar Voice", "nowhere"] {
        let a = set_voice(&fake, &p.bob, given).await;
        assert!(a.ephemeral && text(&a).contains("facilitator"), "{a:?}");
    }
    assert_eq!(voice_channel_of_group(&pool).await, None);

    // Right: a stage channel by mention, a voice channel by id, then none.
    let a = set_voice(&fake, &p.fay, &format!("<#{stage}>")).await;
    assert!(text(&a).contains("“Town Hall”"), "{a:?}");
    assert_eq!(
        voice_channel_of_group(&pool).await,
        Some(format!("discord:{stage}"))
    );
    let a = set_voice(&fake, &p.fay, &twin_a.to_string()).await;
    assert!(text(&a).contains("“Twin”"), "{a:?}");
    // Someone in a voice channel the group does not follow is not present.
    fake.voice_join(&p.cat, room);
    let a = set_voice(&fake, &p.fay, "none").await;
    assert!(!a.ephemeral, "{a:?}");
    assert!(text(&a).contains("no voice channel is followed"), "{a:?}");
    assert_eq!(voice_channel_of_group(&pool).await, None);
    assert_eq!(open_stays(&pool, "cat").await.unwrap_or(0), 0);
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_voice_changes_while_the_bot_was_away_are_caught_up() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let room = fake.add_voice_channel("Seminar Voice");
    let eve = fake.member("eve");
    let dj = fake.other_bot("dj");
    let (_clock, bot, dir) = started(&fake, &p).await;
    let a = set_voice(&fake, &p.fay, "Seminar Voice").await;
    assert!(!a.ephemeral, "{a:?}");
    let pool = db(&bot.db).await;
    fake.voice_join(&eve, room);
    fake.voice_join(&p.cat, room);
    wait_open(&pool, "eve", 1).await;
    wait_open(&pool, "cat", 1).await;
    bot.stop().await;
    // While the bot is away (its events are lost, as on Discord): eve leaves, dan and a
    // bot come, cat stays.
    fake.voice_leave(&eve);
    fake.voice_join(&p.dan, room);
    fake.voice_join(&dj, room);
    let bot = Bot::start_with_clock(&fake, dir.path(), Arc::new(Shifted::default())).await;
    // The server's voice states on reconnecting catch it up.
    wait_open(&pool, "eve", 0).await;
    wait_open(&pool, "dan", 1).await;
    assert_eq!(closed_stays(&pool, "eve").await, 1);
    assert_eq!(
        open_stays(&pool, "cat").await,
        Some(1),
        "cat stayed: one stay"
    );
    assert_eq!(closed_stays(&pool, "cat").await, 0);
    assert_eq!(open_stays(&pool, "dj").await.unwrap_or(0), 0);
    fake.assert_no_unknown_routes();
    bot.stop().await;
}
