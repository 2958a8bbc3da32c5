//! Which of a sentence's attributions the text itself reports: not a cue inside a quotation
//! (the quoted speaker's own aside, "“I think it's wrong,” she said"), nor a report inside
//! what another speaker is reported to say ("Officials said investigators are trying to
//! determine …").

use super::attribution::{self, Attribution, SpeakerRef};
use super::sentence::Reference;
use super::tree::{Dep, Tree};
use super::{Speaker, phrase};
use crate::ruleset::RuleSet;
use pack::schema::CuePattern;
use parse::{Quote, Span};

/// One sentence's attributions, with what decides which hold which.
pub(super) struct Nesting<'a> {
    pub rules: &'a RuleSet,
    /// The document's text.
    pub text: &'a str,
    /// The document's direct quotes.
    pub quotes: &'a [Quote],
    /// The sentence's parse, when it has one.
    pub tree: Option<&'a Tree>,
    /// The sentence's attributions with their resolved speakers.
    pub attributions: &'a [(Attribution, Option<Speaker>)],
}

impl Nesting<'_> {
    /// Whether the text itself reports `attr`: it is neither inside a quotation nor inside
    /// another speaker's words.
    pub fn keeps(&self, attr: &Attribution) -> bool {
        !self.quoted(attr) && !self.nested(attr)
    }

    /// Whether the cue lies inside a quotation. A quotation that opens with its speaker (a
    /// transcript's `"PENCE: …"`) is what that speaker says, not a quotation the cue is
    /// inside.
    fn quoted(&self, attr: &Attribution) -> bool {
        let opens_with = |q: Span| {
            let speaker = attr.speaker.as_ref().and_then(attribution::span_of);
            speaker.is_some_and(|s| {
                s.start >= q.start
                    && self
                        .text
                        .get(q.start..s.start)
                        .is_some_and(|g| g.trim_start_matches(['"', '\'']).trim().is_empty())
            })
        };
        self.quotes
            .iter()
            .any(|q| q.span.contains(attr.cue.span) && !(attr.layout == attribution::COLON && opens_with(q.span)))
    }

    /// Whether a report lies inside what another speaker is reported to say: the text does
    /// not itself report it. A verb sharing the previous one's speaker ("denied A, saying B",
    /// "said A and noted B") is that speaker's next report, never inside their words, however
    /// the parse attaches it; "according to X" is the text's own account of where its
    /// sentence comes from.
    fn nested(&self, attr: &Attribution) -> bool {
        !sources_sentence(self.rules, attr)
            && !matches!(attr.speaker, Some(SpeakerRef::Shared))
            && self.attributions.iter().any(|(outer, s)| {
                s.is_some() && !self.quoted(outer) && !outer.cue.span.overlaps(attr.cue.span) && self.holds(outer, attr)
            })
    }

    /// Whether a mark closing a clause stands between an outer cue and an inner one,
    /// however the parse joins the two: a semicolon ("He calls for A; she calls for B", a
    /// headline's "X: A; Y says B"; PolNeAR train marks 24 of 28 such reports), or a colon
    /// after the inner cue and before the outer ("Rhimes declared the need for A: "…," she
    /// said"; a speaker after a colon says what follows it; 12 of 17).
    fn clause_break_between(&self, outer: Span, inner: Span) -> bool {
        let (from, to) = if inner.start < outer.start { (inner.end, outer.start) } else { (outer.end, inner.start) };
        let gap = self.text.get(from..to).unwrap_or("");
        // A mark followed by a space: not a semicolon ending a character entity ("AT&amp;T")
        // nor a colon inside a time or a link.
        let marked = |mark: char| gap.match_indices(mark).any(|(k, _)| gap[k + 1..].starts_with(char::is_whitespace));
        marked(';') || (inner.start < outer.start && marked(':'))
    }

    /// Whether `outer`'s words hold `inner`'s cue. The parse decides: the inner cue lies in
    /// the outer verb's complement, is no verb coordinated with its own subject ("said …,
    /// and she added …"), and is not merely under a content span reaching over it (without a
    /// parse, only a pronoun's report is taken as held).
    fn holds(&self, outer: &Attribution, inner: &Attribution) -> bool {
        match self.tree {
            _ if self.clause_break_between(outer.cue.span, inner.cue.span) => false,
            _ if outer.layout == attribution::COLON => outer.content.contains(inner.cue.span),
            Some(t) => {
                let path = t.head_in(outer.cue.span).zip(t.head_in(inner.cue.span));
                // "insisted that A, claiming B": a participle the parse hangs inside the
                // complement is its main verb's, beside the complement, not in it.
                let child = path.and_then(|(o, i)| match t.participle_main(i) {
                    Some(main) if main == o => None,
                    Some(main) => t.child_towards(o, main),
                    None => t.child_towards(o, i),
                });
                // "said A, and the inspectors said B": a verb with its own subject joined to
                // the content is a report of its own, however the parse attaches it.
                let own = path.is_some_and(|(_, i)| t.dep(i) == Dep::Conj && t.has_own_subject(i));
                !own && child.is_some_and(|c| matches!(t.dep(c), Dep::Ccomp | Dep::Xcomp))
            }
            None => pronoun(inner) && outer.content.contains(inner.cue.span),
        }
    }
}

/// Whether the speaker is a pronoun.
fn pronoun(attr: &Attribution) -> bool {
    match attr.speaker {
        Some(SpeakerRef::Ref(r)) => matches!(r.kind, Reference::Pronoun(_)),
        Some(SpeakerRef::Phrase(p)) => p.kind == phrase::PhraseKind::Pronoun,
        _ => false,
    }
}

/// Whether a cue is the text's own account of where its sentence comes from ("…, according to
/// the Times"): reports inside the sentence included, never part of another speaker's words
/// (PolNeAR train: 10 annotated for 2 not).
fn sources_sentence(rules: &RuleSet, attr: &Attribution) -> bool {
    rules.cues.get(attr.cue.cue as usize).is_some_and(|c| c.pattern == CuePattern::AccordingTo)
}
