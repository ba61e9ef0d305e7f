//! Session summaries (extractive, optionally rewritten by a local LLM), `stats`, and the
//! weekly digest.

use crate::domain::poll::{Phase, Scale};
use std::collections::{HashMap, HashSet};
use std::sync::RwLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::{CommandError, Engine, OutboxPayload, PollResultView, Reply, store_ms};
use crate::domain::command::Role;
use crate::domain::ids::{MemberKey, Platform};
use crate::domain::language::Lang;
use crate::domain::summary::{
    self, Context, Disagreement, Kind, Limits, Participation, PositionIn, Quote, ReplyIn, Summary,
    Theme,
};
use crate::store::{Group, ReplyRow, SessionRow, from_ms};

/// The members seen running facilitator commands in each group, since the start. Their
/// replies are the session's facilitation, never quoted as members' analysis. Kept in
/// memory only: a member's key is not written anywhere `privacy forget-me` would miss.
#[derive(Debug, Default)]
pub(crate) struct FacilitatorBook(RwLock<HashMap<i64, HashSet<String>>>);

impl FacilitatorBook {
    pub(crate) fn note(&self, group_id: i64, member_key: &str) {
        if let Ok(mut book) = self.0.write() {
            book.entry(group_id)
                .or_default()
                .insert(member_key.to_string());
        }
    }

    fn of(&self, group_id: i64) -> HashSet<String> {
        self.0
            .read()
            .ok()
            .and_then(|b| b.get(&group_id).cloned())
            .unwrap_or_default()
    }
}

/// What the summary template sees.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    pub session_id: i64,
    pub title: String,
    pub date: String,
    pub kind: Kind,
    /// A note for readers when the summary is partial (chatter only, another language).
    pub notice: Option<String>,
    pub participation: Participation,
    /// "unevenly (evenness 0.66)": how evenly members spoke, in words that fit the number.
    pub evenness: String,
    /// "Ana wrote 31% of the words; Hal posted once": the dominant and quiet members.
    pub voices: String,
    pub themes: Vec<Theme>,
    pub representative: Vec<Quote>,
    pub disagreements: Vec<Disagreement>,
    pub open_questions: Vec<Quote>,
    /// Lone polls and the post polls of pre/post pairs.
    pub polls: Vec<PollResultView>,
    /// The pre polls of the pairs in `polls` (their counts are shown before the post's).
    pub before: Vec<PollResultView>,
    /// The excerpt's sentence that most replies quoted or echoed (the reading map), when
    /// at least two did.
    pub most_discussed: Option<PassageView>,
    pub llm_text: Option<String>,
    pub llm_model: Option<String>,
    /// The opinion map of the session's claims (when it has claim cards), as Markdown;
    /// its lone cards are then not listed one by one in `polls`.
    pub opinion_map: Option<String>,
    /// A live seminar's record: by agenda item, breakouts, attendance (live.md.j2).
    pub live: Option<String>,
}

/// A sentence of the excerpt and how many replies engaged it.
#[derive(Debug, Clone, Serialize)]
pub struct PassageView {
    pub text: String,
    pub replies: usize,
}

/// A computed summary.
#[derive(Debug, Clone)]
pub struct SummaryOutcome {
    pub session_id: i64,
    pub markdown: String,
    pub view: SummaryView,
    pub source: &'static str,
}

/// Replies above this count are summarized on a blocking thread.
const BLOCKING_ABOVE: usize = 2_000;

/// At most this many authors are asked about on the platform (besides those seen running
/// facilitator commands), and for at most this long.
const ROLE_LOOKUPS: usize = 50;
const ROLE_LOOKUP_TIME: std::time::Duration = std::time::Duration::from_secs(3);

/// "Ana wrote 31% of the words; Hal posted once".
fn describe_voices(p: &Participation, loc: Locale) -> String {
    let wrote = |name: &str, share: f64| {
        t!(
            loc,
            "summary-wrote-share",
            name = name,
            pct = (share * 100.0).round() as u32
        )
    };
    let mut parts: Vec<String> = p.dominant.iter().map(|m| wrote(&m.name, m.share)).collect();
    for m in &p.quiet {
        parts.push(if m.replies == 1 {
            t!(loc, "summary-posted-once", name = m.name.as_str())
        } else {
            wrote(&m.name, m.share)
        });
    }
    parts.join("; ")
}

