//! The dependency parser: greedy arc-eager transitions (projective, labelled), scored by
//! averaged perceptrons over the stack, the buffer and the partial tree.
//!
//! Each step is decided in two stages: a model of four classes picks the transition
//! (shift, reduce, left arc, right arc), and only when it picks an arc does a second model,
//! with fewer features, pick the arc's label. A joint model of all 92 labelled transitions
//! added about 25 weights per feature found and about 1,000 per step; the transition model
//! adds at most four per feature.
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

/// Number of transition classes of the first stage: shift, reduce, left arc, right arc.
pub(crate) const MOVES: usize = 4;

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
    /// The move of first-stage class `class`, with label `label` if it is an arc.
    pub fn from_class(class: usize, label: u8) -> Move {
        match class {
            0 => Move::Shift,
            1 => Move::Reduce,
            2 => Move::Left(label),
            _ => Move::Right(label),
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
    /// Words that take no dependents: punctuation, which the teacher almost never makes a
    /// head (0.3 % of its full stops, commas, colons, quotes and brackets).
    leaf: Vec<bool>,
}

impl State {
    /// The start of a parse of words with these tags.
    pub fn new(tags: &[Tag]) -> State {
        let n = tags.len();
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
            leaf: tags.iter().map(|t| t.is_punct() && !matches!(t, Tag::HYPH | Tag::NFP)).collect(),
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
            (Move::Left(l), Some(s)) => buffer && self.heads[s] == NONE && l != 0 && !self.leaf[self.b],
            (Move::Right(l), Some(s)) => buffer && l != 0 && !self.leaf[s],
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

/// Word, tag and label of position `i` (placeholders outside the sentence).
fn token(state: &State, words: &[Word], tags: &[Tag], i: usize) -> Token {
    if i < state.n {
        let label = if state.heads[i] != NONE { u64::from(state.labels[i]) } else { NO_LABEL };
        Token { w: words[i].lower, t: tags[i].index() as u64, label }
    } else {
        Token { w: NO_WORD, t: NO_TAG, label: NO_LABEL }
    }
}

impl Window {
    fn of(state: &State, words: &[Word], tags: &[Tag]) -> Window {
        let n = state.n;
        let token = |i: usize| token(state, words, tags, i);
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

/// Two tags (or labels) packed into one key part.
fn t2(a: u64, b: u64) -> u64 {
    (a << 8) | b
}

/// Three tags (or labels) packed into one key part.
fn t3(a: u64, b: u64, c: u64) -> u64 {
    (a << 16) | (b << 8) | c
}

/// The parser's features for `state`: a table, one key per feature.
pub(crate) fn features(state: &State, words: &[Word], tags: &[Tag], out: &mut [u32; FEATURES]) {
    let w = Window::of(state, words, tags);
    let Window { s0, s1, s2, n0, n1, n2, s0h, s0h2, s0l, s0l2, s0r, s0r2, n0l, n0l2, .. } = w;
    let Window { dist, s0vl, s0vr, n0vl, s0ls, s0rs, n0ls, s0_headed, .. } = w;
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

/// Number of features the labeller reads per arc.
pub(crate) const LABEL_FEATURES: usize = 28;

/// The labeller's features for the arc that `right` (else a left arc) would make in
/// `state`: the head and the dependent, their neighbours, and what each already governs.
/// Every key holds the arc's direction, so each feature votes only for the labels of arcs
/// of its direction.
pub(crate) fn label_features(
    state: &State,
    words: &[Word],
    tags: &[Tag],
    right: bool,
    out: &mut [u32; LABEL_FEATURES],
) {
    let n = state.n;
    let s0 = state.top().unwrap_or(NONE);
    let (h, d) = if right { (s0, state.b) } else { (state.b, s0) };
    let tok = |i: usize| token(state, words, tags, i);
    let at = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
    let (head, dep) = (tok(h), tok(d));
    let before = |i: usize| tok(if i < n && i > 0 { i - 1 } else { NONE });
    let after = |i: usize| tok(if i < n { i + 1 } else { NONE });
    let (d_prev, d_next, h_prev, h_next) = (before(d), after(d), before(h), after(h));
    let set = |v: &Vec<u64>, i: usize| if i < n { v[i] } else { 0 };
    let count = |v: &Vec<u8>, i: usize| if i < n { u64::from(v[i].min(4)) } else { 9 };
    // What the head already governs on the dependent's side, and the dependent's children.
    let (h_side, h_count) = if right {
        (set(&state.right_set, h), count(&state.right_count, h))
    } else {
        (set(&state.left_set, h), count(&state.left_count, h))
    };
    let (d_left, d_right) = (tok(at(&state.left1, d)), tok(at(&state.right1, d)));
    let d_sets = (set(&state.left_set, d), set(&state.right_set, d));
    let h_head = tok(at(&state.heads, h));
    // The word before the dependent's phrase as built so far ("and" in "…, and the
    // inspectors said": a conjunct, not a complement).
    let mut first = d;
    while first < n && state.left1[first] != NONE {
        first = state.left1[first];
    }
    let before_phrase = before(first);
    let dist = if h < n && d < n { h.abs_diff(d).min(6) as u64 } else { 0 };
    let dir = u32::from(right);
    let k = |template: u32, a: u64, b: u64, c: u64| key(2 * template + dir, a, b, c);
    *out = [
        k(0, 0, 0, 0),
        k(1, dep.w, 0, 0),
        k(2, dep.t, 0, 0),
        k(3, dep.w, dep.t, 0),
        k(4, head.w, 0, 0),
        k(5, head.t, 0, 0),
        k(6, head.w, head.t, 0),
        k(7, dep.w, head.w, 0),
        k(8, t2(dep.t, head.t), 0, 0),
        k(9, dep.w, head.t, 0),
        k(10, head.w, dep.t, 0),
        k(11, dist, t2(dep.t, head.t), 0),
        k(12, t3(d_prev.t, dep.t, d_next.t), head.t, 0),
        k(13, t3(h_prev.t, head.t, h_next.t), dep.t, 0),
        k(14, t2(dep.t, head.t), head.label, 0),
        k(15, t2(dep.t, head.t), h_side, 0),
        k(16, dep.t, d_sets.0, d_sets.1),
        k(17, t3(dep.t, d_left.t, d_left.label), head.t, 0),
        k(18, t3(dep.t, d_right.t, d_right.label), head.t, 0),
        k(19, t3(h_head.t, head.t, dep.t), 0, 0),
        k(20, dep.w, d_next.w, dep.t),
        k(21, head.w, t2(dep.t, d_next.t), 0),
        k(22, t2(dep.t, head.t), h_count, 0),
        k(23, d_prev.w, dep.t, 0),
        k(24, dep.w, head.t, head.label),
        k(25, d_left.w, dep.t, head.t),
        k(26, before_phrase.w, dep.t, head.t),
        k(27, t3(before_phrase.t, dep.t, head.t), h_side, 0),
    ];
}

/// The labeller's choice among `scores`: the best label an arc may take (never the root's;
/// the lowest label on a tie).
pub(crate) fn best_label<S: PartialOrd + Copy>(scores: &[S]) -> u8 {
    let mut best = 1;
    for label in 2..LABELS {
        if scores[label] > scores[best] {
            best = label;
        }
    }
    best as u8
}

/// Parses tagged words with the transition model `moves` and the labeller `labels`; returns
/// heads (`NONE` for roots) and label indices.
pub(crate) fn parse(moves: &Model, labels: &Model, words: &[Word], tags: &[Tag]) -> (Vec<usize>, Vec<u8>) {
    parse_with(moves, labels, words, tags, |_| {})
}

/// [`parse`], with `look` shown (and free to change) the transition features of every step
/// before they are scored: for measuring what each template is worth.
pub(crate) fn parse_with(
    moves: &Model,
    labels: &Model,
    words: &[Word],
    tags: &[Tag],
    mut look: impl FnMut(&mut [u32; FEATURES]),
) -> (Vec<usize>, Vec<u8>) {
    let mut state = State::new(tags);
    let mut scores = [0i32; 256];
    let mut keys = [0u32; FEATURES];
    let mut label_keys = [0u32; LABEL_FEATURES];
    while !state.is_final() {
        let m = if state.stack.is_empty() {
            Move::Shift
        } else if state.b >= state.n {
            Move::Reduce
        } else {
            features(&state, words, tags, &mut keys);
            look(&mut keys);
            moves.score(&keys, &mut scores);
            let class = best_valid(&state, &scores[..MOVES]);
            let label = if class >= 2 {
                label_features(&state, words, tags, class == 3, &mut label_keys);
                labels.score(&label_keys, &mut scores);
                best_label(&scores[..LABELS])
            } else {
                0
            };
            Move::from_class(class, label)
        };
        state.apply(m);
    }
    (state.heads, state.labels)
}

/// The valid first-stage class with the highest score (the lowest class on a tie).
pub(crate) fn best_valid<S: PartialOrd + Copy>(state: &State, scores: &[S]) -> usize {
    let mut best: Option<(usize, S)> = None;
    for (class, &score) in scores.iter().enumerate().take(MOVES) {
        if best.is_some_and(|(_, b)| score <= b) {
            continue;
        }
        if state.is_valid(Move::from_class(class, 1)) {
            best = Some((class, score));
        }
    }
    best.map_or(0, |(c, _)| c)
}
