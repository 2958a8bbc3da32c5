//! What several test files share: the default packs compiled once, and the attributions of a
//! text written as (cue, speaker).

use std::path::Path;
use std::sync::OnceLock;

/// The packs under `rules/`, compiled once for the whole test binary.
pub fn ruleset() -> &'static extract::RuleSet {
    static RULES: OnceLock<extract::RuleSet> = OnceLock::new();
    RULES.get_or_init(compile_default_packs)
}

/// The packs under `rules/`, compiled afresh: for a test that changes its rule set.
pub fn compile_default_packs() -> extract::RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let packs = pack::load_packs(&[root]).unwrap_or_else(|e| panic!("default packs: {:?}", e.errors));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("default packs: {e:?}"))
}

/// (cue, speaker) of every attribution, as written.
pub fn attributions(rules: &extract::RuleSet, text: &str) -> Vec<(String, String)> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    rules.attributions(&parsed).into_iter().map(cue_and_speaker).collect()
}

/// (cue, speaker) of every attribution as read, before the veto on listed cues (for tests of
/// how a cue's speaker is read, which the veto's statistical judgement should not decide).
pub fn readings(rules: &extract::RuleSet, text: &str) -> Vec<(String, String)> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    rules.judged_attributions(&parsed).into_iter().map(|(a, _)| cue_and_speaker(a)).collect()
}

/// Whether `found` holds an attribution with exactly this cue and speaker (`""`: none).
pub fn has(found: &[(String, String)], cue: &str, speaker: &str) -> bool {
    found.iter().any(|(c, s)| c == cue && s == speaker)
}

fn cue_and_speaker(a: claim::Attribution) -> (String, String) {
    (a.cue.text, a.speaker.map(|s| s.text).unwrap_or_default())
}
