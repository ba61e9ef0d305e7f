//! JSON templates of Discord objects (users, members, roles, channels, guild, READY, messages),
//! each checked against serenity 0.12.5's model types by the unit tests at the bottom.

use serde_json::{Value, json};
use serenity::model::Permissions;

use super::ids::{Identities, Person, bot_permissions, everyone_permissions, snowflake_timestamp};

pub const GUILD_NAME: &str = "Reading Group";
pub const CHANNEL_NAME: &str = "reading-room";
pub const BOT_NAME: &str = "colloquy";

pub fn perm_string(p: Permissions) -> String {
    p.bits().to_string()
}

pub fn user_json(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "discriminator": "0",
        "global_name": if bot { Value::Null } else { json!(name) },
        "avatar": null,
        "bot": bot,
        "public_flags": 0,
    })
}

pub fn person_user_json(p: &Person) -> Value {
    user_json(p.id, &p.name, p.bot)
}

/// A full guild member, as in GUILD_CREATE, GET /guilds/{g}/members/{u} and interactions.
pub fn member_json(p: &Person, joined_id: u64) -> Value {
    json!({
        "user": person_user_json(p),
        "nick": null,
        "avatar": null,
        "roles": p.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": snowflake_timestamp(joined_id),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
    })
}

/// The member of an interaction: a member with the computed `permissions`.
pub fn interaction_member_json(p: &Person, joined_id: u64) -> Value {
    let mut m = member_json(p, joined_id);
    m["permissions"] = json!(perm_string(p.permissions));
    m
}

/// The partial member attached to a MESSAGE_CREATE from a guild (no `user`).
pub fn partial_member_json(p: &Person, joined_id: u64) -> Value {
    json!({
        "roles": p.roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": snowflake_timestamp(joined_id),
        "deaf": false,
        "mute": false,
        "flags": 0,
    })
}

fn role_json(id: u64, name: &str, permissions: Permissions, position: u16, managed: bool) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": perm_string(permissions),
        "managed": managed,
        "mentionable": false,
        "flags": 0,
    })
}

/// The guild's roles: @everyone, Facilitator, Admin (MANAGE_GUILD) and the bot's managed role.
pub fn roles_json(ids: &Identities) -> Value {
    json!([
        role_json(
            ids.everyone_role_id,
            "@everyone",
            everyone_permissions(),
            0,
            false
        ),
        role_json(
            ids.facilitator_role_id,
            "Facilitator",
            Permissions::empty(),
            1,
            false
        ),
        role_json(
            ids.admin_role_id,
            "Admin",
            Permissions::MANAGE_GUILD,
            2,
            false
        ),
        role_json(ids.bot_role_id, BOT_NAME, bot_permissions(), 3, true),
    ])
}

pub fn text_channel_json(
    ids: &Identities,
    id: u64,
    name: &str,
    last_message_id: Option<u64>,
) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": ids.guild_id.to_string(),
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "topic": null,
        "nsfw": false,
        "last_message_id": last_message_id.map(|m| m.to_string()),
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// A voice channel (type 2) or, with `stage`, a stage channel (type 13).
pub fn voice_channel_json(ids: &Identities, id: u64, name: &str, stage: bool) -> Value {
    json!({
        "id": id.to_string(),
        "type": if stage { 13 } else { 2 },
        "guild_id": ids.guild_id.to_string(),
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "nsfw": false,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "bitrate": if stage { 40000 } else { 64000 },
        "user_limit": 0,
        "rtc_region": null,
        "flags": 0,
    })
}

/// What a member's voice connection is doing besides where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VoiceFlags {
    pub self_mute: bool,
    pub self_deaf: bool,
    pub self_video: bool,
    pub self_stream: bool,
}

/// A voice state (Discord's voice state object) as VOICE_STATE_UPDATE carries it:
/// `channel` is `None` when the member left voice; `member` is the full guild member.
/// GUILD_CREATE's `voice_states` carry the same without `guild_id` and `member`.
pub fn voice_state_json(
    guild_id: u64,
    channel: Option<u64>,
    person: &Person,
    session_id: &str,
    flags: VoiceFlags,
) -> Value {
    json!({
        "guild_id": guild_id.to_string(),
        "channel_id": channel.map(|c| c.to_string()),
        "user_id": person.id.to_string(),
        "member": member_json(person, guild_id),
        "session_id": session_id,
        "deaf": false,
        "mute": false,
        "self_deaf": flags.self_deaf,
        "self_mute": flags.self_mute,
        "self_stream": flags.self_stream,
        "self_video": flags.self_video,
        "suppress": false,
        "request_to_speak_timestamp": null,
    })
}

