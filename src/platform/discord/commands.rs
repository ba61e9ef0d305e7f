//! The slash commands: one `#[poise::command]` per verb of the command table. Each builds
//! the typed [`Command`] from its options and hands it to [`respond::run`]; the engine
//! checks who may do what. The `///` comments are what members read in Discord: the
//! first paragraph is the command's description (at most 100 characters), the rest is
//! `/help COMMAND`.

use poise::serenity_prelude as serenity;

use super::autocomplete::{
    complete_open_poll, complete_poll, complete_reading, complete_session, complete_zone,
};
use super::respond;
use super::{Ctx, Data, Error};
use crate::domain::command::{
    Command, DEFAULT_POLL_MINUTES, ExportFormat, PollSpec, ScheduleAction, SetupArgs, split_options,
};
use crate::domain::poll::{Deadline, Phase};

/// Every command, as registered with Discord.
pub(crate) fn all() -> Vec<poise::Command<Data, Error>> {
    let mut all = vec![
        setup(),
        reading(),
        excerpt(),
        schedule(),
        poll(),
        vote(),
        claim(),
        map(),
        report(),
        quiz(),
        session(),
        summary(),
        stats(),
        export(),
        privacy(),
        super::help::help(),
    ];
    all.extend(super::live_commands::all());
    all
}

/// After downtime, whether the missed excerpt is posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum CatchUp {
    #[name = "post the latest missed excerpt"]
    Latest,
    #[name = "skip missed posts"]
    Skip,
}

/// The language the bot speaks in the group; each named in itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum LanguageChoice {
    #[name = "English"]
    En,
    #[name = "Русский"]
    Ru,
    #[name = "简体中文"]
    Zh,
    #[name = "Deutsch"]
    De,
    #[name = "Français"]
    Fr,
}

impl LanguageChoice {
    fn code(self) -> &'static str {
        match self {
            LanguageChoice::En => "en",
            LanguageChoice::Ru => "ru",
            LanguageChoice::Zh => "zh",
            LanguageChoice::De => "de",
            LanguageChoice::Fr => "fr",
        }
    }
}

/// A poll's answer scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum ScaleChoice {
    #[name = "agree / disagree / unsure"]
    Agree,
    #[name = "strongly disagree … strongly agree (5 points)"]
    Likert5,
    #[name = "yes / no"]
    YesNo,
    #[name = "my own options"]
    Custom,
}

impl ScaleChoice {
    fn as_str(self) -> &'static str {
        match self {
            ScaleChoice::Agree => "agree",
            ScaleChoice::Likert5 => "likert5",
            ScaleChoice::YesNo => "yesno",
            ScaleChoice::Custom => "custom",
        }
    }
}

/// Before or after the discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum PhaseChoice {
    #[name = "pre: before the discussion"]
    Pre,
    #[name = "post: after the discussion (pairs with the pre poll)"]
    Post,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum FormatChoice {
    #[name = "everything (minutes, CSV and JSON)"]
    All,
    #[name = "minutes (Markdown)"]
    Minutes,
    #[name = "replies and votes (CSV)"]
    Csv,
    #[name = "everything as JSON"]
    Json,
}

fn id(n: Option<i64>) -> Option<i64> {
    n.filter(|n| *n > 0)
}

/// A deadline from the options given, at most one of them.
fn deadline(
    minutes: Option<i64>,
    hours: Option<i64>,
    until: Option<String>,
) -> Result<Option<Deadline>, OptionMistake> {
    match (minutes, hours, until) {
        (None, None, None) => Ok(None),
        (Some(m), None, None) => Ok(Some(Deadline::Minutes(m))),
        (None, Some(h), None) => Ok(Some(Deadline::Minutes(h.saturating_mul(60)))),
        (None, None, Some(u)) => Ok(Some(Deadline::Until(u))),
        _ => Err(OptionMistake::DeadlineTwice),
    }
}

/// A mistake in a command's options, found before anything runs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum OptionMistake {
    /// Already said in the group's language.
    Said(String),
    /// Both a session and a reading.
    SessionAndReading,
    /// A new quiz question without its question.
    QuizQuestionMissing,
    /// More than one of minutes, hours and until.
    DeadlineTwice,
    /// None of minutes, hours and until where one is needed.
    DeadlineMissing,
}

