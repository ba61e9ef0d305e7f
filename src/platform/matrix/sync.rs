//! The sync loop. Our own loop of `sync_once` (no 1 s pause between quick syncs, and the
//! token saved only after an answer's events are recorded, so a crash replays them rather
//! than losing them). The first sync catches up from the saved token with a short
//! timeline per room; a room whose timeline comes back `limited` is paged back with
//! `/messages` to the last event handled before (messages sent while the bot was down are
//! recorded; commands from then are not answered). Invites are joined or declined per
//! `autojoin`; encrypted events whose keys have not arrived are retried for a while.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use matrix_sdk::config::{SyncSettings, SyncToken};
use matrix_sdk::deserialized_responses::{MemberEvent, TimelineEvent, TimelineEventKind};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::api::client::filter::FilterDefinition;
use matrix_sdk::ruma::api::client::sync::sync_events::v3::Filter;
use matrix_sdk::ruma::events::AnySyncTimelineEvent;
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, RoomId, UInt, UserId};
use matrix_sdk::sync::SyncResponse;
use matrix_sdk::{Room, RoomState};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use super::events::{self, Job};
use super::{Bot, commands};
use crate::config::Autojoin;
use crate::domain::ids::{ChannelKey, Platform};

/// Events per room and sync once caught up (Synapse's default, 10, would leave gaps).
const LIVE_LIMIT: u32 = 100;
/// Events per room in the first sync: old rooms' history is not needed, and rooms with
/// something missing are paged back with `/messages`.
const CATCH_UP_LIMIT: u32 = 10;
/// How long a live sync waits for news.
const LONG_POLL: Duration = Duration::from_secs(10);
/// Backfill at most this many pages of this many events per room.
const BACKFILL_PAGES: usize = 20;
const PAGE: u32 = 100;
/// How long an undecryptable event is retried, and how many are kept.
const UNDECRYPTED_FOR: Duration = Duration::from_secs(600);
const UNDECRYPTED_MAX: usize = 1_000;

/// An event that could not be decrypted yet.
pub(crate) struct Pending {
    room: OwnedRoomId,
    raw: Raw<AnySyncTimelineEvent>,
    since: Instant,
}

/// The last event handled in a room: where a backfill stops.
struct Mark {
    ts: i64,
    event: OwnedEventId,
}

fn mark_key(room: &RoomId) -> String {
    format!("mark:{room}")
}

fn settings(limit: u32, timeout: Duration, token: Option<String>) -> SyncSettings {
    let mut filter = FilterDefinition::default();
    filter.room.timeline.limit = Some(UInt::from(limit));
    SyncSettings::default()
        .filter(Filter::FilterDefinition(filter))
        .timeout(timeout)
        .token(match token {
            Some(t) => SyncToken::Specific(t),
            None => SyncToken::NoToken,
        })
}

/// The command workers (one per room, so a room's commands run in order while the sync
/// goes on) and other background tasks.
#[derive(Default)]
struct Workers {
    queues: HashMap<OwnedRoomId, mpsc::UnboundedSender<Job>>,
    tasks: JoinSet<()>,
    invites: HashSet<OwnedRoomId>,
}

impl Workers {
    fn command(&mut self, bot: &Arc<Bot>, room: &Room, job: Job) {
        let Workers { queues, tasks, .. } = self;
        let queue = queues.entry(room.room_id().to_owned()).or_insert_with(|| {
            let (tx, mut rx) = mpsc::unbounded_channel::<Job>();
            let (bot, room) = (bot.clone(), room.clone());
            tasks.spawn(async move {
                while let Some(job) = rx.recv().await {
                    commands::run(&bot, &room, job).await;
                }
            });
            tx
        });
        if queue.send(job).is_err() {
            tracing::error!(room = %room.room_id(), "the room's command worker is gone");
        }
    }
}

