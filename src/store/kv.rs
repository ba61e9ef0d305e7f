//! Small named values: adapter sync tokens, notices already given.

use super::{Result, Store};

impl Store {
    pub async fn kv_get(&self, key: &str) -> Result<Option<String>> {
        Ok(sqlx::query_scalar("SELECT value FROM kv WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn kv_set(&self, key: &str, value: &str) -> Result<()> {
        sqlx::query("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::temp_store;

    #[tokio::test]
    async fn set_and_get() {
        let (store, _dir) = temp_store().await;
        assert_eq!(store.kv_get("a").await.unwrap(), None);
        store.kv_set("a", "1").await.unwrap();
        store.kv_set("a", "2").await.unwrap();
        assert_eq!(store.kv_get("a").await.unwrap().as_deref(), Some("2"));
    }
}
