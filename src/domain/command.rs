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
    /// The least role that may run this command.
    pub fn required_role(&self) -> Role {
        match self {
            Command::Setup(_)
            | Command::ReadingImport { .. }
            | Command::ExcerptNext
            | Command::Schedule(
                ScheduleAction::Pause | ScheduleAction::Resume | ScheduleAction::Skip,
            )
            | Command::PollCreate(_)
            | Command::PollClose { .. }
            | Command::PollSuggest
            | Command::PollExtend { .. }
            | Command::SessionStart { .. }
            | Command::SessionEnd
            | Command::Stats
            | Command::Export { .. } => Role::Facilitator,
            Command::ReadingList
            | Command::ReadingPreview { .. }
            | Command::Schedule(ScheduleAction::Status)
            | Command::PollResults { .. }
            | Command::Summary { .. }
            | Command::Vote { .. } => Role::Member,
            Command::PrivacyMyData
            | Command::PrivacyForgetMe { .. }
            | Command::PrivacyQuotes { .. }
            | Command::Help { .. } => Role::Stranger,
        }
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
        match self {
            Command::Setup(_) => "setup",
            Command::ReadingImport { .. } => "reading import",
            Command::ReadingList => "reading list",
            Command::ReadingPreview { .. } => "reading preview",
            Command::ExcerptNext => "excerpt next",
            Command::Schedule(ScheduleAction::Status) => "schedule status",
            Command::Schedule(ScheduleAction::Pause) => "schedule pause",
            Command::Schedule(ScheduleAction::Resume) => "schedule resume",
            Command::Schedule(ScheduleAction::Skip) => "schedule skip",
            Command::PollCreate(_) => "poll create",
            Command::PollClose { .. } => "poll close",
            Command::PollResults { .. } => "poll results",
            Command::PollSuggest => "poll suggest",
            Command::PollExtend { .. } => "poll extend",
            Command::Vote { .. } => "vote",
            Command::SessionStart { .. } => "session start",
            Command::SessionEnd => "session end",
            Command::Summary { .. } => "summary",
            Command::Stats => "stats",
            Command::Export { .. } => "export",
            Command::PrivacyMyData => "privacy my-data",
            Command::PrivacyForgetMe { .. } => "privacy forget-me",
            Command::PrivacyQuotes { .. } => "privacy quotes",
            Command::Help { .. } => "help",
        }
    }
}

/// One line of help: usage, who may run it, what it does.
pub struct VerbHelp {
    pub usage: &'static str,
    pub role: Role,
    pub summary: &'static str,
}

