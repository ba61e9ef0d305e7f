//! End-to-end tests of the Matrix adapter against the real test Synapse (`scripts/test`
//! starts it): the real bot code path in-process (`platform::matrix::start` plus the
//! scheduler/outbox loop, on a temp database and store), members played by real matrix-sdk
//! clients. Each test has its own bot account, rooms and database, so they run in parallel.
//! Every wait is on a sync; none sleeps.

use matrix_sdk::ruma::{EventId, RoomId, UserId};
use serde_json::Value;

use crate::common::matrix_bot_harness::{TestBot, wait_for_invite};
use crate::common::matrix_member::{Member, WAIT, body, event_id, relates_to};

/// A short reading written for these tests.
const READING: &str = "\
Who keeps a meadow green when many people graze it? The usual story says nobody: each \
herder adds one more animal, because the grass he gains is his alone while the damage is \
shared by all, and so the field is stripped bare. The story is tidy, and it has been used \
to argue for fences and for owners.

Yet villages have kept shared meadows for centuries. Where they did, three things tended to \
be true. The people who used the meadow also made its rules. They could watch one another \
cheaply, because the field lay in sight of every house. And a herder who broke the rules met \
a small penalty first and a larger one only if he did it again.

None of this requires kindness. It requires that rules fit the place, that monitoring is \
cheap, and that sanctions grow with the offence. When a distant authority writes the rules, \
or when the users cannot see one another, the old story becomes true again.

The lesson is not that sharing always works. It is that the outcome depends on institutions \
the users can shape. A fence is one answer; a village meeting is another. Which answer is \
better is an empirical question, and the evidence from many meadows, fisheries and forests \
suggests that the meeting wins more often than the fence-builders expected.

Critics reply that such arrangements do not scale. A meadow of forty households is not an \
ocean, and a village meeting cannot govern the atmosphere. Perhaps nested institutions, \
small councils inside larger ones, can carry the lesson upward; perhaps they cannot. That \
open question is where the argument now stands.
";

const BOB_FIRST: &str = "Bob: the village rules work because the herders wrote them.";
const BOB_EDITED: &str =
    "Bob, edited: local rules work because the herders wrote and watched them.";
const CAROL_FIRST: &str = "Carol: I am not sure cheap monitoring survives a larger village.";
const DAVE_REPLY: &str =
    "Dave: is a fence not also an institution, just a blunter one that nobody has to watch?";

pub(crate) fn sent_by(e: &Value, user: &UserId) -> bool {
    e["sender"] == user.as_str()
}

fn replies_to(e: &Value, id: &EventId) -> bool {
    relates_to(e)["m.in_reply_to"]["event_id"] == id.as_str()
}

fn text(e: &Value) -> &str {
    body(e).unwrap_or_default()
}

/// The bot's answer to the command `id` (a reply to it).
pub(crate) async fn answer_to(
    member: &Member,
    room: &RoomId,
    bot: &TestBot,
    id: &EventId,
) -> Value {
    member
        .wait_for_event(room, WAIT, |e| {
            sent_by(e, &bot.user_id) && replies_to(e, id)
        })
        .await
}

/// Sends `line` and waits for the bot's answer.
pub(crate) async fn command(member: &Member, room: &RoomId, bot: &TestBot, line: &str) -> Value {
    let id = member.send_text(room, line).await;
    answer_to(member, room, bot, &id).await
}

/// The first event from the bot in `room` whose body contains `needle`.
pub(crate) async fn bot_post(member: &Member, room: &RoomId, bot: &TestBot, needle: &str) -> Value {
    member
        .wait_for_event(room, WAIT, |e| {
            sent_by(e, &bot.user_id) && text(e).contains(needle)
        })
        .await
}

pub(crate) fn assert_contains(e: &Value, needle: &str) {
    assert!(
        text(e).contains(needle),
        "expected {needle:?} in the bot's message, got: {e}"
    );
}

