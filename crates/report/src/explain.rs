//! `claimcheck explain`: every decision the engine took for each sentence, then the claims.

use claim::Explanation;
use claim::trace::StepKind;
use std::io;

fn step_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Quote => "quote",
        StepKind::Mention => "mention",
        StepKind::Cue => "cue",
        StepKind::Speaker => "speaker",
        StepKind::Content => "content",
        StepKind::Negation => "negation",
        StepKind::Marker => "marker",
        StepKind::Proposition => "proposition",
        StepKind::Value => "value",
        StepKind::Skip => "skip",
        StepKind::Rejected => "rejected",
    }
}

/// Renders an explanation for people: each sentence with its located decisions.
pub fn render_explanation(explanation: &Explanation, path: &str, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(out, "document {} (source: {})", explanation.document, explanation.source)?;
    for sentence in &explanation.sentences {
        writeln!(out, "\n{path}:{}:{}: {}", sentence.line, sentence.column, sentence.text.replace('\n', " "))?;
        if sentence.steps.is_empty() {
            writeln!(out, "  (no decision: nothing claim-like)")?;
        }
        for step in &sentence.steps {
            if step.text.is_empty() {
                writeln!(out, "  {:<12} {}", step_name(step.kind), step.detail)?;
            } else if step.detail.is_empty() {
                writeln!(out, "  {:<12} `{}`", step_name(step.kind), step.text)?;
            } else {
                writeln!(out, "  {:<12} `{}` → {}", step_name(step.kind), step.text, step.detail)?;
            }
        }
    }
    writeln!(out, "\nclaims:")?;
    if explanation.claims.is_empty() {
        writeln!(out, "  (none)")?;
    }
    for claim in &explanation.claims {
        let e = &claim.evidence;
        writeln!(out, "  {}:{}:{}: {}", path, e.line, e.column, claim::text::describe(claim))?;
        if !claim.reasons.is_empty() {
            writeln!(out, "    because {}", claim.reasons.join("; "))?;
        }
        writeln!(out, "    speaker: {}", claim.attribution)?;
    }
    Ok(())
}

/// Renders explanations as one JSON array.
pub fn render_explanation_json(explanations: &[Explanation], out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, explanations)?;
    writeln!(out)
}
