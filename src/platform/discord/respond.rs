//! Running a command through the engine and answering the interaction: within Discord's
//! 3 s (slow verbs defer at once, others if the engine takes longer than 2 s), private
//! replies and every error ephemeral, files attached, long text split into messages.

use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::access::{display_name, group_channel};
use super::limits::MAX_CONTENT;
use super::{Ctx, Data, Error};
use crate::domain::command::Command;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{Caller, CommandError, Invocation, Reply, Upload};
use crate::ports::FileOut;
use crate::render::split_message;

/// Answer within Discord's 3 s: after this, defer and follow up.
const ANSWER_BY: Duration = Duration::from_millis(2000);

/// How a verb is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pace {
    /// Defer at once; `public`: the reply is normally for the whole channel.
    Slow { public: bool },
    /// Answer directly (deferring privately if the engine is unusually slow).
    Fast,
}

pub(crate) fn pace(command: &Command) -> Pace {
    match command {
        Command::ReadingImport { .. } | Command::Summary { .. } => Pace::Slow { public: true },
        Command::Export { .. }
        | Command::Stats
        | Command::PrivacyMyData
        | Command::PrivacyForgetMe { confirm: true } => Pace::Slow { public: false },
        _ => Pace::Fast,
    }
}

/// Who runs the command and from which group channel.
pub(crate) async fn whoami(ctx: Ctx<'_>) -> Option<(Caller, ChannelKey)> {
    let poise::Context::Application(app) = ctx else {
        return None;
    };
    let i = app.interaction;
    let role = ctx
        .data()
        .access
        .role_of(ctx.cache(), ctx.http(), i.guild_id, i.member.as_deref())
        .await;
    let caller = Caller {
        key: MemberKey::new(Platform::Discord, i.user.id.get().to_string()),
        name: display_name(&i.user, i.member.as_ref().and_then(|m| m.nick.as_deref())),
        role,
        // The member's Discord language: what a direct chat is answered in when their
        // groups do not settle it (Engine::locale_for).
        locale: i.locale.parse().ok(),
    };
    let channel = group_channel(ctx.cache(), i.guild_id, i.channel_id, i.channel.as_ref());
    Some((caller, channel))
}

fn file(f: &FileOut) -> serenity::CreateAttachment {
    let a = serenity::CreateAttachment::bytes(f.bytes.clone(), f.name.clone());
    if f.description.trim().is_empty() {
        a
    } else {
        a.description(f.description.chars().take(1024).collect::<String>())
    }
}

/// The text in messages Discord takes; an empty answer says "Done." in the group's
/// language.
async fn parts(ctx: Ctx<'_>, text: &str) -> Vec<String> {
    let parts: Vec<String> = split_message(text, MAX_CONTENT)
        .into_iter()
        .map(|p| p.chars().take(MAX_CONTENT).collect())
        .filter(|p: &String| !p.trim().is_empty())
        .collect();
    if parts.is_empty() {
        vec![crate::t!(locale_here(ctx).await, "reply-done")]
    } else {
        parts
    }
}

/// Send a reply as the interaction's answer (or follow-ups), files on the first part.
async fn send(ctx: Ctx<'_>, text: &str, files: &[FileOut], ephemeral: bool) -> Result<(), Error> {
    for (n, part) in parts(ctx, text).await.into_iter().enumerate() {
        let mut reply = poise::CreateReply::default()
            .content(part)
            .ephemeral(ephemeral)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        if n == 0 {
            for f in files {
                reply = reply.attachment(file(f));
            }
        }
        ctx.send(reply).await?;
    }
    Ok(())
}

/// Answer an interaction that was deferred (`Some(ephemeral)`) or not (`None`).
async fn answer(
    ctx: Ctx<'_>,
    deferred: Option<bool>,
    result: Result<Reply, CommandError>,
) -> Result<(), Error> {
    let (text, files, private) = match result {
        Ok(r) => (r.text, r.files, r.private),
        Err(e) => (e.to_string(), Vec::new(), true),
    };
    match deferred {
        // Deferred in public but the answer is private: drop the "thinking" message.
        Some(false) if private => {
            if let poise::Context::Application(app) = ctx
                && let Err(e) = app.interaction.delete_response(ctx.http()).await
            {
                tracing::warn!(error = %super::limits::describe(&e), "cannot remove a deferred answer");
            }
            send(ctx, &text, &files, true).await
        }
        // Deferred privately but the answer is for everyone: post it in the channel.
        Some(true) if !private => {
            for (n, part) in parts(ctx, &text).await.into_iter().enumerate() {
                let mut m = serenity::CreateMessage::new()
                    .content(part)
                    .allowed_mentions(serenity::CreateAllowedMentions::new());
                if n == 0 {
                    m = m.add_files(files.iter().map(file));
                }
                ctx.channel_id().send_message(ctx.http(), m).await?;
            }
            let loc = locale_here(ctx).await;
            send(ctx, &crate::t!(loc, "discord-posted-in-channel"), &[], true).await
        }
        _ => send(ctx, &text, &files, private).await,
    }
}

