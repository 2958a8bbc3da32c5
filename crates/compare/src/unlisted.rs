//! Near-duplicate claims that no proposition covers, with opposite stances.
//!
//! Contents are normalised to tokens (lower-case alphanumeric words, negators and a few
//! function words dropped, so "did not carry out the attack" and "carried out the attack"
//! come close). Comparing every pair would be quadratic, so claims are *blocked*: each claim
//! takes its three rarest tokens among those another claim shares, and is put in one block
//! per pair of them (or per token when it has one). Near-duplicates share most tokens and so
//! their rarest ones; claims are compared only within a block, and blocks larger than
//! [`MAX_BLOCK`] (pairs of common words, which say nothing) are skipped. Within a block,
//! each assert is compared with each deny by normalised Levenshtein similarity of the token
//! strings; pairs at or above the threshold are reported once, at lower confidence.

use crate::fingerprint::{fingerprint, normalise_sentence};
use crate::found::{FoundConflict, FoundSide, Subject};
use crate::store::ClaimStore;
use claim::{ConflictKind, Severity, Stance, Voice};
use rayon::prelude::*;
use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Blocks with more claims than this are skipped: their key is too common to say anything.
pub const MAX_BLOCK: usize = 64;

/// How many of a claim's rarest tokens make its blocking keys.
const RAREST: usize = 3;

/// Confidence of an unlisted conflict relative to its similarity: lower than matched ones.
const CONFIDENCE_SCALE: f64 = 0.5;

const DROPPED: &[&str] = &[
    "not", "no", "never", "nor", "t", "n't", "didn", "doesn", "don", "isn", "wasn", "weren", "aren", "hasn", "haven",
    "hadn", "won", "cannot", "the", "a", "an", "of", "to", "and", "that", "was", "were", "is", "are", "be", "been",
    "did", "does", "do", "had", "has", "have", "it", "its", "in", "on", "by",
];

/// The tokens of a content as the unlisted check compares them.
pub fn normalise_tokens(content: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    each_token(content, |t| tokens.push(t.to_owned()));
    tokens
}

/// Calls `f` with each token of `content` (see [`normalise_tokens`]), lower-cased in one
/// reused buffer: the unlisted check sees a million contents at 10 M claims.
fn each_token(content: &str, mut f: impl FnMut(&str)) {
    let mut token = String::new();
    for word in content.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        token.clear();
        if word.is_ascii() {
            token.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            token.push_str(&word.to_lowercase());
        }
        if !DROPPED.contains(&token.as_str()) {
            f(&token);
        }
    }
}

struct Candidate {
    claim: u32,
    stance: Stance,
    text: String,
    hashes: Vec<u64>,
}

/// Unlisted conflicts among the claims of `store` (those with a proposition, in the
/// outlet's voice or hedged are left out) at `similarity` or above.
pub(crate) fn unlisted(store: &ClaimStore, similarity: f64, severity: Severity) -> Vec<FoundConflict> {
    let candidates = candidates(store);
    let keys = blocking_keys(&candidates);
    let blocks: Vec<&[(u64, u32)]> =
        keys.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() > 1 && b.len() <= MAX_BLOCK).collect();
    // A near-duplicate pair shares up to three keys: collect the candidate pairs first and
    // compute each similarity once.
    let mut candidate_pairs: Vec<(u32, u32)> = blocks
        .par_iter()
        .flat_map_iter(|block| {
            let mut found = Vec::new();
            for (i, &(_, x)) in block.iter().enumerate() {
                for &(_, y) in &block[i + 1..] {
                    let (a, b) = (&candidates[x as usize], &candidates[y as usize]);
                    if a.stance == b.stance {
                        continue;
                    }
                    let (short, long) = (a.text.len().min(b.text.len()), a.text.len().max(b.text.len()));
                    // Levenshtein distance is at least the length difference: skip early.
                    if (short as f64) < similarity * long as f64 {
                        continue;
                    }
                    found.push((x.min(y), x.max(y)));
                }
            }
            found
        })
        .collect();
    drop(blocks);
    drop(keys);
    candidate_pairs.par_sort_unstable();
    candidate_pairs.dedup();
    let pairs: Vec<(u32, u32, f64)> = candidate_pairs
        .par_iter()
        .filter_map(|&(x, y)| {
            similarity_at_least(&candidates[x as usize].text, &candidates[y as usize].text, similarity)
                .map(|score| (x, y, score))
        })
        .collect();

    pairs
        .par_iter()
        .map(|&(x, y, score)| {
            let (a, b) = (&candidates[x as usize], &candidates[y as usize]);
            let (assert, deny) = if a.stance == Stance::Assert { (a.claim, b.claim) } else { (b.claim, a.claim) };
            conflict(store, assert, deny, score, severity)
        })
        .collect()
}

