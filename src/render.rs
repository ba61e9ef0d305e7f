//! Templates in prompts/: posts, results, summaries, digests, minutes and LLM prompts.
//!
//! Every template has a compiled-in default; a facilitator can edit a copy in the
//! configured prompts folder, which is read at start, without recompiling.

use std::path::Path;

use minijinja::Environment;
use serde::Serialize;
use thiserror::Error;

use crate::domain::questions::{QuestionTemplates, TemplateError};
use crate::i18n::{FluentValue, Locale};

/// The templates by name, with their compiled-in defaults.
const TEMPLATES: &[(&str, &str)] = &[
    ("excerpt.md.j2", include_str!("../prompts/excerpt.md.j2")),
    ("poll.md.j2", include_str!("../prompts/poll.md.j2")),
    ("results.md.j2", include_str!("../prompts/results.md.j2")),
    ("summary.md.j2", include_str!("../prompts/summary.md.j2")),
    ("digest.md.j2", include_str!("../prompts/digest.md.j2")),
    ("minutes.md.j2", include_str!("../prompts/minutes.md.j2")),
    ("live.md.j2", include_str!("../prompts/live.md.j2")),
    ("map.md.j2", include_str!("../prompts/map.md.j2")),
    ("report.md.j2", include_str!("../prompts/report.md.j2")),
    (
        "llm_summary.md.j2",
        include_str!("../prompts/llm_summary.md.j2"),
    ),
    (
        "llm_questions.md.j2",
        include_str!("../prompts/llm_questions.md.j2"),
    ),
    // The static archive's pages (`colloquy archive`): HTML, auto-escaped.
    (
        "archive/base.html.j2",
        include_str!("../prompts/archive/base.html.j2"),
    ),
    (
        "archive/macros.html.j2",
        include_str!("../prompts/archive/macros.html.j2"),
    ),
    (
        "archive/group.html.j2",
        include_str!("../prompts/archive/group.html.j2"),
    ),
    (
        "archive/reading.html.j2",
        include_str!("../prompts/archive/reading.html.j2"),
    ),
    (
        "archive/session.html.j2",
        include_str!("../prompts/archive/session.html.j2"),
    ),
    (
        "archive/minutes.html.j2",
        include_str!("../prompts/archive/minutes.html.j2"),
    ),
    (
        "archive/search.html.j2",
        include_str!("../prompts/archive/search.html.j2"),
    ),
];

const QUESTIONS: &str = include_str!("../prompts/questions.toml");

#[derive(Debug, Error)]
pub enum PromptError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("template {name} has an error: {message}")]
    Template { name: String, message: String },
    #[error(transparent)]
    Questions(#[from] TemplateError),
}

/// The loaded templates.
#[derive(Debug, Clone)]
pub struct Prompts {
    env: Environment<'static>,
    pub questions: QuestionTemplates,
}

impl Prompts {
    /// The compiled-in templates.
    pub fn builtin() -> Prompts {
        match Prompts::load(None) {
            Ok(p) => p,
            // The defaults are checked by the tests; reaching this is a build error.
            Err(e) => panic!("built-in templates are broken: {e}"),
        }
    }

