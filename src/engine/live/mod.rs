//! Live seminars: the agenda with its timeboxes (here), the speaking queue (`queue`),
//! notes, decisions and action items (`minutes`), attendance and the record of a live
//! session for summaries and minutes (`record`), breakouts (`breakouts`), and hands raised
//! by a reaction on the agenda post (`reactions`). Every
//! announcement goes through the outbox; the scheduler's step [`run_live_due`] starts the
//! next item when a timebox runs out, warns two minutes before, and ends breakouts, so a
//! restart mid-item loses nothing.

mod breakouts;
pub(crate) mod messages;
mod minutes;
mod queue;
mod reactions;
mod record;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

pub use record::{AgendaItemView, Attendee, LiveRecord};

use super::{CommandError, Engine, OutboxPayload, Reply, Upload, store_ms};
use crate::domain::live::{self, WARNING_MINUTES};
use crate::store::{AgendaItemRow, AgendaRunRow, Group, SessionRow, from_ms};

/// The outbox's live-seminar posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "live", rename_all = "snake_case")]
pub enum LivePost {
    /// The agenda, with a way to raise a hand from it.
    Agenda { session_id: i64 },
    /// An item started at `started_at`.
    ItemStarted {
        session_id: i64,
        item_id: i64,
        started_at: i64,
    },
    /// Two minutes left in a run (its end as it was when the warning was due).
    ItemWarning { run_id: i64, ends_at: i64 },
    /// The last item's time ran out.
    AgendaDone { session_id: i64, run_id: i64 },
    /// The open action items, at the start of a group's first session of a day.
    OpenActions { group_id: i64, day: String },
    /// A breakout room's thread.
    Room { room_id: i64 },
    /// A room's time is up: the ask for its report-back, in its thread.
    RoomAsk { room_id: i64 },
    /// The report-backs gathered in the main thread.
    Gathered { breakout_id: i64 },
}

impl LivePost {
    pub fn dedupe_key(&self) -> String {
        match self {
            LivePost::Agenda { session_id } => format!("agenda:{session_id}"),
            LivePost::ItemStarted {
                session_id,
                item_id,
                started_at,
            } => format!("agenda-item:{session_id}:{item_id}:{started_at}"),
            LivePost::ItemWarning { run_id, ends_at } => format!("agenda-warn:{run_id}:{ends_at}"),
            LivePost::AgendaDone { run_id, .. } => format!("agenda-done:{run_id}"),
            LivePost::OpenActions { group_id, day } => format!("open-actions:{group_id}:{day}"),
            LivePost::Room { room_id } => format!("room:{room_id}"),
            LivePost::RoomAsk { room_id } => format!("room-ask:{room_id}"),
            LivePost::Gathered { breakout_id } => format!("gathered:{breakout_id}"),
        }
    }

    /// (dedupe key, JSON) for the outbox.
    pub fn entry(&self) -> (String, String) {
        OutboxPayload::Live(self.clone()).entry()
    }
}

/// What one scheduler step did for live seminars.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LiveOutcome {
    pub items_started: usize,
    pub warnings: usize,
    pub breakouts_ended: usize,
}

/// The position of the agenda item that was running at `at_ms`, if any.
pub fn item_seq_at(runs: &[AgendaRunRow], at_ms: i64) -> Option<i64> {
    record::run_at(runs, at_ms).map(|r| r.seq)
}

/// "18:20" in the group's zone.
pub(crate) fn clock_time(group: &Group, at_ms: i64) -> String {
    from_ms(at_ms)
        .with_timezone(&Engine::zone(group))
        .format("%H:%M")
        .to_string()
}

impl Engine {
    /// The group's open live session, or the message saying there is none.
    pub(crate) async fn live_session(&self, group: &Group) -> Result<SessionRow, CommandError> {
        let loc = group.locale();
        self.store()
            .open_live_session(group.id)
            .await?
            .ok_or_else(|| CommandError::invalid(messages::no_live_session(loc)))
    }

    /// The agenda item running in a session at `at_ms`, if any (by the runs' times).
    pub(crate) async fn item_at(
        &self,
        session_id: i64,
        at_ms: i64,
    ) -> Result<Option<AgendaRunRow>, CommandError> {
        let runs = self.store().agenda_runs(session_id).await?;
        Ok(record::run_at(&runs, at_ms).cloned())
    }

