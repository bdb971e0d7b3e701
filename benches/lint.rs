//! Throughput of the whole default rule set on article text, in bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::{Settings, lint_source};

const SAMPLE: &str = include_str!("../testdata/sample/harbor-festival.md");

fn lint_throughput(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("lint");
    for repeat in [1usize, 100] {
        let text = SAMPLE.repeat(repeat);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("sample x{repeat}"), |b| {
            b.iter(|| lint_source("bench.md", &text, &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, lint_throughput);
criterion_main!(benches);
