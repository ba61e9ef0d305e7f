//! Gateway dispatch payloads (messages, interactions, poll votes, threads) and the slash command
//! builder; the unit tests parse each one the way serenity's shard does.

use serde_json::{Map, Value, json};

use super::ids::{Identities, Person};
use super::templates::{
    interaction_member_json, partial_member_json, perm_string, person_user_json,
};

/// Discord's default upload limit, sent in every interaction.
pub const ATTACHMENT_SIZE_LIMIT: u64 = 26_214_400;

/// The whole gateway frame of a dispatch.
pub fn dispatch_frame(t: &str, s: u64, d: Value) -> Value {
    json!({"op": 0, "s": s, "t": t, "d": d})
}

/// A REST message as MESSAGE_CREATE / MESSAGE_UPDATE carry it: with guild_id and, for guild
/// members, the partial member.
pub fn gateway_message_json(ids: &Identities, rest: &Value, member: Option<Value>) -> Value {
    let mut m = rest.clone();
    m["guild_id"] = json!(ids.guild_id.to_string());
    if let Some(member) = member {
        m["member"] = member;
    }
    m
}

pub fn message_delete_json(ids: &Identities, channel_id: u64, message_id: u64) -> Value {
    json!({
        "id": message_id.to_string(),
        "channel_id": channel_id.to_string(),
        "guild_id": ids.guild_id.to_string(),
    })
}

pub fn poll_vote_json(
    ids: &Identities,
    user_id: u64,
    channel_id: u64,
    message_id: u64,
    answer_id: u64,
) -> Value {
    json!({
        "user_id": user_id.to_string(),
        "channel_id": channel_id.to_string(),
        "message_id": message_id.to_string(),
        "guild_id": ids.guild_id.to_string(),
        "answer_id": answer_id,
    })
}

pub fn thread_create_json(thread: &Value) -> Value {
    let mut t = thread.clone();
    t["newly_created"] = json!(true);
    t
}

/// What an interaction is, with the parts that differ by type.
pub struct InteractionParts<'a> {
    pub id: u64,
    pub token: &'a str,
    /// 2 command, 3 component, 4 autocomplete, 5 modal submit.
    pub kind: u8,
    pub channel_id: u64,
    pub user: &'a Person,
    pub data: Value,
    /// The message a component sits on (required for type 3, optional for 5).
    pub message: Option<Value>,
    pub app_permissions: String,
}

pub fn interaction_json(ids: &Identities, p: InteractionParts<'_>) -> Value {
    let mut v = json!({
        "id": p.id.to_string(),
        "application_id": ids.application_id.to_string(),
        "type": p.kind,
        "data": p.data,
        "guild_id": ids.guild_id.to_string(),
        "channel_id": p.channel_id.to_string(),
        "member": interaction_member_json(p.user, ids.guild_id),
        "token": p.token,
        "version": 1,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": ids.guild_id.to_string()},
        "context": 0,
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        "app_permissions": p.app_permissions,
    });
    if let Some(m) = p.message {
        v["message"] = m;
    }
    v
}

/// A value of a slash command option.
#[derive(Debug, Clone)]
pub enum OptionValue {
    Str(String),
    Int(i64),
    Bool(bool),
    Number(f64),
    /// A user option: the person is also put into `resolved.users` and `resolved.members`.
    User(Person),
    Channel(u64),
    Role(u64),
    /// An attachment option: the attachment json (from `FakeDiscord::add_attachment`) is put
    /// into `resolved.attachments`.
    Attachment(Value),
}

/// A slash command invocation: `/name [group] [sub] options...`, e.g.
/// `SlashCommand::new("poll").sub("create").str("claim", "...").int("minutes", 10)`.
#[derive(Debug, Clone)]
pub struct SlashCommand {
    pub name: String,
    pub group: Option<String>,
    pub sub: Option<String>,
    pub options: Vec<(String, OptionValue)>,
    /// For autocomplete: the option being typed and its partial text.
    pub focused: Option<(String, String)>,
}

