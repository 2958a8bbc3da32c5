//! The JSON and JSON Lines conflict reports. The shape is a contract, documented by
//! `schema/report.schema.json`; bump [`JSON_SCHEMA_VERSION`] on any breaking change.

use crate::{Conflicts, Report, Summary};
use claim::{ConflictKind, FrameRef, PropositionRef, Severity, Stance, Value};
use compare::{Conflict, Side, SideEvidence};
use parse::Date;
use rayon::prelude::*;
use serde::Serialize;
use std::io;

/// Version of the JSON report shape.
pub const JSON_SCHEMA_VERSION: u32 = 1;

/// The JSON report: one object.
#[derive(Debug, Serialize)]
pub struct ReportJson<'a> {
    /// [`JSON_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `claimcheck`.
    pub tool: &'static str,
    /// The tool's version.
    pub tool_version: &'static str,
    /// Counts and skipped inputs.
    pub summary: &'a Summary,
    /// The conflicts, in the comparator's order.
    pub conflicts: Vec<ConflictJson<'a>>,
}

/// One conflict in the JSON report.
#[derive(Debug, Serialize)]
pub struct ConflictJson<'a> {
    /// Conflict kind (`opposed-stance`).
    pub kind: ConflictKind,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// Stable id, for baselines.
    pub fingerprint: &'a str,
    /// One line for people.
    pub message: &'a str,
    /// The proposition in dispute, for stance conflicts.
    pub proposition: Option<&'a PropositionRef>,
    /// The frame in dispute, for value conflicts.
    pub frame: Option<&'a FrameRef>,
    /// The event both sides report on, for value conflicts of a generic frame.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'a claim::Event>,
    /// Principals involved, sorted.
    pub actors: &'a [String],
    /// 0 to 1.
    pub confidence: f64,
    /// The sides.
    pub sides: Vec<SideJson<'a>>,
}

/// One side of a conflict.
#[derive(Debug, Serialize)]
pub struct SideJson<'a> {
    /// Principal id.
    pub actor: &'a str,
    /// Display name.
    pub actor_name: &'a str,
    /// `assert`, `deny` or `hedge`.
    pub stance: Stance,
    /// The value given, for value conflicts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<&'a Value>,
    /// Where it was read.
    pub evidence: Vec<EvidenceJson<'a>>,
}

/// One piece of evidence.
#[derive(Debug, Serialize)]
pub struct EvidenceJson<'a> {
    /// Document id.
    pub document: &'a str,
    /// The outlet.
    pub source: &'a str,
    /// Display path of the file.
    pub path: &'a str,
    /// Publication date.
    pub published: Option<Date>,
    /// 1-based line of the sentence.
    pub line: usize,
    /// 1-based column of the sentence.
    pub column: usize,
    /// The sentence.
    pub sentence: &'a str,
    /// The reporting cue as written.
    pub cue: Option<&'a str>,
    /// The speaker as written.
    pub speaker_text: Option<&'a str>,
    /// The speaker resolved.
    pub speaker: &'a str,
    /// How the speaker was found.
    pub attribution: &'a str,
    /// Why the stance is what it is.
    pub reasons: &'a [String],
}

