//! Trains the learned cue classifier (`extract::cue_model`) on PolNeAR train and writes the
//! model the engine embeds.
//!
//! `cargo run --release -p eval --example cue_model -- [--train DIR] [--out FILE]
//!   [--epochs N] [--min-count N] [--precision-drop D] [--strict-drop D] [--folds K] [--list N] [--stems]
//!   [--logistic L2 [--iterations N] [--rate R]] [--syntax-model FILE] [--veto-model FILE]`
//!
//! `--syntax-model FILE` and `--veto-model FILE` parse and veto with those files in place of
//! the embedded models, so that a classifier goes with a retrained parser and its veto.
//!
//! Every candidate word of every article (`RuleSet::cue_candidates`: a verb, common noun or
//! predicative adjective outside cue lists and quotations that the parse gives a speaker) is
//! an example; it is a cue when it overlaps a gold Cue whose Source its speaker overlaps (or
//! that has no Source) and which the listed cues do not already find. The articles are cut
//! into `--folds` folds (default 5, article index modulo K); for each fold a model is trained
//! on every candidate of the others (`--epochs`, default 8), its vocabulary the word forms
//! that are cues at least `--min-count` times (default 2) there (with `--stems`, every form of a
//! stem whose forms are cues that often together as well, seen in train or not), and scores the fold's
//! candidates (an averaged perceptron; with `--logistic L2` a logistic regression with that L2
//! weight, `--iterations` full-batch steps, default 300, of step `--rate`, default 0.05: it
//! fits train less closely, so its in-sample figures below read lower than a perceptron's while
//! its held-out ones are as good or better). The threshold is the one that maximises attribution F1 over all of train so
//! scored (the engine's own attributions plus the candidates above it) with overlap precision
//! no more than `--precision-drop` (default 0.035) and strict precision no more than
//! `--strict-drop` (default 0.04: a candidate's speaker here is the parse's head phrase, the
//! engine writes the whole phrase, so strict precision reads low here) under the listed cues'
//! own. A taken copula whose predicative adjective is taken as well is left out, as the engine
//! leaves it out (`cue_model::yields`: one attribution at "were *hopeful* that", not two).
//! The model written is the mean of the K models (its score the mean of theirs). Printed: the figures, the gold the listed cues
//! miss by what the candidates make of them (taken, below the threshold, form not in the
//! vocabulary, other speaker, no candidate, with the most frequent cues of the last), and the
//! taken candidates that miss the strict match (at `--strict-at`, default the threshold), the
//! candidates by the layout of their reading (all, cues, taken, taken cues), and,
//! beside each other, the committed model's figures on train and the new one's (both
//! in-sample, each at its own threshold): a retrain is taken only when it beats the committed
//! model there and on dev. Dev is read by the binary, never here: `claimcheck eval --polnear
//! ../shared/data/polnear/dev --cue-model FILE` scores the file written with `--out FILE`
//! without rebuilding.
//! Weights under `--min-weight` (default 0.05) in magnitude are left out of the file. `--list N`
//! prints the N best-scored candidates for reading; `CUE_MODEL_CURVE=1` prints
//! figures along the thresholds tried; `CUE_MODEL_UNTOUCHED=1` prints every gold cue no
//! candidate touches (`UNTOUCHED`, cue, source, line) for counting their classes;
//! `CUE_MODEL_BELOW=1` the candidates of gold cues scored under the threshold (`BELOW`, score,
//! form, line) and `CUE_MODEL_UNSEEN=1` those whose form the vocabulary lacks (`UNSEEN`). Nothing of
//! the dev split is read.

mod common;

use common::{arg, curve_point, install_models};
use eval::polnear::{self, Article, Found, GoldAttribution};
use extract::cue_model::{self, Example, Model};
use parse::Span;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

/// A candidate with its label and the gold it finds.
struct Labelled {
    form: String,
    /// The word and its speaker's words.
    cue: Span,
    speaker: Option<Span>,
    /// The line around it, for `CUE_MODEL_DEBUG`.
    context: String,
    features: Vec<String>,
    /// Its predicative adjective's word (`cue_model::yields`).
    yields_to: Option<Span>,
    /// The (article, gold) it would find, when it is a cue.
    gold: Option<(usize, usize)>,
}

fn overlaps(pieces: &[Span], s: Span) -> bool {
    pieces.iter().any(|p| p.overlaps(s))
}

