//! The part-of-speech tagger: greedy left to right, an averaged perceptron over the word, its
//! neighbours, affixes, shape and the two tags before it.

use crate::clusters::{OUTSIDE, UNKNOWN};
use crate::labels::Tag;
use crate::model::{Model, hash_bytes, hash_str, key};
use forms::{Forms, PLACES};
use std::sync::atomic::{AtomicU64, Ordering};

mod forms;
mod seen;

pub(crate) use seen::word;

/// What the models read of one word, hashed once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub exact: u64,
    pub lower: u64,
    pub suffix: u64,
    pub prefix: u64,
    pub shape: u64,
    /// The word's cluster code (the parser's; [`crate::clusters`]), unknown until the
    /// model's clusters are assigned.
    pub cluster: u32,
}

/// Stand-ins for the words before the first and after the last.
const START: Word = Word { exact: 1, lower: 1, suffix: 1, prefix: 1, shape: 1, cluster: OUTSIDE };
const END: Word = Word { exact: 2, lower: 2, suffix: 2, prefix: 2, shape: 2, cluster: OUTSIDE };

impl Word {
    pub fn new(text: &str) -> Word {
        if text.is_ascii() {
            // The common case, without allocating: hash the lower-case bytes on the fly.
            let bytes = text.as_bytes();
            let lower = |b: &u8| b.to_ascii_lowercase();
            let suffix_at = bytes.len().saturating_sub(3);
            return Word {
                exact: hash_str(text),
                lower: hash_bytes(bytes.iter().map(lower)),
                suffix: hash_bytes(bytes[suffix_at..].iter().map(lower)),
                prefix: hash_bytes(bytes[..bytes.len().min(1)].iter().map(lower)),
                shape: ascii_shape(bytes),
                cluster: UNKNOWN,
            };
        }
        let lower = text.to_lowercase();
        let suffix_at = lower.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        let prefix_end = lower.chars().next().map_or(0, char::len_utf8);
        Word {
            exact: hash_str(text),
            lower: hash_str(&lower),
            suffix: hash_str(&lower[suffix_at..]),
            prefix: hash_str(&lower[..prefix_end]),
            shape: shape(text),
            cluster: UNKNOWN,
        }
    }
}

/// The word's shape: upper case letters as X, others as x, digits as d, other characters
/// as themselves, runs cut to two ("McCain" → "XxXx" → "XxXxx" cut; "2,000" → "dd,ddd" → "d,dd").
fn shape(text: &str) -> u64 {
    shape_of(text.chars().map(|c| {
        if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        }
    }))
}

/// [`shape`] of an ASCII word, read byte by byte (the same classes: in ASCII the upper-case
/// letters are `A` to `Z`, the other letters `a` to `z`).
fn ascii_shape(bytes: &[u8]) -> u64 {
    shape_of(bytes.iter().map(|&b| match b {
        b'A'..=b'Z' => 'X',
        b'a'..=b'z' => 'x',
        b'0'..=b'9' => 'd',
        _ => char::from(b),
    }))
}

/// The hash of a word's classes, one per character, runs cut to two.
fn shape_of(classes: impl Iterator<Item = char>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    let mut run = 0;
    for s in classes.take(24) {
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            last = s;
            run = 1;
        }
        h = (h ^ u64::from(u32::from(s))).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h | 1
}

/// Number of features the tagger reads per word.
pub(crate) const FEATURES: usize = 20;

/// Of those, the ones that read the word and its neighbours ([`word_features`]); the other
/// three read only the tags of the two words before ([`history_features`]).
const WORD_FEATURES: usize = FEATURES - 3;

/// Tag index standing for "no tag" (before the first word).
const NO_TAG: u64 = 255;

/// The tagger's features for word `i`, given the tags of the two words before it (as it is
/// trained; [`tag`] adds the history features' weights from a table instead).
pub(crate) fn features(words: &[Word], i: usize, p1: u64, p2: u64, out: &mut [u32; FEATURES]) {
    let mut word = [0u32; WORD_FEATURES];
    word_features(words, i, p1, &mut word);
    out[..6].copy_from_slice(&word[..6]);
    out[6..9].copy_from_slice(&history_features(p1, p2));
    out[9..].copy_from_slice(&word[6..]);
}

/// The features of the tags of the two words before: the previous tag, the one before it,
/// and the pair.
fn history_features(p1: u64, p2: u64) -> [u32; 3] {
    [key(6, p1, 0, 0), key(7, p2, 0, 0), key(8, p1, p2, 0)]
}

/// Number of the tagger's word features that read more than one form, or a form and its
/// place or the previous tag: the ones [`Forms`] cannot sum ahead.
const CONTEXT_FEATURES: usize = 5;

/// The word `d` places from word `i` (a stand-in past either end).
fn word_at(words: &[Word], i: usize, d: isize) -> Word {
    match i.checked_add_signed(d) {
        Some(j) if j < words.len() => words[j],
        Some(_) => END,
        None => START,
    }
}