/// Answer a mistake in the options privately, in the group's language, without running
/// anything.
async fn refuse(ctx: Ctx<'_>, mistake: OptionMistake) -> Result<(), Error> {
    let loc = respond::locale_here(ctx).await;
    let text = match mistake {
        OptionMistake::Said(text) => text,
        OptionMistake::SessionAndReading => crate::t!(loc, "discord-session-and-reading"),
        OptionMistake::QuizQuestionMissing => crate::t!(loc, "discord-quiz-question-missing"),
        OptionMistake::DeadlineTwice => crate::t!(loc, "discord-deadline-twice"),
        OptionMistake::DeadlineMissing => crate::t!(loc, "discord-deadline-missing"),
    };
    ctx.send(
        poise::CreateReply::default()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
    .await?;
    Ok(())
}

// ---- autocomplete -------------------------------------------------------------------

/// Make this channel a reading group, or change its schedule (facilitators).
///
/// Options left out keep their current value (new groups: UTC, 09:00, every day, summaries
/// at 21:00, about 220 words per excerpt). Example: `/setup tz:Europe/London time:08:30
/// days:mon-fri`. Then import a reading with `/reading import`.
#[poise::command(slash_command)]
#[allow(clippy::too_many_arguments)]
pub(crate) async fn setup(
    ctx: Ctx<'_>,
    #[description = "Time zone, e.g. Europe/London"]
    #[autocomplete = "complete_zone"]
    tz: Option<String>,
    #[description = "When the daily excerpt is posted, HH:MM (24-hour)"] time: Option<String>,
    #[description = "Posting days: daily, weekdays, mon-fri or mon,wed,fri"] days: Option<String>,
    #[description = "After the bot was offline: post the missed excerpt, or skip it"]
    catch_up: Option<CatchUp>,
    #[description = "When each day's discussion is summarized, HH:MM"] summary_time: Option<String>,
    #[description = "About how many words per excerpt (40 to 5000)"]
    #[min = 40]
    #[max = 5000]
    words: Option<i64>,
    #[description = "A short name for the group"]
    #[max_length = 60]
    name: Option<String>,
    #[description = "The language the bot speaks in this group"] language: Option<LanguageChoice>,
    #[description = "Voice or stage channel whose members count as present at live sessions (none: stop)"]
    #[autocomplete = "super::voice::complete_voice_channel"]
    voice_channel: Option<String>,
) -> Result<(), Error> {
    let voice_channel = match voice_channel {
        None => None,
        Some(typed) => {
            let loc = match respond::whoami(ctx).await {
                Some((_, channel)) => ctx.data().engine.locale_of(&channel).await,
                None => crate::i18n::Locale::default(),
            };
            match super::voice::resolve(ctx, &typed, loc).await {
                Ok(arg) => Some(arg),
                // Members who may not run setup hear that instead (the engine says so).
                Err(why) if may_setup(ctx).await => {
                    return refuse(ctx, OptionMistake::Said(why)).await;
                }
                Err(_) => Some(crate::domain::command::VoiceChannelArg::Typed(typed)),
            }
        }
    };
    let args = SetupArgs {
        name,
        tz,
        time,
        days,
        catch_up: catch_up.map(|c| {
            match c {
                CatchUp::Latest => "latest",
                CatchUp::Skip => "skip",
            }
            .to_string()
        }),
        summary_time,
        words: words.map(|w| w.max(0) as usize),
        language: language.map(|l| l.code().to_string()),
        voice_channel,
    };
    respond::run(ctx, Command::Setup(args), None).await
}

/// Whether the caller may run `setup` here.
async fn may_setup(ctx: Ctx<'_>) -> bool {
    match respond::whoami(ctx).await {
        Some((caller, channel)) => {
            !ctx.data()
                .engine
                .refuses(&caller, &Command::Setup(SetupArgs::default()), &channel)
                .await
        }
        None => false,
    }
}

// ---- readings -------------------------------------------------------------------------

/// Readings: import one, list them, preview the next excerpt.
#[poise::command(
    slash_command,
    subcommands("reading_import", "reading_list", "reading_preview"),
    subcommand_required
)]
pub(crate) async fn reading(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Import an attached .txt or .md file as the group's next reading (facilitators).
///
/// The text is split into excerpts with discussion questions; author lines, contact details
/// and DOIs at the top are kept as details, not posted. Options override the title and
/// author found in the file, and the excerpt length.
#[allow(clippy::too_many_arguments)] // one argument per slash-command option
#[poise::command(slash_command, rename = "import")]
pub(crate) async fn reading_import(
    ctx: Ctx<'_>,
    #[description = "The reading, as a .txt or .md file"] file: serenity::Attachment,
    #[description = "The title (default: from the file)"]
    #[max_length = 200]
    title: Option<String>,
    #[description = "The author (default: from the file)"]
    #[max_length = 200]
    author: Option<String>,
    #[description = "About how many words per excerpt (default: the group's setting)"]
    #[min = 40]
    #[max = 5000]
    words: Option<i64>,
    #[description = "Import even if this group already has the same text"] again: Option<bool>,
    #[description = "Leave footnotes out instead of showing them under their excerpts"]
    no_footnotes: Option<bool>,
    #[description = "The reading's language: en, ru, zh, de or fr (default: detected)"]
    #[max_length = 16]
    language: Option<String>,
) -> Result<(), Error> {
    let command = Command::ReadingImport {
        title,
        author,
        words: words.map(|w| w.max(0) as usize),
        again: again.unwrap_or(false),
        no_footnotes: no_footnotes.unwrap_or(false),
        language,
    };
    respond::run(ctx, command, Some(file)).await
}

/// The group's readings and how far it has read.
#[poise::command(slash_command, rename = "list")]
pub(crate) async fn reading_list(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::ReadingList, None).await
}

