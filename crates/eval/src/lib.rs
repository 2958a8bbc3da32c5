//! Scoring against gold annotations: which claims, values and conflicts a careful reader
//! finds in the corpus, and how many of them the tool finds too.
//!
//! [`Gold::load`] reads the gold file, [`score`] matches the tool's claims and conflicts
//! against it and gives [`Scores`] (precision, recall, F1 overall and per slice, with each
//! miss and false positive); [`Floor`] holds the committed minimums CI enforces. The crate
//! prints nothing: [`Scores::write_text`] writes to what it is given.

mod floor;
mod gold;
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

/// Reads the documents `gold` lists from `inputs` and extracts their claims with `rules`.
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
    use std::collections::BTreeMap;
    let mut files = Vec::new();
    // Times each listed document was found: located as a file, or read with its id.
    let mut found: BTreeMap<&str, usize> = gold.documents.iter().map(|d| (d.document.as_str(), 0)).collect();
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
                    files.push((input.clone(), path, Some(doc.document.as_str())));
                }
            }
        } else {
            files.push((input.clone(), input.clone(), None));
        }
    }
    let mut claims = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, (root, path, located)) in files.iter().enumerate() {
        let (mut discovered, found_diags) = parse::input::discover(std::slice::from_ref(path));
        diagnostics.extend(found_diags);
        if let Some(doc) = located
            && let Some(n) = found.get_mut(doc)
        {
            *n += 1;
        }
        for file in &mut discovered {
            // Each file its own ordinal, as the pipeline numbers them, so documents never share one.
            file.index = u32::try_from(index).unwrap_or(u32::MAX);
            let (documents, read_diags) = parse::input::read_file(file, config);
            diagnostics.extend(read_diags);
            for document in &documents {
                let key = match located {
                    Some(doc) => Some(*doc),
                    None => gold.key_of(root.parent().unwrap_or(root), &document.id, &document.path),
                };
                let Some(key) = key else { continue };
                if located.is_none()
                    && let Some(n) = found.get_mut(key)
                {
                    *n += 1;
                }
                // Parsed and extracted as extract::pipeline does for `check`.
                claims.extend(rules.extract(&parse::parse(document)));
            }
        }
    }
    let missing: Vec<&str> = found.iter().filter(|(_, n)| **n == 0).map(|(d, _)| *d).collect();
    let twice: Vec<&str> = found.iter().filter(|(_, n)| **n > 1).map(|(d, _)| *d).collect();
    if !missing.is_empty() || !twice.is_empty() {
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
        return Err(EvalError::Inputs { message });
    }
    Ok((claims, diagnostics))
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
