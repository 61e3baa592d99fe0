//! The bottom bar's keys: what works in the current view, most particular
//! first, and "? more" at the end when the rest does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::format::width;
use crate::i18n::Msg;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::{BINDINGS, Binding, Scope};
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let label = |b: &Binding| theme.glyphs.key_label(b.label);
    let help = BINDINGS
        .iter()
        .find(|b| b.action == Action::ToggleHelp)
        .map_or("?".into(), label);
    let shown: Vec<&Binding> = BINDINGS
        .iter()
        .filter(|b| b.hint && app.in_scope(b.scope) && b.action != Action::ToggleHelp)
        .collect();
    // Quit first, so that a narrow terminal never hides how to leave; then the
    // keys that belong to this view; then those that work everywhere.
    let general = |b: &&Binding| matches!(b.scope, Scope::Always | Scope::Anywhere);
    let quit = shown.iter().filter(|b| b.action == Action::Quit);
    let particular = shown
        .iter()
        .filter(|b| b.action != Action::Quit && !general(b));
    let everywhere = shown
        .iter()
        .filter(|b| b.action != Action::Quit && general(b));
    let ordered: Vec<&Binding> = quit.chain(particular).chain(everywhere).copied().collect();
    let entry = |label: &str, text: &str| width(label) + 1 + width(text) + 2;
    let room = usize::from(area.width).saturating_sub(1);
    let all: usize = ordered
        .iter()
        .map(|b| entry(&label(b), b.help.text(lang)))
        .sum::<usize>()
        + entry(&help, Msg::KeyHelp.text(lang));
    let tail_text = if all <= room {
        Msg::KeyHelp.text(lang)
    } else {
        Msg::More.text(lang)
    };
    let mut left = room.saturating_sub(entry(&help, tail_text));
    let mut spans = vec![Span::raw(" ")];
    for b in ordered {
        let key = label(b);
        let w = entry(&key, b.help.text(lang));
        if w > left {
            break;
        }
        left -= w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {}  ", b.help.text(lang))));
    }
    spans.push(Span::styled(help, theme.key));
    spans.push(Span::raw(format!(" {tail_text}")));
    frame.render_widget(
        Paragraph::new(fit(Line::from(spans), usize::from(area.width))),
        area,
    );
}
