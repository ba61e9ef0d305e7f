//! Timeline events to engine calls: a member's text (in a thread, a reply, or the room) to
//! `on_message`, an edit (`m.replace`) to `on_edit`, a redaction to `on_delete`, a poll
//! response of either kind to `vote`. `!cq` lines become [`Job`]s for the room's command
//! worker; commands sent before the bot started are history and never answered. Every
//! call is idempotent, so events replayed after a restart or a backfill add nothing.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use matrix_sdk::Room;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation,
};
use matrix_sdk::ruma::events::room::redaction::SyncRoomRedactionEvent;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{EventId, MilliSecondsSinceUnixEpoch, UserId};

use super::{Bot, polls};
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{
    Choice, IncomingMessage, MessageDelete, MessageEdit, MessageOutcome, PollRef, VoteEvent,
};

/// A command for a room's command worker.
pub(super) struct Job {
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

/// A reply's body without the quote older clients put before it (`> <@a:b> text` lines
/// and a blank line), so that commands are found and quotes are not recorded as replies.
pub(super) fn strip_reply_fallback(body: &str) -> &str {
    if !body.starts_with("> ") {
        return body;
    }
    let mut rest = body;
    while rest.starts_with('>') {
        match rest.find('\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return body, // nothing but a quote: keep it
        }
    }
    rest.strip_prefix('\n').unwrap_or(rest)
}

pub(super) fn time(ts: MilliSecondsSinceUnixEpoch) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(i64::from(ts.get()))
        .single()
        .unwrap_or_default()
}

fn ms(ts: MilliSecondsSinceUnixEpoch) -> i64 {
    i64::from(ts.get())
}

fn member(user: &UserId) -> MemberKey {
    MemberKey::new(Platform::Matrix, user.as_str())
}

/// A member's display name in a room (their user id's local part when they set none).
pub(super) async fn display_name(room: &Room, user: &UserId) -> String {
    match room.get_member_no_sync(user).await {
        Ok(Some(m)) => m.display_name().unwrap_or(m.name()).to_string(),
        _ => user.localpart().to_string(),
    }
}

