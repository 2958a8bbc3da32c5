//! Verbs that report a quotation by their place: `"…," beamed Donald Hartley`, `"…?" Mr.
//! Sanders answered`. A verb right after a quotation that ends in a comma, a question or an
//! exclamation mark, with its subject between the quotation and it or right after it, says
//! the quotation, whatever the verb: no cue list holds every verb a writer puts there
//! ("scoffed", "barked", "mused", "cut in"). Each such verb no cue already holds becomes a
//! cue of the rule set's learned verb cue (an attribution, never a claim), and attribution
//! reads its speaker from the parse as for any verb cue.

use super::sentence::{CueHit, Found};
use super::tree::{Dep, Tag, Tree};
use crate::ruleset::RuleSet;
use std::ops::Range;

/// Most words between the quotation and its verb: a speaker's name with a title
/// ("Representative Steve Cohen").
const SPEAKER_WORDS: usize = 5;

/// Whether `text` (a sentence) closes a quotation after a comma, a question or an
/// exclamation mark: only such sentences can hold a verb of this layout, so only they need a
/// parse for it.
pub fn closes_quotation(text: &str) -> bool {
    [",\"", "?\"", "!\"", ",''", "?''", "!''"].iter().any(|m| text.contains(m))
}

/// Whether word `k` is a quotation mark (`"`, or an apostrophe of a `''` mark).
fn is_mark(tree: &Tree, k: usize) -> bool {
    matches!(tree.word(k), "\"" | "'" | "''")
}

/// The word after each quotation closed after a comma, a question or an exclamation mark.
fn after_closings(tree: &Tree) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = 1;
    while k < tree.len() {
        if !is_mark(tree, k) || !matches!(tree.word(k - 1), "," | "?" | "!") {
            k += 1;
            continue;
        }
        let mut end = k;
        while end < tree.len() && is_mark(tree, end) {
            end += 1;
        }
        out.push(end);
        k = end;
    }
    out
}

/// Whether `v` is a finite verb that can report what precedes it: not a form of "be",
/// "have" or "do" ("an idea that was …"), which say nothing of their own.
fn is_finite_verb(tree: &Tree, v: usize) -> bool {
    let auxiliary =
        matches!(tree.word(v), "is" | "was" | "are" | "were" | "'s" | "has" | "have" | "had" | "does" | "did" | "do");
    matches!(tree.tag(v), Tag::VBD | Tag::VBZ | Tag::VBP) && !auxiliary
}

/// Whether the words between the quotation and its verb can be its speaker's: no
/// preposition or relative word ("in which Fiorina sits"), and a subject that is no relative
/// pronoun and no "you" ("…," you know).
fn speaker_between(tree: &Tree, between: Range<usize>, subject: usize) -> bool {
    let relative = matches!(tree.tag(subject), Tag::WDT | Tag::WP) || tree.word(subject) == "you";
    !relative && !between.into_iter().any(|k| matches!(tree.tag(k), Tag::IN | Tag::WDT | Tag::WP))
}

/// The verb reporting the quotation that ends before word `after`, with its particle
/// ("screamed back"), when the words there are laid out so: `X verb` or `verb X`, then the
/// sentence's end, a comma or another quotation.
fn reporting_verb(tree: &Tree, after: usize) -> Option<Range<usize>> {
    let window = after..(after + SPEAKER_WORDS + 1).min(tree.len());
    let v = window.clone().find(|&k| is_finite_verb(tree, k) || tree.word(k) == "," || is_mark(tree, k))?;
    if !is_finite_verb(tree, v) {
        return None;
    }
    let subject = tree.children_with(v, &[Dep::Nsubj]).next()?;
    let inverted = v == after && subject > v;
    let before = (after..v).contains(&subject) && speaker_between(tree, after..v, subject);
    if !(inverted || before) {
        return None;
    }
    let mut end = v + 1;
    while end < tree.len() && tree.head(end) == Some(v) && matches!(tree.dep(end), Dep::Prt | Dep::Advmod) {
        end += 1;
    }
    // After the verb (and an inverted subject's phrase): the sentence's end, a comma or
    // another quotation; anything else is a clause of the verb's own.
    let rest = if inverted { tree.clause(subject).end.max(end) } else { end };
    let closes = rest >= tree.len() || matches!(tree.word(rest), "," | "." | ";") || is_mark(tree, rest);
    closes.then_some(v..end)
}

/// Adds to `found.cues`, as cues of the learned verb cue, the verbs that report a quotation
/// by their place and that no cue holds yet; in text order.
pub fn add_cues(rules: &RuleSet, tree: &Tree, found: &mut Found) {
    let Some(cue) = rules.learned_verb() else { return };
    let mut added = false;
    for after in after_closings(tree) {
        let Some(words) = reporting_verb(tree, after) else { continue };
        let span = tree.span(words);
        if found.cues.iter().any(|c| c.span.overlaps(span)) {
            continue;
        }
        found.cues.push(CueHit { span, cue, negation: None, passive: false });
        added = true;
    }
    if added {
        found.cues.sort_by_key(|c| c.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sentence::Words;
    use parse::Span;

    /// The verbs of `text` that report a quotation by their place.
    fn verbs(text: &str) -> Vec<String> {
        let words = Words::new(text, Span::new(0, text.len()));
        let tree = Tree::new(text, &words);
        after_closings(&tree)
            .into_iter()
            .filter_map(|a| reporting_verb(&tree, a))
            .map(|r| tree.span(r).text(text).to_owned())
            .collect()
    }

    #[test]
    fn a_verb_after_a_quotation_reports_it_whatever_the_verb() {
        assert_eq!(verbs("\"The pier is finished,\" the harbour master laughed."), ["laughed"]);
        assert_eq!(verbs("\"Who pays for the cranes?\" barked Ines Varga."), ["barked"]);
        assert_eq!(verbs("\"Not again,\" the dockers shouted back, \"not this year.\""), ["shouted back"]);
    }

    #[test]
    fn a_verb_with_a_clause_of_its_own_after_the_quotation_is_not_its_report() {
        // A relative clause or a filler is no report of the quotation.
        assert_eq!(verbs("They aired \"Harbour Lights,\" in which Ines Varga sits by the pier."), Vec::<String>::new());
        assert_eq!(verbs("\"It was late,\" you know, and the cranes were idle."), Vec::<String>::new());
        // The quotation is a name here; the verb goes on with what it does.
        assert_eq!(verbs("\"Harbour Lights,\" the new ferry, leaves at noon for the islands."), Vec::<String>::new());
        assert_eq!(
            verbs("He called it \"a scandal,\" and the dockers agreed to strike on Monday."),
            Vec::<String>::new()
        );
    }
}
