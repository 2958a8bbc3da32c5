//! Value conflicts of one frame: readings that cannot both be true.
//!
//! A *reading* is one principal's interval for the frame, with every claim that gives it
//! (outlet-voice claims included: the outlet is then the principal). Denials give no value
//! and are left out. Two readings conflict when their intervals do not overlap, so a hedge
//! ("at least 70", `[70, ∞)`) never conflicts with 86. For counts, when every claim of the
//! lower reading was published strictly before every claim of the higher one, the toll was
//! revised rather than disputed: `value-revised`, at its own (lower) severity. Dates are
//! intervals of days, so two different days conflict and a day inside a range does not.
//! A generic frame's readings all from one and the same document never conflict with each
//! other: an article's figures for what the event keys make one event are its incidents or
//! parts, not a dispute with itself (a named event's frame still compares them).
//!
//! Each reading is paired with its nearest disjoint neighbours above it, not with every
//! disjoint reading (see [`nearest_above`]), so a frame read in many documents gives
//! conflicts linear in its readings.

use crate::fingerprint::fingerprint;
use crate::found::{FoundConflict, FoundSide, Subject};
use crate::intern::Sym;
use crate::order::listed_evidence;
use crate::store::{ClaimStore, StoredClaim};
use claim::{Checks, ConflictKind, Event, Stance, Value, ValueKind};
use parse::{Bound, Date, Interval};
use std::cmp::Ordering;

/// A lower bound as a sortable key: its value, and inclusive before exclusive at one value.
pub(crate) fn low_key(interval: &Interval) -> (f64, u8) {
    match interval.low {
        Bound::Inclusive(v) => (v, 0),
        Bound::Exclusive(v) => (v, 1),
        Bound::Unbounded => (f64::NEG_INFINITY, 0),
    }
}

/// An upper bound as a sortable key: exclusive before inclusive at one value.
pub(crate) fn high_key(interval: &Interval) -> (f64, u8) {
    match interval.high {
        Bound::Inclusive(v) => (v, 1),
        Bound::Exclusive(v) => (v, 0),
        Bound::Unbounded => (f64::INFINITY, 1),
    }
}

fn key_cmp(a: (f64, u8), b: (f64, u8)) -> Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

/// Orders intervals by lower bound, then upper bound.
pub(crate) fn interval_cmp(a: &Interval, b: &Interval) -> Ordering {
    key_cmp(low_key(a), low_key(b)).then_with(|| key_cmp(high_key(a), high_key(b)))
}

struct Reading<'a> {
    claims: &'a [u32],
    /// The value of the first claim: the reading's.
    value: &'a Value,
    principal: Sym,
    principal_name: Sym,
    interval: Interval,
    kind: ValueKind,
    /// Earliest and latest publication date, `None` when a claim has none.
    published: Option<(Date, Date)>,
    /// The one document all its claims are in, `None` when they are in several.
    document: Option<Sym>,
}

/// Whether a claim gives a value for the frame comparison: a value, and not a denial.
pub(crate) fn gives_value(claim: &StoredClaim) -> bool {
    claim.frame.is_some() && claim.stance != Stance::Deny && claim.voice.claims()
}

/// The frame of a group of values, and the store they are in.
struct Frame<'a> {
    store: &'a ClaimStore<'a>,
    /// The first claim: its frame is the group's.
    claim: u32,
    frame: &'a claim::FrameRef,
    id: Sym,
}

/// Value conflicts of one frame; `claims` hold one frame id, all giving a value, sorted by
/// principal id, interval, then claim order.
/// `event` is the event of a generic frame's group, named in messages.
pub(crate) fn frame(
    store: &ClaimStore,
    claims: &[u32],
    event: Option<&Event>,
    checks: &Checks,
    conflicts: &mut Vec<FoundConflict>,
) {
    let Some(&first) = claims.first() else { return };
    let (Some(id), Some(value)) = (store.at(first).frame, store.value(store.at(first))) else {
        return;
    };
    let frame = Frame { store, claim: first, frame: &value.frame, id };
    let mismatch = checks.get(ConflictKind::ValueMismatch, Some(&frame.frame.id));
    let revised = checks.get(ConflictKind::ValueRevised, Some(&frame.frame.id));
    if mismatch.is_none() && revised.is_none() {
        return;
    }
    let mut readings: Vec<Reading<'_>> = claims
        .chunk_by(|a, b| store.at(*a).principal == store.at(*b).principal && same_interval(store, *a, *b))
        .filter_map(|run| {
            let head = store.at(*run.first()?);
            let value = store.value(head)?;
            let mut published = run.iter().map(|c| store.at(*c).published);
            let first = published.next().flatten();
            let published = published.try_fold(first.map(|d| (d, d)), |range, date| match (range, date) {
                (Some((lo, hi)), Some(d)) => Some(Some((lo.min(d), hi.max(d)))),
                _ => None,
            });
            let document = Some(head.document).filter(|d| run.iter().all(|c| store.at(*c).document == *d));
            Some(Reading {
                claims: run,
                value,
                principal: head.principal,
                principal_name: head.principal_name,
                interval: value.interval,
                kind: value.kind,
                published: published.flatten(),
                document,
            })
        })
        .collect();
    readings.sort_by(|a, b| interval_cmp(&a.interval, &b.interval).then_with(|| a.principal.cmp(&b.principal)));

    for (i, low) in readings.iter().enumerate() {
        let high_end = low.interval.high;
        let high_value = match high_end {
            Bound::Inclusive(v) | Bound::Exclusive(v) => v,
            Bound::Unbounded => continue,
        };
        // Readings whose lower bound is numerically below this upper bound overlap it (they
        // start at or after this one's start); only the rest need the exact test.
        let start = i + 1 + readings[i + 1..].partition_point(|r| low_key(&r.interval).0 < high_value);
        for high in nearest_above(low, &readings[start..]) {
            // One article's figures for a generic frame's event are its several incidents or
            // parts ("3 injured in one quarter, 19 in another"), never a dispute with itself.
            let one_document = event.is_some() && low.document.is_some() && low.document == high.document;
            if one_document || one_sentence(store, low, high) {
                continue;
            }
            let is_revision = low.kind == ValueKind::Count
                && high.kind == ValueKind::Count
                && matches!((low.published, high.published), (Some((_, l)), Some((h, _))) if l < h);
            let (kind, severity) = if is_revision {
                (ConflictKind::ValueRevised, revised)
            } else {
                (ConflictKind::ValueMismatch, mismatch)
            };
            let Some(severity) = severity else { continue };
            conflicts.push(conflict(&frame, event, kind, severity, low, high));
        }
    }
}

