//! `colloquy bench`: a bounded load harness. It drives the engine with synthetic groups
//! and events, measures events per second and the latency from event to committed row,
//! and in the same run measures a plain SQLite insert of the same rows in one transaction
//! as the baseline. It also reports the process's peak memory, and the memory of many
//! scheduled, idle groups.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{TimeZone, Utc};

use crate::domain::anon::VoterSecret;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::engine::{Engine, EngineSettings, IncomingMessage, MessageOutcome};
use crate::ports::SystemClock;
use crate::render::Prompts;
use crate::store::{GroupSettings, Store};

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

/// Peak and current resident memory of this process, in MiB (Linux).
pub fn memory_mib() -> (f64, f64) {
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
    (field("VmHWM:"), field("VmRSS:"))
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

/// Run the harness in `dir` and print the report.
pub async fn run(dir: &std::path::Path, options: &LoadOptions) -> Result<String> {
    let mut report = String::new();
    let store = Store::open(&dir.join("load.db")).await?;
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

    // Burst: every event at once; each acknowledged after its own commit.
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(options.burst);
    for n in 0..options.burst {
        let engine = engine.clone();
        let msg = message(n % options.groups, options.groups, n);
        // The clock starts before the task is spawned: waiting for the runtime counts.
        let sent = Instant::now();
        tasks.push(tokio::spawn(async move {
            let outcome = engine.on_message(msg).await;
            (sent.elapsed(), outcome)
        }));
    }
    let mut samples = Vec::with_capacity(options.burst);
    for t in tasks {
        let (elapsed, outcome) = t.await?;
        anyhow::ensure!(
            matches!(outcome?, MessageOutcome::Recorded { .. }),
            "an event was not recorded"
        );
        samples.push(elapsed);
    }
    let burst_time = started.elapsed();
    let burst_rate = options.burst as f64 / burst_time.as_secs_f64();
    let burst_latency = latency(samples);
    let committed = store.reply_total().await?;
    anyhow::ensure!(
        committed as usize >= options.burst,
        "only {committed} rows committed"
    );

    // Baseline: the same rows through one prepared INSERT in a single transaction.
    let base_store = Store::open(&dir.join("baseline.db")).await?;
    let text = "A reply of ordinary length: predictable courts build trust, and trust keeps coalitions together.";
    let base_time = base_store
        .plain_insert_baseline(options.burst, text)
        .await?;
    let base_rate = options.burst as f64 / base_time.as_secs_f64();
    base_store.close().await;

    report.push_str(&format!(
        "burst: {} events from {} groups in {:.3} s = {:.0} events/s; event to committed row p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms\n",
        options.burst, options.groups, burst_time.as_secs_f64(), burst_rate, burst_latency.p50, burst_latency.p99, burst_latency.max
    ));
    report.push_str(&format!(
        "baseline: plain SQLite insert of the same {} rows in one transaction = {:.0} rows/s; colloquy reaches {:.0} % of it\n",
        options.burst,
        base_rate,
        100.0 * burst_rate / base_rate
    ));

    // Steady rate: one event every 1/rate s, each measured to its commit.
    if options.rate > 0 {
        let interval = Duration::from_secs_f64(1.0 / options.rate as f64);
        let total = options.rate * options.seconds as usize;
        let started = Instant::now();
        let mut tasks = Vec::with_capacity(total);
        for n in 0..total {
            let due = started + interval * n as u32;
            tokio::time::sleep_until(tokio::time::Instant::from_std(due)).await;
            let engine = engine.clone();
            let msg = message(n % options.groups, options.groups, options.burst + n);
            let sent = Instant::now();
            tasks.push(tokio::spawn(async move {
                let outcome = engine.on_message(msg).await;
                (sent.elapsed(), outcome)
            }));
        }
        let mut samples = Vec::with_capacity(total);
        for t in tasks {
            let (elapsed, outcome) = t.await?;
            outcome?;
            samples.push(elapsed);
        }
        let l = latency(samples);
        let achieved = total as f64 / started.elapsed().as_secs_f64();
        report.push_str(&format!(
            "steady: {total} events at {} events/s (achieved {achieved:.0}/s); event to committed row p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms\n",
            options.rate, l.p50, l.p99, l.max
        ));
    }
    let (peak, now) = memory_mib();
    report.push_str(&format!(
        "memory after the load: peak RSS {peak:.1} MiB, current {now:.1} MiB\n"
    ));
    store.close().await;
    Ok(report)
}

/// The idle-memory phase: `n` groups with a reading each, scheduled, the scheduler and
/// outbox ticking (with no platform connected, as an idle bot waits for its post times).
pub async fn idle_groups(dir: &std::path::Path, n: usize, ticks: usize) -> Result<String> {
    let store = Store::open(&dir.join("idle.db")).await?;
    // The schedule's next post is tomorrow: the groups are idle.
    let clock = crate::ports::ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
            .single()
            .context("time")?,
    );
    let engine = Engine::new(
        store.clone(),
        Arc::new(clock.clone()),
        Prompts::builtin(),
        VoterSecret::new(vec![9; 32]),
        EngineSettings::default(),
        None,
    );
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
    // Today's slot was decided before the groups existed; they wait for tomorrow 09:00.
    for _ in 0..ticks {
        crate::engine::scheduler::run_due(&engine)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        crate::engine::delivery::deliver_due(&engine, "idle")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        clock.advance(chrono::Duration::seconds(10));
    }
    let (peak, now) = memory_mib();
    store.close().await;
    Ok(format!(
        "idle: {n} groups scheduled, {ticks} scheduler ticks: RSS {now:.1} MiB (peak {peak:.1} MiB, including setting them up)\n"
    ))
}
