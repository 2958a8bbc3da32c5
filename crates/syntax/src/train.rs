//! Training: averaged perceptrons for the tagger and the parser (a dynamic oracle with
//! exploration, Goldberg and Nivre 2012), from CoNLL-style silver data; agreement scores;
//! the model file. Used by `examples/train.rs`; see `train/README.md`.

use crate::Parser;
use crate::clusters::Clusters;
use crate::labels::{Dep, Tag};
use crate::model::KeyHasher;
use crate::model::{self, Model};
use crate::parser::{self, LABELS, MOVES, Move, NONE, State};
use crate::picked::Templates;
use crate::tagger::{self, Word};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One annotated sentence, in the model's pieces (clitics split).
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// The pieces.
    pub words: Vec<String>,
    /// Their tags.
    pub tags: Vec<Tag>,
    /// Their heads (`None` for a root).
    pub heads: Vec<Option<usize>>,
    /// Their relations.
    pub deps: Vec<Dep>,
}

/// Reads the CoNLL-style file `train/annotate.py` writes: `index word tag head dep` per line
/// (tab-separated; head -1 for a root), a blank line after each sentence, `#` comments.
/// Unknown tags read as `XX` and unknown relations as `dep`; a malformed line is an error
/// naming its line number.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut current = Sentence { words: Vec::new(), tags: Vec::new(), heads: Vec::new(), deps: Vec::new() };
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    Sentence { words: Vec::new(), tags: Vec::new(), heads: Vec::new(), deps: Vec::new() },
                ));
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [_, word, tag, head, rel] = fields[..] else {
            return Err(format!("line {}: expected 5 tab-separated fields", n + 1));
        };
        let head: i64 = head.parse().map_err(|_| format!("line {}: head `{head}` is not a number", n + 1))?;
        current.words.push(word.to_string());
        current.tags.push(tag.parse().unwrap_or(Tag::XX));
        current.heads.push(usize::try_from(head).ok());
        current.deps.push(rel.parse().unwrap_or(Dep::Dep));
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    for (k, s) in out.iter().enumerate() {
        if s.heads.iter().any(|h| h.is_some_and(|h| h >= s.words.len())) {
            return Err(format!("sentence {}: a head points outside the sentence", k + 1));
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u8,
    weight: f32,
    total: f64,
    stamp: u32,
}

/// An averaged perceptron being trained.
struct Perceptron {
    classes: usize,
    weights: HashMap<u32, Vec<Entry>, BuildHasherDefault<KeyHasher>>,
    now: u32,
}

impl Perceptron {
    fn new(classes: usize) -> Perceptron {
        Perceptron { classes, weights: HashMap::default(), now: 0 }
    }

    fn score(&self, keys: &[u32], scores: &mut [f32]) {
        scores.fill(0.0);
        for key in keys {
            if let Some(list) = self.weights.get(key) {
                for e in list {
                    scores[usize::from(e.class)] += e.weight;
                }
            }
        }
    }

    fn tick(&mut self) {
        self.now += 1;
    }

    fn update(&mut self, keys: &[u32], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        let now = self.now;
        for &key in keys {
            let list = self.weights.entry(key).or_default();
            for (class, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                let e = match list.iter().position(|e| usize::from(e.class) == class) {
                    Some(i) => &mut list[i],
                    None => {
                        list.push(Entry { class: class as u8, weight: 0.0, total: 0.0, stamp: now });
                        let last = list.len() - 1;
                        &mut list[last]
                    }
                };
                e.total += f64::from(now - e.stamp) * f64::from(e.weight);
                e.stamp = now;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights, quantised to `i16` with one scale for the model; entries that
    /// quantise below `min_weight` are dropped, and features left without entries.
    fn finish(&self, min_weight: i16) -> Vec<(u32, Vec<(u8, i16)>)> {
        let now = f64::from(self.now.max(1));
        let average = |e: &Entry| (e.total + f64::from(self.now - e.stamp) * f64::from(e.weight)) / now;
        let max = self.weights.values().flatten().map(|e| average(e).abs()).fold(0.0f64, f64::max);
        let scale = if max > 0.0 { 32767.0 / max } else { 1.0 };
        let mut out: Vec<(u32, Vec<(u8, i16)>)> = self
            .weights
            .iter()
            .filter_map(|(&key, list)| {
                let mut kept: Vec<(u8, i16)> = list
                    .iter()
                    .map(|e| (e.class, (average(e) * scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|&(_, w)| w.unsigned_abs() >= min_weight.unsigned_abs().max(1))
                    .collect();
                kept.sort_unstable();
                (!kept.is_empty()).then_some((key, kept))
            })
            .collect();
        out.sort_unstable_by_key(|f| f.0);
        out
    }
}

/// A small deterministic random source (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// How to train.
#[derive(Clone, Debug)]
pub struct Config {
    /// Passes over the data for the tagger.
    pub tagger_epochs: usize,
    /// Passes over the data for the parser.
    pub parser_epochs: usize,
    /// Quantised weights smaller than this are dropped (keeps the model small).
    pub min_weight: i16,
    /// Seed of the shuffles and of exploration.
    pub seed: u64,
    /// Print progress to stderr.
    pub verbose: bool,
    /// When 2 or more, the parser learns from jackknifed tags: the data cut in this many
    /// parts, each tagged by a tagger trained on the others ([`Config::tagger_epochs`]), so
    /// that its tags err as the tagger's do at run time on text it never saw.
    pub jackknife: usize,
    /// Parser epochs (counted from 1) after which the model as averaged so far is handed to
    /// the caller of [`train_parser_with`] as well.
    pub snapshots: Vec<usize>,
    /// Word clusters for the parser's cluster features, written into the model (none: a
    /// parser without them).
    pub clusters: Clusters,
    /// The transition templates the parser reads (none: the 38 without clusters, all with
    /// them).
    pub templates: Option<Templates>,
}

impl Config {
    /// The transition templates the parser trained reads.
    fn templates(&self) -> Templates {
        self.templates.clone().unwrap_or_else(|| Templates::default_for(!self.clusters.is_empty()))
    }

    /// A sentence's pieces as the parser reads them, with their cluster codes.
    fn parser_pieces(&self, s: &Sentence) -> Vec<Word> {
        let mut words = pieces(s);
        self.clusters.assign(&mut words);
        words
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            tagger_epochs: 5,
            parser_epochs: 10,
            min_weight: 2,
            seed: 0x5eed,
            verbose: false,
            jackknife: 0,
            snapshots: Vec::new(),
            clusters: Clusters::default(),
            templates: None,
        }
    }
}

fn pieces(s: &Sentence) -> Vec<Word> {
    s.words.iter().map(|w| Word::new(w)).collect()
}

fn train_tagger(data: &[Sentence], config: &Config) -> Perceptron {
    let mut model = Perceptron::new(Tag::ALL.len());
    let mut rng = Rng(config.seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let prepared: Vec<Vec<Word>> = data.iter().map(pieces).collect();
    let mut scores = vec![0f32; model.classes];
    let mut keys = [0u32; tagger::FEATURES];
    for epoch in 0..config.tagger_epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let (words, gold) = (&prepared[k], &data[k].tags);
            let (mut p1, mut p2) = (tagger::no_tag(), tagger::no_tag());
            for (i, gold) in gold.iter().enumerate() {
                model.tick();
                tagger::features(words, i, p1, p2, &mut keys);
                model.score(&keys, &mut scores);
                let guess = argmax_f(&scores);
                model.update(&keys, gold.index(), guess);
                right += usize::from(guess == gold.index());
                total += 1;
                p2 = p1;
                p1 = guess as u64;
            }
        }
        if config.verbose {
            log(&format!("tagger epoch {}: {:.2}% on training data", epoch + 1, pct(right, total)));
        }
    }
    model
}

fn argmax_f(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Gold tree of one sentence for the oracle.
struct Gold<'a> {
    heads: &'a [Option<usize>],
    labels: Vec<u8>,
    children: Vec<Vec<usize>>,
}

impl Gold<'_> {
    fn head(&self, i: usize) -> usize {
        self.heads[i].unwrap_or(NONE)
    }

    /// Gold arcs lost for good by `m` in `state` (Goldberg and Nivre's arc-eager cost, with
    /// roots as words that never take a head).
    fn cost(&self, state: &State, m: Move) -> usize {
        let (b, end) = (state.b, state.end);
        let in_buffer = |k: usize| k != NONE && k >= b && k < end;
        let children_in_buffer = |s: usize| self.children[s].iter().filter(|&&k| in_buffer(k)).count();
        let headless_children_on_stack =
            |w: usize| self.children[w].iter().filter(|&&k| state.on_stack[k] && state.heads[k] == NONE).count();
        match (m, state.top()) {
            (Move::Shift, _) => {
                let g = self.head(b);
                usize::from(g != NONE && g < state.n && state.on_stack[g]) + headless_children_on_stack(b)
            }
            (Move::Reduce, Some(s)) => children_in_buffer(s),
            (Move::Left(l), Some(s)) => {
                let g = self.head(s);
                let head =
                    if g == b { usize::from(l != self.labels[s]) } else { usize::from(g == NONE || in_buffer(g)) };
                head + children_in_buffer(s)
            }
            (Move::Right(l), Some(s)) => {
                let g = self.head(b);
                let head = if g == s {
                    usize::from(l != self.labels[b])
                } else {
                    usize::from(g == NONE || in_buffer(g) || state.on_stack[g])
                };
                head + headless_children_on_stack(b)
            }
            (_, None) => usize::MAX,
        }
    }
}

impl Gold<'_> {
    /// At a state that [`State::would_leave_two_roots`], the costs of putting the stack top
    /// back on the buffer (class 0) and of leaving it a root (class 1). Left a root, it
    /// loses its gold head if that is on the stack and its gold dependents that are on the
    /// stack without a head. Put back, it and the headless words below it end in one tree,
    /// so all but one of the gold roots among them lose.
    fn ending_costs(&self, state: &State) -> [usize; 2] {
        let s0 = state.top().unwrap_or(0);
        let g = self.head(s0);
        let headless = |k: usize| state.heads[k] == NONE;
        let orphans = self.children[s0].iter().filter(|&&k| state.on_stack[k] && headless(k)).count();
        let root = usize::from(g != NONE && g != s0 && state.on_stack[g]) + orphans;
        let roots = state.stack.iter().filter(|&&k| headless(k) && self.head(k) == NONE).count();
        [roots.saturating_sub(1), root]
    }
}

/// The parser's two stages being trained: the transition model and the labeller.
struct ParserModels {
    moves: Perceptron,
    labels: Perceptron,
}

/// Gold trees of `data` for the oracle.
fn golds(data: &[Sentence]) -> Vec<Gold<'_>> {
    data.iter()
        .map(|s| {
            let mut children = vec![Vec::new(); s.words.len()];
            for (i, h) in s.heads.iter().enumerate() {
                if let Some(h) = *h {
                    children[h].push(i);
                }
            }
            Gold { heads: &s.heads, labels: s.deps.iter().map(|d| d.index() as u8).collect(), children }
        })
        .collect()
}

/// The first-stage costs of `state` (shift, reduce, left arc, right arc, each with the gold
/// label when the arc is gold; `usize::MAX` when not allowed) and the least of them.
fn stage_costs(gold: &Gold<'_>, state: &State) -> ([usize; MOVES], usize) {
    let arc = |m: Move| if state.is_valid(m) { gold.cost(state, m) } else { usize::MAX };
    let s0 = state.top().unwrap_or(0);
    // The structural cost is computed with label 1 (never the gold's ROOT), then the
    // label's own cost is taken out: the first stage does not choose labels.
    let left_gold = gold.head(s0) == state.b;
    let right_gold = gold.head(state.b) == s0;
    let costs = [
        arc(Move::Shift),
        arc(Move::Reduce),
        relabel(arc(Move::Left(1)), left_gold, gold.labels[s0], gold.labels[s0]),
        relabel(arc(Move::Right(1)), right_gold, gold.labels[state.b], gold.labels[state.b]),
    ];
    let least = costs.iter().copied().min().unwrap_or(usize::MAX);
    (costs, least)
}

/// What one training step of the transition model updates.
struct Step<'a> {
    models: &'a mut ParserModels,
    scores: &'a mut [f32],
    rng: &'a mut Rng,
    explore: bool,
}

