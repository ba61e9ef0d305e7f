//! Copying a whole database to another (`colloquy migrate`, e.g. from SQLite to
//! PostgreSQL): every table row for row, into an empty target, in one transaction; then
//! each table's row count and checksum are computed on both sides and compared.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use sqlx::{QueryBuilder, Row};

use super::db::{Pool, on_pool, on_tx};
use super::{Result, Store, StoreError};

/// Tables in the order their foreign keys need; tables not named here (added by later
/// migrations) follow in name order. Leases belong to running processes and are not copied.
const ORDER: &[&str] = &[
    "groups",
    "readings",
    "excerpts",
    "questions",
    "claims",
    "members",
    "sessions",
    "replies",
    "polls",
    "votes",
    "member_claims",
    "poll_voter_scopes",
    "quiz_answers",
    "summaries",
    "outbox",
    "schedule_slots",
    "kv",
    "tombstones",
    "archives",
    "agenda_items",
    "agenda_runs",
    "live_settings",
    "agenda_posts",
    "hands",
    "minutes_items",
    "presence",
    "breakouts",
    "breakout_rooms",
    "breakout_members",
];
const NOT_COPIED: &[&str] = &["leases"];

/// Rows per INSERT.
const CHUNK: usize = 500;

/// One copied table: its rows and their checksum (SHA-256 of the rows' values in a fixed
/// order, the same on both engines), equal on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopy {
    pub table: String,
    pub rows: usize,
    pub checksum: String,
}

/// How a column's values travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Bool,
    Text,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
}

impl Value {
    /// The value's canonical form in a checksum.
    fn feed(&self, hash: &mut Vec<u8>) {
        let text = match self {
            Value::Int(None) | Value::Bool(None) | Value::Text(None) => {
                hash.extend_from_slice(b"N;");
                return;
            }
            Value::Int(Some(n)) => n.to_string(),
            Value::Bool(Some(b)) => (if *b { "1" } else { "0" }).to_string(),
            Value::Text(Some(t)) => t.clone(),
        };
        hash.extend_from_slice(format!("{}:", text.len()).as_bytes());
        hash.extend_from_slice(text.as_bytes());
        hash.push(b';');
    }
}

impl Store {
    /// Each column of `table` with its declared type, lower case ("integer", "bigint",
    /// "boolean", "text").
    async fn column_types(&self, table: &str) -> Result<Vec<(String, String)>> {
        let sql = match &self.pool {
            Pool::Sqlite(_) => "SELECT name, lower(type) FROM pragma_table_info($1) ORDER BY cid",
            Pool::Postgres(_) => {
                "SELECT column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"
            }
        };
        Ok(on_pool!(&self.pool, c => sqlx::query_as(sql).bind(table).fetch_all(c).await)?)
    }

