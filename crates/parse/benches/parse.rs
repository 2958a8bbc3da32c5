//! Throughput of `parse` on generated news-like text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parse::{Document, Span};
use std::hint::black_box;

/// Deterministic news-like text: paragraphs of sentences with abbreviations, quotes,
/// numbers, dates and a few typographic characters, about `bytes` long.
fn news(bytes: usize) -> String {
    const SENTENCES: &[&str] = &[
        "The U.S. Defense Department said on Tuesday that at least 74 people were killed in the attack.",
        "\u{201C}This was a deliberate strike on civilians,\u{201D} Mr. Tillerson told reporters in Washington.",
        "Russia\u{2019}s defence ministry denied the claim, calling it \u{201C}simply staging\u{201D} by rebels.",
        "Nearly 90 people died, according to the Syrian Observatory for Human Rights.",
        "The U.N. Security Council met at 10 a.m. on April 5, 2017 to discuss a draft resolution.",
        "Gen. Joseph Dunford said six MiG-23 jets were destroyed at the Shayrat air base.",
        "Moscow said only 23 of the 59 Tomahawk missiles reached the base \u{2014} a figure the Pentagon disputed.",
        "Officials counted 1,200 wounded... and the toll was expected to rise.",
        "\u{201C}We have no doubt,\u{201D} she said. \u{201C}None at all.\u{201D}",
        "Dr. Ahmed al-Assad\u{00B4}s clinic treated seventy-two patients between 8 and 11 p.m.",
    ];
    let mut out = String::with_capacity(bytes + 512);
    let mut k = 0usize;
    while out.len() < bytes {
        for _ in 0..(3 + k % 4) {
            out.push_str(SENTENCES[k % SENTENCES.len()]);
            out.push(' ');
            k = k.wrapping_mul(7).wrapping_add(3) % 1009;
        }
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let text = news(4 << 20);
    let doc = Document::from_text("bench", text.clone());
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("parse (normalise, paragraphs, sentences, quotes)", |b| {
        b.iter(|| {
            let parsed = parse::parse(black_box(&doc));
            black_box((parsed.sentences.len(), parsed.quotes.len()))
        });
    });
    group.bench_function("parse + quantities and dates per sentence", |b| {
        b.iter(|| {
            let parsed = parse::parse(black_box(&doc));
            let text = parsed.text();
            let mut n = 0;
            for s in &parsed.sentences {
                n += parse::number::quantities(text, s.span).len();
                n += parse::date::dates(text, s.span, None).len();
            }
            black_box(n)
        });
    });
    group.bench_function("quantities over the whole text", |b| {
        b.iter(|| black_box(parse::number::quantities(black_box(&text), Span::new(0, text.len())).len()));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
