//! Merged cells in ledgers end to end, through the real binary: ODS spans
//! (which calamine does not report) read like xlsx merges, and a merge an
//! xlsx names badly is a warning. Workbooks are built here: xlsx with
//! rust_xlsxwriter, ODS and the damaged xlsx as zips written by hand.

// clippy.toml allows unwrap inside #[test] functions only; the helpers here
// are test code too, and a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use serde_json::Value;

/// Runs zhenggai in `dir`: its exit code, standard output and error.
fn zhenggai(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("zhenggai")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `import FILE` to standard output, as JSON.
fn imported(dir: &Path, file: &str) -> Value {
    let (code, stdout, stderr) = zhenggai(dir, &["import", file]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn row(sheet: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet.write_string(r, c as u16, *text).unwrap();
        }
    }
}

/// A zip of the named parts; the first stored, the rest deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, bytes)) in parts.iter().enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The ledger of the merge tests: a header, a section row "财务类" merged
/// across (no 一、 to tell it by), problem 1 with 序号, 问题, 单位 and 状态
/// merged over two rows, problem 2 on one row.
const MERGED_ROWS: [&str; 5] = ["序号", "反馈问题", "整改措施", "责任单位", "完成情况"];

fn merged_xlsx(dir: &Path) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("整改台账").unwrap();
    let f = Format::new();
    row(sheet, 0, &MERGED_ROWS);
    sheet.merge_range(1, 0, 1, 4, "财务类", &f).unwrap();
    for (c, text) in [
        (0, "1"),
        (1, "资金管理不规范"),
        (3, "财务股"),
        (4, "已完成"),
    ] {
        sheet.merge_range(2, c, 3, c, text, &f).unwrap();
    }
    row(sheet, 2, &["", "", "清理往来款项"]);
    row(sheet, 3, &["", "", "修订财务制度"]);
    row(
        sheet,
        4,
        &["2", "学习不深入", "建立学习台账", "办公室", "正在整改"],
    );
    let path = dir.join("merged.xlsx");
    book.save(&path).unwrap();
    path
}

/// The same ledger as an ODS written by hand, its merges as spans.
fn merged_ods(dir: &Path) -> PathBuf {
    let cell = |text: &str, rows: u32, columns: u32| {
        let span = if rows > 1 || columns > 1 {
            format!(
                " table:number-columns-spanned=\"{columns}\" table:number-rows-spanned=\"{rows}\""
            )
        } else {
            String::new()
        };
        format!(
            "<table:table-cell office:value-type=\"string\"{span}><text:p>{text}</text:p></table:table-cell>"
        )
    };
    let covered =
        |n: u32| format!("<table:covered-table-cell table:number-columns-repeated=\"{n}\"/>");
    let rows = [
        MERGED_ROWS
            .iter()
            .map(|t| cell(t, 1, 1))
            .collect::<String>(),
        cell("财务类", 1, 5) + &covered(4),
        cell("1", 2, 1)
            + &cell("资金管理不规范", 2, 1)
            + &cell("清理往来款项", 1, 1)
            + &cell("财务股", 2, 1)
            + &cell("已完成", 2, 1),
        covered(2) + &cell("修订财务制度", 1, 1) + &covered(2),
        ["2", "学习不深入", "建立学习台账", "办公室", "正在整改"]
            .iter()
            .map(|t| cell(t, 1, 1))
            .collect(),
    ];
    let body: String = rows
        .iter()
        .map(|r| format!("<table:table-row>{r}</table:table-row>"))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="整改台账"><table:table-column table:number-columns-repeated="5"/>{body}<table:table-row table:number-rows-repeated="1048571"><table:table-cell table:number-columns-repeated="5"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let bytes = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ]);
    let path = dir.join("merged.ods");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// An import with the file's name taken out, to compare two files' reports.
fn imported_without_name(dir: &Path, file: &str) -> String {
    let json = imported(dir, file).to_string();
    let stem = file.split('.').next().unwrap();
    json.replace(file, "FILE").replace(stem, "STEM")
}

/// An ODS whose problem cells are merged over several rows (spans in
/// content.xml, which calamine does not report) reads as the same ledger
/// saved as xlsx does: the section row merged across is a category, not a
/// problem.
#[test]
fn valid_ods_spans_read_like_xlsx_merges() {
    let dir = tempfile::tempdir().unwrap();
    merged_xlsx(dir.path());
    merged_ods(dir.path());
    let xlsx = imported_without_name(dir.path(), "merged.xlsx");
    let ods = imported_without_name(dir.path(), "merged.ods");
    assert_eq!(ods, xlsx);
    let json: Value = serde_json::from_str(&xlsx).unwrap();
    let problems = &json["reports"][0]["problems"];
    assert_eq!(problems.as_array().unwrap().len(), 2, "{json}");
    assert_eq!(
        problems[0]["category"],
        serde_json::json!(["财务类"]),
        "{json}"
    );
    assert_eq!(problems[0]["cells"]["range"], "B3:B4", "{json}");
}

/// A `<mergeCell ref>` that is no cell range is skipped with a warning
/// naming the sheet and the ref; the sheet's other merges still hold.
#[test]
fn invalid_merge_ref_is_a_warning_and_the_other_merges_hold() {
    let dir = tempfile::tempdir().unwrap();
    let path = merged_xlsx(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut data).unwrap();
        if name.ends_with("sheet1.xml") {
            let xml = String::from_utf8(data).unwrap();
            assert!(xml.contains(r#"ref="A2:E2""#), "{xml}");
            data = xml
                .replace(r#"ref="A2:E2""#, r#"ref="A0:XFE2""#)
                .into_bytes();
        }
        parts.push((name, data));
    }
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    std::fs::write(dir.path().join("bad.xlsx"), zip_of(&parts)).unwrap();
    let (code, stdout, stderr) = zhenggai(dir.path(), &["check", "bad.xlsx"]);
    let all = stdout + &stderr;
    assert_eq!(code, 0, "{all}");
    assert!(
        all.contains("整改台账") && all.contains("merged range 'A0:XFE2'"),
        "{all}"
    );
    // Without its merge, "财务类" alone in A2 is read as a problem; problem
    // 1 is still one problem over two rows, closed, with both measures.
    let json = imported(dir.path(), "bad.xlsx");
    let problems = json["reports"][0]["problems"].as_array().unwrap();
    let first = problems.iter().find(|p| p["number"] == "1").unwrap();
    assert_eq!(first["measures"].as_array().unwrap().len(), 2, "{json}");
    assert_eq!(first["cells"]["range"], "B3:B4", "{json}");
}
