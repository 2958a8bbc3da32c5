//! Load time and tokens per second of the embedded model, in wall-clock time and in this
//! process's CPU time (Linux `/proc/self/stat`), which a shared, loaded machine inflates
//! less. The criterion benchmarks (`cargo bench -p syntax`) are the reference; this is a
//! cross-check for noisy machines.
//!
//! `cargo run --release -p syntax --example speed -- [ROUNDS] [MODEL] [SENTENCES.conll]`
//!
//! With `MODEL`, that model file instead of the embedded one (`-` for the embedded one);
//! with a CoNLL file (as `train/annotate.py` writes), its sentences instead of `corpus/`.

#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::Instant;

/// CPU seconds (user + system) this process has used, when the platform tells.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn measure(label: &str, tokens: usize, rounds: usize, mut f: impl FnMut()) {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    for _ in 0..rounds {
        f();
    }
    let wall = wall.elapsed().as_secs_f64();
    let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
    let total = (tokens * rounds) as f64;
    match cpu {
        Some(cpu) if cpu > 0.0 => println!(
            "{label}: {:.0} tokens/s wall, {:.0} tokens/s CPU ({:.2} s wall, {cpu:.2} s CPU)",
            total / wall,
            total / cpu,
            wall
        ),
        _ => println!("{label}: {:.0} tokens/s wall ({wall:.2} s)", total / wall),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let file = args.get(2).filter(|m| *m != "-").map(|m| std::fs::read(m).unwrap_or_else(|e| panic!("{m}: {e}")));
    let bytes: &[u8] = file.as_deref().unwrap_or(syntax::model_bytes());
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let loaded;
    let parser = if file.is_some() {
        loaded = syntax::Parser::from_bytes(bytes).unwrap_or_else(|e| panic!("{e}"));
        &loaded
    } else {
        syntax::parser()
    };
    let cpu = cpu.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
    let (t, p) = parser.feature_counts();
    println!(
        "load: {:.1} ms wall, {:.0} ms CPU ({} bytes, {t} tagger and {p} parser features)",
        wall.elapsed().as_secs_f64() * 1000.0,
        cpu * 1000.0,
        bytes.len()
    );

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let (files, _) = parse::input::discover(&[root]);
    let mut sentences: Vec<Vec<String>> = Vec::new();
    if let Some(conll) = args.get(3) {
        let text = std::fs::read_to_string(conll).unwrap_or_else(|e| panic!("{conll}: {e}"));
        let data = syntax::train::read_conll(&text).unwrap_or_else(|e| panic!("{conll}: {e}"));
        sentences.extend(data.into_iter().map(|s| s.words));
    }
    for file in files.iter().filter(|_| args.len() < 4) {
        let (documents, _) = parse::input::read_file(file, &parse::input::InputConfig::default());
        for document in &documents {
            let parsed = parse::parse(document);
            let text = parsed.text();
            for s in &parsed.sentences {
                sentences.push(parse::token::tokens(text, s.span).map(|t| t.span.text(text).to_string()).collect());
            }
        }
    }
    let borrowed: Vec<Vec<&str>> = sentences.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    let tokens: usize = borrowed.iter().map(Vec::len).sum();
    let source = args.get(3).map_or("corpus/", String::as_str);
    println!("{} sentences, {tokens} tokens ({source}), {rounds} rounds", borrowed.len());
    // A digest of every parse, to compare the output of two builds (a faster table must
    // parse exactly as the slower one did).
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for words in &borrowed {
        std::hash::Hash::hash(&format!("{:?}", parser.parse(words)), &mut digest);
    }
    println!("parse digest: {:016x}", std::hash::Hasher::finish(&digest));
    measure("tag", tokens, rounds, || {
        for words in &borrowed {
            std::hint::black_box(parser.tag(words));
        }
    });
    measure("tag+parse", tokens, rounds, || {
        for words in &borrowed {
            std::hint::black_box(parser.parse(words));
        }
    });
}
