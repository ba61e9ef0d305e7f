//! The verb table: one entry per verb — its name, who may run it, its arguments and every
//! `--flag` it takes, each with a line of help, and how its words become a [`Command`]. The
//! parser reads flags from here and `help` prints from here, so the two cannot drift.

use super::args::{Args, DEFAULT_POLL_MINUTES, ParseError, deadline_from, parse_id, split_options};
use super::{Command, ExportFormat, PollSpec, Role, ScheduleAction, SetupArgs, VoiceChannelArg};
use crate::domain::poll::{Deadline, Phase};
use crate::i18n::Locale;

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
    pub(super) build: fn(Args) -> Result<Command, ParseError>,
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

    /// The Fluent key of its summary (`help-poll-create`); its arguments' help is under
    /// `help-poll-create-arg-NAME` and its flags' under `help-poll-create--NAME`
    /// (prompts/locales/*/help.ftl).
    pub fn help_key(&self) -> String {
        format!("help-{}", self.name.replace(' ', "-"))
    }

    /// The summary in `locale` (the table's English where a key is missing).
    pub fn summary_in(&self, locale: Locale) -> String {
        localized(locale, &self.help_key(), self.summary)
    }

    /// An argument's help in `locale`.
    pub fn arg_help_in(&self, arg: &Arg, locale: Locale) -> String {
        localized(
            locale,
            &format!("{}-arg-{}", self.help_key(), arg.name),
            arg.help,
        )
    }

    /// A flag's help in `locale`.
    pub fn flag_help_in(&self, flag: &Flag, locale: Locale) -> String {
        localized(
            locale,
            &format!("{}--{}", self.help_key(), flag.name),
            flag.help,
        )
    }

    /// Every spelling of the verb: its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

