//! Reading data files (paths, directories, standard input, the bundled data),
//! parsing them, validating them, and merging them into one `Dataset`.
//!
//! Each file is read in blocks and its reports are parsed and validated in
//! parallel chunks as they arrive (`chunks`); a file the fast path cannot
//! take is read whole and parsed with one call straight into
//! `model::Dataset`. Only when something is wrong does the
//! loader look at the text again (with `jsonpos`) to say where, and to quote
//! the bad value.

mod chunks;
mod files;
mod json;
mod ledgers;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostic::{Diagnostic, Severity};
use crate::jsonpos::{self, Segment};
use crate::model::{Dataset, Report, SCHEMA_VERSION};
use files::{Input, cannot_read, inputs_of};
use json::{diagnostic, parse_file, report_id_path, whole_file};

pub use chunks::Progress;
use chunks::Tracker;
pub use files::is_data_file;

/// Where a loaded report came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it.
    pub file: String,
    /// The report's index in that file.
    pub index: usize,
}

/// A merged dataset with where each report came from and the warnings found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// All reports of all files, in file order (directories sorted by name).
    pub dataset: Dataset,
    /// One entry per report of `dataset.reports`.
    pub origins: Vec<Origin>,
    /// Warnings: shown, but loading went on.
    pub warnings: Vec<Diagnostic>,
}

/// Loading failed: every error found, with the warnings.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{} error(s) in the input", self.errors().count())]
pub struct LoadError {
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// The name of standard input in diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Loads the given paths (`-` is standard input); with none, the bundled data.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_progressive(paths, |_| {})
}

/// Loads like [`load`], calling `on_progress` as the parse goes on: once when
/// the files are opened, then as each chunk of reports is parsed and validated
/// (from any thread). The counts may step back when a file turns out to need
/// the slower parse that finds the place of an error.
pub fn load_progressive(
    paths: &[PathBuf],
    on_progress: impl Fn(Progress) + Sync,
) -> Result<Loaded, LoadError> {
    let mut reports = Vec::new();
    let mut loaded = load_incremental(paths, on_progress, |batch| reports.extend(batch))?;
    loaded.dataset.reports = reports;
    Ok(loaded)
}

/// Loads like [`load_progressive`], handing the reports to `on_reports` in
/// order, a batch at a time, as soon as they and every report before them are
/// parsed and valid; the returned dataset has no reports of its own. When the
/// load fails, the reports handed over so far are to be thrown away.
pub fn load_incremental(
    paths: &[PathBuf],
    on_progress: impl Fn(Progress) + Sync,
    mut on_reports: impl FnMut(Vec<Report>),
) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    let inputs = inputs_of(paths, &mut diagnostics);
    load_inputs(inputs, diagnostics, &on_progress, &mut on_reports, None)
}

/// Loads like [`load`] until `cancel` is set: then reading stops at the next
/// block and the load fails. For a reload that a newer change has made useless.
pub fn load_cancellable(paths: &[PathBuf], cancel: &AtomicBool) -> Result<Loaded, LoadError> {
    let mut diagnostics = Vec::new();
    let inputs = inputs_of(paths, &mut diagnostics);
    collect(inputs, diagnostics, Some(cancel))
}

/// The data bundled into the binary, already validated by the test suite.
pub fn bundled() -> Result<Loaded, LoadError> {
    load(&[])
}

/// Loads one text as if it were a file of that name; for tests and importers.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    load_bytes(name, text.as_bytes())
}

/// Loads bytes as if they were a file of that name, UTF-8 or not: what
/// `check` does with a file, without the file (the fuzz harness feeds it).
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    collect(vec![Input::in_memory(name, bytes)], Vec::new(), None)
}

/// Loads inputs, with the reports in the dataset.
fn collect(
    inputs: Vec<Input<'_>>,
    diagnostics: Vec<Diagnostic>,
    cancel: Option<&AtomicBool>,
) -> Result<Loaded, LoadError> {
    let mut reports = Vec::new();
    let mut loaded = load_inputs(
        inputs,
        diagnostics,
        &|_| {},
        &mut |b| reports.extend(b),
        cancel,
    )?;
    loaded.dataset.reports = reports;
    Ok(loaded)
}

