//! The opinion map as PNG: members as dots on the map's two axes, coloured *and* shaped by
//! group (so it reads in greyscale and for colour-blind readers: Okabe–Ito colours with a
//! dark outline), each claim as a labelled arrow from the centre toward where its agreers
//! sit, a legend of the groups and a side list of the claims. The same opaque light card
//! with a dark frame as the poll charts, readable on dark and light chat themes. The engine
//! writes the alt text.

use image::ImageEncoder;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{
    BACKGROUND, ChartError, FRAME, FRAME_COLOUR, GRID, INK, MARGIN, MUTED, bold, fit, font,
    register_fonts, wrap,
};

/// The map chart's size in pixels.
pub const MAP_WIDTH: u32 = 1040;
pub const MAP_HEIGHT: u32 = 760;
const PLOT: i32 = 580;
const PLOT_TOP: i32 = 128;
const PANEL_LEFT: i32 = MARGIN + PLOT + 40;

/// Okabe–Ito colours, one per group.
const GROUP_COLOURS: [RGBColor; 5] = [
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
];
const NO_GROUP: RGBColor = RGBColor(150, 150, 150);
const ARROW: RGBColor = RGBColor(70, 74, 84);

/// A member's dot.
#[derive(Debug, Clone)]
pub struct MapChartPoint {
    pub x: f64,
    pub y: f64,
    pub group: Option<usize>,
}

/// A claim's arrow: its loading on the two axes.
#[derive(Debug, Clone)]
pub struct MapChartClaim {
    pub label: String,
    pub text: String,
    pub dx: f64,
    pub dy: f64,
}

/// What to draw.
#[derive(Debug, Clone)]
pub struct MapChart {
    pub title: String,
    pub subtitle: String,
    pub points: Vec<MapChartPoint>,
    /// Legend entries, one per group ("Group A (6)").
    pub groups: Vec<String>,
    pub claims: Vec<MapChartClaim>,
    /// The share of variance each axis shows.
    pub explained: [f64; 2],
    /// The language of the chart's own words (axes, headings).
    pub locale: crate::i18n::Locale,
}

type Area<'b> = DrawingArea<BitMapBackend<'b>, plotters::coord::Shift>;
type DrawResult<'b> =
    Result<(), DrawingAreaErrorKind<<BitMapBackend<'b> as DrawingBackend>::ErrorType>>;

/// A group's marker: circle, triangle, square, diamond, or a cross; grey circles without
/// groups.
fn marker<'b>(area: &Area<'b>, group: Option<usize>, x: i32, y: i32, r: i32) -> DrawResult<'b> {
    let colour = group.map_or(NO_GROUP, |g| GROUP_COLOURS[g % GROUP_COLOURS.len()]);
    let outline = ShapeStyle::from(&INK).stroke_width(2);
    let fill = colour.mix(0.85).filled();
    let shape: Vec<(i32, i32)> = match group.map(|g| g % 5) {
        None | Some(0) => {
            area.draw(&Circle::new((x, y), r, fill))?;
            return area.draw(&Circle::new((x, y), r, outline));
        }
        Some(1) => vec![(x, y - r - 2), (x + r + 1, y + r), (x - r - 1, y + r)],
        Some(2) => vec![
            (x - r, y - r),
            (x + r, y - r),
            (x + r, y + r),
            (x - r, y + r),
        ],
        Some(3) => vec![
            (x, y - r - 2),
            (x + r + 2, y),
            (x, y + r + 2),
            (x - r - 2, y),
        ],
        Some(_) => {
            let a = r;
            let b = r / 3 + 1;
            vec![
                (x - b, y - a),
                (x + b, y - a),
                (x + b, y - b),
                (x + a, y - b),
                (x + a, y + b),
                (x + b, y + b),
                (x + b, y + a),
                (x - b, y + a),
                (x - b, y + b),
                (x - a, y + b),
                (x - a, y - b),
                (x - b, y - b),
            ]
        }
    };
    area.draw(&Polygon::new(shape.clone(), fill))?;
    let mut closed = shape;
    closed.push(closed[0]);
    area.draw(&PathElement::new(closed, outline))
}