impl Step<'_> {
    /// The learned unshift: at a state that would leave two roots, join them (the top back
    /// on the buffer) or leave them, as the ending features say; learned against the arcs
    /// each choice loses.
    fn ending(
        &mut self,
        state: &mut State,
        words: &[Word],
        tags: &[Tag],
        gold: &Gold,
        keys: &mut [u32; parser::ENDING_FEATURES],
    ) {
        self.models.moves.tick();
        parser::ending_features(state, words, tags, keys);
        self.models.moves.score(keys, self.scores);
        let costs = gold.ending_costs(state);
        let guess = usize::from(!parser::ending_unshifts(self.scores));
        let best = if costs[0] == costs[1] { guess } else { usize::from(costs[1] < costs[0]) };
        let class = if best == guess {
            guess
        } else {
            self.models.moves.update(keys, best, guess);
            if self.explore && self.rng.chance(0.9) { guess } else { best }
        };
        if class == 0 {
            state.unshift();
        } else {
            state.apply(Move::Reduce);
        }
    }
}

fn train_parser(
    data: &[Sentence],
    tags: &[Vec<Tag>],
    config: &Config,
    mut after_epoch: impl FnMut(usize, &ParserModels),
) -> ParserModels {
    let mut models = ParserModels { moves: Perceptron::new(MOVES), labels: Perceptron::new(LABELS) };
    let mut rng = Rng(config.seed.rotate_left(17) | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let prepared: Vec<Vec<Word>> = data.iter().map(|s| config.parser_pieces(s)).collect();
    let golds = golds(data);
    let templates = config.templates();
    let mut scores = vec![0f32; MOVES];
    let mut label_scores = vec![0f32; LABELS];
    let mut keys = [0u32; parser::FEATURES];
    let mut label_keys = [0u32; parser::LABEL_FEATURES];
    let mut ending_keys = [0u32; parser::ENDING_FEATURES];
    for epoch in 0..config.parser_epochs {
        rng.shuffle(&mut order);
        let explore = epoch > 0;
        let (mut right, mut total, mut labels_right, mut labels_total) = (0usize, 0usize, 0usize, 0usize);
        for &k in &order {
            let (words, gold, tags) = (&prepared[k], &golds[k], &tags[k]);
            let mut state = State::new(tags);
            while !state.is_final() {
                if state.stack.is_empty() {
                    state.apply(Move::Shift);
                    continue;
                }
                if state.would_leave_two_roots() {
                    let mut step = Step { models: &mut models, scores: &mut scores, rng: &mut rng, explore };
                    step.ending(&mut state, words, tags, gold, &mut ending_keys);
                    continue;
                }
                if state.buffer_is_empty() {
                    state.apply(Move::Reduce);
                    continue;
                }
                models.moves.tick();
                models.labels.tick();
                templates.keys(&state, words, tags, &mut keys);
                let keys = &keys[..templates.len()];
                models.moves.score(keys, &mut scores);
                let (costs, least) = stage_costs(gold, &state);
                let guess = parser::best_valid(&state, &scores);
                let mut best = 0;
                for class in 0..MOVES {
                    if costs[class] == least && (costs[best] != least || scores[class] > scores[best]) {
                        best = class;
                    }
                }
                total += 1;
                let class = if costs[guess] == least {
                    right += 1;
                    guess
                } else {
                    models.moves.update(keys, best, guess);
                    if explore && rng.chance(0.9) { guess } else { best }
                };
                // The labeller learns at every state where a gold arc can be made, and
                // labels the arc made (as at run time; the gold label when the oracle
                // corrects a move to a gold arc).
                let s0 = state.top().unwrap_or(0);
                let gold_arc = if gold.head(s0) == state.b {
                    Some((2, gold.labels[s0]))
                } else if gold.head(state.b) == s0 {
                    Some((3, gold.labels[state.b]))
                } else {
                    None
                };
                let mut predicted = None;
                if let Some((arc, label)) = gold_arc.filter(|&(_, label)| label != 0) {
                    parser::label_features(&state, words, tags, arc == 3, &mut label_keys);
                    models.labels.score(&label_keys, &mut label_scores);
                    let said = parser::best_label(&label_scores);
                    models.labels.update(&label_keys, usize::from(label), usize::from(said));
                    labels_right += usize::from(said == label);
                    labels_total += 1;
                    predicted = Some((arc, if class == guess { said } else { label }));
                }
                let label = match predicted {
                    Some((arc, label)) if arc == class => label,
                    _ if class >= 2 => {
                        parser::label_features(&state, words, tags, class == 3, &mut label_keys);
                        models.labels.score(&label_keys, &mut label_scores);
                        parser::best_label(&label_scores)
                    }
                    _ => 0,
                };
                state.apply(Move::from_class(class, label));
            }
        }
        if config.verbose {
            log_epoch(epoch + 1, (right, total), (labels_right, labels_total));
        }
        after_epoch(epoch + 1, &models);
    }
    models
}

/// The cost of an arc move with label `l`, from the cost `base` of the same move with label
/// 1: when the arc is gold, the cost of label 1 against the gold label is replaced by `l`'s.
fn relabel(base: usize, gold_arc: bool, gold_label: u8, l: u8) -> usize {
    if base == usize::MAX || !gold_arc {
        return base;
    }
    base - usize::from(gold_label != 1) + usize::from(gold_label != l)
}

/// Agreement of a model with the teacher.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Agreement {
    /// Pieces scored.
    pub tokens: usize,
    /// Same tag.
    pub tags: usize,
    /// Same head (or both roots).
    pub heads: usize,
    /// Same head and relation.
    pub labelled: usize,
    /// Pieces scored that are not punctuation (by the teacher's tag).
    pub words: usize,
    /// Same head, punctuation left out.
    pub word_heads: usize,
    /// Same head and relation, punctuation left out.
    pub word_labelled: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
}

