//! The Land tab: achieved land by kind, against its target where the text gives
//! one, then building floor area of 房屋征收 apart, in m² only (110万㎡ of a
//! 100万㎡ floor = 110%), then every land and floor-area figure. `u` toggles
//! 亩 / m² for land; floor area is never shown in 亩.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::prelude::ToPrimitive;

use super::{ChartRow, TableView, block, draw_table};
use crate::format::{self, AreaUnit};
use crate::i18n::{self, Msg};
use crate::model::{Group, Role};
use crate::stats::LandTotal;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let chart = chart_rows(app, theme);
    let bars_height = (chart.len() as u16 + 2).min(area.height / 2);
    let [bars, table] =
        Layout::vertical([Constraint::Length(bars_height), Constraint::Min(0)]).areas(area);
    draw_bars(frame, bars, app, theme, chart);
    draw_rows(frame, table, app, theme)
}

fn draw_bars(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, rows: Vec<ChartRow>) {
    let lang = app.lang;
    let unit = app.area_unit.name(lang);
    let title = format!(
        " {} · {} {unit} ",
        Msg::LandAgainstTarget.text(lang),
        Msg::Unit.text(lang)
    );
    let block = block(Line::from(title), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let chart = super::BarChart { rows, tail: 28 };
    let lines = chart.lines(usize::from(inner.width), theme);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The chart's rows: land by kind in the chosen unit, then building floor
/// area (房屋征收) under its own heading, always in m² and on its own scale:
/// it is floors of buildings, not land, so never in 亩 and never beside land.
fn chart_rows(app: &App, theme: &Theme) -> Vec<ChartRow> {
    let lang = app.lang;
    let totals = &app.stats.totals.land;
    let (floor, land): (Vec<&LandTotal>, Vec<&LandTotal>) =
        totals.iter().partition(|l| l.is_floor_area());
    let mut rows = Vec::new();
    for (part, unit, is_floor) in [
        (land, app.area_unit, false),
        (floor, AreaUnit::SquareMetre, true),
    ] {
        if part.is_empty() {
            continue;
        }
        if is_floor {
            rows.push(ChartRow::Heading(
                format!("▸ {}", Msg::FloorArea.text(lang)),
                theme.title,
            ));
        }
        let max = part
            .iter()
            .flat_map(|l| [l.m2.to_f64(), l.target_m2.and_then(|t| t.to_f64())])
            .flatten()
            .fold(0.0, f64::max);
        for l in part {
            let approx = if l.approximate {
                Msg::Approximately.text(lang)
            } else {
                ""
            };
            let target = match (l.target_m2, l.percent_of_target()) {
                (Some(t), Some(pct)) => format!(
                    "  {} {} · {}%",
                    Msg::Target.text(lang),
                    format::area(t, unit, app.lang),
                    format::grouped(pct, 1)
                ),
                _ => String::new(),
            };
            rows.push(ChartRow::Bar(
                i18n::kind(l.kind, lang).to_string(),
                l.m2.to_f64().unwrap_or(0.0) / max,
                format!("{approx}{}", format::area(l.m2, unit, app.lang)),
                Span::styled(target, theme.title),
            ));
        }
    }
    rows
}

fn draw_rows(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let rows = &app.rows.land;
    let columns = [
        (Msg::Kind, Constraint::Length(16)),
        (Msg::Label, Constraint::Min(8)),
        (Msg::AsWritten, Constraint::Max(14)),
        (Msg::Converted, Constraint::Max(18)),
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
            // Under 72 columns the report's name goes, so that the kind and
            // the amounts keep their room.
            columns: if area.width < 72 {
                &columns[..columns.len() - 1]
            } else {
                &columns
            },
            name: Msg::TabLand,
        },
        |i| {
            let path = rows[i];
            let Some(f) = path.resolve(&app.data) else {
                return Vec::new();
            };
            // Floor area of buildings stays in m² whatever the toggle says.
            let unit = if f.kind.group() == Group::FloorArea {
                AreaUnit::SquareMetre
            } else {
                app.area_unit
            };
            let converted = f
                .value
                .checked_mul(f.unit.factor().unwrap_or_default())
                .map_or_else(String::new, |m2| format::area(m2, unit, app.lang));
            let role_style = if f.role == Role::Achieved {
                theme.closed
            } else {
                theme.dim
            };
            let mut role = i18n::role(f.role, lang).to_string();
            if f.overlaps.is_some() {
                role = format!("⊂{role}");
            }
            vec![
                Line::from(i18n::kind(f.kind, lang)),
                Line::from(f.label.clone()),
                Line::from(f.text.clone()).style(theme.figure),
                Line::from(converted),
                Line::from(role).style(role_style),
                Line::from(
                    app.data
                        .reports
                        .get(path.item.report)
                        .map_or_else(String::new, |r| {
                            crate::board::short_name(&r.issuer).to_owned()
                        }),
                ),
            ]
        },
    )
}
