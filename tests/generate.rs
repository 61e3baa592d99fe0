//! `zhenggai generate` end to end through the real binary: determinism, size,
//! and that what it writes loads, validates and sums up like real data.
// clippy.toml allows unwrap in #[test] functions only, not in their helpers.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn zhenggai() -> Command {
    let mut cmd = Command::cargo_bin("zhenggai").unwrap();
    cmd.env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// The bytes `generate` writes to standard output.
fn generate(args: &[&str]) -> Vec<u8> {
    let out = zhenggai().arg("generate").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Generates into a file in `dir` and returns its path.
fn generate_file(dir: &TempDir, reports: &str, seed: &str) -> String {
    let path = dir.path().join(format!("gen-{reports}-{seed}.json"));
    let path = path.to_str().unwrap().to_owned();
    zhenggai()
        .args([
            "generate",
            "--reports",
            reports,
            "--seed",
            seed,
            "-o",
            &path,
        ])
        .assert()
        .success();
    path
}

/// The same seed gives the same bytes; another seed gives other bytes.
#[test]
fn the_same_seed_gives_identical_bytes_and_different_seeds_differ() {
    let a = generate(&["--reports", "5", "--seed", "42"]);
    let b = generate(&["--reports", "5", "--seed", "42"]);
    let c = generate(&["--reports", "5", "--seed", "43"]);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

/// The seed defaults to 1, and a file gets the same bytes as standard output.
#[test]
fn the_default_seed_is_1_and_files_match_stdout() {
    let dir = TempDir::new().unwrap();
    let path = generate_file(&dir, "3", "1");
    assert_eq!(std::fs::read(&path).unwrap(), generate(&["--reports", "3"]));
}

/// `--reports 10` writes ten reports, marked synthetic, with a name saying so.
#[test]
fn ten_reports_are_marked_synthetic() {
    let json: Value =
        serde_json::from_slice(&generate(&["--reports", "10", "--seed", "7"])).unwrap();
    assert_eq!(json["synthetic"], true);
    assert_eq!(json["name"], "合成数据 10 份 (seed 7)");
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 10);
    for r in reports {
        assert!(
            r["title"].as_str().unwrap().ends_with("整改情况的通报"),
            "{}",
            r["title"]
        );
    }
}

/// A report is about 48 KB of JSON, so that 2,150 reports make about 100 MB.
#[test]
fn the_average_report_is_40_to_56_kb() {
    for seed in ["1", "2"] {
        let bytes = generate(&["--reports", "10", "--seed", seed]);
        let per_report = bytes.len() / 10;
        assert!(
            (40_000..=56_000).contains(&per_report),
            "seed {seed}: {per_report} bytes per report"
        );
    }
}

/// `check` finds no error and no warning in generated data.
#[test]
fn generated_data_checks_clean() {
    let dir = TempDir::new().unwrap();
    let path = generate_file(&dir, "25", "3");
    let out = zhenggai().args(["check", &path]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let all = format!("{}{stderr}", String::from_utf8_lossy(&out.stdout));
    assert!(all.contains("25 reports, 0 errors, 0 warnings"), "{all}");
}

/// `summary --format json` counts the problems the data holds, and the stated
/// totals agree with them.
#[test]
fn summary_totals_match_the_generated_problems() {
    let dir = TempDir::new().unwrap();
    let path = generate_file(&dir, "12", "5");
    let data: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut counts = [0u64; 3];
    for r in data["reports"].as_array().unwrap() {
        let mut own = [0u64; 3];
        for p in r["problems"].as_array().unwrap() {
            let i = ["closed", "open", "long_term"]
                .iter()
                .position(|s| p["status"] == *s)
                .unwrap();
            own[i] += 1;
        }
        let stated = &r["stated"];
        assert_eq!(stated["closed"]["value"], own[0]);
        assert_eq!(stated["open"]["value"], own[1]);
        assert_eq!(stated["total"]["value"], own.iter().sum::<u64>());
        for (total, n) in counts.iter_mut().zip(own) {
            *total += n;
        }
    }

    let out = zhenggai()
        .args([
            "summary",
            "--format",
            "json",
            "--as-of",
            "2024-01-01",
            &path,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["synthetic"], true);
    assert_eq!(summary["reports"].as_array().unwrap().len(), 12);
    for key in ["problems", "problems_transcribed"] {
        let totals = &summary["totals"][key];
        assert_eq!(totals["closed"], counts[0], "{key}: {totals}");
        assert_eq!(totals["open"], counts[1], "{key}: {totals}");
        assert_eq!(totals["long_term"], counts[2], "{key}: {totals}");
    }
}

/// An existing file is kept unless `--force` is given.
#[test]
fn refuses_to_overwrite_without_force() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("out.json");
    std::fs::write(&path, "keep me").unwrap();
    let p = path.to_str().unwrap();
    let out = zhenggai()
        .args(["generate", "--reports", "1", "-o", p])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    zhenggai()
        .args(["generate", "--reports", "1", "-o", p, "--force"])
        .assert()
        .success();
    assert!(read_json(&path)["reports"].as_array().unwrap().len() == 1);
}

/// `--reports` is required.
#[test]
fn reports_is_required() {
    zhenggai().arg("generate").assert().failure();
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}
