//! What each reply is: a member's analysis, a question, chatter, logistics or the
//! facilitator's housekeeping, read sentence by sentence in the reply's language; and the
//! marker words (of that language, [`super::langs::markers`]) that show a reply agreeing,
//! disagreeing or giving reasons.

use super::langs::{Markers, markers};
use super::vectors::content_words;
use crate::domain::language::Lang;
use crate::domain::sentences::sentence_spans_in;

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

/// Content words (stop words aside) in a sentence. German writes a compound as one word
/// ("Hafengebühr" for "harbour fee"): a noun (capitalised) of ten letters or more counts
/// as the two words it would be in English, so a short German claim ("Die Hafengebühr
/// verzerrt den Wettbewerb.") weighs what the same claim in English does.
fn content(text: &str, lang: Lang) -> usize {
    if lang != Lang::De {
        return content_words(text, lang).count();
    }
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            let words = content_words(w, lang).count();
            let compound = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= GERMAN_COMPOUND;
            if words == 1 && compound { 2 } else { words }
        })
        .sum()
}

/// Letters from which a German noun is read as a compound of two words.
const GERMAN_COMPOUND: usize = 10;

fn is_logistics(lower: &str, content: usize, m: &Markers) -> bool {
    content <= 8 && m.logistics.iter().any(|p| lower.contains(p))
        || (content <= 3 && lower.trim_start().starts_with("page "))
}

fn is_chatter(lower: &str, content: usize, m: &Markers) -> bool {
    let opens = if m.unspaced {
        m.chatter_openers.iter().any(|o| lower.starts_with(o))
    } else {
        let first = lower
            .split(|c: char| c.is_whitespace() || c == ',' || c == '!' || c == '.')
            .find(|w| !w.is_empty())
            .unwrap_or("");
        m.chatter_openers.contains(&first)
    };
    content < 3 || (content <= 6 && opens)
}

/// Does the sentence end with a question mark (Chinese writes it full width)?
pub(super) fn asks(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '”', '’', '\'', ')', '」', '』', '）'])
        .trim_end()
        .ends_with(['?', '？'])
}

