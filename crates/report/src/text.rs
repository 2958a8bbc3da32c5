//! The text report: one rustc-style diagnostic per conflict, then a summary line.

use crate::{Report, Style, side_verb, subject_of};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use claim::Severity;
use compare::{Conflict, SideEvidence};
use std::io;

/// Evidence shown per side; the rest is counted.
const MAX_EVIDENCE_PER_SIDE: usize = 3;

pub(crate) fn render(report: &Report, style: Style, out: &mut dyn io::Write) -> io::Result<()> {
    let renderer = if style.color { Renderer::styled() } else { Renderer::plain() };
    for conflict in &report.comparison.conflicts {
        writeln!(out, "{}\n", renderer.render(&[conflict_group(conflict)]))?;
    }
    for skipped in &report.summary.skipped {
        writeln!(out, "skipped: {}: {}", skipped.path, skipped.reason)?;
    }
    if style.color {
        writeln!(out, "\x1b[1m{}\x1b[0m", report.summary.line())
    } else {
        writeln!(out, "{}", report.summary.line())
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

fn conflict_group(conflict: &Conflict) -> Group<'_> {
    let title = level(conflict.severity).primary_title(conflict.message.as_str()).id(conflict.kind.name());
    let mut elements: Vec<annotate_snippets::Element<'_>> = Vec::new();
    if let Some((id, statement)) = subject_of(conflict) {
        let what = if conflict.proposition.is_some() { "proposition" } else { "quantity" };
        elements.push(Level::NOTE.message(format!("{what} `{id}`: {statement}")).into());
    }
    for side in &conflict.sides {
        let shown = side.evidence.len().min(MAX_EVIDENCE_PER_SIDE);
        let mut line = format!("{} {}", crate::side_who(side), side_verb(side));
        let hidden = side.evidence.len() - shown + side.evidence_omitted;
        if hidden > 0 {
            line.push_str(&format!(" ({hidden} more not shown)"));
        }
        elements.push(Level::INFO.message(line).into());
        for evidence in &side.evidence[..shown] {
            elements.push(snippet(evidence, &side_label(side)).into());
        }
    }
    Group::with_title(title).elements(elements)
}

fn side_label(side: &compare::Side) -> String {
    format!("{} {}", side.actor_name, side_verb(side))
}

/// The sentence of one piece of evidence with the speaker and cue underlined. The sentence is
/// indented to its column so the rendered `file:line:col` is the one in the file.
fn snippet<'a>(item: &'a SideEvidence, label: &str) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let evidence = &item.evidence;
    let pad = evidence.column.saturating_sub(1);
    let source = format!("{}{}", " ".repeat(pad), evidence.sentence);
    let sentence_len = evidence.sentence.len();
    let local = |span: parse::Span| -> Option<std::ops::Range<usize>> {
        let start = span.start.checked_sub(evidence.span.start)?;
        let end = span.end.checked_sub(evidence.span.start)?;
        let valid = start < end
            && end <= sentence_len
            && evidence.sentence.is_char_boundary(start)
            && evidence.sentence.is_char_boundary(end);
        valid.then_some(start + pad..end + pad)
    };
    let mut snippet = Snippet::source(source).line_start(evidence.line).path(evidence.path.as_str()).fold(false);
    let speaker = evidence.speaker.as_ref().and_then(|m| local(m.span));
    let cue = evidence.cue.as_ref().and_then(|m| local(m.span));
    match &speaker {
        Some(range) => {
            snippet = snippet.annotation(AnnotationKind::Primary.span(range.clone()).label(label.to_owned()))
        }
        None if cue.is_none() => {
            let end = pad + sentence_len.min(evidence.sentence.find('\n').unwrap_or(sentence_len));
            snippet = snippet.annotation(AnnotationKind::Primary.span(pad..end.max(pad)).label(label.to_owned()));
        }
        None => {}
    }
    if let Some(range) = cue {
        let cue_label = if speaker.is_some() { "cue".to_owned() } else { format!("cue; {label}") };
        let kind = if speaker.is_some() { AnnotationKind::Context } else { AnnotationKind::Primary };
        snippet = snippet.annotation(kind.span(range).label(cue_label));
    }
    snippet
}

#[cfg(test)]
mod tests {
    use crate::sample;

    #[test]
    fn text_report_underlines_speaker_and_cue() {
        let mut out = Vec::new();
        super::render(&sample::report(), crate::Style::default(), &mut out).unwrap_or_default();
        insta::assert_snapshot!(String::from_utf8_lossy(&out));
    }
}
