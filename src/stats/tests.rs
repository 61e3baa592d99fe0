//! Tests of the derived figures, on the bundled reports and variations of them.

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The first measure figure of a kind in the dataset, to change.
fn first_figure(dataset: &mut Dataset, kind: FigureKind) -> &mut Figure {
    dataset
        .reports
        .iter_mut()
        .flat_map(|r| r.problems.iter_mut())
        .flat_map(|p| p.measures.iter_mut())
        .flat_map(|m| m.figures.iter_mut())
        .find(|f| f.kind == kind)
        .unwrap()
}

#[test]
fn buckets_deadlines_against_the_as_of_date() {
    let as_of = day("2022-01-01");
    assert_eq!(Bucket::of(Some(day("2021-12-31")), as_of), Bucket::Overdue);
    assert_eq!(Bucket::of(Some(day("2022-01-01")), as_of), Bucket::DueSoon);
    assert_eq!(Bucket::of(Some(day("2022-01-31")), as_of), Bucket::DueSoon);
    assert_eq!(Bucket::of(Some(day("2022-02-01")), as_of), Bucket::Later);
    assert_eq!(Bucket::of(None, as_of), Bucket::NoDate);
}

fn land(m2: &str, target: Option<&str>) -> LandTotal {
    LandTotal {
        kind: FigureKind::LandExpropriated,
        m2: m2.parse().unwrap(),
        target_m2: target.map(|t| t.parse().unwrap()),
        with_target_m2: m2.parse().unwrap(),
        approximate: false,
        figures: Vec::new(),
        added: 0,
    }
}

#[test]
fn percent_of_target_is_achieved_over_target() {
    let floor = land("1100000", Some("1000000"));
    assert_eq!(floor.percent_of_target(), Some(Decimal::from(110)));
    assert_eq!(
        land("1", Some("3")).percent_of_target(),
        Some("33.3".parse().unwrap())
    );
    assert_eq!(land("5", None).percent_of_target(), None);
    assert_eq!(land("5", Some("0")).percent_of_target(), None);
}

/// Regression: a target of 0.0000000000000000000000000001平方米 passed
/// `check`, then panicked summary, snapshot and the dashboard with
/// "Division overflowed".
#[test]
fn a_tiny_target_gives_no_percentage_instead_of_overflowing() {
    let tiny = land("1000000", Some("0.0000000000000000000000000001"));
    assert_eq!(tiny.percent_of_target(), None);
}

/// A deliberate bug that once passed the suite: land totals never marked
/// approximate. One 余 among the added figures makes the sum approximate,
/// per report and in total; the other kinds stay exact.
#[test]
fn an_approximate_land_figure_makes_its_total_approximate() {
    let mut dataset = crate::load::bundled().unwrap().dataset;
    let as_of = day("2022-01-15");
    let exact = Stats::compute(&dataset, as_of);
    assert!(exact.totals.land.iter().all(|l| !l.approximate));
    let figure = first_figure(&mut dataset, FigureKind::LandRedeveloped);
    figure.approximate = true;
    let stats = Stats::compute(&dataset, as_of);
    for lands in [&stats.totals.land, &stats.reports[0].land] {
        for l in lands {
            assert_eq!(
                l.approximate,
                l.kind == FigureKind::LandRedeveloped,
                "{:?}",
                l.kind
            );
        }
    }
}

#[test]
fn converts_square_metres_to_mu() {
    assert_eq!(m2_to_mu(Decimal::from(10_000)), Decimal::from(15));
    assert_eq!(m2_to_mu(Decimal::from(1_100_000)), Decimal::from(1650));
}

#[test]
fn statistics_extended_piece_by_piece_equal_those_computed_at_once() {
    let mut dataset = crate::generate::dataset(700, 4);
    let bundled = crate::load::bundled().unwrap().dataset;
    dataset.reports.splice(3..3, bundled.reports);
    let as_of = day("2023-06-30");
    let whole = Stats::compute(&dataset, as_of);
    let mut pieces = Stats::empty(as_of);
    let mut from = 0;
    // Pieces of one report, of a few, and above the size run on every core.
    for size in [1, 2, 5, 300, 1, 400] {
        let to = (from + size).min(dataset.reports.len());
        pieces.extend(&dataset.reports[..to], from);
        from = to;
    }
    assert_eq!(from, dataset.reports.len());
    assert_eq!(pieces, whole);
    assert!(whole.totals.money.len() > 1 && !whole.totals.land.is_empty());
}

