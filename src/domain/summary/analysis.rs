//! What each reply is: a member's analysis, a question, chatter, logistics or the
//! facilitator's housekeeping, read sentence by sentence; and the marker words that
//! show a reply agreeing, disagreeing or giving reasons.

use super::vectors::content_words;
use crate::domain::sentences::sentence_spans;

/// What a reply does in the discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Written by the session's facilitator: prompts and housekeeping, never quoted.
    Facilitation,
    /// Votes, times, pages, greetings and goodbyes.
    Logistics,
    /// Short social replies ("ha, same", "+1").
    Chatter,
    /// A member's contribution to the discussion (a statement or a question).
    Analysis,
}

/// One sentence of a reply: byte offsets into the reply's text.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub question: bool,
    /// Logistics or chatter: never part of a quote.
    pub aside: bool,
    pub content: usize,
}

/// A reply as read by the summarizer.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub role: Role,
    pub sentences: Vec<Sentence>,
    /// Every substantive sentence is a question.
    pub question: bool,
}

impl Reading {
    pub fn quotable(&self) -> bool {
        self.role == Role::Analysis
    }
}

/// Phrases that make a sentence logistics when it has little else in it.
const LOGISTICS: &[&str] = &[
    "please vote",
    "vote in the",
    "vote again",
    "voted",
    "poll closes",
    "poll is open",
    "poll opens",
    "poll stays open",
    "pre poll",
    "post poll",
    "see you",
    "see everyone",
    "thanks all",
    "thank you all",
    "thanks everyone",
    "thanks, everyone",
    "thanks, this was",
    "thanks, great",
    "great session",
    "great discussion",
    "good morning",
    "morning everyone",
    "morning all",
    "morning!",
    "welcome back",
    "welcome, everyone",
    "welcome everyone",
    "hi all",
    "hello all",
    "hey all",
    "hi everyone",
    "hello everyone",
    "sorry i'm late",
    "sorry i am late",
    "sorry, i'm late",
    "running late",
    "catching up",
    "got to run",
    "have to run",
    "gotta go",
    "have to go",
    "brb",
    "be right back",
    "which page",
    "what page",
    "page number",
    "the link",
    "minutes left",
    "time left",
    "out of time",
    "wrap up",
    "before we start",
    "let's start",
    "let's begin",
    "next week",
    "next session",
    "reminder",
    "keep going",
    "before the break",
    "after the break",
    "can you hear",
    "you're muted",
    "on mute",
];

/// Words that open a chatty reply.
const CHATTER_OPENERS: &[&str] = &[
    "lol", "haha", "hah", "ha", "lmao", "rofl", "+1", "same", "ok", "okay", "yay", "nice", "wow",
    "back", "thanks", "thank", "cheers", "hi", "hello", "hey", "morning", "page",
];

/// Content words (stop words aside) in a sentence.
fn content(text: &str) -> usize {
    content_words(text).count()
}

fn is_logistics(lower: &str, content: usize) -> bool {
    content <= 8 && LOGISTICS.iter().any(|p| lower.contains(p))
        || (content <= 3 && lower.trim_start().starts_with("page "))
}

fn is_chatter(lower: &str, content: usize) -> bool {
    let first = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '!' || c == '.')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    content < 3 || (content <= 6 && CHATTER_OPENERS.contains(&first))
}

