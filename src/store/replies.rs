//! Replies, written by a group-commit writer on its own thread.
//!
//! Every recorded message goes through one thread that owns a SQLite connection of its
//! own (rusqlite, not the sqlx pool: a burst then costs no hand-off to a worker per
//! statement). It drains whatever has queued up, writes it in a single transaction
//! (multi-row inserts through cached statements), commits, and only then acknowledges
//! each message. Under a burst, thousands of messages share one commit; when traffic is
//! light, each message is its own small transaction. A batch that fails is retried op by
//! op, so one bad event cannot lose the others.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use sqlx::FromRow;

use super::db::{Pool, on_pool};
use tokio::sync::{Mutex, mpsc, oneshot};

use super::{Result, Store, StoreError};

/// The advisory lock (PostgreSQL) that a reply batch holds shared and forget-me holds
/// whole, so tombstones are read and honoured atomically across processes.
pub(super) const FORGET_LOCK: i64 = 0x636f_6c6c_6f71_0001;

/// A change to the record of replies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordOp {
    Insert {
        session_id: i64,
        member_key: String,
        display_name: String,
        /// The member's forget-me tag ([`crate::domain::anon::forget_tag`]): a message
        /// posted before the member asked to be forgotten is not recorded.
        member_tag: String,
        platform: String,
        message_id: String,
        reply_to: Option<String>,
        text: String,
        posted_at: i64,
    },
    Edit {
        platform: String,
        message_id: String,
        /// When set, only this member's reply is edited.
        member_key: Option<String>,
        text: String,
        edited_at: i64,
    },
    Delete {
        platform: String,
        message_id: String,
        deleted_at: i64,
    },
}

/// What a committed op did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new reply was recorded.
    Inserted,
    /// The message was already recorded (a replayed event).
    Duplicate,
    /// An edit or deletion was applied.
    Updated,
    /// An edit or deletion of a message that is not recorded.
    Unknown,
    /// Not recorded: its author asked to be forgotten after posting it.
    Forgotten,
}

/// Ops submitted together (one message, or a run of a burst's messages), acknowledged
/// together once committed: each op's own outcome, in order.
pub(super) struct Job {
    pub(super) ops: Vec<RecordOp>,
    pub(super) ack: oneshot::Sender<Vec<OpResult>>,
}

/// What became of one op: written, or the database's error.
pub(super) type OpResult = std::result::Result<Written, String>;

/// The jobs the writer takes into one transaction: the first, then whatever has queued
/// up behind it, up to about [`MAX_BATCH`] ops.
pub(super) fn fill_batch(batch: &mut Vec<Job>, first: Job, rx: &mut mpsc::Receiver<Job>) {
    let mut ops = first.ops.len();
    batch.push(first);
    while ops < MAX_BATCH {
        match rx.try_recv() {
            Ok(job) => {
                ops += job.ops.len();
                batch.push(job);
            }
            Err(_) => break,
        }
    }
}

/// Hands each job its ops' outcomes (`results` holds every op of the batch, in order).
pub(super) fn acknowledge(batch: &mut Vec<Job>, results: Vec<OpResult>) {
    let mut results = results.into_iter();
    for job in batch.drain(..) {
        let mine: Vec<OpResult> = results.by_ref().take(job.ops.len()).collect();
        let _ = job.ack.send(mine);
    }
}

/// The most ops one transaction takes.
pub(super) const MAX_BATCH: usize = 2000;
/// Multi-row statements come in these sizes (a run of 1,234 rows is one statement of
/// 1,000, two of 100, three of 10 and four of 1), so a handful of cached statements
/// serve every batch size.
const STATEMENT_ROWS: [usize; 4] = [1000, 100, 10, 1];

/// Members the writer has already stored with their current name, so a burst does not
/// upsert the same members again and again. Cleared when a member is forgotten or renamed
/// outside the writer (`generation` moves), and whenever a batch fails.
pub(super) struct KnownMembers {
    pub(super) names: HashMap<String, String>,
    generation: Arc<std::sync::atomic::AtomicU64>,
    seen: u64,
}

impl KnownMembers {
    pub(super) fn new(generation: Arc<std::sync::atomic::AtomicU64>) -> KnownMembers {
        KnownMembers {
            names: HashMap::new(),
            generation,
            seen: 0,
        }
    }

    pub(super) fn refresh(&mut self) {
        let now = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        if now != self.seen || self.names.len() > 200_000 {
            self.names.clear();
            self.seen = now;
        }
    }
}

/// Handle to the writer thread.
#[derive(Clone)]
pub struct ReplyWriter {
    /// `None` once shut down; every clone shares it, so shutting down closes the channel.
    tx: Arc<std::sync::RwLock<Option<mpsc::Sender<Job>>>>,
    /// Fires when the thread has committed everything and closed its connection.
    stopped: Arc<Mutex<Option<oneshot::Receiver<()>>>>,
}

