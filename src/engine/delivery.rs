//! Delivering the outbox: claim due rows, render, send through the platform's port,
//! record where they went. Failures retry with exponential backoff and jitter; a post
//! that was sent but not recorded (a crash in between) is not repeated, because the
//! adapter passes the row's stable key to the platform (Discord nonce, Matrix txn id).

use chrono::Duration;
use rand::RngExt;

use crate::engine::{CommandError, Engine, store_ms};
use crate::ports::{Content, Delivered, Outgoing, PortError};
use crate::render::split_message;
use crate::store::OutboxRow;

/// Give up on a post after this many failed attempts (about five hours of retries).
pub const MAX_ATTEMPTS: i64 = 40;
/// How long a worker holds a claimed row unless `[storage] claim_seconds` says otherwise.
pub const CLAIM: Duration = Duration::minutes(2);

/// What one delivery step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// The wait before attempt `attempts + 1`: 2 s doubling to at most 10 min, ±25 % jitter.
pub fn backoff(attempts: i64) -> Duration {
    let base_ms = (2_000f64 * 2f64.powi(attempts.clamp(0, 20) as i32)).min(600_000.0);
    let jitter = rand::rng().random_range(0.75..1.25);
    Duration::milliseconds((base_ms * jitter) as i64)
}

/// Deliver what is due; `worker` names this instance for the claim.
pub async fn deliver_due(engine: &Engine, worker: &str) -> Result<DeliveryReport, CommandError> {
    let now = engine.now();
    let rows = engine
        .store()
        .claim_outbox(
            worker,
            store_ms(now),
            store_ms(now + engine.settings().outbox_claim),
            20,
        )
        .await?;
    let mut report = DeliveryReport::default();
    for row in rows {
        match deliver_one(engine, &row).await {
            Ok(delivered) => {
                engine.record_delivery(&row, &delivered).await?;
                report.sent += 1;
            }
            Err(PortError::Transient(message)) => {
                let give_up = row.attempts + 1 >= MAX_ATTEMPTS;
                let next = engine.now() + backoff(row.attempts);
                if give_up {
                    tracing::error!(outbox = row.id, attempts = row.attempts + 1, error = %message, "post failed; giving up after the last attempt");
                } else {
                    tracing::warn!(outbox = row.id, attempts = row.attempts + 1, error = %message, "post failed; will retry");
                }
                engine
                    .store()
                    .outbox_failed(row.id, &message, store_ms(next), give_up)
                    .await?;
                if give_up {
                    report.failed += 1;
                } else {
                    report.retried += 1;
                }
            }
            Err(PortError::Permanent(message)) => {
                tracing::error!(outbox = row.id, error = %message, "post failed for good");
                engine
                    .store()
                    .outbox_failed(row.id, &message, store_ms(engine.now()), true)
                    .await?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

async fn deliver_one(engine: &Engine, row: &OutboxRow) -> Result<Delivered, PortError> {
    let outgoing = engine
        .render_outgoing(row)
        .await
        .map_err(|e| PortError::Permanent(format!("cannot render the post: {e}")))?;
    let port = engine.port(outgoing.channel.platform).ok_or_else(|| {
        PortError::Transient(format!("{} is not connected", outgoing.channel.platform))
    })?;
    match &outgoing.content {
        Content::Text { markdown, files } => {
            // Long texts go out in parts that fit; each part has its own stable key.
            let parts = split_message(markdown, port.max_message_chars());
            let mut first: Option<Delivered> = None;
            for (i, part) in parts.iter().enumerate() {
                let piece = Outgoing {
                    channel: outgoing.channel.clone(),
                    thread: outgoing.thread.clone(),
                    key: if i == 0 {
                        outgoing.key.clone()
                    } else {
                        format!("{}-{}", outgoing.key, i)
                    },
                    content: Content::Text {
                        markdown: part.clone(),
                        files: if i == 0 { files.clone() } else { Vec::new() },
                    },
                    locale: outgoing.locale,
                };
                let d = port.deliver(&piece).await?;
                first.get_or_insert(d);
            }
            first.ok_or_else(|| PortError::Permanent("nothing to send".into()))
        }
        _ => port.deliver(&outgoing).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let first = backoff(0).num_milliseconds();
        assert!((1_500..=2_500).contains(&first), "{first}");
        let later = backoff(5).num_milliseconds();
        assert!((48_000..=80_000).contains(&later), "{later}");
        assert!(backoff(30).num_milliseconds() <= 750_000);
    }
}
