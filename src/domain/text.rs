//! Turning uploaded bytes into clean text: UTF-8 checks, BOM and line endings, word counts.

use thiserror::Error;

/// Why a file cannot be read as a text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TextError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary (it contains {0}), not a .txt or .md text")]
    Binary(&'static str),
    #[error(
        "the file is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8 and try again"
    )]
    NotUtf8 { offset: usize },
}

impl TextError {
    /// The explanation, in `locale` (`Display` gives the English one).
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        use crate::t;
        match self {
            TextError::Empty => t!(locale, "import-error-empty"),
            TextError::Binary("NUL bytes") => t!(locale, "import-error-binary-nul"),
            TextError::Binary(_) => t!(locale, "import-error-binary-control"),
            TextError::NotUtf8 { offset } => {
                t!(locale, "import-error-not-utf8", offset = *offset)
            }
        }
    }
}

/// Decode uploaded bytes as UTF-8 text: strip a BOM, turn CRLF and CR into LF.
///
/// Binary files (NUL bytes or many control characters) and invalid UTF-8 are refused.
pub fn decode(bytes: &[u8]) -> Result<String, TextError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(TextError::Empty);
    }
    if bytes.contains(&0) {
        return Err(TextError::Binary("NUL bytes"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| TextError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if controls > 8 && controls * 100 > text.len() {
        return Err(TextError::Binary("many control characters"));
    }
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                clean.push('\n');
            }
            '\u{c}' => clean.push('\n'),
            _ => clean.push(c),
        }
    }
    Ok(clean)
}

/// Words as `wc -w` counts them (runs of non-white-space), except that Chinese, written
/// without spaces, counts one word for every two characters (punctuation aside), so that
/// "about N words" means about 2N characters of Chinese.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|run| {
            if run.is_ascii() || !run.chars().any(super::sentences::is_cjk) {
                return 1;
            }
            let mut cjk = 0usize;
            let mut other_words = 0usize;
            let mut in_other = false;
            for c in run.chars() {
                if super::sentences::is_cjk(c) {
                    if c.is_alphanumeric() {
                        cjk += 1;
                    }
                    in_other = false;
                } else if c.is_alphanumeric() {
                    if !in_other {
                        other_words += 1;
                    }
                    in_other = true;
                } else {
                    in_other = false;
                }
            }
            (cjk.div_ceil(2) + other_words).max(1)
        })
        .sum()
}

/// Characters of Chinese text that count toward its length (no punctuation or spaces).
pub fn cjk_chars(text: &str) -> usize {
    text.chars()
        .filter(|c| super::sentences::is_cjk(*c) && c.is_alphanumeric())
        .count()
}

/// Shorten `text` to at most `max` characters, cutting at a word boundary and adding "…".
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word_end = text[cut.len()..].starts_with(char::is_whitespace);
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 && !at_word_end => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Zero-width and bidirectional control characters (they can hide or reorder text).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A short label from a member (a claim, an option, a reason): no invisible or control
/// characters, white space collapsed.
pub fn clean_label(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| !is_invisible(*c) && (!c.is_control() || c.is_whitespace()))
        .collect();
    squeeze_spaces(&visible)
}

/// Keep member-written text from pinging everyone when the bot repeats it:
/// "@everyone", "@here" and "@room" get a zero-width space after the "@".
pub fn defang_mentions(text: &str) -> String {
    let mut out = text.to_string();
    for word in ["everyone", "here", "room"] {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find('@') {
            result.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
            if rest
                .get(..word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
            {
                result.push('\u{200B}');
            }
        }
        result.push_str(rest);
        out = result;
    }
    out
}

/// Collapse runs of white space into single spaces and trim.
pub fn squeeze_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let text = decode(b"\xEF\xBB\xBFOne.\r\nTwo.\rThree.\n").unwrap();
        assert_eq!(text, "One.\nTwo.\nThree.\n");
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(decode(b""), Err(TextError::Empty));
        assert_eq!(decode(b" \n\t"), Err(TextError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF"), Err(TextError::Empty));
        assert!(matches!(decode(b"abc\0def"), Err(TextError::Binary(_))));
        assert_eq!(
            decode(b"caf\xE9 au lait"),
            Err(TextError::NotUtf8 { offset: 3 })
        );
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(matches!(decode(&controls), Err(TextError::Binary(_))));
    }

    #[test]
    fn mentions_are_defanged_and_labels_cleaned() {
        assert_eq!(defang_mentions("@░░░ @é"), "@░░░ @é");
        let d = defang_mentions("hi @everyone and @Here, see @room; mail a@b.org");
        assert!(
            !d.contains("@everyone") && !d.contains("@Here") && !d.contains("@room"),
            "{d}"
        );
        assert!(d.contains("a@b.org"));
        assert_eq!(clean_label("  A\u{202E}gree\u{200B} \n now "), "Agree now");
    }

    #[test]
    fn truncates_at_words() {
        assert_eq!(truncate_chars("short", 10), "short");
        let t = truncate_chars("the quick brown fox jumps over the lazy dog", 20);
        assert!(t.chars().count() <= 20, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(t, "the quick brown fox…");
    }
}
