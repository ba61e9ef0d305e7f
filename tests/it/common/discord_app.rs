//! The real Discord adapter against the fake: `colloquy::platform::discord::start` with a
//! config whose `api_base` is the fake, an engine built as `colloquy run` builds it, the
//! scheduler/outbox loop, and read-only access to the SQLite file for assertions.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use colloquy::config::{Config, Discord, Storage};
use colloquy::domain::ids::Platform;
use colloquy::engine::Engine;
use colloquy::ports::ChatPort;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::fake_discord::{
    FakeDiscord, InteractionHandle, InteractionReply, ReplyKind, SlashCommand,
};

pub const WAIT: Duration = Duration::from_secs(15);

static BOTS: AtomicUsize = AtomicUsize::new(0);

/// A running bot: the adapter, the scheduler and outbox loop, and its database.
pub struct Bot {
    pub engine: Engine,
    pub db: PathBuf,
    stop: watch::Sender<bool>,
    discord: JoinHandle<()>,
    scheduler: JoinHandle<()>,
}

impl Bot {
    /// Starts the bot on the database in `dir` and waits until it is connected and its
    /// commands are registered.
    pub async fn start(fake: &FakeDiscord, dir: &Path) -> Bot {
        Bot::start_with(fake, dir, None).await
    }

    /// As [`Bot::start`], with the engine on `clock` (built-in prompts, default limits)
    /// instead of the machine's.
    pub async fn start_with_clock(
        fake: &FakeDiscord,
        dir: &Path,
        clock: Arc<dyn colloquy::ports::Clock>,
    ) -> Bot {
        Bot::start_with(fake, dir, Some(clock)).await
    }

    async fn start_with(
        fake: &FakeDiscord,
        dir: &Path,
        clock: Option<Arc<dyn colloquy::ports::Clock>>,
    ) -> Bot {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("COLLOQUY_LOG")
                    .unwrap_or_else(|_| "warn".into()),
            )
            .with_test_writer()
            .try_init();
        let n = BOTS.fetch_add(1, Ordering::SeqCst);
        let token_env = format!("COLLOQUY_TEST_DISCORD_TOKEN_{}_{n}", std::process::id());
        // SAFETY (test only): a variable of this bot's own, set before it is read.
        unsafe { std::env::set_var(&token_env, fake.token()) };
        let config = Config {
            storage: Storage {
                database: colloquy::store::Location::Sqlite(dir.join("colloquy.db")),
                ..Storage::default()
            },
            discord: Some(Discord {
                token_env,
                facilitator_role: Some("Facilitator".into()),
                guild_id: Some(fake.ids().guild_id.to_string()),
                api_base: Some(fake.base_url()),
                shards: None,
                shard_total: None,
            }),
            ..Config::default()
        };
        let engine = match clock {
            None => colloquy::boot::from_config(&config).await.expect("engine"),
            Some(clock) => colloquy::boot::offline(&config.storage.database, clock)
                .await
                .expect("engine"),
        };
        let identifies = fake.gateway_stats().identifies;
        let puts = fake.requests_matching("PUT", "/applications/").len();
        let (stop, stop_rx) = watch::channel(false);
        let discord = colloquy::platform::discord::start(
            engine.clone(),
            config.discord.clone().expect("discord config"),
            stop_rx.clone(),
        )
        .await
        .expect("the discord adapter starts");
        let scheduler = tokio::spawn(colloquy::engine::scheduler::run(
            engine.clone(),
            format!("test-{n}"),
            stop_rx,
        ));
        fake.wait_for_gateway("the bot to identify", WAIT, |s| {
            s.identifies > identifies && s.live
        })
        .await;
        fake.wait_for("the command registration", WAIT, |f| {
            (f.requests_matching("PUT", "/applications/").len() > puts).then_some(())
        })
        .await;
        Bot {
            engine,
            db: dir.join("colloquy.db"),
            stop,
            discord,
            scheduler,
        }
    }

    /// The port the engine posts through.
    pub fn port(&self) -> Arc<dyn ChatPort> {
        self.engine
            .port(Platform::Discord)
            .expect("the discord port is attached")
    }

    /// Flips `stop` without waiting (callable from any thread, even while the bot's
    /// runtime is busy); [`Bot::stop`] then waits for the end.
    pub fn signal_stop(&self) {
        let _ = self.stop.send(true);
    }

    /// Flips `stop` and waits for the adapter and the scheduler to end.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        tokio::time::timeout(WAIT, self.discord)
            .await
            .expect("the discord task ends on stop")
            .expect("the discord task did not panic");
        tokio::time::timeout(WAIT, self.scheduler)
            .await
            .expect("the scheduler ends on stop")
            .expect("the scheduler did not panic");
        self.engine.close().await;
    }
}

