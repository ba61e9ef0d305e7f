//! Benchmarks of the hot paths: importing (segmenting + questions + SQLite), question
//! generation per excerpt, recording replies through the engine, tallying votes,
//! summarizing sessions, writing a group's archive, and the opinion map and deliberation report's maths.
//! `cargo bench --bench core` runs them; `cargo test --all-targets`
//! runs each once as a smoke test.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use colloquy::domain::anon::VoterSecret;
use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
use colloquy::domain::import::ImportOptions;
use colloquy::domain::questions;
use colloquy::domain::summary::{Limits, ReplyIn, summarize};
use colloquy::engine::{Engine, IncomingMessage};
use colloquy::ports::ManualClock;
use colloquy::render::Prompts;
use colloquy::store::{GroupSettings, Store};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A synthetic text of about `words` words: the demo essay's paragraphs, varied.
pub fn synthetic_text(words: usize) -> String {
    let body: Vec<&str> = colloquy::demo::SAMPLE_ESSAY
        .split("\n\n")
        .filter(|p| p.split_whitespace().count() > 40)
        .collect();
    let mut out = String::from("A Long Reading\n\nAnon Author\n\nE-mail: anon@example.org\n\n");
    let mut n = 0;
    let mut i = 0;
    while n < words {
        let p = body[i % body.len()];
        out.push_str(&format!("Part {i}. {p}\n\n"));
        n += p.split_whitespace().count() + 2;
        i += 1;
    }
    out
}

/// `cargo test --all-targets` runs each benchmark once without `--bench`: a smoke run,
/// with small sizes so that it stays quick in a debug build.
fn smoke() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

/// The full size, or a small one for the smoke run.
fn size(full: usize, smoke_size: usize) -> usize {
    if smoke() { smoke_size } else { full }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// An engine on a new database in `dir`, and the store under it (benchmarks set up
/// groups and sessions directly).
async fn engine(dir: &std::path::Path) -> (Engine, Store) {
    let store = Store::open(&dir.join("bench.db")).await.expect("store");
    let clock = ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
            .single()
            .expect("time"),
    );
    let engine = colloquy::boot::offline_with_secret(
        store.clone(),
        Arc::new(clock),
        VoterSecret::new(vec![1; 32]),
    );
    (engine, store)
}

/// A group on console channel `name` with a live session open in it; the session's id.
async fn live_session(store: &Store, name: &str) -> i64 {
    let g = group(store, name).await;
    store
        .start_live_session(g.id, Some(name), 0)
        .await
        .expect("session")
        .expect("id")
}

async fn group(store: &Store, name: &str) -> colloquy::store::Group {
    let settings = GroupSettings::default();
    store
        .upsert_group(&ChannelKey::new(Platform::Console, name), &settings, 0)
        .await
        .expect("group")
        .0
}

