//! Scoring a session summary against a discussion whose ground truth is known.
//!
//! A [`Fixture`] is a seminar discussion written for the tests (members, replies with
//! their threads, a pre/post poll, a member who is forgotten) with its author's own
//! reading of it ([`Truth`]): the themes, the replies worth quoting, the housekeeping,
//! the open and answered questions, the real disagreement and the pairs that agree.
//! [`score`] reads a rendered summary (the Markdown members see, so summaries from any
//! version of the code can be scored) and checks it criterion by criterion.
//!
//! A fixture names its group's language (`language = "ru"`; English when absent): the
//! summary is read with that language's headings, evenness words and poll labels (from
//! its Fluent files), theme labels are compared by that language's stems (jieba's words
//! for Chinese), and sentences end as that language's do (。？ in Chinese).

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use thiserror::Error;

use super::language::Lang;
use super::text::squeeze_spaces;
use crate::i18n::Locale;
use crate::t;

/// A discussion with its ground truth, as written in `tests/fixtures/discussions/*.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    pub title: String,
    /// The group's language, as `setup --language` takes it (English when absent); an
    /// unknown code is refused when the fixture is read.
    #[serde(default)]
    pub language: Locale,
    /// The member key of the session's facilitator.
    pub facilitator: String,
    /// The member key of a member who runs `privacy forget-me` after the discussion.
    #[serde(default)]
    pub forget: Option<String>,
    pub members: Vec<FixtureMember>,
    #[serde(default)]
    pub poll: Option<FixturePoll>,
    pub replies: Vec<FixtureReply>,
    pub truth: Truth,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureMember {
    pub key: String,
    pub name: String,
    /// false: the member ran `privacy quotes off` before the discussion.
    #[serde(default = "yes")]
    pub quotes: bool,
}

fn yes() -> bool {
    true
}

/// A pre/post pair on an agree / disagree / unsure scale: member key to option.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixturePoll {
    pub claim: String,
    pub pre: HashMap<String, String>,
    pub post: HashMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureReply {
    pub id: u32,
    /// The author's member key.
    pub by: String,
    /// The reply this one answers in the thread.
    #[serde(default)]
    pub to: Option<u32>,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TruthTheme {
    /// Labels that name this theme (any one will do).
    pub phrases: Vec<String>,
    pub required: bool,
}

/// The fixture author's reading of the discussion.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Truth {
    pub themes: Vec<TruthTheme>,
    /// Replies a seminar leader would quote: each must be quoted somewhere.
    pub substantive: Vec<u32>,
    /// Facilitation, logistics, greetings and chatter: never quoted.
    pub housekeeping: Vec<u32>,
    pub open_questions: Vec<u32>,
    pub answered_questions: Vec<u32>,
    /// Replies that are a question as a whole.
    pub questions: Vec<u32>,
    /// The real dispute: both replies must be shown as a disagreement.
    pub disagreement: [u32; 2],
    /// Other pairs that genuinely disagree (may be shown).
    #[serde(default)]
    pub also_disagreements: Vec<[u32; 2]>,
    /// Pairs that agree: never shown as a disagreement.
    pub agreeing: Vec<[u32; 2]>,
    /// "evenly", "fairly evenly", "unevenly" or "very unevenly".
    pub evenness: String,
    /// Members (keys) to be named as writing the most.
    pub dominant: Vec<String>,
    /// Members (keys) to be named as the quietest.
    pub quiet: Vec<String>,
}

#[derive(Debug, Error)]
pub enum FixtureError {
    #[error("the fixture is not valid TOML: {0}")]
    Toml(String),
    #[error("the fixture is inconsistent: {0}")]
    Inconsistent(String),
}

impl Fixture {
    /// Read and check a fixture.
    pub fn parse(text: &str) -> Result<Fixture, FixtureError> {
        let fixture: Fixture =
            toml::from_str(text).map_err(|e| FixtureError::Toml(e.to_string()))?;
        fixture.check()?;
        Ok(fixture)
    }

    fn check(&self) -> Result<(), FixtureError> {
        let bad = |m: String| Err(FixtureError::Inconsistent(m));
        let keys: HashSet<&str> = self.members.iter().map(|m| m.key.as_str()).collect();
        let ids: HashSet<u32> = self.replies.iter().map(|r| r.id).collect();
        if ids.len() != self.replies.len() {
            return bad("two replies share an id".into());
        }
        for r in &self.replies {
            if !keys.contains(r.by.as_str()) {
                return bad(format!("reply {} is by an unknown member {}", r.id, r.by));
            }
            if let Some(to) = r.to
                && !ids.contains(&to)
            {
                return bad(format!("reply {} answers a missing reply {to}", r.id));
            }
        }
        let t = &self.truth;
        let listed = t
            .substantive
            .iter()
            .chain(&t.housekeeping)
            .chain(&t.open_questions)
            .chain(&t.answered_questions)
            .chain(&t.questions)
            .chain(&t.disagreement)
            .chain(t.also_disagreements.iter().flatten())
            .chain(t.agreeing.iter().flatten());
        for id in listed {
            if !ids.contains(id) {
                return bad(format!("the truth names a missing reply {id}"));
            }
        }
        for key in t.dominant.iter().chain(&t.quiet).chain(&self.forget) {
            if !keys.contains(key.as_str()) {
                return bad(format!("the truth names an unknown member {key}"));
            }
        }
        if !EVENNESS_WORDS.contains(&t.evenness.as_str()) {
            return bad(format!("unknown evenness word {:?}", t.evenness));
        }
        Ok(())
    }

