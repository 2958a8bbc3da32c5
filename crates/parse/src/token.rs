//! Word, number and punctuation tokens with their spans, made on demand.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots ("al-Assad's", "U.S.").
    Word,
    /// Digits, with inner separators ("1,200", "3.5").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Tokens of `text` inside `range`.
pub fn tokens(text: &str, range: Span) -> impl Iterator<Item = Token> + '_ {
    let end = range.end.min(text.len());
    let mut i = range.start.min(end);
    std::iter::from_fn(move || {
        let rest = text.get(i..end)?;
        let skip = rest.len() - rest.trim_start().len();
        i += skip;
        let rest = text.get(i..end)?;
        let first = rest.chars().next()?;
        let start = i;
        let kind = if first.is_alphanumeric() {
            let numeric = first.is_ascii_digit();
            let mut chars = rest.char_indices().peekable();
            let mut len = 0;
            while let Some((at, c)) = chars.next() {
                let next_ok = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() || ((numeric || c != ',') && next_ok && matches!(c, '\'' | '-' | '.' | ',')) {
                    len = at + c.len_utf8();
                } else {
                    break;
                }
            }
            i += len;
            if numeric { TokenKind::Number } else { TokenKind::Word }
        } else {
            i += first.len_utf8();
            TokenKind::Punct
        };
        Some(Token { span: Span::new(start, i), kind })
    })
}
