//! The [`ChatPort`] the outbox posts through: excerpt embeds with a thread, polls with
//! buttons (or native polls), results with their chart, text, direct messages.
//!
//! Every post carries the outbox key as an enforced nonce, so Discord returns the first
//! message when a send is repeated after a crash; "thread already exists" counts as done.
//! 5xx, 429, timeouts and connection errors are [`PortError::Transient`] (the outbox
//! retries); other refusals (403, 404, bad input) are [`PortError::Permanent`].

use crate::domain::poll::Phase;
use std::sync::Arc;

use async_trait::async_trait;
use poise::serenity_prelude as serenity;

use super::access::Access;
use super::limits::{
    MAX_ATTACHMENT_DESCRIPTION, MAX_CONTENT, MAX_EMBED_DESCRIPTION, MAX_EMBED_TOTAL, MAX_EMBEDS,
    MAX_FIELD_VALUE, POLL_EXPIRED, THREAD_EXISTS, clip, error_code, nonce, port_error,
};
use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, MemberKey, Platform};
use crate::ports::{
    ChatPort, Content, Delivered, ExcerptPost, FileOut, Outgoing, PollPost, PortError, ResultsPost,
    ThreadPost,
};
use crate::render::split_message;

/// Discord as the engine sees it.
pub struct DiscordPort {
    http: Arc<serenity::Http>,
    cache: Arc<serenity::Cache>,
    access: Arc<Access>,
}

impl DiscordPort {
    pub(crate) fn new(
        http: Arc<serenity::Http>,
        cache: Arc<serenity::Cache>,
        access: Arc<Access>,
    ) -> DiscordPort {
        DiscordPort {
            http,
            cache,
            access,
        }
    }
}

fn parse_id(what: &str, id: &str) -> Result<u64, PortError> {
    id.parse::<u64>()
        .ok()
        .filter(|n| *n != 0)
        .ok_or_else(|| PortError::Permanent(format!("\"{id}\" is not a Discord {what} id")))
}

/// A message to send: no pings, the nonce enforced.
fn message(key: &str) -> serenity::CreateMessage {
    serenity::CreateMessage::new()
        .allowed_mentions(serenity::CreateAllowedMentions::new())
        .nonce(nonce(key))
        .enforce_nonce(true)
}

fn attachment(f: &FileOut) -> serenity::CreateAttachment {
    let a = serenity::CreateAttachment::bytes(f.bytes.clone(), f.name.clone());
    if f.description.trim().is_empty() {
        a
    } else {
        a.description(clip(&f.description, MAX_ATTACHMENT_DESCRIPTION))
    }
}

/// One embed of an excerpt post, kept as plain parts so its size can be counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct EmbedPart {
    pub author: Option<String>,
    pub title: Option<String>,
    pub description: String,
    pub field: Option<(String, String)>,
    pub footer: Option<String>,
}

impl EmbedPart {
    /// The characters Discord counts towards the 6000 per message.
    pub fn size(&self) -> usize {
        let n = |s: &Option<String>| s.as_ref().map_or(0, |s| s.chars().count());
        n(&self.author)
            + n(&self.title)
            + self.description.chars().count()
            + self
                .field
                .as_ref()
                .map_or(0, |(k, v)| k.chars().count() + v.chars().count())
            + n(&self.footer)
    }

    fn build(&self) -> serenity::CreateEmbed {
        let mut e = serenity::CreateEmbed::new().description(&self.description);
        if let Some(a) = &self.author {
            e = e.author(serenity::CreateEmbedAuthor::new(a));
        }
        if let Some(t) = &self.title {
            e = e.title(t);
        }
        if let Some((k, v)) = &self.field {
            e = e.field(k, v, false);
        }
        if let Some(f) = &self.footer {
            e = e.footer(serenity::CreateEmbedFooter::new(f));
        }
        e
    }
}

