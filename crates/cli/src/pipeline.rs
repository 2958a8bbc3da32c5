//! The shared run: load the packs, read the inputs in parallel, extract and order claims.

use crate::args::InputArgs;
use crate::config::Config;
use crate::output::note;
use crate::suppress::Collector;
use anyhow::{Context, Result, bail};
use extract::RuleSet;
use extract::pipeline::Extraction;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parse::input::{InputConfig, InputFile};
use parse::{Diagnostic, DiagnosticKind, Document, Format};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A CSV column mapping from `field=column,…` (`text=article_content,source=source`);
/// fields left out keep their default column names.
pub fn csv_mapping(spec: &str) -> Result<parse::input::CsvMapping> {
    let mut mapping = parse::input::CsvMapping::default();
    for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((field, column)) = pair.split_once('=') else {
            bail!("--csv-map: `{pair}` is not `field=column` (e.g. text=article_content)");
        };
        let column = column.trim().to_owned();
        match field.trim() {
            "text" => mapping.text = column,
            "source" => mapping.source = Some(column),
            "published" => mapping.published = Some(column),
            "title" => mapping.title = Some(column),
            "id" => mapping.id = Some(column),
            "url" => mapping.url = Some(column),
            other => bail!("--csv-map: unknown field `{other}`; expected text, source, published, title, id or url"),
        }
    }
    Ok(mapping)
}

/// A rayon pool of `jobs` threads (default: one per core).
pub fn pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        if jobs == 0 {
            bail!("--jobs must be at least 1");
        }
        builder = builder.num_threads(jobs);
    }
    builder.build().context("cannot start worker threads")
}

/// The input configuration of a run: the CSV mapping, lossy decoding and size cap from the
/// arguments and the config file, as `check`, `claims` and `eval` all read.
pub fn input_config(
    csv_map: Option<&str>,
    lossy: bool,
    max_file_bytes: Option<u64>,
    config: &Config,
) -> Result<InputConfig> {
    let csv = match csv_map {
        Some(map) => csv_mapping(map)?,
        None => config.file.csv.clone().unwrap_or_default(),
    };
    Ok(InputConfig {
        csv,
        lossy: lossy || config.file.lossy.unwrap_or(false),
        max_file_bytes: max_file_bytes.or(config.file.max_file_bytes).unwrap_or(InputConfig::default().max_file_bytes),
        ..InputConfig::default()
    })
}

/// How folders are walked: `.gitignore`, `.ignore` and hidden names respected unless
/// `--no-ignore`; the config's `exclude:` and every `--exclude` left out. A pattern that is
/// not a glob is an error naming it.
pub fn walk(args: &InputArgs, config: &Config) -> Result<parse::input::Walk> {
    let mut exclude = config.file.exclude.clone();
    exclude.extend(args.exclude.iter().cloned());
    let walk = parse::input::Walk { no_ignore: args.no_ignore, exclude };
    if let Err(message) = walk.check() {
        bail!("{message}");
    }
    Ok(walk)
}

/// Reads every input under `args.paths` in the pool with the library pipeline
/// ([`extract::pipeline::run`]), with a progress bar, and prints its diagnostics; the
/// inline suppressions of what it read go to `suppressions` when given.
pub fn extract(
    args: &InputArgs,
    config: &Config,
    quiet: bool,
    rules: &RuleSet,
    pool: &rayon::ThreadPool,
    suppressions: Option<&Collector>,
) -> Result<(Extraction, Duration)> {
    let start = Instant::now();
    let mut input = InputConfig {
        stdin_name: args.stdin_name.clone(),
        ..input_config(args.csv_map.as_deref(), args.lossy, args.max_file_bytes, config)?
    };
    input.walk = walk(args, config)?;
    let paths: Vec<PathBuf> = args.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let mut stdin = std::io::stdin();
    let stdin: Option<&mut (dyn Read + Send)> =
        if args.paths.iter().any(|p| p.as_os_str() == "-") { Some(&mut stdin) } else { None };
    let progress = progress_bar(quiet);
    let observer = Watch { bar: &progress, suppressions };
    let extraction = pool.install(|| extract::pipeline::run(rules, &paths, stdin, &input, &observer));
    progress.finish_and_clear();
    for diagnostic in &extraction.diagnostics {
        note(&diagnostic.to_string());
    }
    if extraction.files == 0 && extraction.diagnostics.is_empty() {
        note("note: no input documents found (known extensions: .txt, .md, .jsonl, .csv)");
    }
    Ok((extraction, start.elapsed()))
}

