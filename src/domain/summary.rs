//! Extractive session summaries: participation, themes, what was said, disagreements and
//! open questions, computed from the replies alone.
//!
//! Each reply is first read for what it does ([`analysis`]): the facilitator's prompts,
//! logistics and chatter are never quoted. The members' analysis is scored for substance
//! (its content words, weighted up when other replies share them, its reasons, the
//! replies it drew, its distinctness from what was said before — never its length).
//! Themes are noun phrases several members use; disagreements are replies that answer
//! another's with words of disagreement; the slate of "what was said" gives each
//! sizeable theme and each side of the poll a voice. Every quote is a run of whole
//! sentences, checked to be the member's exact words, and no reply is quoted twice.
//! Every reply is read in its language ([`langs`]): its sentences, stop words, stems,
//! noun phrases and marker words, so a Chinese or Russian discussion gets its themes as an
//! English one does. A discussion in a language colloquy has no rules for falls back to
//! the most central replies, with a notice in the group's language.

mod analysis;
mod disputes;
mod langs;
mod participation;
mod phrases;
mod questions;
mod quotes;
mod slate;
mod themes;
mod vectors;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::language::Lang;
use crate::i18n::Locale;
use crate::t;

pub use participation::{MemberShare, Participation, describe_evenness, gini, spread_word};
pub use quotes::is_exact;

use analysis::{Reading, Sentence};

/// One reply as the summarizer sees it.
#[derive(Debug, Clone)]
pub struct ReplyIn {
    pub id: i64,
    /// Stable key of the author (never shown).
    pub author_key: String,
    /// How the author is named in quotes (`None`: quote anonymously).
    pub author_name: Option<String>,
    pub text: String,
    /// Milliseconds since the epoch.
    pub at: i64,
    /// The reply this one answers, if it is a reply to another recorded reply.
    pub reply_to: Option<i64>,
}

/// What the summarizer knows about the session besides its replies.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Author keys of the session's facilitators: their replies steer the discussion and
    /// are never quoted as members' analysis.
    pub facilitators: HashSet<String>,
    /// How authors are called in the chat, by author key, including those who opted out
    /// of quotes (to recognize a reply that answers them by name; never shown).
    pub names: HashMap<String, String>,
    /// The reading's language: the discussion's when too few replies tell their own.
    pub lang: Lang,
    /// The group's language, for the words the summary writes itself (notices, "an
    /// earlier point").
    pub locale: Locale,
}

/// A member's position on a poll's axis (positive: agree / yes): the sides of the poll.
#[derive(Debug, Clone)]
pub struct PositionIn {
    pub claim: String,
    pub positions: HashMap<String, f64>,
}

/// A quoted reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub reply_id: i64,
    /// The author's display name, or "a member" for those who opted out of attribution.
    pub author: String,
    /// The member's exact words: whole sentences of the reply.
    pub text: String,
    /// Where the message can be opened on its platform (a jump link or permalink).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A theme: a phrase several members used, and the replies behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// The noun phrase, as members wrote it.
    pub label: String,
    pub replies: usize,
    /// The theme's most substantive reply.
    pub example: Option<Quote>,
}

/// Two sides of a disagreement, one reply each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// The theme, claim or point they disagree about.
    pub about: String,
    pub one_side: Quote,
    pub other_side: Quote,
}

/// What kind of summary this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A discussion, summarized in full.
    #[default]
    Discussion,
    /// Nobody replied.
    Empty,
    /// Only greetings, logistics and chatter.
    ChatterOnly,
    /// In a language colloquy has no rules for: the most central replies only.
    OtherLanguage,
}

/// The extractive summary of a set of replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Summary {
    #[serde(default)]
    pub kind: Kind,
    pub participation: Participation,
    pub themes: Vec<Theme>,
    /// "What was said": the proportional slate.
    pub representative: Vec<Quote>,
    pub disagreements: Vec<Disagreement>,
    /// Each quotes the question sentence alone.
    pub open_questions: Vec<Quote>,
    /// A note for readers when the summary is partial (chatter only, another language).
    #[serde(default)]
    pub notice: Option<String>,
}

impl Summary {
    /// Every quote in the summary, in the order shown.
    pub fn quotes(&self) -> Vec<&Quote> {
        let mut all: Vec<&Quote> = self
            .themes
            .iter()
            .filter_map(|t| t.example.as_ref())
            .collect();
        all.extend(&self.representative);
        for d in &self.disagreements {
            all.push(&d.one_side);
            all.push(&d.other_side);
        }
        all.extend(&self.open_questions);
        all
    }

