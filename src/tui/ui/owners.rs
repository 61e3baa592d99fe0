//! The Owners tab (责任): responsible leaders or lead departments, most
//! overdue first, and the problems of one of them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{TableView, draw_table};
use crate::board::{OwnerKind, OwnerRow};
use crate::i18n::{Lang, Msg};
use crate::stats::Bucket;
use crate::tui::app::App;
use crate::tui::theme::{Theme, bucket_symbol};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<super::RowsHit> {
    let lang = app.lang;
    let owners = &app.rows.owners;
    let who = match app.owners {
        OwnerKind::Leader => Msg::OwnerLeader,
        OwnerKind::Department => Msg::OwnerDepartment,
    };
    let columns = [
        (who, Constraint::Min(12)),
        // The counts under their marks, as on Units: the names get the room.
        (Msg::OwnerProblems, Constraint::Length(8)),
        (Msg::ColOverdue, Constraint::Length(7)),
        (Msg::ColDueSoon, Constraint::Length(7)),
        (Msg::ColOpen, Constraint::Length(7)),
        (Msg::ColClosed, Constraint::Length(7)),
        (Msg::ColLongTerm, Constraint::Length(7)),
    ];
    let hit = draw_table(
        frame,
        area,
        app,
        theme,
        TableView {
            count: owners.len(),
            columns: &columns,
            name: Msg::TabOwners,
        },
        |i| {
            owners
                .get(i)
                .map_or_else(Vec::new, |o| owner_cells(o, theme))
        },
    );
    if owners.is_empty() {
        let inner = Rect {
            x: area.x.saturating_add(2),
            y: area.y.saturating_add(2),
            width: area.width.saturating_sub(4),
            height: area.height.saturating_sub(3),
        };
        frame.render_widget(
            Paragraph::new(Msg::NoOwners.text(lang))
                .style(theme.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
    }
    hit
}

/// The problems of one owner, under the filters.
pub fn draw_owner(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    owner: usize,
) -> Option<super::RowsHit> {
    let rows: Vec<(usize, usize)> = app.rows.owner_problems(&app.data, owner).collect();
    super::problems::draw_list(frame, area, app, theme, &rows, Msg::OwnerProblems)
}

fn owner_cells(o: &OwnerRow, theme: &Theme) -> Vec<Line<'static>> {
    let light = |n: u32, bucket: Bucket| {
        if n > 0 {
            Line::from(Span::styled(
                format!("{} {n}", bucket_symbol(bucket)),
                theme.bucket(bucket),
            ))
        } else {
            Line::from("0")
        }
    };
    vec![
        Line::from(o.name.clone()),
        Line::from(o.problems.len().to_string()),
        light(o.lights.overdue, Bucket::Overdue),
        light(o.lights.due_soon, Bucket::DueSoon),
        Line::from(o.counts.open.to_string()),
        Line::from(o.counts.closed.to_string()),
        Line::from(o.counts.long_term.to_string()),
    ]
}

/// The owner's name for the breadcrumb.
pub fn owner_name(app: &App, owner: usize, _lang: Lang) -> String {
    app.rows
        .owners
        .get(owner)
        .map_or_else(String::new, |o| o.name.clone())
}
