//! Posting excerpts and running sessions: `excerpt next`, the daily post, live seminars.

use chrono::{DateTime, Utc};

use super::{CommandError, Engine, OutboxPayload, Reply, local_label_in, store_ms};
use crate::ports::ExcerptPost;
use crate::store::{ExcerptRow, ExcerptStart, Group, NewSession, SessionKind, Store};

/// What posting did, for the scheduler's report and the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartOutcome {
    Posted { session_id: i64 },
    AlreadyDecided,
    Exhausted { noticed: bool },
}

impl Engine {
    /// The post of an excerpt (title, position, text, questions).
    pub(crate) async fn excerpt_post(
        &self,
        excerpt: &ExcerptRow,
        session_id: i64,
    ) -> Result<ExcerptPost, CommandError> {
        let reading = self
            .store()
            .reading(excerpt.reading_id)
            .await?
            .ok_or_else(|| {
                CommandError::Internal(format!("reading {} is gone", excerpt.reading_id))
            })?;
        let questions: Vec<String> = self
            .store()
            .questions(excerpt.id)
            .await?
            .into_iter()
            .map(|q| q.text)
            .collect();
        let notes = excerpt.notes.clone();
        let loc = self.locale_of_group(reading.group_id).await?;
        let markdown = self.prompts().render_in(
            loc,
            "excerpt.md.j2",
            &serde_json::json!({
                "title": reading.title,
                "author": reading.author,
                "position": excerpt.seq,
                "total": reading.excerpt_count,
                "text": excerpt.text,
                "notes": notes,
                "questions": questions,
            }),
        )?;
        let thread = |title: &str| {
            crate::t!(
                loc,
                "excerpt-thread",
                title = title,
                position = excerpt.seq,
                total = reading.excerpt_count
            )
        };
        let mut thread_name = thread(&reading.title);
        if thread_name.chars().count() > 90 {
            thread_name = thread(&crate::domain::text::truncate_chars(&reading.title, 70));
        }
        Ok(ExcerptPost {
            session_id,
            title: reading.title,
            author: reading.author,
            position: excerpt.seq,
            total: reading.excerpt_count,
            text: excerpt.text.clone(),
            notes,
            questions,
            markdown,
            thread_name,
        })
    }

    /// Post the group's next excerpt: as the day's post (`local_date`) or an extra one.
    pub async fn start_excerpt(
        &self,
        group: &Group,
        local_date: Option<&str>,
    ) -> Result<StartOutcome, CommandError> {
        let now = self.now();
        let schedule = group.schedule();
        let kind = if local_date.is_some() {
            SessionKind::Daily
        } else {
            SessionKind::Extra
        };
        let ends_at = store_ms(schedule.session_end(now));
        let outcome = self
            .store()
            .start_excerpt_session(
                &NewSession {
                    group_id: group.id,
                    kind,
                    excerpt_id: None,
                    local_date,
                    title: None,
                    started_at: store_ms(now),
                    ends_at: Some(ends_at),
                },
                |session_id| OutboxPayload::Excerpt { session_id }.entry(),
                |reading_id| {
                    let notice = OutboxPayload::Notice {
                        text: crate::t!(group.locale(), "session-reading-finished"),
                    };
                    (format!("finished:{reading_id}"), notice.to_json())
                },
            )
            .await?;
        self.inner.sessions.invalidate();
        if matches!(outcome, ExcerptStart::Started { .. }) {
            self.post_open_actions(group).await?;
        }
        Ok(match outcome {
            ExcerptStart::Started { session_id, .. } => StartOutcome::Posted { session_id },
            ExcerptStart::SlotTaken => StartOutcome::AlreadyDecided,
            ExcerptStart::Exhausted { notice_due, .. } => StartOutcome::Exhausted {
                noticed: notice_due,
            },
        })
    }

