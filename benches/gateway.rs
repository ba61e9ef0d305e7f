//! The gateway benchmark: colloquy's real Discord client (`colloquy run`, serenity + poise)
//! and the peer (benches/peer: discord.py + aiosqlite, the bot a group would write by
//! hand) against the project's fake Discord, with the same bursts and the same steady load.
//! For each bot it prints msg/s, lag p50/p99 from dispatch to committed row (read from
//! each bot's own commit trace, so there is no polling floor), peak RSS and CPU, and the
//! ratios. `scripts/peer-bench` installs the peer into a venv and runs this.
//!
//! Each bot has a fake of its own; both run side by side and their runs alternate, so a
//! slow stretch of a shared machine falls on both. A burst is built while the fake holds
//! its gateway and then reaches the socket at once (`--streamed` sends each message as it
//! is built, with the fake's JSON work competing with the bot for the same two cores).
//!
//! Options (after `--`): `--runs N` (3), `--bursts 1000,10000`, `--rate 200`,
//! `--seconds 5`, `--python PATH` (python3), `--bots colloquy,peer`, `--streamed`.

#![allow(dead_code)]
// Built as a test (clippy --all-targets), the fake's own unit tests lose their #[test]s.
#![cfg_attr(test, allow(unused_imports))]

#[path = "../tests/it/common/fake_discord/mod.rs"]
mod fake_discord;

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fake_discord::{FakeDiscord, Person, SlashCommand};

/// How long any one wait may take before the benchmark gives up.
const WAIT: Duration = Duration::from_secs(120);

struct Args {
    runs: usize,
    bursts: Vec<usize>,
    rate: u64,
    seconds: u64,
    python: String,
    bots: Vec<String>,
    /// Bursts go out as the fake builds them (its JSON work during the burst), not held.
    streamed: bool,
}

