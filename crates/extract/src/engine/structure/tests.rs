//! Structural attribution read from hand-made sentences and their parses.

use super::*;
use crate::engine::sentence::Reference;
use crate::lexicon::{Pronoun, Via};
use pack::schema::CuePattern;

/// A sentence with its parse; `found` holds the mentions and references given by their
/// words (actor 0 for every mention), and a cue for each listed cue word.
struct Case {
    text: String,
    words: Words,
    found: Found,
    tree: Tree,
}

fn case(text: &str, names: &[&str], pronouns: &[&str]) -> Case {
    let words = Words::new(text, Span::new(0, text.len()));
    let tree = Tree::new(text, &words);
    let at = |w: &str| {
        let start = text.find(w).unwrap_or_else(|| panic!("no `{w}`"));
        Span::new(start, start + w.len())
    };
    let found = Found {
        mentions: names.iter().map(|n| Mention { span: at(n), actor: 0, via: Via::Alias }).collect(),
        refs: pronouns.iter().map(|p| RefMention { span: at(p), kind: Reference::Pronoun(Pronoun::He) }).collect(),
        ..Found::default()
    };
    Case { text: text.to_owned(), words, found, tree }
}

impl Case {
    fn structure(&self) -> Structure<'_> {
        Structure { words: &self.words, found: &self.found, tree: &self.tree }
    }

    fn cue(&self, word: &str) -> CueHit {
        let start = self.text.find(word).unwrap_or_else(|| panic!("no `{word}`"));
        CueHit { span: Span::new(start, start + word.len()), cue: 0, negation: None, passive: false }
    }

    /// The speaker's words and sort as read for cue `word` by `read`.
    fn read(&self, word: &str, pattern: CuePattern) -> Option<(String, &'static str)> {
        let (structure, cue) = (self.structure(), self.cue(word));
        let r = match pattern {
            CuePattern::Noun => structure.noun(&cue),
            CuePattern::AccordingTo => structure.according_to(&cue),
            _ => structure.verb(&cue),
        }?;
        let (span, sort) = match r.speaker {
            SpeakerRef::Mention(m) => (m.span, "mention"),
            SpeakerRef::Ref(r) => (r.span, "reference"),
            SpeakerRef::Phrase(p) => (
                p.span,
                match p.kind {
                    PhraseKind::Named => "named",
                    PhraseKind::Description => "description",
                    PhraseKind::Pronoun => "pronoun",
                },
            ),
            SpeakerRef::Shared => (Span::default(), "shared"),
        };
        Some((span.text(&self.text).to_owned(), sort))
    }

    fn content(&self, word: &str) -> Option<String> {
        let r = self.structure().verb(&self.cue(word))?;
        r.content.map(|c| c.text(&self.text).to_owned())
    }
}

