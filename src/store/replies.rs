//! Replies, written by a group-commit writer.
//!
//! Every recorded message goes through one task that drains whatever has queued up,
//! writes it in a single transaction (multi-row inserts), commits, and only then
//! acknowledges each message. Under a burst, thousands of messages share one commit;
//! when traffic is light, each message is its own small transaction. A batch that fails
//! is retried op by op, so one bad event cannot lose the others.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use sqlx::{FromRow, QueryBuilder, Sqlite, SqlitePool, Transaction};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio::task::JoinHandle;

use super::{Result, Store, StoreError};

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

struct Job {
    op: RecordOp,
    ack: oneshot::Sender<std::result::Result<Written, String>>,
}

/// The most ops one transaction takes.
const MAX_BATCH: usize = 2000;
/// Rows per multi-row INSERT statement.
const ROWS_PER_STATEMENT: usize = 1000;

/// Members the writer has already stored with their current name, so a burst does not
/// upsert the same members again and again. Cleared when a member is forgotten or renamed
/// outside the writer (`generation` moves), and whenever a batch fails.
struct KnownMembers {
    names: HashMap<String, String>,
    generation: Arc<std::sync::atomic::AtomicU64>,
    seen: u64,
}

impl KnownMembers {
    fn refresh(&mut self) {
        let now = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        if now != self.seen || self.names.len() > 200_000 {
            self.names.clear();
            self.seen = now;
        }
    }
}

/// Handle to the writer task.
#[derive(Clone)]
pub struct ReplyWriter {
    /// `None` once shut down; every clone shares it, so shutting down closes the channel.
    tx: Arc<std::sync::RwLock<Option<mpsc::Sender<Job>>>>,
    task: Arc<Mutex<Option<JoinHandle<()>>>>,
}

impl ReplyWriter {
    pub(super) fn spawn(
        pool: SqlitePool,
        generation: Arc<std::sync::atomic::AtomicU64>,
    ) -> ReplyWriter {
        let (tx, rx) = mpsc::channel::<Job>(16_384);
        let known = KnownMembers {
            names: HashMap::new(),
            generation,
            seen: 0,
        };
        let task = tokio::spawn(run(pool, rx, known));
        ReplyWriter {
            tx: Arc::new(std::sync::RwLock::new(Some(tx))),
            task: Arc::new(Mutex::new(Some(task))),
        }
    }

    async fn submit(&self, op: RecordOp) -> Result<Written> {
        let sender = match self.tx.read() {
            Ok(guard) => guard.clone(),
            Err(_) => None,
        }
        .ok_or(StoreError::WriterGone)?;
        let (ack, done) = oneshot::channel();
        sender
            .send(Job { op, ack })
            .await
            .map_err(|_| StoreError::WriterGone)?;
        drop(sender);
        match done.await {
            Ok(Ok(w)) => Ok(w),
            Ok(Err(message)) => Err(StoreError::WriteFailed(message)),
            Err(_) => Err(StoreError::WriterGone),
        }
    }

    /// Stop taking ops and wait until everything queued is committed.
    pub(super) async fn shutdown(&self) {
        if let Ok(mut guard) = self.tx.write() {
            guard.take();
        }
        let handle = self.task.lock().await.take();
        if let Some(handle) = handle {
            let _ = handle.await;
        }
    }
}

async fn run(pool: SqlitePool, mut rx: mpsc::Receiver<Job>, mut known: KnownMembers) {
    let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
    // Ends when every sender is gone, after the queue is drained.
    while let Some(first) = rx.recv().await {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        write_batch(&pool, &mut batch, &mut known).await;
    }
}

