//! `claimcheck compare`: conflicts from claims JSON Lines written by `claims --format jsonl`,
//! possibly by other processes on other machines.

use crate::args::CompareArgs;
use crate::check::{Gate, report_conflicts};
use crate::config::Config;
use crate::output::note;
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
    let summary = report::Summary {
        files: args.files.len(),
        documents: store.documents(),
        claims: store.len(),
        skipped: skipped.clone(),
        ..report::Summary::default()
    };
    let comparison = pool.install(|| {
        let findings = compare::compare_store(&store, rules.checks());
        findings.comparison(&store)
    });
    drop(store);
    // Claims read from JSON Lines carry no document text to hold suppressions.
    let conflicts = report_conflicts(&rules, comparison, summary, &mut [], &gate, args.color.choice(), &pool)?;
    if args.strict && !skipped.is_empty() {
        return Ok(Status::Usage);
    }
    Ok(gate.status(&conflicts))
}
