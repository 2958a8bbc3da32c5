//! `check` behaviour: exit codes, determinism across thread counts, atomic output,
//! `--strict`, baselines and input problems.

use crate::{claimcheck, root, run, tempdir, write};

const CORPUS: &str = "tests/corpus/selva";

#[test]
fn exit_1_on_conflicts_at_or_above_fail_on_else_0() {
    // The corpus holds two error-level conflicts (an opposed stance, a death-toll mismatch).
    let (code, _, _) = run(claimcheck().args(["check", CORPUS, "--fail-on", "error"]));
    assert_eq!(code, 1);
    let (code, _, _) = run(claimcheck().args(["check", CORPUS]));
    assert_eq!(code, 1, "error is the default threshold");
    let (code, _, _) = run(claimcheck().args(["check", CORPUS, "--fail-on", "never"]));
    assert_eq!(code, 0);
    let (code, _, _) = run(claimcheck().args(["check", "tests/corpus/selva/harbor-ledger.txt"]));
    assert_eq!(code, 0, "one side alone conflicts with nothing");
}

#[test]
fn exit_2_on_bad_usage() {
    let (code, _, stderr) = run(claimcheck().args(["check", CORPUS, "--format", "yaml"]));
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = run(claimcheck().args(["check"]));
    assert_eq!(code, 2, "no PATH");
    let (code, _, _) = run(claimcheck().args(["check", CORPUS, "--jobs", "0"]));
    assert_eq!(code, 2, "--jobs 0");
}

