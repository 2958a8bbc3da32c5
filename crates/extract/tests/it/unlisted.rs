//! Speakers no pack lists: an accusation that names whom it accuses is their claim, in a
//! voice of their own (`Voice::Unlisted`, no principal of a stance conflict); their plain
//! words give figures only, and evidence ("videos", "reports") accuses no one.

use crate::common::ruleset;
use claim::{Stance, Voice};

/// (voice, principal, stance, proposition or frame) of every claim of a text published the
/// day after the Ghouta attack.
fn claims(text: &str) -> Vec<(Voice, String, Stance, String)> {
    claims_of(text, "2013-08-22")
}

/// (voice, principal, stance, proposition or frame) of every claim of a text published on
/// `published`.
fn claims_of(text: &str, published: &str) -> Vec<(Voice, String, Stance, String)> {
    let mut doc = parse::Document::from_text("a", text.to_owned());
    doc.published = parse::Date::parse_published(published);
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

/// Whether `found` holds `principal`'s `stance` on the DNC proposition `proposition`.
fn holds(found: &[(Voice, String, Stance, String)], principal: &str, stance: Stance, proposition: &str) -> bool {
    found.iter().any(|c| c.1 == principal && c.2 == stance && c.3 == format!("dnc-hack-2016/{proposition}"))
}

#[test]
fn a_description_coordinated_with_an_actor_says_what_the_actor_says() {
    // Before the actor, opening the sentence.
    let text = "Security researchers and U.S. officials said Russia had hacked the Democratic National \
                Committee.";
    let found = claims_of(text, "2016-07-26");
    assert!(holds(&found, "description:security-researchers", Stance::Assert, "russia-hacked-dnc"), "{found:?}");
    assert!(holds(&found, "USA", Stance::Assert, "russia-hacked-dnc"), "{found:?}");
    // After the actor, up to the cue.
    let text = "The Clinton campaign and several security researchers have alleged that Russia was behind the \
                release of the DNC emails.";
    let found = claims_of(text, "2016-07-26");
    let who = "description:several-security-researchers";
    assert!(holds(&found, who, Stance::Assert, "russia-behind-release"), "{found:?}");
    assert!(holds(&found, "CLINTON-CAMPAIGN", Stance::Assert, "russia-behind-release"), "{found:?}");
}

#[test]
fn a_description_alone_or_in_another_clause_takes_no_position() {
    let text = "Security researchers said Russia had hacked the Democratic National Committee.";
    let found = claims_of(text, "2016-07-26");
    assert!(!found.iter().any(|c| c.1.starts_with("description:")), "{found:?}");
    // A phrase before "and" that does not open the sentence or follow a comma is no subject.
    let text = "They discussed the breach and U.S. officials said Russia had hacked the Democratic National \
                Committee.";
    let found = claims_of(text, "2016-07-26");
    assert!(!found.iter().any(|c| c.1.starts_with("description:")), "{found:?}");
}

#[test]
fn an_aside_beside_an_actors_says_the_same_clause() {
    let text = "If Russia hacked the Democratic National Committee - as many analysts believe, and Democrats are \
                alleging, but Moscow denies - the vote is at risk, she said.";
    let found = claims_of(text, "2016-08-17");
    assert!(holds(&found, "description:many-analysts", Stance::Assert, "russia-hacked-dnc"), "{found:?}");
    assert!(holds(&found, "RUS", Stance::Deny, "russia-hacked-dnc"), "{found:?}");
    // With no actor beside it, the aside's speaker takes no position.
    let text = "If Russia hacked the Democratic National Committee - as many analysts believe - the vote is at risk, \
                she said.";
    let found = claims_of(text, "2016-08-17");
    assert!(!found.iter().any(|c| c.1 == "description:many-analysts" && c.3.starts_with("dnc-hack")), "{found:?}");
}
