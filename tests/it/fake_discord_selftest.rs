//! Proves the fake Discord against a real serenity 0.12.5 client: gateway handshake, every
//! dispatched event kind, interaction answers, REST model, nonces, threads, reconnects,
//! failure injection.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::{
    ActionRowComponent, ButtonStyle, ChannelId, Client, ClientBuilder, CommandDataOptionValue,
    CommandInteraction, Context, CreateActionRow, CreateAttachment, CreateAutocompleteResponse,
    CreateButton, CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, CreatePoll, CreatePollAnswer,
    CreateThread, EditInteractionResponse, EventHandler, FullEvent, GatewayIntents, GetMessages,
    Guild, GuildChannel, GuildId, Http, HttpBuilder, InputTextStyle, Interaction, Message,
    MessageId, MessagePollVoteAddEvent, MessagePollVoteRemoveEvent, MessageUpdateEvent, Nonce,
    Ready, ResumedEvent, ShardManager,
};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::JoinHandle;

use crate::common::fake_discord::{
    FakeDiscord, FakeOptions, ReplyKind, ResumePolicy, SlashCommand,
};

const WAIT: Duration = Duration::from_secs(10);
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake png body";

/// Forwards every event the handler sees to the test.
struct Recorder(UnboundedSender<FullEvent>);

#[serenity::async_trait]
impl EventHandler for Recorder {
    async fn ready(&self, _: Context, data_about_bot: Ready) {
        let _ = self.0.send(FullEvent::Ready { data_about_bot });
    }
    async fn guild_create(&self, _: Context, guild: Guild, is_new: Option<bool>) {
        let _ = self.0.send(FullEvent::GuildCreate { guild, is_new });
    }
    async fn message(&self, _: Context, new_message: Message) {
        let _ = self.0.send(FullEvent::Message { new_message });
    }
    async fn message_update(
        &self,
        _: Context,
        old: Option<Message>,
        new: Option<Message>,
        event: MessageUpdateEvent,
    ) {
        let _ = self.0.send(FullEvent::MessageUpdate {
            old_if_available: old,
            new,
            event,
        });
    }
    async fn message_delete(
        &self,
        _: Context,
        channel_id: ChannelId,
        deleted_message_id: MessageId,
        guild_id: Option<GuildId>,
    ) {
        let _ = self.0.send(FullEvent::MessageDelete {
            channel_id,
            deleted_message_id,
            guild_id,
        });
    }
    async fn interaction_create(&self, _: Context, interaction: Interaction) {
        let _ = self.0.send(FullEvent::InteractionCreate { interaction });
    }
    async fn poll_vote_add(&self, _: Context, event: MessagePollVoteAddEvent) {
        let _ = self.0.send(FullEvent::MessagePollVoteAdd { event });
    }
    async fn poll_vote_remove(&self, _: Context, event: MessagePollVoteRemoveEvent) {
        let _ = self.0.send(FullEvent::MessagePollVoteRemove { event });
    }
    async fn thread_create(&self, _: Context, thread: GuildChannel) {
        let _ = self.0.send(FullEvent::ThreadCreate { thread });
    }
    async fn resume(&self, _: Context, event: ResumedEvent) {
        let _ = self.0.send(FullEvent::Resume { event });
    }
}

/// A real serenity client connected to the fake, built as the adapter will build it.
struct Bot {
    http: Arc<Http>,
    events: UnboundedReceiver<FullEvent>,
    shards: Arc<ShardManager>,
    task: JoinHandle<()>,
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Bot {
    async fn start(fake: &FakeDiscord) -> Bot {
        Bot::start_on(fake, None).await
    }

    /// `Some((shard, total))`: the client holds that one shard, as one process of several.
    async fn start_on(fake: &FakeDiscord, shard: Option<(u32, u32)>) -> Bot {
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("reqwest client");
        let http = HttpBuilder::new(fake.token())
            .proxy(fake.base_url())
            .ratelimiter_disabled(true)
            .client(client)
            .build();
        let intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::MESSAGE_CONTENT
            | GatewayIntents::GUILD_MESSAGE_POLLS;
        let (tx, events) = unbounded_channel();
        let mut client: Client = ClientBuilder::new_with_http(http, intents)
            .event_handler(Recorder(tx))
            .await
            .expect("serenity client");
        let http = client.http.clone();
        let shards = client.shard_manager.clone();
        let task = tokio::spawn(async move {
            let _ = match shard {
                Some((id, total)) => client.start_shard(id, total).await,
                None => client.start().await,
            };
        });
        Bot {
            http,
            events,
            shards,
            task,
        }
    }

    /// Starts and waits until READY and GUILD_CREATE reached the handler.
    async fn ready(fake: &FakeDiscord) -> Bot {
        let mut bot = Bot::start(fake).await;
        bot.next("GUILD_CREATE", |e| {
            matches!(e, FullEvent::GuildCreate { .. }).then_some(())
        })
        .await;
        bot
    }

    /// The next event for which `pick` returns `Some`, skipping others; fails after 10 s.
    async fn next<T>(&mut self, what: &str, mut pick: impl FnMut(FullEvent) -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            match tokio::time::timeout_at(deadline, self.events.recv()).await {
                Ok(Some(e)) => {
                    if let Some(t) = pick(e) {
                        return t;
                    }
                }
                Ok(None) => panic!("event handler gone while waiting for {what}"),
                Err(_) => panic!("no {what} reached the event handler within {WAIT:?}"),
            }
        }
    }