/// The command table (product.md), used for `help` on text platforms and in tests.
pub const VERBS: &[VerbHelp] = &[
    VerbHelp {
        usage: "setup [--tz ZONE] [--time HH:MM] [--days mon-fri] [--catch-up latest|skip] [--summary-time HH:MM] [--words N] [--name NAME]",
        role: Role::Facilitator,
        summary: "bind this channel or room as a reading group and set its schedule",
    },
    VerbHelp {
        usage: "reading import [--title T] [--author A] [--words N] [--again] [--no-footnotes]",
        role: Role::Facilitator,
        summary: "import the attached .txt or .md file as the group's next reading",
    },
    VerbHelp {
        usage: "reading list",
        role: Role::Member,
        summary: "the group's readings and how far it has read",
    },
    VerbHelp {
        usage: "reading preview [READING]",
        role: Role::Member,
        summary: "the next excerpt, before it is posted",
    },
    VerbHelp {
        usage: "excerpt next",
        role: Role::Facilitator,
        summary: "post the next excerpt now",
    },
    VerbHelp {
        usage: "schedule status|pause|resume|skip",
        role: Role::Member,
        summary: "when the next excerpt comes (pause, resume and skip: facilitators)",
    },
    VerbHelp {
        usage: "poll create \"CLAIM\" [--scale agree|likert5|yesno|custom] [--options \"A | B | C\"] [--minutes N | --until HH:MM] [--anonymous] [--hidden] [--phase pre|post] [--suggestion N] [--native]",
        role: Role::Facilitator,
        summary: "open a poll on a claim",
    },
    VerbHelp {
        usage: "poll close [POLL]",
        role: Role::Facilitator,
        summary: "close a poll now and post its results",
    },
    VerbHelp {
        usage: "poll results [POLL]",
        role: Role::Member,
        summary: "a poll's results (hidden ones only once closed)",
    },
    VerbHelp {
        usage: "poll suggest",
        role: Role::Facilitator,
        summary: "claims from the current excerpt, ready to poll",
    },
    VerbHelp {
        usage: "poll extend [POLL] --minutes N | --until HH:MM",
        role: Role::Facilitator,
        summary: "move a poll's deadline",
    },
    VerbHelp {
        usage: "vote POLL OPTION [--reason \"…\"]",
        role: Role::Member,
        summary: "vote by text (for anonymous polls, in a direct message with the bot)",
    },
    VerbHelp {
        usage: "session start [--title T] | session end",
        role: Role::Facilitator,
        summary: "live seminar mode: record every message between start and end",
    },
    VerbHelp {
        usage: "summary [SESSION]",
        role: Role::Member,
        summary: "the summary of the current or a given session",
    },
    VerbHelp {
        usage: "stats",
        role: Role::Facilitator,
        summary: "participation in this group",
    },
    VerbHelp {
        usage: "export [--format md|csv|json|all] [--session ID]",
        role: Role::Facilitator,
        summary: "minutes as Markdown, replies and votes as CSV, everything as JSON",
    },
    VerbHelp {
        usage: "privacy my-data | privacy forget-me [--confirm] | privacy quotes on|off",
        role: Role::Stranger,
        summary: "see or delete your own data, or stop summaries quoting you by name",
    },
    VerbHelp {
        usage: "help [VERB]",
        role: Role::Stranger,
        summary: "what the bot can do here",
    },
];

