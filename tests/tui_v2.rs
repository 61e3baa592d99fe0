//! The dashboard on schema-version-2 data through `ui::draw` on ratatui's
//! `TestBackend`: a ledger problem with its owners, deadline, status as
//! written, progress, extra columns and cells; a report's general paragraphs
//! reachable as "report as a whole" and followed to their clauses; money in
//! sections with economic indicators apart; building floor area in m², never
//! land. Snapshots at 80x24 and 120x40 in Chinese and English.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use zhenggai::i18n::Lang;
use zhenggai::stats::Stats;
use zhenggai::tui::action::Action;
use zhenggai::tui::app::{App, View};
use zhenggai::tui::keys;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

const LEDGER: &str = "tests/fixtures/valid/v2-ledger.json";
const REPORT: &str = "tests/fixtures/valid/v2-report.json";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::Zh, "zh"), (Lang::En, "en")];

fn day(s: &str) -> NaiveDate {
    zhenggai::dates::parse(s).unwrap()
}

/// A dashboard on data files (none: the bundled reports) as of a day.
fn app(paths: &[&str], as_of: &str, lang: Lang, (w, h): (u16, u16)) -> App {
    let paths: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    let loaded = zhenggai::load::load(&paths).unwrap();
    let stats = Stats::compute(&loaded.dataset, day(as_of));
    let mut app = App::new(loaded.dataset, stats, lang);
    app.update(Action::Resize(w, h));
    app
}

/// Presses keys through the key table, as the run loop does; `⏎` is Enter.
fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = keys::action_for(&event, |s| app.in_scope(s)) {
            app.update(action);
        }
        // As a user who waits between keys: a search runs until it is done.
        while app.searching() {
            app.update(Action::SearchStep);
        }
    }
}

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
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .unwrap();
    text(terminal.backend().buffer())
}

/// Every language and size of one view: the screens, to snapshot and check.
fn views(paths: &[&str], as_of: &str, typed: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (lang, code) in LANGS {
        for size in SIZES {
            let mut a = app(paths, as_of, lang, size);
            keys(&mut a, typed);
            out.push((format!("{code}_{}x{}", size.0, size.1), screen(&a)));
        }
    }
    out
}

/// Problem 2 of the ledger: its category, leaders and departments, its own
/// deadline (overdue as of the ledger's date), the status as written, the
/// progress, and the cells it came from, in both languages and sizes.
#[test]
fn a_ledger_problem_shows_its_owners_deadline_status_progress_and_cells() {
    for (name, screen) in views(&[LEDGER], "2023-07-05", "⏎j⏎") {
        let leaders = if name.starts_with("zh") {
            "李四、王五"
        } else {
            "李四, 王五"
        };
        for needle in [
            "二、落实全面从严治党方面",
            leaders,
            "计财股",
            "2023.3.31 → 2023-03-31",
            "! ",
            "正在推进 → ●",
            "已追缴12.5万元",
            "台账.xlsx · 整改台账!A6:H7",
        ] {
            assert!(screen.contains(needle), "{name}: no {needle} in\n{screen}");
        }
        insta::assert_snapshot!(format!("ledger_problem_{name}"), screen);
    }
}

/// 立行立改 says where its day comes from; 长期坚持 says it has no day; the
/// extra column 备注 is kept under its header.
#[test]
fn immediate_long_term_and_extra_columns_read_as_written() {
    let mut a = app(&[LEDGER], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "⏎jj⏎");
    let s = screen(&a);
    assert!(s.contains("立行立改 → 2023-07-05"), "{s}");
    assert!(s.contains("日期依据: 立行立改：按台账填报日期"), "{s}");
    let mut a = app(&[LEDGER], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "⏎jjjj⏎");
    let s = screen(&a);
    assert!(s.contains("长期坚持 → 长期坚持，无日期"), "{s}");
    let mut a = app(&[LEDGER], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "⏎⏎");
    let s = screen(&a);
    assert!(s.contains("备注：已报县委巡察办"), "{s}");
    assert!(s.contains("配合单位 宣传股"), "{s}");
}

/// A ledger measure shows its own cells beside its text.
#[test]
fn a_ledger_measure_shows_its_cells() {
    for (name, screen) in views(&[LEDGER], "2023-07-05", "⏎j⏎⏎") {
        assert!(
            screen.contains("台账.xlsx · 整改台账!D6"),
            "{name}: {screen}"
        );
        insta::assert_snapshot!(format!("ledger_measure_{name}"), screen);
    }
}

/// A report's table starts with its general paragraphs as 通报总体情况 /
/// report as a whole; its stated total, aspects, units, rate, people and
/// rules are shown with their words.
#[test]
fn a_report_offers_its_general_paragraphs_and_states_its_results() {
    for (name, screen) in views(&[REPORT], "2023-07-05", "⏎") {
        let whole = if name.starts_with("zh") {
            "通报总体情况"
        } else {
            "report as a whole"
        };
        assert!(screen.contains(whole), "{name}: {screen}");
        assert!(screen.contains("「巡察反馈31个问题」"), "{name}: {screen}");
        assert!(screen.contains("「给予党纪处分3人」"), "{name}: {screen}");
        insta::assert_snapshot!(format!("report_with_general_{name}"), screen);
    }
}

