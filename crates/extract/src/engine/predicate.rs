//! The words a unit's content borrows as its own: the predicate an elliptical content leaves
//! out ("… say Syrian government aircraft did") and the cue verb whose object the content is
//! ("condemned the strike").

use super::{AnchorAt, Run, TermAt, Unit};
use parse::Span;

impl Run<'_> {
    /// The proposition terms and fuzzy anchors of a unit's content, with those of the words it
    /// borrows, and the spans borrowed.
    pub(super) fn unit_terms(&self, i: usize, unit: &Unit) -> (Vec<TermAt>, Vec<AnchorAt>, Vec<Span>) {
        let (mut terms, mut anchors) = self.terms_in(unit.content);
        // "Who dropped the gas? … say Syrian government aircraft did.": an elided predicate
        // is the one before it, and its words count as the content's own.
        // "condemned the strike", "identified the agent as a Novichok": a cue verb that is one
        // of a proposition's words says it of the object right after it.
        let borrowed: Vec<Span> = self.elided_predicate(i, unit).into_iter().chain(self.cue_predicate(unit)).collect();
        for span in &borrowed {
            let (t, a) = self.terms_in(*span);
            terms.extend(t);
            anchors.extend(a);
        }
        (terms, anchors, borrowed)
    }

    /// The span of a unit's cue when it is a verb whose object the content is, right after it
    /// with nothing between ("condemned the strike"), and not negated: what the verb says of
    /// the object is part of the content. A cue before "that" or a quote reports, and "did not
    /// condemn" says nothing of the strike.
    fn cue_predicate(&self, unit: &Unit) -> Option<Span> {
        let cue = unit.cue.filter(|c| c.negation.is_none())?;
        let between = self.text.get(cue.span.end..unit.content.start)?;
        (cue.span.end <= unit.content.start && between.chars().all(char::is_whitespace)).then_some(cue.span)
    }

    /// The words an elliptical content leaves out ("… say Syrian government aircraft did",
    /// "Moscow says it did not"): from the sentence before, in the same paragraph, up to the
    /// content. `None` unless the content ends on an auxiliary after a subject of its own.
    fn elided_predicate(&self, i: usize, unit: &Unit) -> Option<Span> {
        let words = self.content_words(unit.content);
        let mut last = (0..words.len()).rev().find(|&k| !words.is_punct(k))?;
        if words.word(last) == "not" {
            last = last.checked_sub(1)?;
        }
        let auxiliary = matches!(
            words.word(last),
            "did" | "do" | "does" | "had" | "has" | "have" | "was" | "were" | "is" | "are" | "would" | "could" | "will"
        );
        if !auxiliary || last < 2 {
            return None;
        }
        let s = self.parsed.sentences[i];
        let start = i
            .checked_sub(1)
            .map(|j| self.parsed.sentences[j])
            .filter(|prev| prev.paragraph == s.paragraph)
            .map_or(s.span.start, |prev| prev.span.start);
        (start < unit.content.start).then(|| Span::new(start, unit.content.start))
    }
}
