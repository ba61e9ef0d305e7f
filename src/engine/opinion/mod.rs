//! Opinion across claims: members' claims and their moderation queue, claim cards and
//! quiz questions (here); the opinion map in `map`; how deliberation moved opinion in
//! `report`. The maths is in [`crate::domain::opinion`]; this gathers the votes, keeps
//! anonymity, and words the results.

mod map;
mod report;

use chrono::Duration;

use super::{Caller, CommandError, Engine, Reply, store_ms};
use crate::domain::command::{Command, PollSpec};
use crate::domain::ids::{ChannelKey, MemberKey};
use crate::domain::member_claims::{check, normalize};
use crate::domain::poll::{Deadline, Phase, Scale};
use crate::domain::words;
use crate::store::{
    ClaimApproval, Group, MemberClaimRow, NewMemberClaim, PollExtras, SessionRow, from_ms,
};

pub use map::{MapClaim, MapView};
pub use report::ReportView;

/// Cards stay open this long when no session end is known.
const CARD_DEFAULT_HOURS: i64 = 24;

/// A proposed claim waiting for review, as a facilitator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedClaim {
    pub id: i64,
    pub text: String,
    /// The author's name (`None`: they were forgotten).
    pub author: Option<String>,
}

impl From<MemberClaimRow> for QueuedClaim {
    fn from(c: MemberClaimRow) -> Self {
        QueuedClaim {
            id: c.id,
            text: c.text,
            author: c.author,
        }
    }
}

fn no_session_for_claims() -> CommandError {
    CommandError::invalid(
        "No session is open here, so there is nothing to propose a claim for. Try again when the next excerpt is posted.",
    )
}

/// Why a claim can no longer be approved or rejected: who decided it and how.
fn already_decided(claim: &MemberClaimRow, caller: &Caller) -> CommandError {
    let by = match (&claim.decided_by, &claim.decided_by_name) {
        (Some(key), _) if *key == caller.key.key() => " by you".to_string(),
        (_, Some(name)) => format!(" by {name}"),
        _ => String::new(),
    };
    let what = match (claim.status.as_str(), claim.poll_id) {
        ("approved", Some(card)) => format!("approved{by} and posted as card #{card}"),
        (status, _) => format!("{status}{by}"),
    };
    CommandError::invalid(format!(
        "Claim #{} was already {what}; nothing changed.",
        claim.id
    ))
}

impl Engine {
    /// The scope of anonymous voter keys for polls of this session: its reading (so a
    /// reading's map joins a member's votes across its sessions), else the session, else
    /// the group.
    pub(in crate::engine) async fn voter_scope(
        &self,
        group: &Group,
        session_id: Option<i64>,
    ) -> Result<String, CommandError> {
        let Some(sid) = session_id else {
            return Ok(format!("group:{}", group.id));
        };
        let excerpt = match self.store().session(sid).await? {
            Some(SessionRow {
                excerpt_id: Some(e),
                ..
            }) => self.store().excerpt(e).await?,
            _ => None,
        };
        Ok(match excerpt {
            Some(e) => format!("reading:{}", e.reading_id),
            None => format!("session:{sid}"),
        })
    }

    async fn open_session(&self, group: &Group) -> Result<Option<SessionRow>, CommandError> {
        Ok(self
            .store()
            .current_session(group.id)
            .await?
            .filter(|s| s.is_open()))
    }

    /// The claims a session already votes on or has in the queue: the excerpt's
    /// suggestions and its polls, in normal form.
    async fn claims_in_session(&self, session: &SessionRow) -> Result<Vec<String>, CommandError> {
        let mut taken: Vec<String> = self
            .store()
            .session_polls(session.id)
            .await?
            .iter()
            .map(|p| normalize(&p.claim))
            .collect();
        if let Some(e) = session.excerpt_id {
            taken.extend(self.store().claims(e).await?.iter().map(|c| normalize(c)));
        }
        Ok(taken)
    }

    /// The numbers of the open claim cards of the group in `channel` (for the demo, and
    /// for adapters that list cards).
    pub async fn open_cards(&self, channel: &ChannelKey) -> Result<Vec<i64>, CommandError> {
        let Some(group) = self.store().group_by_channel(channel).await? else {
            return Ok(Vec::new());
        };
        Ok(self
            .store()
            .open_polls(group.id)
            .await?
            .into_iter()
            .filter(|p| p.scale == Scale::Card)
            .map(|p| p.id)
            .collect())
    }

