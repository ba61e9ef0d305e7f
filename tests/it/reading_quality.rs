//! Importer quality check over our own sample readings (tests/fixtures/readings: an
//! argument, a dialogue, a narrative): key terms are noun phrases, not fragments; every
//! claim quoted in a question is a whole sentence of the excerpt; no question repeats in a
//! reading and no question shape comes twice in a row.

use colloquy::domain::claims::{Claim, TextType, is_whole_sentence, quoted_within, text_type};
use colloquy::domain::import::{ImportOptions, PreparedReading, prepare};
use colloquy::domain::language::Lang;
use colloquy::domain::phrases::is_fragment;
use colloquy::domain::questions::yes_no_in;
use colloquy::domain::questions::{QuestionKind, QuestionTemplates};
use colloquy::domain::sentences::{sentences, sentences_in};

const TEMPLATES: &str = include_str!("../../prompts/questions.toml");

fn templates() -> QuestionTemplates {
    QuestionTemplates::parse(TEMPLATES).unwrap()
}

fn import(name: &str, text: &str) -> PreparedReading {
    let options = ImportOptions {
        file_name: Some(name.into()),
        words: Some(90),
        ..Default::default()
    };
    prepare(text.as_bytes(), &options, &templates(), &|_, _| {}).unwrap()
}

const SAMPLES: [(&str, &str, TextType); 3] = [
    (
        "argument-harbour-tolls.txt",
        include_str!("../fixtures/readings/argument-harbour-tolls.txt"),
        TextType::Argument,
    ),
    (
        "dialogue-orchard.txt",
        include_str!("../fixtures/readings/dialogue-orchard.txt"),
        TextType::Dialogue,
    ),
    (
        "narrative-ferry.txt",
        include_str!("../fixtures/readings/narrative-ferry.txt"),
        TextType::Narrative,
    ),
];

/// The template a question came from: the longest template opening it starts with.
fn shape_of(set: &QuestionTemplates, question: &str) -> usize {
    set.templates
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let head = t.text.split("{{").next().unwrap_or("");
            question.starts_with(head)
        })
        .max_by_key(|(_, t)| t.text.split("{{").next().unwrap_or("").len())
        .map(|(i, _)| i)
        .unwrap_or(usize::MAX)
}

/// Whether `claim` is a whole sentence of `text`, a clean first main clause of one (cut at
/// a semicolon), or a speaker's whole quoted words.
fn stands_in_text(claim: &str, text: &str) -> bool {
    let body = claim.trim_end_matches(['.', '!']);
    sentences(text).iter().any(|s| {
        let s = s.trim();
        s == claim
            || s.strip_prefix(body)
                .is_some_and(|rest| rest.starts_with(';'))
            || s.starts_with(&format!("“{body}"))
    })
}

#[test]
fn sample_readings_get_concept_terms_whole_claims_and_varied_questions() {
    let set = templates();
    for (name, text, expected_type) in SAMPLES {
        assert_eq!(text_type(text), expected_type, "{name}");
        let r = import(name, text);
        assert!(
            r.excerpts.len() >= 3,
            "{name}: {} excerpts",
            r.excerpts.len()
        );
        let mut asked = std::collections::HashSet::new();
        let mut previous_shapes: Vec<usize> = Vec::new();
        let mut claims_seen = 0;
        for (i, e) in r.excerpts.iter().enumerate() {
            let lower = e.text.to_lowercase();
            for term in &e.material.terms {
                assert!(!is_fragment(term), "{name} #{i}: fragment term {term:?}");
                // Inside one sentence of the excerpt.
                let t = term.to_lowercase();
                assert!(
                    sentences(&lower).iter().any(|s| s.contains(&t)),
                    "{name} #{i}: {term:?} is not inside one sentence"
                );
            }
            for c in &e.material.claims {
                let claim = Claim::parse(c);
                assert!(is_whole_sentence(&claim.sentence), "{name} #{i}: {c}");
                assert!(
                    stands_in_text(&claim.sentence, &e.text),
                    "{name} #{i}: claim is not a sentence of the text: {c}"
                );
                if expected_type != TextType::Argument {
                    assert!(claim.speaker.is_some(), "{name} #{i}: unattributed {c}");
                }
                claims_seen += 1;
            }
            assert!(e.questions.len() >= 2, "{name} #{i}: {:?}", e.questions);
            let mut shapes = Vec::new();
            for q in &e.questions {
                assert!(asked.insert(q.text.clone()), "{name}: repeated {}", q.text);
                let shape = shape_of(&set, &q.text);
                assert!(
                    !previous_shapes.contains(&shape),
                    "{name} #{i}: shape twice in a row: {}",
                    q.text
                );
                shapes.push(shape);
                // A quoted claim is one of the excerpt's claims, quoted whole.
                if q.text.contains("claim “") {
                    assert!(
                        e.material
                            .claims
                            .iter()
                            .any(|c| q.text.contains(&Claim::parse(c).in_question())),
                        "{name} #{i}: {}",
                        q.text
                    );
                }
                if q.kind == QuestionKind::Connections {
                    assert!(i > 0, "{name}: a connection for the first excerpt");
                }
                assert!(!q.text.contains("news"), "{name}: {}", q.text);
            }
            previous_shapes = shapes;
        }
        // A story has few claims: only what its named people say.
        let least = if expected_type == TextType::Narrative {
            1
        } else {
            2
        };
        assert!(claims_seen >= least, "{name}: only {claims_seen} claims");
    }
}

