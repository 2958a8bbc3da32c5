//! Gold over documents read from inputs given on the command line: CSV rows named by their
//! id, files under a folder named by their path; missing data is an error, not a silent zero.

use eval::{EvalError, Gold, read_inputs, score};
use parse::input::{CsvMapping, InputConfig};
use std::path::{Path, PathBuf};

fn ruleset() -> extract::RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let packs = pack::load_packs(std::slice::from_ref(&root))
        .unwrap_or_else(|e| panic!("default packs do not load: {:?}", e.errors));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs do not compile: {e:?}"))
}

/// A scratch folder of its own for each test, under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-inputs").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn gold(text: &str) -> Gold {
    Gold::parse(text, "gold.yaml").unwrap_or_else(|e| panic!("{e}"))
}

fn fakes_mapping() -> InputConfig {
    let csv = CsvMapping {
        text: "article_content".into(),
        source: Some("source".into()),
        published: Some("date".into()),
        title: Some("article_title".into()),
        id: Some("unit_id".into()),
        url: None,
    };
    InputConfig { csv, ..Default::default() }
}

const CSV: &str = "unit_id,article_title,article_content,source,date\n\
101,Gas attack,\"The gas attack on Khan Shaykhun has killed 86 people.\",wire,4/6/17\n\
102,Other,\"Markets were calm on Tuesday.\",paper,4/6/17\n\
103,Again,\"The gas attack on Khan Shaykhun has killed 72 people.\",sana,4/5/17\n";

#[test]
fn csv_rows_are_scored_by_the_id_the_reader_gives_them() {
    let dir = scratch("csv");
    let csv = dir.join("articles.csv");
    write(&csv, CSV);
    let g = gold(
        r#"
slice: fakes
documents:
  - document: "101"
    claims:
      - {sentence: "has killed 86", actor: "outlet:wire", frame: syria-2017/ks-deaths, value: 86}
  - document: "102"
"#,
    );
    let rules = ruleset();
    let (claims, diagnostics) =
        read_inputs(&rules, &g, std::slice::from_ref(&csv), &fakes_mapping()).unwrap_or_else(|e| panic!("{e}"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    // Row 103 is not in the gold: it is not even extracted.
    assert!(claims.iter().all(|c| c.evidence.document != "103"), "{claims:?}");
    let s = score(&g, Path::new("."), &claims, &compare::Comparison::default());
    assert_eq!(s.slice.as_deref(), Some("fakes"));
    assert_eq!(s.documents, 2);
    assert_eq!((s.values.true_positives, s.values.misses), (1, 0), "{s:#?}");
    let mut text = Vec::new();
    s.write_text(&mut text).unwrap_or_else(|e| panic!("{e}"));
    assert!(String::from_utf8_lossy(&text).starts_with("slice fakes: scored 2 documents"));
}

#[test]
fn files_under_a_folder_are_scored_by_their_path() {
    let dir = scratch("folder");
    write(&dir.join("a.txt"), "The gas attack on Khan Shaykhun has killed 86 people.\n");
    write(&dir.join("b.txt"), "The gas attack on Khan Shaykhun has killed 70 people.\n");
    let g = gold(
        r#"
documents:
  - document: a.txt
    claims:
      - {sentence: "has killed 86", actor: "outlet:a", frame: syria-2017/ks-deaths, value: 86}
"#,
    );
    let rules = ruleset();
    let (claims, _) =
        read_inputs(&rules, &g, std::slice::from_ref(&dir), &InputConfig::default()).unwrap_or_else(|e| panic!("{e}"));
    // Only the listed file is read.
    assert!(claims.iter().all(|c| c.evidence.path.ends_with("a.txt")), "{claims:?}");
    let s = score(&g, &dir, &claims, &compare::Comparison::default());
    assert_eq!(s.values.misses, 0, "{s:#?}");
    assert!(s.unscored_documents.is_empty());
}

#[test]
fn a_missing_input_is_an_error_naming_it() {
    let dir = scratch("missing-input");
    let absent = dir.join("shared/data/fa-kes/articles.csv");
    let g = gold("documents:\n  - document: \"101\"\n");
    let err = read_inputs(&ruleset(), &g, std::slice::from_ref(&absent), &fakes_mapping())
        .err()
        .unwrap_or_else(|| panic!("a missing input must fail"));
    assert!(matches!(err, EvalError::Inputs { .. }));
    assert!(err.to_string().contains("shared/data/fa-kes/articles.csv"), "{err}");
}

#[test]
fn a_listed_document_no_input_holds_is_an_error() {
    let dir = scratch("missing-doc");
    let csv = dir.join("articles.csv");
    write(&csv, CSV);
    let g = gold("documents:\n  - document: \"101\"\n  - document: \"999\"\n  - document: nowhere.txt\n");
    let err = read_inputs(&ruleset(), &g, &[csv, dir.clone()], &fakes_mapping())
        .err()
        .unwrap_or_else(|| panic!("a listed document that is nowhere must fail"));
    let text = err.to_string();
    assert!(text.contains("2 of the gold's 3 documents") && text.contains("`999`"), "{text}");
    assert!(text.contains("`nowhere.txt`"), "{text}");
}

#[test]
fn an_id_two_rows_share_is_an_error() {
    let dir = scratch("twice");
    let csv = dir.join("articles.csv");
    write(&csv, &format!("{CSV}101,Dup,\"Another text.\",wire,4/7/17\n"));
    let g = gold("documents:\n  - document: \"101\"\n");
    let err = read_inputs(&ruleset(), &g, std::slice::from_ref(&csv), &fakes_mapping())
        .err()
        .unwrap_or_else(|| panic!("an ambiguous id must fail"));
    assert!(err.to_string().contains("more than once"), "{err}");
}
