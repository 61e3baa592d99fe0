//! Tests of the checks, on the minimal example and variations of it.

use std::str::FromStr;

use super::*;

fn minimal() -> Dataset {
    let text = include_str!("../../tests/fixtures/valid/minimal.json");
    serde_json::from_str(text).unwrap()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The messages of the issues, with their paths, for compact assertions.
fn found(dataset: &Dataset) -> Vec<String> {
    validate(dataset)
        .iter()
        .map(|i| {
            let sev = if i.severity == Severity::Error {
                "E"
            } else {
                "W"
            };
            format!("{sev} {}: {}", jsonpos::display(&i.path), i.message)
        })
        .collect()
}

fn figure(ds: &mut Dataset, p: usize, m: usize, f: usize) -> &mut Figure {
    &mut ds.reports[0].problems[p].measures[m].figures[f]
}

#[test]
fn the_minimal_fixture_has_no_issues() {
    assert_eq!(found(&minimal()), Vec::<String>::new());
}

#[test]
fn duplicate_problem_numbers_in_one_section_are_errors() {
    let mut ds = minimal();
    let mut copy = ds.reports[0].problems[0].clone();
    copy.measures.clear();
    ds.reports[0].problems.push(copy);
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[2].number: duplicate problem number '1' in section '（一）已完成整改的问题'",
            "E $.reports[0].stated.closed.value: the report states 1 closed problem, but 2 closed problems are transcribed",
        ]
    );
}

#[test]
fn the_same_number_in_different_sections_is_fine() {
    // The fixture has problem 1 in section (一) and problem 1 in section (二).
    let ds = minimal();
    assert_eq!(
        ds.reports[0].problems[0].number,
        ds.reports[0].problems[1].number
    );
    assert!(validate(&ds).is_empty());
}

#[test]
fn stated_counts_beyond_any_report_are_errors() {
    let mut ds = minimal();
    ds.reports[0].stated.closed = Some(crate::model::StatedCount {
        value: u32::MAX,
        ..ds.reports[0].stated.closed.clone().unwrap()
    });
    assert_eq!(
        found(&ds),
        vec![format!(
            "E $.reports[0].stated.closed.value: stated count '{}' is too large",
            u32::MAX
        )]
    );
}

#[test]
fn amounts_beyond_any_report_are_errors_not_overflows() {
    use std::str::FromStr;
    let huge = Decimal::from_str("70000000000000000000000000000").unwrap();
    let mut ds = minimal();
    let f = figure(&mut ds, 0, 0, 0);
    f.value = -huge;
    f.normalized = Some(huge);
    let messages: Vec<String> = validate(&ds).into_iter().map(|i| i.message).collect();
    assert!(
        messages.iter().any(|m| m.ends_with("is too large")),
        "{messages:?}"
    );
    let mut ds = minimal();
    let f = figure(&mut ds, 0, 0, 0);
    f.normalized = Some(huge);
    let messages: Vec<String> = validate(&ds).into_iter().map(|i| i.message).collect();
    assert!(
        messages.contains(&format!("normalized value '{huge}' is too large")),
        "{messages:?}"
    );
}

#[test]
fn unknown_units_list_the_known_units_of_the_figures_kind() {
    let mut ds = minimal();
    figure(&mut ds, 0, 0, 0).unit = Unit::new("英亩");
    let issues = validate(&ds);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].message, "unknown unit '英亩'");
    assert_eq!(
        issues[0].hint.as_deref(),
        Some("known area units: 亩, 万亩, 平方米, 万平方米, 公顷")
    );
}

#[test]
fn unknown_units_of_other_kinds_are_grouped_by_shared_characters() {
    let mut ds = minimal();
    let f = figure(&mut ds, 0, 0, 0);
    f.kind = FigureKind::Other;
    f.unit = Unit::new("万美金");
    f.normalized = None;
    let issues = validate(&ds);
    assert_eq!(
        issues[0].hint.as_deref(),
        Some("known money units: 元, 万元, 亿元, 美元, 万美元, 亿美元")
    );
}

#[test]
fn negative_values_are_errors() {
    let mut ds = minimal();
    let f = figure(&mut ds, 0, 0, 1);
    f.value = d("-4");
    f.text = "-4次".into();
    f.quote = "开展专项检查-4次".into();
    assert!(found(&ds).contains(
        &"E $.reports[0].problems[0].measures[0].figures[1].value: negative value '-4'".to_owned()
    ));
}

