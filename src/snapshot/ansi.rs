//! A frame as text with SGR sequences: one sequence per run of equally styled
//! cells, a reset at the end of each line.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::glyphs;

/// The frame with its styles; without `color`, only bold, dim, italic,
/// underline, reverse and crossed-out are written (NO_COLOR, `--theme mono`).
pub fn to_ansi(buffer: &Buffer, color: bool) -> String {
    let mut out = String::new();
    for y in buffer.area.top()..buffer.area.bottom() {
        let mut current = String::new();
        for g in glyphs(buffer, y) {
            let cell = g.cell;
            let sgr = sgr(cell.fg, cell.bg, cell.modifier, color);
            if sgr != current {
                let _ = write!(out, "\x1b[{sgr}m");
                current = sgr;
            }
            out.push_str(cell.symbol());
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

/// The parameters of one SGR sequence, starting from a reset ("0;1;31").
fn sgr(fg: Color, bg: Color, modifier: Modifier, color: bool) -> String {
    let mut codes = vec!["0".to_owned()];
    let attributes = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    for (m, code) in attributes {
        if modifier.contains(m) {
            codes.push(code.to_owned());
        }
    }
    if color {
        codes.extend(color_code(fg, false));
        codes.extend(color_code(bg, true));
    }
    codes.join(";")
}

/// The SGR parameter of a colour, foreground or background; none for the default.
fn color_code(color: Color, background: bool) -> Option<String> {
    let base = if background { 40 } else { 30 };
    let extended = if background { 48 } else { 38 };
    match color {
        Color::Reset => None,
        Color::Indexed(i) => Some(format!("{extended};5;{i}")),
        Color::Rgb(r, g, b) => Some(format!("{extended};2;{r};{g};{b}")),
        named => super::named_index(named).map(|n| {
            // 30–37 and 40–47 for the normal eight, 90–97 and 100–107 for the bright.
            let code = if n < 8 { base + n } else { base + 60 + n - 8 };
            code.to_string()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn colour_codes_table() {
        assert_eq!(
            sgr(Color::Reset, Color::Reset, Modifier::empty(), true),
            "0"
        );
        assert_eq!(
            sgr(Color::Red, Color::Reset, Modifier::BOLD, true),
            "0;1;31"
        );
        assert_eq!(
            sgr(Color::LightCyan, Color::Black, Modifier::empty(), true),
            "0;96;40"
        );
        assert_eq!(
            sgr(
                Color::Indexed(208),
                Color::Rgb(1, 2, 3),
                Modifier::empty(),
                true
            ),
            "0;38;5;208;48;2;1;2;3"
        );
        assert_eq!(
            sgr(Color::Red, Color::Blue, Modifier::REVERSED, false),
            "0;7"
        );
    }

    #[test]
    fn one_sequence_per_run_and_a_reset_per_line() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        buffer.set_string(0, 0, "ab", Style::new().fg(Color::Red));
        assert_eq!(to_ansi(&buffer, true), "\x1b[0;31mab\x1b[0m  \x1b[0m\n");
    }
}
