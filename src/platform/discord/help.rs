//! `/help`: every slash command with its description, marked where it needs a facilitator
//! (the role comes from the command table, as `!cq help` has it), or one command with its
//! options. The descriptions are the commands' own `///` comments.

use poise::serenity_prelude as serenity;

use super::respond;
use super::{Ctx, Data, Error};
use crate::domain::command::{Role, VERBS};
use crate::i18n::Locale;
use crate::t;

/// A command's or option's description in `loc` (its localization for Discord, else the
/// English one).
fn described(
    english: Option<&str>,
    localized: &[(
        std::borrow::Cow<'static, str>,
        std::borrow::Cow<'static, str>,
    )],
    loc: Locale,
) -> String {
    loc.discord()
        .and_then(|d| localized.iter().find(|(l, _)| l == d))
        .map(|(_, text)| text.to_string())
        .unwrap_or_else(|| english.unwrap_or_default().to_string())
}

/// The leaf commands as typed (`poll create`), with their command.
pub(super) fn leaves(
    commands: &[poise::Command<Data, Error>],
) -> Vec<(String, &poise::Command<Data, Error>)> {
    let mut out = Vec::new();
    for c in commands {
        if c.subcommands.is_empty() {
            out.push((c.name.to_string(), c));
        } else {
            for s in &c.subcommands {
                out.push((format!("{} {}", c.name, s.name), s));
            }
        }
    }
    out
}

