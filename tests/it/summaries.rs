//! Summaries beyond the basics: the optional LLM (against a local server that speaks the
//! OpenAI chat-completions protocol, including slow and failing answers), weekly digests,
//! and long summaries split to fit a platform without breaking a quote.

use colloquy::store::testing::TestDb;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration as StdDuration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use chrono::Duration;
use colloquy::domain::anon::VoterSecret;
use colloquy::domain::command::Role;
use colloquy::engine::EngineSettings;
use colloquy::llm::LlmClient;
use colloquy::ports::ManualClock;
use colloquy::store::Store;

use crate::common::app::{
    EngineOptions, TestApp, attach_console, build_engine, monday, sample_reading,
};

/// How the fake LLM server answers.
#[derive(Clone, Copy)]
enum Mode {
    Good,
    Slow,
    Failing,
    NamesOptedOut,
    /// Puts in quotation marks words nobody wrote.
    InventedQuote,
    Empty,
}

#[derive(Clone)]
struct Fake {
    mode: Arc<std::sync::Mutex<Mode>>,
    calls: Arc<AtomicUsize>,
    last_prompt: Arc<std::sync::Mutex<String>>,
}

async fn completions(
    State(fake): State<Fake>,
    Json(body): Json<serde_json::Value>,
) -> (StatusCode, Json<serde_json::Value>) {
    fake.calls.fetch_add(1, Ordering::SeqCst);
    let prompt = body["messages"][1]["content"]
        .as_str()
        .unwrap_or("")
        .to_string();
    *fake.last_prompt.lock().unwrap() = prompt.clone();
    let mode = *fake.mode.lock().unwrap();
    let asks_questions = prompt.contains("discussion questions");
    let text = match mode {
        Mode::Good if asks_questions => {
            "1. What does the author mean by “institutional trust”?\nIs this right?\n2. How do predictable courts lower the cost of cooperation?\nWhy do bananas fly?"
        }
        Mode::Good => {
            "Members agreed that predictable courts build trust, while one asked how voters would reward it."
        }
        Mode::NamesOptedOut => "Ana argued that courts matter most.",
        Mode::InventedQuote => {
            "Members agreed that “courts always decide every case fairly”, and Ben asked about voters."
        }
        Mode::Empty => "",
        // Never answers: only the client's timeout ends the call.
        Mode::Slow => std::future::pending().await,
        Mode::Failing => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(serde_json::json!({"error": "boom"})),
            );
        }
    };
    (
        StatusCode::OK,
        Json(serde_json::json!({"choices": [{"message": {"role": "assistant", "content": text}}]})),
    )
}

async fn fake_llm() -> (String, Fake) {
    let fake = Fake {
        mode: Arc::new(std::sync::Mutex::new(Mode::Good)),
        calls: Arc::new(AtomicUsize::new(0)),
        last_prompt: Arc::new(std::sync::Mutex::new(String::new())),
    };
    let app = axum::Router::new()
        .route("/v1/chat/completions", post(completions))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/v1"), fake)
}