fn args() -> Args {
    let mut a = Args {
        runs: 3,
        bursts: vec![1_000, 10_000],
        rate: 200,
        seconds: 5,
        python: "python3".into(),
        bots: vec!["colloquy".into(), "peer".into()],
        streamed: false,
    };
    let list: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes --bench; `cargo test --all-targets` does not: then this is the
    // suite's smoke run, colloquy alone through the fake, small and quick.
    if !list.iter().any(|x| x == "--bench") {
        a.runs = 1;
        a.bursts = vec![100];
        a.rate = 50;
        a.seconds = 1;
        a.bots = vec!["colloquy".into()];
    }
    let mut i = 0;
    while i < list.len() {
        let v = list.get(i + 1).cloned().unwrap_or_default();
        match list[i].as_str() {
            "--runs" => a.runs = v.parse().unwrap_or(a.runs).clamp(1, 20),
            "--bursts" => {
                a.bursts = v
                    .split(',')
                    .filter_map(|n| n.parse().ok())
                    .map(|n: usize| n.clamp(1, 100_000))
                    .collect()
            }
            "--rate" => a.rate = v.parse().unwrap_or(a.rate).clamp(1, 5_000),
            "--seconds" => a.seconds = v.parse().unwrap_or(a.seconds).clamp(1, 60),
            "--python" => a.python = v,
            "--bots" => a.bots = v.split(',').map(str::to_string).collect(),
            "--streamed" => {
                a.streamed = true;
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    a
}

fn now_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// A bot process and its commit trace.
struct BotProc {
    name: &'static str,
    child: Child,
    trace: PathBuf,
    offset: u64,
    commits: HashMap<String, u128>,
    /// Where its messages go.
    channel: u64,
}

impl Drop for BotProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl BotProc {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Reads the trace lines written since the last call.
    fn read_trace(&mut self) {
        let Ok(mut f) = std::fs::File::open(&self.trace) else {
            return;
        };
        if f.seek(SeekFrom::Start(self.offset)).is_err() {
            return;
        }
        let mut r = BufReader::new(f);
        let mut line = String::new();
        loop {
            line.clear();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(n) if !line.ends_with('\n') => {
                    // A line being written: read it next time.
                    let _ = n;
                    break;
                }
                Ok(n) => {
                    self.offset += n as u64;
                    let mut parts = line.split_whitespace();
                    if let (Some(id), Some(t)) = (parts.next(), parts.next())
                        && let Ok(t) = t.parse::<u128>()
                    {
                        self.commits.entry(id.to_string()).or_insert(t);
                    }
                }
            }
        }
    }

    /// Waits until every id is in the trace; their commit times.
    async fn wait_commits(&mut self, ids: &[u64]) -> anyhow::Result<Vec<u128>> {
        let deadline = Instant::now() + WAIT;
        loop {
            self.read_trace();
            if ids
                .iter()
                .all(|id| self.commits.contains_key(&id.to_string()))
            {
                return Ok(ids.iter().map(|id| self.commits[&id.to_string()]).collect());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                anyhow::bail!("{} exited ({status})", self.name);
            }
            if Instant::now() > deadline {
                let have = ids
                    .iter()
                    .filter(|id| self.commits.contains_key(&id.to_string()))
                    .count();
                anyhow::bail!("{}: only {have} of {} committed", self.name, ids.len());
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

/// utime + stime of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0;
    };
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    // After the command: state is field 3; utime and stime are fields 14 and 15.
    let n = |i: usize| {
        f.get(i - 3)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    n(14) + n(15)
}

/// A line of /proc/PID/status in KiB (VmHWM: peak RSS).
fn status_kib(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn clock_ticks() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// One phase's figures.
#[derive(Clone, Copy, Default)]
struct Figures {
    msgs_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    cpu_pct: f64,
}

fn pct(sorted: &[f64], q: f64) -> f64 {
    let i = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

fn figures(sent: &[(u64, u128)], commits: &[u128], cpu_s: f64) -> Figures {
    let mut lags: Vec<f64> = sent
        .iter()
        .zip(commits)
        .map(|((_, at), c)| c.saturating_sub(*at) as f64 / 1e6)
        .collect();
    lags.sort_by(f64::total_cmp);
    let first = sent.iter().map(|s| s.1).min().unwrap_or(0);
    let last = commits.iter().copied().max().unwrap_or(first);
    let wall = (last.saturating_sub(first) as f64 / 1e9).max(1e-9);
    Figures {
        msgs_per_s: sent.len() as f64 / wall,
        p50_ms: pct(&lags, 0.50),
        p99_ms: pct(&lags, 0.99),
        cpu_pct: 100.0 * cpu_s / wall,
    }
}

struct Load<'a> {
    fake: &'a FakeDiscord,
    speakers: &'a [Person],
    ticks: f64,
}

impl<'a> Load<'a> {
    fn new(fake: &'a FakeDiscord, speakers: &'a [Person]) -> Load<'a> {
        Load {
            fake,
            speakers,
            ticks: clock_ticks() as f64,
        }
    }

    fn send(&self, bot: &BotProc, k: usize) -> (u64, u128) {
        let who = &self.speakers[k % self.speakers.len()];
        let at = now_ns();
        let id = self
            .fake
            .user_message(
                who,
                &format!("Reply {k}: predictable courts lower the cost of trust."),
            )
            .channel(bot.channel)
            .send();
        (id, at)
    }

    async fn measure(
        &self,
        bot: &mut BotProc,
        sent: Vec<(u64, u128)>,
        cpu0: u64,
    ) -> anyhow::Result<Figures> {
        let ids: Vec<u64> = sent.iter().map(|s| s.0).collect();
        let commits = bot.wait_commits(&ids).await?;
        let cpu_s = cpu_ticks(bot.pid()).saturating_sub(cpu0) as f64 / self.ticks;
        Ok(figures(&sent, &commits, cpu_s))
    }

    async fn warm_up(&self, bot: &mut BotProc) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        for k in 0.. {
            let (id, _) = self.send(bot, k);
            let tried = Instant::now();
            while tried.elapsed() < Duration::from_millis(300) {
                bot.read_trace();
                if bot.commits.contains_key(&id.to_string()) {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            if Instant::now() > deadline {
                break;
            }
        }
        anyhow::bail!("{}: no message was committed", bot.name)
    }

    /// A burst: the fake builds the n messages while its gateway holds them, then hands
    /// them to the socket at once, so the fake's own JSON work (on this 2-core machine,
    /// about as much CPU as a message costs colloquy) is not done during the burst, as
    /// Discord's is not done on the bot's machine. Lag counts from that moment.
    async fn burst(&self, bot: &mut BotProc, n: usize, streamed: bool) -> anyhow::Result<Figures> {
        if streamed {
            let cpu0 = cpu_ticks(bot.pid());
            let sent: Vec<_> = (0..n).map(|k| self.send(bot, k)).collect();
            return self.measure(bot, sent, cpu0).await;
        }
        self.fake.hold_gateway();
        let ids: Vec<u64> = (0..n).map(|k| self.send(bot, k).0).collect();
        let cpu0 = cpu_ticks(bot.pid());
        let at = now_ns();
        self.fake.release_gateway();
        let sent = ids.into_iter().map(|id| (id, at)).collect();
        self.measure(bot, sent, cpu0).await
    }

    async fn steady(&self, bot: &mut BotProc, rate: u64, seconds: u64) -> anyhow::Result<Figures> {
        let cpu0 = cpu_ticks(bot.pid());
        let n = (rate * seconds) as usize;
        let start = tokio::time::Instant::now();
        let step = Duration::from_secs_f64(1.0 / rate as f64);
        let mut sent = Vec::with_capacity(n);
        for k in 0..n {
            tokio::time::sleep_until(start + step * k as u32).await;
            sent.push(self.send(bot, k));
        }
        let mut f = self.measure(bot, sent, cpu0).await?;
        f.msgs_per_s = rate as f64;
        Ok(f)
    }
}

/// colloquy: `colloquy run` on a fresh database, then /setup, /reading import and
/// /excerpt next so that messages in the excerpt's thread are a session's replies.
async fn start_colloquy(fake: &FakeDiscord, dir: &Path) -> anyhow::Result<BotProc> {
    let config = dir.join("colloquy.toml");
    std::fs::write(
        &config,
        fake.colloquy_config(&dir.join("colloquy.db"), "CQ_BENCH_TOKEN"),
    )?;
    let trace = dir.join("colloquy.trace");
    // COLLOQUY_BENCH_BIN: another build of colloquy to compare (an older commit's).
    let bin = std::env::var_os("COLLOQUY_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_colloquy")));
    let child = Command::new(bin)
        .args(["run", "--config"])
        .arg(&config)
        .env("CQ_BENCH_TOKEN", fake.token())
        .env("COLLOQUY_TRACE_COMMITS", &trace)
        .env("RUST_LOG", "warn")
        .env("COLLOQUY_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    let mut bot = BotProc {
        name: "colloquy",
        child,
        trace,
        offset: 0,
        commits: HashMap::new(),
        channel: 0,
    };
    fake.wait_until_ready(WAIT).await;
    fake.wait_for("command registration", WAIT, |f| {
        (!f.requests_matching("PUT", "/applications/").is_empty()).then_some(())
    })
    .await;
    let admin = fake.admin("ada");
    let fay = fake.facilitator("fay");
    let i = fake.slash(
        &admin,
        SlashCommand::new("setup")
            .str("tz", zone_without_digest())
            .str("time", "03:00")
            .str("summary_time", "04:00"),
    );
    answered(fake, &i.token).await;
    let mut text = String::from("# Institutions and Trust\n\n*by Rosa Delgado*\n\n");
    for p in 0..6 {
        text.push_str(&format!(
            "Paragraph {p} argues that institutional trust grows when courts act predictably. \
             Critics doubt that trust follows from rules alone, and coalitions complicate it.\n\n"
        ));
    }
    let file = fake.add_attachment("reading.md", text.as_bytes(), "text/markdown");
    let i = fake.slash(
        &fay,
        SlashCommand::new("reading")
            .sub("import")
            .attachment("file", file),
    );
    answered(fake, &i.token).await;
    let i = fake.slash(&fay, SlashCommand::new("excerpt").sub("next"));
    answered(fake, &i.token).await;
    let thread = fake
        .wait_for("the excerpt's thread", WAIT, |f| {
            f.threads().last().cloned()
        })
        .await;
    bot.channel = thread.id.get();
    Ok(bot)
}

/// The bench group's time zone: one in which this week's digest (Sundays at 18:00, the
/// group's time) is not yet due. In UTC on a Sunday evening the scheduler's first look
/// at the new group found the digest due and built it in the middle of the run, from
/// every reply the bursts had sent (tens of thousands): figures that depended on the
/// day of the week. Then the group lives at UTC-12, where it is still Sunday morning.
fn zone_without_digest() -> &'static str {
    use chrono::{Datelike as _, Timelike as _};
    let now = chrono::Utc::now();
    if now.weekday() == chrono::Weekday::Sun && now.hour() >= 17 {
        "Etc/GMT+12"
    } else {
        "UTC"
    }
}

async fn answered(fake: &FakeDiscord, token: &str) {
    fake.wait_for("an answer", WAIT, |f| {
        f.interaction_responses(token)
            .into_iter()
            .find(|r| !matches!(r.kind, fake_discord::ReplyKind::Callback(5)))
    })
    .await;
}

/// The peer: benches/peer/bot.py with the python given.
async fn start_peer(fake: &FakeDiscord, dir: &Path, python: &str) -> anyhow::Result<BotProc> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peer/bot.py");
    let trace = dir.join("peer.trace");
    let child = Command::new(python)
        .arg(&script)
        .arg("--api")
        .arg(fake.base_url())
        .arg("--db")
        .arg(dir.join("peer.db"))
        .arg("--trace")
        .arg(&trace)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    let bot = BotProc {
        name: "peer",
        child,
        trace,
        offset: 0,
        commits: HashMap::new(),
        channel: fake.ids().channel_id,
    };
    fake.wait_until_ready(WAIT).await;
    Ok(bot)
}

#[derive(Default)]
struct Report {
    phases: Vec<(String, Vec<Figures>)>,
    peak_rss_kib: u64,
    /// The largest heap and stacks (RssAnon) seen at the end of a phase; the rest of the
    /// RSS is file-backed, mostly the program's own code.
    peak_anon_kib: u64,
}

fn phase<'a>(r: &'a mut Report, name: &str) -> &'a mut Vec<Figures> {
    if let Some(i) = r.phases.iter().position(|(n, _)| n == name) {
        return &mut r.phases[i].1;
    }
    r.phases.push((name.to_string(), vec![]));
    &mut r.phases.last_mut().expect("just pushed").1
}

