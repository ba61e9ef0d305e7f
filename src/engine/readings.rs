//! Importing readings, listing them, previewing the next excerpt.

use serde::Serialize;

use super::{CommandError, Engine, Reply, Upload};
use crate::domain::ids::{ChannelKey, Platform};
use crate::domain::import::{ImportOptions, PreparedReading, human_size, prepare};
use crate::domain::reading::MetaItem;
use crate::domain::schedule::Days;
use crate::domain::words::count;
use crate::store::{Group, GroupSettings, ImportGroup, ImportOutcome, NewExcerpt, NewReading};

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
    /// One message for the chat or the terminal.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "Imported **{}**{} (reading #{}, {}): {} in {}.",
            self.title,
            self.author
                .as_ref()
                .map(|a| format!(" by {a}"))
                .unwrap_or_default(),
            self.reading_id,
            crate::domain::language::label(&self.language),
            count(self.words, "word", "words"),
            count(self.excerpts, "excerpt", "excerpts"),
        );
        if !self.metadata.is_empty() {
            let keys: Vec<&str> = self.metadata.iter().map(|m| m.key.as_str()).collect();
            text.push_str(&format!(
                " Front matter kept as details, not posted: {}.",
                keys.join(", ")
            ));
        }
        if self.footnotes > 0 {
            let notes = if self.footnotes == 1 {
                "1 footnote".to_string()
            } else {
                format!("{} footnotes", self.footnotes)
            };
            text.push_str(&if self.footnotes_kept {
                format!(" {notes} shown under the excerpts that cite them.")
            } else {
                format!(" {notes} left out (--no-footnotes).")
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
    if excerpts <= LONG_READING_EXCERPTS {
        return None;
    }
    let per_week = days.0.count_ones().max(1) as usize;
    let weeks = (excerpts as f64 / per_week as f64).round().max(1.0) as usize;
    Some(format!(
        "Note: this reading has {excerpts} excerpts, one per posting day: about {weeks} weeks at the group's schedule ({}). Give a larger --words for fewer, longer excerpts, or import the text in parts.",
        super::setup::describe_days(days, crate::i18n::Locale::En)
    ))
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
        let lower = upload.name.to_lowercase();
        if !TEXT_ENDINGS.iter().any(|e| lower.ends_with(e)) {
            return Err(CommandError::invalid(format!(
                "\"{}\" is not a .txt or .md file. Save the reading as plain text or Markdown and attach that.",
                upload.name
            )));
        }
        let limit = self.settings().max_upload_bytes;
        if upload.bytes.len() > limit {
            return Err(CommandError::invalid(format!(
                "\"{}\" is {}; the limit is {}. Split the reading into parts and import them one after another.",
                upload.name,
                human_size(upload.bytes.len()),
                human_size(limit)
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
                    .map(|t| format!(" on {}", t.format("%Y-%m-%d")))
                    .unwrap_or_default();
                return Err(CommandError::invalid(format!(
                    "This group already has this text: reading #{} \"{}\", imported{when}. Nothing was imported; add --again to import it a second time.",
                    earlier.id, earlier.title
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
            notices: length_notice(prepared.excerpts.len(), group.days)
                .into_iter()
                .chain(prepared.warnings.iter().cloned())
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
        let readings = self.store().readings(group.id).await?;
        if readings.is_empty() {
            return Ok(Reply::public(
                "No readings yet. A facilitator can attach a .txt or .md file to `reading import`.",
            ));
        }
        let mut text = String::from("**Readings**\n");
        for r in &readings {
            let state = if r.posted >= r.excerpt_count {
                "finished".to_string()
            } else if r.posted == 0 {
                "not started".to_string()
            } else {
                format!(
                    "{} of {} posted",
                    r.posted,
                    count(r.excerpt_count, "excerpt", "excerpts")
                )
            };
            text.push_str(&format!(
                "- #{} **{}**{} · {} · {}, {} · {state}\n",
                r.id,
                r.title,
                r.author
                    .as_ref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default(),
                crate::domain::language::label(&r.language),
                count(r.words, "word", "words"),
                count(r.excerpt_count, "excerpt", "excerpts")
            ));
        }
        Ok(Reply::public(text.trim_end().to_string()))
    }

    pub(super) async fn reading_preview(
        &self,
        group: &Group,
        reading: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let excerpt = match reading {
            None => self.store().next_excerpt(group.id).await?,
            Some(id) => {
                let r = self
                    .store()
                    .reading(id)
                    .await?
                    .filter(|r| r.group_id == group.id)
                    .ok_or_else(|| {
                        CommandError::invalid(format!(
                            "This group has no reading #{id}; `reading list` shows them."
                        ))
                    })?;
                let posted = r.posted;
                self.store()
                    .excerpts(r.id)
                    .await?
                    .into_iter()
                    .nth(posted as usize)
            }
        };
        let Some(excerpt) = excerpt else {
            return Ok(Reply::public(
                "Nothing left to post: every excerpt has been posted. Import the next reading with `reading import`.",
            ));
        };
        let post = self.excerpt_post(&excerpt, 0).await?;
        Ok(Reply::private(format!("Next up:\n\n{}", post.markdown)))
    }
}