/// A console engine whose LLM is the fake at `endpoint`, on a fresh database.
struct LlmApp {
    dir: tempfile::TempDir,
    store: Store,
    clock: ManualClock,
    engine: colloquy::engine::Engine,
    log: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl LlmApp {
    async fn on(endpoint: &str, start: chrono::DateTime<chrono::Utc>, db: TestDb) -> LlmApp {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = db.open(dir.path()).await.unwrap();
        let clock = ManualClock::new(start);
        let llm =
            LlmClient::new(endpoint, "test-model", None, StdDuration::from_millis(800)).unwrap();
        let options = EngineOptions {
            secret: VoterSecret::new(vec![3; 32]),
            settings: EngineSettings::default(),
            llm: Some(llm),
        };
        let engine = build_engine(store.clone(), &clock, options);
        let (_port, log) = attach_console(&engine, &clock, chrono_tz::UTC, None);
        LlmApp {
            dir,
            store,
            clock,
            engine,
            log,
        }
    }
}

colloquy::store_test! {
    async fn the_llm_writes_a_checked_paragraph_and_failures_fall_back_once(db: TestDb) {
        let (endpoint, fake) = fake_llm().await;
        let LlmApp {
            dir: _dir,
            store,
            clock,
            engine,
            log,
        } = LlmApp::on(&endpoint, monday(9, 0), db).await;
        let channel =
            colloquy::domain::ids::ChannelKey::new(colloquy::domain::ids::Platform::Console, "llm");
        let run = |who: &str, role: Role, line: &str| {
            let engine = engine.clone();
            let channel = channel.clone();
            let line = line.to_string();
            let who = who.to_string();
            async move {
                engine
                    .execute(colloquy::engine::Invocation {
                        channel,
                        caller: colloquy::engine::Caller {
                            key: colloquy::domain::ids::MemberKey::new(
                                colloquy::domain::ids::Platform::Console,
                                &who,
                            ),
                            name: who.clone(),
                            role,
                            locale: None,
                        },
                        command: colloquy::domain::command::parse(&line).unwrap(),
                        attachment: None,
                    })
                    .await
            }
        };
        run("fac", Role::Facilitator, "setup --tz UTC")
            .await
            .unwrap();
        run("fac", Role::Facilitator, "session start --title \"Courts\"")
            .await
            .unwrap();
        let say = |id: &str, who: &str, text: &str| colloquy::engine::IncomingMessage {
            platform: colloquy::domain::ids::Platform::Console,
            channel_id: "llm".into(),
            thread_root: None,
            reply_to: None,
            message_id: id.into(),
            author: colloquy::domain::ids::MemberKey::new(
                colloquy::domain::ids::Platform::Console,
                who,
            ),
            author_name: who.into(),
            text: text.into(),
            at: clock_now(&clock),
        };
        engine
            .on_message(say(
                "1",
                "Ana",
                "Predictable courts build trust between parties.",
            ))
            .await
            .unwrap();
        engine
            .on_message(say(
                "2",
                "Ben",
                "How would voters ever reward judicial independence?",
            ))
            .await
            .unwrap();
        engine
            .on_message(say(
                "3",
                "Cy",
                "Predictable courts also protect the small traders who cannot afford lawyers.",
            ))
            .await
            .unwrap();
        let live = store.open_live_session(1).await.unwrap().unwrap();

        let good = engine.summarize_session(live.id, false).await.unwrap();
        assert_eq!(good.source, "llm");
        assert!(
            good.markdown
                .contains("Members agreed that predictable courts build trust"),
            "{}",
            good.markdown
        );
        assert!(good.markdown.contains("written by test-model"));
        let prompt = fake.last_prompt.lock().unwrap().clone();
        // The LLM is given the extractive summary (its quotes and who said them) and the
        // discussion's key phrases, not the raw replies.
        assert!(
            prompt.contains("“Predictable courts build trust between parties.” — Ana")
                && prompt.contains("— Ben")
                && prompt.contains("Key phrases: predictable courts"),
            "the prompt carries the extractive summary and key phrases: {prompt}"
        );

        // Slow, failing, empty, or naming an opted-out member: the extractive summary is used,
        // and the facilitators are told once.
        run("Ana", Role::Member, "privacy quotes off")
            .await
            .unwrap();
        for mode in [
            Mode::Slow,
            Mode::Failing,
            Mode::Empty,
            Mode::NamesOptedOut,
            Mode::InventedQuote,
        ] {
            *fake.mode.lock().unwrap() = mode;
            let s = tokio::time::timeout(
                StdDuration::from_secs(30),
                engine.summarize_session(live.id, false),
            )
            .await
            .expect("a server that never answers is cut off by the client's timeout")
            .unwrap();
            assert_eq!(s.source, "extractive");
            assert!(!s.markdown.contains("written by"));
        }
        colloquy::engine::delivery::deliver_due(&engine, "t")
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
        assert_eq!(
            text.matches("the configured LLM could not be used").count(),
            1,
            "told once: {text}"
        );
        assert!(fake.calls.load(Ordering::SeqCst) >= 5);
        // Recovery resets the notice: the next failure is told again.
        *fake.mode.lock().unwrap() = Mode::Good;
        assert_eq!(
            engine
                .summarize_session(live.id, false)
                .await
                .unwrap()
                .source,
            "llm"
        );
        *fake.mode.lock().unwrap() = Mode::Failing;
        engine.summarize_session(live.id, false).await.unwrap();
        colloquy::engine::delivery::deliver_due(&engine, "t")
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
        assert_eq!(
            text.matches("the configured LLM could not be used").count(),
            2,
            "told again after a recovery: {text}"
        );
    }
}

fn clock_now(clock: &ManualClock) -> chrono::DateTime<chrono::Utc> {
    use colloquy::ports::Clock;
    clock.now()
}

colloquy::store_test! {
    async fn a_weekly_digest_covers_the_week_once(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        let g = app.setup_with_reading(&sample_reading(20)).await;
        for day in 0..5 {
            app.clock.set(monday(9, 0) + Duration::days(day));
            app.tick().await;
            let s = app.current_session(&g).await;
            let thread = s.thread_id.clone().unwrap();
            app.say(
                "ana",
                Some(&thread),
                "Courts and trust again, the recurring theme of the week.",
            )
            .await;
            app.say(
                "ben",
                Some(&thread),
                "Trust in courts grows when judges are independent.",
            )
            .await;
        }
        // The digest is due on Sunday at 18:00 (the default).
        app.clock.set(monday(17, 0) + Duration::days(6));
        assert_eq!(app.tick().await.digests, 0);
        app.clock.set(monday(18, 1) + Duration::days(6));
        assert_eq!(app.tick().await.digests, 1);
        assert_eq!(app.tick().await.digests, 0, "once per week");
        let log = app.log_text();
        assert!(log.contains("## Week of 2 March 2026"), "{log}");
        assert!(
            log.contains("6 sessions, 2 members, 10 replies"),
            "{}",
            &log[log.find("## Week").unwrap_or(0)..]
        );
        assert!(log.contains("Institutions and Trust (excerpt 1)"));
        assert!(log.contains("**Recurring themes**"));
        assert!(log.contains("**Most active threads**"));
    }
}

colloquy::store_test! {
    async fn long_summaries_are_split_without_breaking_a_quote(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;
        app.fac("session start").await;
        for i in 0..40 {
            app.say(&format!("member{}", i % 9), None, &format!("Point {i}: predictable courts build trust, and trust makes coalitions last longer than anyone expects in theory {i}.")).await;
        }
        let s = app
            .store
            .open_live_session(app.group().await.id)
            .await
            .unwrap()
            .unwrap();
        let summary = app
            .engine
            .summarize_session(s.id, false)
            .await
            .unwrap()
            .markdown;
        let parts = colloquy::render::split_message(&summary, 500);
        assert!(parts.len() > 1);
        let quotes = |t: &str| {
            t.lines()
                .filter(|l| l.starts_with("> ") && !l.starts_with("> — "))
                .count()
        };
        assert!(
            quotes(&summary) >= 2,
            "the summary quotes members: {summary}"
        );
        assert_eq!(
            parts.iter().map(|p| quotes(p)).sum::<usize>(),
            quotes(&summary),
            "no quote is lost or cut in two"
        );
        for p in &parts {
            assert!(p.chars().count() <= 500);
            // A quote line and its attribution travel together.
            assert_eq!(
                p.matches("\n> — ").count() + usize::from(p.starts_with("> — ")),
                quotes(p),
                "{p}"
            );
        }
        app.run("fac", Role::Facilitator, "session end")
            .await
            .unwrap();
    }
}

colloquy::store_test! {
    async fn the_llm_can_write_the_questions_and_bad_ones_are_dropped(db: TestDb) {
        let (endpoint, fake) = fake_llm().await;
        let LlmApp {
            dir: _dir,
            store,
            clock: _clock,
            engine,
            log,
        } = LlmApp::on(&endpoint, monday(8, 0), db).await;
        let channel =
            colloquy::domain::ids::ChannelKey::new(colloquy::domain::ids::Platform::Console, "q");
        let exec =
            |line: &str, attachment: Option<colloquy::engine::Upload>| colloquy::engine::Invocation {
                channel: channel.clone(),
                caller: colloquy::engine::Caller {
                    key: colloquy::domain::ids::MemberKey::new(
                        colloquy::domain::ids::Platform::Console,
                        "fac",
                    ),
                    name: "fac".into(),
                    role: Role::Facilitator,
                    locale: None,
                },
                command: colloquy::domain::command::parse(line).unwrap(),
                attachment,
            };
        engine.execute(exec("setup --tz UTC", None)).await.unwrap();
        let upload = colloquy::engine::Upload {
            name: "r.md".into(),
            bytes: sample_reading(12).into_bytes(),
        };
        engine
            .execute(exec("reading import", Some(upload)))
            .await
            .unwrap();
        engine.execute(exec("excerpt next", None)).await.unwrap();
        colloquy::engine::delivery::deliver_due(&engine, "t")
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
        assert!(
            text.contains("1. What does the author mean by “institutional trust”?"),
            "{text}"
        );
        assert!(text.contains("2. How do predictable courts lower the cost of cooperation?"));
        assert!(
            !text.contains("Is this right?") && !text.contains("bananas"),
            "yes/no and ungrounded questions are dropped"
        );
        // A failing LLM leaves the template questions.
        *fake.mode.lock().unwrap() = Mode::Failing;
        engine.execute(exec("excerpt next", None)).await.unwrap();
        colloquy::engine::delivery::deliver_due(&engine, "t")
            .await
            .unwrap();
        let second = store.excerpts(1).await.unwrap()[1].id;
        let qs = store.questions(second).await.unwrap();
        assert!(qs.len() >= 2 && qs.iter().all(|q| q.kind != "llm"));
    }
}

/// The seminar discussions written for these tests, with their ground truth.
fn discussion_fixtures() -> Vec<colloquy::domain::summary_score::Fixture> {
    [
        include_str!("../fixtures/discussions/commons.toml"),
        include_str!("../fixtures/discussions/promises.toml"),
        include_str!("../fixtures/discussions/zoos.toml"),
        include_str!("../fixtures/discussions/ru-harbour.toml"),
        include_str!("../fixtures/discussions/zh-budget.toml"),
        include_str!("../fixtures/discussions/de-hafen.toml"),
        include_str!("../fixtures/discussions/fr-phare.toml"),
    ]
    .iter()
    .map(|text| colloquy::domain::summary_score::Fixture::parse(text).unwrap())
    .collect()
}

/// Play a fixture's discussion as a live seminar: quotes opt-outs, the pre poll and its
/// votes, the replies in their threads, the post poll, the forget-me, the session's end.
/// Returns the app and the summary the bot posted.
async fn play(fixture: &colloquy::domain::summary_score::Fixture, db: TestDb) -> (TestApp, String) {
    use colloquy::domain::ids::{MemberKey, Platform};
    let app = TestApp::new(db).await;
    let exec = |key: &str, role: Role, line: String| {
        let name = fixture
            .member(key)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| key.to_string());
        let invocation = colloquy::engine::Invocation {
            channel: app.channel.clone(),
            caller: colloquy::engine::Caller {
                key: MemberKey::new(Platform::Console, key),
                name,
                role,
                locale: None,
            },
            command: colloquy::domain::command::parse(&line).unwrap(),
            attachment: None,
        };
        let engine = app.engine.clone();
        async move {
            if let Err(e) = engine.execute(invocation).await {
                panic!("`{line}` failed: {e}");
            }
        }
    };
    let fac = fixture.facilitator.as_str();
    exec(
        fac,
        Role::Facilitator,
        format!("setup --tz UTC --language {}", fixture.language.code()),
    )
    .await;
    for m in fixture.members.iter().filter(|m| !m.quotes) {
        exec(&m.key, Role::Member, "privacy quotes off".into()).await;
    }
    exec(
        fac,
        Role::Facilitator,
        format!("session start --title \"{}\"", fixture.title),
    )
    .await;
    let group = app.group().await;
    let session = app
        .store
        .open_live_session(group.id)
        .await
        .unwrap()
        .unwrap();
    let votes = |phase: &'static str| {
        let poll = fixture.poll.clone();
        let app = &app;
        let exec = &exec;
        async move {
            let Some(poll) = poll else { return };
            let line = if phase == "pre" {
                format!("poll create \"{}\" --phase pre --minutes 20", poll.claim)
            } else {
                "poll create --phase post --minutes 20".to_string()
            };
            exec(fac, Role::Facilitator, line).await;
            let id = app.store.latest_poll(group.id).await.unwrap().unwrap().id;
            let mut ballots: Vec<(&String, &String)> = if phase == "pre" {
                poll.pre.iter().collect()
            } else {
                poll.post.iter().collect()
            };
            ballots.sort();
            for (who, option) in ballots {
                app.clock.advance(Duration::seconds(30));
                exec(who, Role::Member, format!("vote {id} {option}")).await;
            }
        }
    };
    votes("pre").await;
    app.clock.advance(Duration::minutes(21));
    app.tick().await;
    for r in &fixture.replies {
        app.clock.advance(Duration::minutes(2));
        let name = fixture.member(&r.by).map(|m| m.name.clone()).unwrap();
        app.engine
            .on_message(colloquy::engine::IncomingMessage {
                platform: Platform::Console,
                channel_id: app.channel.id.clone(),
                thread_root: None,
                reply_to: r.to.map(|to| format!("fx{to}")),
                message_id: format!("fx{}", r.id),
                author: MemberKey::new(Platform::Console, &r.by),
                author_name: name,
                text: r.text.clone(),
                at: clock_now(&app.clock),
            })
            .await
            .unwrap();
    }
    votes("post").await;
    if let Some(key) = &fixture.forget {
        exec(key, Role::Member, "privacy forget-me --confirm".into()).await;
    }
    app.clock.advance(Duration::minutes(21));
    app.tick().await;
    exec(fac, Role::Facilitator, "session end".into()).await;
    app.deliver().await;
    let summary = app
        .store
        .session_summary(session.id)
        .await
        .unwrap()
        .map(|s| s.body)
        .unwrap_or_default();
    (app, summary)
}

