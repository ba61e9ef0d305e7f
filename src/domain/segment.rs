//! Cutting a reading's body into excerpts of about N words, only at sentence ends.
//!
//! Cut points are chosen by dynamic programming over sentence boundaries: each excerpt
//! costs its squared distance from N, cuts inside a paragraph cost extra, a cut before a
//! heading is cheap, and a heading is never separated from the text after it. Excerpts
//! under N/2 or over 2N words are only made when nothing else is possible (a text shorter
//! than N/2, or one sentence longer than 2N). Sentences are found with the reading
//! language's rules, and Chinese counts two characters as a word (so N words are about
//! 2N characters) and joins its sentences without spaces.

use super::language::Lang;
use super::reading::Block;
use super::sentences::{joiner, sentence_spans_in};
use super::text::word_count;

/// The default excerpt length in words.
pub const DEFAULT_WORDS: usize = 220;

/// One excerpt: its text (paragraphs separated by blank lines) and word count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub text: String,
    pub words: usize,
    /// The last body block (index into the document's blocks) this excerpt covers.
    pub last_block: usize,
    /// Byte ranges of its sentences (and headings) in `text`.
    pub sentences: Vec<(usize, usize)>,
}

impl Excerpt {
    /// The excerpt's sentences, as found when it was cut.
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.sentences
            .iter()
            .map(|(a, b)| &self.text[*a..*b])
            .collect()
    }
}

/// A sentence (or heading) of the body, the unit excerpts are made of.
#[derive(Debug, Clone)]
struct Unit<'a> {
    text: &'a str,
    words: usize,
    block: usize,
    heading: bool,
    /// The last sentence of its paragraph.
    para_end: bool,
}

/// Every sentence of the body, in order (headings count as one sentence each).
pub fn body_sentences(blocks: &[Block]) -> Vec<&str> {
    body_sentences_in(blocks, Lang::En)
}

/// Every sentence of a body written in `lang`, in order.
pub fn body_sentences_in(blocks: &[Block], lang: Lang) -> Vec<&str> {
    units(blocks, lang).into_iter().map(|u| u.text).collect()
}

fn units(blocks: &[Block], lang: Lang) -> Vec<Unit<'_>> {
    // Sentence segmentation is the costly part: on long texts, spread it over the cores.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    if threads > 1 && blocks.len() > 256 {
        let per = blocks.len().div_ceil(threads);
        let parts: Vec<Vec<Unit<'_>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = blocks
                .chunks(per)
                .enumerate()
                .map(|(k, part)| scope.spawn(move || units_from(part, k * per, lang)))
                .collect();
            handles
                .into_iter()
                .enumerate()
                .map(|(k, h)| {
                    // A worker that panicked: redo its part here.
                    h.join().unwrap_or_else(|_| {
                        let start = k * per;
                        units_from(&blocks[start..(start + per).min(blocks.len())], start, lang)
                    })
                })
                .collect()
        });
        return parts.into_iter().flatten().collect();
    }
    units_from(blocks, 0, lang)
}

fn units_from(blocks: &[Block], offset: usize, lang: Lang) -> Vec<Unit<'_>> {
    let mut units = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let i = i + offset;
        match block {
            Block::Heading(text) => units.push(Unit {
                text,
                words: word_count(text),
                block: i,
                heading: true,
                para_end: true,
            }),
            Block::Paragraph(text) => {
                let spans = sentence_spans_in(text, lang);
                let n = spans.len();
                for (k, (s, e)) in spans.into_iter().enumerate() {
                    let text = &text[s..e];
                    units.push(Unit {
                        text,
                        words: word_count(text),
                        block: i,
                        heading: false,
                        para_end: k + 1 == n,
                    });
                }
            }
        }
    }
    units
}

/// Cut the body into excerpts of about `target` words (English rules).
pub fn excerpts(blocks: &[Block], target: usize) -> Vec<Excerpt> {
    excerpts_in(blocks, target, Lang::En)
}

