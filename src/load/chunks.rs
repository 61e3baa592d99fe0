//! The fast path of parsing one data file: split its `reports` array at the
//! report boundaries with a byte scanner, then parse and validate the reports
//! in chunks on every core.
//!
//! The fast path only ever succeeds on a file the plain parse would accept,
//! with the same result; on anything unusual it gives up (`None`) and the
//! caller parses the whole file the ordinary way, which says what is wrong.

use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::{Dataset, Report, SCHEMA_VERSION};
use crate::validate::{self, Issue};

/// Where the parts of a dataset's text are.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Layout {
    /// The offset of the `[` that opens the reports array.
    pub open: usize,
    /// The offset of the `]` that closes it.
    pub close: usize,
    /// Each report's bytes, from its first byte up to the next comma or `]`.
    pub reports: Vec<Range<usize>>,
}

/// Finds the reports array of a dataset and the bounds of each report.
///
/// Tracks strings (with their escapes) and bracket depth only; whether the
/// text is valid JSON is left to the parser. `None` when the text is not an
/// object with exactly one top-level `"reports": [...]`, or when the array is
/// malformed in a way the scanner sees (empty elements, unterminated text).
pub(super) fn scan(bytes: &[u8]) -> Option<Layout> {
    let mut depth = 0usize;
    // At depth 1 keys and values alternate; this is true where a key may come.
    let mut expect_key = false;
    let mut key: Option<Range<usize>> = None;
    let mut open = None;
    let mut close = None;
    let mut in_reports = false;
    let mut start: Option<usize> = None;
    let mut reports = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\n' | b'\r' | b'\t' | b':' => {}
            b'"' => {
                let end = string_end(bytes, i + 1)?;
                if depth == 1 && expect_key {
                    key = Some(i + 1..end);
                    expect_key = false;
                } else if in_reports && depth == 2 && start.is_none() {
                    start = Some(i);
                }
                i = end + 1;
                continue;
            }
            b'{' | b'[' => {
                if depth == 0 && b != b'{' {
                    return None;
                }
                if depth == 1 && b == b'[' {
                    let is_reports = key
                        .as_ref()
                        .is_some_and(|k| &bytes[k.clone()] == b"reports");
                    if is_reports {
                        if open.is_some() {
                            return None;
                        }
                        open = Some(i);
                        in_reports = true;
                    }
                }
                if in_reports && depth == 2 && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
                if depth == 1 {
                    expect_key = true;
                }
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if in_reports && depth == 1 {
                    if b != b']' {
                        return None;
                    }
                    match start.take() {
                        Some(s) => reports.push(s..i),
                        // `[]` is fine, `[{…},]` is not.
                        None if !reports.is_empty() => return None,
                        None => {}
                    }
                    close = Some(i);
                    in_reports = false;
                }
                if depth == 0 {
                    // Whatever follows the object is the parser's to judge.
                    break;
                }
            }
            b',' => {
                if depth == 1 {
                    expect_key = true;
                } else if in_reports && depth == 2 {
                    reports.push(start.take()?..i);
                }
            }
            _ => {
                if depth == 0 {
                    return None;
                }
                if in_reports && depth == 2 && start.is_none() {
                    start = Some(i);
                }
            }
        }
        i += 1;
    }
    if depth != 0 {
        return None;
    }
    Some(Layout {
        open: open?,
        close: close?,
        reports,
    })
}

/// The offset of the quote that ends the string whose contents start at `from`.
fn string_end(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = from + memchr::memchr2(b'"', b'\\', bytes.get(from..)?)?;
        if bytes[at] == b'"' {
            return Some(at);
        }
        // Skip the escaped character; `\"` does not end the string.
        from = at + 2;
    }
}

/// How far a file's parse has got, for a progress bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of input parsed so far, over all files.
    pub bytes_done: u64,
    /// Bytes of input in all, over all files.
    pub bytes_total: u64,
    /// Reports parsed and validated so far, over all files.
    pub reports_done: usize,
}