fn import(c: &mut Criterion) {
    let rt = runtime();
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    for words in [size(100_000, 5_000), size(1_000_000, 10_000)] {
        let text = synthetic_text(words);
        g.throughput(Throughput::Elements(words as u64));
        g.bench_with_input(BenchmarkId::new("words", words), &text, |b, text| {
            b.iter_batched(
                || tempfile::tempdir().expect("dir"),
                |dir| {
                    rt.block_on(async {
                        let (e, store) = engine(dir.path()).await;
                        let grp = group(&store, "bench").await;
                        e.import_bytes(
                            &grp,
                            text.as_bytes().to_vec(),
                            ImportOptions::default(),
                            None,
                        )
                        .await
                        .expect("import");
                        e.close().await;
                    })
                },
                criterion::BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

fn questions_per_excerpt(c: &mut Criterion) {
    let templates = Prompts::builtin().questions;
    let text = synthetic_text(260);
    let excerpt: String = text.split("\n\n").skip(3).collect::<Vec<_>>().join("\n\n");
    c.bench_function("questions/one excerpt (terms, claims, questions)", |b| {
        b.iter(|| {
            let m = questions::material(&excerpt);
            let mut rotation = questions::Rotation::new(questions::TextType::Argument, false);
            questions::generate(&templates, 1, &excerpt, &m, None, &mut rotation)
        })
    });
}

fn record_replies(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let e = rt.block_on(async {
        let (e, store) = engine(dir.path()).await;
        live_session(&store, "bench").await;
        e
    });
    let mut g = c.benchmark_group("record");
    let burst = size(2_000, 200) as u64;
    g.throughput(Throughput::Elements(burst));
    let mut base = 0u64;
    g.bench_function(
        format!("burst of {burst} replies (concurrent, group commit)"),
        |b| {
            b.iter(|| {
                base += burst;
                rt.block_on(async {
                    let mut tasks = Vec::with_capacity(burst as usize);
                    for i in 0..burst {
                        let e = e.clone();
                        tasks.push(tokio::spawn(async move {
                            e.on_message(IncomingMessage {
                                platform: Platform::Console,
                                channel_id: "bench".into(),
                                thread_root: None,
                                reply_to: None,
                                message_id: format!("b{}", base + i),
                                author: MemberKey::new(Platform::Console, format!("m{}", i % 50)),
                                author_name: format!("Member {}", i % 50),
                                text: "A reply of ordinary length about institutions and trust."
                                    .into(),
                                at: Utc.timestamp_millis_opt(1_000).single().expect("time"),
                            })
                            .await
                        }));
                    }
                    for t in tasks {
                        t.await.expect("task").expect("recorded");
                    }
                })
            })
        },
    );
    g.finish();
}

fn tally(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let poll_id = rt.block_on(async {
        let (_e, store) = engine(dir.path()).await;
        let _g = group(&store, "bench").await;
        let colloquy::store::Pool::Sqlite(pool) = store.pool().clone() else {
            unreachable!("the benchmark opens a SQLite file")
        };
        sqlx::query("INSERT INTO polls (group_id, claim, scale, opens_at, closes_at) VALUES (1, 'c', '{\"kind\":\"likert5\"}', 0, 1)")
            .execute(&pool)
            .await
            .expect("poll");
        let mut tx = pool.begin().await.expect("tx");
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for i in 0..size(100_000, 1_000) {
            sqlx::query("INSERT INTO votes (poll_id, voter, option) VALUES (1, ?, ?)")
                .bind(format!("anon:{i}"))
                .bind(rng.random_range(0..5i64))
                .execute(&mut *tx)
                .await
                .expect("vote");
        }
        tx.commit().await.expect("commit");
        1i64
    });
    let store = rt
        .block_on(Store::open(&dir.path().join("bench.db")))
        .expect("store");
    let label = format!("tally/{} votes", size(100_000, 1_000));
    c.bench_function(&label, |b| {
        b.iter(|| rt.block_on(store.tally(poll_id)).expect("tally"))
    });
}

fn replies(n: usize) -> Vec<ReplyIn> {
    let mut rng = ChaCha8Rng::seed_from_u64(n as u64);
    let vocab = [
        "trust",
        "courts",
        "coalition",
        "parties",
        "voters",
        "institutions",
        "hedging",
        "alliance",
        "sovereignty",
        "trade",
        "sanctions",
        "deterrence",
        "legitimacy",
        "bargaining",
        "rules",
        "power",
        "consensus",
        "evidence",
        "argument",
        "example",
        "history",
        "cooperation",
        "rivalry",
        "partner",
        "security",
        "economy",
        "pressure",
    ];
    (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..rng.random_range(8..40))
                .map(|_| vocab[rng.random_range(0..vocab.len())])
                .collect();
            let mut text = words.join(" ");
            if i % 9 == 0 {
                text.push_str(" why?");
            }
            ReplyIn {
                id: i as i64,
                author_key: format!("m{}", rng.random_range(0..(n / 20).max(3))),
                author_name: Some(format!("Member {}", i % 97)),
                text,
                at: i as i64,
                reply_to: if i > 0 && i % 7 == 0 {
                    Some((i - 1) as i64)
                } else {
                    None
                },
            }
        })
        .collect()
}

fn summary(c: &mut Criterion) {
    let mut g = c.benchmark_group("summarize");
    g.sample_size(10);
    for n in [size(1_000, 100), size(10_000, 200), size(100_000, 300)] {
        let data = replies(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("replies", n), &data, |b, data| {
            b.iter(|| summarize(data, &[], Limits::default()))
        });
    }
    g.finish();
}

/// The whole `summary` path of a stored session: load the replies, summarize, render.
fn session_summary(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let mut g = c.benchmark_group("session summary (load + summarize + render)");
    g.sample_size(10);
    let (e, store) = rt.block_on(engine(dir.path()));
    // Each size is its own session, holding exactly `replies(n)` with its reply threads,
    // as `summarize/replies n` summarizes them.
    for n in [size(10_000, 200), size(100_000, 400)] {
        let channel = format!("bench-{n}");
        let session = rt.block_on(live_session(&store, &channel));
        rt.block_on(async {
            let mut tasks = Vec::new();
            for r in replies(n) {
                let e = e.clone();
                let channel = channel.clone();
                tasks.push(tokio::spawn(async move {
                    e.on_message(IncomingMessage {
                        platform: Platform::Console,
                        channel_id: channel,
                        thread_root: None,
                        reply_to: r.reply_to.map(|to| format!("s{n}-{to}")),
                        message_id: format!("s{n}-{}", r.id),
                        author: MemberKey::new(Platform::Console, r.author_key.clone()),
                        author_name: r.author_name.clone().unwrap_or_default(),
                        text: r.text,
                        at: Utc.timestamp_millis_opt(r.at).single().expect("time"),
                    })
                    .await
                }));
            }
            for t in tasks {
                t.await.expect("task").expect("recorded");
            }
        });
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("replies", n), |b| {
            b.iter(|| {
                rt.block_on(e.summarize_session(session, false))
                    .expect("summary")
            })
        });
    }
    g.finish();
}

/// `colloquy archive` of a group with `sessions` finished excerpt sessions of `per`
/// replies each (threads, quotes of the excerpt, a poll with votes per session, summaries
/// posted), set up through the engine as a day would run them.
async fn archived_group(
    e: &Engine,
    store: &Store,
    sessions: usize,
    per: usize,
) -> colloquy::store::Group {
    use colloquy::domain::command::{Role, parse};
    use colloquy::engine::{Caller, ImportTarget, Invocation};
    let (sink, _log) = colloquy::demo::memory_sink();
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
            .single()
            .expect("time"),
    ));
    let port = Arc::new(colloquy::platform::console::ConsolePort::new(
        sink,
        clock,
        chrono_tz::UTC,
        None,
    ));
    e.attach_port(port);
    let channel = ChannelKey::new(Platform::Console, "archive");
    let g = group(store, "archive").await;
    e.import_into(
        ImportTarget::Group(Box::new(g.clone())),
        synthetic_text(sessions * 240).into_bytes(),
        ImportOptions::default(),
        None,
    )
    .await
    .expect("import");
    let run = |who: &str, role: Role, line: &str| {
        let invocation = Invocation {
            channel: channel.clone(),
            caller: Caller {
                key: MemberKey::new(Platform::Console, who),
                name: who.to_string(),
                role,
                locale: None,
            },
            command: parse(line).expect("a command"),
            attachment: None,
        };
        let e = e.clone();
        async move { e.execute(invocation).await }
    };
    let texts = replies(per);
    for s in 0..sessions {
        let colloquy::engine::StartOutcome::Posted { session_id } =
            e.start_excerpt(&g, None).await.expect("start")
        else {
            break;
        };
        colloquy::engine::delivery::deliver_due(e, "bench")
            .await
            .expect("deliver");
        let session = store
            .session(session_id)
            .await
            .expect("read")
            .expect("session");
        let thread = session.thread_id.clone().expect("a thread");
        let excerpt = store
            .excerpt(session.excerpt_id.expect("excerpt"))
            .await
            .expect("read")
            .expect("excerpt");
        let quoted = excerpt.text.split(". ").next().unwrap_or("").to_string();
        run(
            "fac",
            Role::Facilitator,
            "poll create \"The excerpt convinces\" --minutes 60",
        )
        .await
        .expect("poll");
        let poll = store.latest_poll(g.id).await.expect("read").expect("poll");
        for m in 0..20 {
            let vote = ["agree", "disagree", "unsure"][m % 3];
            run(
                &format!("m{m}"),
                Role::Member,
                &format!("vote {} {vote}", poll.id),
            )
            .await
            .expect("vote");
        }
        let mut tasks = Vec::new();
        for r in texts.iter().cloned() {
            let (e, thread, quoted) = (e.clone(), thread.clone(), quoted.clone());
            tasks.push(tokio::spawn(async move {
                let text = if r.id % 10 == 3 {
                    format!("> {quoted}.\n{}", r.text)
                } else {
                    r.text
                };
                e.on_message(IncomingMessage {
                    platform: Platform::Console,
                    channel_id: thread,
                    thread_root: None,
                    reply_to: r.reply_to.map(|to| format!("a{s}-{to}")),
                    message_id: format!("a{s}-{}", r.id),
                    author: MemberKey::new(Platform::Console, r.author_key.clone()),
                    author_name: r.author_name.clone().unwrap_or_default(),
                    text,
                    at: Utc.timestamp_millis_opt(r.at).single().expect("time"),
                })
                .await
            }));
        }
        for t in tasks {
            t.await.expect("task").expect("recorded");
        }
        e.close_poll(&poll).await.expect("close");
        e.end_session(g.id, session_id, e.now()).await.expect("end");
        colloquy::engine::delivery::deliver_due(e, "bench")
            .await
            .expect("deliver");
    }
    g
}

