//! What adapters may ask the engine besides commands and events: the group of a channel,
//! autocomplete choices, backfill anchors, a reading's excerpts, and a narrow key-value
//! store for the adapter's own state (sync tokens, transaction prefixes, read marks).
//! Adapters never reach the store; these are the questions they ask instead.

use super::{CommandError, Engine};
use crate::domain::ids::{ChannelKey, Platform};
use crate::store::{
    ExcerptRow, Group, PollRow, QuestionRow, ReadingRow, SessionRow, Store, StoreError,
};

/// What an autocomplete offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceKind {
    Reading,
    OpenPoll,
    Poll,
    Session,
}

/// One autocomplete choice: the number to fill in and the text to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

/// An excerpt with its questions and claims, as `colloquy excerpts` shows them.
#[derive(Debug, Clone)]
pub struct ExcerptDetail {
    pub excerpt: ExcerptRow,
    pub questions: Vec<QuestionRow>,
    pub claims: Vec<String>,
}

/// The adapter's saved state could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("cannot read or write the adapter's saved state: {0}")]
pub struct StateError(#[from] StoreError);

/// The adapter's own small state, kept in the database under the adapter's prefix.
#[derive(Clone)]
pub struct AdapterState {
    store: Store,
    prefix: &'static str,
}

impl AdapterState {
    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.prefix)
    }

    pub async fn get(&self, key: &str) -> Result<Option<String>, StateError> {
        Ok(self.store.kv_get(&self.key(key)).await?)
    }

    pub async fn set(&self, key: &str, value: &str) -> Result<(), StateError> {
        Ok(self.store.kv_set(&self.key(key), value).await?)
    }

    /// Whether `channel` is set up as a group (a direct room with a member never is).
    pub async fn is_group(&self, channel: &ChannelKey) -> Result<bool, StateError> {
        Ok(self.store.group_by_channel(channel).await?.is_some())
    }
}

impl Engine {
    /// A command line that could not be read, as the refusal to show in `channel`: in its
    /// group's language (English where there is no group). Adapters show this rather than
    /// the parse error's English `Display`.
    pub async fn parse_refusal(
        &self,
        channel: &ChannelKey,
        error: crate::domain::command::ParseError,
    ) -> CommandError {
        CommandError::Parse(error).in_locale(self.locale_of(channel).await)
    }

    /// [`Engine::parse_refusal`] for a line `member` typed: in a direct chat with the bot,
    /// in the member's language ([`Engine::locale_for`]).
    pub async fn parse_refusal_for(
        &self,
        channel: &ChannelKey,
        member: &crate::domain::ids::MemberKey,
        error: crate::domain::command::ParseError,
    ) -> CommandError {
        CommandError::Parse(error).in_locale(self.locale_for_member(channel, member, None).await)
    }

    /// The group set up in `channel`, if any.
    pub async fn group_of(&self, channel: &ChannelKey) -> Result<Option<Group>, CommandError> {
        Ok(self.store().group_by_channel(channel).await?)
    }

    /// Every group, on every platform.
    pub async fn groups(&self) -> Result<Vec<Group>, CommandError> {
        Ok(self.store().groups().await?)
    }

    /// The groups on one platform.
    pub async fn groups_on(&self, platform: Platform) -> Result<Vec<Group>, CommandError> {
        let mut groups = self.store().groups().await?;
        groups.retain(|g| g.platform == platform);
        Ok(groups)
    }

