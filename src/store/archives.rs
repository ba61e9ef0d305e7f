//! The static archives written of each group: when each was built, and whether a
//! forgotten member makes it stale.

use super::db::on_pool;
use super::{Result, Store};

/// One archive of a group, as last written.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ArchiveRow {
    pub group_id: i64,
    pub dir: String,
    pub built_at: i64,
    pub stale: bool,
}

impl Store {
    /// The archive of `group_id` written to `dir`, if one was.
    pub async fn archive(&self, group_id: i64, dir: &str) -> Result<Option<ArchiveRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT group_id, dir, built_at, stale FROM archives WHERE group_id = $1 AND dir = $2",
        )
        .bind(group_id)
        .bind(dir).fetch_optional(c).await)?)
    }

    /// Note that the archive of `group_id` in `dir` was written (and is no longer stale).
    pub async fn archive_built(&self, group_id: i64, dir: &str, at_ms: i64) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query(
            "INSERT INTO archives (group_id, dir, built_at, stale) VALUES ($1, $2, $3, FALSE)
             ON CONFLICT (group_id, dir) DO UPDATE SET built_at = excluded.built_at, stale = FALSE",
        )
        .bind(group_id)
        .bind(dir)
        .bind(at_ms).execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Mark every archive stale: what they show must be written again (a member was
    /// forgotten, and any group's archive may have shown them).
    pub async fn mark_archives_stale(&self) -> Result<u64> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query("UPDATE archives SET stale = TRUE").execute(c).await.map(|d| d.rows_affected()))?,
        )
    }

    /// The last time a session of `group_id` ended (to know whether an archive is behind).
    pub async fn last_session_end(&self, group_id: i64) -> Result<Option<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT MAX(ended_at) FROM sessions WHERE group_id = $1 AND ended_at IS NOT NULL",
        )
        .bind(group_id).fetch_one(c).await)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{TestDb, temp_store};

    crate::store_test! {
        async fn built_then_stale_then_built_again(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let channel =
                crate::domain::ids::ChannelKey::new(crate::domain::ids::Platform::Console, "a");
            let (group, _) = store
                .upsert_group(&channel, &crate::store::GroupSettings::default(), 0)
                .await
                .unwrap();
            let g = group.id;
            assert_eq!(store.archive(g, "/tmp/x").await.unwrap(), None);
            store.archive_built(g, "/tmp/x", 10).await.unwrap();
            let row = store.archive(g, "/tmp/x").await.unwrap().unwrap();
            assert_eq!((row.built_at, row.stale), (10, false));
            assert_eq!(store.mark_archives_stale().await.unwrap(), 1);
            assert!(store.archive(g, "/tmp/x").await.unwrap().unwrap().stale);
            store.archive_built(g, "/tmp/x", 20).await.unwrap();
            let row = store.archive(g, "/tmp/x").await.unwrap().unwrap();
            assert_eq!((row.built_at, row.stale), (20, false));
            assert_eq!(store.last_session_end(g).await.unwrap(), None);
        }
    }
}
