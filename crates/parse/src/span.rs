//! Byte spans and the mapping from byte offsets to 1-based line and column.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers, or `""` when it does not fall on character boundaries.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A 1-based line and column; the column counts Unicode scalar values, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

/// Bytes per checkpoint of [`LineIndex`]'s character counts.
const CHECKPOINT: usize = 4096;

/// Start offsets of every line of a text, for turning byte offsets into [`LineCol`].
///
/// Columns count characters; so that a column costs the same on a line of hundreds of
/// megabytes as on a short one, the index also keeps the number of characters before every
/// [`CHECKPOINT`]-th byte (a character starts at every byte that is not a UTF-8
/// continuation byte, so counting needs no boundaries).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    chars_before: Vec<usize>,
}

fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut count = 0;
        chars_before.push(0);
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            count += char_starts(chunk);
            chars_before.push(count);
        }
        LineIndex { starts, chars_before }
    }

    /// Characters in `text[..offset]`.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        let base = self.chars_before.get(k).copied().unwrap_or(0);
        base + text.as_bytes().get(k * CHECKPOINT..offset).map_or(0, char_starts)
    }

    /// Line and column of byte `offset` in `text` (the text this index was built from).
    /// Offsets past the end or inside a character clamp to the nearest valid position.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let mut end = offset;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = if end - start < CHECKPOINT {
            text.get(start..end).map_or(0, |s| s.chars().count())
        } else {
            self.chars_to(text, end) - self.chars_to(text, start)
        };
        LineCol { line: line + 1, column: column + 1 }
    }
}
