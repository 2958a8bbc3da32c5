//! Paragraphs and sentences.
//!
//! Paragraphs are runs of non-blank lines and hard boundaries: no sentence crosses one.
//! Inside a paragraph a sentence ends at `.`, `!`, `?` or an ellipsis (with any closing
//! quotes and brackets after it) followed by space, unless the next word starts in lower
//! case or the dot ends an abbreviation, an initial or a dotted acronym that the next word
//! does not show to end the sentence. A line without final punctuation ends a sentence when
//! it reads as a headline, byline, heading or list item.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A sentence: a span of the normalised text inside one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// Whether `line` holds only white space.
fn blank(line: &[u8]) -> bool {
    if line.is_ascii() {
        line.iter().all(u8::is_ascii_whitespace)
    } else {
        std::str::from_utf8(line).is_ok_and(|l| l.trim().is_empty())
    }
}

/// Paragraphs of `text`: runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
        if blank(&bytes[at..end]) {
            if let Some(s) = start.take() {
                out.push(trim(text, Span::new(s, last_end)));
            }
        } else {
            if start.is_none() {
                start = Some(at);
            }
            last_end = end;
        }
        at = end;
    }
    if let Some(s) = start {
        out.push(trim(text, Span::new(s, last_end)));
    }
    out
}

fn trim(text: &str, span: Span) -> Span {
    let slice = span.text(text);
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    Span::new(span.start + lead, (span.end - trail).max(span.start + lead))
}

/// `word` in ASCII lower case in a small buffer, or `None` when it is too long to be one of
/// the short words the splitter knows.
fn lower(word: &str) -> Option<([u8; 12], usize)> {
    let bytes = word.as_bytes();
    if bytes.len() > 12 {
        return None;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    Some((buf, bytes.len()))
}

/// Titles before a name: a dot after them never ends a sentence ("Gen. Dunford").
fn is_title(word: &str) -> bool {
    let Some((buf, n)) = lower(word) else { return false };
    matches!(
        &buf[..n],
        b"mr"
            | b"mrs"
            | b"ms"
            | b"messrs"
            | b"dr"
            | b"gen"
            | b"lt"
            | b"col"
            | b"sen"
            | b"sens"
            | b"rep"
            | b"reps"
            | b"gov"
            | b"prof"
            | b"sgt"
            | b"capt"
            | b"maj"
            | b"cpl"
            | b"pvt"
            | b"adm"
            | b"cmdr"
            | b"cmdt"
            | b"st"
            | b"rev"
            | b"hon"
            | b"pres"
            | b"supt"
            | b"insp"
            | b"fr"
            | b"brig"
            | b"gens"
            | b"amb"
            | b"atty"
            | b"mt"
            | b"ft"
    )
}

/// Abbreviations that end a sentence only when the next word says so ("Jan.", "Inc.", "vs.").
fn is_abbreviation(word: &str) -> bool {
    if crate::date::is_month_abbreviation(word) {
        return true;
    }
    let Some((buf, n)) = lower(word) else { return false };
    matches!(
        &buf[..n],
        b"no"
            | b"nos"
            | b"vs"
            | b"etc"
            | b"jr"
            | b"sr"
            | b"inc"
            | b"co"
            | b"corp"
            | b"ltd"
            | b"bros"
            | b"dept"
            | b"est"
            | b"approx"
            | b"govt"
            | b"intl"
            | b"univ"
            | b"assn"
            | b"fig"
            | b"vol"
            | b"ch"
            | b"art"
            | b"para"
            | b"sec"
            | b"p"
            | b"pp"
            | b"cf"
            | b"al"
            | b"ave"
            | b"blvd"
            | b"rd"
    )
}

/// Words that, capitalised after an abbreviation, show that a new sentence began.
fn is_starter(word: &str) -> bool {
    let Some((buf, n)) = lower(word) else { return false };
    matches!(
        &buf[..n],
        b"a" | b"an"
            | b"the"
            | b"he"
            | b"she"
            | b"it"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"but"
            | b"and"
            | b"or"
            | b"so"
            | b"yet"
            | b"in"
            | b"on"
            | b"at"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"his"
            | b"her"
            | b"its"
            | b"their"
            | b"our"
            | b"my"
            | b"your"
            | b"however"
            | b"meanwhile"
            | b"after"
            | b"before"
            | b"when"
            | b"while"
            | b"if"
            | b"as"
            | b"some"
            | b"many"
            | b"most"
            | b"according"
            | b"last"
            | b"next"
            | b"what"
            | b"who"
            | b"why"
            | b"how"
            | b"where"
            | b"no"
            | b"not"
            | b"one"
            | b"two"
            | b"three"
            | b"both"
            | b"all"
            | b"each"
            | b"officials"
            | b"still"
            | b"also"
            | b"then"
            | b"now"
            | b"earlier"
            | b"later"
            | b"since"
            | b"for"
            | b"with"
            | b"by"
            | b"from"
            | b"to"
            | b"of"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"is"
            | b"was"
            | b"are"
            | b"were"
            | b"has"
            | b"had"
            | b"did"
            | b"does"
            | b"do"
            | b"can"
            | b"will"
            | b"would"
    )
}

/// Position of the next byte from `from` (below `end`) found by `find`, cached in `slot`
/// until the scan passes it, so that each kind of byte is searched once per stretch.
fn next_of(
    slot: &mut Option<usize>,
    from: usize,
    end: usize,
    bytes: &[u8],
    find: impl Fn(&[u8]) -> Option<usize>,
) -> usize {
    match *slot {
        Some(at) if at >= from => at,
        _ => {
            let at = bytes.get(from..end).and_then(&find).map_or(end, |k| from + k);
            *slot = Some(at);
            at
        }
    }
}

/// Sentences of the paragraphs of `text`.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 120 + paragraphs.len());
    for (index, &para) in paragraphs.iter().enumerate() {
        let end = para.end.min(bytes.len());
        let longest = longest_line(bytes, para);
        let mut start = para.start;
        let mut line_start = para.start;
        let mut i = para.start;
        let (mut term, mut newline, mut ellipsis) = (None, None, None);
        while i < end {
            // memchr finds each kind of stop far faster than a byte loop would.
            let t = next_of(&mut term, i, end, bytes, |h| memchr::memchr3(b'.', b'!', b'?', h));
            let n = next_of(&mut newline, i, end, bytes, |h| memchr::memchr(b'\n', h));
            let e = next_of(&mut ellipsis, i, end, bytes, |h| memchr::memchr(0xE2, h));
            i = t.min(n).min(e);
            if i >= end {
                break;
            }
            if bytes[i] == b'\n' {
                if line_break_ends_sentence(text, Span::new(line_start, i), end, longest) {
                    push(text, &mut out, Span::new(start, i), index);
                    start = i + 1;
                }
                i += 1;
                line_start = i;
                continue;
            }
            let Some(run_end) = terminator_run(bytes, i, end) else {
                i += 1;
                continue;
            };
            if run_end >= end || !bytes[run_end].is_ascii_whitespace() {
                // "3.5", "U.S.-backed", or the paragraph's end (pushed below).
                i = run_end.max(i + 1);
                continue;
            }
            if ends_sentence(text, start, i, run_end, end) {
                push(text, &mut out, Span::new(start, run_end), index);
                start = run_end;
            }
            i = run_end;
        }
        push(text, &mut out, Span::new(start, end), index);
    }
    out
}