/// Cut a body written in `lang` into excerpts of about `target` words (for Chinese,
/// about 2 × `target` characters).
pub fn excerpts_in(blocks: &[Block], target: usize, lang: Lang) -> Vec<Excerpt> {
    let target = target.max(20);
    let units = units(blocks, lang);
    let m = units.len();
    if m == 0 {
        return Vec::new();
    }
    let min = target / 2;
    let max = target * 2;
    let t = target as f64;
    // best[b] = (cost, start) of the cheapest cutting of units[..b].
    let mut best: Vec<(f64, usize)> = vec![(f64::INFINITY, 0); m + 1];
    best[0] = (0.0, 0);
    for b in 1..=m {
        let last = &units[b - 1];
        // Never cut right after a heading.
        if last.heading && b < m {
            continue;
        }
        let cut_cost = if b == m {
            0.0
        } else if units[b].heading {
            -0.3
        } else if last.para_end {
            0.0
        } else {
            0.45
        };
        let mut words = 0usize;
        let mut sentences_in = 0usize;
        let mut a = b;
        while a > 0 {
            a -= 1;
            words += units[a].words;
            if !units[a].heading {
                sentences_in += 1;
            }
            // Over 2N words only for one sentence alone (with the headings above it).
            if words > max && sentences_in > 1 {
                break;
            }
            if !best[a].0.is_finite() {
                continue;
            }
            let size_cost = ((words as f64 - t) / t).powi(2);
            let short = if words < min && !(a == 0 && b == m) {
                10.0 * (min - words) as f64 / t + 1.0
            } else {
                0.0
            };
            let cost = best[a].0 + size_cost + short + cut_cost;
            if cost < best[b].0 {
                best[b] = (cost, a);
            }
        }
    }
    let mut cuts = Vec::new();
    let mut b = m;
    while b > 0 {
        let a = best[b].1;
        cuts.push((a, b));
        b = a;
    }
    cuts.reverse();
    cuts.into_iter()
        .map(|(a, b)| render(&units[a..b]))
        .collect()
}

/// Join units back into text: sentences of one paragraph with spaces, paragraphs with blank lines.
fn render(units: &[Unit<'_>]) -> Excerpt {
    let mut text = String::new();
    let mut words = 0;
    let mut sentences = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            let prev = &units[i - 1];
            text.push_str(if prev.block != u.block {
                "\n\n"
            } else {
                joiner(prev.text, u.text)
            });
        }
        let start = text.len();
        text.push_str(u.text);
        sentences.push((start, text.len()));
        words += u.words;
    }
    Excerpt {
        text,
        words,
        last_block: units.last().map(|u| u.block).unwrap_or(0),
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reading::{Format, parse};
    use crate::domain::sentences::sentences;

    fn sample(paragraphs: usize, sentences_per: usize, words_per: usize) -> String {
        let mut out = String::new();
        for p in 0..paragraphs {
            for s in 0..sentences_per {
                let words: Vec<String> = (0..words_per).map(|w| format!("w{p}x{s}y{w}")).collect();
                out.push_str(&format!("Sentence {} {}. ", p * 100 + s, words.join(" ")));
            }
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn excerpts_stay_within_bounds_and_give_back_every_sentence() {
        let text = sample(40, 7, 11);
        let doc = parse(&text, Format::Plain);
        let ex = excerpts(&doc.blocks, 220);
        assert!(ex.len() > 5);
        for e in &ex {
            assert!(e.words >= 110 && e.words <= 440, "{} words", e.words);
        }
        let joined: Vec<&str> = ex.iter().flat_map(|e| sentences(&e.text)).collect();
        assert_eq!(joined, body_sentences(&doc.blocks));
    }

    #[test]
    fn prefers_paragraph_ends() {
        // Paragraphs of ~104 words: excerpts of two paragraphs each fit 220 well.
        let text = sample(10, 8, 11);
        let doc = parse(&text, Format::Plain);
        let ex = excerpts(&doc.blocks, 200);
        // Every cut falls at a paragraph end: each excerpt holds whole paragraphs.
        let paragraphs: usize = ex.iter().map(|e| e.text.matches("\n\n").count() + 1).sum();
        assert_eq!(paragraphs, 10, "{ex:#?}");
    }

    #[test]
    fn heading_stays_with_following_text() {
        let mut md = String::from("# Title\n\n");
        for i in 0..6 {
            md.push_str(&format!("## Part {i}\n\n"));
            md.push_str(&sample(2, 6, 12));
        }
        let doc = parse(&md, Format::Markdown);
        let ex = excerpts(&doc.blocks, 150);
        for e in &ex {
            let last_line = e.text.lines().last().unwrap_or("");
            assert!(
                !last_line.starts_with('#'),
                "a heading ends an excerpt: {}",
                e.text
            );
        }
        assert!(ex.iter().filter(|e| e.text.starts_with("## Part")).count() >= 5);
    }

    #[test]
    fn a_long_sentence_stands_alone_and_short_texts_make_one_excerpt() {
        let long: Vec<String> = (0..600).map(|i| format!("w{i}")).collect();
        let text = format!(
            "Short start here. {}.\n\nA closing sentence.",
            long.join(" ")
        );
        let doc = parse(&text, Format::Plain);
        let ex = excerpts(&doc.blocks, 100);
        assert!(ex.iter().any(|e| e.words > 600));
        let doc = parse("Just one sentence.", Format::Plain);
        assert_eq!(excerpts(&doc.blocks, 220).len(), 1);
    }
}
