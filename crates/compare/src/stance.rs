//! Positions of one proposition and the stance conflicts between them: opposed stances,
//! self-contradictions and report conflicts.
//!
//! The input is every actor-voice claim of one proposition, ordered by principal and then in
//! claim order. Hedges count in positions but never make a conflict: they commit to nothing.
//!
//! **Self-contradiction or report conflict.** When one principal both asserts and denies, the
//! comparator decides whether the principal changed or contradicts itself, or whether the
//! outlets disagree about what it said:
//! - it is a *self-contradiction* when one outlet (source) reports both stances, when the
//!   principal speaks first-hand on both sides (a document whose source is the actor or its
//!   principal, by id or name), or when the dates separate the stances (every assert dated
//!   before every deny, or the other way round: a change of position over time);
//! - otherwise, every outlet reports one stance only and at least one side is second-hand
//!   at overlapping or unknown dates: a *report conflict*, one side per outlet.

use crate::fingerprint::fingerprint;
use crate::order::listed_evidence;
use crate::record::{Conflict, Position, PositionStance, Side};
use claim::{Checks, Claim, ConflictKind, Stance};
use parse::Date;
use std::collections::BTreeSet;

/// One principal's claims on the proposition.
struct Principal<'a> {
    claims: &'a [&'a Claim],
    asserts: Vec<&'a Claim>,
    denies: Vec<&'a Claim>,
    blocs: BTreeSet<&'a str>,
}

impl<'a> Principal<'a> {
    fn id(&self) -> &'a str {
        self.claims.first().map_or("", |c| c.principal.id.as_str())
    }

    fn name(&self) -> &'a str {
        self.claims.first().map_or("", |c| c.principal.name.as_str())
    }
}

/// Positions and stance conflicts of one proposition; `claims` hold one proposition id,
/// sorted by principal id then claim order.
pub(crate) fn proposition(claims: &[&Claim], checks: &Checks, conflicts: &mut Vec<Conflict>) -> Vec<Position> {
    let Some(proposition) = claims.first().and_then(|c| c.proposition.clone()) else {
        return Vec::new();
    };
    let mut principals = Vec::new();
    for run in claims.chunk_by(|a, b| a.principal.id == b.principal.id) {
        let mut principal = Principal { claims: run, asserts: Vec::new(), denies: Vec::new(), blocs: BTreeSet::new() };
        for claim in run {
            match claim.stance {
                Stance::Assert => principal.asserts.push(claim),
                Stance::Deny => principal.denies.push(claim),
                Stance::Hedge => {}
            }
            principal.blocs.extend(claim.blocs.iter().map(String::as_str));
        }
        principals.push(principal);
    }
    let positions = principals.iter().map(|p| position(&proposition, p)).collect();
    let id = proposition.id.as_str();

    if let Some(severity) = checks.get(ConflictKind::OpposedStance, Some(id)) {
        for a in principals.iter().filter(|p| !p.asserts.is_empty()) {
            for d in principals.iter().filter(|p| !p.denies.is_empty()) {
                if a.id() == d.id() || same_bloc(a, d) {
                    continue;
                }
                let sides = vec![side(a, Stance::Assert, &a.asserts), side(d, Stance::Deny, &d.denies)];
                let mut actors = vec![a.id().to_owned(), d.id().to_owned()];
                actors.sort_unstable();
                let message = format!("{} denies what {} asserts: {}", d.name(), a.name(), proposition.statement);
                let kind = ConflictKind::OpposedStance;
                conflicts.push(conflict(kind, severity, &proposition, actors, message, sides));
            }
        }
    }

    for p in principals.iter().filter(|p| !p.asserts.is_empty() && !p.denies.is_empty()) {
        if is_self_contradiction(p) {
            if let Some(severity) = checks.get(ConflictKind::SelfContradiction, Some(id)) {
                conflicts.push(self_contradiction(&proposition, p, severity));
            }
        } else if let Some(severity) = checks.get(ConflictKind::ReportConflict, Some(id)) {
            conflicts.push(report_conflict(&proposition, p, severity));
        }
    }
    positions
}

fn position(proposition: &claim::PropositionRef, p: &Principal<'_>) -> Position {
    let hedges = p.claims.len() - p.asserts.len() - p.denies.len();
    let stance = match (p.asserts.is_empty(), p.denies.is_empty()) {
        (false, false) => PositionStance::Mixed,
        (false, true) => PositionStance::Assert,
        (true, false) => PositionStance::Deny,
        (true, true) => PositionStance::Hedge,
    };
    let mut sources: Vec<String> = p.claims.iter().map(|c| c.evidence.source.clone()).collect();
    sources.sort_unstable();
    sources.dedup();
    Position {
        proposition: proposition.clone(),
        actor: p.id().to_owned(),
        actor_name: p.name().to_owned(),
        stance,
        asserts: p.asserts.len(),
        denies: p.denies.len(),
        hedges,
        sources,
        first: p.claims.iter().filter_map(|c| c.date).min(),
        last: p.claims.iter().filter_map(|c| c.date).max(),
    }
}

