//! Speakers no pack lists: an accusation that names whom it accuses is their claim, in a
//! voice of their own (`Voice::Unlisted`, no principal of a stance conflict); their plain
//! words give figures only, and evidence ("videos", "reports") accuses no one.

use crate::common::ruleset;
use claim::{Stance, Voice};

/// (voice, principal, stance, proposition or frame) of every claim of a text published the
/// day after the Ghouta attack.
fn claims(text: &str) -> Vec<(Voice, String, Stance, String)> {
    let mut doc = parse::Document::from_text("a", text.to_owned());
    doc.published = parse::Date::parse_published("2013-08-22");
    ruleset()
        .extract(&parse::parse(&doc))
        .into_iter()
        .map(|c| {
            let subject = c.proposition.map(|p| p.id).or(c.value.map(|v| v.frame.id)).unwrap_or_default();
            (c.voice, c.principal.id, c.stance, subject)
        })
        .collect()
}

#[test]
fn an_unlisted_speaker_accusing_by_name_claims_in_its_own_voice() {
    let found = claims(
        "Local activists accused President Bashar al-Assad's forces of launching the nerve gas attack on \
         the Ghouta suburbs.",
    );
    let expected = (
        Voice::Unlisted,
        "description:local-activists".to_owned(),
        Stance::Assert,
        "ghouta-2013/attack-by-government".to_owned(),
    );
    assert!(found.contains(&expected), "{found:?}");
}

#[test]
fn an_unlisted_speaker_saying_takes_no_position_but_keeps_its_figures() {
    let found = claims("Local residents said the regime's nerve gas attack on the Ghouta suburbs killed 300 people.");
    assert!(!found.iter().any(|c| c.3.starts_with("ghouta-2013/attack")), "{found:?}");
    assert!(found.iter().any(|c| c.1 == "description:local-residents" && c.3 == "ghouta-2013/deaths"), "{found:?}");
}

#[test]
fn evidence_accuses_no_one() {
    let found = claims("Several videos accused government forces of the nerve gas attack on the Ghouta suburbs.");
    assert!(!found.iter().any(|c| c.3.starts_with("ghouta-2013/attack")), "{found:?}");
}
