//! The engine: events in, actions out. It owns the use cases (import, post, record,
//! poll, summarize, export, privacy) and talks only to the store and to ports.
//!
//! Adapters call [`Engine::execute`] for a command, [`Engine::on_message`] and friends for
//! chat events, and [`Engine::vote`] for votes. What the bot must post is written to the
//! outbox in the same transaction as the change that causes it; [`crate::engine::delivery`]
//! delivers it through the platform's [`ChatPort`].

pub mod archive;
pub mod delivery;
pub(crate) mod export;
mod groups;
pub mod leases;
pub mod live;
mod lookups;
mod opinion;
mod polls;
mod posts;
mod privacy;
mod readings;
mod record;
pub mod scheduler;
mod sessions;
mod setup;
mod summaries;

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::anon::VoterSecret;
use crate::domain::command::{Command, ParseError, Role};
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::domain::import::ImportError;
use crate::domain::poll::PollError;
use crate::domain::schedule::ScheduleError;
use crate::i18n::Locale;
use crate::llm::LlmClient;
use crate::ports::{ChatPort, Clock, FileOut};
use crate::render::{PromptError, Prompts};
use crate::store::{Group, Store, StoreError};
use crate::t;

pub use groups::{GroupLookup, channel_for};
pub use lookups::{
    AdapterState, Choice as AutocompleteChoice, ChoiceKind, ExcerptDetail, StateError,
};
pub use opinion::{MapClaim, MapView, QueuedClaim, ReportView};
pub use polls::{Choice, PollRef, PollResultView, VoteEvent, VoteReceipt};
pub use posts::OutboxPayload;
pub use readings::{ImportReport, ImportTarget, LONG_READING_EXCERPTS, length_notice};
pub use record::{IncomingMessage, MessageDelete, MessageEdit, MessageOutcome};
pub use sessions::StartOutcome;
pub use summaries::{SummaryOutcome, SummaryView, week_bounds as summaries_week_bounds, week_of};

/// Who runs a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub key: MemberKey,
    pub name: String,
    /// Their role in the channel the command came from (the adapter knows).
    pub role: Role,
    /// The language their platform says they use (Discord's user locale), when colloquy
    /// speaks it; see [`Engine::locale_for`].
    pub locale: Option<Locale>,
}

/// A file a member attached (already downloaded, within the size limit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A command from a channel, room or the console.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub channel: ChannelKey,
    pub caller: Caller,
    pub command: Command,
    pub attachment: Option<Upload>,
}

/// The answer to the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    /// Markdown.
    pub text: String,
    pub files: Vec<FileOut>,
    /// Meant for the caller (Discord: ephemeral). Where a platform has no ephemeral
    /// messages, a plain answer in the channel is fine unless `confidential` is set.
    pub private: bool,
    /// Must reach the caller alone (their data, an export, a secret vote): Matrix sends
    /// it in a direct room.
    pub confidential: bool,
}

impl Reply {
    pub fn public(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            files: Vec::new(),
            private: false,
            confidential: false,
        }
    }
    pub fn private(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            files: Vec::new(),
            private: true,
            confidential: false,
        }
    }

    /// For the caller alone, on every platform.
    pub fn confidential(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            files: Vec::new(),
            private: true,
            confidential: true,
        }
    }
}

/// A command that could not be done, with what to do about it. The message is for users:
/// [`CommandError::message`] writes it in a locale, `Display` in English (for logs and
/// English groups); [`Engine::execute`] returns it already in the group's language.
#[derive(Debug)]
pub enum CommandError {
    Parse(ParseError),
    NotSetUp,
    FacilitatorOnly(&'static str),
    MembersOnly(&'static str),
    Poll(PollError),
    Schedule(ScheduleError),
    Import(ImportError),
    /// A user-facing explanation, already in the group's language.
    Invalid(String),
    /// A failure of ours; the text is for the log, never shown.
    Internal(String),
    /// An error put in a group's language other than English (see [`Engine::execute`]).
    Localized {
        text: String,
        cause: Box<CommandError>,
    },
}

impl CommandError {
    /// The message for users, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CommandError::Parse(e) => e.message(locale),
            CommandError::NotSetUp => t!(locale, "error-not-set-up"),
            CommandError::FacilitatorOnly(verb) => {
                t!(locale, "error-facilitator-only", verb = *verb)
            }
            CommandError::MembersOnly(verb) => t!(locale, "error-members-only", verb = *verb),
            CommandError::Poll(e) => e.message(locale),
            CommandError::Schedule(e) => e.message(locale),
            CommandError::Import(e) => t!(locale, "error-import", reason = e.message(locale)),
            CommandError::Invalid(text) => text.clone(),
            CommandError::Internal(_) => t!(locale, "error-internal"),
            CommandError::Localized { text, .. } => text.clone(),
        }
    }

