//! Ledgers (整改台账) end to end, through the real binary: every layout of
//! issue 10 built here with rust_xlsxwriter or as CSV, then read by
//! `summary`, `check` and `import`.

// clippy.toml allows unwrap inside #[test] functions only; the helpers here
// are test code too, and a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use serde_json::Value;

/// What one run printed, and its exit code.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn zhenggai(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("zhenggai")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `summary --format json` of the files, as JSON.
fn summary(dir: &Path, files: &[&str], as_of: &str) -> Value {
    let mut args = vec!["summary", "--format", "json", "--as-of", as_of];
    args.extend(files);
    let run = zhenggai(dir, &args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// `import FILE` to standard output, as JSON.
fn imported(dir: &Path, file: &str) -> Value {
    let run = zhenggai(dir, &["import", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// closed / open / long-term / total / overdue of a summary's problems.
fn counts(problems: &Value) -> [u64; 5] {
    ["closed", "open", "long_term", "total", "overdue"].map(|k| problems[k].as_u64().unwrap_or(0))
}

fn save(book: &mut Workbook, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    book.save(&path).unwrap();
    path
}

fn row(sheet: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet.write_string(r, c as u16, *text).unwrap();
        }
    }
}

/// The layout most offices keep: a merged title, a subtitle, a two-row
/// header with 责任 merged over 领导 and 部门, section rows merged across,
/// problem 1 merged over rows 7–8 with one measure per row, date cells, a
/// footer with the date. Rows are from 0 here; the sheet shows them from 1.
fn main_layout(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("整改台账").unwrap();
    let f = Format::new();
    let date = Format::new().set_num_format("yyyy/m/d");
    sheet
        .merge_range(
            0,
            0,
            0,
            7,
            "县财政局党组关于县委第二巡察组反馈意见整改落实台账",
            &f,
        )
        .unwrap();
    sheet
        .merge_range(1, 0, 1, 7, "（截至2023年9月30日）", &f)
        .unwrap();
    for (c, h) in ["序号", "反馈问题", "整改措施"].iter().enumerate() {
        sheet.merge_range(2, c as u16, 3, c as u16, h, &f).unwrap();
    }
    sheet.merge_range(2, 3, 2, 4, "责任", &f).unwrap();
    row(sheet, 3, &["", "", "", "责任领导", "责任部门"]);
    for (c, h) in [(5, "整改时限"), (6, "完成情况"), (7, "备注")] {
        sheet.merge_range(2, c, 3, c, h, &f).unwrap();
    }
    sheet
        .merge_range(4, 0, 4, 7, "一、党的领导方面", &f)
        .unwrap();
    sheet
        .merge_range(5, 0, 5, 7, "（一）理论学习方面", &f)
        .unwrap();
    // Problem 1 over rows 7–8 (0-based 6–7), one measure per row.
    sheet.merge_range(6, 0, 7, 0, "1", &f).unwrap();
    sheet.merge_range(6, 1, 7, 1, "理论学习不深入", &f).unwrap();
    row(sheet, 6, &["", "", "建立学习制度"]);
    row(sheet, 7, &["", "", "开展专题研讨"]);
    sheet.merge_range(6, 3, 7, 3, "张局长", &f).unwrap();
    sheet.merge_range(6, 4, 7, 4, "办公室、人事股", &f).unwrap();
    sheet.merge_range(6, 5, 7, 5, "", &date).unwrap();
    sheet
        .write_datetime_with_format(6, 5, ExcelDateTime::from_ymd(2023, 3, 31).unwrap(), &date)
        .unwrap();
    sheet.merge_range(6, 6, 7, 6, "已销号", &f).unwrap();
    row(
        sheet,
        8,
        &[
            "2",
            "财务审批不规范",
            "完善审批流程",
            "李副局长",
            "财务股",
            "2023年6月底前",
            "正在推进",
            "重点",
        ],
    );
    sheet
        .merge_range(9, 0, 9, 7, "二、作风建设方面", &f)
        .unwrap();
    row(
        sheet,
        10,
        &[
            "1",
            "公务用车管理松散",
            "清理车辆台账",
            "王副局长",
            "办公室",
            "立行立改",
            "已完成",
        ],
    );
    row(
        sheet,
        11,
        &[
            "2",
            "调研走过场",
            "制定调研制度",
            "王副局长",
            "办公室",
            "长期坚持",
            "长期坚持",
        ],
    );
    row(sheet, 13, &["注：完成情况填写已完成、正在推进或长期坚持。"]);
    row(
        sheet,
        14,
        &[
            "填表人：赵六",
            "",
            "联系电话：0510-1234567",
            "",
            "",
            "填报日期：2023年7月5日",
        ],
    );
    save(&mut book, dir, "台账.xlsx")
}

/// Counts, owners, categories, deadlines and cell references of the main layout.
#[test]
fn valid_title_merged_header_sections_and_merged_problem_rows() {
    let dir = tempfile::tempdir().unwrap();
    main_layout(dir.path());
    let s = summary(dir.path(), &["台账.xlsx"], "2023-10-01");
    assert_eq!(s["reports"].as_array().unwrap().len(), 1);
    let report = &s["reports"][0];
    assert_eq!(report["issuer"], "县财政局党组");
    assert_eq!(report["published"], "2023-07-05");
    // closed: 1 (已销号) and 2-1 (已完成); open: 2; long-term: 2-2; overdue:
    // problem 2, due 2023-06-30, is open on 2023-10-01.
    assert_eq!(counts(&report["problems"]), [2, 1, 1, 4, 1]);
    let data = imported(dir.path(), "台账.xlsx");
    let problems = &data["reports"][0]["problems"];
    let first = &problems[0];
    assert_eq!(first["title"], "理论学习不深入");
    assert_eq!(first["cells"]["range"], "B7:B8");
    assert_eq!(first["cells"]["sheet"], "整改台账");
    assert_eq!(first["measures"].as_array().unwrap().len(), 2);
    assert_eq!(first["measures"][1]["cells"]["range"], "C8");
    assert_eq!(first["leaders"][0], "张局长");
    assert_eq!(
        first["departments"],
        serde_json::json!(["办公室", "人事股"])
    );
    assert_eq!(first["deadline"]["date"], "2023-03-31");
    assert_eq!(
        first["category"],
        serde_json::json!(["一、党的领导方面", "（一）理论学习方面"])
    );
    assert_eq!(
        problems[1]["columns"][0],
        serde_json::json!({"header": "备注", "value": "重点"})
    );
    assert_eq!(
        problems[2]["category"],
        serde_json::json!(["二、作风建设方面"])
    );
    assert_eq!(problems[2]["deadline"]["date"], "2023-07-05");
    assert!(
        problems[2]["deadline"]["date_from"]
            .as_str()
            .unwrap()
            .contains("填报日期")
    );
    assert_eq!(problems[3]["deadline"]["long_term"], true);
    assert_eq!(problems.as_array().unwrap().len(), 4);
    // One deadline for all its rows is the problem's own; closed work is due no more.
    assert_eq!(problems[1]["deadline"]["date"], "2023-06-30");
    assert!(problems[1]["measures"][0].get("deadline").is_none());
    assert!(first["measures"][0].get("deadline").is_none());
}

/// ledger → import → JSON → check → summary gives the numbers the ledger gives.
#[test]
fn valid_round_trip_through_import_gives_the_same_numbers() {
    let dir = tempfile::tempdir().unwrap();
    main_layout(dir.path());
    let run = zhenggai(dir.path(), &["import", "台账.xlsx", "-o", "data.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = zhenggai(dir.path(), &["check", "data.json"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let direct = summary(dir.path(), &["台账.xlsx"], "2023-10-01");
    let through = summary(dir.path(), &["data.json"], "2023-10-01");
    assert_eq!(direct["totals"], through["totals"]);
    assert_eq!(
        direct["reports"][0]["problems"],
        through["reports"][0]["problems"]
    );
}

/// Several measures in one cell are split; a unit column makes a report per unit.
#[test]
fn valid_unit_column_and_measures_in_one_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    row(
        sheet,
        0,
        &[
            "序号",
            "被巡察单位",
            "存在问题",
            "整改任务",
            "责任人",
            "完成时限",
            "是否销号",
        ],
    );
    row(
        sheet,
        1,
        &[
            "1",
            "县水利局",
            "河道管护不到位",
            "1.建立巡河制度；\n2.每月通报；\n3.年底考核",
            "甲",
            "2023.3.31",
            "否",
        ],
    );
    row(
        sheet,
        2,
        &[
            "2",
            "县水利局",
            "项目招标不规范",
            "完善招标制度",
            "乙",
            "2023/9/30",
            "是",
        ],
    );
    row(
        sheet,
        3,
        &[
            "1",
            "县交通局",
            "路政执法不规范",
            "开展执法培训",
            "丙",
            "2023年8月31日前",
            "是",
        ],
    );
    row(sheet, 4, &["填报日期：2023年7月5日"]);
    save(&mut book, dir.path(), "units.xlsx");
    let s = summary(dir.path(), &["units.xlsx"], "2023-10-01");
    let reports = s["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["issuer"], "县水利局");
    assert_eq!(counts(&reports[0]["problems"]), [1, 1, 0, 2, 1]);
    assert_eq!(reports[1]["issuer"], "县交通局");
    assert_eq!(counts(&reports[1]["problems"]), [1, 0, 0, 1, 0]);
    assert_eq!(reports[1]["title"], "县交通局整改台账");
    let data = imported(dir.path(), "units.xlsx");
    let measures = data["reports"][0]["problems"][0]["measures"]
        .as_array()
        .unwrap();
    assert_eq!(measures.len(), 3);
    assert_eq!(measures[2]["ordinal"], "3");
    assert_eq!(measures[2]["cells"]["range"], "D2");
}

/// One sheet per unit beside a summary sheet of formulas, which is skipped with a note.
#[test]
fn valid_sheet_per_unit_and_a_summary_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sum = book.add_worksheet();
    sum.set_name("汇总").unwrap();
    row(sum, 0, &["单位", "总数"]);
    row(sum, 1, &["县教育局"]);
    sum.write_formula(1, 1, "=COUNTA(县教育局!B2:B3)").unwrap();
    for (unit, status) in [("县教育局", "已完成"), ("县卫健委", "整改中")] {
        let sheet = book.add_worksheet();
        sheet.set_name(unit).unwrap();
        row(sheet, 0, &["序号", "问题", "整改措施", "完成情况"]);
        row(sheet, 1, &["1", "问题甲", "措施甲", status]);
        row(sheet, 2, &["2", "问题乙", "措施乙", "已完成"]);
    }
    save(&mut book, dir.path(), "sheets.xlsx");
    let run = zhenggai(dir.path(), &["check", "sheets.xlsx"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("sheet '汇总' is a summary"), "{all}");
    let s = summary(dir.path(), &["sheets.xlsx"], "2023-10-01");
    let reports = s["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["issuer"], "县教育局");
    assert_eq!(counts(&reports[0]["problems"])[0], 2);
    assert_eq!(counts(&reports[1]["problems"])[..3], [1, 1, 0]);
}

const CSV: &str = "序号,问题,整改措施,责任领导,整改时限,完成情况\n1,问题甲,措施甲,张三,2023年6月底前,正在整改\n2,问题乙,措施乙,李四,2023年12月31日前,已整改到位\n填报日期：2023年7月5日\n";

/// CSV in UTF-8, with a byte order mark, in GBK and tab separated all read alike.
#[test]
fn valid_csv_in_every_encoding_and_separator() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(CSV);
    std::fs::write(dir.path().join("utf8.csv"), CSV).unwrap();
    std::fs::write(dir.path().join("bom.csv"), format!("\u{feff}{CSV}")).unwrap();
    std::fs::write(dir.path().join("gbk.csv"), &gbk).unwrap();
    std::fs::write(dir.path().join("tab.tsv"), CSV.replace(',', "\t")).unwrap();
    for file in ["utf8.csv", "bom.csv", "gbk.csv", "tab.tsv"] {
        let s = summary(dir.path(), &[file], "2023-10-01");
        assert_eq!(counts(&s["totals"]["problems"]), [1, 1, 0, 2, 1], "{file}");
        assert_eq!(s["reports"][0]["published"], "2023-07-05", "{file}");
    }
}

/// A directory takes ledgers beside JSON; Excel's lock files are skipped.
#[test]
fn valid_directory_of_ledgers_skips_lock_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.csv"), CSV).unwrap();
    std::fs::write(dir.path().join("~$a.xlsx"), b"lock").unwrap();
    let run = zhenggai(dir.path(), &["check", "."]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(format!("{}{}", run.stdout, run.stderr).contains("'~$a.xlsx'"));
}

/// A workbook is known by its first bytes, whatever its name.
#[test]
fn valid_workbook_without_its_extension_is_read_by_its_magic() {
    let dir = tempfile::tempdir().unwrap();
    let path = main_layout(dir.path());
    std::fs::rename(path, dir.path().join("台账.dat")).unwrap();
    let s = summary(dir.path(), &["台账.dat"], "2023-10-01");
    assert_eq!(counts(&s["totals"]["problems"])[3], 4);
}

fn fails(dir: &Path, file: &str, wanted: &[&str]) {
    let run = zhenggai(dir, &["check", file]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, 2, "{all}");
    for w in wanted {
        assert!(all.contains(w), "'{w}' not in:\n{all}");
    }
    assert!(!all.contains("panicked"), "{all}");
}

/// A truncated workbook gets a clear message and exit 2.
#[test]
fn invalid_truncated_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let path = main_layout(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(dir.path().join("cut.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    fails(
        dir.path(),
        "cut.xlsx",
        &["cut.xlsx: error", "truncated or damaged"],
    );
}

/// An "xls" that is really a web page says how to save it properly.
#[test]
fn invalid_html_saved_as_xls() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("export.xls"),
        "<html><body><table><tr><td>序号</td></tr></table></body></html>",
    )
    .unwrap();
    fails(dir.path(), "export.xls", &["web page", "save it as .xlsx"]);
}

/// An encrypted workbook (an OLE file holding EncryptedPackage) is named as such.
#[test]
fn invalid_encrypted_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(vec![0; 504]);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("locked.xlsx"), bytes).unwrap();
    fails(dir.path(), "locked.xlsx", &["encrypted"]);
}

/// A sheet without a header names the sheet, the words found and those looked for.
#[test]
fn invalid_no_header_lists_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("名单").unwrap();
    row(sheet, 0, &["姓名", "电话", "地址"]);
    row(sheet, 1, &["张三", "123", "某路"]);
    save(&mut book, dir.path(), "x.xlsx");
    fails(
        dir.path(),
        "x.xlsx",
        &[
            "sheet '名单'",
            "no header row found",
            "'姓名'",
            "'地址'",
            "looked for",
            "反馈问题",
            "整改时限",
        ],
    );
}

/// A date that is no date, and a repeated 序号, are warnings naming the cell.
#[test]
fn invalid_date_and_duplicate_number_are_warnings_at_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("整改台账").unwrap();
    row(
        sheet,
        0,
        &["序号", "问题", "整改措施", "整改时限", "完成情况"],
    );
    row(
        sheet,
        1,
        &["1", "问题甲", "措施甲", "2023年13月", "推进得不错"],
    );
    row(sheet, 2, &["1", "问题乙", "措施乙", "2023年6月", "已完成"]);
    save(&mut book, dir.path(), "w.xlsx");
    let run = zhenggai(dir.path(), &["check", "w.xlsx"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(run.code, 0, "{all}");
    assert!(
        all.contains("整改台账!D2") && all.contains("'2023年13月' is not a date"),
        "{all}"
    );
    assert!(
        all.contains("整改台账!E2") && all.contains("unknown status '推进得不错'"),
        "{all}"
    );
    assert!(
        all.contains("整改台账!A3") && all.contains("duplicate 序号 '1'"),
        "{all}"
    );
}

/// Writes data/examples/整改台账示例.xlsx: `cargo test --test ledger -- --ignored`.
#[test]
#[ignore = "writes the committed example"]
fn write_the_example_ledger() {
    let bytes = zhenggai::ledger::sample::workbook(12).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/整改台账示例.xlsx");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Writes the static fixtures of tests/fixtures/ledgers that are made here
/// (the .ods and .xls beside them are the .xlsx saved by LibreOffice):
/// `cargo test --test ledger -- --ignored`.
#[test]
#[ignore = "writes the committed fixtures"]
fn write_the_static_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledgers");
    std::fs::create_dir_all(&dir).unwrap();
    main_layout(&dir);
    let (gbk, _, _) = encoding_rs::GBK.encode(CSV);
    std::fs::write(dir.join("gbk.csv"), &gbk).unwrap();
}

/// Every committed fixture, whoever wrote it (rust_xlsxwriter, LibreOffice),
/// reads to the same four problems of the main layout, or to the CSV's two.
#[test]
fn valid_committed_fixtures_read_alike() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledgers");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let s = summary(&dir, &[&name], "2023-10-01");
        let want = if name.ends_with(".csv") {
            [1, 1, 0, 2, 1]
        } else {
            [2, 1, 1, 4, 1]
        };
        assert_eq!(counts(&s["totals"]["problems"]), want, "{name}");
        seen += 1;
    }
    assert!(seen >= 2);
}

