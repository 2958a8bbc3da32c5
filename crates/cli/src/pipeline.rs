//! The shared run: load the packs, read the inputs in parallel, extract and order claims.

use crate::args::{Global, InputArgs};
use crate::config::Config;
use crate::output::note;
use anyhow::{Context, Result, anyhow, bail};
use claim::Claim;
use extract::RuleSet;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parse::input::{InputConfig, InputFile};
use parse::{Diagnostic, DiagnosticKind, Document, Format};
use rayon::prelude::*;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Loads and compiles the packs under `paths`; every problem is printed with file:line:col.
pub fn load_rules(paths: &[PathBuf]) -> Result<RuleSet> {
    if paths.is_empty() {
        bail!("no rule packs: no `rules/` folder here or above; pass --rules PATH or run `claimcheck init`");
    }
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        bail!("{}: no such rule pack file or folder", missing.display());
    }
    let packs = pack::load_packs(paths).map_err(|e| {
        for error in &e.errors {
            note(&format!("error: {error}"));
        }
        anyhow!("{e}")
    })?;
    if packs.files.is_empty() {
        bail!("no rule pack files (*.yaml) under {}", display_list(paths));
    }
    RuleSet::compile(&packs).map_err(|errors| {
        for error in &errors {
            note(&format!("error: {error}"));
        }
        anyhow!("{} error(s) in rule packs", errors.len())
    })
}

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

fn display_list(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
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

/// What reading and extracting the inputs produced.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Input files found.
    pub files: usize,
    /// Documents checked.
    pub documents: usize,
    /// Sentences in them.
    pub sentences: usize,
    /// Bytes of text read.
    pub bytes: u64,
    /// Claims, ordered by document ordinal, then place in the text.
    pub claims: Vec<Claim>,
    /// Input problems, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// Wall time of the run.
    pub elapsed: Duration,
}

struct FileResult {
    documents: usize,
    sentences: usize,
    bytes: u64,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
}

fn process(docs: Vec<Document>, diagnostics: Vec<Diagnostic>, rules: &RuleSet) -> FileResult {
    let mut result = FileResult { documents: docs.len(), sentences: 0, bytes: 0, claims: Vec::new(), diagnostics };
    for doc in &docs {
        result.bytes += doc.text.len() as u64;
        result.sentences += parse::parse(doc).sentences.len();
        result.claims.extend(rules.extract(doc));
    }
    result
}

/// Reads every input under `args.paths` in the pool, extracts claims, and orders them.
pub fn extract(
    args: &InputArgs,
    config: &Config,
    global: &Global,
    rules: &RuleSet,
    pool: &rayon::ThreadPool,
) -> Result<Extraction> {
    let start = Instant::now();
    let csv = match &args.csv_map {
        Some(map) => csv_mapping(map)?,
        None => config.file.csv.clone().unwrap_or_default(),
    };
    let input = InputConfig {
        csv,
        lossy: args.lossy || config.file.lossy.unwrap_or(false),
        max_file_bytes: config.file.max_file_bytes.unwrap_or(InputConfig::default().max_file_bytes),
        ..InputConfig::default()
    };
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = args.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let (mut files, mut diagnostics) = parse::input::discover(&paths);
    // The order inputs are named in must not change the report, and a file named twice
    // (`check a a/b.txt`) is read once: order by path, then number again.
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    for (index, file) in files.iter_mut().enumerate() {
        file.index = u32::try_from(index).unwrap_or(u32::MAX);
    }
    let progress = progress_bar(files.len(), global.quiet);
    let results: Vec<FileResult> = pool.install(|| {
        files
            .par_iter()
            .map(|file| {
                let (docs, diags) = parse::input::read_file(file, &input);
                let result = process(docs, diags, rules);
                progress.inc(1);
                result
            })
            .collect()
    });
    progress.finish_and_clear();
    let mut extraction = Extraction { files: files.len(), ..Extraction::default() };
    let mut all = results;
    if stdin {
        let stdin_file = InputFile {
            path: PathBuf::from("-"),
            display: "-".into(),
            format: Format::Text,
            index: u32::try_from(files.len()).unwrap_or(u32::MAX),
        };
        let mut bytes = Vec::new();
        match std::io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => {
                let (docs, diags) = parse::input::decode(&bytes, &stdin_file, &input);
                all.push(pool.install(|| process(docs, diags, rules)));
            }
            Err(err) => diagnostics.push(Diagnostic::skipped("-", format!("cannot read standard input: {err}"))),
        }
        extraction.files += 1;
    }
    for result in all {
        extraction.documents += result.documents;
        extraction.sentences += result.sentences;
        extraction.bytes += result.bytes;
        extraction.claims.extend(result.claims);
        diagnostics.extend(result.diagnostics);
    }
    extraction.claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    for diagnostic in &diagnostics {
        note(&diagnostic.to_string());
    }
    if extraction.files == 0 && diagnostics.is_empty() {
        note("note: no input documents found (known extensions: .txt, .md, .jsonl, .csv)");
    }
    extraction.diagnostics = diagnostics;
    extraction.elapsed = start.elapsed();
    Ok(extraction)
}

impl Extraction {
    /// Whether any input was skipped or warned about.
    pub fn has_diagnostics(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// The summary counts, skipped inputs listed.
    pub fn summary(&self) -> report::Summary {
        report::Summary {
            files: self.files,
            documents: self.documents,
            sentences: self.sentences,
            claims: self.claims.len(),
            input_warnings: self.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::Warning).count(),
            skipped: self
                .diagnostics
                .iter()
                .filter(|d| d.kind == DiagnosticKind::Skipped)
                .map(|d| report::Skipped { path: location(d), reason: d.message.clone() })
                .collect(),
            ..report::Summary::default()
        }
    }

    /// "read 3 documents (12.4 kB) in 0.02 s, 0.6 MB/s", for stderr.
    pub fn timing(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let rate = if secs > 0.0 { mb / secs } else { 0.0 };
        format!(
            "read {} ({:.1} kB) in {:.2} s: {:.1} MB/s, {:.0} documents/s",
            if self.documents == 1 { "1 document".to_owned() } else { format!("{} documents", self.documents) },
            self.bytes as f64 / 1e3,
            secs,
            rate,
            if secs > 0.0 { self.documents as f64 / secs } else { 0.0 }
        )
    }
}

fn location(d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", d.path),
        (Some(line), None) => format!("{}:{line}", d.path),
        _ => d.path.clone(),
    }
}

/// A bar on stderr when it is a terminal and the run is not quiet; hidden otherwise.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
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
