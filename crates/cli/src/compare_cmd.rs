//! `claimcheck compare`: conflicts from claims JSON Lines written by `claims --format jsonl`,
//! possibly by other processes on other machines.

use crate::args::CompareArgs;
use crate::check::{Gate, report_conflicts, severity_status};
use crate::config::Config;
use crate::output::{emit_with, note};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result};
use std::io::BufReader;

/// Runs `compare`: reads every claims file (a bad line is reported with its place and
/// skipped), compares, and reports as `check` does.
pub fn compare(args: &CompareArgs) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let rules = config.pack_plan(&args.rules).load()?;
    let pool = pipeline::pool(args.jobs.jobs)?;
    let gate = Gate::of(&args.report, args.output.as_deref(), &config)?;
    // Claims go into a compact store a batch at a time: millions of claims are never all
    // held as owned records.
    let mut builder = compare::ClaimStoreBuilder::new();
    let mut skipped = Vec::new();
    for path in &args.files {
        let (_, errors) = if path.as_os_str() == "-" {
            pool.install(|| compare::read_claims_jsonl_into(std::io::stdin().lock(), &mut builder))
        } else {
            let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            pool.install(|| compare::read_claims_jsonl_into(BufReader::new(file), &mut builder))
        };
        for e in errors {
            let place = format!("{}:{}", path.display(), e.line);
            note(&format!("{place}: skipped: {}; expected one claim as JSON", e.message));
            skipped.push(report::Skipped { path: place, reason: e.message });
        }
    }
    let store = pool.install(|| builder.finish());
    let mut summary = report::Summary {
        files: args.files.len(),
        documents: store.documents(),
        claims: store.len(),
        skipped: skipped.clone(),
        ..report::Summary::default()
    };
    let findings = pool.install(|| compare::compare_store(&store, rules.checks()));
    let status = if report::streams(gate.format) && gate.baseline.is_none() && gate.write_baseline.is_none() {
        // Nothing to take out of the report: each conflict is made from the store as it is
        // written, a window at a time, so millions of claims never become all their records.
        summary.count_severities(findings.severities());
        let conflicts = Stored { store: &store, findings: &findings };
        pool.install(|| {
            emit_with(gate.output, |out| {
                report::render_streamed(&summary, &conflicts, gate.format, out).unwrap_or(Ok(()))
            })
        })?;
        severity_status(findings.severities(), gate.fail_on)
    } else {
        let comparison = pool.install(|| findings.comparison(&store));
        drop(findings);
        drop(store);
        // Claims read from JSON Lines carry no document text to hold suppressions.
        let conflicts = report_conflicts(&rules, comparison, summary, &mut [], &gate, args.color.choice(), &pool)?;
        gate.status(&conflicts)
    };
    if args.strict && !skipped.is_empty() {
        return Ok(Status::Usage);
    }
    Ok(status)
}

/// The conflicts of a comparison, made from the claim store as a report writes them.
struct Stored<'s, 'a> {
    store: &'s compare::ClaimStore<'a>,
    findings: &'s compare::Findings,
}

impl report::Conflicts for Stored<'_, '_> {
    fn count(&self) -> usize {
        self.findings.conflicts()
    }

    fn conflict(&self, index: usize) -> Option<std::borrow::Cow<'_, compare::Conflict>> {
        self.findings.conflict(self.store, index).map(std::borrow::Cow::Owned)
    }
}
