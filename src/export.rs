//! `zhenggai export`: a tab's table written as CSV, xlsx or Markdown without
//! the dashboard — the same rows, order and filters `e` writes, from the
//! same app state after the same keys as `snapshot` replays.

use std::io::{self, Write};

use crate::cli::{ExportArgs, ExportFormat};
use crate::i18n::Lang;
use crate::snapshot::keys;
use crate::stats::Stats;
use crate::table::{self, xlsx};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::{export as tables, keys as key_table, ui};

/// Runs `zhenggai export`. Returns the exit code: 0, or 2 on bad input or
/// an output file that exists without `--force`.
pub fn run(args: &ExportArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<u8> {
    let keys = match keys::parse(&args.keys) {
        Ok(keys) => keys,
        Err(e) => {
            writeln!(err, "zhenggai: {e}")?;
            return Ok(2);
        }
    };
    if args.format == ExportFormat::Xlsx && args.output.is_none() {
        writeln!(
            err,
            "zhenggai: an xlsx workbook is written to a file: give one with -o FILE.xlsx"
        )?;
        return Ok(2);
    }
    let loaded = match crate::load::load(&args.paths) {
        Ok(loaded) => loaded,
        Err(e) => {
            crate::check::print_load_error(&e, err)?;
            return Ok(2);
        }
    };
    crate::check::print_warnings(&loaded, err)?;
    // The bundled demo is reviewed on its demo day, as the dashboard and
    // `summary` review it.
    let as_of = crate::bundled::review_day(args.as_of, &args.paths).date;
    let stats = Stats::compute(&loaded.dataset, as_of);
    let mut app = App::new(
        loaded.dataset,
        stats,
        args.lang.unwrap_or_else(Lang::from_env),
    );
    if let Some(path) = &args.since {
        let Some(old) = crate::diff::load_version(path, err)? else {
            return Ok(2);
        };
        app.set_since(old);
    }
    app.update(Action::Tab(args.tab.into()));
    for key in &keys {
        if let Some(action) = key_table::action_for(key, |s| app.in_scope(s)) {
            app.update(action);
        }
        while app.searching() {
            app.update(Action::SearchStep);
        }
    }
    let sheet = tables::sheet(&app);
    let bytes = match args.format {
        ExportFormat::Csv => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend(table::to_csv(&sheet.lines()).into_bytes());
            bytes
        }
        ExportFormat::Markdown => table::to_markdown(&sheet).into_bytes(),
        ExportFormat::Xlsx => match xlsx::to_xlsx(&sheet, ui::tab_name(app.tab, app.lang)) {
            Ok(bytes) => bytes,
            Err(e) => {
                writeln!(err, "zhenggai: the workbook could not be made: {e}")?;
                return Ok(2);
            }
        },
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = crate::output_file::OutputFile::write_whole(path, &bytes, args.force) {
                writeln!(err, "zhenggai: {e}")?;
                return Ok(2);
            }
        }
        // To a terminal or a pipe: no byte order mark, and lines end in \n
        // (a CR would be shown escaped, as any control character is).
        None => {
            let text = String::from_utf8_lossy(&bytes);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            out.write_all(text.replace("\r\n", "\n").as_bytes())?;
        }
    }
    Ok(0)
}
