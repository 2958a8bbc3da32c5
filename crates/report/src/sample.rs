//! A hand-made report for snapshot tests: two fictional outlets disagree on a dam breach and
//! a death toll. Kept as JSON so `examples/render.rs` renders the same report.

use crate::Report;

pub(crate) fn report() -> Report {
    let mut report: Report = serde_json::from_str(include_str!("../tests/data/sample-report.json")).unwrap_or_default();
    let conflicts = std::mem::take(&mut report.comparison.conflicts);
    report.summary.count_conflicts(&conflicts);
    report.comparison.conflicts = conflicts;
    report
}

#[test]
fn sample_loads() {
    let report = report();
    assert_eq!(report.comparison.conflicts.len(), 2);
    assert_eq!(report.comparison.positions.len(), 3);
}
