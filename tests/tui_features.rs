//! The dashboard's finding and showing features on ratatui's `TestBackend`, on the
//! bundled reports as of 2022-01-15, driven by real key events through the key
//! table (`keys::action_for`) and `App::update`, as the run loop drives them:
//! search, filters, sort, help, both languages, every theme, presentation mode,
//! CSV export, copying, mouse hit areas and replacing the data under a view.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use zhenggai::i18n::Lang;
use zhenggai::model::{Dataset, Status};
use zhenggai::stats::{Bucket, Stats};
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::{App, Slide, View};
use zhenggai::tui::export;
use zhenggai::tui::keys::{self, BINDINGS};
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui::{self, Areas};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The bundled data.
fn bundled() -> Dataset {
    zhenggai::load::load(&[])
        .unwrap_or_else(|e| panic!("bundled data does not load: {e}"))
        .dataset
}

/// A dashboard on the bundled data as of a day, as the binary starts it at `w`x`h`.
fn app_as_of(lang: Lang, w: u16, h: u16, as_of: NaiveDate) -> App {
    let data = bundled();
    let stats = Stats::compute(&data, as_of);
    let mut app = App::new(data, stats, lang);
    app.update(Action::Resize(w, h));
    app
}

/// A dashboard on the bundled data as of 2022-01-15.
fn app(lang: Lang, w: u16, h: u16) -> App {
    app_as_of(lang, w, h, date(2022, 1, 15))
}

/// Renders one frame at the app's size with a theme; returns the buffer and the areas.
fn draw(app: &App, theme: &Theme) -> (Buffer, Areas) {
    let (w, h) = app.size;
    let mut terminal =
        Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| panic!("test backend: {e}"));
    let mut areas = Areas::default();
    terminal
        .draw(|frame| areas = ui::draw(frame, app, theme))
        .unwrap_or_else(|e| panic!("draw at {w}x{h}: {e}"));
    (terminal.backend().buffer().clone(), areas)
}

/// The screen in the dark theme as text.
fn screen(app: &App) -> String {
    text(&draw(app, &Theme::dark()).0)
}

/// The buffer as text, one line per row, wide glyphs written once.
fn text(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| line(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One row of the buffer as text.
fn line(buffer: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = zhenggai::format::width(symbol).saturating_sub(1);
        out.push_str(symbol);
    }
    out
}

/// The first row of the buffer whose text contains `needle`.
fn row_with(buffer: &Buffer, needle: &str) -> u16 {
    (0..buffer.area.height)
        .find(|&y| line(buffer, y).contains(needle))
        .unwrap_or_else(|| panic!("no row shows {needle:?}:\n{}", text(buffer)))
}

/// The cell showing `symbol` on row `y`.
fn cell_with<'a>(buffer: &'a Buffer, y: u16, symbol: &str) -> &'a Cell {
    (0..buffer.area.width)
        .map(|x| &buffer[(x, y)])
        .find(|c| c.symbol() == symbol)
        .unwrap_or_else(|| panic!("no {symbol:?} on row {y}: {}", line(buffer, y)))
}

/// The cells of row `y` that start a glyph, with their columns: the cell after a
/// wide glyph is its continuation and carries no style of its own.
fn glyphs(buffer: &Buffer, y: u16) -> Vec<(u16, &Cell)> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < buffer.area.width {
        let cell = &buffer[(x, y)];
        out.push((x, cell));
        x += (zhenggai::format::width(cell.symbol()) as u16).max(1);
    }
    out
}

/// The look of a cell: colours and modifiers.
fn look(cell: &Cell) -> (Color, Color, Modifier) {
    (cell.fg, cell.bg, cell.modifier)
}

/// Sends one key press through the key table, as the run loop does.
fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = KeyEvent::new(code, modifiers);
    if let Some(action) = keys::action_for(&event, |s| app.in_scope(s)) {
        app.update(action);
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

/// Types characters as a terminal reports them: upper-case letters with Shift.
fn typing(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let mods = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        key(app, KeyCode::Char(c), mods);
    }
}

/// The title of the problem on a row of the Problems tab.
fn problem_title_at(app: &App, row: usize) -> Option<String> {
    let (r, p) = app.rows.problems[row];
    app.data.reports[r].problems[p].title.clone()
}

/// The status of the problem on a row of the Problems tab.
fn status_at(app: &App, row: usize) -> Status {
    let (r, p) = app.rows.problems[row];
    app.data.reports[r].problems[p].status
}

/// The breadcrumb row: second from the bottom.
fn breadcrumb(buffer: &Buffer) -> String {
    line(buffer, buffer.area.height - 2)
}

/// The hints row: the bottom one.
fn hints(buffer: &Buffer) -> String {
    line(buffer, buffer.area.height - 1)
}

/// The non-empty lines inside the bordered overlay whose title contains `title`.
fn overlay_lines(buffer: &Buffer, title: &str) -> Vec<String> {
    let top = row_with(buffer, title);
    let cells = glyphs(buffer, top);
    let left = cells
        .iter()
        .find(|(_, c)| c.symbol() == "┌")
        .map(|(x, _)| *x)
        .unwrap_or_else(|| panic!("no overlay corner: {}", line(buffer, top)));
    let right = cells
        .iter()
        .find(|(x, c)| *x > left && c.symbol() == "┐")
        .map(|(x, _)| *x)
        .unwrap_or_else(|| panic!("no overlay corner: {}", line(buffer, top)));
    let mut lines = Vec::new();
    for y in top + 1..buffer.area.height {
        if buffer[(left, y)].symbol() == "└" {
            break;
        }
        let inner: String = glyphs(buffer, y)
            .into_iter()
            .filter(|(x, _)| (left + 1..right).contains(x))
            .map(|(_, c)| c.symbol())
            .collect();
        if !inner.trim().is_empty() {
            lines.push(inner.trim().to_string());
        }
    }
    lines
}

// Search.

/// `/` and typing 审计 shows the query in the search bar and the breadcrumb, and
/// the first match is selected.
#[test]
fn typing_a_search_shows_the_query_in_the_bar_and_breadcrumb() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/审计");
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        hints(&buffer).starts_with(" / 审计▏"),
        "search bar: {}",
        hints(&buffer)
    );
    assert!(
        breadcrumb(&buffer).contains("[/审计]"),
        "{}",
        breadcrumb(&buffer)
    );
    assert_eq!(
        problem_title_at(&a, a.level().selected).as_deref(),
        Some("内控机制不完善")
    );
    insta::assert_snapshot!("search_typing_audit", text(&buffer));
}

/// Rows matching the search carry the theme's search modifiers in every cell;
/// rows that do not match carry none of them.
#[test]
fn search_matches_are_highlighted_in_place() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/审计");
    let theme = Theme::dark();
    let (buffer, _) = draw(&a, &theme);
    let matching = row_with(&buffer, "巡察审计整改不到位");
    let other = row_with(&buffer, "四风问题依然存在");
    let search = theme.search.add_modifier;
    assert!(!search.is_empty(), "the dark theme marks search matches");
    // From the issuer column to the deadline column: the whole row is marked.
    for (x, cell) in glyphs(&buffer, matching)
        .into_iter()
        .filter(|(x, _)| (2..118).contains(x))
    {
        assert!(
            cell.modifier.contains(search),
            "cell {x} of the matching row lacks {search:?}: {}",
            line(&buffer, matching)
        );
    }
    for (x, cell) in glyphs(&buffer, other)
        .into_iter()
        .filter(|(x, _)| (2..118).contains(x))
    {
        assert!(
            !cell.modifier.contains(Modifier::UNDERLINED),
            "cell {x} of a row that does not match is marked"
        );
    }
}

