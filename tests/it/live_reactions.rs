//! Hands raised by a reaction on the agenda post (issue 18, Matrix's ✋), through the
//! engine with a manual clock, on both stores: the reaction raises the member's hand once
//! (read again, it raises nothing), its redaction lowers only the hand it raised and only
//! while it waits, reactions on other posts are nothing, an ended session's agenda says so,
//! and an agenda replaced before it started still takes hands on its first post.

use colloquy::domain::command::Role;
use colloquy::i18n::Locale;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

/// A group with a live session running at 18:00 and its agenda posted: the agenda post's
/// message id.
async fn seminar(db: TestDb) -> (TestApp, String) {
    let app = TestApp::at(monday(9, 0), db).await;
    app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    app.clock.set(monday(18, 0));
    app.fac("session start --title \"Thucydides, book V\"")
        .await;
    app.fac("agenda set \"Opening 5m | Part I 20m\"").await;
    app.deliver().await;
    let post = agenda_posts(&app)
        .await
        .pop()
        .expect("the agenda was posted");
    (app, post)
}

/// The platform ids of the agenda's posts, oldest first.
async fn agenda_posts(app: &TestApp) -> Vec<String> {
    app.store
        .outbox_rows()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.dedupe_key.starts_with("agenda:"))
        .filter_map(|r| r.platform_message_id)
        .collect()
}

async fn hands(app: &TestApp) -> Vec<(String, String)> {
    let g = app.group().await;
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    app.store
        .hands(
            session.id,
            &[
                "waiting", "speaking", "spoke", "skipped", "lowered", "cleared",
            ],
        )
        .await
        .unwrap()
        .into_iter()
        .map(|h| (h.name, h.status))
        .collect()
}

fn pair(name: &str, status: &str) -> (String, String) {
    (name.to_string(), status.to_string())
}

colloquy::store_test! {
async fn a_reaction_on_the_agenda_post_raises_a_hand_and_its_redaction_lowers_it(db: TestDb) {
    let (app, post) = seminar(db).await;
    let ana = TestApp::member("ana");
    // Not the agenda post: nothing, and nothing to say.
    assert_eq!(app.engine.hand_by_reaction("no-such-post", "$r0", &ana, "ana").await.unwrap(), None);
    assert!(hands(&app).await.is_empty());
    // ana reacts: her hand is up, she is told her place and how to lower it.
    let up = app.engine.hand_by_reaction(&post, "$r1", &ana, "ana").await.unwrap().expect("a reply");
    assert!(up.private);
    assert!(up.text.contains("Your hand is up: you are next."), "{}", up.text);
    assert!(up.text.contains("take your ✋ reaction off the agenda post"), "{}", up.text);
    // The same reaction read again (a restart's catch-up): nothing more.
    assert_eq!(app.engine.hand_by_reaction(&post, "$r1", &ana, "ana").await.unwrap(), None);
    // A second reaction while her hand is up: she is told it already is.
    let twice = app.engine.hand_by_reaction(&post, "$r2", &ana, "ana").await.unwrap_err().to_string();
    assert!(twice.contains("already up"), "{twice}");
    // bo raises his with the command; a redaction of anything else lowers nothing.
    app.run("bo", Role::Member, "hand").await.unwrap();
    assert_eq!(app.engine.hand_reaction_withdrawn("$not-a-reaction").await.unwrap(), None);
    assert_eq!(app.engine.hand_reaction_withdrawn("$r2").await.unwrap(), None, "$r2 raised no hand");
    assert_eq!(hands(&app).await, [pair("ana", "waiting"), pair("bo", "waiting")]);
    // ana takes her ✋ back: her hand goes down and she is told; once.
    let (who, down) = app.engine.hand_reaction_withdrawn("$r1").await.unwrap().expect("lowered");
    assert_eq!(who, ana);
    assert!(down.text.contains("your hand is down"), "{}", down.text);
    assert_eq!(app.engine.hand_reaction_withdrawn("$r1").await.unwrap(), None);
    assert_eq!(hands(&app).await, [pair("ana", "lowered"), pair("bo", "waiting")]);
    // She reacts again, is called, then takes the reaction back: the floor stays hers.
    app.clock.set(monday(18, 1));
    let again = app.engine.hand_by_reaction(&post, "$r3", &ana, "ana").await.unwrap().expect("a reply");
    assert!(again.text.contains("2nd in the queue"), "{}", again.text);
    app.fac("queue next").await; // bo
    app.fac("queue next").await; // ana
    assert_eq!(app.engine.hand_reaction_withdrawn("$r3").await.unwrap(), None);
    assert_eq!(
        hands(&app).await,
        [pair("ana", "lowered"), pair("bo", "spoke"), pair("ana", "speaking")]
    );
    // A hand raised by the command is not lowered by a reaction's redaction.
    app.run("cy", Role::Member, "hand").await.unwrap();
    let cy_twice = app.engine.hand_by_reaction(&post, "$r4", &TestApp::member("cy"), "cy").await;
    assert!(cy_twice.is_err());
    assert_eq!(app.engine.hand_reaction_withdrawn("$r4").await.unwrap(), None);
    assert_eq!(hands(&app).await.last(), Some(&pair("cy", "waiting")));
    // After the session: the agenda's reactions say the session is over, and raise nothing.
    app.fac("session end").await;
    let over = app.engine.hand_by_reaction(&post, "$r5", &TestApp::member("dee"), "dee").await.unwrap_err();
    assert!(over.to_string().contains("session has ended"), "{over}");
}
}

colloquy::store_test! {
async fn the_reaction_messages_speak_the_groups_language(db: TestDb) {
    let (app, post) = seminar(db).await;
    app.fac("setup --language de").await;
    let up = app
        .engine
        .hand_by_reaction(&post, "$r1", &TestApp::member("ana"), "ana")
        .await
        .unwrap()
        .expect("a reply");
    assert!(up.text.contains("entferne deine ✋-Reaktion"), "{}", up.text);
    let (_, down) = app.engine.hand_reaction_withdrawn("$r1").await.unwrap().expect("lowered");
    assert_eq!(
        down.text,
        colloquy::t!(Locale::De, "hand-reaction-lowered"),
    );
    assert!(down.text.contains("Warteschlange"), "{}", down.text);
}
}

colloquy::store_test! {
async fn an_agenda_replaced_before_it_starts_takes_hands_on_its_first_post_too(db: TestDb) {
    let (app, first) = seminar(db).await;
    app.clock.set(monday(18, 1));
    app.fac("agenda set \"Opening 5m | Part I 20m | Wrap-up 10m\"").await;
    app.deliver().await;
    let posts = agenda_posts(&app).await;
    assert_eq!(posts.len(), 2, "{posts:?}");
    assert_eq!(posts[0], first);
    let up = app
        .engine
        .hand_by_reaction(&first, "$r1", &TestApp::member("ana"), "ana")
        .await
        .unwrap()
        .expect("the first post still takes hands");
    assert!(up.text.contains("you are next"), "{}", up.text);
    app.engine
        .hand_by_reaction(&posts[1], "$r2", &TestApp::member("bo"), "bo")
        .await
        .unwrap()
        .expect("and the new one");
    assert_eq!(hands(&app).await, [pair("ana", "waiting"), pair("bo", "waiting")]);
}
}
