//! The importer, end to end: the seed newspaper page against the hand transcription,
//! other units' reports of the genre, and bad input through the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::PathBuf;

use zhenggai::diagnostic::Severity;
use zhenggai::import::{ImportError, Imported, import_bytes};
use zhenggai::model::{Dataset, Report};
use zhenggai::validate::validate;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/import").join(name)
}

fn import_file(path: &std::path::Path) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path).unwrap();
    import_bytes(&bytes, &path.display().to_string())
}

fn seed() -> Dataset {
    let path = root().join("data/sources/wuxi-2021-12-30.txt");
    import_file(&path).expect("the seed imports").dataset
}

fn hand() -> Dataset {
    let text = std::fs::read_to_string(root().join("data/wuxi-2021-12-30.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn assert_valid(dataset: &Dataset, what: &str) {
    let errors: Vec<String> = validate(dataset)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| format!("{:?}: {}", i.path, i.message))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: validation errors:\n{}",
        errors.join("\n")
    );
}

/// Figures keyed by (problem number, value, unit), counted.
fn figure_bag(report: &Report) -> HashMap<(Option<String>, String, String), usize> {
    let mut bag = HashMap::new();
    for f in report.figures() {
        let p = &report.problems[f.problem];
        let key = (
            p.number.clone(),
            f.figure.value.normalize().to_string(),
            f.figure.unit.to_string(),
        );
        *bag.entry(key).or_insert(0) += 1;
    }
    bag
}

/// Every deadline date, with the problem it belongs to.
fn deadlines(report: &Report) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = report
        .problems
        .iter()
        .flat_map(|p| {
            p.measures
                .iter()
                .chain(&p.ongoing)
                .filter_map(|m| m.deadline.as_ref())
                .map(|d| {
                    (
                        p.number.clone(),
                        d.date.map_or("none".to_string(), |d| d.to_string()),
                    )
                })
        })
        .collect();
    out.sort();
    out
}

