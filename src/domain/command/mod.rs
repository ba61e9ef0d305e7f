//! The command surface: typed commands and who may run them. The verb table (what each
//! verb takes, with its help) is in `verbs`, the `!cq` text parser in `parse`.
//!
//! Every platform ends up with a [`Command`]: Discord builds it from slash-command options,
//! Matrix and the console parse text with [`parse()`]. Arguments are checked here, once.

mod args;
mod parse;
mod verbs;

use super::poll::{Deadline, Phase};

pub use args::{DEFAULT_POLL_MINUTES, ParseError, parse_id, split_options};
pub use parse::{parse, tokenize};
pub use verbs::*;

/// Who a caller is, relative to the group's channel or room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Not a member of the group's channel or room (e.g. writing from elsewhere).
    Stranger,
    /// A member of the channel or room.
    Member,
    /// Allowed to run the admin verbs (Manage Server or the facilitator role on Discord,
    /// power level >= 50 or the configured list on Matrix).
    Facilitator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Stranger => "stranger",
            Role::Member => "member",
            Role::Facilitator => "facilitator",
        }
    }
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Minutes of a session, as Markdown.
    Markdown,
    /// Replies and votes as CSV files.
    Csv,
    /// Everything about the group, as JSON.
    Json,
    /// All three.
    All,
}

impl ExportFormat {
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s.trim().to_lowercase().as_str() {
            "md" | "markdown" | "minutes" => Some(ExportFormat::Markdown),
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "all" => Some(ExportFormat::All),
            _ => None,
        }
    }
}

/// Options of `setup`; what is not given keeps its current (or default) value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupArgs {
    pub name: Option<String>,
    pub tz: Option<String>,
    pub time: Option<String>,
    pub days: Option<String>,
    pub catch_up: Option<String>,
    pub summary_time: Option<String>,
    pub words: Option<usize>,
    /// The language the bot speaks in the group: en, ru, zh, de or fr.
    pub language: Option<String>,
    /// The voice or stage channel whose members count as present (Discord).
    pub voice_channel: Option<VoiceChannelArg>,
}

/// `setup --voice-channel`: what was given, or what the platform found it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoiceChannelArg {
    /// `none` (or `off`): follow no voice channel any more.
    Off,
    /// As typed (`#seminar-voice`, an id); only a platform adapter can tell what it names.
    Typed(String),
    /// A voice or stage channel the adapter found: its platform id and its name.
    Channel { id: String, name: String },
}

impl VoiceChannelArg {
    /// What a facilitator typed: `none`/`off` or a channel to look up.
    pub fn parse(typed: &str) -> VoiceChannelArg {
        let t = typed.trim();
        if t.eq_ignore_ascii_case("none") || t.eq_ignore_ascii_case("off") {
            VoiceChannelArg::Off
        } else {
            VoiceChannelArg::Typed(t.to_string())
        }
    }
}

/// Options of `poll create`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollSpec {
    /// The claim; `None` with `--phase post` reuses the open session's pre poll claim,
    /// and `--suggestion N` takes the current excerpt's N-th candidate claim.
    pub claim: Option<String>,
    pub suggestion: Option<usize>,
    /// `None`: agree/disagree/unsure, or custom when options are given (a post poll
    /// takes its pre poll's scale).
    pub scale: Option<String>,
    pub options: Vec<String>,
    pub deadline: Deadline,
    pub anonymous: bool,
    pub hidden: bool,
    pub phase: Option<Phase>,
    pub native: bool,
}

/// The `schedule` sub-verbs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleAction {
    Status,
    Pause,
    Resume,
    Skip,
}

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Setup(SetupArgs),
    ReadingImport {
        title: Option<String>,
        author: Option<String>,
        words: Option<usize>,
        /// Import even if the group already has this text.
        again: bool,
        /// Leave the footnotes out instead of showing them under their excerpts.
        no_footnotes: bool,
        /// The reading's language code, when the facilitator gives it.
        language: Option<String>,
    },
    ReadingList,
    ReadingPreview {
        reading: Option<i64>,
    },
    ExcerptNext,
    Schedule(ScheduleAction),
    PollCreate(PollSpec),
    PollClose {
        poll: Option<i64>,
    },
    PollResults {
        poll: Option<i64>,
    },
    PollSuggest,
    PollExtend {
        poll: Option<i64>,
        deadline: Deadline,
    },
    Vote {
        poll: i64,
        option: String,
        reason: Option<String>,
    },
    /// A member proposes a claim for the moderation queue.
    ClaimAdd {
        text: String,
    },
    ClaimQueue,
    ClaimApprove {
        id: i64,
        /// The claim reworded by the facilitator.
        text: Option<String>,
        /// `None`: when the session ends, else in 24 hours.
        deadline: Option<Deadline>,
        anonymous: bool,
        phase: Option<Phase>,
    },
    ClaimReject {
        id: i64,
    },
    /// Post the current excerpt's suggested claims as vote cards.
    ClaimCards {
        deadline: Option<Deadline>,
        anonymous: bool,
    },
    Map {
        session: Option<i64>,
        reading: Option<i64>,
    },
    Report {
        session: Option<i64>,
    },
    QuizAdd {
        question: Option<String>,
        options: Vec<String>,
        /// 1-based.
        answer: Option<usize>,
        phase: Phase,
        deadline: Option<Deadline>,
    },
    SessionStart {
        title: Option<String>,
    },
    SessionEnd,
    /// A live session's agenda; `None`: from the attached Markdown list.
    AgendaSet {
        text: Option<String>,
    },
    AgendaStart,
    AgendaNext,
    AgendaBack,
    AgendaExtend {
        /// As typed ("5m"); read by the engine.
        time: String,
    },
    AgendaStatus,
    HandRaise {
        topic: Option<String>,
    },
    HandDown,
    QueueShow,
    QueueNext,
    QueueSkip,
    QueueClear,
    QueueMode {
        progressive: bool,
    },
    Note {
        text: String,
    },
    Decision {
        text: String,
    },
    ActionAdd {
        /// As typed: `@name`, a platform mention (`<@123>`) or a Matrix id.
        owner: String,
        text: String,
        due: Option<String>,
    },
    ActionList,
    ActionDone {
        id: i64,
    },
    Breakout {
        rooms: i64,
        minutes: i64,
        by_opinion: bool,
    },
    Summary {
        session: Option<i64>,
    },
    Stats,
    Export {
        format: ExportFormat,
        session: Option<i64>,
    },
    PrivacyMyData,
    PrivacyForgetMe {
        confirm: bool,
    },
    /// Whether summaries may quote the caller by name.
    PrivacyQuotes {
        allow: bool,
    },
    Help {
        topic: Option<String>,
    },
}

