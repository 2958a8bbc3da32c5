//! The dependency parser: greedy arc-eager transitions (projective, labelled), scored by an
//! averaged perceptron over the stack, the buffer and the partial tree.
//!
//! There is no artificial root: a word that ends without a head is a root, so a sentence
//! the teacher read as two gets two roots.

use crate::labels::{Dep, Tag};
use crate::model::{Model, key};
use crate::tagger::Word;

/// Marks "none" in the index arrays.
pub(crate) const NONE: usize = usize::MAX;

/// Number of relation labels.
pub(crate) const LABELS: usize = Dep::ALL.len();

/// Number of transition classes: shift, reduce, then a left and a right arc per label.
pub(crate) const CLASSES: usize = 2 + 2 * LABELS;

/// A transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    /// Push the first buffer word onto the stack.
    Shift,
    /// Pop the stack.
    Reduce,
    /// The first buffer word becomes head of the stack top, which is popped.
    Left(u8),
    /// The stack top becomes head of the first buffer word, which is pushed.
    Right(u8),
}

impl Move {
    pub fn from_class(class: usize) -> Move {
        match class {
            0 => Move::Shift,
            1 => Move::Reduce,
            c if c < 2 + LABELS => Move::Left((c - 2) as u8),
            c => Move::Right((c - 2 - LABELS) as u8),
        }
    }

    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(l) => 2 + usize::from(l),
            Move::Right(l) => 2 + LABELS + usize::from(l),
        }
    }
}

/// A parser configuration.
#[derive(Debug)]
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<usize>,
    /// First word of the buffer (`n` when empty).
    pub b: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u8>,
    pub on_stack: Vec<bool>,
    left1: Vec<usize>,
    left2: Vec<usize>,
    right1: Vec<usize>,
    right2: Vec<usize>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            heads: vec![NONE; n],
            labels: vec![Dep::Root.index() as u8; n],
            on_stack: vec![false; n],
            left1: vec![NONE; n],
            left2: vec![NONE; n],
            right1: vec![NONE; n],
            right2: vec![NONE; n],
            left_count: vec![0; n],
            right_count: vec![0; n],
            left_set: vec![0; n],
            right_set: vec![0; n],
        }
    }

    pub fn is_final(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    pub fn top(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    pub fn is_valid(&self, m: Move) -> bool {
        let buffer = self.b < self.n;
        match (m, self.top()) {
            (Move::Shift, _) => buffer,
            (Move::Reduce, Some(s)) => self.heads[s] != NONE || !buffer,
            (Move::Left(l), Some(s)) => buffer && self.heads[s] == NONE && l != 0,
            (Move::Right(l), Some(_)) => buffer && l != 0,
            (_, None) => false,
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u8) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label & 63);
        if dep < head {
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_set[head] |= bit;
            // Left children arrive right to left: the newest is the leftmost.
            self.left2[head] = self.left1[head];
            self.left1[head] = dep;
        } else {
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_set[head] |= bit;
            self.right2[head] = self.right1[head];
            self.right1[head] = dep;
        }
    }

    /// Applies a move that [`State::is_valid`] allows.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.on_stack[self.b] = true;
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Reduce => {
                if let Some(s) = self.stack.pop() {
                    self.on_stack[s] = false;
                }
            }
            Move::Left(l) => {
                if let Some(s) = self.stack.pop() {
                    self.on_stack[s] = false;
                    self.attach(self.b, s, l);
                }
            }
            Move::Right(l) => {
                if let Some(&s) = self.stack.last() {
                    self.attach(s, self.b, l);
                    self.on_stack[self.b] = true;
                    self.stack.push(self.b);
                    self.b += 1;
                }
            }
        }
    }
}

/// Number of features the parser reads per configuration.
pub(crate) const FEATURES: usize = 76;

const NO_WORD: u64 = 3;
const NO_TAG: u64 = 255;
const NO_LABEL: u64 = 254;

