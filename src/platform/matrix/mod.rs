//! Matrix: the only code that imports matrix-sdk. It translates rooms, `!cq` commands,
//! threads, edits, redactions, poll responses and ✋ reactions into engine calls, and the engine's posts
//! back into Matrix events; the engine does the work.
//!
//! - [`session`]: the client, its state and crypto store, login and the saved session.
//! - [`sync`]: the sync loop (catch-up from the saved token, backfill of limited timelines,
//!   invites, events that could not be decrypted yet).
//! - [`events`]: timeline events -> engine calls (messages, edits, redactions, votes).
//! - [`members`]: a member's key and display name; telling them something privately.
//! - [`commands`]: `!cq` commands, roles, answers as replies, private answers in a DM.
//! - [`port`]: [`MatrixPort`], the engine's [`crate::ports::ChatPort`] for Matrix.
//! - [`polls`]: poll start/end contents and reading poll responses.
//! - [`reactions`]: a ✋ reaction on a live session's agenda post raises a hand; its
//!   redaction lowers it.
//! - [`content`]: Markdown to message contents (HTML body, no accidental mentions).

mod commands;
mod content;
mod events;
mod members;
mod polls;
mod port;
mod reactions;
mod session;
mod sync;

use std::sync::{Arc, Mutex};

use anyhow::Context;
use matrix_sdk::Client;
use matrix_sdk::ruma::{OwnedUserId, UserId};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config;
use crate::engine::Engine;

pub use port::MatrixPort;

/// Translate one timeline event's JSON the way the sync loop does, for a bot whose user id
/// is `me`. `Ok(None)`: an event colloquy does not record (the bot's own, state, an
/// image, an event that does not parse as its type…). `Err`: not an event at all. For
/// property tests and fuzz targets.
pub fn translate(json: &str, me: &str) -> Result<Option<crate::platform::Translated>, String> {
    use crate::platform::Translated;
    use events::TimelineEvent;
    let me = UserId::parse(me).map_err(|e| e.to_string())?;
    let raw: matrix_sdk::ruma::serde::Raw<matrix_sdk::ruma::events::AnySyncTimelineEvent> =
        matrix_sdk::ruma::serde::Raw::from_json_string(json.to_string())
            .map_err(|e| e.to_string())?;
    Ok(events::read(&raw, &me).map(|event| match event {
        TimelineEvent::Command(job) => Translated::Command { line: job.line },
        TimelineEvent::Message(m) => Translated::Message {
            message_id: m.event_id.to_string(),
            author: members::member(&m.sender),
            text: m.body,
            thread_root: m.thread_root,
            reply_to: m.reply_to,
        },
        TimelineEvent::Edit { edit, .. } => Translated::Edit {
            message_id: edit.message_id,
            text: edit.text,
        },
        TimelineEvent::Redaction { delete, .. } => Translated::Delete {
            message_id: delete.message_id,
        },
        TimelineEvent::HandReaction {
            event_id,
            post,
            sender,
            ..
        } => Translated::HandReaction {
            reaction_id: event_id.to_string(),
            post_id: post.to_string(),
            member: members::member(&sender),
        },
        TimelineEvent::PollResponse {
            sender,
            poll_event,
            option,
            ..
        } => Translated::Vote {
            poll_message: poll_event.to_string(),
            voter: members::member(&sender),
            option,
        },
    }))
}

/// What the sync loop and the command workers share.
pub(crate) struct Bot {
    engine: Engine,
    client: Client,
    me: OwnedUserId,
    config: config::Matrix,
    /// The configured facilitators, parsed.
    facilitators: Arc<Vec<OwnedUserId>>,
    /// Commands older than this (origin_server_ts, ms) are history: never answered.
    started_ms: i64,
    port: Arc<MatrixPort>,
    /// Encrypted events whose keys had not arrived yet, retried after later syncs.
    undecrypted: Mutex<Vec<sync::Pending>>,
}

impl Bot {
    fn is_facilitator_listed(&self, user: &UserId) -> bool {
        self.facilitators.iter().any(|f| f == user)
    }
}

/// Connect to Matrix: log in (or restore the saved session), attach the [`MatrixPort`] to
/// the engine, and spawn the sync loop. The returned task ends once `stop` turns true.
pub async fn start(
    engine: Engine,
    config: config::Matrix,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    let started_ms = engine.now().timestamp_millis();
    let client = session::connect(&config)
        .await
        .with_context(|| format!("cannot connect to Matrix at {}", config.homeserver))?;
    let me = client
        .user_id()
        .map(ToOwned::to_owned)
        .context("the Matrix client has no user after login")?;
    let mut facilitators = Vec::new();
    for f in &config.facilitators {
        match UserId::parse(f.as_str()) {
            Ok(id) => facilitators.push(id),
            Err(e) => {
                tracing::warn!(user = %f, error = %e, "ignoring a facilitator that is not a Matrix user id")
            }
        }
    }
    let facilitators = Arc::new(facilitators);
    let state = engine.adapter_state(crate::domain::ids::Platform::Matrix);
    let txn_prefix = port::txn_prefix(&state).await?;
    let port = Arc::new(MatrixPort::new(
        client.clone(),
        state,
        me.clone(),
        facilitators.clone(),
        txn_prefix,
    ));
    engine.attach_port(port.clone());
    tracing::info!(
        user = %me,
        device = %client.device_id().map(|d| d.to_string()).unwrap_or_default(),
        autojoin = ?config.autojoin,
        "matrix connected"
    );
    let bot = Arc::new(Bot {
        engine,
        client,
        me,
        config,
        facilitators,
        started_ms,
        port,
        undecrypted: Mutex::new(Vec::new()),
    });
    Ok(tokio::spawn(sync::run(bot, stop)))
}
