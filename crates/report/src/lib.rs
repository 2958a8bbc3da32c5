//! Rendering: conflicts, claims and explanations as text, JSON, SARIF, JUnit, GitHub
//! annotations, Markdown and HTML. Writes to any `io::Write`; never decides what a conflict
//! is, and never reads the clock: the same [`Report`] gives the same bytes.

mod claims;
mod concise;
mod escape;
mod explain;
mod github;
mod html;
mod json;
mod junit;
mod markdown;
mod matrix;
mod sarif;
mod text;

pub use claims::{ClaimFormat, render_claims};
pub use explain::{render_explanation, render_explanation_json};
pub use github::MAX_ANNOTATIONS;
pub use json::{JSON_SCHEMA_VERSION, ReportJson};
pub use markdown::DEFAULT_MAX_BYTES;

use claim::Severity;
use compare::{Comparison, Conflict};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::io;

/// The version of this crate, written into SARIF and JSON output.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A conflict report format. Its doc lines are the help of `--format` (feature `clap`);
/// config files name it in lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Text,
    /// One line per conflict: `path:line:col: kind: message`.
    Concise,
    /// One JSON object (crates/report/schema/report.schema.json).
    Json,
    /// A summary record, then one conflict a line.
    Jsonl,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// JUnit XML: a test case per proposition, a failure per conflict.
    Junit,
    /// GitHub Actions annotations: one per conflict, errors first, at most 10 (what GitHub
    /// shows per step), then a notice counting the rest.
    Github,
    /// A summary table, positions and the conflicts, for a PR comment, within --max-bytes.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// A document that was not checked, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Skipped {
    /// Display path (`path:line:col` when the problem has a place).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What a run read and found. Timing is left out on purpose: reports are deterministic.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    /// Input files found.
    pub files: usize,
    /// Documents checked (a JSON Lines or CSV file holds many).
    pub documents: usize,
    /// Sentences read in the documents checked.
    pub sentences: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Conflicts reported (after the baseline).
    pub conflicts: usize,
    /// Reported conflicts at severity error.
    pub errors: usize,
    /// Reported conflicts at severity warning.
    pub warnings: usize,
    /// Reported conflicts at severity note.
    pub notes: usize,
    /// Conflicts hidden because their fingerprint is in the baseline.
    pub baselined: usize,
    /// Conflicts hidden by a `claimcheck-ignore` suppression in a document of their evidence.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
    /// Baseline entries that match no conflict found (fixed, or out of date).
    #[serde(skip_serializing_if = "is_zero")]
    pub baseline_stale: usize,
    /// Files in folders walked with an extension no reader knows, left out.
    #[serde(skip_serializing_if = "is_zero")]
    pub unsupported: usize,
    /// Input warnings: documents read despite a problem.
    pub input_warnings: usize,
    /// Documents or files not checked, with the reason.
    pub skipped: Vec<Skipped>,
}

impl Summary {
    /// Counts `conflicts` by severity into the summary.
    pub fn count_conflicts(&mut self, conflicts: &[Conflict]) {
        self.count_severities(conflicts.iter().map(|c| c.severity));
    }

    /// Counts conflicts of these severities into the summary.
    pub fn count_severities(&mut self, severities: impl Iterator<Item = Severity>) {
        (self.conflicts, self.errors, self.warnings, self.notes) = (0, 0, 0, 0);
        for severity in severities {
            self.conflicts += 1;
            match severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => self.notes += 1,
            }
        }
    }

    /// "2 conflicts (1 error, 1 warning) in 3 documents, 40 sentences, 12 claims".
    pub fn line(&self) -> String {
        let mut by = Vec::new();
        for (n, what) in [(self.errors, "error"), (self.warnings, "warning"), (self.notes, "note")] {
            if n > 0 {
                by.push(plural(n, what));
            }
        }
        let by = if by.is_empty() { String::new() } else { format!(" ({})", by.join(", ")) };
        let mut line = format!(
            "{}{by} in {}, {}, {}",
            plural(self.conflicts, "conflict"),
            plural(self.documents, "document"),
            plural(self.sentences, "sentence"),
            plural(self.claims, "claim"),
        );
        if self.baselined > 0 {
            line.push_str(&format!("; {} hidden by the baseline", self.baselined));
        }
        if self.suppressed > 0 {
            line.push_str(&format!("; {} hidden by claimcheck-ignore", self.suppressed));
        }
        if self.baseline_stale > 0 {
            line.push_str(&format!("; {} no longer found", plural(self.baseline_stale, "baselined conflict")));
        }
        if !self.skipped.is_empty() {
            line.push_str(&format!("; {} skipped", plural(self.skipped.len(), "input")));
        }
        if self.unsupported > 0 {
            line.push_str(&format!("; {} of other types left out", plural(self.unsupported, "file")));
        }
        line
    }
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// `1 claim`, `2 claims`.
pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