fn finds(g: &GoldAttribution, cue: Span, speaker: Option<Span>) -> bool {
    overlaps(&g.cue, cue)
        && match (&g.source, speaker) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(s), Some(sp)) => overlaps(s, sp),
        }
}

/// The candidates of every article, labelled, and per article the engine's attributions
/// without learned cues.
fn label(rules: &extract::RuleSet, articles: &[Article]) -> (Vec<Vec<Labelled>>, Vec<Vec<Found>>) {
    let mut all = Vec::new();
    let mut base = Vec::new();
    for (n, a) in articles.iter().enumerate() {
        let document = a.document(n);
        let parsed = parse::parse(&document);
        let found: Vec<Found> = rules.attributions(&parsed).iter().map(Found::from_record).collect();
        let covered: Vec<bool> =
            a.attributions.iter().map(|g| found.iter().any(|f| finds(g, f.cue, f.speaker))).collect();
        let mut out = Vec::new();
        for c in rules.cue_candidates(&parsed) {
            let gold = (0..a.attributions.len()).find(|&g| !covered[g] && finds(&a.attributions[g], c.cue, c.speaker));
            let line_start = a.text[..c.cue.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = a.text[c.cue.end..].find('\n').map_or(a.text.len(), |i| c.cue.end + i);
            let speaker = c.speaker.map_or("", |s| s.text(&a.text));
            let context = format!("[{speaker}] {}", &a.text[line_start..line_end]);
            out.push(Labelled {
                form: c.form,
                cue: c.cue,
                speaker: c.speaker,
                context,
                features: c.features,
                yields_to: c.yields_to,
                gold: gold.map(|g| (n, g)),
            });
        }
        all.push(out);
        base.push(found);
    }
    (all, base)
}

/// The held-out articles scored with the engine's attributions plus the candidates of the
/// vocabulary scoring at least `t`: (overlap P, R, F1, strict P).
fn figures(articles: &[Article], base: &[Vec<Found>], cands: &[Vec<(f32, &Labelled)>], t: f32) -> [f64; 4] {
    let found: Vec<Vec<Found>> = base
        .iter()
        .zip(cands)
        .map(|(b, c)| {
            let taken: Vec<&Labelled> = c.iter().filter(|(s, _)| *s >= t).map(|(_, l)| *l).collect();
            let spans: Vec<Span> = taken.iter().map(|l| l.cue).collect();
            let added = taken.iter().filter(|l| !cue_model::yields(l.yields_to, &spans)).map(|l| Found {
                cue: l.cue,
                speaker: l.speaker,
                content: None,
            });
            b.iter().cloned().chain(added).collect()
        })
        .collect();
    let s = polnear::score(articles, &found, &[]);
    [s.overlap.precision, s.overlap.recall, s.overlap.f1, s.strict.precision]
}

/// Forms that are cues at least `min_count` times in the training part.
fn vocabulary(labelled: &[Vec<Labelled>], held: impl Fn(usize) -> bool, min_count: usize) -> HashSet<String> {
    let mut positives: HashMap<&str, usize> = HashMap::new();
    for (_, cands) in labelled.iter().enumerate().filter(|(n, _)| !held(*n)) {
        for c in cands.iter().filter(|c| c.gold.is_some()) {
            *positives.entry(c.form.as_str()).or_default() += 1;
        }
    }
    positives.iter().filter(|(_, k)| **k >= min_count).map(|(f, _)| (*f).to_owned()).collect()
}

/// Stems whose forms are cues at least `min_count` times together in the training part
/// (`--stems`; without it none).
fn stem_vocabulary(labelled: &[Vec<Labelled>], held: impl Fn(usize) -> bool, o: &Opts) -> HashSet<String> {
    let mut positives: HashMap<&str, usize> = HashMap::new();
    for (_, cands) in labelled.iter().enumerate().filter(|(n, _)| o.stems && !held(*n)) {
        for c in cands.iter().filter(|c| c.gold.is_some()) {
            *positives.entry(cue_model::stem(&c.form)).or_default() += 1;
        }
    }
    positives.iter().filter(|(_, k)| **k >= o.min_count).map(|(f, _)| (*f).to_owned()).collect()
}

/// `--list N`: scored candidates with the gold they find, if any, and their line.
fn list_best(out: &mut impl Write, articles: &[Article], scored: &[(f32, &Labelled)]) {
    for (s, c) in scored {
        let gold = c.gold.map(|(n, g)| {
            let a = &articles[n];
            let g = &a.attributions[g];
            let join = |p: &[Span]| p.iter().map(|s| s.text(&a.text)).collect::<Vec<_>>().join(" ");
            format!(
                "gold cue `{}` source `{}` | tool cue `{}` speaker `{}`",
                join(&g.cue),
                g.source.as_deref().map(join).unwrap_or_default(),
                c.cue.text(&a.text),
                c.speaker.map_or("", |s| s.text(&a.text))
            )
        });
        let _ = writeln!(out, "{s:.2}\t{}\t{}\t{}", gold.unwrap_or_default(), c.form, c.context);
    }
}

/// Whether two pieces of text share half their words each way (the strict match, by
/// whitespace words).
fn half(text: &str, gold: &[Span], tool: Span) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let g: Vec<String> = gold.iter().flat_map(|s| words(s.text(text))).collect();
    let t = words(tool.text(text));
    let shared = g.iter().filter(|w| t.contains(w)).count();
    2 * shared >= g.len() && 2 * shared >= t.len()
}

