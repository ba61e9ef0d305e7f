//! Hands raised by a reaction on the agenda post (Matrix: ✋): the reaction raises the
//! reacting member's hand once (the same reaction read again after a restart raises
//! nothing), and taking that reaction back lowers the hand it raised, if that hand is
//! still waiting. A hand raised by a command is never lowered by a reaction.

use crate::domain::ids::MemberKey;
use crate::engine::{CommandError, Engine, Reply};
use crate::t;

impl Engine {
    /// `member` reacted with a raised hand (event `reaction`) on the post `post`. `None`:
    /// not an agenda post, or a reaction already counted (nothing to tell anyone).
    /// Otherwise the member's place in the queue, privately; an error says why no hand
    /// went up (already up, the session over).
    pub async fn hand_by_reaction(
        &self,
        post: &str,
        reaction: &str,
        member: &MemberKey,
        name: &str,
    ) -> Result<Option<Reply>, CommandError> {
        let Some((session_id, open)) = self.store().session_of_agenda_message(post).await? else {
            return Ok(None);
        };
        let Some(session) = self.store().session(session_id).await? else {
            return Ok(None);
        };
        let loc = self.locale_of_group(session.group_id).await?;
        if !open || !session.is_open() {
            return Err(CommandError::invalid(t!(loc, "hand-reaction-session-over")));
        }
        if self
            .store()
            .hand_raised_by_exists(session.id, reaction)
            .await?
        {
            return Ok(None);
        }
        let mut reply = self
            .raise_hand_in(loc, &session, member, name, None, Some(reaction))
            .await?;
        reply.text = format!("{}\n{}", reply.text, t!(loc, "hand-reaction-lower-hint"));
        Ok(Some(reply))
    }

    /// The reaction `reaction` was taken back (redacted). If it raised a hand that is still
    /// waiting, that hand goes down: whose it was and what to tell them. `None` for any
    /// other event, or when the hand was already called, lowered or cleared.
    pub async fn hand_reaction_withdrawn(
        &self,
        reaction: &str,
    ) -> Result<Option<(MemberKey, Reply)>, CommandError> {
        let Some((session_id, key)) = self.store().lower_hand_raised_by(reaction).await? else {
            return Ok(None);
        };
        let member: MemberKey = key
            .parse()
            .map_err(|e| CommandError::Internal(format!("hand of {key}: {e}")))?;
        let loc = match self.store().session(session_id).await? {
            Some(s) => self.locale_of_group(s.group_id).await?,
            None => crate::i18n::Locale::En,
        };
        Ok(Some((
            member,
            Reply::private(t!(loc, "hand-reaction-lowered")),
        )))
    }
}
