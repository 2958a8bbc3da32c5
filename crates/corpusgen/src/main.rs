//! `corpusgen`: writes a seeded news-like corpus for benchmarks and scale tests.

use anyhow::Context as _;
use clap::{Parser, ValueEnum};
use corpusgen::{Layout, Mix, write_corpus_of};
use std::io::Write as _;
use std::path::PathBuf;

/// Writes N megabytes of generated news articles (deterministic for a seed).
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Folder to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// How much text to write, in MB (10^6 bytes).
    #[arg(long, default_value_t = 100)]
    megabytes: u64,
    /// Size of one article in bytes.
    #[arg(long, default_value_t = 4000)]
    article_bytes: usize,
    /// File layout.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Narration only: no reporting cue, quotation, count of the dead or question in any
    /// sentence (text `check` reads without a claim to find).
    #[arg(long)]
    narration: bool,
    /// Seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 2017)]
    seed: u64,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Txt,
    Md,
    Jsonl,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let layout = match args.format {
        Format::Txt => Layout::Txt,
        Format::Md => Layout::Md,
        Format::Jsonl => Layout::Jsonl,
    };
    let mix = if args.narration { Mix::Narration } else { Mix::News };
    let written = write_corpus_of(mix, &args.out, args.megabytes * 1_000_000, args.article_bytes, layout, args.seed)
        .with_context(|| format!("writing {}", args.out.display()))?;
    writeln!(
        std::io::stderr(),
        "corpusgen: {} articles, {} files, {} bytes in {}",
        written.articles,
        written.files,
        written.bytes,
        args.out.display()
    )?;
    Ok(())
}