/// "fairly evenly (evenness 0.76)".
fn describe_evenness(evenness: f64, loc: Locale) -> String {
    let word = match summary::spread_word(evenness) {
        "evenly" => t!(loc, "spread-evenly"),
        "fairly evenly" => t!(loc, "spread-fairly-evenly"),
        "unevenly" => t!(loc, "spread-unevenly"),
        _ => t!(loc, "spread-very-unevenly"),
    };
    t!(
        loc,
        "summary-evenness",
        spread = word,
        evenness = crate::i18n::format_decimal(evenness, 2, loc)
    )
}

use crate::i18n::Locale;
use crate::t;

impl Engine {
    /// A readable title for a session: the reading and excerpt, or the live session's.
    pub async fn session_title(&self, session: &SessionRow) -> Result<String, CommandError> {
        if let Some(excerpt_id) = session.excerpt_id
            && let Some(excerpt) = self.store().excerpt(excerpt_id).await?
            && let Some(reading) = self.store().reading(excerpt.reading_id).await?
        {
            let loc = self.locale_of_group(reading.group_id).await?;
            return Ok(t!(
                loc,
                "summary-excerpt-title",
                title = reading.title.as_str(),
                position = excerpt.seq,
                total = reading.excerpt_count
            ));
        }
        match &session.title {
            Some(title) => Ok(title.clone()),
            None => {
                let loc = self.locale_of_group(session.group_id).await?;
                Ok(t!(loc, "session-live-title", id = session.id))
            }
        }
    }

    /// The language a session's replies are expected in: its reading's, or (a live
    /// session without one) the group's.
    async fn session_lang(&self, session: &SessionRow, loc: Locale) -> Result<Lang, CommandError> {
        if let Some(excerpt_id) = session.excerpt_id
            && let Some(excerpt) = self.store().excerpt(excerpt_id).await?
            && let Some(reading) = self.store().reading(excerpt.reading_id).await?
        {
            return Ok(Lang::of_stored(&reading.language));
        }
        Ok(Lang::of_locale(loc))
    }

    /// The session's facilitators among `authors`: members seen running facilitator
    /// commands here, and those the platform says are facilitators.
    async fn session_facilitators(&self, group: &Group, rows: &[ReplyRow]) -> HashSet<String> {
        let mut known = self.inner.facilitators.of(group.id);
        let Ok(channel) = group.channel_key() else {
            return known;
        };
        let Some(port) = self.port(channel.platform) else {
            return known;
        };
        let mut asked: Vec<String> = Vec::new();
        for r in rows {
            if !known.contains(&r.member_key) && !asked.contains(&r.member_key) {
                asked.push(r.member_key.clone());
            }
        }
        asked.truncate(ROLE_LOOKUPS);
        let lookups = async {
            let mut found = Vec::new();
            for key in &asked {
                let Ok(member) = key.parse::<MemberKey>() else {
                    continue;
                };
                match port.role_in(&channel, &member).await {
                    Ok(Role::Facilitator) => found.push(key.clone()),
                    Ok(_) => {}
                    Err(e) => {
                        tracing::warn!(group = group.id, error = %e, "could not ask the platform who facilitates; using the members seen running commands");
                        break;
                    }
                }
            }
            found
        };
        match tokio::time::timeout(ROLE_LOOKUP_TIME, lookups).await {
            Ok(found) => known.extend(found),
            Err(_) => {
                tracing::warn!(
                    group = group.id,
                    "asking the platform who facilitates took too long; using the members seen running commands"
                );
            }
        }
        known
    }