async fn write_batch(pool: &SqlitePool, batch: &mut Vec<Job>, known: &mut KnownMembers) {
    known.refresh();
    let ops: Vec<&RecordOp> = batch.iter().map(|j| &j.op).collect();
    let mut attempt = apply_in_transaction(pool, &ops, known).await;
    if attempt.is_err() && !known.names.is_empty() {
        // Perhaps a member this writer knew was deleted elsewhere: try once more afresh.
        known.names.clear();
        attempt = apply_in_transaction(pool, &ops, known).await;
    }
    match attempt {
        Ok(results) => {
            for (job, result) in batch.drain(..).zip(results) {
                let _ = job.ack.send(Ok(result));
            }
        }
        Err(_) => {
            // Isolate the failing op: apply one by one, each in its own transaction.
            for job in batch.drain(..) {
                known.names.clear();
                let result = apply_in_transaction(pool, &[&job.op], known)
                    .await
                    .map(|mut r| r.pop().unwrap_or(Written::Unknown))
                    .map_err(|e| e.to_string());
                let _ = job.ack.send(result);
            }
        }
    }
}

async fn apply_in_transaction(
    pool: &SqlitePool,
    ops: &[&RecordOp],
    known: &mut KnownMembers,
) -> Result<Vec<Written>> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut results = vec![Written::Unknown; ops.len()];
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], RecordOp::Insert { .. }) {
            let start = i;
            while i < ops.len() && matches!(ops[i], RecordOp::Insert { .. }) {
                i += 1;
            }
            insert_run(&mut tx, &ops[start..i], &mut results[start..i], known).await?;
        } else {
            results[i] = apply_change(&mut tx, ops[i]).await?;
            i += 1;
        }
    }
    tx.commit().await?;
    Ok(results)
}

async fn insert_run(
    tx: &mut Transaction<'static, Sqlite>,
    ops: &[&RecordOp],
    results: &mut [Written],
    known: &mut KnownMembers,
) -> Result<()> {
    // Messages whose author was forgotten after posting them are not recorded, and
    // messages deleted before they arrived are recorded as deleted.
    let tombs = Tombstones::of(tx, ops).await?;
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
    for chunk in members.chunks(ROWS_PER_STATEMENT) {
        let mut qb: QueryBuilder<Sqlite> =
            QueryBuilder::new("INSERT INTO members (key, display_name, first_seen) ");
        qb.push_values(chunk, |mut row, (key, (name, at))| {
            row.push_bind(*key).push_bind(*name).push_bind(*at);
        });
        qb.push(
            " ON CONFLICT(key) DO UPDATE SET display_name = excluded.display_name \
             WHERE members.display_name <> excluded.display_name",
        );
        qb.build().execute(&mut **tx).await?;
    }
    // The first op of each message in this run; repeats within the run are duplicates.
    let mut first: HashSet<(&str, &str)> = HashSet::new();
    let mut firsts = 0u64;
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
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM replies")
            .fetch_one(&mut **tx)
            .await?
    } else {
        0
    };
    let mut inserted = 0u64;
    for chunk in ops.chunks(ROWS_PER_STATEMENT) {
        let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO replies (session_id, member_key, platform, message_id, reply_to, text, posted_at, deleted_at) ",
        );
        qb.push_values(chunk.iter(), |mut row, op| {
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
                let deleted_at = tombs.deleted_at(platform, message_id);
                row.push_bind(*session_id)
                    .push_bind(member_key.as_str())
                    .push_bind(platform.as_str())
                    .push_bind(message_id.as_str())
                    .push_bind(reply_to.as_deref())
                    .push_bind(if deleted_at.is_some() {
                        ""
                    } else {
                        text.as_str()
                    })
                    .push_bind(*posted_at)
                    .push_bind(deleted_at);
            }
        });
        qb.push(" ON CONFLICT(platform, message_id) DO NOTHING");
        inserted += qb.build().execute(&mut **tx).await?.rows_affected();
    }
    if inserted != firsts && firsts == 1 {
        for result in kept.iter_mut() {
            if **result == Written::Inserted {
                **result = Written::Duplicate;
            }
        }
    } else if inserted != firsts {
        // Some were already recorded (replayed events): find out exactly which are new.
        let new: Vec<(String, String)> =
            sqlx::query_as("SELECT platform, message_id FROM replies WHERE id > ?")
                .bind(before)
                .fetch_all(&mut **tx)
                .await?;
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
    tombs.used(tx).await?;
    Ok(())
}