/// The help text for a caller with `role`: every command, or one in detail.
pub(crate) fn help_text(
    commands: &[poise::Command<Data, Error>],
    topic: Option<&str>,
    role: Role,
    set_up: bool,
    loc: Locale,
) -> String {
    let all = leaves(commands);
    if let Some(topic) = topic {
        let wanted = topic.trim().trim_start_matches('/').to_lowercase();
        let found: Vec<_> = all
            .iter()
            .filter(|(name, _)| *name == wanted || name.starts_with(&format!("{wanted} ")))
            .collect();
        if found.is_empty() {
            return t!(loc, "discord-help-no-such-command", wanted = wanted);
        }
        return found
            .iter()
            .map(|(name, c)| {
                let mut text = format!(
                    "**/{name}**: {}",
                    described(c.description.as_deref(), &c.description_localizations, loc)
                );
                // The longer help is the `///` comment, in English only.
                if let Some(more) = c.help_text.as_ref().filter(|_| loc == Locale::En) {
                    text.push_str("\n\n");
                    text.push_str(&more.replace('\n', " "));
                }
                if !c.parameters.is_empty() {
                    text.push_str("\n\n");
                    text.push_str(&t!(loc, "discord-help-options"));
                    for p in &c.parameters {
                        let optional = if p.required {
                            String::new()
                        } else {
                            format!(" {}", t!(loc, "discord-help-optional"))
                        };
                        text.push_str(&format!(
                            "\n- `{}`{optional}: {}",
                            p.name,
                            described(p.description.as_deref(), &p.description_localizations, loc)
                        ));
                    }
                }
                text
            })
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    let mut text = t!(loc, "discord-help-intro");
    text.push('\n');
    if !set_up {
        text.push_str(&t!(loc, "discord-help-not-set-up"));
        text.push('\n');
    }
    text.push('\n');
    for (name, c) in &all {
        let mark = match VERBS.iter().find(|v| v.name == name.as_str()) {
            Some(verb) if role < verb.role => {
                format!(" *{}*", t!(loc, "discord-help-facilitators"))
            }
            _ => String::new(),
        };
        text.push_str(&format!(
            "- `/{name}`: {}{mark}\n",
            described(c.description.as_deref(), &c.description_localizations, loc)
        ));
    }
    text.push('\n');
    text.push_str(&t!(loc, "discord-help-one-command"));
    text
}

/// What the bot can do here, or one command and its options.
#[poise::command(slash_command)]
pub(crate) async fn help(
    ctx: Ctx<'_>,
    #[description = "A command to explain, e.g. poll create"]
    #[autocomplete = "super::autocomplete::complete_command"]
    command: Option<String>,
) -> Result<(), Error> {
    let Some((caller, channel)) = respond::whoami(ctx).await else {
        return Ok(());
    };
    let set_up = match ctx.data().engine.group_of(&channel).await {
        Ok(g) => g.is_some(),
        // Show the whole help rather than none; the failure is logged.
        Err(e) => {
            tracing::warn!(error = %e, "cannot tell whether this channel is a group");
            true
        }
    };
    // The group's language, or in a direct chat the member's (Engine::locale_for).
    let loc = ctx.data().engine.locale_for(&channel, &caller).await;
    let text = help_text(
        &ctx.framework().options().commands,
        command.as_deref(),
        caller.role,
        set_up,
        loc,
    );
    for part in crate::render::split_message(&text, super::limits::MAX_CONTENT) {
        ctx.send(
            poise::CreateReply::default()
                .content(part)
                .ephemeral(true)
                .allowed_mentions(serenity::CreateAllowedMentions::new()),
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_short_description_for_discord() {
        let commands = super::super::commands::all();
        for (name, c) in leaves(&commands) {
            let d = c.description.as_deref().unwrap_or_default();
            assert!(!d.is_empty(), "/{name} has no description");
            assert!(
                d.chars().count() <= 100,
                "/{name}: {d} is too long for Discord"
            );
            for p in &c.parameters {
                let pd = p.description.as_deref().unwrap_or_default();
                assert!(
                    !pd.is_empty() && pd.chars().count() <= 100,
                    "/{name} {}: {pd}",
                    p.name
                );
                assert!(p.name.len() <= 32 && p.name == p.name.to_lowercase());
            }
        }
        for c in &commands {
            let d = c.description.as_deref().unwrap_or_default();
            assert!(!d.is_empty() && d.chars().count() <= 100, "/{}", c.name);
        }
    }

    /// Discord's slash commands have their own help (their `///` comments and option
    /// descriptions, which Discord shows in its own UI); this keeps them in step with the
    /// command table that the text parser and `!cq help` read: the same verbs, and for each
    /// verb the same options (a text verb's arguments and flags are Discord options).
    #[test]
    fn slash_commands_and_the_command_table_agree() {
        use crate::domain::command::VERBS;
        use std::collections::BTreeSet;
        let commands = super::super::commands::all();
        let leaves = leaves(&commands);
        let slash: BTreeSet<&str> = leaves.iter().map(|(n, _)| n.as_str()).collect();
        let table: BTreeSet<&str> = VERBS.iter().map(|v| v.name).collect();
        assert_eq!(slash, table, "slash commands and the command table differ");
        for (name, c) in &leaves {
            let verb = VERBS.iter().find(|v| v.name == name.as_str()).unwrap();
            let discord: BTreeSet<String> =
                c.parameters.iter().map(|p| p.name.to_string()).collect();
            let mut text: BTreeSet<String> = verb
                .args
                .iter()
                .map(|a| a.name.to_string())
                .chain(verb.flags.iter().map(|f| f.name.replace('-', "_")))
                .collect();
            // Discord takes the reading as an attachment option; text platforms attach it.
            if verb.name == "reading import" {
                text.insert("file".into());
            }
            assert_eq!(
                discord,
                text,
                "/{name}: options differ from `{}`",
                verb.usage()
            );
        }
    }

    #[test]
    fn help_marks_facilitator_commands_for_members() {
        let commands = super::super::commands::all();
        let text = help_text(&commands, None, Role::Member, true, Locale::En);
        assert!(text.contains("`/excerpt next`") && text.contains("*(facilitators)*"));
        assert!(
            text.lines()
                .find(|l| l.contains("`/summary`"))
                .is_some_and(|l| !l.contains("facilitators"))
        );
        let one = help_text(
            &commands,
            Some("poll create"),
            Role::Member,
            true,
            Locale::En,
        );
        assert!(one.contains("Options:") && one.contains("`claim`"));
        assert!(
            help_text(&commands, Some("dance"), Role::Member, true, Locale::En)
                .contains("no `/dance`")
        );
        // A Russian group reads its help in Russian, descriptions from commands.ftl.
        let mut commands = super::super::commands::all();
        super::super::localize::localize(&mut commands);
        let ru = help_text(&commands, None, Role::Member, false, Locale::Ru);
        assert!(ru.contains("Этот канал ещё не читательская группа"), "{ru}");
        assert!(
            ru.contains("- `/poll create`: Открыть опрос по утверждению"),
            "{ru}"
        );
        assert!(ru.contains("*(модераторы)*"), "{ru}");
        let one = help_text(
            &commands,
            Some("poll create"),
            Role::Member,
            true,
            Locale::ZhHans,
        );
        assert!(one.contains("选项：") && one.contains("（可选）"), "{one}");
    }
}
