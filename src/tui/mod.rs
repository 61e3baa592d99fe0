//! The full-screen dashboard: state (`app`), actions, the key table, the
//! terminal session, the theme, and one render function per panel (`ui`).
//! This file is the run loop: events in, actions to the app, effects out.

pub mod action;
pub mod app;
pub mod export;
pub mod keys;
pub mod rows;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

use base64::Engine;
use crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};

use crate::cli::DashboardArgs;
use crate::i18n::{Lang, Msg};
use crate::load::{LoadError, Loaded};
use crate::stats::Stats;
use action::Action;
use app::{App, Effect};
use theme::Theme;
use ui::Areas;

/// Two clicks on one row within this time open it.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// How long a search under way runs between two frames that show its progress.
const SEARCH_FRAME: Duration = Duration::from_millis(30);

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
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let theme = Theme::choose(args.theme.as_deref(), args.no_color);
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());

    // The terminal first, so that the first frame is on screen at once; the data
    // is parsed in the background while a progress bar shows how far it got.
    let mut session = terminal::Session::start(!args.no_mouse)?;
    let Some(result) = load_with_progress(&mut session, args, as_of, lang, &theme)? else {
        return Ok(0);
    };
    let (loaded, stats) = match result {
        Ok(pair) => pair,
        Err(e) => {
            drop(session);
            crate::check::print_load_error(&e, &mut io::stderr().lock())?;
            return Ok(2);
        }
    };
    let mut app = App::new(loaded.dataset, stats, lang);
    if args.present.is_some() {
        app.present = Some(false);
    }

    let (changed_tx, changed_rx) = mpsc::channel();
    // Keep the watcher alive for the whole session; without paths there is nothing to watch.
    let _watcher = watch(&args.paths, changed_tx);
    let (loaded_tx, loaded_rx) = mpsc::channel();

    let mut exit = 0;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut areas = Areas::default();
    let mut reloading = false;
    let mut last_click: Option<(Instant, usize)> = None;
    let mut last_switch = Instant::now();
    let interval = Duration::from_secs(args.present.unwrap_or(8).max(1));
    loop {
        session.terminal.draw(|frame| {
            areas = ui::draw(frame, &app, &theme);
        })?;
        if session.signalled.load(Ordering::Relaxed) {
            // The shell convention for a death by signal: 128 + its number.
            exit = 128 + session.signal.load(Ordering::Relaxed).min(127) as u8;
            break;
        }
        if app.should_quit {
            break;
        }
        if changed_rx.try_iter().count() > 0 && !reloading {
            reloading = true;
            reload(&args.paths, &loaded_tx);
        }
        if let Ok(result) = loaded_rx.try_recv() {
            reloading = false;
            match result {
                Ok(loaded) => {
                    let stats = Stats::compute(&loaded.dataset, as_of);
                    app.replace_data(loaded.dataset, stats);
                    app.update(Action::Notice(Msg::Reloaded));
                }
                Err(e) => app.set_banner(first_error(&e)),
            }
        }
        if app.present == Some(false) && last_switch.elapsed() >= interval {
            app.update(Action::PresentNext);
            last_switch = Instant::now();
            continue;
        }
        // A search under way goes on while no input is waiting, a slice of rows
        // per step: input is read between any two slices, and the progress or the
        // match is drawn every SEARCH_FRAME.
        if app.searching() {
            let started = Instant::now();
            while app.searching()
                && started.elapsed() < SEARCH_FRAME
                && !event::poll(Duration::ZERO)?
            {
                app.update(Action::SearchStep);
            }
            if !event::poll(Duration::ZERO)? {
                continue;
            }
        }
        // Poll with a timeout so that signals, file changes and the presentation
        // clock are noticed without a key press.
        if !event::poll(Duration::from_millis(100))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                let action = keys::action_for(&key, |s| app.in_scope(s));
                match (app.present, action) {
                    // While presenting, any key but quit pauses or resumes.
                    (Some(_), Some(Action::Quit)) | (None, _) => {
                        if let Some(action) = action {
                            app.update(action);
                        }
                    }
                    (Some(_), _) if key.kind == event::KeyEventKind::Press => {
                        app.update(Action::PresentPause);
                        last_switch = Instant::now();
                    }
                    _ => {}
                }
            }
            Event::Mouse(mouse) => {
                for action in mouse_actions(&mouse, &areas, &mut last_click) {
                    app.update(action);
                }
            }
            Event::Resize(w, h) => app.update(Action::Resize(w, h)),
            _ => {}
        }
        match app.take_effect() {
            Some(Effect::Reload) if !reloading => {
                reloading = true;
                reload(&args.paths, &loaded_tx);
            }
            Some(Effect::Copy) => match app.copy_text() {
                Some(text) => {
                    copy_osc52(&text)?;
                    app.update(Action::Notice(Msg::Copied));
                }
                None => app.update(Action::Notice(Msg::NothingToCopy)),
            },
            Some(Effect::Export) => match export::write_csv(&app, &args.export_dir) {
                Ok(path) => app.notify(format!("→ {}", path.display())),
                Err(e) => app.set_banner(format!("{}: {e}", args.export_dir.display())),
            },
            _ => {}
        }
    }
    drop(session);
    Ok(exit)
}

