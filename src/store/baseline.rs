//! The plain-insert baselines that `colloquy bench` prints beside its own figure: the
//! same reply rows written the plainest fast way, on a connection of their own with the
//! store's durability (WAL, `synchronous = FULL`): one multi-row `INSERT … VALUES` of
//! 1,000 rows per transaction through a cached statement, (a) into a bare table with no
//! key or index, (b) into colloquy's own schema with its indexes and foreign keys.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::types::ToSql;

use super::db::on_pool;
use super::{Result, Store, StoreError};

/// Which table the baseline writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineTable {
    /// A table with the reply columns and nothing else: no key, index or constraint.
    Bare,
    /// colloquy's `replies`, with its unique key, two indexes and two foreign keys.
    Schema,
}

/// Rows per transaction (and per statement) of the baselines.
const ROWS_PER_TRANSACTION: usize = 1000;

/// Write `rows` reply rows spread over `groups` groups (40 members each, as the load
/// harness does) into a new database at `path`; returns the time the inserts and
/// commits took (setting up the groups, sessions and members is not counted).
pub async fn plain_insert_baseline(
    path: PathBuf,
    table: BaselineTable,
    groups: usize,
    rows: usize,
    text: &str,
) -> Result<Duration> {
    if table == BaselineTable::Schema {
        // The migrations, exactly as colloquy applies them.
        Store::open(&path).await?.close().await;
    }
    let text = text.to_string();
    tokio::task::spawn_blocking(move || insert_rows(&path, table, groups.max(1), rows, &text))
        .await
        .map_err(|e| StoreError::WriteFailed(format!("the baseline stopped: {e}")))?
}

fn insert_rows(
    path: &Path,
    table: BaselineTable,
    groups: usize,
    rows: usize,
    text: &str,
) -> Result<Duration> {
    let mut conn = super::replies::durable_connection(path)?;
    let name = match table {
        BaselineTable::Bare => {
            conn.execute_batch(
                "CREATE TABLE bare_replies (session_id INTEGER, member_key TEXT, platform TEXT,
                 message_id TEXT, reply_to TEXT, text TEXT, posted_at INTEGER, deleted_at INTEGER)",
            )?;
            "bare_replies"
        }
        BaselineTable::Schema => {
            let setup = conn.transaction()?;
            for g in 0..groups {
                setup.execute(
                    "INSERT INTO groups (channel, platform, created_at) VALUES (?, 'console', 0)",
                    [format!("console:base{g}")],
                )?;
                setup.execute(
                    "INSERT INTO sessions (group_id, kind, started_at) VALUES (last_insert_rowid(), 'live', 0)",
                    [],
                )?;
                for m in 0..40 {
                    setup.execute(
                        "INSERT INTO members (key, display_name, first_seen) VALUES (?, ?, 0)",
                        [format!("console:g{g}-u{m}"), format!("Member {m}")],
                    )?;
                }
            }
            setup.commit()?;
            "replies"
        }
    };
    let one = "(?, ?, 'console', ?, NULL, ?, ?, NULL)";
    let statement = |n: usize| {
        format!(
            "INSERT INTO {name} (session_id, member_key, platform, message_id, reply_to, text, posted_at, deleted_at) VALUES {}",
            vec![one; n].join(", ")
        )
    };
    // The values are made before the clock starts: the baseline times SQLite alone.
    let values: Vec<(i64, String, String, i64)> = (0..rows)
        .map(|n| {
            let g = n % groups;
            let member = (n / groups) % 40;
            (
                g as i64 + 1,
                format!("console:g{g}-u{member}"),
                format!("b{g}-m{n}"),
                n as i64,
            )
        })
        .collect();
    let full = statement(ROWS_PER_TRANSACTION);
    let started = Instant::now();
    for chunk in values.chunks(ROWS_PER_TRANSACTION) {
        let tx = conn.transaction()?;
        {
            let sql = if chunk.len() == ROWS_PER_TRANSACTION {
                full.clone()
            } else {
                statement(chunk.len())
            };
            let mut insert = tx.prepare_cached(&sql)?;
            let mut params: Vec<&dyn ToSql> = Vec::with_capacity(chunk.len() * 5);
            for (session, member, message, at) in chunk {
                params.push(session);
                params.push(member);
                params.push(message);
                params.push(&text);
                params.push(at);
            }
            insert.execute(rusqlite::params_from_iter(params))?;
        }
        tx.commit()?;
    }
    Ok(started.elapsed())
}

impl Store {
    /// How many replies the database holds.
    pub async fn reply_total(&self) -> Result<i64> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT COUNT(*) FROM replies")
            .fetch_one(c)
            .await)?,
        )
    }
}