/// Of [`word_features`], the ones that [`Forms`] does not sum ahead.
#[cfg(test)]
fn context_features(words: &[Word], i: usize, p1: u64, out: &mut [u32; CONTEXT_FEATURES]) {
    let [a, b, c, d] = fixed_context(words, i);
    *out = [tagged_context(words, i, p1), a, b, c, d];
}

/// Of [`context_features`], the one that reads the previous tag.
fn tagged_context(words: &[Word], i: usize, p1: u64) -> u32 {
    key(9, p1, word_at(words, i, 0).lower, 0)
}

/// Of [`context_features`], the ones that read no tag: known before the sentence is tagged.
fn fixed_context(words: &[Word], i: usize) -> [u32; CONTEXT_FEATURES - 1] {
    let (w, m1, n1) = (word_at(words, i, 0), word_at(words, i, -1), word_at(words, i, 1));
    let first = u64::from(i == 0);
    [
        key(16, first, w.shape, 0),
        key(17, m1.lower, w.lower, 0),
        key(18, w.lower, n1.lower, 0),
        key(19, n1.shape, w.shape, 0),
    ]
}

/// The features of word `i` and its neighbours (and the previous tag with the word).
fn word_features(words: &[Word], i: usize, p1: u64, out: &mut [u32; WORD_FEATURES]) {
    let at = |d: isize| word_at(words, i, d);
    let w = at(0);
    let (m1, m2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    let first = u64::from(i == 0);
    *out = [
        key(0, 0, 0, 0),
        key(1, w.lower, 0, 0),
        key(2, w.exact, 0, 0),
        key(3, w.suffix, 0, 0),
        key(4, w.prefix, 0, 0),
        key(5, w.shape, 0, 0),
        key(9, p1, w.lower, 0),
        key(10, m1.lower, 0, 0),
        key(11, m1.suffix, 0, 0),
        key(12, m2.lower, 0, 0),
        key(13, n1.lower, 0, 0),
        key(14, n1.suffix, 0, 0),
        key(15, n2.lower, 0, 0),
        key(16, first, w.shape, 0),
        key(17, m1.lower, w.lower, 0),
        key(18, w.lower, n1.lower, 0),
        key(19, n1.shape, w.shape, 0),
    ];
}

/// Places of the tag history: a tag, or none.
const HISTORY: usize = Tag::ALL.len() + 1;

/// The place of a tag (or [`NO_TAG`]) in the history table.
fn history_place(t: u64) -> usize {
    if t == NO_TAG { Tag::ALL.len() } else { (t as usize).min(Tag::ALL.len()) }
}

/// The tagger's model, with the weights of its three history features summed ahead for
/// every pair of previous tags: a word then looks up its 17 other features and adds one
/// row, instead of looking up three features with a weight for nearly every tag (about
/// 150 additions). Integer sums: the tags are the same as with all 20 looked up.
#[derive(Debug)]
pub(crate) struct Tagger {
    /// The model as trained.
    pub model: Model,
    /// For previous tags `(p1, p2)`, at `(place(p1) * HISTORY + place(p2)) * classes`, the
    /// history features' weight per class.
    history: Vec<i32>,
    /// Tells this tagger's rows in [`Forms`] from another's.
    id: u64,
}

/// The number the next tagger made gets.
static TAGGERS: AtomicU64 = AtomicU64::new(1);

impl Tagger {
    /// The tagger of `model`, its history table filled (2,601 look-ups of three features).
    pub fn new(model: Model) -> Tagger {
        let classes = model.classes;
        let mut base = [0i32; 256];
        model.score(&[], &mut base);
        let mut history = vec![0i32; HISTORY * HISTORY * classes];
        let value = |place: usize| if place == Tag::ALL.len() { NO_TAG } else { place as u64 };
        for (at, row) in history.chunks_exact_mut(classes).enumerate() {
            let mut sums = [0i32; 256];
            model.score(&history_features(value(at / HISTORY), value(at % HISTORY)), &mut sums);
            for (c, w) in row.iter_mut().enumerate() {
                *w = sums[c] - base[c];
            }
        }
        Tagger { model, history, id: TAGGERS.fetch_add(1, Ordering::Relaxed) }
    }

    /// The history features' weights after tags `p1` and `p2`.
    fn history(&self, p1: u64, p2: u64) -> &[i32] {
        let classes = self.model.classes;
        let at = (history_place(p1) * HISTORY + history_place(p2)) * classes;
        self.history.get(at..at + classes).unwrap_or(&[])
    }
}

/// Tags `words` with `tagger`, greedily left to right.
pub(crate) fn tag(tagger: &Tagger, words: &[Word]) -> Vec<Tag> {
    Forms::with(tagger, |forms| tag_with(tagger, forms, words))
}

/// [`tag`], a word's features of one form added from `forms`' rows wherever the five
/// forms it reads have rows, else looked up one by one.
fn tag_with(tagger: &Tagger, forms: &mut Forms, words: &[Word]) -> Vec<Tag> {
    let model = &tagger.model;
    let classes = model.classes;
    // The form numbers of the words, with two stand-ins before and two after: the five
    // forms word `i` reads are at `i..i + 5`.
    let (start, end) = (forms.number(tagger, &START), forms.number(tagger, &END));
    let mut numbers = Vec::with_capacity(words.len() + 4);
    numbers.extend([start, start]);
    numbers.extend(words.iter().map(|w| forms.number(tagger, w)));
    numbers.extend([end, end]);
    let mut tags = Vec::with_capacity(words.len());
    let mut scores = [0i32; 256];
    let mut keys = [0u32; WORD_FEATURES];
    // The context features that read no tag, every word's home slots read before the first
    // word is tagged: the word pairs are rarely in cache, and their misses then overlap
    // instead of waiting for one another word by word.
    let fixed: Vec<[u32; CONTEXT_FEATURES - 1]> = (0..words.len()).map(|i| fixed_context(words, i)).collect();
    model.touch(fixed.as_flattened());
    let (mut p1, mut p2) = (NO_TAG, NO_TAG);
    for (i, around) in numbers.windows(PLACES).enumerate() {
        if let [Some(m2), Some(m1), Some(w), Some(n1), Some(n2)] = *around {
            let rows = [(w, 0), (m1, 1), (m2, 2), (n1, 3), (n2, 4)].map(|(n, place)| forms.row(n, place, classes));
            add_rows(&mut scores[..classes], model.constant(), tagger.history(p1, p2), rows);
            let [a, b, c, d] = fixed[i];
            model.add_keys(&[tagged_context(words, i, p1), a, b, c, d], &mut scores);
        } else {
            word_features(words, i, p1, &mut keys);
            model.score(&keys, &mut scores);
            for (score, &w) in scores.iter_mut().zip(tagger.history(p1, p2)) {
                *score += w;
            }
        }
        let best = argmax(&scores[..model.classes]);
        let tag = Tag::from_index(best).unwrap_or(Tag::XX);
        tags.push(tag);
        p2 = p1;
        p1 = tag.index() as u64;
    }
    tags
}

/// Sets each of `sums` to the constant's, the history's and the five rows' weights for
/// its class.
fn add_rows(sums: &mut [i32], constant: &[i32], history: &[i32], rows: [&[i32]; PLACES]) {
    let [a, b, c, d, e] = rows;
    let terms = constant.iter().zip(history).zip(a).zip(b).zip(c).zip(d).zip(e);
    for (sum, ((((((k, h), a), b), c), d), e)) in sums.iter_mut().zip(terms) {
        *sum = k + h + a + b + c + d + e;
    }
}

/// Index of the highest score, the first one on a tie.
pub(crate) fn argmax(scores: &[i32]) -> usize {
    // The highest score, then where it is first: two loops without a branch on the scores
    // (vector code), instead of one that branches on each.
    let high = scores.iter().copied().max().unwrap_or(i32::MIN);
    scores.iter().position(|&s| s == high).unwrap_or(0)
}

/// The "no tag" index as the features see it.
pub(crate) const fn no_tag() -> u64 {
    NO_TAG
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ASCII word's shape read byte by byte is the one read character by character.
    #[test]
    fn an_ascii_shape_is_the_shape() {
        for word in
            ["McCain", "2,000", "U.S.", "al-Assad", "WHO", "x", "", "AaAaAaAaAaAaAaAaAaAaAaAaAaAa", "don't", "#1"]
        {
            assert_eq!(ascii_shape(word.as_bytes()), shape(word), "{word}");
        }
    }

    /// The history table adds what looking up the three history features adds: the same
    /// scores at every word, so the same tags, as the 20 features looked up one by one.
    #[test]
    fn the_history_table_scores_as_the_history_features_looked_up() {
        let tagger = &crate::parser().tagger;
        let classes = tagger.model.classes;
        let words: Vec<Word> = "Officials in Damascus said on Tuesday that 2 strikes hadn't hit the depot ."
            .split(' ')
            .map(Word::new)
            .collect();
        let tags = tag(tagger, &words);
        let (mut keys, mut word) = ([0u32; FEATURES], [0u32; WORD_FEATURES]);
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for (i, tagged) in tags.iter().enumerate() {
            features(&words, i, p1, p2, &mut keys);
            let mut plain = [0i32; 256];
            tagger.model.score(&keys, &mut plain);
            word_features(&words, i, p1, &mut word);
            let mut table = [0i32; 256];
            tagger.model.score(&word, &mut table);
            for (score, &w) in table.iter_mut().zip(tagger.history(p1, p2)) {
                *score += w;
            }
            assert_eq!(plain[..classes], table[..classes], "word {i}");
            let best = argmax(&plain[..classes]);
            assert_eq!(tagged.index(), best, "word {i}");
            (p2, p1) = (p1, best as u64);
        }
        assert_eq!(tagger.history(NO_TAG, 7).len(), classes);
    }
}
