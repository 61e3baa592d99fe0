//! Hostile input (issue 13, item 5): sizes that were quadratic. The tests that
//! run in CI check what a user sees on such input; the `#[ignore]`d ones time
//! check, import, search and render at N and 8N and want less than 12 times
//! the time (`cargo test --release --test complexity -- --ignored`; see
//! docs/performance.md). Wall time is never asserted in CI: the machines are
//! shared and noisy.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhenggai::i18n::Lang;
use zhenggai::model::Dataset;
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::App;
use zhenggai::tui::search::MAX_QUERY_CHARS;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

// The allocator of the binary: timings with the system one measure it instead.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One clause of a measure text, with one amount in it.
const CLAUSE: &str = "加强资金管理，规范审批流程，追缴资金5万元。";

/// A dataset of one report with `problems` (JSON objects, written out).
fn report_json(problems: &str) -> String {
    format!(
        r#"{{"schema_version": 1, "name": "hostile", "reports": [{{"id": "r", "title": "hostile",
        "issuer": "hostile", "published": "2021-12-30", "inspection": {{"kind": "inspection"}},
        "source": {{"complete": true}}, "problems": [{problems}]}}]}}"#
    )
}

/// A measure whose text is `bytes` long (about), with one figure in its last clause.
fn big_measure(bytes: usize) -> String {
    let text = CLAUSE.repeat(bytes / CLAUSE.len() + 1);
    let figure = r#"{"label": "追缴资金", "text": "5万元", "value": "5", "unit": "万元",
        "normalized": "50000", "role": "achieved", "kind": "recovered", "quote": "追缴资金5万元"}"#;
    format!(
        r#"{{"number": "1", "title": "资金管理不规范", "status": "closed",
        "measures": [{{"text": "{text}", "figures": [{figure}]}}]}}"#
    )
}

/// The dashboard at `w`x`h` on a dataset.
fn app(json: &str, w: u16, h: u16) -> App {
    let data: Dataset = serde_json::from_str(json).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let stats = Stats::compute(&data, as_of);
    let mut app = App::new(data, stats, Lang::En);
    app.update(Action::Resize(w, h));
    app
}

/// The dashboard opened on the measure of [`big_measure`].
fn on_big_measure(bytes: usize, w: u16, h: u16) -> App {
    let mut app = app(&report_json(&big_measure(bytes)), w, h);
    app.update(Action::Tab(Tab::Problems));
    app.update(Action::Enter);
    app.update(Action::Enter);
    app
}

/// The characters on screen, a row a line (a wide glyph is followed by a space).
fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(w))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue 13: a 50 MB measure text was wrapped in full for every frame.
#[test]
fn a_long_measure_text_shows_its_start_and_how_much_more_there_is() {
    let app = on_big_measure(1_000_000, 120, 40);
    let shown = screen(&app, 120, 40).replace(' ', "");
    assert!(shown.contains("加强资金管理"), "{shown}");
    assert!(shown.contains('▼'), "{shown}");
    // A box tall enough for all the text laid out ends with what is left out.
    let app = on_big_measure(1_000_000, 400, 1000);
    let shown = screen(&app, 400, 1000).replace(' ', "");
    assert!(shown.contains("morecharacters)"), "{shown}");
}

#[test]
fn a_long_measure_text_renders_at_every_size_without_panicking() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 3),
        (20, 6),
        (40, 10),
        (80, 24),
        (300, 5),
        (7, 200),
    ] {
        let app = on_big_measure(200_000, w, h);
        let _ = screen(&app, w.max(1), h.max(1));
    }
}

/// Issue 13: typing 30,000 characters into search took 3.3 s.
#[test]
fn the_search_bar_stops_taking_characters_at_its_limit_and_says_so() {
    let mut app = on_big_measure(10_000, 120, 40);
    app.update(Action::StartSearch);
    for _ in 0..MAX_QUERY_CHARS + 5 {
        app.update(Action::SearchInput('资'));
    }
    assert_eq!(
        app.query().map(|q| q.chars().count()),
        Some(MAX_QUERY_CHARS)
    );
    assert!(screen(&app, 120, 40).contains("at most 1,000 characters"));
    app.update(Action::SearchBackspace);
    app.update(Action::SearchInput('金'));
    assert!(app.query().is_some_and(|q| q.ends_with("资金")));
}

/// The processor time used so far by this process and the children it has
/// waited for, from /proc (in clock ticks of 10 ms); wall time where there is
/// no /proc. Processor time leaves out the waits for a core that other
/// builds on a shared machine impose, which made long runs look slower.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (in parentheses), from field 3 on:
    // utime, stime, cutime and cstime are fields 14 to 17.
    let ticks: Option<u64> = stat.rsplit_once(") ").and_then(|(_, rest)| {
        let fields: Vec<&str> = rest.split(' ').collect();
        fields
            .get(11..15)?
            .iter()
            .map(|f| f.parse::<u64>().ok())
            .sum()
    });
    match ticks {
        Some(ticks) => Duration::from_millis(ticks * 10),
        None => {
            static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
            START.get_or_init(Instant::now).elapsed()
        }
    }
}