impl Agreement {
    /// A one-line summary in per cent.
    pub fn summary(&self) -> String {
        format!(
            "{} tokens: tags {:.2}%, UAS {:.2}%, LAS {:.2}% (without punctuation: UAS {:.2}%, LAS {:.2}%)",
            self.tokens,
            pct(self.tags, self.tokens),
            pct(self.heads, self.tokens),
            pct(self.labelled, self.tokens),
            pct(self.word_heads, self.words),
            pct(self.word_labelled, self.words),
        )
    }
}

/// Scores `parser` against the teacher's annotation of `data`, piece by piece.
pub fn agreement(parser: &Parser, data: &[Sentence]) -> Agreement {
    let mut a = Agreement::default();
    for s in data {
        let mut words = pieces(s);
        parser.clusters.assign(&mut words);
        let tags = tagger::tag(&parser.tagger, &words);
        let (heads, labels) = parser.parse_tagged(&words, &tags);
        for i in 0..words.len() {
            let head_ok = heads[i] == s.heads[i].unwrap_or(NONE);
            let label_ok = head_ok && (s.heads[i].is_none() || usize::from(labels[i]) == s.deps[i].index());
            a.tokens += 1;
            a.tags += usize::from(tags[i] == s.tags[i]);
            a.heads += usize::from(head_ok);
            a.labelled += usize::from(label_ok);
            if !s.tags[i].is_punct() {
                a.words += 1;
                a.word_heads += usize::from(head_ok);
                a.word_labelled += usize::from(label_ok);
            }
        }
    }
    a
}

