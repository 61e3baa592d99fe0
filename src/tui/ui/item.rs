//! One measure or ongoing item: its full text with every figure highlighted, the
//! figures with kind, role and normalised value, and the selected figure's
//! source clause. The deepest level of drill-down.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{TableView, block, draw_table, item_label};
use crate::format::{self, AreaUnit};
use crate::i18n::{self, Lang, Msg};
use crate::model::Figure;
use crate::stats::{Bucket, ItemPath};
use crate::tui::app::{App, Focus, View};
use crate::tui::theme::Theme;
use crate::units::Dimension;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    path: ItemPath,
) -> Option<super::RowsHit> {
    let lang = app.lang;
    let item = path.resolve(&app.data)?;
    let selected = app.level().selected;
    let inner_width = usize::from(area.width.saturating_sub(2)).max(1);
    // Only a window of a long text around the selected figure is laid out: a
    // 50 MB text wrapped in full took 1.3 s and 1.9 GB per key.
    let focus = figure_start(&item.text, item.figures.get(selected));
    let window = Window::around(&item.text, focus.unwrap_or(0));
    let shown = &item.text[window.start..window.end];
    let (before, after) = window.marks(&item.text, lang);
    // Laid out by the breaking rules of Chinese text: never inside a number
    // or before closing punctuation.
    let before_len = before.as_deref().map_or(0, str::len);
    let plain = [
        before.as_deref().unwrap_or(""),
        shown,
        after.as_deref().unwrap_or(""),
    ]
    .concat();
    let starts = crate::linebreak::line_starts(&plain, inner_width);
    let text_lines = u16::try_from(starts.len()).unwrap_or(u16::MAX);
    let cells = crate::tui::details::item(item, lang);
    let extra = u16::from(item.deadline.is_some())
        .saturating_add(u16::from(cells.is_some()))
        .saturating_add(u16::try_from(item.unstated.len()).unwrap_or(u16::MAX));
    let text_height = text_lines
        .saturating_add(extra)
        .saturating_add(2)
        .min(area.height * 2 / 5)
        .max(3);
    let source_height = 5.min(area.height / 4).max(3);
    let [text_area, table_area, source_area] = Layout::vertical([
        Constraint::Length(text_height),
        Constraint::Min(3),
        Constraint::Length(source_height),
    ])
    .areas(area);

    let figures = ranges(
        shown,
        &item.figures,
        window.start,
        focus.map(|f| (f, selected)),
    );
    // The text may be taller than its box: scroll it so that the selected
    // figure's line is in view, and say that there is more.
    let visible = text_height.saturating_sub(2).max(1);
    let total = text_lines.saturating_add(extra);
    let focus_line = focus.map_or(0, |start| {
        let line = crate::linebreak::line_of(&starts, before_len + start - window.start);
        u16::try_from(line).unwrap_or(u16::MAX)
    });
    // Opened from a deadline or an amount not stated, that entry comes first
    // in the box, selected, and the text follows it from its start.
    let pointed = app.level().focus;
    // Opened on a deadline, the text is scrolled to the clause that sets it
    // (the deadline's own line comes first, so the text starts a row lower).
    let deadline_line = item.deadline.as_ref().and_then(|d| {
        let at = [d.quote.as_str(), d.text.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .find_map(|t| shown.find(t))?;
        let line = crate::linebreak::line_of(&starts, before_len + at) + 1;
        u16::try_from(line).ok()
    });
    let scroll = match (pointed, deadline_line) {
        (Focus::Figure, _) => focus_line,
        (Focus::Deadline, Some(line)) => line,
        _ => 0,
    }
    .saturating_sub(visible / 3)
    .min(total.saturating_sub(visible));
    let more = match (scroll > 0, scroll.saturating_add(visible) < total) {
        (true, true) => "▲▼",
        (true, false) => "▲",
        (false, true) => "▼",
        (false, false) => "",
    };
    let mut spans = Vec::new();
    spans.extend(before.map(|m| Span::styled(m, theme.dim)));
    spans.extend(highlighted(
        shown,
        &with_query(shown, figures, app.query()),
        selected,
        theme,
    ));
    spans.extend(after.map(|m| Span::styled(m, theme.dim)));
    // The text is `plain`, laid out once above.
    let mut lines = crate::linebreak::split_spans(spans, &starts);
    let style_of = |focus: Focus, normal: Style| {
        if pointed == focus {
            theme.selected
        } else {
            normal
        }
    };
    if let Some(d) = &item.deadline {
        let bucket = Bucket::of(d.date, app.stats.as_of);
        let line = Line::from(vec![
            Span::styled(crate::i18n::label(Msg::Deadlines.text(lang)), theme.dim),
            Span::styled(
                format!(
                    "{} {} → {}{}",
                    crate::tui::theme::bucket_symbol(bucket),
                    d.text,
                    d.date.map_or_else(|| "—".to_string(), |d| d.to_string()),
                    i18n::parenthesized(i18n::bucket(bucket, lang), lang)
                ),
                theme.bucket(bucket),
            ),
        ]);
        if pointed == Focus::Deadline {
            lines.insert(0, line.style(theme.selected));
        } else {
            lines.push(line);
        }
    }
    if let Some(cells) = cells {
        lines.push(super::detail_line(cells, theme));
    }
    for (k, u) in item.unstated.iter().enumerate() {
        let line = Line::from(vec![
            Span::styled(
                crate::i18n::label(Msg::AmountNotStated.text(lang)),
                style_of(Focus::Unstated(k), theme.open),
            ),
            Span::styled(
                format!("{} · {}", i18n::kind(u.kind, lang), u.label),
                style_of(Focus::Unstated(k), Style::default()),
            ),
        ]);
        if pointed == Focus::Unstated(k) {
            lines.insert(0, line);
        } else {
            lines.push(line);
        }
    }
    // Opened straight from Amounts, Land or Deadlines, the title names the
    // report and problem the item belongs to; the breadcrumb lists only the
    // levels opened.
    let opened_through = app
        .stack()
        .iter()
        .any(|l| matches!(l.view, View::Problem(..) | View::General(_)));
    let title = if opened_through {
        format!(" {} ", item_label(app, path))
    } else {
        let issuer = app
            .data
            .reports
            .get(path.report)
            .map_or("", |x| x.issuer.as_str());
        let parent = if path.is_general() {
            Msg::ReportAsWhole.text(lang).to_string()
        } else {
            let number = app
                .data
                .problem(path.report, path.problem)
                .and_then(|p| p.number.as_deref())
                .unwrap_or("—");
            format!("{} {number}", Msg::Problem.text(lang))
        };
        format!(
            " {} · {parent} · {} ",
            format::truncate(issuer, 16),
            item_label(app, path)
        )
    };
    let mut text_block = block(Line::from(title), theme);
    if !more.is_empty() {
        text_block = text_block.title_bottom(Line::from(format!(" {more} ")).right_aligned());
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(text_block),
        text_area,
    );

    // Figures are never cut: their columns are as wide as what they hold,
    // and the label gives way.
    let fit = |msg: Msg, cells: &dyn Fn(&Figure) -> usize| {
        let widest = item.figures.iter().map(cells).max().unwrap_or(0);
        let widest = widest.max(format::width(msg.text(lang))).min(24) + 1;
        (msg, Constraint::Length(u16::try_from(widest).unwrap_or(24)))
    };
    let columns = [
        fit(Msg::AsWritten, &|f| format::width(&f.text)),
        (Msg::Label, Constraint::Fill(1)),
        fit(Msg::Kind, &|f| format::width(i18n::kind(f.kind, lang))),
        fit(Msg::Role, &|f| format::width(i18n::role(f.role, lang))),
        fit(Msg::Converted, &|f| format::width(&normalized(f, app))),
    ];
    let count = item.figures.len();
    let hit = draw_table(
        frame,
        table_area,
        app,
        theme,
        TableView {
            count,
            columns: &columns,
            name: Msg::Figure,
        },
        |i| {
            let Some(f) = item.figures.get(i) else {
                return Vec::new();
            };
            vec![
                Line::from(f.text.clone()).style(theme.figure),
                Line::from(f.label.clone()),
                Line::from(i18n::kind(f.kind, lang)),
                Line::from(i18n::role(f.role, lang)),
                Line::from(normalized(f, app)),
            ]
        },
    );

    let source_lines = match (pointed, item.figures.get(selected)) {
        (Focus::Unstated(k), _) if k < item.unstated.len() => {
            let u = &item.unstated[k];
            vec![
                Line::from(u.quote.clone()),
                Line::from(Span::styled(
                    format!(
                        "{} · {}",
                        i18n::kind(u.kind, lang),
                        Msg::AmountNotStated.text(lang)
                    ),
                    theme.dim,
                )),
            ]
        }
        (Focus::Deadline, _) if item.deadline.is_some() => {
            let text = item.deadline.as_ref().map_or("", |d| d.text.as_str());
            let clause = clause_around(&item.text, text);
            let spans = match clause.find(text).filter(|_| !text.is_empty()) {
                Some(s) => vec![
                    Span::raw(clause[..s].to_string()),
                    Span::styled(text.to_string(), theme.figure_selected),
                    Span::raw(clause[s + text.len()..].to_string()),
                ],
                None => vec![Span::raw(clause.to_string())],
            };
            vec![Line::from(spans)]
        }
        (_, Some(f)) => {
            let start = f.quote.find(&f.text);
            let spans = match start {
                Some(s) => vec![
                    Span::raw(f.quote[..s].to_string()),
                    Span::styled(f.text.clone(), theme.figure_selected),
                    Span::raw(f.quote[s + f.text.len()..].to_string()),
                ],
                None => vec![Span::raw(f.quote.clone())],
            };
            let mut about = format!(
                "{} · {} · {}",
                i18n::kind(f.kind, lang),
                i18n::role(f.role, lang),
                normalized(f, app)
            );
            if f.approximate {
                about.push_str(&format!(" · {}", Msg::Approx.text(lang)));
            }
            if let Some(reason) = not_added(app, path, selected) {
                about.push_str(&format!(" · {reason}"));
            }
            vec![
                Line::from(spans),
                Line::from(Span::styled(about, theme.dim)),
            ]
        }
        (_, None) => vec![Line::from(Span::styled(Msg::Empty.text(lang), theme.dim))],
    };
    frame.render_widget(
        Paragraph::new(source_lines)
            .wrap(Wrap { trim: false })
            .block(block(
                Line::from(format!(" {} ", Msg::SourceClause.text(lang))),
                theme,
            )),
        source_area,
    );
    hit
}

/// The clause of `text` that holds `needle` (between the punctuation marks
/// around it), or the whole text when the needle is not in it.
fn clause_around<'a>(text: &'a str, needle: &str) -> &'a str {
    let Some(at) = text.find(needle).filter(|_| !needle.is_empty()) else {
        return text;
    };
    let stop = |c: char| matches!(c, '。' | '；' | '，' | ';' | '\n');
    let start = text[..at].rfind(stop).map_or(0, |i| {
        i + text[i..].chars().next().map_or(0, char::len_utf8)
    });
    let end = text[at + needle.len()..]
        .find(stop)
        .map_or(text.len(), |i| at + needle.len() + i);
    &text[start..end]
}

