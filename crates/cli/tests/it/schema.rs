//! The JSON Schemas under rules/schema/: generated from the Rust types (`rules schema`), the
//! committed files equal to what the binary generates, and every bundled pack and fixture
//! valid against them.

use crate::{root, run};
use std::path::{Path, PathBuf};

/// The binary in the repository root with no options: `rules schema` and `init` load no
/// packs, so the options that keep other runs hermetic would be refused.
fn bare() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(assert_cmd::cargo::cargo_bin!("claimcheck"));
    cmd.current_dir(root());
    cmd
}

fn generated(which: &str) -> String {
    let (code, stdout, stderr) = run(bare().args(["rules", "schema", which]));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for which in ["pack", "fixture", "config"] {
        let path = root().join(format!("rules/schema/{which}.schema.json"));
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            committed,
            generated(which),
            "{} is out of date: claimcheck rules schema {which} > {}",
            path.display(),
            path.display()
        );
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{e}")).flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn validator(which: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&generated(which)).unwrap_or_else(|e| panic!("{e}"));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{which} schema: {e}"))
}

#[test]
fn every_bundled_pack_and_fixture_is_valid_against_its_schema() {
    let (packs, fixtures) = (validator("pack"), validator("fixture"));
    let mut files = Vec::new();
    yaml_files(&root().join("rules"), &mut files);
    yaml_files(&root().join("tests/rules"), &mut files);
    let mut checked = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        let value: serde_json::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.to_string_lossy();
        let validator = if name.ends_with(".test.yaml") { &fixtures } else { &packs };
        let errors: Vec<String> =
            validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        checked += 1;
    }
    assert!(checked > 10, "{checked}");
    // The schema can fail: an unknown key and a wrong stance.
    let bad: serde_json::Value =
        serde_yaml::from_str("actors:\n  - {id: X, nme: Y, kind: state}\n").unwrap_or_default();
    assert!(!packs.is_valid(&bad));
    let bad: serde_json::Value =
        serde_yaml::from_str("tests:\n  - {name: a, text: b, claims: [{stance: perhaps}]}\n").unwrap_or_default();
    assert!(!fixtures.is_valid(&bad));
}

#[test]
fn init_writes_the_schemas_its_files_point_at() {
    let dir = crate::tempdir();
    let (code, _, stderr) = run(bare().current_dir(dir.path()).arg("init"));
    assert_eq!(code, 0, "{stderr}");
    for (file, schema) in [
        ("claimcheck.yaml", "rules/schema/config.schema.json"),
        ("rules/starter.yaml", "rules/schema/pack.schema.json"),
        ("rules/tests/starter.test.yaml", "rules/schema/fixture.schema.json"),
    ] {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap_or_default();
        let first = text.lines().next().unwrap_or("");
        let target =
            first.strip_prefix("# yaml-language-server: $schema=").unwrap_or_else(|| panic!("{file}: {first}"));
        let parent = dir.path().join(file).parent().map(Path::to_path_buf).unwrap_or_default();
        let resolved = std::fs::canonicalize(parent.join(target)).unwrap_or_else(|e| panic!("{file} -> {target}: {e}"));
        assert_eq!(resolved, std::fs::canonicalize(dir.path().join(schema)).unwrap_or_default());
    }
}
