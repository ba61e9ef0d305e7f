//! [`MatrixPort`]: the engine's [`ChatPort`] for Matrix. Posts go to the group's room;
//! excerpts are thread roots; polls are native polls (anonymous ones a text asking for
//! votes by direct message); files are attachments; private messages go to a direct room.
//!
//! Posts are idempotent per `Outgoing::key`, in three layers:
//! 1. every event is sent with a transaction id derived from the key (prefixed with a
//!    random id of this database), so Synapse answers a repeated send with the first
//!    event instead of posting again (it remembers transaction ids of a device for a day,
//!    and the device is the same after a restart);
//! 2. before sending, the kv table records `sending`, after it `sent EVENT_ID`: a key
//!    already sent returns its event without a request;
//! 3. a key found `sending` (a crash between the send and its record) is looked up in
//!    the room's latest 100 events by the `org.colloquy.key` field each bot event
//!    carries in its content (attachments cannot carry it and rely on 1).

use std::sync::{Arc, RwLock};

use async_trait::async_trait;
use matrix_sdk::attachment::AttachmentConfig;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::room::reply::{EnforceThread, Reply as SdkReply};
use matrix_sdk::ruma::events::relation::{InReplyTo, Reply as RelReply};
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    AddMentions, Relation, ReplyMetadata, ReplyWithinThread, RoomMessageEventContent,
    TextMessageEventContent,
};
use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
use matrix_sdk::ruma::{
    EventId, Int, OwnedEventId, OwnedTransactionId, OwnedUserId, RoomId, UserId, uint,
};
use matrix_sdk::{Client, Room, RoomMemberships, RoomState};

use super::{content, polls};
use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{AdapterState, StateError};
use crate::ports::{ChatPort, Content, Delivered, FileOut, Outgoing, PortError};
use crate::render::split_message;

/// The longest text one Matrix message carries. An event is at most 64 KiB of JSON; a
/// message holds its text twice (body and HTML), and in an encrypted room the whole
/// content again as base64 (4/3). 7,000 characters of 3-byte script stay under that;
/// longer texts are split by the outbox and by the answers.
pub const MAX_MESSAGE_CHARS: usize = 7_000;
/// The custom content field naming the outbox key a bot event was sent for.
pub const KEY_FIELD: &str = "org.colloquy.key";
/// The power level from which a member is a facilitator.
const FACILITATOR_LEVEL: i64 = 50;

/// Matrix as the engine's chat port.
pub struct MatrixPort {
    /// `None` once the adapter stopped: the client (and its stores) must not outlive it.
    client: RwLock<Option<Client>>,
    state: AdapterState,
    me: OwnedUserId,
    facilitators: Arc<Vec<OwnedUserId>>,
    txn_prefix: String,
    /// One direct room per member, even when two answers want one at the same time.
    dm_lock: tokio::sync::Mutex<()>,
}

/// This database's prefix for transaction ids (so a new database never reuses an old
/// database's `cq-1` on the same device).
pub(super) async fn txn_prefix(state: &AdapterState) -> anyhow::Result<String> {
    const KEY: &str = "txn-prefix";
    if let Some(p) = state.get(KEY).await? {
        return Ok(p);
    }
    let p = format!("{:08x}", rand::random::<u32>());
    state.set(KEY, &p).await?;
    Ok(p)
}

/// A failed Matrix call as the outbox sees it: rate limits, 5xx and network trouble are
/// worth retrying; other refusals (403 forbidden, 404 unknown room, 413 too large) are not.
pub(crate) fn port_error(e: &matrix_sdk::Error) -> PortError {
    if let Some(api) = e.as_client_api_error() {
        let status = api.status_code.as_u16();
        if status == 429 || status >= 500 {
            return PortError::Transient(format!("the homeserver answered {status}"));
        }
        return PortError::Permanent(format!("the homeserver refused: {api}"));
    }
    PortError::Transient(e.to_string())
}

fn http_port_error(e: &matrix_sdk::HttpError) -> PortError {
    if let Some(api) = e.as_client_api_error() {
        let status = api.status_code.as_u16();
        if status == 429 || status >= 500 {
            return PortError::Transient(format!("the homeserver answered {status}"));
        }
        return PortError::Permanent(format!("the homeserver refused: {api}"));
    }
    PortError::Transient(e.to_string())
}

fn state_error(e: StateError) -> PortError {
    PortError::Transient(format!("database: {e}"))
}

