//! The command surface: typed commands, who may run them, and the `!cq` text parser.
//!
//! Every platform ends up with a [`Command`]: Discord builds it from slash-command options,
//! Matrix and the console parse text with [`parse`]. Arguments are checked here, once.

use thiserror::Error;

use super::poll::{Deadline, Phase};

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
    SessionStart {
        title: Option<String>,
    },
    SessionEnd,
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
            Command::SessionStart { .. } => &SESSION_START,
            Command::SessionEnd => &SESSION_END,
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

// ---- the command table ------------------------------------------------------------------
//
// One entry per verb: its name, who may run it, its arguments and every `--flag` it takes,
// each with a line of help. The parser reads flags from here and `help` prints from here,
// so the two cannot drift. To add a flag, add a `Flag` to its verb and read it in the
// verb's `build` function.

/// What a `--flag` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// Nothing: `--anonymous`.
    Nothing,
    /// A whole number, shown as this placeholder: `--minutes N`.
    Number(&'static str),
    /// A word or quoted text, shown as this placeholder: `--until HH:MM`.
    Text(&'static str),
}

/// One `--flag` of a verb.
#[derive(Debug)]
pub struct Flag {
    pub name: &'static str,
    /// Other spellings the parser takes for the same flag; the help lists them.
    pub aliases: &'static [&'static str],
    pub takes: Takes,
    pub help: &'static str,
}

impl Flag {
    /// `--minutes N` or `--anonymous`.
    pub fn usage(&self) -> String {
        match self.takes {
            Takes::Nothing => format!("--{}", self.name),
            Takes::Number(p) | Takes::Text(p) => format!("--{} {p}", self.name),
        }
    }
}

/// A positional argument of a verb.
#[derive(Debug)]
pub struct Arg {
    /// Its name (Discord's option of the same meaning has this name).
    pub name: &'static str,
    /// How the usage shows it: `"CLAIM"`, `[POLL]`.
    pub shown: &'static str,
    pub help: &'static str,
}

/// One verb of the command table.
pub struct Verb {
    /// As typed: "poll create".
    pub name: &'static str,
    /// Other spellings the parser takes ("poll new").
    pub aliases: &'static [&'static str],
    pub role: Role,
    pub summary: &'static str,
    pub args: &'static [Arg],
    pub flags: &'static [Flag],
    build: fn(Args) -> Result<Command, ParseError>,
}

impl std::fmt::Debug for Verb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verb").field("name", &self.name).finish()
    }
}

impl Verb {
    /// The name and its arguments: `poll create "CLAIM"`.
    pub fn head(&self) -> String {
        let mut text = self.name.to_string();
        for a in self.args {
            text.push(' ');
            text.push_str(a.shown);
        }
        text
    }

    /// The whole usage line: `poll close [POLL]`, `vote POLL OPTION [--reason "…"]`.
    pub fn usage(&self) -> String {
        let mut text = self.head();
        for f in self.flags {
            text.push_str(&format!(" [{}]", f.usage()));
        }
        text
    }

    /// The flag a typed name means (its name or an alias).
    pub fn flag(&self, typed: &str) -> Option<&'static Flag> {
        self.flags
            .iter()
            .find(|f| f.name == typed || f.aliases.contains(&typed))
    }

    /// Every spelling of the verb: its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

const POLL_ARG: Arg = Arg {
    name: "poll",
    shown: "[POLL]",
    help: "which poll, by number (default: the open one)",
};

/// A flag that takes a whole number.
const fn number(name: &'static str, shown: &'static str, help: &'static str) -> Flag {
    Flag {
        name,
        aliases: &[],
        takes: Takes::Number(shown),
        help,
    }
}

/// A flag that takes a word or quoted text.
const fn text(name: &'static str, shown: &'static str, help: &'static str) -> Flag {
    Flag {
        name,
        aliases: &[],
        takes: Takes::Text(shown),
        help,
    }
}

/// A flag that takes nothing.
const fn switch(name: &'static str, help: &'static str) -> Flag {
    Flag {
        name,
        aliases: &[],
        takes: Takes::Nothing,
        help,
    }
}

pub const SETUP: Verb = Verb {
    name: "setup",
    aliases: &[],
    role: Role::Facilitator,
    summary: "bind this channel or room as a reading group and set its schedule; options left out keep their value",
    args: &[],
    flags: &[
        Flag {
            name: "tz",
            aliases: &["timezone"],
            takes: Takes::Text("ZONE"),
            help: "the time zone, an IANA name such as Europe/London (new groups: UTC)",
        },
        text(
            "time",
            "HH:MM",
            "when the daily excerpt is posted, on a 24-hour clock (new groups: 09:00)",
        ),
        text(
            "days",
            "mon-fri",
            "posting days: daily, weekdays, weekends, mon-fri or mon,wed,fri (new groups: daily)",
        ),
        text(
            "catch-up",
            "latest|skip",
            "after the bot was offline: post the latest missed excerpt, or skip it",
        ),
        text(
            "summary-time",
            "HH:MM",
            "when each day's discussion ends and is summarized (new groups: 21:00)",
        ),
        number(
            "words",
            "N",
            "about how many words per excerpt, 40 to 5000 (new groups: 220)",
        ),
        text("name", "NAME", "a short name for the group"),
    ],
    build: build_setup,
};

