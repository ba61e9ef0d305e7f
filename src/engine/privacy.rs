//! A member's own data: `privacy my-data` and `privacy forget-me`.

use super::{Caller, CommandError, Engine, Reply};
use crate::domain::anon::forget_tag;
use crate::i18n::Locale;
use crate::ports::FileOut;
use crate::store::MemberData;
use crate::t;

/// "5 votes (2 on claim cards, 1 quiz answer)".
fn votes_described(data: &MemberData, loc: Locale) -> String {
    let cards = data.votes.iter().filter(|v| v.kind == "claim card").count();
    let quiz = data.votes.iter().filter(|v| v.kind == "quiz").count();
    let mut kinds = Vec::new();
    if cards > 0 {
        kinds.push(t!(loc, "privacy-votes-on-cards", n = cards));
    }
    if quiz > 0 {
        kinds.push(t!(loc, "privacy-quiz-answers", n = quiz));
    }
    let all = t!(loc, "count-votes", n = data.votes.len());
    if kinds.is_empty() {
        all
    } else {
        format!("{all} ({})", kinds.join(", "))
    }
}

/// "3 claims you proposed (1 approved, 1 waiting for review, 1 rejected)", if any.
fn claims_described(data: &MemberData, loc: Locale) -> Option<String> {
    if data.claims.is_empty() {
        return None;
    }
    let of = |status: &str| data.claims.iter().filter(|c| c.status == status).count();
    let mut parts = Vec::new();
    if of("approved") > 0 {
        parts.push(t!(loc, "privacy-claims-approved", n = of("approved")));
    }
    if of("pending") > 0 {
        parts.push(t!(loc, "privacy-claims-pending", n = of("pending")));
    }
    if of("rejected") > 0 {
        parts.push(t!(loc, "privacy-claims-rejected", n = of("rejected")));
    }
    Some(t!(
        loc,
        "privacy-claims-proposed",
        n = data.claims.len(),
        parts = parts.join(", ")
    ))
}

impl Engine {
    pub(super) async fn my_data(
        &self,
        caller: &Caller,
        loc: Locale,
    ) -> Result<Reply, CommandError> {
        let data = self.store().member_data(&caller.key.key()).await?;
        let json =
            serde_json::to_vec_pretty(&data).map_err(|e| CommandError::Internal(e.to_string()))?;
        let replies = t!(loc, "count-replies", n = data.replies.len());
        let votes = votes_described(&data, loc);
        let mut text = match claims_described(&data, loc) {
            Some(claims) => t!(
                loc,
                "privacy-my-data-claims",
                replies = replies,
                votes = votes,
                claims = claims
            ),
            None => t!(loc, "privacy-my-data", replies = replies, votes = votes),
        };
        if data.member.is_none() {
            text.push(' ');
            text.push_str(&t!(loc, "privacy-no-record"));
        }
        Ok(Reply {
            text,
            files: vec![FileOut {
                name: "my-colloquy-data.json".into(),
                mime: "application/json".into(),
                bytes: json,
                description: t!(loc, "privacy-my-data-file"),
            }],
            private: true,
            confidential: true,
        })
    }

    pub(super) async fn forget_me(
        &self,
        caller: &Caller,
        confirm: bool,
        loc: Locale,
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
            let mut text = if unapproved > 0 {
                t!(
                    loc,
                    "privacy-forget-ask-claims",
                    replies = t!(loc, "count-replies", n = data.replies.len()),
                    votes = t!(loc, "count-votes", n = data.votes.len()),
                    n = unapproved
                )
            } else {
                t!(
                    loc,
                    "privacy-forget-ask",
                    replies = t!(loc, "count-replies", n = data.replies.len()),
                    votes = t!(loc, "count-votes", n = data.votes.len())
                )
            };
            if approved > 0 {
                text.push(' ');
                text.push_str(&t!(loc, "privacy-forget-cards-stay", n = approved));
            }
            text.push(' ');
            text.push_str(&t!(loc, "privacy-forget-confirm-hint"));
            return Ok(Reply::confidential(text));
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
        let replies = t!(loc, "count-replies", n = gone.replies);
        let votes = t!(loc, "count-votes", n = gone.votes);
        let deleted = if gone.claims > 0 {
            t!(
                loc,
                "privacy-forgot-with-claims",
                replies = replies,
                votes = votes,
                claims = t!(loc, "privacy-proposed-claims", n = gone.claims)
            )
        } else if had_record || gone.replies > 0 || gone.votes > 0 {
            t!(loc, "privacy-forgot", replies = replies, votes = votes)
        } else {
            t!(loc, "privacy-forgot-nothing")
        };
        Ok(Reply::confidential(format!(
            "{deleted} {}",
            t!(loc, "privacy-forgot-after")
        )))
    }

    pub(super) async fn quotes(
        &self,
        caller: &Caller,
        allow: bool,
        loc: Locale,
    ) -> Result<Reply, CommandError> {
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
            t!(loc, "privacy-quotes-on")
        } else {
            t!(loc, "privacy-quotes-off")
        }))
    }
}
