//! Interactions the fake sent and how the bot answered them: callbacks (types 1, 4-9),
//! the original response and follow-ups under the interaction's webhook token.

use serde_json::{Value, json};

use super::ids::Person;
use super::model::{ApiError, Effects, State};
use super::record::StoredFile;

const EPHEMERAL: u64 = 64;
const LOADING: u64 = 128;

/// One thing the bot did with an interaction token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplyKind {
    /// POST /interactions/{id}/{token}/callback with this callback type.
    Callback(u8),
    /// PATCH /webhooks/{app}/{token}/messages/@original.
    EditOriginal,
    DeleteOriginal,
    /// POST /webhooks/{app}/{token}.
    Followup,
    EditFollowup(u64),
    DeleteFollowup(u64),
}

/// What the bot answered to an interaction.
#[derive(Debug, Clone)]
pub struct InteractionReply {
    pub kind: ReplyKind,
    /// The message payload: a callback's `data`, or a webhook body.
    pub data: Value,
    pub content: Option<String>,
    pub embeds: Vec<Value>,
    pub components: Vec<Value>,
    pub ephemeral: bool,
    pub files: Vec<StoredFile>,
    /// The message this created or changed, if any.
    pub message_id: Option<u64>,
}

impl InteractionReply {
    fn new(kind: ReplyKind, data: &Value, files: &[StoredFile], message_id: Option<u64>) -> Self {
        let list = |k: &str| data[k].as_array().cloned().unwrap_or_default();
        Self {
            kind,
            content: data["content"].as_str().map(str::to_string),
            embeds: list("embeds"),
            components: list("components"),
            ephemeral: data["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0),
            files: files.to_vec(),
            message_id,
            data: data.clone(),
        }
    }

    pub fn callback_type(&self) -> Option<u8> {
        match self.kind {
            ReplyKind::Callback(t) => Some(t),
            _ => None,
        }
    }

    /// The choices of an autocomplete result (callback type 8).
    pub fn choices(&self) -> Vec<Value> {
        self.data["choices"].as_array().cloned().unwrap_or_default()
    }
}

/// An interaction the fake dispatched.
#[derive(Debug, Clone)]
pub struct InteractionRecord {
    pub id: u64,
    pub token: String,
    /// 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub kind: u8,
    pub channel_id: u64,
    pub user: Person,
    /// The message a component (or a modal opened from one) belongs to.
    pub source_message: Option<u64>,
    /// The component's or the submitted modal's custom id.
    pub custom_id: Option<String>,
    pub acknowledged: bool,
    pub original: Option<u64>,
    pub followups: Vec<u64>,
    pub replies: Vec<InteractionReply>,
    pub dispatched_at: std::time::Instant,
}

/// The message type of an interaction response.
fn response_kind(kind: u8) -> u8 {
    if kind == 2 { 20 } else { 0 }
}

/// Discord's checks of a modal (callback type 9): a custom id, a title of at most 45
/// characters, 1 to 5 action rows each holding one text input (type 4) with a custom id, a
/// style (1 short, 2 paragraph), a label of at most 45 characters, lengths within 0..4000
/// and a pre-filled value no longer than its `max_length`.
pub fn check_modal(data: &Value) -> Result<(), ApiError> {
    let bad = |what: &str| Err(ApiError::invalid_form(what.to_string()));
    let len = |v: &Value| v.as_str().map(|s| s.chars().count());
    match len(&data["custom_id"]) {
        Some(1..=100) => {}
        _ => return bad("data.custom_id: Must be between 1 and 100 in length."),
    }
    match len(&data["title"]) {
        Some(1..=45) => {}
        _ => return bad("data.title: Must be between 1 and 45 in length."),
    }
    let rows = data["components"].as_array().cloned().unwrap_or_default();
    if rows.is_empty() || rows.len() > 5 {
        return bad("data.components: Must be between 1 and 5 in length.");
    }
    for (r, row) in rows.iter().enumerate() {
        let inputs = row["components"].as_array().cloned().unwrap_or_default();
        if row["type"] != 1 || inputs.len() != 1 || inputs[0]["type"] != 4 {
            return bad(&format!(
                "data.components.{r}: an action row holding one text input"
            ));
        }
        let input = &inputs[0];
        if !matches!(len(&input["custom_id"]), Some(1..=100)) {
            return bad(&format!(
                "data.components.{r}.components.0.custom_id: required"
            ));
        }
        if !matches!(input["style"].as_u64(), Some(1 | 2)) {
            return bad(&format!("data.components.{r}.components.0.style: 1 or 2"));
        }
        if !matches!(len(&input["label"]), Some(1..=45)) {
            return bad(&format!(
                "data.components.{r}.components.0.label: Must be between 1 and 45 in length."
            ));
        }
        let max = input["max_length"].as_u64().unwrap_or(4000);
        let min = input["min_length"].as_u64().unwrap_or(0);
        if max == 0 || max > 4000 || min > max {
            return bad(&format!(
                "data.components.{r}.components.0: lengths within 0..4000"
            ));
        }
        if len(&input["value"]).is_some_and(|n| n as u64 > max) {
            return bad(&format!(
                "data.components.{r}.components.0.value: Must be {max} or fewer in length."
            ));
        }
        if len(&input["placeholder"]).is_some_and(|n| n > 100) {
            return bad(&format!(
                "data.components.{r}.components.0.placeholder: Must be 100 or fewer in length."
            ));
        }
    }
    Ok(())
}

impl State {
    fn interaction_mut(&mut self, token: &str) -> Result<&mut InteractionRecord, ApiError> {
        self.interactions
            .get_mut(token)
            .ok_or_else(|| ApiError::new(404, 10062, "Unknown interaction"))
    }