/// The seed against data/wuxi-2021-12-30.json: reports, problems, statuses,
/// deadlines, and every one of the 104 figures, none spurious.
#[test]
fn seed_import_matches_the_hand_transcription() {
    let got = seed();
    let want = hand();
    assert_eq!(got.reports.len(), want.reports.len(), "number of reports");
    let (mut matched, mut total_got, mut total_want) = (0usize, 0usize, 0usize);
    for (g, w) in got.reports.iter().zip(&want.reports) {
        assert_eq!(g.title, w.title);
        assert_eq!(g.issuer, w.issuer);
        assert_eq!(g.published, w.published);
        assert_eq!(g.signed, w.signed);
        assert_eq!(g.inspection.kind, w.inspection.kind, "{}", w.title);
        assert_eq!(g.source.complete, w.source.complete, "{}", w.title);
        let problems = |r: &Report| {
            r.problems
                .iter()
                .map(|p| (p.number.clone(), p.status))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            problems(g),
            problems(w),
            "{}: problem numbers and statuses",
            w.title
        );
        assert_eq!(
            g.stated.closed.as_ref().map(|c| (c.value, c.basis)),
            w.stated.closed.as_ref().map(|c| (c.value, c.basis)),
            "{}: closed",
            w.title
        );
        assert_eq!(
            g.stated.open.as_ref().map(|c| (c.value, c.basis)),
            w.stated.open.as_ref().map(|c| (c.value, c.basis)),
            "{}: open",
            w.title
        );
        assert_eq!(deadlines(g), deadlines(w), "{}: deadlines", w.title);
        assert_eq!(g.contact, w.contact, "{}: contact", w.title);

        let gb = figure_bag(g);
        let wb = figure_bag(w);
        for (key, n) in &wb {
            let m = (*gb.get(key).unwrap_or(&0)).min(*n);
            matched += m;
            if m < *n {
                println!("missed:   {key:?} x{}", n - m);
            }
        }
        for (key, n) in &gb {
            let m = (*wb.get(key).unwrap_or(&0)).min(*n);
            if m < *n {
                println!("spurious: {key:?} x{}", n - m);
            }
        }
        total_got += gb.values().sum::<usize>();
        total_want += wb.values().sum::<usize>();
    }
    let recall = matched as f64 / total_want as f64;
    let precision = matched as f64 / total_got as f64;
    println!(
        "figures: {matched} matched, {total_want} in the hand data, {total_got} imported; \
         recall {:.1}%, precision {:.1}%",
        recall * 100.0,
        precision * 100.0
    );
    // Every figure of the seed, not 95% of them: at 95% the importer could
    // lose all four 篇 and 条 figures and pass.
    assert_eq!(
        (matched, total_got, total_want),
        (104, 104, 104),
        "recall {recall:.3}, precision {precision:.3}"
    );
    let units: Vec<String> = got
        .reports
        .iter()
        .flat_map(|r| {
            r.figures()
                .map(|f| f.figure.unit.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for unit in ["篇", "条"] {
        assert!(units.iter().any(|u| u == unit), "no {unit} figure imported");
    }
}

/// Every figure's quote is a clause of the item it sits in.
#[test]
fn seed_quotes_are_substrings_of_their_items() {
    for report in seed().reports {
        for f in report.figures() {
            assert!(f.measure.text.contains(&f.figure.quote), "{:?}", f.figure);
            assert!(f.figure.quote.contains(&f.figure.text), "{:?}", f.figure);
        }
    }
}

/// The imported seed passes validation.
#[test]
fn seed_import_has_no_validation_errors() {
    assert_valid(&seed(), "seed");
}

/// Other units' reports: title first, three-level numbering, counts only in the
/// introduction, a long-term section, no 亿元 or 亩; they import and validate.
#[test]
fn other_genres_import_and_validate() {
    let three = import_file(&fixture("three-levels.txt")).unwrap().dataset;
    assert_valid(&three, "three-levels");
    let r = &three.reports[0];
    assert_eq!(
        r.title,
        "中共青禾街道工作委员会关于区委第二轮巡察整改进展情况的通报"
    );
    assert_eq!(r.issuer, "中共青禾街道工作委员会");
    assert_eq!(r.published.to_string(), "2022-11-08");
    assert_eq!(r.inspection.team.as_deref(), Some("区委第二巡察组"));
    let stated = |c: &Option<zhenggai::model::StatedCount>| c.as_ref().map(|c| c.value);
    assert_eq!(
        (
            stated(&r.stated.total),
            stated(&r.stated.closed),
            stated(&r.stated.open)
        ),
        (Some(25), Some(19), Some(6))
    );
    assert_eq!(
        r.stated
            .completion_rate
            .as_ref()
            .map(|c| c.percent.to_string())
            .as_deref(),
        Some("76")
    );
    let statuses: Vec<_> = r
        .problems
        .iter()
        .map(|p| (p.number.clone().unwrap(), p.status))
        .collect();
    use zhenggai::model::Status::*;
    assert_eq!(
        statuses,
        [
            ("1".into(), Closed),
            ("2".into(), Closed),
            ("3".into(), Closed),
            ("4".into(), Open),
            ("5".into(), Closed)
        ]
    );
    assert_eq!(
        r.problems[0].measures.len(),
        2,
        "一是…；二是… split into two measures"
    );
    assert_eq!(r.contact.email, ["qhjd_xc@example.cn"]);

    let long = import_file(&fixture("long-term.txt")).unwrap().dataset;
    assert_valid(&long, "long-term");
    let r = &long.reports[0];
    assert_eq!(r.inspection.kind, zhenggai::model::InspectionKind::Special);
    let statuses: Vec<_> = r.problems.iter().map(|p| p.status).collect();
    assert_eq!(statuses, [Closed, Closed, LongTerm]);
    let deadline = r.problems[2].measures[0].deadline.as_ref().unwrap();
    assert_eq!(deadline.date.unwrap().to_string(), "2023-12-31");
}

/// A GB18030 copy imports to the same data as the UTF-8 original.
#[test]
fn gb18030_input_is_detected_and_converted() {
    let utf8 = import_file(&fixture("three-levels.txt")).unwrap();
    let gb = import_file(&fixture("three-levels-gb18030.txt")).unwrap();
    assert_eq!(gb.encodings[0].1, "GB18030");
    let mut a = utf8.dataset.reports.clone();
    let mut b = gb.dataset.reports.clone();
    a[0].source.file = None;
    b[0].source.file = None;
    assert_eq!(a, b);
}

/// Every paragraph of the seed is accounted for, and both page markers are recorded.
#[test]
fn every_seed_paragraph_is_placed_or_kept_as_unplaced() {
    let path = root().join("data/sources/wuxi-2021-12-30.txt");
    let imported = import_file(&path).unwrap();
    let markers: Vec<&str> = imported
        .page_markers
        .iter()
        .map(|(_, m)| m.text.as_str())
        .collect();
    assert_eq!(markers, ["（上接第5版）", "（上接第14版）"]);
    // Page markers are kept as furniture of the report they were cut from;
    // every other unplaced paragraph has a placement saying why.
    let kept: Vec<&zhenggai::model::Unplaced> = imported
        .dataset
        .reports
        .iter()
        .flat_map(|r| &r.unplaced)
        .collect();
    let page_markers: Vec<&str> = kept
        .iter()
        .filter(|u| u.reason.starts_with("page marker"))
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(page_markers, ["（上接第5版）", "（上接第14版）"]);
    assert!(
        kept.iter()
            .filter(|u| u.reason.starts_with("page marker"))
            .all(|u| u.furniture)
    );
    let unplaced_explained = imported.placements.iter().filter(|p| p.unplaced).count();
    assert_eq!(kept.len() - page_markers.len(), unplaced_explained);
    let mut lines: Vec<usize> = imported.placements.iter().map(|p| p.line).collect();
    lines.dedup();
    assert_eq!(
        lines.len(),
        imported.placements.len(),
        "one placement per paragraph"
    );
    assert!(imported.placements.len() > 60);
}

/// Empty, binary and report-less inputs give typed errors saying what was looked for.
#[test]
fn bad_input_gives_clear_errors() {
    let empty = import_file(&fixture("empty.txt")).unwrap_err();
    assert!(matches!(empty, ImportError::Empty { .. }), "{empty}");
    let binary = import_file(&fixture("binary.png")).unwrap_err();
    assert!(matches!(binary, ImportError::Binary { .. }), "{binary}");
    let none = import_file(&fixture("no-report.txt")).unwrap_err();
    assert!(matches!(none, ImportError::NoReport { .. }), "{none}");
    assert!(
        none.to_string().contains("关于巡察整改情况的通报"),
        "{none}"
    );
    // Arbitrary bytes never panic.
    let mut state = 0x2545_f491_u32;
    for len in [1usize, 7, 64, 500, 4096] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state & 0xff) as u8
            })
            .collect();
        let _ = import_bytes(&bytes, "noise");
    }
    let seed = std::fs::read(root().join("data/sources/wuxi-2021-12-30.txt")).unwrap();
    for cut in (0..seed.len()).step_by(997) {
        let _ = import_bytes(&seed[..cut], "cut");
        let _ = import_bytes(&seed[cut..], "cut");
    }
}

