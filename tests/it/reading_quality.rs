//! Importer quality check over our own sample readings (tests/fixtures/readings: an
//! argument, a dialogue, a narrative): key terms are noun phrases, not fragments; every
//! claim quoted in a question is a whole sentence of the excerpt; no question repeats in a
//! reading and no question shape comes twice in a row.

use colloquy::domain::claims::{Claim, TextType, is_whole_sentence, text_type};
use colloquy::domain::import::{ImportOptions, PreparedReading, prepare};
use colloquy::domain::phrases::is_fragment;
use colloquy::domain::questions::{QuestionKind, QuestionTemplates};
use colloquy::domain::sentences::sentences;

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
