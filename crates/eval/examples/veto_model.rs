//! Trains the veto on listed cues' attributions (`extract::engine::veto`, a model of
//! `extract::cue_model`) on PolNeAR train and writes the model the engine embeds.
//!
//! `cargo run --release -p eval --example veto_model -- [--train DIR] [--out FILE]
//!   [--epochs N] [--folds K] [--strict-drop D] [--min-weight W]`
//!
//! Every attribution a listed cue makes in an article (`RuleSet::judged_attributions`, those
//! with features) is an example; it is kept when its cue overlaps a gold Cue whose Source its
//! speaker overlaps (or that has no Source), the eval's own match. The articles are cut into
//! `--folds` folds (default 5, article index modulo K); a model trained on the others
//! (`--epochs`, default 8) scores each fold's attributions. The threshold is the one that
//! maximises attribution F1 over all of train so scored (every attribution, those of listed
//! cues scoring under it left out) with strict precision no more than `--strict-drop`
//! (default 0) under the unvetoed one's. The model written is the mean of the K models.
//! Nothing of the dev split is read.

mod common;

use common::{arg, curve_point};
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
}

fn judge(rules: &extract::RuleSet, articles: &[Article]) -> Vec<Vec<Judged>> {
    articles
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let document = a.document(n);
            let parsed = parse::parse(&document);
            rules
                .judged_attributions(&parsed)
                .into_iter()
                .map(|(record, features)| {
                    let found = Found::from_record(&record);
                    let keep = a.attributions.iter().any(|g| finds(g, &found));
                    Judged { found, features, keep }
                })
                .collect()
        })
        .collect()
}

/// The articles scored with every attribution but the judged ones scoring under `t`:
/// (overlap P, R, F1, strict P).
fn figures(articles: &[Article], judged: &[Vec<(Option<f32>, &Judged)>], t: f32) -> [f64; 4] {
    let found: Vec<Vec<Found>> = judged
        .iter()
        .map(|j| j.iter().filter(|(s, _)| s.is_none_or(|s| s >= t)).map(|(_, j)| j.found.clone()).collect())
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

/// The threshold with the best F1 whose strict precision stays within `strict_drop` of the
/// unvetoed one's, tried at about 300 points of the scores; with the unvetoed and its figures.
fn threshold(
    articles: &[Article],
    scored: &[Vec<(Option<f32>, &Judged)>],
    strict_drop: f64,
) -> (f32, [f64; 4], [f64; 4]) {
    let none = figures(articles, scored, f32::NEG_INFINITY);
    let mut scores: Vec<f32> = scored.iter().flatten().filter_map(|(s, _)| *s).collect();
    scores.sort_by(f32::total_cmp);
    let step = (scores.len() / 300).max(1);
    let mut best = (f32::NEG_INFINITY, none);
    for &t in scores.iter().step_by(step) {
        let f = figures(articles, scored, t);
        if std::env::var_os("VETO_CURVE").is_some() {
            curve_point(t, &f);
        }
        if f[3] + strict_drop >= none[3] && f[2] > best.1[2] {
            best = (t, f);
        }
    }
    (best.0, none, best.1)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let mut err = std::io::stderr().lock();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let train_dir = arg(&args, "--train").map_or_else(|| root.join("../shared/data/polnear/train"), PathBuf::from);
    let model_path = arg(&args, "--out").map_or_else(|| root.join("crates/extract/model/veto.model"), PathBuf::from);
    let num = |name: &str, default: f64| arg(&args, name).and_then(|v| v.parse::<f64>().ok()).unwrap_or(default);
    let (epochs, k, strict_drop) =
        (num("--epochs", 8.0) as usize, (num("--folds", 5.0) as usize).max(2), num("--strict-drop", 0.0));
    let packs = pack::load_packs(&[root.join("rules")]).map_err(|_| "error: the packs do not load")?;
    let rules = extract::RuleSet::compile(&packs).map_err(|_| "error: the packs do not compile")?;
    let articles = polnear::load(&train_dir).map_err(|e| e.to_string())?;
    let judged = judge(&rules, &articles);
    let examples: Vec<&Judged> = judged.iter().flatten().filter(|j| j.features.is_some()).collect();
    let kept = examples.iter().filter(|j| j.keep).count();
    let _ = writeln!(err, "{} articles; {} judged attributions, {kept} find gold", articles.len(), examples.len());
    let models: Vec<Model> = (0..k).map(|f| fold_model(&judged, |n| n % k == f, epochs)).collect();
    let oof: Vec<Vec<(Option<f32>, &Judged)>> = judged
        .iter()
        .enumerate()
        .map(|(n, js)| js.iter().map(|j| (j.features.as_ref().map(|f| models[n % k].score(f)), j)).collect())
        .collect();
    let (t, [p0, r0, f0, sp0], [p, r, f, sp]) = threshold(&articles, &oof, strict_drop);
    let vetoed = oof.iter().flatten().filter(|(s, _)| s.is_some_and(|s| s < t)).count();
    let wrong = oof.iter().flatten().filter(|(s, j)| j.keep && s.is_some_and(|s| s < t)).count();
    let _ = writeln!(err, "train, no veto: P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3})");
    let _ = writeln!(
        err,
        "train, {k}-fold veto under {t:.4}: P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3}); {vetoed} vetoed, {wrong} of them gold"
    );
    let mut weights: HashMap<String, f32> = HashMap::new();
    for m in &models {
        for (feature, w) in m.weights() {
            *weights.entry(feature.clone()).or_default() += w / k as f32;
        }
    }
    let model = Model::new(weights, HashSet::new(), t);
    let header = format!(
        "Veto on listed cues' attributions (extract::engine::veto), written by `cargo run --release -p eval --example veto_model`.\n\
         Averaged perceptron, {epochs} epochs, the mean of {k} models each trained on PolNeAR train minus one fold\n\
         (every {k}th article); threshold tuned on the {k} held-out folds' scores (attribution F1, strict precision\n\
         within {strict_drop} of the unvetoed):\n\
         P {p0:.3} R {r0:.3} F1 {f0:.3} (strict P {sp0:.3}) -> P {p:.3} R {r:.3} F1 {f:.3} (strict P {sp:.3})."
    );
    std::fs::write(&model_path, model.write(&header, num("--min-weight", 0.05) as f32))
        .map_err(|e| format!("error: {}: {e}", model_path.display()))?;
    let _ = writeln!(err, "wrote {}", model_path.display());
    Ok(())
}