/// The tombstones that concern one run of inserts (see migrations/0002_tombstones.sql).
#[derive(Default)]
struct Tombstones {
    /// Forgotten members' tags, with the time of their request.
    members: HashMap<String, i64>,
    /// Deleted messages ('platform:message-id'), with the time of the deletion.
    messages: HashMap<String, i64>,
}

impl Tombstones {
    async fn of(tx: &mut Transaction<'static, Sqlite>, ops: &[&RecordOp]) -> Result<Tombstones> {
        let mut found = Tombstones::default();
        let tags: HashSet<&str> = ops
            .iter()
            .filter_map(|op| match op {
                RecordOp::Insert { member_tag, .. } => Some(member_tag.as_str()),
                _ => None,
            })
            .collect();
        for chunk in tags
            .into_iter()
            .collect::<Vec<_>>()
            .chunks(ROWS_PER_STATEMENT)
        {
            let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
                "SELECT tag, at FROM tombstones WHERE kind = 'member' AND tag IN (",
            );
            let mut list = qb.separated(", ");
            for tag in chunk {
                list.push_bind(*tag);
            }
            qb.push(")");
            let rows: Vec<(String, i64)> = qb.build_query_as().fetch_all(&mut **tx).await?;
            found.members.extend(rows);
        }
        // Deletions that overtook their message are rare: look them up only when any wait.
        let any: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM tombstones WHERE kind = 'message')")
                .fetch_one(&mut **tx)
                .await?;
        if any {
            let ids: Vec<String> = ops
                .iter()
                .filter_map(|op| match op {
                    RecordOp::Insert {
                        platform,
                        message_id,
                        ..
                    } => Some(message_tag(platform, message_id)),
                    _ => None,
                })
                .collect();
            for chunk in ids.chunks(ROWS_PER_STATEMENT) {
                let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
                    "SELECT tag, at FROM tombstones WHERE kind = 'message' AND tag IN (",
                );
                let mut list = qb.separated(", ");
                for id in chunk {
                    list.push_bind(id.as_str());
                }
                qb.push(")");
                let rows: Vec<(String, i64)> = qb.build_query_as().fetch_all(&mut **tx).await?;
                found.messages.extend(rows);
            }
        }
        Ok(found)
    }

    /// Whether the op is a message its author has since asked to be forgotten.
    fn forgets(&self, op: &RecordOp) -> bool {
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
    fn deleted_at(&self, platform: &str, message_id: &str) -> Option<i64> {
        if self.messages.is_empty() {
            return None;
        }
        self.messages
            .get(&message_tag(platform, message_id))
            .copied()
    }

    /// Drop the message tombstones this run has applied.
    async fn used(&self, tx: &mut Transaction<'static, Sqlite>) -> Result<()> {
        let tags: Vec<&String> = self.messages.keys().collect();
        for chunk in tags.chunks(ROWS_PER_STATEMENT) {
            let mut qb: QueryBuilder<Sqlite> =
                QueryBuilder::new("DELETE FROM tombstones WHERE kind = 'message' AND tag IN (");
            let mut list = qb.separated(", ");
            for tag in chunk {
                list.push_bind(tag.as_str());
            }
            qb.push(")");
            qb.build().execute(&mut **tx).await?;
        }
        Ok(())
    }
}

fn message_tag(platform: &str, message_id: &str) -> String {
    format!("{platform}:{message_id}")
}

