//! SARIF 2.1.0: each conflict a result with a location for every piece of evidence; each
//! (kind, proposition or frame) pair a rule, so code-scanning UIs group by what is disputed.

use crate::{Report, subject_of};
use claim::Severity;
use compare::Conflict;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The rule id of a conflict: `opposed-stance/<proposition>`, or the kind alone.
fn rule_id(conflict: &Conflict) -> String {
    match subject_of(conflict) {
        Some((id, _)) => format!("{}/{id}", conflict.kind.name()),
        None => conflict.kind.name().to_owned(),
    }
}

/// A relative path as a URI reference: forward slashes, characters outside the unreserved
/// set and `/` percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    for conflict in &report.comparison.conflicts {
        let id = rule_id(conflict);
        rules.entry(id.clone()).or_insert_with(|| {
            let description = match subject_of(conflict) {
                Some((_, statement)) => format!("{}: {statement}", conflict.kind.name()),
                None => conflict.kind.name().to_owned(),
            };
            json!({
                "id": id,
                "name": conflict.kind.name(),
                "shortDescription": { "text": description },
                "defaultConfiguration": { "level": level(conflict.severity) },
                "properties": { "tags": ["claimcheck", conflict.kind.name()] },
            })
        });
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let results: Vec<Value> = report
        .comparison
        .conflicts
        .iter()
        .map(|conflict| {
            let id = rule_id(conflict);
            let locations: Vec<Value> = conflict
                .sides
                .iter()
                .flat_map(|side| side.evidence.iter().map(move |e| (side, e)))
                .map(|(side, item)| {
                    let e = &item.evidence;
                    json!({
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&e.path) },
                            "region": {
                                "startLine": e.line.max(1),
                                "startColumn": e.column.max(1),
                                "snippet": { "text": e.sentence },
                            },
                        },
                        "message": { "text": format!("{} {}", crate::side_who(side), crate::side_verb(side)) },
                    })
                })
                .collect();
            json!({
                "ruleId": id,
                "ruleIndex": index.get(id.as_str()).copied().unwrap_or(0),
                "level": level(conflict.severity),
                "message": { "text": conflict.message },
                "locations": locations,
                "partialFingerprints": { "claimcheck/v1": conflict.fingerprint },
                "properties": { "kind": conflict.kind.name(), "actors": conflict.actors, "confidence": conflict.confidence },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "claimcheck",
                "version": crate::TOOL_VERSION,
                "rules": rules.into_values().collect::<Vec<_>>(),
            }},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn sarif_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        super::render(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }

    #[test]
    fn uri_encodes_spaces() {
        assert_eq!(super::uri("./a b/c.txt"), "a%20b/c.txt");
    }
}
