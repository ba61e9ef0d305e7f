//! Discussion questions and candidate claims for an excerpt, grounded in its own words.
//!
//! Questions come from templates (prompts/questions.toml, editable without recompiling) of
//! the kinds of Socratic questioning: clarification, evidence, assumptions, implications,
//! viewpoints and connections. Each one quotes a key term of the excerpt or restates a
//! claim it makes. Claims are the excerpt's argumentative sentences, shortened for a poll.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::keyterms::key_terms;
use super::sentences::sentences;
use super::text::{squeeze_spaces, truncate_chars};

/// The longest claim a poll can carry (Discord's limit for a poll question).
pub const MAX_CLAIM_CHARS: usize = 300;

/// The kind of a discussion question (Paul and Elder's taxonomy, plus authored ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Clarification,
    Evidence,
    Assumptions,
    Implications,
    Viewpoints,
    Connections,
    /// Written by the reading's author or the facilitator.
    Authored,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Clarification => "clarification",
            QuestionKind::Evidence => "evidence",
            QuestionKind::Assumptions => "assumptions",
            QuestionKind::Implications => "implications",
            QuestionKind::Viewpoints => "viewpoints",
            QuestionKind::Connections => "connections",
            QuestionKind::Authored => "authored",
        }
    }
}

/// What a template needs filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// `{{ term }}`: a key term of the excerpt.
    Term,
    /// `{{ term2 }}`: a second key term.
    Term2,
    /// `{{ claim }}`: a claim of the excerpt, restated ("that …").
    Claim,
    /// `{{ previous_term }}`: a key term of the previous excerpt.
    PreviousTerm,
}

/// One question template.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionTemplate {
    pub kind: QuestionKind,
    #[serde(default)]
    pub needs: Vec<Need>,
    pub text: String,
}

/// The file's shape.
#[derive(Deserialize)]
struct TemplateFile {
    #[serde(rename = "template")]
    templates: Vec<QuestionTemplate>,
}

/// The set of question templates (prompts/questions.toml), compiled once.
#[derive(Debug, Clone)]
pub struct QuestionTemplates {
    pub templates: Vec<QuestionTemplate>,
    env: minijinja::Environment<'static>,
}

/// Why a question template file was refused.
#[derive(Debug, Error)]
pub enum TemplateError {
    #[error("questions.toml is not valid: {0}")]
    Parse(String),
    #[error(
        "question template {index} ({kind}) asks a yes/no question (\"{start}…\"); start it with What, How, Why or Which"
    )]
    YesNo {
        index: usize,
        kind: &'static str,
        start: String,
    },
    #[error("question template {index} ({kind}) cannot be rendered: {message}")]
    Render {
        index: usize,
        kind: &'static str,
        message: String,
    },
    #[error("questions.toml needs templates of at least two kinds that need only a term")]
    TooFew,
}

const YES_NO_STARTS: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
    "has", "have", "had", "am", "shall", "may", "might", "must",
];

/// The word a question starts with, when it makes it a yes/no question ("Is…", "Does…").
pub fn yes_no_start(question: &str) -> Option<String> {
    let first = question.split_whitespace().next()?.to_lowercase();
    YES_NO_STARTS.contains(&first.as_str()).then_some(first)
}

