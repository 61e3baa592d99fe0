//! The dashboard rendered through `ui::draw` on ratatui's `TestBackend`, on the
//! bundled reports as of 2022-01-15: snapshots of every tab and drill-down level,
//! what a user must be able to read on them, styles where colour carries meaning,
//! navigation by key, and a sweep of sizes that no render panics.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use zhenggai::i18n::Lang;
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::{App, Level, View};
use zhenggai::tui::keys;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

/// The fixed as-of date: after the reports, before most deadlines.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 15).unwrap_or_default()
}

/// A dashboard on the bundled data, as the binary starts it at `w`x`h`.
fn app(lang: Lang, w: u16, h: u16) -> App {
    let loaded =
        zhenggai::load::load(&[]).unwrap_or_else(|e| panic!("bundled data does not load: {e}"));
    let stats = Stats::compute(&loaded.dataset, as_of());
    let mut app = App::new(loaded.dataset, stats, lang);
    app.update(Action::Resize(w, h));
    app
}

/// Renders one frame at the app's size.
fn render(app: &App) -> Terminal<TestBackend> {
    render_at(app, app.size.0, app.size.1, &Theme::dark())
}

fn render_at(app: &App, w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("test backend: {e}"));
    terminal
        .draw(|frame| {
            ui::draw(frame, app, theme);
        })
        .unwrap_or_else(|e| panic!("draw at {w}x{h}: {e}"));
    terminal
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
            skip = unicode_width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// Cells a symbol takes: the dashboard's own width function decides.
fn unicode_width(s: &str) -> usize {
    zhenggai::format::width(s)
}

fn screen(app: &App) -> String {
    text(render(app).backend().buffer())
}

/// Sends a key press through the key table, as the run loop does.
fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = KeyEvent::new(code, modifiers);
    if let Some(binding) = keys::binding_for(&event, |s| app.in_scope(s)) {
        app.update(binding.action);
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn chars(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The position of the problem titled `title` on the Problems tab.
fn problem_row(app: &App, title: &str) -> usize {
    app.rows
        .problems
        .iter()
        .position(|&(r, p)| app.data.reports[r].problems[p].title.as_deref() == Some(title))
        .unwrap_or_else(|| panic!("no problem titled {title}"))
}

/// Opens the problem 新旧动能转换滞后 from the Problems tab.
fn open_lagging_problem(app: &mut App) {
    press(app, KeyCode::Char('3'));
    for _ in 0..problem_row(app, "新旧动能转换滞后") {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
}

/// Every tab at its top level and every drill-down level, by name.
fn every_view(lang: Lang, w: u16, h: u16) -> Vec<(String, App)> {
    let mut views = Vec::new();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let mut a = app(lang, w, h);
        a.update(Action::Tab(*tab));
        views.push((format!("tab {}", i + 1), a.clone()));
        for depth in 1..=3 {
            a.update(Action::Enter);
            if a.stack().len() == depth + 1 {
                views.push((format!("tab {} depth {depth}", i + 1), a.clone()));
            }
        }
    }
    views
}

// Snapshots.

const TAB_NAMES: [&str; 7] = [
    "overview",
    "units",
    "problems",
    "owners",
    "amounts",
    "land",
    "deadlines",
];

#[test]
fn snapshots_of_every_tab_in_chinese_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        for (i, name) in TAB_NAMES.iter().enumerate() {
            if (w, h, *name) == (80, 24, "amounts") {
                // See amounts_at_80x24_snapshot: its layout changes from run to run.
                continue;
            }
            let mut a = app(Lang::Zh, w, h);
            chars(&mut a, &(i + 1).to_string());
            let terminal = render(&a);
            insta::assert_snapshot!(
                format!("zh_{w}x{h}_{}_{name}", i + 1),
                text(terminal.backend().buffer())
            );
        }
    }
}

#[test]
fn amounts_at_80x24_snapshot() {
    let mut a = app(Lang::Zh, 80, 24);
    chars(&mut a, "5");
    let terminal = render(&a);
    insta::assert_snapshot!("zh_80x24_3_amounts", text(terminal.backend().buffer()));
}

#[test]
fn amounts_at_80x24_lay_out_the_same_every_time() {
    let mut a = app(Lang::Zh, 80, 24);
    chars(&mut a, "5");
    // Each thread starts with an empty layout cache, so the solver runs afresh.
    let screens: Vec<String> = (0..12)
        .map(|_| std::thread::scope(|s| s.spawn(|| screen(&a)).join().expect("render")))
        .collect();
    for other in &screens[1..] {
        assert_eq!(
            other, &screens[0],
            "the same state drew two different screens"
        );
    }
}

/// The other tabs in English at 120x40, and every tab at 80x24, where
/// English words are longest against the columns.
#[test]
fn snapshots_of_the_other_tabs_in_english() {
    for (w, h) in [(120, 40), (80, 24)] {
        for (i, name) in TAB_NAMES.iter().enumerate() {
            let done = (w, h) == (120, 40) && matches!(*name, "overview" | "problems");
            // As in Chinese, Amounts at 80x24 has a test of its own.
            if done || (w, h, *name) == (80, 24, "amounts") {
                continue;
            }
            let mut a = app(Lang::En, w, h);
            chars(&mut a, &(i + 1).to_string());
            let terminal = render(&a);
            insta::assert_snapshot!(
                format!("en_{w}x{h}_{}_{name}", i + 1),
                text(terminal.backend().buffer())
            );
        }
    }
}

