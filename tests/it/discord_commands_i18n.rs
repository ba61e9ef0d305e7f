//! The slash commands in the members' languages: the registration the real serenity
//! client sends carries `name_localizations` and `description_localizations` for ru,
//! zh-CN, de and fr on every command, subcommand and option (and the choices' names), each
//! valid by Discord's rules, which the fake checks as Discord does (a bad one fails the
//! whole registration). A Russian group's vote-with-a-reason flow and members' direct
//! chats with the bot, in their languages, through the real serenity client.

use serde_json::Value;

use crate::common::discord_app::Bot;
use crate::common::fake_discord::FakeDiscord;

const LOCALES: [&str; 4] = ["ru", "zh-CN", "de", "fr"];

/// Every command, subcommand and option of `commands`, with its path.
fn walk<'a>(items: &'a [Value], path: &str, out: &mut Vec<(String, &'a Value)>) {
    for item in items {
        let here = format!("{path}/{}", item["name"].as_str().unwrap_or("?"));
        out.push((here.clone(), item));
        if let Some(options) = item["options"].as_array() {
            walk(options, &here, out);
        }
    }
}

fn valid_name(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || c.is_alphanumeric())
        && name.to_lowercase() == name
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn discord_commands_are_registered_with_their_localizations() {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let put = fake
        .requests_matching("PUT", "/applications/")
        .pop()
        .expect("the registration");
    assert_eq!(put.status, 200, "Discord refused the registration: {put:?}");
    let (_, guild) = fake.commands();
    assert!(guild.len() > 15, "{} commands", guild.len());
    let mut all = Vec::new();
    walk(&guild, "", &mut all);
    let mut problems = Vec::new();
    let mut choices = 0;
    for (path, item) in &all {
        for locale in LOCALES {
            let name = item["name_localizations"][locale].as_str().unwrap_or("");
            if !valid_name(name) {
                problems.push(format!("{path}: name in {locale} is {name:?}"));
            }
            let description = item["description_localizations"][locale]
                .as_str()
                .unwrap_or("");
            if !(1..=100).contains(&description.chars().count()) {
                problems.push(format!(
                    "{path}: description in {locale} is {description:?}"
                ));
            }
        }
        for choice in item["choices"].as_array().into_iter().flatten() {
            choices += 1;
            for locale in LOCALES {
                let n = choice["name_localizations"][locale]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .count();
                if !(1..=100).contains(&n) {
                    problems.push(format!("{path}: choice {} in {locale}", choice["name"]));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        all.len() > 100 && choices > 10,
        "{} items, {choices} choices",
        all.len()
    );
    // What a Russian, a Chinese, a German and a French member see in the command list.
    let poll = guild.iter().find(|c| c["name"] == "poll").expect("/poll");
    assert_eq!(poll["name_localizations"]["ru"], "опрос");
    assert_eq!(poll["name_localizations"]["zh-CN"], "投票");
    assert_eq!(poll["name_localizations"]["de"], "umfrage");
    assert_eq!(poll["name_localizations"]["fr"], "sondage");
    let create = poll["options"]
        .as_array()
        .and_then(|o| o.iter().find(|c| c["name"] == "create"))
        .expect("/poll create");
    assert_eq!(create["name_localizations"]["ru"], "создать");
    assert!(
        create["description_localizations"]["zh-CN"]
            .as_str()
            .is_some_and(|d| d.contains("主张")),
        "{create}"
    );
    bot.stop().await;
}

/// A Russian group votes with a reason through the real serenity client: the poll's
/// "Vote with a reason" button, the private answer picker (its text, placeholder and
/// options), the form (title, label, placeholder) and the receipt are all in Russian. Then
/// direct chats with the bot: each member reads `/help` in their own language (their
/// group's, else their Discord client's, else English).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_russian_groups_vote_with_a_reason_is_in_russian() {
    use crate::common::discord_app::{WAIT, answer, choice, slash};
    use crate::common::fake_discord::SlashCommand;
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let bot = Bot::start(&fake, dir.path()).await;
    let p = crate::discord_bot::people(&fake);
    let later = |h: i64| {
        (chrono::Utc::now() + chrono::Duration::hours(h))
            .format("%H:%M")
            .to_string()
    };
    let russian = choice(&fake, &["setup"], "language", "Русский");
    let (_, a) = slash(
        &fake,
        &p.ada,
        SlashCommand::new("setup")
            .str("tz", "UTC")
            .str("time", &later(3))
            .str("summary_time", &later(6))
            .int("language", russian),
    )
    .await;
    assert!(!a.ephemeral, "{a:?}");
    let (_, a) = slash(
        &fake,
        &p.fay,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Предсказуемые суды создают доверие")
            .int("minutes", 30),
    )
    .await;
    assert!(a.ephemeral, "{a:?}");
    let poll_msg = fake
        .wait_for_message(fake.ids().channel_id, WAIT, |m| !m.components.is_empty())
        .await;
    let rows = serde_json::to_value(&poll_msg.components).expect("components as JSON");
    let buttons: Vec<&Value> = rows
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .collect();
    let why = buttons
        .iter()
        .find(|b| b["custom_id"] == "cq:why:1")
        .expect("the vote-with-a-reason button");
    assert_eq!(why["label"], "Голосовать с доводом");

    // The picker: private, its text, placeholder and answers in Russian.
    let i = fake.click(&p.dan, poll_msg.id.get(), "cq:why:1");
    let a = answer(&fake, &i).await;
    assert!(a.ephemeral, "{a:?}");
    let intro = a.content.clone().unwrap_or_default();
    assert!(
        intro.starts_with("Опрос №1: выберите ответ, затем напишите довод"),
        "{intro}"
    );
    let menu = &a.components[0]["components"][0];
    assert_eq!(menu["custom_id"], "cq:pick:1");
    assert_eq!(menu["placeholder"], "Выберите ответ");
    let options: Vec<&str> = menu["options"]
        .as_array()
        .expect("the answers")
        .iter()
        .filter_map(|o| o["label"].as_str())
        .collect();
    assert!(options.len() >= 2, "{menu}");
    for label in &options {
        assert!(
            !label.chars().any(|c| c.is_ascii_alphabetic()),
            "an answer in English: {options:?}"
        );
    }

    // The form: its title, the field's label and placeholder in Russian.
    let picker = a.message_id.expect("the picker message");
    let s = fake.select(&p.dan, picker, "cq:pick:1", &["0"]);
    let modal = fake.wait_for_interaction_response(&s.token, WAIT).await;
    assert_eq!(modal.callback_type(), Some(9), "{modal:?}");
    assert_eq!(modal.data["custom_id"], "cq:reason:1:0");
    assert_eq!(modal.data["title"], "Ваш довод");
    let field = &modal.data["components"][0]["components"][0];
    assert_eq!(field["label"], "Почему вы голосуете так?");
    assert_eq!(
        field["placeholder"],
        "Показывается с итогами, никогда с вашим именем."
    );

    // The receipt names the answer in Russian.
    let m = fake.submit_modal(
        &p.dan,
        "cq:reason:1:0",
        &[("reason", "Суды, которые держат слово, удешевляют сделки.")],
        Some(picker),
    );
    let a = answer(&fake, &m).await;
    let receipt = a.content.clone().unwrap_or_default();
    assert!(a.ephemeral, "{a:?}");
    assert!(receipt.contains(options[0]), "{receipt}");
    let english = crate::i18n::english_runs(&receipt, &[]);
    assert!(english.is_empty(), "{english:?} in {receipt}");

    // Direct chats with the bot: dan, who voted in the Russian group, reads `/help` in
    // Russian although his Discord is set to German; cat, in no group, in German (her
    // Discord's language); bob, in no group with Discord in English, in English.
    fake.set_user_locale(&p.dan, "de");
    fake.set_user_locale(&p.cat, "de");
    let dm_help = |who: &crate::common::fake_discord::Person| {
        let i = fake.slash_dm(who, SlashCommand::new("help"));
        let fake = &fake;
        async move { answer(fake, &i).await.content.unwrap_or_default() }
    };
    let dan = dm_help(&p.dan).await;
    assert!(
        dan.contains("Этот канал ещё не читательская группа"),
        "{dan}"
    );
    let cat = dm_help(&p.cat).await;
    assert!(
        cat.contains("Dieser Kanal ist noch keine Lesegruppe"),
        "{cat}"
    );
    let bob = dm_help(&p.bob).await;
    assert!(
        bob.contains("This channel is not a reading group yet"),
        "{bob}"
    );
    bot.stop().await;
}