/// A rusqlite connection with the store's durability settings: WAL, `synchronous = FULL`
/// so a commit is on disk before anyone is told it happened, and foreign keys on. The
/// writer and the plain-insert baselines both open theirs here.
pub(super) fn durable_connection(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// The writer's own connection: durable, waiting on a busy database, caching statements.
fn open_connection(path: &Path) -> rusqlite::Result<Connection> {
    let conn = durable_connection(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    // Checkpoints run in the background (see the store), never inside a commit.
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    conn.set_prepared_statement_cache_capacity(32);
    Ok(conn)
}

impl ReplyWriter {
    /// The SQLite writer: a thread with its own rusqlite connection to the file.
    pub(super) fn spawn_sqlite(
        path: &Path,
        generation: Arc<std::sync::atomic::AtomicU64>,
    ) -> Result<ReplyWriter> {
        let conn = open_connection(path)?;
        let (tx, rx) = mpsc::channel::<Job>(16_384);
        let (stopped_tx, stopped) = oneshot::channel();
        let known = KnownMembers::new(generation);
        std::thread::Builder::new()
            .name("colloquy-writer".into())
            .spawn(move || {
                run(conn, rx, known);
                let _ = stopped_tx.send(());
            })
            .map_err(|e| StoreError::WriteFailed(format!("cannot start the reply writer: {e}")))?;
        Ok(ReplyWriter {
            tx: Arc::new(std::sync::RwLock::new(Some(tx))),
            stopped: Arc::new(Mutex::new(Some(stopped))),
        })
    }

    /// A handle on a writer that another module runs (the PostgreSQL writer task):
    /// jobs go to `tx`; `stopped` fires when it has written everything.
    pub(super) fn from_channel(
        tx: mpsc::Sender<Job>,
        stopped: oneshot::Receiver<()>,
    ) -> ReplyWriter {
        ReplyWriter {
            tx: Arc::new(std::sync::RwLock::new(Some(tx))),
            stopped: Arc::new(Mutex::new(Some(stopped))),
        }
    }

    /// Queues ops as one job and waits for their commit: each op's outcome, in order.
    async fn submit(&self, ops: Vec<RecordOp>) -> Result<Vec<Result<Written>>> {
        let sender = match self.tx.read() {
            Ok(guard) => guard.clone(),
            Err(_) => None,
        }
        .ok_or(StoreError::WriterGone)?;
        let (ack, done) = oneshot::channel();
        let count = ops.len();
        sender
            .send(Job { ops, ack })
            .await
            .map_err(|_| StoreError::WriterGone)?;
        drop(sender);
        let results = done.await.map_err(|_| StoreError::WriterGone)?;
        if results.len() != count {
            return Err(StoreError::WriterGone);
        }
        Ok(results
            .into_iter()
            .map(|r| r.map_err(StoreError::WriteFailed))
            .collect())
    }

    /// Stop taking ops and wait until everything queued is committed.
    pub(super) async fn shutdown(&self) {
        if let Ok(mut guard) = self.tx.write() {
            guard.take();
        }
        let stopped = self.stopped.lock().await.take();
        if let Some(stopped) = stopped {
            let _ = stopped.await;
        }
    }
}

fn run(mut conn: Connection, mut rx: mpsc::Receiver<Job>, mut known: KnownMembers) {
    let mut batch: Vec<Job> = Vec::new();
    // Ends when every sender is gone, after the queue is drained.
    while let Some(first) = rx.blocking_recv() {
        fill_batch(&mut batch, first, &mut rx);
        write_batch(&mut conn, &mut batch, &mut known);
    }
}

fn write_batch(conn: &mut Connection, batch: &mut Vec<Job>, known: &mut KnownMembers) {
    known.refresh();
    let ops: Vec<&RecordOp> = batch.iter().flat_map(|j| &j.ops).collect();
    let mut attempt = apply_in_transaction(conn, &ops, known);
    if attempt.is_err() && !known.names.is_empty() {
        // Perhaps a member this writer knew was deleted elsewhere: try once more afresh.
        known.names.clear();
        attempt = apply_in_transaction(conn, &ops, known);
    }
    let results = match attempt {
        Ok(results) => results.into_iter().map(Ok).collect(),
        // Isolate the failing op: apply one by one, each in its own transaction.
        Err(_) => ops
            .iter()
            .map(|op| {
                known.names.clear();
                apply_in_transaction(conn, &[*op], known)
                    .map(|mut r| r.pop().unwrap_or(Written::Unknown))
                    .map_err(|e| format!("database error: {e}"))
            })
            .collect(),
    };
    drop(ops);
    acknowledge(batch, results);
}

fn apply_in_transaction(
    conn: &mut Connection,
    ops: &[&RecordOp],
    known: &mut KnownMembers,
) -> rusqlite::Result<Vec<Written>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut results = vec![Written::Unknown; ops.len()];
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], RecordOp::Insert { .. }) {
            let start = i;
            while i < ops.len() && matches!(ops[i], RecordOp::Insert { .. }) {
                i += 1;
            }
            insert_run(&tx, &ops[start..i], &mut results[start..i], known)?;
        } else {
            results[i] = apply_change(&tx, ops[i])?;
            i += 1;
        }
    }
    tx.commit()?;
    Ok(results)
}

