//! Tables: the columns' widths fitted to the screen, cells cut by display
//! width (a mark alone rather than half its word), and the current level's
//! table drawn from only the rows that show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState};

use super::{block, since};
use crate::format::{truncate, width};
use crate::i18n::Msg;
use crate::tui::app::App;
use crate::tui::rows::sorted_column;
use crate::tui::search;
use crate::tui::theme::Theme;

/// Text longer than this, in bytes, is cut before it is measured for a cell or
/// a line: no terminal is this wide, and a 50 MB measure text copied and
/// measured per row per frame made a key take over a second.
const CELL_BYTES: usize = 4096;

/// The start of a text, at most [`CELL_BYTES`] of it, ending in "…" when cut:
/// what a table cell or a line can show of it.
pub fn capped(s: &str) -> String {
    if s.len() <= CELL_BYTES {
        return s.to_owned();
    }
    let mut end = CELL_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// A line cut to a width by display width, never splitting a glyph.
pub fn fit(line: Line<'static>, max: usize) -> Line<'static> {
    // A mark and its word ("✓ 已完成", "* 30天内到期") too wide for the cell
    // keeps the mark alone rather than half the word: the mark says it all.
    if line.width() > max
        && let [span] = line.spans.as_slice()
        && let Some((mark, _)) = span.content.split_once(' ')
        && MARKS.contains(&mark)
        && width(mark) <= max
    {
        return Line::from(Span::styled(mark.to_string(), span.style)).style(line.style);
    }
    let mut used = 0;
    let mut spans = Vec::new();
    for mut span in line.spans {
        if span.content.len() > CELL_BYTES {
            span.content = capped(&span.content).into();
        }
        let w = width(&span.content);
        if used + w <= max {
            used += w;
            spans.push(span);
        } else {
            let rest = max.saturating_sub(used);
            if rest > 0 {
                spans.push(Span::styled(
                    truncate(&span.content, rest).into_owned(),
                    span.style,
                ));
            }
            break;
        }
    }
    Line::from(spans)
}

/// The marks that stand for a status, a deadline's light or how a figure
/// counts, shown alone where their word does not fit.
const MARKS: &[&str] = &[
    "✓", "●", "∞", "!", "*", "·", "-", "+", "○", "≈", "⊂", "…", "?", "↺", "↷", "↶", "⑂", "~",
];

/// Fixed columns widened to their header (English headers are longer), ▼ included.
fn widths_with_headers(
    widths: &[Constraint],
    header: &[&str],
    sorted: Option<usize>,
) -> Vec<Constraint> {
    widths
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Constraint::Length(n) | Constraint::Max(n) => {
                // A header of a mark and a word needs only the mark.
                let needed = |h: &&str| match h.split_once(' ') {
                    Some((mark, _)) if MARKS.contains(&mark) => width(mark),
                    _ => width(h),
                };
                let h = header
                    .get(i)
                    .map_or(0, |h| needed(h) + usize::from(sorted == Some(i)));
                // A column of figures is as wide as its figures: a longer
                // header is cut rather than widen it.
                if matches!(c, Constraint::Max(_)) {
                    Constraint::Max(*n)
                } else {
                    Constraint::Length((*n).max(h as u16))
                }
            }
            other => *other,
        })
        .collect()
}

/// Column widths that fit: when the fixed columns and the minimum of the flexible
/// ones do not fit in `available` cells, the fixed ones shrink in proportion. The
/// layout solver would otherwise pick one of several equal layouts, differently
/// from run to run.
///
/// `Max(n)` marks a column of figures ("1,363,000万元", "金额未说明"): it is
/// `n` wide and never shrinks, however wide, since a cut figure says nothing.
fn fit_widths(widths: Vec<Constraint>, available: usize) -> Vec<Constraint> {
    // Columns this narrow hold dates, numbers and short codes, which mean
    // nothing cut ("2022-01…"): they keep their width, and texts give way.
    const KEEP: u16 = 10;
    let figures = |c: Constraint| match c {
        Constraint::Max(n) => Constraint::Length(n),
        other => other,
    };
    // One cell for the selection symbol, one between columns.
    let available = available.saturating_sub(1 + widths.len().saturating_sub(1));
    let (mut kept, mut shrinkable, mut mins) = (0, 0, 0);
    for c in &widths {
        match *c {
            Constraint::Length(n) | Constraint::Max(n) if n <= KEEP => kept += usize::from(n),
            Constraint::Max(n) => kept += usize::from(n),
            Constraint::Length(n) => shrinkable += usize::from(n),
            Constraint::Min(n) => mins += usize::from(n),
            _ => {}
        }
    }
    if kept + shrinkable + mins <= available || shrinkable == 0 {
        return widths.into_iter().map(figures).collect();
    }
    let room = available.saturating_sub(mins + kept);
    widths
        .into_iter()
        .map(|c| match c {
            Constraint::Length(n) if n > KEEP => {
                let scaled = usize::from(n) * room / shrinkable;
                Constraint::Length(scaled.max(2) as u16)
            }
            other => figures(other),
        })
        .collect()
}

