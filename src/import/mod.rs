//! Importing the plain text of published rectification reports into a `Dataset`.
//!
//! A pipeline whose stages are the files of this folder, in order:
//! [`decode`] (bytes → text) → [`clean`] (lines without page markers, a
//! normalised copy for matching) → [`segment`] (lines → paragraphs →
//! reports) → [`headings`] (what each paragraph's first words say it is) →
//! [`figures`] (numbers with their meaning and clause) → [`assemble`]
//! (paragraphs → `Report`) → [`account`] (where every paragraph went).
//! [`explain`] prints that account. The shared vocabulary is in [`lexicon`],
//! [`totals`] and [`details`].

mod account;
mod assemble;
mod clean;
mod decode;
mod details;
mod error;
mod explain;
mod figures;
mod headings;
mod keywords;
mod lexicon;
mod overlaps;
mod results;
mod segment;
mod totals;

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::ImportArgs;
use crate::model::{self, Dataset, SCHEMA_VERSION};
use crate::output_file::OutputFile;

pub use account::{Imported, Placement, lost_lines};
pub use clean::PageMarker;
pub use error::ImportError;

/// Imports one text; `source_name` names it in messages and in `Source::file`.
pub fn import_bytes(input: &[u8], source_name: &str) -> Result<Imported, ImportError> {
    let (text, encoding) = decode::decode(input, source_name)?;
    let (paragraphs, markers) = segment::paragraphs(clean::lines(&text));
    if paragraphs.is_empty() {
        return Err(ImportError::Empty {
            source_name: source_name.to_string(),
        });
    }
    let segmented = segment::Segmented {
        paragraphs,
        markers,
        encoding,
    };
    let mut placements = Vec::new();
    let built = assemble::build(&segmented, source_name, &mut placements)?;
    let (mut reports, firsts): (Vec<_>, Vec<_>) = built.into_iter().unzip();
    // Nothing is lost: a line no field holds is kept where it stood.
    for (line, lost) in account::lost_lines(&text, &reports) {
        let r = firsts.iter().rposition(|&f| f <= line).unwrap_or(0);
        let reason = format!("line {line} was placed by no stage; kept so that nothing is lost");
        placements.push(Placement::lost(source_name, line, &lost, &reason));
        reports[r].unplaced.push(model::Unplaced {
            text: lost,
            reason,
            furniture: false,
        });
    }
    placements.sort_by_key(|p| p.line);
    unique_ids(&mut reports, &mut HashSet::new());
    let name = Path::new(source_name).file_stem().map_or_else(
        || source_name.to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    Ok(Imported {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            name: format!("imported: {name}"),
            synthetic: false,
            reports,
        },
        placements,
        page_markers: segmented
            .markers
            .into_iter()
            .map(|m| (source_name.to_string(), m))
            .collect(),
        encodings: vec![(source_name.to_string(), segmented.encoding)],
    })
}

/// Imports one ledger (xlsx, xlsm, xls, ods, csv, tsv) through the ledger
/// reader; its warnings go to standard error, its errors make the message.
fn import_ledger(bytes: &[u8], name: &str) -> Result<Imported, String> {
    let show = |d: &crate::diagnostic::Diagnostic| d.to_string();
    match crate::ledger::read(name, bytes) {
        Ok(ledger) => {
            for warning in &ledger.warnings {
                let _ = writeln!(crate::sanitize::stderr(), "{}", show(warning));
            }
            let stem = Path::new(name)
                .file_stem()
                .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
            Ok(Imported {
                dataset: Dataset {
                    schema_version: SCHEMA_VERSION,
                    name: stem,
                    synthetic: false,
                    reports: ledger.reports,
                },
                placements: Vec::new(),
                page_markers: Vec::new(),
                encodings: Vec::new(),
            })
        }
        Err(found) => {
            let lines: Vec<String> = found.iter().map(show).collect();
            Err(format!("cannot read the ledger:\n{}", lines.join("\n")))
        }
    }
}

/// Merges several imports into one dataset, keeping report ids unique.
pub fn merge(parts: Vec<Imported>) -> Imported {
    let names: Vec<String> = parts.iter().map(|p| p.dataset.name.clone()).collect();
    let mut merged = Imported {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            name: if names.len() == 1 {
                names[0].clone()
            } else {
                format!("imported: {} files", names.len())
            },
            synthetic: false,
            reports: Vec::new(),
        },
        placements: Vec::new(),
        page_markers: Vec::new(),
        encodings: Vec::new(),
    };
    let mut ids: HashSet<String> = HashSet::new();
    for part in parts {
        let mut reports = part.dataset.reports;
        unique_ids(&mut reports, &mut ids);
        merged.dataset.reports.extend(reports);
        merged.placements.extend(part.placements);
        merged.page_markers.extend(part.page_markers);
        merged.encodings.extend(part.encodings);
    }
    merged
}