#[test]
fn snapshots_of_overview_and_problems_in_english() {
    for (key, name) in [('1', "overview"), ('3', "problems")] {
        let mut a = app(Lang::En, 120, 40);
        chars(&mut a, &key.to_string());
        let terminal = render(&a);
        insta::assert_snapshot!(
            format!("en_120x40_{name}"),
            text(terminal.backend().buffer())
        );
    }
}

#[test]
fn snapshots_of_every_drill_down_level_from_the_overview() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app(Lang::Zh, w, h);
        for name in ["report", "problem", "measure"] {
            press(&mut a, KeyCode::Enter);
            let terminal = render(&a);
            insta::assert_snapshot!(
                format!("zh_{w}x{h}_drill_{name}"),
                text(terminal.backend().buffer())
            );
        }
    }
}

#[test]
fn snapshot_of_the_land_figure_849_56_mu_opened_to_its_measure() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "6");
    press(&mut a, KeyCode::Enter);
    let terminal = render(&a);
    insta::assert_snapshot!(
        "zh_120x40_land_first_row_measure",
        text(terminal.backend().buffer())
    );
}

#[test]
fn snapshot_of_the_problem_xinjiu_dongneng_zhuanhuan_zhihou() {
    let mut a = app(Lang::Zh, 120, 40);
    open_lagging_problem(&mut a);
    let terminal = render(&a);
    insta::assert_snapshot!(
        "zh_120x40_problem_xinjiu_dongneng",
        text(terminal.backend().buffer())
    );
}

// What the screens say.

/// The screen's rows as text.
fn lines(buffer: &Buffer) -> Vec<String> {
    text(buffer).lines().map(str::to_string).collect()
}

/// The rows inside the bordered panel whose title contains `title`, borders stripped.
fn panel(buffer: &Buffer, title: &str) -> Vec<String> {
    let rows = lines(buffer);
    let start = rows
        .iter()
        .position(|l| l.starts_with('┌') && l.contains(title))
        .unwrap_or_else(|| panic!("no panel titled {title} on\n{}", rows.join("\n")));
    rows[start + 1..]
        .iter()
        .take_while(|l| !l.starts_with('└'))
        .map(|l| l.trim_start_matches('│').trim_end_matches('│').to_string())
        .collect()
}

/// A panel's text with its rows joined, so that wrapped sentences read whole.
fn panel_text(buffer: &Buffer, title: &str) -> String {
    panel(buffer, title).iter().map(|l| l.trim_end()).collect()
}

/// The breadcrumb row, second from the bottom.
fn breadcrumb(buffer: &Buffer) -> String {
    let rows = lines(buffer);
    rows[rows.len() - 2].trim().to_string()
}

/// Where `needle` starts on each row that has it: (column, row) of its first cell.
fn find_all(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut columns = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            columns.extend(std::iter::repeat_n(x, symbol.len()));
            row.push_str(symbol);
            x += unicode_width(symbol).max(1) as u16;
        }
        if let Some(at) = row.find(needle) {
            found.push((columns[at], y));
        }
    }
    found
}

/// Where `needle` first starts on screen.
fn locate(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_all(buffer, needle).first().copied()
}

/// The cells where the glyphs of `text` start, from `(x, y)`: the cells a wide
/// glyph covers after its first carry no style of their own.
fn glyph_cells(buffer: &Buffer, (x, y): (u16, u16), text: &str) -> Vec<(u16, u16)> {
    let mut cells = Vec::new();
    let mut at = x;
    for c in text.chars() {
        assert_eq!(buffer[(at, y)].symbol(), c.to_string(), "glyph at {at},{y}");
        cells.push((at, y));
        at += unicode_width(&c.to_string()).max(1) as u16;
    }
    cells
}

/// Whether a cell carries every colour and attribute a style sets.
fn has_style(buffer: &Buffer, (x, y): (u16, u16), style: ratatui::style::Style) -> bool {
    let cell = &buffer[(x, y)];
    style.fg.is_none_or(|fg| cell.fg == fg)
        && style.bg.is_none_or(|bg| cell.bg == bg)
        && cell.modifier.contains(style.add_modifier)
}

#[test]
fn overview_shows_11_closed_and_2_open_for_the_first_report() {
    let a = app(Lang::Zh, 120, 40);
    let terminal = render(&a);
    let rows = lines(terminal.backend().buffer());
    let first = rows
        .iter()
        .position(|l| l.contains("中共无锡经济开发区工作委员会关于巡察整改情况的通报"))
        .expect("the first report's block");
    let problems = &rows[first + 1];
    assert!(problems.contains("已完成 11"), "{problems}");
    assert!(problems.contains("正在整改 2"), "{problems}");
}

