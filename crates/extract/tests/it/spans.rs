//! The words an attribution's speaker and cue are written with, as a reader marks a source
//! and a cue: the whole phrase the parse gives the speaker (titles, appositions, coordinated
//! names), only the pronoun of a relative clause's subject, and a verb cue with the
//! auxiliaries, negation and adverbs before it.

use crate::common::{attributions, has, readings, ruleset};

fn speaker_of(found: &[(String, String)], cue: &str) -> Option<String> {
    found.iter().find(|(c, _)| c.ends_with(cue)).map(|(_, s)| s.clone())
}

#[test]
fn the_speaker_is_the_whole_phrase_with_its_title_and_apposition() {
    let rules = ruleset();
    let found = attributions(rules, "Harbour board chairman Ola Berg, a former pilot, said the pier would reopen.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Harbour board chairman Ola Berg, a former pilot"));
    // The phrase never reaches over its cue into what was said.
    let found = attributions(rules, "Ola Berg said the pier, which the board owns, would reopen.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Ola Berg"));
}

#[test]
fn a_relative_clauses_subject_is_its_pronoun() {
    let rules = ruleset();
    let found = attributions(rules, "The pilots, who said the pier was unsafe, left the harbour early.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("who"));
    // Without a relative clause, the noun speaks.
    let found = attributions(rules, "The pilots said the pier was unsafe.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("The pilots"));
}

#[test]
fn a_titles_dot_ends_no_name() {
    let rules = ruleset();
    let found = attributions(rules, "\"The pier is closed,\" said Mr. Berg, who runs the ferry.");
    let speaker = speaker_of(&found, "said").unwrap_or_default();
    assert!(speaker.contains("Berg"), "{found:?}");
    // A name with no title stays the name.
    let found = attributions(rules, "\"The pier is closed,\" said Berg.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Berg"));
}

#[test]
fn a_verb_cue_takes_its_auxiliaries_negation_and_adverbs() {
    let rules = ruleset();
    let found = attributions(rules, "Ola Berg did not directly criticize the harbour board.");
    assert!(found.iter().any(|(c, _)| c == "did not directly criticize"), "{found:?}");
    let found = attributions(rules, "Ola Berg criticized the harbour board on Monday.");
    assert!(found.iter().any(|(c, _)| c == "criticized"), "{found:?}");
    // What follows the verb is not the cue's.
    let found = attributions(rules, "Ola Berg said in a statement that the pier would reopen.");
    assert!(found.iter().any(|(c, _)| c == "said"), "{found:?}");
}

#[test]
fn a_noun_cues_owner_is_not_widened_over_the_cue() {
    let rules = ruleset();
    let found = attributions(rules, "The dockers doubted the harbour master's claim that the pier was safe.");
    assert_eq!(speaker_of(&found, "claim").as_deref(), Some("the harbour master's"), "{found:?}");
}

#[test]
fn a_verb_of_accusing_needs_an_accusations_parts() {
    let rules = ruleset();
    let found = readings(rules, "Ola Berg held the pilots responsible for the collision.");
    assert_eq!(speaker_of(&found, "held").as_deref(), Some("Ola Berg"), "{found:?}");
    // "held a meeting", "holds a lead": the verb's other sense.
    let found = attributions(rules, "Ola Berg held a meeting with the pilots on Monday.");
    assert_eq!(speaker_of(&found, "held"), None, "{found:?}");
}

#[test]
fn a_number_or_quantifier_heading_the_subject_speaks() {
    let rules = ruleset();
    let found = attributions(rules, "Six in 10 say the ferry is too slow.");
    assert_eq!(speaker_of(&found, "say").as_deref(), Some("Six in 10"), "{found:?}");
    let found = attributions(rules, "Many believe the pier will close.");
    assert_eq!(speaker_of(&found, "believe").as_deref(), Some("Many"), "{found:?}");
    // A number that is no subject does not speak.
    let found = attributions(rules, "In 2010 the pier was closed for repairs.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_verb_sharing_the_speaker_of_the_one_before_is_not_inside_its_words() {
    let rules = ruleset();
    let text = "Ola Berg said the pier was unsafe and noted that the fees would rise.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "Ola Berg"), "{found:?}");
    assert!(found.iter().any(|(c, _)| c == "noted"), "{found:?}");
    // A report with its own subject inside the words still belongs to them.
    let found = attributions(rules, "Ola Berg said the pilots think the pier is unsafe.");
    assert!(!found.iter().any(|(c, _)| c == "think"), "{found:?}");
}

#[test]
fn a_noun_cue_without_a_clause_is_no_report() {
    let rules = ruleset();
    let found = attributions(rules, "The dockers rejected Ola Berg's statement that the pier was safe.");
    assert!(found.iter().any(|(c, s)| c == "statement" && s.contains("Berg")), "{found:?}");
    // What the noun is about is no clause: "Berg's statement on the fees".
    let found = attributions(rules, "The dockers rejected Ola Berg's statement on the mooring fees.");
    assert!(!found.iter().any(|(c, _)| c == "statement"), "{found:?}");
}

#[test]
fn an_accusations_of_may_hang_on_its_object() {
    let rules = ruleset();
    let found = attributions(rules, "Ola Berg accused the port police of hiding the cameras.");
    assert!(found.iter().any(|(c, _)| c == "accused"), "{found:?}");
}

#[test]
fn a_name_ending_the_subject_after_a_preposition_is_not_the_speaker() {
    let rules = ruleset();
    // The word layout took the noun nearest the verb; the parse's subject is the whole phrase.
    let found = attributions(rules, "Pilots close to Ola Berg said the pier would reopen in May.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Pilots close to Ola Berg"), "{found:?}");
    let found = attributions(rules, "A deckhand on the Nordlys ferry said the pier was unsafe.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("A deckhand on the Nordlys ferry"), "{found:?}");
    // A name that is the subject itself stays alone, whatever stands before it.
    let found = attributions(rules, "On Monday, Ola Berg said the pier would reopen in May.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Ola Berg"), "{found:?}");
}

#[test]
fn a_participle_sharing_its_verbs_subject_is_said_by_the_subject_not_the_clause() {
    let rules = ruleset();
    // The word layout had taken everything before the comma, the verb included, for a
    // speaker with an appositive ("On Monday, …").
    let found = readings(rules, "On Monday, Ola Berg took a softer tone, again urging calm at the harbour.");
    assert_eq!(speaker_of(&found, "urging").as_deref(), Some("Ola Berg"), "{found:?}");
    // A subject with an appositive of its own keeps it.
    let text = "Ola Berg, the harbour master, walked out of the meeting, again saying the pier was unsafe.";
    let found = readings(rules, text);
    assert_eq!(speaker_of(&found, "saying").as_deref(), Some("Ola Berg, the harbour master"), "{found:?}");
}

#[test]
fn a_time_or_a_body_named_before_the_name_is_no_speaker_with_it() {
    let rules = ruleset();
    // No comma after the time: the parse runs it into the subject, and a day says nothing.
    let found = attributions(rules, "The week before Ola Berg stated that the pier would reopen in May.");
    assert_eq!(speaker_of(&found, "stated").as_deref(), Some("Ola Berg"), "{found:?}");
    // A body's name run into the person's with no comma: the person a pack names speaks.
    let text = "The founder of the Syrian Observatory for Human Rights Rami Abdel Rahman told reporters that the convoy was hit near Idlib.";
    let found = attributions(rules, text);
    let speaker = speaker_of(&found, "told").unwrap_or_default();
    assert!(speaker.ends_with("Rami Abdel Rahman") && !speaker.contains("founder"), "{found:?}");
    // A person's title before the name is no other name: the whole subject still speaks.
    let found = attributions(rules, "Aides to Mayor Ola Berg said the pier would reopen in May.");
    assert_eq!(speaker_of(&found, "said").as_deref(), Some("Aides to Mayor Ola Berg"), "{found:?}");
}
