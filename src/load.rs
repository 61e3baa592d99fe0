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
mod ledgers;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostic::{Diagnostic, Severity};
use crate::jsonpos::{self, Position, Segment};
use crate::model::{Dataset, Report, SCHEMA_VERSION, SCHEMA_VERSIONS_READ};
use crate::validate::{self, Issue, did_you_mean};
use files::{Input, Opened, cannot_read, inputs_of, read_again};

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

fn report_id_path(index: usize) -> Vec<Segment> {
    vec![
        Segment::Key("reports".into()),
        Segment::Index(index),
        Segment::Key("id".into()),
    ]
}

fn diagnostic(
    file: &str,
    position: Option<Position>,
    severity: Severity,
    path: &[Segment],
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    let Position { line, column } = position.unwrap_or(Position { line: 0, column: 0 });
    Diagnostic {
        file: file.to_owned(),
        line,
        column,
        severity,
        path: if path.is_empty() && position.is_none() {
            String::new()
        } else {
            jsonpos::display(path)
        },
        message,
        hint,
    }
}

/// An error about a whole file, without a position.
fn whole_file(file: &str, message: String, hint: Option<String>) -> Diagnostic {
    diagnostic(file, None, Severity::Error, &[], message, hint)
}

/// Parses and validates one file, handing its reports to `deliver`.
/// Diagnostics go to `diagnostics`; the dataset without its reports is
/// returned when the file parsed and has no errors.
fn parse_file(
    input: &Input<'_>,
    opened: &mut Opened<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    tracker: &Tracker<'_>,
    deliver: &mut dyn FnMut(Vec<Report>),
) -> Option<Dataset> {
    let name = input.name.as_str();
    let streamed = opened
        .reader()
        .and_then(|mut reader| chunks::parse(&mut reader, input.len(), tracker, deliver));
    let delivered = match streamed {
        Ok(chunks::Outcome::Parsed { head, issues }) => {
            if issues.is_empty() {
                return Some(head);
            }
            let bytes = read_again(opened, name, diagnostics)?;
            let text = String::from_utf8_lossy(content(&bytes));
            return with_issues(name, &text, head, issues, diagnostics);
        }
        Ok(chunks::Outcome::GaveUp { delivered }) => delivered,
        Err(e) => {
            diagnostics.push(cannot_read(name, &e));
            return None;
        }
    };
    // Something is wrong or unusual: the whole text, parsed in one piece, says what.
    let bytes = read_again(opened, name, diagnostics)?;
    let bytes = content(&bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let what = if bytes.is_empty() {
            "the file is empty"
        } else {
            "the file holds only whitespace"
        };
        diagnostics.push(whole_file(
            name,
            format!("{what}: expected a JSON dataset"),
            Some("a data file is a JSON object with schema_version, name and reports".to_owned()),
        ));
        tracker.add(input.len() as usize, 0);
        return None;
    }
    let mut dataset = parse_whole(name, bytes, diagnostics)?;
    tracker.add(input.len() as usize, dataset.reports.len());
    // The reports handed on before the fast path gave up are the same ones.
    let rest: Vec<Report> = dataset
        .reports
        .drain(delivered.min(dataset.reports.len())..)
        .collect();
    dataset.reports.clear();
    deliver(rest);
    Some(dataset)
}

/// Parses and validates one file in one piece: the path that finds where an
/// error is.
fn parse_whole(name: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<Dataset> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            diagnostics.push(invalid_utf8(name, bytes, &e));
            return None;
        }
    };
    if let Some(d) = not_an_object(name, text) {
        diagnostics.push(d);
        return None;
    }
    // The plain parse comes first; the path of a failure is found by parsing
    // again with serde_path_to_error, which only failures pay for.
    let parsed = serde_json::from_str::<Dataset>(text).map_err(|_| error_with_path(text));
    match parsed {
        Ok(dataset) => {
            if !SCHEMA_VERSIONS_READ.contains(&dataset.schema_version) {
                diagnostics.push(unsupported_version(
                    name,
                    text,
                    &dataset.schema_version.to_string(),
                ));
                return None;
            }
            let issues = validate::validate(&dataset);
            with_issues(name, text, dataset, issues, diagnostics)
        }
        Err((path, error)) => {
            // A file of another version may fail for reasons that are no
            // mistake in that version, so its version is what to report.
            let version = jsonpos::value_text(text, &[Segment::Key("schema_version".into())]);
            match version {
                Some(v)
                    if v.parse::<u32>().map_or(v.parse::<u64>().is_ok(), |v| {
                        !SCHEMA_VERSIONS_READ.contains(&v)
                    }) =>
                {
                    diagnostics.push(unsupported_version(name, text, v));
                }
                _ => diagnostics.push(parse_error(name, text, &path, &error)),
            }
            None
        }
    }
}