/// `INSERT INTO … VALUES (…), (…) …` for `rows` rows of `columns` parameters.
fn multi_row_sql(head: &str, columns: usize, rows: usize, tail: &str) -> String {
    let one = format!("({})", vec!["?"; columns].join(", "));
    let mut sql = String::with_capacity(head.len() + tail.len() + rows * (one.len() + 2));
    sql.push_str(head);
    sql.push_str(" VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&one);
    }
    sql.push(' ');
    sql.push_str(tail);
    sql
}

/// One multi-row statement's text for each of the fixed sizes, largest first.
struct MultiRow {
    columns: usize,
    by_size: [(usize, String); STATEMENT_ROWS.len()],
}

impl MultiRow {
    fn new(head: &str, columns: usize, tail: &str) -> MultiRow {
        MultiRow {
            columns,
            by_size: STATEMENT_ROWS.map(|size| (size, multi_row_sql(head, columns, size, tail))),
        }
    }
}

/// Run a multi-row statement over rows of `statements.columns` parameters each (flattened
/// in `params`), in the fixed statement sizes; returns the rows changed.
fn execute_rows(
    conn: &Connection,
    statements: &MultiRow,
    params: &[&dyn ToSql],
) -> rusqlite::Result<usize> {
    let columns = statements.columns;
    let mut changed = 0;
    let mut rest = params;
    let counts = statement_counts(params.len() / columns);
    for ((size, sql), count) in statements.by_size.iter().zip(counts) {
        for _ in 0..count {
            let (now, later) = rest.split_at(size * columns);
            changed += conn
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(now.iter()))?;
            rest = later;
        }
    }
    Ok(changed)
}

/// How many statements of each fixed size (in `STATEMENT_ROWS` order) `rows` rows take.
fn statement_counts(mut rows: usize) -> [usize; STATEMENT_ROWS.len()] {
    STATEMENT_ROWS.map(|size| {
        let count = rows / size;
        rows %= size;
        count
    })
}

const INSERT_REPLIES: &str = "INSERT INTO replies (session_id, member_key, platform, message_id, reply_to, text, posted_at, deleted_at)";
const INSERT_MEMBERS: &str = "INSERT INTO members (key, display_name, first_seen)";
const MEMBERS_CONFLICT: &str = "ON CONFLICT(key) DO UPDATE SET display_name = excluded.display_name \
     WHERE members.display_name <> excluded.display_name";

/// The reply and member inserts, built once.
static SQL_REPLIES: std::sync::LazyLock<MultiRow> = std::sync::LazyLock::new(|| {
    MultiRow::new(
        INSERT_REPLIES,
        8,
        "ON CONFLICT(platform, message_id) DO NOTHING",
    )
});
static SQL_MEMBERS: std::sync::LazyLock<MultiRow> =
    std::sync::LazyLock::new(|| MultiRow::new(INSERT_MEMBERS, 3, MEMBERS_CONFLICT));

