//! Extraction and comparison split like a map and a reduce (issue 7): `claims --format
//! jsonl` over shards, then `compare` over the merged claims, reports the same conflicts,
//! byte for byte, as one `check` over the whole corpus.

use crate::{root, run, tempdir};
use assert_cmd::Command;

/// `claimcheck` with the default packs of the repository and no config.
fn bare() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"));
    cmd.current_dir(root()).env_remove("NO_COLOR").args(["--no-config", "--quiet"]);
    cmd
}

/// The conflict records of a `--format jsonl` report: every line but the summary.
fn conflict_lines(report: &str) -> Vec<&str> {
    report.lines().filter(|l| !l.starts_with("{\"type\":\"summary\"")).collect()
}

#[test]
fn sharded_claims_compare_to_the_same_conflicts_as_one_check() {
    let (code, whole, stderr) = run(bare().args(["check", "corpus/", "--format", "jsonl", "--fail-on", "never"]));
    assert_eq!(code, 0, "{stderr}");
    let whole = conflict_lines(&whole);
    assert!(whole.len() >= 10, "the bundled corpus has conflicts: {}", whole.len());

    let dir = tempdir();
    // Shards in an order unlike the corpus order, each numbered from zero by its own run.
    let mut files = Vec::new();
    for (i, shard) in ["corpus/skripal-2018", "corpus/syria-2017", "corpus/mh17"].iter().enumerate() {
        let out = dir.path().join(format!("claims-{i}.jsonl"));
        let (code, _, stderr) = run(bare().args(["claims", shard, "--format", "jsonl", "-o"]).arg(&out));
        assert_eq!(code, 0, "{shard}: {stderr}");
        files.push(out);
    }
    let (code, reduced, stderr) =
        run(bare().arg("compare").args(&files).args(["--format", "jsonl", "--fail-on", "never"]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(conflict_lines(&reduced), whole);

    // The same through standard input, all shards concatenated.
    let all: String = files.iter().map(|f| std::fs::read_to_string(f).unwrap_or_default()).collect();
    let (_, piped, _) = run(bare().args(["compare", "-", "--format", "jsonl", "--fail-on", "never"]).write_stdin(all));
    assert_eq!(conflict_lines(&piped), whole);
}

#[test]
fn a_bad_claims_line_is_named_and_the_rest_compared() {
    let dir = tempdir();
    let good = dir.path().join("claims.jsonl");
    let (code, _, stderr) = run(bare().args(["claims", "corpus/syria-2017", "--format", "jsonl", "-o"]).arg(&good));
    assert_eq!(code, 0, "{stderr}");
    let mut text = std::fs::read_to_string(&good).unwrap_or_default();
    text.insert_str(0, "{\"not\": \"a claim\"}\n");
    std::fs::write(&good, text).unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = run(bare().arg("compare").arg(&good).args(["--format", "json", "--fail-on", "never"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("claims.jsonl:1: skipped:"), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(report["conflicts"].as_array().is_some_and(|c| !c.is_empty()));
    let (code, _, _) = run(bare().arg("compare").arg(&good).args(["--strict", "--fail-on", "never"]));
    assert_eq!(code, 2, "--strict turns a bad line into exit 2");
}
