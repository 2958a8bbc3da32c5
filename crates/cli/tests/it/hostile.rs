//! The hostile-input suite (issue 8): inputs meant to break a reader. Each gets a message
//! naming the file and what is wrong, the run stays bounded, and the rest of the corpus is
//! still checked. Large inputs are generated here; small ones live in `tests/hostile/`.

use crate::{claimcheck, root, run, tempdir, write};
use std::path::Path;

const GOOD: &str = "Merkland's foreign ministry said Valdorian army units breached the Selva dam.\n";

/// A corpus folder with one readable document beside `hostile`.
fn corpus_with(dir: &Path, name: &str, hostile: &[u8]) {
    write(&dir.join("corpus/good.txt"), GOOD);
    let path = dir.join("corpus").join(name);
    std::fs::write(&path, hostile).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn check_json(dir: &Path) -> (i32, serde_json::Value, String) {
    let corpus = dir.join("corpus");
    let (code, stdout, stderr) =
        run(claimcheck().args(["check", "--format", "json"]).arg(&corpus).arg("--fail-on").arg("never"));
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, report, stderr)
}

#[test]
fn a_single_line_of_300_mb_is_read_in_bounded_memory() {
    let dir = tempdir();
    let words = ["lorem", "ipsum", "river", "stone", "window", "market", "quietly", "seven"];
    let mut line = String::with_capacity(300 << 20);
    let mut k = 0usize;
    while line.len() < 300 << 20 {
        line.push_str(words[k % words.len()]);
        line.push(' ');
        k = k.wrapping_mul(31).wrapping_add(7) % 1_000_003;
    }
    corpus_with(dir.path(), "one-line.txt", line.as_bytes());
    drop(line);
    let (code, report, stderr) = check_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["summary"]["documents"], 2, "both documents checked: {stderr}");
}

#[test]
fn nested_and_unbalanced_quotes_are_read() {
    let dir = tempdir();
    let nested = "\u{201c}".repeat(100_000) + "Valdoria denied it" + &"\u{201d}".repeat(100_000);
    corpus_with(dir.path(), "nested.txt", nested.as_bytes());
    let unbalanced: String = (0..20_000).map(|i| if i % 3 == 0 { "\" said " } else { "word \u{201d} ' " }).collect();
    write(&dir.path().join("corpus/unbalanced.txt"), &unbalanced);
    let (code, report, stderr) = check_json(dir.path());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(report["summary"]["documents"], 3);
}

#[test]
fn binary_and_invalid_utf8_are_skipped_by_name_and_the_rest_checked() {
    let dir = tempdir();
    corpus_with(dir.path(), "binary.txt", b"text\0\x01\x02 more");
    write(&dir.path().join("corpus/empty.txt"), "");
    std::fs::write(dir.path().join("corpus/latin1.md"), b"---\nsource: x\n---\ncaf\xe9 au lait\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (code, report, stderr) = check_json(dir.path());
    assert_eq!(code, 0, "without --strict the run goes on: {stderr}");
    assert!(stderr.contains("binary.txt:1:5: skipped: binary file"), "{stderr}");
    assert!(stderr.contains("latin1.md:4:4: skipped: invalid UTF-8"), "{stderr}");
    let skipped: Vec<String> = report["summary"]["skipped"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["path"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(skipped.len(), 3, "binary, empty and latin-1 are each listed: {skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("empty.txt")), "{skipped:?}");
    assert!(report["summary"]["documents"].as_u64().is_some_and(|n| n >= 1), "good.txt was checked");
}

#[test]
fn a_yaml_alias_bomb_is_refused_with_its_place() {
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "check", "tests/hostile/alias-bomb.yaml"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("tests/hostile/alias-bomb.yaml:"), "names the file: {all}");
    assert!(all.to_lowercase().contains("alias"), "says what is wrong: {all}");
}

#[test]
fn deeply_nested_yaml_is_refused_with_its_place() {
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "check", "tests/hostile/deep-nesting.yaml"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("tests/hostile/deep-nesting.yaml:"), "names the file: {all}");
    assert!(all.to_lowercase().contains("nest"), "says what is wrong: {all}");
}

/// A rule author who reaches for a regex (the classic catastrophic `(a+)+$`) gets an
/// unknown-field error at its place, and as a frame pattern an error that says patterns are
/// words; a text built to blow up a matcher (long runs, a number in every slot, eight gaps in one
/// pattern: once exponential, 17 s a sentence) runs in time linear in the text.
#[test]
fn a_rule_regex_is_refused_and_gap_patterns_run_in_linear_time() {
    let dir = tempdir();
    let regex_pack = dir.path().join("regex.yaml");
    write(
        &regex_pack,
        "frames:\n  - id: x/deaths\n    quantity: people killed\n    about: {all: [[flood]]}\n    regex: \"(a+)+$\"\n",
    );
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "check"]).arg(&regex_pack));
    assert_eq!(code, 2, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("regex.yaml:5:5"), "names the file, line and column: {all}");
    assert!(all.contains("regex"), "names the field: {all}");

    let selva = std::fs::read_to_string(root().join("tests/rules/selva.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let patterns = r#"patterns: ["killed {N}", "{N} ... died", "death toll ... {N}"]"#;
    assert!(selva.contains(patterns), "the test pack's frame patterns changed; update this test");
    let rules = dir.path().join("rules.yaml");
    write(&rules, &selva.replace(patterns, r#"patterns: ["(a+)+$ {N}"]"#));
    let (code, stdout, stderr) = run(claimcheck().args(["rules", "check", "--no-default-rules"]).arg(&rules));
    assert_eq!(code, 2, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("rules.yaml:") && all.contains("`(a+)+$` in pattern"), "a pattern is words: {all}");

    write(
        &rules,
        &selva.replace(
            patterns,
            r#"patterns: ["{N} ... ... ... ... ... ... ... ... died", "killed ... ... ... ... ... ... {N}"]"#,
        ),
    );
    let evil =
        format!("The Selva dam flood killed {} {}!\n(a+)+$ 12 Selva dam flood.\n", "a".repeat(1_100), "7 ".repeat(40));
    write(&dir.path().join("corpus/evil.txt"), &evil.repeat(200));
    // Only this pack: the test pack `claimcheck()` names would define every id twice.
    let (code, stdout, stderr) = run(crate::bare_default()
        .args(["claims", "--format", "jsonl", "--no-default-rules", "--rules"])
        .arg(&rules)
        .arg(dir.path().join("corpus")));
    assert_eq!(code, 0, "{stderr}");
    let values = stdout.lines().filter(|l| l.contains(r#""raw":"7""#)).count();
    assert_eq!(values, 200, "every evil sentence read, its toll found through the gaps: {stderr}");
}

#[test]
fn a_directory_symlink_loop_and_an_unreadable_path_do_not_stop_the_run() {
    let dir = tempdir();
    write(&dir.path().join("corpus/a/good.txt"), GOOD);
    std::os::unix::fs::symlink(dir.path().join("corpus"), dir.path().join("corpus/a/loop"))
        .unwrap_or_else(|e| panic!("symlink: {e}"));
    let missing = dir.path().join("no-such-file.txt");
    let (code, stdout, stderr) =
        run(claimcheck().args(["check", "--format", "json"]).arg(dir.path().join("corpus")).arg(&missing));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("loop"), "the loop is named: {stderr}");
    assert!(stderr.contains("no-such-file.txt"), "the missing path is named: {stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(report["summary"]["documents"], 1);
}

#[test]
fn the_hostile_folder_is_in_the_repository() {
    assert!(root().join("tests/hostile/README.md").is_file());
}
