//! The language of a reading: the languages colloquy cuts and questions with rules of their
//! own (English, Russian, Chinese, German, French), their codes, and detection with
//! whatlang (small, pure Rust, no model files) over the body's paragraphs.
//!
//! A reading in another language is read with the generic rules (Unicode sentences, the
//! English abbreviations, key terms from word frequencies) and the importer says so.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The rules a reading is cut and questioned with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Zh,
    De,
    Fr,
    /// A language with no rules of its own: the generic ones.
    Other,
}

/// The languages with rules of their own, in the order they are listed to users.
pub const SUPPORTED: [Lang; 5] = [Lang::En, Lang::Ru, Lang::Zh, Lang::De, Lang::Fr];

/// An unknown `--language` code.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("unknown language `{given}`: use one of {}", supported_list())]
pub struct UnknownLanguage {
    pub given: String,
}

impl UnknownLanguage {
    /// The refusal, in `locale`, listing the supported codes with their names in it.
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        let supported = SUPPORTED
            .iter()
            .map(|l| format!("{} ({})", l.code(), l.name_in(locale)))
            .collect::<Vec<_>>()
            .join(", ");
        crate::t!(
            locale,
            "import-error-unknown-language",
            given = self.given.as_str(),
            supported = supported
        )
    }
}

/// "en (English), ru (Russian), zh (Chinese), de (German), fr (French)".
pub fn supported_list() -> String {
    SUPPORTED
        .iter()
        .map(|l| format!("{} ({})", l.code(), l.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Lang {
    /// The code stored with a reading and accepted by `--language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Other => "other",
        }
    }

    /// The language's English name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Russian",
            Lang::Zh => "Chinese",
            Lang::De => "German",
            Lang::Fr => "French",
            Lang::Other => "another language",
        }
    }

    /// The language's name in `locale` ("русский" for Russian in Russian).
    pub fn name_in(self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            Lang::En => t!(locale, "lang-en"),
            Lang::Ru => t!(locale, "lang-ru"),
            Lang::Zh => t!(locale, "lang-zh"),
            Lang::De => t!(locale, "lang-de"),
            Lang::Fr => t!(locale, "lang-fr"),
            Lang::Other => t!(locale, "lang-other"),
        }
    }

    /// A `--language` value: one of the supported codes (any case; "zh-Hans", "zh-CN",
    /// "de-DE", "fr-FR", "ru-RU", "en-GB" and the three-letter codes are read too).
    pub fn parse(code: &str) -> Result<Lang, UnknownLanguage> {
        let lower = code.trim().to_lowercase().replace('_', "-");
        let primary = lower.split('-').next().unwrap_or("");
        let lang = match primary {
            "en" | "eng" | "english" => Lang::En,
            "ru" | "rus" | "russian" => Lang::Ru,
            "zh" | "zho" | "chi" | "cmn" | "chinese" => Lang::Zh,
            "de" | "deu" | "ger" | "german" => Lang::De,
            "fr" | "fra" | "fre" | "french" => Lang::Fr,
            _ => {
                return Err(UnknownLanguage {
                    given: code.trim().to_string(),
                });
            }
        };
        Ok(lang)
    }

    /// The rules for a code stored with a reading ("ru"; a code of another language,
    /// such as "spa", gives the generic rules).
    pub fn of_stored(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::Other)
    }

    /// The rules for text written in a group's language.
    pub fn of_locale(locale: crate::i18n::Locale) -> Lang {
        use crate::i18n::Locale;
        match locale {
            Locale::En => Lang::En,
            Locale::Ru => Lang::Ru,
            Locale::ZhHans => Lang::Zh,
            Locale::De => Lang::De,
            Locale::Fr => Lang::Fr,
        }
    }

    /// Chinese counts characters, not words, and needs no spaces between sentences.
    pub fn counts_characters(self) -> bool {
        self == Lang::Zh
    }

    fn from_whatlang(l: whatlang::Lang) -> Lang {
        match l {
            whatlang::Lang::Eng => Lang::En,
            whatlang::Lang::Rus => Lang::Ru,
            whatlang::Lang::Cmn => Lang::Zh,
            whatlang::Lang::Deu => Lang::De,
            whatlang::Lang::Fra => Lang::Fr,
            _ => Lang::Other,
        }
    }
}

/// [`label`] in `locale`: "русский", or "Spanish (общие правила)".
pub fn label_in(code: &str, locale: crate::i18n::Locale) -> String {
    match Lang::of_stored(code) {
        Lang::Other => {
            let name = whatlang::Lang::from_code(code).map_or(code, |l| l.name());
            crate::t!(locale, "lang-generic", name = name)
        }
        known => known.name_in(locale),
    }
}

/// A stored language code as people read it: "Russian", or "Spanish (generic rules)".
pub fn label(code: &str) -> String {
    match Lang::of_stored(code) {
        Lang::Other => {
            let name = whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name());
            format!("{name} (generic rules)")
        }
        known => known.name().to_string(),
    }
}