/// A model's features: each key with its (class, weight) entries.
pub type Features = Vec<(u32, Vec<(u8, i16)>)>;

/// Trains a tagger and a parser on `data` and returns the model file's bytes.
pub fn train(data: &[Sentence], config: &Config) -> Result<Vec<u8>, String> {
    train_parser_with(data, config, train_tagger(data, config).finish(config.min_weight), |_, _| {})
}

/// The tags the parser learns from: `tagger`'s, or with [`Config::jackknife`] those of
/// taggers that did not see the sentence.
fn tags_for_parser(data: &[Sentence], config: &Config, tagger: &Features) -> Result<Vec<Vec<Tag>>, String> {
    let tag_with = |features: Features, part: &mut dyn Iterator<Item = &Sentence>| {
        let model = Model::from_features(Tag::ALL.len(), features).map_err(|e| e.to_string())?;
        let model = tagger::Tagger::new(model);
        Ok::<_, String>(part.map(|s| tagger::tag(&model, &pieces(s))).collect::<Vec<_>>())
    };
    let folds = config.jackknife;
    if folds < 2 {
        return tag_with(tagger.clone(), &mut data.iter());
    }
    let mut tags = vec![Vec::new(); data.len()];
    for fold in 0..folds {
        let rest: Vec<Sentence> =
            data.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, s)| s.clone()).collect();
        let features = train_tagger(&rest, config).finish(config.min_weight);
        let tagged = tag_with(features, &mut data.iter().skip(fold).step_by(folds))?;
        for (k, t) in tagged.into_iter().enumerate() {
            tags[fold + k * folds] = t;
        }
        if config.verbose {
            log(&format!("jackknife: part {} of {folds} tagged", fold + 1));
        }
    }
    Ok(tags)
}

