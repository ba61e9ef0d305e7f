//! The slash commands of live seminars (issue 18): the agenda, the speaking queue, notes,
//! decisions, action items and breakouts. Each builds its [`Command`] and hands it to
//! [`respond::run`], like the others in `commands.rs`; the `///` comments are the help.

use poise::serenity_prelude as serenity;

use super::respond;
use super::{Ctx, Data, Error};
use crate::domain::command::{Command, DEFAULT_BREAKOUT_MINUTES};

/// The live-seminar commands, as registered with Discord.
pub(crate) fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        agenda(),
        hand(),
        queue(),
        note(),
        decision(),
        action(),
        breakout(),
    ]
}

/// A live session's agenda with timeboxes: set it, start it, move through it.
#[poise::command(
    slash_command,
    subcommands(
        "agenda_set",
        "agenda_start",
        "agenda_next",
        "agenda_back",
        "agenda_extend",
        "agenda_status"
    ),
    subcommand_required
)]
pub(crate) async fn agenda(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Set the live session's agenda: items with timeboxes, separated by | (facilitators).
///
/// Example: `Opening 5m | Part I: faction 20m | Part II 20m | Wrap-up 10m`. At most 20
/// items and 8 hours. The agenda is posted with Raise / Lower hand buttons.
#[poise::command(slash_command, rename = "set")]
pub(crate) async fn agenda_set(
    ctx: Ctx<'_>,
    #[description = "Items with timeboxes, e.g. Opening 5m | Part I 20m | Wrap-up 10m"]
    #[max_length = 2000]
    agenda: String,
) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaSet { text: Some(agenda) }, None).await
}

/// Start the agenda's first item (facilitators).
///
/// Each item starts when the one before runs out, with a warning two minutes before.
#[poise::command(slash_command, rename = "start")]
pub(crate) async fn agenda_start(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaStart, None).await
}

/// End the running item now and start the next one (facilitators).
#[poise::command(slash_command, rename = "next")]
pub(crate) async fn agenda_next(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaNext, None).await
}

/// Go back to the previous item, with its whole timebox again (facilitators).
#[poise::command(slash_command, rename = "back")]
pub(crate) async fn agenda_back(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaBack, None).await
}

/// Give the running item more time (facilitators).
#[poise::command(slash_command, rename = "extend")]
pub(crate) async fn agenda_extend(
    ctx: Ctx<'_>,
    #[description = "How much longer, e.g. 5m or 1h"]
    #[max_length = 20]
    time: String,
) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaExtend { time }, None).await
}

/// The agenda, the running item and the time it has left.
#[poise::command(slash_command, rename = "status")]
pub(crate) async fn agenda_status(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::AgendaStatus, None).await
}

/// The speaking queue: raise or lower your hand.
#[poise::command(
    slash_command,
    subcommands("hand_raise", "hand_down"),
    subcommand_required
)]
pub(crate) async fn hand(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Ask to speak: join the speaking queue (you are told your place privately).
#[poise::command(slash_command, rename = "raise")]
pub(crate) async fn hand_raise(
    ctx: Ctx<'_>,
    #[description = "What you want to raise, in a few words"]
    #[max_length = 200]
    topic: Option<String>,
) -> Result<(), Error> {
    respond::run(ctx, Command::HandRaise { topic }, None).await
}

/// Leave the speaking queue.
#[poise::command(slash_command, rename = "down")]
pub(crate) async fn hand_down(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::HandDown, None).await
}

/// The speaking queue: who is next; give the floor, skip, clear, or change its order.
#[poise::command(
    slash_command,
    subcommands("queue_show", "queue_next", "queue_skip", "queue_clear", "queue_mode"),
    subcommand_required
)]
pub(crate) async fn queue(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// Who is speaking and who is next, with your own place (only you see it).
#[poise::command(slash_command, rename = "show")]
pub(crate) async fn queue_show(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::QueueShow, None).await
}

/// Give the floor to the next member in the queue (facilitators).
#[poise::command(slash_command, rename = "next")]
pub(crate) async fn queue_next(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::QueueNext, None).await
}

/// Pass over the next member in the queue; their hand goes down (facilitators).
#[poise::command(slash_command, rename = "skip")]
pub(crate) async fn queue_skip(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::QueueSkip, None).await
}

