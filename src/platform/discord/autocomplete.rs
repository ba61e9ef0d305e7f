//! Autocomplete for slash-command options: time zones, and the group's readings, polls,
//! sessions and commands. The lists come from the engine; this only shapes them for Discord.

use poise::serenity_prelude as serenity;

use super::Ctx;
use super::respond;
use crate::engine::ChoiceKind;

/// An autocomplete choice's name (Discord takes at most 100 characters).
fn label(text: String) -> String {
    super::limits::clip(&text, 100)
}

/// Autocomplete choices of `kind` for the channel the command is typed in.
async fn choices_here(
    ctx: Ctx<'_>,
    kind: ChoiceKind,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let mut choices = Vec::new();
    if let Some((_, channel)) = respond::whoami(ctx).await {
        for c in ctx.data().engine.choices(&channel, kind, partial, 25).await {
            choices.push(serenity::AutocompleteChoice::new(label(c.name), c.id));
        }
    }
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

pub(super) async fn complete_zone(
    _ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let wanted = partial.trim().to_lowercase().replace(' ', "_");
    let choices = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| name.to_lowercase().contains(&wanted))
        .take(25)
        .map(serenity::AutocompleteChoice::from)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

pub(super) async fn complete_reading(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    choices_here(ctx, ChoiceKind::Reading, partial).await
}

pub(super) async fn complete_open_poll(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    choices_here(ctx, ChoiceKind::OpenPoll, partial).await
}

pub(super) async fn complete_poll(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    choices_here(ctx, ChoiceKind::Poll, partial).await
}

pub(super) async fn complete_session(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    choices_here(ctx, ChoiceKind::Session, partial).await
}

pub(super) async fn complete_command(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let wanted = partial.trim().trim_start_matches('/').to_lowercase();
    let choices = super::help::leaves(&ctx.framework().options().commands)
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.contains(&wanted))
        .take(25)
        .map(serenity::AutocompleteChoice::from)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
