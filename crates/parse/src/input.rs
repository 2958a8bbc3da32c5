//! Reading input: walking paths, decoding files into documents. The only module that
//! touches the file system.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::document::{DocOrdinal, Document, Format};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Which CSV columns hold which document field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// How to read standard input (path `-`), which has no extension to tell.
    pub stdin_format: Format,
    /// The file standard input stands for (`--stdin-name`): its path in evidence and, by its
    /// extension, its format. A shard piped in is then read as the file it came from.
    pub stdin_name: Option<String>,
    /// How folders are walked.
    pub walk: Walk,
}

impl Default for InputConfig {
    fn default() -> InputConfig {
        InputConfig {
            csv: CsvMapping::default(),
            lossy: false,
            max_file_bytes: 1 << 30,
            stdin_format: Format::Text,
            stdin_name: None,
            walk: Walk::default(),
        }
    }
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

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

/// How folders named as inputs are walked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// Also read what `.gitignore`, `.ignore` and hidden names would leave out.
    pub no_ignore: bool,
    /// Paths to leave out, as gitignore globs (`drafts/`, `*.draft.md`), matched under each
    /// folder walked. Files named directly are always read.
    pub exclude: Vec<String>,
}

impl Walk {
    /// Whether every exclude pattern is a valid glob; the error names the first that is not.
    pub fn check(&self) -> Result<(), String> {
        self.overrides(Path::new(".")).map(|_| ())
    }

    fn overrides(&self, root: &Path) -> Result<ignore::overrides::Override, String> {
        let mut overrides = ignore::overrides::OverrideBuilder::new(root);
        for glob in &self.exclude {
            overrides.add(&format!("!{glob}")).map_err(|err| format!("exclude pattern `{glob}`: {err}"))?;
        }
        overrides.build().map_err(|err| format!("exclude patterns: {err}"))
    }
}

/// The files found under the inputs, and what was left out.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to read, in walk order (folders in sorted order).
    pub files: Vec<InputFile>,
    /// Inputs that could not be walked.
    pub diagnostics: Vec<Diagnostic>,
    /// Files found in folders with an extension claimcheck does not read (`.pdf`, `.rs`),
    /// left out.
    pub unsupported: usize,
}

/// Files under `paths`, directories walked recursively in sorted order, with `.gitignore`
/// and `.ignore` respected and hidden files left out (see [`Walk`]). Files whose format is
/// unknown are left out and counted when found in a directory, and read as text when named.
/// `-` stands for standard input, read in [`InputConfig::stdin_format`] by [`read_file`].
/// An exclude pattern that is not a valid glob leaves its folder unread, with a diagnostic;
/// [`Walk::check`] finds such patterns before a run.
pub fn discover_with(paths: &[PathBuf], walk: &Walk) -> Discovered {
    let mut found = Vec::new();
    let mut out = Discovered::default();
    for root in paths {
        if root.as_os_str() == STDIN {
            found.push((root.clone(), Format::Text));
            continue;
        }
        if root.is_file() {
            found.push((root.clone(), Format::from_path(root).unwrap_or(Format::Text)));
            continue;
        }
        if !root.exists() {
            out.diagnostics.push(Diagnostic::skipped(root.display().to_string(), "no such file or directory"));
            continue;
        }
        let overrides = match walk.overrides(root) {
            Ok(overrides) => overrides,
            Err(message) => {
                out.diagnostics.push(Diagnostic::skipped(root.display().to_string(), message));
                continue;
            }
        };
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(!walk.no_ignore)
            // .gitignore applies outside a git repository too: a corpus copied out of one
            // keeps its exclusions.
            .require_git(false)
            .follow_links(true)
            .overrides(overrides)
            .sort_by_file_name(std::ffi::OsStr::cmp)
            .build();
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => match Format::from_path(entry.path()) {
                    Some(format) => found.push((entry.into_path(), format)),
                    None => out.unsupported += 1,
                },
                Ok(_) => {}
                Err(err) => out.diagnostics.push(Diagnostic::skipped(root.display().to_string(), err.to_string())),
            }
        }
    }
    out.files = found
        .into_iter()
        .enumerate()
        .map(|(index, (path, format))| InputFile {
            display: path.display().to_string(),
            path,
            format,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        })
        .collect();
    out
}