/// After the search is submitted and left, `n` and `N` move between the
/// matching rows, wrapping around.
#[test]
fn n_and_shift_n_move_between_matches() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/审计");
    press(&mut a, KeyCode::Enter);
    // Enter opened the measure that holds the match; Esc walks back up.
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.level().view, View::Problems);
    let selected = |a: &App| problem_title_at(a, a.level().selected);
    assert_eq!(selected(&a).as_deref(), Some("内控机制不完善"));
    typing(&mut a, "n");
    assert_eq!(selected(&a).as_deref(), Some("巡察审计整改不到位"));
    typing(&mut a, "n");
    assert_eq!(
        selected(&a).as_deref(),
        Some("内控机制不完善"),
        "n wraps around"
    );
    typing(&mut a, "N");
    assert_eq!(
        selected(&a).as_deref(),
        Some("巡察审计整改不到位"),
        "N wraps back"
    );
    typing(&mut a, "N");
    assert_eq!(selected(&a).as_deref(), Some("内控机制不完善"));
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(breadcrumb(&buffer).contains("[/审计]"));
    assert!(
        hints(&buffer).contains("n 下一个匹配"),
        "{}",
        hints(&buffer)
    );
}

/// Enter in the search bar opens the match itself: 审计 is in a measure of
/// the problem 内控机制不完善, so Enter opens that measure, the word highlighted.
#[test]
fn enter_in_the_search_bar_drills_into_the_match() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/审计");
    press(&mut a, KeyCode::Enter);
    let View::Item(path) = a.level().view else {
        panic!("Enter opened {:?}, not the measure", a.level().view);
    };
    assert_eq!(
        a.data.reports[path.report].problems[path.problem]
            .title
            .as_deref(),
        Some("内控机制不完善")
    );
    assert!(
        path.resolve(&a.data)
            .is_some_and(|m| m.text.contains("审计"))
    );
    let screen = screen(&a);
    assert!(screen.contains("› 问题 8 › "), "{screen}");
    insta::assert_snapshot!("search_enter_opens_match", screen);
}

/// From the Overview, /五爱小学 and Enter open the ongoing item that names
/// the school (not just its report), with the word highlighted; Esc walks
/// back up the path one level at a time.
#[test]
fn search_enter_from_the_overview_opens_the_item_that_holds_the_match() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "/五爱小学");
    press(&mut a, KeyCode::Enter);
    let View::Item(path) = a.level().view else {
        panic!("Enter opened {:?}, not the item", a.level().view);
    };
    assert_eq!(path.list, zhenggai::model::ItemList::Ongoing);
    assert!(
        path.resolve(&a.data)
            .is_some_and(|m| m.text.contains("五爱小学"))
    );
    assert_eq!(a.stack().len(), 4, "Overview › report › problem › item");
    let theme = Theme::dark();
    let (buffer, _) = draw(&a, &theme);
    let search = theme.search.add_modifier;
    let highlighted: String = (0..buffer.area.height)
        .flat_map(|y| glyphs(&buffer, y))
        .filter(|(_, c)| c.modifier.contains(search))
        .map(|(_, c)| c.symbol().to_string())
        .collect();
    assert!(highlighted.contains("五爱小学"), "{highlighted:?}");
    for depth in [3, 2, 1] {
        press(&mut a, KeyCode::Esc);
        assert_eq!(a.stack().len(), depth);
    }
    assert_eq!(a.level().view, View::Overview);
}

/// Esc in the search bar closes it and clears the query and its highlights.
#[test]
fn esc_in_the_search_bar_clears_the_search() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/审计");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.search, None);
    let theme = Theme::dark();
    let (buffer, _) = draw(&a, &theme);
    assert!(
        !breadcrumb(&buffer).contains("[/"),
        "{}",
        breadcrumb(&buffer)
    );
    assert!(hints(&buffer).contains("j/↓ 下移"), "{}", hints(&buffer));
    let row = row_with(&buffer, "巡察审计整改不到位");
    assert!(!buffer[(5, row)].modifier.contains(Modifier::UNDERLINED));
}

/// Latin letters match without case: `oa` on the Problems tab finds the 人防
/// report's problem, whose measure mentions the OA办公系统.
#[test]
fn latin_search_ignores_case() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3/oa");
    let (r, p) = a.rows.problems[a.level().selected];
    let report = &a.data.reports[r];
    assert!(report.issuer.contains("人民防空"), "{}", report.issuer);
    assert!(
        report.problems[p]
            .measures
            .iter()
            .chain(&report.problems[p].ongoing)
            .any(|m| m.text.contains("OA办公系统")),
        "the match mentions OA办公系统"
    );
}

/// A query that matches nothing leaves the selection where it was.
#[test]
fn a_search_without_matches_keeps_the_selection() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3jjj");
    let before = a.level();
    typing(&mut a, "/不存在的词xyz");
    assert_eq!(a.level(), before);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.level(), before, "Enter without a match opens nothing");
    assert_eq!(a.stack().len(), 1);
    // Each n after "no match" looks again and says so again.
    for _ in 0..2 {
        a.notice = None;
        typing(&mut a, "n");
        assert_eq!(
            a.notice.as_deref(),
            Some("没有匹配项"),
            "n says no match again"
        );
        assert_eq!(a.level(), before);
    }
}

// Searching many reports: a slice of rows per key, the rest in `SearchStep`s.

/// Generated reports for searches that take several slices.
const MANY: usize = 400;

/// The Overview row whose report alone mentions `MARK`: in the last slice.
const MARKED_ROW: usize = 390;

/// A character the generated reports never use.
const MARK: char = '㊣';

/// A dashboard on `MANY` generated reports as of 2024-01-01, where only the
/// report on Overview row `MARKED_ROW` mentions `MARK` (in its title). Returns
/// the app and that report's index.
fn many_reports(lang: Lang) -> (App, usize) {
    let as_of = date(2024, 1, 1);
    let data = zhenggai::generate::dataset(MANY, 1);
    let stats = Stats::compute(&data, as_of);
    let mut app = App::new(data, stats, lang);
    app.update(Action::Resize(120, 40));
    let marked = app.rows.overview[MARKED_ROW];
    let mut data = app.data.clone();
    assert!(
        !data.reports.iter().any(|r| r.title.contains(MARK)),
        "{MARK} is already in the generated reports"
    );
    data.reports[marked].title.push(MARK);
    let stats = Stats::compute(&data, as_of);
    app.replace_data(data, stats);
    assert_eq!(
        app.rows.overview[MARKED_ROW], marked,
        "the rows kept their order"
    );
    (app, marked)
}

/// Sends `SearchStep`s as the run loop does while no key is waiting, at most
/// `limit` of them; returns how many it took until no search was under way.
fn steps(app: &mut App, limit: usize) -> usize {
    let mut n = 0;
    while app.searching() {
        assert!(n < limit, "still searching after {limit} steps");
        app.update(Action::SearchStep);
        n += 1;
    }
    n
}

