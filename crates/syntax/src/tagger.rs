//! The part-of-speech tagger: greedy left to right, an averaged perceptron over the word, its
//! neighbours, affixes, shape and the two tags before it.

use crate::labels::Tag;
use crate::model::{Model, hash_bytes, hash_str, key};

/// What the models read of one word, hashed once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub exact: u64,
    pub lower: u64,
    pub suffix: u64,
    pub prefix: u64,
    pub shape: u64,
}

/// Stand-ins for the words before the first and after the last.
const START: Word = Word { exact: 1, lower: 1, suffix: 1, prefix: 1, shape: 1 };
const END: Word = Word { exact: 2, lower: 2, suffix: 2, prefix: 2, shape: 2 };

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
                shape: shape(text),
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
        }
    }
}

/// The word's shape: upper case letters as X, others as x, digits as d, other characters
/// as themselves, runs cut to two ("McCain" → "XxXx" → "XxXxx" cut; "2,000" → "dd,ddd" → "d,dd").
fn shape(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    let mut run = 0;
    for c in text.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
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

/// Tag index standing for "no tag" (before the first word).
const NO_TAG: u64 = 255;

/// The tagger's features for word `i`, given the tags of the two words before it.
pub(crate) fn features(words: &[Word], i: usize, p1: u64, p2: u64, out: &mut [u32; FEATURES]) {
    let at = |d: isize| -> Word {
        match i.checked_add_signed(d) {
            Some(j) if j < words.len() => words[j],
            Some(_) => END,
            None => START,
        }
    };
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
        key(6, p1, 0, 0),
        key(7, p2, 0, 0),
        key(8, p1, p2, 0),
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

/// Tags `words` with `model`, greedily left to right.
pub(crate) fn tag(model: &Model, words: &[Word]) -> Vec<Tag> {
    let mut tags = Vec::with_capacity(words.len());
    let mut scores = [0i32; 256];
    let mut keys = [0u32; FEATURES];
    let (mut p1, mut p2) = (NO_TAG, NO_TAG);
    for i in 0..words.len() {
        features(words, i, p1, p2, &mut keys);
        model.score(&keys, &mut scores);
        let best = argmax(&scores[..model.classes]);
        let tag = Tag::from_index(best).unwrap_or(Tag::XX);
        tags.push(tag);
        p2 = p1;
        p1 = tag.index() as u64;
    }
    tags
}

/// Index of the highest score, the first one on a tie.
pub(crate) fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// The "no tag" index as the features see it.
pub(crate) const fn no_tag() -> u64 {
    NO_TAG
}
