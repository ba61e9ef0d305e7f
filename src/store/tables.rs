//! The schema as the engine reports it: colloquy's tables and their columns, for
//! `colloquy migrate` (which copies and checks every table) and for tests that look at
//! every stored value.

use super::db::on_pool;
use super::{Pool, Result, Store};

impl Store {
    /// colloquy's tables (not the migrations' bookkeeping), in name order.
    pub async fn table_names(&self) -> Result<Vec<String>> {
        let sql = match &self.pool {
            Pool::Sqlite(_) => {
                "SELECT name FROM sqlite_master WHERE type = 'table'
                 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name"
            }
            Pool::Postgres(_) => {
                "SELECT table_name::text FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                 AND table_name NOT LIKE '\\_sqlx%' ORDER BY table_name"
            }
        };
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(sql).fetch_all(c).await)?)
    }

    /// A table's columns, in their order in the table.
    pub async fn column_names(&self, table: &str) -> Result<Vec<String>> {
        let sql = match &self.pool {
            Pool::Sqlite(_) => "SELECT name FROM pragma_table_info($1) ORDER BY cid",
            Pool::Postgres(_) => {
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(sql).bind(table).fetch_all(c).await)?)
    }
}
