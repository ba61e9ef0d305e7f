//! The slash commands in the members' languages: the registration the real serenity
//! client sends carries `name_localizations` and `description_localizations` for ru,
//! zh-CN, de and fr on every command, subcommand and option (and the choices' names), each
//! valid by Discord's rules, which the fake checks as Discord does (a bad one fails the
//! whole registration).

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
