//! Footnotes: a notes block at the end of a text ("FOOTNOTES:", "Notes", then "[1] …" or
//! "1. …" lines), trailing "[1] …" paragraphs the body cites, and Markdown `[^1]:`
//! definitions are taken out of the body; each note then goes with the excerpt that cites it.

use super::reading::Format;

/// One footnote, without its marker: `label` "6" and `text` "These words had scarcely…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub label: String,
    pub text: String,
}

impl Note {
    /// The note as it is shown under its excerpt: "[6] These words had scarcely…".
    pub fn render(&self) -> String {
        format!("[{}] {}", self.label, self.text)
    }
}

/// A text with its footnotes taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The body without the notes (Markdown `[^1]` citations become `[1]`).
    pub body: String,
    pub notes: Vec<Note>,
}

/// Headings that open a notes block.
const NOTE_HEADINGS: &[&str] = &["footnotes", "notes", "endnotes", "end notes"];

/// Take the footnotes out of a decoded text (LF line endings).
pub fn split(text: &str, format: Format) -> Split {
    let lines: Vec<&str> = text.lines().collect();
    let mut keep = vec![true; lines.len()];
    let mut notes = markdown_definitions(&lines, &mut keep);
    let markdown_labels: Vec<String> = notes.iter().map(|n| n.label.clone()).collect();
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| keep[i]).collect();
    let block = headed_block(&lines, &kept, format).or_else(|| trailing_block(&lines, &kept));
    if let Some((start, end, found)) = block {
        for &i in &kept[start..end] {
            keep[i] = false;
        }
        notes.extend(found);
    }
    let mut body = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        if keep[i] {
            body.push_str(line);
            body.push('\n');
        }
    }
    for label in &markdown_labels {
        body = body.replace(&format!("[^{label}]"), &format!("[{label}]"));
    }
    Split { body, notes }
}

/// Whether `text` cites the note labelled `label`: "\[6\]", "\[^6\]", "^6" or "⁶".
pub fn cites(text: &str, label: &str) -> bool {
    if text.contains(&format!("[{label}]")) || text.contains(&format!("[^{label}]")) {
        return true;
    }
    if !label.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let not_digit_after =
        |rest: &str, digits: fn(char) -> bool| rest.chars().next().is_none_or(|c| !digits(c));
    let caret = format!("^{label}");
    if text
        .match_indices(&caret)
        .any(|(at, m)| not_digit_after(&text[at + m.len()..], |c| c.is_ascii_digit()))
    {
        return true;
    }
    let superscript: String = label.chars().filter_map(superscript_digit).collect();
    text.match_indices(&superscript).any(|(at, m)| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_superscript(c));
        before_ok && not_digit_after(&text[at + m.len()..], is_superscript)
    })
}

fn superscript_digit(c: char) -> Option<char> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    c.to_digit(10).map(|d| SUP[d as usize])
}

fn is_superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹')
}

/// How a line opens a note, if it does: the label and the text after the marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `[6] …`
    Bracket,
    /// `6. …` or `6) …`
    Numbered,
    /// `^6 …`
    Caret,
}

fn note_start(line: &str) -> Option<(String, Style, &str)> {
    let t = line.trim_start();
    let digits = |s: &str| -> usize { s.chars().take_while(char::is_ascii_digit).count() };
    if let Some(rest) = t.strip_prefix('[') {
        let n = digits(rest);
        if (1..=3).contains(&n) && rest[n..].starts_with(']') {
            let after = &rest[n + 1..];
            if after.is_empty() || after.starts_with(char::is_whitespace) {
                return Some((rest[..n].to_string(), Style::Bracket, after.trim()));
            }
        }
        return None;
    }
    if let Some(rest) = t.strip_prefix('^') {
        let n = digits(rest);
        if (1..=3).contains(&n) && rest[n..].starts_with(char::is_whitespace) {
            return Some((rest[..n].to_string(), Style::Caret, rest[n..].trim()));
        }
        return None;
    }
    let n = digits(t);
    if (1..=3).contains(&n) {
        let after = &t[n..];
        if let Some(rest) = after.strip_prefix(['.', ')'])
            && rest.starts_with(char::is_whitespace)
            && !rest.trim().is_empty()
        {
            return Some((t[..n].to_string(), Style::Numbered, rest.trim()));
        }
    }
    None
}

fn is_notes_heading(line: &str) -> bool {
    let plain = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim_end_matches(':')
        .trim()
        .to_lowercase();
    NOTE_HEADINGS.contains(&plain.as_str())
}

