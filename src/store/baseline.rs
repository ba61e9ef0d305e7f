//! The plain-insert baseline that `colloquy bench` compares the engine with: the same
//! reply rows, one prepared INSERT each, all in a single transaction.

use std::time::{Duration, Instant};

use super::{Result, Store};

impl Store {
    /// Insert `rows` replies the plainest way into this (empty) database; returns the time
    /// the inserts and the commit took.
    pub async fn plain_insert_baseline(&self, rows: usize, text: &str) -> Result<Duration> {
        sqlx::query("INSERT INTO groups (channel, platform, created_at) VALUES ('console:baseline', 'console', 0)")
            .execute(&self.pool)
            .await?;
        let session: i64 =
            sqlx::query_scalar("INSERT INTO sessions (group_id, kind, started_at) SELECT id, 'live', 0 FROM groups RETURNING id")
                .fetch_one(&self.pool)
                .await?;
        for i in 0..40 {
            sqlx::query(
                "INSERT OR IGNORE INTO members (key, display_name, first_seen) VALUES (?, 'M', 0)",
            )
            .bind(format!("console:u{i}"))
            .execute(&self.pool)
            .await?;
        }
        let started = Instant::now();
        let mut tx = self.pool.begin().await?;
        for n in 0..rows {
            sqlx::query(
                "INSERT INTO replies (session_id, member_key, platform, message_id, text, posted_at) VALUES (?, ?, 'console', ?, ?, 0)",
            )
            .bind(session)
            .bind(format!("console:u{}", n % 40))
            .bind(format!("b{n}"))
            .bind(text)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(started.elapsed())
    }

    /// How many replies the database holds.
    pub async fn reply_total(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM replies")
            .fetch_one(&self.pool)
            .await?)
    }
}
