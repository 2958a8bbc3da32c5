//! Matching rules: a claim counts when document, principal, stance and proposition agree
//! and the gold's piece of sentence is in the claim's sentence; values by interval.

use eval::{Gold, score};
use std::path::Path;

fn ruleset() -> extract::RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let packs = pack::load_packs(std::slice::from_ref(&root))
        .unwrap_or_else(|e| panic!("default packs do not load: {:?}", e.errors));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs do not compile: {e:?}"))
}

const TEXT: &str = "Tillerson said Syrian government forces dropped sarin on Khan Shaykhun.\n\n\
The gas attack on Khan Shaykhun has killed 86 people.\n";

fn claims() -> Vec<claim::Claim> {
    let mut doc = parse::Document::from_text("a", TEXT);
    doc.path = "story/a.md".into();
    doc.source = "Test Wire".into();
    doc.published = parse::Date::parse_published("2017-04-06");
    ruleset().extract(&parse::parse(&doc))
}

fn gold(text: &str) -> Gold {
    Gold::parse(text, "gold.yaml").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn matching_claim_and_value_are_true_positives() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "Tillerson said Syrian", actor: USA, stance: assert, proposition: syria-2017/ks-attack-by-government}
      - {sentence: "has killed 86", actor: "outlet:Test Wire", frame: syria-2017/ks-deaths, value: "86"}
"#,
    );
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    assert_eq!((s.claims.true_positives, s.claims.misses), (1, 0), "{:?}", s.false_positives);
    let found: Vec<String> = claims().iter().map(claim::text::describe).collect();
    assert_eq!((s.values.true_positives, s.values.misses), (1, 0), "{found:?}");
    assert!((s.claims.f1 - 1.0).abs() < 1e-9);
}

#[test]
fn wrong_stance_is_a_miss_and_a_false_positive() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "Tillerson said Syrian", actor: USA, stance: deny, proposition: syria-2017/ks-attack-by-government}
"#,
    );
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    assert_eq!((s.claims.true_positives, s.claims.false_positives, s.claims.misses), (0, 1, 1));
    assert_eq!(s.misses.len(), 1);
    assert!(s.false_positives.iter().any(|i| i.what == "USA assert syria-2017/ks-attack-by-government"));
    assert_eq!(s.misses[0].class, Some("miss: same speaker, other stance"));
    assert_eq!(s.false_positives[0].class, Some("false: other stance"));
    assert_eq!(
        s.classes,
        vec![("false: other stance".to_owned(), 1), ("miss: same speaker, other stance".to_owned(), 1)]
    );
    let floor = eval::Floor::parse("claims: {f1: 0.5}\n", "floor.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.below(&floor), vec!["claims f1 0.000 < floor 0.500".to_owned()]);
}

#[test]
fn sentence_piece_must_be_in_the_claim_sentence() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "has killed 86", actor: USA, stance: assert, proposition: syria-2017/ks-attack-by-government}
"#,
    );
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    assert_eq!(s.claims.true_positives, 0);
    assert_eq!(s.misses[0].class, Some("miss: no claim in the sentence"));
    assert_eq!(s.false_positives[0].class, Some("false: no gold claim in the sentence"));
}

#[test]
fn another_speaker_on_the_same_stance_is_its_own_class() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "Tillerson said Syrian", actor: GBR, stance: assert, proposition: syria-2017/ks-attack-by-government}
"#,
    );
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    assert_eq!(s.misses[0].class, Some("miss: other speaker"));
    assert_eq!(s.false_positives[0].class, Some("false: other speaker"));
}

#[test]
fn a_root_spelt_differently_still_finds_the_document() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "Tillerson said Syrian", actor: USA, stance: assert, proposition: syria-2017/ks-attack-by-government}
"#,
    );
    let s = score(&g, Path::new("/elsewhere/corpus"), &claims(), &compare::Comparison::default());
    assert_eq!(s.claims.true_positives, 1);
    assert!(g.lists(Path::new("/elsewhere/corpus"), "story/a.md"));
    assert!(!g.lists(Path::new(""), "story/b.md"));
}

#[test]
fn unlisted_documents_are_not_scored() {
    let g = gold("documents:\n  - document: story/b.md\n");
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    assert_eq!(s.claims.false_positives, 0);
    assert_eq!(s.unscored_documents, vec!["story/a.md".to_owned()]);
}

#[test]
fn gold_errors_name_file_line_and_column() {
    let bad = "documents:\n  - document: a.md\n    claims:\n      - {sentence: x, actor: USA, proposition: p}\n";
    let err = Gold::parse(bad, "gold.yaml").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("gold.yaml:4:"), "{err}");
    assert!(err.contains("no `stance`"), "{err}");

    let kind = "documents: []\nconflicts:\n  - {kind: opposed, proposition: p, assert: [A], deny: [B]}\n";
    let err = Gold::parse(kind, "gold.yaml").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("gold.yaml:3:"), "{err}");
    assert!(err.contains("unknown conflict kind `opposed`"), "{err}");

    let twice = "documents:\n  - document: a.md\n  - document: a.md\n";
    let err = Gold::parse(twice, "gold.yaml").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.starts_with("gold.yaml:3:1:"), "{err}");
}

#[test]
fn floor_out_of_range_is_an_error() {
    assert!(eval::Floor::parse("values: {recall: 1.5}\n", "floor.yaml").is_err());
    assert!(eval::Floor::parse("values: {recal: 0.5}\n", "floor.yaml").is_err());
}

#[test]
fn text_report_shows_figures_misses_and_false_positives() {
    let g = gold(
        r#"
documents:
  - document: story/a.md
    claims:
      - {sentence: "Tillerson said Syrian", actor: USA, stance: deny, proposition: syria-2017/ks-attack-by-government}
"#,
    );
    let s = score(&g, Path::new(""), &claims(), &compare::Comparison::default());
    let mut out = Vec::new();
    s.write_text(&mut out).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("scored 1 documents"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("claims ") && l.contains("all")), "{text}");
    assert!(text.contains("misses (1)"), "{text}");
    assert!(text.contains("story/a.md  USA deny syria-2017/ks-attack-by-government"), "{text}");
    assert!(text.contains("story/a.md:1  USA assert syria-2017/ks-attack-by-government"), "{text}");
    assert!(text.contains("| Tillerson said Syrian government forces dropped sarin on Khan Shaykhun."), "{text}");
}
