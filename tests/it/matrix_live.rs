//! A short live seminar (issue 18) on Matrix, end to end against the test Synapse
//! (`scripts/test` starts it): the agenda set and started, a hand raised with a ✋ reaction
//! on the agenda post and another with `!cq hand`, other reactions ignored, a reaction's
//! redaction lowering the hand it raised (and only a waiting one), a reaction sent while
//! the bot was down caught up after a restart, the facilitator calling the queue, a note,
//! a decision and an action for a member, the next item, a breakout in threads with
//! report-backs, and the session's end with its summary in the room.

use matrix_sdk::ruma::events::reaction::ReactionEventContent;
use matrix_sdk::ruma::events::relation::Annotation;
use matrix_sdk::ruma::{EventId, OwnedEventId, RoomId};
use serde_json::Value;
use std::time::Duration;

use crate::common::matrix_bot_harness::TestBot;
use crate::common::matrix_member::{Member, WAIT, body, event_id, relates_to};
use crate::matrix_bot::{
    assert_contains, bot_post, command, group_room, sent_by, set_up_and_post_excerpt,
};

/// A breakout's minute runs out on the bot's real clock, then the scheduler's next step
/// (every 10 s) asks each thread: a wait on the event, with room for a busy machine.
const BREAKOUT_WAIT: Duration = Duration::from_secs(150);

fn reaction(on: &EventId, key: &str) -> ReactionEventContent {
    ReactionEventContent::new(Annotation::new(on.to_owned(), key.to_owned()))
}

/// The bot's message in `room` containing `needle` that is none of `seen`.
async fn new_bot_post(
    member: &Member,
    room: &RoomId,
    bot: &TestBot,
    needle: &str,
    seen: &[&OwnedEventId],
) -> Value {
    member
        .wait_for_event(room, WAIT, |e| {
            sent_by(e, &bot.user_id)
                && body(e).unwrap_or_default().contains(needle)
                && !seen.iter().any(|s| e["event_id"] == s.as_str())
        })
        .await
}

/// The hands of the session: (member, status, raised by a reaction), in the order raised.
async fn hands(bot: &TestBot) -> Vec<(String, String, bool)> {
    bot.rows("SELECT member_key, status, raised_by IS NOT NULL FROM hands ORDER BY id")
        .await
        .into_iter()
        .map(|r| {
            (
                r[0].as_str()
                    .unwrap_or_default()
                    .trim_start_matches("matrix:")
                    .to_string(),
                r[1].as_str().unwrap_or_default().to_string(),
                r[2] == 1,
            )
        })
        .collect()
}

fn hand(who: &str, status: &str, by_reaction: bool) -> (String, String, bool) {
    (format!("@{who}:localhost"), status.to_string(), by_reaction)
}

