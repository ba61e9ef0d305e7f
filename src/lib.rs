//! colloquy: a discussion bot for reading groups.
//!
//! A map of the crate, from the inside out:
//! - [`domain`]: pure types and rules (texts, excerpts, questions, commands, polls,
//!   schedules, summaries). No I/O.
pub mod chart;
pub mod domain;
pub mod ports;
pub mod render;
pub mod store;
