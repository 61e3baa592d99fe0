use super::*;
use crate::model::Status;

/// A problem with a number (or none) and a title (or none).
fn problem(number: Option<&str>, title: Option<&str>) -> Problem {
    Problem {
        number: number.map(str::to_owned),
        title: title.map(str::to_owned),
        status: Status::Open,
        ..Problem::default()
    }
}

fn p(number: &str, title: &str) -> Problem {
    problem(Some(number), Some(title))
}

/// A dataset of one report per unit.
fn dataset(units: Vec<(&str, Vec<Problem>)>) -> Dataset {
    let mut d = crate::generate::dataset(0, 1);
    for (i, (issuer, problems)) in units.into_iter().enumerate() {
        let mut r = crate::generate::report(1, i);
        r.issuer = issuer.to_owned();
        r.problems = problems;
        d.reports.push(r);
    }
    d
}

fn at(report: usize, problem: usize) -> ProblemAt {
    ProblemAt { report, problem }
}

/// The pairs as (old problem index, new problem index, how), in report 0.
fn pairs(m: &Matching) -> Vec<(usize, usize, MatchedBy)> {
    let mut pairs: Vec<_> = m
        .pairs
        .iter()
        .map(|p| (p.old.problem, p.new.problem, p.by))
        .collect();
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs
}

#[test]
fn normalising_ignores_whitespace_punctuation_and_width() {
    assert_eq!(normalise("“四风”问题 依然存在。"), "四风问题依然存在");
    assert_eq!(normalise("ＡＢＣ　１２３（试点）"), "abc123试点");
    assert_eq!(normalise("A B,c"), normalise("ａｂｃ"));
    assert_eq!(normalise_number("（三）"), "3");
    assert_eq!(normalise_number("3、"), "3");
    assert_eq!(normalise_number("１２"), "12");
    assert_eq!(normalise_number("十一"), "11");
}

#[test]
fn sub_numbers_name_the_parts_of_a_problem() {
    for part in ["3-1", "3.2", "3（1）", "（3-2）", "3之一", "三-1"] {
        assert!(is_sub_number("3", part), "{part}");
    }
    for other in ["3", "31", "4-1", "3-", "13-1"] {
        assert!(!is_sub_number("3", other), "{other}");
    }
}

#[test]
fn the_same_number_and_text_is_the_same_problem() {
    let old = dataset(vec![("单位甲", vec![p("1", "甲"), p("2", "乙")])]);
    let m = match_problems(&old, &old);
    assert_eq!(
        pairs(&m),
        vec![
            (0, 0, MatchedBy::NumberAndText),
            (1, 1, MatchedBy::NumberAndText)
        ]
    );
    assert!(m.added.is_empty() && m.removed.is_empty() && m.ambiguous.is_empty());
}

#[test]
fn renumbered_problems_are_found_by_their_text() {
    // Problem 2 is gone; 3 became 2 and its title lost its quotes and gained a space.
    let old = dataset(vec![(
        "单位甲",
        vec![
            p("1", "内控机制不完善"),
            p("2", "四风问题依然存在"),
            p("3", "“党建工作”抓而不实"),
        ],
    )]);
    let new = dataset(vec![(
        "单位甲",
        vec![p("1", "内控机制不完善"), p("2", "党建工作 抓而不实")],
    )]);
    let m = match_problems(&old, &new);
    assert_eq!(
        pairs(&m),
        vec![(0, 0, MatchedBy::NumberAndText), (2, 1, MatchedBy::Text)]
    );
    assert_eq!(m.removed, vec![(0, at(0, 1))]);
    assert!(m.added.is_empty());
}

#[test]
fn a_reworded_title_under_the_same_number_is_the_same_problem() {
    let old = dataset(vec![("单位甲", vec![p("1", "内控机制不完善")])]);
    let new = dataset(vec![("单位甲", vec![p("1", "内部控制机制不完善")])]);
    assert_eq!(
        pairs(&match_problems(&old, &new)),
        vec![(0, 0, MatchedBy::Number)]
    );
}

#[test]
fn a_different_problem_under_an_old_number_is_not_the_old_problem() {
    let old = dataset(vec![("单位甲", vec![p("3", "内控机制不完善")])]);
    let new = dataset(vec![("单位甲", vec![p("3", "队伍建设还有短板")])]);
    let m = match_problems(&old, &new);
    assert!(m.pairs.is_empty());
    assert_eq!(m.removed.len(), 1);
    assert_eq!(m.added.len(), 1);
}