/// Counts progress over all files of one load and reports it.
pub(super) struct Tracker<'a> {
    bytes_done: AtomicUsize,
    reports_done: AtomicUsize,
    bytes_total: u64,
    on_progress: &'a (dyn Fn(Progress) + Sync),
}

impl<'a> Tracker<'a> {
    pub(super) fn new(bytes_total: u64, on_progress: &'a (dyn Fn(Progress) + Sync)) -> Self {
        Self {
            bytes_done: AtomicUsize::new(0),
            reports_done: AtomicUsize::new(0),
            bytes_total,
            on_progress,
        }
    }

    /// Adds to the counts and calls the callback with the new totals.
    pub(super) fn add(&self, bytes: usize, reports: usize) {
        let bytes_done = self.bytes_done.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let reports_done = self.reports_done.fetch_add(reports, Ordering::Relaxed) + reports;
        (self.on_progress)(Progress {
            bytes_done: bytes_done as u64,
            bytes_total: self.bytes_total,
            reports_done,
        });
    }

    /// Takes back counts added by a fast path that gave up, so that the
    /// ordinary parse of the same file does not count it twice.
    pub(super) fn take_back(&self, bytes: usize, reports: usize) {
        self.bytes_done.fetch_sub(bytes, Ordering::Relaxed);
        self.reports_done.fetch_sub(reports, Ordering::Relaxed);
    }
}

/// About how many bytes of reports one chunk holds: small enough for a
/// progress bar to move smoothly and for two cores to share the work evenly.
const CHUNK_BYTES: usize = 1 << 20;

/// The parsed dataset and its validation issues, in report order.
pub(super) type Parsed = (Dataset, Vec<Issue>);

/// Parses and validates a dataset in parallel chunks. `None` when the file
/// needs the ordinary parse: something in it is wrong or unusual.
///
/// The progress counts of a fast path that gave up are taken back.
pub(super) fn parse(bytes: &[u8], tracker: &Tracker<'_>) -> Option<Parsed> {
    let layout = scan(bytes)?;
    // The dataset without its reports, parsed on its own: the other fields,
    // unknown fields, and everything around the reports array.
    let mut envelope = Vec::with_capacity(layout.open + 1 + bytes.len() - layout.close);
    envelope.extend_from_slice(&bytes[..=layout.open]);
    envelope.extend_from_slice(&bytes[layout.close..]);
    let envelope = std::str::from_utf8(&envelope).ok()?;
    let mut dataset: Dataset = serde_json::from_str(envelope).ok()?;
    if dataset.schema_version != SCHEMA_VERSION || !dataset.reports.is_empty() {
        return None;
    }

    let chunks = group(&layout.reports, CHUNK_BYTES);
    let results: Vec<Mutex<Option<Option<ChunkResult>>>> =
        chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let c = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(c) else { break };
            let result = parse_chunk(bytes, &layout.reports, chunk.clone());
            if let Some(r) = &result {
                tracker.add(r.bytes, r.reports.len());
            }
            let failed = result.is_none();
            if let Ok(mut slot) = results[c].lock() {
                *slot = Some(result);
            }
            if failed {
                // Stop handing out chunks: the ordinary parse takes over.
                next.store(chunks.len(), Ordering::Relaxed);
            }
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(chunks.len());
    if threads > 1 {
        std::thread::scope(|s| {
            for _ in 1..threads {
                s.spawn(work);
            }
            work();
        });
    } else {
        work();
    }

    let mut issues = Vec::new();
    let mut ok = true;
    let (mut bytes_added, mut reports_added) = (0, 0);
    dataset.reports.reserve(layout.reports.len());
    for slot in results {
        match slot.into_inner().ok().flatten().flatten() {
            Some(chunk) if ok => {
                bytes_added += chunk.bytes;
                reports_added += chunk.reports.len();
                dataset.reports.extend(chunk.reports);
                issues.extend(chunk.issues);
            }
            Some(chunk) => {
                bytes_added += chunk.bytes;
                reports_added += chunk.reports.len();
            }
            None => ok = false,
        }
    }
    if !ok {
        tracker.take_back(bytes_added, reports_added);
        return None;
    }
    // The envelope's bytes count too, so that the bar ends at 100 %.
    tracker.add(bytes.len().saturating_sub(bytes_added), 0);
    Some((dataset, issues))
}

