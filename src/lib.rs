//! colloquy: a discussion bot for reading groups.
//!
//! A map of the crate, from the inside out (each layer imports only the ones above it):
//! - [`i18n`]: the bot's words in each language (Fluent files in `prompts/locales/`,
//!   compiled in), the [`i18n::Locale`] a group speaks and the [`t!`] lookup.
//! - [`domain`]: pure types and rules — texts, readings, excerpts, key terms, questions,
//!   commands (the verb table and its parser), polls, schedules, summaries. No I/O.
//! - [`store`]: the SQLite store, the only module with SQL; rows in, rows out.
//! - [`ports`]: what the engine talks through — a chat platform ([`ports::ChatPort`]) and a
//!   clock.
//! - [`render`]: the templates in `prompts/` that turn views into posts and receipts.
//! - [`chart`]: poll charts as PNG.
//! - [`llm`]: the optional OpenAI-compatible client for questions and summaries.
//! - [`engine`]: the use cases (setup, import, posting, recording, polls, sessions,
//!   summaries, privacy, export), the scheduler and the outbox's delivery. The only user of
//!   the store; adapters ask it, never the store. [`engine::archive`] builds a group's
//!   static archive in memory; [`site`] writes it to a folder.
//! - [`boot`]: the one place an engine is built, for every entry point and the tests.
//! - [`platform`]: the adapters — Discord, Matrix and the console — which translate platform
//!   events to engine calls and posts to platform messages, nothing more.
//! - [`config`]: the TOML config and its checks.
//! - [`demo`]: the offline demo, a whole day of a simulated group.
//! - [`cli`]: the command line and the console REPL; `app` (the long-running `run`, with
//!   `check-config` and `ingest`) and `loadtest` (`colloquy bench`) sit under it.
pub mod boot;
pub mod chart;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod engine;
pub mod i18n;
pub mod llm;
pub mod platform;
pub mod ports;
pub mod render;
pub mod site;
pub mod store;

mod app;
mod loadtest;