/// An excerpt post as messages of embeds: the first opens the thread, the others (a very
/// long excerpt) follow inside it. Each fits Discord's limits.
pub(crate) fn excerpt_messages(e: &ExcerptPost, loc: crate::i18n::Locale) -> Vec<Vec<EmbedPart>> {
    let questions: String = e
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| format!("{}. {q}", i + 1))
        .collect::<Vec<_>>()
        .join("\n");
    let text = if e.notes.is_empty() {
        e.text.clone()
    } else {
        let notes: Vec<String> = e.notes.iter().map(|n| format!("- {n}")).collect();
        format!(
            "{}\n\n**{}**\n{}",
            e.text,
            crate::t!(loc, "excerpt-notes"),
            notes.join("\n")
        )
    };
    let mut parts: Vec<EmbedPart> = split_message(&text, 3900)
        .into_iter()
        .map(|chunk| EmbedPart {
            description: clip(&chunk, MAX_EMBED_DESCRIPTION),
            ..EmbedPart::default()
        })
        .collect();
    if parts.is_empty() {
        parts.push(EmbedPart::default());
    }
    parts[0].author = Some(crate::t!(
        loc,
        "discord-excerpt-author",
        position = e.position,
        total = e.total
    ));
    parts[0].title = Some(clip(&e.title, 256));
    let footer = match &e.author {
        Some(a) => crate::t!(loc, "discord-excerpt-footer-by", author = clip(a, 200)),
        None => crate::t!(loc, "discord-excerpt-footer"),
    };
    let last = parts.len() - 1;
    parts[last].footer = Some(footer);
    if !questions.is_empty() {
        let title = crate::t!(loc, "excerpt-questions");
        let fits_field = questions.chars().count() <= MAX_FIELD_VALUE
            && parts[last].size() + title.chars().count() + questions.chars().count()
                <= MAX_EMBED_TOTAL;
        if fits_field {
            parts[last].field = Some((title, questions));
        } else {
            for (i, chunk) in split_message(&questions, 3900).into_iter().enumerate() {
                parts.push(EmbedPart {
                    title: (i == 0).then(|| title.clone()),
                    description: clip(&chunk, MAX_EMBED_DESCRIPTION),
                    ..EmbedPart::default()
                });
            }
        }
    }
    // Pack into messages of at most 10 embeds and 6000 characters.
    let mut messages: Vec<Vec<EmbedPart>> = Vec::new();
    let mut current: Vec<EmbedPart> = Vec::new();
    let mut size = 0;
    for p in parts {
        if !current.is_empty() && (current.len() == MAX_EMBEDS || size + p.size() > MAX_EMBED_TOTAL)
        {
            messages.push(std::mem::take(&mut current));
            size = 0;
        }
        size += p.size();
        current.push(p);
    }
    if !current.is_empty() {
        messages.push(current);
    }
    messages
}

/// A native poll's duration: whole hours to the deadline, 1 h to 32 days.
pub(crate) fn native_hours(p: &PollPost, now: chrono::DateTime<chrono::Utc>) -> u64 {
    let minutes = (p.closes_at - now).num_minutes().max(0);
    ((minutes + 30) / 60).clamp(1, 768) as u64
}

impl DiscordPort {
    async fn send(
        &self,
        channel: serenity::ChannelId,
        builder: serenity::CreateMessage,
    ) -> Result<serenity::Message, PortError> {
        channel
            .send_message(&*self.http, builder)
            .await
            .map_err(|e| port_error(&e))
    }

