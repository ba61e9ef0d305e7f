//! Importing readings, listing them, previewing the next excerpt.

use serde::Serialize;

use super::{CommandError, Engine, Reply, Upload};
use crate::domain::ids::{ChannelKey, Platform};
use crate::domain::import::{ImportOptions, PreparedReading, human_size, prepare};
use crate::domain::reading::MetaItem;
use crate::domain::schedule::Days;
use crate::i18n::Locale;
use crate::store::{Group, GroupSettings, ImportGroup, ImportOutcome, NewExcerpt, NewReading};
use crate::t;

/// A reading with more excerpts than this gets a notice of how long it will take.
pub const LONG_READING_EXCERPTS: usize = 30;

/// What an import did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportReport {
    pub reading_id: i64,
    /// The group's channel key, e.g. `console:sem`.
    pub group: String,
    /// Whether the group was made by this import (`--create`).
    pub created_group: bool,
    pub title: String,
    pub author: Option<String>,
    pub excerpts: usize,
    pub words: usize,
    pub metadata: Vec<MetaItem>,
    /// Footnotes taken out of the body, and whether they go with their excerpts.
    pub footnotes: usize,
    pub footnotes_kept: bool,
    /// Things the facilitator should know (e.g. how many weeks the reading will take).
    pub notices: Vec<String>,
    /// The first excerpt's questions, as a taste.
    pub first_questions: Vec<String>,
    /// The language code the reading was cut and questioned in ("ru").
    pub language: String,
}

impl ImportReport {
    /// One message for the terminal, in English.
    pub fn describe(&self) -> String {
        self.describe_in(Locale::En)
    }

    /// One message for the chat, in the group's language.
    pub fn describe_in(&self, loc: Locale) -> String {
        let title = match &self.author {
            Some(a) => t!(
                loc,
                "import-title-by",
                title = self.title.as_str(),
                author = a.as_str()
            ),
            None => t!(loc, "import-title", title = self.title.as_str()),
        };
        let mut text = t!(
            loc,
            "import-done",
            title = title,
            id = self.reading_id,
            language = crate::domain::language::label_in(&self.language, loc),
            words = t!(loc, "count-words", n = self.words),
            excerpts = t!(loc, "count-excerpts", n = self.excerpts)
        );
        if !self.metadata.is_empty() {
            let keys: Vec<&str> = self.metadata.iter().map(|m| m.key.as_str()).collect();
            text.push(' ');
            text.push_str(&t!(loc, "import-front-matter", keys = keys.join(", ")));
        }
        if self.footnotes > 0 {
            text.push(' ');
            text.push_str(&if self.footnotes_kept {
                t!(loc, "import-footnotes-kept", n = self.footnotes)
            } else {
                t!(loc, "import-footnotes-dropped", n = self.footnotes)
            });
        }
        for notice in &self.notices {
            text.push('\n');
            text.push_str(notice);
        }
        text
    }
}

/// Where an import goes: a group that exists, or a new one made with the reading.
#[derive(Debug, Clone)]
pub enum ImportTarget {
    Group(Box<Group>),
    /// Made in the same transaction as the reading, with the default schedule; a bare
    /// console channel gets its id as its short name.
    Create(ChannelKey),
}

/// "This reading has 93 excerpts: about 19 weeks at the group's schedule (weekdays)."
pub fn length_notice(excerpts: usize, days: Days) -> Option<String> {
    length_notice_in(excerpts, days, Locale::En)
}

/// [`length_notice`] in `loc`.
pub fn length_notice_in(excerpts: usize, days: Days, loc: Locale) -> Option<String> {
    if excerpts <= LONG_READING_EXCERPTS {
        return None;
    }
    let per_week = days.0.count_ones().max(1) as usize;
    let weeks = (excerpts as f64 / per_week as f64).round().max(1.0) as usize;
    Some(t!(
        loc,
        "import-long-reading",
        excerpts = excerpts,
        weeks = t!(loc, "count-weeks", n = weeks),
        days = super::setup::describe_days(days, loc)
    ))
}

