//! Claims on Discord beyond the slash commands: `/claim queue` lists each pending claim
//! with Approve / Edit / Reject buttons (`cq:approve:{claim}`, `cq:edit:{claim}`,
//! `cq:reject:{claim}`); Edit opens a form filled in with the claim (`cq:edited:{claim}`);
//! `/claim add` without its text opens a form to write one (`cq:propose`). Every press and
//! form becomes the engine's own command (`claim approve`, `claim reject`, `claim add`),
//! so the engine decides who may do it and answers a second decision with who made the
//! first. The forms are poise modals, answered statelessly when they are submitted (no
//! task waits for them, so a form sent before a restart still works after it).

use std::time::Duration;

use poise::Modal as _;
use poise::serenity_prelude as serenity;

use super::access::{display_name, group_channel};
use super::custom_ids::Action;
use super::limits::{MAX_CONTENT, clip};
use super::respond::whoami;
use super::{Bot, Ctx, Error};
use crate::domain::command::Command;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::domain::text::defang_mentions;
use crate::engine::{Caller, CommandError, Invocation, QueuedClaim, Reply};

/// Answer within Discord's 3 s: after this, defer and follow up.
const ANSWER_BY: Duration = Duration::from_millis(2000);
/// Claims listed by one `/claim queue` (each is a message of its own with its buttons).
const SHOWN: usize = 10;

/// The form `/claim add` opens when the claim is left out.
#[derive(Debug, poise::Modal)]
#[name = "Propose a claim"]
struct ProposeForm {
    #[name = "The claim members will vote on"]
    #[placeholder = "One statement to agree or disagree with (at most 300 characters)"]
    #[paragraph]
    #[max_length = 300]
    claim: String,
}

/// The form a facilitator rewords a claim in before approving it.
#[derive(Debug, poise::Modal)]
#[name = "Edit the claim, then approve it"]
struct EditForm {
    #[name = "The claim as members will see it"]
    #[paragraph]
    #[max_length = 300]
    claim: String,
}

/// The Approve / Edit / Reject row under a pending claim.
fn review_row(claim: i64) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(Action::ClaimApprove { claim }.id())
            .label("Approve")
            .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(Action::ClaimEdit { claim }.id())
            .label("Edit")
            .style(serenity::ButtonStyle::Secondary),
        serenity::CreateButton::new(Action::ClaimReject { claim }.id())
            .label("Reject")
            .style(serenity::ButtonStyle::Danger),
    ])
}

/// One pending claim as the queue shows it.
fn claim_line(c: &QueuedClaim) -> String {
    let text = clip(&defang_mentions(&c.text), 1500);
    match &c.author {
        Some(name) => format!(
            "**#{}** “{text}” — proposed by {}",
            c.id,
            defang_mentions(name)
        ),
        None => format!("**#{}** “{text}” — proposed by a former member", c.id),
    }
}

fn private_reply(text: &str) -> poise::CreateReply {
    poise::CreateReply::default()
        .content(clip(&defang_mentions(text), MAX_CONTENT))
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new())
}