    /// The same error, shown in `locale` (English errors stay as they are).
    pub fn in_locale(self, locale: Locale) -> CommandError {
        match self {
            CommandError::Localized { .. } | CommandError::Invalid(_) => self,
            _ if locale == Locale::En => self,
            other => CommandError::Localized {
                text: other.message(locale),
                cause: Box::new(other),
            },
        }
    }

    /// The error under a translation.
    pub fn cause(&self) -> &CommandError {
        match self {
            CommandError::Localized { cause, .. } => cause,
            other => other,
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for CommandError {}

impl From<ParseError> for CommandError {
    fn from(e: ParseError) -> Self {
        CommandError::Parse(e)
    }
}

impl From<PollError> for CommandError {
    fn from(e: PollError) -> Self {
        CommandError::Poll(e)
    }
}

impl From<ScheduleError> for CommandError {
    fn from(e: ScheduleError) -> Self {
        CommandError::Schedule(e)
    }
}

impl From<ImportError> for CommandError {
    fn from(e: ImportError) -> Self {
        CommandError::Import(e)
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        tracing::error!(error = %e, "store error");
        CommandError::Internal(e.to_string())
    }
}

impl From<PromptError> for CommandError {
    fn from(e: PromptError) -> Self {
        tracing::error!(error = %e, "template error");
        CommandError::Internal(e.to_string())
    }
}

impl CommandError {
    pub fn invalid(msg: impl Into<String>) -> CommandError {
        CommandError::Invalid(msg.into())
    }
}

/// Settings the engine needs from the configuration.
#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// The largest file `reading import` accepts from a chat.
    pub max_upload_bytes: usize,
    /// Delete replies older than this many days (None: keep them).
    pub retention_days: Option<u32>,
    /// Publish each group's archive here after each session (`[archive]`).
    pub archive: Option<archive::ArchiveSettings>,
    /// How long a process's leases (shards, a Matrix account) last unless renewed.
    pub lease_ttl: std::time::Duration,
    /// How long a process holds an outbox row it claimed before another may send it.
    pub outbox_claim: chrono::Duration,
}

impl Default for EngineSettings {
    fn default() -> Self {
        EngineSettings {
            max_upload_bytes: crate::domain::import::MAX_READING_BYTES,
            retention_days: None,
            archive: None,
            lease_ttl: leases::LEASE_TTL,
            outbox_claim: delivery::CLAIM,
        }
    }
}

/// The engine. Cheap to clone; clones share everything.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    clock: Arc<dyn Clock>,
    prompts: Prompts,
    secret: VoterSecret,
    settings: EngineSettings,
    llm: Option<LlmClient>,
    ports: RwLock<HashMap<Platform, Arc<dyn ChatPort>>>,
    sessions: record::SessionCache,
    facilitators: summaries::FacilitatorBook,
}

impl Engine {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        prompts: Prompts,
        secret: VoterSecret,
        settings: EngineSettings,
        llm: Option<LlmClient>,
    ) -> Engine {
        Engine {
            inner: Arc::new(Inner {
                store,
                clock,
                prompts,
                secret,
                settings,
                llm,
                ports: RwLock::new(HashMap::new()),
                sessions: record::SessionCache::default(),
                facilitators: summaries::FacilitatorBook::default(),
            }),
        }
    }

    /// Connect a platform: posts for its groups go through this port.
    pub fn attach_port(&self, port: Arc<dyn ChatPort>) {
        if let Ok(mut ports) = self.inner.ports.write() {
            ports.insert(port.platform(), port);
        }
    }