/// Run a command for the caller and answer. `file`: an attachment to import.
pub(crate) async fn run(
    ctx: Ctx<'_>,
    command: Command,
    file: Option<serenity::Attachment>,
) -> Result<(), Error> {
    let Some((caller, channel)) = whoami(ctx).await else {
        return Ok(());
    };
    let bot: &Data = ctx.data();
    let verb = command.verb();
    // A refusal is quick and private: no need to defer or download for it.
    let refused = bot.engine.refuses(&caller, &command, &channel).await;
    let mut deferred = None;
    if let (Pace::Slow { public }, false) = (pace(&command), refused) {
        if public {
            ctx.defer().await?;
        } else {
            ctx.defer_ephemeral().await?;
        }
        deferred = Some(!public);
    }
    let attachment: Option<Upload> = match (&file, refused) {
        (Some(f), false) => match bot.downloads.fetch(f).await {
            Ok(u) => Some(u),
            Err(e) => {
                return answer(ctx, deferred, Err(CommandError::invalid(e.to_string()))).await;
            }
        },
        _ => None,
    };
    let inv = Invocation {
        channel,
        caller,
        command,
        attachment,
    };
    let work = bot.engine.execute(inv);
    tokio::pin!(work);
    let result = match deferred {
        Some(_) => work.await,
        None => {
            tokio::select! {
                r = &mut work => r,
                _ = tokio::time::sleep(ANSWER_BY) => {
                    ctx.defer_ephemeral().await?;
                    deferred = Some(true);
                    work.await
                }
            }
        }
    };
    tracing::debug!(verb, ok = result.is_ok(), "discord command answered");
    answer(ctx, deferred, result).await
}

/// Answer privately (errors of poise's own).
async fn private(ctx: Ctx<'_>, text: String) {
    let reply = poise::CreateReply::default()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    if let Err(e) = ctx.send(reply).await {
        tracing::warn!(error = %super::limits::describe(&e), "cannot answer an interaction");
    }
}

/// The language to answer in: the group's where the command was run in one, else the
/// member's (their groups', else their Discord language; see `Engine::locale_for`).
pub(crate) async fn locale_here(ctx: Ctx<'_>) -> crate::i18n::Locale {
    if let Some((caller, channel)) = whoami(ctx).await {
        return ctx.data().engine.locale_for(&channel, &caller).await;
    }
    let channel = super::access::group_channel(ctx.cache(), ctx.guild_id(), ctx.channel_id(), None);
    ctx.data().engine.locale_of(&channel).await
}

