//! The Deadlines tab: every dated item and every ongoing item, sorted by date and
//! marked by bucket against the as-of date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::{TableView, bucket_badge, draw_table, item_label};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let rows = &app.rows.deadlines;
    let area = super::since::legend(frame, area, app, theme);
    // The timeline leads when it leaves room for a table of ten rows or more.
    let area = if area.height >= super::timeline::HEIGHT + 14 {
        let [chart, rest] = Layout::vertical([
            Constraint::Length(super::timeline::HEIGHT),
            Constraint::Min(0),
        ])
        .areas(area);
        super::timeline::draw(frame, chart, app, theme);
        rest
    } else {
        area
    };
    let columns = super::since::columns(
        app,
        &[
            (Msg::Status, Constraint::Length(12)),
            (Msg::Date, Constraint::Length(10)),
            (Msg::DeadlineText, Constraint::Length(14)),
            (Msg::Report, Constraint::Length(16)),
            (Msg::Problem, Constraint::Length(18)),
            (Msg::Item, Constraint::Min(12)),
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
            name: Msg::TabDeadlines,
        },
        |i| {
            let Some(entry) = app.stats.deadlines.get(rows[i]) else {
                return Vec::new();
            };
            let Some(report) = app.data.reports.get(entry.report) else {
                return Vec::new();
            };
            let problem = report.problems.get(entry.problem);
            let item = entry.item.and_then(|path| path.resolve(&app.data));
            let problem_text = problem.map_or_else(String::new, |p| {
                format!(
                    "{} {}",
                    p.number.as_deref().unwrap_or("—"),
                    super::problem_title(p, lang)
                )
            });
            let heading = item.map_or_else(String::new, |m| {
                super::capped(m.heading.as_deref().unwrap_or(&m.text))
            });
            let cells = vec![
                Line::from(bucket_badge(entry.bucket, lang, theme)),
                Line::from(
                    entry
                        .date
                        .map_or_else(|| "—".to_string(), |d| d.to_string()),
                ),
                Line::from(
                    entry
                        .deadline(&app.data)
                        .map_or_else(|| "—".to_string(), |d| d.text.clone()),
                ),
                Line::from(crate::board::short_name(&report.issuer).to_owned()),
                Line::from(problem_text),
                Line::from(match entry.item {
                    Some(path) => format!("{} {heading}", item_label(app, path)),
                    None => Msg::ProblemDeadline.text(lang).to_string(),
                }),
            ];
            let problem = (entry.report, entry.problem);
            super::since::with_marks(app, theme, problem, cells)
        },
    )
}
