//! The `colloquy` binary: parse the command line and hand over to [`colloquy::cli`].

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = colloquy::cli::Cli::parse();
    colloquy::cli::init_logging(&cli);
    match colloquy::cli::dispatch(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
