//! Turning the sorted-out rows of a ledger's sheets into reports: one per
//! unit, each problem with its measures, owners, deadline, status and cells.

use std::collections::HashMap;
use std::path::Path;

use calamine::Data;
use chrono::NaiveDate;

use super::deadline::{self, Immediately};
use super::header::{self, Columns, Field};
use super::merges::{self, Layout};
use super::rows::{self, Body, Head, Item};
use super::{Failure, Grid, Sheet, a1, is_blank, status, text};
use crate::diagnostic::Severity;
use crate::model::{
    Cells, Column, Contact, Inspection, InspectionKind, Measure, Problem, Report, Source,
    SourceKind, StatedTotals, Status,
};

/// Notes and warnings gathered while reading, each with its severity.
pub type Notes = Vec<(Severity, Failure)>;

/// A sheet whose header was found.
struct Read {
    name: Option<String>,
    grid: Grid,
    layout: Layout,
    columns: Columns,
    head: Head,
    body: Body,
}

/// Reads every sheet and builds one report per unit.
pub fn reports(file: &str, sheets: Vec<Sheet>, notes: &mut Notes) -> Result<Vec<Report>, Failure> {
    let mut read = Vec::new();
    let mut without_header = Vec::new();
    for mut sheet in sheets {
        let layout = merges::apply(&mut sheet);
        let Sheet {
            name,
            grid,
            formulas,
            warnings,
            ..
        } = sheet;
        notes.extend(warnings.into_iter().map(|w| (Severity::Warning, w)));
        if grid.iter().all(|r| r.iter().all(is_blank)) {
            continue;
        }
        match header::find(&grid, &layout, name.as_deref()) {
            Ok(columns) => {
                let head = rows::head(&grid, &layout, columns.row);
                let body = rows::body(&grid, &layout, &columns);
                read.push(Read {
                    name,
                    grid,
                    layout,
                    columns,
                    head,
                    body,
                });
            }
            Err(failure) => {
                let summary_name = name.as_deref().is_some_and(|n| {
                    ["汇总", "统计", "总表", "合计"]
                        .iter()
                        .any(|w| n.contains(w))
                });
                if formulas > 0 || summary_name {
                    let sheet = name.unwrap_or_default();
                    notes.push((
                        Severity::Warning,
                        Failure::new(
                            format!(
                                "sheet '{sheet}' is a summary ({formulas} formulas and no problem column): skipped, not read as problems"
                            ),
                            None,
                        )
                        .in_sheet(&sheet),
                    ));
                } else {
                    without_header.push(failure);
                }
            }
        }
    }
    if read.is_empty() {
        return Err(without_header.into_iter().next().unwrap_or_else(|| {
            Failure::new(
                "the ledger holds no rows".into(),
                Some(
                    "a ledger has a header row (序号, 问题, 整改措施…) and a row per problem"
                        .into(),
                ),
            )
        }));
    }
    for mut failure in without_header {
        failure.message = format!("skipped: {}", failure.message);
        notes.push((Severity::Warning, failure));
    }
    let date = ledger_date(&read);
    let many_sheets = read.len() > 1;
    let stem = Path::new(file)
        .file_stem()
        .map_or_else(|| file.to_owned(), |s| s.to_string_lossy().into_owned());
    let mut units: Vec<(String, Report)> = Vec::new();
    for sheet in &read {
        let fallback = match (&sheet.name, many_sheets) {
            (Some(name), true) => name.clone(),
            _ => sheet
                .head
                .title
                .as_deref()
                .and_then(issuer_of)
                .unwrap_or_else(|| stem.clone()),
        };
        let unit_column = sheet.columns.column(Field::Unit);
        let mut numbers: HashMap<(String, Option<String>, String), String> = HashMap::new();
        for (item, (mut problem, found)) in
            sheet.body.items.iter().zip(problems(file, sheet, &date))
        {
            notes.extend(found);
            let unit = unit_column
                .map(|c| text(sheet.grid[item.rows[0]].get(c)))
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| fallback.clone());
            if let Some(number) = problem.number.clone() {
                let key = (unit.clone(), problem.section.clone(), number.clone());
                let here = problem
                    .cells
                    .as_ref()
                    .map_or_else(String::new, |c| c.range.clone());
                if let Some(first) = numbers.get(&key) {
                    let column = sheet.columns.column(Field::Number).unwrap_or(0);
                    notes.push((
                        Severity::Warning,
                        Failure::new(
                            format!("duplicate 序号 '{number}' in unit '{unit}': it is also at {first}"),
                            Some("each problem of a unit has its own 序号; the second is read without one".into()),
                        )
                        .at(sheet.name.as_deref(), item.rows[0], column),
                    ));
                    problem.number = None;
                    problem.note = Some(format!("序号 '{number}' repeats the one at {first}"));
                } else {
                    numbers.insert(key, here);
                }
            }
            let index = match units.iter().position(|(u, _)| *u == unit) {
                Some(i) => i,
                None => {
                    units.push((unit.clone(), report(file, &unit, sheet, &date)));
                    units.len() - 1
                }
            };
            let report = &mut units[index].1;
            if let Some(name) = &sheet.name
                && !report.source.sheets.contains(name)
            {
                report.source.sheets.push(name.clone());
            }
            report.problems.push(problem);
        }
    }
    let single = units.len() == 1;
    Ok(units
        .into_iter()
        .map(|(unit, mut report)| {
            if !single || report.title.is_empty() {
                report.title = format!("{unit}整改台账");
            }
            report
        })
        .collect())
}

