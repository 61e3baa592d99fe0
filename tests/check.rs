//! `zhenggai check` end to end, through the real binary, on the fixtures in
//! tests/fixtures/valid and tests/fixtures/invalid.

// clippy.toml allows unwrap inside #[test] functions only; the helpers here
// are test code too, and a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const INVALID: &str = "tests/fixtures/invalid";
const VALID: &str = "tests/fixtures/valid";

/// The result of one run: the exit code and everything printed.
struct Run {
    code: i32,
    output: String,
}

/// Runs `zhenggai check ARGS…` from the package root, so paths print as given.
fn check(args: &[&str]) -> Run {
    check_with_stdin(args, "")
}

fn check_with_stdin(args: &[&str], stdin: &str) -> Run {
    let output = Command::cargo_bin("zhenggai")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    // Diagnostics go to stdout; stderr is included so that the tests do not
    // depend on that choice.
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Run {
        code: output.status.code().unwrap_or(-1),
        output: text,
    }
}

fn invalid(name: &str) -> String {
    format!("{INVALID}/{name}")
}

/// Asserts exit code 2 and that the output holds every one of `needles`.
fn assert_fails_with(run: &Run, needles: &[&str]) {
    assert_eq!(run.code, 2, "exit code; output:\n{}", run.output);
    for needle in needles {
        assert!(
            run.output.contains(needle),
            "missing {needle:?} in:\n{}",
            run.output
        );
    }
    assert_no_debug_dump(run);
}

/// Messages are one clear line, never a panic or a Rust Debug dump.
fn assert_no_debug_dump(run: &Run) {
    for bad in ["panicked", "Error(", "Error {", "Some(", "RUST_BACKTRACE"] {
        assert!(
            !run.output.contains(bad),
            "found {bad:?} in:\n{}",
            run.output
        );
    }
}

fn fails(name: &str, needles: &[&str]) {
    let path = invalid(name);
    let run = check(&[&path]);
    assert_fails_with(&run, needles);
    assert!(
        run.output.contains(&path),
        "the file name is named:\n{}",
        run.output
    );
}

/// A missing file is named, with the reason, and nothing is loaded.
#[test]
fn invalid_missing_file_says_no_such_file() {
    let run = check(&["tests/fixtures/no-such-file.json"]);
    assert_fails_with(
        &run,
        &[
            "cannot read 'tests/fixtures/no-such-file.json': no such file",
            "1 error",
        ],
    );
}

/// A directory without data files is an error; schema.json and other files do not count.
#[test]
fn invalid_directory_without_json_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("schema.json"), "{}").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not data").unwrap();
    let path = dir.path().display().to_string();
    let run = check(&[&path]);
    assert_fails_with(&run, &[&format!("no data files in directory '{path}'")]);
}

/// A directory of data beside unrelated files (a package.json, a JSON Schema
/// under another name, a sub-directory) loads its data and names each of the
/// others in one warning, saying why; exit 0.
#[test]
fn valid_directory_with_unrelated_json_loads_the_data_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("data/wuxi-2021-12-30.json", dir.path().join("data.json")).unwrap();
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name": "x", "version": "1.0.0"}"#,
    )
    .unwrap();
    std::fs::copy("data/schema.json", dir.path().join("zhenggai-schema.json")).unwrap();
    std::fs::create_dir(dir.path().join("2023")).unwrap();
    let path = dir.path().display().to_string();
    let run = check(&[&path]);
    assert_eq!(run.code, 0, "{}", run.output);
    for part in [
        "warning: skipped 3 file(s) that are not data",
        "'package.json' (JSON, but no \"reports\" in it)",
        "'zhenggai-schema.json' (a JSON Schema)",
        "'2023/' (a sub-directory",
        "2 reports, 0 errors, 1 warning",
    ] {
        assert!(run.output.contains(part), "{part} not in {}", run.output);
    }
}

/// An empty file gets its own message, not a parser's.
#[test]
fn invalid_empty_file() {
    fails("empty.json", &["empty.json: error: the file is empty"]);
}

