//! Preparing a reading from an uploaded file: decode, take out footnotes, read front
//! matter, cut excerpts, and derive each excerpt's key terms, claims and questions, notes
//! and the reading's fingerprint. Pure: nothing is stored.

use sha2::{Digest, Sha256};
use thiserror::Error;

use super::footnotes;
use super::language::{self, Lang, UnknownLanguage};
use super::questions::{self, ExcerptMaterial, Question, QuestionKind, QuestionTemplates};
use super::reading::{self, Block, Format, MetaItem};
use super::segment;
use super::text::{self, TextError};

/// The largest reading accepted, from a chat upload or (unless `--max-size` says
/// otherwise) on the command line: 2 MiB, some 350,000 words.
pub const MAX_READING_BYTES: usize = 2 * 1024 * 1024;

/// A size for people: "512 KB", "2 MB", "50.3 MB".
pub fn human_size(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else if bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{:.1} MB", bytes as f64 / MB)
    }
}

/// Why a file cannot be imported.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("{0}")]
    Text(#[from] TextError),
    #[error("no body text found: the file holds only title or contact lines")]
    NoBody,
    #[error(
        "no sentences found: nothing in the file ends like a sentence (with . ? or !), so there are no excerpts to make"
    )]
    NoSentences,
    #[error(
        "no sentences found: the file holds only headings, with no paragraphs of text to make excerpts from"
    )]
    OnlyHeadings,
    #[error("--{0} is empty: give a {0}, or leave --{0} out to take it from the file")]
    EmptyOption(&'static str),
    #[error("--words must be between 40 and 5000 (got {0})")]
    BadWords(usize),
    #[error("{0}")]
    Language(#[from] UnknownLanguage),
}

impl ImportError {
    /// The explanation, in `locale` (`Display` gives the English one).
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            ImportError::Text(e) => e.message(locale),
            ImportError::NoBody => t!(locale, "import-error-no-body"),
            ImportError::NoSentences => t!(locale, "import-error-no-sentences"),
            ImportError::OnlyHeadings => t!(locale, "import-error-only-headings"),
            ImportError::EmptyOption(flag) => {
                t!(locale, "import-error-empty-option", flag = *flag)
            }
            ImportError::BadWords(n) => t!(locale, "import-error-bad-words", words = *n),
            ImportError::Language(e) => e.message(locale),
        }
    }
}

/// What the caller may set.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub author: Option<String>,
    pub words: Option<usize>,
    pub file_name: Option<String>,
    /// Leave footnotes out instead of attaching them to the excerpts that cite them.
    pub drop_footnotes: bool,
    /// Import even when the group already has a reading with the same text.
    pub again: bool,
    /// `--language`: the reading's language as given (else it is detected).
    pub language: Option<String>,
}

/// A prepared excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedExcerpt {
    pub text: String,
    pub words: usize,
    pub material: ExcerptMaterial,
    pub questions: Vec<Question>,
    /// Footnotes this excerpt cites, rendered ("[6] These words…"), shown under it.
    pub notes: Vec<String>,
}

/// A prepared reading, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedReading {
    pub title: String,
    pub author: Option<String>,
    pub metadata: Vec<MetaItem>,
    pub words: usize,
    pub excerpts: Vec<PreparedExcerpt>,
    /// The SHA-256 (hex) of the body with its white space normalised: the same text
    /// gives the same fingerprint whatever its line endings, wrapping or front matter.
    pub fingerprint: String,
    /// Footnotes taken out of the body (attached to excerpts unless dropped).
    pub footnotes: usize,
    /// Things the importer tells the person who imports (a yes/no `Q:` question, the
    /// language when it is mixed or has no rules of its own).
    pub warnings: Vec<String>,
    /// The same notices, to be worded in the group's language.
    pub notices: Vec<language::ImportNotice>,
    /// The language's code, stored with the reading ("ru"; "spa" for a language read with
    /// the generic rules).
    pub language: String,
    /// The rules it was cut and questioned with.
    pub lang: Lang,
}

/// Whether a paragraph holds a sentence: two words or more (Chinese: two characters),
/// with letters, ending with terminal punctuation (a line such as "notes for next week"
/// is no sentence).
fn has_sentence(text: &str, lang: Lang) -> bool {
    super::sentences::sentences_in(text, lang).iter().any(|s| {
        (s.split_whitespace().count() >= 2 || text::cjk_chars(s) >= 2)
            && s.chars().any(char::is_alphabetic)
            && super::sentences::ends_with_terminal(s)
    })
}