/// A match far down the Overview is not reached by the key press itself: the
/// bar says how far the search got, and `SearchStep`s, without another key,
/// select the match.
#[test]
fn a_far_match_is_found_by_search_steps_without_a_key() {
    let (mut a, _) = many_reports(Lang::Zh);
    typing(&mut a, &format!("/{MARK}"));
    assert_eq!(
        a.level().selected,
        0,
        "the key press looked at one slice only"
    );
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        hints(&buffer).starts_with(&format!(" / {MARK}▏")),
        "{}",
        hints(&buffer)
    );
    assert!(hints(&buffer).contains("搜索中… 48%"), "{}", hints(&buffer));
    a.update(Action::SearchStep);
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(hints(&buffer).contains("搜索中… 96%"), "{}", hints(&buffer));
    assert_eq!(a.level().selected, 0);
    assert_eq!(steps(&mut a, 1), 1);
    assert_eq!(a.level().selected, MARKED_ROW);
    assert_eq!(a.search_progress(), None);
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(!hints(&buffer).contains("搜索中"), "{}", hints(&buffer));
    assert!(
        breadcrumb(&buffer).contains(&format!("[/{MARK}]")),
        "{}",
        breadcrumb(&buffer)
    );
}

/// Enter while the search is under way opens the match once it is found.
#[test]
fn enter_during_a_search_opens_the_match_when_found() {
    let (mut a, marked) = many_reports(Lang::En);
    typing(&mut a, &format!("/{MARK}"));
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        a.stack().len(),
        1,
        "nothing opened before the match is found"
    );
    // Not typing any more: the progress is shown next to the query.
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        breadcrumb(&buffer).contains(&format!("[/{MARK}] searching… ")),
        "{}",
        breadcrumb(&buffer)
    );
    steps(&mut a, 3);
    assert_eq!(a.level().view, View::Report(marked));
}

/// `n` on the only match goes round every other row and comes back to it.
#[test]
fn n_on_the_only_match_goes_round_to_it() {
    let (mut a, _) = many_reports(Lang::Zh);
    typing(&mut a, &format!("/{MARK}"));
    steps(&mut a, 3);
    press(&mut a, KeyCode::Enter); // The bar closes and the report opens.
    press(&mut a, KeyCode::Esc); // Back to the Overview, still searched.
    assert_eq!(a.level().selected, MARKED_ROW);
    typing(&mut a, "n");
    assert!(a.searching());
    assert!(steps(&mut a, 3) >= 1);
    assert_eq!(a.level().selected, MARKED_ROW);
    assert_eq!(a.notice, None, "a match was found");
}

/// A key press ends the search under way: typing more starts it over with the
/// new query, Backspace to nothing and Esc end it, and moving the selection
/// stops it from selecting a match later.
#[test]
fn a_new_key_restarts_or_ends_the_search_under_way() {
    let (mut a, _) = many_reports(Lang::Zh);
    typing(&mut a, &format!("/{MARK}"));
    a.update(Action::SearchStep);
    assert_eq!(a.search_progress(), Some(96));
    typing(&mut a, "z");
    assert_eq!(a.search_progress(), Some(48), "the new query starts over");
    press(&mut a, KeyCode::Backspace);
    assert_eq!(
        a.search_progress(),
        Some(48),
        "the shorter query starts over"
    );
    press(&mut a, KeyCode::Backspace);
    assert_eq!(a.search_progress(), None, "nothing to look for");
    typing(&mut a, &MARK.to_string());
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.search, None);
    assert!(!a.searching());

    typing(&mut a, &format!("/{MARK}"));
    press(&mut a, KeyCode::Enter);
    assert!(a.searching());
    typing(&mut a, "j");
    assert!(!a.searching(), "moving ends the search");
    a.update(Action::SearchStep);
    assert_eq!(a.level().selected, 1);
    assert_eq!(a.stack().len(), 1);
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        !breadcrumb(&buffer).contains("搜索中"),
        "{}",
        breadcrumb(&buffer)
    );
}

/// A search that goes round every row without a match says so, in either
/// language, and leaves the selection where it was.
#[test]
fn a_search_round_every_row_without_a_match_says_so() {
    for (lang, said) in [(Lang::Zh, "· 没有匹配项"), (Lang::En, "· no match")] {
        let (mut a, _) = many_reports(lang);
        typing(&mut a, "jj");
        typing(&mut a, &format!("/{MARK}{MARK}"));
        assert_eq!(a.notice, None, "not before every row was looked at");
        assert_eq!(steps(&mut a, 3), 2);
        assert_eq!(a.level().selected, 2);
        let (buffer, _) = draw(&a, &Theme::dark());
        assert!(
            breadcrumb(&buffer).contains(said),
            "{}",
            breadcrumb(&buffer)
        );
        assert!(!hints(&buffer).contains('%'), "{}", hints(&buffer));
    }
}

// Filters.

/// `f` cycles all → open → closed → long-term → all on the Problems tab, with
/// 8, 3, 5 and 0 rows on the bundled data, and the breadcrumb shows the filter.
#[test]
fn f_cycles_the_status_filter_with_a_badge() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let count = |a: &App| a.rows.problems.len();
    assert_eq!(count(&a), 8);
    assert_eq!(a.filter.status, None);

    let steps = [
        (Some(Status::Open), 3, Some("[● 正在整改]"), "open"),
        (Some(Status::Closed), 5, Some("[✓ 已完成]"), "closed"),
        (Some(Status::LongTerm), 0, Some("[∞ 长期坚持]"), "long_term"),
        (None, 8, None, "all"),
    ];
    for (status, rows, badge, name) in steps {
        typing(&mut a, "f");
        assert_eq!(a.filter.status, status);
        assert_eq!(count(&a), rows, "{name}");
        assert!(
            (0..rows).all(|i| status.is_none_or(|s| status_at(&a, i) == s)),
            "{name}: every row has the status"
        );
        let (buffer, _) = draw(&a, &Theme::dark());
        let crumb = breadcrumb(&buffer);
        match badge {
            Some(badge) => assert!(crumb.contains(badge), "{name}: {crumb}"),
            None => assert!(!crumb.contains('['), "{name}: {crumb}"),
        }
        insta::assert_snapshot!(format!("filter_{name}"), text(&buffer));
    }
}

/// The status filter persists when drilling into a problem and back, and also
/// narrows a report's problems opened from the Overview.
#[test]
fn the_filter_persists_while_drilling_down_and_back() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3f");
    assert_eq!(a.rows.problems.len(), 3);
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.level().view, View::Problem(..)));
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        breadcrumb(&buffer).contains("[● 正在整改]"),
        "{}",
        breadcrumb(&buffer)
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.level().view, View::Problems);
    assert_eq!(a.filter.status, Some(Status::Open));
    assert_eq!(a.rows.problems.len(), 3);

    // On the Overview, the first report has two open problems of seven.
    typing(&mut a, "1");
    press(&mut a, KeyCode::Enter);
    let View::Report(r) = a.level().view else {
        panic!("not a report: {:?}", a.level().view);
    };
    assert_eq!(a.data.reports[r].problems.len(), 7);
    assert_eq!(a.row_count(a.level().view), 2);
    press(&mut a, KeyCode::Esc);
    assert_eq!(
        a.filter.status,
        Some(Status::Open),
        "going back keeps the filter"
    );
}