    /// `claim add`: a member's claim into the moderation queue.
    pub(super) async fn claim_add(
        &self,
        group: &Group,
        author: &MemberKey,
        author_name: &str,
        text: &str,
    ) -> Result<Reply, CommandError> {
        let text = check(text)?;
        let normalized = normalize(&text);
        if normalized.is_empty() {
            return Err(CommandError::invalid(
                "That claim has no words in it; write the statement members should vote on.",
            ));
        }
        let session = self
            .open_session(group)
            .await?
            .ok_or_else(no_session_for_claims)?;
        if self
            .claims_in_session(&session)
            .await?
            .contains(&normalized)
        {
            return Err(CommandError::invalid(
                "This session already has that claim (the excerpt suggests it, or it is being voted on).",
            ));
        }
        let now = store_ms(self.now());
        self.store()
            .touch_member(&author.key(), &super::record::clean_name(author_name), now)
            .await?;
        let id = self
            .store()
            .add_member_claim(&NewMemberClaim {
                group_id: group.id,
                session_id: session.id,
                member_key: &author.key(),
                text: &text,
                normalized: &normalized,
                created_at: now,
            })
            .await?
            .ok_or_else(|| {
                CommandError::invalid(
                    "Someone has already proposed that claim in this session; vote on it when its card is posted.",
                )
            })?;
        Ok(Reply::private(format!(
            "Thanks: your claim is #{id} in the queue. A facilitator will review it; once approved it is posted as a card everyone can vote on."
        )))
    }

    /// `claim queue`: the pending claims, for facilitators.
    pub(super) async fn claim_queue(&self, group: &Group) -> Result<Reply, CommandError> {
        let pending = self.store().member_claims(group.id, "pending").await?;
        if pending.is_empty() {
            return Ok(Reply::private("No claims are waiting for review."));
        }
        let mut text = format!(
            "{} waiting for review:\n",
            words::count(pending.len(), "claim", "claims")
        );
        for c in &pending {
            text.push_str(&format!(
                "- #{} “{}” — {}\n",
                c.id,
                c.text,
                c.author.as_deref().unwrap_or("a former member")
            ));
        }
        text.push_str(
            "\n`claim approve N` posts one as a vote card (add \"reworded text\" to edit it); `claim reject N` drops it.",
        );
        Ok(Reply::private(text))
    }

    /// The default deadline of a card: when the open session ends, else in 24 hours.
    async fn card_deadline(
        &self,
        group: &Group,
        given: Option<Deadline>,
    ) -> Result<Deadline, CommandError> {
        if let Some(d) = given {
            return Ok(d);
        }
        let now = self.now();
        let end = self
            .open_session(group)
            .await?
            .and_then(|s| s.ends_at)
            .map(from_ms)
            .filter(|end| *end > now + Duration::minutes(1));
        Ok(Deadline::Minutes(match end {
            Some(end) => (end - now).num_minutes().max(1),
            None => CARD_DEFAULT_HOURS * 60,
        }))
    }

    fn card_spec(
        claim: String,
        deadline: Deadline,
        anonymous: bool,
        phase: Option<Phase>,
    ) -> PollSpec {
        PollSpec {
            claim: Some(claim),
            suggestion: None,
            scale: Some(Scale::Card.name().to_string()),
            options: Vec::new(),
            deadline,
            anonymous,
            hidden: false,
            phase,
            native: false,
        }
    }

    /// The claims waiting for review in `channel`'s group, for a facilitator (the Discord
    /// queue's buttons are made from these).
    pub async fn claims_for_review(
        &self,
        caller: &Caller,
        channel: &ChannelKey,
    ) -> Result<Vec<QueuedClaim>, CommandError> {
        let group = self
            .admit(caller, &Command::ClaimQueue, channel)
            .await?
            .ok_or(CommandError::NotSetUp)?;
        Ok(self
            .store()
            .member_claims(group.id, "pending")
            .await?
            .into_iter()
            .map(QueuedClaim::from)
            .collect())
    }

    /// Whether `caller` could propose a claim in `channel` now (a member, in a group with
    /// an open session), so a form to write one is only offered when it can be sent.
    pub async fn ready_for_claims(
        &self,
        caller: &Caller,
        channel: &ChannelKey,
    ) -> Result<(), CommandError> {
        let add = Command::ClaimAdd {
            text: String::new(),
        };
        let group = self
            .admit(caller, &add, channel)
            .await?
            .ok_or(CommandError::NotSetUp)?;
        match self.open_session(&group).await? {
            Some(_) => Ok(()),
            None => Err(no_session_for_claims()),
        }
    }

