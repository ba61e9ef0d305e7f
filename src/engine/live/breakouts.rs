//! Breakouts: the members present split into N threads for a while (at random, or mixing
//! the opinion map's groups), each with a question from the excerpt; when the time is up
//! each thread is asked for a one-line report-back (its first answer), and the answers are
//! gathered in the main thread once every thread has answered or five minutes have passed.

use super::{LivePost, messages};
use crate::domain::live::{MAX_BREAKOUT_MINUTES, MAX_ROOMS, assign_rooms, one_line};
use crate::engine::{CommandError, Engine, Reply, store_ms};
use crate::i18n::Locale;
use crate::ports::{Content, ThreadPost};
use crate::store::{Group, NewRoom};

/// How long after the ask the report-backs are gathered, answered or not.
const GATHER_AFTER_MS: i64 = 5 * 60_000;

impl Engine {
    /// Split the members present (the facilitator who asks stays out, to visit the
    /// threads) into `rooms` threads.
    pub(in crate::engine) async fn breakout(
        &self,
        group: &Group,
        caller: &MemberKey,
        rooms: i64,
        minutes: i64,
        by_opinion: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        if rooms < 1 {
            return Err(CommandError::invalid(messages::breakout_rooms_bad(
                loc, rooms,
            )));
        }
        if rooms > MAX_ROOMS {
            return Err(CommandError::invalid(messages::breakout_too_many_rooms(
                loc, rooms,
            )));
        }
        if !(1..=MAX_BREAKOUT_MINUTES).contains(&minutes) {
            return Err(CommandError::invalid(messages::breakout_minutes_bad(
                loc, minutes,
            )));
        }
        let activity = self.activity(group, &session).await?;
        let mut present: Vec<String> = Vec::new();
        let me = caller.key();
        for a in &activity {
            if a.member_key != me && !present.contains(&a.member_key) {
                present.push(a.member_key.clone());
            }
        }
        if present.is_empty() {
            return Err(CommandError::invalid(messages::breakout_nobody(loc)));
        }
        if rooms as usize > present.len() {
            return Err(CommandError::invalid(
                messages::breakout_more_rooms_than_members(loc, rooms, present.len()),
            ));
        }
        let (members, how, mixed) = if by_opinion {
            match self.opinion_groups_of(group, session.id, &present).await? {
                Ok(groups) => (
                    present
                        .iter()
                        .map(|k| (k.clone(), groups.get(k).copied()))
                        .collect::<Vec<_>>(),
                    messages::breakout_by_opinion(loc),
                    true,
                ),
                Err(reason) => (
                    present.iter().map(|k| (k.clone(), None)).collect(),
                    messages::breakout_no_groups(loc, &reason),
                    false,
                ),
            }
        } else {
            (
                present.iter().map(|k| (k.clone(), None)).collect(),
                messages::breakout_by_chance(loc),
                false,
            )
        };
        let now_ms = store_ms(self.now());
        let seed = (session.id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ now_ms as u64;
        let split = assign_rooms(&members, rooms as usize, seed);
        let prompts = self
            .breakout_prompts(group, session.id, rooms as usize)
            .await?;
        let new_rooms: Vec<NewRoom> = split
            .into_iter()
            .zip(prompts)
            .map(|(members, prompt)| NewRoom { prompt, members })
            .collect();
        let created = self
            .store()
            .create_breakout(
                group.id,
                session.id,
                minutes,
                mixed,
                &new_rooms,
                now_ms,
                |room_id| LivePost::Room { room_id }.entry(),
            )
            .await?;
        if created.is_none() {
            return Err(CommandError::invalid(messages::breakout_running(loc)));
        }
        Ok(Reply::public(messages::breakout_started(
            loc,
            new_rooms.len(),
            minutes,
            &how,
        )))
    }

    /// One question per room: the current excerpt's questions in turn, else one about the
    /// running agenda item.
    async fn breakout_prompts(
        &self,
        group: &Group,
        session_id: i64,
        n: usize,
    ) -> Result<Vec<String>, CommandError> {
        let loc = group.locale();
        let mut questions: Vec<String> = Vec::new();
        if let Some(s) = self.store().current_excerpt_session(group.id).await?
            && let Some(e) = s.excerpt_id
        {
            questions = self
                .store()
                .questions(e)
                .await?
                .into_iter()
                .map(|q| q.text)
                .collect();
        }
        if questions.is_empty() {
            let run = self.item_at(session_id, store_ms(self.now())).await?;
            questions.push(messages::default_prompt(
                loc,
                run.as_ref().map(|r| r.title.as_str()),
            ));
        }
        Ok((0..n)
            .map(|i| questions[i % questions.len()].clone())
            .collect())
    }

    /// A room's post, which opens its thread.
    pub(super) async fn render_room(
        &self,
        group: &Group,
        room_id: i64,
    ) -> Result<(Option<String>, Content), CommandError> {
        let loc = group.locale();
        let room =
            self.store().breakout_room(room_id).await?.ok_or_else(|| {
                CommandError::Internal(format!("breakout room {room_id} is gone"))
            })?;
        let b = self
            .store()
            .breakout(room.breakout_id)
            .await?
            .ok_or_else(|| {
                CommandError::Internal(format!("breakout {} is gone", room.breakout_id))
            })?;
        let members: Vec<String> = self
            .store()
            .breakout_room_members(room_id)
            .await?
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        Ok((
            None,
            Content::Thread(ThreadPost {
                name: messages::room_name(loc, room.seq, b.rooms),
                markdown: messages::room_post(
                    loc,
                    room.seq,
                    b.rooms,
                    &members,
                    &room.prompt,
                    &super::clock_time(group, b.ends_at),
                ),
            }),
        ))
    }

    pub(super) async fn gathered_text(
        &self,
        loc: Locale,
        breakout_id: i64,
    ) -> Result<String, CommandError> {
        let rooms = self.store().breakout_rooms(breakout_id).await?;
        let mut text = messages::gathered_header(loc, rooms.len());
        for r in &rooms {
            text.push('\n');
            let who = r
                .reporter
                .clone()
                .unwrap_or_else(|| crate::t!(loc, "a-member"));
            text.push_str(&messages::gathered_line(
                loc,
                r.seq,
                r.report.as_deref().map(|t| (who.as_str(), t)),
            ));
        }
        Ok(text)
    }

    /// A message in a breakout thread: the room's report-back when it is the first answer
    /// after the ask. Returns whether it was kept as one.
    pub(crate) async fn breakout_message(
        &self,
        room_id: i64,
        author: &MemberKey,
        text: &str,
        at_ms: i64,
    ) -> Result<bool, CommandError> {
        let line = one_line(text);
        if line.is_empty() {
            return Ok(false);
        }
        Ok(self
            .store()
            .set_room_report(room_id, &author.key(), &line, at_ms)
            .await?)
    }

    /// Ask the rooms whose time is up, and gather the answers; how many breakouts ended.
    pub(super) async fn breakouts_due(&self, now_ms: i64) -> Result<usize, CommandError> {
        let mut ended = 0;
        for b in self.store().breakouts_to_ask(now_ms).await? {
            let posts: Vec<(String, String)> = self
                .store()
                .breakout_rooms(b.id)
                .await?
                .iter()
                .map(|r| LivePost::RoomAsk { room_id: r.id }.entry())
                .collect();
            if self
                .store()
                .breakout_step(&b, false, &posts, now_ms)
                .await?
            {
                ended += 1;
            }
        }
        for b in self.store().breakouts_asked().await? {
            let rooms = self.store().breakout_rooms(b.id).await?;
            let all_in = rooms.iter().all(|r| r.report.is_some());
            let waited = b.asked_at.is_some_and(|a| now_ms >= a + GATHER_AFTER_MS);
            if all_in || waited {
                let post = LivePost::Gathered { breakout_id: b.id }.entry();
                self.store()
                    .breakout_step(&b, true, &[post], now_ms)
                    .await?;
            }
        }
        Ok(ended)
    }
}

use crate::domain::ids::MemberKey;
