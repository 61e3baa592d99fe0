//! The full-screen dashboard: state (`app`), actions, the key table, the
//! terminal session, the theme, and one render function per panel (`ui`).
//! This file is the run loop: events in, actions to the app, effects out.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod details;
pub mod export;
pub mod glyphs;
pub mod help;
pub mod keys;
pub mod probe;
pub mod rows;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEvent, MouseEventKind};

use crate::cli::DashboardArgs;
use crate::i18n::{Lang, Msg};
use crate::load::{LoadError, Loaded};
use crate::model::Report;
use crate::stats::Stats;
use action::Action;
use app::{App, Effect, LoadProgress};
use theme::Theme;
use ui::Areas;

/// Two clicks on one row within this time open it.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// How long a search under way runs between two frames that show its progress.
const SEARCH_FRAME: Duration = Duration::from_millis(30);

/// Runs `zhenggai [PATH…]`: the dashboard, or the text summary when stdout is
/// not a terminal (with `--since`, the changes as `diff` writes them).
/// Returns the exit code.
pub fn run(args: &DashboardArgs) -> io::Result<u8> {
    // With --since, what the dashboard would mark, as `diff` writes it.
    if !io::stdout().is_terminal()
        && let Some(old) = &args.since
    {
        let day = crate::bundled::review_day(args.as_of, &args.paths);
        return crate::diff::write_since(
            old,
            &args.paths,
            day.date,
            args.lang.unwrap_or_else(Lang::from_env),
            &mut crate::sanitize::stdout(),
            &mut crate::sanitize::stderr(),
        );
    }
    if !io::stdout().is_terminal() {
        let summary = crate::cli::SummaryArgs {
            format: crate::cli::SummaryFormat::Text,
            as_of: args.as_of,
            lang: args.lang,
            paths: args.paths.clone(),
        };
        return crate::summary::run(
            &summary,
            &mut crate::sanitize::stdout(),
            &mut crate::sanitize::stderr(),
        );
    }
    // Said once, before the screen is taken, where it stays readable.
    let locale_warning = Lang::locale_warning(Lang::ctype_locale().as_deref());
    if let Some(warning) = &locale_warning {
        writeln!(crate::sanitize::stderr(), "{warning}")?;
    }
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let locale_utf8 = locale_warning.is_none();
    let answers = probe::ask(
        !args.ascii && locale_utf8,
        Theme::needs_background(args.theme.as_deref(), args.no_color),
    );
    let theme = Theme::choose(args.theme.as_deref(), args.no_color, answers.lightness)
        .with_glyphs(glyphs::ascii_for(args.ascii, locale_utf8, answers.advance));
    let day = crate::bundled::review_day(args.as_of, &args.paths);
    let as_of = day.date;
    // The older version and the dated versions are read before the terminal
    // is taken, so that their errors print as `diff` and `history` print them.
    let (since, history) = {
        let mut stderr = crate::sanitize::stderr();
        let since = match &args.since {
            Some(path) => match crate::diff::load_version(path, &mut stderr)? {
                Some(old) => Some(old),
                None => return Ok(2),
            },
            None => None,
        };
        let history = match &args.history {
            Some(dir) => match crate::history::load_versions(dir, &mut stderr)? {
                Some(versions) => versions,
                None => return Ok(2),
            },
            None => Vec::new(),
        };
        (since, history)
    };

    // The terminal first, so that the first frame is on screen at once; the data
    // is parsed in the background, and the panels fill in as reports arrive.
    let mut session = terminal::Session::start(!args.no_mouse)?;
    let mut app = App::loading(as_of, lang);
    app.demo_day = day.demo;
    app.history = history;
    if let Some(old) = since {
        app.set_since(old);
    }
    if args.present.is_some() {
        app.present = Some(false);
    }
    let mut first_load = Some(FirstLoad::start(&args.paths));

    let (changed_tx, changed_rx) = mpsc::channel();
    // Keep the watcher alive for the whole session; without paths there is nothing to watch.
    let _watcher = watch(&args.paths, changed_tx);
    let mut reloads = Reloads::new();
    // `r` pressed while the first load was still under way.
    let mut by_hand = false;
    let others = Others {
        since: args.since.clone(),
        history: args.history.clone(),
    };

    let mut exit = 0;
    // The error of a first load that stopped part way, until a reload reads
    // the files whole: printed again when the dashboard closes.
    let mut broken: Option<(LoadError, usize)> = None;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut areas = Areas::default();
    let mut changed = false;
    let mut last_click: Option<(Instant, usize)> = None;
    let mut last_look: Option<Look> = None;
    let mut last_switch = Instant::now();
    let interval = Duration::from_secs(args.present.unwrap_or(8).max(1));
    loop {
        if let Some(load) = &mut first_load {
            match load.take(&mut app) {
                None => {}
                Some(Ok(())) => first_load = None,
                Some(Err(Stopped::Failed(e))) => {
                    drop(session);
                    crate::check::print_load_error(&e, &mut crate::sanitize::stderr())?;
                    return Ok(2);
                }
                Some(Err(Stopped::Partly(e))) => {
                    first_load = None;
                    // The count first: the error's path and position may
                    // be long, and are cut at the end if need be.
                    app.set_banner(format!(
                        "{} {} · {}",
                        app.data.reports.len(),
                        Msg::ReadBeforeError.text(app.lang),
                        first_error(&e),
                    ));
                    broken = Some((e, app.data.reports.len()));
                }
                Some(Err(Stopped::Crashed)) => {
                    drop(session);
                    writeln!(
                        crate::sanitize::stderr(),
                        "zhenggai: loading stopped on an internal error (a bug in zhenggai); \
                         `zhenggai check` on the same paths shows it without the dashboard"
                    )?;
                    return Ok(101);
                }
            }
        }
        session.handle_job_control()?;
        let look = Look::of(&app);
        if last_look.is_some_and(|last| last != look) {
            session.terminal.clear()?;
        }
        last_look = Some(look);
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
        // A change seen during the first load is read once that load is over;
        // one seen during a reload starts another, which cancels the first.
        changed |= changed_rx.try_iter().count() > 0;
        if changed && first_load.is_none() {
            changed = false;
            // A file saved reads the data again; OLD and the dated versions
            // only when `r` asked for it.
            let with = if std::mem::take(&mut by_hand) {
                &others
            } else {
                &Others::default()
            };
            reloads.start(&args.paths, with, as_of);
        }
        if let Some(result) = reloads.take() {
            match result {
                Ok(fresh) => {
                    broken = None;
                    app.replace_data(fresh.loaded.dataset, fresh.stats);
                    if let Some(old) = fresh.old {
                        app.set_since(old);
                    }
                    if let Some(history) = fresh.history {
                        app.history = history;
                    }
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
        // Poll with a timeout so that signals, file changes, arriving reports and
        // the presentation clock are noticed without a key press.
        let tick = if first_load.is_some() { 10 } else { 100 };
        if !event::poll(Duration::from_millis(tick))? {
            continue;
        }
        match event::read()? {
            Event::Key(key) => {
                if let Some(action) = keys::action_for(&key, |s| app.in_scope(s)) {
                    app.update(action);
                    // A slide chosen by hand stays its full time.
                    last_switch = Instant::now();
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
            // During the first load, `r` reads the files again once it is over.
            Some(Effect::Reload) if first_load.is_some() => {
                changed = true;
                by_hand = true;
            }
            Some(Effect::Reload) => reloads.start(&args.paths, &others, as_of),
            Some(Effect::Suspend) => session.suspend()?,
            Some(Effect::Copy) => match app.copy_text() {
                Some(text) => {
                    clipboard::copy(&text)?;
                    app.update(Action::Notice(Msg::Copied));
                }
                None => app.update(Action::Notice(Msg::NothingToCopy)),
            },
            Some(Effect::Export) => match export::write_files(&app, &args.export_dir) {
                Ok([csv, xlsx]) => app.notify(format!("→ {} · {}", csv.display(), xlsx.display())),
                Err(e) => app.set_banner(format!("{}: {e}", args.export_dir.display())),
            },
            _ => {}
        }
    }
    drop(session);
    if let Some((e, shown)) = broken {
        let outcome = format!("the dashboard showed the {shown} reports read before the error");
        crate::check::print_stopped_load(&e, &outcome, &mut crate::sanitize::stderr())?;
        exit = exit.max(2);
    }
    // The process ends next: freeing a large dataset piece by piece would only
    // keep the shell waiting after the terminal is back.
    std::mem::forget(app);
    Ok(exit)
}

/// The first load, running on another thread: its progress, the reports it
/// has parsed so far, and at the end its result.
struct FirstLoad {
    done: Arc<AtomicU64>,
    total: Arc<AtomicU64>,
    reports: Arc<AtomicU64>,
    batches: Receiver<Vec<Report>>,
    result: Receiver<Result<Loaded, LoadError>>,
    /// When reports were last handed to the app.
    appended: Instant,
    /// What the header calls the data if the load stops part way.
    name: String,
}

/// How often the panels take in arriving reports: each time every table is
/// derived again, so not at every frame, which would slow the load down.
const FILL_IN: Duration = Duration::from_millis(60);

impl FirstLoad {
    fn start(paths: &[PathBuf]) -> Self {
        let done = Arc::new(AtomicU64::new(0));
        let total = Arc::new(AtomicU64::new(0));
        let reports = Arc::new(AtomicU64::new(0));
        let (batch_tx, batches) = mpsc::channel();
        let (result_tx, result) = mpsc::channel();
        {
            let (done, total, reports) =
                (Arc::clone(&done), Arc::clone(&total), Arc::clone(&reports));
            let paths = paths.to_vec();
            std::thread::spawn(move || {
                let loaded = crate::load::load_incremental(
                    &paths,
                    |p| {
                        // Workers report in any order: the bar only goes forward.
                        done.fetch_max(p.bytes_done, Ordering::Relaxed);
                        total.store(p.bytes_total, Ordering::Relaxed);
                        reports.fetch_max(p.reports_done as u64, Ordering::Relaxed);
                    },
                    |mut batch| {
                        crate::sanitize::show_reports(&mut batch);
                        let _ = batch_tx.send(batch);
                    },
                );
                let _ = result_tx.send(loaded);
            });
        }
        Self {
            done,
            total,
            reports,
            batches,
            result,
            appended: Instant::now(),
            name: paths
                .first()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// Gives the app the reports that arrived since the last call and the
    /// progress; `Some` once the load is over.
    fn take(&mut self, app: &mut App) -> Option<Result<(), Stopped>> {
        app.set_load_progress(LoadProgress {
            bytes_done: self.done.load(Ordering::Relaxed),
            bytes_total: self.total.load(Ordering::Relaxed),
            reports: self.reports.load(Ordering::Relaxed),
        });
        // The result is looked at first: every batch was sent before it.
        let result = match self.result.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            // The loading thread ended without a result: it panicked.
            Err(TryRecvError::Disconnected) => return Some(Err(Stopped::Crashed)),
        };
        let waiting = !app.data.reports.is_empty() && self.appended.elapsed() < FILL_IN;
        if result.is_none() && waiting {
            return None;
        }
        let mut arrived: Vec<Report> = Vec::new();
        for batch in self.batches.try_iter() {
            arrived.extend(batch);
        }
        self.appended = Instant::now();
        match result {
            None => {
                app.append_reports(arrived);
                None
            }
            Some(Ok(loaded)) => {
                app.append_reports(arrived);
                app.finish_loading(loaded.dataset.name, loaded.dataset.synthetic);
                Some(Ok(()))
            }
            // Nothing arrived before the error: there is nothing to show.
            Some(Err(e)) if app.data.reports.is_empty() && arrived.is_empty() => {
                Some(Err(Stopped::Failed(e)))
            }
            // A file broken near its end: what was read before the error stays
            // on screen, under a banner that says where the error is.
            Some(Err(e)) => {
                app.append_reports(arrived);
                app.finish_loading(self.name.clone(), false);
                Some(Err(Stopped::Partly(e)))
            }
        }
    }
}

/// Why the first load ended without data.
enum Stopped {
    /// The input is wrong: the errors, as `check` prints them.
    Failed(LoadError),
    /// The input is wrong after some reports were read: they are shown.
    Partly(LoadError),
    /// The loading thread died: a bug.
    Crashed,
}

/// What a reload gives: the data with its statistics, or why it failed.
type Reloaded = Result<Fresh, LoadError>;

/// What a reload read: the data with its statistics, and, when the dashboard
/// compares, the older version and the dated versions read again too.
struct Fresh {
    loaded: Loaded,
    stats: Stats,
    old: Option<crate::model::Dataset>,
    history: Option<Vec<crate::history::Version>>,
}

/// The other inputs a reload reads again: `--since OLD` and `--history DIR`.
#[derive(Clone, Default)]
struct Others {
    since: Option<PathBuf>,
    history: Option<PathBuf>,
}

/// The reloads under way. Starting one cancels the one before and only the
/// newest one's result is taken, so that a slow or huge file being loaded
/// never holds back a later save.
struct Reloads {
    /// The number of the newest reload started.
    latest: u64,
    /// Set to cancel the newest reload.
    cancel: Arc<AtomicBool>,
    tx: Sender<(u64, Reloaded)>,
    rx: Receiver<(u64, Reloaded)>,
}

impl Reloads {
    fn new() -> Self {
        let (tx, rx) = mpsc::channel();
        Self {
            latest: 0,
            cancel: Arc::new(AtomicBool::new(false)),
            tx,
            rx,
        }
    }

    /// Reads the data again in the background, cancelling the reload still
    /// under way. The statistics are computed there too, so that the screen
    /// never waits for them.
    fn start(&mut self, paths: &[PathBuf], others: &Others, as_of: chrono::NaiveDate) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancel = Arc::new(AtomicBool::new(false));
        self.latest += 1;
        let (n, cancel, tx) = (self.latest, Arc::clone(&self.cancel), self.tx.clone());
        let paths = paths.to_vec();
        let others = others.clone();
        std::thread::spawn(move || {
            // Editors write a file in several steps; let them finish. Each
            // step starts a reload that cancels the one before, here at no cost.
            std::thread::sleep(Duration::from_millis(60));
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            let result = crate::load::load_cancellable(&paths, &cancel);
            if cancel.load(Ordering::Relaxed) {
                return;
            }
            // The older version is read again too: a broken one is an error
            // like a broken file on screen; dated versions that do not read
            // leave the trend as it was.
            let old = match &others.since {
                Some(path) => {
                    crate::load::load(std::slice::from_ref(path)).map(|l| Some(l.dataset))
                }
                None => Ok(None),
            };
            let history = others.history.as_deref().and_then(|dir| {
                crate::history::load_versions(dir, &mut io::sink())
                    .ok()
                    .flatten()
            });
            let result = result.and_then(|mut loaded| {
                crate::sanitize::show_reports(&mut loaded.dataset.reports);
                crate::sanitize::show(&mut loaded.dataset.name);
                let stats = Stats::compute(&loaded.dataset, as_of);
                Ok(Fresh {
                    loaded,
                    stats,
                    old: old?,
                    history,
                })
            });
            let _ = tx.send((n, result));
        });
    }

    /// The newest reload's result, once it is there; older ones are dropped.
    fn take(&mut self) -> Option<Reloaded> {
        self.rx
            .try_iter()
            .find_map(|(n, result)| (n == self.latest).then_some(result))
    }
}

/// The first error of a failed load, for the banner: "file:line:col: error: …".
/// What, when it changes, makes the whole screen be cleared and drawn again
/// rather than only the cells that differ: the loading screen ending, the
/// language and the size. Some terminals (st, Konsole) leave half characters
/// and run-together words behind when many wide characters change places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    lang: crate::i18n::Lang,
    size: (u16, u16),
    loading_screen: bool,
}

impl Look {
    fn of(app: &App) -> Self {
        Self {
            lang: app.lang,
            size: app.size,
            loading_screen: app.loading.is_some() && app.data.reports.is_empty(),
        }
    }
}

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
