//! Discussion questions and candidate claims for an excerpt, grounded in its own words.
//!
//! Questions come from templates (prompts/questions.toml, editable without recompiling) of
//! the kinds of Socratic questioning: clarification, evidence, assumptions, implications,
//! viewpoints and connections. Each one quotes a key term of the excerpt or restates a
//! claim it makes. Claims are the excerpt's argumentative sentences, shortened for a poll.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::claims::{Claim, claims_from_sentences};
pub use super::claims::{MAX_CLAIM_CHARS, TextType};
use super::keyterms::key_terms;
use super::language::Lang;
use super::sentences::sentences;
use super::text::squeeze_spaces;

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
    /// `{{ claim }}`: a claim of the excerpt as a noun phrase quoting it whole
    /// (the author’s claim “…”, the Athenians’ claim “…”).
    Claim,
    /// `{{ previous_term }}`: a key term of the previous excerpt that this one shares.
    PreviousTerm,
    /// `{{ speaker }}`: who makes the claim ("the author", "the Athenians").
    Speaker,
}

/// One question template.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionTemplate {
    pub kind: QuestionKind,
    #[serde(default)]
    pub needs: Vec<Need>,
    pub text: String,
    /// The kinds of text it fits (all when empty).
    #[serde(default)]
    pub types: Vec<TextType>,
    /// It asks about the present day ("news this week"): only for texts of our time.
    #[serde(default)]
    pub present_day: bool,
}

/// The file's shape.
#[derive(Deserialize)]
struct TemplateFile {
    #[serde(rename = "template")]
    templates: Vec<QuestionTemplate>,
}

/// The set of question templates (prompts/questions.toml), compiled once, with those of
/// the other reading languages (prompts/questions.<lang>.toml) that were loaded beside it.
#[derive(Debug, Clone)]
pub struct QuestionTemplates {
    pub templates: Vec<QuestionTemplate>,
    env: minijinja::Environment<'static>,
    lang: Lang,
    others: std::collections::HashMap<Lang, QuestionTemplates>,
}

/// The built-in templates of each reading language.
const BUILTIN: [(Lang, &str); 4] = [
    (Lang::Ru, include_str!("../../prompts/questions.ru.toml")),
    (Lang::Zh, include_str!("../../prompts/questions.zh.toml")),
    (Lang::De, include_str!("../../prompts/questions.de.toml")),
    (Lang::Fr, include_str!("../../prompts/questions.fr.toml")),
];

/// The built-in templates of `lang`, parsed once (None for English, which every set has).
fn builtin(lang: Lang) -> Option<&'static QuestionTemplates> {
    static PARSED: std::sync::LazyLock<std::collections::HashMap<Lang, QuestionTemplates>> =
        std::sync::LazyLock::new(|| {
            BUILTIN
                .iter()
                // Checked by the tests: a broken built-in file falls back to English.
                .filter_map(|(l, text)| QuestionTemplates::parse_in(text, *l).ok().map(|t| (*l, t)))
                .collect()
        });
    PARSED.get(&lang)
}

