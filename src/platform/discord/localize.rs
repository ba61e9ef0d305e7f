//! The slash commands in the members' languages: each command, option and choice gets
//! Discord's `name_localizations` and `description_localizations` (ru, zh-CN, de, fr)
//! from the Fluent files (`prompts/locales/<lang>/commands.ftl`), filled in once at
//! start, so one source holds the words. English is the commands' own (their `///`
//! comments), which `commands.ftl` in English repeats for the translators.
//!
//! Keys: `cmd-poll-create` (the value is the name, `.description` the description), an
//! option `cmd-poll-create--claim`, its choices `.choice0`, `.choice1`, ….

use std::borrow::Cow;

use crate::i18n::{Locale, Messages};

use super::{Data, Error};

type Command = poise::Command<Data, Error>;

/// The Fluent key of a command by its path of names: `cmd-poll-create`.
pub(crate) fn command_key(path: &[&str]) -> String {
    format!("cmd-{}", path.join("-").replace('_', "-"))
}

/// The Fluent key of an option: `cmd-poll-create--claim`.
pub(crate) fn option_key(path: &[&str], option: &str) -> String {
    format!("{}--{}", command_key(path), option.replace('_', "-"))
}

/// Whether Discord takes `name` as a command or option name: 1 to 32 characters,
/// lowercase where the script has case, letters, digits, `-` and `_` only.
pub(crate) fn valid_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name
            .chars()
            .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || c == '-' || c == '_')
        && name.to_lowercase() == name
}

/// Whether Discord takes `text` as a description: 1 to 100 characters.
pub(crate) fn valid_description(text: &str) -> bool {
    (1..=100).contains(&text.chars().count())
}

/// A translation of `key` (or `key.attr`) in `locale`, if that locale has its own.
fn own(messages: &Messages, locale: Locale, key: &str) -> Option<String> {
    let id = key.split('.').next().unwrap_or(key);
    if !messages.has(locale, id) {
        return None;
    }
    let text = messages.format(locale, key, &[]);
    (!text.trim().is_empty()).then(|| text.trim().to_string())
}

/// Pairs (Discord locale, text) of `key` in every locale but English, each checked by
/// `valid`; one that fails is logged and left out (Discord would refuse every command).
fn localizations(
    messages: &Messages,
    key: &str,
    valid: fn(&str) -> bool,
) -> Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]> {
    let mut out = Vec::new();
    for locale in Locale::ALL {
        let Some(discord) = locale.discord() else {
            continue;
        };
        let Some(text) = own(messages, locale, key) else {
            continue;
        };
        if valid(&text) {
            out.push((Cow::Borrowed(discord), Cow::Owned(text)));
        } else {
            tracing::error!(key, locale = discord, text, "command localization refused");
        }
    }
    Cow::Owned(out)
}

/// Fill in every command's, option's and choice's localizations from the Fluent files.
/// Only `commands.ftl` of each locale is parsed for it, and dropped afterwards: the
/// bot's other messages are parsed per locale when a group first needs them.
pub(crate) fn localize(commands: &mut [Command]) {
    let messages = Messages::only_file("commands.ftl");
    for command in commands {
        localize_one(&messages, command, &mut Vec::new());
    }
}

fn localize_one(messages: &Messages, command: &mut Command, path: &mut Vec<String>) {
    path.push(command.name.to_string());
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let key = command_key(&names);
    command.name_localizations = localizations(messages, &key, valid_name);
    command.description_localizations =
        localizations(messages, &format!("{key}.description"), valid_description);
    for p in &mut command.parameters {
        let key = option_key(&names, &p.name);
        p.name_localizations = localizations(messages, &key, valid_name);
        p.description_localizations =
            localizations(messages, &format!("{key}.description"), valid_description);
        let choices: Vec<poise::CommandParameterChoice> = p
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut c = c.clone();
                c.localizations =
                    localizations(messages, &format!("{key}.choice{i}"), valid_description);
                c
            })
            .collect();
        p.choices = Cow::Owned(choices);
    }
    for sub in &mut command.subcommands {
        localize_one(messages, sub, path);
    }
    path.pop();
}