/// Turns validation issues into located diagnostics, sorted by position;
/// the dataset is returned when none of them is an error.
fn with_issues(
    name: &str,
    text: &str,
    dataset: Dataset,
    issues: Vec<Issue>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dataset> {
    let errors = issues.iter().any(|i| i.severity == Severity::Error);
    if !issues.is_empty() {
        let paths: Vec<&[Segment]> = issues.iter().map(|i| i.path.as_slice()).collect();
        let positions = jsonpos::locate_nearest(text, &paths);
        let mut found: Vec<Diagnostic> = issues
            .into_iter()
            .zip(positions)
            .map(|(issue, position)| {
                diagnostic(
                    name,
                    Some(position),
                    issue.severity,
                    &issue.path,
                    issue.message,
                    issue.hint,
                )
            })
            .collect();
        found.sort_by_key(|d| (d.line, d.column));
        diagnostics.extend(found);
    }
    (!errors).then_some(dataset)
}

/// Parses again, tracking the JSON path, to say where the first parse failed.
fn error_with_path(text: &str) -> (Vec<Segment>, serde_json::Error) {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Dataset>(&mut de) {
        Err(e) => (segments(e.path()), e.into_inner()),
        Ok(_) => match de.end() {
            Err(e) => (Vec::new(), e),
            // The same text failed the plain parse, so this does not happen.
            Ok(()) => (
                Vec::new(),
                serde::de::Error::custom("the file could not be parsed"),
            ),
        },
    }
}

fn unsupported_version(name: &str, text: &str, version: &str) -> Diagnostic {
    let path = [Segment::Key("schema_version".into())];
    let position = jsonpos::locate(text, &path);
    diagnostic(
        name,
        position,
        Severity::Error,
        &path,
        format!("unsupported schema_version '{version}' (this build reads 1 and 2)"),
        Some(format!(
            "convert the file to schema_version {SCHEMA_VERSION}, or use a zhenggai that reads version {version}"
        )),
    )
}

fn invalid_utf8(name: &str, bytes: &[u8], e: &std::str::Utf8Error) -> Diagnostic {
    let good = &bytes[..e.valid_up_to()];
    let prefix = std::str::from_utf8(good).unwrap_or_default();
    let position = jsonpos::position_at(prefix, prefix.len());
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
    // Windows editors save "Unicode" text as UTF-16, which starts with a mark.
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    // A character cut short by the end of the file: the file was cut off.
    let (message, hint) = if utf16 {
        (
            "the file is UTF-16, not UTF-8 (it starts with a UTF-16 byte order mark)".to_owned(),
            "save it as UTF-8, or convert it with `iconv -f UTF-16 -t UTF-8`",
        )
    } else if e.error_len().is_none() {
        (
            "the file ends in the middle of a character (truncated?)".to_owned(),
            "the file may have been cut off while copying or saving; compare it with the original",
        )
    } else {
        (
            format!("invalid UTF-8: byte 0x{byte:02X} does not belong here"),
            "save the file as UTF-8; GB18030 or GBK text can be converted with `iconv -f GB18030 -t UTF-8`",
        )
    };
    Diagnostic {
        file: name.to_owned(),
        line: position.line,
        column: position.column,
        severity: Severity::Error,
        path: String::new(),
        message,
        hint: Some(hint.to_owned()),
    }
}

/// An error when the text is not a JSON object: not JSON at all, or JSON of
/// another shape. Checked first so that a stray text file gets one clear line.
fn not_an_object(name: &str, text: &str) -> Option<Diagnostic> {
    let start = text.trim_start();
    if start.starts_with('{') {
        return None;
    }
    let offset = text.len() - start.len();
    let position = jsonpos::position_at(text, offset);
    let message = match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => format!(
            "expected a JSON object (a dataset with schema_version, name and reports), found {}",
            describe_value(start.trim_end())
        ),
        Err(_) => format!("not a JSON file: it starts with '{}'", excerpt(start, 24)),
    };
    Some(Diagnostic {
        file: name.to_owned(),
        line: position.line,
        column: position.column,
        severity: Severity::Error,
        path: String::new(),
        message,
        hint: Some("zhenggai reads JSON data files; `zhenggai import` turns the plain text of a report into one".to_owned()),
    })
}

/// The first `max` characters of the first line of `text`, with an ellipsis when cut.
fn excerpt(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut cut: String = line.chars().take(max).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    cut
}

/// Describes a raw JSON value for a message: strings and numbers quoted,
/// containers by their kind.
fn describe_value(raw: &str) -> String {
    match raw.as_bytes().first() {
        Some(b'{') => "an object".to_owned(),
        Some(b'[') => "a list".to_owned(),
        Some(b'"') => {
            let s: String =
                serde_json::from_str(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned());
            format!("'{}'", excerpt(&s, 40))
        }
        Some(b'-' | b'0'..=b'9') => format!("the number '{raw}'"),
        Some(_) => format!("'{}'", excerpt(raw, 40)),
        None => "nothing".to_owned(),
    }
}

