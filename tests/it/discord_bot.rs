//! The Discord adapter end to end: the real `platform::discord::start` (serenity + poise)
//! against the fake Discord on 127.0.0.1, with the scheduler/outbox loop running.
//! Assertions read the fake's recorded requests and the bot's SQLite file.

use std::time::{Duration, Instant};

use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
use colloquy::ports::{Content, ExcerptPost, FileOut, Outgoing};
use serde_json::Value;
use sqlx::Row;

use crate::common::discord_app::{
    Bot, WAIT, answer, choice, db, hold_workers, reading, slash, wait_db,
};
use crate::common::fake_discord::{
    FakeDiscord, FakeOptions, Person, ReplyKind, ResumePolicy, SlashCommand,
};

/// HH:MM (UTC) some hours from now: schedule times that never fall inside a test.
fn hours_from_now(h: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(h))
        .format("%H:%M")
        .to_string()
}

pub(crate) struct People {
    pub(crate) ada: Person,
    pub(crate) fay: Person,
    pub(crate) bob: Person,
    pub(crate) cat: Person,
    pub(crate) dan: Person,
}

pub(crate) fn people(fake: &FakeDiscord) -> People {
    People {
        ada: fake.admin("ada"),
        fay: fake.facilitator("fay"),
        bob: fake.member("bob"),
        cat: fake.member("cat"),
        dan: fake.member("dan"),
    }
}

/// The group's channel as the engine names it.
fn channel_key(fake: &FakeDiscord) -> ChannelKey {
    ChannelKey::new(Platform::Discord, fake.ids().channel_id.to_string())
}

/// `/setup` by an admin (Manage Server), then `/reading import` of a reading the test
/// writes, by a member with the Facilitator role.
pub(crate) async fn setup_and_import(fake: &FakeDiscord, p: &People) {
    let (_, a) = slash(
        fake,
        &p.ada,
        SlashCommand::new("setup")
            .str("tz", "UTC")
            .str("time", &hours_from_now(3))
            .str("summary_time", &hours_from_now(6)),
    )
    .await;
    assert!(!a.ephemeral, "setup answers the channel: {a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("reading group"),
        "{a:?}"
    );
    let file = fake.add_attachment("institutions.md", reading(8).as_bytes(), "text/markdown");
    let i = fake.slash(
        &p.fay,
        SlashCommand::new("reading")
            .sub("import")
            .attachment("file", file),
    );
    let a = answer(fake, &i).await;
    let replies = fake.interaction_responses(&i.token);
    assert_eq!(replies[0].callback_type(), Some(5), "import defers first");
    assert!(!replies[0].ephemeral);
    assert_eq!(a.kind, ReplyKind::Followup);
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Imported **Institutions and Trust**"),
        "{a:?}"
    );
    assert_eq!(fake.requests_matching("GET", "/attachments/").len(), 1);
}

/// `/excerpt next`; returns the excerpt post's id (= its thread's id) once posted.
pub(crate) async fn post_excerpt(fake: &FakeDiscord, p: &People) -> u64 {
    let threads = fake.threads().len();
    let (_, a) = slash(fake, &p.fay, SlashCommand::new("excerpt").sub("next")).await;
    assert!(a.ephemeral, "{a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Posting the next excerpt"),
        "{a:?}"
    );
    let thread = fake
        .wait_for("the excerpt's thread", WAIT, |f| {
            let t = f.threads();
            (t.len() > threads).then(|| t[t.len() - 1].clone())
        })
        .await;
    thread.id.get()
}

/// The session whose thread is `thread`.
async fn session_of(pool: &sqlx::SqlitePool, thread: u64) -> i64 {
    wait_db(
        pool,
        "the session's thread anchor",
        WAIT,
        |pool| async move {
            sqlx::query_scalar::<_, i64>("SELECT id FROM sessions WHERE thread_id = ?")
                .bind(thread.to_string())
                .fetch_optional(&pool)
                .await
                .ok()
                .flatten()
        },
    )
    .await
}

async fn reply_count(pool: &sqlx::SqlitePool, session: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM replies WHERE session_id = ?")
        .bind(session)
        .fetch_one(pool)
        .await
        .expect("count")
}

async fn wait_replies(pool: &sqlx::SqlitePool, session: i64, n: i64) {
    wait_db(pool, &format!("{n} replies"), WAIT, |pool| async move {
        (reply_count(&pool, session).await >= n).then_some(())
    })
    .await;
}

