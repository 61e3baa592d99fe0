//! The Overview tab: per report, closed / open / long-term as a stacked bar with
//! both the stated and the transcribed counts, and the headline money, land and
//! deadline figures; a table of units when there are more reports than fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{TableView, block, bucket_badge, draw_table};
use crate::format::{self, AreaUnit};
use crate::i18n::{self, Lang, Msg};
use crate::model::Status;
use crate::stats::{Bucket, Count, ReportStats};
use crate::tui::app::{App, Slide};
use crate::tui::theme::{Theme, status_symbol};

/// Rows a report's block takes, borders included.
const BLOCK_HEIGHT: u16 = 7;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let order = &app.rows.overview;
    match app.slide() {
        Some(Slide::Totals) => {
            super::present::draw_totals(frame, area, app, theme);
            return None;
        }
        Some(Slide::Report(r)) => {
            super::present::draw_report(frame, area, app, theme, r);
            return None;
        }
        _ => {}
    }
    // The board strip leads when it leaves room for at least a table.
    let strip = super::board::height(app);
    let area = if area.height >= strip + 6 {
        let [strip, rest] =
            Layout::vertical([Constraint::Length(strip), Constraint::Min(0)]).areas(area);
        super::board::draw(frame, strip, app, theme);
        rest
    } else {
        area
    };
    if order.len() as u16 * BLOCK_HEIGHT > area.height {
        return draw_units_table(frame, area, app, theme);
    }
    let constraints: Vec<Constraint> = order
        .iter()
        .map(|_| Constraint::Length(BLOCK_HEIGHT))
        .chain(order.is_empty().then_some(Constraint::Length(1)))
        .chain([Constraint::Min(0)])
        .collect();
    let areas = Layout::vertical(constraints).split(area);
    let selected = app.level().selected;
    if order.is_empty() {
        frame.render_widget(
            Paragraph::new(Msg::NoReportPasses.text(app.lang)).style(theme.dim),
            areas[0],
        );
    }
    for (row, &r) in order.iter().enumerate() {
        draw_report_block(frame, areas[row], app, theme, r, row == selected);
    }
    if let Some(rest) = areas.last()
        && rest.height >= 4
    {
        draw_next_deadlines(frame, *rest, app, theme);
    }
    Some(super::RowsHit {
        area: Rect {
            height: (order.len() as u16)
                .saturating_mul(BLOCK_HEIGHT)
                .min(area.height),
            ..area
        },
        row_height: BLOCK_HEIGHT,
        offset: 0,
        count: order.len(),
    })
}

