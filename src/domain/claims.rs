//! Claims of an excerpt (for questions and `poll suggest`) and the kind of text a reading is.
//!
//! A claim is a whole sentence of the text, or its first main clause before a semicolon,
//! that argues rather than narrates: it keeps its leading "However" or "But", never ends
//! inside quotation marks, does not open with a pronoun whose referent is elsewhere, is not
//! a dated fact or a list. In a dialogue or a narrative it is attributed to its speaker:
//! "The Athenians argue: “…”".

use serde::{Deserialize, Serialize};

use super::language::Lang;
use super::sentences::{ends_with_terminal, is_cjk, sentences};
use super::text::squeeze_spaces;

/// The longest claim a poll can carry (Discord's limit for a poll question).
pub const MAX_CLAIM_CHARS: usize = 300;

/// What kind of text a reading is, which decides the questions that fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextType {
    /// An essay that argues in its own voice.
    Argument,
    /// Speakers take turns ("Athenians. …", "SOCRATES: …").
    Dialogue,
    /// A story: past tense, people who say things.
    Narrative,
    /// A report of events and figures: dates, numbers, "according to".
    Report,
}

impl TextType {
    pub fn as_str(self) -> &'static str {
        match self {
            TextType::Argument => "argument",
            TextType::Dialogue => "dialogue",
            TextType::Narrative => "narrative",
            TextType::Report => "report",
        }
    }
}

/// A speaker's label opening a turn: "Athenians." or "MELIANS:" standing alone, one to
/// three capitalised words.
pub fn speaker_label(sentence: &str) -> Option<String> {
    let s = sentence.trim();
    let body = s.strip_suffix('.').or_else(|| s.strip_suffix(':'))?;
    let words: Vec<&str> = body.split_whitespace().collect();
    let ok = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
        && !super::keyterms::is_stop_word(&body.to_lowercase());
    ok.then(|| body.to_string())
}

/// "NAME: words" opening a sentence: the name and the rest.
fn inline_speaker(sentence: &str) -> Option<(String, &str)> {
    let (head, rest) = sentence.split_once(": ")?;
    let label = speaker_label(&format!("{head}:"))?;
    (!rest.trim().is_empty()).then_some((label, rest.trim()))
}

fn count_years(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u32>().ok())
        .filter(|y| (1000..=2099).contains(y))
        .count()
}

/// Whether the text names a year of the last century or this one (a present-day text).
pub fn is_contemporary(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .filter_map(|d| d.parse::<u32>().ok())
        .any(|y| (1900..=2099).contains(&y))
}

fn per_hundred(count: usize, words: usize) -> f32 {
    count as f32 * 100.0 / words.max(1) as f32
}

fn count_words(text: &str, words: &[&str]) -> usize {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| words.contains(&w.to_lowercase().as_str()))
        .count()
}

/// The kind of a text, by simple signs: speakers' labels, quotation and speech verbs,
/// dates and figures, past-tense narration against first-person argument markers.
pub fn text_type(text: &str) -> TextType {
    let words = text.split_whitespace().count();
    let all = sentences(text);
    let labels = all
        .iter()
        .filter(|s| speaker_label(s).is_some() || inline_speaker(s).is_some())
        .count();
    if labels >= 3 && labels * 8 >= all.len() {
        return TextType::Dialogue;
    }
    let quotes = text.matches(['“', '"']).count();
    let speech = count_words(
        text,
        &[
            "said",
            "asked",
            "replied",
            "answered",
            "cried",
            "whispered",
            "shouted",
        ],
    );
    let narration = count_words(
        text,
        &[
            "was", "were", "had", "went", "came", "saw", "took", "looked", "turned", "walked",
            "she", "he", "her", "his",
        ],
    );
    let argument = count_words(
        text,
        &[
            "should",
            "must",
            "ought",
            "therefore",
            "because",
            "hence",
            "thus",
            "argue",
            "claim",
            "follows",
            "we",
            "our",
            "i",
            "reason",
            "ought",
            "cannot",
            "if",
        ],
    );
    let figures = count_years(text)
        + count_words(
            text,
            &["percent", "per", "according", "reported", "figures"],
        )
        + text.matches('%').count();
    if per_hundred(figures, words) >= 1.0 {
        return TextType::Report;
    }
    if (per_hundred(quotes, words) >= 0.8 && speech >= 2)
        || (per_hundred(narration, words) >= 4.0 && narration > argument * 2)
    {
        return TextType::Narrative;
    }
    TextType::Argument
}

