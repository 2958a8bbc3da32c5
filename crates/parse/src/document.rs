//! A document: the text of one article with what is known of where it came from.

use crate::date::Date;
use crate::span::{LineCol, LineIndex};
use serde::{Deserialize, Serialize};

/// The input format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text; the whole file is the body.
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// One JSON object a line, each a document.
    Jsonl,
    /// A CSV file with a header; each row a document, columns mapped by configuration.
    Csv,
}

impl Format {
    /// The format a file name implies, or `None` when its extension is not one we read.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where a document stands in the input: the file's position in the sorted walk and the
/// record's position in the file. Orders documents deterministically whatever the threads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocOrdinal {
    /// Index of the file in the sorted input list.
    pub file: u32,
    /// Index of the record in the file (0 for single-document files).
    pub record: u32,
}

/// One article: its body text exactly as read, and its metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the `id` field when given, else the path (with `#N` for records).
    pub id: String,
    /// The outlet that published it; the file name when the input names none.
    pub source: String,
    /// Publication date, when known: relative dates in the text resolve against it.
    pub published: Option<Date>,
    /// Headline, when given apart from the body.
    pub title: Option<String>,
    /// Address of the original, when given.
    pub url: Option<String>,
    /// Display path of the file it came from (`-` for standard input).
    pub path: String,
    /// The format it was read from.
    pub format: Format,
    /// Position in the input, for deterministic order.
    pub ordinal: DocOrdinal,
    /// Zero-based line of the file on which the body starts (after front matter; the
    /// record's line for JSON Lines and CSV), so that locations point into the file.
    pub line_offset: usize,
    /// The body text, as read (decoded, not normalised).
    pub text: String,
}

impl Document {
    /// A plain-text document with the given body, for tests and `--text` input.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let id = id.into();
        Document {
            source: id.clone(),
            id,
            published: None,
            title: None,
            url: None,
            path: String::from("-"),
            format: Format::Text,
            ordinal: DocOrdinal::default(),
            line_offset: 0,
            text: text.into(),
        }
    }

    /// Line and column in the input file of byte `offset` of the body.
    pub fn location(&self, index: &LineIndex, offset: usize) -> LineCol {
        let at = index.line_col(&self.text, offset);
        LineCol { line: at.line + self.line_offset, column: at.column }
    }
}
