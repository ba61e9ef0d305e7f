//! Readings, their excerpts, questions and claims.

use sqlx::{FromRow, QueryBuilder};

use super::db::{JsonColumn, on_pool, on_tx};

use super::groups::{GROUP_COLUMNS, Group, GroupSettings};
use super::{Result, Store, StoreError};
use crate::domain::ids::ChannelKey;

/// A reading to insert, with everything derived from it.
#[derive(Debug, Clone)]
pub struct NewReading {
    pub title: String,
    pub author: Option<String>,
    /// JSON array of {key, value}.
    pub metadata: String,
    pub source_name: Option<String>,
    pub words: i64,
    /// The body's fingerprint (SHA-256, hex), to notice the same text imported twice.
    pub fingerprint: Option<String>,
    /// The language code ("ru"; see domain::language).
    pub language: String,
    pub excerpts: Vec<NewExcerpt>,
}

/// The group a reading goes to: one that exists, or one made together with the reading
/// (so that a failed import leaves no group behind).
#[derive(Debug, Clone, Copy)]
pub enum ImportGroup<'a> {
    Existing(i64),
    Create {
        channel: &'a ChannelKey,
        settings: &'a GroupSettings,
    },
}

/// What [`Store::import_reading`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Stored; `created` when the group was made with it.
    Imported {
        reading_id: i64,
        group: Group,
        created: bool,
    },
    /// Nothing was written: the group already has a reading with this fingerprint.
    Duplicate(ReadingRow),
}

