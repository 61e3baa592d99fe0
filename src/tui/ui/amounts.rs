//! The Amounts tab: achieved money by kind as bars (recovered first, CNY and USD
//! apart), then every money figure: achieved, not added in (targets, forecasts,
//! plans) and mentioned without an amount. `u` cycles 元 / 万元 / 亿元.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::prelude::ToPrimitive;

use super::{TableView, block, draw_table};
use crate::format;
use crate::i18n::{self, Msg};
use crate::model::Role;
use crate::tui::app::App;
use crate::tui::rows::MoneyRow;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let totals = &app.stats.totals.money;
    let unstated = unstated_kinds(app).len() as u16;
    let bars_height = (totals.len() as u16 + unstated + 2).min(area.height / 2);
    let [bars, table] =
        Layout::vertical([Constraint::Length(bars_height), Constraint::Min(0)]).areas(area);
    draw_bars(frame, bars, app, theme);
    draw_rows(frame, table, app, theme)
}

fn draw_bars(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let scale = app.money_scale;
    let title = format!(
        " {} · {} {} ",
        Msg::AmountsByKind.text(lang),
        Msg::Unit.text(lang),
        scale.unit(crate::units::Currency::Cny)
    );
    let block = block(Line::from(title), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let totals = &app.stats.totals.money;
    // Bars compare amounts of one currency only.
    let max = |currency| {
        totals
            .iter()
            .filter(|m| m.currency == currency)
            .filter_map(|m| m.amount.to_f64())
            .fold(0.0, f64::max)
    };
    let chart = super::BarChart {
        // Recoveries come first, also when the text gives no amount for them.
        notes: unstated_kinds(app)
            .into_iter()
            .map(|(kind, n)| {
                let note = format!("? {} ×{n}", Msg::AmountNotStated.text(lang));
                (
                    i18n::kind(kind, lang).to_string(),
                    Span::styled(note, theme.open),
                )
            })
            .collect(),
        rows: totals
            .iter()
            .map(|m| {
                let approx = if m.approximate {
                    Msg::Approximately.text(lang)
                } else {
                    ""
                };
                (
                    i18n::kind(m.kind, lang).to_string(),
                    m.amount.to_f64().unwrap_or(0.0) / max(m.currency),
                    format!("{approx}{}", format::money(m.amount, m.currency, scale)),
                    Span::styled(format!("  {}", m.currency.code()), theme.dim),
                )
            })
            .collect(),
        tail: 6,
    };
    let lines = chart.lines(usize::from(inner.width), theme);
    frame.render_widget(Paragraph::new(lines), inner);
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
    let columns = [
        (Msg::Added, Constraint::Length(11)),
        (Msg::Kind, Constraint::Length(12)),
        (Msg::Label, Constraint::Min(14)),
        (Msg::AsWritten, Constraint::Length(14)),
        (Msg::Converted, Constraint::Length(16)),
        (Msg::Role, Constraint::Length(8)),
        (Msg::Report, Constraint::Length(14)),
    ];
    draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: rows.len(),
            columns: &columns,
            name: Msg::TabAmounts,
        },
        |i| match rows[i] {
            MoneyRow::Achieved(path) | MoneyRow::NotSummed(path) => {
                let Some(f) = path.resolve(&app.data) else {
                    return Vec::new();
                };
                let section = match (rows[i], f.overlaps.is_some()) {
                    (MoneyRow::NotSummed(_), _) => {
                        Line::from(Msg::NotSummedShort.text(lang)).style(theme.dim)
                    }
                    (_, true) => Line::from(Msg::OverlapShort.text(lang)).style(theme.dim),
                    _ => Line::from(Msg::Achieved.text(lang)).style(theme.closed),
                };
                let converted = match (
                    f.unit.currency(),
                    f.value.checked_mul(f.unit.factor().unwrap_or_default()),
                ) {
                    (Some(c), Some(base)) => format::money(base, c, app.money_scale),
                    _ => String::new(),
                };
                let role_style = if f.role == Role::Achieved {
                    theme.closed
                } else {
                    theme.dim
                };
                vec![
                    section,
                    Line::from(i18n::kind(f.kind, lang)),
                    Line::from(f.label.clone()),
                    Line::from(f.text.clone()).style(theme.figure),
                    Line::from(converted),
                    Line::from(i18n::role(f.role, lang)).style(role_style),
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
    app.data
        .reports
        .get(report)
        .map_or_else(String::new, |r| r.issuer.clone())
}