    pub fn port(&self, platform: Platform) -> Option<Arc<dyn ChatPort>> {
        self.inner
            .ports
            .read()
            .ok()
            .and_then(|p| p.get(&platform).cloned())
    }

    fn store(&self) -> &Store {
        &self.inner.store
    }

    pub fn prompts(&self) -> &Prompts {
        &self.inner.prompts
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.inner.clock.now()
    }

    pub fn settings(&self) -> &EngineSettings {
        &self.inner.settings
    }

    /// Whether `caller` may run `command` in `channel` (their role, and a group where the
    /// command needs one): the channel's group if so, the refusal if not.
    async fn admit(
        &self,
        caller: &Caller,
        command: &Command,
        channel: &ChannelKey,
    ) -> Result<Option<Group>, CommandError> {
        let needed = command.required_role();
        if caller.role < needed {
            return Err(match needed {
                Role::Facilitator => CommandError::FacilitatorOnly(command.verb()),
                _ => CommandError::MembersOnly(command.verb()),
            });
        }
        let group = self.store().group_by_channel(channel).await?;
        if command.needs_group() && group.is_none() {
            return Err(CommandError::NotSetUp);
        }
        Ok(group)
    }

    /// Whether [`Engine::execute`] would refuse the command before doing anything, so an
    /// adapter can answer quickly (without deferring or downloading an attachment). A store
    /// failure counts as not refused: `execute` then reports it.
    pub async fn refuses(&self, caller: &Caller, command: &Command, channel: &ChannelKey) -> bool {
        match self.admit(caller, command, channel).await {
            Ok(_) => false,
            Err(CommandError::Internal(_)) => false,
            Err(_) => true,
        }
    }

    /// Run a command and return what to answer the caller.
    #[tracing::instrument(skip_all, fields(verb = inv.command.verb(), channel = %inv.channel))]
    pub async fn execute(&self, inv: Invocation) -> Result<Reply, CommandError> {
        let verb = inv.command.verb();
        let channel = inv.channel.clone();
        let caller = inv.caller.clone();
        let result = self.execute_in_english(inv).await;
        match result {
            Ok(reply) => Ok(reply),
            Err(e) => Err(e.in_locale(self.locale_for(&channel, &caller).await)),
        }
        .inspect_err(|e| tracing::info!(verb, error = %e.cause(), "command refused"))
    }

    /// The language the bot speaks in `channel` (English where there is no group, or the
    /// store cannot say).
    pub async fn locale_of(&self, channel: &ChannelKey) -> Locale {
        match self.store().group_by_channel(channel).await {
            Ok(Some(g)) => g.locale(),
            _ => Locale::En,
        }
    }

    /// The language the bot speaks to `caller` in `channel`. In a group's channel, the
    /// group's. Outside any group (a direct chat with the bot), the member's:
    /// 1. the language of the groups they take part in (replied or voted by name), when
    ///    those groups all speak one;
    /// 2. else the language their platform says they use (Discord's user locale), when
    ///    colloquy speaks it;
    /// 3. else the language of the group they were last active in;
    /// 4. else English.
    pub async fn locale_for(&self, channel: &ChannelKey, caller: &Caller) -> Locale {
        self.locale_for_member(channel, &caller.key, caller.locale)
            .await
    }

    /// [`Engine::locale_for`] for a member known by key and the language their platform
    /// states (`None` where it states none, as on Matrix).
    pub async fn locale_for_member(
        &self,
        channel: &ChannelKey,
        member: &MemberKey,
        stated: Option<Locale>,
    ) -> Locale {
        match self.store().group_by_channel(channel).await {
            Ok(Some(g)) => g.locale(),
            Ok(None) => self.member_locale(member, stated).await,
            Err(e) => {
                tracing::warn!(error = %e, "the channel's group could not be read; answering in English");
                Locale::En
            }
        }
    }

    /// The language of a member outside any group (steps 1 to 4 of [`Engine::locale_for`]).
    async fn member_locale(&self, member: &MemberKey, stated: Option<Locale>) -> Locale {
        let groups = match self.store().member_group_locales(&member.key()).await {
            Ok(g) => g,
            Err(e) => {
                tracing::warn!(error = %e, "a member's groups could not be read");
                Vec::new()
            }
        };
        match groups.first() {
            Some(first) if groups.iter().all(|l| l == first) => *first,
            _ => stated.or(groups.first().copied()).unwrap_or_default(),
        }
    }

