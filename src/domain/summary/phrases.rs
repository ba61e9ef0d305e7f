//! Noun phrases in members' replies, for theme labels: a small rule-based chunker with a
//! lexicon of function words and common verbs. A phrase is a run of words that are not
//! function words, verbs or adverbs, inside one sentence and between punctuation, joined
//! across "of" ("the tragedy of the commons"); each run also yields its shorter
//! head-final forms ("large irrigation systems" → "irrigation systems").
//!
//! This is the summary's own chunker; the excerpt key phrases have theirs
//! (`domain::phrases`), whose verb lexicon it shares ([`verb_reading`]: a word it knows
//! as a verb ends a phrase when its neighbours say it is one). Only [`noun_phrases`] is
//! used outside this file, so another chunker can take its place.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::vectors::stem;
use crate::domain::keyterms::is_stop_word;
use crate::domain::lang_terms;
use crate::domain::language::Lang;
use crate::domain::phrases::{VerbReading, is_extent_idiom, is_plural_subject, verb_reading};
use crate::domain::sentences::sentence_spans;

/// A noun phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Phrase {
    /// The words as the member wrote them (lowercase unless a name).
    pub surface: String,
    /// Stems of its words: the same phrase in another reply has the same key.
    pub key: String,
    /// How many words it has, "of" and articles aside.
    pub words: usize,
    /// In a case other than the nominative (Russian), so a poorer label.
    pub oblique: bool,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "my", "our", "their", "his", "her", "its",
    "your", "some", "any", "each", "every", "no", "all", "both", "either", "neither", "another",
];

const VERBS: &[&str] = &[
    "think",
    "thinks",
    "thought",
    "say",
    "says",
    "said",
    "see",
    "sees",
    "saw",
    "seen",
    "make",
    "makes",
    "made",
    "work",
    "works",
    "keep",
    "keeps",
    "kept",
    "need",
    "needs",
    "seem",
    "seems",
    "mean",
    "means",
    "meant",
    "show",
    "shows",
    "shown",
    "take",
    "takes",
    "took",
    "taken",
    "give",
    "gives",
    "gave",
    "given",
    "get",
    "gets",
    "got",
    "know",
    "knows",
    "knew",
    "known",
    "want",
    "wants",
    "feel",
    "feels",
    "felt",
    "become",
    "becomes",
    "became",
    "look",
    "looks",
    "help",
    "helps",
    "use",
    "uses",
    "matter",
    "matters",
    "depend",
    "depends",
    "explain",
    "explains",
    "agree",
    "agrees",
    "disagree",
    "disagrees",
    "argue",
    "argues",
    "believe",
    "believes",
    "suggest",
    "suggests",
    "assume",
    "assumes",
    "treat",
    "treats",
    "describe",
    "describes",
    "lose",
    "loses",
    "lost",
    "pay",
    "pays",
    "paid",
    "watches",
    "buy",
    "buys",
    "leave",
    "leaves",
    "left",
    "let",
    "lets",
    "put",
    "puts",
    "tell",
    "tells",
    "told",
    "ask",
    "asks",
    "come",
    "comes",
    "came",
    "go",
    "goes",
    "went",
    "gone",
    "run",
    "runs",
    "ran",
    "find",
    "finds",
    "found",
    "hold",
    "holds",
    "held",
    "bring",
    "brings",
    "brought",
    "build",
    "builds",
    "built",
    "breaks",
    "broke",
    "fail",
    "fails",
    "happen",
    "happens",
    "try",
    "tries",
    "call",
    "calls",
    "stay",
    "stays",
    "stop",
    "stops",
    "starts",
    "grow",
    "grows",
    "grew",
    "move",
    "moves",
    "carry",
    "carries",
    "stand",
    "stands",
    "stood",
    "sound",
    "sounds",
    "remind",
    "reminds",
    "wonder",
    "wonders",
    "worry",
    "worries",
    "covers",
    "allow",
    "allows",
    "prevent",
    "prevents",
    "protect",
    "protects",
    "splits",
    "escape",
    "escapes",
    "rely",
    "relies",
    "ignore",
    "ignores",
    "manage",
    "manages",
    "handle",
    "handles",
    "acts",
    "accept",
    "accepts",
    "decide",
    "decides",
    "punish",
    "punishes",
    "forgive",
    "forgives",
    "choose",
    "chooses",
    "chose",
    "chosen",
    "undermine",
    "undermines",
    "abandon",
    "abandons",
    "suffer",
    "suffers",
    "teach",
    "teaches",
    "taught",
    "expect",
    "expects",
    "fits",
    "replace",
    "replaces",
    "learn",
    "learns",
    "care",
    "cares",
    "hide",
    "hides",
    "counts",
    "travel",
    "travels",
    "pull",
    "pulls",
    "convince",
    "convinces",
    "release",
    "qualify",
    "qualifies",
    "draw",
    "draws",
    "drew",
    "merge",
    "merges",
    "deliver",
    "delivers",
    "offer",
    "offers",
    "apply",
    "applies",
    "answer",
    "answers",
    "mention",
    "mentions",
    "claims",
    "imply",
    "implies",
    "require",
    "requires",
    "create",
    "creates",
    "reduce",
    "reduces",
    "increase",
    "increases",
    "avoid",
    "avoids",
    "exist",
    "exists",
    "remain",
    "remains",
    "lead",
    "leads",
    "led",
    "reach",
    "reaches",
    "win",
    "wins",
    "won",
    "like",
    "likes",
    "love",
    "loves",
    "hate",
    "hates",
    "read",
    "reads",
    "write",
    "writes",
    "wrote",
    "written",
    "speak",
    "speaks",
    "spoke",
    "talk",
    "talks",
    "guess",
    "suppose",
    "admit",
    "admits",
    "doubt",
    "doubts",
    "notice",
    "notices",
    "understand",
    "understands",
    "understood",
    "consider",
    "considers",
    "agreeing",
    "disagreeing",
];

