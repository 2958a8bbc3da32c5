//! GitHub Actions workflow commands: an annotation per side of each conflict, on its first
//! piece of evidence, so the pull-request diff shows both places.

use crate::escape::{github_data, github_property};
use crate::{Report, side_verb};
use claim::Severity;
use std::io;

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    for conflict in &report.comparison.conflicts {
        let command = match conflict.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let title = format!("claimcheck {}", conflict.kind.name());
        for side in &conflict.sides {
            let Some(item) = side.evidence.first() else { continue };
            let e = &item.evidence;
            let message = format!("{} — here {} {}", conflict.message, crate::side_who(side), side_verb(side));
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                github_property(&e.path),
                e.line,
                e.column,
                github_property(&title),
                github_data(&message)
            )?;
        }
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