pub const READING_IMPORT: Verb = Verb {
    name: "reading import",
    aliases: &[],
    role: Role::Facilitator,
    summary: "import the attached .txt or .md file as the group's next reading",
    args: &[],
    flags: &[
        text("title", "T", "the title (default: from the file)"),
        text("author", "A", "the author (default: from the file)"),
        number(
            "words",
            "N",
            "about how many words per excerpt (default: the group's setting)",
        ),
        switch(
            "again",
            "import even if the group already has a reading with the same text",
        ),
        switch(
            "no-footnotes",
            "leave footnotes out instead of showing each under the excerpt that cites it",
        ),
    ],
    build: build_reading_import,
};

pub const READING_LIST: Verb = Verb {
    name: "reading list",
    aliases: &[],
    role: Role::Member,
    summary: "the group's readings and how far it has read",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::ReadingList)
    },
};

pub const READING_PREVIEW: Verb = Verb {
    name: "reading preview",
    aliases: &[],
    role: Role::Member,
    summary: "the next excerpt and its questions, before they are posted",
    args: &[Arg {
        name: "reading",
        shown: "[READING]",
        help: "which reading, by number (default: the one being read)",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::ReadingPreview {
            reading: a.optional_id("the reading")?,
        })
    },
};

pub const EXCERPT_NEXT: Verb = Verb {
    name: "excerpt next",
    aliases: &[],
    role: Role::Facilitator,
    summary: "post the next excerpt now (before today's post time, it is today's post)",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::ExcerptNext)
    },
};

pub const SCHEDULE_STATUS: Verb = Verb {
    name: "schedule status",
    aliases: &["schedule"],
    role: Role::Member,
    summary: "when the next excerpt comes, and how many are left",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Schedule(ScheduleAction::Status))
    },
};

pub const SCHEDULE_PAUSE: Verb = Verb {
    name: "schedule pause",
    aliases: &[],
    role: Role::Facilitator,
    summary: "pause the daily posts (`excerpt next` still works)",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Schedule(ScheduleAction::Pause))
    },
};

pub const SCHEDULE_RESUME: Verb = Verb {
    name: "schedule resume",
    aliases: &[],
    role: Role::Facilitator,
    summary: "restart the daily posts after a pause",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Schedule(ScheduleAction::Resume))
    },
};

pub const SCHEDULE_SKIP: Verb = Verb {
    name: "schedule skip",
    aliases: &[],
    role: Role::Facilitator,
    summary: "skip the next scheduled post",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Schedule(ScheduleAction::Skip))
    },
};

pub const POLL_CREATE: Verb = Verb {
    name: "poll create",
    aliases: &["poll new"],
    role: Role::Facilitator,
    summary: "open a poll on a claim",
    args: &[Arg {
        name: "claim",
        shown: "\"CLAIM\"",
        help: "the claim to vote on, in quotes (a post poll may leave it out and reuse its pre poll's)",
    }],
    flags: &[
        text(
            "scale",
            "agree|likert5|yesno|custom",
            "the answer scale (default: agree / disagree / unsure)",
        ),
        Flag {
            name: "options",
            aliases: &["option"],
            takes: Takes::Text("\"A | B | C\""),
            help: "your own options, 2 to 10, separated by |",
        },
        number(
            "minutes",
            "N",
            "minutes until it closes (default: 60); give one of --minutes, --hours, --until",
        ),
        number("hours", "N", "hours until it closes"),
        text(
            "until",
            "HH:MM",
            "close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM",
        ),
        switch(
            "anonymous",
            "nobody, facilitators included, sees who voted what; members vote in a direct message",
        ),
        switch("hidden", "hide the results until the poll closes"),
        text(
            "phase",
            "pre|post",
            "before or after the discussion; a post poll pairs with the pre poll to show how opinion moved",
        ),
        number(
            "suggestion",
            "N",
            "poll the Nth claim that `poll suggest` lists, instead of a claim of your own",
        ),
        switch(
            "native",
            "on Discord, use Discord's own poll (whole hours, not anonymous, results visible)",
        ),
    ],
    build: build_poll_create,
};

pub const POLL_CLOSE: Verb = Verb {
    name: "poll close",
    aliases: &["poll end"],
    role: Role::Facilitator,
    summary: "close a poll now and post its results",
    args: &[POLL_ARG],
    flags: &[],
    build: |a| {
        Ok(Command::PollClose {
            poll: a.optional_id("the poll")?,
        })
    },
};

pub const POLL_RESULTS: Verb = Verb {
    name: "poll results",
    aliases: &["poll result"],
    role: Role::Member,
    summary: "a poll's results (hidden ones only once closed)",
    args: &[Arg {
        name: "poll",
        shown: "[POLL]",
        help: "which poll, by number (default: the latest)",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::PollResults {
            poll: a.optional_id("the poll")?,
        })
    },
};

