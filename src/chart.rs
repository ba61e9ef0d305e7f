//! Poll charts as PNG: one bar per option on a 0–100 % share scale, or a before/after pair.
//!
//! Each bar is the option's share of its own series' voters and carries its count and share
//! in text ("3 · 60 %"), so a poll of 6 voters and one of 5 compare fairly. A pre/post pair is
//! told apart three ways: the words on each bar ("Before: …"), a legend, and the fill (light
//! and hatched before, solid dark after), so it also reads in greyscale. The image is an opaque
//! light card with a dark border, readable on a dark or a light chat theme; its height follows
//! the number of options, so no part of it is left empty. Every chart comes with a text
//! description (alt text) from the engine. The opinion map's scatter chart is in [`map`].

pub mod map;

use std::sync::Once;

use image::ImageEncoder;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontStyle, register_font};
use thiserror::Error;

use crate::i18n::Locale;

/// Every chart's width in pixels (the height follows the number of options).
pub const WIDTH: u32 = 960;

#[derive(Debug, Error)]
pub enum ChartError {
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart failed: {0}")]
    Encode(String),
}

/// One set of counts (e.g. "Before" or "After").
#[derive(Debug, Clone)]
pub struct Series {
    /// The short name written on each bar of a pair ("Before").
    pub name: String,
    /// The legend's words ("Before (poll #1 · 6 voters)").
    pub label: String,
    pub counts: Vec<u32>,
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct ChartData {
    pub title: String,
    pub subtitle: Option<String>,
    pub options: Vec<String>,
    /// One series for a single poll, two for a pre/post pair.
    pub series: Vec<Series>,
    /// The language of the chart's own words (the axis caption).
    pub locale: Locale,
}

/// An option's share of its series' voters, in whole percent (0 when nobody voted).
pub fn share_pct(count: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        (count as f64 * 100.0 / total as f64).round() as u32
    }
}

/// The caption under the axis, in the chart's language: what each bar says.
fn caption(data: &ChartData) -> String {
    if data.series.len() > 1 {
        crate::t!(data.locale, "chart-caption-pair")
    } else {
        crate::t!(data.locale, "chart-caption-single")
    }
}

/// The words on a bar: count and share ("3 · 60 %").
pub fn bar_label(count: u32, total: u32) -> String {
    format!("{count} · {} %", share_pct(count, total))
}

const MARGIN: i32 = 32;
const FRAME: i32 = 3;
const BACKGROUND: RGBColor = RGBColor(250, 249, 246);
const FRAME_COLOUR: RGBColor = RGBColor(110, 112, 118);
const INK: RGBColor = RGBColor(33, 35, 40);
const MUTED: RGBColor = RGBColor(84, 88, 98);
const TRACK: RGBColor = RGBColor(234, 231, 225);
const GRID: RGBColor = RGBColor(196, 192, 184);
/// The single poll's bars and the "after" bars: solid and dark.
const SINGLE_BAR: RGBColor = RGBColor(36, 82, 150);
/// The "before" bars: light, hatched in the dark colour and outlined.
const BEFORE_FILL: RGBColor = RGBColor(198, 213, 234);
const ON_DARK: RGBColor = RGBColor(255, 255, 255);
const BAR_HEIGHT_SINGLE: i32 = 30;
const BAR_HEIGHT_PAIR: i32 = 24;
const BAR_GAP: i32 = 4;
const ROW_GAP: i32 = 16;
const LABEL_LINE: i32 = 21;
const TICK_LINE: i32 = 22;

static FONTS: Once = Once::new();

/// Where a font with Chinese glyphs is looked for when a chart needs one (DejaVu has
/// none): `COLLOQUY_CJK_FONT`, then Debian's WenQuanYi Micro Hei (`apt-get install
/// fonts-wqy-microhei`), Noto Sans CJK and Droid Sans Fallback.
const CJK_FONTS: &[&str] = &[
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
];

/// The family charts with Chinese (or Japanese, Korean) text are drawn in, when a font
/// for it was found.
const CJK_FAMILY: &str = "colloquy-cjk";

static CJK_FOUND: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

