//! The committed screenshots are what the code renders now: each `shot` line of
//! scripts/screenshots.sh is rendered again through the library and compared
//! byte for byte with screenshots/NAME.svg.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use clap::Parser;
use zhenggai::cli::{Cli, Command};

/// The arguments every shot shares; the script must pass exactly these.
const COMMON: [&str; 6] = [
    "--format",
    "svg",
    "--as-of",
    "2022-01-15",
    "--size",
    "120x40",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Splits a shell line into words: blanks separate, single quotes group.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            c if c.is_whitespace() && !quoted => {
                if started {
                    out.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(word);
    }
    out
}

/// (name, arguments after the name) of every `shot` line of the script.
fn shots() -> Vec<(String, Vec<String>)> {
    let script = std::fs::read_to_string(root().join("scripts/screenshots.sh")).unwrap();
    assert!(
        script.contains(&format!("snapshot {} --force -o", COMMON.join(" "))),
        "scripts/screenshots.sh no longer passes {COMMON:?}; update tests/screenshots.rs with it"
    );
    script
        .lines()
        .filter(|l| l.starts_with("shot "))
        .map(|l| {
            let mut w = words(l);
            w.remove(0);
            let name = w.remove(0);
            (name, w)
        })
        .collect()
}

/// What `snapshot` renders for a shot now.
fn render(args: &[String]) -> String {
    render_as("svg", args)
}

/// What `snapshot` renders for a shot now, in another format.
fn render_as(format: &str, args: &[String]) -> String {
    let common = COMMON.map(|s| if s == "svg" { format } else { s });
    let argv = ["zhenggai", "snapshot"]
        .into_iter()
        .chain(common)
        .map(String::from)
        .chain(args.iter().cloned());
    let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let Some(Command::Snapshot(args)) = cli.command else {
        panic!("not a snapshot command");
    };
    zhenggai::snapshot::render(&args).unwrap_or_else(|e| panic!("{e}"))
}

fn path_of(name: &str) -> PathBuf {
    root().join("screenshots").join(format!("{name}.svg"))
}

/// Each committed screenshot is what `snapshot` renders now.
#[test]
fn committed_screenshots_match_the_code() {
    let mut stale = Vec::new();
    for (name, args) in shots() {
        let now = render(&args);
        let path = path_of(&name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != now {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale screenshots: {}\nrun scripts/screenshots.sh to make them again, look at them, and commit them",
        stale.join(", ")
    );
}

/// Every SVG in screenshots/ is made by the script, so none goes stale unnoticed.
#[test]
fn every_screenshot_is_made_by_the_script() {
    let names: Vec<String> = shots().into_iter().map(|(n, _)| n).collect();
    for entry in std::fs::read_dir(root().join("screenshots")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "svg") {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            assert!(
                names.contains(&stem),
                "{} is not made by scripts/screenshots.sh",
                path.display()
            );
        }
    }
}

/// The drill-down shots show what their names promise.
#[test]
fn drill_down_shots_show_their_subject() {
    let shots = shots();
    let find = |name: &str| {
        let (_, args) = shots.iter().find(|(n, _)| n == name).unwrap();
        render_as("txt", args)
    };
    assert!(find("land-source").contains("盘活存量建设用地849.56亩"));
    let problem = find("problem");
    // The problem itself, not the table that lists it among others.
    assert!(problem.contains("新旧动能转换滞后") && !problem.contains("内控机制不完善"));
    assert!(find("overview-en").contains("Overview"));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for (name, _) in &shots {
        assert!(
            readme.contains(&format!("(screenshots/{name}.svg)")),
            "README.md does not show screenshots/{name}.svg"
        );
    }
}

#[test]
fn shell_words_keep_quoted_keys_together() {
    assert_eq!(
        words("shot x --keys 'jj<Enter>' --lang zh"),
        ["shot", "x", "--keys", "jj<Enter>", "--lang", "zh"]
    );
    assert!(Path::new(&root()).join("scripts/screenshots.sh").exists());
}
