//! Report genres through the real binary (issue 11): one fixture per genre in
//! tests/fixtures/import/genres, each imported with exit 0, its stated totals,
//! money recovered, people held accountable and rules made, and no line lost;
//! and over every import fixture, every non-empty line kept in some field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use zhenggai::model::{
    Accountability, Dataset, FigureKind, Group, InspectionKind, Report, StatedCount, Status,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn genre(name: &str) -> PathBuf {
    root().join("tests/fixtures/import/genres").join(name)
}

/// Imports a file with `zhenggai import`, expecting exit 0; the dataset and stderr.
fn import(path: &Path) -> (Dataset, String) {
    let out = Command::cargo_bin("zhenggai")
        .unwrap()
        .arg("import")
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{}: {stderr}", path.display());
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

fn only(dataset: &Dataset) -> &Report {
    assert_eq!(dataset.reports.len(), 1, "one report");
    &dataset.reports[0]
}

fn value(c: &Option<StatedCount>) -> Option<u32> {
    c.as_ref().map(|c| c.value)
}

/// (total, closed, open, long-term) as stated.
fn totals(r: &Report) -> [Option<u32>; 4] {
    let s = &r.stated;
    [
        value(&s.total),
        value(&s.closed),
        value(&s.open),
        value(&s.long_term),
    ]
}

fn rate(r: &Report) -> Option<String> {
    r.stated
        .completion_rate
        .as_ref()
        .map(|c| c.percent.to_string())
}

/// Every figure of the report, in the problems and in its general paragraphs.
fn all_figures(r: &Report) -> Vec<&zhenggai::model::Figure> {
    r.problems
        .iter()
        .flat_map(|p| p.measures.iter().chain(&p.ongoing))
        .chain(&r.general)
        .flat_map(|m| &m.figures)
        .collect()
}

/// The money recovered, as printed, with its kind.
fn recovered(r: &Report) -> Vec<(String, FigureKind)> {
    all_figures(r)
        .into_iter()
        .filter(|f| f.kind.group() == Group::Recovered)
        .map(|f| (f.text.clone(), f.kind))
        .collect()
}

fn people(r: &Report) -> Vec<(Accountability, u32)> {
    r.people.iter().map(|p| (p.kind, p.count)).collect()
}

fn rules(r: &Report) -> Vec<u32> {
    r.rules.iter().map(|r| r.count).collect()
}

/// The lines of the file that no field of the dataset holds.
fn lost(path: &Path, dataset: &Dataset) -> Vec<(usize, String)> {
    let bytes = std::fs::read(path).unwrap();
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
    };
    zhenggai::import::lost_lines(&text, &dataset.reports)
}

/// No line was left for the account to catch: every stage placed its lines.
fn assert_nothing_lost(path: &Path, dataset: &Dataset) {
    assert_eq!(lost(path, dataset), [], "{}: lines lost", path.display());
    let caught: Vec<&str> = dataset
        .reports
        .iter()
        .flat_map(|r| &r.unplaced)
        .filter(|u| u.reason.contains("placed by no stage"))
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(
        caught,
        [] as [&str; 0],
        "{}: placed by no stage",
        path.display()
    );
}

