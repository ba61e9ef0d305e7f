//! Polls and votes.

use sqlx::FromRow;

use super::db::{Tx, on_pool, on_tx};

use super::{Result, Store};
use crate::domain::poll::{Phase, Scale};

/// A poll's phase is stored as "pre" or "post"; anything else is an error naming the value.
impl<DB: sqlx::Database> sqlx::Type<DB> for Phase
where
    String: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as sqlx::Type<DB>>::type_info()
    }
    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for Phase
where
    String: sqlx::Decode<'r, DB>,
{
    fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        let text = <String as sqlx::Decode<DB>>::decode(value)?;
        match text.as_str() {
            "pre" => Ok(Phase::Pre),
            "post" => Ok(Phase::Post),
            other => Err(format!("a poll phase is \"pre\" or \"post\", not \"{other}\"").into()),
        }
    }
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct PollRow {
    pub id: i64,
    pub group_id: i64,
    pub session_id: Option<i64>,
    pub claim: String,
    /// JSON of [`crate::domain::poll::Scale`].
    /// Read from its JSON as the row is read.
    #[sqlx(try_from = "String")]
    pub scale: Scale,
    pub anonymous: bool,
    pub hidden: bool,
    pub native: bool,
    pub phase: Option<Phase>,
    pub pair_id: Option<i64>,
    pub opens_at: i64,
    pub closes_at: i64,
    pub closed_at: Option<i64>,
    pub post_message_id: Option<String>,
}

impl PollRow {
    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }
}

/// A vote as stored; `member_key` and `voted_at` are `None` on anonymous polls.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct VoteRow {
    pub poll_id: i64,
    pub voter: String,
    pub member_key: Option<String>,
    pub option: i64,
    pub reason: Option<String>,
    pub voted_at: Option<i64>,
}

/// A poll to create.
#[derive(Debug, Clone)]
pub struct NewPoll<'a> {
    pub group_id: i64,
    pub session_id: Option<i64>,
    pub claim: &'a str,
    pub scale: &'a str,
    pub anonymous: bool,
    pub hidden: bool,
    pub native: bool,
    pub phase: Option<Phase>,
    pub pair_id: Option<i64>,
    pub opens_at: i64,
    pub closes_at: i64,
}

const COLUMNS: &str = "id, group_id, session_id, claim, scale, anonymous, hidden, native, phase, pair_id, \
                       opens_at, closes_at, closed_at, post_message_id";

/// How a vote changed the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteChange {
    New,
    Changed { from: i64 },
    Same,
}

impl Store {
    pub async fn insert_poll_tx(tx: &mut Tx, p: &NewPoll<'_>) -> Result<i64> {
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO polls (group_id, session_id, claim, scale, anonymous, hidden, native, phase, pair_id, opens_at, closes_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(p.group_id)
        .bind(p.session_id)
        .bind(p.claim)
        .bind(p.scale)
        .bind(p.anonymous)
        .bind(p.hidden)
        .bind(p.native)
        .bind(p.phase.map(Phase::as_str))
        .bind(p.pair_id)
        .bind(p.opens_at)
        .bind(p.closes_at)
        .fetch_one(c).await)?;
        // A pre poll is the head of its own pair.
        if p.phase == Some(Phase::Pre) {
            on_tx!(tx, c => sqlx::query("UPDATE polls SET pair_id = id WHERE id = $1")
                .bind(id)
                .execute(c).await.map(|d| d.rows_affected()))?;
        }
        Ok(id)
    }