const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do",
    "does", "did", "doing", "can", "could", "will", "would", "should", "shall", "may", "might",
    "must",
];

/// Nouns too vague to name a theme on their own or as a phrase's head.
const GENERIC: &[&str] = &[
    "point",
    "thing",
    "idea",
    "argument",
    "excerpt",
    "author",
    "text",
    "question",
    "way",
    "people",
    "case",
    "sense",
    "part",
    "example",
    "lot",
    "kind",
    "bit",
    "fact",
    "view",
    "issue",
    "poll",
    "claim",
    "today",
    "session",
    "time",
    "page",
    "reading",
    "essay",
    "discussion",
    "everyone",
    "anyone",
    "nobody",
    "someone",
    "something",
    "anything",
    "nothing",
    "everything",
    "group",
    "term",
    "word",
    "line",
    "stuff",
    "reason",
    "side",
    "piece",
    "place",
    "mind",
    "answer",
    "one",
    "half",
    "end",
    "start",
    "moment",
    "day",
    "week",
    "minute",
    "hour",
    "sentence",
    "paragraph",
    "chapter",
    "book",
    "article",
    "paper",
    "maybe",
    "perhaps",
    "exactly",
    "really",
    "quite",
    "rather",
    "almost",
    "probably",
    "simply",
    "again",
    "enough",
    "instead",
    "anyway",
    "actually",
    "else",
    "here",
    "there",
    "now",
    "then",
    "thanks",
    "lol",
    "haha",
    "yes",
    "yeah",
    "okay",
    "ok",
    "sorry",
    "please",
    "fine",
    "good",
    "great",
    "nice",
    "true",
    "right",
    "wrong",
    "sure",
    "bad",
    "better",
    "best",
    "worse",
];

static GENERIC_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| GENERIC.iter().flat_map(|w| [*w]).collect::<HashSet<&str>>());

