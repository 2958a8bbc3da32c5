//! Any text through the engine with the default packs: no panic, spans inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn ruleset() -> Option<&'static extract::RuleSet> {
    static RULES: OnceLock<Option<extract::RuleSet>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules");
            let packs = pack::load_packs(&[root]).ok()?;
            extract::RuleSet::compile(&packs).ok()
        })
        .as_ref()
}

fuzz_target!(|bytes: &[u8]| {
    let Some(rules) = ruleset() else { return };
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut document = parse::Document::from_text("fuzz", text.clone());
    document.published = parse::Date::new(2017, 4, 13);
    for claim in rules.extract(&parse::parse(&document)) {
        assert!(claim.evidence.span.end <= text.len());
    }
});
