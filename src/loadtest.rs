//! `colloquy bench`: a bounded load harness. It drives the engine with synthetic groups
//! and events, measures events per second and the latency from event to committed row,
//! and in the same run measures plain multi-row inserts of the same rows (a bare table and
//! colloquy's schema) as baselines; every figure is the median and range of several runs.
//! It also reports the peak memory of the burst, and the memory of many scheduled, idle
//! groups.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{TimeZone, Utc};

use crate::domain::anon::VoterSecret;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{Engine, EngineSettings, IncomingMessage, MessageOutcome};
use crate::ports::SystemClock;
use crate::render::Prompts;
use crate::store::{GroupSettings, Location, Store};

/// What to run.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub groups: usize,
    /// Events of the burst.
    pub burst: usize,
    /// Events per second of the steady phase (0: skip it).
    pub rate: usize,
    /// How long the steady phase lasts.
    pub seconds: u64,
    /// Times the whole measurement is repeated (each on a new database).
    pub runs: usize,
    /// The most burst events the harness has in flight at once (each is a task waiting
    /// for its commit); the next event starts when one is acknowledged.
    pub in_flight: usize,
    /// A PostgreSQL server URL (`--db postgres://…`) to measure on instead of a SQLite file
    /// in a temporary folder: each run and each baseline gets a new schema there, dropped
    /// afterwards.
    pub postgres: Option<String>,
}

/// The figures of one run.
#[derive(Debug, Clone, Default)]
struct RunFigures {
    burst_rate: f64,
    burst_latency: Latency,
    bare_rate: f64,
    schema_rate: f64,
    steady: Option<(f64, Latency)>,
    burst_peak_mib: f64,
}

