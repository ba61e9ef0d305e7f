//! Claim polls: creating, closing and suggesting them, here; voting in `votes`; results,
//! the pre/post shift, charts and alt text in `results`.

mod results;
mod votes;

pub(crate) use results::group_slug;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{CommandError, Engine, OutboxPayload, Reply, store_ms};
use crate::domain::command::{PollSpec, Role};
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::domain::poll::{Deadline, Phase, Scale, Shift, Tally, check_claim};
use crate::domain::words;
use crate::store::{Group, NewPoll, PollExtras, PollRow, VoteChange, from_ms};

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
    pub phase: Option<Phase>,
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
    /// The group's language, for the chart's words.
    #[serde(skip)]
    pub locale: crate::i18n::Locale,
}

fn bar(pct: u32) -> String {
    let filled = ((pct as f64) / 100.0 * 12.0).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(12 - filled.min(12)))
}

impl Engine {
    async fn poll_in_group(
        &self,
        group: &Group,
        poll: Option<i64>,
        open_only: bool,
    ) -> Result<PollRow, CommandError> {
        let loc = group.locale();
        match poll {
            Some(id) => self
                .store()
                .poll(id)
                .await?
                .filter(|p| p.group_id == group.id)
                .ok_or_else(|| CommandError::invalid(crate::t!(loc, "poll-no-such", id = id))),
            None if open_only => {
                let open = self.store().open_polls(group.id).await?;
                match open.as_slice() {
                    [] => Err(CommandError::invalid(crate::t!(loc, "poll-none-open"))),
                    [one] => Ok(one.clone()),
                    many => Err(CommandError::invalid(crate::t!(
                        loc,
                        "poll-several-open",
                        polls = many
                            .iter()
                            .map(|p| format!("#{}", p.id))
                            .collect::<Vec<_>>()
                            .join(", "),
                        last = many[many.len() - 1].id
                    ))),
                }
            }
            None => self
                .store()
                .latest_poll(group.id)
                .await?
                .ok_or_else(|| CommandError::invalid(crate::t!(loc, "poll-none-yet"))),
        }
    }

    pub(super) async fn poll_create(
        &self,
        group: &Group,
        spec: PollSpec,
    ) -> Result<Reply, CommandError> {
        self.poll_create_with(group, spec, PollExtras::default())
            .await
            .map(|(_, reply)| reply)
    }