/// The message `key` in `locale`, or `english` when no locale has it.
fn localized(locale: Locale, key: &str, english: &str) -> String {
    if crate::i18n::messages().has(Locale::En, key) {
        crate::i18n::text(locale, key, &[])
    } else {
        english.to_string()
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
        Flag {
            name: "language",
            aliases: &["lang"],
            takes: Takes::Text("en|ru|zh|de|fr"),
            help: "the language the bot speaks in this group: en, ru, zh (Simplified Chinese), de or fr (new groups: en)",
        },
        text(
            "voice-channel",
            "CHANNEL|none",
            "Discord: the voice or stage channel whose members count as present at live sessions (its name, mention or id); none to stop",
        ),
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
        text(
            "language",
            "CODE",
            "the reading's language: en, ru, zh, de or fr (default: detected from the text)",
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

const CARD_MINUTES: Flag = number(
    "minutes",
    "N",
    "minutes until voting closes (default: when the session ends, else 24 hours)",
);
const CARD_HOURS: Flag = number("hours", "N", "hours until voting closes");
const CARD_UNTIL: Flag = text(
    "until",
    "HH:MM",
    "close at this local time (tomorrow if it has passed today), or YYYY-MM-DD HH:MM",
);

pub const CLAIM_ADD: Verb = Verb {
    name: "claim add",
    aliases: &["claim propose", "claim new"],
    role: Role::Member,
    summary: "propose a claim for the group to vote on (a facilitator reviews it first)",
    args: &[Arg {
        name: "claim",
        shown: "\"CLAIM\"",
        help: "the claim, in quotes, at most 300 characters",
    }],
    flags: &[],
    build: |a| {
        if a.positional.is_empty() {
            return Err(ParseError::MissingArgument {
                verb: "claim add",
                what: "the claim in quotes, e.g. claim add \"Hedging is a strategy, not indecision\"",
            });
        }
        Ok(Command::ClaimAdd {
            text: a.positional.join(" "),
        })
    },
};

pub const CLAIM_QUEUE: Verb = Verb {
    name: "claim queue",
    aliases: &["claim list", "claims"],
    role: Role::Facilitator,
    summary: "the claims members proposed, waiting for approval (only you see it)",
    args: &[],
    flags: &[],
    build: |a| {
        a.no_positional()?;
        Ok(Command::ClaimQueue)
    },
};

pub const CLAIM_APPROVE: Verb = Verb {
    name: "claim approve",
    aliases: &["claim accept"],
    role: Role::Facilitator,
    summary: "approve a proposed claim (optionally reworded) and post it as a vote card: agree / disagree / pass",
    args: &[
        Arg {
            name: "claim",
            shown: "N",
            help: "the claim's number in `claim queue`",
        },
        Arg {
            name: "text",
            shown: "[\"EDITED TEXT\"]",
            help: "the claim reworded, in quotes (default: as proposed)",
        },
    ],
    flags: &[
        CARD_MINUTES,
        CARD_HOURS,
        CARD_UNTIL,
        switch(
            "anonymous",
            "nobody, facilitators included, sees who voted what; members vote in a direct message",
        ),
        text(
            "phase",
            "pre|post",
            "ask it before the discussion (pre), to repeat it after with `poll create --phase post`",
        ),
    ],
    build: |a| {
        let Some(first) = a.positional.first() else {
            return Err(ParseError::MissingArgument {
                verb: "claim approve",
                what: "the claim's number from `claim queue`, e.g. claim approve 3",
            });
        };
        let id = parse_id("the claim", first)?;
        let text = (a.positional.len() > 1).then(|| a.positional[1..].join(" "));
        Ok(Command::ClaimApprove {
            id,
            text,
            deadline: deadline_from(&a, None)?,
            anonymous: a.switch("anonymous"),
            phase: phase_of(&a)?,
        })
    },
};

pub const CLAIM_REJECT: Verb = Verb {
    name: "claim reject",
    aliases: &["claim decline"],
    role: Role::Facilitator,
    summary: "reject a proposed claim: it never appears in any result, summary, export or chart",
    args: &[Arg {
        name: "claim",
        shown: "N",
        help: "the claim's number in `claim queue`",
    }],
    flags: &[],
    build: |a| {
        let Some(first) = a.positional.first() else {
            return Err(ParseError::MissingArgument {
                verb: "claim reject",
                what: "the claim's number from `claim queue`, e.g. claim reject 3",
            });
        };
        if let Some(extra) = a.positional.get(1) {
            return Err(ParseError::Unexpected(extra.clone()));
        }
        Ok(Command::ClaimReject {
            id: parse_id("the claim", first)?,
        })
    },
};

pub const CLAIM_CARDS: Verb = Verb {
    name: "claim cards",
    aliases: &["claim suggested"],
    role: Role::Facilitator,
    summary: "post the current excerpt's suggested claims as vote cards (agree / disagree / pass)",
    args: &[],
    flags: &[
        CARD_MINUTES,
        CARD_HOURS,
        CARD_UNTIL,
        switch(
            "anonymous",
            "nobody, facilitators included, sees who voted what; members vote in a direct message",
        ),
    ],
    build: |a| {
        a.no_positional()?;
        Ok(Command::ClaimCards {
            deadline: deadline_from(&a, None)?,
            anonymous: a.switch("anonymous"),
        })
    },
};

pub const MAP: Verb = Verb {
    name: "map",
    aliases: &["opinion map"],
    role: Role::Member,
    summary: "the opinion map: who thinks alike across the claims, what every group agrees on, where the divide runs",
    args: &[],
    flags: &[
        number(
            "session",
            "ID",
            "the claims of this session (default: the current one)",
        ),
        number(
            "reading",
            "ID",
            "the claims of every session of this reading instead",
        ),
    ],
    build: |a| {
        a.no_positional()?;
        let session = a.number::<i64>("session")?;
        let reading = a.number::<i64>("reading")?;
        if session.is_some() && reading.is_some() {
            return Err(ParseError::NotBoth("--session", "--reading"));
        }
        Ok(Command::Map { session, reading })
    },
};

pub const REPORT: Verb = Verb {
    name: "report",
    aliases: &["deliberation"],
    role: Role::Member,
    summary: "how the discussion moved opinion: the pre/post polls and cards, participants against lurkers, quiz knowledge",
    args: &[],
    flags: &[number(
        "session",
        "ID",
        "this session (default: the current one)",
    )],
    build: |a| {
        a.no_positional()?;
        Ok(Command::Report {
            session: a.number::<i64>("session")?,
        })
    },
};

pub const QUIZ_ADD: Verb = Verb {
    name: "quiz add",
    aliases: &["quiz new"],
    role: Role::Facilitator,
    summary: "a knowledge question with a right answer, asked before and after the discussion",
    args: &[Arg {
        name: "question",
        shown: "\"QUESTION\"",
        help: "the question, in quotes (a post question may leave it out and repeat its pre question)",
    }],
    flags: &[
        Flag {
            name: "options",
            aliases: &["option"],
            takes: Takes::Text("\"A | B | C\""),
            help: "the answers to choose from, 2 to 10, separated by |",
        },
        number("answer", "N", "which option is right (1 is the first)"),
        text(
            "phase",
            "pre|post",
            "before or after the discussion (default: pre); a post question repeats its pre question",
        ),
        CARD_MINUTES,
        CARD_HOURS,
        CARD_UNTIL,
    ],
    build: |a| {
        let question = (!a.positional.is_empty()).then(|| a.positional.join(" "));
        let phase = phase_of(&a)?.unwrap_or(Phase::Pre);
        if question.is_none() && phase == Phase::Pre {
            return Err(ParseError::MissingArgument {
                verb: "quiz add",
                what: "the question in quotes, with --options and --answer",
            });
        }
        Ok(Command::QuizAdd {
            question,
            options: split_options(&a.values("options")),
            answer: a.number::<usize>("answer")?,
            phase,
            deadline: deadline_from(&a, None)?,
        })
    },
};

fn phase_of(a: &Args) -> Result<Option<Phase>, ParseError> {
    match a.value("phase") {
        None => Ok(None),
        Some(p) => Phase::parse(&p)
            .map(Some)
            .ok_or_else(|| ParseError::BadChoice {
                what: "--phase",
                choices: "pre|post",
                given: p.clone(),
            }),
    }
}

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
    &CLAIM_ADD,
    &CLAIM_QUEUE,
    &CLAIM_APPROVE,
    &CLAIM_REJECT,
    &CLAIM_CARDS,
    &MAP,
    &REPORT,
    &QUIZ_ADD,
    &SESSION_START,
    &SESSION_END,
    &AGENDA_SET,
    &AGENDA_START,
    &AGENDA_NEXT,
    &AGENDA_BACK,
    &AGENDA_EXTEND,
    &AGENDA_STATUS,
    &HAND_RAISE,
    &HAND_DOWN,
    &QUEUE_SHOW,
    &QUEUE_NEXT,
    &QUEUE_SKIP,
    &QUEUE_CLEAR,
    &QUEUE_MODE,
    &NOTE,
    &DECISION,
    &ACTION_ADD,
    &ACTION_LIST,
    &ACTION_DONE,
    &BREAKOUT,
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
        language: a.value("language"),
        voice_channel: a.value("voice-channel").map(|v| VoiceChannelArg::parse(&v)),
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
        language: a.value("language"),
    })
}

