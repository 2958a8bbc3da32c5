//! The motivating article: the US asserts and Russia denies that the Syrian government
//! carried out the chemical attack.

use claim::ConflictKind;
use compare::compare;
use std::path::{Path, PathBuf};

#[test]
#[allow(clippy::print_stderr)] // the skip must be visible in test output
fn seed_article_opposed_stance_usa_vs_rus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seed = PathBuf::from("/work/shared/seeds/000_fa3788b59f70ed14.txt");
    if !seed.exists() {
        eprintln!("seed article {} absent: test skipped", seed.display());
        return;
    }
    let packs = match pack::load_packs(&[root.join("rules")]) {
        Ok(packs) => packs,
        Err(e) => panic!("default packs do not load: {e:?}"),
    };
    let ruleset = match extract::RuleSet::compile(&packs) {
        Ok(r) => r,
        Err(e) => panic!("default packs do not compile: {e:?}"),
    };
    let input = parse::input::InputConfig::default();
    let claims = extract::pipeline::run(&ruleset, &[seed], None, &input, &()).claims;
    let checks = packs.checks.compile();
    let comparison = compare(&claims, &checks);
    let found = comparison.conflicts.iter().find(|c| {
        c.kind == ConflictKind::OpposedStance
            && c.proposition.as_ref().is_some_and(|p| p.id == "syria-2017/ks-attack-by-government")
            && c.sides.len() == 2
            && c.sides[0].actor == "USA"
            && c.sides[1].actor == "RUS"
    });
    let Some(conflict) = found else {
        panic!(
            "no USA-vs-RUS opposed stance; conflicts: {:#?}",
            comparison.conflicts.iter().map(|c| &c.message).collect::<Vec<_>>()
        );
    };
    assert!(conflict.sides[0].evidence.len() >= 2, "USA side: {:#?}", conflict.sides[0].evidence);
    assert!(conflict.sides[1].evidence.len() >= 2, "RUS side: {:#?}", conflict.sides[1].evidence);
}