/// Words that mark an argumentative sentence.
const CLAIM_MARKERS: &[(&str, f32)] = &[
    (" should ", 2.0),
    (" must ", 2.0),
    (" ought ", 2.0),
    (" cannot ", 1.5),
    (" need to ", 1.5),
    (" needs to ", 1.5),
    (" because ", 1.5),
    (" therefore", 1.5),
    (" thus ", 1.0),
    (" hence ", 1.0),
    (" explains ", 1.5),
    (" reflects ", 1.5),
    (" implies ", 1.5),
    (" means that ", 1.5),
    (" shows ", 1.0),
    (" suggests ", 1.0),
    (" demonstrates ", 1.0),
    (" leads to ", 1.0),
    (" is destined ", 1.5),
    (" is likely ", 1.0),
    (" unlikely ", 1.0),
    (" futile", 1.0),
    (" essential", 1.0),
    (" necessary", 1.0),
    (" impossible", 1.0),
    (" never ", 1.0),
    (" always ", 1.0),
    (" not merely ", 1.5),
    (" rather than ", 1.0),
    (" more ", 0.5),
    (" less ", 0.5),
    (" better ", 1.0),
    (" worse ", 1.0),
    (" fail", 1.0),
    (" no ", 0.5),
    (" only ", 0.5),
    (" is ", 0.3),
    (" are ", 0.3),
    (" will ", 1.0),
    (" however", 0.5),
    (" but ", 0.5),
    (" right ", 0.5),
    (" justice", 0.5),
];

/// Openers whose referent lies outside the sentence.
const DANGLING: &[&str] = &[
    "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "him",
    "them", "such", "which", "who", "because", "there",
];