/// Turns a serde path into JSON path segments.
fn segments(path: &serde_path_to_error::Path) -> Vec<Segment> {
    use serde_path_to_error::Segment as S;
    let mut out = Vec::new();
    for segment in path.iter() {
        match segment {
            S::Seq { index } => out.push(Segment::Index(*index)),
            S::Map { key } => out.push(Segment::Key(key.clone())),
            S::Enum { .. } => {}
            S::Unknown => break,
        }
    }
    out
}

/// The names between backticks in a serde message, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// serde's message without the position serde_json appends.
fn bare_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => text[..at].to_owned(),
        _ => text,
    }
}

/// The position serde_json reports, with the column counted in characters.
fn serde_position(text: &str, error: &serde_json::Error) -> Position {
    let line = error.line().max(1);
    let line_start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| if line == 1 { 0 } else { i + 1 });
    let offset = (line_start + error.column().saturating_sub(1)).min(text.len());
    jsonpos::position_at(text, offset)
}

fn parse_error(name: &str, text: &str, path: &[Segment], inner: &serde_json::Error) -> Diagnostic {
    use serde_json::error::Category;
    let message = bare_message(inner);
    let at_serde = serde_position(text, inner);
    let make = |position, path: &[Segment], message, hint| {
        diagnostic(name, Some(position), Severity::Error, path, message, hint)
    };
    match inner.classify() {
        Category::Eof => make(
            at_serde,
            path,
            "the file ends in the middle of the JSON data (truncated?)".to_owned(),
            Some("the file may have been cut off while copying or saving; compare it with the original".to_owned()),
        ),
        Category::Syntax | Category::Io => {
            let message = if message == "trailing characters" {
                "unexpected text after the end of the JSON data".to_owned()
            } else {
                format!("invalid JSON: {}", message.replace('`', "'"))
            };
            make(at_serde, path, message, None)
        }
        Category::Data => data_error(name, text, path, &message, at_serde),
    }
}

/// A parse error in well-formed JSON: a missing, unknown or mistyped value.
fn data_error(
    name: &str,
    text: &str,
    path: &[Segment],
    message: &str,
    at_serde: Position,
) -> Diagnostic {
    let located = jsonpos::locate(text, path).unwrap_or(at_serde);
    let make = |position, message: String, hint: Option<String>| {
        diagnostic(name, Some(position), Severity::Error, path, message, hint)
    };
    let names = backticked(message);
    if message.starts_with("unknown field") {
        let field = names.first().copied().unwrap_or_default();
        let expected = &names[1.min(names.len())..];
        let hint = match did_you_mean(field, expected.iter().copied()) {
            Some(near) => format!("did you mean '{near}'?"),
            None if expected.is_empty() => "this object takes no fields".to_owned(),
            None => format!("expected one of: {}", expected.join(", ")),
        };
        let position = jsonpos::locate_key(text, path).unwrap_or(located);
        return make(position, format!("unknown field '{field}'"), Some(hint));
    }
    if message.starts_with("missing field") {
        let field = names.first().copied().unwrap_or_default();
        return make(located, format!("missing required field '{field}'"), None);
    }
    if message.starts_with("duplicate field") {
        let field = names.first().copied().unwrap_or_default();
        return make(located, format!("field '{field}' appears twice"), None);
    }
    let found = jsonpos::value_text(text, path).map(describe_value);
    if message.starts_with("unknown variant") {
        let value = names.first().copied().unwrap_or_default();
        let expected = &names[1.min(names.len())..];
        let hint = did_you_mean(value, expected.iter().copied())
            .map(|near| format!("did you mean '{near}'?"));
        let list: Vec<String> = expected.iter().map(|e| format!("'{e}'")).collect();
        return make(
            located,
            format!(
                "unknown value '{value}', expected one of {}",
                list.join(", ")
            ),
            hint,
        );
    }
    let field = path.iter().rev().find_map(|s| match s {
        Segment::Key(k) => Some(k.as_str()),
        Segment::Index(_) => None,
    });
    let serde_expected = message.rsplit_once(", expected ").map(|(_, e)| e);
    let (expected, hint) = if matches!(field, Some("published" | "signed" | "date")) {
        (
            "a date YYYY-MM-DD".to_owned(),
            Some("write dates like \"2021-12-30\": four-digit year 1900–2199, two-digit month and day".to_owned()),
        )
    } else {
        match serde_expected {
            Some(e) if e.contains("Decimal") => (
                "a decimal number in quotes".to_owned(),
                Some(
                    "write decimals as strings, like \"849.56\", so that they stay exact"
                        .to_owned(),
                ),
            ),
            Some("u32" | "u64" | "usize") => ("a whole number".to_owned(), None),
            Some("a boolean") => ("true or false".to_owned(), None),
            Some("a sequence") => ("a list".to_owned(), None),
            Some(e) if e.starts_with("struct") || e == "a map" => ("an object".to_owned(), None),
            Some(e) => (e.replace('`', "'"), None),
            None => {
                return make(located, message.replace('`', "'"), None);
            }
        }
    };
    let found = found.unwrap_or_else(|| "something else".to_owned());
    make(located, format!("expected {expected}, found {found}"), hint)
}

#[cfg(test)]
mod tests {
    use super::*;

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