impl QuestionTemplates {
    /// Parse and check templates: valid TOML, no yes/no questions, renderable.
    pub fn parse(toml_text: &str) -> Result<Self, TemplateError> {
        let file: TemplateFile =
            toml::from_str(toml_text).map_err(|e| TemplateError::Parse(e.to_string()))?;
        let mut env = minijinja::Environment::new();
        for (index, t) in file.templates.iter().enumerate() {
            if let Some(first) = yes_no_start(&t.text) {
                return Err(TemplateError::YesNo {
                    index: index + 1,
                    kind: t.kind.as_str(),
                    start: first,
                });
            }
            let ctx = Fill {
                term: "x".into(),
                term2: "y".into(),
                claim: "z".into(),
                previous_term: "w".into(),
            };
            let render_error = |e: minijinja::Error| TemplateError::Render {
                index: index + 1,
                kind: t.kind.as_str(),
                message: e.to_string(),
            };
            env.add_template_owned(format!("q{index}"), t.text.clone())
                .map_err(render_error)?;
            env.get_template(&format!("q{index}"))
                .and_then(|tpl| tpl.render(minijinja::Value::from(minijinja::value::Serde(&ctx))))
                .map_err(render_error)?;
        }
        let set = QuestionTemplates {
            templates: file.templates,
            env,
        };
        let term_only_kinds: std::collections::HashSet<QuestionKind> = set
            .templates
            .iter()
            .filter(|t| t.needs.iter().all(|n| *n == Need::Term))
            .map(|t| t.kind)
            .collect();
        if term_only_kinds.len() < 2 {
            return Err(TemplateError::TooFew);
        }
        Ok(set)
    }

    /// Render template number `index` with a fill.
    fn render(&self, index: usize, fill: &Fill) -> Option<String> {
        let tpl = self.env.get_template(&format!("q{index}")).ok()?;
        tpl.render(minijinja::Value::from(minijinja::value::Serde(fill)))
            .ok()
    }
}

#[derive(Serialize)]
struct Fill {
    term: String,
    term2: String,
    claim: String,
    previous_term: String,
}

/// A generated (or authored) question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub kind: QuestionKind,
    pub text: String,
}

/// What an excerpt offers to ask about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcerptMaterial {
    pub terms: Vec<String>,
    pub claims: Vec<String>,
}

/// Key terms and candidate claims of one excerpt.
pub fn material(text: &str) -> ExcerptMaterial {
    let terms = key_terms(text, 5);
    let claims = candidate_claims(text, &terms, 3);
    ExcerptMaterial { terms, claims }
}

/// Key terms and candidate claims of many excerpts (faster than one by one).
pub fn materials(excerpts: &[&super::segment::Excerpt]) -> Vec<ExcerptMaterial> {
    let texts: Vec<&str> = excerpts.iter().map(|e| e.text.as_str()).collect();
    super::keyterms::key_terms_batch(&texts, 5)
        .into_iter()
        .zip(excerpts)
        .map(|(terms, e)| {
            let claims = claims_from_sentences(&e.sentence_texts(), &terms, 3);
            ExcerptMaterial { terms, claims }
        })
        .collect()
}

static MARKERS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    // The patterns are fixed strings; building the automaton cannot fail.
    aho_corasick::AhoCorasick::new(CLAIM_MARKERS.iter().map(|(m, _)| *m)).unwrap_or_else(|_| {
        aho_corasick::AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| unreachable!())
    })
});

