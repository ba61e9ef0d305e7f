//! Self-test of the Matrix test harness against the real test Synapse: two members exchange
//! text, thread replies, edits, redactions, poll responses and files, in a plain room and
//! an end-to-end encrypted one. Needs `COLLOQUY_TEST_HOMESERVER` (scripts/test sets it).

use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use serde_json::Value;

use crate::common::matrix_member::{Member, WAIT, body, event_id, relates_to, user_id};

/// alice creates a room (encrypted or not) and invites bob; bob joins; both have seen the join.
async fn alice_and_bob_in_a_room(name: &str, encrypted: bool) -> (Member, Member, OwnedRoomId) {
    let (alice, bob) = tokio::join!(Member::login("alice"), Member::login("bob"));
    let room = alice.create_room(name, encrypted, &[&bob.user_id]).await;
    bob.join(&room).await;
    alice.wait_until_joined(&room, &bob.user_id, WAIT).await;
    bob.wait_until_joined(&room, &bob.user_id, WAIT).await;
    (alice, bob, room)
}

fn is_message(event: &Value, text: &str) -> bool {
    event["type"] == "m.room.message" && body(event) == Some(text)
}

/// alice says `text`; bob receives it from alice.
async fn text_arrives(alice: &Member, bob: &Member, room: &RoomId, text: &str) -> Value {
    let id = alice.send_text(room, text).await;
    let ev = bob
        .wait_for_event(room, WAIT, |e| is_message(e, text))
        .await;
    assert_eq!(ev["event_id"], id.as_str());
    assert_eq!(ev["sender"], "@alice:localhost");
    assert_eq!(ev["content"]["msgtype"], "m.text");
    ev
}

#[tokio::test]
async fn plain_room_text_thread_reply_edit_redaction() {
    let (alice, bob, room) = alice_and_bob_in_a_room("selftest plain", false).await;
    assert!(
        !alice
            .room(&room)
            .latest_encryption_state()
            .await
            .unwrap()
            .is_encrypted()
    );

    let root = text_arrives(&alice, &bob, &room, "hello bob").await;
    let root_id = event_id(&root);

    // bob answers in a thread; alice sees the m.thread relation
    let reply_id = bob
        .send_thread_reply(&room, &root_id, "in the thread")
        .await;
    let ev = alice
        .wait_for_event(&room, WAIT, |e| is_message(e, "in the thread"))
        .await;
    assert_eq!(ev["event_id"], reply_id.as_str());
    assert_eq!(ev["sender"], "@bob:localhost");
    assert_eq!(relates_to(&ev)["rel_type"], "m.thread");
    assert_eq!(relates_to(&ev)["event_id"], root_id.as_str());

    // a plain reply
    let id = bob.send_reply(&room, &root_id, "a reply").await;
    let ev = alice.wait_for_event_id(&room, &id, WAIT).await;
    assert_eq!(
        relates_to(&ev)["m.in_reply_to"]["event_id"],
        root_id.as_str()
    );

    // alice edits her message
    let edit_id = alice.edit(&room, &root_id, "hello again bob").await;
    let ev = bob.wait_for_event_id(&room, &edit_id, WAIT).await;
    assert_eq!(relates_to(&ev)["rel_type"], "m.replace");
    assert_eq!(relates_to(&ev)["event_id"], root_id.as_str());
    assert_eq!(ev["content"]["m.new_content"]["body"], "hello again bob");
    assert_eq!(body(&ev), Some("* hello again bob"));

    // and redacts it
    let redaction_id = alice.redact(&room, &root_id).await;
    let ev = bob.wait_for_event_id(&room, &redaction_id, WAIT).await;
    assert_eq!(ev["type"], "m.room.redaction");
    // room v10 and older: top-level `redacts`; v11+: `content.redacts`
    let target = ev
        .get("redacts")
        .filter(|r| !r.is_null())
        .unwrap_or(&ev["content"]["redacts"]);
    assert_eq!(target, root_id.as_str(), "{ev}");

    // carol is invited later and joins; alice makes her a moderator
    let carol = Member::login("carol").await;
    alice.invite(&room, &carol.user_id).await;
    carol.join(&room).await;
    alice.wait_until_joined(&room, &carol.user_id, WAIT).await;
    alice.set_power_level(&room, &carol.user_id, 50).await;
    let ev = carol
        .wait_for_event(&room, WAIT, |e| {
            e["type"] == "m.room.power_levels" && e["content"]["users"]["@carol:localhost"] == 50
        })
        .await;
    assert_eq!(ev["sender"], "@alice:localhost");
}

