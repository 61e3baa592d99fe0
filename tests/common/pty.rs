//! The real binary in a pseudo-terminal, shared by the end-to-end tests: keys in,
//! the screen read back through a VT100 parser, the raw output kept.

// Each test binary uses part of the harness.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty, native_pty_system,
};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 120;
/// How long any one expectation may take: generous, since test machines can be busy.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
pub const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
pub const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
pub const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// The dashboard running in a pseudo-terminal, with everything it printed so far.
pub struct Dashboard {
    /// Held so that the terminal stays open until the test ends.
    _master: Box<dyn MasterPty + Send>,
    slave: Box<dyn SlavePty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub raw: Vec<u8>,
    pub parser: vt100::Parser,
    /// What the terminal answers, in this order, to the queries it is sent:
    /// by default the cursor position (`ESC [ 6 n`; one cell in from the
    /// left, where a narrow "·" leaves it) and the device attributes
    /// (`ESC [ c`), as xterm does, but not the background colour.
    pub answers: Vec<(&'static [u8], Vec<u8>)>,
}

impl Dashboard {
    /// Starts `zhenggai --as-of 2022-01-15 ARGS…` in a locale, with extra variables.
    pub fn start(lang: &str, args: &[&str], env: &[(&str, &str)]) -> Self {
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
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("LANG", lang);
        cmd.env("TERM", "xterm-256color");
        for var in ["LC_ALL", "LC_CTYPE", "LC_MESSAGES", "NO_COLOR"] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
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
            answers: vec![
                (b"\x1b[6n", b"\x1b[1;2R".to_vec()),
                (b"\x1b[c", b"\x1b[?62;22c".to_vec()),
            ],
        }
    }

    /// Takes in what the program printed, waiting at most `wait` for something.
    pub fn pump(&mut self, wait: Duration) {
        let mut next = self.output.recv_timeout(wait).ok();
        while let Some(bytes) = next {
            // Answer queries, as a terminal would.
            for (query, answer) in &self.answers {
                if bytes.windows(query.len()).any(|w| w == *query) {
                    let _ = self.writer.write_all(answer);
                }
            }
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
            next = self.output.try_recv().ok();
        }
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen satisfies `done`; fails with the screen after the deadline.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
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

    pub fn press(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("keys reach the terminal");
        self.writer.flush().expect("keys reach the terminal");
    }

    /// Waits for the program to end, reading its output meanwhile.
    pub fn wait_for_exit(&mut self) -> ExitStatus {
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
    pub fn stty(&mut self) -> String {
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

    pub fn pid(&self) -> u32 {
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

pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Whether the output ends with the terminal handed back: the alternate screen
/// left and the cursor shown after the last time the dashboard drew.
pub fn ends_restored(raw: &[u8]) -> bool {
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
