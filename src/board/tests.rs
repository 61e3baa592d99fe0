//! Tests of rates, lights and rankings, on the bundled reports and on
//! small datasets made to the edge cases (ties, no problems, all long-term,
//! no deadlines).

use super::*;
use crate::model::{Deadline, Problem};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn bundled() -> Dataset {
    crate::load::bundled().unwrap().dataset
}

/// A report with the first one's issuer renamed and these problems.
fn unit(name: &str, problems: Vec<Problem>) -> Report {
    let mut report = bundled().reports.swap_remove(0);
    report.issuer = name.to_owned();
    report.stated = Default::default();
    report.source.complete = true;
    report.general.clear();
    report.problems = problems;
    report
}

fn problem(status: Status, due: Option<&str>) -> Problem {
    Problem {
        status,
        deadline: due.map(|d| Deadline {
            text: d.to_owned(),
            date: Some(day(d)),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn owned(status: Status, due: Option<&str>, leaders: &[&str], departments: &[&str]) -> Problem {
    Problem {
        leaders: leaders.iter().map(|s| s.to_string()).collect(),
        departments: departments.iter().map(|s| s.to_string()).collect(),
        ..problem(status, due)
    }
}

fn board(reports: Vec<Report>, as_of: &str, rank: Rank) -> Board {
    let mut dataset = bundled();
    dataset.reports = reports;
    let stats = Stats::compute(&dataset, day(as_of));
    Board::compute(&dataset, &stats, rank)
}

fn rate(percent: &str, closed: u32, total: u32, basis: RateBasis) -> Completion {
    Completion::Rate {
        percent: percent.parse().unwrap(),
        closed,
        total,
        basis,
    }
}

#[test]
fn the_bundled_board_marks_the_inferred_rate_and_refuses_the_partial_one() {
    let dataset = bundled();
    let stats = Stats::compute(&dataset, day("2022-01-15"));
    let board = Board::compute(&dataset, &stats, Rank::BestFirst);
    // 11 closed (inferred from the numbering) of 13.
    assert_eq!(board.units[0].name, "无锡经济开发区工作委员会");
    assert_eq!(
        board.units[0].completion,
        rate("84.6", 11, 13, RateBasis::Inferred)
    );
    // The 人防 report survives only in part and states no totals: its one
    // transcribed open problem is no rate of 0%.
    assert_eq!(board.units[1].name, "无锡市人民防空办公室党组");
    assert_eq!(
        board.units[1].completion,
        Completion::Unknown(NoRate::PartialSource { transcribed: 1 })
    );
    assert_eq!(board.completion, rate("84.6", 11, 13, RateBasis::Inferred));
    assert_eq!(board.units_without_rate, 1);
}

#[test]
fn rate_is_closed_over_total_to_one_decimal() {
    let mut problems = vec![problem(Status::Closed, None); 27];
    problems.extend(vec![problem(Status::Open, None); 4]);
    let b = board(vec![unit("甲", problems)], "2023-01-01", Rank::BestFirst);
    assert_eq!(
        b.units[0].completion,
        rate("87.1", 27, 31, RateBasis::Counted)
    );
    assert_eq!(b.completion, rate("87.1", 27, 31, RateBasis::Counted));
}

#[test]
fn a_unit_without_problems_has_no_rate_and_is_ranked_last() {
    let b = board(
        vec![
            unit("空", vec![]),
            unit("乙", vec![problem(Status::Open, None)]),
        ],
        "2023-01-01",
        Rank::BestFirst,
    );
    assert_eq!(b.units[0].name, "乙");
    assert_eq!(
        b.units[1].completion,
        Completion::Unknown(NoRate::NoProblems)
    );
    assert_eq!(b.units[1].lights, None);
    assert!(b.lights_partial);
    // Flipping the order keeps the unknown last.
    let b = board(
        vec![
            unit("空", vec![]),
            unit("乙", vec![problem(Status::Open, None)]),
        ],
        "2023-01-01",
        Rank::WorstFirst,
    );
    assert_eq!(b.units[1].name, "空");
}

#[test]
fn all_long_term_is_a_rate_of_zero_with_no_lights_lit() {
    let b = board(
        vec![unit("甲", vec![problem(Status::LongTerm, None); 3])],
        "2023-01-01",
        Rank::BestFirst,
    );
    assert_eq!(b.units[0].completion, rate("0", 0, 3, RateBasis::Counted));
    assert_eq!(b.units[0].lights, Some(Lights::default()));
}

#[test]
fn lights_count_open_problems_by_their_deadline() {
    let problems = vec![
        problem(Status::Open, Some("2022-12-31")),
        problem(Status::Open, Some("2023-01-20")),
        problem(Status::Open, Some("2023-06-30")),
        problem(Status::Open, None),
        // Closed and long-term problems are not lit, however old the date.
        problem(Status::Closed, Some("2020-01-01")),
        problem(Status::LongTerm, Some("2020-01-01")),
    ];
    let b = board(vec![unit("甲", problems)], "2023-01-01", Rank::BestFirst);
    let lights = Lights {
        overdue: 1,
        due_soon: 1,
        on_track: 1,
        undated: 1,
    };
    assert_eq!(b.units[0].lights, Some(lights));
    assert_eq!(b.lights, lights);
}

#[test]
fn ties_in_rate_put_fewer_overdue_first_then_name() {
    let late = vec![
        problem(Status::Closed, None),
        problem(Status::Open, Some("2022-01-01")),
    ];
    let fine = vec![
        problem(Status::Closed, None),
        problem(Status::Open, Some("2024-01-01")),
    ];
    let b = board(
        vec![
            unit("丙", late.clone()),
            unit("乙", fine.clone()),
            unit("甲", fine),
        ],
        "2023-01-01",
        Rank::BestFirst,
    );
    let names: Vec<&str> = b.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["乙", "甲", "丙"]);
}

#[test]
fn ranking_flips_between_best_and_worst_first() {
    let good = vec![problem(Status::Closed, None); 2];
    let bad = vec![problem(Status::Closed, None), problem(Status::Open, None)];
    let best = board(
        vec![unit("差", bad.clone()), unit("好", good.clone())],
        "2023-01-01",
        Rank::BestFirst,
    );
    assert_eq!(best.units[0].name, "好");
    let worst = board(
        vec![unit("差", bad), unit("好", good)],
        "2023-01-01",
        Rank::BestFirst.flipped(),
    );
    assert_eq!(worst.units[0].name, "差");
}

#[test]
fn a_stated_rate_is_shown_as_stated_but_the_overall_rate_is_counted() {
    let mut report = unit("甲", vec![problem(Status::Closed, None); 2]);
    report.stated.completion_rate = Some(crate::model::StatedRate {
        percent: "97.27".parse().unwrap(),
        quote: "总体完成率97.27%".to_owned(),
    });
    let b = board(vec![report], "2023-01-01", Rank::BestFirst);
    assert_eq!(
        b.units[0].completion,
        rate("97.27", 2, 2, RateBasis::Stated)
    );
    assert_eq!(b.completion, rate("100", 2, 2, RateBasis::Counted));
}

#[test]
fn short_names_drop_the_shared_party_prefix_only() {
    assert_eq!(
        short_name("中共无锡市人民防空办公室党组"),
        "无锡市人民防空办公室党组"
    );
    assert_eq!(short_name("中国共产党某县委员会"), "某县委员会");
    assert_eq!(short_name("县卫健局"), "县卫健局");
    assert_eq!(short_name("中共"), "中共");
}

#[test]
fn owners_are_ranked_by_overdue_then_open() {
    let problems = vec![
        owned(Status::Open, Some("2022-06-30"), &["张副局长"], &["办公室"]),
        owned(Status::Open, Some("2024-06-30"), &["李副局长"], &["财务股"]),
        owned(
            Status::Open,
            Some("2024-06-30"),
            &["李副局长"],
            &["财务股", "办公室"],
        ),
        owned(Status::Closed, None, &["王局长", "王局长"], &[]),
    ];
    let dataset = Dataset {
        reports: vec![unit("甲", problems)],
        ..bundled()
    };
    let leaders = owners(&dataset, day("2023-01-01"), OwnerKind::Leader);
    let names: Vec<&str> = leaders.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["张副局长", "李副局长", "王局长"]);
    assert_eq!(leaders[0].lights.overdue, 1);
    assert_eq!(leaders[1].counts.open, 2);
    // A name written twice on one problem counts it once.
    assert_eq!(leaders[2].problems, [(0, 3)]);
    let departments = owners(&dataset, day("2023-01-01"), OwnerKind::Department);
    assert_eq!(departments[0].name, "办公室");
    assert_eq!(departments[0].problems, [(0, 0), (0, 2)]);
}

#[test]
fn published_reports_name_no_owners() {
    let dataset = bundled();
    assert!(owners(&dataset, day("2022-01-15"), OwnerKind::Leader).is_empty());
    assert!(owners(&dataset, day("2022-01-15"), OwnerKind::Department).is_empty());
}

#[test]
fn a_rate_is_a_share_of_one_for_gauges_and_an_unknown_rate_is_none_of_it() {
    let rate = Completion::Rate {
        percent: rust_decimal::Decimal::new(846, 1),
        closed: 11,
        total: 13,
        basis: RateBasis::Inferred,
    };
    assert!((rate.fraction() - 0.846).abs() < 1e-9);
    assert_eq!(Completion::Unknown(NoRate::NoProblems).fraction(), 0.0);
}
