//! Part-of-speech tags and labelled dependency parses for English sentences.
//!
//! An averaged-perceptron tagger and a greedy arc-eager parser, trained on silver
//! annotations from spaCy's `en_core_web_sm` (see `train/README.md`), with the model
//! embedded in the binary. Input is the words of one sentence as claimcheck tokenises them;
//! clitics ("Lavrov's", "didn't") are split for the model and joined again in the result, so
//! every index in a [`Parse`] is an index into the words given.
//!
//! ```
//! let parse = syntax::parser().parse(&["Lavrov", "said", "it", "was", "a", "lie", "."]);
//! assert_eq!(parse.dep(0), syntax::Dep::Nsubj);
//! assert_eq!(parse.head(0), Some(1));
//! ```

pub mod clusters;
mod dense;
mod labeller;
mod labels;
mod model;
mod packed;
mod parser;
pub mod picked;
mod tables;
mod tagger;
pub mod templates;
pub mod train;
pub mod words;

pub use labels::{Dep, Tag, UnknownLabel};
pub use model::ModelError;

use model::{Model, Reader};
use std::ops::Range;
use std::sync::OnceLock;

/// Bytes aligned for reading a table in place.
#[repr(C, align(64))]
struct Aligned<B: ?Sized>(B);

/// The model trained by `train/` (`model/en.model`), embedded at build time in the form
/// the parser holds it (`build.rs` writes it; see [`tables`]).
static MODEL: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/en.tables")));

/// First bytes of a model file: the tagger, the transition model, the labeller, the word
/// clusters and the transition templates read ([`picked`]).
const MAGIC: &[u8; 8] = b"CCSYNTX4";

/// First bytes of a model file of the version before, with word clusters and every
/// template (still read).
const MAGIC_WITH_CLUSTERS: &[u8; 8] = b"CCSYNTX3";

/// First bytes of a model file of the version before, without word clusters (still read).
const MAGIC_WITHOUT_CLUSTERS: &[u8; 8] = b"CCSYNTX2";

/// The embedded model's bytes (for benchmarks and inspection): a tables file, which
/// [`Parser::from_bytes`] reads as it reads a model file.
pub fn model_bytes() -> &'static [u8] {
    &MODEL.0
}

/// A model file (any version [`Parser::from_bytes`] decodes) in the form the parser holds
/// it, as the build embeds `model/en.model`: [`Parser::from_bytes`] reads it with no decoding
/// of the features, and gives the same parser.
pub fn tables_of(model_file: &[u8]) -> Result<Vec<u8>, ModelError> {
    tables::write(model_file)
}

/// The parser of the process: the embedded one, or the one [`install`] put in its place.
static PARSER: OnceLock<Parser> = OnceLock::new();

/// Puts `parser` in place of the embedded one for the rest of the process, so that a
/// retrained model is measured on a split without rebuilding the binary (`claimcheck eval
/// --syntax-model`). Must come before the first use: a parser already in use stays, and the
/// answer is `false`.
pub fn install(parser: Parser) -> bool {
    PARSER.set(parser).is_ok()
}

/// The embedded parser, decoded on first use (or the one [`install`] put in its place).
pub fn parser() -> &'static Parser {
    PARSER.get_or_init(|| {
        // The embedded bytes are a build-time constant that a test decodes; a failure here
        // is a broken build, not bad input.
        #[allow(clippy::expect_used)]
        Parser::embedded().expect("the embedded syntax model reads")
    })
}

/// A tagger and parser with their weights.
#[derive(Debug)]
pub struct Parser {
    tagger: tagger::Tagger,
    /// The parser's first stage: which transition.
    moves: Model,
    /// The parser's second stage: which label, for an arc.
    labels: labeller::Labeller,
    /// The word clusters the transition model reads (none in a model of the version
    /// before, which then reads only the other features).
    clusters: clusters::Clusters,
    /// The transition templates the transition model reads.
    templates: picked::Templates,
    /// The transition model's one-word features summed ahead, for a model of the first
    /// [`parser::BASE_FEATURES`] templates (the committed one).
    rows: Option<parser::WordRows>,
}

