//! `claimcheck check` and `claimcheck claims`: the main job and the ledger.

use crate::args::{CheckArgs, ClaimsArgs, FailOn, Global, ReportArgs};
use crate::config::Config;
use crate::output::{emit_with, note, use_color, write_atomic};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result};
use claim::Severity;
use compare::Conflict;
use extract::RuleSet;
use extract::pipeline::Extraction;
use std::collections::BTreeSet;
use std::path::Path;

/// Runs `check`.
pub fn check(args: &CheckArgs, global: &Global) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(global, &cwd)?;
    let rules = pipeline::load_rules(&config.pack_paths(global, &cwd))?;
    let pool = pipeline::pool(global.jobs)?;
    let gate = Gate::of(&args.report, args.input.output.as_deref(), &config)?;
    let (extraction, elapsed) = pipeline::extract(&args.input, &config, global, &rules, &pool)?;
    let summary = pipeline::summary(&extraction);
    let conflicts = report_conflicts(&rules, &extraction.claims, summary, &gate, global, &pool)?;
    if !global.quiet {
        note(&pipeline::timing(&extraction, elapsed));
    }
    Ok(status(&conflicts, gate.fail_on, args.input.strict, &extraction))
}

/// How a conflict report is written and gated: the options `check` and `compare` share.
pub struct Gate<'a> {
    /// Report format.
    pub format: report::Format,
    /// Where the report goes (stdout when `None`).
    pub output: Option<&'a Path>,
    /// Exit 1 at or above this.
    pub fail_on: FailOn,
    /// Fingerprints to hide, read before the run so a bad path fails fast.
    pub baseline: BTreeSet<String>,
    /// Where to write the fingerprints found.
    pub write_baseline: Option<&'a Path>,
}

impl<'a> Gate<'a> {
    /// The gate of the report flags and the output path, the config filling in what they
    /// leave out.
    pub fn of(flags: &'a ReportArgs, output: Option<&'a Path>, config: &'a Config) -> Result<Gate<'a>> {
        let baseline = match flags.baseline.as_deref().or(config.file.baseline.as_deref()) {
            Some(path) => read_baseline(path)?,
            None => BTreeSet::new(),
        };
        Ok(Gate {
            format: flags.format.or(config.file.format).unwrap_or(report::Format::Text),
            output,
            fail_on: flags.fail_on.or(config.file.fail_on).unwrap_or(FailOn::Error),
            baseline,
            write_baseline: flags.write_baseline.as_deref(),
        })
    }
}

/// Compares `claims`, applies the baseline, renders the report and writes it; returns the
/// conflicts reported (baselined ones left out) for the exit status.
pub fn report_conflicts(
    rules: &RuleSet,
    claims: &[claim::Claim],
    mut summary: report::Summary,
    gate: &Gate<'_>,
    global: &Global,
    pool: &rayon::ThreadPool,
) -> Result<Vec<Conflict>> {
    let mut comparison = pool.install(|| compare::compare(claims, rules.checks()));
    if let Some(path) = gate.write_baseline {
        write_atomic(path, baseline_text(&comparison.conflicts).as_bytes())?;
    }
    let before = comparison.conflicts.len();
    comparison.conflicts.retain(|c| !gate.baseline.contains(&c.fingerprint));
    summary.baselined = before - comparison.conflicts.len();
    summary.count_conflicts(&comparison.conflicts);
    let style =
        report::Style { color: gate.format == report::Format::Text && use_color(global.color, gate.output.is_some()) };
    let report = report::Report { summary, comparison, subjects: subjects(rules) };
    emit_with(gate.output, |out| report::render(&report, gate.format, style, out))?;
    Ok(report.comparison.conflicts)
}

/// The exit status: 2 when any input had a problem under `--strict`, or when no input
/// could be read; else 1 when a conflict is at or above `fail_on`; else 0.
pub fn status(conflicts: &[Conflict], fail_on: FailOn, strict: bool, extraction: &Extraction) -> Status {
    if !extraction.diagnostics.is_empty() && (strict || extraction.documents == 0) {
        // Under --strict any input problem fails; without it only a run that could read
        // nothing at all does, since then the report says nothing.
        return Status::Usage;
    }
    gate_status(conflicts, fail_on)
}

/// 1 when a conflict is at or above `fail_on`, else 0.
pub fn gate_status(conflicts: &[Conflict], fail_on: FailOn) -> Status {
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Note => Some(Severity::Note),
        FailOn::Never => None,
    };
    match threshold {
        Some(threshold) if conflicts.iter().any(|c| c.severity >= threshold) => Status::Conflicts,
        _ => Status::Ok,
    }
}