fn build_poll_create(a: Args) -> Result<Command, ParseError> {
    let claim = (!a.positional.is_empty()).then(|| a.positional.join(" "));
    let phase = match a.value("phase") {
        None => None,
        Some(p) => Some(Phase::parse(&p).ok_or_else(|| ParseError::BadChoice {
            what: "--phase",
            choices: "pre|post",
            given: p.clone(),
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
        Some(f) => ExportFormat::parse(&f).ok_or_else(|| ParseError::BadChoice {
            what: "--format",
            choices: "md|csv|json|all",
            given: f.clone(),
        })?,
    };
    let session = a
        .value("session")
        .map(|s| parse_id("the session", &s))
        .transpose()?;
    Ok(Command::Export { format, session })
}

// ---- live seminars (issue 18) --------------------------------------------------------

/// Verbs with nothing to read after them.
fn bare(a: &Args, command: Command) -> Result<Command, ParseError> {
    a.no_positional()?;
    Ok(command)
}

/// The words after the verb as one text, or what is missing.
fn text_of(a: &Args, verb: &'static str, what: &'static str) -> Result<String, ParseError> {
    if a.positional.is_empty() {
        return Err(ParseError::MissingArgument { verb, what });
    }
    Ok(a.positional.join(" "))
}

pub const AGENDA_SET: Verb = Verb {
    name: "agenda set",
    aliases: &[],
    role: Role::Facilitator,
    summary: "the live session's agenda: items with timeboxes, separated by | (or attach a Markdown list)",
    args: &[Arg {
        name: "agenda",
        shown: "\"ITEM 5m | ITEM 20m | …\"",
        help: "each item ends with its timebox, e.g. \"Opening 5m | Part I 20m | Wrap-up 10m\" (at most 20 items, 8 hours)",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::AgendaSet {
            text: (!a.positional.is_empty()).then(|| a.positional.join(" ")),
        })
    },
};

pub const AGENDA_START: Verb = Verb {
    name: "agenda start",
    aliases: &[],
    role: Role::Facilitator,
    summary: "start the agenda's first item; each item starts when the one before runs out (or on `agenda next`)",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::AgendaStart),
};

pub const AGENDA_NEXT: Verb = Verb {
    name: "agenda next",
    aliases: &[],
    role: Role::Facilitator,
    summary: "end the running item now and start the next one",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::AgendaNext),
};

pub const AGENDA_BACK: Verb = Verb {
    name: "agenda back",
    aliases: &["agenda previous"],
    role: Role::Facilitator,
    summary: "go back to the previous item (with its whole timebox again)",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::AgendaBack),
};

