//! `colloquy console`: the interactive console, reading lines from stdin and playing them
//! into a console group through the console platform.

use std::sync::{Arc, Mutex};

use crate::domain::ids::{ChannelKey, Platform};
use crate::platform::console::{ConsoleChat, ConsolePort, OffsetClock, Sink};

/// `colloquy console`: read lines from stdin and play them into a console group.
pub async fn run_repl(
    db: &crate::store::Location,
    group: &str,
    files_dir: std::path::PathBuf,
) -> anyhow::Result<std::process::ExitCode> {
    use tokio::io::AsyncBufReadExt;
    let clock = OffsetClock::default();
    let engine = crate::boot::offline(db, Arc::new(clock.clone())).await?;
    let channel = ChannelKey::new(Platform::Console, group);
    let tz = match engine.group_of(&channel).await? {
        Some(g) => crate::engine::Engine::zone(&g),
        None => chrono_tz::UTC,
    };
    let sink: Sink = Arc::new(Mutex::new(std::io::stdout()));
    let files_dir = Some(files_dir);
    let port = Arc::new(ConsolePort::new(
        sink,
        Arc::new(clock.clone()),
        tz,
        files_dir,
    ));
    port.continue_after(engine.last_numbered_message(Platform::Console).await?);
    engine.attach_port(port.clone());
    let mut chat = ConsoleChat::new(engine.clone(), port.clone(), channel.clone());
    port.print(&format!(
        "colloquy console · group {channel} · database {db}"
    ));
    if engine.group_of(&channel).await?.is_none() {
        port.print(
            "This group is not set up yet: start with `!cq setup --tz Europe/London --time 09:00`.",
        );
    }
    port.print("You are \"you\", a facilitator. /help lists the console's commands.");
    chat.tick().await;
    chat.announce_place().await;
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    while let Some(line) = lines.next_line().await? {
        if !chat.handle_line(&line, Some(&clock)).await {
            break;
        }
    }
    engine.close().await;
    Ok(std::process::ExitCode::SUCCESS)
}
