//! Fuzz the adapters' event translation: the first byte picks the platform, the rest is the
//! raw JSON a Discord gateway dispatch or a Matrix timeline event would carry. Any bytes
//! must be translated or refused with an error, never panic; a translated message keeps
//! its platform's member key.
#![no_main]

use colloquy::platform::Translated;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, json)) = data.split_first() else { return };
    let Ok(json) = std::str::from_utf8(json) else { return };
    let (result, prefix) = if which % 2 == 0 {
        (colloquy::platform::discord::translate(json), "discord:")
    } else {
        (colloquy::platform::matrix::translate(json, "@colloquy:localhost"), "matrix:@")
    };
    if let Ok(Some(Translated::Message { author, message_id, .. })) = result {
        assert!(author.key().starts_with(prefix));
        assert!(!message_id.is_empty());
    }
});
