//! Scoring against gold annotations: which claims, values and conflicts a careful reader
//! finds in the corpus, and how many of them the tool finds too.
//!
//! [`Gold::load`] reads the gold file, [`score`] matches the tool's claims and conflicts
//! against it and gives [`Scores`] (precision, recall, F1 overall and per slice, with each
//! miss and false positive); [`Floor`] holds the committed minimums CI enforces. The crate
//! prints nothing: [`Scores::write_text`] writes to what it is given.

mod floor;
mod gold;
pub mod models;
pub mod polnear;
mod score;
mod text;

pub use floor::{Floor, Minimums};
pub use gold::{Gold, GoldClaim, GoldConflict, GoldDocument, Subject, read_value, value_kind};
pub use score::{Area, Figures, Item, Row, Scores, score, show_interval, show_value};

/// Reads the documents `gold` lists under `corpus_root` with `input` and extracts their
/// claims with `rules`, through the same pipeline as `claimcheck check`
/// ([`extract::pipeline::run`]), so what is scored is what `check` reports. A document that
/// cannot be read is reported, not fatal: its gold claims then count as misses.
pub fn read_corpus(
    rules: &extract::RuleSet,
    gold: &Gold,
    corpus_root: &std::path::Path,
    input: &parse::input::InputConfig,
) -> (Vec<claim::Claim>, Vec<parse::Diagnostic>) {
    let extraction = extract::pipeline::run(rules, &gold.document_paths(corpus_root), None, input, &());
    (extraction.claims, extraction.diagnostics)
}

/// Reads the documents `gold` lists from `inputs` and extracts their claims with `rules`,
/// through the same pipeline as `claimcheck check` ([`extract::pipeline::run`]: the same
/// input configuration, file order, parse and claim order), keeping only the listed
/// documents.
///
/// A folder among the inputs holds the listed documents as files under it (the gold names
/// them by path relative to the folder, as in `corpus/gold.yaml`); a file among the inputs is
/// read whole (a CSV with `config`'s column mapping, JSON Lines, a text) and its documents are
/// kept when the gold names their id or path. Every listed document must be found exactly
/// once: an input that does not exist, a listed document no input holds, or an id two
/// documents share is an error, so that a slice whose data is missing fails instead of
/// scoring nothing. A document found but unreadable is a diagnostic; its gold claims count
/// as misses.
pub fn read_inputs(
    rules: &extract::RuleSet,
    gold: &Gold,
    inputs: &[std::path::PathBuf],
    config: &parse::input::InputConfig,
) -> Result<(Vec<claim::Claim>, Vec<parse::Diagnostic>), EvalError> {
    let mut paths = Vec::new();
    let mut located = std::collections::HashMap::new();
    for input in inputs {
        if !input.exists() {
            return Err(EvalError::Inputs {
                message: format!("input `{}` does not exist; the gold's documents are read from it", input.display()),
            });
        }
        if input.is_dir() {
            for doc in &gold.documents {
                let path = input.join(&doc.document);
                if path.is_file() {
                    located.insert(path.clone(), doc.document.as_str());
                    paths.push(path);
                }
            }
        } else {
            paths.push(input.clone());
        }
    }
    let found = gold.documents.iter().map(|d| (d.document.as_str(), 0)).collect();
    let listed = Listed { gold, located, found: std::sync::Mutex::new(found) };
    let extraction = extract::pipeline::run(rules, &paths, None, config, &listed);
    let found = listed.found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    match not_once(&found, gold, inputs) {
        Some(message) => Err(EvalError::Inputs { message }),
        None => Ok((extraction.claims, extraction.diagnostics)),
    }
}

/// What [`read_inputs`] keeps of what the pipeline reads: the documents the gold lists, each
/// counted each time it is found.
struct Listed<'g> {
    gold: &'g Gold,
    /// Files under a folder input, by path: the listed document each is.
    located: std::collections::HashMap<std::path::PathBuf, &'g str>,
    /// Times each listed document was found: located as a file, or read with its id.
    found: std::sync::Mutex<std::collections::BTreeMap<&'g str, usize>>,
}

impl Listed<'_> {
    fn count(&self, document: &str) {
        let mut found = self.found.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = found.get_mut(document) {
            *n += 1;
        }
    }
}

impl extract::pipeline::Observer for Listed<'_> {
    fn read(&self, file: &parse::input::InputFile, _: Option<&[u8]>) {
        // A located file counts once, read or not (an unreadable one is a diagnostic).
        if let Some(document) = self.located.get(&file.path) {
            self.count(document);
        }
    }

    fn document(&self, file: &parse::input::InputFile, document: &parse::Document) -> bool {
        if self.located.contains_key(&file.path) {
            return true;
        }
        let root = file.path.parent().unwrap_or(&file.path);
        match self.gold.key_of(root, &document.id, &document.path) {
            Some(key) => {
                self.count(key);
                true
            }
            None => false,
        }
    }
}

/// Why the listed documents were not each found exactly once, if they were not.
fn not_once(
    found: &std::collections::BTreeMap<&str, usize>,
    gold: &Gold,
    inputs: &[std::path::PathBuf],
) -> Option<String> {
    let missing: Vec<&str> = found.iter().filter(|(_, n)| **n == 0).map(|(d, _)| *d).collect();
    let twice: Vec<&str> = found.iter().filter(|(_, n)| **n > 1).map(|(d, _)| *d).collect();
    if missing.is_empty() && twice.is_empty() {
        return None;
    }
    let mut message = String::new();
    if !missing.is_empty() {
        let names: Vec<String> = inputs.iter().map(|p| format!("`{}`", p.display())).collect();
        message.push_str(&format!(
            "{} of the gold's {} documents are in none of the inputs ({}): {}",
            missing.len(),
            gold.documents.len(),
            names.join(", "),
            shorten(&missing)
        ));
    }
    if !twice.is_empty() {
        if !message.is_empty() {
            message.push_str("; ");
        }
        message.push_str(&format!(
            "{} documents are found more than once (an id two records share): {}",
            twice.len(),
            shorten(&twice)
        ));
    }
    Some(message)
}

/// The first few names of a list, and how many more there are.
fn shorten(names: &[&str]) -> String {
    let shown: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
    match names.len().saturating_sub(5) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Why a gold or floor file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("{path}: cannot read: {message}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        message: String,
    },
    /// The gold's documents could not all be found in the inputs.
    #[error("{message}")]
    Inputs {
        /// What is missing and where it was looked for.
        message: String,
    },
    /// The file is not what was expected.
    #[error("{origin}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was wrong and what was expected.
        message: String,
    },
}

impl EvalError {
    /// A YAML error, located in `origin`.
    fn located(origin: &str, err: &serde_yaml::Error) -> EvalError {
        let (line, column) = err.location().map_or((1, 1), |l| (l.line(), l.column()));
        let mut message = err.to_string();
        // serde_yaml appends " at line L column C"; the location is already in front.
        if let Some(at) = message.find(" at line ") {
            message.truncate(at);
        }
        EvalError::Invalid { origin: origin.to_owned(), line, column, message }
    }
}
