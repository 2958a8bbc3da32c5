//! Quantities in text, with hedges turned into intervals: "at least 70" is `[70, ∞)`.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One end of an [`Interval`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Bound {
    /// The value itself belongs to the interval.
    Inclusive(f64),
    /// The value does not belong to the interval.
    Exclusive(f64),
    /// No bound on this side.
    Unbounded,
}

/// A set of values a quantity may take: plain "74" is `[74, 74]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower end.
    pub low: Bound,
    /// Upper end.
    pub high: Bound,
}

impl Interval {
    /// The interval holding exactly `value`.
    pub const fn exact(value: f64) -> Interval {
        Interval { low: Bound::Inclusive(value), high: Bound::Inclusive(value) }
    }

    /// `[low, high]`.
    pub const fn closed(low: f64, high: f64) -> Interval {
        Interval { low: Bound::Inclusive(low), high: Bound::Inclusive(high) }
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        below(self.low, other.high) && below(other.low, self.high)
    }

    /// The single value when the interval holds exactly one.
    pub fn as_exact(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Bound::Inclusive(a), Bound::Inclusive(b)) if a == b => Some(a),
            _ => None,
        }
    }
}

/// Whether a lower bound `low` admits a value not above upper bound `high`.
fn below(low: Bound, high: Bound) -> bool {
    match (low, high) {
        (Bound::Unbounded, _) | (_, Bound::Unbounded) => true,
        (Bound::Inclusive(a), Bound::Inclusive(b)) => a <= b,
        (Bound::Inclusive(a) | Bound::Exclusive(a), Bound::Exclusive(b))
        | (Bound::Exclusive(a), Bound::Inclusive(b)) => a < b,
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(v) = self.as_exact() {
            return write!(f, "{v}");
        }
        match self.low {
            Bound::Inclusive(v) => write!(f, "[{v}, ")?,
            Bound::Exclusive(v) => write!(f, "({v}, ")?,
            Bound::Unbounded => f.write_str("(-inf, ")?,
        }
        match self.high {
            Bound::Inclusive(v) => write!(f, "{v}]"),
            Bound::Exclusive(v) => write!(f, "{v})"),
            Bound::Unbounded => f.write_str("inf)"),
        }
    }
}

/// A number written in text, hedge words included in its span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words of the quantity, hedge included ("at least 70").
    pub span: Span,
    /// The values it allows.
    pub interval: Interval,
}

/// Quantities inside `range` of `text`.
pub fn quantities(text: &str, range: Span) -> Vec<Quantity> {
    let Some(slice) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                digits.push(b as char);
                i += 1;
            } else if (b == b',' || b == b'.') && i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit() {
                if b == b'.' {
                    digits.push('.');
                }
                i += 1;
            } else {
                break;
            }
        }
        // A number glued to letters ("MiG-23s", "3rd") is a name or an ordinal, not a count.
        if i < bytes.len() && bytes[i].is_ascii_alphabetic() && !slice[i..].starts_with("s ") {
            continue;
        }
        let Ok(value) = digits.parse::<f64>() else {
            continue;
        };
        let (hedge_start, interval) = hedge(&slice[..start], value);
        out.push(Quantity { span: Span::new(range.start + hedge_start, range.start + i), interval });
    }
    out
}

/// Applies the hedge written just before a number.
fn hedge(before: &str, value: f64) -> (usize, Interval) {
    let lower = before.to_ascii_lowercase();
    let trimmed = lower.trim_end();
    type Widen = fn(f64) -> Interval;
    const HEDGES: &[(&str, Widen)] = &[
        ("at least", |v| Interval { low: Bound::Inclusive(v), high: Bound::Unbounded }),
        ("more than", |v| Interval { low: Bound::Exclusive(v), high: Bound::Unbounded }),
        ("over", |v| Interval { low: Bound::Exclusive(v), high: Bound::Unbounded }),
        ("nearly", |v| Interval { low: Bound::Inclusive((v * 0.9).floor()), high: Bound::Exclusive(v) }),
        ("almost", |v| Interval { low: Bound::Inclusive((v * 0.9).floor()), high: Bound::Exclusive(v) }),
        ("about", |v| Interval::closed((v * 0.9).floor(), (v * 1.1).ceil())),
        ("around", |v| Interval::closed((v * 0.9).floor(), (v * 1.1).ceil())),
        ("some", |v| Interval::closed((v * 0.9).floor(), (v * 1.1).ceil())),
        ("up to", |v| Interval::closed(0.0, v)),
    ];
    for (word, make) in HEDGES {
        if trimmed.ends_with(word) {
            let at = trimmed.len() - word.len();
            let boundary = at == 0 || !trimmed.as_bytes()[at - 1].is_ascii_alphanumeric();
            if boundary {
                return (at, make(value));
            }
        }
    }
    (before.len(), Interval::exact(value))
}
