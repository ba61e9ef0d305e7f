//! The console: an in-memory chat for `colloquy demo`, `colloquy console` and tests.
//! Posts print as a chat log; people type as members and use the same `!cq` verbs as
//! on Matrix, against the same engine and database.
//!
//! Languages: everything the bot says (its answers, posts, refusals, the notes it makes
//! about a vote it removed or a file it attached) is in the group's language, as on every
//! platform. The console's own operator tooling stays English on purpose: the `/help`
//! text, the `/as`, `/wait`, `/thread`, `/attach`, `/voice` confirmations, usage hints
//! (`⚠ /reply ID TEXT`), the narration of what a simulated member does ("ana → colloquy,
//! in a direct message", "joins the voice channel") and the "(delivery failed …)" and
//! "(the schedule failed …)" lines. The person at the keyboard running a demo or a test
//! reads those; no group member ever sees them, as the console is no chat platform
//! members use.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::i18n::Locale;
use crate::ports::{ChatPort, Clock, Content, Delivered, FileOut, Outgoing, PortError};
use crate::t;

/// Where the chat log goes.
pub type Sink = Arc<Mutex<dyn Write + Send>>;

/// The folder beside a database where the console saves attached files (charts, exports):
/// `<folder of the database>/<database name without extension>-files`, e.g. `day.db` gives
/// `day-files/`. Charts in it are named by group and poll, so no two polls or groups, and no
/// two databases in one folder, share a file.
pub fn files_dir_beside(db: &std::path::Path) -> std::path::PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "colloquy".into());
    let name = format!("{stem}-files");
    match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(name),
        _ => std::path::PathBuf::from(name),
    }
}

/// The console as a chat platform.
pub struct ConsolePort {
    sink: Sink,
    clock: Arc<dyn Clock>,
    tz: Tz,
    next_id: AtomicU64,
    /// Folder where attached files (charts, exports) are saved, if any.
    files_dir: Option<std::path::PathBuf>,
    /// Posts delivered so far (key -> delivery), so a repeated key is not posted twice.
    delivered: Mutex<std::collections::HashMap<String, Delivered>>,
    /// The language of the console's group, for the console's own notices.
    locale: Mutex<Locale>,
}

impl ConsolePort {
    pub fn new(
        sink: Sink,
        clock: Arc<dyn Clock>,
        tz: Tz,
        files_dir: Option<std::path::PathBuf>,
    ) -> ConsolePort {
        ConsolePort {
            sink,
            clock,
            tz,
            next_id: AtomicU64::new(1),
            files_dir,
            delivered: Mutex::new(Default::default()),
            locale: Mutex::new(Locale::En),
        }
    }

    /// The language of the console's own notices (the group's, once it has one).
    pub fn locale(&self) -> Locale {
        self.locale.lock().map(|l| *l).unwrap_or_default()
    }

    /// Speak `locale` in the console's own notices from now on.
    pub fn set_locale(&self, locale: Locale) {
        if let Ok(mut l) = self.locale.lock() {
            *l = locale;
        }
    }

    /// A fresh message id (`m1`, `m2`, …), shared by the bot's posts and typed messages.
    pub fn next_message_id(&self) -> String {
        format!("m{}", self.next_id.fetch_add(1, Ordering::Relaxed))
    }

