//! `colloquy demo`: a reading group's whole day, offline, printed as a chat log.
//!
//! It imports a sample essay (written for this repository), posts the first excerpt at
//! 09:00 with its questions in a thread, lets simulated members reply (seeded, so a seed
//! always gives the same day), runs a claim poll before and after the discussion, closes
//! it on schedule and posts the summary in the evening. The SQLite file stays.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};
use chrono::{Duration, TimeZone, Utc};
use rand::{Rng, RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod live;

pub use live::{LiveDemoReport, run_live};

use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, Platform};

use crate::platform::console::{ConsoleChat, ConsolePort, Sink};
use crate::ports::ManualClock;
use crate::store::Store;

/// The sample essay the demo reads (an original text written for colloquy).
pub const SAMPLE_ESSAY: &str = include_str!("essay.txt");

const NAMES: &[&str] = &[
    "Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Ilya", "Jonas", "Kiri",
    "Leila",
];

/// Options of a demo run.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub db: PathBuf,
    pub reading: Option<PathBuf>,
    pub members: usize,
    pub seed: u64,
    /// Where charts and other attached files go (default: beside the database).
    pub out: Option<PathBuf>,
    /// Write the group's archive (a static site) here at the end of the day.
    pub archive: Option<PathBuf>,
}

/// Refuse to run over a database that holds anything but an earlier demo.
async fn prepare_database(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let store = Store::open(path)
        .await
        .with_context(|| format!("{} is not a colloquy database", path.display()))?;
    let others = store
        .groups()
        .await?
        .into_iter()
        .filter(|g| g.channel != "console:demo")
        .count();
    store.close().await;
    if others > 0 {
        bail!(
            "{} holds other groups; the demo only replaces its own database. Use --db with another file.",
            path.display()
        );
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    Ok(())
}

/// What both demos stand on: the reading's text, a fresh database, a manual
/// clock at `start` (hour, minute) on the demo's fixed Monday, and the engine with a console port.
pub(crate) struct Stage {
    pub text: Vec<u8>,
    pub store: Store,
    pub clock: ManualClock,
    pub engine: crate::engine::Engine,
    pub port: Arc<ConsolePort>,
}

pub(crate) async fn stage(options: &DemoOptions, out: Sink, start: (u32, u32)) -> Result<Stage> {
    let text = match &options.reading {
        Some(p) => std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        None => SAMPLE_ESSAY.as_bytes().to_vec(),
    };
    prepare_database(&options.db).await?;
    let store = Store::open(&options.db).await?;
    let tz: chrono_tz::Tz = "Europe/London"
        .parse()
        .map_err(|_| anyhow::anyhow!("time zone"))?;
    let start = Utc
        .with_ymd_and_hms(2026, 3, 2, start.0, start.1, 0)
        .single()
        .context("start time")?;
    let clock = ManualClock::new(start);
    let engine = crate::boot::offline_on(
        store.clone(),
        &crate::store::Location::Sqlite(options.db.clone()),
        Arc::new(clock.clone()),
    )?;
    let files_dir = Some(
        options
            .out
            .clone()
            .unwrap_or_else(|| crate::platform::console::files_dir_beside(&options.db)),
    );
    let port = Arc::new(ConsolePort::new(
        out,
        Arc::new(clock.clone()),
        tz,
        files_dir,
    ));
    engine.attach_port(port.clone());
    Ok(Stage {
        text,
        store,
        clock,
        engine,
        port,
    })
}

/// Run the demo, printing the chat log to `out`.
pub async fn run(options: DemoOptions, out: Sink) -> Result<DemoReport> {
    if !(2..=NAMES.len()).contains(&options.members) {
        bail!("--members must be between 2 and {}", NAMES.len());
    }
    // A fixed Monday, so that a seed always gives the same day.
    let Stage {
        text,
        store,
        clock,
        engine,
        port,
    } = stage(&options, out, (8, 55)).await?;
    let channel = ChannelKey::new(Platform::Console, "demo");
    let mut chat = ConsoleChat::new(engine.clone(), port.clone(), channel);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let people: Vec<&str> = NAMES.iter().copied().take(options.members).collect();
    let facilitator = "Prof. Okafor";

    port.print(&format!(
        "colloquy demo · seed {} · {} members · database {}",
        options.seed,
        options.members,
        options.db.display()
    ));
    port.print("────────────────────────────────────────────────────────────");
    chat.command(facilitator, Role::Facilitator, "setup --tz Europe/London --time 09:00 --days mon-fri --summary-time 18:00 --name \"Northmere IR reading group\"").await;
    let file_name = options
        .reading
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "hedging-without-allies.txt".into());
    port.print(&format!("  ({facilitator} attaches {file_name})"));
    chat.attach(file_name, text);
    chat.command(facilitator, Role::Facilitator, "reading import")
        .await;

    // 09:00: the schedule posts the first excerpt.
    clock.advance(Duration::minutes(5));
    chat.tick().await;
    let group = store
        .group_by_channel(&chat.channel)
        .await?
        .context("the demo group")?;
    let session = store
        .current_excerpt_session(group.id)
        .await?
        .context("the first excerpt was not posted")?;
    let excerpt = store
        .excerpt(session.excerpt_id.context("session excerpt")?)
        .await?
        .context("excerpt")?;
    let terms = &excerpt.terms;
    let claims = store.claims(excerpt.id).await?;

    // A poll before the discussion, on the excerpt's first candidate claim.
    clock.advance(Duration::minutes(2));
    chat.command(facilitator, Role::Facilitator, "poll suggest")
        .await;
    let pre_line = if claims.is_empty() {
        "poll create \"The excerpt's argument holds\" --phase pre --minutes 30".to_string()
    } else {
        "poll create --suggestion 1 --phase pre --minutes 30".to_string()
    };
    chat.command(facilitator, Role::Facilitator, &pre_line)
        .await;
    let pre_poll = store
        .latest_poll(group.id)
        .await?
        .context("the pre poll")?
        .id;
    // Each member leans for or against; the lean shapes their vote and their replies.
    let leans: Vec<f64> = people.iter().map(|_| rng.random_range(-1.0..1.0)).collect();
    for (name, lean) in people.iter().zip(&leans) {
        clock.advance(Duration::seconds(rng.random_range(20..90)));
        let vote = if *lean > 0.25 {
            "agree"
        } else if *lean < -0.25 {
            "disagree"
        } else {
            "unsure"
        };
        chat.command(name, Role::Member, &format!("vote {pre_poll} {vote}"))
            .await;
    }

    // The pre poll closes on schedule, then the discussion starts in the thread.
    clock.set(
        crate::store::from_ms(store.poll(pre_poll).await?.context("pre poll")?.closes_at)
            + Duration::minutes(1),
    );
    chat.tick().await;
    // The discussion in the thread.
    // Members pick up the excerpt's two main terms.
    let term = |k: usize| {
        terms
            .get(k % terms.len().clamp(1, 2))
            .cloned()
            .unwrap_or_else(|| "the argument".into())
    };
    // Members paraphrase the shortest claim.
    let claim = claims
        .iter()
        .min_by_key(|c| c.len())
        .map(|c| crate::domain::questions::restate(c))
        .unwrap_or_else(|| "the argument holds".into());
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut question_id: Option<String> = None;
    for round in 0..3 {
        for (i, name) in people.iter().enumerate() {
            if rng.random_bool(0.25) && round > 0 {
                continue;
            }
            clock.advance(Duration::minutes(rng.random_range(3..25)));
            let lean = leans[i];
            let t = term(i + round);
            let (text, reply_to) = match (round, lean) {
                (0, l) if l > 0.25 => (
                    pick(&mut rng, &AGREE)
                        .replace("{term}", &t)
                        .replace("{claim}", &claim),
                    None,
                ),
                (0, l) if l < -0.25 => (
                    pick(&mut rng, &DISAGREE)
                        .replace("{term}", &t)
                        .replace("{claim}", &claim),
                    None,
                ),
                (0, _) => {
                    let q = pick(&mut rng, &QUESTIONS).replace("{term}", &t);
                    (q, None)
                }
                (_, l) => {
                    let target = ids
                        .iter()
                        .filter(|(who, _)| who != name)
                        .nth(rng.random_range(0..ids.len().max(2) - 1));
                    let pool: &[&str] = if l < -0.25 { &PUSHBACK } else { &BUILD_ON };
                    let text = pick(&mut rng, pool)
                        .replace("{term}", &t)
                        .replace("{claim}", &claim);
                    (text, target.map(|(_, id)| id.clone()))
                }
            };
            let id = chat.say(name, &text, reply_to.as_deref()).await;
            if text.ends_with('?') && question_id.is_none() {
                question_id = Some(id.clone());
            }
            ids.push((name.to_string(), id));
        }
    }
    // One member edits a reply, another deletes one.
    if let Some((who, id)) = ids.first().cloned() {
        clock.advance(Duration::minutes(4));
        chat.speak_as(&who, Role::Member);
        let edited = format!(
            "{} (Edited: I mean the second half of the excerpt.)",
            "On reflection, the excerpt's case is stronger than I first said."
        );
        chat.handle_line(&format!("/edit {id} {edited}"), None)
            .await;
    }
    if let Some((who, id)) = ids.get(ids.len() / 2).cloned() {
        chat.speak_as(&who, Role::Member);
        chat.handle_line(&format!("/delete {id}"), None).await;
    }
    chat.speak_as("you", Role::Facilitator);

    // A post poll asks the same question again after the discussion.
    clock.advance(Duration::minutes(20));
    chat.command(
        facilitator,
        Role::Facilitator,
        "poll create --phase post --minutes 45",
    )
    .await;
    let post_poll = store
        .latest_poll(group.id)
        .await?
        .context("the post poll")?
        .id;
    for (i, name) in people.iter().enumerate() {
        // Most stay, some move with the discussion, and one does not vote again.
        if i == people.len() - 1 {
            continue;
        }
        clock.advance(Duration::seconds(rng.random_range(20..120)));
        // The discussion pulls the undecided and the mild sceptics toward the claim.
        let moved = leans[i] + rng.random_range(0.0..0.9);
        let vote = if moved > 0.25 {
            "agree"
        } else if moved < -0.25 {
            "disagree"
        } else {
            "unsure"
        };
        let reason = if rng.random_bool(0.5) {
            format!(" --reason \"{}\"", pick(&mut rng, &REASONS))
        } else {
            String::new()
        };
        chat.command(
            name,
            Role::Member,
            &format!("vote {post_poll} {vote}{reason}"),
        )
        .await;
    }
    clock.set(
        crate::store::from_ms(store.poll(post_poll).await?.context("post poll")?.closes_at)
            + Duration::minutes(1),
    );
    chat.tick().await;

    // Claims from members, moderated, then voted as cards; the opinion map and the report.
    opinion_round(
        &mut chat,
        &clock,
        &people,
        &leans,
        options.seed,
        facilitator,
    )
    .await;

    // 18:00: the day's session ends and its summary is posted.
    let ends = store
        .session(session.id)
        .await?
        .and_then(|s| s.ends_at)
        .context("session end")?;
    clock.set(crate::store::from_ms(ends));
    chat.tick().await;
    port.print("────────────────────────────────────────────────────────────");
    if let Some(dir) = &options.archive {
        let report = engine
            .publish_archive(&group, dir, false)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        port.print(&format!(
            "The group's archive: {} files in {}; open {}",
            report.write.written,
            dir.display(),
            dir.join("index.html").display()
        ));
    }
    port.print(&format!(
        "The database stays at {}. Try: colloquy summarize --session {} --db {}",
        options.db.display(),
        session.id,
        options.db.display()
    ));
    let summary = store
        .session_summary(session.id)
        .await?
        .map(|s| s.body)
        .unwrap_or_default();
    store.close().await;
    Ok(DemoReport {
        session_id: session.id,
        pre_poll,
        post_poll,
        summary,
        replies: ids.len(),
    })
}

