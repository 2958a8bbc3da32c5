//! Which speaker stands when the word layout and the parse read overlapping ones: the word
//! layout's (its bounds are tuned to propositions), unless it is a piece of the parse's
//! subject or runs over the clause the parse's subject heads.

use super::super::structure::Structure;
use crate::engine::sentence::CueHit;
use parse::Span;

/// The parse's layout of a participle sharing the subject of the verb it hangs on.
const SHARED_SUBJECT: &str = "X did A, saying C (parse)";

/// Whether the parse's speaker `parsed` is written instead of the word layout's `layout_speaker`,
/// which overlaps it; `reading` names how the parse read the cue.
pub(super) fn parse_speaker_wins(
    layout_speaker: Span,
    parsed: Span,
    reading: &str,
    cue: &CueHit,
    structure: Option<&Structure<'_>>,
) -> bool {
    let Some(s) = structure else { return false };
    let (x, y) = (layout_speaker, parsed);
    // "Aides to Clinton said …", "voters across party lines say …": a name the word layout
    // took at the end of the parse's longer subject is the object of a preposition in it;
    // the whole subject speaks.
    let tail = y.start < x.start && y.end >= x.end && s.object_inside(x, y);
    // "On Friday, Ola Berg took a softer tone, again urging …", "she began saying …": the word
    // layout's phrase before a participle holds the subject the participle shares and more,
    // the verb it shares it with included; the subject speaks. Not where a noun stands right
    // before the participle ("footage of Ada Holm asking …"): that noun may be its speaker.
    let holds = x.start <= y.start && x.end >= y.end && x != y;
    let after_noun = s.tree.word_at(cue.span.start).and_then(|k| k.checked_sub(1)).is_some_and(|p| s.tree.is_noun(p));
    let clause = reading == SHARED_SUBJECT && holds && !after_noun;
    tail || clause
}
