//! Which files a run reads and which conflicts documents accept: .gitignore, .ignore,
//! --exclude, config `exclude:`, --no-ignore, files of other types counted; inline
//! `claimcheck-ignore` suppressions and the unused ones reported.

use crate::{claimcheck, root, run, tempdir, write};
use std::path::Path;

fn json_value(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A copy of the Selva corpus in `dir`.
fn copy_corpus(dir: &Path) {
    for entry in std::fs::read_dir(root().join("tests/corpus/selva")).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}"));
        write(&dir.join(entry.file_name()), &text);
    }
}

fn files_read(dir: &Path, extra: &[&str]) -> (Vec<String>, serde_json::Value) {
    let (_, stdout, stderr) = run(claimcheck().args(["claims", "--format", "jsonl"]).arg(dir).args(extra));
    let paths: Vec<String> =
        stdout.lines().map(|l| json_value(l)["evidence"]["path"].as_str().unwrap_or("").to_owned()).collect();
    let (_, report, _) =
        run(claimcheck().args(["check", "--format", "json", "--fail-on", "never"]).arg(dir).args(extra));
    let _ = stderr;
    (paths, json_value(&report))
}

#[test]
fn folders_are_walked_with_gitignore_ignore_exclude_and_other_types_counted() {
    let dir = tempdir();
    let d = dir.path();
    let line = "Merkland said Valdorian army units breached the Selva dam.\n";
    for name in ["kept.txt", "drafts/draft.txt", "private/secret.md", "old/old.txt", ".hidden.txt"] {
        write(&d.join(name), line);
    }
    write(&d.join("photo.png"), "not text");
    write(&d.join("notes.pdf"), "not text");
    write(&d.join(".gitignore"), "drafts/\n");
    write(&d.join(".ignore"), "private/\n");
    let (paths, report) = files_read(d, &["--exclude", "old/"]);
    let read: Vec<&str> = paths.iter().map(|p| p.rsplit('/').next().unwrap_or("")).collect();
    assert_eq!(read, ["kept.txt"], "{paths:?}");
    assert_eq!(report["summary"]["unsupported"], 2, "{report}");
    // --no-ignore reads what .gitignore, .ignore and hidden names leave out; --exclude still holds.
    let (paths, _) = files_read(d, &["--no-ignore", "--exclude", "old/"]);
    assert_eq!(paths.len(), 4, "{paths:?}");
    // A bad glob is a usage error naming it.
    let (code, _, stderr) = run(claimcheck().args(["check", "--exclude", "a[", "--fail-on", "never"]).arg(d));
    assert_eq!(code, 2);
    assert!(stderr.contains("exclude pattern `a[`"), "{stderr}");
}

#[test]
fn config_exclude_leaves_paths_out() {
    let dir = tempdir();
    let d = dir.path();
    write(&d.join("docs/a.txt"), "Merkland said Valdorian army units breached the Selva dam.\n");
    write(&d.join("docs/archive/b.txt"), "Merkland said Valdorian army units breached the Selva dam.\n");
    write(
        &d.join("claimcheck.yaml"),
        &format!("rules: [{}]\ndefault-rules: false\nexclude: [archive/]\n", root().join("tests/rules").display()),
    );
    let (code, stdout, stderr) = run(assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"))
        .current_dir(d)
        .args(["--quiet", "claims", "docs", "--format", "csv"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("a.txt") && !stdout.contains("b.txt"), "{stdout}");
}

#[test]
fn an_inline_suppression_hides_the_conflicts_of_its_document_and_unused_ones_are_reported() {
    let dir = tempdir();
    let d = dir.path();
    copy_corpus(d);
    let (code, stdout, _) = run(claimcheck().args(["check", "--format", "json"]).arg(d));
    assert_eq!(code, 1);
    let before = json_value(&stdout)["summary"]["conflicts"].as_u64().unwrap_or(0);
    // The Northwind Wire article accepts its opposed stance; the value mismatch stays.
    let wire = d.join("northwind-wire.md");
    let text = std::fs::read_to_string(&wire).unwrap_or_default();
    write(
        &wire,
        &format!("{text}\n<!-- claimcheck-ignore opposed-stance -->\n<!-- claimcheck-ignore self-contradiction -->\n"),
    );
    let (_, stdout, stderr) = run(claimcheck().args(["check", "--format", "json", "--fail-on", "never"]).arg(d));
    let report = json_value(&stdout);
    let kinds: Vec<&str> =
        report["conflicts"].as_array().into_iter().flatten().filter_map(|c| c["kind"].as_str()).collect();
    assert!(!kinds.contains(&"opposed-stance"), "{kinds:?}");
    assert!(kinds.contains(&"value-mismatch"), "{kinds:?}");
    assert_eq!(report["summary"]["suppressed"].as_u64().unwrap_or(0) + kinds.len() as u64, before);
    assert!(
        stderr.contains("northwind-wire.md:") && stderr.contains("warning: unused suppression (`self-contradiction`)"),
        "{stderr}"
    );
    assert!(!stderr.contains("unused suppression (`opposed-stance`)"), "{stderr}");
    // Front matter `claimcheck: ignore` hides every kind with evidence in the document.
    write(&wire, &text.replacen("---\n", "---\nclaimcheck: ignore\n", 1));
    let (_, stdout, stderr) = run(claimcheck().args(["check", "--format", "json", "--fail-on", "never"]).arg(d));
    let report = json_value(&stdout);
    let paths: Vec<&str> = report["conflicts"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["sides"].as_array().into_iter().flatten())
        .flat_map(|s| s["evidence"].as_array().into_iter().flatten())
        .filter_map(|e| e["path"].as_str())
        .collect();
    assert!(!paths.iter().any(|p| p.ends_with("northwind-wire.md")), "{paths:?}");
    assert!(!stderr.contains("unused"), "{stderr}");
}