/// Invalid UTF-8 (GBK bytes in a string) is found with the line and column of the first bad byte.
#[test]
fn invalid_utf8_gives_line_and_column_of_the_first_bad_byte() {
    fails(
        "invalid-utf8.json",
        &["invalid-utf8.json:55:22: error: invalid UTF-8", "iconv"],
    );
}

/// A truncated file says so, with where the text stops.
#[test]
fn invalid_truncated_file_says_it_ends_early() {
    fails(
        "truncated.json",
        &[
            "truncated.json:25:2: error:",
            "$.reports[0].problems[0].measures[0]",
            "ends in the middle",
            "truncated",
        ],
    );
}

/// A date in the wrong format is quoted, at the line and column of the value.
#[test]
fn invalid_date_quotes_the_bad_value() {
    fails(
        "wrong-date.json",
        &[
            "wrong-date.json:9:20: error: $.reports[0].published: expected a date YYYY-MM-DD, found '2021/12/30'",
        ],
    );
}

/// A decimal written as a JSON number is quoted, and the hint says how to write it.
#[test]
fn invalid_decimal_written_as_a_number() {
    fails(
        "decimal-as-number.json",
        &[
            "decimal-as-number.json:33:28:",
            "$.reports[0].problems[0].measures[0].figures[0].value: expected a decimal number in quotes, found the number '849.56'",
            "\"849.56\"",
        ],
    );
}

/// A missing required field is named, at the object that lacks it.
#[test]
fn invalid_missing_field_is_named() {
    fails(
        "missing-field.json",
        &["missing-field.json:5:5: error: $.reports[0]: missing required field 'id'"],
    );
}

/// An unknown field points at its key and suggests the field meant.
#[test]
fn invalid_unknown_field_suggests_the_close_name() {
    fails(
        "unknown-field.json",
        &[
            "unknown-field.json:9:7: error: $.reports[0].publishd: unknown field 'publishd'",
            "did you mean 'published'?",
        ],
    );
}

/// An unknown enum value lists the allowed ones and suggests the close one.
#[test]
fn invalid_unknown_value_lists_the_allowed_values() {
    fails(
        "unknown-value.json",
        &[
            "unknown-value.json:10:31: error: $.reports[0].inspection.kind: unknown value 'inspektion'",
            "'follow_up'",
            "did you mean 'inspection'?",
        ],
    );
}

/// A file of another schema version is reported as such, not by the other errors it has.
#[test]
fn invalid_unsupported_schema_version_is_reported_instead_of_other_errors() {
    let run = check(&[&invalid("unsupported-version.json")]);
    assert_fails_with(
        &run,
        &[
            "unsupported-version.json:2:21: error: $.schema_version: unsupported schema_version '7' (this build reads 1 and 2)",
        ],
    );
    assert!(!run.output.contains("published_on"), "{}", run.output);
    assert!(run.output.contains("1 error,"), "{}", run.output);
}

/// Plain text is recognised as not JSON at all, and the importer is suggested.
#[test]
fn invalid_not_json_at_all() {
    fails(
        "not-json.json",
        &[
            "not-json.json:1:1: error: not a JSON file: it starts with '中共无锡",
            "zhenggai import",
        ],
    );
}

/// JSON that is not an object is told apart from text that is not JSON.
#[test]
fn invalid_top_level_list_is_not_a_dataset() {
    fails(
        "top-level-list.json",
        &[
            "top-level-list.json:1:1: error: expected a JSON object",
            "found a list",
        ],
    );
}

/// A syntax error gives the position the parser stopped at, in characters.
#[test]
fn invalid_syntax_error_gives_the_position() {
    fails(
        "syntax-error.json",
        &[
            "syntax-error.json:21:11: error: $.reports[0].problems[0]: invalid JSON: expected ',' or '}'",
        ],
    );
}

/// Two reports with one id in one file: the second is the error.
#[test]
fn invalid_duplicate_report_id_points_at_the_second() {
    fails(
        "duplicate-report-id.json",
        &[
            "duplicate-report-id.json:134:13: error: $.reports[1].id: duplicate report id 'demo-2021-12-30'",
            "$.reports[0]",
        ],
    );
}

