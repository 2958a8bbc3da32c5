//! `claimcheck eval`: the tool scored against gold annotations.

use crate::args::{EvalArgs, EvalFormat, Global};
use crate::config::Config;
use crate::output::{emit, note};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result};
use std::path::Path;

/// Runs `eval`: extracts claims from the documents the gold lists (only those, so notes
/// beside the corpus add nothing), compares them, scores, and checks the floors.
pub fn eval(args: &EvalArgs, global: &Global) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(global, &cwd)?;
    let rules = pipeline::load_rules(&config.pack_paths(global, &cwd))?;
    let gold = eval::Gold::load(&args.gold)?;
    let floor = args.floor.as_deref().map(eval::Floor::load).transpose()?;
    let root = match &args.corpus {
        Some(root) => root.clone(),
        None => args.gold.parent().map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf),
    };
    let pool = pipeline::pool(global.jobs)?;
    let input = pipeline::input_config(None, false, &config)?;
    let (claims, diagnostics) = pool.install(|| eval::read_corpus(&rules, &gold, &root, &input));
    for d in &diagnostics {
        note(&d.to_string());
    }
    let comparison = pool.install(|| compare::compare(&claims, rules.checks()));
    let scores = eval::score(&gold, &root, &claims, &comparison);
    let mut bytes = Vec::new();
    match args.format {
        EvalFormat::Text => scores.write_text(&mut bytes)?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut bytes, &scores).context("cannot write scores")?;
            bytes.push(b'\n');
        }
    }
    emit(&bytes, None)?;
    let below = floor.map(|f| scores.below(&f)).unwrap_or_default();
    for line in &below {
        note(&format!("below floor: {line}"));
    }
    Ok(if below.is_empty() { Status::Ok } else { Status::Conflicts })
}