pub const POLL_SUGGEST: Verb = Verb {
    name: "poll suggest",
    aliases: &["poll suggestions"],
    role: Role::Facilitator,
    summary: "claims from the current excerpt, ready to poll",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::PollSuggest)
    },
};

pub const POLL_EXTEND: Verb = Verb {
    name: "poll extend",
    aliases: &[],
    role: Role::Facilitator,
    summary: "move a poll's deadline; give one of --minutes, --hours or --until",
    args: &[POLL_ARG],
    flags: &[
        number("minutes", "N", "add this many minutes to the deadline"),
        number("hours", "N", "add this many hours to the deadline"),
        text(
            "until",
            "HH:MM",
            "close at this local time instead (tomorrow if it has passed today), or YYYY-MM-DD HH:MM",
        ),
    ],
    build: |a| {
        let deadline = deadline_from(&a, None)?.ok_or(ParseError::MissingArgument {
            verb: "poll extend",
            what: "--minutes N, --hours N or --until HH:MM",
        })?;
        Ok(Command::PollExtend {
            poll: a.optional_id("the poll")?,
            deadline,
        })
    },
};

pub const VOTE: Verb = Verb {
    name: "vote",
    aliases: &[],
    role: Role::Member,
    summary: "vote by text (for anonymous polls, in a direct message with the bot)",
    args: &[
        Arg {
            name: "poll",
            shown: "POLL",
            help: "the poll's number",
        },
        Arg {
            name: "option",
            shown: "OPTION",
            help: "your answer: its number or its words, e.g. 1 or agree",
        },
    ],
    flags: &[text(
        "reason",
        "\"…\"",
        "why, shown with the results without your name",
    )],
    build: build_vote,
};

pub const SESSION_START: Verb = Verb {
    name: "session start",
    aliases: &[],
    role: Role::Facilitator,
    summary: "live seminar mode: record every message here until `session end`",
    args: &[Arg {
        name: "title",
        shown: "[TITLE]",
        help: "a title for the session (or give it with --title)",
    }],
    flags: &[text("title", "T", "a title for the session")],
    build: |a| {
        let title = a
            .value("title")
            .or_else(|| (!a.positional.is_empty()).then(|| a.positional.join(" ")));
        Ok(Command::SessionStart { title })
    },
};

pub const SESSION_END: Verb = Verb {
    name: "session end",
    aliases: &[],
    role: Role::Facilitator,
    summary: "end the live session; its summary follows",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::SessionEnd)
    },
};

pub const SUMMARY: Verb = Verb {
    name: "summary",
    aliases: &["summarize"],
    role: Role::Member,
    summary: "the summary of the current or a given session",
    args: &[Arg {
        name: "session",
        shown: "[SESSION]",
        help: "which session, by number (default: the current one)",
    }],
    flags: &[number(
        "session",
        "ID",
        "which session, by number (the same as SESSION)",
    )],
    build: |a| {
        let session = match a.value("session") {
            Some(s) => {
                a.no_positional()?;
                Some(parse_id("the session", &s)?)
            }
            None => a.optional_id("the session")?,
        };
        Ok(Command::Summary { session })
    },
};

pub const STATS: Verb = Verb {
    name: "stats",
    aliases: &[],
    role: Role::Facilitator,
    summary: "participation in this group (only you see it)",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Stats)
    },
};

pub const EXPORT: Verb = Verb {
    name: "export",
    aliases: &[],
    role: Role::Facilitator,
    summary: "minutes as Markdown, replies and votes as CSV, everything as JSON",
    args: &[],
    flags: &[
        text(
            "format",
            "md|csv|json|all",
            "what to export (default: all; `export csv` works too)",
        ),
        number("session", "ID", "only this session's minutes"),
    ],
    build: build_export,
};

pub const PRIVACY_MY_DATA: Verb = Verb {
    name: "privacy my-data",
    aliases: &["privacy mydata", "privacy data"],
    role: Role::Stranger,
    summary: "your replies and votes as a file, privately",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::PrivacyMyData)
    },
};

pub const PRIVACY_FORGET_ME: Verb = Verb {
    name: "privacy forget-me",
    aliases: &["privacy forgetme", "privacy forget"],
    role: Role::Stranger,
    summary: "delete your replies, votes and member record for good: nothing from before is recorded again, even after a restart; what you write or vote later is recorded as usual (without --confirm: what would go)",
    args: &[],
    flags: &[switch("confirm", "yes, delete my data")],
    build: |a| {
        a.no_positional()?;
        Ok(Command::PrivacyForgetMe {
            confirm: a.switch("confirm"),
        })
    },
};

pub const PRIVACY_QUOTES: Verb = Verb {
    name: "privacy quotes",
    aliases: &[],
    role: Role::Stranger,
    summary: "whether summaries may quote you by name (off: you are quoted as \"a member\")",
    args: &[Arg {
        name: "allow",
        shown: "on|off",
        help: "on: summaries may quote you by name; off: they do not",
    }],
    flags: &[],
    build: |a| {
        if let Some(extra) = a.positional.get(1) {
            return Err(ParseError::Unexpected(extra.clone()));
        }
        match a.positional.first().map(|s| s.to_lowercase()).as_deref() {
            Some("on") | Some("yes") => Ok(Command::PrivacyQuotes { allow: true }),
            Some("off") | Some("no") => Ok(Command::PrivacyQuotes { allow: false }),
            _ => Err(ParseError::MissingArgument {
                verb: "privacy quotes",
                what: "on or off",
            }),
        }
    },
};