    /// Every row of `table`'s `columns`, decoded as `kinds`.
    async fn rows_of(
        &self,
        table: &str,
        columns: &[String],
        kinds: &[Kind],
    ) -> Result<Vec<Vec<Value>>> {
        let sql = sqlx::AssertSqlSafe(format!("SELECT {} FROM {table}", columns.join(", ")));
        Ok(on_pool!(&self.pool, c => {
            let rows = sqlx::query(sql).fetch_all(c).await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut values = Vec::with_capacity(kinds.len());
                for (i, kind) in kinds.iter().enumerate() {
                    values.push(match kind {
                        Kind::Int => Value::Int(row.try_get(i)?),
                        Kind::Bool => Value::Bool(row.try_get(i)?),
                        Kind::Text => Value::Text(row.try_get(i)?),
                    });
                }
                out.push(values);
            }
            Ok::<_, sqlx::Error>(out)
        })?)
    }

    /// Copy every table of `self` into `target`, which must hold no rows. Returns each
    /// table with its row count and checksum, after checking both against the target.
    pub async fn copy_into(&self, target: &Store) -> Result<Vec<TableCopy>> {
        let mut tables = self.table_names().await?;
        tables.retain(|t| !NOT_COPIED.contains(&t.as_str()));
        tables.sort_by_key(|t| {
            (
                ORDER.iter().position(|o| o == t).unwrap_or(ORDER.len()),
                t.clone(),
            )
        });
        let theirs = target.table_names().await?;
        let mut held = Vec::new();
        for t in &theirs {
            if NOT_COPIED.contains(&t.as_str()) {
                continue;
            }
            let n = target.raw_i64(&format!("SELECT COUNT(*) FROM {t}")).await?;
            if n > 0 {
                held.push(format!("{n} in {t}"));
            }
        }
        if !held.is_empty() {
            return Err(StoreError::Copy(format!(
                "the target {} is not empty (rows: {}): colloquy migrate only fills an empty database, so nothing was copied",
                target.location(),
                held.join(", ")
            )));
        }
        // Columns and how each travels, checked against the target's schema.
        let mut plan = Vec::new();
        for t in &tables {
            if !theirs.contains(t) {
                return Err(StoreError::Copy(format!(
                    "the target has no table {t}: are both databases at the same colloquy version?"
                )));
            }
            let ours = self.column_types(t).await?;
            let their: HashMap<String, String> =
                target.column_types(t).await?.into_iter().collect();
            let mut columns = Vec::new();
            let mut kinds = Vec::new();
            for (name, ty) in ours {
                let Some(their_ty) = their.get(&name) else {
                    return Err(StoreError::Copy(format!(
                        "the target's {t} has no column {name}: are both databases at the same colloquy version?"
                    )));
                };
                let kind = if ty == "boolean" || their_ty == "boolean" {
                    Kind::Bool
                } else if ty.contains("int") {
                    Kind::Int
                } else {
                    Kind::Text
                };
                columns.push(name);
                kinds.push(kind);
            }
            plan.push((t.clone(), columns, kinds));
        }
        let mut tx = target.write_tx().await?;
        let mut copied = Vec::new();
        for (table, columns, kinds) in &plan {
            let rows = self.rows_of(table, columns, kinds).await?;
            for chunk in rows.chunks(CHUNK) {
                let head = format!("INSERT INTO {table} ({}) ", columns.join(", "));
                on_tx!(tx, c => {
                    let mut qb = QueryBuilder::new(head);
                    qb.push_values(chunk, |mut b, row| {
                        for v in row {
                            match v {
                                Value::Int(x) => b.push_bind(*x),
                                Value::Bool(x) => b.push_bind(*x),
                                Value::Text(x) => b.push_bind(x.clone()),
                            };
                        }
                    });
                    qb.build().execute(&mut *c).await?;
                    Ok::<_, sqlx::Error>(())
                })?;
            }
            copied.push((table.clone(), rows.len(), checksum(&rows)));
        }
        // Identity columns continue after the copied ids.
        if let super::db::TxKind::Postgres(t) = &mut tx.0 {
            for (table, columns, _) in &plan {
                if columns.first().map(String::as_str) == Some("id") {
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table}"
                    )))
                    .execute(&mut **t)
                    .await?;
                }
            }
        }
        tx.commit().await?;
        // Read back from the target: the same rows, the same checksum.
        let mut report = Vec::new();
        for ((table, columns, kinds), (_, rows, sum)) in plan.iter().zip(copied) {
            let back = target.rows_of(table, columns, kinds).await?;
            let back_sum = checksum(&back);
            if back.len() != rows || back_sum != sum {
                return Err(StoreError::Copy(format!(
                    "{table} differs after the copy: {rows} rows (checksum {}) in the source, {} (checksum {}) in the target",
                    &sum[..12],
                    back.len(),
                    &back_sum[..12]
                )));
            }
            report.push(TableCopy {
                table: table.clone(),
                rows,
                checksum: sum,
            });
        }
        Ok(report)
    }
}

/// SHA-256 of the rows' canonical forms, in sorted order (so the engines' row order does
/// not matter).
fn checksum(rows: &[Vec<Value>]) -> String {
    let mut encoded: Vec<Vec<u8>> = rows
        .iter()
        .map(|row| {
            let mut bytes = Vec::new();
            for v in row {
                v.feed(&mut bytes);
            }
            bytes
        })
        .collect();
    encoded.sort();
    let mut hash = Sha256::new();
    for row in &encoded {
        hash.update((row.len() as u64).to_le_bytes());
        hash.update(row);
    }
    hex::encode(hash.finalize())
}