/// Whether two principals belong together: a shared bloc, or one is the other's bloc.
fn same_bloc(a: &Principal<'_>, b: &Principal<'_>) -> bool {
    a.blocs.intersection(&b.blocs).next().is_some() || a.blocs.contains(b.id()) || b.blocs.contains(a.id())
}

fn side(p: &Principal<'_>, stance: Stance, claims: &[&Claim]) -> Side {
    let (evidence, evidence_omitted) = listed_evidence(claims);
    Side { actor: p.id().to_owned(), actor_name: p.name().to_owned(), stance, value: None, evidence, evidence_omitted }
}

fn conflict(
    kind: ConflictKind,
    severity: claim::Severity,
    proposition: &claim::PropositionRef,
    actors: Vec<String>,
    message: String,
    sides: Vec<Side>,
) -> Conflict {
    Conflict {
        kind,
        severity,
        fingerprint: fingerprint(kind, &proposition.id, &actors, &sides),
        proposition: Some(proposition.clone()),
        frame: None,
        event: None,
        actors,
        message,
        confidence: 1.0,
        sides,
    }
}

/// Whether the claim is the actor's own word: the document's source is the speaker or the
/// principal it speaks for, by id or display name.
fn first_hand(claim: &Claim) -> bool {
    let source = claim.evidence.source.as_str();
    [&claim.actor.id, &claim.actor.name, &claim.principal.id, &claim.principal.name]
        .iter()
        .any(|name| !name.is_empty() && name.eq_ignore_ascii_case(source))
}

fn date_range(claims: &[&Claim]) -> Option<(Date, Date)> {
    let mut dates = claims.iter().map(|c| c.date);
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
fn change_of_position(p: &Principal<'_>) -> Option<(Stance, Date, Date)> {
    let (a, d) = (date_range(&p.asserts)?, date_range(&p.denies)?);
    if a.1 < d.0 {
        Some((Stance::Assert, a.1, d.0))
    } else if d.1 < a.0 {
        Some((Stance::Deny, d.1, a.0))
    } else {
        None
    }
}

fn is_self_contradiction(p: &Principal<'_>) -> bool {
    let assert_sources: BTreeSet<&str> = p.asserts.iter().map(|c| c.evidence.source.as_str()).collect();
    let same_source = p.denies.iter().any(|c| assert_sources.contains(c.evidence.source.as_str()));
    let own_word = p.asserts.iter().any(|c| first_hand(c)) && p.denies.iter().any(|c| first_hand(c));
    same_source || own_word || change_of_position(p).is_some()
}

fn self_contradiction(proposition: &claim::PropositionRef, p: &Principal<'_>, severity: claim::Severity) -> Conflict {
    let assert = side(p, Stance::Assert, &p.asserts);
    let deny = side(p, Stance::Deny, &p.denies);
    let (sides, message) = match change_of_position(p) {
        Some((Stance::Deny, last, first)) => (
            vec![deny, assert],
            format!(
                "{} changed position: denied until {last}, asserts from {first}: {}",
                p.name(),
                proposition.statement
            ),
        ),
        Some((_, last, first)) => (
            vec![assert, deny],
            format!(
                "{} changed position: asserted until {last}, denies from {first}: {}",
                p.name(),
                proposition.statement
            ),
        ),
        None => (vec![assert, deny], format!("{} both asserts and denies: {}", p.name(), proposition.statement)),
    };
    let actors = vec![p.id().to_owned()];
    conflict(ConflictKind::SelfContradiction, severity, proposition, actors, message, sides)
}

fn report_conflict(proposition: &claim::PropositionRef, p: &Principal<'_>, severity: claim::Severity) -> Conflict {
    // Stable sorts: claims keep their order within one source.
    let by_source = [(Stance::Assert, &p.asserts), (Stance::Deny, &p.denies)].map(|(stance, claims)| {
        let mut sorted: Vec<&Claim> = claims.clone();
        sorted.sort_by(|a, b| a.evidence.source.cmp(&b.evidence.source));
        (stance, sorted)
    });
    let mut sides = Vec::new();
    let mut names = [Vec::new(), Vec::new()];
    for (slot, (stance, sorted)) in by_source.iter().enumerate() {
        for run in sorted.chunk_by(|a, b| a.evidence.source == b.evidence.source) {
            let source = run.first().map_or("", |c| c.evidence.source.as_str());
            names[slot].push(source);
            let (evidence, evidence_omitted) = listed_evidence(run);
            sides.push(Side {
                actor: source.to_owned(),
                actor_name: source.to_owned(),
                stance: *stance,
                value: None,
                evidence,
                evidence_omitted,
            });
        }
    }
    let message = format!(
        "outlets disagree about what {} said: {} report an assert, {} a deny: {}",
        p.name(),
        names[0].join(", "),
        names[1].join(", "),
        proposition.statement
    );
    let actors = vec![p.id().to_owned()];
    conflict(ConflictKind::ReportConflict, severity, proposition, actors, message, sides)
}
