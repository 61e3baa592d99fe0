//! `zhenggai snapshot`: one frame of the dashboard rendered headlessly, with the
//! same `ui::draw` as the live UI, after replaying keys through the same key
//! table, written as plain text, ANSI or SVG.

pub mod ansi;
pub mod keys;
pub mod svg;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use clap::ValueEnum;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

use crate::cli::SnapshotArgs;
use crate::i18n::Lang;
use crate::load::{LoadError, Loaded};
use crate::stats::Stats;
use crate::tui::action::{Action, Tab};
use crate::tui::app::App;
use crate::tui::glyphs;
use crate::tui::theme::Theme;
use crate::tui::{keys as table, ui};

/// The tab a snapshot starts on; `1`–`7` also name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShotTab {
    /// 总览.
    #[value(alias = "1")]
    Overview,
    /// 单位.
    #[value(alias = "2")]
    Units,
    /// 问题.
    #[value(alias = "3")]
    Problems,
    /// 责任.
    #[value(alias = "4")]
    Owners,
    /// 金额.
    #[value(alias = "5")]
    Amounts,
    /// 土地.
    #[value(alias = "6")]
    Land,
    /// 时限.
    #[value(alias = "7")]
    Deadlines,
}

impl From<ShotTab> for Tab {
    fn from(tab: ShotTab) -> Self {
        match tab {
            ShotTab::Overview => Tab::Overview,
            ShotTab::Units => Tab::Units,
            ShotTab::Problems => Tab::Problems,
            ShotTab::Owners => Tab::Owners,
            ShotTab::Amounts => Tab::Amounts,
            ShotTab::Land => Tab::Land,
            ShotTab::Deadlines => Tab::Deadlines,
        }
    }
}

/// What a snapshot is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShotFormat {
    /// The characters alone, one line per row.
    Txt,
    /// Characters with SGR colour and attribute sequences, for a terminal.
    Ansi,
    /// A self-contained SVG image on a fixed cell grid.
    Svg,
}

/// A terminal size in cells, written `WxH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

/// The largest side a snapshot accepts, in cells.
const MAX_SIDE: u16 = 1000;

impl FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "expected WxH with sides from 1 to {MAX_SIDE}, like 120x40; got '{}'",
                crate::sanitize::escape(s)
            )
        };
        let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
        let width: u16 = w.trim().parse().map_err(|_| bad())?;
        let height: u16 = h.trim().parse().map_err(|_| bad())?;
        if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
            return Err(bad());
        }
        Ok(Self { width, height })
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// Why a snapshot could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// The data did not load.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The key string is not valid.
    #[error(transparent)]
    Keys(#[from] keys::KeyError),
    /// The versions of `--history` could not be read or dated; the text
    /// says why, as `history` says it.
    #[error("{}", .0.trim_end())]
    History(String),
    /// No theme has this name.
    #[error("unknown theme '{}' (known: {names})", crate::sanitize::escape(.0), names = Theme::NAMES.join(", "))]
    Theme(String),
}

/// Whether the environment asks for no colour (NO_COLOR set and not empty).
fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The theme for a snapshot: the one named, else dark, or mono under NO_COLOR.
/// Unlike the dashboard, a named theme wins over NO_COLOR, so that a
/// screenshot made with `--theme` does not depend on the environment.
pub fn theme(name: Option<&str>) -> Result<Theme, SnapshotError> {
    match name {
        Some(name) => Theme::by_name(name).ok_or_else(|| SnapshotError::Theme(name.to_owned())),
        None => Ok(Theme::from_env()),
    }
}

/// The frame the arguments ask for, drawn on loaded data.
pub fn frame(args: &SnapshotArgs, loaded: Loaded) -> Result<Buffer, SnapshotError> {
    // Neither the terminal nor the locale is asked: a snapshot is the same
    // wherever it is made, ASCII only when asked for.
    let glyphs = glyphs::ascii_for(args.ascii, true, None);
    let theme = theme(args.theme.as_deref())?.with_glyphs(glyphs);
    let keys = keys::parse(&args.keys)?;
    let day = crate::bundled::review_day(args.as_of, &args.paths);
    let stats = Stats::compute(&loaded.dataset, day.date);
    let mut app = App::new(
        loaded.dataset,
        stats,
        args.lang.unwrap_or_else(Lang::from_env),
    );
    let Size { width, height } = args.size;
    app.demo_day = day.demo;
    if let Some(path) = &args.since {
        let old = crate::load::load(std::slice::from_ref(path))?;
        app.set_since(old.dataset);
    }
    if let Some(dir) = &args.history {
        let mut why = Vec::new();
        match crate::history::load_versions(dir, &mut why) {
            Ok(Some(versions)) => app.history = versions,
            Ok(None) => {
                return Err(SnapshotError::History(
                    String::from_utf8_lossy(&why).into_owned(),
                ));
            }
            Err(e) => return Err(SnapshotError::History(e.to_string())),
        }
    }
    app.update(Action::Resize(width, height));
    app.update(Action::Tab(args.tab.into()));
    for key in &keys {
        if app.should_quit {
            break;
        }
        // The same lookup as the live loop: the key table, or typed text.
        if let Some(action) = table::action_for(key, |s| app.in_scope(s)) {
            app.update(action);
        }
        // As a user who waits between keys: a search runs until it is done.
        while app.searching() {
            app.update(Action::SearchStep);
        }
    }
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let Ok(_) = terminal.draw(|frame| {
        ui::draw(frame, &app, &theme);
    });
    Ok(terminal.backend().buffer().clone())
}