/// Spread members who sit on exactly the same spot in a small spiral, so each dot shows.
fn spread(points: &[MapChartPoint], unit: f64) -> Vec<(f64, f64)> {
    let mut seen: Vec<((i64, i64), usize)> = Vec::new();
    points
        .iter()
        .map(|p| {
            let key = ((p.x * 1e6).round() as i64, (p.y * 1e6).round() as i64);
            let k = match seen.iter_mut().find(|(s, _)| *s == key) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    seen.push((key, 0));
                    0
                }
            };
            if k == 0 {
                (p.x, p.y)
            } else {
                let angle = k as f64 * 2.399_963; // the golden angle
                let radius = unit * (k as f64).sqrt();
                (p.x + radius * angle.cos(), p.y + radius * angle.sin())
            }
        })
        .collect()
}

fn draw<'b>(chart: &MapChart, buf: &'b mut [u8]) -> DrawResult<'b> {
    let root = BitMapBackend::with_buffer(buf, (MAP_WIDTH, MAP_HEIGHT)).into_drawing_area();
    root.fill(&FRAME_COLOUR)?;
    root.draw(&Rectangle::new(
        [
            (FRAME, FRAME),
            (MAP_WIDTH as i32 - 1 - FRAME, MAP_HEIGHT as i32 - 1 - FRAME),
        ],
        BACKGROUND.filled(),
    ))?;
    let top_left = Pos::new(HPos::Left, VPos::Top);
    let title_font = bold(26);
    root.draw(&Text::new(
        fit(&title_font, &chart.title, MAP_WIDTH as i32 - 2 * MARGIN),
        (MARGIN, MARGIN - 6),
        title_font.color(&INK).pos(top_left),
    ))?;
    let sub_font = font(17);
    for (i, line) in wrap(&sub_font, &chart.subtitle, MAP_WIDTH as i32 - 2 * MARGIN, 2)
        .iter()
        .enumerate()
    {
        root.draw(&Text::new(
            line.clone(),
            (MARGIN, MARGIN + 30 + i as i32 * 23),
            sub_font.color(&MUTED).pos(top_left),
        ))?;
    }

    // The plot: a square with the axes through the centre.
    let (left, top) = (MARGIN, PLOT_TOP);
    let (cx, cy) = (left + PLOT / 2, top + PLOT / 2);
    root.draw(&Rectangle::new(
        [(left, top), (left + PLOT, top + PLOT)],
        ShapeStyle::from(&GRID).stroke_width(1),
    ))?;
    root.draw(&PathElement::new(
        vec![(left, cy), (left + PLOT, cy)],
        ShapeStyle::from(&GRID).stroke_width(1),
    ))?;
    root.draw(&PathElement::new(
        vec![(cx, top), (cx, top + PLOT)],
        ShapeStyle::from(&GRID).stroke_width(1),
    ))?;
    let axis_font = font(15);
    root.draw(&Text::new(
        crate::t!(
            chart.locale,
            "map-chart-axis-1",
            pct = format!("{:.0}", chart.explained[0] * 100.0)
        ),
        (left + PLOT / 2, top + PLOT + 8),
        axis_font
            .color(&MUTED)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    root.draw(&Text::new(
        crate::t!(
            chart.locale,
            "map-chart-axis-2",
            pct = format!("{:.0}", chart.explained[1] * 100.0)
        ),
        (left + 6, top + 6),
        axis_font.color(&MUTED).pos(top_left),
    ))?;

    let extent = chart
        .points
        .iter()
        .map(|p| p.x.abs().max(p.y.abs()))
        .fold(0.0f64, f64::max)
        .max(1e-6)
        * 1.15;
    let half = (PLOT / 2 - 18) as f64;
    let to_px = |x: f64, y: f64| -> (i32, i32) {
        (
            cx + (x / extent * half).round() as i32,
            cy - (y / extent * half).round() as i32,
        )
    };

    // Claims: arrows from the centre, scaled so the longest reaches 85 % of the extent.
    let longest = chart
        .claims
        .iter()
        .map(|c| (c.dx * c.dx + c.dy * c.dy).sqrt())
        .fold(0.0f64, f64::max);
    let label_font = bold(15);
    // Arrows whose tips coincide (claims voted exactly alike) share one arrow and label.
    let mut arrows: Vec<((i32, i32), Vec<&str>)> = Vec::new();
    if longest > 1e-9 {
        let scale = extent * 0.85 / longest;
        for c in &chart.claims {
            let tip = to_px(c.dx * scale, c.dy * scale);
            if ((tip.0 - cx).pow(2) + (tip.1 - cy).pow(2)) < 14 * 14 {
                continue;
            }
            match arrows
                .iter_mut()
                .find(|(t, _)| (t.0 - tip.0).abs() <= 6 && (t.1 - tip.1).abs() <= 6)
            {
                Some((_, labels)) => labels.push(&c.label),
                None => arrows.push((tip, vec![&c.label])),
            }
        }
    }
    for ((tx, ty), labels) in &arrows {
        let (tx, ty) = (*tx, *ty);
        let style = ShapeStyle::from(&ARROW).stroke_width(2);
        root.draw(&PathElement::new(vec![(cx, cy), (tx, ty)], style))?;
        let (vx, vy) = ((tx - cx) as f64, (ty - cy) as f64);
        let len = (vx * vx + vy * vy).sqrt();
        let (ux, uy) = (vx / len, vy / len);
        for side in [-1.0, 1.0] {
            let hx = tx as f64 - 11.0 * ux + side * 6.0 * -uy;
            let hy = ty as f64 - 11.0 * uy + side * 6.0 * ux;
            root.draw(&PathElement::new(
                vec![(tx, ty), (hx.round() as i32, hy.round() as i32)],
                style,
            ))?;
        }
        let text = labels.join(", ");
        let lx = tx + (ux * (16.0 + 3.0 * text.len() as f64)).round() as i32;
        let ly = ty + (uy * 16.0).round() as i32;
        root.draw(&Text::new(
            text,
            (lx, ly),
            label_font
                .color(&ARROW)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }

    // Members, on top of the arrows.
    let spots = spread(&chart.points, extent * 0.035);
    for (p, (x, y)) in chart.points.iter().zip(spots) {
        let (px, py) = to_px(x, y);
        marker(&root, p.group, px, py, 8)?;
    }

    // The side panel: the groups, then the claims.
    let mut y = PLOT_TOP;
    let head = bold(18);
    let body = font(16);
    let panel_width = MAP_WIDTH as i32 - MARGIN - PANEL_LEFT;
    if chart.groups.is_empty() {
        marker(&root, None, PANEL_LEFT + 10, y + 10, 8)?;
        root.draw(&Text::new(
            crate::t!(chart.locale, "map-chart-no-groups"),
            (PANEL_LEFT + 28, y + 10),
            body.color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        y += 34;
    } else {
        for (g, name) in chart.groups.iter().enumerate() {
            marker(&root, Some(g), PANEL_LEFT + 10, y + 10, 8)?;
            root.draw(&Text::new(
                name.clone(),
                (PANEL_LEFT + 28, y + 10),
                body.color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            y += 30;
        }
    }
    y += 12;
    root.draw(&Text::new(
        crate::t!(chart.locale, "map-chart-claims"),
        (PANEL_LEFT, y),
        head.color(&INK).pos(top_left),
    ))?;
    y += 30;
    let bottom = MAP_HEIGHT as i32 - MARGIN;
    let drawn: Vec<&str> = arrows.iter().flat_map(|(_, l)| l.iter().copied()).collect();
    for (i, c) in chart.claims.iter().enumerate() {
        let note = if drawn.contains(&c.label.as_str()) {
            String::new()
        } else {
            format!(" {}", crate::t!(chart.locale, "map-chart-no-arrow"))
        };
        let lines = wrap(
            &body,
            &format!("{}  {}{note}", c.label, c.text),
            panel_width,
            3,
        );
        if y + 22 * lines.len() as i32 > bottom - 22 {
            let rest = chart.claims.len() - i;
            root.draw(&Text::new(
                crate::t!(chart.locale, "map-chart-more", n = rest),
                (PANEL_LEFT, y),
                body.color(&MUTED).pos(top_left),
            ))?;
            break;
        }
        for line in lines {
            root.draw(&Text::new(
                line,
                (PANEL_LEFT, y),
                body.color(&INK).pos(top_left),
            ))?;
            y += 21;
        }
        y += 6;
    }
    root.present()?;
    Ok(())
}

/// Draw the map and encode it as PNG.
pub fn render_map_png(chart: &MapChart) -> Result<Vec<u8>, ChartError> {
    register_fonts();
    let _cjk = super::CjkGuard::for_texts(
        [chart.title.as_str(), chart.subtitle.as_str()]
            .into_iter()
            .chain(chart.groups.iter().map(String::as_str))
            .chain(chart.claims.iter().map(|c| c.text.as_str())),
    );
    let mut buf = vec![0u8; (MAP_WIDTH * MAP_HEIGHT * 3) as usize];
    draw(chart, &mut buf).map_err(|e| ChartError::Draw(e.to_string()))?;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, MAP_WIDTH, MAP_HEIGHT, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(groups: bool) -> MapChart {
        MapChart {
            title: "Opinion map · session #1".into(),
            subtitle: "2 opinion groups · silhouette 0.90".into(),
            points: (0..12)
                .map(|i| MapChartPoint {
                    x: if i < 6 { -1.0 } else { 1.0 },
                    y: (i % 3) as f64 * 0.1,
                    group: groups.then_some(usize::from(i >= 6)),
                })
                .collect(),
            groups: if groups {
                vec!["Group A (6)".into(), "Group B (6)".into()]
            } else {
                Vec::new()
            },
            claims: vec![
                MapChartClaim {
                    label: "C1".into(),
                    text: "Small states hedge".into(),
                    dx: 0.7,
                    dy: 0.1,
                },
                MapChartClaim {
                    label: "C2".into(),
                    text: "Alliances are safer".into(),
                    dx: -0.7,
                    dy: 0.0,
                },
            ],
            locale: crate::i18n::Locale::En,
            explained: [0.8, 0.1],
        }
    }

    fn rgb(c: &MapChart) -> image::RgbImage {
        let png = render_map_png(c).unwrap();
        image::load_from_memory_with_format(&png, image::ImageFormat::Png)
            .unwrap()
            .to_rgb8()
    }

    fn count(img: &image::RgbImage, c: RGBColor) -> usize {
        img.pixels().filter(|p| p.0 == [c.0, c.1, c.2]).count()
    }

    #[test]
    fn an_opaque_framed_card_with_both_groups_drawn() {
        let img = rgb(&chart(true));
        assert_eq!((img.width(), img.height()), (MAP_WIDTH, MAP_HEIGHT));
        // The frame is dark and the card light: readable on either theme.
        assert_eq!(
            img.get_pixel(0, 0).0,
            [FRAME_COLOUR.0, FRAME_COLOUR.1, FRAME_COLOUR.2]
        );
        assert_eq!(
            img.get_pixel(MAP_WIDTH / 2, 10).0,
            [BACKGROUND.0, BACKGROUND.1, BACKGROUND.2]
        );
        // Both groups' colours appear (blended fills are near them, so look for the
        // dots' outline ink and count non-background pixels in each half of the plot).
        let ink = |x0: u32, x1: u32| {
            (PLOT_TOP as u32..(PLOT_TOP + PLOT) as u32)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    let p = img.get_pixel(x, y).0;
                    p[0] > 150 && p[2] < 100 || p[2] > 180 && p[0] < 150
                })
                .count()
        };
        let half = (MARGIN + PLOT / 2) as u32;
        assert!(ink(MARGIN as u32, half) > 50, "orange group A on the left");
        assert!(
            ink(half, (MARGIN + PLOT) as u32) > 50,
            "blue group B on the right"
        );
        assert!(count(&img, INK) > 500, "outlines and text");
    }

    #[test]
    fn without_groups_the_dots_are_grey() {
        let img = rgb(&chart(false));
        let orange = img
            .pixels()
            .filter(|p| p.0[0] > 200 && p.0[1] > 120 && p.0[1] < 180 && p.0[2] < 60)
            .count();
        assert_eq!(orange, 0);
    }
}
