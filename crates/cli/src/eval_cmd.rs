//! `claimcheck eval`: the tool scored against gold annotations.

use crate::args::{EvalArgs, EvalFormat};
use crate::config::Config;
use crate::output::{emit, note};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::path::Path;

/// Runs `eval`: extracts claims from the documents the gold lists (only those, so notes
/// beside the corpus add nothing), compares them, scores, and checks the floors.
pub fn eval(args: &EvalArgs) -> Result<Status> {
    install_models(args)?;
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let mut rules = config.pack_plan(&args.rules).load()?;
    rules.set_fast(args.fast.fast);
    let pool = pipeline::pool(args.jobs.jobs)?;
    let Some(gold_path) = &args.gold else {
        let Some(dir) = &args.polnear else { bail!("give --gold FILE or --polnear DIR") };
        return polnear(&rules, dir, args, &pool);
    };
    let gold = eval::Gold::load(gold_path)?;
    let floor = args.floor.as_deref().map(eval::Floor::load).transpose()?;
    let inputs = if args.inputs.is_empty() {
        vec![gold_path.parent().map_or_else(|| Path::new(".").to_path_buf(), Path::to_path_buf)]
    } else {
        args.inputs.clone()
    };
    // Paths in the gold are relative to the first folder given; ids need no root.
    let root = inputs.iter().find(|p| p.is_dir()).cloned().unwrap_or_else(|| Path::new(".").to_path_buf());
    let input_config = pipeline::input_config(args.csv_map.as_deref(), args.lossy, None, &config)?;
    let (claims, diagnostics) = pool.install(|| eval::read_inputs(&rules, &gold, &inputs, &input_config))?;
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

/// `--cue-model`, `--veto-model`, `--syntax-model`: trained models read from files in place
/// of the embedded ones, before anything uses them ([`eval::models::install`]).
fn install_models(args: &EvalArgs) -> Result<()> {
    let (syntax, cues, veto) = (args.syntax_model.as_deref(), args.cue_model.as_deref(), args.veto_model.as_deref());
    Ok(eval::models::install(syntax, cues, veto)?)
}

/// `eval --polnear DIR`: every attribution of each article against one annotator's.
fn polnear(rules: &extract::RuleSet, dir: &Path, args: &EvalArgs, pool: &rayon::ThreadPool) -> Result<Status> {
    let articles = eval::polnear::load(dir)?;
    let floor = args.floor.as_deref().map(eval::polnear::PolnearFloor::load).transpose()?;
    let found: Vec<Vec<eval::polnear::Found>> = pool.install(|| {
        articles
            .par_iter()
            .enumerate()
            .map(|(i, a)| {
                let document = a.document(i);
                let parsed = parse::parse(&document);
                rules.attributions(&parsed).iter().map(eval::polnear::Found::from_record).collect()
            })
            .collect()
    });
    let listed: Vec<Vec<parse::Span>> = articles.iter().map(|a| rules.cue_spans(&a.text)).collect();
    let scores = eval::polnear::score(&articles, &found, &listed);
    let mut bytes = Vec::new();
    match args.format {
        EvalFormat::Text => scores.write_text(&mut bytes, args.errors)?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut bytes, &scores).context("cannot write scores")?;
            bytes.push(b'\n');
        }
    }
    emit(&bytes, None)?;
    let below = floor.map(|f| f.below(&scores)).unwrap_or_default();
    for line in &below {
        note(&format!("below floor: {line}"));
    }
    Ok(if below.is_empty() { Status::Ok } else { Status::Conflicts })
}
