//! Checks of what ledgers bring per problem (schema version 2): the cells a
//! problem or measure came from, deadlines with `date_from` or `long_term`,
//! names of leaders and departments, and extra columns.

use super::{Issue, join, key, problem_path};
use crate::deadline::parse_deadline;
use crate::jsonpos::Segment;
use crate::model::{Cells, Deadline, Problem, Report};

/// The largest column (XFD) and row a spreadsheet has.
const MAX_COLUMN: u32 = 16_384;
const MAX_ROW: u32 = 1_048_576;

pub(super) fn check_ledger_fields(r: usize, report: &Report, issues: &mut Vec<Issue>) {
    for (p, problem) in report.problems.iter().enumerate() {
        let base = problem_path(r, p);
        if let Some(cells) = &problem.cells {
            check_cells(join(&base, [key("cells")]), cells, issues);
        }
        if let Some(deadline) = &problem.deadline {
            check_deadline(join(&base, [key("deadline")]), deadline, report, issues);
        }
        check_names(&base, problem, issues);
        for (c, column) in problem.columns.iter().enumerate() {
            if column.header.trim().is_empty() {
                issues.push(
                    Issue::error(
                        join(&base, [key("columns"), Segment::Index(c), key("header")]),
                        format!("column with value '{}' has an empty header", column.value),
                    )
                    .hint("keep the header as the ledger writes it"),
                );
            }
        }
        for (list, items) in [
            ("measures", &problem.measures),
            ("ongoing", &problem.ongoing),
        ] {
            for (i, item) in items.iter().enumerate() {
                let at = || join(&base, [key(list), Segment::Index(i)]);
                if let Some(cells) = &item.cells {
                    check_cells(join(&at(), [key("cells")]), cells, issues);
                }
                if let Some(deadline) = &item.deadline {
                    check_deadline_kind(join(&at(), [key("deadline")]), deadline, issues);
                }
            }
        }
    }
}

/// The file is named and the range is "C7" or "A7:H8", its first cell above
/// and left of its last.
fn check_cells(at: Vec<Segment>, cells: &Cells, issues: &mut Vec<Issue>) {
    if cells.file.trim().is_empty() {
        issues.push(
            Issue::error(join(&at, [key("file")]), "cells name no file".to_owned())
                .hint("give the ledger's file name as the user gave it, e.g. \"台账.xlsx\""),
        );
    }
    let range = &cells.range;
    let parsed = match range.split_once(':') {
        Some((a, b)) => a1(a).zip(a1(b)),
        None => a1(range).map(|c| (c, c)),
    };
    match parsed {
        None => issues.push(
            Issue::error(
                join(&at, [key("range")]),
                format!("cell range '{range}' is not in A1 notation"),
            )
            .hint("write a cell as column letters and row number, \"C7\", or a range \"A7:H8\""),
        ),
        Some(((c1, r1), (c2, r2))) if c1 > c2 || r1 > r2 => issues.push(
            Issue::error(
                join(&at, [key("range")]),
                format!("cell range '{range}' ends above or left of where it starts"),
            )
            .hint("write the top-left cell first, \"A7:H8\""),
        ),
        Some(_) => {}
    }
}

/// "C7" as (column, row), both from 1; `None` unless it is a cell a
/// spreadsheet can have.
fn a1(cell: &str) -> Option<(u32, u32)> {
    let letters = cell.bytes().take_while(u8::is_ascii_uppercase).count();
    let (column, row) = cell.split_at(letters);
    if !(1..=3).contains(&letters)
        || row.is_empty()
        || row.starts_with('0')
        || !row.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let column = column
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    let row: u32 = row.parse().ok()?;
    (column <= MAX_COLUMN && row <= MAX_ROW).then_some((column, row))
}

/// A problem's own deadline: its kind, and its date against its text.
fn check_deadline(at: Vec<Segment>, deadline: &Deadline, report: &Report, issues: &mut Vec<Issue>) {
    check_deadline_kind(at.clone(), deadline, issues);
    // A day found another way (立行立改) is not the text's own.
    if deadline.date_from.is_some() || deadline.long_term {
        return;
    }
    let meant = parse_deadline(&deadline.text, report.published);
    match (deadline.date, meant) {
        (Some(date), Some(meant)) if date != meant => issues.push(
            Issue::error(
                join(&at, [key("date")]),
                format!(
                    "deadline date '{date}' does not match its text '{}'",
                    deadline.text
                ),
            )
            .hint(format!("'{}' means {meant}", deadline.text)),
        ),
        (None, Some(meant)) => issues.push(
            Issue::warning(
                at,
                format!(
                    "deadline '{}' has no date, though it means {meant}",
                    deadline.text
                ),
            )
            .hint(format!("add \"date\": \"{meant}\"")),
        ),
        _ => {}
    }
}

/// `date_from` explains a date, so it needs one; long-term work has none.
fn check_deadline_kind(at: Vec<Segment>, deadline: &Deadline, issues: &mut Vec<Issue>) {
    if let (Some(from), None) = (&deadline.date_from, deadline.date) {
        issues.push(
            Issue::error(
                join(&at, [key("date_from")]),
                format!("'date_from' '{from}' explains a date, but the deadline has none"),
            )
            .hint("give the day 立行立改 means as \"date\", or leave out \"date_from\""),
        );
    }
    if deadline.long_term {
        if let Some(date) = deadline.date {
            issues.push(
                Issue::error(
                    join(&at, [key("date")]),
                    format!("long-term deadline '{}' has a date '{date}'", deadline.text),
                )
                .hint("长期坚持 names no day: leave out \"date\", or \"long_term\""),
            );
        }
        if deadline.date_from.is_some() {
            issues.push(
                Issue::error(
                    join(&at, [key("date_from")]),
                    format!("long-term deadline '{}' has a 'date_from'", deadline.text),
                )
                .hint("a long-term deadline has no date to explain"),
            );
        }
    }
}

/// Names are not empty, and no department both leads and co-operates.
fn check_names(base: &[Segment], problem: &Problem, issues: &mut Vec<Issue>) {
    let lists = [
        ("leaders", &problem.leaders),
        ("departments", &problem.departments),
        ("partners", &problem.partners),
    ];
    for (field, names) in lists {
        for (i, name) in names.iter().enumerate() {
            if name.trim().is_empty() {
                issues.push(
                    Issue::error(
                        join(base, [key(field), Segment::Index(i)]),
                        format!("empty name in '{field}'"),
                    )
                    .hint("leave the name out of the list when the ledger gives none"),
                );
            }
        }
    }
    for (i, partner) in problem.partners.iter().enumerate() {
        if problem.departments.contains(partner) {
            issues.push(
                Issue::warning(
                    join(base, [key("partners"), Segment::Index(i)]),
                    format!("'{partner}' is both a lead department and a co-operating one"),
                )
                .hint("keep 配合部门 apart from 责任单位"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::a1;

    #[test]
    fn a1_cells_are_read_and_impossible_ones_refused() {
        assert_eq!(a1("C7"), Some((3, 7)));
        assert_eq!(a1("AA10"), Some((27, 10)));
        assert_eq!(a1("XFD1048576"), Some((16_384, 1_048_576)));
        for bad in [
            "", "7", "C", "c7", "C07", "C0", "XFE1", "AAAA1", "C1048577", "C7 ",
        ] {
            assert_eq!(a1(bad), None, "{bad}");
        }
    }
}