/// The next excerpt and its questions, before they are posted.
#[poise::command(slash_command, rename = "preview")]
pub(crate) async fn reading_preview(
    ctx: Ctx<'_>,
    #[description = "Which reading (default: the one being read)"]
    #[autocomplete = "complete_reading"]
    reading: Option<i64>,
) -> Result<(), Error> {
    respond::run(
        ctx,
        Command::ReadingPreview {
            reading: id(reading),
        },
        None,
    )
    .await
}

// ---- excerpts and schedule --------------------------------------------------------------

/// Excerpts: post the next one now.
#[poise::command(slash_command, subcommands("excerpt_next"), subcommand_required)]
pub(crate) async fn excerpt(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post the next excerpt now, with its questions, in a thread of its own (facilitators).
///
/// Before today's post time it counts as today's post; after it, it is an extra one.
#[poise::command(slash_command, rename = "next")]
pub(crate) async fn excerpt_next(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::ExcerptNext, None).await
}

/// The daily schedule: when the next excerpt comes; pause, resume or skip it.
#[poise::command(
    slash_command,
    subcommands(
        "schedule_status",
        "schedule_pause",
        "schedule_resume",
        "schedule_skip"
    ),
    subcommand_required
)]
pub(crate) async fn schedule(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// When the next excerpt comes, and how many are left.
#[poise::command(slash_command, rename = "status")]
pub(crate) async fn schedule_status(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::Schedule(ScheduleAction::Status), None).await
}

/// Pause the daily posts; `/excerpt next` still works (facilitators).
#[poise::command(slash_command, rename = "pause")]
pub(crate) async fn schedule_pause(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::Schedule(ScheduleAction::Pause), None).await
}

/// Restart the daily posts after a pause (facilitators).
#[poise::command(slash_command, rename = "resume")]
pub(crate) async fn schedule_resume(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::Schedule(ScheduleAction::Resume), None).await
}

/// Skip the next scheduled post (facilitators).
#[poise::command(slash_command, rename = "skip")]
pub(crate) async fn schedule_skip(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::Schedule(ScheduleAction::Skip), None).await
}

// ---- polls ------------------------------------------------------------------------------