/// What a table shows, apart from its rows.
pub struct TableView<'a> {
    /// How many rows there are in all.
    pub count: usize,
    /// Each column's header and width, declared together so they cannot drift apart.
    pub columns: &'a [(Msg, Constraint)],
    /// What the rows are, for the title on the border: "问题 · 3/8".
    pub name: Msg,
}

/// Draws the current level's table of which only the visible rows are built:
/// `row(i)` is called for the rows from the level's offset that fit, so a frame
/// costs the same with ten rows or a million. Rows matching the search are
/// marked, and on a tab's top level the sorted column carries ▼.
pub fn draw_table<'a>(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    spec: TableView<'a>,
    mut row: impl FnMut(usize) -> Vec<Line<'static>>,
) -> Option<RowsHit> {
    let level = app.level();
    let TableView {
        count,
        columns,
        name,
    } = spec;
    let header: Vec<&str> = columns.iter().map(|(m, _)| m.text(app.lang)).collect();
    let widths: Vec<Constraint> = columns.iter().map(|(_, w)| *w).collect();
    let sorted = (app.stack().len() == 1)
        .then(|| sorted_column(app.tab, app.sort[app.tab.index()]) + since::sort_shift(app));
    let block = block(counted(name.text(app.lang), level.selected, count), theme);
    let inner = block.inner(area);
    let inner_height = usize::from(inner.height.saturating_sub(1)).max(1);
    // The app keeps the selection in view for a page of its own estimate; the
    // body here may be smaller, so clamp again for the real height.
    let mut offset = level.offset.min(count.saturating_sub(1));
    if level.selected >= offset + inner_height {
        offset = level.selected + 1 - inner_height;
    }
    if level.selected < offset {
        offset = level.selected;
    }
    let end = (offset + inner_height).min(count);
    // Compiled once per frame, for the visible rows.
    let query = app.query().map(search::Query::new);
    let widths = fit_widths(
        widths_with_headers(&widths, &header, sorted),
        usize::from(inner.width),
    );
    // The widths the table will give each column, so that a cell too long for its
    // column ends in "…" on a character boundary instead of being cut.
    let columns = Layout::horizontal(widths.clone())
        .flex(ratatui::layout::Flex::Start)
        .spacing(1)
        .split(Rect::new(0, 0, inner.width.saturating_sub(1), 1));
    let rows: Vec<Row> = (offset..end)
        .map(|i| {
            let cells: Vec<Line> = row(i)
                .into_iter()
                .enumerate()
                .map(|(c, line)| {
                    let style = line.style;
                    let w = columns.get(c).map_or(0, |r| usize::from(r.width));
                    fit(line, w).style(style)
                })
                .collect();
            match &query {
                Some(q) if search::row_matches(app, level.view, i, q) => {
                    Row::new(cells).style(theme.search)
                }
                _ => Row::new(cells),
            }
        })
        .collect();
    // Headers too narrow for their column end in "…" like cells; the sort
    // mark stays.
    let header = Row::new(header.into_iter().enumerate().map(|(i, h)| {
        let w = columns.get(i).map_or(0, |r| usize::from(r.width));
        let line = if sorted == Some(i) {
            let mut line = fit(Line::from(h.to_owned()), w.saturating_sub(1));
            line.push_span("▼");
            line
        } else {
            fit(Line::from(h.to_owned()), w)
        };
        line.style(theme.title)
    }));
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .flex(ratatui::layout::Flex::Start)
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶");
    // An item opened on its deadline or an amount not stated has that entry
    // selected above its table of numbers, and no number yet.
    let mut state = TableState::default();
    if count > 0 && level.focus == crate::tui::app::Focus::Figure {
        state.select(Some(level.selected.saturating_sub(offset)));
    }
    frame.render_stateful_widget(table, area, &mut state);
    if count == 0 {
        let inner = Rect {
            y: area.y.saturating_add(2),
            x: area.x.saturating_add(2),
            width: area.width.saturating_sub(4),
            height: area.height.saturating_sub(3).min(1),
        };
        frame.render_widget(
            Paragraph::new(Msg::Empty.text(app.lang)).style(theme.dim),
            inner,
        );
    }
    Some(RowsHit {
        area: Rect {
            y: inner.y.saturating_add(1),
            height: inner.height.saturating_sub(1),
            ..inner
        },
        row_height: 1,
        offset,
        count,
    })
}

/// Where the rows of the drawn table are, for mouse hit-testing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowsHit {
    /// The cells the rows occupy.
    pub area: Rect,
    /// Terminal rows per table row.
    pub row_height: u16,
    /// The index of the first visible row.
    pub offset: usize,
    /// How many rows there are in all.
    pub count: usize,
}

impl RowsHit {
    /// The index of the row under a cell, if any.
    pub fn row_at(&self, x: u16, y: u16) -> Option<usize> {
        if !self.area.contains(ratatui::layout::Position { x, y }) || self.row_height == 0 {
            return None;
        }
        let index = self.offset + usize::from((y - self.area.y) / self.row_height);
        (index < self.count).then_some(index)
    }
}

/// A title with the selected row and the count: "问题 · 3/7".
fn counted<'a>(title: &str, selected: usize, count: usize) -> Line<'a> {
    if count == 0 {
        Line::from(format!(" {title} "))
    } else {
        Line::from(format!(" {title} · {}/{count} ", selected + 1))
    }
}
