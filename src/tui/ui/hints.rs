//! The bottom bar's keys: what works in the current view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keys::BINDINGS;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    // Quit and help first, so that a narrow terminal never hides how to leave.
    let first =
        |b: &&crate::tui::keys::Binding| matches!(b.action, Action::Quit | Action::ToggleHelp);
    let (front, rest): (
        Vec<&crate::tui::keys::Binding>,
        Vec<&crate::tui::keys::Binding>,
    ) = BINDINGS
        .iter()
        .filter(|b| b.hint && app.in_scope(b.scope))
        .partition(first);
    for b in front.into_iter().chain(rest) {
        spans.push(Span::styled(b.label, theme.key));
        spans.push(Span::raw(format!(" {}  ", b.help.text(app.lang))));
    }
    frame.render_widget(
        Paragraph::new(fit(Line::from(spans), usize::from(area.width))),
        area,
    );
}