/// Of the candidates taken at `t` that find a gold attribution, how many miss the strict match
/// by their cue's words or their speaker's, with examples of each.
fn strict_misses(out: &mut impl Write, articles: &[Article], cands: &[Vec<(f32, &Labelled)>], t: f32) {
    let (mut cue, mut speaker, mut ok) = (Vec::new(), Vec::new(), 0);
    for (s, c) in cands.iter().flatten().filter(|(s, c)| *s >= t && c.gold.is_some()) {
        let Some((n, g)) = c.gold else { continue };
        let (a, g) = (&articles[n], &articles[n].attributions[g]);
        let join = |p: &[Span]| p.iter().map(|s| s.text(&a.text)).collect::<Vec<_>>().join(" ");
        let line = format!(
            "{s:.1} gold `{}` / `{}` tool `{}` / `{}`",
            join(&g.cue),
            g.source.as_deref().map(join).unwrap_or_default(),
            c.cue.text(&a.text),
            c.speaker.map_or("", |x| x.text(&a.text))
        );
        if !half(&a.text, &g.cue, c.cue) {
            cue.push(line);
        } else if let (Some(src), Some(sp)) = (&g.source, c.speaker)
            && !half(&a.text, src, sp)
        {
            speaker.push(line);
        } else {
            ok += 1;
        }
    }
    let _ = writeln!(
        out,
        "taken and found: {ok} strict, {} not by the cue, {} not by the speaker",
        cue.len(),
        speaker.len()
    );
    for l in cue.iter().take(25).chain(speaker.iter().take(15)) {
        let _ = writeln!(out, "  {l}");
    }
}

/// The options, with their defaults.
struct Opts {
    epochs: usize,
    min_count: usize,
    p_drop: f64,
    strict_drop: f64,
    folds: usize,
    list: usize,
    /// Features fewer examples hold are left out of training.
    min_feature: usize,
    /// Every form of a stem that is a cue `min_count` times asked about as well.
    stems: bool,
    /// `--logistic L2`: a logistic regression with that L2 weight in place of the perceptron.
    logistic: Option<f64>,
    iterations: usize,
    rate: f64,
}

/// A model trained on the articles `held` leaves, its vocabulary the forms that are cues at
/// least `min_count` times there.
fn fold_model(labelled: &[Vec<Labelled>], held: impl Fn(usize) -> bool, o: &Opts) -> Model {
    let vocab = vocabulary(labelled, &held, o.min_count);
    let examples: Vec<Example> = labelled
        .iter()
        .enumerate()
        .filter(|(n, _)| !held(*n))
        .flat_map(|(_, c)| c.iter())
        .map(|c| Example { features: c.features.clone(), cue: c.gold.is_some() })
        .collect();
    let examples = frequent_features(examples, o.min_feature);
    let weights = match o.logistic {
        Some(l2) => cue_model::train_logistic(&examples, o.iterations, o.rate, l2),
        None => cue_model::train(&examples, o.epochs, 18),
    };
    Model::new(weights, vocab, 0.0).with_stems(stem_vocabulary(labelled, &held, o))
}

/// The examples with only the features at least `min` of them hold: a feature seen once or
/// twice gets a weight that fits those examples and says nothing of others.
fn frequent_features(mut examples: Vec<Example>, min: usize) -> Vec<Example> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for e in &examples {
        for f in &e.features {
            *count.entry(f.clone()).or_default() += 1;
        }
    }
    for e in &mut examples {
        e.features.retain(|f| count.get(f).is_some_and(|k| *k >= min));
    }
    examples
}