/// A voice state as GUILD_CREATE's `voice_states` list it (Discord leaves out `guild_id`
/// there; the member is in the guild's `members`).
pub fn partial_voice_state_json(state: &Value) -> Value {
    let mut v = state.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("guild_id");
        o.remove("member");
    }
    v
}

/// A direct-message channel (type 1) between the bot and `recipient`, as
/// POST /users/@me/channels answers.
pub fn dm_channel_json(id: u64, recipient: &Person) -> Value {
    json!({
        "id": id.to_string(),
        "type": 1,
        "last_message_id": null,
        "flags": 0,
        "recipients": [person_user_json(recipient)],
    })
}

/// A public thread (type 11) under `parent_id`, owned by `owner_id`.
pub fn thread_json(
    ids: &Identities,
    id: u64,
    parent_id: u64,
    owner_id: u64,
    name: &str,
    auto_archive_minutes: u64,
    message_count: u64,
) -> Value {
    json!({
        "id": id.to_string(),
        "type": 11,
        "guild_id": ids.guild_id.to_string(),
        "parent_id": parent_id.to_string(),
        "owner_id": owner_id.to_string(),
        "name": name,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "message_count": message_count,
        "member_count": 1,
        "total_message_sent": message_count,
        "flags": 0,
        "thread_metadata": {
            "archived": false,
            "auto_archive_duration": auto_archive_minutes,
            "archive_timestamp": snowflake_timestamp(id),
            "locked": false,
            "create_timestamp": snowflake_timestamp(id),
        },
    })
}

/// The guild as GET /guilds/{g} answers (a partial guild: roles but no channels or members).
pub fn partial_guild_json(ids: &Identities) -> Value {
    json!({
        "id": ids.guild_id.to_string(),
        "name": GUILD_NAME,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": ids.owner_user_id.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "roles": roles_json(ids),
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": ids.channel_id.to_string(),
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
    })
}

/// The GUILD_CREATE payload: the partial guild plus members (the bot first), channels, threads.
pub fn guild_create_json(
    ids: &Identities,
    members: &[Value],
    channels: &[Value],
    threads: &[Value],
) -> Value {
    let mut g = partial_guild_json(ids);
    let extra = json!({
        "joined_at": snowflake_timestamp(ids.guild_id),
        "large": false,
        "unavailable": false,
        "member_count": members.len(),
        "voice_states": [],
        "members": members,
        "channels": channels,
        "threads": threads,
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    });
    if let (Some(g), Some(extra)) = (g.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            g.insert(k.clone(), v.clone());
        }
    }
    g
}

pub fn ready_json(ids: &Identities, session_id: &str, resume_url: &str) -> Value {
    json!({
        "v": 10,
        "user": {
            "id": ids.bot_user_id.to_string(),
            "username": BOT_NAME,
            "discriminator": "0",
            "global_name": null,
            "avatar": null,
            "bot": true,
            "verified": true,
            "mfa_enabled": false,
            "flags": 0,
        },
        "guilds": [{"id": ids.guild_id.to_string(), "unavailable": true}],
        "session_id": session_id,
        "session_type": "normal",
        "resume_gateway_url": resume_url,
        "shard": [0, 1],
        "application": {"id": ids.application_id.to_string(), "flags": 0},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "user_settings": {},
        "geo_ordered_rtc_regions": [],
    })
}

/// GET /oauth2/applications/@me: the owner is the guild owner.
pub fn application_json(ids: &Identities) -> Value {
    json!({
        "id": ids.application_id.to_string(),
        "name": BOT_NAME,
        "icon": null,
        "description": "",
        "summary": "",
        "type": null,
        "bot_public": false,
        "bot_require_code_grant": false,
        "verify_key": "0".repeat(64),
        "flags": 0,
        "owner": user_json(ids.owner_user_id, "owner", false),
        "team": null,
        "bot": user_json(ids.bot_user_id, BOT_NAME, true),
        "redirect_uris": [],
        "interactions_endpoint_url": null,
    })
}

