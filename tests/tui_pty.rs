//! The real binary in a pseudo-terminal at 120x30: keys in, the screen read back
//! through a VT100 parser, and the terminal checked to be restored on the way out,
//! after `q` and after SIGTERM.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use common::pty::*;

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
    let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| {
        s.contains("▸ 1 总览") && s.contains("截至 2022-01-15")
    });

    d.press("6");
    d.wait_for("the Land tab with 849.56", |s| {
        s.contains("▸ 6 土地") && s.contains("849.56")
    });

    d.press("3");
    d.wait_for("the Problems tab", |s| {
        s.contains("▸ 3 问题") && s.contains("问题 · 1/8")
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
    let mut d = Dashboard::start("en_US.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| {
        s.contains("▸ 1 Overview") && s.contains("as of 2022-01-15")
    });
    d.press("5");
    d.wait_for("the Amounts tab", |s| s.contains("▸ 5 Amounts"));

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
    let mut d = Dashboard::start("en_US.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 Overview"));
    let sent = std::process::Command::new("kill")
        .args(["-HUP", &d.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = d.wait_for_exit();
    assert_eq!(status.exit_code(), 129, "{status:?}");
}

/// A large file fills the dashboard in while it loads; once it has all been
/// read, the header names the dataset and the table has every report.
#[test]
fn a_generated_file_fills_in_and_ends_with_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    std::fs::write(&file, zhenggai::generate::to_vec(150, 9)).unwrap();
    let mut d = Dashboard::start("en_US.UTF-8", &[file.to_str().unwrap()], &[]);
    d.wait_for("every report, under the dataset's name", |s| {
        s.contains("reports · 1/150 ") && s.contains("│ 150 reports │") && !s.contains("loading")
    });
    assert!(d.screen().contains("合成数据 150 份"), "{}", d.screen());
    d.press("q");
    let status = d.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_restored(&d);
}

/// A file cut off late, after many good reports: the dashboard keeps the
/// reports read before the error, says where the error is in a banner and
/// stays open; on `q` it ends with exit code 2, restores the terminal, and
/// then prints where the file ends (issue 15).
#[test]
fn a_file_cut_off_late_keeps_what_loaded_and_ends_with_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut.json");
    let bytes = zhenggai::generate::to_vec(120, 4);
    std::fs::write(&file, &bytes[..bytes.len() - 20_000]).unwrap();
    let mut d = Dashboard::start("en_US.UTF-8", &[file.to_str().unwrap()], &[]);
    d.wait_for("the reports read before the error, under a banner", |s| {
        s.contains("reports (read before this error) · ") && s.contains("cut.json:")
    });
    let screen = d.screen();
    let shown: usize = screen
        .lines()
        .find_map(|l| {
            l.split(" reports (read before this error)")
                .next()?
                .rsplit(' ')
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or_else(|| panic!("no count in the banner:\n{screen}"));
    assert!((1..120).contains(&shown), "{shown} of 120 shown:\n{screen}");
    assert!(
        screen.contains(&format!("reports · 1/{shown} ")),
        "{screen}"
    );
    d.press("q");
    let status = d.wait_for_exit();
    assert_eq!(status.exit_code(), 2, "{status:?}");
    let leave = rfind(&d.raw, LEAVE_ALT_SCREEN).expect("the alternate screen was left");
    let after = String::from_utf8_lossy(&d.raw[leave..]);
    assert!(
        after.contains("cut.json:") && after.contains("the file ends in the middle of a character"),
        "{after}"
    );
    assert!(
        after.contains(&format!(
            "the dashboard showed the {shown} reports read before the error"
        )),
        "{after}"
    );
    assert!(!d.parser.screen().alternate_screen());
}

/// A data file whose titles hold OSC 0 (pane title) and OSC 52 (clipboard)
/// sequences: the dashboard shows them as ␛ stand-ins, never emits them, and
/// `y` copies the selection through its own OSC 52 with the text escaped.
#[test]
fn hostile_titles_neither_retitle_the_terminal_nor_reach_the_clipboard_raw() {
    use base64::Engine;
    let mut d = Dashboard::start(
        "en_US.UTF-8",
        &["tests/fixtures/hostile/escapes-in-text.json"],
        &[],
    );
    d.wait_for("the Overview with the hostile title shown", |s| {
        s.contains("▸ 1 Overview") && s.contains("␛]0;PWNED-TITLE␇")
    });
    d.press("y");
    d.wait_for("the copy acknowledged", |s| {
        s.contains("to the terminal's clipboard")
    });
    d.press("q");
    d.wait_for_exit();
    let raw = &d.raw;
    assert!(
        rfind(raw, b"\x1b]0;PWNED").is_none(),
        "the pane title was set"
    );
    assert!(
        rfind(raw, b"\x1b]52;c;cm0g").is_none(),
        "the data's clipboard sequence was sent"
    );
    let start = rfind(raw, b"\x1b]52;c;").expect("y sent an OSC 52 copy") + 7;
    let len = raw[start..]
        .iter()
        .position(|b| *b == 0x07)
        .expect("the copy ends with BEL");
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..start + len])
        .unwrap();
    let copied = String::from_utf8(copied).unwrap();
    // What is copied is what is shown: the stand-ins, not the sequence.
    assert!(copied.contains("␛]0;PWNED-TITLE␇"), "{copied:?}");
    assert!(!copied.contains('\x1b'), "{copied:?}");
}

/// Switching the language clears the whole screen before the new frame, so
/// that no terminal is left with half characters or words run together.
#[test]
fn switching_the_language_clears_the_whole_screen() {
    let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 总览"));
    let before = d.raw.len();
    d.press("L");
    d.wait_for("the English Overview", |s| s.contains("1 Overview"));
    assert!(
        rfind(&d.raw[before..], b"\x1b[2J").is_some(),
        "no clear after L"
    );
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// A terminal that never says where its cursor is (no answer to `ESC [ 6 n`)
/// still gets a dashboard that clears and redraws itself: at the end of
/// loading, on `L` and after it, with no two-second wait and no exit on
/// "the cursor position could not be read".
#[test]
fn a_terminal_that_never_reports_its_cursor_still_redraws() {
    let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[]);
    d.answers.retain(|(query, _)| *query != b"\x1b[6n");
    d.wait_for("the Overview", |s| s.contains("▸ 1 总览"));
    let before = d.raw.len();
    d.press("L");
    d.wait_for("the English Overview", |s| s.contains("1 Overview"));
    assert!(
        rfind(&d.raw[before..], b"\x1b[2J").is_some(),
        "no clear after L"
    );
    assert!(
        rfind(&d.raw[before..], b"\x1b[6n").is_none(),
        "the cursor position was asked for"
    );
    d.press("L");
    d.wait_for("the Chinese Overview again", |s| s.contains("▸ 1 总览"));
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// A terminal whose locale is not UTF-8 (LANG=C) is told once, on stderr
/// before the screen is taken, that Chinese may show as garbage (borders turn ASCII);
/// a UTF-8 locale is told nothing.
#[test]
fn a_locale_that_is_not_utf8_is_warned_about_once() {
    for (locale, warned) in [("C", true), ("en_US.UTF-8", false)] {
        let mut d = Dashboard::start(locale, &[], &[]);
        d.wait_for("the Overview", |s| s.contains("1 Overview"));
        d.press("q");
        assert!(d.wait_for_exit().success());
        let raw = String::from_utf8_lossy(&d.raw);
        assert_eq!(
            raw.matches("is not UTF-8").count(),
            usize::from(warned),
            "{locale}"
        );
    }
}
