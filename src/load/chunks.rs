//! The fast path of parsing one data file: read it block by block, split its
//! `reports` array at the report boundaries with a byte scanner as the text
//! arrives, and parse and validate the reports in chunks on every core while
//! the next blocks are read. A chunk's text is dropped once it is parsed, so
//! the whole file is never in memory at once.
//!
//! The fast path only ever succeeds on a file the plain parse would accept,
//! with the same result; on anything unusual it gives up and the caller
//! parses the whole file the ordinary way, which says what is wrong.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use crate::diagnostic::Severity;
use crate::model::{Dataset, Report, SCHEMA_VERSIONS_READ};
use crate::validate::{self, Issue};

/// Finds the reports array of a dataset and the bounds of each report, one
/// piece of text at a time: the text may arrive in blocks, and a report is
/// known to be complete as soon as its closing bracket has been read.
///
/// Tracks strings (with their escapes) and bracket depth only; whether the
/// text is valid JSON is left to the parser. Gives up (`Err(GiveUp)`) when the
/// text is not an object with exactly one top-level `"reports": [...]`, or
/// when the array is malformed in a way the scanner sees (empty elements,
/// unterminated text).
#[derive(Debug, Default)]
pub(super) struct Scanner {
    /// The offset of the next byte to look at.
    pos: usize,
    /// Inside a string that the text so far does not finish: where to go on
    /// looking for its end.
    string_resume: Option<usize>,
    depth: usize,
    /// At depth 1 keys and values alternate; this is true where a key may come.
    expect_key: bool,
    /// The last key at depth 1 was `"reports"`.
    key_is_reports: bool,
    in_reports: bool,
    /// Where the report being read starts.
    start: Option<usize>,
    /// Reports found so far.
    found: usize,
    /// The offset of the `[` that opens the reports array.
    pub open: Option<usize>,
    /// The offset of the `]` that closes it.
    pub close: Option<usize>,
    /// The top-level object has ended; what follows is the parser's to judge.
    pub done: bool,
}

/// The scanner saw something only the parser can judge.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct GiveUp;

impl Scanner {
    /// Looks at the text from where the last call stopped up to the end of
    /// `buf`, whose first byte is at offset `base`; each complete report's
    /// range (from its first byte up to the next comma or `]`) is pushed onto
    /// `reports`. Stops early inside a string that `buf` does not finish;
    /// `eof` says no more text will come.
    pub(super) fn scan(
        &mut self,
        buf: &[u8],
        base: usize,
        eof: bool,
        reports: &mut Vec<Range<usize>>,
    ) -> Result<(), GiveUp> {
        let mut i = self.pos - base;
        while i < buf.len() && !self.done {
            let b = buf[i];
            match b {
                b' ' | b'\n' => {
                    // Indentation is a quarter of a pretty-printed file.
                    i = skip_spaces(buf, i + 1);
                    continue;
                }
                b'\r' | b'\t' | b':' => {}
                b'"' => {
                    // A string longer than a block goes on where its search stopped.
                    let from = match self.string_resume.take() {
                        Some(at) => at - base,
                        None => i + 1,
                    };
                    let end = match string_end(buf, from) {
                        Ok(end) => end,
                        Err(_) if eof => return Err(GiveUp),
                        Err(resume) => {
                            // Back to the quote once more text has come.
                            self.string_resume = Some(base + resume);
                            break;
                        }
                    };
                    if self.depth == 1 && self.expect_key {
                        self.key_is_reports = &buf[i + 1..end] == b"reports";
                        self.expect_key = false;
                    } else {
                        self.value_starts(base + i);
                    }
                    i = end + 1;
                    continue;
                }
                b'{' | b'[' => {
                    if self.depth == 0 && b != b'{' {
                        return Err(GiveUp);
                    }
                    if self.depth == 1 && b == b'[' && self.key_is_reports {
                        if self.open.is_some() {
                            return Err(GiveUp);
                        }
                        self.open = Some(base + i);
                        self.in_reports = true;
                    } else {
                        self.value_starts(base + i);
                    }
                    self.depth += 1;
                    if self.depth == 1 {
                        self.expect_key = true;
                    }
                }
                b'}' | b']' => {
                    self.depth = self.depth.checked_sub(1).ok_or(GiveUp)?;
                    if self.in_reports && self.depth == 1 {
                        if b != b']' {
                            return Err(GiveUp);
                        }
                        match self.start.take() {
                            Some(s) => self.push(s..base + i, reports),
                            // `[]` is fine, `[{…},]` is not.
                            None if self.found > 0 => return Err(GiveUp),
                            None => {}
                        }
                        self.close = Some(base + i);
                        self.in_reports = false;
                    }
                    if self.depth == 0 {
                        self.done = true;
                    }
                }
                b',' => {
                    if self.depth == 1 {
                        self.expect_key = true;
                    } else if self.in_reports && self.depth == 2 {
                        let s = self.start.take().ok_or(GiveUp)?;
                        self.push(s..base + i, reports);
                    }
                }
                _ => {
                    if self.depth == 0 {
                        return Err(GiveUp);
                    }
                    self.value_starts(base + i);
                }
            }
            i += 1;
        }
        self.pos = base + i;
        if eof && !self.done {
            return Err(GiveUp);
        }
        Ok(())
    }

