//! The help overlay: every key and what it does, from the same table that drives
//! the handling, marked where it applies now; it scrolls, and `/` filters it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{block, clear_for_overlay};
use crate::format::{pad_right, truncate, width};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::help::{Entry, Help, key_names, overlay, term_mark_width};
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
    let listed = help.entries(lang, usize::from(area.width.saturating_sub(2)));
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
    // Columns as wide as what they hold in the whole list, so that they stay
    // put while it scrolls; what does not fit is cut with a mark.
    let page = &listed[top..end];
    let keys_w = listed
        .iter()
        .map(|e| match e {
            Entry::Key(b) => width(&theme.glyphs.key_label(&key_names(b))),
            Entry::Terms | Entry::Term { .. } => 0,
        })
        .chain([width(Msg::KeyColumn.text(lang))])
        .max()
        .unwrap_or(0)
        + 2;
    let help_w = listed
        .iter()
        .filter_map(|e| match e {
            Entry::Key(b) => Some(width(b.help.text(lang))),
            _ => None,
        })
        .chain([width(Msg::KeyHelp.text(lang))])
        .max()
        .unwrap_or(0)
        + 2;
    let total = usize::from(inner.width);
    let keys_w = keys_w.min(total / 3);
    let help_w = help_w.min(total.saturating_sub(keys_w) * 2 / 3);
    let where_w = total.saturating_sub(keys_w + help_w);
    let cell = |s: &str, w: usize| pad_right(&truncate(s, w.saturating_sub(1)), w);
    let mut lines = vec![Line::from(vec![
        Span::styled(cell(Msg::KeyColumn.text(lang), keys_w), theme.title),
        Span::styled(cell(Msg::KeyHelp.text(lang), help_w), theme.title),
        Span::styled(cell(Msg::Where.text(lang), where_w), theme.title),
    ])];
    for entry in page {
        lines.push(match entry {
            Entry::Key(b) => {
                let here = app.in_scope_beneath_overlays(b.scope);
                let style = if here { theme.key } else { theme.dim };
                let mark = if here { "● " } else { "  " };
                Line::from(vec![
                    Span::styled(cell(&theme.glyphs.key_label(&key_names(b)), keys_w), style),
                    Span::raw(cell(b.help.text(lang), help_w)),
                    Span::styled(
                        cell(&format!("{mark}{}", scope_name(b.scope, app)), where_w),
                        theme.dim,
                    ),
                ])
            }
            Entry::Terms => Line::from(Span::styled(
                cell(Msg::Terms.text(lang), total),
                theme.title,
            )),
            Entry::Term { mark, text } => {
                let mark_w = term_mark_width(lang, total);
                Line::from(vec![
                    Span::styled(cell(mark, mark_w), theme.key),
                    Span::raw(text.clone()),
                ])
            }
        });
    }
    lines.resize(shown + 1, Line::default());
    lines.push(Line::from(Span::styled(
        Msg::HelpTyping.text(lang),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}