/// The earliest deadlines of all reports, below the report blocks when there is room.
fn draw_next_deadlines(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let block = block(
        Line::from(format!(" {} ", Msg::Deadlines.text(lang))),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = app
        .stats
        .deadlines
        .iter()
        .filter(|d| d.date.is_some())
        // The filters of the cards above hold here too.
        .filter(|d| {
            d.item.map_or_else(
                || app.rows.problem_passes(&app.data, d.report, d.problem),
                |item| app.rows.item_passes(&app.data, item),
            ) && (!app.filter.overdue_only || d.bucket == Bucket::Overdue)
        })
        .take(usize::from(inner.height))
        .map(|d| {
            let report = app.data.reports.get(d.report);
            let problem = report.and_then(|r| r.problems.get(d.problem));
            let deadline = d.deadline(&app.data);
            let line = Line::from(vec![
                Span::styled(
                    format::pad_right(
                        &format!("{} ", bucket_badge(d.bucket, lang, theme).content),
                        18,
                    ),
                    theme.bucket(d.bucket),
                ),
                Span::raw(format!(
                    "{}  {}  ",
                    d.date.map_or_else(String::new, |d| d.to_string()),
                    format::pad_right(deadline.map_or("", |d| d.text.as_str()), 14)
                )),
                Span::styled(
                    format!(
                        "{} · {} {}",
                        report.map_or("", |r| crate::board::short_name(&r.issuer)),
                        problem.and_then(|p| p.number.as_deref()).unwrap_or("—"),
                        problem.and_then(|p| p.title.as_deref()).unwrap_or("")
                    ),
                    theme.dim,
                ),
            ]);
            super::fit(line, usize::from(inner.width))
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Msg::Empty.text(lang)).style(theme.dim),
            inner,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

fn draw_report_block(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    r: usize,
    selected: bool,
) {
    let lang = app.lang;
    let (Some(report), Some(rs)) = (app.data.reports.get(r), app.stats.reports.get(r)) else {
        return;
    };
    let mut meta = format!(
        " {} · {} {}",
        i18n::inspection(report.inspection.kind, lang),
        Msg::Published.text(lang),
        report.published
    );
    if !report.source.complete {
        meta.push_str(&format!(" · {}", Msg::PartialSource.text(lang)));
    }
    let marker = if selected { "▶ " } else { "  " };
    let title_style = if selected {
        theme.selected
    } else {
        theme.title
    };
    let title = Line::from(vec![
        Span::styled(format!("{marker}{}", report.title), title_style),
        Span::styled(format!("{meta} "), theme.dim),
    ]);
    let block = block(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let label_w = [
        Msg::Problems,
        Msg::Transcribed,
        Msg::TabAmounts,
        Msg::TabLand,
        Msg::Deadlines,
    ]
    .iter()
    .map(|m| format::width(m.text(lang)))
    .max()
    .unwrap_or(0)
        + 1;
    let bar_w = usize::from(inner.width / 4).clamp(4, 30);
    let lines = vec![
        problems_line(rs, lang, theme, bar_w, label_w),
        transcribed_line(rs, lang, theme, bar_w, label_w),
        money_line(app, rs, label_w, Some(usize::from(inner.width))),
        land_line(app, rs, label_w, Some(usize::from(inner.width))),
        deadline_line(rs, lang, theme, label_w),
    ];
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| super::fit(l, usize::from(inner.width)))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn label(text: &str, w: usize) -> Span<'static> {
    Span::raw(format::pad_right(text, w))
}

/// The stacked bar: █ closed, ▒ open, ░ long-term, so it reads without colour.
fn stacked_bar(
    closed: u32,
    open: u32,
    long_term: u32,
    cells: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let total = closed + open + long_term;
    if total == 0 {
        return vec![Span::styled("·".repeat(cells), theme.dim)];
    }
    let cells_of = |n: u32| (n as usize * cells).div_ceil(total as usize).min(cells);
    let c = cells_of(closed).min(cells);
    let o = cells_of(open).min(cells - c);
    let l = cells - c - o;
    vec![
        Span::styled("█".repeat(c), theme.closed),
        Span::styled("▒".repeat(o), theme.open),
        Span::styled(
            "░".repeat(if long_term > 0 { l } else { 0 }),
            theme.long_term,
        ),
        Span::raw(" ".repeat(if long_term > 0 { 0 } else { l })),
    ]
}

fn count_span(status: Status, count: Count, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            " {} {} {}",
            status_symbol(status),
            i18n::status(status, lang),
            count.value,
        ),
        theme.status(status),
    )
}

/// Where the counts come from, after all three counts so that a narrow
/// screen cuts the explanation and never a count: once when they share a
/// source, else each after its status's mark.
fn sources_span(counts: [(Status, Count); 3], lang: Lang, theme: &Theme) -> Span<'static> {
    let first = counts[0].1.source;
    let text = if counts.iter().all(|(_, c)| c.source == first) {
        format!("  · {}", i18n::count_source(first, lang))
    } else {
        counts
            .iter()
            .map(|(status, c)| {
                format!(
                    "  · {} {}",
                    status_symbol(*status),
                    i18n::count_source(c.source, lang)
                )
            })
            .collect()
    };
    Span::styled(text, theme.dim)
}