fn insert_run(
    tx: &Connection,
    ops: &[&RecordOp],
    results: &mut [Written],
    known: &mut KnownMembers,
) -> rusqlite::Result<()> {
    // Messages whose author was forgotten after posting them are not recorded, and
    // messages deleted before they arrived are recorded as deleted.
    let tombs = Tombstones::of(tx, ops)?;
    let ops: Vec<&RecordOp> = ops
        .iter()
        .zip(results.iter_mut())
        .filter_map(|(op, result)| {
            if tombs.forgets(op) {
                *result = Written::Forgotten;
                None
            } else {
                Some(*op)
            }
        })
        .collect();
    // Results of the ops still to write, in the same order.
    let mut kept: Vec<&mut Written> = results
        .iter_mut()
        .filter(|r| **r != Written::Forgotten)
        .collect();
    if ops.is_empty() {
        return Ok(());
    }
    // Members next (one row per key, only those not already stored with this name).
    let mut members: HashMap<&str, (&str, i64)> = HashMap::new();
    for op in &ops {
        if let RecordOp::Insert {
            member_key,
            display_name,
            posted_at,
            ..
        } = op
            && known.names.get(member_key.as_str()) != Some(display_name)
        {
            members.insert(member_key.as_str(), (display_name.as_str(), *posted_at));
        }
    }
    let members: Vec<(&str, (&str, i64))> = members.into_iter().collect();
    if !members.is_empty() {
        let mut params: Vec<&dyn ToSql> = Vec::with_capacity(members.len() * 3);
        for (key, (name, at)) in &members {
            params.push(key);
            params.push(name);
            params.push(at);
        }
        execute_rows(tx, &SQL_MEMBERS, &params)?;
    }
    // The first op of each message in this run; repeats within the run are duplicates.
    let mut first: HashSet<(&str, &str)> = HashSet::with_capacity(ops.len());
    let mut firsts = 0usize;
    for (op, result) in ops.iter().zip(kept.iter_mut()) {
        if let RecordOp::Insert {
            platform,
            message_id,
            ..
        } = op
        {
            if first.insert((platform.as_str(), message_id.as_str())) {
                firsts += 1;
                **result = Written::Inserted;
            } else {
                **result = Written::Duplicate;
            }
        }
    }
    // With one message, the row count says it all; with more, remember where new rows start.
    let before: i64 = if firsts > 1 {
        tx.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM replies")?
            .query_row([], |r| r.get(0))?
    } else {
        0
    };
    // Each row's deletion time (a deletion that overtook its message) and stored text.
    let deleted: Vec<Option<i64>> = ops
        .iter()
        .map(|op| match op {
            RecordOp::Insert {
                platform,
                message_id,
                ..
            } => tombs.deleted_at(platform, message_id),
            _ => None,
        })
        .collect();
    const EMPTY: &str = "";
    let mut params: Vec<&dyn ToSql> = Vec::with_capacity(ops.len() * 8);
    for (op, deleted_at) in ops.iter().zip(&deleted) {
        if let RecordOp::Insert {
            session_id,
            member_key,
            platform,
            message_id,
            reply_to,
            text,
            posted_at,
            ..
        } = op
        {
            params.push(session_id);
            params.push(member_key);
            params.push(platform);
            params.push(message_id);
            params.push(reply_to);
            if deleted_at.is_some() {
                params.push(&EMPTY);
            } else {
                params.push(text);
            }
            params.push(posted_at);
            params.push(deleted_at);
        }
    }
    let inserted = execute_rows(tx, &SQL_REPLIES, &params)?;
    if inserted != firsts && firsts == 1 {
        for result in kept.iter_mut() {
            if **result == Written::Inserted {
                **result = Written::Duplicate;
            }
        }
    } else if inserted != firsts {
        // Some were already recorded (replayed events): find out exactly which are new.
        let mut stmt =
            tx.prepare_cached("SELECT platform, message_id FROM replies WHERE id > ?")?;
        let new: Vec<(String, String)> = stmt
            .query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let new: HashSet<(&str, &str)> =
            new.iter().map(|(p, m)| (p.as_str(), m.as_str())).collect();
        let mut granted: HashSet<(&str, &str)> = HashSet::new();
        for (op, result) in ops.iter().zip(kept.iter_mut()) {
            if let RecordOp::Insert {
                platform,
                message_id,
                ..
            } = op
            {
                let key = (platform.as_str(), message_id.as_str());
                **result = if new.contains(&key) && granted.insert(key) {
                    Written::Inserted
                } else {
                    Written::Duplicate
                };
            }
        }
    }
    for (key, (name, _)) in members {
        known.names.insert(key.to_string(), name.to_string());
    }
    tombs.used(tx)?;
    Ok(())
}

/// The tombstones that concern one run of inserts (see migrations/0002_tombstones.sql).
#[derive(Default)]
pub(super) struct Tombstones {
    /// Forgotten members' tags, with the time of their request.
    pub(super) members: HashMap<String, i64>,
    /// Deleted messages ('platform:message-id'), with the time of the deletion.
    pub(super) messages: HashMap<String, i64>,
}

impl Tombstones {
    /// Looked up in every batch: each distinct member tag of the run, and each message
    /// when any deletion is waiting for its message.
    fn of(tx: &Connection, ops: &[&RecordOp]) -> rusqlite::Result<Tombstones> {
        let mut found = Tombstones::default();
        let tags: HashSet<&str> = ops
            .iter()
            .filter_map(|op| match op {
                RecordOp::Insert { member_tag, .. } => Some(member_tag.as_str()),
                _ => None,
            })
            .collect();
        let mut member =
            tx.prepare_cached("SELECT at FROM tombstones WHERE kind = 'member' AND tag = ?")?;
        for tag in tags {
            if let Some(at) = member.query_row([tag], |r| r.get::<_, i64>(0)).optional()? {
                found.members.insert(tag.to_string(), at);
            }
        }
        // Deletions that overtook their message are rare: look them up only when any wait.
        let any: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM tombstones WHERE kind = 'message')")?
            .query_row([], |r| r.get(0))?;
        if any {
            let mut message =
                tx.prepare_cached("SELECT at FROM tombstones WHERE kind = 'message' AND tag = ?")?;
            for op in ops {
                if let RecordOp::Insert {
                    platform,
                    message_id,
                    ..
                } = op
                {
                    let tag = message_tag(platform, message_id);
                    if let Some(at) = message
                        .query_row([&tag], |r| r.get::<_, i64>(0))
                        .optional()?
                    {
                        found.messages.insert(tag, at);
                    }
                }
            }
        }
        Ok(found)
    }

    /// Whether the op is a message its author has since asked to be forgotten.
    pub(super) fn forgets(&self, op: &RecordOp) -> bool {
        match op {
            RecordOp::Insert {
                member_tag,
                posted_at,
                ..
            } => self
                .members
                .get(member_tag)
                .is_some_and(|forgotten_at| posted_at <= forgotten_at),
            _ => false,
        }
    }

    /// When the message was deleted, if its deletion came first.
    pub(super) fn deleted_at(&self, platform: &str, message_id: &str) -> Option<i64> {
        if self.messages.is_empty() {
            return None;
        }
        self.messages
            .get(&message_tag(platform, message_id))
            .copied()
    }

    /// Drop the message tombstones this run has applied.
    fn used(&self, tx: &Connection) -> rusqlite::Result<()> {
        if self.messages.is_empty() {
            return Ok(());
        }
        let mut delete =
            tx.prepare_cached("DELETE FROM tombstones WHERE kind = 'message' AND tag = ?")?;
        for tag in self.messages.keys() {
            delete.execute([tag])?;
        }
        Ok(())
    }
}

