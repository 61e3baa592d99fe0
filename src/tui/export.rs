//! The current table as rows of text, for `e` (a CSV file and an xlsx
//! workbook) and `zhenggai export` — the same rows, in the same order and
//! under the same filters, as on screen.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::app::{App, View};
use super::rows::MoneyRow;
use crate::i18n::{self, Msg};
use crate::model::Status;
use crate::stats::Bucket;
pub use crate::table::to_csv;
use crate::table::{Table, xlsx};

/// A name for the table ("problems") and its rows, header first.
pub fn table(app: &App) -> (&'static str, Vec<Vec<String>>) {
    let lang = app.lang;
    let data = &app.data;
    let t = |m: Msg| m.text(lang).to_string();
    let issuer = |r: usize| {
        data.reports
            .get(r)
            .map_or_else(String::new, |x| x.issuer.clone())
    };
    // Amounts says in its first column whether a figure is added to the totals;
    // Land and a single item have no such column, rather than an empty header.
    let figure_row =
        |path: &crate::stats::FigurePath, added: Option<&str>| -> Option<Vec<String>> {
            let f = path.resolve(data)?;
            Some(
                added
                    .map(str::to_string)
                    .into_iter()
                    .chain([
                        i18n::kind(f.kind, lang).to_string(),
                        f.label.clone(),
                        f.text.clone(),
                        f.value.to_string(),
                        f.unit.to_string(),
                        f.normalized.map(|n| n.to_string()).unwrap_or_default(),
                        i18n::role(f.role, lang).to_string(),
                        issuer(path.item.report),
                        f.quote.clone(),
                    ])
                    .collect(),
            )
        };
    let figure_header = |added: bool| -> Vec<String> {
        added
            .then(|| t(Msg::Added))
            .into_iter()
            .chain([
                t(Msg::Kind),
                t(Msg::Label),
                t(Msg::AsWritten),
                t(Msg::Value),
                t(Msg::Unit),
                t(Msg::Converted),
                t(Msg::Role),
                t(Msg::Report),
                t(Msg::SourceClause),
            ])
            .collect()
    };
    let overdue_word = i18n::bucket(Bucket::Overdue, lang);
    let problem_row = |r: usize, p: usize| -> Option<Vec<String>> {
        let problem = data.problem(r, p)?;
        let overdue = problem.status == Status::Open
            && crate::stats::problem_due(problem).is_some_and(|d| d < app.stats.as_of);
        let mut row = vec![
            issuer(r),
            problem.number.clone().unwrap_or_default(),
            problem.title.clone().unwrap_or_default(),
            i18n::status(problem.status, lang).to_string(),
            (problem.measures.len() + problem.ongoing.len()).to_string(),
            super::ui::nearest_deadline(problem)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            if overdue {
                overdue_word.to_string()
            } else {
                String::new()
            },
        ];
        // With --since, the changes last, so that the columns before keep their places.
        if let Some(since) = &app.since {
            row.push(change_words(since.marks(r, p), lang));
        }
        Some(row)
    };
    let problem_header = vec![
        t(Msg::Report),
        t(Msg::Number),
        t(Msg::Title),
        t(Msg::Status),
        t(Msg::Measures),
        t(Msg::NearestDeadline),
        t(Msg::Overdue),
    ]
    .into_iter()
    .chain(app.since.as_ref().map(|_| t(Msg::ColChange)))
    .collect::<Vec<_>>();
    match app.level().view {
        View::Overview => {
            let mut rows = vec![vec![
                t(Msg::Issuer),
                t(Msg::Title),
                t(Msg::Closed),
                t(Msg::Open),
                t(Msg::LongTerm),
                i18n::bucket(crate::stats::Bucket::Overdue, lang).to_string(),
                t(Msg::Published),
            ]];
            rows.extend(app.rows.overview.iter().filter_map(|&r| {
                let (report, rs) = (data.reports.get(r)?, app.stats.reports.get(r)?);
                let p = rs.problems.best();
                Some(vec![
                    report.issuer.clone(),
                    report.title.clone(),
                    p.closed.to_string(),
                    p.open.to_string(),
                    p.long_term.to_string(),
                    rs.deadlines.overdue.to_string(),
                    report.published.to_string(),
                ])
            }));
            ("overview", rows)
        }
        View::Units => {
            let mut rows = vec![vec![
                t(Msg::Unit),
                t(Msg::Rate),
                t(Msg::Total),
                t(Msg::Closed),
                t(Msg::Open),
                t(Msg::LongTerm),
                t(Msg::OverdueShort),
                t(Msg::DueSoon),
                t(Msg::Note),
            ]];
            rows.extend(app.rows.board.units.iter().map(|u| {
                let (rate, note) = super::ui::rate_text(&u.completion, lang);
                let light = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
                vec![
                    u.name.clone(),
                    rate,
                    u.total.to_string(),
                    u.counts.closed.to_string(),
                    u.counts.open.to_string(),
                    u.counts.long_term.to_string(),
                    light(u.lights.map(|l| l.overdue)),
                    light(u.lights.map(|l| l.due_soon)),
                    note.unwrap_or_default().to_string(),
                ]
            }));
            ("units", rows)
        }
        View::Owners => {
            let who = match app.owners {
                crate::board::OwnerKind::Leader => Msg::OwnerLeader,
                crate::board::OwnerKind::Department => Msg::OwnerDepartment,
            };
            let mut rows = vec![vec![
                t(who),
                t(Msg::OwnerProblems),
                t(Msg::OverdueShort),
                t(Msg::DueSoon),
                t(Msg::Open),
                t(Msg::Closed),
                t(Msg::LongTerm),
            ]];
            rows.extend(app.rows.owners.iter().map(|o| {
                vec![
                    o.name.clone(),
                    o.problems.len().to_string(),
                    o.lights.overdue.to_string(),
                    o.lights.due_soon.to_string(),
                    o.counts.open.to_string(),
                    o.counts.closed.to_string(),
                    o.counts.long_term.to_string(),
                ]
            }));
            ("owners", rows)
        }
        View::Owner(o) => {
            let mut rows = vec![problem_header];
            rows.extend(
                app.rows
                    .owner_problems(data, o)
                    .filter_map(|(r, p)| problem_row(r, p)),
            );
            ("owner", rows)
        }
        View::Problems => {
            let mut rows = vec![problem_header];
            rows.extend(
                app.rows
                    .problems
                    .iter()
                    .filter_map(|&(r, p)| problem_row(r, p)),
            );
            ("problems", rows)
        }
        View::Report(r) => {
            let mut rows = vec![problem_header];
            if app.rows.report_has_general(data, r) {
                let general = data.reports.get(r).map_or(0, |x| x.general.len());
                rows.push(vec![
                    issuer(r),
                    String::new(),
                    t(Msg::ReportAsWhole),
                    String::new(),
                    general.to_string(),
                    String::new(),
                    String::new(),
                ]);
            }
            rows.extend(
                app.rows
                    .report_problems(data, r)
                    .filter_map(|p| problem_row(r, p)),
            );
            ("report", rows)
        }
        View::Amounts => {
            let mut rows = vec![figure_header(true)];
            rows.extend(app.rows.money.iter().filter_map(|m| match m {
                MoneyRow::Achieved(f) => figure_row(f, Some(super::ui::money_mark(app, *f))),
                MoneyRow::Listed(f) => figure_row(f, Some(Msg::IncludedShort.text(lang))),
                MoneyRow::NotSummed(f) => figure_row(f, Some(Msg::NotSummedShort.text(lang))),
                MoneyRow::Unstated(u) => {
                    let x = u.item.resolve(data)?.unstated.get(u.index)?;
                    Some(vec![
                        Msg::UnstatedShort.text(lang).to_string(),
                        i18n::kind(x.kind, lang).to_string(),
                        x.label.clone(),
                        Msg::AmountNotStated.text(lang).to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        issuer(u.item.report),
                        x.quote.clone(),
                    ])
                }
            }));
            ("amounts", rows)
        }
        View::Land => {
            let mut rows = vec![figure_header(false)];
            rows.extend(app.rows.land.iter().filter_map(|f| figure_row(f, None)));
            ("land", rows)
        }
        View::Item(path) => {
            let mut rows = vec![figure_header(false)];
            let count = path.resolve(data).map_or(0, |m| m.figures.len());
            rows.extend((0..count).filter_map(|i| {
                figure_row(
                    &crate::stats::FigurePath {
                        item: path,
                        figure: i,
                    },
                    None,
                )
            }));
            ("figures", rows)
        }
        View::Deadlines | View::Problem(..) | View::General(_) => {
            let mut rows = vec![vec![
                t(Msg::Status),
                t(Msg::Date),
                t(Msg::DeadlineText),
                t(Msg::Report),
                t(Msg::Problem),
                t(Msg::Item),
                t(Msg::Heading),
            ]];
            // Items, or (on Deadlines) a problem's own deadline where the item is `None`.
            let items: Vec<(usize, usize, Option<crate::stats::ItemPath>)> = match app.level().view
            {
                View::Problem(r, p) => {
                    let n = data
                        .problem(r, p)
                        .map_or(0, |x| x.measures.len() + x.ongoing.len());
                    (0..n)
                        .filter_map(|i| app.item_path(r, p, i))
                        .map(|path| (r, p, Some(path)))
                        .collect()
                }
                View::General(r) => {
                    let n = data.reports.get(r).map_or(0, |x| x.general.len());
                    (0..n)
                        .map(|i| (r, 0, Some(crate::stats::ItemPath::general(r, i))))
                        .collect()
                }
                _ => app
                    .rows
                    .deadlines
                    .iter()
                    .filter_map(|&i| app.stats.deadlines.get(i))
                    .map(|d| (d.report, d.problem, d.item))
                    .collect(),
            };
            rows.extend(items.into_iter().filter_map(|(r, p, path)| {
                let Some(path) = path else {
                    return own_deadline_row(app, r, p);
                };
                let m = path.resolve(data)?;
                // The same words as the row on screen: a problem without a number
                // has a dash, an item without an ordinal its place in the list, one
                // without a heading its text.
                let problem = match data.problem(path.report, path.problem) {
                    Some(p) => format!(
                        "{} {}",
                        p.number.as_deref().unwrap_or("—"),
                        super::ui::problem_title(p, lang)
                    ),
                    None if path.is_general() => t(Msg::ReportAsWhole),
                    None => return None,
                };
                let date = m.deadline.as_ref().and_then(|d| d.date);
                let bucket = crate::stats::Bucket::of(date, app.stats.as_of);
                Some(vec![
                    i18n::bucket(bucket, lang).to_string(),
                    date.map(|d| d.to_string()).unwrap_or_default(),
                    m.deadline
                        .as_ref()
                        .map(|d| d.text.clone())
                        .unwrap_or_default(),
                    issuer(path.report),
                    problem,
                    super::ui::item_label(app, path),
                    m.heading.clone().unwrap_or_else(|| m.text.clone()),
                ])
            }));
            let name = match app.level().view {
                View::Problem(..) => "problem",
                View::General(_) => "general",
                _ => "deadlines",
            };
            (name, rows)
        }
    }
}

