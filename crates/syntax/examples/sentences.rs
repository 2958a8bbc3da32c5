//! Prints the sentences of text files, Markdown articles or a CSV column as JSON Lines
//! (`{"doc": …, "words": […]}`), split and tokenised exactly as claimcheck does: `parse`
//! sentences over the normalised text, then `parse::token::tokens`, then the clitics split off
//! as the parser does (`syntax::words::pieces`). The training scripts
//! under `train/` feed these to the teacher parser.
//!
//! `cargo run -p syntax --example sentences -- [--csv-column NAME] PATH…`

#![allow(clippy::print_stdout, clippy::print_stderr)]

use parse::input::{self, InputConfig};
use std::io::Write;
use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let mut config = InputConfig::default();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--csv-column" {
            let Some(column) = args.next() else {
                eprintln!("--csv-column needs a column name");
                return std::process::ExitCode::from(2);
            };
            config.csv.text = column;
            config.csv.id = None;
            config.csv.source = None;
            config.csv.published = None;
            config.csv.title = None;
            config.csv.url = None;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let (files, diagnostics) = input::discover(&paths);
    for d in &diagnostics {
        eprintln!("{d:?}");
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for file in &files {
        let (documents, diagnostics) = input::read_file(file, &config);
        for d in &diagnostics {
            eprintln!("{d:?}");
        }
        for (n, document) in documents.iter().enumerate() {
            let parsed = parse::parse(document);
            let text = parsed.text();
            let doc = format!("{}#{n}", file.display);
            for sentence in &parsed.sentences {
                let words: Vec<&str> = parse::token::tokens(text, sentence.span)
                    .flat_map(|t| syntax::words::pieces(t.span.text(text)))
                    .collect();
                if words.is_empty() {
                    continue;
                }
                let line = serde_json::json!({ "doc": doc, "words": words });
                if writeln!(out, "{line}").is_err() {
                    return std::process::ExitCode::SUCCESS;
                }
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