    pub(super) async fn agenda_set(
        &self,
        group: &Group,
        text: Option<String>,
        attachment: Option<&Upload>,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let text = match (text, attachment) {
            (Some(t), _) => t,
            (None, Some(file)) => String::from_utf8(file.bytes.clone())
                .map_err(|_| CommandError::invalid(messages::agenda_file_unreadable(loc)))?,
            (None, None) => {
                return Err(CommandError::invalid(messages::agenda_attach_or_text(loc)));
            }
        };
        let items = live::parse_agenda(&text).map_err(|e| CommandError::invalid(e.to_string()))?;
        let rows: Vec<(String, i64)> = items
            .iter()
            .map(|e| (crate::domain::text::defang_mentions(&e.title), e.minutes))
            .collect();
        let total: i64 = rows.iter().map(|(_, m)| m).sum();
        let post = LivePost::Agenda {
            session_id: session.id,
        }
        .entry();
        // A replaced agenda gets a post of its own.
        let post = (format!("{}:{}", post.0, store_ms(self.now())), post.1);
        if !self
            .store()
            .set_agenda(session.id, group.id, &rows, &post, store_ms(self.now()))
            .await?
        {
            return Err(CommandError::invalid(messages::agenda_already_started(loc)));
        }
        Ok(Reply::private(messages::agenda_set(loc, rows.len(), total)))
    }