    /// A value begins at `at`; inside the reports array it may begin a report.
    fn value_starts(&mut self, at: usize) {
        if self.in_reports && self.depth == 2 && self.start.is_none() {
            self.start = Some(at);
        }
    }

    fn push(&mut self, range: Range<usize>, reports: &mut Vec<Range<usize>>) {
        self.found += 1;
        reports.push(range);
    }
}

/// The offset of the first byte from `from` on that is not a space, eight
/// bytes at a time.
fn skip_spaces(bytes: &[u8], mut from: usize) -> usize {
    const SPACES: [u8; 8] = [b' '; 8];
    while bytes.get(from..from + 8) == Some(&SPACES) {
        from += 8;
    }
    while bytes.get(from) == Some(&b' ') {
        from += 1;
    }
    from
}

/// The offset of the quote that ends the string whose contents are searched
/// from `from` (just after the opening quote, or where an earlier search of
/// the same string stopped). `Err` holds where to go on from once more text
/// has come: the end of the text, or a backslash whose escaped character is
/// not there yet.
fn string_end(bytes: &[u8], mut from: usize) -> Result<usize, usize> {
    loop {
        let rest = bytes.get(from..).unwrap_or_default();
        let Some(found) = memchr::memchr2(b'"', b'\\', rest) else {
            return Err(bytes.len().max(from));
        };
        let at = from + found;
        if bytes[at] == b'"' {
            return Ok(at);
        }
        if at + 1 >= bytes.len() {
            return Err(at);
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
/// progress bar to move smoothly and for the cores to share the work evenly.
const CHUNK_BYTES: usize = 1 << 20;

/// How much text is read at a time.
const BLOCK_BYTES: usize = 256 << 10;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the streamed parse of one file came to.
pub(super) enum Outcome {
    /// The whole file was parsed: the dataset without its reports (those went
    /// to `deliver`), and the validation issues of every report.
    Parsed { head: Dataset, issues: Vec<Issue> },
    /// The file needs the ordinary parse, which says what is wrong with it;
    /// the first `delivered` reports were handed over already.
    GaveUp { delivered: usize },
}

/// One chunk of consecutive reports, on its way to a worker.
struct Job {
    /// The chunk's place among the file's chunks.
    index: usize,
    /// The index of its first report in the file.
    first: usize,
    text: Vec<u8>,
    /// Each report's bytes within `text`.
    ranges: Vec<Range<usize>>,
}

/// The reports of one chunk, parsed and validated.
struct ChunkResult {
    reports: Vec<Report>,
    issues: Vec<Issue>,
    bytes: usize,
}

/// Parses and validates a dataset read from `reader`, in chunks of reports
/// parsed on every core while the next ones are read, so that the text is
/// never held whole. Reports go to `deliver` in file order as soon as they
/// and every report before them are parsed, until a validation error is
/// found; the progress counts of a parse that gave up are taken back.
pub(super) fn parse(
    reader: &mut dyn Read,
    len: u64,
    tracker: &Tracker<'_>,
    deliver: &mut dyn FnMut(Vec<Report>),
) -> io::Result<Outcome> {
    // A worker per core, but no more than there will be chunks.
    let chunks = usize::try_from(len / CHUNK_BYTES as u64).unwrap_or(usize::MAX);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(chunks.saturating_add(1));
    // A bounded queue: reading never runs far ahead of parsing.
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(threads);
    // Only the workers hold the queue's end: should they all die, sending
    // fails and the reader stops, rather than wait for ever.
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::channel::<(usize, Option<ChunkResult>)>();
    let stop = AtomicBool::new(false);
    let mut order = InOrder::new(deliver);
    let read = std::thread::scope(|s| {
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (job_rx, stop) = (Arc::clone(&job_rx), &stop);
            s.spawn(move || {
                while let Some(job) = job_rx.lock().ok().and_then(|rx| rx.recv().ok()) {
                    if stop.load(Ordering::Relaxed) {
                        // Drain the queue, so that the reader never waits on it.
                        continue;
                    }
                    let result = parse_chunk(&job);
                    if let Some(r) = &result {
                        tracker.add(r.bytes, r.reports.len());
                    } else {
                        stop.store(true, Ordering::Relaxed);
                    }
                    if done_tx.send((job.index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        drop(job_rx);
        let read = read_chunks(
            reader,
            &job_tx,
            &stop,
            |index, result| {
                order.accept(index, result);
            },
            &done_rx,
        );
        if !matches!(read, Ok(Some(_))) {
            stop.store(true, Ordering::Relaxed);
        }
        drop(job_tx);
        for (index, result) in done_rx.iter() {
            order.accept(index, result);
        }
        read
    });
    let give_up = |order: InOrder<'_>| {
        tracker.take_back(order.bytes, order.reports);
        Outcome::GaveUp {
            delivered: order.delivered,
        }
    };
    let Some((envelope, total, chunks)) = read? else {
        return Ok(give_up(order));
    };
    if order.failed || order.next != chunks {
        return Ok(give_up(order));
    }
    // The dataset without its reports, parsed on its own: the other fields,
    // unknown fields, and everything around the reports array.
    let head = simdutf8::basic::from_utf8(&envelope)
        .ok()
        .and_then(|text| serde_json::from_str::<Dataset>(text).ok());
    let Some(head) =
        head.filter(|d| SCHEMA_VERSIONS_READ.contains(&d.schema_version) && d.reports.is_empty())
    else {
        return Ok(give_up(order));
    };
    // The envelope's bytes count too, so that the bar ends at 100 %.
    tracker.add(total.saturating_sub(order.bytes), 0);
    Ok(Outcome::Parsed {
        head,
        issues: order.issues,
    })
}

/// Reads the text block by block, scans it for reports and sends them to the
/// workers in chunks, taking in finished chunks as they come. Returns the
/// envelope (the text without the reports), the number of bytes read and of
/// chunks sent, or `None` when the scanner gave up or parsing stopped.
fn read_chunks(
    reader: &mut dyn Read,
    jobs: &mpsc::SyncSender<Job>,
    stop: &AtomicBool,
    mut accept: impl FnMut(usize, Option<ChunkResult>),
    done: &mpsc::Receiver<(usize, Option<ChunkResult>)>,
) -> io::Result<Option<(Vec<u8>, usize, usize)>> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK_BYTES + 2 * BLOCK_BYTES);
    // The offset of `buf[0]` in the text.
    let mut base = 0;
    let mut scanner = Scanner::default();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut head: Option<Vec<u8>> = None;
    let (mut first, mut index, mut total) = (0, 0, 0);
    let mut eof = false;
    while !eof {
        let n = reader.take(BLOCK_BYTES as u64).read_to_end(&mut buf)?;
        eof = n == 0;
        if total == 0 && buf.starts_with(BOM) {
            // Positions count from after a byte order mark.
            buf.drain(..BOM.len());
        }
        total += n;
        if scanner.done {
            continue;
        }
        if scanner.scan(&buf, base, eof, &mut ranges).is_err() {
            return Ok(None);
        }
        if let (None, Some(open)) = (&head, scanner.open) {
            head = Some(buf[..=open - base].to_vec());
        }
        let pending = match (ranges.first(), ranges.last()) {
            (Some(a), Some(b)) => b.end - a.start,
            _ => 0,
        };
        if pending > 0 && (pending >= CHUNK_BYTES || scanner.close.is_some()) {
            let cut = ranges.last().map_or(base, |r| r.end);
            let mut text =
                std::mem::replace(&mut buf, Vec::with_capacity(CHUNK_BYTES + 2 * BLOCK_BYTES));
            buf.extend_from_slice(&text[cut - base..]);
            text.truncate(cut - base);
            let job = Job {
                index,
                first,
                text,
                ranges: ranges
                    .drain(..)
                    .map(|r| r.start - base..r.end - base)
                    .collect(),
            };
            first += job.ranges.len();
            index += 1;
            base = cut;
            if jobs.send(job).is_err() {
                return Ok(None);
            }
        }
        for (i, result) in done.try_iter() {
            accept(i, result);
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
    }
    let (Some(mut envelope), Some(close)) = (head, scanner.close) else {
        return Ok(None);
    };
    envelope.extend_from_slice(&buf[close - base..]);
    Ok(Some((envelope, total, index)))
}

/// Takes chunks as they finish, in any order, and hands their reports on in
/// file order.
struct InOrder<'d> {
    deliver: &'d mut dyn FnMut(Vec<Report>),
    /// The next chunk to hand on.
    next: usize,
    waiting: BTreeMap<usize, Option<ChunkResult>>,
    issues: Vec<Issue>,
    /// A chunk did not parse.
    failed: bool,
    /// A chunk has a validation error: reports after it are not handed on.
    errors: bool,
    delivered: usize,
    /// Bytes and reports of every parsed chunk, as the tracker counted them.
    bytes: usize,
    reports: usize,
}

impl<'d> InOrder<'d> {
    fn new(deliver: &'d mut dyn FnMut(Vec<Report>)) -> Self {
        Self {
            deliver,
            next: 0,
            waiting: BTreeMap::new(),
            issues: Vec::new(),
            failed: false,
            errors: false,
            delivered: 0,
            bytes: 0,
            reports: 0,
        }
    }

    fn accept(&mut self, index: usize, result: Option<ChunkResult>) {
        if let Some(r) = &result {
            self.bytes += r.bytes;
            self.reports += r.reports.len();
        }
        self.waiting.insert(index, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            self.next += 1;
            let Some(chunk) = result else {
                self.failed = true;
                continue;
            };
            if self.failed {
                continue;
            }
            self.errors |= chunk.issues.iter().any(|i| i.severity == Severity::Error);
            self.issues.extend(chunk.issues);
            if !self.errors {
                self.delivered += chunk.reports.len();
                (self.deliver)(chunk.reports);
            }
        }
    }
}

fn parse_chunk(job: &Job) -> Option<ChunkResult> {
    let text = simdutf8::basic::from_utf8(&job.text).ok()?;
    let mut parsed = Vec::with_capacity(job.ranges.len());
    let mut size = 0;
    for range in &job.ranges {
        size += range.len();
        parsed.push(serde_json::from_str::<Report>(text.get(range.clone())?).ok()?);
    }
    let issues = validate::validate_reports(job.first, &parsed);
    Some(ChunkResult {
        reports: parsed,
        issues,
        bytes: size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reports, the opening and the closing bracket, with the text fed
    /// to the scanner `step` bytes at a time.
    fn layout_in_steps(text: &str, step: usize) -> Option<(Vec<&str>, usize, usize)> {
        let bytes = text.as_bytes();
        let mut scanner = Scanner::default();
        let mut ranges = Vec::new();
        let mut end = 0;
        loop {
            end = (end + step).min(bytes.len());
            let eof = end == bytes.len();
            scanner.scan(&bytes[..end], 0, eof, &mut ranges).ok()?;
            if eof {
                break;
            }
        }
        let reports = ranges.iter().map(|r| text[r.clone()].trim_end()).collect();
        Some((reports, scanner.open?, scanner.close?))
    }

    /// The same, checking that every way of cutting the text agrees.
    fn layout(text: &str) -> Option<(Vec<&str>, usize, usize)> {
        let whole = layout_in_steps(text, text.len().max(1));
        for step in 1..8 {
            assert_eq!(
                layout_in_steps(text, step),
                whole,
                "{text} in steps of {step}"
            );
        }
        whole
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
    fn strings_longer_than_a_block_with_escapes_at_every_cut_are_skipped_whole() {
        let long = "整改\\\\\\\"]},\\n".repeat(40);
        let text = format!(r#"{{"name": "{long}", "reports": [{{"t": "{long}"}}, {{"t": "]"}}]}}"#);
        let (reports, _, close) = layout(&text).unwrap();
        assert_eq!(
            reports,
            vec![format!(r#"{{"t": "{long}"}}"#).as_str(), r#"{"t": "]"}"#]
        );
        assert_eq!(close, text.len() - 2);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["reports"].as_array().map(Vec::len), Some(2));
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
            "",
        ] {
            assert_eq!(layout(text), None, "{text}");
        }
    }

    fn parse_text(text: &[u8]) -> (Option<Dataset>, Vec<Report>) {
        let tracker_calls = |_: Progress| {};
        let tracker = Tracker::new(text.len() as u64, &tracker_calls);
        let mut delivered = Vec::new();
        let outcome = parse(&mut &text[..], text.len() as u64, &tracker, &mut |batch| {
            delivered.extend(batch)
        })
        .unwrap();
        match outcome {
            Outcome::Parsed { head, issues } => {
                assert!(issues.is_empty(), "{issues:?}");
                (Some(head), delivered)
            }
            Outcome::GaveUp { .. } => (None, delivered),
        }
    }

    #[test]
    fn streamed_reports_come_in_file_order_and_equal_the_plain_parse() {
        // About 3 MiB: several chunks, read in many blocks.
        let bytes = crate::generate::to_vec(64, 11);
        let plain: Dataset = serde_json::from_slice(&bytes).unwrap();
        let (head, reports) = parse_text(&bytes);
        let head = head.unwrap();
        assert_eq!(head.name, plain.name);
        assert!(head.reports.is_empty());
        assert_eq!(reports, plain.reports);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(crate::generate::to_vec(2, 1));
        let (head, reports) = parse_text(&bytes);
        assert!(head.is_some());
        assert_eq!(reports.len(), 2);
    }

    #[test]
    fn a_broken_report_gives_up_after_handing_on_those_before_it() {
        let mut text = String::from_utf8(crate::generate::to_vec(64, 5)).unwrap();
        let at = text.rfind("\"issuer\"").unwrap();
        text.replace_range(at..at + 8, "\"issuer\" 1,");
        let (head, reports) = parse_text(text.as_bytes());
        assert!(head.is_none());
        assert!(reports.len() < 64, "{}", reports.len());
        let plain: Dataset = serde_json::from_slice(&crate::generate::to_vec(64, 5)).unwrap();
        assert_eq!(reports[..], plain.reports[..reports.len()]);
    }
}