pub const HELP: Verb = Verb {
    name: "help",
    aliases: &["?"],
    role: Role::Stranger,
    summary: "what the bot can do here, or one command in detail",
    args: &[Arg {
        name: "command",
        shown: "[COMMAND]",
        help: "a command to explain, e.g. poll create",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::Help {
            topic: (!a.positional.is_empty()).then(|| a.positional.join(" ")),
        })
    },
};

/// The command table (product.md), in the order `help` lists it.
pub const VERBS: &[&Verb] = &[
    &SETUP,
    &READING_IMPORT,
    &READING_LIST,
    &READING_PREVIEW,
    &EXCERPT_NEXT,
    &SCHEDULE_STATUS,
    &SCHEDULE_PAUSE,
    &SCHEDULE_RESUME,
    &SCHEDULE_SKIP,
    &POLL_CREATE,
    &POLL_CLOSE,
    &POLL_RESULTS,
    &POLL_SUGGEST,
    &POLL_EXTEND,
    &VOTE,
    &SESSION_START,
    &SESSION_END,
    &SUMMARY,
    &STATS,
    &EXPORT,
    &PRIVACY_MY_DATA,
    &PRIVACY_FORGET_ME,
    &PRIVACY_QUOTES,
    &HELP,
];

/// The verbs a typed name (or its start, e.g. "poll") means, for `help TOPIC`.
pub fn verbs_for(topic: &str) -> Vec<&'static Verb> {
    let wanted = topic
        .trim()
        .trim_start_matches("!cq ")
        .trim_start_matches('/')
        .to_lowercase();
    let wanted = wanted.split_whitespace().collect::<Vec<_>>().join(" ");
    let by = |keep: &dyn Fn(&Verb) -> bool| -> Vec<&'static Verb> {
        VERBS.iter().copied().filter(|v| keep(v)).collect()
    };
    // "poll create"; else every verb under "poll" (or "schedule"); else "poll new".
    let exact = by(&|v| v.name == wanted);
    if !exact.is_empty() {
        return exact;
    }
    let under = by(&|v| v.name.starts_with(&format!("{wanted} ")));
    if !under.is_empty() {
        return under;
    }
    by(&|v| v.aliases.contains(&wanted.as_str()))
}

/// The closest of `candidates` (what is compared, what is suggested) to `given`, if one
/// is close enough to be what was meant: a small typo, or the start of a longer word.
/// Ties go to the first candidate.
pub fn closest<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<&'a str> {
    let given = given.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for (word, suggestion) in candidates {
        let distance = if word == given {
            0
        } else if given.chars().count() >= 3 && word.starts_with(&given) {
            1
        } else {
            strsim::damerau_levenshtein(&given, word)
        };
        let allowed = (word.chars().count() / 3).max(1);
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, suggestion));
        }
    }
    best.map(|(_, s)| s)
}

/// `; did you mean `X`?`, or `otherwise` when there is no suggestion.
fn hint(suggestion: &Option<String>, otherwise: &str) -> String {
    match suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None => otherwise.to_string(),
    }
}

/// Why a command line could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("no command given; try `help`")]
    Empty,
    #[error("unknown command `{given}`{}", hint(.suggestion, "; `help` lists them all"))]
    UnknownVerb {
        given: String,
        suggestion: Option<String>,
    },
    #[error("`{verb}` needs one of: {expected}{}", hint(.suggestion, ""))]
    MissingSub {
        verb: String,
        expected: String,
        suggestion: Option<String>,
    },
    #[error("unknown option {flag} for `{verb}`{}", hint(.suggestion, &format!("; it takes: {allowed}")))]
    UnknownFlag {
        verb: &'static str,
        flag: String,
        allowed: String,
        suggestion: Option<String>,
    },
    #[error("option {0} needs a value")]
    MissingValue(String),
    #[error("{what} must be a whole number, not \"{given}\"")]
    NotANumber { what: String, given: String },
    #[error("unexpected \"{0}\"; put text with spaces in quotes")]
    Unexpected(String),
    #[error("`{verb}` needs {what}")]
    MissingArgument {
        verb: &'static str,
        what: &'static str,
    },
    #[error("a quote is not closed")]
    UnclosedQuote,
    #[error("{0}")]
    Invalid(String),
}
/// Split a command line into words, honouring "double", 'single' and “curly” quotes.
pub fn tokenize(line: &str) -> Result<Vec<String>, ParseError> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let close = match c {
            '"' => Some('"'),
            '\'' if !in_word => Some('\''),
            '“' => Some('”'),
            '‘' if !in_word => Some('’'),
            '«' => Some('»'),
            _ => None,
        };
        if let Some(close) = close {
            let mut closed = false;
            for q in chars.by_ref() {
                if q == close || (close == '”' && q == '"') {
                    closed = true;
                    break;
                }
                current.push(q);
            }
            if !closed {
                return Err(ParseError::UnclosedQuote);
            }
            in_word = true;
        } else if c.is_whitespace() {
            if in_word {
                words.push(std::mem::take(&mut current));
                in_word = false;
            }
        } else {
            // Some clients turn "--" into an em dash.
            if c == '—' && !in_word {
                current.push_str("--");
            } else {
                current.push(c);
            }
            in_word = true;
        }
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

