//! Same claims, same bytes: whatever the input order, the thread count, or a JSON Lines
//! round trip through another process's output.

use claim::Checks;
use claim::Claim;
use compare::synth::{SynthConfig, generate, generate_into};
use compare::{ClaimStoreBuilder, compare, compare_store, read_claims_jsonl, read_claims_jsonl_into};
use proptest::prelude::*;

fn bytes_in_pool(claims: &[Claim], threads: usize) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
    let run = || serde_json::to_vec(&compare(claims, &Checks::default())).unwrap_or_default();
    match pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

fn corpus() -> Vec<Claim> {
    let mut config = SynthConfig::new(3000, 7);
    // Fewer propositions and states than the default so every kind shows up.
    config.propositions = 100;
    config.states = 40;
    generate(&config)
}

#[test]
fn synthetic_corpus_has_every_kind() {
    let comparison = compare(&corpus(), &Checks::default());
    for kind in claim::ConflictKind::ALL {
        let found: Vec<_> = comparison.conflicts.iter().map(|c| c.kind).collect();
        assert!(found.contains(&kind), "no {kind} conflict in the synthetic corpus: {found:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    #[test]
    fn shuffled_input_and_any_pool_give_identical_bytes(seed in any::<u64>()) {
        let claims = corpus();
        let expected = bytes_in_pool(&claims, 1);
        prop_assert!(expected.len() > 1000);
        let mut shuffled = claims;
        // Fisher-Yates with a splitmix sequence from the proptest seed.
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            shuffled.swap(i, ((z ^ (z >> 31)) % (i as u64 + 1)) as usize);
        }
        prop_assert!(bytes_in_pool(&shuffled, 1) == expected);
        prop_assert!(bytes_in_pool(&shuffled, 4) == expected);
    }
}

#[test]
fn jsonl_round_trip_compares_identically() {
    let claims = corpus();
    let mut text = String::new();
    for claim in &claims {
        text.push_str(&serde_json::to_string(claim).unwrap_or_default());
        text.push('\n');
    }
    text.push_str("\n{\"not\": \"a claim\"}\n");
    let (read, errors) = read_claims_jsonl(text.as_bytes());
    assert_eq!(read.len(), claims.len());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, claims.len() + 2);
    let a = serde_json::to_vec(&compare(&claims, &Checks::default())).unwrap_or_default();
    let b = serde_json::to_vec(&compare(&read, &Checks::default())).unwrap_or_default();
    assert!(a == b);
}

/// Claims with every optional field set: cue and speaker, a value with an event, non-ASCII
/// text, blocs and reasons, so the store's round trip covers each field.
fn rich_claims() -> Vec<Claim> {
    use crate::claim as make;
    use parse::Bound;
    let mut claims = corpus();
    for (i, claim) in claims.iter_mut().enumerate().filter(|(i, _)| i % 7 == 0) {
        claim.evidence.cue = Some(claim::Marked { text: "dénied".into(), span: parse::Span::new(i, i + 6) });
        claim.evidence.speaker = Some(claim::Marked { text: format!("he{i}"), span: parse::Span::new(0, 2) });
        claim.reasons.push("négation `not`".into());
        claim.blocs.clear();
    }
    claims.push(
        make("source:a", claim::Stance::Assert, None, 9_999, "74 killed in Khan Shaykhun.")
            .outlet_voice()
            .count("casualties/killed", Bound::Inclusive(74.0), Bound::Inclusive(74.0), "74")
            .event("khan-shaykhun", &["idlib", "syria"], (2017, 4, 4), Some(("airstrike", &["bombing"])))
            .build(),
    );
    claims
}

#[test]
fn store_gives_back_each_claim_as_added() {
    let claims = rich_claims();
    let mut builder = ClaimStoreBuilder::new();
    // Batches that do not divide the claims: several text chunks and value offsets.
    for batch in claims.chunks(1_001) {
        builder.add(batch);
    }
    assert_eq!(builder.len(), claims.len());
    let store = builder.finish();
    assert_eq!(store.len(), claims.len());
    for (i, claim) in claims.iter().enumerate() {
        assert_eq!(store.claim(i).as_ref(), Some(claim), "claim {i}");
    }
    assert_eq!(store.claim(claims.len()), None);
}

#[test]
fn store_fed_in_batches_compares_as_owned_claims() {
    let claims = rich_claims();
    let expected = serde_json::to_vec(&compare(&claims, &Checks::default())).unwrap_or_default();
    let mut builder = ClaimStoreBuilder::new();
    for batch in claims.chunks(333) {
        builder.add(batch);
    }
    let store = builder.finish();
    let findings = compare_store(&store, &Checks::default());
    let comparison = findings.comparison(&store);
    assert!(serde_json::to_vec(&comparison).unwrap_or_default() == expected);
    assert_eq!(findings.conflicts(), comparison.conflicts.len());
    assert_eq!(findings.conflict(&store, 0).as_ref(), comparison.conflicts.first());
    assert_eq!(findings.position(&store, 0).as_ref(), comparison.positions.first());
}

#[test]
fn synthetic_claims_generated_into_a_store_are_the_generated_claims() {
    let mut config = SynthConfig::new(2_500, 11);
    config.propositions = 60;
    let claims = generate(&config);
    let mut builder = ClaimStoreBuilder::new();
    generate_into(&config, &mut builder, 700);
    let store = builder.finish();
    let from_store: Vec<Claim> = (0..store.len()).filter_map(|i| store.claim(i)).collect();
    assert!(from_store == claims);
}

#[test]
fn jsonl_read_into_a_store_compares_as_read_claims() {
    let claims = rich_claims();
    let mut text = String::new();
    for claim in &claims {
        text.push_str(&serde_json::to_string(claim).unwrap_or_default());
        text.push('\n');
    }
    text.push_str("not json\n");
    let mut builder = ClaimStoreBuilder::new();
    let (read, errors) = read_claims_jsonl_into(text.as_bytes(), &mut builder);
    assert_eq!((read, errors.len()), (claims.len(), 1));
    let store = builder.finish();
    assert_eq!(
        store.documents(),
        claims
            .iter()
            .map(|c| (&c.evidence.path, c.evidence.ordinal.record))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    let a = serde_json::to_vec(&compare(&claims, &Checks::default())).unwrap_or_default();
    let b = serde_json::to_vec(&compare_store(&store, &Checks::default()).comparison(&store)).unwrap_or_default();
    assert!(a == b);
}
