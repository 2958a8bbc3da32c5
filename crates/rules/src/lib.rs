//! Rule packs and the claims they find.
//!
//! [`schema`] mirrors the YAML of a pack; [`pack`] loads and validates packs with located
//! errors; [`RuleSet::compile`] turns them into automata and tables once; the engine applies
//! them to documents, producing [`Claim`]s: an actor, a stance, a proposition or a value,
//! with evidence and the reasons for the stance. The crate knows no output format and
//! prints nothing.

mod actor;
pub mod check;
pub mod claim;
mod engine;
pub mod fixture;
mod frame;
mod inflect;
mod lexicon;
mod matcher;
pub mod pack;
mod place;
mod ruleset;
pub mod schema;
pub mod trace;

pub use check::{ConflictKind, Severity};
pub use claim::{
    ActorRef, Claim, Event, EventKindRef, Evidence, Found, FrameRef, Marked, Named, PlaceRef, PropositionRef, Stance,
    Value, ValueKind, Voice,
};
pub use ruleset::RuleSet;
pub use trace::Explanation;

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
