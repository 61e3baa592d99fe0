//! Loading at scale: parse + validate + statistics of generated data of about
//! 1, 10 and 100 MB (issue 6: 100 MB in at most 300 ms on two cores).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use zhenggai::generate;
use zhenggai::load::load_str;
use zhenggai::stats::Stats;

/// Reports per size: about 48 KiB of JSON each.
const SIZES: [(&str, usize); 3] = [("1 MB", 21), ("10 MB", 215), ("100 MB", 2150)];

fn bench_load(c: &mut Criterion) {
    let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (label, reports) in SIZES {
        let text = String::from_utf8(generate::to_vec(reports, 1)).unwrap();
        group.throughput(Throughput::Bytes(text.len() as u64));
        if reports > 1000 {
            group.measurement_time(Duration::from_secs(8));
        } else {
            group.measurement_time(Duration::from_secs(4));
        }
        group.bench_with_input(
            BenchmarkId::new("parse+validate+stats", label),
            &text,
            |b, text| {
                b.iter(|| {
                    let loaded = load_str("bench.json", black_box(text)).unwrap();
                    let stats = Stats::compute(&loaded.dataset, as_of);
                    (loaded.dataset.reports.len(), stats.reports.len())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
