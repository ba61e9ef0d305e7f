//! What a live seminar keeps (migrations 0020): the agenda and each run of its items, the
//! speaking queue, notes/decisions/action items, voice presence, and breakouts with their
//! rooms, members and report-backs. Every post these changes cause is queued in the same
//! transaction (the caller passes the outbox entries).

use sqlx::FromRow;

use super::db::{Tx, on_pool, on_tx};
use super::{Result, Store};

/// One item of a session's agenda.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct AgendaItemRow {
    pub id: i64,
    pub session_id: i64,
    /// 1-based position.
    pub seq: i64,
    pub title: String,
    pub minutes: i64,
}

/// One run of an agenda item (an item run again after `agenda back` has two).
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct AgendaRunRow {
    pub id: i64,
    pub session_id: i64,
    pub group_id: i64,
    pub item_id: i64,
    pub seq: i64,
    pub title: String,
    pub started_at: i64,
    pub ends_at: i64,
    pub ended_at: Option<i64>,
}

/// A raised hand, with the member's name.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct HandRow {
    pub id: i64,
    pub session_id: i64,
    pub member_key: String,
    pub name: String,
    pub topic: Option<String>,
    pub raised_at: i64,
    pub status: String,
    pub called_at: Option<i64>,
}

/// A note, decision or action item.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct MinutesItemRow {
    pub id: i64,
    pub group_id: i64,
    pub session_id: Option<i64>,
    pub item_id: Option<i64>,
    pub kind: String,
    pub text: String,
    pub author_key: Option<String>,
    pub author: Option<String>,
    pub owner_key: Option<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub done_at: Option<i64>,
    pub created_at: i64,
}

/// A minutes item to store.
#[derive(Debug, Clone)]
pub struct NewMinutesItem<'a> {
    pub group_id: i64,
    pub session_id: i64,
    pub item_id: Option<i64>,
    pub kind: &'a str,
    pub text: &'a str,
    pub author_key: &'a str,
    pub owner_key: Option<&'a str>,
    pub due: Option<&'a str>,
    pub created_at: i64,
}

/// A member's activity of one kind in a session: (member, name, kind, first, last).
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ActivityRow {
    pub member_key: String,
    pub name: String,
    pub quotes_allowed: bool,
    /// "wrote", "voted", "hand", "voice" or "noted".
    pub kind: String,
    pub first_at: i64,
    pub last_at: i64,
}

/// A breakout.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct BreakoutRow {
    pub id: i64,
    pub group_id: i64,
    pub session_id: i64,
    pub rooms: i64,
    pub minutes: i64,
    pub by_opinion: bool,
    pub started_at: i64,
    pub ends_at: i64,
    pub asked_at: Option<i64>,
    pub gathered_at: Option<i64>,
}

/// One breakout thread.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct BreakoutRoomRow {
    pub id: i64,
    pub breakout_id: i64,
    pub seq: i64,
    pub prompt: String,
    pub thread_id: Option<String>,
    pub report: Option<String>,
    pub report_by: Option<String>,
    pub reporter: Option<String>,
    pub reported_at: Option<i64>,
}

/// A breakout room to create: its prompt and members.
#[derive(Debug, Clone)]
pub struct NewRoom {
    pub prompt: String,
    pub members: Vec<String>,
}

/// An outbox entry: (dedupe key, JSON payload).
pub type Post = (String, String);

const RUN_COLUMNS: &str = "r.id, r.session_id, s.group_id, r.item_id, i.seq, i.title, r.started_at, r.ends_at, r.ended_at";
const RUN_FROM: &str =
    "agenda_runs r JOIN agenda_items i ON i.id = r.item_id JOIN sessions s ON s.id = r.session_id";
const HAND_COLUMNS: &str = "h.id, h.session_id, h.member_key, m.display_name AS name, h.topic, h.raised_at, h.status, h.called_at";
const ITEM_COLUMNS: &str = "x.id, x.group_id, x.session_id, x.item_id, x.kind, x.text, x.author_key, a.display_name AS author, \
     x.owner_key, o.display_name AS owner, x.due, x.done_at, x.created_at";
