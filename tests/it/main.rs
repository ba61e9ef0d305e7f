//! The integration tests: one test binary for the whole project, so the heavy
//! dependency set is linked once. Each module covers one capability.
#![recursion_limit = "256"]

mod archive;
mod browser;
mod cli;
mod common;
mod core_flow;
mod core_polls;
mod core_scheduler;
mod event_mapping;
mod i18n;
mod i18n_views;
mod leases;
mod live;
mod live_reactions;
mod migrate;
mod opinion;
mod ops;
mod pg_version;
mod properties;
mod reading_quality;
mod safety;
mod summaries;
mod words;

#[cfg(feature = "discord")]
mod discord_bot;
#[cfg(feature = "discord")]
mod discord_commands_i18n;
#[cfg(feature = "discord")]
mod discord_gateway;
#[cfg(feature = "discord")]
mod discord_live;
#[cfg(feature = "discord")]
mod discord_opinion;
#[cfg(feature = "discord")]
mod fake_discord_selftest;
#[cfg(feature = "matrix")]
mod matrix_bot;
#[cfg(feature = "matrix")]
mod matrix_live;
#[cfg(feature = "matrix")]
mod matrix_selftest;
#[cfg(feature = "discord")]
mod shards;
