//! `claimcheck check` and `claimcheck claims`: the main job and the ledger.

use crate::args::{CheckArgs, ClaimsArgs, ColorChoice, FailOn, ReportArgs};
use crate::baseline::{self, Baseline};
use crate::config::Config;
use crate::output::{emit_with, note, plural, use_color, write_atomic};
use crate::pipeline;
use crate::status::Status;
use crate::suppress::{self, Collector, Suppression};
use anyhow::Result;
use claim::Severity;
use compare::Conflict;
use extract::RuleSet;
use extract::pipeline::Extraction;
use std::collections::BTreeSet;
use std::path::Path;

/// Runs `check`.
pub fn check(args: &CheckArgs) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let mut rules = config.pack_plan(&args.rules).load()?;
    rules.set_fast(args.fast.fast);
    let pool = pipeline::pool(args.jobs.jobs)?;
    let gate = Gate::of(&args.report, args.input.output.as_deref(), &config)?;
    let collector = Collector::default();
    let (extraction, elapsed) =
        pipeline::extract(&args.input, &config, args.quiet.quiet, &rules, &pool, Some(&collector))?;
    let summary = pipeline::summary(&extraction);
    let (mut suppressions, warnings) = collector.finish();
    for warning in warnings {
        note(&warning);
    }
    let comparison = pool.install(|| compare::compare(&extraction.claims, rules.checks()));
    let conflicts =
        report_conflicts(&rules, comparison, summary, &mut suppressions, &gate, args.color.choice(), &pool)?;
    if !args.quiet.quiet {
        note(&pipeline::timing(&extraction, elapsed));
    }
    Ok(status(&conflicts, &gate, args.input.strict, &extraction))
}

/// How a conflict report is written and gated: the options `check` and `compare` share.
pub struct Gate<'a> {
    /// Report format.
    pub format: report::Format,
    /// Where the report goes (stdout when `None`).
    pub output: Option<&'a Path>,
    /// Exit 1 at or above this.
    pub fail_on: FailOn,
    /// Conflicts to hide, read before the run so a bad file fails fast.
    pub baseline: Option<Baseline>,
    /// Where to write the fingerprints found.
    pub write_baseline: Option<&'a Path>,
    /// Most bytes of a Markdown report.
    pub max_bytes: usize,
}