const ITEM_FROM: &str = "minutes_items x LEFT JOIN members a ON a.key = x.author_key LEFT JOIN members o ON o.key = x.owner_key";
const BREAKOUT_COLUMNS: &str = "id, group_id, session_id, rooms, minutes, by_opinion, started_at, ends_at, asked_at, gathered_at";
const ROOM_COLUMNS: &str = "b.id, b.breakout_id, b.seq, b.prompt, b.thread_id, b.report, b.report_by, m.display_name AS reporter, b.reported_at";
const ROOM_FROM: &str = "breakout_rooms b LEFT JOIN members m ON m.key = b.report_by";

impl Store {
    // ---- members ------------------------------------------------------------------------

    /// Make sure a member row exists (inside a transaction), keeping a known name.
    pub async fn ensure_member_tx(tx: &mut Tx, key: &str, name: &str, now_ms: i64) -> Result<()> {
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO members (key, display_name, first_seen) VALUES ($1, $2, $3) ON CONFLICT(key) DO NOTHING",
        )
        .bind(key)
        .bind(name)
        .bind(now_ms)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// A member's stored name, if the member is known.
    pub async fn member_display_name(&self, key: &str) -> Result<Option<String>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT display_name FROM members WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(c).await)?)
    }

    /// Whether a member has taken part in this group: written, voted by name, raised a
    /// hand, been present, noted something or been given an action.
    pub async fn member_in_group(&self, group_id: i64, key: &str) -> Result<bool> {
        let n: i64 = on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT
               (SELECT COUNT(*) FROM replies r JOIN sessions s ON s.id = r.session_id WHERE s.group_id = $1 AND r.member_key = $2)
             + (SELECT COUNT(*) FROM votes v JOIN polls p ON p.id = v.poll_id WHERE p.group_id = $1 AND v.member_key = $2)
             + (SELECT COUNT(*) FROM hands h JOIN sessions s ON s.id = h.session_id WHERE s.group_id = $1 AND h.member_key = $2)
             + (SELECT COUNT(*) FROM presence WHERE group_id = $1 AND member_key = $2)
             + (SELECT COUNT(*) FROM minutes_items WHERE group_id = $1 AND (author_key = $2 OR owner_key = $2))",
        )
        .bind(group_id)
        .bind(key)
        .fetch_one(c).await)?;
        Ok(n > 0)
    }

    /// Members of this group whose stored name is `name` (case-insensitive).
    pub async fn group_members_named(&self, group_id: i64, name: &str) -> Result<Vec<String>> {
        let keys: Vec<String> = on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT DISTINCT m.key FROM members m WHERE LOWER(m.display_name) = LOWER($2) AND (
               EXISTS (SELECT 1 FROM replies r JOIN sessions s ON s.id = r.session_id WHERE s.group_id = $1 AND r.member_key = m.key)
               OR EXISTS (SELECT 1 FROM votes v JOIN polls p ON p.id = v.poll_id WHERE p.group_id = $1 AND v.member_key = m.key)
               OR EXISTS (SELECT 1 FROM hands h JOIN sessions s ON s.id = h.session_id WHERE s.group_id = $1 AND h.member_key = m.key)
               OR EXISTS (SELECT 1 FROM presence p WHERE p.group_id = $1 AND p.member_key = m.key))
             ORDER BY m.key",
        )
        .bind(group_id)
        .bind(name)
        .fetch_all(c).await)?;
        Ok(keys)
    }

    // ---- agenda -------------------------------------------------------------------------

    /// Replace a session's agenda (only before it has started) and queue its post; false
    /// when the agenda has already started.
    pub async fn set_agenda(
        &self,
        session_id: i64,
        group_id: i64,
        items: &[(String, i64)],
        post: &Post,
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let runs: i64 = on_tx!(tx, c => sqlx::query_scalar("SELECT COUNT(*) FROM agenda_runs WHERE session_id = $1")
            .bind(session_id)
            .fetch_one(c).await)?;
        if runs > 0 {
            return Ok(false);
        }
        on_tx!(tx, c => sqlx::query("DELETE FROM agenda_items WHERE session_id = $1")
            .bind(session_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        for (i, (title, minutes)) in items.iter().enumerate() {
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO agenda_items (session_id, seq, title, minutes) VALUES ($1, $2, $3, $4)",
            )
            .bind(session_id)
            .bind(i as i64 + 1)
            .bind(title)
            .bind(*minutes)
            .execute(c).await.map(|d| d.rows_affected()))?;
        }
        Store::enqueue_tx(&mut tx, group_id, &post.0, &post.1, now_ms).await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn agenda_items(&self, session_id: i64) -> Result<Vec<AgendaItemRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT id, session_id, seq, title, minutes FROM agenda_items WHERE session_id = $1 ORDER BY seq",
        )
        .bind(session_id)
        .fetch_all(c).await)?)
    }

    /// Every run of a session's agenda, in order.
    pub async fn agenda_runs(&self, session_id: i64) -> Result<Vec<AgendaRunRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {RUN_COLUMNS} FROM {RUN_FROM} WHERE r.session_id = $1 ORDER BY r.started_at, r.id"
        )))
        .bind(session_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn agenda_run(&self, run_id: i64) -> Result<Option<AgendaRunRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {RUN_COLUMNS} FROM {RUN_FROM} WHERE r.id = $1"
        )))
        .bind(run_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The item running now, if any.
    pub async fn open_agenda_run(&self, session_id: i64) -> Result<Option<AgendaRunRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {RUN_COLUMNS} FROM {RUN_FROM} WHERE r.session_id = $1 AND r.ended_at IS NULL"
        )))
        .bind(session_id)
        .fetch_optional(c).await)?,
        )
    }

    /// Open runs whose timebox ends before `before_ms` (due for a warning or an end).
    pub async fn agenda_runs_ending_before(&self, before_ms: i64) -> Result<Vec<AgendaRunRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {RUN_COLUMNS} FROM {RUN_FROM} WHERE r.ended_at IS NULL AND r.ends_at <= $1 ORDER BY r.ends_at"
        )))
        .bind(before_ms)
        .fetch_all(c).await)?,
        )
    }

    /// End the open run (if it is `expected`, or whatever is open when `expected` is
    /// `None`), start `next` (item id and its timebox end) and queue `posts`, in one
    /// transaction. False when the open run was not the expected one (another step moved
    /// the agenda first): nothing is written.
    pub async fn switch_agenda_item(
        &self,
        session_id: i64,
        group_id: i64,
        expected: Option<i64>,
        next: Option<(i64, i64)>,
        posts: &[Post],
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let open: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
            "SELECT id FROM agenda_runs WHERE session_id = $1 AND ended_at IS NULL",
        )
        .bind(session_id)
        .fetch_optional(c).await)?;
        if expected.is_some() && open != expected {
            return Ok(false);
        }
        if let Some(run) = open {
            on_tx!(tx, c => sqlx::query("UPDATE agenda_runs SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
                .bind(now_ms)
                .bind(run)
                .execute(c).await.map(|d| d.rows_affected()))?;
        }
        if let Some((item_id, ends_at)) = next {
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO agenda_runs (session_id, item_id, started_at, ends_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(session_id)
            .bind(item_id)
            .bind(now_ms)
            .bind(ends_at)
            .execute(c).await.map(|d| d.rows_affected()))?;
        }
        for (key, payload) in posts {
            Store::enqueue_tx(&mut tx, group_id, key, payload, now_ms).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Move the open run's end; false when it is no longer open.
    pub async fn extend_agenda_run(&self, run_id: i64, ends_at: i64) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE agenda_runs SET ends_at = $1 WHERE id = $2 AND ended_at IS NULL",
        )
        .bind(ends_at)
        .bind(run_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// End a session's open run (the session ended).
    pub async fn end_agenda_runs_tx(tx: &mut Tx, session_id: i64, now_ms: i64) -> Result<()> {
        on_tx!(tx, c => sqlx::query("UPDATE agenda_runs SET ended_at = $1 WHERE session_id = $2 AND ended_at IS NULL")
            .bind(now_ms)
            .bind(session_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    // ---- settings -----------------------------------------------------------------------

    /// Whether the session's queue is a progressive stack.
    pub async fn queue_progressive(&self, session_id: i64) -> Result<bool> {
        let v: Option<bool> = on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT progressive FROM live_settings WHERE session_id = $1",
        )
        .bind(session_id)
        .fetch_optional(c).await)?;
        Ok(v.unwrap_or(false))
    }

    pub async fn set_queue_progressive(&self, session_id: i64, on: bool) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query(
            "INSERT INTO live_settings (session_id, progressive) VALUES ($1, $2)
             ON CONFLICT(session_id) DO UPDATE SET progressive = excluded.progressive",
        )
        .bind(session_id)
        .bind(on)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Where the agenda was posted (for hand buttons and reactions).
    pub async fn set_agenda_message_tx(tx: &mut Tx, session_id: i64, message: &str) -> Result<()> {
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO live_settings (session_id, agenda_message) VALUES ($1, $2)
             ON CONFLICT(session_id) DO UPDATE SET agenda_message = excluded.agenda_message",
        )
        .bind(session_id)
        .bind(message)
        .execute(c).await.map(|d| d.rows_affected()))?;
        // Every post is kept: a reaction on an earlier one still finds its session.
        on_tx!(tx, c => sqlx::query(
            "INSERT INTO agenda_posts (message_id, session_id) VALUES ($1, $2)
             ON CONFLICT(message_id) DO NOTHING",
        )
        .bind(message)
        .bind(session_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// The session whose agenda was posted as `message` (the latest post or an earlier
    /// one), open or ended: (id, open).
    pub async fn session_of_agenda_message(&self, message: &str) -> Result<Option<(i64, bool)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT p.session_id, s.ended_at IS NULL FROM agenda_posts p JOIN sessions s ON s.id = p.session_id
             WHERE p.message_id = $1",
        )
        .bind(message)
        .fetch_optional(c).await)?)
    }

    /// The open session whose agenda post is `message`.
    pub async fn session_by_agenda_message(&self, message: &str) -> Result<Option<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT l.session_id FROM live_settings l JOIN sessions s ON s.id = l.session_id
             WHERE l.agenda_message = $1 AND s.ended_at IS NULL",
        )
        .bind(message)
        .fetch_optional(c).await)?)
    }

    // ---- the speaking queue -------------------------------------------------------------

    /// Raise a hand; `None` when the member's hand is already up. `raised_by`: the
    /// platform event that raised it, when it was not a command (a Matrix reaction).
    pub async fn raise_hand(
        &self,
        session_id: i64,
        member_key: &str,
        name: &str,
        topic: Option<&str>,
        raised_by: Option<&str>,
        now_ms: i64,
    ) -> Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        Store::ensure_member_tx(&mut tx, member_key, name, now_ms).await?;
        let id: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO hands (session_id, member_key, topic, raised_by, raised_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(session_id)
        .bind(member_key)
        .bind(topic)
        .bind(raised_by)
        .bind(now_ms)
        .fetch_optional(c).await)?;
        tx.commit().await?;
        Ok(id)
    }

    /// Whether the platform event `raised_by` (a reaction) has raised a hand in a session.
    pub async fn hand_raised_by_exists(&self, session_id: i64, raised_by: &str) -> Result<bool> {
        let n: i64 = on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT COUNT(*) FROM hands WHERE session_id = $1 AND raised_by = $2",
        )
        .bind(session_id)
        .bind(raised_by)
        .fetch_one(c).await)?;
        Ok(n > 0)
    }

    /// Lower the hand the platform event `raised_by` raised, if it is still waiting in an
    /// open session: the hand's member key, else `None`.
    pub async fn lower_hand_raised_by(&self, raised_by: &str) -> Result<Option<(i64, String)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "UPDATE hands SET status = 'lowered'
             WHERE raised_by = $1 AND status = 'waiting'
               AND session_id IN (SELECT id FROM sessions WHERE ended_at IS NULL)
             RETURNING session_id, member_key",
        )
        .bind(raised_by)
        .fetch_optional(c).await)?)
    }

    /// Lower a member's waiting hand; false when it was not up.
    pub async fn lower_hand(&self, session_id: i64, member_key: &str) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE hands SET status = 'lowered' WHERE session_id = $1 AND member_key = $2 AND status = 'waiting'",
        )
        .bind(session_id)
        .bind(member_key)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done > 0)
    }

    /// The hands of a session with these statuses, in the order they were raised.
    pub async fn hands(&self, session_id: i64, statuses: &[&str]) -> Result<Vec<HandRow>> {
        let all: Vec<HandRow> = on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {HAND_COLUMNS} FROM hands h JOIN members m ON m.key = h.member_key
             WHERE h.session_id = $1 ORDER BY h.raised_at, h.id"
        )))
        .bind(session_id)
        .fetch_all(c).await)?;
        Ok(all
            .into_iter()
            .filter(|h| statuses.contains(&h.status.as_str()))
            .collect())
    }

    /// How often each member has spoken in a session: replies plus turns from the queue.
    pub async fn spoken_counts(&self, session_id: i64) -> Result<Vec<(String, i64)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT member_key, CAST(SUM(n) AS BIGINT) FROM (
               SELECT member_key, COUNT(*) AS n FROM replies WHERE session_id = $1 AND deleted_at IS NULL GROUP BY member_key
               UNION ALL
               SELECT member_key, COUNT(*) AS n FROM hands WHERE session_id = $1 AND status IN ('speaking', 'spoke') GROUP BY member_key
             ) t GROUP BY member_key",
        )
        .bind(session_id)
        .fetch_all(c).await)?)
    }

    /// Give the floor to `hand` (the one speaking before steps down), or mark it skipped;
    /// false when it is no longer waiting.
    pub async fn call_hand(
        &self,
        session_id: i64,
        hand_id: i64,
        skip: bool,
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        if !skip {
            on_tx!(tx, c => sqlx::query("UPDATE hands SET status = 'spoke' WHERE session_id = $1 AND status = 'speaking'")
                .bind(session_id)
                .execute(c).await.map(|d| d.rows_affected()))?;
        }
        let done = on_tx!(tx, c => sqlx::query(
            "UPDATE hands SET status = $1, called_at = $2 WHERE id = $3 AND status = 'waiting'",
        )
        .bind(if skip { "skipped" } else { "speaking" })
        .bind(now_ms)
        .bind(hand_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        if done != 1 {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Clear the queue; how many hands were waiting.
    pub async fn clear_hands(&self, session_id: i64) -> Result<u64> {
        Ok(on_pool!(&self.pool, c => sqlx::query(
            "UPDATE hands SET status = 'cleared' WHERE session_id = $1 AND status = 'waiting'",
        )
        .bind(session_id)
        .execute(c).await.map(|d| d.rows_affected()))?)
    }

    // ---- notes, decisions, actions ------------------------------------------------------

    /// Store a note, decision or action (the author's and owner's member rows are made
    /// if they are new).
    pub async fn add_minutes_item(
        &self,
        item: &NewMinutesItem<'_>,
        author_name: &str,
        owner_name: Option<&str>,
    ) -> Result<i64> {
        let mut tx = self.write_tx().await?;
        Store::ensure_member_tx(&mut tx, item.author_key, author_name, item.created_at).await?;
        if let (Some(key), Some(name)) = (item.owner_key, owner_name) {
            Store::ensure_member_tx(&mut tx, key, name, item.created_at).await?;
        }
        let id: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO minutes_items (group_id, session_id, item_id, kind, text, author_key, owner_key, due, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(item.group_id)
        .bind(item.session_id)
        .bind(item.item_id)
        .bind(item.kind)
        .bind(item.text)
        .bind(item.author_key)
        .bind(item.owner_key)
        .bind(item.due)
        .bind(item.created_at)
        .fetch_one(c).await)?;
        tx.commit().await?;
        Ok(id)
    }

    /// A session's notes, decisions and actions, in order.
    pub async fn session_minutes_items(&self, session_id: i64) -> Result<Vec<MinutesItemRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE x.session_id = $1 ORDER BY x.id"
        )))
        .bind(session_id)
        .fetch_all(c).await)?,
        )
    }

    /// A group's open action items, oldest first.
    pub async fn open_actions(&self, group_id: i64) -> Result<Vec<MinutesItemRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE x.group_id = $1 AND x.kind = 'action' AND x.done_at IS NULL ORDER BY x.id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    /// One of a group's minutes items.
    pub async fn minutes_item(&self, group_id: i64, id: i64) -> Result<Option<MinutesItemRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE x.group_id = $1 AND x.id = $2"
        )))
        .bind(group_id)
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// Mark an action done; false when it was already done.
    pub async fn finish_action(&self, id: i64, now_ms: i64) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE minutes_items SET done_at = $1 WHERE id = $2 AND kind = 'action' AND done_at IS NULL",
        )
        .bind(now_ms)
        .bind(id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// Actions of a group finished in [from, to).
    pub async fn actions_done_between(
        &self,
        group_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<MinutesItemRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE x.group_id = $1 AND x.kind = 'action' AND x.done_at >= $2 AND x.done_at < $3 ORDER BY x.id"
        )))
        .bind(group_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(c).await)?,
        )
    }

    // ---- presence -----------------------------------------------------------------------

    /// A member joined (`true`) or left a place the platform reports; false when nothing
    /// changed (already there, or not there).
    pub async fn set_presence(
        &self,
        group_id: i64,
        member_key: &str,
        name: &str,
        source: &str,
        joined: bool,
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        Store::ensure_member_tx(&mut tx, member_key, name, now_ms).await?;
        let done = if joined {
            on_tx!(tx, c => sqlx::query(
                "INSERT INTO presence (group_id, member_key, source, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(group_id)
            .bind(member_key)
            .bind(source)
            .bind(now_ms)
            .execute(c).await.map(|d| d.rows_affected()))?
        } else {
            on_tx!(tx, c => sqlx::query(
                "UPDATE presence SET left_at = $1 WHERE group_id = $2 AND member_key = $3 AND source = $4 AND left_at IS NULL",
            )
            .bind(now_ms)
            .bind(group_id)
            .bind(member_key)
            .bind(source)
            .execute(c).await.map(|d| d.rows_affected()))?
        };
        tx.commit().await?;
        Ok(done > 0)
    }

    /// The groups where `member_key` is present now through `source` (an open stay).
    pub async fn open_presence_groups(&self, member_key: &str, source: &str) -> Result<Vec<i64>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT group_id FROM presence WHERE member_key = $1 AND source = $2 AND left_at IS NULL ORDER BY group_id",
        )
        .bind(member_key)
        .bind(source)
        .fetch_all(c).await)?)
    }

    /// The members present in a group now through `source` (an open stay).
    pub async fn open_presence_members(&self, group_id: i64, source: &str) -> Result<Vec<String>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_scalar(
            "SELECT member_key FROM presence WHERE group_id = $1 AND source = $2 AND left_at IS NULL ORDER BY member_key",
        )
        .bind(group_id)
        .bind(source)
        .fetch_all(c).await)?)
    }

    /// Who did what in a session between `from_ms` and `to_ms` (presence clipped to it).
    pub async fn session_activity(
        &self,
        group_id: i64,
        session_id: i64,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<ActivityRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT t.member_key, m.display_name AS name, m.quotes_allowed, t.kind, t.first_at, t.last_at FROM (
               SELECT member_key, CAST('wrote' AS TEXT) AS kind, MIN(posted_at) AS first_at, MAX(posted_at) AS last_at
                 FROM replies WHERE session_id = $1 GROUP BY member_key
               UNION ALL
               SELECT v.member_key, CAST('voted' AS TEXT), MIN(v.voted_at), MAX(v.voted_at)
                 FROM votes v JOIN polls p ON p.id = v.poll_id
                 WHERE p.session_id = $1 AND v.member_key IS NOT NULL AND v.voted_at IS NOT NULL GROUP BY v.member_key
               UNION ALL
               SELECT member_key, CAST('hand' AS TEXT), MIN(raised_at), MAX(raised_at)
                 FROM hands WHERE session_id = $1 GROUP BY member_key
               UNION ALL
               SELECT author_key, CAST('noted' AS TEXT), MIN(created_at), MAX(created_at)
                 FROM minutes_items WHERE session_id = $1 AND author_key IS NOT NULL GROUP BY author_key
               UNION ALL
               SELECT member_key, CAST('voice' AS TEXT),
                      MIN(CASE WHEN joined_at < $3 THEN $3 ELSE joined_at END),
                      MAX(CASE WHEN left_at IS NULL OR left_at > $4 THEN $4 ELSE left_at END)
                 FROM presence WHERE group_id = $2 AND joined_at < $4 AND (left_at IS NULL OR left_at > $3)
                 GROUP BY member_key
             ) t JOIN members m ON m.key = t.member_key ORDER BY t.first_at, t.member_key",
        )
        .bind(session_id)
        .bind(group_id)
        .bind(from_ms)
        .bind(to_ms)
        .fetch_all(c).await)?)
    }

    // ---- breakouts ----------------------------------------------------------------------

    /// Create a breakout with its rooms and members and queue each room's post (`post`
    /// gets the room id); `None` when a breakout is already running in the session.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_breakout(
        &self,
        group_id: i64,
        session_id: i64,
        minutes: i64,
        by_opinion: bool,
        rooms: &[NewRoom],
        now_ms: i64,
        post: impl Fn(i64) -> Post,
    ) -> Result<Option<i64>> {
        let mut tx = self.write_tx().await?;
        let id: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO breakouts (group_id, session_id, rooms, minutes, by_opinion, started_at, ends_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(group_id)
        .bind(session_id)
        .bind(rooms.len() as i64)
        .bind(minutes)
        .bind(by_opinion)
        .bind(now_ms)
        .bind(now_ms + minutes * 60_000)
        .fetch_optional(c).await)?;
        let Some(id) = id else {
            return Ok(None);
        };
        for (i, room) in rooms.iter().enumerate() {
            let room_id: i64 = on_tx!(tx, c => sqlx::query_scalar(
                "INSERT INTO breakout_rooms (breakout_id, seq, prompt) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(id)
            .bind(i as i64 + 1)
            .bind(&room.prompt)
            .fetch_one(c).await)?;
            for m in &room.members {
                on_tx!(tx, c => sqlx::query("INSERT INTO breakout_members (room_id, member_key) VALUES ($1, $2)")
                    .bind(room_id)
                    .bind(m)
                    .execute(c).await.map(|d| d.rows_affected()))?;
            }
            let (key, payload) = post(room_id);
            Store::enqueue_tx(&mut tx, group_id, &key, &payload, now_ms).await?;
        }
        tx.commit().await?;
        Ok(Some(id))
    }

    pub async fn breakout(&self, id: i64) -> Result<Option<BreakoutRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {BREAKOUT_COLUMNS} FROM breakouts WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// A session's breakouts, in order.
    pub async fn session_breakouts(&self, session_id: i64) -> Result<Vec<BreakoutRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {BREAKOUT_COLUMNS} FROM breakouts WHERE session_id = $1 ORDER BY id"
        )))
        .bind(session_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn breakout_rooms(&self, breakout_id: i64) -> Result<Vec<BreakoutRoomRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ROOM_COLUMNS} FROM {ROOM_FROM} WHERE b.breakout_id = $1 ORDER BY b.seq"
        )))
        .bind(breakout_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn breakout_room(&self, room_id: i64) -> Result<Option<BreakoutRoomRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ROOM_COLUMNS} FROM {ROOM_FROM} WHERE b.id = $1"
        )))
        .bind(room_id)
        .fetch_optional(c).await)?,
        )
    }

    /// The room whose thread is `thread`, with its breakout's session.
    pub async fn breakout_room_by_thread(&self, thread: &str) -> Result<Option<(i64, i64)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT r.id, b.session_id FROM breakout_rooms r JOIN breakouts b ON b.id = r.breakout_id
             WHERE r.thread_id = $1 ORDER BY r.id DESC LIMIT 1",
        )
        .bind(thread)
        .fetch_optional(c).await)?)
    }

    /// The names of a room's members.
    pub async fn breakout_room_members(&self, room_id: i64) -> Result<Vec<(String, String)>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT m.key, m.display_name FROM breakout_members b JOIN members m ON m.key = b.member_key
             WHERE b.room_id = $1 ORDER BY m.display_name, m.key",
        )
        .bind(room_id)
        .fetch_all(c).await)?)
    }

    pub async fn set_room_thread_tx(tx: &mut Tx, room_id: i64, thread: &str) -> Result<()> {
        on_tx!(tx, c => sqlx::query("UPDATE breakout_rooms SET thread_id = $1 WHERE id = $2")
            .bind(thread)
            .bind(room_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// Running breakouts whose time is up and not yet asked for report-backs.
    pub async fn breakouts_to_ask(&self, now_ms: i64) -> Result<Vec<BreakoutRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {BREAKOUT_COLUMNS} FROM breakouts WHERE asked_at IS NULL AND ends_at <= $1 ORDER BY id"
        )))
        .bind(now_ms)
        .fetch_all(c).await)?,
        )
    }

    /// Asked breakouts not yet gathered.
    pub async fn breakouts_asked(&self) -> Result<Vec<BreakoutRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {BREAKOUT_COLUMNS} FROM breakouts WHERE asked_at IS NOT NULL AND gathered_at IS NULL ORDER BY id"
        )))
        .fetch_all(c).await)?,
        )
    }

    /// Mark a breakout asked (or gathered) and queue `posts`; false when another step did first.
    pub async fn breakout_step(
        &self,
        breakout: &BreakoutRow,
        gather: bool,
        posts: &[Post],
        now_ms: i64,
    ) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let sql = if gather {
            "UPDATE breakouts SET gathered_at = $1 WHERE id = $2 AND gathered_at IS NULL"
        } else {
            "UPDATE breakouts SET asked_at = $1, ends_at = LEAST_END WHERE id = $2 AND asked_at IS NULL"
        };
        // `breakout end` may ask before the planned end: the end becomes now.
        let sql = sql.replace(
            "LEAST_END",
            "CASE WHEN ends_at > $1 THEN $1 ELSE ends_at END",
        );
        let done = on_tx!(tx, c => sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .bind(now_ms)
            .bind(breakout.id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        if done != 1 {
            return Ok(false);
        }
        for (key, payload) in posts {
            Store::enqueue_tx(&mut tx, breakout.group_id, key, payload, now_ms).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Keep a room's first report-back after the ask; false when it already has one or
    /// was not asked yet.
    pub async fn set_room_report(
        &self,
        room_id: i64,
        member_key: &str,
        text: &str,
        now_ms: i64,
    ) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE breakout_rooms SET report = $1, report_by = $2, reported_at = $3
             WHERE id = $4 AND report IS NULL
               AND EXISTS (SELECT 1 FROM breakouts b WHERE b.id = breakout_rooms.breakout_id AND b.asked_at IS NOT NULL AND b.asked_at <= $3)",
        )
        .bind(text)
        .bind(member_key)
        .bind(now_ms)
        .bind(room_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }
}
