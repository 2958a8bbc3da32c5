//! The veto on listed cues' attributions: a word of a cue list reports speech only in some
//! of its uses ("he *found* ways to win", "the ruling *proved* devastating"), and PolNeAR's
//! readers leave the others unmarked. An averaged perceptron of [`crate::cue_model`] scores
//! each attribution a listed cue makes from the same parse features as the learned cues
//! ([`learned::features`]) plus the cue's class, the attribution's shape and how its speaker
//! was resolved (a pack's actor, the outlet, an open-world name, description or pronoun; how
//! far from the cue; quoted words or not); an attribution scoring under the model's threshold
//! is left out of [`crate::RuleSet::attributions`].
//!
//! It also decides the attributions with no speaker: a listed cue the reading gave no
//! attribution ([`unread`]: "questions about his taxes", "was widely expected") or no speaker
//! is one only when the veto accepts it; PolNeAR marks these with no Source (6 % of its
//! attributions). Their features are the same, prefixed `ns|`: their own weights, and their
//! own threshold written as the weight of `ns|bias`.
//!
//! Claims are not touched: the claim pipeline never reads the attributions this filters, and
//! only sentences already parsed are judged. Training: `cargo run --release -p eval --example veto_model`.

use super::attribution::{self, Attribution, SpeakerRef};
use super::learned;
use super::sentence::{Found, Words};
use super::structure::Reading;
use super::tree::{Dep, Tree};
use super::{Run, Speaker, Who, phrase, veto_candidates};
use crate::ruleset::RuleSet;
use parse::{Parsed, Span};

/// How an attribution's speaker was resolved, as the veto reads it.
#[derive(Clone, Copy, Debug)]
pub struct Resolution {
    /// What the speaker turned out to be: `actor` (a pack's), `outlet`, `named`,
    /// `description` or `pronoun` (open-world), `none`.
    pub kind: &'static str,
    /// Whether the reading found no speaker where the text may name one (the attribution
    /// stands only when the veto accepts it).
    pub speakerless: bool,
}

/// The features of a listed cue's attribution, or `None` when the veto does not judge it
/// (a learned cue, which its own classifier took; a poll's, which names its source by its
/// place; a sentence without a parse).
pub fn features(
    rules: &RuleSet,
    tree: Option<&Tree>,
    words: &Words,
    text: &str,
    attr: &Attribution,
    resolution: Resolution,
) -> Option<Vec<String>> {
    let (resolved, speakerless) = (resolution.kind != "none", resolution.speakerless);
    let learned = [rules.learned_verb(), rules.learned_noun()];
    if learned.contains(&Some(attr.cue.cue)) || attr.layout == attribution::SURVEY {
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
    let mut out = learned::features(tree, words, text, i, &reading).to_strings();
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
        format!("who={}", resolution.kind),
        format!("who={}|lay={}", resolution.kind, attr.layout),
        format!("cue={}|who={}", cue.lemma, resolution.kind),
    ]);
    out.extend(distance(words, attr));
    // What is said in quotation marks is someone's words: a report ("…," she said).
    let quoted = !attr.content.is_empty()
        && (attr.content.text(text).starts_with('"')
            || text.get(..attr.content.start).is_some_and(|b| b.trim_end().ends_with('"')));
    out.push(format!("quoted={quoted}"));
    // An attribution without the speaker it may have is a different question ("questions
    // about", "was asked"): its own weights, on the same scale.
    if speakerless {
        for f in &mut out {
            f.insert_str(0, "ns|");
        }
    }
    Some(out)
}

/// How far the speaker as written is from the cue, in words, and on which side: an
/// apposition or a relative clause between them, or a phrase the layout reached far for.
fn distance(words: &Words, attr: &Attribution) -> Option<String> {
    let speaker = attr.speaker.as_ref().and_then(attribution::span_of)?;
    let cue = attr.cue.span;
    let (side, gap) = if speaker.end <= cue.start {
        ("before", words.at(cue.start).saturating_sub(words.before(speaker.end)))
    } else {
        ("after", words.at(speaker.start).saturating_sub(words.before(cue.end)))
    };
    let bucket = match gap {
        0 => "0",
        1..=2 => "1-2",
        3..=7 => "3-7",
        8..=15 => "8-15",
        _ => "16+",
    };
    Some(format!("gap={side}|{bucket}"))
}

