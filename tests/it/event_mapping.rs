//! Property tests of the adapters' event translation: raw Discord gateway dispatches and
//! Matrix timeline events, generated and then mangled, go through the same translation the
//! bots use (`discord::translate`, `matrix::translate`). It never panics, never records a
//! bot's or a system's message, and keeps a member's text, ids and relations as they came.

use colloquy::domain::ids::{MemberKey, Platform};
use colloquy::platform::Translated;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Any JSON value, nested a little: what a broken proxy or a hostile server might send.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "\\PC{0,40}".prop_map(Value::from),
        "[0-9]{0,25}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replace the value at one path of `v` (walking objects and arrays by `picks`) with `new`.
fn mangle(v: &mut Value, picks: &[usize], new: Value) {
    let Some((&p, rest)) = picks.split_first() else {
        *v = new;
        return;
    };
    let next = match v {
        Value::Object(m) if !m.is_empty() => {
            let len = m.len();
            m.values_mut().nth(p % len)
        }
        Value::Array(a) if !a.is_empty() => {
            let len = a.len();
            a.get_mut(p % len)
        }
        _ => None,
    };
    match next {
        Some(n) => mangle(n, rest, new),
        None => *v = new,
    }
}

#[cfg(feature = "discord")]
mod discord {
    use super::*;
    use colloquy::platform::discord::translate;

    /// A platform id as JSON carries it: a string, or a number.
    fn id_text(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    const POSTED: &str = "2026-11-28T10:00:00.000000+00:00";
    const EDITED: &str = "2026-11-28T10:05:00.000000+00:00";

    fn user(id: u64, bot: bool) -> Value {
        json!({"id": id.to_string(), "username": "member", "discriminator": "0",
               "global_name": "A Member", "avatar": null, "bot": bot, "public_flags": 0})
    }

    #[derive(Debug, Clone)]
    pub struct Msg {
        pub id: u64,
        pub channel: u64,
        pub guild: Option<u64>,
        pub author: u64,
        pub bot: bool,
        pub kind: u8,
        pub content: String,
        pub reference: Option<u64>,
    }

    pub fn message(m: &Msg) -> Value {
        let mut v = json!({
            "id": m.id.to_string(), "channel_id": m.channel.to_string(),
            "author": user(m.author, m.bot), "content": m.content, "timestamp": POSTED,
            "edited_timestamp": null, "tts": false, "mention_everyone": false,
            "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
            "components": [], "pinned": false, "type": m.kind, "flags": 0,
        });
        if let Some(g) = m.guild {
            v["guild_id"] = json!(g.to_string());
            v["member"] = json!({"roles": [], "joined_at": POSTED, "deaf": false,
                                 "mute": false, "flags": 0, "nick": null});
        }
        if let Some(r) = m.reference {
            v["message_reference"] = json!({"message_id": r.to_string(),
                                            "channel_id": m.channel.to_string()});
        }
        v
    }

    pub fn dispatch(t: &str, d: Value) -> String {
        json!({"t": t, "d": d}).to_string()
    }

    /// A button click on one of the bot's messages.
    fn click(custom_id: &str) -> String {
        let d = json!({
            "id": "11", "application_id": "12", "type": 3, "token": "t", "version": 1,
            "channel_id": "5", "guild_id": "7", "locale": "en-US", "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": "7"}, "context": 0,
            "attachment_size_limit": 26_214_400, "app_permissions": "0",
            "member": {"user": user(9, false), "nick": null, "avatar": null, "roles": [],
                       "joined_at": POSTED, "premium_since": null, "deaf": false, "mute": false,
                       "flags": 0, "pending": false, "permissions": "0"},
            "data": {"custom_id": custom_id, "component_type": 2},
            "message": message(&Msg { id: 13, channel: 5, guild: Some(7), author: 12, bot: true,
                                      kind: 0, content: String::new(), reference: None }),
        });
        dispatch("INTERACTION_CREATE", d)
    }

    fn snowflake() -> impl Strategy<Value = u64> {
        1u64..=u64::MAX
    }

