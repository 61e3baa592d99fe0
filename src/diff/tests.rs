use super::*;
use crate::model::{Deadline, Measure};

fn day(s: &str) -> NaiveDate {
    crate::dates::parse(s).unwrap_or_default()
}

fn deadline(text: &str, date: Option<&str>) -> Option<Deadline> {
    Some(Deadline {
        text: text.to_owned(),
        date: date.map(day),
        quote: text.to_owned(),
        ..Deadline::default()
    })
}

fn p(number: &str, title: &str, status: Status, due: Option<&str>) -> Problem {
    Problem {
        number: Some(number.to_owned()),
        title: Some(title.to_owned()),
        status,
        deadline: due.and_then(|d| deadline(d, Some(d))),
        ..Problem::default()
    }
}

/// A dataset of one unit's report, dated `published`.
fn version(published: &str, problems: Vec<Problem>) -> Dataset {
    let mut d = crate::generate::dataset(1, 7);
    d.reports[0].issuer = "单位甲".to_owned();
    d.reports[0].published = day(published);
    d.reports[0].problems = problems;
    d
}

fn titles(list: &[Change]) -> Vec<&str> {
    list.iter()
        .filter_map(|c| c.latest())
        .map(|s| s.title.as_str())
        .collect()
}

#[test]
fn a_dataset_against_itself_has_no_changes() {
    let d = crate::generate::dataset(5, 3);
    let changes = compute(&d, &d, None);
    assert!(changes.is_empty(), "{changes:#?}");
    assert!(changes.marks().is_empty());
    assert_eq!(
        changes.units.len(),
        changes.units.iter().filter(|u| u.old == u.new).count()
    );
    assert_eq!(changes.total_old, changes.total_new);
}

#[test]
fn each_kind_of_change_is_listed_once_where_it_belongs() {
    use Status::{Closed, LongTerm, Open};
    let old = version(
        "2023-06-30",
        vec![
            p("1", "甲将完成", Open, Some("2023-09-30")),
            p("2", "乙曾完成", Closed, None),
            p("3", "丙延期", Open, Some("2023-07-31")),
            p("4", "丁提前", Open, Some("2023-12-31")),
            p("5", "戊将逾期", Open, Some("2023-07-15")),
            p("6", "己转长期", Open, None),
            p("7", "庚已删除", Open, None),
            p("8", "辛早已逾期", Open, Some("2023-06-01")),
        ],
    );
    let new = version(
        "2023-07-31",
        vec![
            p("1", "甲将完成", Closed, Some("2023-09-30")),
            p("2", "乙曾完成", Open, None),
            p("3", "丙延期", Open, Some("2023-12-31")),
            p("4", "丁提前", Open, Some("2023-09-30")),
            p("5", "戊将逾期", Open, Some("2023-07-15")),
            p("6", "己转长期", LongTerm, None),
            p("8", "辛早已逾期", Open, Some("2023-06-01")),
            p("9", "壬新增", Open, None),
        ],
    );
    let c = compute(&old, &new, None);
    assert_eq!(titles(&c.closed), ["甲将完成"]);
    assert_eq!(titles(&c.reopened), ["乙曾完成"]);
    assert_eq!(titles(&c.postponed), ["丙延期"]);
    assert_eq!(titles(&c.brought_forward), ["丁提前"]);
    // Overdue on 2023-07-31 and not on 2023-06-30; 辛 was overdue already.
    assert_eq!(titles(&c.newly_overdue), ["戊将逾期"]);
    assert_eq!(titles(&c.status_changed), ["己转长期"]);
    assert_eq!(titles(&c.new), ["壬新增"]);
    assert_eq!(titles(&c.removed), ["庚已删除"]);
    let postponed = &c.postponed[0];
    assert_eq!(
        postponed.old.as_ref().and_then(|s| s.deadline),
        Some(day("2023-07-31"))
    );
    assert_eq!(
        postponed.new.as_ref().and_then(|s| s.deadline),
        Some(day("2023-12-31"))
    );
    // 1 of 8 closed → 1 of 8 closed: 甲 closed, 乙 reopened.
    assert_eq!((c.total_old.closed, c.total_old.problems), (1, 8));
    assert_eq!((c.total_new.closed, c.total_new.problems), (1, 8));
    let marks = c.marks();
    assert_eq!(
        marks.get(&ProblemAt {
            report: 0,
            problem: 0
        }),
        Some(&vec![Kind::Closed])
    );
    assert_eq!(
        marks.get(&ProblemAt {
            report: 0,
            problem: 7
        }),
        Some(&vec![Kind::New])
    );
}

