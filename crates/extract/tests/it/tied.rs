//! A speaker tied by a preposition to a person a pack names ("aides to …", "a spokeswoman for …")
//! speaks for that person; one the preposition sets against the person ("critics of …",
//! "protesters against …") does not.

use crate::common::ruleset;

/// The actor ids of the claims whose cue is `cue` in `text`.
fn actors(text: &str, cue: &str) -> Vec<String> {
    let doc = parse::Document::from_text("tied", text.to_owned());
    let claims = ruleset().extract(&parse::parse(&doc));
    claims.into_iter().filter(|c| c.evidence.cue.as_ref().is_some_and(|m| m.text == cue)).map(|c| c.actor.id).collect()
}

#[test]
fn aides_to_a_named_person_speak_for_the_person() {
    let text = "Aides to President Vladimir Putin said the convoy near Idlib had been struck by rebels.";
    assert_eq!(actors(text, "said"), vec!["vladimir-putin".to_owned()]);
    let text = "A spokeswoman for Sergei Lavrov said the convoy near Idlib had been struck by rebels.";
    assert_eq!(actors(text, "said"), vec!["sergei-lavrov".to_owned()]);
}

#[test]
fn critics_of_a_named_person_do_not_speak_for_the_person() {
    for text in [
        "Critics of President Vladimir Putin said the convoy near Idlib had been struck by his jets.",
        "Protesters against Vladimir Putin said the convoy near Idlib had been struck by his jets.",
        "Rivals to Sergei Lavrov said the convoy near Idlib had been struck by Russian jets.",
        "Critics of the Syrian Observatory for Human Rights said the convoy near Idlib had been struck by rebels.",
    ] {
        let got = actors(text, "said");
        assert!(
            got.iter().all(|a| !matches!(a.as_str(), "vladimir-putin" | "sergei-lavrov" | "SOHR")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_surname_named_in_full_before_ties_the_phrase_to_the_person() {
    let named = "Hillary Clinton spoke in Ohio on Monday.";
    let text = format!("{named} Aides to Clinton said the emails had been taken by Russian hackers.");
    assert_eq!(actors(&text, "said"), vec!["hillary-clinton".to_owned()]);
    let text = format!("{named} Critics of Clinton said the emails had been taken by Russian hackers.");
    assert!(actors(&text, "said").is_empty(), "{text}");
}
