//! "… could not verify the accounts and they were denied by X": what a passive cue
//! coordinated with a verb before it reports starts at its own subject, not at the clause
//! before the coordination.

use super::Attribution;
use crate::engine::sentence::CueHit;
use crate::engine::structure::Structure;

/// `a` with its content starting at the passive cue's own subject, when the cue is a
/// conjunct whose subject lies inside the content the word layout read.
pub(super) fn from_own_subject(mut a: Attribution, structure: Option<&Structure<'_>>, cue: &CueHit) -> Attribution {
    if a.layout == "C is said by X"
        && let Some(start) = structure.and_then(|s| s.conjunct_subject_start(cue))
        && (a.content.start..a.content.end).contains(&start)
    {
        a.content.start = start;
    }
    a
}