/// [`discover_with`] the default walk: `.gitignore` and `.ignore` respected, nothing excluded.
pub fn discover(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Diagnostic>) {
    let found = discover_with(paths, &Walk::default());
    (found.files, found.diagnostics)
}

/// Reads and decodes one file (or standard input for `-`), never more than
/// [`InputConfig::max_file_bytes`] of it.
pub fn read_file(file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    match read_bytes(file, config) {
        Ok(bytes) if file.path.as_os_str() == STDIN => {
            decode(&bytes, &InputFile { format: config.stdin_format, ..file.clone() }, config)
        }
        Ok(bytes) => decode(&bytes, file, config),
        Err(skipped) => (Vec::new(), vec![skipped]),
    }
}

/// The bytes of one file (or standard input for `-`), never more than
/// [`InputConfig::max_file_bytes`] of them; a file that cannot be read or is too large is
/// a diagnostic saying it was skipped. [`decode`] turns the bytes into documents: callers
/// that need the text as read too (inline suppressions) read it once with this.
pub fn read_bytes(file: &InputFile, config: &InputConfig) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let limit = config.max_file_bytes;
    let too_large = |size: u64| {
        let message = format!(
            "file is {size} bytes or more, above the limit of {limit} bytes (raise --max-file-bytes, or `max-file-bytes:` in claimcheck.yaml)"
        );
        Diagnostic::skipped(&file.display, message)
    };
    let cannot = |err: std::io::Error| Diagnostic::skipped(&file.display, format!("cannot read: {err}"));
    let mut bytes = Vec::new();
    let read = if file.path.as_os_str() == STDIN {
        std::io::stdin().lock().take(limit.saturating_add(1)).read_to_end(&mut bytes)
    } else {
        match std::fs::metadata(&file.path) {
            Ok(meta) if meta.is_file() && meta.len() > limit => return Err(too_large(meta.len())),
            Ok(_) => {}
            Err(err) => return Err(cannot(err)),
        }
        // The metadata may lie (a growing file, a device): the read itself is bounded too.
        std::fs::File::open(&file.path).and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
    };
    read.map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Line and column (1-based, columns in characters) of byte `offset` of `bytes`, counting
/// only the valid UTF-8 before it.
fn byte_location(bytes: &[u8], offset: usize) -> (usize, usize) {
    let head = bytes.get(..offset).unwrap_or(bytes);
    let line_start = memchr::memrchr(b'\n', head).map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', head).count() + 1;
    let column = String::from_utf8_lossy(head.get(line_start..).unwrap_or(&[])).chars().count() + 1;
    (line, column)
}

/// Decodes the bytes of one file into documents. Pure: no I/O.
///
/// Binary files (NUL bytes) and UTF-16 are skipped with a note; invalid UTF-8 skips the
/// document (the record, for JSON Lines and CSV) or is read lossily when
/// [`InputConfig::lossy`] says so; a UTF-8 byte order mark is dropped.
pub fn decode(bytes: &[u8], file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let message = "UTF-16 text (byte order mark); expected UTF-8 (convert it, e.g. with iconv)";
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, message)]);
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        let (line, column) = byte_location(bytes, at);
        let message = format!("binary file (NUL byte at byte {at}); expected text");
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, message).at(line, column)]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => decode_text(text, file, config),
        // One bad record must not cost the others: JSON Lines and CSV decode per record.
        Err(_) if !config.lossy && matches!(file.format, Format::Jsonl) => jsonl_bytes(bytes, file),
        Err(_) if !config.lossy && matches!(file.format, Format::Csv) => csv_rows(bytes, file, &config.csv, false),
        Err(err) => {
            let at = err.valid_up_to();
            let (line, column) = byte_location(bytes, at);
            if config.lossy {
                let warning = Diagnostic::warning(&file.display, format!("invalid UTF-8 at byte {at}; read lossily"))
                    .at(line, column);
                let (docs, diags) = decode_text(&String::from_utf8_lossy(bytes), file, config);
                return (docs, std::iter::once(warning).chain(diags).collect());
            }
            let message = format!("invalid UTF-8 at byte {at}; expected UTF-8 text (use --lossy to read it anyway)");
            (Vec::new(), vec![Diagnostic::skipped(&file.display, message).at(line, column)])
        }
    }
}