#[test]
fn land_first_row_drills_to_the_clause_that_says_849_56_mu() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "6");
    let terminal = render(&a);
    let rows = panel(terminal.backend().buffer(), "土地 · 1/");
    assert!(
        rows[1].starts_with('▶') && rows[1].contains("849.56亩"),
        "first row: {}",
        rows[1]
    );

    press(&mut a, KeyCode::Enter);
    let terminal = render(&a);
    let buffer = terminal.backend().buffer();
    assert!(matches!(a.level().view, View::Item(_)));
    let source = panel_text(buffer, "来源原文");
    assert!(
        source.contains("盘活存量建设用地849.56亩"),
        "source clause: {source}"
    );
    // The measure's full text is above, with the same sentence in it.
    assert!(panel_text(buffer, "措施 三是").contains("盘活存量建设用地849.56亩"));
}

#[test]
fn lagging_problem_lists_four_measures_and_its_ongoing_items_with_deadlines() {
    let mut a = app(Lang::Zh, 120, 40);
    open_lagging_problem(&mut a);
    let terminal = render(&a);
    let buffer = terminal.backend().buffer();
    assert!(panel_text(buffer, "问题 1 ·").contains("正在整改"));
    let rows = panel(buffer, "措施 · 1/");
    let measures: Vec<&String> = rows.iter().filter(|r| r.contains("措施 ")).collect();
    for (row, ordinal) in measures.iter().zip(["一是", "二是", "三是", "四是"]) {
        assert!(row.contains(&format!("措施 {ordinal}")), "{row}");
    }
    assert_eq!(measures.len(), 4, "{rows:#?}");
    let ongoing: Vec<&String> = rows.iter().filter(|r| r.contains("深化 ")).collect();
    assert!(!ongoing.is_empty(), "{rows:#?}");
    for date in ["2025-12-31", "2023-12-31"] {
        assert!(
            ongoing.iter().any(|r| r.contains(date)),
            "no ongoing item due {date}: {ongoing:#?}"
        );
    }
    assert!(
        ongoing.iter().any(|r| r.contains("深化 一是")
            && r.contains("“十四五”末")
            && r.contains("2025-12-31"))
    );
}

#[test]
fn u_on_amounts_changes_wan_yuan_to_yi_yuan_in_the_bars() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "5");
    let bars = |a: &App| panel_text(render(a).backend().buffer(), "金额合计");
    let before = bars(&a);
    assert!(
        before.contains("4,000万元") && before.contains("64,700万美元"),
        "{before}"
    );
    press(&mut a, KeyCode::Char('u'));
    let after = bars(&a);
    assert!(
        after.contains("0.4亿元") && after.contains("6.47亿美元"),
        "{after}"
    );
    assert!(
        !after.contains("万元") && !after.contains("万美元"),
        "{after}"
    );
    let title = lines(render(&a).backend().buffer())[2].clone();
    assert!(title.contains("单位 亿元"), "{title}");
    press(&mut a, KeyCode::Char('u'));
    assert!(bars(&a).contains("40,000,000元"));
}

#[test]
fn u_on_land_toggles_mu_and_square_metres() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "6");
    press(&mut a, KeyCode::Char('u'));
    let bars = panel_text(render(&a).backend().buffer(), "土地（已完成");
    assert!(
        bars.contains("566,373.33 m²") && !bars.contains("849.56亩"),
        "{bars}"
    );
    press(&mut a, KeyCode::Char('u'));
    assert!(panel_text(render(&a).backend().buffer(), "土地（已完成").contains("849.56亩"));
}

#[test]
fn u_changes_nothing_outside_amounts_and_land_but_the_notice() {
    let mut a = app(Lang::Zh, 120, 40);
    let (scale, area) = (a.money_scale, a.area_unit);
    press(&mut a, KeyCode::Char('u'));
    assert_eq!((a.money_scale, a.area_unit), (scale, area));
    assert!(a.notice.is_some(), "u says where it works");
}

#[test]
fn breadcrumb_after_drilling_names_report_problem_and_measure() {
    let mut a = app(Lang::Zh, 120, 40);
    let crumb = |a: &App| breadcrumb(render(a).backend().buffer());
    assert_eq!(crumb(&a), "总览");
    press(&mut a, KeyCode::Enter);
    assert!(
        crumb(&a).starts_with("总览 › 报告 中共无锡"),
        "{}",
        crumb(&a)
    );
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    let parts: Vec<String> = crumb(&a).split(" › ").map(str::to_string).collect();
    assert_eq!(parts.len(), 4, "{parts:?}");
    assert_eq!(parts[0], "总览");
    assert!(parts[1].starts_with("报告 "), "{parts:?}");
    assert!(parts[2].starts_with("问题 "), "{parts:?}");
    assert!(parts[3].starts_with("措施 "), "{parts:?}");
}

/// The breadcrumb lists only the levels opened, so that Esc walks back each
/// one; the item's title names its report and problem instead (issue 15).
#[test]
fn breadcrumb_of_a_figure_opened_from_land_lists_only_the_levels_opened() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "6");
    press(&mut a, KeyCode::Enter);
    let buffer = render(&a).backend().buffer().clone();
    let crumb = breadcrumb(&buffer);
    let parts: Vec<&str> = crumb.split(" › ").collect();
    assert_eq!(parts, ["土地", "措施 三是"], "{crumb}");
    let top: String = (0..120u16)
        .map(|x| buffer[(x, 2)].symbol().to_string())
        .collect();
    // Wide characters leave a blank cell after them: compare without spaces.
    assert!(
        top.replace(' ', "")
            .contains("中共无锡经济开…·问题1·措施三是"),
        "{top}"
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.stack().len(), 1);
}

