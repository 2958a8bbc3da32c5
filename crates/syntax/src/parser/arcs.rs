//! The labeller's looked-up features of an arc, read straight from the state and the
//! sentence's forms and tags (as [`super::rows::SentenceRows`] keeps them, with the stand-in
//! for no word after the last), instead of through a token per place: the 24 of
//! [`super::label_features`] that [`crate::labeller::Labeller`] does not sum ahead, in its
//! order of [`crate::labeller::LOOKED_UP`].

use super::{NO_LABEL, NONE, State, t2, t3};
use crate::labeller::LOOKED_UP;
use crate::model::key;

/// The keys of the arc that `right` (else a left arc) would make in `state` (a word on the
/// stack and one on the buffer), given each word's form and tag and the stand-in's after
/// them (`forms.len() == tags.len() == state.n + 1`).
pub(crate) fn arc_keys(state: &State, forms: &[u64], tags: &[u64], right: bool) -> [u32; LOOKED_UP.len()] {
    let n = state.n;
    let s0 = state.top().unwrap_or(NONE);
    let (h, d) = if right { (s0, state.b) } else { (state.b, s0) };
    // A word's place in `forms` and `tags`, the stand-in's for none.
    let at = |i: usize| i.min(n);
    let of = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
    let label = |i: usize| if i < n && state.heads[i] != NONE { u64::from(state.labels[i]) } else { NO_LABEL };
    let before = |i: usize| at(if i < n && i > 0 { i - 1 } else { NONE });
    let after = |i: usize| at(if i < n { i + 1 } else { NONE });
    let (hw, ht, dw, dt) = (forms[at(h)], tags[at(h)], forms[at(d)], tags[at(d)]);
    let head_label = label(h);
    let (d_prev, d_next, h_prev, h_next) = (before(d), after(d), before(h), after(h));
    let set = |v: &Vec<u64>, i: usize| if i < n { v[i] } else { 0 };
    let count = |v: &Vec<u8>, i: usize| if i < n { u64::from(v[i].min(4)) } else { 9 };
    let (h_side, h_count) = if right {
        (set(&state.right_set, h), count(&state.right_count, h))
    } else {
        (set(&state.left_set, h), count(&state.left_count, h))
    };
    let (d_left, d_right) = (of(&state.left1, d), of(&state.right1, d));
    let (d_left_label, d_right_label) = (label(d_left), label(d_right));
    let (d_left, d_right) = (at(d_left), at(d_right));
    let h_head = at(of(&state.heads, h));
    let mut first = d;
    while first < n && state.left1[first] != NONE {
        first = state.left1[first];
    }
    let before_phrase = before(first);
    let dist = if h < n && d < n { h.abs_diff(d).min(6) as u64 } else { 0 };
    let dir = u32::from(right);
    let k = |template: u32, a: u64, b: u64, c: u64| key(2 * template + dir, a, b, c);
    let pair = t2(dt, ht);
    [
        k(1, dw, 0, 0),
        k(3, dw, dt, 0),
        k(4, hw, 0, 0),
        k(6, hw, ht, 0),
        k(7, dw, hw, 0),
        k(9, dw, ht, 0),
        k(10, hw, dt, 0),
        k(11, dist, pair, 0),
        k(12, t3(tags[d_prev], dt, tags[d_next]), ht, 0),
        k(13, t3(tags[h_prev], ht, tags[h_next]), dt, 0),
        k(14, pair, head_label, 0),
        k(15, pair, h_side, 0),
        k(16, dt, set(&state.left_set, d), set(&state.right_set, d)),
        k(17, t3(dt, tags[d_left], d_left_label), ht, 0),
        k(18, t3(dt, tags[d_right], d_right_label), ht, 0),
        k(19, t3(tags[h_head], ht, dt), 0, 0),
        k(20, dw, forms[d_next], dt),
        k(21, hw, t2(dt, tags[d_next]), 0),
        k(22, pair, h_count, 0),
        k(23, forms[d_prev], dt, 0),
        k(24, dw, ht, head_label),
        k(25, forms[d_left], dt, ht),
        k(26, forms[before_phrase], dt, ht),
        k(27, t3(tags[before_phrase], dt, ht), h_side, 0),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::rows::SentenceRows;
    use super::super::{LABEL_FEATURES, Move, label_features};
    use super::*;
    use crate::tagger::Word;

    /// At every arc possible along a few sentences, in both directions, the keys are the
    /// looked-up ones of [`label_features`], in order.
    #[test]
    fn the_keys_are_the_label_features_looked_up() {
        let parser = crate::parser();
        let model = parser.rows.as_ref().unwrap_or_else(|| panic!("the committed model has rows"));
        let mut arcs = 0;
        for text in [
            "The ministry said on Sunday that 12 people were killed when the depot , which rebels had held , burned .",
            "\" We will not leave , \" she told Reuters , adding that the talks had n't begun .",
            "Officials denied it .",
        ] {
            let words: Vec<Word> = text.split(' ').map(Word::new).collect();
            let tags = crate::tagger::tag(&parser.tagger, &words);
            let sentence = SentenceRows::new(model, &parser.moves, &words, &tags);
            let (forms, tag_indices) = sentence.forms_and_tags();
            let mut state = State::new(&tags);
            while !state.buffer_is_empty() {
                if state.top().is_some() {
                    for right in [false, true] {
                        let mut all = [0u32; LABEL_FEATURES];
                        label_features(&state, &words, &tags, right, &mut all);
                        assert_eq!(arc_keys(&state, forms, tag_indices, right), LOOKED_UP.map(|i| all[i]), "{text}");
                        arcs += 1;
                    }
                }
                // Arcs of several labels and both directions, so that heads, labels,
                // children and phrases are read too.
                let arc = [Move::Right(5), Move::Left(7), Move::Reduce, Move::Right(12)][arcs % 4];
                state.apply(if arcs % 3 != 0 && state.is_valid(arc) { arc } else { Move::Shift });
            }
        }
        assert!(arcs > 40);
    }
}