/// Stats of the bundled reports, as a reader checks them against the seed:
/// every count, sum and source the summary and the dashboard show.
#[test]
fn the_bundled_reports_add_up_as_the_seed_says() {
    let dataset = crate::load::bundled().unwrap().dataset;
    let stats = Stats::compute(&dataset, day("2022-01-15"));
    let t = &stats.totals;
    let counts = |closed, open, long_term| Counts {
        closed,
        open,
        long_term,
    };
    assert_eq!(t.problems, counts(11, 3, 0));
    assert_eq!(t.problems.total(), 14);
    assert_eq!(t.transcribed, counts(5, 3, 0));
    assert_eq!(t.transcribed.total(), 8);
    let edz = &stats.reports[0].problems;
    assert_eq!(
        (edz.closed.value, edz.closed.source.as_str()),
        (11, "inferred_from_numbering")
    );
    assert_eq!((edz.open.value, edz.open.source.as_str()), (2, "stated"));
    assert_eq!(
        (edz.long_term.value, edz.long_term.source.as_str()),
        (0, "transcribed")
    );
    assert_eq!(edz.best(), counts(11, 2, 0));
    let buckets = |overdue, due_soon, later, none| BucketCounts {
        overdue,
        due_soon,
        later,
        none,
    };
    assert_eq!(t.deadlines, buckets(0, 2, 5, 3));
    assert_eq!(stats.reports[0].deadlines, buckets(0, 1, 5, 3));
    assert_eq!(stats.reports[1].deadlines, buckets(0, 1, 0, 0));
    let later = Stats::compute(&dataset, day("2026-06-30"));
    assert_eq!(later.totals.deadlines, buckets(7, 0, 0, 3));
    let names: Vec<&str> = [
        Bucket::Overdue,
        Bucket::DueSoon,
        Bucket::Later,
        Bucket::NoDate,
    ]
    .iter()
    .map(|b| b.as_str())
    .collect();
    assert_eq!(names, ["overdue", "due_soon", "later", "none"]);

    let money = |kind: FigureKind| {
        let m = t.money.iter().find(|m| m.kind == kind).unwrap();
        (m.amount, m.currency, m.approximate)
    };
    let yuan = |n: i64| (Decimal::from(n), Currency::Cny, false);
    // 2948万元 + 597.9万元, both disbursed.
    assert_eq!(money(FigureKind::Disbursed), yuan(35_459_000));
    assert_eq!(money(FigureKind::Transferred), yuan(40_000_000));
    assert_eq!(money(FigureKind::PendingSettlement), yuan(4_596_600));
    assert_eq!(
        money(FigureKind::Invested),
        (Decimal::from(50_000_000), Currency::Cny, true)
    );
    assert_eq!(
        money(FigureKind::ForeignInvestment),
        (Decimal::from(70_050_000), Currency::Usd, false)
    );
    assert_eq!(t.money.len(), 12);

    let land = |kind: FigureKind| t.land.iter().find(|l| l.kind == kind).unwrap();
    // Building floor area of 房屋征收: its own kind, in m², never land.
    let expropriated = land(FigureKind::FloorAreaExpropriated);
    assert!(expropriated.is_floor_area());
    assert_eq!(expropriated.m2, Decimal::from(1_100_000));
    // 23.7万平方米 is part of the 110万: listed after it, not added.
    assert_eq!((expropriated.figures.len(), expropriated.added), (2, 1));
    // The floor of 100万平方米 is a target: measured against, never added.
    assert_eq!(expropriated.target_m2, Some(Decimal::from(1_000_000)));
    assert_eq!(expropriated.with_target_m2, Decimal::from(1_100_000));
    assert_eq!(expropriated.percent_of_target(), Some(Decimal::from(110)));
    let own = stats.reports[0]
        .land
        .iter()
        .find(|l| l.kind == FigureKind::FloorAreaExpropriated)
        .unwrap();
    assert_eq!(own.target_m2, Some(Decimal::from(1_000_000)));
    assert_eq!(
        land(FigureKind::LandRevitalised).mu(),
        "849.56".parse::<Decimal>().unwrap()
    );
    assert_eq!(land(FigureKind::LandRevitalised).target_m2, None);
    assert_eq!(t.land.len(), 4);
}