/// Polls on claims: create, close, results, suggestions, a later deadline.
#[poise::command(
    slash_command,
    subcommands(
        "poll_create",
        "poll_close",
        "poll_results",
        "poll_suggest",
        "poll_extend"
    ),
    subcommand_required
)]
pub(crate) async fn poll(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Open a poll on a claim; members vote with buttons (facilitators).
///
/// The default scale is agree / disagree / unsure and the default deadline an hour. Anonymous
/// polls show nobody, facilitators included, who voted what; hidden results stay hidden until
/// the poll closes. Run a `pre` poll before the discussion and a `post` poll after it (leave
/// the claim out) to see how opinion moved. `native` uses Discord's own poll (whole hours,
/// not anonymous, results visible).
#[poise::command(slash_command, rename = "create")]
#[allow(clippy::too_many_arguments)]
pub(crate) async fn poll_create(
    ctx: Ctx<'_>,
    #[description = "The claim to vote on (up to 300 characters)"]
    #[max_length = 300]
    claim: Option<String>,
    #[description = "The answer scale (default: agree / disagree / unsure)"] scale: Option<
        ScaleChoice,
    >,
    #[description = "Your own options, separated by | (2 to 10)"] options: Option<String>,
    #[description = "Minutes until it closes (default 60)"]
    #[min = 1]
    #[max = 43200]
    minutes: Option<i64>,
    #[description = "Hours until it closes"]
    #[min = 1]
    #[max = 720]
    hours: Option<i64>,
    #[description = "Close at this local time, HH:MM or YYYY-MM-DD HH:MM"] until: Option<String>,
    #[description = "Nobody, facilitators included, sees who voted what"] anonymous: Option<bool>,
    #[description = "Hide the results until the poll closes"] hidden: Option<bool>,
    #[description = "Before or after the discussion, to see how opinion moved"] phase: Option<
        PhaseChoice,
    >,
    #[description = "Poll the Nth claim that /poll suggest lists"]
    #[min = 1]
    #[max = 50]
    suggestion: Option<i64>,
    #[description = "Use Discord's own poll (whole hours; not anonymous)"] native: Option<bool>,
) -> Result<(), Error> {
    let deadline = match deadline(minutes, hours, until) {
        Ok(d) => d.unwrap_or(Deadline::Minutes(DEFAULT_POLL_MINUTES)),
        Err(e) => return refuse(ctx, e).await,
    };
    let spec = PollSpec {
        claim: claim.filter(|c| !c.trim().is_empty()),
        suggestion: suggestion.map(|n| n.max(0) as usize),
        scale: scale.map(|s| s.as_str().to_string()),
        options: options.map(|o| split_options(&[o])).unwrap_or_default(),
        deadline,
        anonymous: anonymous.unwrap_or(false),
        hidden: hidden.unwrap_or(false),
        phase: phase.map(|p| match p {
            PhaseChoice::Pre => Phase::Pre,
            PhaseChoice::Post => Phase::Post,
        }),
        native: native.unwrap_or(false),
    };
    respond::run(ctx, Command::PollCreate(spec), None).await
}

/// Close a poll now and post its results with a chart (facilitators).
#[poise::command(slash_command, rename = "close")]
pub(crate) async fn poll_close(
    ctx: Ctx<'_>,
    #[description = "Which poll (default: the open one)"]
    #[autocomplete = "complete_open_poll"]
    poll: Option<i64>,
) -> Result<(), Error> {
    respond::run(ctx, Command::PollClose { poll: id(poll) }, None).await
}

/// A poll's results; hidden ones only once closed.
#[poise::command(slash_command, rename = "results")]
pub(crate) async fn poll_results(
    ctx: Ctx<'_>,
    #[description = "Which poll (default: the latest)"]
    #[autocomplete = "complete_poll"]
    poll: Option<i64>,
) -> Result<(), Error> {
    respond::run(ctx, Command::PollResults { poll: id(poll) }, None).await
}

/// Claims from the current excerpt, ready to poll (facilitators).
#[poise::command(slash_command, rename = "suggest")]
pub(crate) async fn poll_suggest(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::PollSuggest, None).await
}

/// Move a poll's deadline (facilitators).
///
/// Minutes and hours are added to the current deadline; `until` sets a new local time.
#[poise::command(slash_command, rename = "extend")]
pub(crate) async fn poll_extend(
    ctx: Ctx<'_>,
    #[description = "Which poll (default: the open one)"]
    #[autocomplete = "complete_open_poll"]
    poll: Option<i64>,
    #[description = "Add this many minutes"]
    #[min = 1]
    #[max = 43200]
    minutes: Option<i64>,
    #[description = "Add this many hours"]
    #[min = 1]
    #[max = 720]
    hours: Option<i64>,
    #[description = "Close at this local time, HH:MM or YYYY-MM-DD HH:MM"] until: Option<String>,
) -> Result<(), Error> {
    let deadline = match deadline(minutes, hours, until) {
        Ok(Some(d)) => d,
        Ok(None) => {
            return refuse(ctx, OptionMistake::DeadlineMissing).await;
        }
        Err(e) => return refuse(ctx, e).await,
    };
    respond::run(
        ctx,
        Command::PollExtend {
            poll: id(poll),
            deadline,
        },
        None,
    )
    .await
}

