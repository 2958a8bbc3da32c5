//! The fixtures beside the default packs (`rules/tests/*.test.yaml`) all pass: the claims
//! each text must yield are found, the ones it must not yield are not.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn default_pack_fixtures_pass() {
    let root = workspace().join("rules");
    let packs = pack::load_packs(std::slice::from_ref(&root)).unwrap_or_else(|e| {
        panic!(
            "default packs do not load:\n{}",
            e.errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    let compiled = extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs do not compile: {e:?}"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files.iter().filter(|f| f.to_string_lossy().ends_with(".test.yaml")) {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let fixture: pack::schema::FixtureFile =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in &fixture.tests {
            count += 1;
            let outcome = extract::fixture::run(&compiled, case);
            if !outcome.passed() {
                failures.push(format!(
                    "{} :: {}\n  missing: {:?}\n  unexpected: {:?}\n  found: {:?}",
                    file.display(),
                    outcome.name,
                    outcome.missing,
                    outcome.unexpected,
                    outcome.found
                ));
            }
        }
    }
    assert!(count >= 120, "only {count} fixture cases");
    assert!(failures.is_empty(), "{} of {count} fixtures fail:\n{}", failures.len(), failures.join("\n"));
}
