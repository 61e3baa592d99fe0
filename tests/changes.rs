//! `zhenggai diff` and `zhenggai history` end to end through the real binary,
//! on the pairs of versions in tests/fixtures/changes; and the property that
//! a dataset compared with itself has no changes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use zhenggai::diff::{self, identity};

const FIXTURES: &str = "tests/fixtures/changes";

/// The result of one run: exit code, standard output, standard error.
struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Runs `zhenggai ARGS…` from the package root, in Chinese unless told.
fn zhenggai(args: &[&str]) -> Run {
    let output = Command::cargo_bin("zhenggai")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&output.stdout).into_owned(),
        err: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// `diff --format json` of a fixture pair ("kinds" → kinds-old.json, kinds-new.json).
fn diff_json(pair: &str, extra: &[&str]) -> Value {
    let (old, new) = (
        fixture(&format!("{pair}-old.json")),
        fixture(&format!("{pair}-new.json")),
    );
    let mut args = vec!["diff", old.as_str(), new.as_str(), "--format", "json"];
    args.extend(extra);
    let run = zhenggai(&args);
    assert_eq!(run.code, 0, "{}", run.err);
    serde_json::from_str(&run.out).unwrap()
}

/// The titles of a list of changes.
fn titles(json: &Value, list: &str) -> Vec<String> {
    json[list]
        .as_array()
        .unwrap_or_else(|| panic!("no list {list} in {json}"))
        .iter()
        .map(|c| c["title"].as_str().unwrap().to_owned())
        .collect()
}

const LISTS: [&str; 10] = [
    "closed",
    "reopened",
    "postponed",
    "brought_forward",
    "new",
    "removed",
    "newly_overdue",
    "status_changed",
    "split",
    "ambiguous",
];