    pub(super) async fn excerpt_next(&self, group: &Group) -> Result<Reply, CommandError> {
        let schedule = group.schedule();
        let now = self.now();
        let today = schedule.local_date(now).to_string();
        // Before today's post time, `excerpt next` is today's post; after it, an extra one.
        let todays_slot_open = !group.paused
            && schedule.slot_on(schedule.local_date(now)).is_some()
            && self.store().slot_outcome(group.id, &today).await?.is_none();
        let outcome = self
            .start_excerpt(group, todays_slot_open.then_some(today.as_str()))
            .await?;
        let outcome = match outcome {
            StartOutcome::AlreadyDecided => self.start_excerpt(group, None).await?,
            other => other,
        };
        match outcome {
            StartOutcome::Posted { session_id } => {
                let loc = group.locale();
                let mut text = crate::t!(loc, "excerpt-next-posting", session = session_id);
                if todays_slot_open {
                    text.push(' ');
                    text.push_str(&crate::t!(loc, "excerpt-next-counts-today"));
                }
                Ok(Reply::private(text))
            }
            StartOutcome::Exhausted { .. } => Err(CommandError::invalid(crate::t!(
                group.locale(),
                "excerpt-next-nothing-left"
            ))),
            StartOutcome::AlreadyDecided => Err(CommandError::invalid(crate::t!(
                group.locale(),
                "excerpt-next-just-posted"
            ))),
        }
    }

    pub(super) async fn session_start(
        &self,
        group: &Group,
        title: Option<String>,
    ) -> Result<Reply, CommandError> {
        let now = self.now();
        let loc = group.locale();
        if let Some(t) = &title
            && t.chars().count() > 100
        {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "session-title-too-long"
            )));
        }
        match self
            .store()
            .start_live_session(group.id, title.as_deref(), store_ms(now))
            .await?
        {
            Some(id) => {
                self.inner.sessions.invalidate();
                self.post_open_actions(group).await?;
                Ok(Reply::public(match title {
                    Some(t) => crate::t!(loc, "session-started-titled", id = id, title = t),
                    None => crate::t!(loc, "session-started", id = id),
                }))
            }
            None => {
                let live = self.store().open_live_session(group.id).await?;
                let since = live
                    .map(|s| {
                        local_label_in(
                            crate::store::from_ms(s.started_at),
                            Engine::zone(group),
                            loc,
                        )
                    })
                    .unwrap_or_default();
                Err(CommandError::invalid(crate::t!(
                    loc,
                    "session-already-running",
                    since = since
                )))
            }
        }
    }

    pub(super) async fn session_end(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let Some(live) = self.store().open_live_session(group.id).await? else {
            return Err(CommandError::invalid(crate::t!(
                loc,
                "session-none-running"
            )));
        };
        self.end_session(group.id, live.id, self.now()).await?;
        let replies = self.store().reply_count(live.id).await?;
        if replies == 0 {
            return Ok(Reply::public(crate::t!(
                loc,
                "session-ended-empty",
                id = live.id
            )));
        }
        Ok(Reply::public(crate::t!(
            loc,
            "session-ended",
            id = live.id,
            replies = crate::t!(loc, "count-replies", n = replies)
        )))
    }

    /// End a session and queue its summary (once). A session nobody replied in gets no
    /// summary: its facilitators are told so privately.
    pub async fn end_session(
        &self,
        group_id: i64,
        session_id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, CommandError> {
        // The agenda stops with the session.
        if let Some(run) = self.store().open_agenda_run(session_id).await? {
            self.store()
                .switch_agenda_item(session_id, group_id, Some(run.id), None, &[], store_ms(now))
                .await?;
        }
        if self.store().reply_count(session_id).await? == 0 {
            let mut tx = self.store().write_tx().await?;
            let ended = Store::end_session_tx(&mut tx, session_id, store_ms(now)).await?;
            tx.commit().await?;
            self.inner.sessions.invalidate();
            if ended {
                self.nobody_replied(group_id, session_id).await;
            }
            return Ok(ended);
        }
        let (key, payload) = OutboxPayload::Summary { session_id }.entry();
        let ended = self
            .store()
            .end_session(group_id, session_id, store_ms(now), &key, &payload)
            .await?;
        self.inner.sessions.invalidate();
        Ok(ended)
    }
}