    /// `interaction_metadata` of a response message, as Discord writes it per interaction
    /// type: a component's names the message it sits on, a modal submit's names the
    /// interaction that opened the modal (serenity refuses the message without them).
    fn interaction_metadata(&self, rec: &InteractionRecord) -> Value {
        let mut m = json!({
            "id": rec.id.to_string(),
            "type": rec.kind,
            "user": super::templates::person_user_json(&rec.user),
            "authorizing_integration_owners": {"0": self.ids.guild_id.to_string()},
        });
        match rec.kind {
            3 => {
                if let Some(source) = rec.source_message {
                    m["interacted_message_id"] = json!(source.to_string());
                }
            }
            5 => {
                let trigger = self
                    .interactions
                    .values()
                    .filter(|i| i.kind != 5 && i.user.id == rec.user.id)
                    .filter(|i| {
                        i.replies.iter().any(|r| {
                            r.callback_type() == Some(9)
                                && r.data["custom_id"].as_str() == rec.custom_id.as_deref()
                        })
                    })
                    .max_by_key(|i| i.dispatched_at);
                m["triggering_interaction_metadata"] = match trigger {
                    Some(t) => self.interaction_metadata(t),
                    None => json!({
                        "id": rec.id.to_string(),
                        "type": 2,
                        "user": super::templates::person_user_json(&rec.user),
                        "authorizing_integration_owners": {"0": self.ids.guild_id.to_string()},
                    }),
                };
            }
            _ => {}
        }
        m
    }

