//! Stable conflict fingerprints for baselines: what the conflict is about, never the evidence
//! read for it. A baselined conflict must stay hidden when one more article repeats a known
//! position, when a report is removed, reworded or moved; only a change in what is disputed,
//! by whom, or (for values) which readings, is a new conflict.

use crate::found::FoundSide;
use crate::intern::Sym;
use crate::store::ClaimStore;
use claim::ConflictKind;
use xxhash_rust::xxh3::Xxh3;

/// A sentence as compared for fingerprints: lower case, words separated by one space.
pub fn normalise_sentence(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    if sentence.is_ascii() {
        // The same as below for ASCII, byte by byte: the white space `split_whitespace` cuts
        // at in ASCII is tab to carriage return and space; lower case is ASCII lower case.
        for word in sentence.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' ')).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.iter().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return out;
    }
    normalise_unicode(sentence, out)
}

/// [`normalise_sentence`] for any text, appending to `out`.
fn normalise_unicode(sentence: &str, mut out: String) -> String {
    for word in sentence.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// xxh3 (64 bits, written as 16 hex digits) of the kind, the subject (proposition or frame
/// id; for an unlisted conflict the normalised content disputed), the actors and, per side in
/// a fixed order, its actor, stance and value. Evidence (sentences, how many, paths, lines)
/// and the order documents were read in do not enter it.
pub(crate) fn fingerprint(
    store: &ClaimStore,
    kind: ConflictKind,
    subject: &str,
    actors: &[Sym],
    sides: &[FoundSide],
) -> u64 {
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
        field(store.str(*actor));
    }
    // Sides are ordered by their evidence in the report; here by what they are, so a report
    // read earlier than another does not change the fingerprint.
    let mut keys: Vec<(&str, &str, String)> = sides
        .iter()
        .map(|side| {
            let value = side
                .value
                .and_then(|claim| store.value(store.at(claim)))
                .map(|v| v.interval.to_string())
                .unwrap_or_default();
            (store.str(side.actor), side.stance.name(), value)
        })
        .collect();
    keys.sort_unstable();
    for (actor, stance, value) in &keys {
        field("side");
        field(actor);
        field(stance);
        field(value);
    }
    hasher.digest()
}

#[cfg(test)]
mod tests {
    use super::{normalise_sentence, normalise_unicode};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_normalisation_is_the_unicode_one(sentence in "[\\x00-\\x7f]{0,40}") {
            prop_assert_eq!(normalise_sentence(&sentence), normalise_unicode(&sentence, String::new()));
        }
    }

    #[test]
    fn white_space_and_case() {
        assert_eq!(normalise_sentence("  The\tKremlin\x0bDENIED \x1c it. "), "the kremlin denied \x1c it.");
        assert_eq!(normalise_sentence("Çà\u{a0}Va"), "çà va");
    }
}
