//! A faithful fake of Discord's REST API and gateway on 127.0.0.1, for end-to-end tests of the
//! real serenity/poise client. One port serves both: `GET /gateway...` upgrades to the
//! websocket gateway, everything else is REST under `/api/v10`.
//!
//! ```ignore
//! let fake = FakeDiscord::start().await;
//! // bot: HttpBuilder::new(token).proxy(fake.base_url()).ratelimiter_disabled(true)...
//! fake.wait_until_ready(Duration::from_secs(10)).await;
//! let alice = fake.member("alice");
//! let i = fake.slash(&alice, SlashCommand::new("poll").sub("create").str("claim", "x"));
//! let reply = fake.wait_for_interaction_response(&i.token, Duration::from_secs(10)).await;
//! fake.assert_no_unknown_routes();
//! ```

mod actions;
mod events;
mod gateway;
mod ids;
mod inspect;
mod interactions;
mod model;
mod multipart;
mod polls;
mod record;
mod rest;
mod templates;
mod voice;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

// The whole API is re-exported for the tests that use it; not every test binary module does.
#[allow(unused_imports)]
pub use actions::{InteractionHandle, UserMessage};
#[allow(unused_imports)]
pub use events::{OptionValue, SlashCommand};
#[allow(unused_imports)]
pub use gateway::{GatewayStats, ResumePolicy, ShardStats};
pub use ids::{Identities, Person};
#[allow(unused_imports)]
pub use interactions::{InteractionReply, ReplyKind};
#[allow(unused_imports)]
pub use record::{Request, RequestBody, StoredFile};
#[allow(unused_imports)]
pub use templates::VoiceFlags;
#[allow(unused_imports)]
pub use voice::GUILD_VOICE_STATES;

use gateway::Gateway;
use model::{Effects, State};

/// Discord's usual heartbeat interval.
pub const DEFAULT_HEARTBEAT: Duration = Duration::from_millis(41_250);

/// How the fake behaves; `FakeOptions::default()` is what `FakeDiscord::start` uses.
#[derive(Debug, Clone)]
pub struct FakeOptions {
    pub heartbeat_interval: Duration,
    pub resume_policy: ResumePolicy,
    /// How long an interaction waits for its callback before answering 10062 (Discord: 3 s).
    pub interaction_deadline: Duration,
    /// The shard count GET /gateway/bot recommends.
    pub recommended_shards: u32,
}

impl Default for FakeOptions {
    fn default() -> Self {
        Self {
            heartbeat_interval: DEFAULT_HEARTBEAT,
            resume_policy: ResumePolicy::Resume,
            interaction_deadline: Duration::from_secs(3),
            recommended_shards: 1,
        }
    }
}

/// What the server tasks share.
pub(crate) struct Shared {
    state: Mutex<State>,
    gateway: Gateway,
    /// Woken on every recorded request, gateway change and test-side event.
    changed: Notify,
    ws_url: String,
    recommended_shards: u32,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Dispatches what a model change produced.
    fn apply(&self, effects: Effects) {
        for (t, d) in effects {
            self.gateway.dispatch(t, d);
        }
        self.changed.notify_waiters();
    }
}

/// The fake Discord server. Dropping it stops accepting connections.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// Hands axum the connections that are not gateway upgrades.
struct RestListener {
    rx: mpsc::Receiver<(TcpStream, SocketAddr)>,
    addr: SocketAddr,
}

impl axum::serve::Listener for RestListener {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        match self.rx.recv().await {
            Some(conn) => conn,
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.addr)
    }
}

/// Peeks at the request line: `GET /gateway` is the websocket, anything else REST.
async fn is_gateway(stream: &TcpStream) -> bool {
    const WS: &[u8] = b"GET /gateway";
    let mut buf = [0u8; 16];
    for _ in 0..400 {
        match stream.peek(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) if n >= WS.len() => return buf.starts_with(WS),
            Ok(n) if buf[..n] != WS[..n] => return false,
            Ok(_) => tokio::time::sleep(Duration::from_millis(5)).await,
        }
    }
    false
}

impl FakeDiscord {
    /// Binds 127.0.0.1:0 and serves REST and the gateway on that one port.
    pub async fn start() -> Self {
        Self::start_with(FakeOptions::default()).await
    }

