//! What CI reads: baselines that hold when evidence changes, SARIF shaped for code scanning,
//! GitHub annotations and Markdown within GitHub's limits, the concise format, file modes.

use crate::{claimcheck, root, run, tempdir, write};
use std::path::Path;

const CORPUS: &str = "tests/corpus/selva";

fn json_value(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A copy of the Selva corpus in `dir/corpus`.
fn copy_corpus(dir: &Path) {
    for entry in std::fs::read_dir(root().join(CORPUS)).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        write(&dir.join("corpus").join(entry.file_name()), &text);
    }
}

/// Runs `claimcheck` with the test pack under `sh -c 'umask UMASK; exec …'`, in `dir`.
fn under_umask(umask: &str, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let bin = assert_cmd::cargo::cargo_bin!("claimcheck");
    let rules = root().join("tests/rules");
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.current_dir(dir)
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(bin)
        .args(["--no-config", "--no-default-rules", "--quiet", "--rules"])
        .arg(&rules)
        .args(args);
    run(&mut cmd)
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or_else(|e| panic!("{e}"))
}

/// Regression: the fingerprint hashed the evidence, so one more article repeating a known
/// position brought a baselined conflict back.
#[test]
fn a_baseline_holds_when_evidence_is_added_moved_or_removed() {
    let dir = tempdir();
    copy_corpus(dir.path());
    let (code, _, stderr) = under_umask("022", dir.path(), &["check", "corpus", "--write-baseline", "baseline"]);
    assert_eq!(code, 0, "writing a baseline exits 0: {stderr}");
    let baseline = std::fs::read_to_string(dir.path().join("baseline")).unwrap_or_default();
    let entries = baseline.lines().filter(|l| !l.starts_with('#')).count();
    assert!(entries >= 2, "{baseline}");
    let hidden = |dir: &Path| {
        let (code, stdout, stderr) =
            under_umask("022", dir, &["check", "corpus", "--baseline", "baseline", "-f", "json"]);
        let report = json_value(&stdout);
        (code, report["summary"]["conflicts"].as_u64(), report["summary"]["baselined"].as_u64(), stderr)
    };
    assert_eq!(hidden(dir.path()).0, 0);
    // Added: one more article repeating both sides; moved: the first article pushed down.
    write(
        &dir.path().join("corpus/extra.txt"),
        "Ostburg said again that Valdorian army units breached the Selva dam.\n\n\
         Valdoria again denied that its army breached the Selva dam.\n",
    );
    let ledger = dir.path().join("corpus/harbor-ledger.txt");
    let text = std::fs::read_to_string(&ledger).unwrap_or_default();
    write(&ledger, &format!("An introduction.\n\nAnother paragraph first.\n\n{text}"));
    let (code, conflicts, baselined, stderr) = hidden(dir.path());
    assert_eq!((code, conflicts), (0, Some(0)), "still hidden after adding and moving: {stderr}");
    assert!(baselined >= Some(2));
    assert!(!stderr.contains("no longer found"), "{stderr}");
    // Removed: the added article goes again, and a line of evidence with it.
    std::fs::remove_file(dir.path().join("corpus/extra.txt")).unwrap_or_else(|e| panic!("{e}"));
    let (code, conflicts, _, stderr) = hidden(dir.path());
    assert_eq!((code, conflicts), (0, Some(0)), "{stderr}");
}