/// The same report id in two files: the one in the second file is the error.
#[test]
fn invalid_duplicate_report_id_across_files_names_the_first_file() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.json");
    std::fs::copy(format!("{VALID}/minimal.json"), &copy).unwrap();
    let copy = copy.display().to_string();
    let run = check(&[&format!("{VALID}/minimal.json"), &copy]);
    assert_fails_with(
        &run,
        &[
            &format!("{copy}:6:13: error: $.reports[0].id: duplicate report id 'demo-2021-12-30'"),
            "already the id of $.reports[0] in tests/fixtures/valid/minimal.json",
        ],
    );
}

/// Two problems with one number in one section.
#[test]
fn invalid_duplicate_problem_number_in_a_section() {
    fails(
        "duplicate-problem-number.json",
        &[
            "duplicate-problem-number.json:54:21: error: $.reports[0].problems[1].number: duplicate problem number '1' in section '（一）已完成整改的问题'",
        ],
    );
}

/// An unknown unit lists the known units of the figure's kind.
#[test]
fn invalid_unknown_unit_lists_known_units_of_its_kind() {
    fails(
        "unknown-unit.json",
        &[
            "unknown-unit.json:34:27: error: $.reports[0].problems[0].measures[0].figures[0].unit: unknown unit '英亩'",
            "known area units: 亩, 万亩, 平方米, 万平方米, 公顷",
        ],
    );
}

/// A negative normalized value is an error, reported once.
#[test]
fn invalid_negative_value() {
    let run = check(&[&invalid("negative-value.json")]);
    assert_fails_with(
        &run,
        &[
            "negative-value.json:99:33: error: $.reports[0].problems[1].ongoing[0].figures[0].normalized: negative normalized value '-4596600'",
            "1 error,",
        ],
    );
}

/// Schema version 2: a cell range not in A1 notation, 立行立改 with no day,
/// 长期坚持 with a day, a people count its quote does not state and a rate
/// above 100% are each named with their JSON path and the bad value.
#[test]
fn invalid_v2_ledger_fields_and_stated_results_are_each_named() {
    fails(
        "v2-ledger-errors.json",
        &[
            "$.reports[0].problems[0].cells.range: cell range 'A5:5H' is not in A1 notation",
            "$.reports[0].problems[2].deadline.date_from: 'date_from' '立行立改：按台账填报日期' explains a date, but the deadline has none",
            "$.reports[0].problems[4].deadline.date: long-term deadline '长期坚持' has a date '2023-12-31'",
            "$.reports[0].people[0].count: count '4' is not written in its quote '给予党纪处分3人'",
            "$.reports[0].stated.completion_rate.percent: completion rate '187.1' is not between 0 and 100",
            "5 errors, 0 warnings; nothing loaded",
        ],
    );
}

/// The v2 fixtures (a ledger whose deadlines fall before its own date, and a
/// report with general paragraphs, people and rules) pass.
#[test]
fn valid_v2_fixtures_pass() {
    for name in ["v2-ledger.json", "v2-report.json"] {
        let run = check(&[&format!("{VALID}/{name}")]);
        assert_eq!(run.code, 0, "{}", run.output);
        assert!(
            run.output.contains("0 errors, 0 warnings"),
            "{}",
            run.output
        );
    }
}

/// A deadline before the report was published.
#[test]
fn invalid_deadline_before_publication() {
    fails(
        "deadline-before-published.json",
        &[
            "deadline-before-published.json:92:56: error: $.reports[0].problems[1].ongoing[0].deadline.date",
            "deadline '2021-01-31' is before the report's publication date '2021-12-30'",
        ],
    );
}

/// A deadline date that is not what its text means.
#[test]
fn invalid_deadline_date_not_matching_its_text() {
    fails(
        "deadline-date-mismatch.json",
        &[
            "deadline-date-mismatch.json:92:56: error:",
            "deadline date '2022-01-01' does not match its text '2022年1月'",
            "means 2022-01-31",
        ],
    );
}

/// A stated count below the transcribed problems, with both numbers.
#[test]
fn invalid_stated_total_contradicting_the_problems_names_both_numbers() {
    fails(
        "stated-total-contradiction.json",
        &[
            "stated-total-contradiction.json:15:28: error: $.reports[0].stated.open.value",
            "states 0 open problems, but 1 open problem is transcribed",
        ],
    );
}

