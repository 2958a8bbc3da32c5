//! Running rule fixtures: a text and the claims it must and must not yield.

use crate::ruleset::RuleSet;
use claim::Claim;
pub use claim::text::{describe, parse_value, same_interval};
use pack::schema::{ExpectedClaim, FixtureCase};
use parse::{Date, Document};

/// The result of one fixture case.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The case's name.
    pub name: String,
    /// Expected claims that were not found, described.
    pub missing: Vec<String>,
    /// Forbidden claims that were found, described.
    pub unexpected: Vec<String>,
    /// Every claim found, described, for the diff.
    pub found: Vec<String>,
}

impl Outcome {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Runs one case against a rule set.
pub fn run(rules: &RuleSet, case: &FixtureCase) -> Outcome {
    let mut document = Document::from_text(case.name.clone(), case.text.clone());
    document.published = case.published.as_deref().and_then(Date::parse_published);
    document.source = case.source.clone().unwrap_or_else(|| "fixture".into());
    document.title = case.title.clone();
    let all = rules.extract(&parse::parse(&document));
    // A headline's figures are no claims: neither expected nor forbidden ones.
    let claims: Vec<&Claim> = all.iter().filter(|c| c.voice.claims()).collect();
    let missing = case.claims.iter().filter(|e| !claims.iter().any(|c| matches(e, c))).map(describe_expected).collect();
    let unexpected = case
        .not_claims
        .iter()
        .flat_map(|e| {
            claims
                .iter()
                .filter(|c| matches(e, c))
                .map(move |c| format!("{} (forbidden by {})", describe(c), describe_expected(e)))
        })
        .collect();
    Outcome { name: case.name.clone(), missing, unexpected, found: all.iter().map(describe).collect() }
}

/// Whether a claim is what an expectation describes; fields left out match anything.
pub fn matches(expected: &ExpectedClaim, claim: &Claim) -> bool {
    let actor = expected.actor.as_ref().is_none_or(|a| *a == claim.actor.id || *a == claim.principal.id);
    let stance = expected.stance.is_none_or(|s| s == claim.stance);
    let proposition =
        expected.proposition.as_ref().is_none_or(|p| claim.proposition.as_ref().is_some_and(|c| c.id == *p));
    let frame = expected.frame.as_ref().is_none_or(|f| claim.value.as_ref().is_some_and(|v| v.frame.id == *f));
    let value = expected.value.as_ref().is_none_or(|text| {
        claim.value.as_ref().is_some_and(|v| parse_value(text, v.kind).is_some_and(|i| same_interval(&i, &v.interval)))
    });
    let event = claim.value.as_ref().and_then(|v| v.event.as_ref());
    let place =
        expected.place.as_ref().is_none_or(|p| event.and_then(|e| e.place.as_ref()).is_some_and(|c| c.id == *p));
    let day = expected
        .day
        .as_ref()
        .is_none_or(|d| event.and_then(|e| e.date).is_some_and(|c| Date::parse_published(d) == Some(c)));
    let kind =
        expected.event_kind.as_ref().is_none_or(|k| event.and_then(|e| e.kind.as_ref()).is_some_and(|c| c.id == *k));
    actor && stance && proposition && frame && value && place && day && kind
}

fn describe_expected(e: &ExpectedClaim) -> String {
    let mut parts = Vec::new();
    parts.push(e.actor.clone().unwrap_or_else(|| "*".into()));
    parts.push(e.stance.map_or_else(|| "*".into(), |s| s.to_string()));
    if let Some(p) = &e.proposition {
        parts.push(p.clone());
    }
    if let Some(f) = &e.frame {
        parts.push(f.clone());
    }
    if let Some(v) = &e.value {
        parts.push(format!("= {v}"));
    }
    for (what, given) in [("place", &e.place), ("day", &e.day), ("event kind", &e.event_kind)] {
        if let Some(given) = given {
            parts.push(format!("{what} {given}"));
        }
    }
    parts.join(" ")
}
