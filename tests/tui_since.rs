//! The dashboard with `--since OLD` and `--history DIR`, drawn on ratatui's
//! `TestBackend` from the version pairs of tests/fixtures/changes: each kind
//! of change mark on its problem, the legend, the rate then and now, the
//! changes filter `c`, what `c` says without `--since`, the trend of the
//! rate; snapshots in Chinese and English at 80x24 and 120x40; and
//! `zhenggai snapshot --since` through the real binary.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use zhenggai::diff::Kind;
use zhenggai::i18n::{Lang, Msg};
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::App;
use zhenggai::tui::keys;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/changes");

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(FIXTURES).join(name)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A dashboard on `PAIR-new.json` as of `as_of`, compared with
/// `PAIR-old.json`, at `w`x`h`.
fn app_since(pair: &str, as_of: &str, lang: Lang, w: u16, h: u16) -> App {
    let mut a = app_on(&format!("{pair}-new.json"), as_of, lang, w, h);
    let old = zhenggai::load::load(&[fixture(&format!("{pair}-old.json"))]).unwrap();
    a.set_since(old.dataset);
    a
}

/// A dashboard on one fixture as of `as_of`, with no older version.
fn app_on(file: &str, as_of: &str, lang: Lang, w: u16, h: u16) -> App {
    let new = zhenggai::load::load(&[fixture(file)]).unwrap();
    let stats = Stats::compute(&new.dataset, day(as_of));
    let mut a = App::new(new.dataset, stats, lang);
    a.update(Action::Resize(w, h));
    a
}

/// The kinds pair as of 2023-08-15: every kind but split and newly overdue
/// (problem 5 falls due that day), and problem 5 unchanged.
fn kinds(lang: Lang, w: u16, h: u16) -> App {
    app_since("kinds", "2023-08-15", lang, w, h)
}

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, wide glyphs written once.
fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = zhenggai::format::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

fn screen(app: &App) -> String {
    text(&render(app))
}

/// Presses keys through the key table, as the run loop does.
fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = keys::action_for(&event, |s| app.in_scope(s)) {
            app.update(action);
        }
    }
}

/// The screen line of the problem row whose title starts with `title`.
fn row_of<'a>(screen: &'a str, title: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no row with {title}:\n{screen}"))
}

/// The change column of a Problems row: what stands between the border
/// (and the selection mark) and the report's name.
fn marks_of(screen: &str, title: &str) -> String {
    let row = row_of(screen, title);
    let start = row.find('│').map_or(0, |i| i + '│'.len_utf8());
    // The report column names the unit without its 中共 prefix.
    let end = row.find("示例区").unwrap_or(row.len());
    row[start..end].replace('▶', "").trim().to_owned()
}

// Marks.

