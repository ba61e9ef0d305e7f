//! `!cq` commands: parse the line, work out the caller's role in the room, fetch the file a
//! `reading import` replies to, run the command on the engine, and answer as a reply to the
//! command (in its thread if it was in one). Private answers go to a direct room with the
//! caller, and the room is told so; errors are answered with what to do.

use std::sync::Arc;

use matrix_sdk::Room;
use matrix_sdk::ruma::UserId;
use matrix_sdk::ruma::events::room::message::{
    AddMentions, FileMessageEventContent, ForwardThread, MessageType, OriginalSyncRoomMessageEvent,
    Relation, ReplyMetadata, ReplyWithinThread,
};
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};

use super::events::Job;
use super::members::display_name;
use super::port::{MAX_MESSAGE_CHARS, role_of};
use super::{Bot, content};
use crate::domain::command::{Command, Role, parse};
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{Caller, Invocation, Reply, Upload};
use crate::ports::{ChatPort, FileOut};
use crate::render::split_message;
use crate::t;

/// Run one command and answer it.
pub(super) async fn run(bot: &Arc<Bot>, room: &Room, job: Job) {
    let ev = &job.event;
    let role = match role_of(room, &ev.sender, &bot.facilitators).await {
        Ok(r) => r.max(Role::Member), // they just wrote in the room
        Err(e) => {
            tracing::warn!(room = %room.room_id(), error = %e, "cannot read the caller's power level");
            Role::Member
        }
    };
    tracing::info!(room = %room.room_id(), event = %ev.event_id, role = role.as_str(), "command");
    match execute(bot, room, ev, &job.line, role).await {
        Ok(reply) => answer(bot, room, ev, reply).await,
        Err(message) => say(bot, room, ev, &format!("⚠️ {message}"), &[]).await,
    }
}

async fn execute(
    bot: &Arc<Bot>,
    room: &Room,
    ev: &OriginalSyncRoomMessageEvent,
    line: &str,
    role: Role,
) -> Result<Reply, String> {
    let channel = ChannelKey::new(Platform::Matrix, room.room_id().as_str());
    let command = match parse(line) {
        Ok(c) => c,
        Err(e) => {
            let member = MemberKey::new(Platform::Matrix, ev.sender.as_str());
            return Err(bot
                .engine
                .parse_refusal_for(&channel, &member, e)
                .await
                .to_string());
        }
    };
    // The engine's rule for anonymous polls: a vote typed in a shared room is refused and
    // taken out of the room.
    if let Some(refusal) = bot
        .engine
        .public_vote_refusal(&command)
        .await
        .map_err(|e| e.to_string())?
        && !private_with(bot, room, &ev.sender).await
    {
        let loc = bot.engine.locale_of(&channel).await;
        let removed = bot
            .port
            .redact(room, &ev.event_id, &t!(loc, "matrix-vote-redacted-reason"))
            .await;
        return Err(format!(
            "{refusal} {}",
            if removed {
                t!(loc, "matrix-vote-removed")
            } else {
                t!(loc, "matrix-vote-delete-it")
            }
        ));
    }
    let attachment =
        if matches!(command, Command::ReadingImport { .. }) && role >= command.required_role() {
            attachment(bot, room, ev).await?
        } else {
            None
        };
    let invocation = Invocation {
        channel: ChannelKey::new(Platform::Matrix, room.room_id().as_str()),
        caller: Caller {
            key: MemberKey::new(Platform::Matrix, ev.sender.as_str()),
            name: display_name(room, &ev.sender).await,
            role,
            locale: None,
        },
        command,
        attachment,
    };
    bot.engine
        .execute(invocation)
        .await
        .map_err(|e| e.to_string())
}

/// Whether the room is a direct chat with `user` (not a group, at most two members), so
/// that private answers can stay in it.
async fn private_with(bot: &Bot, room: &Room, user: &UserId) -> bool {
    let channel = ChannelKey::new(Platform::Matrix, room.room_id().as_str());
    let is_group = !matches!(bot.engine.group_of(&channel).await, Ok(None));
    !is_group
        && room.joined_members_count() <= 2
        && matches!(room.get_member_no_sync(user).await, Ok(Some(_)))
}