    pub fn quotes_mut(&mut self) -> Vec<&mut Quote> {
        let mut all: Vec<&mut Quote> = self
            .themes
            .iter_mut()
            .filter_map(|t| t.example.as_mut())
            .collect();
        all.extend(self.representative.iter_mut());
        for d in &mut self.disagreements {
            all.push(&mut d.one_side);
            all.push(&mut d.other_side);
        }
        all.extend(self.open_questions.iter_mut());
        all
    }
}

/// How much to say.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most replies on the "what was said" slate.
    pub representatives: usize,
    pub themes: usize,
    pub open_questions: usize,
    pub disagreements: usize,
    /// The longest quote (a run of whole sentences).
    pub quote_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            representatives: 4,
            themes: 4,
            open_questions: 3,
            disagreements: 3,
            quote_chars: 300,
        }
    }
}

/// A quote that is not what the member wrote.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum QuoteError {
    #[error("quote {text:?} is not in reply {reply_id}")]
    NotExact { reply_id: i64, text: String },
    #[error("reply {0} is quoted more than once")]
    Repeated(i64),
    #[error("quote {0:?} names no reply of this session")]
    Unknown(i64),
}

/// Check a summary's quotes against the replies: each the exact words of its reply, no
/// reply twice.
pub fn check_quotes(summary: &Summary, replies: &[ReplyIn]) -> Result<(), QuoteError> {
    let by_id: HashMap<i64, &ReplyIn> = replies.iter().map(|r| (r.id, r)).collect();
    let mut seen = HashSet::new();
    for q in summary.quotes() {
        let reply = by_id
            .get(&q.reply_id)
            .ok_or(QuoteError::Unknown(q.reply_id))?;
        if !is_exact(&q.text, &reply.text) {
            return Err(QuoteError::NotExact {
                reply_id: q.reply_id,
                text: q.text.clone(),
            });
        }
        if !seen.insert(q.reply_id) {
            return Err(QuoteError::Repeated(q.reply_id));
        }
    }
    Ok(())
}

/// A reply with what the summarizer made of it.
struct Item<'a> {
    reply: &'a ReplyIn,
    /// The language it is read in.
    lang: Lang,
    reading: Reading,
    facilitator: bool,
    /// Substance (0 for replies that are not analysis).
    score: f64,
    /// Its row in `Session::rows` (analysis replies only).
    row: Option<usize>,
}

/// The replies of a session, read and scored.
struct Session<'a> {
    items: Vec<Item<'a>>,
    by_id: HashMap<i64, usize>,
    rows: Vec<Vec<(u32, f32)>>,
    /// (author key, name as written in the chat), sorted by key.
    names: Vec<(String, String)>,
    /// The sides of the poll, by author key.
    positions: Option<&'a PositionIn>,
    /// The group's language, for "a member" (the author of a quote who turned quotes off).
    locale: Locale,
}