    pub fn msg() -> impl Strategy<Value = Msg> {
        (
            (snowflake(), snowflake(), prop::option::of(snowflake())),
            (snowflake(), prop::bool::weighted(0.2)),
            prop::sample::select(vec![0u8, 19, 0, 19, 7, 18, 21, 6]),
            "\\PC{0,600}",
            prop::option::of(snowflake()),
        )
            .prop_map(
                |((id, channel, guild), (author, bot), kind, content, reference)| Msg {
                    id,
                    channel,
                    guild,
                    author,
                    bot,
                    kind,
                    content,
                    reference,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn a_members_message_keeps_its_text_ids_and_reply(m in msg()) {
            let got = translate(&dispatch("MESSAGE_CREATE", message(&m)));
            let recorded = !m.bot && m.guild.is_some() && matches!(m.kind, 0 | 19);
            let want = recorded.then(|| Translated::Message {
                message_id: m.id.to_string(),
                author: MemberKey::new(Platform::Discord, m.author.to_string()),
                text: m.content.clone(),
                thread_root: None,
                reply_to: m.reference.map(|r| r.to_string()),
            });
            prop_assert_eq!(got, Ok(want));
        }

        #[test]
        fn only_real_edits_become_edits(m in msg(), edited in any::<bool>(), new_text in "\\PC{0,300}") {
            let mut d = message(&m);
            d["content"] = json!(new_text);
            if edited {
                d["edited_timestamp"] = json!(EDITED);
            }
            let got = translate(&dispatch("MESSAGE_UPDATE", d));
            let want = (edited && !m.bot).then(|| Translated::Edit {
                message_id: m.id.to_string(),
                text: new_text.clone(),
            });
            prop_assert_eq!(got, Ok(want));
        }

        #[test]
        fn poll_votes_name_the_option_from_one(user in snowflake(), message in snowflake(), answer in 0u64..30, add in any::<bool>()) {
            let d = json!({"user_id": user.to_string(), "channel_id": "5", "message_id": message.to_string(),
                           "guild_id": "7", "answer_id": answer});
            let t = if add { "MESSAGE_POLL_VOTE_ADD" } else { "MESSAGE_POLL_VOTE_REMOVE" };
            let want = (answer >= 1).then(|| Translated::Vote {
                poll_message: message.to_string(),
                voter: MemberKey::new(Platform::Discord, user.to_string()),
                option: add.then(|| answer as usize - 1),
            });
            prop_assert_eq!(translate(&dispatch(t, d)), Ok(want));
        }

        #[test]
        fn colloquys_own_custom_ids_are_read_back(verb in prop::sample::select(vec!["vote", "why", "pick", "reason"]), poll in 1i64..1_000_000_000_000, index in 0usize..10) {
            let id = match verb {
                "why" | "pick" => format!("cq:{verb}:{poll}"),
                _ => format!("cq:{verb}:{poll}:{index}"),
            };
            prop_assert_eq!(translate(&click(&id)), Ok(Some(Translated::Component { custom_id: id.clone() })));
        }

        #[test]
        fn any_custom_id_is_read_or_ignored(custom_id in prop_oneof!["\\PC{0,100}", "cq:(vote|why|pick|reason|x):-?[0-9]{0,20}(:[0-9]{0,20}){0,2}"]) {
            match translate(&click(&custom_id)) {
                Ok(None) => {}
                // What is read is read the same way again.
                Ok(Some(Translated::Component { custom_id: read })) => {
                    prop_assert_eq!(translate(&click(&read)), Ok(Some(Translated::Component { custom_id: read.clone() })));
                }
                other => prop_assert!(false, "a click became {other:?}"),
            }
        }

        #[test]
        fn mangled_dispatches_never_panic(
            m in msg(),
            t in prop::sample::select(vec!["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_POLL_VOTE_ADD"]),
            picks in prop::collection::vec(any::<usize>(), 0..4),
            new in any_json(),
        ) {
            let mut d = match t {
                "MESSAGE_DELETE" => json!({"id": m.id.to_string(), "channel_id": m.channel.to_string()}),
                "MESSAGE_POLL_VOTE_ADD" => json!({"user_id": m.author.to_string(), "channel_id": "5",
                                                  "message_id": m.id.to_string(), "answer_id": 1}),
                _ => message(&m),
            };
            mangle(&mut d, &picks, new);
            // Whatever survives the mangling as a recorded message is a member's own,
            // regular message, with the ids the event carried.
            if let Ok(Some(Translated::Message { author, message_id, .. })) = translate(&dispatch(t, d.clone())) {
                prop_assert_eq!(t, "MESSAGE_CREATE");
                prop_assert_eq!(Some(author.id), id_text(&d["author"]["id"]));
                prop_assert_eq!(Some(message_id), id_text(&d["id"]));
                prop_assert_ne!(&d["author"]["bot"], &json!(true));
                prop_assert!(matches!(d["type"].as_u64(), Some(0 | 19)), "type {}", d["type"]);
                prop_assert!(id_text(&d["guild_id"]).is_some(), "no guild: {}", d["guild_id"]);
            }
        }
    }

    #[test]
    fn a_deletion_names_the_message() {
        let d = json!({"id": "42", "channel_id": "5", "guild_id": "7"});
        assert_eq!(
            translate(&dispatch("MESSAGE_DELETE", d)),
            Ok(Some(Translated::Delete {
                message_id: "42".into()
            }))
        );
    }

    #[test]
    fn json_that_is_not_a_dispatch_is_an_error() {
        assert!(translate("{").is_err());
        assert!(translate(r#"{"t": "MESSAGE_CREATE", "d": {"id": "x"}}"#).is_err());
    }
}

#[cfg(feature = "matrix")]
mod matrix {
    use super::*;
    use colloquy::platform::matrix::translate;

    const ME: &str = "@colloquy:localhost";

    #[derive(Debug, Clone)]
    pub enum Relation {
        None,
        Thread {
            root: String,
            reply: Option<String>,
            falling_back: bool,
        },
        Reply(String),
        Replace(String),
    }

    fn event_id() -> impl Strategy<Value = String> {
        "[A-Za-z0-9_-]{1,43}".prop_map(|s| format!("${s}"))
    }

    fn sender() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[a-z0-9._=-]{1,20}".prop_map(|l| format!("@{l}:localhost")),
            1 => Just(ME.to_string()),
        ]
    }

    fn relation() -> impl Strategy<Value = Relation> {
        prop_oneof![
            Just(Relation::None),
            (event_id(), prop::option::of(event_id()), any::<bool>()).prop_map(
                |(root, reply, falling_back)| Relation::Thread {
                    root,
                    reply,
                    falling_back
                }
            ),
            event_id().prop_map(Relation::Reply),
            event_id().prop_map(Relation::Replace),
        ]
    }

    pub fn room_message(id: &str, sender: &str, body: &str, relation: &Relation) -> Value {
        let mut content = json!({"msgtype": "m.text", "body": body});
        match relation {
            Relation::None => {}
            Relation::Thread {
                root,
                reply,
                falling_back,
            } => {
                content["m.relates_to"] = json!({"rel_type": "m.thread", "event_id": root,
                    "is_falling_back": falling_back,
                    "m.in_reply_to": {"event_id": reply.clone().unwrap_or_else(|| root.clone())}});
                if reply.is_none() && !falling_back {
                    content["m.relates_to"]
                        .as_object_mut()
                        .map(|r| r.remove("m.in_reply_to"));
                }
            }
            Relation::Reply(to) => {
                content["m.relates_to"] = json!({"m.in_reply_to": {"event_id": to}});
            }
            Relation::Replace(target) => {
                content["m.new_content"] = json!({"msgtype": "m.text", "body": body});
                content["body"] = json!(format!("* {body}"));
                content["m.relates_to"] = json!({"rel_type": "m.replace", "event_id": target});
            }
        }
        json!({"type": "m.room.message", "event_id": id, "sender": sender,
               "origin_server_ts": 1_795_000_000_000u64, "content": content})
    }

    /// A poll response, unstable (`org.matrix.msc3381.poll.response`) or stable.
    fn poll_response(who: &str, poll: &str, answers: &[String], stable: bool) -> Value {
        let relates_to = json!({"rel_type": "m.reference", "event_id": poll});
        let (kind, content) = if stable {
            (
                "m.poll.response",
                json!({"m.selections": answers, "m.relates_to": relates_to}),
            )
        } else {
            (
                "org.matrix.msc3381.poll.response",
                json!({"org.matrix.msc3381.poll.response": {"answers": answers}, "m.relates_to": relates_to}),
            )
        };
        json!({"type": kind, "event_id": "$r", "sender": who, "origin_server_ts": 1, "content": content})
    }

    /// A member's line as typed (bodies of replies carry no fallback quote here).
    fn body() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[^>!]\\PC{0,300}",
            1 => "[ \\t]{0,2}!cq( \\PC{0,80})?",
            1 => "!cq[a-z]\\PC{0,10}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn a_members_message_keeps_its_text_and_relations(
            id in event_id(), who in sender(), text in body(), rel in relation(),
        ) {
            let got = translate(&room_message(&id, &who, &text, &rel).to_string(), ME);
            let command = text.trim_start().strip_prefix("!cq").filter(|r| r.is_empty() || r.starts_with(char::is_whitespace));
            let want = if who == ME {
                None
            } else if let Relation::Replace(target) = &rel {
                Some(Translated::Edit { message_id: target.clone(), text: text.clone() })
            } else if let Some(line) = command {
                Some(Translated::Command { line: line.trim().to_string() })
            } else {
                let (thread_root, reply_to) = match &rel {
                    Relation::Thread { root, reply, falling_back } => (
                        Some(root.clone()),
                        if *falling_back { None } else { reply.clone() },
                    ),
                    Relation::Reply(to) => (None, Some(to.clone())),
                    _ => (None, None),
                };
                Some(Translated::Message {
                    message_id: id.clone(),
                    author: MemberKey::new(Platform::Matrix, who.clone()),
                    text: text.clone(),
                    thread_root,
                    reply_to,
                })
            };
            prop_assert_eq!(got, Ok(want));
        }

        #[test]
        fn poll_responses_of_both_kinds_count_the_first_answer(
            who in sender(), poll in event_id(), choice in prop::option::of(0usize..20),
            more in prop::collection::vec("[0-9]{1,2}", 0..2), stable in any::<bool>(),
        ) {
            // colloquy numbers a poll's answers from 1; an empty response takes the vote back.
            let answers: Vec<String> = match choice {
                Some(i) => std::iter::once((i + 1).to_string()).chain(more).collect(),
                None => Vec::new(),
            };
            let got = translate(&poll_response(&who, &poll, &answers, stable).to_string(), ME);
            let want = (who != ME).then(|| Translated::Vote {
                poll_message: poll.clone(),
                voter: MemberKey::new(Platform::Matrix, who.clone()),
                option: choice,
            });
            prop_assert_eq!(got, Ok(want));
        }

        #[test]
        fn answers_colloquy_did_not_send_are_not_votes(
            who in sender(), poll in event_id(), first in "[a-z]{1,6}|0|-[0-9]{1,3}|[0-9]{1,3}\\.[0-9]", stable in any::<bool>(),
        ) {
            let got = translate(&poll_response(&who, &poll, &[first], stable).to_string(), ME);
            prop_assert_eq!(got, Ok(None));
        }

        #[test]
        fn mangled_events_never_panic(
            id in event_id(), who in sender(), text in body(), rel in relation(),
            picks in prop::collection::vec(any::<usize>(), 0..5),
            new in any_json(),
        ) {
            let mut e = room_message(&id, &who, &text, &rel);
            mangle(&mut e, &picks, new);
            // Whatever survives the mangling as a recorded message is a member's (not the
            // bot's) room message, with the ids the event carried.
            if let Ok(Some(Translated::Message { author, message_id, .. })) = translate(&e.to_string(), ME) {
                prop_assert_eq!(Some(author.id.as_str()), e["sender"].as_str());
                prop_assert_ne!(author.id.as_str(), ME);
                prop_assert_eq!(Some(message_id.as_str()), e["event_id"].as_str());
                prop_assert_eq!(e["type"].as_str(), Some("m.room.message"));
            }
        }
    }

