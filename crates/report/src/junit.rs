//! JUnit XML: one test case per proposition or frame the rules check, a failure per
//! conflict about it; conflicts with no subject (unlisted) go in one `unlisted` case.

use crate::escape::xml;
use crate::{Report, side_verb, subject_of};
use compare::Conflict;
use std::collections::BTreeMap;
use std::io;

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let mut cases: BTreeMap<&str, (&str, Vec<&Conflict>)> =
        report.subjects.iter().map(|s| (s.id.as_str(), (s.statement.as_str(), Vec::new()))).collect();
    for conflict in &report.comparison.conflicts {
        let (id, statement) = subject_of(conflict).unwrap_or(("unlisted", "claims no proposition covers"));
        cases.entry(id).or_insert_with(|| (statement, Vec::new())).1.push(conflict);
    }
    let failures = report.comparison.conflicts.len();
    let failed_cases = cases.values().filter(|(_, c)| !c.is_empty()).count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="claimcheck" tests="{}" failures="{failures}" errors="0">"#, cases.len())?;
    writeln!(
        out,
        r#"  <testsuite name="claimcheck" tests="{}" failures="{failed_cases}" errors="0" skipped="0">"#,
        cases.len()
    )?;
    for (id, (statement, conflicts)) in &cases {
        let name = xml(id);
        if conflicts.is_empty() {
            writeln!(out, r#"    <testcase name="{name}" classname="claimcheck.{}"/>"#, classname(id))?;
            continue;
        }
        writeln!(out, r#"    <testcase name="{name}" classname="claimcheck.{}">"#, classname(id))?;
        for conflict in conflicts {
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                conflict.kind.name(),
                xml(&format!("{}: {}", conflict.severity, conflict.message)),
                xml(&failure_body(statement, conflict))
            )?;
        }
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// The part of an id before its first `/` (the story), for grouping in CI views.
fn classname(id: &str) -> String {
    xml(id.split('/').next().unwrap_or(id))
}

fn failure_body(statement: &str, conflict: &Conflict) -> String {
    let mut body = format!("{statement}\nfingerprint: {}\n", conflict.fingerprint);
    for side in &conflict.sides {
        body.push_str(&format!("{} {}\n", crate::side_who(side), side_verb(side)));
        for item in &side.evidence {
            let e = &item.evidence;
            body.push_str(&format!("  {}:{}:{}: {}\n", e.path, e.line, e.column, e.sentence.replace('\n', " ")));
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn junit_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }
}
