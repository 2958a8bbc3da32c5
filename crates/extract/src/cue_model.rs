//! The learned cue classifier: a linear model (a logistic regression, [`train_logistic`]; the
//! veto an averaged perceptron, [`train`]) that decides whether a word no cue list
//! holds reports someone's speech, belief or intent ("Clinton *hopes* that …", "his *support*
//! for …"), from features of the word in the sentence's dependency parse (see
//! `engine::learned`, which computes them, the same code at training and at run time).
//!
//! The model is text, embedded in the binary (`model/cues.model`) and read once on first
//! use: a `threshold` line, `v WORD` lines (the vocabulary: word forms the classifier is asked
//! about), `s STEM` lines (every form of these stems as well, seen in training or not; any
//! other word is never a learned cue, so sentences without one, forms of "be",
//! "have" and "do" aside, are not parsed for it) and `w FEATURE WEIGHT` lines. Training (`train`) is deterministic: a fixed seed orders
//! the examples of each epoch. `cargo run --release -p eval --example cue_model` trains it on
//! PolNeAR train (see `train/README.md`).

use hashbrown::{HashMap, HashSet};
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

/// The committed model.
const EMBEDDED: &str = include_str!("../model/cues.model");

/// The committed veto on listed cues' attributions (`engine::veto`).
const EMBEDDED_VETO: &str = include_str!("../model/veto.model");

/// The cue classifier in use, read on first use.
static CUES: OnceLock<Model> = OnceLock::new();

/// The veto in use, read on first use.
static VETO: OnceLock<Model> = OnceLock::new();

/// A trained classifier: weights, vocabulary and decision threshold.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: HashMap<String, f32>,
    vocab: HashSet<String>,
    /// Stems whose every form the classifier is asked about, seen in training or not
    /// ("hoping" when "hoped" and "hopes" were cues).
    stems: HashSet<String>,
    /// A word is a cue when its score is at least this.
    pub threshold: f32,
}

/// A line of a model file that does not parse ([`Model::read`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelTextError {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1 (in characters).
    pub column: usize,
    /// What was expected there.
    pub expected: &'static str,
}

impl fmt::Display for ModelTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: expected {}", self.line, self.column, self.expected)
    }
}

impl std::error::Error for ModelTextError {}

impl Model {
    /// Reads the text form; lines that do not parse are skipped (the embedded model is
    /// written by [`Model::write`]). A model without a threshold line decides nothing.
    pub fn parse(text: &str) -> Model {
        let mut model = Model { threshold: f32::INFINITY, ..Model::default() };
        // Nearly every line is a weight: room for them all at once, not grown by doubling.
        model.weights.reserve(text.bytes().filter(|&b| b == b'\n').count());
        for line in text.lines() {
            let _skipped = model.read_line(line);
        }
        model
    }

    /// Reads the text form of a model file a user names (`eval --cue-model FILE`): every
    /// line must parse and a `threshold` line must be there, else the error says at which
    /// line and column, and what was expected.
    pub fn read(text: &str) -> Result<Model, ModelTextError> {
        let mut model = Model { threshold: f32::INFINITY, ..Model::default() };
        let mut threshold = false;
        for (k, line) in text.lines().enumerate() {
            model.read_line(line).map_err(|(column, expected)| ModelTextError { line: k + 1, column, expected })?;
            threshold |= line.starts_with("threshold\t");
        }
        if !threshold {
            let expected = "a `threshold` line (a model file has one; write one with the trainer)";
            return Err(ModelTextError { line: text.lines().count() + 1, column: 1, expected });
        }
        Ok(model)
    }

