//! A test-side Matrix room member: a real matrix-sdk client (own sqlite store, so E2EE works) that
//! logs in to the test Synapse (`COLLOQUY_TEST_HOMESERVER`, started by `scripts/test`), keeps
//! syncing in the background, acts in rooms and waits (on sync, never on sleeps) for events.
//!
//! Users are `colloquy` (the bot), `alice`, `bob`, `carol` and `dave`, on server `localhost`, with
//! password `<name>-pass` (registered by `scripts/synapse.sh`). Each `Member` is a new device,
//! logged out again when it is dropped. Every helper panics with a
//! message naming the member and the action when something fails, so tests read linearly:
//!
//! ```ignore
//! let alice = Member::login("alice").await;
//! let bob = Member::login("bob").await;
//! let room = alice.create_room("club", true, &[&bob.user_id]).await;
//! bob.join(&room).await;
//! alice.wait_until_joined(&room, &bob.user_id, WAIT).await;
//! alice.send_text(&room, "hello").await;
//! let ev = bob.wait_for_event(&room, WAIT, |e| body(e) == Some("hello")).await;
//! ```

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use matrix_sdk::{
    Client, Room,
    attachment::AttachmentConfig,
    config::SyncSettings,
    deserialized_responses::{TimelineEvent, TimelineEventKind},
    media::{MediaFormat, MediaRequestParameters},
    reqwest::Url,
    ruma::{
        EventId, Int, OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, UserId,
        api::client::{
            filter::FilterDefinition,
            room::create_room::v3::{Request as CreateRoomRequest, RoomPreset},
            sync::sync_events::v3::Filter,
        },
        events::{
            InitialStateEvent,
            poll::{
                response::PollResponseEventContent,
                unstable_response::UnstablePollResponseEventContent,
                unstable_start::{
                    NewUnstablePollStartEventContent, UnstablePollAnswer, UnstablePollAnswers,
                    UnstablePollStartContentBlock, UnstablePollStartEventContent,
                },
            },
            relation::{InReplyTo, Replacement, Thread},
            room::{
                encryption::RoomEncryptionEventContent,
                member::MembershipState,
                message::{
                    MessageType, Relation, RoomMessageEventContent,
                    RoomMessageEventContentWithoutRelation,
                },
            },
        },
    },
    sync::SyncResponse,
};
use serde_json::Value;
use tokio::{sync::watch, task::JoinHandle, time::Instant};

/// A generous default for waits: the test Synapse delivers in milliseconds, but cargo may be
/// compiling other crates on the same 2 cores at the same time.
pub const WAIT: Duration = Duration::from_secs(30);

/// The base URL of the test homeserver. Panics when it is not configured: the Matrix tests must
/// fail, never skip, without a homeserver.
pub fn homeserver() -> String {
    std::env::var("COLLOQUY_TEST_HOMESERVER").unwrap_or_else(|_| {
        panic!(
            "COLLOQUY_TEST_HOMESERVER is not set: run the tests with scripts/test (it starts \
             Synapse), or start one with scripts/synapse.sh start and export \
             COLLOQUY_TEST_HOMESERVER=http://127.0.0.1:18008"
        )
    })
}

/// `@name:localhost`, the id of a test user.
pub fn user_id(name: &str) -> OwnedUserId {
    UserId::parse(format!("@{name}:localhost")).expect("valid test user name")
}

/// The password `scripts/synapse.sh` registers for a test user.
pub fn password(name: &str) -> String {
    format!("{name}-pass")
}

/// `content.body` of an event, if any.
pub fn body(event: &Value) -> Option<&str> {
    event["content"]["body"].as_str()
}

/// `event_id` of an event.
pub fn event_id(event: &Value) -> OwnedEventId {
    let id = event["event_id"]
        .as_str()
        .unwrap_or_else(|| panic!("no event_id in {event}"));
    EventId::parse(id).unwrap_or_else(|e| panic!("bad event_id {id:?}: {e}"))
}

/// `content["m.relates_to"]` of an event (`Value::Null` if absent).
pub fn relates_to(event: &Value) -> &Value {
    &event["content"]["m.relates_to"]
}

/// One timeline event seen by sync.
struct Seen {
    room_id: OwnedRoomId,
    /// The event as JSON, decrypted when it was encrypted; `room_id` is always set.
    event: Value,
    /// Whether it arrived encrypted and was decrypted.
    decrypted: bool,
}

#[derive(Default)]
struct Log {
    events: Vec<Seen>,
    sync_error: Option<String>,
}

