//! Any input claimcheck reads, written as JSON Lines `copies` times over, each copy's ids
//! suffixed: a large real-text corpus for benchmarks from a small one.
//!
//! ```sh
//! cargo run --release -p corpusgen --example replicate -- ../shared/data/fa-kes/articles.csv 40 \
//!   text=article_content,source=source,published=date,title=article_title,id=unit_id > /tmp/fakes.jsonl
//! ```
#![allow(clippy::print_stderr)]

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(copies)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: replicate INPUT COPIES [field=column,…]");
    };
    let copies: usize = copies.parse()?;
    let mut csv = parse::input::CsvMapping::default();
    for pair in args.next().unwrap_or_default().split(',').filter(|p| !p.is_empty()) {
        let Some((field, column)) = pair.split_once('=') else { anyhow::bail!("`{pair}` is not field=column") };
        let column = column.to_owned();
        match field {
            "text" => csv.text = column,
            "source" => csv.source = Some(column),
            "published" => csv.published = Some(column),
            "title" => csv.title = Some(column),
            "id" => csv.id = Some(column),
            _ => anyhow::bail!("unknown field `{field}`"),
        }
    }
    let config = parse::input::InputConfig { csv, ..parse::input::InputConfig::default() };
    let (files, mut diagnostics) = parse::input::discover(&[PathBuf::from(path)]);
    let mut documents = Vec::new();
    for file in &files {
        let (docs, diags) = parse::input::read_file(file, &config);
        documents.extend(docs);
        diagnostics.extend(diags);
    }
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for copy in 0..copies {
        for d in &documents {
            let record = serde_json::json!({
                "id": format!("{}-{copy}", d.id),
                "source": d.source,
                "published": d.published.map(|p| p.to_string()),
                "title": d.title,
                "text": d.text,
            });
            writeln!(out, "{record}")?;
        }
    }
    out.flush()?;
    Ok(())
}