#[test]
fn stale_baseline_entries_are_counted_and_listed() {
    let dir = tempdir();
    copy_corpus(dir.path());
    let (code, _, _) = under_umask("022", dir.path(), &["check", "corpus", "--write-baseline", "baseline"]);
    assert_eq!(code, 0);
    let mut text = std::fs::read_to_string(dir.path().join("baseline")).unwrap_or_default();
    text.push_str("0123456789abcdef  # opposed-stance a conflict since fixed\n");
    write(&dir.path().join("baseline"), &text);
    let (code, stdout, stderr) = under_umask("022", dir.path(), &["check", "corpus", "--baseline", "baseline"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("note: 1 baselined conflict no longer found"), "{stderr}");
    assert!(stderr.contains("0123456789abcdef  # opposed-stance a conflict since fixed"), "{stderr}");
    assert!(stdout.contains("; 1 baselined conflict no longer found"), "{stdout}");
}

#[test]
fn a_malformed_baseline_is_a_located_error() {
    let dir = tempdir();
    copy_corpus(dir.path());
    write(&dir.path().join("baseline"), "# a comment\n0123456789abcdef\n  {\"not\": \"a baseline\"}\n");
    let (code, stdout, stderr) = under_umask("022", dir.path(), &["check", "corpus", "--baseline", "baseline"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("baseline:3:3: error: expected a conflict fingerprint"), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}

#[cfg(unix)]
#[test]
fn files_are_written_with_the_umask_permissions() {
    let dir = tempdir();
    copy_corpus(dir.path());
    let (code, _, stderr) = under_umask(
        "022",
        dir.path(),
        &["check", "corpus", "-o", "report.json", "-f", "json", "--write-baseline", "b"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(mode(&dir.path().join("report.json")), 0o644);
    assert_eq!(mode(&dir.path().join("b")), 0o644);
    let (_, _, _) = under_umask("077", dir.path(), &["check", "corpus", "-o", "private.json", "-f", "json"]);
    assert_eq!(mode(&dir.path().join("private.json")), 0o600);
}

fn check(format: &str) -> String {
    let (code, stdout, stderr) = run(claimcheck().args(["check", CORPUS, "--format", format]));
    assert_eq!(code, 1, "stderr: {stderr}");
    stdout
}

#[test]
fn sarif_has_one_result_per_conflict_located_at_the_first_side() {
    let sarif = json_value(&check("sarif"));
    let report = json_value(&check("json"));
    let conflicts = report["conflicts"].as_array().cloned().unwrap_or_default();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().cloned().unwrap_or_default();
    assert_eq!(results.len(), conflicts.len());
    let rules = run["tool"]["driver"]["rules"].as_array().cloned().unwrap_or_default();
    let rule_ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(rule_ids.contains(&"opposed-stance") && rule_ids.contains(&"value-mismatch"), "{rule_ids:?}");
    for rule in &rules {
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(rule["help"]["text"].is_string(), "{rule}");
        assert!(rule["properties"]["tags"].as_array().is_some_and(|t| !t.is_empty()), "{rule}");
    }
    for (result, conflict) in results.iter().zip(&conflicts) {
        assert_eq!(result["ruleId"], conflict["kind"]);
        assert_eq!(rule_ids[result["ruleIndex"].as_u64().unwrap_or(99) as usize], result["ruleId"]);
        assert_eq!(result["partialFingerprints"]["claimcheck/v2"], conflict["fingerprint"]);
        let locations = result["locations"].as_array().cloned().unwrap_or_default();
        assert_eq!(locations.len(), 1, "{result}");
        let sides = conflict["sides"].as_array().cloned().unwrap_or_default();
        let first = &sides[0]["evidence"][0];
        let region = &locations[0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], first["line"]);
        assert_eq!(region["startColumn"], first["column"]);
        for key in ["endLine", "endColumn"] {
            assert!(region[key].as_u64().is_some_and(|n| n >= 1), "{region}");
        }
        // Every other piece of evidence, of both sides, is a related location naming its side.
        let evidence: usize = sides.iter().map(|s| s["evidence"].as_array().map_or(0, Vec::len)).sum();
        let related = result["relatedLocations"].as_array().cloned().unwrap_or_default();
        assert_eq!(related.len(), evidence - 1, "{result}");
        let last_side = &sides[sides.len() - 1];
        let last_name = last_side["actor_name"].as_str().unwrap_or("?");
        assert!(
            related.iter().any(|r| r["message"]["text"].as_str().is_some_and(|m| m.contains(last_name))),
            "the other side ({last_name}) is among the related locations: {result}"
        );
    }
}

#[test]
fn github_annotations_are_capped_errors_first_with_a_count_of_the_rest() {
    let (code, stdout, stderr) = run(crate::bare_default().args(["check", "corpus/", "--format", "github"]));
    assert_eq!(code, 1, "{stderr}");
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 10, "{stdout}");
    let last = annotations[9];
    assert!(last.starts_with("::notice title=claimcheck::") && last.contains("more conflicts not annotated"), "{last}");
    let first_non_error = annotations.iter().position(|a| !a.starts_with("::error ")).unwrap_or(9);
    assert!(annotations[first_non_error..9].iter().all(|a| !a.starts_with("::error ")), "errors first: {stdout}");
}

#[test]
fn markdown_fits_a_pull_request_comment_on_the_bundled_corpus() {
    let (code, stdout, stderr) = run(crate::bare_default().args(["check", "corpus/", "--format", "markdown"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.len() <= 65_536, "{} bytes", stdout.len());
    assert!(stdout.contains("| kind | errors | warnings | notes |"), "a summary table");
    // Unlimited, the report is larger (112 KB before the limit existed); folded or not, the
    // default fits, and a small limit folds the rest into one line.
    let (_, full, _) =
        run(crate::bare_default().args(["check", "corpus/", "--format", "markdown", "--max-bytes", "100000000"]));
    assert_eq!(stdout.len() < full.len(), stdout.contains("more conflicts not shown here"), "{} bytes", full.len());
    let (_, small, _) =
        run(crate::bare_default().args(["check", "corpus/", "--format", "markdown", "--max-bytes", "5000"]));
    assert!(small.len() <= 5000, "{} bytes", small.len());
    assert!(small.contains("| `opposed-stance` |"), "{small}");
    assert!(small.contains("more conflicts not shown here"), "the rest folded: {small}");
}

#[test]
fn concise_is_one_line_per_conflict() {
    let text = check("concise");
    let report = json_value(&check("json"));
    let conflicts = report["conflicts"].as_array().cloned().unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), conflicts.len() + 1, "then the summary: {text}");
    for (line, conflict) in lines.iter().zip(&conflicts) {
        let e = &conflict["sides"][0]["evidence"][0];
        let kind = conflict["kind"].as_str().unwrap_or("?");
        let start = format!("{}:{}:{}: {kind}: ", e["path"].as_str().unwrap_or("?"), e["line"], e["column"]);
        assert!(line.starts_with(&start), "{line} / {start}");
    }
}

#[test]
fn help_has_headings_defaults_and_exit_codes() {
    let (code, help, _) = run(crate::bare_default().args(["check", "--help"]));
    assert_eq!(code, 0);
    for heading in ["Input:", "Rules:", "Output:", "Run:", "Exit status:"] {
        assert!(help.contains(heading), "{heading} in {help}");
    }
    assert!(help.contains("[default: text"), "{help}");
    assert!(help.contains("[default: error"), "{help}");
    assert!(help.contains("[default: 65536]"), "{help}");
    assert!(help.contains("--max-file-bytes"), "the flag an input message names exists: {help}");
}

/// Regression: every command's help listed --jobs, --rules, --color… whether it used them or not.
#[test]
fn each_help_lists_only_the_options_its_command_takes() {
    let help = |args: &[&str]| {
        let (code, help, stderr) = run(crate::bare_default().args(args).arg("--help"));
        assert_eq!(code, 0, "{stderr}");
        help
    };
    let takes = |help: &str, flag: &str| help.lines().any(|l| l.trim_start().split([',', ' ']).any(|w| w == flag));
    for (command, has, lacks) in [
        (&["check"][..], &["--jobs", "--quiet", "--color", "--rules", "--config"][..], &[][..]),
        (&["claims"], &["--jobs", "--quiet", "--rules"], &["--color", "--fail-on"]),
        (&["compare"], &["--jobs", "--color", "--rules"], &["--quiet"]),
        (&["eval"], &["--jobs", "--rules"], &["--quiet", "--color"]),
        (&["explain"], &["--rules", "--no-config"], &["--jobs", "--quiet", "--color"]),
        (&["rules", "test"], &["--rules", "--no-default-rules"], &["--jobs", "--quiet", "--color"]),
        (&["rules", "schema"], &[], &["--rules", "--config", "--jobs", "--quiet", "--color"]),
        (&["init"], &[], &["--rules", "--config", "--jobs", "--quiet", "--color"]),
        (&["completions"], &[], &["--rules", "--jobs", "--quiet"]),
    ] {
        let help = help(command);
        for flag in has {
            assert!(takes(&help, flag), "{command:?} --help lacks {flag}: {help}");
        }
        for flag in lacks {
            assert!(!takes(&help, flag), "{command:?} --help lists {flag}: {help}");
        }
    }
    assert!(help(&["eval"]).contains("Exit status:"));
    assert!(help(&["rules", "test"]).contains("1  a fixture case failed"));
}

/// Options written before the command still reach it; one the command would ignore is an
/// error rather than silently dropped.
#[test]
fn options_before_the_command_reach_it_or_are_refused() {
    let bin = || assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"));
    let mut before = bin();
    before.current_dir(root()).args(["--no-config", "--no-default-rules", "--rules", "tests/rules", "-j", "1"]);
    let (code, stdout, stderr) = run(before.args(["check", CORPUS, "-f", "concise", "-q"]));
    let mut after = bin();
    after.current_dir(root()).args(["check", CORPUS, "-f", "concise", "-q", "--no-config"]);
    let (code2, stdout2, _) = run(after.args(["--no-default-rules", "--rules", "tests/rules", "-j", "1"]));
    assert_eq!((code, &stdout), (code2, &stdout2), "{stderr}");
    assert!(!stdout.is_empty());
    for (lead, command) in [("--jobs=2", "explain"), ("--rules=tests/rules", "init"), ("--no-config", "completions")] {
        let (code, _, stderr) = run(bin().current_dir(root()).args([lead, command, "--help"]));
        assert_eq!(code, 0, "--help wins: {stderr}");
        let (code, _, stderr) = run(bin().current_dir(root()).args([lead, command, "bash"]));
        assert_eq!(code, 2, "{lead} {command}: {stderr}");
        assert!(stderr.contains(&format!("`claimcheck {command}`")), "{stderr}");
    }
}

/// The README's workflow as written, on a repository of text files with no packs and no
/// config of its own: it installs from where it checks claimcheck out, and its `claimcheck`
/// steps give code scanning a SARIF file and fail the job on error-level conflicts.
#[test]
fn the_readme_workflow_runs_on_a_repository_of_text_files() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap_or_else(|e| panic!("{e}"));
    let section = readme.split("\n## In CI\n").nth(1).unwrap_or_default();
    let yaml = section.split("```yaml\n").nth(1).and_then(|s| s.split("```").next()).unwrap_or_default();
    let workflow: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}: {yaml}"));
    let steps = workflow["jobs"]["check"]["steps"].as_sequence().cloned().unwrap_or_default();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    // claimcheck's source is a submodule of the repository, checked out with it.
    let checkout = steps.iter().find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/checkout@")));
    assert_eq!(checkout.map(|s| &s["with"]["submodules"]), Some(&serde_yaml::Value::Bool(true)), "{yaml}");
    let install = runs.iter().find(|r| r.starts_with("cargo install")).unwrap_or_else(|| panic!("{yaml}"));
    let crate_path = install.split("--path ").nth(1).and_then(|p| p.split_whitespace().next()).unwrap_or_default();
    let source = crate_path.strip_suffix("/crates/cli").unwrap_or_else(|| panic!("{install}"));
    assert!(root().join("crates/cli/Cargo.toml").is_file(), "the path is the binary's crate in a clone");
    assert!(section.contains("git submodule add ") && section.contains(&format!(" {source}`")), "{section}");
    let uploaded = steps.iter().find_map(|s| s["with"]["sarif_file"].as_str()).unwrap_or_default();
    // The steps that run claimcheck, in a repository of the Syria 2017 articles under docs/.
    let dir = tempdir();
    for entry in std::fs::read_dir(root().join("corpus/syria-2017")).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        write(&dir.path().join("docs").join(entry.file_name()), &text);
    }
    let bin = std::path::PathBuf::from(assert_cmd::cargo::cargo_bin!("claimcheck"));
    let path = format!(
        "{}:{}",
        bin.parent().map(|p| p.display().to_string()).unwrap_or_default(),
        std::env::var("PATH").unwrap_or_default()
    );
    let step = |command: &str| {
        let mut sh = assert_cmd::Command::new("sh");
        sh.current_dir(dir.path()).env("PATH", &path).env_remove("NO_COLOR").args(["-c", command]);
        run(&mut sh)
    };
    let checks: Vec<&&str> = runs.iter().filter(|r| r.starts_with("claimcheck ")).collect();
    assert_eq!(checks.len(), 2, "{yaml}");
    let (code, _, stderr) = step(checks[0]);
    assert_eq!(code, 0, "the SARIF step never fails the job: {stderr}");
    let sarif = std::fs::read_to_string(dir.path().join(uploaded)).unwrap_or_else(|e| panic!("{uploaded}: {e}"));
    let sarif = json_value(&sarif);
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["runs"][0]["results"].as_array().is_some_and(|r| !r.is_empty()), "the built-in packs find conflicts");
    let (code, stdout, stderr) = step(checks[1]);
    assert_eq!(code, 1, "error-level conflicts fail the job: {stderr}");
    assert!(stdout.lines().any(|l| l.starts_with("::error ")), "{stdout}");
}