    /// Jump links for the quotes, where the platform has them.
    async fn link_quotes(
        &self,
        group: &Group,
        session: &SessionRow,
        rows: &[ReplyRow],
        summary: &mut Summary,
    ) {
        let Ok(channel) = group.channel_key() else {
            return;
        };
        if channel.platform == Platform::Console {
            return;
        }
        let Some(port) = self.port(channel.platform) else {
            return;
        };
        let messages: HashMap<i64, &str> =
            rows.iter().map(|r| (r.id, r.message_id.as_str())).collect();
        for quote in summary.quotes_mut() {
            let Some(message) = messages.get(&quote.reply_id) else {
                continue;
            };
            match port
                .message_link(&channel, session.thread_id.as_deref(), message)
                .await
            {
                Ok(link) => quote.link = link,
                Err(e) => {
                    tracing::warn!(group = group.id, error = %e, "could not make links to the quoted messages");
                    return;
                }
            }
        }
    }

    /// Summarize a session; `save` stores it (replacing an earlier one).
    pub async fn summarize_session(
        &self,
        session_id: i64,
        save: bool,
    ) -> Result<SummaryOutcome, CommandError> {
        let session = self.store().session(session_id).await?.ok_or_else(|| {
            CommandError::Invalid(t!(Locale::En, "session-no-such", id = session_id))
        })?;
        let group =
            self.store().group(session.group_id).await?.ok_or_else(|| {
                CommandError::Internal(format!("session {session_id} has no group"))
            })?;
        let loc = group.locale();
        let rows: Vec<ReplyRow> = self
            .store()
            .session_replies(session_id)
            .await?
            .into_iter()
            .filter(|r| r.deleted_at.is_none() && !r.text.trim().is_empty())
            .collect();
        let by_message: HashMap<&str, i64> =
            rows.iter().map(|r| (r.message_id.as_str(), r.id)).collect();
        let replies: Vec<ReplyIn> = rows
            .iter()
            .map(|r| ReplyIn {
                id: r.id,
                author_key: r.member_key.clone(),
                author_name: r.quotes_allowed.then(|| r.display_name.clone()),
                text: r.text.clone(),
                at: r.posted_at,
                reply_to: r
                    .reply_to
                    .as_deref()
                    .and_then(|m| by_message.get(m).copied()),
            })
            .collect();
        let context = Context {
            facilitators: self.session_facilitators(&group, &rows).await,
            names: rows
                .iter()
                .map(|r| (r.member_key.clone(), r.display_name.clone()))
                .collect(),
            lang: self.session_lang(&session, loc).await?,
            locale: loc,
        };
        let mut polls = Vec::new();
        // The sides of the discussion: the post poll of a pair, else the latest poll.
        let mut sides: Option<(bool, PositionIn)> = None;
        for poll in self.store().session_polls(session_id).await? {
            let view = self.poll_result_view(&poll).await?;
            if !poll.anonymous && !view.hidden_now {
                let scale = &poll.scale;
                if let Some(values) = scale.values() {
                    let votes = self.store().votes(poll.id).await?;
                    let post = poll.phase == Some(Phase::Post);
                    if post || !sides.as_ref().is_some_and(|(p, _)| *p) {
                        sides = Some((
                            post,
                            PositionIn {
                                claim: poll.claim.clone(),
                                positions: votes
                                    .into_iter()
                                    .filter_map(|v| {
                                        Some((v.member_key?, *values.get(v.option as usize)?))
                                    })
                                    .collect(),
                            },
                        ));
                    }
                }
            }
            polls.push(view);
        }
        let positions: Vec<PositionIn> = sides.into_iter().map(|(_, p)| p).collect();
        // A pre poll whose post poll is here too is shown with it, before its counts.
        let paired_pre: Vec<i64> = polls
            .iter()
            .filter_map(|p| p.shift.as_ref().map(|s| s.pre_id))
            .collect();
        let (before, mut polls): (Vec<PollResultView>, Vec<PollResultView>) =
            polls.into_iter().partition(|p| paired_pre.contains(&p.id));
        let opinion_map = self.session_map(&group, session_id).await?;
        if opinion_map.is_some() {
            // The map shows the cards; a card's own results stay for `poll results`.
            polls.retain(|p| p.scale != Scale::Card.name() || p.shift.is_some());
        }
        let limits = Limits::default();
        let mut summary: Summary = if replies.len() > BLOCKING_ABOVE {
            let replies = replies.clone();
            tokio::task::spawn_blocking(move || {
                summary::summarize_in(&replies, &context, &positions, limits)
            })
            .await
            .map_err(|e| CommandError::Internal(e.to_string()))?
        } else {
            summary::summarize_in(&replies, &context, &positions, limits)
        };
        summary::check_quotes(&summary, &replies)
            .map_err(|e| CommandError::Internal(format!("summary of session {session_id}: {e}")))?;
        self.link_quotes(&group, &session, &rows, &mut summary)
            .await;
        let most_discussed = self
            .session_reading_map(&session, &rows)
            .await?
            .and_then(|map| {
                map.most_discussed_sentence()
                    .filter(|(_, n)| *n >= 2)
                    .map(|(text, replies)| PassageView {
                        text: text.to_string(),
                        replies,
                    })
            });
        let tz = Engine::zone(&group);
        let mut view = SummaryView {
            session_id,
            title: self.session_title(&session).await?,
            date: super::local_label_in(from_ms(session.started_at), tz, loc),
            kind: summary.kind,
            notice: summary.notice.clone(),
            evenness: describe_evenness(summary.participation.evenness, loc),
            voices: describe_voices(&summary.participation, loc),
            participation: summary.participation.clone(),
            themes: summary.themes.clone(),
            representative: summary.representative.clone(),
            disagreements: summary.disagreements.clone(),
            open_questions: summary.open_questions.clone(),
            polls,
            before,
            most_discussed,
            llm_text: None,
            llm_model: None,
            opinion_map: opinion_map.map(|m| m.markdown),
            live: {
                let record = self.live_record(&group, &session, true).await?;
                (!record.is_empty()).then_some(record.markdown)
            },
        };
        let mut source = "extractive";
        let extractive =
            self.prompts()
                .render_in(loc, "summary.md.j2", &serde_json::json!({ "s": &view }))?;
        if self.inner.llm.is_some() && summary.kind == Kind::Discussion {
            match self
                .llm_summary(&session, &rows, &summary, &extractive)
                .await
            {
                Ok(text) => {
                    view.llm_text = Some(text);
                    view.llm_model = self.inner.llm.as_ref().map(|l| l.model().to_string());
                    source = "llm";
                    self.store()
                        .kv_set(&format!("llm-failing:{}", group.id), "0")
                        .await?;
                }
                Err(e) => self.llm_failed(&group, &e).await?,
            }
        }
        let markdown = if source == "llm" {
            self.prompts()
                .render_in(loc, "summary.md.j2", &serde_json::json!({ "s": &view }))?
        } else {
            extractive
        };
        if save {
            let data = serde_json::to_string(&summary)
                .map_err(|e| CommandError::Internal(format!("summary data: {e}")))?;
            self.store()
                .save_session_summary(
                    group.id,
                    session_id,
                    &markdown,
                    &data,
                    source,
                    store_ms(self.now()),
                )
                .await?;
        }
        Ok(SummaryOutcome {
            session_id,
            markdown,
            view,
            source,
        })
    }

