//! Attributions over the default packs, open-world speakers included: cues learned from
//! PolNeAR train counts (`rules/cues-learned.yaml`) attribute without a clause and claim
//! nothing on their own.

use crate::common::{attributions, compile_default_packs, has, readings, ruleset};

#[test]
fn a_learned_cue_attributes_without_a_clause_and_claims_nothing() {
    let rules = ruleset();
    let text = "The harbour master railed against the new mooring fees on Tuesday.";
    let found = attributions(rules, text);
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
    let found = attributions(rules, "The harbour master said she thinks the pier is unsafe.");
    assert!(has(&found, "said", "The harbour master"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "thinks"), "{found:?}");
    // Not inside anyone's words, the pronoun speaks for itself.
    let found = attributions(rules, "She thinks the pier is unsafe.");
    assert!(has(&found, "thinks", "She"), "{found:?}");
}

#[test]
fn a_named_subject_speaks_without_a_clause_a_description_does_not() {
    let rules = ruleset();
    let found = attributions(rules, "Ada Holm denied the charge on Monday.");
    assert!(has(&found, "denied", "Ada Holm"), "{found:?}");
    let found = attributions(rules, "The fund may hold a lead in the race.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_description_stating_in_a_finite_verb_speaks_without_a_clause() {
    let rules = ruleset();
    let found = attributions(rules, "Several harbour surveys show the ferry well ahead of the bridge.");
    assert!(found.iter().any(|(c, s)| c == "show" && s.ends_with("harbour surveys")), "{found:?}");
    // A modal or an infinitive only says what the description may or is to say.
    let found = attributions(rules, "Several harbour surveys may show the ferry well ahead of the bridge.");
    assert!(found.is_empty(), "{found:?}");
    let found = attributions(rules, "Several harbour surveys tend to show the ferry well ahead of the bridge.");
    assert!(!found.iter().any(|(c, _)| c.contains("show")), "{found:?}");
    // The record claims nothing, and the description is no one a later pronoun means.
    let doc = parse::Document::from_text("a", "Several harbour surveys show the ferry well ahead.".to_owned());
    assert!(rules.extract(&parse::parse(&doc)).is_empty());
}

#[test]
fn the_object_of_a_verb_is_no_speaker_after_it_unless_a_quotation_precedes_the_verb() {
    let rules = ruleset();
    let text = "The harbour pastor stood at his pulpit and, citing an old psalm (''choose able men who fear \
God''), endorsed Vladimir Putin, urging his flock to pray.";
    let found = attributions(rules, text);
    assert!(!has(&found, "endorsed", "Vladimir Putin"), "{found:?}");
    let found = attributions(rules, "\"We will stay the course,\" replied Vladimir Putin.");
    assert!(has(&found, "replied", "Vladimir Putin"), "{found:?}");
}

#[test]
fn a_title_case_headline_reports_through_its_capitalised_verb() {
    let rules = ruleset();
    let found = attributions(rules, "Harbour Master Ada Holm Condemns New Mooring Fees.");
    assert!(has(&found, "Condemns", "Harbour Master Ada Holm"), "{found:?}");
    // In running text a capitalised verb form is part of a name.
    let found = attributions(rules, "She works for the State Department in the capital.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_belief_verb_no_list_holds_attributes_with_its_clause() {
    // "hopes" is in no cue list: the learned classifier reads it from the parse.
    let rules = ruleset();
    let text = "Ada Holm hopes that the ferry will keep running.";
    assert!(rules.cue_spans(text).is_empty());
    let found = attributions(rules, text);
    assert_eq!(found, vec![("hopes".to_owned(), "Ada Holm".to_owned())]);
    let doc = parse::Document::from_text("a", text.to_owned());
    assert!(rules.extract(&parse::parse(&doc)).is_empty(), "a learned cue makes no claim");
    // The same verb with no clause, or with a timetable for a subject, reports nothing.
    assert!(attributions(rules, "Ada Holm hopes.").is_empty());
    assert!(attributions(rules, "The new timetable hopes to please everyone.").is_empty());
    // Switched off, the classifier adds nothing.
    let mut switched_off = compile_default_packs();
    switched_off.set_learned_cues(false);
    assert!(attributions(&switched_off, text).is_empty());
}

#[test]
fn an_agentless_passive_with_a_clause_is_an_attribution_without_a_source() {
    let rules = ruleset();
    let found = attributions(rules, "A ruling on the mooring fees is expected to come in May.");
    assert!(has(&found, "is expected", ""), "{found:?}");
    // A bare passive says nothing: "held" reports no one's words.
    let found = attributions(rules, "The harbour gala was held in the old customs hall.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_passive_participle_opening_a_sentence_has_no_source() {
    let rules = ruleset();
    let found = attributions(rules, "Asked about the mooring fees, the harbour master said they would rise.");
    assert!(has(&found, "Asked", ""), "{found:?}");
    assert!(has(&found, "said", "the harbour master"), "{found:?}");
    // With its agent the passive has a source.
    let found = attributions(rules, "The closure was announced by the harbour board on Monday.");
    assert!(has(&found, "was announced", "the harbour board"), "{found:?}");
}

#[test]
fn any_report_inside_another_speakers_clause_is_part_of_their_words() {
    let rules = ruleset();
    let text = "Harbour officials said the inspectors were trying to determine whether the pier was safe.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "Harbour officials"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "determine"), "{found:?}");
    // A report coordinated with the outer one stands on its own.
    let text = "Harbour officials said the pier was safe, and the inspectors said it was not.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "the inspectors"), "{found:?}");
}

#[test]
fn a_semicolon_closes_what_the_speaker_before_it_said() {
    let rules = ruleset();
    let text = "The harbour master said the old pier was safe; most of the dockers say they doubt it.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "The harbour master"), "{found:?}");
    assert!(has(&found, "say", "most of the dockers"), "{found:?}");
    // Without one, the second report is inside the first speaker's words.
    let text = "The harbour master said that most of the dockers say they doubt it.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "The harbour master"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "say"), "{found:?}");
}

#[test]
fn a_speaker_after_a_colon_holds_nothing_before_it() {
    let rules = ruleset();
    let text = "The harbour master defended the new mooring fees: \"They pay for the pier,\" she said.";
    let found = attributions(rules, text);
    assert!(has(&found, "defended", "The harbour master"), "{found:?}");
    assert!(has(&found, "said", "she"), "{found:?}");
    // What follows a speaker's colon is theirs, reports inside it included.
    let text = "The harbour master said this: the dockers believe the fees pay for the pier.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "The harbour master"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "believe"), "{found:?}");
}

#[test]
fn a_report_inside_a_quotation_holds_no_report_of_the_text() {
    let rules = ruleset();
    let text = "\"You think I will change?\" he said at the harbour on Monday.";
    let found = attributions(rules, text);
    assert!(has(&found, "said", "he"), "{found:?}");
    assert!(!found.iter().any(|(c, _)| c == "think"), "{found:?}");
}

#[test]
fn a_gerund_after_a_preposition_of_means_or_time_shares_the_verbs_subject() {
    let rules = ruleset();
    let found = attributions(rules, "The harbour master began by saying the pier was unsafe.");
    assert!(has(&found, "saying", "The harbour master"), "{found:?}");
    // "praised X for saying": the one praised said it, not the praiser.
    let found = attributions(rules, "The dockers praised the harbour master for saying the pier was unsafe.");
    assert!(!has(&found, "saying", "The dockers"), "{found:?}");
}

#[test]
fn a_predicative_adjective_shares_the_subject_of_its_verb() {
    let rules = ruleset();
    let found = attributions(rules, "The dockers are likely to say that the pier is unsafe.");
    assert!(has(&found, "to say", "The dockers"), "{found:?}");
}

#[test]
fn the_noun_a_present_participle_modifies_says_it() {
    let rules = ruleset();
    let found = readings(rules, "The board released a letter saying the pier was unsafe.");
    assert!(found.iter().any(|(c, s)| c == "saying" && s.ends_with("letter")), "{found:?}");
    // A past participle modifying a noun has no speaker in that noun.
    let found = attributions(rules, "The figures reported in the letter were low.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_colon_speaker_is_a_name_the_document_writes_elsewhere_or_a_transcripts_label() {
    let rules = ruleset();
    let text = "Harbour chief Ada Varga spoke on the radio on Sunday.\n\n\"VARGA: The pier will reopen in May, and the fees will not rise.\"";
    let found = attributions(rules, text);
    assert!(has(&found, ":", "VARGA"), "{found:?}");
    let text = "\"HOST: Will the pier reopen in May?\"\n\n\"GUEST: It will reopen in May, we are told.\"\n\n\"HOST: Thank you.\"";
    let found = attributions(rules, text);
    assert!(has(&found, ":", "HOST"), "{found:?}");
    // A label the document writes in lower case elsewhere is no speaker.
    let text = "UPDATE: The pier will reopen in May, the board said in an update on its site.";
    let found = attributions(rules, text);
    assert!(!found.iter().any(|(c, _)| c == ":"), "{found:?}");
}

#[test]
fn an_inverted_speaker_ends_its_clause() {
    let rules = ruleset();
    let found = attributions(rules, "\"The pier is closed,\" said Ada Varga on Monday.");
    assert!(has(&found, "said", "Ada Varga"), "{found:?}");
    // "…, said he and his crew were …": what follows the verb is what was said.
    let text =
        "The board says the pier is safe, and Ada Varga, the harbour master, said he and his crew were not so sure.";
    let found = attributions(rules, text);
    assert!(!has(&found, "said", "he"), "{found:?}");
}

#[test]
fn citing_is_the_subjects_not_what_it_cites() {
    let rules = ruleset();
    let found = attributions(rules, "The harbour board closed the pier, citing safety concerns.");
    assert!(has(&found, "citing", "The harbour board"), "{found:?}");
    assert!(!found.iter().any(|(_, s)| s == "safety concerns"), "{found:?}");
    let found = attributions(rules, "According to Ada Varga, the pier will reopen in May.");
    assert!(has(&found, "According to", "Ada Varga"), "{found:?}");
}

/// A cue's words and its speaker's.
type CueAndSpeaker = Option<(String, String)>;

/// The (cue, speaker) words the cue classifier's trainer scores for the candidate `form` of
/// `text`, next to those the engine writes for that cue once the classifier takes it.
fn trained_and_written(text: &str, form: &str) -> (CueAndSpeaker, CueAndSpeaker) {
    let doc = parse::Document::from_text("a", text.to_owned());
    let parsed = parse::parse(&doc);
    let mut without = compile_default_packs();
    without.set_learned_cues(false);
    let words = |s: Option<parse::Span>| s.map_or(String::new(), |s| s.text(text).to_owned());
    let trained = without
        .cue_candidates(&parsed)
        .into_iter()
        .find(|c| c.form == form)
        .map(|c| (words(Some(c.cue)), words(c.speaker)));
    let written = attributions(ruleset(), text).into_iter().find(|(c, _)| c.contains(form));
    (trained, written)
}

#[test]
fn the_cue_trainer_scores_the_words_the_engine_writes() {
    // The trainer once scored a candidate's speaker by its head name ("Holm") and its cue
    // without its auxiliaries ("hoped"), where the engine writes the whole phrase and the
    // auxiliaries: the strict match it tuned the threshold on read low.
    let text = "The harbour pilot Ada Holm has long hoped that the ferry will keep running.";
    let (trained, written) = trained_and_written(text, "hoped");
    assert!(written.is_some(), "the classifier takes `hoped`");
    assert_eq!(trained, written);
    // A relative pronoun's speaker is written as the pronoun alone, as PolNeAR marks it.
    let text = "Ada Holm, who hopes that the ferry will keep running, spoke on Tuesday.";
    let (trained, written) = trained_and_written(text, "hopes");
    assert_eq!(trained.map(|(_, s)| s), Some("who".to_owned()));
    assert_eq!(written.map(|(_, s)| s), Some("who".to_owned()));
}

#[test]
fn a_second_verb_after_a_report_without_a_speaker_takes_its_own_subject() {
    let rules = ruleset();
    // The opening participle names no one; the subject of the joined verbs says it.
    let text = "Asked about the mooring fees, Ada Holm shook her head and said the pier would stay open.";
    let found = readings(rules, text);
    assert!(has(&found, "said", "Ada Holm"), "{found:?}");
    // A second verb after a report with a speaker shares it.
    let text = "Ada Holm denied the charge and said the pier would stay open.";
    let found = readings(rules, text);
    assert!(has(&found, "said", "Ada Holm"), "{found:?}");
}

#[test]
fn coordinated_speakers_of_one_cue_are_one_attribution() {
    // Each of them makes the claim, but the text reports once: one cue, one source as written.
    // Each speaker had been listed as an attribution of its own, a false one for PolNeAR.
    let rules = ruleset();
    let text = "Britain and France said the harbour was unsafe.";
    let found = attributions(rules, text);
    assert_eq!(found.iter().filter(|(c, _)| c == "said").count(), 1, "{found:?}");
    let text = "Harbour pilots and Britain said the harbour was unsafe.";
    let found = attributions(rules, text);
    assert_eq!(found.iter().filter(|(c, _)| c == "said").count(), 1, "{found:?}");
    // Two cues are two reports.
    let found = attributions(rules, "Britain said the harbour was unsafe, and France denied it.");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_poll_opening_the_sentence_is_its_source_and_claims_nothing() {
    let rules = ruleset();
    let text = "In a Harbour Gazette poll released Monday, 61 percent of ferry users backed the new pier.";
    let found = attributions(rules, text);
    assert!(has(&found, "In", "a Harbour Gazette poll released Monday"), "{found:?}");
    let doc = parse::Document::from_text("a", text.to_owned());
    assert!(rules.extract(&parse::parse(&doc)).is_empty());
    // Inside the sentence, or of several polls, it is a standing, not a report.
    let found = attributions(rules, "Ferry users backed the new pier by 61 percent in a Harbour Gazette poll.");
    assert!(!found.iter().any(|(c, _)| c == "in"), "{found:?}");
    let found = attributions(rules, "In the polls, the ferry leads the bridge by ten points.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_headline_label_naming_a_source_kind_speaks_after_its_colon() {
    let rules = ruleset();
    let found = attributions(rules, "Poll: Ferry users back the new pier by ten points.");
    assert!(has(&found, ":", "Poll"), "{found:?}");
    // A label that names no source is no speaker.
    let found = attributions(rules, "Breaking: Ferry users back the new pier by ten points.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_relative_clause_the_parse_hangs_on_a_verb_speaks_for_the_noun_before_it() {
    let rules = ruleset();
    // The parse hangs "who noted …" on "backed": the pronoun still stands for the harbour master.
    let found = readings(rules, "The plan was backed by Paul Hartley, who noted that he had raised the wage.");
    assert!(found.iter().any(|(c, s)| c == "noted" && s.ends_with("who")), "{found:?}");
    // A relative pronoun after a verb and no noun has no one to stand for.
    let found = readings(rules, "The mooring fees were raised, which suggests the harbour is short of money.");
    assert!(!found.iter().any(|(c, s)| c == "suggests" && !s.is_empty()), "{found:?}");
}

#[test]
fn a_relative_pronoun_with_an_auxiliary_written_onto_it_speaks_for_the_noun_before_it() {
    let rules = ruleset();
    let found = readings(rules, "Paul Hartley, who\u{2019}d argued for the pier since spring, resigned on Friday.");
    // Written as PolNeAR marks it: the pronoun, which stands for the noun before it.
    assert!(has(&found, "argued", "who\u{2019}d"), "{found:?}");
    let found = readings(rules, "The ferry users cheered Paul Hartley, who'd argued for the pier since spring.");
    assert!(has(&found, "argued", "who'd"), "{found:?}");
    // "who's" before a participle with no "to" or "by" after it is "who has".
    let found = readings(rules, "Paul Hartley, who's argued for the pier since spring, resigned on Friday.");
    assert!(found.iter().any(|(c, s)| c == "argued" && !s.is_empty()), "{found:?}");
}

#[test]
fn a_pronoun_with_s_written_on_before_a_participle_has_said_it() {
    let rules = ruleset();
    let found = readings(rules, "He's claimed for years that the pier is unsafe.");
    assert!(found.iter().any(|(c, s)| c == "claimed" && s.starts_with("He")), "{found:?}");
    // "It's said that …" is a passive with no source, and "he's said to …" one whose subject
    // is what is said of.
    let found = readings(rules, "It's said that the pier is unsafe.");
    assert!(!found.iter().any(|(c, s)| c == "said" && !s.is_empty()), "{found:?}");
    let found = readings(rules, "He's said to favour the pier, according to the Ledger.");
    assert!(!found.iter().any(|(c, s)| c == "said" && !s.is_empty()), "{found:?}");
}

#[test]
fn a_possessive_pronoun_owning_a_noun_cue_with_a_that_clause_speaks() {
    let rules = ruleset();
    let found = readings(rules, "Ferry users recoiled from his suggestion that the harbour could be sold.");
    assert!(has(&found, "suggestion", "his"), "{found:?}");
    let found = readings(rules, "Her argument was that the pier should stay open.");
    assert!(has(&found, "argument", "Her"), "{found:?}");
    // Without a `that` clause the noun reports nothing the text states.
    let found = readings(rules, "In his statement on Friday, the harbour master resigned.");
    assert!(!found.iter().any(|(c, _)| c == "statement"), "{found:?}");
    let found = readings(rules, "Her argument was weak.");
    assert!(!found.iter().any(|(c, _)| c == "argument"), "{found:?}");
}

#[test]
fn according_to_is_never_inside_another_speakers_words() {
    let rules = ruleset();
    let found = readings(rules, "The harbour master said the pier would close on Friday, according to the Ledger.");
    assert!(has(&found, "said", "The harbour master"), "{found:?}");
    assert!(has(&found, "according to", "the Ledger"), "{found:?}");
}

#[test]
fn according_to_reads_the_phrase_the_parse_hangs_on_to_when_the_word_layout_reads_none() {
    let rules = ruleset();
    // A source the word layout cannot read ("one" heads it; a slash joins two makers).
    let found = readings(rules, "The council will sell the pier, according to one of its own members.");
    assert!(has(&found, "according to", "one of its own members"), "{found:?}");
    let found = readings(rules, "According to one of its own members, the council will sell the pier.");
    assert!(has(&found, "According to", "one of its own members"), "{found:?}");
    let found =
        readings(rules, "Ferry fares should be cut, according to a New York Times/CBS News poll of harbour towns.");
    assert!(has(&found, "according to", "a New York Times/CBS News poll of harbour towns"), "{found:?}");
    // Where the word layout reads a source, it stays: the parse's phrase does not replace it.
    let found = readings(rules, "The pier will close on Friday, according to the Ledger.");
    assert!(has(&found, "according to", "the Ledger"), "{found:?}");
    assert!(!found.iter().any(|(c, s)| c == "according to" && s != "the Ledger"), "{found:?}");
}

#[test]
fn an_inverted_speaker_set_off_by_a_comma_is_no_later_verbs_subject() {
    let rules = ruleset();
    // The parse hangs "Borges" on "will be cast" as its subject; the comma after the name
    // sets it off from that verb.
    let text = "“We answer ferry complaints with a signed Republican slate card,” said Borges, who predicted \
                about one-third of the harbour vote will be cast before May 2.";
    let found = readings(rules, text);
    assert!(found.iter().any(|(c, s)| c == "said" && s.starts_with("Borges")), "{found:?}");
    // With no comma, a phrase after the verb that a later verb takes as its subject is not
    // the verb's speaker.
    let found = readings(
        rules,
        "The harbour master repeated the warning on Friday, said he and his crew were preparing the boats.",
    );
    assert!(!found.iter().any(|(c, s)| c == "said" && !s.is_empty()), "{found:?}");
}

#[test]
fn two_apostrophes_closing_a_quotation_set_off_an_inverted_speaker() {
    let rules = ruleset();
    let found = readings(rules, "''We had to wait for the right moment,'' recalled Dana Whitfield.");
    assert!(has(&found, "recalled", "Dana Whitfield"), "{found:?}");
    // With no quotation before it, the phrase after the verb is its object.
    let found = readings(rules, "The harbour board recalled Dana Whitfield from the coast.");
    assert!(!found.iter().any(|(_, s)| s == "Dana Whitfield"), "{found:?}");
}

#[test]
fn fast_reading_parses_no_sentence_for_a_learned_cue_alone() {
    let mut fast = compile_default_packs();
    fast.set_fast(true);
    // Only "hopes", a word of the classifier's, would open this sentence: it is not parsed.
    let alone = "Ada Holm hopes that the ferry will keep running.";
    assert_eq!(attributions(ruleset(), alone).len(), 1);
    assert!(attributions(&fast, alone).is_empty());
    // A sentence a listed cue opens is parsed, and the classifier reads it as before.
    let text = "Ada Holm hopes that the ferry will keep running, and the mayor said the fees would stay.";
    let found = attributions(&fast, text);
    assert_eq!(found, attributions(ruleset(), text));
    assert!(has(&found, "hopes", "Ada Holm"), "{found:?}");
}

/// The content of the attribution of `cue` in `text`, as written.
fn content_of(text: &str, cue: &str) -> Option<String> {
    let doc = parse::Document::from_text("a", text.to_owned());
    let found = ruleset().attributions(&parse::parse(&doc));
    found.into_iter().find(|a| a.cue.text == cue).and_then(|a| a.content).map(|c| c.text)
}

#[test]
fn a_that_after_a_verb_of_doing_is_no_clause_of_the_cue() {
    let text = "The harbour board says the council already tried to do that with the ferry plan last spring.";
    let content = content_of(text, "says");
    assert!(content.as_deref().is_some_and(|c| c.starts_with("the council already tried")), "{content:?}");
    // A "that" opening a clause still does.
    let text = "The harbour board says that the council already tried the ferry plan.";
    assert_eq!(content_of(text, "says").as_deref(), Some("the council already tried the ferry plan."));
}

#[test]
fn a_gerund_after_a_lone_preposition_is_not_reported_by_the_name_before_it() {
    // "forced out Chairwoman Debbie Wasserman Schultz after showing that …": the name is the
    // neighbour of the preposition, not the speaker of "showing", and the Republicans' words
    // run on to the end.
    let rules = ruleset();
    let text = "Republicans say the audit came in July, which forced out Chairwoman Debbie Wasserman Schultz \
                after showing that the fees were misspent.";
    let content = content_of(text, "say");
    assert!(content.as_deref().is_some_and(|c| c.ends_with("the fees were misspent.")), "{content:?}");
    let found = attributions(rules, text);
    assert!(!found.iter().any(|(_, s)| s.contains("Wasserman")), "{found:?}");
    // A prepositional phrase with its object still stands between a speaker and its verb.
    let found = attributions(rules, "Officials in the harbour town said the fees were misspent.");
    assert!(found.iter().any(|(c, s)| c == "said" && s.starts_with("Officials")), "{found:?}");
}

#[test]
fn a_speaker_set_off_before_its_verb_is_not_taken_from_a_clause_after_it() {
    let rules = ruleset();
    // The parse gives "said" no subject; "she", after the comma and the verb, is the subject
    // of the clause said, not a speaker written after the verb.
    let text = "The fares rose twice in a year, and Marta Lindqvist, the harbour board treasurer, said she had \
                warned against both increases.";
    let found = readings(rules, text);
    assert!(has(&found, "said", "Marta Lindqvist, the harbour board treasurer"), "{found:?}");
    // A phrase closing the sentence after the verb is its speaker.
    let found = readings(rules, "The fares rose sharply, said the harbour master.");
    assert!(has(&found, "said", "the harbour master"), "{found:?}");
}

#[test]
fn a_verbless_phrase_the_parse_leaves_a_root_before_a_root_verb_is_its_subject() {
    let rules = ruleset();
    // The parse leaves "Holm" and "joked" two roots: the noun phrase is the verb's subject.
    let found =
        readings(rules, "Rep. Ada Holm (D-Calif.) last month joked to the harbour master that the ferry was late.");
    assert!(found.iter().any(|(c, s)| c == "joked" && s.starts_with("Rep. Ada Holm")), "{found:?}");
}

#[test]
fn a_negated_auxiliary_between_speaker_and_verb_is_not_the_speakers() {
    let rules = ruleset();
    // The auxiliary with "n't" written on belongs to the verb: the pronoun is a pronoun still.
    let found = readings(rules, "He didn't mention the ferry fares at all.");
    assert!(has(&found, "didn't mention", "He"), "{found:?}");
    let found = readings(rules, "Marta Lindqvist won\u{2019}t reveal what she thinks of the pier.");
    assert!(has(&found, "won\u{2019}t reveal", "Marta Lindqvist"), "{found:?}");
    // Without the negation, the same speaker.
    let found = readings(rules, "Marta Lindqvist will reveal what she thinks of the pier.");
    assert!(found.iter().any(|(c, s)| c.ends_with("reveal") && s == "Marta Lindqvist"), "{found:?}");
}

#[test]
fn a_participle_shares_the_speaker_of_the_verb_before_it_not_of_a_noun_cue() {
    let rules = ruleset();
    // "claims" is a noun here: its owner is no subject a participle can share.
    let found =
        readings(rules, "Ada Holm dismissed the mayor's claims that the pier was unsafe, saying the survey was old.");
    assert!(has(&found, "saying", "Ada Holm"), "{found:?}");
    assert!(!has(&found, "saying", "the mayor's"), "{found:?}");
    // After a verb cue alone, the participle is that verb's subject's.
    let found = readings(rules, "Ada Holm denied that the pier was unsafe, saying the survey was old.");
    assert!(has(&found, "saying", "Ada Holm"), "{found:?}");
}

#[test]
fn a_name_after_a_preposition_before_a_colon_is_what_the_headline_is_about() {
    let rules = ruleset();
    let found = readings(rules, "Harbour Chief On Putin: The talks went well.");
    assert!(!has(&found, ":", "Putin"), "{found:?}");
    // A name first, then what it speaks on, still speaks.
    let found = readings(rules, "Putin on Syria: The talks went well.");
    assert!(has(&found, ":", "Putin"), "{found:?}");
}

#[test]
fn a_copula_candidate_yields_to_its_predicative_adjective() {
    // PolNeAR marks one attribution at "were hopeful that": when the classifier takes both
    // the copula (read through its adjective) and the adjective, the adjective's stands.
    let text = "The harbour workers were hopeful that the new ferry would keep running.";
    let doc = parse::Document::from_text("a", text.to_owned());
    let mut rules = compile_default_packs();
    rules.set_learned_cues(false);
    let candidates = rules.cue_candidates(&parse::parse(&doc));
    let of = |form: &str| candidates.iter().find(|c| c.form == form);
    let copula = of("were").and_then(|c| c.yields_to).map(|s| s.text(text));
    assert_eq!(copula, Some("hopeful"));
    let adjective = of("hopeful").map(|c| c.cue);
    assert!(adjective.is_some_and(|a| extract::cue_model::yields(of("were").and_then(|c| c.yields_to), &[a])));
    // A verb without a predicative adjective yields to nothing.
    assert!(of("running").is_none_or(|c| c.yields_to.is_none()));
}