    async fn interaction(&mut self) -> Interaction {
        self.next("INTERACTION_CREATE", |e| match e {
            FullEvent::InteractionCreate { interaction } => Some(interaction),
            _ => None,
        })
        .await
    }

    async fn command(&mut self) -> CommandInteraction {
        match self.interaction().await {
            Interaction::Command(c) => c,
            other => panic!("expected a command interaction, got {other:?}"),
        }
    }

    async fn message(&mut self, content: &str) -> Message {
        self.next("MESSAGE_CREATE", |e| match e {
            FullEvent::Message { new_message } if new_message.content == content => {
                Some(new_message)
            }
            _ => None,
        })
        .await
    }
}

fn main_channel(fake: &FakeDiscord) -> ChannelId {
    ChannelId::new(fake.ids().channel_id)
}

#[tokio::test]
async fn fake_discord_ready_and_guild_create_reach_the_handler() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::start(&fake).await;
    let ids = fake.ids();
    let ready = bot
        .next("READY", |e| match e {
            FullEvent::Ready { data_about_bot } => Some(data_about_bot),
            _ => None,
        })
        .await;
    assert_eq!(ready.user.id.get(), ids.bot_user_id);
    assert_eq!(ready.application.id.get(), ids.application_id);
    let guild = bot
        .next("GUILD_CREATE", |e| match e {
            FullEvent::GuildCreate { guild, .. } => Some(guild),
            _ => None,
        })
        .await;
    assert_eq!(guild.id.get(), ids.guild_id);
    assert!(guild.channels.contains_key(&main_channel(&fake)));
    assert!(
        guild.members.contains_key(&ids.bot_user_id.into()),
        "the bot is a member"
    );
    let names: Vec<&str> = guild.roles.values().map(|r| r.name.as_str()).collect();
    assert!(
        names.contains(&"@everyone") && names.contains(&"Facilitator"),
        "{names:?}"
    );
    assert!(ids.guild_id.to_string().len() >= 18);
    let identify = fake
        .gateway_stats()
        .last_identify
        .expect("IDENTIFY recorded");
    assert_eq!(identify["token"], "Bot fake-bot-token");
    assert_eq!(fake.requests_matching("GET", "/gateway").len(), 1);
    // serenity asks the application id from READY, so HTTP calls that need it work at once.
    assert_eq!(
        bot.http.application_id().map(|a| a.get()),
        Some(ids.application_id)
    );
    bot.shards.shutdown_all().await;
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_user_messages_create_update_delete() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let alice = fake.facilitator("alice");
    let first = fake.user_message(&alice, "first").send();
    let att = fake.add_attachment("notes.txt", b"chapter one", "text/plain");
    let reply = fake
        .user_message(&alice, "a reply")
        .reply_to(first)
        .attach(att)
        .send();

    let m = bot.message("first").await;
    assert_eq!(m.id.get(), first);
    assert_eq!(m.author.id.get(), alice.id);
    assert_eq!(m.guild_id.map(|g| g.get()), Some(fake.ids().guild_id));
    assert!(m.member.as_ref().is_some_and(|mem| {
        mem.roles
            .iter()
            .any(|r| r.get() == fake.ids().facilitator_role_id)
    }));
    let r = bot.message("a reply").await;
    assert_eq!(r.id.get(), reply);
    assert_eq!(
        r.referenced_message.as_ref().map(|m| m.id.get()),
        Some(first)
    );
    assert_eq!(
        r.message_reference
            .as_ref()
            .and_then(|m| m.message_id)
            .map(|m| m.get()),
        Some(first)
    );
    assert_eq!(r.attachments.len(), 1);
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("reqwest");
    let bytes = client
        .get(&r.attachments[0].url)
        .send()
        .await
        .expect("download")
        .bytes()
        .await
        .expect("bytes");
    assert_eq!(&bytes[..], b"chapter one");

    fake.edit_user_message(first, "first, edited");
    let ev = bot
        .next("MESSAGE_UPDATE", |e| match e {
            FullEvent::MessageUpdate { event, .. } => Some(event),
            _ => None,
        })
        .await;
    assert_eq!(ev.id.get(), first);
    assert_eq!(ev.content.as_deref(), Some("first, edited"));

    fake.delete_user_message(fake.ids().channel_id, reply);
    let (channel, deleted) = bot
        .next("MESSAGE_DELETE", |e| match e {
            FullEvent::MessageDelete {
                channel_id,
                deleted_message_id,
                ..
            } => Some((channel_id, deleted_message_id)),
            _ => None,
        })
        .await;
    assert_eq!((channel, deleted.get()), (main_channel(&fake), reply));
    assert_eq!(fake.messages_in(fake.ids().channel_id).len(), 1);
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_slash_command_response_followup_and_edit() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let admin = fake.admin("ada");
    let att = fake.add_attachment("reading.pdf", b"%PDF-1.7", "application/pdf");
    let i = fake.slash(
        &admin,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Stories teach")
            .int("minutes", 10)
            .attachment("source", att),
    );
    let cmd = bot.command().await;
    assert_eq!(cmd.data.name, "poll");
    assert_eq!(cmd.id.get(), i.id);
    assert_eq!(cmd.token, i.token);
    let CommandDataOptionValue::SubCommand(opts) = &cmd.data.options[0].value else {
        panic!("no subcommand in {:?}", cmd.data.options)
    };
    assert_eq!(cmd.data.options[0].name, "create");
    assert_eq!(opts[0].value.as_str(), Some("Stories teach"));
    assert_eq!(opts[1].value.as_i64(), Some(10));
    let resolved = cmd
        .data
        .resolved
        .attachments
        .values()
        .next()
        .expect("resolved attachment");
    assert_eq!(resolved.filename, "reading.pdf");
    let member = cmd.member.as_ref().expect("member");
    assert!(
        member.permissions.is_some_and(|p| p.manage_guild()),
        "admin has MANAGE_GUILD"
    );

    let buttons = CreateActionRow::Buttons(vec![
        CreateButton::new("vote:yes")
            .label("Yes")
            .style(ButtonStyle::Success),
    ]);
    let response = CreateInteractionResponseMessage::new()
        .content("Poll created")
        .ephemeral(true)
        .components(vec![buttons])
        .add_file(CreateAttachment::bytes(PNG, "chart.png"));
    cmd.create_response(&bot.http, CreateInteractionResponse::Message(response))
        .await
        .expect("create_response");
    let reply = fake.wait_for_interaction_response(&i.token, WAIT).await;
    assert_eq!(reply.callback_type(), Some(4));
    assert_eq!(reply.content.as_deref(), Some("Poll created"));
    assert!(reply.ephemeral);
    assert_eq!(reply.components.len(), 1);
    assert!(
        reply
            .files
            .iter()
            .any(|f| f.filename == "chart.png" && f.is_png())
    );

    let original = cmd.get_response(&bot.http).await.expect("get original");
    assert_eq!(original.content, "Poll created");
    assert_eq!(original.attachments[0].filename, "chart.png");
    let edited = cmd
        .edit_response(
            &bot.http,
            EditInteractionResponse::new().content("Poll open"),
        )
        .await
        .expect("edit");
    assert_eq!(edited.content, "Poll open");
    let followup = cmd
        .create_followup(
            &bot.http,
            CreateInteractionResponseFollowup::new()
                .content("Only you see this")
                .ephemeral(true),
        )
        .await
        .expect("followup");
    assert!(followup.flags.is_some_and(|f| f.bits() & 64 != 0));
    let kinds: Vec<ReplyKind> = fake
        .interaction_responses(&i.token)
        .into_iter()
        .map(|r| r.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            ReplyKind::Callback(4),
            ReplyKind::EditOriginal,
            ReplyKind::Followup
        ]
    );
    let err = cmd
        .create_response(&bot.http, CreateInteractionResponse::Acknowledge)
        .await
        .expect_err("a second callback is refused");
    assert!(format!("{err:?}").contains("40060"), "{err:?}");
    assert!(
        fake.messages_in(fake.ids().channel_id).is_empty(),
        "ephemeral replies are not in the channel"
    );
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_deferred_response_is_replaced_by_first_followup() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let bob = fake.member("bob");
    let i = fake.slash(&bob, SlashCommand::new("summary"));
    let cmd = bot.command().await;
    cmd.defer(&bot.http).await.expect("defer");
    let thinking = bot
        .next("deferred message", |e| match e {
            FullEvent::Message { new_message } if new_message.interaction_metadata.is_some() => {
                Some(new_message)
            }
            _ => None,
        })
        .await;
    let m = cmd
        .create_followup(
            &bot.http,
            CreateInteractionResponseFollowup::new().content("Here is the summary"),
        )
        .await
        .expect("followup");
    assert_eq!(
        m.id, thinking.id,
        "the first follow-up edits the thinking message"
    );
    let replies = fake.interaction_responses(&i.token);
    assert_eq!(replies[0].callback_type(), Some(5));
    let stored = fake.message(m.id.get()).expect("stored");
    assert_eq!(stored.content, "Here is the summary");
    assert_eq!(fake.messages_in(fake.ids().channel_id).len(), 1);
}

