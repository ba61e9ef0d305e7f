//! Preparing a reading from an uploaded file: decode, read front matter, cut excerpts,
//! and derive each excerpt's key terms, claims and questions. Pure: nothing is stored.

use thiserror::Error;

use super::questions::{self, ExcerptMaterial, Question, QuestionKind, QuestionTemplates};
use super::reading::{self, Format, MetaItem};
use super::segment;
use super::text::{self, TextError};

/// Why a file cannot be imported.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{0}")]
    Text(#[from] TextError),
    #[error("no body text found: the file holds only title or contact lines")]
    NoBody,
    #[error("no sentences found: the file has no words to make excerpts from")]
    NoSentences,
    #[error("--words must be between 40 and 5000 (got {0})")]
    BadWords(usize),
}

/// What the caller may set.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub author: Option<String>,
    pub words: Option<usize>,
    pub file_name: Option<String>,
}

/// A prepared excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedExcerpt {
    pub text: String,
    pub words: usize,
    pub material: ExcerptMaterial,
    pub questions: Vec<Question>,
}

/// A prepared reading, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedReading {
    pub title: String,
    pub author: Option<String>,
    pub metadata: Vec<MetaItem>,
    pub words: usize,
    pub excerpts: Vec<PreparedExcerpt>,
}

