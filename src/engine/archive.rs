//! The static archive of a group: its readings with their reading maps, its sessions as
//! conversations with their polls, summaries and minutes, and a search index, built as a
//! list of files in memory (`colloquy archive` and the scheduler write them, see
//! [`crate::site`]).
//!
//! Pages come from the HTML templates in prompts/archive/ (auto-escaped), so nothing a
//! member wrote can become markup. Privacy holds as in summaries: forgotten members are
//! gone from the database and so from every page, members who turned quotes off appear
//! as "a member", anonymous polls name no voter. Nothing depends on the time of the
//! build or on hash order: the same database gives the same bytes.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::json;

use super::export::{Audience, minutes_markdown};
use super::{CommandError, Engine, PollResultView, local_label_in};
use crate::domain::poll::Phase;
use crate::domain::reading_map::{MapReply, ReadingMap, reading_map};
use crate::i18n::Locale;
use crate::site::{Site, SiteError, WriteReport, write_site};
use crate::store::{Group, ReplyRow, SessionRow, from_ms};
use crate::t;

/// Why an archive could not be published.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(transparent)]
    Build(#[from] CommandError),
    #[error(transparent)]
    Write(#[from] SiteError),
}

/// `[archive]`: where the bot publishes each group's archive after each session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSettings {
    /// One folder per group inside it ([`group_folder`]).
    pub dir: std::path::PathBuf,
    /// Where `dir` is published, for links to the pages.
    pub base_url: Option<String>,
}

/// A group's folder inside `[archive] dir`: its name as a file-name part and its number
/// (two groups may share a name), e.g. `tuesday-seminar-3`.
pub fn group_folder(group: &Group) -> String {
    format!("{}-{}", super::polls::group_slug(group), group.id)
}

/// What publishing an archive did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishReport {
    pub write: WriteReport,
    /// A member was forgotten since this folder was last written.
    pub was_stale: bool,
}

/// The archive's stylesheet, search script and icon: files of the project's own (no CDN).
pub const STYLE: &str = include_str!("../../prompts/archive/style.css");
pub const SCRIPT: &str = include_str!("../../prompts/archive/search.js");
pub const ICON: &str = include_str!("../../prompts/archive/favicon.svg");

/// The page of a session inside an archive.
pub fn session_page(session_id: i64) -> String {
    format!("session-{session_id}.html")
}

fn reading_page(reading_id: i64) -> String {
    format!("reading-{reading_id}.html")
}

fn minutes_page(session_id: i64) -> String {
    format!("minutes-{session_id}.html")
}

/// A run of a reply's lines: quoted (`>` lines, as Discord and Matrix write quotes) or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct TextPart {
    quote: bool,
    text: String,
}

/// A reply's text as runs of quoted and own lines.
fn text_parts(text: &str) -> Vec<TextPart> {
    let mut parts: Vec<TextPart> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let (quote, line) = match trimmed.strip_prefix('>') {
            Some(rest) => (true, rest.strip_prefix(' ').unwrap_or(rest)),
            None => (false, line),
        };
        match parts.last_mut() {
            Some(p) if p.quote == quote => {
                p.text.push('\n');
                p.text.push_str(line);
            }
            _ => parts.push(TextPart {
                quote,
                text: line.to_string(),
            }),
        }
    }
    parts
}

/// A reply as the pages show it, with the replies that answer it.
#[derive(Debug, Clone, Serialize)]
struct ReplyView {
    id: i64,
    who: String,
    time: String,
    datetime: String,
    parts: Vec<TextPart>,
    edited: bool,
    deleted: bool,
    /// It answers a message that is not in the archive (deleted, or its author forgotten).
    orphan: bool,
    children: Vec<ReplyView>,
}

/// One sentence of a reading map.
#[derive(Debug, Clone, Serialize)]
struct SentenceView {
    anchor: String,
    text: String,
    level: u8,
    replies: usize,
    most: bool,
    contested: bool,
}

#[derive(Debug, Clone, Serialize)]
struct AskedView {
    who: String,
    text: String,
    href: String,
}

#[derive(Debug, Clone, Serialize)]
struct ConfusionView {
    anchor: String,
    sentence: String,
    questions: Vec<AskedView>,
}