/// `o` with as-of 2026-01-01 leaves only overdue deadlines on the Deadlines tab.
#[test]
fn o_shows_only_overdue_deadlines() {
    let mut a = app_as_of(Lang::Zh, 120, 40, date(2026, 1, 1));
    typing(&mut a, "7");
    let all = a.rows.deadlines.len();
    let overdue = a
        .stats
        .deadlines
        .iter()
        .filter(|d| d.bucket == Bucket::Overdue)
        .count();
    assert!(overdue > 0 && overdue < all, "{overdue} of {all} overdue");
    typing(&mut a, "o");
    assert!(a.filter.overdue_only);
    assert_eq!(a.rows.deadlines.len(), overdue);
    assert!(
        a.rows
            .deadlines
            .iter()
            .all(|&i| a.stats.deadlines[i].bucket == Bucket::Overdue)
    );
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        breadcrumb(&buffer).contains("[! 只看逾期]"),
        "{}",
        breadcrumb(&buffer)
    );
    insta::assert_snapshot!("filter_overdue_2026", text(&buffer));
    typing(&mut a, "o");
    assert_eq!(a.rows.deadlines.len(), all, "o again shows everything");
}

/// Esc at the top level of a tab clears the status and overdue filters.
#[test]
fn esc_at_the_top_clears_the_filters() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3f");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.stack().len(), 2);
    typing(&mut a, "o");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.stack().len(), 1);
    assert!(
        a.filter.status.is_some() && a.filter.overdue_only,
        "the first Esc only goes back"
    );
    press(&mut a, KeyCode::Esc);
    assert!(!a.filter.is_active());
    assert_eq!(a.rows.problems.len(), 8);
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        !breadcrumb(&buffer).contains('['),
        "{}",
        breadcrumb(&buffer)
    );
}

// Sort.

/// `s` on the Problems tab moves the ▼ mark to the status column and puts the
/// open problems first.
#[test]
fn s_sorts_the_problems_by_another_column() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let (buffer, _) = draw(&a, &Theme::dark());
    let header = line(&buffer, row_with(&buffer, "编号"));
    assert!(header.contains("报告▼"), "{header}");
    assert_eq!(
        problem_title_at(&a, 0),
        None,
        "problem 7 has no title in the source"
    );

    typing(&mut a, "s");
    let (buffer, _) = draw(&a, &Theme::dark());
    let header = line(&buffer, row_with(&buffer, "编号"));
    assert!(
        header.contains("状态▼") && !header.contains("报告▼"),
        "{header}"
    );
    assert_eq!(problem_title_at(&a, 0).as_deref(), Some("新旧动能转换滞后"));
    assert!((0..3).all(|i| status_at(&a, i) == Status::Open));
    insta::assert_snapshot!("sort_problems_by_status", text(&buffer));
}

/// The Deadlines tab starts sorted by date, earliest first, with ▼ on the date.
#[test]
fn deadlines_are_sorted_by_date_ascending_by_default() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "7");
    let dates: Vec<NaiveDate> = a
        .rows
        .deadlines
        .iter()
        .filter_map(|&i| a.stats.deadlines[i].date)
        .collect();
    assert!(dates.len() > 1);
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let (buffer, _) = draw(&a, &Theme::dark());
    let header = line(&buffer, row_with(&buffer, "时限原文"));
    assert!(header.contains("日期▼"), "{header}");
}

// Help.

/// `?` opens the overlay with every binding of the key table, in both languages
/// (on a screen tall enough for all of them).
#[test]
fn help_lists_every_binding() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 120, 80);
        typing(&mut a, "?");
        assert!(a.help.is_some());
        let screen = screen(&a);
        for b in BINDINGS {
            let help = b.help.text(lang);
            assert!(
                screen.contains(help),
                "{lang:?}: {help:?} missing:\n{screen}"
            );
        }
    }
}

/// Typing in the help overlay filters it: 搜索 leaves only lines that contain it.
#[test]
fn typing_filters_the_help() {
    let mut a = app(Lang::Zh, 120, 60);
    typing(&mut a, "?/搜索");
    assert_eq!(a.help.as_ref().map(|h| h.filter.as_str()), Some("搜索"));
    let (buffer, _) = draw(&a, &Theme::dark());
    let lines = overlay_lines(&buffer, "帮助 · 按键");
    assert!(lines[0].starts_with("按键"), "{lines:?}");
    let footnote = lines.last().expect("a footnote");
    assert!(footnote.contains("/ 筛选"), "{footnote}");
    for l in &lines[1..lines.len() - 1] {
        assert!(l.contains("搜索"), "a line without 搜索: {l:?}");
    }
    for b in BINDINGS {
        let help = b.help.text(Lang::Zh);
        // The help column of a binding's line, not the header or the footnote.
        let shown = lines[1..]
            .iter()
            .any(|l| l.split_whitespace().any(|w| w == help));
        assert_eq!(shown, help.contains("搜索"), "{help:?}: {lines:?}");
    }
    insta::assert_snapshot!("help_filtered_search", text(&buffer));
}

/// The help drawn over Chinese text keeps its left border on every row: a
/// wide character that would reach under the border is blanked.
#[test]
fn the_help_keeps_its_left_border_over_chinese_text() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "?");
    let (buffer, _) = draw(&a, &Theme::dark());
    let top = row_with(&buffer, "帮助 · 按键");
    let left = glyphs(&buffer, top)
        .into_iter()
        .find(|(_, c)| c.symbol() == "┌")
        .map(|(x, _)| x)
        .expect("an overlay corner");
    let mut y = top + 1;
    while buffer[(left, y)].symbol() != "└" {
        let shown = glyphs(&buffer, y)
            .into_iter()
            .any(|(x, c)| x == left && c.symbol() == "│");
        assert!(shown, "row {y} lost its border: {}", line(&buffer, y));
        y += 1;
    }
}

/// Esc clears a filter being typed, and a second Esc closes the help overlay.
#[test]
fn esc_clears_the_help_filter_then_closes_the_help() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "?/x");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.help.as_ref().map(|h| h.filter.as_str()), Some(""));
    assert!(screen(&a).contains("帮助 · 按键"));
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.help, None);
    assert!(!screen(&a).contains("帮助 · 按键"));
}

/// Letters are keys in the help until `/`: j scrolls instead of filtering,
/// and q closes the overlay instead of being typed.
#[test]
fn help_keys_scroll_until_slash_starts_the_filter() {
    let mut a = app(Lang::En, 80, 24);
    typing(&mut a, "?j");
    let help = a.help.as_ref().expect("help open");
    assert_eq!((help.filter.as_str(), help.top), ("", 1));
    typing(&mut a, "q");
    assert_eq!(a.help, None);
    assert!(!a.should_quit);
}

/// At 80x24 the help does not fit: it says which part of the list shows and
/// which way it scrolls, and j, PgDn and G bring every binding into view.
#[test]
fn help_scrolls_through_every_binding_at_80x24() {
    let mut a = app(Lang::En, 80, 24);
    typing(&mut a, "?");
    let first = screen(&a);
    // Every key, then the marks and words under their heading, each
    // explanation on as many lines as it takes.
    let entries = zhenggai::tui::help::Help::default()
        .entries(Lang::En, zhenggai::tui::help::inner_width(80));
    let total = entries.len();
    assert!(total > BINDINGS.len() + zhenggai::tui::help::TERMS.len());
    let shown = a.help_rows();
    assert!(
        shown < total,
        "{shown} of {total} fit: the test needs a small screen"
    );
    assert!(
        first.contains(&format!("1–{shown}/{total} ↓")),
        "no position mark:\n{first}"
    );
    let mut seen = String::new();
    for _ in 0..total {
        seen.push_str(&screen(&a));
        press(&mut a, KeyCode::Down);
    }
    for b in BINDINGS {
        let help = b.help.text(Lang::En);
        assert!(seen.contains(help), "{help:?} never scrolled into view");
    }
    for e in &entries {
        if let zhenggai::tui::help::Entry::Term { text, .. } = e {
            assert!(
                seen.contains(text.as_str()),
                "{text:?} never scrolled into view"
            );
        }
    }
    press(&mut a, KeyCode::Home);
    press(&mut a, KeyCode::PageDown);
    assert_eq!(a.help.as_ref().map(|h| h.top), Some(shown));
    typing(&mut a, "G");
    let last = screen(&a);
    assert!(
        last.contains(&format!("↑ {}–{total}/{total} ", total - shown + 1)),
        "{last}"
    );
    insta::assert_snapshot!("help_scrolled_to_the_end_80x24", last);
}