/// Why a question template file was refused.
#[derive(Debug, Error)]
pub enum TemplateError {
    #[error("questions.toml is not valid: {0}")]
    Parse(String),
    #[error("question template {index} ({kind}) asks a yes/no question (\"{start}…\"); {hint}")]
    YesNo {
        index: usize,
        kind: &'static str,
        start: String,
        hint: &'static str,
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

/// German finite verbs that open a yes/no question ("Ist…", "Überzeugt…", "Gibt es…").
const DE_VERB_FIRST: &[&str] = &[
    "ist",
    "sind",
    "war",
    "waren",
    "bin",
    "bist",
    "seid",
    "wäre",
    "wären",
    "hat",
    "haben",
    "hatte",
    "hatten",
    "hätte",
    "hätten",
    "wird",
    "werden",
    "wurde",
    "wurden",
    "würde",
    "würden",
    "kann",
    "können",
    "konnte",
    "konnten",
    "könnte",
    "könnten",
    "muss",
    "müssen",
    "musste",
    "müsste",
    "soll",
    "sollen",
    "sollte",
    "sollten",
    "darf",
    "dürfen",
    "dürfte",
    "will",
    "wollen",
    "wollte",
    "mag",
    "mögen",
    "möchte",
    "gibt",
    "gab",
    "stimmt",
    "trifft",
    "teilen",
    "teilt",
    "glauben",
    "glaubt",
    "glaubst",
    "sehen",
    "seht",
    "siehst",
    "findet",
    "finden",
    "findest",
    "hält",
    "halten",
    "überzeugt",
    "überzeugen",
    "lässt",
    "lassen",
    "geht",
    "gehen",
    "bleibt",
    "bleiben",
    "reicht",
    "reichen",
    "stimmen",
    "spielt",
    "folgt",
    "meint",
    "meinen",
    "denkt",
    "denken",
    "weiß",
    "wissen",
    "kennt",
    "kennen",
    "braucht",
    "brauchen",
    "verdient",
    "rechtfertigt",
    "beweist",
    "zeigt",
    "erklärt",
];
/// German question words: a question opening with one (or a preposition and one) is open.
const DE_W_WORDS: &[&str] = &[
    "was",
    "wie",
    "warum",
    "wieso",
    "weshalb",
    "weswegen",
    "wer",
    "wen",
    "wem",
    "wessen",
    "wo",
    "wann",
    "wohin",
    "woher",
    "welche",
    "welcher",
    "welches",
    "welchen",
    "welchem",
    "inwiefern",
    "inwieweit",
    "woran",
    "worauf",
    "wodurch",
    "wozu",
    "womit",
    "worin",
    "worüber",
    "wofür",
    "wovon",
    "wogegen",
];
/// Russian question words; a question with "ли" or opening with "Разве"/"Неужели" is
/// yes/no whatever its first word.
const RU_YES_NO_OPENERS: &[&str] = &["разве", "неужели", "верно", "правда", "так"];

/// Why a question in `lang` can be answered with yes or no, if it can: the words that make
/// it so ("Is", "ли", "吗", "Est-ce que", a German or French verb before its subject).
pub fn yes_no_in(question: &str, lang: Lang) -> Option<String> {
    let q = question.trim();
    let words: Vec<String> = q
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '?' | '!' | '«' | '»' | '„' | '“' | '”' | '"')
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let first = words.first().cloned().unwrap_or_default();
    match lang {
        Lang::En | Lang::Other => yes_no_start(q),
        Lang::Ru => {
            if words.iter().any(|w| w == "ли" || w == "ль") {
                Some("ли".to_string())
            } else if RU_YES_NO_OPENERS.contains(&first.as_str()) && words.len() > 1 {
                Some(first)
            } else {
                None
            }
        }
        Lang::Zh => {
            let core = q.trim_end_matches(['？', '?', ' ', '”', '」']);
            for marker in [
                "是否",
                "是不是",
                "有没有",
                "能不能",
                "会不会",
                "对不对",
                "要不要",
                "可不可以",
                "是吗",
                "好不好",
                "算不算",
            ] {
                if q.contains(marker) {
                    return Some(marker.to_string());
                }
            }
            (core.ends_with('吗')
                || core.ends_with('么') && !core.ends_with("什么") && !core.ends_with("怎么"))
            .then(|| "吗".to_string())
        }
        Lang::De => {
            if DE_W_WORDS.contains(&first.as_str()) {
                return None;
            }
            // "Aus welchen Gründen", "In welchem Sinn": a preposition before a W-word.
            if words
                .get(1)
                .is_some_and(|w| DE_W_WORDS.contains(&w.as_str()))
            {
                return None;
            }
            DE_VERB_FIRST.contains(&first.as_str()).then_some(first)
        }
        Lang::Fr => {
            let lower = q.to_lowercase().replace('’', "'");
            if lower.starts_with("est-ce que") || lower.starts_with("est-ce qu'") {
                return Some("est-ce que".to_string());
            }
            if lower.starts_with("y a-t-il") || lower.starts_with("n'y a-t-il") {
                return Some("y a-t-il".to_string());
            }
            // Inversion at the start: "Faut-il", "Peut-on", "A-t-il", "Les auteurs ont-ils"
            // would need a parser; the first word carrying the pronoun is the usual case.
            const PRONOUNS: &[&str] = &[
                "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "ce",
            ];
            let inverted = first
                .rsplit_once('-')
                .is_some_and(|(verb, p)| PRONOUNS.contains(&p) && !verb.is_empty());
            let open_word = [
                "que", "qu'", "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "où",
                "quand", "qui", "combien", "dans", "en", "sur", "à", "de", "pour", "selon", "par",
                "avec",
            ]
            .iter()
            .any(|w| first == *w || first.starts_with("qu'"));
            (inverted && !open_word).then_some(first)
        }
    }
}

/// The words open questions start with, in `lang`.
fn open_words(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Что, Как, Почему, Какой",
        Lang::Zh => "什么, 如何, 为什么, 哪",
        Lang::De => "Was, Wie, Warum, Welche",
        Lang::Fr => "Que, Comment, Pourquoi, Quel",
        Lang::En | Lang::Other => "What, How, Why, Which",
    }
}

