//! Inline suppressions: `<!-- claimcheck-ignore KIND -->` in a document (several kinds, or none
//! for every kind), or `claimcheck: ignore` in its front matter, hides the conflicts with
//! evidence in that document. A suppression that hides nothing is reported with its place,
//! as ruff reports an unused `noqa` (RUF100), so stale ones do not pile up.

use claim::ConflictKind;
use compare::Conflict;
use parse::input::InputFile;
use parse::{Format, LineIndex};
use std::fmt::Write as _;
use std::sync::{Mutex, PoisonError};

const MARKER: &str = "claimcheck-ignore";

/// One suppression written in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The document's display path, as evidence names it.
    pub path: String,
    /// 1-based line of the comment or front-matter key.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The kinds it hides; empty for every kind.
    pub kinds: Vec<ConflictKind>,
    /// Whether it hid a conflict in this run.
    pub used: bool,
}

impl Suppression {
    fn covers(&self, kind: ConflictKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }

    fn describe(&self) -> String {
        if self.kinds.is_empty() {
            "every kind".to_owned()
        } else {
            self.kinds.iter().map(|k| format!("`{}`", k.name())).collect::<Vec<_>>().join(", ")
        }
    }
}

/// Gathers the suppressions of the text and Markdown files a run reads, from the bytes the
/// run read (never reading a file a second time), whatever thread reads them.
#[derive(Debug, Default)]
pub struct Collector(Mutex<Vec<Scanned>>);

/// What one file held: its index in the run, its suppressions, warnings about its markers.
type Scanned = (u32, Vec<Suppression>, Vec<String>);

impl Collector {
    /// Scans one file's bytes as read.
    pub fn read(&self, file: &InputFile, bytes: &[u8]) {
        if !matches!(file.format, Format::Text | Format::Markdown) {
            return;
        }
        let text = String::from_utf8_lossy(bytes);
        if !text.contains(MARKER) && !text.contains("claimcheck:") {
            return;
        }
        let (mut found, mut warnings) = (Vec::new(), Vec::new());
        scan_text(&file.display, &text, &mut found, &mut warnings);
        if !found.is_empty() || !warnings.is_empty() {
            self.0.lock().unwrap_or_else(PoisonError::into_inner).push((file.index, found, warnings));
        }
    }

    /// The suppressions and the warnings about markers naming no conflict kind, in the
    /// run's file order, then place in the file.
    pub fn finish(self) -> (Vec<Suppression>, Vec<String>) {
        let mut files = self.0.into_inner().unwrap_or_else(PoisonError::into_inner);
        files.sort_by_key(|(index, _, _)| *index);
        let mut found = Vec::new();
        let mut warnings = Vec::new();
        for (_, f, w) in files {
            found.extend(f);
            warnings.extend(w);
        }
        (found, warnings)
    }
}

fn scan_text(path: &str, text: &str, found: &mut Vec<Suppression>, warnings: &mut Vec<String>) {
    let index = LineIndex::new(text);
    let at = |offset: usize| {
        let lc = index.line_col(text, offset);
        (lc.line, lc.column)
    };
    // Front matter: `claimcheck: ignore` between the opening and closing `---`.
    if let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) {
        let mut offset = text.len() - rest.len();
        for line in rest.split_inclusive('\n') {
            let trimmed = line.trim();
            if trimmed == "---" || trimmed == "..." {
                break;
            }
            if let Some(value) = trimmed.strip_prefix("claimcheck:") {
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                if value == "ignore" {
                    let (line, column) = at(offset);
                    found.push(Suppression { path: path.to_owned(), line, column, kinds: Vec::new(), used: false });
                } else {
                    let (line, column) = at(offset);
                    warnings.push(format!(
                        "{path}:{line}:{column}: warning: `claimcheck: {value}` in front matter; expected `claimcheck: ignore`"
                    ));
                }
            }
            offset += line.len();
        }
    }
    // Comments: `<!-- claimcheck-ignore [KIND …] -->`.
    let mut from = 0;
    while let Some(start) = text[from..].find("<!--").map(|i| from + i) {
        let Some(end) = text[start..].find("-->").map(|i| start + i) else { break };
        from = end + 3;
        let body = text[start + 4..end].trim();
        let Some(words) = body.strip_prefix(MARKER) else { continue };
        if !words.is_empty() && !words.starts_with(char::is_whitespace) {
            continue;
        }
        let (line, column) = at(start);
        let mut kinds = Vec::new();
        for word in words.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()) {
            match ConflictKind::ALL.iter().find(|k| k.name() == word) {
                Some(kind) => kinds.push(*kind),
                None => {
                    let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
                    let mut message = format!(
                        "{path}:{line}:{column}: warning: `{word}` in a claimcheck-ignore comment is no conflict kind; \
                         expected one of {}",
                        names.join(", ")
                    );
                    if let Some(near) = pack::suggest(word, names.iter().copied()) {
                        let _ = write!(message, "\nhelp: did you mean `{near}`?");
                    }
                    warnings.push(message);
                }
            }
        }
        // A marker naming only unknown kinds hides nothing (it is not a suppress-all).
        let named = words.split(|c: char| c.is_whitespace() || c == ',').any(|w| !w.is_empty());
        if named && kinds.is_empty() {
            continue;
        }
        found.push(Suppression { path: path.to_owned(), line, column, kinds, used: false });
    }
}

