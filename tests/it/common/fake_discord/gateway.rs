//! The websocket gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with
//! replay (or op 9 when configured), and sequenced dispatch to the live connection.

use std::sync::{Arc, Mutex, MutexGuard};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio_tungstenite::tungstenite::Message;

use super::Shared;
use super::events::dispatch_frame;
use super::ids::Identities;
use super::templates::ready_json;

/// What the fake answers to a RESUME.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResumePolicy {
    /// Accept it, replay the missed events, then RESUMED.
    #[default]
    Resume,
    /// Answer `{"op":9,"d":false}` so the client identifies again (new session, events lost).
    InvalidSession,
}

/// Counters and the last IDENTIFY, for tests.
#[derive(Debug, Clone, Default)]
pub struct GatewayStats {
    pub connections: usize,
    pub identifies: usize,
    pub resumes: usize,
    pub rejected_resumes: usize,
    pub heartbeats: usize,
    /// Dispatch frames handed to the socket (the client has read all but what the kernel's
    /// buffers hold).
    pub frames_sent: u64,
    /// The `d` of the last IDENTIFY (token, intents, properties...).
    pub last_identify: Option<Value>,
    /// Whether a connection is currently identified or resumed.
    pub live: bool,
}

enum Outgoing {
    Frame(String),
    Drop,
}

struct GwState {
    session: Option<String>,
    seq: u64,
    log: Vec<(u64, String)>,
    /// Events dispatched while no session exists, sent after the next READY + GUILD_CREATE.
    pending: Vec<(String, Value)>,
    conn: Option<(u64, UnboundedSender<Outgoing>)>,
    policy: ResumePolicy,
    stats: GatewayStats,
    next_conn: u64,
    /// While held, dispatch frames wait here instead of going to the connection.
    held: Option<Vec<String>>,
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
                session: None,
                seq: 0,
                log: vec![],
                pending: vec![],
                conn: None,
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

    /// The sequence number of the last dispatch.
    pub fn seq(&self) -> u64 {
        self.lock().seq
    }

    fn push(g: &mut GwState, t: &str, d: Value) {
        g.seq += 1;
        let frame = dispatch_frame(t, g.seq, d).to_string();
        g.log.push((g.seq, frame.clone()));
        if let Some(held) = &mut g.held {
            held.push(frame);
        } else if let Some((_, tx)) = &g.conn {
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

    /// Sends the held frames, in order, and stops holding.
    pub fn release(&self) {
        let mut g = self.lock();
        let held = g.held.take().unwrap_or_default();
        if let Some((_, tx)) = &g.conn {
            for frame in held {
                let _ = tx.send(Outgoing::Frame(frame));
            }
        }
    }

    /// Sends an event with the next sequence number (or queues it until the first session).
    pub fn dispatch(&self, t: &str, d: Value) {
        let mut g = self.lock();
        if g.session.is_none() {
            g.pending.push((t.to_string(), d));
        } else {
            Self::push(&mut g, t, d);
        }
    }

    /// Closes the live websocket without a close frame.
    pub fn drop_connection(&self) {
        let mut g = self.lock();
        g.stats.live = false;
        if let Some((_, tx)) = g.conn.take() {
            let _ = tx.send(Outgoing::Drop);
        }
    }

    fn identify(&self, conn: u64, tx: UnboundedSender<Outgoing>, d: Value, guild: Value) {
        let mut g = self.lock();
        let session = format!("{:x}{:08x}", self.ids.guild_id, g.stats.identifies + 1);
        g.session = Some(session.clone());
        g.seq = 0;
        g.log.clear();
        g.conn = Some((conn, tx));
        g.stats.identifies += 1;
        g.stats.live = true;
        g.stats.last_identify = Some(d);
        Self::push(
            &mut g,
            "READY",
            ready_json(&self.ids, &session, &self.ws_url),
        );
        Self::push(&mut g, "GUILD_CREATE", guild);
        for (t, d) in std::mem::take(&mut g.pending) {
            Self::push(&mut g, &t, d);
        }
    }

    /// Accepts or rejects a RESUME; on accept, replays what the client missed.
    fn resume(&self, conn: u64, tx: UnboundedSender<Outgoing>, d: &Value) -> bool {
        let mut g = self.lock();
        let seq = d["seq"].as_u64().unwrap_or(0);
        let ok = g.policy == ResumePolicy::Resume
            && g.session.is_some()
            && g.session.as_deref() == d["session_id"].as_str()
            && seq <= g.seq;
        if !ok {
            g.session = None;
            g.conn = None;
            g.stats.live = false;
            g.stats.rejected_resumes += 1;
            return false;
        }
        for (_, frame) in g.log.iter().filter(|(s, _)| *s > seq) {
            let _ = tx.send(Outgoing::Frame(frame.clone()));
        }
        g.conn = Some((conn, tx));
        g.stats.resumes += 1;
        g.stats.live = true;
        Self::push(&mut g, "RESUMED", json!({"_trace": ["fake-discord"]}));
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
        if g.conn.as_ref().is_some_and(|(c, _)| *c == conn) {
            g.conn = None;
            g.stats.live = false;
        }
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
                    Some(Outgoing::Drop) | None => break,
                };
                let mut then_drop = false;
                while batch.len() < 256 {
                    match rx.try_recv() {
                        Ok(Outgoing::Frame(f)) => batch.push(f),
                        Ok(Outgoing::Drop) => {
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
                            let guild = shared.lock().guild_create();
                            gw.identify(conn, tx.clone(), d, guild);
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
