//! The Units tab (单位): one row per unit, ranked by completion rate — the
//! 红黑榜 — with its counts, its lights and a bar of the rate.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chart::bar;
use super::{TableView, draw_table};
use crate::board::{Completion, NoRate, RateBasis, UnitRow};
use crate::i18n::{Lang, Msg};
use crate::stats::Bucket;
use crate::tui::app::App;
use crate::tui::theme::{Theme, bucket_symbol};

/// Cells of the rate bar at a width of the table: it gives way first, and
/// goes under 72 columns, where the counts need its room.
fn bar_cells(width: u16) -> usize {
    match width {
        110.. => 12,
        90..110 => 8,
        72..90 => 5,
        _ => 0,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let board = &app.rows.board;
    let [table, foot] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    let cells = bar_cells(area.width);
    // Under 72 columns the counts go narrow, under their marks alone.
    let count = if cells == 0 { 4 } else { 6 };
    let mut columns = vec![
        (Msg::Rate, Constraint::Length(7)),
        (Msg::Progress2, Constraint::Length(cells as u16)),
        (Msg::Total, Constraint::Length(count.min(5))),
        (Msg::ColClosed, Constraint::Length(count)),
        (Msg::ColOpen, Constraint::Length(count)),
        (Msg::ColLongTerm, Constraint::Length(count)),
        (Msg::ColOverdue, Constraint::Length(count)),
        (Msg::ColDueSoon, Constraint::Length(count)),
        (Msg::Note, Constraint::Min(count + 2)),
    ];
    if cells == 0 {
        columns.remove(1);
    }
    // With `--since`, the rate then and now after the rate: in full where
    // there is room, else the change in points.
    let full_change = area.width >= 120;
    if app.since.is_some() {
        let column = if full_change {
            (Msg::ColRateChange, Constraint::Length(23))
        } else {
            (Msg::ColChange, Constraint::Length(5))
        };
        columns.insert(1, column);
    }
    // Names take what they need of what the other columns leave (borders,
    // the selection mark and a space between columns counted), 12 at least.
    let others: usize = columns
        .iter()
        .map(|(_, c)| match c {
            Constraint::Length(n) | Constraint::Min(n) => usize::from(*n) + 1,
            _ => 1,
        })
        .sum();
    let names = board
        .units
        .iter()
        .map(|u| crate::format::width(&u.name))
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width).saturating_sub(others + 4))
        .max(12);
    columns.insert(0, (Msg::Unit, Constraint::Min(names as u16 + 1)));
    let hit = draw_table(
        frame,
        table,
        app,
        theme,
        TableView {
            count: board.units.len(),
            columns: &columns,
            name: Msg::TabUnits,
        },
        |i| {
            let Some(u) = board.units.get(i) else {
                return Vec::new();
            };
            let mut row = unit_cells(u, cells, lang, theme);
            if cells == 0 {
                row.remove(2);
            }
            if let Some(since) = &app.since {
                let rates = since.unit_rates(u.report);
                let (old, new) = (
                    rates.and_then(|r| r.old.as_ref()),
                    rates.and_then(|r| r.new.as_ref()),
                );
                let text = if full_change {
                    super::since::rate_change(old, new)
                } else {
                    super::since::points(old, new)
                };
                row.insert(2, Line::from(Span::styled(text, theme.title)));
            }
            row
        },
    );
    let order = if app.sort[crate::tui::action::Tab::Units.index()] == 1 {
        Msg::WorstFirst
    } else {
        Msg::BestFirst
    };
    // Counts first, in symbols the headers share; explanations last, so
    // that a narrow screen cuts them and not a number.
    let (rate, note) = rate_text(&board.completion, lang);
    let c = board.counts;
    let l = board.lights;
    let mut spans = vec![
        Span::styled(format!(" {} ", Msg::FilterAll.text(lang)), theme.dim),
        Span::styled(rate, theme.title),
    ];
    if let Some(since) = &app.since {
        let c = &since.changes;
        spans.push(Span::styled(
            format!(
                " · {}",
                super::since::rate_change(Some(&c.total_old), Some(&c.total_new))
            ),
            theme.title,
        ));
    }
    spans.extend([
        Span::styled(format!("  ✓{} ", c.closed), theme.closed),
        Span::styled(format!("●{} ", c.open), theme.open),
        Span::styled(format!("∞{} ", c.long_term), theme.long_term),
        Span::styled(format!(" !{} ", l.overdue), theme.bucket(Bucket::Overdue)),
        Span::styled(format!("*{} ", l.due_soon), theme.bucket(Bucket::DueSoon)),
        Span::raw(format!("·{}", l.on_track)),
    ]);
    for text in note.into_iter().chain([order.text(lang)]) {
        spans.push(Span::styled(format!("  · {text}"), theme.dim));
    }
    frame.render_widget(
        Paragraph::new(super::fit(Line::from(spans), usize::from(foot.width))),
        foot,
    );
    hit
}

/// A unit's cells, in the order of the columns.
fn unit_cells(u: &UnitRow, cells: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let (rate, note) = rate_text(&u.completion, lang);
    let part = u.completion.fraction();
    let light = |n: Option<u32>, bucket: Bucket| match n {
        Some(n) if n > 0 => Line::from(Span::styled(
            format!("{} {n}", bucket_symbol(bucket)),
            theme.bucket(bucket),
        )),
        Some(n) => Line::from(n.to_string()),
        None => Line::from(Span::styled("—", theme.dim)),
    };
    vec![
        Line::from(u.name.clone()),
        Line::from(Span::styled(rate, theme.title)),
        Line::from(Span::styled(bar(part, 1.0, cells), theme.closed)),
        Line::from(u.total.to_string()),
        Line::from(u.counts.closed.to_string()),
        Line::from(u.counts.open.to_string()),
        Line::from(u.counts.long_term.to_string()),
        light(u.lights.map(|l| l.overdue), Bucket::Overdue),
        light(u.lights.map(|l| l.due_soon), Bucket::DueSoon),
        Line::from(Span::styled(note.unwrap_or_default(), theme.dim)),
    ]
}

/// The rate as shown ("84.6%", "—") and what a reader must know about it.
pub fn rate_text(completion: &Completion, lang: Lang) -> (String, Option<&'static str>) {
    match completion {
        Completion::Rate { percent, basis, .. } => (
            format!("{}%", percent.normalize()),
            match basis {
                RateBasis::Counted => None,
                RateBasis::Inferred => Some(Msg::RateInferred.text(lang)),
                RateBasis::Stated => Some(Msg::RateStated.text(lang)),
            },
        ),
        Completion::Unknown(NoRate::PartialSource { .. }) => {
            ("—".to_owned(), Some(Msg::RateUnknownPartial.text(lang)))
        }
        Completion::Unknown(NoRate::NoProblems) => {
            ("—".to_owned(), Some(Msg::RateUnknownNone.text(lang)))
        }
    }
}
