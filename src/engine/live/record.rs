//! The record of a live session, for its summary, minutes, exports and `stats`: who
//! attended (wrote, voted, raised a hand, noted, or was in the voice channel) from when to
//! when; what happened under each agenda item (replies, polls, notes, decisions, actions);
//! and the breakouts with their report-backs. Also presence events from the platforms.

use serde::Serialize;

use super::messages;
use crate::domain::ids::{ChannelKey, MemberKey};
use crate::engine::{CommandError, Engine, store_ms};
use crate::store::{ActivityRow, AgendaRunRow, Group, SessionRow};

/// The presence source of voice and stage channels.
const VOICE: &str = "voice";

/// The run that was going on at `at_ms`.
pub(crate) fn run_at(runs: &[AgendaRunRow], at_ms: i64) -> Option<&AgendaRunRow> {
    runs.iter()
        .rev()
        .find(|r| r.started_at <= at_ms && r.ended_at.is_none_or(|e| at_ms < e))
}

/// One member's attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attendee {
    pub name: String,
    /// "wrote, voted, raised a hand, in voice".
    pub how: String,
    pub wrote: bool,
    pub voted: bool,
    pub hand: bool,
    pub voice: bool,
    /// Local times, "18:02".
    pub from: String,
    pub to: String,
}

/// What happened under one agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgendaItemView {
    pub seq: i64,
    pub title: String,
    pub minutes: i64,
    /// When it ran, "18:05–18:25" (several runs joined by ", "); empty if it never ran.
    pub ran: String,
    pub replies: usize,
    pub polls: Vec<String>,
    pub notes: Vec<String>,
    pub decisions: Vec<String>,
    pub actions: Vec<String>,
}

/// A breakout room in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoomView {
    pub seq: i64,
    pub members: Vec<String>,
    pub prompt: String,
    pub report: Option<String>,
    pub reporter: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakoutView {
    pub minutes: i64,
    pub by_opinion: bool,
    pub at: String,
    pub rooms: Vec<RoomView>,
}

/// The live parts of a session's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LiveRecord {
    pub agenda: Vec<AgendaItemView>,
    /// Notes, decisions and actions written outside any agenda item.
    pub other_notes: Vec<String>,
    pub other_decisions: Vec<String>,
    pub other_actions: Vec<String>,
    pub attendance: Vec<Attendee>,
    pub breakouts: Vec<BreakoutView>,
    /// The record as Markdown (prompts/live.md.j2).
    pub markdown: String,
}

impl LiveRecord {
    pub fn is_empty(&self) -> bool {
        self.attendance.is_empty()
            && self.agenda.is_empty()
            && self.other_notes.is_empty()
            && self.other_decisions.is_empty()
            && self.other_actions.is_empty()
            && self.breakouts.is_empty()
    }
}

/// Attendees from activity rows; `public`: members who turned quotes off are "a member".
pub(crate) fn attendees(rows: &[ActivityRow], group: &Group, public: bool) -> Vec<Attendee> {
    let mut order: Vec<String> = Vec::new();
    let mut by: std::collections::HashMap<String, Vec<&ActivityRow>> = Default::default();
    for r in rows {
        if !by.contains_key(&r.member_key) {
            order.push(r.member_key.clone());
        }
        by.entry(r.member_key.clone()).or_default().push(r);
    }
    let loc = group.locale();
    order
        .iter()
        .map(|key| {
            let rs = &by[key];
            let has = |k: &str| rs.iter().any(|r| r.kind == k);
            let mut how = Vec::new();
            for (k, words) in [
                ("wrote", crate::t!(loc, "attended-wrote")),
                ("voted", crate::t!(loc, "attended-voted")),
                ("hand", crate::t!(loc, "attended-hand")),
                ("noted", crate::t!(loc, "attended-noted")),
                ("voice", crate::t!(loc, "attended-voice")),
            ] {
                if has(k) {
                    how.push(words);
                }
            }
            let from = rs.iter().map(|r| r.first_at).min().unwrap_or(0);
            let to = rs.iter().map(|r| r.last_at).max().unwrap_or(from);
            let name = if public && !rs[0].quotes_allowed {
                crate::t!(loc, "a-member")
            } else {
                rs[0].name.clone()
            };
            Attendee {
                name,
                how: how.join(", "),
                wrote: has("wrote"),
                voted: has("voted"),
                hand: has("hand"),
                voice: has("voice"),
                from: super::clock_time(group, from),
                to: super::clock_time(group, to),
            }
        })
        .collect()
}

