//! Importing readings, listing them, previewing the next excerpt.

use serde::Serialize;

use super::{CommandError, Engine, Reply, Upload};
use crate::domain::import::{ImportOptions, PreparedReading, prepare};
use crate::domain::reading::MetaItem;
use crate::domain::words::count;
use crate::store::{Group, NewExcerpt, NewReading};

/// What an import did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportReport {
    pub reading_id: i64,
    pub title: String,
    pub author: Option<String>,
    pub excerpts: usize,
    pub words: usize,
    pub metadata: Vec<MetaItem>,
    /// The first excerpt's questions, as a taste.
    pub first_questions: Vec<String>,
}

impl ImportReport {
    /// One message for the chat or the terminal.
    pub fn describe(&self) -> String {
        let mut text = format!(
            "Imported **{}**{} (reading #{}): {} in {}.",
            self.title,
            self.author
                .as_ref()
                .map(|a| format!(" by {a}"))
                .unwrap_or_default(),
            self.reading_id,
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
        text
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
        title: Option<String>,
        author: Option<String>,
        words: Option<usize>,
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
                "\"{}\" is {} KB; the limit is {} KB. Split the reading into parts and import them one after another.",
                upload.name,
                upload.bytes.len() / 1024,
                limit / 1024
            )));
        }
        let options = ImportOptions {
            title,
            author,
            words: words.or(Some(group.words as usize)),
            file_name: Some(upload.name.clone()),
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
        let prompts = self.prompts().clone();
        let source_name = options.file_name.clone();
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
            group_id: group.id,
            title: prepared.title.clone(),
            author: prepared.author.clone(),
            metadata: serde_json::to_string(&prepared.metadata).unwrap_or_else(|_| "[]".into()),
            source_name,
            words: prepared.words as i64,
            excerpts: prepared
                .excerpts
                .iter()
                .map(|e| NewExcerpt {
                    text: e.text.clone(),
                    words: e.words as i64,
                    terms: serde_json::to_string(&e.material.terms).unwrap_or_else(|_| "[]".into()),
                    questions: e
                        .questions
                        .iter()
                        .map(|q| (q.kind.as_str().to_string(), q.text.clone()))
                        .collect(),
                    claims: e.material.claims.clone(),
                })
                .collect(),
        };
        let reading_id = self
            .store()
            .insert_reading(&new, super::store_ms(self.now()))
            .await?;
        tracing::info!(
            reading_id,
            excerpts = new.excerpts.len(),
            "reading imported"
        );
        Ok(ImportReport {
            reading_id,
            title: prepared.title,
            author: prepared.author,
            excerpts: prepared.excerpts.len(),
            words: prepared.words,
            metadata: prepared.metadata,
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
                "- #{} **{}**{} · {}, {} · {state}\n",
                r.id,
                r.title,
                r.author
                    .as_ref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default(),
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
