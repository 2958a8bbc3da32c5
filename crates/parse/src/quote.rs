//! Direct-quote spans, straight or curly (after normalisation), across paragraphs.

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

/// Double-quoted spans of `text` in each paragraph. A paragraph that opens a quote and
/// does not close it continues into the next paragraph when that one opens with a mark,
/// as news style has it.
pub fn quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (index, &para) in paragraphs.iter().enumerate() {
        let bytes = text.as_bytes();
        let mut open: Option<usize> = None;
        for i in memchr::memchr_iter(b'"', &bytes[para.start..para.end]).map(|i| i + para.start) {
            match open.take() {
                None => open = Some(i + 1),
                Some(start) => out.push(Quote { span: Span::new(start, i), paragraph: index, closed: true }),
            }
        }
        if let Some(start) = open {
            out.push(Quote { span: Span::new(start, para.end), paragraph: index, closed: false });
        }
    }
    out
}
