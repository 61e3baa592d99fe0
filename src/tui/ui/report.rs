//! One report: where it comes from, what it states, and its problems.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::{TableView, draw_table, problem_cells};
use crate::i18n::{self, Msg};
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    r: usize,
) -> Option<super::RowsHit> {
    let lang = app.lang;
    let report = app.data.reports.get(r)?;
    let mut lines = vec![Line::from(vec![
        Span::styled(crate::i18n::label(Msg::Issuer.text(lang)), theme.dim),
        Span::raw(format!(
            "{} · {} · {} {}",
            report.issuer,
            i18n::inspection(report.inspection.kind, lang),
            Msg::Published.text(lang),
            report.published
        )),
    ])];
    let source = if report.source.complete {
        Msg::Complete.text(lang).to_string()
    } else {
        format!(
            "{} · {}: {}",
            Msg::PartialSource.text(lang),
            Msg::Missing.text(lang),
            report.source.missing.as_deref().unwrap_or("—")
        )
    };
    lines.push(Line::from(vec![
        Span::styled(crate::i18n::label(Msg::Source.text(lang)), theme.dim),
        Span::styled(
            source,
            if report.source.complete {
                theme.closed
            } else {
                theme.open
            },
        ),
    ]));
    let stated = crate::tui::details::report_stated(report, lang);
    lines.push(Line::from(vec![
        Span::styled(crate::i18n::label(Msg::Stated.text(lang)), theme.dim),
        Span::raw(if stated.is_empty() {
            Msg::NoData.text(lang).to_string()
        } else {
            stated.join("  ")
        }),
    ]));
    let c = &report.contact;
    let contact: Vec<String> = c
        .phone
        .iter()
        .chain(&c.email)
        .cloned()
        .chain(c.address.clone())
        .collect();
    lines.extend(results_lines(report, lang, theme));
    lines.push(Line::from(vec![
        Span::styled(crate::i18n::label(Msg::Contact.text(lang)), theme.dim),
        Span::raw(contact.join(" · ")),
    ]));
    let title = format!(" {} ", report.title);
    let table = super::draw_info_above(frame, area, lines, title, theme);

    let table = super::since::legend(frame, table, app, theme);
    let columns = super::since::columns(
        app,
        &[
            (Msg::Number, Constraint::Length(4)),
            (Msg::Title, Constraint::Min(14)),
            (Msg::Status, Constraint::Length(11)),
            (Msg::Measures, Constraint::Length(5)),
            (Msg::Figure, Constraint::Length(5)),
            (Msg::NearestDeadline, Constraint::Max(10)),
        ],
    );
    let general = app.rows.report_has_general(&app.data, r);
    let visible: Vec<usize> = app.rows.report_problems(&app.data, r).collect();
    let count = usize::from(general) + visible.len();
    draw_table(
        frame,
        table,
        app,
        theme,
        TableView {
            count,
            columns: &columns,
            name: Msg::TabProblems,
        },
        |i| {
            if general && i == 0 {
                let figures: usize = report.general.iter().map(|m| m.figures.len()).sum();
                let marks = app.since.as_ref().map(|_| Line::from(""));
                return marks
                    .into_iter()
                    .chain([
                        Line::from("—"),
                        Line::from(Msg::ReportAsWhole.text(lang)).style(theme.title),
                        Line::from(""),
                        Line::from(report.general.len().to_string()),
                        Line::from(figures.to_string()),
                        Line::from("—"),
                    ])
                    .collect();
            }
            let Some((p, problem)) = visible
                .get(i - usize::from(general))
                .and_then(|&p| Some((p, report.problems.get(p)?)))
            else {
                return Vec::new();
            };
            super::since::with_marks(app, theme, (r, p), problem_cells(problem, lang, theme))
        },
    )
}

/// What a report states about itself beyond its counts (total, aspects,
/// units, rate, people, rules), one line each with its words.
pub fn results_lines(
    report: &crate::model::Report,
    lang: crate::i18n::Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    crate::tui::details::report_results(report, lang)
        .into_iter()
        .map(|d| {
            Line::from(vec![
                Span::styled(crate::i18n::label(&d.label), theme.dim),
                Span::raw(d.value),
            ])
        })
        .collect()
}
