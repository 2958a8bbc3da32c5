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

/// Titles before a name: a dot after them never ends a sentence ("Gen. Dunford").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "gen", "lt", "col", "sen", "sens", "rep", "reps", "gov", "prof", "sgt", "capt",
    "maj", "cpl", "pvt", "adm", "cmdr", "cmdt", "st", "rev", "hon", "pres", "supt", "insp", "fr", "brig", "gens",
    "amb", "atty", "mt", "ft",
];

/// Abbreviations that end a sentence only when the next word says so ("Jan.", "Inc.", "vs.").
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "etc",
    "jr", "sr", "inc", "co", "corp", "ltd", "bros", "dept", "est", "approx", "govt", "intl", "univ", "assn", "fig",
    "vol", "ch", "art", "para", "sec", "p", "pp", "cf", "al", "ave", "blvd", "rd", "e.g", "i.e", "a.m", "p.m", "u.s",
    "u.n", "u.k", "e.u",
];

/// Words that, capitalised after an abbreviation, show that a new sentence began.
const STARTERS: &[&str] = &[
    "a",
    "an",
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "some",
    "many",
    "most",
    "according",
    "last",
    "next",
    "what",
    "who",
    "why",
    "how",
    "where",
    "no",
    "not",
    "one",
    "two",
    "three",
    "both",
    "all",
    "each",
    "officials",
    "still",
    "also",
    "then",
    "now",
    "earlier",
    "later",
    "since",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "mr",
    "mrs",
    "ms",
    "dr",
    "asked",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "did",
    "does",
    "do",
    "can",
    "will",
    "would",
];

fn one_of(list: &[&str], word: &str) -> bool {
    word.len() <= 9 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Bytes the sentence scan stops at: terminators, newlines, and the lead byte of `…`.
const fn stops() -> [bool; 256] {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table
}
static STOPS: [bool; 256] = stops();

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
        while i < end {
            let b = bytes[i];
            if !STOPS[usize::from(b)] {
                i += 1;
                continue;
            }
            if b == b'\n' {
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
    let next_token: &str = next_word.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let starts_sentence = one_of(STARTERS, next_token);
    if one_of(TITLES, word) {
        return false;
    }
    // "No. 5", "Jan. 4", "Art. 51": a number after the abbreviation belongs to it.
    if one_of(ABBREVIATIONS, word) {
        return starts_sentence && !next.is_ascii_digit();
    }
    // Initials and dotted acronyms: "J.", "U.S.", "W.".
    let letters = word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if letters {
        return starts_sentence;
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
