//! Rule packs and the claims they find.
//!
//! [`schema`] mirrors the YAML of a pack; [`pack`] loads and validates packs with located
//! errors; the engine compiles them into matchers and applies them to parsed documents,
//! producing [`Claim`]s: an actor, a stance, a proposition or a value, with evidence.
//! The crate knows no output format and prints nothing.

pub mod check;
pub mod claim;
pub mod pack;
pub mod schema;

pub use check::{ConflictKind, Severity};
pub use claim::{ActorRef, Claim, Evidence, FrameRef, Marked, PropositionRef, Stance, Value, Voice};
