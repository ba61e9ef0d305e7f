//! Promises that must not break: nothing lost or duplicated after kill -9 and replay,
//! outbox retries without double posts, permissions for every verb, privacy (my-data,
//! forget-me, retention), hostile input, and logs without message bodies.

use colloquy::store::testing::TestDb;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use chrono::Duration;
use colloquy::domain::command::Role;
use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
use colloquy::engine::{CommandError, MessageOutcome};
use colloquy::platform::console::ConsolePort;
use colloquy::ports::{ChatPort, Delivered, FileOut, Outgoing, PortError};

use crate::common::app::{TestApp, monday, sample_reading};

/// Every text value in every table of the database, with where it is.
pub(crate) async fn all_text(store: &colloquy::store::Store) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for t in store.table_names().await.unwrap() {
        for col in store.column_names(&t).await.unwrap() {
            let values = store
                .raw_texts(&format!("SELECT CAST({col} AS TEXT) FROM {t}"))
                .await
                .unwrap();
            for v in values.into_iter().flatten() {
                out.push((format!("{t}.{col}"), v));
            }
        }
    }
    out
}

colloquy::store_test! {
    async fn forget_me_leaves_no_trace_of_the_member(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let g = app.setup_with_reading(&sample_reading(6)).await;
        app.tick().await;
        let s = app.current_session(&g).await;
        let thread = s.thread_id.clone().unwrap();
        app.say(
            "Zoltan Quist",
            Some(&thread),
            "Xylophonic remark about courts and trust.",
        )
        .await;
        app.say(
            "ana",
            Some(&thread),
            "Courts matter for trust in coalitions.",
        )
        .await;
        app.fac("poll create \"Courts build trust\" --minutes 5")
            .await;
        let named = app.store.latest_poll(g.id).await.unwrap().unwrap();
        app.run(
            "Zoltan Quist",
            Role::Member,
            &format!("vote {} agree --reason \"quistian reasoning\"", named.id),
        )
        .await
        .unwrap();
        app.fac("poll create \"Trade builds trust\" --anonymous --minutes 5")
            .await;
        let anon = app.store.latest_poll(g.id).await.unwrap().unwrap();
        for who in ["Zoltan Quist", "ana", "ben"] {
            app.run(who, Role::Member, &format!("vote {} agree", anon.id))
                .await
                .unwrap();
        }
        // A summary that quotes him is stored.
        app.clock.set(monday(21, 0));
        app.tick().await;
        let before = app.store.session_summary(s.id).await.unwrap().unwrap();
        assert!(before.body.contains("Zoltan Quist") || before.data.contains("Xylophonic"));

        let my = app
            .run("Zoltan Quist", Role::Member, "privacy my-data")
            .await
            .unwrap();
        assert!(my.private && my.files.len() == 1);
        let data: serde_json::Value = serde_json::from_slice(&my.files[0].bytes).unwrap();
        assert_eq!(data["replies"].as_array().unwrap().len(), 1);
        assert_eq!(
            data["votes"].as_array().unwrap().len(),
            1,
            "anonymous votes are not linkable"
        );

        let ask = app
            .run("Zoltan Quist", Role::Member, "privacy forget-me")
            .await
            .unwrap();
        assert!(
            ask.text.contains("--confirm"),
            "asks before deleting: {}",
            ask.text
        );
        assert!(
            !all_text(&app.store)
                .await
                .iter()
                .all(|(_, v)| !v.contains("Xylophonic")),
            "nothing deleted yet"
        );
        let done = app
            .run("Zoltan Quist", Role::Member, "privacy forget-me --confirm")
            .await
            .unwrap();
        assert!(
            done.text.contains("1 reply and 1 vote deleted"),
            "{}",
            done.text
        );
        for (where_, value) in all_text(&app.store).await {
            for trace in [
                "console:Zoltan Quist",
                "Zoltan",
                "Quist",
                "Xylophonic",
                "quistian",
            ] {
                assert!(
                    !value.contains(trace),
                    "{where_} still holds {trace:?}: {value}"
                );
            }
        }
        // The anonymous poll still counts his vote, unlinkably.
        assert_eq!(app.store.tally(anon.id).await.unwrap(), vec![(0, 3)]);
        // The rebuilt summary does not quote him.
        let after = app.store.session_summary(s.id).await.unwrap().unwrap();
        assert!(!after.body.contains("Xylophonic"));
    }
}