/// A web page: furniture around the text (发布机构, 成文日期, 日期/来源/浏览量,
/// 分享, 打印/关闭) kept as furniture and its date used; the outline 在“……”方面 →
/// 1.关于“……”问题的整改 → （1）; totals, people (zero counts kept) and rules
/// stated only in the introduction.
#[test]
fn a_web_page_with_its_furniture() {
    let path = genre("web-page.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.title, "中共青山县卫生健康局党组关于巡察整改情况的通报");
    assert_eq!(r.published.to_string(), "2023-05-04");
    assert_eq!(r.published_inferred, None);
    assert_eq!(r.inspection.team.as_deref(), Some("县委第三巡察组"));
    assert!(r.source.complete);
    assert_eq!(totals(r), [Some(31), Some(27), Some(4), None]);
    assert_eq!(rate(r).as_deref(), Some("87.1"));
    assert_eq!(
        recovered(r),
        [
            ("21.4万元".to_string(), FigureKind::Refunded),
            ("8.8万元".to_string(), FigureKind::Recovered),
            ("3.518万元".to_string(), FigureKind::Recovered),
        ]
    );
    use Accountability::*;
    assert_eq!(
        people(r),
        [
            (PartyDiscipline, 1),
            (GovernmentSanction, 2),
            (OrganisationalHandling, 0),
            (Admonition, 3),
            (Referred, 1),
            (Other, 4),
            (OrderedSelfReview, 1),
            (CriticalEducation, 7),
            (ReminderTalk, 0),
        ]
    );
    assert_eq!(rules(r), [14]);
    let numbers: Vec<(Option<&str>, Status)> = r
        .problems
        .iter()
        .map(|p| (p.number.as_deref(), p.status))
        .collect();
    assert_eq!(
        numbers,
        [(Some("1"), Status::Open), (Some("2"), Status::Closed)]
    );
    assert_eq!(
        r.problems[0].category,
        ["（一）在“贯彻落实上级决策部署不够有力”方面"]
    );
    assert_eq!(
        r.problems[0].measures.len(),
        5,
        "(1), its 一是 and 二是, (2) and its 整改情况"
    );
    let furniture: Vec<&str> = r
        .unplaced
        .iter()
        .filter(|u| u.furniture)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(
        r.unplaced.len(),
        furniture.len(),
        "only furniture is unplaced"
    );
    for line in [
        "• 发布机构:",
        "2023-05-04",
        "【打印本页】【关闭窗口】",
        "朗读",
    ] {
        assert!(furniture.contains(&line), "{line} kept as furniture");
    }
    assert_nothing_lost(&path, &dataset);
}

/// A round summary for 23 units with ASCII-folded punctuation: one report,
/// no problems transcribed, totals with 基本完成并持续整改 and 未完成; of the
/// unit counts (4家单位, then 23家被巡察单位) the units inspected win.
#[test]
fn a_round_summary_in_ascii_punctuation() {
    let path = genre("round-ascii.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert!(r.problems.is_empty());
    assert_eq!(value(&r.stated.units), Some(23));
    assert!(r.stated.units.as_ref().unwrap().quote.contains("被巡察"));
    assert_eq!(totals(r), [Some(512), Some(498), Some(6), Some(8)]);
    assert_eq!(rate(r).as_deref(), Some("97.27"));
    assert_eq!(
        r.stated.completion_rate.as_ref().unwrap().quote,
        "总体完成率97.27%"
    );
    assert_eq!(
        recovered(r),
        [
            ("21.4万元".to_string(), FigureKind::Refunded),
            ("88万元".to_string(), FigureKind::Recovered),
            ("602.3万元".to_string(), FigureKind::LossRetrieved),
        ]
    );
    use Accountability::*;
    assert_eq!(
        people(r),
        [
            (CaseFiled, 9),
            (PartyOrGovernmentDiscipline, 11),
            (LeadsHandedOver, 4)
        ]
    );
    assert_eq!(r.people[1].label, "党纪政务处分");
    assert_eq!(rules(r), [215]);
    assert_eq!(r.signed.unwrap().to_string(), "2023-01-29");
    assert_nothing_lost(&path, &dataset);
}

/// Traditional characters (巡視, 處分, 個) and spaces inside numbers ("16 個").
#[test]
fn a_circuit_report_in_traditional_characters() {
    let path = genre("traditional.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.inspection.kind, InspectionKind::Circuit);
    assert_eq!(r.issuer, "中共某某省委");
    assert_eq!(r.inspection.team.as_deref(), Some("中央第五巡視組"));
    assert_eq!(totals(r), [Some(16), Some(13), Some(3), None]);
    assert_eq!(
        recovered(r),
        [("1.26億元".to_string(), FigureKind::Recovered)]
    );
    use Accountability::*;
    assert_eq!(
        people(r),
        [
            (CaseFiled, 21),
            (PartyDiscipline, 17),
            (GovernmentSanction, 9),
            (OrganisationalHandling, 12),
            (Admonition, 5),
            (LeadsHandedOver, 8),
        ]
    );
    assert_eq!(r.people[1].label, "黨紀處分", "labels as printed");
    assert_eq!(rules(r), [43]);
    let statuses: Vec<Status> = r.problems.iter().map(|p| p.status).collect();
    assert_eq!(statuses, [Status::Closed, Status::Open]);
    assert_nothing_lost(&path, &dataset);
}

/// "问题：……" with "整改情况：……", in the sections 集中整改期内已完成的整改事项
/// and 需要长期坚持的整改事项; 9个方面问题细化分解成28个问题; 整改措施65项.
#[test]
fn questions_and_answers_in_completed_and_long_term_sections() {
    let path = genre("question-answer.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(totals(r), [Some(28), Some(25), None, Some(3)]);
    assert_eq!(value(&r.stated.aspects), Some(9));
    assert_eq!(value(&r.stated.measures), Some(65));
    let problems: Vec<(Option<&str>, Option<&str>, Status)> = r
        .problems
        .iter()
        .map(|p| (p.number.as_deref(), p.title.as_deref(), p.status))
        .collect();
    assert_eq!(
        problems,
        [
            (
                Some("1"),
                Some("党委理论学习中心组学习不规范，学习记录不完整"),
                Status::Closed
            ),
            (
                Some("2"),
                Some("村级集体资金管理不规范，存在白条入账现象"),
                Status::Closed
            ),
            (
                Some("3"),
                Some("乡村振兴产业项目带动作用不明显"),
                Status::LongTerm
            ),
        ]
    );
    assert_eq!(r.problems[0].measures.len(), 2, "一是…；二是… split");
    assert_eq!(
        recovered(r),
        [
            ("3.2万元".to_string(), FigureKind::Refunded),
            ("1.5万元".to_string(), FigureKind::Confiscated),
        ]
    );
    let deadline = r.problems[2].measures[1].deadline.as_ref().unwrap();
    assert_eq!(deadline.date.unwrap().to_string(), "2024-12-31");
    assert!(people(r).is_empty());
    assert!(rules(r).is_empty());
    assert_nothing_lost(&path, &dataset);
}

/// No title line, a signature date that lost its 年 and 月 ("2023818日"),
/// 41项具体问题……102项整改措施……187条具体措施, 问责/立案/线索 counts.
#[test]
fn no_title_and_a_date_with_lost_characters() {
    let path = genre("no-title-lost-date.txt");
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.title, "（标题不在来源中）");
    assert_eq!(r.issuer, "中共某市供销合作总社党组");
    assert_eq!(r.published.to_string(), "2023-08-18");
    assert!(
        r.published_inferred
            .as_deref()
            .unwrap()
            .contains("2023818日"),
        "{:?}",
        r.published_inferred
    );
    assert!(stderr.contains("warning"), "{stderr}");
    assert_eq!(totals(r), [Some(41), Some(38), Some(3), None]);
    assert_eq!(value(&r.stated.measures), Some(102));
    assert_eq!(rate(r).as_deref(), Some("92.7"));
    assert_eq!(
        recovered(r),
        [
            ("12.6万元".to_string(), FigureKind::Recovered),
            ("56.8万元".to_string(), FigureKind::Recovered),
        ]
    );
    use Accountability::*;
    assert_eq!(
        people(r),
        [(HeldAccountable, 6), (CaseFiled, 2), (LeadsHandedOver, 3)]
    );
    assert_eq!(rules(r), [19]);
    assert_eq!(r.rules[0].label, "建立健全制度机制");
    assert_nothing_lost(&path, &dataset);
}

/// No date anywhere but the feedback date, and a text that stops
/// mid-sentence: imported with a warning, the date marked inferred and the
/// source partial; floor area of 房屋征收 in m² is not land.
#[test]
fn no_date_and_a_text_cut_short() {
    let path = genre("no-date-truncated.txt");
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.published.to_string(), "2023-05-10");
    assert!(
        r.published_inferred
            .as_deref()
            .unwrap()
            .starts_with("未见发布日期"),
        "{:?}",
        r.published_inferred
    );
    assert!(
        stderr.contains("warning") && stderr.contains("2023-05-10"),
        "{stderr}"
    );
    assert!(!r.source.complete);
    assert!(
        r.source
            .missing
            .as_deref()
            .unwrap()
            .contains("mid-sentence"),
        "{:?}",
        r.source.missing
    );
    assert_eq!(totals(r), [Some(61), Some(52), Some(9), None]);
    assert_eq!(value(&r.stated.aspects), Some(5));
    assert_eq!(rate(r).as_deref(), Some("85.2"));
    let areas: Vec<(String, FigureKind)> = all_figures(r)
        .into_iter()
        .filter(|f| matches!(f.kind.group(), Group::Land | Group::FloorArea))
        .map(|f| (f.text.clone(), f.kind))
        .collect();
    assert_eq!(
        areas,
        [
            (
                "12.6万平方米".to_string(),
                FigureKind::FloorAreaExpropriated
            ),
            ("320亩".to_string(), FigureKind::LandExpropriated),
        ]
    );
    assert_eq!(
        recovered(r),
        [
            ("46.3万元".to_string(), FigureKind::Refunded),
            ("8万元".to_string(), FigureKind::Confiscated),
        ]
    );
    assert_nothing_lost(&path, &dataset);
}

/// Every non-empty line of every import fixture and of the seed ends up in
/// some field of the imported JSON, or in `unplaced` with a reason.
#[test]
fn every_fixture_keeps_every_line() {
    let mut files = vec![root().join("data/sources/wuxi-2021-12-30.txt")];
    for dir in ["tests/fixtures/import", "tests/fixtures/import/genres"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".txt") && name != "empty.txt" && name != "no-report.txt" {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 10, "{files:?}");
    for path in files {
        let (dataset, _) = import(&path);
        assert_nothing_lost(&path, &dataset);
    }
}

/// `--explain` says what was recognised: title, dates, heading levels,
/// totals, figures by kind, people, rules, and each unplaced line's reason.
#[test]
fn explain_says_what_was_recognised() {
    let out = Command::cargo_bin("zhenggai")
        .unwrap()
        .args(["import", "--explain"])
        .arg(genre("web-page.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for wanted in [
        "report 1: title: 中共青山县卫生健康局党组关于巡察整改情况的通报",
        "report 1: dates: published 2023-05-04",
        "report 1: heading levels: （一）×2 1.×2 （1）×3",
        "report 1: stated: total 31",
        "completion rate 87.1%",
        "report 1: figures: ",
        "refunded ×1",
        "report 1: people: 党纪处分 1人; 政务处分 2人; 组织处理 0人",
        "report 1: rules: 制定及修改完善制度 14",
        "furniture: page furniture: 成文日期 — • 成文日期:",
        "unplaced: page furniture: 信息索引号: • 信息索引号:",
    ] {
        assert!(stderr.contains(wanted), "missing {wanted:?} in:\n{stderr}");
    }
}

/// A text that names no full date at all is still imported: the last day of
/// the latest month it names, marked inferred, with a warning.
#[test]
fn a_text_with_only_a_month_is_imported_with_an_inferred_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("month.txt");
    std::fs::write(
        &path,
        "关于某局巡察整改情况的通报\n2023年2月，县委第四巡察组对某局进行了巡察，反馈了12个问题。\n\
         一、关于“学习不深入”的问题\n整改情况：已修订制度3项。\n",
    )
    .unwrap();
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.published.to_string(), "2023-02-28");
    assert!(
        r.published_inferred
            .as_deref()
            .unwrap()
            .contains("2023年2月"),
        "{:?}",
        r.published_inferred
    );
    assert!(stderr.contains("warning"), "{stderr}");
    assert_eq!(value(&r.stated.total), Some(12));
    assert_nothing_lost(&path, &dataset);
}

/// Runs `zhenggai summary --format json` on an imported dataset; its one report.
fn summary_of(dataset: &Dataset) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("imported.json");
    std::fs::write(&path, serde_json::to_vec(dataset).unwrap()).unwrap();
    let out = Command::cargo_bin("zhenggai")
        .unwrap()
        .args(["summary", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    summary["reports"][0].clone()
}

/// A news round-up that names no year at all (截至今年6月底) is imported, not
/// refused: the day of the import, marked inferred and warned about; its
/// totals (已整改销号, 申请延期整改), money recovered, people and rules reach
/// `summary --format json`.
#[test]
fn a_text_without_any_year_is_imported_with_the_import_day() {
    let path = genre("no-year.txt");
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    let today = chrono::Local::now().date_naive();
    assert!(
        r.published == today || r.published == today.pred_opt().unwrap(),
        "{}",
        r.published
    );
    assert!(
        r.published_inferred
            .as_deref()
            .unwrap()
            .starts_with("未见任何带年份的日期，取导入当天"),
        "{:?}",
        r.published_inferred
    );
    assert!(stderr.contains("warning"), "{stderr}");
    assert_eq!(totals(r), [Some(203), Some(196), Some(7), None]);
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["total"], 203);
    assert_eq!(s["problems"]["closed"], 196);
    assert_eq!(s["problems"]["open"], 7);
    assert_eq!(s["money"][0]["group"], "recovered");
    assert_eq!(s["money"][0]["amount"], 852_000);
    assert_eq!(
        s["people"],
        serde_json::json!([{"kind": "held_accountable", "count": 31}])
    );
    assert_eq!(s["rules"], 64);
    assert_nothing_lost(&path, &dataset);
}

/// Counts of bodies (12个乡镇党委, 9个区直部门) are never problem totals;
/// 党政纪处理 and 移送司法机关 are kinds of their own, a count may follow
/// whom it counts (约谈被巡察单位主要负责人3人), 退缴 is money
/// recovered and 完善各项制度 counts rules, all in `summary --format json`.
#[test]
fn counts_of_bodies_and_more_kinds_of_accountability() {
    let path = genre("bodies-and-discipline.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(totals(r), [None, None, Some(17), None]);
    assert_eq!(value(&r.stated.units), Some(21));
    assert_eq!(
        recovered(r),
        [("1.2亿元".to_string(), FigureKind::Refunded)]
    );
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["open"], 17);
    assert_eq!(s["money"][0]["group"], "recovered");
    assert_eq!(s["money"][0]["amount"], 120_000_000);
    assert_eq!(
        s["people"],
        serde_json::json!([
            {"kind": "judiciary", "count": 2},
            {"kind": "party_or_government_discipline", "count": 14},
            {"kind": "reminder_talk", "count": 3},
        ])
    );
    assert_eq!(s["rules"], 33);
    assert_nothing_lost(&path, &dataset);
}

/// Counts that contradict each other (反馈问题20个, then 已完成整改问题23个 and
/// 正在整改问题2个) are no reason to refuse the report: the total is dropped
/// with a warning naming its line, the counts by status are kept.
#[test]
fn contradicting_counts_are_reconciled_not_refused() {
    let path = genre("conflicting-counts.txt");
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    assert_eq!(totals(r), [None, Some(23), Some(2), None]);
    assert!(
        stderr.contains("line 2: stated total 20 not kept"),
        "{stderr}"
    );
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["closed"], 23);
    assert_eq!(s["problems"]["open"], 2);
    assert_nothing_lost(&path, &dataset);

    // More problems under 已完成整改的问题 than the closed count stated.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("three.txt");
    std::fs::write(
        &path,
        "关于某局巡察整改情况的通报\n2023年5月，县委巡察组反馈问题3个，截至目前已完成整改2个。\n\
         一、已完成整改的问题\n1.关于甲的问题\n整改情况：修订制度。\n2.关于乙的问题\n\
         整改情况：补齐记录。\n3.关于丙的问题\n整改情况：清退资金。\n",
    )
    .unwrap();
    let (dataset, stderr) = import(&path);
    assert_eq!(totals(only(&dataset)), [Some(3), None, None, None]);
    assert!(
        stderr
            .contains("line 2: stated closed count 2 not kept: 3 closed problems are transcribed"),
        "{stderr}"
    );
}