pub(super) fn message_tag(platform: &str, message_id: &str) -> String {
    format!("{platform}:{message_id}")
}

fn apply_change(tx: &Connection, op: &RecordOp) -> rusqlite::Result<Written> {
    let changed = match op {
        RecordOp::Edit {
            platform,
            message_id,
            member_key,
            text,
            edited_at,
        } => tx
            .prepare_cached(
                "UPDATE replies SET text = ?1, edited_at = ?2 WHERE platform = ?3 AND message_id = ?4
                 AND deleted_at IS NULL AND (?5 IS NULL OR member_key = ?5)",
            )?
            .execute(rusqlite::params![
                text, edited_at, platform, message_id, member_key
            ])?,
        RecordOp::Delete {
            platform,
            message_id,
            deleted_at,
        } => {
            let changed = tx
                .prepare_cached("UPDATE replies SET text = '', deleted_at = ? WHERE platform = ? AND message_id = ? AND deleted_at IS NULL")?
                .execute(rusqlite::params![deleted_at, platform, message_id])?;
            if changed == 0 {
                // Perhaps the deletion overtook its message: if the message turns up (from
                // any process, before or after a restart), it is recorded as deleted.
                tx.prepare_cached(
                    "INSERT INTO tombstones (kind, tag, at) VALUES ('message', ?, ?) ON CONFLICT DO NOTHING",
                )?
                .execute(rusqlite::params![message_tag(platform, message_id), deleted_at])?;
            }
            changed
        }
        RecordOp::Insert { .. } => return Ok(Written::Unknown),
    };
    Ok(if changed > 0 {
        Written::Updated
    } else {
        Written::Unknown
    })
}

/// A reply with its author's name, as read back.
#[derive(Debug, Clone, FromRow, PartialEq, Eq, serde::Deserialize)]
pub struct ReplyRow {
    pub id: i64,
    pub session_id: i64,
    pub member_key: String,
    pub display_name: String,
    pub quotes_allowed: bool,
    pub platform: String,
    pub message_id: String,
    pub reply_to: Option<String>,
    pub text: String,
    pub posted_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

const COLUMNS: &str = "r.id, r.session_id, r.member_key, m.display_name, m.quotes_allowed, r.platform, \
     r.message_id, r.reply_to, r.text, r.posted_at, r.edited_at, r.deleted_at";

impl Store {
    /// Record a change and wait until it is committed.
    pub async fn record(&self, op: RecordOp) -> Result<Written> {
        self.writer
            .submit(vec![op])
            .await?
            .pop()
            .unwrap_or(Err(StoreError::WriterGone))
    }

    /// Record changes together (a burst's messages) and wait until they are committed:
    /// each op's outcome, in order. One op that fails does not keep the others out.
    pub async fn record_all(&self, ops: Vec<RecordOp>) -> Result<Vec<Result<Written>>> {
        if ops.is_empty() {
            return Ok(vec![]);
        }
        self.writer.submit(ops).await
    }

