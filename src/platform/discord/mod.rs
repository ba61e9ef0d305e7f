//! Discord: serenity + poise (in progress).

/// Connect to Discord (not built yet: the adapter is the next piece of work).
pub async fn start(
    _engine: crate::engine::Engine,
    _config: crate::config::Discord,
    _stop: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    anyhow::bail!("the Discord adapter is not built yet")
}
