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

/// What the lexer saw: a run of ASCII letters, a run of digits (with `1,200` separators and
/// `3.5` decimals), or any other single character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Digits,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
}

/// The most tokens [`lex`] makes room for before it has read any.
const LEX_ROOM: usize = 256;

fn lex(s: &str) -> Vec<Tok> {
    let bytes = s.as_bytes();
    // About a token per five bytes of news text: room for a sentence's tokens at once
    // instead of four or five doublings, and no more than a page for a long text.
    let mut out = Vec::with_capacity((s.len() / 4 + 1).min(LEX_ROOM));
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            Kind::Word
        } else if b.is_ascii_digit() {
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    i += 1;
                } else if bytes[i] == b','
                    && bytes.get(i + 1..i + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
                {
                    i += 4;
                } else if bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Digits
        } else if b.is_ascii_whitespace() {
            i += 1;
            continue;
        } else {
            // One character; `s` is a `str`, so its first byte gives the length.
            i += s.get(i..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            Kind::Other
        };
        out.push(Tok { start, end: i, kind });
    }
    out
}

/// What a word means to a number, from one match on its lower-case bytes (the hot path:
/// every word of every sentence is looked up).
#[derive(Clone, Copy, Debug, PartialEq)]
enum NumberWord {
    /// "zero" to "nineteen".
    Unit(f64),
    /// "twenty" to "ninety".
    Tens(f64),
    /// "dozen", "hundred", "thousand", "million", "billion", "trillion".
    Scale(f64),
    /// "dozens", "hundreds", …: an interval `[low, high)`.
    Vague(f64, f64),
}

fn number_word(word: &str) -> Option<NumberWord> {
    use NumberWord::{Scale, Tens, Unit, Vague};
    let bytes = word.as_bytes();
    if !(3..=9).contains(&bytes.len()) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &buf[..bytes.len()] {
        b"zero" => Unit(0.0),
        b"one" => Unit(1.0),
        b"two" => Unit(2.0),
        b"three" => Unit(3.0),
        b"four" => Unit(4.0),
        b"five" => Unit(5.0),
        b"six" => Unit(6.0),
        b"seven" => Unit(7.0),
        b"eight" => Unit(8.0),
        b"nine" => Unit(9.0),
        b"ten" => Unit(10.0),
        b"eleven" => Unit(11.0),
        b"twelve" => Unit(12.0),
        b"thirteen" => Unit(13.0),
        b"fourteen" => Unit(14.0),
        b"fifteen" => Unit(15.0),
        b"sixteen" => Unit(16.0),
        b"seventeen" => Unit(17.0),
        b"eighteen" => Unit(18.0),
        b"nineteen" => Unit(19.0),
        b"twenty" => Tens(20.0),
        b"thirty" => Tens(30.0),
        b"forty" => Tens(40.0),
        b"fifty" => Tens(50.0),
        b"sixty" => Tens(60.0),
        b"seventy" => Tens(70.0),
        b"eighty" => Tens(80.0),
        b"ninety" => Tens(90.0),
        b"dozen" => Scale(12.0),
        b"hundred" => Scale(100.0),
        b"thousand" => Scale(1e3),
        b"million" => Scale(1e6),
        b"billion" => Scale(1e9),
        b"trillion" => Scale(1e12),
        b"dozens" => Vague(24.0, 100.0),
        b"hundreds" => Vague(200.0, 1e3),
        b"thousands" => Vague(2e3, 1e6),
        b"millions" => Vague(2e6, 1e9),
        b"billions" => Vague(2e9, 1e12),
        _ => return None,
    })
}

/// Words that scale what comes before them: "two dozen", "1.2 million".
fn scale(word: &str) -> Option<f64> {
    match number_word(word)? {
        NumberWord::Scale(v) => Some(v),
        _ => None,
    }
}

fn unit(word: &str) -> Option<f64> {
    match number_word(word)? {
        NumberWord::Unit(v) => Some(v),
        _ => None,
    }
}

fn tens(word: &str) -> Option<f64> {
    match number_word(word)? {
        NumberWord::Tens(v) => Some(v),
        _ => None,
    }
}

fn is_number_word(word: &str) -> bool {
    matches!(number_word(word), Some(NumberWord::Unit(_) | NumberWord::Tens(_) | NumberWord::Scale(_)))
}

/// Vague plural quantities and the values they are taken to allow.
fn vague(word: &str) -> Option<Interval> {
    match number_word(word)? {
        NumberWord::Vague(low, high) => Some(Interval { low: Bound::Inclusive(low), high: Bound::Exclusive(high) }),
        _ => None,
    }
}

