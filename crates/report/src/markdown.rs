//! Markdown for a pull-request comment: the summary line and a table of conflicts by kind and
//! severity, a positions table (propositions × actors, stance per cell) and the conflicts with
//! their evidence; within a byte limit (a GitHub comment holds 65,536 characters), conflicts
//! that do not fit are folded into one "N more" line.

use crate::escape::markdown as md;
use crate::matrix::{Matrix, counts, stance_name};
use crate::{Report, plural, side_verb};
use claim::{ConflictKind, Severity};
use compare::Conflict;
use std::fmt::Write as _;
use std::io;

/// The default limit: what a GitHub pull-request comment holds (65,536 characters; a byte
/// limit is the safe side, as a character is at least one byte).
pub const DEFAULT_MAX_BYTES: usize = 65_536;

/// Room kept for the "N more" line and the skipped-inputs line.
const RESERVE: usize = 400;

fn summary_table(report: &Report) -> String {
    let conflicts = &report.comparison.conflicts;
    let mut table = String::from("| kind | errors | warnings | notes |\n|---|---:|---:|---:|\n");
    for kind in ConflictKind::ALL {
        let of_kind: Vec<&Conflict> = conflicts.iter().filter(|c| c.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let count = |s: Severity| of_kind.iter().filter(|c| c.severity == s).count();
        let _ = writeln!(
            table,
            "| `{}` | {} | {} | {} |",
            kind.name(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Note)
        );
    }
    table
}

fn positions(report: &Report) -> String {
    let matrix = Matrix::new(&report.comparison.positions);
    let mut text = String::new();
    if matrix.rows.is_empty() {
        return text;
    }
    text.push_str("### Positions\n\n");
    let header: Vec<String> = matrix.columns.iter().map(|(id, name)| format!("{} ({})", md(name), md(id))).collect();
    let _ = writeln!(text, "| proposition | {} |", header.join(" | "));
    let _ = writeln!(text, "|---|{}", "---|".repeat(matrix.columns.len()));
    for row in &matrix.rows {
        let cells: Vec<String> = matrix
            .columns
            .iter()
            .map(|(actor, _)| match matrix.cell(&row.id, actor) {
                Some(p) => format!("{} ({})", stance_name(p.stance), counts(p)),
                None => String::new(),
            })
            .collect();
        let _ = writeln!(text, "| {} `{}` | {} |", md(&row.statement), row.id.replace('`', "'"), cells.join(" | "));
    }
    text.push('\n');
    text
}

fn conflict(conflict: &Conflict) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "- **{}** `{}`: {}", conflict.severity, conflict.kind.name(), md(&conflict.message));
    for side in &conflict.sides {
        let _ = writeln!(text, "  - {} {}", md(&crate::side_who(side)), md(&side_verb(side)));
        for item in &side.evidence {
            let e = &item.evidence;
            let _ = writeln!(
                text,
                "    - {}: \"{}\" — `{}:{}:{}`",
                md(&e.source),
                md(&e.sentence),
                e.path.replace('`', "'"),
                e.line,
                e.column
            );
        }
        if side.evidence_omitted > 0 {
            let _ = writeln!(text, "    - and {} more", side.evidence_omitted);
        }
    }
    text
}

/// Renders within `max_bytes`: the summary and its table always; the positions table when it
/// fits; then conflicts in report order while they fit, the rest counted in one line.
pub(crate) fn render(report: &Report, max_bytes: usize, out: &mut dyn io::Write) -> io::Result<()> {
    let mut text = format!("## claimcheck\n\n{}\n\n", md(&report.summary.line()));
    if !report.comparison.conflicts.is_empty() {
        text.push_str(&summary_table(report));
        text.push('\n');
    }
    let budget = max_bytes.saturating_sub(RESERVE);
    let positions = positions(report);
    if text.len() + positions.len() <= budget {
        text.push_str(&positions);
    }
    let conflicts = &report.comparison.conflicts;
    if !conflicts.is_empty() {
        text.push_str("### Conflicts\n\n");
    }
    let mut shown = 0;
    for item in conflicts {
        let block = conflict(item);
        if text.len() + block.len() > budget {
            break;
        }
        text.push_str(&block);
        shown += 1;
    }
    if shown < conflicts.len() {
        let _ = writeln!(
            text,
            "\n… and {} not shown here (size limit {max_bytes} bytes): see the full report.",
            plural(conflicts.len() - shown, "more conflict")
        );
    }
    let skipped = &report.summary.skipped;
    if !skipped.is_empty() {
        let mut section = String::from("\n### Skipped inputs\n\n");
        for s in skipped {
            let _ = writeln!(section, "- `{}`: {}", s.path.replace('`', "'"), md(&s.reason));
        }
        if text.len() + section.len() <= max_bytes {
            text.push_str(&section);
        } else {
            let _ = writeln!(text, "\n{} skipped: see the full report.", plural(skipped.len(), "input"));
        }
    }
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn markdown_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), super::DEFAULT_MAX_BYTES, &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }
}