#[test]
fn dialogue_and_narrative_claims_name_their_speakers() {
    let (_, text, _) = SAMPLES[1];
    let r = import("dialogue-orchard.txt", text);
    let all: Vec<&String> = r.excerpts.iter().flat_map(|e| &e.material.claims).collect();
    assert!(
        all.iter().any(|c| c.starts_with("The Growers argue: “")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|c| c.starts_with("The Owners argue: “")),
        "{all:?}"
    );
    let (_, text, _) = SAMPLES[2];
    let r = import("narrative-ferry.txt", text);
    let all: Vec<&String> = r.excerpts.iter().flat_map(|e| &e.material.claims).collect();
    assert!(
        all.iter().any(|c| c.starts_with("Marten argues: “")),
        "{all:?}"
    );
    // The troop-list kind of sentence and plain narration are no claims.
    assert!(
        !all.iter().any(|c| c.contains("There were eleven")),
        "{all:?}"
    );
}

#[test]
fn a_reading_without_noun_phrases_still_gets_two_sensible_questions() {
    let r = import(
        "bare.txt",
        "It is so. We did it, and they did it too. Then we went there and came back again.",
    );
    for e in &r.excerpts {
        assert!(e.questions.len() >= 2, "{:?}", e.questions);
        for q in &e.questions {
            assert!(
                q.text.ends_with('?') && !q.text.contains("“”"),
                "{}",
                q.text
            );
        }
    }
}

#[test]
fn yes_no_questions_of_the_facilitator_get_a_warning() {
    let md = "# Tolls\n\nA town must decide who pays for its harbour, and the answer shapes its politics.\n\nQ: Is a flat toll fair?\nQ: Why might a ledger build trust?\n";
    let options = ImportOptions {
        file_name: Some("tolls.md".into()),
        ..Default::default()
    };
    let r = prepare(md.as_bytes(), &options, &templates(), &|_, _| {}).unwrap();
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].contains("Is a flat toll fair?"));
}

/// Our own samples in each reading language (tests/fixtures/readings, written for this
/// repository): an essay with an author line, contact details and a DOI above the body.
const LANGUAGE_SAMPLES: [(&str, &str, Lang, &str, &str); 4] = [
    (
        "ru-port-i-torgovlya.txt",
        include_str!("../fixtures/readings/ru-port-i-torgovlya.txt"),
        Lang::Ru,
        "Порт и общий кошелёк: кто платит за гавань",
        "Анна Сергеевна Воронцова",
    ),
    (
        "de-hafen-und-gemeinwohl.txt",
        include_str!("../fixtures/readings/de-hafen-und-gemeinwohl.txt"),
        Lang::De,
        "Der Hafen und die gemeinsame Kasse",
        "Anna Weber",
    ),
    (
        "fr-port-et-bourse-commune.txt",
        include_str!("../fixtures/readings/fr-port-et-bourse-commune.txt"),
        Lang::Fr,
        "Le port et la bourse commune",
        "Anne Martin",
    ),
    (
        "zh-gangkou-yu-gonggong-caizheng.txt",
        include_str!("../fixtures/readings/zh-gangkou-yu-gonggong-caizheng.txt"),
        Lang::Zh,
        "港口与公共财政：谁来为港口买单",
        "林晓云",
    ),
];

