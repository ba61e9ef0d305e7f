//! A test application: a fresh database (a SQLite file or a PostgreSQL schema: the engine
//! is each test's parameter, see `colloquy::store_test!`), a manual clock, the engine, and a
//! console chat whose log is kept in memory.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use colloquy::domain::anon::VoterSecret;
use colloquy::domain::command::{Role, parse};
use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
use colloquy::engine::{Caller, CommandError, Engine, IncomingMessage, Invocation, Reply, Upload};
use colloquy::platform::console::ConsolePort;
use colloquy::ports::ManualClock;
use colloquy::store::testing::TestDb;
use colloquy::store::{Group, Location, Store};

pub struct TestApp {
    pub engine: Engine,
    pub store: Store,
    pub clock: ManualClock,
    pub port: Arc<ConsolePort>,
    pub log: Arc<Mutex<Vec<u8>>>,
    pub channel: ChannelKey,
    pub dir: tempfile::TempDir,
    /// Where the database is (reopen it with [`TestApp::open`] after a restart).
    pub location: Location,
    next_message: std::sync::atomic::AtomicU64,
}

/// 2026-03-02 is a Monday.
pub fn monday(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, h, m, 0)
        .single()
        .expect("a valid time")
}

/// How a test's engine differs from the default one (built-in prompts, default
/// settings, no LLM, a fixed voter secret).
pub struct EngineOptions {
    pub secret: VoterSecret,
    pub settings: colloquy::engine::EngineSettings,
    pub llm: Option<colloquy::llm::LlmClient>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            secret: VoterSecret::new(vec![42; 32]),
            settings: Default::default(),
            llm: None,
        }
    }
}

/// The one place tests build an engine.
pub fn build_engine(store: Store, clock: &ManualClock, options: EngineOptions) -> Engine {
    Engine::new(
        store,
        Arc::new(clock.clone()),
        colloquy::render::Prompts::builtin(),
        options.secret,
        options.settings,
        options.llm,
    )
}

/// A console chat whose log is kept in memory, attached to `engine`; its times are shown
/// in `zone` and its files saved in `files` (or nowhere).
pub fn attach_console(
    engine: &Engine,
    clock: &ManualClock,
    zone: chrono_tz::Tz,
    files: Option<std::path::PathBuf>,
) -> (Arc<ConsolePort>, Arc<Mutex<Vec<u8>>>) {
    let (sink, log) = colloquy::demo::memory_sink();
    let port = Arc::new(ConsolePort::new(sink, Arc::new(clock.clone()), zone, files));
    engine.attach_port(port.clone());
    (port, log)
}

impl TestApp {
    pub async fn new(db: TestDb) -> TestApp {
        TestApp::at(monday(8, 0), db).await
    }

    pub async fn at(start: DateTime<Utc>, db: TestDb) -> TestApp {
        let dir = tempfile::tempdir().expect("a temp dir");
        let location = db.fresh(dir.path()).await.expect("a fresh test database");
        TestApp::open(dir, location, start, VoterSecret::new(vec![42; 32])).await
    }

    /// Open (or reopen) the app on the database at `location` (files go in `dir`).
    pub async fn open(
        dir: tempfile::TempDir,
        location: Location,
        start: DateTime<Utc>,
        secret: VoterSecret,
    ) -> TestApp {
        let options = EngineOptions {
            secret,
            ..Default::default()
        };
        TestApp::open_with(dir, location, start, options).await
    }

    /// Open (or reopen) the app on the database at `location` (files go in `dir`) with an
    /// engine built from `options`.
    pub async fn open_with(
        dir: tempfile::TempDir,
        location: Location,
        start: DateTime<Utc>,
        options: EngineOptions,
    ) -> TestApp {
        let store = Store::open_at(&location).await.expect("open the store");
        let reopened = !store.groups().await.expect("read the groups").is_empty();
        let clock = ManualClock::new(start);
        let engine = build_engine(store.clone(), &clock, options);
        let (port, log) = attach_console(
            &engine,
            &clock,
            chrono_tz::Europe::London,
            Some(dir.path().to_path_buf()),
        );
        TestApp {
            engine,
            store,
            clock,
            port,
            log,
            channel: ChannelKey::new(Platform::Console, "seminar"),
            dir,
            location,
            // Message ids stay unique when a test reopens the database later (a restart):
            // a fresh app counts from 1, a reopened one from its start time.
            next_message: std::sync::atomic::AtomicU64::new(if reopened {
                start.timestamp_millis().unsigned_abs()
            } else {
                1
            }),
        }
    }

    pub fn member(name: &str) -> MemberKey {
        MemberKey::new(Platform::Console, name)
    }

    /// Run a command line as `who` with `role`.
    pub async fn run(&self, who: &str, role: Role, line: &str) -> Result<Reply, CommandError> {
        self.run_with(who, role, line, None).await
    }

    pub async fn run_with(
        &self,
        who: &str,
        role: Role,
        line: &str,
        attachment: Option<Upload>,
    ) -> Result<Reply, CommandError> {
        let caller = Caller {
            key: TestApp::member(who),
            name: who.to_string(),
            role,
            locale: None,
        };
        self.run_as(&self.channel, caller, line, attachment).await
    }

    /// A command line from `caller` in `channel` (another group's, or a direct chat).
    pub async fn run_as(
        &self,
        channel: &ChannelKey,
        caller: Caller,
        line: &str,
        attachment: Option<Upload>,
    ) -> Result<Reply, CommandError> {
        // A line that cannot be read is refused in the group's language, as adapters do.
        let command = match parse(line) {
            Ok(c) => c,
            Err(e) => return Err(self.engine.parse_refusal(channel, e).await),
        };
        self.engine
            .execute(Invocation {
                channel: channel.clone(),
                caller,
                command,
                attachment,
            })
            .await
    }