    #[test]
    fn redactions_of_both_room_versions_name_the_event() {
        let v11 = json!({"type": "m.room.redaction", "event_id": "$x", "sender": "@a:localhost",
                         "origin_server_ts": 1, "content": {"redacts": "$target"}});
        let v1 = json!({"type": "m.room.redaction", "event_id": "$x", "sender": "@a:localhost",
                        "origin_server_ts": 1, "redacts": "$target", "content": {}});
        for e in [v11, v1] {
            assert_eq!(
                translate(&e.to_string(), ME),
                Ok(Some(Translated::Delete {
                    message_id: "$target".into()
                }))
            );
        }
    }

    /// An `m.reaction` by `who` on `on` with `key`.
    fn reaction(who: &str, on: &str, key: &str) -> Value {
        json!({"type": "m.reaction", "event_id": "$re", "sender": who, "origin_server_ts": 1,
               "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": on, "key": key}}})
    }

    #[test]
    fn a_raised_hand_reaction_raises_a_hand_and_other_reactions_are_nothing() {
        for key in [
            "✋",
            "✋\u{FE0F}",
            "✋🏾",
            "✋\u{FE0F}🏻",
            "🤚",
            "🙋",
            "🙋🏽\u{200D}\u{2640}\u{FE0F}",
        ] {
            assert_eq!(
                translate(&reaction("@bob:localhost", "$agenda", key).to_string(), ME),
                Ok(Some(Translated::HandReaction {
                    reaction_id: "$re".into(),
                    post_id: "$agenda".into(),
                    member: MemberKey::new(Platform::Matrix, "@bob:localhost"),
                })),
                "{key:?}"
            );
        }
        for key in ["👍", "👋", "🖐\u{FE0F}", "✋✋", "✋ please", ""] {
            assert_eq!(
                translate(&reaction("@bob:localhost", "$agenda", key).to_string(), ME),
                Ok(None),
                "{key:?}"
            );
        }
        // The bot's own reactions are not hands.
        assert_eq!(
            translate(&reaction(ME, "$agenda", "✋").to_string(), ME),
            Ok(None)
        );
        // A reaction that is not an annotation of an event does not parse as one.
        let broken = json!({"type": "m.reaction", "event_id": "$re", "sender": "@bob:localhost",
                            "origin_server_ts": 1, "content": {"m.relates_to": {"key": "✋"}}});
        assert_eq!(translate(&broken.to_string(), ME), Ok(None));
    }

    #[test]
    fn a_reply_fallback_is_not_part_of_the_reply() {
        let e = room_message(
            "$m",
            "@a:localhost",
            "> <@b:localhost> the excerpt\n\nI disagree.",
            &Relation::Reply("$post".into()),
        );
        assert_eq!(
            translate(&e.to_string(), ME),
            Ok(Some(Translated::Message {
                message_id: "$m".into(),
                author: MemberKey::new(Platform::Matrix, "@a:localhost"),
                text: "I disagree.".into(),
                thread_root: None,
                reply_to: Some("$post".into()),
            }))
        );
    }

    #[test]
    fn a_reply_fallback_before_a_command_is_dropped_and_a_lone_quote_kept() {
        let command = room_message(
            "$c",
            "@a:localhost",
            "> <@alice:localhost> sent a file.\n\n!cq reading import",
            &Relation::Reply("$file".into()),
        );
        assert_eq!(
            translate(&command.to_string(), ME),
            Ok(Some(Translated::Command {
                line: "reading import".into()
            }))
        );
        let quote = room_message(
            "$q",
            "@a:localhost",
            "> just a quote",
            &Relation::Reply("$p".into()),
        );
        assert!(matches!(
            translate(&quote.to_string(), ME),
            Ok(Some(Translated::Message { text, .. })) if text == "> just a quote"
        ));
    }

    #[test]
    fn a_members_own_quote_of_the_reading_is_kept() {
        // Element marks every ordinary thread message `is_falling_back`; the member's
        // quote of the passage is part of what they said.
        let body = "> the passage we read\n\nMy view: it overstates the case.";
        for rel in [
            Relation::Thread {
                root: "$root".into(),
                reply: None,
                falling_back: true,
            },
            Relation::Reply("$post".into()),
        ] {
            let e = room_message("$m", "@a:localhost", body, &rel);
            assert!(
                matches!(
                    translate(&e.to_string(), ME),
                    Ok(Some(Translated::Message { ref text, .. })) if text == body
                ),
                "{rel:?}"
            );
        }
    }

    #[test]
    fn text_that_is_not_an_event_is_an_error() {
        assert!(translate("not json", ME).is_err());
        assert!(translate("{}", "not a user id").is_err());
    }
}
