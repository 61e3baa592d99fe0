//! Writing an output file safely: never through a symbolic link, never over a
//! device, pipe, directory or socket, whole or not at all (a temporary file
//! beside it, synced and renamed), and no temporary left behind by an error,
//! SIGINT or SIGTERM; stale temporaries of earlier runs are removed.
//!
//! `import`, `generate` and `snapshot -o` write through [`OutputFile`].

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// What marks a temporary file as ours: `.OUT.json.zhenggai-tmp-PID`.
const TMP_MARK: &str = ".zhenggai-tmp-";

/// Why an output file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output exists and `--force` was not given.
    #[error("'{path}' already exists; pass --force to overwrite it")]
    Exists {
        /// The output as the user named it.
        path: String,
    },
    /// A symbolic link is at the output path and `--force` was not given.
    #[error(
        "'{path}' is a symbolic link (to '{target}'); pass --force to replace the link itself \
         (what it points to is left alone)"
    )]
    Symlink {
        /// The output as the user named it.
        path: String,
        /// Where the link points.
        target: String,
    },
    /// The output exists and is not a regular file: never replaced.
    #[error("'{path}' is {what}, not a regular file: refusing to replace it, even with --force")]
    NotRegular {
        /// The output as the user named it.
        path: String,
        /// What it is: "a directory", "a character device"…
        what: &'static str,
    },
    /// Reading, writing or renaming failed.
    #[error("cannot {action} '{path}': {reason}")]
    Io {
        /// What was being done: "write", "create a temporary file beside"…
        action: &'static str,
        /// The file concerned.
        path: String,
        /// The system's reason, without the error code.
        reason: Reason,
    },
}

/// A path as messages show it: escaped, so that a name holding a newline or
/// an escape sequence can neither forge a line nor steer the terminal.
fn shown(path: &Path) -> String {
    crate::sanitize::escape(&path.display().to_string()).into_owned()
}

/// An I/O error shown as its message alone ("Permission denied").
#[derive(Debug)]
pub struct Reason(pub io::Error);

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string();
        // "Permission denied (os error 13)": the number helps no one.
        let text = match text.rfind(" (os error ") {
            Some(at) if text.ends_with(')') => &text[..at],
            _ => text.as_str(),
        };
        f.write_str(text)
    }
}

impl OutputError {
    fn io(action: &'static str, path: &Path, e: io::Error) -> Self {
        Self::Io {
            action,
            path: shown(path),
            reason: Reason(e),
        }
    }
}

/// An output file being written: bytes go to a temporary beside it until
/// [`OutputFile::commit`] renames it into place. Dropped without a commit, the
/// temporary is removed.
pub struct OutputFile {
    path: PathBuf,
    tmp: PathBuf,
    force: bool,
    file: Option<BufWriter<File>>,
    /// The temporary has been renamed into place.
    placed: bool,
}

impl OutputFile {
    /// Checks the output path, removes stale temporaries of earlier runs for it,
    /// and creates this run's temporary. Without `force` an existing file or
    /// symbolic link (even a dangling one) is refused; with it, a regular file
    /// or a link is replaced, never written through; anything else is refused.
    pub fn create(path: &Path, force: bool) -> Result<Self, OutputError> {
        let existing = check(path, force)?;
        let dir = directory_of(path);
        let name = path
            .file_name()
            .ok_or_else(|| OutputError::NotRegular {
                path: shown(path),
                what: "a path without a file name",
            })?
            .to_string_lossy()
            .into_owned();
        remove_stale(&dir, &name);
        let tmp = dir.join(format!(".{name}{TMP_MARK}{}", std::process::id()));
        cleanup::install();
        // Registered before it exists, so that a signal during the creation
        // still removes it.
        cleanup::register(&tmp);
        let file = OpenOptions::new()
            .write(true)
            // O_EXCL: never opens an existing file, nor follows a link.
            .create_new(true)
            .open(&tmp)
            .map_err(|e| {
                cleanup::unregister(&tmp);
                OutputError::io("create a temporary file in", &dir, e)
            })?;
        // A replaced file keeps its permissions.
        if let Some(metadata) = existing.filter(|m| m.is_file()) {
            let _ = fs::set_permissions(&tmp, metadata.permissions());
        }
        Ok(Self {
            path: path.to_owned(),
            tmp,
            force,
            file: Some(BufWriter::new(file)),
            placed: false,
        })
    }