colloquy::store_test! {
    /// The summaries of the seminar fixtures meet every criterion of the scorer: labelled
    /// themes, the substantive replies quoted exactly and once, no housekeeping, the real
    /// disagreement and no false one, the open questions, both polls' counts, participation.
    /// `cargo test --test it summaries_meet_the_fixtures -- --nocapture` prints the scores.
    async fn summaries_meet_the_fixtures(db: TestDb) {
        let mut failed = Vec::new();
        for fixture in discussion_fixtures() {
            let (_app, summary) = play(&fixture, db).await;
            let card = colloquy::domain::summary_score::score(&fixture, &summary);
            println!("{summary}\n\n{card}");
            if !card.all_passed() {
                failed.push(format!("{card}\n{summary}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n\n"));
    }
}

/// The summary a live session gets once it ends (None: no summary was stored).
async fn end_and_summary(app: &TestApp) -> Option<String> {
    let group = app.group().await;
    let session = app
        .store
        .open_live_session(group.id)
        .await
        .unwrap()
        .unwrap();
    app.fac("session end").await;
    app.deliver().await;
    app.store
        .session_summary(session.id)
        .await
        .unwrap()
        .map(|s| s.body)
}

colloquy::store_test! {
    /// Bad input: a session nobody replied in gets no summary (its facilitator is told once,
    /// privately); a session of greetings and logistics gets a short summary saying so; a
    /// discussion in another language gets the generic summary with a notice.
    async fn empty_chatter_and_foreign_sessions(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;

        app.fac("session start --title \"Silent\"").await;
        assert_eq!(
            end_and_summary(&app).await,
            None,
            "no summary without replies"
        );
        let log = app.log_text();
        assert_eq!(
            log.matches("Nobody replied in Silent").count(),
            1,
            "told once: {log}"
        );
        assert!(!log.contains("## Summary: Silent"), "{log}");
        let told = &log[log
            .find("Nobody replied in Silent")
            .unwrap_or(0)
            .saturating_sub(80)..];
        assert!(told.contains("privately to fac"), "{log}");

        app.fac("session start --title \"Chatter\"").await;
        for (who, text) in [
            ("ana", "Morning all!"),
            ("ben", "hi"),
            ("cy", "Sorry I'm late, train delays."),
            ("ana", "lol same"),
            ("ben", "Got to run, see you Thursday."),
        ] {
            app.say(who, None, text).await;
        }
        let chatter = end_and_summary(&app).await.expect("a short summary");
        assert!(
            chatter.contains("there was no discussion to summarize"),
            "{chatter}"
        );
        assert!(
            !chatter.contains("**Themes**") && !chatter.contains("**What was said**"),
            "{chatter}"
        );
        // Short: the header and the notice, then only the live session's attendance.
        let (body, attendance) = chatter
            .split_once("**Attendance** (3)")
            .expect("a live session lists who attended");
        assert!(body.lines().count() <= 5, "short: {chatter}");
        assert_eq!(attendance.trim().lines().count(), 3, "{chatter}");

        app.fac("session start --title \"Foráneo\"").await;
        for (who, text) in [
            (
                "ana",
                "El texto sostiene que la vigilancia local mantiene las reglas suaves en los pueblos pequeños.",
            ),
            (
                "ben",
                "No estoy de acuerdo: en una pesquería grande nadie sabe quién pescó de más.",
            ),
            (
                "cy",
                "Las sanciones graduales protegen a quienes escriben las reglas de la comunidad.",
            ),
            (
                "dee",
                "¿Quién decide cuándo un recurso es demasiado grande para la vigilancia local?",
            ),
        ] {
            app.say(who, None, text).await;
        }
        let foreign = end_and_summary(&app).await.expect("a generic summary");
        assert!(
            foreign.contains("This discussion is in Spanish, which colloquy has no rules for yet"),
            "{foreign}"
        );
        assert!(foreign.contains("**What was said**"), "{foreign}");
        assert!(
            !foreign.contains("**Themes**") && !foreign.contains("**Where members disagreed**"),
            "{foreign}"
        );
    }
}

colloquy::store_test! {
    /// A Russian group: the LLM is told to write the summary in Russian, and when the LLM
    /// fails, the facilitators' notice is in Russian (its reason too), with no English.
    async fn a_russian_groups_llm_is_asked_for_russian_and_its_failure_told_in_russian(db: TestDb) {
        let (endpoint, fake) = fake_llm().await;
        let LlmApp {
            dir: _dir,
            store,
            clock,
            engine,
            log,
        } = LlmApp::on(&endpoint, monday(9, 0), db).await;
        let channel =
            colloquy::domain::ids::ChannelKey::new(colloquy::domain::ids::Platform::Console, "llm");
        let caller = |who: &str, role: Role| colloquy::engine::Caller {
            key: colloquy::domain::ids::MemberKey::new(colloquy::domain::ids::Platform::Console, who),
            name: who.to_string(),
            role,
            locale: None,
        };
        for line in ["setup --tz UTC --language ru", "session start --title \"Суды\""] {
            engine
                .execute(colloquy::engine::Invocation {
                    channel: channel.clone(),
                    caller: caller("fac", Role::Facilitator),
                    command: colloquy::domain::command::parse(line).unwrap(),
                    attachment: None,
                })
                .await
                .unwrap();
        }
        for (id, who, text) in [
            ("1", "Ana", "Предсказуемые суды создают доверие между сторонами договора."),
            ("2", "Ben", "Но как избиратели вознаградят независимость судей на выборах?"),
            ("3", "Cy", "Предсказуемые суды защищают и мелких торговцев без адвокатов."),
        ] {
            engine
                .on_message(colloquy::engine::IncomingMessage {
                    platform: colloquy::domain::ids::Platform::Console,
                    channel_id: "llm".into(),
                    thread_root: None,
                    reply_to: None,
                    message_id: id.into(),
                    author: colloquy::domain::ids::MemberKey::new(
                        colloquy::domain::ids::Platform::Console,
                        who,
                    ),
                    author_name: who.into(),
                    text: text.into(),
                    at: clock_now(&clock),
                })
                .await
                .unwrap();
        }
        let live = store.open_live_session(1).await.unwrap().unwrap();
        assert_eq!(engine.summarize_session(live.id, false).await.unwrap().source, "llm");
        let prompt = fake.last_prompt.lock().unwrap().clone();
        assert!(
            prompt.contains("Write the summary in Russian"),
            "the prompt names the group's language: {prompt}"
        );
        *fake.mode.lock().unwrap() = Mode::Failing;
        assert_eq!(
            engine.summarize_session(live.id, false).await.unwrap().source,
            "extractive"
        );
        colloquy::engine::delivery::deliver_due(&engine, "t")
            .await
            .unwrap();
        let text = String::from_utf8_lossy(&log.lock().unwrap()).to_string();
        assert!(!text.contains("could not be used"), "{text}");
        let notice = text
            .lines()
            .find(|l| l.contains("Заметка для ведущих"))
            .unwrap_or_else(|| panic!("the notice in Russian: {text}"));
        assert!(notice.contains("сервер LLM ответил кодом HTTP 500"), "{notice}");
        let english = crate::i18n::english_runs(notice, &["LLM", "HTTP", "colloquy"]);
        assert!(english.is_empty(), "{english:?} in {notice}");
    }
}

colloquy::store_test! {
    /// A German group's weekly digest reads its short German replies (too short to tell
    /// their own language, and in the same script as English) by German rules: the forms of
    /// "Gericht" make one theme, and no German stop word becomes one.
    async fn a_german_groups_digest_reads_german_replies_by_german_rules(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.fac("setup --tz Europe/Berlin --time 09:00 --days daily --language de")
            .await;
        app.fac("session start --title Gerichte").await;
        let g = app.group().await;
        for (who, text) in [
            ("ana", "Das Gericht urteilt schnell, klar und fair."),
            ("ben", "Die Gerichte prüfen Fakten sehr genau."),
            ("cai", "Den Gerichten fehlen Zeit, Geld, Personal."),
            ("dee", "Urteile des Gerichts bleiben oft unklar."),
            ("eve", "Und die Gerichte urteilen selten fair."),
        ] {
            app.say(who, None, text).await;
        }
        let week = colloquy::engine::week_of(app.engine.now(), chrono_tz::Europe::Berlin);
        let digest = app.engine.digest_markdown(g.id, &week).await.unwrap();
        println!("{digest}");
        let themes: Vec<(String, usize)> = digest
            .lines()
            .skip_while(|l| !l.starts_with("**Wiederkehrende Themen**"))
            .skip(1)
            .take_while(|l| l.starts_with("- "))
            .map(|l| {
                let (label, count) = l.trim_start_matches("- ").split_once(" (").unwrap_or((l, ""));
                let n = count.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
                (label.to_lowercase(), n)
            })
            .collect();
        assert!(
            themes.iter().any(|(label, n)| label.contains("gericht") && *n >= 4),
            "the forms of Gericht make one theme: {themes:?}\n{digest}"
        );
        for (label, _) in &themes {
            for stop in ["das", "die", "den", "des", "und", "sehr", "oft"] {
                assert!(
                    label != stop && !label.starts_with(&format!("{stop} ")),
                    "a German stop word makes a theme: {themes:?}"
                );
            }
        }
    }
}

colloquy::store_test! {
    /// A member who asks to be forgotten leaves no stored weekly digest behind that counted
    /// them and their replies (or drew themes from them): the week's digest is made again
    /// without them.
    async fn forget_me_takes_the_member_out_of_the_weeks_digest(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.fac("setup --tz Europe/Berlin --time 09:00 --days daily").await;
        app.fac("session start --title Harbours").await;
        let g = app.group().await;
        for (who, text) in [
            ("ana", "Harbour dredging costs the town more every year."),
            ("ben", "Harbour dredging keeps the ferries running, so it pays."),
            ("cai", "The harbour dredging contract went to the mayor's cousin."),
            ("Zed Zola", "Zeppelin moorings would free the harbour from ferries."),
            ("Zed Zola", "Zeppelin moorings need no dredging at all."),
            ("Zed Zola", "Zeppelin moorings are cheaper than any quay."),
        ] {
            app.say(who, None, text).await;
        }
        app.fac("session end").await;
        let week = colloquy::engine::week_of(app.engine.now(), chrono_tz::Europe::Berlin);
        let before = app.engine.digest_markdown(g.id, &week).await.unwrap();
        assert!(before.contains("4 members, 6 replies"), "{before}");

        app.run("Zed Zola", Role::Member, "privacy forget-me --confirm")
            .await
            .unwrap();
        let stored = app.store.digest(g.id, &week).await.unwrap();
        assert!(
            stored.is_none(),
            "the digest that counted the forgotten member is still stored: {stored:?}"
        );
        let after = app.engine.digest_markdown(g.id, &week).await.unwrap();
        assert!(after.contains("3 members, 3 replies"), "{after}");
    }
}
