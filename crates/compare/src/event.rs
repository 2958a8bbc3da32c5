//! Events as keys: the values of a generic frame ("people killed") split into one group per
//! event, so that only reports of one event are compared.
//!
//! Two values can be about one event when [`claim::Event::same_as`] holds: days at most one
//! apart; the same place, or a town and a quarter of it; kinds that agree, written on both
//! sides unless both name the same town. A governorate or a city never meets a place inside
//! it, so "12 killed in Aleppo" cannot swallow an airstrike on one of its quarters. The
//! relation is not transitive (two quarters of one town), so groups are not its closure.
//! Instead the distinct event keys are sorted, most specific first (a quarter before its
//! town, a written kind before none), and each key joins the group of the one earlier
//! *anchor* it matches; a key that matches no anchor starts a group and becomes an anchor,
//! and one that matches several anchors is ambiguous and starts its own group rather than
//! join two events. The groups depend only on the set of keys, never on input order.
//!
//! A value whose event cannot meet even its own key (no known place or day; a governorate
//! and a day with no kind) cannot be matched with any other report: it is compared only with
//! values of its own document.

use claim::{Claim, Event};
use std::collections::BTreeMap;

/// One event and the claims that report a value for it.
#[derive(Clone, Debug)]
pub struct EventGroup<'a> {
    /// The event of the group's anchor: its most specific report.
    pub event: Event,
    /// The claims, in the order they were given.
    pub claims: Vec<&'a Claim>,
}

/// The key a claim is grouped by: its event, and its document when the event is too vague
/// to meet another report. Borrowed: a frame read in thousands of documents would otherwise
/// copy an event per claim.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key<'e> {
    /// Sorts first: more specific keys are anchors before vaguer ones.
    depth: std::cmp::Reverse<usize>,
    no_kind: bool,
    event: &'e Event,
    /// The document, for vague events.
    document: Option<&'e str>,
}

fn key<'e>(event: Option<&'e Event>, document: &'e str) -> Option<Key<'e>> {
    let event = event?;
    // An event that cannot meet even its own key (a governorate and a day, no kind: several
    // events of that day fit it) is compared only within its document.
    let vague = !event.same_as(event);
    Some(Key {
        depth: std::cmp::Reverse(event.place.as_ref().map_or(0, |p| p.within.len())),
        no_kind: event.kind.is_none(),
        document: vague.then_some(document),
        event,
    })
}

/// Splits `claims` (values of one frame) into event groups; claims whose value has no
/// event are left out. Groups come in the order of their anchors' keys; claims keep the
/// order of `claims`.
pub fn event_groups<'a>(claims: &[&'a Claim]) -> Vec<EventGroup<'a>> {
    let keys = claims.iter().map(|c| (c.value.as_ref().and_then(|v| v.event.as_ref()), c.evidence.document.as_str()));
    groups(keys)
        .into_iter()
        .map(|(event, indices)| EventGroup { event, claims: indices.into_iter().map(|i| claims[i]).collect() })
        .collect()
}

/// [`event_groups`] of items given as (event, document): each group's event and the
/// indices of its items, ascending.
pub(crate) fn groups<'e>(items: impl Iterator<Item = (Option<&'e Event>, &'e str)>) -> Vec<(Event, Vec<usize>)> {
    let mut keys: BTreeMap<Key<'e>, Vec<usize>> = BTreeMap::new();
    for (i, (event, document)) in items.enumerate() {
        if let Some(k) = key(event, document) {
            keys.entry(k).or_default().push(i);
        }
    }
    // Anchors: (index into `groups`, the anchor's key).
    let mut anchors: Vec<(usize, &Key<'e>)> = Vec::new();
    let mut members: Vec<(Event, Vec<usize>)> = Vec::new();
    for (k, indices) in &keys {
        let matching: Vec<usize> = if k.document.is_some() {
            Vec::new()
        } else {
            anchors.iter().filter(|(_, a)| a.event.same_as(k.event)).map(|(g, _)| *g).collect()
        };
        match matching.as_slice() {
            [one] => members[*one].1.extend(indices),
            _ => {
                anchors.push((members.len(), k));
                members.push((k.event.clone(), indices.clone()));
            }
        }
    }
    for (_, indices) in &mut members {
        indices.sort_unstable();
    }
    members
}
