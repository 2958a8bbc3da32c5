//! Any bytes as a rule pack: loading and validation return errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(packs) = pack::load_sources(&[("fuzz.yaml".into(), bytes.to_vec())]) {
        let _ = extract::RuleSet::compile(&packs);
    }
});