/// The model file's bytes for a tagger and a parser's two models.
fn encode_model(tagger: &Features, models: &ParserModels, config: &Config) -> Vec<u8> {
    let mut out = Vec::new();
    crate::write_header(&mut out);
    model::encode(&mut out, Tag::ALL.len(), tagger);
    model::encode(&mut out, MOVES, &models.moves.finish(config.min_weight));
    model::encode(&mut out, LABELS, &models.labels.finish(config.min_weight));
    config.clusters.encode(&mut out);
    config.templates().encode(&mut out);
    out
}

/// Trains a parser on `data` over the tags of `tagger` (a tagger already trained, as
/// [`tagger_of`] reads it from a model file) and returns the model file's bytes; hands
/// `snapshot` the model after each epoch of [`Config::snapshots`].
pub fn train_parser_with(
    data: &[Sentence],
    config: &Config,
    tagger: Features,
    mut snapshot: impl FnMut(usize, Vec<u8>),
) -> Result<Vec<u8>, String> {
    // The parser learns from the tags a tagger gives, as it will see at run time.
    let tags = tags_for_parser(data, config, &tagger)?;
    let models = train_parser(data, &tags, config, |epoch, models| {
        if config.snapshots.contains(&epoch) {
            snapshot(epoch, encode_model(&tagger, models, config));
        }
    });
    Ok(encode_model(&tagger, &models, config))
}

