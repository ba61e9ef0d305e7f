//! Voting on a poll: public and anonymous votes, reasons, changes and withdrawals.

use super::super::{CommandError, Engine, store_ms};
use super::*;
use crate::domain::anon::{scoped_voter_key, voter_key};
use crate::domain::command::{Command, Role};
use crate::domain::ids::MemberKey;
use crate::domain::poll::{PollError, check_reason};
use crate::i18n::Locale;
use crate::store::{PollRow, VoteChange, from_ms};

impl Engine {
    /// The poll a platform event names, by number or by the message it was posted as.
    async fn find_poll(&self, poll: &PollRef) -> Result<Option<PollRow>, CommandError> {
        Ok(match poll {
            PollRef::Id(id) => self.store().poll(*id).await?,
            PollRef::Message(m) => self.store().poll_by_message(m).await?,
        })
    }

    /// The options of an open poll, for a platform that asks the member to pick one
    /// (Discord's "vote with a reason" menu).
    pub async fn open_poll_options(&self, poll_id: i64) -> Result<Vec<String>, CommandError> {
        let poll = self.store().poll(poll_id).await?.ok_or_else(|| {
            CommandError::invalid(crate::t!(Locale::En, "vote-no-poll", id = poll_id))
        })?;
        let loc = self.locale_of_group(poll.group_id).await?;
        if !poll.is_open() {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-poll-closed",
                id = poll_id
            )));
        }
        // The answers as the poll's post shows them, in the group's language.
        Ok(poll.scale.options_in(loc))
    }

    /// The rule for a `vote` typed where the room sees it (a group's channel or room, not a
    /// direct message with the bot): in an anonymous poll it is refused, so that nobody
    /// learns how a member voted. Adapters whose text commands the room sees (Matrix, the
    /// console) ask this before running a command; `Some` is the refusal to show. Discord
    /// needs no such check: its `/vote` and buttons answer privately.
    pub async fn public_vote_refusal(
        &self,
        command: &Command,
    ) -> Result<Option<String>, CommandError> {
        let Command::Vote { poll, .. } = command else {
            return Ok(None);
        };
        Ok(match self.store().poll(*poll).await? {
            Some(p) if p.anonymous => {
                let loc = self.locale_of_group(p.group_id).await?;
                Some(crate::t!(loc, "vote-anonymous-in-public", id = *poll))
            }
            _ => None,
        })
    }

    /// The key an anonymous poll's vote is stored under: per reading or live session for
    /// polls that have a voter scope (the opinion map can then join a member's votes),
    /// else per pre/post pair.
    pub(in crate::engine) async fn anonymous_voter(
        &self,
        poll: &PollRow,
        voter: &MemberKey,
    ) -> Result<String, CommandError> {
        Ok(match self.store().poll_voter_scope(poll.id).await? {
            Some(scope) => scoped_voter_key(&self.inner.secret, &voter.key(), &scope),
            None => voter_key(&self.inner.secret, voter, poll.pair_id.unwrap_or(poll.id)),
        })
    }

    /// A vote from any platform: checked, recorded (or changed), confirmed privately.
    pub async fn vote(&self, event: VoteEvent) -> Result<VoteReceipt, CommandError> {
        let asked_in = match &event.channel {
            Some(c) => self.locale_of(c).await,
            None => Locale::En,
        };
        let poll = self
            .find_poll(&event.poll)
            .await?
            .ok_or_else(|| match &event.poll {
                PollRef::Id(id) => {
                    CommandError::invalid(crate::t!(asked_in, "vote-no-poll", id = *id))
                }
                PollRef::Message(_) => CommandError::invalid(crate::t!(asked_in, "vote-not-ours")),
            })?;
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {} has no group", poll.id)))?;
        let group_channel = group
            .channel_key()
            .map_err(|e| CommandError::Internal(e.to_string()))?;
        let loc = group.locale();
        if event.platform != group.platform {
            return Err(CommandError::invalid(crate::t!(
                asked_in,
                "vote-no-poll-here",
                id = poll.id
            )));
        }
        // Membership: in the group's channel the adapter knows; from elsewhere, ask the platform.
        let role = match &event.channel {
            None => event.role,
            Some(c) if *c == group_channel => event.role,
            Some(_) => match self.port(event.platform) {
                Some(port) => port
                    .role_in(&group_channel, &event.voter)
                    .await
                    .map_err(|e| {
                        tracing::warn!(error = %e, "membership check");
                        CommandError::invalid(crate::t!(loc, "vote-membership-unknown"))
                    })?,
                None => event.role,
            },
        };
        if role < Role::Member {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-not-a-member",
                id = poll.id
            )));
        }
        let tz = Engine::zone(&group);
        if !poll.is_open() {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-closed-at",
                id = poll.id,
                when = crate::engine::local_label_in(
                    from_ms(poll.closed_at.unwrap_or(poll.closes_at)),
                    tz,
                    loc
                )
            )));
        }
        let scale = poll.scale.clone();
        let options = scale.options();
        let index = match &event.choice {
            Choice::Index(i) if *i < options.len() => *i,
            Choice::Index(i) => {
                return Err(CommandError::invalid(
                    PollError::UnknownOption((i + 1).to_string(), options.join(", ")).message(loc),
                ));
            }
            Choice::Label(l) => scale
                .option_index(l)
                .map_err(|e| CommandError::invalid(e.message(loc)))?,
        };
        let reason = check_reason(event.reason.as_deref())
            .map_err(|e| CommandError::invalid(e.message(loc)))?;
        let now = self.now();
        let (voter, member_key, voted_at) = if poll.anonymous {
            (self.anonymous_voter(&poll, &event.voter).await?, None, None)
        } else {
            let key = event.voter.key();
            // A vote from before the member asked to be forgotten (replayed history) stays
            // forgotten.
            let tag = crate::domain::anon::forget_tag(&self.inner.secret, &event.voter);
            if let Some(forgotten) = self.store().forgotten_at(&tag).await?
                && store_ms(event.cast_at.unwrap_or(now)) <= forgotten
            {
                return Err(CommandError::invalid(crate::t!(loc, "vote-forgotten")));
            }
            self.store()
                .touch_member(
                    &key,
                    &super::super::record::clean_name(&event.voter_name),
                    store_ms(now),
                )
                .await?;
            (key.clone(), Some(key), Some(store_ms(now)))
        };
        let change = self
            .store()
            .cast_vote(
                poll.id,
                &voter,
                member_key.as_deref(),
                index as i64,
                reason.as_deref(),
                voted_at,
            )
            .await?
            .ok_or_else(|| {
                CommandError::invalid(crate::t!(loc, "vote-just-closed", id = poll.id))
            })?;
        let until = crate::engine::local_label_in(from_ms(poll.closes_at), tz, loc);
        let option = options_shown(&poll.scale, loc)
            .get(index)
            .cloned()
            .unwrap_or_else(|| options[index].clone());
        let mut message = match change {
            VoteChange::New => crate::t!(
                loc,
                "vote-new",
                id = poll.id,
                option = option.as_str(),
                until = until.as_str()
            ),
            VoteChange::Changed { .. } => crate::t!(
                loc,
                "vote-changed",
                id = poll.id,
                option = option.as_str(),
                until = until.as_str()
            ),
            VoteChange::Same => crate::t!(
                loc,
                "vote-same",
                id = poll.id,
                option = option.as_str(),
                until = until.as_str()
            ),
        };
        if poll.anonymous {
            message.push(' ');
            message.push_str(&crate::t!(loc, "vote-anonymous"));
        }
        Ok(VoteReceipt {
            poll_id: poll.id,
            option: options[index].clone(),
            change,
            message,
        })
    }

    /// A reason given after voting (on Matrix, a reply to the poll). `Ok(None)` when
    /// `poll` is not a poll, so the message is an ordinary one.
    pub async fn vote_reason(
        &self,
        poll: PollRef,
        voter: &MemberKey,
        reason: &str,
    ) -> Result<Option<String>, CommandError> {
        let poll = self.find_poll(&poll).await?;
        let Some(poll) = poll else { return Ok(None) };
        let loc = self.locale_of_group(poll.group_id).await?;
        if poll.anonymous {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-reason-anonymous",
                id = poll.id
            )));
        }
        if !poll.is_open() {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-reason-closed",
                id = poll.id
            )));
        }
        let reason = check_reason(Some(reason))
            .map_err(|e| CommandError::invalid(e.message(loc)))?
            .ok_or_else(|| CommandError::invalid(crate::t!(loc, "vote-reason-empty")))?;
        if !self
            .store()
            .set_vote_reason(poll.id, &voter.key(), &reason)
            .await?
        {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-reason-first",
                id = poll.id
            )));
        }
        Ok(Some(crate::t!(loc, "vote-reason-added", id = poll.id)))
    }

    /// A vote taken back (a native poll's vote removal): the member's vote, or with
    /// `option` only a vote for that option (Discord's removal names the answer it takes
    /// back, and may arrive after the member's new vote).
    pub async fn withdraw_vote(
        &self,
        poll: PollRef,
        voter: &MemberKey,
        option: Option<usize>,
    ) -> Result<bool, CommandError> {
        let poll = self.find_poll(&poll).await?;
        let Some(poll) = poll else { return Ok(false) };
        let key = if poll.anonymous {
            self.anonymous_voter(&poll, voter).await?
        } else {
            voter.key()
        };
        let option = option.map(|o| o as i64);
        Ok(self.store().remove_vote(poll.id, &key, option).await?)
    }
}

/// A poll's options as the group reads them.
fn options_shown(scale: &crate::domain::poll::Scale, loc: crate::i18n::Locale) -> Vec<String> {
    scale.options_in(loc)
}
