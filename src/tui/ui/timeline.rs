//! The Deadlines tab's timeline: how many of the listed items fall due in
//! each month (or quarter, or year, when months do not fit), the as-of date
//! marked under its column, overdue columns in red and marked `!`, and, with
//! `--since`, `↷` under a column where a deadline was moved later.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::block;
use crate::diff::Kind;
use crate::format;
use crate::i18n::Msg;
use crate::stats::Bucket;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Rows the timeline takes, borders included.
pub const HEIGHT: u16 = 8;

/// Rows of the bars themselves.
const BAR_ROWS: usize = 3;

/// Cells of one column: "22-01" and a space.
const COLUMN: usize = 6;

/// How wide a column of the timeline is in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Month,
    Quarter,
    Year,
}

impl Step {
    /// The first day of the period that holds `date`.
    fn start(self, date: NaiveDate) -> NaiveDate {
        let month = match self {
            Step::Month => date.month(),
            Step::Quarter => (date.month() - 1) / 3 * 3 + 1,
            Step::Year => 1,
        };
        NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
    }

    /// The first day of the next period.
    fn next(self, start: NaiveDate) -> NaiveDate {
        let months = match self {
            Step::Month => 1,
            Step::Quarter => 3,
            Step::Year => 12,
        };
        start
            .checked_add_months(chrono::Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The column's label, five cells at most: "22-01", "22Q1", "2022".
    fn label(self, start: NaiveDate) -> String {
        let yy = start.year() % 100;
        match self {
            Step::Month => format!("{yy:02}-{:02}", start.month()),
            Step::Quarter => format!("{yy:02}Q{}", (start.month() - 1) / 3 + 1),
            Step::Year => start.year().to_string(),
        }
    }
}

/// One column: the items falling due in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    /// Items due in the period.
    pub due: u32,
    /// Of them, overdue as of the as-of date.
    pub overdue: u32,
    /// Of them, on problems whose deadline moved later since the old version.
    pub postponed: u32,
}

/// The periods from the first to the last dated item, in the widest step
/// that fits `columns` columns; `None` when no item is dated.
pub fn columns(
    dated: &[(NaiveDate, Bucket, bool)],
    as_of: NaiveDate,
    fit: usize,
) -> Option<(Step, Vec<(NaiveDate, Column)>)> {
    let first = dated.iter().map(|d| d.0).min()?.min(as_of);
    let last = dated.iter().map(|d| d.0).max()?.max(as_of);
    let step = [Step::Month, Step::Quarter, Step::Year]
        .into_iter()
        .find(|s| periods(*s, first, last) <= fit.max(1))
        .unwrap_or(Step::Year);
    let mut columns: BTreeMap<NaiveDate, Column> = BTreeMap::new();
    let mut at = step.start(first);
    while at <= last && columns.len() < 1000 {
        columns.insert(at, Column::default());
        at = step.next(at);
    }
    for &(date, bucket, postponed) in dated {
        let column = columns.entry(step.start(date)).or_default();
        column.due += 1;
        column.overdue += u32::from(bucket == Bucket::Overdue);
        column.postponed += u32::from(postponed);
    }
    let mut columns: Vec<(NaiveDate, Column)> = columns.into_iter().collect();
    // Years that do not fit keep the ones nearest the as-of date.
    if columns.len() > fit.max(1) {
        let at = columns
            .iter()
            .position(|(start, _)| *start == step.start(as_of))
            .unwrap_or(0);
        let from = at.saturating_sub(fit / 2).min(columns.len() - fit.max(1));
        columns = columns.into_iter().skip(from).take(fit.max(1)).collect();
    }
    Some((step, columns))
}

fn periods(step: Step, first: NaiveDate, last: NaiveDate) -> usize {
    let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    let months = usize::try_from(months).unwrap_or(0);
    let quarter = |d: NaiveDate| d.year() * 4 + (d.month() as i32 - 1) / 3;
    match step {
        Step::Month => months + 1,
        Step::Quarter => usize::try_from(quarter(last) - quarter(first)).unwrap_or(0) + 1,
        Step::Year => usize::try_from(last.year() - first.year()).unwrap_or(0) + 1,
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let as_of = app.stats.as_of;
    let dated: Vec<(NaiveDate, Bucket, bool)> = app
        .rows
        .deadlines
        .iter()
        .filter_map(|&i| app.stats.deadlines.get(i))
        .filter_map(|d| {
            let postponed = app
                .since
                .as_ref()
                .is_some_and(|s| s.marks(d.report, d.problem).contains(&Kind::Postponed));
            Some((d.date?, d.bucket, postponed))
        })
        .collect();
    let undated = app.rows.deadlines.len() - dated.len();
    let title = format!(
        " {} · ▲ {} {as_of} · ! {} · {} {undated} ",
        Msg::Timeline.text(lang),
        Msg::AsOf.text(lang),
        Msg::OverdueShort.text(lang),
        Msg::NoDateShort.text(lang),
    );
    let block = block(Line::from(title), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let Some((step, columns)) = columns(&dated, as_of, cells.saturating_sub(1) / COLUMN) else {
        frame.render_widget(
            Paragraph::new(Line::styled(Msg::NoDatedItems.text(lang), theme.dim)),
            inner,
        );
        return;
    };
    let lines = lines(&columns, step, as_of, theme);
    let lines: Vec<Line> = lines.into_iter().map(|l| super::fit(l, cells)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The bars, the counts, the labels and the as-of mark.
fn lines(
    columns: &[(NaiveDate, Column)],
    step: Step,
    as_of: NaiveDate,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let max = columns.iter().map(|(_, c)| c.due).max().unwrap_or(0).max(1);
    let style = |c: &Column, start: NaiveDate| -> Style {
        if c.overdue > 0 {
            theme.bucket(Bucket::Overdue)
        } else if start == step.start(as_of) {
            theme.bucket(Bucket::DueSoon)
        } else {
            theme.bucket(Bucket::Later)
        }
    };
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let mut out = Vec::new();
    for row in (0..BAR_ROWS).rev() {
        let spans: Vec<Span> = columns
            .iter()
            .map(|(start, c)| {
                let eighths = (u64::from(c.due) * (BAR_ROWS as u64) * 8).div_ceil(u64::from(max));
                let here = eighths.saturating_sub(row as u64 * 8).min(8) as usize;
                let glyph = EIGHTHS[here].repeat(COLUMN - 2);
                Span::styled(format!("{glyph}  "), style(c, *start))
            })
            .collect();
        out.push(Line::from(spans));
    }
    out.push(Line::from(
        columns
            .iter()
            .map(|(start, c)| {
                let text = match c.due {
                    0 => String::new(),
                    n if c.overdue == n => format!("!{n}"),
                    n if c.overdue > 0 => format!("!{}/{n}", c.overdue),
                    n => n.to_string(),
                };
                Span::styled(format::pad_right(&text, COLUMN), style(c, *start))
            })
            .collect::<Vec<_>>(),
    ));
    out.push(Line::from(
        columns
            .iter()
            .map(|(start, _)| {
                Span::styled(format::pad_right(&step.label(*start), COLUMN), theme.dim)
            })
            .collect::<Vec<_>>(),
    ));
    let marks: Vec<Span> = columns
        .iter()
        .map(|(start, c)| {
            let mut text = String::new();
            if *start == step.start(as_of) {
                text.push('▲');
            }
            if c.postponed > 0 {
                text.push_str(&format!("↷{}", c.postponed));
            }
            Span::styled(format::pad_right(&text, COLUMN), theme.title)
        })
        .collect();
    out.push(Line::from(marks));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn items_fall_in_their_months_with_overdue_counted_apart() {
        let dated = [
            (day(2022, 1, 31), Bucket::DueSoon, false),
            (day(2022, 1, 10), Bucket::Overdue, false),
            (day(2022, 3, 31), Bucket::Later, true),
        ];
        let (step, columns) = columns(&dated, day(2022, 1, 15), 20).unwrap_or((Step::Year, vec![]));
        assert_eq!(step, Step::Month);
        let labels: Vec<String> = columns.iter().map(|(s, _)| step.label(*s)).collect();
        assert_eq!(labels, ["22-01", "22-02", "22-03"]);
        assert_eq!(
            columns[0].1,
            Column {
                due: 2,
                overdue: 1,
                postponed: 0
            }
        );
        assert_eq!(
            columns[1].1.due, 0,
            "a month with nothing due is shown empty"
        );
        assert_eq!(columns[2].1.postponed, 1);
    }

    #[test]
    fn years_of_months_that_do_not_fit_become_quarters_then_years() {
        let dated = [
            (day(2022, 1, 31), Bucket::DueSoon, false),
            (day(2025, 12, 31), Bucket::Later, false),
        ];
        let as_of = day(2022, 1, 15);
        let (step, columns) = columns(&dated, as_of, 20).unwrap_or((Step::Month, vec![]));
        assert_eq!(step, Step::Quarter);
        assert_eq!(columns.len(), 16);
        let (step, columns) = columns_of(&dated, as_of, 5);
        assert_eq!(step, Step::Year);
        assert_eq!(columns.len(), 4);
        let (_, narrow) = columns_of(&dated, as_of, 2);
        assert_eq!(narrow.len(), 2, "never more columns than fit");
        assert!(columns_of(&[], as_of, 10).1.is_empty());
    }

    fn columns_of(
        dated: &[(NaiveDate, Bucket, bool)],
        as_of: NaiveDate,
        fit: usize,
    ) -> (Step, Vec<(NaiveDate, Column)>) {
        columns(dated, as_of, fit).unwrap_or((Step::Month, vec![]))
    }
}