#[tokio::test]
async fn fake_discord_button_click_and_update_message() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let carol = fake.member("carol");
    let row = CreateActionRow::Buttons(vec![CreateButton::new("agree:1").label("Agree")]);
    let posted = main_channel(&fake)
        .send_message(
            &bot.http,
            CreateMessage::new()
                .content("Do you agree?")
                .components(vec![row]),
        )
        .await
        .expect("send");
    let i = fake.click(&carol, posted.id.get(), "agree:1");
    let Interaction::Component(c) = bot.interaction().await else {
        panic!("expected a component interaction")
    };
    assert_eq!(c.data.custom_id, "agree:1");
    assert_eq!(c.message.id, posted.id);
    assert_eq!(c.user.id.get(), carol.id);
    let update = CreateInteractionResponseMessage::new().content("1 agrees");
    c.create_response(&bot.http, CreateInteractionResponse::UpdateMessage(update))
        .await
        .expect("update");
    let ev = bot
        .next("MESSAGE_UPDATE", |e| match e {
            FullEvent::MessageUpdate { event, .. } => Some(event),
            _ => None,
        })
        .await;
    assert_eq!(ev.content.as_deref(), Some("1 agrees"));
    assert_eq!(
        fake.interaction_responses(&i.token)[0].callback_type(),
        Some(7)
    );
    assert_eq!(
        fake.message(posted.id.get()).expect("stored").content,
        "1 agrees"
    );
}

