//! What the opinion map and the deliberation report keep: members' proposed claims and
//! their moderation, anonymous polls' voter-key scopes, and quiz answers; and polls
//! created together with these in one transaction. Placeholders are `$n` so the SQL
//! ports to PostgreSQL unchanged.

use sqlx::FromRow;

use super::db::{on_pool, on_tx};
use super::{NewPoll, Result, Store};

/// A claim a member proposed.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct MemberClaimRow {
    pub id: i64,
    pub group_id: i64,
    pub session_id: Option<i64>,
    /// `None` once the author asked to be forgotten.
    pub member_key: Option<String>,
    /// The author's name as last seen (`None`: forgotten).
    pub author: Option<String>,
    pub text: String,
    pub normalized: String,
    /// "pending", "approved" or "rejected".
    pub status: String,
    pub poll_id: Option<i64>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    /// The member key of the facilitator who approved or rejected it.
    pub decided_by: Option<String>,
    /// Their name as last seen (`None`: undecided, or they were forgotten).
    pub decided_by_name: Option<String>,
}

/// A claim to store.
#[derive(Debug, Clone)]
pub struct NewMemberClaim<'a> {
    pub group_id: i64,
    pub session_id: i64,
    pub member_key: &'a str,
    pub text: &'a str,
    pub normalized: &'a str,
    pub created_at: i64,
}

/// What goes with a poll created for the opinion features.
#[derive(Debug, Clone, Default)]
pub struct PollExtras {
    /// Anonymous polls: the scope of their voter keys.
    pub voter_scope: Option<String>,
    /// Quiz questions: the right option (0-based).
    pub quiz_answer: Option<i64>,
    /// A member's claim this poll is the card of: the claim is approved in the same
    /// transaction (only if still pending).
    pub member_claim: Option<ClaimApproval>,
}

/// A member's claim approved as a card: its final text and who approved it.
#[derive(Debug, Clone)]
pub struct ClaimApproval {
    pub id: i64,
    pub text: String,
    pub normalized: String,
    /// The facilitator's member key.
    pub by: String,
}

const CLAIM_COLUMNS: &str = "c.id, c.group_id, c.session_id, c.member_key, m.display_name AS author, c.text, \
     c.normalized, c.status, c.poll_id, c.created_at, c.decided_at, c.decided_by, d.display_name AS decided_by_name";

/// The tables [`CLAIM_COLUMNS`] reads.
const CLAIM_TABLES: &str = "member_claims c LEFT JOIN members m ON m.key = c.member_key \
     LEFT JOIN members d ON d.key = c.decided_by";

impl Store {
    /// Create a poll with its extras and queue its post, in one transaction. `None` when
    /// the member claim it approves is no longer pending (nothing is written).
    pub async fn create_poll_with(
        &self,
        p: &NewPoll<'_>,
        extras: &PollExtras,
        post: impl Fn(i64) -> (String, String),
    ) -> Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let id = Store::insert_poll_tx(&mut tx, p).await?;
        if let Some(scope) = &extras.voter_scope {
            on_tx!(tx, conn => sqlx::query("INSERT INTO poll_voter_scopes (poll_id, scope) VALUES ($1, $2)")
                .bind(id)
                .bind(scope)
                .execute(conn).await.map(|d| d.rows_affected()))?;
        }
        if let Some(answer) = extras.quiz_answer {
            on_tx!(tx, conn => sqlx::query("INSERT INTO quiz_answers (poll_id, answer) VALUES ($1, $2)")
                .bind(id)
                .bind(answer)
                .execute(conn).await.map(|d| d.rows_affected()))?;
        }
        if let Some(claim) = &extras.member_claim {
            let done = on_tx!(tx, conn => sqlx::query(
                "UPDATE member_claims SET status = 'approved', poll_id = $1, text = $2, normalized = $3, decided_at = $4, decided_by = $5
                 WHERE id = $6 AND status = 'pending'",
            )
            .bind(id)
            .bind(&claim.text)
            .bind(&claim.normalized)
            .bind(p.opens_at)
            .bind(&claim.by)
            .bind(claim.id)
            .execute(conn).await.map(|d| d.rows_affected()))?;
            if done != 1 {
                return Ok(None);
            }
        }
        let (key, payload) = post(id);
        Store::enqueue_tx(&mut tx, p.group_id, &key, &payload, p.opens_at).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Close a poll without queueing a results post (claim cards: the map is their
    /// result); false when it was already closed.
    pub async fn close_poll_quietly(&self, id: i64, now_ms: i64) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let done = Store::close_poll_tx(&mut tx, id, now_ms).await?;
        tx.commit().await?;
        Ok(done)
    }