/// Per article, its candidates of the vocabulary with their scores by `model_of(article)`.
fn scored<'a>(labelled: &'a [Vec<Labelled>], model_of: impl Fn(usize) -> &'a Model) -> Vec<Vec<(f32, &'a Labelled)>> {
    labelled
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let m = model_of(n);
            c.iter().filter(|c| m.knows(&c.form)).map(|c| (m.score(&c.features), c)).collect()
        })
        .collect()
}

/// The threshold with the best F1 whose overlap precision stays within `p_drop` and strict
/// precision within `strict_drop` of the listed cues' own, tried at about 200 points of the
/// scores; with its figures.
fn threshold(articles: &[Article], base: &[Vec<Found>], cands: &[Vec<(f32, &Labelled)>], o: &Opts) -> (f32, [f64; 4]) {
    let none = figures(articles, base, cands, f32::INFINITY);
    let mut scores: Vec<f32> = cands.iter().flatten().map(|(s, _)| *s).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    let step = (scores.len() / 200).max(1);
    let mut best = (f32::INFINITY, none);
    for (k, &t) in scores.iter().step_by(step).enumerate() {
        let f = figures(articles, base, cands, t);
        if std::env::var_os("CUE_MODEL_CURVE").is_some() && k % 10 == 0 {
            curve_point(t, &f);
        }
        if f[0] + o.p_drop >= none[0] && f[3] + o.strict_drop >= none[3] && f[2] > best.1[2] {
            best = (t, f);
        }
    }
    best
}

/// The gold attributions the listed cues miss, by what the candidates make of them at
/// threshold `t`; and the gold cues no candidate touches, most frequent first.
fn diagnose(
    out: &mut impl Write,
    articles: &[Article],
    base: &[Vec<Found>],
    labelled: &[Vec<Labelled>],
    cands: &[Vec<(f32, &Labelled)>],
    t: f32,
) {
    let mut classes: [usize; 5] = [0; 5];
    let mut untouched: HashMap<String, usize> = HashMap::new();
    for (n, a) in articles.iter().enumerate() {
        for (g, gold) in a.attributions.iter().enumerate() {
            if base[n].iter().any(|f| finds(gold, f.cue, f.speaker)) {
                continue;
            }
            let is = |c: &Labelled| c.gold == Some((n, g));
            let class = if cands[n].iter().any(|(s, c)| *s >= t && is(c)) {
                0
            } else if cands[n].iter().any(|(_, c)| is(c)) {
                if std::env::var_os("CUE_MODEL_BELOW").is_some() {
                    for (s, c) in cands[n].iter().filter(|(_, c)| is(c)) {
                        let _ = writeln!(out, "BELOW\t{s:.2}\t{}\t{}", c.form, c.context);
                    }
                }
                1
            } else if labelled[n].iter().any(is) {
                if std::env::var_os("CUE_MODEL_UNSEEN").is_some() {
                    for c in labelled[n].iter().filter(|c| is(c)) {
                        let _ = writeln!(out, "UNSEEN\t{}\t{}", c.form, c.context);
                    }
                }
                2
            } else if labelled[n].iter().any(|c| overlaps(&gold.cue, c.cue)) {
                3
            } else {
                let cue = gold.cue.iter().map(|s| s.text(&a.text).to_lowercase()).collect::<Vec<_>>().join(" ");
                if std::env::var_os("CUE_MODEL_UNTOUCHED").is_some() {
                    let at = gold.cue[0];
                    let from = a.text[..at.start].rfind('\n').map_or(0, |i| i + 1);
                    let to = a.text[at.end..].find('\n').map_or(a.text.len(), |i| at.end + i);
                    let src =
                        gold.source.as_deref().map(|p| p.iter().map(|s| s.text(&a.text)).collect::<Vec<_>>().join(" "));
                    let _ = writeln!(out, "UNTOUCHED\t{cue}\t{}\t{}", src.unwrap_or_default(), &a.text[from..to]);
                }
                *untouched.entry(cue).or_default() += 1;
                4
            };
            classes[class] += 1;
        }
    }
    let names =
        ["taken", "below the threshold", "form not in the vocabulary", "candidate, other speaker", "no candidate"];
    let _ = writeln!(out, "gold the listed cues miss, by what the candidates make of them:");
    for (name, k) in names.iter().zip(classes) {
        let _ = writeln!(out, "  {name:<28} {k}");
    }
    let mut top: Vec<(String, usize)> = untouched.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let top: Vec<String> = top.iter().take(40).map(|(c, k)| format!("{c} {k}")).collect();
    let _ = writeln!(out, "  most frequent gold cues with no candidate: {}", top.join(", "));
}

