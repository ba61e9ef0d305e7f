//! Adapters: each translates one chat platform to the engine and back, nothing more.

pub mod console;
#[cfg(feature = "discord")]
pub mod discord;
#[cfg(feature = "matrix")]
pub mod matrix;