impl Parser {
    /// Decodes a model written by the trainer, or reads a tables file ([`model_bytes`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        if bytes.starts_with(tables::MAGIC) {
            return Parser::from_tables(bytes, tables::read);
        }
        let mut r = Reader::new(bytes);
        let magic = r.take(MAGIC.len())?;
        check_header(magic, &mut r)?;
        let models = [Model::decode(&mut r)?, Model::decode(&mut r)?, Model::decode(&mut r)?];
        Parser::assemble(magic, models, &mut r)
    }

    /// The embedded model, its tables read in place.
    fn embedded() -> Result<Parser, ModelError> {
        Parser::from_tables(&MODEL.0, tables::read_in_place)
    }

    /// Reads a tables file, each table with `read`.
    fn from_tables<'a>(
        bytes: &'a [u8],
        read: impl Fn(&mut Reader<'a>) -> Result<Model, ModelError>,
    ) -> Result<Parser, ModelError> {
        let (magic, rest, mut r) = tables::split(bytes)?;
        let mut rest = Reader::new(rest);
        check_header(magic, &mut rest)?;
        let models = [read(&mut r)?, read(&mut r)?, read(&mut r)?];
        if !r.is_done() {
            return Err(ModelError("trailing bytes"));
        }
        Parser::assemble(magic, models, &mut rest)
    }

    /// The parser of a model file's three models and what follows them in the file
    /// (`magic` says what that is).
    fn assemble(magic: &[u8], models: [Model; 3], r: &mut Reader<'_>) -> Result<Parser, ModelError> {
        let [mut tagger, moves, labels] = models;
        let clusters = if magic == MAGIC_WITHOUT_CLUSTERS {
            clusters::Clusters::default()
        } else {
            clusters::Clusters::decode(r)?
        };
        let templates = if magic == MAGIC {
            picked::Templates::decode(r)?
        } else {
            picked::Templates::default_for(!clusters.is_empty())
        };
        // The tagger's and the transition model's first feature is the bias, template 0
        // with no values: added up front rather than looked up on every word and step.
        tagger.set_constant(model::key(0, 0, 0, 0));
        // The transition model in five-key buckets ([`dense`]): already, when embedded.
        let mut moves = moves.packed()?;
        moves.set_constant(model::key(0, 0, 0, 0));
        if !r.is_done() {
            return Err(ModelError("trailing bytes"));
        }
        if tagger.classes != Tag::ALL.len() || moves.classes != parser::MOVES || labels.classes != parser::LABELS {
            return Err(ModelError("class counts differ"));
        }
        let labels = labeller::Labeller::new(labels.packed()?);
        let rows =
            (templates == picked::Templates::first(parser::BASE_FEATURES)).then(|| parser::WordRows::new(&moves));
        Ok(Parser { tagger: tagger::Tagger::new(tagger), moves, labels, clusters, templates, rows })
    }

    /// The transition templates the model reads.
    pub fn templates(&self) -> &picked::Templates {
        &self.templates
    }

    /// Heads (`parser::NONE` for roots) and label indices of tagged pieces.
    fn parse_tagged(&self, pieces: &[tagger::Word], tags: &[Tag]) -> (Vec<usize>, Vec<u8>) {
        parser::parse(&self.moves, &self.labels, &self.templates, self.rows.as_ref(), pieces, tags)
    }

    /// The model's pieces of sentence words (see [`split`]) with their cluster codes.
    fn pieces(&self, words: &[&str], hidden: impl Fn(usize) -> bool) -> (Vec<tagger::Word>, Vec<usize>) {
        let (mut pieces, owner) = split(words, hidden);
        self.clusters.assign(&mut pieces);
        (pieces, owner)
    }

    /// Number of weighted features in the tagger and in the parser (both its stages).
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.tagger.model.feature_count(), self.moves.feature_count() + self.labels.model.feature_count())
    }

    /// Tags only, one per word (cheaper than [`Parser::parse`]).
    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        let (pieces, owner) = split(words, |_| false);
        let tags = tagger::tag(&self.tagger, &pieces);
        let mut out = vec![Tag::XX; words.len()];
        // The first piece of each word gives its tag.
        for (p, &w) in owner.iter().enumerate().rev() {
            out[w] = tags[p];
        }
        out
    }

    /// Tags and parses the words of one sentence. Never fails; deterministic.
    pub fn parse(&self, words: &[&str]) -> Parse {
        self.parse_hiding(words, &[])
    }

    /// Tags and parses the words of one sentence as [`Parser::parse`] does, except that the
    /// words `hidden` marks (by index; an index past the end marks nothing) are left out of
    /// what the model reads, and each hangs on the word before it as punctuation: a dot the
    /// caller knows ends an abbreviation or an initial inside the sentence ("Mr." "Sanders"),
    /// which the model, trained on text where a lone dot nearly always ends a sentence, would
    /// take for the end of one. A hidden first word is a root.
    pub fn parse_hiding(&self, words: &[&str], hidden: &[bool]) -> Parse {
        let is_hidden = |i: usize| hidden.get(i).copied().unwrap_or(false);
        let (pieces, owner) = self.pieces(words, is_hidden);
        let tags = tagger::tag(&self.tagger, &pieces);
        let (heads, labels) = self.parse_tagged(&pieces, &tags);
        let mut parse = Parse::join(words.len(), &owner, &tags, &heads, &labels);
        if (0..words.len()).any(is_hidden) {
            parse = parse.with_hidden_attached(is_hidden);
        }
        parse
    }
}