/// What the demo did (for tests and the README's example).
#[derive(Debug, Clone)]
pub struct DemoReport {
    pub session_id: i64,
    pub pre_poll: i64,
    pub post_poll: i64,
    pub summary: String,
    pub replies: usize,
}

/// Members propose claims (one is a duplicate, one is rejected), the facilitator approves
/// them and posts the excerpt's own claims as cards, everyone votes agree / disagree /
/// pass along their lean, and the facilitator asks for the map and the report. Its own
/// random stream, so the rest of the day stays as it was for a given seed.
async fn opinion_round(
    chat: &mut ConsoleChat,
    clock: &ManualClock,
    people: &[&str],
    leans: &[f64],
    seed: u64,
    facilitator: &str,
) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0091_7105);
    let proposals = [
        "Hedging only works while the great powers tolerate it",
        "A small state's best protection is a reputation for keeping its word",
        "Neutrality is hedging under another name",
    ];
    for (i, claim) in proposals.iter().enumerate() {
        clock.advance(Duration::minutes(rng.random_range(1..6)));
        let who = people[i % people.len()];
        chat.command(who, Role::Member, &format!("claim add \"{claim}\""))
            .await;
    }
    // The same words again, and a claim that is not one.
    let who = people[people.len() - 1];
    chat.command(
        who,
        Role::Member,
        "claim add \"hedging only works while the great powers TOLERATE it!\"",
    )
    .await;
    chat.command(
        who,
        Role::Member,
        "claim add \"lol @everyone this reading is boring\"",
    )
    .await;
    chat.command(facilitator, Role::Facilitator, "claim queue")
        .await;
    chat.command(facilitator, Role::Facilitator, "claim approve 1")
        .await;
    chat.command(
        facilitator,
        Role::Facilitator,
        "claim approve 2 \"Small states are safest with a reputation for keeping their word\"",
    )
    .await;
    chat.command(facilitator, Role::Facilitator, "claim approve 3")
        .await;
    chat.command(facilitator, Role::Facilitator, "claim reject 4")
        .await;
    chat.command(facilitator, Role::Facilitator, "claim cards")
        .await;
    chat.tick().await;
    // Everyone votes on every open card: the two camps of the day's leans split on most,
    // agree on the last; a few pass.
    let Ok(open) = chat.engine.open_cards(&chat.channel).await else {
        return;
    };
    for (i, name) in people.iter().enumerate() {
        let camp = leans[i] >= 0.0;
        for (c, card) in open.iter().enumerate() {
            clock.advance(Duration::seconds(rng.random_range(2..8)));
            let agree = if c + 1 == open.len() {
                true
            } else {
                (c % 2 == 0) == camp
            };
            let vote = if rng.random_bool(0.1) {
                "pass"
            } else if agree {
                "agree"
            } else {
                "disagree"
            };
            chat.command(name, Role::Member, &format!("vote {card} {vote}"))
                .await;
        }
    }
    clock.advance(Duration::minutes(2));
    chat.command(facilitator, Role::Facilitator, "report").await;
    chat.command(facilitator, Role::Facilitator, "map").await;
}

