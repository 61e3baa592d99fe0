//! One JSON data file parsed whole, and the messages of what is wrong with
//! it: file, line, column, JSON path and the bad value quoted.

use crate::diagnostic::{Diagnostic, Severity};
use crate::jsonpos::{self, Position, Segment};
use crate::model::{Dataset, Report, SCHEMA_VERSION, SCHEMA_VERSIONS_READ};
use crate::validate::{self, Issue, did_you_mean};

use super::chunks::{self, Tracker};
use super::content;
use super::files::{Input, Opened, cannot_read, read_again};

pub(super) fn report_id_path(index: usize) -> Vec<Segment> {
    vec![
        Segment::Key("reports".into()),
        Segment::Index(index),
        Segment::Key("id".into()),
    ]
}

pub(super) fn diagnostic(
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
pub(super) fn whole_file(file: &str, message: String, hint: Option<String>) -> Diagnostic {
    diagnostic(file, None, Severity::Error, &[], message, hint)
}

/// Parses and validates one file, handing its reports to `deliver`.
/// Diagnostics go to `diagnostics`; the dataset without its reports is
/// returned when the file parsed and has no errors.
pub(super) fn parse_file(
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
pub(super) fn parse_whole(
    name: &str,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Dataset> {
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
pub(super) fn with_issues(
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
pub(super) fn error_with_path(text: &str) -> (Vec<Segment>, serde_json::Error) {
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

pub(super) fn unsupported_version(name: &str, text: &str, version: &str) -> Diagnostic {
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

pub(super) fn invalid_utf8(name: &str, bytes: &[u8], e: &std::str::Utf8Error) -> Diagnostic {
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
pub(super) fn not_an_object(name: &str, text: &str) -> Option<Diagnostic> {
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
pub(super) fn excerpt(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    let mut cut: String = line.chars().take(max).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    cut
}

/// Describes a raw JSON value for a message: strings and numbers quoted,
/// containers by their kind.
pub(super) fn describe_value(raw: &str) -> String {
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
pub(super) fn segments(path: &serde_path_to_error::Path) -> Vec<Segment> {
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
pub(super) fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// serde's message without the position serde_json appends.
pub(super) fn bare_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => text[..at].to_owned(),
        _ => text,
    }
}

/// The position serde_json reports, with the column counted in characters.
pub(super) fn serde_position(text: &str, error: &serde_json::Error) -> Position {
    let line = error.line().max(1);
    let line_start = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(i, _)| if line == 1 { 0 } else { i + 1 });
    let offset = (line_start + error.column().saturating_sub(1)).min(text.len());
    jsonpos::position_at(text, offset)
}

pub(super) fn parse_error(
    name: &str,
    text: &str,
    path: &[Segment],
    inner: &serde_json::Error,
) -> Diagnostic {
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
pub(super) fn data_error(
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
