//! Importing report text at scale: 10 MB of newspaper pages must take under a second.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhenggai::import::import_bytes;

/// About 10 MB of report text: the seed pages repeated.
fn ten_megabytes() -> Vec<u8> {
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/sources/wuxi-2021-12-30.txt"
    ))
    .unwrap_or_default();
    let mut text = Vec::with_capacity(10 * 1024 * 1024 + seed.len());
    while !seed.is_empty() && text.len() < 10 * 1024 * 1024 {
        text.extend_from_slice(&seed);
        text.extend_from_slice(b"\n");
    }
    text
}

fn bench_import(c: &mut Criterion) {
    let text = ten_megabytes();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("10 MB of newspaper pages", |b| {
        b.iter(|| import_bytes(black_box(&text), "bench").map(|i| i.dataset.reports.len()))
    });
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
