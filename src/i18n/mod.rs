//! The bot's words in each language: Fluent messages (`prompts/locales/<lang>/*.ftl`),
//! compiled in and loaded once, looked up by key with [`t!`](crate::t) or [`text`].
//!
//! A group speaks one [`Locale`] (`setup --language`). A message missing in that locale
//! falls back to English; a key missing in English too is a bug the tests catch
//! (`tests::every_key_used_in_the_code_exists_in_english`), and at run time it is logged
//! and shown as nothing rather than as a key. Plurals use Fluent's plural rules, so
//! Russian gets its three forms (`one`, `few`, `many`) and Chinese its one.

mod dates;
mod numbers;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

pub use dates::{format_date, format_date_time, format_time};
pub use fluent_bundle::FluentValue;
pub use numbers::{format_decimal, format_signed};

/// A language the bot speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Locale {
    #[default]
    En,
    Ru,
    /// Chinese in simplified characters.
    ZhHans,
    De,
    Fr,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: [Locale; 5] = [
        Locale::En,
        Locale::Ru,
        Locale::ZhHans,
        Locale::De,
        Locale::Fr,
    ];

    /// The code `setup --language` takes and the store keeps: `en`, `ru`, `zh`, `de`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::ZhHans => "zh",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// The BCP 47 tag, which is also the folder of its Fluent files.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::ZhHans => "zh-Hans",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// Discord's name for it, where commands carry localizations (English is the default
    /// every command has, so it needs none).
    pub fn discord(self) -> Option<&'static str> {
        match self {
            Locale::En => None,
            Locale::Ru => Some("ru"),
            Locale::ZhHans => Some("zh-CN"),
            Locale::De => Some("de"),
            Locale::Fr => Some("fr"),
        }
    }

    /// chrono's locale for weekday and month names.
    pub fn chrono(self) -> chrono::Locale {
        match self {
            Locale::En => chrono::Locale::en_GB,
            Locale::Ru => chrono::Locale::ru_RU,
            Locale::ZhHans => chrono::Locale::zh_CN,
            Locale::De => chrono::Locale::de_DE,
            Locale::Fr => chrono::Locale::fr_FR,
        }
    }

    /// The language's name in English, for prompts sent to an LLM ("Russian").
    pub fn english_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ru => "Russian",
            Locale::ZhHans => "Simplified Chinese",
            Locale::De => "German",
            Locale::Fr => "French",
        }
    }

    /// The codes `setup --language` accepts, for messages: "en, ru, zh, de, fr".
    pub fn supported() -> String {
        Locale::ALL
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code colloquy does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// `en`, `ru`, `zh` (also `zh-Hans`, `zh-CN`), `de`, `fr`, any case, `_` or `-`.
    fn from_str(s: &str) -> Result<Locale, UnknownLocale> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match lower.as_str() {
            "en" | "en-gb" | "en-us" => Locale::En,
            "ru" | "ru-ru" => Locale::Ru,
            "zh" | "zh-hans" | "zh-cn" | "zh-sg" => Locale::ZhHans,
            "de" | "de-de" | "de-at" | "de-ch" => Locale::De,
            "fr" | "fr-fr" | "fr-be" | "fr-ch" | "fr-ca" => Locale::Fr,
            _ => return Err(UnknownLocale(s.trim().to_string())),
        })
    }
}

impl TryFrom<String> for Locale {
    type Error = UnknownLocale;
    fn try_from(s: String) -> Result<Locale, UnknownLocale> {
        s.parse()
    }
}

impl From<Locale> for String {
    fn from(l: Locale) -> String {
        l.code().to_string()
    }
}

/// The Fluent files of every locale, compiled in: (locale tag, file name, source).
macro_rules! ftl_files {
    ($($name:literal),+ $(,)?) => {
        &[
            $(("en", $name, include_str!(concat!("../../prompts/locales/en/", $name))),)+
            $(("ru", $name, include_str!(concat!("../../prompts/locales/ru/", $name))),)+
            $(("zh-Hans", $name, include_str!(concat!("../../prompts/locales/zh-Hans/", $name))),)+
            $(("de", $name, include_str!(concat!("../../prompts/locales/de/", $name))),)+
            $(("fr", $name, include_str!(concat!("../../prompts/locales/fr/", $name))),)+
        ]
    };
}

/// Every Fluent file, by locale tag and name.
pub const FILES: &[(&str, &str, &str)] = ftl_files!(
    "core.ftl",
    "setup.ftl",
    "posts.ftl",
    "errors.ftl",
    "import.ftl",
    "privacy.ftl",
    "polls.ftl",
    "opinion.ftl",
    "sessions.ftl",
    "help.ftl",
    "live-matrix.ftl",
    "live-discord.ftl",
    "summaries.ftl",
    "views.ftl",
    "commands.ftl",
    "live.ftl",
    "discord.ftl",
    "rest.ftl",
    "archive.ftl",
);

/// The messages of every locale, each locale's parsed on its first use: a bot whose
/// groups all speak one language keeps that language's messages and English (the
/// fallback) in memory, not all five (their sources are over 500 KB).
pub struct Messages {
    locales: Vec<LocaleMessages>,
}

