//! Poll buttons: one per option (`cq:vote:{poll}:{index}`) and "Vote with a reason"
//! (`cq:why:{poll}`), which shows a private option picker (`cq:pick:{poll}`) that opens a
//! modal for the reason (`cq:reason:{poll}:{index}`). Every answer is ephemeral: nobody
//! but the voter sees a vote, and the bot never posts who voted. The custom ids of the
//! claim review buttons and forms are parsed here too and handled in [`super::review`].

use std::future::Future;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::Bot;
use super::access::display_name;
use super::custom_ids::Action;
use super::limits::clip;
use crate::domain::ids::{MemberKey, Platform};
use crate::domain::poll::MAX_REASON_CHARS;
use crate::engine::{Choice, PollRef, VoteEvent};

const OPTIONS_PER_ROW: usize = 5;
/// Answer within Discord's 3 s: after this, defer and follow up.
const ANSWER_BY: Duration = Duration::from_millis(2000);

/// The buttons under a poll post.
pub(crate) fn poll_rows(
    poll: i64,
    options: &[String],
    loc: crate::i18n::Locale,
) -> Vec<serenity::CreateActionRow> {
    let mut rows: Vec<serenity::CreateActionRow> = options
        .chunks(OPTIONS_PER_ROW)
        .enumerate()
        .map(|(r, chunk)| {
            serenity::CreateActionRow::Buttons(
                chunk
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        serenity::CreateButton::new(
                            Action::Vote {
                                poll,
                                index: r * OPTIONS_PER_ROW + i,
                            }
                            .id(),
                        )
                        .label(clip(o, 80))
                        .style(serenity::ButtonStyle::Primary)
                    })
                    .collect(),
            )
        })
        .collect();
    rows.push(serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(Action::Why { poll }.id())
            .label(crate::t!(loc, "discord-button-vote-with-reason"))
            .style(serenity::ButtonStyle::Secondary),
    ]));
    rows
}

/// The Raise / Lower hand buttons under a live session's agenda post.
pub(crate) fn hand_rows(session: i64, loc: crate::i18n::Locale) -> Vec<serenity::CreateActionRow> {
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(Action::Hand { session, up: true }.id())
            .label(crate::t!(loc, "discord-button-raise-hand"))
            .emoji('✋')
            .style(serenity::ButtonStyle::Primary),
        serenity::CreateButton::new(Action::Hand { session, up: false }.id())
            .label(crate::t!(loc, "discord-button-lower-hand"))
            .style(serenity::ButtonStyle::Secondary),
    ])]
}

/// A closed poll's buttons, greyed out.
pub(crate) fn disabled(rows: &[serenity::ActionRow]) -> Vec<serenity::CreateActionRow> {
    rows.iter()
        .filter_map(|row| {
            let buttons: Vec<serenity::CreateButton> = row
                .components
                .iter()
                .filter_map(|c| match c {
                    serenity::ActionRowComponent::Button(b) => {
                        Some(serenity::CreateButton::from(b.clone()).disabled(true))
                    }
                    _ => None,
                })
                .collect();
            (!buttons.is_empty()).then_some(serenity::CreateActionRow::Buttons(buttons))
        })
        .collect()
}

