//! Claims in, positions and conflicts out.
//!
//! Claims are grouped by (proposition, principal) into [`Position`]s; conflicts are found
//! per proposition and per frame in parallel (rayon) and returned in a fixed order, so the
//! same claims give the same conflicts whatever the thread count or input order. The crate
//! knows nothing of how text was parsed: it reads [`claim::Claim`] records only.
//!
//! Grouping sorts compact keys (hashes of the proposition or frame id and of the principal,
//! with the claim's index) instead of the claims, then sorts each group by the real ids and
//! the full claim order, so a hash collision only merges two groups that are then split
//! again. Every step is a sort or a linear pass: O(n log n) in the claims.
//!
//! Which claims take part in what:
//! - positions, opposed stances, self-contradictions and report conflicts: claims with a
//!   proposition in an actor's voice (see [`stance`] for how a self-contradiction is told
//!   from a report conflict);
//! - value conflicts: claims with a value, in any voice, except denials (see [`value`]);
//! - unlisted: claims with no proposition, in an actor's voice, asserting or denying (see
//!   [`unlisted`]).

pub mod event;
mod fingerprint;
mod jsonl;
mod order;
mod record;
pub mod stance;
pub mod synth;
pub mod unlisted;
pub mod value;

pub use fingerprint::normalise_sentence;
pub use jsonl::{JsonlError, read_claims_jsonl};
pub use record::{Comparison, Conflict, MAX_EVIDENCE_PER_SIDE, Position, PositionStance, Side, SideEvidence};

use claim::{Checks, Claim, ConflictKind, Voice};
use order::{claim_cmp, conflict_cmp, frame_id, proposition_id};
use rayon::prelude::*;
use std::ops::Range;
use xxhash_rust::xxh3::xxh3_64;

/// Groups `claims` into positions and finds the conflicts between them, at the severities
/// `checks` sets. The result is the same, byte for byte once serialised, whatever the order
/// of `claims` and whatever the size of the rayon thread pool it runs in.
pub fn compare(claims: &[Claim], checks: &Checks) -> Comparison {
    let ((positions, mut conflicts), (values, unlisted)) = rayon::join(
        || propositions(claims, checks),
        || {
            rayon::join(
                || frames(claims, checks),
                || match checks.get(ConflictKind::Unlisted, None) {
                    Some(severity) => unlisted::unlisted(claims, checks.similarity(), severity),
                    None => Vec::new(),
                },
            )
        },
    );
    conflicts.extend(values);
    conflicts.extend(unlisted);
    conflicts.par_sort_by(conflict_cmp);
    Comparison { positions, conflicts }
}

/// The indices of the claims `keep` selects, each with a hash of its `id`, sorted by the
/// hash so that claims of one id form a run (see [`runs`]).
fn keyed(
    claims: &[Claim],
    keep: impl Fn(&Claim) -> bool + Sync,
    id: impl Fn(&Claim) -> &str + Sync,
) -> Vec<(u64, usize)> {
    let mut keys: Vec<(u64, usize)> =
        claims.par_iter().enumerate().filter(|(_, c)| keep(c)).map(|(i, c)| (xxh3_64(id(c).as_bytes()), i)).collect();
    keys.par_sort_unstable_by_key(|k| k.0);
    keys
}

/// Runs of equal `key.0` in sorted keys, as index ranges.
fn runs<K: PartialEq>(keys: &[(K, usize)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        out.push(start..start + run.len());
        start += run.len();
    }
    out
}

fn propositions(claims: &[Claim], checks: &Checks) -> (Vec<Position>, Vec<Conflict>) {
    let keys = keyed(claims, |c| c.proposition.is_some() && c.voice == Voice::Actor, proposition_id);
    let groups: Vec<(Vec<Position>, Vec<Conflict>)> = runs(&keys)
        .into_par_iter()
        .map(|range| {
            let mut group: Vec<&Claim> = keys[range].iter().map(|k| &claims[k.1]).collect();
            group.sort_by(|a, b| {
                proposition_id(a)
                    .cmp(proposition_id(b))
                    .then_with(|| a.principal.id.cmp(&b.principal.id))
                    .then_with(|| claim_cmp(a, b))
            });
            let mut positions = Vec::new();
            let mut conflicts = Vec::new();
            for one in group.chunk_by(|a, b| proposition_id(a) == proposition_id(b)) {
                positions.extend(stance::proposition(one, checks, &mut conflicts));
            }
            (positions, conflicts)
        })
        .collect();
    let mut positions = Vec::with_capacity(groups.iter().map(|g| g.0.len()).sum());
    let mut conflicts = Vec::with_capacity(groups.iter().map(|g| g.1.len()).sum());
    for (p, c) in groups {
        positions.extend(p);
        conflicts.extend(c);
    }
    positions.par_sort_by(|a, b| a.proposition.id.cmp(&b.proposition.id).then_with(|| a.actor.cmp(&b.actor)));
    (positions, conflicts)
}

fn frames(claims: &[Claim], checks: &Checks) -> Vec<Conflict> {
    if !checks.enabled(ConflictKind::ValueMismatch) && !checks.enabled(ConflictKind::ValueRevised) {
        return Vec::new();
    }
    let keys = keyed(claims, value::gives_value, frame_id);
    runs(&keys)
        .into_par_iter()
        .flat_map_iter(|range| {
            let mut group: Vec<&Claim> = keys[range].iter().map(|k| &claims[k.1]).collect();
            group.sort_by(|a, b| {
                frame_id(a)
                    .cmp(frame_id(b))
                    .then_with(|| a.principal.id.cmp(&b.principal.id))
                    .then_with(|| match (&a.value, &b.value) {
                        (Some(x), Some(y)) => value::interval_cmp(&x.interval, &y.interval).then(x.kind.cmp(&y.kind)),
                        _ => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| claim_cmp(a, b))
            });
            let mut conflicts = Vec::new();
            for one in group.chunk_by(|a, b| frame_id(a) == frame_id(b)) {
                // A generic frame's values meet only the values of their own event.
                if one.iter().any(|c| c.value.as_ref().is_some_and(|v| v.event.is_some())) {
                    for g in event::event_groups(one) {
                        value::frame(&g.claims, Some(&g.event), checks, &mut conflicts);
                    }
                } else {
                    value::frame(one, None, checks, &mut conflicts);
                }
            }
            conflicts
        })
        .collect()
}