#[test]
fn deadlines_before_publication_and_mismatched_dates_are_errors() {
    let mut ds = minimal();
    let deadline = ds.reports[0].problems[1].ongoing[0]
        .deadline
        .as_mut()
        .unwrap();
    deadline.date = Some(chrono::NaiveDate::from_ymd_opt(2021, 1, 31).unwrap());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[1].ongoing[0].deadline.date: deadline '2021-01-31' is before the report's publication date '2021-12-30'",
        ]
    );
    let deadline = ds.reports[0].problems[1].ongoing[0]
        .deadline
        .as_mut()
        .unwrap();
    deadline.date = Some(chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[1].ongoing[0].deadline.date: deadline date '2022-01-01' does not match its text '2022年1月'",
        ]
    );
    let deadline = ds.reports[0].problems[1].ongoing[0]
        .deadline
        .as_mut()
        .unwrap();
    deadline.date = None;
    assert_eq!(
        found(&ds),
        vec![
            "W $.reports[0].problems[1].ongoing[0].deadline: deadline '2022年1月' has no date, though it means 2022-01-31",
        ]
    );
}

#[test]
fn stated_totals_below_the_transcribed_problems_are_errors_naming_both_numbers() {
    let mut ds = minimal();
    ds.reports[0].stated.open.as_mut().unwrap().value = 0;
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].stated.open.value: the report states 0 open problems, but 1 open problem is transcribed",
        ]
    );
}

#[test]
fn figure_text_must_be_in_its_quote_and_hold_its_value() {
    let mut ds = minimal();
    figure(&mut ds, 0, 0, 0).text = "894.56亩".into();
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[0].measures[0].figures[0].text: figure text '894.56亩' is not in its quote '全年盘活存量建设用地849.56亩'",
            "E $.reports[0].problems[0].measures[0].figures[0].value: value '849.56' is not written in the figure text '894.56亩'",
        ]
    );
}

#[test]
fn chinese_numerals_and_separators_count_as_the_value_written() {
    assert_eq!(numbers_in("四次"), vec![d("4")]);
    assert_eq!(numbers_in("十二项"), vec![d("12")]);
    assert_eq!(numbers_in("两家"), vec![d("2")]);
    assert_eq!(numbers_in("5000余万元"), vec![d("5000")]);
    assert_eq!(numbers_in("1,200万元"), vec![d("1200")]);
    assert_eq!(numbers_in("１１０万平方米"), vec![d("110")]);
    assert_eq!(numbers_in("101家、23.7万平方米"), vec![d("101"), d("23.7")]);
    assert_eq!(numbers_in("同比增长23.8%"), vec![d("23.8")]);
    // 849.560 and 849.56 are the same number.
    assert!(numbers_in("849.56亩").contains(&d("849.560")));
}

#[test]
fn normalized_must_match_value_times_factor_within_a_cent() {
    let mut ds = minimal();
    figure(&mut ds, 0, 0, 0).normalized = Some(d("566373.34"));
    assert!(validate(&ds).is_empty());
    figure(&mut ds, 0, 0, 0).normalized = Some(d("5663733.3"));
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[0].measures[0].figures[0].normalized: normalized '5663733.3' does not match 849.56亩 = 566373.33",
        ]
    );
}

#[test]
fn a_figure_overlapping_itself_is_an_error() {
    let mut ds = minimal();
    let f = &mut ds.reports[0].problems[0].measures[0].figures[0];
    f.overlaps = f.id.clone();
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[0].measures[0].figures[0].overlaps: overlaps 'land-revitalised' is the figure itself",
        ]
    );
}