/// Generate questions for excerpt number `seq` (0-based) from its material and the previous one's.
///
/// At least two questions of different kinds; templates rotate with `seq` so consecutive
/// excerpts do not read alike.
pub fn generate(
    templates: &QuestionTemplates,
    seq: usize,
    text: &str,
    own: &ExcerptMaterial,
    previous: Option<&ExcerptMaterial>,
) -> Vec<Question> {
    let mut terms = own.terms.clone();
    if terms.is_empty() {
        terms.push(stand_in_term(text));
    }
    let fill = Fill {
        term: terms[0].clone(),
        term2: terms.get(1).cloned().unwrap_or_default(),
        // The shortest good claim reads best inside a question.
        claim: own
            .claims
            .iter()
            .find(|c| c.chars().count() <= 160)
            .or(own.claims.first())
            .map(|c| restate(c))
            .unwrap_or_default(),
        previous_term: previous
            .and_then(|p| p.terms.iter().find(|t| !terms.contains(t)).cloned())
            .unwrap_or_default(),
    };
    let available = |need: &Need| match need {
        Need::Term => !fill.term.is_empty(),
        Need::Term2 => !fill.term2.is_empty(),
        Need::Claim => !fill.claim.is_empty(),
        Need::PreviousTerm => !fill.previous_term.is_empty(),
    };
    let plan: [&[QuestionKind]; 3] = [
        &[QuestionKind::Clarification],
        match seq % 3 {
            0 => &[
                QuestionKind::Evidence,
                QuestionKind::Assumptions,
                QuestionKind::Implications,
                QuestionKind::Viewpoints,
            ],
            1 => &[
                QuestionKind::Assumptions,
                QuestionKind::Implications,
                QuestionKind::Evidence,
                QuestionKind::Viewpoints,
            ],
            _ => &[
                QuestionKind::Implications,
                QuestionKind::Evidence,
                QuestionKind::Assumptions,
                QuestionKind::Viewpoints,
            ],
        },
        &[
            QuestionKind::Connections,
            QuestionKind::Viewpoints,
            QuestionKind::Implications,
            QuestionKind::Evidence,
        ],
    ];
    let mut out: Vec<Question> = Vec::new();
    for kinds in plan {
        'kinds: for kind in kinds {
            if out.iter().any(|q| q.kind == *kind) {
                continue;
            }
            let mut usable: Vec<(usize, &QuestionTemplate)> = templates
                .templates
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == *kind && t.needs.iter().all(available))
                .collect();
            // The most specific templates first: they say more about this excerpt.
            let most = usable.iter().map(|(_, t)| t.needs.len()).max().unwrap_or(0);
            usable.retain(|(_, t)| t.needs.len() == most);
            if usable.is_empty() {
                continue;
            }
            let (index, _) = usable[seq % usable.len()];
            if let Some(text) = templates.render(index, &fill) {
                let text = squeeze_spaces(&text);
                if !text.is_empty() && !out.iter().any(|q| q.text == text) {
                    out.push(Question { kind: *kind, text });
                    break 'kinds;
                }
            }
        }
    }
    // Always two kinds at least, even with unusual templates: fall back to any term-only kind.
    if out.len() < 2 {
        for (index, t) in templates.templates.iter().enumerate() {
            if out.len() >= 2 {
                break;
            }
            if out.iter().any(|q| q.kind == t.kind) || !t.needs.iter().all(available) {
                continue;
            }
            if let Some(text) = templates.render(index, &fill) {
                out.push(Question {
                    kind: t.kind,
                    text: squeeze_spaces(&text),
                });
            }
        }
    }
    out
}

/// A tiny excerpt with no key term: its first words with letters stand in for one (or,
/// with no letters at all, the start of the text itself), so it still gets questions.
fn stand_in_term(text: &str) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(6)
        .collect();
    if words.is_empty() {
        super::text::truncate_chars(text.trim(), 40)
    } else {
        words.join(" ")
    }
}

/// "The state should act." -> "the state should act" (to follow "the claim that").
pub fn restate(claim: &str) -> String {
    let c = claim.trim().trim_end_matches(['.', '!', ';', ':']).trim();
    let mut chars = c.chars();
    match chars.next() {
        Some(first) => {
            let second = chars.clone().next();
            // Keep capitals of acronyms and proper names ("U.S.", "China").
            let keep = second.is_some_and(|s| s.is_uppercase() || s == '.') || is_proper_start(c);
            if keep {
                c.to_string()
            } else {
                first.to_lowercase().collect::<String>() + chars.as_str()
            }
        }
        None => String::new(),
    }
}

fn is_proper_start(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let word = first.trim_matches(|c: char| !c.is_alphabetic());
    // A capitalized word that is not a common sentence opener is likely a name.
    !word.is_empty()
        && word.chars().next().is_some_and(char::is_uppercase)
        && !super::keyterms::is_stop_word(&word.to_lowercase())
        && !COMMON_OPENERS.contains(&word)
}

const COMMON_OPENERS: &[&str] = &[
    "Popular",
    "Officially",
    "Such",
    "Both",
    "Neither",
    "Many",
    "Most",
    "Some",
    "Every",
    "All",
    "Critics",
    "Scholars",
    "States",
    "Power",
    "Democracy",
    "Trade",
    "Cooperation",
    "Coalitions",
    "Institutions",
    "Parties",
    "Voters",
    "Members",
    "Governments",
    "Alliances",
    "Leaders",
];

