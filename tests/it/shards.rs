//! Several `colloquy run` processes on one PostgreSQL database, each holding a range of
//! Discord's shards, against the fake Discord (which routes each guild to its shard): a
//! group on each shard, a burst of replies, and `kill -9` of one process mid-burst, then
//! its restart. Nothing is lost, nothing recorded or posted twice, every interaction is
//! answered once, and the dead process's post is made by the other one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use colloquy::store::Location;
use colloquy::store::testing::TestDb;
use sqlx::postgres::PgPool;

use crate::common::discord_app::{WAIT, answer, reading};
use crate::common::fake_discord::{
    FakeDiscord, FakeOptions, Identities, InteractionHandle, Person, SlashCommand,
};

/// The shard count the two processes share.
const TOTAL: u32 = 2;
/// Replies in the burst, alternating between the two groups' threads.
const BURST: usize = 600;
/// How long a process's hold on its shards and on a claimed post lasts in this test (the
/// default is 30 s and 120 s): the dead process's post is taken over after this long.
const LEASE_SECONDS: u64 = 3;

/// One `colloquy run` process and what it was started with.
struct Process {
    name: &'static str,
    shards: &'static str,
    config: PathBuf,
    log: PathBuf,
    child: Child,
    starts: usize,
}

impl Process {
    fn spawn(
        name: &'static str,
        shards: &'static str,
        dir: &Path,
        fake: &FakeDiscord,
        db: &str,
    ) -> Process {
        let config = dir.join(format!("{name}.toml"));
        std::fs::write(
            &config,
            format!(
                "[storage]\ndatabase = {db:?}\nsecret_file = {secret:?}\nlease_seconds = {LEASE_SECONDS}\nclaim_seconds = {LEASE_SECONDS}\n\
                 [discord]\ntoken_env = \"CQ_SHARDS_TOKEN\"\napi_base = {api:?}\nfacilitator_role = \"Facilitator\"\n\
                 shards = \"{shards}\"\nshard_total = {TOTAL}\n",
                secret = dir.join("vote.secret"),
                api = fake.base_url(),
            ),
        )
        .expect("write the process's config");
        let log = dir.join(format!("{name}.log"));
        let child = launch(&config, &log, fake);
        Process {
            name,
            shards,
            log,
            config,
            child,
            starts: 1,
        }
    }

    /// Starts it again (after [`Process::kill`]), on the same config.
    fn start(&mut self, fake: &FakeDiscord) {
        self.starts += 1;
        self.child = launch(&self.config, &self.log, fake);
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `kill -9`: no clean stop, its leases and claims stay until they run out.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Fails the test with the process's log if it exited.
    fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!(
                "process {} (shards {}) exited with {status}:\n{}",
                self.name,
                self.shards,
                self.log_text()
            );
        }
    }
}

fn dead_log_path_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// `colloquy run --config CONFIG`, its log appended to `log`.
fn launch(config: &Path, log: &Path, fake: &FakeDiscord) -> Child {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("the process's log");
    Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["run", "--config"])
        .arg(config)
        .env("CQ_SHARDS_TOKEN", fake.token())
        .env("COLLOQUY_LOG", "info")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start colloquy run")
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until `check` gives a value, failing with `what` (and both logs) after `timeout`.
async fn until<T, F, Fut>(what: &str, timeout: Duration, procs: &mut [&mut Process], check: F) -> T
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        for p in procs.iter_mut() {
            p.assert_running();
        }
        if Instant::now() > deadline {
            let logs: Vec<String> = procs
                .iter()
                .map(|p| format!("--- {} ---\n{}", p.name, p.log_text()))
                .collect();
            panic!("timed out waiting for {what}\n{}", logs.join("\n"));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn hhmm_in(hours: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::hours(hours))
        .format("%H:%M")
        .to_string()
}

/// A slash command in `guild`'s channel.
fn slash_in(
    fake: &FakeDiscord,
    guild: &Identities,
    who: &Person,
    c: SlashCommand,
) -> InteractionHandle {
    fake.slash_in(guild.channel_id, who, c)
}

