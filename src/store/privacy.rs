//! A member's own data: what we hold, and deleting it.

use serde::Serialize;
use sqlx::FromRow;

use super::db::{Tx, TxKind, on_pool, on_tx};

use super::{Result, Store};

/// Everything held about one member that can be linked to them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MemberData {
    pub member: Option<MemberInfo>,
    pub replies: Vec<MyReply>,
    pub votes: Vec<MyVote>,
}

#[derive(Debug, Clone, Serialize, FromRow, PartialEq, Eq)]
pub struct MemberInfo {
    pub key: String,
    pub display_name: String,
    pub quotes_allowed: bool,
    pub first_seen: i64,
}

#[derive(Debug, Clone, Serialize, FromRow, PartialEq, Eq)]
pub struct MyReply {
    pub session_id: i64,
    pub group: String,
    pub message_id: String,
    pub text: String,
    pub posted_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize, FromRow, PartialEq, Eq)]
pub struct MyVote {
    pub poll_id: i64,
    pub claim: String,
    pub scale: String,
    pub option: i64,
    pub reason: Option<String>,
    pub voted_at: Option<i64>,
}

impl Store {
    /// The member's record, replies and non-anonymous votes.
    pub async fn member_data(&self, key: &str) -> Result<MemberData> {
        let member = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT key, display_name, quotes_allowed, first_seen FROM members WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(c).await)?;
        let replies = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT r.session_id, g.channel AS \"group\", r.message_id, r.text, r.posted_at, r.edited_at, r.deleted_at
             FROM replies r JOIN sessions s ON s.id = r.session_id JOIN groups g ON g.id = s.group_id
             WHERE r.member_key = $1 ORDER BY r.posted_at, r.id",
        )
        .bind(key)
        .fetch_all(c).await)?;
        let votes = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT v.poll_id, p.claim, p.scale, v.option, v.reason, v.voted_at
             FROM votes v JOIN polls p ON p.id = v.poll_id WHERE v.member_key = $1 ORDER BY v.poll_id",
        )
        .bind(key)
        .fetch_all(c).await)?;
        Ok(MemberData {
            member,
            replies,
            votes,
        })
    }

    /// Sessions the member wrote in (their summaries quote them).
    pub async fn member_sessions(&self, key: &str) -> Result<Vec<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT DISTINCT session_id FROM replies WHERE member_key = $1 ORDER BY session_id",
        )
        .bind(key)
        .fetch_all(c).await)?)
    }

    /// Delete the member's replies, non-anonymous votes and record, and the stored
    /// summaries of the sessions they wrote in (rebuilt without them afterwards), and
    /// leave a tombstone under `tag` (a keyed hash of the member, see
    /// [`crate::domain::anon::forget_tag`]) so that nothing they posted or voted before
    /// `at_ms` is recorded again, by this process or another; every archive is marked stale.
    /// Returns (replies, votes) deleted.
    pub async fn forget_member(&self, key: &str, tag: &str, at_ms: i64) -> Result<(u64, u64)> {
        let mut tx = self.write_tx().await?;
        if let Tx(TxKind::Postgres(t)) = &mut tx {
            // Every reply writer's batch holds this lock shared (see replies.rs): taken
            // whole, no batch is between reading the tombstones and committing, so none can
            // record this member's old messages after they are deleted here.
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(super::replies::FORGET_LOCK)
                .execute(&mut **t)
                .await?;
        }
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO tombstones (kind, tag, at) VALUES ('member', $1, $2)
             ON CONFLICT (kind, tag) DO UPDATE SET at = CASE WHEN excluded.at > tombstones.at THEN excluded.at ELSE tombstones.at END",
        )
        .bind(tag)
        .bind(at_ms)
        .execute(c).await.map(|d| d.rows_affected()))?;
        on_tx!(tx, c => sqlx::query(
            "DELETE FROM summaries WHERE session_id IN (SELECT DISTINCT session_id FROM replies WHERE member_key = $1)",
        )
        .bind(key)
        .execute(c).await.map(|d| d.rows_affected()))?;
        let replies = on_tx!(tx, c => sqlx::query("DELETE FROM replies WHERE member_key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        let votes = on_tx!(tx, c => sqlx::query("DELETE FROM votes WHERE member_key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        on_tx!(tx, c => sqlx::query("DELETE FROM members WHERE key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        // Every archive written may show the member: the next run rewrites them whole.
        on_tx!(tx, c => sqlx::query("UPDATE archives SET stale = TRUE")
            .execute(c).await.map(|d| d.rows_affected()))?;
        tx.commit().await?;
        // The reply writer must not assume this member still exists.
        self.members_generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok((replies, votes))
    }

    /// When the member with this forget-me tag asked to be forgotten (the latest time).
    pub async fn forgotten_at(&self, tag: &str) -> Result<Option<i64>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT at FROM tombstones WHERE kind = 'member' AND tag = $1")
                .bind(tag)
                .fetch_optional(c).await)?,
        )
    }

    /// Forget deletions that overtook their message before `cutoff_ms` (a message that has
    /// not turned up by then will not). Returns how many.
    pub async fn prune_message_tombstones(&self, cutoff_ms: i64) -> Result<u64> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query("DELETE FROM tombstones WHERE kind = 'message' AND at < $1")
                .bind(cutoff_ms)
                .execute(c).await.map(|d| d.rows_affected()))?,
        )
    }

    /// Whether summaries may quote the member by name.
    pub async fn set_quotes_allowed(&self, key: &str, allowed: bool) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query("UPDATE members SET quotes_allowed = $1 WHERE key = $2")
            .bind(allowed)
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// Display names of members who opted out of being quoted by name.
    pub async fn opted_out_names(&self) -> Result<Vec<String>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT display_name FROM members WHERE quotes_allowed = FALSE")
                .fetch_all(c).await)?,
        )
    }
}