/// Read a reply: its sentences and its role.
pub(super) fn read(text: &str, facilitator: bool) -> Reading {
    let mut sentences: Vec<Sentence> = sentence_spans(text)
        .into_iter()
        .map(|(start, end)| {
            let s = &text[start..end];
            let lower = s.to_lowercase();
            let content = content(s);
            let question = s
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .trim_end()
                .ends_with('?');
            Sentence {
                start,
                end,
                question,
                // A short sentence of explicit disagreement ("I'm not sure.") is no
                // aside: it carries the reply's stance, and a quote may need it.
                aside: is_logistics(&lower, content)
                    || (is_chatter(&lower, content)
                        && !question
                        && !DISAGREE.iter().any(|m| lower.replace('’', "'").contains(m))),
                content,
            }
        })
        .collect();
    // A reply that is one short sentence of chatter stays chatter even if it asks.
    if sentences.len() == 1 && sentences[0].content < 3 {
        sentences[0].aside = true;
    }
    let substantive: Vec<&Sentence> = sentences.iter().filter(|s| !s.aside).collect();
    let words: usize = substantive.iter().map(|s| s.content).sum();
    let asks = substantive.iter().any(|s| s.question && s.content >= 3);
    let question = !substantive.is_empty() && substantive.iter().all(|s| s.question);
    let role = if facilitator {
        Role::Facilitation
    } else if words >= 4 || asks {
        Role::Analysis
    } else if sentences.iter().any(|s| {
        let lower = text[s.start..s.end].to_lowercase();
        is_logistics(&lower, s.content)
    }) {
        Role::Logistics
    } else {
        Role::Chatter
    };
    Reading {
        role,
        sentences,
        question,
    }
}

/// Words that say a reply disagrees with what it answers, whatever else it says.
const DISAGREE: &[&str] = &[
    "i disagree",
    "disagree that",
    "disagree with",
    "not convinced",
    "unconvinced",
    "i don't think",
    "i do not think",
    "i don't buy",
    "i doubt",
    "on the contrary",
    "that's wrong",
    "that is wrong",
    "is wrong",
    "that's not right",
    "that is not right",
    "i'm not sure",
    "i am not sure",
    "not so sure",
    "doesn't follow",
    "does not follow",
    "push back",
    "overstates",
    "misses the point",
    "that ignores",
    "the problem with",
    "not true",
    "isn't true",
    "i'd question",
    "i would question",
];

/// Words that open a reply agreeing with what it answers.
const AGREE_OPENERS: &[&str] = &[
    "agreed",
    "i agree",
    "agree",
    "exactly",
    "yes",
    "yep",
    "right,",
    "right.",
    "true,",
    "true.",
    "good point",
    "that's a good point",
    "that is a good point",
    "fair point",
    "fair,",
    "fair.",
    "building on",
    "to build on",
    "+1",
    "same here",
    "that's the part",
    "that's a nice",
    "nice example",
    "well put",
    "that's right",
    "indeed",
    "absolutely",
    "so true",
];

/// `text` opens with `word` as a whole word ("yes," but not "yesterday").
fn starts_with_word(text: &str, word: &str) -> bool {
    text.starts_with(word)
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Words of concession that turn against what was said ("…, but …").
const TURNS: &[&str] = &[" but ", "but ", " though", "however", " yet "];

/// How a reply stands to the reply it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stance {
    Disagrees,
    Agrees,
    Neutral,
}

/// Read the stance of `text` toward what it answers. `named` marks a reply that names or
/// quotes its target instead of answering it in the thread: there only explicit words of
/// disagreement count (a "but" says too little without the thread).
pub(super) fn stance(text: &str, named: bool) -> Stance {
    let lower = text.to_lowercase().replace('’', "'");
    if DISAGREE.iter().any(|m| lower.contains(m)) {
        return Stance::Disagrees;
    }
    let opening = lower.trim_start();
    if AGREE_OPENERS.iter().any(|m| starts_with_word(opening, m)) {
        return Stance::Agrees;
    }
    if opening.starts_with("no,") || opening.starts_with("no.") {
        return Stance::Disagrees;
    }
    if !named {
        // A turn in the first sentence or two ("X helps, but it only moves the problem").
        let head: String = opening.chars().take(160).collect();
        if TURNS.iter().any(|m| head.contains(m)) {
            return Stance::Disagrees;
        }
    }
    Stance::Neutral
}

/// Words that give reasons or evidence.
const REASONS: &[&str] = &[
    "because",
    "therefore",
    "which means",
    "that is why",
    "that's why",
    "which is why",
    "for example",
    "for instance",
    "e.g.",
    "evidence",
    "shows",
    "unless",
    "so that",
    "since ",
    "if ",
    "rather than",
    "instead of",
    "depends on",
];

