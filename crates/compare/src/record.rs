//! The records the comparator produces. Their JSON form is part of the report contract.

use claim::{ConflictKind, Evidence, FrameRef, PropositionRef, Severity, Stance, Value};
use parse::Date;
use serde::{Deserialize, Serialize};

/// Where one actor stands on one proposition, over all the claims read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// The proposition.
    pub proposition: PropositionRef,
    /// The principal (`USA`), members rolled up.
    pub actor: String,
    /// Its display name.
    pub actor_name: String,
    /// The stance overall.
    pub stance: PositionStance,
    /// Claims asserting.
    pub asserts: usize,
    /// Claims denying.
    pub denies: usize,
    /// Claims hedging.
    pub hedges: usize,
    /// Outlets that reported it, sorted.
    pub sources: Vec<String>,
    /// Earliest claim date.
    pub first: Option<Date>,
    /// Latest claim date.
    pub last: Option<Date>,
}

/// The stance of a position taken over all its claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PositionStance {
    /// Only asserts (hedges allowed).
    Assert,
    /// Only denies.
    Deny,
    /// Only hedges.
    Hedge,
    /// Both asserts and denies.
    Mixed,
}

/// One side of a conflict: an actor's stance or value, with the evidence for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The principal (`RUS`) or, for report conflicts, the outlet.
    pub actor: String,
    /// Display name.
    pub actor_name: String,
    /// Its stance.
    pub stance: Stance,
    /// The value it gives, for value conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The claims behind it, in document order: the first [`MAX_EVIDENCE_PER_SIDE`].
    pub evidence: Vec<SideEvidence>,
    /// How many more claims stand behind this side than `evidence` lists.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub evidence_omitted: usize,
}

/// Most evidence a side of a conflict lists. A position read in thousands of documents would
/// otherwise copy all of them into every conflict it takes part in (100 MB of synthetic news
/// gave a 4.6 GB report); the position itself still counts every claim, and the
/// fingerprint reads no evidence at all.
pub const MAX_EVIDENCE_PER_SIDE: usize = 25;

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One claim behind a side: where it was read and who actually spoke.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideEvidence {
    /// Where it was read.
    #[serde(flatten)]
    pub evidence: Evidence,
    /// Who spoke, resolved (`rex-tillerson`).
    pub speaker_id: String,
    /// Display name of who spoke.
    pub speaker_name: String,
    /// How the speaker was found.
    pub attribution: String,
    /// Why the stance is what it is.
    pub reasons: Vec<String>,
    /// When it was said.
    pub date: Option<Date>,
}

/// A conflict between positions, reports or values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind.
    pub kind: ConflictKind,
    /// How much it matters.
    pub severity: Severity,
    /// What the conflict is about, hashed: kind, subject, actors and per side stance and value;
    /// never the evidence, so it holds when reports are added, removed or moved.
    pub fingerprint: String,
    /// The proposition in dispute, for stance conflicts.
    pub proposition: Option<PropositionRef>,
    /// The frame in dispute, for value conflicts.
    pub frame: Option<FrameRef>,
    /// The event the values are about, for value conflicts of a generic frame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<claim::Event>,
    /// The principals the conflict is about, sorted: both sides of an opposed stance, the
    /// one actor of a self-contradiction or report conflict, the actors giving each value.
    pub actors: Vec<String>,
    /// One line for people ("RUS denies what USA asserts").
    pub message: String,
    /// How sure the comparator is, 0 to 1 (lower for unlisted near-duplicates).
    pub confidence: f64,
    /// The sides, at least two.
    pub sides: Vec<Side>,
}

/// Everything the comparator found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Positions, ordered by proposition then actor.
    pub positions: Vec<Position>,
    /// Conflicts, ordered by subject, kind, actors, first evidence.
    pub conflicts: Vec<Conflict>,
}
