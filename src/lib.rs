//! colloquy: a discussion bot for reading groups.
//!
//! A map of the crate, from the inside out:
//! - [`domain`]: pure types and rules (texts, excerpts, questions, commands, polls,
//!   schedules, summaries). No I/O.
pub mod app;
pub mod boot;
pub mod chart;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod engine;
pub mod llm;
pub mod loadtest;
pub mod platform;
pub mod ports;
pub mod render;
pub mod store;
