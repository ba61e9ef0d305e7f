//! The store, the only module with SQL: sqlx on a SQLite file (WAL mode, foreign keys, a
//! busy timeout) or a PostgreSQL database shared by several processes. The schema is in
//! migrations/sqlite and migrations/postgres, applied at open; see [`db`] for how one SQL
//! text serves both engines.
//!
//! Each submodule adds the queries of one table family to [`Store`]. Replies go through
//! a group-commit writer ([`replies`]) so a burst of messages shares transactions while
//! each message is still acknowledged only after its own commit.

mod archives;
mod baseline;
mod copy;
pub mod db;
mod groups;
mod kv;
mod leases;
mod opinion;
mod outbox;
mod polls;
mod privacy;
mod readings;
mod replies;
mod sessions;
mod slots;
mod summaries;
mod tables;
pub mod testing;
mod writer_pg;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use thiserror::Error;

pub use archives::ArchiveRow;
pub use baseline::{
    BaselineTable, drop_scratch_schema, plain_insert_baseline, plain_insert_baseline_pg,
    scratch_schema, server_durability,
};
pub use copy::TableCopy;
pub use db::{Location, Pool, Tx};
pub use groups::{Group, GroupSettings};
pub use leases::LeaseRow;
pub use opinion::{ClaimApproval, MemberClaimRow, NewMemberClaim, PollExtras};
pub use outbox::{OutboxRow, OutboxStatus};
pub use polls::{NewPoll, PollRow, VoteChange, VoteRow};
pub use privacy::{Forgotten, MemberData};
pub use readings::{
    ExcerptRow, ImportGroup, ImportOutcome, NewExcerpt, NewReading, QuestionRow, ReadingRow,
};
pub use replies::{RecordOp, ReplyRow, Written};
pub use sessions::{ExcerptStart, NewSession, SessionKind, SessionRow};
pub use summaries::SummaryRow;

use db::on_pool;

/// The oldest PostgreSQL colloquy runs on (UNNEST of several arrays, SKIP LOCKED,
/// identity columns and `ON CONFLICT` on partial indexes are all older than this).
const OLDEST_POSTGRES: i64 = 120000;

/// Refuses a server older than [`OLDEST_POSTGRES`], given its `server_version_num`
/// (`150014` is 15.14; before version 10 the scheme was `90624` for 9.6.24).
fn check_server_version(number: &str) -> std::result::Result<(), String> {
    let Ok(n) = number.trim().parse::<i64>() else {
        return Err(format!(
            "the server reports its version as {number:?}, which is not PostgreSQL's; colloquy needs PostgreSQL {} or later",
            OLDEST_POSTGRES / 10000
        ));
    };
    if n >= OLDEST_POSTGRES {
        return Ok(());
    }
    let version = if n >= 100_000 {
        format!("{}.{}", n / 10000, n % 10000)
    } else {
        format!("{}.{}.{}", n / 10000, n / 100 % 100, n % 100)
    };
    Err(format!(
        "the server is PostgreSQL {version}; colloquy needs {} or later",
        OLDEST_POSTGRES / 10000
    ))
}