impl Engine {
    /// Who attended a session, in the order they arrived.
    pub async fn attendance(
        &self,
        group: &Group,
        session: &SessionRow,
        public: bool,
    ) -> Result<Vec<Attendee>, CommandError> {
        let rows = self.activity(group, session).await?;
        Ok(attendees(&rows, group, public))
    }

    pub(crate) async fn activity(
        &self,
        group: &Group,
        session: &SessionRow,
    ) -> Result<Vec<ActivityRow>, CommandError> {
        let to = session.ended_at.unwrap_or_else(|| store_ms(self.now()));
        Ok(self
            .store()
            .session_activity(group.id, session.id, session.started_at, to)
            .await?)
    }

    /// A member joined or left the group's voice or stage channel (Discord voice states).
    /// Unknown channels and repeated events change nothing.
    pub async fn on_presence(
        &self,
        channel: &ChannelKey,
        member: &MemberKey,
        name: &str,
        joined: bool,
    ) -> Result<bool, CommandError> {
        let Some(group) = self.store().group_by_channel(channel).await? else {
            return Ok(false);
        };
        Ok(self
            .store()
            .set_presence(
                group.id,
                &member.key(),
                &crate::engine::record::clean_name(name),
                VOICE,
                joined,
                store_ms(self.now()),
            )
            .await?)
    }

    /// Where a member is now among a platform's voice and stage channels, as a voice-state
    /// event says (`now_in`: the channel they are in; `None`: in none). Each group that
    /// follows `now_in` (`setup --voice-channel`) records a join; each group whose channel
    /// the member was in records a leave, so a move from the group's channel to another is
    /// a leave, whatever the platform remembered of where they were. Repeated states (mute,
    /// deafen, video) change nothing. `within`: the voice channels of the server the event
    /// is about, when the platform knows them; leaves are then limited to groups following
    /// one of those (a member moving to another server's voice channel is reported by both
    /// servers, in either order). Returns how many groups' presence changed.
    pub async fn on_voice_state(
        &self,
        member: &MemberKey,
        name: &str,
        now_in: Option<&ChannelKey>,
        within: Option<&[ChannelKey]>,
    ) -> Result<usize, CommandError> {
        let here = match now_in {
            Some(c) => self.store().groups_by_voice_channel(c).await?,
            None => Vec::new(),
        };
        let name = crate::engine::record::clean_name(name);
        let now = store_ms(self.now());
        let mut changed = 0;
        for group_id in self
            .store()
            .open_presence_groups(&member.key(), VOICE)
            .await?
        {
            if here.iter().any(|g| g.id == group_id) {
                continue;
            }
            if let Some(within) = within {
                let follows = self
                    .store()
                    .group(group_id)
                    .await?
                    .and_then(|g| g.voice_channel)
                    .is_some_and(|v| within.iter().any(|c| c.key() == v));
                if !follows {
                    continue;
                }
            }
            if self
                .store()
                .set_presence(group_id, &member.key(), &name, VOICE, false, now)
                .await?
            {
                changed += 1;
            }
        }
        for group in &here {
            if self
                .store()
                .set_presence(group.id, &member.key(), &name, VOICE, true, now)
                .await?
            {
                changed += 1;
            }
        }
        Ok(changed)
    }

    /// Everyone in a server's voice channels at once, as a platform reports it on
    /// (re)connecting (`voice_channels`: the server's voice and stage channels; `present`:
    /// who is in which). For each group that follows one of those channels, members who
    /// left while the bot was away get their leave, and members who came get their join.
    /// Returns how many stays changed.
    pub async fn on_voice_snapshot(
        &self,
        voice_channels: &[ChannelKey],
        present: &[(MemberKey, String, ChannelKey)],
    ) -> Result<usize, CommandError> {
        let now = store_ms(self.now());
        let mut changed = 0;
        for channel in voice_channels {
            let here: Vec<&(MemberKey, String, ChannelKey)> =
                present.iter().filter(|(_, _, c)| c == channel).collect();
            for group in self.store().groups_by_voice_channel(channel).await? {
                let open = self.store().open_presence_members(group.id, VOICE).await?;
                for key in &open {
                    if here.iter().any(|(m, _, _)| &m.key() == key) {
                        continue;
                    }
                    if self
                        .store()
                        .set_presence(group.id, key, "", VOICE, false, now)
                        .await?
                    {
                        changed += 1;
                    }
                }
                for (member, name, _) in &here {
                    if open.contains(&member.key()) {
                        continue;
                    }
                    let name = crate::engine::record::clean_name(name);
                    if self
                        .store()
                        .set_presence(group.id, &member.key(), &name, VOICE, true, now)
                        .await?
                    {
                        changed += 1;
                    }
                }
            }
        }
        Ok(changed)
    }

