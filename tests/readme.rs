//! The README is true: every command of its table exists, and every option it
//! shows for a command is one that command's --help lists.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The rows of the "## Commands" table: (sub-command or "" for the dashboard, the command as written).
fn command_rows(text: &str) -> Vec<(String, String)> {
    let section = text
        .split("## Commands")
        .nth(1)
        .expect("a Commands section")
        .split("\n## ")
        .next()
        .unwrap();
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `zhenggai"))
        .map(|rest| {
            let command = rest.split('`').next().unwrap().trim().to_string();
            let first = command.split_whitespace().next().unwrap_or("");
            let sub = if first.starts_with(['[', '-']) || first.is_empty() {
                String::new()
            } else {
                first.to_string()
            };
            (sub, command)
        })
        .collect()
}

fn help(sub: &str) -> String {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    if !sub.is_empty() {
        cmd.arg(sub);
    }
    let out = cmd.arg("--help").output().unwrap();
    assert!(out.status.success(), "zhenggai {sub} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_command_and_option_in_the_readme_table_exists() {
    let rows = command_rows(&readme());
    let subs: Vec<&str> = rows.iter().map(|(s, _)| s.as_str()).collect();
    for expected in [
        "", "summary", "check", "import", "diff", "history", "snapshot", "generate",
    ] {
        assert!(
            subs.contains(&expected),
            "the table lacks `zhenggai {expected}`"
        );
    }
    for (sub, command) in &rows {
        let help = help(sub);
        for option in command
            .split(|c: char| c.is_whitespace() || c == '[' || c == ']')
            .filter(|w| w.starts_with('-') && w.len() > 1)
            .map(|w| w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
        {
            assert!(
                help.contains(option),
                "`zhenggai {command}`: {option} is not in `zhenggai {sub} --help`"
            );
        }
    }
}

/// Every sub-command the binary has is in the table.
#[test]
fn the_table_lists_every_sub_command() {
    let rows = command_rows(&readme());
    let help = help("");
    let commands = help
        .split("Commands:")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    for line in commands.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        if name.is_empty() || name == "help" {
            continue;
        }
        assert!(
            rows.iter().any(|(sub, _)| sub == name),
            "`zhenggai {name}` is not in the README's table"
        );
    }
}
