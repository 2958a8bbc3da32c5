//! The transition model's weights summed ahead, for the 38-template model without
//! clusters: fifteen of its 37 looked-up features read one word in one place (the stack top's
//! form and tag, the buffer front's, the next two words', the stack's second word, the
//! children at the edges), so each thread keeps, for the (form, tag) pairs it has met, those
//! features' four weights in one row per place; two more read only the tags of the buffer's
//! first three words, so a sentence sums them per buffer position; one reads only the stack
//! top's label, summed at load for every label. A step then adds seven rows and looks up 19
//! features instead of 37. Integer sums: the scores, and so the parses, are the ones of
//! looking every feature up.

use super::{MOVES, NO_LABEL, NO_TAG, NO_WORD, NONE, State, t2, t3};
use crate::labels::Tag;
use crate::model::{KeyHasher, Model, key};
use crate::tagger::Word;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicU64, Ordering};

/// The places a word is read from by the one-word features: the stack top, the buffer's
/// first three words, the stack top's leftmost and rightmost children, the buffer front's
/// leftmost child and the stack's second word.
const PLACES: usize = 8;
const S0: usize = 0;
const N0: usize = 1;
const N1: usize = 2;
const N2: usize = 3;
const S0L: usize = 4;
const S0R: usize = 5;
const N0L: usize = 6;
const S1: usize = 7;

/// Pairs a thread keeps rows for (128 bytes each); a pair met after that is summed for its
/// sentence only.
const CAPACITY: usize = 1 << 15;

/// Four weights, one per transition class.
type Row = [i32; MOVES];

/// A (form, tag) pair's rows, one per place.
type PairRows = [Row; PLACES];

fn plus(a: Row, b: Row) -> Row {
    std::array::from_fn(|j| a[j] + b[j])
}

/// The one-word features of the word of lower-case form `w` and tag `t` at `place`,
/// written to `out`; how many. Their templates are the ones of [`super::features`].
fn features_at(w: u64, t: u64, place: usize, out: &mut [u32; 3]) -> usize {
    let one = |out: &mut [u32; 3], k: u32| {
        out[0] = k;
        1
    };
    let two = |out: &mut [u32; 3], a: u32, b: u32| {
        out[..2].copy_from_slice(&[a, b]);
        2
    };
    match place {
        S0 => {
            *out = [key(1, w, 0, 0), key(2, t, 0, 0), key(3, w, t, 0)];
            3
        }
        N0 => {
            *out = [key(4, w, 0, 0), key(5, t, 0, 0), key(6, w, t, 0)];
            3
        }
        N1 => two(out, key(8, t, 0, 0), key(9, w, t, 0)),
        N2 => two(out, key(10, w, 0, 0), key(11, t, 0, 0)),
        S0L => one(out, key(42, w, 0, 0)),
        S0R => one(out, key(45, w, 0, 0)),
        N0L => two(out, key(48, w, 0, 0), key(49, t, 0, 0)),
        _ => one(out, key(74, w, 0, 0)),
    }
}

/// The features of the buffer's first three tags (templates 19 and 20), with `end` one
/// past the buffer's last word.
fn buffer_features(tags: &[Tag], b: usize, end: usize) -> [u32; 2] {
    let tag = |i: usize| if i < end { tags[i].index() as u64 } else { NO_TAG };
    let (n0, n1, n2) = (tag(b), tag(b + 1), tag(b + 2));
    [key(19, t2(n0, n1), 0, 0), key(20, t3(n0, n1, n2), 0, 0)]
}

/// A transition model's rows that do not depend on the sentence: the stack top's label's,
/// and the places' rows of the stand-in for no word.
#[derive(Debug)]
pub(crate) struct WordRows {
    /// Tells this model's rows in a thread's [`Pairs`] from another's.
    id: u64,
    /// Template 41's weights by the stack top's label (or [`NO_LABEL`]).
    labels: Vec<Row>,
    /// The rows of no word (past either end, or no such child).
    none: PairRows,
}