    pub fn member(&self, key: &str) -> Option<&FixtureMember> {
        self.members.iter().find(|m| m.key == key)
    }

    pub fn reply(&self, id: u32) -> Option<&FixtureReply> {
        self.replies.iter().find(|r| r.id == id)
    }

    fn forgotten(&self, key: &str) -> bool {
        self.forget.as_deref() == Some(key)
    }

    /// A poll's counts per option after the forgotten member's votes are gone, each
    /// option labelled as the fixture's group sees it ("Agree", "Согласен", "同意").
    pub fn counts(&self, votes: &HashMap<String, String>) -> Vec<(String, usize)> {
        let loc = self.language;
        [
            ("agree", t!(loc, "option-agree")),
            ("disagree", t!(loc, "option-disagree")),
            ("unsure", t!(loc, "option-unsure")),
        ]
        .into_iter()
        .map(|(option, label)| {
            let n = votes
                .iter()
                .filter(|(who, v)| v.as_str() == option && !self.forgotten(who))
                .count();
            (label, n)
        })
        .collect()
    }
}

/// The words a summary may use for how evenly members spoke.
pub const EVENNESS_WORDS: &[&str] = &["evenly", "fairly evenly", "unevenly", "very unevenly"];

/// How a summary in `loc` says the voices were spread (`word` is one of
/// [`EVENNESS_WORDS`]), up to the evenness figure: "voices spread evenly (evenness ",
/// "голоса распределились равномерно (равномерность ".
fn evenness_phrase(word: &str, loc: Locale) -> String {
    let spread = match word {
        "evenly" => t!(loc, "spread-evenly"),
        "fairly evenly" => t!(loc, "spread-fairly-evenly"),
        "unevenly" => t!(loc, "spread-unevenly"),
        _ => t!(loc, "spread-very-unevenly"),
    };
    let figure = t!(loc, "summary-evenness", spread = spread, evenness = MARK);
    let voices = t!(loc, "summary-voices", evenness = figure);
    voices
        .split_once(MARK)
        .map_or(voices.clone(), |(head, _)| head.to_string())
}

/// A placeholder no message contains, to cut a formatted message where a value went.
const MARK: &str = "\u{1}";

/// The text of `key` in `loc` before its `{ $id }` ("poll #", "опрос №").
fn poll_ref_prefix(loc: Locale) -> Vec<String> {
    [
        t!(loc, "summary-poll-ref", id = MARK),
        t!(loc, "results-title", id = MARK),
        t!(loc, "results-so-far-title", id = MARK),
    ]
    .into_iter()
    .filter_map(|m| m.split_once(MARK).map(|(head, _)| head.to_string()))
    .filter(|head| !head.trim().is_empty())
    .collect()
}

/// One checked criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub name: &'static str,
    pub passed: bool,
    /// What was found, for the reader of a failing score.
    pub detail: String,
}

/// A summary's score on one fixture.
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub fixture: String,
    pub criteria: Vec<Criterion>,
}

impl Scorecard {
    pub fn passed(&self) -> usize {
        self.criteria.iter().filter(|c| c.passed).count()
    }

    pub fn all_passed(&self) -> bool {
        self.criteria.iter().all(|c| c.passed)
    }

    pub fn failures(&self) -> Vec<&Criterion> {
        self.criteria.iter().filter(|c| !c.passed).collect()
    }
}

impl fmt::Display for Scorecard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} of {} criteria pass",
            self.fixture,
            self.passed(),
            self.criteria.len()
        )?;
        for c in &self.criteria {
            writeln!(
                f,
                "  [{}] {}: {}",
                if c.passed { "pass" } else { "FAIL" },
                c.name,
                c.detail
            )?;
        }
        Ok(())
    }
}

/// A quotation as the summary shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownQuote {
    /// Where it was shown: "themes", "said", "disagreements", "open".
    pub section: &'static str,
    pub text: String,
    pub author: String,
}

/// The parts of a rendered summary the scorer reads.
#[derive(Debug, Clone, Default)]
pub struct ParsedSummary {
    /// The lines before the first section (title, counts, participation).
    pub header: String,
    pub theme_labels: Vec<String>,
    pub quotes: Vec<ShownQuote>,
    /// Indexes into `quotes`: the two sides of each disagreement.
    pub disagreements: Vec<(usize, usize)>,
    pub whole: String,
}