impl<'a> Gate<'a> {
    /// The gate of the report flags and the output path, the config filling in what they
    /// leave out.
    pub fn of(flags: &'a ReportArgs, output: Option<&'a Path>, config: &'a Config) -> Result<Gate<'a>> {
        let baseline = match flags.baseline.as_deref().or(config.file.baseline.as_deref()) {
            Some(path) => Some(Baseline::read(path)?),
            None => None,
        };
        Ok(Gate {
            format: flags.format.or(config.file.format).unwrap_or(report::Format::Text),
            output,
            fail_on: flags.fail_on.or(config.file.fail_on).unwrap_or(FailOn::Error),
            baseline,
            write_baseline: flags.write_baseline.as_deref(),
            max_bytes: flags.max_bytes,
        })
    }

    /// The exit status for the conflicts reported: writing a baseline accepts them all.
    pub fn status(&self, conflicts: &[Conflict]) -> Status {
        if self.write_baseline.is_some() { Status::Ok } else { gate_status(conflicts, self.fail_on) }
    }
}

/// Applies suppressions and the baseline to what `compare` found, renders the report and
/// writes it; returns the conflicts reported (baselined ones left out) for the exit status.
pub fn report_conflicts(
    rules: &RuleSet,
    mut comparison: compare::Comparison,
    mut summary: report::Summary,
    suppressions: &mut [Suppression],
    gate: &Gate<'_>,
    color: ColorChoice,
    pool: &rayon::ThreadPool,
) -> Result<Vec<Conflict>> {
    summary.suppressed = suppress::apply(&mut comparison.conflicts, suppressions);
    for warning in suppress::unused(suppressions) {
        note(&warning);
    }
    if let Some(path) = gate.write_baseline {
        write_atomic(path, baseline::text(&comparison.conflicts).as_bytes())?;
        note(&format!("wrote {} ({})", path.display(), plural(comparison.conflicts.len(), "conflict")));
    }
    if let Some(baseline) = &gate.baseline {
        let found: BTreeSet<&str> = comparison.conflicts.iter().map(|c| c.fingerprint.as_str()).collect();
        let stale = baseline.stale(&found);
        summary.baseline_stale = stale.len();
        if !stale.is_empty() {
            let mut text = format!(
                "note: {} no longer found; remove {} from {} (or rewrite it with --write-baseline):",
                plural(stale.len(), "baselined conflict"),
                if stale.len() == 1 { "it" } else { "them" },
                baseline.path.display()
            );
            for entry in &stale {
                text.push_str(&format!(
                    "\n  {}:{}: {}  # {}",
                    baseline.path.display(),
                    entry.line,
                    entry.fingerprint,
                    entry.note
                ));
            }
            note(&text);
        }
        let before = comparison.conflicts.len();
        comparison.conflicts.retain(|c| !baseline.contains(&c.fingerprint));
        summary.baselined = before - comparison.conflicts.len();
    }
    summary.count_conflicts(&comparison.conflicts);
    let style = report::Style {
        color: gate.format == report::Format::Text && use_color(color, gate.output.is_some()),
        max_bytes: gate.max_bytes,
    };
    let report = report::Report { summary, comparison, subjects: subjects(rules) };
    // JSON reports serialise their conflicts in parallel: in the run's pool, so `--jobs` holds.
    pool.install(|| emit_with(gate.output, |out| report::render(&report, gate.format, style, out)))?;
    Ok(report.comparison.conflicts)
}

/// The exit status: 2 when any input had a problem under `--strict`, or when no input
/// could be read; else 1 when a conflict is at or above `fail_on`; else 0.
pub fn status(conflicts: &[Conflict], gate: &Gate<'_>, strict: bool, extraction: &Extraction) -> Status {
    if input_failed(strict, extraction) {
        return Status::Usage;
    }
    gate.status(conflicts)
}

/// Under --strict any input problem fails; without it only a run that could read nothing at
/// all does, since then the report says nothing.
fn input_failed(strict: bool, extraction: &Extraction) -> bool {
    !extraction.diagnostics.is_empty() && (strict || extraction.documents == 0)
}

/// 1 when a conflict is at or above `fail_on`, else 0.
pub fn gate_status(conflicts: &[Conflict], fail_on: FailOn) -> Status {
    severity_status(conflicts.iter().map(|c| c.severity), fail_on)
}

/// 1 when one of `severities` is at or above `fail_on`, else 0.
pub fn severity_status(mut severities: impl Iterator<Item = Severity>, fail_on: FailOn) -> Status {
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Note => Some(Severity::Note),
        FailOn::Never => None,
    };
    match threshold {
        Some(threshold) if severities.any(|s| s >= threshold) => Status::Conflicts,
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

/// Runs `claims`.
pub fn claims(args: &ClaimsArgs) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let mut rules = config.pack_plan(&args.rules).load()?;
    rules.set_fast(args.fast.fast);
    let pool = pipeline::pool(args.jobs.jobs)?;
    let (extraction, elapsed) = pipeline::extract(&args.input, &config, args.quiet.quiet, &rules, &pool, None)?;
    let format = args.format;
    emit_with(args.input.output.as_deref(), |out| report::render_claims(&extraction.claims, format, out))?;
    if !args.quiet.quiet {
        note(&pipeline::timing(&extraction, elapsed));
    }
    Ok(if input_failed(args.input.strict, &extraction) { Status::Usage } else { Status::Ok })
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
        let warning = [conflict(Severity::Warning, "a")];
        assert_eq!(gate_status(&warning, FailOn::Error), Status::Ok);
        assert_eq!(gate_status(&warning, FailOn::Warning), Status::Conflicts);
        assert_eq!(gate_status(&warning, FailOn::Note), Status::Conflicts);
        assert_eq!(gate_status(&warning, FailOn::Never), Status::Ok);
        let error = [conflict(Severity::Error, "b")];
        assert_eq!(gate_status(&error, FailOn::Error), Status::Conflicts);
        assert_eq!(gate_status(&[], FailOn::Note), Status::Ok);
    }

    #[test]
    fn strict_turns_input_problems_into_exit_2() {
        let mut troubled = Extraction { documents: 1, ..Extraction::default() };
        troubled.diagnostics.push(parse::Diagnostic::skipped("a.txt", "binary file"));
        assert!(input_failed(true, &troubled));
        assert!(!input_failed(false, &troubled));
        troubled.documents = 0;
        assert!(input_failed(false, &troubled), "nothing readable");
        assert!(!input_failed(true, &Extraction { documents: 1, ..Extraction::default() }));
    }
}