/// The time zone of the group an import goes to (UTC for a group it makes).
fn zone_of(target: &ImportTarget) -> chrono_tz::Tz {
    match target {
        ImportTarget::Group(g) => Engine::zone(g),
        ImportTarget::Create(_) => chrono_tz::UTC,
    }
}

/// Accepted file name endings for chat uploads.
const TEXT_ENDINGS: &[&str] = &[".txt", ".md", ".markdown", ".text"];

impl Engine {
    /// Import a file uploaded in a chat (size-limited, .txt or .md).
    pub async fn import_upload(
        &self,
        group: &Group,
        upload: &Upload,
        options: ImportOptions,
    ) -> Result<ImportReport, CommandError> {
        let loc = group.locale();
        let lower = upload.name.to_lowercase();
        if !TEXT_ENDINGS.iter().any(|e| lower.ends_with(e)) {
            return Err(CommandError::invalid(t!(
                loc,
                "import-not-text",
                name = upload.name.as_str()
            )));
        }
        let limit = self.settings().max_upload_bytes;
        if upload.bytes.len() > limit {
            return Err(CommandError::invalid(t!(
                loc,
                "import-too-large",
                name = upload.name.as_str(),
                size = human_size(upload.bytes.len()),
                limit = human_size(limit)
            )));
        }
        let options = ImportOptions {
            words: options.words.or(Some(group.words as usize)),
            file_name: Some(upload.name.clone()),
            ..options
        };
        self.import_bytes(group, upload.bytes.clone(), options, None)
            .await
    }

    /// Import text into a group. `progress(done, total)` reports progress on large files.
    pub async fn import_bytes(
        &self,
        group: &Group,
        bytes: Vec<u8>,
        options: ImportOptions,
        progress: Option<Box<dyn Fn(usize, usize) + Send + Sync>>,
    ) -> Result<ImportReport, CommandError> {
        self.import_into(
            ImportTarget::Group(Box::new(group.clone())),
            bytes,
            options,
            progress,
        )
        .await
    }

    /// Import text into a group or a group made with it. Everything is checked before
    /// anything is written, and the group (when made) and the reading are written in one
    /// transaction: a refused import writes nothing. A group's settings are never changed.
    pub async fn import_into(
        &self,
        target: ImportTarget,
        bytes: Vec<u8>,
        options: ImportOptions,
        progress: Option<Box<dyn Fn(usize, usize) + Send + Sync>>,
    ) -> Result<ImportReport, CommandError> {
        let loc = match &target {
            ImportTarget::Group(g) => g.locale(),
            ImportTarget::Create(_) => Locale::En,
        };
        let prompts = self.prompts().clone();
        let source_name = options.file_name.clone();
        let again = options.again;
        let footnotes_kept = !options.drop_footnotes;
        // Segmenting and question generation are CPU work: keep them off the async threads.
        let prepared: PreparedReading = tokio::task::spawn_blocking(move || {
            let report = |done: usize, total: usize| {
                if let Some(p) = &progress {
                    p(done, total);
                }
            };
            prepare(&bytes, &options, &prompts.questions, &report)
        })
        .await
        .map_err(|e| CommandError::Internal(e.to_string()))??;
        let new = NewReading {
            title: prepared.title.clone(),
            author: prepared.author.clone(),
            metadata: serde_json::to_string(&prepared.metadata)
                .map_err(|e| CommandError::Internal(e.to_string()))?,
            source_name,
            words: prepared.words as i64,
            fingerprint: Some(prepared.fingerprint.clone()),
            language: prepared.language.clone(),
            excerpts: prepared
                .excerpts
                .iter()
                .map(|e| {
                    Ok(NewExcerpt {
                        text: e.text.clone(),
                        words: e.words as i64,
                        terms: serde_json::to_string(&e.material.terms)?,
                        notes: serde_json::to_string(&e.notes)?,
                        questions: e
                            .questions
                            .iter()
                            .map(|q| (q.kind.as_str().to_string(), q.text.clone()))
                            .collect(),
                        claims: e.material.claims.clone(),
                    })
                })
                .collect::<Result<Vec<_>, serde_json::Error>>()
                .map_err(|e| CommandError::Internal(e.to_string()))?,
        };
        let settings;
        let group = match &target {
            ImportTarget::Group(g) => ImportGroup::Existing(g.id),
            ImportTarget::Create(channel) => {
                settings = GroupSettings {
                    name: (channel.platform == Platform::Console).then(|| channel.id.clone()),
                    words: crate::domain::segment::DEFAULT_WORDS as i64,
                    ..GroupSettings::default()
                };
                ImportGroup::Create {
                    channel,
                    settings: &settings,
                }
            }
        };
        let outcome = self
            .store()
            .import_reading(group, &new, super::store_ms(self.now()), again)
            .await?;
        let (reading_id, group, created_group) = match outcome {
            ImportOutcome::Imported {
                reading_id,
                group,
                created,
            } => (reading_id, group, created),
            ImportOutcome::Duplicate(earlier) => {
                let when = chrono::DateTime::from_timestamp_millis(earlier.imported_at)
                    .map(|at| crate::i18n::format_date(at, zone_of(&target), loc))
                    .unwrap_or_default();
                return Err(CommandError::invalid(t!(
                    loc,
                    "import-duplicate",
                    id = earlier.id,
                    title = earlier.title.as_str(),
                    when = when
                )));
            }
        };
        if created_group {
            self.inner.sessions.invalidate();
        }
        tracing::info!(
            reading_id,
            excerpts = new.excerpts.len(),
            "reading imported"
        );
        Ok(ImportReport {
            reading_id,
            group: group.channel.clone(),
            created_group,
            title: prepared.title,
            author: prepared.author,
            excerpts: prepared.excerpts.len(),
            words: prepared.words,
            metadata: prepared.metadata,
            footnotes: prepared.footnotes,
            footnotes_kept,
            notices: length_notice_in(prepared.excerpts.len(), group.days, loc)
                .into_iter()
                .chain(prepared.notices.iter().map(|n| n.message(loc)))
                .collect(),
            language: prepared.language.clone(),
            first_questions: prepared
                .excerpts
                .first()
                .map(|e| e.questions.iter().map(|q| q.text.clone()).collect())
                .unwrap_or_default(),
        })
    }