/// The bold headings of a summary's sections in `loc`, with the section each opens.
fn sections(loc: Locale) -> [(String, &'static str); 4] {
    [
        (format!("**{}**", t!(loc, "summary-themes")), "themes"),
        (format!("**{}**", t!(loc, "summary-what-was-said")), "said"),
        (
            format!("**{}**", t!(loc, "summary-disagreements")),
            "disagreements",
        ),
        (format!("**{}**", t!(loc, "summary-open-questions")), "open"),
    ]
}

/// Split `“text” — Author (link)` into text and author; `rest` starts at the opening mark.
fn quote_and_author(rest: &str) -> Option<(String, String, usize)> {
    let body = rest.strip_prefix('“')?;
    let close = body.find("” — ")?;
    let text = &body[..close];
    let after = &body[close + "” — ".len()..];
    let end = [" / “", " ([", " · ["]
        .iter()
        .filter_map(|sep| after.find(sep))
        .min()
        .unwrap_or(after.len());
    let author = after[..end].trim().to_string();
    let consumed = rest.len() - after.len() + end;
    Some((text.to_string(), author, consumed))
}

fn strip_link(author: &str) -> String {
    let end = [" ([", " · ["]
        .iter()
        .filter_map(|sep| author.find(sep))
        .min()
        .unwrap_or(author.len());
    author[..end].trim().to_string()
}

/// Read an English summary rendered with the default template.
pub fn parse_summary(markdown: &str) -> ParsedSummary {
    parse_summary_in(markdown, Locale::En)
}

/// Read a summary rendered with the default template for a group speaking `loc`.
pub fn parse_summary_in(markdown: &str, loc: Locale) -> ParsedSummary {
    let sections = sections(loc);
    let mut parsed = ParsedSummary {
        whole: markdown.to_string(),
        ..ParsedSummary::default()
    };
    let mut section: Option<&'static str> = None;
    let mut in_header = true;
    let mut said_text: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("**") {
            in_header = false;
            section = sections
                .iter()
                .find(|(head, _)| trimmed.starts_with(head.as_str()))
                .map(|(_, name)| *name);
            continue;
        }
        if in_header {
            parsed.header.push_str(trimmed);
            parsed.header.push('\n');
            continue;
        }
        match section {
            Some("themes") => {
                let Some(rest) = trimmed.strip_prefix("- **") else {
                    continue;
                };
                let Some(end) = rest.find("**") else { continue };
                parsed.theme_labels.push(rest[..end].to_string());
                if let Some(start) = rest.find(": “")
                    && let Some((text, author, _)) = quote_and_author(&rest[start + 2..])
                {
                    parsed.quotes.push(ShownQuote {
                        section: "themes",
                        text,
                        author,
                    });
                }
            }
            Some("said") => {
                if let Some(author) = trimmed.strip_prefix("> — ") {
                    if let Some(text) = said_text.take() {
                        parsed.quotes.push(ShownQuote {
                            section: "said",
                            text,
                            author: strip_link(author),
                        });
                    }
                } else if let Some(text) = trimmed.strip_prefix("> ") {
                    said_text = Some(match said_text.take() {
                        Some(before) => format!("{before} {text}"),
                        None => text.to_string(),
                    });
                }
            }
            Some("disagreements") => {
                let Some(start) = trimmed.find(": “") else {
                    continue;
                };
                let rest = &trimmed[start + 2..];
                let Some((a, a_author, used)) = quote_and_author(rest) else {
                    continue;
                };
                let Some(second) = rest[used..].find('“') else {
                    continue;
                };
                let Some((b, b_author, _)) = quote_and_author(&rest[used + second..]) else {
                    continue;
                };
                let i = parsed.quotes.len();
                parsed.quotes.push(ShownQuote {
                    section: "disagreements",
                    text: a,
                    author: a_author,
                });
                parsed.quotes.push(ShownQuote {
                    section: "disagreements",
                    text: b,
                    author: b_author,
                });
                parsed.disagreements.push((i, i + 1));
            }
            Some("open") => {
                if let Some(rest) = trimmed.strip_prefix("- ")
                    && let Some((text, author, _)) = quote_and_author(rest)
                {
                    parsed.quotes.push(ShownQuote {
                        section: "open",
                        text,
                        author,
                    });
                }
            }
            _ => {}
        }
    }
    parsed
}

/// Lowercase, single spaces, straight apostrophes.
fn norm(text: &str) -> String {
    squeeze_spaces(text).to_lowercase().replace('’', "'")
}