/// Run until `stop` turns true.
pub(super) async fn run(bot: Arc<Bot>, mut stop: watch::Receiver<bool>) {
    let state = bot.engine.adapter_state(Platform::Matrix);
    let token_key = format!("sync-token:{}", bot.me);
    let mut token = match state.get(&token_key).await {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "cannot read the saved sync token; syncing from scratch");
            None
        }
    };
    let mut workers = Workers::default();
    let mut first = true;
    let mut failures: u32 = 0;
    loop {
        if *stop.borrow() {
            break;
        }
        while workers.tasks.try_join_next().is_some() {}
        let settings = if first {
            settings(CATCH_UP_LIMIT, Duration::ZERO, token.clone())
        } else {
            settings(LIVE_LIMIT, LONG_POLL, token.clone())
        };
        let response = tokio::select! {
            r = bot.client.sync_once(settings) => r,
            _ = stop.changed() => break,
        };
        match response {
            Ok(response) => {
                failures = 0;
                process(&bot, &response, &mut workers).await;
                if first {
                    // Invites from before this start that were never answered.
                    for room in bot.client.invited_rooms() {
                        invite(&bot, &room, &mut workers).await;
                    }
                    tracing::info!(rooms = bot.client.joined_rooms().len(), "matrix caught up");
                    first = false;
                }
                if let Err(e) = state.set(&token_key, &response.next_batch).await {
                    tracing::error!(error = %e, "cannot save the sync token");
                }
                token = Some(response.next_batch);
            }
            Err(e) => {
                failures += 1;
                let wait = Duration::from_secs(1 << failures.min(6)).min(Duration::from_secs(60));
                tracing::warn!(error = %e, attempt = failures, retry_in = ?wait, "matrix sync failed");
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.changed() => break,
                }
            }
        }
    }
    // Let queued commands finish (their answers are short), then let go of the client.
    workers.queues.clear();
    let drained = tokio::time::timeout(Duration::from_secs(10), async {
        while workers.tasks.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!("matrix tasks still running at shutdown were stopped");
        workers.tasks.abort_all();
        while workers.tasks.join_next().await.is_some() {}
    }
    bot.port.disconnect();
    tracing::info!("matrix stopped");
}

async fn process(bot: &Arc<Bot>, response: &SyncResponse, workers: &mut Workers) {
    // A room left (an invite declined, or a kick) may be invited to again.
    for room_id in response.rooms.left.keys() {
        workers.invites.remove(room_id);
    }
    for room_id in response.rooms.invited.keys() {
        if let Some(room) = bot.client.get_room(room_id) {
            invite(bot, &room, workers).await;
        }
    }
    for (room_id, update) in &response.rooms.joined {
        let Some(room) = bot.client.get_room(room_id) else {
            continue;
        };
        workers.invites.remove(room_id);
        let mark = read_mark(bot, room_id).await;
        let mut timeline: Vec<TimelineEvent> = Vec::new();
        if update.timeline.limited
            && let (Some(prev), Some(mark)) = (&update.timeline.prev_batch, &mark)
        {
            timeline = backfill(&room, prev, mark).await;
        }
        timeline.extend(update.timeline.events.iter().cloned());
        let mut last: Option<Mark> = None;
        for ev in &timeline {
            if let (Some(ts), Some(event)) = (ev.timestamp(), ev.event_id()) {
                last = Some(Mark {
                    ts: i64::from(ts.get()),
                    event,
                });
            }
            handle(bot, &room, ev, workers).await;
        }
        if let Some(last) = last {
            let value = format!("{} {}", last.ts, last.event);
            if let Err(e) = bot
                .engine
                .adapter_state(Platform::Matrix)
                .set(&mark_key(room_id), &value)
                .await
            {
                tracing::error!(error = %e, "cannot save the room's last event");
            }
        }
    }
    retry_undecrypted(bot, workers).await;
}

async fn handle(bot: &Arc<Bot>, room: &Room, ev: &TimelineEvent, workers: &mut Workers) {
    match &ev.kind {
        TimelineEventKind::UnableToDecrypt { event, .. } => {
            tracing::debug!(room = %room.room_id(), event = ?ev.event_id(), "cannot decrypt an event yet");
            if let Ok(mut pending) = bot.undecrypted.lock()
                && pending.len() < UNDECRYPTED_MAX
            {
                pending.push(Pending {
                    room: room.room_id().to_owned(),
                    raw: event.clone(),
                    since: Instant::now(),
                });
            }
        }
        _ => {
            if let Some(job) = events::handle(bot, room, ev.raw()).await {
                workers.command(bot, room, job);
            }
        }
    }
}

async fn retry_undecrypted(bot: &Arc<Bot>, workers: &mut Workers) {
    let pending = match bot.undecrypted.lock() {
        Ok(mut p) if !p.is_empty() => std::mem::take(&mut *p),
        _ => return,
    };
    let mut keep = Vec::new();
    let mut given_up = 0usize;
    for p in pending {
        let Some(room) = bot.client.get_room(&p.room) else {
            continue;
        };
        let decrypted = room.decrypt_event(p.raw.cast_ref_unchecked(), None).await;
        match decrypted {
            Ok(ev) if !matches!(ev.kind, TimelineEventKind::UnableToDecrypt { .. }) => {
                if let Some(job) = events::handle(bot, &room, ev.raw()).await {
                    workers.command(bot, &room, job);
                }
            }
            _ if p.since.elapsed() > UNDECRYPTED_FOR => given_up += 1,
            _ => keep.push(p),
        }
    }
    if given_up > 0 {
        // Usually history from before the bot joined, whose keys it was never sent.
        tracing::info!(
            events = given_up,
            "gave up decrypting events whose keys never arrived"
        );
    }
    if let Ok(mut pending) = bot.undecrypted.lock() {
        pending.extend(keep);
    }
}

