//! Whom a description standing for an actor named before ("the ministry", "the army", "the
//! group", "the coalition", "the president", "she") is resolved to: only an actor it can be,
//! never a group a speaker names.

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

#[test]
fn the_coalition_is_the_body_whose_name_holds_it() {
    // The opposition's coalition spoke first; Russia and the UN are only named after it.
    let text = "The Syrian Coalition condemned the raids on Idlib on Friday. \
Russian jets and regime helicopters hit two schools, the UN said. \
The Coalition said the raids were war crimes.";
    assert_eq!(actors(text, "said"), vec!["UN".to_owned(), "SNC".to_owned()]);
    // A coalition a state leads is that state's.
    let text = "Jets of the US-led coalition struck a bridge near Raqqa on Monday. \
The coalition said the bridge had carried fighters.";
    assert_eq!(actors(text, "said"), vec!["USA".to_owned()]);
    // No coalition named: not whatever body came last.
    let text = "Russian jets struck a market near Idlib on Monday. The coalition said the market had been full.";
    assert!(actors(text, "said").is_empty(), "{:?}", actors(text, "said"));
}

#[test]
fn she_is_never_a_man() {
    let text = "President Bashar al-Assad toured a base near Hama on Monday. \
\"The siege will end soon,\" she said.";
    assert!(actors(text, "said").iter().all(|a| a != "bashar-al-assad"), "{:?}", actors(text, "said"));
    // A woman a pack holds is who "she" is.
    let text = "Maria Zakharova spoke to reporters in Moscow on Monday. \"The strikes will go on,\" she said.";
    assert_eq!(actors(text, "said"), vec!["maria-zakharova".to_owned()]);
}

#[test]
fn a_title_is_a_person_holding_it() {
    // Peskov is a spokesman, not the president.
    let text = "Kremlin spokesman Dmitry Peskov met reporters on Monday. \
The president said Russian jets had not struck the market.";
    assert!(actors(text, "said").iter().all(|a| a != "dmitry-peskov"), "{:?}", actors(text, "said"));
    let text =
        "Vladimir Putin met the Turkish leader on Monday. The president said Russian jets had not struck the market.";
    assert_eq!(actors(text, "said"), vec!["vladimir-putin".to_owned()]);
}

#[test]
fn a_capitalised_head_tied_to_a_name_is_a_name() {
    // "The Army of Conquest" is a rebel alliance, not the army of the state named before.
    let text = "Syrian troops shelled Zabadani on Sunday. The Army of Conquest said it had struck two villages.";
    assert!(actors(text, "said").iter().all(|a| a != "SYR"), "{:?}", actors(text, "said"));
    // The army itself is still the state's.
    let text = "Syrian troops shelled Zabadani on Sunday. The army said it had struck two villages.";
    assert_eq!(actors(text, "said"), vec!["SYR".to_owned()]);
}
