//! What `claimcheck explain` shows: every decision the engine took for each sentence.

use crate::Claim;
use serde::{Deserialize, Serialize};

/// What sort of decision a step records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    /// The sentence lies in a direct quote.
    Quote,
    /// An actor mention and what it resolved to.
    Mention,
    /// A reporting cue.
    Cue,
    /// Who the speaker is and how that was found.
    Speaker,
    /// The words taken as what was said.
    Content,
    /// A negator and what it negates.
    Negation,
    /// A denial marker, hedge or rival agent in the content.
    Marker,
    /// A proposition matched, with the stance and its reasons.
    Proposition,
    /// A value read for a frame.
    Value,
    /// Why something that looked like a claim is not one.
    Skip,
    /// A claim that lost to another of the same speaker on the same proposition in the
    /// same sentence, with the evidence of each.
    Rejected,
}

/// One decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// What sort.
    pub kind: StepKind,
    /// The words it is about, as written (normalised).
    pub text: String,
    /// What was decided.
    pub detail: String,
}

/// The decisions for one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceTrace {
    /// 1-based line of the sentence in the file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The sentence as written.
    pub text: String,
    /// Decisions, in the order taken.
    pub steps: Vec<Step>,
}

/// Every decision for one document, and the claims that came of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// Document id.
    pub document: String,
    /// The outlet.
    pub source: String,
    /// Sentences, in order.
    pub sentences: Vec<SentenceTrace>,
    /// The claims found.
    pub claims: Vec<Claim>,
}
