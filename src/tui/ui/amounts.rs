//! The Amounts tab: achieved money by kind as bars in sections (recovered
//! first, then funds, money awaiting settlement, and economic indicators
//! apart, each on its own scale; CNY and USD apart), then every money figure
//! in the same sections: added, listed but included in another total, not
//! added in (targets, forecasts, plans) and mentioned without an amount.
//! `u` cycles 元 / 万元 / 亿元.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::prelude::ToPrimitive;

use super::{ChartRow, TableView, block, draw_table};
use crate::format;
use crate::i18n::{self, Msg};
use crate::model::Role;
use crate::stats::{FigurePath, MoneySection};
use crate::tui::app::App;
use crate::tui::rows::MoneyRow;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let chart = chart_rows(app, theme);
    // The sections' headings take rows of their own: three fifths of the
    // body, so that the economic indicators are not cut off at 120x40.
    let bars_height = (chart.len() as u16 + 2).min(area.height * 3 / 5);
    let [bars, table] =
        Layout::vertical([Constraint::Length(bars_height), Constraint::Min(0)]).areas(area);
    draw_bars(frame, bars, app, theme, chart);
    draw_rows(frame, table, app, theme)
}

fn draw_bars(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, rows: Vec<ChartRow>) {
    let lang = app.lang;
    let title = format!(
        " {} · {} {} ",
        Msg::AmountsByKind.text(lang),
        Msg::Unit.text(lang),
        app.money_scale.name(crate::units::Currency::Cny, lang)
    );
    let block = block(Line::from(title), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let chart = super::BarChart { rows, tail: 6 };
    let lines = chart.lines(usize::from(inner.width), theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The chart's rows: one section per kind of money, recoveries first, each
/// under its heading and on its own scale (per currency), so that economic
/// indicators in 亿元 never dwarf the recoveries, and money awaiting
/// settlement is never shown as done.
fn chart_rows(app: &App, theme: &Theme) -> Vec<ChartRow> {
    let lang = app.lang;
    let totals = &app.stats.totals.money;
    let unstated = unstated_kinds(app);
    let mut rows = Vec::new();
    for section in MoneySection::ALL {
        let in_section: Vec<_> = totals
            .iter()
            .filter(|m| MoneySection::of(m.kind) == section)
            .collect();
        let notes: Vec<_> = unstated
            .iter()
            .filter(|(kind, _)| MoneySection::of(*kind) == section)
            .collect();
        if in_section.is_empty() && notes.is_empty() {
            continue;
        }
        rows.push(ChartRow::Heading(
            format!("▸ {}", i18n::money_section(section, lang)),
            theme.title,
        ));
        // Recoveries come first, also when the text gives no amount for them.
        for (kind, n) in notes {
            let note = format!("? {} ×{n}", Msg::AmountNotStated.text(lang));
            rows.push(ChartRow::Note(
                i18n::kind(*kind, lang).to_string(),
                Span::styled(note, theme.open),
            ));
        }
        // Bars compare amounts of one section and one currency only.
        let max = |currency| {
            in_section
                .iter()
                .filter(|m| m.currency == currency)
                .filter_map(|m| m.amount.to_f64())
                .fold(0.0, f64::max)
        };
        for m in &in_section {
            let approx = if m.approximate {
                Msg::Approximately.text(lang)
            } else {
                ""
            };
            rows.push(ChartRow::Bar(
                i18n::kind(m.kind, lang).to_string(),
                m.amount.to_f64().unwrap_or(0.0) / max(m.currency),
                format!(
                    "{approx}{}",
                    format::money(m.amount, m.currency, app.money_scale, app.lang)
                ),
                Span::styled(format!("  {}", m.currency.code()), theme.dim),
            ));
        }
    }
    rows
}

/// The first cell of an added figure's row: what kind of sum it is in.
/// Money awaiting settlement is not done, so never marked "achieved".
pub fn money_mark(app: &App, path: FigurePath) -> &'static str {
    let lang = app.lang;
    match path.resolve(&app.data).map(|f| MoneySection::of(f.kind)) {
        Some(MoneySection::Pending) => Msg::PendingShort.text(lang),
        Some(MoneySection::Economy) => Msg::EconomyShort.text(lang),
        _ => Msg::Achieved.text(lang),
    }
}

/// Kinds of money mentioned without an amount and with no achieved total, with
/// how often: "追缴收回 ? 金额未说明 ×4".
fn unstated_kinds(app: &App) -> Vec<(crate::model::FigureKind, usize)> {
    let mut kinds: Vec<(crate::model::FigureKind, usize)> = Vec::new();
    for row in &app.rows.money {
        let MoneyRow::Unstated(u) = row else { continue };
        let Some(item) = u
            .item
            .resolve(&app.data)
            .and_then(|m| m.unstated.get(u.index))
        else {
            continue;
        };
        if app.stats.totals.money.iter().any(|m| m.kind == item.kind) {
            continue;
        }
        match kinds.iter_mut().find(|(k, _)| *k == item.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((item.kind, 1)),
        }
    }
    kinds.sort_by_key(|(k, _)| k.money_rank());
    kinds
}

fn draw_rows(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let rows = &app.rows.money;
    // The marks and the figures keep their width; texts give way.
    let widest = |msgs: &[Msg]| {
        let w = msgs.iter().map(|m| format::width(m.text(lang))).max();
        u16::try_from(w.unwrap_or(0)).unwrap_or(u16::MAX)
    };
    let marks = widest(&[
        Msg::Achieved,
        Msg::EconomyShort,
        Msg::NotSummedShort,
        Msg::IncludedShort,
        Msg::OverlapShort,
        Msg::PendingShort,
        Msg::UnstatedShort,
    ]);
    let narrow = area.width < 72;
    let columns = [
        (
            Msg::Added,
            if narrow {
                Constraint::Length(3)
            } else {
                Constraint::Max(marks)
            },
        ),
        (Msg::Kind, Constraint::Length(12)),
        (Msg::Label, Constraint::Min(8)),
        (
            Msg::AsWritten,
            Constraint::Max(widest(&[Msg::AmountNotStated]).max(14)),
        ),
        // In 元, 136.3亿元 is "13,630,000,000元": the column widens with the scale.
        (
            Msg::Converted,
            Constraint::Max(if app.money_scale == crate::format::MoneyScale::Yuan {
                20
            } else {
                14
            }),
        ),
        (Msg::Role, Constraint::Length(8)),
        (
            Msg::Report,
            Constraint::Length((area.width / 6).clamp(14, 36)),
        ),
    ];
    draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: rows.len(),
            // Under 72 columns the mark stands alone and the role and the
            // report's name go (the mark says how the amount counts), so
            // that the kind and the amounts keep their room.
            columns: if narrow { &columns[..5] } else { &columns },
            name: Msg::TabAmounts,
        },
        |i| match rows[i] {
            MoneyRow::Achieved(path) | MoneyRow::Listed(path) | MoneyRow::NotSummed(path) => {
                let Some(f) = path.resolve(&app.data) else {
                    return Vec::new();
                };
                let section = match rows[i] {
                    MoneyRow::NotSummed(_) => {
                        Line::from(Msg::NotSummedShort.text(lang)).style(theme.dim)
                    }
                    MoneyRow::Listed(_) => {
                        Line::from(Msg::IncludedShort.text(lang)).style(theme.dim)
                    }
                    _ => match MoneySection::of(f.kind) {
                        MoneySection::Pending => {
                            Line::from(money_mark(app, path)).style(theme.open)
                        }
                        MoneySection::Economy => Line::from(money_mark(app, path)).style(theme.dim),
                        _ => Line::from(money_mark(app, path)).style(theme.closed),
                    },
                };
                let converted = match (
                    f.unit.currency(),
                    f.value.checked_mul(f.unit.factor().unwrap_or_default()),
                ) {
                    (Some(c), Some(base)) => format::money(base, c, app.money_scale, app.lang),
                    _ => String::new(),
                };
                // An amount awaiting settlement is not done, and an economic
                // indicator is an actual figure, not work completed.
                let (role_text, role_style) = match (MoneySection::of(f.kind), f.role) {
                    (MoneySection::Pending, Role::Achieved) => {
                        (Msg::RolePending.text(lang), theme.open)
                    }
                    (MoneySection::Economy, Role::Achieved) => (Msg::Actual.text(lang), theme.dim),
                    (_, Role::Achieved) => (i18n::role(f.role, lang), theme.closed),
                    _ => (i18n::role(f.role, lang), theme.dim),
                };
                vec![
                    section,
                    Line::from(i18n::kind(f.kind, lang)),
                    // A figure listed but not added says what it is part of.
                    match rows[i] {
                        MoneyRow::Listed(path) => Line::from(vec![
                            Span::raw(f.label.clone()),
                            Span::styled(
                                format!(
                                    " · {}",
                                    crate::summary::not_added_reason(&app.data, &path, f, lang)
                                ),
                                theme.dim,
                            ),
                        ]),
                        _ => Line::from(f.label.clone()),
                    },
                    Line::from(f.text.clone()).style(theme.figure),
                    Line::from(converted),
                    Line::from(role_text).style(role_style),
                    Line::from(issuer(app, path.item.report)),
                ]
            }
            MoneyRow::Unstated(u) => {
                let Some(item) = u
                    .item
                    .resolve(&app.data)
                    .and_then(|m| m.unstated.get(u.index))
                else {
                    return Vec::new();
                };
                vec![
                    Line::from(Msg::UnstatedShort.text(lang)).style(theme.open),
                    Line::from(i18n::kind(item.kind, lang)),
                    Line::from(item.label.clone()),
                    Line::from(Msg::AmountNotStated.text(lang)).style(theme.dim),
                    Line::from(""),
                    Line::from(""),
                    Line::from(issuer(app, u.item.report)),
                ]
            }
        },
    )
}

fn issuer(app: &App, report: usize) -> String {
    app.data.reports.get(report).map_or_else(String::new, |r| {
        crate::board::short_name(&r.issuer).to_owned()
    })
}
