//! Death counts the default packs extract from the FA-KES articles (real news text on the
//! Syrian war, with casualty counts annotators read from each article), against those counts.
//! The data is not part of the project:
//! `cargo run -p eval --example fakes -- ../shared/data/fa-kes/articles.csv [--list N] [--jsonl FILE]`.
//!
//! An article counts as correct when a value of a `…deaths` frame the tool extracted from it
//! holds the annotated total (`nb_civilians + nb_noncivilians`). Only articles with a total
//! above zero are scored.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the annotators read from one article.
struct Annotation {
    title: String,
    source: String,
    total: f64,
    parts: [f64; 4],
}

fn number(record: &csv::StringRecord, index: Option<usize>) -> f64 {
    index.and_then(|i| record.get(i)).and_then(|v| v.trim().parse::<f64>().ok()).unwrap_or(0.0)
}

fn annotations(path: &PathBuf) -> Result<BTreeMap<String, Annotation>, String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (id, title, source) = (col("unit_id"), col("article_title"), col("source"));
    let (children, civilians, others, women) =
        (col("nb_children"), col("nb_civilians"), col("nb_noncivilians"), col("nb_women"));
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let text = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").to_owned();
        let parts =
            [number(&record, civilians), number(&record, others), number(&record, children), number(&record, women)];
        out.insert(
            text(id),
            Annotation { title: text(title), source: text(source), total: parts[0] + parts[1], parts },
        );
    }
    Ok(out)
}

fn main() -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(csv_path) = args.iter().find(|a| !a.starts_with("--") && a.ends_with(".csv")).map(PathBuf::from) else {
        let _ = writeln!(err, "usage: fakes ARTICLES.csv [--list N] [--jsonl FILE]");
        return ExitCode::from(2);
    };
    let list: usize = args
        .iter()
        .position(|a| a == "--list")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let gold = match annotations(&csv_path) {
        Ok(gold) => gold,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(2);
        }
    };
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Ok(packs) = pack::load_packs(&[root.join("rules")]) else {
        let _ = writeln!(err, "error: default packs do not load");
        return ExitCode::from(2);
    };
    let Ok(rules) = extract::RuleSet::compile(&packs) else {
        let _ = writeln!(err, "error: default packs do not compile");
        return ExitCode::from(2);
    };
    let config = parse::input::InputConfig {
        csv: parse::input::CsvMapping {
            text: "article_content".into(),
            source: Some("source".into()),
            published: Some("date".into()),
            title: Some("article_title".into()),
            id: Some("unit_id".into()),
            url: None,
        },
        ..parse::input::InputConfig::default()
    };
    // `--jsonl FILE` also writes every claim as `claimcheck claims --format jsonl` would, for
    // scripts/fakes-accuracy.py --claims-jsonl.
    let mut jsonl = match args.iter().position(|a| a == "--jsonl").and_then(|i| args.get(i + 1)) {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some(std::io::BufWriter::new(f)),
            Err(e) => {
                let _ = writeln!(err, "error: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let started = std::time::Instant::now();
    let (files, _) = parse::input::discover(std::slice::from_ref(&csv_path));
    let mut values: BTreeMap<String, Vec<(String, parse::Interval, String, String)>> = BTreeMap::new();
    let mut documents = 0usize;
    let mut claims = 0usize;
    for file in &files {
        let (docs, diagnostics) = parse::input::read_file(file, &config);
        for d in diagnostics {
            let _ = writeln!(err, "{d:?}");
        }
        for doc in &docs {
            documents += 1;
            let found = rules.extract(&parse::parse(doc));
            claims += found.len();
            if let Some(w) = jsonl.as_mut() {
                for c in &found {
                    if serde_json::to_writer(&mut *w, c).is_err() || writeln!(w).is_err() {
                        let _ = writeln!(err, "error: cannot write the claims");
                        return ExitCode::from(2);
                    }
                }
            }
            let entry = values.entry(doc.id.clone()).or_default();
            for c in found {
                if let Some(v) = c.value.filter(|v| v.frame.id.ends_with("deaths")) {
                    entry.push((v.frame.id, v.interval, v.raw, c.evidence.sentence));
                }
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();

    // Per article: correct (a deaths value holds the total), subset (it holds a part such
    // as the children), wrong (values, none fits), none (no deaths value at all).
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ks: BTreeMap<&str, usize> = BTreeMap::new();
    let mut examples: Vec<String> = Vec::new();
    let mut scored = 0usize;
    for (id, a) in &gold {
        if a.total <= 0.0 {
            continue;
        }
        scored += 1;
        let found = values.get(id).map_or(&[][..], Vec::as_slice);
        let holds = |x: f64| found.iter().any(|(_, i, _, _)| i.overlaps(&parse::Interval::exact(x)));
        let class = if found.is_empty() {
            "no deaths value extracted"
        } else if holds(a.total) {
            "correct"
        } else if a.parts.iter().any(|&p| p > 0.0 && holds(p)) {
            "a part of the toll (civilians, children...)"
        } else {
            "wrong number"
        };
        *tally.entry(class).or_default() += 1;
        if found.iter().any(|(f, _, _, _)| f == "syria-2017/ks-deaths") {
            *ks.entry(if holds(a.total) { "correct" } else { "wrong" }).or_default() += 1;
        }
        if class != "correct" && class != "no deaths value extracted" && examples.len() < list {
            let shown: Vec<String> =
                found.iter().map(|(f, i, raw, _)| format!("{f} = {} ({raw})", eval::show_interval(i))).collect();
            let sentence = found.first().map_or("", |(_, _, _, s)| s.as_str());
            examples.push(format!(
                "{id} [{}] annotated {} | found {}\n    title: {}\n    sentence: {}",
                a.source,
                a.total,
                shown.join(", "),
                a.title,
                sentence.chars().take(240).collect::<String>()
            ));
        }
    }
    let pct = |n: usize| if scored == 0 { 0.0 } else { 100.0 * n as f64 / scored as f64 };
    let _ = writeln!(out, "read {documents} articles, {claims} claims in {elapsed:.1} s");
    let _ = writeln!(out, "scored {scored} articles with an annotated toll above 0");
    for (class, n) in &tally {
        let _ = writeln!(out, "  {class:<45} {n:>4}  {:>5.1}%", pct(*n));
    }
    let any = tally.values().sum::<usize>() - tally.get("no deaths value extracted").copied().unwrap_or(0);
    let correct = tally.get("correct").copied().unwrap_or(0);
    let _ = writeln!(out, "accuracy over all scored: {:.1}%", pct(correct));
    let covered = if any == 0 { 0.0 } else { 100.0 * correct as f64 / any as f64 };
    let _ = writeln!(out, "accuracy where a deaths value was extracted: {covered:.1}% ({correct}/{any})");
    let _ = writeln!(out, "syria-2017/ks-deaths values: {ks:?}");
    for e in &examples {
        let _ = writeln!(out, "{e}");
    }
    ExitCode::SUCCESS
}