/// Removes the conflicts a suppression covers (one with any evidence in a suppressing
/// document, of a kind it names), marks the suppressions used; returns how many were hidden.
pub fn apply(conflicts: &mut Vec<Conflict>, suppressions: &mut [Suppression]) -> usize {
    if suppressions.is_empty() {
        return 0;
    }
    let before = conflicts.len();
    conflicts.retain(|conflict| {
        let mut hidden = false;
        for suppression in suppressions.iter_mut().filter(|s| s.covers(conflict.kind)) {
            let here = conflict.sides.iter().flat_map(|s| &s.evidence).any(|e| e.evidence.path == suppression.path);
            if here {
                suppression.used = true;
                hidden = true;
            }
        }
        !hidden
    });
    before - conflicts.len()
}

/// A warning for each suppression that hid nothing.
pub fn unused(suppressions: &[Suppression]) -> Vec<String> {
    suppressions
        .iter()
        .filter(|s| !s.used)
        .map(|s| {
            format!(
                "{}:{}:{}: warning: unused suppression ({}): no conflict of it has evidence in this document; remove it",
                s.path,
                s.line,
                s.column,
                s.describe()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_front_matter() {
        let text = "---\nsource: X\nclaimcheck: ignore\n---\nBody.\n<!-- claimcheck-ignore value-mismatch -->\n\
                    <!-- a comment -->\n<!--claimcheck-ignore-->\n<!-- claimcheck-ignore opposed-stanse -->\n";
        let (mut found, mut warnings) = (Vec::new(), Vec::new());
        scan_text("a.md", text, &mut found, &mut warnings);
        let places: Vec<(usize, usize, usize)> = found.iter().map(|s| (s.line, s.column, s.kinds.len())).collect();
        assert_eq!(places, [(3, 1, 0), (6, 1, 1), (8, 1, 0)], "an unknown kind alone hides nothing");
        assert_eq!(found[1].kinds, [ConflictKind::ValueMismatch]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("a.md:9:1: warning: `opposed-stanse`"), "{warnings:?}");
        assert!(warnings[0].ends_with("did you mean `opposed-stance`?"), "{warnings:?}");
    }

    /// The collector takes the bytes the run read: the files need not be on disk (they are
    /// never read again), and the result is in file order whatever order they come in.
    #[test]
    fn collected_from_the_bytes_read_in_file_order() {
        let file = |index: u32, name: &str, format: Format| InputFile {
            path: format!("/nowhere/{name}").into(),
            display: name.to_owned(),
            format,
            index,
        };
        let collector = Collector::default();
        collector.read(&file(1, "b.md", Format::Markdown), b"<!-- claimcheck-ignore -->\n");
        collector.read(&file(2, "c.jsonl", Format::Jsonl), b"{\"text\": \"<!-- claimcheck-ignore -->\"}\n");
        collector.read(
            &file(0, "a.txt", Format::Text),
            b"Text.\n<!-- claimcheck-ignore opposed-stanse -->\n<!-- claimcheck-ignore -->\n",
        );
        let (found, warnings) = collector.finish();
        let paths: Vec<&str> = found.iter().map(|s| s.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "b.md"], "file order; JSON Lines hold no suppressions");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("a.txt:2:1: warning:"), "{warnings:?}");
    }
}
