//! Gateway events to engine calls: members' messages (in an excerpt's thread, replies to
//! its post, or a live session's channel), their edits and deletions, native poll votes,
//! button clicks and modals, and READY (which starts a backfill).
//!
//! Messages, edits and deletions are only translated here and queued for the engine
//! ([`super::ingest`]), so the gateway never waits on the store. They are recorded
//! concurrently, so an edit or deletion can overtake the message it changes. An edit of an
//! unknown message is recorded as the message (edited); a deletion of an unknown message
//! is kept by the store (a tombstone, which holds across restarts and processes), so the
//! message is recorded deleted if it turns up.

use chrono::{DateTime, Utc};
use poise::serenity_prelude as serenity;

use super::access::display_name;
use super::ingest::Work;
use super::{Bot, Data, Error};
use crate::domain::ids::{MemberKey, Platform};
use crate::engine::{
    Choice, IncomingMessage, MessageDelete, MessageEdit, MessageOutcome, PollRef, VoteEvent,
};

/// What the event handler keeps between events.
#[derive(Default)]
pub(crate) struct EventState {
    /// A backfill is running.
    pub backfilling: std::sync::atomic::AtomicBool,
    /// Voice states are handled one at a time (see [`super::voice::on_voice_state`]).
    pub voice: tokio::sync::Mutex<()>,
}

fn at(t: &serenity::Timestamp) -> DateTime<Utc> {
    **t
}

/// The text recorded for a message: its content, and the names of its attachments.
fn text_of(content: &str, attachments: &[serenity::Attachment]) -> String {
    let mut text = content.to_string();
    for a in attachments {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&format!("[attachment: {}]", a.filename));
    }
    text
}

/// A member's message as the engine takes it; `None` for bots, webhooks and system
/// messages. `in_guild`: the message is known to be from a server (backfilled messages
/// come without a guild id).
pub(crate) fn incoming(m: &serenity::Message, in_guild: bool) -> Option<IncomingMessage> {
    if m.author.bot || m.author.system || m.webhook_id.is_some() || !in_guild {
        return None;
    }
    if !matches!(
        m.kind,
        serenity::MessageType::Regular | serenity::MessageType::InlineReply
    ) {
        return None;
    }
    Some(IncomingMessage {
        platform: Platform::Discord,
        channel_id: m.channel_id.get().to_string(),
        thread_root: None,
        reply_to: m
            .message_reference
            .as_ref()
            .and_then(|r| r.message_id)
            .map(|id| id.get().to_string()),
        message_id: m.id.get().to_string(),
        author: MemberKey::new(Platform::Discord, m.author.id.get().to_string()),
        author_name: display_name(&m.author, m.member.as_ref().and_then(|p| p.nick.as_deref())),
        text: text_of(&m.content, &m.attachments),
        at: at(&m.timestamp),
    })
}

/// Record a message (a deletion that overtook it is applied by the store).
pub(crate) async fn record(bot: &Bot, msg: IncomingMessage) -> Result<MessageOutcome, Error> {
    Ok(bot.engine.on_message(msg).await?)
}

/// A member's edit as the engine takes it, with the message as it now stands (recorded
/// when the edit overtook its message). `None` for updates that are not edits (Discord
/// also sends updates when link previews appear) and for bots' messages.
pub(crate) fn edit_of(
    e: &serenity::MessageUpdateEvent,
) -> Option<(MessageEdit, Option<IncomingMessage>)> {
    let (Some(content), Some(edited)) = (&e.content, &e.edited_timestamp) else {
        return None;
    };
    if e.author.as_ref().is_some_and(|a| a.bot) {
        return None;
    }
    let text = text_of(content, e.attachments.as_deref().unwrap_or(&[]));
    let edit = MessageEdit {
        platform: Platform::Discord,
        message_id: e.id.get().to_string(),
        // Discord only lets the author edit.
        author: None,
        text: text.clone(),
        at: at(edited),
    };
    let message = match (&e.author, &e.timestamp) {
        (Some(author), Some(posted)) if e.guild_id.is_some() && !author.system => {
            let nick = e
                .member
                .as_ref()
                .and_then(|m| m.as_ref())
                .and_then(|m| m.nick.clone());
            Some(IncomingMessage {
                platform: Platform::Discord,
                channel_id: e.channel_id.get().to_string(),
                thread_root: None,
                reply_to: e
                    .message_reference
                    .as_ref()
                    .and_then(|r| r.as_ref())
                    .and_then(|r| r.message_id)
                    .map(|id| id.get().to_string()),
                message_id: edit.message_id.clone(),
                author: MemberKey::new(Platform::Discord, author.id.get().to_string()),
                author_name: display_name(author, nick.as_deref()),
                text,
                at: at(posted),
            })
        }
        _ => None,
    };
    Some((edit, message))
}

/// A deletion as the engine takes it.
fn deletion(bot: &Bot, id: serenity::MessageId) -> Work {
    Work::Delete(MessageDelete {
        platform: Platform::Discord,
        message_id: id.get().to_string(),
        at: bot.engine.now(),
    })
}

