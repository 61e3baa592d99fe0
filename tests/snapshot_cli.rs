//! `zhenggai snapshot` end to end through the real binary, on the bundled data
//! as of 2022-01-15: each format, replayed keys, languages, and bad input.
#![allow(clippy::unwrap_used, clippy::panic)]

use assert_cmd::Command;

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR");
    cmd
}

/// Runs `snapshot` with the arguments and returns its standard output; it must succeed.
fn snapshot(cmd: &mut Command, args: &[&str]) -> String {
    let out = cmd
        .args(["snapshot", "--as-of", "2022-01-15"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `snapshot`, which must fail with exit code 2; returns standard error.
fn failing(args: &[&str]) -> String {
    let out = zhenggai()
        .args(["snapshot", "--as-of", "2022-01-15"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

/// Plain text: the Land tab lists 盘活存量建设用地 849.56亩, 40 lines of at most 120 columns.
#[test]
fn txt_shows_the_land_tab() {
    let text = snapshot(&mut zhenggai(), &["--tab", "land", "--format", "txt"]);
    assert!(text.contains("849.56"), "{text}");
    assert!(text.contains("盘活存量建设用地"));
    assert_eq!(text.lines().count(), 40);
    assert!(text.lines().all(|l| !l.ends_with(' ')));
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 120)
    );
}

/// `--ascii` draws borders and marks in ASCII and keeps the Chinese; the
/// locale of the shell (here LANG=C) does not change a snapshot.
#[test]
fn ascii_draws_borders_and_marks_in_ascii() {
    let unicode = snapshot(&mut zhenggai(), &["--size", "100x30"]);
    let ascii = snapshot(&mut zhenggai(), &["--size", "100x30", "--ascii"]);
    let in_c = snapshot(
        zhenggai().env("LANG", "C"),
        &["--size", "100x30", "--lang", "zh"],
    );
    assert!(
        unicode.contains("┌ 完成率 · 截至 2022-01-15 ─"),
        "{unicode}"
    );
    assert!(ascii.contains("+ 完成率 . 截至 2022-01-15 -"), "{ascii}");
    assert!(ascii.contains("v 已完成 11  o 正在整改 3"), "{ascii}");
    assert_eq!(in_c, unicode);
    assert!(
        ascii
            .chars()
            .all(|c| c.is_ascii() || unicode_width::UnicodeWidthChar::width(c) == Some(2)),
        "{ascii}"
    );
}

/// Tabs are also named by their number.
#[test]
fn tab_numbers_name_tabs() {
    let by_name = snapshot(&mut zhenggai(), &["--tab", "land"]);
    let by_number = snapshot(&mut zhenggai(), &["--tab", "6"]);
    assert_eq!(by_name, by_number);
}

/// `--keys '<Enter>'` on the Land tab drills into the first row's source clause.
#[test]
fn keys_are_replayed_through_the_key_table() {
    let top = snapshot(&mut zhenggai(), &["--tab", "land"]);
    assert!(!top.contains("制订2021年度存量产业用地盘活计划"));
    let drilled = snapshot(&mut zhenggai(), &["--tab", "land", "--keys", "<Enter>"]);
    assert!(
        drilled.contains("制订2021年度存量产业用地盘活计划"),
        "{drilled}"
    );
    assert!(drilled.contains("盘活存量建设用地849.56亩"));
    // Enter then Esc is back where it started.
    let back = snapshot(
        &mut zhenggai(),
        &["--tab", "land", "--keys", "<Enter><Esc>"],
    );
    assert_eq!(back, top);
    // Tab moves on to Deadlines.
    let next = snapshot(&mut zhenggai(), &["--tab", "land", "--keys", "<Tab>"]);
    assert_eq!(next, snapshot(&mut zhenggai(), &["--tab", "deadlines"]));
}

/// ANSI output carries SGR sequences with colours, and a reset at each line end.
#[test]
fn ansi_has_colour_sequences() {
    let ansi = snapshot(
        &mut zhenggai(),
        &["--tab", "overview", "--format", "ansi", "--theme", "dark"],
    );
    assert!(ansi.contains("\x1b["));
    assert!(ansi.contains(";36") || ansi.contains(";46"), "no cyan");
    assert!(ansi.lines().all(|l| l.ends_with("\x1b[0m")));
}

/// True when the text has an SGR sequence that sets a colour.
fn has_colour(ansi: &str) -> bool {
    ansi.split("\x1b[").skip(1).any(|seq| {
        let params = seq.split('m').next().unwrap_or("");
        params
            .split(';')
            .any(|p| matches!(p.parse::<u32>(), Ok(30..=49 | 90..=97 | 100..=107)))
    })
}

/// With NO_COLOR, or the mono theme, ANSI output keeps bold and reverse but has no colour.
#[test]
fn no_color_ansi_has_no_colour_codes() {
    let mut cmd = zhenggai();
    cmd.env("NO_COLOR", "1");
    let ansi = snapshot(&mut cmd, &["--tab", "problems", "--format", "ansi"]);
    assert!(ansi.contains("\x1b["));
    assert!(!ansi.contains("38;5") && !ansi.contains("38;2"));
    assert!(!has_colour(&ansi), "colour codes under NO_COLOR");
    assert!(ansi.contains(";7"), "the selection is no longer reversed");
    let mono = snapshot(
        &mut zhenggai(),
        &["--tab", "problems", "--format", "ansi", "--theme", "mono"],
    );
    assert!(!has_colour(&mono), "colour codes with --theme mono");
    let dark = snapshot(
        &mut zhenggai(),
        &["--tab", "problems", "--format", "ansi", "--theme", "dark"],
    );
    assert!(has_colour(&dark));
}

/// SVG: a document of text on a grid, with CJK glyphs two cells apart.
#[test]
fn svg_lays_wide_glyphs_two_cells_apart() {
    let svg = snapshot(&mut zhenggai(), &["--tab", "land", "--format", "svg"]);
    assert!(svg.starts_with("<svg"), "{}", &svg[..100]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<text"));
    assert!(svg.contains("Noto Sans Mono CJK SC"));
    assert!(svg.contains("font-weight=\"bold\""));
    // "土地" in the tab bar: each glyph centred on its two cells of 9.6 px.
    let tabs = svg
        .lines()
        .find(|l| l.contains(">土地</text>"))
        .unwrap_or_else(|| panic!("no 土地 in\n{svg}"));
    let xs: Vec<f64> = tabs
        .split("x=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|x| x.parse().unwrap())
        .collect();
    assert_eq!(xs.len(), 2, "{tabs}");
    assert!((xs[1] - xs[0] - 19.2).abs() < 1e-9, "{tabs}");
    // Every element is closed: as many <text as </text>.
    assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
}

/// `-o` writes the file instead of standard output.
#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shot.svg");
    let stdout = snapshot(
        &mut zhenggai(),
        &["--format", "svg", "-o", path.to_str().unwrap()],
    );
    assert!(stdout.is_empty());
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// `-o` does not replace an existing file without `--force`, as `import` and
/// `generate` do not: exit 2, the file as it was (issue 15).
#[test]
fn output_file_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shot.txt");
    std::fs::write(&path, "keep me").unwrap();
    let err = failing(&["-o", path.to_str().unwrap()]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    snapshot(&mut zhenggai(), &["--force", "-o", path.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&path).unwrap().contains("整改"));
}

/// `--lang en` shows English labels; the size is as asked.
#[test]
fn english_labels_and_size() {
    let text = snapshot(
        &mut zhenggai(),
        &["--lang", "en", "--size", "100x30", "--tab", "overview"],
    );
    assert!(text.contains("Overview"), "{text}");
    assert!(text.contains("Problems"));
    assert!(!text.contains("总览"));
    assert_eq!(text.lines().count(), 30);
}

/// An unknown key name is an error that quotes it.
#[test]
fn unknown_key_name_exits_2() {
    let err = failing(&["--keys", "jj<Foo>"]);
    assert!(err.contains("'<Foo>'"), "{err}");
    assert!(err.contains("<Enter>"), "{err}");
    let err = failing(&["--keys", "<Enter"]);
    assert!(err.contains("unclosed"), "{err}");
}

/// A size that is not WxH, or zero, is an error that quotes it.
#[test]
fn bad_size_exits_2() {
    for bad in ["120", "0x40", "wide", "120x40x2"] {
        let err = failing(&["--size", bad]);
        assert!(err.contains(&format!("'{bad}'")), "{err}");
    }
}

/// Data that does not load gives its diagnostics and exit code 2, as `summary` does.
#[test]
fn bad_data_exits_2_with_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{ not json").unwrap();
    let err = failing(&[path.to_str().unwrap()]);
    assert!(err.contains("bad.json"), "{err}");
}

/// With no path and no --as-of, the bundled demo is reviewed as of its own
/// day, 2022-01-15, and the header says so; given a path, the day is today.
#[test]
fn the_bundled_demo_is_reviewed_as_of_its_own_day_and_says_so() {
    let out = zhenggai().args(["snapshot"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains("截至 2022-01-15（示例日）"), "{header}");
    let out = zhenggai()
        .args(["snapshot", "--lang", "en", "data/wuxi-2021-12-30.json"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    let today = chrono::Local::now().date_naive().to_string();
    assert!(header.contains(&format!("as of {today}")), "{header}");
    assert!(!header.contains("demo"), "{header}");
}

/// Owners at 80x24 in English: the name column's header is whole, the counts
/// stand under their marks, and the sorted one keeps its word (issue 15).
#[test]
fn owners_headers_fit_at_80x24_in_english() {
    let out = snapshot(
        zhenggai().env("LANG", "en_US.UTF-8"),
        &[
            "--tab",
            "owners",
            "--size",
            "80x24",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/examples/整改台账示例.xlsx"
            ),
        ],
    );
    let header = out.lines().nth(3).unwrap();
    assert!(header.contains("responsible leader "), "{header}");
    assert!(header.contains("! late▼"), "{header}");
    assert!(!header.contains('…'), "{header}");
}