/// The bundled reports against themselves: every list empty, the rates unchanged, exit 0.
#[test]
fn a_dataset_against_itself_shows_no_change_in_every_format() {
    let data = "data/wuxi-2021-12-30.json";
    let run = zhenggai(&["diff", data, data, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let json: Value = serde_json::from_str(&run.out).unwrap();
    for list in LISTS {
        assert_eq!(json[list], Value::Array(vec![]), "{list}");
    }
    assert_eq!(json["total"]["change_points"], 0);
    assert_eq!(
        json["total"]["old"]["percent"],
        json["total"]["new"]["percent"]
    );
    let text = zhenggai(&["diff", data, data]);
    assert_eq!(text.code, 0);
    assert!(text.out.contains("没有问题发生变化。"), "{}", text.out);
    let md = zhenggai(&["diff", data, data, "--format", "markdown", "--lang", "en"]);
    assert_eq!(md.code, 0);
    assert!(md.out.contains("No problem changed."), "{}", md.out);
    assert!(!md.out.contains("### "), "no list headings: {}", md.out);
}

/// One ledger a month later: each kind of change lands in its own list.
#[test]
fn every_kind_of_change_is_listed_with_its_old_and_new_values() {
    let json = diff_json("kinds", &["--as-of", "2023-08-20"]);
    assert_eq!(titles(&json, "closed"), ["资金管理不规范"]);
    assert_eq!(titles(&json, "reopened"), ["合同管理存在漏洞"]);
    assert_eq!(titles(&json, "postponed"), ["工程项目审批不严"]);
    assert_eq!(titles(&json, "brought_forward"), ["党建工作基础薄弱"]);
    assert_eq!(titles(&json, "newly_overdue"), ["公务用车管理不严"]);
    assert_eq!(titles(&json, "new"), ["意识形态工作责任制落实不到位"]);
    assert_eq!(titles(&json, "removed"), ["档案管理混乱"]);
    assert_eq!(
        titles(&json, "status_changed"),
        ["工程项目审批不严", "干部队伍建设滞后"]
    );
    let closed = &json["closed"][0];
    assert_eq!(closed["unit"], "中共示例区财政局党组");
    assert_eq!(closed["number"], "1");
    assert_eq!(closed["old"]["status"], "open");
    assert_eq!(closed["new"]["status"], "closed");
    assert_eq!(closed["new"]["status_text"], "已销号");
    let postponed = &json["postponed"][0];
    assert_eq!(postponed["old"]["deadline"], "2023-07-31");
    assert_eq!(postponed["new"]["deadline"], "2023-12-31");
    assert_eq!(postponed["new"]["deadline_text"], "2023年底");
    let overdue = &json["newly_overdue"][0];
    assert_eq!(overdue["old"]["overdue"], false);
    assert_eq!(overdue["old"]["as_of"], "2023-06-30");
    assert_eq!(overdue["new"]["overdue"], true);
    assert_eq!(overdue["new"]["as_of"], "2023-08-20");
    // One old 食堂 problem, two new ones: shown, not guessed.
    let ambiguous = &json["ambiguous"][0];
    assert_eq!(ambiguous["reason"], "same_text");
    assert_eq!(ambiguous["old"].as_array().unwrap().len(), 1);
    assert_eq!(ambiguous["new"].as_array().unwrap().len(), 2);
    // 1 of 8 closed → 1 of 9: 资金 closed, 合同 reopened, one problem more.
    assert_eq!(json["total"]["old"]["percent"], 12.5);
    assert_eq!(json["total"]["new"]["percent"], 11.1);
    assert_eq!(json["total"]["change_points"], -1.4);
    assert_eq!(json["total"]["new"]["basis"], "transcribed");
    assert_eq!(json["as_of"], "2023-08-20");
}

/// Without --as-of the new ledger is read on its own date, 2023-07-31, when
/// the 2023-08-15 deadline had not yet passed.
#[test]
fn without_as_of_each_version_is_read_on_its_own_date() {
    let json = diff_json("kinds", &[]);
    assert_eq!(json["newly_overdue"], Value::Array(vec![]));
    assert_eq!(json["as_of"], Value::Null);
    assert_eq!(json["versions"]["new"]["date"], "2023-07-31");
}

/// A problem removed and the ones after it renumbered: each found by its
/// text (quotes and spaces aside), the new number shown with the old.
#[test]
fn renumbered_problems_keep_their_identity() {
    let json = diff_json("renumbered", &[]);
    assert_eq!(titles(&json, "closed"), ["三重一大决策制度 执行不严格"]);
    assert_eq!(json["closed"][0]["number"], "2");
    assert_eq!(json["closed"][0]["old"]["number"], "3");
    assert_eq!(titles(&json, "removed"), ["师德师风建设不到位"]);
    assert_eq!(titles(&json, "new"), ["教育经费使用效益不高"]);
    for list in ["ambiguous", "split", "status_changed", "postponed"] {
        assert_eq!(json[list], Value::Array(vec![]), "{list}");
    }
    let text = zhenggai(&[
        "diff",
        &fixture("renumbered-old.json"),
        &fixture("renumbered-new.json"),
    ]);
    assert!(
        text.out
            .contains("2（原3） · 三重一大决策制度 执行不严格  正在整改 → 已完成"),
        "{}",
        text.out
    );
}

/// Problem 2 becomes 2-1 and 2-2: one split, not one removed and two new.
#[test]
fn a_problem_split_in_two_is_reported_as_a_split() {
    let json = diff_json("split", &[]);
    let split = &json["split"][0];
    assert_eq!(split["number"], "2");
    assert_eq!(split["title"], "资金和合同管理不规范");
    let parts: Vec<&str> = split["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["number"].as_str().unwrap())
        .collect();
    assert_eq!(parts, ["2-1", "2-2"]);
    assert_eq!(json["new"], Value::Array(vec![]));
    assert_eq!(json["removed"], Value::Array(vec![]));
    let md = zhenggai(&[
        "diff",
        &fixture("split-old.json"),
        &fixture("split-new.json"),
        "--format",
        "markdown",
    ]);
    assert!(md.out.contains("### 拆分 (1)"), "{}", md.out);
    assert!(
        md.out.contains(
            "2 · 资金和合同管理不规范 → 2-1 · 专项资金管理不规范；2-2 · 合同签订审查不严"
        ),
        "{}",
        md.out
    );
}

/// A second unit in the new round: its problems are new, its rate has no
/// old value, and the total counts it.
#[test]
fn a_unit_added_has_no_old_rate_and_counts_in_the_total() {
    let json = diff_json("unit-added", &[]);
    assert_eq!(titles(&json, "new"), ["资金管理不规范", "公务用车管理不严"]);
    assert_eq!(titles(&json, "closed"), ["安全生产监管缺位"]);
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    // The unit's report id changed between rounds; its issuer did not.
    assert_eq!(units[0]["unit"], "中共示例镇委员会");
    assert_eq!(units[0]["change_points"], 50);
    assert_eq!(units[1]["unit"], "中共示例区财政局党组");
    assert_eq!(units[1]["old"], Value::Null);
    assert_eq!(units[1]["new"]["percent"], 50);
    assert_eq!(json["total"]["old"]["percent"], 50);
    assert_eq!(json["total"]["new"]["percent"], 75);
    assert_eq!(json["total"]["change_points"], 25);
}

/// The text and Markdown a meeting note gets, in both languages.
#[test]
fn text_and_markdown_read_as_a_meeting_note_in_either_language() {
    let (old, new) = (fixture("kinds-old.json"), fixture("kinds-new.json"));
    let zh = zhenggai(&["diff", &old, &new, "--as-of", "2023-08-20"]);
    assert_eq!(zh.code, 0, "{}", zh.err);
    for line in [
        "完成率  12.5% (1/8) → 11.1% (1/9)  -1.4个百分点（按列出的问题）",
        "已完成整改 (1)",
        "  中共示例区财政局党组 · 1 · 资金管理不规范  正在整改（正在推进） → 已完成（已销号）",
        "延期 (1)",
        "  中共示例区财政局党组 · 3 · 工程项目审批不严  2023-07-31（2023年7月） → 2023-12-31（2023年底）",
        "新近逾期 (1)",
        "截至2023-08-20已逾期",
        "已移除 (1)",
        "无法确定对应关系 (1)",
    ] {
        assert!(zh.out.contains(line), "{line:?} not in\n{}", zh.out);
    }
    let en = zhenggai(&["diff", &old, &new, "--format", "markdown", "--lang", "en"]);
    assert_eq!(en.code, 0, "{}", en.err);
    for line in [
        "## Changes",
        "| **Total** | 12.5% (1/8) | 11.1% (1/9) | -1.4 points (counted from the problems listed) |",
        "### Postponed (1)",
        "| 中共示例区财政局党组 | 3 | 工程项目审批不严 | 2023-07-31 (2023年7月) | 2023-12-31 (2023年底) |",
        "### Brought forward (1)",
        "### Removed (1)",
    ] {
        assert!(en.out.contains(line), "{line:?} not in\n{}", en.out);
    }
}

/// A missing file, a broken file or a bad day: a clear message and exit 2.
#[test]
fn bad_input_exits_2_naming_the_file() {
    let good = fixture("kinds-old.json");
    let missing = zhenggai(&["diff", &good, "tests/fixtures/changes/no-such.json"]);
    assert_eq!(missing.code, 2);
    assert!(missing.err.contains("no-such.json"), "{}", missing.err);
    assert!(missing.out.is_empty());
    let broken = zhenggai(&["diff", "tests/fixtures/invalid/syntax-error.json", &good]);
    assert_eq!(broken.code, 2);
    assert!(broken.err.contains("syntax-error.json"), "{}", broken.err);
    let day = zhenggai(&["diff", &good, &good, "--as-of", "2023-13-01"]);
    assert_eq!(day.code, 2);
    assert!(day.err.contains("YYYY-MM-DD"), "{}", day.err);
    let one = zhenggai(&["diff", &good]);
    assert_eq!(one.code, 2, "OLD and NEW are both needed");
}

/// Titles and issuers holding escape sequences are printed escaped in every
/// format, never raw.
#[test]
fn hostile_text_reaches_no_terminal_raw() {
    let (old, new) = (
        "tests/fixtures/valid/minimal.json",
        "tests/fixtures/hostile/escapes-in-text.json",
    );
    for format in ["text", "markdown", "json"] {
        let run = zhenggai(&["diff", old, new, "--format", format]);
        assert_eq!(run.code, 0, "{}", run.err);
        assert!(!run.out.contains('\x1b'), "{format}: {}", run.out);
        assert!(!run.out.contains('\u{202e}'), "{format}: {}", run.out);
        assert!(run.out.contains("土地利用"), "{format}: {}", run.out);
    }
}

/// Three versions, named out of date order, one dated only by its name:
/// oldest first, each with its rate, the change, and what was overdue then.
#[test]
fn history_lists_versions_oldest_first_in_every_format() {
    let dir = fixture("history");
    let run = zhenggai(&["history", &dir, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let json: Value = serde_json::from_str(&run.out).unwrap();
    let versions = json["versions"].as_array().unwrap();
    let column = |key: &str| -> Vec<Value> { versions.iter().map(|v| v[key].clone()).collect() };
    assert_eq!(
        column("file"),
        ["v2.json", "v1.json", "整改台账2023年8月31日.json"]
    );
    assert_eq!(column("date"), ["2023-06-30", "2023-07-31", "2023-08-31"]);
    assert_eq!(column("date_from"), ["reports", "reports", "file_name"]);
    assert_eq!(column("percent"), [12.5, 11.1, 22.2]);
    assert_eq!(
        column("change_points"),
        [Value::Null, (-1.4).into(), 11.1.into()]
    );
    // 公务用车, due 2023-08-15, is overdue only in the version of 2023-08-31.
    assert_eq!(column("overdue"), [0, 0, 1]);
    assert_eq!(column("open"), [7, 8, 7]);

    let text = zhenggai(&["history", &dir]);
    assert_eq!(text.code, 0);
    let rows: Vec<&str> = text
        .out
        .lines()
        .filter(|l| l.starts_with("2023-"))
        .collect();
    assert_eq!(rows.len(), 3, "{}", text.out);
    assert!(
        rows[0].ends_with("v2.json") && rows[0].contains("12.5% (1/8)"),
        "{}",
        rows[0]
    );
    assert!(rows[2].contains("+11.1") && rows[2].ends_with("整改台账2023年8月31日.json *"));
    assert!(text.out.contains("* 日期取自文件名"));

    let md = zhenggai(&["history", &dir, "--format", "markdown", "--lang", "en"]);
    assert_eq!(md.code, 0);
    assert!(
        md.out
            .contains("| 2023-07-31 | 11.1% (1/9) | -1.4 | 1 | 8 | 0 | 0 | v1.json |"),
        "{}",
        md.out
    );
}

/// Not a directory, an empty one, a broken version, a version with no date:
/// exit 2, the file named.
#[test]
fn history_of_bad_input_exits_2_naming_the_file() {
    let not_dir = zhenggai(&["history", &fixture("kinds-old.json")]);
    assert_eq!(not_dir.code, 2);
    assert!(
        not_dir.err.contains("is not a directory"),
        "{}",
        not_dir.err
    );

    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let empty = zhenggai(&["history", dir.path().to_str().unwrap()]);
    assert_eq!(empty.code, 2);
    assert!(empty.err.contains("no versions"), "{}", empty.err);

    std::fs::copy(fixture("kinds-old.json"), path("a.json")).unwrap();
    std::fs::write(path("b.json"), "{\"schema_version\": 2,").unwrap();
    std::fs::write(path("notes.txt"), "not a version").unwrap();
    let broken = zhenggai(&["history", dir.path().to_str().unwrap()]);
    assert_eq!(broken.code, 2);
    assert!(broken.err.contains("b.json"), "{}", broken.err);
    assert!(broken.out.is_empty());

    std::fs::remove_file(path("b.json")).unwrap();
    let no_reports = r#"{"schema_version": 2, "name": "空", "reports": []}"#;
    std::fs::write(path("undated.json"), no_reports).unwrap();
    let undated = zhenggai(&["history", dir.path().to_str().unwrap()]);
    assert_eq!(undated.code, 2);
    assert!(
        undated.err.contains("undated.json' has no date"),
        "{}",
        undated.err
    );

    std::fs::rename(path("undated.json"), path("20230801.json")).unwrap();
    let dated = zhenggai(&["history", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(dated.code, 0, "{}", dated.err);
    assert!(
        Path::new(&path("notes.txt")).exists(),
        "other files are left alone"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any generated dataset against itself, or against itself with its
    /// reports in reverse order, has no changes and the same rates.
    #[test]
    fn a_generated_dataset_against_itself_has_no_changes(reports in 0usize..12, seed in any::<u64>()) {
        let d = zhenggai::generate::dataset(reports, seed);
        let same = diff::compute(&d, &d, None);
        prop_assert!(same.is_empty(), "{:#?}", same);
        prop_assert_eq!(same.total_old, same.total_new);
        let mut reversed = d.clone();
        reversed.reports.reverse();
        let moved = diff::compute(&d, &reversed, None);
        prop_assert!(moved.is_empty(), "{:#?}", moved);
        for u in &moved.units {
            prop_assert_eq!(u.old, u.new);
        }
    }

    /// However the new version differs, every problem of each version is
    /// placed exactly once: paired, split, ambiguous, removed or added.
    #[test]
    fn every_problem_is_placed_exactly_once(reports in 1usize..6, seed in any::<u64>(), edits in prop::collection::vec((any::<u8>(), any::<u8>(), 0u8..5), 0..12)) {
        let old = zhenggai::generate::dataset(reports, seed);
        let mut new = old.clone();
        for (r, p, edit) in edits {
            let report = &mut new.reports[usize::from(r) % reports];
            if report.problems.is_empty() {
                continue;
            }
            let i = usize::from(p) % report.problems.len();
            match edit {
                0 => { report.problems.remove(i); }
                1 => report.problems[i].number = Some(format!("{}-1", i)),
                2 => report.problems[i].title = Some("另一个问题".to_owned()),
                3 => { let twin = report.problems[i].clone(); report.problems.push(twin); }
                _ => report.problems[i].status = zhenggai::model::Status::Closed,
            }
        }
        let m = identity::match_problems(&old, &new);
        let count = |d: &zhenggai::model::Dataset| d.reports.iter().map(|r| r.problems.len()).sum::<usize>();
        let mut olds: Vec<identity::ProblemAt> = m.pairs.iter().map(|p| p.old).collect();
        olds.extend(m.splits.iter().map(|s| s.old));
        olds.extend(m.ambiguous.iter().flat_map(|a| a.old.clone()));
        olds.extend(m.removed.iter().map(|r| r.1));
        let mut news: Vec<identity::ProblemAt> = m.pairs.iter().map(|p| p.new).collect();
        news.extend(m.splits.iter().flat_map(|s| s.parts.clone()));
        news.extend(m.ambiguous.iter().flat_map(|a| a.new.clone()));
        news.extend(m.added.iter().map(|r| r.1));
        for list in [&mut olds, &mut news] {
            let n = list.len();
            list.sort();
            list.dedup();
            prop_assert_eq!(list.len(), n, "a problem placed twice");
        }
        prop_assert_eq!(olds.len(), count(&old));
        prop_assert_eq!(news.len(), count(&new));
    }
}
