//! A rule pack and a text together: the input is a pack, a NUL byte, then the text. The
//! pack's own matchers (cues, propositions, frame patterns with gaps) run over the text;
//! with `-timeout` this finds matchers that are slow on some pack, not only on the defaults.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some(split) = bytes.iter().position(|&b| b == 0) else { return };
    let (pack, text) = (&bytes[..split], &bytes[split + 1..]);
    let Ok(packs) = pack::load_sources(&[("fuzz.yaml".into(), pack.to_vec())]) else { return };
    let Ok(rules) = extract::RuleSet::compile(&packs) else { return };
    let text = String::from_utf8_lossy(text).into_owned();
    let mut document = parse::Document::from_text("fuzz", text.clone());
    document.published = parse::Date::new(2017, 4, 13);
    for claim in rules.extract(&parse::parse(&document)) {
        assert!(claim.evidence.span.end <= text.len());
    }
});
