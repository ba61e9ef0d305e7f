//! Fresh databases for tests, on either engine: the one place a test gets its store, so
//! every store, engine, scheduler and safety test takes the engine as a parameter and runs
//! on both. PostgreSQL comes from `COLLOQUY_TEST_POSTGRES` (scripts/test starts a
//! throwaway server and sets it); each test gets a schema of its own there.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Location, Result, Store, StoreError};

/// The variable scripts/test sets to the throwaway server's URL.
pub const POSTGRES_ENV: &str = "COLLOQUY_TEST_POSTGRES";

/// Which engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestDb {
    Sqlite,
    Postgres,
}

impl TestDb {
    pub const ALL: [TestDb; 2] = [TestDb::Sqlite, TestDb::Postgres];

    pub fn name(self) -> &'static str {
        match self {
            TestDb::Sqlite => "sqlite",
            TestDb::Postgres => "postgres",
        }
    }

    /// A new, empty database: `test.db` in `dir`, or a new schema on the test server.
    /// Without `COLLOQUY_TEST_POSTGRES` the PostgreSQL case is an error that says how
    /// to run the tests (they fail, never skip).
    pub async fn fresh(self, dir: &Path) -> Result<Location> {
        match self {
            TestDb::Sqlite => Ok(Location::Sqlite(dir.join("test.db"))),
            TestDb::Postgres => fresh_schema().await,
        }
    }

    /// A fresh store on this engine (see [`TestDb::fresh`]) and where it is.
    pub async fn open(self, dir: &Path) -> Result<(Store, Location)> {
        let location = self.fresh(dir).await?;
        let store = Store::open_at(&location).await?;
        Ok((store, location))
    }
}

/// The test server's URL, or an error that says how to get one.
pub fn postgres_url() -> Result<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => Err(StoreError::Connect {
            url: format!("${POSTGRES_ENV}"),
            reason: format!(
                "{POSTGRES_ENV} is not set: the store tests run on PostgreSQL too. Run them with \
                 scripts/test (it starts a throwaway PostgreSQL on 127.0.0.1), or start one with \
                 `scripts/postgres.sh start` and `eval \"$(scripts/postgres.sh env)\"`"
            ),
        }),
    }
}

/// A new schema on the test server, and the URL whose connections use it.
async fn fresh_schema() -> Result<Location> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let url = postgres_url()?;
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros() % 1_000_000_000
    );
    let connect_failed = |e: sqlx::Error| StoreError::Connect {
        url: super::db::redact(&url),
        reason: format!("{e} (is the test server running? scripts/test starts one)"),
    };
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&url)
        .await
        .map_err(connect_failed)?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&mut conn)
        .await?;
    sqlx::Connection::close(conn).await?;
    let joiner = if url.contains('?') { '&' } else { '?' };
    Ok(Location::Postgres(format!(
        "{url}{joiner}options[search_path]={schema}"
    )))
}
