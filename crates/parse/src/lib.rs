//! Turns bytes into documents, and documents into paragraphs, sentences, quotes, numbers and
//! dates with exact byte spans.
//!
//! The crate knows nothing of rules, actors or conflicts and prints nothing. Only
//! [`input`] touches the file system; everything else is a pure function of its input.
//! Parsing never fails: bad input yields a [`Diagnostic`] and the rest goes on.

pub mod date;
pub mod diagnostic;
pub mod document;
pub mod input;
pub mod normalize;
pub mod number;
mod parsed;
pub mod quote;
pub mod sentence;
pub mod span;
pub mod token;

pub use date::{Date, DateMention, DateValue};
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use document::{DocOrdinal, Document, Format};
pub use number::{Bound, Interval, Quantity};
pub use parsed::{Parsed, parse};
pub use quote::Quote;
pub use sentence::Sentence;
pub use span::{LineCol, LineIndex, Span};
pub use token::{Token, TokenKind};
