//! Asides after a clause that say who holds it: "Russia hacked the servers, as many
//! researchers believe, and Democrats allege, but Moscow denies." Each speaker of the aside
//! says (or denies) the clause the aside hangs on, not the words after its cue.

use super::attribution::{Attribution, SpeakerRef, span_of};
use super::sentence::{Found, Words};
use parse::Span;

/// The layout of the first cue of an aside.
const ASIDE: &str = "C, as X said";

/// The layout of a cue joined to an aside by "and", "but" or "while".
const JOINED: &str = "C, as X said, and Y said";

/// Whether token `k` breaks a clause, so that an aside may open after it.
fn opens_aside(words: &Words, k: usize) -> bool {
    matches!(words.word(k), "," | "-" | "--" | "\u{2014}" | "\u{2013}" | "(")
}

/// Whether token `k` closes the clause an aside hangs on, going back from the aside.
fn closes_clause(words: &Words, k: usize) -> bool {
    matches!(words.word(k), "," | ";" | ":" | "-" | "--" | "\u{2014}" | "\u{2013}" | "(" | "\"")
}

/// The clause before token `end` (exclusive), back to the sentence start or a clause break,
/// without a subordinator that opens it: the aside holds the clause itself, not the
/// condition or the reason it is given as ("If Russia is behind it — as experts believe — …").
fn clause_before(words: &Words, end: usize, sentence: Span) -> Option<Span> {
    let first = words.at(sentence.start);
    // "-- as X said": a dash written as two hyphens is one break.
    let mut end = end;
    while end > first && matches!(words.word(end - 1), "-" | "--") {
        end -= 1;
    }
    let mut start = end;
    while start > first && !closes_clause(words, start - 1) {
        start -= 1;
    }
    if matches!(words.word(start), "if" | "whether" | "because" | "although" | "though" | "since" | "while") {
        start += 1;
    }
    // A clause of fewer than three words is no proposition ("…, he said, as expected").
    if end < start + 3 {
        return None;
    }
    Some(Span::new(words.toks[start].span.start, words.toks[end - 1].span.end))
}

/// The first token of an attribution's speaker as written, or of the actor named right before
/// its cue (within three words: "Democrats are alleging") when the layout found no speaker.
fn speaker_start(words: &Words, found: &Found, a: &Attribution) -> Option<(usize, Option<SpeakerRef>)> {
    if let Some(span) = a.speaker.as_ref().and_then(span_of) {
        return Some((words.at(span.start), None));
    }
    let cue = words.at(a.cue.span.start);
    let m = found.mentions.iter().rfind(|m| m.span.end <= a.cue.span.start)?;
    let gap = words.before(a.cue.span.start).saturating_sub(words.before(m.span.end));
    let plain = (words.before(m.span.end)..cue).all(|k| !words.is_punct(k));
    (gap <= 3 && plain).then(|| (words.at(m.span.start), Some(SpeakerRef::Mention(*m))))
}

/// Whether the cue ends its aside: a clause break or the sentence's end within three words
/// after it, and no "that" opening words of its own ("as experts believe," but not "and
/// Moscow says talks will resume").
fn ends_aside(words: &Words, a: &Attribution) -> bool {
    let after = words.at(a.cue.span.end);
    (after..after + 4)
        .find(|&k| k >= words.len() || words.is_punct(k) || words.word(k) == "that")
        .is_some_and(|k| k >= words.len() || (words.word(k) != "that" && words.word(k) != "\"" && words.is_punct(k)))
}

/// Gives the attributions of an aside the clause before it as content; the cues after the
/// first joined to it by "and", "but" or "while" take the same clause, and the actor named
/// before such a cue when the layout found no speaker.
pub fn asides(words: &Words, found: &Found, sentence: Span, out: &mut [Attribution]) {
    let mut clause: Option<Span> = None;
    for a in out.iter_mut() {
        let Some((start, named)) = speaker_start(words, found, a) else {
            clause = None;
            continue;
        };
        let before = |n: usize| start.checked_sub(n).map_or("", |k| words.word(k));
        let aside = a.speaker.is_some()
            && ends_aside(words, a)
            && before(1) == "as"
            && start >= 2
            && opens_aside(words, start - 2)
            && a.cue.span.start > words.toks[start].span.start;
        if aside && let Some(content) = clause_before(words, start - 2, sentence) {
            a.content = content;
            a.layout = ASIDE;
            clause = Some(content);
            continue;
        }
        let joined = matches!(before(1), "and" | "but" | "while") && ends_aside(words, a);
        match clause.filter(|c| joined && c.end < a.cue.span.start) {
            Some(content) => {
                if a.speaker.is_none() {
                    a.speaker = named;
                }
                a.content = content;
                a.layout = JOINED;
            }
            None => clause = None,
        }
    }
}