/// One bot with its own fake Discord, started and warmed up.
struct Contender {
    name: String,
    fake: FakeDiscord,
    speakers: Vec<Person>,
    bot: BotProc,
    report: Report,
    _dir: tempfile::TempDir,
}

impl Contender {
    async fn start(name: &str, a: &Args) -> anyhow::Result<Contender> {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir()?;
        let mut bot = match name {
            "colloquy" => start_colloquy(&fake, dir.path()).await?,
            _ => start_peer(&fake, dir.path(), &a.python).await?,
        };
        let speakers: Vec<Person> = ["bob", "cat", "dan"]
            .iter()
            .map(|n| fake.member(n))
            .collect();
        // First messages until one is committed: the bot is then past its start-up
        // (guild cache, prepared statements; colloquy's session anchored to its thread).
        Load::new(&fake, &speakers).warm_up(&mut bot).await?;
        Ok(Contender {
            name: name.to_string(),
            fake,
            speakers,
            bot,
            report: Report::default(),
            _dir: dir,
        })
    }

    async fn burst(&mut self, run: usize, n: usize, streamed: bool) -> anyhow::Result<()> {
        let load = Load::new(&self.fake, &self.speakers);
        let f = load.burst(&mut self.bot, n, streamed).await?;
        self.record(run, format!("burst {n}"), f);
        Ok(())
    }