/// Two copies of every report give twice every total: counts, sums, targets
/// and deadlines are added, not kept, multiplied or subtracted.
#[test]
fn totals_over_reports_are_sums() {
    let mut dataset = crate::load::bundled().unwrap().dataset;
    let copies: Vec<Report> = dataset
        .reports
        .iter()
        .cloned()
        .map(|mut r| {
            r.id.push_str("-copy");
            r
        })
        .collect();
    let as_of = day("2022-01-15");
    let once = Stats::compute(&dataset, as_of).totals;
    dataset.reports.extend(copies);
    let twice = Stats::compute(&dataset, as_of).totals;
    let double = |c: Counts| Counts {
        closed: c.closed * 2,
        open: c.open * 2,
        long_term: c.long_term * 2,
    };
    assert_eq!(twice.problems, double(once.problems));
    assert_eq!(twice.transcribed, double(once.transcribed));
    let d = once.deadlines;
    assert_eq!(
        twice.deadlines,
        BucketCounts {
            overdue: d.overdue * 2,
            due_soon: d.due_soon * 2,
            later: d.later * 2,
            none: d.none * 2
        }
    );
    for (a, b) in once.money.iter().zip(&twice.money) {
        assert_eq!(b.amount, a.amount * Decimal::from(2), "{:?}", a.kind);
        assert_eq!(b.approximate, a.approximate, "{:?}", a.kind);
    }
    for (a, b) in once.land.iter().zip(&twice.land) {
        assert_eq!(b.m2, a.m2 * Decimal::from(2), "{:?}", a.kind);
        assert_eq!(b.with_target_m2, a.with_target_m2 * Decimal::from(2));
        assert_eq!(b.target_m2, a.target_m2.map(|t| t * Decimal::from(2)));
    }
    let late = Stats::compute(&dataset, day("2026-06-30")).totals.deadlines;
    assert_eq!(late.overdue, 14);
}

/// A figure that overlaps another is listed, never added twice.
#[test]
fn an_overlapping_figure_is_listed_but_not_added() {
    let mut dataset = crate::load::bundled().unwrap().dataset;
    let as_of = day("2022-01-15");
    let before = Stats::compute(&dataset, as_of);
    let figure = first_figure(&mut dataset, FigureKind::LandRedeveloped);
    figure.overlaps = Some("land-revitalised".into());
    let after = Stats::compute(&dataset, as_of);
    let redeveloped = |s: &Stats| {
        s.totals
            .land
            .iter()
            .find(|l| l.kind == FigureKind::LandRedeveloped)
            .map(|l| (l.m2, l.figures.len()))
    };
    let (m2, figures) = redeveloped(&before).unwrap();
    assert_eq!((m2.round_dp(2), figures), ("517533.33".parse().unwrap(), 1));
    assert_eq!(redeveloped(&after), None);
    assert_eq!(
        after.reports[0].land_other.len(),
        before.reports[0].land_other.len() + 1
    );
}

/// Money of no known kind is never added up: "问题资金" and "整改到位资金"
/// are the same money seen twice, and a sum of them would be a lie.
#[test]
fn money_of_no_known_kind_is_listed_never_added() {
    let mut dataset = crate::load::bundled().unwrap().dataset;
    let as_of = day("2022-01-15");
    let before = Stats::compute(&dataset, as_of);
    let figure = first_figure(&mut dataset, FigureKind::Disbursed);
    figure.kind = FigureKind::Other;
    let after = Stats::compute(&dataset, as_of);
    assert!(
        after
            .totals
            .money
            .iter()
            .all(|m| m.kind != FigureKind::Other),
        "{:?}",
        after.totals.money
    );
    assert_eq!(
        after.reports[0].money_other.len(),
        before.reports[0].money_other.len() + 1
    );
}