/// The interaction a vote came through.
enum Source<'a> {
    Component(&'a serenity::ComponentInteraction),
    Modal(&'a serenity::ModalInteraction),
}

impl Source<'_> {
    async fn respond(
        &self,
        http: &serenity::Http,
        r: serenity::CreateInteractionResponse,
    ) -> serenity::Result<()> {
        match self {
            Source::Component(i) => i.create_response(http, r).await,
            Source::Modal(i) => i.create_response(http, r).await,
        }
    }

    async fn followup(
        &self,
        http: &serenity::Http,
        f: serenity::CreateInteractionResponseFollowup,
    ) -> serenity::Result<serenity::Message> {
        match self {
            Source::Component(i) => i.create_followup(http, f).await,
            Source::Modal(i) => i.create_followup(http, f).await,
        }
    }

    /// The language of the group whose channel the interaction came from; in a direct
    /// chat, the member's (their groups', else their Discord language: Engine::locale_for).
    async fn locale(&self, ctx: &serenity::Context, bot: &Bot) -> crate::i18n::Locale {
        let (guild, channel, partial, user, stated) = match self {
            Source::Component(i) => (
                i.guild_id,
                i.channel_id,
                i.channel.as_ref(),
                &i.user,
                i.locale.parse().ok(),
            ),
            Source::Modal(i) => (
                i.guild_id,
                i.channel_id,
                i.channel.as_ref(),
                &i.user,
                i.locale.parse().ok(),
            ),
        };
        let key = super::access::group_channel(&ctx.cache, guild, channel, partial);
        let member = MemberKey::new(Platform::Discord, user.id.get().to_string());
        bot.engine.locale_for_member(&key, &member, stated).await
    }

    fn parts(
        &self,
    ) -> (
        &serenity::User,
        Option<&serenity::Member>,
        Option<serenity::GuildId>,
    ) {
        match self {
            Source::Component(i) => (&i.user, i.member.as_ref(), i.guild_id),
            Source::Modal(i) => (&i.user, i.member.as_ref(), i.guild_id),
        }
    }

    /// Answer privately with the text `work` produces, deferring if it takes long.
    async fn answer_privately(
        &self,
        http: &serenity::Http,
        work: impl Future<Output = String>,
    ) -> serenity::Result<()> {
        tokio::pin!(work);
        let early = tokio::select! {
            text = &mut work => Some(text),
            _ = tokio::time::sleep(ANSWER_BY) => None,
        };
        match early {
            Some(text) => self.respond(http, private_message(&text)).await,
            None => {
                self.respond(
                    http,
                    serenity::CreateInteractionResponse::Defer(
                        serenity::CreateInteractionResponseMessage::new().ephemeral(true),
                    ),
                )
                .await?;
                let text = work.await;
                self.followup(
                    http,
                    serenity::CreateInteractionResponseFollowup::new()
                        .content(clip(&text, super::limits::MAX_CONTENT))
                        .ephemeral(true)
                        .allowed_mentions(serenity::CreateAllowedMentions::new()),
                )
                .await
                .map(|_| ())
            }
        }
    }
}

fn private_message(text: &str) -> serenity::CreateInteractionResponse {
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(clip(text, super::limits::MAX_CONTENT))
            .ephemeral(true)
            .allowed_mentions(serenity::CreateAllowedMentions::new()),
    )
}

/// Record a vote and say how it went (the receipt, or what to do).
async fn vote(
    ctx: &serenity::Context,
    bot: &Bot,
    source: &Source<'_>,
    poll: i64,
    index: usize,
    reason: Option<String>,
) -> serenity::Result<()> {
    let loc = source.locale(ctx, bot).await;
    let (user, member, guild) = source.parts();
    let role = bot
        .access
        .role_of(&ctx.cache, &ctx.http, guild, member)
        .await;
    let event = VoteEvent {
        platform: Platform::Discord,
        poll: PollRef::Id(poll),
        voter: MemberKey::new(Platform::Discord, user.id.get().to_string()),
        voter_name: display_name(user, member.and_then(|m| m.nick.as_deref())),
        choice: Choice::Index(index),
        reason,
        // The buttons sit on the poll's own post in the group's channel.
        channel: None,
        role,
        cast_at: None,
    };
    source
        .answer_privately(&ctx.http, async {
            match bot.engine.vote(event).await {
                Ok(receipt) => receipt.message,
                Err(e) => e.message(loc),
            }
        })
        .await
}

