//! Layouts of accusing and blaming verbs (`X accused Y of C`, `X blamed Y for C`, `X blamed C
//! on Y`, `C that X blames on Y`): who speaks, what is said, and the doer the layout names.

use super::{Attribution, Layout, SpeakerRef, candidate_after, span_of};
use crate::engine::phrase::Phrase;
use crate::engine::sentence::{CueHit, Mention};
use crate::engine::words;

impl Layout<'_> {
    /// `X accused Y of C` (and "held Y responsible"): the accused is the layout's doer.
    /// `previous` is the attribution of the cue before it in the sentence.
    pub(super) fn accuse(&self, cue: &CueHit, previous: Option<&Attribution>) -> Option<Attribution> {
        // "… said jets circled over the town after the shelling accusing the army of …": an
        // event accuses no one; a participle of accusing with only an event before it shares
        // the speaker of the report before it.
        let speaker = match self.any_left(cue) {
            Some(SpeakerRef::Phrase(p)) if self.event_before_participle(cue, p, previous) => Some(SpeakerRef::Shared),
            other => other,
        };
        let end = self.right_end(cue);
        // "accused Russia of …", "held Moscow responsible": no object, no accusation
        // ("the regime still holds chemical weapons"). An object that refers ("accused the
        // army of …") is one when `of` follows it; `doers` reads whom it refers to. A body
        // loyal to someone is theirs ("accused the forces loyal to Assad of …").
        let object = self.object_after(cue.span.end).or_else(|| self.owner_of_body_after(cue));
        let from = match object {
            Some(m) => m.span.end,
            None => self.referring_object_of(cue)?,
        };
        // "accused Russia of …": `of` right after the object opens the content.
        let rest = self.text.get(from..end).unwrap_or("");
        let start = if rest.trim_start().starts_with("of ") { from + rest.find("of ").unwrap_or(0) + 3 } else { from };
        let mut a = self.attribution(cue, speaker, start, end, "X accused Y of C");
        a.agent = object;
        Some(a)
    }

    /// `X blamed Y for C`, `X blamed C on Y`, `X attributed C to Y`, `C that X blames on Y`.
    pub(super) fn blame(&self, cue: &CueHit) -> Option<Attribution> {
        let words = self.words;
        let speaker = self.any_left(cue);
        let end = self.right_end(cue);
        let rest = self.text.get(cue.span.end..end)?;
        // "X blamed Y for C".
        if let Some(object) = self.object_after(cue.span.end)
            && let Some(i) = self.text.get(object.span.end..end).and_then(|r| r.find(" for ")).filter(|i| *i <= 2)
        {
            let mut a = self.attribution(cue, speaker, object.span.end + i + 5, end, "X blamed Y for C");
            a.agent = Some(object);
            return Some(a);
        }
        // "X blamed C on Y", "X attributed C to Y", and the relative "C that X blames on Y".
        let on = rest.find(" on ").or_else(|| rest.find(" to ")).map(|i| cue.span.end + i + 4);
        let agent = on.and_then(|at| self.object_after(at));
        let speaker_start = speaker.as_ref().and_then(span_of).map_or(cue.span.start, |s| s.start);
        let before_speaker = words.at(speaker_start);
        let relative = before_speaker > 0 && matches!(words.word(before_speaker - 1), "that" | "which");
        let mut a = if relative {
            // The thing blamed is the noun phrase before "that": take a few words of it.
            let that = before_speaker - 1;
            let first = that.saturating_sub(8).max(words.at(self.sentence.start));
            let start = words.toks.get(first).map_or(self.sentence.start, |t| t.span.start);
            self.attribution(cue, speaker, start, words.toks[that].span.start, "C that X blames on Y")
        } else {
            let stop = on.map_or(end, |at| at.saturating_sub(4));
            self.attribution(cue, speaker, cue.span.end, stop, "X blamed C on Y")
        };
        a.agent = agent;
        Some(a)
    }

    /// Where the referring object of an accusing verb ends when `of` follows it ("accused
    /// the army of …", "accused them of …").
    fn referring_object_of(&self, cue: &CueHit) -> Option<usize> {
        let Some(SpeakerRef::Ref(r)) = candidate_after(self.text, self.found, cue.span.end) else { return None };
        let rest = self.text.get(r.span.end..)?;
        rest.trim_start().starts_with("of ").then_some(r.span.end)
    }

    /// Whether `cue` is a present participle ("accusing") after a report with a speaker,
    /// whose only speaker before it is a phrase naming an event of the packs' event kinds
    /// ("the bombardment", "the shelling").
    fn event_before_participle(&self, cue: &CueHit, p: Phrase, previous: Option<&Attribution>) -> bool {
        let participle = self.words.word(self.words.at(cue.span.start)).ends_with("ing");
        let reported = previous.is_some_and(|a| a.speaker.is_some() && a.cue.span.end <= p.span.start);
        participle && reported && !self.rules.gazetteer.kinds_in(self.text, p.head).is_empty()
    }

    /// The one a body right after the cue is loyal to ("accused the forces loyal to
    /// President Assad of …", "troops allied with Damascus").
    fn owner_of_body_after(&self, cue: &CueHit) -> Option<Mention> {
        let words = self.words;
        let mut k = words.at(cue.span.end);
        if words.word(k) == "the" {
            k += 1;
        }
        let loyal = words::is_acting_body(words.word(k))
            && words::is_allegiance(words.word(k + 1))
            && matches!(words.word(k + 2), "to" | "with");
        let at = words.toks.get(k + 3).filter(|_| loyal)?.span.start;
        self.object_after(at)
    }

    /// An object mention right after `offset` ("accused Russia", "blamed the rebels").
    fn object_after(&self, offset: usize) -> Option<Mention> {
        match candidate_after(self.text, self.found, offset) {
            Some(SpeakerRef::Mention(m)) => Some(m),
            _ => None,
        }
    }
}
