//! The outbox: posts the bot owes, written before they are sent.

use sqlx::FromRow;

use super::db::{Tx, on_pool, on_tx};

use super::{Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: i64,
    pub group_id: i64,
    pub dedupe_key: String,
    pub payload: String,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub platform_message_id: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

impl OutboxRow {
    pub fn status(&self) -> OutboxStatus {
        match self.status.as_str() {
            "sent" => OutboxStatus::Sent,
            "failed" => OutboxStatus::Failed,
            _ => OutboxStatus::Pending,
        }
    }
}

const COLUMNS: &str = "id, group_id, dedupe_key, payload, status, attempts, next_attempt_at, last_error, \
                       platform_message_id, created_at, sent_at";

impl Store {
    /// Queue a post inside a transaction; a second enqueue with the same key is ignored.
    /// Returns the row id when this call queued it.
    pub async fn enqueue_tx(
        tx: &mut Tx,
        group_id: i64,
        dedupe_key: &str,
        payload: &str,
        now_ms: i64,
    ) -> Result<Option<i64>> {
        Ok(on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO outbox (group_id, dedupe_key, payload, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT(dedupe_key) DO NOTHING RETURNING id",
        )
        .bind(group_id)
        .bind(dedupe_key)
        .bind(payload)
        .bind(now_ms)
        .bind(now_ms)
        .fetch_optional(c).await)?)
    }

    /// Queue a post on its own.
    pub async fn enqueue(
        &self,
        group_id: i64,
        dedupe_key: &str,
        payload: &str,
        now_ms: i64,
    ) -> Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let id = Store::enqueue_tx(&mut tx, group_id, dedupe_key, payload, now_ms).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claim up to `limit` due rows for `worker` until `lease_until`; another worker
    /// (a second instance) cannot take them while the lease holds.
    pub async fn claim_outbox(
        &self,
        worker: &str,
        now_ms: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<OutboxRow>> {
        let mut tx = self.write_tx().await?;
        // On PostgreSQL, rows another process is claiming right now are skipped rather than
        // waited for; on SQLite the write lock already keeps two claims apart.
        let lock = if self.pool.is_postgres() {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let rows: Vec<OutboxRow> = on_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2
             WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $3
                          AND (claimed_until IS NULL OR claimed_until < $4) ORDER BY id LIMIT $5{lock})
             RETURNING {COLUMNS}"
        )))
        .bind(worker)
        .bind(lease_until)
        .bind(now_ms)
        .bind(now_ms)
        .bind(limit)
        .fetch_all(c).await)?;
        tx.commit().await?;
        let mut rows = rows;
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    /// Mark a row sent inside the transaction that also records where it went.
    pub async fn outbox_sent_tx(tx: &mut Tx, id: i64, message_id: &str, now_ms: i64) -> Result<()> {
        on_tx!(tx, c => sqlx::query(
            "UPDATE outbox SET status = 'sent', platform_message_id = $1, sent_at = $2, claimed_by = NULL,
             claimed_until = NULL, attempts = attempts + 1, last_error = NULL WHERE id = $3",
        )
        .bind(message_id)
        .bind(now_ms)
        .bind(id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// A failed attempt: retry at `next_attempt_at`, or give up (`failed = true`).
    pub async fn outbox_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: i64,
        failed: bool,
    ) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2,
             status = CASE WHEN $3 THEN 'failed' ELSE status END, claimed_by = NULL, claimed_until = NULL WHERE id = $4",
        )
        .bind(error)
        .bind(next_attempt_at)
        .bind(failed)
        .bind(id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    pub async fn outbox_rows(&self) -> Result<Vec<OutboxRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox ORDER BY id"
        )))
        .fetch_all(c).await)?,
        )
    }

    pub async fn outbox_row(&self, id: i64) -> Result<Option<OutboxRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// Rows still to be sent.
    pub async fn outbox_pending(&self) -> Result<i64> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
                .fetch_one(c).await)?,
        )
    }
}
