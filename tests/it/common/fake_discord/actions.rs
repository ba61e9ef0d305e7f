//! What test users do: post, edit and delete messages, run slash commands, autocomplete,
//! click buttons, submit modals, vote in polls, start threads. Each dispatches the event.

use serde_json::{Value, json};

use super::FakeDiscord;
use super::events::{
    InteractionParts, SlashCommand, button_data_json, interaction_json, modal_data_json,
    poll_vote_json, select_data_json, thread_create_json,
};
use super::ids::Person;
use super::interactions::InteractionRecord;
use super::templates::{perm_string, person_user_json};

/// The id and token of an interaction the fake sent; the token keys `interaction_responses`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionHandle {
    pub id: u64,
    pub token: String,
}

/// A message a test user posts: `fake.user_message(&alice, "hi").reply_to(m).send()`.
#[must_use = "call .send() to post it"]
pub struct UserMessage<'a> {
    fake: &'a FakeDiscord,
    author: Person,
    content: String,
    channel_id: u64,
    reply_to: Option<u64>,
    attachments: Vec<Value>,
}

impl UserMessage<'_> {
    /// Post in this channel or thread instead of the main channel.
    pub fn channel(mut self, channel_id: u64) -> Self {
        self.channel_id = channel_id;
        self
    }

    /// Make it a reply (type 19 with `message_reference` and `referenced_message`).
    pub fn reply_to(mut self, message_id: u64) -> Self {
        self.reply_to = Some(message_id);
        self
    }

    /// Attach a file registered with `FakeDiscord::add_attachment`.
    pub fn attach(mut self, attachment: Value) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// Stores the message and dispatches MESSAGE_CREATE; returns its id.
    pub fn send(self) -> u64 {
        let (json, effects) = {
            let mut st = self.fake.shared.lock();
            let mut payload = json!({"content": self.content});
            if let Some(r) = self.reply_to {
                payload["message_reference"] =
                    json!({"message_id": r.to_string(), "channel_id": self.channel_id.to_string()});
            }
            let files = [];
            let author = person_user_json(&self.author);
            // Attachments are already uploaded: let the message carry "x" so it is not empty.
            let empty = self.content.is_empty();
            if empty {
                payload["content"] = json!("x");
            }
            let id = match st.create_message(self.channel_id, author, &payload, &files, 0, 0) {
                Ok(id) => id,
                Err(e) => panic!(
                    "fake discord: cannot post {:?} in {}: {e:?}",
                    self.content, self.channel_id
                ),
            };
            let m = st.messages.get_mut(&id).map(|m| {
                m.json["attachments"] = json!(self.attachments);
                if empty {
                    m.json["content"] = json!("");
                }
                m.json.clone()
            });
            let m = m.unwrap_or_default();
            let d = st.gateway_message(&m);
            (m, vec![("MESSAGE_CREATE", d)])
        };
        self.fake.shared.apply(effects);
        json["id"]
            .as_str()
            .and_then(|i| i.parse().ok())
            .unwrap_or_default()
    }
}

