//! References come out of loading resolved, and value patterns compiled, once: what
//! `extract::RuleSet::compile` takes instead of looking ids up again.

use std::path::PathBuf;

const ONE: &str = "
actors:
  - {id: RUS, name: Russia, kind: state}
  - id: sergei-lavrov
    name: Sergei Lavrov
    kind: person
    member_of: [{actor: RUS}]
    roles: [{title: foreign minister, of: RUS}, {title: diplomat}]
";

const TWO: &str = "
actors:
  - {id: SYR, name: Syria, kind: state}
propositions:
  - {id: t/a, statement: A., about: {any: [a]}, agent: [SYR], rivals: [RUS]}
  - {id: t/b, statement: B., about: {any: [b]}, contradicts: [t/a]}
frames:
  - {id: t/killed, quantity: killed, about: {any: [killed]}, patterns: ['killed {N}', '{N} ... dead']}
  - {id: t/children, quantity: children, about: {any: [killed]}, patterns: ['{N} children'], part_of: t/killed, heads: [children]}
";

#[test]
fn references_are_positions_in_the_merged_lists() {
    let sources = vec![
        (PathBuf::from("one.yaml"), ONE.as_bytes().to_vec()),
        (PathBuf::from("two.yaml"), TWO.as_bytes().to_vec()),
    ];
    let packs = pack::load_sources(&sources).unwrap_or_else(|e| panic!("{e}"));
    let lavrov = packs.actor_refs(1);
    assert_eq!(lavrov.member_of, [0]);
    assert_eq!(lavrov.roles_of, [Some(0), None]);
    let a = packs.proposition_refs(0);
    assert_eq!((a.agent.as_slice(), a.rivals.as_slice()), (&[2][..], &[0][..]), "actors across files");
    assert_eq!(packs.proposition_refs(1).contradicts, [0]);
    let sources: Vec<&str> = packs.frame_refs(0).patterns.iter().map(|p| p.source.as_str()).collect();
    assert_eq!(sources, ["killed {N}", "{N} ... dead"]);
    assert_eq!((packs.frame_refs(0).part_of, packs.frame_refs(1).part_of), (None, Some(0)));
    assert!(packs.actor_refs(99).member_of.is_empty(), "past the end: nothing, no panic");
}
