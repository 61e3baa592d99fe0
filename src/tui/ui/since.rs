//! What moved since the last meeting, drawn: the change marks of problem
//! rows (`--since`) with their legend, the rate then and now, and the
//! sparkline of the rate over dated versions (`--history`). Each mark is a
//! glyph with a word in the legend, never a colour alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit;
use crate::diff::{self, Kind};
use crate::history::Version;
use crate::i18n::{Lang, Msg};
use crate::progress::Rate;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Every kind of mark, in the order rows and the legend show them.
pub const KINDS: [Kind; 9] = [
    Kind::Closed,
    Kind::Reopened,
    Kind::Postponed,
    Kind::BroughtForward,
    Kind::New,
    Kind::NewlyOverdue,
    Kind::StatusChanged,
    Kind::Split,
    Kind::Ambiguous,
];

/// The style of a mark: what it means for the work, on top of its glyph.
pub fn style(kind: Kind, theme: &Theme) -> Style {
    match kind {
        Kind::Closed => theme.closed,
        Kind::Reopened | Kind::NewlyOverdue => theme.overdue,
        Kind::Postponed => theme.due_soon,
        Kind::New | Kind::BroughtForward => theme.figure,
        Kind::StatusChanged | Kind::Split | Kind::Ambiguous => theme.title,
    }
}

/// A table's columns, with the narrow change column first when comparing.
pub fn columns(app: &App, columns: &[(Msg, Constraint)]) -> Vec<(Msg, Constraint)> {
    let mut all = Vec::with_capacity(columns.len() + 1);
    if app.since.is_some() {
        all.push((Msg::ColChange, Constraint::Length(3)));
    }
    all.extend_from_slice(columns);
    all
}

/// How far the change column moves the sorted column of the tab's top
/// level to the right: one on Problems and Deadlines, where it comes first.
pub fn sort_shift(app: &App) -> usize {
    use crate::tui::action::Tab;
    usize::from(app.since.is_some() && matches!(app.tab, Tab::Problems | Tab::Deadlines))
}

/// A problem's cells with its marks in front when comparing: "↷~", or
/// nothing for a problem that did not change.
pub fn with_marks(
    app: &App,
    theme: &Theme,
    (r, p): (usize, usize),
    cells: Vec<Line<'static>>,
) -> Vec<Line<'static>> {
    let Some(since) = &app.since else {
        return cells;
    };
    let marks: Vec<Span> = since
        .marks(r, p)
        .iter()
        .map(|&k| Span::styled(k.mark(), style(k, theme)))
        .collect();
    let mut all = Vec::with_capacity(cells.len() + 1);
    all.push(Line::from(marks));
    all.extend(cells);
    all
}

/// Draws the legend of the marks at the bottom of `area` when comparing, on
/// one row or, when it does not fit, two; returns the rows above it.
/// Without `--since`, the whole area.
pub fn legend(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Rect {
    if app.since.is_none() || area.height < 6 {
        return area;
    }
    let lines = legend_lines(app, theme, usize::from(area.width));
    let [rest, foot] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(lines.len() as u16)]).areas(area);
    frame.render_widget(Paragraph::new(lines), foot);
    rest
}

/// The legend, "图例 ✓ 已完成整改 1  ↷ 延期 2 …", packed into at most two
/// lines of `width` cells: the kinds on screen first with their counts,
/// then the others, dim, as far as the room goes.
pub fn legend_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let counts = app.since.as_ref().map(|s| s.counts()).unwrap_or_default();
    let mut entries: Vec<Vec<Span<'static>>> = counts
        .iter()
        .map(|(kind, n)| {
            vec![
                Span::styled(kind.mark(), style(*kind, theme)),
                Span::raw(format!(" {} {n}  ", diff::label(*kind, lang))),
            ]
        })
        .collect();
    entries.extend(
        KINDS
            .iter()
            .filter(|k| !counts.iter().any(|(c, _)| c == *k))
            .map(|kind| {
                vec![Span::styled(
                    format!("{} {}  ", kind.mark(), diff::label(*kind, lang)),
                    theme.dim,
                )]
            }),
    );
    let head = Span::styled(format!(" {} ", Msg::Legend.text(lang)), theme.dim);
    let indent = crate::format::width(&head.content);
    let mut lines: Vec<Vec<Span<'static>>> = vec![vec![head]];
    let mut used = indent;
    for entry in entries {
        let w: usize = entry.iter().map(|s| crate::format::width(&s.content)).sum();
        if used + w > width && used > indent && lines.len() < 2 {
            lines.push(vec![Span::raw(" ".repeat(indent))]);
            used = indent;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.extend(entry);
        }
    }
    lines
        .into_iter()
        .map(|spans| fit(Line::from(spans), width))
        .collect()
}

