//! A mutation fuzzer on stable Rust: the corpus (the bundled data, its source
//! text, every fixture and regression file) mutated from a seed, each input
//! put through every command's code in-process (see `oracle`). A panic, a raw
//! terminal hazard in any output, invalid JSON or SVG, or a hang fails it.
//!
//! Budget: `ZHENGGAI_FUZZ_INPUTS` (default a CI-sized run) or
//! `ZHENGGAI_FUZZ_SECONDS`; `ZHENGGAI_FUZZ_SEED` is the first seed, and
//! input `n` of a run is seed `SEED + n`, so `ZHENGGAI_FUZZ_SEED=s
//! ZHENGGAI_FUZZ_INPUTS=1` replays one. `ZHENGGAI_FUZZ_HANG_MS` turns inputs
//! slower than that into failures (long runs only: CI machines are noisy).
//! Failing inputs are saved under `target/fuzz-failures/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod mutate;
mod oracle;
mod xml;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mutate::Rng;

/// Inputs in a plain `cargo test`: about 40 s of a debug build on two cores.
const CI_INPUTS: u64 = 1200;

/// An input still running after this long is a hang: the run stops there.
const HANG_ABORT: Duration = Duration::from_secs(120);

/// One corpus file and whether it is text for the importer (else JSON data).
#[derive(Clone)]
struct Seed {
    name: String,
    bytes: Vec<u8>,
    text: bool,
    /// It loads (JSON) or imports (text) as it is.
    good: bool,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus: the bundled data, its source text, and every fixture.
fn corpus() -> Vec<Seed> {
    let mut seeds = Vec::new();
    for dir in [
        "data",
        "data/sources",
        "tests/fixtures/valid",
        "tests/fixtures/invalid",
        "tests/fixtures/import",
        "tests/fixtures/hostile",
    ] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && !p.ends_with("schema.json"))
            .collect();
        paths.sort();
        for path in paths {
            let text = path.extension().is_none_or(|e| e != "json");
            let bytes = std::fs::read(&path).unwrap();
            let good = if text {
                zhenggai::import::import_bytes(&bytes, "seed.txt").is_ok()
            } else {
                zhenggai::load::load_bytes("seed.json", &bytes).is_ok()
            };
            seeds.push(Seed {
                name: path.strip_prefix(root()).unwrap().display().to_string(),
                bytes,
                text,
                good,
            });
        }
    }
    seeds
}

/// The input that seed `seed` names, and whether it is text.
fn input(seed: u64, corpus: &[Seed], raw: &[Vec<u8>]) -> (Vec<u8>, bool, Rng) {
    let mut rng = Rng::new(seed);
    let base = base(&mut rng, corpus);
    let mut bytes = mutate::mutate(&mut rng, &base.bytes, raw, base.text);
    if base.text && rng.one_in(8) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        bytes = encoding_rs::GB18030.encode(&text).0.into_owned();
    }
    (bytes, base.text, rng)
}

/// The file an input starts from: two times in three one that loads or
/// imports as it is, so that most mutants get past the parser.
fn base<'a>(rng: &mut Rng, corpus: &'a [Seed]) -> &'a Seed {
    if rng.below(3) < 2 {
        let good: Vec<&Seed> = corpus.iter().filter(|s| s.good).collect();
        if !good.is_empty() {
            return good[rng.below(good.len())];
        }
    }
    &corpus[rng.below(corpus.len())]
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Where the last panic happened and what it said, taken by the hook.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

fn save(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = root().join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(name);
    let _ = std::fs::write(&path, bytes);
    path
}

/// Tallies of a run.
#[derive(Default)]
struct Tally {
    inputs: u64,
    json: u64,
    text: u64,
    loaded: u64,
    imported: u64,
    refused: u64,
    /// Why the import guard refused, and how often.
    reasons: std::collections::BTreeMap<String, u64>,
    slow: u64,
    max: Duration,
    max_seed: u64,
    failures: Vec<String>,
}

impl Tally {
    /// Runs one input, catching a panic, and counts what became of it.
    fn run(
        &mut self,
        label: &str,
        file: &str,
        bytes: &[u8],
        text: bool,
        mut rng: Rng,
        hang: Option<Duration>,
    ) {
        let started = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| oracle::run(bytes, text, &mut rng)));
        let took = started.elapsed();
        self.inputs += 1;
        if text {
            self.text += 1;
        } else {
            self.json += 1;
        }
        if took > self.max {
            self.max = took;
            self.max_seed = rng_label_seed(label);
        }
        let failure = match result {
            Ok(Ok(outcome)) => {
                self.loaded += u64::from(outcome.loaded);
                self.imported += u64::from(outcome.imported);
                if let Some(reason) = outcome.refused {
                    if std::env::var_os("ZHENGGAI_FUZZ_SAVE_REFUSED").is_some() {
                        save(&format!("refused-{label}.txt"), bytes);
                    }
                    self.refused += 1;
                    *self.reasons.entry(reason).or_default() += 1;
                }
                None
            }
            Ok(Err(broken)) => Some(broken),
            Err(_) => Some(format!(
                "panic: {}",
                LAST_PANIC.lock().unwrap().take().unwrap_or_default()
            )),
        };
        let failure = failure.or_else(|| {
            let limit = hang?;
            (took > limit).then(|| format!("slow: {} ms", took.as_millis()))
        });
        if took > Duration::from_secs(2) {
            self.slow += 1;
        }
        if let Some(failure) = failure {
            let ext = if text { "txt" } else { "json" };
            let path = save(&format!("{label}.{ext}"), bytes);
            let line = format!(
                "{label} (from {file}): {failure}\n    saved as {}",
                path.display()
            );
            eprintln!("FUZZ FAILURE {line}");
            self.failures.push(line);
        }
    }
}