/// Read a reply written in `lang`: its sentences and its role.
pub(super) fn read(text: &str, facilitator: bool, lang: Lang) -> Reading {
    let m = markers(lang);
    let mut sentences: Vec<Sentence> = sentence_spans_in(text, lang)
        .into_iter()
        .map(|(start, end)| {
            let s = &text[start..end];
            let lower = s.to_lowercase();
            let content = content(s, lang);
            let question = asks(s);
            Sentence {
                start,
                end,
                question,
                // A short sentence of explicit disagreement ("I'm not sure.") is no
                // aside: it carries the reply's stance, and a quote may need it.
                aside: is_logistics(&lower, content, m)
                    || (is_chatter(&lower, content, m)
                        && !question
                        && !m
                            .disagree
                            .iter()
                            .any(|d| lower.replace('’', "'").contains(d))),
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
        is_logistics(&lower, s.content, m)
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

/// `text` opens with `word` as a whole word ("yes," but not "yesterday"); in a language
/// written without spaces, with its characters.
fn starts_with_word(text: &str, word: &str, unspaced: bool) -> bool {
    if unspaced {
        return text.starts_with(word);
    }
    text.starts_with(word)
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// How a reply stands to the reply it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stance {
    Disagrees,
    Agrees,
    Neutral,
}

/// Read the stance of `text`, written in `lang`, toward what it answers. `named` marks a
/// reply that names or quotes its target instead of answering it in the thread: there
/// only explicit words of disagreement count (a "but" says too little without the thread).
pub(super) fn stance(text: &str, named: bool, lang: Lang) -> Stance {
    let m = markers(lang);
    let lower = text.to_lowercase().replace('’', "'");
    if m.disagree.iter().any(|d| lower.contains(d)) {
        return Stance::Disagrees;
    }
    let opening = lower.trim_start();
    if m.agree_openers
        .iter()
        .any(|a| starts_with_word(opening, a, m.unspaced))
    {
        return Stance::Agrees;
    }
    if m.no_openers.iter().any(|n| opening.starts_with(n)) {
        return Stance::Disagrees;
    }
    if !named {
        // A turn in the first sentence or two ("X helps, but it only moves the problem").
        let head: String = opening.chars().take(160).collect();
        if m.turns.iter().any(|t| head.contains(t)) {
            return Stance::Disagrees;
        }
    }
    Stance::Neutral
}

/// How many kinds of reasoning words a text, written in `lang`, uses (at most three count).
pub(super) fn reasoning(text: &str, lang: Lang) -> usize {
    let lower = text.to_lowercase();
    markers(lang)
        .reasons
        .iter()
        .filter(|m| lower.contains(*m))
        .count()
        .min(3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(
            read(
                "Please vote in the pre poll before we start.",
                false,
                Lang::En
            )
            .role,
            Role::Logistics
        );
        assert_eq!(read("Ha, same.", false, Lang::En).role, Role::Chatter);
        assert_eq!(read("+1 to that", false, Lang::En).role, Role::Chatter);
        assert_eq!(
            read(
                "lol, free-for-all is exactly how my office fridge works",
                false,
                Lang::En
            )
            .role,
            Role::Chatter
        );
        assert_eq!(
            read("Got to run, see you Thursday.", false, Lang::En).role,
            Role::Logistics
        );
        assert_eq!(
            read(
                "Sorry, which page is the pension example on?",
                false,
                Lang::En
            )
            .role,
            Role::Logistics
        );
        let q = read(
            "What counts as a graduated sanction in the irrigation case?",
            false,
            Lang::En,
        );
        assert_eq!((q.role, q.question), (Role::Analysis, true));
        let a = read(
            "Thanks all. Local monitoring works because neighbours see each other daily.",
            false,
            Lang::En,
        );
        assert_eq!((a.role, a.question), (Role::Analysis, false));
        assert!(a.sentences[0].aside && !a.sentences[1].aside);
        assert_eq!(
            read(
                "Local monitoring works because neighbours see it.",
                true,
                Lang::En
            )
            .role,
            Role::Facilitation
        );
    }

    #[test]
    fn a_short_german_claim_of_compounds_is_analysis() {
        // Issue 19: three German words are four or five in English.
        for claim in [
            "Die Hafengebühr verzerrt den Wettbewerb.",
            "Transparenz schafft Vertrauen.",
            "Das Kassenbuch verhindert Bestechung.",
        ] {
            assert_eq!(read(claim, false, Lang::De).role, Role::Analysis, "{claim}");
        }
        // Short chatter stays chatter, however it is capitalised.
        for chatter in [
            "Finde ich super toll.",
            "Danke, gute Frage!",
            "Haha, genau so.",
        ] {
            assert_eq!(
                read(chatter, false, Lang::De).role,
                Role::Chatter,
                "{chatter}"
            );
        }
        // English is counted as before: three words are chatter.
        assert_eq!(
            read("Transparency builds trust.", false, Lang::En).role,
            Role::Chatter
        );
    }

    #[test]
    fn stances() {
        assert_eq!(
            stance("I disagree that monitoring scales.", false, Lang::En),
            Stance::Disagrees
        );
        assert_eq!(
            stance(
                "Agreed, and the state helps, but only at the edges.",
                false,
                Lang::En
            ),
            Stance::Agrees
        );
        assert_eq!(
            stance(
                "That's a good point, though satellites need someone.",
                false,
                Lang::En
            ),
            Stance::Agrees
        );
        assert_eq!(
            stance(
                "Nested units help, but they move the problem up.",
                false,
                Lang::En
            ),
            Stance::Disagrees
        );
        assert_eq!(
            stance(
                "Nested units help, but they move the problem up.",
                true,
                Lang::En
            ),
            Stance::Neutral
        );
        assert_eq!(
            stance(
                "Kofi says it is a contract, and I think that is wrong.",
                true,
                Lang::En
            ),
            Stance::Disagrees
        );
        assert_eq!(
            stance("In most cases nobody is paid.", false, Lang::En),
            Stance::Neutral
        );
    }

    #[test]
    fn replies_are_read_in_their_language() {
        // Chinese: jieba's words, a full-width question mark, greetings as asides.
        let zh = read(
            "谢谢大家。我觉得法院的可预期性比严厉更重要。",
            false,
            Lang::Zh,
        );
        assert_eq!(zh.role, Role::Analysis);
        assert!(zh.sentences[0].aside && !zh.sentences[1].aside, "{zh:?}");
        let q = read("那些失去选民的小党又该怎么办呢？", false, Lang::Zh);
        assert_eq!((q.role, q.question), (Role::Analysis, true));
        assert_eq!(read("哈哈，对。", false, Lang::Zh).role, Role::Chatter);
        // Russian: stop words are not content, greetings are logistics.
        assert_eq!(
            read("Всем привет, до встречи в четверг!", false, Lang::Ru).role,
            Role::Logistics
        );
        assert_eq!(
            read("Ага, и я так же.", false, Lang::Ru).role,
            Role::Chatter
        );
        assert_eq!(
            read(
                "Санкции бьют по гражданам, а не по элитам, потому что издержки перекладываются.",
                false,
                Lang::Ru
            )
            .role,
            Role::Analysis
        );
        // Stances and reasons in each language.
        assert_eq!(
            stance("Не согласен: доверие строится годами.", true, Lang::Ru),
            Stance::Disagrees
        );
        assert_eq!(
            stance("Согласен, и суды тут важны.", false, Lang::Ru),
            Stance::Agrees
        );
        assert_eq!(
            stance("我不同意：信任需要多年积累。", true, Lang::Zh),
            Stance::Disagrees
        );
        assert_eq!(
            stance("同意，而且法院很重要。", false, Lang::Zh),
            Stance::Agrees
        );
        assert_eq!(
            stance(
                "Das sehe ich anders, die Gerichte sind zweitrangig.",
                true,
                Lang::De
            ),
            Stance::Disagrees
        );
        assert_eq!(
            stance(
                "Je ne suis pas d’accord : la confiance vient de l’expérience.",
                true,
                Lang::Fr
            ),
            Stance::Disagrees
        );
        assert_eq!(
            stance("Je ne suis pas d’accord.", true, Lang::En),
            Stance::Neutral,
            "English markers do not read French"
        );
        assert_eq!(
            reasoning("因为规则一视同仁，所以公民信任法院。", Lang::Zh),
            2
        );
        assert_eq!(
            reasoning(
                "Weil die Gerichte berechenbar sind, zum Beispiel.",
                Lang::De
            ),
            2
        );
    }
}
