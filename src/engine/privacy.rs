//! A member's own data: `privacy my-data` and `privacy forget-me`.

use super::{Caller, CommandError, Engine, Reply};
use crate::domain::anon::forget_tag;
use crate::ports::FileOut;

impl Engine {
    pub(super) async fn my_data(&self, caller: &Caller) -> Result<Reply, CommandError> {
        let data = self.store().member_data(&caller.key.key()).await?;
        let json =
            serde_json::to_vec_pretty(&data).map_err(|e| CommandError::Internal(e.to_string()))?;
        let text = format!(
            "Here is what colloquy holds about you: {} {}, {} {} (anonymous votes cannot be linked to you, so they are not included).{}",
            data.replies.len(),
            if data.replies.len() == 1 {
                "reply"
            } else {
                "replies"
            },
            data.votes.len(),
            if data.votes.len() == 1 {
                "vote"
            } else {
                "votes"
            },
            if data.member.is_none() {
                " You have no record here."
            } else {
                ""
            }
        );
        Ok(Reply {
            text,
            files: vec![FileOut {
                name: "my-colloquy-data.json".into(),
                mime: "application/json".into(),
                bytes: json,
                description: "Your replies and votes as JSON".into(),
            }],
            private: true,
            confidential: true,
        })
    }

    pub(super) async fn forget_me(
        &self,
        caller: &Caller,
        confirm: bool,
    ) -> Result<Reply, CommandError> {
        let key = caller.key.key();
        if !confirm {
            let data = self.store().member_data(&key).await?;
            return Ok(Reply::confidential(format!(
                "This deletes your {} replies, your {} votes and your member record, everywhere colloquy runs, and rebuilds the summaries that quoted you. Messages already posted in the chat stay there. Anonymous votes stay, unlinkable. To go ahead: `privacy forget-me --confirm`.",
                data.replies.len(),
                data.votes.len()
            )));
        }
        let sessions = self.store().member_sessions(&key).await?;
        let had_record = self.store().member_data(&key).await?.member.is_some();
        let tag = forget_tag(&self.inner.secret, &caller.key);
        let (replies, votes) = self
            .store()
            .forget_member(&key, &tag, super::store_ms(self.now()))
            .await?;
        // Rebuild the stored summaries of those sessions without the member.
        for session_id in sessions {
            if let Some(s) = self.store().session(session_id).await?
                && !s.is_open()
            {
                self.summarize_session(session_id, true).await?;
            }
        }
        tracing::info!(replies, votes, "a member was forgotten");
        let deleted = if had_record || replies > 0 || votes > 0 {
            format!(
                "Done: {replies} {} and {votes} {} deleted, and your member record is gone.",
                if replies == 1 { "reply" } else { "replies" },
                if votes == 1 { "vote" } else { "votes" }
            )
        } else {
            "Done: colloquy held nothing about you, so nothing was deleted.".to_string()
        };
        Ok(Reply::confidential(format!(
            "{deleted} Nothing you wrote or voted before now will be recorded again, even when the bot restarts and reads the chat's history. If you take part again (write in a session or vote), that is recorded as usual, and `privacy forget-me` removes it again."
        )))
    }

    pub(super) async fn quotes(&self, caller: &Caller, allow: bool) -> Result<Reply, CommandError> {
        let key = caller.key.key();
        self.store()
            .touch_member(
                &key,
                &super::record::clean_name(&caller.name),
                super::store_ms(self.now()),
            )
            .await?;
        self.store().set_quotes_allowed(&key, allow).await?;
        if !allow {
            // Stored summaries (and the archives made from them) stop naming the member.
            for session_id in self.store().member_sessions(&key).await? {
                if let Some(s) = self.store().session(session_id).await?
                    && !s.is_open()
                    && self.store().session_summary(session_id).await?.is_some()
                {
                    self.summarize_session(session_id, true).await?;
                }
            }
            self.store().mark_archives_stale().await?;
        }
        Ok(Reply::confidential(if allow {
            "Summaries may quote you by name again."
        } else {
            "From now on summaries quote you as \"a member\", never by name, and the optional LLM may not name you."
        }))
    }
}
