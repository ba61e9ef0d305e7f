//! The reply writer on PostgreSQL: the same group commit as the SQLite thread (drain the
//! queue, write it in one transaction, acknowledge each message after the commit), written
//! for a server that several processes share.
//!
//! Each batch inserts its members and replies with one `INSERT … SELECT FROM UNNEST(…)`
//! each; `RETURNING` says exactly which replies were new (no row-id arithmetic, which
//! would need the writers serialized). Rows go in key order, so two processes inserting
//! overlapping batches wait for each other instead of deadlocking. A batch holds the
//! forget-me advisory lock shared while it reads the tombstones and writes: forget-me takes
//! it whole, so no batch can record a forgotten member's old message after the deletion.

use std::collections::{HashMap, HashSet};

use sqlx::{PgConnection, PgPool};
use tokio::sync::mpsc;

use super::replies::{
    FORGET_LOCK, Job, KnownMembers, RecordOp, ReplyWriter, Tombstones, Written, acknowledge,
    fill_batch, message_tag,
};

/// Starts the PostgreSQL writer: a task on the runtime, taking a connection of the pool per
/// batch.
pub(super) fn spawn(
    pool: PgPool,
    generation: std::sync::Arc<std::sync::atomic::AtomicU64>,
) -> ReplyWriter {
    let (tx, rx) = mpsc::channel::<Job>(16_384);
    let (stopped_tx, stopped) = tokio::sync::oneshot::channel();
    let known = KnownMembers::new(generation);
    tokio::spawn(async move {
        run(pool, rx, known).await;
        let _ = stopped_tx.send(());
    });
    ReplyWriter::from_channel(tx, stopped)
}

pub(super) async fn run(pool: PgPool, mut rx: mpsc::Receiver<Job>, mut known: KnownMembers) {
    let mut batch: Vec<Job> = Vec::new();
    // Ends when every sender is gone, after the queue is drained.
    while let Some(first) = rx.recv().await {
        fill_batch(&mut batch, first, &mut rx);
        write_batch(&pool, &mut batch, &mut known).await;
    }
}

async fn write_batch(pool: &PgPool, batch: &mut Vec<Job>, known: &mut KnownMembers) {
    known.refresh();
    let ops: Vec<&RecordOp> = batch.iter().flat_map(|j| &j.ops).collect();
    let mut attempt = apply_in_transaction(pool, &ops, known).await;
    if attempt.is_err() && !known.names.is_empty() {
        // Perhaps a member this writer knew was deleted elsewhere: try once more afresh.
        known.names.clear();
        attempt = apply_in_transaction(pool, &ops, known).await;
    }
    let results = match attempt {
        Ok(results) => results.into_iter().map(Ok).collect(),
        Err(_) => {
            // Isolate the failing op: apply one by one, each in its own transaction.
            let mut results = Vec::with_capacity(ops.len());
            for op in &ops {
                known.names.clear();
                results.push(
                    apply_in_transaction(pool, &[*op], known)
                        .await
                        .map(|mut r| r.pop().unwrap_or(Written::Unknown))
                        .map_err(|e| format!("database error: {e}")),
                );
            }
            results
        }
    };
    drop(ops);
    acknowledge(batch, results);
}

async fn apply_in_transaction(
    pool: &PgPool,
    ops: &[&RecordOp],
    known: &mut KnownMembers,
) -> sqlx::Result<Vec<Written>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock_shared($1)")
        .bind(FORGET_LOCK)
        .execute(&mut *tx)
        .await?;
    let mut results = vec![Written::Unknown; ops.len()];
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], RecordOp::Insert { .. }) {
            let start = i;
            while i < ops.len() && matches!(ops[i], RecordOp::Insert { .. }) {
                i += 1;
            }
            insert_run(&mut tx, &ops[start..i], &mut results[start..i], known).await?;
        } else {
            results[i] = apply_change(&mut tx, ops[i]).await?;
            i += 1;
        }
    }
    tx.commit().await?;
    Ok(results)
}

/// The tombstones that concern one run of inserts.
async fn tombstones(tx: &mut PgConnection, ops: &[&RecordOp]) -> sqlx::Result<Tombstones> {
    let mut tags: Vec<String> = Vec::new();
    let mut messages: Vec<String> = Vec::new();
    for op in ops {
        if let RecordOp::Insert {
            member_tag,
            platform,
            message_id,
            ..
        } = op
        {
            tags.push(member_tag.clone());
            messages.push(message_tag(platform, message_id));
        }
    }
    tags.sort();
    tags.dedup();
    let members: Vec<(String, i64)> =
        sqlx::query_as("SELECT tag, at FROM tombstones WHERE kind = 'member' AND tag = ANY($1)")
            .bind(&tags)
            .fetch_all(&mut *tx)
            .await?;
    let messages: Vec<(String, i64)> =
        sqlx::query_as("SELECT tag, at FROM tombstones WHERE kind = 'message' AND tag = ANY($1)")
            .bind(&messages)
            .fetch_all(&mut *tx)
            .await?;
    Ok(Tombstones {
        members: members.into_iter().collect(),
        messages: messages.into_iter().collect(),
    })
}