fn decode_text(text: &str, file: &InputFile, config: &InputConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return (Vec::new(), vec![Diagnostic::skipped(&file.display, "empty file")]);
    }
    match file.format {
        Format::Text => (vec![plain(text.to_owned(), file, Meta::default(), 0)], Vec::new()),
        Format::Markdown => {
            let (meta, body_start, line_offset, mut diags) = front_matter(text, &file.display);
            let body = text.get(body_start..).unwrap_or("");
            if body.trim().is_empty() {
                diags.push(Diagnostic::skipped(&file.display, "empty document: front matter but no body"));
                return (Vec::new(), diags);
            }
            (vec![plain(body.to_owned(), file, meta, line_offset)], diags)
        }
        Format::Jsonl => jsonl(text, file),
        Format::Csv => csv_rows(text.as_bytes(), file, &config.csv, config.lossy),
    }
}

/// A metadata value as written: YAML and JSON give numbers and booleans too (`id: 1234`).
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Integer(i64),
    Unsigned(u64),
    Float(f64),
    Bool(bool),
}

fn scalar<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Scalar>::deserialize(deserializer)?.map(|s| match s {
        Scalar::Text(s) => s,
        Scalar::Integer(n) => n.to_string(),
        Scalar::Unsigned(n) => n.to_string(),
        Scalar::Float(n) => n.to_string(),
        Scalar::Bool(b) => b.to_string(),
    }))
}

#[derive(Default, Deserialize)]
struct Meta {
    #[serde(default, deserialize_with = "scalar")]
    id: Option<String>,
    #[serde(default, deserialize_with = "scalar")]
    source: Option<String>,
    #[serde(default, deserialize_with = "scalar")]
    published: Option<String>,
    #[serde(default, deserialize_with = "scalar")]
    title: Option<String>,
    #[serde(default, deserialize_with = "scalar")]
    url: Option<String>,
}

fn file_stem(file: &InputFile) -> String {
    if file.path.as_os_str() == STDIN {
        return String::from("stdin");
    }
    Path::new(&file.path).file_stem().and_then(|s| s.to_str()).unwrap_or("-").to_owned()
}

/// The publication day a file name gives when nothing else does: an ISO date standing
/// apart from other digits ("nyt_2016-07-07_in-criticizing-clinton.txt", "2017-04-05-strike.md").
fn stem_date(stem: &str) -> Option<Date> {
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let window = bytes.get(at..at + 10)?;
        let shaped =
            window.iter().enumerate().all(|(k, b)| if k == 4 || k == 7 { *b == b'-' } else { b.is_ascii_digit() });
        let apart = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_digit());
        let before = at.checked_sub(1).and_then(|b| bytes.get(b));
        (shaped && apart(before) && apart(bytes.get(at + 10)))
            .then(|| stem.get(at..at + 10))
            .flatten()
            .and_then(Date::parse_published)
    })
}

fn plain(text: String, file: &InputFile, meta: Meta, line_offset: usize) -> Document {
    Document {
        id: meta.id.unwrap_or_else(|| file.display.clone()),
        source: meta.source.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| file_stem(file)),
        published: meta.published.as_deref().and_then(Date::parse_published).or_else(|| stem_date(&file_stem(file))),
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
        if line.trim_end() == "---" || line.trim_end() == "..." {
            let yaml = text.get(head..at).unwrap_or("");
            let body = at + line.len();
            let line_offset = text.get(..body).map_or(0, |b| b.matches('\n').count());
            if yaml.trim().is_empty() {
                return (Meta::default(), body, line_offset, Vec::new());
            }
            return match serde_yaml::from_str::<Meta>(yaml) {
                Ok(meta) => {
                    let mut diags = Vec::new();
                    if let Some(p) = meta.published.as_deref()
                        && Date::parse_published(p).is_none()
                    {
                        diags.push(unreadable_date(path, p).at(field_line(yaml, "published") + 1, 1));
                    }
                    (meta, body, line_offset, diags)
                }
                Err(err) => {
                    // Front matter starts on file line 2.
                    let (l, c) = err.location().map_or((2, 1), |loc| (loc.line() + 1, loc.column()));
                    let message = format!(
                        "malformed front matter ignored: {err}; expected a YAML mapping of id, source, published, \
                         title, url"
                    );
                    (Meta::default(), body, line_offset, vec![Diagnostic::warning(path, message).at(l, c)])
                }
            };
        }
        at += line.len();
    }
    let message = "front matter opened with `---` but never closed by a `---` line; read as body";
    (Meta::default(), 0, 0, vec![Diagnostic::warning(path, message).at(1, 1)])
}