/// The parser's features for `state`.
pub(crate) fn features(state: &State, words: &[Word], tags: &[Tag], out: &mut [u32; FEATURES]) {
    let n = state.n;
    let get =
        |i: usize| -> (u64, u64) { if i < n { (words[i].lower, tags[i].index() as u64) } else { (NO_WORD, NO_TAG) } };
    let label =
        |i: usize| -> u64 { if i < n && state.heads[i] != NONE { u64::from(state.labels[i]) } else { NO_LABEL } };
    let depth = state.stack.len();
    let s0 = if depth > 0 { state.stack[depth - 1] } else { NONE };
    let s1 = if depth > 1 { state.stack[depth - 2] } else { NONE };
    let s2 = if depth > 2 { state.stack[depth - 3] } else { NONE };
    let n0 = if state.b < n { state.b } else { NONE };
    let n1 = if state.b + 1 < n { state.b + 1 } else { NONE };
    let n2 = if state.b + 2 < n { state.b + 2 } else { NONE };
    let of = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
    let s0h = of(&state.heads, s0);
    let s0h2 = of(&state.heads, s0h);
    let s0l = of(&state.left1, s0);
    let s0l2 = of(&state.left2, s0);
    let s0r = of(&state.right1, s0);
    let s0r2 = of(&state.right2, s0);
    let n0l = of(&state.left1, n0);
    let n0l2 = of(&state.left2, n0);

    let (s0w, s0t) = get(s0);
    let (s1w, s1t) = get(s1);
    let (_, s2t) = get(s2);
    let (n0w, n0t) = get(n0);
    let (n1w, n1t) = get(n1);
    let (n2w, n2t) = get(n2);
    let (s0hw, s0ht) = get(s0h);
    let (s0h2w, s0h2t) = get(s0h2);
    let (s0lw, s0lt) = get(s0l);
    let (s0l2w, s0l2t) = get(s0l2);
    let (s0rw, s0rt) = get(s0r);
    let (s0r2w, s0r2t) = get(s0r2);
    let (n0lw, n0lt) = get(n0l);
    let (n0l2w, n0l2t) = get(n0l2);
    let dist = if s0 < n && n0 < n { (n0 - s0).min(6) as u64 } else { 0 };
    let count = |v: &Vec<u8>, i: usize| if i < n { u64::from(v[i].min(4)) } else { 9 };
    let set = |v: &Vec<u64>, i: usize| if i < n { v[i] } else { 0 };
    let (s0vl, s0vr, n0vl) =
        (count(&state.left_count, s0), count(&state.right_count, s0), count(&state.left_count, n0));
    let (s0ls, s0rs, n0ls) = (set(&state.left_set, s0), set(&state.right_set, s0), set(&state.left_set, n0));
    let s0_headed = u64::from(s0 < n && state.heads[s0] != NONE);
    let t2 = |a: u64, b: u64| (a << 8) | b;
    let t3 = |a: u64, b: u64, c: u64| (a << 16) | (b << 8) | c;
    *out = [
        key(0, 0, 0, 0),
        key(1, s0w, 0, 0),
        key(2, s0t, 0, 0),
        key(3, s0w, s0t, 0),
        key(4, n0w, 0, 0),
        key(5, n0t, 0, 0),
        key(6, n0w, n0t, 0),
        key(7, n1w, 0, 0),
        key(8, n1t, 0, 0),
        key(9, n1w, n1t, 0),
        key(10, n2w, 0, 0),
        key(11, n2t, 0, 0),
        key(12, s0w, n0w, t2(s0t, n0t)),
        key(13, s0w, n0w, s0t),
        key(14, s0w, n0w, n0t),
        key(15, s0w, t2(s0t, n0t), 0),
        key(16, n0w, t2(s0t, n0t), 0),
        key(17, s0w, n0w, 0),
        key(18, t2(s0t, n0t), 0, 0),
        key(19, t2(n0t, n1t), 0, 0),
        key(20, t3(n0t, n1t, n2t), 0, 0),
        key(21, t3(s0t, n0t, n1t), 0, 0),
        key(22, t3(s0ht, s0t, n0t), 0, 0),
        key(23, t3(s0t, s0lt, n0t), 0, 0),
        key(24, t3(s0t, s0rt, n0t), 0, 0),
        key(25, t3(s0t, n0t, n0lt), 0, 0),
        key(26, t3(s1t, s0t, n0t), 0, 0),
        key(27, t2(s1t, s0t), 0, 0),
        key(28, dist, s0w, 0),
        key(29, dist, s0t, 0),
        key(30, dist, n0w, 0),
        key(31, dist, n0t, 0),
        key(32, dist, t2(s0t, n0t), 0),
        key(33, s0w, s0vr, 0),
        key(34, s0t, s0vr, 0),
        key(35, s0w, s0vl, 0),
        key(36, s0t, s0vl, 0),
        key(37, n0w, n0vl, 0),
        key(38, n0t, n0vl, 0),
        key(39, s0hw, 0, 0),
        key(40, s0ht, 0, 0),
        key(41, label(s0), 0, 0),
        key(42, s0lw, 0, 0),
        key(43, s0lt, 0, 0),
        key(44, label(s0l), 0, 0),
        key(45, s0rw, 0, 0),
        key(46, s0rt, 0, 0),
        key(47, label(s0r), 0, 0),
        key(48, n0lw, 0, 0),
        key(49, n0lt, 0, 0),
        key(50, label(n0l), 0, 0),
        key(51, s0h2w, 0, 0),
        key(52, s0h2t, 0, 0),
        key(53, label(s0h), 0, 0),
        key(54, s0l2w, 0, 0),
        key(55, s0l2t, 0, 0),
        key(56, label(s0l2), 0, 0),
        key(57, s0r2w, 0, 0),
        key(58, s0r2t, 0, 0),
        key(59, label(s0r2), 0, 0),
        key(60, n0l2w, 0, 0),
        key(61, n0l2t, 0, 0),
        key(62, label(n0l2), 0, 0),
        key(63, t3(s0t, s0lt, s0l2t), 0, 0),
        key(64, t3(s0t, s0rt, s0r2t), 0, 0),
        key(65, t3(s0t, s0ht, s0h2t), 0, 0),
        key(66, t3(n0t, n0lt, n0l2t), 0, 0),
        key(67, s0w, s0rs, 0),
        key(68, s0t, s0rs, 0),
        key(69, s0w, s0ls, 0),
        key(70, s0t, s0ls, 0),
        key(71, n0w, n0ls, 0),
        key(72, n0t, n0ls, 0),
        key(73, t3(s0_headed, s0t, n0t), label(s0), 0),
        key(74, s1w, 0, 0),
        key(75, t3(s2t, s1t, s0t), 0, 0),
    ];
}

/// Parses tagged words with `model`; returns heads (`NONE` for roots) and label indices.
pub(crate) fn parse(model: &Model, words: &[Word], tags: &[Tag]) -> (Vec<usize>, Vec<u8>) {
    let mut state = State::new(words.len());
    let mut scores = vec![0i32; model.classes];
    let mut keys = [0u32; FEATURES];
    while !state.is_final() {
        let m = if state.stack.is_empty() {
            Move::Shift
        } else if state.b >= state.n {
            Move::Reduce
        } else {
            features(&state, words, tags, &mut keys);
            model.score(&keys, &mut scores);
            best_valid(&state, &scores)
        };
        state.apply(m);
    }
    (state.heads, state.labels)
}

/// The valid move with the highest score (the lowest class on a tie).
pub(crate) fn best_valid<S: PartialOrd + Copy>(state: &State, scores: &[S]) -> Move {
    let mut best: Option<(usize, S)> = None;
    for (class, &score) in scores.iter().enumerate().take(CLASSES) {
        if best.is_some_and(|(_, b)| score <= b) {
            continue;
        }
        if state.is_valid(Move::from_class(class)) {
            best = Some((class, score));
        }
    }
    best.map_or(Move::Shift, |(c, _)| Move::from_class(c))
}
