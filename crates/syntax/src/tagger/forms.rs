//! The tagger's weights per word form, summed ahead: eleven of the 17 features a word is
//! tagged by read one form only (the word's own form, affixes and shape, or a neighbour's
//! form and suffix), so each thread keeps, for the forms it has met, those features' weights
//! per tag in five rows, one per place the form can hold around the tagged word. A word
//! then adds five rows and looks up six features instead of seventeen. Integer sums: the
//! scores, and so the tags, are the ones of looking every feature up.

use super::{Tagger, Word};
use crate::model::{KeyHasher, key};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The places a form is read from: the tagged word itself, the word before it, the one
/// before that, the word after it and the one after that.
pub(super) const PLACES: usize = 5;

/// Forms a thread keeps rows for (a thousand bytes each); a form met after that is
/// scored feature by feature. A news text meets its frequent forms early.
const CAPACITY: usize = 8192;

/// Forms met before the rows get room for [`CAPACITY`].
const EARLY: usize = 256;

/// The features of form `w` at place `place` (0: the tagged word, 1 and 2: the words
/// before it, 3 and 4: the words after it), written to `out`; how many.
pub(super) fn features_at(w: &Word, place: usize, out: &mut [u32; 5]) -> usize {
    match place {
        0 => {
            *out = [
                key(1, w.lower, 0, 0),
                key(2, w.exact, 0, 0),
                key(3, w.suffix, 0, 0),
                key(4, w.prefix, 0, 0),
                key(5, w.shape, 0, 0),
            ];
            5
        }
        1 => {
            out[..2].copy_from_slice(&[key(10, w.lower, 0, 0), key(11, w.suffix, 0, 0)]);
            2
        }
        2 => {
            out[0] = key(12, w.lower, 0, 0);
            1
        }
        3 => {
            out[..2].copy_from_slice(&[key(13, w.lower, 0, 0), key(14, w.suffix, 0, 0)]);
            2
        }
        _ => {
            out[0] = key(15, w.lower, 0, 0);
            1
        }
    }
}

/// What identifies a form to the features: every hash of it they read.
fn identity(w: &Word) -> [u64; 5] {
    [w.exact, w.lower, w.suffix, w.prefix, w.shape]
}

/// One thread's rows, for one tagger.
#[derive(Default)]
pub(super) struct Forms {
    /// The tagger the rows are of ([`Tagger::id`]).
    owner: u64,
    /// A form's place in `identities` and `rows`, by its exact hash.
    places: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    identities: Vec<[u64; 5]>,
    /// [`PLACES`] rows of the tagger's class count per form.
    rows: Vec<i32>,
}

thread_local! {
    static FORMS: RefCell<Forms> = RefCell::new(Forms::default());
}

impl Forms {
    /// Runs `f` with this thread's rows for `tagger` (emptied first if they were another
    /// tagger's).
    pub fn with<R>(tagger: &Tagger, f: impl FnOnce(&mut Forms) -> R) -> R {
        FORMS.with(|forms| {
            let mut forms = forms.borrow_mut();
            if forms.owner != tagger.id {
                *forms = Forms { owner: tagger.id, ..Forms::default() };
            }
            f(&mut forms)
        })
    }

    /// The number of form `w` (its rows made now if it is new), or none when the thread
    /// keeps no rows for it: the thread is full, or another form has the same exact hash.
    pub fn number(&mut self, tagger: &Tagger, w: &Word) -> Option<u32> {
        let id = identity(w);
        if let Some(&n) = self.places.get(&w.exact) {
            return (self.identities[n as usize] == id).then_some(n);
        }
        if self.identities.len() >= CAPACITY {
            return None;
        }
        let n = self.identities.len() as u32;
        let classes = tagger.model.classes;
        if n as usize == EARLY {
            // A long run: room for every form the thread will keep, at once. Grown by
            // doubling, the rows (8 MB when full) were copied into fresh memory at each
            // step, and the kernel zeroed every new page first; room is not touched until
            // rows are written there, and a short run never asks for it.
            self.rows.reserve_exact((CAPACITY - EARLY) * PLACES * classes);
        }
        let mut keys = [0u32; 5];
        for place in 0..PLACES {
            let count = features_at(w, place, &mut keys);
            let mut sums = [0i32; 256];
            tagger.model.add_features(&keys[..count], &mut sums);
            self.rows.extend_from_slice(&sums[..classes]);
        }
        self.identities.push(id);
        self.places.insert(w.exact, n);
        Some(n)
    }

    /// Form `n`'s row at `place`.
    pub fn row(&self, n: u32, place: usize, classes: usize) -> &[i32] {
        let at = (n as usize * PLACES + place) * classes;
        self.rows.get(at..at + classes).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CONTEXT_FEATURES, START, WORD_FEATURES, context_features, tag, word_features};
    use super::*;

    /// The features summed ahead per form and the ones looked up per word are, together,
    /// the word features less the bias, each once: the sums cannot differ.
    #[test]
    fn a_word_reads_every_feature_once_from_the_rows_or_the_context() {
        let words: Vec<Word> = "Aid workers in Idlib said 14 civilians died .".split(' ').map(Word::new).collect();
        for i in 0..words.len() {
            let mut all = [0u32; WORD_FEATURES];
            word_features(&words, i, 7, &mut all);
            let mut split = vec![key(0, 0, 0, 0)];
            let mut context = [0u32; CONTEXT_FEATURES];
            context_features(&words, i, 7, &mut context);
            split.extend(context);
            for (place, d) in [0, -1, -2, 1, 2].into_iter().enumerate() {
                let w = super::super::word_at(&words, i, d);
                let mut keys = [0u32; 5];
                let count = features_at(&w, place, &mut keys);
                split.extend(&keys[..count]);
            }
            let mut all = all.to_vec();
            all.sort_unstable();
            split.sort_unstable();
            assert_eq!(all, split, "word {i}");
        }
    }

    /// Tags with rows, with a form's exact hash taken by another form, and with no room
    /// left: the same, since each falls back to looking the features up.
    #[test]
    fn rows_a_clash_and_a_full_thread_tag_alike() {
        let tagger = &crate::parser().tagger;
        let text = "The minister said on Monday that the talks , which the rebels boycotted , would resume .";
        let words: Vec<Word> = text.split(' ').map(Word::new).collect();
        let mut plain = Forms { owner: tagger.id, identities: vec![[0; 5]; CAPACITY], ..Forms::default() };
        let expected = super::super::tag_with(tagger, &mut plain, &words);
        assert!(plain.rows.is_empty(), "a full thread makes no rows");
        assert_eq!(tag(tagger, &words), expected);
        assert_eq!(tag(tagger, &words), expected, "rows made by the call before");
        let mut clash = Forms { owner: tagger.id, ..Forms::default() };
        clash.places.insert(words[1].exact, 0);
        clash.identities.push(identity(&START));
        clash.rows.resize(PLACES * tagger.model.classes, 0);
        assert_eq!(super::super::tag_with(tagger, &mut clash, &words), expected);
    }
}