/// A figure whose text is not in its quote.
#[test]
fn invalid_figure_text_not_in_its_quote() {
    fails(
        "quote-lacks-text.json",
        &[
            "quote-lacks-text.json:76:27: error:",
            "figure text '120万平方米' is not in its quote '征收拆迁110万平方米'",
        ],
    );
}

/// A figure whose value is not the number its text writes (四 is 4, not 3).
#[test]
fn invalid_value_not_written_in_the_figure_text() {
    fails(
        "text-lacks-value.json",
        &[
            "text-lacks-value.json:43:28: error: $.reports[0].problems[0].measures[0].figures[1].value",
            "value '3' is not written in the figure text '四次'",
        ],
    );
}

/// A normalized value that is not value × factor (亩 is 10000/15 m²).
#[test]
fn invalid_normalized_not_matching_value_times_factor() {
    fails(
        "normalized-mismatch.json",
        &[
            "normalized-mismatch.json:35:33: error:",
            "normalized '8495600' does not match 849.56亩 = 566373.33",
        ],
    );
}

/// A target id that no figure has, with the close one suggested.
#[test]
fn invalid_unknown_target_id() {
    fails(
        "unknown-target.json",
        &[
            "unknown-target.json:82:29: error: $.reports[0].problems[1].measures[0].figures[1].target",
            "target 'expropriated-flor' is not the id of any figure in this report",
            "did you mean 'expropriated-floor'?",
        ],
    );
}

/// A target that refers to a figure whose role is not target.
#[test]
fn invalid_target_whose_role_is_not_target() {
    fails(
        "target-not-a-target.json",
        &[
            "target-not-a-target.json:82:29: error:",
            "target 'land-revitalised' is a figure with role 'achieved', not 'target'",
        ],
    );
}

/// Two figures of one report with one id: the second is the error.
#[test]
fn invalid_duplicate_figure_id() {
    fails(
        "duplicate-figure-id.json",
        &[
            "duplicate-figure-id.json:41:25: error: $.reports[0].problems[0].measures[0].figures[1].id",
            "duplicate figure id 'land-revitalised'",
        ],
    );
}

/// Every error in a file is reported at once, not just the first.
#[test]
fn invalid_file_with_three_errors_reports_all_three() {
    let run = check(&[&invalid("three-errors.json")]);
    assert_fails_with(
        &run,
        &[
            "three-errors.json:43:28: error: $.reports[0].problems[0].measures[0].figures[1].value",
            "three-errors.json:92:56: error: $.reports[0].problems[1].ongoing[0].deadline.date",
            "three-errors.json:98:27: error: $.reports[0].problems[1].ongoing[0].figures[0].unit: unknown unit '万圆'",
            "3 errors, 0 warnings",
        ],
    );
}

/// Errors in several files are all reported, file by file.
#[test]
fn invalid_errors_in_several_files_are_all_reported() {
    let run = check(&[
        &invalid("wrong-date.json"),
        &invalid("unknown-unit.json"),
        "tests/nothing.json",
    ]);
    assert_fails_with(
        &run,
        &[
            "wrong-date.json:9:20",
            "unknown-unit.json:34:27",
            "cannot read 'tests/nothing.json'",
            "3 errors",
        ],
    );
}

/// Every invalid fixture fails with exit code 2, readable messages and no panic.
#[test]
fn invalid_every_fixture_fails_cleanly() {
    let mut count = 0;
    for entry in std::fs::read_dir(INVALID).unwrap() {
        let path = entry.unwrap().path().display().to_string();
        let run = check(&[&path]);
        assert_fails_with(&run, &[&path, "error:", "nothing loaded"]);
        count += 1;
    }
    assert!(count >= 18, "only {count} invalid fixtures");
}

/// The invalid directory as a whole: every file's errors at once.
#[test]
fn invalid_directory_reports_every_file() {
    let run = check(&[INVALID]);
    assert_fails_with(
        &run,
        &[
            "empty.json",
            "wrong-date.json",
            "three-errors.json",
            "nothing loaded",
        ],
    );
}

