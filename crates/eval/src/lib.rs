//! Scoring against gold annotations: which claims, values and conflicts a careful reader
//! finds in the corpus, and how many of them the tool finds too.
//!
//! [`Gold::load`] reads the gold file, [`score`] matches the tool's claims and conflicts
//! against it and gives [`Scores`] (precision, recall, F1 overall and per slice, with each
//! miss and false positive); [`Floor`] holds the committed minimums CI enforces. The crate
//! prints nothing: [`Scores::write_text`] writes to what it is given.

mod floor;
mod gold;
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