/// The language found for a reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The rules it is read with.
    pub lang: Lang,
    /// The code stored with the reading: "en", "ru", "zh", "de", "fr", or the ISO 639-3
    /// code of another language ("spa").
    pub code: String,
    /// What the importer tells the person who imports: another language, a mixed text, an
    /// override that disagrees with the text.
    pub notices: Vec<ImportNotice>,
}

/// Something the importer tells the facilitator about a text (its language, its
/// questions), in words for any locale with [`ImportNotice::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportNotice {
    /// `--language` disagrees with most of the text.
    Forced {
        given: Lang,
        reads_as: whatlang::Lang,
        pct: usize,
    },
    /// No language could be told: read as English.
    Undetected,
    /// Several languages: the majority's rules.
    Mixed {
        top: whatlang::Lang,
        pct: usize,
        others: Vec<(whatlang::Lang, usize)>,
    },
    /// A language with no rules of its own: the generic ones.
    NoRules { lang: whatlang::Lang },
    /// An authored question that can be answered yes or no.
    YesNo {
        question: String,
        word: String,
        open: String,
    },
}

/// A detected language's name in `locale` (a language with no rules: its English name
/// in English, its own name elsewhere).
fn whatlang_name_in(l: whatlang::Lang, locale: crate::i18n::Locale) -> String {
    match Lang::from_whatlang(l) {
        Lang::Other if locale == crate::i18n::Locale::En => l.eng_name().to_string(),
        Lang::Other => l.name().to_string(),
        known => known.name_in(locale),
    }
}