/// Each problem of the kinds pair carries the mark of what happened to it,
/// and the problem that did not change carries none.
#[test]
fn each_kind_of_change_marks_its_problem_on_the_problems_tab() {
    let mut a = kinds(Lang::Zh, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    for (title, marks) in [
        ("资金管理不规范", "✓"),
        ("合同管理存在漏洞", "↺"),
        ("工程项目审批不严", "↷~"),
        ("党建工作基础薄弱", "↶"),
        ("干部队伍建设滞后", "~"),
        ("意识形态工作责任制", "+"),
        ("公务用车管理不严", ""),
    ] {
        assert_eq!(marks_of(&s, title), marks, "{title}:\n{s}");
    }
    // The two problems with the same text could each be the old one.
    let ambiguous = s.lines().filter(|l| l.contains("食堂管理不规范")).count();
    assert_eq!(ambiguous, 2, "{s}");
    for line in s.lines().filter(|l| l.contains("食堂管理不规范")) {
        assert!(line.contains(" ? "), "{line}");
    }
    assert!(s.contains("变化"), "the column is headed 变化:\n{s}");
}

/// A deadline passed since the last meeting: 公务用车管理不严, due
/// 2023-08-15, is newly overdue as of 2023-09-01 and carries `!`.
#[test]
fn a_problem_fallen_overdue_since_carries_the_exclamation_mark() {
    let mut a = app_since("kinds", "2023-09-01", Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    assert_eq!(marks_of(&s, "公务用车管理不严"), "!", "{s}");
    assert!(s.contains("! Newly overdue 1"), "legend:\n{s}");
}

/// A problem split in two: both parts carry ⑂, and the legend names it.
#[test]
fn the_parts_of_a_split_problem_carry_the_fork_mark() {
    let mut a = app_since("split", "2023-07-31", Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    for part in ["专项资金管理不规范", "合同签订审查不严"] {
        assert!(marks_of(&s, part).contains('⑂'), "{part}:\n{s}");
    }
    assert!(s.contains("⑂ Split 2"), "legend:\n{s}");
}

/// The legend says, in glyph and word, what each mark on screen means, with
/// how many problems carry it; the same in Chinese.
#[test]
fn the_legend_names_each_mark_with_a_word_and_a_count() {
    let mut a = kinds(Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    for entry in [
        "Legend",
        "✓ Closed 1",
        "↺ Reopened 1",
        "↷ Postponed 1",
        "↶ Brought forward 1",
        "+ New problems 1",
        "~ Status changed 2",
        "? Ambiguous matches 2",
    ] {
        assert!(s.contains(entry), "{entry:?} missing:\n{s}");
    }
    a.update(Action::ToggleLang);
    let s = screen(&a);
    for entry in ["图例", "✓ 已完成整改 1", "↷ 延期 1", "+ 新增问题 1"] {
        assert!(s.contains(entry), "{entry:?} missing:\n{s}");
    }
}

/// At 80 columns the legend takes two rows rather than cutting the marks on screen.
#[test]
fn at_80_columns_the_legend_wraps_to_two_rows_and_keeps_every_mark_on_screen() {
    let mut a = kinds(Lang::En, 80, 24);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    for mark in ["✓ Closed", "↺ Reopened", "~ Status changed", "? Ambiguous"] {
        assert!(s.contains(mark), "{mark:?} missing:\n{s}");
    }
}

/// Without `--since` there is no change column and no legend.
#[test]
fn without_since_there_is_no_change_column_and_no_legend() {
    let mut a = app_on("kinds-new.json", "2023-08-15", Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let s = screen(&a);
    assert!(!s.contains("Chg"), "{s}");
    assert!(!s.contains("Legend"), "{s}");
}

/// Opening a problem lists each of its changes with the old and new values.
#[test]
fn the_problem_view_lists_each_change_with_old_and_new_values() {
    let mut a = kinds(Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let row = a
        .rows
        .problems
        .iter()
        .position(|&(r, p)| {
            a.data.reports[r].problems[p].title.as_deref() == Some("工程项目审批不严")
        })
        .unwrap();
    a.update(Action::Select(row));
    a.update(Action::Enter);
    let s = screen(&a);
    assert!(
        s.contains("↷ Postponed: 2023-07-31 (2023年7月) → 2023-12-31 (2023年底)"),
        "{s}"
    );
    assert!(
        s.contains("~ Status changed: open (正在推进) → open (申请延期)"),
        "{s}"
    );
}

// Rates.

/// The board strip on the Overview shows the rate then and now with the
/// change in points, the count of each mark, and the problems removed.
#[test]
fn the_board_strip_shows_the_rate_then_and_now() {
    let a = kinds(Lang::En, 120, 40);
    let s = screen(&a);
    let line = row_of(&s, "since 2023-06-30");
    assert!(line.contains("12.5% → 11.1% (-1.4)"), "{line}");
    assert!(line.contains("✓1 ↺1 ↷1 ↶1 +1 ~2 ?2"), "{line}");
    assert!(line.contains("1 removed"), "{line}");
}

/// Units show each unit's rate then and now; a unit new in this version has
/// no rate before. The footer gives the change over all units.
#[test]
fn units_show_each_units_rate_then_and_now() {
    let mut a = app_since("unit-added", "2023-07-31", Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Units));
    let s = screen(&a);
    assert!(
        row_of(&s, "示例镇委员会").contains("50.0% → 100.0% (+50.0)"),
        "{s}"
    );
    assert!(row_of(&s, "示例区财政局党").contains("— → 50.0%"), "{s}");
    assert!(s.contains("50.0% → 75.0% (+25.0)"), "footer:\n{s}");
    // At 80 columns the change in points alone.
    a.update(Action::Resize(80, 24));
    let s = screen(&a);
    assert!(row_of(&s, "示例镇委员会").contains("+50.0"), "{s}");
}

// The changes filter.

/// `c` leaves only the problems that changed, says so in the breadcrumb,
/// and `c` again (or Esc) brings every row back.
#[test]
fn c_shows_only_changed_rows_and_c_again_shows_all() {
    let mut a = kinds(Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let all = a.rows.problems.len();
    press(&mut a, "c");
    assert!(a.filter.changed_only);
    let s = screen(&a);
    assert_eq!(a.rows.problems.len(), all - 1, "{s}");
    assert!(
        !s.contains("公务用车管理不严"),
        "the unchanged problem is hidden:\n{s}"
    );
    assert!(s.contains("[Δ changes only]"), "{s}");
    press(&mut a, "c");
    assert_eq!(a.rows.problems.len(), all);
    press(&mut a, "c");
    a.update(Action::Back);
    assert!(
        !a.filter.changed_only,
        "Esc at the top clears it with the other filters"
    );
    assert_eq!(a.rows.problems.len(), all);
}

/// `c` is shown among the keys at the bottom with `--since`, and the help
/// lists it.
#[test]
fn c_is_in_the_hints_with_since() {
    let a = kinds(Lang::En, 120, 40);
    let s = screen(&a);
    let hints = s.lines().last().unwrap();
    assert!(hints.contains("c changes only"), "{hints}");
    let b = keys::BINDINGS
        .iter()
        .find(|b| b.action == Action::ToggleChanges)
        .unwrap();
    assert_eq!(b.help, Msg::KeyChanges);
}

/// Without `--since`, `c` filters nothing and says in the status line why.
#[test]
fn without_since_c_says_it_needs_an_older_version() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app_on("kinds-new.json", "2023-08-15", lang, 120, 40);
        a.update(Action::Tab(Tab::Problems));
        let all = a.rows.problems.len();
        press(&mut a, "c");
        assert!(!a.filter.changed_only);
        assert_eq!(a.rows.problems.len(), all);
        let s = screen(&a);
        assert!(s.contains("--since"), "{lang:?}:\n{s}");
        assert_eq!(a.notice.as_deref(), Some(Msg::ChangesNeedSince.text(lang)));
    }
}

// History.

/// `--history`: the board strip shows the rate over the dated versions as a
/// sparkline, with the first and last dates and rates written beside it.
#[test]
fn history_adds_a_sparkline_with_first_and_last_dates_and_rates() {
    let mut a = app_on("kinds-new.json", "2023-08-15", Lang::En, 120, 40);
    let mut err = Vec::new();
    a.history = zhenggai::history::load_versions(&fixture("history"), &mut err)
        .unwrap()
        .unwrap();
    let s = screen(&a);
    let line = row_of(&s, "Trend");
    assert!(
        line.contains("▂▂▃  2023-06-30 12.5% → 2023-08-31 22.2% · 3 versions"),
        "{line}"
    );
}

// Snapshots and sizes.

/// The Overview, Units and Problems with `--since` and `--history`, in both
/// languages at both sizes a meeting uses.
#[test]
fn snapshots_of_overview_units_and_problems_with_since() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (80, 24)] {
            for tab in [Tab::Overview, Tab::Units, Tab::Problems] {
                let mut a = kinds(lang, w, h);
                let mut err = Vec::new();
                a.history = zhenggai::history::load_versions(&fixture("history"), &mut err)
                    .unwrap()
                    .unwrap();
                a.update(Action::Tab(tab));
                let name = format!("since_{lang:?}_{w}x{h}_{tab:?}").to_lowercase();
                insta::assert_snapshot!(name, screen(&a));
            }
        }
    }
}

/// The changes filter at 80x24 in Chinese.
#[test]
fn snapshot_of_the_changes_filter() {
    let mut a = kinds(Lang::Zh, 80, 24);
    a.update(Action::Tab(Tab::Problems));
    press(&mut a, "c");
    insta::assert_snapshot!("since_zh_80x24_problems_changes_only", screen(&a));
}

/// No size draws past the screen or panics with the change column, the
/// legend and the extra strip lines, at the top and drilled in.
#[test]
fn every_size_draws_with_since_and_history() {
    let mut a = kinds(Lang::En, 120, 40);
    let mut err = Vec::new();
    a.history = zhenggai::history::load_versions(&fixture("history"), &mut err)
        .unwrap()
        .unwrap();
    for tab in Tab::ALL {
        a.update(Action::Tab(tab));
        for drilled in [false, true] {
            if drilled {
                a.update(Action::Enter);
            }
            for w in (1..=140).step_by(7) {
                for h in (1..=45).step_by(4) {
                    a.update(Action::Resize(w, h));
                    let _ = render(&a);
                }
            }
            if drilled {
                a.update(Action::Back);
            }
        }
    }
}

/// Every kind of mark is a glyph of its own, one cell wide.
#[test]
fn every_mark_is_a_distinct_one_cell_glyph() {
    let kinds = [
        Kind::Closed,
        Kind::Reopened,
        Kind::Postponed,
        Kind::BroughtForward,
        Kind::New,
        Kind::NewlyOverdue,
        Kind::StatusChanged,
        Kind::Split,
        Kind::Ambiguous,
    ];
    let marks: std::collections::BTreeSet<&str> = kinds.iter().map(|k| k.mark()).collect();
    assert_eq!(marks.len(), kinds.len());
    for m in marks {
        assert_eq!(zhenggai::format::width(m), 1, "{m}");
    }
}

// Through the binary.

fn zhenggai(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("zhenggai")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LC_ALL")
        .env_remove("NO_COLOR")
        .env("LANG", "en_US.UTF-8")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `zhenggai snapshot --since OLD NEW` draws the marks and the legend, and
/// `--keys c` the changes filter.
#[test]
fn snapshot_since_through_the_binary_draws_marks_and_legend() {
    let (code, out, err) = zhenggai(&[
        "snapshot",
        "--since",
        "tests/fixtures/changes/kinds-old.json",
        "tests/fixtures/changes/kinds-new.json",
        "--as-of",
        "2023-09-01",
        "--tab",
        "problems",
        "--keys",
        "c",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Chg"), "{out}");
    assert!(out.contains("! Newly overdue 1"), "{out}");
    assert!(out.contains("[Δ changes only]"), "{out}");
    assert_eq!(marks_of(&out, "公务用车管理不严"), "!", "{out}");
}

/// An OLD that does not load is an error with exit 2, said as `diff` says it;
/// so is a `--history` that is no directory.
#[test]
fn snapshot_since_a_missing_file_exits_2() {
    let (code, _, err) = zhenggai(&[
        "snapshot",
        "--since",
        "tests/fixtures/changes/no-such-file.json",
        "tests/fixtures/changes/kinds-new.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.json"), "{err}");
    let (code, _, err) = zhenggai(&[
        "snapshot",
        "--history",
        "tests/fixtures/changes/kinds-new.json",
        "tests/fixtures/changes/kinds-new.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not a directory"), "{err}");
}

/// `zhenggai export --since` ends the Problems table in the change column,
/// each mark with its word.
#[test]
fn export_since_ends_problem_rows_in_their_changes() {
    let (code, out, err) = zhenggai(&[
        "export",
        "--format",
        "markdown",
        "--since",
        "tests/fixtures/changes/kinds-old.json",
        "tests/fixtures/changes/kinds-new.json",
        "--as-of",
        "2023-08-15",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().next().unwrap().ends_with("| Chg |"), "{out}");
    assert!(
        out.contains(
            "| 工程项目审批不严 | open | 1 | 2023-12-31 |  | ↷ Postponed; ~ Status changed |"
        ),
        "{out}"
    );
}

/// The real binary in a pseudo-terminal with `--since`: the board strip gives
/// the rate then and now, Problems the marks and the legend, `c` the
/// filter; `q` leaves with exit status 0.
#[test]
fn since_in_a_pseudo_terminal_marks_rows_and_c_filters_them() {
    let mut d = common::pty::Dashboard::start(
        "zh_CN.UTF-8",
        &[
            "--since",
            "tests/fixtures/changes/kinds-old.json",
            "tests/fixtures/changes/kinds-new.json",
        ],
        &[],
    );
    d.wait_for("the board strip with the rate then and now", |s| {
        s.contains("较 2023-06-30 12.5% → 11.1% (-1.4)")
    });
    d.press("3");
    d.wait_for("the marks and the legend on Problems", |s| {
        s.contains("问题 · 1/9") && s.contains("↷~") && s.contains("图例 ✓ 已完成整改 1")
    });
    d.press("c");
    d.wait_for("only the changed rows", |s| {
        s.contains("[Δ 只看变化]") && s.contains("问题 · 1/8")
    });
    d.press("q");
    let status = d.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// As the binary starts: the older version is set on an empty dashboard,
/// reports arrive, and the marks are there once the load is over; a reload
/// compares again.
#[test]
fn marks_come_once_the_first_load_is_over_and_stay_after_a_reload() {
    let new = zhenggai::load::load(&[fixture("kinds-new.json")]).unwrap();
    let old = zhenggai::load::load(&[fixture("kinds-old.json")]).unwrap();
    let mut a = App::loading(day("2023-08-15"), Lang::En);
    a.update(Action::Resize(120, 40));
    a.set_since(old.dataset);
    a.append_reports(new.dataset.reports.clone());
    a.finish_loading(new.dataset.name.clone(), false);
    let since = a.since.as_ref().unwrap();
    assert_eq!(since.marks(0, 0), [Kind::Closed]);
    let stats = Stats::compute(&new.dataset, day("2023-09-01"));
    a.replace_data(new.dataset, stats);
    let since = a.since.as_ref().unwrap();
    // Problem 5 is due 2023-08-15: overdue as of the reloaded day.
    assert_eq!(since.marks(0, 4), [Kind::NewlyOverdue]);
}

/// With standard output no terminal, `zhenggai --since OLD NEW` writes what
/// the dashboard would mark as `diff` writes it, read as of `--as-of`; an
/// OLD that does not load exits 2.
#[test]
fn since_without_a_terminal_writes_the_changes_as_diff_does() {
    let (code, out, err) = zhenggai(&[
        "--since",
        "tests/fixtures/changes/kinds-old.json",
        "tests/fixtures/changes/kinds-new.json",
        "--as-of",
        "2023-09-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("new version as of 2023-09-01"), "{out}");
    assert!(out.contains("Newly overdue (1)"), "{out}");
    let (code, _, err) = zhenggai(&[
        "--since",
        "tests/fixtures/changes/no-such-file.json",
        "tests/fixtures/changes/kinds-new.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.json"), "{err}");
}

/// The marks are styled by what they mean (closed in the closed style,
/// reopened in the overdue style) and, in the mono theme NO_COLOR picks,
/// are the same glyphs with no colour at all.
#[test]
fn marks_carry_their_meanings_style_and_stay_glyphs_without_colour() {
    let mut a = kinds(Lang::En, 120, 40);
    a.update(Action::Tab(Tab::Problems));
    let cell_of = |buffer: &Buffer, title: &str| {
        let y = text(buffer)
            .lines()
            .position(|l| l.contains(title))
            .unwrap();
        buffer[(2, y as u16)].clone()
    };
    let dark = Theme::dark();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| drop(ui::draw(f, &a, &dark))).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let closed = cell_of(&buffer, "资金管理不规范");
    assert_eq!(closed.symbol(), "✓");
    assert_eq!(closed.fg, dark.closed.fg.unwrap());
    let reopened = cell_of(&buffer, "合同管理存在漏洞");
    assert_eq!(reopened.symbol(), "↺");
    assert_eq!(reopened.fg, dark.overdue.fg.unwrap());

    let mono = Theme::mono();
    terminal.draw(|f| drop(ui::draw(f, &a, &mono))).unwrap();
    let buffer = terminal.backend().buffer().clone();
    for (title, mark) in [("资金管理不规范", "✓"), ("合同管理存在漏洞", "↺")] {
        let cell = cell_of(&buffer, title);
        assert_eq!(cell.symbol(), mark);
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{title}");
    }
}

/// On the bundled reports compared with an earlier round (wuxi-old.json:
/// problem 11 still open, problem 2 due in 2022年一季度): each deadline of
/// the postponed problem carries ↷ on the Deadlines tab, the others none,
/// and Units give each unit's rate then and now.
#[test]
fn deadlines_of_a_postponed_problem_carry_its_mark() {
    let bundled = zhenggai::load::load(&[]).unwrap();
    let stats = Stats::compute(&bundled.dataset, day("2022-01-15"));
    let mut a = App::new(bundled.dataset, stats, Lang::Zh);
    a.update(Action::Resize(120, 40));
    let old = zhenggai::load::load(&[fixture("wuxi-old.json")]).unwrap();
    a.set_since(old.dataset);
    a.update(Action::Tab(Tab::Deadlines));
    let s = screen(&a);
    let rows: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("无锡经济开发区") || l.contains("无锡市人民防空"))
        .collect();
    assert_eq!(rows.len(), 10, "{s}");
    for row in rows {
        let marked = row.contains(" ↷ ");
        assert_eq!(marked, row.contains("巡察审计整改"), "{row}");
    }
    insta::assert_snapshot!("since_zh_120x40_deadlines_bundled", s);
    a.update(Action::Tab(Tab::Units));
    let s = screen(&a);
    assert!(
        row_of(&s, "无锡经济开发区").contains("57.1% → 71.4% (+14.3)"),
        "{s}"
    );
}