    /// The live record of a session (empty for a session with no live features used).
    pub async fn live_record(
        &self,
        group: &Group,
        session: &SessionRow,
        public: bool,
    ) -> Result<LiveRecord, CommandError> {
        let items = self.store().agenda_items(session.id).await?;
        let runs = self.store().agenda_runs(session.id).await?;
        let notes = self.store().session_minutes_items(session.id).await?;
        let breakouts = self.store().session_breakouts(session.id).await?;
        let today = self
            .now()
            .with_timezone(&Engine::zone(group))
            .date_naive()
            .to_string();
        let mut record = LiveRecord::default();
        if session.kind != "live" && items.is_empty() && notes.is_empty() && breakouts.is_empty() {
            return Ok(record);
        }
        let replies = self.store().session_replies(session.id).await?;
        let polls = self.store().session_polls(session.id).await?;
        let item_of = |at: i64| run_at(&runs, at).map(|r| r.item_id);
        for item in &items {
            let ran: Vec<String> = runs
                .iter()
                .filter(|r| r.item_id == item.id)
                .map(|r| {
                    format!(
                        "{}–{}",
                        super::clock_time(group, r.started_at),
                        super::clock_time(group, r.ended_at.unwrap_or(r.ends_at))
                    )
                })
                .collect();
            let mine = |id: Option<i64>| id == Some(item.id);
            record.agenda.push(AgendaItemView {
                seq: item.seq,
                title: item.title.clone(),
                minutes: item.minutes,
                ran: ran.join(", "),
                replies: replies
                    .iter()
                    .filter(|r| r.deleted_at.is_none() && mine(item_of(r.posted_at)))
                    .count(),
                polls: polls
                    .iter()
                    .filter(|p| mine(item_of(p.opens_at)))
                    .map(|p| format!("#{} {}", p.id, p.claim))
                    .collect(),
                notes: Vec::new(),
                decisions: Vec::new(),
                actions: Vec::new(),
            });
        }
        for n in &notes {
            let slot = n.item_id.and_then(|id| {
                record
                    .agenda
                    .iter_mut()
                    .find(|a| items.iter().any(|i| i.id == id && i.seq == a.seq))
            });
            let line = match n.kind.as_str() {
                "action" => super::minutes::action_line(group.locale(), n, &today)
                    .trim_start_matches("- ")
                    .to_string(),
                _ => n.text.clone(),
            };
            match (slot, n.kind.as_str()) {
                (Some(a), "note") => a.notes.push(line),
                (Some(a), "decision") => a.decisions.push(line),
                (Some(a), _) => a.actions.push(line),
                (None, "note") => record.other_notes.push(line),
                (None, "decision") => record.other_decisions.push(line),
                (None, _) => record.other_actions.push(line),
            }
        }
        for b in &breakouts {
            let mut rooms = Vec::new();
            for room in self.store().breakout_rooms(b.id).await? {
                let members = self
                    .store()
                    .breakout_room_members(room.id)
                    .await?
                    .into_iter()
                    .map(|(_, name)| name)
                    .collect();
                rooms.push(RoomView {
                    seq: room.seq,
                    members,
                    prompt: room.prompt,
                    report: room.report,
                    reporter: room.reporter,
                });
            }
            record.breakouts.push(BreakoutView {
                minutes: b.minutes,
                by_opinion: b.by_opinion,
                at: super::clock_time(group, b.started_at),
                rooms,
            });
        }
        record.attendance = self.attendance(group, session, public).await?;
        record.markdown = self.prompts().render_in(
            group.locale(),
            "live.md.j2",
            &serde_json::json!({ "l": &record }),
        )?;
        Ok(record)
    }

    /// Attendance lines for `stats`: each live session's count, with who came.
    pub(crate) async fn attendance_stats(&self, group: &Group) -> Result<String, CommandError> {
        let loc = group.locale();
        let mut lines = Vec::new();
        for s in self.store().sessions(group.id).await? {
            if s.kind != "live" {
                continue;
            }
            let people = self.attendance(group, &s, false).await?;
            let names: Vec<&str> = people.iter().map(|a| a.name.as_str()).collect();
            lines.push(format!(
                "- #{} {}: {} ({})",
                s.id,
                crate::engine::local_label_in(
                    crate::store::from_ms(s.started_at),
                    Engine::zone(group),
                    loc
                ),
                people.len(),
                if names.is_empty() {
                    messages::nobody(loc)
                } else {
                    names.join(", ")
                }
            ));
        }
        if lines.is_empty() {
            return Ok(String::new());
        }
        Ok(format!(
            "{}\n{}",
            messages::attendance_header(loc),
            lines.join("\n")
        ))
    }
}
