//! Searching 2,150 generated reports, about 100 MB as JSON (issue 6: the first
//! results within 100 ms, and input never blocked): a full scan of every
//! Overview row for a query that matches nothing, the time from the key press
//! that completes a query to its first match far down the list, and one
//! `SearchStep` slice, the most a key press can wait behind a search.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::{App, View};
use zhenggai::tui::search::{self, Query};

const REPORTS: usize = 2_150;

/// Queries that occur nowhere in the generated reports.
const NO_MATCH: [(&str, &str); 2] = [("Chinese", "不存在的词语"), ("Latin", "xyzzy")];

fn app() -> App {
    common::app(REPORTS)
}

/// How many bytes of text a scan of every Overview row looks through: what
/// `search::row_matches` tests of each report.
fn searched_bytes(app: &App) -> usize {
    app.data
        .reports
        .iter()
        .map(|r| {
            r.title.len()
                + r.issuer.len()
                + r.problems
                    .iter()
                    .map(|p| {
                        p.title.as_ref().map_or(0, String::len)
                            + p.measures
                                .iter()
                                .chain(&p.ongoing)
                                .map(|m| {
                                    m.text.len()
                                        + m.figures.iter().map(|f| f.label.len()).sum::<usize>()
                                        + m.deadline.as_ref().map_or(0, |d| d.text.len())
                                })
                                .sum::<usize>()
                    })
                    .sum::<usize>()
        })
        .sum()
}

/// The first row of a view matching a query, by a full scan.
fn first_match(app: &App, view: View, q: &Query) -> Option<usize> {
    (0..app.row_count(view)).find(|&i| search::row_matches(app, view, i, q))
}

/// A query from the last Overview row's measures whose first match is in the
/// last 5% of the rows.
fn late_query(app: &App) -> (String, usize) {
    let count = app.rows.overview.len();
    let report = &app.data.reports[app.rows.overview[count - 1]];
    let texts = report
        .problems
        .iter()
        .flat_map(|p| p.measures.iter().chain(&p.ongoing))
        .map(|m| m.text.chars().collect::<Vec<char>>());
    for chars in texts.take(20) {
        for window in chars.windows(8).step_by(5).take(20) {
            let q: String = window.iter().collect();
            if let Some(row) = first_match(app, View::Overview, &Query::new(&q))
                && row * 20 >= count * 19
            {
                return (q, row);
            }
        }
    }
    panic!("no query in the last report matches only late");
}

/// Opens the search bar on the Overview's first row with `typed` as the query,
/// its own search finished and forgotten.
fn prepare(app: &mut App, typed: &str) {
    app.update(Action::SearchCancel);
    app.update(Action::Tab(Tab::Overview));
    app.update(Action::Top);
    app.update(Action::StartSearch);
    for c in typed.chars() {
        app.update(Action::SearchInput(c));
    }
    while app.searching() {
        app.update(Action::SearchStep);
    }
    // Moving ends any search, and back at the first row.
    app.update(Action::Top);
}

fn bench_search(c: &mut Criterion) {
    let mut app = app();
    let count = app.rows.overview.len();
    let mut group = c.benchmark_group("search 2150 reports");

    println!(
        "{count} Overview rows, {:.1} MB of searched text",
        searched_bytes(&app) as f64 / 1e6
    );
    // (a) Every Overview row, nothing found.
    for (name, needle) in NO_MATCH {
        let q = Query::new(needle);
        assert_eq!(first_match(&app, View::Overview, &q), None, "{needle}");
        group.bench_function(format!("full scan, no match, {name}"), |b| {
            b.iter(|| black_box(first_match(&app, View::Overview, black_box(&q))))
        });
    }
    // The same on the Problems tab, whose rows are one problem each.
    let q = Query::new(NO_MATCH[0].1);
    group.bench_function("full scan Problems, no match, Chinese", |b| {
        b.iter(|| black_box(first_match(&app, View::Problems, black_box(&q))))
    });

    // (b) The key press that completes a query, then steps until its match.
    let (late, row) = late_query(&app);
    let (prefix, last) = late.split_at(late.len() - late.chars().last().unwrap().len_utf8());
    let last = last.chars().next().unwrap();
    println!("late query {late:?}: first match at row {row} of {count}");
    group.bench_function("SearchInput to a late first match", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                prepare(&mut app, prefix);
                let started = Instant::now();
                app.update(Action::SearchInput(last));
                while app.searching() {
                    app.update(Action::SearchStep);
                }
                total += started.elapsed();
                assert_eq!(app.level().selected, row);
            }
            total
        })
    });

    // (c) One slice of a search that finds nothing, on tabs whose rows differ.
    for tab in Tab::ALL {
        let needle = NO_MATCH[0].1;
        let (prefix, last) = needle.split_at(needle.len() - '语'.len_utf8());
        let last = last.chars().next().unwrap();
        prepare(&mut app, prefix);
        app.update(Action::Tab(tab));
        println!("{tab:?}: {} rows", app.row_count(app.level().view));
        group.bench_function(format!("one SearchStep slice {tab:?}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if !app.searching() {
                        app.update(Action::SearchBackspace);
                        app.update(Action::SearchInput(last));
                    }
                    let started = Instant::now();
                    app.update(Action::SearchStep);
                    total += started.elapsed();
                }
                total
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
