//! `zhenggai export` end to end through the real binary: CSV, Markdown and a
//! real xlsx workbook (read back with calamine), with the same rows as the
//! dashboard's `e`, dates as date cells and overdue rows marked in words.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};

const LEDGER: &str = "tests/fixtures/valid/v2-ledger.json";

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The Problems tab of a ledger as a workbook: a header row, one row per
/// problem, the deadlines as date cells (2023-03-31 is Excel day 45016),
/// the two overdue open problems marked 逾期 in their own column.
#[test]
fn xlsx_of_a_ledger_has_date_cells_and_overdue_rows_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("问题.xlsx");
    zhenggai()
        .args(["export", "--format", "xlsx", "--tab", "problems"])
        .args(["--as-of", "2023-07-05", "-o"])
        .arg(&out)
        .arg(LEDGER)
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), vec!["问题".to_string()]);
    let range = book.worksheet_range("问题").unwrap();
    assert_eq!(range.get_size(), (6, 7));
    let header: Vec<String> = (0..7).map(|c| text(range.get_value((0, c)))).collect();
    assert_eq!(
        header,
        ["报告", "编号", "标题", "状态", "措施", "最近时限", "逾期"]
    );
    assert_eq!(text(range.get_value((2, 2))), "学校食堂经费管理不规范");
    match range.get_value((2, 5)) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), 45016.0),
        other => panic!("2023-03-31 is not a date cell: {other:?}"),
    }
    let overdue: Vec<String> = (1..6).map(|r| text(range.get_value((r, 6)))).collect();
    assert_eq!(overdue, ["", "逾期", "", "逾期", ""]);
    // The number of measures is a number a spreadsheet can add up.
    assert_eq!(range.get_value((2, 4)), Some(&Data::Float(2.0)));
}

/// An existing workbook is not overwritten without --force; with it, it is.
#[test]
fn xlsx_refuses_to_clobber_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.xlsx");
    std::fs::write(&out, b"keep").unwrap();
    let run = zhenggai()
        .args(["export", "--format", "xlsx", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep");
    zhenggai()
        .args(["export", "--format", "xlsx", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

/// A workbook needs a file: asked for on standard output, it says so and exits 2.
#[test]
fn xlsx_without_an_output_file_is_refused() {
    let run = zhenggai()
        .args(["export", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("-o FILE.xlsx"));
    assert!(run.stdout.is_empty());
}

/// CSV on standard output: the header, then a row per money figure in the
/// dashboard's order, recoveries first; the bundled floor area is in m².
#[test]
fn csv_of_amounts_and_land_on_standard_output() {
    let run = zhenggai()
        .args([
            "export",
            "--tab",
            "land",
            "--lang",
            "en",
            "--as-of",
            "2022-01-15",
        ])
        .output()
        .unwrap();
    assert!(run.status.success());
    let csv = String::from_utf8(run.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("kind,what,as written,value,unit,converted,counts as,report,source clause")
    );
    assert!(
        csv.contains(
            "floor area expropriated,累计完成征收面积,110万平方米,110,万平方米,1100000,achieved"
        ),
        "{csv}"
    );
}

/// Markdown of the Deadlines tab, filtered to overdue with `o` as the
/// dashboard is: only overdue rows, each saying so.
#[test]
fn markdown_follows_the_keys_like_the_dashboard() {
    let run = zhenggai()
        .args(["export", "--format", "markdown", "--tab", "deadlines"])
        .args(["--keys", "o", "--as-of", "2023-07-05", LEDGER])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let md = String::from_utf8(run.stdout).unwrap();
    let rows: Vec<&str> = md.lines().skip(2).collect();
    // Problem 2's own deadline (2023.3.31) and problem 4's two ongoing items.
    assert_eq!(rows.len(), 3, "{md}");
    assert!(rows.iter().all(|r| r.starts_with("| 逾期 |")), "{md}");
    assert!(rows[0].contains("| 2023.3.31 |"), "{md}");
}

/// Input files are never written.
#[test]
fn export_leaves_its_input_alone() {
    let before = std::fs::read(Path::new(LEDGER)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    zhenggai()
        .args(["export", "--format", "csv", "-o"])
        .arg(dir.path().join("p.csv"))
        .arg(LEDGER)
        .assert()
        .success();
    assert_eq!(std::fs::read(Path::new(LEDGER)).unwrap(), before);
    let written = std::fs::read(dir.path().join("p.csv")).unwrap();
    assert!(written.starts_with("\u{feff}".as_bytes()));
}

/// The byte order mark stands before a header whose first cell is a word, in
/// the language of the interface: no empty first column, no English "value"
/// among Chinese headers (issue 15).
#[test]
fn csv_header_starts_with_a_word_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    for (tab, first) in [
        ("amounts", "计入合计,类别,内容,原文,数值,"),
        ("land", "类别,内容,原文,数值,"),
    ] {
        let out = dir.path().join(format!("{tab}.csv"));
        zhenggai()
            .args(["export", "--tab", tab, "--as-of", "2022-01-15", "-o"])
            .arg(&out)
            .assert()
            .success();
        let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
        let header = text
            .strip_prefix('\u{feff}')
            .unwrap()
            .lines()
            .next()
            .unwrap();
        assert!(header.starts_with(first), "{tab}: {header}");
    }
}

/// A deadline of an unnumbered problem reads in the CSV as on screen: a dash
/// for the number, the item's place and its text, never "? ,ongoing ," (issue 15).
#[test]
fn csv_of_deadlines_keeps_the_words_of_each_row() {
    let run = zhenggai()
        .args([
            "export",
            "--tab",
            "deadlines",
            "--lang",
            "en",
            "--as-of",
            "2022-01-15",
        ])
        .output()
        .unwrap();
    assert!(run.status.success());
    let csv = String::from_utf8(run.stdout).unwrap();
    let row = csv
        .lines()
        .find(|l| l.contains("2022年1月,中共无锡市人民防空办公室党组"))
        .unwrap();
    assert!(
        row.contains(",— (title not in the source),ongoing 1,"),
        "{row}"
    );
    assert!(row.contains("459.66万元"), "{row}");
    assert!(!csv.contains(",? ,"), "{csv}");
}

/// Without `--as-of`, the bundled demo is exported as of its demo day, as the
/// dashboard and `summary` show it: the January deadline is due soon, not
/// overdue (issue 15).
#[test]
fn export_of_the_bundled_data_uses_the_demo_day() {
    let out = zhenggai()
        .args([
            "export",
            "--tab",
            "deadlines",
            "--format",
            "markdown",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("2022-01-31"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("due in 30 days"), "{row}");
    assert!(!text.contains("overdue |"), "{text}");
}
