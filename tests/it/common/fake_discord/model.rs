//! The fake's in-memory world: members, channels, threads, messages, uploaded files,
//! and the rules Discord applies when they change (validation, nonces, replies, threads).

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::ids::{Identities, Person, Snowflakes, bot_permissions, snowflake_timestamp};
use super::interactions::InteractionRecord;
use super::record::{Request, Rule, StoredFile};
use super::templates::{
    BOT_NAME, CHANNEL_NAME, MessageParts, VoiceFlags, attachment_json, dm_channel_json, error_json,
    guild_create_json, member_json, message_json, partial_member_json, partial_voice_state_json,
    person_user_json, text_channel_json, thread_json, voice_state_json,
};

/// How long Discord remembers an enforced nonce.
pub const NONCE_WINDOW: Duration = Duration::from_secs(120);
pub const MAX_CONTENT_CHARS: usize = 2000;

/// A Discord error answer: HTTP status plus JSON error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: u64,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, code: u64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }
    pub fn invalid_form(detail: impl Into<String>) -> Self {
        Self::new(400, 50035, format!("Invalid Form Body: {}", detail.into()))
    }
    pub fn unknown_channel() -> Self {
        Self::new(404, 10003, "Unknown Channel")
    }
    pub fn unknown_message() -> Self {
        Self::new(404, 10008, "Unknown Message")
    }
    pub fn body(&self) -> Value {
        error_json(self.code, &self.message)
    }
}

/// A gateway event the model wants dispatched once the lock is released.
pub type Effects = Vec<(&'static str, Value)>;

#[derive(Debug, Clone)]
pub struct StoredMessage {
    pub json: Value,
    pub files: Vec<StoredFile>,
}

pub struct State {
    /// The first guild's identities (the one most tests use).
    pub ids: Identities,
    /// Every guild the bot is in, the first one first (see [`State::add_guild`]).
    pub guilds: Vec<Identities>,
    pub base_url: String,
    pub snowflakes: Snowflakes,
    pub members: BTreeMap<u64, Person>,
    /// Text channels and threads by id (REST json).
    pub channels: BTreeMap<u64, Value>,
    pub messages: BTreeMap<u64, StoredMessage>,
    /// Bytes served under /attachments/{id}/{filename}.
    pub attachments: HashMap<u64, StoredFile>,
    nonces: HashMap<(u64, String), (u64, Instant)>,
    pub global_commands: Vec<Value>,
    pub guild_commands: Vec<Value>,
    pub interactions: HashMap<String, InteractionRecord>,
    /// The Discord language a user set in their client (an interaction's `locale`);
    /// "en-US" for users not listed.
    pub user_locales: HashMap<u64, String>,
    /// message -> answer -> voters, in vote order.
    pub poll_votes: HashMap<u64, BTreeMap<u64, Vec<u64>>>,
    pub requests: Vec<Request>,
    pub unknown_routes: Vec<Request>,
    pub rules: Vec<Rule>,
    /// How long after dispatch an interaction accepts its callback (Discord: 3 s).
    pub interaction_deadline: Duration,
    /// Who is in a voice or stage channel now, by user id.
    pub voice: BTreeMap<u64, VoiceSeat>,
}

/// A member's voice connection: where, in which voice session, muted or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceSeat {
    pub guild_id: u64,
    pub channel_id: u64,
    pub session_id: String,
    pub flags: VoiceFlags,
}