#[test]
fn every_land_and_money_figure_opens_a_source_clause_that_contains_it() {
    for tab in ['5', '6'] {
        let mut a = app(Lang::Zh, 120, 40);
        chars(&mut a, &tab.to_string());
        let rows = a.row_count(a.level().view);
        assert!(rows > 0);
        for row in 0..rows {
            press(&mut a, KeyCode::Enter);
            let View::Item(item) = a.level().view else {
                panic!("tab {tab} row {row} did not open an item: {:?}", a.level());
            };
            let measure = item.resolve(&a.data).expect("the opened item exists");
            let buffer = render(&a).backend().buffer().clone();
            let source = panel_text(&buffer, "来源原文");
            if let zhenggai::tui::app::Focus::Unstated(k) = a.level().focus {
                // An amount not stated is its own entry, with its own clause.
                let quote = &measure.unstated[k].quote;
                assert!(
                    source.contains(quote.as_str()),
                    "tab {tab} row {row}: {source}"
                );
            } else if let Some(figure) = measure.figures.get(a.level().selected) {
                assert!(
                    source.contains(&figure.text),
                    "tab {tab} row {row}: {} not in the source clause {source}",
                    figure.text
                );
            }
            press(&mut a, KeyCode::Esc);
            press(&mut a, KeyCode::Down);
        }
    }
}

#[test]
fn every_deadline_row_opens_an_item_that_shows_its_date() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "7");
    for row in 0..a.stats.deadlines.len() {
        let entry = a.stats.deadlines[row].clone();
        let item = entry
            .item
            .expect("the bundled reports' deadlines are items'");
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.level().view, View::Item(item), "row {row}");
        let buffer = render(&a).backend().buffer().clone();
        let title = zhenggai::tui::ui::item_label(&a, item);
        let text = panel_text(&buffer, &title);
        if let Some(date) = entry.date {
            assert!(
                text.contains("时限："),
                "row {row}: no deadline line in {text}"
            );
            assert!(
                text.contains(&date.to_string()),
                "row {row}: {date} not in {text}"
            );
        }
        press(&mut a, KeyCode::Backspace);
        press(&mut a, KeyCode::Char('j'));
    }
}

// Styles, where colour carries meaning (snapshots do not record it).

#[test]
fn open_problem_status_has_the_open_style_and_a_dot_in_every_theme() {
    for theme in [Theme::dark(), Theme::mono()] {
        let mut a = app(Lang::Zh, 120, 40);
        chars(&mut a, "3");
        let terminal = render_at(&a, 120, 40, &theme);
        let buffer = terminal.backend().buffer();
        let (_, row) = locate(buffer, "新旧动能转换滞后").expect("the problem's row");
        let (x, y) = *find_all(buffer, "● 正在整改")
            .iter()
            .find(|(_, y)| *y == row)
            .expect("an open badge on the problem's row");
        assert_eq!(buffer[(x, y)].symbol(), "●");
        for cell in glyph_cells(buffer, (x, y), "● 正在整改") {
            assert!(
                has_style(buffer, cell, theme.open),
                "cell {cell:?} of the open badge"
            );
        }
        let (_, row) = locate(buffer, "内控机制不完善").expect("a closed problem's row");
        let (x, y) = *find_all(buffer, "✓ 已完成")
            .iter()
            .find(|(_, y)| *y == row)
            .expect("a closed badge on its row");
        assert!(has_style(buffer, (x, y), theme.closed));
        assert!(
            !has_style(buffer, (x, y), theme.open),
            "a closed badge must not look open"
        );
    }
}

#[test]
fn selected_row_is_reversed_and_the_others_are_not() {
    for theme in [Theme::dark(), Theme::mono()] {
        let mut a = app(Lang::Zh, 120, 40);
        chars(&mut a, "3");
        press(&mut a, KeyCode::Down);
        let terminal = render_at(&a, 120, 40, &theme);
        let buffer = terminal.backend().buffer();
        let (x, selected) = locate(buffer, "▶").expect("the selection marker");
        // Every glyph of the row, not the blank cells that wide glyphs cover.
        let reversed = |y: u16| {
            (x..x + 60)
                .filter(|&x| unicode_width(buffer[(x - 1, y)].symbol()) < 2)
                .all(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        };
        assert!(
            reversed(selected),
            "selected row {selected} is not reversed"
        );
        assert!(lines(buffer)[usize::from(selected)].contains("内控机制不完善"));
        for y in [selected - 1, selected + 1] {
            assert!(
                !(x..x + 60).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)),
                "row {y}"
            );
        }
    }
}

