//! Which symbols the dashboard draws: Unicode, or ASCII for terminals that
//! draw East Asian ambiguous-width characters two cells wide (xterm
//! -cjk_width, mlterm -a 2) or that are not in UTF-8 (`--ascii`).
//!
//! The ASCII table is applied once to the finished frame, as the sanitiser
//! is, rather than by each panel: borders, ratatui's own scrollbar and gauge
//! symbols, the bars, sparklines and big digits, the marks inside translated
//! words ("Σ", "○") and the quotes and dashes inside the data all reach the
//! screen through the buffer, so one pass there leaves none behind, and a
//! panel added later cannot forget it.

use std::borrow::Cow;

use ratatui::buffer::Buffer;

/// The symbol set a frame is drawn with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Glyphs {
    /// Box drawing, blocks, arrows and marks as Unicode has them.
    #[default]
    Unicode,
    /// Only ASCII in place of every ambiguous-width or box-drawing symbol;
    /// Chinese text, which is wide everywhere, stays.
    Ascii,
}

impl Glyphs {
    /// Rewrites a drawn frame in this symbol set (nothing to do for Unicode).
    pub fn apply(self, buffer: &mut Buffer) {
        if self == Self::Unicode {
            return;
        }
        for cell in &mut buffer.content {
            let mut chars = cell.symbol().chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(a) = ascii(c)
            {
                cell.set_char(a);
            }
        }
    }

    /// A key's label in this symbol set: in ASCII the arrows and the Enter
    /// and Backspace signs are named ("enter", "up") rather than left to
    /// one-cell stand-ins; the hint bar and the help measure the name.
    pub fn key_label(self, label: &str) -> Cow<'_, str> {
        if self == Self::Unicode || label.is_ascii() {
            return Cow::Borrowed(label);
        }
        let mut out = String::new();
        for c in label.chars() {
            match c {
                '⏎' => out.push_str("enter"),
                '⌫' => out.push_str("bksp"),
                '↑' => out.push_str("up"),
                '↓' => out.push_str("down"),
                '←' => out.push_str("left"),
                '→' => out.push_str("right"),
                c => out.push(ascii(c).unwrap_or(c)),
            }
        }
        Cow::Owned(out)
    }
}

/// The ASCII stand-in for a symbol the dashboard or its data may draw, one
/// cell for one cell so that no layout moves. `None`: keep the character
/// (ASCII, Chinese and other wide text, and letters that have no stand-in).
pub fn ascii(c: char) -> Option<char> {
    let a = match c {
        // Box drawing: lines and every corner or junction.
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' | '╼' | '╾' => {
            '-'
        }
        '═' => '=',
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' | '╽' | '╿' => {
            '|'
        }
        '\u{2500}'..='\u{257F}' => '+',
        // Blocks: bars and big digits are '#', the unfilled part of a bar
        // '-', the open part of a status bar '='; sparkline heights rise
        // through _ - = #; thin left eighths (a bar's end, a text cursor) '|'.
        '█' | '▉' | '▊' | '▋' | '▌' | '▐' | '▓' | '▇' => '#',
        '▒' | '▅' | '▆' => '=',
        '░' | '▃' | '▄' => '-',
        '▁' | '▂' => '_',
        '▏' | '▎' | '▍' | '▕' => '|',
        '▀' | '▔' => '^',
        '\u{2580}'..='\u{259F}' => '#',
        // Marks.
        '●' | '○' | '◉' | '◎' | '•' => 'o',
        '■' | '□' | '▪' | '◆' | '◇' | '★' | '☆' => '*',
        '✓' | '✔' | '√' => 'v',
        '✗' | '✘' => 'x',
        '∞' => '~',
        '▲' | '△' | '▴' => '^',
        '▼' | '▽' | '▾' => 'v',
        '▶' | '▷' | '▸' | '►' | '›' | '»' | '→' | '⇒' | '↷' | '⏎' => '>',
        '◀' | '◁' | '◂' | '◄' | '‹' | '«' | '←' | '⇐' | '↶' | '⌫' => '<',
        '↑' => '^',
        '↓' => 'v',
        '↔' => '-',
        '↺' | '↻' => '@',
        '⑂' => 'Y',
        '⊂' | '⊆' => 'c',
        '⚠' => '!',
        '‖' => '|',
        // Punctuation and signs.
        '·' | '∙' => '.',
        '…' => '~',
        '—' | '–' | '‒' | '―' | '−' => '-',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '×' => 'x',
        '÷' => '/',
        '±' => '+',
        '≈' => '~',
        '≤' => '<',
        '≥' => '>',
        '²' => '2',
        '³' => '3',
        '°' => 'o',
        'Σ' => 'S',
        'Δ' => 'D',
        _ => return None,
    };
    Some(a)
}

