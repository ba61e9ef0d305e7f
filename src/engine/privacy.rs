//! A member's own data: `privacy my-data` and `privacy forget-me`.

use super::{Caller, CommandError, Engine, Reply};
use crate::domain::anon::forget_tag;
use crate::domain::words::count;
use crate::ports::FileOut;
use crate::store::MemberData;

/// "5 votes (2 on claim cards, 1 quiz answer)".
fn votes_described(data: &MemberData) -> String {
    let cards = data.votes.iter().filter(|v| v.kind == "claim card").count();
    let quiz = data.votes.iter().filter(|v| v.kind == "quiz").count();
    let mut kinds = Vec::new();
    if cards > 0 {
        kinds.push(if cards == 1 {
            "1 on a claim card".to_string()
        } else {
            format!("{cards} on claim cards")
        });
    }
    if quiz > 0 {
        kinds.push(count(quiz, "quiz answer", "quiz answers"));
    }
    let all = count(data.votes.len(), "vote", "votes");
    if kinds.is_empty() {
        all
    } else {
        format!("{all} ({})", kinds.join(", "))
    }
}

/// " and 3 claims you proposed (1 approved, 1 waiting for review, 1 rejected)".
fn claims_described(data: &MemberData) -> String {
    if data.claims.is_empty() {
        return String::new();
    }
    let of = |status: &str| data.claims.iter().filter(|c| c.status == status).count();
    let parts: Vec<String> = [
        (of("approved"), "approved"),
        (of("pending"), "waiting for review"),
        (of("rejected"), "rejected"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    format!(
        " and {} you proposed ({})",
        count(data.claims.len(), "claim", "claims"),
        parts.join(", ")
    )
}

impl Engine {
    pub(super) async fn my_data(&self, caller: &Caller) -> Result<Reply, CommandError> {
        let data = self.store().member_data(&caller.key.key()).await?;
        let json =
            serde_json::to_vec_pretty(&data).map_err(|e| CommandError::Internal(e.to_string()))?;
        let text = format!(
            "Here is what colloquy holds about you: {}, {}{} (anonymous votes cannot be linked to you, so they are not included).{}",
            count(data.replies.len(), "reply", "replies"),
            votes_described(&data),
            claims_described(&data),
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
                description: "Your replies, votes and proposed claims as JSON".into(),
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
            let unapproved = data
                .claims
                .iter()
                .filter(|c| c.status != "approved")
                .count();
            let approved = data.claims.len() - unapproved;
            let claims = match unapproved {
                0 => String::new(),
                1 => ", the claim you proposed that was not approved".to_string(),
                n => format!(", the {n} claims you proposed that were not approved"),
            };
            let cards = if approved > 0 {
                format!(
                    " {} you proposed that became vote {} {} as the group's, with no name.",
                    if approved == 1 { "The claim" } else { "Claims" },
                    if approved == 1 { "card" } else { "cards" },
                    if approved == 1 { "stays" } else { "stay" },
                )
            } else {
                String::new()
            };
            return Ok(Reply::confidential(format!(
                "This deletes your {}, your {}{} and your member record, everywhere colloquy runs, and rebuilds the summaries that quoted you or showed your reasons. Messages already posted in the chat stay there. Anonymous votes stay, unlinkable.{cards} To go ahead: `privacy forget-me --confirm`.",
                count(data.replies.len(), "reply", "replies"),
                count(data.votes.len(), "vote", "votes"),
                claims,
            )));
        }
        let sessions = self.store().member_sessions(&key).await?;
        let had_record = self.store().member_data(&key).await?.member.is_some();
        let tag = forget_tag(&self.inner.secret, &caller.key);
        let gone = self
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
        tracing::info!(
            replies = gone.replies,
            votes = gone.votes,
            claims = gone.claims,
            "a member was forgotten"
        );
        let deleted = if had_record || gone.replies > 0 || gone.votes > 0 || gone.claims > 0 {
            let mut parts = vec![
                count(gone.replies as usize, "reply", "replies"),
                count(gone.votes as usize, "vote", "votes"),
            ];
            if gone.claims > 0 {
                parts.push(count(
                    gone.claims as usize,
                    "proposed claim",
                    "proposed claims",
                ));
            }
            let last = parts.pop().unwrap_or_default();
            format!(
                "Done: {} and {last} deleted, and your member record is gone.",
                parts.join(", ")
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