#[tokio::test]
async fn fake_discord_modal_and_autocomplete() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let dan = fake.member("dan");
    let i = fake.slash(&dan, SlashCommand::new("ask"));
    let cmd = bot.command().await;
    let input = CreateInputText::new(InputTextStyle::Paragraph, "Your question", "question");
    let modal =
        CreateModal::new("ask-modal", "Ask").components(vec![CreateActionRow::InputText(input)]);
    cmd.create_response(&bot.http, CreateInteractionResponse::Modal(modal))
        .await
        .expect("modal");
    let shown = fake.wait_for_interaction_response(&i.token, WAIT).await;
    assert_eq!(shown.callback_type(), Some(9));
    assert_eq!(shown.data["custom_id"], "ask-modal");

    let s = fake.submit_modal(&dan, "ask-modal", &[("question", "Why stories?")], None);
    let Interaction::Modal(m) = bot.interaction().await else {
        panic!("expected a modal submit")
    };
    assert_eq!(m.data.custom_id, "ask-modal");
    let ActionRowComponent::InputText(t) = &m.data.components[0].components[0] else {
        panic!("no text input")
    };
    assert_eq!(
        (t.custom_id.as_str(), t.value.as_deref()),
        ("question", Some("Why stories?"))
    );
    let ok = CreateInteractionResponseMessage::new()
        .content("Thanks")
        .ephemeral(true);
    m.create_response(&bot.http, CreateInteractionResponse::Message(ok))
        .await
        .expect("modal reply");
    assert!(
        fake.wait_for_interaction_response(&s.token, WAIT)
            .await
            .ephemeral
    );

    let a = fake.autocomplete(
        &dan,
        SlashCommand::new("poll")
            .sub("close")
            .focused("poll", "Sto"),
    );
    let Interaction::Autocomplete(ac) = bot.interaction().await else {
        panic!("expected autocomplete")
    };
    assert_eq!(
        ac.data.autocomplete().map(|f| f.value.to_string()),
        Some("Sto".into())
    );
    let choices = CreateAutocompleteResponse::new().add_string_choice("Stories teach", "p1");
    ac.create_response(&bot.http, CreateInteractionResponse::Autocomplete(choices))
        .await
        .expect("choices");
    let r = fake.wait_for_interaction_response(&a.token, WAIT).await;
    assert_eq!(r.callback_type(), Some(8));
    assert_eq!(r.choices()[0]["value"], "p1");
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_native_poll_votes_and_expiry() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let erin = fake.member("erin");
    let poll = CreatePoll::new()
        .question("Do stories teach?")
        .answers(vec![
            CreatePollAnswer::new().text("Yes"),
            CreatePollAnswer::new().text("No"),
        ])
        .duration(Duration::from_secs(3600));
    let posted = main_channel(&fake)
        .send_message(&bot.http, CreateMessage::new().poll(poll))
        .await
        .expect("poll");
    let p = posted.poll.as_ref().expect("poll on message");
    assert_eq!(p.answers.len(), 2);
    assert_eq!(p.answers[1].answer_id.get(), 2);

    fake.vote_add(&erin, posted.id.get(), 1);
    let v = bot
        .next("MESSAGE_POLL_VOTE_ADD", |e| match e {
            FullEvent::MessagePollVoteAdd { event } => Some(event),
            _ => None,
        })
        .await;
    assert_eq!(
        (v.user_id.get(), v.message_id, v.answer_id.get()),
        (erin.id, posted.id, 1)
    );
    let voters = bot
        .http
        .get_poll_answer_voters(main_channel(&fake), posted.id, v.answer_id, None, None)
        .await
        .expect("voters");
    assert_eq!(
        voters.iter().map(|u| u.id.get()).collect::<Vec<_>>(),
        vec![erin.id]
    );
    fake.vote_remove(&erin, posted.id.get(), 1);
    bot.next("MESSAGE_POLL_VOTE_REMOVE", |e| {
        matches!(e, FullEvent::MessagePollVoteRemove { .. }).then_some(())
    })
    .await;
    fake.vote_add(&erin, posted.id.get(), 2);
    let ended = posted.end_poll(&bot.http).await.expect("end poll");
    let results = ended.poll.and_then(|p| p.results).expect("results");
    assert!(results.is_finalized);
    assert_eq!(
        results
            .answer_counts
            .iter()
            .map(|c| (c.id.get(), c.count))
            .collect::<Vec<_>>(),
        vec![(2, 1)]
    );
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_enforced_nonce_yields_one_message() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let send = || {
        let builder = CreateMessage::new()
            .content("Session 3 starts now")
            .nonce(Nonce::String("session-3".into()))
            .enforce_nonce(true);
        main_channel(&fake).send_message(&bot.http, builder)
    };
    let a = send().await.expect("first send");
    let b = send().await.expect("second send");
    assert_eq!(a.id, b.id);
    assert_eq!(fake.messages_in(fake.ids().channel_id).len(), 1);
    assert_eq!(fake.requests_matching("POST", "/channels/").len(), 2);
    // The bot's own message comes back over the gateway, once.
    bot.message("Session 3 starts now").await;
    main_channel(&fake)
        .say(&bot.http, "marker")
        .await
        .expect("marker");
    let mut copies = 0;
    bot.next("marker", |e| match e {
        FullEvent::Message { new_message } if new_message.content == "Session 3 starts now" => {
            copies += 1;
            None
        }
        FullEvent::Message { new_message } if new_message.content == "marker" => Some(()),
        _ => None,
    })
    .await;
    assert_eq!(
        copies, 0,
        "MESSAGE_CREATE was dispatched for the de-duplicated send"
    );
}

