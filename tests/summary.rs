//! `zhenggai summary` end to end through the real binary, on the bundled data;
//! every expected figure was checked by reading data/sources/wuxi-2021-12-30.txt.
#![allow(clippy::unwrap_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

fn summary_json(extra: &[&str]) -> Value {
    summary_json_as_of("2022-01-15", extra)
}

fn summary_json_as_of(as_of: &str, extra: &[&str]) -> Value {
    let out = zhenggai()
        .args(["summary", "--format", "json", "--as-of", as_of])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn report<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

fn find<'a>(list: &'a Value, kind: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {list}"))
}

/// The EDZ report: 11 closed (its numbering runs to 11) and 2 open (stated).
#[test]
fn edz_shows_eleven_closed_and_two_open() {
    let json = summary_json(&[]);
    let edz = report(&json, "wuxi-edz-2021-12-30");
    assert_eq!(edz["problems"]["closed"], 11);
    assert_eq!(edz["problems"]["open"], 2);
    assert_eq!(edz["problems_source"]["closed"], "inferred_from_numbering");
    assert_eq!(edz["problems_source"]["open"], "stated");
    // Only problems 7 (partly) to 11 and the two open ones are printed.
    assert_eq!(edz["problems_transcribed"]["closed"], 5);
    assert_eq!(edz["problems_transcribed"]["open"], 2);
    assert_eq!(edz["issuer"], "中共无锡经济开发区工作委员会");
    assert_eq!(edz["published"], "2021-12-30");
}

/// Land: 盘活存量建设用地849.56亩, 低效用地再开发776.3亩, 批而未供土地处置513.77亩;
/// 110万平方米 of building floor area (房屋征收) against a floor of 100万平方米
/// = 110% is floor area, in m² only, never land and never in 亩.
#[test]
fn land_figures_match_the_source() {
    let json = summary_json(&[]);
    let edz = report(&json, "wuxi-edz-2021-12-30");
    let land = &edz["land"];
    assert_eq!(find(land, "land_revitalised")["mu"], 849.56);
    assert_eq!(find(land, "land_redeveloped")["mu"], 776.3);
    assert_eq!(find(land, "land_unsupplied_disposed")["mu"], 513.77);
    assert_eq!(land.as_array().unwrap().len(), 3, "{land}");
    let expropriated = find(&edz["floor_area"], "floor_area_expropriated");
    // 23.7万平方米 of non-residential buildings is part of the 110万: not added twice.
    assert_eq!(expropriated["m2"], 1_100_000);
    assert_eq!(expropriated["target_m2"], 1_000_000);
    assert_eq!(expropriated["percent_of_target"], 110);
    assert!(expropriated.get("mu").is_none(), "{expropriated}");
    assert!(
        json["totals"]["land"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["kind"] != "floor_area_expropriated")
    );
}

/// Money: achieved amounts by kind; CNY and USD apart; forecasts never added in.
#[test]
fn money_is_summed_by_kind_and_currency_only() {
    let json = summary_json(&[]);
    let edz = report(&json, "wuxi-edz-2021-12-30");
    let money = &edz["money"];
    // 区级奖励2948万元 + 留锡过年补贴597.9万元.
    assert_eq!(find(money, "disbursed")["amount"], 35_459_000);
    assert_eq!(find(money, "funding_secured")["amount"], 42_580_000);
    // 外资7005万美元; 5680万美元 of one project overlaps it and is not added.
    let foreign = find(money, "foreign_investment");
    assert_eq!(foreign["currency"], "USD");
    assert_eq!(foreign["amount"], 70_050_000);
    // 营收106.6亿元 achieved; the forecast 120亿元 is listed apart.
    assert_eq!(find(money, "revenue")["amount"], 10_660_000_000i64);
    let forecast = &edz["money_not_summed"];
    assert!(
        forecast
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"] == "120亿元" && f["role"] == "forecast")
    );
    // Recoveries in progress whose amount is not stated are listed.
    assert!(
        edz["money_unstated"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["kind"] == "recovered")
    );
    let cad = report(&json, "wuxi-cad-2021-12-30");
    assert_eq!(find(&cad["money"], "transferred")["amount"], 40_000_000);
    assert_eq!(
        find(&cad["money"], "pending_settlement")["amount"],
        4_596_600
    );
    for total in json["totals"]["money"].as_array().unwrap() {
        assert!(total["currency"] == "CNY" || total["currency"] == "USD");
    }
}