/// The body's fingerprint: SHA-256 over its blocks, white space squeezed, one per line.
pub fn fingerprint(blocks: &[Block]) -> String {
    let mut hash = Sha256::new();
    for b in blocks {
        hash.update(text::squeeze_spaces(b.text()).trim().as_bytes());
        hash.update(b"\n");
    }
    hex::encode(hash.finalize())
}

/// A title or author given as an option: trimmed, and refused when empty.
fn given(value: &Option<String>, what: &'static str) -> Result<Option<String>, ImportError> {
    match value {
        None => Ok(None),
        Some(v) if v.trim().is_empty() => Err(ImportError::EmptyOption(what)),
        Some(v) => Ok(Some(text::squeeze_spaces(v.trim()))),
    }
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
    let title = given(&options.title, "title")?;
    let author = given(&options.author, "author")?;
    let forced = options.language.as_deref().map(Lang::parse).transpose()?;
    let decoded = text::decode(bytes)?;
    let format = Format::detect(options.file_name.as_deref(), &decoded);
    let split = footnotes::split(&decoded, format);
    let doc = reading::parse(&split.body, format);
    if doc.blocks.is_empty() {
        return Err(ImportError::NoBody);
    }
    let paragraphs: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            Block::Heading(_) => None,
        })
        .collect();
    if paragraphs.is_empty()
        && doc
            .blocks
            .iter()
            .any(|b| b.text().chars().any(char::is_alphabetic))
    {
        return Err(ImportError::OnlyHeadings);
    }
    let detected = language::detect(&paragraphs, forced);
    let lang = detected.lang;
    if !paragraphs.iter().any(|p| has_sentence(p, lang)) {
        return Err(ImportError::NoSentences);
    }
    let cut = segment::excerpts_in(&doc.blocks, words_target, lang);
    if cut.is_empty() {
        return Err(ImportError::NoSentences);
    }
    // Each footnote goes with the first excerpt that cites it; one nobody cites stays at
    // the end, where the text had it.
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); cut.len()];
    if !options.drop_footnotes {
        for note in &split.notes {
            let at = cut
                .iter()
                .position(|e| footnotes::cites(&e.text, &note.label))
                .unwrap_or(cut.len() - 1);
            notes[at].push(note.render());
        }
    }
    let total = cut.len();
    progress(0, total);
    // Key terms and claims are independent per excerpt: spread them over the cores.
    let texts: Vec<&str> = cut.iter().map(|e| e.text.as_str()).collect();
    let mut rotation = questions::Rotation::for_reading_in(&texts, lang);
    let materials = materials_in_parallel(&cut, rotation.text_type, lang, progress);
    let templates = templates.for_lang(lang);
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
                &mut rotation,
            )
        } else {
            authored
        };
        excerpts.push(PreparedExcerpt {
            text: e.text.clone(),
            words: e.words,
            material: m.clone(),
            questions,
            notes: std::mem::take(&mut notes[i]),
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
    let notices: Vec<language::ImportNotice> = detected
        .notices
        .into_iter()
        .chain(questions::yes_no_notices_in(
            &doc.authored_questions
                .iter()
                .map(|(_, q)| q.clone())
                .collect::<Vec<_>>(),
            lang,
        ))
        .collect();
    Ok(PreparedReading {
        title: title
            .or(doc.title)
            .or(file_stem.filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| "Untitled reading".to_string()),
        author: author.or(doc.author),
        metadata: doc.metadata,
        words: excerpts.iter().map(|e| e.words).sum(),
        excerpts,
        fingerprint: fingerprint(&doc.blocks),
        footnotes: split.notes.len(),
        warnings: notices
            .iter()
            .map(|n| n.message(crate::i18n::Locale::En))
            .collect(),
        notices,
        language: detected.code,
        lang,
    })
}

fn materials_in_parallel(
    cut: &[segment::Excerpt],
    text_type: questions::TextType,
    lang: Lang,
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
        let m = questions::materials(part, text_type, lang);
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
        .flat_map(|(k, r)| r.unwrap_or_else(|| questions::materials(slices[k], text_type, lang)))
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

    fn plain(text: &str, options: ImportOptions) -> Result<PreparedReading, ImportError> {
        prepare(text.as_bytes(), &options, &templates(), &|_, _| {})
    }

    #[test]
    fn headings_only_and_sentence_less_files_are_refused() {
        let md = ImportOptions {
            file_name: Some("h.md".into()),
            ..Default::default()
        };
        assert_eq!(
            plain("# A Title\n\n## Part one\n\n## Part two\n", md.clone()),
            Err(ImportError::OnlyHeadings)
        );
        assert_eq!(
            plain(
                "A Title\n\nsome words here that never end like a sentence\n",
                ImportOptions::default()
            ),
            Err(ImportError::NoSentences)
        );
        assert!(plain("# A Title\n\n## Part one\n\nOne real sentence.\n", md).is_ok());
    }

    #[test]
    fn an_empty_title_or_author_is_refused_and_others_are_trimmed() {
        let text = "A short text. It has two sentences.";
        for (title, author, what) in [
            (Some(""), None, "title"),
            (Some("  "), None, "title"),
            (None, Some(" \t"), "author"),
        ] {
            let options = ImportOptions {
                title: title.map(String::from),
                author: author.map(String::from),
                ..Default::default()
            };
            assert_eq!(plain(text, options), Err(ImportError::EmptyOption(what)));
        }
        let r = plain(
            text,
            ImportOptions {
                title: Some("  On   Texts ".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(r.title, "On Texts");
    }

    /// Thirty paragraphs; paragraph 3 cites [1], paragraph 25 cites [2], then the notes.
    fn annotated() -> String {
        let mut text = String::from("Harbours and Cities\n\nAnn Author\n\n");
        for p in 0..30 {
            for s in 0..6 {
                let marker = match (p, s) {
                    (3, 2) => "[1]",
                    (25, 4) => "[2]",
                    _ => "",
                };
                text.push_str(&format!(
                    "Sentence {p}-{s} tells how the harbour shaped the city.{marker} "
                ));
            }
            text.push_str("\n\n");
        }
        text.push_str("FOOTNOTES:\n\n[1] The harbour was dredged in the spring of that year,\nas the records show.\n\nThe dredging took two months.\n\n[2] A second note, on the city walls.\n");
        text
    }

    #[test]
    fn footnotes_go_with_the_excerpt_that_cites_them() {
        let r = plain(
            &annotated(),
            ImportOptions {
                words: Some(120),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(r.footnotes, 2);
        assert!(r.excerpts.len() > 4);
        for e in &r.excerpts {
            assert!(
                !e.text.contains("FOOTNOTES") && !e.text.contains("dredged"),
                "{}",
                e.text
            );
            for n in &e.notes {
                let label = &n[..3];
                assert!(
                    e.text.contains(label),
                    "{n} sits under an excerpt that does not cite it"
                );
            }
        }
        let notes: Vec<&String> = r.excerpts.iter().flat_map(|e| &e.notes).collect();
        assert_eq!(
            notes,
            vec![
                "[1] The harbour was dredged in the spring of that year, as the records show. The dredging took two months.",
                "[2] A second note, on the city walls."
            ]
        );
        // The body still comes back whole, once and in order.
        let got: Vec<String> = r
            .excerpts
            .iter()
            .flat_map(|e| sentences(&e.text))
            .map(String::from)
            .collect();
        assert_eq!(got.len(), 180);
        assert!(got.iter().enumerate().all(|(k, s)| s.starts_with(&format!(
            "Sentence {}-{} ",
            k / 6,
            k % 6
        ))));

        let dropped = plain(
            &annotated(),
            ImportOptions {
                words: Some(120),
                drop_footnotes: true,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(dropped.excerpts.iter().all(|e| e.notes.is_empty()));
        assert_eq!(dropped.excerpts.len(), r.excerpts.len());
        assert!(dropped.excerpts.iter().all(|e| !e.text.contains("dredged")));
    }

    #[test]
    fn the_fingerprint_ignores_line_endings_wrapping_and_front_matter_only() {
        let fp = |t: &[u8]| {
            prepare(t, &ImportOptions::default(), &templates(), &|_, _| {})
                .unwrap()
                .fingerprint
        };
        let a = fp(b"A Title\n\nThe first sentence is here. The second one\nfollows it.\n");
        assert_eq!(a, fp(b"\xEF\xBB\xBFA Title\r\n\r\nThe first sentence is here.  The second one follows it.\r\n"));
        assert_eq!(
            a,
            fp(b"Another Title\n\nThe first sentence is here. The second one follows it.")
        );
        assert_ne!(
            a,
            fp(b"A Title\n\nThe first sentence is here. The second one differs.\n")
        );
    }
}