impl SlashCommand {
    pub fn new(name: &str) -> Self {
        Self {
            name: name.into(),
            group: None,
            sub: None,
            options: vec![],
            focused: None,
        }
    }
    pub fn group(mut self, group: &str) -> Self {
        self.group = Some(group.into());
        self
    }
    pub fn sub(mut self, sub: &str) -> Self {
        self.sub = Some(sub.into());
        self
    }
    pub fn opt(mut self, name: &str, value: OptionValue) -> Self {
        self.options.push((name.into(), value));
        self
    }
    pub fn str(self, name: &str, value: &str) -> Self {
        self.opt(name, OptionValue::Str(value.into()))
    }
    pub fn int(self, name: &str, value: i64) -> Self {
        self.opt(name, OptionValue::Int(value))
    }
    pub fn bool(self, name: &str, value: bool) -> Self {
        self.opt(name, OptionValue::Bool(value))
    }
    pub fn user(self, name: &str, person: &Person) -> Self {
        self.opt(name, OptionValue::User(person.clone()))
    }
    pub fn attachment(self, name: &str, attachment: Value) -> Self {
        self.opt(name, OptionValue::Attachment(attachment))
    }
    /// Marks `name` as the focused option of an autocomplete with the partial text `partial`.
    pub fn focused(mut self, name: &str, partial: &str) -> Self {
        self.focused = Some((name.into(), partial.into()));
        self
    }

    /// The interaction `data` for this command (type 1 = chat input).
    pub fn data_json(&self, ids: &Identities, command_id: u64) -> Value {
        let mut resolved = Map::new();
        let mut leaf: Vec<Value> = Vec::new();
        for (name, value) in &self.options {
            let (kind, v) = match value {
                OptionValue::Str(s) => (3, json!(s)),
                OptionValue::Int(i) => (4, json!(i)),
                OptionValue::Bool(b) => (5, json!(b)),
                OptionValue::Number(n) => (10, json!(n)),
                OptionValue::User(p) => {
                    let users = resolved.entry("users").or_insert_with(|| json!({}));
                    users[p.id.to_string()] = person_user_json(p);
                    let members = resolved.entry("members").or_insert_with(|| json!({}));
                    let mut m = partial_member_json(p, ids.guild_id);
                    m["permissions"] = json!(perm_string(p.permissions));
                    members[p.id.to_string()] = m;
                    (6, json!(p.id.to_string()))
                }
                OptionValue::Channel(c) => (7, json!(c.to_string())),
                OptionValue::Role(r) => (8, json!(r.to_string())),
                OptionValue::Attachment(a) => {
                    let id = a["id"].as_str().unwrap_or_default().to_string();
                    let atts = resolved.entry("attachments").or_insert_with(|| json!({}));
                    atts[id.as_str()] = a.clone();
                    (11, json!(id))
                }
            };
            leaf.push(json!({"name": name, "type": kind, "value": v}));
        }
        if let Some((name, partial)) = &self.focused {
            leaf.push(json!({"name": name, "type": 3, "value": partial, "focused": true}));
        }
        let mut options = leaf;
        if let Some(sub) = &self.sub {
            options = vec![json!({"name": sub, "type": 1, "options": options})];
        }
        if let Some(group) = &self.group {
            options = vec![json!({"name": group, "type": 2, "options": options})];
        }
        let mut data = json!({
            "id": command_id.to_string(),
            "name": self.name,
            "type": 1,
            "guild_id": ids.guild_id.to_string(),
            "options": options,
        });
        if !resolved.is_empty() {
            data["resolved"] = Value::Object(resolved);
        }
        data
    }
}

/// `data` of a button click.
pub fn button_data_json(custom_id: &str) -> Value {
    json!({"custom_id": custom_id, "component_type": 2})
}

/// `data` of a string select.
pub fn select_data_json(custom_id: &str, values: &[&str]) -> Value {
    json!({"custom_id": custom_id, "component_type": 3, "values": values})
}

/// `data` of a modal submit: one action row per text input, as Discord sends it.
pub fn modal_data_json(custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let rows: Vec<Value> = fields
        .iter()
        .map(|(id, value)| {
            json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]})
        })
        .collect();
    json!({"custom_id": custom_id, "components": rows})
}

