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

/// The classes of the left arcs.
pub(crate) const LEFT_ARCS: std::ops::Range<u8> = 2..(2 + LABELS) as u8;

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

/// What the features read of one position of a configuration: its word, tag and label
/// (placeholders past the sentence or for a word not yet attached).
#[derive(Clone, Copy)]
struct Token {
    w: u64,
    t: u64,
    label: u64,
}

/// The positions the features look at around the stack top (`s0`) and the buffer front
/// (`n0`): their heads, leftmost and rightmost dependents, and counts.
struct Window {
    s0: Token,
    s1: Token,
    s2: Token,
    n0: Token,
    n1: Token,
    n2: Token,
    s0h: Token,
    s0h2: Token,
    s0l: Token,
    s0l2: Token,
    s0r: Token,
    s0r2: Token,
    n0l: Token,
    n0l2: Token,
    /// Distance from `s0` to `n0`, at most 6.
    dist: u64,
    s0vl: u64,
    s0vr: u64,
    n0vl: u64,
    s0ls: u64,
    s0rs: u64,
    n0ls: u64,
    s0_headed: u64,
}

impl Window {
    fn of(state: &State, words: &[Word], tags: &[Tag]) -> Window {
        let n = state.n;
        let token = |i: usize| -> Token {
            if i < n {
                let label = if state.heads[i] != NONE { u64::from(state.labels[i]) } else { NO_LABEL };
                Token { w: words[i].lower, t: tags[i].index() as u64, label }
            } else {
                Token { w: NO_WORD, t: NO_TAG, label: NO_LABEL }
            }
        };
        let depth = state.stack.len();
        let s0 = if depth > 0 { state.stack[depth - 1] } else { NONE };
        let s1 = if depth > 1 { state.stack[depth - 2] } else { NONE };
        let s2 = if depth > 2 { state.stack[depth - 3] } else { NONE };
        let n0 = if state.b < n { state.b } else { NONE };
        let of = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
        let s0h = of(&state.heads, s0);
        let count = |v: &Vec<u8>, i: usize| if i < n { u64::from(v[i].min(4)) } else { 9 };
        let set = |v: &Vec<u64>, i: usize| if i < n { v[i] } else { 0 };
        Window {
            s0: token(s0),
            s1: token(s1),
            s2: token(s2),
            n0: token(n0),
            n1: token(if state.b + 1 < n { state.b + 1 } else { NONE }),
            n2: token(if state.b + 2 < n { state.b + 2 } else { NONE }),
            s0h: token(s0h),
            s0h2: token(of(&state.heads, s0h)),
            s0l: token(of(&state.left1, s0)),
            s0l2: token(of(&state.left2, s0)),
            s0r: token(of(&state.right1, s0)),
            s0r2: token(of(&state.right2, s0)),
            n0l: token(of(&state.left1, n0)),
            n0l2: token(of(&state.left2, n0)),
            dist: if s0 < n && n0 < n { (n0 - s0).min(6) as u64 } else { 0 },
            s0vl: count(&state.left_count, s0),
            s0vr: count(&state.right_count, s0),
            n0vl: count(&state.left_count, n0),
            s0ls: set(&state.left_set, s0),
            s0rs: set(&state.right_set, s0),
            n0ls: set(&state.left_set, n0),
            s0_headed: u64::from(s0 < n && state.heads[s0] != NONE),
        }
    }
}

