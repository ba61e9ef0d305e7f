use std::collections::BTreeSet;
use std::path::Path;

use super::*;

/// Every key English has, every other locale has too, and no locale has a key English
/// lacks (a typo there would never be shown). Reports every gap at once.
#[test]
fn every_locale_has_every_english_key() {
    let english: BTreeSet<String> = Messages::keys(Locale::En).into_iter().collect();
    assert!(
        english.len() > 20,
        "English has only {} keys",
        english.len()
    );
    let mut problems = Vec::new();
    for locale in Locale::ALL.into_iter().skip(1) {
        let keys: BTreeSet<String> = Messages::keys(locale).into_iter().collect();
        for missing in english.difference(&keys) {
            problems.push(format!("{}: missing {missing}", locale.tag()));
        }
        for extra in keys.difference(&english) {
            problems.push(format!("{}: {extra} is not an English key", locale.tag()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every file parses, and no message is defined twice in one locale.
#[test]
fn every_file_parses_and_no_key_is_defined_twice() {
    let mut problems = Vec::new();
    for (tag, name, source) in FILES {
        if let Err((_, errors)) = fluent_syntax::parser::parse(*source) {
            problems.push(format!("{tag}/{name}: {errors:?}"));
        }
    }
    for locale in Locale::ALL {
        let keys = Messages::keys(locale);
        let unique: BTreeSet<&String> = keys.iter().collect();
        if unique.len() != keys.len() {
            let mut seen = BTreeSet::new();
            let twice: Vec<&String> = keys.iter().filter(|k| !seen.insert(*k)).collect();
            problems.push(format!("{}: defined twice: {twice:?}", locale.tag()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The variables a message uses, by name.
fn variables(locale: Locale) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    use fluent_syntax::ast;
    fn walk_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                walk_expr(expression, out);
            }
        }
    }
    fn walk_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => walk_expr(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    walk_inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn walk_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, out);
                for v in variants {
                    walk_pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => walk_inline(i, out),
        }
    }
    let mut map = std::collections::BTreeMap::new();
    for (_, _, source) in FILES.iter().filter(|f| f.0 == locale.tag()) {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    walk_pattern(v, &mut vars);
                }
                map.insert(m.id.name.to_string(), vars.clone());
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    walk_pattern(&a.value, &mut vars);
                    map.insert(format!("{}.{}", m.id.name, a.id.name), vars);
                }
            }
        }
    }
    map
}

/// A translation uses only the variables its English message is given (one that invents
/// a variable would show an error in place of a name); Chinese may leave a count's number
/// out of a selector, so only the translation's extras are checked.
#[test]
fn translations_use_only_the_variables_english_passes() {
    let english = variables(Locale::En);
    let mut problems = Vec::new();
    for locale in Locale::ALL.into_iter().skip(1) {
        for (key, vars) in variables(locale) {
            let Some(en) = english.get(&key) else {
                continue;
            };
            for v in vars.difference(en) {
                problems.push(format!(
                    "{}: {key} uses ${v}, which English does not",
                    locale.tag()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The message keys a source text uses: `t!(locale, "key"` in Rust and `t("key"` in
/// templates (the first string literal of the call, before the end of its statement).
fn keys_used(source: &str, call: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut from = 0;
    while let Some(i) = source[from..].find(call) {
        let at = from + i;
        from = at + call.len();
        let before = source[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':') {
            continue;
        }
        let rest = &source[from..];
        let Some(open) = rest.find('"') else { break };
        if rest[..open].contains(';') {
            continue;
        }
        let literal = &rest[open + 1..];
        let Some(close) = literal.find('"') else {
            break;
        };
        keys.push(literal[..close].to_string());
    }
    keys
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, ext, out);
        } else if path.to_string_lossy().ends_with(ext) {
            out.push(path);
        }
    }
}

/// Every key the code and the templates name exists in English, so no user ever sees
/// an empty message or a key.
#[test]
fn every_key_used_in_the_code_exists_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let english: BTreeSet<String> = Messages::keys(Locale::En).into_iter().collect();
    let mut used = Vec::new();
    let mut rust = Vec::new();
    files_under(&root.join("src"), ".rs", &mut rust);
    for path in rust.iter().filter(|p| !p.ends_with("i18n/tests.rs")) {
        let source = std::fs::read_to_string(path).unwrap();
        for key in keys_used(&source, "t!(") {
            used.push((path.clone(), key));
        }
    }
    let mut templates = Vec::new();
    files_under(&root.join("prompts"), ".j2", &mut templates);
    for path in &templates {
        let source = std::fs::read_to_string(path).unwrap();
        for key in keys_used(&source, "t(") {
            used.push((path.clone(), key));
        }
    }
    assert!(used.len() > 5, "found only {} uses", used.len());
    let missing: Vec<String> = used
        .iter()
        .filter(|(_, k)| k != "key" && !english.contains(k))
        .map(|(p, k)| format!("{}: {k}", p.display()))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing in English:\n{}",
        missing.join("\n")
    );
}

#[test]
fn russian_counts_take_three_forms_and_chinese_one() {
    let replies = |l, n: i64| crate::t!(l, "count-replies", n = n);
    let ru: Vec<String> = [1, 2, 5, 11, 21, 22, 25, 101]
        .iter()
        .map(|&n| replies(Locale::Ru, n))
        .collect();
    assert_eq!(
        ru,
        [
            "1 ответ",
            "2 ответа",
            "5 ответов",
            "11 ответов",
            "21 ответ",
            "22 ответа",
            "25 ответов",
            "101 ответ"
        ]
    );
    assert_eq!(replies(Locale::En, 1), "1 reply");
    assert_eq!(replies(Locale::En, 0), "0 replies");
    assert_eq!(replies(Locale::En, 3), "3 replies");
    assert_eq!(replies(Locale::ZhHans, 1), "1 条回复");
    assert_eq!(replies(Locale::ZhHans, 7), "7 条回复");
    assert_eq!(replies(Locale::De, 1), "1 Antwort");
    assert_eq!(replies(Locale::Fr, 2), "2 réponses");
}

#[test]
fn a_missing_message_falls_back_to_english_and_an_unknown_key_shows_nothing() {
    let sources: &[(&str, &str, &str)] = &[
        (
            "en",
            "t.ftl",
            "hello = Hello, { $name }!\nonly-en = Only English\n",
        ),
        ("ru", "t.ftl", "hello = Здравствуйте, { $name }!\n"),
    ];
    let m = Messages::from_sources(sources);
    let args = [("name", FluentValue::from("Анна"))];
    assert_eq!(m.format(Locale::Ru, "hello", &args), "Здравствуйте, Анна!");
    assert_eq!(m.format(Locale::Ru, "only-en", &[]), "Only English");
    assert_eq!(m.format(Locale::ZhHans, "hello", &args), "Hello, Анна!");
    let unknown = m.format(Locale::Ru, "no-such-key", &[]);
    assert!(!unknown.contains("no-such-key"), "{unknown}");
}

#[test]
fn language_codes_parse_and_unknown_ones_are_refused() {
    for (code, locale) in [
        ("en", Locale::En),
        ("RU", Locale::Ru),
        ("zh", Locale::ZhHans),
        ("zh-Hans", Locale::ZhHans),
        ("zh_CN", Locale::ZhHans),
        ("de", Locale::De),
        ("fr", Locale::Fr),
    ] {
        assert_eq!(code.parse::<Locale>(), Ok(locale), "{code}");
        assert_eq!(locale.code().parse::<Locale>(), Ok(locale));
    }
    assert_eq!("es".parse::<Locale>(), Err(UnknownLocale("es".to_string())));
    assert_eq!(Locale::supported(), "en, ru, zh, de, fr");
}

#[test]
fn dates_are_written_in_the_locale() {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = "Europe/London".parse().unwrap();
    let at = chrono::Utc.with_ymd_and_hms(2026, 3, 3, 18, 0, 0).unwrap();
    assert_eq!(format_date_time(at, tz, Locale::En), "Tue 3 Mar, 18:00");
    assert_eq!(format_date_time(at, tz, Locale::Ru), "Вт, 3 мар, 18:00");
    assert_eq!(
        format_date_time(at, tz, Locale::ZhHans),
        "3月3日（星期二）18:00"
    );
    assert_eq!(format_date_time(at, tz, Locale::De), "Di, 3. Mär, 18:00");
    assert_eq!(format_date_time(at, tz, Locale::Fr), "mar. 3 mars, 18:00");
}

/// The errors' English messages are the same words as their `Display` (logs and English
/// groups), and in another locale they are translated, not English.
#[test]
fn domain_errors_speak_english_by_display_and_every_locale_by_message() {
    use crate::domain::command::parse;
    use crate::domain::import::ImportError;
    use crate::domain::poll::PollError;
    use crate::domain::schedule::ScheduleError;
    use crate::domain::text::TextError;
    let mut english = Vec::new();
    let mut russian = Vec::new();
    let mut check = |display: String, en: String, ru: String| {
        assert_eq!(display, en);
        assert_ne!(en, ru, "{en}");
        english.push(en);
        russian.push(ru);
    };
    for line in [
        "",
        "frobnicate",
        "pol create \"x\"",
        "poll",
        "poll create \"x\" --colour red",
        "reading list --colour red",
        "setup --words",
        "poll close abc",
        "reading list extra",
        "vote 3",
        "poll create \"unclosed",
        "map --session 1 --reading 2",
        "poll create x --minutes 5 --until 10:00",
        "export --format pdf",
        "breakout 2 --by mood",
    ] {
        let e = parse(line).unwrap_err();
        check(e.to_string(), e.message(Locale::En), e.message(Locale::Ru));
    }
    for e in [
        PollError::EmptyClaim,
        PollError::ClaimTooLong(301),
        PollError::UnknownScale("x".into()),
        PollError::OptionCount(1),
        PollError::OptionTooLong("x".into(), 60),
        PollError::EmptyOption(2),
        PollError::DuplicateOption("x".into()),
        PollError::OptionsWithoutCustom("agree".into()),
        PollError::BadDuration(0),
        PollError::BadTime("x".into()),
        PollError::DeadlineInPast("x".into()),
        PollError::DeadlineTooFar,
        PollError::ReasonTooLong(300),
        PollError::UnknownOption("x".into(), "a, b".into()),
    ] {
        check(e.to_string(), e.message(Locale::En), e.message(Locale::Ru));
    }
    for e in [
        ScheduleError::BadTime("x".into()),
        ScheduleError::BadZone("x".into()),
        ScheduleError::BadDays("x".into()),
        ScheduleError::BadCatchUp("x".into()),
    ] {
        check(e.to_string(), e.message(Locale::En), e.message(Locale::Ru));
    }
    for e in [
        ImportError::Text(TextError::Empty),
        ImportError::Text(TextError::Binary("NUL bytes")),
        ImportError::Text(TextError::Binary("many control characters")),
        ImportError::Text(TextError::NotUtf8 { offset: 3 }),
        ImportError::NoBody,
        ImportError::NoSentences,
        ImportError::OnlyHeadings,
        ImportError::EmptyOption("title"),
        ImportError::BadWords(3),
    ] {
        check(e.to_string(), e.message(Locale::En), e.message(Locale::Ru));
    }
    assert!(english.iter().all(|e| !e.is_empty()));
    assert!(
        russian
            .iter()
            .all(|r| r.chars().any(|c| ('а'..='я').contains(&c))),
        "{russian:#?}"
    );
}

/// The help of every verb as Fluent messages, from the verb table: `help.ftl` in English
/// is this text (see the test below); run with `--ignored` to write it after the table
/// changed, then translate the new lines.
fn help_ftl_from_the_table() -> String {
    use crate::domain::command::VERBS;
    let one_line = |s: &str| s.replace('\n', " ");
    let mut out = String::from(
        "# The help of every verb: its summary, its arguments and its flags, written from the\n\
         # verb table (src/domain/command/verbs.rs). Keys: help-VERB, help-VERB-arg-NAME,\n\
         # help-VERB--FLAG.\n",
    );
    for v in VERBS {
        out.push('\n');
        out.push_str(&format!("{} = {}\n", v.help_key(), one_line(v.summary)));
        for a in v.args {
            out.push_str(&format!(
                "{}-arg-{} = {}\n",
                v.help_key(),
                a.name,
                one_line(a.help)
            ));
        }
        for f in v.flags {
            out.push_str(&format!(
                "{}--{} = {}\n",
                v.help_key(),
                f.name,
                one_line(f.help)
            ));
        }
    }
    out
}

#[test]
#[ignore = "writes prompts/locales/en/help.ftl from the verb table"]
fn write_english_help() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts/locales/en/help.ftl");
    let mut text = help_ftl_from_the_table();
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    if let Some(i) = existing.find("\n## The help page") {
        text.push_str(&existing[i..]);
    }
    std::fs::write(path, text).unwrap();
}

/// Every verb, argument and flag of the table has its help in English, worded as in the
/// table (so `help` and the table cannot drift), and so in every locale (by
/// `every_locale_has_every_english_key`).
#[test]
fn every_verb_and_flag_has_its_help_in_english() {
    use crate::domain::command::VERBS;
    let mut problems = Vec::new();
    for v in VERBS {
        let m = messages();
        if m.format(Locale::En, &v.help_key(), &[]) != v.summary.replace('\n', " ") {
            problems.push(v.help_key());
        }
        for a in v.args {
            let key = format!("{}-arg-{}", v.help_key(), a.name);
            if m.format(Locale::En, &key, &[]) != a.help.replace('\n', " ") {
                problems.push(key);
            }
        }
        for f in v.flags {
            let key = format!("{}--{}", v.help_key(), f.name);
            if m.format(Locale::En, &key, &[]) != f.help.replace('\n', " ") {
                problems.push(key);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "help.ftl differs from the verb table (cargo test --lib write_english_help -- --ignored): {problems:?}"
    );
}

/// The importer's notices (a language with no rules, a mixed text, a yes/no question) are
/// worded in the group's language, with language names in it.
#[test]
fn import_notices_are_worded_in_the_locale() {
    use crate::domain::language::{ImportNotice, Lang};
    let no_rules = ImportNotice::NoRules {
        lang: whatlang::Lang::Spa,
    };
    assert!(no_rules.message(Locale::En).contains("reads as Spanish"));
    let ru = no_rules.message(Locale::Ru);
    assert!(
        ru.contains("Español") && ru.contains("ru (русский)"),
        "{ru}"
    );
    let mixed = ImportNotice::Mixed {
        top: whatlang::Lang::Rus,
        pct: 70,
        others: vec![(whatlang::Lang::Eng, 30)],
    };
    assert_eq!(
        mixed.message(Locale::De),
        "Hinweis: Dieser Text mischt Sprachen (Russisch 70%, Englisch 30%); er folgt der Mehrheit und wird nach den Regeln für Russisch geschnitten und befragt."
    );
    let yes_no = ImportNotice::YesNo {
        question: "Верно ли это?".into(),
        word: "ли".into(),
        open: "Что, Как".into(),
    };
    let zh = yes_no.message(Locale::ZhHans);
    assert!(zh.starts_with("提醒：问题“Верно ли это?”"), "{zh}");
    let forced = ImportNotice::Forced {
        given: Lang::De,
        reads_as: whatlang::Lang::Fra,
        pct: 90,
    };
    assert!(forced.message(Locale::Fr).contains("en français (90%)"));
}

/// A bot whose groups speak one language parses that language and English only: the
/// Discord run's heap had grown by several MiB since all five were parsed at start.
#[test]
fn a_locale_is_parsed_only_when_it_is_first_needed() {
    let sources: &[(&str, &str, &str)] = &[
        ("en", "t.ftl", "hello = Hello\nonly-en = Only English\n"),
        ("ru", "t.ftl", "hello = Здравствуйте\n"),
        ("de", "t.ftl", "hello = Hallo\n"),
    ];
    let m = Messages::from_sources(sources);
    assert!(m.parsed().is_empty());
    assert_eq!(m.format(Locale::En, "hello", &[]), "Hello");
    assert_eq!(m.parsed(), vec![Locale::En]);
    assert_eq!(m.format(Locale::Ru, "only-en", &[]), "Only English");
    assert_eq!(m.parsed(), vec![Locale::En, Locale::Ru]);

    let commands = Messages::only_file("commands.ftl");
    assert!(commands.has(Locale::Ru, "cmd-poll-create"));
    assert!(!commands.has(Locale::Ru, "setup-bad-name"));
    assert!(messages().has(Locale::Ru, "setup-bad-name"));
}
