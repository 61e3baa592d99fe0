//! Presentation mode's own slides: the totals over all units, and one report,
//! each with its key numbers in glyphs five rows high that a room can read
//! off a projector. The Units and Deadlines slides are their tabs as drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chart::gauge;
use super::overview::{deadline_line, land_line, money_line};
use super::{block, fit, rate_text};
use crate::board::{Completion, UnitRow};
use crate::format;
use crate::i18n::{self, Lang, Msg};
use crate::model::Status;
use crate::tui::app::App;
use crate::tui::theme::{Theme, status_symbol};

/// Rows of a big glyph.
const BIG: usize = 5;

/// Cells each big count takes, its label below it, at least.
const COUNT_CELLS: usize = 18;

/// Cells for each of three big counts across `cells`.
fn count_cells(cells: usize) -> usize {
    (cells.saturating_sub(2) / 3).max(COUNT_CELLS)
}

/// A character five rows high; digits and the marks a rate needs.
fn glyph(c: char) -> [&'static str; BIG] {
    match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" ██", "  █", "  █", "  █", "  █"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", "███", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        '.' => [" ", " ", " ", " ", "█"],
        '%' => ["█ █", "  █", " █ ", "█  ", "█ █"],
        '/' => ["  █", "  █", " █ ", "█  ", "█  "],
        _ => ["   ", "   ", "███", "   ", "   "],
    }
}