#[test]
fn problems_are_matched_only_within_their_unit() {
    let old = dataset(vec![("单位甲", vec![p("1", "内控机制不完善")])]);
    let new = dataset(vec![
        ("单位乙", vec![p("1", "内控机制不完善")]),
        ("单位甲", vec![]),
    ]);
    let m = match_problems(&old, &new);
    assert!(m.pairs.is_empty());
    assert_eq!(m.units.len(), 2);
    assert_eq!(m.units[0].name, "单位甲");
    assert_eq!((m.units[1].old.len(), m.units[1].new.len()), (0, 1));
}

#[test]
fn the_unit_is_the_issuer_not_the_report_id() {
    let old = dataset(vec![("中共示例区 工作委员会", vec![p("1", "甲")])]);
    let mut new = dataset(vec![("中共示例区工作委员会", vec![p("1", "甲")])]);
    new.reports[0].id = "another-id-2023".to_owned();
    let m = match_problems(&old, &new);
    assert_eq!(m.units.len(), 1);
    assert_eq!(
        m.units[0].name, "中共示例区工作委员会",
        "the new spelling names it"
    );
    assert_eq!(m.pairs.len(), 1);
}

#[test]
fn two_candidates_with_the_same_text_are_reported_not_guessed() {
    let old = dataset(vec![("单位甲", vec![p("1", "资金管理不规范")])]);
    let new = dataset(vec![(
        "单位甲",
        vec![p("4", "资金管理不规范"), p("5", "资金管理不规范。")],
    )]);
    let m = match_problems(&old, &new);
    assert!(m.pairs.is_empty());
    assert_eq!(
        m.ambiguous,
        vec![Ambiguity {
            unit: 0,
            reason: Reason::SameText,
            old: vec![at(0, 0)],
            new: vec![at(0, 0), at(0, 1)],
        }]
    );
    assert!(m.added.is_empty() && m.removed.is_empty());
}

#[test]
fn the_number_tells_apart_problems_with_the_same_text() {
    let old = dataset(vec![(
        "单位甲",
        vec![p("1", "资金管理不规范"), p("2", "资金管理不规范")],
    )]);
    let new = dataset(vec![(
        "单位甲",
        vec![p("2", "资金管理不规范"), p("7", "资金管理不规范")],
    )]);
    let m = match_problems(&old, &new);
    assert_eq!(
        pairs(&m),
        vec![(0, 1, MatchedBy::Text), (1, 0, MatchedBy::NumberAndText)]
    );
    assert!(m.ambiguous.is_empty());
}

#[test]
fn a_problem_split_in_two_is_reported_as_a_split() {
    let old = dataset(vec![(
        "单位甲",
        vec![p("1", "内控机制不完善"), p("2", "资金管理和合同管理不规范")],
    )]);
    let by_number = dataset(vec![(
        "单位甲",
        vec![
            p("1", "内控机制不完善"),
            p("2-1", "资金使用"),
            p("2-2", "合同签订"),
        ],
    )]);
    let by_text = dataset(vec![(
        "单位甲",
        vec![
            p("1", "内控机制不完善"),
            p("2", "资金管理"),
            p("3", "合同管理不规范"),
        ],
    )]);
    for new in [by_number, by_text] {
        let m = match_problems(&old, &new);
        assert_eq!(
            m.splits,
            vec![Split {
                unit: 0,
                old: at(0, 1),
                parts: vec![at(0, 1), at(0, 2)],
            }]
        );
        assert_eq!(m.pairs.len(), 1);
        assert!(m.added.is_empty() && m.removed.is_empty());
    }
}

#[test]
fn a_problem_without_number_or_title_is_known_by_its_first_measure() {
    let with_measure = |text: &str| Problem {
        measures: vec![crate::model::Measure {
            text: text.to_owned(),
            ..Default::default()
        }],
        ..problem(None, None)
    };
    let old = dataset(vec![("单位甲", vec![with_measure("一是完善租赁程序。")])]);
    let new = dataset(vec![("单位甲", vec![with_measure("一是完善租赁程序")])]);
    assert_eq!(
        pairs(&match_problems(&old, &new)),
        vec![(0, 0, MatchedBy::NumberAndText)]
    );
    // Nothing to know it by: only an identical problem is the same.
    let bare = dataset(vec![("单位甲", vec![problem(None, None)])]);
    assert_eq!(
        pairs(&match_problems(&bare, &bare)),
        vec![(0, 0, MatchedBy::Identical)]
    );
    let mut closed = bare.clone();
    closed.reports[0].problems[0].status = Status::Closed;
    let m = match_problems(&bare, &closed);
    assert_eq!((m.removed.len(), m.added.len()), (1, 1));
}
