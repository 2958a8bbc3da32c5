//! Positions of one proposition and the stance conflicts between them: opposed stances,
//! self-contradictions and report conflicts.
//!
//! The input is every actor-voice claim of one proposition, ordered by principal and then in
//! claim order. Hedges count in positions but never make a conflict: they commit to nothing.
//!
//! **Speakers no pack lists** (`Voice::Unlisted`: "many researchers", "a Syrian activist") are
//! their own principals: they hold positions and are a side of opposed stances, but one
//! description gathers people who need not share a position, so their two stances are neither
//! a self-contradiction nor a report conflict.
//!
//! **Self-contradiction or report conflict.** When one principal both asserts and denies, the
//! comparator decides whether the principal changed or contradicts itself, or whether the
//! outlets disagree about what it said:
//! - it is a *self-contradiction* when one channel reports both stances (an outlet, and
//!   whom it heard the principal through: itself, or a relay such as "according to a
//!   diplomat"), when the principal speaks first-hand on both sides (a document whose source
//!   is the actor or its principal, by id or name, with no relay), or when the dates separate
//!   the stances (every assert dated before every deny, or the other way round: a change of
//!   position over time);
//! - otherwise, every channel reports one stance only and at least one side is second-hand
//!   at overlapping or unknown dates: a *report conflict*, one side per channel. An outlet
//!   that relays one account of the principal through a diplomat and the opposite through
//!   the principal's media has not contradicted itself, nor has the principal.

use crate::fingerprint::fingerprint;
use crate::found::{FoundConflict, FoundPosition, FoundSide, Subject};
use crate::intern::Sym;
use crate::order::listed_evidence;
use crate::record::PositionStance;
use crate::store::{ClaimStore, StoredClaim};
use claim::{Checks, ConflictKind, Stance, Voice};
use parse::Date;
use std::collections::BTreeSet;

/// One principal's claims on the proposition.
struct Principal<'a> {
    claims: &'a [u32],
    asserts: Vec<u32>,
    denies: Vec<u32>,
    blocs: BTreeSet<Sym>,
    id: Sym,
    name: Sym,
    /// A speaker no pack lists (`Voice::Unlisted`).
    unlisted: bool,
}

/// The proposition of a group, and the store its claims are in.
struct Group<'a> {
    store: &'a ClaimStore<'a>,
    id: Sym,
    statement: Sym,
}

impl Group<'_> {
    fn str(&self, sym: Sym) -> &str {
        self.store.str(sym)
    }

    fn statement(&self) -> &str {
        self.store.str(self.statement)
    }
}

/// Positions and stance conflicts of one proposition; `claims` hold one proposition id,
/// sorted by principal id then claim order.
pub(crate) fn proposition(
    store: &ClaimStore,
    claims: &[u32],
    checks: &Checks,
    conflicts: &mut Vec<FoundConflict>,
) -> Vec<FoundPosition> {
    let Some(first) = claims.first().map(|c| store.at(*c)) else {
        return Vec::new();
    };
    let Some(id) = first.proposition else {
        return Vec::new();
    };
    let group = Group { store, id, statement: first.statement };
    let mut principals = Vec::new();
    for run in claims.chunk_by(|a, b| store.at(*a).principal == store.at(*b).principal) {
        let head = store.at(run[0]);
        let mut principal = Principal {
            claims: run,
            asserts: Vec::new(),
            denies: Vec::new(),
            blocs: BTreeSet::new(),
            id: head.principal,
            name: head.principal_name,
            unlisted: head.voice == Voice::Unlisted,
        };
        for &claim in run {
            let c = store.at(claim);
            match c.stance {
                Stance::Assert => principal.asserts.push(claim),
                Stance::Deny => principal.denies.push(claim),
                Stance::Hedge => {}
            }
            principal.blocs.extend(store.list(c.blocs));
        }
        principals.push(principal);
    }
    let positions = principals.iter().map(|p| position(&group, p)).collect();
    let pack_id = group.str(id);

    if let Some(severity) = checks.get(ConflictKind::OpposedStance, Some(pack_id)) {
        for a in principals.iter().filter(|p| !p.asserts.is_empty()) {
            for d in principals.iter().filter(|p| !p.denies.is_empty()) {
                if a.id == d.id || same_bloc(a, d) {
                    continue;
                }
                let sides = vec![side(a, Stance::Assert, &a.asserts), side(d, Stance::Deny, &d.denies)];
                let mut actors = vec![a.id, d.id];
                actors.sort_unstable();
                let message =
                    format!("{} denies what {} asserts: {}", group.str(d.name), group.str(a.name), group.statement());
                let kind = ConflictKind::OpposedStance;
                conflicts.push(conflict(&group, kind, severity, actors, message, sides));
            }
        }
    }

    for p in principals.iter().filter(|p| !p.unlisted && !p.asserts.is_empty() && !p.denies.is_empty()) {
        if is_self_contradiction(store, p) {
            if let Some(severity) = checks.get(ConflictKind::SelfContradiction, Some(pack_id)) {
                conflicts.push(self_contradiction(&group, p, severity));
            }
        } else if let Some(severity) = checks.get(ConflictKind::ReportConflict, Some(pack_id)) {
            conflicts.push(report_conflict(&group, p, severity));
        }
    }
    positions
}