impl FakeDiscord {
    /// Starts a message by `author` in the main channel; finish with `.send()`.
    pub fn user_message(&self, author: &Person, content: &str) -> UserMessage<'_> {
        UserMessage {
            fake: self,
            author: author.clone(),
            content: content.into(),
            channel_id: self.ids().channel_id,
            reply_to: None,
            attachments: vec![],
        }
    }

    /// A user edits their message: new content, MESSAGE_UPDATE.
    pub fn edit_user_message(&self, message_id: u64, content: &str) {
        let effects = {
            let mut st = self.shared.lock();
            match st.edit_message(message_id, &json!({"content": content}), &[]) {
                Ok((_, effects)) => effects,
                Err(e) => panic!("fake discord: cannot edit {message_id}: {e:?}"),
            }
        };
        self.shared.apply(effects);
    }

    /// A user (or moderator) deletes a message: MESSAGE_DELETE.
    pub fn delete_user_message(&self, channel_id: u64, message_id: u64) {
        let effects = match self.shared.lock().delete_message(channel_id, message_id) {
            Ok(effects) => effects,
            Err(e) => panic!("fake discord: cannot delete {message_id}: {e:?}"),
        };
        self.shared.apply(effects);
    }

    fn interaction(
        &self,
        kind: u8,
        channel_id: u64,
        user: &Person,
        data: Value,
        source_message: Option<u64>,
    ) -> InteractionHandle {
        self.interaction_with(kind, channel_id, user, data, source_message, false)
    }

    /// `user` runs a slash command in a direct message with the bot: no guild, no member,
    /// the user at the top level (as Discord sends a DM interaction).
    /// `user`'s Discord client is set to `locale` ("de", "ru", "zh-CN"…): their
    /// interactions carry it from now on.
    pub fn set_user_locale(&self, user: &Person, locale: &str) {
        self.shared
            .lock()
            .user_locales
            .insert(user.id, locale.to_string());
    }

    pub fn slash_dm(&self, user: &Person, command: SlashCommand) -> InteractionHandle {
        let data = command.data_json(&self.ids(), self.command_id(&command.name));
        // The user's DM channel with the bot (the same one the bot would open).
        let dm_channel = {
            let mut st = self.shared.lock();
            match st.open_dm(user.id) {
                Ok(c) => c["id"]
                    .as_str()
                    .and_then(|i| i.parse().ok())
                    .unwrap_or_default(),
                Err(_) => panic!("fake discord: {} is not a known user", user.name),
            }
        };
        self.interaction_with(2, dm_channel, user, data, None, true)
    }

    fn interaction_with(
        &self,
        kind: u8,
        channel_id: u64,
        user: &Person,
        data: Value,
        source_message: Option<u64>,
        direct_message: bool,
    ) -> InteractionHandle {
        let custom_id = data["custom_id"].as_str().map(str::to_string);
        let d = {
            let mut st = self.shared.lock();
            let id = st.snowflakes.next();
            let token = format!("fake-token-{id}");
            let message = source_message.map(|m| match st.messages.get(&m) {
                Some(m) => m.json.clone(),
                None => panic!("fake discord: no message {m} to interact with"),
            });
            let app_permissions = perm_string(st.bot().permissions);
            let user_locale = st.user_locales.get(&user.id).cloned();
            let d = interaction_json(
                &st.ids_for(channel_id),
                InteractionParts {
                    id,
                    token: &token,
                    kind,
                    channel_id,
                    user,
                    data,
                    message,
                    app_permissions,
                },
            );
            let mut d = d;
            if let Some(locale) = user_locale {
                d["locale"] = json!(locale);
            }
            let d = if direct_message {
                let mut d = d;
                if let Some(o) = d.as_object_mut() {
                    o.remove("guild_id");
                    o.remove("member");
                    o.remove("guild_locale");
                }
                d["user"] = person_user_json(user);
                d["context"] = json!(1);
                d["authorizing_integration_owners"] = json!({"1": user.id.to_string()});
                d["channel"] = json!({"id": channel_id.to_string(), "type": 1});
                d
            } else {
                d
            };
            st.interactions.insert(
                token.clone(),
                InteractionRecord {
                    id,
                    token: token.clone(),
                    kind,
                    channel_id,
                    user: user.clone(),
                    source_message,
                    custom_id,
                    acknowledged: false,
                    original: None,
                    followups: vec![],
                    replies: vec![],
                    dispatched_at: std::time::Instant::now(),
                },
            );
            d
        };
        let handle = InteractionHandle {
            id: d["id"]
                .as_str()
                .and_then(|i| i.parse().ok())
                .unwrap_or_default(),
            token: d["token"].as_str().unwrap_or_default().to_string(),
        };
        self.shared.apply(vec![("INTERACTION_CREATE", d)]);
        handle
    }

    /// The registered command's id for `name` (guild first), or a fresh one.
    fn command_id(&self, name: &str) -> u64 {
        let st = self.shared.lock();
        let found = st
            .guild_commands
            .iter()
            .chain(st.global_commands.iter())
            .find(|c| c["name"] == name)
            .and_then(|c| c["id"].as_str().and_then(|i| i.parse().ok()));
        found.unwrap_or_else(|| st.snowflakes.next())
    }

    /// `user` runs a slash command in the main channel (INTERACTION_CREATE type 2).
    pub fn slash(&self, user: &Person, command: SlashCommand) -> InteractionHandle {
        self.slash_in(self.ids().channel_id, user, command)
    }

    pub fn slash_in(
        &self,
        channel_id: u64,
        user: &Person,
        command: SlashCommand,
    ) -> InteractionHandle {
        let ids = self.shared.lock().ids_for(channel_id);
        let data = command.data_json(&ids, self.command_id(&command.name));
        self.interaction(2, channel_id, user, data, None)
    }

    /// `user` types into an option marked with `SlashCommand::focused` (type 4).
    pub fn autocomplete(&self, user: &Person, command: SlashCommand) -> InteractionHandle {
        let data = command.data_json(&self.ids(), self.command_id(&command.name));
        self.interaction(4, self.ids().channel_id, user, data, None)
    }

    fn channel_of(&self, message_id: u64) -> u64 {
        let st = self.shared.lock();
        match st
            .messages
            .get(&message_id)
            .and_then(|m| m.json["channel_id"].as_str().and_then(|c| c.parse().ok()))
        {
            Some(c) => c,
            None => panic!("fake discord: no message {message_id}"),
        }
    }

    /// `user` clicks the button `custom_id` on `message_id` (type 3).
    pub fn click(&self, user: &Person, message_id: u64, custom_id: &str) -> InteractionHandle {
        self.interaction(
            3,
            self.channel_of(message_id),
            user,
            button_data_json(custom_id),
            Some(message_id),
        )
    }

    /// `user` picks `values` in the string select `custom_id` on `message_id` (type 3).
    pub fn select(
        &self,
        user: &Person,
        message_id: u64,
        custom_id: &str,
        values: &[&str],
    ) -> InteractionHandle {
        self.interaction(
            3,
            self.channel_of(message_id),
            user,
            select_data_json(custom_id, values),
            Some(message_id),
        )
    }

    /// `user` submits the modal `custom_id` with text inputs `(custom_id, value)` (type 5).
    /// `from_message` is the message whose component opened the modal, if any.
    pub fn submit_modal(
        &self,
        user: &Person,
        custom_id: &str,
        fields: &[(&str, &str)],
        from_message: Option<u64>,
    ) -> InteractionHandle {
        let channel = from_message.map_or_else(|| self.ids().channel_id, |m| self.channel_of(m));
        self.interaction(
            5,
            channel,
            user,
            modal_data_json(custom_id, fields),
            from_message,
        )
    }

    /// `user` fills in and sends the modal the bot opened in answer to `opener`, as
    /// Discord's client does: each text input starts from the value the bot filled in
    /// (empty if none), `typed` replaces the inputs it names, and the client refuses a
    /// required input left empty or a value outside the input's lengths (this panics:
    /// the test asked for something no member could send). A modal opened from a button
    /// carries that button's message, as Discord's submit does.
    pub fn submit_form(
        &self,
        opener: &InteractionHandle,
        user: &Person,
        typed: &[(&str, &str)],
    ) -> InteractionHandle {
        let (modal, source) = {
            let st = self.shared.lock();
            let Some(rec) = st.interactions.get(&opener.token) else {
                panic!("fake discord: no interaction {}", opener.token)
            };
            let Some(modal) = rec
                .replies
                .iter()
                .find(|r| r.callback_type() == Some(9))
                .map(|r| r.data.clone())
            else {
                panic!("fake discord: the bot opened no modal on {}", opener.token)
            };
            (modal, rec.source_message.filter(|_| rec.kind == 3))
        };
        let Some(custom_id) = modal["custom_id"].as_str() else {
            panic!("fake discord: a modal without a custom id: {modal}")
        };
        let mut fields: Vec<(String, String)> = Vec::new();
        for row in modal["components"].as_array().into_iter().flatten() {
            for input in row["components"].as_array().into_iter().flatten() {
                let id = input["custom_id"].as_str().unwrap_or_default().to_string();
                let value = typed
                    .iter()
                    .find(|(k, _)| *k == id)
                    .map(|(_, v)| v.to_string())
                    .or_else(|| input["value"].as_str().map(str::to_string))
                    .unwrap_or_default();
                let n = value.chars().count() as u64;
                let required = input["required"].as_bool().unwrap_or(true);
                let min = input["min_length"].as_u64().unwrap_or(0);
                let max = input["max_length"].as_u64().unwrap_or(4000);
                if (required && value.is_empty()) || (!value.is_empty() && (n < min || n > max)) {
                    panic!(
                        "fake discord: Discord's client would not send {id:?} = {value:?} (required {required}, {min}..={max} characters)"
                    );
                }
                fields.push((id, value));
            }
        }
        let borrowed: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.submit_modal(user, custom_id, &borrowed, source)
    }

    fn vote(&self, user: &Person, message_id: u64, answer_id: u64, add: bool) {
        let channel = self.channel_of(message_id);
        let d = {
            let mut st = self.shared.lock();
            st.vote(message_id, answer_id, user.id, add);
            poll_vote_json(
                &st.ids_for(channel),
                user.id,
                channel,
                message_id,
                answer_id,
            )
        };
        let t = if add {
            "MESSAGE_POLL_VOTE_ADD"
        } else {
            "MESSAGE_POLL_VOTE_REMOVE"
        };
        self.shared.apply(vec![(t, d)]);
    }

    /// `user` votes for `answer_id` (1-based) in the native poll on `message_id`.
    pub fn vote_add(&self, user: &Person, message_id: u64, answer_id: u64) {
        self.vote(user, message_id, answer_id, true);
    }

    pub fn vote_remove(&self, user: &Person, message_id: u64, answer_id: u64) {
        self.vote(user, message_id, answer_id, false);
    }

    /// `user` starts a public thread under `parent_id` (on `on_message` if given): THREAD_CREATE.
    pub fn user_thread(
        &self,
        user: &Person,
        parent_id: u64,
        name: &str,
        on_message: Option<u64>,
    ) -> u64 {
        let thread = match self
            .shared
            .lock()
            .user_thread(parent_id, user.id, name, on_message)
        {
            Ok(t) => t,
            Err(e) => panic!("fake discord: cannot start thread {name:?}: {e:?}"),
        };
        let id = thread["id"]
            .as_str()
            .and_then(|i| i.parse().ok())
            .unwrap_or_default();
        self.shared
            .apply(vec![("THREAD_CREATE", thread_create_json(&thread))]);
        id
    }
}
