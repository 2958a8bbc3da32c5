//! The fixed order of claims (document order, then every field that can tell two apart) over
//! the claim store, and the evidence a side lists.

use crate::record::MAX_EVIDENCE_PER_SIDE;
use crate::store::{ClaimStore, StoredClaim};
use std::cmp::Ordering;

impl ClaimStore<'_> {
    /// Claim `index` of the store; indices come from the store itself.
    pub(crate) fn at(&self, index: u32) -> &StoredClaim {
        &self.claims[index as usize]
    }

    fn raw_value(&self, claim: &StoredClaim) -> &str {
        self.value(claim).map_or("", |v| v.raw.as_str())
    }

    /// Document order, then enough fields to order any two distinct claims the same way in
    /// every run; claims equal under it are equal in every field the comparator reports.
    /// Symbols sort as their strings, so this is the order of the claims' strings; it
    /// compares integers except in the last ties (value as written, sentence).
    ///
    /// Documents are ordered by path and record, not by the file ordinal a run gives them: a
    /// shard numbers its files from zero, and claims extracted shard by shard must compare
    /// to the same bytes as one run over the whole corpus.
    pub(crate) fn claim_cmp(&self, a: u32, b: u32) -> Ordering {
        let (a, b) = (self.at(a), self.at(b));
        a.path
            .cmp(&b.path)
            .then(a.ordinal.record.cmp(&b.ordinal.record))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.span.end.cmp(&b.span.end))
            .then(a.document.cmp(&b.document))
            .then(a.proposition_key().cmp(&b.proposition_key()))
            .then(a.frame_key().cmp(&b.frame_key()))
            .then(a.principal.cmp(&b.principal))
            .then(a.actor.cmp(&b.actor))
            .then(a.stance.cmp(&b.stance))
            .then(a.voice.cmp(&b.voice))
            .then(a.content.cmp(&b.content))
            .then_with(|| self.raw_value(a).cmp(self.raw_value(b)))
            .then(a.date.cmp(&b.date))
            .then(a.attribution.cmp(&b.attribution))
            .then_with(|| self.list(a.reasons).cmp(self.list(b.reasons)))
            .then(a.actor_name.cmp(&b.actor_name))
            .then(a.principal_name.cmp(&b.principal_name))
            .then_with(|| self.evidence_cmp(a, b))
    }

    /// The order of the claims' whole evidence, field by field as [`claim::Evidence`] orders.
    fn evidence_cmp(&self, a: &StoredClaim, b: &StoredClaim) -> Ordering {
        a.document
            .cmp(&b.document)
            .then(a.source.cmp(&b.source))
            .then(a.path.cmp(&b.path))
            .then(a.published.cmp(&b.published))
            .then(a.ordinal.cmp(&b.ordinal))
            .then(a.span.cmp(&b.span))
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
            .then_with(|| self.sentence(a).cmp(self.sentence(b)))
            .then(a.cue.cmp(&b.cue))
            .then(a.speaker.cmp(&b.speaker))
    }
}

/// The evidence a side lists for `claims`: the first [`MAX_EVIDENCE_PER_SIDE`], and how many
/// more there are.
pub(crate) fn listed_evidence(claims: &[u32]) -> (Vec<u32>, usize) {
    let listed = claims.len().min(MAX_EVIDENCE_PER_SIDE);
    (claims[..listed].to_vec(), claims.len() - listed)
}
