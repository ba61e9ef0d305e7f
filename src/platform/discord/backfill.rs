//! Backfill after downtime: when the gateway is (re)identified, replies posted in open
//! sessions' threads while the bot was away are fetched, page by page from shortly before
//! the last recorded one (or from the excerpt post), and recorded. Recording is idempotent
//! by message id, so overlapping with what is already recorded adds nothing twice.
//!
//! The overlap matters: replies arriving together are committed in any order, so after a
//! crash the newest recorded reply may be newer than one that was lost. Starting
//! [`OVERLAP_MS`] before it (Discord ids are timestamps) picks such a reply up.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use poise::serenity_prelude as serenity;

use super::Data;
use crate::domain::ids::Platform;
use crate::engine::MessageOutcome;
use crate::store::SessionRow;

/// Discord's largest page.
const PAGE: u8 = 100;
/// How far before the newest recorded reply the history is read again.
pub(crate) const OVERLAP_MS: u64 = 5 * 60 * 1000;

/// What one backfill did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Filled {
    pub sessions: usize,
    pub fetched: usize,
    pub recorded: usize,
}

fn id(text: Option<&str>) -> Option<serenity::MessageId> {
    text?
        .parse::<u64>()
        .ok()
        .filter(|n| *n != 0)
        .map(serenity::MessageId::new)
}

async fn session(
    bot: &Data,
    http: &serenity::Http,
    s: &SessionRow,
    filled: &mut Filled,
) -> anyhow::Result<()> {
    let Some(thread) = id(s.thread_id.as_deref().or(s.post_message_id.as_deref())) else {
        return Ok(());
    };
    let post = id(s.post_message_id.as_deref()).unwrap_or(thread);
    let last = bot.engine.store().last_reply_message(s.id).await?;
    let mut after = start_after(post, id(last.as_deref()));
    let thread = serenity::ChannelId::new(thread.get());
    loop {
        let page = http
            .get_messages(
                thread,
                Some(serenity::MessagePagination::After(after)),
                Some(PAGE),
            )
            .await
            .map_err(|e| anyhow::anyhow!(super::limits::describe(&e)))?;
        filled.fetched += page.len();
        let mut ordered = page;
        ordered.sort_by_key(|m| m.id);
        for m in &ordered {
            if let Some(msg) = super::events::incoming(m, true)
                && let MessageOutcome::Recorded { .. } = super::events::record(bot, msg).await?
            {
                filled.recorded += 1;
            }
        }
        match ordered.last() {
            Some(newest) if ordered.len() == PAGE as usize => after = newest.id,
            _ => break,
        }
    }
    Ok(())
}

/// Where reading starts: [`OVERLAP_MS`] before the newest recorded reply, never before the
/// excerpt post.
pub(crate) fn start_after(
    post: serenity::MessageId,
    last: Option<serenity::MessageId>,
) -> serenity::MessageId {
    match last {
        Some(l) => {
            let back = l.get().saturating_sub(OVERLAP_MS << 22);
            serenity::MessageId::new(back.max(post.get()))
        }
        None => post,
    }
}

/// Backfill every open session of a Discord group (one backfill at a time).
pub(crate) async fn run(bot: Data, http: Arc<serenity::Http>) {
    if bot.events.backfilling.swap(true, Ordering::SeqCst) {
        return;
    }
    let mut filled = Filled::default();
    match bot
        .engine
        .store()
        .open_anchored_sessions(Platform::Discord.as_str())
        .await
    {
        Ok(sessions) => {
            filled.sessions = sessions.len();
            for s in &sessions {
                if let Err(e) = session(&bot, &http, s, &mut filled).await {
                    tracing::warn!(session = s.id, error = %e, "backfill of a session failed");
                }
            }
        }
        Err(e) => tracing::error!(error = %e, "cannot list the sessions to backfill"),
    }
    bot.events.backfilling.store(false, Ordering::SeqCst);
    tracing::info!(
        sessions = filled.sessions,
        fetched = filled.fetched,
        recorded = filled.recorded,
        "discord backfill done"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_starts_a_little_before_the_newest_reply() {
        let post = serenity::MessageId::new(1_000 << 22);
        assert_eq!(start_after(post, None), post);
        let soon = serenity::MessageId::new((1_000 + 60_000) << 22);
        assert_eq!(start_after(post, Some(soon)), post);
        let later = serenity::MessageId::new((1_000 + 3_600_000) << 22);
        assert_eq!(
            start_after(post, Some(later)).get(),
            (1_000 + 3_600_000 - OVERLAP_MS) << 22
        );
    }
}
