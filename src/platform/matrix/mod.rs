//! Matrix: matrix-sdk (in progress).

/// Connect to Matrix (not built yet: the adapter is the next piece of work).
pub async fn start(
    _engine: crate::engine::Engine,
    _config: crate::config::Matrix,
    _stop: tokio::sync::watch::Receiver<bool>,
) -> anyhow::Result<tokio::task::JoinHandle<()>> {
    anyhow::bail!("the Matrix adapter is not built yet")
}
