//! The `colloquy` binary: parse the command line and hand over to [`colloquy::cli`].

use std::process::ExitCode;

use clap::Parser;

/// jemalloc instead of the C library's allocator: through the fake gateway, bursts of
/// Discord messages (serenity parses each frame into many small allocations) ran 1.2–1.4×
/// faster with it, and with one arena the bot's peak resident memory was lower than with
/// glibc's per-thread arenas (README, Performance).
#[cfg(all(unix, not(target_env = "musl")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read by jemalloc when it starts (`_RJEM_MALLOC_CONF` in the
/// environment overrides them): one arena for the whole process, at most 1 KiB objects kept
/// in each thread's cache, and freed pages returned to the system after half a second.
#[cfg(all(unix, not(target_env = "musl")))]
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: JemallocConf =
    JemallocConf(c"narenas:1,tcache_max:1024,dirty_decay_ms:500,muzzy_decay_ms:0".as_ptr());

/// A C string pointer jemalloc reads (its `const char *malloc_conf`).
#[repr(transparent)]
pub struct JemallocConf(*const std::ffi::c_char);

// SAFETY: the pointer is to a static string that is never written.
unsafe impl Sync for JemallocConf {}

fn main() -> ExitCode {
    let cli = colloquy::cli::Cli::parse();
    colloquy::cli::init_logging(&cli);
    let runtime = match colloquy::cli::runtime() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(colloquy::cli::dispatch(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
