//! One line per conflict, as ruff's concise output: `path:line:col: kind: message`, at the
//! first evidence of the first side; then the summary line.

use crate::Report;
use std::io;

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    for conflict in &report.comparison.conflicts {
        let message = conflict.message.replace('\n', " ");
        match conflict.sides.iter().find_map(|s| s.evidence.first()) {
            Some(item) => {
                let e = &item.evidence;
                writeln!(out, "{}:{}:{}: {}: {message}", e.path, e.line, e.column, conflict.kind.name())?;
            }
            None => writeln!(out, "-: {}: {message}", conflict.kind.name())?,
        }
    }
    writeln!(out, "{}", report.summary.line())
}
