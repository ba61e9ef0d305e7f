//! Reading a text into its parts: front matter (title, author, metadata) and body blocks.
//!
//! Plain text and Markdown are both read as blocks separated by blank lines. Hard-wrapped
//! lines are joined; a paragraph that ends without terminal punctuation (a PDF page break)
//! continues into the next one. Lines above the body that carry contact details, DOIs,
//! URLs, datelines or "edited version" notes become metadata, never excerpts.

use serde::{Deserialize, Serialize};

use super::sentences::ends_with_terminal;

/// One piece of front matter, e.g. `("doi", "10.1234/x")` or `("email", "a@b.org")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaItem {
    pub key: String,
    pub value: String,
}

/// A block of the body: a heading or a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A Markdown heading, kept with its `#` marks.
    Heading(String),
    /// A paragraph, its lines joined by single spaces.
    Paragraph(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Paragraph(t) => t,
        }
    }
}

/// A parsed document: what the front matter told, and the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: Option<String>,
    pub author: Option<String>,
    pub metadata: Vec<MetaItem>,
    pub blocks: Vec<Block>,
    /// Questions written by the reading's author: (index of the body block they follow, question).
    pub authored_questions: Vec<(usize, String)>,
}

/// Whether the text is Markdown (decides how `#` lines and `>` quotes are read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// Guess from a file name, falling back to the content (ATX headings).
    pub fn detect(file_name: Option<&str>, text: &str) -> Format {
        if let Some(name) = file_name {
            let lower = name.to_lowercase();
            if lower.ends_with(".md") || lower.ends_with(".markdown") {
                return Format::Markdown;
            }
            if lower.ends_with(".txt") {
                return Format::Plain;
            }
        }
        let headings = text
            .lines()
            .filter(|l| heading_level(l).is_some())
            .take(2)
            .count();
        if headings >= 1 {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes)
        && line[hashes..].starts_with(' ')
        && !line[hashes..].trim().is_empty()
    {
        Some(hashes)
    } else {
        None
    }
}

/// A raw block before front matter is separated from the body.
#[derive(Debug, Clone)]
struct RawBlock {
    heading: bool,
    text: String,
    /// Lines as they were (for front matter, where each line is its own item).
    lines: Vec<String>,
}

/// Parse a decoded text (LF line endings) into a [`Document`].
pub fn parse(text: &str, format: Format) -> Document {
    let raw = raw_blocks(text, format);
    let (front, body_start) = split_front_matter(&raw, format);
    let mut doc = Document::default();
    read_front_matter(&front, &mut doc);
    let mut body: Vec<Block> = Vec::new();
    let mut questions = Vec::new();
    for block in &raw[body_start..] {
        if let Some(qs) = authored_questions(&block.lines) {
            let after = body.len().saturating_sub(1);
            questions.extend(qs.into_iter().map(|q| (after, q)));
            continue;
        }
        if block.heading {
            body.push(Block::Heading(block.text.clone()));
        } else {
            body.push(Block::Paragraph(block.text.clone()));
        }
    }
    doc.blocks = join_page_breaks(body, &mut questions);
    doc.authored_questions = questions;
    doc
}

/// Split into blocks at blank lines; Markdown headings are blocks of their own.
fn raw_blocks(text: &str, format: Format) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let flush = |lines: &mut Vec<String>, blocks: &mut Vec<RawBlock>| {
        if !lines.is_empty() {
            let text = super::text::squeeze_spaces(&join_lines(lines));
            blocks.push(RawBlock {
                heading: false,
                text,
                lines: std::mem::take(lines),
            });
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut lines, &mut blocks);
            continue;
        }
        if format == Format::Markdown {
            if heading_level(trimmed).is_some() {
                flush(&mut lines, &mut blocks);
                blocks.push(RawBlock {
                    heading: true,
                    text: super::text::squeeze_spaces(trimmed),
                    lines: vec![trimmed.to_string()],
                });
                continue;
            }
            if trimmed.starts_with('>') {
                let quoted = trimmed.trim_start_matches('>').trim();
                if quoted.is_empty() {
                    flush(&mut lines, &mut blocks);
                } else {
                    lines.push(quoted.to_string());
                }
                continue;
            }
        }
        lines.push(trimmed.to_string());
    }
    flush(&mut lines, &mut blocks);
    blocks
}

/// Hard-wrapped lines as one paragraph: a space between them, none between CJK text
/// (Chinese is written without spaces, so a line break inside it is no word break).
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            out.push_str(super::sentences::joiner(&out, line));
        }
        out.push_str(line);
    }
    out
}

