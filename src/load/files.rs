//! Reading the inputs the command line names: files, directories, standard
//! input and the bundled data, each kept as bytes or as a file to stream.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::{STDIN_NAME, whole_file};
use crate::diagnostic::Diagnostic;

/// The inputs the paths name (with none, the bundled data); those that cannot
/// be read become diagnostics.
pub(super) fn inputs_of(
    paths: &[PathBuf],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Input<'static>> {
    if paths.is_empty() {
        return crate::bundled::files()
            .iter()
            .map(|(name, text)| Input::in_memory(name, text.as_bytes()))
            .collect();
    }
    let mut inputs = Vec::new();
    for path in paths {
        read_path(path, &mut inputs, diagnostics);
    }
    inputs
}

/// One input, with the name diagnostics give it.
pub(super) struct Input<'a> {
    pub(super) name: String,
    pub(super) source: Source<'a>,
}

/// Where an input's bytes are.
pub(super) enum Source<'a> {
    /// In memory: standard input, the bundled data, a text given by a test.
    Bytes(Cow<'a, [u8]>),
    /// A regular file, opened when its turn comes and read as it is parsed.
    File { path: PathBuf, len: u64 },
}

impl<'a> Input<'a> {
    /// Bytes already in memory, under a name.
    pub(super) fn in_memory(name: &str, bytes: &'a [u8]) -> Self {
        Self {
            name: name.to_owned(),
            source: Source::Bytes(Cow::Borrowed(bytes)),
        }
    }

    /// Bytes in all, for the progress bar.
    pub(super) fn len(&self) -> u64 {
        match &self.source {
            Source::Bytes(bytes) => bytes.len() as u64,
            Source::File { len, .. } => *len,
        }
    }

    /// Opens the input for parsing: one file open at a time, however many
    /// files a directory holds. A file's reading fails once `cancel` is set.
    pub(super) fn open<'o>(&'o self, cancel: Option<&'o AtomicBool>) -> io::Result<Opened<'o>> {
        match &self.source {
            Source::Bytes(bytes) => Ok(Opened::Bytes(bytes)),
            Source::File { path, .. } => File::open(path).map(|file| Opened::File(file, cancel)),
        }
    }
}

/// An input being parsed. A file stays open until it is done, so that
/// reading it again to place an error reads the same file, even if an editor
/// has meanwhile saved a new one under its name.
pub(super) enum Opened<'a> {
    Bytes(&'a [u8]),
    File(File, Option<&'a AtomicBool>),
}

impl Opened<'_> {
    /// The text from its first byte, streamed.
    pub(super) fn reader(&mut self) -> io::Result<Box<dyn Read + '_>> {
        match self {
            Self::Bytes(bytes) => Ok(Box::new(*bytes)),
            Self::File(file, cancel) => {
                file.seek(SeekFrom::Start(0))?;
                Ok(Box::new(Cancellable {
                    inner: &*file,
                    cancel: *cancel,
                }))
            }
        }
    }

    /// The whole text, read again from the start for a file.
    pub(super) fn read_all(&mut self) -> io::Result<Cow<'_, [u8]>> {
        match self {
            Self::Bytes(bytes) => Ok(Cow::Borrowed(bytes)),
            Self::File(file, cancel) => {
                let mut bytes = Vec::new();
                file.seek(SeekFrom::Start(0))?;
                Cancellable {
                    inner: &*file,
                    cancel: *cancel,
                }
                .read_to_end(&mut bytes)?;
                Ok(Cow::Owned(bytes))
            }
        }
    }
}

/// A reader that fails once its load is cancelled, so that a load no one waits
/// for any more stops at the next block rather than read a huge file to the end.
struct Cancellable<'c, R> {
    inner: R,
    cancel: Option<&'c AtomicBool>,
}

impl<R: Read> Read for Cancellable<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(io::Error::other("the load was cancelled"));
        }
        self.inner.read(buf)
    }
}

