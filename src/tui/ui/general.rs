//! A report's general paragraphs (introduction, closing): the report as a
//! whole, as a pseudo-problem whose items hold the report's own totals, so
//! that each can be followed to its clause like a measure's figures.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::{TableView, draw_table, item_label};
use crate::i18n::Msg;
use crate::stats::ItemPath;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    r: usize,
) -> Option<super::RowsHit> {
    let lang = app.lang;
    let report = app.data.reports.get(r)?;
    let mut lines = vec![Line::from(Span::styled(
        Msg::GeneralIntro.text(lang),
        theme.dim,
    ))];
    let stated = crate::tui::details::report_stated(report, lang);
    if !stated.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(crate::i18n::label(Msg::Stated.text(lang)), theme.dim),
            Span::raw(stated.join("  ")),
        ]));
    }
    lines.extend(super::report::results_lines(report, lang, theme));
    let title = format!(" {} · {} ", Msg::ReportAsWhole.text(lang), report.issuer);
    let table = super::draw_info_above(frame, area, lines, title, theme);
    let columns = [
        (Msg::Item, Constraint::Length(10)),
        (Msg::Heading, Constraint::Min(16)),
        (Msg::Figure, Constraint::Length(5)),
    ];
    draw_table(
        frame,
        table,
        app,
        theme,
        TableView {
            count: report.general.len(),
            columns: &columns,
            name: Msg::ReportAsWhole,
        },
        |i| {
            let path = ItemPath::general(r, i);
            let Some(item) = path.resolve(&app.data) else {
                return Vec::new();
            };
            let heading = super::capped(item.heading.as_deref().unwrap_or(&item.text));
            vec![
                Line::from(item_label(app, path)).style(theme.dim),
                Line::from(heading),
                Line::from(item.figures.len().to_string()),
            ]
        },
    )
}
