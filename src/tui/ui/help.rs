//! The help overlay: every key and what it does, from the same table that drives
//! the handling, marked where it applies now; typing filters the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::block;
use crate::format::pad_right;
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::keys::{BINDINGS, Scope};
use crate::tui::search::contains;
use crate::tui::theme::Theme;

fn scope_name(scope: Scope, app: &App) -> &'static str {
    match scope {
        Scope::Anywhere => Msg::ScopeAnywhere,
        Scope::Always => Msg::ScopeAlways,
        Scope::Drilled => Msg::ScopeDrilled,
        Scope::Units => Msg::ScopeUnits,
        Scope::Top => Msg::ScopeTop,
        Scope::Searched => Msg::ScopeSearched,
        Scope::Search => Msg::ScopeSearch,
        Scope::Help => Msg::ScopeHelp,
    }
    .text(app.lang)
}

pub fn draw(frame: &mut Frame, body: Rect, app: &App, theme: &Theme, filter: &str) {
    let lang = app.lang;
    let area = body.centered(Constraint::Percentage(80), Constraint::Percentage(90));
    frame.render_widget(Clear, area);
    let title = format!(
        " {} · {}: {}▏ ",
        Msg::Help.text(lang),
        Msg::HelpFilter.text(lang),
        filter
    );
    let block = block(Line::from(title), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(vec![
        Span::styled(pad_right(Msg::KeyColumn.text(lang), 22), theme.title),
        Span::styled(pad_right(Msg::KeyHelp.text(lang), 28), theme.title),
        Span::styled(Msg::Where.text(lang), theme.title),
    ])];
    for b in BINDINGS {
        let keys = key_names(b);
        let help = b.help.text(lang);
        if !(contains(&keys, filter) || contains(help, filter) || contains(b.label, filter)) {
            continue;
        }
        let here = app.in_scope_beneath_overlays(b.scope);
        let style = if here { theme.key } else { theme.dim };
        lines.push(Line::from(vec![
            Span::styled(pad_right(&keys, 22), style),
            Span::raw(pad_right(help, 28)),
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
    lines.push(Line::from(Span::styled(
        Msg::HelpTyping.text(lang),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The keys of a binding as a user types them: "j ↓", "C-d", "S-tab".
fn key_names(b: &crate::tui::keys::Binding) -> String {
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
