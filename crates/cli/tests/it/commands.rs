//! The other commands: rules, init, completions, config, broken pipes.

use crate::{claimcheck, root, run, tempdir, write};
use assert_cmd::Command;
use std::io::Read;
use std::process::Stdio;

fn bare() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
}

#[test]
fn rules_check_lists_what_loaded() {
    let (code, stdout, _) = run(claimcheck().args(["rules", "check"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn rules_list() {
    let (code, stdout, _) = run(claimcheck().args(["rules", "list"]));
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn rules_test_passes_on_the_test_pack() {
    let (code, stdout, _) = run(claimcheck().args(["rules", "test", "tests/rules"]));
    assert_eq!(code, 0, "{stdout}");
    insta::assert_snapshot!(stdout);
}

#[test]
fn rules_test_fails_with_a_diff_and_exit_1() {
    let dir = tempdir();
    write(
        &dir.path().join("wrong.test.yaml"),
        "tests:\n  - name: wrong actor\n    text: Merkland said Valdorian army units breached the Selva dam.\n    \
         claims:\n      - {actor: VLD, stance: assert, proposition: selva/dam-breached-by-army}\n    \
         not_claims:\n      - {actor: MRK}\n",
    );
    let (code, stdout, _) = run(claimcheck().args(["rules", "test"]).arg(dir.path()));
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("FAIL"), "{stdout}");
    assert!(stdout.contains("  - expected VLD assert selva/dam-breached-by-army"), "{stdout}");
    assert!(stdout.contains("  + unexpected MRK assert selva/dam-breached-by-army"), "{stdout}");
    assert!(stdout.contains("0 passed, 1 failed"), "{stdout}");
}

#[test]
fn rules_test_reports_a_malformed_fixture_with_exit_2() {
    let dir = tempdir();
    write(&dir.path().join("bad.test.yaml"), "tests:\n  - name: x\n    txt: typo\n");
    let (code, _, stderr) = run(claimcheck().args(["rules", "test"]).arg(dir.path()));
    assert_eq!(code, 2);
    assert!(stderr.contains("bad.test.yaml:"), "{stderr}");
}

#[test]
fn init_writes_a_working_starter_and_refuses_to_overwrite() {
    let dir = tempdir();
    let (code, stdout, _) = run(bare().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 0, "{stdout}");
    assert!(dir.path().join("claimcheck.yaml").is_file());
    // The config written points at the starter pack; its fixtures pass.
    let (code, stdout, stderr) = run(bare().current_dir(dir.path()).args(["rules", "test"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("2 passed, 0 failed"), "{stdout}");
    let (code, _, stderr) = run(bare().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 2);
    assert!(stderr.contains("exists; not overwriting"), "{stderr}");
}

#[test]
fn config_is_found_upward_and_flags_override_it() {
    let dir = tempdir();
    let rules = root().join("tests/rules");
    write(
        &dir.path().join("claimcheck.yaml"),
        &format!("rules: [{}]\ndefault-rules: false\nformat: json\nfail-on: never\n", rules.display()),
    );
    let corpus = root().join("tests/corpus/selva");
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap_or_else(|e| panic!("{e}"));
    let (code, stdout, stderr) = run(bare().current_dir(&nested).arg("check").arg(&corpus));
    assert_eq!(code, 0, "config fail-on never: {stderr}");
    assert!(stdout.trim_start().starts_with('{'), "config format json: {stdout}");
    let (code, stdout, _) =
        run(bare().current_dir(&nested).args(["check", "--format", "markdown", "--fail-on", "error"]).arg(&corpus));
    assert!(stdout.starts_with("## claimcheck"), "the flag wins: {stdout}");
    assert_eq!(code, 1, "the flag wins over the config's fail-on");
}

#[test]
fn rules_list_sources_names_the_config_and_where_each_pack_comes_from() {
    let dir = tempdir();
    write(&dir.path().join("claimcheck.yaml"), "rules: [extra]\n");
    write(
        &dir.path().join("extra/mine.yaml"),
        "actors:\n  - {id: VLD, name: Valdoria, kind: state, aliases: [Valdoria]}\n",
    );
    write(
        &dir.path().join("flagged.yaml"),
        "actors:\n  - {id: MRK, name: Merkland, kind: state, aliases: [Merkland]}\n",
    );
    let (code, stdout, stderr) =
        run(bare().current_dir(dir.path()).args(["rules", "list", "--sources", "--rules", "flagged.yaml"]));
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("config    {}", dir.path().join("claimcheck.yaml").display()), "{stdout}");
    assert!(lines.contains(&"built-in  <built-in>/cues.yaml"), "{stdout}");
    assert!(lines.iter().any(|l| l.starts_with("config    ") && l.ends_with("mine.yaml")), "{stdout}");
    assert_eq!(lines.last(), Some(&"--rules   flagged.yaml"), "{stdout}");
    // `default-rules: false` leaves the built-in packs out, and says so.
    write(&dir.path().join("claimcheck.yaml"), "rules: [extra]\ndefault-rules: false\n");
    let (code, stdout, _) = run(bare().current_dir(dir.path()).args(["rules", "list", "--sources"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("built-in  (off)") && !stdout.contains("<built-in>/"), "{stdout}");
}

#[test]
fn a_typo_in_a_config_key_gets_a_suggestion() {
    let dir = tempdir();
    write(&dir.path().join("claimcheck.yaml"), "default-rule: false\n");
    let (code, _, stderr) = run(bare().current_dir(dir.path()).args(["rules", "list"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("claimcheck.yaml:1:1: error: unknown field `default-rule`"), "{stderr}");
    assert!(stderr.contains("help: did you mean `default-rules`?"), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "printed once: {stderr}");
}

#[test]
fn bad_config_is_exit_2_with_its_place() {
    let dir = tempdir();
    write(&dir.path().join("claimcheck.yaml"), "fail_on: error\n");
    let (code, _, stderr) = run(bare().current_dir(dir.path()).args(["rules", "list"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("claimcheck.yaml:1:1"), "{stderr}");
}

#[test]
fn completions_for_bash() {
    let (code, stdout, _) = run(bare().args(["completions", "bash"]));
    assert_eq!(code, 0);
    assert!(stdout.contains("claimcheck"));
    assert!(stdout.contains("--fail-on"));
}

#[test]
fn help_is_exit_0_and_names_the_commands() {
    let (code, stdout, _) = run(bare().arg("--help"));
    assert_eq!(code, 0);
    for command in ["check", "claims", "explain", "rules", "init", "completions"] {
        assert!(stdout.contains(command), "{command} missing from help");
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // Enough text that the ledger overflows the pipe buffer after the reader has gone.
    let dir = tempdir();
    let sentence = "Merkland said Valdorian army units breached the Selva dam.\n";
    write(&dir.path().join("long.txt"), &sentence.repeat(3000));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
        .current_dir(root())
        .args(["--no-config", "--no-default-rules", "--rules", "tests/rules", "--quiet", "claims"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_string(&mut stderr);
    }
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn eval_over_a_missing_input_is_exit_2_naming_it() {
    // A real-text slice in CI reads ../shared; without it the run must fail, not score zero.
    let dir = tempdir();
    let gold = dir.path().join("gold.yaml");
    write(&gold, "slice: fakes\ndocuments:\n  - document: \"101\"\n");
    let absent = dir.path().join("shared/data/fa-kes/articles.csv");
    let gold_arg = gold.to_string_lossy().into_owned();
    let absent_arg = absent.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(claimcheck().args([
        "eval",
        "--gold",
        &gold_arg,
        "--csv-map",
        "text=article_content,id=unit_id",
        &absent_arg,
    ]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("shared/data/fa-kes/articles.csv") && stderr.contains("does not exist"), "{stderr}");
}

#[test]
fn eval_scores_csv_rows_by_id_and_names_the_slice() {
    let dir = tempdir();
    let csv = dir.path().join("articles.csv");
    write(&csv, "unit_id,article_content,source\n7,\"The wire reported a quiet day.\",wire\n8,\"Nothing.\",wire\n");
    let gold = dir.path().join("gold.yaml");
    write(&gold, "slice: tiny\ndocuments:\n  - document: \"7\"\n");
    let gold_arg = gold.to_string_lossy().into_owned();
    let csv_arg = csv.to_string_lossy().into_owned();
    let (code, stdout, stderr) = run(claimcheck().args([
        "eval",
        "--gold",
        &gold_arg,
        "--csv-map",
        "text=article_content,source=source,id=unit_id",
        &csv_arg,
    ]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("slice tiny: scored 1 documents"), "{stdout}");
    // A listed id the CSV does not hold is an error naming it.
    write(&gold, "slice: tiny\ndocuments:\n  - document: \"9\"\n");
    let (code, _, stderr) =
        run(claimcheck().args(["eval", "--gold", &gold_arg, "--csv-map", "text=article_content,id=unit_id", &csv_arg]));
    assert_eq!(code, 2);
    assert!(stderr.contains("`9`"), "{stderr}");
}

#[test]
fn rules_test_names_the_line_of_a_failing_case_and_reports_todo_cases_without_failing() {
    let dir = tempdir();
    write(
        &dir.path().join("cases.test.yaml"),
        "tests:\n  - name: holds\n    text: Merkland said Valdorian army units breached the Selva dam.\n    \
         claims:\n      - {actor: MRK, stance: assert, proposition: selva/dam-breached-by-army}\n  \
         - name: a known failure\n    todo: true\n    text: Merkland said Valdorian army units breached the Selva dam.\n    \
         claims:\n      - {actor: VLD, stance: assert}\n",
    );
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "test"]).arg(dir.path()));
    assert_eq!(code, 0, "a todo case does not fail the run: {stdout}{stderr}");
    assert!(stdout.contains("cases.test.yaml:2 :: holds"), "{stdout}");
    assert!(stdout.contains("TODO ") && stdout.contains("cases.test.yaml:6 :: a known failure"), "{stdout}");
    assert!(stdout.contains("1 passed, 0 failed, 1 todo"), "{stdout}");
    let text = std::fs::read_to_string(dir.path().join("cases.test.yaml")).unwrap_or_default();
    write(&dir.path().join("cases.test.yaml"), &text.replace("    todo: true\n", ""));
    let (code, stdout, _) = run(claimcheck().args(["rules", "test"]).arg(dir.path()));
    assert_eq!(code, 1);
    assert!(stdout.contains("FAIL ") && stdout.contains("cases.test.yaml:6 :: a known failure"), "{stdout}");
}

#[test]
fn fixture_ids_are_checked_with_a_suggestion_by_rules_test_and_rules_check() {
    let dir = tempdir();
    let file = dir.path().join("typo.test.yaml");
    write(
        &file,
        "tests:\n  - name: typos\n    text: Merkland said Valdorian army units breached the Selva dam.\n    \
         claims:\n      - {actor: MRKL, stance: assert, proposition: selva/dam-breached-by-amry}\n    \
         not_claims:\n      - {actor: MKR}\n",
    );
    for command in ["test", "check"] {
        let (code, stdout, stderr) = run(claimcheck().args(["rules", command]).arg(&file));
        assert_eq!(code, 2, "rules {command}: {stdout}{stderr}");
        assert!(stderr.contains("typo.test.yaml:5:9: error: unknown actor `MRKL`"), "{stderr}");
        assert!(stderr.contains("help: did you mean `MRK`?"), "{stderr}");
        assert!(stderr.contains("unknown proposition `selva/dam-breached-by-amry`"), "{stderr}");
        assert!(stderr.contains("help: did you mean `selva/dam-breached-by-army`?"), "{stderr}");
        // Regression: two swapped letters of a three-letter id got no suggestion.
        assert!(stderr.contains("typo.test.yaml:7:9: error: unknown actor `MKR`"), "{stderr}");
        assert_eq!(stderr.matches("help: did you mean `MRK`?").count(), 2, "{stderr}");
    }
    // Speakers no pack holds are named by the documents, as `explain` writes them.
    write(
        &file,
        "tests:\n  - name: fine\n    text: Merkland said so.\n    claims:\n      - {actor: MRK}\n    \
         not_claims:\n      - {actor: \"name:ada-okafor\"}\n      - {actor: \"description:local-officials\"}\n",
    );
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "check"]).arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("typo.test.yaml (1 fixture cases)"), "{stdout}");
}

#[test]
fn eval_measures_a_cue_model_from_a_file_in_place_of_the_embedded_one() {
    let dir = tempdir();
    let text = "Ada Holm hopes that the ferry will keep running.\n";
    write(&dir.path().join("text/a.txt"), text);
    write(
        &dir.path().join("attributions/a_x.ann"),
        "T1\tSource 0 8\tAda Holm\nT2\tCue 9 14\thopes\nT3\tContent 20 47\tthe ferry will keep running\n\
         T4\tAttribution 9 14\thopes\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    );
    let split = dir.path().to_string_lossy().into_owned();
    let found = |model: &str| {
        let path = dir.path().join("cues.model");
        write(&path, model);
        let path = path.to_string_lossy().into_owned();
        let (code, stdout, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--cue-model", &path]));
        assert_eq!(code, 0, "{stdout}{stderr}");
        stdout.lines().find(|l| l.starts_with("overlap")).map(|l| l.split_whitespace().nth(2).map(str::to_owned))
    };
    // A model that takes "hopes" finds the attribution; one that knows no word does not.
    assert_eq!(found("threshold\t0\nv\thopes\nw\tbias\t1\n"), Some(Some("1".to_owned())));
    assert_eq!(found("threshold\t0\n"), Some(Some("0".to_owned())));
    // A trainer's file opens with a header of `#` lines.
    assert_eq!(found("# trained\n# on train\nthreshold\t0\nv\thopes\nw\tbias\t1\n"), Some(Some("1".to_owned())));
    // A file that holds no model is an error naming it, not a model deciding nothing.
    let (code, _, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--veto-model", &split]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
    let empty = dir.path().join("empty.model");
    write(&empty, "# nothing\n");
    let empty = empty.to_string_lossy().into_owned();
    let (code, _, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--veto-model", &empty]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no model"), "{stderr}");
    // A line that does not parse is named by line and column, not skipped.
    let bad = dir.path().join("bad.model");
    write(&bad, "threshold\t0\nw\tbias\tone\n");
    let bad = bad.to_string_lossy().into_owned();
    let (code, _, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--cue-model", &bad]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("line 2, column 8: expected a weight"), "{stderr}");
}

#[test]
fn eval_reads_a_syntax_model_from_a_file_in_place_of_the_embedded_one() {
    let dir = tempdir();
    write(&dir.path().join("text/a.txt"), "Ada Holm said that the ferry will keep running.\n");
    write(
        &dir.path().join("attributions/a_x.ann"),
        "T1\tSource 0 8\tAda Holm\nT2\tCue 9 13\tsaid\nT3\tContent 19 46\tthe ferry will keep running\n\
         T4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
    );
    let split = dir.path().to_string_lossy().into_owned();
    let embedded = concat!(env!("CARGO_MANIFEST_DIR"), "/../syntax/model/en.model");
    let (code, plain, stderr) = run(claimcheck().args(["eval", "--polnear", &split]));
    assert_eq!(code, 0, "{stderr}");
    let (code, from_file, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--syntax-model", embedded]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plain, from_file, "the embedded model read from its file reads the same");
    // A file that holds no syntax model is an error naming it.
    let bad = dir.path().join("bad.model");
    write(&bad, "CCSYNTX9 not a model\n");
    let bad = bad.to_string_lossy().into_owned();
    let (code, _, stderr) = run(claimcheck().args(["eval", "--polnear", &split, "--syntax-model", &bad]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bad.model") && stderr.contains("syntax model"), "{stderr}");
}