    /// A session ended with no replies: no summary is posted; its facilitators are told
    /// so privately, once (this is called when the session ends).
    pub(crate) async fn nobody_replied(&self, group_id: i64, session_id: i64) {
        let facilitators = self.inner.facilitators.of(group_id);
        let Ok(Some(group)) = self.store().group(group_id).await else {
            return;
        };
        let loc = group.locale();
        let title = match self.store().session(session_id).await {
            Ok(Some(s)) => self
                .session_title(&s)
                .await
                .unwrap_or_else(|_| t!(loc, "session-number", id = session_id)),
            _ => t!(loc, "session-number", id = session_id),
        };
        let Some(port) = group.channel_key().ok().and_then(|c| self.port(c.platform)) else {
            return;
        };
        if facilitators.is_empty() {
            tracing::info!(
                group = group_id,
                session_id,
                "a session ended with no replies; no summary, and no facilitator known to tell"
            );
            return;
        }
        let text = t!(
            loc,
            "summary-nobody-replied",
            title = title,
            id = session_id,
            group = group.label()
        );
        let mut keys: Vec<&String> = facilitators.iter().collect();
        keys.sort();
        for key in keys {
            let Ok(member) = key.parse::<MemberKey>() else {
                continue;
            };
            if let Err(e) = port.send_private(&member, &text, &[]).await {
                tracing::warn!(group = group_id, error = %e, "could not tell a facilitator that nobody replied");
            }
        }
    }