    /// Markdown in parts of at most 2000 characters, files on the first.
    async fn send_text(
        &self,
        channel: serenity::ChannelId,
        key: &str,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<serenity::Message, PortError> {
        let mut parts = split_message(markdown, MAX_CONTENT);
        if parts.iter().all(|p| p.trim().is_empty()) && files.is_empty() {
            parts = vec!["(empty)".to_string()];
        }
        let mut first: Option<serenity::Message> = None;
        for (i, part) in parts.iter().enumerate() {
            let key = if i == 0 {
                key.to_string()
            } else {
                format!("{key}-{i}")
            };
            let mut b = message(&key).content(clip(part, MAX_CONTENT));
            if i == 0 {
                b = b.add_files(files.iter().map(attachment));
            }
            let m = self.send(channel, b).await?;
            first.get_or_insert(m);
        }
        first.ok_or_else(|| PortError::Permanent("nothing to send".into()))
    }

    async fn deliver_excerpt(
        &self,
        channel: serenity::ChannelId,
        key: &str,
        e: &ExcerptPost,
        loc: crate::i18n::Locale,
    ) -> Result<Delivered, PortError> {
        let messages = excerpt_messages(e, loc);
        let mut rest = messages.into_iter();
        let first = rest.next().unwrap_or_default();
        let post = self
            .send(
                channel,
                message(key).embeds(first.iter().map(EmbedPart::build).collect()),
            )
            .await?;
        let name = clip(&e.thread_name, 100);
        let thread = serenity::CreateThread::new(if name.trim().is_empty() {
            crate::t!(
                loc,
                "discord-excerpt-author",
                position = e.position,
                total = e.total
            )
        } else {
            name
        })
        .auto_archive_duration(serenity::AutoArchiveDuration::OneWeek);
        let thread_id = match channel
            .create_thread_from_message(&*self.http, post.id, thread)
            .await
        {
            Ok(t) => t.id,
            Err(err) if error_code(&err).is_some_and(|(_, c)| c == THREAD_EXISTS) => {
                serenity::ChannelId::new(post.id.get())
            }
            Err(err) => return Err(port_error(&err)),
        };
        for (i, embeds) in rest.enumerate() {
            let b = message(&format!("{key}-p{}", i + 1))
                .embeds(embeds.iter().map(EmbedPart::build).collect());
            self.send(thread_id, b).await?;
        }
        Ok(Delivered {
            message_id: post.id.get().to_string(),
            thread_id: Some(thread_id.get().to_string()),
        })
    }

    /// A post that opens a thread (a breakout room).
    async fn deliver_thread(
        &self,
        channel: serenity::ChannelId,
        key: &str,
        t: &ThreadPost,
    ) -> Result<Delivered, PortError> {
        let post = self.send_text(channel, key, &t.markdown, &[]).await?;
        let name = clip(&t.name, 100);
        let thread = serenity::CreateThread::new(if name.trim().is_empty() {
            "Breakout".to_string()
        } else {
            name
        })
        .auto_archive_duration(serenity::AutoArchiveDuration::OneDay);
        let thread_id = match channel
            .create_thread_from_message(&*self.http, post.id, thread)
            .await
        {
            Ok(t) => t.id,
            Err(err) if error_code(&err).is_some_and(|(_, c)| c == THREAD_EXISTS) => {
                serenity::ChannelId::new(post.id.get())
            }
            Err(err) => return Err(port_error(&err)),
        };
        Ok(Delivered {
            message_id: post.id.get().to_string(),
            thread_id: Some(thread_id.get().to_string()),
        })
    }

    async fn deliver_poll(
        &self,
        channel: serenity::ChannelId,
        key: &str,
        p: &PollPost,
    ) -> Result<Delivered, PortError> {
        let b = if p.native {
            let answers = p
                .options
                .iter()
                .map(|o| serenity::CreatePollAnswer::new().text(clip(o, 55)))
                .collect();
            let poll = serenity::CreatePoll::new()
                .question(clip(&p.claim, 300))
                .answers(answers)
                .duration(std::time::Duration::from_secs(
                    native_hours(p, chrono::Utc::now()) * 3600,
                ));
            let phase = match p.phase {
                Some(Phase::Pre) => " (before the discussion)",
                Some(Phase::Post) => " (after the discussion)",
                None => "",
            };
            message(key)
                .content(format!(
                    "**Poll #{}{phase}** · closes {}.",
                    p.poll_id, p.closes_local
                ))
                .poll(poll)
        } else {
            message(key)
                .content(clip(&p.markdown, MAX_CONTENT))
                .components(super::buttons::poll_rows(p.poll_id, &p.options, p.locale))
        };
        let m = self.send(channel, b).await?;
        Ok(Delivered {
            message_id: m.id.get().to_string(),
            thread_id: None,
        })
    }

    async fn deliver_results(
        &self,
        channel: serenity::ChannelId,
        key: &str,
        r: &ResultsPost,
    ) -> Result<Delivered, PortError> {
        let files: Vec<FileOut> = r.chart.iter().cloned().collect();
        let posted = self.send_text(channel, key, &r.markdown, &files).await?;
        if let Some(poll_message) = r.poll_message_id.as_deref() {
            let poll_message = serenity::MessageId::new(parse_id("message", poll_message)?);
            if r.native {
                self.expire_native(channel, poll_message).await?;
            } else {
                self.disable_buttons(channel, poll_message).await?;
            }
        }
        Ok(Delivered {
            message_id: posted.id.get().to_string(),
            thread_id: None,
        })
    }

    /// End a native poll now (done already, or the message gone: nothing to do).
    async fn expire_native(
        &self,
        channel: serenity::ChannelId,
        message: serenity::MessageId,
    ) -> Result<(), PortError> {
        match self.http.expire_poll(channel, message).await {
            Ok(_) => Ok(()),
            Err(e) => match error_code(&e) {
                Some((_, POLL_EXPIRED)) | Some((404, _)) => Ok(()),
                _ => match port_error(&e) {
                    PortError::Transient(t) => Err(PortError::Transient(t)),
                    PortError::Permanent(t) => {
                        tracing::warn!(error = %t, "cannot end the native poll");
                        Ok(())
                    }
                },
            },
        }
    }

    /// Grey out a closed poll's buttons (a deleted message needs nothing).
    async fn disable_buttons(
        &self,
        channel: serenity::ChannelId,
        message: serenity::MessageId,
    ) -> Result<(), PortError> {
        let m = match self.http.get_message(channel, message).await {
            Ok(m) => m,
            Err(e) if matches!(error_code(&e), Some((404, _))) => return Ok(()),
            Err(e) => return Err(port_error(&e)),
        };
        let rows = super::buttons::disabled(&m.components);
        if rows.is_empty() {
            return Ok(());
        }
        let edit = serenity::EditMessage::new()
            .components(rows)
            .allowed_mentions(serenity::CreateAllowedMentions::new());
        match channel.edit_message(&*self.http, message, edit).await {
            Ok(_) => Ok(()),
            Err(e) => match port_error(&e) {
                PortError::Transient(t) => Err(PortError::Transient(t)),
                PortError::Permanent(t) => {
                    tracing::warn!(error = %t, "cannot disable a closed poll's buttons");
                    Ok(())
                }
            },
        }
    }

    /// The server a channel belongs to: from the cache, else over REST.
    async fn guild_of(
        &self,
        channel: serenity::ChannelId,
    ) -> Result<Option<serenity::GuildId>, PortError> {
        for g in self.cache.guilds() {
            if let Some(guild) = self.cache.guild(g)
                && (guild.channels.contains_key(&channel)
                    || guild.threads.iter().any(|t| t.id == channel))
            {
                return Ok(Some(g));
            }
        }
        match self.http.get_channel(channel).await {
            Ok(serenity::Channel::Guild(c)) => Ok(Some(c.guild_id)),
            Ok(_) => Ok(None),
            Err(e) if matches!(error_code(&e), Some((404, _)) | Some((403, _))) => Ok(None),
            Err(e) => Err(port_error(&e)),
        }
    }
}

#[async_trait]
impl ChatPort for DiscordPort {
    fn platform(&self) -> Platform {
        Platform::Discord
    }