/// The problems of a sheet's items, each with its notes, in order; a big
/// sheet is built on every core, since its items are independent.
fn problems(file: &str, sheet: &Read, date: &LedgerDate) -> Vec<(Problem, Notes)> {
    let one = |item: &Item| {
        let mut notes = Vec::new();
        let problem = problem(file, sheet, item, date, &mut notes);
        (problem, notes)
    };
    let items = &sheet.body.items;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if threads < 2 || items.len() < 2_000 {
        return items.iter().map(one).collect();
    }
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|chunk| scope.spawn(move || chunk.iter().map(one).collect::<Vec<_>>()))
            .collect();
        // Collected into one vector made to size: a flat_map would grow it
        // by doubling, touching twice the memory of the problems.
        let mut all = Vec::with_capacity(items.len());
        for part in parts {
            all.extend(part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    })
}

/// The ledger's date and how it was found, and the day 立行立改 means.
struct LedgerDate {
    date: NaiveDate,
    inferred: Option<String>,
    immediately: Immediately,
}

fn ledger_date(read: &[Read]) -> LedgerDate {
    let filled_in = read.iter().find_map(|r| r.body.filled_in);
    let as_of = read.iter().find_map(|r| r.head.as_of);
    let feedback = read.iter().find_map(|r| r.head.feedback);
    let (date, inferred, from) = match (filled_in, as_of, feedback) {
        (Some(d), _, _) => (d, None, format!("按台账填报日期 {d}")),
        (None, Some(d), _) => (
            d,
            Some(format!("台账未写填报日期，取截至日期 {d}")),
            format!("按台账截至日期 {d}"),
        ),
        (None, None, Some(d)) => (
            d,
            Some(format!("台账未写填报日期，取反馈日期 {d}")),
            format!("按巡察反馈日期 {d}"),
        ),
        (None, None, None) => {
            let today = chrono::Local::now().date_naive();
            (
                today,
                Some(format!("台账未写日期，取读取当天 {today}")),
                format!("按读取当天 {today}（台账未写日期）"),
            )
        }
    };
    // A feedback date, where the ledger gives one, is the day 立行立改 counts from.
    let from = match (feedback, filled_in) {
        (Some(d), _) => (d, format!("按巡察反馈日期 {d}")),
        _ => (date, from),
    };
    LedgerDate {
        date,
        inferred,
        immediately: Immediately {
            date: from.0,
            from: from.1,
        },
    }
}

