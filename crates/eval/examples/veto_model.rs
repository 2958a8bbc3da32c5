//! Trains the veto on listed cues' attributions (`extract::engine::veto`, a model of
//! `extract::cue_model`) on PolNeAR train and writes the model the engine embeds.
//!
//! `cargo run --release -p eval --example veto_model -- [--train DIR] [--out FILE]
//!   [--epochs N] [--folds K] [--strict-drop D] [--precision-drop D] [--beta B]
//!   [--speakerless-drop D] [--min-weight W] [--syntax-model FILE]`
//!
//! `--syntax-model FILE` parses with that model file in place of the embedded one, so that a
//! veto goes with a retrained parser.
//!
//! Every attribution a listed cue makes in an article (`RuleSet::veto_candidates`, those
//! with features) is an example; it is kept when its cue overlaps a gold Cue whose Source its
//! speaker overlaps (or that has no Source), the eval's own match. Those with no speaker read
//! (a listed cue the reading gave no attribution, or none with a speaker) are examples too,
//! with features of their own (`ns|`). The articles are cut into `--folds` folds (default 5,
//! article index modulo K); a model trained on the others (`--epochs`, default 8) scores each
//! fold's attributions. Two thresholds are tuned over all of train so scored: the veto's, the
//! one maximising F-beta (`--beta`, default 0.85: precision the learned cues then spend on
//! recall) with strict and overlap precision no more than `--strict-drop` and
//! `--precision-drop` (default 0) under the unvetoed one's; then, that fixed, the one on
//! speakerless attributions, maximising F1 with both precisions no more than
//! `--speakerless-drop` (default 0.003) under the vetoed. The model written is the mean of the
//! K models, the second threshold written as a shift of the weight of `ns|bias`.
//! Printed beside each other at the end: the committed veto's figures on train and the new
//! one's (both in-sample, each at its own threshold): a retrain is taken only when it beats the
//! committed veto there and on dev (`claimcheck eval --polnear ../shared/data/polnear/dev
//! --veto-model FILE` scores the file written with `--out FILE` without rebuilding).
//! Nothing of the dev split is read.

mod common;

use common::{arg, curve_point, install_models};
use eval::polnear::{self, Article, Found, GoldAttribution};
use extract::cue_model::{self, Example, Model};
use parse::Span;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

fn finds(g: &GoldAttribution, f: &Found) -> bool {
    let overlaps = |pieces: &[Span], s: Span| pieces.iter().any(|p| p.overlaps(s));
    overlaps(&g.cue, f.cue)
        && match (&g.source, f.speaker) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(s), Some(sp)) => overlaps(s, sp),
        }
}

/// One attribution of an article: what the eval reads, the veto's features if it judges it,
/// and whether it finds a gold attribution.
struct Judged {
    found: Found,
    features: Option<Vec<String>>,
    keep: bool,
    /// Found no speaker: stands only when the veto accepts it.
    speakerless: bool,
}

fn judge(rules: &extract::RuleSet, articles: &[Article]) -> Vec<Vec<Judged>> {
    articles
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let document = a.document(n);
            let parsed = parse::parse(&document);
            rules
                .veto_candidates(&parsed)
                .into_iter()
                .map(|j| {
                    let found = Found::from_record(&j.attribution);
                    let keep = a.attributions.iter().any(|g| finds(g, &found));
                    Judged { found, features: j.features, keep, speakerless: j.speakerless }
                })
                .collect()
        })
        .collect()
}

/// The articles scored with every attribution but the judged ones scoring under `t`, the
/// speakerless ones under `t_ns` (and those without a score): (overlap P, R, F1, strict P).
fn figures(articles: &[Article], judged: &[Vec<(Option<f32>, &Judged)>], t: f32, t_ns: f32) -> [f64; 4] {
    let stands = |s: Option<f32>, j: &Judged| match s {
        Some(s) => s >= if j.speakerless { t_ns } else { t },
        None => !j.speakerless,
    };
    let found: Vec<Vec<Found>> = judged
        .iter()
        .map(|js| js.iter().filter(|(s, j)| stands(*s, j)).map(|(_, j)| j.found.clone()).collect())
        .collect();
    let s = polnear::score(articles, &found, &[]);
    [s.overlap.precision, s.overlap.recall, s.overlap.f1, s.strict.precision]
}

fn fold_model(judged: &[Vec<Judged>], held: impl Fn(usize) -> bool, epochs: usize) -> Model {
    let examples: Vec<Example> = judged
        .iter()
        .enumerate()
        .filter(|(n, _)| !held(*n))
        .flat_map(|(_, j)| j.iter())
        .filter_map(|j| j.features.as_ref().map(|f| Example { features: f.clone(), cue: j.keep }))
        .collect();
    Model::new(cue_model::train(&examples, epochs, 18), HashSet::new(), 0.0)
}