fn pick<'a>(rng: &mut impl Rng, pool: &[&'a str]) -> &'a str {
    pool[rng.random_range(0..pool.len())]
}

const AGREE: [&str; 4] = [
    "The point about “{term}” convinced me: the author shows that {claim}, and the examples back it up.",
    "I read “{term}” as a deliberate strategy, not drift. It supports the claim that {claim}.",
    "For me the key line is that {claim}. Our own department does something like “{term}” between two faculties.",
    "Agreed with the excerpt here. “{term}” explains why small states can say no without leaving the table.",
];
const DISAGREE: [&str; 4] = [
    "I am not convinced that {claim}. The excerpt says little about what “{term}” costs at home.",
    "I disagree: “{term}” sounds tidy, but the evidence offered is thin and mostly anecdotal.",
    "The claim that {claim} assumes great powers stay patient. When they stop, “{term}” stops working.",
    "I doubt “{term}” is a strategy at all; it looks like postponing a choice that comes anyway.",
];
const QUESTIONS: [&str; 3] = [
    "What would count as evidence against “{term}”?",
    "How is “{term}” different from ordinary balancing, in practice?",
    "Which small states today would the author call successful at “{term}”?",
];
const BUILD_ON: [&str; 4] = [
    "Building on that: “{term}” only works if the public understands it, which is the author's point about domestic consensus.",
    "Yes, and the ports and cables example makes “{term}” concrete for me.",
    "That answers part of it. Evidence would be a hedger that kept its guarantees after a change of government.",
    "I think the strongest case for “{term}” is the Cold War record the author mentions.",
];
const PUSHBACK: [&str; 3] = [
    "But that ignores what happens when rivalry turns into confrontation; then “{term}” is punished by both sides.",
    "I'm not sure. The claim that {claim} depends on institutions most small states do not have.",
    "Actually the Cold War cases cut both ways, as the excerpt admits.",
];
const REASONS: [&str; 4] = [
    "the domestic consensus argument persuaded me",
    "the Cold War evidence is mixed",
    "voice opportunities are real but rare",
    "it depends on the threat",
];

impl ConsoleChat {
    /// Attach a file to the next command, as a member attaching it in a chat would.
    pub fn attach(&mut self, name: String, bytes: Vec<u8>) {
        self.set_attachment(crate::engine::Upload { name, bytes });
    }
}

/// An in-memory sink for tests.
pub fn memory_sink() -> (Sink, Arc<Mutex<Vec<u8>>>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    (Arc::new(Mutex::new(SharedBuf(buf.clone()))) as Sink, buf)
}

struct SharedBuf(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for SharedBuf {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        match self.0.lock() {
            Ok(mut b) => {
                b.extend_from_slice(data);
                Ok(data.len())
            }
            Err(_) => Err(std::io::Error::other("poisoned")),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
