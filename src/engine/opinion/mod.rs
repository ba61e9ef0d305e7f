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
use crate::i18n::Locale;
use crate::store::{
    ClaimApproval, Group, MemberClaimRow, NewMemberClaim, PollExtras, SessionRow, from_ms,
};

use crate::t;

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

fn no_session_for_claims(loc: Locale) -> CommandError {
    CommandError::invalid(t!(loc, "claim-no-session"))
}

/// Why a claim can no longer be approved or rejected: who decided it and how.
fn already_decided(claim: &MemberClaimRow, caller: &Caller, loc: Locale) -> CommandError {
    let by = match (&claim.decided_by, &claim.decided_by_name) {
        (Some(key), _) if *key == caller.key.key() => Some(t!(loc, "claim-decided-by-you")),
        (_, Some(name)) => Some(name.clone()),
        _ => None,
    };
    let id = claim.id;
    CommandError::invalid(match (claim.status.as_str(), claim.poll_id, by) {
        ("approved", Some(card), Some(by)) => t!(
            loc,
            "claim-already-approved-card-by",
            id = id,
            by = by,
            card = card
        ),
        ("approved", Some(card), None) => {
            t!(loc, "claim-already-approved-card", id = id, card = card)
        }
        ("approved", None, Some(by)) => t!(loc, "claim-already-approved-by", id = id, by = by),
        ("approved", None, None) => t!(loc, "claim-already-approved", id = id),
        (_, _, Some(by)) => t!(loc, "claim-already-rejected-by", id = id, by = by),
        (_, _, None) => t!(loc, "claim-already-rejected", id = id),
    })
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
        let loc = group.locale();
        let text = check(text)?;
        let normalized = normalize(&text);
        if normalized.is_empty() {
            return Err(CommandError::invalid(t!(loc, "claim-no-words")));
        }
        let session = self
            .open_session(group)
            .await?
            .ok_or_else(|| no_session_for_claims(loc))?;
        if self
            .claims_in_session(&session)
            .await?
            .contains(&normalized)
        {
            return Err(CommandError::invalid(t!(loc, "claim-in-session")));
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
            .ok_or_else(|| CommandError::invalid(t!(loc, "claim-already-proposed")))?;
        Ok(Reply::private(t!(loc, "claim-queued", id = id)))
    }

    /// `claim queue`: the pending claims, for facilitators.
    pub(super) async fn claim_queue(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let pending = self.store().member_claims(group.id, "pending").await?;
        if pending.is_empty() {
            return Ok(Reply::private(t!(loc, "claim-queue-empty")));
        }
        let mut text = t!(loc, "claim-queue-title", n = pending.len());
        text.push('\n');
        for c in &pending {
            let author = match &c.author {
                Some(a) => a.clone(),
                None => t!(loc, "claim-former-member"),
            };
            text.push_str(&format!("- #{} “{}” — {author}\n", c.id, c.text));
        }
        text.push('\n');
        text.push_str(&t!(loc, "claim-queue-how"));
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
            None => Err(no_session_for_claims(group.locale())),
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
            return Err(already_decided(&claim, caller, group.locale()));
        }
        Ok(claim.into())
    }

    async fn claim_of(&self, group: &Group, id: i64) -> Result<MemberClaimRow, CommandError> {
        self.store()
            .member_claim(id)
            .await?
            .filter(|c| c.group_id == group.id)
            .ok_or_else(|| CommandError::invalid(t!(group.locale(), "claim-no-such", id = id)))
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
        let loc = group.locale();
        if phase == Some(Phase::Post) {
            return Err(CommandError::invalid(t!(loc, "claim-approve-post")));
        }
        let claim = self.claim_of(group, id).await?;
        if claim.status != "pending" {
            return Err(already_decided(&claim, caller, loc));
        }
        let text = match edited {
            Some(t) => check(&t)?,
            None => claim.text.clone(),
        };
        let normalized = normalize(&text);
        if normalized != claim.normalized {
            if normalized.is_empty() {
                return Err(CommandError::invalid(t!(loc, "claim-reworded-empty")));
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
                return Err(CommandError::invalid(t!(loc, "claim-reworded-taken")));
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
                Ok(c) if c.status != "pending" => return Err(already_decided(&c, caller, loc)),
                _ => return Err(e),
            },
        };
        Ok(Reply::private(t!(
            loc,
            "claim-approved",
            id = id,
            card = poll_id
        )))
    }

    /// `claim reject N`.
    pub(super) async fn claim_reject(
        &self,
        group: &Group,
        caller: &Caller,
        id: i64,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let claim = self.claim_of(group, id).await?;
        if claim.status != "pending" {
            return Err(already_decided(&claim, caller, loc));
        }
        self.note_facilitator(caller).await?;
        if !self
            .store()
            .reject_member_claim(id, store_ms(self.now()), &caller.key.key())
            .await?
        {
            // Another facilitator decided it a moment ago.
            let claim = self.claim_of(group, id).await?;
            return Err(already_decided(&claim, caller, loc));
        }
        Ok(Reply::private(t!(loc, "claim-rejected", id = id)))
    }

    /// `claim cards`: the excerpt's suggested claims, each as a vote card (those already
    /// voted on in this session are skipped).
    pub(super) async fn claim_cards(
        &self,
        group: &Group,
        deadline: Option<Deadline>,
        anonymous: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self
            .open_session(group)
            .await?
            .ok_or_else(|| CommandError::invalid(t!(loc, "cards-no-session")))?;
        let suggested = match session.excerpt_id {
            Some(e) => self.store().claims(e).await?,
            None => Vec::new(),
        };
        if suggested.is_empty() {
            return Err(CommandError::invalid(t!(loc, "cards-none-suggested")));
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
            return Ok(Reply::private(t!(loc, "cards-all-posted")));
        }
        Ok(Reply::private(t!(
            loc,
            "cards-posted",
            n = posted.len(),
            cards = posted.join(", ")
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
        let loc = group.locale();
        let deadline = deadline.unwrap_or(Deadline::Minutes(
            crate::domain::command::DEFAULT_POLL_MINUTES,
        ));
        let answer = match phase {
            Phase::Pre => {
                let Some(n) = answer else {
                    return Err(CommandError::invalid(t!(loc, "quiz-needs-answer")));
                };
                let scale = Scale::custom(&options)?;
                if !(1..=scale.options().len()).contains(&n) {
                    return Err(CommandError::invalid(t!(
                        loc,
                        "quiz-bad-answer",
                        answer = n,
                        n = scale.options().len()
                    )));
                }
                (n - 1) as i64
            }
            Phase::Post => {
                let pre = self
                    .store()
                    .unpaired_pre_poll(group.id)
                    .await?
                    .ok_or_else(|| CommandError::invalid(t!(loc, "quiz-no-pre")))?;
                let right = self.store().quiz_answer(pre.id).await?.ok_or_else(|| {
                    CommandError::invalid(t!(loc, "quiz-pre-is-poll", id = pre.id))
                })?;
                if answer.is_some_and(|a| a as i64 != right + 1) {
                    return Err(CommandError::invalid(t!(loc, "quiz-post-answer")));
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
        Ok(Reply::private(if phase == Phase::Post {
            t!(loc, "quiz-open-post", id = id)
        } else {
            t!(loc, "quiz-open-pre", id = id)
        }))
    }
}
