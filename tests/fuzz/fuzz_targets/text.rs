//! Fuzz the text helpers that every platform event goes through: decoding uploads,
//! sentence segmentation, cleaning labels and names, defanging mentions, splitting posts.
#![no_main]

use colloquy::domain::{sentences, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = text::decode(data);
    if let Ok(s) = std::str::from_utf8(data) {
        let spans = sentences::sentence_spans(s);
        for (a, b) in spans {
            assert!(a <= b && b <= s.len());
        }
        let clean = text::clean_label(s);
        assert_eq!(text::clean_label(&clean), clean);
        assert!(!text::defang_mentions(s).to_lowercase().contains("@everyone"));
        for part in colloquy::render::split_message(s, 120) {
            assert!(part.chars().count() <= 120);
        }
        let _ = colloquy::domain::summary::summarize(
            &[colloquy::domain::summary::ReplyIn { id: 1, author_key: "a".into(), author_name: None, text: s.into(), at: 0, reply_to: None }],
            &[],
            Default::default(),
        );
    }
});
