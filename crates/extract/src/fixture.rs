//! Running rule fixtures: a text and the claims it must and must not yield.

use crate::ruleset::RuleSet;
use claim::{Claim, ValueKind};
use pack::schema::{ExpectedClaim, FixtureCase};
use parse::{Bound, Date, Document, Interval};

/// The result of one fixture case.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The case's name.
    pub name: String,
    /// Expected claims that were not found, described.
    pub missing: Vec<String>,
    /// Forbidden claims that were found, described.
    pub unexpected: Vec<String>,
    /// Every claim found, described, for the diff.
    pub found: Vec<String>,
}

impl Outcome {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Runs one case against a rule set.
pub fn run(rules: &RuleSet, case: &FixtureCase) -> Outcome {
    let mut document = Document::from_text(case.name.clone(), case.text.clone());
    document.published = case.published.as_deref().and_then(Date::parse_published);
    document.source = case.source.clone().unwrap_or_else(|| "fixture".into());
    let claims = rules.extract(&document);
    let missing = case.claims.iter().filter(|e| !claims.iter().any(|c| matches(e, c))).map(describe_expected).collect();
    let unexpected = case
        .not_claims
        .iter()
        .flat_map(|e| {
            claims
                .iter()
                .filter(|c| matches(e, c))
                .map(move |c| format!("{} (forbidden by {})", describe(c), describe_expected(e)))
        })
        .collect();
    Outcome { name: case.name.clone(), missing, unexpected, found: claims.iter().map(describe).collect() }
}

/// Whether a claim is what an expectation describes; fields left out match anything.
pub fn matches(expected: &ExpectedClaim, claim: &Claim) -> bool {
    let actor = expected.actor.as_ref().is_none_or(|a| *a == claim.actor.id || *a == claim.principal.id);
    let stance = expected.stance.is_none_or(|s| s == claim.stance);
    let proposition =
        expected.proposition.as_ref().is_none_or(|p| claim.proposition.as_ref().is_some_and(|c| c.id == *p));
    let frame = expected.frame.as_ref().is_none_or(|f| claim.value.as_ref().is_some_and(|v| v.frame.id == *f));
    let value = expected.value.as_ref().is_none_or(|text| {
        claim.value.as_ref().is_some_and(|v| parse_value(text, v.kind).is_some_and(|i| same_interval(&i, &v.interval)))
    });
    let event = claim.value.as_ref().and_then(|v| v.event.as_ref());
    let place =
        expected.place.as_ref().is_none_or(|p| event.and_then(|e| e.place.as_ref()).is_some_and(|c| c.id == *p));
    let day = expected
        .day
        .as_ref()
        .is_none_or(|d| event.and_then(|e| e.date).is_some_and(|c| Date::parse_published(d) == Some(c)));
    let kind =
        expected.event_kind.as_ref().is_none_or(|k| event.and_then(|e| e.kind.as_ref()).is_some_and(|c| c.id == *k));
    actor && stance && proposition && frame && value && place && day && kind
}

/// One line for a claim: `RUS deny syria-2017/ks-attack-by-government`.
pub fn describe(claim: &Claim) -> String {
    let who = if claim.actor.id == claim.principal.id {
        claim.principal.id.clone()
    } else {
        format!("{} ({})", claim.principal.id, claim.actor.id)
    };
    let what = match (&claim.proposition, &claim.value) {
        (Some(p), _) => p.id.clone(),
        (None, Some(v)) => match &v.event {
            Some(e) => format!("{} = {} ({})", v.frame.id, v.raw, e.describe()),
            None => format!("{} = {}", v.frame.id, v.raw),
        },
        (None, None) => format!("(unlisted) {}", claim.content),
    };
    format!("{who} {} {what}", claim.stance)
}

fn describe_expected(e: &ExpectedClaim) -> String {
    let mut parts = Vec::new();
    parts.push(e.actor.clone().unwrap_or_else(|| "*".into()));
    parts.push(e.stance.map_or_else(|| "*".into(), |s| s.to_string()));
    if let Some(p) = &e.proposition {
        parts.push(p.clone());
    }
    if let Some(f) = &e.frame {
        parts.push(f.clone());
    }
    if let Some(v) = &e.value {
        parts.push(format!("= {v}"));
    }
    for (what, given) in [("place", &e.place), ("day", &e.day), ("event kind", &e.event_kind)] {
        if let Some(given) = given {
            parts.push(format!("{what} {given}"));
        }
    }
    parts.join(" ")
}

/// Reads a value as fixtures and gold files write it: `74`, `[70, inf)`, `(80, 100]`, or a
/// date `2017-04-12` for date frames.
pub fn parse_value(text: &str, kind: ValueKind) -> Option<Interval> {
    let text = text.trim();
    if kind == ValueKind::Date {
        let day = Date::parse_published(text)?.days_since_epoch() as f64;
        return Some(Interval::exact(day));
    }
    if let Ok(v) = text.parse::<f64>() {
        return Some(Interval::exact(v));
    }
    let open = text.chars().next()?;
    let close = text.chars().next_back()?;
    let inner = text.get(1..text.len() - 1)?;
    let (low, high) = inner.split_once(',')?;
    let bound = |s: &str, inclusive: bool| -> Option<Bound> {
        let s = s.trim();
        if matches!(s, "inf" | "-inf" | "+inf") {
            return Some(Bound::Unbounded);
        }
        let v = s.parse::<f64>().ok()?;
        Some(if inclusive { Bound::Inclusive(v) } else { Bound::Exclusive(v) })
    };
    let low = match open {
        '[' => bound(low, true)?,
        '(' => bound(low, false)?,
        _ => return None,
    };
    let high = match close {
        ']' => bound(high, true)?,
        ')' => bound(high, false)?,
        _ => return None,
    };
    Some(Interval { low, high })
}

/// Interval equality tolerant of float formatting.
pub fn same_interval(a: &Interval, b: &Interval) -> bool {
    fn same(a: Bound, b: Bound) -> bool {
        match (a, b) {
            (Bound::Unbounded, Bound::Unbounded) => true,
            (Bound::Inclusive(x), Bound::Inclusive(y)) | (Bound::Exclusive(x), Bound::Exclusive(y)) => {
                (x - y).abs() < 1e-6
            }
            _ => false,
        }
    }
    same(a.low, b.low) && same(a.high, b.high)
}