/// Reads one model's class count and features.
fn read_section(r: &mut model::Reader<'_>, min_weight: i16) -> Result<(usize, Features), String> {
    let classes = r.u32().map_err(|e| e.to_string())? as usize;
    let count = r.u32().map_err(|e| e.to_string())? as usize;
    let mut features = Vec::with_capacity(count.min(1 << 24));
    for _ in 0..count {
        let key = r.u32().map_err(|e| e.to_string())?;
        let n = usize::from(r.u8().map_err(|e| e.to_string())?);
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            let class = r.u8().map_err(|e| e.to_string())?;
            let weight = r.i16().map_err(|e| e.to_string())?;
            if weight.unsigned_abs() >= min_weight.unsigned_abs() {
                list.push((class, weight));
            }
        }
        if !list.is_empty() {
            features.push((key, list));
        }
    }
    Ok((classes, features))
}

/// The tagger of a model file of this version or of the first (joint-parser) version, whose
/// tagger is the same: lets a parser be retrained without retraining the tagger.
pub fn tagger_of(bytes: &[u8]) -> Result<Features, String> {
    let mut header = Vec::new();
    crate::write_header(&mut header);
    let magic = crate::MAGIC.len();
    let known = bytes.get(..magic - 1) == Some(&header[..magic - 1])
        && bytes.get(magic..header.len()) == Some(&header[magic..]);
    if !known {
        return Err("not a claimcheck syntax model with this tag and label inventory".into());
    }
    let (classes, features) = read_section(&mut model::Reader::new(&bytes[header.len()..]), 0)?;
    if classes != Tag::ALL.len() {
        return Err("tagger class count differs".into());
    }
    Ok(features)
}

