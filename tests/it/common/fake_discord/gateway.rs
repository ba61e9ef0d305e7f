//! The websocket gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with
//! replay (or op 9 when configured), and sequenced dispatch, shard by shard as Discord does
//! it: IDENTIFY's `shard: [id, total]` picks the shard a connection holds, a guild's
//! events go only to the connection of shard `(guild_id >> 22) % total`, direct messages
//! (no guild) to shard 0, and each shard has its own session, sequence and replay log.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::Shared;
use super::events::dispatch_frame;
use super::ids::Identities;
use super::model::id_of;
use super::templates::ready_json;
use super::voice::GUILD_VOICE_STATES;

/// The intent a dispatch needs, for the events whose intent the fake checks (Discord
/// sends nothing a session did not ask for).
fn required_intent(t: &str) -> Option<u64> {
    match t {
        "VOICE_STATE_UPDATE" => Some(GUILD_VOICE_STATES),
        _ => None,
    }
}

/// What the fake answers to a RESUME.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResumePolicy {
    /// Accept it, replay the missed events, then RESUMED.
    #[default]
    Resume,
    /// Answer `{"op":9,"d":false}` so the client identifies again (new session, events lost).
    InvalidSession,
}

/// One shard's counters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShardStats {
    pub identifies: usize,
    /// Whether a connection holds this shard now.
    pub live: bool,
    /// Dispatches sequenced for this shard, by event type (READY and GUILD_CREATE included).
    pub dispatched: BTreeMap<String, u64>,
    /// The guilds whose GUILD_CREATE this shard's sessions were sent, in order.
    pub guild_creates: Vec<u64>,
    /// The shard count of the last IDENTIFY on this shard.
    pub total: u32,
}

/// Counters and the last IDENTIFY, for tests.
#[derive(Debug, Clone, Default)]
pub struct GatewayStats {
    pub connections: usize,
    pub identifies: usize,
    pub resumes: usize,
    pub rejected_resumes: usize,
    /// IDENTIFYs refused for an impossible `shard` (close code 4010, as Discord).
    pub invalid_shards: usize,
    pub heartbeats: usize,
    /// Dispatch frames handed to the socket (the client has read all but what the kernel's
    /// buffers hold).
    pub frames_sent: u64,
    /// The `d` of the last IDENTIFY (token, intents, properties, shard...).
    pub last_identify: Option<Value>,
    /// Dispatches not sent because the session lacks their intent (as Discord withholds
    /// them), by event type.
    pub withheld: BTreeMap<String, u64>,
    /// Whether a connection is currently identified or resumed (any shard).
    pub live: bool,
    /// Shard by shard.
    pub shards: BTreeMap<u32, ShardStats>,
}

enum Outgoing {
    Frame(String),
    Drop,
    /// Close with a code (an IDENTIFY Discord refuses).
    Close(u16, &'static str),
}

/// One shard's session: what a RESUME continues.
#[derive(Default)]
struct ShardSession {
    session: Option<String>,
    /// The IDENTIFY's intents.
    intents: u64,
    seq: u64,
    log: Vec<(u64, String)>,
    conn: Option<(u64, UnboundedSender<Outgoing>)>,
}

struct GwState {
    shards: BTreeMap<u32, ShardSession>,
    /// The shard count the connections identified with (1 until one says otherwise).
    total: u32,
    /// Events dispatched while their shard has no session, sent after its next READY +
    /// GUILD_CREATE.
    pending: Vec<(String, Value)>,
    /// Which shard each identified connection holds.
    conns: HashMap<u64, u32>,
    policy: ResumePolicy,
    stats: GatewayStats,
    next_conn: u64,
    /// While held, dispatch frames wait here (with their shard) instead of going out.
    held: Option<Vec<(u32, String)>>,
}

impl GwState {
    /// The shard Discord sends event `t` with `d` to: its guild's, or 0 for what has no
    /// guild (direct messages).
    fn shard_of(&self, t: &str, d: &Value) -> u32 {
        // A guild's own events carry it as `id`, the rest as `guild_id`.
        let own = matches!(t, "GUILD_CREATE" | "GUILD_UPDATE" | "GUILD_DELETE");
        let guild = if own {
            id_of(d, "id")
        } else {
            id_of(d, "guild_id")
        };
        match guild {
            Some(g) => ((g >> 22) % u64::from(self.total.max(1))) as u32,
            None => 0,
        }
    }

