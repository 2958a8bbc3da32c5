//! Criterion benchmark of the comparator on synthetic claims (see `compare::synth`):
//! `compare` from owned claims (store built, compared, records written out), and
//! `compare_store` over a store built once, the path `claimcheck compare` and
//! `examples/scale.rs` take.

use claim::Checks;
use compare::synth::{SynthConfig, generate};
use compare::{ClaimStoreBuilder, compare_store};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench_compare(c: &mut Criterion) {
    let checks = Checks::default();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    for &n in &[10_000usize, 100_000, 1_000_000] {
        let claims = generate(&SynthConfig::new(n, 42));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("claims", n), &claims, |b, claims| {
            b.iter(|| black_box(compare::compare(black_box(claims), &checks)));
        });
        let mut builder = ClaimStoreBuilder::new();
        builder.add_owned(claims);
        let store = builder.finish();
        group.bench_with_input(BenchmarkId::new("store", n), &store, |b, store| {
            b.iter(|| black_box(compare_store(black_box(store), &checks)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_compare);
criterion_main!(benches);