/// 1-based line of `key:` in a YAML text, or 1.
fn field_line(yaml: &str, key: &str) -> usize {
    yaml.lines().position(|l| l.trim_start().starts_with(key)).map_or(1, |i| i + 1)
}

fn unreadable_date(path: &str, value: &str) -> Diagnostic {
    Diagnostic::warning(
        path,
        format!(
            "publication date `{value}` not understood, kept as unknown; expected YYYY-MM-DD, M/D/YY, \
             `April 13, 2017` or `13 April 2017`"
        ),
    )
}

#[derive(Deserialize)]
struct JsonRecord {
    #[serde(deserialize_with = "scalar")]
    text: Option<String>,
    #[serde(flatten)]
    meta: Meta,
}

/// One JSON Lines record: a document, a diagnostic, or nothing for a blank line.
fn jsonl_record(line: &str, n: usize, file: &InputFile, docs: &mut Vec<Document>, diags: &mut Vec<Diagnostic>) {
    if line.trim().is_empty() {
        return;
    }
    let rec = match serde_json::from_str::<JsonRecord>(line) {
        Ok(rec) => rec,
        Err(err) => {
            let message = format!(
                "malformed JSON Lines record skipped: {err}; expected one JSON object a line with a `text` string"
            );
            diags.push(Diagnostic::skipped(&file.display, message).at(n + 1, err.column().max(1)));
            return;
        }
    };
    let Some(text) = rec.text.filter(|t| !t.trim().is_empty()) else {
        diags.push(Diagnostic::skipped(&file.display, "JSON Lines record with an empty `text`").at(n + 1, 1));
        return;
    };
    let mut meta = rec.meta;
    if let Some(p) = meta.published.as_deref()
        && Date::parse_published(p).is_none()
    {
        diags.push(unreadable_date(&file.display, p).at(n + 1, 1));
    }
    meta.id = meta.id.or_else(|| Some(format!("{}#{}", file.display, n + 1)));
    let mut doc = plain(text, file, meta, n);
    doc.ordinal.record = u32::try_from(n).unwrap_or(u32::MAX);
    docs.push(doc);
}

fn jsonl(text: &str, file: &InputFile) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        jsonl_record(line, n, file, &mut docs, &mut diags);
    }
    (docs, diags)
}

/// JSON Lines with invalid UTF-8 somewhere: the bad lines are skipped, the others read.
fn jsonl_bytes(bytes: &[u8], file: &InputFile) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(line) => jsonl_record(line.strip_suffix('\r').unwrap_or(line), n, file, &mut docs, &mut diags),
            Err(err) => {
                let at = err.valid_up_to();
                let column = String::from_utf8_lossy(line.get(..at).unwrap_or(&[])).chars().count() + 1;
                let message = "invalid UTF-8 in JSON Lines record, record skipped; expected UTF-8 text (use --lossy \
                               to read it anyway)";
                diags.push(Diagnostic::skipped(&file.display, message).at(n + 1, column));
            }
        }
    }
    (docs, diags)
}

/// Invalid UTF-8 at byte `at` of column `name`: a warning when the record was read lossily
/// (`read`), else the record is skipped.
fn csv_utf8_diagnostic(file: &InputFile, name: &str, at: usize, read: bool) -> Diagnostic {
    if read {
        Diagnostic::warning(&file.display, format!("invalid UTF-8 at byte {at} of column `{name}`; read lossily"))
    } else {
        let message =
            format!("invalid UTF-8 at byte {at} of column `{name}`, record skipped (use --lossy to read it anyway)");
        Diagnostic::skipped(&file.display, message)
    }
}

