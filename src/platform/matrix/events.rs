//! Timeline events to engine calls: a member's text (in a thread, a reply, or the room) to
//! `on_message`, an edit (`m.replace`) to `on_edit`, a redaction to `on_delete`, a poll
//! response of either kind to `vote`, a ✋ reaction (and its redaction) to a hand raised
//! from the agenda post ([`super::reactions`]). `!cq` lines become [`Job`]s for the room's command
//! worker; commands sent before the bot started are history and never answered. Every
//! call is idempotent, so events replayed after a restart or a backfill add nothing.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use matrix_sdk::Room;
use matrix_sdk::ruma::events::room::message::sanitize::remove_plain_reply_fallback;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation,
};
use matrix_sdk::ruma::events::room::redaction::SyncRoomRedactionEvent;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{EventId, MilliSecondsSinceUnixEpoch, OwnedEventId, OwnedUserId, UserId};

use super::members::{display_name, member, ms, tell_if_live};
use super::{Bot, polls, reactions};
use crate::domain::ids::{ChannelKey, Platform};
use crate::engine::{
    Choice, IncomingMessage, MessageDelete, MessageEdit, MessageOutcome, PollRef, VoteEvent,
};

/// A command for a room's command worker.
#[derive(Debug)]
pub(crate) struct Job {
    pub(super) event: OriginalSyncRoomMessageEvent,
    /// The command line, without `!cq`.
    pub(super) line: String,
}

/// The command line of a `!cq …` message (without the prefix), if it is one.
pub(super) fn command_line(body: &str) -> Option<&str> {
    let rest = body.trim_start().strip_prefix("!cq")?;
    if rest.is_empty() || rest.starts_with(char::is_whitespace) {
        Some(rest.trim())
    } else {
        None
    }
}

pub(super) fn time(ts: MilliSecondsSinceUnixEpoch) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(i64::from(ts.get()))
        .single()
        .unwrap_or_default()
}

/// One timeline event as read from its JSON, before the engine or the store is asked
/// anything: what a member did, in platform-free terms where the engine takes them.
#[derive(Debug)]
pub(crate) enum TimelineEvent {
    /// A `!cq` line, typed or as an uploaded file's caption.
    Command(Box<Job>),
    /// A member's message: in an excerpt's thread, a reply, or in the room.
    Message(Message),
    /// An edit (`m.replace`), by its sender (only their own reply changes).
    Edit {
        event_id: OwnedEventId,
        edit: MessageEdit,
    },
    /// A redaction.
    Redaction {
        event_id: OwnedEventId,
        delete: MessageDelete,
    },
    /// A raised-hand reaction (✋) by `sender` on the event `post`.
    HandReaction {
        event_id: OwnedEventId,
        post: OwnedEventId,
        sender: OwnedUserId,
        at: MilliSecondsSinceUnixEpoch,
    },
    /// A poll response of either kind: the 0-based option chosen, or `None` when an
    /// empty response takes the vote back.
    PollResponse {
        sender: OwnedUserId,
        poll_event: OwnedEventId,
        option: Option<usize>,
        at: MilliSecondsSinceUnixEpoch,
    },
}

/// Read one (decrypted) timeline event. `None` for the bot's own events, events that do
/// not parse, and kinds colloquy does not record (state, reactions other than ✋, images…).
pub(crate) fn read(raw: &Raw<AnySyncTimelineEvent>, me: &UserId) -> Option<TimelineEvent> {
    let event = match raw.deserialize() {
        Ok(e) => e,
        Err(e) => {
            tracing::debug!(error = %e, "skipping an event that does not parse");
            return None;
        }
    };
    if event.sender() == me {
        return None;
    }
    let AnySyncTimelineEvent::MessageLike(event) = event else {
        return None;
    };
    match event {
        AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m)) => read_message(m),
        AnySyncMessageLikeEvent::RoomRedaction(SyncRoomRedactionEvent::Original(r)) => {
            // Room v11+: `content.redacts`; older versions: the top-level `redacts`.
            let target = r.content.redacts.clone().or(r.redacts.clone())?;
            Some(TimelineEvent::Redaction {
                event_id: r.event_id,
                delete: MessageDelete {
                    platform: Platform::Matrix,
                    message_id: target.to_string(),
                    at: time(r.origin_server_ts),
                },
            })
        }
        AnySyncMessageLikeEvent::Reaction(SyncMessageLikeEvent::Original(r)) => {
            reactions::is_raised_hand(&r.content.relates_to.key).then(|| {
                TimelineEvent::HandReaction {
                    event_id: r.event_id,
                    post: r.content.relates_to.event_id,
                    sender: r.sender,
                    at: r.origin_server_ts,
                }
            })
        }
        AnySyncMessageLikeEvent::UnstablePollResponse(SyncMessageLikeEvent::Original(p)) => {
            // Answers colloquy did not send are not votes.
            Some(TimelineEvent::PollResponse {
                option: polls::chosen_index(&p.content.poll_response.answers)?,
                sender: p.sender,
                poll_event: p.content.relates_to.event_id,
                at: p.origin_server_ts,
            })
        }
        AnySyncMessageLikeEvent::PollResponse(SyncMessageLikeEvent::Original(p)) => {
            Some(TimelineEvent::PollResponse {
                option: polls::chosen_index(&p.content.selections)?,
                sender: p.sender,
                poll_event: p.content.relates_to.event_id,
                at: p.origin_server_ts,
            })
        }
        _ => None,
    }
}

