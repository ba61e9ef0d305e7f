//! Pure types and rules of the product, no I/O: texts, readings, excerpts, questions,
//! commands, polls, live seminars (agenda, queue, breakouts), opinion maps and deliberation statistics, schedules and summaries.

pub mod anon;
pub mod claims;
pub mod command;
pub mod footnotes;
pub mod ids;
pub mod import;
pub mod keyterms;
pub mod lang_terms;
pub mod language;
pub mod live;
pub mod member_claims;
pub mod opinion;
pub mod phrases;
pub mod poll;
pub mod questions;
pub mod reading;
pub mod reading_map;
pub mod schedule;
pub mod segment;
pub mod sentences;
pub mod shards;
pub mod stop_words;
pub mod summary;
pub mod summary_score;
pub mod text;
pub mod words;