/// `/setup`, `/reading import` and `/excerpt next` in `guild`; returns the excerpt's thread.
async fn set_up_group(fake: &FakeDiscord, guild: &Identities, ada: &Person, fay: &Person) -> u64 {
    let i = slash_in(
        fake,
        guild,
        ada,
        SlashCommand::new("setup")
            .str("tz", "UTC")
            .str("time", &hhmm_in(3))
            .str("summary_time", &hhmm_in(6)),
    );
    let a = answer(fake, &i).await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("reading group"),
        "{a:?}"
    );
    let file = fake.add_attachment("institutions.md", reading(8).as_bytes(), "text/markdown");
    let i = slash_in(
        fake,
        guild,
        fay,
        SlashCommand::new("reading")
            .sub("import")
            .attachment("file", file),
    );
    let a = answer(fake, &i).await;
    assert!(
        a.content
            .as_deref()
            .unwrap_or_default()
            .contains("Imported"),
        "{a:?}"
    );
    let i = slash_in(fake, guild, fay, SlashCommand::new("excerpt").sub("next"));
    answer(fake, &i).await;
    fake.wait_for("the excerpt's thread", WAIT, |f| {
        f.threads()
            .into_iter()
            .find(|t| t.parent_id.map(|p| p.get()) == Some(guild.channel_id))
            .map(|t| t.id.get())
    })
    .await
}