fn read_message(m: OriginalSyncRoomMessageEvent) -> Option<TimelineEvent> {
    if let Some(Relation::Replacement(r)) = &m.content.relates_to {
        let text = match &r.new_content.msgtype {
            MessageType::Text(t) => t.body.clone(),
            MessageType::Emote(t) => t.body.clone(),
            _ => return None,
        };
        return Some(TimelineEvent::Edit {
            edit: MessageEdit {
                platform: Platform::Matrix,
                message_id: r.event_id.to_string(),
                // Only the author may edit a message (the spec's rule; clients check it
                // too, the engine makes sure).
                author: Some(member(&m.sender)),
                text,
                at: time(m.origin_server_ts),
            },
            event_id: m.event_id,
        });
    }
    // A thread message carries `m.in_reply_to` only as a fallback for older clients
    // (`is_falling_back`); it is a reply only when it answers one message.
    let (thread_root, reply_to) = match &m.content.relates_to {
        Some(Relation::Thread(t)) => (
            Some(t.event_id.to_string()),
            t.in_reply_to
                .as_ref()
                .filter(|_| !t.is_falling_back)
                .map(|r| r.event_id.to_string()),
        ),
        Some(Relation::Reply(r)) => (None, Some(r.in_reply_to.event_id.to_string())),
        _ => (None, None),
    };
    // A reply's body may start with the quote older clients put before it (`> <@a:b> …`
    // lines and a blank line): commands are found, and replies recorded, without it. A
    // member's own quote of the reading (`> …` without a mention) stays.
    let own_text = |body: &str| {
        if reply_to.is_some() {
            remove_plain_reply_fallback(body).to_string()
        } else {
            body.to_string()
        }
    };
    let body = match &m.content.msgtype {
        MessageType::Text(t) => own_text(&t.body),
        MessageType::Emote(t) => own_text(&t.body),
        // A file whose caption is a command (`!cq reading import` typed with the upload).
        MessageType::File(f) => {
            let line = f.caption().and_then(command_line)?.to_string();
            return Some(TimelineEvent::Command(Box::new(Job { event: m, line })));
        }
        _ => return None,
    };
    if let Some(line) = command_line(&body) {
        let line = line.to_string();
        return Some(TimelineEvent::Command(Box::new(Job { event: m, line })));
    }
    Some(TimelineEvent::Message(Message {
        event_id: m.event_id,
        sender: m.sender,
        body,
        thread_root,
        reply_to,
        at: m.origin_server_ts,
    }))
}

/// Translate one (decrypted) timeline event; returns a command to run, if it is one.
pub(super) async fn handle(
    bot: &Arc<Bot>,
    room: &Room,
    raw: &Raw<AnySyncTimelineEvent>,
) -> Option<Job> {
    match read(raw, &bot.me)? {
        TimelineEvent::Command(job) => fresh_command(bot, room, *job),
        TimelineEvent::Message(message) => {
            on_message(bot, room, message).await;
            None
        }
        TimelineEvent::Edit { event_id, edit } => {
            let outcome = bot.engine.on_edit(edit).await;
            log_outcome(room, &event_id, "edit", outcome);
            None
        }
        TimelineEvent::Redaction { event_id, delete } => {
            // The redacted event may be a message or a ✋ reaction that raised a hand.
            reactions::maybe_hand_down(bot, room, &delete.message_id).await;
            let outcome = bot.engine.on_delete(delete).await;
            log_outcome(room, &event_id, "redaction", outcome);
            None
        }
        TimelineEvent::HandReaction {
            event_id,
            post,
            sender,
            at,
        } => {
            reactions::hand_up(bot, room, &event_id, &post, &sender, at).await;
            None
        }
        TimelineEvent::PollResponse {
            sender,
            poll_event,
            option,
            at,
        } => {
            vote(bot, room, &sender, &poll_event, option, at).await;
            None
        }
    }
}

