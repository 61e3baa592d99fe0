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

/// The characters of `output` that would act on a terminal: controls other
/// than newline and tab, DEL, C1, bidi controls and the line separators. SGR
/// sequences (colours) are allowed where `colours` says so: `snapshot
/// --format ansi` writes them on purpose.
fn raw_hazards(output: &str, colours: bool) -> Vec<char> {
    let mut text = output.to_owned();
    if colours {
        let mut kept = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("\x1b[") {
            kept.push_str(&rest[..at]);
            let params = rest[at + 2..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b';')
                .count();
            if rest.as_bytes().get(at + 2 + params) == Some(&b'm') {
                rest = &rest[at + 2 + params + 1..];
            } else {
                kept.push('\x1b');
                rest = &rest[at + 1..];
            }
        }
        kept.push_str(rest);
        text = kept;
    }
    text.chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(
                    c,
                    '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
                )
                || ('\u{202a}'..='\u{202e}').contains(c)
                || ('\u{2066}'..='\u{2069}').contains(c)
        })
        .collect()
}

/// Titles, issuers, labels and the dataset name full of OSC 0 (pane title),
/// OSC 52 (clipboard), CSI, C1 and bidi overrides: a crafted file once renamed
/// a tmux pane and set its clipboard through `check`. No command lets one through.
#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("escape")
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "{files:?}");
    // The file name itself is hostile too.
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("x\x1b]0;NAME\x07\u{202e}.json");
    std::fs::copy(fixture("escape-in-key.json"), &named).unwrap();
    files.push(named);
    for file in &files {
        for (args, code, out, err) in every_command(file) {
            let colours = args.contains(&"ansi");
            let bad: Vec<char> = raw_hazards(&out, colours)
                .into_iter()
                .chain(raw_hazards(&err, false))
                .collect();
            assert!(
                bad.is_empty(),
                "zhenggai {args:?} {}: raw {bad:?}",
                file.display()
            );
            assert!(code == 0 || code == 2, "zhenggai {args:?}: exit {code}");
            if code == 2 {
                assert!(
                    err.contains("\\u{1b}") || out.contains("\\u{1b}"),
                    "{args:?}: {err}{out}"
                );
            }
            if args == ["summary", "--format", "json"] && file.ends_with("escapes-in-text.json") {
                let json: serde_json::Value = serde_json::from_str(&out).unwrap();
                let title = json["reports"][0]["title"].as_str().unwrap();
                assert!(
                    title.contains("\x1b]0;PWNED-TITLE\x07"),
                    "the data itself is kept: {title:?}"
                );
            }
            if args.contains(&"markdown") {
                assert!(!out.contains("<script>") && !out.contains('\r'), "{out}");
            }
        }
    }
}

/// The dashboard shows what a hostile title holds rather than hiding it
/// (ratatui drops control characters silently): ESC as ␛, BEL as ␇, C1 and
/// bidi controls as �, each one cell, so the layout stays.
#[test]
fn the_dashboard_shows_escape_sequences_as_visible_stand_ins() {
    let path = fixture("escapes-in-text.json");
    let (code, screen, err) = run(
        &["snapshot", "--lang", "en", "--as-of", "2022-01-15"],
        &path,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        screen.contains("中共示例区␛]0;PWNED-TITLE␇工作委员会"),
        "{screen}"
    );
    assert!(screen.contains("最小示例␛[31m�"), "{screen}");
    let (_, problems, _) = run(&["snapshot", "--tab", "problems", "--lang", "en"], &path);
    assert!(problems.contains("土地利用�31m效率不高�"), "{problems}");
}

