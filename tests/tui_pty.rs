//! The real binary in a pseudo-terminal at 120x30: keys in, the screen read back
//! through a VT100 parser, and the terminal checked to be restored on the way out,
//! after `q` and after SIGTERM.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

const ROWS: u16 = 30;
const COLS: u16 = 120;
/// How long any one expectation may take: generous, since test machines can be busy.
const DEADLINE: Duration = Duration::from_secs(20);

const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// The dashboard running in a pseudo-terminal, with everything it printed so far.
struct Dashboard {
    /// Held so that the terminal stays open until the test ends.
    _master: Box<dyn MasterPty + Send>,
    slave: Box<dyn SlavePty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    parser: vt100::Parser,
}

impl Dashboard {
    /// Starts `zhenggai --as-of 2022-01-15` on the bundled data in a given locale.
    fn start(lang: &str) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_zhenggai"));
        cmd.args(["--as-of", "2022-01-15"]);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("LANG", lang);
        cmd.env("TERM", "xterm-256color");
        for var in ["LC_ALL", "LC_MESSAGES", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        let child = pair.slave.spawn_command(cmd).expect("the dashboard starts");
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Ends on EOF or EIO, once every holder of the terminal has closed it.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Self {
            _master: pair.master,
            slave: pair.slave,
            child,
            writer,
            output,
            raw: Vec::new(),
            parser: vt100::Parser::new(ROWS, COLS, 0),
        }
    }

    /// Takes in what the program printed, waiting at most `wait` for something.
    fn pump(&mut self, wait: Duration) {
        let mut next = self.output.recv_timeout(wait).ok();
        while let Some(bytes) = next {
            // Answer a cursor position query, as a terminal would.
            if bytes.windows(4).any(|w| w == b"\x1b[6n") {
                let _ = self.writer.write_all(b"\x1b[1;1R");
            }
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
            next = self.output.try_recv().ok();
        }
    }

    /// The screen as text.
    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `done`; fails with the screen after the deadline.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if done(&self.screen()) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; the screen shows:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("keys reach the terminal");
        self.writer.flush().expect("keys reach the terminal");
    }

    /// Waits for the program to end, reading its output meanwhile.
    fn wait_for_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                // What was written before the exit is in the terminal's buffer; read it all.
                let drained = Instant::now();
                while !ends_restored(&self.raw) && drained.elapsed() < DEADLINE {
                    self.pump(Duration::from_millis(50));
                }
                self.pump(Duration::from_millis(100));
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the dashboard did not exit; the screen shows:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// Runs `stty -a` in the same terminal, now that the dashboard is gone.
    fn stty(&mut self) -> String {
        let before = self.raw.len();
        let mut cmd = CommandBuilder::new("stty");
        cmd.arg("-a");
        let mut stty = self.slave.spawn_command(cmd).expect("stty -a starts");
        let start = Instant::now();
        while stty.try_wait().expect("stty's status").is_none() && start.elapsed() < DEADLINE {
            self.pump(Duration::from_millis(50));
        }
        self.pump(Duration::from_millis(200));
        String::from_utf8_lossy(&self.raw[before..]).into_owned()
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's process id")
    }
}

