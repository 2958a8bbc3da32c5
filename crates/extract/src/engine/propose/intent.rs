//! Events a speaker's words take as told rather than raise as possible: the object of the
//! speaker's own plan ("Britain said it would raise a reported attack by Assad's forces at the
//! Council": the attack is no hypothetical, only the raising is), and an event written as
//! reported ("a reported attack"), which, like "an alleged attack", hedges it.

use super::super::doers::overlapping;
use super::super::{Run, roles};
use super::Content;
use parse::Span;
use syntax::Dep;

impl Run<'_> {
    /// Whether the irrealis word `irrealis` of sentence `i` is the auxiliary of a verb whose
    /// subject is the speaker's own side by a pronoun ("it would raise", "we would take") and
    /// whose object, a noun phrase, holds every word of `found`: the plan is hypothetical,
    /// the event it is about is not. An open object ("any attack", "a future attack") stays
    /// hypothetical.
    pub(super) fn plans_over_told_event(&self, i: usize, irrealis: Span, found: &[Span]) -> bool {
        let words = &self.analysed[i].words;
        let Some(parse) = self.sentence_parse(i) else { return false };
        let Some(aux) = roles::head_word(parse, overlapping(words, irrealis)) else { return false };
        let Some(verb) = parse.head(aux).filter(|_| parse.dep(aux) == Dep::Aux) else { return false };
        let own = parse
            .children(verb)
            .any(|c| parse.dep(c) == Dep::Nsubj && matches!(words.word(c), "it" | "we" | "they" | "he" | "she" | "i"));
        let Some(object) = parse.children(verb).find(|&c| parse.dep(c) == Dep::Dobj) else { return false };
        let open = parse
            .children(object)
            .any(|c| matches!(words.word(c), "any" | "another" | "future" | "possible" | "further" | "new" | "fresh"));
        let phrase = parse.subtree(object);
        let inside = |f: &Span| {
            let r = overlapping(words, *f);
            phrase.start <= r.start && r.end <= phrase.end
        };
        own && !open && !found.is_empty() && found.iter().all(inside)
    }

    /// The words of `content` in sentence `i` that write an event as reported, a participle
    /// right after an article ("a reported chemical attack", "the reported use of gas"):
    /// hedges, as "alleged" is. A verb of reporting in its own clause ("the monitor reported")
    /// is none, nor is a superlative's ("the worst reported use"), which ranks, not doubts.
    pub(super) fn reported_events(&self, i: usize, content: Span) -> Vec<Span> {
        let words = &self.analysed[i].words;
        overlapping(words, content)
            .filter(|&k| matches!(words.word(k), "reported" | "purported" | "rumoured" | "rumored"))
            .filter(|&k| k > 0 && matches!(words.word(k - 1), "a" | "an" | "the" | "this" | "these" | "those"))
            .map(|k| words.toks[k].span)
            .collect()
    }

    /// The first event of `content` written as reported before the words `anchors` (see
    /// [`Run::reported_events`]).
    pub(super) fn reported_event_hedge(&self, content: &Content<'_>, anchors: &[Span]) -> Option<Span> {
        let events = self.reported_events(content.sentence, content.span);
        events.into_iter().find(|h| anchors.is_empty() || anchors.iter().any(|a| a.start >= h.end))
    }
}