#[tokio::test]
async fn a_short_live_seminar_with_hands_by_reaction() {
    let (alice, bob, carol, dave) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol"),
        Member::login("dave")
    );
    let mut bot = TestBot::start("live", &[&alice.user_id], 64).await;
    let room = group_room("live", false, &bot, [&alice, &bob, &carol, &dave]).await;
    let root = set_up_and_post_excerpt(&alice, &room, &bot).await;
    // bob, carol and dave talk to the bot directly too: private answers come there.
    let (bob_dm, carol_dm, dave_dm) = tokio::join!(
        bob.create_dm(&bot.user_id),
        carol.create_dm(&bot.user_id),
        dave.create_dm(&bot.user_id)
    );
    bob.wait_until_joined(&bob_dm, &bot.user_id, WAIT).await;
    carol.wait_until_joined(&carol_dm, &bot.user_id, WAIT).await;
    dave.wait_until_joined(&dave_dm, &bot.user_id, WAIT).await;

    // The session and its agenda.
    let started = command(
        &alice,
        &room,
        &bot,
        "!cq session start --title \"The meadow, live\"",
    )
    .await;
    assert_contains(&started, "Live session #");
    let set = command(
        &alice,
        &room,
        &bot,
        "!cq agenda set \"Opening 5m | The meadow 20m | Wrap-up 10m\"",
    )
    .await;
    assert_contains(&set, "3 items, 35 min");
    let agenda = bot_post(&alice, &room, &bot, "Agenda (35 min in all)").await;
    assert_contains(&agenda, "✋ reaction on this post");
    let agenda_id = event_id(&agenda);
    command(&alice, &room, &bot, "!cq agenda start").await;
    bot_post(&alice, &room, &bot, "**Now: Opening** (item 1 of 3").await;
    bob.send_thread_reply(&room, &root, "Bob, live: the herders wrote these rules.")
        .await;
    carol
        .send_text(
            &room,
            "Carol, live: watching is cheap when the field is in sight.",
        )
        .await;

    // bob raises his hand with ✋ on the agenda post: his place, privately.
    let bob_hand = bob.send(&room, reaction(&agenda_id, "✋")).await;
    let told = bot_post(&bob, &bob_dm, &bot, "Your hand is up").await;
    assert_contains(&told, "you are next");
    assert_contains(&told, "take your ✋ reaction off the agenda post");
    // carol with the command, second.
    // carol with the command, second: her place privately too, the room only told so.
    let carol_hand = command(&carol, &room, &bot, "!cq hand the fence question").await;
    assert_contains(&carol_hand, "I sent you a direct message");
    let carol_told = bot_post(&carol, &carol_dm, &bot, "2nd in the queue").await;
    assert_contains(&carol_told, "you are 2nd in the queue (1 ahead of you)");
    // Other reactions on the agenda post, and ✋ on another post, raise nothing.
    dave.send(&room, reaction(&agenda_id, "👍")).await;
    dave.send(&room, reaction(&root, "✋")).await;
    // dave raises a hand (✋ in a skin tone), then takes the reaction back: it goes down.
    let dave_hand = dave.send(&room, reaction(&agenda_id, "✋🏽")).await;
    let dave_up = bot_post(&dave, &dave_dm, &bot, "Your hand is up").await;
    assert_contains(&dave_up, "you are 3rd in the queue (2 ahead of you)");
    dave.redact(&room, &dave_hand).await;
    let down = bot_post(&dave, &dave_dm, &bot, "You took your ✋ reaction off").await;
    assert_contains(&down, "your hand is down");
    let queue = command(&carol, &room, &bot, "!cq queue").await;
    let q = body(&queue).unwrap_or_default();
    let (b, c) = (q.find("bob"), q.find("carol"));
    assert!(
        b.is_some() && c.is_some() && b < c && !q.contains("dave"),
        "bob, then carol, and not dave: {q}"
    );
    assert_eq!(
        hands(&bot).await,
        [
            hand("bob", "waiting", true),
            hand("carol", "waiting", false),
            hand("dave", "lowered", true),
        ]
    );

    // The facilitator gives bob the floor; bob's ✋ taken back now leaves it his.
    let next = command(&alice, &room, &bot, "!cq queue next").await;
    assert_contains(&next, "The floor is **bob**'s. Next: carol.");
    bob.redact(&room, &bob_hand).await;
    let note = command(
        &alice,
        &room,
        &bot,
        "!cq note the rules fit the meadow because its users wrote them",
    )
    .await;
    assert_contains(&note, "under **Opening**");
    command(
        &alice,
        &room,
        &bot,
        "!cq decision we read the second half next week",
    )
    .await;
    let action = command(
        &alice,
        &room,
        &bot,
        "!cq action @bob:localhost circulate a map of the meadow",
    )
    .await;
    assert_contains(&action, "for **bob**");
    assert_eq!(
        hands(&bot).await[0],
        hand("bob", "speaking", true),
        "a called hand stays called when its reaction goes"
    );

    // dave reacts again while the bot is down: the catch-up after the restart raises his
    // hand (once), and tells him.
    bot.stop().await;
    dave.send(&room, reaction(&agenda_id, "✋\u{FE0F}")).await;
    bot.restart().await;
    let again = new_bot_post(
        &dave,
        &dave_dm,
        &bot,
        "Your hand is up",
        &[&event_id(&dave_up)],
    )
    .await;
    assert_contains(&again, "you are 2nd in the queue (1 ahead of you)");
    let rows = hands(&bot).await;
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[3], hand("dave", "waiting", true));

    // The next item, and a breakout in two threads.
    command(&alice, &room, &bot, "!cq agenda next").await;
    bot_post(&alice, &room, &bot, "**Now: The meadow** (item 2 of 3").await;
    let breakout = command(&alice, &room, &bot, "!cq breakout 2 --minutes 1").await;
    assert_contains(&breakout, "Breakout: 2 threads for 1 min");
    let mut threads = Vec::new();
    for seq in 1..=2 {
        let post = bot_post(&alice, &room, &bot, &format!("## Breakout {seq} of 2")).await;
        let text = body(&post).unwrap_or_default().to_string();
        let listed = text
            .lines()
            .find_map(|l| l.strip_prefix("**Members:** "))
            .unwrap_or_else(|| panic!("no members line in {text}"));
        let members: Vec<&Member> = [&bob, &carol, &dave]
            .into_iter()
            .filter(|m| listed.split(", ").any(|n| n == m.user_id.localpart()))
            .collect();
        assert!(!members.is_empty(), "a thread with members: {text}");
        threads.push((event_id(&post), members));
    }
    assert_eq!(
        threads.iter().map(|(_, m)| m.len()).sum::<usize>(),
        3,
        "bob, carol and dave split between the threads (alice visits)"
    );
    // Talk in a thread; when the minute is up, each thread is asked for its report-back.
    let (first_root, first_members) = &threads[0];
    first_members[0]
        .send_thread_reply(&room, first_root, "Before the ask: we keep talking.")
        .await;
    for (seq, (thread, members)) in threads.iter().enumerate() {
        members[0]
            .wait_for_event(&room, BREAKOUT_WAIT, |e| {
                sent_by(e, &bot.user_id)
                    && relates_to(e)["rel_type"] == "m.thread"
                    && relates_to(e)["event_id"] == thread.as_str()
                    && body(e)
                        .unwrap_or_default()
                        .contains("report-back in one line")
            })
            .await;
        members[0]
            .send_thread_reply(
                &room,
                thread,
                &format!("Report of thread {}: rules must fit the place.", seq + 1),
            )
            .await;
    }
    let gathered = bot_post(&alice, &room, &bot, "Breakout report-backs (2 threads)").await;
    for seq in 1..=2 {
        assert_contains(
            &gathered,
            &format!("Report of thread {seq}: rules must fit the place."),
        );
    }

    // The end: the summary in the room, by agenda item, with the action and attendance.
    let end = command(&alice, &room, &bot, "!cq session end").await;
    assert_contains(&end, "The summary follows");
    let summary = bot_post(&alice, &room, &bot, "**By agenda item**").await;
    for expected in [
        "**1. Opening** (5 min; ran",
        "**2. The meadow** (20 min; ran",
        "**3. Wrap-up** (10 min; did not run)",
        "- Note: the rules fit the meadow because its users wrote them",
        "- **Decision:** we read the second half next week",
        "**bob**: circulate a map of the meadow",
        "Report of thread 1: rules must fit the place.",
        "**Attendance** (",
        "- bob: ",
        "- carol: ",
        "- dave: ",
    ] {
        assert_contains(&summary, expected);
    }
    let lines = body(&summary).unwrap_or_default();
    assert!(
        lines.contains("raised a hand"),
        "dave came by his hand: {lines}"
    );
    bot.stop().await;
}