/// Every byte printed passes the sanitiser: standard output and standard
/// error are reached only through `sanitize::stdout` / `stderr` (or the
/// dashboard's terminal, whose frames `sanitize::buffer` cleans, and the
/// clipboard, which copies escaped text). Any other way out fails here.
#[test]
fn nothing_reaches_the_terminal_except_through_the_sanitiser() {
    const ALLOWED: &[&str] = &["sanitize.rs", "tui/terminal.rs", "tui/clipboard.rs"];
    const WAYS_OUT: &[&str] = &[
        "println!",
        "eprintln!",
        "print!(",
        "eprint!(",
        "dbg!(",
        "stdout()",
        "stderr()",
        "io::stdout",
        "io::stderr",
    ];
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    let mut offences = Vec::new();
    let mut seen = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let name = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !name.ends_with(".rs") || ALLOWED.contains(&name.as_str()) {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            // Asking whether standard output is a terminal prints nothing.
            let code = code
                .replace("io::stdout().is_terminal()", "")
                .replace("io::stderr().is_terminal()", "");
            let code = code
                .replace("sanitize::stdout()", "")
                .replace("sanitize::stderr()", "");
            // A way out named on its own, not the end of a longer name (use_stderr()).
            let named = |way: &str| {
                code.match_indices(way)
                    .any(|(at, _)| !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            };
            if let Some(way) = WAYS_OUT.iter().find(|w| named(w)) {
                offences.push(format!("src/{name}:{}: {way}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(seen > 30, "only {seen} source files found");
    assert!(
        offences.is_empty(),
        "output that bypasses the sanitiser:\n{}",
        offences.join("\n")
    );
}

/// Regression: `import` exited 0 on texts whose output `check` then rejected
/// (a problem line printed twice, a 23-digit amount). It now loads what it
/// is about to write as `check` does, and writes nothing if that fails.
#[test]
fn import_never_writes_what_check_rejects() {
    let seed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sources/wuxi-2021-12-30.txt"),
    )
    .unwrap();
    let heading = seed.lines().find(|l| l.starts_with("9、")).unwrap();
    let doubled = seed.replace(heading, &format!("{heading}\n{heading}"));
    let huge = seed.replacen("2948万元", "12345678901234567890123万元", 1);
    let dir = tempfile::tempdir().unwrap();
    for (name, text, says) in [
        ("doubled.txt", doubled, "duplicate problem number '9'"),
        (
            "huge.txt",
            huge,
            "value '12345678901234567890123' 万元 is too large",
        ),
    ] {
        let input = dir.path().join(name);
        std::fs::write(&input, text).unwrap();
        let output = dir.path().join(format!("{name}.json"));
        let out = zhenggai()
            .arg("import")
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains("would not pass `zhenggai check`"),
            "{name}: {err}"
        );
        assert!(err.contains(says), "{name}: {err}");
        assert!(
            !output.exists(),
            "{name}: import wrote {}",
            output.display()
        );
    }
}

/// `import --explain` prints excerpts of the source: a text with escape
/// sequences has them shown escaped there and in the JSON.
#[test]
fn import_explain_shows_escapes_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("osc.txt");
    // The importer refuses C0 and C1 controls as "not text"; bidi controls
    // and the line separator are text, and reach the excerpts.
    let text = "关于巡察整改\u{202e}情况的通报\n一是追缴资金3万元\u{2028}。\n\u{202e}网站\u{2066}首页\n2021年12月30日\n";
    std::fs::write(&input, text).unwrap();
    let out = zhenggai()
        .args(["import", "--explain"])
        .arg(&input)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(raw_hazards(&stdout, false).is_empty(), "{stdout}");
    assert!(raw_hazards(&stderr, false).is_empty(), "{stderr}");
    assert!(stderr.contains("\\u{202e}网站\\u{2066}首页"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let title = json["reports"][0]["title"].as_str().unwrap();
    assert!(
        title.contains("整改\u{202e}情况"),
        "the data keeps what the source says: {title}"
    );
}

/// A newline in a file name, a data value or an argument once printed a line
/// of its own ("forged.json:1:1: error: fake", "■ 合计 forged"): every one is
/// escaped where it is put into a line.
#[test]
fn newlines_in_names_and_values_never_forge_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let forged = |text: &str, what: &str| {
        for line in text.lines() {
            assert!(
                !line.starts_with("forged") && !line.starts_with("■ 合计 forged"),
                "{what} printed a forged line: {line:?}\n{text}"
            );
        }
    };
    // A file name.
    let named = dir.path().join("x\nforged.json:1:1: error: fake");
    std::fs::copy(fixture("tiny-target.json"), &named).unwrap();
    for args in [
        &["check"][..],
        &["summary"],
        &["summary", "--format", "markdown"],
    ] {
        let (_, out, err) = run(args, &named);
        forged(&out, "stdout");
        forged(&err, "stderr");
    }
    // A dataset name and a title.
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("tiny-target.json")).unwrap())
            .unwrap();
    json["name"] = "名\n■ 合计 forged line".into();
    json["reports"][0]["title"] = "标题\nforged title".into();
    let data = dir.path().join("names.json");
    std::fs::write(&data, json.to_string()).unwrap();
    // Text shows the newline escaped; a markdown line or cell holds a space.
    for (format, shown, title) in [
        (
            "text",
            "名\\u{a}■ 合计 forged line",
            "■ 标题\\u{a}forged title",
        ),
        (
            "markdown",
            "# 名 ■ 合计 forged line",
            "## 标题 forged title",
        ),
    ] {
        let (code, out, err) = run(&["summary", "--format", format], &data);
        assert_eq!(code, 0, "{err}");
        forged(&out, format);
        assert!(out.contains(shown), "{out}");
        assert!(out.contains(title), "{out}");
    }
    // An output path.
    let out_path = dir.path().join("nodir\nforged: all good").join("x.txt");
    let (code, _, err) = run(&["snapshot", "-o"], &out_path);
    assert_eq!(code, 2);
    forged(&err, "snapshot -o");
}

/// `"date": null` is no date, as the schema allows; only a string must be a
/// whole YYYY-MM-DD.
#[test]
fn a_null_date_is_no_date() {
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("tiny-target.json")).unwrap())
            .unwrap();
    json["reports"][0]["signed"] = serde_json::Value::Null;
    json["reports"][0]["problems"][1]["ongoing"][0]["deadline"]["date"] = serde_json::Value::Null;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("null.json");
    std::fs::write(&data, json.to_string()).unwrap();
    let (code, out, _) = run(&["check"], &data);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 errors"), "{out}");
}
