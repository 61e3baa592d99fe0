//! Drawing the dashboard: pure functions from `&App` to a frame. The chrome
//! (header, tabs, breadcrumb, key hints) is here; each panel has its own file.

mod amounts;
mod board;
mod chart;
mod deadlines;
mod general;
mod help;
mod hints;
mod item;
mod land;
mod overview;
mod owners;
mod present;
mod problem;
mod problems;
mod report;
mod since;
mod table;
mod timeline;
mod units;

pub use units::rate_text;

pub use table::{RowsHit, TableView, capped, draw_table, fit};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub use amounts::money_mark;
pub use chart::{BarChart, ChartRow, bar};

use super::action::Tab;
use super::app::{App, Level, LoadProgress, View};
use super::keys::BINDINGS;
use super::theme::{Theme, status_symbol};
use crate::format::{pad_right, truncate, width};
use crate::i18n::{self, Lang, Msg};
use crate::model::{ItemList, Problem, Status};
use crate::stats::{Bucket, ItemPath};

/// The smallest terminal the dashboard draws in; below it, a short message.
pub const MIN_SIZE: (u16, u16) = (60, 20);

/// The rectangles a frame was drawn in, for mouse hit-testing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    /// One rectangle per tab title, in tab order.
    pub tabs: Vec<Rect>,
    /// The panel body.
    pub body: Rect,
    /// Where the selectable rows are.
    pub rows: Option<RowsHit>,
}

/// Draws the whole dashboard and returns where things are.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> Areas {
    let areas = draw_panels(frame, app, theme);
    // Data comes from other offices: nothing in it may reorder or steer what
    // the terminal shows, whichever panel drew it.
    crate::sanitize::buffer(frame.buffer_mut());
    theme.glyphs.apply(frame.buffer_mut());
    areas
}

fn draw_panels(frame: &mut Frame, app: &App, theme: &Theme) -> Areas {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let (w, h) = (area.width, area.height);
        let needs = format!(
            "{} {}x{}",
            Msg::Needs.text(app.lang),
            MIN_SIZE.0,
            MIN_SIZE.1
        );
        let now = format!("{} {w}x{h}", Msg::Now.text(app.lang));
        // On one row, the sizes matter most; otherwise one part per row, so that a
        // size is never split across rows. Wrapped by hand: ratatui's own wrapping
        // can write past a very narrow area.
        let short = format!("{w}x{h} < {}x{}", MIN_SIZE.0, MIN_SIZE.1);
        let parts = match h {
            1 => vec![format!("{} {w}x{h}", Msg::TooSmall.text(app.lang))],
            2 => vec![Msg::TooSmall.text(app.lang).to_string(), short],
            _ => vec![Msg::TooSmall.text(app.lang).to_string(), now, needs],
        };
        let lines: Vec<Line> = parts
            .iter()
            .flat_map(|p| crate::format::wrap(p, usize::from(w)))
            .take(usize::from(h))
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return Areas::default();
    }
    if let Some(progress) = app.loading
        && app.data.reports.is_empty()
    {
        draw_loading(frame, app.lang, theme, app.stats.as_of, progress);
        return Areas::default();
    }
    let banner_height = u16::from(app.banner.is_some() || app.loading.is_some());
    let [header, tabs, body, banner, crumb, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(banner_height),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(text) = &app.banner {
        frame.render_widget(
            Paragraph::new(truncate(&format!(" ⚠ {text}"), usize::from(banner.width)).into_owned())
                .style(theme.warning),
            banner,
        );
    } else if let Some(progress) = app.loading {
        frame.render_widget(
            ratatui::widgets::LineGauge::default()
                // Told apart by shape too, for mono and NO_COLOR.
                .filled_symbol("━")
                .unfilled_symbol("─")
                .filled_style(theme.closed)
                .ratio(progress.ratio())
                .label(progress_label(
                    Msg::Loading.text(app.lang),
                    progress,
                    app.lang,
                )),
            banner,
        );
    }
    draw_header(frame, header, app, theme);
    let tab_areas = draw_tabs(frame, tabs, app, theme);
    let rows = match app.level().view {
        View::Overview => overview::draw(frame, body, app, theme),
        View::Units => units::draw(frame, body, app, theme),
        View::Problems => problems::draw(frame, body, app, theme),
        View::Owners => owners::draw(frame, body, app, theme),
        View::Owner(o) => owners::draw_owner(frame, body, app, theme, o),
        View::Amounts => amounts::draw(frame, body, app, theme),
        View::Land => land::draw(frame, body, app, theme),
        View::Deadlines => deadlines::draw(frame, body, app, theme),
        View::Report(r) => report::draw(frame, body, app, theme, r),
        View::General(r) => general::draw(frame, body, app, theme, r),
        View::Problem(r, p) => problem::draw(frame, body, app, theme, r, p),
        View::Item(path) => item::draw(frame, body, app, theme, path),
    };
    draw_breadcrumb(frame, crumb, app, theme);
    match (&app.search, app.present) {
        (Some(search), _) if search.editing => {
            draw_search_bar(frame, hints, app, theme, &search.query)
        }
        (_, Some(paused)) => {
            let text = format!(
                " {}",
                if paused { Msg::Paused } else { Msg::Presenting }.text(app.lang)
            );
            frame.render_widget(Paragraph::new(text).style(theme.key), hints);
        }
        _ => hints::draw(frame, hints, app, theme),
    }
    if let Some(state) = &app.help {
        help::draw(frame, body, app, theme, state);
    }
    Areas {
        tabs: tab_areas,
        body,
        rows: if app.help.is_some() { None } else { rows },
    }
}

