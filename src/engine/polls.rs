//! Claim polls: create, vote, close, results with the pre/post shift, suggestions, charts.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CommandError, Engine, OutboxPayload, Reply, local_label, store_ms};
use crate::chart::{ChartData, Series, bar_label, render_png};
use crate::domain::anon::voter_key;
use crate::domain::command::{Command, PollSpec, Role};
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::domain::poll::{
    ANONYMITY_THRESHOLD, Deadline, Phase, PollError, Scale, Shift, Tally, check_claim,
    check_reason, shift,
};
use crate::domain::words;
use crate::ports::{FileOut, PollPost, ResultsPost};
use crate::store::{Group, NewPoll, PollRow, VoteChange, from_ms};

/// Which poll a vote is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollRef {
    /// The poll's number.
    Id(i64),
    /// The platform message the poll was posted as (native polls).
    Message(String),
}

/// The option chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// 0-based option index (buttons, native polls).
    Index(usize),
    /// A number or label typed by the member.
    Label(String),
}

/// A vote from any platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteEvent {
    pub platform: Platform,
    pub poll: PollRef,
    pub voter: MemberKey,
    pub voter_name: String,
    pub choice: Choice,
    pub reason: Option<String>,
    /// Where the vote was cast: `None` for a platform's poll UI in the group's channel.
    pub channel: Option<ChannelKey>,
    /// The voter's role in `channel`.
    pub role: Role,
    /// When the platform says the vote was cast, for votes read from history (Matrix poll
    /// responses after a restart); `None`: now.
    pub cast_at: Option<DateTime<Utc>>,
}

/// The confirmation a voter gets (privately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteReceipt {
    pub poll_id: i64,
    pub option: String,
    pub change: VoteChange,
    pub message: String,
}

/// One row of results.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub label: String,
    pub count: u32,
    pub pct: u32,
    pub bar: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MoveView {
    pub from: String,
    pub to: String,
    pub count: u32,
}

/// How opinion moved between a pre and a post poll.
#[derive(Debug, Clone, Serialize)]
pub struct ShiftView {
    pub pre_id: i64,
    pub post_id: i64,
    pub paired: u32,
    pub changed: u32,
    pub changed_pct: u32,
    pub toward_positive: u32,
    pub toward_negative: u32,
    pub positive_pole: String,
    pub negative_pole: String,
    pub has_axis: bool,
    /// "+0.33" on the scale, when the scale has an axis.
    pub net: Option<String>,
    pub net_value: f64,
    pub moves: Vec<MoveView>,
    /// Too few paired voters on an anonymous pair to show how they moved.
    pub suppressed: bool,
    #[serde(skip)]
    pub data: Shift,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReasonGroup {
    pub option: String,
    pub reasons: Vec<String>,
}

/// Everything shown about a poll's results.
#[derive(Debug, Clone, Serialize)]
pub struct PollResultView {
    pub id: i64,
    pub claim: String,
    pub scale: String,
    pub options: Vec<String>,
    pub anonymous: bool,
    pub hidden: bool,
    pub closed: bool,
    /// Results are hidden until close and the poll is still open.
    pub hidden_now: bool,
    /// An anonymous poll with too few voters to break down.
    pub suppressed: bool,
    pub total: u32,
    pub rows: Vec<RowView>,
    pub closes_local: String,
    pub phase: Option<String>,
    pub shift: Option<ShiftView>,
    pub reasons: Vec<ReasonGroup>,
    /// The results rendered with results.md.j2.
    pub markdown: String,
    /// The chart's description.
    pub alt_text: String,
    /// The group's name as a file-name part, for the chart's file.
    #[serde(skip)]
    pub group_slug: String,
    #[serde(skip)]
    pub tally: Tally,
}

fn bar(pct: u32) -> String {
    let filled = ((pct as f64) / 100.0 * 12.0).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(12 - filled.min(12)))
}

fn parse_scale(poll: &PollRow) -> Result<Scale, CommandError> {
    serde_json::from_str(&poll.scale)
        .map_err(|e| CommandError::Internal(format!("poll {} scale: {e}", poll.id)))
}