fn log_outcome(
    room: &Room,
    event: &EventId,
    what: &'static str,
    outcome: Result<MessageOutcome, crate::engine::CommandError>,
) {
    match outcome {
        Ok(o) => {
            tracing::debug!(room = %room.room_id(), event = %event, what, outcome = ?o, "event handled")
        }
        Err(e) => {
            tracing::error!(room = %room.room_id(), event = %event, what, error = %e, "event not recorded")
        }
    }
}

/// A member's message, as [`TimelineEvent::Message`] carries it.
#[derive(Debug)]
pub(crate) struct Message {
    pub(crate) event_id: OwnedEventId,
    pub(crate) sender: OwnedUserId,
    pub(crate) body: String,
    pub(crate) thread_root: Option<String>,
    pub(crate) reply_to: Option<String>,
    at: MilliSecondsSinceUnixEpoch,
}

async fn on_message(bot: &Arc<Bot>, room: &Room, m: Message) {
    // A reply to a poll is the reason for the member's vote.
    if let (None, Some(target)) = (&m.thread_root, &m.reply_to) {
        let voter = member(&m.sender);
        match bot
            .engine
            .vote_reason(PollRef::Message(target.clone()), &voter, &m.body)
            .await
        {
            Ok(None) => {}
            Ok(Some(_)) => return,
            Err(e) => {
                let loc = bot.engine.locale_of(&room_channel(room)).await;
                let text = crate::t!(
                    loc,
                    "matrix-reason-not-added",
                    error = e.in_locale(loc).to_string()
                );
                tell_if_live(bot, voter, m.at, text);
                return;
            }
        }
    }
    let outcome = bot
        .engine
        .on_message(IncomingMessage {
            platform: Platform::Matrix,
            channel_id: room.room_id().to_string(),
            thread_root: m.thread_root,
            reply_to: m.reply_to,
            message_id: m.event_id.to_string(),
            author: member(&m.sender),
            author_name: display_name(room, &m.sender).await,
            text: m.body,
            at: time(m.at),
        })
        .await;
    log_outcome(room, &m.event_id, "message", outcome);
}

fn fresh_command(bot: &Arc<Bot>, room: &Room, job: Job) -> Option<Job> {
    if ms(job.event.origin_server_ts) < bot.started_ms {
        tracing::debug!(room = %room.room_id(), event = %job.event.event_id, "not answering a command sent before the bot started");
        return None;
    }
    Some(job)
}

/// A native poll response: the member's latest response counts (the engine upserts).
async fn vote(
    bot: &Arc<Bot>,
    room: &Room,
    sender: &UserId,
    poll_event: &EventId,
    option: Option<usize>,
    ts: MilliSecondsSinceUnixEpoch,
) {
    let poll = match bot.engine.poll_by_message(poll_event.as_str()).await {
        Ok(Some(p)) => p,
        Ok(None) => return, // somebody else's poll
        Err(e) => {
            tracing::error!(error = %e, "cannot look up a poll");
            return;
        }
    };
    // Responses to an anonymous poll's announcement would show the vote to the room.
    if poll.anonymous {
        return;
    }
    let voter = member(sender);
    let result = match option {
        None => bot
            .engine
            .withdraw_vote(PollRef::Message(poll_event.to_string()), &voter, None)
            .await
            .map(|_| ()),
        Some(index) => bot
            .engine
            .vote(VoteEvent {
                platform: Platform::Matrix,
                poll: PollRef::Message(poll_event.to_string()),
                voter: voter.clone(),
                voter_name: display_name(room, sender).await,
                choice: Choice::Index(index),
                reason: None,
                channel: Some(ChannelKey::new(Platform::Matrix, room.room_id().as_str())),
                role: crate::domain::command::Role::Member,
                cast_at: Some(time(ts)),
            })
            .await
            .map(|receipt| {
                tracing::debug!(poll = receipt.poll_id, change = ?receipt.change, "vote recorded");
            }),
    };
    if let Err(e) = result {
        tracing::info!(poll = poll.id, error = %e, "vote not counted");
        let loc = bot.engine.locale_of(&room_channel(room)).await;
        let text = crate::t!(
            loc,
            "matrix-vote-not-counted",
            id = poll.id,
            error = e.in_locale(loc).to_string()
        );
        tell_if_live(bot, voter, ts, text);
    }
}

/// The room as the engine knows it.
fn room_channel(room: &Room) -> ChannelKey {
    ChannelKey::new(Platform::Matrix, room.room_id().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines() {
        assert_eq!(command_line("!cq setup --tz UTC"), Some("setup --tz UTC"));
        assert_eq!(command_line("  !cq"), Some(""));
        assert_eq!(command_line("!cqx"), None);
        assert_eq!(command_line("hello !cq help"), None);
    }
}