    async fn llm_summary(
        &self,
        session: &SessionRow,
        rows: &[ReplyRow],
        summary: &Summary,
        extractive: &str,
    ) -> Result<String, crate::llm::LlmError> {
        let Some(llm) = &self.inner.llm else {
            return Err(crate::llm::LlmError::Unreachable("not configured".into()));
        };
        let excerpt_row = match session.excerpt_id {
            Some(id) => self.store().excerpt(id).await.map_err(|e| {
                crate::llm::LlmError::Refused(format!("the excerpt could not be read ({e})"))
            })?,
            None => None,
        };
        let (excerpt, mut phrases) = match excerpt_row {
            Some(e) => (e.text.clone(), e.terms.clone()),
            None => (String::new(), Vec::new()),
        };
        for t in &summary.themes {
            if !phrases.iter().any(|p| p.eq_ignore_ascii_case(&t.label)) {
                phrases.insert(0, t.label.clone());
            }
        }
        // Names the LLM may use: members who replied and allow quotes by name.
        let allowed: Vec<String> = {
            let mut names: Vec<String> = rows
                .iter()
                .filter(|r| r.quotes_allowed)
                .map(|r| r.display_name.clone())
                .collect();
            names.sort();
            names.dedup();
            names
        };
        // The summary is posted in the group's language, whatever the reading's.
        let language = self
            .locale_of_group(session.group_id)
            .await
            .map_err(|e| {
                crate::llm::LlmError::Refused(format!("the group's language is unknown ({e})"))
            })?
            .english_name();
        let prompt = self
            .prompts()
            .render(
                "llm_summary.md.j2",
                &serde_json::json!({
                    "excerpt": excerpt,
                    "extractive": extractive,
                    "phrases": phrases,
                    "names": allowed,
                    "language": language,
                }),
            )
            .map_err(|e| crate::llm::LlmError::BadAnswer(e.to_string()))?;
        let text = llm.complete(&prompt, 400).await?;
        let mut forbidden = self.store().opted_out_names().await.map_err(|e| {
            crate::llm::LlmError::Refused(format!("who opted out of quotes is unknown ({e})"))
        })?;
        // Members of the group who did not take part (or asked not to be named) are not
        // named either.
        for r in rows.iter().filter(|r| !r.quotes_allowed) {
            forbidden.push(r.display_name.clone());
        }
        let mut sources: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        sources.push(&excerpt);
        crate::llm::check_text(&text, 1800, &forbidden)?;
        crate::llm::check_quotes(&text, &sources)?;
        Ok(text)
    }

