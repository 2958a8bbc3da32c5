//! SARIF 2.1.0 for code scanning: one result per conflict, located at the first evidence of
//! its first side, every other piece of evidence of both sides a related location whose
//! message names the side; one rule per conflict kind. Code-scanning UIs show a result's
//! first location only, so the other side must be in `relatedLocations` to be seen at all.

use crate::{Report, subject_of};
use claim::{ConflictKind, Severity};
use compare::{Conflict, Side, SideEvidence};
use serde_json::{Value, json};
use std::io;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// What each kind means, for the rule's descriptions: (short, full, how to act on it).
fn describe(kind: ConflictKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ConflictKind::OpposedStance => (
            "One actor asserts what another, not of its bloc, denies",
            "Two actors take opposite stances on one proposition of the rule packs: one asserts it, the other \
             denies it.",
            "Read both sides' evidence. If both report what was said, the conflict is real and the text may need \
             to say so; if a speaker or stance was read wrongly, `claimcheck explain FILE` shows each decision.",
        ),
        ConflictKind::SelfContradiction => (
            "One actor asserts and denies the same proposition",
            "The same actor (or one of its members) asserts a proposition in one place and denies it in another.",
            "Check the dates of the two statements: a change of position is news; a misread stance is a rule \
             problem (`claimcheck explain FILE`).",
        ),
        ConflictKind::ReportConflict => (
            "Outlets disagree about what one actor said",
            "Different outlets report one actor as taking opposite stances on one proposition.",
            "Compare the outlets' wording and sources; one of the reports may be wrong or out of date.",
        ),
        ConflictKind::ValueMismatch => (
            "Incompatible values for one quantity",
            "Two sources give values for one quantity (a death toll, a date) that cannot both be true; hedged \
             values (\"at least 70\") are intervals and conflict only when they do not overlap.",
            "Check which figure is current and who gave it; a later, higher toll is reported as value-revised \
             instead.",
        ),
        ConflictKind::ValueRevised => (
            "A value for one quantity was revised over time",
            "A quantity was reported with one value and later with another, the later publication giving the \
             higher figure (a rising toll).",
            "Usually expected as news develops; make sure the text uses the latest figure.",
        ),
        ConflictKind::Unlisted => (
            "Near-identical claims with opposite stances, on no listed proposition",
            "Two claims that match no proposition of the packs say nearly the same thing, one asserting and one \
             denying it; found by text similarity, so reported with lower confidence.",
            "If the dispute matters, add a proposition for it to a rule pack so it is matched exactly.",
        ),
    }
}

/// A rule per conflict kind, in the kinds' report order.
fn rules() -> Vec<Value> {
    ConflictKind::ALL
        .iter()
        .map(|&kind| {
            let (short, full, help) = describe(kind);
            json!({
                "id": kind.name(),
                "name": kind.name(),
                "shortDescription": { "text": short },
                "fullDescription": { "text": full },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": level(kind.default_severity()) },
                "properties": { "tags": ["claimcheck", "conflict", kind.name()] },
            })
        })
        .collect()
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

/// The region of a piece of evidence: the sentence, from its first character to just after
/// its last (SARIF end columns are exclusive), in Unicode code points.
fn region(item: &SideEvidence) -> Value {
    let e = &item.evidence;
    let (line, column) = (e.line.max(1), e.column.max(1));
    let (end_line, end_column) = match e.sentence.rsplit_once('\n') {
        Some((before, last)) => (line + before.matches('\n').count() + 1, last.chars().count() + 1),
        None => (line, column + e.sentence.chars().count()),
    };
    json!({
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": { "text": e.sentence },
    })
}

fn location(id: usize, side: &Side, item: &SideEvidence) -> Value {
    json!({
        "id": id,
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&item.evidence.path) },
            "region": region(item),
        },
        "message": { "text": format!("{} {}", crate::side_who(side), crate::side_verb(side)) },
    })
}

fn result(conflict: &Conflict) -> Value {
    let mut evidence = conflict.sides.iter().flat_map(|side| side.evidence.iter().map(move |e| (side, e)));
    let first: Vec<Value> = evidence.next().map(|(side, e)| location(0, side, e)).into_iter().collect();
    let related: Vec<Value> = evidence.enumerate().map(|(i, (side, e))| location(i + 1, side, e)).collect();
    let mut properties = json!({
        "kind": conflict.kind.name(),
        "actors": conflict.actors,
        "confidence": conflict.confidence,
    });
    if let Some((id, statement)) = subject_of(conflict) {
        properties["subject"] = json!({ "id": id, "statement": statement });
    }
    let omitted: usize = conflict.sides.iter().map(|s| s.evidence_omitted).sum();
    if omitted > 0 {
        properties["evidenceOmitted"] = json!(omitted);
    }
    json!({
        "ruleId": conflict.kind.name(),
        "ruleIndex": ConflictKind::ALL.iter().position(|k| *k == conflict.kind).unwrap_or(0),
        "level": level(conflict.severity),
        "message": { "text": conflict.message },
        "locations": first,
        "relatedLocations": related,
        "partialFingerprints": { "claimcheck/v2": conflict.fingerprint },
        "properties": properties,
    })
}

pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "claimcheck",
                "version": crate::TOOL_VERSION,
                "rules": rules(),
            }},
            "results": report.comparison.conflicts.iter().map(result).collect::<Vec<_>>(),
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