/// The sample ledger reads back fully counted.
#[test]
fn valid_the_sample_ledger_is_fully_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("s.xlsx"),
        zhenggai::ledger::sample::workbook(40).unwrap(),
    )
    .unwrap();
    let s = summary(dir.path(), &["s.xlsx"], "2024-01-01");
    assert_eq!(counts(&s["totals"]["problems"])[3], 40);
    assert_eq!(s["reports"][0]["published"], "2023-10-08");
}

/// Regression: calamine 0.38 panics on these damaged xls files (a slice out
/// of range in cfb.rs, an assertion in utils.rs); each is a clear exit 2.
#[test]
fn invalid_damaged_xls_that_panicked_calamine() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledgers-invalid");
    for file in ["calamine-cfb-slice-panic.xls", "calamine-assert-panic.xls"] {
        fails(&dir, file, &["truncated or damaged"]);
    }
}

/// Regression: one cell at XFD1048576 made calamine's dense range take over
/// 9 GB; read cell by cell, the sheet is its real rows.
#[test]
fn valid_a_far_cell_does_not_allocate_the_whole_sheet() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledgers-invalid");
    let s = summary(&dir, &["cell-at-XFD1048576.xlsx"], "2023-10-01");
    assert_eq!(counts(&s["totals"]["problems"]), [2, 1, 1, 4, 1]);
}

