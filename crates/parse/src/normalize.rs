//! Typographic normalisation for matching, with a map back to the original bytes.
//!
//! Curly quotes become straight ones, `´` and `’` become `'`, dashes become `-`, non-breaking
//! and other exotic spaces become a plain space. The normalised text is what every later
//! stage searches; [`Normalized::original`] turns its offsets back into offsets of the text
//! as read, so evidence always points at the user's bytes.

use crate::span::Span;
use std::borrow::Cow;

/// A normalised text and the edits that map it back to the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `(normalised offset, original offset)` at the end of every replaced character, in
    /// increasing order; between two entries the texts advance together.
    edits: Vec<(usize, usize)>,
}

/// The plain replacement of a typographic character, or `None` to keep it.
fn replacement(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{00B4}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        '\u{2022}' | '\u{2023}' | '\u{25E6}' | '\u{2043}' | '\u{2219}' => '*',
        '\u{2026}' => return None,
        _ => return None,
    })
}

/// The first byte from `from` that is a backtick or not ASCII, eight bytes at a time.
fn find_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TICKS: u64 = 0x6060_6060_6060_6060;
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut base = from;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A byte of `w ^ TICKS` is zero where `w` holds a backtick.
        let x = w ^ TICKS;
        let tick = x.wrapping_sub(ONES) & !x & HIGH;
        // The zero-byte test may flag a byte after a real hit, never miss one: confirm.
        if (w & HIGH) | tick != 0
            && let Some(i) = chunk.iter().position(|&b| b == b'`' || b >= 0x80)
        {
            return Some(base + i);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&b| b == b'`' || b >= 0x80).map(|i| base + i)
}

impl<'a> Normalized<'a> {
    /// Normalises `text`. Text with nothing to replace is borrowed as is.
    pub fn new(text: &'a str) -> Normalized<'a> {
        let bytes = text.as_bytes();
        // Only a backtick or a non-ASCII character can be replaced: copy the runs between
        // them in bulk, so plain text costs one scan.
        let candidate = |from: usize| find_candidate(bytes, from);
        let mut out: Option<String> = None;
        let mut edits = Vec::new();
        let mut copied = 0;
        let mut at = 0;
        while let Some(i) = candidate(at) {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else { break };
            let len = c.len_utf8();
            if let Some(r) = replacement(c) {
                let buf = out.get_or_insert_with(|| String::with_capacity(text.len()));
                buf.push_str(text.get(copied..i).unwrap_or(""));
                buf.push(r);
                copied = i + len;
                edits.push((buf.len(), copied));
            }
            at = i + len;
        }
        match out {
            Some(mut buf) => {
                buf.push_str(text.get(copied..).unwrap_or(""));
                Normalized { text: Cow::Owned(buf), edits }
            }
            None => Normalized { text: Cow::Borrowed(text), edits },
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The original offset of normalised offset `offset`.
    pub fn original(&self, offset: usize) -> usize {
        let i = self.edits.partition_point(|&(norm, _)| norm <= offset);
        match i.checked_sub(1).and_then(|k| self.edits.get(k)) {
            Some(&(norm, orig)) => orig + (offset - norm),
            None => offset,
        }
    }

    /// The original span of normalised span `span`.
    pub fn original_span(&self, span: Span) -> Span {
        Span::new(self.original(span.start), self.original(span.end))
    }
}

/// A term of a rule pack as matching sees it: typographic normalisation, trimmed and with
/// runs of white space collapsed.
pub fn normalise_term(text: &str) -> String {
    let norm = Normalized::new(text);
    norm.text().split_whitespace().collect::<Vec<_>>().join(" ")
}