fn position(group: &Group<'_>, p: &Principal<'_>) -> FoundPosition {
    let store = group.store;
    let hedges = p.claims.len() - p.asserts.len() - p.denies.len();
    let stance = match (p.asserts.is_empty(), p.denies.is_empty()) {
        (false, false) => PositionStance::Mixed,
        (false, true) => PositionStance::Assert,
        (true, false) => PositionStance::Deny,
        (true, true) => PositionStance::Hedge,
    };
    let mut sources: Vec<Sym> = p.claims.iter().map(|c| store.at(*c).source).collect();
    sources.sort_unstable();
    sources.dedup();
    FoundPosition {
        proposition: group.id,
        statement: group.statement,
        actor: p.id,
        actor_name: p.name,
        stance,
        asserts: p.asserts.len(),
        denies: p.denies.len(),
        hedges,
        sources,
        first: p.claims.iter().filter_map(|c| store.at(*c).date).min(),
        last: p.claims.iter().filter_map(|c| store.at(*c).date).max(),
    }
}

/// Whether two principals belong together: a shared bloc, or one is the other's bloc.
fn same_bloc(a: &Principal<'_>, b: &Principal<'_>) -> bool {
    a.blocs.intersection(&b.blocs).next().is_some() || a.blocs.contains(&b.id) || b.blocs.contains(&a.id)
}

fn side(p: &Principal<'_>, stance: Stance, claims: &[u32]) -> FoundSide {
    let (evidence, evidence_omitted) = listed_evidence(claims);
    FoundSide { actor: p.id, actor_name: p.name, stance, value: None, evidence, evidence_omitted }
}

fn conflict(
    group: &Group<'_>,
    kind: ConflictKind,
    severity: claim::Severity,
    actors: Vec<Sym>,
    message: String,
    sides: Vec<FoundSide>,
) -> FoundConflict {
    FoundConflict {
        kind,
        severity,
        fingerprint: fingerprint(group.store, kind, group.str(group.id), &actors, &sides),
        subject: Subject::Proposition { id: group.id, statement: group.statement },
        event: None,
        actors,
        message,
        confidence: 1.0,
        sides,
    }
}

/// Whether the claim is the actor's own word: the document's source is the speaker or the
/// principal it speaks for, by id or display name.
fn first_hand(store: &ClaimStore, claim: &StoredClaim) -> bool {
    let source = store.str(claim.source);
    // What the outlet heard through someone else is not the principal's own word, even in
    // the principal's own outlet.
    if !store.str(claim.relay).is_empty() {
        return false;
    }
    [claim.actor, claim.actor_name, claim.principal, claim.principal_name]
        .iter()
        .map(|name| store.str(*name))
        .any(|name| !name.is_empty() && name.eq_ignore_ascii_case(source))
}

fn date_range(store: &ClaimStore, claims: &[u32]) -> Option<(Date, Date)> {
    let mut dates = claims.iter().map(|c| store.at(*c).date);
    let first = dates.next()??;
    let mut range = (first, first);
    for date in dates {
        let date = date?;
        range = (range.0.min(date), range.1.max(date));
    }
    Some(range)
}