/// Connectives that may open a claim and carry meaning: kept, but a pronoun after them
/// dangles just the same.
const CONNECTIVES: &[&str] = &[
    "however",
    "but",
    "and",
    "yet",
    "so",
    "thus",
    "therefore",
    "hence",
    "still",
    "moreover",
    "indeed",
    "nor",
    "for",
    "or",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a sentence is whole: it starts with a capital (or an opening quote and a
/// capital), ends with . or ! (a closing quote may follow), and every quotation it opens
/// it closes.
pub fn is_whole_sentence(s: &str) -> bool {
    let s = s.trim();
    let first_letter = s.chars().find(|c| c.is_alphanumeric());
    let opens_right = s
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘'))
        && first_letter.is_some_and(char::is_uppercase);
    let core = s.trim_end_matches(['”', '"', '’', ')']);
    let ends_right = core.ends_with(['.', '!']) && !core.ends_with("...");
    let balanced = s.matches('“').count() == s.matches('”').count()
        && s.matches('"').count().is_multiple_of(2)
        && s.matches('(').count() == s.matches(')').count();
    opens_right && ends_right && balanced
}

/// A claim with its speaker, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub speaker: Option<String>,
    /// The sentence (or main clause) exactly as the text has it.
    pub sentence: String,
}

impl Claim {
    /// How a poll shows it: the sentence, or "The Athenians argue: “…”".
    pub fn render(&self) -> String {
        match &self.speaker {
            None => self.sentence.clone(),
            Some(who) => format!(
                "{} {}: “{}”",
                capitalise(&who_phrase(who)),
                argue(who),
                self.sentence
            ),
        }
    }

    /// Read a rendered claim back.
    pub fn parse(rendered: &str) -> Claim {
        for verb in [" argue: “", " argues: “"] {
            if let Some((who, rest)) = rendered.split_once(verb)
                && let Some(sentence) = rest.strip_suffix('”')
            {
                let who = who.strip_prefix("The ").unwrap_or(who);
                return Claim {
                    speaker: Some(who.to_string()),
                    sentence: sentence.to_string(),
                };
            }
        }
        Claim {
            speaker: None,
            sentence: rendered.to_string(),
        }
    }

    /// The claim as a noun phrase inside a question of a reading in `lang`, quoting the
    /// sentence whole: "the author’s claim “…”", "утверждение автора «…»" (its case is
    /// the same in the nominative and the accusative), "die These des Textes „…“",
    /// "l’affirmation du texte « … »", "作者的观点“…”".
    pub fn in_question_in(&self, lang: Lang) -> String {
        let sentence = quoted_within(self.sentence.trim_end_matches(['.', '!', '。', '！']), lang);
        match lang {
            Lang::Ru => format!("утверждение автора «{sentence}»"),
            Lang::De => format!("die These des Textes „{sentence}“"),
            Lang::Fr => format!("l’affirmation du texte « {sentence} »"),
            Lang::Zh => format!("作者的观点“{sentence}”"),
            Lang::En | Lang::Other => self.in_question(),
        }
    }

    /// The claim as a noun phrase inside a question: the author’s claim “…” or the
    /// Athenians’ claim “…”; the sentence quoted whole, so it always reads.
    pub fn in_question(&self) -> String {
        let whose = match &self.speaker {
            None => "the author’s".to_string(),
            Some(who) => possessive(&who_phrase(who)),
        };
        let sentence = quoted_within(self.sentence.trim_end_matches(['.', '!']), Lang::En);
        format!("{whose} claim “{sentence}”")
    }
}

/// A sentence as it reads inside the quotation marks of `lang`'s questions: quotation marks
/// of the same kind inside it become the inner ones (“…” → ‘…’ in English and Chinese,
/// „…“ → ‚…‘ in German, «…» → „…“ in Russian and “…” in French), so that where the quoted
/// claim ends stays plain. The spaces French sets inside guillemets do not follow them
/// inside the inner marks (« la paix » → “la paix”).
pub fn quoted_within(sentence: &str, lang: Lang) -> String {
    let (outer, inner): ([char; 2], [char; 2]) = match lang {
        Lang::De => (['„', '“'], ['‚', '‘']),
        Lang::Ru => (['«', '»'], ['„', '“']),
        Lang::Fr => (['«', '»'], ['“', '”']),
        Lang::En | Lang::Zh | Lang::Other => (['“', '”'], ['‘', '’']),
    };
    let guillemets = outer[0] == '«';
    // A space, a no-break space or a narrow no-break space.
    let inside_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut out = String::with_capacity(sentence.len());
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        if c == outer[0] {
            out.push(inner[0]);
            while guillemets && chars.next_if(|n| inside_space(*n)).is_some() {}
        } else if c == outer[1] {
            while guillemets && out.ends_with(inside_space) {
                out.pop();
            }
            out.push(inner[1]);
        } else {
            out.push(c);
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A group of people named by a plural ("Athenians") takes "the"; a person does not.
fn is_group(who: &str) -> bool {
    let lower = who.to_lowercase();
    lower.ends_with("ians")
        || (lower.ends_with('s') && !["ss", "us", "is", "es"].iter().any(|e| lower.ends_with(e)))
}

/// "the Athenians", "Socrates".
pub fn who_phrase(who: &str) -> String {
    let who = capitalise(&who.to_lowercase());
    if is_group(&who) {
        format!("the {who}")
    } else {
        who
    }
}

fn argue(who: &str) -> &'static str {
    if is_group(who) { "argue" } else { "argues" }
}

fn possessive(who: &str) -> String {
    if who.ends_with('s') {
        format!("{who}’")
    } else {
        format!("{who}’s")
    }
}

/// Why a sentence is no claim, if it is not one (None: it may be one).
pub fn refusal(s: &str, attributed: bool) -> Option<&'static str> {
    if !is_whole_sentence(s) {
        return Some("not a whole sentence");
    }
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if !(7..=60).contains(&words.len()) {
        return Some("too short or too long");
    }
    let mut first = words.iter().position(|w| !w.is_empty()).unwrap_or(0);
    while words
        .get(first)
        .is_some_and(|w| CONNECTIVES.contains(&w.as_str()))
    {
        first += 1;
    }
    let opener = words.get(first).map(String::as_str).unwrap_or("");
    if DANGLING.contains(&opener) {
        return Some("opens with a pronoun whose referent is elsewhere");
    }
    let lower = s.to_lowercase();
    let dated = count_years(s) > 0
        || MONTHS.iter().any(|m| words.iter().any(|w| w == m))
            && s.chars().any(|c| c.is_ascii_digit());
    if dated
        && !(lower.contains(" should ") || lower.contains(" must ") || lower.contains(" ought "))
    {
        return Some("a dated fact");
    }
    let commas = s.matches(',').count();
    let numbers = words
        .iter()
        .filter(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || [
                    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "twenty", "thirty", "hundred", "thousand",
                ]
                .contains(&w.as_str())
        })
        .count();
    if commas >= 3 && numbers >= 2 {
        return Some("a list");
    }
    if commas >= 5 && words.len() / (commas + 1) < 4 {
        return Some("a list");
    }
    if !attributed && (lower.contains(" i ") || lower.starts_with("i ")) {
        return Some("a personal aside");
    }
    None
}