    /// Writes `bytes` to `path` whole, as [`OutputFile::create`] and
    /// [`OutputFile::commit`] do.
    pub fn write_whole(path: &Path, bytes: &[u8], force: bool) -> Result<(), OutputError> {
        Self::create(path, force)?.commit_with(bytes)
    }

    /// Writes `bytes` and commits.
    pub fn commit_with(mut self, bytes: &[u8]) -> Result<(), OutputError> {
        self.write_all(bytes)
            .map_err(|e| OutputError::io("write", &self.path, e))?;
        self.commit()
    }

    /// The error for a failed write, naming the output.
    pub fn write_error(&self, e: io::Error) -> OutputError {
        OutputError::io("write", &self.path, e)
    }

    /// Flushes and syncs the temporary and renames it over the output path.
    /// The path is checked again first, so that what appeared there meanwhile
    /// is not replaced unless `force` allows it.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let Some(writer) = self.file.take() else {
            return Ok(());
        };
        let file = writer
            .into_inner()
            .map_err(|e| OutputError::io("write", &self.path, e.into_error()))?;
        file.sync_all()
            .map_err(|e| OutputError::io("write", &self.path, e))?;
        drop(file);
        check(&self.path, self.force)?;
        // Holding the list while renaming: a signal either removes the
        // temporary before the rename or finds it gone from the list after.
        let placed = cleanup::while_locked(|temporaries| {
            let placed = if self.force {
                fs::rename(&self.tmp, &self.path)
            } else {
                place_new(&self.tmp, &self.path)
            };
            temporaries.retain(|t| t != &self.tmp);
            placed
        });
        match placed {
            Ok(()) => {
                self.placed = true;
                // The rename itself survives a crash once the directory is synced.
                if let Ok(dir) = File::open(directory_of(&self.path)) {
                    let _ = dir.sync_all();
                }
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(OutputError::Exists {
                path: shown(&self.path),
            }),
            Err(e) => Err(OutputError::io("write", &self.path, e)),
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(io::Error::other("the output file is already committed")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.write_all(buf),
            None => Err(io::Error::other("the output file is already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        self.file = None;
        if !self.placed {
            let _ = fs::remove_file(&self.tmp);
        }
        cleanup::unregister(&self.tmp);
    }
}

/// Whether `path` may be written: returns what is there now, if anything.
fn check(path: &Path, force: bool) -> Result<Option<fs::Metadata>, OutputError> {
    let shown = || self::shown(path);
    // symlink_metadata: a link is looked at itself, not what it points to.
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(OutputError::io("look at", path, e)),
    };
    let kind = metadata.file_type();
    if kind.is_symlink() {
        if force {
            return Ok(Some(metadata));
        }
        let target = fs::read_link(path).map_or_else(|_| "?".into(), |t| self::shown(&t));
        return Err(OutputError::Symlink {
            path: shown(),
            target,
        });
    }
    if !kind.is_file() {
        return Err(OutputError::NotRegular {
            path: shown(),
            what: describe(&kind),
        });
    }
    if force {
        Ok(Some(metadata))
    } else {
        Err(OutputError::Exists { path: shown() })
    }
}

/// What a file that is not a regular file is, in words.
fn describe(kind: &fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Puts `tmp` at `path` only if nothing is there: a hard link fails atomically
/// when `path` exists. Where hard links are not supported, the check made just
/// before is the best there is.
fn place_new(tmp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(tmp, path) {
        Ok(()) => fs::remove_file(tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => fs::rename(tmp, path),
    }
}

/// The directory a path is in; `.` for a bare file name.
fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Removes this output's temporaries left by runs that were killed (SIGKILL,
/// a power cut): those whose process is gone, and one with this process's
/// own id, which can only be left over from an earlier process of that id.
fn remove_stale(dir: &Path, name: &str) {
    let prefix = format!(".{name}{TMP_MARK}");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && (pid == std::process::id() || !alive(pid, &entry.path())) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that made `tmp` may still be writing it. Where there
/// is no /proc to ask, a temporary untouched for a day is taken to be stale.
fn alive(pid: u32, tmp: &Path) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = fs::metadata(tmp)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age.as_secs() < 24 * 60 * 60)
}

/// The temporaries being written, and the signal handler that removes them.
mod cleanup {
    use super::{Mutex, OnceLock, Path, PathBuf, fs};

    static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static INSTALLED: OnceLock<()> = OnceLock::new();

    /// Starts, once, a thread that on SIGINT, SIGTERM or SIGHUP removes the
    /// temporaries and then ends the process as the signal would have.
    pub(super) fn install() {
        INSTALLED.get_or_init(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            // Without the handler a signal still ends the process; only the
            // temporary would be left, for the next run to remove.
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    while_locked(|temporaries| {
                        for tmp in temporaries.drain(..) {
                            let _ = fs::remove_file(tmp);
                        }
                    });
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    // Only reached for a signal whose default is to be ignored.
                    std::process::exit(128 + signal);
                }
            });
        });
    }

    /// Runs `f` on the list of temporaries, holding it.
    pub(super) fn while_locked<T>(f: impl FnOnce(&mut Vec<PathBuf>) -> T) -> T {
        let mut guard = TEMPORARIES
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    pub(super) fn register(tmp: &Path) {
        while_locked(|t| t.push(tmp.to_owned()));
    }

    pub(super) fn unregister(tmp: &Path) {
        while_locked(|t| t.retain(|p| p != tmp));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temporaries_in(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(TMP_MARK))
            .collect()
    }

    #[test]
    fn writes_a_new_file_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        OutputFile::write_whole(&out, b"{}\n", false).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"{}\n");
        assert!(temporaries_in(dir.path()).is_empty());
    }

    #[test]
    fn an_existing_file_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        fs::write(&out, "old").unwrap();
        let e = OutputFile::write_whole(&out, b"new", false).unwrap_err();
        assert!(matches!(e, OutputError::Exists { .. }), "{e}");
        assert_eq!(fs::read(&out).unwrap(), b"old");
        OutputFile::write_whole(&out, b"new", true).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"new");
        assert!(temporaries_in(dir.path()).is_empty());
    }

    #[test]
    fn a_directory_is_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let e = OutputFile::write_whole(dir.path(), b"x", true).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "'{}' is a directory, not a regular file: refusing to replace it, even with --force",
                dir.path().display()
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_needs_force_and_then_the_link_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let target = dir.path().join("nowhere.json");
        std::os::unix::fs::symlink(&target, &out).unwrap();
        let e = OutputFile::write_whole(&out, b"x", false).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        OutputFile::write_whole(&out, b"x", true).unwrap();
        assert!(fs::symlink_metadata(&out).unwrap().is_file());
        assert!(!target.exists(), "nothing is written through the link");
    }

    #[test]
    fn an_uncommitted_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let mut file = OutputFile::create(&out, false).unwrap();
        file.write_all(b"half").unwrap();
        assert_eq!(temporaries_in(dir.path()).len(), 1);
        drop(file);
        assert!(temporaries_in(dir.path()).is_empty());
        assert!(!out.exists());
    }

    #[test]
    fn stale_temporaries_of_the_same_output_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        // No process has an id this large (the kernel's limit is 2^22).
        let stale = dir.path().join(format!(".out.json{TMP_MARK}4294967295"));
        let other = dir.path().join(format!(".other.json{TMP_MARK}4294967295"));
        let live = dir.path().join(format!(".out.json{TMP_MARK}1"));
        for f in [&stale, &other, &live] {
            fs::write(f, "x").unwrap();
        }
        OutputFile::write_whole(&out, b"x", false).unwrap();
        assert!(!stale.exists(), "a dead process's temporary is removed");
        assert!(other.exists(), "another output's temporary is left");
        assert!(live.exists(), "a live process's (init's) temporary is left");
    }

    #[test]
    fn reasons_drop_the_error_number() {
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(Reason(e).to_string(), "Permission denied");
    }
}