/// Words about the discussion itself, in the other languages (compared by stem).
const GENERIC_IN: &[(Lang, &[&str])] = &[
    (
        Lang::Ru,
        &[
            "мысль",
            "точка",
            "вещь",
            "идея",
            "аргумент",
            "отрывок",
            "автор",
            "текст",
            "вопрос",
            "способ",
            "люди",
            "человек",
            "случай",
            "смысл",
            "часть",
            "пример",
            "факт",
            "взгляд",
            "проблема",
            "опрос",
            "тезис",
            "сегодня",
            "занятие",
            "время",
            "страница",
            "чтение",
            "статья",
            "обсуждение",
            "мнение",
        ],
    ),
    (
        Lang::De,
        &[
            "Punkt",
            "Sache",
            "Ding",
            "Idee",
            "Argument",
            "Abschnitt",
            "Autor",
            "Autorin",
            "Text",
            "Frage",
            "Weg",
            "Leute",
            "Mensch",
            "Menschen",
            "Fall",
            "Sinn",
            "Teil",
            "Beispiel",
            "Tatsache",
            "Sicht",
            "Problem",
            "Umfrage",
            "These",
            "Sitzung",
            "Zeit",
            "Seite",
            "Lektüre",
            "Aufsatz",
            "Diskussion",
            "Meinung",
        ],
    ),
    (
        Lang::Fr,
        &[
            "point",
            "chose",
            "idée",
            "argument",
            "extrait",
            "auteur",
            "texte",
            "question",
            "façon",
            "gens",
            "cas",
            "sens",
            "partie",
            "exemple",
            "fait",
            "vue",
            "problème",
            "sondage",
            "thèse",
            "séance",
            "temps",
            "page",
            "lecture",
            "article",
            "discussion",
            "avis",
        ],
    ),
    (
        Lang::Zh,
        &[
            "观点", "东西", "想法", "论点", "段落", "节选", "作者", "文本", "文章", "问题", "方式",
            "人们", "情况", "意思", "部分", "例子", "事实", "看法", "投票", "今天", "时间", "阅读",
            "讨论", "大家",
        ],
    ),
];

static GENERIC_STEMS: LazyLock<HashSet<(Lang, String)>> = LazyLock::new(|| {
    GENERIC_IN
        .iter()
        .flat_map(|(lang, words)| words.iter().map(|w| (*lang, lang_terms::stem_in(w, *lang))))
        .collect()
});

/// A word about the discussion itself ("автор", "Text", "extrait", "作者") in `lang`.
fn is_generic_in(word: &str, lang: Lang) -> bool {
    if lang == Lang::En {
        return is_generic(word);
    }
    GENERIC_STEMS.contains(&(lang, lang_terms::stem_in(word, lang)))
}

fn is_generic(word: &str) -> bool {
    let w = word.to_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    GENERIC_SET.contains(w.as_str()) || GENERIC_SET.contains(singular)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Word,
    Determiner,
    Of,
    /// Anything that ends a phrase: verbs, auxiliaries, adverbs, other function words.
    Break,
}

struct Token<'a> {
    raw: &'a str,
    lower: String,
    tag: Tag,
    /// Punctuation or a possessive right after it ends any phrase.
    stop_after: bool,
    /// Punctuation right before it (an opening quote, a bracket).
    stop_before: bool,
    first_in_sentence: bool,
}