/// Lower every raised hand (facilitators).
#[poise::command(slash_command, rename = "clear")]
pub(crate) async fn queue_clear(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::QueueClear, None).await
}

/// The queue's order (facilitators).
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum QueueModeChoice {
    #[name = "in the order hands were raised"]
    Order,
    #[name = "progressive: who has spoken least goes first"]
    Progressive,
}

/// The queue's order: as hands were raised, or progressive (facilitators).
///
/// A progressive stack calls the members who have spoken least this session first.
#[poise::command(slash_command, rename = "mode")]
pub(crate) async fn queue_mode(
    ctx: Ctx<'_>,
    #[description = "How the queue is ordered"] mode: QueueModeChoice,
) -> Result<(), Error> {
    let progressive = mode == QueueModeChoice::Progressive;
    respond::run(ctx, Command::QueueMode { progressive }, None).await
}

/// A note for the minutes, filed under the running agenda item.
#[poise::command(slash_command)]
pub(crate) async fn note(
    ctx: Ctx<'_>,
    #[description = "The note"]
    #[max_length = 500]
    text: String,
) -> Result<(), Error> {
    respond::run(ctx, Command::Note { text }, None).await
}

/// A decision for the minutes, filed under the running agenda item.
#[poise::command(slash_command)]
pub(crate) async fn decision(
    ctx: Ctx<'_>,
    #[description = "What was decided"]
    #[max_length = 500]
    text: String,
) -> Result<(), Error> {
    respond::run(ctx, Command::Decision { text }, None).await
}

/// Action items: add one for a member, list the open ones, mark one done.
#[poise::command(
    slash_command,
    subcommands("action_add", "action_list", "action_done"),
    subcommand_required
)]
pub(crate) async fn action(_ctx: Ctx<'_>) -> Result<(), Error> {
    Ok(())
}

/// An action item for a member of the group, with an optional due date.
#[poise::command(slash_command, rename = "add")]
pub(crate) async fn action_add(
    ctx: Ctx<'_>,
    #[description = "Who will do it"] member: serenity::User,
    #[description = "What they will do"]
    #[max_length = 500]
    text: String,
    #[description = "By when: YYYY-MM-DD, today, tomorrow or a weekday"]
    #[max_length = 20]
    due: Option<String>,
) -> Result<(), Error> {
    let owner = format!("<@{}>", member.id.get());
    respond::run(ctx, Command::ActionAdd { owner, text, due }, None).await
}

/// The group's open action items.
#[poise::command(slash_command, rename = "list")]
pub(crate) async fn action_list(ctx: Ctx<'_>) -> Result<(), Error> {
    respond::run(ctx, Command::ActionList, None).await
}

/// Mark an action item done (its owner or a facilitator).
#[poise::command(slash_command, rename = "done")]
pub(crate) async fn action_done(
    ctx: Ctx<'_>,
    #[description = "The action's number in /action list"]
    #[min = 1]
    action: i64,
) -> Result<(), Error> {
    respond::run(ctx, Command::ActionDone { id: action }, None).await
}

/// How members are split into breakout threads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub(crate) enum BreakoutBy {
    #[name = "at random"]
    Random,
    #[name = "mixing the opinion map's groups"]
    Opinion,
}

/// Split the members present into threads for a while; report-backs are gathered here.
///
/// Each thread gets a question from the excerpt; when the time is up each is asked for a
/// one-line report-back (facilitators).
#[poise::command(slash_command)]
pub(crate) async fn breakout(
    ctx: Ctx<'_>,
    #[description = "How many threads"]
    #[min = 1]
    #[max = 25]
    rooms: i64,
    #[description = "How long, in minutes (default: 15)"]
    #[min = 1]
    #[max = 180]
    minutes: Option<i64>,
    #[description = "How to split the members (default: at random)"] by: Option<BreakoutBy>,
) -> Result<(), Error> {
    let command = Command::Breakout {
        rooms,
        minutes: minutes.unwrap_or(DEFAULT_BREAKOUT_MINUTES),
        by_opinion: by == Some(BreakoutBy::Opinion),
    };
    respond::run(ctx, command, None).await
}