/// The option of an interaction (inside its subcommands) given as the text `given`.
fn option_given(options: &[serenity::ResolvedOption<'_>], given: &str) -> Option<String> {
    options.iter().find_map(|o| match &o.value {
        serenity::ResolvedValue::String(s) if *s == given => Some(o.name.to_string()),
        serenity::ResolvedValue::SubCommand(inner)
        | serenity::ResolvedValue::SubCommandGroup(inner) => option_given(inner, given),
        _ => None,
    })
}

/// An option's name as Discord shows it in `loc` (its localized name, where it has one).
fn option_label(
    command: &poise::Command<Data, Error>,
    name: &str,
    loc: crate::i18n::Locale,
) -> String {
    let Some(param) = command.parameters.iter().find(|p| p.name == name) else {
        return name.to_string();
    };
    loc.discord()
        .and_then(|code| {
            param
                .name_localizations
                .iter()
                .find(|(l, _)| l == code)
                .map(|(_, n)| n.to_string())
        })
        .unwrap_or_else(|| name.to_string())
}

/// What an option takes, told from the error its parsing gave (poise's and serenity's
/// error types; their text is never shown).
fn expected_key(error: &(dyn std::error::Error + 'static)) -> &'static str {
    use serenity::{ChannelParseError, MemberParseError, RoleParseError, UserParseError};
    if error.is::<std::num::ParseIntError>() {
        "discord-expected-whole-number"
    } else if error.is::<std::num::ParseFloatError>() {
        "discord-expected-number"
    } else if error.is::<std::str::ParseBoolError>() {
        "discord-expected-yes-no"
    } else if error.is::<MemberParseError>() || error.is::<UserParseError>() {
        "discord-expected-member"
    } else if error.is::<ChannelParseError>() {
        "discord-expected-channel"
    } else if error.is::<RoleParseError>() {
        "discord-expected-role"
    } else if error.is::<serenity::Error>() {
        "discord-expected-lookup"
    } else if error.to_string().contains("in DMs") {
        // poise's "cannot use member parameter in DMs".
        "discord-expected-in-server"
    } else {
        "discord-expected-other"
    }
}

/// The member's answer when an option could not be read: which option (as Discord shows
/// it to them), what they gave, and what it takes, in `loc`.
pub(crate) fn bad_option_text(
    loc: crate::i18n::Locale,
    option: Option<&str>,
    value: Option<&str>,
    error: &(dyn std::error::Error + 'static),
) -> String {
    let expected = crate::i18n::text(loc, expected_key(error), &[]);
    match (option, value) {
        (Some(option), Some(value)) => crate::t!(
            loc,
            "discord-bad-option-named",
            option = option,
            value = crate::domain::text::truncate_chars(value, 80),
            expected = expected
        ),
        _ => crate::t!(loc, "discord-bad-option", expected = expected),
    }
}

/// Errors poise reports: user mistakes get an ephemeral explanation, bugs a log line.
pub(crate) async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = %error, "a discord command failed");
            let loc = locale_here(ctx).await;
            private(ctx, crate::t!(loc, "error-internal")).await
        }
        poise::FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            // poise's own wording is English and technical: it goes to the log, and the
            // member reads which option, what they gave and what it takes, in their language.
            tracing::info!(command = %ctx.command().qualified_name, error = %error, "a discord option could not be read");
            let loc = locale_here(ctx).await;
            let option = match (ctx, input.as_deref()) {
                (poise::Context::Application(app), Some(given)) => {
                    option_given(&app.interaction.data.options(), given)
                        .map(|name| option_label(ctx.command(), &name, loc))
                }
                _ => None,
            };
            private(
                ctx,
                bad_option_text(loc, option.as_deref(), input.as_deref(), &*error),
            )
            .await
        }
        poise::FrameworkError::CommandStructureMismatch { ctx, .. } => {
            let ctx = poise::Context::Application(ctx);
            let loc = locale_here(ctx).await;
            private(ctx, crate::t!(loc, "discord-command-updated")).await
        }
        poise::FrameworkError::EventHandler { error, event, .. } => {
            tracing::warn!(event = event.snake_case_name(), error = %error, "a discord event was not handled");
        }
        poise::FrameworkError::Setup { error, .. } => {
            tracing::error!(error = %error, "discord setup failed");
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!(error = %super::limits::describe(&e), "cannot report a discord error");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    /// poise's English detail ("invalid digit found in string") never reaches a member:
    /// a Russian member reads which option, what they gave and what it takes, in Russian.
    #[test]
    fn a_bad_option_is_explained_in_the_groups_language() {
        let error = "abc".parse::<i64>().unwrap_err();
        let ru = bad_option_text(Locale::Ru, Some("опрос"), Some("abc"), &error);
        assert_eq!(
            ru,
            "«abc» — недопустимое значение параметра «опрос»: нужно целое число. Проверьте его и попробуйте снова."
        );
        let unknown: Box<dyn std::error::Error + Send + Sync> =
            "cannot use member parameter in DMs".into();
        let zh = bad_option_text(Locale::ZhHans, None, None, &*unknown);
        assert!(!zh.contains("DMs") && !zh.contains("member"), "{zh}");
        assert!(zh.contains("私信"), "{zh}");
        let en = bad_option_text(Locale::En, Some("poll"), Some("x"), &error);
        assert!(!en.contains("invalid digit"), "{en}");
        assert!(
            en.contains(
                "“x” is not a valid value for the option “poll”: a whole number is expected"
            ),
            "{en}"
        );
        // Anything else: the option's own values, never the error's text.
        let other = std::io::Error::other("some internal detail");
        let de = bad_option_text(Locale::De, Some("format"), Some("pdf"), &other);
        assert!(!de.contains("internal detail"), "{de}");
    }
}
