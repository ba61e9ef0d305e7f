//! Property tests (proptest): the importer, the command parser, the schedule and the
//! summarizer never panic on any input, and keep their promises on generated input.

use chrono::{TimeZone, Utc};
use colloquy::domain::import::{ImportOptions, prepare};
use colloquy::domain::reading::{Format, parse as parse_document};
use colloquy::domain::schedule::{CatchUp, Days, Schedule, parse_time, parse_zone};
use colloquy::domain::segment::excerpts;
use colloquy::domain::summary::{Limits, ReplyIn, summarize};
use colloquy::domain::{command, text};
use proptest::prelude::*;

fn templates() -> colloquy::domain::questions::QuestionTemplates {
    colloquy::render::Prompts::builtin().questions
}

/// Text made of sentences with abbreviations, quotes, headings and page breaks.
fn prose() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "trust",
        "courts",
        "the",
        "U.S.",
        "Dr.",
        "e.g.",
        "No.",
        "5",
        "alliance",
        "“hedging”",
        "state's",
        "and",
        "policy",
        "J.",
        "Smith",
        "(note)",
        "[3]",
        "co-operation",
        "—",
        "über",
        "правда",
        "民主",
    ]);
    let sentence = (
        prop::collection::vec(word, 1..25),
        prop::sample::select(vec![".", "?", "!", "", ":"]),
    )
        .prop_map(|(words, end)| format!("{}{}", words.join(" "), end));
    let paragraph = prop::collection::vec(sentence, 1..8).prop_map(|s| s.join(" "));
    let block = prop_oneof![
        4 => paragraph,
        1 => "[a-zA-Z ]{1,20}".prop_map(|h| format!("## {h}")),
    ];
    prop::collection::vec(block, 1..40).prop_map(|b| b.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        let _ = prepare(&bytes, &ImportOptions::default(), &templates(), &|_, _| {});
    }

    #[test]
    fn the_importer_never_panics_on_any_text(s in "\\PC{0,3000}") {
        let _ = prepare(s.as_bytes(), &ImportOptions { file_name: Some("x.md".into()), ..Default::default() }, &templates(), &|_, _| {});
    }

    #[test]
    fn excerpts_give_back_every_word_of_the_body_in_order(text in prose(), words in 40usize..400) {
        let doc = parse_document(&text, Format::Markdown);
        let body: Vec<&str> = doc.blocks.iter().flat_map(|b| b.text().split_whitespace()).collect();
        let cut = excerpts(&doc.blocks, words);
        let back: Vec<&str> = cut.iter().flat_map(|e| e.text.split_whitespace()).collect();
        prop_assert_eq!(back, body);
        // Never over 2N words unless one sentence alone is longer (with a heading above
        // it): a sentence as the segmenter found it ("trust. e.g. trust" is one).
        for e in &cut {
            let sentences = e.sentence_texts().iter().filter(|s| !s.starts_with('#')).count();
            prop_assert!(e.words <= 2 * words.max(20) || sentences == 1, "{} words in {} sentences: {}", e.words, sentences, e.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_command_parser_never_panics(line in "\\PC{0,200}") {
        let _ = command::parse(&line);
    }

    #[test]
    fn command_like_lines_never_panic(
        verb in prop::sample::select(vec!["poll", "vote", "setup", "reading", "schedule", "session", "export", "privacy", "summary", "help"]),
        rest in prop::collection::vec(prop_oneof![
            "--[a-z-]{1,12}".boxed(), "\"[^\"]{0,30}\"".boxed(), "-?[0-9]{1,12}".boxed(), "[a-z|:]{1,10}".boxed()
        ], 0..8)
    ) {
        let _ = command::parse(&format!("{verb} {}", rest.join(" ")));
    }

    #[test]
    fn quoted_words_come_back_from_the_tokenizer(words in prop::collection::vec("[^\"“”'‘’«»\\s]{1,12}( [^\"“”'‘’«»\\s]{1,12}){0,3}", 1..6)) {
        let line = words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ");
        prop_assert_eq!(command::tokenize(&line).unwrap(), words);
    }

    #[test]
    fn text_cleaning_never_panics_and_is_stable(s in "\\PC{0,300}") {
        let clean = text::clean_label(&s);
        prop_assert_eq!(text::clean_label(&clean), clean.clone());
        let defanged = text::defang_mentions(&s);
        prop_assert!(!defanged.to_lowercase().contains("@everyone"));
        let _ = text::truncate_chars(&s, 17);
        let _ = colloquy::render::split_message(&s, 100);
    }

    #[test]
    fn slots_bracket_now(
        zone in prop::sample::select(vec!["Europe/London", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "America/Santiago", "UTC"]),
        hour in 0u32..24, minute in 0u32..60, days in 1u8..128, at in 1_700_000_000i64..1_900_000_000,
    ) {
        let s = Schedule {
            tz: parse_zone(zone).unwrap(),
            post_time: parse_time(&format!("{hour:02}:{minute:02}")).unwrap(),
            days: Days(days),
            catch_up: CatchUp::Latest,
            summary_time: parse_time("21:00").unwrap(),
        };
        let now = Utc.timestamp_opt(at, 0).single().unwrap();
        if let Some((_, latest)) = s.latest_slot(now) { prop_assert!(latest <= now); }
        if let Some((_, next)) = s.next_slot(now) { prop_assert!(next > now); }
        prop_assert!(s.session_end(now) > now);
    }

    #[test]
    fn the_summarizer_never_panics(texts in prop::collection::vec(("\\PC{0,120}", 0usize..5, prop::option::of(0usize..30)), 0..30)) {
        let replies: Vec<ReplyIn> = texts.iter().enumerate().map(|(i, (t, who, to))| ReplyIn {
            id: i as i64, author_key: format!("m{who}"), author_name: (who % 2 == 0).then(|| format!("M{who}")),
            text: t.clone(), at: i as i64, reply_to: to.map(|x| x as i64),
        }).collect();
        let s = summarize(&replies, &[], Limits::default());
        prop_assert_eq!(s.participation.replies, replies.len());
    }
}