    /// With an LLM configured, let it write the excerpt's questions (once, before the
    /// excerpt is first posted). Its questions are checked: two to four, each quoting a
    /// key term or words of the excerpt, none a yes/no question. Otherwise the template
    /// questions stay.
    pub(crate) async fn llm_questions(
        &self,
        excerpt: &crate::store::ExcerptRow,
        group_id: i64,
    ) -> Result<(), CommandError> {
        let Some(llm) = &self.inner.llm else {
            return Ok(());
        };
        let current = self.store().questions(excerpt.id).await?;
        if current
            .iter()
            .any(|q| q.kind == "llm" || q.kind == "authored")
        {
            return Ok(());
        }
        let terms = excerpt.terms.clone();
        // The questions are in the excerpt's language (its reading's), where colloquy knows it.
        let language = match self.store().reading(excerpt.reading_id).await? {
            Some(r) => match Lang::of_stored(&r.language) {
                Lang::Other => None,
                lang => Some(lang.name()),
            },
            None => None,
        };
        // A facilitator's template that fails to render is an LLM failure like any
        // other: the template questions stay and the excerpt is posted.
        let answer = async {
            let prompt = self
                .prompts()
                .render(
                    "llm_questions.md.j2",
                    &serde_json::json!({
                        "excerpt": excerpt.text, "terms": terms, "count": 3, "language": language,
                    }),
                )
                .map_err(|e| crate::llm::LlmError::BadAnswer(e.to_string()))?;
            let text = llm.complete(&prompt, 300).await?;
            let questions = check_questions(&text, &excerpt.text, &terms);
            if questions.len() >= 2 {
                Ok(questions)
            } else {
                Err(crate::llm::LlmError::Refused(
                    "its questions did not quote the excerpt or were yes/no questions".into(),
                ))
            }
        }
        .await;
        match answer {
            Ok(questions) => {
                let rows: Vec<(String, String)> = questions
                    .into_iter()
                    .map(|q| ("llm".to_string(), q))
                    .collect();
                self.store().replace_questions(excerpt.id, &rows).await?;
            }
            Err(e) => {
                if let Some(group) = self.store().group(group_id).await? {
                    self.llm_failed(&group, &e).await?;
                }
            }
        }
        Ok(())
    }

    /// Tell the facilitators once that the LLM failed; the extractive summary is used.
    async fn llm_failed(
        &self,
        group: &Group,
        error: &crate::llm::LlmError,
    ) -> Result<(), CommandError> {
        tracing::warn!(group = group.id, error = %error, "LLM summary failed; using the extractive one");
        let key = format!("llm-failing:{}", group.id);
        if self.store().kv_get(&key).await?.as_deref() == Some("1") {
            return Ok(());
        }
        self.store().kv_set(&key, "1").await?;
        let loc = group.locale();
        let notice = OutboxPayload::Notice {
            text: t!(loc, "llm-failed-notice", reason = error.describe_in(loc)),
        };
        // One notice per failure episode (the flag above): a fresh key for each, as two
        // episodes can start within one tick of the clock.
        let key = format!("llm-notice:{}:{:016x}", group.id, rand::random::<u64>());
        self.store()
            .enqueue(group.id, &key, &notice.to_json(), store_ms(self.now()))
            .await?;
        Ok(())
    }

    /// A session of this group, or a clear message that it has none by that number.
    pub async fn session_in_group(
        &self,
        group: &Group,
        id: i64,
    ) -> Result<SessionRow, CommandError> {
        self.store()
            .session(id)
            .await?
            .filter(|s| s.group_id == group.id)
            .ok_or_else(|| CommandError::Invalid(t!(group.locale(), "session-no-such", id = id)))
    }

    pub(super) async fn summary_command(
        &self,
        group: &Group,
        session: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let session = match session {
            Some(id) => self.session_in_group(group, id).await?,
            None => self
                .store()
                .current_session(group.id)
                .await?
                .ok_or_else(|| CommandError::Invalid(t!(group.locale(), "session-none-yet")))?,
        };
        let outcome = self
            .summarize_session(session.id, !session.is_open())
            .await?;
        if outcome.view.kind == Kind::Empty {
            return Ok(Reply::private(t!(
                group.locale(),
                "summary-nobody-yet",
                id = session.id
            )));
        }
        let mut reply = Reply::public(outcome.markdown);
        for poll in &outcome.view.polls {
            if let Some(chart) = self.chart_file(poll)? {
                reply.files.push(chart);
            }
        }
        Ok(reply)
    }