/// The limits a threshold keeps: overlap and strict precision no more than these under a
/// reference's.
struct Limits {
    precision_drop: f64,
    strict_drop: f64,
    /// The F-measure maximised weighs recall `beta` times precision (1: F1; under 1 the
    /// veto leaves the learned cues precision to spend on recall).
    beta: f64,
}

/// F-beta of (P, R).
fn f_beta(f: &[f64; 4], beta: f64) -> f64 {
    let b2 = beta * beta;
    let d = b2 * f[0] + f[1];
    if d > 0.0 { (1.0 + b2) * f[0] * f[1] / d } else { 0.0 }
}

/// The threshold, among about 300 points of the scores of the attributions `speakerless`
/// selects, with the best F1 whose overlap and strict precision stay within `limits` of
/// `reference`'s; `at(t)` gives the figures at `t`. Without one, `none` with the reference.
fn best_threshold(
    scored: &[Vec<(Option<f32>, &Judged)>],
    speakerless: bool,
    reference: [f64; 4],
    limits: &Limits,
    none: f32,
    at: impl Fn(f32) -> [f64; 4],
) -> (f32, [f64; 4]) {
    let mut scores: Vec<f32> =
        scored.iter().flatten().filter(|(_, j)| j.speakerless == speakerless).filter_map(|(s, _)| *s).collect();
    scores.sort_by(f32::total_cmp);
    let step = (scores.len() / 300).max(1);
    let mut best = (none, reference);
    for &t in scores.iter().step_by(step) {
        let f = at(t);
        if std::env::var_os("VETO_CURVE").is_some() {
            curve_point(t, &f);
        }
        let within = f[0] + limits.precision_drop >= reference[0] && f[3] + limits.strict_drop >= reference[3];
        if within && f_beta(&f, limits.beta) > f_beta(&best.1, limits.beta) {
            best = (t, f);
        }
    }
    best
}

/// The two thresholds: the veto's on attributions with a speaker, tuned against the unvetoed
/// figures (no speakerless attribution standing), then the one on speakerless attributions,
/// tuned against the vetoed figures, so that taking them never costs the precision the veto
/// won. Returns (t, t_ns, unvetoed, vetoed, final figures).
fn thresholds(
    articles: &[Article],
    scored: &[Vec<(Option<f32>, &Judged)>],
    limits: &Limits,
    speakerless_drop: f64,
) -> (f32, f32, [[f64; 4]; 3]) {
    let none = figures(articles, scored, f32::NEG_INFINITY, f32::INFINITY);
    let (t, vetoed) =
        best_threshold(scored, false, none, limits, f32::NEG_INFINITY, |t| figures(articles, scored, t, f32::INFINITY));
    let strict = Limits { precision_drop: speakerless_drop, strict_drop: speakerless_drop, beta: 1.0 };
    let (t_ns, all) = best_threshold(scored, true, vetoed, &strict, f32::INFINITY, |u| figures(articles, scored, t, u));
    (t, t_ns, [none, vetoed, all])
}

