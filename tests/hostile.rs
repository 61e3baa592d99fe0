//! Hostile input through the real binary: files from other offices, web pages
//! and spreadsheets that once panicked a command, escaped into the terminal or
//! made a command write what another then rejects. Each test is named after
//! the defect it pins (issue 13).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Runs the binary and returns (exit code, stdout, stderr), failing on a panic.
fn run(args: &[&str], path: &Path) -> (i32, String, String) {
    let out = zhenggai().args(args).arg(path).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);
    assert!(
        code != 101 && !stderr.contains("panicked"),
        "zhenggai {args:?} {} panicked:\n{stderr}",
        path.display()
    );
    (code, stdout, stderr)
}

/// Every headless command over one file, in every format and on every tab.
fn every_command(path: &Path) -> Vec<(Vec<&'static str>, i32, String, String)> {
    let mut runs: Vec<Vec<&'static str>> = vec![
        vec!["check"],
        vec!["summary", "--format", "text"],
        vec!["summary", "--format", "json"],
        vec!["summary", "--format", "markdown"],
    ];
    for tab in ["overview", "problems", "amounts", "land", "deadlines"] {
        for format in ["txt", "ansi", "svg"] {
            runs.push(vec!["snapshot", "--tab", tab, "--format", format]);
        }
    }
    runs.into_iter()
        .map(|args| {
            let (code, out, err) = run(&args, path);
            (args, code, out, err)
        })
        .collect()
}

/// Regression: a land target of 0.0000000000000000000000000001平方米 passed
/// `check`, then panicked summary, snapshot and the dashboard with "Division
/// overflowed". What check accepts, every command must handle.
#[test]
fn a_tiny_land_target_passes_check_and_every_command_after_it() {
    let path = fixture("tiny-target.json");
    for (args, code, out, err) in every_command(&path) {
        assert_eq!(code, 0, "zhenggai {args:?}: {err}");
        assert!(!out.is_empty(), "zhenggai {args:?} printed nothing");
    }
    // The achieved area is still shown; the ratio that cannot be computed is not.
    let (_, text, _) = run(&["summary", "--as-of", "2022-01-15"], &path);
    let line = text
        .lines()
        .find(|l| l.contains("1,100,000 m²"))
        .unwrap_or_else(|| panic!("no expropriated land in:\n{text}"));
    assert!(!line.contains('%'), "{line}");
}

/// Regression: `import` panicked ("slice index starts at 8 but ends at 3") on
/// a measure holding a thousands separator, `一是1,000元`, in UTF-8 and GB18030.
#[test]
fn a_thousands_separator_in_a_measure_imports_in_utf8_and_gb18030() {
    let dir = tempfile::tempdir().unwrap();
    let text = "关于巡察整改情况的通报\n一是1,000元\n2021年12月30日\n";
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    for (name, bytes) in [("utf8.txt", text.as_bytes()), ("gb.txt", &gb[..])] {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let (code, json, err) = run(&["import"], &input);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(json.contains("\"text\": \"1,000元\""), "{name}: {json}");
        assert!(json.contains("\"value\": \"1000\""), "{name}: {json}");
        let output = dir.path().join(format!("{name}.json"));
        std::fs::write(&output, &json).unwrap();
        let (code, _, err) = run(&["check"], &output);
        assert_eq!(code, 0, "{name}: check rejects what import wrote: {err}");
    }
}