/// A valid file loads: exit 0 and a one-line summary.
#[test]
fn valid_file_passes_with_a_summary() {
    let run = check(&[&format!("{VALID}/minimal.json")]);
    assert_eq!(run.code, 0, "{}", run.output);
    assert_eq!(
        run.output,
        "tests/fixtures/valid/minimal.json: 1 report, 0 errors, 0 warnings\n"
    );
}

/// Warnings are printed but do not fail the check.
#[test]
fn valid_file_with_warnings_passes_and_prints_them() {
    let run = check(&[&format!("{VALID}/warnings-only.json")]);
    assert_eq!(run.code, 0, "{}", run.output);
    for needle in [
        "warnings-only.json:18:9: warning: $.reports[0].problems[0].title: problem '1' has no title",
        "warnings-only.json:93:17: warning: $.reports[0].problems[1].ongoing[0].figures[0]: money figure '459.66万元' has no normalized value",
        "hint: add \"normalized\": \"4596600\"",
        "warnings-only.json: 1 report, 0 errors, 2 warnings",
    ] {
        assert!(
            run.output.contains(needle),
            "missing {needle:?} in:\n{}",
            run.output
        );
    }
}

/// A directory loads every *.json inside, sorted by name.
#[test]
fn valid_directory_loads_every_file() {
    let run = check(&[VALID]);
    assert_eq!(run.code, 0, "{}", run.output);
    assert!(
        run.output
            .ends_with("tests/fixtures/valid: 4 reports, 0 errors, 2 warnings\n"),
        "{}",
        run.output
    );
}

/// `-` reads standard input, named <stdin> in messages.
#[test]
fn standard_input_is_read_and_named() {
    let text = std::fs::read_to_string(format!("{INVALID}/wrong-date.json")).unwrap();
    let run = check_with_stdin(&["-"], &text);
    assert_fails_with(
        &run,
        &[
            "<stdin>:9:20: error: $.reports[0].published",
            "<stdin>: 1 error",
        ],
    );
    let text = std::fs::read_to_string(format!("{VALID}/minimal.json")).unwrap();
    let run = check_with_stdin(&["-"], &text);
    assert_eq!(run.code, 0, "{}", run.output);
    assert_eq!(run.output, "<stdin>: 1 report, 0 errors, 0 warnings\n");
}

/// The data bundled into the binary passes its own check.
#[test]
fn bundled_data_passes_check() {
    let run = check(&[]);
    assert_eq!(run.code, 0, "{}", run.output);
    assert!(run.output.starts_with("bundled data"), "{}", run.output);
    assert!(run.output.contains("0 errors"), "{}", run.output);
}

/// Checking never modifies the files it reads.
#[test]
fn input_files_are_never_modified() {
    let files: Vec<PathBuf> = [INVALID, VALID]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let modified: Vec<_> = files
        .iter()
        .map(|f| f.metadata().unwrap().modified().unwrap())
        .collect();
    check(&[INVALID, VALID]);
    for file in &files {
        check(&[&file.display().to_string()]);
    }
    for ((file, bytes), time) in files.iter().zip(&before).zip(&modified) {
        assert_eq!(
            &std::fs::read(file).unwrap(),
            bytes,
            "{} changed",
            file.display()
        );
        assert_eq!(
            &file.metadata().unwrap().modified().unwrap(),
            time,
            "{} touched",
            file.display()
        );
    }
    let after = [INVALID, VALID]
        .iter()
        .map(|dir| Path::new(dir).read_dir().unwrap().count())
        .sum::<usize>();
    assert_eq!(after, files.len(), "no files were added or removed");
}

/// A directory of more files than the process may hold open at once loads:
/// each file is opened when its turn comes and closed when it is done.
#[test]
fn a_directory_of_more_files_than_open_file_slots_loads() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = std::fs::read_to_string("tests/fixtures/valid/minimal.json").unwrap();
    for i in 0..200 {
        let text = minimal.replace("demo-2021-12-30", &format!("demo-{i}"));
        std::fs::write(dir.path().join(format!("f{i:03}.json")), text).unwrap();
    }
    let script = format!(
        "ulimit -n 48 && exec {} check {}",
        env!("CARGO_BIN_EXE_zhenggai"),
        dir.path().display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("200 reports, 0 errors"), "{stdout}");
}