/// A block of questions by the reading's author: every line starts with `Q:`.
fn authored_questions(lines: &[String]) -> Option<Vec<String>> {
    let questions: Vec<String> = lines
        .iter()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("Q:")
                .or_else(|| l.strip_prefix("Q."))
                .map(|q| q.trim().to_string())
        })
        .filter(|q| !q.is_empty())
        .collect();
    (!questions.is_empty() && questions.len() == lines.len()).then_some(questions)
}

/// Kinds of front matter a line can be.
fn classify_meta(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    let has = |needle: &str| lower.contains(needle);
    if line.contains('@') && line.split_whitespace().any(looks_like_email) {
        return Some("email");
    }
    if has("orcid") {
        return Some("orcid");
    }
    if has("doi:")
        || has("doi.org/")
        || lower.starts_with("doi ")
        || has(" 10.") && has("/") && lower.starts_with("doi")
    {
        return Some("doi");
    }
    if lower.starts_with("tel")
        || lower.starts_with("phone")
        || lower.starts_with("fax")
        || lower.starts_with("mobile")
    {
        return Some("phone");
    }
    if lower.starts_with("address") {
        return Some("address");
    }
    if has("edited version")
        || has("originally published")
        || has("originally written")
        || has("first published")
        || has("reprinted")
        || has("all rights reserved")
        || has("©")
        || has("copyright")
    {
        return Some("note");
    }
    if has("http://") || has("https://") || has("www.") {
        return Some("url");
    }
    None
}

fn looks_like_email(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '.');
    match w.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
        }
        None => false,
    }
}

fn is_dateline(line: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = line.to_lowercase();
    let has_year = line
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with('1') || d.starts_with('2')));
    let has_month = MONTHS.iter().any(|m| lower.contains(m));
    has_year && has_month && super::text::word_count(line) <= 14
}

/// Mostly capitals or Title Case: a heading-like line.
fn is_title_like(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return false;
    }
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    capitalized * 2 >= words.len()
}

/// Whether a raw block belongs to the front matter (judged only at the top of the text).
fn is_front_matter(block: &RawBlock) -> bool {
    if block.heading {
        return true;
    }
    let words = super::text::word_count(&block.text);
    if block.lines.iter().all(|l| classify_meta(l).is_some()) {
        return true;
    }
    if words <= 40 && classify_meta(&block.text).is_some() {
        return true;
    }
    if is_dateline(&block.text) {
        return true;
    }
    if words <= 40 && !ends_with_terminal(&block.text) {
        return true;
    }
    if block.text.ends_with(':') && words <= 14 {
        return true;
    }
    words <= 12 && is_title_like(&block.text)
}

/// Find where the body starts: after the leading front-matter blocks.
fn split_front_matter(raw: &[RawBlock], format: Format) -> (Vec<RawBlock>, usize) {
    let mut end = 0;
    for (i, block) in raw.iter().enumerate() {
        // In Markdown only the first heading (the title) is front matter.
        if format == Format::Markdown && block.heading && i > 0 {
            break;
        }
        if !is_front_matter(block) {
            break;
        }
        end = i + 1;
    }
    // A text made only of short lines (a poem, a list of theses) is body after its title,
    // unless every line is contact details or the like: then there is no body at all.
    if end == raw.len() {
        let all_meta = raw.iter().all(|b| {
            b.lines
                .iter()
                .all(|l| classify_meta(l).is_some() || is_dateline(l))
        });
        if !all_meta {
            end = raw.len().min(1);
            if raw.len() > 1 && !raw[0].heading && !is_title_like(&raw[0].text) {
                end = 0;
            }
        }
    }
    (raw[..end].to_vec(), end)
}

fn strip_emphasis(line: &str) -> String {
    line.trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .to_string()
}

/// Whether a line is a person's name: 1–5 capitalized words, no digits.
fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const NOT_NAMES: &[&str] = &[
        "chapter",
        "book",
        "part",
        "section",
        "the",
        "of",
        "introduction",
        "a",
        "an",
        "and",
        "on",
        "in",
        "for",
        "to",
        "with",
        "without",
        "by",
        "from",
        "at",
        "is",
        "are",
        "why",
        "what",
        "how",
        "politics",
        "history",
        "theory",
        "essay",
        "notes",
        "preface",
    ];
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase() || *w == "de" || *w == "van" || *w == "von")
            && !NOT_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
    })
}