impl Engine {
    async fn poll_in_group(
        &self,
        group: &Group,
        poll: Option<i64>,
        open_only: bool,
    ) -> Result<PollRow, CommandError> {
        match poll {
            Some(id) => self
                .store()
                .poll(id)
                .await?
                .filter(|p| p.group_id == group.id)
                .ok_or_else(|| CommandError::invalid(format!("This group has no poll #{id}."))),
            None if open_only => {
                let open = self.store().open_polls(group.id).await?;
                match open.as_slice() {
                    [] => Err(CommandError::invalid("No poll is open here.")),
                    [one] => Ok(one.clone()),
                    many => Err(CommandError::invalid(format!(
                        "Several polls are open ({}); say which one, e.g. `poll close {}`.",
                        many.iter()
                            .map(|p| format!("#{}", p.id))
                            .collect::<Vec<_>>()
                            .join(", "),
                        many[many.len() - 1].id
                    ))),
                }
            }
            None => self
                .store()
                .latest_poll(group.id)
                .await?
                .ok_or_else(|| CommandError::invalid("No poll has been run here yet.")),
        }
    }

    pub(super) async fn poll_create(
        &self,
        group: &Group,
        spec: PollSpec,
    ) -> Result<Reply, CommandError> {
        let now = self.now();
        let tz = Engine::zone(group);
        let pre = if spec.phase == Some(Phase::Post) {
            Some(self.store().unpaired_pre_poll(group.id).await?.ok_or_else(|| {
                CommandError::invalid("There is no `--phase pre` poll waiting for its pair. Create the pre poll first.")
            })?)
        } else {
            None
        };
        // The claim: given, a suggestion of the current excerpt, or the pre poll's.
        let claim = match (&spec.claim, spec.suggestion, &pre) {
            (Some(c), None, _) => c.clone(),
            (None, Some(n), _) => {
                let claims = self.current_claims(group).await?;
                claims.get(n.wrapping_sub(1)).cloned().ok_or_else(|| {
                    CommandError::invalid(format!(
                        "There is no suggestion {n}; `poll suggest` lists {} for the current excerpt.",
                        words::count(claims.len(), "claim", "claims")
                    ))
                })?
            }
            (Some(_), Some(_), _) => {
                return Err(CommandError::invalid(
                    "Give a claim or --suggestion, not both.",
                ));
            }
            (None, None, Some(p)) => p.claim.clone(),
            (None, None, None) => {
                return Err(CommandError::invalid(
                    "Give the claim to vote on, in quotes.",
                ));
            }
        };
        let claim = check_claim(&claim)?;
        let scale = match (&spec.scale, &pre) {
            (_, Some(p)) => {
                let pre_scale = parse_scale(p)?;
                if let Some(s) = &spec.scale
                    && Scale::parse(s, &spec.options)? != pre_scale
                {
                    return Err(CommandError::invalid(format!(
                        "A post poll uses its pre poll's scale ({}); leave --scale out.",
                        pre_scale.name()
                    )));
                }
                pre_scale
            }
            (Some(s), None) => Scale::parse(s, &spec.options)?,
            (None, None) if spec.options.is_empty() => Scale::Agree,
            (None, None) => Scale::custom(&spec.options)?,
        };
        if let Some(p) = &pre {
            if !p.claim.eq_ignore_ascii_case(&claim) {
                return Err(CommandError::invalid(format!(
                    "A post poll repeats its pre poll's claim (#{}: \"{}\"). Leave the claim out to reuse it.",
                    p.id, p.claim
                )));
            }
            if spec.anonymous && !p.anonymous {
                return Err(CommandError::invalid(format!(
                    "Pre poll #{} was not anonymous, so its pair cannot be: votes could not be matched.",
                    p.id
                )));
            }
        }
        let anonymous = pre.as_ref().map(|p| p.anonymous).unwrap_or(spec.anonymous);
        if spec.native {
            if group.platform != Platform::Discord.as_str() {
                return Err(CommandError::invalid(
                    "--native is for Discord's own polls; leave it out here.",
                ));
            }
            if anonymous || spec.hidden {
                return Err(CommandError::invalid(
                    "Discord's native polls cannot be anonymous or hide results; leave out --native to use buttons.",
                ));
            }
            match &spec.deadline {
                Deadline::Minutes(m) if m % 60 == 0 => {}
                _ => {
                    return Err(CommandError::invalid(
                        "Discord's native polls last whole hours: use --hours N (1 to 720) instead.",
                    ));
                }
            }
        }
        let closes_at = spec.deadline.resolve(now, tz)?;
        let session_id = self.open_session_id(group).await?;
        let scale_json =
            serde_json::to_string(&scale).map_err(|e| CommandError::Internal(e.to_string()))?;
        let id = self
            .store()
            .create_poll(
                &NewPoll {
                    group_id: group.id,
                    session_id,
                    claim: &claim,
                    scale: &scale_json,
                    anonymous,
                    hidden: spec.hidden,
                    native: spec.native,
                    phase: spec.phase.map(|p| p.as_str()),
                    pair_id: pre.as_ref().and_then(|p| p.pair_id.or(Some(p.id))),
                    opens_at: store_ms(now),
                    closes_at: store_ms(closes_at),
                },
                |poll_id| OutboxPayload::PollOpen { poll_id }.entry(),
            )
            .await?;
        Ok(Reply::private(format!(
            "Poll #{id} is open until {}.{}",
            words::deadline(closes_at, now, tz),
            pre.map(|p| format!(
                " It is paired with poll #{}: its results will show how votes moved.",
                p.id
            ))
            .unwrap_or_default()
        )))
    }