/// What to start an open question with, in `lang` (for the refusal of a template).
fn open_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "start it with Что, Как, Почему, Какой or В чём, and leave out «ли»",
        Lang::Zh => "ask with 什么, 如何, 为什么 or 哪, without 吗 or 是否",
        Lang::De => "start it with Was, Wie, Warum or Welche, not with a verb",
        Lang::Fr => {
            "start it with Que, Comment, Pourquoi or Quel, without est-ce que or an inverted verb"
        }
        Lang::En | Lang::Other => "start it with What, How, Why or Which",
    }
}

impl QuestionTemplates {
    /// Parse and check English templates: valid TOML, no yes/no questions, renderable.
    pub fn parse(toml_text: &str) -> Result<Self, TemplateError> {
        Self::parse_in(toml_text, Lang::En)
    }

    /// Parse and check templates written in `lang` (its own yes/no rules).
    pub fn parse_in(toml_text: &str, lang: Lang) -> Result<Self, TemplateError> {
        let file: TemplateFile =
            toml::from_str(toml_text).map_err(|e| TemplateError::Parse(e.to_string()))?;
        let mut env = minijinja::Environment::new();
        for (index, t) in file.templates.iter().enumerate() {
            if let Some(first) = yes_no_in(&t.text, lang) {
                return Err(TemplateError::YesNo {
                    index: index + 1,
                    kind: t.kind.as_str(),
                    start: first,
                    hint: open_hint(lang),
                });
            }
            let ctx = Fill {
                term: "x".into(),
                term2: "y".into(),
                claim: "z".into(),
                previous_term: "w".into(),
                speaker: "v".into(),
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
            lang,
            others: Default::default(),
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

    /// Use `set` for readings in `lang` (instead of the built-in templates).
    pub fn set_language(&mut self, lang: Lang, set: QuestionTemplates) {
        self.others.insert(lang, set);
    }

    /// The templates for a reading in `lang`: those loaded for it, else the built-in ones;
    /// English (and the generic rules) use this set itself.
    pub fn for_lang(&self, lang: Lang) -> &QuestionTemplates {
        if lang == self.lang || matches!(lang, Lang::En | Lang::Other) {
            return self;
        }
        self.others
            .get(&lang)
            .or_else(|| builtin(lang))
            .unwrap_or(self)
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
    speaker: String,
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

/// Key terms and candidate claims of one excerpt (read as an argument unless it is plainly
/// another kind of text).
pub fn material(text: &str) -> ExcerptMaterial {
    let terms = key_terms(text, 5);
    let claims = claims_from_sentences(&sentences(text), &terms, super::claims::text_type(text), 3);
    ExcerptMaterial { terms, claims }
}

/// Key terms and candidate claims of a reading's excerpts, key terms ranked against them
/// all; `text_type` and `lang` are the reading's.
pub fn materials(
    excerpts: &[&super::segment::Excerpt],
    text_type: TextType,
    lang: Lang,
) -> Vec<ExcerptMaterial> {
    let texts: Vec<&str> = excerpts.iter().map(|e| e.text.as_str()).collect();
    if lang != Lang::En {
        return super::keyterms::key_terms_batch_in(&texts, 5, lang)
            .into_iter()
            .zip(excerpts)
            .map(|(terms, e)| {
                let claims =
                    super::claims::claims_in(&e.sentence_texts(), &terms, text_type, lang, 3);
                ExcerptMaterial { terms, claims }
            })
            .collect();
    }
    // A speech may run on from one excerpt into the next.
    let mut speaker: Option<String> = None;
    let mut previous_last_block: Option<usize> = None;
    super::keyterms::key_terms_batch(&texts, 5)
        .into_iter()
        .zip(excerpts)
        .map(|(terms, e)| {
            // Only an excerpt that begins inside the previous one's last paragraph continues
            // its speech.
            let first_block = e.last_block.saturating_sub(e.text.matches("\n\n").count());
            if previous_last_block != Some(first_block) {
                speaker = None;
            }
            previous_last_block = Some(e.last_block);
            let sentences = e.sentence_texts();
            // A sentence opens a paragraph when a blank line comes before it.
            let mut at = 0usize;
            let new_paragraph: Vec<bool> = sentences
                .iter()
                .map(|s| {
                    let start = e.text[at..].find(*s).map_or(at, |k| at + k);
                    let opens = e.text[at..start].contains("\n\n");
                    at = start + s.len();
                    opens
                })
                .collect();
            let claims = super::claims::claims_continuing(
                &sentences,
                &new_paragraph,
                &terms,
                text_type,
                3,
                &mut speaker,
            );
            ExcerptMaterial { terms, claims }
        })
        .collect()
}

/// What the questions of a reading have used so far, so that no shape comes twice in a row
/// and no question twice in the reading.
#[derive(Debug, Clone)]
pub struct Rotation {
    pub text_type: TextType,
    /// The reading's language (its key phrases and how a claim is quoted).
    pub lang: Lang,
    /// The reading names a year of our time: present-day questions may fit.
    pub contemporary: bool,
    /// Template indices used for the previous excerpt.
    last: Vec<usize>,
    /// How often each template was used.
    uses: std::collections::HashMap<usize, usize>,
    /// Every question asked in the reading.
    asked: std::collections::HashSet<String>,
}

impl Rotation {
    pub fn new(text_type: TextType, contemporary: bool) -> Self {
        Rotation {
            text_type,
            lang: Lang::En,
            contemporary,
            last: Vec::new(),
            uses: Default::default(),
            asked: Default::default(),
        }
    }

    /// A rotation for the reading made of these texts (its type and era detected).
    pub fn for_reading(texts: &[&str]) -> Self {
        Self::for_reading_in(texts, Lang::En)
    }

    /// A rotation for a reading in `lang`: the kind of text is told by English signs, so
    /// readings in other languages are read as arguments.
    pub fn for_reading_in(texts: &[&str], lang: Lang) -> Self {
        let all = texts.join("\n\n");
        let text_type = match lang {
            Lang::En => super::claims::text_type(&all),
            _ => TextType::Argument,
        };
        Rotation {
            lang,
            ..Rotation::new(text_type, super::claims::is_contemporary(&all))
        }
    }
}

/// The kinds to ask, slot by slot, for a kind of text; slot two turns with the excerpt.
fn plan(text_type: TextType, seq: usize) -> [Vec<QuestionKind>; 3] {
    use QuestionKind::*;
    let turn = |mut v: Vec<QuestionKind>| {
        let n = v.len();
        v.rotate_left(seq % n);
        v
    };
    match text_type {
        TextType::Argument => [
            turn(vec![Clarification, Assumptions]),
            turn(vec![Evidence, Implications, Viewpoints, Assumptions]),
            vec![Connections, Viewpoints, Implications, Evidence],
        ],
        TextType::Dialogue => [
            turn(vec![Viewpoints, Clarification]),
            turn(vec![Assumptions, Evidence, Implications]),
            vec![Connections, Implications, Viewpoints, Evidence],
        ],
        TextType::Narrative => [
            turn(vec![Clarification, Viewpoints]),
            turn(vec![Implications, Assumptions, Viewpoints]),
            vec![Connections, Evidence, Implications, Viewpoints],
        ],
        TextType::Report => [
            turn(vec![Clarification, Evidence]),
            turn(vec![Evidence, Implications, Assumptions]),
            vec![Connections, Viewpoints, Implications, Assumptions],
        ],
    }
}

/// Generate questions for excerpt number `seq` (0-based) from its material and the previous one's.
///
/// Two or three questions of different kinds, fitted to the reading's type; a shape used for
/// the previous excerpt is not used again, nor is any question already asked in the reading;
/// the least used shapes come first. "Connections" only when the previous excerpt shares a
/// concept with this one.
pub fn generate(
    templates: &QuestionTemplates,
    seq: usize,
    text: &str,
    own: &ExcerptMaterial,
    previous: Option<&ExcerptMaterial>,
    rotation: &mut Rotation,
) -> Vec<Question> {
    let terms = &own.terms;
    let lang = rotation.lang;
    // Shorter claims read best inside a question; each claim is asked about once.
    let mut claims: Vec<Claim> = own.claims.iter().map(|c| Claim::parse(c)).collect();
    claims.sort_by_key(|c| c.sentence.chars().count());
    let claim = claims.first().cloned();
    let own_keys: std::collections::HashSet<String> = super::lang_terms::phrases_in(text, lang)
        .into_iter()
        .map(|p| p.key)
        .collect();
    let shared = previous
        .and_then(|p| {
            p.terms
                .iter()
                .find(|t| own_keys.contains(&super::lang_terms::key_of_in(t, lang)))
        })
        .cloned()
        .unwrap_or_default();
    let mut fill = Fill {
        term: terms.first().cloned().unwrap_or_default(),
        term2: terms.get(1).cloned().unwrap_or_default(),
        claim: claim
            .as_ref()
            .map(|c| c.in_question_in(lang))
            .unwrap_or_default(),
        previous_term: shared,
        speaker: claim
            .as_ref()
            .map(|c| {
                c.speaker
                    .as_deref()
                    .map(super::claims::who_phrase)
                    .unwrap_or_else(|| "the author".to_string())
            })
            .unwrap_or_default(),
    };
    let available = |fill: &Fill, need: &Need| match need {
        Need::Term => !fill.term.is_empty(),
        Need::Term2 => !fill.term2.is_empty(),
        Need::Claim => !fill.claim.is_empty(),
        Need::PreviousTerm => !fill.previous_term.is_empty(),
        Need::Speaker => !fill.speaker.is_empty(),
    };
    let (text_type, contemporary) = (rotation.text_type, rotation.contemporary);
    let fits = |fill: &Fill, t: &QuestionTemplate| {
        (t.types.is_empty() || t.types.contains(&text_type))
            && (!t.present_day || contemporary)
            && t.needs.iter().all(|n| available(fill, n))
    };
    let mut out: Vec<Question> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut progress = Progress::default();
    let try_kind = |kind: QuestionKind,
                    fill: &Fill,
                    out: &mut Vec<Question>,
                    used: &mut Vec<usize>,
                    rotation: &mut Rotation,
                    fresh_only: bool| {
        let mut usable: Vec<(usize, &QuestionTemplate)> = templates
            .templates
            .iter()
            .enumerate()
            .filter(|(i, t)| t.kind == kind && fits(fill, t) && !used.contains(i))
            .filter(|(i, _)| !fresh_only || !rotation.last.contains(i))
            .collect();
        // Least used first; then the more specific; then turning with the excerpt.
        let n = usable.len().max(1);
        usable.sort_by_key(|(i, t)| {
            (
                rotation.uses.get(i).copied().unwrap_or(0),
                std::cmp::Reverse(t.needs.len()),
                (i + n - seq % n) % n,
            )
        });
        for (index, _) in usable {
            let Some(text) = templates.render(index, fill) else {
                continue;
            };
            let text = squeeze_spaces(&text);
            if text.is_empty() || rotation.asked.contains(&text) {
                continue;
            }
            rotation.asked.insert(text.clone());
            *rotation.uses.entry(index).or_insert(0) += 1;
            used.push(index);
            out.push(Question { kind, text });
            return true;
        }
        false
    };
    for kinds in plan(rotation.text_type, seq) {
        for kind in kinds {
            if out.iter().any(|q| q.kind == kind) {
                continue;
            }
            if try_kind(kind, &fill, &mut out, &mut used, rotation, true) {
                progress.move_on(&mut fill, templates, &used, &claims, terms, lang);
                break;
            }
        }
    }
    // Always two questions at least: any fitting kind, then shapes used just before.
    for fresh_only in [true, false] {
        for kind in ALL_KINDS {
            if out.len() >= 2 {
                break;
            }
            if !out.iter().any(|q| q.kind == kind)
                && try_kind(kind, &fill, &mut out, &mut used, rotation, fresh_only)
            {
                progress.move_on(&mut fill, templates, &used, &claims, terms, lang);
            }
        }
    }
    rotation.last = used;
    out
}

/// How far an excerpt's questions have got through its claims and its key terms.
#[derive(Default)]
struct Progress {
    claim: usize,
    term: usize,
}

impl Progress {
    /// After a question, the next one rests on what it did not use: the next claim (or
    /// none) after one that quoted a claim, the next key terms after one that quoted terms.
    fn move_on(
        &mut self,
        fill: &mut Fill,
        templates: &QuestionTemplates,
        used: &[usize],
        claims: &[Claim],
        terms: &[String],
        lang: Lang,
    ) {
        let Some(asked) = used.last().and_then(|i| templates.templates.get(*i)) else {
            return;
        };
        if asked.needs.contains(&Need::Claim) {
            self.claim += 1;
            fill.claim = claims
                .get(self.claim)
                .map(|c| c.in_question_in(lang))
                .unwrap_or_default();
        }
        let took = asked
            .needs
            .iter()
            .filter(|n| matches!(n, Need::Term | Need::Term2))
            .count();
        if took > 0 && !terms.is_empty() {
            self.next_terms(fill, terms, took);
        }
    }

    /// Moves past the `took` terms just quoted to the excerpt's next phrases or names.
    /// Only those are moved on to (a lone common word, low in the ranking, is often a
    /// stray: "winter", "invade"); when none is left, the questions go back to the first.
    fn next_terms(&mut self, fill: &mut Fill, terms: &[String], took: usize) {
        // A phrase, a name, or a Chinese word (written without spaces or capitals).
        let strong = |i: &usize| {
            let t = &terms[*i];
            t.contains(' ')
                || t.chars().next().is_some_and(char::is_uppercase)
                || (t.chars().count() >= 2 && t.chars().all(super::sentences::is_cjk))
        };
        self.term = (self.term + took..terms.len()).find(strong).unwrap_or(0);
        fill.term = terms[self.term].clone();
        fill.term2 = (self.term + 1..terms.len())
            .find(strong)
            .map(|i| terms[i].clone())
            .unwrap_or_default();
    }
}

const ALL_KINDS: [QuestionKind; 6] = [
    QuestionKind::Clarification,
    QuestionKind::Viewpoints,
    QuestionKind::Implications,
    QuestionKind::Evidence,
    QuestionKind::Assumptions,
    QuestionKind::Connections,
];

/// Authored (`Q:`) questions that a yes/no word opens, as warnings for the importer.
pub fn yes_no_warnings(questions: &[String]) -> Vec<String> {
    yes_no_notices_in(questions, Lang::En)
        .iter()
        .map(|n| n.message(crate::i18n::Locale::En))
        .collect()
}

/// Authored questions of a reading in `lang` that can be answered yes or no, as notices.
pub fn yes_no_notices_in(
    questions: &[String],
    lang: Lang,
) -> Vec<crate::domain::language::ImportNotice> {
    questions
        .iter()
        .filter_map(|q| {
            yes_no_in(q, lang).map(|w| crate::domain::language::ImportNotice::YesNo {
                question: q.clone(),
                word: w,
                open: open_words(lang).to_string(),
            })
        })
        .collect()
}

/// "The state should act." -> "the state should act" (to follow "the claim that"); an
/// attributed claim gives its sentence.
pub fn restate(claim: &str) -> String {
    let parsed = Claim::parse(claim);
    let c = parsed
        .sentence
        .trim()
        .trim_end_matches(['.', '!', ';', ':'])
        .trim();
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

#[cfg(test)]
mod tests {
    use super::*;

    pub const DEFAULT_TEMPLATES: &str = include_str!("../../prompts/questions.toml");

    const EXCERPT: &str = "Coalition governments are often described as an “uneasy bargain”. \
        Critics argue that small parties extract concessions far beyond their weight. \
        However, the evidence suggests that junior partners lose votes at the next election because \
        voters blame them for compromises. Parties should therefore negotiate fewer but clearer commitments.";

    #[test]
    fn every_language_has_valid_templates_of_six_kinds() {
        for (lang, text) in BUILTIN {
            let set = match QuestionTemplates::parse_in(text, lang) {
                Ok(set) => set,
                Err(e) => panic!("{lang:?}: {e}"),
            };
            for kind in ALL_KINDS {
                let n = set.templates.iter().filter(|t| t.kind == kind).count();
                assert!(n >= 4, "{lang:?} {kind:?}: {n}");
            }
            assert!(builtin(lang).is_some());
        }
    }

    #[test]
    fn yes_no_questions_are_told_in_each_language() {
        let yes_no = [
            (Lang::Ru, "Является ли баланс сил главной причиной?"),
            (Lang::Ru, "Разве автор прав?"),
            (Lang::Zh, "作者的观点正确吗？"),
            (Lang::Zh, "这个论证是否成立？"),
            (Lang::Zh, "港口是不是应该收费？"),
            (Lang::De, "Ist die These überzeugend?"),
            (Lang::De, "Überzeugt die Argumentation des Textes?"),
            (Lang::Fr, "Est-ce que l’auteur a raison ?"),
            (Lang::Fr, "Faut-il un registre public ?"),
            (Lang::Fr, "Peut-on faire confiance au port ?"),
        ];
        for (lang, q) in yes_no {
            assert!(yes_no_in(q, lang).is_some(), "{lang:?}: {q}");
        }
        let open = [
            (Lang::Ru, "Что автор понимает под «балансом сил»?"),
            (Lang::Ru, "Почему город должен платить за маяк?"),
            (Lang::Zh, "作者所说的“公共财政”指的是什么？"),
            (Lang::Zh, "为什么要公开账簿？"),
            (Lang::De, "Was meint der Text mit „Gerechtigkeit“?"),
            (Lang::De, "Aus welchen Gründen sollte der Rat zahlen?"),
            (Lang::Fr, "Qu’est-ce qui appuie cette affirmation ?"),
            (Lang::Fr, "Pourquoi faut-il un registre public ?"),
            (Lang::Fr, "Comment expliqueriez-vous ce terme ?"),
        ];
        for (lang, q) in open {
            assert_eq!(yes_no_in(q, lang), None, "{lang:?}: {q}");
        }
        let bad = "[[template]]\nkind = \"clarification\"\nneeds = [\"term\"]\ntext = \"Верно ли понятие «{{ term }}»?\"\n";
        assert!(matches!(
            QuestionTemplates::parse_in(bad, Lang::Ru),
            Err(TemplateError::YesNo { .. })
        ));
    }

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
        let mut rotation = Rotation::new(TextType::Argument, false);
        for seq in 0..6 {
            let qs = generate(&set, seq, EXCERPT, &m, None, &mut rotation);
            assert!(qs.len() >= 2, "{qs:?}");
            let kinds: std::collections::HashSet<_> = qs.iter().map(|q| q.kind).collect();
            assert_eq!(kinds.len(), qs.len(), "kinds repeat: {qs:?}");
            for q in &qs {
                let grounded = m.terms.iter().any(|t| q.text.contains(t.as_str()))
                    || m.claims
                        .iter()
                        .any(|c| q.text.contains(&Claim::parse(c).in_question()))
                    || q.kind != QuestionKind::Connections;
                assert!(grounded, "not grounded: {}", q.text);
                assert_eq!(yes_no_start(&q.text), None, "yes/no: {}", q.text);
            }
        }
    }

    #[test]
    fn connection_question_uses_previous_excerpt() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let m = material(EXCERPT);
        // The previous excerpt shares "junior partners": a connection is asked.
        let prev = ExcerptMaterial {
            terms: vec!["junior partner".into()],
            claims: vec![],
        };
        let mut rotation = Rotation::new(TextType::Argument, false);
        let qs = generate(&set, 1, EXCERPT, &m, Some(&prev), &mut rotation);
        assert!(
            qs.iter()
                .any(|q| q.kind == QuestionKind::Connections && q.text.contains("junior partner")),
            "{qs:?}"
        );
        // One that shares nothing: no connection.
        let other = ExcerptMaterial {
            terms: vec!["veto players".into()],
            claims: vec![],
        };
        let mut rotation = Rotation::new(TextType::Argument, false);
        let qs = generate(&set, 1, EXCERPT, &m, Some(&other), &mut rotation);
        assert!(
            !qs.iter().any(|q| q.kind == QuestionKind::Connections),
            "{qs:?}"
        );
    }

    #[test]
    fn claims_are_whole_sentences_that_fit_a_poll() {
        let m = material(EXCERPT);
        assert!(
            m.claims
                .iter()
                .any(|c| c.starts_with("Parties should therefore")),
            "{:?}",
            m.claims
        );
        // The contrast is kept.
        assert!(
            m.claims
                .iter()
                .any(|c| c.starts_with("However, the evidence suggests")),
            "{:?}",
            m.claims
        );
        for c in &m.claims {
            assert!(EXCERPT.contains(c.as_str()), "{c}");
            assert!(c.chars().count() <= MAX_CLAIM_CHARS);
        }
    }

    #[test]
    fn no_shape_twice_in_a_row_and_no_question_twice_in_a_reading() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let m = material(EXCERPT);
        for text_type in [
            TextType::Argument,
            TextType::Dialogue,
            TextType::Narrative,
            TextType::Report,
        ] {
            let mut rotation = Rotation::new(text_type, false);
            let mut previous: Vec<String> = Vec::new();
            let mut asked = std::collections::HashSet::new();
            for seq in 0..8 {
                let qs = generate(&set, seq, EXCERPT, &m, Some(&m), &mut rotation);
                assert!(qs.len() >= 2, "{text_type:?} {seq}: {qs:?}");
                for q in &qs {
                    assert!(asked.insert(q.text.clone()), "asked twice: {}", q.text);
                    let shape = shape_of(&set, &q.text);
                    assert!(
                        !previous.contains(&shape),
                        "shape twice in a row: {}",
                        q.text
                    );
                }
                previous = qs.iter().map(|q| shape_of(&set, &q.text)).collect();
            }
        }
    }

    /// The template a question came from: its text before the first filled-in part.
    fn shape_of(set: &QuestionTemplates, question: &str) -> String {
        set.templates
            .iter()
            .map(|t| t.text.split("{{").next().unwrap_or("").to_string())
            .filter(|head| question.starts_with(head.as_str()))
            .max_by_key(|h| h.len())
            .unwrap_or_default()
    }

    #[test]
    fn present_day_questions_only_for_texts_of_our_time() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let m = material(EXCERPT);
        let mut rotation = Rotation::new(TextType::Argument, false);
        for seq in 0..12 {
            for q in generate(&set, seq, EXCERPT, &m, Some(&m), &mut rotation) {
                assert!(!q.text.contains("news"), "{}", q.text);
            }
        }
    }

    #[test]
    fn yes_no_authored_questions_get_a_warning() {
        let w = yes_no_warnings(&[
            "Is liberty a good?".into(),
            "Why does liberty matter?".into(),
        ]);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("yes or no"));
    }

    #[test]
    fn default_templates_have_six_kinds_of_four_shapes() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        for kind in ALL_KINDS {
            let n = set.templates.iter().filter(|t| t.kind == kind).count();
            assert!(n >= 4, "{kind:?}: {n}");
        }
    }