pub fn id_of(v: &Value, key: &str) -> Option<u64> {
    match &v[key] {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

impl State {
    pub fn new(base_url: String) -> Self {
        let snowflakes = Snowflakes::default();
        let ids = Identities::generate(&snowflakes);
        let mut members = BTreeMap::new();
        members.insert(
            ids.bot_user_id,
            Person {
                id: ids.bot_user_id,
                name: BOT_NAME.into(),
                roles: vec![ids.bot_role_id],
                permissions: bot_permissions(),
                bot: true,
            },
        );
        let mut channels = BTreeMap::new();
        channels.insert(
            ids.channel_id,
            text_channel_json(&ids, ids.channel_id, CHANNEL_NAME, None),
        );
        Self {
            ids,
            guilds: vec![ids],
            base_url,
            snowflakes,
            members,
            channels,
            messages: BTreeMap::new(),
            attachments: HashMap::new(),
            nonces: HashMap::new(),
            global_commands: vec![],
            guild_commands: vec![],
            interactions: HashMap::new(),
            user_locales: HashMap::new(),
            poll_votes: HashMap::new(),
            requests: vec![],
            unknown_routes: vec![],
            rules: vec![],
            interaction_deadline: Duration::from_secs(3),
            voice: BTreeMap::new(),
        }
    }

    /// The GUILD_CREATE payload of the first guild (the bot is the first member).
    pub fn guild_create(&self) -> Value {
        self.guild_create_of(&self.ids)
    }

    /// The GUILD_CREATE payload of one guild: every member, its channels and threads.
    pub fn guild_create_of(&self, guild: &Identities) -> Value {
        let members: Vec<Value> = self
            .members
            .values()
            .map(|p| member_json(p, guild.guild_id))
            .collect();
        let of_type = |t: u64| {
            self.channels
                .values()
                .filter(|c| c["type"] == t && id_of(c, "guild_id") == Some(guild.guild_id))
                .cloned()
                .collect::<Vec<_>>()
        };
        let mut channels = of_type(0);
        channels.extend(of_type(2));
        channels.extend(of_type(13));
        let mut g = guild_create_json(guild, &members, &channels, &of_type(11));
        g["voice_states"] = self
            .voice
            .iter()
            .filter(|(_, seat)| seat.guild_id == guild.guild_id)
            .filter_map(|(user, seat)| {
                let person = self.members.get(user)?;
                Some(partial_voice_state_json(&voice_state_json(
                    seat.guild_id,
                    Some(seat.channel_id),
                    person,
                    &seat.session_id,
                    seat.flags,
                )))
            })
            .collect();
        g
    }

    /// Every guild's GUILD_CREATE, with its id (the gateway sends each to its shard).
    pub fn guild_creates(&self) -> Vec<(u64, Value)> {
        self.guilds
            .iter()
            .map(|g| (g.guild_id, self.guild_create_of(g)))
            .collect()
    }

    /// A guild the bot is in, by id.
    pub fn guild(&self, guild_id: u64) -> Option<Identities> {
        self.guilds.iter().copied().find(|g| g.guild_id == guild_id)
    }

    /// The identities as seen from a channel's guild (the first guild's for DMs and
    /// unknown channels): what events about that channel carry.
    pub fn ids_for(&self, channel_id: u64) -> Identities {
        self.channels
            .get(&channel_id)
            .and_then(|c| id_of(c, "guild_id"))
            .and_then(|g| self.guild(g))
            .unwrap_or(self.ids)
    }

    /// Another guild with one text channel, whose id puts it on `shard` of `total`
    /// (Discord's rule: `(guild_id >> 22) % total`).
    pub fn add_guild(&mut self, shard: u32, total: u32, channel_name: &str) -> Identities {
        let total = u64::from(total.max(1));
        let base = self.snowflakes.next();
        let ms = base >> 22;
        let want = u64::from(shard) % total;
        let ms = ms + (want + total - ms % total) % total;
        let guild_id = (ms << 22) | (base & ((1 << 22) - 1));
        self.snowflakes.reserve_through(guild_id);
        let channel_id = self.snowflakes.next();
        let guild = self.ids.in_guild(guild_id, channel_id);
        self.channels.insert(
            channel_id,
            text_channel_json(&guild, channel_id, channel_name, None),
        );
        self.guilds.push(guild);
        guild
    }

    pub fn bot(&self) -> Person {
        self.members
            .get(&self.ids.bot_user_id)
            .cloned()
            .unwrap_or_else(|| Person {
                id: self.ids.bot_user_id,
                name: BOT_NAME.into(),
                roles: vec![],
                permissions: bot_permissions(),
                bot: true,
            })
    }

    pub fn bot_user_json(&self) -> Value {
        person_user_json(&self.bot())
    }

    pub fn channel(&self, id: u64) -> Result<&Value, ApiError> {
        self.channels.get(&id).ok_or_else(ApiError::unknown_channel)
    }

    pub fn is_thread(&self, id: u64) -> bool {
        self.channels.get(&id).is_some_and(|c| c["type"] == 11)
    }

    /// A message as the channel endpoints see it: ephemeral ones do not exist there.
    pub fn message(&self, channel_id: u64, id: u64) -> Result<&StoredMessage, ApiError> {
        self.channel(channel_id)?;
        self.messages
            .get(&id)
            .filter(|m| id_of(&m.json, "channel_id") == Some(channel_id) && !is_ephemeral(&m.json))
            .ok_or_else(ApiError::unknown_message)
    }

    /// The messages everyone sees in a channel, oldest first (no ephemeral ones).
    pub fn messages_in(&self, channel_id: u64) -> Vec<&StoredMessage> {
        self.messages
            .values()
            .filter(|m| id_of(&m.json, "channel_id") == Some(channel_id) && !is_ephemeral(&m.json))
            .collect()
    }

    /// A message as the gateway carries it: guild_id plus the author's partial member.
    pub fn gateway_message(&self, rest: &Value) -> Value {
        let in_dm = id_of(rest, "channel_id")
            .and_then(|c| self.channels.get(&c))
            .is_some_and(|c| c["type"] == 1);
        if in_dm {
            return rest.clone();
        }
        let ids = id_of(rest, "channel_id").map_or(self.ids, |c| self.ids_for(c));
        let member = id_of(&rest["author"], "id")
            .and_then(|a| self.members.get(&a))
            .filter(|_| rest["webhook_id"].is_null())
            .map(|p| partial_member_json(p, ids.guild_id));
        super::events::gateway_message_json(&ids, rest, member)
    }

    /// Registers an uploaded or test-provided file and returns its attachment json.
    pub fn add_attachment(&mut self, file: StoredFile) -> Value {
        let id = self.snowflakes.next();
        let json = attachment_json(
            &self.base_url,
            id,
            &file.filename,
            file.bytes.len(),
            file.content_type.as_deref(),
        );
        self.attachments.insert(id, file);
        json
    }

    /// Turns `attachments` metadata plus `files[n]` parts into attachment objects.
    fn upload_attachments(&mut self, payload: &Value, files: &[StoredFile]) -> Vec<Value> {
        let mut out = Vec::new();
        let listed = payload["attachments"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (n, file) in files.iter().enumerate() {
            let index = file
                .field
                .strip_prefix("files[")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|i| i.parse::<u64>().ok())
                .unwrap_or(n as u64);
            let meta = listed.iter().find(|a| id_of(a, "id") == Some(index));
            let mut file = file.clone();
            if let Some(name) = meta.and_then(|m| m["filename"].as_str()) {
                file.filename = name.to_string();
            }
            let mut att = self.add_attachment(file);
            if let Some(desc) = meta.and_then(|m| m["description"].as_str()) {
                att["description"] = json!(desc);
            }
            out.push(att);
        }
        out
    }

    /// Creates a message from a create-message payload (channel message, interaction response
    /// or follow-up). `kind` is the message type, `extra_flags` e.g. LOADING.
    pub fn create_message(
        &mut self,
        channel_id: u64,
        author: Value,
        payload: &Value,
        files: &[StoredFile],
        kind: u8,
        extra_flags: u64,
    ) -> Result<u64, ApiError> {
        self.channel(channel_id)?;
        let content = payload["content"].as_str().unwrap_or_default().to_string();
        if content.chars().count() > MAX_CONTENT_CHARS {
            return Err(ApiError::invalid_form(
                "content: Must be 2000 or fewer in length.",
            ));
        }
        let embeds = payload["embeds"].as_array().cloned().unwrap_or_default();
        if embeds.len() > 10 {
            return Err(ApiError::invalid_form(
                "embeds: Must be 10 or fewer in length.",
            ));
        }
        let components = payload["components"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let stickers = payload["sticker_ids"].as_array().map_or(0, Vec::len);
        let id = self.snowflakes.next();
        let poll = match &payload["poll"] {
            Value::Null => None,
            p => Some(Self::poll_from_request(p, id)?),
        };
        if content.is_empty()
            && embeds.is_empty()
            && files.is_empty()
            && poll.is_none()
            && components.is_empty()
            && stickers == 0
        {
            return Err(ApiError::new(400, 50006, "Cannot send an empty message"));
        }
        let mut kind = kind;
        let mut reference = Value::Null;
        let mut referenced = Value::Null;
        if let Some(r) = payload["message_reference"].as_object() {
            let target = id_of(&payload["message_reference"], "message_id");
            let target_channel =
                id_of(&payload["message_reference"], "channel_id").unwrap_or(channel_id);
            match target.and_then(|t| self.message(target_channel, t).ok()) {
                Some(m) => {
                    referenced = m.json.clone();
                    reference = json!({
                        "type": 0,
                        "message_id": m.json["id"],
                        "channel_id": target_channel.to_string(),
                        "guild_id": self.ids_for(channel_id).guild_id.to_string(),
                    });
                    if kind == 0 {
                        kind = 19;
                    }
                }
                None if r.get("fail_if_not_exists") == Some(&json!(false)) => {}
                None => return Err(ApiError::invalid_form("message_reference: Unknown message")),
            }
        }
        let flags = payload["flags"].as_u64().unwrap_or(0) | extra_flags;
        let attachments = self.upload_attachments(payload, files);
        let mut m = message_json(MessageParts {
            id,
            channel_id,
            author,
            content: &content,
            kind,
            flags,
        });
        m["embeds"] = json!(embeds.into_iter().map(with_rich_type).collect::<Vec<_>>());
        m["components"] = json!(components);
        m["attachments"] = json!(attachments);
        if !payload["nonce"].is_null() {
            m["nonce"] = payload["nonce"].clone();
        }
        if !reference.is_null() {
            m["message_reference"] = reference;
            m["referenced_message"] = referenced;
        }
        if let Some(p) = poll {
            m["poll"] = p;
        }
        if let Some(c) = self.channels.get_mut(&channel_id) {
            c["last_message_id"] = json!(id.to_string());
            if c["type"] == 11 {
                let n = c["message_count"].as_u64().unwrap_or(0) + 1;
                c["message_count"] = json!(n);
                c["total_message_sent"] = json!(n);
            }
        }
        self.messages.insert(
            id,
            StoredMessage {
                json: m,
                files: files.to_vec(),
            },
        );
        Ok(id)
    }

    /// POST /channels/{c}/messages by the bot, with Discord's nonce de-duplication.
    pub fn bot_post(
        &mut self,
        channel_id: u64,
        payload: &Value,
        files: &[StoredFile],
    ) -> Result<(Value, Effects), ApiError> {
        let nonce = match &payload["nonce"] {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let enforce = payload["enforce_nonce"].as_bool().unwrap_or(false);
        self.nonces.retain(|_, (_, at)| at.elapsed() < NONCE_WINDOW);
        if let (Some(n), true) = (&nonce, enforce)
            && let Some((existing, _)) = self.nonces.get(&(channel_id, n.clone()))
            && let Some(m) = self.messages.get(existing)
        {
            return Ok((m.json.clone(), vec![]));
        }
        let author = self.bot_user_json();
        let id = self.create_message(channel_id, author, payload, files, 0, 0)?;
        if let (Some(n), true) = (nonce, enforce) {
            self.nonces.insert((channel_id, n), (id, Instant::now()));
        }
        let json = self.messages[&id].json.clone();
        Ok((
            json.clone(),
            vec![("MESSAGE_CREATE", self.gateway_message(&json))],
        ))
    }

    /// Applies an edit payload (content, embeds, components, attachments, flags).
    pub fn edit_message(
        &mut self,
        id: u64,
        payload: &Value,
        files: &[StoredFile],
    ) -> Result<(Value, Effects), ApiError> {
        let uploaded = self.upload_attachments(payload, files);
        let Some(stored) = self.messages.get_mut(&id) else {
            return Err(ApiError::unknown_message());
        };
        let m = &mut stored.json;
        if let Some(c) = payload.get("content").filter(|c| !c.is_null()) {
            if c.as_str()
                .is_some_and(|c| c.chars().count() > MAX_CONTENT_CHARS)
            {
                return Err(ApiError::invalid_form(
                    "content: Must be 2000 or fewer in length.",
                ));
            }
            m["content"] = c.clone();
        }
        if let Some(e) = payload.get("embeds").and_then(Value::as_array) {
            m["embeds"] = json!(e.iter().cloned().map(with_rich_type).collect::<Vec<_>>());
        }
        if let Some(c) = payload.get("components").filter(|c| !c.is_null()) {
            m["components"] = c.clone();
        }
        if let Some(f) = payload.get("flags").and_then(Value::as_u64) {
            let kept = m["flags"].as_u64().unwrap_or(0) & 64;
            m["flags"] = json!(f | kept);
        }
        if let Some(listed) = payload.get("attachments").and_then(Value::as_array) {
            let keep: Vec<Value> = m["attachments"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|a| listed.iter().any(|l| l["id"] == a["id"]))
                .collect();
            m["attachments"] = json!(keep.into_iter().chain(uploaded).collect::<Vec<_>>());
        } else if !uploaded.is_empty() {
            let mut all = m["attachments"].as_array().cloned().unwrap_or_default();
            all.extend(uploaded);
            m["attachments"] = json!(all);
        }
        // A deferred ("thinking") message stops loading once edited.
        if let Some(f) = m["flags"].as_u64() {
            m["flags"] = json!(f & !128);
        }
        m["edited_timestamp"] = json!(snowflake_timestamp(self.snowflakes.next()));
        stored.files.extend(files.iter().cloned());
        let json = stored.json.clone();
        Ok((
            json.clone(),
            vec![("MESSAGE_UPDATE", self.gateway_message(&json))],
        ))
    }

    /// Deletes a message (an ephemeral one only through its interaction webhook).
    pub fn delete_message(&mut self, channel_id: u64, id: u64) -> Result<Effects, ApiError> {
        self.channel(channel_id)?;
        if self
            .messages
            .get(&id)
            .is_none_or(|m| id_of(&m.json, "channel_id") != Some(channel_id))
        {
            return Err(ApiError::unknown_message());
        }
        self.messages.remove(&id);
        Ok(vec![(
            "MESSAGE_DELETE",
            super::events::message_delete_json(&self.ids_for(channel_id), channel_id, id),
        )])
    }

    /// POST /channels/{c}/messages/{m}/threads: the thread's id is the message's id.
    pub fn start_thread(
        &mut self,
        channel_id: u64,
        message_id: u64,
        payload: &Value,
    ) -> Result<(Value, Effects), ApiError> {
        if self.channel(channel_id)?["type"] != 0 {
            return Err(ApiError::new(
                400,
                50024,
                "Cannot execute action on this channel type",
            ));
        }
        self.message(channel_id, message_id)?;
        if self.channels.contains_key(&message_id) {
            return Err(ApiError::new(
                400,
                160004,
                "A thread has already been created for this message",
            ));
        }
        let name = payload["name"].as_str().unwrap_or_default();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(ApiError::invalid_form(
                "name: Must be between 1 and 100 in length.",
            ));
        }
        let archive = payload["auto_archive_duration"].as_u64().unwrap_or(4320);
        let thread = thread_json(
            &self.ids_for(channel_id),
            message_id,
            channel_id,
            self.ids.bot_user_id,
            name,
            archive,
            0,
        );
        self.channels.insert(message_id, thread.clone());
        if let Some(m) = self.messages.get_mut(&message_id) {
            m.json["thread"] = thread.clone();
            let flags = m.json["flags"].as_u64().unwrap_or(0) | 32;
            m.json["flags"] = json!(flags);
        }
        Ok((
            thread.clone(),
            vec![("THREAD_CREATE", super::events::thread_create_json(&thread))],
        ))
    }

    /// POST /users/@me/channels: the bot's DM channel with a user (one per user, as on
    /// Discord). Unknown users are refused like Discord refuses them.
    pub fn open_dm(&mut self, recipient: u64) -> Result<Value, ApiError> {
        let Some(p) = self.members.get(&recipient).cloned() else {
            return Err(ApiError::invalid_form("recipient_id: Unknown user"));
        };
        if let Some(existing) = self
            .channels
            .values()
            .find(|c| c["type"] == 1 && id_of(&c["recipients"][0], "id") == Some(recipient))
        {
            return Ok(existing.clone());
        }
        let id = self.snowflakes.next();
        let channel = dm_channel_json(id, &p);
        self.channels.insert(id, channel.clone());
        Ok(channel)
    }

    /// A thread started by a user (dispatched by the test), optionally on a message.
    pub fn user_thread(
        &mut self,
        parent_id: u64,
        owner: u64,
        name: &str,
        on_message: Option<u64>,
    ) -> Result<Value, ApiError> {
        self.channel(parent_id)?;
        let id = on_message.unwrap_or_else(|| self.snowflakes.next());
        if self.channels.contains_key(&id) {
            return Err(ApiError::new(
                400,
                160004,
                "A thread has already been created for this message",
            ));
        }
        let thread = thread_json(
            &self.ids_for(parent_id),
            id,
            parent_id,
            owner,
            name,
            4320,
            0,
        );
        self.channels.insert(id, thread.clone());
        Ok(thread)
    }

    /// GET /channels/{c}/messages: newest first, like Discord.
    pub fn list_messages(
        &self,
        channel_id: u64,
        before: Option<u64>,
        after: Option<u64>,
        around: Option<u64>,
        limit: usize,
    ) -> Result<Value, ApiError> {
        self.channel(channel_id)?;
        let all: Vec<&Value> = self
            .messages_in(channel_id)
            .into_iter()
            .map(|m| &m.json)
            .collect();
        let pos = |id: u64| {
            all.iter()
                .position(|m| id_of(m, "id").is_some_and(|x| x >= id))
                .unwrap_or(all.len())
        };
        let mut picked: Vec<&Value> = if let Some(a) = after {
            all.iter()
                .copied()
                .filter(|m| id_of(m, "id").is_some_and(|x| x > a))
                .take(limit)
                .collect()
        } else if let Some(b) = before {
            let end = pos(b);
            all[end.saturating_sub(limit)..end].to_vec()
        } else if let Some(c) = around {
            let mid = pos(c);
            let start = mid.saturating_sub(limit / 2);
            all[start..(start + limit).min(all.len())].to_vec()
        } else {
            all[all.len().saturating_sub(limit)..].to_vec()
        };
        picked.reverse();
        Ok(json!(picked))
    }
}

pub fn is_ephemeral(m: &Value) -> bool {
    m["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

/// Discord returns embeds with `type: rich` when the bot sent none.
fn with_rich_type(mut e: Value) -> Value {
    if e.is_object() && e["type"].is_null() {
        e["type"] = json!("rich");
    }
    e
}
