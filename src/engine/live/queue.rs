//! The speaking queue: raising and lowering hands, who is next (first come, or a
//! progressive stack by who has spoken least this session), and the facilitator's calls.

use std::collections::HashMap;

use super::messages;
use crate::domain::ids::MemberKey;
use crate::domain::live::{Waiting, queue_order};
use crate::engine::{CommandError, Engine, Reply, store_ms};
use crate::i18n::Locale;
use crate::store::{Group, HandRow};

/// The longest topic a hand may carry.
const MAX_TOPIC_CHARS: usize = 200;

impl Engine {
    /// The waiting hands of a session in calling order, and whether the order is progressive.
    async fn queue_in_order(&self, session_id: i64) -> Result<(Vec<HandRow>, bool), CommandError> {
        let waiting = self.store().hands(session_id, &["waiting"]).await?;
        let progressive = self.store().queue_progressive(session_id).await?;
        let spoken: HashMap<String, i64> = if progressive {
            self.store()
                .spoken_counts(session_id)
                .await?
                .into_iter()
                .collect()
        } else {
            HashMap::new()
        };
        let keyed: Vec<Waiting> = waiting
            .iter()
            .map(|h| Waiting {
                raised_at: h.raised_at,
                spoken: spoken.get(&h.member_key).copied().unwrap_or(0),
            })
            .collect();
        let order = queue_order(&keyed, progressive);
        Ok((
            order.into_iter().map(|i| waiting[i].clone()).collect(),
            progressive,
        ))
    }

    /// Raise `member`'s hand (a command, a Discord button or a Matrix reaction).
    pub async fn raise_hand(
        &self,
        group: &Group,
        member: &MemberKey,
        name: &str,
        topic: Option<String>,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        self.raise_hand_in(loc, &session, member, name, topic, None)
            .await
    }

    /// Raise `member`'s hand in `session`; `raised_by`: the platform event that raised it
    /// when it was not a command (a Matrix reaction, which may lower it again).
    pub(super) async fn raise_hand_in(
        &self,
        loc: Locale,
        session: &crate::store::SessionRow,
        member: &MemberKey,
        name: &str,
        topic: Option<String>,
        raised_by: Option<&str>,
    ) -> Result<Reply, CommandError> {
        let topic = topic
            .map(|t| crate::domain::text::defang_mentions(t.trim()))
            .filter(|t| !t.is_empty());
        if topic
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TOPIC_CHARS)
        {
            return Err(CommandError::invalid(messages::topic_too_long(loc)));
        }
        let key = member.key();
        let raised = self
            .store()
            .raise_hand(
                session.id,
                &key,
                &crate::engine::record::clean_name(name),
                topic.as_deref(),
                raised_by,
                store_ms(self.now()),
            )
            .await?;
        let (queue, progressive) = self.queue_in_order(session.id).await?;
        let place = queue
            .iter()
            .position(|h| h.member_key == key)
            .map(|p| p + 1)
            .unwrap_or(queue.len());
        if raised.is_none() {
            return Err(CommandError::invalid(messages::hand_already_up(loc, place)));
        }
        // Each member's place is theirs alone (on Matrix, which has no ephemeral answers,
        // it goes to the member's direct room).
        Ok(Reply::confidential(messages::hand_raised(
            loc,
            place,
            place.saturating_sub(1),
            progressive,
        )))
    }

    /// A hand raised or lowered from the agenda post of `session_id` (a Discord button, a
    /// Matrix reaction): the session's group must still be running it.
    pub async fn hand_from_post(
        &self,
        session_id: i64,
        member: &MemberKey,
        name: &str,
        up: bool,
    ) -> Result<Reply, CommandError> {
        let session = self.store().session(session_id).await?;
        let group = match &session {
            Some(s) => self.store().group(s.group_id).await?,
            None => None,
        };
        let loc = group.as_ref().map(|g| g.locale()).unwrap_or_default();
        let group = group.filter(|_| session.as_ref().is_some_and(|s| s.is_open()));
        let Some(group) = group else {
            return Err(CommandError::invalid(messages::no_live_session(loc)));
        };
        if up {
            self.raise_hand(&group, member, name, None).await
        } else {
            self.lower_hand(&group, member).await
        }
    }

    /// The open session whose agenda post is `message` (for reactions on it).
    pub async fn session_of_agenda_post(&self, message: &str) -> Result<Option<i64>, CommandError> {
        Ok(self.store().session_by_agenda_message(message).await?)
    }

    /// Lower `member`'s hand.
    pub async fn lower_hand(
        &self,
        group: &Group,
        member: &MemberKey,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        if !self.store().lower_hand(session.id, &member.key()).await? {
            return Err(CommandError::invalid(messages::hand_not_up(loc)));
        }
        Ok(Reply::private(messages::hand_lowered(loc)))
    }

    pub(in crate::engine) async fn queue_show(
        &self,
        group: &Group,
        member: &MemberKey,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let (queue, progressive) = self.queue_in_order(session.id).await?;
        let speaking = self.store().hands(session.id, &["speaking"]).await?;
        let mut text = messages::queue_header(loc, progressive);
        text.push('\n');
        if let Some(s) = speaking.last() {
            text.push_str(&messages::queue_speaking(loc, &s.name));
            text.push('\n');
        }
        if queue.is_empty() {
            text.push_str(&messages::queue_empty(loc));
            return Ok(Reply::private(text));
        }
        for (i, h) in queue.iter().enumerate() {
            text.push_str(&messages::queue_line(i + 1, &h.name, h.topic.as_deref()));
            text.push('\n');
        }
        let key = member.key();
        text.push_str(&match queue.iter().position(|h| h.member_key == key) {
            Some(p) => messages::queue_your_place(loc, p + 1),
            None => messages::queue_not_in(loc),
        });
        Ok(Reply::private(text))
    }

    /// Give the floor to the next member (or skip them).
    pub(in crate::engine) async fn queue_call(
        &self,
        group: &Group,
        skip: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let (queue, _) = self.queue_in_order(session.id).await?;
        let Some(next) = queue.first() else {
            return Err(CommandError::invalid(messages::queue_empty(loc)));
        };
        if !self
            .store()
            .call_hand(session.id, next.id, skip, store_ms(self.now()))
            .await?
        {
            // Lowered meanwhile: say so rather than call someone else unannounced.
            return Err(CommandError::invalid(messages::queue_empty(loc)));
        }
        let then = queue.get(1).map(|h| h.name.as_str());
        Ok(Reply::public(if skip {
            messages::skipped(loc, &next.name, then)
        } else {
            messages::floor_to(loc, &next.name, next.topic.as_deref(), then)
        }))
    }

    pub(in crate::engine) async fn queue_clear(
        &self,
        group: &Group,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let n = self.store().clear_hands(session.id).await?;
        if n == 0 {
            return Err(CommandError::invalid(messages::queue_empty(loc)));
        }
        Ok(Reply::public(messages::queue_cleared(loc, n)))
    }

    pub(in crate::engine) async fn queue_mode(
        &self,
        group: &Group,
        progressive: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        self.store()
            .set_queue_progressive(session.id, progressive)
            .await?;
        Ok(Reply::public(messages::queue_mode(loc, progressive)))
    }
}
