//! Fuzz the `!cq` command parser: any line must parse or give an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(line) = std::str::from_utf8(data) {
        let _ = colloquy::domain::command::tokenize(line);
        if let Ok(command) = colloquy::domain::command::parse(line) {
            let _ = command.required_role();
            let _ = command.verb();
        }
    }
});
