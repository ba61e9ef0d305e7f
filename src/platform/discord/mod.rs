//! Discord: colloquy as a serenity 0.12 + poise 0.7 bot. The adapter only translates;
//! the engine does the work.
//!
//! - [`connect`]: the token, the HTTP client (`api_base` for a proxy or the tests' fake),
//!   the gateway client, command registration, reconnects and clean shutdown.
//! - [`commands`]: one `#[poise::command]` per verb of the command table; their `///`
//!   comments are the help members read in Discord.
//! - [`respond`]: runs a [`Command`](crate::domain::command::Command) through the engine and
//!   answers the interaction within Discord's 3 s (deferring slow verbs), ephemerally when
//!   the reply is private or an error.
//! - [`access`]: who the caller is (facilitator, member, stranger) and which group channel
//!   an interaction belongs to.
//! - [`ingest`]: the queue from the gateway's own thread to the engine's runtime, so
//!   reading the socket never waits on SQLite; drained on stop.
//! - [`events`]: gateway events to engine calls (messages, edits, deletions, native poll
//!   votes, buttons and modals, READY).
//! - [`buttons`]: poll buttons, the "vote with a reason" select and modal.
//! - [`review`]: the claim queue's Approve / Edit / Reject buttons and the claim forms.
//! - [`backfill`]: after (re)connecting, fetch what open sessions' threads received while
//!   the bot was away.
//! - [`port`]: the [`ChatPort`](crate::ports::ChatPort) the outbox posts through.
//! - [`upload`]: downloading an attached reading with a size limit.
//! - [`localize`]: the commands' names and descriptions in ru, zh-CN, de and fr, from
//!   the Fluent files.
//! - [`voice`]: the voice or stage channel of `/setup voice_channel`, and voice-state
//!   events turned into live-session attendance.
//!
//! # Running it against Discord
//!
//! 1. At <https://discord.com/developers/applications> create an application; under *Bot*
//!    reset the token and put it in the environment variable `[discord] token_env` names
//!    (default `DISCORD_TOKEN`). The token is never written to the config or the logs.
//! 2. Under *Bot → Privileged Gateway Intents* turn on **Message Content** (replies are
//!    recorded from their text). No other privileged intent is needed; the bot asks for
//!    guilds, guild messages, message content, guild message polls and voice states (who
//!    is in the voice channel `/setup voice_channel` names, for attendance).
//! 3. Invite it with the URL the bot logs when it connects (scopes `bot` and
//!    `applications.commands`, permissions [`INVITE_PERMISSIONS`]: view channels, send
//!    messages, send messages in threads, create public threads, embed links, attach files,
//!    read message history, send polls):
//!    `https://discord.com/oauth2/authorize?client_id=APP_ID&scope=bot+applications.commands&permissions=563259191184384`
//! 4. Set `guild_id` while trying it on one server (commands appear at once); without it
//!    commands are registered globally. Facilitators are members with *Manage Server*, the
//!    server owner, or members with the role `facilitator_role` names.

mod access;
mod autocomplete;
mod backfill;
mod buttons;
mod commands;
mod connect;
mod custom_ids;
mod events;
mod help;
mod ingest;
mod limits;
mod live_commands;
mod localize;
mod port;
mod respond;
mod review;
mod upload;
mod voice;

use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config;
use crate::engine::Engine;

pub use connect::{INVITE_PERMISSIONS, invite_url};
pub use port::DiscordPort;

/// Translate one gateway dispatch (`{"t": "MESSAGE_CREATE", "d": {…}}`) the way the event
/// handler does. `Ok(None)`: an event colloquy does not record (a bot's message, a
/// system message, a link preview update, another app's button…). `Err`: serenity's own
/// model types reject the JSON (the gateway would drop such an event as unknown). For
/// property tests and fuzz targets.
pub fn translate(json: &str) -> Result<Option<crate::platform::Translated>, String> {
    use crate::domain::ids::{MemberKey, Platform};
    use crate::platform::Translated;
    use poise::serenity_prelude as serenity;
    let event: serenity::Event = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let message = |m: crate::engine::IncomingMessage| Translated::Message {
        message_id: m.message_id,
        author: m.author,
        text: m.text,
        thread_root: m.thread_root,
        reply_to: m.reply_to,
    };
    Ok(match event {
        serenity::Event::MessageCreate(e) => {
            events::incoming(&e.message, e.message.guild_id.is_some()).map(message)
        }
        serenity::Event::MessageUpdate(e) => {
            events::edit_of(&e).map(|(edit, _)| Translated::Edit {
                message_id: edit.message_id,
                text: edit.text,
            })
        }
        serenity::Event::MessageDelete(e) => Some(Translated::Delete {
            message_id: e.message_id.get().to_string(),
        }),
        serenity::Event::MessagePollVoteAdd(e) => {
            events::vote_option(e.answer_id).map(|option| Translated::Vote {
                poll_message: e.message_id.get().to_string(),
                voter: MemberKey::new(Platform::Discord, e.user_id.get().to_string()),
                option: Some(option),
            })
        }
        // A removal takes back the vote when it names the member's current answer.
        serenity::Event::MessagePollVoteRemove(e) => {
            events::vote_option(e.answer_id).map(|_| Translated::Vote {
                poll_message: e.message_id.get().to_string(),
                voter: MemberKey::new(Platform::Discord, e.user_id.get().to_string()),
                option: None,
            })
        }
        serenity::Event::InteractionCreate(e) => match e.interaction {
            serenity::Interaction::Component(c) => custom_ids::Action::parse(&c.data.custom_id)
                .map(|a| Translated::Component { custom_id: a.id() }),
            serenity::Interaction::Modal(m) => custom_ids::Action::parse(&m.data.custom_id)
                .map(|a| Translated::Component { custom_id: a.id() }),
            _ => None,
        },
        // serenity turns a known event it cannot read into an unknown one, and drops it.
        serenity::Event::Unknown(u) => {
            return Err(format!("serenity cannot read this {} event", u.kind));
        }
        _ => None,
    })
}

/// What every handler shares (poise's user data).
pub(crate) type Data = Arc<Bot>;
/// The error type of commands and event handlers.
pub(crate) type Error = anyhow::Error;
/// A command's context.
pub(crate) type Ctx<'a> = poise::Context<'a, Data, Error>;

/// The bot's shared state: the engine and what the adapter keeps between events.
pub(crate) struct Bot {
    pub engine: Engine,
    pub access: Arc<access::Access>,
    pub downloads: upload::Downloader,
    pub events: events::EventState,
    /// The queue from the gateway to the engine's tasks.
    pub ingest: ingest::Ingest,
    /// The engine's runtime (the gateway runs on a thread of its own).
    pub runtime: tokio::runtime::Handle,
}

/// Connect to Discord as the config says and keep the connection until `stop` flips.
///
/// The gateway runs on a thread of its own, so the engine's work never delays reading its
/// socket. The returned task ends once the gateway is shut down and the events it received
/// are recorded. Posts for Discord groups go
/// through the [`DiscordPort`] this attaches to the engine.
pub async fn start(
    engine: Engine,
    config: config::Discord,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    connect::start(engine, config, stop).await
}