/// A load and its statistics, or `None` when the user quit while waiting.
type Loading = Option<Result<(Loaded, Stats), LoadError>>;

/// Loads the data on other threads while drawing a progress bar of bytes and
/// reports; q or Ctrl-C leaves at once.
fn load_with_progress(
    session: &mut terminal::Session,
    args: &DashboardArgs,
    as_of: chrono::NaiveDate,
    lang: Lang,
    theme: &Theme,
) -> io::Result<Loading> {
    use std::sync::Arc;
    use std::sync::atomic::AtomicU64;
    let done = Arc::new(AtomicU64::new(0));
    let total = Arc::new(AtomicU64::new(0));
    let reports = Arc::new(AtomicU64::new(0));
    let (tx, rx) = mpsc::channel();
    {
        let (done, total, reports) = (Arc::clone(&done), Arc::clone(&total), Arc::clone(&reports));
        let paths = args.paths.clone();
        std::thread::spawn(move || {
            let loaded = crate::load::load_progressive(&paths, |p| {
                done.store(p.bytes_done, Ordering::Relaxed);
                total.store(p.bytes_total, Ordering::Relaxed);
                reports.store(p.reports_done as u64, Ordering::Relaxed);
            });
            let result = loaded.map(|l| {
                let stats = Stats::compute(&l.dataset, as_of);
                (l, stats)
            });
            let _ = tx.send(result);
        });
    }
    loop {
        let progress = ui::LoadProgress {
            bytes_done: done.load(Ordering::Relaxed),
            bytes_total: total.load(Ordering::Relaxed),
            reports: reports.load(Ordering::Relaxed),
        };
        session
            .terminal
            .draw(|frame| ui::draw_loading(frame, lang, theme, as_of, progress))?;
        if let Ok(result) = rx.recv_timeout(Duration::from_millis(30)) {
            return Ok(Some(result));
        }
        if session.signalled.load(Ordering::Relaxed) {
            return Ok(None);
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(key) = event::read()?
                && keys::action_for(&key, |s| {
                    matches!(s, keys::Scope::Always | keys::Scope::Anywhere)
                }) == Some(Action::Quit)
            {
                return Ok(None);
            }
        }
    }
}

/// Reads the data again in the background; the result arrives on `tx`.
fn reload(paths: &[PathBuf], tx: &Sender<Result<Loaded, LoadError>>) {
    let paths = paths.to_vec();
    let tx = tx.clone();
    std::thread::spawn(move || {
        // Editors write a file in several steps; let them finish.
        std::thread::sleep(Duration::from_millis(60));
        let _ = tx.send(crate::load::load(&paths));
    });
}

/// The first error of a failed load, for the banner: "file:line:col: error: …".
fn first_error(e: &LoadError) -> String {
    e.errors()
        .next()
        .map(|d| d.to_string().lines().next().unwrap_or_default().to_string())
        .unwrap_or_else(|| e.to_string())
}

/// Watches the loaded files (through their directories, so that editors that
/// replace a file are seen too) and sends on `tx` when one changes.
fn watch(paths: &[PathBuf], tx: Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let watched: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if watched.is_empty() {
        return None;
    }
    let targets = watched.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        let relevant = event.paths.iter().any(|changed| {
            targets.iter().any(|t| {
                changed == t
                    || (t.is_dir()
                        && changed.parent() == Some(t.as_path())
                        && changed.extension().is_some_and(|e| e == "json"))
            })
        });
        if relevant {
            let _ = tx.send(());
        }
    })
    .ok()?;
    for path in &watched {
        let dir = if path.is_dir() {
            path.as_path()
        } else {
            path.parent().unwrap_or(path)
        };
        let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
    }
    Some(watcher)
}

/// What a mouse event asks for: a click on a tab switches, on a row selects, a
/// second click on the same row opens it; the wheel scrolls.
fn mouse_actions(
    mouse: &MouseEvent,
    areas: &Areas,
    last_click: &mut Option<(Instant, usize)>,
) -> Vec<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let position = ratatui::layout::Position {
                x: mouse.column,
                y: mouse.row,
            };
            if let Some(tab) = areas.tabs.iter().position(|r| r.contains(position)) {
                return vec![Action::Tab(action::Tab::at(tab))];
            }
            let Some(row) = areas.rows.and_then(|h| h.row_at(mouse.column, mouse.row)) else {
                return Vec::new();
            };
            let now = Instant::now();
            let double =
                last_click.is_some_and(|(t, r)| r == row && now.duration_since(t) <= DOUBLE_CLICK);
            *last_click = if double { None } else { Some((now, row)) };
            if double {
                vec![Action::Select(row), Action::Enter]
            } else {
                vec![Action::Select(row)]
            }
        }
        MouseEventKind::ScrollDown => vec![Action::Down; 3],
        MouseEventKind::ScrollUp => vec![Action::Up; 3],
        _ => Vec::new(),
    }
}

/// Copies text to the terminal's clipboard with OSC 52; works over SSH and in tmux
/// (with `set -g set-clipboard on`).
fn copy_osc52(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