    fn max_message_chars(&self) -> usize {
        MAX_CONTENT
    }

    #[tracing::instrument(skip_all, fields(key = %post.key, channel = %post.channel))]
    async fn deliver(&self, post: &Outgoing) -> Result<Delivered, PortError> {
        if post.channel.platform != Platform::Discord {
            return Err(PortError::Permanent(format!(
                "{} is not a Discord channel",
                post.channel
            )));
        }
        let channel = serenity::ChannelId::new(parse_id("channel", &post.channel.id)?);
        let target = match post.thread.as_deref() {
            Some(t) => serenity::ChannelId::new(parse_id("thread", t)?),
            None => channel,
        };
        let delivered = match &post.content {
            Content::Excerpt(e) => {
                self.deliver_excerpt(channel, &post.key, e, post.locale)
                    .await?
            }
            Content::Poll(p) => self.deliver_poll(target, &post.key, p).await?,
            Content::PollResults(r) => self.deliver_results(target, &post.key, r).await?,
            Content::Thread(t) => self.deliver_thread(channel, &post.key, t).await?,
            Content::Agenda(a) => {
                let b = message(&post.key)
                    .content(clip(&a.markdown, MAX_CONTENT))
                    .components(super::buttons::hand_rows(a.session_id, post.locale));
                let m = self.send(target, b).await?;
                Delivered {
                    message_id: m.id.get().to_string(),
                    thread_id: None,
                }
            }
            Content::Text { markdown, files } => {
                let m = self.send_text(target, &post.key, markdown, files).await?;
                Delivered {
                    message_id: m.id.get().to_string(),
                    thread_id: None,
                }
            }
        };
        tracing::info!(message = %delivered.message_id, "posted to discord");
        Ok(delivered)
    }