/// The tag of a word; `previous` is the tag before it and `previous_word` that word (none
/// after punctuation), `after_verb` whether it is a full verb (an "-ed" word right after
/// one describes: "like graduated sanctions").
fn tag_of(
    lower: &str,
    previous: Option<Tag>,
    previous_word: Option<&str>,
    after_verb: bool,
) -> Tag {
    if lower == "of" {
        return Tag::Of;
    }
    if DETERMINERS.contains(&lower) {
        return Tag::Determiner;
    }
    if lower.contains("n't")
        || lower.contains('\'')
            && ["'s", "'re", "'ll", "'ve", "'d", "'m"]
                .iter()
                .any(|c| lower.ends_with(c))
            && [
                "it", "that", "there", "here", "what", "who", "let", "he", "she", "i", "you", "we",
                "they",
            ]
            .iter()
            .any(|p| lower.starts_with(&format!("{p}'")))
    {
        return Tag::Break;
    }
    if AUXILIARIES.contains(&lower) || VERBS.contains(&lower) || is_stop_word(lower) {
        return Tag::Break;
    }
    if let Some(reading) = verb_reading(lower)
        && reads_as_verb(reading, previous, previous_word)
    {
        return Tag::Break;
    }
    if lower.chars().count() < 2
        || lower
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Tag::Break;
    }
    if lower.len() > 4
        && lower.ends_with("ly")
        && !["family", "supply", "monopoly", "italy", "assembly"].contains(&lower)
    {
        return Tag::Break;
    }
    // "-ed" after a noun or a pronoun is a verb ("the village noticed"); after an
    // article, a preposition or at the start it describes ("a changed circumstance").
    if lower.len() > 4
        && lower.ends_with("ed")
        && !after_verb
        && matches!(previous, Some(Tag::Word) | Some(Tag::Break))
    {
        return Tag::Break;
    }
    Tag::Word
}

/// Whether a word the lexicon knows as a verb ([`verb_reading`]) is one here: never after
/// an article ("the shift", "a rise"); after "to", a subject or a relative pronoun always
/// ("we shift", "who signs"); at the start of a run when it is only a verb ("compete");
/// after a plural noun in its base form ("rival ports compete") and after a singular one
/// with -s ("the pasture disappears"); an irregular form anywhere ("the council held").
/// A word as often a noun stays one after a noun ("the policy shift").
fn reads_as_verb(reading: VerbReading, previous: Option<Tag>, previous_word: Option<&str>) -> bool {
    if matches!(previous, Some(Tag::Determiner | Tag::Of)) {
        return false;
    }
    let after_subject = previous_word.is_some_and(|w| {
        matches!(
            w,
            "to" | "i" | "we" | "you" | "they" | "he" | "she" | "it" | "who" | "which" | "that"
        ) || AUXILIARIES.contains(&w)
    });
    if after_subject {
        return true;
    }
    let after_word = previous == Some(Tag::Word);
    let plural = previous_word.is_some_and(is_plural_subject);
    match reading {
        VerbReading::Irregular => true,
        VerbReading::Base { noun_too: false } => !after_word || plural,
        VerbReading::S { noun_too: false } => !after_word || !plural,
        VerbReading::Base { noun_too: true } | VerbReading::S { noun_too: true } => false,
    }
}

fn tokens(sentence: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    let mut first = true;
    for piece in sentence.split_whitespace() {
        let lead = piece.len()
            - piece
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let body = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if body.is_empty() {
            if let Some(last) = out.last_mut() {
                last.stop_after = true;
            }
            continue;
        }
        let trail = &piece[lead + body.len()..];
        let (word, possessive) = match body.strip_suffix("'s").or_else(|| body.strip_suffix("’s"))
        {
            Some(w) if !w.is_empty() => (w, true),
            _ => (body, false),
        };
        let lower = word.to_lowercase().replace('’', "'");
        let previous = out
            .last()
            .map(|t| if t.stop_after { Tag::Break } else { t.tag });
        let after_verb = out
            .last()
            .is_some_and(|t| !t.stop_after && VERBS.contains(&t.lower.as_str()));
        let previous_word = out
            .last()
            .filter(|t| !t.stop_after)
            .map(|t| t.lower.as_str());
        let tag = if is_extent_idiom(&lower, out.iter().map(|t| t.lower.as_str())) {
            Tag::Break
        } else {
            tag_of(&lower, previous, previous_word, after_verb)
        };
        out.push(Token {
            raw: word,
            lower,
            tag,
            stop_after: possessive || !trail.is_empty() && !trail.chars().all(|c| c == '-'),
            stop_before: lead > 0,
            first_in_sentence: first,
        });
        first = false;
    }
    // With what follows: "the ledger assents to the rules" (after a singular noun, an -s
    // form that is as often a noun is the verb when its complement follows) and "the shift
    // hurt them" (a word only a verb is one before its object).
    for i in 1..out.len().saturating_sub(1) {
        let (prev, this, next) = (&out[i - 1], &out[i], &out[i + 1]);
        if this.tag != Tag::Word || prev.tag != Tag::Word || prev.stop_after || this.stop_after {
            continue;
        }
        let object = DETERMINERS.contains(&next.lower.as_str())
            || matches!(
                next.lower.as_str(),
                "them" | "him" | "her" | "us" | "me" | "it" | "you"
            );
        let complement = object
            || matches!(
                next.lower.as_str(),
                "to" | "on" | "upon" | "in" | "into" | "with" | "for" | "at" | "by" | "from"
            );
        let verb = match verb_reading(&this.lower) {
            Some(VerbReading::S { noun_too: true }) => complement && !prev.lower.ends_with('s'),
            Some(VerbReading::Base { noun_too: false } | VerbReading::S { noun_too: false }) => {
                object
            }
            _ => false,
        };
        if verb {
            out[i].tag = Tag::Break;
        }
    }
    out
}