/// The file for `reading import`: the command's own file (a caption) or the file message
/// the command replies to. Refused before downloading when its announced size is too big.
async fn attachment(
    bot: &Bot,
    room: &Room,
    ev: &OriginalSyncRoomMessageEvent,
) -> Result<Option<Upload>, String> {
    let loc = bot
        .engine
        .locale_of(&ChannelKey::new(Platform::Matrix, room.room_id().as_str()))
        .await;
    let not_a_file = || t!(loc, "matrix-not-a-file");
    let file: FileMessageEventContent = match &ev.content.msgtype {
        MessageType::File(f) => f.clone(),
        _ => {
            let target = match &ev.content.relates_to {
                Some(Relation::Reply(r)) => r.in_reply_to.event_id.clone(),
                Some(Relation::Thread(t)) if !t.is_falling_back => match &t.in_reply_to {
                    Some(r) => r.event_id.clone(),
                    None => return Ok(None),
                },
                _ => return Ok(None),
            };
            let fetched = room
                .event(&target, None)
                .await
                .map_err(|e| t!(loc, "matrix-fetch-failed", error = e.to_string()))?;
            match fetched.raw().deserialize() {
                Ok(AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
                    SyncMessageLikeEvent::Original(m),
                ))) => match m.content.msgtype {
                    MessageType::File(f) => f,
                    _ => return Err(not_a_file()),
                },
                _ => return Err(not_a_file()),
            }
        }
    };
    let name = file.filename().to_string();
    let limit = bot.engine.settings().max_upload_bytes;
    let too_big = |bytes: u64| {
        t!(
            loc,
            "matrix-file-too-big",
            name = name.as_str(),
            size = crate::domain::import::human_size(usize::try_from(bytes).unwrap_or(usize::MAX)),
            limit = crate::domain::import::human_size(limit)
        )
    };
    if let Some(size) = file.info.as_ref().and_then(|i| i.size)
        && u64::from(size) > limit as u64
    {
        return Err(too_big(u64::from(size)));
    }
    let bytes = bot
        .client
        .media()
        .get_file(&file, false)
        .await
        .map_err(|e| {
            t!(
                loc,
                "matrix-download-failed",
                name = name.as_str(),
                error = e.to_string()
            )
        })?
        .unwrap_or_default();
    if bytes.len() > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(Some(Upload { name, bytes }))
}

/// Answer a command: in the room, or for confidential answers (data, exports, secret
/// votes) in a direct room, saying so in the room. Matrix has no ephemeral messages, so
/// other answers meant for the caller are replies in the room.
async fn answer(bot: &Arc<Bot>, room: &Room, ev: &OriginalSyncRoomMessageEvent, reply: Reply) {
    if reply.confidential && !private_with(bot, room, &ev.sender).await {
        let member = MemberKey::new(Platform::Matrix, ev.sender.as_str());
        let loc = bot
            .engine
            .locale_of(&ChannelKey::new(Platform::Matrix, room.room_id().as_str()))
            .await;
        match bot
            .port
            .send_private(&member, &reply.text, &reply.files)
            .await
        {
            Ok(()) => say(bot, room, ev, &t!(loc, "matrix-sent-privately"), &[]).await,
            Err(e) => {
                tracing::warn!(error = %e, "cannot send a private answer");
                let text = t!(loc, "matrix-private-failed", error = e.to_string());
                say(bot, room, ev, &format!("⚠️ {text}"), &[]).await
            }
        }
    } else {
        say(bot, room, ev, &reply.text, &reply.files).await;
    }
}

/// Post an answer as a reply to the command (in its thread, if any), then its files.
async fn say(
    bot: &Bot,
    room: &Room,
    ev: &OriginalSyncRoomMessageEvent,
    text: &str,
    files: &[FileOut],
) {
    let thread = match &ev.content.relates_to {
        Some(Relation::Thread(t)) => Some(t),
        _ => None,
    };
    for (i, part) in split_message(text, MAX_MESSAGE_CHARS)
        .into_iter()
        .enumerate()
    {
        let message = content::notice(&part);
        let message = match (i, thread) {
            (0, _) => message.make_reply_to(
                ReplyMetadata::new(&ev.event_id, &ev.sender, thread),
                ForwardThread::Yes,
                AddMentions::Yes,
            ),
            (_, Some(t)) => message.make_for_thread(
                ReplyMetadata::new(&t.event_id, &ev.sender, Some(t)),
                ReplyWithinThread::No,
                AddMentions::No,
            ),
            (_, None) => message,
        };
        if let Err(e) = bot.port.send_message(room, message).await {
            tracing::warn!(room = %room.room_id(), error = %e, "cannot answer a command");
            return;
        }
    }
    if let Err(e) = bot.port.send_files(room, files, Some(&ev.event_id)).await {
        tracing::warn!(room = %room.room_id(), error = %e, "cannot attach files to an answer");
    }
}
