//! What every input is put through, and what must hold of each result: the
//! loader as `check` runs it; for what loads, statistics, the summary in
//! every format, every tab in every snapshot format at several sizes, and a
//! few keys on the dashboard; for text, the importer and a load of what it
//! made. An `Err` names the property that broke.

use std::io::Write;

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhenggai::i18n::Lang;
use zhenggai::load::Loaded;
use zhenggai::model::Dataset;
use zhenggai::sanitize::{self, Escaping, Mode};
use zhenggai::snapshot::{ansi, svg};
use zhenggai::stats::Stats;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::App;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::{export, ui};

use crate::mutate::Rng;

/// What became of one input.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// It passed the loader (as `check` would accept it).
    pub loaded: bool,
    /// The importer made a dataset of it.
    pub imported: bool,
    /// ...which the import guard then refused, since `check` would reject
    /// it: the first error, its quoted values and numbers taken out.
    pub refused: Option<String>,
}

/// The sizes a snapshot is drawn at: the tiny ones show "too small", the
/// others lay out every panel.
const SIZES: &[(u16, u16)] = &[(1, 1), (20, 5), (60, 20), (200, 50), (80, 24), (39, 12)];

const AS_OF: &[(i32, u32, u32)] = &[(2022, 1, 15), (1900, 1, 1), (2199, 12, 31), (2021, 12, 30)];

/// The characters of `output` that would act on a terminal; with `colours`,
/// SGR sequences are allowed (the same rule as tests/hostile.rs).
pub fn raw_hazards(output: &str, colours: bool) -> Vec<char> {
    let mut bad = Vec::new();
    let mut rest = output;
    while let Some(at) = rest.find(|c: char| sanitize::is_hazard(c) && !matches!(c, '\n' | '\t')) {
        let tail = &rest[at..];
        if colours && let Some(body) = tail.strip_prefix("\x1b[") {
            let params = body
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b';')
                .count();
            if body.as_bytes().get(params) == Some(&b'm') {
                rest = &body[params + 1..];
                continue;
            }
        }
        let c = tail.chars().next().unwrap_or(' ');
        bad.push(c);
        rest = &tail[c.len_utf8()..];
    }
    bad
}

fn clean(what: &str, output: &str, colours: bool) -> Result<(), String> {
    let bad = raw_hazards(output, colours);
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("raw hazard {bad:?} in {what}"))
    }
}

/// `output` as the binary writes it: through an escaping writer.
fn written(output: &str, mode: Mode) -> String {
    let mut buf = Vec::new();
    {
        let mut w = Escaping::with_mode(&mut buf, mode);
        let _ = w.write_all(output.as_bytes());
    }
    String::from_utf8_lossy(&buf).into_owned()
}

/// Runs one input through every stage it can reach.
pub fn run(bytes: &[u8], text: bool, rng: &mut Rng) -> Result<Outcome, String> {
    let mut outcome = Outcome::default();
    let name = if rng.one_in(16) {
        "x\x1b]0;NAME\x07\u{202e}.json"
    } else {
        "fuzz.json"
    };
    match zhenggai::load::load_bytes(name, bytes) {
        Ok(loaded) => {
            outcome.loaded = true;
            loaded_outputs(loaded, rng, true)?;
        }
        Err(e) => {
            for d in &e.diagnostics {
                clean("a load diagnostic", &d.to_string(), false)?;
            }
        }
    }
    if text || rng.one_in(32) {
        import(bytes, rng, &mut outcome)?;
    }
    Ok(outcome)
}

/// The importer, and the guard it runs before writing: what it would write
/// is loaded as `check` loads it, and if that loads, it is drawn too.
fn import(bytes: &[u8], rng: &mut Rng, outcome: &mut Outcome) -> Result<(), String> {
    let imported = match zhenggai::import::import_bytes(bytes, "fuzz.txt") {
        Ok(imported) => imported,
        Err(e) => {
            return clean(
                "an import error",
                &written(&e.to_string(), Mode::Text),
                false,
            );
        }
    };
    outcome.imported = true;
    for p in &imported.placements {
        clean(
            "an --explain excerpt",
            &written(&p.excerpt, Mode::Text),
            false,
        )?;
    }
    let json = serde_json::to_string_pretty(&imported.dataset)
        .map_err(|e| format!("import does not serialise: {e}"))?;
    let json = sanitize::json(&json).into_owned();
    clean("import JSON", &json, false)?;
    match zhenggai::load::load_str("import", &json) {
        Ok(loaded) => loaded_outputs(loaded, rng, false),
        Err(e) => {
            let first = e.errors().next().map(|d| d.message.as_str()).unwrap_or("");
            outcome.refused = Some(reason(first));
            Ok(())
        }
    }
}