thread_local! {
    /// Whether the chart being drawn on this thread needs the CJK family.
    static USE_CJK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn register_fonts() {
    FONTS.call_once(|| {
        // The fonts are compiled in (the dejavu crate); registering them cannot fail
        // unless the font data is broken, in which case text is simply not drawn.
        let _ = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
        let _ = register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Whether `text` holds Han, kana or Hangul, which DejaVu cannot draw.
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32,
            0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
            | 0x20000..=0x2FA1F)
    })
}

/// The CJK font's path, registered once (regular and bold are the same face); `None`
/// when the machine has none, which is logged once with what to install.
fn cjk_font() -> Option<&'static str> {
    CJK_FOUND
        .get_or_init(|| {
            let configured = std::env::var("COLLOQUY_CJK_FONT").ok();
            let candidates = configured
                .iter()
                .map(String::as_str)
                .chain(CJK_FONTS.iter().copied());
            for path in candidates {
                let Ok(bytes) = std::fs::read(path) else {
                    continue;
                };
                // Kept for the life of the process: plotters wants 'static font data.
                let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                let regular = register_font(CJK_FAMILY, FontStyle::Normal, data);
                let bold = register_font(CJK_FAMILY, FontStyle::Bold, data);
                if regular.is_ok() && bold.is_ok() {
                    tracing::info!(path, "charts draw Chinese text with this font");
                    return Some(path.to_string());
                }
                tracing::warn!(path, "not a font plotters can use");
            }
            tracing::warn!(
                "a chart has Chinese text but no font with Chinese glyphs was found: it is drawn \
                 without them; install fonts-wqy-microhei or set COLLOQUY_CJK_FONT"
            );
            None
        })
        .as_deref()
}

/// Draw with the CJK family on this thread while the guard lives, when `texts` need it
/// and a font is there.
pub(crate) struct CjkGuard(bool);

impl CjkGuard {
    pub(crate) fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> CjkGuard {
        let needed = texts.into_iter().any(has_cjk) && cjk_font().is_some();
        let before = USE_CJK.with(|c| c.replace(needed));
        CjkGuard(before)
    }
}

impl Drop for CjkGuard {
    fn drop(&mut self) {
        USE_CJK.with(|c| c.set(self.0));
    }
}

fn family() -> &'static str {
    if USE_CJK.with(|c| c.get()) {
        CJK_FAMILY
    } else {
        "sans-serif"
    }
}

fn font(size: u32) -> FontDesc<'static> {
    (family(), size).into_font()
}

/// Bold must be chosen when the font is made: plotters' `.style()` keeps the regular glyphs.
fn bold(size: u32) -> FontDesc<'static> {
    (family(), size, FontStyle::Bold).into_font()
}

fn text_width(f: &FontDesc, text: &str) -> i32 {
    f.box_size(text)
        .map(|(w, _)| w as i32)
        .unwrap_or(text.chars().count() as i32 * f.get_size() as i32 / 2)
}

/// Shorten `text` with an ellipsis until it fits in `width` pixels.
fn fit(f: &FontDesc, text: &str, width: i32) -> String {
    if text_width(f, text) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(f, &s) <= width {
            return s;
        }
    }
    "…".into()
}

