//! The importer, end to end: the seed newspaper page against the hand transcription,
//! other units' reports of the genre, and bad input through the real binary.

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
/// deadlines, and figure recall and precision of at least 95%.
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
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}");
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

/// Prints the import of $IMPORT_DUMP as JSON, with placements (a development aid).
#[test]
fn dump_when_asked() {
    let Ok(path) = std::env::var("IMPORT_DUMP") else {
        return;
    };
    match import_file(std::path::Path::new(&path)) {
        Ok(imported) => {
            for p in &imported.placements {
                eprintln!("{}:{}: {}: {}", p.source, p.line, p.place, p.excerpt);
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&imported.dataset).unwrap()
            );
        }
        Err(e) => println!("ERROR: {e}"),
    }
    let _ = fixture("x");
}