/// A room with alice (creator, a listed facilitator), bob, carol and dave, and the bot,
/// which joins on alice's invitation; everyone has seen the bot join.
pub(crate) async fn group_room(
    tag: &str,
    encrypted: bool,
    bot: &TestBot,
    members: [&Member; 4],
) -> matrix_sdk::ruma::OwnedRoomId {
    let [alice, bob, carol, dave] = members;
    let room = alice
        .create_room(
            &format!("{tag} reading group"),
            encrypted,
            &[&bot.user_id, &bob.user_id, &carol.user_id, &dave.user_id],
        )
        .await;
    tokio::join!(bob.join(&room), carol.join(&room), dave.join(&room));
    for m in members {
        m.wait_until_joined(&room, &bot.user_id, WAIT).await;
    }
    for m in [bob, carol, dave] {
        alice.wait_until_joined(&room, &m.user_id, WAIT).await;
    }
    room
}

/// setup, import by upload, excerpt next: returns the excerpt's event id (the thread root).
pub(crate) async fn set_up_and_post_excerpt(
    alice: &Member,
    room: &RoomId,
    bot: &TestBot,
) -> matrix_sdk::ruma::OwnedEventId {
    let setup = command(alice, room, bot, "!cq setup --tz UTC --time 00:00").await;
    assert_contains(&setup, "now a reading group");

    let file = alice
        .upload_file(room, "meadow.txt", READING.as_bytes(), "text/plain")
        .await;
    let id = alice
        .send_reply(
            room,
            &file,
            "!cq reading import --title \"The Shared Meadow\" --author \"A. Example\"",
        )
        .await;
    let imported = answer_to(alice, room, bot, &id).await;
    assert_contains(&imported, "Imported **The Shared Meadow** by A. Example");

    let next = command(alice, room, bot, "!cq excerpt next").await;
    // Matrix has no ephemeral messages: an answer that is not confidential stays in the room.
    assert_contains(&next, "Posting the next excerpt now");
    let post = bot_post(alice, room, bot, "Questions for discussion").await;
    assert_eq!(
        post["content"]["format"], "org.matrix.custom.html",
        "{post}"
    );
    let html = post["content"]["formatted_body"]
        .as_str()
        .unwrap_or_default();
    assert!(
        html.contains("<strong>The Shared Meadow</strong>"),
        "{html}"
    );
    assert!(
        relates_to(&post).is_null(),
        "the excerpt is a thread root: {post}"
    );
    let root = event_id(&post);
    // The questions of the posted excerpt, from the database, are all in the post.
    let questions = bot
        .rows("SELECT q.text FROM questions q JOIN sessions s ON s.excerpt_id = q.excerpt_id")
        .await;
    assert!(questions.len() >= 3, "{questions:?}");
    for q in &questions {
        let q = q[0].as_str().unwrap_or_default();
        assert!(
            text(&post).contains(q),
            "question {q:?} missing from the post"
        );
    }
    let anchors = bot
        .rows("SELECT post_message_id, thread_id FROM sessions")
        .await;
    assert_eq!(anchors, vec![vec![Value::from(root.as_str()); 2]]);
    root
}

