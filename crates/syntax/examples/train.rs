//! Trains the tagger and parser on silver CoNLL files and writes the model file; scores
//! agreement with the teacher on held-out files.
//!
//! `cargo run --release -p syntax --example train -- --out crates/syntax/model/en.model
//!  [--tagger-epochs N] [--parser-epochs N] [--min-weight N] --train A.conll… --heldout B.conll…`
//!
//! With `--tagger-from MODEL`, keeps the tagger of `MODEL` (a model file of this or the
//! previous version) and trains the parser only.
//!
//! `--clusters PATHS` gives the parser word clusters (a Brown-style paths file, see
//! `train/clusters.py`), read as features and written into the model. `--templates 0,1,…`
//! has the parser read only those transition templates (positions in the feature table,
//! `syntax::picked`), in that order, and writes the list into the model.
//!
//! `--jackknife N` has the parser learn from jackknifed tags (N parts, each tagged by a
//! tagger trained on the others); `--snapshots 8,10,12` writes the model as averaged after
//! those parser epochs to `OUT.8`, `OUT.10`, … and scores each on the held-out files.
//!
//! With `--prune MODEL` instead of `--train`, drops the weights of `MODEL` below
//! `--min-weight` (the tagger's below `--tagger-min-weight` and the labeller's below
//! `--label-min-weight`, by default the same) and writes the smaller model, without training.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use std::time::Instant;
use syntax::train::{self, Config, Sentence};

fn read(paths: &[String]) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        out.extend(train::read_conll(&text).map_err(|e| format!("{path}: {e}"))?);
    }
    Ok(out)
}

fn run() -> Result<(), String> {
    let mut config = Config { verbose: true, ..Config::default() };
    let (mut train_paths, mut heldout_paths, mut out, mut prune) = (Vec::new(), Vec::new(), None, None);
    let mut list: Option<&str> = None;
    let mut tagger_from = None;
    let mut tagger_min = None;
    let mut label_min = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next().and_then(|v| v.parse().ok()).ok_or(format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--train" => list = Some("train"),
            "--heldout" => list = Some("heldout"),
            "--out" => out = args.next(),
            "--prune" => prune = args.next(),
            "--tagger-from" => tagger_from = args.next(),
            "--tagger-epochs" => config.tagger_epochs = number("--tagger-epochs")?,
            "--parser-epochs" => config.parser_epochs = number("--parser-epochs")?,
            "--jackknife" => config.jackknife = number("--jackknife")?,
            "--clusters" => {
                let path = args.next().ok_or("--clusters needs a paths file")?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                config.clusters = syntax::clusters::Clusters::from_paths(&text).map_err(|e| format!("{path}: {e}"))?;
                eprintln!("{} word forms in clusters from {path}", config.clusters.len());
            }
            "--templates" => {
                let list = args.next().ok_or("--templates needs positions, such as 0,1,2")?;
                let positions: Vec<u8> = list
                    .split(',')
                    .map(|p| p.trim().parse().map_err(|_| format!("--templates: `{p}`")))
                    .collect::<Result<_, _>>()?;
                let picked = syntax::picked::Templates::picked(&positions);
                config.templates = Some(picked.ok_or("--templates: a position past the table or listed twice")?);
            }
            "--snapshots" => {
                let list = args.next().ok_or("--snapshots needs epochs, such as 8,10,12")?;
                for epoch in list.split(',') {
                    config.snapshots.push(epoch.trim().parse().map_err(|_| format!("--snapshots: `{epoch}`"))?);
                }
            }
            "--min-weight" => config.min_weight = number("--min-weight")?.min(32767) as i16,
            "--tagger-min-weight" => tagger_min = Some(number("--tagger-min-weight")?.min(32767) as i16),
            "--label-min-weight" => label_min = Some(number("--label-min-weight")?.min(32767) as i16),
            path if list == Some("train") => train_paths.push(path.to_string()),
            path if list == Some("heldout") => heldout_paths.push(path.to_string()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let out = out.ok_or("--out PATH is required")?;
    let heldout = read(&heldout_paths)?;
    let bytes = if let Some(model) = prune {
        let bytes = std::fs::read(&model).map_err(|e| format!("{model}: {e}"))?;
        let bounds = train::Pruning {
            tagger: tagger_min.unwrap_or(config.min_weight),
            moves: config.min_weight,
            labels: label_min.unwrap_or(config.min_weight),
        };
        train::prune(&bytes, bounds).map_err(|e| format!("{model}: {e}"))?
    } else {
        let data = read(&train_paths)?;
        let tokens: usize = data.iter().map(|s| s.words.len()).sum();
        eprintln!("training on {} sentences, {tokens} tokens", data.len());
        let started = Instant::now();
        let bytes = if let Some(model) = &tagger_from {
            let bytes = std::fs::read(model).map_err(|e| format!("{model}: {e}"))?;
            let tagger = train::tagger_of(&bytes).map_err(|e| format!("{model}: {e}"))?;
            eprintln!("the tagger of {model}, {} features; training the parser only", tagger.len());
            train::train_parser_with(&data, &config, tagger, |epoch, bytes| {
                let path = format!("{out}.{epoch}");
                if let Err(e) = std::fs::write(&path, &bytes) {
                    eprintln!("{path}: {e}");
                }
                match syntax::Parser::from_bytes(&bytes) {
                    Ok(parser) if !heldout.is_empty() => {
                        println!("epoch {epoch}, held out: {}", train::agreement(&parser, &heldout).summary());
                    }
                    Ok(_) => {}
                    Err(e) => eprintln!("{path}: {e}"),
                }
            })?
        } else {
            train::train(&data, &config)?
        };
        eprintln!("trained in {:.0} s; model {} bytes", started.elapsed().as_secs_f64(), bytes.len());
        bytes
    };
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    let parser = syntax::Parser::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let (t, p) = parser.feature_counts();
    println!("model: {} bytes, {t} tagger features, {p} parser features", bytes.len());
    if !heldout.is_empty() {
        println!("held out: {}", train::agreement(&parser, &heldout).summary());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