    pub(super) async fn reading_list(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let readings = self.store().readings(group.id).await?;
        if readings.is_empty() {
            return Ok(Reply::public(t!(loc, "reading-list-empty")));
        }
        let mut text = t!(loc, "reading-list-title");
        text.push('\n');
        for r in &readings {
            let state = if r.posted >= r.excerpt_count {
                t!(loc, "reading-state-finished")
            } else if r.posted == 0 {
                t!(loc, "reading-state-not-started")
            } else {
                t!(
                    loc,
                    "reading-state-posted",
                    posted = r.posted,
                    total = r.excerpt_count
                )
            };
            let title = match &r.author {
                Some(a) => t!(
                    loc,
                    "import-title-by",
                    title = r.title.as_str(),
                    author = a.as_str()
                ),
                None => t!(loc, "import-title", title = r.title.as_str()),
            };
            text.push_str(&format!(
                "- #{} {title} · {} · {}, {} · {state}\n",
                r.id,
                crate::domain::language::label_in(&r.language, loc),
                t!(loc, "count-words", n = r.words),
                t!(loc, "count-excerpts", n = r.excerpt_count)
            ));
        }
        Ok(Reply::public(text.trim_end().to_string()))
    }

    pub(super) async fn reading_preview(
        &self,
        group: &Group,
        reading: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let excerpt = match reading {
            None => self.store().next_excerpt(group.id).await?,
            Some(id) => {
                let r = self
                    .store()
                    .reading(id)
                    .await?
                    .filter(|r| r.group_id == group.id)
                    .ok_or_else(|| CommandError::invalid(t!(loc, "reading-no-such", id = id)))?;
                let posted = r.posted;
                self.store()
                    .excerpts(r.id)
                    .await?
                    .into_iter()
                    .nth(posted as usize)
            }
        };
        let Some(excerpt) = excerpt else {
            return Ok(Reply::public(t!(loc, "reading-preview-nothing-left")));
        };
        let post = self.excerpt_post(&excerpt, 0).await?;
        Ok(Reply::private(format!(
            "{}\n\n{}",
            t!(loc, "reading-preview-next"),
            post.markdown
        )))
    }
}