// Languages.

/// `L` switches tab names and hints between Chinese and English, and back.
#[test]
fn shift_l_switches_the_language() {
    let mut a = app(Lang::Zh, 120, 40);
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(line(&buffer, 1).contains("1 总览"));
    assert!(hints(&buffer).contains("q 退出"));
    typing(&mut a, "L");
    assert_eq!(a.lang, Lang::En);
    let (buffer, _) = draw(&a, &Theme::dark());
    let tabs = line(&buffer, 1);
    for name in ["Overview", "Problems", "Amounts", "Land", "Deadlines"] {
        assert!(tabs.contains(name), "{tabs}");
    }
    assert!(hints(&buffer).contains("q quit"), "{}", hints(&buffer));
    assert!(hints(&buffer).contains("L 中文"), "{}", hints(&buffer));
    typing(&mut a, "L");
    assert_eq!(a.lang, Lang::Zh);
}

/// Snapshots of the Overview and the help overlay in both languages.
#[test]
fn snapshots_of_overview_and_help_in_both_languages() {
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let mut a = app(lang, 120, 40);
        insta::assert_snapshot!(format!("lang_{name}_overview"), screen(&a));
        typing(&mut a, "?");
        insta::assert_snapshot!(format!("lang_{name}_help"), screen(&a));
    }
}

// Themes.

const THEMES: [&str; 4] = ["dark", "light", "high-contrast", "mono"];

/// In every theme, an open problem's status cell looks different from a closed
/// one's, and the selected row differs from the others.
#[test]
fn status_and_selection_are_visible_in_every_theme() {
    for name in THEMES {
        let theme = Theme::by_name(name).unwrap();
        let mut a = app(Lang::Zh, 120, 40);
        typing(&mut a, "3");
        let (buffer, _) = draw(&a, &theme);
        // Row 0 (problem 7) is selected; 8 is closed and 1 is open.
        let closed = row_with(&buffer, "内控机制不完善");
        let open = row_with(&buffer, "新旧动能转换滞后");
        let selected = row_with(&buffer, "▶");
        assert_ne!(
            look(cell_with(&buffer, open, "●")),
            look(cell_with(&buffer, closed, "✓")),
            "{name}: open and closed look the same"
        );
        // Every glyph of the selected row, from the issuer to the deadline.
        let other = &buffer[(2, closed)];
        for (x, sel) in glyphs(&buffer, selected)
            .into_iter()
            .filter(|(x, _)| (2..118).contains(x))
        {
            assert!(
                sel.modifier.contains(Modifier::REVERSED) || sel.bg != other.bg,
                "{name}: cell {x} of the selected row is not told apart"
            );
        }
        insta::assert_snapshot!(format!("theme_{name}_problems"), text(&buffer));
    }
}

/// The mono theme uses no colour at all: every cell's foreground and background
/// are the terminal's own, on every tab and with the help open.
#[test]
fn mono_has_no_colours() {
    let theme = Theme::by_name("mono").unwrap();
    for keys in ["1", "2", "3", "4", "5", "6", "7", "3f", "3/审计", "?"] {
        let mut a = app(Lang::Zh, 120, 40);
        typing(&mut a, keys);
        let (buffer, _) = draw(&a, &theme);
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "after {keys:?}: {:?} is coloured",
                cell.symbol()
            );
        }
    }
}

// Presentation.

/// While presenting, the slides go: totals, each report, Units, Deadlines,
/// and round again; the previous slide goes back.
#[test]
fn presentation_goes_through_totals_reports_units_and_deadlines() {
    let mut a = app(Lang::Zh, 120, 40);
    a.present = Some(false);
    assert_eq!(a.data.reports.len(), 2);
    let mut seen = vec![a.slide()];
    for _ in 0..5 {
        a.update(Action::PresentNext);
        seen.push(a.slide());
    }
    let order = a.rows.overview.clone();
    assert_eq!(
        seen,
        [
            Some(Slide::Totals),
            Some(Slide::Report(order[0])),
            Some(Slide::Report(order[1])),
            Some(Slide::Tab(Tab::Units)),
            Some(Slide::Tab(Tab::Deadlines)),
            Some(Slide::Totals),
        ],
        "round and round"
    );
    a.update(Action::PresentPrev);
    assert_eq!(a.tab, Tab::Deadlines);
}

/// Keys steer a presentation: arrows and pages go from slide to slide, Space
/// pauses, a digit jumps to its tab and pauses, Enter drills in and pauses,
/// and Esc back to the top resumes.
#[test]
fn keys_steer_a_presentation() {
    let mut a = app(Lang::Zh, 120, 40);
    a.present = Some(false);
    typing(&mut a, " ");
    assert_eq!(a.present, Some(true), "space pauses");
    typing(&mut a, " ");
    assert_eq!(a.present, Some(false), "space resumes");
    press(&mut a, KeyCode::Right);
    assert!(matches!(a.slide(), Some(Slide::Report(_))), "→ goes on");
    press(&mut a, KeyCode::PageUp);
    assert_eq!(a.slide(), Some(Slide::Totals), "pgup goes back");
    press(&mut a, KeyCode::Left);
    assert_eq!(a.slide(), Some(Slide::Tab(Tab::Deadlines)), "← wraps");
    typing(&mut a, "2");
    assert_eq!((a.tab, a.present), (Tab::Units, Some(true)));
    assert_eq!(a.slide(), Some(Slide::Tab(Tab::Units)));
    a.present = Some(false);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.present, Some(true), "Enter drills in and pauses");
    assert_eq!(a.slide(), None, "a drilled view is not a slide");
    press(&mut a, KeyCode::Down);
    assert_eq!(a.tab, Tab::Units, "↓ moves within a drilled view");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.present, Some(false), "Esc back to the top resumes");
    press(&mut a, KeyCode::Char('q'));
    assert!(a.should_quit);
}

/// The presented Overview shows its counts in big digits and says it is presenting.
#[test]
fn presentation_shows_big_digits_and_says_so() {
    for (lang, word) in [(Lang::Zh, "演示中"), (Lang::En, "presenting")] {
        let mut a = app(lang, 120, 40);
        a.present = Some(false);
        let (buffer, _) = draw(&a, &Theme::dark());
        assert!(text(&buffer).contains("███"), "{}", text(&buffer));
        assert!(hints(&buffer).contains(word), "{}", hints(&buffer));
        if lang == Lang::Zh {
            insta::assert_snapshot!("present_overview_zh", text(&buffer));
        }
    }
}

// Keys on the Overview.