colloquy::store_test! {
    async fn members_who_opt_out_are_quoted_anonymously(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let g = app.setup_with_reading(&sample_reading(6)).await;
        app.tick().await;
        let s = app.current_session(&g).await;
        let thread = s.thread_id.clone().unwrap();
        app.say(
            "ana",
            Some(&thread),
            "Predictable courts lower the cost of cooperation between rival parties.",
        )
        .await;
        let r = app
            .run("ana", Role::Member, "privacy quotes off")
            .await
            .unwrap();
        assert!(r.private);
        app.say(
            "ben",
            Some(&thread),
            "Rival parties cooperate when courts are predictable and fair.",
        )
        .await;
        let summary = app.run("ben", Role::Member, "summary").await.unwrap();
        assert!(!summary.text.contains("— ana"), "{}", summary.text);
        assert!(summary.text.contains("— a member"), "{}", summary.text);
    }
}

colloquy::store_test! {
    async fn retention_deletes_old_replies(db: TestDb) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = db.open(dir.path()).await.unwrap();
        let clock = colloquy::ports::ManualClock::new(monday(9, 0));
        let settings = colloquy::engine::EngineSettings {
            retention_days: Some(30),
            ..Default::default()
        };
        let options = crate::common::app::EngineOptions {
            secret: colloquy::domain::anon::VoterSecret::new(vec![1; 32]),
            settings,
            llm: None,
        };
        let engine = crate::common::app::build_engine(store.clone(), &clock, options);
        let channel = ChannelKey::new(Platform::Console, "r");
        let inv = |line: &str| colloquy::engine::Invocation {
            channel: channel.clone(),
            caller: colloquy::engine::Caller {
                key: MemberKey::new(Platform::Console, "fac"),
                name: "fac".into(),
                role: Role::Facilitator,
                locale: None,
            },
            command: colloquy::domain::command::parse(line).unwrap(),
            attachment: None,
        };
        engine.execute(inv("setup --tz UTC")).await.unwrap();
        engine.execute(inv("session start")).await.unwrap();
        let msg = |id: &str| colloquy::engine::IncomingMessage {
            platform: Platform::Console,
            channel_id: "r".into(),
            thread_root: None,
            reply_to: None,
            message_id: id.into(),
            author: MemberKey::new(Platform::Console, "ana"),
            author_name: "ana".into(),
            text: "old words".into(),
            at: engine.now(),
        };
        engine.on_message(msg("old")).await.unwrap();
        clock.advance(Duration::days(31));
        engine.on_message(msg("new")).await.unwrap();
        let outcome = colloquy::engine::scheduler::run_due(&engine).await.unwrap();
        assert_eq!(outcome.replies_purged, 1);
        assert!(
            store
                .reply_by_message("console", "old")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            store
                .reply_by_message("console", "new")
                .await
                .unwrap()
                .is_some()
        );
    }
}

