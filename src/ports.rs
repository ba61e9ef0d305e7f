//! The ports the engine talks through: a chat platform ([`ChatPort`]) and a [`Clock`].
//!
//! Adapters implement `ChatPort` by translating [`Outgoing`] posts into their platform's
//! messages; nothing here names Discord or Matrix types.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use thiserror::Error;

use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};

/// The time, injected so that tests and the demo control it.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The machine's clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to (tests, the demo, the console's `/wait`).
#[derive(Clone)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock(Arc::new(Mutex::new(start)))
    }
    pub fn set(&self, t: DateTime<Utc>) {
        if let Ok(mut now) = self.0.lock() {
            *now = t;
        }
    }
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.0.lock() {
            *now += by;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
            .lock()
            .map(|t| *t)
            .unwrap_or_else(|e| *e.into_inner())
    }
}

/// A file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOut {
    pub name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
    /// What the file shows, for people who cannot see it.
    pub description: String,
}

/// An excerpt post: the adapter opens a thread on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcerptPost {
    pub session_id: i64,
    pub title: String,
    pub author: Option<String>,
    pub position: i64,
    pub total: i64,
    pub text: String,
    /// The footnotes the excerpt cites ("[6] These words…"), shown under its text.
    pub notes: Vec<String>,
    pub questions: Vec<String>,
    /// The whole post rendered as Markdown (for platforms without rich embeds).
    pub markdown: String,
    /// A name for the thread (short).
    pub thread_name: String,
}

/// A poll to post with its voting controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollPost {
    pub poll_id: i64,
    pub claim: String,
    pub options: Vec<String>,
    pub closes_at: DateTime<Utc>,
    /// The deadline as the group reads it ("Tue 3 Mar, 18:00 Europe/London").
    pub closes_local: String,
    pub anonymous: bool,
    pub hidden: bool,
    pub phase: Option<crate::domain::poll::Phase>,
    /// Use the platform's native poll where it has one.
    pub native: bool,
    pub markdown: String,
    /// The group's language, for the platform's own words around the post.
    pub locale: crate::i18n::Locale,
}

/// A closed poll's results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsPost {
    pub poll_id: i64,
    /// The poll's own message, to end a native poll or disable its buttons.
    pub poll_message_id: Option<String>,
    pub native: bool,
    /// Whether the poll was anonymous (its votes were cast in direct messages).
    pub anonymous: bool,
    pub markdown: String,
    pub chart: Option<FileOut>,
    /// The group's language, for the platform's own words around the post.
    pub locale: crate::i18n::Locale,
}

/// A post that opens a thread of its own (a breakout room): the adapter opens the thread
/// on it and reports the thread's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadPost {
    /// A short name for the thread.
    pub name: String,
    pub markdown: String,
}

/// A live session's agenda. Members raise a hand from it where the platform can: Discord
/// puts Raise / Lower hand buttons on it, Matrix takes a ✋ reaction on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaPost {
    pub session_id: i64,
    pub markdown: String,
}

/// What to post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Excerpt(ExcerptPost),
    Poll(PollPost),
    PollResults(ResultsPost),
    /// A post that opens a thread (a breakout room).
    Thread(ThreadPost),
    /// A live session's agenda, with a way to raise a hand from it.
    Agenda(AgendaPost),
    /// Markdown text, already split to fit the platform, with optional files on the first part.
    Text {
        markdown: String,
        files: Vec<FileOut>,
    },
}

/// A post the engine owes, ready for an adapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub channel: ChannelKey,
    /// Post inside this thread (Discord: the thread's channel id; Matrix: the root event).
    pub thread: Option<String>,
    /// Stable across retries: adapters pass it to the platform (Discord nonce, Matrix
    /// transaction id) so a send that succeeded before a crash is not repeated.
    pub key: String,
    pub content: Content,
    /// The group's language, for the adapter's own words around the post.
    pub locale: crate::i18n::Locale,
}

/// Where a post went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    pub message_id: String,
    /// The thread opened on it, when one was.
    pub thread_id: Option<String>,
}

/// Why a send failed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PortError {
    /// Worth retrying: a 5xx, a timeout, the platform unreachable.
    #[error("temporary failure: {0}")]
    Transient(String),
    /// Retrying will not help: missing permissions, an unknown channel.
    #[error("{0}")]
    Permanent(String),
}

/// A chat platform, as the engine sees it.
#[async_trait]
pub trait ChatPort: Send + Sync {
    fn platform(&self) -> Platform;

    /// The longest text one message may carry.
    fn max_message_chars(&self) -> usize;

    /// Post something; must be idempotent for the same `Outgoing::key`.
    async fn deliver(&self, post: &Outgoing) -> Result<Delivered, PortError>;

    /// The member's role in a channel, for commands given elsewhere (a direct message).
    async fn role_in(&self, channel: &ChannelKey, member: &MemberKey) -> Result<Role, PortError>;

    /// Send a member something privately (their data export, an anonymous vote receipt).
    async fn send_private(
        &self,
        member: &MemberKey,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<(), PortError>;

    /// A link that opens a recorded message on the platform (Discord's jump URL, Matrix's
    /// permalink), for summaries that quote it. `channel` is the group's channel or room,
    /// `thread` the thread the message was posted in, if any. `None`: the platform has no
    /// such links (the console).
    async fn message_link(
        &self,
        _channel: &ChannelKey,
        _thread: Option<&str>,
        _message_id: &str,
    ) -> Result<Option<String>, PortError> {
        Ok(None)
    }
}