/// A page that prints its title twice between 关怀版/无障碍/访问量 buttons,
/// with a chapter 一、……问题的整改情况 that is no second report, a date line
/// that lost 年 and 月 (——2023915日在……会议上), a sanction named by its
/// penalty (记过处分) and rules counted before 制度 (出台9个规章制度).
#[test]
fn a_chapter_heading_is_no_title_and_the_page_buttons_are_furniture() {
    let path = genre("chapter-not-title.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.title, "关于县委第三巡察组反馈意见整改情况的报告");
    assert_eq!(r.published.to_string(), "2023-09-15");
    assert!(r.published_inferred.is_some());
    assert_eq!(totals(r), [Some(30), Some(26), Some(4), None]);
    let furniture = r.unplaced.iter().filter(|u| u.furniture).count();
    assert_eq!((r.unplaced.len(), furniture), (4, 4));
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["total"], 30);
    assert_eq!(
        s["people"],
        serde_json::json!([
            {"kind": "government_sanction", "count": 1},
            {"kind": "reminder_talk", "count": 3},
        ])
    );
    assert_eq!(s["rules"], 9);
    assert_nothing_lost(&path, &dataset);
}

/// A news round-up: the total stated after a list of kinds of problem that
/// names 中央八项规定 (a name, not a count of 8), 完成问题整改 as closed and
/// 完成整改占比 as the completion rate, the date from 发布时间.
#[test]
fn a_news_round_up_states_its_totals_after_a_list() {
    let path = genre("news-roundup.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(r.published.to_string(), "2021-03-19");
    assert_eq!(totals(r), [Some(158), Some(141), None, None]);
    assert_eq!(rate(r).as_deref(), Some("89.2"));
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["total"], 158);
    assert_eq!(s["problems"]["closed"], 141);
    assert_eq!(
        s["people"],
        serde_json::json!([{"kind": "leads_handed_over", "count": 12}])
    );
    assert_eq!(s["rules"], serde_json::Value::Null);
    assert_nothing_lost(&path, &dataset);
}

