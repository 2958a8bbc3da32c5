//! Attributions over the default packs, open-world speakers included: cues learned from
//! PolNeAR train counts (`rules/cues-learned.yaml`) attribute without a clause and claim
//! nothing on their own.

use std::path::Path;

fn ruleset() -> extract::RuleSet {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let sources: Vec<_> = pack::pack_files(&[root])
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (f, bytes)
        })
        .collect();
    let packs = pack::load_sources(&sources).unwrap_or_else(|e| panic!("packs: {e}"));
    extract::RuleSet::compile(&packs).unwrap_or_else(|e| panic!("packs: {e:?}"))
}

/// (cue, speaker) of every attribution, as written.
fn attributions(rules: &extract::RuleSet, text: &str) -> Vec<(String, String)> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    rules
        .attributions(&parsed)
        .into_iter()
        .map(|a| (a.cue.text.clone(), a.speaker.map(|s| s.text).unwrap_or_default()))
        .collect()
}

#[test]
fn a_learned_cue_attributes_without_a_clause_and_claims_nothing() {
    let rules = ruleset();
    let text = "The harbour master railed against the new mooring fees on Tuesday.";
    let found = attributions(&rules, text);
    assert!(found.iter().any(|(c, s)| c.starts_with("railed") && s == "The harbour master"), "{found:?}");
    let doc = parse::Document::from_text("a", text.to_owned());
    assert!(rules.extract(&parse::parse(&doc)).is_empty());
}

#[test]
fn an_adverb_inside_a_cue_is_no_cue_of_its_own() {
    let rules = ruleset();
    let text = "She repeatedly objected to the plan.";
    let spans: Vec<&str> = rules.cue_spans(text).iter().map(|s| s.text(text)).collect();
    assert!(!spans.contains(&"repeatedly"), "{spans:?}");
}

#[test]
fn a_pronoun_report_inside_another_speakers_words_is_part_of_them() {
    let rules = ruleset();
    let found = attributions(&rules, "The harbour master said she thinks the pier is unsafe.");
    assert!(found.iter().any(|(c, s)| c == "said" && s == "The harbour master"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "thinks"), "{found:?}");
    // Not inside anyone's words, the pronoun speaks for itself.
    let found = attributions(&rules, "She thinks the pier is unsafe.");
    assert!(found.iter().any(|(c, s)| c == "thinks" && s == "She"), "{found:?}");
}

#[test]
fn a_named_subject_speaks_without_a_clause_a_description_does_not() {
    let rules = ruleset();
    let found = attributions(&rules, "Ada Holm denied the charge on Monday.");
    assert!(found.iter().any(|(c, s)| c == "denied" && s == "Ada Holm"), "{found:?}");
    let found = attributions(&rules, "The fund may hold a lead in the race.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_belief_verb_no_list_holds_attributes_with_its_clause() {
    // "hopes" is in no cue list: the learned classifier reads it from the parse.
    let rules = ruleset();
    let text = "Ada Holm hopes that the ferry will keep running.";
    assert!(rules.cue_spans(text).is_empty());
    let found = attributions(&rules, text);
    assert_eq!(found, vec![("hopes".to_owned(), "Ada Holm".to_owned())]);
    let doc = parse::Document::from_text("a", text.to_owned());
    assert!(rules.extract(&parse::parse(&doc)).is_empty(), "a learned cue makes no claim");
    // The same verb with no clause, or with a timetable for a subject, reports nothing.
    assert!(attributions(&rules, "Ada Holm hopes.").is_empty());
    assert!(attributions(&rules, "The new timetable hopes to please everyone.").is_empty());
    // Switched off, the classifier adds nothing.
    let mut rules = rules;
    rules.set_learned_cues(false);
    assert!(attributions(&rules, text).is_empty());
}