    fn refresh_live(&mut self) {
        self.stats.live = self.shards.values().any(|s| s.conn.is_some());
        for (id, shard) in &self.shards {
            self.stats.shards.entry(*id).or_default().live = shard.conn.is_some();
        }
    }
}

pub struct Gateway {
    inner: Mutex<GwState>,
    ids: Identities,
    ws_url: String,
    heartbeat_interval_ms: u64,
}

impl Gateway {
    pub fn new(
        ids: Identities,
        ws_url: String,
        heartbeat_interval_ms: u64,
        policy: ResumePolicy,
    ) -> Self {
        Self {
            inner: Mutex::new(GwState {
                shards: BTreeMap::new(),
                total: 1,
                pending: vec![],
                conns: HashMap::new(),
                policy,
                stats: GatewayStats::default(),
                next_conn: 0,
                held: None,
            }),
            ids,
            ws_url,
            heartbeat_interval_ms,
        }
    }

    fn lock(&self) -> MutexGuard<'_, GwState> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn stats(&self) -> GatewayStats {
        self.lock().stats.clone()
    }

    pub fn set_policy(&self, policy: ResumePolicy) {
        self.lock().policy = policy;
    }

    /// The sequence number of the last dispatch of shard 0's session.
    pub fn seq(&self) -> u64 {
        self.lock().shards.get(&0).map_or(0, |s| s.seq)
    }

    fn push(g: &mut GwState, shard: u32, t: &str, mut d: Value) {
        let Some(s) = g.shards.get_mut(&shard) else {
            return;
        };
        if let Some(bit) = required_intent(t)
            && s.intents & bit == 0
        {
            *g.stats.withheld.entry(t.to_string()).or_default() += 1;
            return;
        }
        // Without the voice-states intent a guild comes without them.
        if t == "GUILD_CREATE" && s.intents & GUILD_VOICE_STATES == 0 {
            d["voice_states"] = json!([]);
        }
        s.seq += 1;
        let guild = (t == "GUILD_CREATE").then(|| id_of(&d, "id")).flatten();
        let frame = dispatch_frame(t, s.seq, d).to_string();
        s.log.push((s.seq, frame.clone()));
        let conn = s.conn.as_ref().map(|(_, tx)| tx.clone());
        let stats = g.stats.shards.entry(shard).or_default();
        stats.guild_creates.extend(guild);
        let counts = &mut stats.dispatched;
        match counts.get_mut(t) {
            Some(n) => *n += 1,
            None => {
                counts.insert(t.to_string(), 1);
            }
        }
        if let Some(held) = &mut g.held {
            held.push((shard, frame));
        } else if let Some(tx) = conn {
            // A closed connection is fine: the client resumes and gets it replayed.
            let _ = tx.send(Outgoing::Frame(frame));
        }
    }

    /// Holds dispatch frames back (they are sequenced and logged as usual) until
    /// [`Gateway::release`]: a burst built beforehand then reaches the socket at once.
    pub fn hold(&self) {
        let mut g = self.lock();
        if g.held.is_none() {
            g.held = Some(vec![]);
        }
    }

    /// Sends the held frames, in order, each to its shard's connection, and stops holding.
    pub fn release(&self) {
        let mut g = self.lock();
        let held = g.held.take().unwrap_or_default();
        for (shard, frame) in held {
            if let Some((_, tx)) = g.shards.get(&shard).and_then(|s| s.conn.as_ref()) {
                let _ = tx.send(Outgoing::Frame(frame));
            }
        }
    }

    /// Sends an event with its shard's next sequence number (or queues it until that shard
    /// has a session).
    pub fn dispatch(&self, t: &str, d: Value) {
        let mut g = self.lock();
        let shard = g.shard_of(t, &d);
        if g.shards.get(&shard).is_some_and(|s| s.session.is_some()) {
            Self::push(&mut g, shard, t, d);
        } else {
            g.pending.push((t.to_string(), d));
        }
    }

    /// Sends an event to its shard's session if there is one; otherwise it is dropped (a
    /// guild the bot joins is in the next READY of its shard anyway).
    pub fn dispatch_to_session(&self, t: &str, d: Value) {
        let mut g = self.lock();
        let shard = g.shard_of(t, &d);
        if g.shards.get(&shard).is_some_and(|s| s.session.is_some()) {
            Self::push(&mut g, shard, t, d);
        }
    }

