//! Output files through the real binary (`import`, `generate`, `snapshot -o`):
//! devices, pipes and directories are never replaced, even with --force; a
//! symbolic link needs --force and is then replaced itself, never written
//! through; an interrupted run leaves no temporary file, and a killed run's
//! temporary is removed by the next.

#![cfg(unix)]
// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::os::unix::fs::{FileTypeExt, symlink};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "en_US.UTF-8").env_remove("LC_ALL");
    cmd
}

fn report_text() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/three-levels.txt")
}

/// Makes a named pipe with mkfifo(1).
fn mkfifo(path: &Path) {
    let status = Std::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The names in `dir` that look like zhenggai's temporaries.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".zhenggai-tmp-"))
        .collect()
}

/// Waits until a temporary appears in `dir`.
fn wait_for_temporary(dir: &Path, child: &mut Child) {
    let start = Instant::now();
    while temporaries(dir).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the command ended before writing"
        );
        assert!(start.elapsed() < Duration::from_secs(20), "no temporary");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn kill(signal: &str, child: &Child) {
    let status = Std::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// `import -o FIFO --force` refuses, names the pipe, and leaves it a pipe
/// (what `-o /dev/null --force` run as root did to the device).
#[test]
fn import_force_refuses_a_named_pipe_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    zhenggai()
        .arg("import")
        .arg(report_text())
        .arg("-o")
        .arg(&fifo)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(contains(format!(
            "zhenggai import: '{}' is a named pipe (FIFO), not a regular file: refusing to replace it, even with --force",
            fifo.display()
        )));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(temporaries(dir.path()).is_empty());
}

/// A directory at the output path is refused with --force too.
#[test]
fn import_force_refuses_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("out.json");
    std::fs::create_dir(&sub).unwrap();
    zhenggai()
        .arg("import")
        .arg(report_text())
        .arg("-o")
        .arg(&sub)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(contains("is a directory, not a regular file"));
    assert!(sub.is_dir());
}

/// A dangling link counts as existing: without --force it is refused and
/// nothing is created where it points; with --force the link becomes the file.
#[test]
fn import_a_dangling_link_needs_force_and_is_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let target = dir.path().join("elsewhere.json");
    symlink(&target, &out).unwrap();
    zhenggai()
        .arg("import")
        .arg(report_text())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("is a symbolic link").and(contains("--force")));
    assert!(!target.exists());
    zhenggai()
        .arg("import")
        .arg(report_text())
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&out).unwrap().is_file());
    assert!(!target.exists(), "nothing written through the link");
}

/// `generate --force` over a link to another file replaces the link and
/// leaves that file as it was.
#[test]
fn generate_force_replaces_a_link_not_the_file_it_points_to() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let precious = dir.path().join("precious.json");
    std::fs::write(&precious, "keep me").unwrap();
    symlink(&precious, &out).unwrap();
    zhenggai()
        .args(["generate", "--reports", "1", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("is a symbolic link"));
    zhenggai()
        .args(["generate", "--reports", "1", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me");
    assert!(std::fs::symlink_metadata(&out).unwrap().is_file());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"reports\"")
    );
    assert!(temporaries(dir.path()).is_empty());
}

/// `generate --force` and `snapshot -o` (which always replaces a file) refuse
/// a named pipe too, and leave it a pipe.
#[test]
fn generate_and_snapshot_refuse_a_named_pipe() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("pipe", &["generate", "--reports", "1", "--force", "-o"][..]),
        ("shot.txt", &["snapshot", "--as-of", "2022-01-15", "-o"][..]),
    ] {
        let fifo = dir.path().join(name);
        mkfifo(&fifo);
        zhenggai()
            .args(args)
            .arg(&fifo)
            .assert()
            .code(2)
            .stderr(contains("is a named pipe (FIFO)"));
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "{args:?}"
        );
    }
}

/// The output may not be one of the inputs, even with --force.
#[test]
fn import_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("report.txt");
    std::fs::copy(report_text(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    zhenggai()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(contains("is also an input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

/// An `import` waiting on its standard input with its temporary made.
fn import_waiting(dir: &Path) -> Child {
    let mut child = Std::new(env!("CARGO_BIN_EXE_zhenggai"))
        .args(["import", "-", "-o"])
        .arg(dir.join("out.json"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_temporary(dir, &mut child);
    child
}

/// SIGTERM and SIGINT remove the temporary, and the process still dies of the signal.
#[test]
fn an_interrupted_import_leaves_no_temporary() {
    for (signal, number) in [("-TERM", 15), ("-INT", 2)] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = import_waiting(dir.path());
        // Held open until the end: `wait` would close it, and the end of the
        // input could race the signal.
        let _stdin = child.stdin.take();
        kill(signal, &child);
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(number), "{signal}: {status:?}");
        assert!(
            temporaries(dir.path()).is_empty(),
            "{signal} left {:?}",
            temporaries(dir.path())
        );
        assert!(!dir.path().join("out.json").exists());
    }
}

/// SIGKILL cannot be caught: the temporary stays, and the next run removes it.
#[test]
fn a_killed_imports_temporary_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = import_waiting(dir.path());
    kill("-KILL", &child);
    child.wait().unwrap();
    let left = temporaries(dir.path());
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(left[0].starts_with(".out.json.zhenggai-tmp-"), "{left:?}");
    zhenggai()
        .arg("import")
        .arg(report_text())
        .arg("-o")
        .arg(dir.path().join("out.json"))
        .assert()
        .success();
    assert!(temporaries(dir.path()).is_empty());
}

/// `generate` interrupted in the middle of writing leaves nothing.
#[test]
fn an_interrupted_generate_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Std::new(env!("CARGO_BIN_EXE_zhenggai"))
        .args(["generate", "--reports", "100000", "-o"])
        .arg(dir.path().join("big.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_temporary(dir.path(), &mut child);
    kill("-INT", &child);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(2), "{status:?}");
    assert!(temporaries(dir.path()).is_empty());
    assert!(!dir.path().join("big.json").exists());
}