/// Median and range of a figure over the runs.
fn spread(values: impl IntoIterator<Item = f64>) -> (f64, f64, f64) {
    let mut v: Vec<f64> = values.into_iter().collect();
    if v.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    v.sort_by(f64::total_cmp);
    let median = if v.len() % 2 == 1 {
        v[v.len() / 2]
    } else {
        (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
    };
    (median, v[0], v[v.len() - 1])
}

fn show(name: &str, unit: &str, digits: usize, values: impl IntoIterator<Item = f64>) -> String {
    let (median, low, high) = spread(values);
    format!("  {name}: median {median:.digits$} {unit} (range {low:.digits$}–{high:.digits$})\n")
}

/// Reset this process's peak resident memory (Linux), so the next reading of it is the
/// peak of what follows.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Latency figures in milliseconds.
#[derive(Debug, Clone, Default)]
pub struct Latency {
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

fn latency(mut samples: Vec<Duration>) -> Latency {
    if samples.is_empty() {
        return Latency::default();
    }
    samples.sort_unstable();
    let at = |q: f64| {
        samples[((samples.len() as f64 * q).ceil() as usize)
            .saturating_sub(1)
            .min(samples.len() - 1)]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Latency {
        p50: ms(at(0.50)),
        p99: ms(at(0.99)),
        max: ms(*samples.last().unwrap_or(&Duration::ZERO)),
    }
}

/// This process's memory from /proc/self/status, in MiB (Linux).
struct Memory {
    /// Peak resident set (VmHWM).
    peak: f64,
    /// Resident set now (VmRSS) ...
    rss: f64,
    /// ... of which the heap and stacks (RssAnon) ...
    anon: f64,
    /// ... and file-backed pages, almost all the binary's own code (RssFile).
    file: f64,
}

impl Memory {
    fn now() -> Memory {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
                .unwrap_or(0.0)
        };
        Memory {
            peak: field("VmHWM:"),
            rss: field("VmRSS:"),
            anon: field("RssAnon:"),
            file: field("RssFile:"),
        }
    }
}

fn settings() -> GroupSettings {
    GroupSettings {
        time_zone: crate::domain::schedule::Zone(chrono_tz::Europe::London),
        ..GroupSettings::default()
    }
}

/// Event `n` of the load, in `group` (event `n` goes to group `n % groups`). Each group
/// has 40 members who take turns.
fn message(group: usize, groups: usize, n: usize) -> IncomingMessage {
    let member = (n / groups.max(1)) % 40;
    IncomingMessage {
        platform: Platform::Console,
        channel_id: format!("load{group}"),
        thread_root: None,
        reply_to: None,
        message_id: format!("g{group}-m{n}"),
        author: MemberKey::new(Platform::Console, format!("g{group}-u{}", member)),
        author_name: format!("Member {member}"),
        text: "A reply of ordinary length: predictable courts build trust, and trust keeps coalitions together.".into(),
        at: Utc::now(),
    }
}

const TEXT: &str = "A reply of ordinary length: predictable courts build trust, and trust keeps coalitions together.";

/// Run the harness in `dir` `options.runs` times and print each run and the median and
/// range of every figure.
pub async fn run(dir: &std::path::Path, options: &LoadOptions) -> Result<String> {
    let mut report = String::new();
    if let Some(url) = &options.postgres {
        let (version, fsync, commit) = crate::store::server_durability(url).await?;
        report.push_str(&format!(
            "PostgreSQL {version} at {}: fsync {fsync}, synchronous_commit {commit}\n",
            crate::store::db::redact(url)
        ));
        if fsync != "on" || commit != "on" {
            report.push_str(
                "warning: this server does not make commits durable; these figures are not durable replies (scripts/postgres.sh start --durable starts one that does)\n",
            );
        }
    }
    let mut runs = Vec::new();
    for r in 0..options.runs.max(1) {
        let run_dir = dir.join(format!("run{r}"));
        std::fs::create_dir_all(&run_dir)
            .with_context(|| format!("cannot create {}", run_dir.display()))?;
        let figures = run_once(&run_dir, options, r).await?;
        let _ = std::fs::remove_dir_all(&run_dir);
        report.push_str(&format!(
            "run {}: burst {:.0} replies/s (p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, peak RSS {:.1} MiB); \
             plain bare table {:.0} rows/s; plain colloquy schema {:.0} rows/s",
            r + 1,
            figures.burst_rate,
            figures.burst_latency.p50,
            figures.burst_latency.p99,
            figures.burst_latency.max,
            figures.burst_peak_mib,
            figures.bare_rate,
            figures.schema_rate,
        ));
        if let Some((achieved, l)) = &figures.steady {
            report.push_str(&format!(
                "; steady {achieved:.0}/s p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
                l.p50, l.p99, l.max
            ));
        }
        report.push('\n');
        runs.push(figures);
    }
    report.push_str(&format!(
        "summary of {} runs on {}: burst of {} events from {} groups, at most {} in flight; each acknowledged after its commit ({})\n",
        runs.len(),
        if options.postgres.is_some() { "PostgreSQL" } else { "SQLite" },
        options.burst,
        options.groups,
        options.in_flight,
        if options.postgres.is_some() {
            "synchronous_commit = on"
        } else {
            "WAL, synchronous=FULL"
        }
    ));
    report.push_str(&show(
        "colloquy burst",
        "replies/s",
        0,
        runs.iter().map(|f| f.burst_rate),
    ));
    report.push_str(&show(
        "(a) plain multi-row insert, 1,000-row transactions, bare table",
        "rows/s",
        0,
        runs.iter().map(|f| f.bare_rate),
    ));
    report.push_str(&show(
        "(b) plain multi-row insert, 1,000-row transactions, colloquy's schema",
        "rows/s",
        0,
        runs.iter().map(|f| f.schema_rate),
    ));
    report.push_str(&show(
        "colloquy / (a)",
        "",
        2,
        runs.iter().map(|f| f.burst_rate / f.bare_rate),
    ));
    report.push_str(&show(
        "colloquy / (b)",
        "",
        2,
        runs.iter().map(|f| f.burst_rate / f.schema_rate),
    ));
    report.push_str(&show(
        "burst p99",
        "ms",
        2,
        runs.iter().map(|f| f.burst_latency.p99),
    ));
    report.push_str(&show(
        "peak RSS during the burst",
        "MiB",
        1,
        runs.iter().map(|f| f.burst_peak_mib),
    ));
    if options.rate > 0 {
        report.push_str(&show(
            &format!("steady {}/s achieved", options.rate),
            "events/s",
            0,
            runs.iter().filter_map(|f| f.steady.as_ref().map(|s| s.0)),
        ));
        report.push_str(&show(
            "steady p50",
            "ms",
            2,
            runs.iter()
                .filter_map(|f| f.steady.as_ref().map(|s| s.1.p50)),
        ));
        report.push_str(&show(
            "steady p99",
            "ms",
            2,
            runs.iter()
                .filter_map(|f| f.steady.as_ref().map(|s| s.1.p99)),
        ));
    }
    let m = Memory::now();
    report.push_str(&format!(
        "memory after the runs: peak RSS since the last burst {:.1} MiB, current {:.1} MiB\n",
        m.peak, m.rss
    ));
    Ok(report)
}

type Done = std::result::Result<
    (
        Duration,
        std::result::Result<MessageOutcome, crate::engine::CommandError>,
    ),
    tokio::task::JoinError,
>;

/// Check that a burst event was recorded, and keep its latency.
fn recorded(done: Done, samples: &mut Vec<Duration>) -> Result<()> {
    let (elapsed, outcome) = done?;
    anyhow::ensure!(
        matches!(outcome?, MessageOutcome::Recorded { .. }),
        "an event was not recorded"
    );
    samples.push(elapsed);
    Ok(())
}

/// A new database for part of run `run`: a file in `dir`, or a new schema on the server.
/// Returns where it is and, on PostgreSQL, the schema to drop afterwards.
async fn scratch(
    dir: &std::path::Path,
    options: &LoadOptions,
    run: usize,
    part: &str,
) -> Result<(Location, Option<String>)> {
    Ok(match &options.postgres {
        Some(url) => {
            let schema = format!("colloquy_bench_{}_{run}_{part}", std::process::id());
            let at = crate::store::scratch_schema(url, &schema).await?;
            (Location::Postgres(at), Some(schema))
        }
        None => (Location::Sqlite(dir.join(format!("{part}.db"))), None),
    })
}

async fn drop_scratch(options: &LoadOptions, schema: Option<String>) -> Result<()> {
    if let (Some(url), Some(schema)) = (&options.postgres, schema) {
        crate::store::drop_scratch_schema(url, &schema).await?;
    }
    Ok(())
}

/// One measurement on a new database in `dir` (or new schemas on the PostgreSQL server).
async fn run_once(dir: &std::path::Path, options: &LoadOptions, run: usize) -> Result<RunFigures> {
    let (location, load_schema) = scratch(dir, options, run, "load").await?;
    let store = Store::open_at(&location).await?;
    let engine = Engine::new(
        store.clone(),
        Arc::new(SystemClock),
        Prompts::builtin(),
        VoterSecret::new(vec![9; 32]),
        EngineSettings::default(),
        None,
    );
    for g in 0..options.groups {
        let channel = ChannelKey::new(Platform::Console, format!("load{g}"));
        let (group, _) = store.upsert_group(&channel, &settings(), 0).await?;
        store.start_live_session(group.id, Some("load"), 0).await?;
    }
    // Warm the session cache and the statement cache.
    for g in 0..options.groups {
        engine
            .on_message(message(g, options.groups, usize::MAX - g))
            .await
            .context("warm-up")?;
    }
    let before = store.reply_total().await?;

    // Burst: as fast as the engine takes them, at most `in_flight` waiting at once; each
    // acknowledged after its own commit.
    reset_peak_memory();
    let in_flight = options.in_flight.max(1);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let mut samples = Vec::with_capacity(options.burst);
    for n in 0..options.burst {
        if tasks.len() >= in_flight
            && let Some(done) = tasks.join_next().await
        {
            recorded(done, &mut samples)?;
        }
        let engine = engine.clone();
        let msg = message(n % options.groups, options.groups, n);
        // The clock starts before the task is spawned: waiting for the runtime counts.
        let sent = Instant::now();
        tasks.spawn(async move {
            let outcome = engine.on_message(msg).await;
            (sent.elapsed(), outcome)
        });
    }
    while let Some(done) = tasks.join_next().await {
        recorded(done, &mut samples)?;
    }
    let burst_time = started.elapsed();
    let burst_peak_mib = Memory::now().peak;
    let burst_rate = options.burst as f64 / burst_time.as_secs_f64();
    let burst_latency = latency(samples);
    let committed = store.reply_total().await? - before;
    anyhow::ensure!(
        committed as usize == options.burst,
        "{committed} rows committed of {}",
        options.burst
    );

    // The baselines: the same number of rows the plainest fast way, on new databases.
    let mut baselines = Vec::new();
    for (part, table) in [
        ("bare", crate::store::BaselineTable::Bare),
        ("schema", crate::store::BaselineTable::Schema),
    ] {
        let (at, schema) = scratch(dir, options, run, part).await?;
        let took = match &at {
            Location::Sqlite(path) => {
                crate::store::plain_insert_baseline(
                    path.clone(),
                    table,
                    options.groups,
                    options.burst,
                    TEXT,
                )
                .await?
            }
            Location::Postgres(url) => {
                crate::store::plain_insert_baseline_pg(
                    url,
                    table,
                    options.groups,
                    options.burst,
                    TEXT,
                )
                .await?
            }
        };
        drop_scratch(options, schema).await?;
        baselines.push(took);
    }
    let (bare, schema) = (baselines[0], baselines[1]);

    // Steady rate: one event every 1/rate s, each measured to its commit.
    let mut steady = None;
    if options.rate > 0 {
        let interval = Duration::from_secs_f64(1.0 / options.rate as f64);
        let total = options.rate * options.seconds as usize;
        let started = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        let mut samples = Vec::with_capacity(total);
        for n in 0..total {
            let due = started + interval * n as u32;
            tokio::time::sleep_until(tokio::time::Instant::from_std(due)).await;
            while let Some(done) = tasks.try_join_next() {
                let (elapsed, outcome) = done?;
                outcome?;
                samples.push(elapsed);
            }
            let engine = engine.clone();
            let msg = message(n % options.groups, options.groups, options.burst + n);
            let sent = Instant::now();
            tasks.spawn(async move {
                let outcome = engine.on_message(msg).await;
                (sent.elapsed(), outcome)
            });
        }
        while let Some(done) = tasks.join_next().await {
            let (elapsed, outcome) = done?;
            outcome?;
            samples.push(elapsed);
        }
        let achieved = total as f64 / started.elapsed().as_secs_f64();
        steady = Some((achieved, latency(samples)));
    }
    store.close().await;
    drop_scratch(options, load_schema).await?;
    Ok(RunFigures {
        burst_rate,
        burst_latency,
        bare_rate: options.burst as f64 / bare.as_secs_f64(),
        schema_rate: options.burst as f64 / schema.as_secs_f64(),
        steady,
        burst_peak_mib,
    })
}

/// The idle-memory phase, as a bot restarted with `n` groups sees it: this process sets up
/// `n` groups with a reading each on a new database, then, `runs` times, a fresh process
/// (this binary, `bench --idle-db`) opens that database and ticks the scheduler and the
/// outbox as an idle bot does while it waits for its post times (no platform connected).
/// Each child reports its own memory; the median and range are shown, beside this
/// process's own figure, which also holds the code and memory of the imports.
pub async fn idle_groups(dir: &std::path::Path, n: usize, runs: usize) -> Result<String> {
    let db = dir.join("idle.db");
    let store = Store::open(&db).await?;
    let clock = idle_clock()?;
    let engine = idle_engine(store.clone(), &clock);
    let reading = "A Short Reading\n\nSomeone Wrote It\n\nCourts build trust when they act predictably. Parties should protect them. Voters notice slowly.\n";
    for g in 0..n {
        let channel = ChannelKey::new(Platform::Console, format!("idle{g}"));
        // Created now: today's post time has passed before they existed, so they wait.
        let created = crate::store::ms(crate::ports::Clock::now(&clock));
        let (group, _) = store.upsert_group(&channel, &settings(), created).await?;
        engine
            .import_bytes(
                &group,
                reading.as_bytes().to_vec(),
                Default::default(),
                None,
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let setup = Memory::now();
    store.close().await;
    let exe = std::env::current_exe().context("cannot find this program to run the idle bot")?;
    let mut children = Vec::new();
    for _ in 0..runs {
        let out = std::process::Command::new(&exe)
            .args(["bench", "--burst", "0", "--idle-db"])
            .arg(&db)
            .output()
            .with_context(|| format!("cannot run {}", exe.display()))?;
        if !out.status.success() {
            anyhow::bail!(
                "the idle bot failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let figures: Vec<f64> = text
            .split_whitespace()
            .map(|w| w.parse::<f64>())
            .collect::<Result<_, _>>()
            .with_context(|| format!("the idle bot printed {text:?}"))?;
        let [rss, anon, file] = figures[..] else {
            anyhow::bail!("the idle bot printed {text:?}");
        };
        children.push(Memory {
            peak: rss,
            rss,
            anon,
            file,
        });
    }
    let mut out = format!(
        "idle: {n} groups scheduled, a bot restarted on them ticking {IDLE_TICKS} times, {runs} runs (each a new process):\n"
    );
    out.push_str(&show("RSS", "MiB", 1, children.iter().map(|m| m.rss)));
    out.push_str(&show(
        "  heap and stacks",
        "MiB",
        1,
        children.iter().map(|m| m.anon),
    ));
    out.push_str(&show(
        "  file-backed (the binary's code)",
        "MiB",
        1,
        children.iter().map(|m| m.file),
    ));
    out.push_str(&format!(
        "  the process that imported them as well: RSS {:.1} MiB (heap and stacks {:.1}, code {:.1}; peak {:.1})\n",
        setup.rss, setup.anon, setup.file, setup.peak
    ));
    Ok(out)
}

/// Scheduler ticks of the idle bot (ten seconds of its clock apart).
const IDLE_TICKS: usize = 30;

/// The idle bot of [`idle_groups`], in a process of its own: opens the database, ticks the
/// scheduler and the outbox, and prints its RSS, heap and code in MiB on one line.
pub async fn idle_bot(db: &std::path::Path) -> Result<String> {
    let store = Store::open(db).await?;
    let clock = idle_clock()?;
    let engine = idle_engine(store.clone(), &clock);
    // Today's slot was decided before the groups existed; they wait for tomorrow 09:00.
    for _ in 0..IDLE_TICKS {
        crate::engine::scheduler::run_due(&engine)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        crate::engine::delivery::deliver_due(&engine, "idle")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        clock.advance(chrono::Duration::seconds(10));
    }
    let m = Memory::now();
    store.close().await;
    Ok(format!("{:.2} {:.2} {:.2}\n", m.rss, m.anon, m.file))
}

/// The idle phase's clock: the groups' next post is tomorrow.
fn idle_clock() -> Result<crate::ports::ManualClock> {
    Ok(crate::ports::ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
            .single()
            .context("time")?,
    ))
}

/// The engine of both halves of the idle phase, on the idle clock and the bench's secret.
fn idle_engine(store: Store, clock: &crate::ports::ManualClock) -> Engine {
    Engine::new(
        store,
        Arc::new(clock.clone()),
        Prompts::builtin(),
        VoterSecret::new(vec![9; 32]),
        EngineSettings::default(),
        None,
    )
}