/// Long-term problems count in the total and add up like the others (the
/// bundled reports have none, so the tests above cannot see them).
#[test]
fn long_term_problems_count_and_add_up() {
    let mut sum = Counts {
        closed: 1,
        open: 2,
        long_term: 3,
    };
    assert_eq!(sum.total(), 6);
    sum.add(Counts {
        closed: 10,
        open: 20,
        long_term: 30,
    });
    assert_eq!(
        sum,
        Counts {
            closed: 11,
            open: 22,
            long_term: 33
        }
    );
    assert_eq!(sum.total(), 66);
}

fn fixture(name: &str) -> Dataset {
    let path = std::path::PathBuf::from(format!("tests/fixtures/valid/{name}"));
    crate::load::load(&[path]).unwrap().dataset
}

/// Overdue counts open problems only, by their own deadline when they have
/// one (a long-term one has no day, whatever its items say), else by the
/// latest of their ongoing items.
#[test]
fn overdue_problems_follow_their_own_deadline_else_their_latest_ongoing_item() {
    let mut data = fixture("v2-ledger.json");
    let as_of = day("2023-07-05");
    assert_eq!(Stats::compute(&data, as_of).reports[0].overdue, 2);
    // Problem 4's items are due in April and May; one more item in December
    // moves its day past the as-of date.
    let mut later = data.reports[0].problems[3].ongoing[0].clone();
    later.deadline.as_mut().unwrap().date = Some(day("2023-12-31"));
    data.reports[0].problems[3].ongoing.push(later);
    assert_eq!(Stats::compute(&data, as_of).reports[0].overdue, 1);
    // A long-term deadline of its own has no day: never overdue.
    data.reports[0].problems[1]
        .deadline
        .as_mut()
        .unwrap()
        .long_term = true;
    data.reports[0].problems[1].deadline.as_mut().unwrap().date = None;
    assert_eq!(Stats::compute(&data, as_of).reports[0].overdue, 0);
    // Closed problems past their day are done, not overdue.
    data.reports[0].problems[3].status = crate::model::Status::Closed;
    data.reports[0].problems[3].ongoing.pop();
    assert_eq!(Stats::compute(&data, as_of).reports[0].overdue, 0);
}

/// A report-level figure of a kind is the report's own total: the problems'
/// figures of that kind are listed after the added ones and not added; over
/// several reports the added figures still come first.
#[test]
fn general_figures_are_the_reports_own_totals_and_never_added_twice() {
    let data = fixture("v2-report.json");
    let stats = Stats::compute(&data, day("2023-07-05"));
    let recovered = stats.reports[0]
        .money
        .iter()
        .find(|m| m.kind == FigureKind::Recovered)
        .unwrap();
    assert_eq!(recovered.amount, Decimal::from(915_180));
    assert_eq!((recovered.figures.len(), recovered.added), (3, 2));
    assert!(recovered.figures[..2].iter().all(|f| f.item.is_general()));
    assert!(!recovered.figures[2].item.is_general());
    let mut twice = data.clone();
    twice.reports.push(data.reports[0].clone());
    twice.reports[1].id = "copy".into();
    let totals = Stats::compute(&twice, day("2023-07-05")).totals;
    let recovered = totals
        .money
        .iter()
        .find(|m| m.kind == FigureKind::Recovered)
        .unwrap();
    assert_eq!(recovered.amount, Decimal::from(2 * 915_180));
    assert_eq!(recovered.added, 4);
    assert!(recovered.figures[..4].iter().all(|f| f.item.is_general()));
    assert_eq!(totals.total, 62);
    assert_eq!(totals.rules, Some(24));
    assert!(
        totals
            .people
            .contains(&(Accountability::CriticalEducation, 0))
    );
}