/// How many kinds of reasoning words a text uses (at most three count).
pub(super) fn reasoning(text: &str) -> usize {
    let lower = text.to_lowercase();
    REASONS.iter().filter(|m| lower.contains(*m)).count().min(3)
}

/// Common English function words: a discussion that uses few is not in English.
const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "a", "in", "is", "that", "it", "for", "not", "on", "with", "as",
    "this", "but", "be", "are", "was", "i", "you", "we", "they", "what", "how", "why", "if", "or",
    "so", "have", "has", "do", "does", "can", "would", "there", "their", "an", "at", "by", "from",
    "about", "than", "which", "who", "its", "it's", "don't", "isn't", "my", "our",
];

/// The share of English function words among a text's words (None: too few words to tell).
pub(super) fn english_share<'a>(texts: impl Iterator<Item = &'a str>) -> Option<f64> {
    let (mut total, mut hits) = (0usize, 0usize);
    for t in texts {
        for w in t.split_whitespace() {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase();
            if w.is_empty() {
                continue;
            }
            total += 1;
            if FUNCTION_WORDS.contains(&w.as_str()) {
                hits += 1;
            }
        }
    }
    (total >= 30).then(|| hits as f64 / total as f64)
}

/// Below this share of function words a discussion is taken not to be in English.
pub(super) const ENGLISH_AT_LEAST: f64 = 0.15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(
            read("Please vote in the pre poll before we start.", false).role,
            Role::Logistics
        );
        assert_eq!(read("Ha, same.", false).role, Role::Chatter);
        assert_eq!(read("+1 to that", false).role, Role::Chatter);
        assert_eq!(
            read(
                "lol, free-for-all is exactly how my office fridge works",
                false
            )
            .role,
            Role::Chatter
        );
        assert_eq!(
            read("Got to run, see you Thursday.", false).role,
            Role::Logistics
        );
        assert_eq!(
            read("Sorry, which page is the pension example on?", false).role,
            Role::Logistics
        );
        let q = read(
            "What counts as a graduated sanction in the irrigation case?",
            false,
        );
        assert_eq!((q.role, q.question), (Role::Analysis, true));
        let a = read(
            "Thanks all. Local monitoring works because neighbours see each other daily.",
            false,
        );
        assert_eq!((a.role, a.question), (Role::Analysis, false));
        assert!(a.sentences[0].aside && !a.sentences[1].aside);
        assert_eq!(
            read("Local monitoring works because neighbours see it.", true).role,
            Role::Facilitation
        );
    }

    #[test]
    fn stances() {
        assert_eq!(
            stance("I disagree that monitoring scales.", false),
            Stance::Disagrees
        );
        assert_eq!(
            stance("Agreed, and the state helps, but only at the edges.", false),
            Stance::Agrees
        );
        assert_eq!(
            stance(
                "That's a good point, though satellites need someone.",
                false
            ),
            Stance::Agrees
        );
        assert_eq!(
            stance("Nested units help, but they move the problem up.", false),
            Stance::Disagrees
        );
        assert_eq!(
            stance("Nested units help, but they move the problem up.", true),
            Stance::Neutral
        );
        assert_eq!(
            stance(
                "Kofi says it is a contract, and I think that is wrong.",
                true
            ),
            Stance::Disagrees
        );
        assert_eq!(
            stance("In most cases nobody is paid.", false),
            Stance::Neutral
        );
    }

    #[test]
    fn english_or_not() {
        let en = "The excerpt argues that local monitoring is what keeps the rules mild, and I think that is right for small villages.";
        let es = "El texto sostiene que la vigilancia local mantiene las reglas suaves, y creo que eso es correcto para pueblos pequeños y aldeas.";
        assert!(english_share([en, en].into_iter()).unwrap() > ENGLISH_AT_LEAST);
        assert!(english_share([es, es].into_iter()).unwrap() < ENGLISH_AT_LEAST);
        assert_eq!(english_share(["too short"].into_iter()), None);
    }
}