#[test]
fn overlaps_and_targets_that_go_round_in_a_cycle_are_errors() {
    let mut ds = minimal();
    ds.reports[0].problems[0].measures[0].figures[0].overlaps = Some("expropriated-floor".into());
    ds.reports[0].problems[1].measures[0].figures[0].overlaps = Some("land-revitalised".into());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[1].measures[0].figures[0].overlaps: overlaps references go round in a cycle: 'expropriated-floor' → 'land-revitalised' → 'expropriated-floor'",
        ]
    );
    // A chain that ends is fine: the smaller in the larger in the largest.
    ds.reports[0].problems[1].measures[0].figures[0].overlaps = None;
    assert_eq!(found(&ds), Vec::<String>::new());

    let mut ds = minimal();
    let floor = &mut ds.reports[0].problems[1].measures[0].figures[0];
    floor.target = Some("second-floor".into());
    let mut second = floor.clone();
    second.id = Some("second-floor".into());
    second.target = Some("expropriated-floor".into());
    ds.reports[0].problems[1].measures[0].figures.push(second);
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[1].measures[0].figures[0].target: target references go round in a cycle: 'expropriated-floor' → 'second-floor' → 'expropriated-floor'",
        ]
    );
}

#[test]
fn references_must_name_an_existing_target() {
    let mut ds = minimal();
    ds.reports[0].problems[1].measures[0].figures[1].target = Some("expropriated-flor".into());
    ds.reports[0].problems[1].measures[0].figures[1].overlaps = Some("land-revitalised".into());
    let issues = validate(&ds);
    assert_eq!(issues.len(), 1);
    assert_eq!(
        issues[0].message,
        "target 'expropriated-flor' is not the id of any figure in this report"
    );
    assert_eq!(
        issues[0].hint.as_deref(),
        Some("did you mean 'expropriated-floor'?")
    );
    ds.reports[0].problems[1].measures[0].figures[1].target = Some("land-revitalised".into());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[1].measures[0].figures[1].target: target 'land-revitalised' is a figure with role 'achieved', not 'target'",
        ]
    );
}

#[test]
fn duplicate_figure_ids_are_errors_at_the_second() {
    let mut ds = minimal();
    figure(&mut ds, 0, 0, 1).id = Some("land-revitalised".into());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].problems[0].measures[0].figures[1].id: duplicate figure id 'land-revitalised'",
        ]
    );
}

#[test]
fn warnings_for_quotes_outside_the_text_missing_normalized_titles_and_problems() {
    let mut ds = minimal();
    let f = figure(&mut ds, 0, 0, 0);
    f.quote = "盘活存量建设用地849.56亩（另见附表）".into();
    f.normalized = None;
    ds.reports[0].problems[0].title = Some(" ".into());
    assert_eq!(
        found(&ds),
        vec![
            "W $.reports[0].problems[0].title: problem '1' has no title",
            "W $.reports[0].problems[0].measures[0].figures[0]: area figure '849.56亩' has no normalized value",
            "W $.reports[0].problems[0].measures[0].figures[0].quote: the quote of figure '849.56亩' is not in its item's text",
        ]
    );
    ds.reports[0].problems.clear();
    ds.reports[0].stated = Default::default();
    assert_eq!(
        found(&ds),
        vec!["W $.reports[0].problems: report 'demo-2021-12-30' has no problems"]
    );
}

#[test]
fn a_partial_problem_may_lack_a_title() {
    let mut ds = minimal();
    ds.reports[0].problems[0].title = None;
    ds.reports[0].problems[0].partial = true;
    assert!(validate(&ds).is_empty());
}

#[test]
fn suggests_close_names_only() {
    let fields = ["id", "title", "issuer", "published"];
    assert_eq!(did_you_mean("publishd", fields), Some("published"));
    assert_eq!(did_you_mean("issur", fields), Some("issuer"));
    assert_eq!(did_you_mean("zzzzzzzz", fields), None);
    assert_eq!(did_you_mean("x", fields), None);
    assert_eq!(edit_distance("整改", "整改到位"), 2);
}

/// Two ids that differ only in a control character would show alike and, where
/// text is shown cleaned, be taken for each other: ids and references are keys.
#[test]
fn ids_and_references_may_not_hold_control_characters() {
    let mut ds = minimal();
    ds.reports[0].id = "demo\u{85}".into();
    let figures = &mut ds.reports[0].problems[1].measures[0].figures;
    figures[0].id = Some("floor\u{202e}".into());
    figures[1].target = Some("floor\u{202e}".into());
    assert_eq!(
        found(&ds),
        vec![
            "E $.reports[0].id: id 'demo\u{85}' holds a control character",
            "E $.reports[0].problems[1].measures[0].figures[0].id: id 'floor\u{202e}' holds a control character",
            "E $.reports[0].problems[1].measures[0].figures[1].target: target 'floor\u{202e}' holds a control character",
        ]
    );
}
