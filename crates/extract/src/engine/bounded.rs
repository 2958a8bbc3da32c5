//! The engine's view of a parsed document: the parse, with run-on sentences cut.

use parse::{LineCol, Parsed, Quote, Span};

/// The longest stretch of text read as one sentence. News sentences stay well under it;
/// text without sentence punctuation (OCR, lists, hostile input) would otherwise make
/// attribution, which compares cues and mentions within a sentence, grow with its square.
const MAX_SENTENCE_BYTES: usize = 1200;

/// `sentences` with every one longer than [`MAX_SENTENCE_BYTES`] cut into pieces, each
/// ending at the last clause break (`;`, `,`) or space before the limit.
fn bound_sentences(text: &str, sentences: &[parse::Sentence]) -> Vec<parse::Sentence> {
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.span.start;
        while s.span.end - start > MAX_SENTENCE_BYTES {
            let mut limit = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let window = text.get(start..limit).unwrap_or("");
            let cut = [window.rfind("; "), window.rfind(", "), window.rfind(' ')]
                .into_iter()
                .flatten()
                .find(|&i| i > MAX_SENTENCE_BYTES / 2)
                .map_or(limit, |i| start + i + 1);
            out.push(parse::Sentence { span: Span::new(start, cut), paragraph: s.paragraph });
            start = cut;
            while text.as_bytes().get(start) == Some(&b' ') {
                start += 1;
            }
        }
        if start < s.span.end {
            out.push(parse::Sentence { span: Span::new(start, s.span.end), paragraph: s.paragraph });
        }
    }
    out
}

/// A parsed document as the engine reads it: the parse, with every sentence longer than
/// [`MAX_SENTENCE_BYTES`] cut into pieces.
pub(super) struct Bounded<'a> {
    pub(super) parsed: &'a Parsed<'a>,
    /// Sentences, in order, none longer than [`MAX_SENTENCE_BYTES`].
    pub(super) sentences: Vec<parse::Sentence>,
    /// Paragraphs, in order.
    pub(super) paragraphs: &'a [Span],
    /// Direct quotes, in order.
    pub(super) quotes: &'a [Quote],
}

impl<'a> Bounded<'a> {
    pub(super) fn new(parsed: &'a Parsed<'a>) -> Bounded<'a> {
        let sentences = bound_sentences(parsed.text(), &parsed.sentences);
        Bounded { parsed, sentences, paragraphs: &parsed.paragraphs, quotes: &parsed.quotes }
    }

    pub(super) fn text(&self) -> &'a str {
        self.parsed.text()
    }

    pub(super) fn original_span(&self, span: Span) -> Span {
        self.parsed.original_span(span)
    }

    pub(super) fn location(&self, offset: usize) -> LineCol {
        self.parsed.location(offset)
    }
}
