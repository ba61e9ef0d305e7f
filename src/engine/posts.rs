//! What the outbox holds, and turning an outbox row into a post for a platform.

use serde::{Deserialize, Serialize};

use super::{CommandError, Engine};
use crate::ports::{Content, Outgoing};
use crate::store::{OutboxRow, Store};

/// A post the bot owes, as stored in the outbox. Content is rendered when it is sent,
/// from the database, so a retry after a restart sends the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxPayload {
    Excerpt {
        session_id: i64,
    },
    PollOpen {
        poll_id: i64,
    },
    PollClosed {
        poll_id: i64,
    },
    Summary {
        session_id: i64,
    },
    Digest {
        group_id: i64,
        week: String,
    },
    Notice {
        text: String,
    },
    /// A live seminar's posts (agenda, items, breakouts, open actions).
    Live(super::live::LivePost),
}

impl OutboxPayload {
    /// The key that makes queueing this post idempotent.
    pub fn dedupe_key(&self) -> String {
        match self {
            OutboxPayload::Excerpt { session_id } => format!("excerpt:{session_id}"),
            OutboxPayload::PollOpen { poll_id } => format!("poll-open:{poll_id}"),
            OutboxPayload::PollClosed { poll_id } => format!("poll-closed:{poll_id}"),
            OutboxPayload::Summary { session_id } => format!("summary:{session_id}"),
            OutboxPayload::Digest { group_id, week } => format!("digest:{group_id}:{week}"),
            OutboxPayload::Notice { text } => format!("notice:{}", text.len()),
            OutboxPayload::Live(post) => post.dedupe_key(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// (dedupe key, JSON), as the store takes them.
    pub fn entry(&self) -> (String, String) {
        (self.dedupe_key(), self.to_json())
    }
}

impl Engine {
    /// Render an outbox row into the post to send.
    pub async fn render_outgoing(&self, row: &OutboxRow) -> Result<Outgoing, CommandError> {
        let payload: OutboxPayload = serde_json::from_str(&row.payload).map_err(|e| {
            CommandError::Internal(format!("outbox row {} is unreadable: {e}", row.id))
        })?;
        let group =
            self.store().group(row.group_id).await?.ok_or_else(|| {
                CommandError::Internal(format!("outbox row {} has no group", row.id))
            })?;
        let channel = group
            .channel_key()
            .map_err(|e| CommandError::Internal(format!("group {} channel: {e}", group.id)))?;
        let mut thread = None;
        let content = match payload {
            OutboxPayload::Excerpt { session_id } => {
                let session = self.store().session(session_id).await?.ok_or_else(|| {
                    CommandError::Internal(format!("session {session_id} is gone"))
                })?;
                let excerpt_id = session.excerpt_id.ok_or_else(|| {
                    CommandError::Internal(format!("session {session_id} has no excerpt"))
                })?;
                let excerpt = self.store().excerpt(excerpt_id).await?.ok_or_else(|| {
                    CommandError::Internal(format!("excerpt {excerpt_id} is gone"))
                })?;
                // Only on the first attempt: a retried post keeps whatever questions the
                // first attempt left, rather than waiting on a failing LLM again.
                if row.attempts == 0 {
                    self.llm_questions(&excerpt, row.group_id).await?;
                }
                Content::Excerpt(self.excerpt_post(&excerpt, session_id).await?)
            }
            OutboxPayload::PollOpen { poll_id } => Content::Poll(self.poll_post(poll_id).await?),
            OutboxPayload::PollClosed { poll_id } => {
                Content::PollResults(self.results_post(poll_id).await?)
            }
            OutboxPayload::Summary { session_id } => {
                let outcome = self.summarize_session(session_id, true).await?;
                let mut markdown = outcome.markdown;
                if let Some(link) = self.archive_link(&group, session_id) {
                    markdown.push_str("\n\n");
                    markdown.push_str(&crate::t!(
                        group.locale(),
                        "session-archive-link",
                        link = link.as_str()
                    ));
                }
                Content::Text {
                    markdown,
                    files: Vec::new(),
                }
            }
            OutboxPayload::Digest { group_id, week } => {
                let markdown = self.digest_markdown(group_id, &week).await?;
                Content::Text {
                    markdown,
                    files: Vec::new(),
                }
            }
            OutboxPayload::Notice { text } => Content::Text {
                markdown: text,
                files: Vec::new(),
            },
            OutboxPayload::Live(post) => {
                let (in_thread, content) = self.render_live(&group, &post).await?;
                thread = in_thread;
                content
            }
        };
        Ok(Outgoing {
            channel,
            thread,
            key: format!("cq-{}", row.id),
            content: defang(content),
            locale: group.locale(),
        })
    }

    /// Record a successful send: the outbox row and where the post went.
    pub async fn record_delivery(
        &self,
        row: &OutboxRow,
        delivered: &crate::ports::Delivered,
    ) -> Result<(), CommandError> {
        let payload: Option<OutboxPayload> = serde_json::from_str(&row.payload).ok();
        let mut tx = self.store().write_tx().await?;
        match payload {
            Some(OutboxPayload::Excerpt { session_id }) => {
                Store::set_session_anchors_tx(
                    &mut tx,
                    session_id,
                    &delivered.message_id,
                    delivered.thread_id.as_deref(),
                )
                .await?;
            }
            Some(OutboxPayload::PollOpen { poll_id }) => {
                Store::set_poll_message_tx(&mut tx, poll_id, &delivered.message_id).await?;
            }
            Some(OutboxPayload::Live(post)) => {
                Engine::record_live_delivery(&mut tx, &post, delivered).await?;
            }
            _ => {}
        }
        Store::outbox_sent_tx(
            &mut tx,
            row.id,
            &delivered.message_id,
            super::store_ms(self.now()),
        )
        .await?;
        tx.commit().await?;
        self.inner.sessions.invalidate();
        Ok(())
    }
}

/// Member-written text in a post must not ping a whole channel or room.
fn defang(content: Content) -> Content {
    use crate::domain::text::defang_mentions as d;
    match content {
        Content::Excerpt(mut e) => {
            e.title = d(&e.title);
            e.text = d(&e.text);
            e.markdown = d(&e.markdown);
            e.questions = e.questions.iter().map(|q| d(q)).collect();
            e.thread_name = d(&e.thread_name);
            Content::Excerpt(e)
        }
        Content::Poll(mut p) => {
            p.claim = d(&p.claim);
            p.options = p.options.iter().map(|o| d(o)).collect();
            p.markdown = d(&p.markdown);
            Content::Poll(p)
        }
        Content::PollResults(mut r) => {
            r.markdown = d(&r.markdown);
            Content::PollResults(r)
        }
        Content::Text { markdown, files } => Content::Text {
            markdown: d(&markdown),
            files,
        },
        Content::Thread(mut t) => {
            t.name = d(&t.name);
            t.markdown = d(&t.markdown);
            Content::Thread(t)
        }
        Content::Agenda(mut a) => {
            a.markdown = d(&a.markdown);
            Content::Agenda(a)
        }
    }
}