/// Words after which a number names a thing ("Article 51", "Resolution 2118", "No. 5").
const DESIGNATIONS: &[&str] = &[
    "article",
    "articles",
    "resolution",
    "resolutions",
    "chapter",
    "section",
    "paragraph",
    "para",
    "clause",
    "art",
    "sec",
    "flight",
    "no",
    "nos",
    "number",
    "page",
    "pages",
    "pp",
    "vol",
    "volume",
    "room",
    "route",
    "highway",
    "platform",
    "gate",
    "terminal",
    "phase",
    "protocol",
    "amendment",
    "decree",
    "law",
    "rule",
    "item",
    "annex",
    "appendix",
    "boeing",
    "airbus",
    "model",
    "type",
    "version",
    "channel",
    "district",
    "brigade",
    "division",
    "battalion",
    "regiment",
    "squadron",
    "corps",
    "army",
    "fleet",
    "block",
    "building",
    "apartment",
    "street",
    "kilometre",
    "kilometer",
    "km",
    "mile",
];

/// Words after which a four-digit number is a year ("since 2013", "in 2017").
const YEAR_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "during",
    "from",
    "year",
    "early",
    "late",
    "mid",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "circa",
    "throughout",
    "through",
    "the",
];

fn one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A number before hedges and ranges: tokens `first..=last`, its value(s).
#[derive(Clone, Copy, Debug)]
struct Atom {
    first: usize,
    last: usize,
    interval: Interval,
    /// A bare four-digit number that may be a year, decided once its neighbours are known.
    year_like: bool,
}

struct Lexed<'a> {
    s: &'a str,
    toks: Vec<Tok>,
}