/// The end of the run of terminators starting at `i` (`.`, `!`, `?`, `…`) and of the closing
/// quotes and brackets after it; `None` when `i` is the lead byte of another character.
fn terminator_run(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    let mut j = i;
    let mut any = false;
    while j < end {
        match bytes[j] {
            b'.' | b'!' | b'?' => j += 1,
            0xE2 if bytes.get(j + 1..j + 3) == Some(&[0x80, 0xA6]) => j += 3,
            _ => break,
        }
        any = true;
    }
    if !any {
        return None;
    }
    while j < end && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
        j += 1;
    }
    Some(j)
}

/// Whether the terminators `term..run_end` end the sentence begun at `start`.
fn ends_sentence(text: &str, start: usize, term: usize, run_end: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(rest) = text.get(run_end..end) else { return true };
    let next_word = rest.trim_start();
    let Some(next) = next_word.chars().next() else { return true };
    // A lower-case word goes on: "wounded... and", "\"Why?\" he asked", "e.g. the".
    if next.is_lowercase() {
        return false;
    }
    let run = &bytes[term..run_end];
    if run.iter().any(|&b| b == b'!' || b == b'?') || run.starts_with(b"..") || run.starts_with(&[0xE2]) {
        return true;
    }
    if run.len() > 1 {
        // `."` or `.)`: a closed quote or bracket after a dot ends the sentence.
        return true;
    }
    // A single dot: look at the word it ends.
    let word_start = text
        .get(start..term)
        .and_then(|before| before.rfind(|c: char| !(c.is_alphanumeric() || c == '.')).map(|k| start + k + 1))
        .unwrap_or(start);
    let word = text.get(word_start..term).unwrap_or("").trim_start_matches('.');
    if word.is_empty() {
        return true;
    }
    if is_title(word) {
        return false;
    }
    let starts_sentence = || is_starter(next_word.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    // "No. 5", "Jan. 4", "Art. 51": a number after the abbreviation belongs to it.
    if is_abbreviation(word) {
        return !next.is_ascii_digit() && starts_sentence();
    }
    // Initials and dotted acronyms: "J.", "U.S.", "W.", "a.m.", "e.g.".
    let letters = word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if letters {
        return starts_sentence();
    }
    true
}

/// Whether the line `line` (without its `\n`) ends a sentence though it has no final
/// punctuation: a headline, byline, heading or list item, or a line before one.
fn line_break_ends_sentence(text: &str, line: Span, para_end: usize, longest: usize) -> bool {
    let this = line.text(text).trim();
    let next = text.get(line.end + 1..para_end).unwrap_or("").trim_start();
    let Some(first) = next.chars().next() else { return false };
    if this.is_empty() {
        return false;
    }
    let structural = |l: &str| l.starts_with('#') || l.starts_with("* ") || l.starts_with("- ") || l.starts_with("+ ");
    if structural(this) || structural(next) {
        return true;
    }
    let last = this.chars().next_back().unwrap_or(' ');
    if matches!(last, '.' | '!' | '?' | ',' | ';' | ':' | '-' | '(' | '"' | '\'') {
        return false;
    }
    // A hard-wrapped paragraph has lines of about one length; a headline is shorter.
    let short = this.len() * 10 < longest * 7 || this.split_whitespace().count() <= 6;
    short && (first.is_uppercase() || first.is_ascii_digit() || first == '"')
}

/// Length in bytes of the longest line of `para`.
fn longest_line(bytes: &[u8], para: Span) -> usize {
    let Some(slice) = bytes.get(para.start..para.end) else { return 0 };
    let mut longest = 0;
    let mut at = 0;
    for nl in memchr::memchr_iter(b'\n', slice) {
        longest = longest.max(nl - at);
        at = nl + 1;
    }
    longest.max(slice.len() - at)
}

fn push(text: &str, out: &mut Vec<Sentence>, span: Span, paragraph: usize) {
    let span = trim(text, span);
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}
