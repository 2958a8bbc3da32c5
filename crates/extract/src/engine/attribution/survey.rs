//! A survey as a source: "In a CNN/ORC poll released Monday, 31 percent of voters …",
//! "In the new Morning Consult poll, conducted March 11-13, Clinton …". The preposition `in`
//! opening the sentence is the cue and the poll's noun phrase the source, as PolNeAR's
//! readers mark them. Elsewhere in the sentence they mark it about as often as not (train:
//! of `in` one poll or survey not opening the sentence, 27 marked and 23 not: "78 percent of
//! voters in a recent CBS News poll said …", "surveyed in the CBS poll"), and the plural
//! ("leads in the polls", "in national polls") less often still (17 of 145): both left out.
//!
//! Such an attribution is a record only, with no content: the engine reads no claim of a
//! poll, no report is held inside it, and the veto does not judge it (its cue is no listed
//! word). The source is the poll's whole phrase ("a CNN national poll released Monday"), even
//! when a pack names its maker.

use super::{Attribution, Layout, SpeakerRef};
use crate::engine::phrase::{Phrase, PhraseKind};
use crate::engine::sentence::CueHit;
use crate::engine::tree::{Dep, Tag, Tree};
use parse::Span;

/// The layout of a survey's attribution.
pub const SURVEY: &str = "in X poll (parse)";

/// The nouns that name one survey.
fn is_survey(word: &str) -> bool {
    matches!(word, "poll" | "survey")
}

/// Whether the sentence at `text` names a survey, the words [`surveys`] reads: it opens the
/// sentence to the parse.
pub fn mentions_survey(text: &str) -> bool {
    // Split as bytes, not characters: the words are ASCII letters, and every byte of a
    // character outside ASCII separates as the character does (a pass one makes over every
    // sentence; decoding characters made it 2.8 k instructions a sentence).
    text.as_bytes()
        .split(|b| !b.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case(b"poll") || w.eq_ignore_ascii_case(b"survey"))
}

impl Layout<'_> {
    /// The `in` opening the sentence whose object is one poll or survey, as an attribution
    /// to that phrase.
    pub(super) fn surveys(&self, tree: &Tree) -> Vec<Attribution> {
        let Some(cue) = self.rules.cues.iter().position(|c| c.lemma == "according to") else { return Vec::new() };
        let Ok(cue) = u32::try_from(cue) else { return Vec::new() };
        // The sentence's first word, after an opening quotation mark.
        let opens = |k: usize| (0..k).all(|j| matches!(tree.word(j), "\"" | "'" | "“" | "‘"));
        let mut out = Vec::new();
        for k in 0..tree.len() {
            if tree.word(k) != "in" || !opens(k) || self.found.cues.iter().any(|c| c.span.overlaps(tree.span(k..k + 1)))
            {
                continue;
            }
            let Some(n) = tree.child(k, Dep::Pobj) else { continue };
            if !is_survey(tree.word(n)) || !matches!(tree.tag(n), Tag::NN | Tag::NNP) {
                continue;
            }
            let np = tree.noun_phrase(n);
            let phrase = Phrase { span: tree.span(np), head: tree.span(n..n + 1), kind: PhraseKind::Description };
            let hit = CueHit { span: tree.span(k..k + 1), cue, negation: None, passive: false };
            let end = Span::new(hit.span.end, hit.span.end);
            let mut a = self.attribution(&hit, Some(SpeakerRef::Phrase(phrase)), end.start, end.end, SURVEY);
            a.record_only = true;
            out.push(a);
        }
        out
    }
}
