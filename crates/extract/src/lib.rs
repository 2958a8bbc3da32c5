//! Compiled rule sets and the claims they find.
//!
//! [`RuleSet::compile`] turns the validated packs of the `pack` crate into automata and
//! tables once; the engine applies them to documents, producing [`Claim`]s (the records of
//! the `claim` crate): an actor, a stance, a proposition or a value, with evidence and the
//! reasons for the stance. The crate knows no output format and prints nothing.

mod actor;
pub mod cue_model;
mod engine;
pub mod fixture;
mod inflect;
mod lexicon;
mod matcher;
pub mod pipeline;
mod place;
mod ruleset;

use claim::{Attribution, Claim, Explanation};
use parse::Parsed;
pub use ruleset::RuleSet;

impl RuleSet {
    /// The claims of one parsed document, in text order.
    pub fn extract(&self, parsed: &Parsed<'_>) -> Vec<Claim> {
        engine::run(self, parsed, false).0
    }

    /// Every attribution of one parsed document (cue, speaker, content), known speakers or
    /// not, in text order.
    pub fn attributions(&self, parsed: &Parsed<'_>) -> Vec<Attribution> {
        engine::attributions(self, parsed)
    }

    /// Every attribution of one parsed document before the veto on listed cues, each with
    /// the features the veto reads (`None` for one it does not judge): what the veto is
    /// trained on (`cargo run -p eval --example veto_model`).
    pub fn judged_attributions(&self, parsed: &Parsed<'_>) -> Vec<(Attribution, Option<Vec<String>>)> {
        engine::judged_attributions(self, parsed)
    }

    /// Every attribution the veto may judge in one parsed document: those of
    /// [`RuleSet::judged_attributions`] and the listed cues' attributions whose speaker was
    /// not found, which stand only when the veto accepts them (what the veto is trained on).
    pub fn veto_candidates(&self, parsed: &Parsed<'_>) -> Vec<cue_model::Judged> {
        engine::veto_candidates(self, parsed)
    }

    /// Every word of one parsed document that the learned cue classifier could be asked
    /// about (a verb or noun outside cue lists and quotations that the parse gives a
    /// speaker), whatever the model's vocabulary, with its features: what the classifier is
    /// trained on (`cargo run -p eval --example cue_model`).
    pub fn cue_candidates(&self, parsed: &Parsed<'_>) -> Vec<cue_model::Candidate> {
        engine::cue_candidates(self, parsed)
    }

    /// Where the rule set's reporting cues occur in `text` (every lexicon hit of a cue, before
    /// any reading of the sentence), in text order: for error analysis, to tell a cue no list
    /// holds from one the engine saw but gave no speaker.
    pub fn cue_spans(&self, text: &str) -> Vec<parse::Span> {
        let mut out: Vec<parse::Span> = self
            .lexicon
            .scan(text)
            .into_iter()
            .filter(|h| self.lexicon.roles(h.pattern).iter().any(|r| matches!(r, lexicon::Role::Cue(_))))
            .map(|h| h.span)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The claims of one parsed document with every decision taken for each sentence.
    pub fn explain(&self, parsed: &Parsed<'_>) -> Explanation {
        let (claims, sentences) = engine::run(self, parsed, true);
        let document = parsed.document;
        Explanation { document: document.id.clone(), source: document.source.clone(), sentences, claims }
    }
}