/// Whether to draw in ASCII: asked for (`--ascii`), or the locale is not
/// UTF-8, or the terminal moved the cursor two cells for one ambiguous-width
/// character (`advance`: how far it moved, when it said).
pub fn ascii_for(flag: bool, locale_utf8: bool, advance: Option<u16>) -> Glyphs {
    if flag || !locale_utf8 || advance.is_some_and(|cells| cells >= 2) {
        Glyphs::Ascii
    } else {
        Glyphs::Unicode
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::text::Line;
    use ratatui::widgets::{Block, BorderType, Widget};
    use unicode_width::UnicodeWidthChar;

    #[test]
    fn ascii_is_chosen_by_the_flag_a_locale_not_in_utf8_or_a_wide_advance() {
        assert_eq!(ascii_for(false, true, None), Glyphs::Unicode);
        assert_eq!(ascii_for(false, true, Some(1)), Glyphs::Unicode);
        assert_eq!(ascii_for(false, true, Some(2)), Glyphs::Ascii);
        assert_eq!(ascii_for(false, false, None), Glyphs::Ascii);
        assert_eq!(ascii_for(true, true, Some(1)), Glyphs::Ascii);
    }

    #[test]
    fn every_stand_in_is_one_ascii_cell_for_a_one_cell_symbol() {
        for c in ('\u{a0}'..='\u{2bff}').filter_map(|c| ascii(c).map(|a| (c, a))) {
            let (c, a) = c;
            assert!(a.is_ascii_graphic(), "{c} → {a:?}");
            assert_eq!(c.width(), Some(1), "{c} is not one cell");
        }
    }

    #[test]
    fn every_box_drawing_and_block_character_has_a_stand_in() {
        for c in '\u{2500}'..='\u{259F}' {
            assert!(ascii(c).is_some(), "{c}");
        }
    }

    #[test]
    fn a_rounded_border_becomes_plus_minus_and_bar() {
        let area = Rect::new(0, 0, 6, 3);
        let mut buffer = Buffer::empty(area);
        Block::bordered()
            .border_type(BorderType::Rounded)
            .title("中文")
            .render(area, &mut buffer);
        Glyphs::Ascii.apply(&mut buffer);
        assert_eq!(buffer, Buffer::with_lines(["+中文+", "|    |", "+----+"]));
    }

    #[test]
    fn chinese_text_is_kept_and_marks_become_ascii() {
        let text = "✓ 已完成 · ● 正在整改 “回头看” 459.66万元…";
        let area = Rect::new(0, 0, 50, 1);
        let mut buffer = Buffer::empty(area);
        Line::from(text).render(area, &mut buffer);
        let unicode = buffer.clone();
        Glyphs::Unicode.apply(&mut buffer);
        assert_eq!(buffer, unicode);
        Glyphs::Ascii.apply(&mut buffer);
        let mut line = Buffer::empty(area);
        Line::from("v 已完成 . o 正在整改 \"回头看\" 459.66万元~").render(area, &mut line);
        assert_eq!(buffer, line);
    }

    #[test]
    fn key_labels_name_their_arrows_in_ascii() {
        assert_eq!(Glyphs::Ascii.key_label("⏎"), "enter");
        assert_eq!(Glyphs::Ascii.key_label("j/↓"), "j/down");
        assert_eq!(Glyphs::Ascii.key_label("→ ↓ pgdn"), "right down pgdn");
        assert_eq!(Glyphs::Ascii.key_label("tab"), "tab");
        assert_eq!(Glyphs::Unicode.key_label("⏎"), "⏎");
    }
}