/// The claims the unlisted check reads, their contents tokenised, in claim order.
fn candidates(store: &ClaimStore) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = store
        .claims
        .par_iter()
        .enumerate()
        // A claim that gives a value is compared by its frame: its content (a whole clause
        // around the figure) is no statement of its own for a denial to echo.
        .filter(|(_, c)| {
            c.proposition.is_none() && c.frame.is_none() && c.voice == Voice::Actor && c.stance != Stance::Hedge
        })
        .filter_map(|(index, claim)| {
            let content = store.str(claim.content);
            let mut text = String::with_capacity(content.len());
            let mut hashes = Vec::new();
            each_token(content, |token| {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(token);
                hashes.push(xxh3_64(token.as_bytes()));
            });
            if hashes.is_empty() {
                return None;
            }
            hashes.sort_unstable();
            hashes.dedup();
            Some(Candidate { claim: index as u32, stance: claim.stance, text, hashes })
        })
        .collect();
    // Candidate indices must not depend on input order: sort by claim order first.
    candidates.par_sort_by(|a, b| store.claim_cmp(a.claim, b.claim));
    candidates
}

/// Blocking keys of the candidates, sorted: each candidate's rarest shared token, or each
/// pair of its rarest shared tokens, with the candidate's index.
fn blocking_keys(candidates: &[Candidate]) -> Vec<(u64, u32)> {
    let mut all: Vec<u64> = candidates.par_iter().flat_map_iter(|c| c.hashes.iter().copied()).collect();
    all.par_sort_unstable();
    let df: HashMap<u64, u32> =
        all.chunk_by(|a, b| a == b).filter(|run| run.len() > 1).map(|run| (run[0], run.len() as u32)).collect();
    drop(all);

    let mut keys: Vec<(u64, u32)> = candidates
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, candidate)| {
            let mut shared: Vec<(u32, u64)> =
                candidate.hashes.iter().filter_map(|h| df.get(h).map(|n| (*n, *h))).collect();
            shared.sort_unstable();
            shared.truncate(RAREST);
            let mut out = Vec::with_capacity(3);
            if shared.len() == 1 {
                out.push((shared[0].1, index as u32));
            }
            for i in 0..shared.len() {
                for j in i + 1..shared.len() {
                    let (a, b) = (shared[i].1.min(shared[j].1), shared[i].1.max(shared[j].1));
                    out.push((a.rotate_left(17) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15), index as u32));
                }
            }
            out
        })
        .collect();
    keys.par_sort_unstable();
    keys
}

/// Normalised Levenshtein similarity of two normalised contents (as
/// `strsim::normalized_levenshtein`), when it is at least `threshold`; `None` below it.
/// ASCII texts take a banded computation on bytes: only the diagonals a distance within the
/// threshold can use, O(k·n) instead of O(n²).
pub fn similarity_at_least(a: &str, b: &str, threshold: f64) -> Option<f64> {
    let score = if a.is_ascii() && b.is_ascii() {
        let longest = a.len().max(b.len());
        if longest == 0 {
            return (1.0 >= threshold).then_some(1.0);
        }
        let budget = ((1.0 - threshold.clamp(0.0, 1.0)) * longest as f64 + 1e-9).floor() as usize;
        let distance = bounded_levenshtein(a.as_bytes(), b.as_bytes(), budget)?;
        1.0 - distance as f64 / longest as f64
    } else {
        strsim::normalized_levenshtein(a, b)
    };
    (score >= threshold).then_some(score)
}

