//! The dashboard while its data is still arriving, as the run loop feeds it:
//! the first frame before any report, the panels filling in as batches of
//! reports come, selections that stay on their rows, and a finished load that
//! looks exactly like a dashboard given all the data at once.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhenggai::generate;
use zhenggai::i18n::Lang;
use zhenggai::model::Dataset;
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::{App, LoadProgress, View};
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

const MIB: u64 = 1024 * 1024;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 6, 30).unwrap()
}

/// A dashboard waiting for its first reports, at `w`x`h`.
fn loading(lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::loading(as_of(), lang);
    app.update(Action::Resize(w, h));
    app
}

/// The screen as text, one line per row, wide glyphs written once.
fn screen(app: &App) -> String {
    render(app)
        .backend()
        .to_string()
        .lines()
        .map(|l| l.trim_matches('"').to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &Theme::dark());
        })
        .unwrap();
    terminal
}

/// Feeds the next of a dataset's reports (after those the app has) in batches
/// of the given sizes, as the loader hands them over, with the progress
/// counted as a MiB a report.
fn feed(app: &mut App, data: &Dataset, sizes: &[usize]) {
    let mut from = app.data.reports.len();
    for &size in sizes {
        let to = (from + size).min(data.reports.len());
        app.set_load_progress(LoadProgress {
            bytes_done: to as u64 * MIB,
            bytes_total: data.reports.len() as u64 * MIB,
            reports: to as u64,
        });
        app.append_reports(data.reports[from..to].to_vec());
        from = to;
    }
}

#[test]
fn before_any_report_the_first_frame_shows_bytes_and_reports_read() {
    let mut app = loading(Lang::Zh, 80, 24);
    app.set_load_progress(LoadProgress {
        bytes_done: 10 * MIB,
        bytes_total: 100 * MIB,
        reports: 215,
    });
    let text = screen(&app);
    assert!(text.contains("加载中…"), "{text}");
    assert!(text.contains("10.0 / 100.0 MiB · 215 份报告"), "{text}");
    insta::assert_snapshot!(
        "zh_80x24_loading_no_reports",
        zhenggai::snapshot::to_text(render(&app).backend().buffer())
    );
}

#[test]
fn the_panels_fill_in_as_reports_arrive() {
    let data = generate::dataset(40, 2);
    let mut app = loading(Lang::En, 120, 40);
    feed(&mut app, &data, &[3, 9]);
    let text = screen(&app);
    // The header counts what has arrived; the progress line says how far the load is.
    assert!(text.contains("│ loading… │ 12 reports │"), "{text}");
    assert!(
        text.contains("loading… 30% · 12.0 / 40.0 MiB · 12 reports"),
        "{text}"
    );
    assert!(text.contains("reports · 1/12"), "{text}");
    insta::assert_snapshot!(
        "en_120x40_loading_12_of_40",
        zhenggai::snapshot::to_text(render(&app).backend().buffer())
    );

    feed(&mut app, &data, &[28]);
    assert!(screen(&app).contains("reports · 1/40"));
}

#[test]
fn a_finished_load_draws_what_a_load_of_everything_at_once_draws() {
    let data = generate::dataset(50, 3);
    for lang in [Lang::Zh, Lang::En] {
        let mut streamed = loading(lang, 100, 30);
        feed(&mut streamed, &data, &[1, 4, 20, 25]);
        streamed.finish_loading(data.name.clone(), data.synthetic);
        let mut whole = App::new(data.clone(), Stats::compute(&data, as_of()), lang);
        whole.update(Action::Resize(100, 30));
        for tab in Tab::ALL {
            // The selection followed its row while others sorted in above it;
            // everything else is the same.
            for app in [&mut streamed, &mut whole] {
                app.update(Action::Tab(tab));
                app.update(Action::Top);
            }
            assert_eq!(screen(&streamed), screen(&whole), "{tab:?} in {lang:?}");
        }
        assert!(!screen(&streamed).contains(lang_loading(lang)));
    }
}

fn lang_loading(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "加载中",
        Lang::En => "loading",
    }
}

#[test]
fn the_selected_row_stays_on_its_report_as_more_sort_in_above_it() {
    let data = generate::dataset(60, 5);
    let mut app = loading(Lang::Zh, 120, 40);
    feed(&mut app, &data, &[10]);
    for _ in 0..4 {
        app.update(Action::Down);
    }
    let before = app.rows.overview[app.level().selected];
    let line_before = selected_line(&app);
    feed(&mut app, &data, &[50]);
    assert_eq!(app.rows.overview.len(), 60);
    let after = app.rows.overview[app.level().selected];
    assert_eq!(after, before, "the selection moved to another report");
    // And it is drawn on the same line of the screen.
    assert_eq!(selected_line(&app), line_before);
}

/// The screen line with the selection marker.
fn selected_line(app: &App) -> (usize, String) {
    screen(app)
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains('▶'))
        .map(|(i, l)| (i, l.to_owned()))
        .expect("a selected row")
}