/// A member's role in a room: facilitator (power level >= 50, creators included, or listed
/// in the config), member (joined), else stranger.
pub(crate) async fn role_of(
    room: &Room,
    user: &UserId,
    facilitators: &[OwnedUserId],
) -> Result<Role, matrix_sdk::Error> {
    let joined = room
        .get_member(user)
        .await?
        .is_some_and(|m| *m.membership() == MembershipState::Join);
    if !joined {
        return Ok(Role::Stranger);
    }
    if facilitators.iter().any(|f| f == user) {
        return Ok(Role::Facilitator);
    }
    let level = room.get_user_power_level(user).await?;
    if level >= UserPowerLevel::Int(Int::from(FACILITATOR_LEVEL as i32)) {
        return Ok(Role::Facilitator);
    }
    Ok(Role::Member)
}

/// A media type for an attachment (the type is matrix-sdk's `mime::Mime`, inferred).
fn parse_mime<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

impl MatrixPort {
    pub(super) fn new(
        client: Client,
        state: AdapterState,
        me: OwnedUserId,
        facilitators: Arc<Vec<OwnedUserId>>,
        txn_prefix: String,
    ) -> MatrixPort {
        MatrixPort {
            client: RwLock::new(Some(client)),
            state,
            me,
            facilitators,
            txn_prefix,
            dm_lock: tokio::sync::Mutex::new(()),
        }
    }

    /// Forget the client (the adapter stopped).
    pub(super) fn disconnect(&self) {
        if let Ok(mut c) = self.client.write() {
            *c = None;
        }
    }

    fn client(&self) -> Result<Client, PortError> {
        self.client
            .read()
            .ok()
            .and_then(|c| c.clone())
            .ok_or_else(|| PortError::Transient("Matrix is not connected".into()))
    }

    /// A room the bot has joined.
    fn joined_room(&self, room_id: &str) -> Result<Room, PortError> {
        let client = self.client()?;
        let id = RoomId::parse(room_id)
            .map_err(|_| PortError::Permanent(format!("\"{room_id}\" is not a Matrix room id")))?;
        match client.get_room(&id) {
            Some(room) if room.state() == RoomState::Joined => Ok(room),
            _ => Err(PortError::Permanent(format!(
                "the bot is not in room {room_id} (invite it again)"
            ))),
        }
    }

    fn txn(&self, key: &str) -> String {
        format!("{}.{key}", self.txn_prefix)
    }

    /// Send one event for `key` at most once (see the module docs).
    async fn send_keyed(
        &self,
        room: &Room,
        key: &str,
        event_type: &str,
        mut json: serde_json::Value,
    ) -> Result<OwnedEventId, PortError> {
        let txn = self.txn(key);
        let state_key = format!("post:{txn}");
        match self.state.get(&state_key).await.map_err(state_error)? {
            Some(done) if done.starts_with("sent ") => {
                if let Ok(id) = EventId::parse(done.trim_start_matches("sent ")) {
                    return Ok(id);
                }
            }
            Some(_) => {
                if let Some(id) = self.find_sent(room, &txn).await {
                    tracing::info!(room = %room.room_id(), event = %id, "a post sent before a restart was found; not sending it again");
                    self.state
                        .set(&state_key, &format!("sent {id}"))
                        .await
                        .map_err(state_error)?;
                    return Ok(id);
                }
            }
            None => {}
        }
        if let Some(obj) = json.as_object_mut() {
            obj.insert(KEY_FIELD.into(), txn.clone().into());
        }
        self.state
            .set(&state_key, "sending")
            .await
            .map_err(state_error)?;
        let txn_id: OwnedTransactionId = txn.into();
        let sent = room
            .send_raw(event_type, json)
            .with_transaction_id(&txn_id)
            .await
            .map_err(|e| port_error(&e))?;
        let id = sent.response.event_id;
        self.state
            .set(&state_key, &format!("sent {id}"))
            .await
            .map_err(state_error)?;
        Ok(id)
    }

