//! Renders a saved [`report::Report`] (JSON) in one format to standard output:
//! `cargo run -p report --example render -- crates/report/tests/data/sample-report.json html`.
//! Used by `tests/html-screenshot.sh` and the SARIF validation test while the comparator is
//! not wired.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(format)) = (args.get(1), args.get(2)) else {
        let _ = writeln!(std::io::stderr(), "usage: render REPORT.json FORMAT");
        return ExitCode::from(2);
    };
    let format = match format.as_str() {
        "text" => report::Format::Text,
        "concise" => report::Format::Concise,
        "json" => report::Format::Json,
        "jsonl" => report::Format::Jsonl,
        "sarif" => report::Format::Sarif,
        "junit" => report::Format::Junit,
        "github" => report::Format::Github,
        "markdown" => report::Format::Markdown,
        "html" => report::Format::Html,
        other => {
            let _ = writeln!(std::io::stderr(), "unknown format {other}");
            return ExitCode::from(2);
        }
    };
    let loaded = std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<report::Report>(&text).map_err(|e| e.to_string()));
    let mut report = match loaded {
        Ok(report) => report,
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "{path}: {err}");
            return ExitCode::from(2);
        }
    };
    let conflicts = std::mem::take(&mut report.comparison.conflicts);
    report.summary.count_conflicts(&conflicts);
    report.comparison.conflicts = conflicts;
    let mut out = Vec::new();
    if report::render(&report, format, report::Style::default(), &mut out).is_err() {
        return ExitCode::from(2);
    }
    match std::io::stdout().lock().write_all(&out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