fn problems_line(
    rs: &ReportStats,
    lang: Lang,
    theme: &Theme,
    bar_w: usize,
    label_w: usize,
) -> Line<'static> {
    let p = &rs.problems;
    let mut spans = vec![label(Msg::Problems.text(lang), label_w)];
    spans.extend(stacked_bar(
        p.closed.value,
        p.open.value,
        p.long_term.value,
        bar_w,
        theme,
    ));
    let counts = [
        (Status::Closed, p.closed),
        (Status::Open, p.open),
        (Status::LongTerm, p.long_term),
    ];
    for (status, count) in counts {
        spans.push(count_span(status, count, lang, theme));
    }
    spans.push(sources_span(counts, lang, theme));
    Line::from(spans)
}

fn transcribed_line(
    rs: &ReportStats,
    lang: Lang,
    theme: &Theme,
    bar_w: usize,
    label_w: usize,
) -> Line<'static> {
    let t = rs.problems.transcribed;
    let mut spans = vec![label(Msg::Transcribed.text(lang), label_w)];
    spans.extend(stacked_bar(t.closed, t.open, t.long_term, bar_w, theme));
    for (status, n) in [
        (Status::Closed, t.closed),
        (Status::Open, t.open),
        (Status::LongTerm, t.long_term),
    ] {
        spans.push(Span::styled(
            format!(
                " {} {} {n}",
                status_symbol(status),
                i18n::status(status, lang)
            ),
            theme.status(status),
        ));
    }
    Line::from(spans)
}

/// Money by section: recoveries and funds, then what awaits settlement, then
/// the economic indicators under their own name, set apart by "│": they are
/// never read as sums of one kind.
pub(super) fn money_line(
    app: &App,
    rs: &ReportStats,
    label_w: usize,
    width: Option<usize>,
) -> Line<'static> {
    use crate::stats::MoneySection;
    let lang = app.lang;
    let part = |m: &crate::stats::MoneyTotal| {
        let approx = if m.approximate {
            Msg::Approximately.text(lang)
        } else {
            ""
        };
        format!(
            "{} {approx}{}",
            i18n::kind(m.kind, lang),
            format::money_auto(m.amount, m.currency, lang)
        )
    };
    let sections: Vec<Vec<String>> = MoneySection::ALL
        .iter()
        .map(|&section| {
            let mut parts: Vec<String> = rs
                .money
                .iter()
                .filter(|m| MoneySection::of(m.kind) == section)
                .map(part)
                .collect();
            if section == MoneySection::Economy
                && let Some(first) = parts.first_mut()
            {
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                *first = format!("{}{colon}{first}", Msg::EconomyNamed.text(lang));
            }
            parts
        })
        .collect();
    parts_line(Msg::TabAmounts, &sections, lang, label_w, width)
}

/// A labelled line of sections of parts: " · " between parts, "  │  "
/// between sections, or "no data" when there are none. Given a `width`, a
/// line too wide is cut after a whole part, never inside an amount, and says
/// how many more there are ("… +3 more"); the Amounts and Land tabs list
/// them all.
fn parts_line(
    name: Msg,
    sections: &[Vec<String>],
    lang: Lang,
    label_w: usize,
    width: Option<usize>,
) -> Line<'static> {
    let parts: Vec<(&str, &str)> = sections
        .iter()
        .filter(|section| !section.is_empty())
        .enumerate()
        .flat_map(|(i, section)| {
            section.iter().enumerate().map(move |(j, part)| {
                let separator = match (i, j) {
                    (0, 0) => "",
                    (_, 0) => "  │  ",
                    _ => " · ",
                };
                (separator, part.as_str())
            })
        })
        .collect();
    if parts.is_empty() {
        return Line::from(vec![
            label(name.text(lang), label_w),
            Span::raw(Msg::NoData.text(lang)),
        ]);
    }
    let more = |n: usize| match lang {
        Lang::Zh => format!(" …等{n}项"),
        Lang::En => format!(" … +{n} more"),
    };
    let room = width.map_or(usize::MAX, |w| w.saturating_sub(label_w));
    let mut text = String::new();
    let mut shown = 0;
    for (i, (separator, part)) in parts.iter().enumerate() {
        let left = parts.len() - i - 1;
        let tail = if left > 0 {
            format::width(&more(left))
        } else {
            0
        };
        let grown = format::width(&text) + format::width(separator) + format::width(part);
        if grown.saturating_add(tail) > room {
            break;
        }
        text.push_str(separator);
        text.push_str(part);
        shown += 1;
    }
    if shown < parts.len() {
        text.push_str(&more(parts.len() - shown));
    }
    Line::from(vec![label(name.text(lang), label_w), Span::raw(text)])
}

