//! The scheduler's single step: post what is due, close polls, end sessions, write
//! digests and archives, apply retention. `run_due` is a plain function of the engine's clock, so
//! tests drive it with a manual clock instead of waiting; `run` loops it.

use chrono::{Datelike, Duration};

use crate::engine::{CommandError, Engine, OutboxPayload, StartOutcome, store_ms};
use crate::store::{Group, from_ms};

/// How long a deletion of a message not yet recorded is kept (see the store's tombstones).
const MESSAGE_TOMBSTONE_DAYS: i64 = 7;

/// What one step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Sessions opened by the schedule.
    pub posted: Vec<i64>,
    /// Slots decided without a post (paused, skipped, missed, nothing left).
    pub not_posted: Vec<(i64, String, String)>,
    pub polls_closed: usize,
    pub sessions_ended: usize,
    pub digests: usize,
    pub replies_purged: u64,
    /// Group archives written (`[archive] dir`).
    pub archives: usize,
    /// Live seminars: agenda items started, warnings queued, breakouts ended.
    pub live: crate::engine::live::LiveOutcome,
}

/// Run everything that is due at the engine's current time.
pub async fn run_due(engine: &Engine) -> Result<Outcome, CommandError> {
    let mut outcome = Outcome::default();
    let now = engine.now();
    for group in engine.store().groups().await? {
        if let Err(e) = run_group(engine, &group, &mut outcome).await {
            tracing::error!(group = group.id, error = %e, "scheduling failed for a group");
        }
    }
    for poll in engine.store().polls_due(store_ms(now)).await? {
        if engine.close_poll(&poll).await? {
            outcome.polls_closed += 1;
        }
    }
    outcome.live = crate::engine::live::run_live_due(engine).await?;
    for session in engine.store().sessions_due_to_end(store_ms(now)).await? {
        if engine
            .end_session(session.group_id, session.id, now)
            .await?
        {
            outcome.sessions_ended += 1;
        }
    }
    // Archives: after a session ends (before its summary is delivered, so the summary's
    // link finds the page), and when a member's privacy choice makes one stale.
    if engine.settings().archive.is_some() {
        for group in engine.store().groups().await? {
            match engine.refresh_archive(&group).await {
                Ok(true) => outcome.archives += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(group = group.id, error = %e, "the group's archive could not be written")
                }
            }
        }
    }
    // A deletion that overtook its message waits a week for the message to turn up.
    engine
        .store()
        .prune_message_tombstones(store_ms(now - Duration::days(MESSAGE_TOMBSTONE_DAYS)))
        .await?;
    Ok(outcome)
}

async fn run_group(
    engine: &Engine,
    group: &Group,
    outcome: &mut Outcome,
) -> Result<(), CommandError> {
    let now = engine.now();
    let schedule = group.schedule();
    if let Some((date, slot)) = schedule.latest_slot(now) {
        let date_text = date.to_string();
        if engine
            .store()
            .slot_outcome(group.id, &date_text)
            .await?
            .is_none()
        {
            let skip = group
                .skip_through
                .as_deref()
                .is_some_and(|d| d >= date_text.as_str());
            let decision = if slot.timestamp_millis() < group.created_at {
                Some("before-setup")
            } else if group.paused {
                Some("paused")
            } else if skip {
                Some("skipped")
            } else if !schedule.still_due(slot, now) {
                Some("missed")
            } else {
                None
            };
            match decision {
                Some(reason) => {
                    if engine
                        .store()
                        .decide_slot(group.id, &date_text, reason, store_ms(now))
                        .await?
                    {
                        outcome
                            .not_posted
                            .push((group.id, date_text, reason.to_string()));
                    }
                }
                None => match engine.start_excerpt(group, Some(&date_text)).await? {
                    StartOutcome::Posted { session_id } => {
                        tracing::info!(group = group.id, session_id, date = %date_text, "posted the day's excerpt");
                        outcome.posted.push(session_id);
                    }
                    StartOutcome::Exhausted { .. } => {
                        outcome
                            .not_posted
                            .push((group.id, date_text, "exhausted".into()))
                    }
                    StartOutcome::AlreadyDecided => {}
                },
            }
        }
    }
    if let Some(week) = due_digest(engine, group)? {
        let key = format!("digest:{week}");
        let week_start = crate::engine::summaries_week_bounds(&week, schedule.tz).map(|(s, _)| s);
        let sessions = match week_start {
            Some(start) => {
                engine
                    .store()
                    .sessions_between(group.id, store_ms(start), store_ms(now))
                    .await?
            }
            None => Vec::new(),
        };
        let outcome_name = if sessions.is_empty() {
            "digest-empty"
        } else {
            "digest"
        };
        if engine
            .store()
            .decide_slot(group.id, &key, outcome_name, store_ms(now))
            .await?
            && !sessions.is_empty()
        {
            let payload = OutboxPayload::Digest {
                group_id: group.id,
                week: week.clone(),
            };
            engine
                .store()
                .enqueue(
                    group.id,
                    &payload.dedupe_key(),
                    &payload.to_json(),
                    store_ms(now),
                )
                .await?;
            outcome.digests += 1;
        }
    }
    if let Some(days) = engine.settings().retention_days {
        let cutoff = now - Duration::days(days as i64);
        let purged = engine
            .store()
            .delete_replies_before(group.id, store_ms(cutoff))
            .await?;
        if purged > 0 {
            tracing::info!(
                group = group.id,
                purged,
                "replies past the retention period deleted"
            );
        }
        outcome.replies_purged += purged;
    }
    Ok(())
}

/// The week whose digest is due now (after the group's digest day and time), if any.
fn due_digest(engine: &Engine, group: &Group) -> Result<Option<String>, CommandError> {
    let tz = Engine::zone(group);
    let now = engine.now();
    let local = now.with_timezone(&tz);
    let (day, time) = (group.digest_day, group.digest_time.time());
    let monday = local.date_naive() - Duration::days(local.weekday().num_days_from_monday() as i64);
    for offset in 0..7 {
        let d = monday + Duration::days(offset);
        if day.contains(d.weekday()) {
            let at = crate::domain::schedule::resolve_local(tz, d.and_time(time));
            if at <= now {
                return Ok(Some(crate::engine::week_of(from_ms(store_ms(at)), tz)));
            }
        }
    }
    Ok(None)
}

/// Loop the scheduler and the outbox until `shutdown` resolves.
pub async fn run(engine: Engine, worker: String, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_schedule = std::time::Instant::now() - std::time::Duration::from_secs(3600);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.changed() => break,
        }
        if *shutdown.borrow() {
            break;
        }
        if last_schedule.elapsed() >= std::time::Duration::from_secs(10) {
            last_schedule = std::time::Instant::now();
            match run_due(&engine).await {
                Ok(o) if o != Outcome::default() => tracing::info!(?o, "scheduler step"),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "scheduler step failed"),
            }
        }
        if let Err(e) = crate::engine::delivery::deliver_due(&engine, &worker).await {
            tracing::error!(error = %e, "outbox step failed");
        }
    }
}