/// The bytes without a UTF-8 byte order mark: what positions count from.
fn content(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn load_inputs(
    inputs: Vec<Input<'_>>,
    mut diagnostics: Vec<Diagnostic>,
    on_progress: &(dyn Fn(Progress) + Sync),
    on_reports: &mut dyn FnMut(Vec<Report>),
    cancel: Option<&AtomicBool>,
) -> Result<Loaded, LoadError> {
    let total: u64 = inputs.iter().map(Input::len).sum();
    let tracker = Tracker::new(total, on_progress);
    tracker.add(0, 0);
    let mut names: Vec<String> = Vec::new();
    let mut synthetic = false;
    let mut origins = Vec::new();
    let mut first_seen: HashMap<String, (String, usize)> = HashMap::new();
    for input in &inputs {
        if cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            diagnostics.push(whole_file(
                &input.name,
                "the load was cancelled".into(),
                None,
            ));
            break;
        }
        let mut opened = match input.open(cancel) {
            Ok(opened) => opened,
            Err(e) => {
                diagnostics.push(cannot_read(&input.name, &e));
                continue;
            }
        };
        // Report ids must be unique across all files; each batch is checked as
        // it arrives, and the second of a pair is pointed at below. The ids of
        // a file count for the next files only once the file has loaded.
        let mut duplicates = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut count = 0;
        let failed_before = diagnostics.iter().any(Diagnostic::is_error);
        let mut batch_sink = |batch: Vec<Report>| {
            for (i, report) in batch.iter().enumerate() {
                let index = count + i;
                let first = match (first_seen.get(&report.id), ids.get(&report.id)) {
                    (Some((file, first)), _) => Some(format!("$.reports[{first}] in {file}")),
                    (None, Some(first)) => Some(format!("$.reports[{first}] in {}", input.name)),
                    (None, None) => None,
                };
                match first {
                    Some(first) => duplicates.push((
                        index,
                        format!("'{}' is already the id of {first}", report.id),
                        report.id.clone(),
                    )),
                    None => {
                        ids.insert(report.id.clone(), index);
                    }
                }
            }
            count += batch.len();
            // Once anything is wrong the load fails: nothing more is handed on.
            if !failed_before && duplicates.is_empty() {
                on_reports(batch);
            }
        };
        let parsed = if ledgers::is_ledger(input, &mut opened) {
            let parsed = ledgers::parse(input, &mut opened, &mut diagnostics, &mut batch_sink);
            tracker.add(input.len() as usize, 0);
            parsed
        } else {
            parse_file(
                input,
                &mut opened,
                &mut diagnostics,
                &tracker,
                &mut batch_sink,
            )
        };
        let Some(head) = parsed else {
            continue;
        };
        first_seen.extend(
            ids.into_iter()
                .map(|(id, index)| (id, (input.name.clone(), index))),
        );
        if !duplicates.is_empty() {
            let paths: Vec<Vec<Segment>> = duplicates
                .iter()
                .map(|(i, _, _)| report_id_path(*i))
                .collect();
            let bytes = opened.read_all().unwrap_or_default();
            let text = String::from_utf8_lossy(content(&bytes));
            let positions = jsonpos::locate_nearest(&text, &paths);
            for ((_, hint, id), (path, position)) in
                duplicates.into_iter().zip(paths.iter().zip(positions))
            {
                diagnostics.push(diagnostic(
                    &input.name,
                    Some(position),
                    Severity::Error,
                    path,
                    format!("duplicate report id '{id}'"),
                    Some(hint),
                ));
            }
        }
        if !names.contains(&head.name) {
            names.push(head.name.clone());
        }
        synthetic |= head.synthetic;
        origins.extend((0..count).map(|index| Origin {
            file: input.name.clone(),
            index,
        }));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    let name = if names.is_empty() {
        "(no data)".to_owned()
    } else {
        names.join(" + ")
    };
    Ok(Loaded {
        dataset: Dataset {
            schema_version: SCHEMA_VERSION,
            name,
            synthetic,
            reports: Vec::new(),
        },
        origins,
        warnings: diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::json::serde_position;
    use super::*;
    use crate::jsonpos::Position;

    const MINIMAL: &str = include_str!("../tests/fixtures/valid/minimal.json");

    fn errors_of(name: &str, text: &str) -> Vec<String> {
        match load_str(name, text) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_minimal_fixture_loads_with_its_origins() {
        let loaded = load_str("m.json", MINIMAL).unwrap();
        assert_eq!(loaded.dataset.name, "最小示例");
        assert_eq!(
            loaded.origins,
            vec![Origin {
                file: "m.json".into(),
                index: 0
            }]
        );
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn wrong_dates_are_quoted_at_their_position() {
        let text = MINIMAL.replace(
            "\"published\": \"2021-12-30\"",
            "\"published\": \"2021/12/30\"",
        );
        assert_eq!(
            errors_of("m.json", &text),
            vec![
                "m.json:9:20: error: $.reports[0].published: expected a date YYYY-MM-DD, found '2021/12/30'\n  hint: write dates like \"2021-12-30\": four-digit year 1900–2199, two-digit month and day",
            ]
        );
    }

    #[test]
    fn unknown_fields_point_at_the_key_and_suggest_the_near_name() {
        let text = MINIMAL.replace("\"issuer\"", "\"issur\"");
        assert_eq!(
            errors_of("m.json", &text),
            vec![
                "m.json:8:7: error: $.reports[0].issur: unknown field 'issur'\n  hint: did you mean 'issuer'?",
            ]
        );
    }

    #[test]
    fn an_unsupported_version_is_reported_instead_of_other_errors() {
        let text = MINIMAL
            .replace("\"schema_version\": 1", "\"schema_version\": 7")
            .replace("\"issuer\"", "\"issur\"");
        assert_eq!(
            errors_of("m.json", &text),
            vec![
                "m.json:2:21: error: $.schema_version: unsupported schema_version '7' (this build reads 1 and 2)\n  hint: convert the file to schema_version 2, or use a zhenggai that reads version 7",
            ]
        );
    }

    #[test]
    fn duplicate_report_ids_point_at_the_second() {
        let inputs = vec![
            Input::in_memory("a.json", MINIMAL.as_bytes()),
            Input::in_memory("b.json", MINIMAL.as_bytes()),
        ];
        let error = collect(inputs, Vec::new(), None).unwrap_err();
        let errors: Vec<String> = error.errors().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            vec![
                "b.json:6:13: error: $.reports[0].id: duplicate report id 'demo-2021-12-30'\n  hint: 'demo-2021-12-30' is already the id of $.reports[0] in a.json",
            ]
        );
    }

    #[test]
    fn the_ids_of_a_file_that_failed_do_not_make_duplicates_in_the_next() {
        let mut a = String::from_utf8(crate::generate::to_vec(64, 9)).unwrap();
        let at = a.rfind("\"published\": \"").unwrap();
        a.replace_range(at..at + 13, "\"published\": 7, \"x\":");
        let first_id = "syn-9-00000";
        assert!(a.contains(first_id));
        let b = MINIMAL.replace("demo-2021-12-30", first_id);
        let inputs = vec![
            Input::in_memory("a.json", a.as_bytes()),
            Input::in_memory("b.json", b.as_bytes()),
        ];
        let error = collect(inputs, Vec::new(), None).unwrap_err();
        let errors: Vec<String> = error.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].starts_with("a.json:"), "{errors:#?}");
    }

    #[test]
    fn merged_names_are_joined_once_each() {
        let other = MINIMAL
            .replace("最小示例", "另一个")
            .replace("demo-2021-12-30", "other");
        let inputs = vec![
            Input::in_memory("a.json", MINIMAL.as_bytes()),
            Input::in_memory("b.json", other.as_bytes()),
        ];
        let loaded = collect(inputs, Vec::new(), None).unwrap();
        assert_eq!(loaded.dataset.name, "最小示例 + 另一个");
        assert_eq!(loaded.dataset.reports.len(), 2);
        assert_eq!(
            loaded.origins[1],
            Origin {
                file: "b.json".into(),
                index: 0
            }
        );
    }

    #[test]
    fn the_parallel_parse_gives_the_plain_parse_and_progress_reaches_the_end() {
        let bytes = crate::generate::to_vec(60, 7);
        let text = std::str::from_utf8(&bytes).unwrap();
        let plain: Dataset = serde_json::from_str(text).unwrap();
        let last = std::sync::Mutex::new(Progress::default());
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let input = Input::in_memory("g.json", &bytes);
        let mut reports = Vec::new();
        let progress = |p: Progress| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let mut last = last.lock().unwrap();
            if p.bytes_done >= last.bytes_done {
                *last = p;
            }
        };
        let loaded = load_inputs(
            vec![input],
            Vec::new(),
            &progress,
            &mut |batch| reports.extend(batch),
            None,
        )
        .unwrap();
        assert!(loaded.dataset.reports.is_empty());
        assert_eq!(reports, plain.reports);
        assert_eq!(loaded.dataset.name, plain.name);
        let last = *last.lock().unwrap();
        assert_eq!(last.bytes_done, bytes.len() as u64);
        assert_eq!(last.bytes_total, bytes.len() as u64);
        assert_eq!(last.reports_done, 60);
        // One call when the files are read, one per chunk, one at the end.
        assert!(calls.into_inner() >= 3);
    }

    #[test]
    fn an_error_in_a_late_report_is_reported_as_by_the_plain_parse() {
        let text = String::from_utf8(crate::generate::to_vec(40, 3)).unwrap();
        let at = text.rfind("\"issuer\"").unwrap();
        let broken = format!("{}\"issur\"{}", &text[..at], &text[at + 8..]);
        let errors = errors_of("g.json", &broken);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("$.reports[39].issur: unknown field 'issur'"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_utf16_file_is_named_as_such() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "{}".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let input = Input::in_memory("u.json", &bytes);
        let error = collect(vec![input], Vec::new(), None).unwrap_err();
        let errors: Vec<String> = error.errors().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            vec![
                "u.json:1:1: error: the file is UTF-16, not UTF-8 (it starts with a UTF-16 byte order mark)\n  hint: save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8`"
            ]
        );
    }

    #[test]
    fn a_file_cut_inside_a_character_is_called_cut_off() {
        let bytes = MINIMAL.as_bytes();
        let at = MINIMAL.rfind("最小示例").unwrap() + 1;
        let input = Input::in_memory("m.json", &bytes[..at]);
        let error = collect(vec![input], Vec::new(), None).unwrap_err();
        let errors: Vec<String> = error.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("the file ends in the middle of a character (truncated?)"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn serde_columns_become_character_columns() {
        let text = "{\"name\": \"整改\", \"x\" 1}";
        let error = serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
        assert_eq!(
            serde_position(text, &error),
            Position {
                line: 1,
                column: 20
            }
        );
        let text = "{\n\"name\": \"整改\",\n \"x\" 1}";
        let error = serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
        assert_eq!(
            serde_position(text, &error),
            Position { line: 3, column: 6 }
        );
    }

    #[test]
    fn a_cancelled_load_reads_nothing_and_fails() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/wuxi-2021-12-30.json");
        let paths = [path];
        let whole = load_cancellable(&paths, &AtomicBool::new(false)).unwrap();
        assert_eq!(whole.dataset.reports, load(&paths).unwrap().dataset.reports);
        let e = load_cancellable(&paths, &AtomicBool::new(true)).unwrap_err();
        assert!(e.to_string().contains("error"), "{e}");
        assert!(
            e.errors().any(|d| d.to_string().contains("cancelled")),
            "{:?}",
            e.diagnostics
        );
    }
}