#[test]
fn as_of_reads_the_new_version_on_that_day_and_the_old_on_its_own() {
    let old = version(
        "2023-06-30",
        vec![p("1", "甲", Status::Open, Some("2023-08-31"))],
    );
    let same = compute(&old, &old, None);
    assert!(same.newly_overdue.is_empty());
    // By the meeting on 2023-09-05 the deadline has passed.
    let later = compute(&old, &old, Some(day("2023-09-05")));
    assert_eq!(titles(&later.newly_overdue), ["甲"]);
    let n = later.newly_overdue[0]
        .new
        .as_ref()
        .map(|s| (s.overdue, s.as_of));
    assert_eq!(n, Some((true, day("2023-09-05"))));
    let o = later.newly_overdue[0]
        .old
        .as_ref()
        .map(|s| (s.overdue, s.as_of));
    assert_eq!(o, Some((false, day("2023-06-30"))));
}

#[test]
fn a_closed_problem_is_not_postponed_by_its_rewritten_items() {
    let ongoing = |date: &str| Measure {
        deadline: deadline(date, Some(date)),
        ..Measure::default()
    };
    let mut open = p("1", "甲", Status::Open, None);
    open.ongoing = vec![ongoing("2023-12-31")];
    let mut closed = p("1", "甲", Status::Closed, None);
    closed.measures = vec![ongoing("2024-03-31")];
    let old = version("2023-06-30", vec![open.clone()]);
    let c = compute(&old, &version("2023-07-31", vec![closed]), None);
    assert_eq!(titles(&c.closed), ["甲"]);
    assert!(c.postponed.is_empty());
    // Still open, the same move is a postponement; to 长期坚持 without a day too.
    let mut later = open.clone();
    later.ongoing = vec![ongoing("2024-03-31")];
    let c = compute(&old, &version("2023-07-31", vec![later]), None);
    assert_eq!(titles(&c.postponed), ["甲"]);
    let mut long = open;
    long.deadline = deadline("长期坚持", None);
    let c = compute(&old, &version("2023-07-31", vec![long]), None);
    assert_eq!(titles(&c.postponed), ["甲"]);
}

#[test]
fn a_unit_added_counts_in_the_new_total_and_has_no_old_rate() {
    let old = version("2023-06-30", vec![p("1", "甲", Status::Closed, None)]);
    let mut new = old.clone();
    let mut other = new.reports[0].clone();
    other.issuer = "单位乙".to_owned();
    other.problems = vec![p("1", "乙", Status::Open, None)];
    new.reports.push(other);
    let c = compute(&old, &new, None);
    assert_eq!(titles(&c.new), ["乙"]);
    assert_eq!(c.units.len(), 2);
    assert_eq!(c.units[1].unit, "单位乙");
    assert_eq!(c.units[1].old, None);
    assert_eq!(
        c.total_old.percent(),
        Some(rust_decimal::Decimal::ONE_HUNDRED)
    );
    assert_eq!(
        c.total_new.percent(),
        Some(rust_decimal::Decimal::new(50, 0))
    );
}

#[test]
fn a_part_of_a_split_problem_can_fall_overdue() {
    let old = version(
        "2023-06-30",
        vec![p("2", "资金和合同", Status::Open, Some("2023-12-31"))],
    );
    let new = version(
        "2023-07-31",
        vec![
            p("2-1", "资金", Status::Open, Some("2023-08-31")),
            p("2-2", "合同", Status::Open, Some("2023-12-31")),
        ],
    );
    let c = compute(&old, &new, Some(day("2023-09-01")));
    assert_eq!(c.split.len(), 1);
    assert_eq!(titles(&c.newly_overdue), ["资金"]);
    assert!(c.new.is_empty() && c.removed.is_empty());
}