/// A member's name for a native poll vote (the event carries only the id).
async fn voter_name(
    ctx: &serenity::Context,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
) -> String {
    let Some(guild) = guild else {
        return "someone".into();
    };
    let cached = ctx.cache.guild(guild).and_then(|g| {
        g.members
            .get(&user)
            .map(|m| display_name(&m.user, m.nick.as_deref()))
    });
    if let Some(name) = cached {
        return name;
    }
    match ctx.http.get_member(guild, user).await {
        Ok(m) => display_name(&m.user, m.nick.as_deref()),
        Err(_) => "someone".into(),
    }
}

/// The 0-based option of a native poll answer (Discord numbers answers from 1).
pub(crate) fn vote_option(answer: serenity::AnswerId) -> Option<usize> {
    usize::try_from(answer.get()).ok()?.checked_sub(1)
}

async fn on_native_vote(
    ctx: &serenity::Context,
    bot: &Bot,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
    message: serenity::MessageId,
    answer: serenity::AnswerId,
    add: bool,
) -> Result<(), Error> {
    if user == ctx.cache.current_user().id {
        return Ok(());
    }
    let voter = MemberKey::new(Platform::Discord, user.get().to_string());
    let poll_ref = PollRef::Message(message.get().to_string());
    let Some(index) = vote_option(answer) else {
        return Ok(());
    };
    // A changed vote arrives as a removal and an addition, in tasks that may run in
    // either order: a removal only takes back the answer it names, so both orders end
    // with the new vote.
    if add {
        let name = voter_name(ctx, guild, user).await;
        let event = VoteEvent {
            platform: Platform::Discord,
            poll: poll_ref,
            voter,
            voter_name: name,
            choice: Choice::Index(index),
            reason: None,
            channel: None,
            // Discord only shows the poll to those who can read the channel.
            role: crate::domain::command::Role::Member,
            cast_at: None,
        };
        if let Err(e) = bot.engine.vote(event).await {
            tracing::info!(error = %e, "a native poll vote was not taken");
        }
        return Ok(());
    }
    bot.engine
        .withdraw_vote(poll_ref, &voter, Some(index))
        .await?;
    Ok(())
}

/// Queues a member's message, edit or deletion for the engine, right where the gateway
/// hands it over (nothing to wait for); `false` for every other event.
pub(crate) fn queue(ctx: &serenity::Context, event: &serenity::FullEvent, bot: &Bot) -> bool {
    match event {
        serenity::FullEvent::Message { new_message } => {
            if new_message.author.id == ctx.cache.current_user().id {
                return true;
            }
            if let Some(msg) = incoming(new_message, new_message.guild_id.is_some()) {
                bot.ingest.push(Work::Message(msg));
            }
        }
        serenity::FullEvent::MessageUpdate { event, .. } => {
            if let Some((edit, message)) = edit_of(event) {
                bot.ingest.push(Work::Edit(edit, message));
            }
        }
        serenity::FullEvent::MessageDelete {
            deleted_message_id, ..
        } => bot.ingest.push(deletion(bot, *deleted_message_id)),
        serenity::FullEvent::MessageDeleteBulk {
            multiple_deleted_messages_ids,
            ..
        } => {
            for id in multiple_deleted_messages_ids {
                bot.ingest.push(deletion(bot, *id));
            }
        }
        _ => return false,
    }
    true
}

/// Every gateway event poise passes on.
pub(crate) async fn handle(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    let bot: &Bot = data;
    tracing::trace!(event = event.snake_case_name(), "discord event");
    if queue(ctx, event, bot) {
        return Ok(());
    }
    match event {
        serenity::FullEvent::Resume { .. } => {
            tracing::info!("discord gateway resumed");
        }
        serenity::FullEvent::MessagePollVoteAdd { event } => {
            on_native_vote(
                ctx,
                bot,
                event.guild_id,
                event.user_id,
                event.message_id,
                event.answer_id,
                true,
            )
            .await?
        }
        serenity::FullEvent::MessagePollVoteRemove { event } => {
            on_native_vote(
                ctx,
                bot,
                event.guild_id,
                event.user_id,
                event.message_id,
                event.answer_id,
                false,
            )
            .await?
        }
        serenity::FullEvent::VoiceStateUpdate { new, .. } => {
            super::voice::on_voice_state(ctx, bot, new).await?
        }
        serenity::FullEvent::GuildCreate { guild, .. } => {
            super::voice::on_guild(ctx, bot, guild).await?
        }
        serenity::FullEvent::InteractionCreate { interaction } => match interaction {
            serenity::Interaction::Component(c) => {
                if let Err(e) = super::buttons::on_component(ctx, bot, c).await {
                    tracing::warn!(error = %super::limits::describe(&e), "cannot answer a button");
                }
            }
            serenity::Interaction::Modal(m) => {
                if let Err(e) = super::buttons::on_modal(ctx, bot, m).await {
                    tracing::warn!(error = %super::limits::describe(&e), "cannot answer a form");
                }
            }
            _ => {}
        },
        _ => {}
    }
    Ok(())
}