    async fn steady(&mut self, run: usize, rate: u64, seconds: u64) -> anyhow::Result<()> {
        let load = Load::new(&self.fake, &self.speakers);
        let f = load.steady(&mut self.bot, rate, seconds).await?;
        self.record(run, format!("steady {rate}/s"), f);
        Ok(())
    }

    /// Prints one run's figures and keeps them, with the bot's heap at that point.
    fn record(&mut self, run: usize, name: String, f: Figures) {
        eprintln!(
            "{} run {} {name}: {:.0} msg/s, lag p50 {:.2} ms p99 {:.2} ms, cpu {:.0}%",
            self.name,
            run + 1,
            f.msgs_per_s,
            f.p50_ms,
            f.p99_ms,
            f.cpu_pct
        );
        phase(&mut self.report, &name).push(f);
        self.sample_memory();
    }

    fn sample_memory(&mut self) {
        let anon = status_kib(self.bot.pid(), "RssAnon:");
        self.report.peak_anon_kib = self.report.peak_anon_kib.max(anon);
    }

    fn finish(mut self) -> (String, Report) {
        self.report.peak_rss_kib = status_kib(self.bot.pid(), "VmHWM:");
        self.fake.assert_no_unknown_routes();
        (self.name, self.report)
    }
}

/// Both bots run side by side, each on its own fake, idle while the other is measured;
/// their runs alternate, so a slow minute on a shared machine falls on both.
async fn bench(a: &Args) -> anyhow::Result<Vec<(String, Report)>> {
    let mut contenders = vec![];
    for name in &a.bots {
        contenders.push(Contender::start(name, a).await?);
    }
    for run in 0..a.runs {
        for &n in &a.bursts {
            for c in &mut contenders {
                c.burst(run, n, a.streamed).await?;
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
        }
        for c in &mut contenders {
            c.steady(run, a.rate, a.seconds).await?;
        }
    }
    Ok(contenders.into_iter().map(Contender::finish).collect())
}

/// Median and range of one figure over the runs.
fn stat(runs: &[Figures], f: impl Fn(&Figures) -> f64) -> (f64, f64, f64) {
    let mut v: Vec<f64> = runs.iter().map(f).collect();
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn show(label: &str, (m, lo, hi): (f64, f64, f64), prec: usize) -> String {
    format!("{label} {m:.prec$} [{lo:.prec$}-{hi:.prec$}]")
}

fn main() -> anyhow::Result<()> {
    let a = args();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let reports = rt.block_on(async {
        tokio::time::timeout(Duration::from_secs(1800), bench(&a))
            .await
            .map_err(|_| anyhow::anyhow!("the benchmark took over 30 minutes"))?
    })?;
    println!(
        "\ngateway benchmark: {} runs; median [min-max]; lag = dispatch -> committed row",
        a.runs
    );
    for (name, r) in &reports {
        println!(
            "{name}: peak RSS {:.1} MiB; heap and stacks (RssAnon) up to {:.1} MiB",
            r.peak_rss_kib as f64 / 1024.0,
            r.peak_anon_kib as f64 / 1024.0
        );
        for (phase, runs) in &r.phases {
            println!(
                "  {phase:>12}: {}, {}, {}, {}",
                show("msg/s", stat(runs, |f| f.msgs_per_s), 0),
                show("p50 ms", stat(runs, |f| f.p50_ms), 2),
                show("p99 ms", stat(runs, |f| f.p99_ms), 2),
                show("cpu %", stat(runs, |f| f.cpu_pct), 0),
            );
        }
    }
    if let [(_, c), (_, p)] = &reports[..] {
        println!("ratios colloquy / peer (medians):");
        for ((phase, cr), (_, pr)) in c.phases.iter().zip(&p.phases) {
            let ratio = |f: fn(&Figures) -> f64| stat(cr, f).0 / stat(pr, f).0.max(1e-9);
            println!(
                "  {phase:>12}: msg/s {:.2}x, p50 {:.2}x, p99 {:.2}x, cpu {:.2}x",
                ratio(|f| f.msgs_per_s),
                ratio(|f| f.p50_ms),
                ratio(|f| f.p99_ms),
                ratio(|f| f.cpu_pct),
            );
        }
        println!(
            "  peak RSS {:.2}x, heap and stacks {:.2}x",
            c.peak_rss_kib as f64 / (p.peak_rss_kib as f64).max(1.0),
            c.peak_anon_kib as f64 / (p.peak_anon_kib as f64).max(1.0)
        );
    }
    Ok(())
}