/// Vote in a poll by its number (the poll's buttons do the same).
#[poise::command(slash_command)]
pub(crate) async fn vote(
    ctx: Ctx<'_>,
    #[description = "Which poll"]
    #[autocomplete = "complete_open_poll"]
    poll: i64,
    #[description = "Your answer: its number or its words, e.g. 1 or agree"]
    #[max_length = 60]
    option: String,
    #[description = "Why (optional, shown with the results without your name)"]
    #[max_length = 280]
    reason: Option<String>,
) -> Result<(), Error> {
    respond::run(
        ctx,
        Command::Vote {
            poll,
            option,
            reason,
        },
        None,
    )
    .await
}

// ---- sessions, summaries, stats, export ---------------------------------------------------

/// Live seminar mode: record every message in this channel between start and end.
#[poise::command(
    slash_command,
    subcommands("session_start", "session_end"),
    subcommand_required
)]
pub(crate) async fn session(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Start a live session: every message here is recorded until `/session end` (facilitators).
#[poise::command(slash_command, rename = "start")]
pub(crate) async fn session_start(
    ctx: Ctx<'_>,
    #[description = "A title for the session"]
    #[max_length = 100]
    title: Option<String>,
) -> Result<(), Error> {
    respond::run(ctx, Command::SessionStart { title }, None).await
}

/// End the live session; its summary follows (facilitators).
#[poise::command(slash_command, rename = "end")]
pub(crate) async fn session_end(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::SessionEnd, None).await
}

/// The summary of the current or a given session: who spoke, themes, polls, open questions.
#[poise::command(slash_command)]
pub(crate) async fn summary(
    ctx: Ctx<'_>,
    #[description = "Which session (default: the current one)"]
    #[autocomplete = "complete_session"]
    session: Option<i64>,
) -> Result<(), Error> {
    respond::run(
        ctx,
        Command::Summary {
            session: id(session),
        },
        None,
    )
    .await
}

/// Participation in this group: who replied, how much (facilitators; only you see it).
#[poise::command(slash_command)]
pub(crate) async fn stats(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::Stats, None).await
}

/// Minutes as Markdown, replies and votes as CSV, everything as JSON (facilitators).
///
/// The files come privately, attached to the answer.
#[poise::command(slash_command)]
pub(crate) async fn export(
    ctx: Ctx<'_>,
    #[description = "What to export (default: everything)"] format: Option<FormatChoice>,
    #[description = "Only this session's minutes"]
    #[autocomplete = "complete_session"]
    session: Option<i64>,
) -> Result<(), Error> {
    let format = match format.unwrap_or(FormatChoice::All) {
        FormatChoice::All => ExportFormat::All,
        FormatChoice::Minutes => ExportFormat::Markdown,
        FormatChoice::Csv => ExportFormat::Csv,
        FormatChoice::Json => ExportFormat::Json,
    };
    respond::run(
        ctx,
        Command::Export {
            format,
            session: id(session),
        },
        None,
    )
    .await
}

// ---- privacy and help -----------------------------------------------------------------------

/// Your own data: see what the bot keeps about you, or delete it.
#[poise::command(
    slash_command,
    subcommands("privacy_my_data", "privacy_forget_me", "privacy_quotes"),
    subcommand_required
)]
pub(crate) async fn privacy(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Get your replies and votes as a file, privately.
///
/// Anonymous votes cannot be linked to you, so they are not included.
#[poise::command(slash_command, rename = "my-data")]
pub(crate) async fn privacy_my_data(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::PrivacyMyData, None).await
}

/// Delete your replies, votes and member record (run with confirm to do it).
///
/// Without `confirm` it only says what would be deleted. Messages already posted in Discord
/// stay there, but the bot never records them again, even when it restarts and reads the
/// channel's history; what you write or vote afterwards is recorded as usual. Summaries stop
/// quoting you; anonymous votes stay, unlinkable.
#[poise::command(slash_command, rename = "forget-me")]
pub(crate) async fn privacy_forget_me(
    ctx: Ctx<'_>,
    #[description = "Yes, delete my data"] confirm: Option<bool>,
) -> Result<(), Error> {
    respond::run(
        ctx,
        Command::PrivacyForgetMe {
            confirm: confirm.unwrap_or(false),
        },
        None,
    )
    .await
}

