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
//! values of its own document. So is a value keyed to a city, district or governorate on a
//! day when the values given show two or more towns or sites inside it struck that day
//! ([`crowded`]): "26 killed in air strikes on Aleppo" on a day with strikes on two of its
//! towns may be either, both, or a third, and an outlet's "50 killed in Aleppo" is no
//! other outlet's figure for the same event. The crowded places are read from the whole set,
//! so they too depend on the set of keys only.

use claim::{Claim, Event};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

fn key<'e>(event: Option<&'e Event>, document: &'e str, crowded: &BTreeSet<(&str, i64)>) -> Option<Key<'e>> {
    let event = event?;
    // An event that cannot meet even its own key (a governorate and a day, no kind: several
    // events of that day fit it) is compared only within its document; so is a coarse place
    // on a day two of its towns were struck.
    let vague = !event.same_as(event) || is_crowded(event, crowded);
    Some(Key {
        depth: std::cmp::Reverse(event.place.as_ref().map_or(0, |p| p.within.len())),
        no_kind: event.kind.is_none(),
        document: vague.then_some(document),
        event,
    })
}

/// The day of an event, as days since 1970-01-01.
fn day(event: &Event) -> Option<i64> {
    event.date.map(|d| d.days_since_epoch())
}

/// The coarse places (a city, district, governorate, the country) and days on which the
/// values show two or more distinct localities inside the place: several events, so a value
/// keyed only to the coarse place cannot be told to be any one of them.
fn crowded<'e>(events: impl Iterator<Item = &'e Event>) -> BTreeSet<(&'e str, i64)> {
    let mut inside: BTreeMap<(&'e str, i64), BTreeSet<&'e str>> = BTreeMap::new();
    for event in events {
        let (Some(place), Some(day)) = (event.place.as_ref(), day(event)) else { continue };
        if !place.is_locality() {
            continue;
        }
        for around in &place.within {
            inside.entry((around.id.as_str(), day)).or_default().insert(place.id.as_str());
        }
    }
    inside.into_iter().filter(|(_, towns)| towns.len() >= 2).map(|(k, _)| k).collect()
}

fn is_crowded(event: &Event, crowded: &BTreeSet<(&str, i64)>) -> bool {
    match (&event.place, day(event)) {
        (Some(place), Some(day)) => !place.is_locality() && crowded.contains(&(place.id.as_str(), day)),
        _ => false,
    }
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
    let items: Vec<(Option<&'e Event>, &'e str)> = items.collect();
    let crowded = crowded(items.iter().filter_map(|(e, _)| *e));
    let mut keys: BTreeMap<Key<'e>, Vec<usize>> = BTreeMap::new();
    for (i, (event, document)) in items.into_iter().enumerate() {
        if let Some(k) = key(event, document, &crowded) {
            keys.entry(k).or_default().push(i);
        }
    }
    // Anchors by their day, (index into `members`, the anchor's key): two events meet only
    // when both have a day and those are at most one apart, so a key is tried against the
    // anchors of three days, not all of them. An anchor with no day meets nothing.
    let mut anchors: HashMap<i64, Vec<(usize, &Key<'e>)>> = HashMap::new();
    let mut members: Vec<(Event, Vec<usize>)> = Vec::new();
    for (k, indices) in &keys {
        let matching: Vec<usize> = match (k.document, day(k.event)) {
            (None, Some(d)) => (d - 1..=d + 1)
                .filter_map(|near| anchors.get(&near))
                .flatten()
                .filter(|(_, a)| a.event.same_as(k.event))
                .map(|(g, _)| *g)
                .collect(),
            _ => Vec::new(),
        };
        match matching.as_slice() {
            [one] => members[*one].1.extend(indices),
            _ => {
                if let Some(d) = day(k.event) {
                    anchors.entry(d).or_default().push((members.len(), k));
                }
                members.push((k.event.clone(), indices.clone()));
            }
        }
    }
    for (_, indices) in &mut members {
        indices.sort_unstable();
    }
    members
}
