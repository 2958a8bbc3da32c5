//! Reading input: walking paths, decoding files into documents. The only module that
//! touches the file system.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::document::{DocOrdinal, Document, Format};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Which CSV columns hold which document field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CsvMapping {
    /// Column of the body text.
    pub text: String,
    /// Column of the outlet.
    pub source: Option<String>,
    /// Column of the publication date.
    pub published: Option<String>,
    /// Column of the headline.
    pub title: Option<String>,
    /// Column of the identifier.
    pub id: Option<String>,
    /// Column of the address.
    pub url: Option<String>,
}

impl Default for CsvMapping {
    fn default() -> CsvMapping {
        CsvMapping {
            text: "text".into(),
            source: Some("source".into()),
            published: Some("published".into()),
            title: Some("title".into()),
            id: Some("id".into()),
            url: Some("url".into()),
        }
    }
}

/// How to read input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputConfig {
    /// CSV column mapping.
    pub csv: CsvMapping,
    /// Read invalid UTF-8 with replacement characters instead of skipping the document.
    pub lossy: bool,
    /// Files larger than this many bytes are skipped with a note.
    pub max_file_bytes: u64,
}

impl Default for InputConfig {
    fn default() -> InputConfig {
        InputConfig { csv: CsvMapping::default(), lossy: false, max_file_bytes: 1 << 30 }
    }
}

/// A file to read, found by [`discover`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// How it is shown to the user.
    pub display: String,
    /// How to read it.
    pub format: Format,
    /// Its position in the sorted walk.
    pub index: u32,
}

/// Files under `paths`, directories walked recursively in sorted order. Files whose
/// format is unknown are left out when found in a directory, and read as text when named.
pub fn discover(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut diagnostics = Vec::new();
    for root in paths {
        if root.is_file() {
            found.push((root.clone(), Format::from_path(root).unwrap_or(Format::Text)));
            continue;
        }
        if !root.exists() {
            diagnostics.push(Diagnostic::skipped(root.display().to_string(), "no such file or directory"));
            continue;
        }
        for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if let Some(format) = Format::from_path(entry.path()) {
                        found.push((entry.into_path(), format));
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let path = err.path().map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    diagnostics.push(Diagnostic::skipped(path, err.to_string()));
                }
            }
        }
    }
    let files = found
        .into_iter()
        .enumerate()
        .map(|(index, (path, format))| InputFile {
            display: path.display().to_string(),
            path,
            format,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        })
        .collect();
    (files, diagnostics)
}

/// Reads and decodes one file.
pub fn read_file(file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    match std::fs::metadata(&file.path) {
        Ok(meta) if meta.len() > config.max_file_bytes => {
            let message = format!("file is {} bytes, above the limit of {} bytes", meta.len(), config.max_file_bytes);
            return (Vec::new(), vec![Diagnostic::skipped(&file.display, message)]);
        }
        Ok(_) => {}
        Err(err) => return (Vec::new(), vec![Diagnostic::skipped(&file.display, format!("cannot read: {err}"))]),
    }
    match std::fs::read(&file.path) {
        Ok(bytes) => decode(&bytes, file, config),
        Err(err) => (Vec::new(), vec![Diagnostic::skipped(&file.display, format!("cannot read: {err}"))]),
    }
}

/// Decodes the bytes of one file into documents. Pure: no I/O.
pub fn decode(bytes: &[u8], file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    if memchr::memchr(0, bytes).is_some() {
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, "binary file (contains NUL bytes)")]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(err) if config.lossy => {
            let warning = Diagnostic::warning(
                &file.display,
                format!("invalid UTF-8 at byte {}; read lossily", err.valid_up_to()),
            );
            let docs = decode_text(String::from_utf8_lossy(bytes).into_owned(), file, config);
            return (docs.0, std::iter::once(warning).chain(docs.1).collect());
        }
        Err(err) => {
            let message = format!(
                "invalid UTF-8 at byte {}; expected UTF-8 text (use --lossy to read it anyway)",
                err.valid_up_to()
            );
            return (Vec::new(), vec![Diagnostic::skipped(&file.display, message)]);
        }
    };
    decode_text(text, file, config)
}

fn decode_text(text: String, file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, "empty document")]);
    }
    match file.format {
        Format::Text => (vec![plain(text, file, Meta::default(), 0)], Vec::new()),
        Format::Markdown => {
            let (meta, body_start, line_offset, diags) = front_matter(&text, &file.display);
            let body = text[body_start..].to_owned();
            (vec![plain(body, file, meta, line_offset)], diags)
        }
        Format::Jsonl => jsonl(&text, file),
        Format::Csv => csv_rows(&text, file, &config.csv),
    }
}