/// The snapshot the arguments ask for, in their format, loading the data first.
pub fn render(args: &SnapshotArgs) -> Result<String, SnapshotError> {
    let loaded = crate::load::load(&args.paths)?;
    let buffer = frame(args, loaded)?;
    Ok(match args.format {
        ShotFormat::Txt => to_text(&buffer),
        ShotFormat::Ansi => {
            let mono = args.theme.as_deref() == Some("mono");
            ansi::to_ansi(&buffer, !(mono || no_color_env()))
        }
        ShotFormat::Svg => svg::to_svg(&buffer, svg::Page::for_theme(args.theme.as_deref())),
    })
}

/// Runs `zhenggai snapshot`. Returns the exit code: 0, or 2 on bad input.
pub fn run(args: &SnapshotArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let text = match render(args) {
        Ok(text) => text,
        Err(SnapshotError::Load(e)) => {
            crate::check::print_load_error(&e, err)?;
            return Ok(2);
        }
        Err(e) => {
            writeln!(err, "zhenggai: {e}")?;
            return Ok(2);
        }
    };
    match &args.output {
        // An existing file is replaced only with --force, as import and
        // generate do; never a device or a file through a link.
        Some(path) => {
            if let Err(e) =
                crate::output_file::OutputFile::write_whole(path, text.as_bytes(), args.force)
            {
                writeln!(err, "zhenggai: {e}")?;
                return Ok(2);
            }
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}

/// One thing drawn in a row: a cell's symbol and how many columns it covers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph<'a> {
    /// The first column.
    pub x: u16,
    /// 1, or 2 for a wide (CJK) character.
    pub width: u16,
    /// The cell, with the symbol and the style.
    pub cell: &'a Cell,
}

/// The glyphs of one row, left to right; the cells a wide glyph covers are skipped.
pub(crate) fn glyphs(buffer: &Buffer, y: u16) -> Vec<Glyph<'_>> {
    let area = buffer.area;
    let mut out = Vec::with_capacity(usize::from(area.width));
    let mut x = area.x;
    while x < area.right() {
        let Some(cell) = buffer.cell((x, y)) else {
            break;
        };
        let width = (cell.symbol().width() as u16)
            .clamp(1, 2)
            .min(area.right() - x);
        out.push(Glyph { x, width, cell });
        x += width;
    }
    out
}

/// The screen as plain text: one line per row, trailing spaces trimmed.
pub fn to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in buffer.area.top()..buffer.area.bottom() {
        let mut line = String::new();
        for g in glyphs(buffer, y) {
            line.push_str(g.cell.symbol());
        }
        out.push_str(line.trim_end_matches(' '));
        out.push('\n');
    }
    out
}

/// The place of a named colour among the terminal's sixteen (0–7 normal,
/// 8–15 bright), shared by the ANSI and SVG writers; `None` for the default,
/// indexed and RGB colours.
fn named_index(color: ratatui::style::Color) -> Option<u8> {
    use ratatui::style::Color;
    let index = match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Reset | Color::Indexed(_) | Color::Rgb(..) => return None,
    };
    Some(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn sizes_parse_and_bad_ones_are_quoted() {
        assert_eq!(
            "120x40".parse::<Size>(),
            Ok(Size {
                width: 120,
                height: 40
            })
        );
        for bad in ["120", "0x40", "x", "120x", "axb", "2000x10", "-1x5"] {
            let e = bad.parse::<Size>().err().unwrap_or_default();
            assert!(e.contains(&format!("'{bad}'")), "{bad}: {e}");
        }
    }

    #[test]
    fn text_writes_wide_characters_once_and_trims() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 2));
        buffer.set_string(0, 0, "a整改b", ratatui::style::Style::new());
        assert_eq!(to_text(&buffer), "a整改b\n\n");
    }
}