fn draw_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let name = match app.loading {
        Some(_) => Msg::Loading.text(lang),
        None => app.data.name.as_str(),
    };
    let demo = if app.demo_day {
        Msg::DemoDay.text(lang)
    } else {
        ""
    };
    // The counts and the as-of day are kept whole; the data's name gives way.
    let tail = format!(
        " │ {} {} │ {} {}{demo} ",
        app.data.reports.len(),
        Msg::Reports.after_count(app.data.reports.len(), lang),
        Msg::AsOf.text(lang),
        app.stats.as_of
    );
    let head = " 整改 zhenggai │ ";
    let room = usize::from(area.width)
        .saturating_sub(crate::format::width(head) + crate::format::width(&tail));
    let text = if room >= 6 {
        format!("{head}{}{tail}", crate::format::truncate(name, room))
    } else {
        format!("{head}{name}{tail}")
    };
    let line = pad_right(&text, usize::from(area.width));
    frame.render_widget(Paragraph::new(line).style(theme.header), area);
}

/// The first frame, drawn before any data is there: header, tabs and a progress bar.
pub fn draw_loading(
    frame: &mut Frame,
    lang: Lang,
    theme: &Theme,
    as_of: chrono::NaiveDate,
    progress: LoadProgress,
) {
    let area = frame.area();
    if area.width < 20 || area.height < 5 {
        return;
    }
    let [header, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let loading = Msg::Loading.text(lang);
    let text = format!(
        " 整改 zhenggai │ {loading} │ {} {as_of} ",
        Msg::AsOf.text(lang)
    );
    frame.render_widget(
        Paragraph::new(pad_right(&text, usize::from(header.width))).style(theme.header),
        header,
    );
    let names: Vec<String> = Tab::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| format!("  {} {} ", i + 1, tab_name(*t, lang)))
        .collect();
    frame.render_widget(Paragraph::new(names.concat()).style(theme.tab), tabs);
    let label = progress_label("", progress, lang);
    let gauge_area = Rect {
        x: body.x + 2,
        y: body.y + body.height / 3,
        width: body.width.saturating_sub(4),
        height: 3.min(body.height),
    };
    frame.render_widget(
        ratatui::widgets::Gauge::default()
            .block(block(Line::from(format!(" {loading} ")), theme))
            .gauge_style(theme.closed)
            .ratio(progress.ratio())
            .label(label),
        gauge_area,
    );
}

/// "45.0 / 100.0 MiB · 1000 reports", after a title when there is one.
fn progress_label(title: &str, progress: LoadProgress, lang: Lang) -> String {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" {title} {:.0}% · ", progress.ratio() * 100.0)
    };
    format!(
        "{title}{:.1} / {:.1} MiB · {} {}",
        mib(progress.bytes_done),
        mib(progress.bytes_total),
        progress.reports,
        Msg::Reports.after_count(
            usize::try_from(progress.reports).unwrap_or(usize::MAX),
            lang
        )
    )
}