/// In an encrypted room: the agenda post is encrypted, the ✋ reaction on it is not (clients
/// send reactions in clear; matrix-sdk 0.18 never encrypts `m.reaction`; one that came
/// encrypted would be decrypted and read the same way), and it raises the hand; its
/// redaction lowers it.
#[tokio::test]
async fn a_hand_raised_by_reaction_in_an_encrypted_room() {
    let (alice, bob, carol, dave) = tokio::join!(
        Member::login("alice"),
        Member::login("bob"),
        Member::login("carol"),
        Member::login("dave")
    );
    let bot = TestBot::start("live-e2ee", &[&alice.user_id], 64).await;
    let room = group_room("live-e2ee", true, &bot, [&alice, &bob, &carol, &dave]).await;
    set_up_and_post_excerpt(&alice, &room, &bot).await;
    let bob_dm = bob.create_dm(&bot.user_id).await;
    bob.wait_until_joined(&bob_dm, &bot.user_id, WAIT).await;
    command(&alice, &room, &bot, "!cq session start").await;
    command(
        &alice,
        &room,
        &bot,
        "!cq agenda set \"Opening 5m | Talk 20m\"",
    )
    .await;
    let agenda = bot_post(&alice, &room, &bot, "Agenda (25 min in all)").await;
    assert!(
        alice.was_decrypted(&event_id(&agenda)),
        "the agenda came encrypted"
    );
    let hand_id = bob.send(&room, reaction(&event_id(&agenda), "✋")).await;
    let told = bot_post(&bob, &bob_dm, &bot, "Your hand is up").await;
    assert_contains(&told, "you are next");
    bob.redact(&room, &hand_id).await;
    bot_post(&bob, &bob_dm, &bot, "You took your ✋ reaction off").await;
    assert_eq!(hands(&bot).await, [hand("bob", "lowered", true)]);
}
