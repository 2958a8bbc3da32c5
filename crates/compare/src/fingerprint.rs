//! Stable conflict fingerprints for baselines: what the conflict is about, never the evidence
//! read for it. A baselined conflict must stay hidden when one more article repeats a known
//! position, when a report is removed, reworded or moved; only a change in what is disputed,
//! by whom, or (for values) which readings, is a new conflict.

use crate::record::Side;
use claim::ConflictKind;
use xxhash_rust::xxh3::Xxh3;

/// A sentence as compared for fingerprints: lower case, words separated by one space.
pub fn normalise_sentence(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    for word in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// xxh3 (64 bits, 16 hex digits) of the kind, the subject (proposition or frame id; for an
/// unlisted conflict the normalised content disputed), the actors and, per side in a fixed
/// order, its actor, stance and value. Evidence (sentences, how many, paths, lines) and the
/// order documents were read in do not enter it.
pub(crate) fn fingerprint(kind: ConflictKind, subject: &str, actors: &[String], sides: &[Side]) -> String {
    let mut hasher = Xxh3::new();
    let mut field = |text: &str| {
        hasher.update(text.as_bytes());
        // A separator no text holds, so ("ab", "c") and ("a", "bc") hash apart.
        hasher.update(&[0xff]);
    };
    field("v2");
    field(kind.name());
    field(subject);
    for actor in actors {
        field(actor);
    }
    // Sides are ordered by their evidence in the report; here by what they are, so a report
    // read earlier than another does not change the fingerprint.
    let mut keys: Vec<(&str, &str, String)> = sides
        .iter()
        .map(|side| {
            let value = side.value.as_ref().map(|v| v.interval.to_string()).unwrap_or_default();
            (side.actor.as_str(), side.stance.name(), value)
        })
        .collect();
    keys.sort_unstable();
    for (actor, stance, value) in &keys {
        field("side");
        field(actor);
        field(stance);
        field(value);
    }
    format!("{:016x}", hasher.digest())
}
