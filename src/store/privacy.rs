//! A member's own data: what we hold, and deleting it.

use serde::Serialize;
use sqlx::FromRow;

use super::db::{Tx, TxKind, on_pool, on_tx};

use super::{Result, Store, StoreError};

/// Everything held about one member that can be linked to them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MemberData {
    pub member: Option<MemberInfo>,
    pub replies: Vec<MyReply>,
    pub votes: Vec<MyVote>,
    /// The claims they proposed, whatever became of them.
    pub claims: Vec<MyClaim>,
}

/// What `privacy forget-me` deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub replies: u64,
    pub votes: u64,
    /// Proposed claims that were pending or rejected (approved ones are the group's cards
    /// now: they stay, with no author).
    pub claims: u64,
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

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MyVote {
    pub poll_id: i64,
    /// "poll", "claim card" or "quiz".
    pub kind: &'static str,
    pub claim: String,
    /// The option voted for, as the poll words it.
    pub answer: String,
    pub option: i64,
    pub reason: Option<String>,
    pub voted_at: Option<i64>,
}

#[derive(Debug, Clone, FromRow)]
struct VoteRow {
    poll_id: i64,
    claim: String,
    scale: String,
    quiz: bool,
    option: i64,
    reason: Option<String>,
    voted_at: Option<i64>,
}

impl VoteRow {
    fn into_vote(self) -> Result<MyVote> {
        let scale = crate::domain::poll::Scale::try_from(self.scale).map_err(|e| {
            StoreError::Unreadable {
                what: format!("poll {}'s scale", self.poll_id),
                reason: e.to_string(),
            }
        })?;
        let kind = if self.quiz {
            "quiz"
        } else if scale == crate::domain::poll::Scale::Card {
            "claim card"
        } else {
            "poll"
        };
        let answer = usize::try_from(self.option)
            .ok()
            .and_then(|i| scale.options().get(i).cloned())
            .unwrap_or_else(|| format!("option {}", self.option + 1));
        Ok(MyVote {
            poll_id: self.poll_id,
            kind,
            claim: self.claim,
            answer,
            option: self.option,
            reason: self.reason,
            voted_at: self.voted_at,
        })
    }
}

#[derive(Debug, Clone, Serialize, FromRow, PartialEq, Eq)]
pub struct MyClaim {
    pub id: i64,
    pub session_id: Option<i64>,
    pub text: String,
    /// "pending", "approved" or "rejected".
    pub status: String,
    /// The vote card an approved claim became.
    pub card: Option<i64>,
    pub proposed_at: i64,
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
        let votes: Vec<VoteRow> = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT v.poll_id, p.claim, p.scale, (q.poll_id IS NOT NULL) AS quiz, v.option, v.reason, v.voted_at
             FROM votes v JOIN polls p ON p.id = v.poll_id LEFT JOIN quiz_answers q ON q.poll_id = v.poll_id
             WHERE v.member_key = $1 ORDER BY v.poll_id",
        )
        .bind(key)
        .fetch_all(c).await)?;
        let votes = votes
            .into_iter()
            .map(VoteRow::into_vote)
            .collect::<Result<Vec<_>>>()?;
        let claims = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT id, session_id, text, status, poll_id AS card, created_at AS proposed_at
             FROM member_claims WHERE member_key = $1 ORDER BY id",
        )
        .bind(key)
        .fetch_all(c).await)?;
        Ok(MemberData {
            member,
            replies,
            votes,
            claims,
        })
    }

    /// Sessions whose summaries may show the member: those they wrote in (quoted) and
    /// those whose polls they voted in (their reasons).
    pub async fn member_sessions(&self, key: &str) -> Result<Vec<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT session_id FROM replies WHERE member_key = $1
             UNION
             SELECT p.session_id FROM votes v JOIN polls p ON p.id = v.poll_id
             WHERE v.member_key = $1 AND p.session_id IS NOT NULL
             ORDER BY 1",
        )
        .bind(key)
        .fetch_all(c).await)?)
    }

    /// Delete the member's replies, non-anonymous votes (quiz answers and card votes
    /// among them), the claims they proposed that were not approved, and their record;
    /// take their name off approved claims and off decisions they made as a facilitator;
    /// delete the stored summaries of the sessions they wrote or voted in (rebuilt
    /// without them afterwards) and the weekly digests of those groups; and
    /// leave a tombstone under `tag` (a keyed hash of the member, see
    /// [`crate::domain::anon::forget_tag`]) so that nothing they posted or voted before
    /// `at_ms` is recorded again, by this process or another; every archive is marked stale.
    pub async fn forget_member(&self, key: &str, tag: &str, at_ms: i64) -> Result<Forgotten> {
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
            "DELETE FROM summaries WHERE session_id IN (
                SELECT session_id FROM replies WHERE member_key = $1
                UNION
                SELECT p.session_id FROM votes v JOIN polls p ON p.id = v.poll_id
                WHERE v.member_key = $1 AND p.session_id IS NOT NULL)",
        )
        .bind(key)
        .execute(c).await.map(|d| d.rows_affected()))?;
        // A weekly digest counts the week's members and names its themes: the digests of
        // every group the member wrote or voted in go (made again without them when needed).
        on_tx!(tx, c => sqlx::query(
            "DELETE FROM summaries WHERE week IS NOT NULL AND group_id IN (
                SELECT s.group_id FROM replies r JOIN sessions s ON s.id = r.session_id
                WHERE r.member_key = $1
                UNION
                SELECT p.group_id FROM votes v JOIN polls p ON p.id = v.poll_id
                WHERE v.member_key = $1)",
        )
        .bind(key)
        .execute(c).await.map(|d| d.rows_affected()))?;
        let replies = on_tx!(tx, c => sqlx::query("DELETE FROM replies WHERE member_key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        let votes = on_tx!(tx, c => sqlx::query("DELETE FROM votes WHERE member_key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        let claims = on_tx!(tx, c => sqlx::query(
            "DELETE FROM member_claims WHERE member_key = $1 AND status IN ('pending', 'rejected')",
        )
        .bind(key)
        .execute(c).await.map(|d| d.rows_affected()))?;
        on_tx!(tx, c => sqlx::query("UPDATE member_claims SET member_key = NULL WHERE member_key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        on_tx!(tx, c => sqlx::query("UPDATE member_claims SET decided_by = NULL WHERE decided_by = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        on_tx!(tx, c => sqlx::query("DELETE FROM members WHERE key = $1")
            .bind(key)
            .execute(c).await.map(|d| d.rows_affected()))?;
        // Every archive written may show the member: the next run rewrites them whole.
        on_tx!(tx, c => sqlx::query("UPDATE archives SET stale = TRUE")
            .execute(c)
            .await
            .map(|d| d.rows_affected()))?;
        tx.commit().await?;
        // The reply writer must not assume this member still exists.
        self.members_generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(Forgotten {
            replies,
            votes,
            claims,
        })
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