    pub async fn poll(&self, id: i64) -> Result<Option<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// The poll posted as this platform message (native polls, buttons).
    pub async fn poll_by_message(&self, message_id: &str) -> Result<Option<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE post_message_id = $1"
        )))
        .bind(message_id)
        .fetch_optional(c).await)?,
        )
    }

    pub async fn polls(&self, group_id: i64) -> Result<Vec<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE group_id = $1 ORDER BY id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn session_polls(&self, session_id: i64) -> Result<Vec<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE session_id = $1 ORDER BY id"
        )))
        .bind(session_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn open_polls(&self, group_id: i64) -> Result<Vec<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE group_id = $1 AND closed_at IS NULL ORDER BY id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    /// The group's most recent poll (open or not).
    pub async fn latest_poll(&self, group_id: i64) -> Result<Option<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE group_id = $1 ORDER BY id DESC LIMIT 1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The group's latest pre poll that has no post poll yet.
    pub async fn unpaired_pre_poll(&self, group_id: i64) -> Result<Option<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls p WHERE group_id = $1 AND phase = 'pre'
             AND NOT EXISTS (SELECT 1 FROM polls q WHERE q.pair_id = p.id AND q.phase = 'post')
             ORDER BY id DESC LIMIT 1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The other half of a pre/post pair.
    pub async fn paired_poll(&self, poll: &PollRow) -> Result<Option<PollRow>> {
        let Some(pair) = poll.pair_id else {
            return Ok(None);
        };
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE pair_id = $1 AND id <> $2 ORDER BY id LIMIT 1"
        )))
        .bind(pair)
        .bind(poll.id)
        .fetch_optional(c).await)?,
        )
    }

    /// Open polls whose deadline has come.
    pub async fn polls_due(&self, now_ms: i64) -> Result<Vec<PollRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM polls WHERE closed_at IS NULL AND closes_at <= $1 ORDER BY closes_at"
        )))
        .bind(now_ms)
        .fetch_all(c).await)?,
        )
    }

    /// Close a poll, once: false when it was already closed.
    pub async fn close_poll_tx(tx: &mut Tx, id: i64, now_ms: i64) -> Result<bool> {
        let done = on_tx!(tx, c => sqlx::query("UPDATE polls SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL")
            .bind(now_ms)
            .bind(id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    pub async fn set_poll_deadline(&self, id: i64, closes_at: i64) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query("UPDATE polls SET closes_at = $1 WHERE id = $2 AND closed_at IS NULL")
            .bind(closes_at)
            .bind(id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    pub async fn set_poll_message_tx(tx: &mut Tx, id: i64, message_id: &str) -> Result<()> {
        on_tx!(tx, c => sqlx::query("UPDATE polls SET post_message_id = $1 WHERE id = $2")
            .bind(message_id)
            .bind(id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Record or change a vote (one per voter and poll). The poll must still be open:
    /// the check and the write are one statement, so a vote cannot land after the close.
    pub async fn cast_vote(
        &self,
        poll_id: i64,
        voter: &str,
        member_key: Option<&str>,
        option: i64,
        reason: Option<&str>,
        voted_at: Option<i64>,
    ) -> Result<Option<VoteChange>> {
        let mut tx = self.write_tx().await?;
        // On PostgreSQL the poll's row is locked, so a close waits for this vote (and a vote
        // after the close sees it closed) and one voter's two clicks are counted in turn;
        // SQLite's write lock does the same.
        let lock = if self.pool.is_postgres() {
            " FOR UPDATE"
        } else {
            ""
        };
        let open: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT id FROM polls WHERE id = $1 AND closed_at IS NULL{lock}"
            )))
                .bind(poll_id)
                .fetch_optional(c).await)?;
        if open.is_none() {
            return Ok(None);
        }
        let before: Option<i64> = on_tx!(tx, c => sqlx::query_scalar("SELECT option FROM votes WHERE poll_id = $1 AND voter = $2")
                .bind(poll_id)
                .bind(voter)
                .fetch_optional(c).await)?;
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO votes (poll_id, voter, member_key, option, reason, voted_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT(poll_id, voter) DO UPDATE SET option = excluded.option,
               reason = COALESCE(excluded.reason, CASE WHEN votes.option = excluded.option THEN votes.reason END),
               voted_at = excluded.voted_at",
        )
        .bind(poll_id)
        .bind(voter)
        .bind(member_key)
        .bind(option)
        .bind(reason)
        .bind(voted_at)
        .execute(c).await.map(|d| d.rows_affected()))?;
        tx.commit().await?;
        Ok(Some(match before {
            None => VoteChange::New,
            Some(b) if b == option => VoteChange::Same,
            Some(b) => VoteChange::Changed { from: b },
        }))
    }

    /// Withdraw a vote on an open poll (a native poll's vote removal), or only when it is
    /// for `option`; false when there was no such vote.
    pub async fn remove_vote(
        &self,
        poll_id: i64,
        voter: &str,
        option: Option<i64>,
    ) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "DELETE FROM votes WHERE poll_id = $1 AND voter = $2 AND ($3 IS NULL OR option = $3)
             AND EXISTS (SELECT 1 FROM polls WHERE id = $1 AND closed_at IS NULL)",
        )
        .bind(poll_id)
        .bind(voter)
        .bind(option)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// Attach a reason to an existing vote on an open poll; false if there is no such vote.
    pub async fn set_vote_reason(&self, poll_id: i64, voter: &str, reason: &str) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE votes SET reason = $1 WHERE poll_id = $2 AND voter = $3
             AND EXISTS (SELECT 1 FROM polls WHERE id = $4 AND closed_at IS NULL)",
        )
        .bind(reason)
        .bind(poll_id)
        .bind(voter)
        .bind(poll_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// Counts per option index.
    pub async fn tally(&self, poll_id: i64) -> Result<Vec<(i64, i64)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT option, COUNT(*) FROM votes WHERE poll_id = $1 GROUP BY option ORDER BY option",
        )
        .bind(poll_id)
        .fetch_all(c).await)?)
    }

    pub async fn votes(&self, poll_id: i64) -> Result<Vec<VoteRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT poll_id, voter, member_key, option, reason, voted_at FROM votes WHERE poll_id = $1 ORDER BY option, voter",
        )
        .bind(poll_id)
        .fetch_all(c).await)?)
    }
}

impl Store {
    /// Create a poll and queue its post, in one transaction.
    pub async fn create_poll(
        &self,
        p: &NewPoll<'_>,
        post: impl Fn(i64) -> (String, String),
    ) -> Result<i64> {
        let mut tx = self.write_tx().await?;
        let id = Store::insert_poll_tx(&mut tx, p).await?;
        let (key, payload) = post(id);
        Store::enqueue_tx(&mut tx, p.group_id, &key, &payload, p.opens_at).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Close a poll and queue its results, once; false when it was already closed.
    pub async fn close_poll(
        &self,
        group_id: i64,
        id: i64,
        now_ms: i64,
        key: &str,
        payload: &str,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        if !Store::close_poll_tx(&mut tx, id, now_ms).await? {
            return Ok(false);
        }
        Store::enqueue_tx(&mut tx, group_id, key, payload, now_ms).await?;
        tx.commit().await?;
        Ok(true)
    }
}