fn rng_label_seed(label: &str) -> u64 {
    label
        .strip_prefix("seed-")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// Watches the input under way; one running past [`HANG_ABORT`] is saved and
/// the process stops, since a loop cannot be interrupted from outside.
fn watchdog(current: Arc<AtomicU64>, started: Arc<AtomicU64>, epoch: Instant, corpus: Vec<Seed>) {
    std::thread::spawn(move || {
        let raw: Vec<Vec<u8>> = corpus.iter().map(|s| s.bytes.clone()).collect();
        loop {
            std::thread::sleep(Duration::from_secs(5));
            let since = started.load(Ordering::Relaxed);
            let now = epoch.elapsed().as_millis() as u64;
            if since > 0 && now.saturating_sub(since) > HANG_ABORT.as_millis() as u64 {
                let seed = current.load(Ordering::Relaxed);
                let (bytes, text, _) = input(seed, &corpus, &raw);
                let path = save(
                    &format!("hang-seed-{seed}.{}", if text { "txt" } else { "json" }),
                    &bytes,
                );
                eprintln!(
                    "FUZZ HANG seed {seed}: over {HANG_ABORT:?}, saved as {}",
                    path.display()
                );
                std::process::exit(3);
            }
        }
    });
}

/// Every corpus file as it is, then mutants of them up to the budget, with
/// no panic, hang, raw escape or malformed output.
#[test]
fn fuzz_every_command_from_the_corpus() {
    let corpus = corpus();
    assert!(corpus.len() > 30, "only {} corpus files", corpus.len());
    let raw: Vec<Vec<u8>> = corpus.iter().map(|s| s.bytes.clone()).collect();
    let first = env_u64("ZHENGGAI_FUZZ_SEED").unwrap_or(0);
    let seconds = env_u64("ZHENGGAI_FUZZ_SECONDS");
    let budget = env_u64("ZHENGGAI_FUZZ_INPUTS").unwrap_or(if seconds.is_some() {
        u64::MAX
    } else {
        CI_INPUTS
    });
    let hang = env_u64("ZHENGGAI_FUZZ_HANG_MS").map(Duration::from_millis);
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));

    panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| l.to_string()).unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        // The panic is often inside a dependency (rust_decimal's "Division
        // overflowed"): the first frames of this crate say who called it.
        let trace = std::backtrace::Backtrace::force_capture().to_string();
        let ours: Vec<&str> = trace
            .lines()
            .map(str::trim)
            .filter(|l| l.contains("/src/") && !l.contains("/.cargo/") && !l.contains("/rustc/"))
            .take(3)
            .collect();
        *LAST_PANIC.lock().unwrap() = Some(format!("{message} at {at}; {}", ours.join(", ")));
    }));
    let epoch = Instant::now();
    let current = Arc::new(AtomicU64::new(first));
    let started_at = Arc::new(AtomicU64::new(0));
    watchdog(current.clone(), started_at.clone(), epoch, corpus.clone());

    let mut tally = Tally::default();
    if first == 0 {
        for (i, seed) in corpus.iter().enumerate() {
            let name = Path::new(&seed.name)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            tally.run(
                &format!("corpus-{name}"),
                &seed.name,
                &seed.bytes,
                seed.text,
                Rng::new(i as u64),
                hang,
            );
        }
    }
    let start = Instant::now();
    for n in 0..budget {
        if deadline.is_some_and(|d| Instant::now() >= d) || tally.failures.len() >= 50 {
            break;
        }
        let seed = first + n;
        current.store(seed, Ordering::Relaxed);
        started_at.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let (bytes, text, rng) = input(seed, &corpus, &raw);
        let file = base(&mut Rng::new(seed), &corpus).name.clone();
        tally.run(&format!("seed-{seed}"), &file, &bytes, text, rng, hang);
        // A line now and then, so that a run stopped early still says how far it got.
        if tally.inputs % 20_000 == 0 {
            println!(
                "fuzz-progress: inputs={} failures={} secs={:.0}",
                tally.inputs,
                tally.failures.len(),
                start.elapsed().as_secs_f64()
            );
        }
    }
    started_at.store(0, Ordering::Relaxed);
    let _ = panic::take_hook();

    println!(
        "fuzz: inputs={} json={} text={} loaded={} imported={} refused={} slow={} max_ms={} max_seed={} failures={} first_seed={first} secs={:.1}",
        tally.inputs,
        tally.json,
        tally.text,
        tally.loaded,
        tally.imported,
        tally.refused,
        tally.slow,
        tally.max.as_millis(),
        tally.max_seed,
        tally.failures.len(),
        start.elapsed().as_secs_f64(),
    );
    for (reason, count) in &tally.reasons {
        println!("fuzz-refused: {count} × {reason}");
    }
    assert!(
        tally.failures.is_empty(),
        "{} failing inputs:\n{}",
        tally.failures.len(),
        tally.failures.join("\n")
    );
}