/// Every (key, English name, English description, choices) of the commands, in order:
/// what `commands.ftl` must hold.
#[cfg(test)]
pub(crate) fn english(commands: &[Command]) -> Vec<(String, String, String, Vec<String>)> {
    fn walk(
        c: &Command,
        path: &mut Vec<String>,
        out: &mut Vec<(String, String, String, Vec<String>)>,
    ) {
        path.push(c.name.to_string());
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        out.push((
            command_key(&names),
            c.name.to_string(),
            c.description.clone().unwrap_or_default().to_string(),
            Vec::new(),
        ));
        for p in &c.parameters {
            out.push((
                option_key(&names, &p.name),
                p.name.to_string(),
                p.description.clone().unwrap_or_default().to_string(),
                p.choices.iter().map(|c| c.name.to_string()).collect(),
            ));
        }
        for sub in &c.subcommands {
            walk(sub, path, out);
        }
        path.pop();
    }
    let mut out = Vec::new();
    for c in commands {
        walk(c, &mut Vec::new(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::messages;

    /// commands.ftl in English holds every command, option and choice as the code names
    /// and describes it, so a new or renamed option cannot go untranslated unnoticed (the
    /// complete-translation check then asks every locale for it).
    #[test]
    fn english_commands_ftl_matches_the_commands() {
        let mut problems = Vec::new();
        for (key, name, description, choices) in english(&super::super::commands::all()) {
            if !messages().has(Locale::En, &key) {
                problems.push(format!("{key} = {name} is missing"));
                continue;
            }
            let en = |k: &str| messages().format(Locale::En, k, &[]);
            if en(&key) != name {
                problems.push(format!("{key}: {} is not {name}", en(&key)));
            }
            if en(&format!("{key}.description")) != description {
                problems.push(format!("{key}.description: not {description:?}"));
            }
            for (i, c) in choices.iter().enumerate() {
                if en(&format!("{key}.choice{i}")) != *c {
                    problems.push(format!("{key}.choice{i}: not {c:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// Every translation is a name Discord takes, every description fits, and no two
    /// commands (or options of one command) share a name in any language.
    #[test]
    fn every_localization_is_valid_and_unique_among_its_siblings() {
        let mut commands = super::super::commands::all();
        localize(&mut commands);
        let mut problems = Vec::new();
        /// (locale, text) pairs.
        type Pairs = Vec<(String, String)>;
        fn check(siblings: Vec<(String, Pairs, Pairs)>, at: &str, problems: &mut Vec<String>) {
            for locale in ["ru", "zh-CN", "de", "fr"] {
                let mut seen = std::collections::HashSet::new();
                for (name, names, descriptions) in &siblings {
                    let Some((_, local)) = names.iter().find(|(l, _)| l == locale) else {
                        problems.push(format!("{at}/{name}: no {locale} name"));
                        continue;
                    };
                    if !valid_name(local) {
                        problems.push(format!("{at}/{name}: {locale} name {local:?}"));
                    }
                    if !seen.insert(local.clone()) {
                        problems.push(format!("{at}/{name}: {locale} name {local:?} twice"));
                    }
                    match descriptions.iter().find(|(l, _)| l == locale) {
                        Some((_, d)) if valid_description(d) => {}
                        other => {
                            problems.push(format!("{at}/{name}: {locale} description {other:?}"))
                        }
                    }
                }
            }
        }
        fn pairs(v: &[(Cow<'static, str>, Cow<'static, str>)]) -> Pairs {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        }
        fn walk(commands: &[Command], at: &str, problems: &mut Vec<String>) {
            check(
                commands
                    .iter()
                    .map(|c| {
                        (
                            c.name.to_string(),
                            pairs(&c.name_localizations),
                            pairs(&c.description_localizations),
                        )
                    })
                    .collect(),
                at,
                problems,
            );
            for c in commands {
                let here = format!("{at}/{}", c.name);
                check(
                    c.parameters
                        .iter()
                        .map(|p| {
                            (
                                p.name.to_string(),
                                pairs(&p.name_localizations),
                                pairs(&p.description_localizations),
                            )
                        })
                        .collect(),
                    &here,
                    problems,
                );
                for p in &c.parameters {
                    for ch in p.choices.iter() {
                        if ch.localizations.len() != 4 {
                            problems.push(format!("{here} {}: choice {}", p.name, ch.name));
                        }
                    }
                }
                walk(&c.subcommands, &here, problems);
            }
        }
        walk(&commands, "", &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn discord_names_follow_discords_rule() {
        assert!(valid_name("опрос") && valid_name("投票") && valid_name("ordre-du-jour"));
        assert!(valid_name("без_сносок"));
        assert!(!valid_name("Опрос") && !valid_name("two words") && !valid_name(""));
        assert!(!valid_name(&"a".repeat(33)));
        assert!(valid_description(&"é".repeat(100)) && !valid_description(&"é".repeat(101)));
    }

    /// Print the English skeleton of commands.ftl (`COLLOQUY_DUMP_COMMANDS=1`).
    #[test]
    fn dump_english_skeleton() {
        if std::env::var("COLLOQUY_DUMP_COMMANDS").is_err() {
            return;
        }
        for (key, name, description, choices) in english(&super::super::commands::all()) {
            println!("{key} = {name}\n    .description = {description}");
            for (i, c) in choices.iter().enumerate() {
                println!("    .choice{i} = {c}");
            }
        }
    }
}