#[tokio::test]
async fn plain_room_polls_and_files() {
    let (alice, bob, room) = alice_and_bob_in_a_room("selftest polls", false).await;

    let poll = alice
        .send_poll_start(&room, "Next book?", &[("a", "Dune"), ("b", "Emma")])
        .await;
    let ev = bob.wait_for_event_id(&room, &poll, WAIT).await;
    assert_eq!(ev["type"], "org.matrix.msc3381.poll.start");
    assert_eq!(
        ev["content"]["org.matrix.msc3381.poll.start"]["answers"][1]["id"],
        "b"
    );

    let unstable = bob.send_poll_response(&room, &poll, &["b"], false).await;
    let ev = alice.wait_for_event_id(&room, &unstable, WAIT).await;
    assert_eq!(ev["type"], "org.matrix.msc3381.poll.response");
    assert_eq!(
        ev["content"]["org.matrix.msc3381.poll.response"]["answers"],
        serde_json::json!(["b"])
    );
    assert_eq!(relates_to(&ev)["rel_type"], "m.reference");
    assert_eq!(relates_to(&ev)["event_id"], poll.as_str());

    let stable = bob.send_poll_response(&room, &poll, &["a"], true).await;
    let ev = alice.wait_for_event_id(&room, &stable, WAIT).await;
    assert_eq!(ev["type"], "m.poll.response");
    assert_eq!(ev["content"]["m.selections"], serde_json::json!(["a"]));
    assert_eq!(relates_to(&ev)["rel_type"], "m.reference");
    assert_eq!(relates_to(&ev)["event_id"], poll.as_str());

    let bytes = b"chapter 1\nIt was a dark and stormy night.\n";
    let file = alice
        .upload_file(&room, "notes.txt", bytes, "text/plain")
        .await;
    let ev = bob.wait_for_event_id(&room, &file, WAIT).await;
    assert_eq!(ev["content"]["msgtype"], "m.file");
    assert_eq!(body(&ev), Some("notes.txt"));
    assert_eq!(bob.download(&ev).await, bytes);
}

#[tokio::test]
async fn encrypted_room_exchange() {
    let (alice, bob, room) = alice_and_bob_in_a_room("selftest e2ee", true).await;
    assert!(
        bob.room(&room)
            .latest_encryption_state()
            .await
            .unwrap()
            .is_encrypted()
    );

    let ev = text_arrives(&alice, &bob, &room, "a secret for bob").await;
    let id = event_id(&ev);
    assert!(
        bob.was_decrypted(&id),
        "bob should have received it encrypted: {ev}"
    );

    // and back: bob's thread reply, decrypted by alice, keeps its relation
    let reply = bob.send_thread_reply(&room, &id, "secret thread").await;
    let ev = alice.wait_for_event_id(&room, &reply, WAIT).await;
    assert!(alice.was_decrypted(&reply));
    assert_eq!(body(&ev), Some("secret thread"));
    assert_eq!(relates_to(&ev)["rel_type"], "m.thread");

    // an encrypted attachment
    let file = alice
        .upload_file(&room, "secret.txt", b"top secret", "text/plain")
        .await;
    let ev = bob.wait_for_event_id(&room, &file, WAIT).await;
    assert!(
        ev["content"]["file"].is_object(),
        "an encrypted file has `file`, not `url`: {ev}"
    );
    assert_eq!(bob.download(&ev).await, b"top secret");
}

#[tokio::test]
async fn direct_message() {
    let (dave, carol) = tokio::join!(Member::login("dave"), Member::login("carol"));
    let room = dave.create_dm(&user_id("carol")).await;
    carol.join(&room).await;
    dave.wait_until_joined(&room, &carol.user_id, WAIT).await;
    let id = dave.send_text(&room, "psst, carol").await;
    let ev = carol.wait_for_event_id(&room, &id, WAIT).await;
    assert_eq!(body(&ev), Some("psst, carol"));
    assert!(carol.was_decrypted(&id), "DMs are encrypted by default");
}
