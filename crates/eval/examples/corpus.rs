//! Scores the default packs on the bundled corpus and writes the report, until the CLI's
//! `claimcheck eval` is wired: `cargo run -p eval --example corpus [-- --json | --claims]`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("corpus");
    let json = std::env::args().any(|a| a == "--json");
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let gold = match eval::Gold::load(&corpus.join("gold.yaml")) {
        Ok(gold) => gold,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(2);
        }
    };
    let packs = match pack::load_packs(&[root.join("rules")]) {
        Ok(packs) => packs,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(2);
        }
    };
    let Ok(rules) = extract::RuleSet::compile(&packs) else {
        let _ = writeln!(err, "error: default packs do not compile");
        return ExitCode::from(2);
    };
    let (claims, diagnostics) = eval::read_corpus(&rules, &gold, &corpus, &parse::input::InputConfig::default());
    for d in &diagnostics {
        let _ = writeln!(err, "{d:?}");
    }
    if std::env::args().any(|a| a == "--claims") {
        for c in &claims {
            let _ = writeln!(out, "{}:{} {}", c.evidence.path, c.evidence.line, claim::text::describe(c));
        }
        return ExitCode::SUCCESS;
    }
    let comparison = compare::compare(&claims, rules.checks());
    let scores = eval::score(&gold, &corpus, &claims, &comparison);
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &scores).map_err(std::io::Error::other).and_then(|()| writeln!(out))
    } else {
        scores.write_text(&mut out)
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    let below = eval::Floor::load(&corpus.join("eval-floor.yaml")).map(|f| scores.below(&f)).unwrap_or_default();
    for line in &below {
        let _ = writeln!(err, "below floor: {line}");
    }
    if below.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
