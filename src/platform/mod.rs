//! Adapters: each translates one chat platform to the engine and back, nothing more.

pub mod console;
mod translated;

pub use translated::Translated;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;