/// The committed veto (the one embedded in this build) and the new one, each scored with its
/// own threshold on every attribution of train, beside each other: both have seen all of train
/// (their folds' mean), so the pair compares like with like where the cross-validated figures
/// above cannot (the committed model has no held-out scores). A retrain is worth taking only
/// when it beats the committed model here and on dev.
fn beside_committed(out: &mut impl Write, articles: &[Article], judged: &[Vec<Judged>], new: &Model) {
    for (name, model) in [("committed", Model::embedded_veto()), ("new", new)] {
        let scored: Vec<Vec<(Option<f32>, &Judged)>> = judged
            .iter()
            .map(|js| js.iter().map(|j| (j.features.as_ref().map(|f| model.score(f)), j)).collect())
            .collect();
        // One threshold for both: the speakerless attributions' is written into `ns|bias`.
        let t = model.threshold;
        let [p, r, f, sp] = figures(articles, &scored, t, t);
        let vetoed = scored.iter().flatten().filter(|(s, j)| !j.speakerless && s.is_some_and(|s| s < t)).count();
        let taken = scored.iter().flatten().filter(|(s, j)| j.speakerless && s.is_some_and(|s| s >= t)).count();
        let _ = writeln!(
            out,
            "train, {name} veto (in-sample) at {t:.4}: P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3}); {vetoed} vetoed, {taken} speakerless taken"
        );
    }
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    install_models(&args)?;
    let mut err = std::io::stderr().lock();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let train_dir = arg(&args, "--train").map_or_else(|| root.join("../shared/data/polnear/train"), PathBuf::from);
    let model_path = arg(&args, "--out").map_or_else(|| root.join("crates/extract/model/veto.model"), PathBuf::from);
    let num = |name: &str, default: f64| arg(&args, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(default);
    let (epochs, k, strict_drop, precision_drop) = (
        num("--epochs", 8.0) as usize,
        (num("--folds", 5.0) as usize).max(2),
        num("--strict-drop", 0.0),
        num("--precision-drop", 0.0),
    );
    let packs = pack::load_packs(&[root.join("rules")]).map_err(|_| "error: the packs do not load")?;
    let rules = extract::RuleSet::compile(&packs).map_err(|_| "error: the packs do not compile")?;
    let articles = polnear::load(&train_dir).map_err(|e| e.to_string())?;
    let judged = judge(&rules, &articles);
    let examples: Vec<&Judged> = judged.iter().flatten().filter(|j| j.features.is_some()).collect();
    let kept = examples.iter().filter(|j| j.keep).count();
    let _ = writeln!(err, "{} articles; {} judged attributions, {kept} find gold", articles.len(), examples.len());
    let speakerless: Vec<&&Judged> = examples.iter().filter(|j| j.speakerless).collect();
    let found = speakerless.iter().filter(|j| j.keep).count();
    let _ = writeln!(err, "  of them without a speaker: {}, {found} find gold", speakerless.len());
    let models: Vec<Model> = (0..k).map(|f| fold_model(&judged, |n| n % k == f, epochs)).collect();
    let oof: Vec<Vec<(Option<f32>, &Judged)>> = judged
        .iter()
        .enumerate()
        .map(|(n, js)| js.iter().map(|j| (j.features.as_ref().map(|f| models[n % k].score(f)), j)).collect())
        .collect();
    let limits = Limits { precision_drop, strict_drop, beta: num("--beta", 0.85) };
    let (t, t_ns, [[p0, r0, f0, sp0], [p1, r1, f1, sp1], [p, r, f, sp]]) =
        thresholds(&articles, &oof, &limits, num("--speakerless-drop", 0.003));
    let vetoed = oof.iter().flatten().filter(|(s, j)| !j.speakerless && s.is_some_and(|s| s < t)).count();
    let wrong = oof.iter().flatten().filter(|(s, j)| !j.speakerless && j.keep && s.is_some_and(|s| s < t)).count();
    let taken = oof.iter().flatten().filter(|(s, j)| j.speakerless && s.is_some_and(|s| s >= t_ns)).count();
    let right = oof.iter().flatten().filter(|(s, j)| j.speakerless && j.keep && s.is_some_and(|s| s >= t_ns)).count();
    let _ = writeln!(err, "train, no veto: P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3})");
    let _ = writeln!(
        err,
        "train, {k}-fold veto under {t:.4}: P {p1:.3} R {r1:.3} F1 {f1:.3} (strict P {sp1:.3}); {vetoed} vetoed, {wrong} of them gold"
    );
    let _ = writeln!(
        err,
        "train, {k}-fold speakerless at {t_ns:.4}: P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3}); {taken} taken, {right} of them gold"
    );
    let mut weights: HashMap<String, f32> = HashMap::new();
    for m in &models {
        for (feature, w) in m.weights() {
            *weights.entry(feature.clone()).or_default() += w / k as f32;
        }
    }
    // One threshold in the file: the speakerless attributions' bias moved so that theirs is
    // the veto's (every speakerless feature set holds `ns|bias`). None taken: never reached.
    let shift = if t_ns.is_finite() { t - t_ns } else { -1.0e6 };
    *weights.entry("ns|bias".to_owned()).or_default() += shift;
    let model = Model::new(weights, HashSet::new(), t);
    let header = format!(
        "Veto on listed cues' attributions (extract::engine::veto), written by `cargo run --release -p eval --example veto_model`.\n\
         Averaged perceptron, {epochs} epochs, the mean of {k} models each trained on PolNeAR train minus one fold\n\
         (every {k}th article); threshold tuned on the {k} held-out folds' scores (attribution F1, strict precision\n\
         within {strict_drop} and overlap precision within {precision_drop} of the unvetoed), then the speakerless\n\
         attributions' (F1, neither precision under the vetoed), written as a shift of `ns|bias`:\n\
         P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3}) -> vetoed P {p1:.3} R {r1:.3} F1 {f1:.3} (strict P {sp1:.3})\n\
         -> with speakerless P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3})."
    );
    let written = model.write(&header, num("--min-weight", 0.05) as f32);
    // The new model as the engine will read it (small weights left out).
    beside_committed(&mut err, &articles, &judged, &Model::parse(&written));
    std::fs::write(&model_path, written).map_err(|e| format!("error: {}: {e}", model_path.display()))?;
    let _ = writeln!(err, "wrote {}", model_path.display());
    Ok(())
}
