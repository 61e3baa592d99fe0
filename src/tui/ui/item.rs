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
use crate::i18n::{self, Msg};
use crate::model::{Figure, Measure};
use crate::stats::{Bucket, ItemPath};
use crate::tui::app::App;
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
    let text_lines = format::width(&item.text).div_ceil(inner_width) as u16;
    let extra = u16::from(item.deadline.is_some()) + item.unstated.len() as u16;
    let text_height = (text_lines + extra + 2).min(area.height * 2 / 5).max(3);
    let source_height = 5.min(area.height / 4).max(3);
    let [text_area, table_area, source_area] = Layout::vertical([
        Constraint::Length(text_height),
        Constraint::Min(3),
        Constraint::Length(source_height),
    ])
    .areas(area);

    let figures = ranges(item);
    // The text may be taller than its box: scroll it so that the selected
    // figure's line is in view, and say that there is more.
    let visible = text_height.saturating_sub(2).max(1);
    let total = text_lines + extra;
    let focus = figures
        .iter()
        .find(|&&(_, _, i)| i == selected)
        .map_or(0, |&(start, _, _)| {
            (format::width(&item.text[..start]) / inner_width) as u16
        });
    let scroll = focus
        .saturating_sub(visible / 3)
        .min(total.saturating_sub(visible));
    let more = match (scroll > 0, scroll + visible < total) {
        (true, true) => "▲▼",
        (true, false) => "▲",
        (false, true) => "▼",
        (false, false) => "",
    };
    let mut lines = vec![Line::from(highlighted(
        &item.text,
        &with_query(&item.text, figures, app.query()),
        selected,
        theme,
    ))];
    if let Some(d) = &item.deadline {
        let bucket = Bucket::of(d.date, app.stats.as_of);
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", Msg::Deadlines.text(lang)), theme.dim),
            Span::styled(
                format!(
                    "{} {} → {} ({})",
                    crate::tui::theme::bucket_symbol(bucket),
                    d.text,
                    d.date.map_or_else(|| "—".to_string(), |d| d.to_string()),
                    i18n::bucket(bucket, lang)
                ),
                theme.bucket(bucket),
            ),
        ]));
    }
    for u in &item.unstated {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", Msg::AmountNotStated.text(lang)), theme.open),
            Span::raw(format!("{} · {}", i18n::kind(u.kind, lang), u.label)),
        ]));
    }
    let title = format!(" {} ", item_label(app, path));
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

    let columns = [
        (Msg::AsWritten, Constraint::Length(14)),
        (Msg::Label, Constraint::Min(12)),
        (Msg::Kind, Constraint::Length(16)),
        (Msg::Role, Constraint::Length(8)),
        (Msg::Normalized, Constraint::Length(18)),
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

    let source_lines = match item.figures.get(selected) {
        Some(f) => {
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
            if f.overlaps.is_some() {
                about.push_str(&format!(" · {}", Msg::Overlapping.text(lang)));
            }
            vec![
                Line::from(spans),
                Line::from(Span::styled(about, theme.dim)),
            ]
        }
        None => vec![Line::from(Span::styled(Msg::Empty.text(lang), theme.dim))],
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
        Some(Dimension::Money(c)) => format::money(base, c, app.money_scale),
        Some(Dimension::Area) => format::area(base, AreaUnit::SquareMetre),
        Some(Dimension::MoneyPerPerson(_)) => format!("{}元/人", format::grouped(base, 2)),
        Some(Dimension::Percent) => format!("{}%", format::grouped(base, 2)),
        Some(Dimension::PercentagePoint) => format!("{}个百分点", format::grouped(base, 2)),
        Some(Dimension::Count) | None => format::grouped(base, 2),
    }
}

/// Byte ranges of each figure in the item text: found inside its quote, so that
/// "5" in "5个方面" is not matched in "2021年5月". Overlapping ranges are dropped.
fn ranges(item: &Measure) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, f) in item.figures.iter().enumerate() {
        let found = item
            .text
            .find(&f.quote)
            .and_then(|q| f.quote.find(&f.text).map(|t| q + t))
            .or_else(|| item.text.find(&f.text));
        if let Some(start) = found {
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
    let mut from = 0;
    while let Some(found) = lower[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        if !ranges.iter().any(|&(s, e, _)| start < e && s < end) {
            ranges.push((start, end, QUERY));
        }
        from = end;
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