impl Command {
    /// This command's entry in the command table.
    pub fn spec(&self) -> &'static Verb {
        match self {
            Command::Setup(_) => &SETUP,
            Command::ReadingImport { .. } => &READING_IMPORT,
            Command::ReadingList => &READING_LIST,
            Command::ReadingPreview { .. } => &READING_PREVIEW,
            Command::ExcerptNext => &EXCERPT_NEXT,
            Command::Schedule(ScheduleAction::Status) => &SCHEDULE_STATUS,
            Command::Schedule(ScheduleAction::Pause) => &SCHEDULE_PAUSE,
            Command::Schedule(ScheduleAction::Resume) => &SCHEDULE_RESUME,
            Command::Schedule(ScheduleAction::Skip) => &SCHEDULE_SKIP,
            Command::PollCreate(_) => &POLL_CREATE,
            Command::PollClose { .. } => &POLL_CLOSE,
            Command::PollResults { .. } => &POLL_RESULTS,
            Command::PollSuggest => &POLL_SUGGEST,
            Command::PollExtend { .. } => &POLL_EXTEND,
            Command::Vote { .. } => &VOTE,
            Command::ClaimAdd { .. } => &CLAIM_ADD,
            Command::ClaimQueue => &CLAIM_QUEUE,
            Command::ClaimApprove { .. } => &CLAIM_APPROVE,
            Command::ClaimReject { .. } => &CLAIM_REJECT,
            Command::ClaimCards { .. } => &CLAIM_CARDS,
            Command::Map { .. } => &MAP,
            Command::Report { .. } => &REPORT,
            Command::QuizAdd { .. } => &QUIZ_ADD,
            Command::SessionStart { .. } => &SESSION_START,
            Command::SessionEnd => &SESSION_END,
            Command::AgendaSet { .. } => &AGENDA_SET,
            Command::AgendaStart => &AGENDA_START,
            Command::AgendaNext => &AGENDA_NEXT,
            Command::AgendaBack => &AGENDA_BACK,
            Command::AgendaExtend { .. } => &AGENDA_EXTEND,
            Command::AgendaStatus => &AGENDA_STATUS,
            Command::HandRaise { .. } => &HAND_RAISE,
            Command::HandDown => &HAND_DOWN,
            Command::QueueShow => &QUEUE_SHOW,
            Command::QueueNext => &QUEUE_NEXT,
            Command::QueueSkip => &QUEUE_SKIP,
            Command::QueueClear => &QUEUE_CLEAR,
            Command::QueueMode { .. } => &QUEUE_MODE,
            Command::Note { .. } => &NOTE,
            Command::Decision { .. } => &DECISION,
            Command::ActionAdd { .. } => &ACTION_ADD,
            Command::ActionList => &ACTION_LIST,
            Command::ActionDone { .. } => &ACTION_DONE,
            Command::Breakout { .. } => &BREAKOUT,
            Command::Summary { .. } => &SUMMARY,
            Command::Stats => &STATS,
            Command::Export { .. } => &EXPORT,
            Command::PrivacyMyData => &PRIVACY_MY_DATA,
            Command::PrivacyForgetMe { .. } => &PRIVACY_FORGET_ME,
            Command::PrivacyQuotes { .. } => &PRIVACY_QUOTES,
            Command::Help { .. } => &HELP,
        }
    }

    /// The least role that may run this command.
    pub fn required_role(&self) -> Role {
        self.spec().role
    }

    /// Whether the command only makes sense in a channel set up as a group.
    pub fn needs_group(&self) -> bool {
        !matches!(
            self,
            Command::Setup(_)
                | Command::Help { .. }
                | Command::PrivacyMyData
                | Command::PrivacyForgetMe { .. }
                | Command::PrivacyQuotes { .. }
                | Command::Vote { .. }
        )
    }

    /// The verb as users type it, e.g. "poll create".
    pub fn verb(&self) -> &'static str {
        self.spec().name
    }
}