colloquy::store_test! {
    async fn every_verb_is_checked_for_members_facilitators_and_strangers(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        app.setup_with_reading(&sample_reading(6)).await;
        app.tick().await;
        app.fac("poll create \"Courts build trust\" --minutes 30")
            .await;
        // One concrete line per verb of the table.
        let lines = crate::common::verbs::EVERY_VERB.iter().map(|e| e.line);
        for line in lines {
            let needed = colloquy::domain::command::parse(line)
                .unwrap()
                .required_role();
            for role in [Role::Stranger, Role::Member, Role::Facilitator] {
                let result = app.run("someone", role, line).await;
                let refused = matches!(
                    result,
                    Err(CommandError::FacilitatorOnly(_)) | Err(CommandError::MembersOnly(_))
                );
                assert_eq!(
                    refused,
                    role < needed,
                    "{line} as {}: {result:?}",
                    role.as_str()
                );
                if let Err(e) = &result {
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
}

colloquy::store_test! {
    async fn hostile_and_bad_input_gets_a_clear_message(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        // Commands in a channel that is not set up.
        let e = app
            .run("fac", Role::Facilitator, "poll create \"x\"")
            .await
            .unwrap_err();
        assert!(e.to_string().contains("not set up"));
        let g = app.setup_with_reading(&sample_reading(6)).await;
        app.tick().await;
        let table: Vec<(String, &str)> = vec![
            ("setup --tz Atlantis/Deep".into(), "unknown time zone"),
            ("setup --time 25:00".into(), "25:00"),
            ("setup --days someday".into(), "list of days"),
            (
                "poll create \"x\" --options \"1|2|3|4|5|6|7|8|9|10|11\"".into(),
                "2 to 10 options",
            ),
            (
                format!("poll create \"{}\"", "x".repeat(301)),
                "at most 300",
            ),
            (
                "poll create \"x\" --minutes -10".into(),
                "between 1 minute and 30 days",
            ),
            (
                "poll create \"x\" --minutes 99999999".into(),
                "between 1 minute and 30 days",
            ),
            (
                "poll create \"x\" --hours 100000".into(),
                "between 1 minute and 30 days",
            ),
            ("poll create \"unterminated".into(), "not closed"),
            ("vote 999 agree".into(), "no poll #999"),
            ("summary 999".into(), "no session #999"),
            ("frobnicate".into(), "unknown command"),
        ];
        for (line, expected) in table {
            let e = app.run("fac", Role::Facilitator, &line).await.unwrap_err();
            assert!(e.to_string().contains(expected), "{line}: {e}");
        }
        // Mention and Markdown injection, zero-width and right-to-left characters in a claim.
        app.fac("poll create \"@everyone \u{202E}courts\u{200B} matter ```code``` @here\" --minutes 5")
            .await;
        app.deliver().await;
        let poll = app.store.latest_poll(g.id).await.unwrap().unwrap();
        assert!(
            !poll.claim.contains('\u{202E}') && !poll.claim.contains('\u{200B}'),
            "{:?}",
            poll.claim
        );
        let log = app.log_text();
        assert!(
            !log.contains("@everyone") && !log.contains("@here"),
            "the bot never pings everyone from user text"
        );
        // A 100 KB message is recorded, cut, without a crash; so is one full of invisible characters.
        let s = app.current_session(&g).await;
        let thread = s.thread_id.clone().unwrap();
        let huge = "word ".repeat(20_000);
        let (id, outcome) = app.say("ana", Some(&thread), &huge).await;
        assert!(matches!(outcome, MessageOutcome::Recorded { .. }));
        let stored = app
            .store
            .reply_by_message("console", &id)
            .await
            .unwrap()
            .unwrap();
        assert!(stored.text.len() < 30_000 && stored.text.contains("cut"));
        let (_, outcome) = app
            .say(
                "\u{202E}\u{200B}",
                Some(&thread),
                "\u{200B}\u{200B}@everyone\u{202E}",
            )
            .await;
        assert!(matches!(outcome, MessageOutcome::Recorded { .. }));
        let summary = app.run("ben", Role::Member, "summary").await.unwrap();
        assert!(!summary.text.contains("@everyone"));
    }
}

/// A port that fails its first sends, then behaves like the console.
struct FlakyPort {
    inner: Arc<ConsolePort>,
    failures_left: AtomicUsize,
    attempts: AtomicUsize,
}

#[async_trait]
impl ChatPort for FlakyPort {
    fn platform(&self) -> Platform {
        Platform::Console
    }
    fn max_message_chars(&self) -> usize {
        400
    }
    async fn deliver(&self, post: &Outgoing) -> Result<Delivered, PortError> {
        self.attempts.fetch_add(1, Ordering::SeqCst);
        if self.failures_left.load(Ordering::SeqCst) > 0 {
            self.failures_left.fetch_sub(1, Ordering::SeqCst);
            return Err(PortError::Transient("HTTP 503".into()));
        }
        self.inner.deliver(post).await
    }
    async fn role_in(&self, c: &ChannelKey, m: &MemberKey) -> Result<Role, PortError> {
        self.inner.role_in(c, m).await
    }
    async fn send_private(&self, m: &MemberKey, t: &str, f: &[FileOut]) -> Result<(), PortError> {
        self.inner.send_private(m, t, f).await
    }
}

colloquy::store_test! {
    async fn the_outbox_retries_with_backoff_and_never_posts_twice(db: TestDb) {
        let app = TestApp::at(monday(8, 59), db).await;
        app.setup_with_reading(&sample_reading(6)).await;
        let flaky = Arc::new(FlakyPort {
            inner: app.port.clone(),
            failures_left: AtomicUsize::new(3),
            attempts: AtomicUsize::new(0),
        });
        app.engine.attach_port(flaky.clone());
        app.clock.set(monday(9, 0));
        colloquy::engine::scheduler::run_due(&app.engine)
            .await
            .unwrap();
        let mut sent = 0;
        for _ in 0..10 {
            let r = colloquy::engine::delivery::deliver_due(&app.engine, "w")
                .await
                .unwrap();
            sent += r.sent;
            // Backoff: nothing is retried before its time has come.
            let again = colloquy::engine::delivery::deliver_due(&app.engine, "w")
                .await
                .unwrap();
            assert_eq!(again.sent + again.retried + again.failed, 0);
            app.clock.advance(Duration::minutes(5));
        }
        assert_eq!(sent, 1);
        assert_eq!(
            flaky.attempts.load(Ordering::SeqCst),
            4,
            "three failures, then success"
        );
        let row = &app.store.outbox_rows().await.unwrap()[0];
        assert_eq!((row.status.as_str(), row.attempts), ("sent", 4));
        assert_eq!(app.log_text().matches("┌ thread").count(), 1);

        // A send that reached the platform but was not recorded (the bot died in between):
        // the retry carries the same key, and the platform returns the first post.
        app.fac("poll create \"Courts build trust\" --minutes 10")
            .await;
        let rows = app
            .store
            .claim_outbox(
                "dying",
                colloquy::store::ms(app.engine.now()),
                colloquy::store::ms(app.engine.now() + Duration::minutes(2)),
                10,
            )
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        let outgoing = app.engine.render_outgoing(&rows[0]).await.unwrap();
        let first = app.port.deliver(&outgoing).await.unwrap();
        // ... crash: nothing recorded. The lease runs out, another worker takes over.
        app.clock.advance(Duration::minutes(3));
        let r = colloquy::engine::delivery::deliver_due(&app.engine, "survivor")
            .await
            .unwrap();
        assert_eq!(r.sent, 1);
        let row = app.store.outbox_row(rows[0].id).await.unwrap().unwrap();
        assert_eq!(
            row.platform_message_id.as_deref(),
            Some(first.message_id.as_str())
        );
        assert_eq!(
            app.log_text().matches("Courts build trust").count(),
            1,
            "posted once"
        );

        // A permanent failure is not retried forever.
        struct Broken;
        #[async_trait]
        impl ChatPort for Broken {
            fn platform(&self) -> Platform {
                Platform::Console
            }
            fn max_message_chars(&self) -> usize {
                1000
            }
            async fn deliver(&self, _: &Outgoing) -> Result<Delivered, PortError> {
                Err(PortError::Permanent("missing permission".into()))
            }
            async fn role_in(&self, _: &ChannelKey, _: &MemberKey) -> Result<Role, PortError> {
                Ok(Role::Member)
            }
            async fn send_private(
                &self,
                _: &MemberKey,
                _: &str,
                _: &[FileOut],
            ) -> Result<(), PortError> {
                Ok(())
            }
        }
        app.engine.attach_port(Arc::new(Broken));
        app.fac("session start").await;
        // A reply, so that ending the session queues a summary (a session nobody replied in
        // gets none).
        app.say(
            "ana",
            None,
            "Predictable courts build trust between parties.",
        )
        .await;
        app.fac("session end").await;
        let r = colloquy::engine::delivery::deliver_due(&app.engine, "w")
            .await
            .unwrap();
        assert_eq!(r.failed, 1);
        let failed = app
            .store
            .outbox_rows()
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.status == "failed")
            .unwrap();
        assert_eq!(failed.last_error.as_deref(), Some("missing permission"));
    }
}

#[test]
fn kill_9_mid_burst_loses_no_acknowledged_reply_and_replay_adds_nothing_sqlite() {
    kill_9_mid_burst(TestDb::Sqlite);
}

#[test]
fn kill_9_mid_burst_loses_no_acknowledged_reply_and_replay_adds_nothing_postgres() {
    kill_9_mid_burst(TestDb::Postgres);
}

/// `colloquy ingest` on `db` is killed (SIGKILL) a third of the way into a burst: every
/// reply it acknowledged is stored, and replaying the whole burst adds each message once.
fn kill_9_mid_burst(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let location = rt.block_on(db.fresh(dir.path())).unwrap();
    let db = match &location {
        colloquy::store::Location::Sqlite(path) => path.to_string_lossy().to_string(),
        colloquy::store::Location::Postgres(url) => url.clone(),
    };
    let secret = dir.path().join("test.secret");
    let bin = env!("CARGO_BIN_EXE_colloquy");
    let total = 3_000;
    let mut events = String::new();
    events.push_str("{\"type\":\"command\",\"channel\":\"console:crash\",\"author\":\"fac\",\"facilitator\":true,\"line\":\"setup --tz UTC\"}\n");
    events.push_str("{\"type\":\"command\",\"channel\":\"console:crash\",\"author\":\"fac\",\"facilitator\":true,\"line\":\"session start\"}\n");
    for i in 0..total {
        events.push_str(&format!(
            "{{\"type\":\"message\",\"platform\":\"console\",\"channel\":\"crash\",\"id\":\"c{i}\",\"author\":\"m{}\",\"text\":\"reply number {i}\"}}\n",
            i % 17
        ));
    }
    let mut child = Command::new(bin)
        .args(["ingest", "--db"])
        .arg(&db)
        .env("COLLOQUY_SECRET_FILE", &secret)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start ingest");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // The pipe breaks when the process is killed: that is expected.
        let _ = stdin.write_all(events.as_bytes());
    });
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let mut acked: Vec<usize> = Vec::new();
    for line in stdout.lines() {
        let line = line.unwrap();
        let mut parts = line.split_whitespace();
        if parts.next() == Some("ok") {
            let n: usize = parts.next().unwrap().parse().unwrap();
            if parts.next() == Some("recorded") {
                acked.push(n);
            }
        }
        if acked.len() >= total / 3 {
            break;
        }
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    let _ = feeder.join();
    let store = rt
        .block_on(colloquy::store::Store::open_at(&location))
        .unwrap();
    for n in &acked {
        // Line n (1-based) holds message c{n-3}.
        let id = format!("c{}", n - 3);
        assert!(
            rt.block_on(store.reply_by_message("console", &id))
                .unwrap()
                .is_some(),
            "acknowledged {id} was lost"
        );
    }
    let before: i64 = rt
        .block_on(store.raw_i64("SELECT COUNT(*) FROM replies"))
        .unwrap();
    assert!(before as usize >= acked.len());
    rt.block_on(store.close());
    // Replay everything (the platform resends or backfill refetches): each message once.
    let mut replay = String::new();
    for i in 0..total {
        replay.push_str(&format!(
            "{{\"type\":\"message\",\"platform\":\"console\",\"channel\":\"crash\",\"id\":\"c{i}\",\"author\":\"m{}\",\"text\":\"reply number {i}\"}}\n",
            i % 17
        ));
    }
    let path = dir.path().join("replay.jsonl");
    std::fs::write(&path, replay).unwrap();
    let out = Command::new(bin)
        .args(["ingest", "--events"])
        .arg(&path)
        .arg("--db")
        .arg(&db)
        .env("COLLOQUY_SECRET_FILE", &secret)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let recorded = text.lines().filter(|l| l.ends_with(" recorded")).count();
    let duplicates = text.lines().filter(|l| l.contains("duplicate")).count();
    assert_eq!(recorded + duplicates, total);
    assert_eq!(
        duplicates as i64, before,
        "everything stored before the crash is a duplicate now"
    );
    let store = rt
        .block_on(colloquy::store::Store::open_at(&location))
        .unwrap();
    let after: i64 = rt
        .block_on(store.raw_i64("SELECT COUNT(*) FROM replies"))
        .unwrap();
    assert_eq!(after, total as i64, "every reply once");
    eprintln!(
        "kill -9 after {} acknowledged replies ({} committed); replay recorded {recorded}, skipped {duplicates}",
        acked.len(),
        before
    );
}

/// The same message and vote as a platform would replay them after a restart.
fn replayed(
    thread: &str,
    id: &str,
    who: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> colloquy::engine::IncomingMessage {
    colloquy::engine::IncomingMessage {
        platform: Platform::Console,
        channel_id: thread.to_string(),
        thread_root: None,
        reply_to: None,
        message_id: id.to_string(),
        author: TestApp::member(who),
        author_name: who.to_string(),
        text: format!("{who}'s words from {id}"),
        at,
    }
}

colloquy::store_test! {
    async fn forget_me_holds_after_a_restart_for_replayed_messages_and_votes(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let g = app.setup_with_reading(&sample_reading(6)).await;
        app.tick().await;
        let s = app.current_session(&g).await;
        let thread = s.thread_id.clone().unwrap();
        let early = monday(9, 30);
        app.clock.set(early);
        let first = app
            .engine
            .on_message(replayed(&thread, "m1", "Zoltan Quist", early))
            .await
            .unwrap();
        assert!(matches!(first, MessageOutcome::Recorded { .. }));
        app.fac("poll create \"Courts build trust\" --minutes 120")
            .await;
        let poll = app.store.latest_poll(g.id).await.unwrap().unwrap();
        app.run(
            "Zoltan Quist",
            Role::Member,
            &format!("vote {} agree", poll.id),
        )
        .await
        .unwrap();
        app.clock.set(monday(10, 0));
        let done = app
            .run("Zoltan Quist", Role::Member, "privacy forget-me --confirm")
            .await
            .unwrap();
        assert!(
            done.text.contains("will be recorded again"),
            "{}",
            done.text
        );

        // A restart on the same database and secret (a second process is the same).
        let TestApp {
            store,
            dir,
            location,
            ..
        } = app;
        store.close().await;
        let app = TestApp::open(
            dir,
            location,
            monday(10, 5),
            colloquy::domain::anon::VoterSecret::new(vec![42; 32]),
        )
        .await;
        for (id, at) in [("m1", early), ("m2", monday(9, 59))] {
            let again = app
                .engine
                .on_message(replayed(&thread, id, "Zoltan Quist", at))
                .await
                .unwrap();
            assert_eq!(again, MessageOutcome::Forgotten, "{id}");
        }
        let vote = app
            .engine
            .vote(colloquy::engine::VoteEvent {
                platform: Platform::Console,
                poll: colloquy::engine::PollRef::Id(poll.id),
                voter: TestApp::member("Zoltan Quist"),
                voter_name: "Zoltan Quist".into(),
                choice: colloquy::engine::Choice::Index(0),
                reason: None,
                channel: None,
                role: Role::Member,
                cast_at: Some(monday(9, 45)),
            })
            .await;
        assert!(vote.is_err(), "a replayed vote from before the request");
        let data = app.store.member_data("console:Zoltan Quist").await.unwrap();
        assert!(data.member.is_none() && data.replies.is_empty() && data.votes.is_empty());
        // Taking part again after the request is recorded.
        let back = app
            .engine
            .on_message(replayed(&thread, "m3", "Zoltan Quist", monday(10, 6)))
            .await
            .unwrap();
        assert!(matches!(back, MessageOutcome::Recorded { .. }));
        // Nobody is named by the tombstone.
        let tags: Vec<String> = app
            .store
            .raw_texts("SELECT tag FROM tombstones")
            .await
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        assert_eq!(tags.len(), 1);
        assert!(!tags[0].contains("Zoltan") && !tags[0].contains("console"));
    }
}

colloquy::store_test! {
    async fn forget_me_with_nothing_held_says_so(db: TestDb) {
        let app = TestApp::new(db).await;
        app.setup_with_reading(&sample_reading(3)).await;
        let done = app
            .run("newcomer", Role::Member, "privacy forget-me --confirm")
            .await
            .unwrap();
        assert!(
            done.text.contains("held nothing about you"),
            "{}",
            done.text
        );
        assert!(!done.text.contains("record is gone"), "{}", done.text);
    }
}
