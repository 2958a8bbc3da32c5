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
    /// `4/13/17` or `4/13/2017` (US month first), `13 April 2017`, `April 13, 2017`, with an
    /// optional weekday before (`Sun 16 Apr 2017`).
    pub fn parse_published(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Some(date) = parse_iso(text) {
            return Some(date);
        }
        if let Some(date) = parse_us_slashes(text) {
            return Some(date);
        }
        // "Sun 16 Apr 2017", "Sunday, April 16, 2017": a leading weekday is allowed.
        let found = absolute_dates(text, &words(text).collect::<Vec<_>>());
        match found.as_slice() {
            [(span, DateValue::Day(date))]
                if text.get(span.end..).is_some_and(|rest| rest.trim().is_empty())
                    && text.get(..span.start).is_some_and(|head| {
                        let head = head.trim().trim_end_matches(',').trim_end_matches('.').to_ascii_lowercase();
                        head.is_empty() || (head.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(&head)))
                    }) =>
            {
                Some(*date)
            }
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
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
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

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Month names, then the abbreviations news writes, lower case, with the month's number:
/// the one month table, read by dates, numbers, sentence ends and the engine.
pub const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Whether `word` is a month's name or abbreviation, in any case (`April`, `sept`).
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|(name, _)| name.eq_ignore_ascii_case(word))
}

/// Whether `word` is a month's abbreviation (`Jan`, `Sept`), after which a dot need not
/// end a sentence.
pub fn is_month_abbreviation(word: &str) -> bool {
    MONTHS[12..].iter().any(|(name, _)| name.eq_ignore_ascii_case(word))
}

/// The number of the month `word` names, in any case, a trailing dot ignored (`Jan.` → 1).
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, n)| n)
}

fn weekday_number(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
}

/// Whether `word` names a day of the week, in any case (`Tuesday`): the one weekday table,
/// read by dates and the engine.
pub fn is_weekday(word: &str) -> bool {
    weekday_number(word).is_some()
}

/// Whether `word` is a month's full name, in any case (`April`; not `Apr`).
pub fn is_month_name(word: &str) -> bool {
    MONTHS[..12].iter().any(|(name, _)| name.eq_ignore_ascii_case(word))
}

/// Date mentions inside `range` of `text`, relative ones resolved against `published`.
///
/// A day written without a year takes the publication year, or the year before when that
/// would put it more than half a year after publication ("December 28" in January).
pub fn dates(text: &str, range: Span, published: Option<Date>) -> Vec<DateMention> {
    let Some(slice) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let shift = |span: Span| Span::new(span.start + range.start, span.end + range.start);
    // The words, split once for absolute and relative dates.
    let all: Vec<(Span, &str)> = words(slice).collect();
    let mut found: Vec<DateMention> = absolute_dates(slice, &all)
        .into_iter()
        .map(|(span, value)| {
            let value = match (value, published) {
                (DateValue::Range { from, until }, Some(p)) if from == until && from.year() == 0 => {
                    place_in_year(p, from.month(), from.day()).map_or(DateValue::Unresolved, DateValue::Day)
                }
                (DateValue::Range { from, until }, None) if from == until && from.year() == 0 => DateValue::Unresolved,
                (other, _) => other,
            };
            DateMention { span: shift(span), value }
        })
        .collect();
    let mut k = 0;
    while k < all.len() {
        let (span, word) = all[k];
        let next = all.get(k + 1).copied();
        let resolve = |f: &dyn Fn(Date) -> Option<DateValue>| published.map_or(Some(DateValue::Unresolved), f);
        let (value, end) = if word.eq_ignore_ascii_case("last")
            && let Some((next_span, next)) = next
        {
            let value = if next.eq_ignore_ascii_case("week") {
                resolve(&|p| {
                    // The Monday-to-Sunday week before the publication week.
                    let monday = p.add_days(-i64::from(p.weekday()) - 7)?;
                    Some(DateValue::Range { from: monday, until: monday.add_days(6)? })
                })
            } else if next.eq_ignore_ascii_case("month") {
                resolve(&|p| {
                    let (y, m) = if p.month() == 1 { (p.year() - 1, 12) } else { (p.year(), p.month() - 1) };
                    Some(DateValue::Range { from: Date::new(y, m, 1)?, until: Date::new(y, m, days_in_month(y, m))? })
                })
            } else if next.eq_ignore_ascii_case("year") {
                resolve(&|p| {
                    let y = p.year() - 1;
                    Some(DateValue::Range { from: Date::new(y, 1, 1)?, until: Date::new(y, 12, 31)? })
                })
            } else {
                weekday_number(next).and_then(|weekday| {
                    resolve(&|p| {
                        // "last Tuesday": the most recent one strictly before publication.
                        let back = (i64::from(p.weekday()) - weekday as i64 - 1).rem_euclid(7) + 1;
                        p.add_days(-back).map(DateValue::Day)
                    })
                })
            };
            (value, next_span.end)
        } else if let Some(weekday) = weekday_number(word) {
            let value = resolve(&|p| {
                // News uses a bare weekday for the most recent such day up to the publication date.
                let back = (i64::from(p.weekday()) - weekday as i64).rem_euclid(7);
                p.add_days(-back).map(DateValue::Day)
            });
            (value, span.end)
        } else {
            let offset = [("yesterday", -1), ("today", 0), ("tomorrow", 1)]
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(word))
                .map(|&(_, o)| o);
            (offset.and_then(|o| resolve(&|p| p.add_days(o).map(DateValue::Day))), span.end)
        };
        if let Some(value) = value {
            let span = shift(Span::new(span.start, end));
            if !found.iter().any(|m| m.span.overlaps(span)) {
                found.push(DateMention { span, value });
            }
            if end > all[k].0.end {
                k += 1;
            }
        }
        k += 1;
    }
    found.sort_by_key(|m| m.span);
    found
}