#[test]
fn exit_2_on_a_broken_pack_naming_file_line_column() {
    let dir = tempdir();
    write(&dir.path().join("bad.yaml"), "propositions:\n  - id: x\n    statement: [unclosed\n");
    let (code, stdout, stderr) = run(claimcheck().arg("--rules").arg(dir.path()).args(["check", CORPUS]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "no report on a rule error: {stdout}");
    assert!(stderr.contains("bad.yaml:"), "{stderr}");
    // Each pack error once, with one `error:` (it used to be printed twice, the second time
    // as `error: path: error: …`).
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("bad.yaml:")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(stderr.trim_end().ends_with("1 error in rule packs"), "{stderr}");
}

#[test]
fn exit_2_when_the_default_packs_are_off_and_no_pack_is_named() {
    let dir = tempdir();
    write(&dir.path().join("a.txt"), "Merkland said the dam held.\n");
    let (code, _, stderr) = run(assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
        .current_dir(dir.path())
        .args(["--no-config", "--no-default-rules", "check", "."]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no rule packs"), "{stderr}");
}

/// An article of the bundled corpus, copied into an empty folder with no config and no
/// packs: the built-in packs find its conflicts, and a `rules/` folder lying above (here one
/// of another tool's, not a pack) is not loaded.
#[test]
fn the_built_in_packs_work_from_an_empty_folder() {
    let dir = tempdir();
    write(&dir.path().join("rules/semgrep.yaml"), "rules:\n  - id: not-a-claimcheck-pack\n");
    let work = dir.path().join("work");
    let article = root().join("corpus/syria-2017/03-novaya-vest-depot.md");
    let text = std::fs::read_to_string(&article).unwrap_or_else(|e| panic!("{e}"));
    let more = std::fs::read_to_string(root().join("corpus/syria-2017/04-harbor-white-house-blames.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    write(&work.join("article.md"), &text);
    write(&work.join("other.md"), &more);
    let (code, stdout, stderr) = run(assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
        .current_dir(&work)
        .args(["--quiet", "check", ".", "--format", "json"]));
    assert_eq!(code, 1, "conflicts found: {stdout}{stderr}");
    assert!(stdout.contains("opposed-stance"), "{stdout}");
}

#[test]
fn exit_2_when_no_input_can_be_read() {
    let (code, _, stderr) = run(claimcheck().args(["check", "tests/corpus/no-such-folder"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-folder: skipped: no such file or directory"), "{stderr}");
}

#[test]
fn unreadable_documents_are_listed_and_the_rest_is_checked() {
    let (code, stdout, stderr) = run(claimcheck().args(["check", "tests/corpus/broken", "--format", "json"]));
    assert_eq!(code, 0, "without --strict a partial failure reports and continues: {stderr}");
    assert!(stderr.contains("binary.txt:1:9: skipped: binary file"), "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    let skipped = report["summary"]["skipped"].as_array().cloned().unwrap_or_default();
    let paths: Vec<&str> = skipped.iter().filter_map(|s| s["path"].as_str()).collect();
    assert_eq!(paths, ["tests/corpus/broken/binary.txt:1:9", "tests/corpus/broken/latin1.txt:1:15"]);
    assert_eq!(report["summary"]["documents"], 1, "readable.txt was checked");
}

#[test]
fn strict_makes_input_problems_exit_2_after_the_run() {
    let (code, stdout, _) = run(claimcheck().args(["check", "tests/corpus/broken", "--strict"]));
    assert_eq!(code, 2);
    assert!(stdout.contains("skipped: tests/corpus/broken/binary.txt"), "the report is still written: {stdout}");
    let (code, _, _) = run(claimcheck().args(["check", CORPUS, "--strict", "--fail-on", "never"]));
    assert_eq!(code, 0, "a clean corpus passes --strict");
}

#[test]
fn lossy_reads_invalid_utf8() {
    let (code, stdout, stderr) =
        run(claimcheck().args(["check", "tests/corpus/broken", "--lossy", "--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["summary"]["input_warnings"], 1);
}

#[test]
fn jobs_1_and_4_give_the_same_bytes() {
    for (command, format) in [("check", "json"), ("check", "text"), ("check", "sarif"), ("claims", "jsonl")] {
        let one = run(claimcheck().args(["--jobs", "1", command, CORPUS, "tests/corpus/broken", "--format", format]));
        let four = run(claimcheck().args(["--jobs", "4", command, CORPUS, "tests/corpus/broken", "--format", format]));
        assert_eq!(one.1, four.1, "{command} --format {format}");
        assert!(!one.1.is_empty());
    }
}

#[test]
fn input_order_and_repeats_do_not_change_the_report() {
    let forward = run(claimcheck().args(["claims", "tests/corpus/selva", "tests/corpus/broken", "--format", "jsonl"]));
    let backward = run(claimcheck().args([
        "claims",
        "tests/corpus/broken",
        "tests/corpus/selva/quay-post.jsonl",
        "tests/corpus/selva",
        "--format",
        "jsonl",
    ]));
    assert_eq!(forward.0, 0);
    assert_eq!(forward.1, backward.1);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempdir();
    let out = dir.path().join("report.json");
    let (code, stdout, _) = run(claimcheck().args(["check", CORPUS, "--format", "json", "--output"]).arg(&out));
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(text.contains("\"schema_version\": 1"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["report.json"], "no temporary file left behind");
}

#[test]
fn failed_run_leaves_no_partial_output_and_keeps_the_old_file() {
    let dir = tempdir();
    write(&dir.path().join("rules/bad.yaml"), "actors: {not: a list}\n");
    let fresh = dir.path().join("fresh.json");
    let (code, _, _) =
        run(claimcheck().arg("--rules").arg(dir.path().join("rules")).args(["check", CORPUS, "-o"]).arg(&fresh));
    assert_eq!(code, 2);
    assert!(!fresh.exists(), "no report file on error");
    let old = dir.path().join("old.json");
    write(&old, "previous report\n");
    let (code, _, _) =
        run(claimcheck().arg("--rules").arg(dir.path().join("rules")).args(["check", CORPUS, "-o"]).arg(&old));
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(&old).unwrap_or_default(), "previous report\n");
}

#[test]
fn output_into_a_missing_folder_is_exit_2() {
    let dir = tempdir();
    let out = dir.path().join("no/such/folder/report.json");
    let (code, _, stderr) = run(claimcheck().args(["check", CORPUS, "-o"]).arg(&out));
    assert_eq!(code, 2);
    assert!(stderr.contains("error:"), "{stderr}");
}

#[test]
fn baselines_are_written_and_read() {
    let dir = tempdir();
    let baseline = dir.path().join("baseline.txt");
    let (code, _, _) = run(claimcheck().args(["check", CORPUS, "--write-baseline"]).arg(&baseline));
    assert_eq!(code, 0, "writing a baseline accepts what it found (it exited 1)");
    let text = std::fs::read_to_string(&baseline).unwrap_or_default();
    assert!(text.starts_with("# claimcheck baseline"), "{text}");
    assert_eq!(text.lines().filter(|l| !l.starts_with('#')).count(), 2, "{text}");
    let (code, stdout, _) = run(claimcheck().args(["check", CORPUS, "--format", "json", "--baseline"]).arg(&baseline));
    assert_eq!(code, 0, "every conflict is baselined");
    assert!(stdout.contains("\"baselined\": 2"), "{stdout}");
    let (code, _, stderr) = run(claimcheck().args(["check", CORPUS, "--baseline", "no-such-baseline.txt"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read baseline"), "{stderr}");
}

#[test]
fn standard_input_is_read_with_dash() {
    let (code, stdout, _) = run(claimcheck()
        .args(["claims", "-", "--format", "csv"])
        .write_stdin("Merkland said Valdorian army units breached the Selva dam.\n"));
    assert_eq!(code, 0);
    assert!(stdout.contains("MRK"), "{stdout}");
    assert!(stdout.contains("selva/dam-breached-by-army"), "{stdout}");
}

#[test]
fn an_empty_corpus_is_not_an_error() {
    let dir = tempdir();
    let (code, stdout, stderr) = run(claimcheck().arg("check").arg(dir.path()).arg("--no-default-rules"));
    assert_eq!(code, 0);
    assert!(stdout.contains("0 conflicts in 0 documents"), "{stdout}");
    assert!(stderr.contains("no input documents found"), "{stderr}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let (_, plain, _) = run(claimcheck().args(["check", CORPUS]));
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    let (_, forced, _) = run(claimcheck().args(["--color", "always", "check", CORPUS]));
    assert!(forced.contains('\u{1b}'), "--color always colours: {forced}");
    let (_, no_color, _) = run(claimcheck().env("NO_COLOR", "1").args(["check", CORPUS]));
    assert!(!no_color.contains('\u{1b}'));
}

#[cfg(unix)]
#[test]
fn a_folder_symlink_loop_is_reported_and_the_rest_is_checked() {
    let dir = tempdir();
    write(&dir.path().join("corpus/a.txt"), "Merkland said Valdorian army units breached the Selva dam.\n");
    std::os::unix::fs::symlink(dir.path().join("corpus"), dir.path().join("corpus/loop"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));
    let (code, stdout, stderr) =
        run(claimcheck().arg("check").arg(dir.path().join("corpus")).args(["--format", "json"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("loop"), "the loop is named: {stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report["summary"]["documents"], 1);
    assert_eq!(report["summary"]["claims"], 1);
}

/// `--fast` parses fewer sentences; on this corpus, whose claims all come from listed cues,
/// it reports the same conflicts, and `claims` and `eval` take it too.
#[test]
fn fast_reading_finds_the_listed_cues_conflicts() {
    let (code, full, _) = run(claimcheck().args(["check", CORPUS, "--format", "json"]));
    assert_eq!(code, 1);
    let (code, fast, stderr) = run(claimcheck().args(["check", CORPUS, "--format", "json", "--fast"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(full, fast);
    let (code, _, stderr) = run(claimcheck().args(["claims", CORPUS, "--fast"]));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(claimcheck().args(["explain", "--fast", "--text", "Ada Holm said the ferry runs."]));
    assert_eq!(code, 0, "{stderr}");
}