/// Parses a dispatch exactly as serenity's shard does and fails if it became Event::Unknown
/// (serenity quietly does that to a malformed known event, which would hang a test).
#[cfg(test)]
pub fn assert_dispatch(t: &str, d: &Value) -> serenity::model::event::Event {
    use serenity::model::event::{Event, GatewayEvent};
    let text = dispatch_frame(t, 7, d.clone()).to_string();
    match serde_json::from_str::<GatewayEvent>(&text) {
        Ok(GatewayEvent::Dispatch(7, Event::Unknown(u))) => {
            panic!("serenity turned {t} into Event::Unknown: {:#}", u.value)
        }
        Ok(GatewayEvent::Dispatch(_, e)) => e,
        Ok(other) => panic!("not a dispatch: {other:?}"),
        Err(e) => panic!("serenity rejects the {t} frame: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use serenity::model::application::{CommandDataOptionValue, Interaction};
    use serenity::model::channel::{GuildChannel, Message};
    use serenity::model::event::{
        Event, MessageDeleteEvent, MessagePollVoteAddEvent, MessageUpdateEvent,
    };

    use super::super::ids::{Snowflakes, everyone_permissions};
    use super::super::templates::{MessageParts, message_json, thread_json, user_json};
    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(v: &Value) -> T {
        match serde_json::from_value(v.clone()) {
            Ok(t) => t,
            Err(e) => panic!(
                "serenity rejects {}: {e}\n{v:#}",
                std::any::type_name::<T>()
            ),
        }
    }

    fn world() -> (Snowflakes, Identities, Person) {
        let s = Snowflakes::default();
        let ids = Identities::generate(&s);
        let p = Person {
            id: s.next(),
            name: "alice".into(),
            roles: vec![],
            permissions: everyone_permissions(),
            bot: false,
        };
        (s, ids, p)
    }

    fn a_message(s: &Snowflakes, ids: &Identities, p: &Person) -> Value {
        message_json(MessageParts {
            id: s.next(),
            channel_id: ids.channel_id,
            author: user_json(p.id, &p.name, false),
            content: "hello",
            kind: 0,
            flags: 0,
        })
    }

    #[test]
    fn message_create_update_delete_parse() {
        let (s, ids, p) = world();
        let rest = a_message(&s, &ids, &p);
        let mut d = gateway_message_json(&ids, &rest, Some(partial_member_json(&p, ids.guild_id)));
        d["message_reference"] = json!({"type": 0, "message_id": "1", "channel_id": ids.channel_id.to_string(), "guild_id": ids.guild_id.to_string()});
        let m: Message = parse(&d);
        assert_eq!(m.guild_id.map(|g| g.get()), Some(ids.guild_id));
        assert!(matches!(
            assert_dispatch("MESSAGE_CREATE", &d),
            Event::MessageCreate(_)
        ));
        let u: MessageUpdateEvent = parse(&d);
        assert_eq!(u.content.as_deref(), Some("hello"));
        assert!(matches!(
            assert_dispatch("MESSAGE_UPDATE", &d),
            Event::MessageUpdate(_)
        ));
        let del = message_delete_json(&ids, ids.channel_id, 5);
        let _: MessageDeleteEvent = parse(&del);
        assert!(matches!(
            assert_dispatch("MESSAGE_DELETE", &del),
            Event::MessageDelete(_)
        ));
    }

    #[test]
    fn poll_vote_and_thread_create_parse() {
        let (s, ids, p) = world();
        let v = poll_vote_json(&ids, p.id, ids.channel_id, s.next(), 2);
        let _: MessagePollVoteAddEvent = parse(&v);
        assert!(matches!(
            assert_dispatch("MESSAGE_POLL_VOTE_ADD", &v),
            Event::MessagePollVoteAdd(_)
        ));
        assert!(matches!(
            assert_dispatch("MESSAGE_POLL_VOTE_REMOVE", &v),
            Event::MessagePollVoteRemove(_)
        ));
        let t = thread_create_json(&thread_json(
            &ids,
            s.next(),
            ids.channel_id,
            p.id,
            "t",
            1440,
            0,
        ));
        let _: GuildChannel = parse(&t);
        assert!(matches!(
            assert_dispatch("THREAD_CREATE", &t),
            Event::ThreadCreate(_)
        ));
    }

    fn interaction(
        s: &Snowflakes,
        ids: &Identities,
        p: &Person,
        kind: u8,
        data: Value,
        message: Option<Value>,
    ) -> Value {
        interaction_json(
            ids,
            InteractionParts {
                id: s.next(),
                token: "tok",
                kind,
                channel_id: ids.channel_id,
                user: p,
                data,
                message,
                app_permissions: "0".into(),
            },
        )
    }

    #[test]
    fn slash_command_with_subcommand_and_attachment_parses() {
        let (s, ids, p) = world();
        let att = super::super::templates::attachment_json(
            "http://x",
            s.next(),
            "a.txt",
            1,
            Some("text/plain"),
        );
        let cmd = SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Reading is good")
            .int("minutes", 10)
            .user("who", &p)
            .attachment("file", att);
        let i = interaction(&s, &ids, &p, 2, cmd.data_json(&ids, s.next()), None);
        let Event::InteractionCreate(ev) = assert_dispatch("INTERACTION_CREATE", &i) else {
            panic!("not an interaction")
        };
        let Interaction::Command(c) = ev.interaction else {
            panic!("not a command")
        };
        assert_eq!(c.data.name, "poll");
        let CommandDataOptionValue::SubCommand(opts) = &c.data.options[0].value else {
            panic!("no subcommand: {:?}", c.data.options)
        };
        assert_eq!(c.data.options[0].name, "create");
        assert_eq!(opts[1].value.as_i64(), Some(10));
        assert_eq!(c.data.resolved.attachments.len(), 1);
        assert_eq!(c.data.resolved.users.len(), 1);
        assert!(c.member.is_some());
        assert_eq!(c.guild_id.map(|g| g.get()), Some(ids.guild_id));
    }

    #[test]
    fn autocomplete_parses() {
        let (s, ids, p) = world();
        let cmd = SlashCommand::new("poll")
            .sub("close")
            .focused("poll", "Read");
        let i = interaction(&s, &ids, &p, 4, cmd.data_json(&ids, s.next()), None);
        let Event::InteractionCreate(ev) = assert_dispatch("INTERACTION_CREATE", &i) else {
            panic!("not an interaction")
        };
        let Interaction::Autocomplete(c) = ev.interaction else {
            panic!("not autocomplete")
        };
        let focused = c
            .data
            .autocomplete()
            .map(|f| (f.name.to_string(), f.value.to_string()));
        assert_eq!(focused, Some(("poll".into(), "Read".into())));
    }

    #[test]
    fn button_select_and_modal_parse() {
        let (s, ids, p) = world();
        let msg = a_message(&s, &ids, &p);
        let i = interaction(
            &s,
            &ids,
            &p,
            3,
            button_data_json("vote:1"),
            Some(msg.clone()),
        );
        let Event::InteractionCreate(ev) = assert_dispatch("INTERACTION_CREATE", &i) else {
            panic!("not an interaction")
        };
        let Interaction::Component(c) = ev.interaction else {
            panic!("not a component")
        };
        assert_eq!(c.data.custom_id, "vote:1");
        let i = interaction(&s, &ids, &p, 3, select_data_json("pick", &["a"]), Some(msg));
        assert!(matches!(
            assert_dispatch("INTERACTION_CREATE", &i),
            Event::InteractionCreate(_)
        ));
        let i = interaction(
            &s,
            &ids,
            &p,
            5,
            modal_data_json("question", &[("text", "Why?")]),
            None,
        );
        let Event::InteractionCreate(ev) = assert_dispatch("INTERACTION_CREATE", &i) else {
            panic!("not an interaction")
        };
        let Interaction::Modal(m) = ev.interaction else {
            panic!("not a modal")
        };
        assert_eq!(m.data.custom_id, "question");
        assert_eq!(m.data.components.len(), 1);
    }
}
