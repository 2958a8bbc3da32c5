//! Paragraphs and sentences.

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

/// Paragraphs of `text`: runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push(trim(text, Span::new(s, last_end)));
            }
        } else {
            if start.is_none() {
                start = Some(at);
            }
            last_end = at + line.len();
        }
        at += line.len();
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
    Span::new(span.start + lead, span.end - trail)
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "st", "gov", "prof", "sgt", "capt", "maj", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "jr", "sr", "inc", "co",
];

/// Sentences of the paragraphs of `text`.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, &para) in paragraphs.iter().enumerate() {
        let bytes = text.as_bytes();
        let mut start = para.start;
        let mut i = para.start;
        while i < para.end {
            let b = bytes[i];
            if matches!(b, b'.' | b'!' | b'?') {
                let mut end = i + 1;
                while end < para.end && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')') {
                    end += 1;
                }
                let at_space = end >= para.end || bytes[end].is_ascii_whitespace();
                if at_space && !is_abbreviation(text, start, i) {
                    push(text, &mut out, Span::new(start, end), index);
                    start = end;
                }
                i = end;
            } else {
                i += 1;
            }
        }
        push(text, &mut out, Span::new(start, para.end), index);
    }
    out
}

fn push(text: &str, out: &mut Vec<Sentence>, span: Span, paragraph: usize) {
    let span = trim(text, span);
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

/// Whether the `.` at `dot` ends an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    if text.as_bytes()[dot] != b'.' {
        return false;
    }
    let before = &text[sentence_start..dot];
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"').next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "U.S.", "J." — a single letter before the dot.
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}