/// Per layout of the reading (`lay=`), the candidates, the cues among them, and those taken
/// at `t` with how many of them are cues: which kinds of candidate the classifier trusts.
fn by_layout(out: &mut impl Write, cands: &[Vec<(f32, &Labelled)>], t: f32) {
    let mut rows: HashMap<&str, [usize; 4]> = HashMap::new();
    for (s, c) in cands.iter().flatten() {
        let layout = c.features.iter().find_map(|f| f.strip_prefix("lay=")).unwrap_or("-");
        let row = rows.entry(layout).or_default();
        let cue = usize::from(c.gold.is_some());
        let taken = usize::from(*s >= t);
        *row = [row[0] + 1, row[1] + cue, row[2] + taken, row[3] + taken * cue];
    }
    let mut rows: Vec<(&str, [usize; 4])> = rows.into_iter().collect();
    rows.sort_by(|a, b| b.1[0].cmp(&a.1[0]).then_with(|| a.0.cmp(b.0)));
    let _ = writeln!(out, "candidates of the vocabulary by layout: all, cues, taken, taken cues");
    for (layout, [n, cues, taken, hit]) in rows {
        let _ = writeln!(out, "  {layout:<32} {n:>6} {cues:>5} {taken:>5} {hit:>5}");
    }
}

/// The committed model (the one embedded in this build) and the new one, each scored with its
/// own threshold on every candidate of train, beside each other: both have seen all of train
/// (their folds' mean), so the pair compares like with like where the cross-validated figure
/// above cannot (the committed model has no held-out scores). A retrain is worth taking only
/// when it beats the committed model here and on dev.
fn beside_committed(
    out: &mut impl Write,
    articles: &[Article],
    base: &[Vec<Found>],
    labelled: &[Vec<Labelled>],
    new: &Model,
) {
    for (name, model) in [("committed", Model::embedded()), ("new", new)] {
        let cands = scored(labelled, |_| model);
        let [p, r, f, sp] = figures(articles, base, &cands, model.threshold);
        let taken = cands.iter().flatten().filter(|(s, _)| *s >= model.threshold).count();
        let _ = writeln!(
            out,
            "train, {name} model (in-sample) at {:.4}: P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3}); {taken} taken",
            model.threshold
        );
    }
}