/// Errors of the store. A constraint violation that callers handle (a duplicate) is
/// reported as a value, not an error.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error (reply writer): {0}")]
    Writer(#[from] rusqlite::Error),
    #[error("the database writer has stopped")]
    WriterGone,
    /// A row this write depended on was deleted meanwhile (by another process).
    #[error("{what} disappeared while it was being written; try again")]
    Vanished { what: String },
    /// Stored data that cannot be read back, e.g. a JSON column edited by hand.
    #[error("stored {what} cannot be read: {reason}")]
    Unreadable { what: String, reason: String },
    /// A write the store refuses because the caller broke its contract.
    #[error("cannot store this: {0}")]
    Refused(&'static str),
    /// The reply writer's batch failed to commit; nothing of it was written.
    #[error("the reply writer could not commit: {0}")]
    WriteFailed(String),
    #[error(
        "no database at {} (colloquy creates one with `import`, `demo`, `console` or `run`)",
        .0.display()
    )]
    Missing(PathBuf),
    /// The PostgreSQL server cannot be used (unreachable, refused the login, too old).
    /// `url` is shown without its password.
    #[error("cannot use the PostgreSQL database {url}: {reason}")]
    Connect { url: String, reason: String },
    /// A database copy (`colloquy migrate`) that was refused or did not check out.
    #[error("{0}")]
    Copy(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    writer: replies::ReplyWriter,
    location: Location,
    /// Moves whenever members are deleted, so the writer forgets what it knew.
    members_generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Store {
    /// Open (creating if needed) the SQLite database at `path` and apply the migrations.
    pub async fn open(path: &Path) -> Result<Store> {
        Store::connect_sqlite(path, true).await
    }

    /// Open the database at `location` (a SQLite file is created if needed; a PostgreSQL
    /// database must exist) and apply the migrations.
    pub async fn open_at(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Store::connect_sqlite(path, true).await,
            Location::Postgres(url) => Store::connect_postgres(url).await,
        }
    }

    /// Open the SQLite database at `path` only if it exists ([`StoreError::Missing`]
    /// otherwise): for commands that were asked to read one, so a mistyped path creates nothing.
    pub async fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Store::connect_sqlite(path, false).await
    }

    /// As [`Store::open_existing`] for any location (a PostgreSQL database always exists
    /// once the server accepts the connection).
    pub async fn open_existing_at(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Store::open_existing(path).await,
            Location::Postgres(url) => Store::connect_postgres(url).await,
        }
    }

    async fn connect_sqlite(path: &Path, create: bool) -> Result<Store> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(create)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it is acknowledged (group commit keeps it fast).
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            // Checkpoints run in the background (below), not inside a commit that a
            // member's message is waiting for.
            .pragma("wal_autocheckpoint", "0")
            // 512 KiB of page cache a connection instead of SQLite's 2 MiB: these
            // connections read (the operating system caches the file as well); the reply
            // writer, whose index pages matter, keeps the default.
            .pragma("cache_size", "-512")
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        let members_generation = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let writer = replies::ReplyWriter::spawn_sqlite(path, members_generation.clone())?;
        tokio::spawn(checkpoints(pool.clone()));
        Ok(Store {
            pool: Pool::Sqlite(pool),
            writer,
            location: Location::Sqlite(path.to_path_buf()),
            members_generation,
        })
    }

    async fn connect_postgres(url: &str) -> Result<Store> {
        let failed = |reason: String| StoreError::Connect {
            url: db::redact(url),
            reason: db::redact_in(&reason, url),
        };
        let options = PgConnectOptions::from_str(url).map_err(|e| failed(e.to_string()))?;
        // One connection first, so an unreachable server or a refused login is reported
        // as what it is rather than as a pool that timed out.
        let probe = tokio::time::timeout(
            Duration::from_secs(10),
            <sqlx::PgConnection as sqlx::Connection>::connect_with(&options),
        )
        .await
        .map_err(|_| failed("no answer within 10 s".into()))?
        .map_err(|e| failed(e.to_string()))?;
        sqlx::Connection::close(probe)
            .await
            .map_err(|e| failed(e.to_string()))?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| failed(e.to_string()))?;
        let version: String = sqlx::query_scalar("SHOW server_version_num")
            .fetch_one(&pool)
            .await
            .map_err(|e| failed(e.to_string()))?;
        check_server_version(&version).map_err(failed)?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        let members_generation = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let writer = writer_pg::spawn(pool.clone(), members_generation.clone());
        Ok(Store {
            pool: Pool::Postgres(pool),
            writer,
            location: Location::Postgres(url.to_string()),
            members_generation,
        })
    }

    /// The underlying pool (for tests and benchmarks that compare with plain inserts).
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Where the database is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Which engine: "sqlite" or "postgres".
    pub fn engine_name(&self) -> &'static str {
        if self.pool.is_postgres() {
            "postgres"
        } else {
            "sqlite"
        }
    }

    /// Wait for queued writes, then close the pool.
    pub async fn close(&self) {
        self.writer.shutdown().await;
        self.pool.close().await;
    }

    /// Run one statement with no parameters (for tests and diagnostics that reach past the
    /// store's API); returns the rows changed.
    pub async fn raw_execute(&self, sql: &str) -> Result<u64> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        Ok(on_pool!(&self.pool, c => sqlx::query(sql).execute(c).await.map(|d| d.rows_affected()))?)
    }

    /// The first column of each row of a query, as text (for tests and diagnostics).
    pub async fn raw_texts(&self, sql: &str) -> Result<Vec<Option<String>>> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(sql).fetch_all(c).await)?)
    }

    /// A query's single integer (for tests and diagnostics).
    pub async fn raw_i64(&self, sql: &str) -> Result<i64> {
        let sql = sqlx::AssertSqlSafe(sql.to_string());
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(sql).fetch_one(c).await)?)
    }
}

/// Copy the write-ahead log into the database once a second (PASSIVE: it never waits for
/// or blocks a writer), so the log stays small without a commit paying for it.
async fn checkpoints(pool: SqlitePool) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if pool.is_closed() {
            return;
        }
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&pool)
            .await
        {
            if pool.is_closed() {
                return;
            }
            tracing::debug!(error = %e, "checkpoint skipped");
        }
    }
}

/// Milliseconds since the epoch, as stored.
pub fn ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

/// A stored time back as a `DateTime`.
pub fn from_ms(ms: i64) -> DateTime<Utc> {
    match Utc.timestamp_millis_opt(ms).single() {
        Some(t) => t,
        // Only a database edited by hand holds such a time: say so rather than guess quietly.
        None => {
            tracing::error!(
                ms,
                "a stored time is out of range; it is shown as 1970-01-01"
            );
            DateTime::UNIX_EPOCH
        }
    }
}

/// Declare an async test that runs on both stores, the engine being its parameter:
/// `store_test! { async fn name(db: TestDb) { … } }` makes the tests `name::sqlite` and
/// `name::postgres` (see [`testing`]).
#[macro_export]
macro_rules! store_test {
    ($(#[$meta:meta])* async fn $name:ident($db:ident : $ty:ty) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($db: $ty) $body

            #[::tokio::test]
            async fn sqlite() {
                run($crate::store::testing::TestDb::Sqlite).await
            }

            #[::tokio::test]
            async fn postgres() {
                run($crate::store::testing::TestDb::Postgres).await
            }
        }
    };
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    pub use testing::TestDb;

    /// A fresh database on `db` (a file in a temporary directory kept alive by the
    /// returned guard, or a schema of its own on the test server).
    pub async fn temp_store(db: TestDb) -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (store, _) = db.open(dir.path()).await.expect("open the store");
        (store, dir)
    }
}

#[cfg(test)]
mod version_tests {
    use super::check_server_version;

    #[test]
    fn servers_older_than_12_are_refused_naming_their_version() {
        assert_eq!(check_server_version("150014"), Ok(()));
        assert_eq!(check_server_version("120000"), Ok(()));
        let old = check_server_version("110022").unwrap_err();
        assert!(
            old.contains("PostgreSQL 11.22") && old.contains("12 or later"),
            "{old}"
        );
        let older = check_server_version("90624").unwrap_err();
        assert!(older.contains("PostgreSQL 9.6.24"), "{older}");
        let odd = check_server_version("x").unwrap_err();
        assert!(odd.contains("not PostgreSQL's"), "{odd}");
    }
}