/// The whole flow of a group's day in one room.
async fn core_flow(tag: &str, encrypted: bool) {
    let (alice, bob, carol, dave) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol"),
        Member::login("dave")
    );
    let bot = TestBot::start(tag, &[&alice.user_id], 64).await;
    let room = group_room(tag, encrypted, &bot, [&alice, &bob, &carol, &dave]).await;
    if encrypted {
        assert!(
            alice
                .room(&room)
                .latest_encryption_state()
                .await
                .unwrap()
                .is_encrypted()
        );
    }
    let root = set_up_and_post_excerpt(&alice, &room, &bot).await;
    if encrypted {
        assert!(alice.was_decrypted(&root), "the excerpt was sent encrypted");
    }

    // A file over the limit (64 KiB here) is refused with the sizes.
    let big = "A long line of a very long reading.\n".repeat(2_000);
    let file = alice
        .upload_file(&room, "huge.txt", big.as_bytes(), "text/plain")
        .await;
    let id = alice.send_reply(&room, &file, "!cq reading import").await;
    let refused = answer_to(&alice, &room, &bot, &id).await;
    assert_contains(&refused, "the limit is 64 KB");

    // Members reply: two in the thread (one edits, one redacts), one with a plain reply.
    let b1 = bob.send_thread_reply(&room, &root, BOB_FIRST).await;
    let c1 = carol.send_thread_reply(&room, &root, CAROL_FIRST).await;
    let d1 = dave.send_reply(&room, &root, DAVE_REPLY).await;
    bob.edit(&room, &b1, BOB_EDITED).await;
    carol.redact(&room, &c1).await;

    // dave has no power level and is not listed: refused a facilitator verb, in reply.
    let refused = command(&dave, &room, &bot, "!cq excerpt next").await;
    assert_contains(&refused, "Only facilitators can use `excerpt next`");

    // The answer above comes after the bot handled the events before it: the rows are there.
    let rows = bot
        .rows(
            "SELECT message_id, member_key, text, reply_to, edited_at IS NOT NULL, deleted_at IS NOT NULL
             FROM replies ORDER BY id",
        )
        .await;
    let row = |id: &EventId| {
        rows.iter()
            .find(|r| r[0] == id.as_str())
            .unwrap_or_else(|| panic!("no row for {id} in {rows:?}"))
            .clone()
    };
    assert_eq!(rows.len(), 3, "{rows:?}");
    let bob_row = row(&b1);
    assert_eq!(bob_row[1], "matrix:@bob:localhost");
    assert_eq!(bob_row[2], BOB_EDITED);
    assert_eq!(
        (bob_row[4].clone(), bob_row[5].clone()),
        (1.into(), 0.into())
    );
    let carol_row = row(&c1);
    assert_eq!(carol_row[5], 1, "carol's redacted reply is marked deleted");
    assert!(
        !carol_row[2]
            .as_str()
            .unwrap_or_default()
            .contains("monitoring"),
        "a deleted reply keeps no text: {carol_row:?}"
    );
    let dave_row = row(&d1);
    assert_eq!(dave_row[2], DAVE_REPLY);
    assert_eq!(
        dave_row[3],
        root.as_str(),
        "dave's reply points at the excerpt"
    );

    // A poll: native, responses of both kinds, a changed vote, closed with results.
    let created = command(
        &alice,
        &room,
        &bot,
        "!cq poll create \"Local rules protect a commons better than markets do\" --minutes 30",
    )
    .await;
    assert_contains(&created, "Poll #1 is open until");
    let poll = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id) && e["type"] == "org.matrix.msc3381.poll.start"
        })
        .await;
    let start = &poll["content"]["org.matrix.msc3381.poll.start"];
    assert_eq!(start["kind"], "org.matrix.msc3381.poll.disclosed", "{poll}");
    assert_eq!(start["answers"][0]["id"], "1");
    assert_eq!(start["answers"][0]["org.matrix.msc1767.text"], "Agree");
    assert_eq!(start["answers"][2]["id"], "3");
    assert!(
        start["question"]["org.matrix.msc1767.text"]
            .as_str()
            .unwrap_or_default()
            .contains("Local rules protect a commons"),
        "{poll}"
    );
    let poll_id = event_id(&poll);
    bob.send_poll_response(&room, &poll_id, &["1"], false).await;
    carol
        .send_poll_response(&room, &poll_id, &["2"], true)
        .await;
    bob.send_poll_response(&room, &poll_id, &["3"], false).await; // bob changes his mind
    // A reply to the poll gives the reason for the vote (once the vote is in).
    bot.wait_for_rows(
        "SELECT option FROM votes WHERE poll_id = 1 AND member_key LIKE 'matrix:@bob%'",
        WAIT,
        |rows| rows.len() == 1 && rows[0][0] == 2,
    )
    .await;
    bob.send_reply(&room, &poll_id, "Because the herders watch one another.")
        .await;
    bot.wait_for_rows(
        "SELECT reason FROM votes WHERE poll_id = 1 AND reason IS NOT NULL",
        WAIT,
        |rows| rows.len() == 1,
    )
    .await;

    let closed = command(&alice, &room, &bot, "!cq poll close").await;
    assert_contains(&closed, "is closed");
    let end = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id) && e["type"] == "org.matrix.msc3381.poll.end"
        })
        .await;
    assert_eq!(relates_to(&end)["rel_type"], "m.reference");
    assert_eq!(relates_to(&end)["event_id"], poll_id.as_str());
    let results = bot_post(&alice, &room, &bot, "Results of poll #1").await;
    assert_contains(&results, "Agree: 0 (0%)");
    assert_contains(&results, "Disagree: 1 (50%)");
    assert_contains(&results, "Unsure: 1 (50%)");
    assert_contains(&results, "Unsure: “Because the herders watch one another.”");
    assert!(
        replies_to(&results, &poll_id),
        "results answer the poll: {results}"
    );
    let chart = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id) && e["content"]["msgtype"] == "m.image"
        })
        .await;
    assert!(
        chart["content"]["filename"]
            .as_str()
            .is_some_and(|f| f.ends_with("-poll-1.png") && f != "-poll-1.png"),
        "the chart is named by group and poll: {chart}"
    );
    assert_contains(&chart, "Bar chart of poll #1");
    let png = alice.download(&chart).await;
    assert!(png.starts_with(b"\x89PNG"), "the chart is a PNG");
    let votes = bot
        .rows("SELECT voter, option FROM votes WHERE poll_id = 1 ORDER BY voter")
        .await;
    assert_eq!(
        votes,
        vec![
            vec![Value::from("matrix:@bob:localhost"), Value::from(2)],
            vec![Value::from("matrix:@carol:localhost"), Value::from(1)],
        ],
        "only each member's latest response counts"
    );

    // The summary, in the room.
    let asked = alice.send_text(&room, "!cq summary").await;
    let summary = answer_to(&alice, &room, &bot, &asked).await;
    assert_contains(&summary, "2 members, 2 replies");
    assert_contains(&summary, "Results of poll #1");
    // Each quote links to its message: a matrix.to permalink to the reply's event.
    assert_contains(&summary, "https://matrix.to/#/");
    // An answer's files are attachments replying to the command.
    alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id)
                && e["content"]["msgtype"] == "m.image"
                && replies_to(e, &asked)
        })
        .await;

    // The export is private: files in the direct room.
    let export = command(&alice, &room, &bot, "!cq export --format all").await;
    assert_contains(&export, "I sent you a direct message");
    // The confidential answer came in a direct room the bot opened.
    let dm = wait_for_invite(&alice, &bot.user_id, WAIT).await;
    alice.join(&dm).await;
    bot_post(&alice, &dm, &bot, "Export ready").await;
    for name in ["minutes-session-1.md", "replies.csv", "votes.csv"] {
        alice
            .wait_for_event(&dm, WAIT, |e| {
                sent_by(e, &bot.user_id) && e["content"]["filename"] == name
            })
            .await;
    }
    let csv = alice
        .wait_for_event(&dm, WAIT, |e| e["content"]["filename"] == "replies.csv")
        .await;
    let csv = String::from_utf8(alice.download(&csv).await).expect("CSV is UTF-8");
    assert!(csv.contains(BOB_EDITED), "{csv}");
    assert!(!csv.contains("Carol: I am not sure"), "{csv}");

    if encrypted {
        return;
    }
    // An invitation from someone who is not a listed facilitator is declined
    // (autojoin = facilitators): dave sees the bot leave his room.
    let daves = dave
        .create_room(&format!("{tag} dave's room"), false, &[&bot.user_id])
        .await;
    dave.wait_for_event(&daves, WAIT, |e| {
        e["type"] == "m.room.member"
            && e["state_key"] == bot.user_id.as_str()
            && e["content"]["membership"] == "leave"
    })
    .await;
    // An anonymous poll: a text announcement; votes only by direct message.
    command(
        &alice,
        &room,
        &bot,
        "!cq poll create \"A meadow needs a fence\" --anonymous --minutes 30",
    )
    .await;
    let announcement = bot_post(&alice, &room, &bot, "To vote, send me").await;
    assert_eq!(announcement["type"], "m.room.message", "{announcement}");
    assert_contains(&announcement, "direct message");
    let refused = command(&bob, &room, &bot, "!cq vote 2 agree").await;
    assert_contains(&refused, "Poll #2 is anonymous");
    assert_contains(&refused, "direct message");
    let bob_dm = bob.create_dm(&bot.user_id).await;
    bob.wait_until_joined(&bob_dm, &bot.user_id, WAIT).await;
    let receipt = command(&bob, &bob_dm, &bot, "!cq vote 2 agree").await;
    assert_contains(&receipt, "Your vote on poll #2: **Agree**");
    assert_contains(&receipt, "anonymous");
    let votes = bot
        .rows("SELECT voter, member_key FROM votes WHERE poll_id = 2")
        .await;
    assert_eq!(votes.len(), 1, "{votes:?}");
    assert!(votes[0][1].is_null(), "no member key on an anonymous vote");
    assert!(
        !votes[0][0].as_str().unwrap_or_default().contains("bob"),
        "{votes:?}"
    );
}

