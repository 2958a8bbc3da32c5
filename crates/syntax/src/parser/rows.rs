//! The transition model's weights summed ahead, for the 38-template model without
//! clusters: fifteen of its 37 looked-up features read one word in one place (the stack top's
//! form and tag, the buffer front's, the next two words', the stack's second word, the
//! children at the edges), so each thread keeps, for the (form, tag) pairs it has met, those
//! features' four weights in one row per place, with rows for the two that read the stack
//! top's or the buffer front's form with the distance between them (by distance) and for the
//! two that read the buffer front's form with its left children (while it has none); two more
//! read only the tags of the buffer's first three words, so a sentence sums them per buffer
//! position; one reads only the stack top's label, summed at load for every label. A step
//! then adds ten rows and looks up 15 features (17 once the buffer front has a left child)
//! instead of 37. Integer sums: the scores, and so the parses, are the ones of looking every
//! feature up.

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

/// Pairs a thread keeps rows for (368 bytes each); a pair met after that is summed for its
/// sentence only.
const CAPACITY: usize = 1 << 15;

/// Rows reserved past [`CAPACITY`] for a sentence's pairs the thread does not keep (a
/// longer sentence, once the thread is full, grows the rows).
const SENTENCE_ROOM: usize = 256;

/// Four weights, one per transition class.
type Row = [i32; MOVES];

/// Distances from the stack top to the buffer front that the features tell apart (at most
/// 6).
const DISTANCES: usize = 7;

/// A (form, tag) pair's rows.
#[derive(Clone, Copy, Debug)]
struct PairRows {
    /// In each place.
    places: [Row; PLACES],
    /// As the stack top with the buffer front `d` words away, at `d` (template 28).
    s0_dist: [Row; DISTANCES],
    /// As the buffer front `d` words from the stack top, at `d` (template 30).
    n0_dist: [Row; DISTANCES],
    /// As the buffer front with no left child yet (templates 37 and 71 with no valency and
    /// no labels).
    n0_bare: Row,
}

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

/// Keys a pair's rows sum: up to three per place, one per distance in each of the two
/// distance rows, and the two of the bare buffer front.
const PAIR_KEYS: usize = 3 * PLACES + 2 * DISTANCES + 2;

/// The rows of the word of form `w` and tag `t`: every key's home slot read first (a new
/// pair's 31 features are mostly not in cache: their misses overlap), then the rows summed.
fn pair_rows(moves: &Model, w: u64, t: u64) -> PairRows {
    let mut keys = [0u32; PAIR_KEYS];
    let mut counts = [0usize; PLACES];
    for (place, (three, count)) in keys.chunks_exact_mut(3).zip(&mut counts).enumerate() {
        if let Ok(three) = <&mut [u32; 3]>::try_from(three) {
            *count = features_at(w, t, place, three);
        }
    }
    let distances = &mut keys[3 * PLACES..];
    for d in 0..DISTANCES {
        distances[d] = key(28, d as u64, w, 0);
        distances[DISTANCES + d] = key(30, d as u64, w, 0);
    }
    keys[PAIR_KEYS - 2..].copy_from_slice(&[key(37, w, 0, 0), key(71, w, 0, 0)]);
    moves.touch(&keys);
    let sum = |keys: &[u32]| keys.iter().fold([0; MOVES], |row, &k| plus(row, moves.dense_weights(k)));
    let distance = |from: usize| std::array::from_fn(|d| moves.dense_weights(keys[from + d]));
    PairRows {
        places: std::array::from_fn(|place| sum(&keys[3 * place..3 * place + counts[place]])),
        s0_dist: distance(3 * PLACES),
        n0_dist: distance(3 * PLACES + DISTANCES),
        n0_bare: sum(&keys[PAIR_KEYS - 2..]),
    }
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
    /// Empty rows for the model numbered `owner`, with room for every pair the thread will
    /// keep: grown by doubling, the rows (12 MB when full) were copied into fresh memory at
    /// each step, and the kernel zeroed every new page first. Room is not touched until
    /// rows are written there.
    fn for_model(owner: u64) -> Pairs {
        Pairs { owner, rows: Vec::with_capacity(CAPACITY + SENTENCE_ROOM), ..Pairs::default() }
    }

    /// The place in `rows` of form `w` with tag `t`, its rows made and kept now if they are
    /// new; none when the thread keeps no more, or another pair has its hash.
    fn place(&mut self, moves: &Model, w: u64, t: u64) -> Option<u32> {
        let hash = w ^ t.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        if let Some(&n) = self.places.get(&hash) {
            return (self.identities[n as usize] == (w, t)).then_some(n);
        }
        if self.identities.len() >= CAPACITY {
            return None;
        }
        let n = self.identities.len() as u32;
        self.places.insert(hash, n);
        self.identities.push((w, t));
        self.rows.push(pair_rows(moves, w, t));
        Some(n)
    }
}

