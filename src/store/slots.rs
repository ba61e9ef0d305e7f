//! Schedule slots: each group's post of a local date, decided exactly once.

use super::db::{Tx, on_pool, on_tx};

use super::{Result, Store};

impl Store {
    /// Claim the slot of `local_date` for this decision; false when it was already decided
    /// (by this instance earlier, or by another one).
    pub async fn claim_slot_tx(
        tx: &mut Tx,
        group_id: i64,
        local_date: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool> {
        let done = on_tx!(tx, c => sqlx::query(
            "INSERT INTO schedule_slots (group_id, local_date, outcome, decided_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT(group_id, local_date) DO NOTHING",
        )
        .bind(group_id)
        .bind(local_date)
        .bind(outcome)
        .bind(now_ms)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    pub async fn set_slot_session_tx(
        tx: &mut Tx,
        group_id: i64,
        local_date: &str,
        session_id: i64,
    ) -> Result<()> {
        on_tx!(tx, c => sqlx::query(
            "UPDATE schedule_slots SET session_id = $1 WHERE group_id = $2 AND local_date = $3",
        )
        .bind(session_id)
        .bind(group_id)
        .bind(local_date)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// How a slot was decided, if it was.
    pub async fn slot_outcome(&self, group_id: i64, local_date: &str) -> Result<Option<String>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT outcome FROM schedule_slots WHERE group_id = $1 AND local_date = $2",
        )
        .bind(group_id)
        .bind(local_date)
        .fetch_optional(c).await)?)
    }

    /// How a slot was decided and when (ms), if it was.
    pub async fn slot_decision(
        &self,
        group_id: i64,
        local_date: &str,
    ) -> Result<Option<(String, i64)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT outcome, decided_at FROM schedule_slots WHERE group_id = $1 AND local_date = $2",
        )
        .bind(group_id)
        .bind(local_date)
        .fetch_optional(c).await)?)
    }
}