async fn read_mark(bot: &Bot, room: &RoomId) -> Option<Mark> {
    let value = match bot
        .engine
        .adapter_state(Platform::Matrix)
        .get(&mark_key(room))
        .await
    {
        Ok(v) => v?,
        Err(e) => {
            tracing::warn!(%room, error = %e, "cannot read the room's read mark");
            return None;
        }
    };
    let (ts, event) = value.split_once(' ')?;
    Some(Mark {
        ts: ts.parse().ok()?,
        event: OwnedEventId::try_from(event).ok()?,
    })
}

/// The events before a limited sync timeline, back to the last one handled (oldest first).
async fn backfill(room: &Room, prev_batch: &str, mark: &Mark) -> Vec<TimelineEvent> {
    let mut from = prev_batch.to_owned();
    let mut found = Vec::new();
    'pages: for _ in 0..BACKFILL_PAGES {
        let mut options = MessagesOptions::backward().from(from.as_str());
        options.limit = UInt::from(PAGE);
        let page = match room.messages(options).await {
            Ok(p) => p,
            Err(e) => {
                tracing::warn!(room = %room.room_id(), error = %e, "backfill stopped: cannot read older events");
                break;
            }
        };
        let empty = page.chunk.is_empty();
        for ev in page.chunk {
            let older = ev
                .timestamp()
                .is_some_and(|ts| i64::from(ts.get()) < mark.ts);
            if older || ev.event_id().as_deref() == Some(&*mark.event) {
                break 'pages;
            }
            found.push(ev);
        }
        match page.end {
            Some(end) if !empty => from = end,
            _ => break,
        }
    }
    found.reverse();
    if !found.is_empty() {
        tracing::info!(room = %room.room_id(), events = found.len(), "backfilled events missed while away");
    }
    found
}

/// Join or decline an invite according to `autojoin`.
async fn invite(bot: &Arc<Bot>, room: &Room, workers: &mut Workers) {
    if room.state() != RoomState::Invited || !workers.invites.insert(room.room_id().to_owned()) {
        return;
    }
    let details = match room.invite_details().await {
        Ok(d) => d,
        Err(e) => {
            tracing::warn!(room = %room.room_id(), error = %e, "cannot read an invite");
            return;
        }
    };
    let inviter = details.inviter_id;
    let direct = match &**details.invitee.event() {
        MemberEvent::Sync(e) => e.as_original().and_then(|e| e.content.is_direct),
        MemberEvent::Stripped(e) => e.content.is_direct,
    }
    .unwrap_or(false);
    let accept = match bot.config.autojoin {
        Autojoin::Anyone => true,
        Autojoin::None => {
            tracing::info!(room = %room.room_id(), "invited; autojoin is off, so not joining");
            return;
        }
        // A direct chat from a member of one of our groups is accepted too: members vote
        // on anonymous polls there.
        Autojoin::Facilitators => {
            bot.is_facilitator_listed(&inviter) || (direct && shares_a_group(bot, &inviter).await)
        }
    };
    let room = room.clone();
    if accept {
        tracing::info!(room = %room.room_id(), direct, "joining a room on invitation");
        workers.tasks.spawn(async move {
            for attempt in 0..4u32 {
                match room.join().await {
                    Ok(()) => return,
                    Err(e) => {
                        tracing::warn!(room = %room.room_id(), error = %e, attempt, "joining failed");
                        tokio::time::sleep(Duration::from_secs(1 << attempt)).await;
                    }
                }
            }
        });
    } else {
        tracing::info!(room = %room.room_id(), "declining an invite (autojoin = facilitators)");
        workers.tasks.spawn(async move {
            if let Err(e) = room.leave().await {
                tracing::warn!(room = %room.room_id(), error = %e, "declining the invite failed");
            }
        });
    }
}

/// Whether `user` is in a room that is one of our groups.
async fn shares_a_group(bot: &Bot, user: &UserId) -> bool {
    let groups = match bot.engine.groups_on(Platform::Matrix).await {
        Ok(g) => g,
        Err(e) => {
            tracing::warn!(error = %e, "cannot list the groups");
            Vec::new()
        }
    };
    for g in &groups {
        let Ok(ChannelKey { id, .. }) = g.channel_key() else {
            continue;
        };
        let Ok(room_id) = RoomId::parse(&id) else {
            continue;
        };
        if let Some(room) = bot.client.get_room(&room_id)
            && let Ok(Some(m)) = room.get_member_no_sync(user).await
            && *m.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
        {
            return true;
        }
    }
    false
}