/// `month`/`day` in the publication year, or the year before when that would put it more
/// than half a year after publication.
fn place_in_year(published: Date, month: u32, day: u32) -> Option<Date> {
    let this_year = Date::new(published.year(), month, day);
    match this_year {
        Some(d) if d.days_since_epoch() - published.days_since_epoch() <= 183 => Some(d),
        _ => Date::new(published.year() - 1, month, day),
    }
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

/// Absolute dates: `2017-04-04`, `April 4, 2017`, `4 April 2017`, `Apr. 4`, `April 4th`,
/// `April 2017` (the whole month). A date without a year comes back as a one-day range in
/// year 0, for the caller to place. `all` are the [`words`] of `text`.
fn absolute_dates(text: &str, all: &[(Span, &str)]) -> Vec<(Span, DateValue)> {
    let mut out = Vec::new();
    let mut i = 0;
    let day_of = |w: &str| -> Option<u32> {
        // Most words are no day; a day's digits come first ("4", "4th").
        if !w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let digits = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(w);
        digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d) && digits.len() <= 2)
    };
    let year_of = |k: usize| {
        all.get(k)
            .filter(|(_, w)| w.len() == 4)
            .and_then(|(s, w)| w.parse::<i32>().ok().filter(|y| (1000..=2999).contains(y)).map(|y| (y, *s)))
    };
    // Month names in running text are capitalised; "may" is a verb.
    let month_at = |k: usize| {
        all.get(k).filter(|(_, w)| w.starts_with(|c: char| c.is_ascii_uppercase())).and_then(|(_, w)| month_number(w))
    };
    while i < all.len() {
        let (span, word) = all[i];
        if word.len() == 4
            && let Some(date) = text.get(span.start..span.start + 10).and_then(parse_iso)
        {
            out.push((Span::new(span.start, span.start + 10), DateValue::Day(date)));
            while all.get(i).is_some_and(|(s, _)| s.start < span.start + 10) {
                i += 1;
            }
            continue;
        }
        if let Some(month) = month_at(i) {
            if let Some(day) = all.get(i + 1).and_then(|(_, w)| day_of(w)) {
                let (year, end) = match year_of(i + 2) {
                    Some((y, s)) => (Some(y), s.end),
                    None => (None, all[i + 1].0.end),
                };
                if let Some(value) = day_value(year, month, day) {
                    out.push((Span::new(span.start, end), value));
                }
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
            if let Some((year, year_span)) = year_of(i + 1)
                && let (Some(from), Some(until)) =
                    (Date::new(year, month, 1), Date::new(year, month, days_in_month(year, month)))
            {
                out.push((Span::new(span.start, year_span.end), DateValue::Range { from, until }));
                i += 2;
                continue;
            }
        } else if let Some(day) = day_of(word)
            && let Some(month) = month_at(i + 1)
        {
            let (year, end) = match year_of(i + 2) {
                Some((y, s)) => (Some(y), s.end),
                None => (None, all[i + 1].0.end),
            };
            if let Some(value) = day_value(year, month, day) {
                out.push((Span::new(span.start, end), value));
            }
            i += if year.is_some() { 3 } else { 2 };
            continue;
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

#[cfg(test)]
mod serde_tests {
    use super::*;

    #[test]
    fn every_date_value_round_trips_through_json() -> Result<(), serde_json::Error> {
        let (Some(day), Some(later)) = (Date::new(2017, 4, 12), Date::new(2017, 4, 19)) else {
            panic!("valid dates");
        };
        for value in [DateValue::Day(day), DateValue::Range { from: day, until: later }, DateValue::Unresolved] {
            let json = serde_json::to_string(&value)?;
            assert_eq!(serde_json::from_str::<DateValue>(&json)?, value, "{json}");
        }
        assert_eq!(serde_json::to_string(&DateValue::Day(day))?, r#"{"kind":"day","value":"2017-04-12"}"#);
        Ok(())
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn weekdays_and_month_names_in_any_case() {
        assert!(is_weekday("Tuesday") && is_weekday("sunday"));
        assert!(!is_weekday("tue") && !is_weekday("today"));
        assert!(is_month_name("April") && is_month_name("may"));
        assert!(!is_month_name("apr") && !is_month_name("sept"));
    }
}