/// "××局党组" from "××局党组关于县委第×巡察组反馈意见整改落实台账".
fn issuer_of(title: &str) -> Option<String> {
    let (before, _) = title.split_once("关于")?;
    let before = before.trim();
    (!before.is_empty()).then(|| before.to_owned())
}

fn report(file: &str, unit: &str, sheet: &Read, date: &LedgerDate) -> Report {
    let title = sheet.head.title.clone().unwrap_or_default();
    let kind = if title.contains("回头看") {
        InspectionKind::FollowUp
    } else if title.contains("专项") {
        InspectionKind::Special
    } else if title.contains("巡视") {
        InspectionKind::Circuit
    } else {
        InspectionKind::Inspection
    };
    let team = title.find("巡察组").and_then(|end| {
        let start = title[..end].rfind("关于").map_or(0, |s| s + "关于".len());
        let team = &title[start..end + "巡察组".len()];
        (team.chars().count() <= 16).then(|| team.to_owned())
    });
    Report {
        id: format!("台账:{unit}"),
        title,
        issuer: unit.to_owned(),
        published: date.date,
        published_inferred: date.inferred.clone(),
        inspection: Inspection {
            kind,
            team,
            period: None,
        },
        source: Source {
            kind: SourceKind::Ledger,
            file: Some(file.to_owned()),
            complete: true,
            ..Source::default()
        },
        contact: Contact {
            phone: sheet.body.phones.clone(),
            ..Contact::default()
        },
        stated: StatedTotals::default(),
        problems: Vec::new(),
        general: Vec::new(),
        people: Vec::new(),
        rules: Vec::new(),
        plan: Vec::new(),
        signature: None,
        signed: None,
        unplaced: Vec::new(),
    }
}

/// The distinct texts of a column over an item's rows, in order.
fn distinct(grid: &Grid, rows: &[usize], column: Option<usize>) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let Some(column) = column else { return out };
    for &row in rows {
        let t = text(grid[row].get(column));
        if !t.is_empty() && !out.iter().any(|(_, o)| *o == t) {
            out.push((row, t));
        }
    }
    out
}

/// Names in a cell: "张三、李四" → ["张三", "李四"].
fn names(cells: &[(usize, String)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, t) in cells {
        for name in t.split(['、', '，', ',', '；', ';', '/', '\n', ' ', '　']) {
            let name = name.trim();
            if !name.is_empty() && !out.iter().any(|n| n == name) {
                out.push(name.to_owned());
            }
        }
    }
    out
}

/// A range in A1 notation from its corners; one cell is "C7".
fn range(top: usize, left: usize, bottom: usize, right: usize) -> String {
    if top == bottom && left == right {
        a1(top, left)
    } else {
        format!("{}:{}", a1(top, left), a1(bottom, right))
    }
}