#[tokio::test]
async fn fake_discord_thread_start_and_messages_in_thread() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let fran = fake.member("fran");
    let channel = main_channel(&fake);
    let starter = channel
        .say(&bot.http, "Chapter 1 discussion")
        .await
        .expect("starter");
    let thread = channel
        .create_thread_from_message(&bot.http, starter.id, CreateThread::new("Chapter 1"))
        .await
        .expect("thread");
    assert_eq!(
        thread.id.get(),
        starter.id.get(),
        "thread id equals message id"
    );
    assert_eq!(thread.parent_id, Some(channel));
    let created = bot
        .next("THREAD_CREATE", |e| match e {
            FullEvent::ThreadCreate { thread } => Some(thread),
            _ => None,
        })
        .await;
    assert_eq!(created.id, thread.id);
    let err = channel
        .create_thread_from_message(&bot.http, starter.id, CreateThread::new("again"))
        .await
        .expect_err("second thread on the same message");
    match err {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) => {
            assert_eq!((r.status_code.as_u16(), r.error.code), (400, 160004));
        }
        other => panic!("unexpected error {other:?}"),
    }
    thread
        .id
        .say(&bot.http, "First question")
        .await
        .expect("post in thread");
    fake.user_message(&fran, "My answer")
        .channel(thread.id.get())
        .send();
    let m = bot.message("My answer").await;
    assert_eq!(m.channel_id, thread.id);
    let stored = fake.messages_in(thread.id.get());
    assert_eq!(
        stored
            .iter()
            .map(|m| m.content.as_str())
            .collect::<Vec<_>>(),
        vec!["First question", "My answer"]
    );
    let fetched = bot
        .http
        .get_channel(thread.id)
        .await
        .expect("get thread")
        .guild()
        .expect("guild channel");
    assert_eq!(fetched.message_count, Some(2));
    let user_thread = fake.user_thread(&fran, channel.get(), "Side talk", None);
    let t = bot
        .next("THREAD_CREATE", |e| match e {
            FullEvent::ThreadCreate { thread } => Some(thread),
            _ => None,
        })
        .await;
    assert_eq!(t.id.get(), user_thread);
    assert_eq!(fake.threads().len(), 2);
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_drop_connection_resumes_and_replays() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::ready(&fake).await;
    let gus = fake.member("gus");
    fake.drop_connection();
    // Dispatched while the client is away: it must arrive after RESUME (replay).
    fake.user_message(&gus, "while you were away").send();
    bot.message("while you were away").await;
    bot.next("RESUMED", |e| {
        matches!(e, FullEvent::Resume { .. }).then_some(())
    })
    .await;
    let stats = fake.wait_until_ready(WAIT).await;
    assert_eq!(
        (stats.identifies, stats.resumes, stats.connections),
        (1, 1, 2)
    );
    fake.user_message(&gus, "after the resume").send();
    bot.message("after the resume").await;
}

#[tokio::test]
async fn fake_discord_invalid_session_forces_reidentify() {
    let fake = FakeDiscord::start_with(FakeOptions {
        resume_policy: ResumePolicy::InvalidSession,
        ..FakeOptions::default()
    })
    .await;
    let mut bot = Bot::ready(&fake).await;
    let hal = fake.member("hal");
    fake.drop_connection();
    let stats = fake
        .wait_for_gateway("a second IDENTIFY", Duration::from_secs(20), |s| {
            s.identifies == 2 && s.live
        })
        .await;
    assert_eq!(stats.rejected_resumes, 1);
    bot.next("second READY", |e| {
        matches!(e, FullEvent::Ready { .. }).then_some(())
    })
    .await;
    fake.user_message(&hal, "new session").send();
    bot.message("new session").await;
}

#[tokio::test]
async fn fake_discord_heartbeats_are_acknowledged() {
    let fake = FakeDiscord::start_with(FakeOptions {
        heartbeat_interval: Duration::from_millis(200),
        ..FakeOptions::default()
    })
    .await;
    let _bot = Bot::ready(&fake).await;
    let stats = fake
        .wait_for_gateway("three heartbeats", WAIT, |s| s.heartbeats >= 3)
        .await;
    assert_eq!(
        stats.connections, 1,
        "an unacknowledged heartbeat would have made serenity reconnect"
    );
}