    /// Closes every live websocket without a close frame.
    pub fn drop_connection(&self) {
        let shards: Vec<u32> = self.lock().shards.keys().copied().collect();
        for shard in shards {
            self.drop_shard(shard);
        }
    }

    /// Closes the websocket that holds `shard` without a close frame.
    pub fn drop_shard(&self, shard: u32) {
        let mut g = self.lock();
        if let Some((conn, tx)) = g.shards.get_mut(&shard).and_then(|s| s.conn.take()) {
            let _ = tx.send(Outgoing::Drop);
            g.conns.remove(&conn);
        }
        g.refresh_live();
    }

    /// IDENTIFY: a new session for the shard it names (`[0, 1]` when it names none), READY,
    /// a GUILD_CREATE for each of `guilds` on that shard, then what waited for it.
    fn identify(
        &self,
        conn: u64,
        tx: UnboundedSender<Outgoing>,
        d: Value,
        guilds: Vec<(u64, Value)>,
    ) {
        let mut g = self.lock();
        let (shard, total) = match d["shard"].as_array().map(|a| {
            (
                a.first().and_then(Value::as_u64),
                a.get(1).and_then(Value::as_u64),
            )
        }) {
            None => (0, 1),
            Some((Some(id), Some(total))) if total >= 1 && id < total && total <= 4096 => {
                (id as u32, total as u32)
            }
            Some(_) => {
                g.stats.invalid_shards += 1;
                let _ = tx.send(Outgoing::Close(4010, "Invalid shard."));
                return;
            }
        };
        g.total = total;
        let intents = d["intents"].as_u64().unwrap_or(0);
        g.stats.identifies += 1;
        g.stats.last_identify = Some(d);
        let number = g.stats.identifies;
        // A shard identified again on a new connection: the old one stops getting events.
        let old = g.shards.get_mut(&shard).and_then(|s| s.conn.take());
        if let Some((old_conn, _)) = old {
            g.conns.remove(&old_conn);
        }
        let session = format!("{:x}{:08x}s{shard}", self.ids.guild_id, number);
        g.shards.insert(
            shard,
            ShardSession {
                session: Some(session.clone()),
                intents,
                seq: 0,
                log: vec![],
                conn: Some((conn, tx)),
            },
        );
        g.conns.insert(conn, shard);
        {
            let st = g.stats.shards.entry(shard).or_default();
            st.identifies += 1;
            st.total = total;
        }
        g.refresh_live();
        let mine: Vec<(u64, Value)> = guilds
            .into_iter()
            .filter(|(id, _)| ((id >> 22) % u64::from(total)) as u32 == shard)
            .collect();
        let mut ready = ready_json(&self.ids, &session, &self.ws_url);
        ready["shard"] = json!([shard, total]);
        ready["guilds"] = json!(
            mine.iter()
                .map(|(id, _)| json!({"id": id.to_string(), "unavailable": true}))
                .collect::<Vec<_>>()
        );
        Self::push(&mut g, shard, "READY", ready);
        for (_, guild) in mine {
            Self::push(&mut g, shard, "GUILD_CREATE", guild);
        }
        let pending = std::mem::take(&mut g.pending);
        for (t, d) in pending {
            if g.shard_of(&t, &d) == shard {
                Self::push(&mut g, shard, &t, d);
            } else {
                g.pending.push((t, d));
            }
        }
    }

    /// Accepts or rejects a RESUME; on accept, replays what the client missed.
    fn resume(&self, conn: u64, tx: UnboundedSender<Outgoing>, d: &Value) -> bool {
        let mut g = self.lock();
        let seq = d["seq"].as_u64().unwrap_or(0);
        let wanted = d["session_id"].as_str();
        let shard = g
            .shards
            .iter()
            .find(|(_, s)| s.session.is_some() && s.session.as_deref() == wanted)
            .map(|(id, _)| *id);
        let ok = g.policy == ResumePolicy::Resume
            && shard.is_some_and(|id| g.shards.get(&id).is_some_and(|s| seq <= s.seq));
        let Some(shard) = shard.filter(|_| ok) else {
            if let Some(id) = shard
                && let Some(s) = g.shards.get_mut(&id)
            {
                s.session = None;
                if let Some((old, _)) = s.conn.take() {
                    g.conns.remove(&old);
                }
            }
            g.stats.rejected_resumes += 1;
            g.refresh_live();
            return false;
        };
        if let Some(s) = g.shards.get_mut(&shard) {
            for (_, frame) in s.log.iter().filter(|(n, _)| *n > seq) {
                let _ = tx.send(Outgoing::Frame(frame.clone()));
            }
            s.conn = Some((conn, tx));
        }
        g.conns.insert(conn, shard);
        g.stats.resumes += 1;
        g.refresh_live();
        Self::push(
            &mut g,
            shard,
            "RESUMED",
            json!({"_trace": ["fake-discord"]}),
        );
        true
    }