/// How strongly a sentence argues.
fn argues(s: &str, terms: &[String]) -> f32 {
    let padded = format!(" {} ", s.to_lowercase());
    let mut score: f32 = CLAIM_MARKERS
        .iter()
        .filter(|(m, _)| padded.contains(m))
        .map(|(_, w)| w)
        .sum();
    score += terms
        .iter()
        .filter(|t| padded.contains(&t.to_lowercase()))
        .count() as f32
        * 0.7;
    let words = s.split_whitespace().count();
    score += match words {
        10..=30 => 1.0,
        31..=40 => 0.0,
        _ => -1.0,
    };
    score
}

/// The first main clause of a long sentence, when it stands alone: "A; b." -> "A."
fn main_clause(s: &str) -> Option<String> {
    let (head, _) = s.split_once("; ")?;
    let clause = format!("{}.", head.trim_end_matches([',', ' ']));
    (is_whole_sentence(&clause) && !clause.contains(['—', '–'])).then_some(clause)
}

fn strip_footnote_marks(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].chars().all(|c| c.is_ascii_digit()) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    squeeze_spaces(&out)
}

/// Quoted speech with its speaker: “We must leave tonight,” said Mara. -> (Mara, "We must
/// leave tonight.").
fn quoted_speech(s: &str) -> Option<(String, String)> {
    let inner_start = s.find('“')? + '“'.len_utf8();
    let inner_len = s[inner_start..].find('”')?;
    let inner = s[inner_start..inner_start + inner_len].trim();
    let after = s[inner_start + inner_len + '”'.len_utf8()..].trim();
    // "said Marten, the miller's son, …": the words up to the first comma.
    let tail: Vec<&str> = after
        .split(',')
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', '!'])
        .split_whitespace()
        .collect();
    let verbs = [
        "said", "says", "argued", "insisted", "replied", "answered", "declared",
    ];
    let speaker = match tail.as_slice() {
        [v, name] | [name, v] if verbs.contains(v) => *name,
        _ => return None,
    };
    if !speaker.chars().next().is_some_and(char::is_uppercase) || speaker == "I" {
        return None;
    }
    let sentence = match inner.strip_suffix(',') {
        Some(body) => format!("{body}."),
        None => inner.to_string(),
    };
    Some((speaker.to_string(), sentence))
}

/// Up to `max` claims of an excerpt's sentences, best first, rendered for a poll.
pub fn claims_from_sentences(
    sentences: &[&str],
    terms: &[String],
    text_type: TextType,
    max: usize,
) -> Vec<String> {
    claims_continuing(sentences, &[], terms, text_type, max, &mut None)
}