/// The number the next model's rows get.
static MODELS: AtomicU64 = AtomicU64::new(1);

impl WordRows {
    /// The rows of `moves` (a four-class model): 256 look-ups for the labels, 15 for the
    /// stand-in.
    pub fn new(moves: &Model) -> WordRows {
        let labels = (0..=255u64).map(|label| moves.dense_weights(key(41, label, 0, 0))).collect();
        WordRows { id: MODELS.fetch_add(1, Ordering::Relaxed), labels, none: pair_rows(moves, NO_WORD, NO_TAG) }
    }
}

/// The rows of the word of form `w` and tag `t` in every place.
fn pair_rows(moves: &Model, w: u64, t: u64) -> PairRows {
    let mut keys = [0u32; 3];
    std::array::from_fn(|place| {
        let count = features_at(w, t, place, &mut keys);
        keys[..count].iter().fold([0; MOVES], |row, &k| plus(row, moves.dense_weights(k)))
    })
}

/// One thread's rows of (form, tag) pairs, for one transition model.
#[derive(Default)]
struct Pairs {
    owner: u64,
    /// A pair's place in `identities` and `rows`, by a hash of it.
    places: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    identities: Vec<(u64, u64)>,
    rows: Vec<PairRows>,
}

thread_local! {
    static PAIRS: RefCell<Pairs> = RefCell::new(Pairs::default());
}

impl Pairs {
    /// The rows of form `w` with tag `t`, made now if they are new.
    fn rows(&mut self, moves: &Model, w: u64, t: u64) -> PairRows {
        let hash = w ^ t.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        if let Some(&n) = self.places.get(&hash)
            && self.identities[n as usize] == (w, t)
        {
            return self.rows[n as usize];
        }
        let rows = pair_rows(moves, w, t);
        if self.identities.len() < CAPACITY && !self.places.contains_key(&hash) {
            self.places.insert(hash, self.identities.len() as u32);
            self.identities.push((w, t));
            self.rows.push(rows);
        }
        rows
    }
}

/// One sentence's rows, by word: what a step adds for the buffer front's position, and for
/// each word the rows of the places on the stack's side; and the words' forms and tags as
/// the features read them, with the stand-in for no word after the last.
pub(crate) struct SentenceRows<'a> {
    model: &'a WordRows,
    /// At buffer position `b`: the rows of the words at `b`, `b + 1` and `b + 2` in their
    /// places, and the buffer's tag features, for a buffer that ends with the sentence.
    buffer: Vec<Row>,
    /// Each word's rows as the stack top, its second word, and the children read; then the
    /// stand-in's.
    stack: Vec<[Row; 5]>,
    /// Each word's lower-case form, then [`NO_WORD`].
    forms: Vec<u64>,
    /// Each word's tag index, then [`NO_TAG`].
    tags: Vec<u64>,
}