/// An excerpt with its questions and its map.
#[derive(Debug, Clone, Serialize)]
struct ExcerptView {
    id: i64,
    seq: i64,
    anchor: String,
    paragraphs: Vec<Vec<SentenceView>>,
    notes: Vec<String>,
    questions: Vec<String>,
    session_href: Option<String>,
    session_date: Option<String>,
    replies: usize,
    direct_replies: usize,
    most_discussed: Option<(String, usize, String)>,
    most_contested: Option<(String, usize, usize, String)>,
    confusions: Vec<ConfusionView>,
}

#[derive(Debug, Clone, Serialize)]
struct VoterView {
    who: String,
    option: String,
}

#[derive(Debug, Clone, Serialize)]
struct PollView {
    view: PollResultView,
    chart: Option<String>,
    /// Named polls only: who voted what. Anonymous polls carry no voters.
    voters: Vec<VoterView>,
}

/// What one session contributes to the group page.
#[derive(Debug, Clone, Serialize)]
struct SessionRowView {
    id: i64,
    href: String,
    title: String,
    date: String,
    open: bool,
    replies: usize,
    members: usize,
    /// The share of the busiest session's replies, in steps of 5 (a CSS class).
    bar: u32,
}

#[derive(Debug, Clone, Serialize)]
struct ShiftRowView {
    session_href: String,
    session_title: String,
    session_date: String,
    claim: String,
    net: String,
    toward: String,
    changed: u32,
    paired: u32,
    /// |net| as a share of the scale's half-width, in steps of 5 (a CSS class).
    bar: u32,
    positive: bool,
}

/// Everything gathered about one session.
struct SessionData {
    row: SessionRow,
    title: String,
    date: String,
    replies: Vec<ReplyRow>,
    map: Option<ReadingMap>,
    excerpt: Option<crate::store::ExcerptRow>,
}

fn step5(share: f64) -> u32 {
    ((share.clamp(0.0, 1.0) * 20.0).round() as u32) * 5
}

/// How a reply's author is shown ("a member" in the group's language for those who turned
/// quotes off).
fn shown_name(r: &ReplyRow, loc: Locale) -> String {
    if r.quotes_allowed {
        r.display_name.clone()
    } else {
        t!(loc, "a-member")
    }
}