/// Positional words and --flags of one command, read against its verb's table entry.
struct Args {
    positional: Vec<String>,
    /// (the flag's name in the table, its value)
    flags: Vec<(&'static str, Option<String>)>,
}

impl Args {
    /// Split words into positionals and the flags `verb` takes; any other flag is refused.
    fn read(verb: &'static Verb, words: &[String]) -> Result<Args, ParseError> {
        let mut positional = Vec::new();
        let mut flags = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if let Some(typed) = w.strip_prefix("--") {
                let (typed, inline) = match typed.split_once('=') {
                    Some((n, v)) => (n.to_lowercase(), Some(v.to_string())),
                    None => (typed.to_lowercase(), None),
                };
                let Some(flag) = verb.flag(&typed) else {
                    return Err(unknown_flag(verb, &typed));
                };
                match flag.takes {
                    Takes::Nothing => flags.push((flag.name, None)),
                    Takes::Number(_) | Takes::Text(_) => {
                        let value = match inline {
                            Some(v) => v,
                            None => {
                                i += 1;
                                words
                                    .get(i)
                                    .cloned()
                                    .ok_or_else(|| ParseError::MissingValue(format!("--{typed}")))?
                            }
                        };
                        if matches!(flag.takes, Takes::Number(_))
                            && value.trim().parse::<i64>().is_err()
                        {
                            return Err(ParseError::NotANumber {
                                what: format!("--{typed}"),
                                given: value,
                            });
                        }
                        flags.push((flag.name, Some(value)));
                    }
                }
            } else {
                positional.push(w.clone());
            }
            i += 1;
        }
        Ok(Args { positional, flags })
    }

    fn value(&self, name: &str) -> Option<String> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.clone())
    }

    fn values(&self, name: &str) -> Vec<String> {
        self.flags
            .iter()
            .filter(|(n, _)| *n == name)
            .filter_map(|(_, v)| v.clone())
            .collect()
    }

    fn switch(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| *n == name)
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, ParseError> {
        self.value(name)
            .map(|v| {
                v.trim().parse::<T>().map_err(|_| ParseError::NotANumber {
                    what: format!("--{name}"),
                    given: v.clone(),
                })
            })
            .transpose()
    }

    fn no_positional(&self) -> Result<(), ParseError> {
        match self.positional.first() {
            Some(p) => Err(ParseError::Unexpected(p.clone())),
            None => Ok(()),
        }
    }

    fn optional_id(&self, what: &str) -> Result<Option<i64>, ParseError> {
        if self.positional.len() > 1 {
            return Err(ParseError::Unexpected(self.positional[1].clone()));
        }
        self.positional
            .first()
            .map(|p| parse_id(what, p))
            .transpose()
    }
}

/// A flag `verb` does not take, with the closest one it does.
fn unknown_flag(verb: &'static Verb, typed: &str) -> ParseError {
    let candidates = verb.flags.iter().map(|f| (f.name, f.name)).chain(
        verb.flags
            .iter()
            .flat_map(|f| f.aliases.iter().map(move |a| (*a, f.name))),
    );
    let allowed: Vec<String> = verb
        .flags
        .iter()
        .map(|f| match f.takes {
            Takes::Nothing => format!("--{}", f.name),
            _ => format!("--{} …", f.name),
        })
        .collect();
    ParseError::UnknownFlag {
        verb: verb.name,
        flag: format!("--{typed}"),
        allowed: if allowed.is_empty() {
            "no options".into()
        } else {
            allowed.join(", ")
        },
        suggestion: closest(typed, candidates).map(|f| format!("--{f}")),
    }
}

fn deadline_from(
    args: &Args,
    default_minutes: Option<i64>,
) -> Result<Option<Deadline>, ParseError> {
    match (
        args.number::<i64>("minutes")?,
        args.number::<i64>("hours")?,
        args.value("until"),
    ) {
        (Some(_), _, Some(_)) | (_, Some(_), Some(_)) | (Some(_), Some(_), _) => Err(
            ParseError::Invalid("give the deadline once: --minutes, --hours or --until".into()),
        ),
        (Some(m), None, None) => Ok(Some(Deadline::Minutes(m))),
        (None, Some(h), None) => Ok(Some(Deadline::Minutes(h.saturating_mul(60)))),
        (None, None, Some(u)) => Ok(Some(Deadline::Until(u))),
        (None, None, None) => Ok(default_minutes.map(Deadline::Minutes)),
    }
}