    pub(super) async fn stats(&self, group: &Group) -> Result<Reply, CommandError> {
        let sessions = self.store().sessions(group.id).await?;
        let replies = self.store().group_replies(group.id).await?;
        let live: Vec<&crate::store::ReplyRow> =
            replies.iter().filter(|r| r.deleted_at.is_none()).collect();
        let mut per: HashMap<&str, (String, usize, usize)> = HashMap::new();
        for r in &live {
            let e = per
                .entry(r.member_key.as_str())
                .or_insert((r.display_name.clone(), 0, 0));
            e.1 += 1;
            e.2 += crate::domain::text::word_count(&r.text);
        }
        let mut counts: Vec<usize> = per.values().map(|v| v.1).collect();
        let evenness = 1.0 - summary::gini(&mut counts);
        let polls = self.store().polls(group.id).await?;
        let loc = group.locale();
        let words: usize = live
            .iter()
            .map(|r| crate::domain::text::word_count(&r.text))
            .sum();
        let mut text = format!(
            "{}\n{}\n",
            t!(loc, "stats-title", group = group.label()),
            t!(
                loc,
                "stats-totals",
                sessions = t!(loc, "count-sessions", n = sessions.len()),
                replies = t!(loc, "count-replies", n = live.len()),
                members = per.len(),
                words = t!(loc, "count-words", n = words),
                evenness = describe_evenness(evenness, loc),
                polls = t!(loc, "count-polls", n = polls.len()),
            )
        );
        let mut members: Vec<&(String, usize, usize)> = per.values().collect();
        members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (name, n, words) in members.iter().take(15) {
            text.push_str(&t!(
                loc,
                "stats-member",
                name = name.as_str(),
                replies = t!(loc, "count-replies", n = *n),
                words = t!(loc, "count-words", n = *words),
            ));
            text.push('\n');
        }
        if members.len() > 15 {
            text.push_str(&t!(loc, "stats-more", n = members.len() - 15));
            text.push('\n');
        }
        let attendance = self.attendance_stats(group).await?;
        if !attendance.is_empty() {
            text.push('\n');
            text.push_str(&attendance);
        }
        Ok(Reply::confidential(text.trim_end().to_string()))
    }

    /// The digest of a group's week ("2026-W48"), computed and stored.
    pub async fn digest_markdown(&self, group_id: i64, week: &str) -> Result<String, CommandError> {
        if let Some(done) = self.store().digest(group_id, week).await? {
            return Ok(done.body);
        }
        let group = self
            .store()
            .group(group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("group {group_id} is gone")))?;
        let tz = Engine::zone(&group);
        let loc = group.locale();
        let (start, end) = week_bounds(week, tz)
            .ok_or_else(|| CommandError::Internal(format!("bad week {week}")))?;
        let sessions = self
            .store()
            .sessions_between(group.id, store_ms(start), store_ms(end))
            .await?;
        let mut readings: Vec<serde_json::Value> = Vec::new();
        let mut all_replies: Vec<ReplyIn> = Vec::new();
        let mut members: std::collections::HashSet<String> = Default::default();
        let mut threads: Vec<(usize, String)> = Vec::new();
        let mut shifts = Vec::new();
        let mut week_polls = Vec::new();
        for s in &sessions {
            let title = self.session_title(s).await?;
            if let Some(eid) = s.excerpt_id
                && let Some(e) = self.store().excerpt(eid).await?
                && let Some(r) = self.store().reading(e.reading_id).await?
            {
                readings.push(serde_json::json!({"title": r.title, "seq": e.seq}));
            }
            let rows = self.store().session_replies(s.id).await?;
            let live: Vec<_> = rows.iter().filter(|r| r.deleted_at.is_none()).collect();
            threads.push((live.len(), title));
            for r in live {
                members.insert(r.member_key.clone());
                all_replies.push(ReplyIn {
                    id: r.id,
                    author_key: r.member_key.clone(),
                    author_name: r.quotes_allowed.then(|| r.display_name.clone()),
                    text: r.text.clone(),
                    at: r.posted_at,
                    reply_to: None,
                });
            }
            let session_polls = self.store().session_polls(s.id).await?;
            week_polls.extend(session_polls.iter().cloned());
            for poll in session_polls {
                if poll.phase == Some(Phase::Post) && !poll.is_open() {
                    let view = self.poll_result_view(&poll).await?;
                    if let Some(sh) = view.shift.filter(|s| !s.suppressed) {
                        shifts.push(serde_json::json!({
                            "claim": poll.claim,
                            "changed": sh.changed,
                            "paired": sh.paired,
                            "net": sh.net,
                            "pole": if sh.net_value > 0.0 {
                                sh.positive_pole
                            } else {
                                sh.negative_pole
                            },
                        }));
                    }
                }
            }
        }
        let reply_count = all_replies.len();
        // The week's replies are read in its readings' language (the most sessions'),
        // else the group's, and any words the summarizer writes are in the group's.
        let mut langs: Vec<Lang> = Vec::new();
        for s in &sessions {
            langs.push(self.session_lang(s, loc).await?);
        }
        let context = Context {
            lang: most_common(&langs).unwrap_or(Lang::of_locale(loc)),
            locale: loc,
            ..Context::default()
        };
        let themes = summary::summarize_in(
            &all_replies,
            &context,
            &[],
            Limits {
                themes: 4,
                ..Limits::default()
            },
        )
        .themes
        .into_iter()
        .map(|t| serde_json::json!({"label": t.label, "replies": t.replies}))
        .collect::<Vec<_>>();
        threads.sort_by_key(|t| std::cmp::Reverse(t.0));
        let threads: Vec<serde_json::Value> = threads
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .take(3)
            .map(|(n, t)| serde_json::json!({"title": t, "replies": n}))
            .collect();
        let map = self
            .map_if_worth_it(&group, crate::t!(loc, "map-scope-week"), &week_polls)
            .await?;
        let week_label = start
            .with_timezone(&tz)
            .format_localized(&crate::t!(loc, "digest-date-pattern"), loc.chrono())
            .to_string();
        let body = self.prompts().render_in(
            loc,
            "digest.md.j2",
            &serde_json::json!({"d": {
                "week_label": week_label,
                "group": group.label(),
                "sessions": sessions.len(),
                "members": members.len(),
                "replies": reply_count,
                "readings": readings,
                "themes": themes,
                "shifts": shifts,
                "threads": threads,
                "map": map,
            }}),
        )?;
        self.store()
            .save_digest(group.id, week, &body, "{}", store_ms(self.now()))
            .await?;
        Ok(body)
    }
}

