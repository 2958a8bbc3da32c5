//! Baseline files: the fingerprints of accepted conflicts, one a line with a comment saying
//! what each is. Read strictly (a line that is not a fingerprint is an error with its place,
//! so a wrong file is not taken for an empty baseline) and compared with what a run finds, so
//! entries no longer found are listed.

use crate::output::Located;
use anyhow::{Context, Result};
use compare::Conflict;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One accepted conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its fingerprint.
    pub fingerprint: String,
    /// 1-based line in the file.
    pub line: usize,
    /// The comment after it (what the conflict was), possibly empty.
    pub note: String,
}

/// A baseline file read.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    /// The file.
    pub path: PathBuf,
    /// Its entries, in file order.
    pub entries: Vec<Entry>,
}

/// Most bad lines reported from one file: past them, it is the wrong file.
const MAX_ERRORS: usize = 10;

fn is_fingerprint(word: &str) -> bool {
    word.len() == 16 && word.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Baseline {
    /// Reads and checks the baseline at `path`.
    pub fn read(path: &Path) -> Result<Baseline> {
        let bytes = std::fs::read(path).with_context(|| format!("cannot read baseline {}", path.display()))?;
        Ok(Baseline::parse(path, &bytes)?)
    }

    /// The entries of baseline text: a fingerprint (16 hex digits) a line, then an optional
    /// `# comment`; blank lines and comment lines are ignored. Anything else is an error at
    /// its line and column.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Baseline, Located> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let before = &bytes[..err.valid_up_to()];
                let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
                let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
                return Err(Located(format!(
                    "{}:{line}:{column}: error: not UTF-8 text; expected a baseline as --write-baseline writes it",
                    path.display()
                )));
            }
        };
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (index, raw) in text.lines().enumerate() {
            let (content, note) = raw.split_once('#').unwrap_or((raw, ""));
            let word = content.trim();
            if word.is_empty() {
                continue;
            }
            if is_fingerprint(word) {
                entries.push(Entry { fingerprint: word.to_owned(), line: index + 1, note: note.trim().to_owned() });
                continue;
            }
            let column = raw.chars().take_while(|c| c.is_whitespace()).count() + 1;
            let shown: String = word.chars().take(40).collect();
            errors.push(format!(
                "{}:{}:{column}: error: expected a conflict fingerprint (16 hex digits, then an optional `# comment`), \
                 found `{shown}`",
                path.display(),
                index + 1
            ));
        }
        if errors.is_empty() {
            return Ok(Baseline { path: path.to_path_buf(), entries });
        }
        let count = errors.len();
        let mut message = errors.into_iter().take(MAX_ERRORS).collect::<Vec<_>>().join("\n");
        if count > MAX_ERRORS {
            let _ = write!(message, "\n… and {} more bad lines", count - MAX_ERRORS);
        }
        let _ = write!(message, "\nhelp: a baseline is written by `claimcheck check --write-baseline FILE`");
        Err(Located(message))
    }

    /// Whether the baseline accepts a conflict with this fingerprint.
    pub fn contains(&self, fingerprint: &str) -> bool {
        self.entries.iter().any(|e| e.fingerprint == fingerprint)
    }

    /// Entries that match none of `found`: conflicts fixed, or fingerprints out of date.
    pub fn stale(&self, found: &BTreeSet<&str>) -> Vec<&Entry> {
        self.entries.iter().filter(|e| !found.contains(e.fingerprint.as_str())).collect()
    }
}

/// A baseline file for `conflicts`: sorted fingerprints, each with a comment saying what it is.
pub fn text(conflicts: &[Conflict]) -> String {
    let mut lines: Vec<String> = conflicts
        .iter()
        .map(|c| format!("{}  # {} {}", c.fingerprint, c.kind.name(), c.message.replace('\n', " ")))
        .collect();
    lines.sort();
    lines.dedup();
    let mut text = String::from("# claimcheck baseline: conflicts listed here are hidden by --baseline.\n");
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_comments_and_blank_lines() -> Result<()> {
        let text = "# header\n\n0123456789abcdef  # opposed-stance RUS denies\n  fedcba9876543210\n";
        let baseline = Baseline::parse(Path::new("b"), text.as_bytes())?;
        assert_eq!(baseline.entries.len(), 2);
        assert_eq!(baseline.entries[0].line, 3);
        assert_eq!(baseline.entries[0].note, "opposed-stance RUS denies");
        assert!(baseline.contains("fedcba9876543210"));
        let found = BTreeSet::from(["0123456789abcdef"]);
        assert_eq!(baseline.stale(&found).iter().map(|e| e.line).collect::<Vec<_>>(), [4]);
        Ok(())
    }

    #[test]
    fn a_bad_line_is_located() {
        let err = Baseline::parse(Path::new("b.txt"), b"0123456789abcdef\n  not a fingerprint\n").err();
        let text = err.map(|e| e.0).unwrap_or_default();
        assert!(text.starts_with("b.txt:2:3: error: expected a conflict fingerprint"), "{text}");
        let err = Baseline::parse(Path::new("b.bin"), b"ab\ncd\xff").err().map(|e| e.0).unwrap_or_default();
        assert!(err.starts_with("b.bin:2:3: error: not UTF-8"), "{err}");
    }
}
