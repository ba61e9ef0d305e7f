//! Property tests (proptest): the importer, the command parser, the schedule and the
//! summarizer never panic on any input, and keep their promises on generated input.

use chrono::{TimeZone, Utc};
use colloquy::domain::footnotes;
use colloquy::domain::import::{ImportOptions, prepare};
use colloquy::domain::language::Lang;
use colloquy::domain::reading::{Format, parse as parse_document};
use colloquy::domain::schedule::{CatchUp, Days, Schedule, parse_time, parse_zone};
use colloquy::domain::segment::{body_sentences_in, excerpts};
use colloquy::domain::sentences::sentences_in;
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

/// Sentences in `lang` with that language's abbreviations, initials, quotes and numbers
/// (Chinese written without spaces).
fn prose_in(lang: Lang) -> impl Strategy<Value = String> {
    let words: Vec<&'static str> = match lang {
        Lang::Ru => vec![
            "сила",
            "т. е.",
            "и т. д.",
            "проф.",
            "Н. И.",
            "Лебедев",
            "в 1912 г.",
            "«баланс сил»",
            "государство",
            "см.",
            "политика",
            "—",
            "г. Москва",
            "с. 42",
            "стратегическое",
            "партнёрство",
        ],
        Lang::De => vec![
            "Macht",
            "z. B.",
            "Nr.",
            "5",
            "im 19.",
            "Jahrhundert",
            "Dr.",
            "„Gleichgewicht“",
            "Staat",
            "usw.",
            "vgl.",
            "die",
            "soziale",
            "Marktwirtschaft",
            "S. 12",
            "d. h.",
        ],
        Lang::Fr => vec![
            "pouvoir",
            "M.",
            "Dupont",
            "etc.",
            "p. 41",
            "cf.",
            "« équilibre »",
            "l'État",
            "av. J.-C.",
            "la",
            "politique",
            "étrangère",
            "Mme",
            "vol. 2",
            "des",
            "puissances",
        ],
        _ => vec![
            "中国",
            "俄罗斯",
            "战略",
            "伙伴关系",
            "“平衡”",
            "，",
            "经济",
            "合作",
            "1991年",
            "公共财政",
            "港口",
            "「信任」",
            "（注）",
            "Marx",
            "的",
        ],
    };
    let zh = lang == Lang::Zh;
    let ends: Vec<&'static str> = if zh {
        vec!["。", "！", "？", "。”", "", "："]
    } else {
        vec![".", "?", "!", "", ":", "»."]
    };
    let sentence = (
        prop::collection::vec(prop::sample::select(words), 1..20),
        prop::sample::select(ends),
    )
        .prop_map(move |(w, end)| format!("{}{}", w.join(if zh { "" } else { " " }), end));
    let paragraph =
        prop::collection::vec(sentence, 1..8).prop_map(move |s| s.join(if zh { "" } else { " " }));
    prop::collection::vec(paragraph, 1..30).prop_map(|b| b.join("\n\n"))
}

/// A front matter every language's importer must keep out of the excerpts.
const FRONT: &str =
    "Title Of The Sample\n\nE-mail: someone@example.org\n\nDOI: 10.5555/sample.1\n\n";

/// The opening sentence of every generated body, so that the body starts clearly.
fn opening(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Город, который живёт гаванью, должен решить, кто платит за гавань.",
        Lang::De => "Eine Stadt, die von ihrem Hafen lebt, muss entscheiden, wer zahlt.",
        Lang::Fr => "Une ville qui vit de son port doit décider qui paie pour le port.",
        _ => "一座依靠港口生存的城市，必须决定由谁来为港口付费。",
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// For each language: every sentence of the body comes back once and in order, no
    /// excerpt ends inside a sentence, none is over 2N words (Chinese: 4N characters)
    /// unless one sentence alone is, and the front matter never reaches an excerpt.
    #[test]
    fn every_language_keeps_the_importers_promises(
        (lang, body, words) in prop::sample::select(vec![Lang::Ru, Lang::De, Lang::Fr, Lang::Zh])
            .prop_flat_map(|lang| (Just(lang), prose_in(lang), 40usize..300)),
    ) {
        let body = format!("{}\n\n{body}", opening(lang));
        let text = format!("{FRONT}{body}");
        let doc = parse_document(&body, Format::Plain);
        let expected = body_sentences_in(&doc.blocks, lang);
        let options = ImportOptions { words: Some(words), language: Some(lang.code().into()), ..Default::default() };
        let r = prepare(text.as_bytes(), &options, &templates(), &|_, _| {});
        let Ok(r) = r else {
            // Only a body with no sentence at all may be refused.
            prop_assert!(!expected.iter().any(|s| colloquy::domain::sentences::ends_with_terminal(s)), "{:?}", r);
            return Ok(());
        };
        prop_assert_eq!(r.lang, lang);
        let back: Vec<&str> = r.excerpts.iter().flat_map(|e| sentences_in(&e.text, lang)).collect();
        prop_assert_eq!(&back, &expected);
        let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(squeeze(&r.excerpts.iter().map(|e| e.text.as_str()).collect::<String>()), squeeze(&body));
        for e in &r.excerpts {
            prop_assert!(!e.text.contains("someone@example.org") && !e.text.contains("DOI"), "{}", e.text);
            let n = sentences_in(&e.text, lang).len();
            prop_assert!(e.words <= 2 * words || n == 1, "{} words in {} sentences", e.words, n);
            for q in &e.questions {
                prop_assert!(colloquy::domain::questions::yes_no_in(&q.text, lang).is_none(), "{}", q.text);
            }
        }
    }
}