/// Dates that put one stance wholly before the other, as (earlier stance, its last date,
/// the later stance's first date). `None` when a date is missing or the ranges overlap.
fn change_of_position(store: &ClaimStore, p: &Principal<'_>) -> Option<(Stance, Date, Date)> {
    let (a, d) = (date_range(store, &p.asserts)?, date_range(store, &p.denies)?);
    if a.1 < d.0 {
        Some((Stance::Assert, a.1, d.0))
    } else if d.1 < a.0 {
        Some((Stance::Deny, d.1, a.0))
    } else {
        None
    }
}

/// The channel a claim reached the text through: its outlet, and whom the outlet heard the
/// speaker through (the empty string when it reports the speaker itself).
fn channel(store: &ClaimStore, claim: u32) -> (Sym, Sym) {
    let c = store.at(claim);
    (c.source, c.relay)
}

fn is_self_contradiction(store: &ClaimStore, p: &Principal<'_>) -> bool {
    let assert_channels: BTreeSet<(Sym, Sym)> = p.asserts.iter().map(|c| channel(store, *c)).collect();
    let same_channel = p.denies.iter().any(|c| assert_channels.contains(&channel(store, *c)));
    let own_word = p.asserts.iter().any(|c| first_hand(store, store.at(*c)))
        && p.denies.iter().any(|c| first_hand(store, store.at(*c)));
    same_channel || own_word || change_of_position(store, p).is_some()
}

fn self_contradiction(group: &Group<'_>, p: &Principal<'_>, severity: claim::Severity) -> FoundConflict {
    let assert = side(p, Stance::Assert, &p.asserts);
    let deny = side(p, Stance::Deny, &p.denies);
    let (name, statement) = (group.str(p.name), group.statement());
    let (sides, message) = match change_of_position(group.store, p) {
        Some((Stance::Deny, last, first)) => (
            vec![deny, assert],
            format!("{name} changed position: denied until {last}, asserts from {first}: {statement}"),
        ),
        Some((_, last, first)) => (
            vec![assert, deny],
            format!("{name} changed position: asserted until {last}, denies from {first}: {statement}"),
        ),
        None => (vec![assert, deny], format!("{name} both asserts and denies: {statement}")),
    };
    conflict(group, ConflictKind::SelfContradiction, severity, vec![p.id], message, sides)
}

fn report_conflict(group: &Group<'_>, p: &Principal<'_>, severity: claim::Severity) -> FoundConflict {
    let store = group.store;
    // Stable sorts: claims keep their order within one channel.
    let by_channel = [(Stance::Assert, &p.asserts), (Stance::Deny, &p.denies)].map(|(stance, claims)| {
        let mut sorted: Vec<u32> = claims.clone();
        sorted.sort_by_key(|c| channel(store, *c));
        (stance, sorted)
    });
    let mut sides = Vec::new();
    let mut names = [Vec::new(), Vec::new()];
    for (slot, (stance, sorted)) in by_channel.iter().enumerate() {
        for run in sorted.chunk_by(|a, b| channel(store, *a) == channel(store, *b)) {
            let head = store.at(run[0]);
            // A relayed side is the relay's report, named with the outlet that carried it.
            let (actor, actor_name) = if store.str(head.relay).is_empty() {
                names[slot].push(group.str(head.source).to_owned());
                (head.source, head.source)
            } else {
                names[slot].push(format!("{} (via {})", group.str(head.source), group.str(head.relay_name)));
                (head.relay, head.relay_name)
            };
            let (evidence, evidence_omitted) = listed_evidence(run);
            sides.push(FoundSide { actor, actor_name, stance: *stance, value: None, evidence, evidence_omitted });
        }
    }
    let message = format!(
        "outlets disagree about what {} said: {} report an assert, {} a deny: {}",
        group.str(p.name),
        names[0].join(", "),
        names[1].join(", "),
        group.statement()
    );
    conflict(group, ConflictKind::ReportConflict, severity, vec![p.id], message, sides)
}
