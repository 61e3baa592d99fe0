//! A frame as a self-contained SVG: cells on a fixed grid of 9.6 × 20 px, wide
//! (CJK) characters two cells wide, colours from a fixed xterm-like palette.
//!
//! Fonts differ between viewers, so nothing relies on a font's advance width:
//! each run of narrow characters starts at its cell and is stretched to exactly
//! its cells (`textLength`), each wide character is centred on its two cells,
//! and box-drawing and block characters are drawn as lines and rectangles, so
//! that borders connect whatever font is used.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};

use super::{Glyph, glyphs};

/// Cell width in tenths of a pixel (9.6 px: the advance of a 16 px monospace font).
const CELL_W: u32 = 96;
/// Cell height in tenths of a pixel.
const CELL_H: u32 = 200;
/// The baseline below the top of a cell, in tenths of a pixel.
const BASELINE: u32 = 150;
/// The underline below the top of a cell, in tenths of a pixel.
const UNDERLINE: u32 = 180;
/// Font size in pixels.
const FONT_SIZE: u32 = 16;
/// Fonts with the Latin, box-drawing and CJK glyphs, in order of preference.
const FONTS: &str = "DejaVu Sans Mono, Noto Sans Mono CJK SC, WenQuanYi Zen Hei Mono, monospace";

/// An opaque colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The relative luminance of WCAG 2: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG 2 contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The terminal a frame is shown in: its default background and foreground.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The default background (`Color::Reset` behind text).
    pub background: Rgb,
    /// The default foreground.
    pub foreground: Rgb,
}

impl Page {
    /// A dark terminal.
    pub const DARK: Page = Page {
        background: Rgb(0x16, 0x16, 0x16),
        foreground: Rgb(0xe5, 0xe5, 0xe5),
    };

    /// A light terminal.
    pub const LIGHT: Page = Page {
        background: Rgb(0xff, 0xff, 0xff),
        foreground: Rgb(0x1c, 0x1c, 0x1c),
    };

    /// The terminal a theme is made for: light for the light theme, else dark.
    pub fn for_theme(name: Option<&str>) -> Self {
        match name {
            Some("light") => Self::LIGHT,
            _ => Self::DARK,
        }
    }
}

/// The 16 named colours, as xterm shows them.
const PALETTE: [Rgb; 16] = [
    Rgb(0x00, 0x00, 0x00),
    Rgb(0xcd, 0x00, 0x00),
    Rgb(0x00, 0xcd, 0x00),
    Rgb(0xcd, 0xcd, 0x00),
    Rgb(0x00, 0x00, 0xee),
    Rgb(0xcd, 0x00, 0xcd),
    Rgb(0x00, 0xcd, 0xcd),
    Rgb(0xe5, 0xe5, 0xe5),
    Rgb(0x7f, 0x7f, 0x7f),
    Rgb(0xff, 0x00, 0x00),
    Rgb(0x00, 0xff, 0x00),
    Rgb(0xff, 0xff, 0x00),
    Rgb(0x5c, 0x5c, 0xff),
    Rgb(0xff, 0x00, 0xff),
    Rgb(0x00, 0xff, 0xff),
    Rgb(0xff, 0xff, 0xff),
];

/// An xterm 256-colour index: the 16 named colours, a 6×6×6 cube, 24 greys.
fn indexed(i: u8) -> Rgb {
    match i {
        0..=15 => PALETTE[usize::from(i)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            Rgb(level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            Rgb(v, v, v)
        }
    }
}

/// A ratatui colour on the page; `Reset` is the page's own colour.
pub fn resolve(color: Color, default: Rgb) -> Rgb {
    match color {
        Color::Reset => default,
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => Rgb(r, g, b),
        named => super::named_index(named).map_or(default, |n| PALETTE[usize::from(n)]),
    }
}

/// How a cell looks on the page, reverse video applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    fg: Rgb,
    bg: Rgb,
    modifier: Modifier,
}

impl Look {
    fn of(cell: &Cell, page: Page) -> Self {
        let mut fg = resolve(cell.fg, page.foreground);
        let mut bg = resolve(cell.bg, page.background);
        if cell.modifier.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        Self {
            fg,
            bg,
            modifier: cell.modifier,
        }
    }

    /// Whether a space in this look draws text (underlines are drawn apart).
    fn decorated(self) -> bool {
        self.modifier.contains(Modifier::CROSSED_OUT)
    }

