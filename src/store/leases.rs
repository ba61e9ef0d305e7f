//! Leases: a name (a Matrix account, a Discord shard) held by one process at a time, for a
//! while, renewed by its holder and free to take once it has run out.

use sqlx::FromRow;

use super::db::on_pool;
use super::{Result, Store};

/// Who holds a lease, as stored.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct LeaseRow {
    pub name: String,
    pub holder: String,
    pub detail: String,
    pub expires_at: i64,
}

impl Store {
    /// Take the lease `name` for `holder` until `until_ms`: it is free, run out (before
    /// `now_ms`), or already this holder's. Otherwise nothing changes and the live holder
    /// is returned.
    pub async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        detail: &str,
        now_ms: i64,
        until_ms: i64,
    ) -> Result<Option<LeaseRow>> {
        let taken: Option<String> = on_pool!(&self.pool, c => sqlx::query_scalar(
            "INSERT INTO leases (name, holder, detail, expires_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, detail = excluded.detail,
               expires_at = excluded.expires_at
             WHERE leases.holder = excluded.holder OR leases.expires_at < $5
             RETURNING holder",
        )
        .bind(name)
        .bind(holder)
        .bind(detail)
        .bind(until_ms)
        .bind(now_ms)
        .fetch_optional(c)
        .await)?;
        if taken.is_some() {
            return Ok(None);
        }
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT name, holder, detail, expires_at FROM leases WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(c)
        .await)?)
    }

    /// Extend every lease `holder` still holds until `until_ms`; returns how many.
    pub async fn renew_leases(&self, holder: &str, until_ms: i64) -> Result<u64> {
        Ok(on_pool!(&self.pool, c => sqlx::query(
            "UPDATE leases SET expires_at = $1 WHERE holder = $2",
        )
        .bind(until_ms)
        .bind(holder)
        .execute(c)
        .await
        .map(|d| d.rows_affected()))?)
    }

    /// Give up every lease `holder` holds (a clean stop: another process may start at once).
    pub async fn release_leases(&self, holder: &str) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("DELETE FROM leases WHERE holder = $1")
            .bind(holder)
            .execute(c)
            .await
            .map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Leases whose name starts with `prefix` that have not run out at `now_ms`.
    pub async fn live_leases(&self, prefix: &str, now_ms: i64) -> Result<Vec<LeaseRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT name, holder, detail, expires_at FROM leases
             WHERE substr(name, 1, length($1)) = $1 AND expires_at >= $2 ORDER BY name",
        )
        .bind(prefix)
        .bind(now_ms)
        .fetch_all(c)
        .await)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{TestDb, temp_store};

    crate::store_test! {
        /// A second holder is refused while the lease lives, and takes it once it ran out.
        async fn a_lease_is_held_by_one_process_until_it_runs_out(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            assert_eq!(store.take_lease("matrix:@bot:x", "a", "", 0, 100).await.unwrap(), None);
            let refused = store
                .take_lease("matrix:@bot:x", "b", "", 50, 150)
                .await
                .unwrap()
                .expect("held by a");
            assert_eq!((refused.holder.as_str(), refused.expires_at), ("a", 100));
            // The holder renews; the other still cannot take it.
            assert_eq!(store.renew_leases("a", 200).await.unwrap(), 1);
            assert!(store.take_lease("matrix:@bot:x", "b", "", 150, 250).await.unwrap().is_some());
            // a died: after its lease ran out, b takes it.
            assert_eq!(store.take_lease("matrix:@bot:x", "b", "", 201, 300).await.unwrap(), None);
            assert_eq!(store.renew_leases("a", 400).await.unwrap(), 0);
            assert_eq!(store.live_leases("matrix:", 250).await.unwrap().len(), 1);
            store.release_leases("b").await.unwrap();
            assert!(store.live_leases("matrix:", 250).await.unwrap().is_empty());
        }
    }
}
