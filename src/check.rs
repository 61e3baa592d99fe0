//! `zhenggai check`: load data files, print every error and warning, and say
//! in one line how it went.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::cli::CheckArgs;
use crate::diagnostic::Diagnostic;
use crate::load::{self, LoadError, Loaded};

/// Runs `zhenggai check` and returns the exit code: 0 when the data loads
/// (warnings allowed), 2 on any error.
///
/// Diagnostics and the summary line are the output of the command, so they go
/// to `out`, as a linter's do; `err` only gets a line if `out` cannot be written.
pub fn run(args: &CheckArgs, out: &mut impl Write, err: &mut impl Write) -> u8 {
    // Each report is checked as it is parsed and dropped at once: checking
    // needs no more than the chunks in flight in memory.
    let result = load::load_incremental(&args.paths, |_| {}, drop);
    let code = if result.is_ok() { 0 } else { 2 };
    match write_report(&args.paths, &result, out) {
        Ok(()) => code,
        // A closed pipe (`zhenggai check | head`) is not a failure of the check.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            let _ = writeln!(err, "zhenggai check: cannot write the report: {e}");
            2
        }
    }
}

fn write_report(
    paths: &[PathBuf],
    result: &Result<Loaded, LoadError>,
    out: &mut impl Write,
) -> io::Result<()> {
    let (diagnostics, reports) = match result {
        Ok(loaded) => (&loaded.warnings, Some(loaded.origins.len())),
        Err(error) => (&error.diagnostics, None),
    };
    for d in diagnostics {
        writeln!(out, "{d}")?;
    }
    let counts = counts(diagnostics);
    match reports {
        Some(n) => writeln!(out, "{}: {}, {counts}", subject(paths), plural(n, "report")),
        None => writeln!(out, "{}: {counts}; nothing loaded", subject(paths)),
    }
}

/// Prints a failed load to `err` the way `check` does: each diagnostic, then a
/// count. For the other commands, which load data before doing their work.
pub fn print_load_error(error: &LoadError, err: &mut impl Write) -> io::Result<()> {
    print_stopped_load(error, "nothing loaded", err)
}

/// Prints the diagnostics of a load that failed, then the counts and what
/// came of it ("nothing loaded", or what the dashboard showed).
pub fn print_stopped_load(
    error: &LoadError,
    outcome: &str,
    err: &mut impl Write,
) -> io::Result<()> {
    for d in &error.diagnostics {
        writeln!(err, "{d}")?;
    }
    writeln!(err, "zhenggai: {}; {outcome}", counts(&error.diagnostics))
}

/// Prints the warnings of a successful load to `err`, one diagnostic each.
pub fn print_warnings(loaded: &Loaded, err: &mut impl Write) -> io::Result<()> {
    for d in &loaded.warnings {
        writeln!(err, "{d}")?;
    }
    Ok(())
}

/// "2 errors, 1 warning".
fn counts(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// What was checked, as the user named it: the paths, or the bundled files.
fn subject(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        let names: Vec<&str> = crate::bundled::files()
            .iter()
            .map(|(name, _)| *name)
            .collect();
        return if names.is_empty() {
            "bundled data (none)".to_owned()
        } else {
            format!("bundled data ({})", list(&names))
        };
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            if name == "-" {
                load::STDIN_NAME.to_owned()
            } else {
                crate::sanitize::escape(&name).into_owned()
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    list(&names)
}

/// Names joined with commas, the fourth and later ones counted instead.
fn list(names: &[&str]) -> String {
    if names.len() <= 3 {
        names.join(", ")
    } else {
        format!("{} and {} more", names[..3].join(", "), names.len() - 3)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_are_pluralised() {
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(1, "warning"), "1 warning");
        assert_eq!(plural(2, "report"), "2 reports");
    }

    #[test]
    fn long_path_lists_are_shortened() {
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b", "c"]), "a, b, c");
        assert_eq!(list(&["a", "b", "c", "d", "e"]), "a, b, c and 2 more");
    }

    #[test]
    fn standard_input_is_named_as_in_diagnostics() {
        assert_eq!(
            subject(&[PathBuf::from("-"), PathBuf::from("x.json")]),
            "<stdin>, x.json"
        );
    }
}