    /// Start numbering after what the database already holds (a console reopened).
    pub fn continue_after(&self, n: u64) {
        self.next_id.fetch_max(n + 1, Ordering::Relaxed);
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.tz).format("%H:%M").to_string()
    }

    /// Print a line of the chat log.
    pub fn print(&self, line: &str) {
        if let Ok(mut out) = self.sink.lock() {
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
    }

    /// Print a member's message as it appears in the log.
    pub fn print_message(&self, id: &str, who: &str, text: &str, in_thread: bool) {
        let indent = if in_thread { "    │ " } else { "" };
        let mut lines = text.lines();
        let first = lines.next().unwrap_or("");
        self.print(&format!(
            "{indent}[{}] {who} ({id}): {first}",
            self.time(self.clock.now())
        ));
        for line in lines {
            self.print(&format!("{indent}    {line}"));
        }
    }

    fn save_files(&self, files: &[FileOut], indent: &str, loc: Locale) {
        for f in files {
            let line = match &self.files_dir {
                Some(dir) => {
                    let path = dir.join(&f.name);
                    match std::fs::create_dir_all(dir)
                        .and_then(|()| std::fs::write(&path, &f.bytes))
                    {
                        Ok(()) => t!(
                            loc,
                            "console-file-saved",
                            name = f.name.as_str(),
                            path = path.display().to_string(),
                            description = f.description.as_str()
                        ),
                        Err(e) => t!(
                            loc,
                            "console-file-not-saved",
                            name = f.name.as_str(),
                            path = path.display().to_string(),
                            error = e.to_string()
                        ),
                    }
                }
                None => t!(
                    loc,
                    "console-file",
                    name = f.name.as_str(),
                    bytes = f.bytes.len(),
                    description = f.description.as_str()
                ),
            };
            self.print(&format!("{indent}{line}"));
        }
    }

    fn print_block(&self, header: &str, markdown: &str, indent: &str) {
        self.print(&format!("{indent}{header}"));
        for line in markdown.lines() {
            self.print(&format!("{indent}  {line}"));
        }
    }
}

#[async_trait]
impl ChatPort for ConsolePort {
    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn max_message_chars(&self) -> usize {
        8_000
    }

    async fn deliver(&self, post: &Outgoing) -> Result<Delivered, PortError> {
        if let Some(done) = self
            .delivered
            .lock()
            .ok()
            .and_then(|d| d.get(&post.key).cloned())
        {
            return Ok(done);
        }
        let id = self.next_message_id();
        let stamp = self.time(self.clock.now());
        let indent = if post.thread.is_some() {
            "    │ "
        } else {
            ""
        };
        let delivered = match &post.content {
            Content::Excerpt(e) => {
                self.print("");
                self.print_block(&format!("[{stamp}] colloquy ({id}):"), &e.markdown, indent);
                let thread = format!("t{}", id.trim_start_matches('m'));
                self.print(&format!(
                    "    ┌ {}",
                    t!(
                        post.locale,
                        "console-thread-opened",
                        name = e.thread_name.as_str()
                    )
                ));
                Delivered {
                    message_id: id,
                    thread_id: Some(thread),
                }
            }
            Content::Poll(p) => {
                self.print("");
                let how = if p.anonymous {
                    t!(post.locale, "console-poll-how-anonymous", id = p.poll_id)
                } else {
                    t!(post.locale, "console-poll-how", id = p.poll_id)
                };
                self.print_block(
                    &format!("[{stamp}] colloquy ({id}):"),
                    &format!("{}\n{how}", p.markdown),
                    indent,
                );
                Delivered {
                    message_id: id,
                    thread_id: None,
                }
            }
            Content::PollResults(r) => {
                self.print("");
                self.print_block(&format!("[{stamp}] colloquy ({id}):"), &r.markdown, indent);
                if let Some(chart) = &r.chart {
                    self.save_files(std::slice::from_ref(chart), indent, post.locale);
                }
                Delivered {
                    message_id: id,
                    thread_id: None,
                }
            }
            Content::Thread(t) => {
                self.print("");
                self.print_block(&format!("[{stamp}] colloquy ({id}):"), &t.markdown, indent);
                let thread = format!("t{}", id.trim_start_matches('m'));
                self.print(&format!(
                    "    ┌ {}",
                    t!(
                        post.locale,
                        "console-thread-opened-in",
                        name = t.name.as_str(),
                        thread = thread.as_str()
                    )
                ));
                Delivered {
                    message_id: id,
                    thread_id: Some(thread),
                }
            }
            Content::Agenda(a) => {
                self.print("");
                self.print_block(&format!("[{stamp}] colloquy ({id}):"), &a.markdown, indent);
                Delivered {
                    message_id: id,
                    thread_id: None,
                }
            }
            Content::Text { markdown, files } => {
                self.print("");
                self.print_block(&format!("[{stamp}] colloquy ({id}):"), markdown, indent);
                self.save_files(files, indent, post.locale);
                Delivered {
                    message_id: id,
                    thread_id: None,
                }
            }
        };
        if let Ok(mut d) = self.delivered.lock() {
            d.insert(post.key.clone(), delivered.clone());
        }
        Ok(delivered)
    }

