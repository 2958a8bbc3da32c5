//! `claimcheck explain FILE | --text "…"`.

use crate::args::{ExplainArgs, ExplainFormat};
use crate::config::Config;
use crate::output::{emit, note};
use crate::pipeline;
use crate::status::Status;
use anyhow::{Result, bail};
use parse::{Date, Document};

/// Runs `explain`.
pub fn explain(args: &ExplainArgs) -> Result<Status> {
    let cwd = pipeline::cwd()?;
    let config = Config::load(&args.rules, &cwd)?;
    let mut rules = config.pack_plan(&args.rules).load()?;
    rules.set_fast(args.fast.fast);
    let published = match &args.published {
        Some(text) => match Date::parse_published(text) {
            Some(date) => Some(date),
            None => bail!("--published {text}: expected a date such as 2017-04-13"),
        },
        None => None,
    };
    let (documents, path) = match (&args.text, &args.file) {
        (Some(text), _) => (vec![Document::from_text("text", text.clone())], "<text>".to_owned()),
        (None, Some(file)) => {
            let (documents, diagnostics) = pipeline::read_one(file, config.file.lossy.unwrap_or(false))?;
            for diagnostic in &diagnostics {
                note(&diagnostic.to_string());
            }
            if documents.is_empty() {
                bail!("{}: nothing to explain", file.display());
            }
            (documents, file.display().to_string())
        }
        (None, None) => bail!("give a FILE or --text"),
    };
    let explanations: Vec<claim::Explanation> = documents
        .into_iter()
        .map(|mut document| {
            if published.is_some() {
                document.published = published;
            }
            rules.explain(&parse::parse(&document))
        })
        .collect();
    let mut bytes = Vec::new();
    match args.format {
        ExplainFormat::Text => {
            for explanation in &explanations {
                report::render_explanation(explanation, &path, &mut bytes)?;
            }
        }
        ExplainFormat::Json => report::render_explanation_json(&explanations, &mut bytes)?,
    }
    emit(&bytes, None)?;
    Ok(Status::Ok)
}