/// The model written: the folds' mean `weights` at threshold `t`, its vocabulary the forms
/// (and with `--stems` the stems) some candidate of train takes at the threshold, without the
/// word and stem features of any other (they never score a candidate).
fn final_model(labelled: &[Vec<Labelled>], weights: HashMap<String, f32>, t: f32, o: &Opts) -> Model {
    let mean = Model::new(weights, vocabulary(labelled, |_| false, o.min_count), t).with_stems(stem_vocabulary(
        labelled,
        |_| false,
        o,
    ));
    let taken: Vec<&Labelled> =
        labelled.iter().flatten().filter(|c| mean.knows(&c.form) && mean.score(&c.features) >= t).collect();
    let vocab: HashSet<String> = taken.iter().map(|c| c.form.clone()).collect();
    let stems: HashSet<String> =
        if o.stems { vocab.iter().map(|v| cue_model::stem(v).to_owned()).collect() } else { HashSet::new() };
    let weights = mean
        .weights()
        .iter()
        .filter(|(f, _)| {
            let word = |prefix: &str| f.strip_prefix(prefix).map(|rest| rest.split('|').next().unwrap_or(rest));
            match (word("w="), word("l=")) {
                (Some(w), _) => vocab.contains(w) || stems.contains(cue_model::stem(w)),
                (_, Some(stem)) => stems.contains(stem) || vocab.iter().any(|v| v.starts_with(stem)),
                _ => true,
            }
        })
        .map(|(f, w)| (f.clone(), *w))
        .collect();
    let _ = writeln!(std::io::stderr(), "vocabulary kept: {} forms, {} stems", vocab.len(), stems.len());
    Model::new(weights, vocab, t).with_stems(stems)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    install_models(&args)?;
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let train_dir = arg(&args, "--train").map_or_else(|| root.join("../shared/data/polnear/train"), PathBuf::from);
    let model_path = arg(&args, "--out").map_or_else(|| root.join("crates/extract/model/cues.model"), PathBuf::from);
    let num = |name: &str, default: f64| arg(&args, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(default);
    let o = Opts {
        epochs: num("--epochs", 8.0) as usize,
        min_count: num("--min-count", 2.0) as usize,
        p_drop: num("--precision-drop", 0.035),
        strict_drop: num("--strict-drop", 0.04),
        folds: (num("--folds", 5.0) as usize).max(2),
        list: num("--list", 0.0) as usize,
        stems: args.iter().any(|a| a == "--stems"),
        min_feature: num("--min-feature", 1.0) as usize,
        logistic: arg(&args, "--logistic").and_then(|v| v.parse::<f64>().ok()),
        iterations: num("--iterations", 300.0) as usize,
        rate: num("--rate", 0.05),
    };
    let packs = pack::load_packs(&[root.join("rules")]).map_err(|_| "error: the packs do not load")?;
    let mut rules = extract::RuleSet::compile(&packs).map_err(|_| "error: the packs do not compile")?;
    rules.set_learned_cues(false);
    let articles = polnear::load(&train_dir).map_err(|e| e.to_string())?;
    let (labelled, base) = label(&rules, &articles);
    let positives = labelled.iter().flatten().filter(|c| c.gold.is_some()).count();
    let total = labelled.iter().map(Vec::len).sum::<usize>();
    let _ = writeln!(err, "{} articles; {total} candidates, {positives} cues", articles.len());
    // K folds: each article scored by the model that did not see it.
    let k = o.folds;
    let models: Vec<Model> = (0..k).map(|f| fold_model(&labelled, |n| n % k == f, &o)).collect();
    let oof = scored(&labelled, |n| &models[n % k]);
    let (t, [p, r, f, sp]) = threshold(&articles, &base, &oof, &o);
    let [p0, r0, f0, sp0] = figures(&articles, &base, &oof, f32::INFINITY);
    let _ = writeln!(err, "train, listed cues only: P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3})");
    let _ = writeln!(
        err,
        "train, {k}-fold learned cues at threshold {t:.4}: P {p:.4} R {r:.4} F1 {f:.4} (strict P {sp:.4})"
    );
    diagnose(&mut err, &articles, &base, &labelled, &oof, t);
    by_layout(&mut err, &oof, t);
    strict_misses(&mut err, &articles, &oof, num("--strict-at", f64::from(t)) as f32);
    let mut best: Vec<(f32, &Labelled)> = oof.iter().flatten().copied().collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    list_best(&mut out, &articles, &best[..o.list.min(best.len())]);
    // The model written: the folds' weights averaged (its score is the mean of theirs, the
    // scale the threshold was tuned on); its vocabulary the forms some candidate of train
    // takes at the threshold.
    let mut weights: HashMap<String, f32> = HashMap::new();
    for m in &models {
        for (feature, w) in m.weights() {
            *weights.entry(feature.clone()).or_default() += w / k as f32;
        }
    }
    let model = final_model(&labelled, weights, t, &o);
    let (epochs, min_count, p_drop, strict_drop) = (o.epochs, o.min_count, o.p_drop, o.strict_drop);
    let learner = match o.logistic {
        Some(l2) => format!("Logistic regression (L2 {l2}, {} full-batch steps of {})", o.iterations, o.rate),
        None => format!("Averaged perceptron, {epochs} epochs"),
    };
    let header = format!(
        "Learned cue classifier (extract::cue_model), written by `cargo run --release -p eval --example cue_model`.\n\
         {learner}, the mean of {k} models each trained on PolNeAR train minus one fold\n\
         (every {k}th article); vocabulary: forms that are cues at least {min_count} times in train and that some\n\
         candidate of train takes; threshold tuned on the {k} held-out folds' scores\n\
         (attribution F1, overlap precision within {p_drop} of the listed cues' own, strict within {strict_drop}):\n\
         P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3}) -> P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3})."
    );
    let written = model.write(&header, num("--min-weight", 0.05) as f32);
    // The new model as the engine will read it (small weights left out).
    beside_committed(&mut err, &articles, &base, &labelled, &Model::parse(&written));
    std::fs::write(&model_path, written).map_err(|e| format!("error: {}: {e}", model_path.display()))?;
    let _ = writeln!(err, "wrote {}", model_path.display());
    Ok(())
}