    /// Adds one line of the text form; on a line that does not parse, the column (from 1)
    /// where it goes wrong and what was expected there.
    fn read_line(&mut self, line: &str) -> Result<(), (usize, &'static str)> {
        // The common line, a weight, read without listing its fields (29 k lines of the
        // embedded model, a twelfth of a one-sentence `check`); anything else as below.
        if let Some((feature, w)) = line.strip_prefix("w\t").and_then(|rest| rest.split_once('\t'))
            && !w.contains('\t')
            && let Ok(w) = w.parse::<f32>()
        {
            self.weights.insert(feature.to_owned(), w);
            return Ok(());
        }
        let mut fields = line.split('\t');
        let tag = fields.next().unwrap_or_default();
        let rest: Vec<&str> = fields.collect();
        let column = |field: usize| {
            1 + tag.chars().count() + rest[..field].iter().map(|f| f.chars().count() + 1).sum::<usize>() + 1
        };
        match (tag, rest.as_slice()) {
            ("threshold", [t]) => {
                self.threshold = t.parse().map_err(|_| (column(0), "a number after `threshold`"))?;
            }
            ("v", [word]) => {
                self.vocab.insert((*word).to_owned());
            }
            ("s", [stem]) => {
                self.stems.insert((*stem).to_owned());
            }
            ("w", [feature, w]) => {
                let w = w.parse::<f32>().map_err(|_| (column(1), "a weight (a number) after the feature"))?;
                self.weights.insert((*feature).to_owned(), w);
            }
            // The header [`Model::write`] puts before the model.
            ("", []) => {}
            _ if line.starts_with('#') => {}
            _ => return Err((1, "`threshold N`, `v WORD`, `s STEM` or `w FEATURE WEIGHT`, tab-separated")),
        }
        Ok(())
    }

    /// The model embedded in the binary, read on first use (or the one [`Model::install`]
    /// put in its place before).
    pub fn embedded() -> &'static Model {
        CUES.get_or_init(|| Model::parse(EMBEDDED))
    }

    /// The veto on listed cues' attributions embedded in the binary, read on first use (or the
    /// one [`Model::install`] put in its place before).
    pub fn embedded_veto() -> &'static Model {
        VETO.get_or_init(|| Model::parse(EMBEDDED_VETO))
    }

    /// Puts a cue classifier and a veto (each when given) in place of the embedded ones for
    /// the rest of the process, so that a retrained model is measured on a split without
    /// rebuilding the binary (`claimcheck eval --cue-model`, `--veto-model`). Must come before
    /// the first use: a model already read stays, and the answer is `false`.
    pub fn install(cues: Option<Model>, veto: Option<Model>) -> bool {
        let cues = cues.is_none_or(|m| CUES.set(m).is_ok());
        let veto = veto.is_none_or(|m| VETO.set(m).is_ok());
        cues && veto
    }

    /// Whether a veto model rejects a feature set: it scores under the threshold. A model
    /// without weights rejects nothing.
    pub fn rejects(&self, features: &[String]) -> bool {
        !self.weights.is_empty() && self.score(features) < self.threshold
    }

    /// A model from trained weights.
    pub fn new(
        weights: std::collections::HashMap<String, f32>,
        vocab: std::collections::HashSet<String>,
        threshold: f32,
    ) -> Model {
        let (weights, vocab) = (weights.into_iter().collect(), vocab.into_iter().collect());
        Model { weights, vocab, stems: HashSet::new(), threshold }
    }

    /// The model asked about every form of `stems` as well (see [`stem`]).
    pub fn with_stems(self, stems: std::collections::HashSet<String>) -> Model {
        Model { stems: stems.into_iter().collect(), ..self }
    }

    /// The weights, by feature.
    pub fn weights(&self) -> &HashMap<String, f32> {
        &self.weights
    }

    /// Whether the classifier is asked about the (lower-case) word form `word`: a form of
    /// its vocabulary or of one of its stems.
    pub fn knows(&self, word: &str) -> bool {
        self.vocab.contains(word) || (!self.stems.is_empty() && self.stems.contains(stem(word)))
    }

    /// Whether the model has a vocabulary at all (an empty model decides nothing).
    pub fn is_empty(&self) -> bool {
        self.vocab.is_empty() && self.stems.is_empty()
    }

    /// The score of a feature set: the sum of its features' weights.
    pub fn score(&self, features: &[String]) -> f32 {
        self.score_written(features.iter().map(String::as_str))
    }

    /// The score of features as written, in their order: the sum of their weights, added in
    /// the same order as [`Model::score`] adds them, so the two give the same bits.
    pub fn score_written<'a>(&self, features: impl IntoIterator<Item = &'a str>) -> f32 {
        features.into_iter().filter_map(|f| self.weights.get(f)).sum()
    }

    /// Whether a feature set is a cue.
    pub fn decide(&self, features: &[String]) -> bool {
        self.score(features) >= self.threshold
    }

    /// Whether features written as [`Features`] are a cue: the same decision as
    /// [`Model::decide`] on their strings.
    pub fn decide_written(&self, features: &Features) -> bool {
        self.score_written(features.iter()) >= self.threshold
    }

    /// The text form, features in name order; weights of magnitude below `min_weight` are left
    /// out.
    pub fn write(&self, header: &str, min_weight: f32) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("threshold\t{}\n", self.threshold));
        let mut vocab: Vec<&String> = self.vocab.iter().collect();
        vocab.sort();
        for v in vocab {
            out.push_str(&format!("v\t{v}\n"));
        }
        let mut stems: Vec<&String> = self.stems.iter().collect();
        stems.sort();
        for s in stems {
            out.push_str(&format!("s\t{s}\n"));
        }
        let mut weights: Vec<(&String, &f32)> = self.weights.iter().filter(|(_, w)| w.abs() >= min_weight).collect();
        weights.sort_by(|a, b| a.0.cmp(b.0));
        for (f, w) in weights {
            out.push_str(&format!("w\t{f}\t{w:.4}\n"));
        }
        out
    }
}

