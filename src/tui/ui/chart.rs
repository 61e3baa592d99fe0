//! Bar charts of totals above the Amounts and Land tables: a label, a bar,
//! the amount right-aligned and a note after it, in sections with their own
//! headings and their own scale, so that amounts of different kinds of thing
//! (recoveries and economic indicators, land and floor area) are never drawn
//! on one scale.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::format::{pad_left, pad_right, width};
use crate::tui::theme::Theme;

/// One row of a chart.
pub enum ChartRow {
    /// A section heading across the chart.
    Heading(String, Style),
    /// A label and a note across bar and amount, without a bar.
    Note(String, Span<'static>),
    /// A label, the bar's part of its section's largest (0 to 1), the amount,
    /// and the span after it.
    Bar(String, f64, String, Span<'static>),
}

/// A chart's rows. The label and amount columns are as wide as the widest
/// shown, so that no kind name or amount is cut; the bar takes the rest.
#[derive(Default)]
pub struct BarChart {
    /// The rows, headings included, in order.
    pub rows: Vec<ChartRow>,
    /// Cells kept after the amounts: for the spans there and a margin.
    pub tail: usize,
}

impl BarChart {
    /// The rows as lines `cells` wide.
    pub fn lines(self, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
        let labels = self.rows.iter().filter_map(|r| match r {
            ChartRow::Note(label, _) | ChartRow::Bar(label, ..) => Some(label),
            ChartRow::Heading(..) => None,
        });
        // A cell after the widest label, even when a long one is cut.
        let label_w = labels.map(|l| width(l)).max().unwrap_or(0).clamp(7, 27) + 1;
        // One cell more than the widest amount, so that a full bar never touches it.
        let amount_w = self
            .rows
            .iter()
            .filter_map(|r| match r {
                ChartRow::Bar(_, _, amount, _) => Some(width(amount) + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0)
            .clamp(10, 30);
        let bar_w = cells.saturating_sub(label_w + amount_w + self.tail);
        self.rows
            .into_iter()
            .map(|row| match row {
                ChartRow::Heading(text, style) => {
                    Line::from(Span::styled(pad_right(&text, cells), style))
                }
                ChartRow::Note(label, note) => {
                    let text = pad_right(&note.content, bar_w + amount_w);
                    Line::from(vec![
                        Span::raw(pad_right(&label, label_w)),
                        Span::styled(text, note.style),
                    ])
                }
                ChartRow::Bar(label, part, amount, tail) => Line::from(vec![
                    Span::raw(pad_right(&label, label_w)),
                    Span::styled(pad_right(&bar(part, 1.0, bar_w), bar_w), theme.closed),
                    Span::styled(pad_left(&amount, amount_w), theme.figure),
                    tail,
                ]),
            })
            .collect()
    }
}

/// A horizontal bar of `value` out of `max` in `cells` cells, with eighth blocks.
pub fn bar(value: f64, max: f64, cells: usize) -> String {
    if max <= 0.0 || cells == 0 || !value.is_finite() {
        return String::new();
    }
    let eighths = ((value / max).clamp(0.0, 1.0) * cells as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    s
}

/// A gauge `cells` wide: the filled part in `filled`, the rest as ░ in
/// `empty`, so that the scale reads without colour.
pub fn gauge(part: f64, cells: usize, filled: Style, empty: Style) -> [Span<'static>; 2] {
    let bar = bar(part, 1.0, cells);
    let rest = "░".repeat(cells.saturating_sub(bar.chars().count()));
    [Span::styled(bar, filled), Span::styled(rest, empty)]
}
