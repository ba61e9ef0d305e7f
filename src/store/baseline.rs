//! The plain-insert baselines that `colloquy bench` prints beside its own figure: the
//! same reply rows written the plainest fast way, on a connection of their own with the
//! store's durability (WAL, `synchronous = FULL`): one multi-row `INSERT … VALUES` of
//! 1,000 rows per transaction through a cached statement, (a) into a bare table with no
//! key or index, (b) into colloquy's own schema with its indexes and foreign keys.
//! On PostgreSQL the same, through one connection of its own with the server's default
//! durability (`synchronous_commit = on`), each in a new schema.

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

/// A new, empty schema `name` on the PostgreSQL server at `url`, and the URL whose
/// connections use it (for `colloquy bench --db postgres://…`: each run and baseline on a
/// fresh one, dropped afterwards with [`drop_scratch_schema`]).
pub async fn scratch_schema(url: &str, name: &str) -> Result<String> {
    let mut conn = connect_pg(url).await?;
    for sql in [
        format!("DROP SCHEMA IF EXISTS {name} CASCADE"),
        format!("CREATE SCHEMA {name}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut conn)
            .await?;
    }
    sqlx::Connection::close(conn).await?;
    let joiner = if url.contains('?') { '&' } else { '?' };
    Ok(format!("{url}{joiner}options[search_path]={name}"))
}

/// The server's version and durability settings, as the bench prints them:
/// `(version, fsync, synchronous_commit)`.
pub async fn server_durability(url: &str) -> Result<(String, String, String)> {
    let mut conn = connect_pg(url).await?;
    let mut values = Vec::new();
    for name in ["server_version", "fsync", "synchronous_commit"] {
        let v: String = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SHOW {name}")))
            .fetch_one(&mut conn)
            .await?;
        values.push(v);
    }
    sqlx::Connection::close(conn).await?;
    let [version, fsync, commit]: [String; 3] = values
        .try_into()
        .map_err(|_| StoreError::WriteFailed("SHOW gave no value".into()))?;
    Ok((version, fsync, commit))
}

/// Drops a schema [`scratch_schema`] made.
pub async fn drop_scratch_schema(url: &str, name: &str) -> Result<()> {
    let mut conn = connect_pg(url).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP SCHEMA IF EXISTS {name} CASCADE"
    )))
    .execute(&mut conn)
    .await?;
    sqlx::Connection::close(conn).await?;
    Ok(())
}

async fn connect_pg(url: &str) -> Result<sqlx::PgConnection> {
    <sqlx::PgConnection as sqlx::Connection>::connect(url)
        .await
        .map_err(|e| StoreError::Connect {
            url: super::db::redact(url),
            reason: super::db::redact_in(&e.to_string(), url),
        })
}

/// The PostgreSQL baseline: the same rows as [`plain_insert_baseline`], into the schema
/// `schema_url` names (a new one, see [`scratch_schema`]), one multi-row `INSERT … VALUES`
/// of 1,000 rows per transaction through a prepared statement.
pub async fn plain_insert_baseline_pg(
    schema_url: &str,
    table: BaselineTable,
    groups: usize,
    rows: usize,
    text: &str,
) -> Result<Duration> {
    let groups = groups.max(1);
    let mut sessions: Vec<i64> = Vec::with_capacity(groups);
    let name = match table {
        BaselineTable::Bare => {
            let mut conn = connect_pg(schema_url).await?;
            sqlx::query(
                "CREATE TABLE bare_replies (session_id BIGINT, member_key TEXT, platform TEXT,
                 message_id TEXT, reply_to TEXT, text TEXT, posted_at BIGINT, deleted_at BIGINT)",
            )
            .execute(&mut conn)
            .await?;
            sqlx::Connection::close(conn).await?;
            sessions.extend(1..=groups as i64);
            "bare_replies"
        }
        BaselineTable::Schema => {
            // The migrations, exactly as colloquy applies them.
            Store::open_at(&super::Location::Postgres(schema_url.to_string()))
                .await?
                .close()
                .await;
            let mut conn = connect_pg(schema_url).await?;
            let mut setup = sqlx::Connection::begin(&mut conn).await?;
            for g in 0..groups {
                let group: i64 = sqlx::query_scalar(
                    "INSERT INTO groups (channel, platform, created_at) VALUES ($1, 'console', 0) RETURNING id",
                )
                .bind(format!("console:base{g}"))
                .fetch_one(&mut *setup)
                .await?;
                let session: i64 = sqlx::query_scalar(
                    "INSERT INTO sessions (group_id, kind, started_at) VALUES ($1, 'live', 0) RETURNING id",
                )
                .bind(group)
                .fetch_one(&mut *setup)
                .await?;
                sessions.push(session);
                for m in 0..40 {
                    sqlx::query(
                        "INSERT INTO members (key, display_name, first_seen) VALUES ($1, $2, 0)",
                    )
                    .bind(format!("console:g{g}-u{m}"))
                    .bind(format!("Member {m}"))
                    .execute(&mut *setup)
                    .await?;
                }
            }
            setup.commit().await?;
            sqlx::Connection::close(conn).await?;
            "replies"
        }
    };
    let statement = |n: usize| {
        let tuples: Vec<String> = (0..n)
            .map(|i| {
                let b = i * 5;
                format!(
                    "(${}, ${}, 'console', ${}, NULL, ${}, ${}, NULL)",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5
                )
            })
            .collect();
        format!(
            "INSERT INTO {name} (session_id, member_key, platform, message_id, reply_to, text, posted_at, deleted_at) VALUES {}",
            tuples.join(", ")
        )
    };
    let values: Vec<(i64, String, String, i64)> = (0..rows)
        .map(|n| {
            let g = n % groups;
            let member = (n / groups) % 40;
            (
                sessions[g],
                format!("console:g{g}-u{member}"),
                format!("b{g}-m{n}"),
                n as i64,
            )
        })
        .collect();
    let full = statement(ROWS_PER_TRANSACTION);
    let mut conn = connect_pg(schema_url).await?;
    let started = Instant::now();
    for chunk in values.chunks(ROWS_PER_TRANSACTION) {
        let sql = if chunk.len() == ROWS_PER_TRANSACTION {
            full.clone()
        } else {
            statement(chunk.len())
        };
        let mut tx = sqlx::Connection::begin(&mut conn).await?;
        let mut insert = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (session, member, message, at) in chunk {
            insert = insert
                .bind(*session)
                .bind(member.as_str())
                .bind(message.as_str())
                .bind(text)
                .bind(*at);
        }
        insert.execute(&mut *tx).await?;
        tx.commit().await?;
    }
    let took = started.elapsed();
    sqlx::Connection::close(conn).await?;
    Ok(took)
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