/// "71.0% → 84.6% (+13.6)": a rate then and now with the change in points;
/// a side with no rate is "—".
pub fn rate_change(old: Option<&Rate>, new: Option<&Rate>) -> String {
    let percent = |r: Option<&Rate>| r.and_then(Rate::percent);
    let shown =
        |p: Option<rust_decimal::Decimal>| p.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"));
    let (o, n) = (percent(old), percent(new));
    match o.zip(n) {
        Some((o, n)) => {
            let points = n - o;
            let sign = if points.is_zero() {
                "±"
            } else if points.is_sign_positive() {
                "+"
            } else {
                ""
            };
            format!(
                "{} → {} ({sign}{points:.1})",
                shown(Some(o)),
                shown(Some(n))
            )
        }
        None => format!("{} → {}", shown(o), shown(n)),
    }
}

/// The change of a rate in points alone, for narrow columns: "+13.6", or
/// the new rate after "—→" when the unit is new.
pub fn points(old: Option<&Rate>, new: Option<&Rate>) -> String {
    let percent = |r: Option<&Rate>| r.and_then(Rate::percent);
    match (percent(old), percent(new)) {
        (Some(o), Some(n)) => {
            let points = n - o;
            match points {
                p if p.is_zero() => format!("±{p:.1}"),
                p if p.is_sign_positive() => format!("+{p:.1}"),
                p => format!("{p:.1}"),
            }
        }
        _ => rate_change(old, new),
    }
}

/// The lines the board strip adds: the rate since the older version with
/// the count of each mark, and the trend over dated versions.
pub fn board_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    if let Some(since) = &app.since {
        let c = &since.changes;
        let date = since
            .old_date()
            .map_or_else(|| since.old.name.clone(), |d| d.to_string());
        let mut spans = vec![
            Span::styled(format!("{} {date} ", Msg::Since.text(lang)), theme.dim),
            Span::styled(
                rate_change(Some(&c.total_old), Some(&c.total_new)),
                theme.title,
            ),
            Span::raw("  "),
        ];
        for (kind, n) in since.counts() {
            spans.push(Span::styled(kind.mark(), style(kind, theme)));
            spans.push(Span::raw(format!("{n} ")));
        }
        if !c.removed.is_empty() {
            let (n, removed) = (c.removed.len(), Msg::RemovedShort.text(lang));
            let text = match lang {
                Lang::Zh => format!(" · {removed} {n}"),
                Lang::En => format!(" · {n} {removed}"),
            };
            spans.push(Span::styled(text, theme.dim));
        }
        lines.push(Line::from(spans));
    }
    if !app.history.is_empty() {
        lines.push(trend_line(&app.history, lang, theme));
    }
    lines
}

/// The eight heights of a sparkline cell, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The rate of each version as one cell of a sparkline, 0% to 100%; a
/// version with no rate is a space.
pub fn sparkline(versions: &[Version]) -> String {
    versions
        .iter()
        .map(|v| match v.rate.percent() {
            Some(p) => {
                let step = (p * rust_decimal::Decimal::from(7)
                    / rust_decimal::Decimal::ONE_HUNDRED)
                    .round()
                    .to_string()
                    .parse::<usize>()
                    .unwrap_or(0);
                BARS[step.min(7)]
            }
            None => ' ',
        })
        .collect()
}

/// "趋势 ▁▂▅ 2023-06-30 12.5% → 2023-08-31 22.2% · 3 个版本": the sparkline
/// with the first and last dates and rates written out beside it.
pub fn trend_line(versions: &[Version], lang: Lang, theme: &Theme) -> Line<'static> {
    let at = |v: Option<&Version>| {
        v.map_or_else(String::new, |v| {
            let rate = v
                .rate
                .percent()
                .map_or_else(|| "—".to_owned(), |p| format!("{p:.1}%"));
            format!("{} {rate}", v.date)
        })
    };
    Line::from(vec![
        Span::styled(format!("{} ", Msg::Trend.text(lang)), theme.dim),
        Span::styled(sparkline(versions), theme.closed),
        Span::raw(format!(
            "  {} → {}",
            at(versions.first()),
            at(versions.last())
        )),
        Span::styled(
            format!(
                " · {} {}",
                versions.len(),
                Msg::Versions.after_count(versions.len(), lang)
            ),
            theme.dim,
        ),
    ])
}

/// Lines for a problem's details: each change with its old and new values,
/// "↷ 延期: 2023-07-31（2023年7月）→ 2023-12-31（2023年底）".
pub fn problem_lines(app: &App, theme: &Theme, r: usize, p: usize) -> Vec<Line<'static>> {
    let Some(since) = &app.since else {
        return Vec::new();
    };
    let lang = app.lang;
    let mut lines: Vec<Line> = since
        .changes_of(r, p)
        .into_iter()
        .map(|(kind, change)| {
            let (old, new) = diff::values(kind, change, lang);
            let values = if old.is_empty() {
                new
            } else {
                format!("{old} → {new}")
            };
            Line::from(vec![
                Span::styled(kind.mark(), style(kind, theme)),
                Span::styled(format!(" {}: ", diff::label(kind, lang)), theme.dim),
                Span::raw(values),
            ])
        })
        .collect();
    for kind in since.marks(r, p) {
        if matches!(kind, Kind::Split | Kind::Ambiguous) {
            lines.push(Line::from(vec![
                Span::styled(kind.mark(), style(*kind, theme)),
                Span::styled(format!(" {}", diff::label(*kind, lang)), theme.dim),
            ]));
        }
    }
    lines
}
