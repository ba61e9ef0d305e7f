//! Schedule slots: each group's post of a local date, decided exactly once.

use sqlx::{Sqlite, Transaction};

use super::{Result, Store};

impl Store {
    /// Claim the slot of `local_date` for this decision; false when it was already decided
    /// (by this instance earlier, or by another one).
    pub async fn claim_slot_tx(
        tx: &mut Transaction<'static, Sqlite>,
        group_id: i64,
        local_date: &str,
        outcome: &str,
        now_ms: i64,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO schedule_slots (group_id, local_date, outcome, decided_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(group_id, local_date) DO NOTHING",
        )
        .bind(group_id)
        .bind(local_date)
        .bind(outcome)
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn set_slot_session_tx(
        tx: &mut Transaction<'static, Sqlite>,
        group_id: i64,
        local_date: &str,
        session_id: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE schedule_slots SET session_id = ? WHERE group_id = ? AND local_date = ?",
        )
        .bind(session_id)
        .bind(group_id)
        .bind(local_date)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// How a slot was decided, if it was.
    pub async fn slot_outcome(&self, group_id: i64, local_date: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar(
            "SELECT outcome FROM schedule_slots WHERE group_id = ? AND local_date = ?",
        )
        .bind(group_id)
        .bind(local_date)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// How a slot was decided and when (ms), if it was.
    pub async fn slot_decision(
        &self,
        group_id: i64,
        local_date: &str,
    ) -> Result<Option<(String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT outcome, decided_at FROM schedule_slots WHERE group_id = ? AND local_date = ?",
        )
        .bind(group_id)
        .bind(local_date)
        .fetch_optional(&self.pool)
        .await?)
    }
}