/// Break `text` into at most `max_lines` lines of at most `width` pixels.
fn wrap(f: &FontDesc, text: &str, width: i32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Words, and each character of Chinese text (which has no spaces to break at), with
    // whether a space goes before it.
    let mut tokens: Vec<(String, bool)> = Vec::new();
    for word in text.split_whitespace() {
        if has_cjk(word) {
            for (i, c) in word.chars().enumerate() {
                tokens.push((c.to_string(), i == 0));
            }
        } else {
            tokens.push((word.to_string(), true));
        }
    }
    for (word, spaced) in &tokens {
        let word = word.as_str();
        let candidate = if current.is_empty() {
            word.to_string()
        } else if *spaced {
            format!("{current} {word}")
        } else {
            format!("{current}{word}")
        };
        if text_width(f, &candidate) > width && !current.is_empty() {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let cut = lines.len() > max_lines;
    lines.truncate(max_lines);
    if cut && let Some(last) = lines.last_mut() {
        last.push('…');
    }
    lines.into_iter().map(|l| fit(f, &l, width)).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    Solid,
    Hatched,
}

fn fill_of(data: &ChartData, series: usize) -> Fill {
    if data.series.len() > 1 && series == 0 {
        Fill::Hatched
    } else {
        Fill::Solid
    }
}

/// Where everything goes; computed before drawing so the height fits the content.
struct Layout {
    height: i32,
    title: Vec<String>,
    subtitle: Vec<String>,
    subtitle_top: i32,
    legend_top: Option<i32>,
    plot_top: i32,
    plot_bottom: i32,
    row_height: i32,
    bar_height: i32,
    group_height: i32,
    options: Vec<Vec<String>>,
    track_left: i32,
    track_right: i32,
}

fn layout(data: &ChartData) -> Layout {
    let inner = WIDTH as i32 - 2 * MARGIN;
    let title = wrap(&bold(26), &data.title, inner, 2);
    let mut y = MARGIN - 4 + title.len() as i32 * 34;
    let subtitle = data
        .subtitle
        .as_deref()
        .map(|s| wrap(&font(17), s, inner, 2))
        .unwrap_or_default();
    let subtitle_top = y + 2;
    y += subtitle.len() as i32 * 24;
    let legend_top = (data.series.len() > 1).then(|| {
        let top = y + 8;
        y = top + 26;
        top
    });
    let plot_top = y + 20;
    let option_font = font(18);
    let options: Vec<Vec<String>> = data
        .options
        .iter()
        .map(|o| wrap(&option_font, o, 260, 2))
        .collect();
    let label_width = options
        .iter()
        .flatten()
        .map(|l| text_width(&option_font, l))
        .max()
        .unwrap_or(0)
        .clamp(90, 260);
    let n = data.series.len().max(1) as i32;
    let bar_height = if n == 1 {
        BAR_HEIGHT_SINGLE
    } else {
        BAR_HEIGHT_PAIR
    };
    let group_height = n * bar_height + (n - 1) * BAR_GAP;
    let lines = options.iter().map(Vec::len).max().unwrap_or(1) as i32;
    let row_height = group_height.max(lines * LABEL_LINE) + ROW_GAP;
    let rows = data.options.len().max(1) as i32;
    let plot_bottom = plot_top + rows * row_height - ROW_GAP + 6;
    let height = plot_bottom + 6 + 2 * TICK_LINE + MARGIN - 8;
    Layout {
        height,
        title,
        subtitle,
        subtitle_top,
        legend_top,
        plot_top,
        plot_bottom,
        row_height,
        bar_height,
        group_height,
        options,
        track_left: MARGIN + label_width + 20,
        track_right: WIDTH as i32 - MARGIN - 14,
    }
}

type Area<'b> = DrawingArea<BitMapBackend<'b>, plotters::coord::Shift>;
type DrawResult<'b> =
    Result<(), DrawingAreaErrorKind<<BitMapBackend<'b> as DrawingBackend>::ErrorType>>;

/// A bar (or legend swatch) from `x0` to `x1` in the series' fill.
fn draw_bar<'b>(
    root: &Area<'b>,
    fill: Fill,
    x0: i32,
    x1: i32,
    top: i32,
    bottom: i32,
) -> DrawResult<'b> {
    if x1 <= x0 {
        return Ok(());
    }
    match fill {
        Fill::Solid => root.draw(&Rectangle::new(
            [(x0, top), (x1, bottom)],
            SINGLE_BAR.filled(),
        )),
        Fill::Hatched => {
            root.draw(&Rectangle::new(
                [(x0, top), (x1, bottom)],
                BEFORE_FILL.filled(),
            ))?;
            for x in x0..=x1 {
                for y in top..=bottom {
                    if (x - y).rem_euclid(9) < 2 {
                        root.draw_pixel((x, y), &SINGLE_BAR)?;
                    }
                }
            }
            // A 2-pixel outline, so even a thin bar has an edge against the track.
            root.draw(&Rectangle::new(
                [(x0, top), (x1, bottom)],
                SINGLE_BAR.stroke_width(1),
            ))?;
            if x1 - x0 > 2 {
                root.draw(&Rectangle::new(
                    [(x0 + 1, top + 1), (x1 - 1, bottom - 1)],
                    SINGLE_BAR.stroke_width(1),
                ))?;
            }
            Ok(())
        }
    }
}

