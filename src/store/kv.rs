//! Small named values: adapter sync tokens, notices already given.

use super::db::on_pool;
use super::{Result, Store};

impl Store {
    pub async fn kv_get(&self, key: &str) -> Result<Option<String>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT value FROM kv WHERE key = $1")
            .bind(key)
            .fetch_optional(c).await)?,
        )
    }

    pub async fn kv_set(&self, key: &str, value: &str) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("INSERT INTO kv (key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{TestDb, temp_store};

    crate::store_test! {
        async fn set_and_get(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            assert_eq!(store.kv_get("a").await.unwrap(), None);
            store.kv_set("a", "1").await.unwrap();
            store.kv_set("a", "2").await.unwrap();
            assert_eq!(store.kv_get("a").await.unwrap().as_deref(), Some("2"));
        }
    }
}