/// Words that mark an argumentative sentence.
const CLAIM_MARKERS: &[(&str, f32)] = &[
    (" should ", 2.0),
    (" must ", 2.0),
    (" ought ", 2.0),
    (" cannot ", 1.5),
    (" need to ", 1.5),
    (" needs to ", 1.5),
    (" because ", 1.5),
    (" therefore ", 1.5),
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
];

/// Leading connectives that a poll claim does not need.
const LEAD_INS: &[&str] = &[
    "however",
    "in contrast",
    "moreover",
    "furthermore",
    "lastly",
    "finally",
    "relatedly",
    "more broadly",
    "as a result",
    "thus",
    "therefore",
    "hence",
    "oftentimes",
    "indeed",
    "in short",
    "in sum",
    "in other words",
    "for the same reason",
    "still",
    "yet",
    "and",
    "but",
    "so",
    "first",
    "second",
    "third",
    "officially",
    "last but not least",
    "to make things even worse",
];

/// Up to `max` argumentative sentences of `text`, best first, each fit for a poll.
pub fn candidate_claims(text: &str, terms: &[String], max: usize) -> Vec<String> {
    claims_from_sentences(&sentences(text), terms, max)
}

/// [`candidate_claims`] from sentences already found.
pub fn claims_from_sentences(sentences: &[&str], terms: &[String], max: usize) -> Vec<String> {
    let mut scored: Vec<(f32, usize, String)> = Vec::new();
    for (i, sentence) in sentences.iter().copied().enumerate() {
        let s = strip_footnote_marks(sentence);
        let words = s.split_whitespace().count();
        if !(7..=80).contains(&words) || s.trim_end().ends_with('?') || s.starts_with('#') {
            continue;
        }
        let padded = format!(" {} ", s.to_lowercase());
        // All markers in one pass; each counts once.
        let mut found = [false; CLAIM_MARKERS.len()];
        for m in MARKERS.find_overlapping_iter(&padded) {
            if let Some(slot) = found.get_mut(m.pattern().as_usize()) {
                *slot = true;
            }
        }
        let mut score: f32 = CLAIM_MARKERS
            .iter()
            .zip(found.iter())
            .filter(|(_, hit)| **hit)
            .map(|((_, w), _)| w)
            .sum();
        let term_hits = terms
            .iter()
            .filter(|t| padded.contains(&t.to_lowercase()))
            .count();
        score += term_hits as f32 * 0.7;
        // A claim that opens with a pronoun needs context a poll does not give.
        let opener = s.split_whitespace().next().unwrap_or("").to_lowercase();
        if [
            "he", "she", "it", "they", "this", "these", "those", "we", "you", "because", "which",
            "who",
        ]
        .contains(&opener.as_str())
        {
            score -= 1.5;
        }
        // Quotes of other people's words and first-person narrative are weaker claims.
        if s.contains(" I ") || s.starts_with("I ") {
            score -= 1.0;
        }
        // Short claims make better polls and questions.
        score += match words {
            10..=30 => 1.0,
            31..=40 => 0.0,
            _ => -1.0,
        };
        if score >= 1.5 {
            scored.push((score, i, shorten_claim(&s)));
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

/// Drop lead-in connectives, capitalize, and fit within [`MAX_CLAIM_CHARS`] at a clause end.
pub fn shorten_claim(sentence: &str) -> String {
    let mut s = sentence.trim().to_string();
    loop {
        let lower = s.to_lowercase();
        let Some(lead) = LEAD_INS
            .iter()
            .find(|l| lower.starts_with(*l) && lower[l.len()..].starts_with([',', ' ']))
        else {
            break;
        };
        s = s[lead.len()..].trim_start_matches([',', ' ']).to_string();
    }
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        s = first.to_uppercase().collect::<String>() + chars.as_str();
    }
    if s.chars().count() <= MAX_CLAIM_CHARS {
        return s;
    }
    // Cut at the last clause boundary that fits, ending the claim with a full stop.
    let limit: String = s.chars().take(MAX_CLAIM_CHARS - 1).collect();
    for sep in ["; ", ", ", " — ", " – "] {
        if let Some(i) = limit.rfind(sep)
            && i > MAX_CLAIM_CHARS / 2
        {
            return format!("{}.", limit[..i].trim_end());
        }
    }
    truncate_chars(&s, MAX_CLAIM_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const DEFAULT_TEMPLATES: &str = include_str!("../../prompts/questions.toml");

    const EXCERPT: &str = "Coalition governments are often described as an “uneasy bargain”. \
        Critics argue that small parties extract concessions far beyond their weight. \
        However, the evidence suggests that junior partners lose votes at the next election because \
        voters blame them for compromises. Parties should therefore negotiate fewer but clearer commitments.";

    #[test]
    fn default_templates_are_valid() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        assert!(set.templates.len() >= 12);
    }

    #[test]
    fn questions_mix_kinds_and_quote_the_excerpt() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let m = material(EXCERPT);
        assert_eq!(m.terms[0], "uneasy bargain");
        assert!(!m.claims.is_empty());
        for seq in 0..6 {
            let qs = generate(&set, seq, EXCERPT, &m, None);
            assert!(qs.len() >= 2, "{qs:?}");
            let kinds: std::collections::HashSet<_> = qs.iter().map(|q| q.kind).collect();
            assert_eq!(kinds.len(), qs.len(), "kinds repeat: {qs:?}");
            for q in &qs {
                let grounded = m.terms.iter().any(|t| q.text.contains(t.as_str()))
                    || m.claims.iter().any(|c| q.text.contains(&restate(c)));
                assert!(grounded, "not grounded: {}", q.text);
                assert_eq!(yes_no_start(&q.text), None, "yes/no: {}", q.text);
            }
        }
    }

    #[test]
    fn connection_question_uses_previous_excerpt() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let prev = ExcerptMaterial {
            terms: vec!["veto players".into()],
            claims: vec![],
        };
        let m = material(EXCERPT);
        let qs = generate(&set, 1, EXCERPT, &m, Some(&prev));
        assert!(
            qs.iter()
                .any(|q| q.kind == QuestionKind::Connections && q.text.contains("veto players")),
            "{qs:?}"
        );
    }

    #[test]
    fn claims_fit_a_poll() {
        let m = material(EXCERPT);
        assert!(
            m.claims.iter().any(|c| c.starts_with("Parties should")),
            "{:?}",
            m.claims
        );
        assert!(
            m.claims
                .iter()
                .any(|c| c.starts_with("The evidence suggests")),
            "{:?}",
            m.claims
        );
        let long = format!(
            "States must act, {}, and then they will.",
            vec!["because of many reasons"; 30].join(", ")
        );
        let c = shorten_claim(&long);
        assert!(c.chars().count() <= MAX_CLAIM_CHARS, "{}", c.len());
        assert!(c.ends_with('.'));
    }

    #[test]
    fn tiny_excerpts_still_get_two_questions() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        for text in [".\n\n?w?", "...", "?", "Ok."] {
            let m = material(text);
            let qs = generate(&set, 0, text, &m, None);
            assert!(qs.len() >= 2, "{text:?}: {qs:?}");
        }
    }

    #[test]
    fn yes_no_templates_are_refused() {
        let bad = "[[template]]\nkind = \"clarification\"\nneeds = [\"term\"]\ntext = \"Is {{ term }} clear?\"\n";
        assert!(matches!(
            QuestionTemplates::parse(bad),
            Err(TemplateError::YesNo { .. })
        ));
        assert!(matches!(
            QuestionTemplates::parse("not toml ["),
            Err(TemplateError::Parse(_))
        ));
    }
}
