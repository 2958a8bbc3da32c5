//! Direct-quote spans, straight or curly (after normalisation), across paragraphs.
//!
//! Marks pair up within a paragraph, each read as opening or closing from its neighbours
//! (`"` after a space opens, `"` before a space closes), so one stray mark costs one quote,
//! not the rest of the paragraph. A paragraph that ends inside a quote yields an open quote
//! running to its end: news style continues the quote in the next paragraph, which opens
//! with a mark. Single quotes are quotes only in a paragraph with no double marks (British
//! style); inside double quotes they are nested quotes, part of the outer one. Two
//! apostrophes typed for a double mark (`''Yes,'' he said`, as some wire copy has it) are a
//! double mark.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A direct quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub span: Span,
    /// Paragraph the quote opens in.
    pub paragraph: usize,
    /// Whether the quote was closed by a mark (unbalanced quotes end at their paragraph).
    pub closed: bool,
}

/// What the characters around a mark say about it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Opens,
    Closes,
    Either,
}

fn side(bytes: &[u8], i: usize, width: usize, para: Span) -> Side {
    let before = if i > para.start { Some(bytes[i - 1]) } else { None };
    let after = bytes.get(i + width).copied().filter(|_| i + width < para.end);
    let space_before = before.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'(' | b'[' | b'-' | b'/'));
    let space_after = after.is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'.' | b',' | b';' | b':' | b')'));
    match (space_before, space_after) {
        (true, false) => Side::Opens,
        (false, true) => Side::Closes,
        _ => Side::Either,
    }
}

/// Quoted spans of `text` in each paragraph.
pub fn quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (index, &para) in paragraphs.iter().enumerate() {
        let Some(slice) = bytes.get(para.start..para.end) else { continue };
        let before = out.len();
        let mut open: Option<usize> = None;
        for (i, width) in double_marks(slice).map(|(i, w)| (i + para.start, w)) {
            // Two apostrophes between letters are no mark ("rock''n''roll").
            let letter = |k: Option<usize>| k.and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_alphanumeric);
            if width == 2 && letter(i.checked_sub(1)) && letter(Some(i + 2)) {
                continue;
            }
            let side = side(bytes, i, width, para);
            match open {
                None if side == Side::Closes => {}
                None => open = Some(i + width),
                // An opening mark while a quote is open: the earlier one was never closed.
                Some(start) if side == Side::Opens => {
                    push(text, &mut out, Span::new(start, i), index, false);
                    open = Some(i + width);
                }
                Some(start) => {
                    push(text, &mut out, Span::new(start, i), index, true);
                    open = None;
                }
            }
        }
        if let Some(start) = open {
            push(text, &mut out, Span::new(start, para.end), index, false);
        }
        if out.len() == before && memchr::memchr(b'\'', slice).is_some() {
            single_quotes(text, para, index, &mut out);
        }
    }
    out
}

/// The double marks of a paragraph's bytes, with their widths: `"`, `''` alone, and the outer
/// pair of `'''` (a single mark beside a double one).
fn double_marks(slice: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < slice.len() {
            let at = i;
            match slice[at] {
                b'"' => {
                    i += 1;
                    return Some((at, 1));
                }
                b'\'' => {
                    let run = slice[at..].iter().take_while(|&&b| b == b'\'').count();
                    i += run;
                    match run {
                        2 => return Some((at, 2)),
                        // `,''' he said` closes a single quote inside a double one typed as
                        // apostrophes, and `'''Not` opens both: the double mark is the pair on
                        // the outer side.
                        3 => {
                            let closing = at > 0 && !slice[at - 1].is_ascii_whitespace();
                            return Some((if closing { at + 1 } else { at }, 2));
                        }
                        _ => {}
                    }
                }
                _ => i += 1,
            }
        }
        None
    })
}

/// Quotes in single marks: an opening `'` before a letter after a space, a closing `'` after
/// a non-space before a space or punctuation. Apostrophes ("Russia's") sit between letters.
fn single_quotes(text: &str, para: Span, index: usize, out: &mut Vec<Quote>) {
    let bytes = text.as_bytes();
    let Some(slice) = bytes.get(para.start..para.end) else { return };
    let mut open: Option<usize> = None;
    for i in memchr::memchr_iter(b'\'', slice).map(|i| i + para.start) {
        let next_letter = bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) && i + 1 < para.end;
        match (open, side(bytes, i, 1, para)) {
            (None, Side::Opens) if next_letter => open = Some(i + 1),
            (Some(start), Side::Closes) => {
                push(text, out, Span::new(start, i), index, true);
                open = None;
            }
            _ => {}
        }
    }
}

fn push(text: &str, out: &mut Vec<Quote>, span: Span, paragraph: usize, closed: bool) {
    let slice = span.text(text);
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let span = Span::new(span.start + lead, (span.end - trail).max(span.start + lead));
    if !span.is_empty() {
        out.push(Quote { span, paragraph, closed });
    }
}