    async fn role_in(&self, channel: &ChannelKey, member: &MemberKey) -> Result<Role, PortError> {
        if channel.platform != Platform::Discord || member.platform != Platform::Discord {
            return Ok(Role::Stranger);
        }
        let channel = serenity::ChannelId::new(parse_id("channel", &channel.id)?);
        let user = serenity::UserId::new(parse_id("user", &member.id)?);
        let Some(guild) = self.guild_of(channel).await? else {
            return Ok(Role::Stranger);
        };
        let cached = self
            .cache
            .guild(guild)
            .and_then(|g| g.members.get(&user).cloned());
        let found = match cached {
            Some(m) => m,
            None => match self.http.get_member(guild, user).await {
                Ok(m) => m,
                Err(e) if matches!(error_code(&e), Some((404, _))) => return Ok(Role::Stranger),
                Err(e) => return Err(port_error(&e)),
            },
        };
        Ok(self
            .access
            .role_of(&self.cache, &self.http, Some(guild), Some(&found))
            .await)
    }

    async fn send_private(
        &self,
        member: &MemberKey,
        markdown: &str,
        files: &[FileOut],
    ) -> Result<(), PortError> {
        if member.platform != Platform::Discord {
            return Err(PortError::Permanent(format!(
                "{member} is not a Discord member"
            )));
        }
        let user = serenity::UserId::new(parse_id("user", &member.id)?);
        let dm = user
            .create_dm_channel(&*self.http)
            .await
            .map_err(|e| port_error(&e))?;
        // A private message is not an outbox post: a fresh random key each time (a
        // clock-based key would repeat for two messages in one millisecond, and Discord
        // drops a message whose nonce it saw moments ago).
        let key = format!("dm-{:016x}", rand::random::<u64>());
        self.send_text(dm.id, &key, markdown, files).await?;
        Ok(())
    }