    #[test]
    fn an_excerpts_questions_rest_on_different_terms() {
        // A story with no claim to quote: every question rests on key terms, and each key
        // term is the ground of one question at most, for every text type and rotation.
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        let text = "The harbour guild met the river wardens at the salt market.";
        let m = ExcerptMaterial {
            terms: [
                "harbour guild",
                "river wardens",
                "salt market",
                "grain ships",
                "toll gate",
            ]
            .map(String::from)
            .to_vec(),
            claims: vec![],
        };
        // Lone common words low in the ranking are not moved on to.
        let mut with_strays = m.clone();
        with_strays.terms.truncate(2);
        with_strays
            .terms
            .extend(["winter", "invade"].map(String::from));
        let mut rotation = Rotation::new(TextType::Narrative, false);
        for seq in 0..6 {
            let qs = generate(&set, seq, text, &with_strays, None, &mut rotation);
            assert!(qs.len() >= 2, "{qs:?}");
            let stray = |q: &Question| q.text.contains("winter") || q.text.contains("invade");
            assert!(!qs.iter().any(stray), "{seq}: {qs:#?}");
        }
        // Chinese terms have no spaces or capitals, and move on all the same.
        let zh = QuestionTemplates::parse(DEFAULT_TEMPLATES)
            .unwrap()
            .for_lang(Lang::Zh)
            .clone();
        let zh_text = "港口公会和河道守卫在盐市见面。";
        let zh_m = ExcerptMaterial {
            terms: ["港口公会", "河道守卫", "盐市", "粮船", "关卡"]
                .map(String::from)
                .to_vec(),
            claims: vec![],
        };
        let mut rotation = Rotation::new(TextType::Argument, false);
        rotation.lang = Lang::Zh;
        for seq in 0..6 {
            let qs = generate(&zh, seq, zh_text, &zh_m, None, &mut rotation);
            assert!(qs.len() >= 2, "{qs:?}");
            let on_first = qs.iter().filter(|q| q.text.contains("港口公会")).count();
            assert!(on_first <= 1, "{seq}: {qs:#?}");
        }
        for text_type in [TextType::Narrative, TextType::Argument, TextType::Report] {
            let mut rotation = Rotation::new(text_type, false);
            for seq in 0..6 {
                let qs = generate(&set, seq, text, &m, None, &mut rotation);
                assert!(qs.len() >= 2, "{qs:?}");
                for t in &m.terms {
                    let on = qs.iter().filter(|q| q.text.contains(t.as_str())).count();
                    assert!(
                        on <= 1,
                        "{text_type:?} {seq}: “{t}” in {on} questions: {qs:#?}"
                    );
                }
            }
        }
    }

    #[test]
    fn tiny_excerpts_still_get_two_questions() {
        let set = QuestionTemplates::parse(DEFAULT_TEMPLATES).unwrap();
        for text in [".\n\n?w?", "...", "?", "Ok.", "It is so, and we did it."] {
            let m = material(text);
            let mut rotation = Rotation::new(TextType::Argument, false);
            let qs = generate(&set, 0, text, &m, None, &mut rotation);
            assert!(qs.len() >= 2, "{text:?}: {qs:?}");
            for q in &qs {
                assert!(
                    q.text.ends_with('?') && !q.text.contains("“”"),
                    "{}",
                    q.text
                );
            }
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