impl<'a> SentenceRows<'a> {
    /// The rows of the tagged words of one sentence.
    pub fn new(model: &'a WordRows, moves: &Model, words: &[Word], tags: &[Tag]) -> SentenceRows<'a> {
        let n = words.len();
        let mut pairs: Vec<PairRows> = PAIRS.with(|pairs| {
            let mut pairs = pairs.borrow_mut();
            if pairs.owner != model.id {
                *pairs = Pairs { owner: model.id, ..Pairs::default() };
            }
            words.iter().zip(tags).map(|(w, t)| pairs.rows(moves, w.lower, t.index() as u64)).collect()
        });
        pairs.push(model.none);
        let at = |i: usize| &pairs[i.min(n)];
        let buffer = (0..n)
            .map(|b| {
                let tags = buffer_features(tags, b, n).map(|k| moves.dense_weights(k));
                plus(plus(plus(at(b)[N0], at(b + 1)[N1]), plus(at(b + 2)[N2], tags[0])), tags[1])
            })
            .collect();
        let stack = pairs.iter().map(|p| [p[S0], p[S1], p[S0L], p[S0R], p[N0L]]).collect();
        let forms = words.iter().map(|w| w.lower).chain([NO_WORD]).collect();
        let tags = tags.iter().map(|t| t.index() as u64).chain([NO_TAG]).collect();
        SentenceRows { model, buffer, stack, forms, tags }
    }

    /// Each word's lower-case form and tag index, then the stand-in's ([`NO_WORD`],
    /// [`NO_TAG`]).
    pub fn forms_and_tags(&self) -> (&[u64], &[u64]) {
        (&self.forms, &self.tags)
    }

    /// Sets the transition scores of `state` (a word on the stack and one on the buffer,
    /// which ends with the sentence): the bias, the rows, and the weights of the features
    /// that read two words or more, or the tree built so far, looked up. Their templates
    /// are the ones of [`super::features`].
    pub fn score(&self, state: &State, moves: &Model, scores: &mut [i32; 256]) {
        let n = state.n;
        // A word's place in the rows, forms and tags, the stand-in's for none.
        let at = |i: usize| i.min(n);
        let of = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
        let depth = state.stack.len();
        let below = |d: usize| if depth > d { state.stack[depth - 1 - d] } else { NONE };
        let (s0, s1, s2, b) = (at(below(0)), at(below(1)), at(below(2)), at(state.b));
        let (w, t) = (&self.forms, &self.tags);
        let s0_headed = s0 < n && state.heads[s0] != NONE;
        let label = if s0_headed { u64::from(state.labels[s0]) } else { NO_LABEL };
        let s0h = of(&state.heads, s0);
        let (s0h, s0h2) = (at(s0h), at(of(&state.heads, s0h)));
        let (s0l, s0r, s0r2) = (at(of(&state.left1, s0)), at(of(&state.right1, s0)), at(of(&state.right2, s0)));
        let n0l = at(of(&state.left1, b));
        let dist = if s0 < n && b < n { (b - s0).min(6) as u64 } else { 0 };
        let n0vl = if b < n { u64::from(state.left_count[b].min(4)) } else { 9 };
        let n0ls = if b < n { state.left_set[b] } else { 0 };
        let (s0w, n0w, s0t, n0t) = (w[s0], w[b], t[s0], t[b]);
        let st = t2(s0t, n0t);
        let keys = [
            key(12, s0w, n0w, st),
            key(13, s0w, n0w, s0t),
            key(14, s0w, n0w, n0t),
            key(15, s0w, st, 0),
            key(16, n0w, st, 0),
            key(17, s0w, n0w, 0),
            key(21, t3(s0t, n0t, t[at(b + 1)]), 0, 0),
            key(24, t3(s0t, t[s0r], n0t), 0, 0),
            key(25, t3(s0t, n0t, t[n0l]), 0, 0),
            key(26, t3(t[s1], s0t, n0t), 0, 0),
            key(28, dist, s0w, 0),
            key(30, dist, n0w, 0),
            key(32, dist, st, 0),
            key(37, n0w, n0vl, 0),
            key(64, t3(s0t, t[s0r], t[s0r2]), 0, 0),
            key(65, t3(s0t, t[s0h], t[s0h2]), 0, 0),
            key(71, n0w, n0ls, 0),
            key(73, t3(u64::from(s0_headed), s0t, n0t), label, 0),
            key(75, t3(t[s2], t[s1], s0t), 0, 0),
        ];
        moves.score(&keys, scores);
        let rows = [
            self.buffer.get(b).copied().unwrap_or([0; MOVES]),
            self.stack[s0][0],
            self.stack[s1][1],
            self.stack[s0l][2],
            self.stack[s0r][3],
            self.stack[n0l][4],
            self.model.labels[label as usize],
        ];
        for (score, add) in scores.iter_mut().zip(rows.into_iter().fold([0; MOVES], plus)) {
            *score += add;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Move, features, parse, parse_with};
    use super::*;

    /// Sentences of my own, long and short, with clitics, quotes and a list.
    const TEXTS: [&str; 4] = [
        "The ministry said on Sunday that 12 people were killed when the depot , which rebels had held , burned .",
        "\" We will not leave , \" she told Reuters , adding that the talks had n't begun .",
        "Berlin , Rome , Paris as well as two aid groups blamed the army for the strike .",
        "Officials denied it .",
    ];

    fn tagged(text: &str) -> (Vec<Word>, Vec<Tag>) {
        let words: Vec<Word> = text.split(' ').map(Word::new).collect();
        let tags = crate::tagger::tag(&crate::parser().tagger, &words);
        (words, tags)
    }

    /// At every state a parse scores, the rows and the looked-up features give the scores
    /// of every feature looked up: each of the 37 is added once.
    #[test]
    fn rows_and_looked_up_features_score_as_every_feature_looked_up() {
        let parser = crate::parser();
        let (moves, templates) = (&parser.moves, parser.templates());
        let model = parser.rows.as_ref().unwrap_or_else(|| panic!("the committed model has rows"));
        let mut steps = 0;
        for text in TEXTS {
            let (words, tags) = tagged(text);
            let sentence = SentenceRows::new(model, moves, &words, &tags);
            let mut state = State::new(&tags);
            let mut keys = [0u32; super::super::FEATURES];
            while !state.buffer_is_empty() {
                if state.top().is_some() {
                    features(&state, &words, &tags, templates.len(), &mut keys);
                    let (mut plain, mut fast) = ([0i32; 256], [0i32; 256]);
                    moves.score(&keys[..templates.len()], &mut plain);
                    sentence.score(&state, moves, &mut fast);
                    assert_eq!(plain[..MOVES], fast[..MOVES], "{text}: step {steps}");
                    steps += 1;
                }
                // Arcs of several labels and both directions, so that heads, labels and
                // children are read too.
                let arc = [Move::Right(5), Move::Left(7), Move::Reduce, Move::Right(12)][steps % 4];
                state.apply(if steps % 3 != 0 && state.is_valid(arc) { arc } else { Move::Shift });
            }
        }
        assert!(steps > 40);
    }

    /// The parses with rows are the parses with every feature looked up, with a thread's
    /// rows made by the sentences before, with a pair's hash taken by another pair, and
    /// with no room left for more pairs.
    #[test]
    fn rows_a_clash_and_a_full_thread_parse_alike() {
        let parser = crate::parser();
        let (moves, labels, templates) = (&parser.moves, &parser.labels, parser.templates());
        let model = parser.rows.as_ref().unwrap_or_else(|| panic!("the committed model has rows"));
        let reset = |pairs: Pairs| PAIRS.with(|p| *p.borrow_mut() = pairs);
        for text in TEXTS {
            let (words, tags) = tagged(text);
            let plain = parse_with(moves, labels, templates, &words, &tags, |_| {});
            reset(Pairs::default());
            assert_eq!(parse(moves, labels, templates, Some(model), &words, &tags), plain, "{text}");
            assert_eq!(parse(moves, labels, templates, Some(model), &words, &tags), plain, "{text}, rows kept");
            let mut clash = Pairs { owner: model.id, ..Pairs::default() };
            for (w, t) in words.iter().zip(&tags) {
                let hash = w.lower ^ (t.index() as u64).wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                clash.places.insert(hash, 0);
            }
            clash.identities.push((NO_WORD, NO_TAG));
            clash.rows.push([[1_000; MOVES]; PLACES]);
            reset(clash);
            assert_eq!(parse(moves, labels, templates, Some(model), &words, &tags), plain, "{text}, clash");
            let full = Pairs { owner: model.id, identities: vec![(0, 0); CAPACITY], ..Pairs::default() };
            reset(full);
            assert_eq!(parse(moves, labels, templates, Some(model), &words, &tags), plain, "{text}, full");
            PAIRS.with(|p| assert!(p.borrow().rows.is_empty(), "a full thread keeps no rows"));
        }
        reset(Pairs::default());
    }
}
