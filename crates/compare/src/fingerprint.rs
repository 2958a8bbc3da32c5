//! Stable conflict fingerprints for baselines: what the conflict is about and what was
//! said, never where in which file it was read.

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

/// xxh3 (64 bits, 16 hex digits) of the kind, subject, actors and, per side, its actor,
/// stance, value and the set of its normalised evidence sentences. Paths, line numbers and
/// the order documents were read in do not enter it.
pub(crate) fn fingerprint(kind: ConflictKind, subject: &str, actors: &[String], sides: &[Side]) -> String {
    let mut hasher = Xxh3::new();
    let mut field = |text: &str| {
        hasher.update(text.as_bytes());
        // A separator no text holds, so ("ab", "c") and ("a", "bc") hash apart.
        hasher.update(&[0xff]);
    };
    field(kind.name());
    field(subject);
    for actor in actors {
        field(actor);
    }
    for side in sides {
        field("side");
        field(&side.actor);
        field(side.stance.name());
        if let Some(value) = &side.value {
            field(&value.interval.to_string());
        }
        let mut sentences: Vec<String> =
            side.evidence.iter().map(|e| normalise_sentence(&e.evidence.sentence)).collect();
        sentences.sort_unstable();
        sentences.dedup();
        for sentence in &sentences {
            field(sentence);
        }
    }
    format!("{:016x}", hasher.digest())
}