    /// Create a poll with its opinion extras (a quiz answer, the member claim it is the
    /// card of); anonymous polls get their voter-key scope here. Returns the poll's number.
    pub(in crate::engine) async fn poll_create_with(
        &self,
        group: &Group,
        spec: PollSpec,
        mut extras: PollExtras,
    ) -> Result<(i64, Reply), CommandError> {
        let now = self.now();
        let tz = Engine::zone(group);
        let loc = group.locale();
        let pre = if spec.phase == Some(Phase::Post) {
            Some(
                self.store()
                    .unpaired_pre_poll(group.id)
                    .await?
                    .ok_or_else(|| CommandError::invalid(crate::t!(loc, "poll-no-pre")))?,
            )
        } else {
            None
        };
        // The claim: given, a suggestion of the current excerpt, or the pre poll's.
        let claim = match (&spec.claim, spec.suggestion, &pre) {
            (Some(c), None, _) => c.clone(),
            (None, Some(n), _) => {
                let claims = self.current_claims(group).await?;
                claims.get(n.wrapping_sub(1)).cloned().ok_or_else(|| {
                    CommandError::invalid(crate::t!(
                        loc,
                        "poll-no-suggestion",
                        n = n,
                        count = claims.len()
                    ))
                })?
            }
            (Some(_), Some(_), _) => {
                return Err(CommandError::invalid(crate::t!(
                    loc,
                    "poll-claim-and-suggestion"
                )));
            }
            (None, None, Some(p)) => p.claim.clone(),
            (None, None, None) => {
                return Err(CommandError::invalid(crate::t!(loc, "poll-claim-missing")));
            }
        };
        let claim = check_claim(&claim)?;
        let scale = match (&spec.scale, &pre) {
            (_, Some(p)) => {
                let pre_scale = p.scale.clone();
                if let Some(s) = &spec.scale
                    && Scale::parse(s, &spec.options)? != pre_scale
                {
                    return Err(CommandError::invalid(crate::t!(
                        loc,
                        "poll-post-scale",
                        scale = pre_scale.name()
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
                return Err(CommandError::invalid(crate::t!(
                    loc,
                    "poll-post-claim",
                    id = p.id,
                    claim = p.claim.as_str()
                )));
            }
            if spec.anonymous && !p.anonymous {
                return Err(CommandError::invalid(crate::t!(
                    loc,
                    "poll-post-anonymous",
                    id = p.id
                )));
            }
        }
        let anonymous = pre.as_ref().map(|p| p.anonymous).unwrap_or(spec.anonymous);
        if spec.native {
            if group.platform != Platform::Discord {
                return Err(CommandError::invalid(crate::t!(
                    loc,
                    "poll-native-elsewhere"
                )));
            }
            if anonymous || spec.hidden {
                return Err(CommandError::invalid(crate::t!(
                    loc,
                    "poll-native-anonymous"
                )));
            }
            match &spec.deadline {
                Deadline::Minutes(m) if m % 60 == 0 => {}
                _ => {
                    return Err(CommandError::invalid(crate::t!(loc, "poll-native-hours")));
                }
            }
        }
        let closes_at = spec.deadline.resolve(now, tz)?;
        let session_id = self.open_session_id(group).await?;
        let scale_json =
            serde_json::to_string(&scale).map_err(|e| CommandError::Internal(e.to_string()))?;
        if anonymous {
            extras.voter_scope = match &pre {
                // A pair keeps one scope, so a member's two votes match.
                Some(p) => self.store().poll_voter_scope(p.id).await?,
                None => Some(self.voter_scope(group, session_id).await?),
            };
        }
        let id = self
            .store()
            .create_poll_with(
                &NewPoll {
                    group_id: group.id,
                    session_id,
                    claim: &claim,
                    scale: &scale_json,
                    anonymous,
                    hidden: spec.hidden,
                    native: spec.native,
                    phase: spec.phase,
                    pair_id: pre.as_ref().and_then(|p| p.pair_id.or(Some(p.id))),
                    opens_at: store_ms(now),
                    closes_at: store_ms(closes_at),
                },
                &extras,
                |poll_id| OutboxPayload::PollOpen { poll_id }.entry(),
            )
            .await?
            .ok_or_else(|| CommandError::invalid(crate::t!(loc, "poll-claim-decided")))?;
        let until = words::deadline_in(closes_at, now, tz, loc);
        let mut text = if scale == Scale::Card {
            crate::t!(loc, "poll-card-open", id = id, until = until)
        } else {
            crate::t!(loc, "poll-open", id = id, until = until)
        };
        if let Some(p) = pre {
            text.push(' ');
            text.push_str(&crate::t!(loc, "poll-paired", pre = p.id));
        }
        Ok((id, Reply::private(text)))
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
        let loc = group.locale();
        let claims = self.current_claims(group).await?;
        if claims.is_empty() {
            return Ok(Reply::private(crate::t!(loc, "poll-suggest-none")));
        }
        let mut text = crate::t!(loc, "poll-suggest-title");
        text.push('\n');
        for (i, c) in claims.iter().enumerate() {
            text.push_str(&format!("{}. {c}\n", i + 1));
        }
        text.push('\n');
        text.push_str(&crate::t!(loc, "poll-suggest-how"));
        Ok(Reply::private(text))
    }

    pub(super) async fn poll_extend(
        &self,
        group: &Group,
        poll: Option<i64>,
        deadline: Deadline,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let p = self.poll_in_group(group, poll, true).await?;
        if !p.is_open() {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "poll-already-closed",
                id = p.id
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
            return Err(CommandError::invalid(crate::t!(loc, "poll-native-extend")));
        }
        if !self
            .store()
            .set_poll_deadline(p.id, store_ms(closes_at))
            .await?
        {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "vote-just-closed",
                id = p.id
            )));
        }
        Ok(Reply::public(crate::t!(
            loc,
            "poll-extended",
            id = p.id,
            until = words::deadline_in(closes_at, now, tz, loc)
        )))
    }

    pub(super) async fn poll_close_command(
        &self,
        group: &Group,
        poll: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let p = self.poll_in_group(group, poll, true).await?;
        let loc = group.locale();
        if !self.close_poll(&p).await? {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "poll-already-closed",
                id = p.id
            )));
        }
        if p.scale == Scale::Card && p.pair_id.is_none() {
            return Ok(Reply::private(crate::t!(
                loc,
                "poll-card-closed",
                id = p.id
            )));
        }
        Ok(Reply::private(crate::t!(loc, "poll-closed", id = p.id)))
    }

    /// Close a poll and queue its results (once). A claim card that is not half of a
    /// pre/post pair closes quietly: the opinion map is its result.
    pub async fn close_poll(&self, poll: &PollRow) -> Result<bool, CommandError> {
        if poll.scale == Scale::Card && poll.pair_id.is_none() {
            return Ok(self
                .store()
                .close_poll_quietly(poll.id, store_ms(self.now()))
                .await?);
        }
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
}
