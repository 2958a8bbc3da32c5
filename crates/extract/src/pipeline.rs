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
    /// Files in folders walked that have an extension no reader knows, left out.
    pub unsupported: usize,
}

/// Told what a run reads: how many files it found, then each file's bytes as read (once per
/// file, in any order, from any thread). `()` ignores all of it.
pub trait Observer: Sync {
    /// The inputs were found: `files` files will be read.
    fn found(&self, files: usize) {
        let _ = files;
    }

    /// One more file was read: `bytes` as read, before decoding, or `None` when it could
    /// not be (a diagnostic says why). Callers that need the text as written (inline
    /// suppressions) take it here rather than reading the file again.
    fn read(&self, file: &InputFile, bytes: Option<&[u8]>) {
        let _ = (file, bytes);
    }

    /// A document was read from `file` (from any thread, in any order): the run reports
    /// every document it reads here, before parsing it. Returning `false` leaves it out:
    /// it is neither parsed nor counted, and gives no claims (`eval` keeps only the
    /// documents its gold lists, and counts how often each was found).
    fn document(&self, file: &InputFile, document: &Document) -> bool {
        let _ = (file, document);
        true
    }
}

impl Observer for () {}

struct FileResult {
    documents: usize,
    sentences: usize,
    bytes: u64,
    /// Each document's claims, as extracted: put together once, in report order, when the
    /// run's are all in ([`in_report_order`]).
    claims: Vec<Vec<Claim>>,
    diagnostics: Vec<Diagnostic>,
}

/// Parses each document of `file` the observer keeps once, counts its sentences and
/// extracts its claims.
fn process(
    file: &InputFile,
    docs: Vec<Document>,
    diagnostics: Vec<Diagnostic>,
    rules: &RuleSet,
    observer: &dyn Observer,
) -> FileResult {
    let mut result = FileResult { documents: 0, sentences: 0, bytes: 0, claims: Vec::new(), diagnostics };
    for doc in docs.iter().filter(|doc| observer.document(file, doc)) {
        result.documents += 1;
        let parsed = parse::parse(doc);
        result.bytes += doc.text.len() as u64;
        result.sentences += parsed.sentences.len();
        result.claims.push(rules.extract(&parsed));
    }
    result
}

/// Reads every input under `paths` (and `stdin`, read last, when given) with `config`,
/// extracts claims in the current rayon pool, and orders them; `observer` is told what is
/// read. Files are read in path order and a file named twice is read once, so the order
/// inputs are named in never changes the result.
pub fn run(
    rules: &RuleSet,
    paths: &[PathBuf],
    stdin: Option<&mut (dyn Read + Send)>,
    config: &InputConfig,
    observer: &dyn Observer,
) -> Extraction {
    let found = parse::input::discover_with(paths, &config.walk);
    let (mut files, mut diagnostics) = (found.files, found.diagnostics);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    for (index, file) in files.iter_mut().enumerate() {
        file.index = u32::try_from(index).unwrap_or(u32::MAX);
    }
    observer.found(files.len());
    let mut results: Vec<FileResult> = files
        .par_iter()
        .map(|file| {
            let read = parse::input::read_bytes(file, config);
            observer.read(file, read.as_deref().ok());
            let (docs, diags) = match read {
                Ok(bytes) => parse::input::decode(&bytes, file, config),
                Err(skipped) => (Vec::new(), vec![skipped]),
            };
            process(file, docs, diags, rules, observer)
        })
        .collect();
    let mut extraction = Extraction { files: files.len(), unsupported: found.unsupported, ..Extraction::default() };
    if let Some(stdin) = stdin {
        let name = config.stdin_name.as_deref().unwrap_or(parse::input::STDIN);
        let stdin_file = InputFile {
            path: PathBuf::from(name),
            display: name.into(),
            format: Format::from_path(std::path::Path::new(name)).unwrap_or(config.stdin_format),
            index: u32::try_from(files.len()).unwrap_or(u32::MAX),
        };
        let mut bytes = Vec::new();
        match stdin.read_to_end(&mut bytes) {
            Ok(_) => {
                observer.read(&stdin_file, Some(&bytes));
                let (docs, diags) = parse::input::decode(&bytes, &stdin_file, config);
                results.push(process(&stdin_file, docs, diags, rules, observer));
            }
            Err(err) => diagnostics.push(Diagnostic::skipped("-", format!("cannot read standard input: {err}"))),
        }
        extraction.files += 1;
    }
    let mut claims = Vec::new();
    for result in results {
        extraction.documents += result.documents;
        extraction.sentences += result.sentences;
        extraction.bytes += result.bytes;
        claims.extend(result.claims);
        diagnostics.extend(result.diagnostics);
    }
    extraction.claims = in_report_order(claims);
    extraction.diagnostics = diagnostics;
    extraction
}

/// The claims of `batches` in the order of [`Claim::sort_key`], equal keys in the order
/// they came. A claim is a few hundred bytes (5,700 claims are about 4 MB): each is moved
/// twice, into one list of exactly their number and then to its place, where growing a
/// list per file and one for the run, sorting the claims themselves, or collecting them
/// into a list of unknown length copied each several times, into fresh memory.
fn in_report_order(batches: Vec<Vec<Claim>>) -> Vec<Claim> {
    let total = batches.iter().map(Vec::len).sum();
    let mut slots: Vec<Option<Claim>> = Vec::with_capacity(total);
    for batch in batches {
        slots.extend(batch.into_iter().map(Some));
    }
    let mut order: Vec<usize> = (0..total).collect();
    order.sort_by(|&a, &b| sort_key(&slots[a]).cmp(&sort_key(&slots[b])));
    let mut claims = Vec::with_capacity(total);
    claims.extend(order.into_iter().filter_map(|k| slots[k].take()));
    claims
}

fn sort_key(slot: &Option<Claim>) -> Option<(parse::DocOrdinal, usize, &str, &str)> {
    slot.as_ref().map(Claim::sort_key)
}