/// Every attribution of one parsed document with a speaker, in text order: pass one alone,
/// without those the veto on listed cues rejects ([`veto`]), with the speakerless ones it
/// accepts.
pub(crate) fn attributions(rules: &RuleSet, parsed: &Parsed<'_>) -> Vec<claim::Attribution> {
    let veto = crate::cue_model::Model::embedded_veto();
    veto_candidates(rules, parsed)
        .into_iter()
        .filter(|j| match &j.features {
            Some(f) => !veto.rejects(f),
            None => !j.speakerless,
        })
        .map(|j| j.attribution)
        .collect()
}

/// Every attribution of one parsed document with a speaker, in text order, each with the
/// features the veto on listed cues reads (`None` for those it does not judge).
pub(crate) fn judged_attributions(
    rules: &RuleSet,
    parsed: &Parsed<'_>,
) -> Vec<(claim::Attribution, Option<Vec<String>>)> {
    veto_candidates(rules, parsed).into_iter().filter(|j| !j.speakerless).map(|j| (j.attribution, j.features)).collect()
}

/// The listed cues of a sentence that `read` gave no attribution, each as one with no
/// speaker ("questions about his taxes", "was asked about the wall", "a widely expected
/// ruling"): what the text says with no source, or a cue in another sense. They are kept
/// apart from the sentence's attributions (no claim reads them); the veto decides which
/// stand ([`super::veto`]). Only parsed sentences, learned cues aside.
pub fn unread(rules: &RuleSet, text: &str, found: &Found, tree: &Tree, read: &[Attribution]) -> Vec<Attribution> {
    let learned = [rules.learned_verb(), rules.learned_noun()];
    found
        .cues
        .iter()
        .filter(|c| !learned.contains(&Some(c.cue)) && !read.iter().any(|a| a.cue.span.overlaps(c.span)))
        .filter_map(|c| {
            let w = tree.head_in(c.span)?;
            let content = unread_content(tree, w).unwrap_or(Span::new(c.span.end, c.span.end));
            Some(Attribution {
                cue: *c,
                speaker: None,
                content: attribution::trim(text, content),
                agent: None,
                layout: "no speaker read",
                embedded_in: None,
                sourceless: false,
                record_only: false,
                vouched: false,
            })
        })
        .collect()
}

/// What the cue word `w` says, as the parse hangs it: its clause ("expected to win", "the
/// question whether …"), else the phrase after `about`, `of`, `for`, `on` or `against`.
fn unread_content(tree: &Tree, w: usize) -> Option<Span> {
    let clause = tree.children_with(w, &[Dep::Ccomp, Dep::Xcomp, Dep::Acl]).next().map(|c| tree.clause(c));
    let prep = || {
        let p = tree
            .children_with(w, &[Dep::Prep])
            .find(|&p| p > w && matches!(tree.word(p), "about" | "of" | "for" | "on" | "against"))?;
        let range = tree.clause(p);
        (range.start + 1 < range.end).then(|| range.start + 1..range.end)
    };
    let range = clause.or_else(prep)?;
    Some(tree.span(range))
}

impl Run<'_> {
    /// What a resolved speaker is, for the veto: a pack's actor, the outlet, or an
    /// open-world name, description or pronoun; `none` without one.
    pub(super) fn resolution(&self, speaker: Option<&Speaker>) -> &'static str {
        match speaker.map(|s| &s.who) {
            None => "none",
            Some(Who::Actor(_)) => "actor",
            Some(Who::Outlet) => "outlet",
            Some(Who::Open(k)) => match self.open.get(*k as usize).map(|o| o.kind) {
                Some(phrase::PhraseKind::Named) => "named",
                Some(phrase::PhraseKind::Description) => "description",
                Some(phrase::PhraseKind::Pronoun) => "pronoun",
                None => "open",
            },
        }
    }
}
