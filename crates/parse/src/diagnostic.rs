//! Problems found while reading input: never fatal to the run, always located.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What went wrong with a piece of input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// The document was not checked at all (binary, not UTF-8, empty, too large, unreadable).
    Skipped,
    /// The document was checked, but something in it was repaired or ignored.
    Warning,
}

/// A located problem with an input file or record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Display path of the file (`-` for standard input).
    pub path: String,
    /// 1-based line, when the problem has a place.
    pub line: Option<usize>,
    /// 1-based column, when the problem has a place.
    pub column: Option<usize>,
    /// Whether the document was skipped or only warned about.
    pub kind: DiagnosticKind,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for a document that was skipped.
    pub fn skipped(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            kind: DiagnosticKind::Skipped,
            message: message.into(),
        }
    }

    /// A diagnostic for a document that was read despite a problem.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            line: None,
            column: None,
            kind: DiagnosticKind::Warning,
            message: message.into(),
        }
    }

    /// The same diagnostic placed at `line:column`.
    pub fn at(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let what = match self.kind {
            DiagnosticKind::Skipped => "skipped",
            DiagnosticKind::Warning => "warning",
        };
        write!(f, ": {what}: {}", self.message)
    }
}