/// A logged-in test user whose client syncs in the background until dropped.
pub struct Member {
    pub client: Client,
    pub user_id: OwnedUserId,
    name: String,
    log: Arc<Mutex<Log>>,
    /// Counts completed syncs; waits re-check their condition whenever it changes.
    syncs: watch::Receiver<u64>,
    sync_task: JoinHandle<()>,
    _store: tempfile::TempDir,
}

impl Drop for Member {
    /// Stops the sync and logs the device out (Synapse deletes it). Otherwise every later
    /// encrypted send by anyone sharing a room with this user keeps sharing keys with the dead
    /// device: measured, each stale device made E2EE operations ~10 ms slower in a debug build,
    /// so a test suite slowed down as it went. `Drop` cannot await, hence one blocking request.
    fn drop(&mut self) {
        self.sync_task.abort();
        if let Some(token) = self.client.access_token() {
            let _ = logout_blocking(&self.client.homeserver(), &token); // best effort
        }
    }
}

/// `POST /_matrix/client/v3/logout` over plain HTTP (the test Synapse), waiting for the answer.
fn logout_blocking(hs: &Url, token: &str) -> std::io::Result<()> {
    let (Some(host), Some(port), "http") = (hs.host_str(), hs.port_or_known_default(), hs.scheme())
    else {
        return Ok(());
    };
    let addr = (host, port)
        .to_socket_addrs()?
        .next()
        .ok_or(std::io::ErrorKind::NotFound)?;
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let path = format!(
        "{}/_matrix/client/v3/logout",
        hs.path().trim_end_matches('/')
    );
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
    )?;
    stream.read_to_end(&mut Vec::new())?;
    Ok(())
}

/// Settings for the background sync: up to 200 events per room and sync, since Synapse's
/// default limit (10) would silently drop events from a burst ("limited" timeline).
fn sync_settings() -> SyncSettings {
    let mut filter = FilterDefinition::default();
    filter.room.timeline.limit = Some(200u32.into());
    SyncSettings::default().filter(Filter::FilterDefinition(filter))
}

fn record(log: &Mutex<Log>, response: &SyncResponse) {
    let mut log = log.lock().unwrap();
    for (room_id, update) in &response.rooms.joined {
        for ev in &update.timeline.events {
            log.events.push(seen(room_id, ev));
        }
    }
}

fn seen(room_id: &RoomId, ev: &TimelineEvent) -> Seen {
    let mut event: Value = serde_json::from_str(ev.raw().json().get()).expect("event JSON");
    if let Some(obj) = event.as_object_mut() {
        obj.entry("room_id")
            .or_insert_with(|| room_id.as_str().into());
    }
    let decrypted = matches!(ev.kind, TimelineEventKind::Decrypted(_));
    Seen {
        room_id: room_id.to_owned(),
        event,
        decrypted,
    }
}

/// One line per event, for timeout messages.
fn summary(event: &Value) -> String {
    let rel = relates_to(event);
    format!(
        "{} {} from {}{}{}",
        event["event_id"].as_str().unwrap_or("?"),
        event["type"].as_str().unwrap_or("?"),
        event["sender"].as_str().unwrap_or("?"),
        body(event)
            .map(|b| format!(" body={b:?}"))
            .unwrap_or_default(),
        if rel.is_null() {
            String::new()
        } else {
            format!(" m.relates_to={rel}")
        },
    )
}