/// One sentence's rows, by word: what a step adds for the buffer front's position, and each
/// word's place among its pairs' rows (which stay where the thread keeps them); and the
/// words' forms and tags as the features read them, with the stand-in for no word after
/// the last.
pub(crate) struct SentenceRows<'a> {
    model: &'a WordRows,
    /// At buffer position `b`: the rows of the words at `b`, `b + 1` and `b + 2` in their
    /// places, and the buffer's tag features, for a buffer that ends with the sentence.
    buffer: Vec<Row>,
    /// The thread's pairs' rows, then the ones of this sentence's pairs it does not keep,
    /// then the stand-in's.
    rows: &'a [PairRows],
    /// Each word's place in `rows`, then the stand-in's.
    ids: Vec<u32>,
    /// Each word's lower-case form, then [`NO_WORD`].
    forms: Vec<u64>,
    /// Each word's tag index, then [`NO_TAG`].
    tags: Vec<u64>,
}

impl<'a> SentenceRows<'a> {
    /// Runs `f` with the rows of the tagged words of one sentence (the thread's rows are
    /// emptied first if they were another model's).
    pub fn with<R>(
        model: &WordRows,
        moves: &Model,
        words: &[Word],
        tags: &[Tag],
        f: impl FnOnce(&SentenceRows<'_>) -> R,
    ) -> R {
        PAIRS.with(|pairs| {
            let mut pairs = pairs.borrow_mut();
            if pairs.owner != model.id {
                *pairs = Pairs::for_model(model.id);
            }
            let kept: Vec<Option<u32>> =
                words.iter().zip(tags).map(|(w, t)| pairs.place(moves, w.lower, t.index() as u64)).collect();
            // The rows of the pairs not kept and of the stand-in go after the thread's, for
            // this sentence only.
            let len = pairs.rows.len();
            let mut ids = Vec::with_capacity(words.len() + 1);
            for ((w, t), kept) in words.iter().zip(tags).zip(kept) {
                ids.push(kept.unwrap_or_else(|| {
                    pairs.rows.push(pair_rows(moves, w.lower, t.index() as u64));
                    (pairs.rows.len() - 1) as u32
                }));
            }
            pairs.rows.push(model.none);
            ids.push((pairs.rows.len() - 1) as u32);
            let out = f(&SentenceRows::new(model, moves, &pairs.rows, ids, words, tags));
            pairs.rows.truncate(len);
            out
        })
    }

    /// The rows of one sentence, its pairs' at `ids` in `rows`.
    fn new(
        model: &'a WordRows,
        moves: &Model,
        rows: &'a [PairRows],
        ids: Vec<u32>,
        words: &[Word],
        tags: &[Tag],
    ) -> SentenceRows<'a> {
        let n = words.len();
        let at = |i: usize| &rows[ids[i.min(n)] as usize].places;
        let buffer = (0..n)
            .map(|b| {
                let tags = buffer_features(tags, b, n).map(|k| moves.dense_weights(k));
                plus(plus(plus(at(b)[N0], at(b + 1)[N1]), plus(at(b + 2)[N2], tags[0])), tags[1])
            })
            .collect();
        let forms = words.iter().map(|w| w.lower).chain([NO_WORD]).collect();
        let tags = tags.iter().map(|t| t.index() as u64).chain([NO_TAG]).collect();
        SentenceRows { model, buffer, rows, ids, forms, tags }
    }

    /// The rows of word `i` (the stand-in's at the sentence's length).
    fn pair(&self, i: usize) -> &PairRows {
        &self.rows[self.ids[i] as usize]
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
        let dist = if s0 < n && b < n { (b - s0).min(6) } else { 0 };
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
            key(32, dist as u64, st, 0),
            key(64, t3(s0t, t[s0r], t[s0r2]), 0, 0),
            key(65, t3(s0t, t[s0h], t[s0h2]), 0, 0),
            key(73, t3(u64::from(s0_headed), s0t, n0t), label, 0),
            key(75, t3(t[s2], t[s1], s0t), 0, 0),
            // The buffer front's valency and left labels: summed ahead while it has no
            // left child.
            key(37, n0w, n0vl, 0),
            key(71, n0w, n0ls, 0),
        ];
        scores[..MOVES].copy_from_slice(moves.constant());
        let (s0_rows, n0_rows) = (self.pair(s0), self.pair(b));
        let bare = n0vl == 0 && n0ls == 0;
        match keys.first_chunk::<{ LOOKED_UP - 2 }>() {
            Some(without) if bare => moves.add_keys(without, scores),
            _ => moves.add_keys(&keys, scores),
        }
        let rows = [
            self.buffer.get(b).copied().unwrap_or([0; MOVES]),
            s0_rows.places[S0],
            self.pair(s1).places[S1],
            self.pair(s0l).places[S0L],
            self.pair(s0r).places[S0R],
            self.pair(n0l).places[N0L],
            self.model.labels[label as usize],
            s0_rows.s0_dist[dist],
            n0_rows.n0_dist[dist],
            if bare { n0_rows.n0_bare } else { [0; MOVES] },
        ];
        for (score, add) in scores.iter_mut().zip(rows.into_iter().fold([0; MOVES], plus)) {
            *score += add;
        }
    }
}

/// Number of transition features a step looks up at most ([`SentenceRows::score`]).
const LOOKED_UP: usize = 17;

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
            SentenceRows::with(model, moves, &words, &tags, |sentence| {
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
            });
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
            clash.rows.push(PairRows { n0_bare: [1_000; MOVES], ..model.none });
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
