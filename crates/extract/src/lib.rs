//! Compiled rule sets and the claims they find.
//!
//! [`RuleSet::compile`] turns the validated packs of the `pack` crate into automata and
//! tables once; the engine applies them to documents, producing [`Claim`]s (the records of
//! the `claim` crate): an actor, a stance, a proposition or a value, with evidence and the
//! reasons for the stance. The crate knows no output format and prints nothing.

mod actor;
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

    /// The claims of one parsed document with every decision taken for each sentence.
    pub fn explain(&self, parsed: &Parsed<'_>) -> Explanation {
        let (claims, sentences) = engine::run(self, parsed, true);
        let document = parsed.document;
        Explanation { document: document.id.clone(), source: document.source.clone(), sentences, claims }
    }
}
