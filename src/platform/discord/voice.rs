//! Voice and stage channels for live-session attendance: `/setup voice_channel:` looked up
//! among the server's channels (by name, mention or id, with autocomplete), voice-state
//! events turned into "this member is now in that channel (or in none)" for the engine, and
//! a server's voice states on (re)connecting, so what changed while the bot was away is
//! caught up.

use poise::serenity_prelude as serenity;

use super::access::display_name;
use super::{Bot, Ctx, Error};
use crate::domain::command::VoiceChannelArg;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::i18n::Locale;
use crate::t;

/// One of the server's channels, as the lookup needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Named {
    pub id: u64,
    pub name: String,
    /// A voice or stage channel: members can be in it.
    pub voice: bool,
}

/// Why a typed channel names no voice channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Miss {
    Unknown,
    NotVoice(String),
    Ambiguous(usize),
}

fn is_voice(kind: serenity::ChannelType) -> bool {
    matches!(
        kind,
        serenity::ChannelType::Voice | serenity::ChannelType::Stage
    )
}

/// The voice or stage channel `typed` names among `channels`: a mention (`<#123>`), an id,
/// or a name (`#` optional, case ignored; a voice channel wins over a text channel of the
/// same name).
pub(crate) fn pick(channels: &[Named], typed: &str) -> Result<Named, Miss> {
    let typed = typed.trim();
    let id = typed
        .strip_prefix("<#")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(typed);
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()) {
        return match channels.iter().find(|c| c.id.to_string() == id) {
            Some(c) if c.voice => Ok(c.clone()),
            Some(c) => Err(Miss::NotVoice(c.name.clone())),
            None => Err(Miss::Unknown),
        };
    }
    let name = typed.trim_start_matches('#').trim().to_lowercase();
    let same: Vec<&Named> = channels
        .iter()
        .filter(|c| c.name.trim().to_lowercase() == name)
        .collect();
    let voice: Vec<&&Named> = same.iter().filter(|c| c.voice).collect();
    match (voice.as_slice(), same.first()) {
        ([one], _) => Ok((**one).clone()),
        ([], Some(other)) => Err(Miss::NotVoice(other.name.clone())),
        ([], None) => Err(Miss::Unknown),
        (many, _) => Err(Miss::Ambiguous(many.len())),
    }
}

/// The server's channels: from the gateway cache, else over REST.
async fn channels_of(
    ctx: Ctx<'_>,
    guild: serenity::GuildId,
) -> Result<Vec<Named>, serenity::Error> {
    let named = |c: &serenity::GuildChannel| Named {
        id: c.id.get(),
        name: c.name.clone(),
        voice: is_voice(c.kind),
    };
    if let Some(g) = ctx.cache().guild(guild) {
        return Ok(g.channels.values().map(named).collect());
    }
    Ok(guild
        .channels(ctx.http())
        .await?
        .values()
        .map(named)
        .collect())
}

/// What `/setup voice_channel:` was given, with a typed channel looked up: the voice or
/// stage channel it names, or the message that says why it names none.
pub(crate) async fn resolve(
    ctx: Ctx<'_>,
    typed: &str,
    loc: Locale,
) -> Result<VoiceChannelArg, String> {
    let arg = VoiceChannelArg::parse(typed);
    let VoiceChannelArg::Typed(typed) = arg else {
        return Ok(arg);
    };
    let Some(guild) = ctx.guild_id() else {
        return Err(t!(loc, "voice-channel-discord-only"));
    };
    let channels = match channels_of(ctx, guild).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(error = %super::limits::describe(&e), "cannot list the server's channels");
            return Err(t!(loc, "voice-channel-unreadable"));
        }
    };
    match pick(&channels, &typed) {
        Ok(c) => Ok(VoiceChannelArg::Channel {
            id: c.id.to_string(),
            name: c.name,
        }),
        Err(Miss::Unknown) => Err(t!(loc, "voice-channel-unknown", given = typed.as_str())),
        Err(Miss::NotVoice(name)) => Err(t!(loc, "voice-channel-not-voice", name = name)),
        Err(Miss::Ambiguous(count)) => Err(t!(
            loc,
            "voice-channel-ambiguous",
            count = count,
            given = typed.as_str()
        )),
    }
}

