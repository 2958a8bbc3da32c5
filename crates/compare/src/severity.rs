//! Severities from the packs' `checks`: per kind, with overrides per proposition or frame.

use claim::{ConflictKind, Severity};
use pack::schema::{ChecksDef, SeverityOrOff};
use std::collections::HashMap;

/// Default smallest similarity for two unlisted contents to count as the same claim.
pub const DEFAULT_UNLISTED_SIMILARITY: f64 = 0.85;

/// Index of a kind in [`ConflictKind::ALL`]; slot `ALL.len()` holds "every kind".
fn slot(kind: ConflictKind) -> usize {
    ConflictKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

const SLOTS: usize = ConflictKind::ALL.len() + 1;

/// The severity of each kind for each target, resolved once per run.
#[derive(Debug)]
pub(crate) struct Severities {
    kinds: [Option<Severity>; ConflictKind::ALL.len()],
    overrides: HashMap<String, [Option<Option<Severity>>; SLOTS]>,
    /// Smallest similarity for the unlisted check.
    pub(crate) similarity: f64,
}

fn resolve(value: SeverityOrOff) -> Option<Severity> {
    match value {
        SeverityOrOff::Severity(s) => Some(s),
        SeverityOrOff::Off(_) => None,
    }
}

impl Severities {
    pub(crate) fn new(checks: &ChecksDef) -> Severities {
        let mut kinds = ConflictKind::ALL.map(|k| Some(k.default_severity()));
        for (kind, value) in &checks.severity {
            kinds[slot(*kind)] = resolve(*value);
        }
        let mut overrides: HashMap<String, [Option<Option<Severity>>; SLOTS]> = HashMap::new();
        // Packs are merged in load order; a later override of the same target and kind wins.
        for def in &checks.overrides {
            let entry = overrides.entry(def.target.clone()).or_insert([None; SLOTS]);
            let index = def.kind.map_or(ConflictKind::ALL.len(), slot);
            entry[index] = Some(resolve(def.severity));
        }
        let similarity = checks
            .unlisted
            .as_ref()
            .map(|u| u.similarity)
            .filter(|s| s.is_finite() && *s > 0.0 && *s <= 1.0)
            .unwrap_or(DEFAULT_UNLISTED_SIMILARITY);
        Severities { kinds, overrides, similarity }
    }

    /// The severity of `kind` for `target` (a proposition or frame id), `None` when off. An
    /// override naming the kind beats one for every kind, which beats the kind's severity.
    pub(crate) fn get(&self, kind: ConflictKind, target: Option<&str>) -> Option<Severity> {
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
    pub(crate) fn enabled(&self, kind: ConflictKind) -> bool {
        self.kinds[slot(kind)].is_some()
            || self.overrides.values().any(|slots| {
                matches!(slots[slot(kind)], Some(Some(_)))
                    || (slots[slot(kind)].is_none() && matches!(slots[ConflictKind::ALL.len()], Some(Some(_))))
            })
    }
}