impl Member {
    /// Logs `name` (e.g. "alice") in with a fresh device and store, syncs once (which uploads
    /// its E2EE keys), then keeps syncing in the background.
    pub async fn login(name: &str) -> Member {
        let hs = homeserver();
        let store = tempfile::tempdir().expect("tempdir for the member's store");
        let client = Client::builder()
            .homeserver_url(&hs)
            .sqlite_store(store.path(), None)
            .build()
            .await
            .unwrap_or_else(|e| panic!("{name}: building a client for {hs} failed: {e}"));
        client
            .matrix_auth()
            .login_username(name, &password(name))
            .initial_device_display_name("colloquy test member")
            .await
            .unwrap_or_else(|e| {
                panic!("{name}: login at {hs} failed (is it the test Synapse?): {e}")
            });

        // The first sync uploads the device's E2EE keys. It leaves out the rooms the user is
        // already in (all earlier tests' rooms, with full state: a login cost that would grow
        // through a test run). Rooms joined later arrive complete; a room joined before this
        // login becomes known to the client with its next event.
        let log = Arc::new(Mutex::new(Log::default()));
        let mut no_rooms = FilterDefinition::default();
        no_rooms.room.rooms = Some(Vec::new());
        let first = client
            .sync_once(
                SyncSettings::default()
                    .filter(Filter::FilterDefinition(no_rooms))
                    .timeout(Duration::ZERO),
            )
            .await
            .unwrap_or_else(|e| panic!("{name}: first sync failed: {e}"));

        // Our own loop around sync_once: `Client::sync` sleeps 1 s between syncs that come
        // less than 1 s apart, which would slow every exchange down.
        let (tx, syncs) = watch::channel(0u64);
        let sync_task = tokio::spawn({
            let (client, log) = (client.clone(), log.clone());
            let mut token = first.next_batch;
            async move {
                let mut failures = 0;
                loop {
                    let settings = sync_settings()
                        .timeout(Duration::from_secs(10))
                        .token(token.clone());
                    match client.sync_once(settings).await {
                        Ok(response) => {
                            failures = 0;
                            record(&log, &response);
                            token = response.next_batch;
                            tx.send_modify(|n| *n += 1);
                        }
                        Err(e) => {
                            log.lock().unwrap().sync_error = Some(e.to_string());
                            failures += 1;
                            if failures == 3 {
                                return; // dropping tx wakes the waiters, which report the error
                            }
                            // a retry back-off in the client, not a test delay
                            tokio::time::sleep(Duration::from_millis(500)).await;
                        }
                    }
                }
            }
        });
        Member {
            user_id: user_id(name),
            name: name.to_owned(),
            client,
            log,
            syncs,
            sync_task,
            _store: store,
        }
    }