/// Whether summaries may quote you by name (off: you are quoted as "a member").
#[poise::command(slash_command, rename = "quotes")]
pub(crate) async fn privacy_quotes(
    ctx: Ctx<'_>,
    #[description = "Allow summaries to quote you by name"] allow: bool,
) -> Result<(), Error> {
    respond::run(ctx, Command::PrivacyQuotes { allow }, None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_are_given_once() {
        assert_eq!(
            deadline(Some(5), None, None).unwrap(),
            Some(Deadline::Minutes(5))
        );
        assert_eq!(
            deadline(None, Some(2), None).unwrap(),
            Some(Deadline::Minutes(120))
        );
        assert!(deadline(Some(5), Some(1), None).is_err());
        assert_eq!(deadline(None, None, None).unwrap(), None);
    }
}

// ---- opinion: member claims, the map, the report, quiz questions ------------------------

/// Claims from members: propose one; facilitators review the queue and post cards.
#[poise::command(
    slash_command,
    subcommands(
        "claim_add",
        "claim_queue",
        "claim_approve",
        "claim_reject",
        "claim_cards"
    ),
    subcommand_required
)]
pub(crate) async fn claim(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Propose a claim for the group to vote on; a facilitator reviews it first.
///
/// Leave the claim out to write it in a form. Once approved it is posted as a card members
/// vote agree / disagree / pass on, and it counts toward the opinion map (`/map`).
#[poise::command(slash_command, rename = "add")]
pub(crate) async fn claim_add(
    ctx: Ctx<'_>,
    #[description = "The claim (up to 300 characters); leave it out to write it in a form"]
    #[max_length = 300]
    claim: Option<String>,
) -> Result<(), Error> {
    match claim.filter(|c| !c.trim().is_empty()) {
        Some(text) => respond::run(ctx, Command::ClaimAdd { text }, None).await,
        None => super::review::propose_form(ctx).await,
    }
}

/// The claims members proposed, each with Approve / Edit / Reject buttons (facilitators).
#[poise::command(slash_command, rename = "queue")]
pub(crate) async fn claim_queue(ctx: Ctx<'_>) -> Result<(), Error> {
    super::review::queue(ctx).await
}

/// Approve a proposed claim, optionally reworded, and post it as a vote card (facilitators).
#[poise::command(slash_command, rename = "approve")]
#[allow(clippy::too_many_arguments)]
pub(crate) async fn claim_approve(
    ctx: Ctx<'_>,
    #[description = "The claim's number in /claim queue"]
    #[min = 1]
    claim: i64,
    #[description = "The claim reworded (default: as proposed)"]
    #[max_length = 300]
    text: Option<String>,
    #[description = "Minutes until voting closes (default: when the session ends)"]
    #[min = 1]
    #[max = 43200]
    minutes: Option<i64>,
    #[description = "Hours until voting closes"]
    #[min = 1]
    #[max = 720]
    hours: Option<i64>,
    #[description = "Close at this local time, HH:MM or YYYY-MM-DD HH:MM"] until: Option<String>,
    #[description = "Nobody, facilitators included, sees who voted what"] anonymous: Option<bool>,
    #[description = "Ask it before the discussion, to repeat it after"] phase: Option<PhaseChoice>,
) -> Result<(), Error> {
    let deadline = match deadline(minutes, hours, until) {
        Ok(d) => d,
        Err(e) => return refuse(ctx, e).await,
    };
    let command = Command::ClaimApprove {
        id: claim,
        text: text.filter(|t| !t.trim().is_empty()),
        deadline,
        anonymous: anonymous.unwrap_or(false),
        phase: phase.map(|p| match p {
            PhaseChoice::Pre => Phase::Pre,
            PhaseChoice::Post => Phase::Post,
        }),
    };
    respond::run(ctx, command, None).await
}

/// Reject a proposed claim: it never appears anywhere (facilitators).
#[poise::command(slash_command, rename = "reject")]
pub(crate) async fn claim_reject(
    ctx: Ctx<'_>,
    #[description = "The claim's number in /claim queue"]
    #[min = 1]
    claim: i64,
) -> Result<(), Error> {
    respond::run(ctx, Command::ClaimReject { id: claim }, None).await
}

/// Post the current excerpt's suggested claims as vote cards (facilitators).
#[poise::command(slash_command, rename = "cards")]
pub(crate) async fn claim_cards(
    ctx: Ctx<'_>,
    #[description = "Minutes until voting closes (default: when the session ends)"]
    #[min = 1]
    #[max = 43200]
    minutes: Option<i64>,
    #[description = "Hours until voting closes"]
    #[min = 1]
    #[max = 720]
    hours: Option<i64>,
    #[description = "Close at this local time, HH:MM or YYYY-MM-DD HH:MM"] until: Option<String>,
    #[description = "Nobody, facilitators included, sees who voted what"] anonymous: Option<bool>,
) -> Result<(), Error> {
    let deadline = match deadline(minutes, hours, until) {
        Ok(d) => d,
        Err(e) => return refuse(ctx, e).await,
    };
    let command = Command::ClaimCards {
        deadline,
        anonymous: anonymous.unwrap_or(false),
    };
    respond::run(ctx, command, None).await
}

/// The opinion map: who thinks alike, what every group agrees on, where the divide runs.
///
/// Members who voted on at least 4 claims are placed by their votes; groups are shown
/// only when they are clear (silhouette 0.25 or more), at least 8 members qualify and every
/// group has 3 or more. Nobody is named.
#[poise::command(slash_command)]
pub(crate) async fn map(
    ctx: Ctx<'_>,
    #[description = "The claims of this session (default: the current one)"]
    #[autocomplete = "complete_session"]
    session: Option<i64>,
    #[description = "The claims of every session of this reading instead"]
    #[autocomplete = "complete_reading"]
    reading: Option<i64>,
) -> Result<(), Error> {
    if session.is_some() && reading.is_some() {
        return refuse(ctx, OptionMistake::SessionAndReading).await;
    }
    let command = Command::Map {
        session: id(session),
        reading: id(reading),
    };
    respond::run(ctx, command, None).await
}

/// How the discussion moved opinion: pre/post votes, those who spoke and those who did not.
///
/// For each claim asked before and after: who changed and which way, a test and an effect
/// size in words; the quiz questions' knowledge gain.
#[poise::command(slash_command)]
pub(crate) async fn report(
    ctx: Ctx<'_>,
    #[description = "Which session (default: the current one)"]
    #[autocomplete = "complete_session"]
    session: Option<i64>,
) -> Result<(), Error> {
    respond::run(
        ctx,
        Command::Report {
            session: id(session),
        },
        None,
    )
    .await
}

/// Quiz questions with a right answer, asked before and after the discussion.
#[poise::command(slash_command, subcommands("quiz_add"), subcommand_required)]
pub(crate) async fn quiz(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Add a knowledge question with its right answer (facilitators).
///
/// Ask it with phase pre before the discussion, then add it again with phase post (leave
/// the question out) to see what members learned in `/report`.
#[poise::command(slash_command, rename = "add")]
#[allow(clippy::too_many_arguments)]
pub(crate) async fn quiz_add(
    ctx: Ctx<'_>,
    #[description = "The question (a post question may leave it out)"]
    #[max_length = 300]
    question: Option<String>,
    #[description = "The answers, separated by | (2 to 10)"] options: Option<String>,
    #[description = "Which option is right (1 is the first)"]
    #[min = 1]
    #[max = 10]
    answer: Option<i64>,
    #[description = "Before or after the discussion (default: before)"] phase: Option<PhaseChoice>,
    #[description = "Minutes until it closes (default 60)"]
    #[min = 1]
    #[max = 43200]
    minutes: Option<i64>,
    #[description = "Hours until it closes"]
    #[min = 1]
    #[max = 720]
    hours: Option<i64>,
    #[description = "Close at this local time, HH:MM or YYYY-MM-DD HH:MM"] until: Option<String>,
) -> Result<(), Error> {
    let deadline = match deadline(minutes, hours, until) {
        Ok(d) => d,
        Err(e) => return refuse(ctx, e).await,
    };
    let phase = match phase {
        Some(PhaseChoice::Post) => Phase::Post,
        _ => Phase::Pre,
    };
    let question = question.filter(|q| !q.trim().is_empty());
    if question.is_none() && phase == Phase::Pre {
        return refuse(ctx, OptionMistake::QuizQuestionMissing).await;
    }
    let command = Command::QuizAdd {
        question,
        options: options.map(|o| split_options(&[o])).unwrap_or_default(),
        answer: answer.map(|a| a.max(0) as usize),
        phase,
        deadline,
    };
    respond::run(ctx, command, None).await
}