/// The readings above `low` that it is paired with: the nearest disjoint interval (every
/// principal giving it), and when that one is open above ("at least 80"), also the nearest
/// disjoint bounded one. Pairing neighbours rather than all pairs keeps the conflicts linear
/// in the readings (all pairs of 30 k claims' readings were 660 k conflicts), and the rest
/// follow along the chain: 74 vs 86 and 86 vs 92 say that 74 and 92 disagree.
fn nearest_above<'r, 'a>(low: &Reading<'a>, above: &'r [Reading<'a>]) -> Vec<&'r Reading<'a>> {
    let mut out = Vec::new();
    let mut rest = above;
    while let Some(at) = rest.iter().position(|r| !low.interval.overlaps(&r.interval)) {
        let interval = rest[at].interval;
        let same = rest[at..].iter().take_while(|r| interval_cmp(&r.interval, &interval) == Ordering::Equal).count();
        out.extend(&rest[at..at + same]);
        if !matches!(interval.high, Bound::Unbounded) {
            break;
        }
        rest = &rest[at + same..];
        // Past the open-ended group, only a bounded interval is wanted.
        match rest.iter().position(|r| !matches!(r.interval.high, Bound::Unbounded)) {
            Some(skip) => rest = &rest[skip..],
            None => break,
        }
    }
    out
}

/// Whether one principal gives both readings, and only in one sentence: a sentence that gives two
/// figures for a frame ("of the 59 missiles launched, 58 hit their targets") counts two
/// quantities, one of which the frame's patterns took for its own; a speaker does not
/// contradict itself within a sentence, so the pair is no conflict.
fn one_sentence(store: &ClaimStore, low: &Reading<'_>, high: &Reading<'_>) -> bool {
    let Some(&first) = low.claims.first() else { return false };
    let first = store.at(first);
    low.principal == high.principal
        && low.claims.iter().chain(high.claims).all(|&c| {
            let c = store.at(c);
            c.ordinal == first.ordinal && store.sentence(c) == store.sentence(first)
        })
}

fn same_interval(store: &ClaimStore, a: u32, b: u32) -> bool {
    match (store.value(store.at(a)), store.value(store.at(b))) {
        (Some(x), Some(y)) => interval_cmp(&x.interval, &y.interval) == Ordering::Equal && x.kind == y.kind,
        _ => false,
    }
}

fn describe(reading: &Reading<'_>) -> String {
    let raw = reading.value.raw.as_str();
    match (reading.kind, reading.interval.as_exact()) {
        (ValueKind::Date, Some(days)) => match Date::from_days_since_epoch(days as i64) {
            Some(day) => format!("{raw} ({day})"),
            None => raw.to_owned(),
        },
        _ => format!("{raw} ({})", reading.interval),
    }
}

fn side(store: &ClaimStore, reading: &Reading<'_>) -> FoundSide {
    let stance = if reading.claims.iter().any(|c| store.at(*c).stance == Stance::Assert) {
        Stance::Assert
    } else {
        Stance::Hedge
    };
    let (evidence, evidence_omitted) = listed_evidence(reading.claims);
    FoundSide {
        actor: reading.principal,
        actor_name: reading.principal_name,
        stance,
        value: Some(reading.claims[0]),
        evidence,
        evidence_omitted,
    }
}

fn conflict(
    frame: &Frame<'_>,
    event: Option<&Event>,
    kind: ConflictKind,
    severity: claim::Severity,
    low: &Reading<'_>,
    high: &Reading<'_>,
) -> FoundConflict {
    let store = frame.store;
    let quantity = match event {
        Some(e) => format!("{} in {}", frame.frame.quantity, e.describe()),
        None => frame.frame.quantity.clone(),
    };
    let (low_name, high_name) = (store.str(low.principal_name), store.str(high.principal_name));
    let message = match (kind, low.published, high.published) {
        (ConflictKind::ValueRevised, Some((_, before)), Some((after, _))) => format!(
            "{}: revised from {} by {} ({before}) to {} by {} ({after})",
            quantity,
            describe(low),
            low_name,
            describe(high),
            high_name
        ),
        _ => format!("{}: {} by {} vs {} by {}", quantity, describe(low), low_name, describe(high), high_name),
    };
    let mut actors = vec![low.principal, high.principal];
    actors.sort_unstable();
    actors.dedup();
    let sides = vec![side(store, low), side(store, high)];
    FoundConflict {
        kind,
        severity,
        fingerprint: fingerprint(store, kind, &frame.frame.id, &actors, &sides),
        subject: Subject::Frame { claim: frame.claim, id: frame.id },
        event: event.cloned().map(Box::new),
        actors,
        message,
        confidence: 1.0,
        sides,
    }
}