/// A chapter on the work as a whole (一、巡察整改工作开展情况) whose 一是… are
/// no problem, then 二、具体问题整改情况 with problems numbered 1. and their
/// 整改情况：已完成整改 / 正在整改; one numbering for both statuses infers no
/// count; 5大方面12项26个具体问题 states 26 problems in 5 aspects, and
/// 两项整改均已推进80%以上 counts nothing.
#[test]
fn a_work_chapter_then_numbered_problems_with_their_status() {
    let path = genre("work-and-problem-chapters.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert_eq!(totals(r), [Some(26), None, None, None]);
    assert_eq!(value(&r.stated.aspects), Some(5));
    let numbers: Vec<(Option<&str>, Status)> = r
        .problems
        .iter()
        .map(|p| (p.number.as_deref(), p.status))
        .collect();
    assert_eq!(
        numbers,
        [(Some("1"), Status::Closed), (Some("2"), Status::Open)]
    );
    assert_eq!(
        r.general.len(),
        3,
        "introduction, the 一是 paragraph and more"
    );
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["total"], 26);
    assert_eq!(s["money"][0]["group"], "recovered");
    assert_eq!(s["money"][0]["amount"], 23_000);
    assert_nothing_lost(&path, &dataset);
}

/// A count with its parts in brackets (给予党纪处分9人（党内警告5人、…）)
/// counts once; rules named by a title (健全完善《……议事规则》等制度26项) are
/// counted; a chapter on the committee's own duty (一、……切实履行整改主体责任)
/// invents no problem, and the total stated in it (反馈的31项问题) is read.
#[test]
fn a_breakdown_in_brackets_counts_once() {
    let path = genre("breakdown-and-named-rules.txt");
    let (dataset, _) = import(&path);
    let r = only(&dataset);
    assert!(r.problems.is_empty());
    assert_eq!(totals(r), [Some(31), None, None, None]);
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["total"], 31);
    assert_eq!(
        s["people"],
        serde_json::json!([
            {"kind": "case_filed", "count": 12},
            {"kind": "party_discipline", "count": 9},
            {"kind": "government_sanction", "count": 4},
        ])
    );
    assert_eq!(s["rules"], 26);
    assert_nothing_lost(&path, &dataset);
}

/// A round check in traditional characters: counts of bodies (25個省屬國有企業
/// 黨委) are no total, 完成率達到100%的21個 counts units that reached a rate and
/// is no completion rate, and 有86個面上問題未完成整改 states the open count.
#[test]
fn a_round_check_in_traditional_characters() {
    let path = genre("traditional-round.txt");
    let (dataset, stderr) = import(&path);
    let r = only(&dataset);
    assert!(stderr.contains("warning"), "{stderr}");
    assert_eq!(totals(r), [None, None, Some(86), None]);
    assert_eq!(rate(r), None);
    assert_eq!(value(&r.stated.units), Some(37));
    let s = summary_of(&dataset);
    assert_eq!(s["problems"]["open"], 86);
    assert_nothing_lost(&path, &dataset);
}
