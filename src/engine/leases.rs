//! Leases for processes that share one database: before it connects, `colloquy run` takes
//! what only one process may run (a Matrix bot account, each of its Discord shards), keeps
//! them renewed while it runs and gives them up when it stops. A second process asking for
//! one that is held is refused with a message naming the holder; a process that died
//! (kill -9) leaves leases that run out after [`LEASE_TTL`] (or `[storage] lease_seconds`),
//! and then another may start.

use std::time::Duration;

use super::{Engine, store_ms};
use crate::domain::shards::ShardRange;
use crate::store::StoreError;

/// How long a lease lasts unless renewed (`[storage] lease_seconds` changes it).
pub const LEASE_TTL: Duration = Duration::from_secs(30);

/// Something to hold: its lease name, what the holder runs (kept with the lease) and how
/// to name it to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseRequest {
    pub name: String,
    pub detail: String,
    pub what: String,
}

impl LeaseRequest {
    /// One Matrix bot account.
    pub fn matrix_account(user: &str) -> LeaseRequest {
        LeaseRequest {
            name: format!("matrix:{user}"),
            detail: String::new(),
            what: format!("the Matrix account {user}"),
        }
    }

    /// Each shard of a Discord range.
    pub fn discord_shards(range: ShardRange) -> Vec<LeaseRequest> {
        range
            .shards()
            .map(|shard| LeaseRequest {
                name: format!("discord:shard:{shard}"),
                detail: format!("total={} range={}-{}", range.total, range.first, range.last),
                what: format!("Discord shard {shard} of {}", range.total),
            })
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LeaseError {
    /// Another live process holds it, or runs a different shard total.
    #[error("{0}")]
    Held(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Engine {
    /// Take every lease in `requests` for `holder`, or none (those taken are given back).
    /// Discord shards are also refused when a live process runs another shard total.
    pub async fn take_leases(
        &self,
        holder: &str,
        requests: &[LeaseRequest],
    ) -> Result<(), LeaseError> {
        let now = store_ms(self.now());
        let until = now + self.settings().lease_ttl.as_millis() as i64;
        if let Some(ours) = requests
            .iter()
            .find(|r| r.name.starts_with("discord:shard:"))
        {
            let total = ours.detail.split_whitespace().next().unwrap_or_default();
            for other in self.store().live_leases("discord:shard:", now).await? {
                let their_total = other.detail.split_whitespace().next().unwrap_or_default();
                if other.holder != holder && their_total != total {
                    return Err(LeaseError::Held(format!(
                        "another colloquy process ({}) runs Discord with {} ({}), this one with {}: every process must give the same shard_total",
                        other.holder,
                        their_total
                            .replace('=', " = ")
                            .replace("total", "shard_total"),
                        other.detail,
                        total.replace('=', " = ").replace("total", "shard_total"),
                    )));
                }
            }
        }
        for (i, request) in requests.iter().enumerate() {
            let refused = self
                .store()
                .take_lease(&request.name, holder, &request.detail, now, until)
                .await?;
            if let Some(other) = refused {
                // All or none: the ones taken before this one are given back.
                let _ = i;
                self.store().release_leases(holder).await?;
                let left = (other.expires_at - now).max(0) / 1000;
                return Err(LeaseError::Held(format!(
                    "{} is already run by another colloquy process ({}{}) on this database; two processes would both run it. Stop that process, or start this one without it{}",
                    request.what,
                    other.holder,
                    if other.detail.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", other.detail)
                    },
                    if left > 0 {
                        format!(" (if it died, its lease runs out within {left} s)")
                    } else {
                        String::new()
                    }
                )));
            }
        }
        Ok(())
    }

    /// Renew `holder`'s leases; returns how many it still holds.
    pub async fn renew_leases(&self, holder: &str) -> Result<u64, StoreError> {
        let until = store_ms(self.now()) + self.settings().lease_ttl.as_millis() as i64;
        self.store().renew_leases(holder, until).await
    }

    /// Give up `holder`'s leases (a clean stop).
    pub async fn release_leases(&self, holder: &str) -> Result<(), StoreError> {
        self.store().release_leases(holder).await
    }
}

/// Renew `holder`'s `held` leases every third of the lease's length until `stop` flips. A lease found
/// lost (this process stalled past its lease and another took over) is logged loudly.
pub async fn keep(
    engine: Engine,
    holder: String,
    held: u64,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let every = engine.settings().lease_ttl / 3;
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            _ = stop.changed() => {}
        }
        if *stop.borrow() {
            return;
        }
        match engine.renew_leases(&holder).await {
            Ok(n) if n < held => tracing::error!(
                held,
                still = n,
                "this process lost a lease (it stalled longer than the lease lasts); another process may now run the same account or shards"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "cannot renew leases; retrying"),
        }
    }
}