impl Drop for Dashboard {
    fn drop(&mut self) {
        // Never leave a dashboard behind when an assertion fails.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Whether the output ends with the terminal handed back: the alternate screen
/// left and the cursor shown after the last time the dashboard drew.
fn ends_restored(raw: &[u8]) -> bool {
    match (
        rfind(raw, LEAVE_ALT_SCREEN),
        rfind(raw, SHOW_CURSOR),
        rfind(raw, ENTER_ALT_SCREEN),
    ) {
        (Some(leave), Some(show), Some(enter)) => {
            leave > enter && show > rfind(raw, HIDE_CURSOR).unwrap_or(0) && show > enter
        }
        _ => false,
    }
}

/// Checks that the terminal was handed back: the output leaves the alternate
/// screen and shows the cursor after the dashboard's last frame, prints nothing
/// after that, and the emulated terminal agrees.
fn assert_restored(dashboard: &Dashboard) {
    let raw = &dashboard.raw;
    let enter = rfind(raw, ENTER_ALT_SCREEN).expect("the dashboard entered the alternate screen");
    let leave = rfind(raw, LEAVE_ALT_SCREEN).expect("the dashboard left the alternate screen");
    let show = rfind(raw, SHOW_CURSOR).expect("the dashboard showed the cursor");
    assert!(
        leave > enter,
        "the alternate screen is left after it was entered"
    );
    assert!(
        show > rfind(raw, HIDE_CURSOR).unwrap_or(0),
        "the cursor is shown after it was last hidden"
    );
    // The last frame is drawn before the restore: after it, only control sequences.
    let tail = String::from_utf8_lossy(&raw[leave.min(show)..]);
    let printed: String = strip_escapes(&tail)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        printed.is_empty(),
        "drawn after the terminal was restored: {printed:?}"
    );
    let screen = dashboard.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "the terminal is still on the alternate screen"
    );
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
}

/// Text with CSI and other escape sequences removed.
fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                // Parameters and intermediates, then one final byte in @..~.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                // OSC: up to BEL or ST.
                while let Some(c) = chars.next() {
                    if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Starts, shows the Overview and the Land tab's 849.56, opens a problem from the
/// Problems tab, quits with `q` (exit status 0), and leaves a restored terminal
/// that is back in cooked mode with echo.
#[test]
fn keys_drive_the_dashboard_and_q_restores_the_terminal() {
    let mut d = Dashboard::start("zh_CN.UTF-8");
    d.wait_for("the Overview", |s| {
        s.contains("▸ 1 总览") && s.contains("截至 2022-01-15")
    });

    d.press("4");
    d.wait_for("the Land tab with 849.56", |s| {
        s.contains("▸ 4 土地") && s.contains("849.56")
    });

    d.press("2");
    d.wait_for("the Problems tab", |s| {
        s.contains("▸ 2 问题") && s.contains("问题 · 1/8")
    });
    d.press("j");
    d.wait_for("the second row selected", |s| s.contains("问题 · 2/8"));
    d.press("\r");
    // A frame can arrive in pieces: wait for all of it, title, breadcrumb and hints.
    d.wait_for(
        "problem 8 opened, with its breadcrumb and the back key",
        |s| {
            s.contains("问题 8 · 内控机制不完善")
                && s.contains("› 问题 8")
                && s.contains("esc 返回")
        },
    );

    d.press("q");
    let status = d.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&d);
    let stty = d.stty();
    let flags: Vec<&str> = stty.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig"] {
        assert!(
            flags.contains(&flag),
            "{flag} is off after the dashboard:\n{stty}"
        );
    }
}

/// SIGTERM, sent with `kill` to the dashboard's process id, ends it without a
/// signal death and leaves the terminal restored.
#[test]
fn sigterm_ends_the_dashboard_and_restores_the_terminal() {
    let mut d = Dashboard::start("en_US.UTF-8");
    d.wait_for("the Overview", |s| {
        s.contains("▸ 1 Overview") && s.contains("as of 2022-01-15")
    });
    d.press("3");
    d.wait_for("the Amounts tab", |s| s.contains("▸ 3 Amounts"));

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &d.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = d.wait_for_exit();
    assert_eq!(
        status.signal(),
        None,
        "the dashboard died of the signal instead of handling it"
    );
    assert_restored(&d);
}

/// A hang-up (the terminal went away) ends the dashboard with the shell's code for
/// it, 128 + SIGHUP = 129, instead of leaving it running without a terminal.
#[test]
fn sighup_ends_the_dashboard_with_code_129() {
    let mut d = Dashboard::start("en_US.UTF-8");
    d.wait_for("the Overview", |s| s.contains("▸ 1 Overview"));
    let sent = std::process::Command::new("kill")
        .args(["-HUP", &d.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = d.wait_for_exit();
    assert_eq!(status.exit_code(), 129, "{status:?}");
}
