//! The real binary in a pseudo-terminal: live reload when the data file changes
//! on disk (a broken file shows a banner and keeps the last good data, a good
//! file recovers, a newer save cancels a slow load), `r` reloads by hand, and
//! NO_COLOR output has no colour codes.

// clippy.toml allows these inside #[test] functions only; the helpers here fail
// the test that calls them in the same way, by design.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use common::pty::*;

/// The bundled report file.
fn good_json() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/wuxi-2021-12-30.json");
    std::fs::read(path).expect("the bundled data file")
}

/// The banner line naming `file` followed by `:LINE:COL`, if the screen shows one.
fn banner_with_position<'a>(screen: &'a str, file: &str) -> Option<&'a str> {
    screen.lines().find(|l| {
        l.contains('⚠')
            && l.split(file).nth(1).is_some_and(|rest| {
                let mut parts = rest.split(':');
                parts.next() == Some("")
                    && parts
                        .next()
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    && parts
                        .next()
                        .is_some_and(|n| n.bytes().next().is_some_and(|b| b.is_ascii_digit()))
            })
    })
}

/// A broken file on disk puts a banner naming it with line and column over the
/// last good data; writing the good file back removes the banner and says
/// "reloaded"; `r` reloads by hand; `q` exits with status 0.
#[test]
fn a_broken_file_shows_a_banner_and_a_good_one_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wuxi-2021-12-30.json");
    let good = good_json();
    std::fs::write(&file, &good).unwrap();
    let path = file.to_str().unwrap();
    let mut d = Dashboard::start("en_US.UTF-8", &[path], &[]);
    d.wait_for("the Overview", |s| {
        s.contains("▸ 1 Overview") && s.contains("as of 2022-01-15")
    });
    d.press("3");
    d.wait_for("the Problems tab", |s| s.contains("Problems · 1/8"));

    // Half the file: the JSON ends in the middle.
    std::fs::write(&file, &good[..good.len() / 2]).unwrap();
    d.wait_for("a banner naming the file with line:col", |s| {
        banner_with_position(s, "wuxi-2021-12-30.json").is_some()
    });
    assert!(
        d.screen().contains("Problems · 1/8"),
        "the last good data stays on screen:\n{}",
        d.screen()
    );

    std::fs::write(&file, &good).unwrap();
    d.wait_for("the banner gone and the reload noticed", |s| {
        !s.contains('⚠') && s.contains("reloaded")
    });
    assert!(d.screen().contains("Problems · 1/8"), "{}", d.screen());

    // Any key clears the notice; `r` brings it back by reloading.
    d.press("j");
    d.wait_for("the notice gone", |s| {
        !s.contains("reloaded") && s.contains("Problems · 2/8")
    });
    d.press("r");
    d.wait_for("a reload by hand", |s| {
        s.contains("reloaded") && s.contains("Problems · 2/8")
    });

    d.press("q");
    let status = d.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// In Chinese, the banner and the notice read in Chinese, and the drill-down
/// survives a broken file and its repair.
#[test]
fn reload_keeps_the_drill_down_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wuxi-2021-12-30.json");
    let good = good_json();
    std::fs::write(&file, &good).unwrap();
    let mut d = Dashboard::start("zh_CN.UTF-8", &[file.to_str().unwrap()], &[]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 总览"));
    d.press("3j\r");
    d.wait_for("problem 8 opened", |s| {
        s.contains("问题 8 · 内控机制不完善") && s.contains("› 问题 8")
    });

    std::fs::write(&file, b"{\"schema_version\": 1,\n  \"name\": ").unwrap();
    d.wait_for("a banner naming the file with line:col", |s| {
        banner_with_position(s, "wuxi-2021-12-30.json").is_some()
    });
    std::fs::write(&file, &good).unwrap();
    d.wait_for("recovery", |s| {
        !s.contains('⚠') && s.contains("已重新加载") && s.contains("问题 8 · 内控机制不完善")
    });
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// Replaces `file` with a named pipe, which a reload then waits on for as long
/// as no one writes to it: the slowest file there is.
fn replace_with_pipe(file: &Path) {
    let fifo = file.with_extension("fifo");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::rename(&fifo, file).unwrap();
}

/// Saves `bytes` as editors do: a new file renamed over the old one.
fn save(file: &Path, bytes: &[u8]) {
    let tmp = file.with_extension("tmp");
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, file).unwrap();
}