/// A crude stem: the form without its inflection and final `e` ("hoped", "hopes", "hoping"
/// → "hop"), the form itself when that would leave under three letters.
pub fn stem(form: &str) -> &str {
    let bare = ["ing", "ed", "es", "s"].iter().find_map(|s| form.strip_suffix(s)).unwrap_or(form);
    let bare = bare.strip_suffix('e').unwrap_or(bare);
    if bare.len() >= 3 { bare } else { form }
}

/// Features written one after another into one string, for scoring without a `String` per
/// feature: a candidate has some thirty of them, and the engine scores every candidate of
/// every sentence parsed for learned cues. [`Features::to_strings`] gives the list training
/// and the veto read.
#[derive(Clone, Debug, Default)]
pub struct Features {
    text: String,
    /// Where each feature ends in `text`.
    ends: Vec<usize>,
}

impl Features {
    /// No features yet, with room for `features` of `bytes` in all.
    pub fn with_capacity(features: usize, bytes: usize) -> Features {
        Features { text: String::with_capacity(bytes), ends: Vec::with_capacity(features) }
    }

    /// Adds the feature written as `parts` one after another (`["l=", stem, "|c=", dep]`):
    /// no formatting machinery, which cost more than the features' allocations.
    pub fn push(&mut self, parts: &[&str]) {
        for part in parts {
            self.text.push_str(part);
        }
        self.ends.push(self.text.len());
    }

    /// Adds the feature `f` writes (`format_args!`, as `format!` would write it).
    pub fn push_fmt(&mut self, f: fmt::Arguments<'_>) {
        // Writing into a `String` cannot fail.
        let _ = self.text.write_fmt(f);
        self.ends.push(self.text.len());
    }

    /// Adds every feature of `other`, after these.
    pub fn append(&mut self, other: &Features) {
        for f in other.iter() {
            self.text.push_str(f);
            self.ends.push(self.text.len());
        }
    }

    /// The features in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| self.text.get(start..end).unwrap_or(""))
    }

    /// Each feature as its own string, in order.
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

/// A word the classifier may be asked about, as [`crate::RuleSet::cue_candidates`] gives it.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The cue's words (the word with the auxiliaries before it).
    pub cue: parse::Span,
    /// The word form the vocabulary holds (lower case).
    pub form: String,
    /// Its speaker's words, read from the parse.
    pub speaker: Option<parse::Span>,
    /// Its features.
    pub features: Vec<String>,
    /// The word of its predicative adjective: when a taken candidate holds it, this one is
    /// not taken (`engine::learned::yields`).
    pub yields_to: Option<parse::Span>,
}

