//! The Problems tab: every problem across reports with its status, measures,
//! figures and nearest deadline.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;

use super::{TableView, draw_table, problem_cells};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    draw_list(
        frame,
        area,
        app,
        theme,
        &app.rows.problems,
        Msg::TabProblems,
    )
}

/// A table of problems: the Problems tab's, or an owner's.
pub fn draw_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    rows: &[(usize, usize)],
    name: Msg,
) -> Option<super::RowsHit> {
    let lang = app.lang;
    let area = super::since::legend(frame, area, app, theme);
    // The unit's name without the shared 中共 prefix, in its share of a wide
    // screen: two units of one city differ only after "中共无锡…".
    let report_width = (area.width / 6).clamp(18, 36);
    let columns = super::since::columns(
        app,
        &[
            (Msg::Report, Constraint::Length(report_width)),
            (Msg::Number, Constraint::Length(4)),
            (Msg::Title, Constraint::Min(12)),
            (Msg::Status, Constraint::Length(11)),
            (Msg::Measures, Constraint::Length(5)),
            (Msg::Figure, Constraint::Length(5)),
            (Msg::NearestDeadline, Constraint::Max(10)),
        ],
    );
    draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: rows.len(),
            columns: &columns,
            name,
        },
        |i| {
            let (r, p) = rows[i];
            let Some(report) = app.data.reports.get(r) else {
                return Vec::new();
            };
            let Some(problem) = report.problems.get(p) else {
                return Vec::new();
            };
            let mut cells = vec![Line::from(
                crate::board::short_name(&report.issuer).to_owned(),
            )];
            cells.extend(problem_cells(problem, lang, theme));
            super::since::with_marks(app, theme, (r, p), cells)
        },
    )
}
