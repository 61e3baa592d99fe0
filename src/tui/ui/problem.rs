//! One problem: its status and section, then its measures and ongoing items.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::{TableView, draw_table, problem_title, status_badge};
use crate::i18n::Msg;
use crate::model::ItemList;
use crate::stats::{Bucket, ItemPath};
use crate::tui::app::{App, View};
use crate::tui::theme::Theme;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    r: usize,
    p: usize,
) -> Option<super::RowsHit> {
    let lang = app.lang;
    let problem = app.data.problem(r, p)?;
    let mut lines = vec![Line::from(vec![
        status_badge(problem.status, lang, theme),
        Span::raw("  "),
        Span::styled(problem.section.clone().unwrap_or_default(), theme.dim),
        Span::raw("  "),
        Span::styled(
            problem.measures_heading.clone().unwrap_or_default(),
            theme.dim,
        ),
    ])];
    for d in crate::tui::details::problem(problem, lang, app.stats.as_of) {
        lines.push(super::detail_line(d, theme));
    }
    lines.extend(super::since::problem_lines(app, theme, r, p));
    if problem.number.is_none() {
        lines.push(Line::from(Span::styled(
            format!("— {}", Msg::NoNumber.text(lang)),
            theme.dim,
        )));
    }
    if let Some(note) = &problem.note {
        lines.push(Line::from(vec![
            Span::styled(crate::i18n::label(Msg::Note.text(lang)), theme.dim),
            Span::raw(note.clone()),
        ]));
    }
    // Opened straight from Problems or Owners, the title names the report.
    let report = if app
        .stack()
        .iter()
        .any(|l| matches!(l.view, View::Report(_)))
    {
        String::new()
    } else {
        let issuer = app.data.reports.get(r).map_or("", |x| x.issuer.as_str());
        format!("{} · ", crate::format::truncate(issuer, 16))
    };
    let title = format!(
        " {report}{} {} · {} ",
        Msg::Problem.text(lang),
        problem.number.as_deref().unwrap_or("—"),
        problem_title(problem, lang)
    );
    let table = super::draw_info_above(frame, area, lines, title, theme);

    let columns = [
        (Msg::Item, Constraint::Length(10)),
        (Msg::Heading, Constraint::Min(16)),
        (Msg::Figure, Constraint::Length(5)),
        (Msg::DeadlineText, Constraint::Length(14)),
        (Msg::Date, Constraint::Length(12)),
    ];
    let measures = problem.measures.len();
    let count = measures + problem.ongoing.len();
    draw_table(
        frame,
        table,
        app,
        theme,
        TableView {
            count,
            columns: &columns,
            name: Msg::Measures,
        },
        |i| {
            let (list, index) = if i < measures {
                (ItemList::Measures, i)
            } else {
                (ItemList::Ongoing, i - measures)
            };
            let path = ItemPath {
                report: r,
                problem: p,
                list,
                item: index,
            };
            let Some(item) = path.resolve(&app.data) else {
                return Vec::new();
            };
            let heading = super::capped(item.heading.as_deref().unwrap_or(&item.text));
            let (deadline, date) = match &item.deadline {
                Some(d) => {
                    let bucket = Bucket::of(d.date, app.stats.as_of);
                    (
                        d.text.clone(),
                        Line::from(Span::styled(
                            format!(
                                "{} {}",
                                crate::tui::theme::bucket_symbol(bucket),
                                d.date.map_or_else(|| "—".to_string(), |d| d.to_string())
                            ),
                            theme.bucket(bucket),
                        )),
                    )
                }
                None => (String::new(), Line::from("")),
            };
            let label_style = match list {
                ItemList::Measures => theme.closed,
                ItemList::Ongoing => theme.open,
                ItemList::General => theme.dim,
            };
            vec![
                Line::from(super::item_label(app, path)).style(label_style),
                Line::from(heading),
                Line::from(item.figures.len().to_string()),
                Line::from(deadline),
                date,
            ]
        },
    )
}
