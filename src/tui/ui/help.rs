//! The help overlay: every key and what it does, from the same table that drives
//! the handling, marked where it applies now; it scrolls, and `/` filters it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, clear_for_overlay};
use crate::format::pad_right;
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::help::{Help, key_names, overlay};
use crate::tui::keys::Scope;
use crate::tui::theme::Theme;

fn scope_name(scope: Scope, app: &App) -> &'static str {
    match scope {
        Scope::Anywhere => Msg::ScopeAnywhere,
        Scope::Always => Msg::ScopeAlways,
        Scope::Drilled => Msg::ScopeDrilled,
        Scope::Opens => Msg::ScopeOpens,
        Scope::Units => Msg::ScopeUnits,
        Scope::Owners => Msg::TabOwners,
        Scope::Present => Msg::ScopePresent,
        Scope::Top => Msg::ScopeTop,
        Scope::Searched => Msg::ScopeSearched,
        Scope::Since => Msg::ScopeSince,
        Scope::Search => Msg::ScopeSearch,
        Scope::Help => Msg::ScopeHelp,
        Scope::HelpFilter => Msg::ScopeHelpFilter,
    }
    .text(app.lang)
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, theme: &Theme, help: &Help) {
    let lang = app.lang;
    let area = overlay(body);
    clear_for_overlay(frame, area);
    let filter = if help.typing {
        format!(" · {}: {}▏", Msg::HelpFilter.text(lang), help.filter)
    } else if help.filter.is_empty() {
        String::new()
    } else {
        format!(" · {}: {}", Msg::HelpFilter.text(lang), help.filter)
    };
    let title = format!(" {}{filter} ", Msg::Help.text(lang));
    let listed: Vec<_> = help.bindings(lang).collect();
    let shown = usize::from(area.height.saturating_sub(4)).max(1);
    let top = help.top.min(listed.len().saturating_sub(shown));
    let end = (top + shown).min(listed.len());
    // Where the page is in the list, and which ways it can scroll.
    let position = format!(
        " {}{}–{}/{}{} ",
        if top > 0 { "↑ " } else { "" },
        (top + 1).min(end),
        end,
        listed.len(),
        if end < listed.len() { " ↓" } else { "" },
    );
    let block = block(Line::from(title), theme)
        .title_bottom(Line::from(Span::styled(position, theme.title)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(vec![
        Span::styled(pad_right(Msg::KeyColumn.text(lang), 22), theme.title),
        Span::styled(pad_right(Msg::KeyHelp.text(lang), 28), theme.title),
        Span::styled(Msg::Where.text(lang), theme.title),
    ])];
    for b in &listed[top..end] {
        let here = app.in_scope_beneath_overlays(b.scope);
        let style = if here { theme.key } else { theme.dim };
        lines.push(Line::from(vec![
            Span::styled(pad_right(&theme.glyphs.key_label(&key_names(b)), 22), style),
            Span::raw(pad_right(b.help.text(lang), 28)),
            Span::styled(
                format!(
                    "{}{}",
                    if here { "● " } else { "  " },
                    scope_name(b.scope, app)
                ),
                theme.dim,
            ),
        ]));
    }
    lines.resize(shown + 1, Line::default());
    lines.push(Line::from(Span::styled(
        Msg::HelpTyping.text(lang),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