fn private_message(text: &str) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(clip(&defang_mentions(text), MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
}

/// `/claim queue`: the pending claims, each with its buttons, for the facilitator alone.
pub(crate) async fn queue(ctx: Ctx<'_>) -> Result<(), Error> {
    let Some((caller, channel)) = whoami(ctx).await else {
        return Ok(());
    };
    let claims = match ctx.data().engine.claims_for_review(&caller, &channel).await {
        Ok(c) => c,
        Err(e) => {
            ctx.send(private_reply(&e.to_string())).await?;
            return Ok(());
        }
    };
    if claims.is_empty() {
        ctx.send(private_reply("No claims are waiting for review."))
            .await?;
        return Ok(());
    }
    let more = if claims.len() > SHOWN {
        format!(
            " The first {SHOWN} are below; run `/claim queue` again for the rest once you have decided these."
        )
    } else {
        String::new()
    };
    let head = format!(
        "{} waiting for review.{more} **Approve** posts a claim as a vote card (agree / disagree / pass); **Edit** lets you reword it first; **Reject** drops it, and it is shown nowhere.",
        crate::domain::words::count(claims.len(), "claim", "claims"),
    );
    ctx.send(private_reply(&head)).await?;
    for c in claims.iter().take(SHOWN) {
        ctx.send(private_reply(&claim_line(c)).components(vec![review_row(c.id)]))
            .await?;
    }
    Ok(())
}

/// `/claim add` without a claim: the form to write one, if a claim can be proposed here.
pub(crate) async fn propose_form(ctx: Ctx<'_>) -> Result<(), Error> {
    let Some((caller, channel)) = whoami(ctx).await else {
        return Ok(());
    };
    if let Err(e) = ctx.data().engine.ready_for_claims(&caller, &channel).await {
        ctx.send(private_reply(&e.to_string())).await?;
        return Ok(());
    }
    let poise::Context::Application(app) = ctx else {
        return Ok(());
    };
    app.interaction
        .create_response(ctx.http(), ProposeForm::create(None, Action::Propose.id()))
        .await?;
    app.has_sent_initial_response
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}

/// Who pressed or submitted, and the group channel it happened in.
async fn caller_of(
    ctx: &serenity::Context,
    bot: &Bot,
    user: &serenity::User,
    member: Option<&serenity::Member>,
    guild: Option<serenity::GuildId>,
    channel: serenity::ChannelId,
    partial: Option<&serenity::PartialChannel>,
) -> (Caller, ChannelKey) {
    let role = bot
        .access
        .role_of(&ctx.cache, &ctx.http, guild, member)
        .await;
    let caller = Caller {
        key: MemberKey::new(Platform::Discord, user.id.get().to_string()),
        name: display_name(user, member.and_then(|m| m.nick.as_deref())),
        role,
        locale: None,
    };
    (caller, group_channel(&ctx.cache, guild, channel, partial))
}

/// The interaction a decision came through.
enum Source<'a> {
    Button(&'a serenity::ComponentInteraction),
    Form(&'a serenity::ModalInteraction),
}

impl Source<'_> {
    async fn respond(
        &self,
        http: &serenity::Http,
        r: serenity::CreateInteractionResponse,
    ) -> serenity::Result<()> {
        match self {
            Source::Button(i) => i.create_response(http, r).await,
            Source::Form(m) => m.create_response(http, r).await,
        }
    }

    /// Whether the interaction came from a message the answer can replace (a button on
    /// the queue, or a form opened from one).
    fn on_message(&self) -> bool {
        match self {
            Source::Button(_) => true,
            Source::Form(m) => m.message.is_some(),
        }
    }

    async fn edit_original(&self, http: &serenity::Http, text: &str) -> serenity::Result<()> {
        let edit = serenity::EditInteractionResponse::new()
            .content(clip(&defang_mentions(text), MAX_CONTENT))
            .components(Vec::new())
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        match self {
            Source::Button(i) => i.edit_response(http, edit).await.map(|_| ()),
            Source::Form(m) => m.edit_response(http, edit).await.map(|_| ()),
        }
    }

    async fn followup(&self, http: &serenity::Http, text: &str) -> serenity::Result<()> {
        let f = serenity::CreateInteractionResponseFollowup::new()
            .content(clip(&defang_mentions(text), MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        match self {
            Source::Button(i) => i.create_followup(http, f).await.map(|_| ()),
            Source::Form(m) => m.create_followup(http, f).await.map(|_| ()),
        }
    }
}

/// Run the engine's command for a press or a form and answer: a decision made replaces
/// the queue's message (its buttons gone); a refusal, or an answer with no message to
/// replace, comes as a private message.
async fn run(
    ctx: &serenity::Context,
    bot: &Bot,
    source: &Source<'_>,
    caller: Caller,
    channel: ChannelKey,
    command: Command,
) -> serenity::Result<()> {
    let verb = command.verb();
    let work = bot.engine.execute(Invocation {
        channel,
        caller,
        command,
        attachment: None,
    });
    tokio::pin!(work);
    let early = tokio::select! {
        r = &mut work => Some(r),
        _ = tokio::time::sleep(ANSWER_BY) => None,
    };
    let replace = |r: &Result<Reply, CommandError>| r.is_ok() && source.on_message();
    let result = match early {
        Some(result) => {
            tracing::debug!(verb, ok = result.is_ok(), "discord claim review answered");
            let text = answer_text(&result);
            let response = if replace(&result) {
                serenity::CreateInteractionResponse::UpdateMessage(
                    serenity::CreateInteractionResponseMessage::new()
                        .content(clip(&defang_mentions(&text), MAX_CONTENT))
                        .components(Vec::new())
                        .allowed_mentions(serenity::CreateAllowedMentions::new()),
                )
            } else {
                private_message(&text)
            };
            return source.respond(&ctx.http, response).await;
        }
        None => {
            let defer = if source.on_message() {
                serenity::CreateInteractionResponse::Acknowledge
            } else {
                serenity::CreateInteractionResponse::Defer(
                    serenity::CreateInteractionResponseMessage::new().ephemeral(true),
                )
            };
            source.respond(&ctx.http, defer).await?;
            work.await
        }
    };
    tracing::debug!(
        verb,
        ok = result.is_ok(),
        "discord claim review answered late"
    );
    let text = answer_text(&result);
    if replace(&result) {
        source.edit_original(&ctx.http, &text).await
    } else {
        source.followup(&ctx.http, &text).await
    }
}

fn answer_text(result: &Result<Reply, CommandError>) -> String {
    match result {
        Ok(r) => r.text.clone(),
        Err(e) => e.to_string(),
    }
}

/// Approve, Edit or Reject pressed under a claim in the queue.
pub(crate) async fn on_button(
    ctx: &serenity::Context,
    bot: &Bot,
    i: &serenity::ComponentInteraction,
    action: Action,
) -> serenity::Result<()> {
    let (caller, channel) = caller_of(
        ctx,
        bot,
        &i.user,
        i.member.as_ref(),
        i.guild_id,
        i.channel_id,
        i.channel.as_ref(),
    )
    .await;
    let source = Source::Button(i);
    let command = match action {
        Action::ClaimApprove { claim } => approve(claim, None),
        Action::ClaimReject { claim } => Command::ClaimReject { id: claim },
        Action::ClaimEdit { claim } => {
            return match bot.engine.claim_to_edit(&caller, &channel, claim).await {
                Ok(c) => {
                    let form = EditForm { claim: c.text };
                    source
                        .respond(
                            &ctx.http,
                            EditForm::create(Some(form), Action::ClaimEdited { claim }.id()),
                        )
                        .await
                }
                Err(e) => {
                    source
                        .respond(&ctx.http, private_message(&e.to_string()))
                        .await
                }
            };
        }
        _ => {
            return source
                .respond(
                    &ctx.http,
                    private_message("This control is no longer in use."),
                )
                .await;
        }
    };
    run(ctx, bot, &source, caller, channel, command).await
}

fn approve(id: i64, text: Option<String>) -> Command {
    Command::ClaimApprove {
        id,
        text,
        deadline: None,
        anonymous: false,
        phase: None,
    }
}

/// A claim form submitted: a new claim (`/claim add`) or a reworded one to approve.
pub(crate) async fn on_form(
    ctx: &serenity::Context,
    bot: &Bot,
    m: &serenity::ModalInteraction,
    action: Action,
) -> serenity::Result<()> {
    let (caller, channel) = caller_of(
        ctx,
        bot,
        &m.user,
        m.member.as_ref(),
        m.guild_id,
        m.channel_id,
        m.channel.as_ref(),
    )
    .await;
    let source = Source::Form(m);
    let command = match action {
        Action::Propose => match ProposeForm::parse(m.data.clone()) {
            Ok(f) => Command::ClaimAdd { text: f.claim },
            Err(_) => return empty_form(ctx, &source).await,
        },
        Action::ClaimEdited { claim } => match EditForm::parse(m.data.clone()) {
            Ok(f) => approve(claim, Some(f.claim)),
            Err(_) => return empty_form(ctx, &source).await,
        },
        _ => {
            return source
                .respond(&ctx.http, private_message("This form is no longer in use."))
                .await;
        }
    };
    run(ctx, bot, &source, caller, channel, command).await
}

async fn empty_form(ctx: &serenity::Context, source: &Source<'_>) -> serenity::Result<()> {
    source
        .respond(
            &ctx.http,
            private_message(
                "The form came back without a claim; write the statement and send it again.",
            ),
        )
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_fit_discords_limits() {
        for (form, title) in [
            (
                ProposeForm::create(None, Action::Propose.id()),
                "Propose a claim",
            ),
            (
                EditForm::create(
                    Some(EditForm {
                        claim: "x".repeat(300),
                    }),
                    Action::ClaimEdited { claim: 7 }.id(),
                ),
                "Edit the claim, then approve it",
            ),
        ] {
            let json = serde_json::to_value(&form).expect("a form serializes");
            assert_eq!(json["type"], 9, "{json}");
            assert_eq!(json["data"]["title"], title);
            assert!(title.chars().count() <= 45);
            let input = &json["data"]["components"][0]["components"][0];
            assert!(
                input["label"]
                    .as_str()
                    .is_some_and(|l| l.chars().count() <= 45)
            );
            assert_eq!(input["max_length"], 300);
        }
    }

    #[test]
    fn the_queue_names_the_author_and_defangs_the_claim() {
        let line = claim_line(&QueuedClaim {
            id: 3,
            text: "@everyone courts earn trust".into(),
            author: None,
        });
        assert!(line.starts_with("**#3**"), "{line}");
        assert!(!line.contains("@everyone"), "{line}");
        assert!(line.contains("a former member"), "{line}");
    }
}