#[test]
fn selected_figure_is_highlighted_in_its_source_clause() {
    for theme in [Theme::dark(), Theme::mono()] {
        let mut a = app(Lang::Zh, 120, 40);
        chars(&mut a, "6");
        press(&mut a, KeyCode::Enter);
        let terminal = render_at(&a, 120, 40, &theme);
        let buffer = terminal.backend().buffer();
        let (_, source_top) = locate(buffer, "来源原文").expect("the source panel");
        let (x, y) = *find_all(buffer, "盘活存量建设用地849.56亩")
            .iter()
            .find(|(_, y)| *y > source_top)
            .expect("the clause in the source panel");
        let figure_x = x + unicode_width("盘活存量建设用地") as u16;
        assert_eq!(buffer[(figure_x, y)].symbol(), "8");
        for cell in glyph_cells(buffer, (figure_x, y), "849.56亩") {
            assert!(
                has_style(buffer, cell, theme.figure_selected),
                "cell {cell:?}"
            );
        }
        assert!(
            !has_style(buffer, (x, y), theme.figure_selected),
            "the words around the figure are plain"
        );
    }
}

#[test]
fn due_soon_deadline_has_the_due_soon_style() {
    let mut a = app(Lang::Zh, 120, 40);
    chars(&mut a, "7");
    press(&mut a, KeyCode::Down);
    let theme = Theme::dark();
    let terminal = render_at(&a, 120, 40, &theme);
    let buffer = terminal.backend().buffer();
    let soon = find_all(buffer, "* 30天内到期");
    assert_eq!(soon.len(), 2, "two items due by 2022-01-31");
    // The second is not selected, so its own style shows.
    assert!(
        has_style(buffer, soon[1], Theme::dark().due_soon)
            || has_style(buffer, soon[0], theme.due_soon)
    );
    let later = find_all(buffer, "· 以后到期");
    assert!(!later.is_empty() && !has_style(buffer, later[0], theme.due_soon));
}

// Navigation.

#[test]
fn going_back_restores_selection_and_scroll_at_every_level() {
    // A short terminal, so that the lists scroll and offsets are not all zero.
    for (route, downs) in [("first report", [0, 6, 5]), ("second report", [1, 0, 3])] {
        let mut a = app(Lang::Zh, 120, 12);
        let mut seen: Vec<(Vec<Level>, String)> = Vec::new();
        for n in downs {
            for _ in 0..n {
                press(&mut a, KeyCode::Char('j'));
            }
            seen.push((
                a.stack().to_vec(),
                text(render_at(&a, 120, 40, &Theme::dark()).backend().buffer()),
            ));
            press(&mut a, KeyCode::Enter);
        }
        assert_eq!(
            a.stack().len(),
            4,
            "{route}: report, problem and measure opened"
        );
        assert!(matches!(a.level().view, View::Item(_)), "{route}");
        for back in [KeyCode::Esc, KeyCode::Backspace, KeyCode::Char('h')] {
            press(&mut a, back);
            let (stack, screen) = seen.pop().expect("a level to return to");
            assert_eq!(a.stack(), stack.as_slice(), "{route}: after {back:?}");
            assert_eq!(
                text(render_at(&a, 120, 40, &Theme::dark()).backend().buffer()),
                screen,
                "{route}: after {back:?}"
            );
        }
        assert_eq!(a.stack().len(), 1);
    }
}

#[test]
fn scrolled_levels_keep_their_offset_when_going_back() {
    let mut a = app(Lang::Zh, 120, 12);
    chars(&mut a, "1");
    press(&mut a, KeyCode::Enter);
    for _ in 0..6 {
        press(&mut a, KeyCode::Down);
    }
    let report = a.level();
    assert!(
        report.offset > 0,
        "the report's problems scrolled: {report:?}"
    );
    press(&mut a, KeyCode::Enter);
    for _ in 0..5 {
        press(&mut a, KeyCode::Down);
    }
    let problem = a.level();
    assert!(
        problem.offset > 0,
        "the problem's items scrolled: {problem:?}"
    );
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Left);
    assert_eq!(a.level(), problem);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.level(), report);
}

#[test]
fn back_at_the_top_of_a_tab_does_nothing() {
    let mut a = app(Lang::Zh, 120, 40);
    for key in [KeyCode::Esc, KeyCode::Backspace, KeyCode::Char('h')] {
        press(&mut a, key);
        assert_eq!(a.stack().len(), 1);
        assert!(!a.should_quit);
    }
}

#[test]
fn each_tab_keeps_its_own_drill_down() {
    let mut a = app(Lang::Zh, 120, 40);
    press(&mut a, KeyCode::Enter);
    chars(&mut a, "6");
    press(&mut a, KeyCode::Enter);
    chars(&mut a, "1");
    assert!(matches!(a.level().view, View::Report(_)));
    chars(&mut a, "6");
    assert!(matches!(a.level().view, View::Item(_)));
    chars(&mut a, "3");
    assert_eq!(a.stack().len(), 1);
}