/// [`claims_from_sentences`] for an excerpt that may continue the previous one's speech:
/// `speaker` is who was speaking when it began, and who is speaking at its end.
///
/// `new_paragraph[i]` says that sentence `i` opens a paragraph: a paragraph with no
/// speaker's label after a speech is the narrator's (missing entries: no).
pub fn claims_continuing(
    sentences: &[&str],
    new_paragraph: &[bool],
    terms: &[String],
    text_type: TextType,
    max: usize,
    speaker: &mut Option<String>,
) -> Vec<String> {
    let mut scored: Vec<(f32, usize, Claim)> = Vec::new();
    for (i, raw) in sentences.iter().enumerate() {
        let s = strip_footnote_marks(raw);
        if i > 0 && new_paragraph.get(i).copied().unwrap_or(false) {
            *speaker = None;
        }
        if let Some(label) = speaker_label(&s) {
            *speaker = Some(label);
            continue;
        }
        let (who, body) = match inline_speaker(&s) {
            Some((label, rest)) => {
                *speaker = Some(label.clone());
                (Some(label), rest.to_string())
            }
            None => match text_type {
                TextType::Dialogue => (speaker.clone(), s.clone()),
                TextType::Narrative => match quoted_speech(&s) {
                    Some((who, said)) => (Some(who), said),
                    // Narration is no one's claim.
                    None if s.contains(['“', '"']) => continue,
                    None => (None, s.clone()),
                },
                _ => (None, s.clone()),
            },
        };
        let limit = MAX_CLAIM_CHARS - who.as_ref().map_or(0, |w| w.len() + 14);
        let body = if body.chars().count() > limit {
            match main_clause(&body) {
                Some(c) if c.chars().count() <= limit => c,
                _ => continue,
            }
        } else {
            body
        };
        if refusal(&body, who.is_some()).is_some() {
            continue;
        }
        // In a dialogue or a story, a sentence nobody speaks is the narrator's report.
        if matches!(text_type, TextType::Dialogue | TextType::Narrative) && who.is_none() {
            continue;
        }
        let score = argues(&body, terms);
        if score >= 1.5 {
            scored.push((
                score,
                i,
                Claim {
                    speaker: who,
                    sentence: body,
                },
            ));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, claim) in scored {
        if out.len() >= max {
            break;
        }
        let r = claim.render();
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// Words that mark an argumentative sentence in Russian, German, French and Chinese.
fn markers(lang: Lang) -> &'static [(&'static str, f32)] {
    match lang {
        Lang::Ru => &[
            (" должен ", 2.0),
            (" должна ", 2.0),
            (" должно ", 2.0),
            (" должны ", 2.0),
            (" следует ", 2.0),
            (" необходимо ", 1.5),
            (" нельзя ", 1.5),
            (" не может ", 1.5),
            (" не могут ", 1.5),
            (" потому что ", 1.5),
            (" поэтому ", 1.5),
            (" следовательно", 1.5),
            (" значит ", 1.0),
            (" объясняет ", 1.5),
            (" означает ", 1.5),
            (" показывает ", 1.0),
            (" приводит к ", 1.0),
            (" всегда ", 1.0),
            (" никогда ", 1.0),
            (" не просто ", 1.5),
            (" а не ", 1.0),
            (" более ", 0.5),
            (" менее ", 0.5),
            (" лучше ", 1.0),
            (" хуже ", 1.0),
            (" будет ", 1.0),
            (" однако ", 0.5),
            (" но ", 0.5),
            (" является ", 0.3),
            (" только ", 0.5),
        ],
        Lang::De => &[
            (" muss ", 2.0),
            (" müssen ", 2.0),
            (" sollte ", 2.0),
            (" sollten ", 2.0),
            (" soll ", 1.5),
            (" kann nicht ", 1.5),
            (" können nicht ", 1.5),
            (" weil ", 1.5),
            (" deshalb ", 1.5),
            (" daher ", 1.5),
            (" folglich ", 1.5),
            (" also ", 1.0),
            (" erklärt ", 1.5),
            (" bedeutet ", 1.5),
            (" zeigt ", 1.0),
            (" führt zu ", 1.0),
            (" immer ", 1.0),
            (" nie ", 1.0),
            (" niemals ", 1.0),
            (" nicht nur ", 1.5),
            (" statt ", 1.0),
            (" mehr ", 0.5),
            (" weniger ", 0.5),
            (" besser ", 1.0),
            (" schlechter ", 1.0),
            (" wird ", 1.0),
            (" werden ", 0.5),
            (" jedoch ", 0.5),
            (" aber ", 0.5),
            (" ist ", 0.3),
            (" sind ", 0.3),
            (" nur ", 0.5),
            (" notwendig", 1.0),
            (" unmöglich", 1.0),
        ],
        Lang::Fr => &[
            (" doit ", 2.0),
            (" doivent ", 2.0),
            (" devrait ", 2.0),
            (" devraient ", 2.0),
            (" faut ", 2.0),
            (" ne peut ", 1.5),
            (" ne peuvent ", 1.5),
            (" parce que ", 1.5),
            (" donc ", 1.5),
            (" ainsi ", 1.0),
            (" c'est pourquoi ", 1.5),
            (" c’est pourquoi ", 1.5),
            (" explique ", 1.5),
            (" signifie ", 1.5),
            (" montre ", 1.0),
            (" conduit à ", 1.0),
            (" toujours ", 1.0),
            (" jamais ", 1.0),
            (" non seulement ", 1.5),
            (" plutôt que ", 1.0),
            (" plus ", 0.5),
            (" moins ", 0.5),
            (" mieux ", 1.0),
            (" pire ", 1.0),
            (" sera ", 1.0),
            (" cependant ", 0.5),
            (" mais ", 0.5),
            (" est ", 0.3),
            (" sont ", 0.3),
            (" seulement ", 0.5),
            (" nécessaire", 1.0),
            (" impossible", 1.0),
        ],
        Lang::Zh => &[
            ("应该", 2.0),
            ("应当", 2.0),
            ("必须", 2.0),
            ("不能", 1.5),
            ("不可能", 1.5),
            ("因为", 1.5),
            ("所以", 1.5),
            ("因此", 1.5),
            ("因而", 1.5),
            ("意味着", 1.5),
            ("说明", 1.0),
            ("表明", 1.0),
            ("导致", 1.0),
            ("总是", 1.0),
            ("从不", 1.0),
            ("不仅", 1.5),
            ("而不是", 1.0),
            ("更", 0.5),
            ("将", 0.5),
            ("但是", 0.5),
            ("然而", 0.5),
            ("是", 0.3),
            ("只有", 0.5),
            ("需要", 1.0),
            ("关键", 1.0),
        ],
        Lang::En | Lang::Other => CLAIM_MARKERS,
    }
}

/// Openers whose referent lies outside the sentence, per language.
fn dangling(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ru => &[
            "он",
            "она",
            "оно",
            "они",
            "это",
            "этот",
            "эта",
            "эти",
            "его",
            "её",
            "ее",
            "их",
            "такой",
            "такая",
            "такие",
            "который",
            "которая",
            "которые",
            "там",
            "тогда",
        ],
        Lang::De => &[
            "er", "sie", "es", "dies", "diese", "dieser", "dieses", "sein", "seine", "ihr", "ihre",
            "solche", "solch", "dort", "dann", "damit", "dabei", "daher",
        ],
        Lang::Fr => &[
            "il", "elle", "ils", "elles", "ce", "cela", "ceci", "ces", "son", "sa", "ses", "leur",
            "leurs", "celui", "celle", "y", "en",
        ],
        Lang::Zh => &["他", "她", "它", "这", "那", "其", "此", "该"],
        Lang::En | Lang::Other => DANGLING,
    }
}

