//! `--ascii` drawn through `ui::draw` on ratatui's `TestBackend`: snapshots of
//! the Overview and an item, and a sweep of every tab, drill-down level,
//! popup, slide and comparison in both languages and two sizes that leaves
//! no ambiguous-width or box-drawing character on screen.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;
use zhenggai::i18n::Lang;
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::App;
use zhenggai::tui::glyphs::Glyphs;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/changes");

/// A dashboard on the bundled data as of 2022-01-15, at `w`x`h`.
fn app(lang: Lang, w: u16, h: u16) -> App {
    let loaded = zhenggai::load::load(&[]).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2022, 1, 15).unwrap();
    let stats = Stats::compute(&loaded.dataset, as_of);
    let mut a = App::new(loaded.dataset, stats, lang);
    a.update(Action::Resize(w, h));
    a
}

/// One frame in ASCII, in the dark theme (colours are not what is tested).
fn draw(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::dark().with_glyphs(Glyphs::Ascii);
    terminal
        .draw(|frame| {
            ui::draw(frame, app, &theme);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Every cell that is neither ASCII nor wide everywhere (Chinese): what a
/// terminal that draws ambiguous characters two cells wide would break on.
fn ambiguous(buffer: &Buffer) -> Vec<String> {
    buffer
        .content
        .iter()
        .map(|cell| cell.symbol())
        .filter(|s| !s.is_ascii() && (s.width() != 2 || s.width_cjk() != 2))
        .map(str::to_owned)
        .collect()
}

#[test]
fn ascii_overview_zh_100x30() {
    insta::assert_snapshot!(zhenggai::snapshot::to_text(&draw(&app(Lang::Zh, 100, 30))));
}

#[test]
fn ascii_item_en_100x30() {
    let mut a = app(Lang::En, 100, 30);
    a.update(Action::Tab(Tab::Problems));
    a.update(Action::Enter);
    insta::assert_snapshot!(zhenggai::snapshot::to_text(&draw(&a)));
}

/// Every view a user can reach in a few keys, drawn in ASCII, holds only
/// ASCII and wide characters.
#[test]
fn no_view_in_ascii_draws_an_ambiguous_or_box_drawing_character() {
    let mut seen = Vec::new();
    let mut check = |what: &str, a: &App| {
        let found = ambiguous(&draw(a));
        if !found.is_empty() {
            seen.push(format!("{what}: {}", found.join(" ")));
        }
    };
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let at = format!("{lang:?} {w}x{h}");
            for tab in Tab::ALL {
                let mut a = app(lang, w, h);
                a.update(Action::Tab(tab));
                check(&format!("{at} {tab:?}"), &a);
                for depth in 1..=3 {
                    a.update(Action::Enter);
                    check(&format!("{at} {tab:?} enter {depth}"), &a);
                }
            }
            let mut a = app(lang, w, h);
            a.update(Action::ToggleHelp);
            check(&format!("{at} help"), &a);
            let mut a = app(lang, w, h);
            a.update(Action::StartSearch);
            for c in "整改".chars() {
                a.update(Action::SearchInput(c));
            }
            check(&format!("{at} search"), &a);
            let mut a = app(lang, w, h);
            a.present = Some(false);
            for slide in 0..5 {
                check(&format!("{at} slide {slide}"), &a);
                a.update(Action::PresentNext);
            }
            let mut a = since(lang, w, h);
            for tab in Tab::ALL {
                a.update(Action::Tab(tab));
                check(&format!("{at} since {tab:?}"), &a);
            }
        }
    }
    assert!(seen.is_empty(), "{}", seen.join("\n"));
}

/// The kinds pair of the changes fixtures, with the history directory: marks
/// of what changed and the trend's sparkline.
fn since(lang: Lang, w: u16, h: u16) -> App {
    let dir = std::path::Path::new(FIXTURES);
    let new = zhenggai::load::load(&[dir.join("kinds-new.json")]).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2023, 8, 15).unwrap();
    let stats = Stats::compute(&new.dataset, as_of);
    let mut a = App::new(new.dataset, stats, lang);
    a.update(Action::Resize(w, h));
    let old = zhenggai::load::load(&[dir.join("kinds-old.json")]).unwrap();
    a.set_since(old.dataset);
    let mut err = Vec::new();
    a.history = zhenggai::history::load_versions(&dir.join("history"), &mut err)
        .unwrap()
        .unwrap();
    a
}