/// The value found most often (the first of those tied), `None` for none.
fn most_common(values: &[Lang]) -> Option<Lang> {
    let mut best: Option<(Lang, usize)> = None;
    for v in values {
        let n = values.iter().filter(|w| *w == v).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((*v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// "2026-W48" for an instant in a zone (ISO week of the local date).
pub fn week_of(at: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    let d = at.with_timezone(&tz).date_naive();
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The instants a week starts and ends (Monday 00:00 local to the next Monday).
pub fn week_bounds(week: &str, tz: chrono_tz::Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let (year, w) = week.split_once("-W")?;
    let monday =
        NaiveDate::from_isoywd_opt(year.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
    let start = crate::domain::schedule::resolve_local(tz, monday.and_hms_opt(0, 0, 0)?);
    let end = crate::domain::schedule::resolve_local(
        tz,
        (monday + Duration::days(7)).and_hms_opt(0, 0, 0)?,
    );
    Some((start, end))
}

/// The LLM's questions that can be posted: one per line, a question, not yes/no, and
/// quoting a key term or four consecutive words of the excerpt.
fn check_questions(answer: &str, excerpt: &str, terms: &[String]) -> Vec<String> {
    let excerpt_lower = excerpt.to_lowercase();
    let excerpt_words: Vec<&str> = excerpt_lower.split_whitespace().collect();
    answer
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || c == '.' || c == '-' || c == '*' || c == ')'
                })
                .trim()
        })
        .filter(|l| l.ends_with('?') && l.chars().count() <= 300)
        .filter(|l| crate::domain::questions::yes_no_start(l).is_none())
        .filter(|l| {
            let lower = l.to_lowercase();
            terms.iter().any(|t| lower.contains(&t.to_lowercase()))
                || excerpt_words
                    .windows(4)
                    .any(|w| lower.contains(&w.join(" ")))
        })
        .take(4)
        .map(crate::domain::text::clean_label)
        .collect()
}