/// A message with its quoted values and digits taken out, to count alike.
fn reason(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                if quoted {
                    out.push_str("'…'");
                }
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('N') {
                    out.push('N');
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn day(rng: &mut Rng) -> NaiveDate {
    let (y, m, d) = *rng.pick(AS_OF);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Everything a loaded dataset reaches.
fn loaded_outputs(loaded: Loaded, rng: &mut Rng, full: bool) -> Result<(), String> {
    for w in &loaded.warnings {
        clean("a warning", &w.to_string(), false)?;
    }
    let dataset = loaded.dataset;
    let as_of = day(rng);
    let stats = Stats::compute(&dataset, as_of);
    check_stats(&dataset, &stats)?;
    let lang = if rng.one_in(2) { Lang::Zh } else { Lang::En };
    summaries(&dataset, &stats, lang)?;
    let mut app = if full && rng.one_in(4) {
        loaded_in_batches(dataset, &stats, lang, rng)?
    } else {
        App::new(dataset, stats, lang)
    };
    let sizes = if full { 2 } else { 1 };
    for _ in 0..sizes {
        let (w, h) = *rng.pick(SIZES);
        app.update(Action::Resize(w, h));
        for tab in Tab::ALL {
            app.update(Action::Tab(tab));
            draw(&app, w, h, &Theme::dark())?;
        }
    }
    keys(&mut app, rng)
}

/// The dashboard as a large file fills it: reports arrive in batches while
/// the user is on some tab; the statistics at the end are those of the whole.
fn loaded_in_batches(
    mut dataset: Dataset,
    whole: &Stats,
    lang: Lang,
    rng: &mut Rng,
) -> Result<App, String> {
    let mut app = App::loading(whole.as_of, lang);
    app.update(Action::Resize(80, 24));
    let mut reports = std::mem::take(&mut dataset.reports);
    while !reports.is_empty() {
        let rest = reports.split_off(rng.below(reports.len() + 1).max(1));
        app.append_reports(reports);
        reports = rest;
        app.update(*rng.pick(&[Action::Down, Action::NextTab, Action::Bottom, Action::Enter]));
        draw(&app, 80, 24, &Theme::dark())?;
    }
    app.finish_loading(dataset.name, dataset.synthetic);
    if app.stats != *whole {
        return Err("stats: reports appended in batches differ from computing them at once".into());
    }
    Ok(app)
}

/// Counts add up; the sum of the reports is the total.
fn check_stats(dataset: &Dataset, stats: &Stats) -> Result<(), String> {
    let problems: usize = dataset.reports.iter().map(|r| r.problems.len()).sum();
    let counted: u32 = stats
        .reports
        .iter()
        .map(|r| r.problems.best().total())
        .sum();
    if stats.totals.problems.total() != counted {
        return Err(format!(
            "stats: totals {} but reports add to {counted}",
            stats.totals.problems.total()
        ));
    }
    if stats.reports.len() != dataset.reports.len() {
        return Err(format!(
            "stats: {} report stats for {} reports ({problems} problems)",
            stats.reports.len(),
            dataset.reports.len()
        ));
    }
    Ok(())
}

fn summaries(dataset: &Dataset, stats: &Stats, lang: Lang) -> Result<(), String> {
    let text = zhenggai::summary::to_text(dataset, stats, lang);
    clean("summary text", &written(&text, Mode::Text), false)?;
    let markdown = zhenggai::summary::to_markdown(dataset, stats, lang);
    // Markdown cells are escaped by the summary itself, before any writer.
    clean("summary markdown", &markdown, false)?;
    if markdown.contains('\r') || markdown.contains("<script") {
        return Err("summary markdown: a raw CR or HTML tag".into());
    }
    let json = serde_json::to_string_pretty(&zhenggai::summary::to_json(dataset, stats))
        .map_err(|e| format!("summary json does not serialise: {e}"))?;
    let out = written(&json, Mode::Json);
    clean("summary json", &out, false)?;
    serde_json::from_str::<serde_json::Value>(&out)
        .map_err(|e| format!("summary json does not parse after escaping: {e}"))?;
    Ok(())
}

/// One frame, in each snapshot format.
fn draw(app: &App, w: u16, h: u16, theme: &Theme) -> Result<(), String> {
    let mut terminal =
        Terminal::new(TestBackend::new(w, h)).map_err(|e| format!("test backend: {e}"))?;
    terminal
        .draw(|frame| {
            ui::draw(frame, app, theme);
        })
        .map_err(|e| format!("draw: {e}"))?;
    let buffer = terminal.backend().buffer();
    let at = format!("{:?} at {w}x{h}", app.tab);
    clean(
        &format!("snapshot txt, {at}"),
        &zhenggai::snapshot::to_text(buffer),
        false,
    )?;
    clean(
        &format!("snapshot ansi, {at}"),
        &ansi::to_ansi(buffer, true),
        true,
    )?;
    let svg = svg::to_svg(buffer, svg::Page::DARK);
    clean(&format!("snapshot svg, {at}"), &svg, false)?;
    crate::xml::well_formed(&svg).map_err(|e| format!("snapshot svg, {at}: {e}"))
}

/// Keys typed as `snapshot --keys` replays them, through the live key table:
/// named keys, letters, and text for the search and help filters.
fn typed(app: &mut App, rng: &mut Rng) {
    const KEYS: &[&str] = &[
        "<Enter>", "<Esc>", "<Tab>", "<S-Tab>", "<Down>", "<Up>", "<PgDn>", "<End>", "<BS>",
        "<C-d>", "<C-u>", "/", "?", "n", "N", "j", "k", "u", "s", "f", "o", "l", "p", "G", "g",
        "整", "\u{202e}", "\x1b", "<lt>", "<Nope>", "<",
    ];
    let text: String = (0..1 + rng.below(16)).map(|_| *rng.pick(KEYS)).collect();
    let Ok(keys) = zhenggai::snapshot::keys::parse(&text) else {
        return;
    };
    for key in &keys {
        if app.should_quit {
            break;
        }
        if let Some(action) = zhenggai::tui::keys::action_for(key, |s| app.in_scope(s)) {
            app.update(action);
        }
        let mut steps = 0;
        while app.searching() && steps < 100_000 {
            app.update(Action::SearchStep);
            steps += 1;
        }
    }
    // What a key asked of the run loop (copy, export, reload) is not done here.
    let _ = app.take_effect();
}

/// The file changes under the dashboard (a reload): reports, problems or
/// figures gone, or the order reversed, wherever the user has drilled down
/// to. Only data that still validates is taken, as the live reload does.
fn reload(app: &mut App, rng: &mut Rng) -> Result<(), String> {
    let mut data = app.data.clone();
    match rng.below(4) {
        0 if !data.reports.is_empty() => {
            data.reports.remove(rng.below(data.reports.len()));
        }
        1 => {
            for r in &mut data.reports {
                r.problems.truncate(rng.below(r.problems.len() + 1));
            }
        }
        2 => {
            for m in data
                .reports
                .iter_mut()
                .flat_map(|r| &mut r.problems)
                .flat_map(|p| p.measures.iter_mut().chain(&mut p.ongoing))
            {
                m.figures.truncate(rng.below(m.figures.len() + 1));
            }
        }
        _ => data.reports.reverse(),
    }
    let invalid = zhenggai::validate::validate(&data)
        .iter()
        .any(|i| i.severity == zhenggai::diagnostic::Severity::Error);
    if invalid {
        return Ok(());
    }
    let stats = Stats::compute(&data, app.stats.as_of);
    app.replace_data(data, stats);
    draw(app, 100, 30, &Theme::dark())?;
    app.update(*rng.pick(&[Action::Enter, Action::Back, Action::Down, Action::NextMatch]));
    draw(app, 60, 20, &Theme::high_contrast())
}

/// A few keys a user might press, then a frame, the copied text and the CSV.
fn keys(app: &mut App, rng: &mut Rng) -> Result<(), String> {
    const PLAIN: &[Action] = &[
        Action::Down,
        Action::Down,
        Action::Enter,
        Action::Enter,
        Action::Enter,
        Action::Back,
        Action::Bottom,
        Action::PageDown,
        Action::HalfPageUp,
        Action::Up,
        Action::NextTab,
        Action::PrevTab,
        Action::CycleUnit,
        Action::ToggleLang,
        Action::CycleStatusFilter,
        Action::ToggleOverdue,
        Action::CycleSort,
        Action::NextMatch,
        Action::PresentNext,
        Action::Select(3),
    ];
    app.update(Action::Resize(100, 30));
    if rng.one_in(3) {
        typed(app, rng);
    }
    for _ in 0..1 + rng.below(12) {
        match rng.below(8) {
            0 => {
                app.update(Action::StartSearch);
                let query = if rng.one_in(2) { "整改" } else { "\u{202e}1" };
                for c in query.chars() {
                    app.update(Action::SearchInput(c));
                }
                let mut steps = 0;
                while app.searching() && steps < 100_000 {
                    app.update(Action::SearchStep);
                    steps += 1;
                }
                app.update(if rng.one_in(2) {
                    Action::SearchSubmit
                } else {
                    Action::SearchCancel
                });
            }
            1 => {
                app.update(Action::ToggleHelp);
                app.update(Action::HelpInput('q'));
            }
            _ => app.update(*rng.pick(PLAIN)),
        }
    }
    draw(app, 100, 30, &Theme::light())?;
    if rng.one_in(4) {
        reload(app, rng)?;
    }
    if let Some(text) = app.copy_text() {
        clean("copied text", &sanitize::escape_keeping_lines(&text), false)?;
    }
    let (_, rows) = export::table(app);
    // Rows end in CRLF, as RFC 4180 says; a CR anywhere else is a hazard.
    clean(
        "CSV export",
        &export::to_csv(&rows).replace("\r\n", "\n"),
        false,
    )
}