    /// Creates a response message in the interaction's channel; ephemeral ones are not dispatched.
    fn response_message(
        &mut self,
        token: &str,
        data: &Value,
        files: &[StoredFile],
        flags: u64,
    ) -> Result<(u64, Effects), ApiError> {
        let rec = self.interaction_mut(token)?.clone();
        let author = self.bot_user_json();
        let id = self.create_message(
            rec.channel_id,
            author,
            data,
            files,
            response_kind(rec.kind),
            flags,
        )?;
        let metadata = self.interaction_metadata(&rec);
        let json = match self.messages.get_mut(&id) {
            Some(m) => {
                m.json["interaction_metadata"] = metadata;
                m.json["webhook_id"] = json!(self.ids.application_id.to_string());
                m.json["application_id"] = json!(self.ids.application_id.to_string());
                m.json.clone()
            }
            None => return Err(ApiError::unknown_message()),
        };
        let ephemeral = json["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0);
        let effects = if ephemeral {
            vec![]
        } else {
            vec![("MESSAGE_CREATE", self.gateway_message(&json))]
        };
        Ok((id, effects))
    }

    fn edit_effects(json: &Value, effects: Effects) -> Effects {
        if json["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0) {
            vec![]
        } else {
            effects
        }
    }

    /// POST /interactions/{id}/{token}/callback.
    pub fn interaction_callback(
        &mut self,
        id: u64,
        token: &str,
        body: &Value,
        files: &[StoredFile],
    ) -> Result<Effects, ApiError> {
        let rec = self.interaction_mut(token)?.clone();
        if rec.id != id {
            return Err(ApiError::new(404, 10062, "Unknown interaction"));
        }
        if rec.dispatched_at.elapsed() > self.interaction_deadline {
            // Discord forgets an unanswered interaction after 3 s: the bot should have deferred.
            return Err(ApiError::new(404, 10062, "Unknown interaction"));
        }
        if rec.acknowledged {
            return Err(ApiError::new(
                400,
                40060,
                "Interaction has already been acknowledged.",
            ));
        }
        let Some(kind) = body["type"].as_u64().and_then(|t| u8::try_from(t).ok()) else {
            return Err(ApiError::invalid_form("type: This field is required"));
        };
        let data = body["data"].clone();
        let allowed = match kind {
            1 => false,
            4 | 5 => rec.kind != 4,
            6 | 7 => rec.kind == 3 || (rec.kind == 5 && rec.source_message.is_some()),
            8 => rec.kind == 4,
            9 => rec.kind == 2 || rec.kind == 3,
            _ => false,
        };
        if !allowed {
            return Err(ApiError::new(
                400,
                40043,
                format!(
                    "Interaction callback type {kind} is not valid for interaction type {}",
                    rec.kind
                ),
            ));
        }
        if kind == 9 {
            check_modal(&data)?;
        }
        let mut effects = vec![];
        let mut message_id = None;
        match kind {
            4 => {
                let (m, e) = self.response_message(token, &data, files, 0)?;
                message_id = Some(m);
                effects = e;
            }
            5 => {
                let flags = LOADING | (data["flags"].as_u64().unwrap_or(0) & EPHEMERAL);
                let empty = json!({"content": "", "flags": flags});
                let author = self.bot_user_json();
                let m = self.create_message_unchecked(
                    rec.channel_id,
                    author,
                    &empty,
                    response_kind(rec.kind),
                )?;
                let metadata = self.interaction_metadata(&rec);
                if let Some(stored) = self.messages.get_mut(&m) {
                    stored.json["interaction_metadata"] = metadata;
                    stored.json["webhook_id"] = json!(self.ids.application_id.to_string());
                    stored.json["application_id"] = json!(self.ids.application_id.to_string());
                }
                message_id = Some(m);
                if flags & EPHEMERAL == 0 {
                    let json = self.messages[&m].json.clone();
                    effects = vec![("MESSAGE_CREATE", self.gateway_message(&json))];
                }
            }
            6 => message_id = rec.source_message,
            7 => {
                let source = rec.source_message.ok_or_else(ApiError::unknown_message)?;
                let (json, e) = self.edit_message(source, &data, files)?;
                effects = Self::edit_effects(&json, e);
                message_id = Some(source);
            }
            _ => {}
        }
        let rec = self.interaction_mut(token)?;
        rec.acknowledged = true;
        if matches!(kind, 4..=7) {
            rec.original = message_id;
        }
        rec.replies.push(InteractionReply::new(
            ReplyKind::Callback(kind),
            &data,
            files,
            message_id,
        ));
        Ok(effects)
    }

    /// A message that skips the emptiness check (the deferred "thinking" message).
    fn create_message_unchecked(
        &mut self,
        channel_id: u64,
        author: Value,
        payload: &Value,
        kind: u8,
    ) -> Result<u64, ApiError> {
        let mut p = payload.clone();
        p["content"] = json!("\u{200b}");
        let flags = payload["flags"].as_u64().unwrap_or(0);
        let id = self.create_message(channel_id, author, &p, &[], kind, flags)?;
        if let Some(m) = self.messages.get_mut(&id) {
            m.json["content"] = json!("");
        }
        Ok(id)
    }

    fn check_app(&self, app: u64) -> Result<(), ApiError> {
        if app == self.ids.application_id {
            Ok(())
        } else {
            Err(ApiError::new(404, 10015, "Unknown Webhook"))
        }
    }

    /// GET /webhooks/{app}/{token}/messages/{m} (m may be `@original`).
    pub fn webhook_get(&mut self, app: u64, token: &str, message: &str) -> Result<Value, ApiError> {
        self.check_app(app)?;
        let rec = self.interaction_mut(token)?.clone();
        let id = self.webhook_target(&rec, message)?;
        self.messages
            .get(&id)
            .map(|m| m.json.clone())
            .ok_or_else(ApiError::unknown_message)
    }

    fn webhook_target(&self, rec: &InteractionRecord, message: &str) -> Result<u64, ApiError> {
        if message == "@original" {
            rec.original.ok_or_else(ApiError::unknown_message)
        } else {
            let id: u64 = message
                .parse()
                .map_err(|_| ApiError::invalid_form("message_id: not a snowflake"))?;
            if rec.followups.contains(&id) || rec.original == Some(id) {
                Ok(id)
            } else {
                Err(ApiError::unknown_message())
            }
        }
    }

    /// PATCH /webhooks/{app}/{token}/messages/{m}.
    pub fn webhook_edit(
        &mut self,
        app: u64,
        token: &str,
        message: &str,
        body: &Value,
        files: &[StoredFile],
    ) -> Result<(Value, Effects), ApiError> {
        self.check_app(app)?;
        let rec = self.interaction_mut(token)?.clone();
        let id = self.webhook_target(&rec, message)?;
        let (json, effects) = self.edit_message(id, body, files)?;
        let effects = Self::edit_effects(&json, effects);
        let kind = if message == "@original" {
            ReplyKind::EditOriginal
        } else {
            ReplyKind::EditFollowup(id)
        };
        let mut reply = InteractionReply::new(kind, body, files, Some(id));
        reply.ephemeral = json["flags"].as_u64().is_some_and(|f| f & EPHEMERAL != 0);
        self.interaction_mut(token)?.replies.push(reply);
        Ok((json, effects))
    }

    /// DELETE /webhooks/{app}/{token}/messages/{m}.
    pub fn webhook_delete(
        &mut self,
        app: u64,
        token: &str,
        message: &str,
    ) -> Result<Effects, ApiError> {
        self.check_app(app)?;
        let rec = self.interaction_mut(token)?.clone();
        let id = self.webhook_target(&rec, message)?;
        let ephemeral = self
            .messages
            .get(&id)
            .is_some_and(|m| m.json["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0);
        let effects = self.delete_message(rec.channel_id, id)?;
        let kind = if message == "@original" {
            ReplyKind::DeleteOriginal
        } else {
            ReplyKind::DeleteFollowup(id)
        };
        self.interaction_mut(token)?
            .replies
            .push(InteractionReply::new(kind, &Value::Null, &[], Some(id)));
        Ok(if ephemeral { vec![] } else { effects })
    }

    /// POST /webhooks/{app}/{token}: a follow-up. As on Discord, the first follow-up after a
    /// deferred response (type 5) replaces the "thinking" message instead of adding one.
    pub fn webhook_followup(
        &mut self,
        app: u64,
        token: &str,
        body: &Value,
        files: &[StoredFile],
    ) -> Result<(Value, Effects), ApiError> {
        self.check_app(app)?;
        let rec = self.interaction_mut(token)?.clone();
        if !rec.acknowledged {
            return Err(ApiError::new(404, 10015, "Unknown Webhook"));
        }
        let loading = rec.original.filter(|o| {
            self.messages
                .get(o)
                .is_some_and(|m| m.json["flags"].as_u64().unwrap_or(0) & LOADING != 0)
        });
        let (id, json, effects) =
            if let Some(original) = loading.filter(|_| rec.followups.is_empty()) {
                let (json, e) = self.edit_message(original, body, files)?;
                let e = Self::edit_effects(&json, e);
                (original, json, e)
            } else {
                let (id, e) = self.response_message(token, body, files, 0)?;
                let json = self
                    .messages
                    .get(&id)
                    .map(|m| m.json.clone())
                    .unwrap_or_default();
                (id, json, e)
            };
        let rec = self.interaction_mut(token)?;
        rec.followups.push(id);
        rec.replies.push(InteractionReply::new(
            ReplyKind::Followup,
            body,
            files,
            Some(id),
        ));
        Ok((json, effects))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use serenity::model::channel::Message;
    use serenity::model::prelude::MessageInteractionMetadata;

    use super::super::ids::everyone_permissions;
    use super::*;

    fn record(
        st: &mut State,
        kind: u8,
        user: &Person,
        source: Option<u64>,
        custom_id: &str,
    ) -> String {
        let id = st.snowflakes.next();
        let token = format!("t{id}");
        st.interactions.insert(
            token.clone(),
            InteractionRecord {
                id,
                token: token.clone(),
                kind,
                channel_id: st.ids.channel_id,
                user: user.clone(),
                source_message: source,
                custom_id: Some(custom_id.into()),
                acknowledged: false,
                original: None,
                followups: vec![],
                replies: vec![],
                dispatched_at: std::time::Instant::now(),
            },
        );
        token
    }

    fn parsed(st: &State, token: &str) -> Message {
        let id = st.interactions[token].original.expect("a response message");
        serde_json::from_value(st.messages[&id].json.clone()).expect("serenity parses it")
    }

    #[test]
    fn component_and_modal_responses_parse_with_their_metadata() {
        let mut st = State::new("http://127.0.0.1:1".into());
        let user = Person {
            id: st.snowflakes.next(),
            name: "eve".into(),
            roles: vec![],
            permissions: everyone_permissions(),
            bot: false,
        };
        st.members.insert(user.id, user.clone());
        let bot = st.bot_user_json();
        let source = st
            .create_message(
                st.ids.channel_id,
                bot,
                &json!({"content": "vote"}),
                &[],
                0,
                0,
            )
            .expect("source message");
        let click = record(&mut st, 3, &user, Some(source), "b");
        let id = st.interactions[&click].id;
        let reply = json!({"type": 4, "data": {"content": "picked", "flags": 64}});
        st.interaction_callback(id, &click, &reply, &[])
            .expect("reply");
        let m = parsed(&st, &click);
        let Some(MessageInteractionMetadata::Component(c)) = m.interaction_metadata.as_deref()
        else {
            panic!("{:?}", m.interaction_metadata)
        };
        assert_eq!(c.interacted_message_id.get(), source);

        let open = record(&mut st, 3, &user, Some(source), "b2");
        let id = st.interactions[&open].id;
        let modal =
            json!({"type": 9, "data": {"custom_id": "form", "title": "t", "components": []}});
        st.interaction_callback(id, &open, &modal, &[])
            .expect("modal");
        let submit = record(&mut st, 5, &user, Some(source), "form");
        let id = st.interactions[&submit].id;
        st.interaction_callback(id, &submit, &reply, &[])
            .expect("reply to the modal");
        let m = parsed(&st, &submit);
        let Some(MessageInteractionMetadata::ModalSubmit(s)) = m.interaction_metadata.as_deref()
        else {
            panic!("{:?}", m.interaction_metadata)
        };
        assert!(matches!(
            *s.triggering_interaction_metadata,
            MessageInteractionMetadata::Component(_)
        ));
    }
}