impl Session<'_> {
    /// The author's row in `names` (sorted by key).
    fn name_index(&self, key: &str) -> Option<usize> {
        self.names
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
    }

    /// Cosine similarity of two analysis replies (0 for others).
    fn similarity(&self, a: usize, b: usize) -> f32 {
        match (self.items[a].row, self.items[b].row) {
            (Some(x), Some(y)) => vectors::dot(&self.rows[x], &self.rows[y]),
            _ => 0.0,
        }
    }

    fn position(&self, i: usize) -> Option<f64> {
        self.positions?
            .positions
            .get(&self.items[i].reply.author_key)
            .copied()
    }

    /// The two replies' authors voted on opposite sides.
    fn opposed(&self, a: usize, b: usize) -> bool {
        matches!((self.position(a), self.position(b)), (Some(x), Some(y)) if x * y < 0.0)
    }

    fn author(&self, i: usize) -> String {
        self.items[i]
            .reply
            .author_name
            .clone()
            .unwrap_or_else(|| t!(self.locale, "a-member"))
    }

    /// The substantive text of a reply (its asides left out), for vectors and phrases.
    fn substance_text(&self, i: usize) -> String {
        let item = &self.items[i];
        item.reading
            .sentences
            .iter()
            .filter(|s| !s.aside)
            .map(|s| &item.reply.text[s.start..s.end])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Summarize replies (in posting order) with the poll's sides, knowing nothing else.
pub fn summarize(replies: &[ReplyIn], positions: &[PositionIn], limits: Limits) -> Summary {
    summarize_in(replies, &Context::default(), positions, limits)
}

/// Summarize replies (in posting order). `positions`: the sides of the session's poll
/// (the post poll of a pre/post pair), the first one used.
pub fn summarize_in(
    replies: &[ReplyIn],
    context: &Context,
    positions: &[PositionIn],
    limits: Limits,
) -> Summary {
    if replies.is_empty() {
        return Summary {
            kind: Kind::Empty,
            ..Summary::default()
        };
    }
    let facilitator: Vec<bool> = replies
        .iter()
        .map(|r| context.facilitators.contains(&r.author_key))
        .collect();
    let participation = participation::participation(replies, &facilitator);
    let mut named: HashMap<&str, &str> = context
        .names
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for r in replies {
        if let Some(name) = &r.author_name {
            named.entry(r.author_key.as_str()).or_insert(name.as_str());
        }
    }
    let mut names: Vec<(String, String)> = named
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    names.sort();
    let texts: Vec<&str> = replies.iter().map(|r| r.text.as_str()).collect();
    let members: Vec<bool> = facilitator.iter().map(|f| !f).collect();
    let langs = langs::of_replies(&texts, &members, context.lang);
    let items: Vec<Item> = replies
        .iter()
        .zip(&facilitator)
        .zip(&langs.replies)
        .map(|((r, f), lang)| Item {
            reply: r,
            lang: *lang,
            reading: analysis::read(&r.text, *f, *lang),
            facilitator: *f,
            score: 0.0,
            row: None,
        })
        .collect();
    let mut s = Session {
        by_id: replies.iter().enumerate().map(|(i, r)| (r.id, i)).collect(),
        items,
        rows: Vec::new(),
        names,
        positions: positions.first(),
        locale: context.locale,
    };
    let mut summary = Summary {
        participation,
        ..Summary::default()
    };
    let loc = context.locale;
    if let Some(other) = langs.other {
        // The language's English name for an English group, else its own name.
        let name = if loc == Locale::En {
            other.eng_name()
        } else {
            other.name()
        };
        summary.notice = Some(t!(loc, "summary-notice-other-language", language = name));
        return generic(s, summary, limits);
    }
    let analysed: Vec<usize> = (0..s.items.len())
        .filter(|i| s.items[*i].reading.quotable())
        .collect();
    if analysed.is_empty() {
        summary.kind = Kind::ChatterOnly;
        summary.notice = Some(t!(loc, "summary-notice-chatter-only"));
        return summary;
    }
    score(&mut s, &analysed);

    // Allocation order: disagreements (their sides are fixed by the exchange), open
    // questions, theme examples, then the slate; no reply is quoted twice.
    let mut used: HashSet<usize> = HashSet::new();
    let theme_texts: Vec<String> = analysed.iter().map(|i| s.substance_text(*i)).collect();
    let texts: Vec<(&str, usize, Lang)> = analysed
        .iter()
        .zip(&theme_texts)
        .map(|(i, t)| {
            let author = s
                .name_index(&s.items[*i].reply.author_key)
                .unwrap_or(usize::MAX - *i);
            (t.as_str(), author, s.items[*i].lang)
        })
        .collect();
    let lower_names: HashSet<String> = s
        .names
        .iter()
        .flat_map(|(_, n)| {
            n.split_whitespace()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let found = themes::find(&texts, &lower_names, limits.themes);
    let theme_of = |i: usize| -> Vec<usize> {
        match analysed.binary_search(&i) {
            Ok(k) => found
                .iter()
                .enumerate()
                .filter(|(_, t)| t.members.binary_search(&k).is_ok())
                .map(|(n, _)| n)
                .collect(),
            Err(_) => Vec::new(),
        }
    };

    for d in disputes::find(&s, limits.disagreements) {
        if used.contains(&d.target) || used.contains(&d.answer) {
            continue;
        }
        let shared = theme_of(d.target)
            .into_iter()
            .find(|t| theme_of(d.answer).contains(t));
        // What they disagree about: the theme both replies are in, else the theme of the
        // point disputed, else the poll's claim when they voted on opposite sides.
        let disputed = shared.or_else(|| theme_of(d.target).into_iter().next());
        let about = match (disputed, s.positions) {
            (Some(t), _) => found[t].label.clone(),
            (None, Some(p)) if d.opposed => p.claim.clone(),
            _ => match &s.items[d.target].reply.author_name {
                Some(name) => t!(loc, "summary-about-members-point", name = name.as_str()),
                None => t!(loc, "summary-about-an-earlier-point"),
            },
        };
        let (Some(one), Some(other)) = (
            quote_of(&s, d.target, limits.quote_chars, None),
            quote_of(&s, d.answer, limits.quote_chars, d.marker),
        ) else {
            continue;
        };
        used.insert(d.target);
        used.insert(d.answer);
        summary.disagreements.push(Disagreement {
            about,
            one_side: one,
            other_side: other,
        });
    }

    for (i, k) in questions::open(&s, limits.open_questions + used.len()) {
        if used.contains(&i) || summary.open_questions.len() >= limits.open_questions {
            continue;
        }
        let item = &s.items[i];
        let sentence = &item.reading.sentences[k];
        used.insert(i);
        summary.open_questions.push(Quote {
            reply_id: item.reply.id,
            author: s.author(i),
            text: quotes::quote_text(&item.reply.text, sentence.start, sentence.end),
            link: None,
        });
    }

    let statement = |i: usize| !s.items[i].reading.question;
    for (n, theme) in found.iter().enumerate() {
        let best = theme
            .members
            .iter()
            .map(|k| analysed[*k])
            .filter(|i| !used.contains(i) && statement(*i))
            .max_by(|a, b| {
                s.items[*a]
                    .score
                    .total_cmp(&s.items[*b].score)
                    .then(b.cmp(a))
            });
        let example = best.and_then(|i| {
            let key = theme.key.clone();
            let text = s.items[i].reply.text.clone();
            let lang = s.items[i].lang;
            let weight = move |sent: &Sentence| {
                let base = sent.content as f64 * if sent.question { 0.3 } else { 1.0 };
                if themes::uses(&text[sent.start..sent.end], &key, lang) {
                    base * 1.5 + 2.0
                } else {
                    base
                }
            };
            let q = quote_with(&s, i, limits.quote_chars, None, &weight)?;
            used.insert(i);
            Some(q)
        });
        let _ = n;
        summary.themes.push(Theme {
            label: theme.label.clone(),
            replies: theme.members.len(),
            example,
        });
    }

    // The slate: each sizeable theme and each side of the poll heard once.
    let sizeable = 3.max((analysed.len() as f64 * 0.1).ceil() as usize);
    let theme_groups: Vec<usize> = found
        .iter()
        .enumerate()
        .filter(|(_, t)| t.members.len() >= sizeable)
        .map(|(n, _)| n)
        .collect();
    let side_group = |i: usize| -> Option<usize> {
        let p = s.position(i)?;
        if p > 0.0 {
            Some(theme_groups.len())
        } else if p < 0.0 {
            Some(theme_groups.len() + 1)
        } else {
            None
        }
    };
    let candidates: Vec<slate::Candidate> = analysed
        .iter()
        .copied()
        .filter(|i| !used.contains(i) && statement(*i))
        .map(|i| {
            let mut groups: Vec<usize> = theme_of(i)
                .into_iter()
                .filter_map(|t| theme_groups.iter().position(|g| *g == t))
                .collect();
            groups.extend(side_group(i));
            slate::Candidate {
                index: i,
                author: s.items[i].reply.author_key.clone(),
                score: s.items[i].score,
                groups,
            }
        })
        .collect();
    let groups = theme_groups.len() + if s.positions.is_some() { 2 } else { 0 };
    for i in slate::pick(&candidates, groups, 2, limits.representatives) {
        if let Some(q) = quote_of(&s, i, limits.quote_chars, None) {
            used.insert(i);
            summary.representative.push(q);
        }
    }
    summary
        .representative
        .sort_by_key(|q| s.by_id.get(&q.reply_id).copied());
    summary
}

/// Score the analysis replies for substance.
fn score(s: &mut Session, analysed: &[usize]) {
    let texts: Vec<(String, Lang)> = analysed
        .iter()
        .map(|i| (s.substance_text(*i), s.items[*i].lang))
        .collect();
    let v = vectors::vectorize(&texts);
    let centrality = vectors::lexrank(&v.rows, v.df.len());
    let n = analysed.len() as f64;
    for (k, i) in analysed.iter().enumerate() {
        s.items[*i].row = Some(k);
    }
    s.rows = v.rows;
    // Replies drawn: distinct other members whose analysis answers it in the thread.
    let mut drawn: HashMap<usize, HashSet<&str>> = HashMap::new();
    for i in analysed {
        let item = &s.items[*i];
        if let Some(t) = item.reply.reply_to.and_then(|id| s.by_id.get(&id))
            && s.items[*t].reply.author_key != item.reply.author_key
        {
            drawn
                .entry(*t)
                .or_default()
                .insert(item.reply.author_key.as_str());
        }
    }
    let drawn: HashMap<usize, usize> = drawn.into_iter().map(|(k, v)| (k, v.len())).collect();
    /// Distinctness is measured against this many earlier replies.
    const LOOK_BACK: usize = 300;
    let mut scores = Vec::with_capacity(analysed.len());
    for (k, i) in analysed.iter().enumerate() {
        let row = &s.rows[k];
        // Content words the discussion shares count fully; words no other reply uses
        // (an aside about the weather, a long digression) count little, so length alone
        // does not make a reply substantive.
        let topical: f64 = row
            .iter()
            .map(|(t, _)| if v.df[*t as usize] >= 2 { 1.0 } else { 0.15 })
            .sum();
        let content = topical.sqrt();
        let reasons = 0.35 * analysis::reasoning(&texts[k].0, texts[k].1) as f64;
        let engagement = (1.0 + *drawn.get(i).unwrap_or(&0) as f64).ln();
        let central = 0.3 * (centrality[k] * n).min(3.0);
        let repeat = (k.saturating_sub(LOOK_BACK)..k)
            .map(|j| vectors::dot(row, &s.rows[j]))
            .fold(0.0f32, f32::max) as f64;
        let distinct = 0.6 + 0.4 * (1.0 - repeat).max(0.0);
        let asks = if s.items[*i].reading.question {
            0.4
        } else {
            1.0
        };
        scores.push((content + reasons + engagement + central) * distinct * asks);
    }
    for (k, i) in analysed.iter().enumerate() {
        s.items[*i].score = scores[k];
    }
}

/// A quote of reply `i`: its best run of whole sentences.
fn quote_of(s: &Session, i: usize, max_chars: usize, must: Option<usize>) -> Option<Quote> {
    let weight = |sent: &Sentence| sent.content as f64 * if sent.question { 0.3 } else { 1.0 };
    quote_with(s, i, max_chars, must, &weight)
}

fn quote_with(
    s: &Session,
    i: usize,
    max_chars: usize,
    must: Option<usize>,
    weight: &dyn Fn(&Sentence) -> f64,
) -> Option<Quote> {
    let item = &s.items[i];
    let text = quotes::best_run(&item.reply.text, &item.reading, max_chars, must, weight)?;
    Some(Quote {
        reply_id: item.reply.id,
        author: s.author(i),
        text,
        link: None,
    })
}

/// A discussion in a language colloquy has no rules for: the most central replies,
/// picked so that they do not repeat each other (the notice is set by the caller).
fn generic(mut s: Session, mut summary: Summary, limits: Limits) -> Summary {
    summary.kind = Kind::OtherLanguage;
    let chosen: Vec<usize> = (0..s.items.len())
        .filter(|i| {
            !s.items[*i].facilitator
                && crate::domain::text::word_count(&s.items[*i].reply.text) >= 5
        })
        .collect();
    if chosen.is_empty() {
        return summary;
    }
    let texts: Vec<(&str, Lang)> = chosen
        .iter()
        .map(|i| (s.items[*i].reply.text.as_str(), s.items[*i].lang))
        .collect();
    let v = vectors::vectorize(&texts);
    let central = vectors::lexrank(&v.rows, v.df.len());
    let mut order: Vec<usize> = (0..chosen.len()).collect();
    order.sort_by(|a, b| central[*b].total_cmp(&central[*a]).then(a.cmp(b)));
    order.truncate(200);
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < limits.representatives && picked.len() < order.len() {
        let best = order
            .iter()
            .filter(|k| !picked.contains(k))
            .map(|&k| {
                let redundancy = picked
                    .iter()
                    .map(|&j| vectors::dot(&v.rows[k], &v.rows[j]))
                    .fold(0.0f32, f32::max) as f64;
                (k, central[k] / central[order[0]].max(1e-12) - redundancy)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((k, _)) => picked.push(k),
            None => break,
        }
    }
    picked.sort_unstable();
    for k in picked {
        let i = chosen[k];
        // Sentences of another language: every one is substance.
        for sent in &mut s.items[i].reading.sentences {
            sent.aside = false;
        }
        if let Some(q) = quote_of(&s, i, limits.quote_chars, None) {
            summary.representative.push(q);
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(id: i64, who: &str, text: &str) -> ReplyIn {
        ReplyIn {
            id,
            author_key: who.to_string(),
            author_name: Some(who.to_string()),
            text: text.to_string(),
            at: id * 1000,
            reply_to: None,
        }
    }

    fn to(mut reply: ReplyIn, target: i64) -> ReplyIn {
        reply.reply_to = Some(target);
        reply
    }

    #[test]
    fn nobody_replied() {
        let s = summarize(&[], &[], Limits::default());
        assert_eq!(s.kind, Kind::Empty);
    }

    #[test]
    fn chatter_alone_is_said_to_be_chatter() {
        let replies = vec![
            r(1, "ana", "Morning all!"),
            r(2, "ben", "hi"),
            r(3, "cy", "Sorry I'm late, train delays."),
            r(4, "ana", "lol same"),
            r(5, "ben", "See you Thursday."),
        ];
        let s = summarize(&replies, &[], Limits::default());
        assert_eq!(s.kind, Kind::ChatterOnly);
        assert!(s.notice.is_some());
        assert!(s.quotes().is_empty());
        assert_eq!(s.participation.replies, 5);
    }

    #[test]
    fn another_language_falls_back_with_a_notice() {
        let replies = vec![
            r(
                1,
                "ana",
                "El texto sostiene que la vigilancia local mantiene las reglas suaves en los pueblos pequeños.",
            ),
            r(
                2,
                "ben",
                "No estoy de acuerdo: en una pesquería grande nadie sabe quién pescó de más.",
            ),
            r(
                3,
                "cy",
                "Las sanciones graduales protegen a quienes escriben las reglas de la comunidad.",
            ),
            r(
                4,
                "dee",
                "¿Quién decide cuándo un recurso es demasiado grande para la vigilancia local?",
            ),
        ];
        let s = summarize(&replies, &[], Limits::default());
        assert_eq!(s.kind, Kind::OtherLanguage);
        assert!(
            s.notice
                .as_deref()
                .is_some_and(|n| n.contains("in Spanish")),
            "{s:?}"
        );
        assert!(s.themes.is_empty() && s.disagreements.is_empty());
        assert!(!s.representative.is_empty());
        check_quotes(&s, &replies).unwrap();
    }

    fn in_lang(lang: Lang) -> Context {
        Context {
            lang,
            ..Context::default()
        }
    }

    fn labels(s: &Summary) -> Vec<&str> {
        s.themes.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn chinese_replies_are_read_as_a_discussion_with_themes() {
        let replies = vec![
            r(
                1,
                "ana",
                "我觉得法院的可预期性比严厉更重要，因为公民需要知道规则如何适用。",
            ),
            r(
                2,
                "ben",
                "法院的可预期性确实降低了合作成本，商人更愿意签长期合同。",
            ),
            r(
                3,
                "chen",
                "不过法院的可预期性只是起点，信任还需要多年积累。",
            ),
            r(
                4,
                "dai",
                "小党在联合政府里得到让步，却在下一次选举中失去选民。",
            ),
            r(5, "ana", "小党失去选民的原因是选民看不到让步带来的好处。"),
            r(6, "ben", "为什么选民会惩罚小党而不是大党呢？"),
        ];
        let s = summarize_in(&replies, &in_lang(Lang::Zh), &[], Limits::default());
        assert_eq!(s.kind, Kind::Discussion, "{s:#?}");
        check_quotes(&s, &replies).unwrap();
        let labels = labels(&s);
        assert!(labels.iter().any(|l| l.contains("法院")), "{labels:?}");
        assert!(
            labels
                .iter()
                .any(|l| l.contains("选民") || l.contains("小党")),
            "{labels:?}"
        );
        assert_eq!(s.open_questions.len(), 1, "{s:#?}");
        assert_eq!(s.open_questions[0].reply_id, 6);
    }

    #[test]
    fn russian_inflections_make_one_theme() {
        let replies = vec![
            r(
                1,
                "ana",
                "Экономические санкции не меняют курс правительства, они лишь укрепляют элиты.",
            ),
            r(
                2,
                "ben",
                "Экономических санкций недостаточно, если нет дипломатического канала для переговоров.",
            ),
            r(
                3,
                "cy",
                "С экономическими санкциями всегда так: платят обычные граждане, а не министры.",
            ),
            r(
                4,
                "dee",
                "В экономических санкциях меня смущает, что их цели никто не формулирует заранее.",
            ),
            r(
                5,
                "eve",
                "Дипломатический канал важнее любых угроз, потому что он позволяет торговаться.",
            ),
        ];
        let s = summarize_in(&replies, &in_lang(Lang::Ru), &[], Limits::default());
        assert_eq!(s.kind, Kind::Discussion, "{s:#?}");
        check_quotes(&s, &replies).unwrap();
        let theme = s
            .themes
            .iter()
            .find(|t| t.label.contains("санкци"))
            .unwrap_or_else(|| panic!("no theme of sanctions: {s:#?}"));
        // Four cases of one phrase are one theme, labelled in the nominative.
        assert_eq!(theme.label, "экономические санкции");
        assert_eq!(theme.replies, 4);
    }

    #[test]
    fn german_and_french_stop_words_are_no_themes() {
        let german = vec![
            r(
                1,
                "ana",
                "Ich glaube, dass die Öffentlichkeit immer auch eine Sache der Medien und der Parteien ist, aber nicht nur der Zeitungen.",
            ),
            r(
                2,
                "ben",
                "Die Öffentlichkeit ist aber nicht nur ein Ort, sie ist auch ein Verfahren, das immer wieder neu entsteht.",
            ),
            r(
                3,
                "cy",
                "Ohne Öffentlichkeit wird Macht nicht kontrolliert, das war auch in Athen schon so und ist immer noch so.",
            ),
            r(
                4,
                "dee",
                "Mich überzeugt nicht, dass Kaffeehäuser immer offen waren; auch dort galt nicht jede Stimme.",
            ),
        ];
        let s = summarize_in(&german, &in_lang(Lang::De), &[], Limits::default());
        let found = labels(&s);
        assert!(found.contains(&"Öffentlichkeit"), "{found:?}");
        for label in &found {
            assert!(
                !crate::domain::lang_terms::is_stop_word_in(&label.to_lowercase(), Lang::De),
                "a stop word as a theme: {found:?}"
            );
        }
        let french = vec![
            r(
                1,
                "ana",
                "Je pense que la souveraineté est toujours aussi une affaire de droit, mais pas seulement.",
            ),
            r(
                2,
                "ben",
                "La souveraineté reste toujours aussi une question de pouvoir, cela se voit avec le veto.",
            ),
            r(
                3,
                "cy",
                "Cela dit, la souveraineté européenne est aussi une idée abstraite, toujours en construction.",
            ),
            r(
                4,
                "dee",
                "Le veto protégeait aussi les États, cela a toujours compté pour la France.",
            ),
        ];
        let s = summarize_in(&french, &in_lang(Lang::Fr), &[], Limits::default());
        let found = labels(&s);
        assert!(
            found.iter().any(|l| l.contains("souveraineté")),
            "{found:?}"
        );
        for label in &found {
            for word in label.split_whitespace() {
                assert!(
                    !crate::domain::lang_terms::is_stop_word_in(word, Lang::Fr),
                    "a stop word as a theme: {found:?}"
                );
            }
        }
    }

    #[test]
    fn a_reply_in_another_language_is_read_in_its_own() {
        // A Russian reading's discussion where two members answer in English: their
        // replies are read in English, so the phrase they share is a theme.
        let replies = vec![
            r(
                1,
                "ana",
                "Автор считает, что предсказуемые суды снижают цену сотрудничества между гражданами.",
            ),
            r(
                2,
                "ben",
                "Предсказуемые суды важны, но доверие к ним растёт медленно и зависит от опыта.",
            ),
            r(
                3,
                "cy",
                "Graduated sanctions explain why small communities forgive a first breach of the rules.",
            ),
            r(
                4,
                "dee",
                "I think graduated sanctions only work where neighbours watch each other every day.",
            ),
            r(
                5,
                "eve",
                "Без предсказуемых судов никакие правила не работают, это главный тезис текста.",
            ),
        ];
        let s = summarize_in(&replies, &in_lang(Lang::Ru), &[], Limits::default());
        assert_eq!(s.kind, Kind::Discussion, "{s:#?}");
        let found = labels(&s);
        assert!(found.contains(&"graduated sanctions"), "{found:?}");
        assert!(found.iter().any(|l| l.contains("суд")), "{found:?}");
    }

    #[test]
    fn notices_and_points_are_in_the_groups_language() {
        let replies = vec![r(1, "ana", "Всем привет!"), r(2, "ben", "Ага.")];
        let context = Context {
            lang: Lang::Ru,
            locale: Locale::Ru,
            ..Context::default()
        };
        let s = summarize_in(&replies, &context, &[], Limits::default());
        assert_eq!(s.kind, Kind::ChatterOnly);
        assert!(
            s.notice
                .as_deref()
                .is_some_and(|n| n.starts_with("Были только приветствия")),
            "{s:?}"
        );
    }

    #[test]
    fn facilitation_is_never_quoted_and_nothing_twice() {
        let mut context = Context::default();
        context.facilitators.insert("fac".into());
        let replies = vec![
            r(
                1,
                "fac",
                "Please vote in the poll before we start, it closes soon.",
            ),
            r(
                2,
                "ana",
                "Local monitoring keeps the pasture honest, because herders see each other every day and cheating shows.",
            ),
            to(
                r(
                    3,
                    "ben",
                    "I disagree: local monitoring fails in a big fishery, where nobody knows who took the extra catch.",
                ),
                2,
            ),
            r(
                4,
                "cy",
                "Graduated sanctions keep a neighbour who slipped once inside the rules, so people accept them.",
            ),
            r(
                5,
                "dee",
                "Graduated sanctions only work if offenders care about their reputation in the village.",
            ),
            r(
                6,
                "fac",
                "Great discussion on local monitoring and graduated sanctions, everyone.",
            ),
            r(
                7,
                "eve",
                "Who decides when a resource is too big for local monitoring?",
            ),
        ];
        let s = summarize_in(&replies, &context, &[], Limits::default());
        assert_eq!(s.kind, Kind::Discussion);
        check_quotes(&s, &replies).unwrap();
        assert!(s.quotes().iter().all(|q| q.author != "fac"), "{s:#?}");
        assert_eq!(s.participation.facilitator_replies, 2);
        assert_eq!(s.participation.members, 5);
        let d = &s.disagreements[0];
        assert_eq!((d.one_side.reply_id, d.other_side.reply_id), (2, 3));
        assert_eq!(d.about, "local monitoring");
        let labels: Vec<&str> = s.themes.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"graduated sanctions"), "{labels:?}");
        assert_eq!(s.open_questions.len(), 1);
        assert_eq!(
            s.open_questions[0].text,
            "Who decides when a resource is too big for local monitoring?"
        );
    }

    #[test]
    fn long_is_not_substantive() {
        let replies = vec![
            r(
                1,
                "ana",
                "Trade dependence builds trust between the two states over time.",
            ),
            to(
                r(
                    2,
                    "ben",
                    "Trust between the states grows with trade dependence, because each deal raises the cost of a break.",
                ),
                1,
            ),
            r(
                3,
                "cy",
                "Trade and trust reinforce each other between these states.",
            ),
            r(
                4,
                "dee",
                "My cat enjoys sunlight on the windowsill during long afternoons, sleeping peacefully while birds sing outside and neighbours mow lawns in the summer heat, and then she wakes up, stretches, wanders to her bowl and wanders back again.",
            ),
            r(
                5,
                "eve",
                "Energy deals show the same trust and trade pattern between states.",
            ),
        ];
        let s = summarize(&replies, &[], Limits::default());
        let best = s
            .themes
            .first()
            .and_then(|t| t.example.as_ref())
            .map(|q| q.reply_id);
        assert_ne!(best, Some(4), "{s:#?}");
        assert!(s.representative.iter().all(|q| q.reply_id != 4) || s.representative.len() > 2);
    }

    #[test]
    fn answered_and_rhetorical_questions_are_not_open() {
        let replies = vec![
            r(
                1,
                "ana",
                "What counts as a graduated sanction in the irrigation case?",
            ),
            to(
                r(
                    2,
                    "ben",
                    "A first breach gets a small fine, and only repeat offenders lose their water.",
                ),
                1,
            ),
            r(
                3,
                "cy",
                "Nested units help. Who watches the units? At the top you need a state.",
            ),
            to(
                r(
                    4,
                    "dee",
                    "Isn't that just the state again under another name?",
                ),
                3,
            ),
            r(
                5,
                "eve",
                "How would any of this work for the atmosphere, with no village to watch?",
            ),
        ];
        let s = summarize(&replies, &[], Limits::default());
        let open: Vec<i64> = s.open_questions.iter().map(|q| q.reply_id).collect();
        assert_eq!(open, vec![5], "{s:#?}");
    }

    #[test]
    fn poll_sides_stand_in_when_nobody_answered_anyone() {
        let replies = vec![
            r(
                1,
                "ana",
                "Structural forces explain why the partnership keeps its course over decades.",
            ),
            r(
                2,
                "ben",
                "Leaders and their personal trust matter far more than structural forces in this partnership.",
            ),
        ];
        let positions = vec![PositionIn {
            claim: "Structure explains continuity".into(),
            positions: [("ana".to_string(), 1.0), ("ben".to_string(), -1.0)]
                .into_iter()
                .collect(),
        }];
        let s = summarize(&replies, &positions, Limits::default());
        assert_eq!(s.disagreements.len(), 1, "{s:#?}");
        assert_eq!(s.disagreements[0].one_side.author, "ana");
        assert_eq!(s.disagreements[0].other_side.author, "ben");
    }

    #[test]
    fn agreeing_and_asking_are_not_disagreeing() {
        let replies = vec![
            r(
                1,
                "ana",
                "Outside enforcement is the piece the excerpt underplays, because courts back the village.",
            ),
            to(
                r(
                    2,
                    "ben",
                    "Exactly, but the state does not manage the commons, it stands behind the people who do.",
                ),
                1,
            ),
            to(
                r(
                    3,
                    "cy",
                    "But doesn't that depend on who pays the courts when the village is poor?",
                ),
                1,
            ),
        ];
        let s = summarize(&replies, &[], Limits::default());
        assert!(s.disagreements.is_empty(), "{s:#?}");
    }

    #[test]
    fn anonymous_authors_are_not_named() {
        let mut one = r(
            1,
            "key",
            "Alliances carry hidden costs and uneven benefits for their members.",
        );
        one.author_name = None;
        let s = summarize(&[one], &[], Limits::default());
        assert_eq!(s.representative[0].author, "a member");
    }

    #[test]
    fn a_changed_quote_fails_the_check() {
        let replies = vec![r(1, "ana", "Local monitoring keeps the pasture honest.")];
        let mut s = summarize(&replies, &[], Limits::default());
        check_quotes(&s, &replies).unwrap();
        s.representative[0].text = "Local monitoring keeps everything honest.".into();
        assert!(matches!(
            check_quotes(&s, &replies),
            Err(QuoteError::NotExact { .. })
        ));
    }
}