    /// A claim a facilitator is about to reword and approve (the Discord edit form is
    /// filled with it): refused for members, and for a claim already decided (saying by
    /// whom).
    pub async fn claim_to_edit(
        &self,
        caller: &Caller,
        channel: &ChannelKey,
        id: i64,
    ) -> Result<QueuedClaim, CommandError> {
        let approve = Command::ClaimApprove {
            id,
            text: None,
            deadline: None,
            anonymous: false,
            phase: None,
        };
        let group = self
            .admit(caller, &approve, channel)
            .await?
            .ok_or(CommandError::NotSetUp)?;
        let claim = self.claim_of(&group, id).await?;
        if claim.status != "pending" {
            return Err(already_decided(&claim, caller));
        }
        Ok(claim.into())
    }

    async fn claim_of(&self, group: &Group, id: i64) -> Result<MemberClaimRow, CommandError> {
        self.store()
            .member_claim(id)
            .await?
            .filter(|c| c.group_id == group.id)
            .ok_or_else(|| {
                CommandError::invalid(format!("This group has no proposed claim #{id}."))
            })
    }

    /// The facilitator's member record, so a decision can name them.
    async fn note_facilitator(&self, caller: &Caller) -> Result<(), CommandError> {
        self.store()
            .touch_member(
                &caller.key.key(),
                &super::record::clean_name(&caller.name),
                store_ms(self.now()),
            )
            .await?;
        Ok(())
    }