    fn connected(&self) -> u64 {
        let mut g = self.lock();
        g.stats.connections += 1;
        g.next_conn += 1;
        g.next_conn
    }

    fn disconnected(&self, conn: u64) {
        let mut g = self.lock();
        if let Some(shard) = g.conns.remove(&conn)
            && let Some(s) = g.shards.get_mut(&shard)
            && s.conn.as_ref().is_some_and(|(c, _)| *c == conn)
        {
            s.conn = None;
        }
        g.refresh_live();
    }

    fn heartbeat(&self) {
        self.lock().stats.heartbeats += 1;
    }
}

/// Serves one websocket connection until either side drops it.
pub async fn serve(shared: Arc<Shared>, stream: TcpStream) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut sink, mut incoming) = ws.split();
    let (tx, mut rx) = unbounded_channel();
    let gw = &shared.gateway;
    let conn = gw.connected();
    shared.changed.notify_waiters();
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": gw.heartbeat_interval_ms}});
    if sink.send(Message::text(hello.to_string())).await.is_err() {
        gw.disconnected(conn);
        return;
    }
    loop {
        tokio::select! {
            out = rx.recv() => {
                // What has queued up goes out in one write, as a server's socket would
                // coalesce it; a Drop after frames closes once they are sent.
                let mut batch = match out {
                    Some(Outgoing::Frame(f)) => vec![f],
                    Some(Outgoing::Close(code, reason)) => {
                        let frame = CloseFrame { code: CloseCode::from(code), reason: reason.into() };
                        let _ = sink.send(Message::Close(Some(frame))).await;
                        break;
                    }
                    Some(Outgoing::Drop) | None => break,
                };
                let mut then_drop = false;
                while batch.len() < 256 {
                    match rx.try_recv() {
                        Ok(Outgoing::Frame(f)) => batch.push(f),
                        Ok(Outgoing::Drop | Outgoing::Close(..)) => {
                            then_drop = true;
                            break;
                        }
                        Err(_) => break,
                    }
                }
                let n = batch.len() as u64;
                let mut failed = false;
                for f in batch {
                    if sink.feed(Message::text(f)).await.is_err() {
                        failed = true;
                        break;
                    }
                }
                if failed || sink.flush().await.is_err() {
                    break;
                }
                gw.lock().stats.frames_sent += n;
                if then_drop {
                    break;
                }
            }
            msg = incoming.next() => match msg {
                Some(Ok(Message::Text(text))) => {
                    let Ok(frame) = serde_json::from_str::<Value>(text.as_str()) else { continue };
                    let d = frame["d"].clone();
                    match frame["op"].as_u64() {
                        Some(1) => {
                            gw.heartbeat();
                            let ack = json!({"op": 11, "s": null, "t": null, "d": null});
                            if sink.send(Message::text(ack.to_string())).await.is_err() {
                                break;
                            }
                        }
                        Some(2) => {
                            let guilds = shared.lock().guild_creates();
                            gw.identify(conn, tx.clone(), d, guilds);
                        }
                        Some(6) if !gw.resume(conn, tx.clone(), &d) => {
                            let invalid = json!({"op": 9, "s": null, "t": null, "d": false});
                            if sink.send(Message::text(invalid.to_string())).await.is_err() {
                                break;
                            }
                        }
                        _ => {}
                    }
                    shared.changed.notify_waiters();
                }
                // Like Discord, answer a client's close frame before closing.
                Some(Ok(Message::Close(frame))) => {
                    let _ = sink.send(Message::Close(frame)).await;
                    break;
                }
                Some(Err(_)) | None => break,
                Some(Ok(_)) => {}
            },
        }
    }
    gw.disconnected(conn);
    shared.changed.notify_waiters();
}