/// A problem over two rows whose rows set different deadlines: each measure
/// carries its row's, and the Deadlines tab lists the measures; one deadline
/// merged over the rows stays the problem's own, listed once.
#[test]
fn valid_per_row_deadlines_go_to_their_measures() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let f = Format::new();
    row(
        sheet,
        0,
        &["序号", "反馈问题", "整改措施", "整改时限", "完成情况"],
    );
    sheet.merge_range(1, 0, 2, 0, "1", &f).unwrap();
    sheet.merge_range(1, 1, 2, 1, "资金管理不规范", &f).unwrap();
    row(sheet, 1, &["", "", "清理往来款项", "2023年6月底前", ""]);
    row(sheet, 2, &["", "", "修订财务制度", "2023年9月底前", ""]);
    sheet.merge_range(1, 4, 2, 4, "正在整改", &f).unwrap();
    sheet.merge_range(3, 0, 4, 0, "2", &f).unwrap();
    sheet
        .merge_range(3, 1, 4, 1, "学习制度落实不到位", &f)
        .unwrap();
    row(sheet, 3, &["", "", "建立学习台账"]);
    row(sheet, 4, &["", "", "开展专题研讨"]);
    sheet
        .merge_range(3, 3, 4, 3, "2023年8月31日前", &f)
        .unwrap();
    sheet.merge_range(3, 4, 4, 4, "整改中", &f).unwrap();
    save(&mut book, dir.path(), "rows.xlsx");
    let json = imported(dir.path(), "rows.xlsx");
    let problems = &json["reports"][0]["problems"];
    let first = &problems[0]["measures"];
    assert_eq!(first[0]["deadline"]["date"], "2023-06-30", "{json}");
    assert_eq!(first[1]["deadline"]["date"], "2023-09-30", "{json}");
    assert_eq!(problems[1]["deadline"]["date"], "2023-08-31", "{json}");
    assert!(
        problems[1]["measures"][0].get("deadline").is_none(),
        "{json}"
    );
    // As of 2023-07-15: the June measure is overdue; the September measure
    // and problem 2's own August deadline are not yet due.
    let s = summary(dir.path(), &["rows.xlsx"], "2023-07-15");
    let deadlines = &s["reports"][0]["deadlines"];
    assert_eq!(deadlines["overdue"], 1, "{s}");
    assert_eq!(
        deadlines["later"].as_u64().unwrap_or(0) + deadlines["due_soon"].as_u64().unwrap_or(0),
        2,
        "{s}"
    );
}
