//! Job control in a pseudo-terminal: SIGTSTP (`kill -TSTP`) and Ctrl-Z hand the
//! terminal back (main screen, cursor shown, no mouse capture) and stop the
//! process; SIGCONT (`fg`) takes the terminal again and redraws the dashboard.

#![cfg(unix)]
// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::pty::*;
use vt100::MouseProtocolMode;

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "kill {signal} {pid}");
}

/// The process state letter from /proc: 'T' when stopped.
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The state follows the command name, which is in parentheses.
    let after = &stat[stat.rfind(')').unwrap() + 1..];
    after.trim_start().chars().next().unwrap()
}

/// Waits until the process is stopped, with the terminal handed back.
fn wait_until_stopped(d: &mut Dashboard) {
    let start = Instant::now();
    while state(d.pid()) != 'T' {
        assert!(
            start.elapsed() < DEADLINE,
            "the dashboard did not stop; the screen shows:\n{}",
            d.screen()
        );
        d.pump(Duration::from_millis(20));
    }
    // Everything written before the stop.
    d.pump(Duration::from_millis(200));
    let screen = d.parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor is still hidden");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "the mouse is still captured"
    );
}

/// Continues the process and waits for the dashboard to be drawn again.
fn continue_and_wait_for_redraw(d: &mut Dashboard) {
    let before = d.raw.len();
    kill("-CONT", d.pid());
    d.wait_for("the dashboard drawn again", |s| s.contains("▸ 1 Overview"));
    let screen = d.parser.screen();
    assert!(screen.alternate_screen(), "back on the alternate screen");
    assert_ne!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "the mouse is captured again"
    );
    assert!(
        d.raw[before..]
            .windows(ENTER_ALT_SCREEN.len())
            .any(|w| w == ENTER_ALT_SCREEN),
        "the alternate screen is entered again"
    );
}

/// `kill -TSTP` stops the dashboard with the terminal handed back; `kill -CONT`
/// redraws it, and it still answers keys and quits cleanly.
#[test]
fn sigtstp_hands_the_terminal_back_and_sigcont_redraws() {
    let mut d = Dashboard::start("en_US.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 Overview"));
    assert_ne!(
        d.parser.screen().mouse_protocol_mode(),
        MouseProtocolMode::None
    );

    kill("-TSTP", d.pid());
    wait_until_stopped(&mut d);
    assert!(
        !d.screen().contains("▸ 1 Overview"),
        "the main screen shows, not the dashboard"
    );

    continue_and_wait_for_redraw(&mut d);
    d.press("3");
    d.wait_for("the Problems tab", |s| s.contains("▸ 3 Problems"));
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// Ctrl-Z, which raw mode delivers as a key, suspends the same way.
#[test]
fn ctrl_z_suspends_like_in_a_shell() {
    let mut d = Dashboard::start("en_US.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 Overview"));
    d.press("\x1a");
    wait_until_stopped(&mut d);
    continue_and_wait_for_redraw(&mut d);
    d.press("q");
    assert!(d.wait_for_exit().success());
}
