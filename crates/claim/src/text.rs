//! Claims and values as fixtures, gold files and `explain` write them, one line each.

use crate::{Claim, ValueKind};
use parse::{Bound, Date, Interval};

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
