//! Property tests (proptest): the importer, the command parser, the schedule and the
//! summarizer never panic on any input, and keep their promises on generated input.

use chrono::{TimeZone, Utc};
use colloquy::domain::footnotes;
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

/// Prose that cites some of its notes, followed by a notes block ("Notes", "[k] …").
fn annotated_prose() -> impl Strategy<Value = (String, usize)> {
    (
        prose(),
        prop::collection::vec("[a-z]{1,8}( [a-z]{1,8}){0,12}\\.", 1..6),
        any::<u64>(),
    )
        .prop_map(|(body, notes, seed)| {
            // Cite note k after the k-th sentence end that the seed picks.
            let mut text = String::new();
            let mut k = 0;
            for (i, piece) in body.split_inclusive(". ").enumerate() {
                text.push_str(piece);
                if k < notes.len() && (seed >> (i % 64)) & 1 == 1 && piece.ends_with(". ") {
                    k += 1;
                    text.insert_str(text.len() - 1, &format!("[{k}]"));
                }
            }
            text.push_str("\n\n## Notes\n\n");
            for (i, n) in notes.iter().enumerate() {
                text.push_str(&format!("[{}] {n}\n\n", i + 1));
            }
            (text, notes.len())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Footnotes are not body text once moved: the excerpts give back the body without
    /// them, every note sits under exactly one excerpt (the first that cites it, or the
    /// last), and no excerpt is made of notes.
    #[test]
    fn footnotes_leave_the_body_whole_and_land_once_each((text, n) in annotated_prose(), words in 40usize..300) {
        let options = ImportOptions { file_name: Some("x.md".into()), words: Some(words), ..Default::default() };
        let Ok(r) = prepare(text.as_bytes(), &options, &templates(), &|_, _| {}) else { return Ok(()) };
        let split = footnotes::split(&text, Format::Markdown);
        prop_assert_eq!(split.notes.len(), n);
        prop_assert!(!split.body.contains("## Notes"));
        let doc = parse_document(&split.body, Format::Markdown);
        let body: Vec<&str> = doc.blocks.iter().flat_map(|b| b.text().split_whitespace()).collect();
        let back: Vec<&str> = r.excerpts.iter().flat_map(|e| e.text.split_whitespace()).collect();
        prop_assert_eq!(back, body);
        prop_assert_eq!(r.excerpts.len(), excerpts(&doc.blocks, words).len());
        let placed: Vec<(usize, &String)> = r.excerpts.iter().enumerate().flat_map(|(i, e)| e.notes.iter().map(move |t| (i, t))).collect();
        prop_assert_eq!(placed.len(), n);
        for (i, note) in placed {
            let label = note[1..].split(']').next().unwrap_or("");
            let first = r.excerpts.iter().position(|e| footnotes::cites(&e.text, label)).unwrap_or(r.excerpts.len() - 1);
            prop_assert_eq!(i, first, "note {} is not under the first excerpt citing it", note);
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
