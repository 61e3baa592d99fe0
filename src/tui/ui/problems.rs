//! The Problems tab: every problem across reports with its status, measures,
//! figures and nearest deadline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Cell;

use super::{TableView, counted, draw_table, nearest_deadline, problem_title, status_badge};
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
            let figures: usize = problem
                .measures
                .iter()
                .chain(&problem.ongoing)
                .map(|m| m.figures.len())
                .sum();
            vec![
                Cell::from(report.issuer.clone()),
                Cell::from(problem.number.clone().unwrap_or_else(|| "?".into())),
                Cell::from(problem_title(problem, lang)),
                Cell::from(Line::from(status_badge(problem.status, lang, theme))),
                Cell::from((problem.measures.len() + problem.ongoing.len()).to_string()),
                Cell::from(figures.to_string()),
                Cell::from(
                    nearest_deadline(problem).map_or_else(|| "—".to_string(), |d| d.to_string()),
                ),
            ]
        },
    )
}