    /// The same text look: everything but the background.
    fn same_text(self, other: Look) -> bool {
        self.fg == other.fg && self.modifier == other.modifier
    }
}

/// A length in tenths of a pixel, written in pixels.
fn px(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// Text made safe for XML character data and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // XML 1.0 forbids these in a document at all, escaped or not.
            c if !is_xml_char(c) => out.push('\u{fffd}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// True for a character XML 1.0 allows (its production `Char`).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// The arms of a box-drawing character: left, up, right, down; 1 light, 2 heavy, 3 double.
fn arms(symbol: &str) -> Option<[u8; 4]> {
    Some(match symbol {
        "─" => [1, 0, 1, 0],
        "━" => [2, 0, 2, 0],
        "│" => [0, 1, 0, 1],
        "┃" => [0, 2, 0, 2],
        "┌" | "╭" => [0, 0, 1, 1],
        "┐" | "╮" => [1, 0, 0, 1],
        "└" | "╰" => [0, 1, 1, 0],
        "┘" | "╯" => [1, 1, 0, 0],
        "├" => [0, 1, 1, 1],
        "┤" => [1, 1, 0, 1],
        "┬" => [1, 0, 1, 1],
        "┴" => [1, 1, 1, 0],
        "┼" => [1, 1, 1, 1],
        "┏" => [0, 0, 2, 2],
        "┓" => [2, 0, 0, 2],
        "┗" => [0, 2, 2, 0],
        "┛" => [2, 2, 0, 0],
        "┣" => [0, 2, 2, 2],
        "┫" => [2, 2, 0, 2],
        "┳" => [2, 0, 2, 2],
        "┻" => [2, 2, 2, 0],
        "╋" => [2, 2, 2, 2],
        "═" => [3, 0, 3, 0],
        "║" => [0, 3, 0, 3],
        "╔" => [0, 0, 3, 3],
        "╗" => [3, 0, 0, 3],
        "╚" => [0, 3, 3, 0],
        "╝" => [3, 3, 0, 0],
        "╠" => [0, 3, 3, 3],
        "╣" => [3, 3, 0, 3],
        "╦" => [3, 0, 3, 3],
        "╩" => [3, 3, 3, 0],
        "╬" => [3, 3, 3, 3],
        "╴" => [1, 0, 0, 0],
        "╵" => [0, 1, 0, 0],
        "╶" => [0, 0, 1, 0],
        "╷" => [0, 0, 0, 1],
        _ => return None,
    })
}

/// A block element as a rectangle within its cell: left, top, width, height in
/// eighths of the cell, and the opacity in percent.
type Shape = (u32, u32, u32, u32, u32);

/// The shape of a block element, if the symbol is one.
fn block(symbol: &str) -> Option<Shape> {
    let left = |eighths| Some((0, 0, eighths, 8, 100));
    let lower = |eighths| Some((0, 8 - eighths, 8, eighths, 100));
    match symbol {
        "█" => left(8),
        "▉" => left(7),
        "▊" => left(6),
        "▋" => left(5),
        "▌" => left(4),
        "▍" => left(3),
        "▎" => left(2),
        "▏" => left(1),
        "▐" => Some((4, 0, 4, 8, 100)),
        "▕" => Some((7, 0, 1, 8, 100)),
        "▀" => Some((0, 0, 8, 4, 100)),
        "▔" => Some((0, 0, 8, 1, 100)),
        "▁" => lower(1),
        "▂" => lower(2),
        "▃" => lower(3),
        "▄" => lower(4),
        "▅" => lower(5),
        "▆" => lower(6),
        "▇" => lower(7),
        "░" => Some((0, 0, 8, 8, 25)),
        "▒" => Some((0, 0, 8, 8, 50)),
        "▓" => Some((0, 0, 8, 8, 75)),
        _ => None,
    }
}

/// Text being gathered: narrow cells in one run, or wide cells centred one by one.
struct Run {
    /// The first column.
    x: u16,
    /// The look of the run's characters.
    look: Look,
    /// The symbols, one per glyph.
    symbols: Vec<String>,
    /// The first column of each glyph.
    columns: Vec<u16>,
    /// Whether the glyphs are wide.
    wide: bool,
    /// Spaces at the end, not yet known to be followed by text.
    trailing: usize,
}

impl Run {
    fn new(g: &Glyph<'_>, look: Look) -> Self {
        Self {
            x: g.x,
            look,
            symbols: vec![g.cell.symbol().to_owned()],
            columns: vec![g.x],
            wide: g.width == 2,
            trailing: 0,
        }
    }

    fn push(&mut self, g: &Glyph<'_>) {
        self.symbols.push(g.cell.symbol().to_owned());
        self.columns.push(g.x);
        self.trailing = if g.cell.symbol() == " " {
            self.trailing + 1
        } else {
            0
        };
    }

    /// Writes the run as one `<text>` element.
    fn write(mut self, out: &mut String, y: u16, page: Page) {
        let keep = self.symbols.len() - self.trailing;
        self.symbols.truncate(keep);
        self.columns.truncate(keep);
        if self.symbols.is_empty() {
            return;
        }
        let top = u32::from(y) * CELL_H + BASELINE;
        let text: String = self.symbols.concat();
        let _ = write!(out, "<text");
        if self.wide {
            let xs: Vec<String> = self
                .columns
                .iter()
                .map(|&x| px(u32::from(x) * CELL_W + CELL_W))
                .collect();
            let _ = write!(
                out,
                " x=\"{}\" y=\"{}\" text-anchor=\"middle\"",
                xs.join(" "),
                px(top)
            );
        } else {
            let cells = self.symbols.len() as u32;
            let _ = write!(
                out,
                " x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"",
                px(u32::from(self.x) * CELL_W),
                px(top),
                px(cells * CELL_W)
            );
        }
        let look = self.look;
        if look.fg != page.foreground {
            let _ = write!(out, " fill=\"{}\"", look.fg);
        }
        if look.modifier.contains(Modifier::BOLD) {
            out.push_str(" font-weight=\"bold\"");
        }
        if look.modifier.contains(Modifier::ITALIC) {
            out.push_str(" font-style=\"italic\"");
        }
        if look.modifier.contains(Modifier::DIM) {
            out.push_str(" opacity=\"0.6\"");
        }
        let mut decoration = Vec::new();
        if look.modifier.contains(Modifier::CROSSED_OUT) {
            decoration.push("line-through");
        }
        if !decoration.is_empty() {
            let _ = write!(out, " text-decoration=\"{}\"", decoration.join(" "));
        }
        let _ = writeln!(out, ">{}</text>", escape(&text));
    }
}

/// The frame as an SVG document on a page of the given colours.
pub fn to_svg(buffer: &Buffer, page: Page) -> String {
    let area = buffer.area;
    let width = u32::from(area.width) * CELL_W;
    let height = u32::from(area.height) * CELL_H;
    let mut backgrounds = String::new();
    let mut blocks = String::new();
    // One path per stroke colour and weight.
    let mut lines: BTreeMap<(Rgb, u8), Segments> = BTreeMap::new();
    let mut texts = String::new();

    for y in area.top()..area.bottom() {
        let row = glyphs(buffer, y);
        let looks: Vec<Look> = row.iter().map(|g| Look::of(g.cell, page)).collect();
        write_backgrounds(&mut backgrounds, &row, &looks, y, page);
        let mut run: Option<Run> = None;
        let mut row_blocks = Vec::new();
        for (g, look) in row.iter().zip(&looks) {
            let look = *look;
            let symbol = g.cell.symbol();
            if look.modifier.contains(Modifier::HIDDEN) {
                continue;
            }
            // Underlines are drawn on the grid, not by the font, so that they run
            // unbroken under wide characters as in a terminal.
            if look.modifier.contains(Modifier::UNDERLINED) {
                let from = u32::from(g.x) * CELL_W;
                let to = from + u32::from(g.width) * CELL_W;
                lines.entry((look.fg, 1)).or_default().push((
                    false,
                    u32::from(y) * CELL_H + UNDERLINE,
                    from,
                    to,
                ));
            }
            if let Some(arms) = arms(symbol) {
                draw_arms(&mut lines, arms, g.x, y, look.fg);
                continue;
            }
            if let Some(shape) = block(symbol) {
                row_blocks.push((g.x, shape, look.fg));
                continue;
            }
            let space = symbol == " " && !look.decorated();
            let wide = g.width == 2;
            match &mut run {
                // A plain space only ever extends narrow text; it is trimmed if nothing follows.
                Some(r) if space && !r.wide => r.push(g),
                _ if space => {
                    if let Some(r) = run.take() {
                        r.write(&mut texts, y, page);
                    }
                }
                // Wide glyphs of several code points are placed alone.
                Some(r)
                    if r.wide == wide
                        && r.look.same_text(look)
                        && (!wide || symbol.chars().count() == 1) =>
                {
                    r.push(g);
                }
                _ => {
                    if let Some(r) = run.take() {
                        r.write(&mut texts, y, page);
                    }
                    run = Some(Run::new(g, look));
                }
            }
        }
        if let Some(r) = run.take() {
            r.write(&mut texts, y, page);
        }
        write_blocks(&mut blocks, &row_blocks, y);
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
        w = px(width),
        h = px(height)
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
        page.background
    );
    let _ = writeln!(
        out,
        "<g shape-rendering=\"crispEdges\">\n{backgrounds}{blocks}</g>"
    );
    let _ = writeln!(
        out,
        "<g fill=\"none\" stroke-linecap=\"square\" shape-rendering=\"crispEdges\">"
    );
    for ((color, weight), segments) in lines {
        let width = if weight == 2 { "2.4" } else { "1.2" };
        let _ = writeln!(
            out,
            "<path stroke=\"{color}\" stroke-width=\"{width}\" d=\"{}\"/>",
            path_data(segments)
        );
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(
        out,
        "<g font-family=\"{FONTS}\" font-size=\"{FONT_SIZE}\" fill=\"{}\">\n{texts}</g>",
        page.foreground
    );
    out.push_str("</svg>\n");
    out
}

/// Rectangles behind the glyphs whose background is not the page's, one per run.
fn write_backgrounds(out: &mut String, row: &[Glyph<'_>], looks: &[Look], y: u16, page: Page) {
    let mut start: Option<(u16, u16, Rgb)> = None;
    let flush = |run: Option<(u16, u16, Rgb)>, out: &mut String| {
        if let Some((x, end, color)) = run {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\"/>",
                px(u32::from(x) * CELL_W),
                px(u32::from(y) * CELL_H),
                px(u32::from(end - x) * CELL_W),
                px(CELL_H)
            );
        }
    };
    for (g, look) in row.iter().zip(looks) {
        let end = g.x + g.width;
        match start {
            Some((x, _, color)) if color == look.bg => start = Some((x, end, color)),
            _ => {
                flush(start.take(), out);
                if look.bg != page.background {
                    start = Some((g.x, end, look.bg));
                }
            }
        }
    }
    flush(start, out);
}

/// Line segments in tenths of a pixel: horizontal ones as (y, x0, x1) with
/// `false`, vertical ones as (x, y0, y1) with `true`.
type Segments = Vec<(bool, u32, u32, u32)>;

/// Adds the arms of a box-drawing character at a cell to the segments.
fn draw_arms(lines: &mut BTreeMap<(Rgb, u8), Segments>, arms: [u8; 4], x: u16, y: u16, fg: Rgb) {
    let left = u32::from(x) * CELL_W;
    let top = u32::from(y) * CELL_H;
    let (cx, cy) = (left + CELL_W / 2, top + CELL_H / 2);
    for (i, weight) in arms.into_iter().enumerate() {
        if weight == 0 {
            continue;
        }
        // Double lines: two light lines 1.5 px either side of the centre.
        let offsets: &[i32] = if weight == 3 { &[-15, 15] } else { &[0] };
        let segments = lines.entry((fg, weight.min(2))).or_default();
        for off in offsets {
            let shift = |v: u32| v.saturating_add_signed(*off);
            segments.push(match i {
                0 => (false, shift(cy), left, cx),
                1 => (true, shift(cx), top, cy),
                2 => (false, shift(cy), cx, left + CELL_W),
                _ => (true, shift(cx), cy, top + CELL_H),
            });
        }
    }
}

/// Path data for segments, touching segments on one line joined into one.
fn path_data(mut segments: Segments) -> String {
    segments.sort_unstable();
    let mut joined: Segments = Vec::new();
    for s in segments {
        match joined.last_mut() {
            Some(last) if (last.0, last.1) == (s.0, s.1) && last.3 >= s.2 => {
                last.3 = last.3.max(s.3)
            }
            _ => joined.push(s),
        }
    }
    let parts: Vec<String> = joined
        .into_iter()
        .map(|(vertical, at, from, to)| {
            if vertical {
                format!("M{} {}V{}", px(at), px(from), px(to))
            } else {
                format!("M{} {}H{}", px(from), px(at), px(to))
            }
        })
        .collect();
    parts.join(" ")
}

/// One row's block elements as rectangles, touching ones of the same kind merged,
/// so that a bar is one rectangle. Each entry: column, shape, colour.
fn write_blocks(out: &mut String, blocks: &[(u16, Shape, Rgb)], y: u16) {
    // (left, right) in eighths of a cell, top, height, opacity, colour.
    let mut rects: Vec<(u32, u32, u32, u32, u32, Rgb)> = Vec::new();
    for &(x, (l, t, w, h, opacity), fg) in blocks {
        let left = u32::from(x) * 8 + l;
        match rects.last_mut() {
            Some(r) if r.1 == left && (r.2, r.3, r.4, r.5) == (t, h, opacity, fg) => r.1 += w,
            _ => rects.push((left, left + w, t, h, opacity, fg)),
        }
    }
    for (left, right, t, h, opacity, fg) in rects {
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fg}\"",
            px(left * CELL_W / 8),
            px(u32::from(y) * CELL_H + t * CELL_H / 8),
            px((right - left) * CELL_W / 8),
            px(h * CELL_H / 8)
        );
        if opacity < 100 {
            let _ = write!(out, " fill-opacity=\"0.{opacity:02}\"");
        }
        out.push_str("/>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn palette_and_indices() {
        assert_eq!(resolve(Color::Reset, Rgb(1, 2, 3)), Rgb(1, 2, 3));
        assert_eq!(resolve(Color::LightCyan, Rgb(0, 0, 0)), Rgb(0, 255, 255));
        assert_eq!(indexed(16), Rgb(0, 0, 0));
        assert_eq!(indexed(196), Rgb(255, 0, 0));
        assert_eq!(indexed(232), Rgb(8, 8, 8));
        assert_eq!(indexed(255), Rgb(238, 238, 238));
        assert_eq!(Rgb(255, 0, 10).to_string(), "#ff000a");
    }

    #[test]
    fn lengths_are_exact_tenths() {
        assert_eq!(px(0), "0");
        assert_eq!(px(96), "9.6");
        assert_eq!(px(960), "96");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(
            escape("x\u{fffe}\u{ffff}\u{1}y"),
            "x\u{fffd}\u{fffd}\u{fffd}y"
        );
    }

    /// A deliberate bug that once passed the suite: text not escaped where a
    /// frame's cells are written, only in `escape` itself.
    #[test]
    fn cell_text_is_escaped_where_the_frame_is_written() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "<b>&x\u{fffe}", Style::new());
        let svg = to_svg(&buffer, Page::DARK);
        assert!(svg.contains("&lt;b&gt;&amp;x\u{fffd}"), "{svg}");
        assert!(!svg.contains("<b>") && !svg.contains('\u{fffe}'), "{svg}");
    }

    #[test]
    fn wide_glyphs_sit_on_two_cells_each() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        buffer.set_string(0, 0, "ab整改", Style::new());
        let svg = to_svg(&buffer, Page::DARK);
        assert!(
            svg.contains("x=\"0\" y=\"15\" textLength=\"19.2\""),
            "{svg}"
        );
        // 整 on cells 2–3 (centre 28.8), 改 on cells 4–5 (centre 48).
        assert!(
            svg.contains("x=\"28.8 48\" y=\"15\" text-anchor=\"middle\">整改</text>"),
            "{svg}"
        );
    }

    #[test]
    fn reversed_cells_get_a_background_and_borders_become_lines() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer.set_string(
            0,
            0,
            "x",
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        );
        buffer.set_string(1, 0, "─", Style::new());
        let svg = to_svg(&buffer, Page::DARK);
        assert!(
            svg.contains("<rect x=\"0\" y=\"0\" width=\"9.6\" height=\"20\" fill=\"#e5e5e5\"/>"),
            "{svg}"
        );
        assert!(
            svg.contains("fill=\"#161616\" font-weight=\"bold\">x</text>"),
            "{svg}"
        );
        assert!(svg.contains("d=\"M9.6 10H19.2\""), "{svg}");
    }
}