impl<'a> ReportJson<'a> {
    /// The JSON form of `report`.
    pub fn new(report: &'a Report) -> ReportJson<'a> {
        ReportJson {
            conflicts: report.comparison.conflicts.iter().map(ConflictJson::new).collect(),
            ..ReportJson::new_empty(report)
        }
    }

    /// The JSON form of `report` without its conflicts.
    fn new_empty(report: &'a Report) -> ReportJson<'a> {
        ReportJson::of_summary(&report.summary)
    }

    /// The JSON form of a report of `summary` without its conflicts.
    fn of_summary(summary: &'a Summary) -> ReportJson<'a> {
        ReportJson {
            schema_version: JSON_SCHEMA_VERSION,
            tool: "claimcheck",
            tool_version: crate::TOOL_VERSION,
            summary,
            conflicts: Vec::new(),
        }
    }
}

impl<'a> ConflictJson<'a> {
    fn new(conflict: &'a Conflict) -> ConflictJson<'a> {
        ConflictJson {
            kind: conflict.kind,
            severity: conflict.severity,
            fingerprint: &conflict.fingerprint,
            message: &conflict.message,
            proposition: conflict.proposition.as_ref(),
            frame: conflict.frame.as_ref(),
            event: conflict.event.as_ref(),
            actors: &conflict.actors,
            confidence: conflict.confidence,
            sides: conflict.sides.iter().map(SideJson::new).collect(),
        }
    }
}

impl<'a> SideJson<'a> {
    fn new(side: &'a Side) -> SideJson<'a> {
        SideJson {
            actor: &side.actor,
            actor_name: &side.actor_name,
            stance: side.stance,
            value: side.value.as_ref(),
            evidence: side.evidence.iter().map(EvidenceJson::new).collect(),
        }
    }
}

impl<'a> EvidenceJson<'a> {
    fn new(item: &'a SideEvidence) -> EvidenceJson<'a> {
        let e = &item.evidence;
        EvidenceJson {
            document: &e.document,
            source: &e.source,
            path: &e.path,
            published: e.published,
            line: e.line,
            column: e.column,
            sentence: &e.sentence,
            cue: e.cue.as_ref().map(|m| m.text.as_str()),
            speaker_text: e.speaker.as_ref().map(|m| m.text.as_str()),
            speaker: &item.speaker_id,
            attribution: &item.attribution,
            reasons: &item.reasons,
        }
    }
}

/// Conflicts serialised per rayon task: enough to amortise a task, few enough to balance.
const CHUNK: usize = 256;

/// Conflicts serialised before their bytes are written: bounds the memory held for output
/// while keeping both threads busy.
const WINDOW: usize = 1 << 15;

/// Serialises `conflicts` window by window, chunks of a window in parallel (each conflict
/// made, when the source makes them, inside its chunk's task), and hands each chunk's bytes
/// to `write` in conflict order: the output is the same whatever the threads.
fn in_parallel(
    conflicts: &dyn Conflicts,
    serialise: impl Fn(&Conflict, &mut Vec<u8>) -> io::Result<()> + Sync,
    mut write: impl FnMut(&[u8], bool) -> io::Result<()>,
) -> io::Result<()> {
    let mut first = true;
    let count = conflicts.count();
    for window in (0..count).step_by(WINDOW) {
        let end = (window + WINDOW).min(count);
        let chunks: Vec<io::Result<Vec<u8>>> = (window..end)
            .step_by(CHUNK)
            .collect::<Vec<usize>>()
            .into_par_iter()
            .map(|start| {
                let mut bytes = Vec::with_capacity(CHUNK * 2048);
                for index in start..(start + CHUNK).min(end) {
                    if let Some(conflict) = conflicts.conflict(index) {
                        serialise(&conflict, &mut bytes)?;
                    }
                }
                Ok(bytes)
            })
            .collect();
        for chunk in chunks {
            write(&chunk?, first)?;
            first = false;
        }
    }
    Ok(())
}

/// The pretty JSON report, as `serde_json::to_writer_pretty` writes it, with the conflicts
/// serialised in parallel: the report without conflicts gives the frame (`"conflicts": []`
/// last), and each conflict is pretty-printed alone and indented two levels. JSON strings
/// hold no raw line breaks, so indenting every line indents exactly the layout.
pub(crate) fn render(summary: &Summary, conflicts: &dyn Conflicts, out: &mut dyn io::Write) -> io::Result<()> {
    let head = serde_json::to_vec_pretty(&ReportJson::of_summary(summary))?;
    let Some(head) = head.strip_suffix(b"[]\n}".as_slice()).filter(|_| conflicts.count() > 0) else {
        out.write_all(&head)?;
        return writeln!(out);
    };
    out.write_all(head)?;
    out.write_all(b"[\n")?;
    in_parallel(
        conflicts,
        |conflict, bytes| {
            let alone = serde_json::to_vec_pretty(&ConflictJson::new(conflict))?;
            if !bytes.is_empty() {
                bytes.extend_from_slice(b",\n");
            }
            for (i, line) in alone.split(|&b| b == b'\n').enumerate() {
                if i > 0 {
                    bytes.push(b'\n');
                }
                bytes.extend_from_slice(b"    ");
                bytes.extend_from_slice(line);
            }
            Ok(())
        },
        |chunk, first| {
            if !first {
                out.write_all(b",\n")?;
            }
            out.write_all(chunk)
        },
    )?;
    out.write_all(b"\n  ]\n}\n")
}

/// One record a line: `{"type":"summary",…}` first, then `{"type":"conflict",…}` each,
/// serialised in parallel chunks and written in order.
pub(crate) fn render_lines(summary: &Summary, conflicts: &dyn Conflicts, out: &mut dyn io::Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Line<T: Serialize> {
        #[serde(rename = "type")]
        kind: &'static str,
        schema_version: u32,
        #[serde(flatten)]
        record: T,
    }
    #[derive(Serialize)]
    struct SummaryRecord<'a> {
        summary: &'a Summary,
    }
    let summary = Line { kind: "summary", schema_version: JSON_SCHEMA_VERSION, record: SummaryRecord { summary } };
    serde_json::to_writer(&mut *out, &summary)?;
    writeln!(out)?;
    in_parallel(
        conflicts,
        |conflict, bytes| {
            let line =
                Line { kind: "conflict", schema_version: JSON_SCHEMA_VERSION, record: ConflictJson::new(conflict) };
            serde_json::to_writer(&mut *bytes, &line)?;
            bytes.push(b'\n');
            Ok(())
        },
        |chunk, _| out.write_all(chunk),
    )
}

#[cfg(test)]
mod tests {
    use crate::sample;
    use std::borrow::Cow;

    fn render(report: &crate::Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        super::render(&report.summary, &report.comparison.conflicts, out)
    }

    fn render_lines(report: &crate::Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        super::render_lines(&report.summary, &report.comparison.conflicts, out)
    }

    /// A source that makes each conflict when asked, as a claim store does.
    struct Made<'a>(&'a [compare::Conflict]);

    impl crate::Conflicts for Made<'_> {
        fn count(&self) -> usize {
            self.0.len()
        }

        fn conflict(&self, index: usize) -> Option<Cow<'_, compare::Conflict>> {
            self.0.get(index).cloned().map(Cow::Owned)
        }
    }

    #[test]
    fn conflicts_made_on_demand_give_the_same_bytes() -> std::io::Result<()> {
        for report in reports() {
            for format in [crate::Format::Json, crate::Format::Jsonl] {
                let mut whole = Vec::new();
                crate::render(&report, format, crate::Style::default(), &mut whole)?;
                let mut streamed = Vec::new();
                let made = Made(&report.comparison.conflicts);
                crate::render_streamed(&report.summary, &made, format, &mut streamed)
                    .unwrap_or_else(|| panic!("{format:?} streams"))?;
                assert!(whole == streamed, "{format:?}, {} conflicts", report.comparison.conflicts.len());
            }
        }
        assert!(!crate::streams(crate::Format::Sarif));
        Ok(())
    }

    #[test]
    fn json_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        render(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }

    /// The sample's conflicts repeated across several chunks and windows, and none.
    fn reports() -> Vec<crate::Report> {
        let mut many = sample::report();
        let one = many.comparison.conflicts.clone();
        while many.comparison.conflicts.len() < super::WINDOW + 3 * super::CHUNK + 1 {
            many.comparison.conflicts.extend(one.iter().cloned());
        }
        let mut none = sample::report();
        none.comparison.conflicts.clear();
        vec![sample::report(), many, none]
    }

    #[test]
    fn parallel_json_is_serde_json() -> std::io::Result<()> {
        for report in reports() {
            let mut expected = serde_json::to_vec_pretty(&super::ReportJson::new(&report))?;
            expected.push(b'\n');
            let mut got = Vec::new();
            render(&report, &mut got)?;
            assert!(got == expected, "{} conflicts: the parallel JSON differs", report.comparison.conflicts.len());
        }
        Ok(())
    }

    #[test]
    fn parallel_jsonl_is_the_lines_in_order() -> std::io::Result<()> {
        let mut small = Vec::new();
        render_lines(&sample::report(), &mut small)?;
        let small = String::from_utf8_lossy(&small).into_owned();
        let small: Vec<&str> = small.lines().skip(1).collect();
        for report in reports() {
            let mut got = Vec::new();
            render_lines(&report, &mut got)?;
            let text = String::from_utf8_lossy(&got);
            let lines: Vec<&str> = text.lines().skip(1).collect();
            assert_eq!(lines.len(), report.comparison.conflicts.len());
            // `reports` repeats the sample's conflicts in order.
            for (i, line) in lines.iter().enumerate() {
                assert_eq!(*line, small[i % small.len()], "line {}", i + 2);
            }
        }
        Ok(())
    }

    #[test]
    fn jsonl_report() -> std::io::Result<()> {
        let mut out = Vec::new();
        render_lines(&sample::report(), &mut out)?;
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
        Ok(())
    }
}