fn problem(file: &str, sheet: &Read, item: &Item, date: &LedgerDate, notes: &mut Notes) -> Problem {
    let grid = &sheet.grid;
    let columns = &sheet.columns;
    let rows = &item.rows;
    let first = rows[0];
    let last = rows[rows.len() - 1];
    let sheet_name = sheet.name.as_deref();
    let cells = |range: String| Cells {
        file: file.to_owned(),
        sheet: sheet.name.clone(),
        range,
    };
    let cell_of = |column: Option<usize>| {
        column
            .map(|c| text(grid[first].get(c)))
            .filter(|t| !t.is_empty())
    };
    let title_column = columns
        .column(Field::Problem)
        .or(columns.column(Field::Measures))
        .unwrap_or(0);
    let span = sheet.layout.range(last, title_column);
    let mut problem = Problem {
        number: cell_of(columns.column(Field::Number)),
        title: cell_of(columns.column(Field::Problem)),
        cells: Some(cells(range(
            first,
            title_column,
            span.bottom.max(last),
            title_column,
        ))),
        ..Problem::default()
    };
    problem.category = item.category.clone();
    if let Some(category) = cell_of(columns.column(Field::Category))
        && !problem.category.contains(&category)
    {
        problem.category.push(category);
    }
    problem.section = problem.category.last().cloned();
    let mut measure_rows = Vec::new();
    for (row, t) in distinct(grid, rows, columns.column(Field::Measures)) {
        let column = columns.column(Field::Measures).unwrap_or(0);
        let span = sheet.layout.range(row, column);
        let at = range(span.top, column, span.bottom, column);
        for (ordinal, text) in split_measures(&t) {
            measure_rows.push(row);
            problem.measures.push(Measure {
                ordinal,
                text,
                cells: Some(cells(at.clone())),
                ..Measure::default()
            });
        }
    }
    for field in [Field::Leader, Field::Department, Field::Partners] {
        let mut found = Vec::new();
        for column in columns.columns(field) {
            found.extend(names(&distinct(grid, rows, Some(column))));
        }
        found.dedup();
        match field {
            Field::Leader => problem.leaders = found,
            Field::Department => problem.departments = found,
            _ => problem.partners = found,
        }
    }
    // The problem's deadline: the latest day among its rows.
    let mut row_deadlines = Vec::new();
    if let Some(column) = columns.column(Field::Deadline) {
        for &row in rows {
            let cell = grid[row].get(column);
            let serial = match cell {
                Some(Data::DateTime(d)) => Some(d.as_f64()),
                Some(Data::Float(f)) if (20_000.0..80_000.0).contains(f) => Some(*f),
                Some(Data::Int(i)) if (20_000..80_000).contains(i) => Some(*i as f64),
                _ => None,
            };
            let written = text(cell);
            match deadline::deadline(&written, serial, date.date, &date.immediately) {
                Ok(Some(found)) => {
                    row_deadlines.push((row, found.clone()));
                    let later = match (&problem.deadline, found.date) {
                        (None, _) => true,
                        (Some(d), Some(new)) => d.date.is_none_or(|old| new > old),
                        (Some(_), None) => false,
                    };
                    if later {
                        problem.deadline = Some(found);
                    }
                }
                Ok(None) => {}
                Err(bad) => notes.push((
                    Severity::Warning,
                    Failure::new(
                        format!("deadline '{bad}' is not a date"),
                        Some("kept as text and shown as \"no date\"; write it as 2023年6月30日 or 2023/6/30".into()),
                    )
                    .at(sheet_name, row, column),
                )),
            }
        }
        if problem.deadline.is_none()
            && let Some((_, bad)) = distinct(grid, rows, Some(column)).into_iter().next()
        {
            problem.deadline = Some(crate::model::Deadline {
                text: bad.clone(),
                quote: bad,
                ..crate::model::Deadline::default()
            });
        }
    }
    let statuses = distinct(grid, rows, columns.column(Field::Status));
    let mut meant = Vec::new();
    for (row, t) in &statuses {
        match status::status(t) {
            Some(s) => meant.push(s),
            None => {
                meant.push(Status::Open);
                notes.push((
                    Severity::Warning,
                    Failure::new(
                        format!("unknown status '{t}': counted as open"),
                        Some("write 已完成 / 已销号, 正在推进 / 未完成, or 长期坚持 (docs/ledgers.md lists every word)".into()),
                    )
                    .at(sheet_name, *row, columns.column(Field::Status).unwrap_or(0)),
                ));
            }
        }
    }
    problem.status = if meant.is_empty() || meant.contains(&Status::Open) {
        Status::Open
    } else if meant.contains(&Status::LongTerm) {
        Status::LongTerm
    } else {
        Status::Closed
    };
    // Where the rows of a problem not yet closed set different deadlines,
    // each measure is due on its row's; one deadline for all is the
    // problem's own, listed once. Closed work is due no more.
    let written: std::collections::BTreeSet<&str> =
        row_deadlines.iter().map(|(_, d)| d.text.as_str()).collect();
    if problem.status != Status::Closed && written.len() > 1 {
        for (measure, row) in problem.measures.iter_mut().zip(&measure_rows) {
            measure.deadline = row_deadlines
                .iter()
                .find(|(r, _)| r == row)
                .map(|(_, d)| d.clone())
                .or_else(|| problem.deadline.clone());
        }
    }
    if !statuses.is_empty() {
        let texts: Vec<String> = statuses.into_iter().map(|(_, t)| t).collect();
        problem.status_text = Some(texts.join("；"));
    }
    let progress = distinct(grid, rows, columns.column(Field::Progress));
    if !progress.is_empty() {
        let texts: Vec<String> = progress.into_iter().map(|(_, t)| t).collect();
        problem.progress = Some(texts.join("\n"));
    }
    for (header, column) in &columns.extra {
        let values = distinct(grid, rows, Some(*column));
        if !values.is_empty() {
            let texts: Vec<String> = values.into_iter().map(|(_, t)| t).collect();
            problem.columns.push(Column {
                header: header.clone(),
                value: texts.join("\n"),
            });
        }
    }
    problem
}

