//! Sessions: one excerpt's discussion (daily or extra) or a live seminar.

use sqlx::FromRow;

use super::db::{Pool, Tx, TxKind, on_pool, on_tx};

use super::{Result, Store};

/// What started a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    /// The scheduled excerpt of a local date.
    Daily,
    /// An excerpt posted on demand, beyond the day's.
    Extra,
    /// A live seminar between `session start` and `session end`.
    Live,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Daily => "daily",
            SessionKind::Extra => "extra",
            SessionKind::Live => "live",
        }
    }
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub group_id: i64,
    pub kind: String,
    pub excerpt_id: Option<i64>,
    pub local_date: Option<String>,
    pub title: Option<String>,
    pub started_at: i64,
    pub ends_at: Option<i64>,
    pub ended_at: Option<i64>,
    pub post_message_id: Option<String>,
    pub thread_id: Option<String>,
}

impl SessionRow {
    pub fn is_open(&self) -> bool {
        self.ended_at.is_none()
    }
}

const COLUMNS: &str = "id, group_id, kind, excerpt_id, local_date, title, started_at, ends_at, ended_at, post_message_id, thread_id";

/// A session to create.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub group_id: i64,
    pub kind: SessionKind,
    pub excerpt_id: Option<i64>,
    pub local_date: Option<&'a str>,
    pub title: Option<&'a str>,
    pub started_at: i64,
    pub ends_at: Option<i64>,
}