#[test]
fn tab_and_shift_tab_wrap_around() {
    let mut a = app(Lang::Zh, 120, 40);
    let mut seen = vec![a.tab];
    for _ in 0..7 {
        press(&mut a, KeyCode::Tab);
        seen.push(a.tab);
    }
    assert_eq!(
        seen,
        [
            Tab::Overview,
            Tab::Units,
            Tab::Problems,
            Tab::Owners,
            Tab::Amounts,
            Tab::Land,
            Tab::Deadlines,
            Tab::Overview
        ]
    );
    // Terminals send Shift-Tab as BackTab, with or without the Shift modifier.
    key(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(a.tab, Tab::Deadlines);
    key(&mut a, KeyCode::BackTab, KeyModifiers::NONE);
    assert_eq!(a.tab, Tab::Land);
    for expected in [
        Tab::Amounts,
        Tab::Owners,
        Tab::Problems,
        Tab::Units,
        Tab::Overview,
        Tab::Deadlines,
    ] {
        key(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(a.tab, expected);
    }
}

#[test]
fn digits_1_to_7_jump_to_their_tab_and_the_tab_bar_marks_it() {
    let mut a = app(Lang::Zh, 120, 40);
    for (digit, tab, name) in [
        ('5', Tab::Amounts, "5 金额"),
        ('1', Tab::Overview, "1 总览"),
        ('7', Tab::Deadlines, "7 时限"),
        ('3', Tab::Problems, "3 问题"),
        ('6', Tab::Land, "6 土地"),
        ('2', Tab::Units, "2 单位"),
        ('4', Tab::Owners, "4 责任"),
    ] {
        press(&mut a, KeyCode::Char(digit));
        assert_eq!(a.tab, tab);
        let tabs = lines(render(&a).backend().buffer())[1].clone();
        assert!(tabs.contains(&format!("▸ {name}")), "{tabs}");
        assert_eq!(tabs.matches('▸').count(), 1, "{tabs}");
    }
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(Lang::Zh, 120, 40);
    press(&mut a, KeyCode::Char('q'));
    assert!(a.should_quit);
    let mut a = app(Lang::Zh, 120, 40);
    press(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(a.should_quit, "Ctrl-C quits from a drilled view too");
    let mut a = app(Lang::Zh, 120, 40);
    press(&mut a, KeyCode::Char('c'));
    assert!(!a.should_quit, "c alone is not Ctrl-C");
}

#[test]
fn key_releases_are_ignored() {
    let mut a = app(Lang::Zh, 120, 40);
    let codes = [
        (KeyCode::Char('q'), KeyModifiers::NONE),
        (KeyCode::Char('c'), KeyModifiers::CONTROL),
        (KeyCode::Char('j'), KeyModifiers::NONE),
        (KeyCode::Enter, KeyModifiers::NONE),
        (KeyCode::Tab, KeyModifiers::NONE),
        (KeyCode::Char('3'), KeyModifiers::NONE),
    ];
    for (code, modifiers) in codes {
        let mut event = KeyEvent::new(code, modifiers);
        event.kind = KeyEventKind::Release;
        assert!(
            keys::binding_for(&event, |s| a.in_scope(s)).is_none(),
            "{code:?} released"
        );
        let mut event = KeyEvent::new(code, modifiers);
        event.kind = KeyEventKind::Press;
        assert!(
            keys::binding_for(&event, |s| a.in_scope(s)).is_some(),
            "{code:?} pressed"
        );
    }
    // A press then its release moves once.
    let mut press = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    for kind in [KeyEventKind::Press, KeyEventKind::Release] {
        press.kind = kind;
        chars(&mut a, "3");
        if let Some(b) = keys::binding_for(&press, |s| a.in_scope(s)) {
            a.update(b.action);
        }
    }
    assert_eq!(a.level().selected, 1);
    assert!(!a.should_quit);
}

#[test]
fn hints_show_back_only_when_drilled_and_unit_only_on_amounts_and_land() {
    let mut a = app(Lang::Zh, 120, 40);
    let hints = |a: &App| {
        lines(render(a).backend().buffer())
            .last()
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        !hints(&a).contains("esc") && !hints(&a).contains("切换单位"),
        "{}",
        hints(&a)
    );
    press(&mut a, KeyCode::Enter);
    assert!(hints(&a).contains("esc 返回"), "{}", hints(&a));
    chars(&mut a, "5");
    assert!(
        hints(&a).contains("u 切换单位") && !hints(&a).contains("esc"),
        "{}",
        hints(&a)
    );
}

// Sizes.

/// A view and the sizes it is rendered at.
type Swept = (String, App, Vec<(u16, u16)>);

/// Every tab and every drill-down level in Chinese, on the full grid; the tabs in
/// English and with the selection on their last row, and the two views the issue
/// names, on fewer sizes.
fn views_for_the_sweep() -> Vec<Swept> {
    let full = sweep_sizes();
    let few = few_sizes();
    let mut views: Vec<Swept> = every_view(Lang::Zh, 120, 40)
        .into_iter()
        .map(|(name, a)| (name, a, full.clone()))
        .collect();
    for (i, tab) in Tab::ALL.iter().enumerate() {
        let mut en = app(Lang::En, 120, 40);
        en.update(Action::Tab(*tab));
        views.push((format!("En tab {}", i + 1), en, few.clone()));
        let mut last = app(Lang::Zh, 120, 40);
        last.update(Action::Tab(*tab));
        press(&mut last, KeyCode::End);
        views.push((format!("tab {}, last row", i + 1), last, few.clone()));
    }
    let mut lagging = app(Lang::Zh, 120, 40);
    open_lagging_problem(&mut lagging);
    press(&mut lagging, KeyCode::End);
    press(&mut lagging, KeyCode::Enter);
    views.push(("lagging problem, last item".into(), lagging, few.clone()));
    let mut land = app(Lang::Zh, 120, 40);
    chars(&mut land, "6");
    press(&mut land, KeyCode::Enter);
    views.push(("land figure".into(), land, few));
    views
}

/// The sizes of the sweep. Below the minimum a frame costs next to nothing, so
/// widths 1–20 and heights 1–25 are all there, then every 7th width and every 5th
/// height. From 60x20 up a frame is a full dashboard and costs milliseconds in a
/// debug build, so the grid is coarser there (every 24th width, every 16th
/// height) to keep the test near 20 s, with both sides of the minimum, 80x24,
/// 120x40 and 300x100 always in.
fn sweep_sizes() -> Vec<(u16, u16)> {
    let mut sizes = small_sizes();
    let (min_w, min_h) = ui::MIN_SIZE;
    let widths: Vec<u16> = (min_w..=300)
        .step_by(24)
        .chain([min_w + 1, 80, 120, 300])
        .collect();
    let heights: Vec<u16> = (min_h..=100)
        .step_by(16)
        .chain([min_h + 1, 24, 40, 100])
        .collect();
    sizes.extend(
        widths
            .iter()
            .flat_map(|&w| heights.iter().map(move |&h| (w, h))),
    );
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// The sizes below the minimum on the fine grid, with both sides of it.
fn small_sizes() -> Vec<(u16, u16)> {
    let (min_w, min_h) = ui::MIN_SIZE;
    let fine = |first: u16, step: usize, last: u16| {
        (1..=first).chain((first + step as u16..=last).step_by(step))
    };
    fine(20, 7, 300)
        .flat_map(|w| fine(25, 5, 100).map(move |h| (w, h)))
        .chain([
            (min_w - 1, min_h),
            (min_w, min_h - 1),
            (min_w - 1, min_h - 1),
            (300, min_h - 1),
            (min_w - 1, 100),
        ])
        .filter(|&(w, h)| w < min_w || h < min_h)
        .collect()
}

/// For views that repeat another in a new state: the small sizes and the corners
/// of the large ones.
fn few_sizes() -> Vec<(u16, u16)> {
    let mut sizes = small_sizes();
    sizes.extend([
        (60, 20),
        (61, 21),
        (80, 24),
        (120, 40),
        (60, 100),
        (300, 20),
        (300, 100),
    ]);
    sizes
}

#[test]
fn no_view_panics_at_any_size_from_1x1_to_300x100() {
    let sizes = sweep_sizes();
    for size in [(1, 1), (59, 19), (59, 20), (60, 19), (60, 20), (300, 100)] {
        assert!(sizes.contains(&size), "{size:?} is not swept");
    }
    let views = views_for_the_sweep();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = views
            .iter()
            .map(|(name, a, sizes)| {
                scope.spawn(move || {
                    let theme = Theme::dark();
                    let mut failed = Vec::new();
                    for &(w, h) in sizes {
                        let drawn = std::panic::catch_unwind(|| {
                            let mut terminal =
                                Terminal::new(TestBackend::new(w, h)).expect("test backend");
                            terminal
                                .draw(|frame| {
                                    ui::draw(frame, a, &theme);
                                })
                                .map(|_| ())
                        });
                        if !matches!(drawn, Ok(Ok(()))) {
                            failed.push(format!("{name} at {w}x{h}"));
                        }
                    }
                    failed
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|_| vec!["a sweep thread died".into()])
            })
            .collect()
    });
    assert!(
        failures.is_empty(),
        "rendering panicked or failed: {failures:#?}"
    );
}

/// A regression test: ratatui's `Paragraph` wrap let a double-width glyph
/// overrun a two-column area (ratatui/ratatui#2679), so the Chinese too-small
/// message panicked at 2x11 and taller.
#[test]
fn too_small_message_does_not_panic_two_columns_wide() {
    let a = app(Lang::Zh, 120, 40);
    for h in 1..=100 {
        render_at(&a, 2, h, &Theme::dark());
    }
}

#[test]
fn below_60x20_a_too_small_message_names_the_size() {
    for lang in [Lang::Zh, Lang::En] {
        let a = app(lang, 120, 40);
        let phrase = match lang {
            Lang::Zh => "终端太小",
            Lang::En => "terminaltoosmall",
        };
        for (w, h) in sweep_sizes() {
            if w >= 60 && h >= 20 {
                continue;
            }
            let screen = text(render_at(&a, w, h, &Theme::dark()).backend().buffer());
            // Rows joined as they wrap, spaces dropped: "needs" / "60x20" reads "needs60x20".
            let flat: String = screen.split_whitespace().collect();
            if w >= 30 {
                assert!(flat.contains(phrase), "{lang:?} {w}x{h}:\n{screen}");
            }
            // The whole message, with the current size, once it has room for two rows.
            if w >= 30 && h >= 2 {
                assert!(
                    flat.contains(&format!("{w}x{h}")),
                    "{lang:?} {w}x{h}:\n{screen}"
                );
                assert!(flat.contains("60x20"), "{lang:?} {w}x{h}:\n{screen}");
            }
        }
    }
}

#[test]
fn too_small_message_never_splits_the_size_across_rows() {
    for lang in [Lang::Zh, Lang::En] {
        let a = app(lang, 120, 40);
        for (w, h) in sweep_sizes() {
            if w < 30 || h < 2 || (w >= 60 && h >= 20) {
                continue;
            }
            let screen = text(render_at(&a, w, h, &Theme::dark()).backend().buffer());
            let size = format!("{w}x{h}");
            assert!(
                screen.lines().any(|row| row.contains(&size)),
                "{lang:?} {w}x{h}:\n{screen}"
            );
        }
    }
}

#[test]
fn too_small_message_shows_the_size_on_a_single_row_from_30_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let a = app(lang, 120, 40);
        for w in 30..60 {
            let screen = text(render_at(&a, w, 1, &Theme::dark()).backend().buffer());
            assert!(
                screen.contains(&format!("{w}x1")),
                "{lang:?} {w}x1: {screen}"
            );
        }
    }
}

#[test]
fn the_dashboard_comes_back_when_the_terminal_grows_again() {
    let mut a = app(Lang::Zh, 40, 10);
    assert!(screen(&a).contains("终端太小"));
    a.update(Action::Resize(120, 40));
    let s = screen(&a);
    assert!(!s.contains("终端太小") && s.contains("1 总览"), "{s}");
}

#[test]
fn empty_tables_say_none_in_the_interface_language() {
    let mut a = app(Lang::En, 120, 40);
    // Overview → first report → problem 7 → its first measure, which has no figures.
    for _ in 0..3 {
        press(&mut a, KeyCode::Enter);
    }
    let figures = panel(render(&a).backend().buffer(), "numbers");
    assert!(figures.iter().any(|r| r.contains("(none)")), "{figures:#?}");
    assert!(
        !figures.iter().any(|r| r.contains("（无）")),
        "{figures:#?}"
    );
}

/// At 80x24 a long measure does not fit its box: the text scrolls so that the
/// selected figure stays in view, and the border says that there is more.
#[test]
fn a_long_measure_scrolls_to_its_selected_figure_at_80x24() {
    let mut a = app(Lang::Zh, 80, 24);
    chars(&mut a, "3");
    let row = problem_row(&a, "内控机制不完善");
    for _ in 0..row {
        chars(&mut a, "j");
    }
    press(&mut a, KeyCode::Enter);
    chars(&mut a, "jj");
    press(&mut a, KeyCode::Enter);
    let text = screen(&a);
    let top: Vec<&str> = text.lines().take(10).collect();
    let top = top.join("\n");
    // The figure 四次 is near the end of the measure: in view, in the text box.
    assert!(top.contains("每年各四次"), "{text}");
    assert!(top.contains("▲"), "{text}");
    // At 120x40 the whole measure fits, from its first words, with no mark.
    a.update(Action::Resize(120, 40));
    let text = screen(&a);
    assert!(text.contains("│三是规范工程建设管理"), "{text}");
    assert!(!text.contains('▲') && !text.contains("▼ ┘"), "{text}");
}

/// Narrow terminals cut texts, never dates or counts: at 80x24 the
/// Deadlines table shows every date whole, in both languages.
#[test]
fn dates_are_never_cut_at_80x24() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = app(lang, 80, 24);
        chars(&mut a, "7");
        let text = screen(&a);
        let rows: Vec<&str> = text.lines().filter(|l| l.contains("2022-")).collect();
        assert!(rows.len() >= 4, "{text}");
        for line in rows {
            assert!(whole_date(line), "{line}");
        }
    }
}