/// The smallest weight magnitude kept in each of a model's three parts.
#[derive(Clone, Copy, Debug)]
pub struct Pruning {
    /// The tagger's.
    pub tagger: i16,
    /// The parser's transition model's.
    pub moves: i16,
    /// The parser's labeller's (its features carry up to one weight per label, so each
    /// costs more to add up at run time than a transition feature).
    pub labels: i16,
}

/// A model file with each part's weights of magnitude below its [`Pruning`] bound dropped
/// (and the features left without weights): shrinks a trained model without training again.
pub fn prune(bytes: &[u8], bounds: Pruning) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    crate::write_header(&mut out);
    let mut r = model::Reader::new(bytes.get(out.len()..).ok_or("truncated model")?);
    let magic = crate::MAGIC.len();
    let version = bytes.get(..magic);
    let known = [&crate::MAGIC[..], &crate::MAGIC_WITH_CLUSTERS[..], &crate::MAGIC_WITHOUT_CLUSTERS[..]];
    if !known.iter().any(|m| version == Some(m)) || bytes.get(magic..out.len()) != Some(&out[magic..]) {
        return Err("not a model of this version or the two before".into());
    }
    let with_clusters = version != Some(&crate::MAGIC_WITHOUT_CLUSTERS[..]);
    // The tagger, the transition model and the labeller.
    for min_weight in [bounds.tagger, bounds.moves, bounds.labels] {
        let (classes, features) = read_section(&mut r, min_weight)?;
        model::encode(&mut out, classes, &features);
    }
    let clusters =
        if with_clusters { Clusters::decode(&mut r).map_err(|e| e.to_string())? } else { Clusters::default() };
    clusters.encode(&mut out);
    let templates = if version == Some(&crate::MAGIC[..]) {
        Templates::decode(&mut r).map_err(|e| e.to_string())?
    } else {
        Templates::default_for(!clusters.is_empty())
    };
    templates.encode(&mut out);
    if !r.is_done() {
        return Err("trailing bytes".into());
    }
    Ok(out)
}

/// Logs how a parser epoch did on its training data: moves optimal, gold arcs labelled right.
fn log_epoch(epoch: usize, moves: (usize, usize), labels: (usize, usize)) {
    let (moves, labels) = (pct(moves.0, moves.1), pct(labels.0, labels.1));
    log(&format!(
        "parser epoch {epoch}: {moves:.2}% of moves optimal, {labels:.2}% of gold arcs labelled right on training data"
    ));
}

#[allow(clippy::print_stderr)]
fn log(message: &str) {
    eprintln!("{message}");
}

#[cfg(test)]
mod tests;