/// Why figure `index` of an item is listed under its kind's total but not
/// added, if it is: "included in 7005万美元, not added", or the report's own
/// total of the kind holds it.
fn not_added(app: &App, item: ItemPath, index: usize) -> Option<String> {
    let path = crate::stats::FigurePath {
        item,
        figure: index,
    };
    let f = path.resolve(&app.data)?;
    let totals = app
        .stats
        .reports
        .get(item.report)
        .map(|r| (&r.money, &r.land))?;
    let listed = totals
        .0
        .iter()
        .map(|m| (&m.figures, m.added))
        .chain(totals.1.iter().map(|l| (&l.figures, l.added)))
        .any(|(figures, added)| figures[added.min(figures.len())..].contains(&path));
    (listed || f.overlaps.is_some())
        .then(|| crate::summary::not_added_reason(&app.data, &path, f, app.lang))
}

/// The normalised value: money in the chosen scale, land in m², counts as counts.
fn normalized(f: &Figure, app: &App) -> String {
    let Some(base) = f
        .unit
        .factor()
        .and_then(|factor| f.value.checked_mul(factor))
    else {
        return String::new();
    };
    match f.unit.dimension() {
        Some(Dimension::Money(c)) => format::money(base, c, app.money_scale, app.lang),
        Some(Dimension::Area) => format::area(base, AreaUnit::SquareMetre, app.lang),
        Some(Dimension::MoneyPerPerson(_)) => format!("{}元/人", format::grouped(base, 2)),
        Some(Dimension::Percent) => format!("{}%", format::grouped(base, 2)),
        Some(Dimension::PercentagePoint) => format!("{}个百分点", format::grouped(base, 2)),
        Some(Dimension::Count) | None => format::grouped(base, 2),
    }
}