fn speaks(found: Option<(String, &'static str)>, words: &str, sort: &str) {
    assert_eq!(found.as_ref().map(|(w, s)| (w.as_str(), *s)), Some((words, sort)));
}

#[test]
fn the_subject_of_the_verb_speaks_not_the_nearest_name() {
    let c = case("Steven Marsh, a harbour spokesman, said the Ferry Board was wrong.", &["Ferry Board"], &[]);
    speaks(c.read("said", CuePattern::Say), "Steven Marsh", "named");
    assert_eq!(c.content("said").as_deref(), Some("the Ferry Board was wrong"));
}

#[test]
fn inverted_and_relative_speakers() {
    let c = case("\"The pier is closed,\" said the port manager.", &[], &[]);
    speaks(c.read("said", CuePattern::Say), "the port manager", "description");
    let c = case("Ola Berg, who said the cranes were idle, left early.", &[], &[]);
    speaks(c.read("said", CuePattern::Say), "Ola Berg, who", "named");
}

#[test]
fn a_name_in_apposition_or_owning_a_body_speaks_for_it() {
    let c = case("The harbour master, Ines Varga, told reporters the pier had closed.", &["Ines Varga"], &[]);
    speaks(c.read("told", CuePattern::Say), "Ines Varga", "mention");
    let c = case("The government of Norland said the border was open.", &["Norland"], &[]);
    speaks(c.read("said", CuePattern::Say), "Norland", "mention");
    let c = case("Harbour workers and Norland say the fees are too high.", &["Norland"], &[]);
    speaks(c.read("say", CuePattern::Say), "Norland", "mention");
}

#[test]
fn passive_agent_and_according_to() {
    let c = case("The closure was announced by the harbour board on Monday.", &[], &[]);
    speaks(c.read("announced", CuePattern::Say), "the harbour board", "description");
    let c = case("According to Ines Varga, the pier will reopen in May.", &[], &[]);
    speaks(c.read("According to", CuePattern::AccordingTo), "Ines Varga", "named");
}

#[test]
fn noun_cues_take_their_possessor_or_by_phrase() {
    let c = case("He rejected Varga's statement that the pier was unsafe.", &["Varga"], &["He"]);
    speaks(c.read("statement", CuePattern::Noun), "Varga", "mention");
    let c = case("The warning by the harbour master that the pier was unsafe angered the crews.", &[], &[]);
    speaks(c.read("warning", CuePattern::Noun), "the harbour master", "description");
    // Without a clause the noun names what was said, and reports nothing.
    let c = case("The comments by the harbour master angered the crews.", &[], &[]);
    assert_eq!(c.read("comments", CuePattern::Noun), None);
}

#[test]
fn a_verb_cue_read_as_an_owned_noun_with_a_complement_reports() {
    let c = case("Reporters doubted the harbour master's claim that the pier was safe.", &[], &[]);
    let r = c.structure().owned_noun(&c.cue("claim"));
    assert_eq!(r.map(|r| span_text(&c, r.speaker)).as_deref(), Some("the harbour master's"));
    let c = case("The mayor began her second term in May.", &[], &[]);
    assert_eq!(c.structure().owned_noun(&c.cue("term")), None);
}

fn span_text(c: &Case, s: SpeakerRef) -> String {
    match s {
        SpeakerRef::Mention(m) => m.span.text(&c.text).to_owned(),
        SpeakerRef::Ref(r) => r.span.text(&c.text).to_owned(),
        SpeakerRef::Phrase(p) => p.span.text(&c.text).to_owned(),
        SpeakerRef::Shared => String::new(),
    }
}

/// Each inflection of a voicing verb voices ("is raising questions" as "raised questions").
#[test]
fn voicing_verbs_in_every_inflection() {
    for w in ["raise", "raised", "raises", "raising", "voiced", "voicing", "repeats", "leveled", "delivering", "making"]
    {
        assert!(is_voicing(w), "{w}");
    }
    for w in ["issued", "rained", "said", "rai"] {
        assert!(!is_voicing(w), "{w}");
    }
}

#[test]
fn a_noun_cue_made_or_voiced_is_said_by_the_subject_of_its_verb() {
    let c = case("The harbour master has made several statements about the mooring fees.", &[], &[]);
    let r = c.structure().voiced_noun(&c.cue("statements"));
    assert_eq!(r.map(|r| span_text(&c, r.speaker)).as_deref(), Some("The harbour master"));
    // Another verb, an owner of its own, or nothing said of anything: no such reading.
    let c = case("The dockers read the statements about the mooring fees.", &[], &[]);
    assert_eq!(c.structure().voiced_noun(&c.cue("statements")), None);
    let c = case("The mayor made Varga's statements about the fees public.", &["Varga"], &[]);
    assert_eq!(c.structure().voiced_noun(&c.cue("statements")), None);
    let c = case("The harbour master made several statements.", &[], &[]);
    assert_eq!(c.structure().voiced_noun(&c.cue("statements")), None);
}

#[test]
fn a_verb_without_clause_or_object_says_what_its_preposition_holds() {
    let c = case("The dockers railed against the new mooring fees.", &[], &[]);
    speaks(c.read("railed", CuePattern::Say), "The dockers", "description");
    assert_eq!(c.content("railed").as_deref(), Some("the new mooring fees"));
    let c = case("The dockers blocked the gates for hours.", &[], &[]);
    assert_eq!(c.content("blocked"), None);
}

#[test]
fn a_passive_with_an_agent_says_its_subject() {
    let c = case("The closure was first reported by the harbour gazette.", &[], &[]);
    speaks(c.read("reported", CuePattern::Say), "the harbour gazette", "description");
    assert_eq!(c.content("reported").as_deref(), Some("The closure"));
}

#[test]
fn an_opening_participle_with_an_agent_is_said_by_it() {
    let c = case("Asked by the harbour master whether the pier was safe, the mayor said it was.", &[], &[]);
    speaks(c.read("Asked", CuePattern::Say), "the harbour master", "description");
    let c = case("Challenged by Ines Varga on the fees, the mayor promised a review.", &[], &[]);
    speaks(c.read("Challenged", CuePattern::Say), "Ines Varga", "named");
    // A participle modifying a noun takes no speaker from its agent.
    let c = case("The new fees, opposed by the dockers, were raised in May.", &[], &[]);
    assert_eq!(c.read("opposed", CuePattern::Say), None);
}

#[test]
fn a_comma_participle_hung_in_the_complement_speaks_for_the_main_subject() {
    let c = case(
        "The harbour master insisted that the pier had \"reopened on time,\" claiming that the cranes were idle.",
        &[],
        &[],
    );
    speaks(c.read("claiming", CuePattern::Say), "The harbour master", "description");
    // Without the comma the participle is the noun's: a letter says what it says.
    let c = case("The dockers sent a letter saying that the fees were too high.", &[], &[]);
    speaks(c.read("saying", CuePattern::Say), "a letter", "description");
}

#[test]
fn a_participle_modifying_a_noun_has_no_speaker() {
    let c = case("The figures reported by the harbour board were low.", &[], &[]);
    assert!(c.structure().modifies_noun(&c.cue("reported")));
    let c = case("The harbour board reported low figures.", &[], &[]);
    assert!(!c.structure().modifies_noun(&c.cue("reported")));
}

#[test]
fn an_agentless_passive_or_opening_participle_has_no_source() {
    let c = case("A ruling is expected to come in May.", &[], &[]);
    assert!(c.structure().sourceless(&c.cue("expected")).is_some());
    let c = case("Asked about the fees, the mayor laughed.", &[], &[]);
    assert!(c.structure().sourceless(&c.cue("Asked")).is_some());
    let c = case("The closure was announced by the harbour board.", &[], &[]);
    assert_eq!(c.structure().sourceless(&c.cue("announced")), None);
    let c = case("The gala was held in the customs hall.", &[], &[]);
    assert_eq!(c.structure().sourceless(&c.cue("held")), None);
}

#[test]
fn a_noun_that_is_its_clause_s_only_verb_reads_as_a_verb() {
    // A relative clause the parse leaves verbless: "blames" is tagged a plural noun.
    let text = "Norland vetoed a draft demanding an inquiry into a suspected arson attack that the West blames on Harbour Master Ines Varga's crews.";
    let c = case(text, &[], &[]);
    assert_eq!(c.tree.tag(c.tree.word_at(c.cue("blames").span.start).unwrap_or(0)), Tag::NNS);
    assert!(c.structure().reads_as_verb(&c.cue("blames")));
    // A complementiser hangs on it: "blames" tagged a noun in apposition, with "that".
    let text = "Norland blocked a motion calling for an inquiry into a ferry fire that the West blames on Harbour Master Ines Varga's crews.";
    let c = case(text, &[], &[]);
    assert!(c.structure().reads_as_verb(&c.cue("blames")));
    // A noun in a relative clause that has its verb is a noun.
    let c = case("The dockers doubted the fire that the board's reports blame on Varga.", &[], &[]);
    assert!(!c.structure().reads_as_verb(&c.cue("reports")));
}

#[test]
fn a_verb_read_as_a_noun_or_a_refusal_reports_nothing() {
    let c = case("It was a swing-state gambit.", &[], &[]);
    assert!(!c.structure().reads_as_verb(&c.cue("state")));
    let c = case("He declined to say what the inspectors found.", &[], &["He"]);
    assert_eq!(c.read("say", CuePattern::Say), None);
}