/// Land in 亩, then building floor area (房屋征收) set apart under its own
/// name and in m²: floors of buildings are not land and never become 亩.
pub(super) fn land_line(
    app: &App,
    rs: &ReportStats,
    label_w: usize,
    width: Option<usize>,
) -> Line<'static> {
    let lang = app.lang;
    let part = |l: &crate::stats::LandTotal, unit| {
        let mut s = format!(
            "{} {}",
            i18n::kind(l.kind, lang),
            format::area(l.m2, unit, lang)
        );
        if let Some(pct) = l.percent_of_target() {
            let pct = format::grouped(pct, 1);
            s.push_str(&match lang {
                Lang::Zh => format!("（目标的{pct}%）"),
                Lang::En => format!(" ({pct}% of target)"),
            });
        }
        s
    };
    let land: Vec<String> = rs
        .land
        .iter()
        .filter(|l| !l.is_floor_area())
        .map(|l| part(l, AreaUnit::Mu))
        .collect();
    let floor: Vec<String> = rs
        .land
        .iter()
        .filter(|l| l.is_floor_area())
        .map(|l| part(l, AreaUnit::SquareMetre))
        .collect();
    parts_line(Msg::TabLand, &[land, floor], lang, label_w, width)
}

pub(super) fn deadline_line(
    rs: &ReportStats,
    lang: Lang,
    theme: &Theme,
    label_w: usize,
) -> Line<'static> {
    let d = rs.deadlines;
    let mut spans = vec![label(Msg::Deadlines.text(lang), label_w)];
    for (bucket, n) in [
        (Bucket::Overdue, d.overdue),
        (Bucket::DueSoon, d.due_soon),
        (Bucket::Later, d.later),
        (Bucket::NoDate, d.none),
    ] {
        let mut badge = bucket_badge(bucket, lang, theme);
        badge.content = format!("{} {n}  ", badge.content).into();
        spans.push(badge);
    }
    Line::from(spans)
}

/// With many reports: one row per unit, sorted by open problems.
fn draw_units_table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) -> Option<super::RowsHit> {
    let order = &app.rows.overview;
    // The unit's name first and whole where it can be; the counts under
    // their marks; the title takes what is left.
    let columns = [
        (Msg::Issuer, Constraint::Min(12)),
        (Msg::ColClosed, Constraint::Length(7)),
        (Msg::ColOpen, Constraint::Length(7)),
        (Msg::ColLongTerm, Constraint::Length(7)),
        (Msg::ColOverdue, Constraint::Length(7)),
        (Msg::Published, Constraint::Length(10)),
        (Msg::Title, Constraint::Fill(1)),
    ];
    draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: order.len(),
            columns: &columns,
            name: Msg::ReportsTitle,
        },
        |i| {
            let r = order[i];
            let (Some(report), Some(rs)) = (app.data.reports.get(r), app.stats.reports.get(r))
            else {
                return Vec::new();
            };
            let p = rs.problems.best();
            vec![
                Line::from(crate::board::short_name(&report.issuer).to_owned()),
                Line::from(format!("✓ {}", p.closed)).style(theme.closed),
                Line::from(format!("● {}", p.open)).style(theme.open),
                Line::from(format!("∞ {}", p.long_term)).style(theme.long_term),
                Line::from(format!("! {}", rs.deadlines.overdue)).style(theme.overdue),
                Line::from(report.published.to_string()),
                Line::from(report.title.clone()),
            ]
        },
    )
}
