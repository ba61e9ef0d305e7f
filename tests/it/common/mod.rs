//! Shared test support: fakes of the chat platforms and a test application.
#![allow(dead_code)]

pub mod app;
pub mod verbs;

#[cfg(feature = "discord")]
pub mod discord_app;
#[cfg(feature = "discord")]
pub mod fake_discord;
#[cfg(feature = "matrix")]
pub mod matrix_bot_harness;
#[cfg(feature = "matrix")]
pub mod matrix_member;