pub const AGENDA_EXTEND: Verb = Verb {
    name: "agenda extend",
    aliases: &[],
    role: Role::Facilitator,
    summary: "give the running item more time",
    args: &[Arg {
        name: "time",
        shown: "TIME",
        help: "how much longer, e.g. 5m or 1h",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::AgendaExtend {
            time: text_of(
                &a,
                "agenda extend",
                "how much longer, e.g. agenda extend 5m",
            )?,
        })
    },
};

pub const AGENDA_STATUS: Verb = Verb {
    name: "agenda status",
    aliases: &["agenda"],
    role: Role::Member,
    summary: "the agenda, the running item and the time it has left",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::AgendaStatus),
};

pub const HAND_RAISE: Verb = Verb {
    name: "hand raise",
    aliases: &["hand", "hand up"],
    role: Role::Member,
    summary: "ask to speak: join the speaking queue (you are told your place privately)",
    args: &[Arg {
        name: "topic",
        shown: "[TOPIC]",
        help: "what you want to raise, in a few words",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::HandRaise {
            topic: (!a.positional.is_empty()).then(|| a.positional.join(" ")),
        })
    },
};

pub const HAND_DOWN: Verb = Verb {
    name: "hand down",
    aliases: &["hand lower"],
    role: Role::Member,
    summary: "leave the speaking queue",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::HandDown),
};

pub const QUEUE_SHOW: Verb = Verb {
    name: "queue show",
    aliases: &["queue"],
    role: Role::Member,
    summary: "who is speaking and who is next (only you see it, with your own place)",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::QueueShow),
};

pub const QUEUE_NEXT: Verb = Verb {
    name: "queue next",
    aliases: &[],
    role: Role::Facilitator,
    summary: "give the floor to the next member in the queue",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::QueueNext),
};

pub const QUEUE_SKIP: Verb = Verb {
    name: "queue skip",
    aliases: &[],
    role: Role::Facilitator,
    summary: "pass over the next member in the queue (their hand goes down)",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::QueueSkip),
};

pub const QUEUE_CLEAR: Verb = Verb {
    name: "queue clear",
    aliases: &[],
    role: Role::Facilitator,
    summary: "lower every raised hand",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::QueueClear),
};

pub const QUEUE_MODE: Verb = Verb {
    name: "queue mode",
    aliases: &[],
    role: Role::Facilitator,
    summary: "the queue's order: first come first served, or progressive (who has spoken least this session goes first)",
    args: &[Arg {
        name: "mode",
        shown: "order|progressive",
        help: "order: as hands were raised; progressive: the least heard first",
    }],
    flags: &[],
    build: |a| {
        if let Some(extra) = a.positional.get(1) {
            return Err(ParseError::Unexpected(extra.clone()));
        }
        match a.positional.first().map(|s| s.to_lowercase()).as_deref() {
            Some("progressive") | Some("fair") | Some("stack") => {
                Ok(Command::QueueMode { progressive: true })
            }
            Some("order") | Some("fifo") | Some("normal") => {
                Ok(Command::QueueMode { progressive: false })
            }
            Some(other) => Err(ParseError::BadChoice {
                what: "queue mode",
                choices: "order|progressive",
                given: other.to_string(),
            }),
            None => Err(ParseError::MissingArgument {
                verb: "queue mode",
                what: "order or progressive",
            }),
        }
    },
};

pub const NOTE: Verb = Verb {
    name: "note",
    aliases: &[],
    role: Role::Member,
    summary: "a note for the minutes, filed under the running agenda item",
    args: &[Arg {
        name: "text",
        shown: "TEXT",
        help: "the note (at most 500 characters)",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::Note {
            text: text_of(
                &a,
                "note",
                "the note's text, e.g. note Ana will share the map",
            )?,
        })
    },
};

