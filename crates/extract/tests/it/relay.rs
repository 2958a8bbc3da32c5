//! Whom the outlet heard a speaker through (`Claim::relay`): the speaker of the report that
//! holds the speaker's words, or that cites the speaker as its object. `compare` reads it to
//! tell an outlet relaying two accounts of a speaker from the speaker contradicting itself.

use crate::common::ruleset;

/// (speaker id, relay id) of every claim of `speaker` in `text`.
fn relays(text: &str, speaker: &str) -> Vec<Option<String>> {
    let doc = parse::Document::from_text("relay", text.to_owned());
    let claims = ruleset().extract(&parse::parse(&doc));
    claims.into_iter().filter(|c| c.actor.id == speaker).map(|c| c.relay.map(|r| r.id)).collect()
}

#[test]
fn a_speaker_inside_an_according_to_report_is_relayed_by_its_source() {
    let text = "Sergei Lavrov admitted that the depot had held nerve agents, according to a European diplomat.";
    let got = relays(text, "sergei-lavrov");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].as_deref().is_some_and(|r| r.starts_with("description:")), "{got:?}");
}

#[test]
fn a_speaker_quoted_as_saying_is_relayed_by_who_quotes_them() {
    let text = "Russian media reported the talks at length, quoting Lavrov as saying that the depot held nothing.";
    assert_eq!(relays(text, "sergei-lavrov"), vec![Some("RUS".to_owned())]);
}

#[test]
fn a_speaker_the_outlet_reports_itself_has_no_relay() {
    let text = "Sergei Lavrov said on Monday that the depot held nothing.";
    assert_eq!(relays(text, "sergei-lavrov"), vec![None]);
}