    async fn role_in(&self, _channel: &ChannelKey, _member: &MemberKey) -> Result<Role, PortError> {
        Ok(Role::Member)
    }

    async fn send_private(
        &self,
        member: &MemberKey,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<(), PortError> {
        let loc = self.locale();
        self.print_block(
            &t!(loc, "console-privately-to", name = member.id.as_str()),
            markdown,
            "",
        );
        self.save_files(files, "", loc);
        Ok(())
    }
}

/// A console conversation: who is speaking, where, and what they typed.
pub struct ConsoleChat {
    pub engine: crate::engine::Engine,
    pub port: Arc<ConsolePort>,
    pub channel: ChannelKey,
    speaker: String,
    role: Role,
    /// Each speaker's role, kept across `/as` until changed with a flag.
    roles: std::collections::HashMap<String, Role>,
    /// Post plain messages in the latest excerpt's thread (true) or the channel.
    in_thread: bool,
    /// The thread the log last said messages go to, so a new one is announced once.
    announced: Mutex<Option<String>>,
    attachment: Option<crate::engine::Upload>,
}

/// What the console understands besides `!cq` commands and plain messages.
pub const CONSOLE_HELP: &str = "\
Type a message to post it as the current speaker, or a command:
  !cq VERB …             a colloquy command in the channel (!cq help lists them)
  /dm !cq VERB …         the same, in a direct message with the bot (anonymous votes go here)
  /as NAME [--facilitator | --member]
                         speak as NAME; a new name is a member, and each name keeps its
                         role until you give a flag (\"you\" starts as a facilitator)
  /thread | /channel     post in the latest excerpt's thread (the default), or in the channel
  /in THREAD TEXT        post in another thread (a breakout's, e.g. /in t12 our report)
  /voice join | leave    join or leave the group's voice channel (attendance)
  /reply ID TEXT         reply to message ID
  /edit ID TEXT          edit your message ID
  /delete ID             delete message ID
  /attach FILE           attach a file to your next command (reading import)
  /wait 30m              let time pass (m, h or d), running the schedule
  /quit";

/// Where plain messages go: the latest excerpt's thread, and how to name it.
struct Place {
    thread: String,
    label: String,
}

impl ConsoleChat {
    pub fn new(
        engine: crate::engine::Engine,
        port: Arc<ConsolePort>,
        channel: ChannelKey,
    ) -> ConsoleChat {
        ConsoleChat {
            engine,
            port,
            channel,
            speaker: "you".into(),
            role: Role::Facilitator,
            roles: [("you".to_string(), Role::Facilitator)]
                .into_iter()
                .collect(),
            in_thread: true,
            announced: Mutex::new(None),
            attachment: None,
        }
    }

    /// Attach a file to the next command.
    pub fn set_attachment(&mut self, upload: crate::engine::Upload) {
        self.attachment = Some(upload);
    }

    /// Speak as `name` with `role` (which `name` keeps until changed).
    pub fn speak_as(&mut self, name: &str, role: Role) {
        self.speaker = name.to_string();
        self.role = role;
        self.roles.insert(name.to_string(), role);
    }

    /// The role `name` has had here (a new name is a member).
    pub fn role_of(&self, name: &str) -> Role {
        self.roles.get(name).copied().unwrap_or(Role::Member)
    }

    fn member(&self, name: &str) -> MemberKey {
        MemberKey::new(Platform::Console, name.to_lowercase().replace(' ', "-"))
    }

    /// Deliver everything the outbox holds (posts appear in the log).
    pub async fn settle(&self) {
        self.port
            .set_locale(self.engine.locale_of(&self.channel).await);
        for _ in 0..20 {
            match crate::engine::delivery::deliver_due(&self.engine, "console").await {
                Ok(r) if r.sent + r.retried + r.failed == 0 => break,
                Ok(_) => {}
                Err(e) => {
                    self.port.print(&format!("(delivery failed: {e})"));
                    break;
                }
            }
        }
    }

    /// Run the schedule once and deliver what it queued.
    pub async fn tick(&self) {
        if let Err(e) = crate::engine::scheduler::run_due(&self.engine).await {
            self.port.print(&format!("(the schedule failed: {e})"));
        }
        self.settle().await;
    }

    /// The latest excerpt's thread, if there is one.
    pub async fn current_thread(&self) -> Option<String> {
        self.current_place().await.map(|p| p.thread)
    }

    async fn current_place(&self) -> Option<Place> {
        let (session, excerpt) = match self.engine.current_excerpt(&self.channel).await {
            Ok(found) => found?,
            Err(e) => {
                tracing::warn!(error = %e, "cannot find the current excerpt's thread");
                return None;
            }
        };
        let thread = session.thread_id?;
        let loc = self.engine.locale_of(&self.channel).await;
        let label = match excerpt {
            Some((e, Some(reading))) => t!(
                loc,
                "console-place-excerpt-of",
                seq = e.seq,
                title = reading.title.as_str()
            ),
            Some((e, None)) => t!(loc, "console-place-excerpt", seq = e.seq),
            None => t!(loc, "session-number", id = session.id),
        };
        Some(Place { thread, label })
    }

    /// Say where plain messages go, once per thread: after a restart, and whenever a new
    /// excerpt's thread takes over.
    pub async fn announce_place(&self) {
        if !self.in_thread {
            return;
        }
        let Some(place) = self.current_place().await else {
            return;
        };
        let loc = self.engine.locale_of(&self.channel).await;
        let Ok(mut announced) = self.announced.lock() else {
            return;
        };
        if announced.as_deref() != Some(place.thread.as_str()) {
            self.port.print(&format!(
                "  {}",
                t!(loc, "console-thread-now", place = place.label.as_str())
            ));
            *announced = Some(place.thread);
        }
    }

    /// Post a message as `who` in the thread `thread` (a breakout's); returns its id.
    pub async fn say_in(&self, who: &str, thread: &str, text: &str) -> String {
        let id = self.port.next_message_id();
        self.port.print_message(&id, who, text, true);
        let msg = crate::engine::IncomingMessage {
            platform: Platform::Console,
            channel_id: thread.to_string(),
            thread_root: None,
            reply_to: None,
            message_id: id.clone(),
            author: self.member(who),
            author_name: who.to_string(),
            text: text.to_string(),
            at: self.engine.now(),
        };
        if let Err(e) = self.engine.on_message(msg).await {
            self.port.print(&format!("(not recorded: {e})"));
        }
        id
    }

    /// Post a message as `who` in the channel itself (a live session's main thread).
    pub async fn say_channel(&self, who: &str, text: &str) -> String {
        let id = self.port.next_message_id();
        self.port.print_message(&id, who, text, false);
        let msg = crate::engine::IncomingMessage {
            platform: Platform::Console,
            channel_id: self.channel.id.clone(),
            thread_root: None,
            reply_to: None,
            message_id: id.clone(),
            author: self.member(who),
            author_name: who.to_string(),
            text: text.to_string(),
            at: self.engine.now(),
        };
        if let Err(e) = self.engine.on_message(msg).await {
            self.port.print(&format!("(not recorded: {e})"));
        }
        id
    }

    /// `who` joins (or leaves) the group's voice channel, as a voice-state event would say.
    pub async fn voice(&self, who: &str, joined: bool) {
        self.port.print(&format!(
            "[{}] ({who} {} the voice channel)",
            self.stamp(),
            if joined { "joins" } else { "leaves" }
        ));
        if let Err(e) = self
            .engine
            .on_presence(&self.channel, &self.member(who), who, joined)
            .await
        {
            self.port.print(&format!("  ⚠ {e}"));
        }
    }

    /// Post a message as `who`; returns its id.
    pub async fn say(&self, who: &str, text: &str, reply_to: Option<&str>) -> String {
        if self.in_thread {
            self.announce_place().await;
        }
        let id = self.port.next_message_id();
        let thread = if self.in_thread {
            self.current_thread().await
        } else {
            None
        };
        self.port.print_message(&id, who, text, thread.is_some());
        let msg = crate::engine::IncomingMessage {
            platform: Platform::Console,
            channel_id: thread.clone().unwrap_or_else(|| self.channel.id.clone()),
            thread_root: None,
            reply_to: reply_to.map(str::to_string),
            message_id: id.clone(),
            author: self.member(who),
            author_name: who.to_string(),
            text: text.to_string(),
            at: self.engine.now(),
        };
        if let Err(e) = self.engine.on_message(msg).await {
            self.port.print(&format!("(not recorded: {e})"));
        }
        id
    }

    fn stamp(&self) -> String {
        self.engine
            .now()
            .with_timezone(&self.port.tz)
            .format("%H:%M")
            .to_string()
    }

    /// Run a command line (without `!cq`) as `who` with `role`, typed in the channel.
    /// An anonymous poll's vote typed here is refused and taken out of the log, as on
    /// Matrix: it belongs in a direct message (`/dm`).
    pub async fn command(&mut self, who: &str, role: Role, line: &str) {
        let parsed = crate::domain::command::parse(line);
        if let Ok(command) = &parsed {
            match self.engine.public_vote_refusal(command).await {
                Ok(Some(refusal)) => {
                    let loc = self.engine.locale_of(&self.channel).await;
                    self.port.print(&format!(
                        "[{}] {who}: !cq vote … {}",
                        self.stamp(),
                        t!(loc, "console-vote-removed")
                    ));
                    self.port.print(&format!(
                        "  ⚠ {refusal} {}",
                        t!(loc, "console-vote-dm-hint")
                    ));
                    return;
                }
                Ok(None) => {}
                Err(e) => {
                    let loc = self.engine.locale_of(&self.channel).await;
                    self.port.print(&format!("  ⚠ {}", e.message(loc)));
                    return;
                }
            }
        }
        self.port
            .print(&format!("[{}] {who}: !cq {line}", self.stamp()));
        self.run(who, role, parsed, self.channel.clone()).await;
    }

    /// Run a command line (without `!cq`) as `who`, sent to the bot in a direct message:
    /// the log shows only its verb, and the answer is private.
    pub async fn direct(&mut self, who: &str, role: Role, line: &str) {
        let parsed = crate::domain::command::parse(line);
        let verb = parsed.as_ref().map(|c| c.verb()).unwrap_or("…");
        self.port.print(&format!(
            "[{}] {who} → colloquy, in a direct message: !cq {verb} …",
            self.stamp()
        ));
        let dm = ChannelKey::new(Platform::Console, format!("dm-{}", self.member(who).id));
        self.run(who, role, parsed, dm).await;
    }

    async fn run(
        &mut self,
        who: &str,
        role: Role,
        parsed: Result<crate::domain::command::Command, crate::domain::command::ParseError>,
        channel: ChannelKey,
    ) {
        let command = match parsed {
            Ok(c) => c,
            Err(e) => {
                let refusal = self
                    .engine
                    .parse_refusal_for(&channel, &self.member(who), e)
                    .await;
                self.port.print(&format!("  ⚠ {refusal}"));
                return;
            }
        };
        let private_place = channel != self.channel;
        let invocation = crate::engine::Invocation {
            channel,
            caller: crate::engine::Caller {
                key: self.member(who),
                name: who.to_string(),
                role,
                locale: None,
            },
            command,
            attachment: self.attachment.take(),
        };
        let result = self.engine.execute(invocation).await;
        self.port
            .set_locale(self.engine.locale_of(&self.channel).await);
        match result {
            Ok(reply) => {
                let head = if reply.private || private_place {
                    let loc = self.engine.locale_of(&self.channel).await;
                    format!("  {}", t!(loc, "console-privately-to", name = who))
                } else {
                    "  colloquy:".to_string()
                };
                self.port.print_block(&head, &reply.text, "");
                self.port.save_files(&reply.files, "  ", self.port.locale());
            }
            Err(e) => self.port.print(&format!("  ⚠ {e}")),
        }
        self.settle().await;
    }

    /// `/as NAME [--facilitator | --member]`.
    fn switch_speaker(&mut self, rest: &str) {
        let mut words: Vec<&str> = rest.split_whitespace().collect();
        let mut role = None;
        words.retain(|w| match *w {
            "--facilitator" => {
                role = Some(Role::Facilitator);
                false
            }
            "--member" => {
                role = Some(Role::Member);
                false
            }
            _ => true,
        });
        if let Some(flag) = words.iter().find(|w| w.starts_with("--")) {
            self.port.print(&format!(
                "  ⚠ /as takes --facilitator or --member, not {flag}"
            ));
            return;
        }
        let name = words.join(" ");
        if name.is_empty() {
            self.port.print("  ⚠ /as needs a name");
            return;
        }
        let role = role.unwrap_or_else(|| self.role_of(&name));
        self.speak_as(&name, role);
        self.port.print(&format!(
            "  (you are now {name}, a {}{})",
            role.as_str(),
            if role == Role::Facilitator {
                "; `/as NAME --member` makes them a member"
            } else {
                ""
            }
        ));
    }

    /// Handle one typed line; false means quit.
    pub async fn handle_line(&mut self, line: &str, clock: Option<&OffsetClock>) -> bool {
        let line = line.trim();
        if line.is_empty() {
            return true;
        }
        if let Some(rest) = line.strip_prefix("!cq") {
            let (who, role) = (self.speaker.clone(), self.role);
            self.command(&who, role, rest.trim()).await;
            return true;
        }
        let (word, rest) = line
            .split_once(' ')
            .map(|(a, b)| (a, b.trim()))
            .unwrap_or((line, ""));
        match word {
            "/quit" | "/exit" => return false,
            "/help" => self.port.print(CONSOLE_HELP),
            "/as" => self.switch_speaker(rest),
            "/dm" => {
                let text = rest.strip_prefix("!cq").unwrap_or(rest).trim();
                if text.is_empty() {
                    self.port
                        .print("  ⚠ /dm needs a command, e.g. /dm !cq vote 3 agree");
                } else {
                    let (who, role) = (self.speaker.clone(), self.role);
                    self.direct(&who, role, text).await;
                }
            }
            "/thread" => {
                self.in_thread = true;
                let loc = self.engine.locale_of(&self.channel).await;
                match self.current_place().await {
                    Some(place) => {
                        self.port.print(&format!(
                            "  {}",
                            t!(
                                loc,
                                "console-posting-in-thread",
                                place = place.label.as_str()
                            )
                        ));
                        if let Ok(mut a) = self.announced.lock() {
                            *a = Some(place.thread);
                        }
                    }
                    None => self
                        .port
                        .print(&format!("  {}", t!(loc, "console-posting-no-thread"))),
                }
            }
            "/channel" => {
                self.in_thread = false;
                if let Ok(mut a) = self.announced.lock() {
                    *a = None;
                }
                let loc = self.engine.locale_of(&self.channel).await;
                self.port
                    .print(&format!("  {}", t!(loc, "console-posting-in-channel")));
            }
            "/in" => match rest.split_once(' ') {
                Some((thread, text)) => {
                    let who = self.speaker.clone();
                    self.say_in(&who, thread, text).await;
                }
                None => self.port.print("  ⚠ /in THREAD TEXT"),
            },
            "/voice" => match rest {
                "join" | "on" => {
                    let who = self.speaker.clone();
                    self.voice(&who, true).await;
                }
                "leave" | "off" => {
                    let who = self.speaker.clone();
                    self.voice(&who, false).await;
                }
                _ => self.port.print("  ⚠ /voice join or /voice leave"),
            },
            "/reply" => match rest.split_once(' ') {
                Some((id, text)) => {
                    let who = self.speaker.clone();
                    self.say(&who, text, Some(id)).await;
                }
                None => self.port.print("  ⚠ /reply ID TEXT"),
            },
            "/edit" => match rest.split_once(' ') {
                Some((id, text)) => {
                    let edit = crate::engine::MessageEdit {
                        platform: Platform::Console,
                        message_id: id.to_string(),
                        author: None,
                        text: text.to_string(),
                        at: self.engine.now(),
                    };
                    match self.engine.on_edit(edit).await {
                        Ok(crate::engine::MessageOutcome::Updated) => {
                            self.port.print(&format!("  ({id} edited: {text})"))
                        }
                        Ok(_) => self
                            .port
                            .print(&format!("  ⚠ {id} is not a recorded reply")),
                        Err(e) => self.port.print(&format!("  ⚠ {e}")),
                    }
                }
                None => self.port.print("  ⚠ /edit ID TEXT"),
            },
            "/delete" => {
                let del = crate::engine::MessageDelete {
                    platform: Platform::Console,
                    message_id: rest.to_string(),
                    at: self.engine.now(),
                };
                match self.engine.on_delete(del).await {
                    Ok(crate::engine::MessageOutcome::Updated) => {
                        self.port.print(&format!("  ({rest} deleted)"))
                    }
                    Ok(_) => self
                        .port
                        .print(&format!("  ⚠ {rest} is not a recorded reply")),
                    Err(e) => self.port.print(&format!("  ⚠ {e}")),
                }
            }
            "/attach" => match std::fs::read(rest) {
                Ok(bytes) => {
                    let name = std::path::Path::new(rest)
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                        .unwrap_or_else(|| rest.to_string());
                    self.port.print(&format!(
                        "  (attached {name}, {} bytes, to your next command)",
                        bytes.len()
                    ));
                    self.attachment = Some(crate::engine::Upload { name, bytes });
                }
                Err(e) => self.port.print(&format!("  ⚠ cannot read {rest}: {e}")),
            },
            "/wait" => match (parse_wait(rest), clock) {
                (Some(d), Some(clock)) => {
                    clock.advance(d);
                    self.port.print(&format!(
                        "  (time passes: it is now {})",
                        self.engine
                            .now()
                            .with_timezone(&self.port.tz)
                            .format("%a %H:%M")
                    ));
                    self.tick().await;
                }
                (None, _) => self
                    .port
                    .print("  ⚠ /wait takes a duration such as 30m, 2h or 1d"),
                (_, None) => self.port.print("  ⚠ time cannot be moved here"),
            },
            _ if word.starts_with('/') => self.port.print(&format!(
                "  ⚠ unknown {word}; /help lists what the console understands"
            )),
            _ => {
                let who = self.speaker.clone();
                self.say(&who, line, None).await;
            }
        }
        true
    }
}

/// "30m", "2h", "1d" (at most 60 days).
pub fn parse_wait(s: &str) -> Option<chrono::Duration> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.len().checked_sub(1)?);
    let n: i64 = n.parse().ok().filter(|n| *n > 0)?;
    let d = match unit {
        "m" => chrono::Duration::minutes(n),
        "h" => chrono::Duration::hours(n),
        "d" => chrono::Duration::days(n),
        _ => return None,
    };
    (d <= chrono::Duration::days(60)).then_some(d)
}

/// The machine's clock plus an offset that `/wait` moves forward.
#[derive(Clone, Default)]
pub struct OffsetClock(Arc<Mutex<chrono::Duration>>);

impl OffsetClock {
    pub fn advance(&self, by: chrono::Duration) {
        if let Ok(mut o) = self.0.lock() {
            *o += by;
        }
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.0.lock().map(|o| *o).unwrap_or_default()
    }
}
