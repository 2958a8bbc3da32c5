//! "X quoted Y as saying C": the one quoted speaks, in words the quoting one vouches for; an
//! anonymous source ("a source", "a military source", "an unnamed official") speaks for the
//! one quoting it ("Syrian state television quoted a source as saying …").

use super::{Attribution, Layout, SpeakerRef, candidates_before, span_of};
use crate::engine::phrase::{self, PhraseKind};
use crate::engine::sentence::{CueHit, that_after};

/// Nouns that name a source without saying who it is.
const ANONYMOUS: [&str; 6] = ["source", "sources", "official", "officials", "officer", "officers"];

impl Layout<'_> {
    /// The attribution of an "as saying" cue after a verb of quoting and its object: the
    /// object speaks, or the verb's subject when the object is an anonymous source.
    pub(super) fn quoted(&self, cue: &CueHit) -> Option<Attribution> {
        if self.rules.cues.get(cue.cue as usize)?.lemma != "as saying" {
            return None;
        }
        let words = self.words;
        let at = words.at(cue.span.start);
        let first = words.at(self.sentence.start);
        let verb =
            (first..at).rev().take(12).find(|&k| matches!(words.word(k), "quoted" | "quoting" | "cited" | "citing"))?;
        let verb_start = words.toks[verb].span.start;
        // The quoting one: a pack name or pronoun right before the verb.
        let quoter = candidates_before(self.found, verb_start)
            .into_iter()
            .next()
            .filter(|s| span_of(s).is_some_and(|sp| words.at(sp.end) == verb));
        let inside = |s: &SpeakerRef| span_of(s).is_some_and(|sp| sp.start >= words.toks[verb].span.end);
        let object = candidates_before(self.found, cue.span.start)
            .into_iter()
            .find(inside)
            .or_else(|| phrase::phrase_after(self.text, words, verb + 1, at).map(SpeakerRef::Phrase))?;
        let anonymous = match &object {
            SpeakerRef::Phrase(p) if p.kind == PhraseKind::Description => {
                let head = p.head.text(self.text).to_ascii_lowercase();
                ANONYMOUS.iter().any(|a| head.ends_with(a))
            }
            _ => false,
        };
        let (speaker, vouched) = match quoter {
            Some(q) if anonymous => (q, false),
            q => (object, q.is_some()),
        };
        let end = self.right_end(cue);
        let start = that_after(words, words.at(cue.span.end), 2, end).map_or(cue.span.end, |t| words.toks[t].span.end);
        let mut a = self.attribution(cue, Some(speaker), start, end, "X quoted Y as saying C");
        a.vouched = vouched;
        Some(a)
    }
}
