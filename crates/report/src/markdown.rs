//! Markdown for a pull-request comment: the summary, a positions table (propositions ×
//! actors, stance per cell) and the conflicts with their evidence.

use crate::escape::markdown as md;
use crate::matrix::{Matrix, counts, stance_name};
use crate::{Report, side_verb};
use std::io;

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(out, "## claimcheck\n\n{}\n", md(&report.summary.line()))?;
    let matrix = Matrix::new(&report.comparison.positions);
    if !matrix.rows.is_empty() {
        writeln!(out, "### Positions\n")?;
        let header: Vec<String> =
            matrix.columns.iter().map(|(id, name)| format!("{} ({})", md(name), md(id))).collect();
        writeln!(out, "| proposition | {} |", header.join(" | "))?;
        writeln!(out, "|---|{}", "---|".repeat(matrix.columns.len()))?;
        for row in &matrix.rows {
            let cells: Vec<String> = matrix
                .columns
                .iter()
                .map(|(actor, _)| match matrix.cell(&row.id, actor) {
                    Some(p) => format!("{} ({})", stance_name(p.stance), counts(p)),
                    None => String::new(),
                })
                .collect();
            writeln!(out, "| {} `{}` | {} |", md(&row.statement), row.id.replace('`', "'"), cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    if !report.comparison.conflicts.is_empty() {
        writeln!(out, "### Conflicts\n")?;
    }
    for conflict in &report.comparison.conflicts {
        writeln!(out, "- **{}** `{}`: {}", conflict.severity, conflict.kind.name(), md(&conflict.message))?;
        for side in &conflict.sides {
            writeln!(out, "  - {} {}", md(&crate::side_who(side)), md(&side_verb(side)))?;
            for item in &side.evidence {
                let e = &item.evidence;
                writeln!(
                    out,
                    "    - {}: \"{}\" — `{}:{}:{}`",
                    md(&e.source),
                    md(&e.sentence),
                    e.path.replace('`', "'"),
                    e.line,
                    e.column
                )?;
            }
        }
    }
    if !report.summary.skipped.is_empty() {
        writeln!(out, "\n### Skipped inputs\n")?;
        for skipped in &report.summary.skipped {
            writeln!(out, "- `{}`: {}", skipped.path.replace('`', "'"), md(&skipped.reason))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn markdown_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }
}