/// Every message the bot sent pings nobody.
fn assert_no_pings(fake: &FakeDiscord) {
    let mut checked = 0;
    for r in fake.requests() {
        let writes = r.method == "POST" || r.method == "PATCH";
        let sends = (writes && r.path.starts_with("/channels/") && r.path.contains("/messages"))
            || (writes && r.path.starts_with("/webhooks/"))
            || r.path.ends_with("/callback");
        let Some(json) = r.json() else { continue };
        let body = if r.path.ends_with("/callback") {
            &json["data"]
        } else {
            json
        };
        if !sends || body.is_null() || body["content"].is_null() {
            continue;
        }
        assert_eq!(
            body["allowed_mentions"]["parse"],
            serde_json::json!([]),
            "{} {} may ping: {body}",
            r.method,
            r.path
        );
        checked += 1;
    }
    assert!(checked > 0, "no message with text was sent to check");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_a_groups_day_end_to_end() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;

    // Commands are registered on the configured server, one per verb.
    let (global, guild) = fake.commands();
    assert!(global.is_empty());
    let names: Vec<&str> = guild.iter().filter_map(|c| c["name"].as_str()).collect();
    for n in [
        "setup", "reading", "excerpt", "schedule", "poll", "vote", "session", "summary", "stats",
        "export", "privacy", "help",
    ] {
        assert!(names.contains(&n), "/{n} is not registered: {names:?}");
    }

    // A member without rights is refused, privately, with what to do.
    let (_, a) = slash(&fake, &p.bob, SlashCommand::new("setup").str("tz", "UTC")).await;
    assert!(a.ephemeral, "{a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Only facilitators can use `setup`"),
        "{a:?}"
    );
    assert!(fake.messages_in(fake.ids().channel_id).is_empty());

    setup_and_import(&fake, &p).await;
    let zone: String = sqlx::query_scalar("SELECT time_zone FROM groups WHERE channel = ?")
        .bind(channel_key(&fake).to_string())
        .fetch_one(&pool)
        .await
        .expect("the group is in the database");
    assert_eq!(zone, "UTC");

    // A member refused on a slow verb too: no deferral, no download.
    let (i, a) = slash(&fake, &p.bob, SlashCommand::new("export")).await;
    assert!(a.ephemeral && a.callback_type() == Some(4), "{a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("facilitator"),
        "{a:?}"
    );
    assert_eq!(fake.interaction_responses(&i.token).len(), 1);

    // The excerpt: an embed with title, position, text and questions, and its thread.
    let thread = post_excerpt(&fake, &p).await;
    let post = fake.message(thread).expect("the excerpt post");
    assert_eq!(post.channel_id.get(), fake.ids().channel_id);
    let embed = &post.embeds[0];
    assert_eq!(embed.title.as_deref(), Some("Institutions and Trust"));
    let position = embed
        .author
        .as_ref()
        .map(|a| a.name.clone())
        .unwrap_or_default();
    assert!(position.starts_with("Excerpt 1 of "), "{position}");
    assert!(
        embed
            .description
            .as_deref()
            .unwrap_or_default()
            .contains("institutional trust"),
        "{embed:?}"
    );
    let questions = embed
        .fields
        .iter()
        .find(|f| f.name == "Questions for discussion")
        .expect("the questions");
    assert!(questions.value.starts_with("1. "), "{questions:?}");
    let send = fake
        .requests()
        .into_iter()
        .find(|r| {
            r.is(
                "POST",
                &format!("/channels/{}/messages", fake.ids().channel_id),
            )
        })
        .expect("the excerpt send");
    let body = send.json().expect("json").clone();
    assert_eq!(body["enforce_nonce"], true);
    assert!(
        body["nonce"]
            .as_str()
            .unwrap_or_default()
            .starts_with("cq-"),
        "{body}"
    );
    let session = session_of(&pool, thread).await;
    let anchored: (Option<String>, Option<String>) =
        sqlx::query_as("SELECT post_message_id, thread_id FROM sessions WHERE id = ?")
            .bind(session)
            .fetch_one(&pool)
            .await
            .expect("session");
    assert_eq!(
        anchored,
        (Some(thread.to_string()), Some(thread.to_string()))
    );

    // Three members reply in the thread (one edits, one deletes), one replies to the post.
    let b1 = fake
        .user_message(&p.bob, "Predictable courts lower the cost of cooperation.")
        .channel(thread)
        .send();
    let c1 = fake
        .user_message(&p.cat, "Trust follows rules only slowly.")
        .channel(thread)
        .send();
    let d1 = fake
        .user_message(&p.dan, "I disagree with the whole premise, @everyone.")
        .channel(thread)
        .send();
    let b2 = fake
        .user_message(&p.bob, "Coalitions complicate this.")
        .reply_to(thread)
        .send();
    fake.user_message(&p.cat, "Off-topic chatter in the channel.")
        .send();
    wait_replies(&pool, session, 4).await;
    fake.edit_user_message(c1, "Trust follows rules, but only slowly and unevenly.");
    fake.delete_user_message(thread, d1);
    wait_db(&pool, "the edit and the deletion", WAIT, |pool| async move {
        let rows = sqlx::query(
            "SELECT message_id, text, edited_at, deleted_at FROM replies WHERE message_id IN (?, ?)",
        )
        .bind(c1.to_string())
        .bind(d1.to_string())
        .fetch_all(&pool)
        .await
        .ok()?;
        let edited = rows.iter().any(|r| {
            r.get::<String, _>("message_id") == c1.to_string()
                && r.get::<Option<i64>, _>("edited_at").is_some()
                && r.get::<String, _>("text").contains("unevenly")
        });
        let deleted = rows.iter().any(|r| {
            r.get::<String, _>("message_id") == d1.to_string()
                && r.get::<Option<i64>, _>("deleted_at").is_some()
        });
        (edited && deleted).then_some(())
    })
    .await;
    let rows = sqlx::query("SELECT message_id, member_key, reply_to, text FROM replies WHERE session_id = ? ORDER BY id")
        .bind(session)
        .fetch_all(&pool)
        .await
        .expect("replies");
    assert_eq!(rows.len(), 4, "the off-topic message is not recorded");
    let bob_reply = rows
        .iter()
        .find(|r| r.get::<String, _>("message_id") == b2.to_string())
        .expect("the reply to the post");
    assert_eq!(
        bob_reply.get::<Option<String>, _>("reply_to"),
        Some(thread.to_string())
    );
    assert_eq!(
        bob_reply.get::<String, _>("member_key"),
        format!("discord:{}", p.bob.id)
    );
    assert!(
        rows.iter()
            .any(|r| r.get::<String, _>("message_id") == b1.to_string())
    );
    let deleted_text: String = sqlx::query_scalar("SELECT text FROM replies WHERE message_id = ?")
        .bind(d1.to_string())
        .fetch_one(&pool)
        .await
        .expect("deleted row");
    assert!(
        !deleted_text.contains("premise"),
        "a deleted reply keeps no text"
    );

    // A poll with buttons; votes and a vote change are confirmed privately.
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Predictable courts build trust")
            .int("minutes", 30),
    )
    .await;
    assert!(
        a.ephemeral
            && a.content
                .as_deref()
                .unwrap_or_default()
                .contains("Poll #1 is open"),
        "{a:?}"
    );
    let poll_msg = fake
        .wait_for_message(fake.ids().channel_id, WAIT, |m| !m.components.is_empty())
        .await;
    assert!(poll_msg.content.contains("Predictable courts build trust"));
    let vote = |who: &Person, custom_id: &str| {
        let i = fake.click(who, poll_msg.id.get(), custom_id);
        let fake = &fake;
        async move { answer(fake, &i).await }
    };
    let a = vote(&p.bob, "cq:vote:1:0").await;
    assert!(a.ephemeral, "{a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .starts_with("Your vote on poll #1: **Agree**"),
        "{a:?}"
    );
    let a = vote(&p.cat, "cq:vote:1:1").await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("**Disagree**"),
        "{a:?}"
    );
    let a = vote(&p.bob, "cq:vote:1:2").await;
    assert!(
        a.ephemeral
            && a.content
                .as_deref()
                .unwrap_or_default()
                .starts_with("Your vote is changed on poll #1: **Unsure**"),
        "{a:?}"
    );
    // Vote with a reason: a private picker, then a modal.
    let a = vote(&p.dan, "cq:why:1").await;
    assert!(a.ephemeral, "{a:?}");
    let picker = a.message_id.expect("the picker message");
    let s = fake.select(&p.dan, picker, "cq:pick:1", &["0"]);
    let modal = fake.wait_for_interaction_response(&s.token, WAIT).await;
    assert_eq!(modal.callback_type(), Some(9));
    assert_eq!(modal.data["custom_id"], "cq:reason:1:0");
    let m = fake.submit_modal(
        &p.dan,
        "cq:reason:1:0",
        &[("reason", "Courts that keep their word make deals cheaper.")],
        Some(picker),
    );
    let a = answer(&fake, &m).await;
    assert!(
        a.ephemeral
            && a.content
                .as_deref()
                .unwrap_or_default()
                .contains("**Agree**"),
        "{a:?}"
    );
    let votes: Vec<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT voter, option, reason FROM votes WHERE poll_id = 1 ORDER BY voter")
            .fetch_all(&pool)
            .await
            .expect("votes");
    assert_eq!(votes.len(), 3, "{votes:?}");
    assert!(votes.contains(&(format!("discord:{}", p.bob.id), 2, None)));
    assert!(votes.iter().any(|v| v.0 == format!("discord:{}", p.dan.id)
        && v.2.as_deref() == Some("Courts that keep their word make deals cheaper.")));
    // Nobody's vote was posted in the channel.
    let visible: Vec<String> = fake
        .messages_in(fake.ids().channel_id)
        .into_iter()
        .map(|m| m.content)
        .collect();
    assert!(
        !visible.iter().any(|c| c.contains("Your vote")),
        "{visible:?}"
    );

    // Closing posts the results with a chart and greys out the buttons.
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("poll").sub("close")).await;
    assert!(
        a.ephemeral && a.content.as_deref().unwrap_or_default().contains("closed"),
        "{a:?}"
    );
    let results = fake
        .wait_for_message(fake.ids().channel_id, WAIT, |m| !m.attachments.is_empty())
        .await;
    assert!(
        results.content.contains("Predictable courts build trust"),
        "{}",
        results.content
    );
    let chart = fake.message_files(results.id.get());
    assert_eq!(chart.len(), 1);
    assert!(chart[0].is_png(), "the chart is a PNG");
    assert!(
        results.attachments[0]
            .description
            .as_deref()
            .unwrap_or_default()
            .starts_with("Bar chart of poll #1"),
        "{:?}",
        results.attachments[0]
    );
    fake.wait_for("the poll's buttons disabled", WAIT, |f| {
        let m = f.message_json(poll_msg.id.get())?;
        let buttons: Vec<Value> = m["components"]
            .as_array()?
            .iter()
            .flat_map(|r| r["components"].as_array().cloned().unwrap_or_default())
            .collect();
        (!buttons.is_empty() && buttons.iter().all(|b| b["disabled"] == true)).then_some(())
    })
    .await;
    let (_, late) = slash(
        &fake,
        &p.cat,
        SlashCommand::new("vote")
            .int("poll", 1)
            .str("option", "agree"),
    )
    .await;
    assert!(
        late.ephemeral
            && late
                .content
                .as_deref()
                .unwrap_or_default()
                .contains("closed"),
        "{late:?}"
    );

    // The summary: anyone may ask; slow, so deferred in public, then followed up.
    let i = fake.slash(&p.bob, SlashCommand::new("summary"));
    let a = answer(&fake, &i).await;
    let first = &fake.interaction_responses(&i.token)[0];
    assert_eq!(first.callback_type(), Some(5));
    assert!(!first.ephemeral && !a.ephemeral);
    let text = a.content.clone().unwrap_or_default();
    assert!(text.contains("Institutions and Trust"), "{text}");
    assert!(text.contains("bob") || text.contains("cat"), "{text}");
    // Each quote links to its message: a Discord jump URL into the excerpt's thread.
    assert!(
        text.contains("([message](https://discord.com/channels/"),
        "quotes carry jump links: {text}"
    );

    // Commands work inside the excerpt's thread too (they belong to its channel's group).
    let i = fake.slash_in(thread, &p.cat, SlashCommand::new("schedule").sub("status"));
    let a = answer(&fake, &i).await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("left to post"),
        "{a:?}"
    );

    // The export: minutes attached, privately.
    let i = fake.slash(&p.fay, SlashCommand::new("export"));
    let a = answer(&fake, &i).await;
    assert_eq!(
        fake.interaction_responses(&i.token)[0].callback_type(),
        Some(5)
    );
    assert!(fake.interaction_responses(&i.token)[0].ephemeral);
    let names: Vec<&str> = a.files.iter().map(|f| f.filename.as_str()).collect();
    let minutes = a
        .files
        .iter()
        .find(|f| f.filename.starts_with("minutes-session-") && f.filename.ends_with(".md"))
        .unwrap_or_else(|| panic!("no minutes in {names:?}"));
    assert!(String::from_utf8_lossy(&minutes.bytes).contains("Institutions and Trust"));
    assert!(
        names.iter().any(|n| n.ends_with(".csv")) && names.iter().any(|n| n.ends_with(".json"))
    );

    // Help is private (in as many messages as it takes) and marks what members cannot do.
    let i = fake.slash(&p.bob, SlashCommand::new("help"));
    let help = fake
        .wait_for("the help with /excerpt next", WAIT, |f| {
            f.interaction_responses(&i.token).into_iter().find(|r| {
                r.content
                    .as_deref()
                    .unwrap_or_default()
                    .contains("`/excerpt next`")
            })
        })
        .await;
    assert!(help.ephemeral);
    assert!(
        help.content
            .as_deref()
            .unwrap_or_default()
            .contains("*(facilitators)*")
    );
    assert!(
        fake.interaction_responses(&i.token)
            .iter()
            .all(|r| r.ephemeral)
    );

    // Autocomplete offers the group's polls.
    let ac = fake.autocomplete(
        &p.fay,
        SlashCommand::new("poll")
            .sub("results")
            .focused("poll", "courts"),
    );
    let r = fake.wait_for_interaction_response(&ac.token, WAIT).await;
    assert_eq!(r.callback_type(), Some(8));
    assert_eq!(r.choices()[0]["value"], 1);

    assert_no_pings(&fake);
    fake.assert_no_unknown_routes();
    bot.stop().await;
    eprintln!(
        "discord_bot_a_groups_day_end_to_end: {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_gateway_drop_is_resumed_and_reidentify_backfills() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let thread = post_excerpt(&fake, &p).await;
    let session = session_of(&pool, thread).await;
    fake.user_message(&p.bob, "Before the drop.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 1).await;

    // A dropped connection: serenity resumes and the missed event is replayed.
    fake.drop_connection();
    fake.user_message(&p.cat, "While the connection was down.")
        .channel(thread)
        .send();
    fake.wait_for_gateway("a resume", WAIT, |s| s.resumes == 1 && s.live)
        .await;
    fake.user_message(&p.dan, "After the resume.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 3).await;
    assert_eq!(fake.gateway_stats().identifies, 1);

    // An invalid session: serenity identifies again and the bot backfills the thread.
    fake.set_resume_policy(ResumePolicy::InvalidSession);
    fake.drop_connection();
    fake.wait_for_gateway("a second IDENTIFY", Duration::from_secs(30), |s| {
        s.identifies == 2 && s.live
    })
    .await;
    let backfill = fake
        .wait_for_request(
            |r| {
                r.is("GET", &format!("/channels/{thread}/messages"))
                    && r.query_param("after").is_some()
            },
            WAIT,
        )
        .await;
    assert_eq!(backfill.status, 200);
    fake.user_message(&p.bob, "In the new session.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 4).await;
    assert_eq!(reply_count(&pool, session).await, 4);
    fake.assert_no_unknown_routes();
    bot.stop().await;
    eprintln!(
        "discord_bot_gateway_drop_is_resumed_and_reidentify_backfills: {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_retries_a_503_and_never_posts_twice() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let channel = fake.ids().channel_id;

    // The poll's post fails once with 503; the outbox retries it and it appears once.
    let sends = format!("/channels/{channel}/messages");
    fake.fail_next("POST", &sends, 503, 1);
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Small parties pay for concessions")
            .int(
                "scale",
                choice(&fake, &["poll", "create"], "scale", "yes / no"),
            ),
    )
    .await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Poll #1 is open"),
        "{a:?}"
    );
    let posted = fake
        .wait_for_message(channel, Duration::from_secs(20), |m| {
            m.content.contains("Small parties pay for concessions")
        })
        .await;
    fake.wait_for_request(
        |r| {
            r.is("POST", &sends)
                && r.status == 200
                && r.json().is_some_and(|j| {
                    j["content"]
                        .as_str()
                        .is_some_and(|c| c.contains("Small parties"))
                })
        },
        WAIT,
    )
    .await;
    let attempts: Vec<_> = fake
        .requests_matching("POST", &sends)
        .into_iter()
        .filter(|r| {
            r.json()
                .and_then(|j| j["content"].as_str())
                .is_some_and(|c| c.contains("Small parties"))
        })
        .collect();
    assert_eq!(
        attempts.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![503, 200],
        "one failure, one retry"
    );
    assert_eq!(
        attempts[0].json().map(|j| j["nonce"].clone()),
        attempts[1].json().map(|j| j["nonce"].clone())
    );
    let copies = fake
        .messages_in(channel)
        .into_iter()
        .filter(|m| m.content.contains("Small parties"))
        .count();
    assert_eq!(copies, 1);
    let labels: Vec<String> = posted.components[0]
        .components
        .iter()
        .filter_map(|c| match c {
            serenity::all::ActionRowComponent::Button(b) => b.label.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(labels, vec!["Yes", "No"]);
    let (status, tries, message): (String, i64, Option<String>) = wait_db(&pool, "the sent outbox row", WAIT, |pool| async move {
        sqlx::query_as("SELECT status, attempts, platform_message_id FROM outbox WHERE dedupe_key = 'poll-open:1' AND status IN ('sent', 'failed')")
            .fetch_optional(&pool)
            .await
            .ok()
            .flatten()
    })
    .await;
    assert_eq!(
        (status.as_str(), tries),
        ("sent", 2),
        "two attempts, one post"
    );
    assert_eq!(message, Some(posted.id.get().to_string()));

    // The same key twice (a send repeated after a crash): one message, one thread.
    let port = bot.port();
    let text = Outgoing {
        channel: channel_key(&fake),
        thread: None,
        key: "cq-test-nonce".into(),
        content: Content::Text {
            markdown: "Once only.".into(),
            files: vec![],
        },
        locale: colloquy::i18n::Locale::En,
    };
    let first = port.deliver(&text).await.expect("first send");
    let second = port.deliver(&text).await.expect("second send");
    assert_eq!(first, second);
    let excerpt = Outgoing {
        channel: channel_key(&fake),
        thread: None,
        key: "cq-test-excerpt".into(),
        content: Content::Excerpt(ExcerptPost {
            session_id: 99,
            title: "A test title".into(),
            author: None,
            position: 1,
            total: 1,
            text: "Some text.".into(),
            notes: Vec::new(),
            questions: vec!["What follows?".into()],
            markdown: String::new(),
            thread_name: "A test title · 1 of 1".into(),
        }),
        locale: colloquy::i18n::Locale::En,
    };
    let e1 = port.deliver(&excerpt).await.expect("first excerpt");
    let e2 = port
        .deliver(&excerpt)
        .await
        .expect("second excerpt: thread exists is fine");
    assert_eq!(e1, e2);
    assert_eq!(e1.thread_id.as_deref(), Some(e1.message_id.as_str()));
    let once = |needle: &str| {
        fake.messages_in(channel)
            .iter()
            .filter(|m| {
                m.content == needle || m.embeds.iter().any(|e| e.title.as_deref() == Some(needle))
            })
            .count()
    };
    assert_eq!((once("Once only."), once("A test title")), (1, 1));
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path.ends_with("/threads") && r.status == 400),
        "the second thread start was answered 160004"
    );

    // A reading over the size limit is refused before it is downloaded, privately.
    let big = vec![b'a'; 2 * 1024 * 1024 + 1];
    let file = fake.add_attachment("huge.txt", &big, "text/plain");
    let downloads = fake.requests_matching("GET", "/attachments/").len();
    let i = fake.slash(
        &p.fay,
        SlashCommand::new("reading")
            .sub("import")
            .attachment("file", file),
    );
    let a = answer(&fake, &i).await;
    assert!(a.ephemeral, "{a:?}");
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("the limit is 2 MB"),
        "{a:?}"
    );
    let kinds: Vec<ReplyKind> = fake
        .interaction_responses(&i.token)
        .into_iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            ReplyKind::Callback(5),
            ReplyKind::DeleteOriginal,
            ReplyKind::Followup
        ],
        "the public 'thinking' message is replaced by a private answer"
    );
    assert_eq!(
        fake.requests_matching("GET", "/attachments/").len(),
        downloads
    );

    // Errors that retrying cannot fix are permanent; a private message goes to a DM.
    let gone = Outgoing {
        channel: ChannelKey::new(Platform::Discord, "123"),
        ..text.clone()
    };
    assert!(matches!(
        port.deliver(&gone).await,
        Err(colloquy::ports::PortError::Permanent(_))
    ));
    port.send_private(
        &MemberKey::new(Platform::Discord, p.bob.id.to_string()),
        "Your data is attached.",
        &[FileOut {
            name: "my-data.json".into(),
            mime: "application/json".into(),
            bytes: b"{}".to_vec(),
            description: "Your data".into(),
        }],
    )
    .await
    .expect("a direct message");
    let dm = fake
        .dm_channel_of(p.bob.id)
        .expect("a DM channel was opened");
    let dms = fake.messages_in(dm);
    assert_eq!(dms.len(), 1);
    assert_eq!(dms[0].attachments[0].filename, "my-data.json");
    assert_eq!(
        port.role_in(
            &channel_key(&fake),
            &MemberKey::new(Platform::Discord, p.fay.id.to_string())
        )
        .await
        .expect("role"),
        colloquy::domain::command::Role::Facilitator
    );
    assert_eq!(
        port.role_in(
            &channel_key(&fake),
            &MemberKey::new(Platform::Discord, "42")
        )
        .await
        .expect("role"),
        colloquy::domain::command::Role::Stranger
    );
    assert_no_pings(&fake);
    fake.assert_no_unknown_routes();
    bot.stop().await;
    eprintln!(
        "discord_bot_retries_a_503_and_never_posts_twice: {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_backfills_what_was_posted_while_it_was_down() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let thread = post_excerpt(&fake, &p).await;
    let session = session_of(&pool, thread).await;
    fake.user_message(&p.bob, "First, while the bot listens.")
        .channel(thread)
        .send();
    let last = fake
        .user_message(&p.cat, "Second, while the bot listens.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 2).await;
    bot.stop().await;
    fake.wait_for_gateway("the bot to disconnect", WAIT, |s| !s.live)
        .await;

    // While the bot is down: replies in the thread, and chatter elsewhere.
    let mut missed = Vec::new();
    for (who, text) in [
        (&p.dan, "Posted while the bot was down."),
        (&p.bob, "Also while it was down."),
        (&p.cat, "And a third one."),
    ] {
        missed.push(fake.user_message(who, text).channel(thread).send());
    }
    fake.user_message(&p.dan, "Not in the thread.").send();

    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    wait_replies(&pool, session, 5).await;
    let fetch = fake
        .wait_for_request(
            |r| r.is("GET", &format!("/channels/{thread}/messages")),
            WAIT,
        )
        .await;
    // From shortly before the last recorded reply (here: the excerpt post itself).
    let after: u64 = fetch
        .query_param("after")
        .and_then(|a| a.parse().ok())
        .expect("an after= cursor");
    assert!(
        after >= thread && after <= last,
        "{after} not in [{thread}, {last}]"
    );
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT message_id FROM replies WHERE session_id = ? ORDER BY id")
            .bind(session)
            .fetch_all(&pool)
            .await
            .expect("ids");
    assert_eq!(ids.len(), 5, "{ids:?}");
    for m in &missed {
        assert!(ids.contains(&m.to_string()));
    }
    bot.stop().await;

    // Another restart backfills again and adds nothing.
    let fetches = fake
        .requests_matching("GET", &format!("/channels/{thread}/messages"))
        .len();
    let bot = Bot::start(&fake, dir.path()).await;
    fake.wait_for("a second backfill", WAIT, |f| {
        (f.requests_matching("GET", &format!("/channels/{thread}/messages"))
            .len()
            > fetches)
            .then_some(())
    })
    .await;
    fake.user_message(&p.bob, "A marker after the restart.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 6).await;
    assert_eq!(reply_count(&pool, session).await, 6, "no duplicates");
    fake.assert_no_unknown_routes();
    bot.stop().await;
    eprintln!(
        "discord_bot_backfills_what_was_posted_while_it_was_down: {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_native_poll_votes_and_expiry() {
    let fake = FakeDiscord::start_with(FakeOptions::default()).await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Rules alone create trust")
            .int("hours", 2)
            .bool("native", true),
    )
    .await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Poll #1 is open"),
        "{a:?}"
    );
    let msg = fake
        .wait_for_message(fake.ids().channel_id, WAIT, |m| m.poll.is_some())
        .await;
    let poll = msg.poll.as_ref().expect("a native poll");
    assert_eq!(poll.answers.len(), 3);
    let sent = fake
        .wait_for_request(|r| r.json().is_some_and(|j| !j["poll"].is_null()), WAIT)
        .await;
    assert_eq!(
        sent.json().map(|j| j["poll"]["duration"].clone()),
        Some(serde_json::json!(2))
    );
    let recorded = wait_db(&pool, "the poll's message id", WAIT, |pool| async move {
        sqlx::query_scalar::<_, Option<String>>("SELECT post_message_id FROM polls WHERE id = 1")
            .fetch_one(&pool)
            .await
            .ok()
            .flatten()
    })
    .await;
    assert_eq!(recorded, msg.id.get().to_string());

    fake.vote_add(&p.bob, msg.id.get(), 1);
    fake.vote_add(&p.cat, msg.id.get(), 2);
    wait_db(&pool, "the first native votes", WAIT, |pool| async move {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM votes WHERE poll_id = 1")
            .fetch_one(&pool)
            .await
            .ok()?;
        (n == 2).then_some(())
    })
    .await;
    // Bob changes his mind: Discord sends the removal and the addition at once, and
    // serenity may run them in either order.
    fake.vote_remove(&p.bob, msg.id.get(), 1);
    fake.vote_add(&p.bob, msg.id.get(), 3);
    let bob = format!("discord:{}", p.bob.id);
    let votes = wait_db(&pool, "the native votes", WAIT, |pool| {
        let bob = bob.clone();
        async move {
            let v: Vec<(String, i64)> =
                sqlx::query_as("SELECT voter, option FROM votes WHERE poll_id = 1 ORDER BY voter")
                    .fetch_all(&pool)
                    .await
                    .ok()?;
            (v.len() == 2 && v.iter().any(|(who, o)| *who == bob && *o == 2)).then_some(v)
        }
    })
    .await;
    assert!(votes.contains(&(format!("discord:{}", p.cat.id), 1)));

    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("poll").sub("close")).await;
    assert!(
        a.content.as_deref().unwrap_or_default().contains("closed"),
        "{a:?}"
    );
    fake.wait_for_request(
        |r| {
            r.is(
                "POST",
                &format!(
                    "/channels/{}/polls/{}/expire",
                    fake.ids().channel_id,
                    msg.id
                ),
            )
        },
        WAIT,
    )
    .await;
    let results = fake
        .wait_for_message(fake.ids().channel_id, WAIT, |m| !m.attachments.is_empty())
        .await;
    assert!(fake.message_files(results.id.get())[0].is_png());
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

/// A burst of member messages through the gateway to committed rows. 200 messages in the
/// normal run; `COLLOQUY_BURST=1000` for the figures in the adapter's notes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_records_a_burst_of_messages() {
    let n: usize = std::env::var("COLLOQUY_BURST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let thread = post_excerpt(&fake, &p).await;
    let session = session_of(&pool, thread).await;
    let speakers = [&p.bob, &p.cat, &p.dan];

    let mut sent: Vec<(u64, Instant)> = Vec::with_capacity(n);
    let start = Instant::now();
    for k in 0..n {
        let id = fake
            .user_message(
                speakers[k % 3],
                &format!("Burst reply number {k} about trust."),
            )
            .channel(thread)
            .send();
        sent.push((id, Instant::now()));
    }
    let dispatched = start.elapsed();
    // Watch the table: when each message id first appears committed.
    let mut seen: std::collections::HashMap<String, Instant> = std::collections::HashMap::new();
    let mut last_row = 0i64;
    let deadline = Instant::now() + Duration::from_secs(120);
    while seen.len() < n {
        assert!(
            Instant::now() < deadline,
            "only {} of {n} recorded",
            seen.len()
        );
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, message_id FROM replies WHERE session_id = ? AND id > ? ORDER BY id",
        )
        .bind(session)
        .bind(last_row)
        .fetch_all(&pool)
        .await
        .expect("rows");
        let now = Instant::now();
        for (id, m) in rows {
            last_row = last_row.max(id);
            seen.entry(m).or_insert(now);
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let total = start.elapsed();
    let mut latencies: Vec<Duration> = sent
        .iter()
        .map(|(id, at)| seen[&id.to_string()].saturating_duration_since(*at))
        .collect();
    latencies.sort();
    let pct = |q: f64| {
        latencies[((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    eprintln!(
        "discord burst: {n} messages dispatched in {dispatched:?}, all committed after {total:?} \
         ({:.0} messages/s); dispatch->commit p50 {:?}, p99 {:?}, max {:?} (2 ms poll resolution)",
        n as f64 / total.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        latencies[latencies.len() - 1]
    );
    assert_eq!(reply_count(&pool, session).await, n as i64);
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

/// What the gateway has read when the bot is told to stop is still recorded: events wait
/// for the engine in memory, and that queue is drained before the adapter's task ends.
/// The engine's runtime is held (as a burst of engine work would hold it) while the
/// messages arrive and the stop is signalled, so every one of them is still queued then.
#[test]
fn discord_bot_stopping_records_what_the_gateway_had_read() {
    const WORKERS: usize = 2;
    const N: usize = 300;
    let held_for = Duration::from_secs(5);
    let runtime = |workers| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()
            .expect("runtime")
    };
    // The fake on a runtime of its own, so holding the bot's does not stop it.
    let fake_rt = runtime(1);
    let bot_rt = runtime(WORKERS);
    let fake = fake_rt.block_on(FakeDiscord::start_with(FakeOptions {
        heartbeat_interval: Duration::from_millis(300),
        ..FakeOptions::default()
    }));
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = bot_rt.block_on(Bot::start(&fake, dir.path()));
    let pool = bot_rt.block_on(db(&bot.db));
    bot_rt.block_on(setup_and_import(&fake, &p));
    let thread = bot_rt.block_on(post_excerpt(&fake, &p));
    let session = bot_rt.block_on(session_of(&pool, thread));

    let t0 = Instant::now();
    let blockers = hold_workers(&bot_rt, WORKERS, held_for);
    for k in 0..N {
        fake.user_message(&p.bob, &format!("Reply {k} before the stop."))
            .channel(thread)
            .send();
    }
    let last = fake.seq();
    // Every frame is on the socket, then two more heartbeats: serenity sends a beat only
    // once the last one's acknowledgement, which the fake wrote after the frames, was
    // read, so by the second the client has read every message.
    let mut beats = None;
    loop {
        let s = fake.gateway_stats();
        match beats {
            None if s.frames_sent >= last => beats = Some(s.heartbeats),
            Some(b) if s.heartbeats >= b + 2 => break,
            _ => {}
        }
        assert!(
            t0.elapsed() < held_for - Duration::from_millis(500),
            "the client did not read the messages while the engine was held \
             ({} of {last} frames sent, {} heartbeats)",
            s.frames_sent,
            s.heartbeats
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    bot.signal_stop();
    assert!(
        t0.elapsed() < held_for,
        "the stop came after the engine was free again: the test proves nothing"
    );
    for b in blockers {
        let _ = bot_rt.block_on(b);
    }
    bot_rt.block_on(bot.stop());
    let recorded = bot_rt.block_on(reply_count(&pool, session));
    assert_eq!(
        recorded, N as i64,
        "messages the gateway had read before the stop were lost"
    );
}

/// Every slash command as a facilitator (Manage Server, and the Facilitator role), as a
/// member, and as a stranger (from a direct message, outside the server): refused exactly
/// when the command table says so, always privately and with what to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_every_command_for_each_role() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    setup_and_import(&fake, &p).await;
    let file = fake.add_attachment(
        "r.txt",
        b"A short reading. It has two sentences.",
        "text/plain",
    );
    // Each command with the options it requires, and its place in the command table.
    let commands: Vec<(&str, SlashCommand)> = vec![
        ("setup", SlashCommand::new("setup")),
        (
            "reading import",
            SlashCommand::new("reading")
                .sub("import")
                .attachment("file", file.clone()),
        ),
        ("reading list", SlashCommand::new("reading").sub("list")),
        (
            "reading preview",
            SlashCommand::new("reading").sub("preview"),
        ),
        ("excerpt next", SlashCommand::new("excerpt").sub("next")),
        (
            "schedule status",
            SlashCommand::new("schedule").sub("status"),
        ),
        ("schedule pause", SlashCommand::new("schedule").sub("pause")),
        (
            "schedule resume",
            SlashCommand::new("schedule").sub("resume"),
        ),
        ("schedule skip", SlashCommand::new("schedule").sub("skip")),
        (
            "poll create \"x\"",
            SlashCommand::new("poll")
                .sub("create")
                .str("claim", "A claim"),
        ),
        ("poll results", SlashCommand::new("poll").sub("results")),
        ("poll suggest", SlashCommand::new("poll").sub("suggest")),
        (
            "poll extend --minutes 5",
            SlashCommand::new("poll").sub("extend").int("minutes", 5),
        ),
        ("poll close", SlashCommand::new("poll").sub("close")),
        (
            "vote 1 agree",
            SlashCommand::new("vote")
                .int("poll", 1)
                .str("option", "agree"),
        ),
        (
            "claim add \"A claim\"",
            SlashCommand::new("claim")
                .sub("add")
                .str("claim", "A claim"),
        ),
        ("claim queue", SlashCommand::new("claim").sub("queue")),
        (
            "claim approve 1",
            SlashCommand::new("claim").sub("approve").int("claim", 1),
        ),
        (
            "claim reject 1",
            SlashCommand::new("claim").sub("reject").int("claim", 1),
        ),
        ("claim cards", SlashCommand::new("claim").sub("cards")),
        ("map", SlashCommand::new("map")),
        ("report", SlashCommand::new("report")),
        (
            "quiz add \"Q\" --options \"A | B\" --answer 1",
            SlashCommand::new("quiz")
                .sub("add")
                .str("question", "Q")
                .str("options", "A | B")
                .int("answer", 1),
        ),
        ("session start", SlashCommand::new("session").sub("start")),
        ("session end", SlashCommand::new("session").sub("end")),
        (
            "agenda set \"Opening 5m\"",
            SlashCommand::new("agenda")
                .sub("set")
                .str("agenda", "Opening 5m | Talk 20m"),
        ),
        ("agenda start", SlashCommand::new("agenda").sub("start")),
        ("agenda next", SlashCommand::new("agenda").sub("next")),
        ("agenda back", SlashCommand::new("agenda").sub("back")),
        (
            "agenda extend 5m",
            SlashCommand::new("agenda").sub("extend").str("time", "5m"),
        ),
        ("agenda status", SlashCommand::new("agenda").sub("status")),
        ("hand raise", SlashCommand::new("hand").sub("raise")),
        ("hand down", SlashCommand::new("hand").sub("down")),
        ("queue show", SlashCommand::new("queue").sub("show")),
        ("queue next", SlashCommand::new("queue").sub("next")),
        ("queue skip", SlashCommand::new("queue").sub("skip")),
        ("queue clear", SlashCommand::new("queue").sub("clear")),
        (
            "queue mode order",
            SlashCommand::new("queue").sub("mode").int(
                "mode",
                choice(
                    &fake,
                    &["queue", "mode"],
                    "mode",
                    "in the order hands were raised",
                ),
            ),
        ),
        ("note x", SlashCommand::new("note").str("text", "A note")),
        (
            "decision x",
            SlashCommand::new("decision").str("text", "A decision"),
        ),
        (
            "action add @bob x",
            SlashCommand::new("action")
                .sub("add")
                .user("member", &p.bob)
                .str("text", "circulate the map"),
        ),
        ("action list", SlashCommand::new("action").sub("list")),
        (
            "action done 1",
            SlashCommand::new("action").sub("done").int("action", 1),
        ),
        ("breakout 2", SlashCommand::new("breakout").int("rooms", 2)),
        ("summary", SlashCommand::new("summary")),
        ("stats", SlashCommand::new("stats")),
        ("export", SlashCommand::new("export")),
        (
            "privacy my-data",
            SlashCommand::new("privacy").sub("my-data"),
        ),
        (
            "privacy forget-me",
            SlashCommand::new("privacy").sub("forget-me"),
        ),
        (
            "privacy quotes on",
            SlashCommand::new("privacy")
                .sub("quotes")
                .bool("allow", true),
        ),
        ("help", SlashCommand::new("help")),
    ];
    use colloquy::domain::command::Role;
    // Every verb of the table has its slash command here.
    let covered: std::collections::BTreeSet<&str> = commands
        .iter()
        .map(|(line, _)| {
            colloquy::domain::command::parse(line)
                .expect("a table line")
                .verb()
        })
        .collect();
    let every: std::collections::BTreeSet<&str> = crate::common::verbs::every_verb_name().collect();
    assert_eq!(covered, every, "one slash command per verb");
    for (line, cmd) in &commands {
        let needed = colloquy::domain::command::parse(line)
            .expect("a table line")
            .required_role();
        for (who, role, dm) in [
            (&p.bob, Role::Member, false),
            (&p.fay, Role::Facilitator, false),
            (&p.ada, Role::Facilitator, false),
            (&p.cat, Role::Stranger, true),
        ] {
            let i = if dm {
                fake.slash_dm(who, cmd.clone())
            } else {
                fake.slash(who, cmd.clone())
            };
            let a = answer(&fake, &i).await;
            let content = a.content.clone().unwrap_or_default();
            let refused = content.contains("Only facilitators") || content.contains("Only members");
            assert_eq!(
                refused,
                role < needed,
                "/{line} as {} ({}): {content}",
                who.name,
                role.as_str()
            );
            if refused {
                assert!(a.ephemeral, "refusals are private: {a:?}");
            }
        }
    }
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

/// What the database holds of `who`: replies, member rows, and rows anywhere that carry
/// their name.
async fn traces_of(pool: &sqlx::SqlitePool, who: &Person) -> (i64, i64) {
    let key = format!("discord:{}", who.id);
    let replies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM replies WHERE member_key = ?")
        .bind(&key)
        .fetch_one(pool)
        .await
        .expect("count replies");
    let members: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM members WHERE key = ? OR display_name = ?")
            .bind(&key)
            .bind(&who.name)
            .fetch_one(pool)
            .await
            .expect("count members");
    (replies, members)
}

/// `colloquy run` as its own process, on the database in `dir`, against the fake.
fn spawn_run(fake: &FakeDiscord, dir: &std::path::Path) -> std::process::Child {
    let config = dir.join("second.toml");
    std::fs::write(
        &config,
        fake.colloquy_config(&dir.join("colloquy.db"), "CQ_TEST_SECOND_TOKEN"),
    )
    .expect("write the second process's config");
    std::process::Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["run", "--config"])
        .arg(&config)
        .env("CQ_TEST_SECOND_TOKEN", fake.token())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start colloquy run")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_bot_forget_me_stays_forgotten_after_a_restart_and_in_a_second_process() {
    let started = Instant::now();
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let pool = db(&bot.db).await;
    setup_and_import(&fake, &p).await;
    let thread = post_excerpt(&fake, &p).await;
    let session = session_of(&pool, thread).await;
    fake.user_message(&p.bob, "Bob's first thought, which he will take back.")
        .channel(thread)
        .send();
    fake.user_message(&p.cat, "Cat's reply, which stays.")
        .channel(thread)
        .send();
    fake.user_message(&p.bob, "Bob's second thought, also taken back.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 3).await;
    let (_, done) = slash(
        &fake,
        &p.bob,
        SlashCommand::new("privacy")
            .sub("forget-me")
            .bool("confirm", true),
    )
    .await;
    let said = done.content.clone().unwrap_or_default();
    assert!(done.ephemeral && said.contains("2 replies"), "{done:?}");
    assert!(said.contains("will be recorded again"), "{said}");
    assert_eq!(traces_of(&pool, &p.bob).await, (0, 0));
    bot.stop().await;
    fake.wait_for_gateway("the bot to disconnect", WAIT, |s| !s.live)
        .await;

    // A restart: READY backfills the thread, whose history still holds Bob's messages.
    let fetches = |f: &FakeDiscord| {
        f.requests_matching("GET", &format!("/channels/{thread}/messages"))
            .len()
    };
    let before = fetches(&fake);
    let bot = Bot::start(&fake, dir.path()).await;
    fake.wait_for("the restart's backfill", WAIT, |f| {
        (fetches(f) > before).then_some(())
    })
    .await;
    fake.user_message(&p.cat, "A marker after the restart.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 2).await;
    assert_eq!(reply_count(&pool, session).await, 2);
    assert_eq!(
        traces_of(&pool, &p.bob).await,
        (0, 0),
        "the backfill recorded Bob again"
    );
    bot.stop().await;
    fake.wait_for_gateway("the bot to disconnect", WAIT, |s| !s.live)
        .await;

    // A second process on the same database (`colloquy run`), started after the forget-me.
    let before = fetches(&fake);
    let mut second = spawn_run(&fake, dir.path());
    fake.wait_for("the second process's backfill", WAIT, |f| {
        (fetches(f) > before).then_some(())
    })
    .await;
    fake.user_message(&p.dan, "A marker for the second process.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 3).await;
    assert_eq!(
        traces_of(&pool, &p.bob).await,
        (0, 0),
        "the second process recorded Bob again"
    );
    // Bob takes part again: that is recorded, and only that.
    fake.user_message(&p.bob, "Bob is back with a new point.")
        .channel(thread)
        .send();
    wait_replies(&pool, session, 4).await;
    assert_eq!(traces_of(&pool, &p.bob).await, (1, 1));
    let _ = second.kill();
    let _ = second.wait();
    fake.assert_no_unknown_routes();
    eprintln!(
        "discord_bot_forget_me_stays_forgotten_after_a_restart_and_in_a_second_process: {:?}",
        started.elapsed()
    );
}
