//! Whom a description standing for an actor named before ("the ministry", "the army", "the
//! group") is resolved to: only an actor it can be, never a group a speaker names.

use crate::common::ruleset;

/// The actor ids of the claims whose cue is `cue` in `text`.
fn actors(text: &str, cue: &str) -> Vec<String> {
    let doc = parse::Document::from_text("anaphors", text.to_owned());
    let claims = ruleset().extract(&parse::parse(&doc));
    claims.into_iter().filter(|c| c.evidence.cue.as_ref().is_some_and(|m| m.text == cue)).map(|c| c.actor.id).collect()
}

#[test]
fn a_states_body_is_never_a_group_a_speaker_names() {
    // "terrorists" is no state: the ministry is not theirs.
    let text = "Terrorists shelled a school in Aleppo on Sunday. The ministry said four pupils had been hurt.";
    let got = actors(text, "said");
    assert!(got.iter().all(|a| a != "TERRORISTS"), "{got:?}");
    // A state named before is what the ministry stands for.
    let text = "Russian jets struck a depot near Idlib on Monday. The ministry said the depot had held rockets.";
    assert_eq!(actors(text, "said"), vec!["RUS".to_owned()]);
}

#[test]
fn the_army_is_no_monitor() {
    let text = "The Syrian Observatory for Human Rights said the town had fallen. The army said it had taken the town.";
    // The monitor's claim is its own; the army's is not the monitor's.
    assert_eq!(actors(text, "said"), vec!["SOHR".to_owned()]);
}
