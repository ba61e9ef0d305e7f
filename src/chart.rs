//! Poll charts as PNG: one bar per option, or paired before/after bars for a pre/post pair.
//!
//! The image is an opaque light card with dark text, so it reads the same on a dark or a
//! light chat theme. Every chart comes with a text description (alt text) from the engine.

use std::sync::Once;

use image::ImageEncoder;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};
use thiserror::Error;

/// Every chart's size in pixels.
pub const WIDTH: u32 = 960;
pub const HEIGHT: u32 = 540;

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
}

const BACKGROUND: RGBColor = RGBColor(250, 249, 246);
const INK: RGBColor = RGBColor(33, 35, 40);
const MUTED: RGBColor = RGBColor(96, 100, 110);
const TRACK: RGBColor = RGBColor(232, 230, 225);
const BAR_COLOURS: [RGBColor; 2] = [RGBColor(148, 170, 201), RGBColor(43, 96, 168)];
const SINGLE_BAR: RGBColor = RGBColor(43, 96, 168);

static FONTS: Once = Once::new();

fn register_fonts() {
    FONTS.call_once(|| {
        // The fonts are compiled in (the dejavu crate); registering them cannot fail
        // unless the font data is broken, in which case text is simply not drawn.
        let _ = register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular());
        let _ = register_font("sans-serif", FontStyle::Bold, dejavu::sans::bold());
    });
}

fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if current.chars().count() + word.chars().count() + 1 > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn draw(data: &ChartData, buf: &mut [u8]) -> Result<(), String> {
    draw_inner(data, buf).map_err(|e| e.to_string())
}

fn draw_inner<'b>(
    data: &ChartData,
    buf: &'b mut [u8],
) -> Result<(), Box<dyn std::error::Error + 'b>> {
    let root = BitMapBackend::with_buffer(buf, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&BACKGROUND)?;
    let title_font = ("sans-serif", 26)
        .into_font()
        .style(FontStyle::Bold)
        .color(&INK);
    let body_font = ("sans-serif", 20).into_font().color(&INK);
    let small_font = ("sans-serif", 17).into_font().color(&MUTED);
    let mut y = 24;
    for line in wrap(&data.title, 62, 2) {
        root.draw(&Text::new(line, (32, y), title_font.clone()))?;
        y += 34;
    }
    if let Some(sub) = &data.subtitle {
        root.draw(&Text::new(sub.clone(), (32, y + 2), small_font.clone()))?;
        y += 28;
    }
    // Legend for paired series.
    if data.series.len() > 1 {
        let mut x = 32;
        for (i, s) in data.series.iter().enumerate() {
            let colour = BAR_COLOURS[i.min(1)];
            root.draw(&Rectangle::new(
                [(x, y + 6), (x + 18, y + 22)],
                colour.filled(),
            ))?;
            root.draw(&Text::new(
                s.label.clone(),
                (x + 26, y + 4),
                small_font.clone(),
            ))?;
            x += 40 + 10 * s.label.chars().count() as i32;
        }
        y += 30;
    }
    y += 10;
    let label_width = 250;
    let left = 32 + label_width;
    let right = WIDTH as i32 - 130;
    let options = data.options.len().max(1) as i32;
    let available = HEIGHT as i32 - y - 24;
    let row = (available / options).clamp(24, 90);
    let series = data.series.len().max(1) as i32;
    let bar_height = ((row - 12) / series).clamp(8, 34);
    let max_count = data
        .series
        .iter()
        .flat_map(|s| s.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for (i, option) in data.options.iter().enumerate() {
        let top = y + i as i32 * row;
        let label = wrap(option, 24, 1).into_iter().next().unwrap_or_default();
        root.draw(&Text::new(
            label,
            (32, top + row / 2 - 12),
            body_font.clone(),
        ))?;
        for (k, s) in data.series.iter().enumerate() {
            let count = s.counts.get(i).copied().unwrap_or(0);
            let total: u32 = s.counts.iter().sum();
            let bar_top = top + 6 + k as i32 * bar_height;
            let width = ((right - left) as f64 * count as f64 / max_count).round() as i32;
            root.draw(&Rectangle::new(
                [(left, bar_top), (right, bar_top + bar_height - 4)],
                TRACK.filled(),
            ))?;
            let colour = if data.series.len() > 1 {
                BAR_COLOURS[k.min(1)]
            } else {
                SINGLE_BAR
            };
            if width > 0 {
                root.draw(&Rectangle::new(
                    [(left, bar_top), (left + width, bar_top + bar_height - 4)],
                    colour.filled(),
                ))?;
            }
            let pct = if total > 0 {
                (count as f64 * 100.0 / total as f64).round() as u32
            } else {
                0
            };
            root.draw(&Text::new(
                format!("{count} ({pct}%)"),
                (right + 10, bar_top + (bar_height - 4) / 2 - 10),
                small_font.clone(),
            ))?;
        }
    }
    root.present()?;
    Ok(())
}

/// Draw the chart and encode it as PNG.
pub fn render_png(data: &ChartData) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let mut buf = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    draw(data, &mut buf).map_err(ChartError::Draw)?;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, WIDTH, HEIGHT, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_a_png_of_the_expected_size() {
        let data = ChartData {
            title: "Structural realism explains the continuity of the partnership".into(),
            subtitle: Some("12 votes".into()),
            options: vec!["Agree".into(), "Disagree".into(), "Unsure".into()],
            series: vec![Series {
                label: "Votes".into(),
                counts: vec![7, 3, 2],
            }],
        };
        let png = render_png(&data).unwrap();
        let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap();
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
        // Not blank: the bar colour is in the picture.
        let rgb = img.to_rgb8();
        assert!(
            rgb.pixels()
                .any(|p| p.0 == [SINGLE_BAR.0, SINGLE_BAR.1, SINGLE_BAR.2])
        );
        assert!(
            rgb.pixels().any(|p| p.0 == [INK.0, INK.1, INK.2]) || rgb.pixels().any(|p| p.0[0] < 90),
            "no text drawn"
        );
    }

    #[test]
    fn paired_chart_draws_both_series() {
        let data = ChartData {
            title: "A claim".into(),
            subtitle: None,
            options: (1..=5).map(|i| format!("Option {i}")).collect(),
            series: vec![
                Series {
                    label: "Before".into(),
                    counts: vec![1, 2, 3, 2, 1],
                },
                Series {
                    label: "After".into(),
                    counts: vec![0, 1, 2, 4, 2],
                },
            ],
        };
        let png = render_png(&data).unwrap();
        let rgb = image::load_from_memory(&png).unwrap().to_rgb8();
        for c in BAR_COLOURS {
            assert!(rgb.pixels().any(|p| p.0 == [c.0, c.1, c.2]));
        }
    }
}