    /// `https://discord.com/channels/GUILD/CHANNEL/MESSAGE`, the channel being the
    /// session's thread when it has one. The guild is not stored: it is looked up (in the
    /// cache first) from the channel.
    async fn message_link(
        &self,
        channel: &ChannelKey,
        thread: Option<&str>,
        message_id: &str,
    ) -> Result<Option<String>, PortError> {
        if channel.platform != Platform::Discord {
            return Ok(None);
        }
        let posted_in = thread.unwrap_or(&channel.id);
        let (Ok(posted_in_id), Ok(_)) = (posted_in.parse::<u64>(), message_id.parse::<u64>())
        else {
            return Ok(None);
        };
        let group_channel = serenity::ChannelId::new(parse_id("channel", &channel.id)?);
        let guild = match self.guild_of(group_channel).await? {
            Some(g) => Some(g),
            None => {
                self.guild_of(serenity::ChannelId::new(posted_in_id))
                    .await?
            }
        };
        Ok(guild.map(|g| discord_message_link(g.get(), posted_in_id, message_id)))
    }
}

/// A Discord jump URL.
fn discord_message_link(guild: u64, channel: u64, message: &str) -> String {
    format!("https://discord.com/channels/{guild}/{channel}/{message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jump_links() {
        assert_eq!(
            discord_message_link(11, 22, "33"),
            "https://discord.com/channels/11/22/33"
        );
    }

    fn post(text: &str, questions: usize) -> ExcerptPost {
        ExcerptPost {
            session_id: 1,
            title: "Institutions and Trust".into(),
            author: Some("Rosa Delgado".into()),
            position: 2,
            total: 7,
            text: text.into(),
            notes: Vec::new(),
            questions: (0..questions)
                .map(|i| format!("What does question {i} ask about the excerpt's claim?"))
                .collect(),
            markdown: String::new(),
            thread_name: "Institutions and Trust · 2 of 7".into(),
        }
    }

    fn within_limits(messages: &[Vec<EmbedPart>]) {
        for m in messages {
            assert!(!m.is_empty() && m.len() <= MAX_EMBEDS);
            assert!(m.iter().map(EmbedPart::size).sum::<usize>() <= MAX_EMBED_TOTAL);
            for e in m {
                assert!(e.description.chars().count() <= MAX_EMBED_DESCRIPTION);
                if let Some((_, v)) = &e.field {
                    assert!(v.chars().count() <= MAX_FIELD_VALUE);
                }
            }
        }
    }

    #[test]
    fn a_usual_excerpt_is_one_embed_with_its_questions() {
        let m = excerpt_messages(
            &post(&"Courts act predictably. ".repeat(60), 4),
            crate::i18n::Locale::En,
        );
        within_limits(&m);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].len(), 1);
        let e = &m[0][0];
        assert_eq!(e.author.as_deref(), Some("Excerpt 2 of 7"));
        assert_eq!(e.title.as_deref(), Some("Institutions and Trust"));
        let (name, questions) = e.field.clone().unwrap();
        assert_eq!(name, "Questions for discussion");
        assert!(questions.starts_with("1. What does question 0"));
    }

    #[test]
    fn a_long_excerpt_is_split_within_discords_limits() {
        let text = (0..120)
            .map(|p| {
                format!(
                    "Paragraph {p}. {}",
                    "Trust grows slowly in institutions. ".repeat(8)
                )
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let m = excerpt_messages(&post(&text, 40), crate::i18n::Locale::En);
        within_limits(&m);
        assert!(m.len() > 1);
        let all: String = m
            .iter()
            .flatten()
            .map(|e| e.description.clone())
            .collect::<Vec<_>>()
            .join("\n\n");
        assert!(all.contains("Paragraph 0.") && all.contains("Paragraph 119."));
        assert!(all.contains("40. What does question 39"));
    }

    #[test]
    fn native_poll_hours_round_and_clamp() {
        let now = chrono::Utc::now();
        let mut p = PollPost {
            poll_id: 1,
            claim: "c".into(),
            options: vec!["Yes".into(), "No".into()],
            closes_at: now + chrono::Duration::hours(3),
            closes_local: String::new(),
            anonymous: false,
            hidden: false,
            phase: None,
            native: true,
            markdown: String::new(),
            locale: crate::i18n::Locale::En,
        };
        assert_eq!(native_hours(&p, now), 3);
        p.closes_at = now + chrono::Duration::minutes(5);
        assert_eq!(native_hours(&p, now), 1);
        p.closes_at = now + chrono::Duration::days(60);
        assert_eq!(native_hours(&p, now), 768);
    }
}
