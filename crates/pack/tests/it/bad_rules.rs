//! The bad-rule suite: every malformed pack under `tests/bad-rules/` gives exactly the
//! located errors its `# expect: LINE:COL text` comments name, and the default packs give
//! none.
//!
//! A `.yaml` file is loaded alone; a directory is loaded as one pack set (for problems
//! across files). `text` must occur in the error as displayed, `help:` line included.

use pack::{LoadErrors, load_packs};
use std::path::{Path, PathBuf};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// An error a bad pack must give.
#[derive(Debug)]
struct Expected {
    file: PathBuf,
    line: usize,
    column: usize,
    text: String,
}

fn expectations(file: &Path) -> Vec<Expected> {
    let bytes = std::fs::read(file).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    text.lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .filter_map(|rest| {
            let (place, text) = rest.split_once(' ')?;
            let (line, column) = place.split_once(':')?;
            Some(Expected {
                file: file.to_path_buf(),
                line: line.parse().ok()?,
                column: column.parse().ok()?,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// Compares the errors of one case with its expectations; returns what differs.
fn check(case: &Path) -> Option<String> {
    let files = pack::pack_files(&[case.to_path_buf()]);
    let expected: Vec<Expected> = files.iter().flat_map(|f| expectations(f)).collect();
    if expected.is_empty() {
        return Some(format!("{}: no `# expect:` comment", case.display()));
    }
    let errors = match load_packs(&[case.to_path_buf()]) {
        Ok(_) => return Some(format!("{}: loaded without errors", case.display())),
        Err(LoadErrors { errors }) => errors,
    };
    let mut unmatched: Vec<_> = errors.iter().collect();
    let mut missing = Vec::new();
    for want in &expected {
        let found = unmatched.iter().position(|e| {
            e.origin.file == want.file
                && e.origin.line == want.line
                && e.origin.column == want.column
                && e.to_string().contains(&want.text)
        });
        match found {
            Some(i) => {
                unmatched.remove(i);
            }
            None => missing.push(format!("{}:{}: {}", want.line, want.column, want.text)),
        }
    }
    if missing.is_empty() && unmatched.is_empty() {
        return None;
    }
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    Some(format!(
        "{}:\n  missing: {missing:?}\n  unexpected: {:?}\n  all errors:\n{}",
        case.display(),
        unmatched.iter().map(ToString::to_string).collect::<Vec<_>>(),
        shown.join("\n")
    ))
}

#[test]
fn every_bad_pack_gives_its_located_error() {
    let dir = manifest().join("tests/bad-rules");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    cases.sort();
    assert!(cases.len() >= 25, "only {} bad-rule cases", cases.len());
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c)).collect();
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

#[test]
fn default_packs_load_without_errors() {
    let root = manifest().join("../../rules");
    match load_packs(std::slice::from_ref(&root)) {
        Ok(set) => {
            assert!(set.actors.len() > 50, "{} actors", set.actors.len());
            assert!(!set.cues.is_empty() && !set.propositions.is_empty() && !set.frames.is_empty());
            // Entries are located where they start, not at the top of their file.
            assert!(set.actors.iter().all(|a| a.origin.line > 1));
        }
        Err(errors) => panic!("default packs do not load:\n{errors}"),
    }
}

#[test]
fn errors_display_as_path_line_column_with_help() {
    let errors = load_packs(&[manifest().join("tests/bad-rules/04-unknown-field-typo.yaml")]).err();
    let shown = errors.map(|e| e.to_string()).unwrap_or_default();
    let mut lines = shown.lines();
    let first = lines.next().unwrap_or_default();
    assert!(first.ends_with("04-unknown-field-typo.yaml:7:5: error: unknown field `alises` in an actor `RUS`; expected one of `aliases`, `demonyms`, `gender`, `id`, `kind`, `member_of`, `metonyms`, `name`, `roles`"), "{first}");
    assert_eq!(lines.next(), Some("help: did you mean `aliases`?"));
    assert_eq!(lines.next(), None);
}

#[test]
fn a_missing_path_is_an_error() {
    let path = manifest().join("tests/bad-rules/no-such-pack.yaml");
    let errors = load_packs(std::slice::from_ref(&path)).err().map(|e| e.errors).unwrap_or_default();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].origin.file, path);
    assert!(errors[0].message.contains("no such file"));
}

/// A small valid pack that exercises every section, for the mutation tests.
const SEED: &str = r#"pack: {name: seed, sources: [tests]}
actors:
  - id: RUS
    name: Russia
    kind: state
    aliases: [Russian Federation]
    metonyms: [Moscow, the Kremlin]
    demonyms: [Russian]
  - id: sergei-lavrov
    name: Sergei Lavrov
    kind: person
    gender: male
    member_of: [{actor: RUS, from: "2004-03-09"}]
    roles: [{title: foreign minister, of: RUS, from: "2004-03-09"}]
cues:
  - {cue: say, stance: assert, forms: [said, says]}
  - {cue: deny, stance: deny}
lexicon:
  negators: [not, never]
  denial_markers: [staged, "false flag"]
propositions:
  - id: t/attack
    statement: Russia carried out the attack.
    about: {all: [[attack, strike]], any: [~Khan Shaykhun, chemic*]}
    agent: [RUS]
    contradicts: [t/staged]
  - id: t/staged
    statement: The attack was staged.
    about: {any: [staged]}
frames:
  - id: t/deaths
    quantity: people killed
    about: {any: [killed]}
    patterns: ["killed {N}", "{N} ... dead"]
checks:
  severity: {opposed-stance: error, unlisted: off}
  overrides: [{target: t/attack, severity: warning}]
  unlisted: {similarity: 0.8}
"#;

/// Loads `files` twice; checks the outcome is the same and every error is located.
fn load_is_sound(files: Vec<Vec<u8>>) -> Result<(), proptest::test_runner::TestCaseError> {
    let sources: Vec<(PathBuf, Vec<u8>)> =
        files.into_iter().enumerate().map(|(i, bytes)| (PathBuf::from(format!("p{i}.yaml")), bytes)).collect();
    let first = pack::load_sources(&sources);
    let again = pack::load_sources(&sources);
    match (first, again) {
        (Ok(a), Ok(b)) => proptest::prop_assert_eq!(format!("{a:?}"), format!("{b:?}")),
        (Err(a), Err(b)) => {
            proptest::prop_assert!(!a.errors.is_empty());
            for e in &a.errors {
                proptest::prop_assert!(e.origin.line >= 1 && e.origin.column >= 1, "{e}");
                proptest::prop_assert!(sources.iter().any(|(p, _)| *p == e.origin.file), "{e}");
                let shown = e.to_string();
                proptest::prop_assert!(shown.starts_with(&format!("{}: error: ", e.origin)), "{shown}");
            }
            proptest::prop_assert_eq!(a, b);
        }
        (a, b) => proptest::prop_assert!(false, "two loads differ: {a:?} / {b:?}"),
    }
    Ok(())
}

/// An edit of a text: remove a range, insert YAML punctuation, or repeat a line.
#[derive(Clone, Debug)]
enum Edit {
    Remove(usize, usize),
    Insert(usize, String),
    RepeatLine(usize),
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Remove(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(bytes.len())..end);
            }
            Edit::Insert(at, s) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
            Edit::RepeatLine(n) => {
                let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
                let i = n % lines.len().max(1);
                let mut out = Vec::new();
                for (j, line) in lines.iter().enumerate() {
                    out.extend_from_slice(line);
                    out.push(b'\n');
                    if j == i {
                        out.extend_from_slice(line);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
        }
    }
    bytes
}

fn edit() -> impl proptest::strategy::Strategy<Value = Edit> {
    use proptest::prelude::*;
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::Remove(a, n)),
        (any::<usize>(), "[-:\\[\\]{}\"'&*!|>#~ \t\n0-9a-zA-Z,.?%@`{}]{1,12}").prop_map(|(a, s)| Edit::Insert(a, s)),
        (any::<usize>(), "(&a|\\*a|<<: |- |: |\n  |\n- |!!str |---\n|\\.\\.\\.\n|\"|\\{N\\}|~|\\*)")
            .prop_map(|(a, s)| Edit::Insert(a, s)),
        any::<usize>().prop_map(Edit::RepeatLine),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 512, ..Default::default() })]

    #[test]
    fn the_seed_pack_loads(_x in 0..1u8) {
        let loaded = pack::load_sources(&[(PathBuf::from("seed.yaml"), SEED.as_bytes().to_vec())]);
        proptest::prop_assert!(loaded.is_ok(), "{}", loaded.err().map(|e| e.to_string()).unwrap_or_default());
    }

    #[test]
    fn mutated_packs_never_panic(edits in proptest::collection::vec(edit(), 1..8)) {
        load_is_sound(vec![apply(SEED, &edits)])?;
    }

    #[test]
    fn mutated_pack_pairs_never_panic(
        a in proptest::collection::vec(edit(), 0..4),
        b in proptest::collection::vec(edit(), 0..4),
    ) {
        load_is_sound(vec![apply(SEED, &a), apply(SEED, &b)])?;
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
        load_is_sound(vec![bytes])?;
    }

    #[test]
    fn random_yaml_like_text_never_panics(text in "[-:\\[\\]{}\"'&*!|>#~ \t\n0-9a-z,.]{0,200}") {
        load_is_sound(vec![text.into_bytes()])?;
    }
}

#[cfg(unix)]
#[test]
fn a_directory_link_back_up_is_walked_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pack = dir.path().join("a.yaml");
    std::fs::write(&pack, "actors: [{id: RUS, name: Russia, kind: state}]\n").unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap_or_else(|e| panic!("{e}"));
    let files = pack::pack_files(&[dir.path().to_path_buf()]);
    assert_eq!(files, vec![pack]);
}

#[test]
fn all_errors_of_all_files_are_collected_in_file_order() {
    let sources = vec![
        (PathBuf::from("b.yaml"), b"actors: [{id: rus, name: Russia, kind: state}]\ncues: [{cue: say}]\n".to_vec()),
        (PathBuf::from("a.yaml"), b"frames: [{id: x, quantity: q, about: {any: [k]}, patterns: [k]}]\n".to_vec()),
    ];
    let errors = pack::load_sources(&sources).err().map(|e| e.errors).unwrap_or_default();
    let places: Vec<String> = errors.iter().map(|e| e.origin.to_string()).collect();
    // Input order, not name order: b.yaml was given first.
    assert_eq!(places, ["b.yaml:1:15", "b.yaml:2:8", "a.yaml:1:61"], "{errors:#?}");
}
