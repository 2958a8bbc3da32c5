//! A speaker before a colon, then what they say ("Paul Ryan: FBI decision defies
//! explanation", a transcript's "PENCE: …"): headlines and transcripts.

use super::{Attribution, COLON, Layout, SpeakerRef, written_as_name};
use crate::engine::phrase::{Phrase, PhraseKind};
use crate::engine::sentence::{CueHit, Mention};
use crate::engine::tree::{Tag, Tree};
use crate::engine::words;
use parse::Span;

impl Layout<'_> {
    /// "Paul Ryan: FBI decision defies explanation", "Clinton camp: …": a short phrase that
    /// names someone, then a colon, then what they say (headlines, transcripts). The colon is
    /// the cue and reports as `say` does; a sentence with a cue of its own is not read so.
    pub(super) fn colon(&self, tree: Option<&Tree>) -> Option<Attribution> {
        let words = self.words;
        let first = words.at(self.sentence.start);
        let end = words.at(self.sentence.end);
        // The phrase opens the sentence, or a quotation (a transcript's `"PENCE: …"`), or
        // follows a dash ("… - Jeffrey M. Jones: …").
        let colon = (first..end.min(first + 12)).find(|&k| words.word(k) == ":")?;
        let opens = if matches!(words.word(first), "\"" | "'") { first + 1 } else { first };
        let start = (opens..colon).rev().find(|&k| matches!(words.word(k), "-" | "—" | "–")).map_or(opens, |d| d + 1);
        let phrase = start..colon;
        let capital = |k: usize| words.toks[k].span.text(self.text).chars().next().is_some_and(char::is_uppercase);
        if phrase.is_empty() || phrase.len() > 4 || end < colon + 4 || !capital(colon - 1) {
            return None;
        }
        if phrase.clone().any(|k| words.is_punct(k) && words.word(k) != ".") {
            return None;
        }
        let cue = self.rules.cues.iter().position(|c| c.lemma == "say")?;
        let span = Span::new(words.toks[start].span.start, words.toks[colon - 1].span.end);
        // A pack name, else a proper name as the parse reads it, or a word the document
        // writes as a name elsewhere ("PENCE:" of a transcript naming Pence, "Politifact:" the
        // tagger reads as a noun): not a label ("The Latest:", "UPDATE:", "Q:").
        let name = |k: usize| {
            let tok = words.toks[k].span;
            let w = tok.text(self.text);
            let shouting = w.len() > 1 && !w.chars().any(char::is_lowercase);
            let tagged = tree.is_some_and(|t| matches!(t.tag(k - first), Tag::NNP | Tag::NNPS)) && !shouting;
            w.len() > 1 && (tagged || written_as_name(self.text, w, tok))
        };
        // "Ghouta: On August 21 …": a place opening the sentence is a label, not a speaker.
        if self.rules.gazetteer.places_in(self.text, span).iter().any(|(p, _)| p.contains(span)) {
            return None;
        }
        // "CNN Chief On Putin:", "Ledger Debunks Holm:": a name after a preposition, a
        // conjunction or a verb is what the headline is about, not who speaks.
        let object = |m: &Mention| {
            (start..words.at(m.span.start)).any(|k| {
                let w = words.word(k);
                words::is_preposition(w)
                    || matches!(w, "and" | "&" | "or" | "vs")
                    || tree.is_some_and(|t| t.is_verb(k - first))
            })
        };
        let mention = self.found.mentions.iter().find(|m| span.contains(m.span) && !object(m));
        let speaker = match mention {
            Some(m) => SpeakerRef::Mention(*m),
            None if phrase.clone().all(name) && words.word(start) != "the" => {
                SpeakerRef::Phrase(Phrase { span, head: span, kind: PhraseKind::Named })
            }
            // "Poll: Trump and Clinton hold narrow leads", "Insiders: …": a headline's one noun
            // that names a source by its kind (not "Breaking:", "Contributing:", "Correction:").
            None if phrase.len() == 1 && words::is_source_label(words.word(start)) => {
                SpeakerRef::Phrase(Phrase { span, head: span, kind: PhraseKind::Description })
            }
            None => return None,
        };
        let cue =
            CueHit { span: words.toks[colon].span, cue: u32::try_from(cue).ok()?, negation: None, passive: false };
        let content_start = words.toks[colon].span.end;
        Some(self.attribution(&cue, Some(speaker), content_start, self.sentence.end, COLON))
    }
}