/// A theme label as compared with the truth: in English no article, no plural -s; in
/// another language its words' stems ("многополярность" and "многополярности" agree;
/// jieba's words in Chinese).
fn label_key(label: &str, lang: Lang) -> String {
    if lang != Lang::En {
        return super::lang_terms::key_of_in(&norm(label), lang);
    }
    let lower = norm(label);
    let trimmed = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    trimmed
        .split(' ')
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                &w[..w.len() - 1]
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does a reply use a theme label? In English its words as written; in another language
/// its words' stems, in order, as whole words ("открытый учёт" in "об открытом учёте").
fn uses_label(reply: &str, label: &str, lang: Lang) -> bool {
    if lang == Lang::En {
        return contains_words(&norm(reply), &norm(label));
    }
    let key = label_key(label, lang);
    let hay = super::lang_terms::key_of_in(&norm(reply), lang);
    contains_words(&hay, &key)
}

/// A character of a script written without spaces between words (Chinese, Japanese).
fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Does `needle` occur in `hay` as whole words? Next to a Chinese character any word
/// ends ("林晓云写了" names 林晓云).
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let start = from + pos;
        let end = start + needle.len();
        let boundary = |c: char| !c.is_alphanumeric() || unspaced(c);
        let before_ok = hay[..start].chars().next_back().is_none_or(boundary)
            || needle.chars().next().is_some_and(unspaced);
        let after_ok = hay[end..].chars().next().is_none_or(boundary)
            || needle.chars().next_back().is_some_and(unspaced);
        if before_ok && after_ok {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The replies a shown quote can come from (its text, without a trailing "…", is
/// inside theirs), the attributed author's first.
fn sources<'f>(fixture: &'f Fixture, quote: &ShownQuote) -> Vec<&'f FixtureReply> {
    let text = norm(quote.text.trim_end_matches('…').trim_end());
    if text.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&FixtureReply> = fixture
        .replies
        .iter()
        .filter(|r| norm(&r.text).contains(&text))
        .collect();
    found.sort_by_key(|r| {
        let named = fixture
            .member(&r.by)
            .map(|m| m.name == quote.author)
            .unwrap_or(false);
        (!named, r.id)
    });
    found
}

fn ends_at_sentence_end(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '\'', '’', ')', ']', '»', '“', '」', '』', '）']);
    t.ends_with(['.', '!', '?', '。', '！', '？']) && !t.ends_with("...")
}

fn names_of(fixture: &Fixture, keys: &[String]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| fixture.member(k).map(|m| m.name.clone()))
        .collect()
}