#[derive(Debug, Clone)]
pub struct NewExcerpt {
    pub text: String,
    pub words: i64,
    /// JSON array of key terms.
    pub terms: String,
    /// JSON array of the footnotes shown under the excerpt.
    pub notes: String,
    /// (kind, text)
    pub questions: Vec<(String, String)>,
    pub claims: Vec<String>,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ReadingRow {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    pub author: Option<String>,
    /// The front matter, read from its JSON as the row is read.
    #[sqlx(try_from = "JsonColumn")]
    pub metadata: Vec<crate::domain::reading::MetaItem>,
    pub source_name: Option<String>,
    pub words: i64,
    pub excerpt_count: i64,
    pub imported_at: i64,
    pub finished_noted: bool,
    pub fingerprint: Option<String>,
    /// The language code the reading was cut and questioned in ("en", "ru", "zh", "de",
    /// "fr", or another language's ISO 639-3 code).
    pub language: String,
    /// Excerpts already posted (computed).
    pub posted: i64,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct ExcerptRow {
    pub id: i64,
    pub reading_id: i64,
    pub seq: i64,
    pub text: String,
    pub words: i64,
    /// The excerpt's key terms, read from their JSON as the row is read.
    #[sqlx(try_from = "JsonColumn")]
    pub terms: Vec<String>,
    /// The excerpt's footnotes ("[6] …"), shown under it.
    #[sqlx(try_from = "JsonColumn")]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct QuestionRow {
    pub kind: String,
    pub text: String,
}

/// Rows per multi-row INSERT (well under SQLite's limit on bound parameters).
const CHUNK: usize = 400;

const READING_COLUMNS: &str = "r.id, r.group_id, r.title, r.author, r.metadata, r.source_name, r.words, \
     r.excerpt_count, r.imported_at, r.finished_noted, r.fingerprint, r.language, \
     (SELECT COUNT(DISTINCT s.excerpt_id) FROM sessions s JOIN excerpts e ON e.id = s.excerpt_id WHERE e.reading_id = r.id) AS posted";

/// Insert a reading's excerpts with their questions and claims, in multi-row statements
/// (a macro so the same code is compiled for each engine's connection).
macro_rules! insert_excerpts {
    ($conn:expr, $reading_id:expr, $reading:expr) => {{
        let reading_id: i64 = $reading_id;
        let reading: &NewReading = $reading;
        for (c, chunk) in reading.excerpts.chunks(CHUNK).enumerate() {
            let mut qb = QueryBuilder::new(
                "INSERT INTO excerpts (reading_id, seq, text, words, terms, notes) ",
            );
            qb.push_values(chunk.iter().enumerate(), |mut row, (i, e)| {
                row.push_bind(reading_id)
                    .push_bind((c * CHUNK + i + 1) as i64)
                    .push_bind(&e.text)
                    .push_bind(e.words)
                    .push_bind(&e.terms)
                    .push_bind(&e.notes);
            });
            qb.push(" RETURNING id, seq");
            let mut ids: Vec<(i64, i64)> = qb.build_query_as().fetch_all(&mut *$conn).await?;
            // Matched to their excerpts by sequence number, whatever order RETURNING used.
            ids.sort_by_key(|(_, seq)| *seq);
            let pairs: Vec<(i64, &NewExcerpt)> =
                ids.iter().map(|(id, _)| *id).zip(chunk.iter()).collect();
            let questions: Vec<(i64, usize, &(String, String))> = pairs
                .iter()
                .flat_map(|(id, e)| {
                    e.questions
                        .iter()
                        .enumerate()
                        .map(move |(k, q)| (*id, k, q))
                })
                .collect();
            for qchunk in questions.chunks(CHUNK) {
                let mut qb =
                    QueryBuilder::new("INSERT INTO questions (excerpt_id, seq, kind, text) ");
                qb.push_values(qchunk, |mut row, (id, k, (kind, text))| {
                    row.push_bind(*id)
                        .push_bind((*k + 1) as i64)
                        .push_bind(kind)
                        .push_bind(text);
                });
                qb.build().execute(&mut *$conn).await?;
            }
            let claims: Vec<(i64, usize, &String)> = pairs
                .iter()
                .flat_map(|(id, e)| e.claims.iter().enumerate().map(move |(k, c)| (*id, k, c)))
                .collect();
            for cchunk in claims.chunks(CHUNK) {
                let mut qb = QueryBuilder::new("INSERT INTO claims (excerpt_id, seq, text) ");
                qb.push_values(cchunk, |mut row, (id, k, text)| {
                    row.push_bind(*id)
                        .push_bind((*k + 1) as i64)
                        .push_bind(*text);
                });
                qb.build().execute(&mut *$conn).await?;
            }
        }
    }};
}

impl Store {
    /// Insert a reading and all its excerpts, questions and claims in one transaction,
    /// creating its group in the same transaction when asked. Unless `again`, a group
    /// that already has a reading with the same fingerprint gets nothing written.
    pub async fn import_reading(
        &self,
        group: ImportGroup<'_>,
        reading: &NewReading,
        now_ms: i64,
        again: bool,
    ) -> Result<ImportOutcome> {
        let mut tx = self.write_tx().await?;
        let (group_id, created) = match group {
            ImportGroup::Existing(id) => (id, false),
            ImportGroup::Create { channel, settings } => {
                let made: Option<i64> = on_tx!(tx, c => sqlx::query_scalar(
                    "INSERT INTO groups (channel, platform, name, time_zone, post_time, days, catch_up, summary_time, words, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT(channel) DO NOTHING RETURNING id",
                )
                .bind(channel.key())
                .bind(channel.platform.as_str())
                .bind(&settings.name)
                .bind(settings.time_zone.name())
                .bind(settings.post_time.to_string())
                .bind(settings.days.to_string())
                .bind(settings.catch_up.as_str())
                .bind(settings.summary_time.to_string())
                .bind(settings.words)
                .bind(now_ms)
                .fetch_optional(c).await)?;
                match made {
                    Some(id) => (id, true),
                    // Made meanwhile by someone else: use it as it is.
                    None => (
                        on_tx!(tx, c => sqlx::query_scalar("SELECT id FROM groups WHERE channel = $1")
                            .bind(channel.key())
                            .fetch_one(c).await)?,
                        false,
                    ),
                }
            }
        };
        if !again && let Some(fingerprint) = &reading.fingerprint {
            let earlier: Option<ReadingRow> = on_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT {READING_COLUMNS} FROM readings r WHERE r.group_id = $1 AND r.fingerprint = $2 ORDER BY r.id LIMIT 1"
            )))
            .bind(group_id)
            .bind(fingerprint)
            .fetch_optional(c).await)?;
            if let Some(earlier) = earlier {
                tx.rollback().await?;
                return Ok(ImportOutcome::Duplicate(earlier));
            }
        }
        let reading_id: i64 = on_tx!(tx, c => sqlx::query_scalar(
            "INSERT INTO readings (group_id, title, author, metadata, source_name, words, excerpt_count, imported_at, fingerprint, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(group_id)
        .bind(&reading.title)
        .bind(&reading.author)
        .bind(&reading.metadata)
        .bind(&reading.source_name)
        .bind(reading.words)
        .bind(reading.excerpts.len() as i64)
        .bind(now_ms)
        .bind(&reading.fingerprint)
        .bind(&reading.language)
        .fetch_one(c).await)?;
        on_tx!(tx, conn => insert_excerpts!(conn, reading_id, reading));
        let group: Group = on_tx!(tx, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {GROUP_COLUMNS} FROM groups WHERE id = $1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?
        .ok_or_else(|| StoreError::Vanished {
            what: format!("group {group_id}"),
        })?;
        tx.commit().await?;
        Ok(ImportOutcome::Imported {
            reading_id,
            group,
            created,
        })
    }

    pub async fn readings(&self, group_id: i64) -> Result<Vec<ReadingRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {READING_COLUMNS} FROM readings r WHERE r.group_id = $1 ORDER BY r.id"
        )))
        .bind(group_id)
        .fetch_all(c).await)?,
        )
    }

    pub async fn reading(&self, id: i64) -> Result<Option<ReadingRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {READING_COLUMNS} FROM readings r WHERE r.id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    pub async fn excerpts(&self, reading_id: i64) -> Result<Vec<ExcerptRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as("SELECT id, reading_id, seq, text, words, terms, notes FROM excerpts WHERE reading_id = $1 ORDER BY seq")
            .bind(reading_id)
            .fetch_all(c).await)?,
        )
    }

    pub async fn excerpt(&self, id: i64) -> Result<Option<ExcerptRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT id, reading_id, seq, text, words, terms, notes FROM excerpts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(c).await)?)
    }

    /// The group's next excerpt that no session has posted yet, in reading order.
    pub async fn next_excerpt(&self, group_id: i64) -> Result<Option<ExcerptRow>> {
        Ok(on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT e.id, e.reading_id, e.seq, e.text, e.words, e.terms, e.notes
             FROM excerpts e JOIN readings r ON r.id = e.reading_id
             WHERE r.group_id = $1 AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.excerpt_id = e.id)
             ORDER BY r.id, e.seq LIMIT 1",
        )
        .bind(group_id)
        .fetch_optional(c).await)?)
    }

    /// The excerpt before this one in its reading.
    pub async fn previous_excerpt(&self, excerpt: &ExcerptRow) -> Result<Option<ExcerptRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as("SELECT id, reading_id, seq, text, words, terms, notes FROM excerpts WHERE reading_id = $1 AND seq = $2")
            .bind(excerpt.reading_id)
            .bind(excerpt.seq - 1)
            .fetch_optional(c).await)?,
        )
    }

    pub async fn questions(&self, excerpt_id: i64) -> Result<Vec<QuestionRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as("SELECT kind, text FROM questions WHERE excerpt_id = $1 ORDER BY seq")
                .bind(excerpt_id)
                .fetch_all(c).await)?,
        )
    }

    pub async fn claims(&self, excerpt_id: i64) -> Result<Vec<String>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_scalar("SELECT text FROM claims WHERE excerpt_id = $1 ORDER BY seq")
                .bind(excerpt_id)
                .fetch_all(c).await)?,
        )
    }

    /// The most recent reading that has run out of unposted excerpts and was not yet announced.
    pub async fn mark_reading_finished(&self, reading_id: i64) -> Result<bool> {
        let done = on_pool!(&self.pool, c => sqlx::query(
            "UPDATE readings SET finished_noted = TRUE WHERE id = $1 AND finished_noted = FALSE",
        )
        .bind(reading_id)
        .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(done == 1)
    }

    /// The last reading of the group (the one that ran out when nothing is left).
    pub async fn last_reading(&self, group_id: i64) -> Result<Option<ReadingRow>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {READING_COLUMNS} FROM readings r WHERE r.group_id = $1 ORDER BY r.id DESC LIMIT 1"
        )))
        .bind(group_id)
        .fetch_optional(c).await)?,
        )
    }
}

impl Store {
    /// Replace an excerpt's questions (e.g. with ones an LLM wrote), in one transaction.
    pub async fn replace_questions(
        &self,
        excerpt_id: i64,
        questions: &[(String, String)],
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        on_tx!(tx, c => sqlx::query("DELETE FROM questions WHERE excerpt_id = $1")
            .bind(excerpt_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        for (i, (kind, text)) in questions.iter().enumerate() {
            on_tx!(tx, c => sqlx::query("INSERT INTO questions (excerpt_id, seq, kind, text) VALUES ($1, $2, $3, $4)")
                .bind(excerpt_id)
                .bind((i + 1) as i64)
                .bind(kind)
                .bind(text)
                .execute(c).await.map(|d| d.rows_affected()))?;
        }
        tx.commit().await?;
        Ok(())
    }
}
