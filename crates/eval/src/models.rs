//! Trained models read from files in place of the embedded ones, so that a retrained syntax
//! model, cue classifier or veto is measured without rebuilding the binary. `claimcheck eval`
//! (`--syntax-model`, `--cue-model`, `--veto-model`) and the trainers under `examples/` read
//! them through [`install`].

use std::path::{Path, PathBuf};

/// Why a model file did not take the embedded model's place.
#[derive(Debug, thiserror::Error)]
pub enum ModelFileError {
    /// The file could not be read.
    #[error("cannot read {}: {message}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        message: String,
    },
    /// The file holds no cue or veto model: what was wrong, and where.
    #[error("{}: no model: {message}", path.display())]
    NoModel {
        /// The file.
        path: PathBuf,
        /// The reader's message (line and column for a cue or veto model).
        message: String,
    },
    /// The file is no syntax model the binary can read (the decoder says why).
    #[error("{}: {message}", path.display())]
    NoSyntaxModel {
        /// The file.
        path: PathBuf,
        /// The decoder's message.
        message: String,
    },
    /// The embedded model was in use before this one could replace it.
    #[error("the {0} was read before its file could replace it")]
    TooLate(&'static str),
}

/// The model files given (each optional), read and put in place of the embedded models,
/// before anything parses, classifies or vetoes. A cue or veto file is read strictly (a line
/// that does not parse is an error naming its line and column); a syntax model must decode
/// whole.
pub fn install(syntax: Option<&Path>, cues: Option<&Path>, veto: Option<&Path>) -> Result<(), ModelFileError> {
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| ModelFileError::Read { path: path.to_owned(), message: e.to_string() })
    };
    let no_model = |path: &Path, e: &dyn std::fmt::Display| ModelFileError::NoModel {
        path: path.to_owned(),
        message: e.to_string(),
    };
    if let Some(path) = syntax {
        let parser = syntax::Parser::from_bytes(&read(path)?)
            .map_err(|e| ModelFileError::NoSyntaxModel { path: path.to_owned(), message: e.to_string() })?;
        if !syntax::install(parser) {
            return Err(ModelFileError::TooLate("syntax model"));
        }
    }
    let text_model = |path: Option<&Path>| -> Result<Option<extract::cue_model::Model>, ModelFileError> {
        let Some(path) = path else { return Ok(None) };
        let bytes = read(path)?;
        let text = String::from_utf8(bytes).map_err(|e| no_model(path, &e))?;
        extract::cue_model::Model::read(&text).map(Some).map_err(|e| no_model(path, &e))
    };
    let (cues, veto) = (text_model(cues)?, text_model(veto)?);
    if !extract::cue_model::Model::install(cues, veto) {
        return Err(ModelFileError::TooLate("cue classifier or veto"));
    }
    Ok(())
}