/// The parser's features for `state`: a table, one key per feature.
pub(crate) fn features(state: &State, words: &[Word], tags: &[Tag], out: &mut [u32; FEATURES]) {
    let w = Window::of(state, words, tags);
    let Window { s0, s1, s2, n0, n1, n2, s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2, .. } = w;
    let Window { dist, s0vl, s0vr, n0vl, s0ls, s0rs, n0ls, s0_headed, .. } = w;
    let t2 = |a: u64, b: u64| (a << 8) | b;
    let t3 = |a: u64, b: u64, c: u64| (a << 16) | (b << 8) | c;
    *out = [
        key(0, 0, 0, 0),
        key(1, s0.w, 0, 0),
        key(2, s0.t, 0, 0),
        key(3, s0.w, s0.t, 0),
        key(4, n0.w, 0, 0),
        key(5, n0.t, 0, 0),
        key(6, n0.w, n0.t, 0),
        key(7, n1.w, 0, 0),
        key(8, n1.t, 0, 0),
        key(9, n1.w, n1.t, 0),
        key(10, n2.w, 0, 0),
        key(11, n2.t, 0, 0),
        key(12, s0.w, n0.w, t2(s0.t, n0.t)),
        key(13, s0.w, n0.w, s0.t),
        key(14, s0.w, n0.w, n0.t),
        key(15, s0.w, t2(s0.t, n0.t), 0),
        key(16, n0.w, t2(s0.t, n0.t), 0),
        key(17, s0.w, n0.w, 0),
        key(18, t2(s0.t, n0.t), 0, 0),
        key(19, t2(n0.t, n1.t), 0, 0),
        key(20, t3(n0.t, n1.t, n2.t), 0, 0),
        key(21, t3(s0.t, n0.t, n1.t), 0, 0),
        key(22, t3(s0h.t, s0.t, n0.t), 0, 0),
        key(23, t3(s0.t, s0l.t, n0.t), 0, 0),
        key(24, t3(s0.t, s0r.t, n0.t), 0, 0),
        key(25, t3(s0.t, n0.t, n0l.t), 0, 0),
        key(26, t3(s1.t, s0.t, n0.t), 0, 0),
        key(27, t2(s1.t, s0.t), 0, 0),
        key(28, dist, s0.w, 0),
        key(29, dist, s0.t, 0),
        key(30, dist, n0.w, 0),
        key(31, dist, n0.t, 0),
        key(32, dist, t2(s0.t, n0.t), 0),
        key(33, s0.w, s0vr, 0),
        key(34, s0.t, s0vr, 0),
        key(35, s0.w, s0vl, 0),
        key(36, s0.t, s0vl, 0),
        key(37, n0.w, n0vl, 0),
        key(38, n0.t, n0vl, 0),
        key(39, s0h.w, 0, 0),
        key(40, s0h.t, 0, 0),
        key(41, s0.label, 0, 0),
        key(42, s0l.w, 0, 0),
        key(43, s0l.t, 0, 0),
        key(44, s0l.label, 0, 0),
        key(45, s0r.w, 0, 0),
        key(46, s0r.t, 0, 0),
        key(47, s0r.label, 0, 0),
        key(48, n0l.w, 0, 0),
        key(49, n0l.t, 0, 0),
        key(50, n0l.label, 0, 0),
        key(51, s0h2.w, 0, 0),
        key(52, s0h2.t, 0, 0),
        key(53, s0h.label, 0, 0),
        key(54, s0l2.w, 0, 0),
        key(55, s0l2.t, 0, 0),
        key(56, s0l2.label, 0, 0),
        key(57, s0r2.w, 0, 0),
        key(58, s0r2.t, 0, 0),
        key(59, s0r2.label, 0, 0),
        key(60, n0l2.w, 0, 0),
        key(61, n0l2.t, 0, 0),
        key(62, n0l2.label, 0, 0),
        key(63, t3(s0.t, s0l.t, s0l2.t), 0, 0),
        key(64, t3(s0.t, s0r.t, s0r2.t), 0, 0),
        key(65, t3(s0.t, s0h.t, s0h2.t), 0, 0),
        key(66, t3(n0.t, n0l.t, n0l2.t), 0, 0),
        key(67, s0.w, s0rs, 0),
        key(68, s0.t, s0rs, 0),
        key(69, s0.w, s0ls, 0),
        key(70, s0.t, s0ls, 0),
        key(71, n0.w, n0ls, 0),
        key(72, n0.t, n0ls, 0),
        key(73, t3(s0_headed, s0.t, n0.t), s0.label, 0),
        key(74, s1.w, 0, 0),
        key(75, t3(s2.t, s1.t, s0.t), 0, 0),
    ];
}

/// Parses tagged words with `model`; returns heads (`NONE` for roots) and label indices.
pub(crate) fn parse(model: &Model, words: &[Word], tags: &[Tag]) -> (Vec<usize>, Vec<u8>) {
    let mut state = State::new(words.len());
    let mut scores = [0i32; 256];
    let mut keys = [0u32; FEATURES];
    while !state.is_final() {
        let m = if state.stack.is_empty() {
            Move::Shift
        } else if state.b >= state.n {
            Move::Reduce
        } else {
            features(&state, words, tags, &mut keys);
            // A stack top with a head takes no left arc: those classes need no score.
            let headed = state.top().is_some_and(|s| state.heads[s] != NONE);
            model.score_partial(&keys, &mut scores, headed);
            best_valid(&state, &scores[..CLASSES])
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