/// `s` on the card Overview says what the cards are sorted by, since two
/// reports often tie and the order does not move (issue 15).
#[test]
fn s_on_the_overview_says_the_order() {
    let mut a = app(Lang::En, 100, 30);
    typing(&mut a, "s");
    let (buffer, _) = draw(&a, &Theme::dark());
    assert!(
        text(&buffer).contains("sorted by overdue items"),
        "{}",
        text(&buffer)
    );
    typing(&mut a, "sss");
    assert!(text(&draw(&a, &Theme::dark()).0).contains("sorted by open problems"));
}

/// `o` and `f` filter the cards of the Overview: with nothing overdue no
/// card is left and it says so; closed problems keep only the report that has
/// some (issue 15).
#[test]
fn f_and_o_filter_the_overview_cards() {
    let mut a = app(Lang::En, 100, 30);
    assert_eq!(a.rows.overview.len(), 2);
    typing(&mut a, "o");
    assert!(a.rows.overview.is_empty());
    let screen = text(&draw(&a, &Theme::dark()).0);
    assert!(screen.contains("no report passes the filter"), "{screen}");
    a.update(Action::Back);
    typing(&mut a, "ff");
    assert_eq!(a.rows.overview.len(), 1);
    let screen = text(&draw(&a, &Theme::dark()).0);
    assert!(
        screen.contains("经济开发区") && !screen.contains("人民防空"),
        "{screen}"
    );
}

// Drill-down targets.

/// Enter on a Deadlines row opens its item with that deadline selected at
/// the top of the text box, and its clause as the source, not a figure's
/// (issue 15).
#[test]
fn enter_on_a_deadline_points_at_the_deadline() {
    let mut a = app(Lang::En, 80, 24);
    typing(&mut a, "7");
    a.update(Action::Enter);
    assert_eq!(a.level().focus, zhenggai::tui::app::Focus::Deadline);
    let screen = text(&draw(&a, &Theme::dark()).0);
    let line = screen.lines().nth(3).unwrap_or_default();
    assert!(line.contains("Deadlines: * 2022年1月底"), "{screen}");
    assert!(screen.contains("园区计划于2022年1月底开园建设"), "{screen}");
    // Moving the selection points at the figures again.
    typing(&mut a, "j");
    assert_eq!(a.level().focus, zhenggai::tui::app::Focus::Figure);
}

/// Enter on an amount not stated opens its item with that entry selected and
/// its own clause as the source (issue 15).
#[test]
fn enter_on_an_unstated_amount_points_at_it() {
    let mut a = app(Lang::En, 80, 24);
    typing(&mut a, "5");
    a.update(Action::Enter);
    assert_eq!(a.level().focus, zhenggai::tui::app::Focus::Unstated(0));
    let screen = text(&draw(&a, &Theme::dark()).0);
    let line = screen.lines().nth(3).unwrap_or_default();
    assert!(line.contains("amount not stated: recovered"), "{screen}");
    assert!(
        screen.contains("有序推进专项清理、资金追缴工作"),
        "{screen}"
    );
}

/// At an item, the deepest level, the hints offer no "⏎ open" (issue 15).
#[test]
fn no_open_hint_at_the_deepest_level() {
    let mut a = app(Lang::En, 120, 40);
    typing(&mut a, "7");
    assert!(hints(&draw(&a, &Theme::dark()).0).contains("⏎"));
    a.update(Action::Enter);
    let hints = hints(&draw(&a, &Theme::dark()).0);
    assert!(!hints.contains("⏎"), "{hints}");
}

/// A problem without a number shows "—" with a note saying why, never "?"
/// (issue 15).
#[test]
fn a_problem_without_a_number_shows_a_dash_and_says_why() {
    let mut a = app(Lang::En, 120, 40);
    typing(&mut a, "3G");
    let screen = text(&draw(&a, &Theme::dark()).0);
    assert!(!screen.contains(" ?  "), "{screen}");
    a.update(Action::Enter);
    let screen = text(&draw(&a, &Theme::dark()).0);
    assert!(screen.contains("— no number in the source"), "{screen}");
    assert!(screen.contains("problem —"), "{screen}");
}

/// The hint bar keeps whole keys, this view's first, and ends with "? more"
/// when some are left out; "? help" when all fit (issue 15).
#[test]
fn hint_bar_ends_with_more_when_cut() {
    let mut a = app(Lang::En, 80, 24);
    typing(&mut a, "5");
    a.update(Action::Enter);
    let bar = hints(&draw(&a, &Theme::dark()).0);
    let bar = bar.trim_end();
    assert!(bar.ends_with("? more"), "{bar}");
    assert!(!bar.contains('…'), "{bar}");
    assert!(bar.starts_with(" q quit  esc back  u unit"), "{bar}");
    a.update(Action::Resize(200, 50));
    let bar = hints(&draw(&a, &Theme::dark()).0);
    assert!(bar.trim_end().ends_with("? help"), "{bar}");
}

// Export.

/// The exported Problems table has a header and the 8 rows on screen.
#[test]
fn export_table_of_problems_has_a_header_and_eight_rows() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let (name, rows) = export::table(&a);
    assert_eq!(name, "problems");
    assert_eq!(rows.len(), 9, "{rows:?}");
    assert!(rows[0].iter().any(|h| h == "标题"), "{:?}", rows[0]);
    assert!(
        rows.iter()
            .any(|r| r.iter().any(|c| c == "巡察审计整改不到位"))
    );
    typing(&mut a, "f");
    assert_eq!(
        export::table(&a).1.len(),
        4,
        "the export follows the filter"
    );
}

/// Two exports write two files, never overwriting, each starting with a BOM.
#[test]
fn exporting_twice_writes_two_files_with_a_bom() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let dir = tempfile::tempdir().unwrap();
    let first = export::write_csv(&a, dir.path()).unwrap();
    let second = export::write_csv(&a, dir.path()).unwrap();
    assert_ne!(first, second);
    for path in [&first, &second] {
        let bytes = std::fs::read(path).unwrap();
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "{} has no BOM",
            path.display()
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.lines().count(), 9, "{text}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// `e` writes the table as CSV and as a real xlsx workbook side by side,
/// both with the rows on screen; twice gives a second pair, never overwriting.
#[test]
fn e_writes_a_csv_and_an_xlsx_of_the_same_rows() {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let dir = tempfile::tempdir().unwrap();
    let [csv, xlsx] = export::write_files(&a, dir.path()).unwrap();
    assert_eq!(csv.file_name().unwrap(), "zhenggai-problems.csv");
    assert_eq!(xlsx.file_name().unwrap(), "zhenggai-problems.xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("问题").unwrap();
    let csv_text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(range.get_size().0, csv_text.lines().count());
    assert_eq!(range.get_size().0, 9);
    let [csv2, xlsx2] = export::write_files(&a, dir.path()).unwrap();
    assert_eq!(csv2.file_name().unwrap(), "zhenggai-problems-2.csv");
    assert_eq!(xlsx2.file_name().unwrap(), "zhenggai-problems-2.xlsx");
}

/// The file is named after the table exported: a problem's items from
/// inside a problem, not "deadlines" (issue 15).
#[test]
fn export_inside_a_problem_is_named_after_the_problem() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    a.update(Action::Enter);
    assert!(matches!(a.level().view, View::Problem(..)));
    let dir = tempfile::tempdir().unwrap();
    let [csv, _] = export::write_files(&a, dir.path()).unwrap();
    assert_eq!(csv.file_name().unwrap(), "zhenggai-problem.csv");
}

// Copy.

/// `y` on the Land drill-down of 849.56亩 copies the figure with its clause.
#[test]
fn copy_text_of_the_land_figure_quotes_its_source() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "6");
    let row = a
        .rows
        .land
        .iter()
        .position(|f| {
            f.resolve(&a.data)
                .is_some_and(|f| f.text.contains("849.56"))
        })
        .expect("a land row of 849.56");
    for _ in 0..row {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.level().view, View::Item(_)));
    let copied = a.copy_text().expect("something to copy");
    assert!(copied.contains("盘活存量建设用地849.56亩"), "{copied}");
}

