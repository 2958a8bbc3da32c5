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
mod place;
mod ruleset;

use claim::{Claim, Explanation};
pub use ruleset::RuleSet;

impl RuleSet {
    /// The claims of one document, in text order.
    pub fn extract(&self, document: &parse::Document) -> Vec<Claim> {
        engine::run(self, document, false).0
    }

    /// The claims of one document with every decision taken for each sentence.
    pub fn explain(&self, document: &parse::Document) -> Explanation {
        let (claims, sentences) = engine::run(self, document, true);
        Explanation { document: document.id.clone(), source: document.source.clone(), sentences, claims }
    }
}
