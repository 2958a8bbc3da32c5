//! What the comparator finds, pointing into the [`ClaimStore`]: positions and conflicts whose
//! strings are symbols and whose evidence is claim indices, shared rather than copied. They
//! become the report's [`Position`]s and [`Conflict`]s only when written
//! ([`Findings::comparison`], or one at a time with [`Findings::conflict`]), and give the
//! same records, byte for byte, as comparing owned claims did.

use crate::intern::Sym;
use crate::record::{Comparison, Conflict, Position, PositionStance, Side};
use crate::store::{ClaimStore, StoredClaim};
use claim::{ConflictKind, Event, PropositionRef, Severity, Stance};
use parse::Date;
use rayon::prelude::*;
use std::cmp::Ordering;

/// Where one actor stands on one proposition (see [`Position`]).
#[derive(Clone, Debug)]
pub(crate) struct FoundPosition {
    pub(crate) proposition: Sym,
    pub(crate) statement: Sym,
    pub(crate) actor: Sym,
    pub(crate) actor_name: Sym,
    pub(crate) stance: PositionStance,
    pub(crate) asserts: usize,
    pub(crate) denies: usize,
    pub(crate) hedges: usize,
    /// Sorted, distinct.
    pub(crate) sources: Vec<Sym>,
    pub(crate) first: Option<Date>,
    pub(crate) last: Option<Date>,
}

/// What a conflict is about.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Subject {
    /// A proposition, by id and statement.
    Proposition { id: Sym, statement: Sym },
    /// The frame of this claim's value.
    Frame { claim: u32, id: Sym },
    /// Near-identical contents no proposition covers.
    Unlisted,
}

impl Subject {
    fn key(self) -> Option<Sym> {
        match self {
            Subject::Proposition { id, .. } | Subject::Frame { id, .. } => Some(id),
            Subject::Unlisted => None,
        }
    }
}

/// One side of a conflict (see [`Side`]).
#[derive(Clone, Debug)]
pub(crate) struct FoundSide {
    pub(crate) actor: Sym,
    pub(crate) actor_name: Sym,
    pub(crate) stance: Stance,
    /// The claim whose value the side gives.
    pub(crate) value: Option<u32>,
    /// The claims listed, in claim order.
    pub(crate) evidence: Vec<u32>,
    pub(crate) evidence_omitted: usize,
}

/// A conflict (see [`Conflict`]).
#[derive(Clone, Debug)]
pub(crate) struct FoundConflict {
    pub(crate) kind: ConflictKind,
    pub(crate) severity: Severity,
    pub(crate) fingerprint: u64,
    pub(crate) subject: Subject,
    pub(crate) event: Option<Box<Event>>,
    /// Sorted.
    pub(crate) actors: Vec<Sym>,
    pub(crate) message: String,
    pub(crate) confidence: f64,
    pub(crate) sides: Vec<FoundSide>,
}

/// Everything the comparator found in a store, in report order.
pub struct Findings {
    pub(crate) positions: Vec<FoundPosition>,
    pub(crate) conflicts: Vec<FoundConflict>,
}

impl Findings {
    /// How many conflicts.
    pub fn conflicts(&self) -> usize {
        self.conflicts.len()
    }

    /// How many positions.
    pub fn positions(&self) -> usize {
        self.positions.len()
    }

    /// The kind of each conflict, in report order.
    pub fn kinds(&self) -> impl Iterator<Item = ConflictKind> + '_ {
        self.conflicts.iter().map(|c| c.kind)
    }

    /// The severity of each conflict, in report order.
    pub fn severities(&self) -> impl Iterator<Item = Severity> + '_ {
        self.conflicts.iter().map(|c| c.severity)
    }

    /// Conflict `index` as the report shows it.
    pub fn conflict(&self, store: &ClaimStore, index: usize) -> Option<Conflict> {
        self.conflicts.get(index).map(|c| conflict(store, c))
    }

    /// Position `index` as the report shows it.
    pub fn position(&self, store: &ClaimStore, index: usize) -> Option<Position> {
        self.positions.get(index).map(|p| position(store, p))
    }

    /// Positions and conflicts as the report shows them (in parallel).
    pub fn comparison(&self, store: &ClaimStore) -> Comparison {
        Comparison {
            positions: self.positions.par_iter().map(|p| position(store, p)).collect(),
            conflicts: self.conflicts.par_iter().map(|c| conflict(store, c)).collect(),
        }
    }
}

