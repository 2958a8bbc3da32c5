//! Inline suppressions: `<!-- claimcheck-ignore KIND -->` in a document (several kinds, or none
//! for every kind), or `claimcheck: ignore` in its front matter, hides the conflicts with
//! evidence in that document. A suppression that hides nothing is reported with its place,
//! as ruff reports an unused `noqa` (RUF100), so stale ones do not pile up.

use claim::ConflictKind;
use compare::Conflict;
use parse::input::InputFile;
use parse::{Format, LineIndex};
use std::fmt::Write as _;

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

/// The suppressions of the text and Markdown files among `files`, and a located warning for
/// each word in a marker that names no conflict kind.
pub fn scan(files: &[InputFile]) -> (Vec<Suppression>, Vec<String>) {
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for file in files.iter().filter(|f| matches!(f.format, Format::Text | Format::Markdown)) {
        let Ok(bytes) = std::fs::read(&file.path) else { continue };
        let text = String::from_utf8_lossy(&bytes);
        if !text.contains(MARKER) && !text.contains("claimcheck:") {
            continue;
        }
        scan_text(&file.display, &text, &mut found, &mut warnings);
    }
    (found, warnings)
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
                    if let Some(near) = names
                        .iter()
                        .map(|n| (strsim::jaro_winkler(word, n), *n))
                        .filter(|(score, _)| *score >= 0.8)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                    {
                        let _ = write!(message, "\nhelp: did you mean `{}`?", near.1);
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
}