    /// The bot's event carrying `txn` among the room's latest events, if any.
    async fn find_sent(&self, room: &Room, txn: &str) -> Option<OwnedEventId> {
        let mut options = MessagesOptions::backward();
        options.limit = uint!(100);
        let page = match room.messages(options).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(room = %room.room_id(), error = %e, "cannot read recent events to check an earlier send");
                return None;
            }
        };
        page.chunk.iter().find_map(|ev| {
            let json: serde_json::Value = serde_json::from_str(ev.raw().json().get()).ok()?;
            (json["sender"] == self.me.as_str() && json["content"][KEY_FIELD] == txn)
                .then(|| ev.event_id())
                .flatten()
        })
    }

    /// Upload and send a file for `key` (transaction id as for events).
    async fn send_file_keyed(
        &self,
        room: &Room,
        key: Option<&str>,
        file: &FileOut,
        reply_to: Option<&EventId>,
    ) -> Result<OwnedEventId, PortError> {
        let state_key = key.map(|k| format!("post:{}", self.txn(k)));
        if let Some(state_key) = &state_key
            && let Some(done) = self.state.get(state_key).await.map_err(state_error)?
            && let Some(id) = done.strip_prefix("sent ")
            && let Ok(id) = EventId::parse(id)
        {
            return Ok(id);
        }
        let Some(mime) = parse_mime(&file.mime).or_else(|| parse_mime("application/octet-stream"))
        else {
            return Err(PortError::Permanent(format!(
                "\"{}\" is not a media type",
                file.mime
            )));
        };
        let mut config = AttachmentConfig::new();
        if let Some(k) = key {
            config = config.txn_id(self.txn(k).into());
        }
        if !file.description.trim().is_empty() {
            // The description becomes the body (alt text); the name stays the file name.
            config = config.caption(Some(TextMessageEventContent::plain(&file.description)));
        }
        if let Some(id) = reply_to {
            config = config.reply(Some(SdkReply {
                event_id: id.to_owned(),
                enforce_thread: EnforceThread::MaybeThreaded,
                add_mentions: AddMentions::No,
            }));
        }
        if let Some(state_key) = &state_key {
            self.state
                .set(state_key, "sending")
                .await
                .map_err(state_error)?;
        }
        let response = room
            .send_attachment(&file.name, &mime, file.bytes.clone(), config)
            .await
            .map_err(|e| port_error(&e))?;
        if let Some(state_key) = &state_key {
            self.state
                .set(state_key, &format!("sent {}", response.event_id))
                .await
                .map_err(state_error)?;
        }
        Ok(response.event_id)
    }

    /// A Markdown text for `key`, in `thread` (a root event) or replying to `reply_to`.
    async fn send_text_keyed(
        &self,
        room: &Room,
        key: &str,
        markdown: &str,
        thread: Option<&EventId>,
        reply_to: Option<&EventId>,
    ) -> Result<OwnedEventId, PortError> {
        let mut message = content::markdown(markdown);
        if let Some(root) = thread {
            message = message.make_for_thread(
                ReplyMetadata::new(root, &self.me, None),
                ReplyWithinThread::No,
                AddMentions::No,
            );
            message.mentions = Some(Default::default());
        } else if let Some(id) = reply_to {
            message.relates_to = Some(Relation::Reply(RelReply::new(InReplyTo::new(
                id.to_owned(),
            ))));
        }
        self.send_keyed(room, key, "m.room.message", content::to_json(&message))
            .await
    }

    /// The direct room with `user`: the one remembered, else one they opened with the bot,
    /// else a new (encrypted) one, to which they are invited.
    pub(crate) async fn dm_room(&self, user: &UserId) -> Result<Room, PortError> {
        let client = self.client()?;
        let _one_at_a_time = self.dm_lock.lock().await;
        let key = format!("dm:{user}");
        let present = |m: Option<matrix_sdk::room::RoomMember>| {
            m.is_some_and(|m| {
                matches!(
                    m.membership(),
                    MembershipState::Join | MembershipState::Invite
                )
            })
        };
        if let Some(id) = self.state.get(&key).await.map_err(state_error)?
            && let Ok(id) = RoomId::parse(&id)
            && let Some(room) = client.get_room(&id)
            && room.state() == RoomState::Joined
            && present(room.get_member_no_sync(user).await.ok().flatten())
        {
            return Ok(room);
        }
        for room in client.joined_rooms() {
            // Counted from the member events the bot holds: the sync's room summary (and so
            // `active_members_count`) is only sent with lazy-loaded members, which the bot
            // does not ask for, so it reads 0 for a room a member opened.
            let active = match room.members_no_sync(RoomMemberships::ACTIVE).await {
                Ok(members) => members.len(),
                Err(e) => {
                    tracing::debug!(room = %room.room_id(), error = %e, "cannot count a room's members");
                    continue;
                }
            };
            if active != 2 {
                continue;
            }
            let channel = ChannelKey::new(Platform::Matrix, room.room_id().as_str());
            if self.state.is_group(&channel).await.map_err(state_error)? {
                continue;
            }
            if present(room.get_member_no_sync(user).await.ok().flatten()) {
                self.state
                    .set(&key, room.room_id().as_str())
                    .await
                    .map_err(state_error)?;
                return Ok(room);
            }
        }
        let room = client.create_dm(user).await.map_err(|e| port_error(&e))?;
        tracing::info!(room = %room.room_id(), "opened a direct room with a member");
        self.state
            .set(&key, room.room_id().as_str())
            .await
            .map_err(state_error)?;
        Ok(room)
    }

    /// Send Markdown (split to fit) and files to a room, unkeyed (answers, private messages).
    pub(crate) async fn send_unkeyed(
        &self,
        room: &Room,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<(), PortError> {
        for part in split_message(markdown, MAX_MESSAGE_CHARS) {
            let message = content::notice(&part);
            room.send(message).await.map_err(|e| port_error(&e))?;
        }
        for file in files {
            self.send_file_keyed(room, None, file, None).await?;
        }
        Ok(())
    }

    /// Send a prepared message (an answer) unkeyed.
    pub(crate) async fn send_message(
        &self,
        room: &Room,
        message: RoomMessageEventContent,
    ) -> Result<OwnedEventId, PortError> {
        Ok(room
            .send(message)
            .await
            .map_err(|e| port_error(&e))?
            .response
            .event_id)
    }

    /// Send files as replies to `reply_to` (answers).
    pub(crate) async fn send_files(
        &self,
        room: &Room,
        files: &[FileOut],
        reply_to: Option<&EventId>,
    ) -> Result<(), PortError> {
        for file in files {
            self.send_file_keyed(room, None, file, reply_to).await?;
        }
        Ok(())
    }

    /// Redact an event (best effort: used to take an anonymous vote out of a shared room).
    pub(crate) async fn redact(&self, room: &Room, event: &EventId, reason: &str) -> bool {
        match room.redact(event, Some(reason), None).await {
            Ok(_) => true,
            Err(e) => {
                tracing::debug!(room = %room.room_id(), error = %http_port_error(&e), "could not redact");
                false
            }
        }
    }

    async fn deliver_results(
        &self,
        room: &Room,
        post: &Outgoing,
        r: &crate::ports::ResultsPost,
    ) -> Result<Delivered, PortError> {
        let poll_event = r
            .poll_message_id
            .as_deref()
            .and_then(|id| EventId::parse(id).ok());
        let anonymous = r.anonymous;
        if let Some(start) = &poll_event
            && !anonymous
        {
            self.send_keyed(
                room,
                &format!("{}.end", post.key),
                polls::END_TYPE,
                polls::end_content(r.poll_id, r.locale, start.clone()),
            )
            .await?;
        }
        let id = self
            .send_text_keyed(
                room,
                &post.key,
                &r.markdown,
                thread_of(post).as_deref(),
                poll_event.as_deref(),
            )
            .await?;
        if let Some(chart) = &r.chart {
            self.send_file_keyed(room, Some(&format!("{}.chart", post.key)), chart, None)
                .await?;
        }
        Ok(Delivered {
            message_id: id.to_string(),
            thread_id: None,
        })
    }
}

