//! The parser's second stage at run time: the labeller's model, with the weights of its
//! features that read only the arc's direction and the two words' tags summed ahead for
//! every direction and pair of tags. An arc then adds one row and looks up 24 features
//! instead of 28; those four vote for nearly every label, so they were the longest lists
//! added. Integer sums: the labels are the ones of looking every feature up.

use crate::labels::Tag;
use crate::model::{Model, key};
use crate::parser::{LABEL_FEATURES, LABELS, State};

/// The places in [`crate::parser::label_features`]' keys of the features summed ahead:
/// the bias, the dependent's tag, the head's tag and the pair (templates 0, 2, 5 and 8).
const TABULATED: [usize; 4] = [0, 2, 5, 8];

/// The other places, looked up per arc.
pub(crate) const LOOKED_UP: [usize; LABEL_FEATURES - TABULATED.len()] =
    [1, 3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];

/// Number of tags.
const TAGS: usize = Tag::ALL.len();

/// The labeller's model and its rows by direction and tags.
#[derive(Debug)]
pub(crate) struct Labeller {
    /// The model as trained.
    pub model: Model,
    /// At `((right * TAGS + dependent's tag) * TAGS + head's tag) * LABELS`, the tabulated
    /// features' weight per label.
    rows: Vec<i32>,
}

/// The tabulated features of an arc (as [`crate::parser::label_features`] makes them).
fn tabulated(right: bool, dep: u64, head: u64) -> [u32; 4] {
    let dir = u32::from(right);
    let k = |template: u32, a: u64| key(2 * template + dir, a, 0, 0);
    [k(0, 0), k(2, dep), k(5, head), k(8, (dep << 8) | head)]
}

impl Labeller {
    /// The labeller of `model`, its rows filled (5,000 look-ups of four features).
    pub fn new(model: Model) -> Labeller {
        let mut rows = Vec::with_capacity(2 * TAGS * TAGS * LABELS);
        for right in [false, true] {
            for dep in 0..TAGS as u64 {
                for head in 0..TAGS as u64 {
                    let mut sums = [0i32; 256];
                    model.score(&tabulated(right, dep, head), &mut sums);
                    rows.extend_from_slice(&sums[..LABELS]);
                }
            }
        }
        Labeller { model, rows }
    }

    /// Sets `sums[l]` to label `l`'s score for the arc that `right` (else a left arc) would
    /// make in `state`, given its features `keys`.
    pub fn score(&self, state: &State, tags: &[Tag], right: bool, keys: &[u32; LABEL_FEATURES], sums: &mut [i32; 256]) {
        let s0 = state.top().unwrap_or(usize::MAX);
        let (h, d) = if right { (s0, state.b) } else { (state.b, s0) };
        let tag = |i: usize| tags.get(i).map(|t| t.index());
        match (tag(d), tag(h)) {
            (Some(dep), Some(head)) => self.score_looked_up(right, dep, head, &LOOKED_UP.map(|i| keys[i]), sums),
            _ => self.model.score(keys, sums),
        }
    }

    /// Sets `sums[l]` to label `l`'s score for an arc of direction `right` between a
    /// dependent and a head of tag indices `dep` and `head`, given the features of the
    /// places [`LOOKED_UP`] (in that order).
    pub fn score_looked_up(
        &self,
        right: bool,
        dep: usize,
        head: usize,
        keys: &[u32; LOOKED_UP.len()],
        sums: &mut [i32; 256],
    ) {
        let at = ((usize::from(right) * TAGS + dep) * TAGS + head) * LABELS;
        match self.rows.get(at..at + LABELS) {
            Some(row) => sums[..LABELS].copy_from_slice(row),
            None => {
                // Not a tag pair of the table (tag indices are below `TAGS`): the tabulated
                // features looked up.
                self.model.score(&tabulated(right, dep as u64, head as u64), sums);
            }
        }
        self.model.add_features(keys, sums);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Move, label_features};
    use crate::tagger::Word;

    /// The places said to hold the tabulated features hold them, and every other place is
    /// looked up: each feature is added once.
    #[test]
    fn the_tabulated_places_hold_the_tag_features_and_the_rest_are_looked_up() {
        let mut places: Vec<usize> = TABULATED.iter().chain(&LOOKED_UP).copied().collect();
        places.sort_unstable();
        assert_eq!(places, (0..LABEL_FEATURES).collect::<Vec<_>>());
        let tags = [Tag::NNS, Tag::VBD, Tag::IN];
        let words: Vec<Word> = ["Rebels", "fired", "on"].map(Word::new).to_vec();
        let mut state = State::new(&tags);
        state.apply(Move::Shift);
        for right in [false, true] {
            let mut keys = [0u32; LABEL_FEATURES];
            label_features(&state, &words, &tags, right, &mut keys);
            let (dep, head) = if right { (Tag::VBD, Tag::NNS) } else { (Tag::NNS, Tag::VBD) };
            let expected = tabulated(right, dep.index() as u64, head.index() as u64);
            assert_eq!(TABULATED.map(|i| keys[i]), expected);
        }
    }

    /// On every arc possible along a few sentences, the labeller's scores are the model's over
    /// all 28 features.
    #[test]
    fn rows_and_looked_up_features_score_as_all_features_looked_up() {
        let parser = crate::parser();
        let labeller = &parser.labels;
        for text in
            ["The ministry said on Sunday that 12 people were killed .", "\" We will not leave , \" she told Reuters ."]
        {
            let words: Vec<Word> = text.split(' ').map(Word::new).collect();
            let tags = crate::tagger::tag(&parser.tagger, &words);
            let mut state = State::new(&tags);
            let mut arcs = 0;
            while !state.buffer_is_empty() {
                if state.top().is_some() {
                    for right in [false, true] {
                        let mut keys = [0u32; LABEL_FEATURES];
                        label_features(&state, &words, &tags, right, &mut keys);
                        let (mut plain, mut fast) = ([0i32; 256], [0i32; 256]);
                        labeller.model.score(&keys, &mut plain);
                        labeller.score(&state, &tags, right, &keys, &mut fast);
                        assert_eq!(plain[..LABELS], fast[..LABELS]);
                        arcs += 1;
                    }
                }
                // Some arcs made, so that heads, labels and children are read too.
                let arc = Move::Right(5);
                state.apply(if arcs % 3 == 2 && state.is_valid(arc) { arc } else { Move::Shift });
            }
            assert!(arcs > 10);
        }
    }
}