/// Score a rendered summary of `fixture`'s discussion.
pub fn score(fixture: &Fixture, markdown: &str) -> Scorecard {
    let loc = fixture.language;
    let lang = Lang::of_locale(loc);
    let parsed = parse_summary_in(markdown, loc);
    let truth = &fixture.truth;
    let mut criteria = Vec::new();
    let mut check = |name: &'static str, passed: bool, detail: String| {
        criteria.push(Criterion {
            name,
            passed,
            detail,
        })
    };
    // Which reply each quote comes from (None: from no reply).
    let origin: Vec<Option<&FixtureReply>> = parsed
        .quotes
        .iter()
        .map(|q| sources(fixture, q).into_iter().next())
        .collect();
    let quoted: Vec<u32> = origin.iter().flatten().map(|r| r.id).collect();
    let member_replies: Vec<&FixtureReply> = fixture
        .replies
        .iter()
        .filter(|r| r.by != fixture.facilitator && !fixture.forgotten(&r.by))
        .collect();

    // Theme labels: short noun phrases that the replies themselves use, not word lists.
    let mut bad_labels = Vec::new();
    for label in &parsed.theme_labels {
        let key = norm(label);
        let uses = member_replies
            .iter()
            .filter(|r| uses_label(&r.text, label, lang))
            .count();
        if label.contains(',') || uses < 2 || key.split(' ').count() > 5 {
            bad_labels.push(format!("“{label}” ({uses} replies use it)"));
        }
    }
    check(
        "theme labels are phrases from the replies",
        !parsed.theme_labels.is_empty() && bad_labels.is_empty(),
        if parsed.theme_labels.is_empty() {
            "no themes".into()
        } else if bad_labels.is_empty() {
            format!("{:?}", parsed.theme_labels)
        } else {
            format!("not phrases used by two replies: {}", bad_labels.join(", "))
        },
    );

    let keys: Vec<String> = parsed
        .theme_labels
        .iter()
        .map(|l| label_key(l, lang))
        .collect();
    let missing: Vec<&str> = truth
        .themes
        .iter()
        .filter(|t| t.required)
        .filter(|t| !t.phrases.iter().any(|p| keys.contains(&label_key(p, lang))))
        .map(|t| t.phrases[0].as_str())
        .collect();
    check(
        "the discussion's themes are found",
        missing.is_empty(),
        if missing.is_empty() {
            format!("{:?}", parsed.theme_labels)
        } else {
            format!("missing {missing:?}; shown {:?}", parsed.theme_labels)
        },
    );

    let unquoted: Vec<u32> = truth
        .substantive
        .iter()
        .copied()
        .filter(|id| !quoted.contains(id))
        .collect();
    check(
        "the most substantive replies are quoted",
        unquoted.is_empty(),
        format!(
            "{} of {} quoted{}",
            truth.substantive.len() - unquoted.len(),
            truth.substantive.len(),
            if unquoted.is_empty() {
                String::new()
            } else {
                format!("; not quoted: {unquoted:?}")
            }
        ),
    );

    let housekeeping: Vec<u32> = quoted
        .iter()
        .copied()
        .filter(|id| {
            truth.housekeeping.contains(id)
                || fixture
                    .reply(*id)
                    .is_some_and(|r| r.by == fixture.facilitator)
        })
        .collect();
    check(
        "no housekeeping or facilitation quoted",
        housekeeping.is_empty(),
        if housekeeping.is_empty() {
            format!("{} quotes, none housekeeping", quoted.len())
        } else {
            format!("quoted housekeeping replies {housekeeping:?}")
        },
    );

    let mut seen = HashSet::new();
    let twice: Vec<u32> = quoted
        .iter()
        .copied()
        .filter(|id| !seen.insert(*id))
        .collect();
    check(
        "no reply quoted twice",
        twice.is_empty(),
        if twice.is_empty() {
            format!("{} distinct replies quoted", seen.len())
        } else {
            format!("quoted more than once: {twice:?}")
        },
    );

    let mut inexact = Vec::new();
    for (q, from) in parsed.quotes.iter().zip(&origin) {
        match from {
            None => inexact.push(format!("“{}” is in no reply", q.text)),
            Some(r) => {
                let member = fixture.member(&r.by);
                let expected = match member {
                    Some(m) if m.quotes => m.name.as_str(),
                    _ => "a member",
                };
                if q.author != expected {
                    inexact.push(format!(
                        "reply {} attributed to “{}”, not “{expected}”",
                        r.id, q.author
                    ));
                }
            }
        }
    }
    let opted_out: Vec<&str> = fixture
        .members
        .iter()
        .filter(|m| !m.quotes && contains_words(&parsed.whole, &m.name))
        .map(|m| m.name.as_str())
        .collect();
    for name in &opted_out {
        inexact.push(format!("{name} opted out of quotes but is named"));
    }
    check(
        "quotes are members' exact words, rightly attributed",
        !parsed.quotes.is_empty() && inexact.is_empty(),
        if inexact.is_empty() {
            format!("{} quotes checked", parsed.quotes.len())
        } else {
            inexact.join("; ")
        },
    );

    let cut: Vec<String> = parsed
        .quotes
        .iter()
        .filter(|q| !ends_at_sentence_end(&q.text) || q.text.ends_with('…'))
        .map(|q| format!("“{}”", q.text))
        .collect();
    check(
        "quotes end at a sentence end",
        cut.is_empty(),
        if cut.is_empty() {
            "all do".into()
        } else {
            format!("cut: {}", cut.join(" "))
        },
    );

    let pairs: Vec<(Option<u32>, Option<u32>)> = parsed
        .disagreements
        .iter()
        .map(|(a, b)| (origin[*a].map(|r| r.id), origin[*b].map(|r| r.id)))
        .collect();
    let same = |p: &(Option<u32>, Option<u32>), t: &[u32; 2]| {
        (p.0 == Some(t[0]) && p.1 == Some(t[1])) || (p.0 == Some(t[1]) && p.1 == Some(t[0]))
    };
    let found = pairs.iter().any(|p| same(p, &truth.disagreement));
    check(
        "the real disagreement is found",
        found,
        format!(
            "shown pairs {pairs:?}; the real one {:?}",
            truth.disagreement
        ),
    );

    let mut wrong = Vec::new();
    let mut disputes_seen: Vec<(u32, u32)> = Vec::new();
    for p in &pairs {
        let (Some(a), Some(b)) = *p else {
            wrong.push(format!("{p:?} quotes no reply"));
            continue;
        };
        if truth.agreeing.iter().any(|t| same(p, t)) {
            wrong.push(format!("{a}/{b} agree"));
        }
        if truth.questions.contains(&a) || truth.questions.contains(&b) {
            wrong.push(format!("{a}/{b} has a question as a side"));
        }
        let genuine =
            same(p, &truth.disagreement) || truth.also_disagreements.iter().any(|t| same(p, t));
        if !genuine {
            wrong.push(format!("{a}/{b} is not a disagreement"));
        }
        let key = (a.min(b), a.max(b));
        if disputes_seen.contains(&key) {
            wrong.push(format!("{a}/{b} shown twice"));
        }
        disputes_seen.push(key);
    }
    // One pair per dispute: the real dispute's thread (its pairs) appears once.
    let real_thread: Vec<[u32; 2]> = std::iter::once(truth.disagreement)
        .chain(
            truth
                .also_disagreements
                .iter()
                .copied()
                .filter(|t| t.iter().any(|id| truth.disagreement.contains(id))),
        )
        .collect();
    let in_real = pairs
        .iter()
        .filter(|p| real_thread.iter().any(|t| same(p, t)))
        .count();
    if in_real > 1 {
        wrong.push(format!("the real dispute is shown {in_real} times"));
    }
    check(
        "no agreeing, question-sided or repeated pair",
        wrong.is_empty(),
        if wrong.is_empty() {
            format!("{} pairs, all genuine", pairs.len())
        } else {
            wrong.join("; ")
        },
    );

    let open: Vec<(u32, &ShownQuote)> = parsed
        .quotes
        .iter()
        .zip(&origin)
        .filter(|(q, _)| q.section == "open")
        .filter_map(|(q, r)| r.map(|r| (r.id, q)))
        .collect();
    let shown_open: Vec<u32> = open.iter().map(|(id, _)| *id).collect();
    let mut open_wrong = Vec::new();
    for id in &truth.open_questions {
        if !shown_open.contains(id) {
            open_wrong.push(format!("open question {id} missing"));
        }
    }
    for (id, q) in &open {
        if !truth.open_questions.contains(id) {
            open_wrong.push(format!(
                "{id} is {}",
                if truth.answered_questions.contains(id) {
                    "answered"
                } else {
                    "not an open question"
                }
            ));
        }
        let sentences = super::sentences::sentence_spans_in(&q.text, lang).len();
        if !q.text.trim_end().ends_with(['?', '？']) || sentences != 1 {
            open_wrong.push(format!("“{}” is not one question sentence", q.text));
        }
    }
    check(
        "open questions are the unanswered ones, as sentences",
        open_wrong.is_empty(),
        if open_wrong.is_empty() {
            format!("{shown_open:?}")
        } else {
            format!("{}; shown {shown_open:?}", open_wrong.join("; "))
        },
    );

    if let Some(poll) = &fixture.poll {
        let pre = fixture.counts(&poll.pre);
        let post = fixture.counts(&poll.post);
        let polls_at = poll_ref_prefix(loc)
            .iter()
            .filter_map(|p| parsed.whole.find(p.as_str()))
            .min()
            .unwrap_or(parsed.whole.len());
        let polls = &parsed.whole[polls_at..];
        let mut absent = Vec::new();
        for ((label, before), (_, after)) in pre.iter().zip(&post) {
            let arrow = format!("{label}: {before} → {after}");
            let a = format!("{label}: {before} ");
            let b = format!("{label}: {after} ");
            let ok = polls.contains(&arrow)
                || if before == after {
                    polls.matches(&a).count() >= 2
                } else {
                    polls.contains(&a) && polls.contains(&b)
                };
            if !ok {
                absent.push(format!("{label} {before} → {after}"));
            }
        }
        check(
            "pre and post poll counts are shown",
            absent.is_empty(),
            if absent.is_empty() {
                format!("{pre:?} → {post:?}")
            } else {
                format!("missing {}", absent.join(", "))
            },
        );
    }

    let header = &parsed.header;
    let mut part_wrong = Vec::new();
    let phrase = evenness_phrase(&truth.evenness, loc);
    if !header.contains(&phrase) {
        let said = EVENNESS_WORDS
            .iter()
            .find(|w| header.contains(&evenness_phrase(w, loc)))
            .copied()
            .unwrap_or("nothing");
        part_wrong.push(format!("says {said:?}, not {:?}", truth.evenness));
    }
    let expected: Vec<String> = names_of(fixture, &truth.dominant)
        .into_iter()
        .chain(names_of(fixture, &truth.quiet))
        .collect();
    for name in &expected {
        if !contains_words(header, name) {
            part_wrong.push(format!("{name} not named"));
        }
    }
    for m in &fixture.members {
        if m.key != fixture.facilitator
            && !expected.contains(&m.name)
            && contains_words(header, &m.name)
        {
            part_wrong.push(format!("{} named but neither dominant nor quiet", m.name));
        }
    }
    check(
        "participation is described in words that fit",
        part_wrong.is_empty(),
        if part_wrong.is_empty() {
            header.lines().nth(1).unwrap_or_default().to_string()
        } else {
            part_wrong.join("; ")
        },
    );

    if let Some(key) = &fixture.forget {
        let name = fixture
            .member(key)
            .map(|m| m.name.clone())
            .unwrap_or_default();
        let theirs: Vec<u32> = origin
            .iter()
            .flatten()
            .filter(|r| &r.by == key)
            .map(|r| r.id)
            .collect();
        let named = contains_words(&parsed.whole, &name);
        check(
            "the forgotten member is gone",
            theirs.is_empty() && !named,
            if theirs.is_empty() && !named {
                format!("{name} neither quoted nor named")
            } else {
                format!("{name}: quoted {theirs:?}, named {named}")
            },
        );
    }

    Scorecard {
        fixture: fixture.title.clone(),
        criteria,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = r#"
title = "Tiny"
facilitator = "fac"
[[members]]
key = "fac"
name = "Fac"
[[members]]
key = "ana"
name = "Ana"
[[members]]
key = "ben"
name = "Ben"
[[replies]]
id = 1
by = "fac"
text = "Please vote before we start."
[[replies]]
id = 2
by = "ana"
text = "Local monitoring keeps the pasture honest. Neighbours see each other."
[[replies]]
id = 3
by = "ben"
to = 2
text = "I disagree: local monitoring fails in big fisheries. Nobody knows the boats."
[[replies]]
id = 4
by = "ben"
text = "Who writes the rules?"
[truth]
themes = [{ phrases = ["local monitoring"], required = true }]
substantive = [2]
housekeeping = [1]
open_questions = [4]
answered_questions = []
questions = [4]
disagreement = [2, 3]
agreeing = []
evenness = "evenly"
dominant = []
quiet = []
"#;

    const GOOD: &str = "## Summary: Tiny\nMon · 2 members, 3 replies, 20 words · voices spread evenly (evenness 0.95)\n\n**Themes**\n- **local monitoring** (2 replies): “Local monitoring keeps the pasture honest.” — Ana\n\n**Where members disagreed**\n- On *local monitoring*: “Neighbours see each other.” — Ana / “I disagree: local monitoring fails in big fisheries.” — Ben\n\n**Questions still open**\n- “Who writes the rules?” — Ben\n";

    #[test]
    fn a_good_summary_passes_and_each_fault_is_caught() {
        let fixture = Fixture::parse(FIXTURE).unwrap();
        let card = score(&fixture, GOOD);
        // The same reply (2) is quoted in the theme and the disagreement.
        let failed: Vec<&str> = card.failures().iter().map(|c| c.name).collect();
        assert_eq!(failed, vec!["no reply quoted twice"], "{card}");

        let faults = [
            ("local monitoring**", "monitoring, pasture**"),
            ("— Ana\n\n**Where", "— Fac\n\n**Where"),
            ("spread evenly", "spread unevenly"),
            (
                "“Who writes the rules?” — Ben",
                "“Please vote before we start.” — Fac",
            ),
            ("fails in big fisheries.", "fails in big fish…"),
        ];
        let expected = [
            "theme labels are phrases from the replies",
            "quotes are members' exact words, rightly attributed",
            "participation is described in words that fit",
            "no housekeeping or facilitation quoted",
            "quotes end at a sentence end",
        ];
        for ((from, to), name) in faults.iter().zip(expected) {
            let bad = GOOD.replacen(from, to, 1);
            let card = score(&fixture, &bad);
            assert!(
                card.failures().iter().any(|c| c.name == name),
                "{name} should fail for {to}: {card}"
            );
        }
    }

    const FIXTURE_RU: &str = r#"
title = "Мини"
language = "ru"
facilitator = "fac"
[[members]]
key = "fac"
name = "Ведущая"
[[members]]
key = "ana"
name = "Анна"
[[members]]
key = "ben"
name = "Борис"
[[replies]]
id = 1
by = "fac"
text = "Проголосуйте, пожалуйста, до начала."
[[replies]]
id = 2
by = "ana"
text = "Открытый учёт делает сбор честным. Соседи видят друг друга."
[[replies]]
id = 3
by = "ben"
to = 2
text = "Не согласен: без открытого учёта большой порт не обходится, но и он не спасает. Никто не знает все суда."
[[replies]]
id = 4
by = "ben"
text = "Кто пишет правила?"
[[replies]]
id = 5
by = "ana"
text = "Открытый учёт держится на доверии соседей."
[truth]
themes = [{ phrases = ["открытого учёта"], required = true }]
substantive = [2]
housekeeping = [1]
open_questions = [4]
answered_questions = []
questions = [4]
disagreement = [2, 3]
agreeing = []
evenness = "evenly"
dominant = []
quiet = []
"#;

    const GOOD_RU: &str = "## Итоги: Мини\nпн · 2 участника, 3 ответа, 20 слов · голоса распределились равномерно (равномерность 0.95)\n\n**Темы**\n- **открытый учёт** (3 ответа): “Открытый учёт держится на доверии соседей.” — Анна\n\n**В чём участники разошлись**\n- Предмет спора: *открытый учёт*: “Соседи видят друг друга.” — Анна / “Никто не знает все суда.” — Борис\n\n**Открытые вопросы**\n- “Кто пишет правила?” — Борис\n";

    const FIXTURE_ZH: &str = r#"
title = "小组"
language = "zh"
facilitator = "fac"
[[members]]
key = "fac"
name = "主持人"
[[members]]
key = "ana"
name = "林晓云"
[[members]]
key = "ben"
name = "王强"
[[replies]]
id = 1
by = "fac"
text = "请在开始前投票。"
[[replies]]
id = 2
by = "ana"
text = "公开账簿让收费更公平。邻居们彼此看得见。"
[[replies]]
id = 3
by = "ben"
to = 2
text = "我不同意：公开账簿在大港口行不通。没有人认识所有的船。"
[[replies]]
id = 4
by = "ben"
text = "谁来制定规则？"
[[replies]]
id = 5
by = "ana"
text = "公开账簿靠的是邻里之间的信任。"
[truth]
themes = [{ phrases = ["公开账簿"], required = true }]
substantive = [2]
housekeeping = [1]
open_questions = [4]
answered_questions = []
questions = [4]
disagreement = [2, 3]
agreeing = []
evenness = "evenly"
dominant = ["ana"]
quiet = []
"#;

    const GOOD_ZH: &str = "## 总结：小组\n周一 · 2 位成员, 3 条回复, 40 字 · 发言分布均衡（均衡度 0.95）：林晓云贡献了 50% 的字数\n\n**主题**\n- **公开账簿** (3 条回复): “公开账簿靠的是邻里之间的信任。” — 林晓云\n\n**分歧所在**\n- 关于 *公开账簿*: “邻居们彼此看得见。” — 林晓云 / “我不同意：公开账簿在大港口行不通。” — 王强\n\n**尚待解答的问题**\n- “谁来制定规则？” — 王强\n";

    /// A summary that passes in its language, and the faults each criterion catches.
    fn check_language(fixture: &str, good: &str, faults: &[(&str, &str, &str)]) {
        let fixture = Fixture::parse(fixture).unwrap();
        let card = score(&fixture, good);
        assert!(card.all_passed(), "{card}");
        for (from, to, name) in faults {
            assert!(good.contains(from), "{from}");
            let bad = good.replacen(from, to, 1);
            let card = score(&fixture, &bad);
            assert!(
                card.failures().iter().any(|c| c.name == *name),
                "{name} should fail for {to}: {card}"
            );
        }
    }

    #[test]
    fn summaries_are_scored_in_the_groups_language() {
        check_language(
            FIXTURE_RU,
            GOOD_RU,
            &[
                (
                    "открытый учёт** (3",
                    "учёт, сбор** (3",
                    "theme labels are phrases from the replies",
                ),
                (
                    "**открытый учёт**",
                    "**соседи**",
                    "the discussion's themes are found",
                ),
                (
                    "— Анна\n\n**В чём",
                    "— Борис\n\n**В чём",
                    "quotes are members' exact words, rightly attributed",
                ),
                (
                    "распределились равномерно",
                    "распределились неравномерно",
                    "participation is described in words that fit",
                ),
                (
                    "“Кто пишет правила?” — Борис",
                    "“Проголосуйте, пожалуйста, до начала.” — Ведущая",
                    "no housekeeping or facilitation quoted",
                ),
                ("все суда.”", "все су…”", "quotes end at a sentence end"),
            ],
        );
        check_language(
            FIXTURE_ZH,
            GOOD_ZH,
            &[
                (
                    "公开账簿** (3",
                    "收费，邻居** (3",
                    "theme labels are phrases from the replies",
                ),
                (
                    "— 林晓云\n\n**分歧",
                    "— 王强\n\n**分歧",
                    "quotes are members' exact words, rightly attributed",
                ),
                (
                    "发言分布均衡",
                    "发言分布很不均衡",
                    "participation is described in words that fit",
                ),
                (
                    "林晓云贡献了",
                    "某人贡献了",
                    "participation is described in words that fit",
                ),
                (
                    "“谁来制定规则？” — 王强",
                    "“请在开始前投票。” — 主持人",
                    "no housekeeping or facilitation quoted",
                ),
                ("行不通。”", "行不…”", "quotes end at a sentence end"),
                (
                    "“谁来制定规则？”",
                    "“谁来制定规则？没有人。”",
                    "open questions are the unanswered ones, as sentences",
                ),
            ],
        );
        // An English summary is not read as a Russian one.
        let fixture = Fixture::parse(FIXTURE_RU).unwrap();
        let english = GOOD_RU
            .replace("**Темы**", "**Themes**")
            .replace("**Открытые вопросы**", "**Questions still open**");
        assert!(!score(&fixture, &english).all_passed());
    }

    #[test]
    fn a_fixture_in_an_unknown_language_is_refused() {
        let bad = FIXTURE_RU.replace("language = \"ru\"", "language = \"xx\"");
        let err = Fixture::parse(&bad).unwrap_err().to_string();
        assert!(err.contains("xx"), "{err}");
    }

    #[test]
    fn inconsistent_fixtures_are_refused() {
        let bad = FIXTURE.replace("to = 2", "to = 9");
        assert!(matches!(
            Fixture::parse(&bad),
            Err(FixtureError::Inconsistent(_))
        ));
        assert!(matches!(
            Fixture::parse("title = 3"),
            Err(FixtureError::Toml(_))
        ));
    }

    #[test]
    fn the_parser_reads_links_and_both_sides() {
        let md = "## Summary: x\nh\n\n**What was said**\n> One. Two.\n> — Ana ([message](https://x/1))\n\n**Where members disagreed**\n- On *y*: “A b.” — Ana ([message](u)) / “C d.” — Ben ([message](v))\n";
        let p = parse_summary(md);
        assert_eq!(p.quotes.len(), 3);
        assert_eq!(p.quotes[0].author, "Ana");
        assert_eq!(p.quotes[0].text, "One. Two.");
        assert_eq!(p.quotes[2].text, "C d.");
        assert_eq!(p.quotes[2].author, "Ben");
        assert_eq!(p.disagreements, vec![(1, 2)]);
    }
}