async fn count(pool: &PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_two_shards_survive_a_kill_9_mid_burst() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Location::Postgres(db) = TestDb::Postgres
        .fresh(dir.path())
        .await
        .expect("a PostgreSQL schema")
    else {
        panic!("a PostgreSQL location");
    };
    let fake = FakeDiscord::start_with(FakeOptions {
        recommended_shards: TOTAL,
        ..FakeOptions::default()
    })
    .await;
    let guilds = [
        fake.add_guild(0, TOTAL, "seminar-on-shard-0"),
        fake.add_guild(1, TOTAL, "seminar-on-shard-1"),
    ];
    let ada = fake.admin("ada");
    let fay = fake.facilitator("fay");
    let members: Vec<Person> = (0..8).map(|n| fake.member(&format!("member{n}"))).collect();

    let mut a = Process::spawn("a", "0-0", dir.path(), &fake, &db);
    let mut b = Process::spawn("b", "1-1", dir.path(), &fake, &db);
    until(
        "both shards to be connected",
        WAIT * 2,
        &mut [&mut a, &mut b],
        || async {
            let s = fake.gateway_stats();
            (s.shards.get(&0).is_some_and(|s| s.live) && s.shards.get(&1).is_some_and(|s| s.live))
                .then_some(())
        },
    )
    .await;
    let stats = fake.gateway_stats();
    for (shard, guild) in guilds.iter().enumerate() {
        let s = &stats.shards[&(shard as u32)];
        assert_eq!(s.total, TOTAL);
        assert!(s.guild_creates.contains(&guild.guild_id), "{stats:?}");
    }
    // Both register the commands (globally: no guild_id in the config).
    until(
        "both processes' command registration",
        WAIT,
        &mut [&mut a, &mut b],
        || async { (fake.requests_matching("PUT", "/applications/").len() >= 2).then_some(()) },
    )
    .await;
    let pool = PgPool::connect(&db)
        .await
        .expect("connect to the test schema");

    let threads = [
        set_up_group(&fake, &guilds[0], &ada, &fay).await,
        set_up_group(&fake, &guilds[1], &ada, &fay).await,
    ];
    let mut interactions: Vec<InteractionHandle> = Vec::new();
    let mut sent: BTreeSet<String> = BTreeSet::new();
    let mut send = |n: usize| {
        let guild = n % 2;
        let who = &members[n % members.len()];
        let id = fake
            .user_message(who, &format!("Reply {n} of the burst, in group {guild}."))
            .channel(threads[guild])
            .send();
        sent.insert(id.to_string());
    };

    // The first third of the burst, with an interaction in each group.
    for n in 0..BURST / 3 {
        send(n);
    }
    for g in &guilds {
        let i = slash_in(
            &fake,
            g,
            &members[0],
            SlashCommand::new("schedule").sub("status"),
        );
        answer(&fake, &i).await;
        interactions.push(i);
    }

    // A due post in group 0 whose send never gets through: whichever process claims it
    // waits on it, and that is the process killed.
    fake.stall_next(
        "POST",
        &format!("/channels/{}/messages", guilds[0].channel_id),
        1,
    );
    let i = slash_in(
        &fake,
        &guilds[0],
        &fay,
        SlashCommand::new("poll")
            .sub("create")
            .str("claim", "Predictable courts build trust")
            .int("minutes", 30),
    );
    answer(&fake, &i).await;
    interactions.push(i);
    let claimant: String = until("the poll's post to be claimed", WAIT, &mut [&mut a, &mut b], || async {
        sqlx::query_scalar::<_, Option<String>>(
            "SELECT claimed_by FROM outbox WHERE dedupe_key LIKE 'poll-open:%' AND status = 'pending'",
        )
        .fetch_optional(&pool)
        .await
        .ok()
        .flatten()
        .flatten()
    })
    .await;
    fake.wait_for("the stalled post to reach the fake", WAIT, |f| {
        f.requests()
            .iter()
            .any(|r| {
                r.status == 0
                    && r.path
                        .ends_with(&format!("{}/messages", guilds[0].channel_id))
            })
            .then_some(())
    })
    .await;
    let (dead, alive) = if claimant.starts_with(&format!("pid {} ", a.pid())) {
        (&mut a, &mut b)
    } else {
        assert!(
            claimant.starts_with(&format!("pid {} ", b.pid())),
            "{claimant}"
        );
        (&mut b, &mut a)
    };
    let dead_shard: u32 = if dead.shards == "0-0" { 0 } else { 1 };
    let posts_before = fake.messages_in(guilds[0].channel_id).len();

    // The second third: kill -9 of the claimant after a few, the rest while it is dead.
    for n in BURST / 3..BURST / 3 + 20 {
        send(n);
    }
    let killed_at = Instant::now();
    dead.kill();
    let log_before_restart = dead.log_text().len();
    let dead_log = dead.log.clone();
    let mut while_dead = 0;
    for n in BURST / 3 + 20..2 * BURST / 3 {
        send(n);
        while_dead += usize::from(n % 2 == dead_shard as usize);
    }
    // The live process takes the post over once the dead one's claim ran out: one post.
    let poll_post = fake
        .wait_for(
            "the other process to make the dead one's post",
            WAIT * 2,
            |f| {
                let now = f.messages_in(guilds[0].channel_id);
                (now.len() > posts_before).then(|| now[posts_before].clone())
            },
        )
        .await;
    let took_over_after = killed_at.elapsed();
    assert!(
        took_over_after >= Duration::from_secs(1),
        "posted before the claim ran out"
    );
    // The live process records where the post went (after Discord's answer).
    let taken_over: String = until("the post to be recorded as sent", WAIT, &mut [&mut *alive], || async {
        sqlx::query_scalar::<_, Option<String>>(
            "SELECT platform_message_id FROM outbox WHERE dedupe_key LIKE 'poll-open:%' AND status = 'sent'",
        )
        .fetch_optional(&pool)
        .await
        .ok()
        .flatten()
        .flatten()
    })
    .await;
    assert_eq!(taken_over, poll_post.id.get().to_string());
    // An interaction in the live process's group while the other is dead.
    let live_guild = &guilds[1 - dead_shard as usize];
    let i = slash_in(
        &fake,
        live_guild,
        &members[1],
        SlashCommand::new("schedule").sub("status"),
    );
    answer(&fake, &i).await;
    interactions.push(i);

    // The restart: refused while the dead process's shard lease lives, then it takes it.
    until(
        "the dead process's shard lease to run out",
        WAIT,
        &mut [],
        || async {
            let live: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM leases WHERE name = $1 AND expires_at >= $2",
            )
            .bind(format!("discord:shard:{dead_shard}"))
            .bind(chrono::Utc::now().timestamp_millis())
            .fetch_one(&pool)
            .await
            .unwrap_or(1);
            (live == 0).then_some(())
        },
    )
    .await;
    let identifies = fake.gateway_stats().shards[&dead_shard].identifies;
    dead.start(&fake);
    until(
        "the restarted process's shard",
        WAIT * 2,
        &mut [&mut *dead],
        || async {
            let s = fake.gateway_stats();
            (s.shards[&dead_shard].identifies > identifies && s.shards[&dead_shard].live)
                .then_some(())
        },
    )
    .await;
    for n in 2 * BURST / 3..BURST {
        send(n);
    }
    for g in &guilds {
        let i = slash_in(
            &fake,
            g,
            &members[2],
            SlashCommand::new("schedule").sub("status"),
        );
        answer(&fake, &i).await;
        interactions.push(i);
    }

    // 0 replies lost, 0 recorded twice: every burst message is a reply row, once.
    let expected = sent.len() as i64;
    assert_eq!(expected, BURST as i64);
    until(
        "every reply of the burst to be recorded",
        WAIT * 4,
        &mut [&mut *dead, &mut *alive],
        || async {
            (count(
                &pool,
                "SELECT COUNT(*) FROM replies WHERE text LIKE 'Reply % of the burst%'",
            )
            .await
                >= expected)
                .then_some(())
        },
    )
    .await;
    let recorded: Vec<String> = sqlx::query_scalar(
        "SELECT message_id FROM replies WHERE text LIKE 'Reply % of the burst%'",
    )
    .fetch_all(&pool)
    .await
    .expect("the recorded replies");
    let unique: BTreeSet<String> = recorded.iter().cloned().collect();
    assert_eq!(recorded.len(), unique.len(), "a reply recorded twice");
    assert_eq!(unique, sent, "lost or foreign replies");

    // 0 double posts: every bot message has its own nonce, and every outbox row went out once.
    let bot = fake.ids().bot_user_id;
    let mut nonces: BTreeMap<String, usize> = BTreeMap::new();
    for channel in guilds.iter().map(|g| g.channel_id).chain(threads) {
        for m in fake.messages_in(channel) {
            if m.author.id.get() == bot
                && let Some(serenity::all::Nonce::String(n)) = &m.nonce
            {
                *nonces.entry(n.clone()).or_default() += 1;
            }
        }
    }
    let twice: Vec<_> = nonces.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "posted twice: {twice:?}");
    let rows = count(&pool, "SELECT COUNT(*) FROM outbox WHERE status = 'sent'").await;
    assert_eq!(rows as usize, nonces.len(), "{nonces:?}");
    // Since the stalled one, group 0's channel got one post (answers to commands aside).
    // The restarted process read back what its shard missed while it was dead.
    let restarted_log: String = until(
        "the restart's backfill",
        WAIT,
        &mut [&mut *dead],
        || async {
            let log = dead_log_path_text(&dead_log)[log_before_restart..].to_string();
            log.contains("discord backfill done").then_some(log)
        },
    )
    .await;
    let backfilled: usize = restarted_log
        .lines()
        .filter(|l| l.contains("discord backfill done"))
        .filter_map(|l| l.split("recorded=").nth(1))
        .filter_map(|r| r.split_whitespace().next()?.parse::<usize>().ok())
        .sum();
    assert!(
        backfilled >= while_dead,
        "{while_dead} replies were sent to the dead process's group, {backfilled} backfilled:\n{restarted_log}"
    );
    // The week's digest is due every Sunday from 18:00 in the group's zone (UTC here), so a
    // run then also posts one (once: no nonce twice, above); it is not the stalled post.
    let digests: Vec<String> = sqlx::query_scalar(
        "SELECT platform_message_id FROM outbox \
         WHERE dedupe_key LIKE 'digest:%' AND platform_message_id IS NOT NULL",
    )
    .fetch_all(&pool)
    .await
    .expect("the digests' messages");
    let posted: Vec<u64> = fake.messages_in(guilds[0].channel_id)[posts_before..]
        .iter()
        .filter(|m| m.author.id.get() == bot && m.nonce.is_some())
        .filter(|m| !digests.contains(&m.id.get().to_string()))
        .map(|m| m.id.get())
        .collect();
    assert_eq!(
        posted,
        [poll_post.id.get()],
        "group 0's posts since the stalled one"
    );

    // Every interaction answered, by exactly one process: one callback each.
    for i in &interactions {
        let callbacks = fake.requests_matching("POST", &format!("/interactions/{}/", i.id));
        assert_eq!(
            callbacks.len(),
            1,
            "interaction {} had {} callbacks",
            i.id,
            callbacks.len()
        );
    }
    // Each guild's events went to its own shard only.
    let stats = fake.gateway_stats();
    for shard in 0..guilds.len() {
        let s = &stats.shards[&(shard as u32)];
        let other = &guilds[1 - shard];
        assert!(
            s.guild_creates.iter().all(|g| *g != other.guild_id),
            "{stats:?}"
        );
    }
    assert!(dead.starts == 2 && alive.starts == 1);
    fake.assert_no_unknown_routes();
    eprintln!(
        "two_processes_on_two_shards: {} replies ({while_dead} sent to the dead process's group while it was dead, {backfilled} recorded by its restart's backfill), {} interactions, {} posts; killed the process on shard {dead_shard}; its post made by the other {:.1} s after the kill",
        recorded.len(),
        interactions.len(),
        nonces.len(),
        took_over_after.as_secs_f64()
    );
}