    /// Up to `max` choices of `kind` in `channel`'s group whose text contains `partial`,
    /// newest first. A failure is logged and offers nothing (an autocomplete has no one to
    /// tell).
    pub async fn choices(
        &self,
        channel: &ChannelKey,
        kind: ChoiceKind,
        partial: &str,
        max: usize,
    ) -> Vec<Choice> {
        match self.try_choices(channel, kind, partial, max).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, ?kind, "cannot list autocomplete choices");
                Vec::new()
            }
        }
    }

    async fn try_choices(
        &self,
        channel: &ChannelKey,
        kind: ChoiceKind,
        partial: &str,
        max: usize,
    ) -> Result<Vec<Choice>, CommandError> {
        let Some(g) = self.group_of(channel).await? else {
            return Ok(Vec::new());
        };
        let wanted = partial.trim().trim_start_matches('#').to_lowercase();
        let mut names: Vec<(i64, String)> = Vec::new();
        let loc = g.locale();
        match kind {
            ChoiceKind::Reading => {
                for r in self.store().readings(g.id).await?.iter().rev() {
                    names.push((
                        r.id,
                        format!(
                            "#{} {} ({})",
                            r.id,
                            r.title,
                            crate::t!(
                                loc,
                                "reading-state-posted",
                                posted = r.posted,
                                total = r.excerpt_count
                            )
                        ),
                    ));
                }
            }
            ChoiceKind::OpenPoll | ChoiceKind::Poll => {
                let polls = if kind == ChoiceKind::OpenPoll {
                    self.store().open_polls(g.id).await?
                } else {
                    self.store().polls(g.id).await?
                };
                for p in polls.iter().rev() {
                    let closed = if p.is_open() {
                        String::new()
                    } else {
                        format!(" ({})", crate::t!(loc, "poll-state-closed"))
                    };
                    names.push((p.id, format!("#{} {}{closed}", p.id, p.claim)));
                }
            }
            ChoiceKind::Session => {
                for s in self.store().sessions(g.id).await?.iter().rev().take(50) {
                    let title = match self.session_title(s).await {
                        Ok(t) => t,
                        Err(e) => {
                            tracing::warn!(session = s.id, error = %e, "no title for a session");
                            crate::t!(loc, "map-scope-session", id = s.id)
                        }
                    };
                    names.push((s.id, format!("#{} {title}", s.id)));
                }
            }
        }
        Ok(names
            .into_iter()
            .filter(|(_, name)| wanted.is_empty() || name.to_lowercase().contains(&wanted))
            .take(max)
            .map(|(id, name)| Choice { id, name })
            .collect())
    }

    /// The open sessions on `platform` that have a post or thread to read history from.
    pub async fn backfill_sessions(
        &self,
        platform: Platform,
    ) -> Result<Vec<SessionRow>, CommandError> {
        Ok(self
            .store()
            .open_anchored_sessions(platform.as_str())
            .await?)
    }

    /// The platform id of the last reply recorded in a session: backfill reads after it.
    pub async fn last_reply_message(
        &self,
        session_id: i64,
    ) -> Result<Option<String>, CommandError> {
        Ok(self.store().last_reply_message(session_id).await?)
    }

    /// The poll posted as the platform message `message_id`, if it is one of ours.
    pub async fn poll_by_message(&self, message_id: &str) -> Result<Option<PollRow>, CommandError> {
        Ok(self.store().poll_by_message(message_id).await?)
    }

    /// The highest numbered message id recorded on `platform` (the console numbers its own).
    pub async fn last_numbered_message(&self, platform: Platform) -> Result<u64, CommandError> {
        Ok(self.store().max_numbered_message(platform.as_str()).await?)
    }

    /// The current excerpt session of `channel`'s group with its excerpt and reading.
    pub async fn current_excerpt(
        &self,
        channel: &ChannelKey,
    ) -> Result<Option<(SessionRow, Option<(ExcerptRow, Option<ReadingRow>)>)>, CommandError> {
        let Some(group) = self.group_of(channel).await? else {
            return Ok(None);
        };
        let Some(session) = self.store().current_excerpt_session(group.id).await? else {
            return Ok(None);
        };
        let excerpt = match session.excerpt_id {
            Some(id) => match self.store().excerpt(id).await? {
                Some(e) => {
                    let reading = self.store().reading(e.reading_id).await?;
                    Some((e, reading))
                }
                None => None,
            },
            None => None,
        };
        Ok(Some((session, excerpt)))
    }

    /// A reading and each of its excerpts with their questions and claims.
    pub async fn reading_excerpts(
        &self,
        reading: i64,
    ) -> Result<Option<(ReadingRow, Vec<ExcerptDetail>)>, CommandError> {
        let Some(r) = self.store().reading(reading).await? else {
            return Ok(None);
        };
        let mut out = Vec::new();
        for excerpt in self.store().excerpts(r.id).await? {
            let questions = self.store().questions(excerpt.id).await?;
            let claims = self.store().claims(excerpt.id).await?;
            out.push(ExcerptDetail {
                excerpt,
                questions,
                claims,
            });
        }
        Ok(Some((r, out)))
    }

    /// State for `platform`'s adapter, kept apart from every other adapter's.
    pub fn adapter_state(&self, platform: Platform) -> AdapterState {
        AdapterState {
            store: self.store().clone(),
            prefix: platform.as_str(),
        }
    }

    /// Close the database cleanly (at shutdown).
    pub async fn close(&self) {
        self.store().close().await;
    }
}
