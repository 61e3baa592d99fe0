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

/// The `summary --format json` example is the program's own output for the
/// bundled data, cut short: every key and value shown is in the real output,
/// "…" stands for any value, and a list shows the first of its items (issue 15).
#[test]
fn the_summary_json_example_is_real_output() {
    let text = readme();
    let start = text
        .find("```json\n{\n  \"as_of\"")
        .expect("the summary example")
        + "```json\n".len();
    let end = start + text[start..].find("```").unwrap();
    let shown: serde_json::Value = serde_json::from_str(&text[start..end]).unwrap();
    let out = assert_cmd::Command::cargo_bin("zhenggai")
        .unwrap()
        .args(["summary", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let real: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    within(&shown, &real, "$");
}

/// Whether `shown` is `real` cut short, as the README's example is.
fn within(shown: &serde_json::Value, real: &serde_json::Value, path: &str) {
    use serde_json::Value;
    match (shown, real) {
        (Value::String(s), _) if s == "…" => {}
        (Value::Object(s), Value::Object(r)) => {
            for (key, value) in s {
                let r = r
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key} is not in the output"));
                within(value, r, &format!("{path}.{key}"));
            }
        }
        (Value::Array(s), Value::Array(r)) => {
            assert!(s.len() <= r.len(), "{path}: more items than the output has");
            for (i, (s, r)) in s.iter().zip(r).enumerate() {
                within(s, r, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(shown, real, "{path}"),
    }
}