#[derive(Default, Deserialize)]
struct Meta {
    id: Option<String>,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

fn file_stem(file: &InputFile) -> String {
    Path::new(&file.path).file_stem().and_then(|s| s.to_str()).unwrap_or("-").to_owned()
}

fn plain(text: String, file: &InputFile, meta: Meta, line_offset: usize) -> Document {
    Document {
        id: meta.id.unwrap_or_else(|| file.display.clone()),
        source: meta.source.unwrap_or_else(|| file_stem(file)),
        published: meta.published.as_deref().and_then(Date::parse_published),
        title: meta.title,
        url: meta.url,
        path: file.display.clone(),
        format: file.format,
        ordinal: DocOrdinal { file: file.index, record: 0 },
        line_offset,
        text,
    }
}

/// Splits YAML front matter off a Markdown text: metadata, body offset, body line, problems.
fn front_matter(text: &str, path: &str) -> (Meta, usize, usize, Vec<Diagnostic>) {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (Meta::default(), 0, 0, Vec::new());
    };
    let head = text.len() - rest.len();
    let mut at = head;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[head..at];
            let body = at + line.len();
            let line_offset = text[..body].matches('\n').count();
            return match serde_yaml::from_str::<Meta>(yaml) {
                Ok(meta) => (meta, body, line_offset, Vec::new()),
                Err(err) => {
                    let (l, c) = err.location().map_or((2, 1), |loc| (loc.line() + 1, loc.column()));
                    let d = Diagnostic::warning(path, format!("malformed front matter ignored: {err}")).at(l, c);
                    (Meta::default(), body, line_offset, vec![d])
                }
            };
        }
        at += line.len();
    }
    let d = Diagnostic::warning(path, "front matter opened with `---` but never closed; read as body").at(1, 1);
    (Meta::default(), 0, 0, vec![d])
}

#[derive(Deserialize)]
struct JsonRecord {
    text: String,
    #[serde(flatten)]
    meta: JsonMeta,
}

#[derive(Deserialize)]
struct JsonMeta {
    id: Option<String>,
    source: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

fn jsonl(text: &str, file: &InputFile) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<JsonRecord>(line) {
            Ok(rec) => {
                let meta = Meta {
                    id: rec.meta.id.or_else(|| Some(format!("{}#{}", file.display, n + 1))),
                    source: rec.meta.source,
                    published: rec.meta.published,
                    title: rec.meta.title,
                    url: rec.meta.url,
                };
                let mut doc = plain(rec.text, file, meta, n);
                doc.ordinal.record = u32::try_from(n).unwrap_or(u32::MAX);
                docs.push(doc);
            }
            Err(err) => diags.push(
                Diagnostic::skipped(&file.display, format!("malformed JSON Lines record: {err}"))
                    .at(n + 1, err.column()),
            ),
        }
    }
    (docs, diags)
}

fn csv_rows(text: &str, file: &InputFile, mapping: &CsvMapping) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(err) => {
            return (Vec::new(), vec![Diagnostic::skipped(&file.display, format!("unreadable CSV header: {err}"))]);
        }
    };
    let column = |name: &Option<String>| name.as_ref().and_then(|n| headers.iter().position(|h| h == n));
    let Some(text_col) = headers.iter().position(|h| h == mapping.text) else {
        let message = format!(
            "CSV has no `{}` column for the text (columns: {})",
            mapping.text,
            headers.iter().collect::<Vec<_>>().join(", ")
        );
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, message).at(1, 1)]);
    };
    let (id, source, published, title, url) = (
        column(&mapping.id),
        column(&mapping.source),
        column(&mapping.published),
        column(&mapping.title),
        column(&mapping.url),
    );
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (n, row) in reader.records().enumerate() {
        match row {
            Ok(row) => {
                let get = |c: Option<usize>| c.and_then(|c| row.get(c)).filter(|s| !s.is_empty()).map(str::to_owned);
                let line = row.position().map_or(n + 1, |p| p.line() as usize);
                let meta = Meta {
                    id: get(id).or_else(|| Some(format!("{}#{}", file.display, line))),
                    source: get(source),
                    published: get(published),
                    title: get(title),
                    url: get(url),
                };
                let body = row.get(text_col).unwrap_or("").to_owned();
                let mut doc = plain(body, file, meta, line.saturating_sub(1));
                doc.ordinal.record = u32::try_from(n).unwrap_or(u32::MAX);
                docs.push(doc);
            }
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line() as usize);
                diags.push(Diagnostic::skipped(&file.display, format!("malformed CSV row: {err}")).at(line, 1));
            }
        }
    }
    (docs, diags)
}
