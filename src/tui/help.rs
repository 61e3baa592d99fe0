//! The help overlay's state: its filter, whether the filter is being typed,
//! and how far the list is scrolled. The overlay lists the key table, so
//! what it shows and how far it can scroll follow from the filter and the
//! terminal's size alone.

use ratatui::layout::Rect;

use super::keys::{BINDINGS, Binding};
use super::search::contains;
use crate::i18n::Lang;

/// The help overlay, while it is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// The filter; only bindings whose keys or description contain it are listed.
    pub filter: String,
    /// True while the filter takes typed characters (after `/`).
    pub typing: bool,
    /// The first listed binding shown.
    pub top: usize,
}

impl Help {
    /// The bindings the filter leaves, in table order.
    pub fn bindings(&self, lang: Lang) -> impl Iterator<Item = &'static Binding> + '_ {
        BINDINGS.iter().filter(move |b| {
            let filter = self.filter.as_str();
            contains(&key_names(b), filter)
                || contains(b.help.text(lang), filter)
                || contains(b.label, filter)
        })
    }

    /// Moves the list by `by` lines, keeping a full page in view.
    pub fn scroll(&mut self, by: isize, lang: Lang, shown: usize) {
        let last = self.bindings(lang).count().saturating_sub(shown);
        self.top = self.top.saturating_add_signed(by).min(last);
    }
}

/// Where the overlay sits within the body: 80 % of its width, 90 % of its
/// height, centred.
pub fn overlay(body: Rect) -> Rect {
    let width = body.width * 4 / 5;
    let height = body.height * 9 / 10;
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// How many bindings the overlay shows in a body `body_height` rows high:
/// the overlay's inside, less the column header and the footnote.
pub fn rows_shown(body_height: u16) -> usize {
    usize::from(
        overlay(Rect::new(0, 0, 1, body_height))
            .height
            .saturating_sub(4),
    )
    .max(1)
}

/// The keys of a binding as a user types them: "j ↓", "C-d", "S-tab".
pub fn key_names(b: &Binding) -> String {
    use crossterm::event::{KeyCode, KeyModifiers};
    let mut names: Vec<String> = b
        .keys
        .iter()
        .map(|(code, mods)| {
            let base = match code {
                KeyCode::Char(' ') => "space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Enter => "⏎".into(),
                KeyCode::Esc => "esc".into(),
                KeyCode::Backspace => "⌫".into(),
                KeyCode::Tab => "tab".into(),
                KeyCode::BackTab => "S-tab".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Home => "home".into(),
                KeyCode::End => "end".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                other => format!("{other:?}"),
            };
            if mods.contains(KeyModifiers::CONTROL) {
                format!("C-{base}")
            } else {
                base
            }
        })
        .collect();
    names.dedup();
    names.join(" ")
}