#[test]
fn keys_act_on_the_reports_already_there_while_the_rest_arrive() {
    let data = generate::dataset(30, 6);
    let mut app = loading(Lang::En, 120, 40);
    feed(&mut app, &data, &[5]);
    app.update(Action::Tab(Tab::Problems));
    app.update(Action::Down);
    app.update(Action::Enter);
    let opened = app.level().view;
    assert!(matches!(opened, View::Problem(..)), "{opened:?}");
    feed(&mut app, &data, &[25]);
    // Still on the same problem's page, on the tab the user chose.
    assert_eq!(app.tab, Tab::Problems);
    assert_eq!(app.level().view, opened);
    assert_eq!(app.data.reports.len(), 30);
}

/// A search under way while reports arrive goes on through the new ones: the
/// only match is in a report that was not there when the search began.
#[test]
fn a_search_under_way_looks_through_reports_that_arrive() {
    const MARK: char = '㊣';
    let mut data = generate::dataset(400, 1);
    assert!(!data.reports.iter().any(|r| r.title.contains(MARK)));
    data.reports[350].title.push(MARK);
    let mut app = loading(Lang::En, 120, 40);
    feed(&mut app, &data, &[300]);
    app.update(Action::StartSearch);
    app.update(Action::SearchInput(MARK));
    assert!(
        app.searching(),
        "one key press looks at one slice of 300 rows"
    );
    feed(&mut app, &data, &[100]);
    let mut steps = 0;
    while app.searching() {
        assert!(steps < 20, "still searching after {steps} steps");
        app.update(Action::SearchStep);
        steps += 1;
    }
    assert_eq!(app.rows.overview[app.level().selected], 350);
    assert!(app.notice.is_none(), "{:?}", app.notice);
}

/// A tab the user has not moved on stays at its first row, however many rows
/// sort in above the one that was first.
#[test]
fn tabs_still_at_their_first_row_stay_at_the_top() {
    let data = generate::dataset(64, 9);
    let mut app = loading(Lang::En, 120, 40);
    feed(&mut app, &data, &[1, 63]);
    app.finish_loading(data.name.clone(), data.synthetic);
    for tab in Tab::ALL {
        app.update(Action::Tab(tab));
        let level = app.level();
        assert_eq!((level.selected, level.offset), (0, 0), "{tab:?}");
    }
}

/// Once loaded, many reports are one table, titled with the count in Chinese
/// without the counter word ("报告 · 1/40", not "份报告 · 1/40").
#[test]
fn many_reports_make_one_table_titled_in_chinese() {
    let data = generate::dataset(40, 2);
    let mut app = loading(Lang::Zh, 80, 24);
    feed(&mut app, &data, &[40]);
    app.finish_loading(data.name.clone(), data.synthetic);
    let text = screen(&app);
    assert!(text.contains("┌ 报告 · 1/40 "), "{text}");
    assert!(text.contains("│ 40 份报告 │"), "{text}");
    insta::assert_snapshot!(
        "zh_80x24_loaded_40_reports",
        zhenggai::snapshot::to_text(render(&app).backend().buffer())
    );
}

/// Before the first reports, keys change nothing that could be seen only
/// later; the language of the bar switches, the size is followed, q quits.
#[test]
fn on_the_blank_loading_screen_only_quit_language_and_resize_act() {
    let mut app = loading(Lang::Zh, 80, 24);
    for action in [
        Action::Tab(Tab::Land),
        Action::StartSearch,
        Action::SearchInput('x'),
        Action::ToggleHelp,
    ] {
        app.update(action);
    }
    assert_eq!(app.tab, Tab::Overview);
    assert!(app.search.is_none() && app.help.is_none());
    app.update(Action::ToggleLang);
    assert!(screen(&app).contains("loading…"), "{}", screen(&app));
    app.update(Action::Resize(100, 30));
    assert_eq!(app.size, (100, 30));
    app.update(Action::Quit);
    assert!(app.should_quit);
}

/// The totals above Amounts and Land show every amount and kind name whole,
/// however large the sums of many reports grow.
#[test]
fn large_totals_and_long_kind_names_are_shown_whole() {
    let data = generate::dataset(300, 1);
    let mut app = App::new(data.clone(), Stats::compute(&data, as_of()), Lang::En);
    app.update(Action::Resize(120, 40));
    app.update(Action::Tab(Tab::Amounts));
    let text = screen(&app);
    let bars: Vec<&str> = text
        .lines()
        .skip(3)
        .take_while(|l| !l.starts_with('└'))
        // Section headings have no amount.
        .filter(|l| !l.starts_with("│▸"))
        .collect();
    assert!(bars.len() > 3, "{text}");
    for line in &bars {
        assert!(!line.contains('…'), "cut: {line}");
        assert!(
            line.contains(" yuan  CNY │") || line.contains(" USD  USD │"),
            "{line}"
        );
    }
    app.update(Action::Tab(Tab::Land));
    let text = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("unsupplied land disposed"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("unsupplied land disposed "), "{line}");
    assert!(!line.contains('…'), "{line}");
}