/// A click or a select on one of the bot's components.
pub(crate) async fn on_component(
    ctx: &serenity::Context,
    bot: &Bot,
    i: &serenity::ComponentInteraction,
) -> serenity::Result<()> {
    let source = Source::Component(i);
    let loc = source.locale(ctx, bot).await;
    let Some(action) = Action::parse(&i.data.custom_id) else {
        return source
            .respond(
                &ctx.http,
                private_message(&crate::t!(loc, "discord-control-gone")),
            )
            .await;
    };
    match action {
        Action::ClaimApprove { .. } | Action::ClaimEdit { .. } | Action::ClaimReject { .. } => {
            super::review::on_button(ctx, bot, i, action).await
        }
        Action::Vote { poll, index } => vote(ctx, bot, &source, poll, index, None).await,
        Action::Hand { session, up } => {
            let (user, member, _) = source.parts();
            let who = MemberKey::new(Platform::Discord, user.id.get().to_string());
            let name = display_name(user, member.and_then(|m| m.nick.as_deref()));
            source
                .answer_privately(&ctx.http, async {
                    match bot.engine.hand_from_post(session, &who, &name, up).await {
                        Ok(reply) => reply.text,
                        Err(e) => e.message(loc),
                    }
                })
                .await
        }
        Action::Why { poll } => {
            let options = match bot.engine.open_poll_options(poll).await {
                Ok(o) => o,
                Err(e) => {
                    tracing::info!(poll, error = ?e, "no answers to offer");
                    return source
                        .respond(&ctx.http, private_message(&e.message(loc)))
                        .await;
                }
            };
            let menu = serenity::CreateSelectMenu::new(
                Action::Pick { poll }.id(),
                serenity::CreateSelectMenuKind::String {
                    options: options
                        .iter()
                        .enumerate()
                        .map(|(n, o)| {
                            serenity::CreateSelectMenuOption::new(clip(o, 100), n.to_string())
                        })
                        .collect(),
                },
            )
            .placeholder(crate::t!(loc, "discord-reason-choose"));
            let r = serenity::CreateInteractionResponse::Message(
                serenity::CreateInteractionResponseMessage::new()
                    .content(crate::t!(
                        loc,
                        "discord-reason-intro",
                        poll = poll,
                        max = MAX_REASON_CHARS
                    ))
                    .components(vec![serenity::CreateActionRow::SelectMenu(menu)])
                    .ephemeral(true)
                    .allowed_mentions(serenity::CreateAllowedMentions::new()),
            );
            source.respond(&ctx.http, r).await
        }
        Action::Pick { poll } => {
            let index = match &i.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => {
                    values.first().and_then(|v| v.parse::<usize>().ok())
                }
                _ => None,
            };
            let Some(index) = index else {
                return source
                    .respond(
                        &ctx.http,
                        private_message(&crate::t!(loc, "discord-reason-choose-one")),
                    )
                    .await;
            };
            let input = serenity::CreateInputText::new(
                serenity::InputTextStyle::Paragraph,
                crate::t!(loc, "discord-reason-label"),
                "reason",
            )
            .max_length(MAX_REASON_CHARS as u16)
            .required(true)
            .placeholder(crate::t!(loc, "discord-reason-placeholder"));
            let modal = serenity::CreateModal::new(
                Action::Reason { poll, index }.id(),
                crate::t!(loc, "discord-reason-title"),
            )
            .components(vec![serenity::CreateActionRow::InputText(input)]);
            source
                .respond(&ctx.http, serenity::CreateInteractionResponse::Modal(modal))
                .await
        }
        Action::Reason { .. } | Action::ClaimEdited { .. } | Action::Propose => {
            source
                .respond(
                    &ctx.http,
                    private_message(&crate::t!(loc, "discord-control-gone")),
                )
                .await
        }
    }
}

/// The reason modal, submitted.
pub(crate) async fn on_modal(
    ctx: &serenity::Context,
    bot: &Bot,
    m: &serenity::ModalInteraction,
) -> serenity::Result<()> {
    let source = Source::Modal(m);
    let (poll, index) = match Action::parse(&m.data.custom_id) {
        Some(Action::Reason { poll, index }) => (poll, index),
        Some(action @ (Action::ClaimEdited { .. } | Action::Propose)) => {
            return super::review::on_form(ctx, bot, m, action).await;
        }
        _ => {
            let loc = source.locale(ctx, bot).await;
            return source
                .respond(
                    &ctx.http,
                    private_message(&crate::t!(loc, "discord-form-gone")),
                )
                .await;
        }
    };
    let reason = m
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(t) if t.custom_id == "reason" => {
                t.value.clone()
            }
            _ => None,
        });
    vote(ctx, bot, &source, poll, index, reason).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_options_fit_in_three_rows() {
        let options: Vec<String> = (0..10).map(|i| format!("Option {i}")).collect();
        assert_eq!(poll_rows(1, &options, crate::i18n::Locale::En).len(), 3);
        assert_eq!(
            poll_rows(1, &options[..3], crate::i18n::Locale::En).len(),
            2
        );
    }

    /// The buttons under a poll and an agenda post speak the group's language.
    #[test]
    fn button_labels_are_in_the_groups_language() {
        use crate::i18n::Locale;
        let label = |row: &serenity::CreateActionRow| {
            serde_json::to_value(row)
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        let poll = poll_rows(1, &["да".to_string(), "нет".to_string()], Locale::Ru);
        let poll = label(&poll[poll.len() - 1]);
        assert!(poll.contains("Голосовать с доводом"), "{poll}");
        let hands = label(&hand_rows(1, Locale::Ru)[0]);
        assert!(
            hands.contains("Поднять руку") && hands.contains("Опустить руку"),
            "{hands}"
        );
        let hands = label(&hand_rows(1, Locale::ZhHans)[0]);
        assert!(
            hands.contains("举手") && hands.contains("放下手"),
            "{hands}"
        );
        let english = label(&hand_rows(1, Locale::En)[0]);
        assert!(
            english.contains("Raise hand") && english.contains("Lower hand"),
            "{english}"
        );
    }
}
