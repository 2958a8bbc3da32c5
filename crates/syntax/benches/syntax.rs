//! Speed of the embedded tagger and parser on the sample corpus's sentences, tokenised as
//! claimcheck tokenises them; and of decoding the embedded model.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

/// The sentences of `corpus/`, as owned word lists.
fn sentences() -> Vec<Vec<String>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let (files, _) = parse::input::discover(&[root]);
    let mut out = Vec::new();
    for file in &files {
        let (documents, _) = parse::input::read_file(file, &parse::input::InputConfig::default());
        for document in &documents {
            let parsed = parse::parse(document);
            let text = parsed.text();
            for sentence in &parsed.sentences {
                let words: Vec<String> =
                    parse::token::tokens(text, sentence.span).map(|t| t.span.text(text).to_string()).collect();
                if !words.is_empty() {
                    out.push(words);
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let sentences = sentences();
    let borrowed: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    let tokens: usize = borrowed.iter().map(Vec::len).sum();
    let parser = syntax::parser();

    let mut group = c.benchmark_group("syntax");
    group.sample_size(10);
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            for words in &borrowed {
                black_box(parser.tag(black_box(words)));
            }
        })
    });
    group.bench_function("tag+parse", |b| {
        b.iter(|| {
            for words in &borrowed {
                black_box(parser.parse(black_box(words)));
            }
        })
    });
    group.finish();

    let mut load = c.benchmark_group("model");
    load.sample_size(10);
    load.bench_function("load", |b| b.iter(|| black_box(syntax::Parser::from_bytes(black_box(syntax::model_bytes())))));
    load.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