async fn apply_change(tx: &mut Transaction<'static, Sqlite>, op: &RecordOp) -> Result<Written> {
    let done = match op {
        RecordOp::Edit {
            platform,
            message_id,
            member_key,
            text,
            edited_at,
        } => sqlx::query(
            "UPDATE replies SET text = ?1, edited_at = ?2 WHERE platform = ?3 AND message_id = ?4
                 AND deleted_at IS NULL AND (?5 IS NULL OR member_key = ?5)",
        )
        .bind(text)
        .bind(edited_at)
        .bind(platform)
        .bind(message_id)
        .bind(member_key)
        .execute(&mut **tx)
        .await?,
        RecordOp::Delete {
            platform,
            message_id,
            deleted_at,
        } => {
            let done = sqlx::query("UPDATE replies SET text = '', deleted_at = ? WHERE platform = ? AND message_id = ? AND deleted_at IS NULL")
                .bind(deleted_at)
                .bind(platform)
                .bind(message_id)
                .execute(&mut **tx)
                .await?;
            if done.rows_affected() == 0 {
                // Perhaps the deletion overtook its message: if the message turns up (from
                // any process, before or after a restart), it is recorded as deleted.
                sqlx::query(
                    "INSERT INTO tombstones (kind, tag, at) VALUES ('message', ?, ?) ON CONFLICT DO NOTHING",
                )
                .bind(message_tag(platform, message_id))
                .bind(deleted_at)
                .execute(&mut **tx)
                .await?;
            }
            done
        }
        RecordOp::Insert { .. } => return Ok(Written::Unknown),
    };
    Ok(if done.rows_affected() > 0 {
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
        self.writer.submit(op).await
    }

    /// A session's replies in posting order (deleted ones included, marked).
    ///
    /// Read as one JSON array built by SQLite: a busy session has tens of thousands of
    /// replies, and one row instead of one message per row is several times faster.
    pub async fn session_replies(&self, session_id: i64) -> Result<Vec<ReplyRow>> {
        let json: Option<String> = sqlx::query_scalar(
            "SELECT json_group_array(json_object(
                 'id', r.id, 'session_id', r.session_id, 'member_key', r.member_key,
                 'display_name', m.display_name,
                 'quotes_allowed', json(CASE WHEN m.quotes_allowed THEN 'true' ELSE 'false' END),
                 'platform', r.platform, 'message_id', r.message_id, 'reply_to', r.reply_to,
                 'text', r.text, 'posted_at', r.posted_at, 'edited_at', r.edited_at,
                 'deleted_at', r.deleted_at) ORDER BY r.posted_at, r.id)
             FROM replies r JOIN members m ON m.key = r.member_key WHERE r.session_id = ?",
        )
        .bind(session_id)
        .fetch_one(&self.pool)
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
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM replies r JOIN members m ON m.key = r.member_key
             JOIN sessions s ON s.id = r.session_id
             WHERE s.group_id = ? ORDER BY r.session_id, r.posted_at, r.id"
        )))
        .bind(group_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn reply_by_message(
        &self,
        platform: &str,
        message_id: &str,
    ) -> Result<Option<ReplyRow>> {
        Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM replies r JOIN members m ON m.key = r.member_key
             WHERE r.platform = ? AND r.message_id = ?"
        )))
        .bind(platform)
        .bind(message_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Count of replies (not deleted) in a session.
    pub async fn reply_count(&self, session_id: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM replies WHERE session_id = ? AND deleted_at IS NULL",
        )
        .bind(session_id)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Upsert a member's display name (used when they vote or run a command).
    pub async fn touch_member(&self, key: &str, display_name: &str, now_ms: i64) -> Result<()> {
        let done = sqlx::query(
            "INSERT INTO members (key, display_name, first_seen) VALUES (?, ?, ?)
             ON CONFLICT(key) DO UPDATE SET display_name = excluded.display_name
             WHERE members.display_name <> excluded.display_name",
        )
        .bind(key)
        .bind(display_name)
        .bind(now_ms)
        .execute(&self.pool)
        .await?;
        // A new or renamed member: the reply writer's cache of stored names is stale.
        if done.rows_affected() > 0 {
            self.members_generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        Ok(())
    }

    /// Delete replies posted before `cutoff_ms`; returns how many.
    pub async fn delete_replies_before(&self, group_id: i64, cutoff_ms: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM replies WHERE posted_at < ? AND session_id IN (SELECT id FROM sessions WHERE group_id = ?)",
        )
        .bind(cutoff_ms)
        .bind(group_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}

impl Store {
    /// The highest `m<N>` message number used on a platform (replies and the bot's posts),
    /// so that a reopened console keeps its message ids unique.
    pub async fn max_numbered_message(&self, platform: &str) -> Result<u64> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT message_id FROM replies WHERE platform = ?
             UNION ALL SELECT platform_message_id FROM outbox WHERE platform_message_id IS NOT NULL",
        )
        .bind(platform)
        .fetch_all(&self.pool)
        .await?;
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
    use crate::store::test_support::temp_store;

    async fn session(store: &Store) -> i64 {
        sqlx::query(
            "INSERT INTO groups (channel, platform, created_at) VALUES ('console:t', 'console', 0)",
        )
        .execute(store.pool())
        .await
        .unwrap();
        sqlx::query_scalar(
            "INSERT INTO sessions (group_id, kind, started_at) VALUES (1, 'live', 0) RETURNING id",
        )
        .fetch_one(store.pool())
        .await
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

    fn posted_at(mut op: RecordOp, at: i64) -> RecordOp {
        if let RecordOp::Insert { posted_at, .. } = &mut op {
            *posted_at = at;
        }
        op
    }

    #[tokio::test]
    async fn a_forgotten_members_history_is_not_recorded_again() {
        let (store, dir) = temp_store().await;
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
        let store = Store::open(&dir.path().join("test.db")).await.unwrap();
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
        let texts: Vec<String> = store
            .session_replies(s)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.text)
            .collect();
        assert_eq!(texts, ["hi", "new", "after the request"]);
        // The tombstone names nobody.
        let tags: Vec<String> = sqlx::query_scalar("SELECT tag FROM tombstones")
            .fetch_all(store.pool())
            .await
            .unwrap();
        assert_eq!(tags, ["forgot:ana"]);
    }

    #[tokio::test]
    async fn a_deletion_that_overtook_its_message_holds_across_a_restart() {
        let (store, dir) = temp_store().await;
        let s = session(&store).await;
        let delete = RecordOp::Delete {
            platform: "console".into(),
            message_id: "m1".into(),
            deleted_at: 5,
        };
        assert_eq!(store.record(delete).await.unwrap(), Written::Unknown);
        store.close().await;
        let store = Store::open(&dir.path().join("test.db")).await.unwrap();
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

    #[tokio::test]
    async fn replayed_messages_are_not_duplicated() {
        let (store, _dir) = temp_store().await;
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

    #[tokio::test]
    async fn concurrent_burst_is_committed_and_acknowledged() {
        let (store, _dir) = temp_store().await;
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
        let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(members, 7);
    }

    #[tokio::test]
    async fn edits_and_deletions() {
        let (store, _dir) = temp_store().await;
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

    #[tokio::test]
    async fn a_bad_op_does_not_sink_its_batch() {
        let (store, _dir) = temp_store().await;
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

    #[tokio::test]
    async fn a_forgotten_member_can_write_again() {
        let (store, _dir) = temp_store().await;
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

    #[tokio::test]
    async fn a_name_changed_elsewhere_is_set_again_by_the_next_message() {
        let (store, _dir) = temp_store().await;
        let s = session(&store).await;
        store.record(insert(s, "m1", "ana", "first")).await.unwrap();
        // A vote under another name, then a message under the first one again.
        store
            .touch_member("console:ana", "Ana B.", 2)
            .await
            .unwrap();
        store.record(insert(s, "m2", "ana", "again")).await.unwrap();
        let name: String =
            sqlx::query_scalar("SELECT display_name FROM members WHERE key = 'console:ana'")
                .fetch_one(store.pool())
                .await
                .unwrap();
        assert_eq!(name, "ana");
    }

    #[tokio::test]
    async fn shutdown_finishes_queued_writes() {
        let (store, _dir) = temp_store().await;
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
        let reopened = Store::open(store.path()).await.unwrap();
        assert_eq!(reopened.reply_count(s).await.unwrap(), 500);
    }
}
