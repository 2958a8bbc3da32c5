//! A parsed document: normalised text with its paragraphs, sentences and quotes.

use crate::document::Document;
use crate::normalize::Normalized;
use crate::quote::{self, Quote};
use crate::sentence::{self, Sentence};
use crate::span::{LineCol, LineIndex, Span};
use std::sync::OnceLock;

/// A document split into paragraphs, sentences and quotes.
///
/// Every span is an offset into [`Parsed::text`], the normalised text; use
/// [`Parsed::original_span`] and [`Parsed::location`] to point into the document as read.
#[derive(Debug)]
pub struct Parsed<'d> {
    /// The document parsed.
    pub document: &'d Document,
    norm: Normalized<'d>,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order; none crosses a paragraph boundary.
    pub sentences: Vec<Sentence>,
    /// Direct quotes, in order.
    pub quotes: Vec<Quote>,
    lines: OnceLock<LineIndex>,
}

/// Parses a document. Never fails: odd text yields odd but valid spans.
pub fn parse(document: &Document) -> Parsed<'_> {
    let norm = Normalized::new(&document.text);
    let text = norm.text();
    let paragraphs = sentence::paragraphs(text);
    let sentences = sentence::sentences(text, &paragraphs);
    let quotes = quote::quotes(text, &paragraphs);
    Parsed { document, norm, paragraphs, sentences, quotes, lines: OnceLock::new() }
}

impl Parsed<'_> {
    /// The normalised text every span points into.
    pub fn text(&self) -> &str {
        self.norm.text()
    }

    /// The span of the original document text that `span` of the normalised text covers.
    pub fn original_span(&self, span: Span) -> Span {
        self.norm.original_span(span)
    }

    /// File line and column of normalised offset `offset`.
    pub fn location(&self, offset: usize) -> LineCol {
        let lines = self.lines.get_or_init(|| LineIndex::new(&self.document.text));
        self.document.location(lines, self.norm.original(offset))
    }
}
