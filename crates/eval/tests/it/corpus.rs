//! The default packs on the bundled corpus reach the committed floors.

use eval::Gold;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn ruleset() -> extract::RuleSet {
    let root = workspace().join("rules");
    let packs = pack::load_packs(std::slice::from_ref(&root))
        .unwrap_or_else(|e| panic!("default packs do not load: {:?}", e.errors));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs do not compile: {e:?}"))
}

#[test]
fn corpus_reaches_the_floor() {
    let corpus = workspace().join("corpus");
    let gold = Gold::load(&corpus.join("gold.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let floor = eval::Floor::load(&corpus.join("eval-floor.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let rules = ruleset();
    let (claims, diagnostics) = eval::read_corpus(&rules, &gold, &corpus, &parse::input::InputConfig::default());
    assert!(diagnostics.is_empty(), "corpus documents not read: {diagnostics:?}");
    let comparison = compare::compare(&claims, rules.checks());
    let scores = eval::score(&gold, &corpus, &claims, &comparison);
    let mut report = Vec::new();
    scores.write_text(&mut report).unwrap_or_else(|e| panic!("{e}"));
    let below = scores.below(&floor);
    assert!(below.is_empty(), "below the floor: {below:?}\n{}", String::from_utf8_lossy(&report));
    assert_eq!(scores.documents, gold.documents.len());
    assert!(scores.unscored_documents.is_empty(), "{:?}", scores.unscored_documents);
}

#[test]
fn every_corpus_article_is_in_the_gold() {
    let corpus = workspace().join("corpus");
    let gold = Gold::load(&corpus.join("gold.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let (files, _) = parse::input::discover(std::slice::from_ref(&corpus));
    let mut articles = 0;
    for file in files {
        let rel = file.path.strip_prefix(&corpus).unwrap_or(&file.path).to_string_lossy().replace('\\', "/");
        // Articles are `<story>/<NN>-<slug>.md`; the README at the top is not one.
        if rel.contains('/') {
            articles += 1;
            assert!(gold.lists(&corpus, &file.display), "{rel} is not in corpus/gold.yaml");
        }
    }
    assert!(articles >= 30, "only {articles} articles");
}

/// The real-text gold files (scored in CI against ../shared) load, each names its slice, and
/// every proposition they score exists in the default packs: a renamed proposition would
/// otherwise turn its gold claims into misses without anyone noticing.
#[test]
fn real_text_gold_files_load_and_name_known_propositions() {
    let rules = ruleset();
    let known: std::collections::BTreeSet<&str> = rules.propositions().map(|(id, _)| id).collect();
    let dir = workspace().join("gold");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !name.ends_with(".yaml") {
            continue;
        }
        if name.ends_with("-floor.yaml") {
            eval::Floor::load(&path).unwrap_or_else(|e| panic!("{e}"));
            continue;
        }
        files += 1;
        let gold = Gold::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(gold.slice.is_some(), "{name} names no slice");
        let floor = dir.join(name.replace(".yaml", "-floor.yaml"));
        assert!(floor.is_file(), "{name} has no floor file beside it ({})", floor.display());
        for doc in &gold.documents {
            for claim in &doc.claims {
                if let eval::Subject::Proposition(p) = &claim.subject {
                    assert!(known.contains(p.as_str()), "{name}: {} names unknown proposition {p}", doc.document);
                }
            }
        }
    }
    assert!(files >= 1, "no gold files under {}", dir.display());
}
