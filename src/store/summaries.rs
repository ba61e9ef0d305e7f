//! Stored summaries: one per session, and weekly digests.

use sqlx::FromRow;

use super::db::on_pool;

use super::{Result, Store};

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct SummaryRow {
    pub id: i64,
    pub group_id: i64,
    pub session_id: Option<i64>,
    pub week: Option<String>,
    pub body: String,
    pub data: String,
    pub source: String,
    pub created_at: i64,
}

const COLUMNS: &str = "id, group_id, session_id, week, body, data, source, created_at";

impl Store {
    /// Store (or replace) a session's summary.
    pub async fn save_session_summary(
        &self,
        group_id: i64,
        session_id: i64,
        body: &str,
        data: &str,
        source: &str,
        now_ms: i64,
    ) -> Result<i64> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "INSERT INTO summaries (group_id, session_id, body, data, source, created_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT(session_id) WHERE session_id IS NOT NULL DO UPDATE SET body = excluded.body,
               data = excluded.data, source = excluded.source, created_at = excluded.created_at
             RETURNING id",
        )
        .bind(group_id)
        .bind(session_id)
        .bind(body)
        .bind(data)
        .bind(source)
        .bind(now_ms)
        .fetch_one(c).await)?)
    }

    /// Store a weekly digest once; `None` when that week already has one.
    pub async fn save_digest(
        &self,
        group_id: i64,
        week: &str,
        body: &str,
        data: &str,
        now_ms: i64,
    ) -> Result<Option<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "INSERT INTO summaries (group_id, week, body, data, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT(group_id, week) WHERE week IS NOT NULL DO NOTHING RETURNING id",
        )
        .bind(group_id)
        .bind(week)
        .bind(body)
        .bind(data)
        .bind(now_ms)
        .fetch_optional(c).await)?)
    }

    pub async fn session_summary(&self, session_id: i64) -> Result<Option<SummaryRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM summaries WHERE session_id = $1"
        )))
        .bind(session_id)
        .fetch_optional(c).await)?,
        )
    }

    pub async fn digest(&self, group_id: i64, week: &str) -> Result<Option<SummaryRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM summaries WHERE group_id = $1 AND week = $2"
        )))
        .bind(group_id)
        .bind(week)
        .fetch_optional(c).await)?,
        )
    }

    pub async fn group_summaries(&self, group_id: i64) -> Result<Vec<SummaryRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM summaries WHERE group_id = $1 ORDER BY id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn delete_session_summary(&self, session_id: i64) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("DELETE FROM summaries WHERE session_id = $1")
            .bind(session_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }
}