// Mouse.

/// The rows' hit area maps the second visible row to offset + 1, and the third
/// tab's rectangle to the Amounts tab.
#[test]
fn mouse_hit_areas_match_what_is_drawn() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3");
    let (buffer, areas) = draw(&a, &Theme::dark());
    let hit = areas.rows.expect("the Problems tab has rows");
    let second = hit.area.y + 1;
    assert_eq!(hit.row_at(hit.area.x + 3, second), Some(hit.offset + 1));
    assert!(line(&buffer, second).contains("内控机制不完善"));
    assert_eq!(
        hit.row_at(hit.area.x + 3, hit.area.y + 20),
        None,
        "below the rows"
    );

    assert_eq!(areas.tabs.len(), 7);
    let third = areas.tabs[2];
    let point = ratatui::layout::Position {
        x: third.x + 2,
        y: third.y,
    };
    let tab = areas.tabs.iter().position(|r| r.contains(point));
    assert_eq!(tab.map(Tab::at), Some(Tab::Problems));
    let label: String = glyphs(&buffer, third.y)
        .into_iter()
        .filter(|(x, _)| (third.x..third.right()).contains(x))
        .map(|(_, c)| c.symbol())
        .collect();
    assert!(label.contains("3 问题"), "{label:?}");
    // The run loop turns a click there into this action.
    a.update(Action::Tab(Tab::at(2)));
    assert_eq!(a.tab, Tab::Problems);
}

// Replacing the data.

/// The same data again keeps the tab, the drill-down path and the selections.
#[test]
fn replace_data_with_the_same_data_keeps_the_view() {
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "3jjjjj");
    press(&mut a, KeyCode::Enter);
    typing(&mut a, "jj");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.level().view, View::Item(_)));
    let (tab, stack) = (a.tab, a.stack().to_vec());
    let data = bundled();
    let stats = Stats::compute(&data, a.stats.as_of);
    a.replace_data(data, stats);
    assert_eq!(a.tab, tab);
    assert_eq!(a.stack(), stack.as_slice());
}

/// With one report fewer, drill-downs into the removed report are cut back and
/// every view still renders.
#[test]
fn replace_data_with_a_report_fewer_cuts_the_stack_back() {
    let mut a = app(Lang::Zh, 120, 40);
    // The Overview lists the 人防 report second; open it down to a measure.
    typing(&mut a, "j");
    for _ in 0..3 {
        press(&mut a, KeyCode::Enter);
    }
    assert_eq!(a.stack().len(), 4);
    let View::Report(removed) = a.stack()[1].view else {
        panic!("{:?}", a.stack());
    };
    assert_eq!(removed, a.data.reports.len() - 1, "the last report is open");
    // On Problems, select the last row, which belongs to the removed report.
    typing(&mut a, "3G");
    let mut data = bundled();
    data.reports.pop();
    let stats = Stats::compute(&data, a.stats.as_of);
    a.replace_data(data, stats);

    assert_eq!(a.tab, Tab::Problems);
    assert_eq!(a.rows.problems.len(), 7);
    assert!(a.level().selected < 7);
    screen(&a);
    typing(&mut a, "1");
    assert_eq!(a.stack().len(), 1, "{:?}", a.stack());
    assert!(a.level().selected < a.data.reports.len());
    for tab in ["1", "2", "3", "4", "5", "6", "7"] {
        typing(&mut a, tab);
        screen(&a);
        press(&mut a, KeyCode::Enter);
        screen(&a);
    }
}

/// When an earlier report disappears, a drill-down into a later one follows that
/// report rather than staying on the same index, which now holds another one.
#[test]
fn replace_data_follows_the_report_not_its_index() {
    let mut a = app(Lang::Zh, 120, 40);
    // The Overview lists the 人防 report second; open it.
    typing(&mut a, "j");
    press(&mut a, KeyCode::Enter);
    let View::Report(r) = a.level().view else {
        panic!("{:?}", a.level().view);
    };
    let title = a.data.reports[r].title.clone();
    let mut data = bundled();
    data.reports.remove(0);
    let stats = Stats::compute(&data, a.stats.as_of);
    a.replace_data(data, stats);
    // The open report moved from index 1 to 0: the view follows it.
    let View::Report(moved) = a.level().view else {
        panic!(
            "fell back to {:?} though the report is still there",
            a.level().view
        );
    };
    assert_eq!(moved, 0);
    assert_eq!(a.data.reports[moved].title, title);
    // And the other way: a report that is gone is not replaced by another.
    let mut a = app(Lang::Zh, 120, 40);
    press(&mut a, KeyCode::Enter);
    let View::Report(r) = a.level().view else {
        panic!("{:?}", a.level().view);
    };
    let title = a.data.reports[r].title.clone();
    let mut data = bundled();
    data.reports.remove(r);
    let stats = Stats::compute(&data, a.stats.as_of);
    a.replace_data(data, stats);
    assert!(
        !matches!(a.level().view, View::Report(_)),
        "another report took the place of '{title}': {:?}",
        a.level().view
    );
    assert_eq!(a.level().view, View::Overview);
    assert!(a.data.reports.iter().all(|x| x.title != title));
}

// Keys that would do nothing.

/// `u` outside Amounts and Land says where it works, instead of doing nothing;
/// on Amounts it still switches the unit.
#[test]
fn u_outside_amounts_and_land_says_where_it_works() {
    for (lang, words) in [(Lang::Zh, "u 只在金额页"), (Lang::En, "only on Amounts")] {
        let mut a = app(lang, 120, 40);
        typing(&mut a, "u");
        assert!(screen(&a).contains(words), "{lang:?}:\n{}", screen(&a));
    }
    let mut a = app(Lang::En, 120, 40);
    let before = a.money_scale;
    typing(&mut a, "5u");
    assert_ne!(a.money_scale, before);
    assert_eq!(a.notice, None);
}

/// At 60x20 a status, a deadline's light or a count header never shows its
/// mark with half a word ("✓ 已…", "* 30…"): where the word does not fit,
/// the mark stands alone (issue 15).
#[test]
fn marks_stand_alone_where_their_word_does_not_fit_at_60x20() {
    for lang in [Lang::Zh, Lang::En] {
        for tab in ["2", "3", "7"] {
            let mut a = app(lang, 60, 20);
            typing(&mut a, tab);
            let s = screen(&a);
            // Inside the tables; the line under a table ends in explanations,
            // which may be cut.
            for line in s.lines().filter(|l| l.starts_with('│')) {
                for mark in ["✓ ", "● ", "∞ ", "! ", "* ", "· "] {
                    for (at, _) in line.match_indices(mark) {
                        let word: String = line[at + mark.len()..]
                            .chars()
                            .take_while(|c| *c != ' ')
                            .collect();
                        assert!(
                            !word.ends_with('…'),
                            "{lang:?} tab {tab}: {mark}{word} in\n{s}"
                        );
                    }
                }
            }
            // The marks are still there, alone.
            assert!(
                s.contains('✓') || s.contains('*'),
                "{lang:?} tab {tab}:\n{s}"
            );
        }
    }
}