    /// The language the bot speaks in the group `group_id`.
    pub(crate) async fn locale_of_group(&self, group_id: i64) -> Result<Locale, CommandError> {
        Ok(self
            .store()
            .group(group_id)
            .await?
            .map(|g| g.locale())
            .unwrap_or_default())
    }

    /// [`Engine::execute`] with errors as they were made (replies are in the group's
    /// language already).
    async fn execute_in_english(&self, inv: Invocation) -> Result<Reply, CommandError> {
        let group = self.admit(&inv.caller, &inv.command, &inv.channel).await?;
        if let Some(g) = &group
            && inv.caller.role >= Role::Facilitator
        {
            self.inner.facilitators.note(g.id, &inv.caller.key.key());
        }
        self.dispatch(inv, group).await.map(|mut reply| {
            reply.text = crate::domain::text::defang_mentions(&reply.text);
            reply
        })
    }

    async fn dispatch(&self, inv: Invocation, group: Option<Group>) -> Result<Reply, CommandError> {
        use crate::domain::command::ScheduleAction;
        let g = || group.clone().ok_or(CommandError::NotSetUp);
        let loc = match &group {
            Some(g) => g.locale(),
            None => self.member_locale(&inv.caller.key, inv.caller.locale).await,
        };
        match inv.command.clone() {
            Command::Setup(args) => self.setup(&inv.channel, args).await,
            Command::Help { topic } => Ok(setup::help(
                topic.as_deref(),
                group.as_ref(),
                inv.caller.role,
                loc,
            )),
            Command::ReadingImport {
                title,
                author,
                words,
                again,
                no_footnotes,
                language,
            } => {
                let upload = inv
                    .attachment
                    .clone()
                    .ok_or_else(|| CommandError::invalid(t!(loc, "import-attach-a-file")))?;
                let report = self
                    .import_upload(
                        &g()?,
                        &upload,
                        crate::domain::import::ImportOptions {
                            title,
                            author,
                            words,
                            drop_footnotes: no_footnotes,
                            again,
                            file_name: None,
                            language,
                        },
                    )
                    .await?;
                Ok(Reply::public(report.describe_in(loc)))
            }
            Command::ReadingList => self.reading_list(&g()?).await,
            Command::ReadingPreview { reading } => self.reading_preview(&g()?, reading).await,
            Command::ExcerptNext => self.excerpt_next(&g()?).await,
            Command::Schedule(ScheduleAction::Status) => self.schedule_status(&g()?).await,
            Command::Schedule(ScheduleAction::Pause) => self.schedule_pause(&g()?, true).await,
            Command::Schedule(ScheduleAction::Resume) => self.schedule_pause(&g()?, false).await,
            Command::Schedule(ScheduleAction::Skip) => self.schedule_skip(&g()?).await,
            Command::PollCreate(spec) => self.poll_create(&g()?, spec).await,
            Command::PollClose { poll } => self.poll_close_command(&g()?, poll).await,
            Command::PollResults { poll } => {
                self.poll_results_command(&g()?, poll, inv.caller.role)
                    .await
            }
            Command::PollSuggest => self.poll_suggest(&g()?).await,
            Command::PollExtend { poll, deadline } => self.poll_extend(&g()?, poll, deadline).await,
            Command::Vote {
                poll,
                option,
                reason,
            } => {
                let receipt = self
                    .vote(VoteEvent {
                        platform: inv.channel.platform,
                        poll: PollRef::Id(poll),
                        voter: inv.caller.key.clone(),
                        voter_name: inv.caller.name.clone(),
                        choice: Choice::Label(option),
                        reason,
                        channel: Some(inv.channel.clone()),
                        role: inv.caller.role,
                        cast_at: None,
                    })
                    .await?;
                Ok(Reply::confidential(receipt.message))
            }
            Command::ClaimAdd { text } => {
                self.claim_add(&g()?, &inv.caller.key, &inv.caller.name, &text)
                    .await
            }
            Command::ClaimQueue => self.claim_queue(&g()?).await,
            Command::ClaimApprove {
                id,
                text,
                deadline,
                anonymous,
                phase,
            } => {
                self.claim_approve(&g()?, &inv.caller, id, text, deadline, anonymous, phase)
                    .await
            }
            Command::ClaimReject { id } => self.claim_reject(&g()?, &inv.caller, id).await,
            Command::ClaimCards {
                deadline,
                anonymous,
            } => self.claim_cards(&g()?, deadline, anonymous).await,
            Command::Map { session, reading } => self.map_command(&g()?, session, reading).await,
            Command::Report { session } => self.report_command(&g()?, session).await,
            Command::QuizAdd {
                question,
                options,
                answer,
                phase,
                deadline,
            } => {
                self.quiz_add(&g()?, question, options, answer, phase, deadline)
                    .await
            }
            Command::SessionStart { title } => self.session_start(&g()?, title).await,
            Command::SessionEnd => self.session_end(&g()?).await,
            Command::AgendaSet { text } => {
                self.agenda_set(&g()?, text, inv.attachment.as_ref()).await
            }
            Command::AgendaStart => self.agenda_start(&g()?).await,
            Command::AgendaNext => self.agenda_step(&g()?, true).await,
            Command::AgendaBack => self.agenda_step(&g()?, false).await,
            Command::AgendaExtend { time } => self.agenda_extend(&g()?, &time).await,
            Command::AgendaStatus => self.agenda_status(&g()?).await,
            Command::HandRaise { topic } => {
                self.raise_hand(&g()?, &inv.caller.key, &inv.caller.name, topic)
                    .await
            }
            Command::HandDown => self.lower_hand(&g()?, &inv.caller.key).await,
            Command::QueueShow => self.queue_show(&g()?, &inv.caller.key).await,
            Command::QueueNext => self.queue_call(&g()?, false).await,
            Command::QueueSkip => self.queue_call(&g()?, true).await,
            Command::QueueClear => self.queue_clear(&g()?).await,
            Command::QueueMode { progressive } => self.queue_mode(&g()?, progressive).await,
            Command::Note { text } => self.add_note(&g()?, &inv.caller, "note", &text).await,
            Command::Decision { text } => {
                self.add_note(&g()?, &inv.caller, "decision", &text).await
            }
            Command::ActionAdd { owner, text, due } => {
                self.action_add(&g()?, &inv.caller, &owner, &text, due)
                    .await
            }
            Command::ActionList => self.action_list(&g()?).await,
            Command::ActionDone { id } => self.action_done(&g()?, &inv.caller, id).await,
            Command::Breakout {
                rooms,
                minutes,
                by_opinion,
            } => {
                self.breakout(&g()?, &inv.caller.key, rooms, minutes, by_opinion)
                    .await
            }
            Command::Summary { session } => self.summary_command(&g()?, session).await,
            Command::Stats => self.stats(&g()?).await,
            Command::Export { format, session } => {
                let files = self.export(&g()?, format, session).await?;
                let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
                Ok(Reply {
                    text: t!(loc, "export-ready", files = names.join(", ")),
                    files,
                    private: true,
                    confidential: true,
                })
            }
            Command::PrivacyMyData => self.my_data(&inv.caller, loc).await,
            Command::PrivacyForgetMe { confirm } => self.forget_me(&inv.caller, confirm, loc).await,
            Command::PrivacyQuotes { allow } => self.quotes(&inv.caller, allow, loc).await,
        }
    }

    /// The group's time zone (UTC if its setting is broken).
    pub(crate) fn zone(group: &Group) -> Tz {
        group.time_zone.tz()
    }
}

/// Milliseconds for the store.
pub(crate) fn store_ms(t: DateTime<Utc>) -> i64 {
    crate::store::ms(t)
}

/// "Tue 3 Mar, 18:00 (Europe/London)".
pub fn local_label(at: DateTime<Utc>, tz: Tz) -> String {
    local_label_in(at, tz, Locale::En)
}

/// [`local_label`] in `locale`: "Вт, 3 мар, 18:00 (Europe/London)".
pub fn local_label_in(at: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
    t!(
        locale,
        "local-time",
        when = crate::i18n::format_date_time(at, tz, locale),
        zone = tz.name()
    )
}
