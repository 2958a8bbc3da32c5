//! The vocabulary of checks: conflict kinds and severities, as packs name them, and the
//! compiled [`Checks`] of a run that says which kind is reported at which severity.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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

/// Default smallest similarity for two unlisted contents to count as the same claim.
pub const DEFAULT_UNLISTED_SIMILARITY: f64 = 0.85;

/// Index of a kind in [`ConflictKind::ALL`]; slot `ALL.len()` holds "every kind".
fn slot(kind: ConflictKind) -> usize {
    ConflictKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

const SLOTS: usize = ConflictKind::ALL.len() + 1;

/// The checks of a run, compiled from the packs' `checks`: the severity of each conflict
/// kind (`None` when off), overrides per proposition or frame, and the smallest similarity
/// of the unlisted check. The one place severities are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Checks {
    kinds: [Option<Severity>; ConflictKind::ALL.len()],
    overrides: HashMap<String, [Option<Option<Severity>>; SLOTS]>,
    similarity: f64,
}

impl Default for Checks {
    /// Every kind at its default severity, no overrides.
    fn default() -> Checks {
        Checks {
            kinds: ConflictKind::ALL.map(|k| Some(k.default_severity())),
            overrides: HashMap::new(),
            similarity: DEFAULT_UNLISTED_SIMILARITY,
        }
    }
}

impl Checks {
    /// Reports `kind` at `severity`, or not at all when `None`.
    pub fn set(&mut self, kind: ConflictKind, severity: Option<Severity>) {
        self.kinds[slot(kind)] = severity;
    }

    /// For proposition or frame `target`, reports `kind` (every kind when `None`) at
    /// `severity`, or not at all. A later override of the same target and kind wins.
    pub fn set_override(&mut self, target: &str, kind: Option<ConflictKind>, severity: Option<Severity>) {
        let entry = self.overrides.entry(target.to_owned()).or_insert([None; SLOTS]);
        entry[kind.map_or(ConflictKind::ALL.len(), slot)] = Some(severity);
    }

    /// Sets the smallest similarity of the unlisted check; a value outside (0, 1] keeps
    /// the default.
    pub fn set_similarity(&mut self, similarity: f64) {
        if similarity.is_finite() && similarity > 0.0 && similarity <= 1.0 {
            self.similarity = similarity;
        }
    }

    /// Smallest similarity for two unlisted contents to count as the same claim.
    pub fn similarity(&self) -> f64 {
        self.similarity
    }

    /// The severity of `kind` for `target` (a proposition or frame id), `None` when off. An
    /// override naming the kind beats one for every kind, which beats the kind's severity.
    pub fn get(&self, kind: ConflictKind, target: Option<&str>) -> Option<Severity> {
        if let Some(slots) = target.and_then(|t| self.overrides.get(t)) {
            if let Some(value) = slots[slot(kind)] {
                return value;
            }
            if let Some(value) = slots[ConflictKind::ALL.len()] {
                return value;
            }
        }
        self.kinds[slot(kind)]
    }

    /// Whether `kind` can be reported at all: on for its kind, or on by some override.
    pub fn enabled(&self, kind: ConflictKind) -> bool {
        self.kinds[slot(kind)].is_some()
            || self.overrides.values().any(|slots| {
                matches!(slots[slot(kind)], Some(Some(_)))
                    || (slots[slot(kind)].is_none() && matches!(slots[ConflictKind::ALL.len()], Some(Some(_))))
            })
    }
}
