//! `context_overlaps`: the words two packs' story contexts share.

use std::path::PathBuf;

fn packs(sources: &[(&str, &str)]) -> pack::PackSet {
    let sources: Vec<(PathBuf, Vec<u8>)> =
        sources.iter().map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec())).collect();
    match pack::load_sources(&sources) {
        Ok(set) => set,
        Err(e) => panic!("packs do not load: {e}"),
    }
}

const SKRIPAL: &str = "
propositions:
  - id: skripal/russia-responsible
    statement: Russia poisoned the Skripals.
    context: [Skripal, Salisbury, Novichok]
    about: {all: [[poisoned, poisoning]]}
";

const NAVALNY: &str = "
propositions:
  - id: navalny/state-poisoning
    statement: The Russian state poisoned Alexei Navalny.
    context: [Navalny, Tomsk, ~Novichok]
    about: {all: [[poisoned, poisoning]]}
";

const MH17: &str = "
frames:
  - id: mh17/deaths
    quantity: people killed on MH17
    context: [MH17, Donetsk]
    about: {all: [[MH17]]}
    patterns: [\"{N} ... killed\"]
";

#[test]
fn shared_context_words_are_named() {
    let set = packs(&[("skripal.yaml", SKRIPAL), ("navalny.yaml", NAVALNY), ("mh17.yaml", MH17)]);
    let overlaps = pack::context_overlaps(&set);
    assert_eq!(overlaps.len(), 1, "{overlaps:?}");
    assert_eq!(overlaps[0].first, PathBuf::from("skripal.yaml"));
    assert_eq!(overlaps[0].second, PathBuf::from("navalny.yaml"));
    assert_eq!(overlaps[0].words, vec!["novichok".to_string()]);
}

#[test]
fn stories_with_their_own_anchors_do_not_overlap() {
    let set = packs(&[("skripal.yaml", SKRIPAL), ("mh17.yaml", MH17)]);
    assert!(pack::context_overlaps(&set).is_empty());
}