/// Why a command line could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("no command given; try `help`")]
    Empty,
    #[error("unknown command \"{0}\"; try `help` for the list")]
    UnknownVerb(String),
    #[error("`{verb}` needs one of: {expected}")]
    MissingSub {
        verb: &'static str,
        expected: &'static str,
    },
    #[error("unknown option {flag} for `{verb}`; it takes: {allowed}")]
    UnknownFlag {
        verb: &'static str,
        flag: String,
        allowed: String,
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

/// Positional words and --flags of one command.
struct Args {
    positional: Vec<String>,
    flags: Vec<(String, Option<String>)>,
}

impl Args {
    /// Split words into positionals and flags; `valued` flags take the next word.
    fn read(
        verb: &'static str,
        words: &[String],
        valued: &[&str],
        switches: &[&str],
    ) -> Result<Args, ParseError> {
        let mut positional = Vec::new();
        let mut flags = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if let Some(name) = w.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (name.to_string(), None),
                };
                if valued.contains(&name.as_str()) {
                    let value = match inline {
                        Some(v) => v,
                        None => {
                            i += 1;
                            words
                                .get(i)
                                .cloned()
                                .ok_or_else(|| ParseError::MissingValue(format!("--{name}")))?
                        }
                    };
                    flags.push((name, Some(value)));
                } else if switches.contains(&name.as_str()) {
                    flags.push((name, None));
                } else {
                    let allowed: Vec<String> = valued
                        .iter()
                        .map(|f| format!("--{f} …"))
                        .chain(switches.iter().map(|f| format!("--{f}")))
                        .collect();
                    return Err(ParseError::UnknownFlag {
                        verb,
                        flag: format!("--{name}"),
                        allowed: if allowed.is_empty() {
                            "no options".into()
                        } else {
                            allowed.join(", ")
                        },
                    });
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
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    }

    fn values(&self, name: &str) -> Vec<String> {
        self.flags
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, v)| v.clone())
            .collect()
    }

    fn switch(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
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
    let verb = first.to_lowercase();
    let rest = &words[1..];
    let sub = rest.first().map(|s| s.to_lowercase());
    let after_sub = if rest.is_empty() { rest } else { &rest[1..] };
    match verb.as_str() {
        "setup" => {
            let a = Args::read(
                "setup",
                rest,
                &[
                    "tz",
                    "timezone",
                    "time",
                    "days",
                    "catch-up",
                    "summary-time",
                    "words",
                    "name",
                ],
                &[],
            )?;
            a.no_positional()?;
            Ok(Command::Setup(SetupArgs {
                name: a.value("name"),
                tz: a.value("tz").or_else(|| a.value("timezone")),
                time: a.value("time"),
                days: a.value("days"),
                catch_up: a.value("catch-up"),
                summary_time: a.value("summary-time"),
                words: a.number("words")?,
            }))
        }
        "reading" => match sub.as_deref() {
            Some("import") => {
                let a = Args::read(
                    "reading import",
                    after_sub,
                    &["title", "author", "words"],
                    &["again", "no-footnotes"],
                )?;
                a.no_positional()?;
                Ok(Command::ReadingImport {
                    title: a.value("title"),
                    author: a.value("author"),
                    words: a.number("words")?,
                    again: a.switch("again"),
                    no_footnotes: a.switch("no-footnotes"),
                })
            }
            Some("list") => {
                Args::read("reading list", after_sub, &[], &[])?.no_positional()?;
                Ok(Command::ReadingList)
            }
            Some("preview") => {
                let a = Args::read("reading preview", after_sub, &[], &[])?;
                Ok(Command::ReadingPreview {
                    reading: a.optional_id("the reading")?,
                })
            }
            _ => Err(ParseError::MissingSub {
                verb: "reading",
                expected: "import, list, preview",
            }),
        },
        "excerpt" => match sub.as_deref() {
            Some("next") => {
                Args::read("excerpt next", after_sub, &[], &[])?.no_positional()?;
                Ok(Command::ExcerptNext)
            }
            _ => Err(ParseError::MissingSub {
                verb: "excerpt",
                expected: "next",
            }),
        },
        "schedule" => {
            let action = match sub.as_deref() {
                Some("status") | None => ScheduleAction::Status,
                Some("pause") => ScheduleAction::Pause,
                Some("resume") => ScheduleAction::Resume,
                Some("skip") => ScheduleAction::Skip,
                Some(_) => {
                    return Err(ParseError::MissingSub {
                        verb: "schedule",
                        expected: "status, pause, resume, skip",
                    });
                }
            };
            Args::read("schedule", after_sub, &[], &[])?.no_positional()?;
            Ok(Command::Schedule(action))
        }
        "poll" => parse_poll(sub.as_deref(), after_sub),
        "vote" => {
            let a = Args::read("vote", rest, &["reason"], &[])?;
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
        "session" => match sub.as_deref() {
            Some("start") => {
                let a = Args::read("session start", after_sub, &["title"], &[])?;
                let title = a
                    .value("title")
                    .or_else(|| (!a.positional.is_empty()).then(|| a.positional.join(" ")));
                Ok(Command::SessionStart { title })
            }
            Some("end") => {
                Args::read("session end", after_sub, &[], &[])?.no_positional()?;
                Ok(Command::SessionEnd)
            }
            _ => Err(ParseError::MissingSub {
                verb: "session",
                expected: "start, end",
            }),
        },
        "summary" | "summarize" => {
            let a = Args::read("summary", rest, &["session"], &[])?;
            let session = match a.value("session") {
                Some(s) => Some(parse_id("the session", &s)?),
                None => a.optional_id("the session")?,
            };
            Ok(Command::Summary { session })
        }
        "stats" => {
            Args::read("stats", rest, &[], &[])?.no_positional()?;
            Ok(Command::Stats)
        }
        "export" => {
            let a = Args::read("export", rest, &["format", "session"], &[])?;
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
        "privacy" => match sub.as_deref() {
            Some("my-data") | Some("mydata") | Some("data") => Ok(Command::PrivacyMyData),
            Some("forget-me") | Some("forgetme") | Some("forget") => {
                let a = Args::read("privacy forget-me", after_sub, &[], &["confirm"])?;
                a.no_positional()?;
                Ok(Command::PrivacyForgetMe {
                    confirm: a.switch("confirm"),
                })
            }
            Some("quotes") => match after_sub.first().map(|s| s.to_lowercase()).as_deref() {
                Some("on") | Some("yes") => Ok(Command::PrivacyQuotes { allow: true }),
                Some("off") | Some("no") => Ok(Command::PrivacyQuotes { allow: false }),
                _ => Err(ParseError::MissingSub {
                    verb: "privacy quotes",
                    expected: "on, off",
                }),
            },
            _ => Err(ParseError::MissingSub {
                verb: "privacy",
                expected: "my-data, forget-me, quotes",
            }),
        },
        "help" | "?" => Ok(Command::Help {
            topic: (!rest.is_empty()).then(|| rest.join(" ")),
        }),
        other => Err(ParseError::UnknownVerb(other.to_string())),
    }
}

fn parse_poll(sub: Option<&str>, words: &[String]) -> Result<Command, ParseError> {
    match sub {
        Some("create") | Some("new") => {
            let a = Args::read(
                "poll create",
                words,
                &[
                    "scale",
                    "options",
                    "option",
                    "minutes",
                    "hours",
                    "until",
                    "phase",
                    "claim",
                    "suggestion",
                ],
                &["anonymous", "hidden", "native"],
            )?;
            let claim = a
                .value("claim")
                .or_else(|| (!a.positional.is_empty()).then(|| a.positional.join(" ")));
            let phase = match a.value("phase") {
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
            let mut options = split_options(&a.values("options"));
            options.extend(split_options(&a.values("option")));
            let scale = a.value("scale");
            Ok(Command::PollCreate(PollSpec {
                claim,
                suggestion,
                scale,
                options,
                deadline: deadline_from(&a, Some(DEFAULT_POLL_MINUTES))?
                    .unwrap_or(Deadline::Minutes(DEFAULT_POLL_MINUTES)),
                anonymous: a.switch("anonymous"),
                hidden: a.switch("hidden"),
                phase,
                native: a.switch("native"),
            }))
        }
        Some("close") | Some("end") => {
            let a = Args::read("poll close", words, &[], &[])?;
            Ok(Command::PollClose {
                poll: a.optional_id("the poll")?,
            })
        }
        Some("results") | Some("result") => {
            let a = Args::read("poll results", words, &[], &[])?;
            Ok(Command::PollResults {
                poll: a.optional_id("the poll")?,
            })
        }
        Some("suggest") | Some("suggestions") => {
            Args::read("poll suggest", words, &[], &[])?.no_positional()?;
            Ok(Command::PollSuggest)
        }
        Some("extend") => {
            let a = Args::read("poll extend", words, &["minutes", "hours", "until"], &[])?;
            let deadline = deadline_from(&a, None)?.ok_or(ParseError::MissingArgument {
                verb: "poll extend",
                what: "--minutes N, --hours N or --until HH:MM",
            })?;
            Ok(Command::PollExtend {
                poll: a.optional_id("the poll")?,
                deadline,
            })
        }
        _ => Err(ParseError::MissingSub {
            verb: "poll",
            expected: "create, close, results, suggest, extend",
        }),
    }
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
        assert_eq!(parse("dance"), Err(ParseError::UnknownVerb("dance".into())));
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

    #[test]
    fn every_verb_in_the_table_parses() {
        for verb in VERBS {
            let example = verb.usage.split(['[', '|']).next().unwrap().trim();
            let line = match example {
                "poll create \"CLAIM\"" => "poll create \"x\"".to_string(),
                "vote POLL OPTION" => "vote 1 agree".to_string(),
                "poll extend" => "poll extend --minutes 5".to_string(),
                "schedule status" => "schedule status".to_string(),
                other => other.to_string(),
            };
            let parsed = parse(&line);
            assert!(parsed.is_ok(), "{line}: {parsed:?}");
        }
    }
}