impl ImportNotice {
    /// The notice in `locale`.
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            ImportNotice::Forced {
                given,
                reads_as,
                pct,
            } => t!(
                locale,
                "import-notice-forced",
                code = given.code(),
                reads = whatlang_name_in(*reads_as, locale),
                pct = *pct,
                lang = given.name_in(locale)
            ),
            ImportNotice::Undetected => t!(
                locale,
                "import-notice-undetected",
                codes = SUPPORTED.map(Lang::code).join(", ")
            ),
            ImportNotice::Mixed { top, pct, others } => t!(
                locale,
                "import-notice-mixed",
                top = whatlang_name_in(*top, locale),
                pct = *pct,
                others = others
                    .iter()
                    .map(|(l, p)| format!("{} {p}%", whatlang_name_in(*l, locale)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ImportNotice::NoRules { lang } => t!(
                locale,
                "import-notice-no-rules",
                name = whatlang_name_in(*lang, locale),
                supported = SUPPORTED
                    .iter()
                    .map(|l| format!("{} ({})", l.code(), l.name_in(locale)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ImportNotice::YesNo {
                question,
                word,
                open,
            } => t!(
                locale,
                "import-warning-yes-no",
                question = question.as_str(),
                word = word.as_str(),
                open = open.as_str()
            ),
        }
    }
}

/// One language's share of the paragraphs' characters.
#[derive(Debug, Clone)]
struct Share {
    lang: whatlang::Lang,
    chars: usize,
}

/// The languages of the paragraphs, by characters, largest first. At most 300 paragraphs
/// (evenly spread over the text) and 2,000 characters of each are read: enough to tell a
/// majority, and cheap on a long text.
fn shares(paragraphs: &[&str]) -> (Vec<Share>, usize) {
    let step = paragraphs.len().div_ceil(300).max(1);
    let mut shares: Vec<Share> = Vec::new();
    let mut total = 0;
    for p in paragraphs.iter().step_by(step) {
        let sample: String = p.chars().take(2000).collect();
        let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
        // Very short paragraphs (a name, a date) say little about the language.
        if letters < 12 {
            continue;
        }
        let Some(info) = whatlang::detect(&sample) else {
            continue;
        };
        if !info.is_reliable() && letters < 200 {
            continue;
        }
        total += letters;
        match shares.iter_mut().find(|s| s.lang == info.lang()) {
            Some(s) => s.chars += letters,
            None => shares.push(Share {
                lang: info.lang(),
                chars: letters,
            }),
        }
    }
    shares.sort_by_key(|s| std::cmp::Reverse(s.chars));
    (shares, total)
}

/// Detect the language of a reading's body from its paragraphs; `forced` is the
/// `--language` the facilitator gave, which wins (with a notice when the text reads as
/// another supported language).
pub fn detect(paragraphs: &[&str], forced: Option<Lang>) -> Detected {
    let (mut found, mut total) = shares(paragraphs);
    if found.is_empty() {
        // Only short paragraphs: judge them together.
        let all = paragraphs.join("\n");
        if let Some(info) = whatlang::detect(&all) {
            total = all.chars().filter(|c| c.is_alphabetic()).count().max(1);
            found.push(Share {
                lang: info.lang(),
                chars: total,
            });
        }
    }
    let percent = |chars: usize| (chars * 100 + total / 2) / total.max(1);
    let mut notices = Vec::new();
    if let Some(lang) = forced {
        if let Some(top) = found.first()
            && Lang::from_whatlang(top.lang) != lang
            && percent(top.chars) >= 60
        {
            notices.push(ImportNotice::Forced {
                given: lang,
                reads_as: top.lang,
                pct: percent(top.chars),
            });
        }
        return Detected {
            lang,
            code: lang.code().to_string(),
            notices,
        };
    }
    let Some(top) = found.first() else {
        notices.push(ImportNotice::Undetected);
        return Detected {
            lang: Lang::En,
            code: "en".into(),
            notices,
        };
    };
    let lang = Lang::from_whatlang(top.lang);
    let code = match lang {
        Lang::Other => top.lang.code().to_string(),
        known => known.code().to_string(),
    };
    let others: Vec<(whatlang::Lang, usize)> = found[1..]
        .iter()
        .filter(|s| percent(s.chars) >= 10)
        .map(|s| (s.lang, percent(s.chars)))
        .collect();
    if !others.is_empty() {
        notices.push(ImportNotice::Mixed {
            top: top.lang,
            pct: percent(top.chars),
            others,
        });
    }
    if lang == Lang::Other {
        notices.push(ImportNotice::NoRules { lang: top.lang });
    }
    Detected {
        lang,
        code,
        notices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_unknown_ones_are_refused_with_the_list() {
        assert_eq!(Lang::parse("ru"), Ok(Lang::Ru));
        assert_eq!(Lang::parse("zh-Hans"), Ok(Lang::Zh));
        assert_eq!(Lang::parse(" DE "), Ok(Lang::De));
        assert_eq!(Lang::parse("fr_FR"), Ok(Lang::Fr));
        let err = Lang::parse("xx").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown language `xx`: use one of en (English), ru (Russian), zh (Chinese), de (German), fr (French)"
        );
        assert_eq!(Lang::of_stored("spa"), Lang::Other);
        assert_eq!(Lang::of_stored("zh"), Lang::Zh);
    }

    #[test]
    fn detects_each_supported_language() {
        let cases = [
            (
                "The council met in the spring and agreed that the harbour should be widened before the autumn storms arrived.",
                Lang::En,
            ),
            (
                "Совет собрался весной и решил, что гавань нужно расширить до осенних штормов, иначе торговля пострадает.",
                Lang::Ru,
            ),
            (
                "理事会在春天开会，决定在秋季风暴到来之前扩建港口，否则贸易将受到影响。",
                Lang::Zh,
            ),
            (
                "Der Rat trat im Frühjahr zusammen und beschloss, den Hafen vor den Herbststürmen zu erweitern, sonst leide der Handel.",
                Lang::De,
            ),
            (
                "Le conseil s'est réuni au printemps et a décidé d'agrandir le port avant les tempêtes d'automne, sinon le commerce en souffrirait.",
                Lang::Fr,
            ),
        ];
        for (text, lang) in cases {
            let d = detect(&[text], None);
            assert_eq!(d.lang, lang, "{text}");
            assert_eq!(d.code, lang.code());
            assert!(d.notices.is_empty(), "{:?}", d.notices);
        }
    }

    #[test]
    fn another_language_gets_the_generic_rules_and_a_notice() {
        let d = detect(
            &[
                "El consejo se reunió en primavera y decidió ampliar el puerto antes de las tormentas de otoño, porque el comercio dependía de ello.",
            ],
            None,
        );
        assert_eq!(d.lang, Lang::Other);
        assert_eq!(d.code, "spa");
        assert!(
            d.notices[0]
                .message(crate::i18n::Locale::En)
                .contains("Spanish")
                && d.notices[0]
                    .message(crate::i18n::Locale::En)
                    .contains("generic rules"),
            "{:?}",
            d.notices
        );
    }

    #[test]
    fn a_mixed_text_follows_the_majority_and_says_so() {
        let ru = "Совет собрался весной и решил, что гавань нужно расширить до осенних штормов, иначе торговля пострадает.";
        let en = "The council met in the spring and agreed that the harbour should be widened before the autumn storms.";
        let d = detect(&[ru, ru, en, ru], None);
        assert_eq!(d.lang, Lang::Ru);
        assert_eq!(d.notices.len(), 1, "{:?}", d.notices);
        assert!(
            d.notices[0]
                .message(crate::i18n::Locale::En)
                .contains("mixes languages")
                && d.notices[0]
                    .message(crate::i18n::Locale::En)
                    .contains("English"),
            "{:?}",
            d.notices
        );
    }

    #[test]
    fn a_forced_language_wins_and_a_disagreement_is_told() {
        let ru = "Совет собрался весной и решил, что гавань нужно расширить до осенних штормов.";
        let d = detect(&[ru], Some(Lang::De));
        assert_eq!(d.lang, Lang::De);
        assert!(
            d.notices[0]
                .message(crate::i18n::Locale::En)
                .contains("Russian"),
            "{:?}",
            d.notices
        );
        assert!(detect(&[ru], Some(Lang::Ru)).notices.is_empty());
    }
}
