//! Trains the learned cue classifier (`extract::cue_model`) on PolNeAR train and writes the
//! model the engine embeds.
//!
//! `cargo run --release -p eval --example cue_model -- [--train DIR] [--out FILE]
//!   [--epochs N] [--min-count N] [--precision-drop D] [--strict-drop D] [--folds K] [--list N]`
//!
//! Every candidate word of every article (`RuleSet::cue_candidates`: a verb or noun outside
//! cue lists and quotations that the parse gives a speaker) is an example; it is a cue when it
//! overlaps a gold Cue whose Source its speaker overlaps (or that has no Source) and which
//! the listed cues do not already find. Articles whose index is a multiple of `--folds`
//! (default 5) are held out: the model is trained on every candidate of the rest (`--epochs`,
//! default 8), its vocabulary is the word forms that are cues at least `--min-count` times
//! (default 2) there, and the threshold is the one that maximises attribution F1 on the
//! held-out articles (the engine's own attributions plus the candidates of the vocabulary
//! above it) with overlap precision no more than `--precision-drop` (default 0.005) and strict
//! precision no more than `--strict-drop` (default 0.001) under the listed cues' own. `--list N` prints the N
//! best-scored held-out candidates for reading. Nothing of the dev split is read.

use eval::polnear::{self, Article, Found, GoldAttribution};
use extract::cue_model::{self, Example, Model};
use parse::Span;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1))
}

/// A candidate with its label and the gold it finds.
struct Labelled {
    form: String,
    /// The word and its speaker's words.
    cue: Span,
    speaker: Option<Span>,
    /// The line around it, for `CUE_MODEL_DEBUG`.
    context: String,
    features: Vec<String>,
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
            let added =
                c.iter().filter(|(s, _)| *s >= t).map(|(_, l)| Found { cue: l.cue, speaker: l.speaker, content: None });
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

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let train_dir = arg(&args, "--train").map_or_else(|| root.join("../shared/data/polnear/train"), PathBuf::from);
    let model_path = arg(&args, "--out").map_or_else(|| root.join("crates/extract/model/cues.model"), PathBuf::from);
    let num = |name: &str, default: f64| arg(&args, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(default);
    let (epochs, min_count, p_drop, folds) = (
        num("--epochs", 8.0) as usize,
        num("--min-count", 2.0) as usize,
        num("--precision-drop", 0.005),
        num("--folds", 5.0) as usize,
    );
    let packs = pack::load_packs(&[root.join("rules")]).map_err(|_| "error: the packs do not load")?;
    let mut rules = extract::RuleSet::compile(&packs).map_err(|_| "error: the packs do not compile")?;
    rules.set_learned_cues(false);
    let articles = polnear::load(&train_dir).map_err(|e| e.to_string())?;
    let (labelled, base) = label(&rules, &articles);
    let held = |n: usize| n.is_multiple_of(folds.max(2));
    let vocab = vocabulary(&labelled, held, min_count);
    let examples: Vec<Example> = labelled
        .iter()
        .enumerate()
        .filter(|(n, _)| !held(*n))
        .flat_map(|(_, c)| c.iter())
        .map(|c| Example { features: c.features.clone(), cue: c.gold.is_some() })
        .collect();
    let cues = examples.iter().filter(|e| e.cue).count();
    let _ = writeln!(
        err,
        "{} articles; vocabulary {} forms; {} training examples, {cues} cues",
        articles.len(),
        vocab.len(),
        examples.len()
    );
    let weights = cue_model::train(&examples, epochs, 18);
    let model = Model::new(weights, vocab, 0.0);
    // The held-out part: the engine's attributions scored, then the candidates added.
    let held_articles: Vec<Article> =
        articles.iter().enumerate().filter(|(n, _)| held(*n)).map(|(_, a)| a.clone()).collect();
    let held_base: Vec<Vec<Found>> =
        base.iter().enumerate().filter(|(n, _)| held(*n)).map(|(_, b)| b.clone()).collect();
    let held_cands: Vec<Vec<(f32, &Labelled)>> = labelled
        .iter()
        .enumerate()
        .filter(|(n, _)| held(*n))
        .map(|(_, c)| c.iter().filter(|c| model.knows(&c.form)).map(|c| (model.score(&c.features), c)).collect())
        .collect();
    let [p0, r0, f0, sp0] = figures(&held_articles, &held_base, &held_cands, f32::INFINITY);
    let _ = writeln!(err, "held out, listed cues only: P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3})");
    // `--list N`: the N best-scored held-out candidates, with their label and line.
    let list = num("--list", 0.0) as usize;
    let mut scored: Vec<(f32, &Labelled)> = held_cands.iter().flatten().copied().collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    list_best(&mut out, &articles, &scored[..list.min(scored.len())]);
    // The threshold: the best F1 whose precision, overlap and strict, stays up (strict within
    // `--strict-drop`, default 0.001, of the listed cues' own).
    let strict_drop = num("--strict-drop", 0.001);
    let mut best = (f32::INFINITY, f0);
    for &(t, _) in scored.iter().step_by(5) {
        let [p, _, f, sp] = figures(&held_articles, &held_base, &held_cands, t);
        if p + p_drop >= p0 && sp + strict_drop >= sp0 && f > best.1 {
            best = (t, f);
        }
    }
    let [p, r, f, sp] = figures(&held_articles, &held_base, &held_cands, best.0);
    let _ = writeln!(
        err,
        "held out, with learned cues at threshold {:.4}: P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3})",
        best.0
    );
    // The vocabulary kept: forms some candidate of train takes at that threshold. The others
    // never decide a cue there, and a sentence holding only them is not parsed for the model.
    let vocab: HashSet<String> = labelled
        .iter()
        .flatten()
        .filter(|c| model.knows(&c.form) && model.score(&c.features) >= best.0)
        .map(|c| c.form.clone())
        .collect();
    let _ = writeln!(err, "vocabulary kept: {} forms", vocab.len());
    let model = Model::new(model.weights().clone(), vocab, best.0);
    let header = format!(
        "Learned cue classifier (extract::cue_model), written by `cargo run --release -p eval --example cue_model`.\n\
         Averaged perceptron, {epochs} epochs, trained on PolNeAR train minus every {folds}th article; vocabulary:\n\
         forms that are cues at least {min_count} times there and that some candidate of train takes;\n\
         threshold tuned on the held-out articles\n\
         (attribution F1, overlap precision within {p_drop} of the listed cues' own, strict within {strict_drop}):\n\
         P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3}) -> P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3})."
    );
    std::fs::write(&model_path, model.write(&header, 0.005))
        .map_err(|e| format!("error: {}: {e}", model_path.display()))?;
    let _ = writeln!(err, "wrote {}", model_path.display());
    Ok(())
}
