//! The speaker written after its verb: in text stripped of its commas ("… in a mosque on
//! Friday said a monitoring group."), and when a phrase after the verb is no speaker.

use super::{Attribution, INVERTED, Layout, SpeakerRef, UNPUNCTUATED, span_of};
use crate::engine::sentence::CueHit;
use crate::engine::structure::Structure;

impl Layout<'_> {
    /// The word layout `flat` of a verb of saying, unless it took its speaker after the verb
    /// (`"…," said X`) where the parse, reading no speaker itself (`unread`), makes that
    /// phrase another verb's subject or the verb's object ("…, Marta Lindqvist, the board's
    /// treasurer, said she had …", "…, told reporters"): then the layout read with the
    /// speaker before the verb.
    pub(super) fn speaker_not_after(
        &self,
        cue: &CueHit,
        flat: Option<Attribution>,
        unread: bool,
        structure: Option<&Structure<'_>>,
        previous: Option<&Attribution>,
    ) -> Option<Attribution> {
        match flat {
            Some(a) if a.layout == INVERTED && unread && structure.is_some_and(|s| s.not_inverted_speaker(&a, cue)) => {
                self.say(cue, previous, false)
            }
            flat => flat,
        }
    }

    /// `C said X.` without commas: the phrase after the verb that closes the sentence is the
    /// speaker, not the last noun before the verb ("a mosque"). Only verbs written before
    /// their speaker: after others ("told RIA Novosti", "endorsed Trump", "called the
    /// accusations groundless") the phrase is an object.
    pub(super) fn unpunctuated_after(&self, cue: &CueHit, before_cue: &str) -> Option<Attribution> {
        let words = self.words;
        let at = words.at(cue.span.start);
        let inverting = matches!(words.word(at), "said" | "says" | "reported" | "added");
        let shared = matches!(before_cue, "to" | "and" | "but" | "then" | "also" | "who" | "which" | "that");
        if self.has_commas() || at <= words.at(self.sentence.start) + 8 || !inverting || shared {
            return None;
        }
        let speaker = self.any_after(cue.span.end).filter(|s| self.closes_sentence(s))?;
        Some(self.attribution(cue, Some(speaker), self.sentence.start, cue.span.start, UNPUNCTUATED))
    }

    /// Whether a speaker after its verb is the last thing in the sentence, a time word aside
    /// ("said a monitoring group on Sunday."): a pack name or pronoun, or a short phrase opened
    /// by an article ("a monitoring group", "the rescue service"), not a day ("a monitor said
    /// Sunday."), "the same", nor a clause's object and verb ("briefed reporters went further").
    fn closes_sentence(&self, speaker: &SpeakerRef) -> bool {
        let Some(span) = span_of(speaker) else { return false };
        let words = self.words;
        let (start, end) = (words.at(span.start), words.at(span.end));
        if let SpeakerRef::Phrase(_) = speaker
            && (!matches!(words.word(start), "a" | "an" | "the") || end - start > 4)
        {
            return false;
        }
        let time = |w: &str| parse::date::is_weekday(w) || matches!(w, "on" | "today" | "yesterday");
        let head = words.word(end.saturating_sub(1));
        let no_one = time(head) || parse::date::is_month_name(head) || head == "same";
        !no_one && (end..words.len()).map(|k| words.word(k)).all(|w| matches!(w, "." | "!" | "\"" | "'") || time(w))
    }
}