#[tokio::test]
async fn plain_room_group_day() {
    core_flow("plain", false).await;
}

#[tokio::test]
async fn encrypted_room_group_day() {
    core_flow("e2ee", true).await;
}

/// The bot is stopped mid-session and started again on the same store: the same device,
/// no answer to a command sent while it was down, and a thread reply sent while it was
/// down recorded (found by paging back: more events came than the catch-up sync returns).
#[tokio::test]
async fn restart_mid_session_loses_nothing() {
    let (alice, bob, carol) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol")
    );
    let mut bot = TestBot::start("restart", &[&alice.user_id], 64).await;
    let room = alice
        .create_room(
            "restart reading group",
            true,
            &[&bot.user_id, &bob.user_id, &carol.user_id],
        )
        .await;
    tokio::join!(bob.join(&room), carol.join(&room));
    for m in [&alice, &bob, &carol] {
        m.wait_until_joined(&room, &bot.user_id, WAIT).await;
    }
    let root = set_up_and_post_excerpt(&alice, &room, &bot).await;
    let before = bob
        .send_thread_reply(&room, &root, "Before the restart: monitoring is the key.")
        .await;
    command(&alice, &room, &bot, "!cq reading list").await; // the reply above is handled
    let device = bot.session()["device_id"].clone();

    bot.stop().await;
    // A crash between sending the excerpt and recording it: the outbox row is pending
    // again and the adapter's record of the send says "sending". It must not post twice.
    bot.execute(
        "UPDATE outbox SET status = 'pending', platform_message_id = NULL, sent_at = NULL,
         claimed_by = NULL, claimed_until = NULL, next_attempt_at = 0
         WHERE dedupe_key LIKE 'excerpt:%'",
    )
    .await;
    bot.execute("UPDATE kv SET value = 'sending' WHERE key LIKE 'matrix:post:%.cq-1'")
        .await;
    let during = bob
        .send_thread_reply(&room, &root, "While the bot was away: sanctions must grow.")
        .await;
    let old_command = alice.send_text(&room, "!cq schedule status").await;
    for i in 0..12 {
        carol
            .send_text(&room, &format!("chatter while the bot is away, {i}"))
            .await;
    }
    bot.restart().await;
    let redelivered = bot
        .wait_for_rows(
            "SELECT status, platform_message_id FROM outbox WHERE dedupe_key LIKE 'excerpt:%'",
            WAIT,
            |rows| rows.first().is_some_and(|r| r[0] == "sent"),
        )
        .await;
    assert_eq!(
        redelivered[0][1],
        root.as_str(),
        "the re-sent excerpt is the event already posted"
    );

    let new_command = alice.send_text(&room, "!cq reading list").await;
    let first_answer = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id) && (replies_to(e, &old_command) || replies_to(e, &new_command))
        })
        .await;
    assert!(
        replies_to(&first_answer, &new_command),
        "the command sent while the bot was down must not be answered: {first_answer}"
    );
    let first_excerpt_after_root = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id)
                && ((text(e).contains("Questions for discussion")
                    && e["event_id"] != root.as_str())
                    || e["event_id"] == first_answer["event_id"])
        })
        .await;
    assert_eq!(
        first_excerpt_after_root["event_id"], first_answer["event_id"],
        "the excerpt was not posted a second time"
    );
    assert!(
        alice.was_decrypted(&event_id(&first_answer)),
        "the restarted bot still encrypts"
    );
    assert_eq!(
        bot.session()["device_id"],
        device,
        "same device after a restart"
    );
    assert_eq!(
        bot.devices().await,
        vec![device.as_str().unwrap_or_default().to_string()],
        "the bot's account has one device"
    );
    let rows = bot
        .rows("SELECT message_id, text FROM replies ORDER BY posted_at")
        .await;
    assert_eq!(
        rows,
        vec![
            vec![
                Value::from(before.as_str()),
                Value::from("Before the restart: monitoring is the key.")
            ],
            vec![
                Value::from(during.as_str()),
                Value::from("While the bot was away: sanctions must grow.")
            ],
        ],
        "the reply sent while the bot was down is recorded once"
    );
    bot.stop().await;
}

