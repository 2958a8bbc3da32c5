//! The vocabulary of checks: conflict kinds and severities, as packs name them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A kind of conflict the comparator reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// One actor asserts a proposition another actor, not of its bloc, denies.
    OpposedStance,
    /// One actor (or its members) asserts and denies one proposition.
    SelfContradiction,
    /// Outlets disagree about what one actor said.
    ReportConflict,
    /// Incompatible values for one quantity.
    ValueMismatch,
    /// Values for one quantity that rose over time (a revised toll), reported apart.
    ValueRevised,
    /// Claims that match no proposition but say nearly the same thing with opposite stance.
    Unlisted,
}

impl ConflictKind {
    /// Every kind, in report order.
    pub const ALL: [ConflictKind; 6] = [
        ConflictKind::OpposedStance,
        ConflictKind::SelfContradiction,
        ConflictKind::ReportConflict,
        ConflictKind::ValueMismatch,
        ConflictKind::ValueRevised,
        ConflictKind::Unlisted,
    ];

    /// The name packs and reports use (`opposed-stance`).
    pub const fn name(self) -> &'static str {
        match self {
            ConflictKind::OpposedStance => "opposed-stance",
            ConflictKind::SelfContradiction => "self-contradiction",
            ConflictKind::ReportConflict => "report-conflict",
            ConflictKind::ValueMismatch => "value-mismatch",
            ConflictKind::ValueRevised => "value-revised",
            ConflictKind::Unlisted => "unlisted",
        }
    }

    /// Severity when no pack says otherwise.
    pub const fn default_severity(self) -> Severity {
        match self {
            ConflictKind::OpposedStance | ConflictKind::ValueMismatch => Severity::Error,
            ConflictKind::SelfContradiction | ConflictKind::ReportConflict => Severity::Warning,
            ConflictKind::ValueRevised | ConflictKind::Unlisted => Severity::Note,
        }
    }
}

impl fmt::Display for ConflictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How much a conflict matters; ordered `Note < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Note,
    /// Likely a real disagreement.
    Warning,
    /// A disagreement the pack author wants to gate on.
    Error,
}

impl Severity {
    /// The name packs and reports use.
    pub const fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