/// A proposition or frame the rules check, whether or not anything conflicts on it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Subject {
    /// Pack id.
    pub id: String,
    /// The statement, or the quantity a frame measures.
    pub statement: String,
}

/// Everything a conflict report shows. Its serde form lets a report be re-rendered later
/// (`examples/render.rs`); the JSON *format* is [`ReportJson`], not this.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Report {
    /// Counts and skipped inputs.
    pub summary: Summary,
    /// Positions and the conflicts to report (baseline already applied).
    pub comparison: Comparison,
    /// Propositions and frames the loaded rules check, sorted by id.
    pub subjects: Vec<Subject>,
}

/// How to render: for a person, and within the limits of where the report goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// ANSI colour in text output.
    pub color: bool,
    /// Most bytes of a Markdown report ([`DEFAULT_MAX_BYTES`] fits a GitHub comment).
    pub max_bytes: usize,
}

impl Default for Style {
    fn default() -> Style {
        Style { color: false, max_bytes: DEFAULT_MAX_BYTES }
    }
}

/// Renders `report` in `format` to `out`.
pub fn render(report: &Report, format: Format, style: Style, out: &mut dyn io::Write) -> io::Result<()> {
    match format {
        Format::Text => text::render(report, style, out),
        Format::Concise => concise::render(report, out),
        Format::Json => json::render(&report.summary, &report.comparison.conflicts, out),
        Format::Jsonl => json::render_lines(&report.summary, &report.comparison.conflicts, out),
        Format::Sarif => sarif::render(report, out),
        Format::Junit => junit::render(report, out),
        Format::Github => github::render(report, out),
        Format::Markdown => markdown::render(report, style.max_bytes, out),
        Format::Html => html::render(report, out),
    }
}

/// The conflicts of a report, given one at a time in report order: a report can be written
/// from a source that makes each conflict when it is written (from a claim store, say)
/// instead of holding them all.
pub trait Conflicts: Sync {
    /// How many.
    fn count(&self) -> usize;

    /// Conflict `index`, made or borrowed.
    fn conflict(&self, index: usize) -> Option<Cow<'_, Conflict>>;
}

impl Conflicts for Vec<Conflict> {
    fn count(&self) -> usize {
        self.len()
    }

    fn conflict(&self, index: usize) -> Option<Cow<'_, Conflict>> {
        self.get(index).map(Cow::Borrowed)
    }
}

/// Whether `format` can be written with [`render_streamed`]: the formats whose output is
/// the summary, then each conflict in order.
pub fn streams(format: Format) -> bool {
    matches!(format, Format::Json | Format::Jsonl)
}

/// Renders a report of `summary` and `conflicts` in `format` (one that [`streams`]: `None`
/// for the others) without holding the conflicts: byte for byte what [`render`] writes of a
/// [`Report`] with the same summary and conflicts.
pub fn render_streamed(
    summary: &Summary,
    conflicts: &dyn Conflicts,
    format: Format,
    out: &mut dyn io::Write,
) -> Option<io::Result<()>> {
    match format {
        Format::Json => Some(json::render(summary, conflicts, out)),
        Format::Jsonl => Some(json::render_lines(summary, conflicts, out)),
        _ => None,
    }
}

/// The subject of a conflict: its proposition, else its frame, else none (unlisted).
pub(crate) fn subject_of(conflict: &Conflict) -> Option<(&str, &str)> {
    if let Some(p) = &conflict.proposition {
        return Some((p.id.as_str(), p.statement.as_str()));
    }
    conflict.frame.as_ref().map(|f| (f.id.as_str(), f.quantity.as_str()))
}

/// Who a side is, for people: "Valdoria (VLD)", or just the outlet's name for an outlet
/// speaking in its own voice (`source:…`, `outlet:…` ids).
pub(crate) fn side_who(side: &compare::Side) -> String {
    if side.actor.starts_with("source:") || side.actor.starts_with("outlet:") || side.actor == side.actor_name {
        side.actor_name.clone()
    } else {
        format!("{} ({})", side.actor_name, side.actor)
    }
}

/// "asserts", "denies", "hedges", with the value when the side gives one.
pub(crate) fn side_verb(side: &compare::Side) -> String {
    let verb = match side.stance {
        claim::Stance::Assert => "asserts",
        claim::Stance::Deny => "denies",
        claim::Stance::Hedge => "suggests",
    };
    match &side.value {
        Some(value) => format!("{verb} {}", value.raw),
        None => verb.to_owned(),
    }
}

#[cfg(test)]
pub(crate) mod sample;