    /// A facilitator command that must succeed.
    pub async fn fac(&self, line: &str) -> Reply {
        match self.run("fac", Role::Facilitator, line).await {
            Ok(r) => r,
            Err(e) => panic!("`{line}` failed: {e}"),
        }
    }

    /// Set up the group (London, 09:00, every day) and import `text` as a reading.
    pub async fn setup_with_reading(&self, text: &str) -> Group {
        self.fac("setup --tz Europe/London --time 09:00 --days daily --summary-time 21:00")
            .await;
        let upload = Upload {
            name: "reading.md".into(),
            bytes: text.as_bytes().to_vec(),
        };
        self.run_with("fac", Role::Facilitator, "reading import", Some(upload))
            .await
            .expect("import");
        self.group().await
    }

    /// A group set up on a four-paragraph sample reading, its first excerpt posted at the
    /// day's post time (the app's clock at 09:00): the group, the session and its thread.
    pub async fn first_excerpt_thread(&self) -> (Group, colloquy::store::SessionRow, String) {
        let group = self.setup_with_reading(&sample_reading(4)).await;
        self.tick().await;
        let session = self.current_session(&group).await;
        let thread = session.thread_id.clone().expect("the excerpt's thread");
        (group, session, thread)
    }

    /// `text` imported by the facilitator as a reading in excerpts of about 40 words.
    pub async fn import_in_short_excerpts(&self, text: &str) -> Reply {
        let upload = Upload {
            name: "reading.md".into(),
            bytes: text.as_bytes().to_vec(),
        };
        self.run_with(
            "fac",
            Role::Facilitator,
            "reading import --words 40",
            Some(upload),
        )
        .await
        .expect("import")
    }

    /// `setup` (the line given), `text` imported as a reading in excerpts of about 40 words,
    /// and its first excerpt posted: the group and the excerpt's session (with its thread).
    pub async fn group_with_first_excerpt(
        &self,
        setup: &str,
        text: &str,
    ) -> (Group, colloquy::store::SessionRow) {
        self.fac(setup).await;
        self.import_in_short_excerpts(text).await;
        self.fac("excerpt next").await;
        self.deliver().await;
        let group = self.group().await;
        let session = self.current_session(&group).await;
        (group, session)
    }

    /// The group's current excerpt session (the test expects one).
    pub async fn current_session(&self, group: &Group) -> colloquy::store::SessionRow {
        self.store
            .current_excerpt_session(group.id)
            .await
            .expect("read the current session")
            .expect("a current excerpt session")
    }

    pub async fn group(&self) -> Group {
        self.store
            .group_by_channel(&self.channel)
            .await
            .expect("query")
            .expect("the group exists")
    }

    /// Deliver the outbox (posts appear in the log).
    pub async fn deliver(&self) -> colloquy::engine::delivery::DeliveryReport {
        colloquy::engine::delivery::deliver_due(&self.engine, "test")
            .await
            .expect("delivery")
    }

    /// Run the scheduler once and deliver.
    pub async fn tick(&self) -> colloquy::engine::scheduler::Outcome {
        let outcome = colloquy::engine::scheduler::run_due(&self.engine)
            .await
            .expect("scheduler");
        self.deliver().await;
        outcome
    }

    /// A member's message in the channel or a thread (`thread` is the thread channel id).
    pub async fn say(
        &self,
        who: &str,
        thread: Option<&str>,
        text: &str,
    ) -> (String, colloquy::engine::MessageOutcome) {
        self.say_in_reply(who, thread, None, text).await
    }

    /// A member's message that replies to the message `reply_to` (a platform reply).
    pub async fn say_in_reply(
        &self,
        who: &str,
        thread: Option<&str>,
        reply_to: Option<&str>,
        text: &str,
    ) -> (String, colloquy::engine::MessageOutcome) {
        let id = format!(
            "msg{}",
            self.next_message
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        let outcome = self
            .engine
            .on_message(IncomingMessage {
                platform: Platform::Console,
                channel_id: thread
                    .map(str::to_string)
                    .unwrap_or_else(|| self.channel.id.clone()),
                thread_root: None,
                reply_to: reply_to.map(str::to_string),
                message_id: id.clone(),
                author: TestApp::member(who),
                author_name: who.to_string(),
                text: text.to_string(),
                at: self.engine.now(),
            })
            .await
            .expect("record");
        (id, outcome)
    }

    pub fn log_text(&self) -> String {
        String::from_utf8_lossy(&self.log.lock().expect("log").clone()).to_string()
    }
}

/// A reading of `paragraphs` paragraphs with front matter, made for tests.
pub fn sample_reading(paragraphs: usize) -> String {
    let mut text = String::from(
        "# Institutions and Trust\n\n*by Rosa Delgado*\n\nE-mail: r.delgado@example.org\n\nDOI: 10.5555/test.1\n\n",
    );
    for p in 0..paragraphs {
        text.push_str(&format!(
            "Paragraph {p} argues that \"institutional trust\" grows when courts act predictably. \
             Voters should reward parties that protect judicial independence, because predictable courts \
             lower the cost of cooperation. Critics doubt that trust follows from rules alone. \
             Historical cases from several democracies show the effect is slow but durable. \
             A second point concerns coalition bargaining, which rarely ends in a clean victory for anyone. \
             Small parties extract concessions, yet they often pay for them at the next election.\n\n"
        ));
    }
    text
}