/// The name of a tab.
pub fn tab_name(tab: Tab, lang: Lang) -> &'static str {
    match tab {
        Tab::Overview => Msg::TabOverview.text(lang),
        Tab::Units => Msg::TabUnits.text(lang),
        Tab::Problems => Msg::TabProblems.text(lang),
        Tab::Owners => Msg::TabOwners.text(lang),
        Tab::Amounts => Msg::TabAmounts.text(lang),
        Tab::Land => Msg::TabLand.text(lang),
        Tab::Deadlines => Msg::TabDeadlines.text(lang),
    }
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Vec<Rect> {
    let mut spans = Vec::new();
    let mut rects = Vec::new();
    let mut x = area.x;
    // Seven tabs do not fit 80 columns in English with room around each
    // name: first the padding goes, then the other tabs' names (their
    // numbers stay, and the current tab keeps its name).
    let name = |i: usize, tab: Tab, room: u8| {
        let name = tab_name(tab, app.lang);
        match room {
            2 => format!(" {} {name} ", i + 1),
            1 => format!("{} {name}", i + 1),
            _ if tab == app.tab => format!("{} {name}", i + 1),
            _ => format!("{}", i + 1),
        }
    };
    let room = (0..=2u8)
        .rev()
        .find(|&room| {
            Tab::ALL
                .iter()
                .enumerate()
                .map(|(i, t)| width(&name(i, *t, room)) + 1)
                .sum::<usize>()
                <= usize::from(area.width)
        })
        .unwrap_or(0);
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let title = name(i, *tab, room);
        let w = width(&title) as u16;
        let style = if *tab == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        let marker = if *tab == app.tab { "▸" } else { " " };
        rects.push(Rect::new(
            x,
            area.y,
            (w + 1).min(area.right().saturating_sub(x)),
            1,
        ));
        x = x.saturating_add(w + 1);
        spans.push(Span::styled(marker, style));
        spans.push(Span::styled(title, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    rects
}

/// The breadcrumb label of one level.
fn crumb(app: &App, level: &Level) -> String {
    let lang = app.lang;
    match level.view {
        View::Overview
        | View::Units
        | View::Problems
        | View::Owners
        | View::Amounts
        | View::Land
        | View::Deadlines => tab_name(app.tab, lang).to_string(),
        View::Owner(o) => owners::owner_name(app, o, lang),
        View::Report(r) => {
            let issuer = app.data.reports.get(r).map_or("", |r| r.issuer.as_str());
            format!("{} {}", Msg::Report.text(lang), truncate(issuer, 16))
        }
        View::General(_) => Msg::ReportAsWhole.text(lang).to_string(),
        View::Problem(r, p) => {
            let number = app
                .data
                .problem(r, p)
                .and_then(|p| p.number.clone())
                .unwrap_or_else(|| "—".into());
            format!("{} {number}", Msg::Problem.text(lang))
        }
        View::Item(path) => item_label(app, path),
    }
}

/// "措施 二是" or "深化 一是": how an item is named in breadcrumbs and lists.
pub fn item_label(app: &App, path: ItemPath) -> String {
    let lang = app.lang;
    let kind = match path.list {
        ItemList::Measures => Msg::Measure.text(lang),
        ItemList::Ongoing => Msg::Ongoing.text(lang),
        ItemList::General => Msg::General.text(lang),
    };
    let ordinal = path
        .resolve(&app.data)
        .and_then(|m| m.ordinal.clone())
        .unwrap_or_else(|| (path.item + 1).to_string());
    format!("{kind} {ordinal}")
}

fn draw_breadcrumb(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut parts: Vec<String> = Vec::new();
    // Only the levels actually opened, so that Esc walks back each one; the
    // item and problem views name the report they belong to in their titles.
    for level in app.stack() {
        parts.push(crumb(app, level));
    }
    let mut spans = vec![Span::styled(format!(" {}", parts.join(" › ")), theme.title)];
    let lang = app.lang;
    if let Some(status) = app.filter.status {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("[{} {}]", status_symbol(status), i18n::status(status, lang)),
            theme
                .status(status)
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if app.filter.overdue_only {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("[! {}]", Msg::OverdueOnly.text(lang)),
            theme
                .overdue
                .add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if app.filter.changed_only {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!("[Δ {}]", Msg::ChangesOnly.text(lang)),
            theme.title.add_modifier(ratatui::style::Modifier::REVERSED),
        ));
    }
    if let Some(q) = app.query() {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(format!("[/{q}]"), theme.search));
        if let Some(progress) = searching(app) {
            spans.push(Span::styled(format!(" {progress}"), theme.dim));
        }
    }
    if let Some(notice) = &app.notice {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(format!("· {notice}"), theme.dim));
    }
    frame.render_widget(
        Paragraph::new(fit(Line::from(spans), usize::from(area.width))),
        area,
    );
}

/// The search bar, while the user types: "/ query▏  ⏎ open the match  esc cancel".
fn draw_search_bar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, query: &str) {
    let mut spans = vec![
        Span::styled(" / ", theme.key),
        Span::styled(tail(query, usize::from(area.width) / 2), theme.search),
        Span::styled("▏", theme.key),
    ];
    if query.is_empty() {
        spans.push(Span::styled(Msg::TypeToSearch.text(app.lang), theme.dim));
    }
    if let Some(progress) = searching(app) {
        spans.push(Span::styled(format!("  {progress}"), theme.key));
    }
    if let Some(notice) = &app.notice {
        spans.push(Span::styled(format!("  · {notice}"), theme.dim));
    }
    spans.push(Span::raw("   "));
    for b in BINDINGS.iter().filter(|b| b.hint && app.in_scope(b.scope)) {
        spans.push(Span::styled(b.label, theme.key));
        spans.push(Span::raw(format!(" {}  ", b.help.text(app.lang))));
    }
    frame.render_widget(
        Paragraph::new(fit(Line::from(spans), usize::from(area.width))),
        area,
    );
}