/// GET /users/@me for the bot.
pub fn current_user_json(ids: &Identities) -> Value {
    json!({
        "id": ids.bot_user_id.to_string(),
        "username": BOT_NAME,
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0,
        "public_flags": 0,
    })
}

/// An attachment served by the fake at `{base}/attachments/{id}/{filename}`.
pub fn attachment_json(
    base: &str,
    id: u64,
    filename: &str,
    size: usize,
    content_type: Option<&str>,
) -> Value {
    let url = format!("{base}/attachments/{id}/{filename}");
    json!({
        "id": id.to_string(),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
    })
}

/// What a new message looks like over REST (no guild_id or member; the gateway adds those).
pub struct MessageParts<'a> {
    pub id: u64,
    pub channel_id: u64,
    pub author: Value,
    pub content: &'a str,
    pub kind: u8,
    pub flags: u64,
}

pub fn message_json(parts: MessageParts<'_>) -> Value {
    json!({
        "id": parts.id.to_string(),
        "channel_id": parts.channel_id.to_string(),
        "author": parts.author,
        "content": parts.content,
        "timestamp": snowflake_timestamp(parts.id),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": parts.kind,
        "flags": parts.flags,
    })
}

/// A Discord JSON error body (`{"code", "message", "errors"}`) as serenity decodes it.
pub fn error_json(code: u64, message: &str) -> Value {
    json!({"code": code, "message": message, "errors": {}})
}

#[cfg(test)]
mod tests {
    use serenity::model::application::CurrentApplicationInfo;
    use serenity::model::channel::{Attachment, GuildChannel, Message, PrivateChannel};
    use serenity::model::gateway::Ready;
    use serenity::model::guild::{Guild, Member, PartialGuild, Role};
    use serenity::model::user::CurrentUser;

    use serenity::model::event::Event;

    use super::super::events::assert_dispatch;
    use super::super::ids::Snowflakes;
    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(v: Value) -> T {
        match serde_json::from_value(v.clone()) {
            Ok(t) => t,
            Err(e) => panic!(
                "serenity rejects {}: {e}\n{v:#}",
                std::any::type_name::<T>()
            ),
        }
    }

    fn world() -> (Snowflakes, Identities) {
        let s = Snowflakes::default();
        let ids = Identities::generate(&s);
        (s, ids)
    }

    fn person(ids: &Identities, s: &Snowflakes) -> Person {
        Person {
            id: s.next(),
            name: "alice".into(),
            roles: vec![ids.facilitator_role_id],
            permissions: everyone_permissions(),
            bot: false,
        }
    }

    #[test]
    fn member_and_roles_parse() {
        let (s, ids) = world();
        let p = person(&ids, &s);
        let m: Member = parse(interaction_member_json(&p, ids.guild_id));
        assert_eq!(m.user.id.get(), p.id);
        assert_eq!(m.roles[0].get(), ids.facilitator_role_id);
        let roles: Vec<Role> = parse(roles_json(&ids));
        assert_eq!(roles.len(), 4);
    }

    #[test]
    fn channels_parse() {
        let (s, ids) = world();
        let c: GuildChannel = parse(text_channel_json(&ids, ids.channel_id, CHANNEL_NAME, None));
        assert_eq!(c.id.get(), ids.channel_id);
        let t: GuildChannel = parse(thread_json(
            &ids,
            s.next(),
            ids.channel_id,
            ids.bot_user_id,
            "t",
            1440,
            0,
        ));
        assert_eq!(t.parent_id.map(|p| p.get()), Some(ids.channel_id));
        assert!(t.thread_metadata.is_some());
        let p = person(&ids, &s);
        let dm: PrivateChannel = parse(dm_channel_json(s.next(), &p));
        assert_eq!(dm.recipient.id.get(), p.id);
        for (stage, kind) in [
            (false, serenity::model::channel::ChannelType::Voice),
            (true, serenity::model::channel::ChannelType::Stage),
        ] {
            let v: GuildChannel = parse(voice_channel_json(&ids, s.next(), "Seminar", stage));
            assert_eq!(v.kind, kind);
        }
    }