    async fn agenda_of(
        &self,
        group: &Group,
    ) -> Result<(SessionRow, Vec<AgendaItemRow>, Option<AgendaRunRow>), CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let items = self.store().agenda_items(session.id).await?;
        if items.is_empty() {
            return Err(CommandError::invalid(messages::no_agenda(loc)));
        }
        let open = self.store().open_agenda_run(session.id).await?;
        Ok((session, items, open))
    }

    /// End whatever runs and start `item` (or nothing: the agenda is done), with its
    /// announcement. `expected`: the run the caller saw open (the scheduler's guard).
    async fn switch_to(
        &self,
        group: &Group,
        session_id: i64,
        expected: Option<i64>,
        item: Option<&AgendaItemRow>,
        done_run: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<bool, CommandError> {
        let now_ms = store_ms(now);
        let mut posts = Vec::new();
        let next = item.map(|i| (i.id, now_ms + i.minutes * 60_000));
        if let Some(i) = item {
            posts.push(
                LivePost::ItemStarted {
                    session_id,
                    item_id: i.id,
                    started_at: now_ms,
                }
                .entry(),
            );
        } else if let Some(run_id) = done_run {
            posts.push(LivePost::AgendaDone { session_id, run_id }.entry());
        }
        Ok(self
            .store()
            .switch_agenda_item(session_id, group.id, expected, next, &posts, now_ms)
            .await?)
    }

    pub(super) async fn agenda_start(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let (session, items, open) = self.agenda_of(group).await?;
        if let Some(run) = open {
            return Err(CommandError::invalid(messages::agenda_already_running(
                loc, &run.title,
            )));
        }
        if !self.store().agenda_runs(session.id).await?.is_empty() {
            return Err(CommandError::invalid(messages::agenda_finished(loc)));
        }
        let first = &items[0];
        self.switch_to(group, session.id, None, Some(first), None, self.now())
            .await?;
        Ok(Reply::private(messages::agenda_started(loc, &first.title)))
    }

    pub(super) async fn agenda_step(
        &self,
        group: &Group,
        forward: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let (session, items, open) = self.agenda_of(group).await?;
        let runs = self.store().agenda_runs(session.id).await?;
        let Some(current) = open.or_else(|| runs.last().cloned()) else {
            return Err(CommandError::invalid(messages::agenda_not_started(loc)));
        };
        let running = current.ended_at.is_none();
        let target_seq = match (forward, running) {
            (true, true) => current.seq + 1,
            (true, false) => return Err(CommandError::invalid(messages::agenda_finished(loc))),
            // After the agenda ended, `back` reopens the last item.
            (false, true) => current.seq - 1,
            (false, false) => current.seq,
        };
        if target_seq < 1 {
            return Err(CommandError::invalid(messages::agenda_at_first(loc)));
        }
        let target = items.iter().find(|i| i.seq == target_seq);
        let expected = running.then_some(current.id);
        let moved = self
            .switch_to(
                group,
                session.id,
                expected,
                target,
                Some(current.id),
                self.now(),
            )
            .await?;
        if !moved {
            return Err(CommandError::invalid(messages::agenda_moved_meanwhile(loc)));
        }
        Ok(Reply::private(match target {
            Some(t) => messages::agenda_moving(loc, &t.title),
            None => messages::agenda_over_now(loc),
        }))
    }

    pub(super) async fn agenda_extend(
        &self,
        group: &Group,
        time: &str,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let minutes =
            live::parse_minutes(time).map_err(|e| CommandError::invalid(e.to_string()))?;
        if !(1..=live::MAX_AGENDA_MINUTES).contains(&minutes) {
            return Err(CommandError::invalid(messages::agenda_extend_bad(
                loc, minutes,
            )));
        }
        let (_, _, open) = self.agenda_of(group).await?;
        let Some(run) = open else {
            return Err(CommandError::invalid(messages::agenda_not_started(loc)));
        };
        // Time already run out (and not yet moved on by the scheduler): extend from now.
        let base = run.ends_at.max(store_ms(self.now()));
        let ends_at = base + minutes * 60_000;
        if !self.store().extend_agenda_run(run.id, ends_at).await? {
            return Err(CommandError::invalid(messages::agenda_moved_meanwhile(loc)));
        }
        Ok(Reply::public(messages::agenda_extended(
            loc,
            &run.title,
            minutes,
            &clock_time(group, ends_at),
        )))
    }

    pub(super) async fn agenda_status(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let (session, items, open) = self.agenda_of(group).await?;
        let runs = self.store().agenda_runs(session.id).await?;
        let now_ms = store_ms(self.now());
        let total: i64 = items.iter().map(|i| i.minutes).sum();
        let mut text = messages::agenda_status_heading(loc, total);
        text.push('\n');
        for item in &items {
            let state = match &open {
                Some(run) if run.item_id == item.id => {
                    let left = (run.ends_at - now_ms).div_euclid(60_000);
                    messages::left_until(loc, left, &clock_time(group, run.ends_at))
                }
                _ if runs.iter().any(|r| r.item_id == item.id) => messages::item_done(loc),
                _ => String::new(),
            };
            text.push_str(&messages::agenda_status_line(
                loc,
                item.seq,
                &item.title,
                item.minutes,
                &state,
            ));
            text.push('\n');
        }
        if runs.is_empty() {
            text.push_str(&messages::agenda_not_started(loc));
        } else if open.is_none() {
            text.push_str(&messages::agenda_finished(loc));
        }
        Ok(Reply::private(text.trim_end().to_string()))
    }

    /// The live posts of the outbox, rendered.
    pub(crate) async fn render_live(
        &self,
        group: &Group,
        post: &LivePost,
    ) -> Result<(Option<String>, crate::ports::Content), CommandError> {
        let loc = group.locale();
        use crate::ports::Content;
        let text = |markdown: String| Content::Text {
            markdown,
            files: Vec::new(),
        };
        Ok(match post {
            LivePost::Agenda { session_id } => {
                let items = self.store().agenda_items(*session_id).await?;
                let lines: Vec<(i64, String, i64)> = items
                    .iter()
                    .map(|i| (i.seq, i.title.clone(), i.minutes))
                    .collect();
                let total = items.iter().map(|i| i.minutes).sum();
                (
                    None,
                    Content::Agenda(crate::ports::AgendaPost {
                        session_id: *session_id,
                        markdown: messages::agenda_post(
                            loc,
                            &lines,
                            total,
                            &messages::hands_hint(loc),
                            true,
                        ),
                    }),
                )
            }
            LivePost::ItemStarted {
                session_id,
                item_id,
                started_at,
            } => {
                let items = self.store().agenda_items(*session_id).await?;
                let item = items.iter().find(|i| i.id == *item_id).ok_or_else(|| {
                    CommandError::Internal(format!("agenda item {item_id} is gone"))
                })?;
                let runs = self.store().agenda_runs(*session_id).await?;
                let ends_at = runs
                    .iter()
                    .find(|r| r.item_id == *item_id && r.started_at == *started_at)
                    .map(|r| r.ends_at)
                    .unwrap_or(started_at + item.minutes * 60_000);
                let next = items.iter().find(|i| i.seq == item.seq + 1);
                (
                    None,
                    text(messages::item_started(
                        loc,
                        item.seq,
                        items.len(),
                        &item.title,
                        (ends_at - started_at) / 60_000,
                        &clock_time(group, ends_at),
                        next.map(|n| n.title.as_str()),
                    )),
                )
            }
            LivePost::ItemWarning { run_id, ends_at } => {
                let run = self.run_by_id(*run_id).await?;
                let items = self.store().agenda_items(run.session_id).await?;
                let next = items.iter().find(|i| i.seq == run.seq + 1);
                (
                    None,
                    text(messages::item_warning(
                        loc,
                        &run.title,
                        &clock_time(group, *ends_at),
                        next.map(|n| n.title.as_str()),
                    )),
                )
            }
            LivePost::AgendaDone { run_id, .. } => {
                let run = self.run_by_id(*run_id).await?;
                (None, text(messages::agenda_done(loc, &run.title)))
            }
            LivePost::OpenActions { .. } => {
                (None, text(self.open_actions_text(group, true).await?))
            }
            LivePost::Room { room_id } => self.render_room(group, *room_id).await?,
            LivePost::RoomAsk { room_id } => {
                let room = self.store().breakout_room(*room_id).await?.ok_or_else(|| {
                    CommandError::Internal(format!("breakout room {room_id} is gone"))
                })?;
                (room.thread_id, text(messages::room_ask(loc)))
            }
            LivePost::Gathered { breakout_id } => {
                (None, text(self.gathered_text(loc, *breakout_id).await?))
            }
        })
    }

    async fn run_by_id(&self, run_id: i64) -> Result<AgendaRunRow, CommandError> {
        self.store()
            .agenda_run(run_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("agenda run {run_id} is gone")))
    }

    /// Where a delivered live post went (the agenda post, a room's thread).
    pub(crate) async fn record_live_delivery(
        tx: &mut crate::store::Tx,
        post: &LivePost,
        delivered: &crate::ports::Delivered,
    ) -> Result<(), CommandError> {
        match post {
            LivePost::Agenda { session_id } => {
                crate::store::Store::set_agenda_message_tx(tx, *session_id, &delivered.message_id)
                    .await?;
            }
            LivePost::Room { room_id } => {
                let thread = delivered
                    .thread_id
                    .clone()
                    .unwrap_or_else(|| delivered.message_id.clone());
                crate::store::Store::set_room_thread_tx(tx, *room_id, &thread).await?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The scheduler's step for live seminars: warnings two minutes before an item's end,
/// the next item when one runs out, and breakouts whose time is up.
pub async fn run_live_due(engine: &Engine) -> Result<LiveOutcome, CommandError> {
    let mut outcome = LiveOutcome::default();
    let now = engine.now();
    let now_ms = store_ms(now);
    let soon = store_ms(now + Duration::minutes(WARNING_MINUTES));
    for run in engine.store().agenda_runs_ending_before(soon).await? {
        let Some(group) = engine.store().group(run.group_id).await? else {
            continue;
        };
        let session = engine.store().session(run.session_id).await?;
        if session.as_ref().is_none_or(|s| !s.is_open()) {
            // The session ended without closing its run (a crash in between).
            engine
                .store()
                .switch_agenda_item(run.session_id, group.id, Some(run.id), None, &[], now_ms)
                .await?;
            continue;
        }
        if run.ends_at <= now_ms {
            let items = engine.store().agenda_items(run.session_id).await?;
            let next = items.iter().find(|i| i.seq == run.seq + 1);
            // The item ends at its planned end, so a late tick does not shorten the next one.
            let at = crate::store::from_ms(run.ends_at.max(run.started_at));
            if engine
                .switch_to(&group, run.session_id, Some(run.id), next, Some(run.id), at)
                .await?
            {
                outcome.items_started += usize::from(next.is_some());
            }
        } else if run.ends_at - WARNING_MINUTES * 60_000 > run.started_at {
            // Items of two minutes or less get no warning: their start says it all.
            let post = LivePost::ItemWarning {
                run_id: run.id,
                ends_at: run.ends_at,
            };
            let (key, payload) = post.entry();
            if engine
                .store()
                .enqueue(group.id, &key, &payload, now_ms)
                .await?
                .is_some()
            {
                outcome.warnings += 1;
            }
        }
    }
    outcome.breakouts_ended += engine.breakouts_due(now_ms).await?;
    Ok(outcome)
}