/// Makes report ids unique: a second report of the same issuer and date gets "-2".
fn unique_ids(reports: &mut [crate::model::Report], ids: &mut HashSet<String>) {
    for report in reports {
        let base = report.id.clone();
        let mut n = 2;
        while ids.contains(&report.id) {
            report.id = format!("{base}-{n}");
            n += 1;
        }
        ids.insert(report.id.clone());
    }
}

/// Runs `zhenggai import`.
pub fn run(args: &ImportArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(crate::sanitize::stderr(), "zhenggai import: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_inner(args: &ImportArgs) -> Result<(), String> {
    // Checked, and the temporary made, before the inputs are read: a refusal
    // comes at once, not after a long import.
    let output = match &args.output {
        Some(out) => {
            refuse_input_as_output(out, &args.files)?;
            Some(OutputFile::create(out, args.force).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let mut parts = Vec::new();
    for file in &args.files {
        let (bytes, name) = read_input(file)?;
        let imported = if crate::ledger::is_ledger(&name, &bytes) {
            import_ledger(&bytes, &name)?
        } else {
            import_bytes(&bytes, &name).map_err(|e| e.to_string())?
        };
        parts.push(imported);
    }
    let imported = merge(parts);
    for r in &imported.dataset.reports {
        if let Some(how) = &r.published_inferred {
            let _ = writeln!(
                crate::sanitize::stderr(),
                "zhenggai import: warning: '{}' in '{}': {how}; published taken as {}",
                crate::sanitize::escape(&r.title),
                crate::sanitize::escape(r.source.file.as_deref().unwrap_or("")),
                r.published
            );
        }
    }
    for p in &imported.placements {
        if let Some(why) = &p.warning {
            let _ = writeln!(
                crate::sanitize::stderr(),
                "zhenggai import: warning: '{}' line {}: {}",
                crate::sanitize::escape(&p.source),
                p.line,
                crate::sanitize::escape(why)
            );
        }
    }
    if args.explain {
        explain::explain(&imported);
    }
    let json = serde_json::to_string_pretty(&imported.dataset)
        .map_err(|e| format!("cannot write JSON: {e}"))?;
    // The same data, with the controls serde_json leaves raw written as \u0085.
    let mut json = crate::sanitize::json(&json).into_owned();
    json.push('\n');
    refuse_what_check_rejects(&json)?;
    match output {
        Some(out) => out.commit_with(json.as_bytes()).map_err(|e| e.to_string()),
        None => {
            let mut stdout = crate::sanitize::stdout();
            match stdout
                .write_all(json.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is not an error.
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write to standard output: {e}"))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Loads the JSON about to be written exactly as `zhenggai check` would, and
/// refuses to write it if that fails: import never writes data that another
/// command then rejects. The message names each problem by its JSON path,
/// since the file it would be in does not exist.
fn refuse_what_check_rejects(json: &str) -> Result<(), String> {
    let Err(error) = crate::load::load_str("import", json) else {
        return Ok(());
    };
    let mut lines = vec![
        "the imported data would not pass `zhenggai check`, so nothing was written:".to_owned(),
    ];
    for d in error.diagnostics.iter().filter(|d| d.is_error()) {
        let path = if d.path.is_empty() { "$" } else { &d.path };
        lines.push(format!(
            "  {}: {}",
            crate::sanitize::escape(path),
            crate::sanitize::escape(&d.message)
        ));
        if let Some(hint) = &d.hint {
            lines.push(format!("    hint: {}", crate::sanitize::escape(hint)));
        }
    }
    lines.push(
        "  the source text says something the data format cannot hold as it stands; \
         `--explain` shows where each paragraph went"
            .to_owned(),
    );
    Err(lines.join("\n"))
}

/// Inputs are never modified: an output that is one of them is refused, even
/// with --force. A symbolic link to an input is fine, since the link is replaced.
fn refuse_input_as_output(out: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    if !fs::symlink_metadata(out).is_ok_and(|m| m.is_file()) {
        return Ok(());
    }
    let Ok(out_real) = fs::canonicalize(out) else {
        return Ok(());
    };
    if inputs
        .iter()
        .any(|input| fs::canonicalize(input).is_ok_and(|real| real == out_real))
    {
        return Err(format!(
            "'{}' is also an input: refusing to write over it",
            crate::sanitize::escape(&out.display().to_string())
        ));
    }
    Ok(())
}

fn read_input(file: &Path) -> Result<(Vec<u8>, String), String> {
    if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok((bytes, "<stdin>".to_string()));
    }
    let name = file.display().to_string();
    let bytes = fs::read(file)
        .map_err(|e| format!("cannot read '{}': {e}", crate::sanitize::escape(&name)))?;
    Ok((bytes, name))
}
