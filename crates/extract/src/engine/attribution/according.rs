//! `according to X`: the source after the cue, the content the rest of the sentence.

use super::{Attribution, Layout, SpeakerRef, span_of};
use crate::engine::sentence::CueHit;
use crate::engine::structure::Reading;
use pack::schema::CuePattern;
use parse::Span;

impl Layout<'_> {
    /// "According to X, C" and "C, according to X", X read by the word layout.
    pub(super) fn according_to(&self, cue: &CueHit) -> Option<Attribution> {
        Some(self.according_to_speaker(cue, self.any_after(cue.span.end)?))
    }

    /// "according to a New York Times/CBS News survey", "according to one of his aides": a
    /// source the word layout does not read, whose head the parse hangs on `to` (its reading
    /// has no content of its own); not a quoted title ("according to ''The Trumps: …'' by …",
    /// whose name is no speaker).
    pub(super) fn according_to_parsed(
        &self,
        pattern: CuePattern,
        cue: &CueHit,
        reading: Option<&Reading>,
    ) -> Option<Attribution> {
        let r = reading.filter(|r| pattern == CuePattern::AccordingTo && r.layout == "according to X (parse)")?;
        if span_of(&r.speaker).is_some_and(|s| self.quoted_title(cue, s)) {
            return None;
        }
        Some(self.according_to_speaker(cue, r.speaker))
    }

    /// Whether a quotation mark opens between `cue` and the speaker `span` after it.
    fn quoted_title(&self, cue: &CueHit, span: Span) -> bool {
        let between = self.text.get(cue.span.end..span.start).unwrap_or("");
        between.contains(['"', '“', '‘', '\'']) || span.text(self.text).starts_with(['"', '“', '‘', '\''])
    }

    /// `according to` with its speaker found.
    fn according_to_speaker(&self, cue: &CueHit, speaker: SpeakerRef) -> Attribution {
        let speaker_end = span_of(&speaker).map_or(cue.span.end, |s| s.end);
        // "According to X, C" takes what follows; "C, according to X" what precedes.
        let opens = self.words.at(cue.span.start) <= self.words.at(self.sentence.start) + 1;
        if opens {
            self.attribution(cue, Some(speaker), speaker_end, self.sentence.end, "according to X, C")
        } else {
            self.attribution(cue, Some(speaker), self.sentence.start, cue.span.start, "C, according to X")
        }
    }
}