/// The largest part of an item's text one frame lays out, in bytes: about
/// 20,000 Chinese characters, more than any terminal shows in the text box.
const WINDOW_BYTES: usize = 64 * 1024;

/// The part of an item's text that is laid out, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    start: usize,
    end: usize,
}

impl Window {
    /// At most [`WINDOW_BYTES`] of `text` around byte `focus`, a third of it
    /// before, on character boundaries.
    fn around(text: &str, focus: usize) -> Self {
        if text.len() <= WINDOW_BYTES {
            return Self {
                start: 0,
                end: text.len(),
            };
        }
        let start = floor_boundary(text, focus.saturating_sub(WINDOW_BYTES / 3))
            .min(floor_boundary(text, text.len() - WINDOW_BYTES));
        let end = floor_boundary(text, start + WINDOW_BYTES);
        Self { start, end }
    }

    /// "…(N more characters)" for the text left out before and after the window.
    fn marks(&self, text: &str, lang: Lang) -> (Option<String>, Option<String>) {
        let more = Msg::MoreCharacters.text(lang);
        let mark = |left_out: &str| {
            (!left_out.is_empty()).then(|| {
                let n = format::grouped(left_out.chars().count().into(), 0);
                format!("…({n} {more})")
            })
        };
        (
            mark(&text[..self.start]).map(|m| format!("{m} ")),
            mark(&text[self.end..]).map(|m| format!(" {m}")),
        )
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where a figure stands in the item text: found inside its quote, so that
/// "5" in "5个方面" is not matched in "2021年5月".
fn figure_start(text: &str, f: Option<&Figure>) -> Option<usize> {
    let f = f?;
    text.find(&f.quote)
        .and_then(|q| f.quote.find(&f.text).map(|t| q + t))
        .or_else(|| text.find(&f.text))
}

/// Byte ranges in `shown` (the text from byte `offset` of the item) of each
/// figure found there, with the index of the figure; the selected figure is at
/// `focus` in the whole text when known. Overlapping ranges are dropped.
fn ranges(
    shown: &str,
    figures: &[Figure],
    offset: usize,
    focus: Option<(usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        let found = match focus {
            Some((at, selected)) if selected == i => at.checked_sub(offset),
            _ => figure_start(shown, Some(f)),
        };
        if let Some(start) = found.filter(|s| s + f.text.len() <= shown.len()) {
            out.push((start, start + f.text.len(), i));
        }
    }
    out.sort();
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for r in out {
        if kept.last().is_none_or(|last| r.0 >= last.1) {
            kept.push(r);
        }
    }
    kept
}

/// The index that marks a search match among the figure ranges.
const QUERY: usize = usize::MAX;

/// Figure ranges plus the matches of the search query that do not overlap them.
fn with_query(
    text: &str,
    mut ranges: Vec<(usize, usize, usize)>,
    query: Option<&str>,
) -> Vec<(usize, usize, usize)> {
    let Some(q) = query.filter(|q| !q.is_empty()) else {
        return ranges;
    };
    let lower = text.to_ascii_lowercase();
    let needle = q.to_ascii_lowercase();
    let figures = ranges.len();
    // The figure ranges are sorted and apart, and matches come in order: one
    // walk along both finds the overlaps.
    let mut next = 0;
    for (start, _) in lower.match_indices(&needle) {
        let end = start + needle.len();
        while next < figures && ranges[next].1 <= start {
            next += 1;
        }
        if ranges.get(next).is_none_or(|&(s, _, _)| end <= s) {
            ranges.push((start, end, QUERY));
        }
    }
    ranges.sort();
    ranges
}

fn highlighted(
    text: &str,
    ranges: &[(usize, usize, usize)],
    selected: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for &(start, end, index) in ranges {
        if start > at {
            spans.push(Span::raw(text[at..start].to_string()));
        }
        let style: Style = if index == QUERY {
            theme.search
        } else if index == selected {
            theme.figure_selected
        } else {
            theme.figure
        };
        spans.push(Span::styled(text[start..end].to_string(), style));
        at = end;
    }
    if at < text.len() {
        spans.push(Span::raw(text[at..].to_string()));
    }
    spans
}