async fn insert_run(
    tx: &mut PgConnection,
    ops: &[&RecordOp],
    results: &mut [Written],
    known: &mut KnownMembers,
) -> sqlx::Result<()> {
    let tombs = tombstones(tx, ops).await?;
    // Members first: one row per key (the latest name in the run), in key order.
    let mut members: HashMap<&str, (&str, i64)> = HashMap::new();
    // The first op of each message, by key; repeats within the run are duplicates.
    let mut firsts: HashMap<(&str, &str), usize> = HashMap::new();
    for (n, op) in ops.iter().enumerate() {
        if tombs.forgets(op) {
            results[n] = Written::Forgotten;
            continue;
        }
        if let RecordOp::Insert {
            member_key,
            display_name,
            posted_at,
            platform,
            message_id,
            ..
        } = op
        {
            if known.names.get(member_key.as_str()) != Some(display_name) {
                members.insert(member_key.as_str(), (display_name.as_str(), *posted_at));
            }
            match firsts.entry((platform.as_str(), message_id.as_str())) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(n);
                }
                std::collections::hash_map::Entry::Occupied(_) => {
                    results[n] = Written::Duplicate;
                }
            }
        }
    }
    if firsts.is_empty() {
        return Ok(());
    }
    let mut members: Vec<(&str, (&str, i64))> = members.into_iter().collect();
    members.sort_by(|a, b| a.0.cmp(b.0));
    if !members.is_empty() {
        let keys: Vec<&str> = members.iter().map(|(k, _)| *k).collect();
        let names: Vec<&str> = members.iter().map(|(_, (n, _))| *n).collect();
        let seen: Vec<i64> = members.iter().map(|(_, (_, at))| *at).collect();
        sqlx::query(
            "INSERT INTO members (key, display_name, first_seen)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[])
             ON CONFLICT (key) DO UPDATE SET display_name = excluded.display_name
             WHERE members.display_name <> excluded.display_name",
        )
        .bind(&keys)
        .bind(&names)
        .bind(&seen)
        .execute(&mut *tx)
        .await?;
    }
    let mut order: Vec<((&str, &str), usize)> = firsts.into_iter().collect();
    order.sort();
    let mut sessions = Vec::with_capacity(order.len());
    let mut member_keys = Vec::with_capacity(order.len());
    let mut platforms = Vec::with_capacity(order.len());
    let mut message_ids = Vec::with_capacity(order.len());
    let mut reply_tos: Vec<Option<&str>> = Vec::with_capacity(order.len());
    let mut texts = Vec::with_capacity(order.len());
    let mut posted = Vec::with_capacity(order.len());
    let mut deleted: Vec<Option<i64>> = Vec::with_capacity(order.len());
    for (_, n) in &order {
        if let RecordOp::Insert {
            session_id,
            member_key,
            platform,
            message_id,
            reply_to,
            text,
            posted_at,
            ..
        } = ops[*n]
        {
            // A message whose deletion came first is recorded as deleted, without its text.
            let deleted_at = tombs.deleted_at(platform, message_id);
            sessions.push(*session_id);
            member_keys.push(member_key.as_str());
            platforms.push(platform.as_str());
            message_ids.push(message_id.as_str());
            reply_tos.push(reply_to.as_deref());
            texts.push(if deleted_at.is_some() {
                ""
            } else {
                text.as_str()
            });
            posted.push(*posted_at);
            deleted.push(deleted_at);
        }
    }
    let new: Vec<(String, String)> = sqlx::query_as(
        "INSERT INTO replies (session_id, member_key, platform, message_id, reply_to, text, posted_at, deleted_at)
         SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::bigint[], $8::bigint[])
         ON CONFLICT (platform, message_id) DO NOTHING
         RETURNING platform, message_id",
    )
    .bind(&sessions)
    .bind(&member_keys)
    .bind(&platforms)
    .bind(&message_ids)
    .bind(&reply_tos)
    .bind(&texts)
    .bind(&posted)
    .bind(&deleted)
    .fetch_all(&mut *tx)
    .await?;
    let new: HashSet<(&str, &str)> = new.iter().map(|(p, m)| (p.as_str(), m.as_str())).collect();
    for (key, n) in &order {
        results[*n] = if new.contains(key) {
            Written::Inserted
        } else {
            Written::Duplicate
        };
    }
    for (key, (name, _)) in members {
        known.names.insert(key.to_string(), name.to_string());
    }
    // The deletions that waited for these messages are applied: drop their tombstones.
    if !tombs.messages.is_empty() {
        let used: Vec<&str> = tombs.messages.keys().map(String::as_str).collect();
        sqlx::query("DELETE FROM tombstones WHERE kind = 'message' AND tag = ANY($1)")
            .bind(&used)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

async fn apply_change(tx: &mut PgConnection, op: &RecordOp) -> sqlx::Result<Written> {
    let changed = match op {
        RecordOp::Edit {
            platform,
            message_id,
            member_key,
            text,
            edited_at,
        } => sqlx::query(
            "UPDATE replies SET text = $1, edited_at = $2 WHERE platform = $3 AND message_id = $4
             AND deleted_at IS NULL AND ($5::text IS NULL OR member_key = $5)",
        )
        .bind(text)
        .bind(edited_at)
        .bind(platform)
        .bind(message_id)
        .bind(member_key)
        .execute(&mut *tx)
        .await?
        .rows_affected(),
        RecordOp::Delete {
            platform,
            message_id,
            deleted_at,
        } => {
            let changed = sqlx::query(
                "UPDATE replies SET text = '', deleted_at = $1
                 WHERE platform = $2 AND message_id = $3 AND deleted_at IS NULL",
            )
            .bind(deleted_at)
            .bind(platform)
            .bind(message_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                // Perhaps the deletion overtook its message: if the message turns up (from
                // any process, before or after a restart), it is recorded as deleted.
                sqlx::query(
                    "INSERT INTO tombstones (kind, tag, at) VALUES ('message', $1, $2)
                     ON CONFLICT DO NOTHING",
                )
                .bind(message_tag(platform, message_id))
                .bind(deleted_at)
                .execute(&mut *tx)
                .await?;
            }
            changed
        }
        RecordOp::Insert { .. } => return Ok(Written::Unknown),
    };
    Ok(if changed > 0 {
        Written::Updated
    } else {
        Written::Unknown
    })
}