/// A problem's own deadline as a row of the Deadlines table: it has no item,
/// so the item column says it is the problem's own.
fn own_deadline_row(app: &App, r: usize, p: usize) -> Option<Vec<String>> {
    let lang = app.lang;
    let problem = app.data.problem(r, p)?;
    let deadline = problem.deadline.as_ref()?;
    let bucket = crate::stats::Bucket::of(deadline.date, app.stats.as_of);
    Some(vec![
        i18n::bucket(bucket, lang).to_string(),
        deadline.date.map(|d| d.to_string()).unwrap_or_default(),
        deadline.text.clone(),
        app.data
            .reports
            .get(r)
            .map(|x| x.issuer.clone())
            .unwrap_or_default(),
        format!(
            "{} {}",
            problem.number.as_deref().unwrap_or("?"),
            problem.title.as_deref().unwrap_or("")
        ),
        Msg::ProblemDeadline.text(lang).to_string(),
        String::new(),
    ])
}

/// The marks of a problem with their words, "↷ 延期; ~ 状态变化": a
/// spreadsheet has room for the words the dashboard keeps in its legend.
fn change_words(kinds: &[crate::diff::Kind], lang: crate::i18n::Lang) -> String {
    kinds
        .iter()
        .map(|k| format!("{} {}", k.mark(), crate::diff::label(*k, lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The current table with its header apart and its overdue rows marked:
/// an open problem due before the as-of date, an item in the overdue bucket,
/// a report with overdue items.
pub fn sheet(app: &App) -> Table {
    let (name, mut lines) = table(app);
    let header = if lines.is_empty() {
        Vec::new()
    } else {
        lines.remove(0)
    };
    let overdue_word = i18n::bucket(Bucket::Overdue, app.lang);
    let overdue = lines
        .iter()
        .map(|row| match name {
            "overview" => row.get(5).is_some_and(|n| n != "0"),
            "problems" | "report" => row.get(6).is_some_and(|w| !w.is_empty()),
            "deadlines" | "problem" | "general" => row.first().is_some_and(|w| w == overdue_word),
            _ => false,
        })
        .collect();
    Table {
        name,
        header,
        rows: lines,
        overdue,
    }
}

/// Writes the current table into `dir` twice, as `zhenggai-NAME.csv` and as
/// `zhenggai-NAME.xlsx` (or `-2`, `-3`… when either exists): never
/// overwriting. Returns the paths written.
pub fn write_files(app: &App, dir: &Path) -> io::Result<[PathBuf; 2]> {
    let table = sheet(app);
    let csv = to_csv(&table.lines());
    let sheet_name = super::ui::tab_name(app.tab, app.lang);
    let workbook =
        xlsx::to_xlsx(&table, sheet_name).map_err(|e| io::Error::other(e.to_string()))?;
    for n in 1..10_000 {
        let stem = if n == 1 {
            format!("zhenggai-{}", table.name)
        } else {
            format!("zhenggai-{}-{n}", table.name)
        };
        let csv_path = dir.join(format!("{stem}.csv"));
        let xlsx_path = dir.join(format!("{stem}.xlsx"));
        if xlsx_path.exists() {
            continue;
        }
        match create_new(&csv_path, &[BOM, csv.as_bytes()]) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
        create_new(&xlsx_path, &[&workbook])?;
        return Ok([csv_path, xlsx_path]);
    }
    Err(io::Error::other("too many exports with the same name"))
}

/// A UTF-8 byte order mark, so that spreadsheet programs read the Chinese right.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// Writes a file that must not exist yet: two exports never clobber each other.
fn create_new(path: &Path, parts: &[&[u8]]) -> io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    for part in parts {
        f.write_all(part)?;
    }
    Ok(())
}

/// Writes the current table into `dir` as `zhenggai-NAME.csv`, or `-2`, `-3`…
/// when that exists: never overwriting. Returns the path written.
pub fn write_csv(app: &App, dir: &Path) -> io::Result<PathBuf> {
    let (name, rows) = table(app);
    let text = to_csv(&rows);
    for n in 1..10_000 {
        let file = if n == 1 {
            format!("zhenggai-{name}.csv")
        } else {
            format!("zhenggai-{name}-{n}.csv")
        };
        let path = dir.join(file);
        match create_new(&path, &[BOM, text.as_bytes()]) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many exports with the same name"))
}
