//! The Deadlines tab: every dated item and every ongoing item, sorted by date and
//! marked by bucket against the as-of date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::{TableView, bucket_badge, draw_table, item_label};
use crate::i18n::Msg;
use crate::stats::Bucket;
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
            // The light and the dates keep their width ("2022年一季度" is
            // never cut); the texts give way.
            // Under 72 columns the light stands alone, without its word.
            (
                Msg::Status,
                if area.width < 72 {
                    Constraint::Length(4)
                } else {
                    Constraint::Max(light_width(app.lang))
                },
            ),
            (Msg::Date, Constraint::Length(10)),
            (Msg::DeadlineText, Constraint::Max(12)),
            (
                Msg::Report,
                Constraint::Length((area.width / 6).clamp(16, 36)),
            ),
            (
                Msg::Problem,
                Constraint::Length((area.width / 5).clamp(18, 44)),
            ),
            (Msg::Item, Constraint::Min(8)),
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

/// The width of the widest light with its word: "* 30天内到期", "* due in 30 days".
fn light_width(lang: crate::i18n::Lang) -> u16 {
    let widest = [
        Bucket::Overdue,
        Bucket::DueSoon,
        Bucket::Later,
        Bucket::NoDate,
    ]
    .into_iter()
    .map(|b| crate::format::width(crate::i18n::bucket(b, lang)) + 2)
    .max()
    .unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX)
}