    /// `claim approve N ["edited"]`: the claim (reworded) is posted as a vote card.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn claim_approve(
        &self,
        group: &Group,
        caller: &Caller,
        id: i64,
        edited: Option<String>,
        deadline: Option<Deadline>,
        anonymous: bool,
        phase: Option<Phase>,
    ) -> Result<Reply, CommandError> {
        if phase == Some(Phase::Post) {
            return Err(CommandError::invalid(
                "A proposed claim is approved as a new card (or a pre card); repeat it after the discussion with `poll create --phase post`.",
            ));
        }
        let claim = self.claim_of(group, id).await?;
        if claim.status != "pending" {
            return Err(already_decided(&claim, caller));
        }
        let text = match edited {
            Some(t) => check(&t)?,
            None => claim.text.clone(),
        };
        let normalized = normalize(&text);
        if normalized != claim.normalized {
            if normalized.is_empty() {
                return Err(CommandError::invalid(
                    "The reworded claim has no words in it.",
                ));
            }
            let session_has_it = match claim.session_id {
                Some(sid) => {
                    self.store()
                        .member_claim_taken(sid, &normalized, id)
                        .await?
                        || match self.store().session(sid).await? {
                            Some(s) => self.claims_in_session(&s).await?.contains(&normalized),
                            None => false,
                        }
                }
                None => false,
            };
            if session_has_it {
                return Err(CommandError::invalid(
                    "The session already has a claim with those words; reword it differently or reject this one.",
                ));
            }
        }
        let deadline = self.card_deadline(group, deadline).await?;
        self.note_facilitator(caller).await?;
        let created = self
            .poll_create_with(
                group,
                Engine::card_spec(text.clone(), deadline, anonymous, phase),
                PollExtras {
                    member_claim: Some(ClaimApproval {
                        id,
                        text,
                        normalized,
                        by: caller.key.key(),
                    }),
                    ..PollExtras::default()
                },
            )
            .await;
        let (poll_id, _) = match created {
            Ok(c) => c,
            // Another facilitator decided it a moment ago: say who.
            Err(e) => match self.claim_of(group, id).await {
                Ok(c) if c.status != "pending" => return Err(already_decided(&c, caller)),
                _ => return Err(e),
            },
        };
        Ok(Reply::private(format!(
            "Claim #{id} is approved and posted as card #{poll_id}."
        )))
    }

    /// `claim reject N`.
    pub(super) async fn claim_reject(
        &self,
        group: &Group,
        caller: &Caller,
        id: i64,
    ) -> Result<Reply, CommandError> {
        let claim = self.claim_of(group, id).await?;
        if claim.status != "pending" {
            return Err(already_decided(&claim, caller));
        }
        self.note_facilitator(caller).await?;
        if !self
            .store()
            .reject_member_claim(id, store_ms(self.now()), &caller.key.key())
            .await?
        {
            // Another facilitator decided it a moment ago.
            let claim = self.claim_of(group, id).await?;
            return Err(already_decided(&claim, caller));
        }
        Ok(Reply::private(format!(
            "Claim #{id} is rejected: it will not be posted or shown anywhere."
        )))
    }

    /// `claim cards`: the excerpt's suggested claims, each as a vote card (those already
    /// voted on in this session are skipped).
    pub(super) async fn claim_cards(
        &self,
        group: &Group,
        deadline: Option<Deadline>,
        anonymous: bool,
    ) -> Result<Reply, CommandError> {
        let session = self.open_session(group).await?.ok_or_else(|| {
            CommandError::invalid(
                "No session is open here; post an excerpt first (`excerpt next`).",
            )
        })?;
        let suggested = match session.excerpt_id {
            Some(e) => self.store().claims(e).await?,
            None => Vec::new(),
        };
        if suggested.is_empty() {
            return Err(CommandError::invalid(
                "The current excerpt suggests no claims. Members can propose their own with `claim add \"…\"`.",
            ));
        }
        let polled: Vec<String> = self
            .store()
            .session_polls(session.id)
            .await?
            .iter()
            .map(|p| normalize(&p.claim))
            .collect();
        let deadline = self.card_deadline(group, deadline).await?;
        let mut posted = Vec::new();
        for claim in suggested {
            if polled.contains(&normalize(&claim)) {
                continue;
            }
            let (id, _) = self
                .poll_create_with(
                    group,
                    Engine::card_spec(claim, deadline.clone(), anonymous, None),
                    PollExtras::default(),
                )
                .await?;
            posted.push(format!("#{id}"));
        }
        if posted.is_empty() {
            return Ok(Reply::private(
                "Every claim the excerpt suggests already has its card in this session.",
            ));
        }
        Ok(Reply::private(format!(
            "Posted {} as vote cards: {}.",
            words::count(posted.len(), "claim", "claims"),
            posted.join(", ")
        )))
    }

    /// `quiz add "QUESTION" --options "A | B" --answer N [--phase pre|post]`.
    pub(super) async fn quiz_add(
        &self,
        group: &Group,
        question: Option<String>,
        options: Vec<String>,
        answer: Option<usize>,
        phase: Phase,
        deadline: Option<Deadline>,
    ) -> Result<Reply, CommandError> {
        let deadline = deadline.unwrap_or(Deadline::Minutes(
            crate::domain::command::DEFAULT_POLL_MINUTES,
        ));
        let answer = match phase {
            Phase::Pre => {
                let Some(n) = answer else {
                    return Err(CommandError::invalid(
                        "A quiz question needs its right answer: add --answer N (1 is the first option).",
                    ));
                };
                let scale = Scale::custom(&options)?;
                if !(1..=scale.options().len()).contains(&n) {
                    return Err(CommandError::invalid(format!(
                        "--answer {n} is not one of the {} options; give a number from 1 to {}.",
                        scale.options().len(),
                        scale.options().len()
                    )));
                }
                (n - 1) as i64
            }
            Phase::Post => {
                let pre = self.store().unpaired_pre_poll(group.id).await?.ok_or_else(|| {
                    CommandError::invalid("There is no pre quiz question waiting for its pair; add one with --phase pre first.")
                })?;
                let right = self.store().quiz_answer(pre.id).await?.ok_or_else(|| {
                    CommandError::invalid(format!(
                        "The waiting pre poll (#{}) is a poll, not a quiz question; pair it with `poll create --phase post`.",
                        pre.id
                    ))
                })?;
                if answer.is_some_and(|a| a as i64 != right + 1) {
                    return Err(CommandError::invalid(
                        "A post quiz question keeps its pre question's answer; leave --answer out.",
                    ));
                }
                right
            }
        };
        let spec = PollSpec {
            claim: question,
            suggestion: None,
            scale: (phase == Phase::Pre).then(|| "custom".to_string()),
            options: if phase == Phase::Pre {
                options
            } else {
                Vec::new()
            },
            deadline,
            anonymous: false,
            hidden: false,
            phase: Some(phase),
            native: false,
        };
        let (id, _) = self
            .poll_create_with(
                group,
                spec,
                PollExtras {
                    quiz_answer: Some(answer),
                    ..PollExtras::default()
                },
            )
            .await?;
        Ok(Reply::private(format!(
            "Quiz question #{id} is open{}. The right answer stays hidden from the results; the report shows what members learned.",
            if phase == Phase::Post {
                " (after the discussion)"
            } else {
                " (before the discussion)"
            }
        )))
    }
}