/// Checks a model file's version (`magic`) and the tag and label names that follow it.
fn check_header(magic: &[u8], r: &mut Reader<'_>) -> Result<(), ModelError> {
    if magic != MAGIC && magic != MAGIC_WITH_CLUSTERS && magic != MAGIC_WITHOUT_CLUSTERS {
        return Err(ModelError("not a claimcheck syntax model"));
    }
    check_names(r, Tag::ALL.iter().map(|t| t.as_str()), "tag inventory differs")?;
    check_names(r, Dep::ALL.iter().map(|d| d.as_str()), "label inventory differs")
}

fn check_names<'a>(
    r: &mut Reader<'_>,
    names: impl ExactSizeIterator<Item = &'a str>,
    error: &'static str,
) -> Result<(), ModelError> {
    if r.u32()? as usize != names.len() {
        return Err(ModelError(error));
    }
    for name in names {
        let len = usize::from(r.u8()?);
        if r.take(len)? != name.as_bytes() {
            return Err(ModelError(error));
        }
    }
    Ok(())
}

/// Writes the header of a model file (magic and inventories).
fn write_header(out: &mut Vec<u8>) {
    out.extend(MAGIC);
    for names in
        [Tag::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>(), Dep::ALL.iter().map(|d| d.as_str()).collect()]
    {
        out.extend((names.len() as u32).to_le_bytes());
        for name in names {
            out.push(name.len() as u8);
            out.extend(name.as_bytes());
        }
    }
}

/// The model's pieces of `words` (clitics split off, hidden words left out), and for each
/// piece its word's index.
fn split(words: &[&str], hidden: impl Fn(usize) -> bool) -> (Vec<tagger::Word>, Vec<usize>) {
    let mut pieces = Vec::with_capacity(words.len() + 4);
    let mut owner = Vec::with_capacity(words.len() + 4);
    for (i, word) in words.iter().enumerate().filter(|&(i, _)| !hidden(i)) {
        for piece in words::pieces(word) {
            pieces.push(tagger::word(piece));
            owner.push(i);
        }
    }
    (pieces, owner)
}

/// The tags and dependency tree of one sentence; every index is a word's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    tags: Vec<Tag>,
    heads: Vec<usize>,
    deps: Vec<Dep>,
    /// Children of each word in order, as ranges into `child_list`.
    child_ranges: Vec<(u32, u32)>,
    child_list: Vec<usize>,
    spans: Vec<(usize, usize)>,
}

const ROOT: usize = usize::MAX;

/// Makes a root of one word on each cycle. The parser builds trees, but joining a word's
/// pieces could in principle close a loop (a word headed by its own dependent's clitic).
fn break_cycles(heads: &mut [usize], deps: &mut [Dep]) {
    let n = heads.len();
    // 0: not seen, 1: on the path being walked, 2: known to reach a root.
    let mut seen = vec![0u8; n];
    let mut path = Vec::new();
    for start in 0..n {
        let mut at = start;
        while at < n && seen[at] == 0 {
            seen[at] = 1;
            path.push(at);
            at = heads[at];
        }
        if at < n && seen[at] == 1 {
            heads[at] = ROOT;
            deps[at] = Dep::Root;
        }
        for p in path.drain(..) {
            seen[p] = 2;
        }
    }
}