/// Text in big glyphs: five lines of equal width.
pub fn big(text: &str) -> [String; BIG] {
    std::array::from_fn(|row| {
        text.chars()
            .map(|c| glyph(c)[row])
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Five lines of big texts side by side, each in its style and padded to
/// `cells` (never cut), after an indent.
fn big_row(parts: &[(String, Style)], cells: usize) -> Vec<Line<'static>> {
    let glyphs: Vec<[String; BIG]> = parts.iter().map(|(t, _)| big(t)).collect();
    (0..BIG)
        .map(|row| {
            let mut spans = vec![Span::raw("  ")];
            for (g, (_, style)) in glyphs.iter().zip(parts) {
                let w = cells.max(format::width(&g[row]));
                spans.push(Span::styled(format::pad_right(&g[row], w), *style));
            }
            Line::from(spans)
        })
        .collect()
}

/// The first slide: the rate over all units in big glyphs with its gauge,
/// the counts and lights, the rate of each unit, and the results stated.
pub fn draw_totals(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let board = &app.rows.board;
    let block = block(Line::from(super::board::title(app)), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let height = usize::from(inner.height);
    // Below the height for two rows of big glyphs, the strip's three lines say it all.
    if height < 2 * BIG + 6 {
        let mut lines = super::board::lines(board, &app.stats.totals, cells, lang, theme);
        lines.extend(unit_lines(&board.units, cells, lang, theme));
        let lines: Vec<Line> = lines.into_iter().map(|l| fit(l, cells)).collect();
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }

    let (rate, note) = rate_text(&board.completion, lang);
    let mut lines: Vec<Line> = big_row(&[(rate.clone(), theme.title)], 0);
    lines.push(gauge_line(&board.completion, note, cells, theme));
    lines.push(Line::raw(""));
    let c = board.counts;
    let counts = [
        (Status::Closed, c.closed),
        (Status::Open, c.open),
        (Status::LongTerm, c.long_term),
    ];
    lines.extend(big_row(
        &counts.map(|(s, n)| (n.to_string(), theme.status(s))),
        count_cells(cells),
    ));
    lines.push(count_labels(&counts, count_cells(cells), lang, theme));
    lines.push(Line::raw(""));
    let mut strip = super::board::lines(board, &app.stats.totals, cells, lang, theme);
    // The strip's second line: counts and lights; its third: the results.
    let results = strip.pop();
    if let Some(lights) = strip.pop() {
        lines.push(lights);
    }
    let room = height.saturating_sub(lines.len() + 2);
    if room > 1 {
        lines.push(Line::raw(""));
        let units = unit_lines(&board.units, cells, lang, theme);
        let shown = units.len().min(room - 1);
        lines.extend(units.into_iter().take(shown));
        if shown < board.units.len() {
            lines.push(Line::styled(
                format!("  … +{}", board.units.len() - shown),
                theme.dim,
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.extend(results);
    let lines: Vec<Line> = lines.into_iter().map(|l| fit(l, cells)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The gauge under the big rate, with closed/total and what the rate rests on.
fn gauge_line(
    completion: &Completion,
    note: Option<&'static str>,
    cells: usize,
    theme: &Theme,
) -> Line<'static> {
    // The gauge leaves room for the count and the note, which are words a
    // room must be able to read whole.
    let count = match completion {
        Completion::Rate { closed, total, .. } => format!("  {closed}/{total}").len(),
        _ => 0,
    };
    let words = note.map_or(0, |text| format::width(text) + 4);
    let width = cells.saturating_sub(2 + count + words).clamp(5, 60);
    let mut spans = vec![Span::raw("  ")];
    spans.extend(gauge(completion.fraction(), width, theme.closed, theme.dim));
    if let Completion::Rate { closed, total, .. } = completion {
        spans.push(Span::raw(format!("  {closed}/{total}")));
    }
    if let Some(text) = note {
        spans.push(Span::styled(format!("  · {text}"), theme.dim));
    }
    Line::from(spans)
}

/// "✓ 已完成   ● 正在整改   ∞ 长期坚持" under the big counts.
fn count_labels(
    counts: &[(Status, u32)],
    cells: usize,
    lang: Lang,
    theme: &Theme,
) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    for (status, _) in counts {
        spans.push(Span::styled(
            format::pad_right(
                &format!("{} {}", status_symbol(*status), i18n::status(*status, lang)),
                cells,
            ),
            theme.status(*status),
        ));
    }
    Line::from(spans)
}

/// One line per unit: name, rate, a bar, closed/total or why there is no rate.
fn unit_lines(units: &[UnitRow], cells: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let name_w = units
        .iter()
        .map(|u| format::width(&u.name))
        .max()
        .unwrap_or(0)
        .min(cells / 3);
    let bar_w = cells.saturating_sub(name_w + 30).clamp(4, 30);
    units
        .iter()
        .map(|u| {
            let (rate, note) = rate_text(&u.completion, lang);
            let mut spans = vec![
                Span::raw("  "),
                Span::raw(format::pad_right(
                    &format::truncate(&u.name, name_w),
                    name_w,
                )),
                Span::styled(format!(" {rate:>6} "), theme.title),
            ];
            if let Completion::Rate { closed, total, .. } = &u.completion {
                spans.extend(gauge(
                    u.completion.fraction(),
                    bar_w,
                    theme.closed,
                    theme.dim,
                ));
                spans.push(Span::raw(format!(" {closed}/{total}")));
            }
            if let Some(text) = note {
                spans.push(Span::styled(format!("  · {text}"), theme.dim));
            }
            Line::from(spans)
        })
        .collect()
}

/// A report's slide: its counts in big glyphs, its headline figures.
pub fn draw_report(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, r: usize) {
    let lang = app.lang;
    let (Some(report), Some(rs)) = (app.data.reports.get(r), app.stats.reports.get(r)) else {
        return;
    };
    let block = block(Line::from(format!(" {} ", report.title)), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let p = &rs.problems;
    let counts = [
        (Status::Closed, p.closed.value),
        (Status::Open, p.open.value),
        (Status::LongTerm, p.long_term.value),
    ];
    let cells = usize::from(inner.width);
    let each = count_cells(cells);
    let mut lines: Vec<Line> = vec![Line::raw("")];
    lines.extend(big_row(
        &counts.map(|(s, n)| (n.to_string(), theme.status(s))),
        each,
    ));
    lines.push(count_labels(&counts, each, lang, theme));
    let mut sources = vec![Span::raw("  ")];
    for count in [&p.closed, &p.open, &p.long_term] {
        sources.push(Span::styled(
            format::pad_right(i18n::count_source(count.source, lang), each),
            theme.dim,
        ));
    }
    lines.push(Line::from(sources));
    lines.push(Line::raw(""));
    let mut lines: Vec<Line> = lines.into_iter().map(|l| fit(l, cells)).collect();
    // The figures wrap rather than lose their ends; their labels take the
    // width of the longest in the language.
    let label_w = [Msg::TabAmounts, Msg::Land, Msg::Deadlines]
        .iter()
        .map(|m| format::width(m.text(lang)))
        .max()
        .unwrap_or(6)
        + 1;
    lines.push(money_line(app, rs, label_w, None));
    lines.push(land_line(app, rs, label_w, None));
    lines.push(deadline_line(rs, lang, theme, label_w));
    // Broken as Chinese is typeset, a unit never apart from its number.
    let lines = crate::linebreak::wrap_lines(lines, cells);
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_in_big_glyphs_has_five_rows_of_equal_width() {
        let rows = big("84.6%");
        let widths: Vec<usize> = rows.iter().map(|r| format::width(r)).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{widths:?}");
        assert_eq!(rows[4], "███   █ █ ███ █ █");
    }
}