/// Logging in with an access token from the environment (instead of a password): the bot
/// uses that token's device, and answers in an encrypted room.
#[tokio::test]
async fn access_token_login() {
    let alice = Member::login("alice").await;
    let mut bot = TestBot::start_with("token", &[&alice.user_id], 64, true).await;
    let devices = bot.devices().await;
    assert_eq!(devices.len(), 1, "no second device: {devices:?}");
    assert_eq!(bot.session()["device_id"], devices[0].as_str());
    let room = alice
        .create_room("token reading group", true, &[&bot.user_id])
        .await;
    alice.wait_until_joined(&room, &bot.user_id, WAIT).await;
    let answer = command(
        &alice,
        &room,
        &bot,
        "!cq setup --tz Europe/Paris --time 08:30",
    )
    .await;
    assert_contains(&answer, "08:30 Europe/Paris");
    assert!(alice.was_decrypted(&event_id(&answer)));
    bot.stop().await;
}

/// Every verb as a facilitator and as a member in the group room, and as a stranger (a
/// user outside the room, writing to the bot directly): refused exactly when the command
/// table says so, with a clear answer.
#[tokio::test]
async fn every_verb_for_facilitators_members_and_strangers() {
    let (alice, bob, carol, dave) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol"),
        Member::login("dave")
    );
    let bot = TestBot::start("perms", &[&alice.user_id], 64).await;
    let room = group_room("perms", false, &bot, [&alice, &bob, &carol, &dave]).await;
    let setup = command(&alice, &room, &bot, "!cq setup --tz UTC").await;
    assert_contains(&setup, "now a reading group");
    let lines = crate::common::verbs::EVERY_VERB.iter().map(|e| e.line);
    // dave has no power and is not listed: a member.
    for (who, role) in [
        (&dave, colloquy::domain::command::Role::Member),
        (&alice, colloquy::domain::command::Role::Facilitator),
    ] {
        for line in lines.clone() {
            let needed = colloquy::domain::command::parse(line)
                .unwrap()
                .required_role();
            let answer = command(who, &room, &bot, &format!("!cq {line}")).await;
            let refused = text(&answer).contains("Only facilitators")
                || text(&answer).contains("Only members");
            assert_eq!(
                refused,
                role < needed,
                "{line} as {}: {answer}",
                role.as_str()
            );
        }
    }
    // A stranger: in none of the bot's rooms. The bot will not even join a direct room
    // with them (only members of its groups may vote there), so they cannot run anything.
    let name = format!("stranger{}", std::process::id());
    crate::common::matrix_bot_harness::register(&name, &format!("{name}-pass")).await;
    let stranger = Member::login(&name).await;
    let dm = stranger.create_dm(&bot.user_id).await;
    let bot_id = bot.user_id.to_string();
    stranger
        .wait_for_event(&dm, WAIT, |e| {
            e["type"] == "m.room.member"
                && e["state_key"] == bot_id.as_str()
                && e["content"]["membership"] == "leave"
        })
        .await;
}