/// Distance of each word from its root, in a forest without cycles.
fn depths(heads: &[usize]) -> Vec<usize> {
    let n = heads.len();
    let mut depth = vec![usize::MAX; n];
    let mut path = Vec::new();
    for start in 0..n {
        let mut at = start;
        while at < n && depth[at] == usize::MAX && path.len() <= n {
            path.push(at);
            at = heads[at];
        }
        let mut d = if at < n { depth[at] } else { 0 };
        for &p in path.iter().rev() {
            d = if heads[p] < n { d.saturating_add(1) } else { 0 };
            depth[p] = d;
        }
        path.clear();
    }
    depth
}

/// The words ordered by `depth`, deepest first (a head after all its dependents), counted
/// into buckets rather than sorted: the order is built for every parse. Words of equal
/// depth come in any order.
fn deepest_first(depth: &[usize]) -> Vec<usize> {
    let deepest = depth.iter().copied().max().unwrap_or(0);
    if deepest >= depth.len() {
        // Not a forest (depths are below the number of words in one).
        let mut order: Vec<usize> = (0..depth.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(depth[i]));
        return order;
    }
    // `start[d]`: where the words of depth `d` begin, deepest first.
    let mut start = vec![0usize; deepest + 2];
    for &d in depth {
        start[deepest - d + 1] += 1;
    }
    for d in 1..start.len() {
        start[d] += start[d - 1];
    }
    let mut order = vec![0usize; depth.len()];
    for (i, &d) in depth.iter().enumerate() {
        let slot = &mut start[deepest - d];
        order[*slot] = i;
        *slot += 1;
    }
    order
}

impl Parse {
    /// Joins the pieces' analysis back onto the words: a word takes the tag of its first
    /// piece and the head and relation of the piece that attaches outside the word,
    /// preferring `neg` ("didn't" is the `neg` of its verb) and else the first.
    fn join(len: usize, owner: &[usize], tags: &[Tag], heads: &[usize], labels: &[u8]) -> Parse {
        let mut out_tags = vec![Tag::XX; len];
        let mut out_heads = vec![ROOT; len];
        let mut out_deps = vec![Dep::Root; len];
        let mut chosen = vec![false; len];
        for p in (0..owner.len()).rev() {
            out_tags[owner[p]] = tags[p];
        }
        for (p, &w) in owner.iter().enumerate() {
            let head = heads[p];
            let head_word = if head == parser::NONE { ROOT } else { owner[head] };
            if head_word == w {
                continue;
            }
            let rel = Dep::from_index(usize::from(labels[p])).unwrap_or(Dep::Dep);
            let rel = if head_word == ROOT { Dep::Root } else { rel };
            if !chosen[w] || (rel == Dep::Neg && out_deps[w] != Dep::Neg) {
                chosen[w] = true;
                out_heads[w] = head_word;
                out_deps[w] = rel;
            }
        }
        Parse::build(out_tags, out_heads, out_deps)
    }

    /// This parse with each hidden word (which the model never read, so a root tagged `XX`)
    /// made the `punct` of the word before it, tagged `.`.
    fn with_hidden_attached(self, hidden: impl Fn(usize) -> bool) -> Parse {
        let Parse { mut tags, mut heads, mut deps, .. } = self;
        for i in (1..tags.len()).filter(|&i| hidden(i)) {
            tags[i] = Tag::Period;
            heads[i] = i - 1;
            deps[i] = Dep::Punct;
        }
        Parse::build(tags, heads, deps)
    }

    fn build(tags: Vec<Tag>, mut heads: Vec<usize>, mut deps: Vec<Dep>) -> Parse {
        let n = tags.len();
        break_cycles(&mut heads, &mut deps);
        let mut counts = vec![0u32; n + 1];
        for &h in &heads {
            if h < n {
                counts[h] += 1;
            }
        }
        let mut child_ranges = Vec::with_capacity(n);
        let mut start = 0u32;
        for &c in &counts[..n] {
            child_ranges.push((start, start));
            start += c;
        }
        let mut child_list = vec![0usize; start as usize];
        for (i, &h) in heads.iter().enumerate() {
            if h < n {
                let slot = &mut child_ranges[h].1;
                child_list[*slot as usize] = i;
                *slot += 1;
            }
        }
        // Subtree extents, children before heads: walk words deepest first.
        let mut spans: Vec<(usize, usize)> = (0..n).map(|i| (i, i + 1)).collect();
        for i in deepest_first(&depths(&heads)) {
            let h = heads[i];
            if h < n {
                let (s, e) = spans[i];
                let span = &mut spans[h];
                span.0 = span.0.min(s);
                span.1 = span.1.max(e);
            }
        }
        Parse { tags, heads, deps, child_ranges, child_list, spans }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Part-of-speech tag of word `i` (`XX` when `i` is out of range).
    pub fn tag(&self, i: usize) -> Tag {
        self.tags.get(i).copied().unwrap_or(Tag::XX)
    }

    /// Head of word `i`; `None` for a root (or when `i` is out of range).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads.get(i).copied().filter(|&h| h != ROOT)
    }