#[tokio::test]
async fn fake_discord_rest_model_listing_files_and_failures() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::ready(&fake).await;
    let channel = main_channel(&fake);
    let mut ids = vec![];
    for n in 1..=3 {
        ids.push(
            channel
                .say(&bot.http, format!("m{n}"))
                .await
                .expect("say")
                .id,
        );
    }
    let newest = channel
        .messages(&bot.http, GetMessages::new().limit(2))
        .await
        .expect("list");
    assert_eq!(
        newest
            .iter()
            .map(|m| m.content.as_str())
            .collect::<Vec<_>>(),
        vec!["m3", "m2"]
    );
    let after = channel
        .messages(&bot.http, GetMessages::new().after(ids[0]))
        .await
        .expect("list after");
    assert_eq!(
        after.iter().map(|m| m.content.as_str()).collect::<Vec<_>>(),
        vec!["m3", "m2"]
    );
    let one = channel.message(&bot.http, ids[1]).await.expect("get one");
    assert_eq!(one.content, "m2");
    let listing = fake
        .requests_matching("GET", &format!("/channels/{channel}/messages"))
        .remove(0);
    assert_eq!(listing.query_param("limit").as_deref(), Some("2"));

    let sent = channel
        .send_message(
            &bot.http,
            CreateMessage::new()
                .content("chart")
                .add_file(CreateAttachment::bytes(PNG, "chart.png")),
        )
        .await
        .expect("upload");
    let files = fake.message_files(sent.id.get());
    assert!(
        files[0].is_png() && files[0].field == "files[0]",
        "{files:?}"
    );
    let req = fake
        .wait_for_request(
            |r| r.is("POST", "/channels/") && !r.files().is_empty(),
            WAIT,
        )
        .await;
    assert_eq!(
        req.json().and_then(|j| j["content"].as_str()),
        Some("chart")
    );

    fake.fail_next("POST", "/channels/", 503, 1);
    let err = channel
        .say(&bot.http, "flaky")
        .await
        .expect_err("injected 503");
    assert!(format!("{err:?}").contains("503"), "{err:?}");
    channel
        .say(&bot.http, "flaky")
        .await
        .expect("second try succeeds");
    fake.delay_next("GET", "/channels/", Duration::from_millis(300), 1);
    let started = Instant::now();
    channel
        .message(&bot.http, ids[0])
        .await
        .expect("delayed get");
    assert!(started.elapsed() >= Duration::from_millis(300));

    let empty = channel.send_message(&bot.http, CreateMessage::new()).await;
    assert!(format!("{empty:?}").contains("50006"), "{empty:?}");

    let ids = fake.ids();
    let guild = GuildId::new(ids.guild_id);
    let g = bot.http.get_guild(guild).await.expect("get guild");
    assert_eq!(g.roles.len(), 4);
    let member = fake.facilitator("jo");
    let m = bot
        .http
        .get_member(guild, member.id.into())
        .await
        .expect("get member");
    assert_eq!(
        m.roles.iter().map(|r| r.get()).collect::<Vec<_>>(),
        vec![ids.facilitator_role_id]
    );
    assert_eq!(
        bot.http.get_guild_roles(guild).await.expect("roles").len(),
        4
    );
    assert_eq!(
        bot.http.get_channels(guild).await.expect("channels").len(),
        1
    );
    let me = bot.http.get_current_user().await.expect("current user");
    assert_eq!(me.id.get(), ids.bot_user_id);
    fake.assert_no_unknown_routes();
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("reqwest");
    let status = client
        .get(format!("{}/api/v10/nope", fake.base_url()))
        .send()
        .await
        .expect("get")
        .status();
    assert_eq!(status.as_u16(), 404);
    assert_eq!(fake.unknown_routes()[0].path, "/nope");
}

type PoiseError = Box<dyn std::error::Error + Send + Sync>;
type PoiseCtx<'a> = poise::Context<'a, (), PoiseError>;

/// Polls for the reading group.
#[poise::command(slash_command, subcommands("poise_create"))]
async fn poll(_ctx: PoiseCtx<'_>) -> Result<(), PoiseError> {
    Ok(())
}

/// Create a poll.
#[poise::command(slash_command, rename = "create")]
async fn poise_create(
    ctx: PoiseCtx<'_>,
    #[description = "The claim to vote on"] claim: String,
    #[description = "How long it stays open"] minutes: Option<i64>,
) -> Result<(), PoiseError> {
    ctx.defer().await?;
    ctx.say(format!("claim={claim} minutes={minutes:?}"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn fake_discord_poise_registers_and_runs_a_subcommand() {
    let fake = FakeDiscord::start().await;
    let guild = GuildId::new(fake.ids().guild_id);
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![poll()],
            ..Default::default()
        })
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_in_guild(ctx, &framework.options().commands, guild)
                    .await?;
                Ok(())
            })
        })
        .build();
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("reqwest client");
    let http = HttpBuilder::new(fake.token())
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .client(client)
        .build();
    let mut client = ClientBuilder::new_with_http(
        http,
        GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES,
    )
    .framework(framework)
    .await
    .expect("poise client");
    let task = tokio::spawn(async move {
        let _ = client.start().await;
    });
    let put = fake
        .wait_for_request(
            |r| {
                r.is(
                    "PUT",
                    &format!("/applications/{}/guilds/", fake.ids().application_id),
                )
            },
            WAIT,
        )
        .await;
    let registered = put
        .json()
        .and_then(|j| j.as_array().cloned())
        .expect("command list");
    assert_eq!(registered[0]["name"], "poll");
    assert_eq!(registered[0]["options"][0]["name"], "create");
    assert_eq!(registered[0]["options"][0]["type"], 1);
    let startup: Vec<String> = fake
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert!(
        startup.contains(&"GET /oauth2/applications/@me".to_string()),
        "{startup:?}"
    );

    let ivy = fake.member("ivy");
    let i = fake.slash(
        &ivy,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Stories teach")
            .int("minutes", 10),
    );
    let replies = fake.wait_for_interaction_responses(&i.token, 2, WAIT).await;
    assert_eq!(replies[0].callback_type(), Some(5));
    assert_eq!(replies[1].kind, ReplyKind::Followup);
    assert_eq!(
        replies[1].content.as_deref(),
        Some("claim=Stories teach minutes=Some(10)")
    );
    task.abort();
    fake.assert_no_unknown_routes();
}

#[tokio::test]
async fn fake_discord_late_interaction_callback_is_unknown() {
    let options = FakeOptions {
        interaction_deadline: Duration::from_millis(200),
        ..FakeOptions::default()
    };
    let fake = FakeDiscord::start_with(options).await;
    let mut bot = Bot::ready(&fake).await;
    let kim = fake.member("kim");
    let i = fake.slash(&kim, SlashCommand::new("summary"));
    let cmd = bot.command().await;
    fake.delay_next("POST", "/interactions/", Duration::from_millis(300), 1);
    let late = CreateInteractionResponseMessage::new().content("too late");
    let err = cmd
        .create_response(&bot.http, CreateInteractionResponse::Message(late))
        .await
        .expect_err("a callback after the deadline fails");
    assert!(format!("{err:?}").contains("10062"), "{err:?}");
    assert!(fake.interaction_responses(&i.token).is_empty());
}