fn thread_of(post: &Outgoing) -> Option<OwnedEventId> {
    post.thread.as_deref().and_then(|t| EventId::parse(t).ok())
}

#[async_trait]
impl ChatPort for MatrixPort {
    fn platform(&self) -> Platform {
        Platform::Matrix
    }

    fn max_message_chars(&self) -> usize {
        MAX_MESSAGE_CHARS
    }

    #[tracing::instrument(skip_all, fields(room = %post.channel.id, key = %post.key))]
    async fn deliver(&self, post: &Outgoing) -> Result<Delivered, PortError> {
        if post.channel.platform != Platform::Matrix {
            return Err(PortError::Permanent(format!(
                "{} is not a Matrix room",
                post.channel
            )));
        }
        let room = self.joined_room(&post.channel.id)?;
        let thread = thread_of(post);
        let delivered = match &post.content {
            Content::Excerpt(e) => {
                let id = self
                    .send_text_keyed(&room, &post.key, &e.markdown, thread.as_deref(), None)
                    .await?;
                Delivered {
                    message_id: id.to_string(),
                    thread_id: Some(id.to_string()),
                }
            }
            Content::Poll(p) if p.anonymous => {
                let id = self
                    .send_text_keyed(
                        &room,
                        &post.key,
                        &polls::anonymous_announcement(p),
                        thread.as_deref(),
                        None,
                    )
                    .await?;
                Delivered {
                    message_id: id.to_string(),
                    thread_id: None,
                }
            }
            Content::Poll(p) => {
                let id = self
                    .send_keyed(
                        &room,
                        &post.key,
                        polls::START_TYPE,
                        polls::start_content(p)?,
                    )
                    .await?;
                Delivered {
                    message_id: id.to_string(),
                    thread_id: None,
                }
            }
            Content::PollResults(r) => self.deliver_results(&room, post, r).await?,
            // A breakout room is a thread on its post.
            Content::Thread(t) => {
                let id = self
                    .send_text_keyed(&room, &post.key, &t.markdown, None, None)
                    .await?;
                Delivered {
                    message_id: id.to_string(),
                    thread_id: Some(id.to_string()),
                }
            }
            // Members raise a hand with a ✋ reaction on it (or `!cq hand`).
            Content::Agenda(a) => {
                let id = self
                    .send_text_keyed(&room, &post.key, &a.markdown, thread.as_deref(), None)
                    .await?;
                Delivered {
                    message_id: id.to_string(),
                    thread_id: None,
                }
            }
            Content::Text { markdown, files } => {
                let id = self
                    .send_text_keyed(&room, &post.key, markdown, thread.as_deref(), None)
                    .await?;
                for (i, file) in files.iter().enumerate() {
                    self.send_file_keyed(&room, Some(&format!("{}.f{i}", post.key)), file, None)
                        .await?;
                }
                Delivered {
                    message_id: id.to_string(),
                    thread_id: None,
                }
            }
        };
        tracing::info!(event = %delivered.message_id, "posted");
        Ok(delivered)
    }