/// Whether a taken candidate whose predicative adjective is `yields_to` gives way to another
/// taken candidate, of the cue words `taken`, that holds the adjective: one attribution, not
/// two ("are *concerned* that": the adjective's).
pub fn yields(yields_to: Option<parse::Span>, taken: &[parse::Span]) -> bool {
    yields_to.is_some_and(|y| taken.iter().any(|t| t.contains(y)))
}

/// An attribution the veto may judge, as [`crate::RuleSet::veto_candidates`] gives it.
#[derive(Clone, Debug)]
pub struct Judged {
    /// The attribution as the engine records it.
    pub attribution: claim::Attribution,
    /// What the veto reads, `None` when it does not judge this one.
    pub features: Option<Vec<String>>,
    /// Whether the reading found no speaker where the text may name one: such an attribution
    /// stands only when the veto accepts it.
    pub speakerless: bool,
}

/// One training example: features and whether it is a cue.
#[derive(Clone, Debug)]
pub struct Example {
    /// The features, as `engine::learned` computes them.
    pub features: Vec<String>,
    /// The gold decision.
    pub cue: bool,
}

/// An example as its features' indices and whether it is a cue.
type Encoded = (Vec<usize>, bool);

/// Each example's features as indices into one numbering (first seen, first numbered), so
/// the trainers' inner loops do no hashing of strings; with the numbering.
fn encode(examples: &[Example]) -> (HashMap<&str, usize>, Vec<Encoded>) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let encoded = examples
        .iter()
        .map(|e| {
            let ids = e
                .features
                .iter()
                .map(|f| {
                    let n = index.len();
                    *index.entry(f.as_str()).or_insert(n)
                })
                .collect();
            (ids, e.cue)
        })
        .collect();
    (index, encoded)
}

/// Trains an averaged perceptron over `examples` for `epochs` passes, the order of each
/// pass shuffled by a generator seeded with `seed`. Returns the averaged weights.
pub fn train(examples: &[Example], epochs: usize, seed: u64) -> std::collections::HashMap<String, f32> {
    let (index, encoded) = encode(examples);
    let n = index.len();
    let (mut w, mut total, mut stamp) = (vec![0f64; n], vec![0f64; n], vec![0u64; n]);
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    let mut state = seed | 1;
    let mut step = 0u64;
    for _ in 0..epochs {
        // Fisher–Yates with xorshift: the same order for the same seed on every machine.
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            step += 1;
            let (ids, gold) = &encoded[k];
            let score: f64 = ids.iter().map(|&f| w[f]).sum();
            if (score >= 0.0) == *gold {
                continue;
            }
            let delta = if *gold { 1.0 } else { -1.0 };
            for &f in ids {
                total[f] += (step - stamp[f]) as f64 * w[f];
                stamp[f] = step;
                w[f] += delta;
            }
        }
    }
    let steps = step.max(1) as f64;
    index
        .into_iter()
        .map(|(f, i)| {
            let sum = total[i] + (step - stamp[i]) as f64 * w[i];
            (f.to_owned(), (sum / steps) as f32)
        })
        .collect()
}