    /// A session's replies in posting order (deleted ones included, marked).
    ///
    /// On SQLite, read as one JSON array built by SQLite: a busy session has tens of thousands of
    /// replies, and one row instead of one message per row is several times faster.
    pub async fn session_replies(&self, session_id: i64) -> Result<Vec<ReplyRow>> {
        let pool = match &self.pool {
            Pool::Sqlite(pool) => pool,
            // PostgreSQL streams rows in its binary format: plain rows are as quick there.
            Pool::Postgres(pool) => {
                return Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT {COLUMNS} FROM replies r JOIN members m ON m.key = r.member_key
                     WHERE r.session_id = $1 ORDER BY r.posted_at, r.id"
                )))
                .bind(session_id)
                .fetch_all(pool)
                .await?);
            }
        };
        let json: Option<String> = sqlx::query_scalar(
            "SELECT json_group_array(json_object(
                 'id', r.id, 'session_id', r.session_id, 'member_key', r.member_key,
                 'display_name', m.display_name,
                 'quotes_allowed', json(CASE WHEN m.quotes_allowed THEN 'true' ELSE 'false' END),
                 'platform', r.platform, 'message_id', r.message_id, 'reply_to', r.reply_to,
                 'text', r.text, 'posted_at', r.posted_at, 'edited_at', r.edited_at,
                 'deleted_at', r.deleted_at) ORDER BY r.posted_at, r.id)
             FROM replies r JOIN members m ON m.key = r.member_key WHERE r.session_id = $1",
        )
        .bind(session_id)
        .fetch_one(pool)
        .await?;
        match json {
            None => Ok(Vec::new()),
            Some(j) => serde_json::from_str(&j).map_err(|e| StoreError::Unreadable {
                what: format!("replies of session {session_id}"),
                reason: e.to_string(),
            }),
        }
    }

    /// All replies of a group's sessions, in order.
    pub async fn group_replies(&self, group_id: i64) -> Result<Vec<ReplyRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM replies r JOIN members m ON m.key = r.member_key
             JOIN sessions s ON s.id = r.session_id
             WHERE s.group_id = $1 ORDER BY r.session_id, r.posted_at, r.id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn reply_by_message(
        &self,
        platform: &str,
        message_id: &str,
    ) -> Result<Option<ReplyRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM replies r JOIN members m ON m.key = r.member_key
             WHERE r.platform = $1 AND r.message_id = $2"
        )))
        .bind(platform)
        .bind(message_id)
        .fetch_optional(c).await)?,
        )
    }

    /// Count of replies (not deleted) in a session.
    pub async fn reply_count(&self, session_id: i64) -> Result<i64> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM replies WHERE session_id = $1 AND deleted_at IS NULL",
        )
        .bind(session_id)
        .fetch_one(c).await)?)
    }

    /// Upsert a member's display name (used when they vote or run a command).
    pub async fn touch_member(&self, key: &str, display_name: &str, now_ms: i64) -> Result<()> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "INSERT INTO members (key, display_name, first_seen) VALUES ($1, $2, $3)
             ON CONFLICT(key) DO UPDATE SET display_name = excluded.display_name
             WHERE members.display_name <> excluded.display_name",
        )
        .bind(key)
        .bind(display_name)
        .bind(now_ms)
        .execute(c).await.map(|d| d.rows_affected()))?;
        // A new or renamed member: the reply writer's cache of stored names is stale.
        if done > 0 {
            self.members_generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    }

    /// Delete replies posted before `cutoff_ms`; returns how many.
    pub async fn delete_replies_before(&self, group_id: i64, cutoff_ms: i64) -> Result<u64> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "DELETE FROM replies WHERE posted_at < $1 AND session_id IN (SELECT id FROM sessions WHERE group_id = $2)",
        )
        .bind(cutoff_ms)
        .bind(group_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done)
    }
}

