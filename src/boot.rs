//! Building the engine: the one place every entry point gets one — `run` from its config,
//! the CLI verbs, the console and the demo from a database path, and the tests from a store
//! and a secret of their own.

use std::sync::Arc;

use anyhow::{Context, Result, anyhow};

use crate::config::{Config, load_or_create_secret, secret_beside, secret_from_env};
use crate::domain::anon::VoterSecret;
use crate::engine::{Engine, EngineSettings};
use crate::ports::{Clock, SystemClock};
use crate::render::Prompts;
use crate::store::{Location, Store, StoreError};

/// The engine `colloquy run` uses: the configured database, prompts, limits and LLM.
pub async fn from_config(config: &Config) -> Result<Engine> {
    let store = Store::open_at(&config.storage.database)
        .await
        .with_context(|| format!("cannot open the database {}", config.storage.database))?;
    let secret = load_or_create_secret(&config.secret_path())
        .with_context(|| format!("cannot read or create {}", config.secret_path().display()))?;
    let prompts = Prompts::load(config.prompts.dir.as_deref())?;
    let llm = match &config.llm {
        Some(l) => {
            let key = match &l.api_key_env {
                Some(var) => Some(secret_from_env(var, "LLM API key")?),
                None => None,
            };
            Some(crate::llm::LlmClient::new(
                &l.endpoint,
                &l.model,
                key,
                std::time::Duration::from_secs(l.timeout_secs),
            )?)
        }
        None => None,
    };
    let settings =
        EngineSettings {
            max_upload_bytes: config.limits.max_upload_kib * 1024,
            retention_days: config.privacy.retention_days,
            lease_ttl: std::time::Duration::from_secs(config.storage.lease_seconds),
            outbox_claim: chrono::Duration::seconds(config.storage.claim_seconds as i64),
            archive: config.archive.dir.clone().map(|dir| {
                crate::engine::archive::ArchiveSettings {
                    dir,
                    base_url: config.archive.base_url.clone(),
                }
            }),
        };
    Ok(Engine::new(
        store,
        Arc::new(SystemClock),
        prompts,
        secret,
        settings,
        llm,
    ))
}

/// An engine for offline work (no platform attached, built-in prompts, default limits) on
/// the database at `db`, created if there is none.
pub async fn offline(db: &Location, clock: Arc<dyn Clock>) -> Result<Engine> {
    let store = Store::open_at(db)
        .await
        .with_context(|| format!("cannot open the database {db}"))?;
    offline_on(store, db, clock)
}

/// As [`offline`], on a database that must exist already: verbs that only read one never
/// create it.
pub async fn offline_existing(db: &Location, clock: Arc<dyn Clock>) -> Result<Engine> {
    let store = match Store::open_existing_at(db).await {
        Ok(store) => store,
        Err(e @ (StoreError::Missing(_) | StoreError::Connect { .. })) => return Err(anyhow!(e)),
        Err(e) => {
            return Err(anyhow!(e).context(format!("cannot open the database {db}")));
        }
    };
    offline_on(store, db, clock)
}

/// The variable naming the anonymous-vote secret for offline verbs on a PostgreSQL database
/// (a SQLite database keeps its secret beside it).
pub const SECRET_FILE_ENV: &str = "COLLOQUY_SECRET_FILE";

/// An offline engine on an open store. Its anonymous-vote secret lives beside a SQLite
/// file; with PostgreSQL it is the file `COLLOQUY_SECRET_FILE` names (the one every process
/// on that database shares).
pub fn offline_on(store: Store, db: &Location, clock: Arc<dyn Clock>) -> Result<Engine> {
    let path = match db {
        Location::Sqlite(path) => secret_beside(path),
        Location::Postgres(_) => match std::env::var_os(SECRET_FILE_ENV) {
            Some(p) if !p.is_empty() => std::path::PathBuf::from(p),
            _ => {
                return Err(anyhow!(
                    "{db} is a PostgreSQL database: set {SECRET_FILE_ENV} to the anonymous-vote secret file the bot's processes share (storage.secret_file in their config)"
                ));
            }
        },
    };
    let secret = load_or_create_secret(&path)
        .with_context(|| "cannot read or create the anonymous-vote secret")?;
    Ok(offline_with_secret(store, clock, secret))
}

/// An offline engine with a given secret (tests and benchmarks keep theirs in memory).
pub fn offline_with_secret(store: Store, clock: Arc<dyn Clock>, secret: VoterSecret) -> Engine {
    Engine::new(
        store,
        clock,
        Prompts::builtin(),
        secret,
        EngineSettings::default(),
        None,
    )
}
