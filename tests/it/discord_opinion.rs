//! Issue 17 on Discord end to end (the real serenity + poise client against the fake
//! Discord): members propose claims with `/claim add`, a facilitator approves them from
//! `/claim queue`, the cards are voted with their Agree / Disagree / Pass buttons, and
//! `/map` answers with the two camps and the chart as an attachment with alt text.

use crate::common::discord_app::{Bot, WAIT, answer, slash};
use crate::common::fake_discord::{FakeDiscord, Person, SlashCommand};
use crate::discord_bot::{people, post_excerpt, setup_and_import};

const CLAIMS: [&str; 4] = [
    "Courts earn trust slowly",
    "Small parties win by losing",
    "Coalitions blur accountability",
    "Voters reward judicial independence",
];

fn text(a: &crate::common::fake_discord::InteractionReply) -> String {
    a.content.clone().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_claims_cards_and_the_map() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    setup_and_import(&fake, &p).await;
    post_excerpt(&fake, &p).await;

    // Members propose; the answers are private.
    let members: Vec<Person> = (0..10).map(|i| fake.member(&format!("m{i}"))).collect();
    for (i, claim) in CLAIMS.iter().enumerate() {
        let (_, a) = slash(
            &fake,
            &members[i],
            SlashCommand::new("claim").sub("add").str("claim", claim),
        )
        .await;
        assert!(
            a.ephemeral && text(&a).contains(&format!("claim is #{}", i + 1)),
            "{a:?}"
        );
    }
    let (_, a) = slash(
        &fake,
        &p.bob,
        SlashCommand::new("claim")
            .sub("add")
            .str("claim", "REJECTED-SECRET @everyone"),
    )
    .await;
    assert!(a.ephemeral, "{a:?}");
    // Members cannot see the queue; the facilitator can.
    let (_, a) = slash(&fake, &p.bob, SlashCommand::new("claim").sub("queue")).await;
    assert!(text(&a).contains("Only facilitators"), "{a:?}");
    let (i, a) = slash(&fake, &p.fay, SlashCommand::new("claim").sub("queue")).await;
    assert!(
        a.ephemeral && text(&a).contains("5 claims waiting"),
        "{a:?}"
    );
    let listed = fake.wait_for_interaction_responses(&i.token, 6, WAIT).await;
    assert!(
        listed[1].ephemeral && text(&listed[1]).contains(CLAIMS[0]),
        "{listed:?}"
    );
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("claim").sub("reject").int("claim", 5),
    )
    .await;
    assert!(text(&a).contains("rejected"), "{a:?}");
    for i in 1..=4 {
        let (_, a) = slash(
            &fake,
            &p.fay,
            SlashCommand::new("claim").sub("approve").int("claim", i),
        )
        .await;
        assert!(a.ephemeral && text(&a).contains("posted as card"), "{a:?}");
    }
    // The four cards arrive with three buttons each.
    let cards = fake
        .wait_for("four claim cards", WAIT, |f| {
            let cards: Vec<_> = f
                .messages_in(f.ids().channel_id)
                .into_iter()
                .filter(|m| m.content.contains("Claim card #") && !m.components.is_empty())
                .collect();
            (cards.len() == 4).then_some(cards)
        })
        .await;
    let first = serde_json::to_string(&cards[0].components).unwrap();
    assert!(
        first.contains("Agree") && first.contains("Disagree") && first.contains("Pass"),
        "{first}"
    );
    // Two camps of five vote with the buttons.
    for (m, who) in members.iter().enumerate() {
        let camp_a = m < 5;
        for (c, card) in cards.iter().enumerate() {
            let poll = c + 1;
            let agree = (c < 2) == camp_a;
            let option = if agree { 0 } else { 1 };
            let i = fake.click(who, card.id.get(), &format!("cq:vote:{poll}:{option}"));
            let a = answer(&fake, &i).await;
            assert!(
                a.ephemeral && text(&a).contains(&format!("poll #{poll}")),
                "{a:?}"
            );
        }
    }
    let (_, a) = slash(&fake, &p.bob, SlashCommand::new("map")).await;
    let map = text(&a);
    assert!(!a.ephemeral, "the map is for the channel");
    assert!(map.contains("**2 opinion groups**"), "{map}");
    assert!(
        map.contains("**Group A** · 5 members") && map.contains("**Group B** · 5 members"),
        "{map}"
    );
    assert!(!map.contains("REJECTED-SECRET"));
    assert_eq!(a.files.len(), 1, "the chart is attached");
    assert!(a.files[0].filename.ends_with(".png"));
    assert!(image::load_from_memory(&a.files[0].bytes).is_ok());
    let log = serde_json::to_string(&fake.messages_in(fake.ids().channel_id)).unwrap();
    assert!(!log.contains("REJECTED-SECRET"));
    fake.assert_no_unknown_routes();
    bot.stop().await;
}