/// The ordinal a measure starts with ("1.", "（2）", "③", "一是") and the rest.
fn ordinal(t: &str) -> Option<(String, &str)> {
    let t = t.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        for mark in ['.', '、', '．', ')', '）'] {
            if let Some(after) = rest.strip_prefix(mark) {
                return Some((t[..digits].to_owned(), after));
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = t.strip_prefix(open) {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0
                && let Some(after) = rest[digits..].strip_prefix(close)
            {
                return Some((rest[..digits].to_owned(), after));
            }
        }
    }
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return Some((first.to_string(), &t[first.len_utf8()..]));
    }
    None
}

/// Splits a cell holding several measures ("1.……；\n2.……") into them, each
/// with its ordinal; a cell of one measure stays whole.
pub fn split_measures(cell: &str) -> Vec<(Option<String>, String)> {
    let mut parts: Vec<&str> = Vec::new();
    for line in cell.lines() {
        let mut rest = line;
        // "1.……；2.……" on one line: split after a ； that an ordinal follows.
        while let Some(at) = rest
            .match_indices(['；', ';'])
            .map(|(i, m)| i + m.len())
            .find(|&i| ordinal(&rest[i..]).is_some())
        {
            parts.push(&rest[..at]);
            rest = &rest[at..];
        }
        parts.push(rest);
    }
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match ordinal(part) {
            Some((n, rest)) => out.push((Some(n), rest.trim().to_owned())),
            None => match out.last_mut() {
                Some((_, text)) => text.push_str(part),
                None => out.push((None, part.to_owned())),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_in_one_cell_are_split_on_their_ordinals() {
        let got = split_measures("1.建立台账；\n2.每月调度；3.按期销号。");
        let ordinals: Vec<_> = got
            .iter()
            .map(|(o, _)| o.clone().unwrap_or_default())
            .collect();
        assert_eq!(ordinals, ["1", "2", "3"]);
        assert_eq!(got[0].1, "建立台账；");
        assert_eq!(split_measures("完善制度").len(), 1);
        assert_eq!(split_measures("（1）甲\n（2）乙").len(), 2);
    }

    #[test]
    fn the_issuer_is_what_comes_before_guanyu() {
        assert_eq!(
            issuer_of("县财政局党组关于县委第二巡察组反馈意见整改落实台账").as_deref(),
            Some("县财政局党组")
        );
        assert_eq!(issuer_of("整改台账"), None);
    }
}