fn claim_at<'s>(store: &'s ClaimStore<'_>, index: u32) -> Option<&'s StoredClaim> {
    store.claims.get(index as usize)
}

fn proposition_ref(store: &ClaimStore, id: Sym, statement: Sym) -> PropositionRef {
    PropositionRef { id: store.str(id).to_owned(), statement: store.str(statement).to_owned() }
}

fn position(store: &ClaimStore, p: &FoundPosition) -> Position {
    Position {
        proposition: proposition_ref(store, p.proposition, p.statement),
        actor: store.str(p.actor).to_owned(),
        actor_name: store.str(p.actor_name).to_owned(),
        stance: p.stance,
        asserts: p.asserts,
        denies: p.denies,
        hedges: p.hedges,
        sources: p.sources.iter().map(|s| store.str(*s).to_owned()).collect(),
        first: p.first,
        last: p.last,
    }
}

fn side(store: &ClaimStore, s: &FoundSide) -> Side {
    Side {
        actor: store.str(s.actor).to_owned(),
        actor_name: store.str(s.actor_name).to_owned(),
        stance: s.stance,
        value: s.value.and_then(|i| claim_at(store, i)).and_then(|c| store.value(c)).cloned(),
        evidence: s.evidence.iter().filter_map(|i| claim_at(store, *i)).map(|c| store.side_evidence(c)).collect(),
        evidence_omitted: s.evidence_omitted,
    }
}

fn conflict(store: &ClaimStore, c: &FoundConflict) -> Conflict {
    let (proposition, frame) = match c.subject {
        Subject::Proposition { id, statement } => (Some(proposition_ref(store, id, statement)), None),
        Subject::Frame { claim, .. } => {
            (None, claim_at(store, claim).and_then(|x| store.value(x)).map(|v| v.frame.clone()))
        }
        Subject::Unlisted => (None, None),
    };
    Conflict {
        kind: c.kind,
        severity: c.severity,
        fingerprint: format!("{:016x}", c.fingerprint),
        proposition,
        frame,
        event: c.event.as_deref().cloned(),
        actors: c.actors.iter().map(|a| store.str(*a).to_owned()).collect(),
        message: c.message.clone(),
        confidence: c.confidence,
        sides: c.sides.iter().map(|s| side(store, s)).collect(),
    }
}

/// Where a conflict is first seen: the earliest evidence over its sides, as (path, record,
/// start, document).
fn first_location(store: &ClaimStore, conflict: &FoundConflict) -> Option<(Sym, u32, usize, Sym)> {
    conflict
        .sides
        .iter()
        .flat_map(|s| s.evidence.iter())
        .filter_map(|i| claim_at(store, *i))
        .map(|c| (c.path, c.ordinal.record, c.span.start, c.document))
        .min()
}

/// Report order: subject (proposition or frame; unlisted last), kind, actors, first
/// evidence, then the fingerprint and message so no two conflicts tie by accident. Symbols
/// sort as their strings and fingerprints are fixed-width hex, so this is the order of the
/// conflicts as written.
pub(crate) fn conflict_cmp(store: &ClaimStore, a: &FoundConflict, b: &FoundConflict) -> Ordering {
    let (sa, sb) = (a.subject.key(), b.subject.key());
    sa.is_none()
        .cmp(&sb.is_none())
        .then_with(|| sa.cmp(&sb))
        .then(a.kind.cmp(&b.kind))
        .then_with(|| a.actors.cmp(&b.actors))
        .then_with(|| first_location(store, a).cmp(&first_location(store, b)))
        .then_with(|| a.fingerprint.cmp(&b.fingerprint))
        .then_with(|| a.message.cmp(&b.message))
}