/// The name after an explicit author label in another language: "Автор: Анна Петрова",
/// "作者：王明", "Von Anna Weber", "Par Anne Martin".
fn author_label(line: &str) -> Option<&str> {
    const LABELS: &[&str] = &[
        "Автор:",
        "Автор ",
        "Авторы:",
        "作者：",
        "作者:",
        "作者 ",
        "Von ",
        "von ",
        "Par ",
        "par ",
        "Autor:",
        "Autorin:",
        "Auteur :",
        "Auteur:",
        "Autrice :",
    ];
    let name = LABELS
        .iter()
        .find_map(|l| line.strip_prefix(l))?
        .trim()
        .trim_end_matches('.');
    let cjk = name.chars().any(super::sentences::is_cjk);
    let ok = if cjk {
        (2..=12).contains(&name.chars().count()) && !name.contains(['。', '，'])
    } else {
        looks_like_name(name)
    };
    ok.then_some(name)
}

fn is_chapter_label(line: &str) -> bool {
    let lower = line.to_lowercase();
    let mut words = lower.split_whitespace();
    matches!(
        words.next(),
        Some("chapter" | "book" | "part" | "section" | "canto" | "letter")
    ) && words.count() <= 1
}

/// "OF THE LIBERTY OF THOUGHT" -> "Of the Liberty of Thought"; other text is left alone.
fn tame_capitals(line: &str) -> String {
    let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return line.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to",
    ];
    line.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                match chars.next() {
                    Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
                    None => String::new(),
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn read_front_matter(front: &[RawBlock], doc: &mut Document) {
    let mut chapter: Option<String> = None;
    for block in front {
        for line in &block.lines {
            let plain = strip_emphasis(line);
            if plain.is_empty() {
                continue;
            }
            if block.heading && doc.title.is_none() {
                doc.title = Some(tame_capitals(&plain));
                continue;
            }
            if let Some(name) = plain
                .strip_prefix("by ")
                .or_else(|| plain.strip_prefix("By "))
                && doc.author.is_none()
                && looks_like_name(name.trim())
            {
                doc.author = Some(tame_capitals(name.trim()));
                continue;
            }
            if let Some(name) = author_label(&plain)
                && doc.author.is_none()
            {
                doc.author = Some(name.to_string());
                continue;
            }
            if let Some(kind) = classify_meta(&plain) {
                let (key, value) = match plain.split_once(':') {
                    Some((k, v))
                        if k.split_whitespace().count() <= 2
                            && !k.contains("http")
                            && !v.trim().is_empty()
                            && kind != "note" =>
                    {
                        (kind.to_string(), v.trim().to_string())
                    }
                    _ => (kind.to_string(), plain.clone()),
                };
                doc.metadata.push(MetaItem { key, value });
                continue;
            }
            if is_dateline(&plain) {
                doc.metadata.push(MetaItem {
                    key: "dateline".into(),
                    value: plain,
                });
                continue;
            }
            if doc.title.is_none() && is_chapter_label(&plain) && chapter.is_none() {
                chapter = Some(plain);
                continue;
            }
            if doc.title.is_none() && !looks_like_name(&plain)
                || doc.title.is_none() && doc.author.is_some()
            {
                doc.title = Some(tame_capitals(plain.trim_end_matches('.')));
                continue;
            }
            if doc.author.is_none() {
                let candidate = plain
                    .strip_prefix("by ")
                    .or_else(|| plain.strip_prefix("By "))
                    .unwrap_or(&plain);
                let first_part = candidate.split([',', '—', '(']).next().unwrap_or("").trim();
                if looks_like_name(first_part) {
                    doc.author = Some(tame_capitals(first_part));
                    if first_part.len() < candidate.len() {
                        doc.metadata.push(MetaItem {
                            key: "affiliation".into(),
                            value: plain.clone(),
                        });
                    }
                    continue;
                }
            }
            let key = if plain.ends_with(':') {
                "salutation"
            } else if doc.author.is_some() {
                "affiliation"
            } else {
                "subtitle"
            };
            doc.metadata.push(MetaItem {
                key: key.into(),
                value: plain,
            });
        }
    }
    // A lone name-like first line is more likely the title than the author.
    if doc.title.is_none() && chapter.is_none() {
        doc.title = doc.author.take();
    }
    if let Some(ch) = chapter {
        match &doc.title {
            None => doc.title = Some(tame_capitals(&ch)),
            Some(_) => doc.metadata.insert(
                0,
                MetaItem {
                    key: "chapter".into(),
                    value: ch,
                },
            ),
        }
    }
}

/// Join a paragraph that ends without terminal punctuation with the paragraph after it.
fn join_page_breaks(blocks: Vec<Block>, questions: &mut [(usize, String)]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut index_map = Vec::with_capacity(blocks.len());
    let mut open = false;
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                if open && let Some(Block::Paragraph(prev)) = out.last_mut() {
                    prev.push_str(super::sentences::joiner(prev, &text));
                    prev.push_str(&text);
                } else {
                    out.push(Block::Paragraph(text));
                }
                open = !ends_with_terminal(match out.last() {
                    Some(b) => b.text(),
                    None => "",
                });
            }
            heading => {
                out.push(heading);
                open = false;
            }
        }
        index_map.push(out.len() - 1);
    }
    for (after, _) in questions.iter_mut() {
        if let Some(mapped) = index_map.get(*after) {
            *after = *mapped;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ESSAY: &str = "The Politics of Slow Agreement\n\nMara Ellison\n\n\
Mara Ellison, Lecturer in Comparative Politics, Northfield University\n\n\
E-mail: m.ellison@northfield.example\n\nTel.: +44 20 7946 0000\n\n\
ORCID: 0000-0002-1825-0097\n\nDOI: 10.5555/slow.2024.17\n\n\
This is an edited version of a talk given at https://example.org/talks/slow\n\n\
Coalitions in parliamentary systems rarely form overnight. They are assembled clause by clause, \
and each clause records a small surrender.\n\n\
The second paragraph breaks at the end of a page in the\n\n\
middle of a sentence, as copies from PDFs do.\n";

    #[test]
    fn front_matter_becomes_metadata() {
        let doc = parse(ESSAY, Format::Plain);
        assert_eq!(doc.title.as_deref(), Some("The Politics of Slow Agreement"));
        assert_eq!(doc.author.as_deref(), Some("Mara Ellison"));
        let keys: Vec<&str> = doc.metadata.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(
            keys,
            vec!["affiliation", "email", "phone", "orcid", "doi", "note"]
        );
        assert_eq!(doc.metadata[1].value, "m.ellison@northfield.example");
        assert_eq!(doc.metadata[4].value, "10.5555/slow.2024.17");
        assert!(
            doc.blocks[0]
                .text()
                .starts_with("Coalitions in parliamentary")
        );
    }

    #[test]
    fn page_breaks_are_joined() {
        let doc = parse(ESSAY, Format::Plain);
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(
            doc.blocks[1].text(),
            "The second paragraph breaks at the end of a page in the middle of a sentence, as copies from PDFs do."
        );
    }

    #[test]
    fn hard_wraps_are_joined_and_markdown_headings_kept() {
        let md = "# A Title\n\n*by Jane Roe*\n\n## First part\n\nLine one of a\nwrapped paragraph ends here.\n\n> A quoted\n> passage ends.\n\nQ: What does the author mean by a wrapped paragraph?\nQ: How would a critic answer?\n\n## Second part\n\nMore text follows here.\n";
        let doc = parse(md, Format::detect(Some("x.md"), md));
        assert_eq!(doc.title.as_deref(), Some("A Title"));
        assert_eq!(doc.author.as_deref(), Some("Jane Roe"));
        assert_eq!(
            doc.blocks,
            vec![
                Block::Heading("## First part".into()),
                Block::Paragraph("Line one of a wrapped paragraph ends here.".into()),
                Block::Paragraph("A quoted passage ends.".into()),
                Block::Heading("## Second part".into()),
                Block::Paragraph("More text follows here.".into()),
            ]
        );
        assert_eq!(doc.authored_questions.len(), 2);
        assert_eq!(doc.authored_questions[0].0, 2);
    }

    #[test]
    fn newspaper_style_header() {
        let text = "THE ESSAY No. 3\n\nA Subtitle Without Punctuation (On Factions)\n\n\
From the Morning Post. Monday, March 3, 1790.\n\nHAMILTON\n\nTo the Readers of the Post:\n\n\
Among the many questions before the public, none is more pressing than this one, which \
concerns every citizen equally.\n\nSIGNED\n";
        let doc = parse(text, Format::Plain);
        assert_eq!(doc.title.as_deref(), Some("THE ESSAY No. 3"));
        assert_eq!(doc.author.as_deref(), Some("Hamilton"));
        assert!(doc.metadata.iter().any(|m| m.key == "dateline"));
        assert!(doc.metadata.iter().any(|m| m.key == "salutation"));
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[1].text(), "SIGNED");
    }

    #[test]
    fn text_without_front_matter_is_all_body() {
        let text = "It was a dark night. The wind rose.\n\nThen it fell again.\n";
        let doc = parse(text, Format::Plain);
        assert_eq!(doc.blocks.len(), 2);
        assert!(doc.metadata.is_empty());
    }
}
