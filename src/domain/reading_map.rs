//! The reading map: which sentences of an excerpt the discussion engaged.
//!
//! A reply engages a sentence when it quotes it (a `>` quote line, as Discord and Matrix
//! write quotes, or words in quotation marks), or closely echoes it without quotation
//! marks (five words in a row of the sentence). A quoted passage with small slips still
//! counts (strsim's normalized Levenshtein similarity of at least 0.8 against a stretch of
//! the sentence of the same length). A short quoted phrase (two or three words) counts
//! for the sentences it appears in when there are at most two of them; a more common
//! phrase says nothing about a sentence. Each reply counts once per sentence.
//!
//! From those links: each sentence's engagement (0–4, relative to the most engaged
//! sentence), the most contested sentence (replies from members on opposite sides of the
//! session's poll attach to it), and the questions members asked about each sentence.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::sentences::sentence_spans;

/// Words in a row a reply must share with a sentence to echo it without quotation marks.
const ECHO_WORDS: usize = 5;
/// How similar a quoted passage must be to a stretch of a sentence (strsim).
const QUOTE_SIMILARITY: f64 = 0.8;
/// The most sentences a short quoted phrase may name before it says nothing.
const PHRASE_SENTENCES: usize = 2;

/// One reply as the map sees it.
#[derive(Debug, Clone)]
pub struct MapReply {
    pub id: i64,
    pub text: String,
    /// The member's side on the session's poll: positive agrees, negative disagrees.
    pub side: Option<f64>,
    /// The reply answers the excerpt's own post (a platform reply to the excerpt).
    pub to_excerpt: bool,
}

/// One sentence of the excerpt and what engaged it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceHeat {
    pub text: String,
    /// Replies that quote or echo this sentence.
    pub replies: Vec<i64>,
    /// 0 (untouched) to 4 (as engaged as the most engaged sentence).
    pub level: u8,
    /// Of those replies, from members on the agreeing and the disagreeing side.
    pub agree: usize,
    pub disagree: usize,
    /// Replies that asked a question about this sentence.
    pub questions: Vec<i64>,
}

/// An excerpt's map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadingMap {
    pub sentences: Vec<SentenceHeat>,
    /// Sentence indices by paragraph, in order.
    pub paragraphs: Vec<Vec<usize>>,
    /// The most engaged sentence, when at least one reply engaged one.
    pub most_discussed: Option<usize>,
    /// The sentence where replies from both sides of the poll met most, if any did.
    pub most_contested: Option<usize>,
    /// Replies that answered the excerpt's post directly (platform replies).
    pub direct_replies: usize,
}

impl ReadingMap {
    /// The most engaged sentence and how many replies engaged it.
    pub fn most_discussed_sentence(&self) -> Option<(&str, usize)> {
        self.most_discussed
            .and_then(|i| self.sentences.get(i))
            .map(|s| (s.text.as_str(), s.replies.len()))
    }
}

/// Lower-case words of `text` (letters and digits only).
fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(|w| w.to_lowercase()).collect()
}

/// The passages a reply quotes: `>` lines and text between quotation marks.
fn quoted_passages(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            let rest = rest.trim();
            if !rest.is_empty() {
                out.push(rest.to_string());
            }
        }
    }
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»'), ('„', '“')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else {
                break;
            };
            let inner = after[..end].trim();
            if !inner.is_empty() {
                out.push(inner.to_string());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// Whether `needle` (words) occurs in `hay` (words) as a run.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether a quoted passage (several words) matches a stretch of the sentence closely.
fn passage_matches(sentence: &[String], passage: &[String]) -> bool {
    if passage.len() > sentence.len() + 2 {
        return false;
    }
    if contains_run(sentence, passage) {
        return true;
    }
    let p = passage.join(" ");
    let n = passage.len().min(sentence.len());
    sentence.windows(n).any(|w| {
        let s = w.join(" ");
        strsim::normalized_levenshtein(&s, &p) >= QUOTE_SIMILARITY
    })
}

/// Whether `text` asks something: a sentence of it ends with a question mark.
fn asks(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('>'))
        .any(|l| l.trim_end().ends_with('?') || l.contains("? "))
}

