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

impl<'a> Normalized<'a> {
    /// Normalises `text`. Pure ASCII text is borrowed as is.
    pub fn new(text: &'a str) -> Normalized<'a> {
        if text.is_ascii() {
            return Normalized { text: Cow::Borrowed(text), edits: Vec::new() };
        }
        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::new();
        for (at, c) in text.char_indices() {
            match replacement(c) {
                Some(r) => {
                    out.push(r);
                    edits.push((out.len(), at + c.len_utf8()));
                }
                None => out.push(c),
            }
        }
        if edits.is_empty() {
            return Normalized { text: Cow::Borrowed(text), edits };
        }
        Normalized { text: Cow::Owned(out), edits }
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
