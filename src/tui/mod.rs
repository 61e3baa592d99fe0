//! The full-screen dashboard: state (`app`), actions, the key table, the
//! terminal session, the theme, and one render function per panel (`ui`).

pub mod action;
pub mod app;
pub mod keys;
pub mod rows;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::cli::DashboardArgs;
use crate::i18n::Lang;
use crate::stats::Stats;
use action::Action;
use app::App;
use theme::Theme;

/// Runs `zhenggai [PATH…]`: the dashboard, or the text summary when stdout is
/// not a terminal. Returns the exit code.
pub fn run(args: &DashboardArgs) -> io::Result<u8> {
    if !io::stdout().is_terminal() {
        let summary = crate::cli::SummaryArgs {
            format: crate::cli::SummaryFormat::Text,
            as_of: args.as_of,
            lang: args.lang,
            paths: args.paths.clone(),
        };
        return crate::summary::run(&summary, &mut io::stdout().lock(), &mut io::stderr().lock());
    }
    let loaded = match crate::load::load(&args.paths) {
        Ok(loaded) => loaded,
        Err(e) => {
            let mut err = io::stderr().lock();
            for d in &e.diagnostics {
                writeln!(err, "{d}")?;
            }
            return Ok(2);
        }
    };
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let stats = Stats::compute(&loaded.dataset, as_of);
    let mut app = App::new(
        loaded.dataset,
        stats,
        args.lang.unwrap_or_else(Lang::from_env),
    );
    let theme = if args.no_color {
        Theme::mono()
    } else {
        Theme::from_env()
    };

    let mut session = terminal::Session::start()?;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.should_quit {
        session.terminal.draw(|frame| {
            ui::draw(frame, &app, &theme);
        })?;
        if session.signalled.load(Ordering::Relaxed) {
            break;
        }
        // Poll with a timeout so that a signal is noticed without a key press.
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keys::action_for(&key, |s| app.in_scope(s)) {
                    app.update(action);
                }
            }
            Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            _ => {}
        }
    }
    drop(session);
    Ok(0)
}