impl Store {
    /// The highest `m<N>` message number used on a platform (replies and the bot's posts),
    /// so that a reopened console keeps its message ids unique.
    pub async fn max_numbered_message(&self, platform: &str) -> Result<u64> {
        let ids: Vec<String> = on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT message_id FROM replies WHERE platform = $1
             UNION ALL SELECT platform_message_id FROM outbox WHERE platform_message_id IS NOT NULL",
        )
        .bind(platform)
        .fetch_all(c).await)?;
        Ok(ids
            .iter()
            .filter_map(|id| {
                id.strip_prefix('m')
                    .or_else(|| id.strip_prefix('t'))
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .max()
            .unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{TestDb, temp_store};

    async fn session(store: &Store) -> i64 {
        crate::store::db::on_pool!(store.pool(), c => sqlx::query(
            "INSERT INTO groups (channel, platform, created_at) VALUES ('console:t', 'console', 0)",
        )
        .execute(c).await.map(|d| d.rows_affected()))
        .unwrap();
        crate::store::db::on_pool!(store.pool(), c => sqlx::query_scalar(
            "INSERT INTO sessions (group_id, kind, started_at) VALUES (1, 'live', 0) RETURNING id",
        )
        .fetch_one(c).await)
        .unwrap()
    }

    fn insert(session_id: i64, id: &str, who: &str, text: &str) -> RecordOp {
        RecordOp::Insert {
            session_id,
            member_key: format!("console:{who}"),
            display_name: who.to_string(),
            member_tag: format!("forgot:{who}"),
            platform: "console".into(),
            message_id: id.into(),
            reply_to: None,
            text: text.into(),
            posted_at: 1,
        }
    }

    /// A session's reply texts, in order.
    async fn texts_of(store: &Store, session_id: i64) -> Vec<String> {
        store
            .session_replies(session_id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.text)
            .collect()
    }

    fn posted_at(mut op: RecordOp, at: i64) -> RecordOp {
        if let RecordOp::Insert { posted_at, .. } = &mut op {
            *posted_at = at;
        }
        op
    }

    crate::store_test! {
        async fn a_forgotten_members_history_is_not_recorded_again(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let location = store.location().clone();
            let s = session(&store).await;
            store
                .record(posted_at(insert(s, "m1", "ana", "early"), 10))
                .await
                .unwrap();
            store
                .record(posted_at(insert(s, "b1", "ben", "hi"), 11))
                .await
                .unwrap();
            store
                .forget_member("console:ana", "forgot:ana", 20)
                .await
                .unwrap();
            store.close().await;
            // A restart (a second process on the same file) replays the history in one batch.
            let store = Store::open_at(&location).await.unwrap();
            let replay = [
                posted_at(insert(s, "m1", "ana", "early"), 10),
                posted_at(insert(s, "m2", "ana", "also early"), 20),
                posted_at(insert(s, "b1", "ben", "hi"), 11),
                posted_at(insert(s, "b2", "ben", "new"), 21),
                posted_at(insert(s, "m3", "ana", "after the request"), 21),
            ];
            let mut tasks = Vec::new();
            for op in replay {
                let store = store.clone();
                tasks.push(tokio::spawn(async move { store.record(op).await.unwrap() }));
            }
            let mut written = Vec::new();
            for t in tasks {
                written.push(t.await.unwrap());
            }
            assert_eq!(
                written,
                [
                    Written::Forgotten,
                    Written::Forgotten,
                    Written::Duplicate,
                    Written::Inserted,
                    Written::Inserted
                ]
            );
            let texts = texts_of(&store, s).await;
            assert_eq!(texts, ["hi", "new", "after the request"]);
            // The tombstone names nobody.
            let tags: Vec<String> = crate::store::db::on_pool!(store.pool(), c => sqlx::query_scalar("SELECT tag FROM tombstones")
                .fetch_all(c).await)
                .unwrap();
            assert_eq!(tags, ["forgot:ana"]);
        }
    }

    crate::store_test! {
        async fn ops_recorded_together_each_get_their_own_outcome(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            store.record(insert(s, "m1", "ana", "first")).await.unwrap();
            let written = store
                .record_all(vec![
                    insert(s, "m2", "ana", "second"),
                    insert(s, "m1", "ana", "first, replayed"),
                    // No such session: this op fails, the batch is retried op by op.
                    insert(s + 1000, "m3", "ben", "lost"),
                    insert(s, "m4", "ben", "fourth"),
                ])
                .await
                .unwrap();
            assert_eq!(written.len(), 4);
            assert!(matches!(written[0], Ok(Written::Inserted)), "{written:?}");
            assert!(matches!(written[1], Ok(Written::Duplicate)), "{written:?}");
            assert!(
                matches!(&written[2], Err(StoreError::WriteFailed(e)) if e.contains("database error")),
                "{written:?}"
            );
            assert!(matches!(written[3], Ok(Written::Inserted)), "{written:?}");
            let texts = texts_of(&store, s).await;
            assert_eq!(texts, ["first", "second", "fourth"]);
            assert!(store.record_all(vec![]).await.unwrap().is_empty());
        }
    }

    crate::store_test! {
        async fn a_deletion_that_overtook_its_message_holds_across_a_restart(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let location = store.location().clone();
            let s = session(&store).await;
            let delete = RecordOp::Delete {
                platform: "console".into(),
                message_id: "m1".into(),
                deleted_at: 5,
            };
            assert_eq!(store.record(delete).await.unwrap(), Written::Unknown);
            store.close().await;
            let store = Store::open_at(&location).await.unwrap();
            assert_eq!(
                store
                    .record(insert(s, "m1", "ana", "regret"))
                    .await
                    .unwrap(),
                Written::Inserted
            );
            let r = store
                .reply_by_message("console", "m1")
                .await
                .unwrap()
                .unwrap();
            assert_eq!((r.text.as_str(), r.deleted_at), ("", Some(5)));
            // Applied once: the tombstone is gone, and a later message is untouched.
            assert_eq!(store.prune_message_tombstones(i64::MAX).await.unwrap(), 0);
            store.record(insert(s, "m2", "ana", "kept")).await.unwrap();
            let r = store
                .reply_by_message("console", "m2")
                .await
                .unwrap()
                .unwrap();
            assert_eq!((r.text.as_str(), r.deleted_at), ("kept", None));
        }
    }

    crate::store_test! {
        async fn replayed_messages_are_not_duplicated(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            assert_eq!(
                store.record(insert(s, "m1", "ana", "hello")).await.unwrap(),
                Written::Inserted
            );
            assert_eq!(
                store.record(insert(s, "m1", "ana", "hello")).await.unwrap(),
                Written::Duplicate
            );
            assert_eq!(store.session_replies(s).await.unwrap().len(), 1);
        }
    }

    crate::store_test! {
        async fn concurrent_burst_is_committed_and_acknowledged(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            let mut tasks = Vec::new();
            for i in 0..3000 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    store
                        .record(insert(s, &format!("m{i}"), &format!("u{}", i % 7), "text"))
                        .await
                }));
            }
            // A replay of the first 100 inside the same burst.
            for i in 0..100 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    store
                        .record(insert(s, &format!("m{i}"), "u0", "text"))
                        .await
                }));
            }
            let mut inserted = 0;
            for t in tasks {
                if t.await.unwrap().unwrap() == Written::Inserted {
                    inserted += 1;
                }
            }
            assert_eq!(inserted, 3000);
            assert_eq!(store.reply_count(s).await.unwrap(), 3000);
            let members: i64 = crate::store::db::on_pool!(store.pool(), c => sqlx::query_scalar("SELECT COUNT(*) FROM members")
                .fetch_one(c).await)
                .unwrap();
            assert_eq!(members, 7);
        }
    }

    crate::store_test! {
        async fn edits_and_deletions(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            store.record(insert(s, "m1", "ana", "first")).await.unwrap();
            let edit = |member_key: Option<&str>, text: &str| RecordOp::Edit {
                platform: "console".into(),
                message_id: "m1".into(),
                member_key: member_key.map(str::to_string),
                text: text.into(),
                edited_at: 5,
            };
            // Someone else's edit of ana's reply changes nothing.
            assert_eq!(
                store
                    .record(edit(Some("console:ben"), "hijacked"))
                    .await
                    .unwrap(),
                Written::Unknown
            );
            assert_eq!(
                store
                    .record(edit(Some("console:ana"), "second"))
                    .await
                    .unwrap(),
                Written::Updated
            );
            assert_eq!(
                store.record(edit(None, "second")).await.unwrap(),
                Written::Updated
            );
            let ghost = RecordOp::Edit {
                platform: "console".into(),
                message_id: "nope".into(),
                member_key: None,
                text: "x".into(),
                edited_at: 5,
            };
            assert_eq!(store.record(ghost).await.unwrap(), Written::Unknown);
            let r = store
                .reply_by_message("console", "m1")
                .await
                .unwrap()
                .unwrap();
            assert_eq!((r.text.as_str(), r.edited_at), ("second", Some(5)));
            let del = RecordOp::Delete {
                platform: "console".into(),
                message_id: "m1".into(),
                deleted_at: 9,
            };
            assert_eq!(store.record(del).await.unwrap(), Written::Updated);
            let r = store
                .reply_by_message("console", "m1")
                .await
                .unwrap()
                .unwrap();
            assert_eq!((r.text.as_str(), r.deleted_at), ("", Some(9)));
        }
    }

    crate::store_test! {
        async fn a_bad_op_does_not_sink_its_batch(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            let mut tasks = Vec::new();
            for i in 0..50 {
                let store = store.clone();
                // Every tenth op names a session that does not exist (a foreign key failure).
                let sid = if i % 10 == 0 { 999 } else { s };
                tasks.push(tokio::spawn(async move {
                    store
                        .record(insert(sid, &format!("m{i}"), "ana", "t"))
                        .await
                }));
            }
            let mut failed = 0;
            for t in tasks {
                if t.await.unwrap().is_err() {
                    failed += 1;
                }
            }
            assert_eq!(failed, 5);
            assert_eq!(store.reply_count(s).await.unwrap(), 45);
        }
    }

    crate::store_test! {
        async fn a_forgotten_member_can_write_again(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            store.record(insert(s, "m1", "ana", "first")).await.unwrap();
            store
                .forget_member("console:ana", "forgot:ana", 0)
                .await
                .unwrap();
            // The writer knew ana; it must upsert her again rather than fail on the foreign key.
            assert_eq!(
                store.record(insert(s, "m2", "ana", "again")).await.unwrap(),
                Written::Inserted
            );
            assert_eq!(store.session_replies(s).await.unwrap().len(), 1);
        }
    }

    crate::store_test! {
        async fn a_name_changed_elsewhere_is_set_again_by_the_next_message(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            store.record(insert(s, "m1", "ana", "first")).await.unwrap();
            // A vote under another name, then a message under the first one again.
            store
                .touch_member("console:ana", "Ana B.", 2)
                .await
                .unwrap();
            store.record(insert(s, "m2", "ana", "again")).await.unwrap();
            let name: String =
                crate::store::db::on_pool!(store.pool(), c => sqlx::query_scalar("SELECT display_name FROM members WHERE key = 'console:ana'")
                    .fetch_one(c).await)
                    .unwrap();
            assert_eq!(name, "ana");
        }
    }

    #[test]
    fn the_writer_connection_keeps_the_stores_durability() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open_connection(&dir.path().join("w.db")).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        // 2 is FULL: the commit is on disk before the ack.
        let sync: i64 = conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        let keys: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!((mode.as_str(), sync, keys), ("wal", 2, 1));
    }

    #[test]
    fn statements_come_in_a_few_fixed_sizes() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a INTEGER, b TEXT)")
            .unwrap();
        let values: Vec<(i64, String)> = (0..1234).map(|i| (i, format!("v{i}"))).collect();
        let mut params: Vec<&dyn ToSql> = Vec::new();
        for (a, b) in &values {
            params.push(a);
            params.push(b);
        }
        let statements = MultiRow::new("INSERT INTO t (a, b)", 2, "");
        let n = execute_rows(&conn, &statements, &params).unwrap();
        assert_eq!(n, 1234);
        // One statement of 1,000 rows, two of 100, three of 10 and four of 1.
        assert_eq!(statement_counts(values.len()), [1, 2, 3, 4]);
        // In order, nothing lost or repeated.
        let rows: Vec<(i64, String)> = conn
            .prepare("SELECT a, b FROM t ORDER BY rowid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, values);
    }

    crate::store_test! {
        async fn shutdown_finishes_queued_writes(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let s = session(&store).await;
            let mut tasks = Vec::new();
            for i in 0..500 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    store.record(insert(s, &format!("m{i}"), "ana", "t")).await
                }));
            }
            tokio::task::yield_now().await;
            for t in tasks {
                t.await.unwrap().unwrap();
            }
            store.close().await;
            let reopened = Store::open_at(store.location()).await.unwrap();
            assert_eq!(reopened.reply_count(s).await.unwrap(), 500);
        }
    }
}
