//! The fixed orders: of claims (document order, then every field that can tell two apart),
//! of conflicts, and the conversion of claims into evidence.

use crate::record::{Conflict, SideEvidence};
use claim::Claim;
use std::cmp::Ordering;

/// Document order, then enough fields to order any two distinct claims the same way in every
/// run; claims equal under it are equal in every field the comparator reports.
///
/// Documents are ordered by path and record, not by the file ordinal a run gives them: a
/// shard numbers its files from zero, and claims extracted shard by shard must compare to
/// the same bytes as one run over the whole corpus.
pub(crate) fn claim_cmp(a: &Claim, b: &Claim) -> Ordering {
    let (ea, eb) = (&a.evidence, &b.evidence);
    ea.path
        .cmp(&eb.path)
        .then(ea.ordinal.record.cmp(&eb.ordinal.record))
        .then(ea.span.start.cmp(&eb.span.start))
        .then(ea.span.end.cmp(&eb.span.end))
        .then_with(|| ea.document.cmp(&eb.document))
        .then_with(|| proposition_id(a).cmp(proposition_id(b)))
        .then_with(|| frame_id(a).cmp(frame_id(b)))
        .then_with(|| a.principal.id.cmp(&b.principal.id))
        .then_with(|| a.actor.id.cmp(&b.actor.id))
        .then(a.stance.cmp(&b.stance))
        .then(a.voice.cmp(&b.voice))
        .then_with(|| a.content.cmp(&b.content))
        .then_with(|| raw_value(a).cmp(raw_value(b)))
        .then(a.date.cmp(&b.date))
        .then_with(|| a.attribution.cmp(&b.attribution))
        .then_with(|| a.reasons.cmp(&b.reasons))
        .then_with(|| a.actor.name.cmp(&b.actor.name))
        .then_with(|| a.principal.name.cmp(&b.principal.name))
        .then_with(|| ea.cmp(eb))
}

pub(crate) fn proposition_id(claim: &Claim) -> &str {
    claim.proposition.as_ref().map_or("", |p| p.id.as_str())
}

pub(crate) fn frame_id(claim: &Claim) -> &str {
    claim.value.as_ref().map_or("", |v| v.frame.id.as_str())
}

fn raw_value(claim: &Claim) -> &str {
    claim.value.as_ref().map_or("", |v| v.raw.as_str())
}

/// The evidence a side shows for one claim.
pub(crate) fn side_evidence(claim: &Claim) -> SideEvidence {
    SideEvidence {
        evidence: claim.evidence.clone(),
        speaker_id: claim.actor.id.clone(),
        speaker_name: claim.actor.name.clone(),
        attribution: claim.attribution.clone(),
        reasons: claim.reasons.clone(),
        date: claim.date,
    }
}

/// Where a conflict is first seen: the earliest evidence over its sides.
fn first_location(conflict: &Conflict) -> Option<(&str, u32, usize, &str)> {
    conflict
        .sides
        .iter()
        .flat_map(|s| s.evidence.iter())
        .map(|e| {
            (e.evidence.path.as_str(), e.evidence.ordinal.record, e.evidence.span.start, e.evidence.document.as_str())
        })
        .min()
}

fn subject(conflict: &Conflict) -> Option<&str> {
    conflict.proposition.as_ref().map(|p| p.id.as_str()).or(conflict.frame.as_ref().map(|f| f.id.as_str()))
}

/// Report order: subject (proposition or frame; unlisted last), kind, actors, first
/// evidence, then the fingerprint and message so no two conflicts tie by accident.
pub(crate) fn conflict_cmp(a: &Conflict, b: &Conflict) -> Ordering {
    let (sa, sb) = (subject(a), subject(b));
    sa.is_none()
        .cmp(&sb.is_none())
        .then_with(|| sa.cmp(&sb))
        .then(a.kind.cmp(&b.kind))
        .then_with(|| a.actors.cmp(&b.actors))
        .then_with(|| first_location(a).cmp(&first_location(b)))
        .then_with(|| a.fingerprint.cmp(&b.fingerprint))
        .then_with(|| a.message.cmp(&b.message))
}