/// Whether a line holds a whole date: YYYY-MM-DD, digits and dashes only.
fn whole_date(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let b = w.as_bytes();
        b.len() == 10
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            })
    })
}

/// At 80 columns the header keeps the report count and the as-of day whole,
/// the demo-day note included, in both languages; the data's name gives way.
#[test]
fn the_header_keeps_counts_and_the_day_whole_at_80_columns() {
    for (lang, tail) in [
        (Lang::Zh, "│ 2 份报告 │ 截至 2022-01-15（示例日）"),
        (Lang::En, "│ 2 reports │ as of 2022-01-15 (demo day)"),
    ] {
        let mut a = app(lang, 80, 24);
        a.demo_day = true;
        let header = lines(render(&a).backend().buffer())[0]
            .trim_end()
            .to_string();
        assert!(header.ends_with(tail), "{header}");
        assert!(header.contains('…'), "the name gave way: {header}");
    }
}

/// A problem's note wraps whole: at 120x40 and 80x24 the note of problem 8
/// (its closed status inferred) is shown to its last words.
#[test]
fn a_problems_note_is_shown_to_its_end() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app(Lang::Zh, w, h);
        press(&mut a, KeyCode::Char('3'));
        for _ in 0..problem_row(&a, "内控机制不完善") {
            press(&mut a, KeyCode::Down);
        }
        press(&mut a, KeyCode::Enter);
        let screen = text(render(&a).backend().buffer());
        let joined: String = screen
            .lines()
            .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
            .collect();
        assert!(joined.contains("没有未完成的工作。"), "{w}x{h}: {screen}");
    }
}
