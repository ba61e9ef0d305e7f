//! The real colloquy bot for the Matrix end-to-end tests, in-process: an engine built as
//! `colloquy run` builds it (temp database and store, `[matrix]` pointing at the test
//! Synapse, the password in an environment variable), `platform::matrix::start`, and the
//! scheduler/outbox loop. Each `TestBot` registers its own bot account: every instance of
//! an account syncs all of that account's rooms, so tests sharing one account could not
//! run in parallel without answering each other's commands.

use std::path::PathBuf;
use std::time::Duration;

use colloquy::config::{Autojoin, Config, Matrix};
use colloquy::engine::Engine;
use matrix_sdk::Room;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, UserId};
use serde_json::{Value, json};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::matrix_member::{Member, homeserver};

/// A running (or stopped) bot with its own account, database and store.
pub struct TestBot {
    pub user_id: OwnedUserId,
    pub config: Config,
    pub engine: Engine,
    dir: tempfile::TempDir,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

/// Registers `@name:localhost` with `password` (the test Synapse allows open registration).
pub async fn register(name: &str, password: &str) -> OwnedUserId {
    let url = format!("{}/_matrix/client/v3/register", homeserver());
    let http = reqwest::Client::new();
    let mut body = json!({ "username": name, "password": password, "inhibit_login": true });
    for _ in 0..2 {
        let response = http
            .post(&url)
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("registering {name}: {e}"));
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or_default();
        if status.is_success() {
            return UserId::parse(format!("@{name}:localhost")).expect("a valid user id");
        }
        // The interactive-auth dance: answer the session with the dummy stage.
        let Some(session) = answer["session"].as_str() else {
            panic!("registering {name} failed: {status} {answer}");
        };
        body["auth"] = json!({ "type": "m.login.dummy", "session": session });
    }
    panic!("registering {name}: the homeserver kept asking for authentication")
}