    /// The session a new poll belongs to: the open live session, else the latest open one.
    async fn open_session_id(&self, group: &Group) -> Result<Option<i64>, CommandError> {
        Ok(self
            .store()
            .current_session(group.id)
            .await?
            .filter(|s| s.is_open())
            .map(|s| s.id))
    }

    async fn current_claims(&self, group: &Group) -> Result<Vec<String>, CommandError> {
        let Some(session) = self.store().current_excerpt_session(group.id).await? else {
            return Ok(Vec::new());
        };
        match session.excerpt_id {
            Some(id) => Ok(self.store().claims(id).await?),
            None => Ok(Vec::new()),
        }
    }

    pub(super) async fn poll_suggest(&self, group: &Group) -> Result<Reply, CommandError> {
        let claims = self.current_claims(group).await?;
        if claims.is_empty() {
            return Ok(Reply::private(
                "The current excerpt offers no clear claims to poll. Write one: `poll create \"…\"`.",
            ));
        }
        let mut text = String::from("Claims from the current excerpt, ready to poll:\n");
        for (i, c) in claims.iter().enumerate() {
            text.push_str(&format!("{}. {c}\n", i + 1));
        }
        text.push_str("\nPoll one with `poll create --suggestion N` (add --phase pre to ask again after the discussion).");
        Ok(Reply::private(text))
    }

    pub(super) async fn poll_extend(
        &self,
        group: &Group,
        poll: Option<i64>,
        deadline: Deadline,
    ) -> Result<Reply, CommandError> {
        let p = self.poll_in_group(group, poll, true).await?;
        if !p.is_open() {
            return Err(CommandError::invalid(format!(
                "Poll #{} is already closed.",
                p.id
            )));
        }
        let tz = Engine::zone(group);
        let now = self.now();
        let closes_at = match deadline {
            // "--minutes N" extends from the current deadline.
            Deadline::Minutes(m) => {
                let base = from_ms(p.closes_at).max(now);
                Deadline::Minutes(m)
                    .resolve(base, tz)
                    .map_err(CommandError::from)?
            }
            until => until.resolve(now, tz)?,
        };
        if p.native && (closes_at - from_ms(p.opens_at)).num_minutes() % 60 != 0 {
            return Err(CommandError::invalid(
                "A native Discord poll can only be extended by whole hours.",
            ));
        }
        if !self
            .store()
            .set_poll_deadline(p.id, store_ms(closes_at))
            .await?
        {
            return Err(CommandError::invalid(format!(
                "Poll #{} has just closed.",
                p.id
            )));
        }
        Ok(Reply::public(format!(
            "Poll #{} now closes {}.",
            p.id,
            words::deadline(closes_at, now, tz)
        )))
    }