/// Times `run` on the input for n and for 8n and wants under 12 times the
/// time. Each measure repeats `run` enough times for n to take 0.2 s of
/// processor time; the sizes alternate and the best of three of each counts.
fn grows_linearly<T>(what: &str, n: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) {
    let (small, large) = (make(n), make(8 * n));
    let once = Instant::now();
    run(&small);
    let repeat = (0.2 / once.elapsed().as_secs_f64().max(1e-6))
        .ceil()
        .max(1.0) as usize;
    let time = |input: &T| {
        let start = cpu_time();
        for _ in 0..repeat {
            run(input);
        }
        cpu_time().saturating_sub(start)
    };
    let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        t_small = t_small.min(time(&small));
        t_large = t_large.min(time(&large));
    }
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-3);
    eprintln!("{what}: n={n} {t_small:?}, 8n {t_large:?} (x{repeat}), ratio {ratio:.1}");
    assert!(ratio < 12.0, "{what}: {t_small:?} at n, {t_large:?} at 8n");
}

fn temp_file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `zhenggai check` as a user does, with the binary's allocator and threads.
fn check(path: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_zhenggai"))
        .arg("check")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn check_time_grows_linearly_with_the_length_of_a_quote() {
    let dir = tempfile::tempdir().unwrap();
    let make = |n: usize| {
        let text = "a".repeat(2 * n);
        let quote = format!("{}5个", "a".repeat(n - 2));
        let figure = format!(
            r#"{{"label": "l", "text": "5个", "value": "5", "unit": "个", "normalized": "5",
            "role": "achieved", "kind": "count", "quote": "{quote}"}}"#
        );
        let problem = format!(
            r#"{{"number": "1", "title": "t", "status": "closed",
            "measures": [{{"text": "{text}", "figures": [{figure}]}}]}}"#
        );
        temp_file(&dir, &format!("quote{n}.json"), &report_json(&problem))
    };
    grows_linearly("check, quote", 2_000_000, make, |p: &PathBuf| check(p));
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn check_time_grows_linearly_with_the_number_of_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let make = |n: usize| {
        let problems: Vec<String> = (1..=n)
            .map(|i| format!(r#"{{"number": "{i}", "status": "closed"}}"#))
            .collect();
        temp_file(
            &dir,
            &format!("warnings{n}.json"),
            &report_json(&problems.join(",")),
        )
    };
    grows_linearly("check, warnings", 20_000, make, |p: &PathBuf| check(p));
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn import_time_grows_linearly_with_the_figures_of_one_paragraph() {
    let make = |n: usize| {
        format!(
            "中共某某委员会关于巡察整改情况的通报\n一、已完成整改的问题\n\
             1.关于“资金管理不规范”问题的整改。\n一是加强资金管理{}。\n\n中共某某委员会\n2021年12月30日\n",
            "，追缴资金5万元".repeat(n)
        )
    };
    grows_linearly("import, figures", 16_000, make, |text: &String| {
        zhenggai::import::import_bytes(text.as_bytes(), "hostile.txt").unwrap();
    });
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn search_typing_time_grows_linearly_with_the_characters_typed() {
    let make = |n: usize| (on_big_measure(100_000, 120, 40), n);
    grows_linearly("search, typing", 2_000, make, |(app, n): &(App, usize)| {
        let mut app = app.clone();
        app.update(Action::StartSearch);
        for _ in 0..*n {
            app.update(Action::SearchInput('整'));
        }
    });
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn search_time_grows_linearly_with_the_text_searched() {
    let make = |n: usize| {
        let mut app = app(&report_json(&big_measure(n)), 120, 40);
        app.update(Action::Tab(Tab::Problems));
        RefCell::new(app)
    };
    // Small texts, searched many times: a text larger than the processor's
    // cache is read several times slower, whatever the algorithm.
    grows_linearly("search, text", 64_000, make, |app: &RefCell<App>| {
        let mut app = app.borrow_mut();
        for _ in 0..50 {
            // No match: the whole text is read, in each strategy of the query.
            for query in ["aab", "资金x", "x办公"] {
                app.update(Action::StartSearch);
                for c in query.chars() {
                    app.update(Action::SearchInput(c));
                }
                app.update(Action::SearchCancel);
            }
        }
    });
}

#[test]
#[ignore = "timing: run with --release -- --ignored"]
fn render_time_of_a_measure_grows_linearly_with_its_text() {
    let make = |n: usize| on_big_measure(n, 120, 40);
    grows_linearly("render, measure text", 4_000_000, make, |app: &App| {
        for _ in 0..5 {
            let _ = screen(app, 120, 40);
        }
    });
}