/// The deadline as written is a date and is never cut: "2022年一季度" whole at
/// 80x24 and at 60x20, in both languages (issue 15).
#[test]
fn deadlines_as_written_are_never_cut() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (60, 20)] {
            let mut a = app(lang, w, h);
            typing(&mut a, "7");
            let s = screen(&a);
            assert!(s.contains("2022年一季度"), "{lang:?} {w}x{h}:\n{s}");
            assert!(s.contains("2022年上半年"), "{lang:?} {w}x{h}:\n{s}");
        }
    }
}

/// On the Overview the economic indicators stand apart from the funds, under
/// their own name, and the English lines use no Chinese brackets or units
/// (issue 15).
#[test]
fn overview_money_sets_economy_apart_and_english_has_no_chinese_marks() {
    let a = app(Lang::En, 200, 50);
    let s = screen(&a);
    let money = s
        .lines()
        .find(|l| l.contains("│Amounts") && l.contains("disbursed"))
        .unwrap_or_else(|| panic!("{s}"));
    let (funds, economy) = money.split_once("│  economy: ").expect(money);
    assert!(funds.contains("35.459m yuan"), "{money}");
    assert!(
        economy.starts_with("enterprise investment 418m yuan"),
        "{money}"
    );
    let land = s.lines().find(|l| l.contains("│Land")).unwrap();
    assert!(
        land.contains("849.56 mu") && land.contains("(110% of target)"),
        "{land}"
    );
    for line in [money, land] {
        assert!(!line.contains(['（', '）', '：', '亩', '万']), "{line}");
    }
    let a = app(Lang::Zh, 200, 50);
    let s = screen(&a);
    assert!(s.contains("│  经济指标：企业投入 4.18亿元"), "{s}");
}

/// The report column of Problems takes its share of a wide screen and shows
/// the unit without the shared 中共 prefix, so two units of one city differ
/// at a glance (issue 15).
#[test]
fn problems_name_units_whole_on_a_wide_screen() {
    let mut a = app(Lang::Zh, 200, 50);
    typing(&mut a, "3");
    let s = screen(&a);
    assert!(s.contains("│▶无锡经济开发区工作委员会 "), "{s}");
    assert!(s.contains("│ 无锡市人民防空办公室党组 "), "{s}");
    let mut a = app(Lang::Zh, 80, 24);
    typing(&mut a, "3");
    let s = screen(&a);
    assert!(
        s.contains("无锡经济开发区工…") && s.contains("无锡市人民防空办…"),
        "{s}"
    );
}

/// At 80x24 in English every count of a report's problems is whole: the
/// counts come first, where they came from after them, cut first (issue 15).
#[test]
fn counts_come_before_their_explanations_at_80x24() {
    for lang in [Lang::En, Lang::Zh] {
        let a = app(lang, 80, 24);
        let s = screen(&a);
        let first = s
            .lines()
            .find(|l| l.starts_with("│Problems") || l.starts_with("│问题"))
            .unwrap_or_else(|| panic!("{s}"));
        let whole = match lang {
            Lang::En => "✓ closed 11 ● open 2 ∞ long-term 0",
            Lang::Zh => "✓ 已完成 11 ● 正在整改 2 ∞ 长期坚持 0",
        };
        assert!(first.contains(whole), "{first}");
    }
}

/// The board's counts and lights are never cut: where their words do not
/// fit, the marks and counts alone are shown (issue 15).
#[test]
fn the_board_keeps_every_count_at_80x24() {
    for lang in [Lang::En, Lang::Zh] {
        let a = app(lang, 80, 24);
        let s = screen(&a);
        assert!(
            s.contains("│✓ 11  ● 3  ∞ 0  │ ! 0  * 1  · 2  - 0 "),
            "{lang:?}:\n{s}"
        );
    }
    let a = app(Lang::Zh, 120, 40);
    assert!(screen(&a).contains("· 按期推进 2  - 无日期 0"));
}

/// Notes and details break as Chinese is typeset too: at 60x20 no row of the
/// problem's box starts with closing punctuation, and labels take the
/// full-width colon in Chinese (issue 15).
#[test]
fn notes_never_start_a_row_with_closing_punctuation() {
    let mut a = app(Lang::Zh, 60, 20);
    typing(&mut a, "3");
    press(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("说明："), "{s}");
    for line in s.lines() {
        let inside = line.trim_start_matches('│');
        assert!(
            !inside.starts_with(['，', '。', '、', '）', '》']),
            "{line}\n{s}"
        );
    }
}

/// A report's line of amounts or land too long for the screen is cut after a
/// whole amount and says how many more there are, never "约5,…" (issue 15).
#[test]
fn amounts_on_the_overview_are_cut_between_amounts() {
    for (lang, label, more) in [(Lang::Zh, "│金额", "…等"), (Lang::En, "│Amounts", "… +")]
    {
        for (w, h) in [(80, 24), (120, 40)] {
            let a = app(lang, w, h);
            let s = screen(&a);
            let line = s
                .lines()
                .find(|l| l.starts_with(label) && !l.contains("40m") && !l.contains("4,000"))
                .unwrap_or_else(|| panic!("{s}"));
            let text = line.trim_end_matches('│').trim_end();
            assert!(text.contains(more), "{lang:?} {w}x{h}: {line}");
            assert!(!text.contains(",…") && !text.ends_with('…'), "{line}");
        }
    }
}

/// Dates and amounts in 元 keep their width: the nearest deadline at 60x20 in
/// English, 136.3亿元 as 13,630,000,000元 after `u` twice (issue 15).
#[test]
fn dates_and_yuan_amounts_are_whole() {
    let mut a = app(Lang::En, 60, 20);
    typing(&mut a, "3");
    assert!(screen(&a).contains("2022-06-30"));
    let mut a = app(Lang::Zh, 120, 40);
    typing(&mut a, "5uu");
    let s = screen(&a);
    assert!(s.contains("13,630,000,000元"), "{s}");
}

/// Opened on an amount not stated, the item selects that entry and no number
/// of the table below; the first move selects the first number. Opened on a
/// deadline, the text is scrolled to the clause that sets it (issue 15).
#[test]
fn drill_down_selects_only_what_was_pointed_at() {
    let mut a = app(Lang::Zh, 100, 30);
    typing(&mut a, "5jjj");
    press(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(
        s.contains("金额未说明：追缴收回 · 自建人防工程租金收缴"),
        "{s}"
    );
    let table: Vec<&str> = s.lines().skip_while(|l| !l.contains("┌ 数据")).collect();
    assert!(!table.iter().any(|l| l.contains('▶')), "{s}");
    typing(&mut a, "j");
    let s = screen(&a);
    assert!(s.contains("│▶4000万元"), "{s}");

    let mut a = app(Lang::Zh, 60, 20);
    typing(&mut a, "7jjjj");
    press(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("2022年有质的提升"), "{s}");
}

/// Under 72 columns Amounts keeps the kind of money whole and drops the role
/// and the report's name, which the mark and the tab's title stand for
/// (issue 15).
#[test]
fn amounts_at_60x20_keep_the_kind_of_money() {
    let mut a = app(Lang::Zh, 60, 20);
    typing(&mut a, "5jjjjj");
    let s = screen(&a);
    assert!(
        s.contains("│▶+ 计入   发放兑现  区级奖励 2948万元       2,948万元"),
        "{s}"
    );
    assert!(!s.contains("已完成"), "{s}");
}
