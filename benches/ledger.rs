//! Loading a ledger at scale: a generated 20,000-row 整改台账 (10,000 problems
//! merged over two rows each), read, validated and fully counted (issue 10:
//! at most a tenth of the time openpyxl takes to read it in read-only mode).
//!
//! `ZG_LEDGER_OUT=path cargo bench --bench ledger` writes the workbook
//! instead, for scripts/bench.sh to time zhenggai and openpyxl on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput};
use zhenggai::ledger::sample;
use zhenggai::load::load_bytes;
use zhenggai::stats::Stats;

// The binary's allocator, so that the figures are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Problems of two rows each: 20,000 rows.
const PROBLEMS: usize = 10_000;

fn bench_ledger(c: &mut Criterion, bytes: &[u8]) {
    let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut group = c.benchmark_group("ledger");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("read+validate+stats 20000 rows", |b| {
        b.iter(|| {
            let loaded = load_bytes("ledger.xlsx", black_box(bytes)).unwrap();
            let stats = Stats::compute(&loaded.dataset, as_of);
            assert_eq!(loaded.dataset.reports[0].problems.len(), PROBLEMS);
            stats.reports.len()
        })
    });
    group.finish();
}

fn main() {
    let bytes = sample::workbook(PROBLEMS).unwrap();
    if let Ok(path) = std::env::var("ZG_LEDGER_OUT") {
        std::fs::write(&path, &bytes).unwrap();
        eprintln!("wrote {path}: {} bytes", bytes.len());
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench_ledger(&mut c, &bytes);
    c.final_summary();
}