    /// The voter-key scope of an anonymous poll, if it has one.
    pub async fn poll_voter_scope(&self, poll_id: i64) -> Result<Option<String>> {
        Ok(
            on_pool!(&self.pool, conn => sqlx::query_scalar("SELECT scope FROM poll_voter_scopes WHERE poll_id = $1")
                .bind(poll_id)
                .fetch_optional(conn).await)?,
        )
    }

    /// The right answer of a quiz poll (0-based), if the poll is a quiz question.
    pub async fn quiz_answer(&self, poll_id: i64) -> Result<Option<i64>> {
        Ok(
            on_pool!(&self.pool, conn => sqlx::query_scalar("SELECT answer FROM quiz_answers WHERE poll_id = $1")
                .bind(poll_id)
                .fetch_optional(conn).await)?,
        )
    }

    /// Store a proposed claim; `None` when the session already has one with the same
    /// words (pending or approved).
    pub async fn add_member_claim(&self, c: &NewMemberClaim<'_>) -> Result<Option<i64>> {
        Ok(on_pool!(&self.pool, conn => sqlx::query_scalar(
            "INSERT INTO member_claims (group_id, session_id, member_key, text, normalized, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(c.group_id)
        .bind(c.session_id)
        .bind(c.member_key)
        .bind(c.text)
        .bind(c.normalized)
        .bind(c.created_at)
        .fetch_optional(conn).await)?)
    }

    pub async fn member_claim(&self, id: i64) -> Result<Option<MemberClaimRow>> {
        Ok(
            on_pool!(&self.pool, conn => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {CLAIM_COLUMNS} FROM {CLAIM_TABLES} WHERE c.id = $1"
        )))
        .bind(id)
        .fetch_optional(conn).await)?,
        )
    }

    /// A group's claims with this status, oldest first.
    pub async fn member_claims(&self, group_id: i64, status: &str) -> Result<Vec<MemberClaimRow>> {
        Ok(
            on_pool!(&self.pool, conn => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {CLAIM_COLUMNS} FROM {CLAIM_TABLES} WHERE c.group_id = $1 AND c.status = $2 ORDER BY c.id"
        )))
        .bind(group_id)
        .bind(status)
        .fetch_all(conn).await)?,
        )
    }

    /// Whether a session already has a claim (pending or approved) with these words,
    /// other than `except`.
    pub async fn member_claim_taken(
        &self,
        session_id: i64,
        normalized: &str,
        except: i64,
    ) -> Result<bool> {
        let found: Option<i64> = on_pool!(&self.pool, conn => sqlx::query_scalar(
            "SELECT id FROM member_claims WHERE session_id = $1 AND normalized = $2 AND status <> 'rejected' AND id <> $3 LIMIT 1",
        )
        .bind(session_id)
        .bind(normalized)
        .bind(except)
        .fetch_optional(conn).await)?;
        Ok(found.is_some())
    }

    /// Reject a pending claim (`by`: the facilitator's member key); false when it was not
    /// pending.
    pub async fn reject_member_claim(&self, id: i64, now_ms: i64, by: &str) -> Result<bool> {
        let done = on_pool!(&self.pool, conn => sqlx::query(
            "UPDATE member_claims SET status = 'rejected', decided_at = $1, decided_by = $2 WHERE id = $3 AND status = 'pending'",
        )
        .bind(now_ms)
        .bind(by)
        .bind(id)
        .execute(conn).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// The members who wrote at least one reply in a session (deleted replies count:
    /// they took part).
    pub async fn session_speakers(&self, session_id: i64) -> Result<Vec<String>> {
        Ok(on_pool!(&self.pool, conn => sqlx::query_scalar(
            "SELECT DISTINCT member_key FROM replies WHERE session_id = $1 ORDER BY member_key",
        )
        .bind(session_id)
        .fetch_all(conn).await)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{TestDb, temp_store};

    crate::store_test! {
        async fn dollar_placeholders_bind_in_sqlite(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            assert_eq!(store.poll_voter_scope(1).await.unwrap(), None);
            assert_eq!(store.quiz_answer(1).await.unwrap(), None);
            assert!(store.member_claims(1, "pending").await.unwrap().is_empty());
        }
    }
}
