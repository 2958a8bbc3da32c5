//! The one pipeline from inputs to claims: read → parse once → extract → sort.
//!
//! `claimcheck check`, `claims` and `eval`, and the benchmarks, all call [`run`], so what
//! `eval` scores is what `check` reports: the same input configuration (CSV mapping, lossy
//! decoding, size cap), the same file order, the same parse.

use crate::RuleSet;
use claim::Claim;
use parse::input::{InputConfig, InputFile};
use parse::{Diagnostic, Document, Format};
use rayon::prelude::*;
use std::io::Read;
use std::path::PathBuf;

/// What reading and extracting the inputs produced.
#[derive(Debug, Default)]
pub struct Extraction {
    /// Input files found (standard input counts as one).
    pub files: usize,
    /// Documents read.
    pub documents: usize,
    /// Sentences in them, as parsed.
    pub sentences: usize,
    /// Bytes of text read.
    pub bytes: u64,
    /// Claims, ordered by document ordinal, then place in the text.
    pub claims: Vec<Claim>,
    /// Input problems, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Told how far a run is: how many files it found, then each file read. `()` ignores both.
pub trait Progress: Sync {
    /// The inputs were found: `files` files will be read.
    fn found(&self, files: usize) {
        let _ = files;
    }

    /// One more file was read.
    fn read(&self) {}
}

impl Progress for () {}

struct FileResult {
    documents: usize,
    sentences: usize,
    bytes: u64,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
}

/// Parses each document once, counts its sentences and extracts its claims.
fn process(docs: Vec<Document>, diagnostics: Vec<Diagnostic>, rules: &RuleSet) -> FileResult {
    let mut result = FileResult { documents: docs.len(), sentences: 0, bytes: 0, claims: Vec::new(), diagnostics };
    for doc in &docs {
        let parsed = parse::parse(doc);
        result.bytes += doc.text.len() as u64;
        result.sentences += parsed.sentences.len();
        result.claims.extend(rules.extract(&parsed));
    }
    result
}

/// Reads every input under `paths` (and `stdin`, read last, when given) with `config`,
/// extracts claims in the current rayon pool, and orders them. Files are read in path order and a file named twice is read once, so the
/// order inputs are named in never changes the result.
pub fn run(
    rules: &RuleSet,
    paths: &[PathBuf],
    stdin: Option<&mut (dyn Read + Send)>,
    config: &InputConfig,
    progress: &dyn Progress,
) -> Extraction {
    let (mut files, mut diagnostics) = parse::input::discover(paths);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    for (index, file) in files.iter_mut().enumerate() {
        file.index = u32::try_from(index).unwrap_or(u32::MAX);
    }
    progress.found(files.len());
    let mut results: Vec<FileResult> = files
        .par_iter()
        .map(|file| {
            let (docs, diags) = parse::input::read_file(file, config);
            let result = process(docs, diags, rules);
            progress.read();
            result
        })
        .collect();
    let mut extraction = Extraction { files: files.len(), ..Extraction::default() };
    if let Some(stdin) = stdin {
        let stdin_file = InputFile {
            path: PathBuf::from("-"),
            display: "-".into(),
            format: Format::Text,
            index: u32::try_from(files.len()).unwrap_or(u32::MAX),
        };
        let mut bytes = Vec::new();
        match stdin.read_to_end(&mut bytes) {
            Ok(_) => {
                let (docs, diags) = parse::input::decode(&bytes, &stdin_file, config);
                results.push(process(docs, diags, rules));
            }
            Err(err) => diagnostics.push(Diagnostic::skipped("-", format!("cannot read standard input: {err}"))),
        }
        extraction.files += 1;
    }
    for result in results {
        extraction.documents += result.documents;
        extraction.sentences += result.sentences;
        extraction.bytes += result.bytes;
        extraction.claims.extend(result.claims);
        diagnostics.extend(result.diagnostics);
    }
    extraction.claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    extraction.diagnostics = diagnostics;
    extraction
}