/// Deadlines as of 2022-01-15: 2022年1月底 and 2022年1月 are due within 30 days.
#[test]
fn deadlines_are_bucketed_against_the_as_of_date() {
    let json = summary_json(&[]);
    let edz = &report(&json, "wuxi-edz-2021-12-30")["deadlines"];
    assert_eq!(
        (edz["overdue"].as_u64(), edz["due_soon"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(
        (edz["later"].as_u64(), edz["none"].as_u64()),
        (Some(5), Some(3))
    );
    let cad = &report(&json, "wuxi-cad-2021-12-30")["deadlines"];
    assert_eq!(cad["due_soon"], 1);
    let later = summary_json_as_of("2026-01-01", &[]);
    assert_eq!(later["as_of"], "2026-01-01");
    assert_eq!(later["totals"]["deadlines"]["overdue"], 7);
    assert_eq!(later["totals"]["deadlines"]["due_soon"], 0);
}

/// The text summary shows figures as the source writes them, aligned by display width.
#[test]
fn text_summary_quotes_figures_and_aligns_chinese() {
    let out = zhenggai()
        .args(["summary", "--as-of", "2022-01-15"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for figure in [
        "849.56亩",
        "776.3亩",
        "513.77亩",
        "2948万元",
        "597.9万元",
        "7005万美元",
        "459.66万元",
        "110%",
    ] {
        assert!(text.contains(figure), "missing {figure} in\n{text}");
    }
    assert!(text.contains("已完成 11（按编号推断）"), "{text}");
    // The amount column ends at the same display column on every money line.
    let ends: Vec<usize> = text
        .lines()
        .filter(|l| l.contains("  CNY") || l.contains("  USD"))
        .map(|l| {
            unicode_width::UnicodeWidthStr::width(
                &l[..l.find("  CNY").or(l.find("  USD")).unwrap()],
            )
        })
        .collect();
    assert!(ends.len() > 5);
    assert!(ends.iter().all(|e| *e == ends[0]), "{ends:?}");
}

/// The English labels replace the Chinese ones; data text stays as it is.
#[test]
fn english_summary_keeps_the_data_text() {
    let out = zhenggai()
        .args(["summary", "--lang", "en", "--as-of", "2022-01-15"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("closed 11 (inferred from numbering)"),
        "{text}"
    );
    assert!(text.contains("中共无锡经济开发区工作委员会关于巡察整改情况的通报"));
}

/// An approximate total (5000余万元, 1200余万美元) keeps its mark in every
/// format: 约 in Chinese text, ~ in English text and markdown. A deliberate
/// bug that dropped it once passed the whole suite.
#[test]
fn approximate_totals_keep_their_mark_in_text_and_markdown() {
    let text = |args: &[&str]| {
        let out = zhenggai()
            .args(["summary", "--as-of", "2022-01-15"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let line = |text: &str, word: &str| -> String {
        text.lines()
            .find(|l| l.contains(word))
            .unwrap_or_else(|| panic!("no {word} in\n{text}"))
            .to_owned()
    };
    let zh = text(&["--lang", "zh"]);
    assert!(line(&zh, "投入").contains("约5,000万元"), "{zh}");
    assert!(
        line(&zh, "= 1200余万美元").contains("约1,200万美元"),
        "{zh}"
    );
    assert!(line(&zh, "= 2948万元").contains(" 3,545.9万元"), "{zh}");
    let en = text(&["--lang", "en"]);
    assert!(line(&en, "invested").contains("~50m yuan"), "{en}");
    assert!(!line(&en, "disbursed").contains('~'), "{en}");
    let md = text(&["--lang", "en", "--format", "markdown"]);
    assert!(
        md.contains("| invested | ~50m yuan | CNY | Funds moved |"),
        "{md}"
    );
    assert!(md.contains("| exports | ~12m USD | USD |"), "{md}");
}

/// Markdown output has a table per report.
#[test]
fn markdown_summary_has_tables() {
    let out = zhenggai()
        .args(["summary", "--format", "markdown", "--as-of", "2022-01-15"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## 中共无锡经济开发区工作委员会关于巡察整改情况的通报"));
    assert!(text.contains("|---|---:|---:|"));
    assert!(text.contains("| 盘活存量建设用地 | 849.56 |"), "{text}");
}

/// `-` reads the data from standard input; the result equals the bundled data's.
#[test]
fn summary_reads_standard_input() {
    let data = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/wuxi-2021-12-30.json"
    ))
    .unwrap();
    let out = zhenggai()
        .args(["summary", "--format", "json", "--as-of", "2022-01-15", "-"])
        .write_stdin(data)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json, summary_json(&[]));
}

/// A missing file is a clear error with exit code 2, not a panic.
#[test]
fn summary_of_a_missing_file_fails_clearly() {
    let out = zhenggai()
        .args(["summary", "no-such-file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no-such-file.json"), "{err}");
    assert!(!err.contains("panicked"));
}

/// Without a terminal, `zhenggai` prints the summary instead of opening the dashboard.
#[test]
fn dashboard_without_a_terminal_prints_the_summary() {
    let out = zhenggai().args(["--as-of", "2022-01-15"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("849.56亩"));
    assert!(
        !text.contains("\x1b["),
        "no escape sequences when not a terminal"
    );
}

/// A wrong --as-of says what is wrong with it, and exits 2 without a summary.
#[test]
fn a_wrong_as_of_day_says_what_is_wrong() {
    for (day, says) in [
        ("2021-02-30", "there is no such day as 2021-02-30"),
        (
            "2021/02/03",
            "write the day as YYYY-MM-DD in the years 1900–2199, like 2022-01-15",
        ),
        // As strict as data files: no short fields, no padding, no year 0.
        ("2022-1-1", "write the day as YYYY-MM-DD"),
        (" 2022-01-01", "write the day as YYYY-MM-DD"),
        ("0000-01-01", "write the day as YYYY-MM-DD"),
    ] {
        let out = zhenggai()
            .args(["summary", "--as-of", day])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{day}");
        assert!(out.stdout.is_empty(), "{day}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{err}");
    }
}

const V2_LEDGER: &str = "tests/fixtures/valid/v2-ledger.json";
const V2_REPORT: &str = "tests/fixtures/valid/v2-report.json";

/// A ledger as of its own date: 5 problems in all (no stated total, so the
/// sum), 2 of them overdue: one by its own deadline (2023.3.31), one by the
/// latest of its ongoing items (2023年5月底前). Problem 3 is due that very day
/// (立行立改), the closed one's deadline is past but it is closed, and the
/// long-term one has no day.
#[test]
fn ledger_problems_total_and_overdue_follow_their_own_deadlines() {
    let json = summary_json_as_of("2023-07-05", &[V2_LEDGER]);
    let ledger = report(&json, "ledger-jiaoyu-2023-07-05");
    assert_eq!(ledger["problems"]["total"], 5);
    assert_eq!(ledger["problems"]["overdue"], 2);
    assert_eq!(ledger["problems"]["open"], 3);
    assert_eq!(ledger["problems_source"]["total"], "sum");
    assert_eq!(ledger["people"], serde_json::json!([]));
    assert_eq!(ledger["rules"], Value::Null);
    // A week earlier, only the one due in March is overdue.
    let earlier = summary_json_as_of("2023-05-15", &[V2_LEDGER]);
    assert_eq!(earlier["totals"]["problems"]["overdue"], 1);
}

/// A report's stated results: total 31 as stated, people by kind with the
/// zero count kept, 12 rules, and the money of its general paragraphs by
/// group. A problem's 追缴 1.2万元 and 退还 2万元 are not added to the report's
/// own totals of those kinds (3.518万 + 88万; 21.4万): never counted twice.
#[test]
fn report_results_people_rules_and_general_money_are_counted_once() {
    let json = summary_json_as_of("2023-07-05", &[V2_REPORT]);
    let r = report(&json, "county-round-2023");
    assert_eq!(r["problems"]["total"], 31);
    assert_eq!(r["problems_source"]["total"], "stated");
    assert_eq!(r["problems"]["overdue"], 1);
    assert_eq!(r["rules"], 12);
    let people = &r["people"];
    assert_eq!(find(people, "party_discipline")["count"], 3);
    assert_eq!(find(people, "admonition")["count"], 5);
    assert_eq!(find(people, "critical_education")["count"], 0);
    assert_eq!(find(people, "leads_handed_over")["count"], 2);
    let money = &r["money"];
    let recovered = find(money, "recovered");
    assert_eq!(recovered["group"], "recovered");
    assert_eq!(recovered["amount"], 915_180);
    assert_eq!(find(money, "refunded")["amount"], 214_000);
    assert_eq!(find(money, "loss_retrieved")["amount"], 6_023_000);
    assert_eq!(find(money, "confiscated")["group"], "recovered");
    // A problem's own kinds that the report states no total for are added.
    assert_eq!(find(money, "disbursed")["amount"], 100_000);
    assert_eq!(find(money, "disbursed")["group"], "funds");
    assert_eq!(find(money, "fixed_asset_investment")["group"], "economy");
    assert_eq!(find(money, "pending_settlement")["group"], "funds");
    let floor = find(&r["floor_area"], "floor_area_expropriated");
    assert_eq!(floor["m2"], 23_000);
    assert_eq!(r["land"], serde_json::json!([]));
}

/// Totals over a ledger and a report: problems, overdue and people are sums;
/// rules are the one report's; a ledger that states none leaves them out
/// rather than adding a zero.
#[test]
fn totals_add_problems_overdue_people_and_rules_over_reports() {
    let json = summary_json_as_of("2023-07-05", &[V2_REPORT, V2_LEDGER]);
    let t = &json["totals"];
    assert_eq!(t["problems"]["total"], 36);
    assert_eq!(t["problems"]["overdue"], 3);
    assert_eq!(t["rules"], 12);
    assert_eq!(find(&t["people"], "party_discipline")["count"], 3);
    let recovered = find(&t["money"], "recovered");
    assert_eq!(recovered["amount"], 915_180 + 125_000);
}

/// The text and markdown summaries show the total, the overdue problems,
/// people by kind, rules (or that none are stated), money by section with
/// economic indicators apart, and why a problem's figure is not added.
#[test]
fn text_and_markdown_show_people_rules_total_and_overdue() {
    let text = |format: &str, lang: &str| {
        let out = zhenggai()
            .args(["summary", "--as-of", "2023-07-05", "--format", format])
            .args(["--lang", lang, V2_REPORT, V2_LEDGER])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = text("text", "zh");
    for needle in [
        "总数 31（通报所述） · 逾期问题 1",
        "总数 5（各项相加） · 逾期问题 2",
        "党纪处分 3 · 政务处分 2 · 诫勉 5 · 批评教育 0",
        "建章立制                  12",
        "建章立制                  未说明",
        "[追缴挽损]",
        "[经济指标（不是追缴挽损，不与其同一标尺）]",
        "(1.2万元: 已含在通报总体数字中，不重复计入)",
        "房屋征收面积（平方米，不是土地，不折算亩）",
    ] {
        assert!(zh.contains(needle), "missing {needle} in\n{zh}");
    }
    let en = text("markdown", "en");
    for needle in [
        "| total (stated) | 31 | 2 |",
        "| overdue problems | 1 | |",
        "People held accountable: leads handed over 2 · Party discipline 3",
        "Rules made or revised: 12",
        "| recovered | 915,180 yuan | CNY | Money recovered |",
        "| fixed-asset investment | 560m yuan | CNY | Economic indicators",
    ] {
        assert!(en.contains(needle), "missing {needle} in\n{en}");
    }
}
