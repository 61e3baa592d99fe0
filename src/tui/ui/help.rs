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
    let zh = app.lang == crate::i18n::Lang::Zh;
    match (scope, zh) {
        (Scope::Anywhere, true) => "任何时候",
        (Scope::Anywhere, false) => "anywhere",
        (Scope::Always, true) => "各处",
        (Scope::Always, false) => "everywhere",
        (Scope::Drilled, true) => "下钻后",
        (Scope::Drilled, false) => "drilled in",
        (Scope::Units, true) => "金额、土地",
        (Scope::Units, false) => "Amounts, Land",
        (Scope::Top, true) => "页签顶层",
        (Scope::Top, false) => "top of a tab",
        (Scope::Searched, true) => "有搜索时",
        (Scope::Searched, false) => "with a search",
        (Scope::Search, true) => "搜索栏",
        (Scope::Search, false) => "search bar",
        (Scope::Help, true) => "帮助",
        (Scope::Help, false) => "help",
    }
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
    // Which bindings apply on the view under the overlay.
    let mut under = app.clone();
    under.help = None;
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
        let here = under.in_scope(b.scope);
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
    if b_typing_hint(lang).is_some() {
        lines.push(Line::from(Span::styled(
            b_typing_hint(lang).unwrap_or_default(),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn b_typing_hint(lang: crate::i18n::Lang) -> Option<&'static str> {
    Some(match lang {
        crate::i18n::Lang::Zh => "搜索栏中输入文字即搜索；帮助中输入文字即筛选。",
        crate::i18n::Lang::En => "In the search bar, typing searches; here, typing filters.",
    })
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