/// Trains a logistic regression over `examples`: `iterations` full passes of gradient
/// descent (Adam, step `rate`) on the mean log loss plus `l2` times half the squared weights.
/// Deterministic: no sampling, the same order on every machine. Returns the weights; a cue's
/// score is their sum, its log-odds.
pub fn train_logistic(
    examples: &[Example],
    iterations: usize,
    rate: f64,
    l2: f64,
) -> std::collections::HashMap<String, f32> {
    let (index, encoded) = encode(examples);
    let n = index.len();
    let (mut w, mut m, mut v) = (vec![0f64; n], vec![0f64; n], vec![0f64; n]);
    let mut grad = vec![0f64; n];
    let scale = 1.0 / encoded.len().max(1) as f64;
    let (b1, b2) = (0.9f64, 0.999f64);
    for step in 1..=iterations {
        grad.iter_mut().zip(&w).for_each(|(g, w)| *g = l2 * w);
        for (ids, gold) in &encoded {
            let z: f64 = ids.iter().map(|&f| w[f]).sum();
            let err = (1.0 / (1.0 + (-z).exp()) - f64::from(u8::from(*gold))) * scale;
            for &f in ids {
                grad[f] += err;
            }
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for f in 0..n {
            m[f] = b1 * m[f] + (1.0 - b1) * grad[f];
            v[f] = b2 * v[f] + (1.0 - b2) * grad[f] * grad[f];
            w[f] -= rate * (m[f] / c1) / ((v[f] / c2).sqrt() + 1e-8);
        }
    }
    index.into_iter().map(|(f, i)| (f.to_owned(), w[i] as f32)).collect()
}

#[cfg(test)]
mod tests {
    /// A copula taken with its predicative adjective gives way to the adjective's cue ("were
    /// *hopeful* that": one attribution); taken alone, or beside a cue without the adjective,
    /// it stands.
    #[test]
    fn a_copula_yields_to_its_taken_adjective() {
        let adjective = parse::Span::new(16, 23);
        let taken = [parse::Span::new(11, 15), parse::Span::new(16, 28)];
        assert!(yields(Some(adjective), &taken));
        assert!(!yields(Some(adjective), &taken[..1]));
        assert!(!yields(Some(adjective), &[parse::Span::new(11, 15), parse::Span::new(30, 35)]));
        assert!(!yields(None, &taken));
    }

    /// A model file a user names is read strictly: each bad line by line and column.
    #[test]
    fn a_named_model_file_is_read_strictly() {
        let model = Model::read("threshold\t0.5\nv\thopes\ns\thope\nw\tbias\t-1\n\n");
        assert_eq!(model.map(|m| m.threshold), Ok(0.5));
        let at = |text: &str| Model::read(text).map(|_| ()).map_err(|e| (e.line, e.column));
        assert_eq!(at("threshold\tlow\n"), Err((1, 11)));
        assert_eq!(at("threshold\t1\nw\tbias\n"), Err((2, 1)));
        assert_eq!(at("threshold\t1\nw\tbias\tx\n"), Err((2, 8)));
        assert_eq!(at("v\thopes\n"), Err((2, 1)), "no threshold line");
        // What the trainers write reads back, its header included (a regression: the strict
        // reader once refused every trained file at its first `#` line).
        let written =
            Model::new(HashMap::from([("bias".to_owned(), 1.0)]), HashSet::new(), 0.5).write("trained\nhere", 0.0);
        assert_eq!(Model::read(&written).map(|m| m.threshold), Ok(0.5));
        assert!(Model::read(EMBEDDED).is_ok() && Model::read(EMBEDDED_VETO).is_ok());
        // The lenient reader keeps what parses, as before.
        assert_eq!(Model::parse("threshold\tlow\nv\thopes\n").threshold, f32::INFINITY);
    }
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn ex(features: &[&str], cue: bool) -> Example {
        Example { features: features.iter().map(|s| (*s).to_owned()).collect(), cue }
    }

    /// Examples a single feature separates: a cue exactly when `c=ccomp`.
    fn separable() -> Vec<Example> {
        vec![
            ex(&["b", "c=ccomp", "s=pronoun"], true),
            ex(&["b", "c=ccomp", "s=named"], true),
            ex(&["b", "c=dobj", "s=named"], false),
            ex(&["b", "s=none"], false),
        ]
    }

    #[test]
    fn learns_a_separable_rule_and_round_trips_through_text() {
        let examples = separable();
        let weights = train(&examples, 50, 7);
        let vocab: HashSet<String> = ["hopes".to_owned()].into();
        let model = Model::new(weights, vocab, 0.0);
        // Separated: every cue scores above every other example; the threshold halfway.
        let lowest_cue = examples.iter().filter(|e| e.cue).map(|e| model.score(&e.features)).fold(f32::MAX, f32::min);
        let highest_other =
            examples.iter().filter(|e| !e.cue).map(|e| model.score(&e.features)).fold(f32::MIN, f32::max);
        assert!(lowest_cue > highest_other, "{:?}", model.weights());
        let model = Model { threshold: (lowest_cue + highest_other) / 2.0, ..model };
        let feats = |f: &[&str]| f.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(model.decide(&feats(&["b", "c=ccomp", "s=named"])));
        assert!(!model.decide(&feats(&["b", "c=dobj", "s=named"])));
        let again = Model::parse(&model.write("test", 0.0));
        assert!(again.knows("hopes") && !again.knows("hope"));
        assert!(again.decide(&feats(&["b", "c=ccomp", "s=named"])));
        assert!(!again.decide(&feats(&["b", "s=none"])));
        // Training is deterministic.
        let a = Model::new(train(&examples, 10, 7), HashSet::new(), 0.0).write("", 0.0);
        let b = Model::new(train(&examples, 10, 7), HashSet::new(), 0.0).write("", 0.0);
        assert_eq!(a, b);
    }

    #[test]
    fn logistic_regression_learns_a_separable_rule_deterministically() {
        let examples = separable();
        let weak = train_logistic(&examples, 200, 0.05, 0.0001);
        let model = Model::new(weak.clone(), HashSet::new(), 0.0);
        // The score is the log-odds: cues above 0, the others below.
        for e in &examples {
            assert_eq!(model.decide(&e.features), e.cue, "{:?} {:?}", e.features, model.weights());
        }
        // A stronger L2 keeps the weights smaller.
        let strong = train_logistic(&examples, 200, 0.05, 0.1);
        let size = |w: &HashMap<String, f32>| w.values().map(|x| x.abs()).sum::<f32>();
        assert!(size(&strong) < size(&weak));
        let again = Model::new(train_logistic(&examples, 200, 0.05, 0.0001), HashSet::new(), 0.0);
        assert_eq!(model.write("", 0.0), again.write("", 0.0));
    }

    #[test]
    fn written_features_keep_their_order_and_score_as_strings() {
        let mut core = Features::default();
        core.push(&["c=", "ccomp"]);
        core.push_fmt(format_args!("kind={:?}", Some(1)));
        let mut features = Features::default();
        features.push(&["bias"]);
        features.push(&[]);
        features.append(&core);
        assert_eq!(features.to_strings(), ["bias", "", "c=ccomp", "kind=Some(1)"]);
        let model = Model::parse("threshold\t0.3\nw\tbias\t0.1\nw\tc=ccomp\t0.2\nw\tkind=Some(1)\t0.3\n");
        let (written, strings) = (model.score_written(features.iter()), model.score(&features.to_strings()));
        assert_eq!(written.to_bits(), strings.to_bits());
        assert!(model.decide_written(&features) && model.decide(&features.to_strings()));
        assert_eq!(Features::default().iter().count(), 0);
    }

    #[test]
    fn stems_open_the_vocabulary_to_unseen_forms() {
        let model = Model::parse("threshold\t0\nv\twants\ns\thop\n");
        assert!(model.knows("wants") && !model.knows("wanted"));
        // Every form of a stem, seen in training or not.
        assert!(model.knows("hoping") && model.knows("hoped") && model.knows("hope"));
        assert!(!model.knows("hopper"));
        let again = Model::parse(&model.write("", 0.0));
        assert!(again.knows("hopes") && !again.is_empty());
        assert!(Model::parse("threshold\t0\n").is_empty());
    }

    #[test]
    fn an_unparsable_model_decides_nothing() {
        let model = Model::parse("garbage\nw\tb\tnot-a-number\n");
        assert!(model.is_empty());
        assert!(!model.decide(&["b".to_owned()]));
        // As a veto it rejects nothing.
        assert!(!model.rejects(&["b".to_owned()]));
        assert!(Model::parse("threshold\t1\nw\tb\t0.5\n").rejects(&["b".to_owned()]));
    }
}