/// The replies as a forest: each under the reply it answers, in posting order.
fn thread(
    rows: &[ReplyRow],
    tz: chrono_tz::Tz,
    loc: Locale,
    excerpt_post: Option<&str>,
) -> Vec<ReplyView> {
    let by_message: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.message_id.as_str(), i))
        .collect();
    let mut children: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut orphans: Vec<bool> = vec![false; rows.len()];
    for (i, r) in rows.iter().enumerate() {
        match r.reply_to.as_deref() {
            // A reply to the excerpt's own post starts a branch of the thread.
            Some(m) if Some(m) == excerpt_post => roots.push(i),
            Some(m) => match by_message.get(m) {
                Some(&parent) if parent < i => children.entry(parent).or_default().push(i),
                Some(_) => roots.push(i),
                None => {
                    // A reply to a message the archive does not hold.
                    orphans[i] = true;
                    roots.push(i);
                }
            },
            None => roots.push(i),
        }
    }
    fn build(
        i: usize,
        rows: &[ReplyRow],
        children: &BTreeMap<usize, Vec<usize>>,
        orphans: &[bool],
        tz: chrono_tz::Tz,
        loc: Locale,
    ) -> ReplyView {
        let r = &rows[i];
        let at = from_ms(r.posted_at).with_timezone(&tz);
        ReplyView {
            id: r.id,
            who: shown_name(r, loc),
            time: crate::i18n::format_time(from_ms(r.posted_at), tz, loc),
            datetime: at.to_rfc3339(),
            parts: if r.deleted_at.is_some() {
                Vec::new()
            } else {
                text_parts(&r.text)
            },
            edited: r.edited_at.is_some() && r.deleted_at.is_none(),
            deleted: r.deleted_at.is_some(),
            orphan: orphans[i],
            children: children
                .get(&i)
                .map(|c| {
                    c.iter()
                        .map(|&j| build(j, rows, children, orphans, tz, loc))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
    roots
        .into_iter()
        .map(|i| build(i, rows, &children, &orphans, tz, loc))
        .collect()
}

impl Engine {
    /// Members' sides on a session's poll (the post poll of a pair, else the latest
    /// named poll with an axis), by member key. Anonymous polls give no sides.
    async fn session_sides(&self, session_id: i64) -> Result<HashMap<String, f64>, CommandError> {
        let mut sides: Option<(bool, HashMap<String, f64>)> = None;
        for poll in self.store().session_polls(session_id).await? {
            if poll.anonymous || (poll.hidden && poll.is_open()) {
                continue;
            }
            let Some(values) = poll.scale.values() else {
                continue;
            };
            let post = poll.phase == Some(Phase::Post);
            if sides.as_ref().is_some_and(|(p, _)| *p) && !post {
                continue;
            }
            let positions = self
                .store()
                .votes(poll.id)
                .await?
                .into_iter()
                .filter_map(|v| Some((v.member_key?, *values.get(v.option as usize)?)))
                .collect();
            sides = Some((post, positions));
        }
        Ok(sides.map(|(_, s)| s).unwrap_or_default())
    }

    /// The reading map of a session's excerpt from its replies (deleted ones left out);
    /// `None` for a session without an excerpt.
    pub(crate) async fn session_reading_map(
        &self,
        session: &SessionRow,
        rows: &[ReplyRow],
    ) -> Result<Option<ReadingMap>, CommandError> {
        let Some(excerpt_id) = session.excerpt_id else {
            return Ok(None);
        };
        let Some(excerpt) = self.store().excerpt(excerpt_id).await? else {
            return Ok(None);
        };
        let sides = self.session_sides(session.id).await?;
        let replies: Vec<MapReply> = rows
            .iter()
            .filter(|r| r.deleted_at.is_none())
            .map(|r| MapReply {
                id: r.id,
                text: r.text.clone(),
                side: sides.get(&r.member_key).copied(),
                to_excerpt: r.reply_to.is_some() && r.reply_to == session.post_message_id,
            })
            .collect();
        Ok(Some(reading_map(&excerpt.text, &replies)))
    }

    /// Build the archive of `group`. Deterministic: the same database gives the same files.
    pub async fn archive_site(&self, group: &Group) -> Result<Site, CommandError> {
        let tz = Engine::zone(group);
        let loc = group.locale();
        let store = self.store();
        let mut site = Site::default();
        let mut index: Vec<serde_json::Value> = Vec::new();
        let group_name = group.label();

        // Sessions first: the readings' maps are made of their discussions.
        let mut sessions: Vec<SessionData> = Vec::new();
        for row in store.sessions(group.id).await? {
            let replies = store.session_replies(row.id).await?;
            let map = self.session_reading_map(&row, &replies).await?;
            let excerpt = match row.excerpt_id {
                Some(id) => store.excerpt(id).await?,
                None => None,
            };
            sessions.push(SessionData {
                title: self.session_title(&row).await?,
                date: local_label_in(from_ms(row.started_at), tz, loc),
                row,
                replies,
                map,
                excerpt,
            });
        }
        let by_excerpt: HashMap<i64, usize> = sessions
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.row.excerpt_id.map(|e| (e, i)))
            .collect();

        // Readings.
        let mut reading_rows = Vec::new();
        for reading in store.readings(group.id).await? {
            // Excerpts the group has not been given yet stay out of the archive.
            let mut excerpts = Vec::new();
            for e in store.excerpts(reading.id).await? {
                if !by_excerpt.contains_key(&e.id) {
                    continue;
                }
                let questions: Vec<String> = store
                    .questions(e.id)
                    .await?
                    .into_iter()
                    .map(|q| q.text)
                    .collect();
                let session = by_excerpt.get(&e.id).map(|&i| &sessions[i]);
                let map = match session.and_then(|s| s.map.clone()) {
                    Some(m) => m,
                    None => reading_map(&e.text, &[]),
                };
                excerpts.push(excerpt_view(&e, questions, &map, session, loc));
                index.push(json!({
                    "u": format!("{}#e{}", reading_page(reading.id), e.seq),
                    "t": t!(
                        loc,
                        "summary-excerpt-title",
                        title = reading.title.as_str(),
                        position = e.seq,
                        total = reading.excerpt_count
                    ),
                    "k": "excerpt",
                    "x": e.text,
                }));
            }
            let page = self.prompts().render_in(
                loc,
                "archive/reading.html.j2",
                &json!({
                    "group": group_name,
                    "page_title": reading.title,
                    "reading": {
                        "id": reading.id, "title": reading.title, "author": reading.author,
                        "words": reading.words, "excerpt_count": reading.excerpt_count,
                        "to_come": reading.excerpt_count - excerpts.len() as i64,
                    },
                    "excerpts": excerpts,
                }),
            )?;
            site.add(reading_page(reading.id), page);
            reading_rows.push(json!({
                "href": reading_page(reading.id), "title": reading.title,
                "author": reading.author, "excerpt_count": reading.excerpt_count,
                "discussed": excerpts.len(),
            }));
        }

        // Sessions.
        let busiest = sessions
            .iter()
            .map(|s| live_replies(&s.replies))
            .max()
            .unwrap_or(0)
            .max(1);
        let mut session_rows = Vec::new();
        let mut shift_rows = Vec::new();
        for s in &sessions {
            // The summary as stored when it was posted (rebuilt when a member is forgotten
            // or turns quotes off), so that the archive does not depend on what this
            // process happens to know (such as who facilitated); computed when none is stored.
            let summary = if s.row.is_open() || live_replies(&s.replies) == 0 {
                None
            } else {
                match store.session_summary(s.row.id).await? {
                    Some(stored) => Some(stored.body),
                    None => Some(self.summarize_session(s.row.id, false).await?.markdown),
                }
            };
            // The page has its own "Summary" heading: the post's first line would repeat it.
            let summary_body = summary.as_deref().map(|md| match md.split_once('\n') {
                Some((first, rest)) if first.starts_with("## ") => rest.trim_start().to_string(),
                _ => md.to_string(),
            });
            let minutes =
                minutes_markdown(self, group, &s.row, summary.clone(), Audience::Public).await?;
            let mut polls = Vec::new();
            for p in store.session_polls(s.row.id).await? {
                let view = self.poll_result_view(&p).await?;
                let chart = match self.chart_file(&view)? {
                    Some(file) => {
                        let name = format!("poll-{}.png", p.id);
                        site.add(name.clone(), file.bytes);
                        Some(name)
                    }
                    None => None,
                };
                let mut voters = Vec::new();
                if !p.anonymous && !view.hidden_now {
                    for v in store.votes(p.id).await? {
                        let Some(key) = v.member_key else { continue };
                        let who = match store.member_name(&key).await? {
                            Some((name, true)) => name,
                            Some((_, false)) => t!(loc, "a-member"),
                            None => continue,
                        };
                        voters.push(VoterView {
                            who,
                            option: view
                                .options
                                .get(v.option as usize)
                                .cloned()
                                .unwrap_or_default(),
                        });
                    }
                    voters.sort_by(|a, b| (&a.option, &a.who).cmp(&(&b.option, &b.who)));
                }
                if let Some(shift) = view
                    .shift
                    .as_ref()
                    .filter(|sh| !sh.suppressed && sh.has_axis)
                    && shift.post_id == p.id
                {
                    shift_rows.push(ShiftRowView {
                        session_href: session_page(s.row.id),
                        session_title: s.title.clone(),
                        session_date: from_ms(s.row.started_at)
                            .with_timezone(&tz)
                            .format_localized(&t!(loc, "archive-date-pattern"), loc.chrono())
                            .to_string(),
                        claim: p.claim.clone(),
                        net: shift.net.clone().unwrap_or_else(|| "0".into()),
                        toward: if shift.net_value > 0.0 {
                            shift.positive_pole.clone()
                        } else if shift.net_value < 0.0 {
                            shift.negative_pole.clone()
                        } else {
                            String::new()
                        },
                        changed: shift.changed,
                        paired: shift.paired,
                        bar: step5(shift.net_value.abs() / 2.0),
                        positive: shift.net_value >= 0.0,
                    });
                }
                polls.push(PollView {
                    view,
                    chart,
                    voters,
                });
            }
            for r in s.replies.iter().filter(|r| r.deleted_at.is_none()) {
                index.push(json!({
                    "u": format!("{}#r{}", session_page(s.row.id), r.id),
                    "t": s.title,
                    "k": "reply",
                    "w": shown_name(r, loc),
                    "x": r.text,
                }));
            }
            let reading = match &s.excerpt {
                Some(e) => store.reading(e.reading_id).await?,
                None => None,
            };
            let excerpt = match (&s.excerpt, &s.map) {
                (Some(e), Some(map)) => {
                    let qs = store
                        .questions(e.id)
                        .await?
                        .into_iter()
                        .map(|q| q.text)
                        .collect();
                    Some(excerpt_view(e, qs, map, Some(s), loc))
                }
                _ => None,
            };
            let members = {
                let mut keys: Vec<&str> = s
                    .replies
                    .iter()
                    .filter(|r| r.deleted_at.is_none())
                    .map(|r| r.member_key.as_str())
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys.len()
            };
            let page = self.prompts().render_in(
                loc,
                "archive/session.html.j2",
                &json!({
                    "group": group_name,
                    "page_title": s.title,
                    "session": {
                        "id": s.row.id, "title": s.title, "date": s.date, "kind": s.row.kind,
                        "open": s.row.is_open(), "replies": live_replies(&s.replies), "members": members,
                        "reading_href": reading.as_ref().map(|r| reading_page(r.id)),
                        "reading_title": reading.as_ref().map(|r| r.title.clone()),
                        "minutes_href": minutes_page(s.row.id),
                    },
                    "excerpt": excerpt,
                    "thread": thread(&s.replies, tz, loc, s.row.post_message_id.as_deref()),
                    "polls": polls,
                    "summary": summary_body,
                    "opinion_map": self
                        .archive_opinion_map(group, &s.row, summary_body.is_some(), &mut site)
                        .await?,
                }),
            )?;
            site.add(session_page(s.row.id), page);
            let minutes_page_html = self.prompts().render_in(
                loc,
                "archive/minutes.html.j2",
                &json!({
                    "group": group_name,
                    "page_title": t!(loc, "minutes-title", title = s.title.as_str()),
                    "session": {"title": s.title, "href": session_page(s.row.id)},
                    "minutes": minutes,
                }),
            )?;
            site.add(minutes_page(s.row.id), minutes_page_html);
            session_rows.push(SessionRowView {
                id: s.row.id,
                href: session_page(s.row.id),
                title: s.title.clone(),
                date: s.date.clone(),
                open: s.row.is_open(),
                replies: live_replies(&s.replies),
                members,
                bar: step5(live_replies(&s.replies) as f64 / busiest as f64),
            });
        }

        // The group page, search and the files every page uses.
        let page = self.prompts().render_in(
            loc,
            "archive/group.html.j2",
            &json!({
                "group": group_name,
                "page_title": group_name,
                "readings": reading_rows,
                "sessions": session_rows,
                "shifts": shift_rows,
            }),
        )?;
        site.add("index.html", page);
        let search = self.prompts().render_in(
            loc,
            "archive/search.html.j2",
            &json!({"group": group_name, "page_title": t!(loc, "archive-search"), "search": true}),
        )?;
        site.add("search.html", search);
        let labels = search_labels(loc, index.len());
        let index_json = serde_json::to_string(&index)
            .map_err(|e| CommandError::Internal(format!("search index: {e}")))?;
        let labels_json = serde_json::to_string(&labels)
            .map_err(|e| CommandError::Internal(format!("search labels: {e}")))?;
        // The index is JSON handed to one function call, so that it loads from disk too
        // (browsers refuse fetch() on file:// pages) under a script-src 'self' policy; the
        // words the script shows come with it, in the group's language.
        site.add(
            "search-index.js",
            format!("colloquySearchIndex({index_json}, {labels_json});\n"),
        );
        site.add("search.js", SCRIPT);
        site.add("style.css", STYLE);
        site.add("favicon.svg", ICON);
        site.files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(site)
    }

    /// Build the archive of `group` and write it to `dir` (see [`crate::site`]), noting
    /// that this folder is now up to date.
    pub async fn publish_archive(
        &self,
        group: &Group,
        dir: &std::path::Path,
        force: bool,
    ) -> Result<PublishReport, ArchiveError> {
        let key = archive_key(dir);
        let was_stale = self
            .store()
            .archive(group.id, &key)
            .await
            .map_err(CommandError::from)?
            .is_some_and(|a| a.stale);
        let site = self.archive_site(group).await?;
        // Hundreds of files: written off the engine's workers, which record members'
        // messages meanwhile (on a small machine there is only one).
        let folder = dir.to_path_buf();
        let write = tokio::task::spawn_blocking(move || write_site(&folder, &site, force))
            .await
            .map_err(|e| CommandError::Internal(format!("writing the archive stopped: {e}")))??;
        self.store()
            .archive_built(group.id, &key, super::store_ms(self.now()))
            .await
            .map_err(CommandError::from)?;
        Ok(PublishReport { write, was_stale })
    }

    /// Where the configured archive of `group` is written, if one is configured.
    pub fn archive_folder(&self, group: &Group) -> Option<std::path::PathBuf> {
        let settings = self.settings().archive.as_ref()?;
        Some(settings.dir.join(group_folder(group)))
    }

    /// The address of a session's page in the published archive, when `[archive]
    /// base_url` is set.
    pub fn archive_link(&self, group: &Group, session_id: i64) -> Option<String> {
        let settings = self.settings().archive.as_ref()?;
        let base = settings.base_url.as_deref()?.trim_end_matches('/');
        Some(format!(
            "{base}/{}/{}",
            group_folder(group),
            session_page(session_id)
        ))
    }

    /// The scheduler's step: rebuild the configured archive of `group` when a session
    /// ended since it was written, when it is stale (a member was forgotten or turned
    /// quotes off), or when there is none yet but a session has ended. Returns whether it
    /// was written.
    pub async fn refresh_archive(&self, group: &Group) -> Result<bool, ArchiveError> {
        let Some(dir) = self.archive_folder(group) else {
            return Ok(false);
        };
        let store = self.store();
        let last_end = store
            .last_session_end(group.id)
            .await
            .map_err(CommandError::from)?;
        let due = match store
            .archive(group.id, &archive_key(&dir))
            .await
            .map_err(CommandError::from)?
        {
            Some(a) => a.stale || last_end.is_some_and(|end| end > a.built_at),
            None => last_end.is_some(),
        };
        if !due {
            return Ok(false);
        }
        let report = self.publish_archive(group, &dir, false).await?;
        tracing::info!(
            group = group.id,
            files = report.write.written,
            removed = report.write.removed.len(),
            rewritten_for_privacy = report.was_stale,
            "archive written"
        );
        Ok(true)
    }

    /// The opinion map of a session, where it has one (issue 17's `session_map`): its
    /// chart (added to the site as `map-<session>.png`) with its description, and its text
    /// when no summary (which carries the map) is shown.
    async fn archive_opinion_map(
        &self,
        group: &Group,
        session: &SessionRow,
        has_summary: bool,
        site: &mut Site,
    ) -> Result<Option<serde_json::Value>, CommandError> {
        let Some(view) = self.session_map(group, session.id).await? else {
            return Ok(None);
        };
        let chart = match self.map_chart_file(&view, &format!("session-{}", session.id))? {
            Some(file) => {
                let name = format!("map-{}.png", session.id);
                site.add(name.clone(), file.bytes);
                Some(name)
            }
            None => None,
        };
        Ok(Some(json!({
            "chart": chart,
            "alt": view.alt_text,
            "markdown": if has_summary { None } else { Some(view.markdown) },
        })))
    }
}

/// How a folder is named in the archives table: its absolute path where it can be found.
fn archive_key(dir: &std::path::Path) -> String {
    std::fs::canonicalize(dir)
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf())
        .display()
        .to_string()
}

/// Replies that were not deleted.
fn live_replies(rows: &[ReplyRow]) -> usize {
    rows.iter().filter(|r| r.deleted_at.is_none()).count()
}

/// The most results the search page lists (search.js shows this many).
const SEARCH_MAX_RESULTS: usize = 100;

/// The words search.js shows, in `loc`: `{n}` and `{query}` are filled in by the script,
/// and `found` has one text per plural category (the script picks it with
/// `Intl.PluralRules` for the page's language).
fn search_labels(loc: Locale, entries: usize) -> serde_json::Value {
    let found: serde_json::Map<String, serde_json::Value> =
        ["zero", "one", "two", "few", "many", "other"]
            .into_iter()
            .map(|form| {
                (
                    form.to_string(),
                    json!(t!(
                        loc,
                        "archive-search-found",
                        form = form,
                        n = "{n}",
                        query = "{query}"
                    )),
                )
            })
            .collect();
    json!({
        "max": SEARCH_MAX_RESULTS,
        "prompt": t!(loc, "archive-search-prompt", n = entries as i64),
        "none": t!(loc, "archive-search-none", query = "{query}"),
        "found": found,
        "first": t!(loc, "archive-search-first", max = SEARCH_MAX_RESULTS as i64),
        "replyIn": t!(loc, "archive-search-reply-in", who = "{who}", title = "{title}"),
        "member": t!(loc, "a-member"),
        "reply": t!(loc, "archive-search-reply"),
        "excerpt": t!(loc, "archive-search-excerpt"),
    })
}

fn excerpt_view(
    e: &crate::store::ExcerptRow,
    questions: Vec<String>,
    map: &ReadingMap,
    session: Option<&SessionData>,
    loc: Locale,
) -> ExcerptView {
    let anchor = |i: usize| format!("e{}s{}", e.seq, i + 1);
    let session_href = session.map(|s| session_page(s.row.id));
    let replies_by_id: HashMap<i64, &ReplyRow> = session
        .map(|s| s.replies.iter().map(|r| (r.id, r)).collect())
        .unwrap_or_default();
    let paragraphs = map
        .paragraphs
        .iter()
        .map(|p| {
            p.iter()
                .filter_map(|&i| {
                    let s = map.sentences.get(i)?;
                    Some(SentenceView {
                        anchor: anchor(i),
                        text: s.text.clone(),
                        level: s.level,
                        replies: s.replies.len(),
                        most: map.most_discussed == Some(i),
                        contested: map.most_contested == Some(i),
                    })
                })
                .collect()
        })
        .collect();
    let confusions = map
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.questions.is_empty())
        .map(|(i, s)| ConfusionView {
            anchor: anchor(i),
            sentence: s.text.clone(),
            questions: s
                .questions
                .iter()
                .filter_map(|id| replies_by_id.get(id))
                .map(|r| AskedView {
                    who: shown_name(r, loc),
                    text: r.text.clone(),
                    href: format!("{}#r{}", session_href.clone().unwrap_or_default(), r.id),
                })
                .collect(),
        })
        .collect();
    ExcerptView {
        id: e.id,
        seq: e.seq,
        anchor: format!("e{}", e.seq),
        paragraphs,
        notes: e.notes.clone(),
        questions,
        session_href,
        session_date: session.map(|s| s.date.clone()),
        replies: session.map(|s| live_replies(&s.replies)).unwrap_or(0),
        direct_replies: map.direct_replies,
        most_discussed: map.most_discussed.and_then(|i| {
            map.sentences
                .get(i)
                .map(|s| (s.text.clone(), s.replies.len(), anchor(i)))
        }),
        most_contested: map.most_contested.and_then(|i| {
            map.sentences
                .get(i)
                .map(|s| (s.text.clone(), s.agree, s.disagree, anchor(i)))
        }),
        confusions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, message: &str, reply_to: Option<&str>, deleted: bool) -> ReplyRow {
        ReplyRow {
            id,
            session_id: 1,
            member_key: format!("console:m{id}"),
            display_name: format!("M{id}"),
            quotes_allowed: id != 3,
            platform: "console".into(),
            message_id: message.into(),
            reply_to: reply_to.map(str::to_string),
            text: format!("text {id}"),
            posted_at: id * 60_000,
            edited_at: None,
            deleted_at: deleted.then_some(id),
        }
    }

    #[test]
    fn quoted_lines_are_told_apart() {
        let parts = text_parts("> one\n>two\nmine\nstill mine\n> three");
        let quoted: Vec<(bool, &str)> = parts.iter().map(|p| (p.quote, p.text.as_str())).collect();
        assert_eq!(
            quoted,
            vec![
                (true, "one\ntwo"),
                (false, "mine\nstill mine"),
                (true, "three")
            ]
        );
    }

    #[test]
    fn replies_thread_under_what_they_answer() {
        let rows = vec![
            row(1, "a", Some("excerpt-post"), false),
            row(2, "b", Some("a"), false),
            row(3, "c", Some("b"), true),
            row(4, "d", None, false),
            row(5, "e", Some("gone"), false),
        ];
        let t = thread(&rows, chrono_tz::UTC, Locale::En, Some("excerpt-post"));
        assert!(!t[0].orphan);
        assert_eq!(t.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1, 4, 5]);
        assert_eq!(t[0].children[0].id, 2);
        let deleted = &t[0].children[0].children[0];
        assert!(deleted.deleted && deleted.parts.is_empty());
        assert_eq!(deleted.who, "a member");
        assert!(t[2].orphan);
        assert_eq!(t[1].time, "00:04");
    }
}