fn archive(c: &mut Criterion) {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("dir");
    let (e, store) = rt.block_on(engine(dir.path()));
    let (sessions, per) = (size(100, 3), size(500, 30));
    let g = rt.block_on(archived_group(&e, &store, sessions, per));
    let out = dir.path().join("site");
    let mut bench = c.benchmark_group("archive");
    bench.sample_size(10);
    bench.bench_function(
        format!("{sessions} sessions of {per} replies, built and written"),
        |b| {
            b.iter(|| {
                rt.block_on(e.publish_archive(&g, &out, false))
                    .expect("archive")
            })
        },
    );
    bench.finish();
}

/// The opinion map of 1,000 members × 100 claims (three planted groups, noise 0.2): PCA,
/// k-means for k = 2..5 with silhouettes, repness, consensus and divides.
fn opinion_map(c: &mut Criterion) {
    use colloquy::domain::opinion::{opinion_map, synthetic::planted};
    let per_group = size(334, 30);
    let claims = size(100, 20);
    let (m, _) = planted(3, per_group, claims, 0.2, 7);
    let label = format!("opinion map/{} members x {claims} claims", m.rows());
    c.bench_function(&label, |b| b.iter(|| opinion_map(&m)));
}

/// The deliberation report's statistics for 500 pre/post pairs: a Likert claim
/// (Wilcoxon), a yes/no claim (exact McNemar) with participant and lurker arms, a quiz
/// question and the learned-and-changed test.
fn deliberation_report(c: &mut Criterion) {
    use colloquy::domain::opinion::deliberation::{
        Pair, claim_shift, knowledge, learned_and_changed,
    };
    let n = size(500, 50);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let likert: Vec<Pair> = (0..n)
        .map(|_| {
            let before = rng.random_range(-2..=2) as f64;
            Pair {
                before,
                after: (before + rng.random_range(-1..=2) as f64).clamp(-2.0, 2.0),
                spoke: Some(rng.random_bool(0.6)),
            }
        })
        .collect();
    let yes_no: Vec<Pair> = likert
        .iter()
        .map(|p| Pair {
            before: p.before.signum(),
            after: p.after.signum(),
            spoke: p.spoke,
        })
        .collect();
    let quiz: Vec<(bool, bool)> = (0..n)
        .map(|_| (rng.random_bool(0.4), rng.random_bool(0.7)))
        .collect();
    let learned: Vec<(bool, bool)> = quiz
        .iter()
        .zip(&likert)
        .map(|((b, a), p)| (!b && *a, p.before != p.after))
        .collect();
    c.bench_function(&format!("deliberation report/{n} pairs"), |b| {
        b.iter(|| {
            (
                claim_shift(&likert, false),
                claim_shift(&yes_no, true),
                knowledge(&quiz),
                learned_and_changed(&learned),
            )
        })
    });
}

criterion_group! {
    name = benches;
    // No plots: criterion's plot backend wants system fonts, and the figures are what matter.
    config = Criterion::default().without_plots();
    targets = import, questions_per_excerpt, record_replies, tally, summary, session_summary, archive,
        opinion_map, deliberation_report
}
criterion_main!(benches);