/// Logs `name` in (a new device) and returns the access token.
pub async fn login(name: &str, password: &str) -> String {
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/_matrix/client/v3/login", homeserver()))
        .json(&json!({
            "type": "m.login.password",
            "identifier": { "type": "m.id.user", "user": name },
            "password": password,
            "initial_device_display_name": "colloquy (token test)",
        }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("logging {name} in: {e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("logging {name} in: {e}"));
    answer["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no access token for {name}: {answer}"))
        .to_string()
}

impl TestBot {
    /// Registers a bot account for test `tag`, configures it (`autojoin = facilitators`
    /// with `facilitators` listed, `max_upload_kib`, the password in the environment) and
    /// starts it.
    pub async fn start(tag: &str, facilitators: &[&UserId], max_upload_kib: usize) -> TestBot {
        TestBot::start_with(tag, facilitators, max_upload_kib, false).await
    }

    /// As [`TestBot::start`], with `access_token`: an access token (of a device logged in
    /// beforehand) in the environment instead of the password.
    pub async fn start_with(
        tag: &str,
        facilitators: &[&UserId],
        max_upload_kib: usize,
        access_token: bool,
    ) -> TestBot {
        // The bot's log, shown for failed tests; COLLOQUY_LOG=colloquy=debug for more.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("COLLOQUY_LOG")
                    .unwrap_or_else(|_| "colloquy=info".into()),
            )
            .with_test_writer()
            .try_init();
        let name = format!("cqbot-{tag}-{:08x}", rand::random::<u32>());
        let password = format!("{name}-secret");
        let user_id = register(&name, &password).await;
        let env = format!(
            "COLLOQUY_TEST_MATRIX_SECRET_{}",
            tag.to_uppercase().replace('-', "_")
        );
        let secret = if access_token {
            login(&name, &password).await
        } else {
            password
        };
        // SAFETY (test only): each test sets its own variable, named after its tag.
        unsafe { std::env::set_var(&env, &secret) };
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut config = Config::default();
        config.storage.database = colloquy::store::Location::Sqlite(dir.path().join("colloquy.db"));
        config.limits.max_upload_kib = max_upload_kib;
        config.matrix = Some(Matrix {
            homeserver: homeserver(),
            user: user_id.to_string(),
            password_env: (!access_token).then(|| env.clone()),
            access_token_env: access_token.then_some(env),
            store: dir.path().join("matrix-store"),
            autojoin: Autojoin::Facilitators,
            facilitators: facilitators.iter().map(|f| f.to_string()).collect(),
        });
        let engine = colloquy::boot::from_config(&config)
            .await
            .expect("the engine builds from the test config");
        let (stop, _) = watch::channel(false);
        let mut bot = TestBot {
            user_id,
            config,
            engine,
            dir,
            stop,
            tasks: Vec::new(),
        };
        bot.run().await;
        bot
    }

    async fn run(&mut self) {
        let (stop, stop_rx) = watch::channel(false);
        self.stop = stop;
        let matrix = self.config.matrix.clone().expect("a [matrix] section");
        let adapter =
            colloquy::platform::matrix::start(self.engine.clone(), matrix, stop_rx.clone())
                .await
                .unwrap_or_else(|e| panic!("the Matrix adapter did not start: {e:#}"));
        let scheduler = tokio::spawn(colloquy::engine::scheduler::run(
            self.engine.clone(),
            format!("test-{}", self.user_id),
            stop_rx,
        ));
        self.tasks = vec![adapter, scheduler];
    }

    /// Stops the adapter and the scheduler (as a shutdown does) and closes the database.
    pub async fn stop(&mut self) {
        let _ = self.stop.send(true);
        for task in self.tasks.drain(..) {
            tokio::time::timeout(Duration::from_secs(30), task)
                .await
                .expect("the bot stops within 30 s of being told to")
                .expect("the bot's task ends without panicking");
        }
        self.engine.close().await;
    }

    /// Starts again on the same database and store (a restart of `colloquy run`).
    pub async fn restart(&mut self) {
        self.engine = colloquy::boot::from_config(&self.config)
            .await
            .expect("the engine reopens");
        self.run().await;
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("colloquy.db")
    }

    /// The saved session (`session.json`): user, device and token.
    pub fn session(&self) -> Value {
        let path = self.dir.path().join("matrix-store/session.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&text).expect("session.json is JSON")
    }

    /// The devices of the bot's account, as the homeserver lists them.
    pub async fn devices(&self) -> Vec<String> {
        let token = self.session()["access_token"]
            .as_str()
            .expect("a token in session.json")
            .to_string();
        let answer: Value = reqwest::Client::new()
            .get(format!("{}/_matrix/client/v3/devices", homeserver()))
            .bearer_auth(token)
            .send()
            .await
            .expect("the device list")
            .json()
            .await
            .expect("the device list is JSON");
        answer["devices"]
            .as_array()
            .expect("devices")
            .iter()
            .map(|d| d["device_id"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Rows of the database file (read through a separate, read-only connection).
    pub async fn rows(&self, sql: &str) -> Vec<Vec<Value>> {
        use sqlx::Row;
        let options = SqliteConnectOptions::new()
            .filename(self.db_path())
            .read_only(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .expect("the database file opens");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .fetch_all(&pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let out = rows
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                            v.map(Value::from).unwrap_or(Value::Null)
                        } else {
                            row.try_get::<Option<String>, _>(i)
                                .ok()
                                .flatten()
                                .map(Value::from)
                                .unwrap_or(Value::Null)
                        }
                    })
                    .collect()
            })
            .collect();
        pool.close().await;
        out
    }
}

impl TestBot {
    /// Changes the database file while the bot is stopped (simulating a crash's leftovers).
    pub async fn execute(&self, sql: &str) {
        let options = SqliteConnectOptions::new().filename(self.db_path());
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .expect("the database file opens");
        sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        pool.close().await;
    }

    /// Waits until `sql` returns rows satisfying `done` (re-reading the database file as the
    /// bot works), panicking after `timeout` with the last rows.
    pub async fn wait_for_rows(
        &self,
        sql: &str,
        timeout: Duration,
        done: impl Fn(&[Vec<Value>]) -> bool,
    ) -> Vec<Vec<Value>> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let rows = self.rows(sql).await;
            if done(&rows) {
                return rows;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("timed out after {timeout:?} waiting on {sql}; last rows: {rows:?}");
            }
            // the outbox worker ticks every 500 ms; look a few times per tick
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for TestBot {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Waits (on the member's sync) for an invitation from `from`, returning the room.
pub async fn wait_for_invite(member: &Member, from: &UserId, timeout: Duration) -> OwnedRoomId {
    let (tx, mut rx) = mpsc::unbounded_channel::<(OwnedRoomId, OwnedUserId)>();
    let me = member.user_id.clone();
    let handle = member
        .client
        .add_event_handler(move |ev: StrippedRoomMemberEvent, room: Room| {
            let (tx, me) = (tx.clone(), me.clone());
            async move {
                if ev.state_key == me && ev.content.membership == MembershipState::Invite {
                    let _ = tx.send((room.room_id().to_owned(), ev.sender));
                }
            }
        });
    let mut found = None;
    for room in member.client.invited_rooms() {
        if let Ok(details) = room.invite_details().await
            && details.inviter_id == from
        {
            found = Some(room.room_id().to_owned());
        }
    }
    let found = match found {
        Some(room) => room,
        None => tokio::time::timeout(timeout, async {
            loop {
                match rx.recv().await {
                    Some((room, sender)) if sender == from => return room,
                    Some(_) => continue,
                    None => panic!("the invite handler stopped"),
                }
            }
        })
        .await
        .unwrap_or_else(|_| {
            panic!(
                "{}: no invitation from {from} within {timeout:?}",
                member.user_id
            )
        }),
    };
    member.client.remove_event_handler(handle);
    found
}