/// Prepare a reading. `progress(done, total)` is called as excerpts are worked through.
pub fn prepare(
    bytes: &[u8],
    options: &ImportOptions,
    templates: &QuestionTemplates,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<PreparedReading, ImportError> {
    let words_target = options.words.unwrap_or(segment::DEFAULT_WORDS);
    if !(40..=5000).contains(&words_target) {
        return Err(ImportError::BadWords(words_target));
    }
    let decoded = text::decode(bytes)?;
    let format = Format::detect(options.file_name.as_deref(), &decoded);
    let doc = reading::parse(&decoded, format);
    if doc.blocks.is_empty() {
        return Err(ImportError::NoBody);
    }
    let cut = segment::excerpts(&doc.blocks, words_target);
    if cut.is_empty() || !cut.iter().any(|e| e.text.chars().any(char::is_alphabetic)) {
        return Err(ImportError::NoSentences);
    }
    let total = cut.len();
    progress(0, total);
    // Key terms and claims are independent per excerpt: spread them over the cores.
    let materials = materials_in_parallel(&cut, progress);
    let mut excerpts = Vec::with_capacity(total);
    for (i, (e, m)) in cut.iter().zip(materials.iter()).enumerate() {
        let authored: Vec<Question> = doc
            .authored_questions
            .iter()
            .filter(|(block, _)| {
                let first_block = if i == 0 { 0 } else { cut[i - 1].last_block + 1 };
                (first_block..=e.last_block).contains(block)
            })
            .map(|(_, q)| Question {
                kind: QuestionKind::Authored,
                text: q.clone(),
            })
            .collect();
        let questions = if authored.is_empty() {
            questions::generate(
                templates,
                i,
                &e.text,
                m,
                i.checked_sub(1).map(|p| &materials[p]),
            )
        } else {
            authored
        };
        excerpts.push(PreparedExcerpt {
            text: e.text.clone(),
            words: e.words,
            material: m.clone(),
            questions,
        });
    }
    progress(total, total);
    let file_stem = options
        .file_name
        .as_deref()
        .map(|n| n.rsplit('/').next().unwrap_or(n))
        .map(|n| {
            n.rsplit_once('.')
                .map(|(s, _)| s)
                .unwrap_or(n)
                .replace(['_', '-'], " ")
        });
    Ok(PreparedReading {
        title: options
            .title
            .clone()
            .or(doc.title)
            .or(file_stem)
            .unwrap_or_else(|| "Untitled reading".to_string()),
        author: options.author.clone().or(doc.author),
        metadata: doc.metadata,
        words: excerpts.iter().map(|e| e.words).sum(),
        excerpts,
    })
}

fn materials_in_parallel(
    cut: &[segment::Excerpt],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<ExcerptMaterial> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let total = cut.len();
    let texts: Vec<&segment::Excerpt> = cut.iter().collect();
    // Work in slices so that progress can be reported as they finish.
    let slice = 96usize;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let work = |part: &[&segment::Excerpt]| {
        let m = questions::materials(part);
        let n = done.fetch_add(part.len(), std::sync::atomic::Ordering::Relaxed) + part.len();
        progress(n, total);
        m
    };
    if threads == 1 || total <= slice {
        return texts.chunks(slice).flat_map(work).collect();
    }
    let slices: Vec<&[&segment::Excerpt]> = texts.chunks(slice).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Vec<ExcerptMaterial>>> = vec![None; slices.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (next, slices, work) = (&next, &slices, &work);
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(part) = slices.get(k) else { break };
                        mine.push((k, work(part)));
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            // A worker that panicked leaves its slices empty; they are redone below.
            if let Ok(mine) = h.join() {
                for (k, m) in mine {
                    results[k] = Some(m);
                }
            }
        }
    });
    results
        .into_iter()
        .enumerate()
        .flat_map(|(k, r)| r.unwrap_or_else(|| questions::materials(slices[k])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sentences::sentences;

    fn templates() -> QuestionTemplates {
        QuestionTemplates::parse(include_str!("../../prompts/questions.toml")).unwrap()
    }

    #[test]
    fn bad_inputs_have_clear_errors() {
        let t = templates();
        let none = |_: usize, _: usize| {};
        let opts = ImportOptions::default();
        assert_eq!(
            prepare(b"", &opts, &t, &none),
            Err(ImportError::Text(TextError::Empty))
        );
        assert!(matches!(
            prepare(b"\x89PNG\r\n\x1a\n\0\0\0", &opts, &t, &none),
            Err(ImportError::Text(TextError::Binary(_)))
        ));
        assert!(matches!(
            prepare(b"Caf\xe9 society.", &opts, &t, &none),
            Err(ImportError::Text(TextError::NotUtf8 { .. }))
        ));
        assert_eq!(
            prepare(b"--- *** ---\n\n... !!! ...\n", &opts, &t, &none),
            Err(ImportError::NoSentences)
        );
        assert_eq!(
            prepare(b"E-mail: a@b.org\n\nDOI: 10.1/x\n", &opts, &t, &none),
            Err(ImportError::NoBody)
        );
        let small = ImportOptions {
            words: Some(3),
            ..Default::default()
        };
        assert_eq!(
            prepare(b"Some text.", &small, &t, &none),
            Err(ImportError::BadWords(3))
        );
    }

    #[test]
    fn authored_questions_take_precedence() {
        let md = "# Notes\n\nThe first paragraph states that institutions shape behaviour in lasting ways.\n\n\
                  Q: What does the author mean by lasting ways?\n\nA second paragraph follows.\n";
        let r = prepare(
            md.as_bytes(),
            &ImportOptions {
                file_name: Some("n.md".into()),
                ..Default::default()
            },
            &templates(),
            &|_, _| {},
        )
        .unwrap();
        assert_eq!(r.excerpts.len(), 1);
        assert_eq!(
            r.excerpts[0].questions,
            vec![Question {
                kind: QuestionKind::Authored,
                text: "What does the author mean by lasting ways?".into()
            }]
        );
        assert!(!r.excerpts[0].text.contains("Q:"));
    }

    #[test]
    fn every_sentence_comes_back_once_in_order() {
        let mut text = String::from("A Title\n\nAnn Author\n\n");
        for p in 0..30 {
            for s in 0..6 {
                text.push_str(&format!(
                    "Sentence {p}-{s} says the U.S. and Dr. Who agree on point {s}. "
                ));
            }
            text.push_str("\n\n");
        }
        let r = prepare(
            text.as_bytes(),
            &ImportOptions::default(),
            &templates(),
            &|_, _| {},
        )
        .unwrap();
        assert_eq!(r.title, "A Title");
        assert_eq!(r.author.as_deref(), Some("Ann Author"));
        let got: Vec<String> = r
            .excerpts
            .iter()
            .flat_map(|e| sentences(&e.text))
            .map(String::from)
            .collect();
        assert_eq!(got.len(), 180);
        for (k, s) in got.iter().enumerate() {
            assert!(
                s.starts_with(&format!("Sentence {}-{} ", k / 6, k % 6)),
                "{s}"
            );
        }
    }
}