fn is_markdown_heading(line: &str) -> bool {
    let t = line.trim_start();
    let hashes = t.chars().take_while(|c| *c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with(' ')
}

/// A notes heading with notes after it: (start, end) into `kept` (the heading included)
/// and the notes. The last such heading wins; a Markdown block ends at the next heading.
fn headed_block(
    lines: &[&str],
    kept: &[usize],
    format: Format,
) -> Option<(usize, usize, Vec<Note>)> {
    let line = |k: usize| lines[kept[k]];
    let blank = |k: usize| line(k).trim().is_empty();
    for h in (0..kept.len()).rev() {
        if !is_notes_heading(line(h)) || (h > 0 && !blank(h - 1)) {
            continue;
        }
        let Some(first) = (h + 1..kept.len()).find(|&k| !blank(k)) else {
            continue;
        };
        if note_start(line(first)).is_none() {
            continue;
        }
        let end = if format == Format::Markdown {
            (first..kept.len())
                .find(|&k| is_markdown_heading(line(k)))
                .unwrap_or(kept.len())
        } else {
            kept.len()
        };
        let section: Vec<&str> = (first..end).map(line).collect();
        let notes = read_notes(&section);
        if !notes.is_empty() {
            return Some((h, end, notes));
        }
    }
    None
}

/// Trailing paragraphs that each open with "[N]" the body before them cites.
fn trailing_block(lines: &[&str], kept: &[usize]) -> Option<(usize, usize, Vec<Note>)> {
    let line = |k: usize| lines[kept[k]];
    let mut end = kept.len();
    while end > 0 && line(end - 1).trim().is_empty() {
        end -= 1;
    }
    // Walk back paragraph by paragraph while each opens with a bracketed marker.
    let mut start = end;
    let mut k = end;
    while k > 0 {
        let mut top = k;
        while top > 0 && !line(top - 1).trim().is_empty() {
            top -= 1;
        }
        if top == k {
            break;
        }
        match note_start(line(top)) {
            Some((_, Style::Bracket, _)) => start = top,
            _ => break,
        }
        k = top;
        while k > 0 && line(k - 1).trim().is_empty() {
            k -= 1;
        }
    }
    if start == end {
        return None;
    }
    let before: String = (0..start).map(line).collect::<Vec<_>>().join("\n");
    let section: Vec<&str> = (start..end).map(line).collect();
    let notes = read_notes(&section);
    let cited = !notes.is_empty()
        && notes
            .iter()
            .all(|n| before.contains(&format!("[{}]", n.label)));
    cited.then_some((start, kept.len(), notes))
}

/// Read a notes section: a marker line opens a note; other lines (and paragraphs)
/// continue the note before them. A numbered marker inside a paragraph only opens a
/// note when it follows on (a wrapped line may start with "12.").
fn read_notes(section: &[&str]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    let mut style: Option<Style> = None;
    let mut previous_blank = true;
    for raw in section {
        let l = raw.trim();
        if l.is_empty() {
            previous_blank = true;
            continue;
        }
        let opened = note_start(l).filter(|(label, s, _)| {
            let same_style = style.is_none_or(|st| st == *s);
            let follows = notes
                .last()
                .and_then(|n| n.label.parse::<u32>().ok())
                .zip(label.parse::<u32>().ok())
                .is_none_or(|(a, b)| b == a + 1);
            same_style && (previous_blank || *s == Style::Bracket || follows)
        });
        match opened {
            Some((label, s, rest)) => {
                style = Some(s);
                notes.push(Note {
                    label,
                    text: rest.to_string(),
                });
            }
            None => match notes.last_mut() {
                Some(n) => {
                    if !n.text.is_empty() {
                        n.text.push(' ');
                    }
                    n.text.push_str(l);
                }
                None => return Vec::new(),
            },
        }
        previous_blank = false;
    }
    for n in &mut notes {
        n.text = super::text::squeeze_spaces(&n.text);
    }
    notes.retain(|n| !n.text.is_empty());
    notes
}

/// Markdown footnote definitions (`[^id]: text`, continued by the lines after it and by
/// indented paragraphs), wherever they are; their lines are marked as taken.
fn markdown_definitions(lines: &[&str], keep: &mut [bool]) -> Vec<Note> {
    let mut notes = Vec::new();
    let mut fenced = false;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
            fenced = !fenced;
        }
        let Some((label, first)) = (!fenced).then(|| definition_start(l)).flatten() else {
            i += 1;
            continue;
        };
        let mut text = first.trim().to_string();
        keep[i] = false;
        i += 1;
        loop {
            // Lines straight after it, until a blank line or another definition.
            while i < lines.len()
                && !lines[i].trim().is_empty()
                && definition_start(lines[i]).is_none()
            {
                text.push(' ');
                text.push_str(lines[i].trim());
                keep[i] = false;
                i += 1;
            }
            // An indented paragraph after blank lines continues it.
            let mut j = i;
            while j < lines.len() && lines[j].trim().is_empty() {
                j += 1;
            }
            let indented = j > i
                && j < lines.len()
                && (lines[j].starts_with("    ") || lines[j].starts_with('\t'));
            if !indented {
                break;
            }
            for flag in &mut keep[i..j] {
                *flag = false;
            }
            i = j;
        }
        let text = super::text::squeeze_spaces(&text);
        if !text.is_empty() {
            notes.push(Note { label, text });
        }
    }
    notes
}