/// What one sharded client was sent, by channel.
fn messages_in(seen: &[Message], channel: u64) -> Vec<String> {
    seen.iter()
        .filter(|m| m.channel_id.get() == channel)
        .map(|m| m.content.clone())
        .collect()
}

impl Bot {
    /// Collects MESSAGE_CREATEs until one with `content` arrives.
    async fn messages_until(&mut self, content: &str, seen: &mut Vec<Message>) {
        let content = content.to_string();
        self.next(&format!("the message {content:?}"), |e| match e {
            FullEvent::Message { new_message } => {
                let done = new_message.content == content;
                seen.push(new_message);
                done.then_some(())
            }
            _ => None,
        })
        .await;
    }
}

#[tokio::test]
async fn fake_discord_routes_each_guild_to_its_shard_and_direct_messages_to_shard_0() {
    let fake = FakeDiscord::start_with(FakeOptions {
        recommended_shards: 2,
        ..FakeOptions::default()
    })
    .await;
    let ids = fake.ids();
    let g0 = fake.add_guild(0, 2, "seminar-zero");
    let g1 = fake.add_guild(1, 2, "seminar-one");
    assert_eq!(((g0.guild_id >> 22) % 2, (g1.guild_id >> 22) % 2), (0, 1));
    let first_shard = ((ids.guild_id >> 22) % 2) as u32;
    let alice = fake.facilitator("alice");

    let mut zero = Bot::start_on(&fake, Some((0, 2))).await;
    let mut one = Bot::start_on(&fake, Some((1, 2))).await;
    // Each READY names its shard and only that shard's guilds; each GUILD_CREATE is of one.
    for (bot, shard, mine) in [(&mut zero, 0u32, g0.guild_id), (&mut one, 1, g1.guild_id)] {
        let ready = bot
            .next("READY", |e| match e {
                FullEvent::Ready { data_about_bot } => Some(data_about_bot),
                _ => None,
            })
            .await;
        let info = ready.shard.expect("READY names the shard");
        assert_eq!((info.id.0, info.total), (shard, 2));
        let mut expected = vec![mine];
        if first_shard == shard {
            expected.push(ids.guild_id);
        }
        expected.sort_unstable();
        let mut named: Vec<u64> = ready.guilds.iter().map(|g| g.id.get()).collect();
        named.sort_unstable();
        assert_eq!(named, expected, "shard {shard}'s READY");
        let mut created = Vec::new();
        for _ in 0..expected.len() {
            let g = bot
                .next("GUILD_CREATE", |e| match e {
                    FullEvent::GuildCreate { guild, .. } => Some(guild),
                    _ => None,
                })
                .await;
            created.push(g.id.get());
        }
        created.sort_unstable();
        assert_eq!(created, expected, "shard {shard}'s GUILD_CREATEs");
    }
    let stats = fake.gateway_stats();
    assert_eq!(stats.shards.len(), 2, "{stats:?}");
    assert!(stats.shards.values().all(|s| s.live && s.total == 2));

    // Messages: each guild's go to its shard alone; a direct message goes to shard 0.
    fake.user_message(&alice, "in guild zero")
        .channel(g0.channel_id)
        .send();
    fake.user_message(&alice, "in guild one")
        .channel(g1.channel_id)
        .send();
    let dm = fake.dm_channel(&alice);
    fake.user_message(&alice, "a direct message")
        .channel(dm)
        .send();
    fake.user_message(&alice, "zero done")
        .channel(g0.channel_id)
        .send();
    fake.user_message(&alice, "one done")
        .channel(g1.channel_id)
        .send();
    let (mut seen0, mut seen1) = (Vec::new(), Vec::new());
    zero.messages_until("zero done", &mut seen0).await;
    one.messages_until("one done", &mut seen1).await;
    assert_eq!(
        messages_in(&seen0, g0.channel_id),
        ["in guild zero", "zero done"]
    );
    assert_eq!(messages_in(&seen0, dm), ["a direct message"]);
    assert!(messages_in(&seen0, g1.channel_id).is_empty(), "{seen0:?}");
    assert_eq!(
        messages_in(&seen1, g1.channel_id),
        ["in guild one", "one done"]
    );
    assert!(
        messages_in(&seen1, g0.channel_id).is_empty() && messages_in(&seen1, dm).is_empty(),
        "shard 1 got another shard's events: {seen1:?}"
    );
    let in_guild_zero = seen0.iter().find(|m| m.channel_id.get() == g0.channel_id);
    assert_eq!(
        in_guild_zero.and_then(|m| m.guild_id).map(|g| g.get()),
        Some(g0.guild_id)
    );

    // An interaction in guild one reaches shard 1 only.
    let i = fake.slash_in(g1.channel_id, &alice, SlashCommand::new("ping"));
    let got = one.command().await;
    assert_eq!(got.id.get(), i.id);
    assert_eq!(got.guild_id.map(|g| g.get()), Some(g1.guild_id));
    fake.user_message(&alice, "zero after")
        .channel(g0.channel_id)
        .send();
    let mut later = Vec::new();
    zero.next("the marker after the interaction", |e| match e {
        FullEvent::InteractionCreate { .. } => panic!("shard 0 got guild one's interaction"),
        FullEvent::Message { new_message } => {
            let done = new_message.content == "zero after";
            later.push(new_message);
            done.then_some(())
        }
        _ => None,
    })
    .await;
    let stats = fake.gateway_stats();
    assert_eq!(
        stats.shards[&1].dispatched.get("INTERACTION_CREATE"),
        Some(&1)
    );
    assert_eq!(stats.shards[&0].dispatched.get("INTERACTION_CREATE"), None);
    assert_eq!(stats.shards[&0].dispatched.get("MESSAGE_CREATE"), Some(&4));
    assert_eq!(stats.shards[&1].dispatched.get("MESSAGE_CREATE"), Some(&2));

    // GET /gateway/bot recommends the configured shard count.
    let gateway = zero.http.get_bot_gateway().await.expect("GET /gateway/bot");
    assert_eq!(gateway.shards, 2);

    // Shard 1's connection drops: its events wait in its own session (replayed on RESUME),
    // and shard 0 goes on unaffected.
    fake.drop_shard(1);
    fake.user_message(&alice, "while one was away")
        .channel(g1.channel_id)
        .send();
    fake.user_message(&alice, "zero still here")
        .channel(g0.channel_id)
        .send();
    zero.messages_until("zero still here", &mut Vec::new())
        .await;
    one.messages_until("while one was away", &mut Vec::new())
        .await;
    assert!(fake.gateway_stats().resumes >= 1);

    zero.shards.shutdown_all().await;
    one.shards.shutdown_all().await;
    fake.assert_no_unknown_routes();
}

