//! The Problems tab: every problem across reports with its status, measures,
//! figures and nearest deadline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;

use super::{TableView, counted, draw_table, problem_cells};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let level = app.level();
    let rows = &app.rows.problems;
    let header = vec![
        Msg::Report.text(lang),
        Msg::Number.text(lang),
        Msg::Title.text(lang),
        Msg::Status.text(lang),
        Msg::Measures.text(lang),
        Msg::Figure.text(lang),
        Msg::NearestDeadline.text(lang),
    ];
    let widths = [
        Constraint::Length(18),
        Constraint::Length(4),
        Constraint::Min(12),
        Constraint::Length(11),
        Constraint::Length(5),
        Constraint::Length(5),
        Constraint::Length(10),
    ];
    let title = counted(Msg::TabProblems.text(lang), level.selected, rows.len());
    draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: rows.len(),
            header,
            widths: &widths,
            title,
        },
        |i| {
            let (r, p) = rows[i];
            let Some(report) = app.data.reports.get(r) else {
                return Vec::new();
            };
            let Some(problem) = report.problems.get(p) else {
                return Vec::new();
            };
            let mut cells = vec![Line::from(report.issuer.clone())];
            cells.extend(problem_cells(problem, lang, theme));
            cells
        },
    )
}