/// Build the map of `excerpt` from the session's replies.
pub fn reading_map(excerpt: &str, replies: &[MapReply]) -> ReadingMap {
    let spans = sentence_spans(excerpt);
    let texts: Vec<&str> = spans.iter().map(|&(a, b)| &excerpt[a..b]).collect();
    let sentence_words: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
    // Paragraphs: a blank line between two sentences starts a new one.
    let mut paragraphs: Vec<Vec<usize>> = Vec::new();
    let mut last_end = 0;
    for (i, &(start, end)) in spans.iter().enumerate() {
        let gap = &excerpt[last_end.min(start)..start];
        if paragraphs.is_empty() || gap.matches('\n').count() >= 2 {
            paragraphs.push(Vec::new());
        }
        if let Some(p) = paragraphs.last_mut() {
            p.push(i);
        }
        last_end = end;
    }
    // Echo index: every run of ECHO_WORDS words of a sentence, to the sentences holding it.
    let mut echoes: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (i, w) in sentence_words.iter().enumerate() {
        for run in w.windows(ECHO_WORDS) {
            let e = echoes.entry(run).or_default();
            if e.last() != Some(&i) {
                e.push(i);
            }
        }
    }
    let mut links: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    let mut questions: Vec<Vec<i64>> = vec![Vec::new(); texts.len()];
    let mut sides: Vec<(usize, usize)> = vec![(0, 0); texts.len()];
    let mut direct = 0;
    for (r, reply) in replies.iter().enumerate() {
        if reply.to_excerpt {
            direct += 1;
        }
        let mut hit: HashSet<usize> = HashSet::new();
        for passage in quoted_passages(&reply.text) {
            let pw = words(&passage);
            match pw.len() {
                0 | 1 => {}
                2 | 3 => {
                    let found: Vec<usize> = sentence_words
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| contains_run(s, &pw))
                        .map(|(i, _)| i)
                        .collect();
                    if found.len() <= PHRASE_SENTENCES {
                        hit.extend(found);
                    }
                }
                _ => {
                    for (i, s) in sentence_words.iter().enumerate() {
                        if passage_matches(s, &pw) {
                            hit.insert(i);
                        }
                    }
                }
            }
        }
        let rw = words(&reply.text);
        for run in rw.windows(ECHO_WORDS) {
            if let Some(found) = echoes.get(run) {
                hit.extend(found.iter().copied());
            }
        }
        let asked = asks(&reply.text);
        for &i in &hit {
            links[i].push(r);
            if asked {
                questions[i].push(reply.id);
            }
            match reply.side {
                Some(v) if v > 0.0 => sides[i].0 += 1,
                Some(v) if v < 0.0 => sides[i].1 += 1,
                _ => {}
            }
        }
    }
    let max = links.iter().map(Vec::len).max().unwrap_or(0);
    let sentences: Vec<SentenceHeat> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let n = links[i].len();
            let level = if n == 0 || max == 0 {
                0
            } else {
                ((4 * n).div_ceil(max)).clamp(1, 4) as u8
            };
            SentenceHeat {
                text: t.to_string(),
                replies: links[i].iter().map(|&r| replies[r].id).collect(),
                level,
                agree: sides[i].0,
                disagree: sides[i].1,
                questions: questions[i].clone(),
            }
        })
        .collect();
    // Ties go to the earlier sentence.
    let most_discussed = (0..sentences.len())
        .filter(|&i| !sentences[i].replies.is_empty())
        .max_by_key(|&i| (sentences[i].replies.len(), std::cmp::Reverse(i)));
    let most_contested = (0..sentences.len())
        .filter(|&i| sentences[i].agree > 0 && sentences[i].disagree > 0)
        .max_by_key(|&i| {
            let s = &sentences[i];
            (
                s.agree.min(s.disagree),
                s.agree + s.disagree,
                std::cmp::Reverse(i),
            )
        });
    ReadingMap {
        sentences,
        paragraphs,
        most_discussed,
        most_contested,
        direct_replies: direct,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXCERPT: &str = "Courts that act predictably build trust over many years. \
        Parties rarely reward judicial independence at the ballot box.\n\n\
        Small coalitions extract concessions from their larger partners. \
        The cost of those concessions falls due at the next election.";

    fn reply(id: i64, text: &str, side: Option<f64>) -> MapReply {
        MapReply {
            id,
            text: text.into(),
            side,
            to_excerpt: false,
        }
    }

    #[test]
    fn quotes_echoes_and_questions_land_on_their_sentence() {
        let replies = vec![
            reply(
                1,
                "> Small coalitions extract concessions from their larger partners.\nOnly when the partner needs them.",
                Some(1.0),
            ),
            reply(
                2,
                "I doubt small coalitions extract concessions from anyone.",
                Some(-1.0),
            ),
            reply(
                3,
                "What does “judicial independence” mean here, exactly?",
                None,
            ),
            reply(4, "Lovely weather today.", None),
            // A slip inside a quotation still counts (strsim).
            reply(
                5,
                "“the cost of thoes concessions falls due at the next electoin” is the key line",
                Some(1.0),
            ),
        ];
        let map = reading_map(EXCERPT, &replies);
        assert_eq!(map.sentences.len(), 4);
        assert_eq!(map.paragraphs, vec![vec![0, 1], vec![2, 3]]);
        assert_eq!(map.sentences[2].replies, vec![1, 2]);
        assert_eq!(map.sentences[1].replies, vec![3]);
        assert_eq!(map.sentences[1].questions, vec![3]);
        assert_eq!(map.sentences[3].replies, vec![5]);
        assert!(map.sentences[0].replies.is_empty());
        assert_eq!(map.sentences[0].level, 0);
        assert_eq!(map.sentences[2].level, 4);
        assert_eq!(map.sentences[1].level, 2);
        assert_eq!(map.most_discussed, Some(2));
        assert_eq!(map.most_contested, Some(2));
        assert_eq!(
            map.most_discussed_sentence(),
            Some((
                "Small coalitions extract concessions from their larger partners.",
                2
            ))
        );
    }

    #[test]
    fn a_common_phrase_or_no_reply_marks_nothing() {
        let map = reading_map(EXCERPT, &[reply(1, "I like “the”, and “of”.", None)]);
        assert!(map.sentences.iter().all(|s| s.replies.is_empty()));
        assert_eq!(map.most_discussed, None);
        assert_eq!(map.most_contested, None);
        let empty = reading_map("", &[]);
        assert!(empty.sentences.is_empty());
    }
}