impl Store {
    /// Begin a write transaction. On SQLite it holds the write lock from the start
    /// (`BEGIN IMMEDIATE`), so a read-then-write inside it cannot fail on a concurrent
    /// writer; on PostgreSQL it is a plain `BEGIN` (READ COMMITTED): the statements that
    /// must not race say so themselves (unique keys, `FOR SHARE`, `SKIP LOCKED`, locks).
    pub async fn write_tx(&self) -> Result<Tx> {
        Ok(match &self.pool {
            Pool::Sqlite(p) => Tx(TxKind::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?)),
            Pool::Postgres(p) => Tx(TxKind::Postgres(p.begin().await?)),
        })
    }

    /// Insert a session inside a transaction; `None` when a unique rule refused it
    /// (the day already has its session, the excerpt was already posted, a live
    /// session is already open).
    pub async fn insert_session_tx(tx: &mut Tx, s: &NewSession<'_>) -> Result<Option<i64>> {
        let id: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO sessions (group_id, kind, excerpt_id, local_date, title, started_at, ends_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(s.group_id)
        .bind(s.kind.as_str())
        .bind(s.excerpt_id)
        .bind(s.local_date)
        .bind(s.title)
        .bind(s.started_at)
        .bind(s.ends_at)
        .fetch_optional(c).await)?;
        Ok(id)
    }

    pub async fn session(&self, id: i64) -> Result<Option<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// The session whose thread or excerpt post is `anchor` (a platform message or thread id).
    pub async fn session_by_anchor(&self, anchor: &str) -> Result<Option<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE thread_id = $1 OR post_message_id = $1 ORDER BY id DESC LIMIT 1"
        )))
        .bind(anchor)
        .fetch_optional(c).await)?,
        )
    }

    /// The open live session of a group, if any.
    pub async fn open_live_session(&self, group_id: i64) -> Result<Option<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE group_id = $1 AND kind = 'live' AND ended_at IS NULL"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The group's current session: an open live one, else the latest excerpt session.
    pub async fn current_session(&self, group_id: i64) -> Result<Option<SessionRow>> {
        if let Some(live) = self.open_live_session(group_id).await? {
            return Ok(Some(live));
        }
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE group_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The latest session that posted an excerpt.
    pub async fn current_excerpt_session(&self, group_id: i64) -> Result<Option<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE group_id = $1 AND excerpt_id IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }

    pub async fn sessions(&self, group_id: i64) -> Result<Vec<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE group_id = $1 ORDER BY started_at, id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    /// Sessions of a group that started in [from, to).
    pub async fn sessions_between(
        &self,
        group_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE group_id = $1 AND started_at >= $2 AND started_at < $3 ORDER BY started_at, id"
        )))
        .bind(group_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(c).await)?,
        )
    }

    /// Open sessions whose planned end has come.
    pub async fn sessions_due_to_end(&self, now_ms: i64) -> Result<Vec<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM sessions WHERE ended_at IS NULL AND ends_at IS NOT NULL AND ends_at <= $1 ORDER BY id"
        )))
        .bind(now_ms)
        .fetch_all(c).await)?,
        )
    }

    /// Open sessions of a platform with a thread or post (for backfill after downtime).
    pub async fn open_anchored_sessions(&self, platform: &str) -> Result<Vec<SessionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT s.{} FROM sessions s JOIN groups g ON g.id = s.group_id
             WHERE g.platform = $1 AND s.ended_at IS NULL AND (s.thread_id IS NOT NULL OR s.post_message_id IS NOT NULL)
             ORDER BY s.id",
            COLUMNS.replace(", ", ", s.")
        )))
        .bind(platform)
        .fetch_all(c).await)?,
        )
    }

    /// Mark a session ended, once: false when it had already ended.
    pub async fn end_session_tx(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool> {
        let done = on_tx!(tx, c => sqlx::query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
                .bind(now_ms)
                .bind(id)
                .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// Record where an excerpt was posted (its message, and its thread when there is one).
    pub async fn set_session_anchors_tx(
        tx: &mut Tx,
        id: i64,
        post_message_id: &str,
        thread_id: Option<&str>,
    ) -> Result<()> {
        on_tx!(tx, c => sqlx::query("UPDATE sessions SET post_message_id = $1, thread_id = COALESCE($2, thread_id) WHERE id = $3")
            .bind(post_message_id)
            .bind(thread_id)
            .bind(id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Where the latest recorded reply of a session is (platform message id), for backfill.
    pub async fn last_reply_message(&self, session_id: i64) -> Result<Option<String>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT message_id FROM replies WHERE session_id = $1 ORDER BY posted_at DESC, id DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(c).await)?)
    }
}

/// What an attempt to post the next excerpt did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExcerptStart {
    /// A session was opened for this excerpt and its post queued.
    Started { session_id: i64, excerpt_id: i64 },
    /// The day's slot was already decided (by an earlier run or another instance).
    SlotTaken,
    /// Nothing left to post. `notice_due` is true the first time for the last reading.
    Exhausted {
        reading_id: Option<i64>,
        notice_due: bool,
    },
}

impl Store {
    /// In one transaction: claim the day's slot (for daily posts), pick the next unposted
    /// excerpt, open its session and queue the post (`excerpt_post(session id)` gives the
    /// outbox key and payload; `finished_notice(reading id)` the notice that the last
    /// reading has run out). Two instances, or a race with
    /// `excerpt next`, cannot post the same slot or the same excerpt twice.
    /// `session` describes the session to open; its excerpt is chosen here.
    pub async fn start_excerpt_session(
        &self,
        session: &NewSession<'_>,
        excerpt_post: impl Fn(i64) -> (String, String),
        finished_notice: impl Fn(i64) -> (String, String),
    ) -> Result<ExcerptStart> {
        let (group_id, kind, local_date, started_at) = (
            session.group_id,
            session.kind,
            session.local_date,
            session.started_at,
        );
        let mut tx = self.write_tx().await?;
        if kind == SessionKind::Daily {
            let Some(date) = local_date else {
                return Err(super::StoreError::Refused(
                    "a daily session needs its local date",
                ));
            };
            if !Store::claim_slot_tx(&mut tx, group_id, date, "posted", started_at).await? {
                return Ok(ExcerptStart::SlotTaken);
            }
        }
        let next: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
            "SELECT e.id FROM excerpts e JOIN readings r ON r.id = e.reading_id
             WHERE r.group_id = $1 AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.excerpt_id = e.id)
             ORDER BY r.id, e.seq LIMIT 1",
        )
        .bind(group_id)
        .fetch_optional(c).await)?;
        let Some(excerpt_id) = next else {
            if let Some(date) = local_date {
                on_tx!(tx, c => sqlx::query("UPDATE schedule_slots SET outcome = 'exhausted' WHERE group_id = $1 AND local_date = $2")
                    .bind(group_id)
                    .bind(date)
                    .execute(c).await.map(|d| d.rows_affected()))?;
            }
            let last: Option<(i64, bool)> = on_tx!(tx, c => sqlx::query_as("SELECT id, finished_noted FROM readings WHERE group_id = $1 ORDER BY id DESC LIMIT 1")
                    .bind(group_id)
                    .fetch_optional(c).await)?;
            let notice_due = matches!(last, Some((_, false)));
            if let Some((id, false)) = last {
                on_tx!(tx, c => sqlx::query("UPDATE readings SET finished_noted = TRUE WHERE id = $1")
                    .bind(id)
                    .execute(c).await.map(|d| d.rows_affected()))?;
            }
            if notice_due && let Some((id, _)) = last {
                let (key, payload) = finished_notice(id);
                Store::enqueue_tx(&mut tx, group_id, &key, &payload, started_at).await?;
            }
            tx.commit().await?;
            return Ok(ExcerptStart::Exhausted {
                reading_id: last.map(|(id, _)| id),
                notice_due,
            });
        };
        let session = NewSession {
            excerpt_id: Some(excerpt_id),
            local_date: if kind == SessionKind::Daily {
                local_date
            } else {
                None
            },
            ..session.clone()
        };
        let Some(session_id) = Store::insert_session_tx(&mut tx, &session).await? else {
            return Ok(ExcerptStart::SlotTaken);
        };
        if let Some(date) = local_date.filter(|_| kind == SessionKind::Daily) {
            Store::set_slot_session_tx(&mut tx, group_id, date, session_id).await?;
        }
        let (key, payload) = excerpt_post(session_id);
        Store::enqueue_tx(&mut tx, group_id, &key, &payload, started_at).await?;
        tx.commit().await?;
        Ok(ExcerptStart::Started {
            session_id,
            excerpt_id,
        })
    }

    /// Decide a slot without posting (paused, skipped, missed); false if already decided.
    pub async fn decide_slot(
        &self,
        group_id: i64,
        local_date: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let claimed = Store::claim_slot_tx(&mut tx, group_id, local_date, outcome, now_ms).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Open a live session; `None` when one is already open.
    pub async fn start_live_session(
        &self,
        group_id: i64,
        title: Option<&str>,
        now_ms: i64,
    ) -> Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let id = Store::insert_session_tx(
            &mut tx,
            &NewSession {
                group_id,
                kind: SessionKind::Live,
                excerpt_id: None,
                local_date: None,
                title,
                started_at: now_ms,
                ends_at: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// End a session and queue its summary, once; false when it had already ended.
    pub async fn end_session(
        &self,
        group_id: i64,
        session_id: i64,
        now_ms: i64,
        key: &str,
        payload: &str,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        if !Store::end_session_tx(&mut tx, session_id, now_ms).await? {
            return Ok(false);
        }
        Store::enqueue_tx(&mut tx, group_id, key, payload, now_ms).await?;
        tx.commit().await?;
        Ok(true)
    }
}
