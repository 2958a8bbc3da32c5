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
//!   from a report conflict); a speaker no pack lists (`Voice::Unlisted`) holds a position and
//!   takes part in opposed stances as its own principal, never in the other two;
//! - value conflicts: claims with a value, in any voice, except denials (see [`value`]);
//! - unlisted: claims with no proposition, in an actor's voice, asserting or denying (see
//!   [`unlisted`]).

pub mod event;
mod fingerprint;
mod found;
mod intern;
mod jsonl;
mod order;
mod record;
pub mod stance;
mod store;
pub mod synth;
pub mod unlisted;
pub mod value;

pub use fingerprint::normalise_sentence;
pub use found::Findings;
pub use jsonl::{JsonlError, read_claims_jsonl, read_claims_jsonl_into};
pub use record::{Comparison, Conflict, MAX_EVIDENCE_PER_SIDE, Position, PositionStance, Side, SideEvidence};
pub use store::{ClaimStore, ClaimStoreBuilder};

use claim::{Checks, Claim, ConflictKind, Voice};
use found::{FoundConflict, FoundPosition};
use intern::Sym;
use rayon::prelude::*;
use std::ops::Range;
use store::StoredClaim;

/// Groups `claims` into positions and finds the conflicts between them, at the severities
/// `checks` sets. The result is the same, byte for byte once serialised, whatever the order
/// of `claims` and whatever the size of the rayon thread pool it runs in.
pub fn compare(claims: &[Claim], checks: &Checks) -> Comparison {
    let store = ClaimStore::of(claims);
    compare_store(&store, checks).comparison(&store)
}

/// [`compare`] over a claim store: what it finds points into the store, and becomes the
/// report's records with [`Findings::comparison`] (or one conflict at a time).
pub fn compare_store(store: &ClaimStore, checks: &Checks) -> Findings {
    let ((positions, mut conflicts), (values, unlisted)) = rayon::join(
        || propositions(store, checks),
        || {
            rayon::join(
                || frames(store, checks),
                || match checks.get(ConflictKind::Unlisted, None) {
                    Some(severity) => unlisted::unlisted(store, checks.similarity(), severity),
                    None => Vec::new(),
                },
            )
        },
    );
    conflicts.extend(values);
    conflicts.extend(unlisted);
    conflicts.par_sort_by(|a, b| found::conflict_cmp(store, a, b));
    Findings { positions, conflicts }
}

/// The indices of the claims `keep` selects, each with its `id`, sorted by id then index
/// so that claims of one id form a run (see [`runs`]).
fn keyed(
    store: &ClaimStore,
    keep: impl Fn(&StoredClaim) -> bool + Sync,
    id: impl Fn(&StoredClaim) -> Sym + Sync,
) -> Vec<(Sym, u32)> {
    let mut keys: Vec<(Sym, u32)> =
        store.claims.par_iter().enumerate().filter(|(_, c)| keep(c)).map(|(i, c)| (id(c), i as u32)).collect();
    keys.par_sort_unstable();
    keys
}

/// Runs of equal `key.0` in sorted keys, as index ranges.
fn runs<K: PartialEq>(keys: &[(K, u32)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for run in keys.chunk_by(|a, b| a.0 == b.0) {
        out.push(start..start + run.len());
        start += run.len();
    }
    out
}

fn propositions(store: &ClaimStore, checks: &Checks) -> (Vec<FoundPosition>, Vec<FoundConflict>) {
    let takes_part = |c: &StoredClaim| c.proposition.is_some() && matches!(c.voice, Voice::Actor | Voice::Unlisted);
    let keys = keyed(store, takes_part, StoredClaim::proposition_key);
    let groups: Vec<(Vec<FoundPosition>, Vec<FoundConflict>)> = runs(&keys)
        .into_par_iter()
        .map(|range| {
            let mut group: Vec<u32> = keys[range].iter().map(|k| k.1).collect();
            group.sort_by(|&a, &b| {
                store.at(a).principal.cmp(&store.at(b).principal).then_with(|| store.claim_cmp(a, b))
            });
            let mut conflicts = Vec::new();
            let positions = stance::proposition(store, &group, checks, &mut conflicts);
            (positions, conflicts)
        })
        .collect();
    let mut positions = Vec::with_capacity(groups.iter().map(|g| g.0.len()).sum());
    let mut conflicts = Vec::with_capacity(groups.iter().map(|g| g.1.len()).sum());
    for (p, c) in groups {
        positions.extend(p);
        conflicts.extend(c);
    }
    positions.par_sort_by(|a, b| a.proposition.cmp(&b.proposition).then_with(|| a.actor.cmp(&b.actor)));
    (positions, conflicts)
}

fn frames(store: &ClaimStore, checks: &Checks) -> Vec<FoundConflict> {
    if !checks.enabled(ConflictKind::ValueMismatch) && !checks.enabled(ConflictKind::ValueRevised) {
        return Vec::new();
    }
    let keys = keyed(store, value::gives_value, StoredClaim::frame_key);
    runs(&keys)
        .into_par_iter()
        .flat_map_iter(|range| {
            let mut group: Vec<u32> = keys[range].iter().map(|k| k.1).collect();
            group.sort_by(|&a, &b| {
                let (x, y) = (store.at(a), store.at(b));
                x.principal
                    .cmp(&y.principal)
                    .then_with(|| match (store.value(x), store.value(y)) {
                        (Some(x), Some(y)) => value::interval_cmp(&x.interval, &y.interval).then(x.kind.cmp(&y.kind)),
                        _ => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| store.claim_cmp(a, b))
            });
            let mut conflicts = Vec::new();
            let event = |c: &u32| store.value(store.at(*c)).and_then(|v| v.event.as_ref());
            // A generic frame's values meet only the values of their own event.
            if group.iter().any(|c| event(c).is_some()) {
                let keys = group.iter().map(|c| (event(c), store.str(store.at(*c).document)));
                for (event, members) in event::groups(keys) {
                    let claims: Vec<u32> = members.into_iter().map(|i| group[i]).collect();
                    value::frame(store, &claims, Some(&event), checks, &mut conflicts);
                }
            } else {
                value::frame(store, &group, None, checks, &mut conflicts);
            }
            conflicts
        })
        .collect()
}
