//! Fuzz the adapters' event translation: the first byte picks the platform, the rest is the
//! raw JSON a Discord gateway dispatch or a Matrix timeline event would carry. Any bytes
//! must be translated or refused with an error, never panic, and the bot's own Matrix
//! messages are never taken for a member's.
#![no_main]

use colloquy::platform::Translated;
use libfuzzer_sys::fuzz_target;

const ME: &str = "@colloquy:localhost";

fuzz_target!(|data: &[u8]| {
    let Some((&which, json)) = data.split_first() else { return };
    let Ok(json) = std::str::from_utf8(json) else { return };
    if which % 2 == 0 {
        let _ = colloquy::platform::discord::translate(json);
    } else if let Ok(Some(Translated::Message { author, .. })) =
        colloquy::platform::matrix::translate(json, ME)
    {
        assert_ne!(author.id, ME);
    }
});