fn draw_inner<'b>(data: &ChartData, l: &Layout, buf: &'b mut [u8]) -> DrawResult<'b> {
    let root = BitMapBackend::with_buffer(buf, (WIDTH, l.height as u32)).into_drawing_area();
    root.fill(&FRAME_COLOUR)?;
    root.draw(&Rectangle::new(
        [
            (FRAME, FRAME),
            (WIDTH as i32 - 1 - FRAME, l.height - 1 - FRAME),
        ],
        BACKGROUND.filled(),
    ))?;
    let top_left = Pos::new(HPos::Left, VPos::Top);
    let left_centre = Pos::new(HPos::Left, VPos::Center);
    let title_font = bold(26).color(&INK).pos(top_left);
    let sub_font = font(17).color(&MUTED).pos(top_left);
    let legend_font = font(17).color(&INK).pos(left_centre);
    let option_font = font(18).color(&INK).pos(left_centre);
    let value_font = font(16);
    let tick_font = font(15)
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Top));

    let mut y = MARGIN - 4;
    for line in &l.title {
        root.draw(&Text::new(line.clone(), (MARGIN, y), title_font.clone()))?;
        y += 34;
    }
    for (i, line) in l.subtitle.iter().enumerate() {
        root.draw(&Text::new(
            line.clone(),
            (MARGIN, l.subtitle_top + i as i32 * 24),
            sub_font.clone(),
        ))?;
    }
    if let Some(top) = l.legend_top {
        let mut x = MARGIN;
        for (k, s) in data.series.iter().enumerate() {
            draw_bar(&root, fill_of(data, k), x, x + 34, top + 3, top + 23)?;
            root.draw(&Text::new(
                s.label.clone(),
                (x + 44, top + 13),
                legend_font.clone(),
            ))?;
            x += 44 + text_width(&font(17), &s.label) + 36;
        }
    }

    let track_width = (l.track_right - l.track_left) as f64;
    let bar_top = |row: usize, k: usize| -> i32 {
        let row_top = l.plot_top + row as i32 * l.row_height;
        let content = l.row_height - ROW_GAP;
        row_top + (content - l.group_height) / 2 + k as i32 * (l.bar_height + BAR_GAP)
    };
    // Tracks first (the full 0–100 % extent), then the grid, then the bars over both.
    for i in 0..data.options.len() {
        for k in 0..data.series.len() {
            let t = bar_top(i, k);
            root.draw(&Rectangle::new(
                [(l.track_left, t), (l.track_right, t + l.bar_height - 1)],
                TRACK.filled(),
            ))?;
        }
    }
    for p in [0, 25, 50, 75, 100] {
        let x = l.track_left + (track_width * p as f64 / 100.0).round() as i32;
        let colour = if p == 0 { MUTED } else { GRID };
        root.draw(&PathElement::new(
            vec![(x, l.plot_top - 6), (x, l.plot_bottom)],
            colour.stroke_width(if p == 0 { 2 } else { 1 }),
        ))?;
        root.draw(&Text::new(
            format!("{p} %"),
            (x, l.plot_bottom + 6),
            tick_font.clone(),
        ))?;
    }
    let caption = caption(data);
    root.draw(&Text::new(
        caption.as_str(),
        (
            (l.track_left + l.track_right) / 2,
            l.plot_bottom + 6 + TICK_LINE,
        ),
        font(15)
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;

    for (i, lines) in l.options.iter().enumerate() {
        let centre = bar_top(i, 0) as f64 + l.group_height as f64 / 2.0;
        for (j, line) in lines.iter().enumerate() {
            let offset = (j as f64 - (lines.len() as f64 - 1.0) / 2.0) * LABEL_LINE as f64;
            root.draw(&Text::new(
                line.clone(),
                (MARGIN, (centre + offset).round() as i32),
                option_font.clone(),
            ))?;
        }
        for (k, s) in data.series.iter().enumerate() {
            let total: u32 = s.counts.iter().sum();
            let count = s.counts.get(i).copied().unwrap_or(0);
            let t = bar_top(i, k);
            let b = t + l.bar_height - 1;
            let width = if total > 0 {
                (track_width * count as f64 / total as f64).round() as i32
            } else {
                0
            };
            let end = l.track_left + width;
            let fill = fill_of(data, k);
            draw_bar(&root, fill, l.track_left, end, t, b)?;
            let text = if data.series.len() > 1 {
                format!("{}: {}", s.name, bar_label(count, total))
            } else {
                bar_label(count, total)
            };
            let tw = text_width(&value_font, &text);
            let middle = t + l.bar_height / 2;
            if end + 8 + tw <= l.track_right {
                root.draw(&Text::new(
                    text,
                    (end + 8, middle),
                    value_font.clone().color(&INK).pos(left_centre),
                ))?;
            } else {
                let x = end - 8 - tw;
                let colour = match fill {
                    Fill::Solid => ON_DARK,
                    Fill::Hatched => {
                        root.draw(&Rectangle::new(
                            [(x - 5, t + 3), (end - 4, b - 3)],
                            BACKGROUND.filled(),
                        ))?;
                        INK
                    }
                };
                root.draw(&Text::new(
                    text,
                    (x, middle),
                    value_font.clone().color(&colour).pos(left_centre),
                ))?;
            }
        }
    }
    root.present()?;
    Ok(())
}

/// Draw the chart and encode it as PNG.
pub fn render_png(data: &ChartData) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let caption = caption(data);
    let _cjk = CjkGuard::for_texts(
        std::iter::once(data.title.as_str())
            .chain(data.subtitle.as_deref())
            .chain(data.options.iter().map(String::as_str))
            .chain(data.series.iter().map(|s| s.label.as_str()))
            .chain(data.series.iter().map(|s| s.name.as_str()))
            .chain(std::iter::once(caption.as_str())),
    );
    let l = layout(data);
    let height = l.height as u32;
    let mut buf = vec![0u8; (WIDTH * height * 3) as usize];
    draw_inner(data, &l, &mut buf).map_err(|e| ChartError::Draw(e.to_string()))?;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, WIDTH, height, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("Option {i}")).collect()
    }

    fn single(counts: Vec<u32>) -> ChartData {
        ChartData {
            title: "A claim".into(),
            subtitle: None,
            options: options(counts.len()),
            series: vec![Series {
                name: "Votes".into(),
                label: "Votes".into(),
                counts,
            }],
            locale: Locale::En,
        }
    }

    fn pair(before: Vec<u32>, after: Vec<u32>) -> ChartData {
        ChartData {
            title: "A claim".into(),
            subtitle: None,
            options: options(before.len()),
            series: vec![
                Series {
                    name: "Before".into(),
                    label: "Before (6 voters)".into(),
                    counts: before,
                },
                Series {
                    name: "After".into(),
                    label: "After (5 voters)".into(),
                    counts: after,
                },
            ],
            locale: Locale::En,
        }
    }

    fn rgb(data: &ChartData) -> image::RgbImage {
        let png = render_png(data).unwrap();
        image::load_from_memory_with_format(&png, image::ImageFormat::Png)
            .unwrap()
            .to_rgb8()
    }

    fn is(p: &image::Rgb<u8>, c: RGBColor) -> bool {
        p.0 == [c.0, c.1, c.2]
    }

    fn luma(p: &image::Rgb<u8>) -> f64 {
        0.299 * p.0[0] as f64 + 0.587 * p.0[1] as f64 + 0.114 * p.0[2] as f64
    }

    fn longest_run(img: &image::RgbImage, c: RGBColor) -> u32 {
        let mut best = 0;
        for y in 0..img.height() {
            let mut run = 0;
            for x in 0..img.width() {
                if is(img.get_pixel(x, y), c) {
                    run += 1;
                    best = best.max(run);
                } else {
                    run = 0;
                }
            }
        }
        best
    }

    /// The pixel rows of bar `k` of option `row`, as the renderer places them.
    fn bar_rows(l: &Layout, row: usize, k: usize) -> (u32, u32) {
        let row_top = l.plot_top + row as i32 * l.row_height;
        let top = row_top
            + (l.row_height - ROW_GAP - l.group_height) / 2
            + k as i32 * (l.bar_height + BAR_GAP);
        (top as u32, (top + l.bar_height - 1) as u32)
    }

    /// How far the bar reaches along the track, as a fraction of the track (0–1), read from
    /// the bar colour (solid bars, and the outline of hatched ones) on the bar's middle row.
    fn reach(img: &image::RgbImage, l: &Layout, row: usize, k: usize) -> f64 {
        let (top, bottom) = bar_rows(l, row, k);
        let y = (top + bottom) / 2;
        let last = (l.track_left as u32..=l.track_right as u32)
            .filter(|&x| is(img.get_pixel(x, y), SINGLE_BAR))
            .max()
            .unwrap_or(l.track_left as u32);
        (last as f64 - l.track_left as f64) / (l.track_right - l.track_left) as f64
    }

    /// Dark pixels in the rows `from..to` of a PNG.
    fn ink(png: &[u8], from: u32, to: u32) -> usize {
        let img = image::load_from_memory(png).expect("a PNG").to_rgb8();
        (from..to.min(img.height()))
            .flat_map(|y| (0..img.width()).map(move |x| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&v| v < 110))
            .count()
    }

    /// A Chinese title is drawn with a font that has its glyphs (DejaVu has none and
    /// would leave the title blank): its ink is comparable to an English title's. Needs a
    /// CJK font (scripts/test installs fonts-wqy-microhei).
    #[test]
    fn chinese_text_is_drawn_with_a_cjk_font() {
        assert!(
            super::cjk_font().is_some(),
            "no font with Chinese glyphs: install fonts-wqy-microhei (scripts/test does) or set COLLOQUY_CJK_FONT"
        );
        let chart = |title: &str, option: &str| ChartData {
            title: title.into(),
            subtitle: None,
            options: vec![option.to_string(), "B".into()],
            series: vec![Series {
                name: "V".into(),
                label: "V".into(),
                counts: vec![3, 2],
            }],
            locale: Locale::En,
        };
        let zh = render_png(&chart("可预期的法院能增强信任", "同意")).unwrap();
        let blank = render_png(&chart("", "同意")).unwrap();
        let en = render_png(&chart("Courts build trust", "Agree")).unwrap();
        let (zh_ink, blank_ink, en_ink) = (ink(&zh, 0, 60), ink(&blank, 0, 60), ink(&en, 0, 60));
        assert!(
            zh_ink > blank_ink + 300 && zh_ink * 3 > en_ink,
            "title ink: zh {zh_ink}, blank {blank_ink}, en {en_ink}"
        );
        // A long Chinese claim wraps onto a second line instead of being cut.
        let f = bold(26);
        let long = "可预期的法院降低了合作的成本，当公民看到规则对所有人一视同仁时，他们更愿意信任规则，批评者则认为信任增长缓慢";
        let _cjk = CjkGuard::for_texts([long]);
        let lines = wrap(&f, long, 600, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(&f, l) <= 600), "{lines:?}");
        if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
            let dir = std::path::Path::new(&dir).join("test-artifacts");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join("chart-zh.png"), &zh);
        }
    }

    #[test]
    fn renders_a_png_of_the_full_width_with_bars_and_text() {
        let data = ChartData {
            title: "Structural realism explains the continuity of the partnership".into(),
            subtitle: Some("Poll #1 · 12 voters".into()),
            options: vec!["Agree".into(), "Disagree".into(), "Unsure".into()],
            series: vec![Series {
                name: "Votes".into(),
                label: "Votes".into(),
                counts: vec![7, 3, 2],
            }],
            locale: Locale::En,
        };
        let img = rgb(&data);
        assert_eq!(img.width(), WIDTH);
        assert_eq!(img.height() as i32, layout(&data).height);
        assert!(img.pixels().any(|p| is(p, SINGLE_BAR)), "no bar drawn");
        assert!(img.pixels().any(|p| luma(p) < 60.0), "no text drawn");
    }

    #[test]
    fn one_vote_of_three_fills_a_third_of_the_track() {
        // Measured without the layout: the longest run of bar colour.
        let third = longest_run(&rgb(&single(vec![1, 1, 1])), SINGLE_BAR) as f64;
        let all = longest_run(&rgb(&single(vec![3, 0, 0])), SINGLE_BAR) as f64;
        assert!(all > 300.0, "a full bar is drawn: {all}");
        let ratio = third / all;
        assert!(
            (0.30..0.37).contains(&ratio),
            "1 of 3 is {ratio} of a full bar"
        );
        // And against the track itself.
        let data = single(vec![1, 2, 0]);
        let (img, l) = (rgb(&data), layout(&data));
        let got: Vec<f64> = (0..3).map(|i| reach(&img, &l, i, 0)).collect();
        assert!((got[0] - 1.0 / 3.0).abs() < 0.01, "{got:?}");
        assert!((got[1] - 2.0 / 3.0).abs() < 0.01, "{got:?}");
        assert!(got[2] < 0.01, "{got:?}");
    }

    #[test]
    fn no_empty_band_at_the_bottom() {
        for data in [single(vec![2, 1, 0]), pair(vec![1, 2], vec![2, 1])] {
            let img = rgb(&data);
            let bg = |p: &image::Rgb<u8>| is(p, BACKGROUND);
            let (w, h) = img.dimensions();
            let lowest = (10..h - 10)
                .rev()
                .find(|&y| (10..w - 10).any(|x| !bg(img.get_pixel(x, y))))
                .unwrap_or(0);
            assert!(h - lowest < 60, "the drawing ends at {lowest} of {h}");
        }
    }

    #[test]
    fn a_pair_compares_shares_not_counts() {
        // All 6 voters before and all 5 after chose one option each: both bars are full,
        // and an option nobody chose has no bar.
        let data = pair(vec![6, 0, 0], vec![0, 5, 0]);
        let (img, l) = (rgb(&data), layout(&data));
        assert!(reach(&img, &l, 0, 0) > 0.99, "before, option 1");
        assert!(reach(&img, &l, 1, 1) > 0.99, "after, option 2");
        assert!(reach(&img, &l, 0, 1) < 0.01 && reach(&img, &l, 1, 0) < 0.01);
        // 3 of 6 before and 3 of 5 after: 50 % and 60 %, not equal bars.
        let data = pair(vec![3, 3, 0], vec![3, 2, 0]);
        let (img, l) = (rgb(&data), layout(&data));
        assert!((reach(&img, &l, 0, 0) - 0.5).abs() < 0.01);
        assert!((reach(&img, &l, 0, 1) - 0.6).abs() < 0.01);
    }

    #[test]
    fn before_and_after_differ_in_greyscale_and_pattern() {
        let data = pair(vec![6, 0], vec![5, 0]);
        let (img, l) = (rgb(&data), layout(&data));
        let x_end = l.track_left as u32 + ((l.track_right - l.track_left) as u32) / 2;
        let area = |k: usize| -> Vec<f64> {
            let (top, bottom) = bar_rows(&l, 0, k);
            (top + 3..bottom - 2)
                .flat_map(|y| (l.track_left as u32 + 4..x_end).map(move |x| (x, y)))
                .map(|(x, y)| luma(img.get_pixel(x, y)))
                .collect()
        };
        let stats = |v: &[f64]| {
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len() as f64;
            (mean, var.sqrt())
        };
        let (before_mean, before_spread) = stats(&area(0));
        let (after_mean, after_spread) = stats(&area(1));
        assert!(
            before_mean - after_mean > 60.0,
            "grey levels: before {before_mean:.0}, after {after_mean:.0}"
        );
        assert!(
            before_spread > 30.0,
            "the before bar is hatched: {before_spread:.1}"
        );
        assert!(
            after_spread < 5.0,
            "the after bar is solid: {after_spread:.1}"
        );
    }

    #[test]
    fn a_pair_has_a_legend_with_both_fills_and_words() {
        let data = pair(vec![1, 2], vec![2, 1]);
        let (img, l) = (rgb(&data), layout(&data));
        let top = l.legend_top.expect("a legend") as u32;
        let band: Vec<&image::Rgb<u8>> = (top..top + 26)
            .flat_map(|y| (0..WIDTH).map(move |x| (x, y)))
            .map(|(x, y)| img.get_pixel(x, y))
            .collect();
        assert!(band.iter().any(|p| is(p, BEFORE_FILL)), "before swatch");
        assert!(band.iter().any(|p| is(p, SINGLE_BAR)), "after swatch");
        let ink = band.iter().filter(|p| luma(p) < 80.0).count();
        assert!(ink > 400, "legend words: {ink} dark pixels");
        assert!(layout(&single(vec![1, 2])).legend_top.is_none());
    }

    #[test]
    fn counts_and_shares_are_written_on_or_beside_each_bar() {
        assert_eq!(bar_label(3, 5), "3 · 60 %");
        assert_eq!(bar_label(0, 0), "0 · 0 %");
        // A short bar: the words are dark, just after its end.
        let data = single(vec![1, 3]);
        let (img, l) = (rgb(&data), layout(&data));
        let (top, bottom) = bar_rows(&l, 0, 0);
        let end = l.track_left as u32 + ((l.track_right - l.track_left) as u32) / 4;
        let beside = (top..=bottom)
            .flat_map(|y| (end + 4..end + 120).map(move |x| (x, y)))
            .filter(|&(x, y)| luma(img.get_pixel(x, y)) < 100.0)
            .count();
        assert!(beside > 60, "words beside the bar: {beside}");
        // A full bar: the words are white, inside its end.
        let data = single(vec![4, 0]);
        let (img, l) = (rgb(&data), layout(&data));
        let (top, bottom) = bar_rows(&l, 0, 0);
        let inside = (top..=bottom)
            .flat_map(|y| (l.track_right as u32 - 120..l.track_right as u32).map(move |x| (x, y)))
            .filter(|&(x, y)| luma(img.get_pixel(x, y)) > 200.0)
            .count();
        assert!(inside > 60, "words inside the bar: {inside}");
    }

    #[test]
    fn option_labels_are_centred_on_their_bars() {
        let mut data = pair(vec![1, 2, 3], vec![3, 2, 1]);
        data.options[1] = "A much longer option label that has to wrap onto two lines".into();
        let (img, l) = (rgb(&data), layout(&data));
        for row in 0..3 {
            let (top, _) = bar_rows(&l, row, 0);
            let (_, bottom) = bar_rows(&l, row, 1);
            let ink: Vec<u32> = (top.saturating_sub(12)..bottom + 12)
                .filter(|&y| {
                    (MARGIN as u32..(l.track_left - 20) as u32)
                        .any(|x| luma(img.get_pixel(x, y)) < 100.0)
                })
                .collect();
            let (first, last) = (ink[0] as f64, ink[ink.len() - 1] as f64);
            let label_centre = (first + last) / 2.0;
            let bars_centre = (top + bottom) as f64 / 2.0;
            assert!(
                (label_centre - bars_centre).abs() <= 4.0,
                "row {row}: label at {label_centre}, bars at {bars_centre}"
            );
        }
    }

    #[test]
    fn an_opaque_card_with_a_frame_for_dark_and_light_themes() {
        let img = rgb(&single(vec![1, 1]));
        // An RGB image has no transparency; the frame shows the card's edge on a light
        // theme and the light card stands out on a dark one.
        assert!(is(img.get_pixel(0, 0), FRAME_COLOUR));
        assert!(is(img.get_pixel(WIDTH / 2, FRAME as u32 + 2), BACKGROUND));
        let contrast = |a: RGBColor, b: RGBColor| {
            let l = |c: RGBColor| {
                let lin = |v: u8| {
                    let v = v as f64 / 255.0;
                    if v <= 0.039_28 {
                        v / 12.92
                    } else {
                        ((v + 0.055) / 1.055).powf(2.4)
                    }
                };
                0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
            };
            let (x, y) = (l(a), l(b));
            (x.max(y) + 0.05) / (x.min(y) + 0.05)
        };
        assert!(contrast(INK, BACKGROUND) >= 7.0);
        assert!(contrast(MUTED, BACKGROUND) >= 4.5);
        assert!(contrast(ON_DARK, SINGLE_BAR) >= 4.5);
        assert!(contrast(INK, TRACK) >= 7.0);
    }
}
