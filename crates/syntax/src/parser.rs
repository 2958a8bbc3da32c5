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

use crate::clusters::{OUTSIDE, prefix};
use crate::labeller::Labeller;
use crate::labels::{Dep, Tag};
use crate::model::{Model, key};
use crate::picked::Templates;
use crate::tagger::Word;
use rows::SentenceRows;
pub(crate) use rows::WordRows;

mod arcs;
mod rows;

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
    /// First word of the buffer (`end` when empty).
    pub b: usize,
    /// One past the buffer's last word: `n`, or after [`State::unshift`] one past the word
    /// put back.
    pub end: usize,
    /// Whether a word has been put back on the buffer: from then on the words on the stack
    /// are attached to it, never shifted over.
    unshifted: bool,
    pub heads: Vec<usize>,
    pub labels: Vec<u8>,
    pub on_stack: Vec<bool>,
    left1: Vec<usize>,
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
            end: n,
            unshifted: false,
            heads: vec![NONE; n],
            labels: vec![Dep::Root.index() as u8; n],
            on_stack: vec![false; n],
            left1: vec![NONE; n],
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
        self.b >= self.end && self.stack.is_empty()
    }

    /// Whether the buffer is empty.
    pub fn buffer_is_empty(&self) -> bool {
        self.b >= self.end
    }

    /// Whether popping the stack now would end the sentence with more than one root: the
    /// buffer is empty and the stack top has no head, with a word below it (the bottom
    /// of the stack never has a head, since a word's head is below it on the stack).
    pub fn would_leave_two_roots(&self) -> bool {
        self.buffer_is_empty() && self.stack.len() > 1 && self.top().is_some_and(|s| self.heads[s] == NONE)
    }

    /// Puts the headless stack top back on the empty buffer, so that it and the headless
    /// words below it are attached to each other instead of ending as separate roots
    /// (the unshift of Nivre and Fernández-González's arc-eager parser with the tree
    /// constraint, 2014; here the model chooses it, since the teacher does leave two roots
    /// in some sentences). From then on a word is shifted only onto an empty stack.
    pub fn unshift(&mut self) {
        if let Some(s) = self.stack.pop() {
            self.on_stack[s] = false;
            self.b = s;
            self.end = s + 1;
            self.unshifted = true;
        }
    }

    pub fn top(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    pub fn is_valid(&self, m: Move) -> bool {
        let buffer = self.b < self.end;
        match (m, self.top()) {
            (Move::Shift, top) => buffer && (top.is_none() || !self.unshifted),
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

/// Number of features the parser reads per configuration of a model without clusters.
pub(crate) const BASE_FEATURES: usize = 38;

/// Number of features of the word clusters, read after the others by a model with them.
pub(crate) const CLUSTER_FEATURES: usize = 19;

/// Number of features the parser reads per configuration of a model with clusters.
pub(crate) const FEATURES: usize = BASE_FEATURES + CLUSTER_FEATURES;

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
    /// Cluster code ([`crate::clusters`]).
    c: u32,
}

/// The positions the transition features look at around the stack top (`s0`) and the
/// buffer front (`n0`).
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
    s0r: Token,
    s0r2: Token,
    n0l: Token,
    /// Distance from `s0` to `n0`, at most 6.
    dist: u64,
    n0vl: u64,
    n0ls: u64,
    s0_headed: u64,
    /// Whether the buffer's word was put back ([`State::unshift`]): the attachments made
    /// then are told apart from the ones made reading left to right.
    unshifted: u64,
}

/// Word, tag and label of position `i` (placeholders outside the sentence).
fn token(state: &State, words: &[Word], tags: &[Tag], i: usize) -> Token {
    if i < state.n {
        let label = if state.heads[i] != NONE { u64::from(state.labels[i]) } else { NO_LABEL };
        Token { w: words[i].lower, t: tags[i].index() as u64, label, c: words[i].cluster }
    } else {
        Token { w: NO_WORD, t: NO_TAG, label: NO_LABEL, c: OUTSIDE }
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
        let n0 = if state.b < state.end { state.b } else { NONE };
        let of = |v: &Vec<usize>, i: usize| if i < n { v[i] } else { NONE };
        let s0h = of(&state.heads, s0);
        Window {
            s0: token(s0),
            s1: token(s1),
            s2: token(s2),
            n0: token(n0),
            n1: token(if state.b + 1 < state.end { state.b + 1 } else { NONE }),
            n2: token(if state.b + 2 < state.end { state.b + 2 } else { NONE }),
            s0h: token(s0h),
            s0h2: token(of(&state.heads, s0h)),
            s0l: token(of(&state.left1, s0)),
            s0r: token(of(&state.right1, s0)),
            s0r2: token(of(&state.right2, s0)),
            n0l: token(of(&state.left1, n0)),
            dist: if s0 < n && n0 < n { (n0 - s0).min(6) as u64 } else { 0 },
            n0vl: if n0 < n { u64::from(state.left_count[n0].min(4)) } else { 9 },
            n0ls: if n0 < n { state.left_set[n0] } else { 0 },
            s0_headed: u64::from(s0 < n && state.heads[s0] != NONE),
            unshifted: u64::from(state.unshifted),
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
///
/// 34 templates, chosen from the 76 of the model before by what leaving each out of that
/// trained model cost in head agreement on PolNeAR train text, and by how many distinct
/// keys each adds to the table (`examples/templates.rs`): the word-pair templates, the
/// second dependents and grandparents' words, and the valency and label-set templates of
/// the stack top are gone; each template's number is the one it had there.
///
/// Then the 19 cluster templates (from 80; read only by a model with clusters): prefixes of
/// 4 and 6 bits and whole paths of the stack's top two words and the top's head and
/// children, the buffer's first three words and the front's leftmost child, alone, paired,
/// in threes and with tags.
/// Only the first `width` are computed ([`BASE_FEATURES`] for a model without clusters).
pub(crate) fn features(state: &State, words: &[Word], tags: &[Tag], width: usize, out: &mut [u32; FEATURES]) {
    let w = Window::of(state, words, tags);
    let Window { s0, s1, s2, n0, n1, n2, s0h, s0h2, s0l, s0r, s0r2, n0l, .. } = w;
    let Window { dist, n0vl, n0ls, s0_headed, unshifted, .. } = w;
    let base: [u32; BASE_FEATURES] = [
        key(0, 0, 0, 0),
        key(1, s0.w, 0, 0),
        key(2, s0.t, 0, 0),
        key(3, s0.w, s0.t, 0),
        key(4, n0.w, 0, 0),
        key(5, n0.t, 0, 0),
        key(6, n0.w, n0.t, 0),
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
        key(19, t2(n0.t, n1.t), 0, 0),
        key(20, t3(n0.t, n1.t, n2.t), 0, 0),
        key(21, t3(s0.t, n0.t, n1.t), 0, 0),
        key(24, t3(s0.t, s0r.t, n0.t), 0, 0),
        key(25, t3(s0.t, n0.t, n0l.t), 0, 0),
        key(26, t3(s1.t, s0.t, n0.t), 0, 0),
        key(28, dist, s0.w, 0),
        key(30, dist, n0.w, 0),
        key(32, dist, t2(s0.t, n0.t), unshifted),
        key(37, n0.w, n0vl, 0),
        key(41, s0.label, 0, 0),
        key(42, s0l.w, 0, 0),
        key(45, s0r.w, 0, 0),
        key(48, n0l.w, 0, 0),
        key(49, n0l.t, 0, 0),
        key(64, t3(s0.t, s0r.t, s0r2.t), 0, 0),
        key(65, t3(s0.t, s0h.t, s0h2.t), 0, 0),
        key(71, n0.w, n0ls, 0),
        key(73, t3(s0_headed, s0.t, n0.t), s0.label, unshifted),
        key(74, s1.w, 0, 0),
        key(75, t3(s2.t, s1.t, s0.t), 0, 0),
    ];
    out[..BASE_FEATURES].copy_from_slice(&base);
    if width <= BASE_FEATURES {
        return;
    }
    let (c4, c6, cf) = (|t: Token| prefix(t.c, 4), |t: Token| prefix(t.c, 6), |t: Token| u64::from(t.c));
    let clusters: [u32; CLUSTER_FEATURES] = [
        key(80, c6(s0), 0, 0),
        key(81, c6(n0), 0, 0),
        key(82, c6(n1), 0, 0),
        key(83, cf(s0), 0, 0),
        key(84, cf(n0), 0, 0),
        key(85, c4(s0), c4(n0), t2(s0.t, n0.t)),
        key(86, c6(s0), n0.t, 0),
        key(87, c6(n0), s0.t, 0),
        key(88, cf(s0), cf(n0), 0),
        key(89, c6(s0h), t2(s0.t, n0.t), 0),
        key(90, c4(n0), c4(n1), n0.t),
        key(91, dist, c4(s0), c4(n0)),
        key(92, c6(n0l), t2(s0.t, n0.t), 0),
        key(93, c4(n0), c4(n1), c4(n2)),
        key(94, c6(n2), 0, 0),
        key(95, c6(s0r), t2(s0.t, n0.t), 0),
        key(96, c6(s1), t2(s0.t, n0.t), 0),
        key(97, c6(s0l), t2(s0.t, n0.t), 0),
        key(98, c4(s0), c4(n0), c4(n1)),
    ];
    out[BASE_FEATURES..].copy_from_slice(&clusters);
}

/// Number of features of the choice at the end of the buffer ([`ending_features`]).
pub(crate) const ENDING_FEATURES: usize = 10;

/// The punctuation between two words that the teacher splits sentences at, as bits: colon,
/// dash or semicolon (1), a final mark (2), a quotation mark (4), a bracket (8), a comma (16).
fn breaks_between(tags: &[Tag], from: usize, to: usize) -> u64 {
    let mut bits = 0;
    for t in tags.get(from + 1..to).unwrap_or(&[]) {
        bits |= match t {
            Tag::Colon => 1,
            Tag::Period => 2,
            Tag::OpenQuote | Tag::CloseQuote => 4,
            Tag::Lrb | Tag::Rrb => 8,
            Tag::Comma => 16,
            _ => 0,
        };
    }
    bits
}

/// The features of the choice made when the buffer is empty and a headless word lies on
/// a headless one ([`State::would_leave_two_roots`]): put the top back and join the two, or
/// leave it a root. They read the two words, what each already governs, and the
/// punctuation between them; the templates but the bias (from 101) are their own, so they
/// vote in no other state.
pub(crate) fn ending_features(state: &State, words: &[Word], tags: &[Tag], out: &mut [u32; ENDING_FEATURES]) {
    let n = state.n;
    let depth = state.stack.len();
    let (s0, s1) = (state.stack[depth - 1], state.stack[depth - 2]);
    let (a, b) = (token(state, words, tags, s1), token(state, words, tags, s0));
    let set = |v: &Vec<u64>, i: usize| if i < n { v[i] } else { 0 };
    let breaks = breaks_between(tags, s1, s0);
    let gap = (s0 - s1).min(12) as u64;
    let first = u64::from(s1 == 0);
    *out = [
        // The bias, shared with the transition features: the model adds it to every
        // score it gives.
        key(0, 0, 0, 0),
        key(101, t2(a.t, b.t), 0, 0),
        key(102, t2(a.t, b.t), breaks, 0),
        key(103, a.w, b.t, 0),
        key(104, a.t, b.w, 0),
        key(105, b.t, set(&state.left_set, s0), 0),
        key(106, a.t, set(&state.right_set, s1), 0),
        key(107, t2(a.t, b.t), gap, first),
        key(108, breaks, first, 0),
        key(109, t2(a.t, b.t), set(&state.left_set, s0), breaks),
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
    let (mut best, mut high) = (1, scores[1]);
    for (label, &score) in scores.iter().enumerate().take(LABELS).skip(2) {
        if score > high {
            (best, high) = (label, score);
        }
    }
    best as u8
}

/// Parses tagged words with the transition model `moves` and the labeller `labels`; returns
/// heads (`NONE` for roots) and label indices.
/// The transition model reads the features of `templates`; with `rows` (which a model of
/// the first [`BASE_FEATURES`] templates has), the one-word features are added from rows
/// summed ahead ([`rows`]), to the same scores.
pub(crate) fn parse(
    moves: &Model,
    labels: &Labeller,
    templates: &Templates,
    rows: Option<&WordRows>,
    words: &[Word],
    tags: &[Tag],
) -> (Vec<usize>, Vec<u8>) {
    let Some(rows) = rows else {
        return parse_with(moves, labels, templates, words, tags, |_| {});
    };
    let sentence = SentenceRows::new(rows, moves, words, tags);
    let mut keys = [0u32; FEATURES];
    let score_moves = |state: &State, scores: &mut [i32; 256]| {
        if state.unshifted {
            // The buffer's rows are of a buffer that ends with the sentence.
            templates.keys(state, words, tags, &mut keys);
            moves.score(&keys[..templates.len()], scores);
            return;
        }
        sentence.score(state, moves, scores);
    };
    let label_arc = |state: &State, right: bool, scores: &mut [i32; 256]| {
        let (forms, tag_indices) = sentence.forms_and_tags();
        let keys = arcs::arc_keys(state, forms, tag_indices, right);
        let s0 = state.top().unwrap_or(NONE);
        let (h, d) = if right { (s0, state.b) } else { (state.b, s0) };
        labels.score_looked_up(right, tags[d].index(), tags[h].index(), &keys, scores);
    };
    run(moves, words, tags, score_moves, label_arc)
}

/// [`parse`] looking every feature up, with `look` shown (and free to change) the
/// transition features of every step before they are scored: for measuring what each
/// template is worth.
pub(crate) fn parse_with(
    moves: &Model,
    labels: &Labeller,
    templates: &Templates,
    words: &[Word],
    tags: &[Tag],
    mut look: impl FnMut(&mut [u32; FEATURES]),
) -> (Vec<usize>, Vec<u8>) {
    let mut keys = [0u32; FEATURES];
    let mut label_keys = [0u32; LABEL_FEATURES];
    let score_moves = |state: &State, scores: &mut [i32; 256]| {
        templates.keys(state, words, tags, &mut keys);
        look(&mut keys);
        moves.score(&keys[..templates.len()], scores);
    };
    let label_arc = |state: &State, right: bool, scores: &mut [i32; 256]| {
        label_features(state, words, tags, right, &mut label_keys);
        labels.score(state, tags, right, &label_keys, scores);
    };
    run(moves, words, tags, score_moves, label_arc)
}

/// The parse itself, the transition classes' scores of a state (with a word on the stack
/// and one on the buffer) set by `score_moves`, and the labels' scores of an arc (right or
/// left) by `label_arc`.
fn run(
    moves: &Model,
    words: &[Word],
    tags: &[Tag],
    mut score_moves: impl FnMut(&State, &mut [i32; 256]),
    mut label_arc: impl FnMut(&State, bool, &mut [i32; 256]),
) -> (Vec<usize>, Vec<u8>) {
    let mut state = State::new(tags);
    let mut scores = [0i32; 256];
    let mut ending_keys = [0u32; ENDING_FEATURES];
    while !state.is_final() {
        let m = if state.stack.is_empty() {
            Move::Shift
        } else if state.would_leave_two_roots() {
            ending_features(&state, words, tags, &mut ending_keys);
            moves.score(&ending_keys, &mut scores);
            if ending_unshifts(&scores[..MOVES]) {
                state.unshift();
                continue;
            }
            Move::Reduce
        } else if state.buffer_is_empty() {
            Move::Reduce
        } else {
            score_moves(&state, &mut scores);
            let class = best_valid(&state, &scores[..MOVES]);
            let label = if class >= 2 {
                label_arc(&state, class == 3, &mut scores);
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

/// At a state that [`State::would_leave_two_roots`], whether the model puts the stack top
/// back on the buffer (class 0, shift's, which is not valid with the buffer empty) rather
/// than leaving it a root (class 1, reduce; also on a tie).
pub(crate) fn ending_unshifts<S: PartialOrd + Copy>(scores: &[S]) -> bool {
    scores[0] > scores[1]
}

/// The valid first-stage class with the highest score (the lowest class on a tie); when
/// none is valid (after an unshift, a headless word between punctuation marks that take no
/// dependents), reduce, which pops the stack top as a root.
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
    best.map_or(1, |(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state of "Berlin , Rome blamed" parsed with no arc yet but Berlin's comma and
    /// "Rome blamed": the buffer empty, "blamed" headless on top of a headless "Berlin".
    fn two_roots_left() -> State {
        let mut state = State::new(&[Tag::NNP, Tag::Comma, Tag::NNP, Tag::VBD]);
        state.apply(Move::Shift);
        state.apply(Move::Right(5));
        state.apply(Move::Reduce);
        state.apply(Move::Shift);
        state.apply(Move::Left(7));
        state.apply(Move::Shift);
        state
    }

    #[test]
    fn a_headless_top_over_a_headless_word_is_put_back_and_attached_not_shifted_over() {
        let mut state = two_roots_left();
        assert_eq!((state.stack.clone(), state.buffer_is_empty()), (vec![0, 3], true));
        assert!(state.would_leave_two_roots());
        state.unshift();
        assert_eq!((state.stack.clone(), state.b, state.end), (vec![0], 3, 4));
        assert!(!state.is_valid(Move::Shift), "a word put back is never shifted over a word");
        assert!(state.is_valid(Move::Left(7)) && state.is_valid(Move::Right(7)));
        assert!(!state.is_valid(Move::Reduce), "the headless word below must be attached");
        state.apply(Move::Left(7));
        assert_eq!(state.heads[0], 3);
        // The stack is empty: the word put back is shifted and is the one root.
        assert!(state.is_valid(Move::Shift));
        state.apply(Move::Shift);
        assert!(!state.would_leave_two_roots());
        state.apply(Move::Reduce);
        assert!(state.is_final());
    }

    #[test]
    fn a_headed_top_or_a_lone_word_is_left_as_it_is() {
        let mut state = two_roots_left();
        state.apply(Move::Reduce);
        // "Berlin" alone on the stack: popping it leaves one root.
        assert!(!state.would_leave_two_roots());
        let mut state = State::new(&[Tag::NNP, Tag::VBD]);
        state.apply(Move::Shift);
        state.apply(Move::Right(3));
        assert!(!state.would_leave_two_roots(), "the top has a head");
    }

    #[test]
    fn the_punctuation_between_two_roots_is_read_as_bits() {
        let tags = [Tag::NNP, Tag::Colon, Tag::NNP, Tag::Comma, Tag::OpenQuote, Tag::VBD];
        assert_eq!(breaks_between(&tags, 0, 5), 1 | 4 | 16);
        assert_eq!(breaks_between(&tags, 2, 4), 16);
        assert_eq!(breaks_between(&tags, 4, 5), 0);
    }

    #[test]
    fn put_back_between_two_punctuation_marks_a_word_pops_as_a_root() {
        let mut state = State::new(&[Tag::Comma, Tag::Period]);
        state.apply(Move::Shift);
        state.apply(Move::Shift);
        state.unshift();
        assert!(!(0..MOVES).any(|c| state.is_valid(Move::from_class(c, 1))));
        assert_eq!(best_valid(&state, &[5, 4, 3, 2]), 1);
        assert!(ending_unshifts(&[2, 1]) && !ending_unshifts(&[1, 1]));
    }
}