    async fn role_in(&self, channel: &ChannelKey, member: &MemberKey) -> Result<Role, PortError> {
        if channel.platform != Platform::Matrix || member.platform != Platform::Matrix {
            return Ok(Role::Stranger);
        }
        let client = self.client()?;
        let (Ok(room_id), Ok(user)) = (RoomId::parse(&channel.id), UserId::parse(&member.id))
        else {
            return Ok(Role::Stranger);
        };
        let Some(room) = client.get_room(&room_id) else {
            return Ok(Role::Stranger);
        };
        if room.state() != RoomState::Joined {
            return Ok(Role::Stranger);
        }
        role_of(&room, &user, &self.facilitators)
            .await
            .map_err(|e| port_error(&e))
    }

    async fn send_private(
        &self,
        member: &MemberKey,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<(), PortError> {
        let user = UserId::parse(&member.id)
            .map_err(|_| PortError::Permanent(format!("{member} is not a Matrix user")))?;
        let room = self.dm_room(&user).await?;
        self.send_unkeyed(&room, markdown, files).await
    }

    /// A matrix.to permalink to the event, via the room's server.
    async fn message_link(
        &self,
        channel: &ChannelKey,
        _thread: Option<&str>,
        message_id: &str,
    ) -> Result<Option<String>, PortError> {
        if channel.platform != Platform::Matrix {
            return Ok(None);
        }
        Ok(matrix_permalink(&channel.id, message_id))
    }
}

/// `https://matrix.to/#/!room:server/$event?via=server` for a room and event id.
pub(crate) fn matrix_permalink(room: &str, event: &str) -> Option<String> {
    let room = matrix_sdk::ruma::RoomId::parse(room).ok()?;
    let event = matrix_sdk::ruma::EventId::parse(event).ok()?;
    let via: Vec<matrix_sdk::ruma::OwnedServerName> = room
        .server_name()
        .map(|s| s.to_owned())
        .into_iter()
        .collect();
    Some(room.matrix_to_event_uri_via(event, via).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permalinks() {
        let link = matrix_permalink("!abc:example.org", "$ev1:example.org").unwrap();
        assert!(link.starts_with("https://matrix.to/#/"), "{link}");
        assert!(link.contains("abc") && link.contains("ev1"), "{link}");
        assert!(link.ends_with("via=example.org"), "{link}");
        assert_eq!(matrix_permalink("not a room", "$ev1:example.org"), None);
    }
}