fn surface(tokens: &[&Token]) -> String {
    tokens
        .iter()
        .map(|t| {
            let capital = t.raw.chars().next().is_some_and(char::is_uppercase);
            if capital && !t.first_in_sentence {
                t.raw.to_string()
            } else {
                t.lower.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn key(tokens: &[&Token]) -> String {
    tokens
        .iter()
        .filter(|t| t.tag != Tag::Determiner)
        .map(|t| {
            if t.tag == Tag::Of {
                "of".to_string()
            } else {
                stem(&t.lower, Lang::En)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn push(out: &mut Vec<Phrase>, seen: &mut HashSet<String>, toks: &[&Token]) {
    let words: Vec<&&Token> = toks.iter().filter(|t| t.tag == Tag::Word).collect();
    let Some(head) = words.last() else { return };
    if words.len() > 4 || is_generic(&head.lower) || words.iter().all(|t| is_generic(&t.lower)) {
        return;
    }
    let k = key(toks);
    if seen.insert(k.clone()) {
        out.push(Phrase {
            surface: surface(toks),
            key: k,
            words: words.len(),
            oblique: false,
        });
    }
}

/// The noun phrases of `text` written in `lang`, each once, in order of appearance:
/// English by this chunker, other languages by the key-term rules of
/// [`lang_terms`] (Russian adjectives and nouns stemmed by Snowball, German capitalised
/// nouns, French nouns after a determiner, Chinese nouns by jieba).
///
/// `zh_compounds`: the compounds a Chinese discussion repeats, kept whole
/// ([`lang_terms::chinese_compounds`]: "治理赤字", which jieba cuts in two); without
/// them, those the text itself repeats.
pub(super) fn phrases_in_with(
    text: &str,
    lang: Lang,
    zh_compounds: Option<&HashSet<String>>,
) -> Vec<Phrase> {
    if lang == Lang::En {
        return noun_phrases(text);
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let found = match (lang, zh_compounds) {
        (Lang::Zh, Some(compounds)) => lang_terms::chinese_phrases_with(text, compounds),
        _ => lang_terms::phrases_in(text, lang),
    };
    for p in found {
        // A phrase about the discussion itself ("главный тезис текста", "l'auteur") or
        // of stop words alone is no theme.
        let head = lang_terms::head_in(&p.surface, &p.key, lang).unwrap_or(&p.surface);
        let vague = is_generic_in(head, lang)
            || p.surface
                .split_whitespace()
                .all(|w| lang_terms::is_stop_word_in(&w.to_lowercase(), lang));
        if vague || !seen.insert(p.key.clone()) {
            continue;
        }
        // German capitalises its nouns and names keep their capitals (a capital inside a
        // sentence: "la France", "Примаков"); other words are written in lowercase, as a
        // label reads mid-sentence.
        let capital = p.surface.chars().next().is_some_and(char::is_uppercase);
        let surface = if lang == Lang::De || p.proper || (capital && !p.at_sentence_start) {
            p.surface.clone()
        } else {
            p.surface.to_lowercase()
        };
        // A Chinese phrase counts jieba's words, not its characters.
        let words = if lang == Lang::Zh {
            p.key.split(' ').count()
        } else {
            p.words
        };
        // Its head noun alone too, as the English chunker gives "irrigation systems"
        // for "large irrigation systems": replies that say "санкции" and "экономические
        // санкции" then share a theme.
        let head = lang_terms::head_in(&surface, &p.key, lang).map(str::to_string);
        let complement = genitive_complement(&surface, lang);
        out.push(Phrase {
            surface,
            key: p.key,
            words,
            oblique: p.oblique,
        });
        // The noun of a German or French genitive alone too ("Kosten des Leuchtturms",
        // "coût du phare"): replies that say "der Leuchtturm" and "das Licht des
        // Leuchtturms" then share a theme.
        if let Some(noun) = complement {
            let key = lang_terms::key_of_in(&noun, lang);
            if !key.is_empty()
                && !is_generic_in(&noun, lang)
                && !lang_terms::is_stop_word_in(&noun.to_lowercase(), lang)
                && seen.insert(key.clone())
            {
                out.push(Phrase {
                    surface: noun,
                    key,
                    words: 1,
                    oblique: false,
                });
            }
        }
        if let Some(head) = head {
            let key = lang_terms::key_of_in(&head, lang);
            if !key.is_empty()
                && !lang_terms::is_stop_word_in(&head.to_lowercase(), lang)
                && seen.insert(key.clone())
            {
                let oblique = lang == Lang::Ru
                    && lang_terms::phrases_in(&head, lang)
                        .first()
                        .is_some_and(|h| h.oblique);
                out.push(Phrase {
                    surface: head,
                    key,
                    words: 1,
                    oblique,
                });
            }
        }
    }
    out
}

/// The noun after a German "der/des" or a French "de/du/des/de la" ending a phrase
/// ("Kosten des Leuchtturms" → "Leuchtturms", "coût du phare" → "phare").
fn genitive_complement(surface: &str, lang: Lang) -> Option<String> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let n = words.len();
    if n < 3 {
        return None;
    }
    let link = words[n - 2].to_lowercase();
    let linked = match lang {
        Lang::De => matches!(link.as_str(), "der" | "des"),
        Lang::Fr => {
            matches!(link.as_str(), "de" | "du" | "des")
                || (link == "la" && n >= 4 && words[n - 3].eq_ignore_ascii_case("de"))
        }
        _ => false,
    };
    linked.then(|| words[n - 1].to_string())
}

/// The noun phrases of English `text`, each once, in order of appearance.
pub(super) fn noun_phrases(text: &str) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (start, end) in sentence_spans(text) {
        let toks = tokens(&text[start..end]);
        // Runs of words: (first token, one past the last).
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if toks[i].tag != Tag::Word {
                i += 1;
                continue;
            }
            let s = i;
            while i < toks.len() && toks[i].tag == Tag::Word {
                let stop = toks[i].stop_after;
                i += 1;
                if stop || (i < toks.len() && toks[i].stop_before) {
                    break;
                }
            }
            runs.push((s, i));
        }
        for (k, &(s, e)) in runs.iter().enumerate() {
            let run: Vec<&Token> = toks[s..e].iter().collect();
            // The run and its shorter head-final forms.
            for from in 0..run.len() {
                push(&mut out, &mut seen, &run[from..]);
            }
            // "X of (the) Y": joined when nothing but "of" and an article lies between.
            if let Some(&(s2, e2)) = runs.get(k + 1)
                && !toks[e - 1].stop_after
                && toks
                    .get(e)
                    .is_some_and(|t| t.tag == Tag::Of && !t.stop_after)
                && (s2 == e + 1
                    || (s2 == e + 2
                        && toks[e + 1].tag == Tag::Determiner
                        && !toks[e + 1].stop_after))
            {
                let joined: Vec<&Token> = toks[s..e2].iter().collect();
                push(&mut out, &mut seen, &joined);
                // And from the run's head: "tragedy of the commons" from "the tragedy of…".
                if e - s > 1 {
                    let from_head: Vec<&Token> = toks[e - 1..e2].iter().collect();
                    push(&mut out, &mut seen, &from_head);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_s_verbs_are_no_part_of_its_phrases() {
        // The verbs the key-term tagger knows end a phrase here too.
        check(
            "Fleets grow costly when rival ports compete.",
            &["rival ports"],
            &["compete"],
        );
        check(
            "Every clerk who signs the ledger assents to the harbour rules.",
            &["ledger", "harbour rules"],
            &["signs", "assents"],
        );
        // A word that is as often a noun stays one after a noun or an article.
        check(
            "The policy shift hurt them, and the shift of power too.",
            &["policy shift", "shift of power"],
            &[],
        );
        // ... but not after "to", a subject pronoun or a relative one.
        check("We shift harbour dues to inland towns.", &[], &["shift"]);
    }

    #[test]
    fn to_some_extent_is_no_part_of_a_reply_s_phrases() {
        check(
            "To some extent strategic hedging works.",
            &["strategic hedging"],
            &["extent"],
        );
        check(
            "To a certain extent strategic hedging works.",
            &["strategic hedging"],
            &["extent"],
        );
    }

    fn check(text: &str, present: &[&str], absent: &[&str]) {
        crate::domain::phrases::assert_phrases(&surfaces(text), text, present, absent);
    }

    fn surfaces(text: &str) -> Vec<String> {
        noun_phrases(text).into_iter().map(|p| p.surface).collect()
    }

    #[test]
    fn finds_concepts_not_fragments() {
        let p = surfaces("Graduated sanctions also protect the rule-makers.");
        assert!(p.contains(&"graduated sanctions".to_string()), "{p:?}");
        assert!(p.contains(&"sanctions".to_string()));
        assert!(!p.iter().any(|s| s.contains("protect")), "{p:?}");

        let p = surfaces("The tragedy of the commons was always a story about open access.");
        assert!(p.contains(&"tragedy of the commons".to_string()), "{p:?}");
        assert!(p.contains(&"open access".to_string()), "{p:?}");
        assert!(!p.iter().any(|s| s.contains("always")), "{p:?}");

        let p = surfaces("I think local monitoring works, but the village noticed the breach.");
        assert!(p.contains(&"local monitoring".to_string()), "{p:?}");
        assert!(
            !p.iter()
                .any(|s| s.contains("think") || s.contains("noticed")),
            "{p:?}"
        );

        let p = surfaces("Changed circumstances matter because a changed circumstance is rare.");
        assert!(p.contains(&"changed circumstances".to_string()), "{p:?}");
        let keys: Vec<String> =
            noun_phrases("Changed circumstances matter; a changed circumstance is rare.")
                .into_iter()
                .map(|p| p.key)
                .collect();
        assert_eq!(
            keys.iter()
                .filter(|k| k.as_str() == "chang circumst")
                .count(),
            1,
            "singular and plural share a key: {keys:?}"
        );
    }

    #[test]
    fn never_across_sentences_or_punctuation() {
        let p = surfaces("We discussed power. Markets matter, trade routes too.");
        assert!(!p.iter().any(|s| s.contains("power markets")), "{p:?}");
        assert!(!p.iter().any(|s| s.contains("markets trade")), "{p:?}");
        assert!(p.contains(&"trade routes".to_string()), "{p:?}");
    }

    #[test]
    fn generic_heads_and_possessives() {
        let p = surfaces("Hal's point about open access matters for the poll claim.");
        assert!(
            !p.iter().any(|s| s.contains("point") || s.contains("claim")),
            "{p:?}"
        );
        assert!(p.contains(&"Hal".to_string()) || p.contains(&"hal".to_string()));
        assert!(p.contains(&"open access".to_string()));
    }
}