/// Reads a path given on the command line: a file, a directory or `-`.
pub(super) fn read_path(
    path: &Path,
    inputs: &mut Vec<Input<'static>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = path.display().to_string();
    if name == "-" {
        let mut bytes = Vec::new();
        match io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => inputs.push(Input {
                name: STDIN_NAME.to_owned(),
                source: Source::Bytes(Cow::Owned(bytes)),
            }),
            Err(e) => diagnostics.push(whole_file(
                STDIN_NAME,
                format!("cannot read standard input: {}", io_reason(&e)),
                None,
            )),
        }
        return;
    }
    if path.is_dir() {
        let (files, skipped) = match data_files_in(path) {
            Ok(found) => found,
            Err(e) => {
                diagnostics.push(whole_file(
                    &name,
                    format!("cannot read directory '{name}': {}", io_reason(&e)),
                    None,
                ));
                return;
            }
        };
        if files.is_empty() {
            diagnostics.push(whole_file(
                &name,
                format!("no data files in directory '{name}'"),
                Some(format!(
                    "a data directory holds data files directly inside it: {} (schema.json and ~$ lock files are skipped)",
                    crate::ledger::DATA_EXTENSIONS.map(|e| format!("*.{e}")).join(" ")
                )),
            ));
        } else if !skipped.is_empty() {
            let shown: Vec<String> = skipped.iter().take(5).cloned().collect();
            let more = if skipped.len() > 5 { " …" } else { "" };
            diagnostics.push(Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..whole_file(
                    &name,
                    format!(
                        "skipped {} file(s) that are not data: {}{more}",
                        skipped.len(),
                        shown.join(", ")
                    ),
                    Some("~$ files are Excel's lock files; other files are skipped by their extension or, for JSON, by their content".to_owned()),
                )
            });
        }
        for file in files {
            read_file(&file, inputs, diagnostics);
        }
        return;
    }
    read_file(path, inputs, diagnostics);
}

/// The data files directly inside a directory (JSON and ledgers), sorted by
/// name, without schema.json; and the other entries, skipped, each quoted
/// with why when its name does not say.
pub(super) fn data_files_in(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<String>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') || name == "schema.json" {
            continue;
        }
        if path.is_dir() {
            skipped.push(format!("'{name}/' (a sub-directory: name it to read it)"));
            continue;
        }
        if !path.is_file() {
            continue;
        }
        if !is_data_file(&name) {
            skipped.push(format!("'{name}'"));
            continue;
        }
        match json_kind(&path) {
            JsonKind::Data => files.push(path),
            JsonKind::Schema => skipped.push(format!("'{name}' (a JSON Schema)")),
            JsonKind::Other => skipped.push(format!("'{name}' (JSON, but no \"reports\" in it)")),
        }
    }
    files.sort();
    skipped.sort();
    Ok((files, skipped))
}

/// What a file in a data directory is, by its first bytes: zhenggai data,
/// a JSON Schema, or some other JSON (package.json); ledgers are data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonKind {
    Data,
    Schema,
    Other,
}

/// Looks at the start of a `.json` file for the keys of zhenggai data; a file
/// that cannot be read is left to the loader to report.
fn json_kind(path: &Path) -> JsonKind {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return JsonKind::Data;
    }
    let mut head = vec![0; 64 * 1024];
    let Ok(n) = File::open(path).and_then(|mut f| f.read(&mut head)) else {
        return JsonKind::Data;
    };
    let head = &head[..n];
    let has = |key: &[u8]| memchr::memmem::find(head, key).is_some();
    if has(b"\"$schema\"") {
        JsonKind::Schema
    } else if has(b"\"reports\"") || has(b"\"schema_version\"") || n == 0 {
        JsonKind::Data
    } else {
        JsonKind::Other
    }
}

/// True for a name zhenggai reads as data: JSON or a ledger, and not an
/// Excel or WPS lock file (~$台账.xlsx).
pub fn is_data_file(name: &str) -> bool {
    let data = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            crate::ledger::DATA_EXTENSIONS
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        });
    data && !name.starts_with("~$")
}

pub(super) fn read_file(
    path: &Path,
    inputs: &mut Vec<Input<'static>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let name = path.display().to_string();
    let source = std::fs::metadata(path).and_then(|metadata| {
        if metadata.is_file() {
            let len = metadata.len();
            Ok(Source::File {
                path: path.to_owned(),
                len,
            })
        } else {
            // A pipe or a device cannot be read twice: keep its bytes.
            std::fs::read(path).map(|bytes| Source::Bytes(Cow::Owned(bytes)))
        }
    });
    match source {
        Ok(source) => inputs.push(Input { name, source }),
        Err(e) => diagnostics.push(cannot_read(&name, &e)),
    }
}

/// The whole text of an opened input, to place what is wrong in it; a
/// failed read becomes a diagnostic.
pub(super) fn read_again<'o>(
    opened: &'o mut Opened<'_>,
    name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cow<'o, [u8]>> {
    opened
        .read_all()
        .map_err(|e| diagnostics.push(cannot_read(name, &e)))
        .ok()
}

pub(super) fn cannot_read(name: &str, e: &io::Error) -> Diagnostic {
    whole_file(
        name,
        format!("cannot read '{name}': {}", io_reason(e)),
        None,
    )
}

/// A short lower-case reason for an I/O error, without the OS error number.
pub(super) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        io::ErrorKind::InvalidData => "invalid data".to_owned(),
        _ => {
            // The OS message with its " (os error N)" suffix removed.
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
            let mut chars = text.chars();
            chars
                .next()
                .map_or(text.clone(), |c| c.to_lowercase().chain(chars).collect())
        }
    }
}
