//! Open questions: questions members put to the group that nobody answered, quoted as
//! the question sentence alone.
//!
//! A question is answered when another member replies to it (in the thread, or by
//! opening with the asker's name, or right after it on the same subject) with something
//! that is not itself a question. Not open questions either: a question its asker
//! answers in the next sentence ("Who watches the units? At the top you need a state."),
//! a negative yes/no question ("Isn't that just an excuse?", a challenge that expects
//! agreement), and a yes/no question put in reply to another member's point (a
//! rhetorical challenge to that member rather than a question for the group).

use super::Session;
use super::disputes::mention_at;
use super::langs::markers;
use crate::domain::language::Lang;
use crate::domain::questions::yes_no_in;
use crate::domain::text::word_count;

const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "can",
    "could",
    "will",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "can't",
    "couldn't",
    "won't",
    "wouldn't",
    "shouldn't",
    "hasn't",
    "haven't",
];

/// The words a question's main clause opens with: after a colon or semicolon, after an
/// opening "but", "and", "so" or "then", and after an "if …," clause.
fn clause_start(sentence: &str) -> Vec<String> {
    let lower = sentence.to_lowercase().replace('’', "'");
    let mut clause = lower
        .rsplit([':', ';'])
        .next()
        .unwrap_or(&lower)
        .trim()
        .to_string();
    for opener in ["but ", "and ", "so ", "then "] {
        if let Some(rest) = clause.strip_prefix(opener) {
            clause = rest.to_string();
        }
    }
    if ["if ", "when ", "once ", "since "]
        .iter()
        .any(|o| clause.starts_with(o))
        && let Some((_, rest)) = clause.split_once(',')
    {
        clause = rest.trim().to_string();
    }
    clause
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_string()
        })
        .collect()
}

/// "Is it …?", "Would a voter …?"; in another language, its own yes/no question ("ли",
/// "吗", "Est-ce que", a German or French verb before its subject).
fn yes_no(sentence: &str, lang: Lang) -> bool {
    if lang != Lang::En {
        return yes_no_in(sentence, lang).is_some();
    }
    clause_start(sentence)
        .first()
        .is_some_and(|w| AUXILIARIES.contains(&w.as_str()))
}

/// "Isn't that …?", "Doesn't it …?", "Is it not …?"; "Разве …?", "难道……？",
/// "…, n'est-ce pas ?".
fn negative_yes_no(sentence: &str, lang: Lang) -> bool {
    if lang != Lang::En {
        let lower = sentence.to_lowercase().replace('’', "'");
        return markers(lang).rhetorical.iter().any(|m| lower.contains(m));
    }
    let words = clause_start(sentence);
    yes_no(sentence, lang)
        && (words[0].ends_with("n't") || words.get(1).is_some_and(|w| w == "not"))
}

/// Open questions: (reply index, sentence index), strongest first, at most `max`.
pub(super) fn open(s: &Session, max: usize) -> Vec<(usize, usize)> {
    // Replies answered in the thread by another member's statement.
    let mut threaded: std::collections::HashSet<usize> = Default::default();
    for later in &s.items {
        if later.facilitator || !later.reading.quotable() || later.reading.question {
            continue;
        }
        if let Some(t) = later.reply.reply_to.and_then(|id| s.by_id.get(&id))
            && s.items[*t].reply.author_key != later.reply.author_key
        {
            threaded.insert(*t);
        }
    }
    let mut found: Vec<(f64, usize, usize)> = Vec::new();
    for (i, item) in s.items.iter().enumerate() {
        if !item.reading.quotable() {
            continue;
        }
        let text = &item.reply.text;
        let sentences = &item.reading.sentences;
        let in_reply_to_member = item
            .reply
            .reply_to
            .and_then(|id| s.by_id.get(&id))
            .is_some_and(|t| s.items[*t].reply.author_key != item.reply.author_key);
        let candidate = sentences
            .iter()
            .enumerate()
            .filter(|(k, sent)| {
                let words = word_count(&text[sent.start..sent.end]);
                let answered_in_place = sentences[k + 1..].iter().any(|n| !n.aside && !n.question);
                let q = &text[sent.start..sent.end];
                // A yes/no question put to another member's point is a challenge.
                let challenge = in_reply_to_member && yes_no(q, item.lang);
                sent.question
                    && !sent.aside
                    && words >= 4
                    && !answered_in_place
                    && !negative_yes_no(q, item.lang)
                    && !challenge
            })
            .max_by(|a, b| a.1.content.cmp(&b.1.content).then(b.0.cmp(&a.0)))
            .map(|(k, _)| k);
        let Some(k) = candidate else { continue };
        if threaded.contains(&i) || answered_nearby(s, i) {
            continue;
        }
        found.push((item.score, i, k));
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.truncate(max);
    found.sort_by_key(|f| f.1);
    found.into_iter().map(|(_, i, k)| (i, k)).collect()
}

/// How far ahead an answer that names the asker is looked for.
const NAMED_ANSWER_WITHIN: usize = 60;

/// Did another member answer reply `i` by naming the asker, or right after it on its subject?
fn answered_nearby(s: &Session, i: usize) -> bool {
    let asker = &s.items[i].reply.author_key;
    let asker_name = s.name_index(asker).map(|k| s.names[k].1.as_str());
    let mut next_member_reply = true;
    for (j, later) in s
        .items
        .iter()
        .enumerate()
        .skip(i + 1)
        .take(NAMED_ANSWER_WITHIN)
    {
        if later.facilitator || !later.reading.quotable() {
            continue;
        }
        if later.reply.author_key == *asker {
            next_member_reply = false;
            continue;
        }
        let statement = !later.reading.question;
        let by_name = asker_name
            .and_then(|n| mention_at(&later.reply.text, n))
            .is_some_and(|at| at < 3);
        let next_on_topic =
            next_member_reply && later.reply.reply_to.is_none() && s.similarity(i, j) >= 0.35;
        if statement && (by_name || next_on_topic) {
            return true;
        }
        next_member_reply = false;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_question() {
        assert!(yes_no(
            "Is it the oldest families, or everyone with a stake?",
            Lang::En
        ));
        assert!(yes_no(
            "If voters change their minds, does the mandate change with them?",
            Lang::En
        ));
        assert!(yes_no(
            "Then hold them to the test: would a voter have released them?",
            Lang::En
        ));
        assert!(!yes_no(
            "How would any of this work for the atmosphere?",
            Lang::En
        ));
        assert!(negative_yes_no("Isn't that just an excuse?", Lang::En));
        assert!(negative_yes_no(
            "But doesn't that depend on who pays?",
            Lang::En
        ));
        assert!(!negative_yes_no("Is it the oldest families?", Lang::En));
        assert!(yes_no("Можно ли доверять судам?", Lang::Ru));
        assert!(!yes_no("Почему граждане доверяют судам?", Lang::Ru));
        assert!(yes_no("法院可以信任吗？", Lang::Zh));
        assert!(negative_yes_no("Разве это не то же государство?", Lang::Ru));
        assert!(negative_yes_no("难道这不是国家吗？", Lang::Zh));
        assert!(!negative_yes_no("小党又该怎么办呢？", Lang::Zh));
    }
}
