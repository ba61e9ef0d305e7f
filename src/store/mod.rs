//! The SQLite store: the only module with SQL. sqlx on one database file, in WAL mode
//! with foreign keys and a busy timeout; the schema is in migrations/ and applied at open.
//!
//! Each submodule adds the queries of one table family to [`Store`]. Replies go through
//! a group-commit writer ([`replies`]) so a burst of messages shares transactions while
//! each message is still acknowledged only after its own commit.

mod archives;
mod baseline;
mod groups;
mod kv;
mod opinion;
mod outbox;
mod polls;
mod privacy;
mod readings;
mod replies;
mod sessions;
mod slots;
mod summaries;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use thiserror::Error;

pub use archives::ArchiveRow;
pub use baseline::{BaselineTable, plain_insert_baseline};
pub use groups::{Group, GroupSettings};
pub use opinion::{MemberClaimRow, NewMemberClaim, PollExtras};
pub use outbox::{OutboxRow, OutboxStatus};
pub use polls::{NewPoll, PollRow, VoteChange, VoteRow};
pub use privacy::MemberData;
pub use readings::{
    ExcerptRow, ImportGroup, ImportOutcome, NewExcerpt, NewReading, QuestionRow, ReadingRow,
};
pub use replies::{RecordOp, ReplyRow, Written};
pub use sessions::{ExcerptStart, NewSession, SessionKind, SessionRow};
pub use summaries::SummaryRow;

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
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    writer: replies::ReplyWriter,
    path: PathBuf,
    /// Moves whenever members are deleted, so the writer forgets what it knew.
    members_generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Store {
    /// Open (creating if needed) the database at `path` and apply the migrations.
    pub async fn open(path: &Path) -> Result<Store> {
        Store::connect(path, true).await
    }

    /// Open the database at `path` only if it exists ([`StoreError::Missing`] otherwise):
    /// for commands that were asked to read one, so a mistyped path creates nothing.
    pub async fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Store::connect(path, false).await
    }

    async fn connect(path: &Path, create: bool) -> Result<Store> {
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
        sqlx::migrate!("./migrations").run(&pool).await?;
        let members_generation = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let writer = replies::ReplyWriter::spawn(path, members_generation.clone())?;
        tokio::spawn(checkpoints(pool.clone()));
        Ok(Store {
            pool,
            writer,
            path: path.to_path_buf(),
            members_generation,
        })
    }

    /// The underlying pool (for tests and benchmarks that compare with plain inserts).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Where the database file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Wait for queued writes, then close the pool.
    pub async fn close(&self) {
        self.writer.shutdown().await;
        self.pool.close().await;
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

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A fresh database in a temporary directory (kept alive by the returned guard).
    pub async fn temp_store() -> (Store, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = Store::open(&dir.path().join("test.db"))
            .await
            .expect("open the store");
        (store, dir)
    }
}
