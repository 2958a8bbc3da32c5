//! How much of a sentence pass two reads: all of it, its values only, or nothing.

use super::Run;
use crate::lexicon::{Role, TermIdx};
use pack::schema::FrameKind;

/// How much of a sentence pass two reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reading {
    Skip,
    /// The values of frames only: narration with a figure, no stance to find.
    Values,
    Full,
}

impl Run<'_> {
    /// How much of sentence `i` to read: all of it when it can hold a claim (reported speech,
    /// a quote, a term of a proposition the document could match); its values only when
    /// nothing but a frame of its paragraph is in play and it holds a figure that frame could
    /// read; else nothing. A sentence read for its values alone is the outlet's narration
    /// with no term of a proposition, where no stance claim can be found, so its full
    /// analysis (and dependency parse) is not made: on news of a war, where the casualty
    /// frames are in play in nearly every paragraph, that is most sentences.
    pub(super) fn worth_reading(&mut self, i: usize) -> Reading {
        if self.explain || !self.analysed[i].attributions.is_empty() {
            return Reading::Full;
        }
        let s = self.parsed.sentences[i];
        if self.parsed.quotes.iter().any(|q| q.span.overlaps(s.span)) {
            return Reading::Full;
        }
        let relevant = |t: TermIdx| {
            self.rules
                .term_propositions
                .get(t as usize)
                .is_some_and(|ps| ps.iter().any(|&p| self.doc_propositions[p as usize]))
        };
        let terms = self.sentence_hits(s.span).iter().any(|h| {
            self.rules.lexicon.roles(h.pattern).iter().any(|r| match *r {
                Role::Term(t) => relevant(t),
                Role::DenialMarker | Role::ClaimNoun => true,
                _ => false,
            })
        });
        if terms {
            return Reading::Full;
        }
        if !self.doc_frames.iter().any(|&f| f) {
            return Reading::Skip;
        }
        let frames = self.frames_of_paragraph(s.paragraph);
        let kind = |k: FrameKind| frames.iter().any(|&f| self.rules.frames[f as usize].kind == k);
        let figure = (kind(FrameKind::Count) && !self.sentence_quantities(i).is_empty())
            || (kind(FrameKind::Date) && !self.sentence_dates(i).is_empty());
        if figure { Reading::Values } else { Reading::Skip }
    }
}