/// Levenshtein distance of two byte strings when it is at most `k`, else `None`. Cells off
/// the band |i - j| <= k hold stale values above `k`, so every value at most `k` is exact.
fn bounded_levenshtein(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let far = k + 1;
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(far)).collect();
    for (index, &x) in a.iter().enumerate() {
        let i = index + 1;
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        let mut diagonal = row[lo - 1];
        row[lo - 1] = if lo == 1 { i.min(far) } else { far };
        let mut best = row[lo - 1];
        for j in lo..=hi {
            let above = row[j];
            let cell = if x == b[j - 1] { diagonal } else { 1 + diagonal.min(above).min(row[j - 1]) };
            row[j] = cell.min(far);
            best = best.min(row[j]);
            diagonal = above;
        }
        if best > k {
            return None;
        }
    }
    let distance = row[b.len()];
    (distance <= k).then_some(distance)
}

fn side(store: &ClaimStore, claim: u32) -> FoundSide {
    let c = store.at(claim);
    FoundSide {
        actor: c.principal,
        actor_name: c.principal_name,
        stance: c.stance,
        value: None,
        evidence: vec![claim],
        evidence_omitted: 0,
    }
}

fn conflict(store: &ClaimStore, assert: u32, deny: u32, score: f64, severity: Severity) -> FoundConflict {
    let (a, d) = (store.at(assert), store.at(deny));
    let mut actors = vec![a.principal, d.principal];
    actors.sort_unstable();
    actors.dedup();
    let sides = vec![side(store, assert), side(store, deny)];
    // Rounded so the JSON form does not carry float noise from the distance computation.
    let confidence = (score * CONFIDENCE_SCALE * 1000.0).round() / 1000.0;
    let content = store.str(a.content);
    let message = format!(
        "{} denies what {} asserts, in near-identical words (similarity {:.2}): {}",
        store.str(d.principal_name),
        store.str(a.principal_name),
        score,
        content
    );
    let kind = ConflictKind::Unlisted;
    FoundConflict {
        kind,
        severity,
        fingerprint: fingerprint(store, kind, &normalise_sentence(content), &actors, &sides),
        subject: Subject::Unlisted,
        event: None,
        actors,
        message,
        confidence,
        sides,
    }
}

#[cfg(test)]
mod tests {
    use super::similarity_at_least;
    use proptest::prelude::*;

    fn check(a: &str, b: &str, threshold: f64) {
        let expected = strsim::normalized_levenshtein(a, b);
        let got = similarity_at_least(a, b, threshold);
        if expected >= threshold {
            assert!(
                got.is_some_and(|g| (g - expected).abs() < 1e-12),
                "{a:?} / {b:?} at {threshold}: {got:?} vs {expected}"
            );
        } else {
            assert_eq!(got, None, "{a:?} / {b:?} at {threshold}");
        }
    }

    #[test]
    fn banded_similarity_agrees_with_strsim() {
        for (a, b) in [("kitten", "sitting"), ("", "abc"), ("same", "same"), ("air force drop", "air force dropped")] {
            for threshold in [0.0, 0.5, 0.6, 0.85, 1.0] {
                check(a, b, threshold);
            }
        }
        check("café au lait", "cafe au lait", 0.85);
    }

    /// The tokens as they were computed before the reused buffer: one `to_lowercase` each.
    fn tokens_by_words(content: &str) -> Vec<String> {
        content
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !super::DROPPED.contains(&w.as_str()))
            .collect()
    }

    proptest! {
        #[test]
        fn tokens_are_lower_case_words_without_function_words(content in "(The|NOT|didn't|Çà|ÉTÉ|x1|[a-zA-Z0-9 ,.'-]{1,8}){0,12}") {
            prop_assert_eq!(super::normalise_tokens(&content), tokens_by_words(&content));
        }

        #[test]
        fn banded_similarity_agrees_on_random_text(a in "[ab c]{0,24}", b in "[ab c]{0,24}", t in 0.0f64..1.0) {
            check(&a, &b, t);
        }
    }
}