/// Translate one (decrypted) timeline event; returns a command to run, if it is one.
pub(super) async fn handle(
    bot: &Arc<Bot>,
    room: &Room,
    raw: &Raw<AnySyncTimelineEvent>,
) -> Option<Job> {
    let event = match raw.deserialize() {
        Ok(e) => e,
        Err(e) => {
            tracing::debug!(room = %room.room_id(), error = %e, "skipping an event that does not parse");
            return None;
        }
    };
    if event.sender() == bot.me {
        return None;
    }
    let AnySyncTimelineEvent::MessageLike(event) = event else {
        return None;
    };
    match event {
        AnySyncMessageLikeEvent::RoomMessage(SyncMessageLikeEvent::Original(m)) => {
            message(bot, room, m).await
        }
        AnySyncMessageLikeEvent::RoomRedaction(SyncRoomRedactionEvent::Original(r)) => {
            // Room v11+: `content.redacts`; older versions: the top-level `redacts`.
            if let Some(target) = r.content.redacts.clone().or(r.redacts.clone()) {
                let outcome = bot
                    .engine
                    .on_delete(MessageDelete {
                        platform: Platform::Matrix,
                        message_id: target.to_string(),
                        at: time(r.origin_server_ts),
                    })
                    .await;
                log_outcome(room, &r.event_id, "redaction", outcome);
            }
            None
        }
        AnySyncMessageLikeEvent::UnstablePollResponse(SyncMessageLikeEvent::Original(p)) => {
            vote(
                bot,
                room,
                &p.sender,
                &p.content.relates_to.event_id,
                &p.content.poll_response.answers,
                p.origin_server_ts,
            )
            .await;
            None
        }
        AnySyncMessageLikeEvent::PollResponse(SyncMessageLikeEvent::Original(p)) => {
            vote(
                bot,
                room,
                &p.sender,
                &p.content.relates_to.event_id,
                &p.content.selections,
                p.origin_server_ts,
            )
            .await;
            None
        }
        _ => None,
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

async fn message(bot: &Arc<Bot>, room: &Room, m: OriginalSyncRoomMessageEvent) -> Option<Job> {
    let at = time(m.origin_server_ts);
    if let Some(Relation::Replacement(r)) = &m.content.relates_to {
        let text = match &r.new_content.msgtype {
            MessageType::Text(t) => t.body.clone(),
            MessageType::Emote(t) => t.body.clone(),
            _ => return None,
        };
        // Only the author may edit a message (the spec's rule; clients check it too).
        match bot
            .engine
            .store()
            .reply_by_message(Platform::Matrix.as_str(), r.event_id.as_str())
            .await
        {
            Ok(Some(reply)) if reply.member_key == member(&m.sender).key() => {}
            Ok(_) => return None,
            Err(e) => {
                tracing::error!(error = %e, "cannot read a reply to apply its edit");
                return None;
            }
        }
        let outcome = bot
            .engine
            .on_edit(MessageEdit {
                platform: Platform::Matrix,
                message_id: r.event_id.to_string(),
                text,
                at,
            })
            .await;
        log_outcome(room, &m.event_id, "edit", outcome);
        return None;
    }
    let is_reply = match &m.content.relates_to {
        Some(Relation::Reply(_)) => true,
        Some(Relation::Thread(t)) => t.in_reply_to.is_some(),
        _ => false,
    };
    let body = match &m.content.msgtype {
        MessageType::Text(t) if is_reply => strip_reply_fallback(&t.body).to_string(),
        MessageType::Text(t) => t.body.clone(),
        MessageType::Emote(t) => t.body.clone(),
        // A file whose caption is a command (`!cq reading import` typed with the upload).
        MessageType::File(f) => {
            let line = f.caption().and_then(command_line)?.to_string();
            return fresh_command(bot, room, m, line);
        }
        _ => return None,
    };
    if let Some(line) = command_line(&body) {
        let line = line.to_string();
        return fresh_command(bot, room, m, line);
    }
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
    // A reply to a poll is the reason for the member's vote.
    if let (None, Some(target)) = (&thread_root, &reply_to) {
        let voter = member(&m.sender);
        match bot
            .engine
            .vote_reason(PollRef::Message(target.clone()), &voter, &body)
            .await
        {
            Ok(None) => {}
            Ok(Some(_)) => return None,
            Err(e) => {
                if ms(m.origin_server_ts) >= bot.started_ms {
                    let port = bot.port.clone();
                    let text = format!("Your reason was not added: {e}");
                    tokio::spawn(async move {
                        use crate::ports::ChatPort;
                        if let Err(e) = port.send_private(&voter, &text, &[]).await {
                            tracing::warn!(error = %e, "could not tell a member why their reason was not added");
                        }
                    });
                }
                return None;
            }
        }
    }
    let outcome = bot
        .engine
        .on_message(IncomingMessage {
            platform: Platform::Matrix,
            channel_id: room.room_id().to_string(),
            thread_root,
            reply_to,
            message_id: m.event_id.to_string(),
            author: member(&m.sender),
            author_name: display_name(room, &m.sender).await,
            text: body,
            at,
        })
        .await;
    log_outcome(room, &m.event_id, "message", outcome);
    None
}

fn fresh_command(
    bot: &Arc<Bot>,
    room: &Room,
    m: OriginalSyncRoomMessageEvent,
    line: String,
) -> Option<Job> {
    if ms(m.origin_server_ts) < bot.started_ms {
        tracing::debug!(room = %room.room_id(), event = %m.event_id, "not answering a command sent before the bot started");
        return None;
    }
    Some(Job { event: m, line })
}

/// A native poll response: the member's latest response counts (the engine upserts).
async fn vote(
    bot: &Arc<Bot>,
    room: &Room,
    sender: &UserId,
    poll_event: &EventId,
    answers: &[String],
    ts: MilliSecondsSinceUnixEpoch,
) {
    let poll = match bot
        .engine
        .store()
        .poll_by_message(poll_event.as_str())
        .await
    {
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
    let result = match polls::chosen_index(answers) {
        None => return,
        Some(None) => bot
            .engine
            .withdraw_vote(
                Platform::Matrix,
                PollRef::Message(poll_event.to_string()),
                &voter,
            )
            .await
            .map(|_| ()),
        Some(Some(index)) => bot
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
            })
            .await
            .map(|receipt| {
                tracing::debug!(poll = receipt.poll_id, change = ?receipt.change, "vote recorded");
            }),
    };
    if let Err(e) = result {
        tracing::info!(poll = poll.id, error = %e, "vote not counted");
        // Tell the voter privately (a live vote only: not replays after a restart).
        if ms(ts) >= bot.started_ms {
            let port = bot.port.clone();
            let text = format!("Your vote on poll #{} was not counted: {e}", poll.id);
            tokio::spawn(async move {
                use crate::ports::ChatPort;
                if let Err(e) = port.send_private(&voter, &text, &[]).await {
                    tracing::warn!(error = %e, "could not tell a voter why their vote was not counted");
                }
            });
        }
    }
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

    #[test]
    fn reply_fallbacks_are_stripped() {
        assert_eq!(
            strip_reply_fallback("> <@alice:x> sent a file.\n\n!cq reading import"),
            "!cq reading import"
        );
        assert_eq!(
            strip_reply_fallback("> <@a:x> one\n> two\n\nmy answer\nsecond line"),
            "my answer\nsecond line"
        );
        assert_eq!(strip_reply_fallback("> just a quote"), "> just a quote");
        assert_eq!(strip_reply_fallback("no quote"), "no quote");
    }
}