/// The summary counts of a run, skipped inputs listed.
pub fn summary(extraction: &Extraction) -> report::Summary {
    let diagnostics = &extraction.diagnostics;
    report::Summary {
        files: extraction.files,
        documents: extraction.documents,
        sentences: extraction.sentences,
        claims: extraction.claims.len(),
        unsupported: extraction.unsupported,
        input_warnings: diagnostics.iter().filter(|d| d.kind == DiagnosticKind::Warning).count(),
        skipped: diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::Skipped)
            .map(|d| report::Skipped { path: location(d), reason: d.message.clone() })
            .collect(),
        ..report::Summary::default()
    }
}

/// "read 3 documents (12.4 kB) in 0.02 s, 0.6 MB/s", for stderr.
pub fn timing(extraction: &Extraction, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let mb = extraction.bytes as f64 / 1e6;
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    let documents = extraction.documents;
    format!(
        "read {} ({:.1} kB) in {:.2} s: {:.1} MB/s, {:.0} documents/s",
        if documents == 1 { "1 document".to_owned() } else { format!("{documents} documents") },
        extraction.bytes as f64 / 1e3,
        secs,
        rate,
        if secs > 0.0 { documents as f64 / secs } else { 0.0 }
    )
}

fn location(d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", d.path),
        (Some(line), None) => format!("{}:{line}", d.path),
        _ => d.path.clone(),
    }
}

/// What the CLI watches of a run: the progress bar, and the suppressions of each file read.
struct Watch<'a> {
    bar: &'a ProgressBar,
    suppressions: Option<&'a Collector>,
}

impl extract::pipeline::Observer for Watch<'_> {
    fn found(&self, files: usize) {
        self.bar.set_length(files as u64);
    }

    fn read(&self, file: &InputFile, bytes: Option<&[u8]>) {
        self.bar.inc(1);
        if let (Some(collector), Some(bytes)) = (self.suppressions, bytes) {
            collector.read(file, bytes);
        }
    }
}

/// A bar on stderr when it is a terminal and the run is not quiet; hidden otherwise. Its
/// length is set once the inputs are found.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} files {wide_bar} {eta}") {
        bar.set_style(style);
    }
    bar
}

/// The current folder, for config and pack discovery.
pub fn cwd() -> Result<PathBuf> {
    std::env::current_dir().context("cannot read the current folder")
}

/// Reads one file for `explain`, as documents.
pub fn read_one(path: &Path, lossy: bool) -> Result<(Vec<Document>, Vec<Diagnostic>)> {
    if !path.is_file() {
        bail!("{}: no such file", path.display());
    }
    let file = InputFile {
        path: path.to_path_buf(),
        display: path.display().to_string(),
        format: Format::from_path(path).unwrap_or(Format::Text),
        index: 0,
    };
    Ok(parse::input::read_file(&file, &InputConfig { lossy, ..InputConfig::default() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_map_names_columns_and_rejects_unknown_fields() -> Result<()> {
        let m = csv_mapping("text=article_content, source=source,published=date,title=article_title,id=unit_id")?;
        assert_eq!(m.text, "article_content");
        assert_eq!(m.published.as_deref(), Some("date"));
        assert_eq!(m.id.as_deref(), Some("unit_id"));
        assert_eq!(m.url.as_deref(), Some("url"), "fields left out keep their default");
        let bad = csv_mapping("body=article_content").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(bad.contains("unknown field `body`"), "{bad}");
        assert!(csv_mapping("text").is_err());
        Ok(())
    }
}
