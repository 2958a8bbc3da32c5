//! The veto on listed cues' attributions: a word of a cue list reports speech only in some
//! of its uses ("he *found* ways to win", "the ruling *proved* devastating"), and PolNeAR's
//! readers leave the others unmarked. An averaged perceptron of [`crate::cue_model`] scores
//! each attribution a listed cue makes from the same parse features as the learned cues
//! ([`learned::features`]) plus the cue's class and the attribution's shape; an attribution
//! scoring under the model's threshold is left out of [`crate::RuleSet::attributions`].
//!
//! Claims are not touched: the claim pipeline never reads the attributions this filters, and
//! only sentences already parsed are judged. Training: `cargo run --release -p eval --example veto_model`.

use super::attribution::{Attribution, SpeakerRef};
use super::learned;
use super::sentence::Words;
use super::structure::Reading;
use super::tree::Tree;
use crate::ruleset::RuleSet;

/// The features of a listed cue's attribution, or `None` when the veto does not judge it
/// (a learned cue, which its own classifier took; a sentence without a parse).
pub fn features(
    rules: &RuleSet,
    tree: Option<&Tree>,
    words: &Words,
    text: &str,
    attr: &Attribution,
    resolved: bool,
) -> Option<Vec<String>> {
    let learned = [rules.learned_verb(), rules.learned_noun()];
    if learned.contains(&Some(attr.cue.cue)) {
        return None;
    }
    let tree = tree?;
    let i = tree.head_in(attr.cue.span)?;
    let reading = Reading {
        speaker: attr.speaker.unwrap_or(SpeakerRef::Shared),
        content: (!attr.content.is_empty()).then_some(attr.content),
        layout: attr.layout,
    };
    let cue = &rules.cues[attr.cue.cue as usize];
    let mut out = learned::features(tree, words, text, i, &reading);
    out.extend([
        format!("cue={}", cue.lemma),
        format!("claims={}", cue.claims),
        format!("kind={:?}", cue.kind),
        format!("stance={:?}", cue.stance),
        format!("sourceless={}", attr.sourceless),
        format!("speaker={}", attr.speaker.is_some()),
        format!("resolved={resolved}"),
        format!("negated={}", attr.cue.negation.is_some()),
        format!("passive={}", attr.cue.passive),
        format!("embedded={}", attr.embedded_in.is_some()),
        format!("record_only={}", attr.record_only),
        format!("cue={}|lay={}", cue.lemma, attr.layout),
        format!("claims={}|lay={}", cue.claims, attr.layout),
    ]);
    Some(out)
}