pub const DECISION: Verb = Verb {
    name: "decision",
    aliases: &["decide"],
    role: Role::Member,
    summary: "a decision for the minutes, filed under the running agenda item",
    args: &[Arg {
        name: "text",
        shown: "TEXT",
        help: "what was decided (at most 500 characters)",
    }],
    flags: &[],
    build: |a| {
        Ok(Command::Decision {
            text: text_of(
                &a,
                "decision",
                "what was decided, e.g. decision we read part II next",
            )?,
        })
    },
};

pub const ACTION_ADD: Verb = Verb {
    name: "action add",
    aliases: &["action"],
    role: Role::Member,
    summary: "an action item for a member of the group, with an optional due date",
    args: &[
        Arg {
            name: "member",
            shown: "@MEMBER",
            help: "who will do it: a member of this group",
        },
        Arg {
            name: "text",
            shown: "TEXT",
            help: "what they will do (at most 500 characters)",
        },
    ],
    flags: &[text(
        "due",
        "DATE",
        "by when: YYYY-MM-DD, today, tomorrow or a weekday",
    )],
    build: |a| {
        let (Some(owner), true) = (a.positional.first(), a.positional.len() > 1) else {
            return Err(ParseError::MissingArgument {
                verb: "action add",
                what: "a member and what they will do, e.g. action @ana circulate the map --due friday",
            });
        };
        Ok(Command::ActionAdd {
            owner: owner.clone(),
            text: a.positional[1..].join(" "),
            due: a.value("due"),
        })
    },
};

pub const ACTION_LIST: Verb = Verb {
    name: "action list",
    aliases: &["actions"],
    role: Role::Member,
    summary: "the group's open action items",
    args: &[],
    flags: &[],
    build: |a| bare(&a, Command::ActionList),
};

pub const ACTION_DONE: Verb = Verb {
    name: "action done",
    aliases: &["action close"],
    role: Role::Member,
    summary: "mark an action item done (its owner or a facilitator)",
    args: &[Arg {
        name: "action",
        shown: "N",
        help: "the action's number in `action list`",
    }],
    flags: &[],
    build: |a| {
        let Some(first) = a.positional.first() else {
            return Err(ParseError::MissingArgument {
                verb: "action done",
                what: "the action's number from `action list`, e.g. action done 3",
            });
        };
        if let Some(extra) = a.positional.get(1) {
            return Err(ParseError::Unexpected(extra.clone()));
        }
        Ok(Command::ActionDone {
            id: parse_id("the action", first)?,
        })
    },
};

pub const BREAKOUT: Verb = Verb {
    name: "breakout",
    aliases: &["breakouts"],
    role: Role::Facilitator,
    summary: "split the members present into threads for a while, each with a question; a report-back from each is gathered here",
    args: &[Arg {
        name: "rooms",
        shown: "N",
        help: "how many threads (at least 1, at most one per member present)",
    }],
    flags: &[
        number("minutes", "M", "how long, in minutes (default: 15)"),
        text(
            "by",
            "opinion",
            "mix the opinion map's groups in every thread (default: at random)",
        ),
    ],
    build: |a| {
        let Some(first) = a.positional.first() else {
            return Err(ParseError::MissingArgument {
                verb: "breakout",
                what: "how many threads, e.g. breakout 3 --minutes 15",
            });
        };
        if let Some(extra) = a.positional.get(1) {
            return Err(ParseError::Unexpected(extra.clone()));
        }
        let rooms = first
            .trim()
            .parse::<i64>()
            .map_err(|_| ParseError::NotANumber {
                what: "the number of threads".into(),
                given: first.clone(),
            })?;
        let by_opinion = match a.value("by").map(|b| b.to_lowercase()).as_deref() {
            None | Some("random") => false,
            Some("opinion") | Some("map") => true,
            Some(other) => {
                return Err(ParseError::BadChoice {
                    what: "--by",
                    choices: "opinion|random",
                    given: other.to_string(),
                });
            }
        };
        Ok(Command::Breakout {
            rooms,
            minutes: a
                .number::<i64>("minutes")?
                .unwrap_or(DEFAULT_BREAKOUT_MINUTES),
            by_opinion,
        })
    },
};

/// A breakout's length when none is given.
pub const DEFAULT_BREAKOUT_MINUTES: i64 = 15;