/// A read-only view of the bot's SQLite file.
pub async fn db(path: &Path) -> SqlitePool {
    let options = SqliteConnectOptions::new().filename(path).read_only(true);
    SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with(options)
        .await
        .expect("open the database read-only")
}

/// Polls `check` against the database until it returns `Some` (no fixed sleeps: a short
/// poll interval with a deadline).
pub async fn wait_db<T, F, Fut>(pool: &SqlitePool, what: &str, timeout: Duration, check: F) -> T
where
    F: Fn(SqlitePool) -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(t) = check(pool.clone()).await {
            return t;
        }
        if tokio::time::Instant::now() > deadline {
            panic!("timed out after {timeout:?} waiting for {what} in the database");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The bot's answer to an interaction: the first response that carries a message (a
/// reply, a follow-up or an edit), after any deferral.
pub async fn answer(fake: &FakeDiscord, i: &InteractionHandle) -> InteractionReply {
    fake.wait_for("an answer to the interaction", WAIT, |f| {
        f.interaction_responses(&i.token).into_iter().find(|r| {
            matches!(
                r.kind,
                ReplyKind::Callback(4) | ReplyKind::Followup | ReplyKind::EditOriginal
            )
        })
    })
    .await
}

/// Runs a slash command and returns the bot's answer.
pub async fn slash(
    fake: &FakeDiscord,
    who: &super::fake_discord::Person,
    command: SlashCommand,
) -> (InteractionHandle, InteractionReply) {
    let i = fake.slash(who, command);
    let a = answer(fake, &i).await;
    (i, a)
}

/// The value Discord sends for the choice named `name` of a registered command option
/// (poise registers choice parameters as integer choices).
pub fn choice(fake: &FakeDiscord, path: &[&str], option: &str, name: &str) -> i64 {
    let (_, guild) = fake.commands();
    let mut node = guild
        .iter()
        .find(|c| c["name"] == path[0])
        .unwrap_or_else(|| panic!("no command /{}", path[0]))
        .clone();
    for sub in &path[1..] {
        node = node["options"]
            .as_array()
            .and_then(|o| o.iter().find(|x| x["name"] == *sub))
            .unwrap_or_else(|| panic!("no subcommand {sub}"))
            .clone();
    }
    let opt = node["options"]
        .as_array()
        .and_then(|o| o.iter().find(|x| x["name"] == option))
        .unwrap_or_else(|| panic!("no option {option}"))
        .clone();
    opt["choices"]
        .as_array()
        .and_then(|c| c.iter().find(|x| x["name"] == name))
        .and_then(|x| x["value"].as_i64())
        .unwrap_or_else(|| panic!("no choice {name} in {opt}"))
}

/// A reading written for these tests: front matter, then `paragraphs` paragraphs.
pub fn reading(paragraphs: usize) -> String {
    super::app::sample_reading(paragraphs)
}

/// Holds every worker of `rt` for `hold` (as a burst of CPU-bound engine work or a blocking
/// call would hold them); returns once all are held, with the tasks to wait for.
pub fn hold_workers(
    rt: &tokio::runtime::Runtime,
    workers: usize,
    hold: Duration,
) -> Vec<JoinHandle<()>> {
    let started = Arc::new(AtomicUsize::new(0));
    let blockers = (0..workers)
        .map(|_| {
            let started = Arc::clone(&started);
            rt.spawn(async move {
                started.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(hold);
            })
        })
        .collect();
    let t0 = Instant::now();
    while started.load(Ordering::SeqCst) < workers {
        assert!(t0.elapsed() < WAIT, "the blockers did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    blockers
}