    #[test]
    fn voice_states_parse_as_serenity_reads_them() {
        use serenity::model::event::Event;
        use serenity::model::voice::VoiceState;
        let (s, ids) = world();
        let p = person(&ids, &s);
        let room = s.next();
        let flags = VoiceFlags {
            self_mute: true,
            ..VoiceFlags::default()
        };
        let joined = voice_state_json(ids.guild_id, Some(room), &p, "abc", flags);
        let v: VoiceState = parse(joined.clone());
        assert_eq!(v.channel_id.map(|c| c.get()), Some(room));
        assert_eq!(v.user_id.get(), p.id);
        assert!(v.self_mute && !v.self_deaf);
        // The member gets the guild id serenity copies into it.
        assert_eq!(v.member.map(|m| m.guild_id.get()), Some(ids.guild_id));
        let left = voice_state_json(ids.guild_id, None, &p, "abc", VoiceFlags::default());
        for (d, channel) in [(joined, Some(room)), (left, None)] {
            match super::super::events::assert_dispatch("VOICE_STATE_UPDATE", &d) {
                Event::VoiceStateUpdate(e) => {
                    assert_eq!(e.voice_state.channel_id.map(|c| c.get()), channel);
                    assert_eq!(e.voice_state.guild_id.map(|g| g.get()), Some(ids.guild_id));
                }
                other => panic!("not a voice state update: {other:?}"),
            }
        }
    }

    #[test]
    fn guild_and_ready_parse() {
        let (s, ids) = world();
        let bot = Person {
            id: ids.bot_user_id,
            name: BOT_NAME.into(),
            roles: vec![ids.bot_role_id],
            permissions: bot_permissions(),
            bot: true,
        };
        let members = [
            member_json(&bot, ids.guild_id),
            member_json(&person(&ids, &s), ids.guild_id),
        ];
        let channels = [text_channel_json(&ids, ids.channel_id, CHANNEL_NAME, None)];
        let g: Guild = parse(guild_create_json(&ids, &members, &channels, &[]));
        assert_eq!(g.members.len(), 2);
        assert_eq!(g.roles.len(), 4);
        assert!(g.channels.contains_key(&ids.channel_id.into()));
        let someone = person(&ids, &s);
        let room = s.next();
        let mut with_voice = guild_create_json(&ids, &members, &channels, &[]);
        with_voice["voice_states"] = json!([partial_voice_state_json(&voice_state_json(
            ids.guild_id,
            Some(room),
            &someone,
            "s1",
            VoiceFlags::default(),
        ))]);
        let g: Guild = parse(with_voice);
        assert_eq!(
            g.voice_states
                .get(&someone.id.into())
                .and_then(|v| v.channel_id)
                .map(|c| c.get()),
            Some(room)
        );
        let gc = guild_create_json(&ids, &members, &channels, &[]);
        assert!(matches!(
            assert_dispatch("GUILD_CREATE", &gc),
            Event::GuildCreate(_)
        ));
        let ch = text_channel_json(&ids, s.next(), "other", None);
        assert!(matches!(
            assert_dispatch("CHANNEL_CREATE", &ch),
            Event::ChannelCreate(_)
        ));
        let ready = ready_json(&ids, "abc", "ws://127.0.0.1:1/gateway");
        assert!(matches!(assert_dispatch("READY", &ready), Event::Ready(_)));
        assert!(matches!(
            assert_dispatch("RESUMED", &json!({"_trace": []})),
            Event::Resumed(_)
        ));
        let pg: PartialGuild = parse(partial_guild_json(&ids));
        assert_eq!(pg.id.get(), ids.guild_id);
        let r: Ready = parse(ready_json(&ids, "abc", "ws://127.0.0.1:1/gateway"));
        assert_eq!(r.application.id.get(), ids.application_id);
        let _: CurrentApplicationInfo = parse(application_json(&ids));
        let u: CurrentUser = parse(current_user_json(&ids));
        assert!(u.bot);
    }

    #[test]
    fn message_and_attachment_parse() {
        let (s, ids) = world();
        let a: Attachment = parse(attachment_json(
            "http://127.0.0.1:1",
            s.next(),
            "a.png",
            3,
            Some("image/png"),
        ));
        assert_eq!(a.filename, "a.png");
        let mut m = message_json(MessageParts {
            id: s.next(),
            channel_id: ids.channel_id,
            author: user_json(ids.bot_user_id, BOT_NAME, true),
            content: "hi",
            kind: 0,
            flags: 0,
        });
        m["attachments"] = json!([attachment_json("http://x", 1, "f.txt", 1, None)]);
        let m: Message = parse(m);
        assert_eq!(m.content, "hi");
        assert!(m.author.bot);
    }
}