    /// Load templates from `dir` where a file exists there, else the defaults.
    pub fn load(dir: Option<&Path>) -> Result<Prompts, PromptError> {
        let read = |name: &str, default: &'static str| -> Result<String, PromptError> {
            match dir.map(|d| d.join(name)) {
                Some(path) if path.exists() => {
                    std::fs::read_to_string(&path).map_err(|e| PromptError::Read {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    })
                }
                _ => Ok(default.to_string()),
            }
        };
        let mut env = Environment::new();
        // Chat posts are Markdown, written as is; the archive's pages are HTML, where
        // every value is escaped unless a filter below marks it safe.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        // `{{ summary | markdown }}`: Markdown as HTML, with raw HTML shown as text, no
        // images and only http(s) and relative links (see [`markdown_html`]).
        env.add_filter("markdown", |text: String| {
            minijinja::Value::from_safe_string(markdown_html(&text))
        });
        // `{{ text | shorten(120) }}`: cut at a word boundary with "…".
        env.add_filter("shorten", |text: String, max: usize| {
            crate::domain::text::truncate_chars(&text, max)
        });
        // `{{ n | count("reply", "replies") }}`: "1 reply", "3 replies" (domain::words).
        env.add_filter("count", |n: i64, one: String, many: String| {
            crate::domain::words::count(n, &one, &many)
        });
        // `{{ t("summary-themes") }}`, `{{ t("count-replies", n=3) }}`: a Fluent message in
        // the language of the render (`lang`, set by [`Prompts::render_in`]; English if unset).
        env.add_function(
            "t",
            |state: &minijinja::State, key: String, kwargs: minijinja::value::Kwargs| {
                let locale = state
                    .lookup("lang")
                    .and_then(|v| v.as_str().and_then(|s| s.parse::<Locale>().ok()))
                    .unwrap_or_default();
                let mut args: Vec<(String, FluentValue<'static>)> = Vec::new();
                for name in kwargs.args() {
                    let value: minijinja::Value = kwargs.get(name)?;
                    // A yes/no selector: `[true]` / `[false]` variants.
                    let fluent = if value.kind() == minijinja::value::ValueKind::Bool {
                        FluentValue::from(if value.is_true() { "true" } else { "false" })
                    } else {
                        match value.as_i64() {
                            Some(n) if value.kind() == minijinja::value::ValueKind::Number => {
                                FluentValue::from(n)
                            }
                            _ => match f64::try_from(value.clone()) {
                                Ok(x) if value.kind() == minijinja::value::ValueKind::Number => {
                                    FluentValue::from(x)
                                }
                                _ => FluentValue::from(value.to_string()),
                            },
                        }
                    };
                    args.push((name.to_string(), fluent));
                }
                kwargs.assert_all_used()?;
                let borrowed: Vec<(&str, FluentValue<'_>)> =
                    args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                Ok(crate::i18n::text(locale, &key, &borrowed))
            },
        );
        for (name, default) in TEMPLATES {
            let source = read(name, default)?;
            env.add_template_owned(name.to_string(), source)
                .map_err(|e| PromptError::Template {
                    name: name.to_string(),
                    message: e.to_string(),
                })?;
        }
        let mut questions = QuestionTemplates::parse(&read("questions.toml", QUESTIONS)?)?;
        // Each reading language's own questions (prompts/questions.<lang>.toml), from the
        // folder when it has them, else the built-in ones.
        for lang in crate::domain::language::SUPPORTED {
            if lang == crate::domain::language::Lang::En {
                continue;
            }
            let name = format!("questions.{}.toml", lang.code());
            if let Some(path) = dir.map(|d| d.join(&name))
                && path.exists()
            {
                let text = read(&name, "")?;
                questions.set_language(lang, QuestionTemplates::parse_in(&text, lang)?);
            }
        }
        Ok(Prompts { env, questions })
    }

    /// Render a template with a serializable context, in English.
    pub fn render<S: Serialize>(&self, name: &str, ctx: &S) -> Result<String, PromptError> {
        self.render_in(Locale::En, name, ctx)
    }

    /// Render a template in `locale`: its `t("key")` calls read that locale's messages.
    pub fn render_in<S: Serialize>(
        &self,
        locale: Locale,
        name: &str,
        ctx: &S,
    ) -> Result<String, PromptError> {
        let tpl = self
            .env
            .get_template(name)
            .map_err(|e| PromptError::Template {
                name: name.to_string(),
                message: e.to_string(),
            })?;
        let ctx = minijinja::context! {
            lang => locale.code(),
            // The BCP 47 tag, for `<html lang="...">`.
            lang_tag => locale.tag(),
            ..minijinja::Value::from(minijinja::value::Serde(ctx))
        };
        tpl.render(ctx)
            .map(|s| tidy(&s))
            .map_err(|e| PromptError::Template {
                name: name.to_string(),
                message: e.to_string(),
            })
    }
}

/// Markdown (a summary, the minutes) as HTML that cannot carry markup of its own: raw
/// HTML in the text is shown as text, images become their description (a page must not
/// load anything from another host) and a link keeps its words but loses its target
/// unless the target is http(s) or a page of the same site.
pub fn markdown_html(markdown: &str) -> String {
    use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
    let safe_target = |url: &str| {
        let lower = url.trim().to_ascii_lowercase();
        lower.starts_with("https://")
            || lower.starts_with("http://")
            || (!lower.contains(':') && !lower.starts_with("//"))
    };
    let mut dropped_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).filter_map(|event| {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let ok = safe_target(&dest_url);
                dropped_links.push(!ok);
                ok.then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    None
                } else {
                    Some(Event::End(TagEnd::Link))
                }
            }
            // Chat text: a line break is a line break.
            Event::SoftBreak => Some(Event::HardBreak),
            Event::FootnoteReference(r) => Some(Event::Text(CowStr::from(format!("[^{r}]")))),
            other => Some(other),
        }
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Collapse runs of blank lines and trim: templates stay readable, output stays tight.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// Split Markdown into parts of at most `max` characters, at blank lines where possible,
/// then at line ends; a quote (`>` lines) is kept whole when it fits in a part.
pub fn split_message(text: &str, max: usize) -> Vec<String> {
    let max = max.max(100);
    if text.chars().count() <= max {
        return vec![text.to_string()];
    }
    // Paragraph blocks: a quote and its attribution stay together.
    let mut blocks: Vec<String> = Vec::new();
    for para in text.split("\n\n") {
        if para.chars().count() <= max {
            blocks.push(para.to_string());
        } else {
            // A long paragraph: by lines, then by words.
            let mut current = String::new();
            for line in para.lines() {
                for piece in split_long_line(line, max) {
                    if current.chars().count() + piece.chars().count() + 1 > max
                        && !current.is_empty()
                    {
                        blocks.push(std::mem::take(&mut current));
                    }
                    if !current.is_empty() {
                        current.push('\n');
                    }
                    current.push_str(&piece);
                }
            }
            if !current.is_empty() {
                blocks.push(current);
            }
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for block in blocks {
        if !current.is_empty() && current.chars().count() + block.chars().count() + 2 > max {
            parts.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push_str("\n\n");
        }
        current.push_str(&block);
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

fn split_long_line(line: &str, max: usize) -> Vec<String> {
    if line.chars().count() <= max {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        if current.chars().count() + word.chars().count() + 1 > max && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if word.chars().count() > max {
            // A single enormous "word": cut it.
            let chars: Vec<char> = word.chars().collect();
            for chunk in chars.chunks(max) {
                out.push(chunk.iter().collect());
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_load_and_a_folder_overrides_them() {
        let p = Prompts::builtin();
        let out = p
            .render("excerpt.md.j2", &serde_json::json!({"title": "T", "author": null, "position": 1, "total": 2, "text": "Body.", "questions": ["Why?"]}))
            .unwrap();
        assert!(out.starts_with("**T** · excerpt 1 of 2"), "{out}");
        assert!(out.contains("1. Why?"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("excerpt.md.j2"), "Custom {{ title }}").unwrap();
        let p = Prompts::load(Some(dir.path())).unwrap();
        assert_eq!(
            p.render("excerpt.md.j2", &serde_json::json!({"title": "T"}))
                .unwrap(),
            "Custom T"
        );
        std::fs::write(dir.path().join("poll.md.j2"), "{% if %}").unwrap();
        assert!(matches!(
            Prompts::load(Some(dir.path())),
            Err(PromptError::Template { .. })
        ));
    }

    #[test]
    fn templates_speak_the_locale_they_are_rendered_in() {
        let p = Prompts::builtin();
        let mut env = p.env.clone();
        env.add_template("t.md.j2", "{{ t(\"count-replies\", n=n) }}")
            .unwrap();
        let tpl = env.get_template("t.md.j2").unwrap();
        let render = |lang: &str, n: i64| {
            tpl.render(minijinja::context! { lang => lang, n => n })
                .unwrap()
        };
        assert_eq!(render("en", 1), "1 reply");
        assert_eq!(render("ru", 3), "3 ответа");
        assert_eq!(render("ru", 5), "5 ответов");
        assert_eq!(render("zh", 5), "5 条回复");
        // A yes/no argument selects the `[true]` / `[false]` variant.
        env.add_template("b.md.j2", "{{ t(\"map-consensus-all\", groups=(n > 1)) }}")
            .unwrap();
        let b = env.get_template("b.md.j2").unwrap();
        let yes = b
            .render(minijinja::context! { lang => "en", n => 2 })
            .unwrap();
        let no = b
            .render(minijinja::context! { lang => "en", n => 0 })
            .unwrap();
        assert_eq!(
            (yes.as_str(), no.as_str()),
            ("everyone in every group", "every voter")
        );
    }

    #[test]
    fn markdown_keeps_member_text_as_text() {
        let html = markdown_html(
            "**Themes**\nA line\n\n> <script>alert(1)</script> said <img src=x onerror=alert(2)>\n\n![a pixel](https://tracker.example/p.png) [click](javascript:alert(3)) [ok](https://example.org/a) [page](session-1.html)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("click"), "{html}");
        assert!(html.contains("a pixel"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.org/a\">ok</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"session-1.html\">page</a>"),
            "{html}"
        );
        assert!(html.contains("<strong>Themes</strong><br />"), "{html}");
    }

    #[test]
    fn html_templates_escape_and_markdown_ones_do_not() {
        let p = Prompts::builtin();
        let mut env = p.env.clone();
        env.add_template("t.html.j2", "{{ x }}").unwrap();
        env.add_template("t.md.j2", "{{ x }}").unwrap();
        let ctx = minijinja::context! { x => "<b>&" };
        assert_eq!(
            env.get_template("t.html.j2").unwrap().render(&ctx).unwrap(),
            "&lt;b&gt;&amp;"
        );
        assert_eq!(
            env.get_template("t.md.j2").unwrap().render(&ctx).unwrap(),
            "<b>&"
        );
    }

    #[test]
    fn split_keeps_quotes_whole() {
        let quote = "> a quoted reply that is fairly long and must stay in one piece\n> — ana";
        let text = (0..20).map(|_| quote).collect::<Vec<_>>().join("\n\n");
        let parts = split_message(&text, 300);
        assert!(parts.len() > 1);
        for p in &parts {
            assert!(p.chars().count() <= 300);
            assert_eq!(
                p.matches("> —").count(),
                p.matches("> a quoted").count(),
                "{p}"
            );
        }
        assert_eq!(parts.join("\n\n"), text);
        let long = "word ".repeat(500);
        assert!(
            split_message(&long, 200)
                .iter()
                .all(|p| p.chars().count() <= 200)
        );
    }
}