    pub async fn start_with(options: FakeOptions) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake discord: bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("fake discord: local address");
        let base_url = format!("http://{addr}");
        let ws_url = format!("ws://{addr}/gateway");
        let mut state = State::new(base_url);
        state.interaction_deadline = options.interaction_deadline;
        let heartbeat_ms =
            u64::try_from(options.heartbeat_interval.as_millis()).unwrap_or(u64::MAX);
        let gateway = Gateway::new(
            state.ids,
            ws_url.clone(),
            heartbeat_ms,
            options.resume_policy,
        );
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            gateway,
            changed: Notify::new(),
            ws_url,
            recommended_shards: options.recommended_shards.max(1),
        });

        let (tx, rx) = mpsc::channel(64);
        let app = rest::router(shared.clone());
        let rest_task = tokio::spawn(async move {
            let _ = axum::serve(RestListener { rx, addr }, app).await;
        });
        let accept_shared = shared.clone();
        let accept_task = tokio::spawn(async move {
            loop {
                let Ok((stream, peer)) = listener.accept().await else {
                    continue;
                };
                // Without it, Nagle's algorithm holds a small frame back until the
                // client's delayed ACK (up to 40 ms), which a steady trickle of gateway
                // events showed as 17 ms of lag that was the fake's, not the bot's.
                let _ = stream.set_nodelay(true);
                let shared = accept_shared.clone();
                let tx = tx.clone();
                tokio::spawn(async move {
                    if is_gateway(&stream).await {
                        gateway::serve(shared, stream).await;
                    } else {
                        let _ = tx.send((stream, peer)).await;
                    }
                });
            }
        });
        Self {
            shared,
            addr,
            tasks: vec![rest_task, accept_task],
        }
    }

    /// `http://127.0.0.1:PORT`: what the bot passes to serenity's `HttpBuilder::proxy`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `ws://127.0.0.1:PORT/gateway`, as `GET /api/v10/gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.shared.ws_url.clone()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The fixed ids: application (= bot user), guild (= @everyone role), roles, channel.
    pub fn ids(&self) -> Identities {
        self.shared.lock().ids
    }

    /// A token for the bot; the fake accepts any.
    pub fn token(&self) -> &'static str {
        "fake-bot-token"
    }

    /// The bot as a guild member.
    pub fn bot(&self) -> Person {
        self.shared.lock().bot()
    }

    fn add_member(&self, name: &str, extra_role: Option<u64>) -> Person {
        let mut st = self.shared.lock();
        let ids = st.ids;
        let mut permissions = ids::everyone_permissions();
        let mut roles = vec![];
        if let Some(r) = extra_role {
            roles.push(r);
            if r == ids.admin_role_id {
                permissions |= serenity::model::Permissions::MANAGE_GUILD;
            }
        }
        let p = Person {
            id: st.snowflakes.next(),
            name: name.into(),
            roles,
            permissions,
            bot: false,
        };
        st.members.insert(p.id, p.clone());
        p
    }

    /// A plain member (only @everyone).
    pub fn member(&self, name: &str) -> Person {
        self.add_member(name, None)
    }

    /// A member with the Facilitator role.
    pub fn facilitator(&self, name: &str) -> Person {
        let role = self.ids().facilitator_role_id;
        self.add_member(name, Some(role))
    }

    /// A member with the Admin role, which grants MANAGE_GUILD.
    pub fn admin(&self, name: &str) -> Person {
        let role = self.ids().admin_role_id;
        self.add_member(name, Some(role))
    }

    /// Another guild the bot is in, with one text channel, whose id puts it on `shard` of
    /// `total` (`(guild_id >> 22) % total`). Its identities: `guild_id` and `channel_id`
    /// are its own, the rest the first guild's. A connected shard that holds it gets its
    /// GUILD_CREATE, as when Discord adds the bot to a server.
    pub fn add_guild(&self, shard: u32, total: u32, channel_name: &str) -> Identities {
        let (guild, json) = {
            let mut st = self.shared.lock();
            let guild = st.add_guild(shard, total, channel_name);
            (guild, st.guild_create_of(&guild))
        };
        self.shared
            .gateway
            .dispatch_to_session("GUILD_CREATE", json);
        self.shared.changed.notify_waiters();
        guild
    }

    /// The direct-message channel between the bot and `who` (made on first use, as
    /// Discord does); post in it with `user_message(..).channel(id)`.
    pub fn dm_channel(&self, who: &Person) -> u64 {
        match self.shared.lock().open_dm(who.id) {
            Ok(c) => model::id_of(&c, "id").unwrap_or_default(),
            Err(e) => panic!("fake discord: no DM channel with {}: {e:?}", who.name),
        }
    }

    /// Closes the websocket that holds `shard` abruptly (no close frame).
    pub fn drop_shard(&self, shard: u32) {
        self.shared.gateway.drop_shard(shard);
        self.shared.changed.notify_waiters();
    }

    /// Another text channel; dispatches CHANNEL_CREATE if the bot is connected.
    pub fn add_text_channel(&self, name: &str) -> u64 {
        let (id, json) = {
            let mut st = self.shared.lock();
            let id = st.snowflakes.next();
            let json = templates::text_channel_json(&st.ids, id, name, None);
            st.channels.insert(id, json.clone());
            (id, json)
        };
        self.shared.apply(vec![("CHANNEL_CREATE", json)]);
        id
    }

    /// Registers a file served at `{base_url}/attachments/{id}/{filename}` and returns its
    /// attachment json (use it in `UserMessage::attach` or `SlashCommand::attachment`).
    pub fn add_attachment(&self, filename: &str, bytes: &[u8], content_type: &str) -> Value {
        self.shared.lock().add_attachment(StoredFile {
            field: String::new(),
            filename: filename.into(),
            content_type: Some(content_type.into()),
            bytes: bytes.to_vec(),
        })
    }

    /// What to answer to the next RESUME.
    pub fn set_resume_policy(&self, policy: ResumePolicy) {
        self.shared.gateway.set_policy(policy);
    }

    /// Closes the live websocket abruptly (no close frame); the fake accepts the reconnect.
    pub fn drop_connection(&self) {
        self.shared.gateway.drop_connection();
        self.shared.changed.notify_waiters();
    }

    /// Lets `by` pass on the fake's clock: later ids, and so the timestamps of messages,
    /// threads and interactions, are that much later (pair it with the bot's clock).
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.shared.lock().snowflakes.advance(ms);
    }

    /// The sequence number of the last dispatch of the current session.
    pub fn seq(&self) -> u64 {
        self.shared.gateway.seq()
    }

    /// A config for `colloquy run` as its own process against this fake: the database
    /// given, the bot token read from `token_env` (set it to [`FakeDiscord::token`]).
    pub fn colloquy_config(&self, database: &std::path::Path, token_env: &str) -> String {
        format!(
            "[storage]\ndatabase = {database:?}\n[discord]\ntoken_env = {token_env:?}\nguild_id = \"{}\"\napi_base = {:?}\nfacilitator_role = \"Facilitator\"\n",
            self.ids().guild_id,
            self.base_url()
        )
    }

    /// Holds gateway dispatches back until [`FakeDiscord::release_gateway`] (benchmarks
    /// build a burst first, so the fake's own work is not part of it).
    pub fn hold_gateway(&self) {
        self.shared.gateway.hold();
    }

    /// Sends the held dispatches at once.
    pub fn release_gateway(&self) {
        self.shared.gateway.release();
    }

    pub fn gateway_stats(&self) -> GatewayStats {
        self.shared.gateway.stats()
    }

    /// Waits until a gateway session is live (READY and GUILD_CREATE sent).
    pub async fn wait_until_ready(&self, timeout: Duration) -> GatewayStats {
        self.wait_for_gateway("a live gateway session", timeout, |s| {
            s.live && s.identifies > 0
        })
        .await
    }

    /// Waits until the gateway stats satisfy `pred`.
    pub async fn wait_for_gateway(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&GatewayStats) -> bool,
    ) -> GatewayStats {
        self.wait_for(what, timeout, |f| {
            Some(f.gateway_stats()).filter(|s| pred(s))
        })
        .await
    }

    /// Dispatches any event as is (for events without a helper).
    pub fn dispatch_raw(&self, t: &str, d: Value) {
        self.shared.gateway.dispatch(t, d);
        self.shared.changed.notify_waiters();
    }
}