/// Why a CSV record of `fields` fields has no text in column `text_col` (named `text`).
fn csv_no_text(fields: usize, text_col: usize, columns: usize, text: &str) -> String {
    if fields <= text_col {
        format!(
            "CSV record with {fields} fields skipped; expected {columns} as in the header, with the text in `{text}`"
        )
    } else {
        format!("CSV record with an empty `{text}` column skipped")
    }
}

fn csv_rows(bytes: &[u8], file: &InputFile, mapping: &CsvMapping, lossy: bool) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = match reader.byte_headers() {
        Ok(h) => h.iter().map(|h| String::from_utf8_lossy(h).trim().to_owned()).collect::<Vec<_>>(),
        Err(err) => {
            let message = format!("unreadable CSV header: {err}; expected a header line naming the columns");
            return (Vec::new(), vec![Diagnostic::skipped(&file.display, message).at(1, 1)]);
        }
    };
    let column = |name: &Option<String>| name.as_ref().and_then(|n| headers.iter().position(|h| h == n));
    let Some(text_col) = headers.iter().position(|h| *h == mapping.text) else {
        let message = format!("CSV has no `{}` column for the text (columns: {})", mapping.text, headers.join(", "));
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
    let mut record = csv::ByteRecord::new();
    for n in 0.. {
        let line = reader.position().line() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let line = err.position().map_or(line, |p| p.line() as usize);
                let message = format!("malformed CSV record skipped: {err}");
                diags.push(Diagnostic::skipped(&file.display, message).at(line, 1));
                // A broken quote may have eaten the rest; an I/O error cannot happen on bytes.
                if matches!(err.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(line, |p| p.line() as usize);
        let mut bad = None;
        let mut get = |c: Option<usize>| -> Option<String> {
            let field = record.get(c?)?;
            let text = match std::str::from_utf8(field) {
                Ok(t) => t.to_owned(),
                Err(err) if lossy => {
                    bad.get_or_insert((c?, err.valid_up_to(), true));
                    String::from_utf8_lossy(field).into_owned()
                }
                Err(err) => {
                    bad.get_or_insert((c?, err.valid_up_to(), false));
                    return None;
                }
            };
            Some(text).filter(|s| !s.trim().is_empty())
        };
        let body = get(Some(text_col));
        let meta =
            Meta { id: get(id), source: get(source), published: get(published), title: get(title), url: get(url) };
        if let Some((col, at, read)) = bad {
            diags.push(csv_utf8_diagnostic(file, headers.get(col).map_or("?", String::as_str), at, read).at(line, 1));
            if !read {
                continue;
            }
        }
        let Some(body) = body else {
            let message = csv_no_text(record.len(), text_col, headers.len(), &mapping.text);
            diags.push(Diagnostic::skipped(&file.display, message).at(line, 1));
            continue;
        };
        if let Some(p) = meta.published.as_deref()
            && Date::parse_published(p).is_none()
        {
            diags.push(unreadable_date(&file.display, p).at(line, 1));
        }
        let meta = Meta { id: meta.id.or_else(|| Some(format!("{}#{}", file.display, line))), ..meta };
        let mut doc = plain(body, file, meta, line.saturating_sub(1));
        doc.ordinal.record = u32::try_from(n).unwrap_or(u32::MAX);
        docs.push(doc);
    }
    if docs.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::skipped(&file.display, "CSV has a header but no records").at(1, 1));
    }
    (docs, diags)
}

#[cfg(test)]
mod tests {
    use super::stem_date;

    #[test]
    fn a_file_name_gives_its_iso_date() {
        let day = |s: &str| stem_date(s).map(|d| d.to_string());
        assert_eq!(day("nyt_2016-07-07_in-criticizing-clinton").as_deref(), Some("2016-07-07"));
        assert_eq!(day("2017-04-05-strike").as_deref(), Some("2017-04-05"));
        // Digits that run on, a date that is no day, or none at all: no date.
        assert_eq!(day("id12016-07-07"), None);
        assert_eq!(day("report-2016-13-45"), None);
        assert_eq!(day("article"), None);
    }
}