/// The end of a text in at most `max` cells, after "…" when cut: the search
/// bar shows where the typing is.
fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut used = 1;
    let mut start = s.len();
    for (at, c) in s.char_indices().rev() {
        used += width(c.encode_utf8(&mut [0; 4]));
        if used > max {
            break;
        }
        start = at;
    }
    format!("…{}", &s[start..])
}

/// "searching… 40%" while a search goes through the rows for its match.
fn searching(app: &App) -> Option<String> {
    app.search_progress()
        .map(|percent| format!("{} {percent}%", Msg::Searching.text(app.lang)))
}

/// A status badge: symbol and name, styled, so status never depends on colour.
pub fn status_badge(status: Status, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!("{} {}", status_symbol(status), i18n::status(status, lang)),
        theme.status(status),
    )
}

/// A deadline bucket badge.
pub fn bucket_badge(bucket: Bucket, lang: Lang, theme: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{} {}",
            super::theme::bucket_symbol(bucket),
            i18n::bucket(bucket, lang)
        ),
        theme.bucket(bucket),
    )
}

/// A problem's title, or a note that the source does not show it.
pub fn problem_title(problem: &Problem, lang: Lang) -> String {
    match &problem.title {
        Some(t) => t.clone(),
        None => Msg::NoTitle.text(lang).to_string(),
    }
}

/// The cells of a problem row after its report: number, title, status, measures,
/// figures, nearest deadline. Shared by the Problems tab and the report view.
pub fn problem_cells(problem: &Problem, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let figures: usize = problem
        .measures
        .iter()
        .chain(&problem.ongoing)
        .map(|m| m.figures.len())
        .sum();
    vec![
        Line::from(problem.number.clone().unwrap_or_else(|| "—".into())),
        Line::from(problem_title(problem, lang)),
        Line::from(status_badge(problem.status, lang, theme)),
        Line::from((problem.measures.len() + problem.ongoing.len()).to_string()),
        Line::from(figures.to_string()),
        Line::from(nearest_deadline(problem).map_or_else(|| "—".to_string(), |d| d.to_string())),
    ]
}

/// The earliest deadline date of a problem: its own (from a ledger) or its items'.
pub fn nearest_deadline(problem: &Problem) -> Option<chrono::NaiveDate> {
    problem
        .measures
        .iter()
        .chain(&problem.ongoing)
        .filter_map(|m| m.deadline.as_ref()?.date)
        .chain(problem.deadline.as_ref().and_then(|d| d.date))
        .min()
}

/// A line of details: the label dim, the value styled by its tone.
pub fn detail_line(d: crate::tui::details::Detail, theme: &Theme) -> Line<'static> {
    use crate::tui::details::Tone;
    let style = match d.tone {
        Tone::Plain => ratatui::style::Style::default(),
        Tone::Due(bucket) => theme.bucket(bucket),
        Tone::Source => theme.title,
    };
    Line::from(vec![
        Span::styled(crate::i18n::label(&d.label), theme.dim),
        Span::styled(d.value, style),
    ])
}

/// Draws a bordered, wrapped paragraph at the top of `area`, as tall as its
/// lines need but at most half the area, and returns the rest below it: the
/// details of a report or a problem above its table.
pub fn draw_info_above(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    title: String,
    theme: &Theme,
) -> Rect {
    // Broken as Chinese is typeset: never inside a number, and no row
    // starts with closing punctuation.
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let lines = crate::linebreak::wrap_lines(lines, width);
    let rows = lines.len();
    let paragraph = Paragraph::new(lines);
    let needed = u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(2);
    let height = needed.min(area.height / 2);
    let [info, rest] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(area);
    frame.render_widget(paragraph.block(block(Line::from(title), theme)), info);
    // Text that does not fit ends in a mark, never mid-sentence without one.
    if needed > height && info.width > 2 && info.height > 2 {
        let at = (info.right() - 2, info.bottom() - 2);
        let buffer = frame.buffer_mut();
        if unicode_width::UnicodeWidthStr::width(buffer[at].symbol()) == 0 {
            buffer[(at.0 - 1, at.1)].set_symbol(" ");
        }
        buffer[at].set_symbol("…");
    }
    rest
}

/// Clears `area` for a popup drawn over the screen. A wide character just
/// left of it would reach under the popup's left border and hide it on the
/// terminal, so it becomes a space.
pub fn clear_for_overlay(frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let buffer = frame.buffer_mut();
    let bounds = buffer.area;
    for y in area.top()..area.bottom().min(bounds.bottom()) {
        if area.left() > bounds.left() {
            let cell = &mut buffer[(area.left() - 1, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

pub fn block<'a>(title: impl Into<Line<'a>>, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title.into().style(theme.title))
}