    pub(super) async fn poll_close_command(
        &self,
        group: &Group,
        poll: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let p = self.poll_in_group(group, poll, true).await?;
        if !self.close_poll(&p).await? {
            return Err(CommandError::invalid(format!(
                "Poll #{} is already closed.",
                p.id
            )));
        }
        Ok(Reply::private(format!(
            "Poll #{} is closed; its results are being posted.",
            p.id
        )))
    }

    /// Close a poll and queue its results (once).
    pub async fn close_poll(&self, poll: &PollRow) -> Result<bool, CommandError> {
        let (key, payload) = OutboxPayload::PollClosed { poll_id: poll.id }.entry();
        Ok(self
            .store()
            .close_poll(poll.group_id, poll.id, store_ms(self.now()), &key, &payload)
            .await?)
    }

    pub(super) async fn poll_results_command(
        &self,
        group: &Group,
        poll: Option<i64>,
        _role: Role,
    ) -> Result<Reply, CommandError> {
        let p = self.poll_in_group(group, poll, false).await?;
        let view = self.poll_result_view(&p).await?;
        let mut reply = Reply::public(view.markdown.clone());
        if let Some(chart) = self.chart_file(&view)? {
            reply.files.push(chart);
        }
        Ok(reply)
    }

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
        let poll = self
            .store()
            .poll(poll_id)
            .await?
            .ok_or_else(|| CommandError::invalid(format!("There is no poll #{poll_id}.")))?;
        if !poll.is_open() {
            return Err(CommandError::invalid(format!(
                "Poll #{poll_id} is closed; `poll results` shows how it went."
            )));
        }
        Ok(parse_scale(&poll)?.options())
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
            Some(p) if p.anonymous => Some(format!(
                "Poll #{poll} is anonymous: send your vote to me in a direct message (`!cq vote {poll} OPTION`), so that nobody sees it."
            )),
            _ => None,
        })
    }

    /// A vote from any platform: checked, recorded (or changed), confirmed privately.
    pub async fn vote(&self, event: VoteEvent) -> Result<VoteReceipt, CommandError> {
        let poll = self
            .find_poll(&event.poll)
            .await?
            .ok_or_else(|| match &event.poll {
                PollRef::Id(id) => CommandError::invalid(format!("There is no poll #{id}.")),
                PollRef::Message(_) => CommandError::invalid("That poll is not one of colloquy's."),
            })?;
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {} has no group", poll.id)))?;
        let group_channel = group
            .channel_key()
            .map_err(|e| CommandError::Internal(e.to_string()))?;
        if event.platform.as_str() != group.platform {
            return Err(CommandError::invalid(format!(
                "There is no poll #{} here.",
                poll.id
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
                        CommandError::invalid(format!("Could not check your membership: {e}"))
                    })?,
                None => event.role,
            },
        };
        if role < Role::Member {
            return Err(CommandError::invalid(format!(
                "Poll #{} belongs to a group you are not a member of.",
                poll.id
            )));
        }
        let tz = Engine::zone(&group);
        if !poll.is_open() {
            return Err(CommandError::invalid(format!(
                "Poll #{} closed {}; `poll results {}` shows how it went.",
                poll.id,
                local_label(from_ms(poll.closed_at.unwrap_or(poll.closes_at)), tz),
                poll.id
            )));
        }
        let scale = parse_scale(&poll)?;
        let options = scale.options();
        let index = match &event.choice {
            Choice::Index(i) if *i < options.len() => *i,
            Choice::Index(i) => {
                return Err(
                    PollError::UnknownOption((i + 1).to_string(), options.join(", ")).into(),
                );
            }
            Choice::Label(l) => scale.option_index(l)?,
        };
        let reason = check_reason(event.reason.as_deref())?;
        let now = self.now();
        let (voter, member_key, voted_at) = if poll.anonymous {
            (
                voter_key(
                    &self.inner.secret,
                    &event.voter,
                    poll.pair_id.unwrap_or(poll.id),
                ),
                None,
                None,
            )
        } else {
            let key = event.voter.key();
            // A vote from before the member asked to be forgotten (replayed history) stays
            // forgotten.
            let tag = crate::domain::anon::forget_tag(&self.inner.secret, &event.voter);
            if let Some(forgotten) = self.store().forgotten_at(&tag).await?
                && store_ms(event.cast_at.unwrap_or(now)) <= forgotten
            {
                return Err(CommandError::invalid(
                    "This vote was cast before you asked colloquy to forget you, so it is not recorded.",
                ));
            }
            self.store()
                .touch_member(
                    &key,
                    &super::record::clean_name(&event.voter_name),
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
            .ok_or_else(|| CommandError::invalid(format!("Poll #{} has just closed.", poll.id)))?;
        let verb = match change {
            VoteChange::New => "Your vote",
            VoteChange::Changed { .. } => "Your vote is changed",
            VoteChange::Same => "Your vote stays",
        };
        let secret = if poll.anonymous {
            " It is anonymous: nobody, facilitators included, can see it."
        } else {
            ""
        };
        let message = format!(
            "{verb} on poll #{}: **{}**. You can change it until {}.{secret}",
            poll.id,
            options[index],
            local_label(from_ms(poll.closes_at), tz)
        );
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
        if poll.anonymous {
            return Err(CommandError::invalid(format!(
                "Poll #{} is anonymous, and a reply is seen by everyone: give your reason in a direct message with `vote {} OPTION --reason \"…\"`.",
                poll.id, poll.id
            )));
        }
        if !poll.is_open() {
            return Err(CommandError::invalid(format!(
                "Poll #{} is closed; reasons can no longer be added.",
                poll.id
            )));
        }
        let reason = check_reason(Some(reason))?
            .ok_or_else(|| CommandError::invalid("The reason is empty."))?;
        if !self
            .store()
            .set_vote_reason(poll.id, &voter.key(), &reason)
            .await?
        {
            return Err(CommandError::invalid(format!(
                "Vote on poll #{} first, then reply to it with your reason.",
                poll.id
            )));
        }
        Ok(Some(format!(
            "Your reason is added to your vote on poll #{}.",
            poll.id
        )))
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
            voter_key(&self.inner.secret, voter, poll.pair_id.unwrap_or(poll.id))
        } else {
            voter.key()
        };
        let option = option.map(|o| o as i64);
        Ok(self.store().remove_vote(poll.id, &key, option).await?)
    }

    /// The post that opens a poll.
    pub(crate) async fn poll_post(&self, poll_id: i64) -> Result<PollPost, CommandError> {
        let poll = self
            .store()
            .poll(poll_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} is gone")))?;
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} has no group")))?;
        let tz = Engine::zone(&group);
        let options = parse_scale(&poll)?.options();
        let closes_local = local_label(from_ms(poll.closes_at), tz);
        let markdown = self.prompts().render(
            "poll.md.j2",
            &serde_json::json!({
                "id": poll.id, "claim": poll.claim, "options": options, "closes_local": closes_local,
                "anonymous": poll.anonymous, "hidden": poll.hidden, "phase": poll.phase,
            }),
        )?;
        Ok(PollPost {
            poll_id: poll.id,
            claim: poll.claim,
            options,
            closes_at: from_ms(poll.closes_at),
            closes_local,
            anonymous: poll.anonymous,
            hidden: poll.hidden,
            phase: poll.phase,
            native: poll.native,
            markdown,
        })
    }

    /// The post with a closed poll's results and chart.
    pub(crate) async fn results_post(&self, poll_id: i64) -> Result<ResultsPost, CommandError> {
        let poll = self
            .store()
            .poll(poll_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} is gone")))?;
        let view = self.poll_result_view(&poll).await?;
        let chart = self.chart_file(&view)?;
        Ok(ResultsPost {
            poll_id,
            poll_message_id: poll.post_message_id.clone(),
            native: poll.native,
            markdown: view.markdown,
            chart,
        })
    }

    /// Everything about a poll's results, respecting hidden results and anonymity.
    pub async fn poll_result_view(&self, poll: &PollRow) -> Result<PollResultView, CommandError> {
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {} has no group", poll.id)))?;
        let tz = Engine::zone(&group);
        let scale = parse_scale(poll)?;
        let options = scale.options();
        let counts = self.store().tally(poll.id).await?;
        let tally = Tally::new(
            options.clone(),
            counts
                .iter()
                .flat_map(|(o, c)| std::iter::repeat_n(*o as usize, *c as usize)),
        );
        let total = tally.total();
        let closed = !poll.is_open();
        let hidden_now = poll.hidden && !closed;
        let suppressed = poll.anonymous && total > 0 && total < ANONYMITY_THRESHOLD;
        let pcts = tally.percents();
        let rows: Vec<RowView> = options
            .iter()
            .zip(tally.counts.iter())
            .zip(pcts.iter())
            .map(|((label, count), pct)| RowView {
                label: label.clone(),
                count: *count,
                pct: pct.round() as u32,
                bar: bar(pct.round() as u32),
            })
            .collect();
        // Reasons, grouped by option (never with names).
        let mut reasons: Vec<ReasonGroup> = Vec::new();
        if !hidden_now && !suppressed {
            let votes = self.store().votes(poll.id).await?;
            for (i, label) in options.iter().enumerate() {
                let rs: Vec<String> = votes
                    .iter()
                    .filter(|v| v.option == i as i64)
                    .filter_map(|v| v.reason.clone())
                    .collect();
                if !rs.is_empty() {
                    reasons.push(ReasonGroup {
                        option: label.clone(),
                        reasons: rs,
                    });
                }
            }
        }
        let shift = if hidden_now {
            None
        } else {
            self.shift_view(poll, &scale).await?
        };
        let alt_text = if hidden_now || suppressed {
            String::new()
        } else {
            alt_text(poll.id, &tally, shift.as_ref())
        };
        let mut view = PollResultView {
            id: poll.id,
            claim: poll.claim.clone(),
            scale: scale.name().to_string(),
            options,
            anonymous: poll.anonymous,
            hidden: poll.hidden,
            closed,
            hidden_now,
            suppressed,
            total,
            rows,
            closes_local: local_label(from_ms(poll.closes_at), tz),
            phase: poll.phase.clone(),
            shift,
            reasons,
            markdown: String::new(),
            alt_text,
            group_slug: group_slug(&group),
            tally,
        };
        view.markdown = self.prompts().render(
            "results.md.j2",
            &serde_json::json!({ "poll": &view, "closed": closed }),
        )?;
        Ok(view)
    }

    /// The shift, when this poll is the post half of a pair whose pre half exists.
    async fn shift_view(
        &self,
        poll: &PollRow,
        scale: &Scale,
    ) -> Result<Option<ShiftView>, CommandError> {
        if poll.phase.as_deref() != Some("post") {
            return Ok(None);
        }
        let Some(pre) = self.store().paired_poll(poll).await? else {
            return Ok(None);
        };
        if pre.hidden && pre.is_open() {
            return Ok(None);
        }
        let key_votes = |votes: Vec<crate::store::VoteRow>| -> Vec<(String, usize)> {
            votes
                .into_iter()
                .map(|v| (v.voter, v.option as usize))
                .collect()
        };
        let before = key_votes(self.store().votes(pre.id).await?);
        let after = key_votes(self.store().votes(poll.id).await?);
        let data = shift(scale, &before, &after);
        let options = scale.options();
        let (positive_pole, negative_pole) = scale.poles();
        let mut moves = Vec::new();
        for (from, row) in data.transitions.iter().enumerate() {
            for (to, count) in row.iter().enumerate() {
                if from != to && *count > 0 {
                    moves.push(MoveView {
                        from: options[from].clone(),
                        to: options[to].clone(),
                        count: *count,
                    });
                }
            }
        }
        moves.sort_by_key(|m| std::cmp::Reverse(m.count));
        let suppressed = poll.anonymous && data.paired < ANONYMITY_THRESHOLD;
        Ok(Some(ShiftView {
            pre_id: pre.id,
            post_id: poll.id,
            paired: data.paired,
            changed: data.changed,
            changed_pct: if data.paired > 0 {
                (data.changed as f64 * 100.0 / data.paired as f64).round() as u32
            } else {
                0
            },
            toward_positive: data.toward_positive,
            toward_negative: data.toward_negative,
            positive_pole: positive_pole.to_string(),
            negative_pole: negative_pole.to_string(),
            has_axis: scale.values().is_some(),
            net: data
                .net_shift
                .filter(|n| n.abs() > 1e-9)
                .map(|n| format!("{n:+.2}")),
            net_value: data.net_shift.unwrap_or(0.0),
            moves,
            suppressed,
            data,
        }))
    }

    /// What the results chart shows, when there is something to show: each poll as a
    /// share of its own voters, a pre/post pair as two labelled series.
    pub fn chart_data(&self, view: &PollResultView) -> Option<ChartData> {
        if view.hidden_now || view.suppressed || view.total == 0 {
            return None;
        }
        let mut series = Vec::new();
        let subtitle = match &view.shift {
            Some(s) if !s.suppressed => {
                for (name, id, tally) in [
                    ("Before", s.pre_id, &s.data.pre),
                    ("After", s.post_id, &s.data.post),
                ] {
                    series.push(Series {
                        name: name.into(),
                        label: format!("{name} (poll #{id} · {})", voters(tally.total())),
                        counts: tally.counts.clone(),
                    });
                }
                let mut subtitle = format!(
                    "Poll #{} before and #{} after the discussion",
                    s.pre_id, s.post_id
                );
                if let Some(net) = &s.net {
                    subtitle.push_str(&format!(
                        " · net shift {net} toward {}",
                        if s.net_value > 0.0 {
                            &s.positive_pole
                        } else {
                            &s.negative_pole
                        }
                    ));
                }
                subtitle.push_str(&format!(
                    " · {} of {} who voted in both changed",
                    s.changed, s.paired
                ));
                subtitle
            }
            _ => {
                series.push(Series {
                    name: "Votes".into(),
                    label: "Votes".into(),
                    counts: view.tally.counts.clone(),
                });
                format!("Poll #{} · {}", view.id, voters(view.total))
            }
        };
        Some(ChartData {
            title: view.claim.clone(),
            subtitle: Some(subtitle),
            options: view.options.clone(),
            series,
        })
    }

    /// The results chart as a PNG file named by group and poll
    /// (`<group>-poll-<id>.png`), when there is something to show.
    pub fn chart_file(&self, view: &PollResultView) -> Result<Option<FileOut>, CommandError> {
        let Some(data) = self.chart_data(view) else {
            return Ok(None);
        };
        let png = render_png(&data).map_err(|e| CommandError::Internal(e.to_string()))?;
        Ok(Some(FileOut {
            name: format!("{}-poll-{}.png", view.group_slug, view.id),
            mime: "image/png".into(),
            bytes: png,
            description: view.alt_text.clone(),
        }))
    }
}

