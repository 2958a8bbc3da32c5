//! Calendar dates, and date mentions in text resolved against a publication date.
//!
//! Only what claimcheck needs of a calendar: ordering, weekdays and day arithmetic on the
//! proleptic Gregorian calendar, so a hand-written civil date beats a time-zone library.

use crate::span::Span;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar day. Serialises as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (30 February).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month: month as u8, day: day as u8 })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// Day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month as u32, day as u32)
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u32
    }

    /// Reads a publication date as metadata gives it: `2017-04-13`, `2017-04-13T09:30:00Z`,
    /// `4/13/17` or `4/13/2017` (US month first), `13 April 2017`, `April 13, 2017`.
    pub fn parse_published(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(date) = parse_iso(text) {
            return Some(date);
        }
        if let Some(date) = parse_us_slashes(text) {
            return Some(date);
        }
        let found = absolute_dates(text);
        match found.as_slice() {
            [(span, DateValue::Day(date))] if span.start == 0 => Some(*date),
            _ => None,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("expected a date as YYYY-MM-DD, found `{text}`")))
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn parse_iso(text: &str) -> Option<Date> {
    let head = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let mut parts = head.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn parse_us_slashes(text: &str) -> Option<Date> {
    let mut parts = text.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let year = match y.len() {
        2 => 2000 + year,
        4 => year,
        _ => return None,
    };
    Date::new(year, m.parse().ok()?, d.parse().ok()?)
}

/// What a date mention denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DateValue {
    /// One day.
    Day(Date),
    /// An inclusive range of days ("last week").
    Range {
        /// First day.
        from: Date,
        /// Last day.
        until: Date,
    },
    /// A relative mention with no publication date to resolve it against.
    Unresolved,
}

/// A date mentioned in text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where it is written.
    pub span: Span,
    /// What it denotes.
    pub value: DateValue,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(&word) && (word.len() == 3 || word == "sept")))
        .map(|i| i as u32 + 1)
}

/// Date mentions inside `range` of `text`, relative ones resolved against `published`.
pub fn dates(text: &str, range: Span, published: Option<Date>) -> Vec<DateMention> {
    let Some(slice) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let mut found: Vec<DateMention> = absolute_dates(slice)
        .into_iter()
        .map(|(span, value)| {
            let value = match (value, published) {
                // "April 4" without a year takes the publication year.
                (DateValue::Range { from, until }, Some(p)) if from == until && from.year() == 0 => {
                    Date::new(p.year(), from.month(), from.day()).map_or(DateValue::Unresolved, DateValue::Day)
                }
                (DateValue::Range { from, until }, None) if from == until && from.year() == 0 => DateValue::Unresolved,
                (other, _) => other,
            };
            DateMention { span: Span::new(span.start + range.start, span.end + range.start), value }
        })
        .collect();
    for (span, word) in words(slice) {
        let lower = word.to_ascii_lowercase();
        let value = if let Some(weekday) = WEEKDAYS.iter().position(|d| *d == lower) {
            published.map_or(Some(DateValue::Unresolved), |p| {
                // News uses a bare weekday for the most recent such day up to the publication date.
                let back = (i64::from(p.weekday()) - weekday as i64).rem_euclid(7);
                p.add_days(-back).map(DateValue::Day)
            })
        } else if lower == "yesterday" {
            published.map_or(Some(DateValue::Unresolved), |p| p.add_days(-1).map(DateValue::Day))
        } else if lower == "today" {
            Some(published.map_or(DateValue::Unresolved, DateValue::Day))
        } else {
            None
        };
        if let Some(value) = value {
            let span = Span::new(span.start + range.start, span.end + range.start);
            if !found.iter().any(|m| m.span.overlaps(span)) {
                found.push(DateMention { span, value });
            }
        }
    }
    found.sort_by_key(|m| m.span);
    found
}

/// Words of `text` with their spans.
fn words(text: &str) -> impl Iterator<Item = (Span, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphanumeric()
                || bytes[i] == b'.' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_alphanumeric())
        {
            i += 1;
        }
        Some((Span::new(start, i), &text[start..i]))
    })
}

/// Absolute dates: `2017-04-04`, `April 4, 2017`, `4 April 2017`, `Apr. 4`. A date without a
/// year comes back as a one-day range in year 0, for the caller to place.
fn absolute_dates(text: &str) -> Vec<(Span, DateValue)> {
    let all: Vec<(Span, &str)> = words(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let (span, word) = all[i];
        if let Some(date) = parse_iso(word) {
            out.push((span, DateValue::Day(date)));
            i += 1;
            continue;
        }
        let number = |k: usize| all.get(k).and_then(|(_, w)| w.parse::<u32>().ok().map(|n| (n, all[k].0)));
        if let Some(month) = month_number(word) {
            if let Some((day, day_span)) = number(i + 1).filter(|(d, _)| (1..=31).contains(d)) {
                let (year, end) = match number(i + 2).filter(|(y, _)| (1000..=9999).contains(y)) {
                    Some((y, s)) => (Some(y as i32), s.end),
                    None => (None, day_span.end),
                };
                if let Some(value) = day_value(year, month, day) {
                    out.push((Span::new(span.start, end), value));
                }
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        } else if let Some((day, _)) = number(i).filter(|(d, _)| (1..=31).contains(d))
            && let Some(month) = all.get(i + 1).and_then(|(_, w)| month_number(w))
        {
            {
                let (year, end) = match number(i + 2).filter(|(y, _)| (1000..=9999).contains(y)) {
                    Some((y, s)) => (Some(y as i32), s.end),
                    None => (None, all[i + 1].0.end),
                };
                if let Some(value) = day_value(year, month, day) {
                    out.push((Span::new(span.start, end), value));
                }
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        }
        i += 1;
    }
    out
}

fn day_value(year: Option<i32>, month: u32, day: u32) -> Option<DateValue> {
    match year {
        Some(y) => Date::new(y, month, day).map(DateValue::Day),
        // Year 0 is a leap year, so 29 February survives until the caller places it.
        None => Date::new(0, month, day).map(|d| DateValue::Range { from: d, until: d }),
    }
}
