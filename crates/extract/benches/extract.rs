//! Claim extraction with the full default packs over generated news text, in bytes per
//! second on one thread. Packs are compiled once, outside the measured loop.
#![allow(missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn documents() -> Vec<parse::Document> {
    (0..200)
        .map(|i| {
            let a = corpusgen::article(2017, i, 5000);
            let mut d = parse::Document::from_text(a.id, a.text);
            d.source = a.source;
            d.published = parse::Date::parse_published(&a.published);
            d
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let Ok(packs) = pack::load_packs(&[root]) else {
        panic!("the default packs do not load");
    };
    let Ok(rules) = extract::RuleSet::compile(&packs) else {
        panic!("the default packs do not compile");
    };
    let docs = documents();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("default-packs/generated-news", |b| {
        b.iter(|| docs.iter().map(|d| rules.extract(black_box(d)).len()).sum::<usize>())
    });
    group.bench_function("parse-only/generated-news", |b| {
        b.iter(|| docs.iter().map(|d| parse::parse(black_box(d)).sentences.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