/// One locale's Fluent sources, and the bundle parsed from them once needed.
struct LocaleMessages {
    locale: Locale,
    /// (file name, source).
    sources: Vec<(String, Cow<'static, str>)>,
    bundle: OnceLock<FluentBundle<FluentResource>>,
}

impl LocaleMessages {
    fn bundle(&self) -> &FluentBundle<FluentResource> {
        self.bundle.get_or_init(|| {
            let id: unic_langid::LanguageIdentifier = self
                .locale
                .tag()
                .parse()
                .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Chat text is plain: no Unicode isolation marks around placeables.
            bundle.set_use_isolating(false);
            for (name, source) in &self.sources {
                let resource = match FluentResource::try_new(source.to_string()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        tracing::error!(
                            locale = self.locale.tag(),
                            file = name,
                            ?errors,
                            "Fluent syntax"
                        );
                        r
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(
                        locale = self.locale.tag(),
                        file = name,
                        ?errors,
                        "Fluent messages"
                    );
                }
            }
            bundle
        })
    }
}

impl Messages {
    /// The compiled-in files. A syntax error or a key defined twice is a build error the
    /// tests catch; here it is logged and the rest of the file still loads.
    fn load() -> Messages {
        Messages::of_files(
            FILES
                .iter()
                .map(|&(tag, name, source)| (tag, name, Cow::Borrowed(source))),
        )
    }

    /// Only the compiled-in `file` of every locale (Discord's command localizations read
    /// `commands.ftl` of all five at start, without keeping every locale's messages).
    pub fn only_file(file: &str) -> Messages {
        Messages::of_files(
            FILES
                .iter()
                .filter(|f| f.1 == file)
                .map(|&(tag, name, source)| (tag, name, Cow::Borrowed(source))),
        )
    }

    /// Messages from Fluent sources given as (locale tag, file name, text).
    pub fn from_sources(files: &[(&str, &str, &str)]) -> Messages {
        Messages::of_files(
            files
                .iter()
                .map(|&(tag, name, source)| (tag, name, Cow::Owned(source.to_string()))),
        )
    }

    fn of_files<'a>(
        files: impl Iterator<Item = (&'a str, &'a str, Cow<'static, str>)>,
    ) -> Messages {
        let mut locales: Vec<LocaleMessages> = Locale::ALL
            .iter()
            .map(|&locale| LocaleMessages {
                locale,
                sources: Vec::new(),
                bundle: OnceLock::new(),
            })
            .collect();
        for (tag, name, source) in files {
            if let Some(l) = locales.iter_mut().find(|l| l.locale.tag() == tag) {
                l.sources.push((name.to_string(), source));
            }
        }
        Messages { locales }
    }

    /// The locales whose messages have been parsed so far.
    #[cfg(test)]
    fn parsed(&self) -> Vec<Locale> {
        self.locales
            .iter()
            .filter(|l| l.bundle.get().is_some())
            .map(|l| l.locale)
            .collect()
    }

    fn bundle(&self, locale: Locale) -> Option<&FluentBundle<FluentResource>> {
        self.locales
            .iter()
            .find(|l| l.locale == locale)
            .map(LocaleMessages::bundle)
    }

    /// Whether `locale` has its own `key` (no fallback).
    pub fn has(&self, locale: Locale, key: &str) -> bool {
        self.bundle(locale).is_some_and(|b| b.has_message(key))
    }

    /// The message `key` (or `key.attribute`) in `locale`, else in English.
    pub fn format(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let (id, attribute) = match key.split_once('.') {
            Some((id, attr)) => (id, Some(attr)),
            None => (key, None),
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        for candidate in [locale, Locale::En] {
            let Some(bundle) = self.bundle(candidate) else {
                continue;
            };
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else {
                continue;
            };
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(key, locale = candidate.tag(), ?errors, "Fluent message");
            }
            return out.into_owned();
        }
        tracing::error!(key, "no such message in any locale");
        String::new()
    }

    /// Every message id defined in `locale`'s files, with its attributes as `id.attr`.
    pub fn keys(locale: Locale) -> Vec<String> {
        use fluent_syntax::ast;
        let mut keys = Vec::new();
        for (_, _, source) in FILES.iter().filter(|f| f.0 == locale.tag()) {
            let resource = match fluent_syntax::parser::parse(*source) {
                Ok(r) => r,
                Err((r, _)) => r,
            };
            for entry in resource.body {
                if let ast::Entry::Message(m) = entry {
                    if m.value.is_some() {
                        keys.push(m.id.name.to_string());
                    }
                    for a in m.attributes {
                        keys.push(format!("{}.{}", m.id.name, a.id.name));
                    }
                }
            }
        }
        keys
    }
}

static MESSAGES: LazyLock<Messages> = LazyLock::new(Messages::load);

/// The messages, loaded on first use.
pub fn messages() -> &'static Messages {
    &MESSAGES
}

/// The message `key` in `locale` (English where `locale` lacks it) with its arguments.
pub fn text(locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    MESSAGES.format(locale, key, args)
}

/// `t!(locale, "key")` or `t!(locale, "key", n = 3, title = &title)`: the message in
/// the locale, its arguments named as in the Fluent file.
#[macro_export]
macro_rules! t {
    ($locale:expr, $key:literal) => {
        $crate::i18n::text($locale, $key, &[])
    };
    ($locale:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $locale,
            $key,
            &[$((stringify!($name), $crate::i18n::FluentValue::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;