/// A member runs `privacy forget-me --confirm`; the bot restarts as a process that last
/// handled the excerpt post and has no sync position (a second instance, or a crash before
/// it saved one), so it reads the thread's history again, with the member's replies and
/// poll vote in it. None of it is recorded again; what the member writes afterwards is.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forget_me_stays_forgotten_when_history_is_read_again() {
    let (alice, bob, carol) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol")
    );
    let mut bot = TestBot::start("forget", &[&alice.user_id], 64).await;
    let room = alice
        .create_room(
            "forget reading group",
            false,
            &[&bot.user_id, &bob.user_id, &carol.user_id],
        )
        .await;
    tokio::join!(bob.join(&room), carol.join(&room));
    for m in [&alice, &bob, &carol] {
        m.wait_until_joined(&room, &bot.user_id, WAIT).await;
    }
    let root = set_up_and_post_excerpt(&alice, &room, &bot).await;
    let root_ts = alice
        .wait_for_event(&room, WAIT, |e| e["event_id"] == root.as_str())
        .await["origin_server_ts"]
        .as_i64()
        .expect("the excerpt's timestamp");
    let created = command(
        &alice,
        &room,
        &bot,
        "!cq poll create \"Fences beat meetings\"",
    )
    .await;
    assert_contains(&created, "Poll #1 is open until");
    let poll = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id) && e["type"] == "org.matrix.msc3381.poll.start"
        })
        .await;
    bob.send_poll_response(&room, &event_id(&poll), &["1"], false)
        .await;
    bob.send_thread_reply(&room, &root, "Bob: something he will take back.")
        .await;
    carol
        .send_thread_reply(&room, &root, "Carol: a reply that stays.")
        .await;
    let bob_rows = "SELECT (SELECT COUNT(*) FROM replies WHERE member_key LIKE 'matrix:@bob%'),
                           (SELECT COUNT(*) FROM votes WHERE member_key LIKE 'matrix:@bob%'),
                           (SELECT COUNT(*) FROM members WHERE key LIKE 'matrix:@bob%')";
    bot.wait_for_rows(bob_rows, WAIT, |rows| {
        rows[0] == vec![Value::from(1), Value::from(1), Value::from(1)]
    })
    .await;
    bot.wait_for_rows("SELECT COUNT(*) FROM replies", WAIT, |rows| rows[0][0] == 2)
        .await;
    bob.send_text(&room, "!cq privacy forget-me --confirm")
        .await;
    bot.wait_for_rows(bob_rows, WAIT, |rows| {
        rows[0] == vec![Value::from(0), Value::from(0), Value::from(0)]
    })
    .await;
    bot.stop().await;
    // The next start knows nothing of this run's sync position: it reads back to the post.
    bot.execute("DELETE FROM kv WHERE key LIKE 'matrix:sync-token:%'")
        .await;
    bot.execute(&format!(
        "UPDATE kv SET value = '{} {}' WHERE key LIKE 'matrix:mark:%'",
        root_ts - 1,
        root
    ))
    .await;
    for i in 0..12 {
        carol
            .send_text(&room, &format!("chatter while the bot is away, {i}"))
            .await;
    }
    bot.restart().await;
    carol
        .send_thread_reply(&room, &root, "Carol: a marker after the restart.")
        .await;
    bot.wait_for_rows("SELECT COUNT(*) FROM replies", WAIT, |rows| rows[0][0] == 2)
        .await;
    assert_eq!(
        bot.rows(bob_rows).await,
        vec![vec![Value::from(0), Value::from(0), Value::from(0)]],
        "reading the history again recorded the forgotten member"
    );
    // Taking part again is recorded.
    bob.send_thread_reply(&room, &root, "Bob: back, with a new point.")
        .await;
    bot.wait_for_rows(bob_rows, WAIT, |rows| {
        rows[0] == vec![Value::from(1), Value::from(0), Value::from(1)]
    })
    .await;
    bot.stop().await;
}

