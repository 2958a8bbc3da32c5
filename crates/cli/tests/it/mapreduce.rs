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

/// `compare --format json` writes its conflicts one window at a time from the claim store;
/// they must be those `check` holds and writes whole, and the exit status the same.
#[test]
fn a_json_report_written_from_the_store_is_the_one_check_writes() {
    let dir = tempdir();
    let claims = dir.path().join("claims.jsonl");
    let (code, _, stderr) = run(bare().args(["claims", "corpus/", "--format", "jsonl", "-o"]).arg(&claims));
    assert_eq!(code, 0, "{stderr}");
    let (checked, check_json, stderr) = run(bare().args(["check", "corpus/", "--format", "json", "--fail-on", "note"]));
    assert_eq!(checked, 1, "{stderr}");
    let (compared, compare_json, stderr) =
        run(bare().arg("compare").arg(&claims).args(["--format", "json", "--fail-on", "note"]));
    assert_eq!(compared, checked, "{stderr}");
    let parse = |text: &str| -> serde_json::Value { serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}")) };
    let (check_json, compare_json) = (parse(&check_json), parse(&compare_json));
    assert_eq!(compare_json["conflicts"], check_json["conflicts"]);
    for count in ["conflicts", "errors", "warnings", "notes"] {
        assert_eq!(compare_json["summary"][count], check_json["summary"][count], "{count}");
    }
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

/// A JSON Lines corpus piped in shards (`--stdin-name`), each padded with blank lines to its
/// first line as the Spark job does, yields the claims of one run over the file, byte for
/// byte: same path, record numbers, lines and default document ids.
#[test]
fn piped_shards_named_as_their_file_give_the_claims_of_the_file() {
    let dir = tempdir();
    let mut records = Vec::new();
    for entry in std::fs::read_dir(root().join("corpus/syria-2017")).unwrap_or_else(|e| panic!("{e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().is_some_and(|e| e == "md") {
            records.push(path);
        }
    }
    records.sort();
    // Article bodies as records, without ids (so ids default to `path#line`), and a blank
    // line in the middle.
    let mut lines: Vec<String> = records
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let body = text.rsplit("---").next().unwrap_or_default();
            serde_json::json!({ "source": "Wire", "text": body }).to_string()
        })
        .collect();
    lines.insert(lines.len() / 2, String::new());
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
    let name = corpus.display().to_string();

    let (code, whole, stderr) = run(bare().args(["claims", &name, "--format", "jsonl"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(whole.lines().count() >= 5, "the articles hold claims: {whole}");

    let cut = lines.len() / 2 + 1;
    let mut sharded = String::new();
    for (skip, shard) in [(0, &lines[..cut]), (cut, &lines[cut..])] {
        let input = "\n".repeat(skip) + &shard.join("\n") + "\n";
        let (code, out, stderr) =
            run(bare().args(["claims", "-", "--stdin-name", &name, "--format", "jsonl"]).write_stdin(input));
        assert_eq!(code, 0, "{stderr}");
        sharded.push_str(&out);
    }
    assert_eq!(sharded, whole);
}