    /// Relation of word `i` to its head (`ROOT` for a root or when `i` is out of range).
    pub fn dep(&self, i: usize) -> Dep {
        self.deps.get(i).copied().unwrap_or(Dep::Root)
    }

    /// Dependents of word `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (s, e) = self.child_ranges.get(i).copied().unwrap_or((0, 0));
        self.child_list[s as usize..e as usize].iter().copied()
    }

    /// The contiguous range of words that `i` heads, `i` included (empty when out of range).
    pub fn subtree(&self, i: usize) -> Range<usize> {
        self.spans.get(i).map_or(0..0, |&(s, e)| s..e)
    }

    /// The roots, left to right: one per sentence as the model reads it.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| self.heads[i] == ROOT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_pieces_never_leaves_a_cycle() {
        // Word 0 is pieces 0 and 1, word 1 is piece 2; piece 0 hangs on piece 2, which
        // hangs on piece 1, the root: joined, each word would head the other.
        let tags = [Tag::NNP, Tag::POS, Tag::NN];
        let heads = [2, parser::NONE, 1];
        let labels = [Dep::Poss.index() as u8, 0, Dep::Dep.index() as u8];
        let parse = Parse::join(2, &[0, 0, 1], &tags, &heads, &labels);
        let roots: Vec<usize> = parse.roots().collect();
        assert_eq!(roots.len(), 1, "{parse:?}");
        assert_eq!(parse.subtree(roots[0]), 0..2);
    }

    #[test]
    fn a_hidden_word_is_not_read_and_hangs_on_the_word_before() {
        let words = ["Mr", ".", "Okafor", "said", "it", "was", "late", "."];
        let hidden = [false, true];
        let parse = parser().parse_hiding(&words, &hidden);
        assert_eq!((parse.head(1), parse.dep(1), parse.tag(1)), (Some(0), Dep::Punct, Tag::Period));
        assert_eq!(parse.roots().collect::<Vec<_>>(), vec![3], "{parse:?}");
        // What the model reads is the sentence without the hidden word.
        let without = parser().parse(&["Mr", "Okafor", "said", "it", "was", "late", "."]);
        assert_eq!(parse.head(2), without.head(1).map(|h| h + 1));
        assert_eq!(parse.tag(2), without.tag(1));
        // Nothing hidden is a plain parse.
        assert_eq!(parser().parse_hiding(&words, &[]), parser().parse(&words));
    }

    #[test]
    fn words_counted_deepest_first_come_as_sorted_by_depth() {
        // Depths of a forest, and ones no forest has (deeper than its words).
        for depth in [vec![], vec![0], vec![1, 0, 2, 1, 0, 3, 2, 2], vec![0, 0, 0], vec![9, 0, 1]] {
            let mut sorted: Vec<usize> = (0..depth.len()).collect();
            sorted.sort_by_key(|&i| std::cmp::Reverse(depth[i]));
            assert_eq!(deepest_first(&depth), sorted, "{depth:?}");
        }
    }

    #[test]
    fn clitics_take_the_relation_that_matters() {
        // "did" + "n't" both hang on "help": the word is the verb's `neg`.
        let tags = [Tag::VBD, Tag::RB, Tag::VB];
        let heads = [2, 2, parser::NONE];
        let labels = [Dep::Aux.index() as u8, Dep::Neg.index() as u8, 0];
        let parse = Parse::join(2, &[0, 0, 1], &tags, &heads, &labels);
        assert_eq!((parse.head(0), parse.dep(0), parse.tag(0)), (Some(1), Dep::Neg, Tag::VBD));
        assert_eq!(parse.children(1).collect::<Vec<_>>(), vec![0]);
    }
}