/// The body of a sample: everything after its DOI line.
fn body_of(text: &str) -> &str {
    let at = text.find("DOI:").expect("the samples have a DOI line");
    let rest = &text[at..];
    &rest[rest.find('\n').unwrap_or(rest.len())..]
}

fn no_space(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn each_language_sample_is_detected_cut_whole_and_questioned_well() {
    let set = colloquy::render::Prompts::builtin().questions;
    for (name, text, lang, title, author) in LANGUAGE_SAMPLES {
        for words in [60, 100, 220] {
            let options = ImportOptions {
                file_name: Some(name.into()),
                words: Some(words),
                ..Default::default()
            };
            let r = prepare(text.as_bytes(), &options, &set, &|_, _| {}).unwrap();
            assert_eq!(r.lang, lang, "{name}");
            assert_eq!(r.language, lang.code(), "{name}");
            assert!(r.warnings.is_empty(), "{name}: {:?}", r.warnings);
            assert_eq!(r.title, title, "{name}");
            assert_eq!(r.author.as_deref(), Some(author), "{name}");
            let keys: Vec<&str> = r.metadata.iter().map(|m| m.key.as_str()).collect();
            assert!(
                keys.contains(&"email") && keys.contains(&"doi"),
                "{name}: {keys:?}"
            );
            // The body comes back whole, once, in order; the front matter never.
            let joined: String = r.excerpts.iter().map(|e| e.text.as_str()).collect();
            assert_eq!(
                no_space(&joined),
                no_space(body_of(text)),
                "{name} at {words}"
            );
            assert!(!joined.contains('@') && !joined.contains("DOI"), "{name}");
            for e in &r.excerpts {
                let last = sentences_in(&e.text, lang).last().copied().unwrap_or("");
                assert!(
                    colloquy::domain::sentences::ends_with_terminal(last),
                    "{name}: an excerpt ends inside a sentence: {last}"
                );
            }
        }
        let r = import_in(name, text, 90);
        assert!(r.excerpts.len() >= 3, "{name}");
        let mut asked = std::collections::HashSet::new();
        for e in &r.excerpts {
            let lower = e.text.to_lowercase();
            assert!(
                !e.material.terms.is_empty(),
                "{name}: no terms for {}",
                e.text
            );
            for t in &e.material.terms {
                assert!(
                    lower.contains(&t.to_lowercase()),
                    "{name}: term {t} is not in the excerpt"
                );
                assert!(
                    !t.contains(['.', ',', '。', '，', '«', '»', '„', '“']),
                    "{name}: {t}"
                );
            }
            for c in &e.material.claims {
                assert!(
                    sentences_in(&e.text, lang).contains(&c.as_str()),
                    "{name}: claim {c} is no sentence of the excerpt"
                );
            }
            assert!(e.questions.len() >= 2, "{name}: {:?}", e.questions);
            let kinds: std::collections::HashSet<_> = e.questions.iter().map(|q| q.kind).collect();
            assert_eq!(kinds.len(), e.questions.len(), "{name}: kinds repeat");
            let mut unquoted = 0;
            for q in &e.questions {
                assert_eq!(yes_no_in(&q.text, lang), None, "{name}: yes/no: {}", q.text);
                assert!(q.text.ends_with(['?', '？']), "{name}: {}", q.text);
                assert!(
                    asked.insert(q.text.clone()),
                    "{name}: asked twice: {}",
                    q.text
                );
                // Written in the reading's language, quoting the excerpt's own words.
                let (open, close) = match lang {
                    Lang::Ru => ('«', '»'),
                    Lang::De => ('„', '“'),
                    Lang::Fr => ('«', '»'),
                    _ => ('“', '”'),
                };
                let quoted: Vec<&str> = q
                    .text
                    .split(open)
                    .skip(1)
                    .filter_map(|s| s.split(close).next())
                    .map(|s| s.trim())
                    .collect();
                // A question that quotes nothing is one of the general ones (a template
                // that needs no term), and at most one per excerpt.
                if quoted.is_empty() {
                    let general = set
                        .for_lang(lang)
                        .templates
                        .iter()
                        .any(|t| t.needs.is_empty() && t.text == q.text);
                    assert!(general, "{name}: quotes nothing: {}", q.text);
                    unquoted += 1;
                    assert!(unquoted <= 1, "{name}: {:?}", e.questions);
                }
                for inner in quoted {
                    let grounded = e.material.terms.iter().any(|t| t == inner)
                        || e.material.claims.iter().any(|c| {
                            quoted_within(c.trim_end_matches(['.', '!', '。', '！']), lang) == inner
                        })
                        || r.excerpts
                            .iter()
                            .any(|o| o.material.terms.iter().any(|t| t == inner));
                    assert!(
                        grounded,
                        "{name}: quotes “{inner}”, not a term or claim: {}",
                        q.text
                    );
                }
                assert!(
                    !q.text.contains("What ") && !q.text.contains("How "),
                    "{name}: English: {}",
                    q.text
                );
            }
        }
    }
}

fn import_in(name: &str, text: &str, words: usize) -> PreparedReading {
    let options = ImportOptions {
        file_name: Some(name.into()),
        words: Some(words),
        ..Default::default()
    };
    prepare(
        text.as_bytes(),
        &options,
        &colloquy::render::Prompts::builtin().questions,
        &|_, _| {},
    )
    .unwrap()
}

#[test]
fn chinese_excerpts_count_characters() {
    let (name, text, ..) = LANGUAGE_SAMPLES[3];
    let r = import_in(name, text, 60);
    for e in &r.excerpts {
        let chars = colloquy::domain::text::cjk_chars(&e.text);
        assert_eq!(
            e.words,
            chars.div_ceil(2).max(e.words.min(chars)),
            "{}",
            e.text
        );
        // About 2N characters: never over 4N unless one sentence alone is.
        assert!(
            chars <= 4 * 60 || sentences_in(&e.text, Lang::Zh).len() == 1,
            "{chars}"
        );
    }
    // Sentences follow each other without spaces, as the text had them.
    assert!(
        !r.excerpts[0].text.contains("。 "),
        "{}",
        r.excerpts[0].text
    );
}

#[test]
fn a_language_is_refused_unknown_given_or_read_generically() {
    let (name, text, ..) = LANGUAGE_SAMPLES[0];
    let bad = ImportOptions {
        file_name: Some(name.into()),
        language: Some("xx".into()),
        ..Default::default()
    };
    let err = prepare(text.as_bytes(), &bad, &templates(), &|_, _| {}).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown language `xx`: use one of en (English), ru (Russian), zh (Chinese), de (German), fr (French)"
    );
    // Given: it wins, and a text that reads otherwise is told.
    let given = ImportOptions {
        language: Some("de".into()),
        ..bad.clone()
    };
    let r = prepare(text.as_bytes(), &given, &templates(), &|_, _| {}).unwrap();
    assert_eq!(r.lang, Lang::De);
    assert!(
        r.warnings.iter().any(|w| w.contains("Russian")),
        "{:?}",
        r.warnings
    );
    // Another language: the generic rules and a notice.
    let spanish = "El puerto y la bolsa común\n\nUna ciudad que vive de su puerto debe decidir quién paga por el puerto. La respuesta más sencilla es que cada barco pague la misma tasa, porque cada barco usa la misma agua. Esta respuesta es cómoda, pero confunde la igualdad de trato con la justicia.\n\nLos pequeños barcos de pesca salen antes del alba y vuelven al mediodía. Apenas ocupan los muelles y no usan las grandes grúas.\n";
    let r = prepare(
        spanish.as_bytes(),
        &ImportOptions::default(),
        &templates(),
        &|_, _| {},
    )
    .unwrap();
    assert_eq!(r.lang, Lang::Other);
    assert_eq!(r.language, "spa");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("Spanish") && w.contains("generic rules")),
        "{:?}",
        r.warnings
    );
    assert!(r.excerpts.iter().all(|e| e.questions.len() >= 2));
    // Mixed: the majority, said so.
    let (_, ru, ..) = LANGUAGE_SAMPLES[0];
    let english = include_str!("../fixtures/readings/argument-harbour-tolls.txt");
    let mixed = format!("{ru}\n\n{}", body_of_english(english));
    let r = prepare(
        mixed.as_bytes(),
        &ImportOptions::default(),
        &templates(),
        &|_, _| {},
    )
    .unwrap();
    assert!(
        r.warnings.iter().any(|w| w.contains("mixes languages")),
        "{:?}",
        r.warnings
    );
}

/// The English sample's body, two paragraphs of it.
fn body_of_english(text: &str) -> String {
    text.split("\n\n")
        .skip(1)
        .take(2)
        .collect::<Vec<_>>()
        .join("\n\n")
}
