//! The long-running side: `colloquy run` (platforms + scheduler + outbox, clean shutdown),
//! `check-config`, `ingest`, and logging.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow};
use tokio::io::AsyncBufReadExt;

use crate::config::Config;
use crate::engine::Engine;
use crate::ports::SystemClock;

/// Logging for the short CLI verbs (`run` follows its config instead): warnings to
/// stderr. `warn_on_bad_env`: say when COLLOQUY_LOG is not a valid filter (check-config
/// reports that itself, with the other problems).
pub fn init_cli_logging(warn_on_bad_env: bool) {
    let filter = env_log_filter(warn_on_bad_env).unwrap_or_else(|| "warn".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(stderr_is_terminal())
        .try_init();
}

/// Colour codes only for a person watching, never in a file or a pipe.
fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

/// `COLLOQUY_LOG`, if it is set and a valid filter (with `warn`, an invalid one is said,
/// not silently ignored).
fn env_log_filter(warn: bool) -> Option<tracing_subscriber::EnvFilter> {
    let level = std::env::var("COLLOQUY_LOG").ok()?;
    match crate::config::check_log_filter(&level) {
        Ok(()) => tracing_subscriber::EnvFilter::try_new(&level).ok(),
        Err(expected) => {
            if warn {
                eprintln!("warning: COLLOQUY_LOG = {level:?} is ignored: expected {expected}");
            }
            None
        }
    }
}

fn init_logging(config: &Config) {
    // The config check has refused an invalid COLLOQUY_LOG or [log] level already.
    let filter = env_log_filter(false)
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(&config.log.level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(stderr_is_terminal());
    let _ = if config.log.format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// `colloquy check-config`: load, validate every value, and list every problem at once
/// (never printing a secret). `run` refuses the same problems.
pub fn check_config(path: &Path) -> Result<ExitCode> {
    let (config, problems) = Config::inspect(path, &|var| std::env::var(var).ok())?;
    // A section that could not be read is reported below, not shown as "off".
    let unreadable = |section: &str| {
        problems
            .iter()
            .any(|p| p.key.starts_with(&format!("[{section}]")))
    };
    println!("database: {}", config.storage.database);
    println!("vote secret: {}", config.secret_path().display());
    let env = |var: &str, what: &str| {
        let set = std::env::var(var)
            .map(|v| !v.trim().is_empty())
            .unwrap_or(false);
        // Only a plausible variable name is echoed (a pasted secret is not).
        if crate::config::shows_env_name(var, set) {
            println!(
                "{what}: ${var} {}",
                if set { "is set" } else { "is NOT set" }
            );
        } else {
            println!("{what}: see the problems below");
        }
    };
    match &config.discord {
        Some(d) => env(&d.token_env, "discord token"),
        None if unreadable("discord") => println!("discord: see the problems below"),
        None => println!("discord: off"),
    }
    match &config.matrix {
        Some(m) => {
            if let Some(v) = &m.password_env {
                env(v, "matrix password");
            }
            if let Some(v) = &m.access_token_env {
                env(v, "matrix access token");
            }
            println!(
                "matrix: {} as {}, store {}",
                m.homeserver,
                m.user,
                m.store.display()
            );
        }
        None if unreadable("matrix") => println!("matrix: see the problems below"),
        None => println!("matrix: off"),
    }
    match &config.llm {
        Some(l) => println!("llm: {} at {}", l.model, l.endpoint),
        None if unreadable("llm") => println!("llm: see the problems below"),
        None => println!("llm: off (nothing leaves the machine)"),
    }
    match &config.prompts.dir {
        Some(d) => println!("prompts: {}", d.display()),
        None => println!("prompts: built in"),
    }
    if config.discord.is_none() && config.matrix.is_none() && problems.is_empty() {
        println!("note: no platform is configured; `run` would only keep the schedule.");
    }
    if problems.is_empty() {
        println!("{}: no problems found", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "error: {}",
        crate::config::describe_problems(&path.display().to_string(), &problems)
    );
    Ok(ExitCode::FAILURE)
}

/// `colloquy run`: connect the configured platforms and run until SIGTERM or Ctrl-C.
pub async fn run(path: &Path) -> Result<ExitCode> {
    let config = Config::load(path)?;
    init_logging(&config);
    // Take over SIGTERM before anything else, so a stop during start-up is clean too.
    let stop_signal = ShutdownSignal::install()?;
    let engine = crate::boot::from_config(&config).await?;
    // What only one process may run (several may share a PostgreSQL database): taken
    // before connecting, or refused with a message naming the process that holds it.
    let worker = format!("pid {} #{:08x}", std::process::id(), rand::random::<u32>());
    let mut leases = Vec::new();
    if let Some(d) = &config.discord
        && let Some(range) = d.shard_range().map_err(|e| anyhow!("[discord] {e}"))?
    {
        leases.extend(crate::engine::leases::LeaseRequest::discord_shards(range));
    }
    if let Some(m) = &config.matrix {
        leases.push(crate::engine::leases::LeaseRequest::matrix_account(&m.user));
    }
    if let Err(e) = engine.take_leases(&worker, &leases).await {
        engine.close().await;
        return Err(anyhow!("cannot start: {e}"));
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut tasks: Vec<tokio::task::JoinHandle<()>> = Vec::new();
    #[cfg_attr(not(any(feature = "discord", feature = "matrix")), allow(unused_mut))]
    let mut platforms: Vec<&str> = Vec::new();
    if let Some(d) = &config.discord {
        #[cfg(feature = "discord")]
        {
            let handle =
                crate::platform::discord::start(engine.clone(), d.clone(), stop_rx.clone()).await?;
            tasks.push(handle);
            platforms.push("discord");
        }
        #[cfg(not(feature = "discord"))]
        {
            let _ = d;
            return Err(anyhow!(
                "the config has [discord], but this build has no Discord support"
            ));
        }
    }
    if let Some(m) = &config.matrix {
        #[cfg(feature = "matrix")]
        {
            let handle =
                crate::platform::matrix::start(engine.clone(), m.clone(), stop_rx.clone()).await?;
            tasks.push(handle);
            platforms.push("matrix");
        }
        #[cfg(not(feature = "matrix"))]
        {
            let _ = m;
            return Err(anyhow!(
                "the config has [matrix], but this build has no Matrix support"
            ));
        }
    }
    health_line(&engine, &platforms).await;
    tasks.push(tokio::spawn(crate::engine::leases::keep(
        engine.clone(),
        worker.clone(),
        leases.len() as u64,
        stop_rx.clone(),
    )));
    tasks.push(tokio::spawn(crate::engine::scheduler::run(
        engine.clone(),
        worker.clone(),
        stop_rx.clone(),
    )));
    stop_signal.wait().await;
    tracing::info!("shutting down");
    let _ = stop_tx.send(true);
    for t in tasks {
        let _ = tokio::time::timeout(std::time::Duration::from_secs(15), t).await;
    }
    if let Err(e) = engine.release_leases(&worker).await {
        tracing::warn!(
            error = %e,
            seconds = config.storage.lease_seconds,
            "could not give up this process's leases; they run out by themselves"
        );
    }
    // Queued reply writes are committed before the database closes.
    engine.close().await;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// One line at start: which platforms connected, which groups are scheduled, and when.
async fn health_line(engine: &Engine, platforms: &[&str]) {
    let groups = match engine.groups().await {
        Ok(g) => g,
        Err(e) => {
            tracing::error!(error = %e, "cannot list the groups for the health line");
            Vec::new()
        }
    };
    let now = engine.now();
    let next: Vec<String> = groups
        .iter()
        .filter(|g| !g.paused)
        .filter_map(|g| {
            let s = g.schedule();
            let (_, at) = s.next_slot(now)?;
            Some(format!("{}@{}", g.id, at.to_rfc3339()))
        })
        .collect();
    tracing::info!(
        platforms = %platforms.join(","),
        groups = groups.len(),
        paused = groups.iter().filter(|g| g.paused).count(),
        next_posts = %next.join(" "),
        "colloquy started"
    );
}

/// SIGTERM or Ctrl-C, registered up front.
struct ShutdownSignal {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
}

impl ShutdownSignal {
    fn install() -> Result<ShutdownSignal> {
        Ok(ShutdownSignal {
            #[cfg(unix)]
            term: tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .context("cannot listen for SIGTERM")?,
        })
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = self.term.recv() => {}
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

/// One event of `colloquy ingest`.
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum IngestEvent {
    Message {
        platform: String,
        channel: String,
        #[serde(default)]
        thread: Option<String>,
        #[serde(default)]
        reply_to: Option<String>,
        id: String,
        author: String,
        #[serde(default)]
        name: Option<String>,
        text: String,
        #[serde(default)]
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    Edit {
        platform: String,
        id: String,
        text: String,
    },
    Delete {
        platform: String,
        id: String,
    },
    Command {
        channel: String,
        author: String,
        #[serde(default)]
        facilitator: bool,
        line: String,
    },
}

/// `colloquy ingest`: record events from JSON lines, printing `ok LINE OUTCOME` once each
/// is committed (events are processed concurrently, as a busy platform delivers them).
pub async fn ingest(source: &str, db: &crate::store::Location) -> Result<ExitCode> {
    let engine = crate::boot::offline(db, Arc::new(SystemClock)).await?;
    let reader: Box<dyn tokio::io::AsyncRead + Unpin + Send> = if source == "-" {
        Box::new(tokio::io::stdin())
    } else {
        Box::new(
            tokio::fs::File::open(source)
                .await
                .with_context(|| format!("cannot open {source}"))?,
        )
    };
    let mut lines = tokio::io::BufReader::new(reader).lines();
    let limit = Arc::new(tokio::sync::Semaphore::new(512));
    let mut tasks = tokio::task::JoinSet::new();
    let mut n = 0usize;
    let mut failed = false;
    while let Some(line) = lines.next_line().await? {
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let event: IngestEvent = match serde_json::from_str(&line) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("line {n}: not an event: {e}");
                failed = true;
                continue;
            }
        };
        // Commands change state that later events depend on: run them in order.
        if let IngestEvent::Command { .. } = event {
            while tasks.join_next().await.is_some() {}
            print_outcome(n, ingest_one(&engine, event).await);
            continue;
        }
        let permit = limit.clone().acquire_owned().await?;
        let engine = engine.clone();
        tasks.spawn(async move {
            let outcome = ingest_one(&engine, event).await;
            print_outcome(n, outcome);
            drop(permit);
        });
    }
    while tasks.join_next().await.is_some() {}
    engine.close().await;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_outcome(n: usize, outcome: Result<String>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = match outcome {
        Ok(o) => writeln!(out, "ok {n} {o}"),
        Err(e) => writeln!(out, "error {n} {e}"),
    };
    let _ = out.flush();
}

async fn ingest_one(engine: &Engine, event: IngestEvent) -> Result<String> {
    use crate::domain::ids::{ChannelKey, MemberKey, Platform};
    let platform = |p: &str| p.parse::<Platform>().map_err(|e| anyhow!("{e}"));
    let outcome = match event {
        IngestEvent::Message {
            platform: p,
            channel,
            thread,
            reply_to,
            id,
            author,
            name,
            text,
            at,
        } => {
            let platform = platform(&p)?;
            engine
                .on_message(crate::engine::IncomingMessage {
                    platform,
                    channel_id: channel,
                    thread_root: thread,
                    reply_to,
                    message_id: id,
                    author: MemberKey::new(platform, &author),
                    author_name: name.unwrap_or(author),
                    text,
                    at: at.unwrap_or_else(|| engine.now()),
                })
                .await
        }
        IngestEvent::Edit {
            platform: p,
            id,
            text,
        } => {
            engine
                .on_edit(crate::engine::MessageEdit {
                    platform: platform(&p)?,
                    message_id: id,
                    author: None,
                    text,
                    at: engine.now(),
                })
                .await
        }
        IngestEvent::Delete { platform: p, id } => {
            engine
                .on_delete(crate::engine::MessageDelete {
                    platform: platform(&p)?,
                    message_id: id,
                    at: engine.now(),
                })
                .await
        }
        IngestEvent::Command {
            channel,
            author,
            facilitator,
            line,
        } => {
            let channel: ChannelKey = channel.parse().map_err(|e| anyhow!("{e}"))?;
            let command = crate::domain::command::parse(&line)?;
            let reply = engine
                .execute(crate::engine::Invocation {
                    caller: crate::engine::Caller {
                        key: MemberKey::new(channel.platform, &author),
                        name: author.clone(),
                        role: if facilitator {
                            crate::domain::command::Role::Facilitator
                        } else {
                            crate::domain::command::Role::Member
                        },
                        locale: None,
                    },
                    channel,
                    command,
                    attachment: None,
                })
                .await
                .map_err(|e| anyhow!("{e}"))?;
            return Ok(format!(
                "command {}",
                reply.text.lines().next().unwrap_or("").replace(' ', "_")
            ));
        }
    };
    use crate::engine::MessageOutcome;
    Ok(match outcome.map_err(|e| anyhow!("{e}"))? {
        MessageOutcome::Recorded { .. } => "recorded",
        MessageOutcome::Duplicate { .. } => "duplicate",
        MessageOutcome::NotInSession => "ignored",
        MessageOutcome::Forgotten => "forgotten",
        MessageOutcome::Updated => "updated",
        MessageOutcome::Unknown => "unknown",
    }
    .to_string())
}
