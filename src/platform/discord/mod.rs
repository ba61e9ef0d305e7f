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
//! - [`events`]: gateway events to engine calls (messages, edits, deletions, native poll
//!   votes, buttons and modals, READY).
//! - [`buttons`]: poll buttons, the "vote with a reason" select and modal.
//! - [`backfill`]: after (re)connecting, fetch what open sessions' threads received while
//!   the bot was away.
//! - [`port`]: the [`ChatPort`](crate::ports::ChatPort) the outbox posts through.
//! - [`upload`]: downloading an attached reading with a size limit.

mod access;
mod backfill;
mod buttons;
mod commands;
mod connect;
mod events;
mod port;
mod respond;
mod upload;

use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config;
use crate::engine::Engine;

pub use port::DiscordPort;

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
}

/// Connect to Discord as the config says and keep the connection until `stop` flips.
///
/// The returned task ends once the gateway is shut down. Posts for Discord groups go
/// through the [`DiscordPort`] this attaches to the engine.
pub async fn start(
    engine: Engine,
    config: config::Discord,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    connect::start(engine, config, stop).await
}