/// The default poll duration when none is given.
pub const DEFAULT_POLL_MINUTES: i64 = 60;

/// Parse a command line (without the `!cq` prefix), e.g. `poll create "claim" --minutes 10`.
pub fn parse(line: &str) -> Result<Command, ParseError> {
    let words = tokenize(line)?;
    let Some(first) = words.first() else {
        return Err(ParseError::Empty);
    };
    let head = first.to_lowercase();
    let second = words.get(1).map(|w| w.to_lowercase());
    // The longest spelling of a verb the line starts with: "schedule pause" before "schedule".
    let mut found: Option<(&'static Verb, usize)> = None;
    for verb in VERBS.iter().copied() {
        for name in verb.names() {
            let parts: Vec<&str> = name.split(' ').collect();
            let matches = match parts.as_slice() {
                [one] => *one == head,
                [one, two] => *one == head && second.as_deref() == Some(*two),
                _ => false,
            };
            if matches && found.is_none_or(|(_, n)| parts.len() > n) {
                found = Some((verb, parts.len()));
            }
        }
    }
    let subs = sub_verbs(&head);
    match found {
        // "schedule frobnicate": a sub-verb that does not exist, not an argument.
        Some((_, 1))
            if !subs.is_empty() && second.as_deref().is_some_and(|s| !s.starts_with("--")) =>
        {
            Err(missing_sub(&head, &subs, second.as_deref()))
        }
        Some((verb, n)) => (verb.build)(Args::read(verb, &words[n..])?),
        None if !subs.is_empty() => Err(missing_sub(&head, &subs, second.as_deref())),
        None => Err(ParseError::UnknownVerb {
            suggestion: suggest_verb(&head),
            given: head,
        }),
    }
}

/// The verbs typed as `head SUB` (e.g. for "poll": poll create, poll close, …).
fn sub_verbs(head: &str) -> Vec<&'static Verb> {
    VERBS
        .iter()
        .copied()
        .filter(|v| v.name.split_once(' ').is_some_and(|(h, _)| h == head))
        .collect()
}

fn missing_sub(head: &str, subs: &[&'static Verb], given: Option<&str>) -> ParseError {
    let second = |name: &'static str| name.split_once(' ').map(|(_, s)| s).unwrap_or(name);
    let expected: Vec<&str> = subs.iter().map(|v| second(v.name)).collect();
    let suggestion = given.and_then(|g| {
        let canonical = subs.iter().map(|v| (second(v.name), v.name));
        let aliases = subs.iter().flat_map(|v| {
            v.aliases
                .iter()
                .filter_map(move |a| a.split_once(' ').map(|(_, s)| (s, v.name)))
        });
        closest(g, canonical.chain(aliases)).map(str::to_string)
    });
    ParseError::MissingSub {
        verb: head.to_string(),
        expected: expected.join(", "),
        suggestion,
    }
}

/// The verb an unknown first word most likely meant: a verb with a typo ("pol"), or a
/// sub-verb typed alone ("import" for `reading import`).
fn suggest_verb(given: &str) -> Option<String> {
    let heads = VERBS.iter().map(|v| {
        let head = v.name.split(' ').next().unwrap_or(v.name);
        (head, head)
    });
    let subs = VERBS
        .iter()
        .filter_map(|v| v.name.split_once(' ').map(|(_, s)| (s, v.name)));
    let aliases = VERBS.iter().flat_map(|v| {
        v.aliases.iter().map(move |a| {
            let word = a.rsplit(' ').next().unwrap_or(a);
            let shown = if a.contains(' ') {
                v.name
            } else {
                v.name.split(' ').next().unwrap_or(v.name)
            };
            (word, shown)
        })
    });
    closest(given, heads.chain(subs).chain(aliases)).map(str::to_string)
}

fn build_setup(a: Args) -> Result<Command, ParseError> {
    a.no_positional()?;
    Ok(Command::Setup(SetupArgs {
        name: a.value("name"),
        tz: a.value("tz"),
        time: a.value("time"),
        days: a.value("days"),
        catch_up: a.value("catch-up"),
        summary_time: a.value("summary-time"),
        words: a.number("words")?,
    }))
}

fn build_reading_import(a: Args) -> Result<Command, ParseError> {
    a.no_positional()?;
    Ok(Command::ReadingImport {
        title: a.value("title"),
        author: a.value("author"),
        words: a.number("words")?,
        again: a.switch("again"),
        no_footnotes: a.switch("no-footnotes"),
    })
}

fn build_poll_create(a: Args) -> Result<Command, ParseError> {
    let claim = (!a.positional.is_empty()).then(|| a.positional.join(" "));
    let phase =
        match a.value("phase") {
            None => None,
            Some(p) => Some(Phase::parse(&p).ok_or_else(|| {
                ParseError::Invalid(format!("--phase is pre or post, not \"{p}\""))
            })?),
        };
    let suggestion = a.number::<usize>("suggestion")?;
    if claim.is_none() && suggestion.is_none() && phase != Some(Phase::Post) {
        return Err(ParseError::MissingArgument {
            verb: "poll create",
            what: "a claim in quotes, e.g. poll create \"Trade builds trust\" (or --suggestion N from `poll suggest`)",
        });
    }
    Ok(Command::PollCreate(PollSpec {
        claim,
        suggestion,
        scale: a.value("scale"),
        options: split_options(&a.values("options")),
        deadline: deadline_from(&a, Some(DEFAULT_POLL_MINUTES))?
            .unwrap_or(Deadline::Minutes(DEFAULT_POLL_MINUTES)),
        anonymous: a.switch("anonymous"),
        hidden: a.switch("hidden"),
        phase,
        native: a.switch("native"),
    }))
}

fn build_vote(a: Args) -> Result<Command, ParseError> {
    let (Some(poll), Some(option)) = (a.positional.first(), a.positional.get(1)) else {
        return Err(ParseError::MissingArgument {
            verb: "vote",
            what: "a poll number and an option, e.g. `vote 3 agree`",
        });
    };
    if let Some(extra) = a.positional.get(2) {
        return Err(ParseError::Unexpected(extra.clone()));
    }
    Ok(Command::Vote {
        poll: parse_id("the poll", poll)?,
        option: option.clone(),
        reason: a.value("reason"),
    })
}

fn build_export(a: Args) -> Result<Command, ParseError> {
    if let Some(extra) = a.positional.get(1) {
        return Err(ParseError::Unexpected(extra.clone()));
    }
    let format = match a.value("format").or_else(|| a.positional.first().cloned()) {
        None => ExportFormat::All,
        Some(f) => ExportFormat::parse(&f).ok_or_else(|| {
            ParseError::Invalid(format!(
                "unknown export format \"{f}\": use md, csv, json or all"
            ))
        })?,
    };
    let session = a
        .value("session")
        .map(|s| parse_id("the session", &s))
        .transpose()?;
    Ok(Command::Export { format, session })
}

/// Read an id such as `12` or `#12`.
pub fn parse_id(what: &str, given: &str) -> Result<i64, ParseError> {
    given
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ParseError::NotANumber {
            what: what.to_string(),
            given: given.to_string(),
        })
}

