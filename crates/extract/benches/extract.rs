//! Claim extraction with the full default packs over generated news text, in bytes per
//! second on one thread: parse and extract in memory, parse alone, and the library pipeline
//! that `check` runs (read files → parse once → extract → sort). Packs are compiled once,
//! outside the measured loop.
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
        b.iter(|| docs.iter().map(|d| rules.extract(&parse::parse(black_box(d))).len()).sum::<usize>())
    });
    group.bench_function("parse-only/generated-news", |b| {
        b.iter(|| docs.iter().map(|d| parse::parse(black_box(d)).sentences.len()).sum::<usize>())
    });
    group.finish();
    pipeline(c, &rules);
}

/// The pipeline over about 1 MB of generated news written as files, on one thread.
fn pipeline(c: &mut Criterion, rules: &extract::RuleSet) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a temporary folder: {e}"));
    let written = corpusgen::write_corpus(dir.path(), 1_000_000, 5000, corpusgen::Layout::Md, 2017)
        .unwrap_or_else(|e| panic!("cannot write the corpus: {e}"));
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build() else {
        panic!("cannot start a thread");
    };
    let paths = [dir.path().to_path_buf()];
    let input = parse::input::InputConfig::default();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(written.bytes));
    group.sample_size(10);
    group.bench_function("default-packs/generated-news-files", |b| {
        b.iter(|| pool.install(|| extract::pipeline::run(rules, black_box(&paths), None, &input, &()).claims.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
