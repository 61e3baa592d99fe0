//! The board strip at the top of the Overview: the overall completion rate
//! with a gauge, the counts and lights over all units, and what the reports
//! state they achieved (money recovered, people held accountable, rules
//! made), each a total with its parts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::chart::gauge;
use super::{block, fit, rate_text};
use crate::board::{Board, Completion};
use crate::format;
use crate::i18n::{self, Lang, Msg};
use crate::model::{Group, Status};
use crate::stats::{Bucket, Totals};
use crate::tui::app::App;
use crate::tui::theme::{Theme, bucket_symbol, status_symbol};

/// Rows the strip takes, borders included, without `--since` and `--history`.
pub const HEIGHT: u16 = 5;

/// Rows the strip takes with the lines `--since` and `--history` add.
pub fn height(app: &App) -> u16 {
    HEIGHT + u16::from(app.since.is_some()) + u16::from(!app.history.is_empty())
}

/// Cells of the gauge at most.
const GAUGE: usize = 30;

/// " 完成率 · 截至 2022-01-15 ": the title of the strip and of the totals slide.
pub fn title(app: &App) -> String {
    let lang = app.lang;
    format!(
        " {} · {} {} ",
        Msg::Rate.text(lang),
        Msg::AsOf.text(lang),
        app.stats.as_of
    )
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let block = block(Line::from(title(app)), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cells = usize::from(inner.width);
    let lines: Vec<Line> = lines(&app.rows.board, &app.stats.totals, cells, lang, theme)
        .into_iter()
        .chain(super::since::board_lines(app, theme))
        .map(|l| fit(l, cells))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The strip's three lines: rate and gauge; counts and lights; results.
pub fn lines(
    board: &Board,
    totals: &Totals,
    cells: usize,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let (rate, note) = rate_text(&board.completion, lang);
    let cells_of_gauge = GAUGE.min(cells.saturating_sub(30) / 2).max(5);
    let mut first = vec![Span::styled(format!("{rate:>6} "), theme.title)];
    first.extend(gauge(
        board.completion.fraction(),
        cells_of_gauge,
        theme.closed,
        theme.dim,
    ));
    if let Completion::Rate { closed, total, .. } = board.completion {
        first.push(Span::raw(format!(" {closed}/{total}")));
    }
    if let Some(text) = note {
        first.push(Span::styled(format!("  · {text}"), theme.dim));
    }
    if board.units_without_rate > 0 {
        first.push(Span::styled(
            format!(
                "  · {} {}",
                board.units_without_rate,
                Msg::UnitsWithoutRate.text(lang)
            ),
            theme.dim,
        ));
    }

    // Each count with its mark, word and style; a bar between the counts
    // and the lights.
    let c = board.counts;
    let l = board.lights;
    let status =
        |s: Status, n: u32| Some((status_symbol(s), i18n::status(s, lang), n, theme.status(s)));
    let light =
        |b: Bucket, msg: Msg, n: u32| Some((bucket_symbol(b), msg.text(lang), n, theme.bucket(b)));
    let counts = [
        status(Status::Closed, c.closed),
        status(Status::Open, c.open),
        status(Status::LongTerm, c.long_term),
        None,
        light(Bucket::Overdue, Msg::OverdueShort, l.overdue),
        light(Bucket::DueSoon, Msg::DueSoon, l.due_soon),
        light(Bucket::Later, Msg::OnTrack, l.on_track),
        light(Bucket::NoDate, Msg::NoDateShort, l.undated),
    ];
    let spans = |words: bool| -> Vec<Span<'static>> {
        counts
            .iter()
            .map(|count| match count {
                Some((mark, word, n, style)) if words => {
                    Span::styled(format!("{mark} {word} {n}  "), *style)
                }
                Some((mark, _, n, style)) => Span::styled(format!("{mark} {n}  "), *style),
                None => Span::styled("│ ", theme.dim),
            })
            .collect()
    };
    // Too wide for the strip: the counts under their marks alone, which the
    // help explains, rather than counts cut off.
    let mut second = spans(true);
    if second.iter().map(Span::width).sum::<usize>() > cells {
        second = spans(false);
    }
    if board.lights_partial {
        second.push(Span::styled(
            format!("· {}", Msg::LightsPartial.text(lang)),
            theme.dim,
        ));
    }

    vec![
        Line::from(first),
        Line::from(second),
        results(totals, lang, theme),
    ]
}

/// "追缴挽损 3.52万元 · 问责处理 党纪处分 3 诫勉 5 · 建章立制 12": each
/// stated result, or "未说明" where no report states it.
fn results(totals: &Totals, lang: Lang, theme: &Theme) -> Line<'static> {
    let not_stated = Msg::NotStated.text(lang);
    let recovered: Vec<String> = totals
        .money
        .iter()
        .filter(|m| m.kind.group() == Group::Recovered)
        .map(|m| {
            // "Money recovered recovered": the kind is left out where the
            // heading already says it.
            let heading = i18n::money_section(crate::stats::MoneySection::Recovered, lang);
            let kind = i18n::kind(m.kind, lang);
            let kind = if heading.to_lowercase().contains(&kind.to_lowercase()) {
                String::new()
            } else {
                format!("{kind} ")
            };
            format!(
                "{kind}{}{}",
                if m.approximate { "~" } else { "" },
                format::money_auto(m.amount, m.currency, lang)
            )
        })
        .collect();
    let people: Vec<String> = totals
        .people
        .iter()
        .map(|(kind, n)| format!("{} {n}", crate::summary::people_kind(*kind, lang)))
        .collect();
    let rules = totals.rules.map(|n| n.to_string());
    let part = |label: &str, values: Vec<String>| {
        let text = if values.is_empty() {
            not_stated.to_string()
        } else {
            values.join(" ")
        };
        vec![
            Span::styled(format!("{label} "), theme.dim),
            Span::styled(text, theme.figure),
            Span::raw("   "),
        ]
    };
    let mut spans = part(
        i18n::money_section(crate::stats::MoneySection::Recovered, lang),
        recovered,
    );
    spans.extend(part(Msg::People.text(lang), people));
    spans.extend(part(Msg::Rules.text(lang), rules.into_iter().collect()));
    Line::from(spans)
}