/// A reload stuck on a slow file (a pipe no one writes to) does not hold back
/// a later good save: the newer change starts its own load, its data is shown,
/// and the stuck load, once it ends, is thrown away rather than shown.
#[test]
fn a_newer_save_is_shown_while_an_older_load_is_stuck() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data.json");
    let good = good_json();
    std::fs::write(&file, &good).unwrap();
    let mut d = Dashboard::start("en_US.UTF-8", &[file.to_str().unwrap()], &[]);
    d.wait_for("the Overview", |s| {
        s.contains("无锡 2021-12-30 巡察整改通报")
    });

    replace_with_pipe(&file);
    // Opening the pipe for writing returns once the dashboard has opened it
    // to read: from then on its reload waits for bytes that do not come.
    let (tx, rx) = std::sync::mpsc::channel();
    let pipe = file.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::OpenOptions::new().write(true).open(pipe));
    });
    let writer = rx
        .recv_timeout(DEADLINE)
        .expect("the dashboard opens the pipe to reload")
        .unwrap();

    let renamed =
        String::from_utf8(good)
            .unwrap()
            .replacen("无锡 2021-12-30 巡察整改通报", "第二次保存", 1);
    save(&file, renamed.as_bytes());
    d.wait_for("the newer save shown", |s| {
        s.contains("第二次保存") && s.contains("reloaded")
    });

    // The stuck load now reads an empty file; its result must not be shown.
    drop(writer);
    d.pump(std::time::Duration::from_millis(500));
    assert!(
        d.screen().contains("第二次保存") && !d.screen().contains('⚠'),
        "{}",
        d.screen()
    );
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// The SGR colour parameters in the output: 30–37, 38;…, 40–47, 48;…, 90–97 and
/// 100–107. 39 and 49 (the terminal's own colours) and 59 are resets, not colours,
/// and ratatui sends them after every frame.
fn colour_codes(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("\x1b[") {
        rest = &rest[at + 2..];
        let end = rest
            .find(|c: char| ('@'..='~').contains(&c))
            .unwrap_or(rest.len());
        if rest[end..].starts_with('m') {
            let params = &rest[..end];
            let colour = params.split(';').any(|p| {
                matches!(
                    p.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            });
            if colour {
                found.push(format!("\\x1b[{params}m"));
            }
        }
        rest = &rest[end..];
    }
    found
}

/// With NO_COLOR=1, the output has no colour sequences, yet open (●) and
/// closed (✓) problems are both shown and told apart by their symbols.
#[test]
fn no_color_output_has_no_colour_codes() {
    let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[("NO_COLOR", "1")]);
    d.wait_for("the Overview", |s| s.contains("▸ 1 总览"));
    d.press("3");
    d.wait_for("the Problems tab", |s| {
        s.contains("▸ 3 问题") && s.contains("● 正在整改") && s.contains("✓ 已完成")
    });
    // Some attributes are expected; only colours are not.
    let codes = colour_codes(&d.raw);
    assert!(codes.is_empty(), "colour codes under NO_COLOR: {codes:?}");
    let text = String::from_utf8_lossy(&d.raw);
    assert!(
        text.contains("\x1b[7m") || text.contains("\x1b[1m"),
        "selection and status still use reverse or bold"
    );
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// Without NO_COLOR the same screen does use colour, so the check above can fail.
#[test]
fn colour_codes_are_found_when_colour_is_on() {
    let mut d = Dashboard::start("zh_CN.UTF-8", &[], &[]);
    d.wait_for("the Problems tab", |s| s.contains("▸ 1 总览"));
    d.press("3");
    d.wait_for("the Problems tab", |s| s.contains("● 正在整改"));
    assert!(!colour_codes(&d.raw).is_empty());
    d.press("q");
    assert!(d.wait_for_exit().success());
}

/// `r` reads the older version of `--since` again too: after OLD is
/// overwritten with NEW, nothing is closed or reopened since it any more.
#[test]
fn r_reads_the_older_version_again() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/changes");
    let old = dir.path().join("old.json");
    let new = dir.path().join("new.json");
    std::fs::copy(fixtures.join("kinds-old.json"), &old).unwrap();
    std::fs::copy(fixtures.join("kinds-new.json"), &new).unwrap();
    let mut d = Dashboard::start(
        "en_US.UTF-8",
        &["--since", old.to_str().unwrap(), new.to_str().unwrap()],
        &[],
    );
    d.wait_for("the Overview", |s| s.contains("▸ 1 Overview"));
    d.press("3");
    d.wait_for("the legend counting one problem closed since", |s| {
        s.contains("✓ Closed 1") && s.contains("↺ Reopened 1")
    });
    std::fs::copy(&new, &old).unwrap();
    d.press("r");
    d.wait_for("the legend with nothing closed or reopened", |s| {
        s.contains("Legend") && s.contains("✓ Closed  ") && s.contains("↺ Reopened  ")
    });
    d.press("q");
    assert!(d.wait_for_exit().success());
}