fn voters(n: u32) -> String {
    words::count(n, "voter", "voters")
}

/// A group's name (or else its channel) as a file-name part: lower case letters and
/// digits joined by dashes, at most 40 characters.
fn group_slug(group: &Group) -> String {
    let source = group
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| group.channel_key().ok().map(|c| c.id))
        .unwrap_or_default();
    let mut slug = String::new();
    for c in source.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        format!("group-{}", group.id)
    } else {
        slug
    }
}

/// One series as the chart's bars say it: "Agree 3 · 60 %, Disagree 2 · 40 %".
fn described(options: &[String], counts: &[u32]) -> String {
    let total: u32 = counts.iter().sum();
    options
        .iter()
        .zip(counts)
        .map(|(o, c)| format!("{o} {}", bar_label(*c, total)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A text description of the chart: the same counts and shares as on its bars.
fn alt_text(id: i64, tally: &Tally, shift: Option<&ShiftView>) -> String {
    match shift.filter(|s| !s.suppressed) {
        None => format!(
            "Bar chart of poll #{id}, each option's share of {}: {}.",
            voters(tally.total()),
            described(&tally.options, &tally.counts)
        ),
        Some(s) => format!(
            "Paired bar chart of poll #{} before and #{} after the discussion, each as a share of its own voters. Before ({}): {}. After ({}): {}. {} of {} members who voted twice changed their vote{}.",
            s.pre_id,
            s.post_id,
            voters(s.data.pre.total()),
            described(&s.data.pre.options, &s.data.pre.counts),
            voters(s.data.post.total()),
            described(&s.data.post.options, &s.data.post.counts),
            s.changed,
            words::count(s.paired, "member", "members"),
            s.net
                .as_ref()
                .map(|n| format!("; net shift {n}"))
                .unwrap_or_default()
        ),
    }
}
