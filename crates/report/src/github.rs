//! GitHub Actions workflow commands: one annotation per conflict on the first evidence of its
//! first side, errors first. GitHub shows 10 annotations of a kind per step and drops the
//! rest silently, so at most [`MAX_ANNOTATIONS`] are written, the last place going to a notice
//! that says how many conflicts were left out.

use crate::escape::{github_data, github_property};
use crate::{Report, plural, side_verb};
use claim::Severity;
use compare::Conflict;
use std::io;

/// Most annotations written, the summary notice included.
pub const MAX_ANNOTATIONS: usize = 10;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// The conflict's message, then where each other side was read: the annotation sits on the
/// first side's evidence, so the others are named in its text.
fn message(conflict: &Conflict) -> String {
    let mut message = conflict.message.clone();
    for side in &conflict.sides {
        let Some(item) = side.evidence.first() else { continue };
        let e = &item.evidence;
        message.push_str(&format!(
            "\n{} {}: {}:{}:{}",
            crate::side_who(side),
            side_verb(side),
            e.path,
            e.line,
            e.column
        ));
    }
    message
}

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let mut conflicts: Vec<&Conflict> = report.comparison.conflicts.iter().collect();
    // Errors first; the sort is stable, so the report order holds within a severity.
    conflicts.sort_by_key(|c| std::cmp::Reverse(c.severity));
    let shown = if conflicts.len() > MAX_ANNOTATIONS { MAX_ANNOTATIONS - 1 } else { conflicts.len() };
    for conflict in &conflicts[..shown] {
        let Some(item) = conflict.sides.iter().find_map(|s| s.evidence.first()) else { continue };
        let e = &item.evidence;
        writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            command(conflict.severity),
            github_property(&e.path),
            e.line,
            e.column,
            github_property(&format!("claimcheck {}", conflict.kind.name())),
            github_data(&message(conflict))
        )?;
    }
    let left = &conflicts[shown..];
    if !left.is_empty() {
        let mut by = Vec::new();
        for severity in [Severity::Error, Severity::Warning, Severity::Note] {
            let n = left.iter().filter(|c| c.severity == severity).count();
            if n > 0 {
                by.push(plural(n, &severity.to_string()));
            }
        }
        writeln!(
            out,
            "::notice title=claimcheck::{} not annotated ({}); GitHub shows {MAX_ANNOTATIONS} annotations a step: \
             see the full report (--format sarif, text or markdown)",
            plural(left.len(), "more conflict"),
            by.join(", ")
        )?;
    }
    writeln!(out, "{}", report.summary.line())
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn github_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }
}