/// Issue 17 on Matrix: `!cq claim add` into the queue, a facilitator's review, the cards
/// voted by text, and `!cq map` (with its chart) and `!cq report` answered in the room; the
/// rejected claim appears nowhere.
#[tokio::test]
async fn claims_cards_map_and_report() {
    let (alice, bob, carol, dave) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol"),
        Member::login("dave")
    );
    let bot = TestBot::start("opinion", &[&alice.user_id], 64).await;
    let room = group_room("opinion", false, &bot, [&alice, &bob, &carol, &dave]).await;
    set_up_and_post_excerpt(&alice, &room, &bot).await;
    let claims = [
        "Fences are institutions too",
        "Village meetings do not scale",
        "Cheap monitoring is the real rule",
        "The old story is true for oceans",
    ];
    for (i, c) in claims.iter().enumerate() {
        let a = command(&bob, &room, &bot, &format!("!cq claim add \"{c}\"")).await;
        assert_contains(&a, &format!("your claim is #{}", i + 1));
    }
    command(&carol, &room, &bot, "!cq claim add \"REJECTED-SECRET\"").await;
    let refused = command(&bob, &room, &bot, "!cq claim queue").await;
    assert_contains(&refused, "Only facilitators");
    let queue = command(&alice, &room, &bot, "!cq claim queue").await;
    assert_contains(&queue, "5 claims waiting");
    let rejected = command(&alice, &room, &bot, "!cq claim reject 5").await;
    assert_contains(&rejected, "rejected");
    for i in 1..=4 {
        let a = command(&alice, &room, &bot, &format!("!cq claim approve {i}")).await;
        assert_contains(&a, &format!("posted as card #{i}"));
    }
    for (m, v) in [(&bob, "agree"), (&carol, "disagree"), (&dave, "pass")] {
        for card in 1..=4 {
            // The receipt goes to the voter's direct room; the room is told so.
            let r = command(m, &room, &bot, &format!("!cq vote {card} {v}")).await;
            assert_contains(&r, "direct message");
        }
    }
    let map = command(&alice, &room, &bot, "!cq map").await;
    assert_contains(&map, "Opinion map");
    assert_contains(
        &map,
        "No opinion groups: only 3 members voted on at least 4 claims, and groups need 8",
    );
    let chart = alice
        .wait_for_event(&room, WAIT, |e| {
            sent_by(e, &bot.user_id)
                && e["content"]["msgtype"] == "m.image"
                && e["content"]["filename"]
                    .as_str()
                    .is_some_and(|f| f.contains("-map-"))
        })
        .await;
    assert!(!chart.to_string().contains("REJECTED-SECRET"));
    let report = command(&alice, &room, &bot, "!cq report").await;
    assert_contains(&report, "No claim was asked both before and after");
    let everything = bot.rows("SELECT claim FROM polls").await;
    assert_eq!(everything.len(), 4);
    assert!(!format!("{everything:?}").contains("REJECTED-SECRET"));
}