fn definition_start(line: &str) -> Option<(String, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.trim_start().strip_prefix("[^")?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    let ok = !label.is_empty()
        && label.chars().count() <= 20
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    ok.then(|| (label.to_string(), &rest[close + 2..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headed_block_at_the_end_is_taken_out_with_its_continuations() {
        let text = "Title\n\nThe harbour closed in winter.[1] Ships waited outside.[2]\n\n\
                    FOOTNOTES:\n\n[1] The winter of the great frost, when the river\n\
                    froze to the bridge.\n\nA second paragraph of the first note.\n\n\
                    [2] See the harbour log.\n";
        let s = split(text, Format::Plain);
        assert!(!s.body.contains("FOOTNOTES"));
        assert!(!s.body.contains("harbour log"));
        assert!(s.body.contains("Ships waited outside.[2]"));
        assert_eq!(
            s.notes,
            vec![
                Note {
                    label: "1".into(),
                    text: "The winter of the great frost, when the river froze to the bridge. \
                           A second paragraph of the first note."
                        .into()
                },
                Note {
                    label: "2".into(),
                    text: "See the harbour log.".into()
                },
            ]
        );
    }

    #[test]
    fn numbered_notes_after_a_notes_heading_and_wrapped_numbers_stay_in_their_note() {
        let text = "Body text cites a source.¹ And another.²\n\nNotes\n\n\
                    1. A first note that wraps onto a line starting with a number\n\
                    12. and goes on.\n2. A second note.\n";
        let s = split(text, Format::Plain);
        assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
        assert!(s.notes[0].text.ends_with("number 12. and goes on."));
        assert!(cites(&s.body, "1") && cites(&s.body, "2") && !cites(&s.body, "3"));
    }

    #[test]
    fn markdown_definitions_go_wherever_they_are() {
        let md = "# T\n\nA claim needs support.[^src] More text.\n\n[^src]: The source,\n  on two lines.\n\n    An indented second paragraph.\n\nThe body goes on.\n";
        let s = split(md, Format::Markdown);
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.notes[0].label, "src");
        assert_eq!(
            s.notes[0].text,
            "The source, on two lines. An indented second paragraph."
        );
        assert!(s.body.contains("support.[src] More"));
        assert!(s.body.contains("The body goes on."));
        assert!(!s.body.contains("[^src]:"));
    }

    #[test]
    fn trailing_bracketed_paragraphs_are_notes_only_when_cited() {
        let cited = "One claim.[4]\n\nAnother claim.\n\n[4] The note.\n";
        assert_eq!(split(cited, Format::Plain).notes.len(), 1);
        let uncited = "One claim.\n\n[4] A last paragraph that opens with a bracket.\n";
        let s = split(uncited, Format::Plain);
        assert!(s.notes.is_empty());
        assert_eq!(s.body, uncited);
    }

    #[test]
    fn a_list_in_the_body_is_not_a_notes_block() {
        let text = "The theses:\n\n1. Power corrupts.\n2. Rules bind.\n\nA closing remark.\n";
        let s = split(text, Format::Plain);
        assert!(s.notes.is_empty());
        assert_eq!(s.body, text);
    }

    #[test]
    fn citations_match_whole_labels() {
        assert!(cites("as he said.[10] Then", "10"));
        assert!(!cites("as he said.[10] Then", "1"));
        assert!(!cites("x^12 y", "1"));
        assert!(cites("x^1 y", "1"));
        assert!(!cites("x¹² y", "1") && cites("x¹² y", "12"));
    }
}