/// The reports of one chunk, parsed and validated.
struct ChunkResult {
    reports: Vec<Report>,
    issues: Vec<Issue>,
    bytes: usize,
}

/// Consecutive runs of reports of about `target` bytes each.
fn group(reports: &[Range<usize>], target: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut first = 0;
    let mut size = 0;
    for (i, r) in reports.iter().enumerate() {
        size += r.len();
        if size >= target {
            chunks.push(first..i + 1);
            first = i + 1;
            size = 0;
        }
    }
    if first < reports.len() {
        chunks.push(first..reports.len());
    }
    chunks
}

fn parse_chunk(bytes: &[u8], reports: &[Range<usize>], chunk: Range<usize>) -> Option<ChunkResult> {
    let first = chunk.start;
    let ranges = &reports[chunk];
    let mut parsed = Vec::with_capacity(ranges.len());
    let mut size = 0;
    for range in ranges {
        size += range.len();
        let text = std::str::from_utf8(&bytes[range.clone()]).ok()?;
        parsed.push(serde_json::from_str::<Report>(text).ok()?);
    }
    let issues = validate::validate_reports(first, &parsed);
    Some(ChunkResult {
        reports: parsed,
        issues,
        bytes: size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Option<(Vec<&str>, usize, usize)> {
        scan(text.as_bytes()).map(|l| {
            let reports = l
                .reports
                .iter()
                .map(|r| text[r.clone()].trim_end())
                .collect();
            (reports, l.open, l.close)
        })
    }

    #[test]
    fn finds_each_report_of_the_top_level_array() {
        let text = r#"{"name": "a,]}", "reports": [ {"id": "x\"]", "p": [1, {"q": []}]} , {"id": "y"} ], "z": 1}"#;
        let (reports, open, close) = layout(text).unwrap();
        assert_eq!(
            reports,
            vec![r#"{"id": "x\"]", "p": [1, {"q": []}]}"#, r#"{"id": "y"}"#]
        );
        assert_eq!(&text[open..=open], "[");
        assert_eq!(&text[close..=close], "]");
    }

    #[test]
    fn only_the_top_level_reports_key_counts() {
        let text = r#"{"x": {"reports": [1, 2]}, "reports": []}"#;
        let (reports, open, _) = layout(text).unwrap();
        assert!(reports.is_empty());
        assert_eq!(open, text.rfind('[').unwrap());
    }

    #[test]
    fn gives_up_on_what_the_parser_must_judge() {
        for text in [
            r#"{"reports": [{}, ]}"#,
            r#"{"reports": [, {}]}"#,
            r#"{"reports": [{}], "reports": []}"#,
            r#"{"reports": {}}"#,
            r#"{"reports": [{"id": "x}]}"#,
            r#"{"reports": [{}]"#,
            r#"[{"reports": []}]"#,
            r#"{"name": "x"}"#,
        ] {
            assert_eq!(layout(text), None, "{text}");
        }
    }

    #[test]
    fn chunks_cover_every_report_once() {
        let reports: Vec<Range<usize>> = (0..10).map(|i| i * 10..i * 10 + 7).collect();
        assert_eq!(group(&reports, 20), vec![0..3, 3..6, 6..9, 9..10]);
        assert_eq!(group(&reports, 1000), vec![0..10]);
        assert!(group(&[], 20).is_empty());
    }
}