/// Up to `max` claims of an excerpt's sentences in Russian, German, French or Chinese
/// (English and other languages: [`claims_from_sentences`]): whole sentences of 7 to 60
/// words (Chinese: 12 to 150 characters) that argue, do not open with a pronoun whose
/// referent is elsewhere and are no dated fact, best first.
pub fn claims_in(
    sentences: &[&str],
    terms: &[String],
    text_type: TextType,
    lang: Lang,
    max: usize,
) -> Vec<String> {
    if matches!(lang, Lang::En | Lang::Other) {
        return claims_from_sentences(sentences, terms, text_type, max);
    }
    let mut scored: Vec<(f32, usize, String)> = Vec::new();
    for (i, raw) in sentences.iter().enumerate() {
        let s = strip_footnote_marks(raw);
        let s = s.trim();
        if s.chars().count() > MAX_CLAIM_CHARS
            || !ends_with_terminal(s)
            || s.ends_with(['?', '？', ':', '：', ';', '；'])
        {
            continue;
        }
        let first = s.chars().find(|c| c.is_alphanumeric());
        if !first.is_some_and(|c| c.is_uppercase() || is_cjk(c)) {
            continue;
        }
        let curly = if lang == Lang::De {
            s.matches('„').count() == s.matches('“').count()
        } else {
            s.matches('“').count() == s.matches('”').count()
        };
        let balanced = curly
            && s.matches('«').count() == s.matches('»').count()
            && s.matches('(').count() == s.matches(')').count()
            && s.matches('（').count() == s.matches('）').count()
            && s.matches('「').count() == s.matches('」').count();
        if !balanced {
            continue;
        }
        let size = if lang == Lang::Zh {
            super::text::cjk_chars(s)
        } else {
            s.split_whitespace().count()
        };
        let (low, high) = if lang == Lang::Zh { (12, 150) } else { (7, 60) };
        if !(low..=high).contains(&size) {
            continue;
        }
        let lower = s.to_lowercase();
        let opener: String = if lang == Lang::Zh {
            s.chars().take(1).collect()
        } else {
            lower
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        };
        if dangling(lang).contains(&opener.as_str()) {
            continue;
        }
        // "Some will say…" states a view the author goes on to answer.
        let others_view = match lang {
            Lang::Ru => ["кто-то", "некоторые", "многие"].contains(&opener.as_str()),
            Lang::De => ["manche", "einige", "viele", "kritiker"].contains(&opener.as_str()),
            Lang::Fr => ["certains", "d'aucuns", "d’aucuns", "beaucoup", "plusieurs"]
                .contains(&opener.as_str()),
            Lang::Zh => ["有人", "有些人", "一些人", "很多人", "许多人"]
                .iter()
                .any(|o| s.starts_with(o)),
            Lang::En | Lang::Other => false,
        };
        if others_view {
            continue;
        }
        if count_years(s) > 0
            && !markers(lang)
                .iter()
                .take(4)
                .any(|(m, _)| lower.contains(m.trim()))
        {
            continue;
        }
        let padded = format!(" {lower} ");
        let mut score: f32 = markers(lang)
            .iter()
            .filter(|(m, _)| padded.contains(m))
            .map(|(_, w)| w)
            .sum();
        score += terms
            .iter()
            .filter(|t| lower.contains(&t.to_lowercase()))
            .count() as f32
            * 0.7;
        let (good, ok) = if lang == Lang::Zh {
            (20..=70, 71..=100)
        } else {
            (10..=30, 31..=40)
        };
        score += if good.contains(&size) {
            1.0
        } else if ok.contains(&size) {
            0.0
        } else {
            -1.0
        };
        if score >= 1.5 {
            scored.push((score, i, s.to_string()));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, _, claim) in scored {
        if out.len() >= max {
            break;
        }
        if !out.contains(&claim) {
            out.push(claim);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_with_quotes_inside_reads_as_one_quotation() {
        let en = Claim::parse("They called it “the long peace”, and the name stuck.");
        assert_eq!(
            en.in_question(),
            "the author’s claim “They called it ‘the long peace’, and the name stuck”"
        );
        let zh = Claim::parse("正如一位老船长所说：“没有人看得见的账，比不公平的账更糟。”");
        let q = zh.in_question_in(Lang::Zh);
        assert_eq!(q.matches('“').count(), 1, "{q}");
        assert_eq!(q.matches('”').count(), 1, "{q}");
        assert!(q.contains("‘没有人看得见的账"), "{q}");
        let ru = Claim::parse("Он назвал это «долгим миром», и название прижилось.");
        assert_eq!(
            ru.in_question_in(Lang::Ru),
            "утверждение автора «Он назвал это „долгим миром“, и название прижилось»"
        );
        let de = Claim::parse("Sie nannten es „den langen Frieden“, und der Name blieb.");
        assert!(
            de.in_question_in(Lang::De)
                .ends_with("„Sie nannten es ‚den langen Frieden‘, und der Name blieb“")
        );
        let fr = Claim::parse("Ils l’appelaient « la longue paix », et le nom est resté.");
        assert_eq!(
            fr.in_question_in(Lang::Fr),
            "l’affirmation du texte « Ils l’appelaient “la longue paix”, et le nom est resté »"
        );
        // With the no-break spaces French typesetting puts there.
        let fr =
            Claim::parse("Ils l’appelaient «\u{a0}la longue paix\u{202f}», et le nom est resté.");
        let q = fr.in_question_in(Lang::Fr);
        assert!(q.contains("l’appelaient “la longue paix”, et"), "{q}");
    }

    #[test]
    fn whole_sentences_only() {
        assert!(is_whole_sentence(
            "However, parties should negotiate clearer commitments."
        ));
        assert!(!is_whole_sentence(
            "parties should negotiate clearer commitments."
        ));
        assert!(!is_whole_sentence("He said “we must go and then."));
        assert!(!is_whole_sentence(
            "Parties should negotiate clearer commitments"
        ));
    }

    #[test]
    fn claims_keep_connectives_and_refuse_fragments() {
        let s = [
            "However, small parties should never be blamed for the compromises of a coalition.",
            "He will not fail, therefore, to press the point at every meeting of the council.",
            "In 1848 the assembly met in the old hall for the first time since the war.",
            "The fleet carried twenty ships, three hundred archers, forty horses, and six cooks.",
        ];
        let claims = claims_from_sentences(&s, &[], TextType::Argument, 5);
        assert_eq!(claims, vec![s[0].to_string()], "{claims:?}");
    }

    #[test]
    fn dialogue_claims_name_their_speaker() {
        let s = [
            "Merchants.",
            "We say that a free market must always reward the patient trader over the bold one.",
            "Farmers.",
            "But the harvest cannot wait for your patience, and the bold alone will feed the town.",
        ];
        let claims = claims_from_sentences(&s, &[], TextType::Dialogue, 5);
        assert!(
            claims
                .iter()
                .any(|c| c.starts_with("The Merchants argue: “We say")),
            "{claims:?}"
        );
        assert!(
            claims
                .iter()
                .any(|c| c.starts_with("The Farmers argue: “But the harvest")),
            "{claims:?}"
        );
        let c = Claim::parse(&claims[0]);
        assert!(c.speaker.is_some());
        assert!(s.contains(&c.sentence.as_str()));
        assert!(
            c.in_question().starts_with("the Merchants’ claim “")
                || c.in_question().starts_with("the Farmers’ claim “")
        );
    }

    #[test]
    fn narrative_claims_are_the_speakers() {
        let s = [
            "The rain fell on the roofs of the harbour town all night long.",
            "“A town that will not mend its walls must expect the sea to come in,” said Oran.",
        ];
        let claims = claims_from_sentences(&s, &[], TextType::Narrative, 3);
        assert_eq!(
            claims,
            vec!["Oran argues: “A town that will not mend its walls must expect the sea to come in.”".to_string()]
        );
    }

    #[test]
    fn text_types_are_told_apart() {
        let dialogue = "Merchants. We trade.\n\nFarmers. We sow the fields.\n\nMerchants. We sell the grain.\n\nFarmers. We object.";
        assert_eq!(text_type(dialogue), TextType::Dialogue);
        let report =
            "In 2019 output rose 4 percent; in 2020 it fell 7 percent, according to the ministry.";
        assert_eq!(text_type(report), TextType::Report);
        let story = "She walked to the door. “Stay,” he said. She turned. “Why?” she asked. He looked away and was silent.";
        assert_eq!(text_type(story), TextType::Narrative);
        let essay = "We should doubt any law that cannot be explained, because a law must persuade as well as command.";
        assert_eq!(text_type(essay), TextType::Argument);
    }
}
