//! `claimcheck compare`: conflicts from claims JSON Lines written by `claims --format jsonl`,
//! possibly by other processes on other machines.

use crate::args::CompareArgs;
use crate::check::{Gate, report_conflicts};
use crate::config::Config;
use crate::output::note;
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::io::BufReader;

/// Runs `compare`: reads every claims file (a bad line is reported with its place and
/// skipped), compares, and reports as `check` does.
pub fn compare(args: &CompareArgs) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let rules = config.pack_plan(&args.rules).load()?;
    let pool = pipeline::pool(args.jobs.jobs)?;
    let gate = Gate::of(&args.report, args.output.as_deref(), &config)?;
    let mut claims = Vec::new();
    let mut skipped = Vec::new();
    for path in &args.files {
        let (read, errors) = if path.as_os_str() == "-" {
            pool.install(|| compare::read_claims_jsonl(std::io::stdin().lock()))
        } else {
            let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            pool.install(|| compare::read_claims_jsonl(BufReader::new(file)))
        };
        claims.extend(read);
        for e in errors {
            let place = format!("{}:{}", path.display(), e.line);
            note(&format!("{place}: skipped: {}; expected one claim as JSON", e.message));
            skipped.push(report::Skipped { path: place, reason: e.message });
        }
    }
    let documents: BTreeSet<(&str, u32)> =
        claims.iter().map(|c| (c.evidence.path.as_str(), c.evidence.ordinal.record)).collect();
    let summary = report::Summary {
        files: args.files.len(),
        documents: documents.len(),
        claims: claims.len(),
        skipped: skipped.clone(),
        ..report::Summary::default()
    };
    // Claims read from JSON Lines carry no document text to hold suppressions.
    let conflicts = report_conflicts(&rules, &claims, summary, &mut [], &gate, args.color.choice(), &pool)?;
    if args.strict && !skipped.is_empty() {
        return Ok(Status::Usage);
    }
    Ok(gate.status(&conflicts))
}