/// Split custom options given as "A | B | C" (several --options/--option flags add up).
pub fn split_options(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split('|'))
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_matrix_example() {
        let c = parse("poll create \"Structural realism explains continuity\" --scale likert5 --minutes 10 --anonymous --phase pre").unwrap();
        let Command::PollCreate(spec) = c else {
            panic!("not a poll")
        };
        assert_eq!(
            spec.claim.as_deref(),
            Some("Structural realism explains continuity")
        );
        assert_eq!(spec.scale.as_deref(), Some("likert5"));
        assert_eq!(spec.deadline, Deadline::Minutes(10));
        assert!(spec.anonymous && !spec.hidden);
        assert_eq!(spec.phase, Some(Phase::Pre));
    }

    #[test]
    fn curly_quotes_and_custom_options() {
        let c = parse("poll create “Which theory fits?” --options \"Realism | Liberalism|Constructivism\" --until 18:00").unwrap();
        let Command::PollCreate(spec) = c else {
            panic!()
        };
        assert_eq!(spec.claim.as_deref(), Some("Which theory fits?"));
        assert_eq!(spec.scale, None);
        assert_eq!(
            spec.options,
            vec!["Realism", "Liberalism", "Constructivism"]
        );
        assert_eq!(spec.deadline, Deadline::Until("18:00".into()));
    }

    #[test]
    fn clear_errors() {
        assert_eq!(parse(""), Err(ParseError::Empty));
        assert_eq!(
            parse("dance"),
            Err(ParseError::UnknownVerb {
                given: "dance".into(),
                suggestion: None
            })
        );
        assert!(matches!(parse("poll"), Err(ParseError::MissingSub { .. })));
        assert!(matches!(
            parse("poll create \"x\" --colour red"),
            Err(ParseError::UnknownFlag { .. })
        ));
        assert_eq!(
            parse("poll create \"x\" --minutes"),
            Err(ParseError::MissingValue("--minutes".into()))
        );
        assert!(matches!(
            parse("poll create \"x\" --minutes ten"),
            Err(ParseError::NotANumber { .. })
        ));
        assert_eq!(
            parse("poll create \"unclosed"),
            Err(ParseError::UnclosedQuote)
        );
        assert!(matches!(
            parse("vote 3"),
            Err(ParseError::MissingArgument { .. })
        ));
        assert!(matches!(
            parse("poll create"),
            Err(ParseError::MissingArgument { .. })
        ));
        assert!(matches!(
            parse("export --format pdf"),
            Err(ParseError::Invalid(_))
        ));
        assert!(matches!(
            parse("poll create x --minutes 5 --until 10:00"),
            Err(ParseError::Invalid(_))
        ));
    }

    #[test]
    fn other_verbs() {
        assert_eq!(parse("excerpt next").unwrap(), Command::ExcerptNext);
        assert_eq!(
            parse("schedule").unwrap(),
            Command::Schedule(ScheduleAction::Status)
        );
        assert_eq!(
            parse("vote #4 agree --reason 'it fits the evidence'").unwrap(),
            Command::Vote {
                poll: 4,
                option: "agree".into(),
                reason: Some("it fits the evidence".into())
            }
        );
        assert_eq!(
            parse("privacy forget-me --confirm").unwrap(),
            Command::PrivacyForgetMe { confirm: true }
        );
        assert_eq!(
            parse("summary 12").unwrap(),
            Command::Summary { session: Some(12) }
        );
        assert_eq!(
            parse("poll create --phase post").unwrap().verb(),
            "poll create"
        );
        let Command::Setup(s) =
            parse("setup --tz Europe/London --time=09:30 --days mon-fri").unwrap()
        else {
            panic!()
        };
        assert_eq!(s.tz.as_deref(), Some("Europe/London"));
        assert_eq!(s.time.as_deref(), Some("09:30"));
    }

    /// A line that runs `verb` with its required arguments.
    fn sample_line(verb: &Verb) -> String {
        match verb.name {
            "poll create" => "poll create \"x\"".into(),
            "vote" => "vote 1 agree".into(),
            "poll extend" => "poll extend --minutes 5".into(),
            "privacy quotes" => "privacy quotes on".into(),
            other => other.to_string(),
        }
    }

    #[test]
    fn every_verb_in_the_table_parses_to_itself() {
        for verb in VERBS {
            let line = sample_line(verb);
            let parsed = parse(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(parsed.verb(), verb.name, "{line}");
            for alias in verb.aliases {
                let line = sample_line(verb).replacen(verb.name, alias, 1);
                assert_eq!(parse(&line).map(|c| c.verb()), Ok(verb.name), "{line}");
            }
        }
    }

    #[test]
    fn the_parser_takes_exactly_the_flags_of_the_table() {
        let every: std::collections::BTreeSet<&str> = VERBS
            .iter()
            .flat_map(|v| v.flags.iter())
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
            .chain(["claim", "colour"])
            .collect();
        for verb in VERBS {
            for flag in &every {
                let line = format!("{} --{flag}=1", verb.name);
                let taken = !matches!(parse(&line), Err(ParseError::UnknownFlag { .. }));
                assert_eq!(taken, verb.flag(flag).is_some(), "{line}");
                if taken {
                    let f = verb.flag(flag).unwrap();
                    assert!(verb.usage().contains(&format!("--{}", f.name)));
                    assert!(!f.help.is_empty());
                }
            }
        }
    }

    #[test]
    fn suggestions_for_verbs_sub_verbs_and_flags() {
        let hint = |line: &str| match parse(line) {
            Err(
                ParseError::UnknownVerb { suggestion, .. }
                | ParseError::MissingSub { suggestion, .. }
                | ParseError::UnknownFlag { suggestion, .. },
            ) => suggestion,
            other => panic!("{line}: {other:?}"),
        };
        let table: &[(&str, Option<&str>)] = &[
            ("pol create \"x\"", Some("poll")),
            ("import", Some("reading import")),
            ("list", Some("reading list")),
            ("end", Some("session end")),
            ("sumary", Some("summary")),
            ("summarise", Some("summary")),
            ("poll creat \"x\"", Some("poll create")),
            ("poll new1", Some("poll create")),
            ("schedule pasue", Some("schedule pause")),
            ("privacy forgt-me", Some("privacy forget-me")),
            ("poll create \"x\" --minuts 5", Some("--minutes")),
            ("poll create \"x\" --anon", Some("--anonymous")),
            ("poll create \"x\" --optons \"a|b\"", Some("--options")),
            ("frobnicate", None),
            ("poll create \"x\" --colour red", None),
            ("poll zzz", None),
        ];
        for (line, expected) in table {
            assert_eq!(hint(line).as_deref(), *expected, "{line}");
        }
        assert_eq!(
            parse("pol create").unwrap_err().to_string(),
            "unknown command `pol`; did you mean `poll`?"
        );
        assert!(
            parse("poll create \"x\" --colour red")
                .unwrap_err()
                .to_string()
                .contains("it takes: --scale …")
        );
    }

    #[test]
    fn help_topics_find_verbs_groups_and_aliases() {
        let names = |t: &str| verbs_for(t).iter().map(|v| v.name).collect::<Vec<_>>();
        assert_eq!(names("poll create"), ["poll create"]);
        assert_eq!(names("/poll  Create"), ["poll create"]);
        assert_eq!(names("schedule").len(), 4);
        assert_eq!(names("poll").len(), 5);
        assert_eq!(names("poll new"), ["poll create"]);
        assert_eq!(names("summarize"), ["summary"]);
        assert!(names("pol").is_empty());
    }

    #[test]
    fn option_is_an_alias_and_claim_is_refused() {
        let Command::PollCreate(spec) =
            parse("poll create \"x\" --option \"a | b\" --options c").unwrap()
        else {
            panic!()
        };
        assert_eq!(spec.options, vec!["a", "b", "c"]);
        assert!(matches!(
            parse("poll create --claim \"x\""),
            Err(ParseError::UnknownFlag { .. })
        ));
        assert!(POLL_CREATE.usage().contains("--hours N"));
    }
}
