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
    let (_, a) = slash(&fake, &p.fay, SlashCommand::new("claim").sub("queue")).await;
    assert!(
        a.ephemeral && text(&a).contains("5 claims waiting") && text(&a).contains(CLAIMS[0]),
        "{a:?}"
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