mod cli {
    use assert_cmd::Command;
    use predicates::str::contains;

    use super::{fixture, root};

    fn zhenggai() -> Command {
        Command::cargo_bin("zhenggai").unwrap()
    }

    /// `import` prints JSON that `check` accepts.
    #[test]
    fn import_prints_json_that_check_accepts() {
        let out = zhenggai()
            .args(["import"])
            .arg(root().join("data/sources/wuxi-2021-12-30.txt"))
            .output()
            .unwrap();
        assert!(out.status.success());
        zhenggai()
            .args(["check", "-"])
            .write_stdin(out.stdout)
            .assert()
            .success();
    }

    /// Several files are merged into one dataset.
    #[test]
    fn several_files_merge_into_one_dataset() {
        let out = zhenggai()
            .arg("import")
            .arg(root().join("data/sources/wuxi-2021-12-30.txt"))
            .arg(fixture("three-levels.txt"))
            .arg(fixture("long-term.txt"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let dataset: zhenggai::model::Dataset = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(dataset.reports.len(), 4);
    }

    /// Bad input exits 2 with the reason on stderr.
    #[test]
    fn bad_input_exits_2() {
        for (name, says) in [
            ("empty.txt", "is empty"),
            ("binary.png", "is not text"),
            ("no-report.txt", "no rectification report"),
        ] {
            zhenggai()
                .arg("import")
                .arg(fixture(name))
                .assert()
                .code(2)
                .stderr(contains(says));
        }
        zhenggai()
            .args(["import", "/nonexistent/x.txt"])
            .assert()
            .code(2)
            .stderr(contains("cannot read"));
    }

    /// `-o` writes the file, refuses to overwrite it without --force, overwrites with it.
    #[test]
    fn output_file_is_not_overwritten_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        let src = fixture("three-levels.txt");
        zhenggai()
            .arg("import")
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let first = std::fs::read_to_string(&out).unwrap();
        assert!(first.contains("青禾街道"));
        std::fs::write(&out, "keep me").unwrap();
        zhenggai()
            .arg("import")
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains("--force"));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
        zhenggai()
            .arg("import")
            .arg(&src)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .assert()
            .success();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }

    /// `--explain` prints where each paragraph went to stderr, and the page markers.
    #[test]
    fn explain_prints_placement_to_stderr() {
        zhenggai()
            .arg("import")
            .arg("--explain")
            .arg(root().join("data/sources/wuxi-2021-12-30.txt"))
            .assert()
            .success()
            .stderr(contains("removed page marker （上接第5版）"))
            .stderr(contains("problem 8 › measure 一是"))
            .stderr(contains("unplaced"));
    }
}

/// Ten megabytes of newspaper pages import without trouble (run with --release
/// and --ignored; the speed itself is measured by benches/import.rs).
#[test]
#[ignore]
fn ten_megabytes_import() {
    let seed = std::fs::read(root().join("data/sources/wuxi-2021-12-30.txt")).unwrap();
    let mut text = Vec::new();
    let mut copies = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.extend_from_slice(&seed);
        text.push(b'\n');
        copies += 1;
    }
    let imported = import_bytes(&text, "big").unwrap();
    assert_eq!(imported.dataset.reports.len(), 2 * copies);
}