impl Lexed<'_> {
    fn text(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| self.s.get(t.start..t.end).unwrap_or(""))
    }

    fn kind(&self, k: usize) -> Option<Kind> {
        self.toks.get(k).map(|t| t.kind)
    }

    /// Whether tokens `a` and `a + 1` touch (no space between).
    fn glued(&self, a: usize) -> bool {
        match (self.toks.get(a), self.toks.get(a + 1)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    fn word_is(&self, k: usize, list: &[&str]) -> bool {
        self.kind(k) == Some(Kind::Word) && one_of(list, self.text(k))
    }

    /// Whether token `k` is a word glued by a hyphen to the word after it ("one-sided").
    fn hyphen_compound_after(&self, k: usize) -> bool {
        self.glued(k) && self.text(k + 1) == "-" && self.glued(k + 1) && self.kind(k + 2) == Some(Kind::Word)
    }

    /// Reads number words from token `k`: "seventy-two", "two dozen", "a hundred",
    /// "one hundred and twenty". Returns the last token and the value.
    fn number_words(&self, k: usize) -> Option<(usize, f64)> {
        let mut at = k;
        let mut seen_any = false;
        if self.word_is(k, &["a", "an"]) {
            let next = self.text(k + 1);
            if self.kind(k + 1) != Some(Kind::Word) || scale(next).is_none() {
                return None;
            }
            at = k + 1;
        }
        let (mut total, mut current) = (0.0_f64, 0.0_f64);
        let mut last = None;
        let mut prev_small = false;
        loop {
            if self.kind(at) != Some(Kind::Word) {
                break;
            }
            let word = self.text(at);
            if let Some(v) = unit(word).or_else(|| tens(word)) {
                // "five six" is two numbers, not one; "seventy two" is one.
                let after_tens = prev_small && current % 100.0 >= 20.0 && current % 10.0 == 0.0;
                if prev_small && !(after_tens && (1.0..10.0).contains(&v)) {
                    break;
                }
                current += v;
                last = Some(at);
                if tens(word).is_some()
                    && self.glued(at)
                    && self.text(at + 1) == "-"
                    && self.glued(at + 1)
                    && let Some(u) = unit(self.text(at + 2)).filter(|u| (1.0..10.0).contains(u))
                {
                    current += u;
                    at += 2;
                    last = Some(at);
                }
                prev_small = true;
            } else if let Some(sc) = scale(word) {
                let base = if seen_any || at > k { current.max(1.0) } else { break };
                if sc >= 1e3 {
                    total += base * sc;
                    current = 0.0;
                } else {
                    current = base * sc;
                }
                last = Some(at);
                prev_small = false;
            } else if word.eq_ignore_ascii_case("and")
                && at.checked_sub(1) == last
                && (total > 0.0 || current >= 100.0)
                && (unit(self.text(at + 1)).is_some() || tens(self.text(at + 1)).is_some())
            {
                // "one hundred and twenty" goes on.
            } else {
                break;
            }
            seen_any = true;
            at += 1;
        }
        let last = last?;
        Some((last, total + current))
    }

    /// Reads digits from token `k`, with a scale word after ("1.2 million").
    fn digits(&self, k: usize) -> Option<(usize, f64)> {
        let raw: String = self.text(k).chars().filter(|&c| c != ',').collect();
        let value: f64 = raw.parse().ok()?;
        if self.kind(k + 1) == Some(Kind::Word)
            && let Some(sc) = scale(self.text(k + 1))
            && sc >= 1e3
        {
            return Some((k + 1, value * sc));
        }
        Some((k, value))
    }

    /// The number at token `k`, if it is a count and not a name, time, date or ordinal.
    fn atom(&self, k: usize) -> Option<Atom> {
        match self.kind(k)? {
            Kind::Digits => self.digit_atom(k),
            Kind::Word => self.word_atom(k),
            Kind::Other => None,
        }
    }

    fn digit_atom(&self, k: usize) -> Option<Atom> {
        if k > 0 && self.glued(k - 1) {
            let prev = self.text(k - 1);
            // Glued to letters or to a dot: "MH17", "M1", "v1.2".
            if self.kind(k - 1) == Some(Kind::Word) || matches!(prev, "." | "#" | ":" | "/") {
                return None;
            }
            // "MiG-23", "S-300", "Su-25": a hyphen glued to a name before it. After digits
            // ("80-100") it is the end of a range, unless the digits run on ("2017-04-04").
            if prev == "-" && k > 1 && self.glued(k - 2) {
                match self.kind(k - 2) {
                    Some(Kind::Word) => return None,
                    Some(Kind::Digits) => {
                        let dash_before = k > 2 && self.glued(k - 3) && self.text(k - 3) == "-";
                        let dash_after = self.glued(k) && self.text(k + 1) == "-";
                        if dash_before || dash_after {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
        }
        if self.glued(k) {
            let next = self.text(k + 1);
            // "3rd", "1990s", "5km"; "11:30"; "4/13/17".
            if self.kind(k + 1) == Some(Kind::Word) || matches!(next, ":" | "/") {
                return None;
            }
            // "23-year-old": a compound adjective, not a count.
            if next == "-" && self.glued(k + 1) && self.kind(k + 2) == Some(Kind::Word) {
                return None;
            }
            // "2017-04-04" is a date.
            if next == "-"
                && self.glued(k + 1)
                && self.kind(k + 2) == Some(Kind::Digits)
                && self.glued(k + 2)
                && self.text(k + 3) == "-"
            {
                return None;
            }
        }
        // "No. 5", "Art. 51".
        let designated = if k > 0 && self.glued(k - 1) {
            false
        } else if k > 1 && self.text(k - 1) == "." && self.glued(k - 2) {
            self.word_is(k - 2, DESIGNATIONS)
        } else {
            k > 0 && self.word_is(k - 1, DESIGNATIONS)
        };
        if designated {
            return None;
        }
        // "April 4", "4 April": the day of a date.
        let day_number = self.text(k).parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        let day = day_number && (k > 0 && self.is_month(k - 1) || self.is_month(k + 1));
        // Right after a month that has no day before it, a number is part of the date even
        // when mangled ("Jul 282016" in scraped text); "4 April 86" keeps its count.
        let day = day
            || (k > 0
                && self.is_month(k - 1)
                && !(k > 1 && self.kind(k - 2) == Some(Kind::Digits) && self.text(k - 2).len() <= 2));
        let day = day || (k > 1 && self.text(k - 1) == "." && self.is_month(k - 2));
        if day {
            return None;
        }
        // "3 p.m.", "10 am".
        if self.word_is(k + 1, &["gmt", "utc", "hrs", "hours"]) && self.text(k).len() == 4 {
            return None;
        }
        if self.word_is(k + 1, &["am", "pm", "a", "p"])
            && (matches!(self.text(k + 1).len(), 2) || (self.glued(k + 1) && self.text(k + 2) == "."))
        {
            return None;
        }
        let (last, value) = self.digits(k)?;
        let text = self.text(k);
        let year_like = last == k && text.len() == 4 && (1000.0..3000.0).contains(&value);
        Some(Atom { first: k, last, interval: Interval::exact(value), year_like })
    }

    fn word_atom(&self, k: usize) -> Option<Atom> {
        let word = self.text(k);
        // Most words are no number at all: leave them at once.
        if number_word(word).is_none() && !one_of(&["a", "an", "tens", "several"], word) {
            return None;
        }
        // Inside a word run, only the first number word starts a number.
        if k > 0
            && self.kind(k - 1) == Some(Kind::Word)
            && number_word(self.text(k - 1)).is_some()
            && self.number_words(k - 1).is_some()
        {
            return None;
        }
        if let Some(interval) = vague(word) {
            // "tens of thousands", "hundreds of thousands".
            if self.word_is(k + 1, &["of"])
                && let Some(sc) = scale(self.text(k + 2).trim_end_matches('s')).filter(|&s| s >= 1e3)
                && self.text(k + 2).ends_with('s')
            {
                let interval = Interval { low: scaled(interval.low, sc), high: scaled(interval.high, sc) };
                return Some(Atom { first: k, last: k + 2, interval, year_like: false });
            }
            return Some(Atom { first: k, last: k, interval, year_like: false });
        }
        if word.eq_ignore_ascii_case("tens")
            && self.word_is(k + 1, &["of"])
            && self.word_is(k + 2, &["thousands", "millions"])
        {
            let low = if self.text(k + 2).eq_ignore_ascii_case("thousands") { 2e4 } else { 2e7 };
            let interval = Interval { low: Bound::Inclusive(low), high: Bound::Exclusive(low * 5.0) };
            return Some(Atom { first: k, last: k + 2, interval, year_like: false });
        }
        // "several hundred", "a few thousand".
        let few = if word.eq_ignore_ascii_case("several") {
            Some(k + 1)
        } else if word.eq_ignore_ascii_case("a") && self.word_is(k + 1, &["few"]) {
            Some(k + 2)
        } else {
            None
        };
        if let Some(at) = few {
            let plural = format!("{}s", self.text(at));
            if self.kind(at) == Some(Kind::Word) && scale(self.text(at)).is_some() {
                let interval = vague(&plural)?;
                return Some(Atom { first: k, last: at, interval, year_like: false });
            }
            return None;
        }
        if !is_number_word(word) && !one_of(&["a", "an"], word) {
            return None;
        }
        let (last, value) = self.number_words(k)?;
        // "one-sided", "three-day": a compound adjective.
        if self.hyphen_compound_after(last) && !is_number_word(self.text(last + 2)) {
            return None;
        }
        // "five-year-old" seen from "-year": also glued before.
        if k > 0 && self.glued(k - 1) && self.text(k - 1) == "-" {
            return None;
        }
        // "one of them", "no one", "one another": a pronoun, not a count.
        if word.eq_ignore_ascii_case("one")
            && last == k
            && (self.word_is(k + 1, &["of", "another", "who", "that", "which"])
                || (k > 0 && self.word_is(k - 1, &["no", "any", "every", "some", "the", "this", "that", "each"])))
        {
            return None;
        }
        Some(Atom { first: k, last, interval: Interval::exact(value), year_like: false })
    }
}

fn scaled(bound: Bound, by: f64) -> Bound {
    match bound {
        Bound::Inclusive(v) => Bound::Inclusive(v * by),
        Bound::Exclusive(v) => Bound::Exclusive(v * by),
        Bound::Unbounded => Bound::Unbounded,
    }
}

type Widen = fn(f64) -> Interval;

fn at_least(v: f64) -> Interval {
    Interval { low: Bound::Inclusive(v), high: Bound::Unbounded }
}
fn more_than(v: f64) -> Interval {
    Interval { low: Bound::Exclusive(v), high: Bound::Unbounded }
}
fn nearly(v: f64) -> Interval {
    Interval { low: Bound::Inclusive((v * 9.0 / 10.0).floor()), high: Bound::Exclusive(v) }
}
fn about(v: f64) -> Interval {
    Interval::closed((v * 9.0 / 10.0).floor(), (v * 11.0 / 10.0).ceil())
}
fn up_to(v: f64) -> Interval {
    Interval::closed(0.0, v)
}
fn fewer_than(v: f64) -> Interval {
    Interval { low: Bound::Inclusive(0.0), high: Bound::Exclusive(v) }
}

/// Hedges, longest first so that "no more than" wins over "more than".
const HEDGES: &[(&[&str], Widen)] = &[
    (&["no", "fewer", "than"], at_least),
    (&["no", "less", "than"], at_least),
    (&["not", "less", "than"], at_least),
    (&["no", "more", "than"], up_to),
    (&["not", "more", "than"], up_to),
    (&["in", "excess", "of"], more_than),
    (&["as", "many", "as"], up_to),
    (&["close", "to"], nearly),
    (&["just", "under"], nearly),
    (&["just", "over"], more_than),
    (&["at", "least"], at_least),
    (&["at", "most"], up_to),
    (&["more", "than"], more_than),
    (&["upwards", "of"], more_than),
    (&["fewer", "than"], fewer_than),
    (&["less", "than"], fewer_than),
    (&["up", "to"], up_to),
    (&["an", "estimated"], about),
    (&["some"], about),
    (&["about"], about),
    (&["around"], about),
    (&["roughly"], about),
    (&["approximately"], about),
    (&["circa"], about),
    (&["estimated"], about),
    (&["nearly"], nearly),
    (&["almost"], nearly),
    (&["over"], more_than),
    (&["above"], more_than),
    (&["under"], fewer_than),
    (&["below"], fewer_than),
];

impl Lexed<'_> {
    /// The hedge ending just before token `k`: its first token and how it widens a value.
    fn hedge(&self, k: usize) -> Option<(usize, Widen)> {
        HEDGES.iter().find_map(|&(words, widen)| {
            let first = k.checked_sub(words.len())?;
            let all = words.iter().enumerate().all(|(j, w)| self.word_is(first + j, &[w]));
            all.then_some((first, widen))
        })
    }

    /// Whether the year-like number at token `k` is a year, from its neighbours.
    fn is_year(&self, k: usize) -> bool {
        if k > 0 && self.word_is(k - 1, YEAR_CUES) {
            return true;
        }
        // "the summer of 2016", "the end of 2016"; but "a toll of 1500" is a count.
        if k > 1
            && self.word_is(k - 1, &["of"])
            && self.word_is(
                k - 2,
                &["end", "start", "beginning", "middle", "summer", "spring", "autumn", "fall", "winter"],
            )
        {
            return true;
        }
        // "April 2017", "April 4, 2017", "4 April 2017".
        (1..=4).any(|back| k >= back && self.is_month(k - back))
    }

    /// Whether token `k` names a month: capitalised, as English writes them, so that the
    /// verb in "30 may have died" is not read as May.
    fn is_month(&self, k: usize) -> bool {
        self.text(k).starts_with(|c: char| c.is_ascii_uppercase())
            && self.kind(k) == Some(Kind::Word)
            && crate::date::is_month(self.text(k))
    }
}

/// Quantities inside `range` of `text`.
pub fn quantities(text: &str, range: Span) -> Vec<Quantity> {
    let Some(s) = text.get(range.start..range.end) else {
        return Vec::new();
    };
    let lexed = Lexed { s, toks: lex(s) };
    let mut atoms = Vec::new();
    let mut k = 0;
    while k < lexed.toks.len() {
        match lexed.atom(k) {
            Some(atom) => {
                k = atom.last + 1;
                atoms.push(atom);
            }
            None => k += 1,
        }
    }
    let mut out = Vec::new();
    let mut a = 0;
    while a < atoms.len() {
        let atom = atoms[a];
        let hedge = lexed.hedge(atom.first);
        if atom.year_like && hedge.is_none() && lexed.is_year(atom.first) {
            a += 1;
            continue;
        }
        let next = atoms.get(a + 1).copied();
        let exact = |x: &Atom| x.interval.as_exact();
        // "between 80 and 100", "80 to 100", "80-100" are ranges; "from 72 to 86" is a change
        // and stays two numbers for the reader of the sentence to weigh.
        if let Some(next) = next
            && let (Some(low), Some(high)) = (exact(&atom), exact(&next))
            && low < high
            && next.first == atom.last + 2
        {
            let joint = lexed.text(atom.last + 1);
            let between = atom.first > 0 && lexed.word_is(atom.first - 1, &["between"]);
            let from = atom.first > 0 && lexed.word_is(atom.first - 1, &["from"]);
            let dash = joint == "-" && lexed.glued(atom.last) && lexed.glued(atom.last + 1);
            let to = joint.eq_ignore_ascii_case("to") && !from;
            let and = joint.eq_ignore_ascii_case("and") && between;
            if dash || to || and {
                let first = if between { atom.first - 1 } else { atom.first };
                let span = tok_span(&lexed, first, next.last, range.start);
                out.push(Quantity { span, interval: Interval::closed(low, high) });
                a += 2;
                continue;
            }
        }
        let (first, interval) = match (hedge, exact(&atom)) {
            (Some((first, widen)), Some(v)) => (first, widen(v)),
            _ => (atom.first, atom.interval),
        };
        out.push(Quantity { span: tok_span(&lexed, first, atom.last, range.start), interval });
        a += 1;
    }
    out
}

fn tok_span(lexed: &Lexed<'_>, first: usize, last: usize, offset: usize) -> Span {
    let start = lexed.toks.get(first).map_or(0, |t| t.start);
    let end = lexed.toks.get(last).map_or(start, |t| t.end);
    Span::new(offset + start, offset + end)
}