/// The general paragraphs are items; their figures are followed to their
/// clauses like any measure's.
#[test]
fn general_paragraphs_lead_to_their_figures_and_clauses() {
    for (name, screen) in views(&[REPORT], "2023-07-05", "⏎⏎") {
        insta::assert_snapshot!(format!("general_{name}"), screen);
    }
    for (name, screen) in views(&[REPORT], "2023-07-05", "⏎⏎j⏎jj") {
        assert!(
            screen.contains("追回应由个人承担的资金88万元"),
            "{name}: {screen}"
        );
        insta::assert_snapshot!(format!("general_item_{name}"), screen);
    }
}

/// Amounts in sections: recoveries first, awaiting settlement never marked
/// achieved, economic indicators under their own heading; a problem's 追缴
/// 1.2万元 is listed as included in the report's own total, not added.
#[test]
fn amounts_are_in_sections_with_economy_apart() {
    for (name, screen) in views(&[REPORT], "2023-07-05", "5") {
        let (recovered, economy) = if name.starts_with("zh") {
            ("▸ 追缴挽损", "▸ 经济指标")
        } else {
            ("▸ Money recovered", "▸ Economic indicators")
        };
        let at = |needle: &str| {
            screen
                .find(needle)
                .unwrap_or_else(|| panic!("{name}: no {needle} in\n{screen}"))
        };
        // At 80x24 the chart has room for the first sections only; the
        // economy rows are in the table below, marked as such.
        if name.ends_with("120x40") {
            assert!(at(recovered) < at(economy), "{name}");
        } else {
            assert!(
                at(recovered) < screen.find("Σ").unwrap_or(usize::MAX),
                "{name}"
            );
        }
        insta::assert_snapshot!(format!("amounts_sections_{name}"), screen);
    }
    let mut a = app(&[REPORT], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "5");
    let s = screen(&a);
    let listed = s
        .lines()
        .find(|l| l.contains("1.2万元"))
        .unwrap_or_default();
    assert!(listed.contains("⊂ 已含"), "{s}");
    let pending = s
        .lines()
        .find(|l| l.contains("30万元") && l.contains("待结算工程款"))
        .unwrap_or_default();
    assert!(
        pending.contains("… 待结算") && !pending.contains("Σ"),
        "{s}"
    );
}

/// The bundled 110万平方米 is building floor area: under its own heading, in
/// m² even when land is shown in 亩, never as 1,650亩.
#[test]
fn floor_area_stays_in_square_metres_on_the_land_tab() {
    for (name, screen) in views(&[], "2022-01-15", "6") {
        assert!(screen.contains("1,100,000 m²"), "{name}: {screen}");
        assert!(!screen.contains("1,650亩"), "{name}: {screen}");
        insta::assert_snapshot!(format!("land_floor_area_{name}"), screen);
    }
    let mut a = app(&[], "2022-01-15", Lang::Zh, (120, 40));
    keys(&mut a, "6u");
    let s = screen(&a);
    assert!(
        s.contains("566,373.33 m²") && s.contains("1,100,000 m²"),
        "{s}"
    );
}

/// A search finds a ledger problem by its owner: 王五 leads only problem 2.
#[test]
fn search_finds_a_problem_by_its_leader() {
    let mut a = app(&[LEDGER], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "3/王五⏎");
    let s = screen(&a);
    assert!(s.contains("问题 2 · 学校食堂经费管理不规范"), "{s}");
}

/// A ledger's deadlines are the problems' own (整改时限): the Deadlines tab
/// lists every open problem by its deadline beside the dated items, closed
/// problems left out, the overdue one counted in the timeline; Enter on a
/// problem's own deadline opens the problem.
#[test]
fn a_ledger_lists_open_problems_by_their_own_deadlines() {
    for (name, screen) in views(&[LEDGER], "2023-07-05", "7") {
        assert!(screen.contains("2023.3.31"), "{name}: {screen}");
        assert!(
            !screen.contains("2023年6月底前"),
            "{name}: closed problem 1 is not due: {screen}"
        );
        insta::assert_snapshot!(format!("ledger_deadlines_{name}"), screen);
    }
    let mut a = app(&[LEDGER], "2023-07-05", Lang::Zh, (120, 40));
    keys(&mut a, "7");
    let s = screen(&a);
    let row = s
        .lines()
        .find(|l| l.contains("2023.3.31"))
        .unwrap_or_default();
    assert!(
        row.contains("逾期") && row.contains("问题本身的整改时限"),
        "{row}"
    );
    assert!(s.contains("! 逾期"), "the timeline marks overdue: {s}");
    let at = a
        .rows
        .deadlines
        .iter()
        .position(|&i| {
            a.stats.deadlines[i].item.is_none()
                && a.stats.deadlines[i]
                    .date
                    .is_some_and(|d| d.to_string() == "2023-03-31")
        })
        .unwrap_or(usize::MAX);
    for _ in 0..at {
        keys(&mut a, "j");
    }
    keys(&mut a, "⏎");
    assert!(
        matches!(a.level().view, View::Problem(_, 1)),
        "{:?}",
        a.level().view
    );
}