/// Propositions and frames the rules check, by id.
fn subjects(rules: &RuleSet) -> Vec<report::Subject> {
    let mut subjects: Vec<report::Subject> = rules
        .propositions()
        .chain(rules.frames())
        .map(|(id, statement)| report::Subject { id: id.to_owned(), statement: statement.to_owned() })
        .collect();
    subjects.sort();
    subjects.dedup();
    subjects
}

/// The fingerprints in a baseline file: one a line; blank lines and `#` comments ignored.
pub fn read_baseline(path: &Path) -> Result<BTreeSet<String>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read baseline {}", path.display()))?;
    Ok(parse_baseline(&text))
}

/// The fingerprints listed in baseline text.
pub fn parse_baseline(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A baseline file for `conflicts`: sorted fingerprints, each with a comment saying what it is.
pub fn baseline_text(conflicts: &[Conflict]) -> String {
    let mut lines: Vec<String> = conflicts
        .iter()
        .map(|c| format!("{}  # {} {}", c.fingerprint, c.kind.name(), c.message.replace('\n', " ")))
        .collect();
    lines.sort();
    lines.dedup();
    let mut text = String::from("# claimcheck baseline: conflicts listed here are hidden by --baseline.\n");
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

/// Runs `claims`.
pub fn claims(args: &ClaimsArgs, global: &Global) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(global, &cwd)?;
    let rules = pipeline::load_rules(&config.pack_paths(global, &cwd))?;
    let pool = pipeline::pool(global.jobs)?;
    let (extraction, elapsed) = pipeline::extract(&args.input, &config, global, &rules, &pool)?;
    let format = args.format;
    emit_with(args.input.output.as_deref(), |out| report::render_claims(&extraction.claims, format, out))?;
    if !global.quiet {
        note(&pipeline::timing(&extraction, elapsed));
    }
    Ok(status(&[], FailOn::Never, args.input.strict, &extraction))
}

#[cfg(test)]
mod tests {
    use super::*;
    use claim::{ConflictKind, Stance};
    use compare::Side;

    fn conflict(severity: Severity, fingerprint: &str) -> Conflict {
        let side = |actor: &str, stance| Side {
            actor: actor.into(),
            actor_name: actor.into(),
            stance,
            value: None,
            evidence: Vec::new(),
            evidence_omitted: 0,
        };
        Conflict {
            kind: ConflictKind::OpposedStance,
            severity,
            fingerprint: fingerprint.into(),
            proposition: None,
            frame: None,
            event: None,
            actors: vec!["MRK".into(), "VLD".into()],
            message: "VLD denies what MRK asserts".into(),
            confidence: 1.0,
            sides: vec![side("MRK", Stance::Assert), side("VLD", Stance::Deny)],
        }
    }

    #[test]
    fn fail_on_thresholds() {
        let clean = Extraction::default();
        let warning = [conflict(Severity::Warning, "a")];
        assert_eq!(status(&warning, FailOn::Error, false, &clean), Status::Ok);
        assert_eq!(status(&warning, FailOn::Warning, false, &clean), Status::Conflicts);
        assert_eq!(status(&warning, FailOn::Note, false, &clean), Status::Conflicts);
        assert_eq!(status(&warning, FailOn::Never, false, &clean), Status::Ok);
        let error = [conflict(Severity::Error, "b")];
        assert_eq!(status(&error, FailOn::Error, false, &clean), Status::Conflicts);
        assert_eq!(status(&[], FailOn::Note, false, &clean), Status::Ok);
    }

    #[test]
    fn strict_turns_input_problems_into_exit_2() {
        let mut troubled = Extraction { documents: 1, ..Extraction::default() };
        troubled.diagnostics.push(parse::Diagnostic::skipped("a.txt", "binary file"));
        assert_eq!(status(&[], FailOn::Error, true, &troubled), Status::Usage);
        assert_eq!(status(&[], FailOn::Error, false, &troubled), Status::Ok);
        let error = [conflict(Severity::Error, "b")];
        assert_eq!(status(&error, FailOn::Error, true, &troubled), Status::Usage);
        troubled.documents = 0;
        assert_eq!(status(&[], FailOn::Error, false, &troubled), Status::Usage, "nothing readable");
    }

    #[test]
    fn baseline_round_trip_hides_what_it_lists() {
        let conflicts = [conflict(Severity::Error, "f2"), conflict(Severity::Warning, "f1")];
        let text = baseline_text(&conflicts);
        assert!(text.starts_with("# claimcheck baseline"));
        let listed = parse_baseline(&text);
        assert_eq!(listed.into_iter().collect::<Vec<_>>(), ["f1", "f2"]);
        let listed = parse_baseline("f1\n\n  # comment\n");
        let kept: Vec<&Conflict> = conflicts.iter().filter(|c| !listed.contains(&c.fingerprint)).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].fingerprint, "f2");
    }
}