    /// Waits (on sync) until `check` returns `Some`, panicking after `timeout` with `what()`.
    async fn wait_until<T>(
        &self,
        timeout: Duration,
        mut check: impl AsyncFnMut() -> Option<T>,
        what: impl FnOnce() -> String,
    ) -> T {
        let deadline = Instant::now() + timeout;
        let mut syncs = self.syncs.clone();
        loop {
            syncs.borrow_and_update();
            if let Some(found) = check().await {
                return found;
            }
            match tokio::time::timeout_at(deadline, syncs.changed()).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => panic!(
                    "{}: background sync stopped ({}) while waiting for {}",
                    self.name,
                    self.log
                        .lock()
                        .unwrap()
                        .sync_error
                        .clone()
                        .unwrap_or_default(),
                    what()
                ),
                Err(_) => panic!(
                    "{}: timed out after {timeout:?} waiting for {}",
                    self.name,
                    what()
                ),
            }
        }
    }

    /// This member's view of a room it is in (or was invited to).
    pub fn room(&self, room_id: &RoomId) -> Room {
        self.client.get_room(room_id).unwrap_or_else(|| {
            panic!(
                "{}: room {room_id} is unknown to this member (join it first)",
                self.name
            )
        })
    }

    /// Creates a private room (invite-only, history shared) named `name`, end-to-end encrypted
    /// if `encrypted`, inviting `invite`.
    pub async fn create_room(
        &self,
        name: &str,
        encrypted: bool,
        invite: &[&UserId],
    ) -> OwnedRoomId {
        let mut req = CreateRoomRequest::new();
        req.name = Some(name.to_owned());
        req.preset = Some(RoomPreset::PrivateChat);
        req.invite = invite.iter().map(|u| (*u).to_owned()).collect();
        if encrypted {
            req.initial_state = vec![
                InitialStateEvent::with_empty_state_key(
                    RoomEncryptionEventContent::with_recommended_defaults(),
                )
                .to_raw_any(),
            ];
        }
        let room = self
            .client
            .create_room(req)
            .await
            .unwrap_or_else(|e| panic!("{}: creating room {name:?} failed: {e}", self.name));
        room.room_id().to_owned()
    }

    /// Creates an encrypted direct-message room with `with` (invited; it still has to join).
    pub async fn create_dm(&self, with: &UserId) -> OwnedRoomId {
        let room = self
            .client
            .create_dm(with)
            .await
            .unwrap_or_else(|e| panic!("{}: creating a DM with {with} failed: {e}", self.name));
        room.room_id().to_owned()
    }

    pub async fn invite(&self, room_id: &RoomId, user: &UserId) {
        self.room(room_id)
            .invite_user_by_id(user)
            .await
            .unwrap_or_else(|e| panic!("{}: inviting {user} to {room_id} failed: {e}", self.name));
    }

    /// Joins a room this member was invited to (no need to wait for the invite to sync).
    pub async fn join(&self, room_id: &RoomId) {
        self.client
            .join_room_by_id(room_id)
            .await
            .unwrap_or_else(|e| panic!("{}: joining {room_id} failed: {e}", self.name));
    }

    /// Waits until this member's client has seen `user` join `room_id`.
    pub async fn wait_until_joined(&self, room_id: &RoomId, user: &UserId, timeout: Duration) {
        self.wait_until(
            timeout,
            async || {
                let room = self.client.get_room(room_id)?;
                let member = room.get_member_no_sync(user).await.ok()??;
                (*member.membership() == MembershipState::Join).then_some(())
            },
            || format!("{user} to join {room_id}"),
        )
        .await
    }

    /// Sends a content, returning the new event's id.
    pub async fn send(
        &self,
        room_id: &RoomId,
        content: impl matrix_sdk::ruma::events::MessageLikeEventContent,
    ) -> OwnedEventId {
        self.room(room_id)
            .send(content)
            .await
            .unwrap_or_else(|e| panic!("{}: sending to {room_id} failed: {e}", self.name))
            .response
            .event_id
    }

    /// Sends a plain `m.text` message.
    pub async fn send_text(&self, room_id: &RoomId, body: &str) -> OwnedEventId {
        self.send(room_id, RoomMessageEventContent::text_plain(body))
            .await
    }

    /// Sends `body` into the thread rooted at `root` (`rel_type: m.thread`, with the reply
    /// fallback to the root, as clients without thread support expect).
    pub async fn send_thread_reply(
        &self,
        room_id: &RoomId,
        root: &EventId,
        body: &str,
    ) -> OwnedEventId {
        let mut content = RoomMessageEventContent::text_plain(body);
        content.relates_to = Some(Relation::Thread(Thread::plain(
            root.to_owned(),
            root.to_owned(),
        )));
        self.send(room_id, content).await
    }

    /// Sends `body` as a reply (`m.in_reply_to`) to `in_reply_to`.
    pub async fn send_reply(
        &self,
        room_id: &RoomId,
        in_reply_to: &EventId,
        body: &str,
    ) -> OwnedEventId {
        let mut content = RoomMessageEventContent::text_plain(body);
        content.relates_to = Some(Relation::Reply(
            matrix_sdk::ruma::events::relation::Reply::new(InReplyTo::new(in_reply_to.to_owned())),
        ));
        self.send(room_id, content).await
    }

    /// Edits `event_id` (an `m.replace` relation; the body is `* new_body`, `m.new_content` has
    /// `new_body`).
    pub async fn edit(&self, room_id: &RoomId, event_id: &EventId, new_body: &str) -> OwnedEventId {
        let mut content = RoomMessageEventContent::text_plain(format!("* {new_body}"));
        content.relates_to = Some(Relation::Replacement(Replacement::new(
            event_id.to_owned(),
            RoomMessageEventContentWithoutRelation::text_plain(new_body),
        )));
        self.send(room_id, content).await
    }

    /// Redacts `event_id`, returning the redaction's event id.
    pub async fn redact(&self, room_id: &RoomId, event_id: &EventId) -> OwnedEventId {
        self.room(room_id)
            .redact(event_id, Some("test redaction"), None)
            .await
            .unwrap_or_else(|e| panic!("{}: redacting {event_id} failed: {e}", self.name))
            .event_id
    }

    /// Starts an (unstable, `org.matrix.msc3381.poll.start`) single-choice poll; `answers` are
    /// `(id, text)` pairs.
    pub async fn send_poll_start(
        &self,
        room_id: &RoomId,
        question: &str,
        answers: &[(&str, &str)],
    ) -> OwnedEventId {
        let list: UnstablePollAnswers = answers
            .iter()
            .map(|(id, text)| UnstablePollAnswer::new(*id, *text))
            .collect::<Vec<_>>()
            .try_into()
            .expect("1 to 20 poll answers");
        let fallback = std::iter::once(question.to_owned())
            .chain(
                answers
                    .iter()
                    .enumerate()
                    .map(|(i, (_, t))| format!("{}. {t}", i + 1)),
            )
            .collect::<Vec<_>>()
            .join("\n");
        let content: UnstablePollStartEventContent = NewUnstablePollStartEventContent::plain_text(
            fallback,
            UnstablePollStartContentBlock::new(question, list),
        )
        .into();
        self.send(room_id, content).await
    }

    /// Answers the poll `poll` with the answer ids `answers`: a stable `m.poll.response` if
    /// `stable`, else the unstable `org.matrix.msc3381.poll.response` most clients send.
    pub async fn send_poll_response(
        &self,
        room_id: &RoomId,
        poll: &EventId,
        answers: &[&str],
        stable: bool,
    ) -> OwnedEventId {
        let answers: Vec<String> = answers.iter().map(|a| a.to_string()).collect();
        if stable {
            self.send(
                room_id,
                PollResponseEventContent::new(answers.into(), poll.to_owned()),
            )
            .await
        } else {
            self.send(
                room_id,
                UnstablePollResponseEventContent::new(answers, poll.to_owned()),
            )
            .await
        }
    }

    /// Uploads `bytes` as an attachment (`m.file`, `m.image`, ... by `mime`, e.g. "text/plain";
    /// encrypted in encrypted rooms) and returns the event id.
    pub async fn upload_file(
        &self,
        room_id: &RoomId,
        filename: &str,
        bytes: &[u8],
        mime: &str,
    ) -> OwnedEventId {
        let content_type = mime
            .parse()
            .unwrap_or_else(|e| panic!("bad mime type {mime:?}: {e:?}"));
        self.room(room_id)
            .send_attachment(
                filename,
                &content_type,
                bytes.to_vec(),
                AttachmentConfig::new(),
            )
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "{}: uploading {filename} to {room_id} failed: {e}",
                    self.name
                )
            })
            .event_id
    }

    /// Downloads (and decrypts, if needed) the media of an `m.file`/`m.image`/`m.audio`/`m.video`
    /// event as returned by [`Member::wait_for_event`].
    pub async fn download(&self, event: &Value) -> Vec<u8> {
        let content: RoomMessageEventContent = serde_json::from_value(event["content"].clone())
            .unwrap_or_else(|e| panic!("not a message event: {e}: {event}"));
        let source = match content.msgtype {
            MessageType::File(c) => c.source,
            MessageType::Image(c) => c.source,
            MessageType::Audio(c) => c.source,
            MessageType::Video(c) => c.source,
            other => panic!("not a media message: {other:?}"),
        };
        let request = MediaRequestParameters {
            source,
            format: MediaFormat::File,
        };
        self.client
            .media()
            .get_media_content(&request, false)
            .await
            .unwrap_or_else(|e| panic!("{}: downloading media failed: {e}", self.name))
    }

    /// Sets `user`'s power level in a room (e.g. 50 = moderator, 100 = admin).
    pub async fn set_power_level(&self, room_id: &RoomId, user: &UserId, level: i32) {
        self.room(room_id)
            .update_power_levels(vec![(user, Int::from(level))])
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "{}: setting {user}'s power level in {room_id} failed: {e}",
                    self.name
                )
            });
    }

    /// Waits (on sync) for the first timeline event in `room_id` — since this member logged in —
    /// that satisfies `pred`, and returns it as JSON: decrypted if it was encrypted, with
    /// `room_id` set. Use distinct bodies per test step, since earlier events match too.
    pub async fn wait_for_event(
        &self,
        room_id: &RoomId,
        timeout: Duration,
        pred: impl Fn(&Value) -> bool,
    ) -> Value {
        self.wait_until(
            timeout,
            async || {
                let log = self.log.lock().unwrap();
                log.events
                    .iter()
                    .find(|s| s.room_id == room_id && pred(&s.event))
                    .map(|s| s.event.clone())
            },
            || {
                let log = self.log.lock().unwrap();
                let seen: Vec<String> = log
                    .events
                    .iter()
                    .filter(|s| s.room_id == room_id)
                    .map(|s| summary(&s.event))
                    .collect();
                let tail = &seen[seen.len().saturating_sub(20)..];
                format!(
                    "a matching event in {room_id}; {} events seen there (m.room.encrypted = not \
                     decryptable), the last ones:\n  {}",
                    seen.len(),
                    tail.join("\n  ")
                )
            },
        )
        .await
    }

    /// Waits for the event with id `event_id` in `room_id`.
    pub async fn wait_for_event_id(
        &self,
        room_id: &RoomId,
        event_id: &EventId,
        timeout: Duration,
    ) -> Value {
        self.wait_for_event(room_id, timeout, |e| e["event_id"] == event_id.as_str())
            .await
    }

    /// Whether the event `event_id`, already seen by sync, arrived encrypted (and was decrypted).
    pub fn was_decrypted(&self, event_id: &EventId) -> bool {
        let log = self.log.lock().unwrap();
        log.events
            .iter()
            .any(|s| s.decrypted && s.event["event_id"] == event_id.as_str())
    }
}