/// Autocomplete: the server's voice and stage channels whose name contains what is typed
/// (the choice's value is the channel's id).
pub(super) async fn complete_voice_channel(
    ctx: Ctx<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let wanted = partial.trim().trim_start_matches('#').to_lowercase();
    let mut choices = Vec::new();
    if let Some(guild) = ctx.guild_id()
        && let Ok(channels) = channels_of(ctx, guild).await
    {
        let mut voice: Vec<Named> = channels
            .into_iter()
            .filter(|c| c.voice && c.name.to_lowercase().contains(&wanted))
            .collect();
        voice.sort_by(|a, b| a.name.cmp(&b.name));
        for c in voice.into_iter().take(25) {
            choices.push(serenity::AutocompleteChoice::new(
                super::limits::clip(&format!("🔊 {}", c.name), 100),
                c.id.to_string(),
            ));
        }
    }
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// A voice-state event: the member is now in a voice or stage channel, or in none (a
/// join, a leave, a move, or only mute/deafen/video changing). Bots are ignored.
///
/// serenity runs each event in a task of its own, so two states of one member could be
/// handled out of order; its cache, though, is updated in order before those tasks start.
/// So each event is handled one after the other and reads the member's latest state from
/// the cache: the last one handled always leaves the engine with where the member is now.
pub(crate) async fn on_voice_state(
    ctx: &serenity::Context,
    bot: &Bot,
    event: &serenity::VoiceState,
) -> Result<(), Error> {
    let Some(guild) = event.guild_id else {
        return Ok(());
    };
    if event.user_id == ctx.cache.current_user().id {
        return Ok(());
    }
    let _in_order = bot.events.voice.lock().await;
    let (latest, within): (Option<serenity::VoiceState>, Option<Vec<ChannelKey>>) =
        match ctx.cache.guild(guild) {
            Some(g) => (
                g.voice_states.get(&event.user_id).cloned(),
                Some(
                    g.channels
                        .values()
                        .filter(|c| is_voice(c.kind))
                        .map(|c| ChannelKey::new(Platform::Discord, c.id.get().to_string()))
                        .collect(),
                ),
            ),
            // A server not in the cache: the event's own state is the latest known.
            None => (Some(event.clone()), None),
        };
    let member = latest
        .as_ref()
        .and_then(|s| s.member.clone())
        .or_else(|| event.member.clone());
    let cached_user = || {
        ctx.cache.guild(guild).and_then(|g| {
            g.members
                .get(&event.user_id)
                .map(|m| (m.user.bot, display_name(&m.user, m.nick.as_deref())))
        })
    };
    let (is_bot, name) = match &member {
        Some(m) => (m.user.bot, display_name(&m.user, m.nick.as_deref())),
        None => match cached_user() {
            Some(known) => known,
            None => match ctx.http.get_member(guild, event.user_id).await {
                Ok(m) => (m.user.bot, display_name(&m.user, m.nick.as_deref())),
                Err(e) => {
                    tracing::info!(error = %super::limits::describe(&e), "a voice state of an unknown member");
                    (false, "someone".to_string())
                }
            },
        },
    };
    if is_bot {
        return Ok(());
    }
    let now_in = latest
        .and_then(|s| s.channel_id)
        .map(|c| ChannelKey::new(Platform::Discord, c.get().to_string()));
    let who = MemberKey::new(Platform::Discord, event.user_id.get().to_string());
    let changed = bot
        .engine
        .on_voice_state(&who, &name, now_in.as_ref(), within.as_deref())
        .await?;
    tracing::debug!(changed, in_voice = now_in.is_some(), "voice state");
    Ok(())
}

/// A server as the gateway delivers it on (re)connecting, with everyone in its voice
/// channels: who left or came while the bot was away is caught up (bots are ignored).
///
/// The event's own copy of the server is its state when it was sent; voice-state events
/// behind it may already have been handled (serenity runs each event in a task of its own).
/// So, as for single voice states, the server is read from the cache, which has applied
/// every event received so far, under the same lock: the last one handled wins.
pub(crate) async fn on_guild(
    ctx: &serenity::Context,
    bot: &Bot,
    guild: &serenity::Guild,
) -> Result<(), Error> {
    let _in_order = bot.events.voice.lock().await;
    let me = ctx.cache.current_user().id;
    let (channels, present) = match ctx.cache.guild(guild.id) {
        Some(latest) => voice_snapshot(&latest, me),
        None => voice_snapshot(guild, me),
    };
    if channels.is_empty() {
        return Ok(());
    }
    let changed = bot.engine.on_voice_snapshot(&channels, &present).await?;
    if changed > 0 {
        tracing::info!(changed, "voice channels caught up after connecting");
    }
    Ok(())
}

/// Who is in a server's voice and stage channels: the channels, and each member (not a
/// bot, not this bot) with their name and channel.
type VoiceSnapshot = (Vec<ChannelKey>, Vec<(MemberKey, String, ChannelKey)>);

fn voice_snapshot(guild: &serenity::Guild, me: serenity::UserId) -> VoiceSnapshot {
    let channels: Vec<ChannelKey> = guild
        .channels
        .values()
        .filter(|c| is_voice(c.kind))
        .map(|c| ChannelKey::new(Platform::Discord, c.id.get().to_string()))
        .collect();
    let present = guild
        .voice_states
        .values()
        .filter(|s| s.user_id != me)
        .filter_map(|s| {
            let channel = s.channel_id?;
            let member = guild.members.get(&s.user_id).or(s.member.as_ref());
            if member.is_some_and(|m| m.user.bot) {
                return None;
            }
            let name = member
                .map(|m| display_name(&m.user, m.nick.as_deref()))
                .unwrap_or_else(|| "someone".to_string());
            Some((
                MemberKey::new(Platform::Discord, s.user_id.get().to_string()),
                name,
                ChannelKey::new(Platform::Discord, channel.get().to_string()),
            ))
        })
        .collect();
    (channels, present)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channels() -> Vec<Named> {
        let c = |id, name: &str, voice| Named {
            id,
            name: name.into(),
            voice,
        };
        vec![
            c(10, "reading-room", false),
            c(11, "Seminar Voice", true),
            c(12, "stage", true),
            c(13, "lounge", false),
            c(14, "lounge", true),
            c(15, "Twin", true),
            c(16, "twin", true),
        ]
    }

    #[test]
    fn a_voice_channel_is_found_by_mention_id_or_name() {
        let cs = channels();
        for typed in [
            "<#11>",
            "11",
            "Seminar Voice",
            "#seminar voice",
            " seminar voice ",
        ] {
            assert_eq!(pick(&cs, typed).map(|c| c.id), Ok(11), "{typed}");
        }
        assert_eq!(pick(&cs, "stage").map(|c| c.id), Ok(12));
        // A voice channel wins over a text channel of the same name.
        assert_eq!(pick(&cs, "#lounge").map(|c| c.id), Ok(14));
    }

    #[test]
    fn text_unknown_and_ambiguous_channels_are_misses() {
        let cs = channels();
        assert_eq!(
            pick(&cs, "#reading-room"),
            Err(Miss::NotVoice("reading-room".into()))
        );
        assert_eq!(
            pick(&cs, "<#10>"),
            Err(Miss::NotVoice("reading-room".into()))
        );
        assert_eq!(pick(&cs, "99"), Err(Miss::Unknown));
        assert_eq!(pick(&cs, "nowhere"), Err(Miss::Unknown));
        assert_eq!(pick(&cs, "twin"), Err(Miss::Ambiguous(2)));
        assert_eq!(pick(&cs, ""), Err(Miss::Unknown));
    }
}