/// The custom ids of the buttons on a message, in order.
fn button_ids(components: &[serde_json::Value]) -> Vec<String> {
    components
        .iter()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|b| b["custom_id"].as_str().map(str::to_string))
        .collect()
}

/// The claim's status and the facilitator who decided it, from the bot's database.
async fn decision(db: &sqlx::SqlitePool, claim: i64) -> (String, Option<String>) {
    sqlx::query_as("SELECT status, decided_by FROM member_claims WHERE id = ?")
        .bind(claim)
        .fetch_one(db)
        .await
        .expect("the claim is stored")
}

/// Issue 17's review on Discord: `/claim add` without text opens a form; `/claim queue`
/// lists each pending claim with Approve / Edit / Reject buttons; a member pressing them is
/// refused; Edit opens a form filled in with the claim; a second facilitator pressing a
/// button on a claim already decided is told who decided it, and nothing changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_claim_review_with_buttons_and_forms() {
    let fake = FakeDiscord::start().await;
    let p = people(&fake);
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    setup_and_import(&fake, &p).await;
    post_excerpt(&fake, &p).await;
    let db = crate::common::discord_app::db(&bot.db).await;

    // A member proposes in the form `/claim add` opens when the claim is left out.
    let open = fake.slash(&p.cat, SlashCommand::new("claim").sub("add"));
    let form = fake.wait_for_interaction_response(&open.token, WAIT).await;
    assert_eq!(form.callback_type(), Some(9), "a form: {form:?}");
    assert_eq!(form.data["custom_id"], "cq:propose");
    assert_eq!(form.data["title"], "Propose a claim");
    let sent = fake.submit_form(&open, &p.cat, &[("claim", CLAIMS[0])]);
    let a = answer(&fake, &sent).await;
    assert!(a.ephemeral && text(&a).contains("claim is #1"), "{a:?}");
    // A form with nothing but blanks in it is refused, and nothing is stored.
    let open = fake.slash(&p.cat, SlashCommand::new("claim").sub("add"));
    fake.wait_for_interaction_response(&open.token, WAIT).await;
    let sent = fake.submit_form(&open, &p.cat, &[("claim", " \u{200b} ")]);
    let a = answer(&fake, &sent).await;
    assert!(a.ephemeral && text(&a).contains("claim is empty"), "{a:?}");
    for (who, claim) in [
        (&p.dan, CLAIMS[1]),
        (&p.bob, "REJECTED-SECRET @everyone"),
        (&p.dan, CLAIMS[2]),
    ] {
        let (_, a) = slash(
            &fake,
            who,
            SlashCommand::new("claim").sub("add").str("claim", claim),
        )
        .await;
        assert!(a.ephemeral && text(&a).contains("in the queue"), "{a:?}");
    }

    // Each facilitator opens the queue: a heading, then a message per claim with buttons.
    let queue = |who: &crate::common::fake_discord::Person| {
        let i = fake.slash(who, SlashCommand::new("claim").sub("queue"));
        let fake = &fake;
        async move {
            let replies = fake.wait_for_interaction_responses(&i.token, 5, WAIT).await;
            assert!(replies.iter().all(|r| r.ephemeral), "{replies:?}");
            let head = replies[0].content.clone().unwrap_or_default();
            assert!(head.contains("4 claims waiting for review"), "{head}");
            let mut by_claim = std::collections::HashMap::new();
            for (n, r) in replies[1..].iter().enumerate() {
                let claim = n as i64 + 1;
                assert_eq!(
                    button_ids(&r.components),
                    vec![
                        format!("cq:approve:{claim}"),
                        format!("cq:edit:{claim}"),
                        format!("cq:reject:{claim}")
                    ],
                    "{r:?}"
                );
                assert!(
                    r.content
                        .as_deref()
                        .unwrap_or_default()
                        .starts_with(&format!("**#{claim}**")),
                    "{r:?}"
                );
                by_claim.insert(claim, r.message_id.expect("a queue message"));
            }
            by_claim
        }
    };
    let fay_queue = queue(&p.fay).await;
    let ada_queue = queue(&p.ada).await;
    let line = fake.message(fay_queue[&3]).expect("the queue message");
    assert!(
        !line.content.contains("@everyone") && line.content.contains("proposed by bob"),
        "{}",
        line.content
    );

    // A member who presses a facilitator's button is refused, privately; nothing changes.
    for button in ["cq:approve:1", "cq:edit:1", "cq:reject:1"] {
        let press = fake.click(&p.bob, fay_queue[&1], button);
        let a = answer(&fake, &press).await;
        assert!(
            a.ephemeral && text(&a).contains("Only facilitators"),
            "{button}: {a:?}"
        );
    }
    assert_eq!(decision(&db, 1).await, ("pending".to_string(), None));

    // Approve: the queue message says what happened and loses its buttons; the card is posted.
    let press = fake.click(&p.fay, fay_queue[&1], "cq:approve:1");
    let a = fake.wait_for_interaction_response(&press.token, WAIT).await;
    assert_eq!(
        a.callback_type(),
        Some(7),
        "the queue message is updated: {a:?}"
    );
    assert!(
        text(&a).contains("Claim #1 is approved and posted as card #1"),
        "{a:?}"
    );
    let updated = fake.message(fay_queue[&1]).expect("the queue message");
    assert!(updated.components.is_empty(), "{:?}", updated.components);
    let fay_key = format!("discord:{}", p.fay.id);
    assert_eq!(
        decision(&db, 1).await,
        ("approved".into(), Some(fay_key.clone()))
    );

    // A second facilitator on the same claim is told who decided it; nothing changes.
    for button in ["cq:approve:1", "cq:reject:1", "cq:edit:1"] {
        let press = fake.click(&p.ada, ada_queue[&1], button);
        let a = answer(&fake, &press).await;
        assert!(
            a.ephemeral
                && text(&a).contains(
                    "Claim #1 was already approved by fay and posted as card #1; nothing changed."
                ),
            "{button}: {a:?}"
        );
    }
    assert_eq!(
        decision(&db, 1).await,
        ("approved".into(), Some(fay_key.clone()))
    );

    // Edit: a form filled in with the claim; the reworded claim is approved as a card.
    let press = fake.click(&p.fay, fay_queue[&4], "cq:edit:4");
    let form = fake.wait_for_interaction_response(&press.token, WAIT).await;
    assert_eq!(form.callback_type(), Some(9), "{form:?}");
    assert_eq!(form.data["custom_id"], "cq:edited:4");
    assert_eq!(
        form.data["components"][0]["components"][0]["value"], CLAIMS[2],
        "the form holds the claim as proposed: {form:?}"
    );
    let reworded = "Coalitions blur who is accountable";
    let sent = fake.submit_form(&press, &p.fay, &[("claim", reworded)]);
    let a = fake.wait_for_interaction_response(&sent.token, WAIT).await;
    assert_eq!(a.callback_type(), Some(7), "{a:?}");
    assert!(
        text(&a).contains("Claim #4 is approved and posted as card #2"),
        "{a:?}"
    );

    // Reject, then the other facilitator's late press.
    let press = fake.click(&p.ada, ada_queue[&3], "cq:reject:3");
    let a = fake.wait_for_interaction_response(&press.token, WAIT).await;
    assert_eq!(a.callback_type(), Some(7), "{a:?}");
    assert!(text(&a).contains("Claim #3 is rejected"), "{a:?}");
    assert!(!text(&a).contains("REJECTED-SECRET"), "{a:?}");
    let press = fake.click(&p.fay, fay_queue[&3], "cq:approve:3");
    let a = answer(&fake, &press).await;
    assert!(
        a.ephemeral && text(&a).contains("Claim #3 was already rejected by ada; nothing changed."),
        "{a:?}"
    );
    // Editing an approved claim's old form is refused too.
    let press = fake.click(&p.ada, ada_queue[&2], "cq:approve:2");
    let a = fake.wait_for_interaction_response(&press.token, WAIT).await;
    assert_eq!(a.callback_type(), Some(7), "{a:?}");

    // Three cards in the channel, the reworded one among them; the rejected claim nowhere.
    let cards = fake
        .wait_for("three claim cards", WAIT, |f| {
            let cards: Vec<_> = f
                .messages_in(f.ids().channel_id)
                .into_iter()
                .filter(|m| m.content.contains("Claim card #") && !m.components.is_empty())
                .collect();
            (cards.len() == 3).then_some(cards)
        })
        .await;
    assert!(
        cards.iter().any(|c| c.content.contains(reworded)),
        "{cards:?}"
    );
    assert!(
        !cards.iter().any(|c| c.content.contains(CLAIMS[2])),
        "{cards:?}"
    );
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("claim").sub("queue")).await;
    assert!(
        text(&a).contains("No claims are waiting for review."),
        "{a:?}"
    );
    let public: Vec<_> = fake
        .messages_in(fake.ids().channel_id)
        .into_iter()
        .filter(|m| {
            !m.flags
                .is_some_and(|f| f.contains(serenity::model::channel::MessageFlags::EPHEMERAL))
        })
        .collect();
    let log = serde_json::to_string(&public).unwrap();
    assert!(!log.contains("REJECTED-SECRET"));
    fake.assert_no_unknown_routes();
    bot.stop().await;
}
