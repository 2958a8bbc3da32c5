//! A story's context needs its own anchors: a context word two stories share ("Novichok",
//! for Salisbury in 2018 and for Tomsk in 2020) does not put a document in either story.

use std::path::{Path, PathBuf};

/// The default packs plus a Navalny pack that shares the word "Novichok" with Skripal's.
fn ruleset() -> extract::RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut sources: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for file in pack::pack_files(&[root]) {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        sources.push((file, bytes));
    }
    sources.push((PathBuf::from("navalny-2020.yaml"), NAVALNY.as_bytes().to_vec()));
    let packs = pack::load_sources(&sources).unwrap_or_else(|e| panic!("packs: {e}"));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("packs: {e:?}"))
}

const NAVALNY: &str = "
propositions:
  - id: navalny-2020/state-poisoning
    statement: The Russian state poisoned Alexei Navalny in August 2020.
    context: [Navalny, Tomsk, Omsk, Novichok]
    about:
      all:
        - [poisoned, poisoning, nerve agent, Novichok]
      any: [responsible, behind, poisoned, ordered]
    agent: [RUS]
    from: \"2020-08-20\"
";

fn propositions(text: &str, published: &str) -> Vec<String> {
    let mut doc = parse::Document::from_text("story", text.to_owned());
    doc.published = parse::Date::parse_published(published);
    let rules = ruleset();
    let mut ids: Vec<String> =
        rules.extract(&parse::parse(&doc)).into_iter().filter_map(|c| c.proposition.map(|p| p.id)).collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn a_shared_context_word_does_not_pull_in_the_other_story() {
    let text = "German doctors said Alexei Navalny had been poisoned with Novichok. \
                The United States said the Kremlin was behind the poisoning.";
    let ids = propositions(text, "2020-09-03");
    assert!(ids.iter().all(|id| !id.starts_with("skripal-2018/")), "{ids:?}");
    assert!(ids.iter().any(|id| id == "navalny-2020/state-poisoning"), "{ids:?}");
}

#[test]
fn a_story_word_of_its_own_still_anchors_it() {
    let text = "Theresa May said Russia was behind the poisoning of Sergei Skripal with Novichok.";
    let ids = propositions(text, "2018-03-14");
    assert!(ids.iter().any(|id| id == "skripal-2018/russia-responsible"), "{ids:?}");
}