/// An IDENTIFY for a shard that cannot exist is closed with 4010, as Discord does.
#[tokio::test]
async fn fake_discord_refuses_an_impossible_shard() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message as Ws;
    let fake = FakeDiscord::start().await;
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("{}?v=10", fake.gateway_url()))
        .await
        .expect("connect to the fake gateway");
    let hello = ws.next().await.expect("HELLO").expect("HELLO frame");
    assert!(
        hello
            .to_text()
            .unwrap_or_default()
            .contains("heartbeat_interval")
    );
    let identify = serde_json::json!({"op": 2, "d": {"token": "Bot x", "intents": 0,
        "properties": {}, "shard": [2, 2]}});
    ws.send(Ws::text(identify.to_string()))
        .await
        .expect("send IDENTIFY");
    let close = tokio::time::timeout(WAIT, ws.next())
        .await
        .expect("an answer");
    match close {
        Some(Ok(Ws::Close(Some(frame)))) => assert_eq!(u16::from(frame.code), 4010),
        other => panic!("expected close 4010, got {other:?}"),
    }
    assert_eq!(fake.gateway_stats().invalid_shards, 1);
    assert_eq!(fake.gateway_stats().identifies, 0);
}

/// Voice states reach only a session that asked for them (GUILD_VOICE_STATES), in
/// GUILD_CREATE and as VOICE_STATE_UPDATE; without the intent Discord sends neither.
#[tokio::test]
async fn fake_discord_sends_voice_states_only_with_their_intent() {
    use crate::common::fake_discord::GUILD_VOICE_STATES;
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message as Ws;
    let fake = FakeDiscord::start().await;
    let room = fake.add_voice_channel("Seminar Voice");
    let eve = fake.member("eve");
    fake.voice_join(&eve, room);
    for intents in [0, GUILD_VOICE_STATES] {
        let (mut ws, _) = tokio_tungstenite::connect_async(format!("{}?v=10", fake.gateway_url()))
            .await
            .expect("connect to the fake gateway");
        let _hello = ws.next().await.expect("HELLO").expect("HELLO frame");
        let identify = serde_json::json!({"op": 2, "d": {"token": "Bot x", "intents": intents,
            "properties": {}}});
        ws.send(Ws::text(identify.to_string()))
            .await
            .expect("send IDENTIFY");
        let mut next = async || -> serde_json::Value {
            loop {
                let frame = tokio::time::timeout(WAIT, ws.next())
                    .await
                    .expect("a frame")
                    .expect("the socket open")
                    .expect("a frame");
                if let Ok(v) =
                    serde_json::from_str::<serde_json::Value>(frame.to_text().unwrap_or(""))
                    && v["op"] == 0
                {
                    return v;
                }
            }
        };
        assert_eq!(next().await["t"], "READY");
        let guild = next().await;
        assert_eq!(guild["t"], "GUILD_CREATE");
        let states = guild["d"]["voice_states"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let withheld = fake
            .gateway_stats()
            .withheld
            .get("VOICE_STATE_UPDATE")
            .copied()
            .unwrap_or(0);
        fake.voice_leave(&eve);
        fake.voice_join(&eve, room);
        // A marker that every session gets, to know the voice states were not just late.
        let marker = fake.add_text_channel("marker").to_string();
        let mut seen = Vec::new();
        loop {
            let e = next().await;
            if e["t"] == "CHANNEL_CREATE" && e["d"]["id"] == marker {
                break;
            }
            if e["t"] != "CHANNEL_CREATE" {
                seen.push(e["t"].as_str().unwrap_or_default().to_string());
            }
        }
        let after = fake
            .gateway_stats()
            .withheld
            .get("VOICE_STATE_UPDATE")
            .copied()
            .unwrap_or(0);
        if intents == 0 {
            assert!(states.is_empty(), "{states:?}");
            assert!(seen.is_empty(), "{seen:?}");
            assert_eq!(after - withheld, 2);
        } else {
            assert_eq!(states.len(), 1, "eve is in voice: {guild}");
            assert_eq!(states[0]["channel_id"], room.to_string());
            assert!(
                states[0].get("guild_id").is_none(),
                "GUILD_CREATE's voice states lack guild_id"
            );
            assert_eq!(seen, ["VOICE_STATE_UPDATE", "VOICE_STATE_UPDATE"]);
            assert_eq!(after, withheld);
        }
        let _ = ws.close(None).await;
    }
}
